"""Full-text search over annotations: an Arabic-aware Whoosh index derived from SQLite.

Public API: `SearchIndex` (open, check, rebuild, apply changes, search), `INDEX_SCHEMA_VERSION`,
and the errors `IndexUnusable` / `IndexLocked`. The query language is documented in `query.py`,
the Arabic analysis in `analyzer.py`.

Importing this package is cheap: Whoosh (≈ 120 ms) and the Snowball stemmer (≈ 30 ms) are
imported on first use, not here (DESIGN fact 9: keep them off the first paint).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reader.core.errors import StorageError

# Bump whenever what gets indexed changes (analyzer rules, schema fields): an index written
# with another version is reported by `SearchIndex.problem()` and rebuilt from SQLite.
INDEX_SCHEMA_VERSION = 5  # 2: tags indexed in their stored form (spaces as "-"); 3: value, unit, company;
# 4: posting blocks written by codec.HamishCodec (flat arrays instead of pickles); 5: packed block
# headers, positions deflated per field, stored fields uncompressed, `text` without positions

if TYPE_CHECKING:
    from reader.core.search.index import SearchIndex


class IndexUnusable(StorageError):
    """The index must be rebuilt before it can be used; `reason` is what `problem()` said."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"the search index needs a rebuild ({reason})")
        self.reason = reason


class IndexLocked(StorageError):
    """Another live writer (another Hamish process) holds the index's write lock."""


__all__ = ["INDEX_SCHEMA_VERSION", "IndexLocked", "IndexUnusable", "SearchIndex"]


def __getattr__(name: str) -> Any:
    # `SearchIndex` lives with the Whoosh-facing code; load it only when someone asks for it.
    if name == "SearchIndex":
        from reader.core.search.index import SearchIndex

        return SearchIndex
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
