"""The one SQLite wrapper: WAL, foreign keys, schema migrations, and transactions.

Every write goes through `Database.transaction()`, which takes the write lock up front
(`BEGIN IMMEDIATE`) and rolls back on any error, so a save is all or nothing.
"""
from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from reader.core.errors import StorageError
from reader.core.storage.migrations import MIGRATIONS


# How long a write waits for another program's lock before saying the library is locked.
BUSY_TIMEOUT_MS = 5000


def _storage_error(err: sqlite3.Error, path: Path) -> StorageError:
    text = str(err).lower()
    if "locked" in text or "busy" in text:
        return StorageError(f"the library {path} is locked by another program; try again in a moment")
    if "readonly" in text or "read-only" in text:
        return StorageError(f"the library {path} is read-only; changes cannot be saved")
    if "full" in text:
        return StorageError(f"the disk holding {path} is full; nothing was saved")
    if "not a database" in text or "malformed" in text:
        return StorageError(f"the library {path} is damaged ({err}); restore a backup")
    return StorageError(f"database error in {path}: {err}")


class Database:
    """A connection to the library database, migrated to the current schema on open.

    `read_only`: opened with SQLite's `mode=ro` (or `immutable=1` when the folder cannot hold
    the WAL's shared-memory file), never migrated; every `transaction()` is refused.
    """

    def __init__(self, path: Path, backup_dir: Path | None = None, *, read_only: bool = False) -> None:
        self.path = path
        self.backup_dir = backup_dir or path.parent / "backups"
        self.read_only = read_only
        self._depth = 0
        if read_only:
            self.conn = self._connect_read_only(path)
            return
        try:
            # isolation_level=None: we issue BEGIN/COMMIT ourselves (see transaction()).
            self.conn = sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self._migrate()
        except sqlite3.Error as err:
            raise _storage_error(err, path) from err

    def _connect_read_only(self, path: Path) -> sqlite3.Connection:
        if not path.is_file():
            raise StorageError(f"there is no library in {path.parent}, and that folder is read-only")
        last: sqlite3.Error | None = None
        # mode=ro still needs the WAL index (-shm); a folder nobody may write cannot hold one, and
        # then immutable=1 reads the file as it is (Hamish checkpoints the WAL when it closes).
        for query in ("mode=ro", "immutable=1"):
            wal = path.with_name(path.name + "-wal")
            if query == "immutable=1" and wal.is_file() and wal.stat().st_size > 0:
                # immutable=1 would read the main file only, without the changes in the WAL.
                raise StorageError(
                    f"the library {path} has changes not yet merged into it (its -wal file) and its folder "
                    "is read-only; open it once where it can be written")
            try:
                conn = sqlite3.connect(f"{path.resolve().as_uri()}?{query}", uri=True,
                                       isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
                conn.row_factory = sqlite3.Row
                version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            except sqlite3.Error as err:
                last = err
                continue
            if version > len(MIGRATIONS):
                conn.close()
                raise StorageError(f"the library {path} was written by a newer Hamish (schema {version}, "
                                   f"this one knows {len(MIGRATIONS)}); update Hamish")
            if version < len(MIGRATIONS):
                conn.close()
                raise StorageError(
                    f"the library {path} has schema {version} and this Hamish needs {len(MIGRATIONS)}; "
                    "it cannot be upgraded while it is read-only")
            return conn
        raise _storage_error(last, path) from last  # type: ignore[arg-type]

    def _refuse_write(self) -> None:
        if self.read_only:
            raise StorageError(f"the library {self.path} is read-only; changes cannot be saved")

    # -- transactions -------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; nested uses join the outer one."""
        if self._depth:
            self._depth += 1
            try:
                yield self.conn
            finally:
                self._depth -= 1
            return
        self._refuse_write()
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as err:
            raise _storage_error(err, self.path) from err
        self._depth = 1
        try:
            yield self.conn
        except BaseException:
            self._depth = 0
            self.conn.execute("ROLLBACK")
            raise
        self._depth = 0
        try:
            self.conn.execute("COMMIT")
        except sqlite3.Error as err:
            self.conn.execute("ROLLBACK")
            raise _storage_error(err, self.path) from err

    def execute(self, sql: str, params: tuple | dict = ()) -> sqlite3.Cursor:
        try:
            return self.conn.execute(sql, params)
        except sqlite3.OperationalError as err:
            raise _storage_error(err, self.path) from err

    def executemany(self, sql: str, rows: list[tuple]) -> sqlite3.Cursor:
        try:
            return self.conn.executemany(sql, rows)
        except sqlite3.OperationalError as err:
            raise _storage_error(err, self.path) from err

    def close(self) -> None:
        self.conn.close()

    # -- schema -------------------------------------------------------------------------------
    @property
    def user_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        current = self.user_version
        target = len(MIGRATIONS)
        if current > target:
            raise StorageError(
                f"the library {self.path} was written by a newer Hamish (schema {current}, "
                f"this one knows {target}); update Hamish"
            )
        if current == target:
            return
        if current > 0:
            self.backup(f"before-v{target}")
        for version in range(current + 1, target + 1):
            # One transaction per migration: a failed step leaves the previous version intact.
            self.conn.execute("BEGIN IMMEDIATE")
            if self.user_version >= version:  # another Hamish opening it did this one meanwhile
                self.conn.execute("ROLLBACK")
                continue
            try:
                for statement in MIGRATIONS[version - 1]:
                    self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version = {version}")
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")

    def backup(self, label: str) -> Path:
        """Copy the database (consistently, with SQLite's backup API) into the backups folder."""
        self.backup_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime())
        target = self.backup_dir / f"hamish-{stamp}-{label}.db"
        n = 2
        while target.exists():  # two in one second: never overwrite one
            target = self.backup_dir / f"hamish-{stamp}-{label}.{n}.db"
            n += 1
        dest = sqlite3.connect(str(target))
        try:
            self.conn.backup(dest)
        finally:
            dest.close()
        return target
