"""The side panels: the library list, the current article's annotations, and search.

Panels are views: they show what the window gives them and emit what the user asked for.
"""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.core.models import Annotation, ArticleSummary, SearchHit, Tag
from reader.ui.labels import tag_label
from reader.ui.delegates import AnnotationDelegate, DirectionalItemDelegate, SearchResultDelegate
from reader.ui.models import AnnotationListModel, ArticleRole, ArticleTableModel, SearchResultsModel


class LibraryPanel(QWidget):
    articleActivated = Signal(str)
    renameRequested = Signal(str)
    deleteRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ArticleTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(ArticleRole.Sort)
        self.table = QTableView(self)
        self.table.setObjectName("libraryTable")
        self.table.setModel(self.proxy)
        self.table.setItemDelegate(DirectionalItemDelegate(self.table))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Sized to their contents when the list is filled, not on every change of a count:
        # ResizeToContents measures every row again on each dataChanged (86 ms at 100 articles).
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.table.activated.connect(self._activated)
        self.table.clicked.connect(self._activated)
        rename = QPushButton(self.tr("Rename…"), self)
        delete = QPushButton(self.tr("Delete…"), self)
        rename.clicked.connect(lambda: self._emit_current(self.renameRequested))
        delete.clicked.connect(lambda: self._emit_current(self.deleteRequested))
        buttons = QHBoxLayout()
        buttons.addWidget(rename)
        buttons.addWidget(delete)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def set_articles(self, articles: list[ArticleSummary], current: str | None) -> None:
        self.model.set_items(articles)
        self.table.resizeColumnToContents(1)
        self.table.resizeColumnToContents(2)
        self.select(current)

    def set_count(self, article_id: str, count: int) -> None:
        self.model.set_count(article_id, count)

    def select(self, article_id: str | None) -> None:
        row = self.model.row_of(article_id) if article_id else None
        if row is not None:
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            self.table.selectRow(index.row())

    def current_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.item(self.proxy.mapToSource(rows[0]).row()).id

    def _activated(self, index: QModelIndex) -> None:
        item = self.model.item(self.proxy.mapToSource(index).row())
        self.articleActivated.emit(item.id)

    def _emit_current(self, signal: Signal) -> None:
        article_id = self.current_id()
        if article_id:
            signal.emit(article_id)


class AnnotationPanel(QWidget):
    annotationActivated = Signal(str)
    noteRequested = Signal(str)
    deleteRequested = Signal(str)
    tagsChanged = Signal(str, list)  # annotation id, its new tag list
    newTagRequested = Signal(str)  # annotation id: ask for a new tag and add it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = AnnotationListModel(self)
        self.filter = QComboBox(self)
        self.filter.setObjectName("tagFilter")
        self.filter.currentIndexChanged.connect(self._filter_changed)
        self.list = QListView(self)
        self.list.setObjectName("annotationList")
        self.list.setModel(self.model)
        self.list.setItemDelegate(AnnotationDelegate(self.list))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)  # row heights follow the width
        # Rows are measured a batch at a time between events: thousands of highlights do not
        # stall the window while their heights are computed.
        self.list.setLayoutMode(QListView.LayoutMode.Batched)
        self.list.setBatchSize(100)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setWordWrap(True)
        self.list.activated.connect(self._activated)
        self.list.clicked.connect(self._activated)
        self.count = QLabel(self)
        note = QPushButton(self.tr("Note…"), self)
        self.tags_button = QPushButton(self.tr("Tags…"), self)
        delete = QPushButton(self.tr("Delete"), self)
        note.clicked.connect(lambda: self._emit_current(self.noteRequested))
        self.tags_button.clicked.connect(self._tags_menu)
        delete.clicked.connect(lambda: self._emit_current(self.deleteRequested))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Tag:"), self))
        top.addWidget(self.filter, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count, 1)
        buttons.addWidget(self.tags_button)
        buttons.addWidget(note)
        buttons.addWidget(delete)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self._tags: list[Tag] = []

    def set_tags(self, tags: list[Tag]) -> None:
        current = self.filter.currentData()
        self._tags = tags
        self.model.set_tags(tags)
        self.filter.blockSignals(True)
        self.filter.clear()
        self.filter.addItem(self.tr("All tags"), None)
        for tag in tags:
            self.filter.addItem(tag_label(tag.name), tag.name)
        index = self.filter.findData(current)
        self.filter.setCurrentIndex(max(0, index))
        self.filter.blockSignals(False)

    def set_annotations(self, annotations: list[Annotation]) -> None:
        self.model.set_items(annotations)
        self._update_count()

    def update_annotation(self, annotation_id: str, new: Annotation | None) -> None:
        """One annotation added, changed or gone (None)."""
        self.model.update_item(annotation_id, new)
        self._update_count()

    def select(self, annotation_id: str) -> None:
        row = self.model.row_of(annotation_id)
        if row is not None:
            index = self.model.index(row, 0)
            self.list.setCurrentIndex(index)
            self.list.scrollTo(index)

    def current_id(self) -> str | None:
        index = self.list.currentIndex()
        return self.model.item(index.row()).id if index.isValid() else None

    def tags_menu(self, annotation_id: str) -> QMenu:
        """Checkable tags of one annotation; toggling one emits the new list."""
        ann = self.model.item(self.model.row_of(annotation_id) or 0)
        menu = QMenu(self)
        for tag in self._tags:
            label = tag_label(tag.name)
            action = menu.addAction(f"{label}\t{tag.key}" if tag.key else label)
            action.setData(tag.name)
            action.setCheckable(True)
            action.setChecked(tag.name in ann.tags)
            action.toggled.connect(lambda on, name=tag.name: self.tagsChanged.emit(
                annotation_id, [t for t in ann.tags if t != name] + ([name] if on else [])))
        menu.addSeparator()
        new = menu.addAction(self.tr("New tag…"))
        new.triggered.connect(lambda: self.newTagRequested.emit(annotation_id))
        return menu

    def _tags_menu(self) -> None:
        annotation_id = self.current_id()
        if annotation_id:
            menu = self.tags_menu(annotation_id)
            menu.exec(self.tags_button.mapToGlobal(self.tags_button.rect().topLeft()))
            menu.deleteLater()

    def _update_count(self) -> None:
        shown = self.model.rowCount()
        self.count.setText(self.tr("%n highlight(s)", "", shown))

    def _filter_changed(self, _index: int) -> None:
        self.model.set_tag_filter(self.filter.currentData())
        self._update_count()

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.annotationActivated.emit(self.model.item(index.row()).id)

    def _emit_current(self, signal: Signal) -> None:
        annotation_id = self.current_id()
        if annotation_id:
            signal.emit(annotation_id)


