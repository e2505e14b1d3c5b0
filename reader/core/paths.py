"""Where Hamish keeps its files: one data folder, chosen here and nowhere else.

Order: an explicit folder (``--data-dir``), then ``HAMISH_DATA_DIR``, then the platform's per-user
data folder (platformdirs). Tests point ``HAMISH_DATA_DIR`` at a temporary folder.
"""
from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from reader.core.errors import StorageError

APP_NAME = "hamish"
DATABASE_NAME = "hamish.db"
INDEX_DIR_NAME = "index"
BACKUP_DIR_NAME = "backups"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data folder, created (private to the user) if it does not exist."""
    if override:
        path = Path(override)
    elif os.environ.get("HAMISH_DATA_DIR"):
        path = Path(os.environ["HAMISH_DATA_DIR"])
    else:
        path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path = path.expanduser().resolve()
    try:
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as err:
        raise StorageError(f"cannot create the data folder {path}: {err.strerror or err}") from err
    if not path.is_dir():
        raise StorageError(f"the data folder {path} is not a folder")
    return path
