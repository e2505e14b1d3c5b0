"""Composition root of the desktop app: logging, excepthook, QApplication, fonts, translator,
interface direction, the library, the main window. Also the offscreen `screenshot` and
`layout` diagnostics, which build the same window and view.
"""
from __future__ import annotations

import locale
import logging
import os
import sys
import tempfile
import time
import traceback
from pathlib import Path

from reader.core.errors import HamishError

log = logging.getLogger("hamish")
LANGUAGES = ("en", "ar")
INSTANCE_SERVER_DELAY_MS = 300  # the single-instance socket opens this long after the window shows
_translators: list = []  # installed QTranslators, removed when the language changes


def system_language() -> str:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var, "")
        if value:
            return "ar" if value.lower().startswith("ar") else "en"
    code = (locale.getlocale()[0] or "").lower()
    return "ar" if code.startswith("ar") else "en"


def make_application(lang: str | None = None, argv: list[str] | None = None):  # noqa: ANN201
    """The QApplication with Hamish's fonts, translation and interface direction."""
    from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
    from PySide6.QtWidgets import QApplication

    from reader.core.resources import resource_path
    from reader.ui.fonts import load_fonts

    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setApplicationName("Hamish")
    app.setOrganizationName("Hamish")
    load_fonts()
    lang = lang or system_language()
    for old in _translators:  # switching language: drop the previous one's
        app.removeTranslator(old)
    _translators.clear()
    if lang == "ar":
        ours = QTranslator(app)
        if ours.load(str(resource_path("translations", "hamish_ar.qm"))):
            app.installTranslator(ours)
            _translators.append(ours)
        qt_base = QTranslator(app)
        if qt_base.load(QLocale("ar"), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt_base)
            _translators.append(qt_base)
        # The whole window mirrors; the article keeps its own per-paragraph direction.
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    else:
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    app.setProperty("hamish_lang", lang)
    return app


def install_excepthook(log_dir: Path) -> None:
    """A bug becomes a logged crash report and a dialog, never a silent exit or a raw traceback."""

    def hook(exc_type, exc, tb) -> None:  # noqa: ANN001
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        log.error("unhandled exception:\n%s", text)
        try:
            report = log_dir / "crash.log"
            with report.open("a", encoding="utf-8") as f:
                f.write(text + "\n")
        except OSError:
            report = None
        try:
            from PySide6.QtCore import QThread
            from PySide6.QtWidgets import QApplication, QMessageBox

            app = QApplication.instance()
            # A dialog only from the GUI thread: widgets elsewhere crash Qt. A worker's bug is
            # logged; the window learns of it when the worker's job reports no result.
            if app is not None and QThread.currentThread() == app.thread():
                QMessageBox.critical(
                    None, "Hamish",
                    "Hamish ran into a bug. Your annotations are saved.\n"
                    + (f"A report was written to {report}." if report else ""),
                )
        except Exception:  # noqa: BLE001 - the hook itself must never raise
            pass

    sys.excepthook = hook


def build_window(library, files: list[str]):  # noqa: ANN001, ANN201
    """The main window over `library`, with FILEs imported and the right article open:
    the last FILE, else (first run, empty library) the sample article, else the last one read."""
    from reader.core.resources import sample_article_path
    from reader.ui.main_window import MainWindow

    window = MainWindow(library)
    window.restore_view_settings()
    opened = None
    for name in files:
        try:
            opened = library.import_file(name).article.id
        except HamishError as err:
            window.error(str(err))
    if opened is None and not library.list_articles() and not library.read_only:
        opened = library.import_file(sample_article_path()).article.id
    window.refresh_library()
    if opened is None:
        articles = library.list_articles()
        last = library.setting("last_article")
        opened = last if any(a.id == last for a in articles) else (articles[-1].id if articles else None)
    if opened:
        window.open_article(opened)
    return window


def open_window(data_dir: str | None, files: list[str], read_only: bool = False):  # noqa: ANN201
    """The library and its window, shown at once: an index that must be rebuilt (missing,
    damaged, old) is rebuilt in a worker with progress, not before the window appears.
    A library that cannot be written (or `read_only`) opens read-only and says so."""
    from reader.core.services import Library

    library = Library.open(data_dir, sync_index=False, read_only=True if read_only else None)
    library.rebuild_elsewhere = True
    window = build_window(library, files)
    window.resize(1280, 800)
    window.show()
    # Whoosh is not even imported on this thread: the index worker checks the index once the
    # window has painted, and a damaged one comes back here to be rebuilt with progress.
    window.check_index_soon()
    return library, window


