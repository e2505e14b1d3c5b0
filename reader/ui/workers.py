"""Work that must not freeze the window: search and bulk import, each on its own thread.

Workers never touch widgets; they report by signal. The search worker owns its own read-only
`SearchIndex` on the library's index folder (Whoosh readers see the GUI thread's commits), and
answers only the newest query: older ones still queued are skipped.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from reader.core.errors import HamishError, InvalidQuery


class SearchWorker(QObject):
    results = Signal(int, list)  # sequence number, list[SearchHit]
    failed = Signal(int, str)

    def __init__(self, index_dir: Path, shared_index=None) -> None:  # noqa: ANN001 - SearchIndex | None
        super().__init__()
        self.index_dir = index_dir
        # A read-only library's index built in memory is searched as it is (it locks itself).
        self._shared = shared_index
        self._index = shared_index
        self.latest = 0

    @Slot(int, str, int)
    def search(self, seq: int, query: str, limit: int) -> None:
        if seq < self.latest:
            return
        from reader.core.search import SearchIndex

        try:
            if self._index is None:
                self._index = self._shared or SearchIndex(self.index_dir)
            self.results.emit(seq, self._index.search(query, limit=limit))
        except InvalidQuery as err:
            self.failed.emit(seq, str(err))
        except HamishError as err:
            # The index was swapped or damaged: reopen next time.
            self._close()
            self.failed.emit(seq, str(err))

    def _close(self) -> None:
        if self._index is not None and self._index is not self._shared:
            self._index.close()
            self._index = None

    @Slot()
    def stop(self) -> None:
        self._close()


class ImportWorker(QObject):
    """Imports files one by one into its own connection to the library; can be cancelled."""

    progress = Signal(int, int, str)  # done, total, current file
    imported = Signal(str, bool)  # article id, created
    failed = Signal(str)  # one line per bad file
    finished = Signal(bool)  # True when cancelled

    def __init__(self, data_dir: Path, files: list[str]) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.files = files
        self.cancelled = False

    @Slot()
    def run(self) -> None:
        from reader.core.services import Library

        try:
            lib = Library.open(self.data_dir, sync_index=False)
        except HamishError as err:
            self.failed.emit(str(err))
            self.finished.emit(False)
            return
        try:
            for i, name in enumerate(self.files):
                if self.cancelled:
                    self.finished.emit(True)
                    return
                self.progress.emit(i, len(self.files), name)
                try:
                    result = lib.import_file(name)
                    self.imported.emit(result.article.id, result.created)
                except HamishError as err:
                    self.failed.emit(str(err))
            self.progress.emit(len(self.files), len(self.files), "")
        finally:
            lib.close()
        self.finished.emit(False)


class ReindexWorker(QObject):
    """Rebuilds the search index from SQLite through its own connection to the library."""

    progress = Signal(int)
    finished = Signal(int, str)  # count (-1: cancelled), error message ("" when it worked)

    def __init__(self, data_dir: Path) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.cancelled = False

    def _progress(self, count: int) -> None:
        if self.cancelled:
            # Raised inside the rebuild, which then drops its half-built copy: the index in
            # place before stays as it was.
            raise _Cancelled
        self.progress.emit(count)

    @Slot()
    def run(self) -> None:
        from reader.core.services import Library

        try:
            with Library.open(self.data_dir, sync_index=False) as lib:
                count = lib.reindex(self._progress)
        except _Cancelled:
            self.finished.emit(-1, "")
            return
        except HamishError as err:
            self.finished.emit(0, str(err))
            return
        self.finished.emit(count, "")


class _Cancelled(Exception):
    pass


def start_thread(worker: QObject, name: str, entry=None) -> QThread:  # noqa: ANN001
    """Move `worker` to a new thread and start it; `entry` runs in that thread once it starts."""
    thread = QThread()
    thread.setObjectName(name)
    worker.moveToThread(thread)
    if entry is not None:
        thread.started.connect(entry)
    thread.start()
    return thread


class SuggestWorker(QObject):
    """Runs the suggestion detectors (a second or more on a 2 MB article) off the window's thread.
    Pure computation on the text: the window filters the result against the library."""

    found = Signal(str, str, list)  # article id, text hash, list[Suggestion]
    failed = Signal(str)

    def __init__(self, gazetteer) -> None:  # noqa: ANN001 - reader.core.suggest.companies.Gazetteer
        super().__init__()
        self.gazetteer = gazetteer
        self.latest = ""  # the article the window waits for: older requests still queued are skipped

    @Slot(str, str, str)
    def detect(self, article_id: str, sha: str, text: str) -> None:
        if article_id != self.latest:
            return
        from reader.core.suggest import suggest

        try:
            found = suggest(text, self.gazetteer)
        except Exception as err:  # noqa: BLE001 - a detector bug must not leave the window waiting
            self.failed.emit(f"suggestions failed: {type(err).__name__}: {err}")
            return
        self.found.emit(article_id, sha, found)


class IndexSyncWorker(QObject):
    """Applies saved changes to the search index (from SQLite's journal) off the window's thread,
    through its own connection to the library; a save then costs the window no index write."""

    # Whether changes were applied; "" or why not all (one line); why the index must be rebuilt
    # (missing, damaged, old) or "": the window rebuilds it with progress.
    synced = Signal(bool, str, str)

    def __init__(self, data_dir: Path) -> None:
        super().__init__()
        self.data_dir = data_dir
        self._lib = None

    @Slot()
    def sync(self) -> None:
        from reader.core.services import Library

        from reader.core.storage import repository as repo

        try:
            if self._lib is None:
                self._lib = Library.open(self.data_dir, sync_index=False)
                self._lib.rebuild_elsewhere = True
            pending = bool(repo.pending_journal(self._lib.db)[1])
            self._lib.sync_index()
        except HamishError as err:
            self.synced.emit(False, str(err), "")
            return
        needs_rebuild, self._lib.index_needs_rebuild = self._lib.index_needs_rebuild, None
        # Locked by another Hamish: the change waits in the journal for the next sync.
        behind = self._lib.index_behind
        applied = pending and not behind and not needs_rebuild
        self.synced.emit(applied, "behind" if behind else "", needs_rebuild or "")

    @Slot()
    def stop(self) -> None:
        if self._lib is not None:
            self._lib.close()
            self._lib = None
