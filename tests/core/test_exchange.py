"""Exchange files: native JSON, W3C JSON-LD and Markdown, on the sample article."""
from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from markdown_it import MarkdownIt

from reader.core.anchoring import anchor
from reader.core.errors import InvalidExchangeFile
from reader.core.exchange import (
    UNKNOWN_POSITION,
    ExportArticle,
    IncomingArticle,
    export_markdown,
    export_native,
    export_w3c,
    read_annotations_file,
)
from reader.core.models import Annotation, Article
from reader.core.resources import resource_path, sample_article_path
from reader.core.text import context, normalize_article_text, sha256_text

EXPORTED_AT = "2026-11-28T12:00:00Z"
# An emoji (astral: two UTF-16 units) in the title line, before every highlight.
TEXT = normalize_article_text(
    sample_article_path().read_text(encoding="utf-8").replace("توتر على nvidia.", "توتر على nvidia 🔥.", 1)
)


def make_annotation(text: str, quote: str, ann_id: str, **fields: Any) -> Annotation:
    start = text.index(quote)
    end = start + len(quote)
    prefix, suffix = context(text, start, end)
    defaults: dict[str, Any] = dict(
        tags=["company"], note="", color="#f6c343",
        created_at="2026-11-01T09:00:00.000Z", updated_at="2026-11-02T10:30:00.000Z",
    )
    defaults.update(fields)
    return Annotation(id=ann_id, article_id="art-1", start=start, end=end, quote=quote,
                      prefix=prefix, suffix=suffix, **defaults)


@pytest.fixture
def items() -> list[ExportArticle]:
    article = Article(id="art-1", title="بكين توتر على Nvidia", text=TEXT, sha256=sha256_text(TEXT),
                      source="nvidia-china.ar.txt")
    annotations = [
        # Listed out of text order on purpose: exports are in text order.
        make_annotation(TEXT, "رقائق H20 من Nvidia", "7b3f1c2e-0d1a-4c55-9b7e-2f0e8c1d9a01",
                        tags=["company", "figure", "china-trade"],
                        note="أول ذكر لرقاقة H20 في المقال.\n\nتابع: قرار يوليو."),
        make_annotation(TEXT, "تبدو الصين", "ann-2", tags=["quote"], note="", color=""),
        # Overlaps the first one.
        make_annotation(TEXT, "H20 من Nvidia التي سمحت", "ann-3", tags=["person", "figure"],
                        note="Mixed note: ترامب and exports"),
        make_annotation(TEXT, "Tencent", "ann-4", tags=["company"], note="شركة صينية", orphan=True),
        # Text that looks like Markdown syntax.
        make_annotation(TEXT, "15 ٪", "ann-5", tags=[], note="# not a heading\n1. not a list"),
    ]
    assert "🔥" in TEXT[: annotations[0].start]
    return [ExportArticle(article, annotations)]


def dump(doc: dict[str, Any]) -> bytes:
    """As the library writes an export (services.Library.export)."""
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def by_id(annotations: list[Annotation]) -> dict[str, Annotation]:
    return {a.id: a for a in annotations}


# -- round trips ------------------------------------------------------------------------------


@pytest.mark.parametrize("exporter, fmt", [(export_native, "native"), (export_w3c, "w3c")])
def test_export_then_read_gives_back_the_same_articles_and_annotations(
    items: list[ExportArticle], exporter: Callable[..., dict[str, Any]], fmt: str
) -> None:
    got_format, incoming = read_annotations_file(dump(exporter(items, EXPORTED_AT)))
    assert got_format == fmt
    [art] = incoming
    original = items[0].article
    assert (art.id, art.title, art.sha256, art.source, art.text) == (
        original.id, original.title, original.sha256, original.source, original.text
    )
    assert by_id(art.annotations) == by_id(items[0].annotations)
    # The emoji before the highlights did not shift any offset.
    for a in art.annotations:
        assert TEXT[a.start:a.end] == a.quote


