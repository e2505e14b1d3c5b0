"""Qt test setup: offscreen platform, one QApplication (pytest-qt's `qapp`), the bundled font.

QT_QPA_PLATFORM must be set before the QApplication exists; pytest-qt creates it lazily, on the
first test that asks for `qapp` or `qtbot`, after this module is imported.
"""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest


@pytest.fixture(scope="session")
def article_font(qapp):
    """The bundled reading font (IBM Plex Sans Arabic) at the article view's size."""
    from reader.ui.fonts import reading_font as make_font

    return make_font(15)


@pytest.fixture
def window(qtbot, library):
    """The main window on the test's library (English), shown and exposed."""
    from reader.app import build_window, make_application

    make_application("en")
    win = build_window(library, [])
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


@pytest.fixture(autouse=True)
def _no_modal_dialogs(monkeypatch):
    """A modal dialog would wait for a click that never comes and hang the run: make any
    unexpected one fail the test at once. Tests that expect one patch it themselves."""
    from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

    def refuse(name: str):
        def _refuse(*args, **kwargs):
            text = " ".join(str(a) for a in args[1:3] if isinstance(a, str))
            raise AssertionError(f"unexpected modal dialog {name}: {text}")

        return _refuse

    for name in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, name, refuse(f"QMessageBox.{name}"))
    monkeypatch.setattr(QInputDialog, "getText", refuse("QInputDialog.getText"))
    for name in ("getOpenFileName", "getOpenFileNames", "getSaveFileName"):
        monkeypatch.setattr(QFileDialog, name, refuse(f"QFileDialog.{name}"))
