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