@pytest.mark.parametrize("exporter", [export_native, export_w3c])
def test_exports_are_in_text_order_and_skip_the_trash(
    items: list[ExportArticle], exporter: Callable[..., dict[str, Any]]
) -> None:
    items[0].annotations.append(make_annotation(TEXT, "Alibaba", "trashed", deleted_at="2026-11-03T00:00:00Z"))
    _, [art] = read_annotations_file(dump(exporter(items, EXPORTED_AT)))
    starts = [a.start for a in art.annotations]
    assert starts == sorted(starts)
    assert "trashed" not in by_id(art.annotations)


def test_export_is_utf8_with_real_arabic_and_validates_against_the_schema(items: list[ExportArticle]) -> None:
    doc = export_native(items, EXPORTED_AT)
    data = dump(doc)
    assert "رقائق H20 من Nvidia".encode("utf-8") in data
    assert "🔥".encode("utf-8") in data
    assert b"\\u0" not in data  # nothing escaped
    for name, document in [("hamish-annotations.schema.json", doc),
                           ("w3c-annotations.schema.json", export_w3c(items, EXPORTED_AT))]:
        schema = json.loads(resource_path("schema", name).read_text(encoding="utf-8"))
        Draft202012Validator.check_schema(schema)
        assert list(Draft202012Validator(schema).iter_errors(document)) == []


def test_native_document_has_the_documented_shape(items: list[ExportArticle]) -> None:
    doc = export_native(items, EXPORTED_AT)
    assert (doc["format"], doc["version"], doc["exported_at"]) == ("hamish.annotations", 1, EXPORTED_AT)
    ann = doc["articles"][0]["annotations"][0]
    assert list(ann) == ["id", "start", "end", "quote", "prefix", "suffix", "tags", "note", "color",
                         "created_at", "updated_at"]
    orphans = [a for a in doc["articles"][0]["annotations"] if a.get("orphan")]
    assert [a["id"] for a in orphans] == ["ann-4"]
    assert all("orphan" not in a for a in doc["articles"][0]["annotations"] if a["id"] != "ann-4")


def test_w3c_document_uses_the_web_annotation_vocabulary(items: list[ExportArticle]) -> None:
    doc = export_w3c(items, EXPORTED_AT)
    assert "http://www.w3.org/ns/anno.jsonld" in doc["@context"]
    assert doc["type"] == "AnnotationCollection" and doc["total"] == 5
    assert doc["hamish:positions"] == "unicode-code-points"
    first = next(i for i in doc["first"]["items"] if i["id"].endswith("2f0e8c1d9a01"))
    assert first["id"] == "urn:uuid:7b3f1c2e-0d1a-4c55-9b7e-2f0e8c1d9a01"
    assert first["target"]["source"] == "urn:hamish:article:art-1"
    assert [b["value"] for b in first["body"] if b["purpose"] == "tagging"] == ["company", "figure", "china-trade"]
    [note] = [b for b in first["body"] if b["purpose"] == "commenting"]
    assert (note["format"], note["language"], note["textDirection"]) == ("text/plain", "ar", "rtl")
    kinds = [s["type"] for s in first["target"]["selector"]]
    assert kinds == ["TextQuoteSelector", "TextPositionSelector"]
    # A non-UUID id still makes a valid IRI.
    assert any(i["id"] == "urn:hamish:annotation:ann-2" for i in doc["first"]["items"])


def test_a_file_without_article_text_reads_with_text_none(items: list[ExportArticle]) -> None:
    doc = export_native(items, EXPORTED_AT)
    del doc["articles"][0]["text"]
    _, [art] = read_annotations_file(dump(doc))
    assert art.text is None and art.sha256 == sha256_text(TEXT)


def test_a_byte_order_mark_is_accepted(items: list[ExportArticle]) -> None:
    fmt, incoming = read_annotations_file(b"\xef\xbb\xbf" + dump(export_native(items, EXPORTED_AT)))
    assert fmt == "native" and len(incoming[0].annotations) == 5