class SearchPanel(QWidget):
    """As-you-type search; the window runs the query off the GUI thread."""

    queryChanged = Signal(str)
    hitActivated = Signal(object)  # SearchHit

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QLineEdit(self)
        self.box.setObjectName("searchBox")
        self.box.setClearButtonEnabled(True)
        self.box.setPlaceholderText(self.tr("Search highlights: words, tag:company, \"a phrase\", pre*"))
        self.results = SearchResultsModel(self)
        self.list = QListView(self)
        self.list.setObjectName("searchResults")
        self.list.setModel(self.results)
        self.list.setItemDelegate(SearchResultDelegate(self.list))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.activated.connect(self._activated)
        self.list.clicked.connect(self._activated)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.box)
        layout.addWidget(self.status)
        layout.addWidget(self.list, 1)
        # Wait for a pause in typing before searching.
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(120)
        self._debounce.timeout.connect(lambda: self.queryChanged.emit(self.box.text()))
        self.box.textChanged.connect(lambda _t: self._debounce.start())
        self.box.returnPressed.connect(self._enter)
        self._enter_pending = False
        self.box.textEdited.connect(lambda _t: setattr(self, "_enter_pending", False))

    def show_hits(self, hits: list[SearchHit]) -> None:
        self.results.set_items(hits)
        if self._enter_pending and hits:
            self._enter_pending = False
            self.hitActivated.emit(hits[0])
        if self.box.text().strip():
            self.status.setText(self.tr("%n result(s)", "", len(hits)))
        else:
            self.status.clear()
        if hits:
            self.list.setCurrentIndex(self.results.index(0, 0))

    def rerun(self) -> None:
        """Search again for what is in the box (the index changed); a query still being typed
        is left to its own timer."""
        if self.box.text().strip() and not self._debounce.isActive():
            self.queryChanged.emit(self.box.text())

    def show_error(self, message: str) -> None:
        self._enter_pending = False
        self.results.set_items([])
        self.status.setText(message)

    def _enter(self) -> None:
        if self._debounce.isActive():
            # The results on screen are for an older query: open the top hit of this one
            # when it arrives.
            self._debounce.stop()
            self._enter_pending = True
            self.queryChanged.emit(self.box.text())
            return
        index = self.list.currentIndex()
        if index.isValid():
            self._activated(index)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.hitActivated.emit(self.results.item(index.row()))
