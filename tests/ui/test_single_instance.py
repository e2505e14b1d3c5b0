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