def test_tags_are_trimmed_and_deduplicated(items: list[ExportArticle]) -> None:
    doc = export_native(items, EXPORTED_AT)
    doc["articles"][0]["annotations"][0]["tags"] = ["  company ", "company", "شركة", "شركة "]
    _, [art] = read_annotations_file(dump(doc))
    first = min(art.annotations, key=lambda a: a.start)
    assert first.tags == ["company", "شركة"]


def test_a_minimal_w3c_file_from_elsewhere_reads_and_anchors_by_quote() -> None:
    quote = "رقائق H20 من Nvidia"
    doc = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "AnnotationCollection",
        "first": {"type": "AnnotationPage", "items": [{
            "type": "Annotation",
            "id": "https://example.org/anno/1",
            "body": {"type": "TextualBody", "value": "ملاحظة من أداة أخرى"},
            "target": {"source": "https://example.org/article", "selector": {"type": "TextQuoteSelector", "exact": quote}},
        }]},
    }
    fmt, [art] = read_annotations_file(dump(doc))
    assert fmt == "w3c"
    assert (art.id, art.text, art.sha256) == ("https://example.org/article", None, "")
    [ann] = art.annotations
    assert (ann.id, ann.note, ann.tags) == ("https://example.org/anno/1", "ملاحظة من أداة أخرى", [])
    assert (ann.start, ann.end) == UNKNOWN_POSITION
    placed = anchor(TEXT, ann.quote, ann.prefix, ann.suffix, ann.start, ann.end)
    assert placed is not None and TEXT[placed.start:placed.end] == quote


def test_an_empty_export_round_trips() -> None:
    for exporter in (export_native, export_w3c):
        assert read_annotations_file(dump(exporter([], EXPORTED_AT)))[1] == []


# -- markdown ---------------------------------------------------------------------------------


def test_markdown_lists_quotes_and_notes_in_text_order_right_to_left(items: list[ExportArticle]) -> None:
    md = export_markdown(items)
    assert '<div dir="rtl">' in md and md.rstrip().endswith("</div>")
    assert md.index("# بكين توتر على Nvidia") < md.index("> تبدو الصين")
    anchored = sorted((a for a in items[0].annotations if not a.orphan), key=lambda a: a.start)
    positions = [md.index(f"> {a.quote}") for a in anchored]
    assert positions == sorted(positions)
    assert md.index("أول ذكر لرقاقة H20 في المقال.") > md.index("> رقائق H20 من Nvidia")
    # The orphan comes last, marked.
    assert md.index("> Tencent") > max(positions)
    assert "orphan" in md[md.index("> Tencent"):]


def test_markdown_renders_quotes_as_blockquotes_and_notes_as_text(items: list[ExportArticle]) -> None:
    html = MarkdownIt("commonmark").render(export_markdown(items))
    assert '<div dir="rtl">' in html
    assert "<blockquote>\n<p>تبدو الصين</p>\n</blockquote>" in html
    assert "<code>china-trade</code>" in html
    # Note text that looks like Markdown stays text.
    assert "<h1>not a heading" not in html and "# not a heading" in html
    assert "<ol>" not in html
    assert html.count("<h1>") == 1


def test_markdown_follows_a_latin_article_left_to_right() -> None:
    text = "Nvidia said on Thursday that H20 sales would resume."
    article = Article(id="en", title="Nvidia", text=text, sha256=sha256_text(text))
    md = export_markdown([ExportArticle(article, [make_annotation(text, "H20 sales", "x")])])
    assert '<div dir="ltr">' in md and "> H20 sales" in md


# -- invalid files: every failure names its field ---------------------------------------------

Mutation = Callable[[dict[str, Any]], Any]


def _ann(doc: dict[str, Any], i: int) -> dict[str, Any]:
    return doc["articles"][0]["annotations"][i]


def _item(doc: dict[str, Any], i: int) -> dict[str, Any]:
    return doc["first"]["items"][i]


