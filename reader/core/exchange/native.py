"""Hamish's native annotations format ("hamish.annotations", version 1): export and read.

The document (DESIGN.md, "Data contracts"; schema in resources/schema/hamish-annotations.schema.json):

    {"format": "hamish.annotations", "version": 1, "exported_at": "…",
     "articles": [{"id", "title", "sha256", "source", "text",
                   "annotations": [{"id", "start", "end", "quote", "prefix", "suffix", "tags",
                                    "note", "color", "created_at", "updated_at"}]}]}

Offsets are code points into `text`. Each article carries its full text so that a file imported
into an empty library gives back the articles and identical annotations; `text` is optional on
import. `"orphan": true` appears only on an annotation that could not be anchored. `ExportArticle`
(what every exporter takes) lives here because this format is the reference the others map from.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reader.core.exchange.reading import (
    SUPPORTED_VERSION,
    IdRegistry,
    IncomingArticle,
    check_span,
    check_text,
    check_timestamps,
    check_version,
    clean_tags,
    structured_fields,
    validate,
)
from reader.core.models import Annotation, Article

FORMAT = "hamish.annotations"
SCHEMA = "hamish-annotations.schema.json"


@dataclass
class ExportArticle:
    article: Article
    annotations: list[Annotation]


def live_in_text_order(annotations: list[Annotation]) -> list[Annotation]:
    """The annotations an export writes: not in the trash, in reading order (stable output)."""
    return sorted((a for a in annotations if a.deleted_at is None), key=lambda a: (a.start, a.end, a.id))


def export_native(items: list[ExportArticle], exported_at: str) -> dict[str, Any]:
    """The native document for `items` (serialise with ensure_ascii=False)."""
    return {
        "format": FORMAT,
        "version": SUPPORTED_VERSION,
        "exported_at": exported_at,
        "articles": [
            {
                "id": item.article.id,
                "title": item.article.title,
                "sha256": item.article.sha256,
                "source": item.article.source,
                # A placeholder's text is unknown, not empty: leave it out.
                **({} if item.article.placeholder else {"text": item.article.text}),
                "annotations": [_annotation_doc(a) for a in live_in_text_order(item.annotations)],
            }
            for item in items
        ],
    }


def _annotation_doc(a: Annotation) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "id": a.id,
        "start": a.start,
        "end": a.end,
        "quote": a.quote,
        "prefix": a.prefix,
        "suffix": a.suffix,
        "tags": list(a.tags),
        "note": a.note,
        "color": a.color,
        "created_at": a.created_at,
        "updated_at": a.updated_at,
    }
    if a.orphan:
        doc["orphan"] = True
    for name in ("value", "value_high", "unit", "canonical"):
        if getattr(a, name) is not None:
            doc[name] = getattr(a, name)
    return doc


def read_native(doc: dict[str, Any]) -> list[IncomingArticle]:
    """Validate a parsed native document and turn it into records (or raise, naming the field)."""
    check_version(doc.get("version"), ["version"])
    validate(doc, SCHEMA)
    article_ids = IdRegistry("article")
    annotation_ids = IdRegistry("annotation")
    out: list[IncomingArticle] = []
    for i, art in enumerate(doc["articles"]):
        path: list[str | int] = ["articles", i]
        article_ids.add(art["id"], [*path, "id"])
        text = art.get("text")
        check_text(text, art["sha256"], path)
        annotations: list[Annotation] = []
        for j, ann in enumerate(art["annotations"]):
            ann_path = [*path, "annotations", j]
            annotation_ids.add(ann["id"], [*ann_path, "id"])
            # The schema accepts 3.0 as an integer; offsets are ints from here on.
            start, end = int(ann["start"]), int(ann["end"])
            # An orphan's offsets are where it used to be, not a place in this text.
            check_span(start, end, None if ann.get("orphan") else text, ann_path)
            check_timestamps(ann, ann_path)
            annotations.append(
                Annotation(
                    id=ann["id"],
                    article_id=art["id"],
                    start=start,
                    end=end,
                    quote=ann["quote"],
                    prefix=ann.get("prefix", ""),
                    suffix=ann.get("suffix", ""),
                    tags=clean_tags(ann.get("tags", []), [*ann_path, "tags"]),
                    note=ann.get("note", ""),
                    color=ann.get("color", ""),
                    created_at=ann.get("created_at", ""),
                    updated_at=ann.get("updated_at", ""),
                    orphan=bool(ann.get("orphan", False)),
                    **structured_fields(ann, ann_path, ("value", "value_high", "unit", "canonical")),
                )
            )
        out.append(
            IncomingArticle(
                id=art["id"],
                title=art["title"],
                sha256=art["sha256"],
                source=art.get("source", ""),
                text=text,
                annotations=annotations,
            )
        )
    return out
