"""The environment failing under the library: a full disk, a database locked by another
program. Each gives one clear message, loses nothing already saved, and the library goes on."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader import cli
from reader.core.errors import StorageError
from reader.core.services import Library


def test_disk_full_is_a_clear_error_and_keeps_what_was_saved(library: Library, sample_path: Path) -> None:
    art = library.import_file(sample_path).article
    kept = library.annotate(art.id, quote="Tencent", tags=["company"], note="قبل امتلاء القرص")
    # Simulate a full disk: the database may not grow by a single page.
    pages = library.db.conn.execute("PRAGMA page_count").fetchone()[0]
    library.db.conn.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(StorageError, match="full"):
        for i in range(200):  # enough notes to need a new page
            library.annotate(art.id, quote="Nvidia", occurrence=1 + i % 10, tags=["company"], note="ن" * 400)
    # Nothing half-written; what was saved before is intact and still readable and searchable.
    assert library.db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert library.annotation(kept.id).note == "قبل امتلاء القرص"
    assert kept.id in {h.annotation_id for h in library.search("tencent")}
    library.db.conn.execute(f"PRAGMA max_page_count = {10**9}")  # space freed: saving works again
    again = library.annotate(art.id, quote="Baidu", tags=["company"])
    assert library.annotation(again.id).quote == "Baidu"


def test_database_locked_by_another_program(library: Library, sample_path: Path, data_dir: Path) -> None:
    art = library.import_file(sample_path).article
    library.db.conn.execute("PRAGMA busy_timeout = 200")  # do not wait the usual 5 s in a test
    other = sqlite3.connect(data_dir / "hamish.db")
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        with pytest.raises(StorageError, match="locked by another program"):
            library.annotate(art.id, quote="Tencent", tags=["company"])
        assert library.annotations() == []  # reading still works
    finally:
        other.rollback()
        other.close()
    assert library.annotate(art.id, quote="Tencent", tags=["company"]).quote == "Tencent"


def test_cli_reports_a_locked_database_in_one_line(capsys, sample_path: Path, data_dir: Path,
                                                   monkeypatch) -> None:
    assert cli.main(["import", str(sample_path)]) == 0
    article_id = capsys.readouterr().out.split("\t")[0]
    monkeypatch.setattr("reader.core.storage.db.BUSY_TIMEOUT_MS", 200)
    other = sqlite3.connect(data_dir / "hamish.db")
    other.execute("BEGIN IMMEDIATE")
    try:
        code = cli.main(["annotate", article_id, "--quote", "Nvidia", "--tag", "company"])
    finally:
        other.rollback()
        other.close()
    err = capsys.readouterr().err
    assert code == 1 and "locked by another program" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