NATIVE_CASES: list[tuple[str, Mutation, str, str]] = [
    ("wrong type", lambda d: _ann(d, 1).__setitem__("start", "12"), "articles[0].annotations[1].start", "integer"),
    ("fraction", lambda d: _ann(d, 1).__setitem__("end", 12.5), "articles[0].annotations[1].end", "integer"),
    ("missing field", lambda d: _ann(d, 3).pop("quote"), "articles[0].annotations[3].quote", "missing"),
    ("missing article id", lambda d: d["articles"][0].pop("id"), "articles[0].id", "missing"),
    ("start > end", lambda d: _ann(d, 2).update(start=400, end=300), "articles[0].annotations[2].end", "greater than start"),
    ("empty span", lambda d: _ann(d, 2).update(end=_ann(d, 2)["start"]), "articles[0].annotations[2].end", "greater than start"),
    ("negative", lambda d: _ann(d, 0).__setitem__("start", -1), "articles[0].annotations[0].start", "at least 0"),
    ("out of range", lambda d: _ann(d, 4).__setitem__("end", len(TEXT) + 1), "articles[0].annotations[4].end", "past the end"),
    ("duplicate ids", lambda d: _ann(d, 3).__setitem__("id", _ann(d, 1)["id"]), "articles[0].annotations[3].id", "duplicate"),
    ("duplicate article", lambda d: d["articles"].append(copy.deepcopy(d["articles"][0])), "articles[1].id", "duplicate"),
    ("unknown version", lambda d: d.__setitem__("version", 2), "version", "unsupported version 2, this Hamish reads version 1"),
    ("version as text", lambda d: d.__setitem__("version", "1"), "version", "must be 1"),
    ("unknown format", lambda d: d.__setitem__("format", "calibre.annotations"), "format", "unknown format"),
    ("sha256 mismatch", lambda d: d["articles"][0].__setitem__("sha256", "0" * 64), "articles[0].sha256", "does not match"),
    ("sha256 malformed", lambda d: d["articles"][0].__setitem__("sha256", "abc"), "articles[0].sha256", "hex"),
    ("text not normalised", lambda d: d["articles"][0].__setitem__("text", TEXT.replace("\n", "\r\n")), "articles[0].text", "normalised"),
    ("blank tag", lambda d: _ann(d, 0).__setitem__("tags", ["company", "  "]), "articles[0].annotations[0].tags[1]", ""),
    ("bad colour", lambda d: _ann(d, 0).__setitem__("color", "yellow"), "articles[0].annotations[0].color", "#rrggbb"),
    ("articles not a list", lambda d: d.__setitem__("articles", {"art-1": {}}), "articles", "array"),
    ("empty quote", lambda d: _ann(d, 0).__setitem__("quote", ""), "articles[0].annotations[0].quote", "empty"),
]