def run_gui(data_dir: str | None, lang: str | None, files: list[str], read_only: bool = False) -> int:
    from reader.core.paths import data_dir as resolve_data_dir
    from reader.ui.single_instance import InstanceServer, hand_over

    app = make_application(lang)
    try:
        folder = resolve_data_dir(data_dir)
        # Hamish is already open on this library: give it the files, and do not open it twice.
        if hand_over(folder, files):
            sys.stderr.write("hamish: already open; " + (
                f"{len(files)} file(s) handed to the open window\n" if files else "showing the open window\n"))
            return 0
        library, window = open_window(str(folder), files, read_only)
    except HamishError as err:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, "Hamish", str(err))
        return 1
    install_excepthook(library.folder)
    from PySide6.QtCore import QTimer

    def listen() -> None:
        # Once the window has painted: QtNetwork costs 60 ms to load. A start in between opens
        # a second window on the library, which is safe (SQLite and the index journal).
        window.instance_server = InstanceServer(library.folder, window)
        window.instance_server.filesReceived.connect(window.receive_files)

    QTimer.singleShot(INSTANCE_SERVER_DELAY_MS, listen)
    if os.environ.get("HAMISH_BENCH_FIRST_PAINT") == "1":
        _bench_first_paint(window)
    code = app.exec()
    if window.current_id:
        try:
            library.set_setting("last_article", window.current_id)
        except HamishError:
            pass
    library.close()
    return code


def _bench_first_paint(window) -> None:  # noqa: ANN001
    """For `python -m bench` only, off unless HAMISH_BENCH_FIRST_PAINT=1: once the article view
    has painted for the first time, print `first-paint <time.monotonic()> <time.time()>` on
    stdout and close the window (the user's way out, so threads stop as they would)."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, watched, event) -> bool:  # noqa: ANN001, N802
            if event.type() == QEvent.Type.Paint and not self.property("seen"):
                self.setProperty("seen", True)
                QTimer.singleShot(0, self.report)  # runs once this paint has finished
            return False

        def report(self) -> None:
            print(f"first-paint {time.monotonic():.6f} {time.time():.6f}", flush=True)
            window.close()

    window._bench_first_paint = FirstPaint(window)  # kept alive with the window
    window.view.viewport().installEventFilter(window._bench_first_paint)


DEMO_HIGHLIGHTS = (
    # (quote, occurrence, tags, note)
    ("Nvidia", 1, ["company"], ""),
    ("رقائق H20 من Nvidia", 1, ["quote", "company"], ""),
    ("8.2 مليار دولار", 1, ["figure"], "صندوق استثمار حكومي في الذكاء الاصطناعي"),
    ("15 ٪", 1, ["figure"], "حصة الحكومة الأمريكية"),
    ("Jensen Huang", 1, ["person"], ""),
    ("الذكاء الاصطناعي", 1, ["تقنية"], ""),
)


def screenshot(out: str, file: str | None, width: int, height: int, lang: str | None, demo: bool,
               data_dir: str | None, suggest: bool = False) -> int:
    """Render the main window with FILE open (demo highlights with --demo, suggestions shown
    with --suggest) to a PNG, offscreen."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from reader.core.resources import sample_article_path
    from reader.core.services import Library
    from reader.ui.main_window import MainWindow

    app = make_application(lang)
    # A scratch library unless one is named: a screenshot must not touch the user's.
    folder = data_dir or tempfile.mkdtemp(prefix="hamish-shot-")
    with Library.open(folder) as library:
        article = library.import_file(file or sample_article_path()).article
        if demo:
            for quote, occurrence, tags, note in DEMO_HIGHLIGHTS:
                try:
                    library.annotate(article.id, quote=quote, occurrence=occurrence, tags=tags, note=note)
                except HamishError:
                    pass  # a demo quote that is not in this file
        window = MainWindow(library)
        window.resize(width, height)
        window.show()
        window.open_article(article.id, position=0)
        if suggest:
            window.set_suggesting(True)
            deadline = time.monotonic() + 30  # the detectors run in a worker
            while not window.view.suggestions and time.monotonic() < deadline:
                app.processEvents()
                time.sleep(0.01)
        for _ in range(5):
            app.processEvents()
        ok = window.grab().save(out)
        window.close()
        app.processEvents()
    if not ok:
        raise HamishError(f"cannot write the image {out}")
    return 0


def layout(file: str, width: int) -> dict:
    """Lay FILE out in the real article view at `width` px; JSON-ready per-line visual order."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from reader.core import importers
    from reader.core.models import Article
    from reader.core.text import sha256_text
    from reader.ui.article_view import ArticleView
    from reader.ui.layout_probe import probe_document, to_json

    make_application("en")
    loaded = importers.load_file(file)
    view = ArticleView()
    view.load(Article("layout", loaded.title, loaded.text, sha256_text(loaded.text)), [], [])
    view.set_text_width(width)
    return to_json(width, probe_document(view.document(), view.offsets))
