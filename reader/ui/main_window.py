"""The main window: library on one side, the article in the middle, annotations and search on
the other; menus, shortcuts, undo, import/export. It calls the services and refreshes views."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QThread, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reader.core.errors import HamishError
from reader.core.files import write_text_atomically
from reader.core.importers import SUPPORTED_SUFFIXES
from reader.core.models import Annotation, SearchHit
from reader.core.paths import INDEX_DIR_NAME
from reader.core.services import Library
from reader.core.text import find_folded
from reader.ui.article_view import THEMES, ArticleView
from reader.ui.commands import AnnotationChange
from reader.ui.dialogs import ExportDialog, NoteEditor
from reader.ui.panels import AnnotationPanel, LibraryPanel, SearchPanel
from reader.ui.workers import ImportWorker, SearchWorker, start_thread

SEARCH_LIMIT = 50


class FindBar(QWidget):
    """Find in the article (Ctrl+F), forgiving harakat, alef forms and case like search."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.box = QLineEdit(self)
        self.box.setObjectName("findBox")
        self.box.setPlaceholderText(self.tr("Find in article"))
        self.count = QLabel(self)
        self.prev = QPushButton(self.tr("Previous"), self)
        self.next = QPushButton(self.tr("Next"), self)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.box, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.prev)
        layout.addWidget(self.next)
        layout.addWidget(close)


