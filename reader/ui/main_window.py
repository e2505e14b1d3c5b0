"""The main window: library on one side, the article in the middle, annotations and search on
the other; menus, shortcuts, undo, import/export. It calls the services and refreshes views."""
from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QMetaObject, Qt, QThread, QTimer, Signal, Slot
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
from reader.core.models import Annotation, SearchHit
from reader.core.paths import INDEX_DIR_NAME
from reader.core.services import Library
from reader.core.text import find_folded
from reader.ui.article_view import THEMES, ArticleView
from reader.ui.commands import AnnotationChange, SuggestionDismissal
from reader.ui.dialogs import ExportDialog, NoteEditor, TrashDialog
from reader.ui.labels import isolate, short, tag_label
from reader.ui.panels import AnnotationPanel, LibraryPanel, SearchPanel
from reader.ui.workers import (
    ImportWorker,
    IndexSyncWorker,
    ReindexWorker,
    SearchWorker,
    SuggestWorker,
    start_thread,
)

SEARCH_LIMIT = 50
# A saved change goes to the search index this long after the window has drawn it.
INDEX_SYNC_DELAY_MS = 30
# At start the index is checked this long after the window is shown, once it has painted.
INDEX_CHECK_DELAY_MS = 100
WARM_UP_DELAY_MS = 1000


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
        close.clicked.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.box, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.prev)
        layout.addWidget(self.next)
        layout.addWidget(close)
        self.closed = None  # set by the window: clears the marks

    def close_bar(self) -> None:
        self.hide()
        if self.closed is not None:
            self.closed()

    def keyPressEvent(self, event) -> None:  # noqa: ANN001, N802
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)


