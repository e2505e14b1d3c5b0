"""Shared fixtures: every test gets its own data folder; nothing touches the user's library."""
from __future__ import annotations

from pathlib import Path

import pytest

from offline_support import no_network, saved_page, server  # noqa: F401 - fixtures for the offline tests

from reader.core.resources import sample_article_path

SAMPLE = sample_article_path()


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path_factory.mktemp("hamish-data")
    monkeypatch.setenv("HAMISH_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def data_dir(_isolated_data_dir: Path) -> Path:
    return _isolated_data_dir


@pytest.fixture
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture
def library(data_dir: Path):
    from reader.core.services import Library

    lib = Library.open(data_dir)
    yield lib
    lib.close()
