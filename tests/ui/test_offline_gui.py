"""Nothing ever touches the network, in the window (the non-GUI half is tests/core/test_offline.py,
sharing tests/offline_support.py).

1. The HTML page whose every resource points at a server on 127.0.0.1 is opened in the window
   (given to build_window, and imported through the window's threaded import) and the window is
   painted: the server sees no request, and the view shows the page's text, not the script.
2. Import, tag a selection with a key, search (on the search QThread), import annotations and
   export run with every socket entry point patched to record and fail: nothing tried to connect.
"""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import json  # noqa: E402
from pathlib import Path  # noqa: E402

import offline_support as H  # noqa: E402
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox  # noqa: E402

from reader.app import build_window, make_application  # noqa: E402
from reader.core.services import Library  # noqa: E402




def _settle(qtbot, window, rounds: int = 10) -> None:  # noqa: ANN001
    for _ in range(rounds):
        QApplication.processEvents()
    assert not window.grab().isNull()  # paints the whole window, the article view included
    QApplication.processEvents()


def test_html_opened_in_the_window_fetches_nothing(qtbot, library: Library, server, saved_page: Path,
                                                   monkeypatch, tmp_path: Path) -> None:  # noqa: ANN001
    recorder = H.NetworkRecorder().install(monkeypatch)
    make_application("en")
    win = build_window(library, [str(saved_page)])
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    _settle(qtbot, win)
    shown = win.view.toPlainText()
    assert H.PAGE_TEXT in shown and H.SECOND_TEXT in shown
    assert H.SCRIPT_MARK not in shown and "fetch(" not in shown and server.base not in shown

    # The same page with other text, through the window's own (threaded) import.
    second = tmp_path / "second.html"
    second.write_text(saved_page.read_text(encoding="utf-8").replace(H.SECOND_TEXT, "فقرة أخرى مختلفة."),
                      encoding="utf-8")
    win.import_files([str(second)])
    qtbot.waitUntil(lambda: win._import_thread is None, timeout=10000)
    _settle(qtbot, win)
    assert "فقرة أخرى مختلفة." in win.view.toPlainText()
    assert len(library.list_articles()) == 2
    win.close()
    QApplication.processEvents()

    attempts = list(recorder.attempts)
    monkeypatch.undo()  # the sentinel request is ours, and needs a socket
    assert attempts == [], recorder.report()
    accepted, requests = server.seen_since_reset()
    assert accepted == [] and requests == [], f"the window reached the server: {requests or accepted}"


def test_gui_flows_make_no_connection(qtbot, library: Library, sample_path: Path, tmp_path: Path,
                                      monkeypatch) -> None:  # noqa: ANN001
    recorder = H.NetworkRecorder().install(monkeypatch)
    make_application("en")
    win = build_window(library, [str(sample_path)])
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)

    # Annotate: select a passage, tag it with key 1 (company).
    text = win.view.article.text
    start = text.index("Nvidia")
    win.view.select_range(start, start + len("Nvidia"))
    qtbot.keyClick(win.view, "1")
    (ann,) = library.annotations(win.current_id)
    assert ann.tags == ["company"] and ann.quote == "Nvidia"

    # Search, answered on the search QThread.
    win.show_search()
    win.search_panel.box.insert("nvidia")
    qtbot.waitUntil(lambda: win.search_panel.results.rowCount() >= 1, timeout=10000)

    # Export, then import the export back through the window's menu action (dialogs answered).
    exported = tmp_path / "export.json"
    exported.write_text(library.export("native"), encoding="utf-8")
    w3c = library.export("w3c")
    assert json.loads(w3c)
    library.export("markdown")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(exported), ""))
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(str(a[2])))
    win.import_annotations_dialog()
    assert told and "unchanged" in told[0]

    _settle(qtbot, win)
    win.close()
    QApplication.processEvents()
    assert recorder.attempts == [], recorder.report()
