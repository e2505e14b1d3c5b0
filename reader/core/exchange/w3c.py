"""Annotations as a W3C Web Annotation collection (JSON-LD): export and read.

What Hamish writes (schema in resources/schema/w3c-annotations.schema.json):

    {"@context": ["http://www.w3.org/ns/anno.jsonld", {"hamish": "urn:hamish:vocab#"}],
     "type": "AnnotationCollection", "label": "Hamish annotations", "total": 2,
     "generated": "<exported_at>", "hamish:version": 1,
     "hamish:positions": "unicode-code-points",
     "hamish:articles": [{"id": "urn:hamish:article:<id>", "title", "sha256", "source", "text"}],
     "first": {"type": "AnnotationPage", "startIndex": 0, "items": [
       {"type": "Annotation", "id": "urn:uuid:<id>", "motivation": "highlighting",
        "created": "…", "modified": "…",
        "body": [{"type": "TextualBody", "purpose": "tagging", "value": "company"},
                 {"type": "TextualBody", "purpose": "commenting", "value": "<note>",
                  "format": "text/plain", "textDirection": "rtl", "language": "ar"}],
        "target": {"source": "urn:hamish:article:<id>",
                   "selector": [{"type": "TextQuoteSelector", "exact", "prefix", "suffix"},
                                {"type": "TextPositionSelector", "start", "end"}]},
        "hamish:color": "#f6c343"}]}}

Decisions:
- Positions are code points, stated once on the collection ("hamish:positions"); the W3C model
  leaves the unit to the document type.
- Hamish's own terms use the prefix `hamish`, declared in the context as an opaque URN (nothing
  is ever fetched). "hamish:articles" carries title, sha256 and text so the file imports into an
  empty library; "hamish:color" and "hamish:orphan" (only when true) keep the round trip exact,
  and "hamish:value", "hamish:valueHigh", "hamish:unit", "hamish:canonical" carry structured data.
- An annotation id that is not a UUID is written `urn:hamish:annotation:<id>`; both prefixes are
  stripped on reading, any other IRI is kept whole as the id.
- Reading is lenient where the model is: `body`/`selector` may be one object or a list; a
  TextualBody with purpose "tagging" is a tag, "commenting"/"describing"/none is the note
  (several are joined by a blank line), anything else is ignored. A TextQuoteSelector is
  required; without a TextPositionSelector the offsets are 0, 0 (`UNKNOWN_POSITION`) and the
  annotation is placed by its quote. A target whose article is not in "hamish:articles" gives
  an article with no text and sha256 "" (it can only attach to one already in the library).
- Only the embedded first page is read: a paged collection ("first.next") is refused rather
  than half imported, and so is a "total" that disagrees with the items present.
"""
from __future__ import annotations

import uuid
from typing import Any

from reader.core.exchange.native import ExportArticle, live_in_text_order
from reader.core.exchange.reading import (
    SUPPORTED_VERSION,
    IdRegistry,
    IncomingArticle,
    JsonPath,
    check_span,
    check_text,
    check_timestamps,
    check_version,
    clean_tags,
    fail,
    structured_fields,
    validate,
)
from reader.core.models import Annotation
from reader.core.text import letter_direction

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
CONTEXT: list[Any] = [ANNO_CONTEXT, {"hamish": "urn:hamish:vocab#"}]
SCHEMA = "w3c-annotations.schema.json"
ARTICLE_IRI = "urn:hamish:article:"
ANNOTATION_IRI = "urn:hamish:annotation:"
UUID_IRI = "urn:uuid:"
UNKNOWN_POSITION = (0, 0)
_NOTE_PURPOSES = ("commenting", "describing", None)


def is_w3c(doc: dict[str, Any]) -> bool:
    """Whether a parsed document declares the Web Annotation JSON-LD context."""
    context = doc.get("@context")
    return context == ANNO_CONTEXT or (isinstance(context, list) and ANNO_CONTEXT in context)


# -- export -----------------------------------------------------------------------------------


def export_w3c(items: list[ExportArticle], exported_at: str) -> dict[str, Any]:
    """The AnnotationCollection for `items` (serialise with ensure_ascii=False)."""
    annotations = [
        _annotation_doc(a) for item in items for a in live_in_text_order(item.annotations)
    ]
    return {
        "@context": CONTEXT,
        "type": "AnnotationCollection",
        "label": "Hamish annotations",
        "total": len(annotations),
        "generated": exported_at,
        "generator": {"type": "Software", "name": "Hamish"},
        "hamish:version": SUPPORTED_VERSION,
        "hamish:positions": "unicode-code-points",
        "hamish:articles": [
            {
                "id": ARTICLE_IRI + item.article.id,
                "title": item.article.title,
                "sha256": item.article.sha256,
                "source": item.article.source,
                **({} if item.article.placeholder else {"text": item.article.text}),
            }
            for item in items
        ],
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": annotations},
    }


_STRUCTURED_TERMS = ("hamish:value", "hamish:valueHigh", "hamish:unit", "hamish:canonical")


