"""Errors the user can act on. Anything else escaping the core is a bug.

Each carries one clear line (`str(err)`) suitable for a terminal or a dialog.
"""
from __future__ import annotations


class HamishError(Exception):
    """Base of every error caused by input or environment, not by a bug."""


class ImportFailed(HamishError):
    """A file could not be imported as an article (binary, empty, undecodable, too large…)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class NotFound(HamishError):
    """No article/annotation/tag matches the given id or name."""


class Ambiguous(HamishError):
    """An id prefix matches more than one record."""


class InvalidAnnotation(HamishError):
    """Offsets, quote or tags of an annotation are not valid for its article."""


class InvalidExchangeFile(HamishError):
    """An annotations file (native or W3C) failed validation; `field` names where."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(f"{field}: {message}" if field else message)
        self.field = field


class InvalidQuery(HamishError):
    """A search query could not be parsed."""


class StorageError(HamishError):
    """The database could not be opened or written (locked, read-only, disk full…)."""