class MainWindow(QMainWindow):
    searchRequested = Signal(int, str, int)

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.setObjectName("hamishMainWindow")
        self.setWindowTitle(self.tr("Hamish"))
        self.setAcceptDrops(True)
        self.current_id: str | None = None
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(lambda _c: None)
        self._matches: list[tuple[int, int]] = []
        self._match_index = -1
        self._search_seq = 0
        self._import_thread: QThread | None = None

        self.view = ArticleView(self)
        self.find_bar = FindBar(self)
        self.find_bar.hide()
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.find_bar)
        column.addWidget(self.view, 1)
        self.setCentralWidget(central)

        self.library_panel = LibraryPanel(self)
        self.annotation_panel = AnnotationPanel(self)
        self.search_panel = SearchPanel(self)
        # Dock areas are absolute in Qt: mirror them ourselves for a right-to-left interface,
        # so the library stays on the leading side.
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        leading = Qt.DockWidgetArea.RightDockWidgetArea if rtl else Qt.DockWidgetArea.LeftDockWidgetArea
        trailing = Qt.DockWidgetArea.LeftDockWidgetArea if rtl else Qt.DockWidgetArea.RightDockWidgetArea
        self.library_dock = self._dock(self.tr("Library"), "libraryDock", self.library_panel, leading)
        self.side_tabs = QTabWidget(self)
        self.side_tabs.setObjectName("sideTabs")
        self.side_tabs.addTab(self.annotation_panel, self.tr("Annotations"))
        self.side_tabs.addTab(self.search_panel, self.tr("Search"))
        self.side_dock = self._dock(self.tr("Annotations and search"), "sideDock", self.side_tabs, trailing)

        self.resizeDocks([self.library_dock, self.side_dock], [300, 340], Qt.Orientation.Horizontal)
        self._build_menus()
        self._connect()
        self._start_search_worker()
        self.statusBar().showMessage(self.tr("Ready"))
        self.refresh_library()

    # -- construction ------------------------------------------------------------------------
    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(area, dock)
        return dock

    def _action(self, menu: QMenu, text: str, slot, shortcut: QKeySequence | str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self._action(file_menu, self.tr("&Import articles…"), self.import_dialog, QKeySequence.StandardKey.Open)
        self._action(file_menu, self.tr("Import &annotations…"), self.import_annotations_dialog)
        self._action(file_menu, self.tr("&Export annotations…"), self.export_dialog, "Ctrl+E")
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Rebuild search index"), self.rebuild_index)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)

        edit = bar.addMenu(self.tr("&Edit"))
        undo = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcut(QKeySequence("Ctrl+Z"))
        redo = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit.addAction(undo)
        edit.addAction(redo)
        edit.addSeparator()
        self._action(edit, self.tr("&Find in article"), self.show_find, QKeySequence.StandardKey.Find)
        self._action(edit, self.tr("Search &highlights"), self.show_search, "Ctrl+Shift+F")
        self._action(edit, self.tr("Highlight with a &note…"), self.note_on_selection, "Ctrl+N")

        view = bar.addMenu(self.tr("&View"))
        self._action(view, self.tr("&Larger text"), lambda: self.view.zoom_by(1), "Ctrl+=").setShortcuts(
            [QKeySequence("Ctrl+="), QKeySequence("Ctrl++")]
        )
        self._action(view, self.tr("&Smaller text"), lambda: self.view.zoom_by(-1), "Ctrl+-")
        spacing = view.addMenu(self.tr("Line &spacing"))
        for percent in (130, 160, 200):
            self._action(spacing, f"{percent} %", lambda _=False, p=percent: self._set_line_height(p))
        theme_menu = view.addMenu(self.tr("&Theme"))
        names = {"light": self.tr("Light"), "sepia": self.tr("Sepia"), "dark": self.tr("Dark")}
        for theme in THEMES:
            self._action(theme_menu, names[theme], lambda _=False, t=theme: self._set_theme(t))
        view.addSeparator()
        view.addAction(self.library_dock.toggleViewAction())
        view.addAction(self.side_dock.toggleViewAction())

        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&Keys"), self.show_keys, QKeySequence.StandardKey.HelpContents)

    def _connect(self) -> None:
        self.view.tagRequested.connect(self.tag_selection)
        self.view.noteRequested.connect(self.note_on_selection)
        self.view.highlightsClicked.connect(self.pick_highlight)
        self.view.deleteRequested.connect(self.delete_annotation)
        self.library_panel.articleActivated.connect(self.open_article)
        self.library_panel.renameRequested.connect(self.rename_article)
        self.library_panel.deleteRequested.connect(self.delete_article)
        self.annotation_panel.annotationActivated.connect(self.go_to_annotation)
        self.annotation_panel.noteRequested.connect(self.edit_note)
        self.annotation_panel.deleteRequested.connect(self.delete_annotation)
        self.search_panel.queryChanged.connect(self.run_search)
        self.search_panel.hitActivated.connect(self.open_hit)
        self.find_bar.box.textChanged.connect(self._find)
        self.find_bar.box.returnPressed.connect(lambda: self._step_match(1))
        self.find_bar.next.clicked.connect(lambda: self._step_match(1))
        self.find_bar.prev.clicked.connect(lambda: self._step_match(-1))

    def _start_search_worker(self) -> None:
        self.search_worker = SearchWorker(self.library.folder / INDEX_DIR_NAME)
        self.search_thread = start_thread(self.search_worker, "hamish-search")
        self.searchRequested.connect(self.search_worker.search)
        self.search_worker.results.connect(self._search_results)
        self.search_worker.failed.connect(self._search_failed)

    # -- library -------------------------------------------------------------------------------
    def refresh_library(self) -> None:
        self.library_panel.set_articles(self.library.list_articles(), self.current_id)

    def open_article(self, article_id: str, position: int | None = None) -> None:
        if self.current_id and self.current_id != article_id:
            self._remember_position()
        try:
            article = self.library.article(article_id)
        except HamishError as err:
            self.error(str(err))
            return
        self.current_id = article.id
        tags = [t for t, _ in self.library.tags()]
        annotations = self.library.annotations(article.id)
        self.view.load(article, annotations, tags)
        self.annotation_panel.set_tags(tags)
        self.annotation_panel.set_annotations(annotations)
        self.library_panel.select(article.id)
        self.setWindowTitle(self.tr("%1 — Hamish").replace("%1", article.title))
        self._find(self.find_bar.box.text()) if self.find_bar.isVisible() else self.view.set_found([])
        if position is None:
            saved = int(self.library.setting(f"position:{article.id}", "0") or 0)
            # After the first layout, so the scroll bar knows the document's height.
            QTimer.singleShot(0, lambda: self.view.scroll_to(min(saved, len(article.text)), at_top=True))

    def _remember_position(self) -> None:
        if self.current_id and self.view.article is not None:
            try:
                self.library.set_setting(f"position:{self.current_id}", str(self.view.top_position()))
            except HamishError:
                pass  # a read-only library: forgetting the place is not worth an error

    def rename_article(self, article_id: str) -> None:
        article = self.library.article(article_id)
        title, ok = QInputDialog.getText(self, self.tr("Rename article"), self.tr("Title:"), text=article.title)
        if ok and title.strip():
            self._run(lambda: self.library.rename_article(article_id, title))
            self.refresh_library()
            if article_id == self.current_id:
                self.setWindowTitle(self.tr("%1 — Hamish").replace("%1", title.strip()))

    def delete_article(self, article_id: str) -> None:
        article = self.library.article(article_id)
        count = len(self.library.annotations(article_id))
        answer = QMessageBox.question(
            self, self.tr("Delete article"),
            self.tr("Delete “%1” and its %2 highlight(s)? This cannot be undone.")
            .replace("%1", article.title).replace("%2", str(count)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._run(lambda: self.library.delete_article(article_id))
        self.undo_stack.clear()  # older steps may refer to the deleted article
        if article_id == self.current_id:
            self.current_id = None
            self.view.clear_article()
            self.annotation_panel.set_annotations([])
        self.refresh_library()

    # -- annotations ---------------------------------------------------------------------------
    def _refresh_annotations(self, changed: Annotation | None = None) -> None:
        if changed is not None and changed.article_id != self.current_id:
            self.open_article(changed.article_id)
        if self.current_id is None:
            return
        tags = [t for t, _ in self.library.tags()]
        annotations = self.library.annotations(self.current_id)
        self.view.set_tags(tags)
        self.view.set_annotations(annotations)
        self.annotation_panel.set_tags(tags)
        self.annotation_panel.set_annotations(annotations)
        self.refresh_library()
        if self.search_panel.box.text().strip():
            self.run_search(self.search_panel.box.text())

    def tag_selection(self, tag: str) -> None:
        selected = self.view.selection_range()
        if selected is None or self.current_id is None:
            self.statusBar().showMessage(self.tr("Select some text first"), 3000)
            return
        start, end = selected
        same = next((a for a in self.view.annotations if (a.start, a.end) == (start, end)), None)
        if same is not None:
            if tag in same.tags:
                return
            after = self._run(lambda: self.library.edit_annotation(same.id, add_tags=[tag]))
            if after:
                self._push(self.tr("Tag as %1").replace("%1", tag), same, after)
            return
        created = self._run(lambda: self.library.annotate(self.current_id, start=start, end=end, tags=[tag]))
        if created:
            self.view.clear_selection()  # so the new highlight's colour shows at once
            self._push(self.tr("Highlight as %1").replace("%1", tag), None, created)
            self.statusBar().showMessage(self.tr("Highlighted as %1: %2").replace("%1", tag)
                                         .replace("%2", created.quote[:60]), 4000)

    def note_on_selection(self) -> None:
        selected = self.view.selection_range()
        if selected is None or self.current_id is None or self.view.article is None:
            self.statusBar().showMessage(self.tr("Select some text first"), 3000)
            return
        start, end = selected
        editor = NoteEditor(self.view.article.text[start:end], "", self)
        if not editor.exec():
            return
        created = self._run(lambda: self.library.annotate(
            self.current_id, start=start, end=end, tags=["quote"], note=editor.note()))
        if created:
            self._push(self.tr("Highlight with a note"), None, created)

    def edit_note(self, annotation_id: str) -> None:
        before = self.library.annotation(annotation_id)
        editor = NoteEditor(before.quote, before.note, self)
        if editor.exec() and editor.note() != before.note:
            after = self._run(lambda: self.library.edit_annotation(annotation_id, note=editor.note()))
            if after:
                self._push(self.tr("Edit note"), before, after)

    def set_tags_of(self, annotation_id: str, tags: list[str]) -> None:
        before = self.library.annotation(annotation_id)
        after = self._run(lambda: self.library.edit_annotation(annotation_id, set_tags=tags))
        if after:
            self._push(self.tr("Change tags"), before, after)

    def delete_annotation(self, annotation_id: str) -> None:
        before = self.library.annotation(annotation_id)
        after = self._run(lambda: self.library.delete_annotation(annotation_id))
        if after:
            self._push(self.tr("Delete highlight"), before, after)
            self.statusBar().showMessage(self.tr("Highlight moved to the trash (Ctrl+Z brings it back)"), 5000)

    def _push(self, text: str, before: Annotation | None, after: Annotation | None) -> None:
        self.undo_stack.push(AnnotationChange(self.library, text, before, after, self._refresh_annotations))

    def pick_highlight(self, ids: list[str]) -> None:
        """A click on highlighted text: one highlight is selected; several offer a choice."""
        if len(ids) == 1:
            self._select_annotation(ids[0])
            return
        menu = QMenu(self)
        by_id = {a.id: a for a in self.view.annotations}
        for annotation_id in ids:
            ann = by_id[annotation_id]
            quote = ann.quote if len(ann.quote) <= 40 else ann.quote[:39] + "…"
            action = menu.addAction(f"{', '.join(ann.tags)} — {quote}")
            action.triggered.connect(lambda _=False, i=annotation_id: self._select_annotation(i))
        menu.exec(self.cursor().pos())

    def _select_annotation(self, annotation_id: str) -> None:
        self.side_tabs.setCurrentWidget(self.annotation_panel)
        self.annotation_panel.select(annotation_id)

    def go_to_annotation(self, annotation_id: str) -> None:
        ann = self.library.annotation(annotation_id)
        if ann.article_id != self.current_id:
            self.open_article(ann.article_id)
        if not ann.orphan:
            self.view.scroll_to(ann.start, ann.end)
            self.view.flash(ann.start, ann.end)

    # -- search --------------------------------------------------------------------------------
    def show_search(self) -> None:
        self.side_dock.show()
        self.side_tabs.setCurrentWidget(self.search_panel)
        self.search_panel.box.setFocus()
        self.search_panel.box.selectAll()

    def run_search(self, query: str) -> None:
        self._search_seq += 1
        self.search_worker.latest = self._search_seq
        if not query.strip():
            self.search_panel.show_hits([])
            return
        self.searchRequested.emit(self._search_seq, query, SEARCH_LIMIT)

    def _search_results(self, seq: int, hits: list[SearchHit]) -> None:
        if seq == self._search_seq:
            self.search_panel.show_hits(hits)

    def _search_failed(self, seq: int, message: str) -> None:
        if seq == self._search_seq:
            self.search_panel.show_error(message)

    def open_hit(self, hit: SearchHit) -> None:
        if hit.article_id != self.current_id:
            self.open_article(hit.article_id, position=hit.start)
        self.view.scroll_to(hit.start, hit.end)
        self.view.flash(hit.start, hit.end)
        self.annotation_panel.select(hit.annotation_id)

    # -- find in article -------------------------------------------------------------------------
    def show_find(self) -> None:
        self.find_bar.show()
        self.find_bar.box.setFocus()
        self.find_bar.box.selectAll()

    def _find(self, needle: str) -> None:
        if self.view.article is None or not needle.strip():
            self._matches = []
            self.view.set_found([])
            self.find_bar.count.setText("")
            return
        self._matches = find_folded(self.view.article.text, needle)
        self.view.set_found(self._matches)
        self._match_index = -1
        self.find_bar.count.setText(self.tr("%n match(es)", "", len(self._matches)))
        if self._matches:
            self._step_match(1)

    def _step_match(self, step: int) -> None:
        if not self._matches:
            return
        self._match_index = (self._match_index + step) % len(self._matches)
        start, end = self._matches[self._match_index]
        self.view.scroll_to(start, end)
        self.view.select_range(start, end)
        self.find_bar.count.setText(f"{self._match_index + 1}/{len(self._matches)}")

    # -- import / export -----------------------------------------------------------------------
    def import_dialog(self) -> None:
        patterns = " ".join(f"*{s}" for s in SUPPORTED_SUFFIXES)
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Import articles"), "",
                                                self.tr("Articles (%1)").replace("%1", patterns))
        if files:
            self.import_files(files)

    def import_files(self, files: list[str]) -> None:
        """Import in a worker thread with a progress dialog that can cancel."""
        if self._import_thread is not None:
            self.statusBar().showMessage(self.tr("An import is already running"), 3000)
            return
        progress = QProgressDialog(self.tr("Importing…"), self.tr("Cancel"), 0, len(files), self)
        progress.setWindowTitle(self.tr("Import"))
        progress.setMinimumDuration(300)
        worker = ImportWorker(self.library.folder, files)
        errors: list[str] = []
        opened: list[str] = []
        progress.canceled.connect(lambda: setattr(worker, "cancelled", True))
        worker.progress.connect(lambda done, total, name: (progress.setValue(done),
                                                            progress.setLabelText(Path(name).name if name else "")))
        worker.failed.connect(errors.append)
        worker.imported.connect(lambda article_id, _created: opened.append(article_id))
        # Signals are connected before the thread starts, so no report can be missed.
        thread = start_thread(worker, "hamish-import", entry=worker.run)
        self._import_thread = thread

        def finished(cancelled: bool) -> None:
            progress.close()
            thread.quit()
            thread.wait()
            self._import_thread = None
            self.refresh_library()
            if opened:
                self.open_article(opened[-1])
            if errors:
                self.error("\n".join(errors), title=self.tr("Some files were not imported"))
            elif cancelled:
                self.statusBar().showMessage(self.tr("Import cancelled"), 4000)
            else:
                self.statusBar().showMessage(self.tr("%n article(s) imported", "", len(opened)), 4000)

        worker.finished.connect(finished)
        self._import_worker = worker

    def import_annotations_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Import annotations"), "",
                                              self.tr("Annotations (*.json *.jsonld)"))
        if not name:
            return
        try:
            data = Path(name).read_bytes()
        except OSError as err:
            self.error(f"{name}: {err.strerror or err}")
            return
        report = self._run(lambda: self.library.import_annotations(data))
        if report is None:
            return
        self.undo_stack.clear()
        self.refresh_library()
        if self.current_id:
            self._refresh_annotations()
        message = self.tr("%1 added, %2 updated, %3 unchanged, %4 orphan(s)").replace("%1", str(report.added)) \
            .replace("%2", str(report.updated)).replace("%3", str(report.unchanged)) \
            .replace("%4", str(len(report.orphans)))
        QMessageBox.information(self, self.tr("Annotations imported"), message)

    def export_dialog(self) -> None:
        dialog = ExportDialog(self.current_id is not None, self)
        if not dialog.exec():
            return
        fmt = dialog.chosen_format()
        article_id = None if dialog.whole_library() else self.current_id
        suggested = f"hamish-annotations{dialog.suffix()}"
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export annotations"), suggested)
        if not name:
            return
        text = self._run(lambda: self.library.export(fmt, article_id))
        if text is not None and self._run(lambda: write_text_atomically(name, text)) is not None:
            self.statusBar().showMessage(self.tr("Exported to %1").replace("%1", name), 5000)

    def rebuild_index(self) -> None:
        progress = QProgressDialog(self.tr("Rebuilding the search index…"), "", 0, 0, self)
        progress.setCancelButton(None)
        progress.setMinimumDuration(0)
        progress.show()
        count = self._run(lambda: self.library.reindex(lambda n: progress.setLabelText(
            self.tr("Rebuilding the search index… %1").replace("%1", str(n)))))
        progress.close()
        if count is not None:
            self.statusBar().showMessage(self.tr("Search index rebuilt: %n highlight(s)", "", count), 5000)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        files = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.import_files(files)

    # -- view settings ---------------------------------------------------------------------------
    def _set_theme(self, theme: str) -> None:
        self.view.apply_theme(theme)
        self._save_setting("theme", theme)

    def _set_line_height(self, percent: int) -> None:
        self.view.set_line_height(percent)
        self._save_setting("line_height", str(percent))

    def _save_setting(self, key: str, value: str) -> None:
        try:
            self.library.set_setting(key, value)
        except HamishError:
            pass

    def restore_view_settings(self) -> None:
        self.view.apply_theme(self.library.setting("theme", "light"))
        self.view.line_height = int(self.library.setting("line_height", "160") or 160)
        self.view.set_point_size(float(self.library.setting("point_size", "15") or 15))

    def show_keys(self) -> None:
        keys = [f"{t.key} — {t.name}" for t, _ in self.library.tags() if t.key]
        QMessageBox.information(self, self.tr("Keys"), "\n".join([
            self.tr("Select text, then press a tag's key:"), *keys, "",
            self.tr("Ctrl+F find in article · Ctrl+Shift+F search highlights"),
            self.tr("Ctrl+N highlight with a note · Ctrl+Z / Ctrl+Shift+Z undo / redo"),
            self.tr("Ctrl+= / Ctrl+- text size · Esc clear the selection"),
        ]))

    # -- errors ----------------------------------------------------------------------------------
    def _run(self, action):
        """Run a service call; an error the user can act on becomes a message, not a traceback."""
        try:
            return action()
        except HamishError as err:
            self.error(str(err))
            return None

    def error(self, message: str, title: str | None = None) -> None:
        QMessageBox.warning(self, title or self.tr("Hamish"), message)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self._remember_position()
        self._save_setting("point_size", str(self.view.point_size))
        self.search_thread.quit()
        self.search_thread.wait(2000)
        super().closeEvent(event)
