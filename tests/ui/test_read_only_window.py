"""The window on a library that cannot be written: it says so, reads and searches (the index built
in memory when the one on disk is missing), and refuses changes without a modal dialog."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil  # noqa: E402
from pathlib import Path  # noqa: E402

from PySide6.QtWidgets import QLabel  # noqa: E402

from reader.app import make_application, open_window  # noqa: E402
from reader.core.services import Library  # noqa: E402


def test_read_only_window_reads_searches_and_refuses_changes(qtbot, tmp_path: Path, sample_path: Path) -> None:
    folder = tmp_path / "library"
    with Library.open(folder) as lib:
        article = lib.import_file(sample_path).article
        kept = lib.annotate(article.id, quote="Cambricon", tags=["company"], note="شركة رقائق صينية")
    shutil.rmtree(folder / "index")
    make_application("en")
    library, window = open_window(str(folder), [], read_only=True)
    qtbot.addWidget(window)
    try:
        assert library.read_only and library.index_needs_rebuild is None  # no rebuild dialog
        assert window.windowTitle().endswith("(read-only)")
        banner = window.findChild(QLabel, "readOnlyBanner")
        assert banner is not None and banner.isVisible() and "read-only" in banner.text()
        assert window.current_id == article.id
        assert [a.id for a in window.view.annotations] == [kept.id]  # highlights are drawn

        text = window.view.article.text
        start = text.index("Tencent")
        window.view.select_range(start, start + len("Tencent"))
        qtbot.keyClick(window.view, "1")  # would tag as company; the autouse fixture fails on a dialog
        assert "read-only" in window.statusBar().currentMessage()
        assert [a.id for a in library.annotations()] == [kept.id]

        window.show_search()
        window.search_panel.box.insert("note:رقائق")
        qtbot.waitUntil(lambda: window.search_panel.results.rowCount() == 1, timeout=5000)
        assert not (folder / "index").exists()  # searched in memory, nothing written
    finally:
        window.close()
        library.close()
