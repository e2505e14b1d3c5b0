"""Background workers on their own: cancelling a rebuild keeps the index that was there."""
from __future__ import annotations

import uuid
from pathlib import Path

from reader.core.models import Annotation
from reader.core.services import Library
from reader.core.storage import repository as repo
from reader.core.text import context
from reader.ui.workers import ReindexWorker


def _many_annotations(lib: Library, article_id: str, count: int) -> None:
    text = lib.article(article_id).text
    with lib.db.transaction():
        for i in range(count):
            start = (i * 37) % (len(text) - 20)
            prefix, suffix = context(text, start, start + 12)
            repo.save_annotation(lib.db, Annotation(
                str(uuid.uuid4()), article_id, start, start + 12, text[start:start + 12], prefix, suffix,
                ["company"], "", "#4e9af1", "2026-11-28T00:00:00Z", "2026-11-28T00:00:00Z"))


def test_cancelled_rebuild_keeps_the_previous_index(qtbot, data_dir: Path, sample_path: Path) -> None:
    with Library.open(data_dir) as lib:
        art = lib.import_file(sample_path).article
        _many_annotations(lib, art.id, 1200)
        lib.sync_index()
        before = lib.index.doc_ids()
    assert len(before) == 1200
    worker = ReindexWorker(data_dir)
    worker.cancelled = True
    with qtbot.waitSignal(worker.finished, timeout=60000) as done:
        worker.run()
    assert done.args == [-1, ""]
    with Library.open(data_dir) as lib:
        assert lib.index.doc_ids() == before and lib.index_rebuilt_because is None
    assert not [p for p in data_dir.iterdir() if ".building-" in p.name]


def test_rebuild_reports_progress_and_count(qtbot, data_dir: Path, sample_path: Path) -> None:
    with Library.open(data_dir) as lib:
        art = lib.import_file(sample_path).article
        _many_annotations(lib, art.id, 700)
    worker = ReindexWorker(data_dir)
    steps: list[int] = []
    worker.progress.connect(steps.append)
    with qtbot.waitSignal(worker.finished, timeout=60000) as done:
        worker.run()
    assert done.args == [700, ""] and steps[0] == 500 and steps[-1] == 700
