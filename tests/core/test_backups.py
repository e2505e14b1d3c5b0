"""Backups: one a day kept for a week, on demand, before upgrades and restores; restore goes
back exactly and refuses a damaged or foreign file without touching the library."""
from __future__ import annotations

import json
import os
import stat
import time
from pathlib import Path

import pytest

from reader import cli
from reader.core.errors import StorageError
from reader.core.services import Library
from reader.core.storage import backups


def test_daily_backup_once_a_day_and_seven_kept(data_dir: Path) -> None:
    with Library.open(data_dir) as lib:
        first = [b for b in lib.backups() if b.label == "daily"]
        assert len(first) == 1  # taken on the first open of the day
        assert backups.daily_backup(lib.db) is None  # not again the same day
        manual = lib.backup()
        day = 24 * 3600
        for i in range(1, 10):
            # Pretend the newest daily backup is a day old, then a day passes.
            newest = [b for b in lib.backups() if b.label == "daily"][0].path
            os.utime(newest, (time.time() - day - 1, time.time() - day - 1))
            time.sleep(0.01)
            assert backups.daily_backup(lib.db) is not None
        daily = [b for b in lib.backups() if b.label == "daily"]
        assert len(daily) == backups.KEEP_DAILY
        assert manual.exists()  # made by hand: never pruned


def test_restore_goes_back_and_keeps_the_present_as_a_backup(data_dir: Path, sample_path: Path) -> None:
    with Library.open(data_dir) as lib:
        art = lib.import_file(sample_path).article
        kept = lib.annotate(art.id, quote="Tencent", tags=["company"])
        snapshot = lib.backup()
        later = lib.annotate(art.id, quote="Huawei", tags=["company"])
        lib.delete_annotation(kept.id)
        safety = lib.restore(snapshot.name)
        assert [a.id for a in lib.annotations()] == [kept.id]
        assert [h.annotation_id for h in lib.search("tencent")] == [kept.id]
        assert lib.search("huawei") == [] and lib.check_index() == (set(), set())
        lib.restore(str(safety))  # and forward again
        assert [a.id for a in lib.annotations()] == [later.id]
        assert [a.id for a in lib.trash()] == [kept.id]


@pytest.mark.parametrize("content", [b"not a database at all" * 50, b""])
def test_damaged_backup_is_refused_and_nothing_changes(data_dir: Path, sample_path: Path, tmp_path: Path,
                                                       content: bytes) -> None:
    bad = tmp_path / "hamish-20260101-000000-manual.db"
    bad.write_bytes(content)
    with Library.open(data_dir) as lib:
        art = lib.import_file(sample_path).article
        ann = lib.annotate(art.id, quote="Baidu", tags=["company"])
        before = {b.path.name for b in lib.backups()}
        with pytest.raises(StorageError):
            lib.restore(str(bad))
        assert [a.id for a in lib.annotations()] == [ann.id]
        assert {b.path.name for b in lib.backups()} == before  # not even a safety copy


def test_backup_commands(capsys, data_dir: Path, sample_path: Path) -> None:
    assert cli.main(["import", str(sample_path)]) == 0
    capsys.readouterr()
    assert cli.main(["backup"]) == 0
    made = Path(capsys.readouterr().out.strip())
    assert made.is_file() and made.parent == data_dir / "backups"
    assert cli.main(["backups", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert {b["label"] for b in listed} >= {"daily", "manual"} and made.name in {b["file"] for b in listed}
    assert cli.main(["restore-backup", made.name]) == 0
    assert "restored" in capsys.readouterr().out
    assert cli.main(["restore-backup", "no-such-backup.db"]) == 1
    assert "no backup file" in capsys.readouterr().err


def test_data_folder_is_private(tmp_path: Path) -> None:
    folder = tmp_path / "new-library"
    with Library.open(folder):
        pass
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((folder / "backups").stat().st_mode) == 0o700