def _annotation_doc(a: Annotation) -> dict[str, Any]:
    body: list[dict[str, Any]] = [
        {"type": "TextualBody", "purpose": "tagging", "value": tag} for tag in a.tags
    ]
    if a.note:
        note: dict[str, Any] = {
            "type": "TextualBody", "purpose": "commenting", "value": a.note, "format": "text/plain",
        }
        direction = letter_direction(a.note)
        if direction:
            note["textDirection"] = direction
        if _mostly_arabic_script(a.note):
            note["language"] = "ar"
        body.append(note)
    doc: dict[str, Any] = {
        "type": "Annotation",
        "id": _annotation_iri(a.id),
        "motivation": "highlighting",
    }
    if a.created_at:
        doc["created"] = a.created_at
    if a.updated_at:
        doc["modified"] = a.updated_at
    if body:
        doc["body"] = body
    doc["target"] = {
        "source": ARTICLE_IRI + a.article_id,
        "selector": [
            {"type": "TextQuoteSelector", "exact": a.quote, "prefix": a.prefix, "suffix": a.suffix},
            {"type": "TextPositionSelector", "start": a.start, "end": a.end},
        ],
    }
    if a.color:
        doc["hamish:color"] = a.color
    if a.orphan:
        doc["hamish:orphan"] = True
    for name, term in zip(("value", "value_high", "unit", "canonical"), _STRUCTURED_TERMS):
        if getattr(a, name) is not None:
            doc[term] = getattr(a, name)
    return doc


def _annotation_iri(annotation_id: str) -> str:
    try:
        is_uuid = str(uuid.UUID(annotation_id)) == annotation_id
    except ValueError:
        is_uuid = False
    return (UUID_IRI if is_uuid else ANNOTATION_IRI) + annotation_id


def _mostly_arabic_script(text: str) -> bool:
    """Whether most letters are Arabic-script: the note's language is then given as "ar"
    (a guess, but Hamish is a reader for Arabic news; other notes carry no language)."""
    arabic = other = 0
    for ch in text:
        if not ch.isalpha():
            continue
        if "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" or "\ufb50" <= ch <= "\ufeff":
            arabic += 1
        else:
            other += 1
    return arabic > other


# -- read -------------------------------------------------------------------------------------


def read_w3c(doc: dict[str, Any]) -> list[IncomingArticle]:
    """Validate a parsed W3C collection and turn it into records (or raise, naming the field)."""
    check_version(doc.get("hamish:version"), ["hamish:version"])
    validate(doc, SCHEMA)
    page = doc["first"]
    if "next" in page:
        raise fail(
            'paged collections are not supported: put every annotation in "first"', ["first", "next"]
        )
    items = page["items"]
    if "total" in doc and doc["total"] != len(items):
        raise fail(f"says {doc['total']} annotations but the file holds {len(items)}", ["total"])

    articles: dict[str, IncomingArticle] = {}
    article_ids = IdRegistry("article")
    for i, art in enumerate(doc.get("hamish:articles", [])):
        path: list[str | int] = ["hamish:articles", i]
        article_id = _strip(art["id"], ARTICLE_IRI)
        article_ids.add(article_id, [*path, "id"])
        check_text(art.get("text"), art.get("sha256"), path)
        articles[article_id] = IncomingArticle(
            id=article_id, title=art.get("title", ""), sha256=art.get("sha256", ""),
            source=art.get("source", ""), text=art.get("text"), annotations=[],
        )

    annotation_ids = IdRegistry("annotation")
    for j, item in enumerate(items):
        path = ["first", "items", j]
        annotation_id = _strip(_strip(item["id"], UUID_IRI), ANNOTATION_IRI)
        annotation_ids.add(annotation_id, [*path, "id"])
        article_id = _strip(item["target"]["source"], ARTICLE_IRI)
        article = articles.setdefault(
            article_id,
            IncomingArticle(id=article_id, title="", sha256="", source="", text=None, annotations=[]),
        )
        article.annotations.append(_read_annotation(item, path, annotation_id, article))
    return list(articles.values())


def _read_annotation(item: dict[str, Any], path: JsonPath, annotation_id: str,
                     article: IncomingArticle) -> Annotation:
    selector_path = [*path, "target", "selector"]
    selectors = _as_list(item["target"]["selector"])
    quote = next((s for s in selectors if s["type"] == "TextQuoteSelector"), None)
    if quote is None:
        raise fail("has no TextQuoteSelector; Hamish needs the quoted text", selector_path)
    start, end = UNKNOWN_POSITION
    for k, selector in enumerate(selectors):
        if selector["type"] == "TextPositionSelector":
            start, end = int(selector["start"]), int(selector["end"])
            # A bare object is named without an index, as in the file.
            at = [*selector_path, k] if isinstance(item["target"]["selector"], list) else selector_path
            # An orphan's offsets are where it used to be, not a place in this text.
            check_span(start, end, None if item.get("hamish:orphan") else article.text, at)
            break
    check_timestamps(item, path, ("created", "modified"))

    tags: list[str] = []
    notes: list[str] = []
    body = item.get("body", [])
    for k, part in enumerate(_as_list(body)):
        if not isinstance(part, dict) or part.get("type") != "TextualBody":
            continue
        purpose = part.get("purpose")
        if purpose == "tagging":
            if not part["value"].strip():
                # Named by its body entry, as in the file (a bare object has no index).
                at = [*path, "body", k, "value"] if isinstance(body, list) else [*path, "body", "value"]
                raise fail("a tag must not be blank", at)
            tags.append(part["value"])
        elif purpose in _NOTE_PURPOSES:
            notes.append(part["value"])

    return Annotation(
        id=annotation_id,
        article_id=article.id,
        start=start,
        end=end,
        quote=quote["exact"],
        prefix=quote.get("prefix", ""),
        suffix=quote.get("suffix", ""),
        tags=clean_tags(tags, [*path, "body"]),
        note="\n\n".join(n for n in notes if n),
        color=item.get("hamish:color", ""),
        created_at=item.get("created", ""),
        updated_at=item.get("modified", ""),
        orphan=bool(item.get("hamish:orphan", False)),
        **structured_fields(item, path, _STRUCTURED_TERMS),
    )


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _strip(iri: str, prefix: str) -> str:
    return iri[len(prefix):] if iri.startswith(prefix) and len(iri) > len(prefix) else iri
