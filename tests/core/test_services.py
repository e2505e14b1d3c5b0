"""Library use cases on the sample article: import, annotate, tags, trash, search sync."""
from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.errors import Ambiguous, ImportFailed, InvalidAnnotation, NotFound
from reader.core.services import Library


def test_import_sample_then_again_returns_the_same_article(library: Library, sample_path: Path, sample_text: str) -> None:
    first = library.import_file(sample_path)
    assert first.created
    assert first.article.title == "بكين توتر على nvidia."
    again = library.import_file(sample_path)
    assert not again.created and again.article.id == first.article.id
    assert len(library.list_articles()) == 1
    assert library.article(first.article.id).text == sample_text.strip("\n")


def test_same_text_in_cp1256_is_the_same_article(library: Library, sample_text: str, tmp_path: Path) -> None:
    # Windows-1256 has no Arabic percent sign (U+066A): use the ASCII one in both files.
    text = sample_text.replace("٪", "%")
    modern, legacy = tmp_path / "modern.txt", tmp_path / "legacy.txt"
    modern.write_text(text, encoding="utf-8")
    legacy.write_bytes(text.encode("cp1256"))
    first = library.import_file(modern)
    again = library.import_file(legacy)
    assert again.article.id == first.article.id and not again.created


def test_bad_file_stores_nothing(library: Library, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(ImportFailed, match="empty.txt"):
        library.import_file(empty)
    assert library.list_articles() == []


def test_annotate_by_quote_keeps_quote_prefix_suffix(library: Library, sample_path: Path) -> None:
    art = library.import_file(sample_path).article
    text = library.article(art.id).text
    ann = library.annotate(art.id, quote="8.2 مليار دولار", tags=["figure"], note="صندوق استثمار")
    assert text[ann.start : ann.end] == "8.2 مليار دولار"
    assert ann.prefix == text[ann.start - 32 : ann.start]
    assert ann.suffix == text[ann.end : ann.end + 32]
    assert ann.color == "#f6c343"
    assert ann.tags == ["figure"]


def test_annotate_by_occurrence_and_offsets(library: Library, sample_path: Path) -> None:
    art = library.import_file(sample_path).article
    text = library.article(art.id).text
    second = library.annotate(art.id, quote="Nvidia", occurrence=2, tags=["company"])
    first_pos = text.index("Nvidia")
    assert second.start == text.index("Nvidia", first_pos + 1)
    by_offsets = library.annotate(art.id, start=0, end=4, tags=["company", "person"])
    assert by_offsets.quote == text[0:4]
    with pytest.raises(InvalidAnnotation, match="occurs"):
        library.annotate(art.id, quote="Nvidia", occurrence=999, tags=["company"])
    with pytest.raises(InvalidAnnotation, match="not in the article"):
        library.annotate(art.id, quote="Samsung Electronics", tags=["company"])


@pytest.mark.parametrize("start,end", [(-1, 3), (5, 5), (7, 3), (0, 10**7)])
def test_offsets_are_validated(library: Library, sample_path: Path, start: int, end: int) -> None:
    art = library.import_file(sample_path).article
    with pytest.raises(InvalidAnnotation):
        library.annotate(art.id, start=start, end=end, tags=["quote"])
    assert library.annotations() == []


def test_quote_forgiving_harakat_and_alef(library: Library, tmp_path: Path) -> None:
    f = tmp_path / "h.txt"
    f.write_text("قالَ الرَّئيسُ التنفيذي إن الأرباح ارتفعت\n", encoding="utf-8")
    art = library.import_file(f).article
    ann = library.annotate(art.id, quote="الرئيس", tags=["person"])
    assert ann.quote == "الرَّئيسُ"
    ann2 = library.annotate(art.id, quote="الارباح", tags=["figure"])
    assert ann2.quote == "الأرباح"


def test_astral_characters_before_a_highlight(library: Library, tmp_path: Path) -> None:
    f = tmp_path / "emoji.txt"
    f.write_text("📈🚀 سهم Nvidia ارتفع 15 ٪ اليوم\n", encoding="utf-8")
    art = library.import_file(f).article
    ann = library.annotate(art.id, quote="Nvidia", tags=["company"])
    assert (ann.start, ann.end) == (7, 13)  # code points: each emoji counts one
    hits = library.search("nvidia")
    assert [(h.start, h.end) for h in hits] == [(7, 13)]


def test_overlapping_annotations_and_several_tags(library: Library, sample_path: Path) -> None:
    art = library.import_file(sample_path).article
    outer = library.annotate(art.id, quote="رقائق H20 من Nvidia", tags=["quote", "company"])
    inner = library.annotate(art.id, start=outer.end - 6, end=outer.end, tags=["company"])
    assert inner.quote == "Nvidia"
    assert outer.color == "#7bc67b"  # the first tag's colour
    assert len(library.annotations(art.id)) == 2


def test_custom_tags_get_distinct_colours(library: Library, sample_path: Path) -> None:
    art = library.import_file(sample_path).article
    a = library.annotate(art.id, quote="Tencent", tags=["China Tech"])
    b = library.annotate(art.id, quote="Alibaba", tags=["منافس"])
    assert a.tags == ["china-tech"] and b.tags == ["منافس"]
    colours = {t.name: t.color for t, _ in library.tags()}
    assert len(set(colours.values())) == len(colours)
    assert colours["china-tech"] == a.color
    keys = {t.name: t.key for t, _ in library.tags()}
    assert (keys["company"], keys["china-tech"], keys["منافس"]) == ("1", "5", "6")


def test_edit_tags_note_colour(library: Library, sample_path: Path) -> None:
    art = library.import_file(sample_path).article
    ann = library.annotate(art.id, quote="Jensen Huang", tags=["company"])
    ann = library.edit_annotation(ann.id, add_tags=["person"], remove_tags=["company"], note="الرئيس التنفيذي")
    assert ann.tags == ["person"] and ann.color == "#e57373" and ann.note == "الرئيس التنفيذي"
    ann = library.edit_annotation(ann.id, color="#123456")
    assert ann.color == "#123456"
    ann = library.edit_annotation(ann.id, add_tags=["quote"])
    assert ann.color == "#123456", "an explicit colour is kept when tags change"
    with pytest.raises(InvalidAnnotation, match="at least one tag"):
        library.edit_annotation(ann.id, remove_tags=["person", "quote"])
    with pytest.raises(InvalidAnnotation, match="#rrggbb"):
        library.edit_annotation(ann.id, color="red")


def test_trash_restore_purge(library: Library, sample_path: Path) -> None:
    art = library.import_file(sample_path).article
    ann = library.annotate(art.id, quote="Huawei", tags=["company"])
    assert [h.annotation_id for h in library.search("huawei")] == [ann.id]
    library.delete_annotation(ann.id)
    assert library.annotations() == [] and [a.id for a in library.trash()] == [ann.id]
    assert library.search("huawei") == []
    library.restore_annotation(ann.id)
    assert [h.annotation_id for h in library.search("huawei")] == [ann.id]
    with pytest.raises(InvalidAnnotation, match="trash"):
        library.purge_annotation(ann.id)
    library.delete_annotation(ann.id)
    library.purge_annotation(ann.id)
    assert library.trash() == [] and library.search("huawei") == []
    with pytest.raises(NotFound):
        library.annotation(ann.id)


def test_id_prefixes(library: Library, sample_path: Path) -> None:
    art = library.import_file(sample_path).article
    assert library.article(art.id[:6]).id == art.id
    with pytest.raises(NotFound):
        library.article("zzzz")
    count = library.article(art.id).text.count("Nvidia")
    assert count > 16
    ids = [library.annotate(art.id, quote="Nvidia", occurrence=n, tags=["company"]).id for n in range(1, count + 1)]
    # More than 16 random uuids: at least two share their first hex digit.
    firsts = [i[0] for i in ids]
    shared = next(c for c in firsts if firsts.count(c) > 1)
    with pytest.raises(Ambiguous):
        library.annotation(shared)


def test_rename_article_updates_search(library: Library, sample_path: Path) -> None:
    art = library.import_file(sample_path).article
    library.annotate(art.id, quote="Metax", tags=["company"])
    library.rename_article(art.id, "رقائق الصين")
    hits = library.search("article:رقائق")
    assert [h.article_title for h in hits] == ["رقائق الصين"]


def test_delete_article_removes_its_annotations_from_search(library: Library, sample_path: Path) -> None:
    art = library.import_file(sample_path).article
    library.annotate(art.id, quote="Metax", tags=["company"])
    library.delete_article(art.id)
    assert library.list_articles() == [] and library.search("metax") == []
    assert library.check_index() == (set(), set())


def test_index_deleted_is_rebuilt_on_open(data_dir: Path, sample_path: Path) -> None:
    with Library.open(data_dir) as lib:
        art = lib.import_file(sample_path).article
        ann = lib.annotate(art.id, quote="Cambricon", tags=["company"])
        lib.remove_index()
    with Library.open(data_dir) as lib:
        assert lib.index_rebuilt_because == "missing"
        assert [h.annotation_id for h in lib.search("cambricon")] == [ann.id]


def test_index_corrupted_is_rebuilt_on_open(data_dir: Path, sample_path: Path) -> None:
    with Library.open(data_dir) as lib:
        art = lib.import_file(sample_path).article
        ann = lib.annotate(art.id, quote="Cambricon", tags=["company"])
    segments = [p for p in (data_dir / "index").iterdir() if p.is_file() and not p.name.startswith(".")]
    assert segments
    for p in segments:
        p.write_bytes(b"\x00garbage" * 7)
    with Library.open(data_dir) as lib:
        assert lib.index_rebuilt_because and lib.index_rebuilt_because.startswith(("corrupt", "old", "missing"))
        assert [h.annotation_id for h in lib.search("cambricon")] == [ann.id]


def test_crash_between_database_and_index_heals_on_next_open(
    data_dir: Path, sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Library.open(data_dir) as lib:
        art = lib.import_file(sample_path).article
        kept = lib.annotate(art.id, quote="Baidu", tags=["company"])

        def crash(*args: object, **kwargs: object) -> None:
            raise SystemExit("killed before the index was written")

        monkeypatch.setattr(lib.index, "apply", crash)
        with pytest.raises(SystemExit):
            lib.annotate(art.id, quote="Tencent", tags=["company"])
        with pytest.raises(SystemExit):
            lib.delete_annotation(kept.id)
    monkeypatch.undo()
    with Library.open(data_dir) as lib:
        assert [h.quote for h in lib.search("tencent")] == ["Tencent"]
        assert lib.search("baidu") == []
        assert lib.check_index() == (set(), set())


def test_damage_found_while_searching_rebuilds_and_answers(library: Library, sample_path: Path, monkeypatch) -> None:
    from reader.core.search import IndexUnusable

    art = library.import_file(sample_path).article
    ann = library.annotate(art.id, quote="Deepseek", tags=["company"])
    real_search = library.index.search
    calls: list[str] = []

    def damaged_once(query: str, limit: int = 20):
        calls.append(query)
        if len(calls) == 1:
            raise IndexUnusable("corrupt: truncated postings")
        return real_search(query, limit=limit)

    monkeypatch.setattr(library.index, "search", damaged_once)
    assert [h.annotation_id for h in library.search("deepseek")] == [ann.id]
    assert library.index_rebuilt_because == "corrupt: truncated postings" and len(calls) == 2


def test_annotations_re_anchor_on_changed_text_and_orphans_are_kept(
    data_dir: Path, sample_text: str, tmp_path: Path
) -> None:
    """Annotations exported from one version of an article, imported where its text changed."""
    import json

    old = tmp_path / "old" / "article.txt"
    old.parent.mkdir()
    old.write_text(sample_text, encoding="utf-8")
    with Library.open(tmp_path / "lib-a") as a:
        art = a.import_file(old).article
        moved = a.annotate(art.id, quote="8.2 مليار دولار", tags=["figure"])
        gone = a.annotate(art.id, quote="وقد نفت Nvidia المطالبة", tags=["quote"])
        exported = json.loads(a.export("native"))
    # The file without the old text, as another tool or an old export would have it.
    del exported["articles"][0]["text"]
    title, body = sample_text.split("\n", 1)
    new_text = title + "\nتحديث: أضيفت هذه الفقرة بعد النشر.\n" + body.replace("وقد نفت Nvidia المطالبة.", "")
    new = tmp_path / "new" / "article.txt"
    new.parent.mkdir()
    new.write_text(new_text, encoding="utf-8")
    with Library.open(tmp_path / "lib-b") as b:
        current = b.import_file(new).article  # same title, different text and id
        report = b.import_annotations(json.dumps(exported, ensure_ascii=False).encode("utf-8"))
        assert report.added == 2 and report.orphans == [gone.id] and report.articles_created == 0
        placed = b.annotation(moved.id)
        text = b.article(current.id).text
        assert placed.article_id == current.id and not placed.orphan
        assert text[placed.start : placed.end] == "8.2 مليار دولار" and placed.start > moved.start
        assert [o.id for o in b.orphans()] == [gone.id]
        assert b.orphans()[0].quote == "وقد نفت Nvidia المطالبة"


def test_put_and_forget_support_undo_redo(library: Library, sample_path: Path) -> None:
    art = library.import_file(sample_path).article
    created = library.annotate(art.id, quote="Bytedance", tags=["company"])
    edited = library.edit_annotation(created.id, note="تيك توك", add_tags=["منافس"])
    library.put_annotation(created)  # undo the edit
    assert library.annotation(created.id) == created
    assert library.search("note:توك") == []
    library.put_annotation(edited)  # redo it
    assert [h.annotation_id for h in library.search("note:توك")] == [created.id]
    library.forget_annotation(created.id)  # undo the creation: gone, not in the trash
    assert library.annotations() == [] and library.trash() == [] and library.search("bytedance") == []
    library.put_annotation(edited)  # redo the creation with the same id
    assert library.annotation(created.id) == edited


def _native_file(article_id: str, title: str, sha: str, annotations: list[dict], text: str | None = None) -> bytes:
    import json

    art = {"id": article_id, "title": title, "sha256": sha, "source": "", "annotations": annotations}
    if text is not None:
        art["text"] = text
    doc = {"format": "hamish.annotations", "version": 1, "exported_at": "2026-11-28T12:00:00Z", "articles": [art]}
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


@pytest.mark.parametrize(
    "incoming_updated,expect_note",
    [
        ("2026-11-28T14:00:00.000Z", "remote"),  # later instant: theirs wins
        ("2026-11-28T15:30:00+03:00", "local"),  # 12:30Z, earlier although the string sorts later
        ("2026-11-28T13:00:00Z", "local"),  # the same instant: ours is kept
    ],
)
def test_merge_compares_timestamps_as_instants(library: Library, sample_path: Path, incoming_updated: str,
                                               expect_note: str) -> None:
    from dataclasses import replace

    art = library.import_file(sample_path).article
    text = library.article(art.id).text
    ann = library.annotate(art.id, quote="Tencent", tags=["company"], note="local")
    library.put_annotation(replace(ann, updated_at="2026-11-28T13:00:00.000Z"))
    incoming = {"id": ann.id, "start": ann.start, "end": ann.end, "quote": "Tencent", "prefix": ann.prefix,
                "suffix": ann.suffix, "tags": ["company"], "note": "remote", "color": ann.color,
                "created_at": ann.created_at, "updated_at": incoming_updated}
    library.import_annotations(_native_file(art.id, art.title, art.sha256, [incoming], text))
    assert library.annotation(ann.id).note == expect_note


def test_garbage_timestamp_is_rejected_naming_the_field(library: Library, sample_path: Path) -> None:
    from reader.core.errors import InvalidExchangeFile

    art = library.import_file(sample_path).article
    incoming = {"id": "x1", "start": 0, "end": 4, "quote": "بكين", "tags": ["company"], "updated_at": "garbage"}
    with pytest.raises(InvalidExchangeFile, match=r"articles\[0\]\.annotations\[0\]\.updated_at"):
        library.import_annotations(_native_file(art.id, art.title, art.sha256, [incoming]))
    assert library.annotations() == []


def test_huge_offsets_are_a_validation_error(library: Library) -> None:
    from reader.core.errors import InvalidExchangeFile

    incoming = {"id": "x1", "start": 10**30, "end": 10**30 + 5, "quote": "بكين", "tags": ["company"]}
    with pytest.raises(InvalidExchangeFile, match=r"annotations\[0\]\.start"):
        library.import_annotations(_native_file("a1", "t", "", [incoming]))


def test_placeholders_and_orphans_survive_export_and_reimport(library: Library, data_dir: Path,
                                                              tmp_path: Path) -> None:
    """A file without text makes a placeholder of orphans; exporting that library and importing
    the export elsewhere must work, and the real article's later import places them."""
    import json

    quote_ann = {"id": "n1", "start": 6000, "end": 6006, "quote": "Nvidia", "prefix": "أكبر أسواق ",
                 "suffix": " ، متضاربة", "tags": ["company"], "updated_at": "2026-11-28T12:00:00Z"}
    report = library.import_annotations(_native_file("unknown-article", "مقال غير موجود", "", [quote_ann]))
    assert report.articles_created == 1 and report.orphans == ["n1"]
    exported = library.export("native")
    assert "text" not in json.loads(exported)["articles"][0]
    with Library.open(tmp_path / "other") as other:
        again = other.import_annotations(exported.encode("utf-8"))
        assert again.added == 1 and again.orphans == ["n1"]
        w3c = other.export("w3c")
    with Library.open(tmp_path / "third") as third:
        assert third.import_annotations(w3c.encode("utf-8")).orphans == ["n1"]


def test_saving_while_another_process_writes_the_index(data_dir: Path, sample_path: Path) -> None:
    """The change is saved and reported saved; search catches up once the lock is free."""
    import subprocess
    import sys

    with Library.open(data_dir) as lib:
        art = lib.import_file(sample_path).article
        lib.annotate(art.id, quote="Nvidia", tags=["company"])  # the index exists now
        holder = subprocess.Popen(
            [sys.executable, "-c", "import sys, time; from whoosh import index; "
             "w = index.open_dir(sys.argv[1]).writer(); print('locked', flush=True); time.sleep(60)",
             str(data_dir / "index")],
            stdout=subprocess.PIPE, text=True,
        )
        try:
            assert holder.stdout.readline().strip() == "locked"
            saved = lib.annotate(art.id, quote="Huawei", tags=["company"])  # must not raise
            assert lib.index_behind
            assert lib.annotation(saved.id).quote == "Huawei"
        finally:
            holder.kill()
            holder.wait()
    with Library.open(data_dir) as lib:  # the journal kept it: the next sync applies it
        assert not lib.index_behind
        assert [h.annotation_id for h in lib.search("huawei")] == [saved.id]


def test_tag_query_with_spaces_finds_the_stored_tag(library: Library, sample_path: Path) -> None:
    art = library.import_file(sample_path).article
    ann = library.annotate(art.id, quote="Tencent", tags=["China Tech"])
    assert ann.tags == ["china-tech"]
    assert [h.annotation_id for h in library.search('tag:"China Tech"')] == [ann.id]
    assert [h.annotation_id for h in library.search("tag:china-tech")] == [ann.id]


def test_bad_tag_in_a_file_names_its_field(library: Library, sample_path: Path) -> None:
    from reader.core.errors import InvalidExchangeFile

    art = library.import_file(sample_path).article
    incoming = {"id": "x1", "start": 0, "end": 4, "quote": "بكين", "tags": ["company", "a:b"]}
    with pytest.raises(InvalidExchangeFile, match=r"articles\[0\]\.annotations\[0\]\.tags\[1\]"):
        library.import_annotations(_native_file(art.id, art.title, art.sha256, [incoming]))
