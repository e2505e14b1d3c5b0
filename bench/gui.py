"""In-process measurements of the window: opening the long article, scrolling it, saving a
highlight, and their bare-Qt references. Needs a QApplication (offscreen without a display)."""
from __future__ import annotations

import time
from pathlib import Path

from bench.workload import TOKEN_PREFIX, BigLibrary, SizedLibrary, log

WINDOW_SIZE = (1280, 800)
SCROLL_POSITIONS = 20
PAINT_TIMEOUT = 120.0


class BenchError(RuntimeError):
    pass


def application():  # noqa: ANN201
    """Hamish's QApplication (fonts, English interface), with modal dialogs made errors: one would
    wait for a click forever."""
    from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

    from reader.app import make_application

    app = make_application("en")

    def refuse(name: str):  # noqa: ANN202
        def _refuse(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            text = " ".join(str(a) for a in args[1:3] if isinstance(a, str))
            raise BenchError(f"the window opened a dialog ({name}): {text}")

        return _refuse

    for name in ("warning", "critical", "information", "question"):
        setattr(QMessageBox, name, refuse(f"QMessageBox.{name}"))
    QInputDialog.getText = refuse("QInputDialog.getText")
    for name in ("getOpenFileName", "getOpenFileNames", "getSaveFileName"):
        setattr(QFileDialog, name, refuse(f"QFileDialog.{name}"))
    return app


def _paint_watch(widget):  # noqa: ANN001, ANN202
    """An event filter counting `widget`'s paint events (`.count`)."""
    from PySide6.QtCore import QEvent, QObject

    class PaintWatch(QObject):
        count = 0

        def eventFilter(self, watched, event) -> bool:  # noqa: ANN001, N802
            if event.type() == QEvent.Type.Paint:
                self.count += 1
            return False

    watch = PaintWatch(widget)
    widget.installEventFilter(watch)
    return watch


def _until_painted(app, watch, before: int) -> None:  # noqa: ANN001
    deadline = time.perf_counter() + PAINT_TIMEOUT
    while watch.count <= before:
        app.processEvents()
        if time.perf_counter() > deadline:
            raise BenchError("the view never painted")


def _drain(app, seconds: float = 0.05) -> None:  # noqa: ANN001
    """Let pending events, timers and paints run (not timed)."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.002)


def _lay_out_all(document) -> None:  # noqa: ANN001
    """Finish the document's layout now (Qt lays out a long document lazily, after the first paint)."""
    document.documentLayout().blockBoundingRect(document.lastBlock())


def _window(library):  # noqa: ANN001, ANN201
    from reader.ui.main_window import MainWindow

    window = MainWindow(library)
    window.restore_view_settings()
    window.resize(*WINDOW_SIZE)
    window.show()
    return window


def _close(app, window) -> None:  # noqa: ANN001
    window.close()
    window.deleteLater()
    _drain(app, 0.1)


def _open_library(folder: Path):  # noqa: ANN202
    """The library as the window opens it, minus the daily backup (not what is measured here)."""
    from reader.core.services import Library

    library = Library(folder)
    library.rebuild_elsewhere = True
    library.sync_index()
    if library.index_needs_rebuild:
        raise BenchError(f"the index of {folder} needs a rebuild ({library.index_needs_rebuild})")
    return library


def bare_layout(app, text: str, width: int, point_size: float, runs: int) -> list[float]:  # noqa: ANN001
    """Seconds to set `text` into a bare QTextDocument with the reading font and lay all of it out."""
    from PySide6.QtGui import QTextDocument

    from reader.ui.fonts import reading_font

    samples = []
    for _ in range(runs):
        document = QTextDocument()
        document.setDefaultFont(reading_font(point_size))
        document.setTextWidth(width)
        started = time.perf_counter()
        document.setPlainText(text)
        document.documentLayout().documentSize()  # lays out the whole document
        samples.append(time.perf_counter() - started)
        del document
        _drain(app, 0.02)
    return samples


def open_and_scroll(app, big: BigLibrary, open_runs: int, scroll_passes: int) -> dict:  # noqa: ANN001
    """Open the long article `open_runs` times (switching to the sample article in between), each
    timed from `open_article` to the end of the view's first paint, and to its full layout; the
    bare layout reference is measured between them. Then the paint time at 20 scroll positions."""
    text = big.text_path.read_text(encoding="utf-8")
    library = _open_library(big.folder)
    # Open at the top, as the first time: a reused workdir remembers where the last run's scroll
    # pass left the window (the end), and reopening there lays out the whole article first.
    library.set_setting(f"position:{big.big_id}", "0")
    window = _window(library)
    try:
        _drain(app, 0.3)
        window.open_article(big.small_id)
        _drain(app, 0.1)
        view = window.view
        watch = _paint_watch(view.viewport())
        width = view.viewport().width()
        painted, laid_out, bare = [], [], []
        for run in range(open_runs):
            log(f"  open the long article: run {run + 1} of {open_runs}")
            before = watch.count
            started = time.perf_counter()
            window.open_article(big.big_id)
            _until_painted(app, watch, before)
            painted.append(time.perf_counter() - started)
            _lay_out_all(view.document())
            laid_out.append(time.perf_counter() - started)
            _drain(app, 0.1)
            window.open_article(big.small_id)
            _drain(app, 0.1)
            bare += bare_layout(app, text, width, view.point_size, 1)
        window.open_article(big.big_id, position=0)
        _lay_out_all(view.document())
        _drain(app, 0.2)
        scroll = _scroll_paints(app, view, scroll_passes)
        bare_scroll = _bare_scroll(app, text, view.viewport().size(), view.point_size, scroll_passes)
        return {"painted": painted, "laid_out": laid_out, "bare_layout": bare, "scroll": scroll,
                "bare_scroll": bare_scroll, "viewport": [view.viewport().width(), view.viewport().height()],
                "highlights_drawn": len(view.annotations)}
    finally:
        _close(app, window)
        library.close()


def _scroll_paints(app, view, passes: int) -> list[float]:  # noqa: ANN001
    """Seconds to move the scroll bar and repaint the viewport, at 20 positions top to bottom."""
    bar = view.verticalScrollBar()
    top = bar.maximum()
    samples = []
    for _ in range(passes):
        for i in range(SCROLL_POSITIONS):
            app.processEvents()
            started = time.perf_counter()
            bar.setValue(round(top * i / (SCROLL_POSITIONS - 1)))
            view.viewport().repaint()
            samples.append(time.perf_counter() - started)
    return samples


def _bare_scroll(app, text: str, size, point_size: float, passes: int) -> list[float]:  # noqa: ANN001
    """The same in a bare QTextBrowser: same text, font and viewport size, no highlights."""
    from PySide6.QtWidgets import QTextBrowser

    from reader.ui.fonts import reading_font

    browser = QTextBrowser()
    browser.setFont(reading_font(point_size))
    browser.setPlainText(text)
    browser.resize(size.width() + browser.width() - browser.viewport().width(),
                   size.height() + browser.height() - browser.viewport().height())
    browser.show()
    _drain(app, 0.1)
    browser.resize(size.width() + browser.width() - browser.viewport().width(),
                   size.height() + browser.height() - browser.viewport().height())
    _lay_out_all(browser.document())
    _drain(app, 0.1)
    try:
        return _scroll_paints(app, browser, passes)
    finally:
        browser.close()
        browser.deleteLater()
        _drain(app, 0.05)


def save(app, sized: SizedLibrary, runs: int, timeout: float = 30.0) -> dict:  # noqa: ANN001
    """Highlight a planted word with `tag_selection("company")`: seconds the call holds the GUI
    thread, and seconds from the call until a separate reader of the index (like the window's
    search worker) finds it. Afterwards the new highlights are removed again."""
    from reader.core.paths import INDEX_DIR_NAME
    from reader.core.search import SearchIndex

    if runs > len(sized.tokens):
        raise BenchError(f"only {len(sized.tokens)} planted words for {runs} saves")
    _remove_saved(sized)  # left by an interrupted run, if any
    library = _open_library(sized.folder)
    window = _window(library)
    reader = SearchIndex(sized.folder / INDEX_DIR_NAME)
    gui, searchable, events_after, polls = [], [], [], []
    try:
        window.open_article(sized.save_article_id)
        _drain(app, 0.3)
        if reader.search(sized.tokens[0][0]):
            raise BenchError("a planted word is already in the index before it was highlighted")
        for token, start, end in sized.tokens[:runs]:
            window.view.select_range(start, end)
            _drain(app, 0.05)
            started = time.perf_counter()
            window.tag_selection("company")
            gui.append(time.perf_counter() - started)
            in_events, count, found = 0.0, 0, None
            while found is None:
                mark = time.perf_counter()
                app.processEvents()
                in_events += time.perf_counter() - mark
                count += 1
                if reader.search(token):
                    found = time.perf_counter() - started
                elif time.perf_counter() - started > timeout:
                    raise BenchError(f"a saved highlight was not searchable after {timeout:.0f} s")
                else:
                    time.sleep(0.002)  # let a background sync have the interpreter
            searchable.append(found)
            events_after.append(in_events)
            polls.append(count)
            _drain(app, 0.05)
    finally:
        reader.close()
        _close(app, window)
        library.close()
        _remove_saved(sized)
    return {"gui": gui, "searchable": searchable, "events_after": events_after, "polls": polls}


def _remove_saved(sized: SizedLibrary) -> None:
    """Remove the highlights the save row made, so the library is as generated again."""
    from reader.core.services import Library
    from reader.core.storage import repository as repo

    library = Library(sized.folder)
    try:
        made = [a.id for a in repo.annotations_for(library.db, sized.save_article_id)
                if a.quote.startswith(TOKEN_PREFIX)]
        if made:
            with library.db.transaction():
                for annotation_id in made:
                    repo.purge_annotation(library.db, annotation_id)
            library.sync_index()
    finally:
        library.close()
