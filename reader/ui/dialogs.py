"""Small dialogs: the note editor (direction follows what is typed) and the export dialog."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from reader.core.text import letter_direction


class NoteEditor(QDialog):
    def __init__(self, quote: str, note: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Note"))
        layout = QVBoxLayout(self)
        shown = quote if len(quote) <= 200 else quote[:199] + "…"
        label = QLabel(f"“{shown}”", self)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(label)
        self.editor = QTextEdit(self)
        self.editor.setAcceptRichText(False)
        self.editor.setPlainText(note)
        self.editor.textChanged.connect(self._follow_direction)
        layout.addWidget(self.editor)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(460, 260)
        self._follow_direction()

    def _follow_direction(self) -> None:
        """Right to left as soon as the note is mostly Arabic, left to right when mostly Latin."""
        direction = letter_direction(self.editor.toPlainText())
        doc = self.editor.document()
        option = QTextOption(doc.defaultTextOption())
        wanted = Qt.LayoutDirection.LeftToRight if direction == "ltr" else (
            Qt.LayoutDirection.RightToLeft if direction == "rtl" else self.layoutDirection()
        )
        if option.textDirection() != wanted:
            option.setTextDirection(wanted)
            option.setAlignment(Qt.AlignmentFlag.AlignLeading)
            doc.setDefaultTextOption(option)

    def note(self) -> str:
        return self.editor.toPlainText().strip()


class TrashDialog(QDialog):
    """Highlights in the trash, across the library: restore them or delete them for good."""

    def __init__(self, items: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        """`items`: (annotation id, label) pairs."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Trash"))
        self.restored: list[str] = []
        self.purged: list[str] = []
        layout = QVBoxLayout(self)
        self.list = QListWidget(self)
        self.list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        for annotation_id, label in items:
            item = QListWidgetItem(label, self.list)
            item.setData(Qt.ItemDataRole.UserRole, annotation_id)
        layout.addWidget(self.list)
        self.empty = QLabel(self.tr("The trash is empty."), self)
        self.empty.setVisible(not items)
        layout.addWidget(self.empty)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        restore = buttons.addButton(self.tr("Restore"), QDialogButtonBox.ButtonRole.ActionRole)
        purge = buttons.addButton(self.tr("Delete for good"), QDialogButtonBox.ButtonRole.ActionRole)
        restore.clicked.connect(lambda: self._take(self.restored))
        purge.clicked.connect(lambda: self._take(self.purged))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(520, 360)

    def _take(self, into: list[str]) -> None:
        for item in self.list.selectedItems():
            into.append(str(item.data(Qt.ItemDataRole.UserRole)))
            self.list.takeItem(self.list.row(item))
        self.empty.setVisible(self.list.count() == 0)


class ExportDialog(QDialog):
    """Choose a format and what to export; the file name is asked next."""

    FORMATS = (("native", "Hamish JSON (.json)"), ("w3c", "W3C Web Annotation (.jsonld)"), ("markdown", "Markdown (.md)"))

    def __init__(self, has_article: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export annotations"))
        layout = QVBoxLayout(self)
        fmt_box = QGroupBox(self.tr("Format"), self)
        fmt_layout = QVBoxLayout(fmt_box)
        self.format_group = QButtonGroup(self)
        labels = {
            "native": self.tr("Hamish JSON (imports back, with the article text)"),
            "w3c": self.tr("W3C Web Annotation JSON-LD"),
            "markdown": self.tr("Markdown, for reading"),
        }
        for i, (key, _) in enumerate(self.FORMATS):
            button = QRadioButton(labels[key], fmt_box)
            button.setProperty("format", key)
            button.setChecked(i == 0)
            self.format_group.addButton(button, i)
            fmt_layout.addWidget(button)
        layout.addWidget(fmt_box)
        scope_box = QGroupBox(self.tr("What"), self)
        scope_layout = QVBoxLayout(scope_box)
        self.article_button = QRadioButton(self.tr("This article"), scope_box)
        self.library_button = QRadioButton(self.tr("The whole library"), scope_box)
        self.article_button.setEnabled(has_article)
        (self.article_button if has_article else self.library_button).setChecked(True)
        scope_layout.addWidget(self.article_button)
        scope_layout.addWidget(self.library_button)
        layout.addWidget(scope_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen_format(self) -> str:
        return str(self.format_group.checkedButton().property("format"))

    def whole_library(self) -> bool:
        return self.library_button.isChecked()

    def suffix(self) -> str:
        return {"native": ".json", "w3c": ".jsonld", "markdown": ".md"}[self.chosen_format()]