class MainWindow(QMainWindow):
    searchRequested = Signal(int, str, int)
    suggestRequested = Signal(str, str, str)  # article id, text hash, text
    indexSyncRequested = Signal()

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.setObjectName("hamishMainWindow")
        self._set_title("")
        self.setAcceptDrops(True)
        self.current_id: str | None = None
        self.undo_stack = QUndoStack(self)
        self._matches: list[tuple[int, int]] = []
        self._match_index = -1
        self._search_seq = 0
        self._import_thread: QThread | None = None
        self._import_worker: ImportWorker | None = None
        self._reindex_thread: QThread | None = None
        self._reindex_worker: ReindexWorker | None = None
        self._figures_dialog = None
        self._closing = False
        self._suggest_worker: SuggestWorker | None = None
        self._suggest_thread: QThread | None = None
        self._focus_first_suggestion = False
        self._entities_dialog = None

        self.view = ArticleView(self)
        self.find_bar = FindBar(self)
        self.find_bar.hide()
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        if library.read_only:
            banner = QLabel(self.tr("This library is read-only (its folder cannot be written): you can read"
                                    " and search, but new highlights and changes cannot be saved."), central)
            banner.setObjectName("readOnlyBanner")
            banner.setWordWrap(True)
            banner.setStyleSheet("QLabel { background: #fff3cd; color: #664d03; padding: 6px 10px; }")
            column.addWidget(banner)
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

        self.resizeDocks([self.library_dock, self.side_dock], [330, 360], Qt.Orientation.Horizontal)
        self._build_menus()
        self._connect()
        self._start_search_worker()
        self._start_index_sync_worker()
        # The first figure highlighted should not wait for the figure parser to load; loaded
        # after the first paint (a thread still shares the interpreter lock with this one).
        QTimer.singleShot(WARM_UP_DELAY_MS, self._warm_up)
        self.statusBar().showMessage(self.tr("Ready"))
        self.refresh_library()

    # -- construction ------------------------------------------------------------------------
    def _set_title(self, article_title: str) -> None:
        title = self.tr("%1 — Hamish").replace("%1", article_title) if article_title else self.tr("Hamish")
        if self.library.read_only:
            title = self.tr("%1 (read-only)").replace("%1", title)
        self.setWindowTitle(title)

    def _refuse_if_read_only(self) -> bool:
        """True (and says why in the status bar) when nothing can be saved."""
        if self.library.read_only:
            self.statusBar().showMessage(self.tr("This library is read-only: changes cannot be saved"), 5000)
        return self.library.read_only

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
        self._action(edit, self.tr("&Trash…"), self.show_trash)
        edit.addSeparator()
        self.suggest_action = self._action(edit, self.tr("&Suggest companies, figures, quotes"),
                                           self.set_suggesting, "Ctrl+G")
        self.suggest_action.setCheckable(True)

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
        self._action(view, self.tr("&Figures…"), self.show_figures, "Ctrl+Shift+U")
        self._action(view, self.tr("&Companies and people…"), self.show_entities, "Ctrl+Shift+E")
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
        self.view.editNoteRequested.connect(self.edit_note)
        self.view.editTagsRequested.connect(self._tags_menu_for)
        self.view.suggestionAction.connect(self._suggestion_action)
        self.view.suggestionFocused.connect(self._suggestion_focused)
        self.library_panel.articleActivated.connect(self.open_article)
        self.library_panel.renameRequested.connect(self.rename_article)
        self.library_panel.deleteRequested.connect(self.delete_article)
        self.annotation_panel.annotationActivated.connect(self.go_to_annotation)
        self.annotation_panel.noteRequested.connect(self.edit_note)
        self.annotation_panel.deleteRequested.connect(self.delete_annotation)
        self.annotation_panel.tagsChanged.connect(self.set_tags_of)
        self.annotation_panel.newTagRequested.connect(self.add_new_tag_to)
        self.search_panel.queryChanged.connect(self.run_search)
        self.search_panel.hitActivated.connect(self.open_hit)
        self.find_bar.closed = self._clear_find
        # Finding runs over the whole article: wait for a pause in typing.
        self._find_timer = QTimer(self)
        self._find_timer.setSingleShot(True)
        self._find_timer.setInterval(200)
        self._find_timer.timeout.connect(lambda: self._find(self.find_bar.box.text()))
        self.find_bar.box.textChanged.connect(lambda _t: self._find_timer.start())
        self.find_bar.box.returnPressed.connect(self._find_enter)
        self.find_bar.next.clicked.connect(lambda: self._step_match(1))
        self.find_bar.prev.clicked.connect(lambda: self._step_match(-1))

    def _start_search_worker(self) -> None:
        shared = self.library.index if self.library.index.in_memory else None
        self.search_worker = SearchWorker(self.library.folder / INDEX_DIR_NAME, shared)
        self.search_thread = start_thread(self.search_worker, "hamish-search")
        self.searchRequested.connect(self.search_worker.search)
        self.search_worker.results.connect(self._search_results)
        self.search_worker.failed.connect(self._search_failed)

    def _start_index_sync_worker(self) -> None:
        self.index_sync_worker: IndexSyncWorker | None = None
        if self.library.read_only:
            return
        self.index_sync_worker = IndexSyncWorker(self.library.folder)
        self.index_sync_thread = start_thread(self.index_sync_worker, "hamish-index-sync")
        self.indexSyncRequested.connect(self.index_sync_worker.sync)
        self.index_sync_worker.synced.connect(self._index_synced)
        # The worker starts once the window has finished handling the change (Python threads
        # share one interpreter lock: syncing during the redraw would slow the redraw), and
        # changes in quick succession are applied together.
        self._index_sync_timer = QTimer(self)
        self._index_sync_timer.setSingleShot(True)
        self._index_sync_timer.setInterval(INDEX_SYNC_DELAY_MS)
        self._index_sync_timer.timeout.connect(self.indexSyncRequested)
        self.library.index_sync_elsewhere = self._index_sync_timer.start

    def _warm_up(self) -> None:
        threading.Thread(target=self.library.warm_up, name="hamish-warm-up", daemon=True).start()

    def check_index_soon(self) -> None:
        """Have the index worker check the index (and apply any journalled change) just after
        the first paint; a damaged index comes back to be rebuilt with progress."""
        if self.index_sync_worker is not None:
            QTimer.singleShot(INDEX_CHECK_DELAY_MS, self.indexSyncRequested.emit)

    @Slot(bool, str, str)
    def _index_synced(self, applied: bool, problem: str, needs_rebuild: str = "") -> None:
        if self._closing:
            return
        if needs_rebuild:
            self.rebuild_index(reason=needs_rebuild)
            return
        if problem == "behind":
            self.statusBar().showMessage(self.tr("Another Hamish is writing the search index; your changes are "
                                                 "saved and search will include them once it is free"), 8000)
        elif problem:
            self.statusBar().showMessage(problem, 8000)
        if applied:
            self.search_panel.rerun()  # the new change is searchable now

    # -- library -------------------------------------------------------------------------------
    def refresh_library(self) -> None:
        self.library_panel.set_articles(self.library.list_articles(), self.current_id)
        self._refresh_data_views()  # an article renamed or deleted shows there too

    def open_article(self, article_id: str, position: int | None = None) -> None:
        if self.current_id and self.current_id != article_id:
            self._remember_position()
        try:
            article = self.library.article(article_id)
        except HamishError as err:
            self.error(str(err))
            return
        self.current_id = article.id
        tags = self.library.tag_list()
        annotations = self.library.annotations(article.id)
        self.view.load(article, annotations, tags)
        self.annotation_panel.set_tags(tags)
        self.annotation_panel.set_annotations(annotations)
        self.library_panel.select(article.id)
        self._set_title(article.title)
        self._find(self.find_bar.box.text()) if self.find_bar.isVisible() else self.view.set_found([])
        self._refresh_suggestions()
        if position is None:
            saved = int(self.library.setting(f"position:{article.id}", "0") or 0)
            # After the first layout, so the scroll bar knows the document's height. Not for the
            # top: placing a cursor lays out the whole article first (0.6 s on 2 MB).
            if saved > 0:
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
                self._set_title(title.strip())

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
        if changed is not None:
            self._refresh_one_annotation(changed.id)
            return
        tags = self.library.tag_list()
        annotations = self.library.annotations(self.current_id)
        self.view.set_tags(tags)
        self.view.set_annotations(annotations)
        self.annotation_panel.set_tags(tags)
        self.annotation_panel.set_annotations(annotations)
        self._refresh_suggestions()
        self._refresh_data_views()
        # Only this article's count can have changed (a change elsewhere opened that article);
        # the search panel follows once the index has the change (_index_synced).
        self.library_panel.set_count(self.current_id, len(annotations))
        if self.index_sync_worker is None and self.search_panel.box.text().strip():
            self.run_search(self.search_panel.box.text())
        if self.library.index_needs_rebuild and self._reindex_thread is None:
            self.rebuild_index(reason=self.library.index_needs_rebuild)

    def _refresh_one_annotation(self, annotation_id: str) -> None:
        """After a change to one annotation of the open article: update just that one in the
        view and the panel (a full reload costs 0.3 s in an article with 10,000 highlights)."""
        tags = self.library.tag_list()
        stored = self.library.find_annotation(annotation_id)
        live = stored if stored is not None and stored.deleted_at is None else None
        self.view.set_tags(tags)
        self.view.update_annotation(annotation_id, live)
        if tags != self.annotation_panel._tags:  # noqa: SLF001 - the panel's filter lists them
            self.annotation_panel.set_tags(tags)
        self.annotation_panel.update_annotation(annotation_id, live)
        self._refresh_suggestions()
        self._refresh_data_views()
        self.library_panel.set_count(self.current_id, self.annotation_panel.model.total())
        if self.index_sync_worker is None and self.search_panel.box.text().strip():
            self.run_search(self.search_panel.box.text())

    def tag_selection(self, tag: str) -> None:
        if self._refuse_if_read_only():
            return
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
                self._push(self.tr("Tag as %1").replace("%1", isolate(tag_label(tag))), same, after)
            return
        created = self._run(lambda: self.library.annotate(self.current_id, start=start, end=end, tags=[tag]))
        if created:
            self.view.clear_selection()  # so the new highlight's colour shows at once
            label = isolate(tag_label(tag))
            self._push(self.tr("Highlight as %1").replace("%1", label), None, created)
            self.statusBar().showMessage(self.tr("Highlighted as %1: %2").replace("%1", label)
                                         .replace("%2", isolate(short(created.quote, 60))), 4000)

    def note_on_selection(self) -> None:
        if self._refuse_if_read_only():
            return
        selected = self.view.selection_range()
        if selected is None or self.current_id is None or self.view.article is None:
            self.statusBar().showMessage(self.tr("Select some text first"), 3000)
            return
        start, end = selected
        same = next((a for a in self.view.annotations if (a.start, a.end) == (start, end)), None)
        if same is not None:  # the selection is a highlight already: its note, not a new one
            self.edit_note(same.id)
            return
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

    def _tags_menu_for(self, annotation_id: str) -> None:
        menu = self.annotation_panel.tags_menu(annotation_id)
        menu.exec(self.cursor().pos())
        menu.deleteLater()

    def add_new_tag_to(self, annotation_id: str) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New tag"), self.tr("Name of the new tag:"))
        if not ok or not name.strip():
            return
        tag = self._run(lambda: self.library.add_tag(name))
        if tag is not None:
            current = self.library.annotation(annotation_id).tags
            self.set_tags_of(annotation_id, current + [tag.name] if tag.name not in current else current)
            self.statusBar().showMessage(
                self.tr("New tag “%1” (key %2)").replace("%1", tag.name).replace("%2", tag.key or "—"), 5000)

    def show_trash(self) -> None:
        trashed = self.library.trash()
        titles = {a.id: a.title for a in self.library.list_articles()}
        items = [(a.id, f"{', '.join(a.tags)} — {a.quote[:80]} — {titles.get(a.article_id, '')}") for a in trashed]
        dialog = TrashDialog(items, self)
        dialog.exec()
        for annotation_id in dialog.restored:
            before = self.library.annotation(annotation_id)
            after = self._run(lambda i=annotation_id: self.library.restore_annotation(i))
            if after:
                self._push(self.tr("Restore highlight"), before, after)
        if dialog.purged:
            for annotation_id in dialog.purged:
                self._run(lambda i=annotation_id: self.library.purge_annotation(i))
            # Steps that would bring a purged highlight back no longer can.
            self.undo_stack.clear()
            self._refresh_annotations()

    def delete_annotation(self, annotation_id: str) -> None:
        before = self.library.annotation(annotation_id)
        after = self._run(lambda: self.library.delete_annotation(annotation_id))
        if after:
            self._push(self.tr("Delete highlight"), before, after)
            self.statusBar().showMessage(self.tr("Highlight moved to the trash (Ctrl+Z brings it back)"), 5000)

    # -- suggestions -----------------------------------------------------------------------------
    def set_suggesting(self, on: bool) -> None:
        """Show (or hide) candidate companies, figures, quotes and people in the article."""
        self.suggest_action.setChecked(on)
        self._focus_first_suggestion = on
        self._refresh_suggestions()

    def _refresh_suggestions(self) -> None:
        article = self.view.article
        if not self.suggest_action.isChecked() or self.current_id is None or article is None:
            self.view.set_suggestions([])
            return
        if not self.library.has_suggestions_ready(article.id, article.sha256):
            # The detectors take a second or more on a long article: run them in a worker and
            # come back here with the result (`_suggestions_found`).
            self.view.set_suggestions([])
            self.statusBar().showMessage(self.tr("Looking for suggestions…"))
            if self._suggest_worker is None:
                self._suggest_worker = SuggestWorker(self.library.gazetteer)
                self._suggest_thread = start_thread(self._suggest_worker, "hamish-suggest")
                self.suggestRequested.connect(self._suggest_worker.detect)
                self._suggest_worker.found.connect(self._suggestions_found)
                self._suggest_worker.failed.connect(self._suggestions_failed)
            self._suggest_worker.latest = article.id
            self.suggestRequested.emit(article.id, article.sha256, article.text)
            return
        found = self._run(lambda: self.library.suggestions(self.current_id))
        self.view.set_suggestions(found or [])
        if self.library.gazetteer_problem:
            self.statusBar().showMessage(self.tr("Your companies list was not used: %1")
                                         .replace("%1", self.library.gazetteer_problem), 8000)
        if self._focus_first_suggestion:
            self._focus_first_suggestion = False
            count = len(self.view.suggestions)
            if count:
                self.view.setFocus()
                self.view.focus_suggestion(1, after=self.view.top_position() - 1)
            self.statusBar().showMessage(
                self.tr("%n suggestion(s): Tab goes to the next, Enter or the tag's key accepts, Delete dismisses",
                        "", count), 8000)

    @Slot(str)
    def _suggestions_failed(self, message: str) -> None:
        self.error(message)

    @Slot(str, str, list)
    def _suggestions_found(self, article_id: str, sha: str, found: list) -> None:
        if self._closing:
            return
        self.library.remember_suggestions(article_id, sha, found)
        if self.view.article is not None and self.view.article.id == article_id:
            self._refresh_suggestions()

    def _suggestion_focused(self, suggestion) -> None:  # noqa: ANN001
        detail = suggestion.canonical or ""
        if suggestion.value is not None:
            from reader.core.exchange.figures import format_value

            detail = f"{format_value(suggestion.value)} {suggestion.unit or ''}".strip()
        if suggestion.speaker:
            detail = suggestion.speaker
        label = isolate(tag_label(suggestion.tag))
        self.statusBar().showMessage(
            self.tr("Suggested %1: %2 — Enter accepts, Delete dismisses, Tab goes on").replace("%1", label)
            .replace("%2", isolate(short(detail or suggestion.text, 60))), 10000)

    def _suggestion_action(self, action: str, suggestion, tag: str) -> None:  # noqa: ANN001
        if self._refuse_if_read_only() or self.current_id is None:
            return
        article_id = self.current_id
        if action == "dismiss":
            if self._run(lambda: self.library.dismiss_suggestion(article_id, suggestion) or True) is None:
                return
            self.undo_stack.push(SuggestionDismissal(self.library, self.tr("Dismiss suggestion"), article_id,
                                                     suggestion, self._refresh_suggestions))
        else:
            if tag == suggestion.tag:
                created = self._run(lambda: self.library.accept_suggestion(article_id, suggestion))
            else:
                created = self._run(lambda: self.library.annotate(
                    article_id, start=suggestion.start, end=suggestion.end, tags=[tag]))
            if not created:
                return
            self.view.clear_selection()
            self._push(self.tr("Accept suggestion as %1").replace("%1", isolate(tag_label(tag))), None, created)
        self.view.focus_suggestion(1, after=suggestion.start)

    # -- data views ----------------------------------------------------------------------------
    def show_figures(self) -> None:
        """Every figure of the library in a sortable table (non-modal, kept up to date)."""
        from reader.ui.data_views import FiguresDialog

        if self._figures_dialog is None:
            self._figures_dialog = FiguresDialog(self.library, self)
            self._figures_dialog.figureActivated.connect(self._show_passage)
        self._bring_up(self._figures_dialog)

    def show_entities(self) -> None:
        from reader.ui.data_views import EntitiesDialog

        if self._entities_dialog is None:
            self._entities_dialog = EntitiesDialog(self.library, self)
            self._entities_dialog.entityActivated.connect(self.search_for)
        self._bring_up(self._entities_dialog)

    @staticmethod
    def _bring_up(dialog) -> None:  # noqa: ANN001 - FiguresDialog | EntitiesDialog
        dialog.refresh()
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def search_for(self, query: str) -> None:
        """Run `query` in the search panel (an entity's highlights, say)."""
        self.show_search()
        self.search_panel.box.setText(query)

    def _refresh_data_views(self) -> None:
        for dialog in (self._figures_dialog, self._entities_dialog):
            if dialog is not None and dialog.isVisible():
                dialog.refresh()

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
            tags = "، ".join(tag_label(t) for t in ann.tags) if self.isRightToLeft() else ", ".join(
                tag_label(t) for t in ann.tags)
            action = menu.addAction(f"{isolate(tags)} — {isolate(short(ann.quote, 40))}")
            action.triggered.connect(lambda _=False, i=annotation_id: self._select_annotation(i))
        menu.exec(self.cursor().pos())

    def _select_annotation(self, annotation_id: str) -> None:
        self.side_tabs.setCurrentWidget(self.annotation_panel)
        self.annotation_panel.select(annotation_id)

    def go_to_annotation(self, annotation_id: str) -> None:
        ann = self.library.annotation(annotation_id)
        if ann.orphan:
            return
        self._show_passage(ann.article_id, ann.start, ann.end)

    def _show_passage(self, article_id: str, start: int, end: int) -> None:
        """Open the article if needed, scroll the passage into view and flash it."""
        if article_id != self.current_id:
            self.open_article(article_id, position=start)
            if self.current_id != article_id:
                return  # it could not be opened (deleted meanwhile): the error was shown
            # A long article is still being laid out: scroll once the layout has caught up.
            QTimer.singleShot(0, lambda: self._scroll_and_flash(start, end))
        else:
            self._scroll_and_flash(start, end)

    def _scroll_and_flash(self, start: int, end: int) -> None:
        self.view.scroll_to(start, end)
        self.view.flash(start, end)

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
        self._show_passage(hit.article_id, hit.start, hit.end)
        self.annotation_panel.select(hit.annotation_id)

    # -- find in article -------------------------------------------------------------------------
    def show_find(self) -> None:
        self.find_bar.show()
        self.find_bar.box.setFocus()
        self.find_bar.box.selectAll()

    def _find_enter(self) -> None:
        if self._find_timer.isActive():
            self._find_timer.stop()
            self._find(self.find_bar.box.text())
        else:
            self._step_match(1)

    def _clear_find(self) -> None:
        self._matches = []
        self.view.set_found([])
        self.view.setFocus()

    def _find(self, needle: str) -> None:
        # One letter matches most of an Arabic article: wait for two.
        if self.view.article is None or len(needle.strip()) < 2:
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
        if self._refuse_if_read_only():
            return
        from reader.core.importers import SUPPORTED_SUFFIXES  # the importers load when first needed

        patterns = " ".join(f"*{s}" for s in SUPPORTED_SUFFIXES)
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Import articles"), "",
                                                self.tr("Articles (%1)").replace("%1", patterns))
        if files:
            self.import_files(files)

    # Worker signals go to slots of this window (a QObject of the GUI thread), never to lambdas:
    # PySide6 runs a lambda connected to a worker's signal on the worker's thread.
    def import_files(self, files: list[str]) -> None:
        """Import in a worker thread with a progress dialog that can cancel."""
        if self._refuse_if_read_only():
            return
        if self._import_thread is not None:
            self.statusBar().showMessage(self.tr("An import is already running"), 3000)
            return
        self._import_progress = QProgressDialog(self.tr("Importing…"), self.tr("Cancel"), 0, len(files), self)
        self._import_progress.setWindowTitle(self.tr("Import"))
        self._import_progress.setMinimumDuration(300)
        self._import_errors: list[str] = []
        self._import_opened: list[str] = []
        self._import_worker = ImportWorker(self.library.folder, files)
        self._import_progress.canceled.connect(self._cancel_import)
        self._import_worker.progress.connect(self._import_step)
        self._import_worker.failed.connect(self._import_failed)
        self._import_worker.imported.connect(self._import_done_one)
        self._import_worker.finished.connect(self._import_finished)
        # Connected before the thread starts, so no report can be missed.
        self._import_thread = start_thread(self._import_worker, "hamish-import", entry=self._import_worker.run)

    @Slot()
    def _cancel_import(self) -> None:
        if self._import_worker is not None:
            self._import_worker.cancelled = True

    @Slot(int, int, str)
    def _import_step(self, done: int, total: int, name: str) -> None:
        self._import_progress.setValue(done)
        self._import_progress.setLabelText(Path(name).name if name else "")

    @Slot(str)
    def _import_failed(self, message: str) -> None:
        self._import_errors.append(message)

    @Slot(str, bool)
    def _import_done_one(self, article_id: str, _created: bool) -> None:
        self._import_opened.append(article_id)

    @Slot(bool)
    def _import_finished(self, cancelled: bool) -> None:
        self._import_progress.close()
        self._stop_thread("_import_thread")
        self._import_worker = None
        self.refresh_library()
        if self._import_opened:
            self.open_article(self._import_opened[-1])
        if self._import_errors:
            self.error("\n".join(self._import_errors), title=self.tr("Some files were not imported"))
        elif cancelled:
            self.statusBar().showMessage(self.tr("Import cancelled"), 4000)
        else:
            self.statusBar().showMessage(self.tr("%n article(s) imported", "", len(self._import_opened)), 4000)

    def _stop_thread(self, attribute: str) -> None:
        thread = getattr(self, attribute)
        if thread is not None:
            thread.quit()
            thread.wait()
            setattr(self, attribute, None)

    @Slot(list)
    def receive_files(self, files: list[str]) -> None:
        """Files from a second start of Hamish: import them here, and come to the front."""
        self.showNormal()
        self.raise_()
        self.activateWindow()
        if files:
            self.import_files(files)

    def import_annotations_dialog(self) -> None:
        if self._refuse_if_read_only():
            return
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

    def rebuild_index(self, reason: str | None = None) -> None:
        """Rebuild off the GUI thread; the window stays painted, input waits (window-modal).
        `reason`: why it must be rebuilt (at start-up: missing, damaged, old), shown to the user."""
        if self._reindex_thread is not None or self._refuse_if_read_only():
            return
        label = self.tr("Rebuilding the search index…")
        self._reindex_why = (self.tr("The search index must be rebuilt (%1).").replace("%1", reason) + "\n"
                             if reason else "")
        label = self._reindex_why + label
        self._reindex_progress = QProgressDialog(label, self.tr("Cancel"), 0, 0, self)
        self._reindex_progress.setWindowTitle(self.tr("Search index"))
        self._reindex_progress.setWindowModality(Qt.WindowModality.WindowModal)
        self._reindex_progress.canceled.connect(self._cancel_reindex)
        self._reindex_progress.setMinimumDuration(0)
        self._reindex_worker = ReindexWorker(self.library.folder)
        self._reindex_worker.progress.connect(self._reindex_step)
        self._reindex_worker.finished.connect(self._reindex_finished)
        self._reindex_progress.show()
        self._reindex_thread = start_thread(self._reindex_worker, "hamish-reindex", entry=self._reindex_worker.run)

    @Slot()
    def _cancel_reindex(self) -> None:
        if self._reindex_worker is not None:
            self._reindex_worker.cancelled = True

    @Slot(int)
    def _reindex_step(self, count: int) -> None:
        self._reindex_progress.setLabelText(  # the reason stays in view
            self._reindex_why + self.tr("Rebuilding the search index… %1").replace("%1", str(count)))

    @Slot(int, str)
    def _reindex_finished(self, count: int, error: str) -> None:
        if self._closing:
            return  # a signal queued before the window closed: the library may be closed too
        self._reindex_progress.close()
        self._stop_thread("_reindex_thread")
        self._reindex_worker = None
        self.library.index.close()  # reopen on next use: the folder was swapped
        if count >= 0 and not error:
            self.library.index_needs_rebuild = None
            # Changes made meanwhile wait in the journal.
            if self.index_sync_worker is not None:
                self.indexSyncRequested.emit()
            else:
                self._run(self.library.sync_index)
        if error:
            self.error(error)
            return
        if count < 0:
            self.statusBar().showMessage(self.tr("Rebuild cancelled; the search index is as it was"), 5000)
            return
        self.statusBar().showMessage(self.tr("Search index rebuilt: %n highlight(s)", "", count), 5000)
        if self.search_panel.box.text().strip():
            self.run_search(self.search_panel.box.text())

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
        keys = [f"{t.key} — {isolate(tag_label(t.name))}" for t, _ in self.library.tags() if t.key]
        QMessageBox.information(self, self.tr("Keys"), "\n".join([
            self.tr("Select text, then press a tag's key:"), *keys, "",
            self.tr("Ctrl+F find in article · Ctrl+Shift+F search highlights"),
            self.tr("Ctrl+N highlight with a note · Ctrl+Z / Ctrl+Shift+Z undo / redo"),
            self.tr("Ctrl+G suggestions: Tab next · Enter or a tag's key accepts · Delete dismisses"),
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
        self._closing = True
        self._remember_position()
        self._save_setting("point_size", str(self.view.point_size))
        # Finish background work before the threads' objects go away (a running QThread
        # destroyed aborts the process). An import stops after its current file.
        self._cancel_import()
        self._stop_thread("_import_thread")
        self._stop_thread("_reindex_thread")
        self._stop_thread("_suggest_thread")  # after the detectors' current run
        if self.index_sync_worker is not None:
            # Changes not yet applied stay in the journal: the next start applies them. The
            # worker's SQLite connection is closed in its own thread (SQLite insists).
            self.library.index_sync_elsewhere = None
            QMetaObject.invokeMethod(self.index_sync_worker, "stop", Qt.ConnectionType.BlockingQueuedConnection)
            self.index_sync_thread.quit()
            self.index_sync_thread.wait()
            self.index_sync_worker = None
        # Stop the search thread first, then release its index from here: nothing runs in
        # that thread any more, and no cross-thread call can wait forever.
        self.search_thread.quit()
        self.search_thread.wait()
        self.search_worker.stop()
        super().closeEvent(event)
