"""Structured data (issue 5): a figure keeps its value and unit, a company its canonical name;
they survive exports, are searchable (value:, unit:, company:), and fill the Figures and
Entities views. Suggestions: dismissed ones stay dismissed, accepted ones become annotations."""
from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest

from reader.core.errors import InvalidExchangeFile, InvalidQuery
from reader.core.exchange.figures import figures_csv, format_value
from reader.core.services import Library
from reader.core.storage.migrations import MIGRATIONS


@pytest.fixture
def article_id(library: Library, sample_path: Path) -> str:
    return library.import_file(sample_path).article.id


def test_a_figure_gets_its_value_and_unit_from_its_text(library: Library, article_id: str) -> None:
    fund = library.annotate(article_id, quote="8.2 مليار دولار", tags=["figure"])
    assert (fund.value, fund.value_high, fund.unit) == (8.2e9, None, "USD")
    share = library.annotate(article_id, quote="15 ٪", tags=["figure", "quote"])
    assert (share.value, share.unit) == (15, "%")
    assert library.annotation(fund.id).value == 8.2e9  # stored, not only returned
    # Given values win over parsing; dropping the tag drops the data.
    fixed = library.edit_annotation(fund.id, value=8.25e9)
    assert (fixed.value, fixed.unit) == (8.25e9, "USD")
    plain = library.edit_annotation(share.id, remove_tags=["figure"])
    assert (plain.value, plain.unit) == (None, None)


def test_a_company_gets_one_canonical_name_for_every_spelling(library: Library, article_id: str) -> None:
    spellings = [library.annotate(article_id, quote=q, tags=["company"]) for q in ("Nvidia", "NVIDIA", "nvidia")]
    assert {a.canonical for a in spellings} == {"Nvidia"}
    unknown = library.annotate(article_id, quote="Metax", tags=["company"])
    assert unknown.canonical  # named as written when the list does not know it
    person = library.annotate(article_id, quote="Jensen Huang", tags=["person"])
    assert person.canonical == "Jensen Huang"
    assert library.edit_annotation(person.id, set_tags=["quote"]).canonical is None


def test_value_unit_and_company_are_searchable(library: Library, article_id: str) -> None:
    fund = library.annotate(article_id, quote="8.2 مليار دولار", tags=["figure"])
    cut = library.annotate(article_id, quote="8 مليارات دولار", tags=["figure"])
    share = library.annotate(article_id, quote="15 ٪", tags=["figure"])
    nvidia = library.annotate(article_id, quote="NVIDIA", tags=["company"])

    def ids(query: str) -> set[str]:
        return {h.annotation_id for h in library.search(query, limit=50)}

    assert ids("value:>1000000000") == {fund.id, cut.id}
    assert ids("value:>8e9") == {fund.id}
    assert ids("value:>=8000000000 unit:usd") == {fund.id, cut.id}
    assert ids("value:<=100") == {share.id}
    assert ids("value:10..20") == {share.id}
    assert ids("unit:%") == {share.id}
    assert ids("unit:USD") == {fund.id, cut.id}
    assert ids("company:nvidia") == {nvidia.id}
    assert ids("value:>1e9 -unit:usd") == set()
    with pytest.raises(InvalidQuery, match="value:"):
        library.search("value:lots")


