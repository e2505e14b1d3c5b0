"""SQLite wrapper: pragmas, migrations with backups, transactions that roll back."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.core.errors import StorageError
from reader.core.storage import Database
from reader.core.storage import migrations


def test_new_database_is_wal_with_foreign_keys_and_current_schema(tmp_path: Path) -> None:
    db = Database(tmp_path / "lib.db")
    assert db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.user_version == len(migrations.MIGRATIONS)
    names = {r[0] for r in db.conn.execute("SELECT name FROM tags WHERE builtin = 1")}
    assert names == {"company", "figure", "quote", "person"}
    db.close()


def test_transaction_rolls_back_on_error(tmp_path: Path) -> None:
    db = Database(tmp_path / "lib.db")
    with pytest.raises(RuntimeError):
        with db.transaction():
            db.execute("INSERT INTO settings (key, value) VALUES ('a', '1')")
            raise RuntimeError("boom")
    assert db.execute("SELECT count(*) FROM settings").fetchone()[0] == 0
    with db.transaction():
        db.execute("INSERT INTO settings (key, value) VALUES ('a', '1')")
    assert db.execute("SELECT value FROM settings").fetchone()[0] == "1"
    db.close()


def test_migration_backs_up_first_and_runs_in_one_transaction(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "lib.db"
    db = Database(path, tmp_path / "backups")
    with db.transaction():
        db.execute("INSERT INTO settings (key, value) VALUES ('kept', 'yes')")
    db.close()
    v2 = ["CREATE TABLE extra (x INTEGER)", "INSERT INTO extra VALUES (1)"]
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, v2])
    monkeypatch.setattr("reader.core.storage.db.MIGRATIONS", migrations.MIGRATIONS)
    db = Database(path, tmp_path / "backups")
    assert db.user_version == len(migrations.MIGRATIONS)
    backups = list((tmp_path / "backups").glob("*.db"))
    assert len(backups) == 1
    old = sqlite3.connect(backups[0])
    assert old.execute("PRAGMA user_version").fetchone()[0] == len(migrations.MIGRATIONS) - 1
    assert old.execute("SELECT value FROM settings WHERE key='kept'").fetchone()[0] == "yes"
    old.close()
    db.close()


def test_failed_migration_leaves_previous_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "lib.db"
    Database(path).close()
    broken = ["CREATE TABLE half (x INTEGER)", "THIS IS NOT SQL"]
    monkeypatch.setattr("reader.core.storage.db.MIGRATIONS", [*migrations.MIGRATIONS, broken])
    with pytest.raises(StorageError):
        Database(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(migrations.MIGRATIONS)
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name='half'").fetchone()[0] == 0
    conn.close()


def test_database_from_a_newer_hamish_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "lib.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(StorageError, match="newer Hamish"):
        Database(path)


def test_garbage_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "lib.db"
    path.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StorageError, match="damaged"):
        Database(path)
