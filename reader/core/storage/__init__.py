"""SQLite storage: the single source of truth for articles, annotations and tags."""
from __future__ import annotations

from reader.core.storage.db import Database

__all__ = ["Database"]