def test_a_range_matches_values_it_overlaps(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "range.txt"
    path.write_text("تتوقع الشركة إيرادات بين 5 و7 ملايين دولار هذا العام.\n", encoding="utf-8")
    art = library.import_file(path).article.id
    ann = library.annotate(art, quote="5 و7 ملايين دولار", tags=["figure"])
    assert (ann.value, ann.value_high, ann.unit) == (5e6, 7e6, "USD")
    found = lambda q: [h.annotation_id for h in library.search(q)]  # noqa: E731
    assert found("value:>6000000") == [ann.id]
    assert found("value:<5500000") == [ann.id]
    assert found("value:>7000000") == [] and found("value:<5000000") == []


@pytest.mark.parametrize("fmt", ["native", "w3c"])
def test_structured_data_survives_export_and_import(library: Library, article_id: str, tmp_path: Path,
                                                    fmt: str) -> None:
    fund = library.annotate(article_id, quote="8.2 مليار دولار", tags=["figure"], value=8.2e9, unit="USD")
    company = library.annotate(article_id, quote="إدارة بايدن", tags=["company"], canonical="Biden administration")
    exported = library.export(fmt)
    other = Library.open(tmp_path / "other")
    try:
        report = other.import_annotations(exported.encode())
        assert report.added == 2
        assert (other.annotation(fund.id).value, other.annotation(fund.id).unit) == (8.2e9, "USD")
        assert other.annotation(company.id).canonical == "Biden administration"
        def annotations(text: str) -> object:
            doc = json.loads(text)
            return doc["articles"] if fmt == "native" else doc["first"]["items"]

        assert annotations(other.export(fmt)) == annotations(exported)
    finally:
        other.close()


def test_a_value_that_is_not_a_finite_number_is_refused(library: Library, article_id: str) -> None:
    library.annotate(article_id, quote="15 ٪", tags=["figure"])
    doc = json.loads(library.export("native"))
    doc["articles"][0]["annotations"][0]["value"] = "15"
    with pytest.raises(InvalidExchangeFile, match="value"):
        library.import_annotations(json.dumps(doc).encode())
    text = library.export("native").replace('"value": 15.0', '"value": 1e400')
    with pytest.raises(InvalidExchangeFile, match="finite"):
        library.import_annotations(text.encode())


def test_figures_and_entities_views(library: Library, article_id: str) -> None:
    cut = library.annotate(article_id, quote="8 مليارات دولار", tags=["figure"])
    library.annotate(article_id, quote="15 ٪", tags=["figure"])
    for quote, occurrence in (("Nvidia", 1), ("NVIDIA", 1), ("Nvidia", 2)):
        library.annotate(article_id, quote=quote, occurrence=occurrence, tags=["company"])
    library.annotate(article_id, quote="Tencent", tags=["company"])
    library.annotate(article_id, quote="Jensen Huang", tags=["person"])
    figures = library.figures()
    assert [(f.text, f.value, f.unit) for f in figures] == [("8 مليارات دولار", 8e9, "USD"), ("15 ٪", 15, "%")]
    assert "8 مليارات دولار" in figures[0].context and figures[0].annotation_id == cut.id
    rows = list(csv.reader(io.StringIO(figures_csv(figures).lstrip("\ufeff"))))
    assert rows[0][:5] == ["article", "text", "value", "value_high", "unit"]
    assert rows[1][1:5] == ["8 مليارات دولار", "8000000000", "", "USD"]
    assert figures_csv(figures).startswith("\ufeff")
    entities = library.entities()
    assert [(e.tag, e.name, e.count) for e in entities] == [
        ("company", "Nvidia", 3), ("company", "Tencent", 1), ("person", "Jensen Huang", 1)]
    assert entities[0].spellings == ["Nvidia", "NVIDIA"]


def test_format_value() -> None:
    assert [format_value(v) for v in (8.2e9, 15.0, 12.5, None, -3.25)] == ["8200000000", "15", "12.5", "", "-3.25"]


def test_suggestions_dismissed_stay_dismissed_and_accepted_become_annotations(
        library: Library, article_id: str, data_dir: Path) -> None:
    found = library.suggestions(article_id)
    figures = [s for s in found if s.tag == "figure"]
    assert [(s.text, s.value, s.unit) for s in figures] == [
        ("8 مليارات دولار", 8e9, "USD"), ("15 ٪", 15, "%"), ("8.2 مليار دولار", 8.2e9, "USD")]
    library.dismiss_suggestion(article_id, figures[0])
    accepted = library.accept_suggestion(article_id, figures[1])
    assert (accepted.tags, accepted.value, accepted.unit) == (["figure"], 15, "%")
    left = [s.text for s in library.suggestions(article_id) if s.tag == "figure"]
    assert left == ["8.2 مليار دولار"]
    library.close()
    with Library.open(data_dir) as again:  # dismissals are stored, not remembered in memory
        assert [s.text for s in again.suggestions(article_id) if s.tag == "figure"] == ["8.2 مليار دولار"]
        again.dismiss_suggestion(article_id, figures[0], dismissed=False)
        assert len([s for s in again.suggestions(article_id) if s.tag == "figure"]) == 2


def _schema_1_library(folder: Path, text: str, highlights: list[tuple[str, str, str, bool]]) -> None:
    """A library as Hamish wrote it before issue 5 (schema 1): the sample article and
    highlights (id, quote, tag, in the trash)."""
    folder.mkdir()
    conn = sqlite3.connect(folder / "hamish.db")
    for statement in MIGRATIONS[0]:
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.execute("INSERT INTO articles (id, title, text, sha256, imported_at) VALUES ('art', 't', ?, 'x', 't')",
                 (text,))
    for ann_id, quote, tag, trashed in highlights:
        start = text.index(quote)
        conn.execute("INSERT INTO annotations (id, article_id, start, \"end\", quote, created_at, updated_at,"
                     " deleted_at) VALUES (?, 'art', ?, ?, ?, 't', 't', ?)",
                     (ann_id, start, start + len(quote), quote, "t" if trashed else None))
        conn.execute("INSERT INTO annotation_tags VALUES (?, ?, 0)", (ann_id, tag))
    conn.commit()
    conn.close()


def test_upgrading_a_library_fills_structured_data_of_older_highlights(tmp_path: Path, sample_path: Path) -> None:
    folder = tmp_path / "old"
    _schema_1_library(folder, sample_path.read_text(encoding="utf-8").strip("\n"),
                      [("fig", "8.2 مليار دولار", "figure", False), ("co", "NVIDIA", "company", False)])
    with Library.open(folder) as upgraded:
        assert (upgraded.annotation("fig").value, upgraded.annotation("fig").unit) == (8.2e9, "USD")
        assert upgraded.annotation("co").canonical == "Nvidia"
        assert [h.annotation_id for h in upgraded.search("value:>1e9")] == ["fig"]
        assert upgraded.setting("structured-data-pending") == ""
    assert any(p.name.endswith("before-v2.db") for p in (folder / "backups").iterdir())


def test_structured_data_that_an_export_could_not_carry_is_refused(library: Library, article_id: str) -> None:
    from reader.core.errors import InvalidAnnotation

    for bad in ({"value": float("inf")}, {"value": float("nan")}, {"unit": ""}, {"unit": "U" * 17},
                {"canonical": "x" * 201}):
        with pytest.raises(InvalidAnnotation):
            library.annotate(article_id, quote="15 ٪", tags=["figure", "company"], **bad)
    blank = library.annotate(article_id, quote="Tencent", tags=["company"], canonical="   ")
    assert blank.canonical == "Tencent"  # a blank name is no name: worked out as usual
    text = library.article(article_id).text
    passage = library.annotate(article_id, start=0, end=300, tags=["person"])
    assert passage.canonical is None and len(text) > 300
    again = Library.open(library.folder.parent / "copy")
    try:
        assert again.import_annotations(library.export().encode()).added == 2
    finally:
        again.close()


@pytest.mark.parametrize("field,value,message", [
    ("value", "1" + "0" * 400, "finite"), ("value_high", 1.0, "high end"),
])
def test_imported_numbers_are_checked(library: Library, article_id: str, field: str, value: object,
                                      message: str) -> None:
    library.annotate(article_id, quote="8.2 مليار دولار", tags=["figure"])
    text = library.export("native")
    doc = json.loads(text)
    doc["articles"][0]["annotations"][0][field] = 0  # placeholder, replaced textually below
    raw = json.dumps(doc).replace(f'"{field}": 0', f'"{field}": {value}')
    with pytest.raises(InvalidExchangeFile, match=message):
        library.import_annotations(raw.encode())


def test_a_span_highlighted_under_another_tag_is_no_longer_suggested(library: Library, article_id: str) -> None:
    fund = next(s for s in library.suggestions(article_id) if s.text == "8.2 مليار دولار")
    library.annotate(article_id, start=fund.start, end=fund.end, tags=["quote"])
    assert fund not in library.suggestions(article_id)


def test_upgrade_fills_figures_in_the_trash_too(tmp_path: Path, sample_path: Path) -> None:
    folder = tmp_path / "old"
    _schema_1_library(folder, sample_path.read_text(encoding="utf-8").strip("\n"), [("fig", "15 ٪", "figure", True)])
    with Library.open(folder) as upgraded:
        restored = upgraded.restore_annotation("fig")
        assert (restored.value, restored.unit) == (15, "%")
