"""Records the core passes around: articles, annotations, tags, search hits.

All offsets are code points into `Article.text` (never UTF-16 units; the Qt layer converts).
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Article:
    id: str
    title: str
    text: str
    sha256: str
    source: str = ""
    format: str = "txt"
    imported_at: str = ""
    # True while only annotations referring to it are known (their file did not carry its text).
    placeholder: bool = False


@dataclass
class ArticleSummary:
    id: str
    title: str
    sha256: str
    source: str
    format: str
    imported_at: str
    length: int
    annotation_count: int


@dataclass
class Annotation:
    id: str
    article_id: str
    start: int
    end: int
    quote: str
    prefix: str = ""
    suffix: str = ""
    tags: list[str] = field(default_factory=list)
    note: str = ""
    color: str = ""
    created_at: str = ""
    updated_at: str = ""
    deleted_at: str | None = None
    orphan: bool = False
    # Structured data (see services.structured_data): a figure's value — the low end of a range,
    # whose high end is value_high — and unit (ISO 4217 code, "%", or None for a plain count);
    # the one canonical name of a company or a person.
    value: float | None = None
    value_high: float | None = None
    unit: str | None = None
    canonical: str | None = None


@dataclass
class Tag:
    name: str
    color: str
    builtin: bool = False
    key: str = ""


@dataclass
class IndexDoc:
    """What the search index holds for one live annotation (a view of SQLite rows)."""

    annotation_id: str
    article_id: str
    article_title: str
    quote: str
    note: str
    tags: list[str]
    start: int
    end: int
    value: float | None = None  # set only for a figure
    value_high: float | None = None
    unit: str | None = None
    company: str = ""  # the canonical name, only for a company


@dataclass
class SearchHit:
    annotation_id: str
    article_id: str
    article_title: str
    quote: str
    note: str
    tags: list[str]
    start: int
    end: int
    score: float
    snippet: str
