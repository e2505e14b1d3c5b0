"""Backups of the library database: taken automatically once a day, on demand, and before
every schema upgrade or restore; restored with SQLite's backup API (all or nothing).

Files are `backups/hamish-YYYYmmdd-HHMMSS-LABEL.db` (UTC). Daily backups roll: the newest
`KEEP_DAILY` are kept. Backups made by hand or before an upgrade/restore are never pruned.
"""
from __future__ import annotations

import re
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from reader.core.errors import StorageError
from reader.core.storage.db import Database
from reader.core.storage.migrations import MIGRATIONS

KEEP_DAILY = 7
DAY_SECONDS = 24 * 3600
_NAME = re.compile(r"^hamish-(\d{8}-\d{6})-([a-z0-9-]+)(?:\.(\d+))?\.db$")  # .N: several in one second


@dataclass
class Backup:
    path: Path
    taken_at: str  # "YYYY-mm-dd HH:MM:SS" UTC
    label: str
    size: int


def list_backups(folder: Path) -> list[Backup]:
    """Every backup in `folder`, newest first."""
    found = []
    for path in folder.glob("hamish-*.db") if folder.is_dir() else []:
        m = _NAME.match(path.name)
        if m:
            stamp = m.group(1)
            taken = f"{stamp[0:4]}-{stamp[4:6]}-{stamp[6:8]} {stamp[9:11]}:{stamp[11:13]}:{stamp[13:15]}"
            order = (stamp, int(m.group(3) or 1))
            found.append((order, Backup(path, taken, m.group(2), path.stat().st_size)))
    return [b for _, b in sorted(found, key=lambda pair: pair[0], reverse=True)]


def daily_backup(db: Database, now: float | None = None) -> Path | None:
    """Take the day's backup if the newest daily one is a day old (or none exists); prune."""
    now = time.time() if now is None else now
    daily = [b for b in list_backups(db.backup_dir) if b.label == "daily"]
    if daily and now - daily[0].path.stat().st_mtime < DAY_SECONDS:
        return None
    taken = db.backup("daily")
    for old in [b for b in list_backups(db.backup_dir) if b.label == "daily"][KEEP_DAILY:]:
        old.path.unlink(missing_ok=True)
    return taken


def check_backup(path: Path) -> None:
    """A file this Hamish can restore: an intact SQLite database of a schema it knows."""
    if not path.is_file():
        raise StorageError(f"no backup file {path}")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            conn.execute("SELECT count(*) FROM annotations").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as err:
        raise StorageError(f"{path} is not a Hamish backup ({err})") from err
    if ok != "ok":
        raise StorageError(f"{path} is damaged ({ok}); choose another backup")
    if version > len(MIGRATIONS):
        raise StorageError(f"{path} was written by a newer Hamish (schema {version})")


def restore_into(db: Database, path: Path) -> Path:
    """Replace the library's contents with the backup's, after backing up the current state.
    Returns that safety backup. The copy is one SQLite operation: all or nothing."""
    check_backup(path)
    safety = db.backup("before-restore")
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        source.backup(db.conn)
    except sqlite3.Error as err:
        raise StorageError(f"could not restore {path}: {err}") from err
    finally:
        source.close()
    return safety
