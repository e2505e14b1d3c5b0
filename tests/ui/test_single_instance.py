"""A second `hamish` on the same library hands its files to the open window and exits."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from reader.app import build_window, make_application
from reader.core.services import Library
from reader.ui.single_instance import InstanceServer, server_name

ROOT = Path(__file__).resolve().parents[2]


def test_second_start_hands_its_file_to_the_open_window(qtbot, library: Library, tmp_path: Path,
                                                         monkeypatch) -> None:
    make_application("en")
    window = build_window(library, [])
    qtbot.addWidget(window)
    server = InstanceServer(library.folder, window)
    server.filesReceived.connect(window.receive_files)
    article = tmp_path / "second.txt"
    article.write_text("خبر من نسخة ثانية\nأعلنت Samsung عن رقائق جديدة.\n", encoding="utf-8")
    env = {**os.environ, "HAMISH_DATA_DIR": str(library.folder), "QT_QPA_PLATFORM": "offscreen"}
    second = subprocess.Popen([sys.executable, str(ROOT / "main.py"), str(article)], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        # The open window answers while its event loop runs; the import runs in its worker.
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=20000)
        qtbot.waitUntil(lambda: window._import_thread is None and
                        any(a.title == "خبر من نسخة ثانية" for a in library.list_articles()), timeout=20000)
    finally:
        if second.poll() is None:
            second.kill()
    out, err = second.communicate()
    assert second.returncode == 0, err
    assert "handed to the open window" in err
    assert window.view.article.title == "خبر من نسخة ثانية"
    server.close()
    window.close()


def test_each_library_has_its_own_name(tmp_path: Path) -> None:
    assert server_name(tmp_path / "a") != server_name(tmp_path / "b")
    assert server_name(tmp_path / "a") == server_name(tmp_path / "a" / ".." / "a")


def test_a_window_that_started_second_does_not_take_the_socket_of_a_live_one(qtbot, tmp_path: Path) -> None:
    """Two starts close together both open a window (the socket opens after the first paint);
    the later one must not remove the live one's socket, or later starts lose both."""
    from PySide6.QtCore import QObject

    from reader.ui.single_instance import hand_over

    make_application("en")
    first_owner, second_owner = QObject(), QObject()
    first = InstanceServer(tmp_path, first_owner)
    received: list[list[str]] = []
    first.filesReceived.connect(received.append)
    second = InstanceServer(tmp_path, second_owner)  # finds the name taken by a live server
    assert first.server.isListening() and not second.server.isListening()
    article = tmp_path / "a.txt"
    article.write_text("x", encoding="utf-8")
    # hand_over blocks while the server answers from this same event loop: run it in a thread.
    import threading

    worker = threading.Thread(target=hand_over, args=(tmp_path, [str(article)]))
    worker.start()
    qtbot.waitUntil(lambda: received != [], timeout=10000)  # the first window got the files
    worker.join(10)
    assert received == [[str(article.resolve())]]
    first.close()
    second.close()


def test_no_socket_file_means_no_window_without_loading_qtnetwork(tmp_path: Path) -> None:
    code = ("import sys; from pathlib import Path; from reader.ui.single_instance import hand_over;"
            f" print(hand_over(Path({str(tmp_path)!r}), []), 'PySide6.QtNetwork' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.stdout.split() == ["False", "False"]