W3C_CASES: list[tuple[str, Mutation, str, str]] = [
    ("without TextQuoteSelector", lambda d: _item(d, 1)["target"]["selector"].pop(0), "first.items[1].target.selector", "TextQuoteSelector"),
    ("quote selector without exact", lambda d: _item(d, 0)["target"]["selector"][0].pop("exact"), "first.items[0].target.selector[0].exact", "missing"),
    ("without selector", lambda d: _item(d, 2)["target"].pop("selector"), "first.items[2].target.selector", "missing"),
    ("target is a string", lambda d: _item(d, 0).__setitem__("target", "urn:hamish:article:art-1"), "first.items[0].target", "object"),
    ("position start > end", lambda d: _item(d, 1)["target"]["selector"][1].update(start=50, end=40), "first.items[1].target.selector[1].end", "greater than start"),
    ("position wrong type", lambda d: _item(d, 1)["target"]["selector"][1].__setitem__("start", "40"), "first.items[1].target.selector[1].start", "integer"),
    ("position out of range", lambda d: _item(d, 1)["target"]["selector"][1].__setitem__("end", 10**6), "first.items[1].target.selector[1].end", "past the end"),
    ("duplicate ids", lambda d: _item(d, 2).__setitem__("id", _item(d, 0)["id"]), "first.items[2].id", "duplicate"),
    ("blank tag", lambda d: _item(d, 1)["body"][1].__setitem__("value", " "), "first.items[1].body[1].value", "blank"),
    ("tag not a string", lambda d: _item(d, 0)["body"][0].__setitem__("value", 7), "first.items[0].body[0].value", "string"),
    ("unknown version", lambda d: d.__setitem__("hamish:version", 2), "hamish:version", "unsupported version 2, this Hamish reads version 1"),
    ("not a collection", lambda d: d.__setitem__("type", "AnnotationPage"), "type", "AnnotationCollection"),
    ("total disagrees", lambda d: d.__setitem__("total", 9), "total", "holds 5"),
    ("paged", lambda d: d["first"].__setitem__("next", "urn:page:2"), "first.next", "paged"),
    ("sha256 mismatch", lambda d: d["hamish:articles"][0].__setitem__("sha256", "f" * 64), "hamish:articles[0].sha256", "does not match"),
    ("bad colour", lambda d: _item(d, 0).__setitem__("hamish:color", "#12345"), "first.items[0].hamish:color", "#rrggbb"),
]


@pytest.mark.parametrize("name, mutate, field, words", NATIVE_CASES, ids=[c[0] for c in NATIVE_CASES])
def test_invalid_native_files_name_the_failing_field(
    items: list[ExportArticle], name: str, mutate: Mutation, field: str, words: str
) -> None:
    doc = export_native(items, EXPORTED_AT)
    mutate(doc)
    with pytest.raises(InvalidExchangeFile) as err:
        read_annotations_file(dump(doc))
    assert err.value.field == field
    assert str(err.value).startswith(f"{field}: ")
    assert words in str(err.value)


@pytest.mark.parametrize("name, mutate, field, words", W3C_CASES, ids=[c[0] for c in W3C_CASES])
def test_invalid_w3c_files_name_the_failing_field(
    items: list[ExportArticle], name: str, mutate: Mutation, field: str, words: str
) -> None:
    doc = export_w3c(items, EXPORTED_AT)
    mutate(doc)
    with pytest.raises(InvalidExchangeFile) as err:
        read_annotations_file(dump(doc))
    assert err.value.field == field
    assert words in str(err.value)


@pytest.mark.parametrize(
    "data, words",
    [
        (b'{"format": "hamish.annotations",\n "version": 1\n "articles": []}', "not JSON: Expecting ',' delimiter at line 3, column 2"),
        (b"", "empty"),
        (b"\xff\xfe{}", "not UTF-8"),
        (b'{"format": "hamish.annotations", "version": 1, "articles": [], "x": NaN}', "NaN"),
        (b"[]", "JSON object"),
        (b'{"articles": []}', "unknown format"),
    ],
)
def test_files_that_are_not_annotation_json_say_why(data: bytes, words: str) -> None:
    with pytest.raises(InvalidExchangeFile) as err:
        read_annotations_file(data)
    assert words in str(err.value)


def test_the_message_for_a_huge_wrong_value_stays_one_short_line(items: list[ExportArticle]) -> None:
    doc = export_native(items, EXPORTED_AT)
    doc["articles"][0]["title"] = ["x" * 10_000]
    with pytest.raises(InvalidExchangeFile) as err:
        read_annotations_file(dump(doc))
    assert err.value.field == "articles[0].title"
    assert len(str(err.value)) < 200 and "\n" not in str(err.value)


def test_incoming_records_carry_their_article_id(items: list[ExportArticle]) -> None:
    _, incoming = read_annotations_file(dump(export_w3c(items, EXPORTED_AT)))
    assert all(isinstance(a, IncomingArticle) for a in incoming)
    assert {ann.article_id for a in incoming for ann in a.annotations} == {"art-1"}
