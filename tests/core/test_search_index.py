"""The annotation index: query language, ranking, snippets, rebuild/apply, and health checks.

Documents are sentences of the sample article, annotated like a reader would.
"""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.errors import InvalidQuery
from reader.core.models import IndexDoc
from reader.core.resources import sample_article_path
from reader.core.search import INDEX_SCHEMA_VERSION, IndexLocked, IndexUnusable, SearchIndex
from reader.core.search import index as index_module

SAMPLE = sample_article_path().read_text(encoding="utf-8")
SENTENCES = [s.strip() for s in re.split(r"(?<=[.!؟?])\s+|\n", SAMPLE) if s.strip()]
TITLE_1, ID_1 = SAMPLE.splitlines()[0], "art-nvidia"  # "بكين توتر على nvidia."
TITLE_2, ID_2 = "ملحمة الرقائق", "art-saga"


def sentence_with(fragment: str) -> str:
    return next(s for s in SENTENCES if fragment in s)


def doc(
    annotation_id: str, fragment: str, tags: tuple[str, ...] = (), note: str = "", article: int = 1
) -> IndexDoc:
    quote = sentence_with(fragment)
    start = SAMPLE.index(quote)
    article_id, title = (ID_1, TITLE_1) if article == 1 else (ID_2, TITLE_2)
    return IndexDoc(annotation_id, article_id, title, quote, note, list(tags), start, start + len(quote))


DOCS = [
    doc("cambricon", "Cambricon", ("company",)),
    doc("metax", "Metax", ("company", "Chip Makers"), note="ذاكرة أكبر من H20"),
    doc("alibaba-baidu", "Alibaba و Baidu", ("Company",)),
    doc("huawei-alibaba", "Huawei و Alibaba"),
    doc("spokesman", "Gizmodo", ("quote",), note="تصريح رسمي من Nvidia"),
    doc("fifteen", "15 ٪", ("figure",)),  # Nvidia … الرقائق, never "رقائق Nvidia" side by side
    doc("biden", "إدارة بايدن"),  # "على رقائق Nvidia التي"
    doc("lobbying", "Jensen Huang", article=2),
    doc("washington", "الخبراء في واشنطن", article=2),
]
ART_2 = {"lobbying", "washington"}


def ids(index: SearchIndex, query: str, limit: int = 100) -> set[str]:
    return {hit.annotation_id for hit in index.search(query, limit=limit)}


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> SearchIndex:
    built = SearchIndex(tmp_path_factory.mktemp("search") / "index")
    built.rebuild(DOCS)
    yield built
    built.close()


@pytest.fixture
def fresh(tmp_path: Path) -> SearchIndex:
    built = SearchIndex(tmp_path / "index")
    yield built
    built.close()


# ---------------------------------------------------------------- query language


def test_free_words_search_quote_note_and_title(index: SearchIndex) -> None:
    assert ids(index, "cambricon") == {"cambricon"}
    assert ids(index, "تصريح") == {"spokesman"}  # only in the note
    assert ids(index, "ملحمة") == ART_2  # only in the article title
    assert ids(index, "") == ids(index, "   \n") == set()


def test_tag_field_is_the_exact_name_in_any_case(index: SearchIndex) -> None:
    company = {"cambricon", "metax", "alibaba-baidu"}
    assert ids(index, "tag:company") == ids(index, "TAG:COMPANY") == company
    assert ids(index, 'tag:"chip makers"') == {"metax"}
    assert ids(index, "tag:chip") == ids(index, "tag:compan") == set()
    assert ids(index, "tag:comp*") == company
    assert ids(index, "tag:figure OR tag:quote") == {"fifteen", "spokesman"}


def test_article_field_matches_title_words_or_the_id(index: SearchIndex) -> None:
    assert ids(index, "article:ملحمة") == ids(index, "article:والرقائق") == ART_2
    assert ids(index, f"article:{ID_2}") == ART_2
    assert ids(index, "article:art-sa*") == ART_2
    assert ids(index, "article:nvidia") == {d.annotation_id for d in DOCS} - ART_2
    assert ids(index, "article:cambricon") == set()


def test_note_and_quote_fields(index: SearchIndex) -> None:
    assert ids(index, "note:تصريح") == {"spokesman"}
    assert ids(index, "quote:تصريح") == set()
    assert ids(index, "quote:gizmodo") == {"spokesman"}
    assert ids(index, "note:gizmodo") == set()
    assert ids(index, "quote:ملحمة") == set()
    assert ids(index, "note:(ذاكرة OR تصريح)") == {"metax", "spokesman"}


def test_and_or_not(index: SearchIndex) -> None:
    assert ids(index, "alibaba baidu") == ids(index, "alibaba AND baidu") == {"alibaba-baidu"}
    assert ids(index, "huawei OR baidu") == {"alibaba-baidu", "huawei-alibaba"}
    assert ids(index, "alibaba NOT baidu") == ids(index, "alibaba -baidu") == {"huawei-alibaba"}
    assert ids(index, "-tag:company -article:ملحمة") == {"huawei-alibaba", "spokesman", "fifteen", "biden"}
    assert ids(index, "NOT nvidia") == {"washington"}
    # OR binds tighter than AND: alibaba AND (huawei OR cambricon)
    assert ids(index, "alibaba huawei OR cambricon") == {"huawei-alibaba"}
    assert ids(index, "(alibaba huawei) OR cambricon") == {"huawei-alibaba", "cambricon"}
    # lower-case operators are ordinary words
    assert ids(index, "alibaba or cambricon") == set()


def test_phrase_needs_the_words_side_by_side(index: SearchIndex) -> None:
    both_words = ids(index, "رقائق nvidia")
    assert {"fifteen", "biden"} <= both_words
    phrase = ids(index, '"رقائق Nvidia"')
    assert "biden" in phrase and "fifteen" not in phrase
    # Arabic-aware inside phrases too, and a stop word in between is skipped on both sides.
    assert "biden" in ids(index, '"الرقائق NVIDIA"')
    assert ids(index, '"قيود التصدير على رقائق"') == {"biden"}
    assert ids(index, '"nvidia رقائق"') & {"biden"} == set()


def test_phrase_never_runs_from_the_quote_into_the_note(fresh: SearchIndex) -> None:
    quote = sentence_with("وقد نفت Nvidia")  # ends with "المطالبة."
    fresh.rebuild([IndexDoc("a", ID_1, TITLE_1, quote, "الصين لديها علاقة", [], 0, 1)])
    assert ids(fresh, '"نفت Nvidia"') == {"a"}
    assert ids(fresh, '"المطالبة الصين"') == set()
    assert ids(fresh, "المطالبة الصين") == {"a"}


def test_prefix_search_on_folded_words(index: SearchIndex) -> None:
    assert ids(index, "cambr*") == {"cambricon"}
    assert ids(index, "ALIB*") == {"alibaba-baidu", "huawei-alibaba"}
    # واشنطن / الشركات: the prefix is folded and its proclitics read off, like indexed words
    assert ids(index, "واشن*") == {"washington"}
    assert "huawei-alibaba" in ids(index, "شرك*")
    assert "huawei-alibaba" in ids(index, "الشرك*")


def test_ranking_prefers_more_and_denser_matches(fresh: SearchIndex) -> None:
    # The sample's own sentences: Nvidia twice in a short quote, once in a long one, once in a note.
    twice = sentence_with("في غياب رقائق Nvidia")  # "… رقائق Nvidia … جودة رقائق Nvidia."
    once_long = sentence_with("Deepseek's R1")
    fresh.rebuild([
        IndexDoc("note-only", ID_2, TITLE_2, sentence_with("Gizmodo").replace("NVIDIA", "الشركة"),
                 "عن Nvidia", [], 0, 1),
        IndexDoc("once-long", ID_2, TITLE_2, once_long, "", [], 0, 1),
        IndexDoc("twice", ID_2, TITLE_2, twice, "", [], 0, 1),
    ])
    assert twice.lower().count("nvidia") == 2 and once_long.lower().count("nvidia") == 1
    hits = fresh.search("nvidia")
    assert [h.annotation_id for h in hits][:1] == ["twice"]
    assert hits[0].score > hits[1].score


def test_snippet_marks_words_found_by_the_analyzer(index: SearchIndex) -> None:
    [hit] = index.search("quote:nvidia إدارة")
    assert hit.annotation_id == "biden"
    assert "رقائق **Nvidia** التي" in hit.snippet
    assert "**إدارة**" in hit.snippet
    [hit] = index.search("cambricon")
    assert hit.snippet == hit.quote.replace("Cambricon", "**Cambricon**")  # short: the whole quote
    # الشركة marks الشركات; a prefix marks the words it found
    [hit] = index.search("الشركة huawei")
    assert "**الشركات**" in hit.snippet and "**Huawei**" in hit.snippet
    [hit] = index.search("الشرك* huawei")
    assert "**الشركات**" in hit.snippet and hit.snippet.count("**Huawei**") == 1
    # words excluded by NOT are not marked
    [hit] = index.search("huawei -cambricon")
    assert hit.snippet.count("**") == 2


def test_snippet_falls_back_to_the_note_then_to_the_plain_quote(index: SearchIndex) -> None:
    [hit] = index.search("تصريح")
    assert hit.snippet == "**تصريح** رسمي من Nvidia"
    [hit] = index.search("tag:figure")
    assert "**" not in hit.snippet and hit.quote.startswith(hit.snippet.rstrip("…"))


def test_long_quote_snippet_is_a_short_window_around_the_first_match(fresh: SearchIndex) -> None:
    quote = " ".join(SENTENCES[2:8])
    assert len(quote) > 600
    fresh.rebuild([IndexDoc("long", ID_1, TITLE_1, quote, "", [], 0, len(quote))])
    [hit] = fresh.search("Gizmodo")
    assert "**Gizmodo**" in hit.snippet
    assert len(hit.snippet.replace("**", "")) <= 202  # 200 characters plus the two ellipses
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    plain = hit.snippet.replace("**", "").strip("…")
    assert plain in quote  # cut at word boundaries, nothing rewritten


def test_hit_carries_everything_the_ui_needs(index: SearchIndex) -> None:
    [hit] = index.search("metax")
    expected = next(d for d in DOCS if d.annotation_id == "metax")
    assert (hit.article_id, hit.article_title, hit.quote, hit.note, hit.tags, hit.start, hit.end) == (
        expected.article_id, expected.article_title, expected.quote, expected.note,
        expected.tags, expected.start, expected.end,
    )
    assert SAMPLE[hit.start:hit.end] == hit.quote


@pytest.mark.parametrize(
    "query",
    ['"رقائق nvidia', "(alibaba baidu", "alibaba baidu)", "()", "alibaba AND", "OR alibaba",
     "NOT", "alibaba OR OR baidu", "alibaba AND OR baidu", "tag: company", "note:", "a*", "*", "nvidia NOT"],
)
def test_invalid_queries_say_why(index: SearchIndex, query: str) -> None:
    with pytest.raises(InvalidQuery) as err:
        index.search(query)
    assert str(err.value)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("شركة:Cambricon", {"cambricon"}),  # unknown field: plain words (شركة AND cambricon)
        ("foo:cambricon", set()),  # = foo AND cambricon
        ('cambricon ""', {"cambricon"}),  # empty phrase dropped
        ("cambricon -", {"cambricon"}),  # lone minus ignored
        ("في", set()),  # only a stop word
        ("في cambricon", {"cambricon"}),
        ("cambricon's", set()),  # = cambricon AND s
        ("“cambricon”", {"cambricon"}),  # curly quotes are punctuation, not phrase marks
    ],
)
def test_forgiven_queries(index: SearchIndex, query: str, expected: set[str]) -> None:
    assert ids(index, query) == expected


QUERY_PIECES = st.sampled_from(
    ['"', "(", ")", ":", "*", "-", " ", "AND", "OR", "NOT", "tag:", "quote:", "note:", "article:",
     "foo:", "nvidia", "الشركة", "الصِّينُ", "ـ", "١٥", "في", "\x00", "\ud800", "ﻻ", "\u2029", "\x1f"]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(QUERY_PIECES, st.text(max_size=3)), max_size=10).map("".join))
def test_any_query_returns_hits_or_raises_invalid_query(index: SearchIndex, query: str) -> None:
    try:
        hits = index.search(query)
    except InvalidQuery:
        return
    assert all(hit.annotation_id in {d.annotation_id for d in DOCS} for hit in hits)


# ---------------------------------------------------------------- rebuild and apply


def test_rebuild_reports_progress_and_makes_the_index_usable(fresh: SearchIndex) -> None:
    assert fresh.problem() == "missing"
    seen: list[int] = []
    docs = [IndexDoc(f"s{i}", ID_1, TITLE_1, s, "", [], 0, len(s)) for i, s in enumerate(SENTENCES)]
    assert fresh.rebuild(docs * 2, progress=seen.append) == len(SENTENCES)  # repeats keep the first
    assert seen[-1] == len(SENTENCES)
    assert fresh.problem() is None
    assert fresh.doc_ids() == {f"s{i}" for i in range(len(SENTENCES))}
    # rebuilding again replaces everything and leaves nothing beside the index
    assert fresh.rebuild(DOCS[:2]) == 2
    assert fresh.doc_ids() == {"cambricon", "metax"}
    assert sorted(p.name for p in fresh.index_dir.parent.iterdir()) == [".index.lock", "index"]


def test_failed_rebuild_keeps_the_previous_index(fresh: SearchIndex) -> None:
    fresh.rebuild(DOCS)

    def broken():
        yield DOCS[0]
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError):
        fresh.rebuild(broken())
    assert fresh.problem() is None
    assert fresh.doc_ids() == {d.annotation_id for d in DOCS}
    assert sorted(p.name for p in fresh.index_dir.parent.iterdir()) == [".index.lock", "index"]


def test_apply_upserts_and_deletes(fresh: SearchIndex) -> None:
    fresh.rebuild(DOCS[:3])
    edited = IndexDoc("metax", ID_1, TITLE_1, sentence_with("Tencent"), "", ["person"], 0, 1)
    fresh.apply([DOCS[3], edited], ["cambricon"])
    assert fresh.doc_ids() == {"metax", "alibaba-baidu", "huawei-alibaba"}
    assert ids(fresh, "tencent") == {"metax"} and ids(fresh, "metax") == set()
    assert ids(fresh, "tag:person") == {"metax"} and ids(fresh, "cambricon") == set()
    # deleted wins over upserted in the same batch; the last upsert of an id wins
    fresh.apply([DOCS[4], DOCS[5]], ["spokesman"])
    assert fresh.doc_ids() == {"metax", "alibaba-baidu", "huawei-alibaba", "fifteen"}
    renamed = IndexDoc("fifteen", ID_2, "عنوان جديد", DOCS[5].quote, "", [], 0, 1)
    fresh.apply([DOCS[5], renamed], [])
    assert ids(fresh, "article:جديد") == {"fifteen"} and len(fresh.search("15")) == 1
    fresh.apply([], ["not-there"])  # deleting an unknown id is fine
    assert len(fresh.doc_ids()) == 4


def test_a_reader_sees_what_another_instance_committed(fresh: SearchIndex) -> None:
    fresh.rebuild(DOCS[:1])
    assert ids(fresh, "metax") == set()
    with SearchIndex(fresh.index_dir) as writer:  # e.g. the CLI while the GUI is open
        writer.apply(DOCS[1:2], ["cambricon"])
    assert ids(fresh, "metax") == {"metax"} and fresh.doc_ids() == {"metax"}


def test_unusable_index_refuses_writes_and_searches(fresh: SearchIndex) -> None:
    with pytest.raises(IndexUnusable) as err:
        fresh.apply(DOCS[:1], [])
    assert err.value.reason == "missing"
    with pytest.raises(IndexUnusable):
        fresh.search("nvidia")


# ---------------------------------------------------------------- health checks


def _segment(index_dir: Path) -> Path:
    return next(index_dir.glob("*.seg"))


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        (lambda d: _segment(d).write_bytes(_segment(d).read_bytes()[: _segment(d).stat().st_size // 2]),
         "corrupt"),
        (lambda d: _segment(d).write_bytes(_segment(d).read_bytes()[:-64]), "corrupt"),
        (lambda d: _segment(d).write_bytes(b"\x00garbage" * 7), "corrupt"),
        (lambda d: _segment(d).unlink(), "corrupt"),
        (lambda d: next(d.glob("*.toc")).write_bytes(os.urandom(200)), "corrupt"),
        (lambda d: next(d.glob("*.toc")).unlink(), "corrupt"),
        (lambda d: (d / index_module.MARKER_NAME).write_text("{not json"), "corrupt"),
        (lambda d: (d / index_module.MARKER_NAME).unlink(), "corrupt"),
        (lambda d: (d / index_module.MARKER_NAME).write_text(
            json.dumps({"schema_version": INDEX_SCHEMA_VERSION - 1})),
         f"old schema (v{INDEX_SCHEMA_VERSION - 1} < v{INDEX_SCHEMA_VERSION})"),
        (lambda d: [p.unlink() for p in d.iterdir()], "missing"),
    ],
    ids=["segment-half", "segment-tail", "segment-garbage", "segment-deleted", "toc-garbage", "toc-deleted",
         "marker-garbage", "marker-deleted", "marker-old", "emptied"],
)
def test_problem_names_the_damage_and_rebuild_heals_it(fresh: SearchIndex, damage, expected: str) -> None:
    fresh.rebuild(DOCS)
    fresh.close()
    damage(fresh.index_dir)
    problem = fresh.problem()
    assert problem is not None and problem.startswith(expected), problem
    assert fresh.rebuild(DOCS) == len(DOCS)
    assert fresh.problem() is None
    assert ids(fresh, "cambricon") == {"cambricon"}


def test_damage_anywhere_is_reported_never_raised_as_something_else(fresh: SearchIndex) -> None:
    # Whoosh has no checksums: some damage only shows when a search reads that block. Then the
    # search raises IndexUnusable (so the caller rebuilds), never a raw Whoosh error.
    fresh.rebuild(DOCS)
    fresh.close()
    segment = _segment(fresh.index_dir)
    original = segment.read_bytes()
    outcomes = set()
    for i in range(24):
        offset = len(original) * i // 24
        damaged = bytearray(original)
        damaged[offset : offset + 256] = bytes(len(damaged[offset : offset + 256]))
        segment.write_bytes(bytes(damaged))
        if fresh.problem() is not None:
            outcomes.add("reported")
            continue
        try:
            for query in ("nvidia", "tag:company", '"رقائق Nvidia"', "الشرك*", "note:تصريح"):
                fresh.search(query)
            fresh.doc_ids()
            outcomes.add("unnoticed")
        except IndexUnusable as err:
            assert err.reason.startswith("corrupt")
            outcomes.add("raised")
        finally:
            fresh.close()
    assert "reported" in outcomes


def test_missing_folder_is_missing(tmp_path: Path) -> None:
    assert SearchIndex(tmp_path / "nowhere").problem() == "missing"
    assert not (tmp_path / "nowhere").exists()  # checking creates nothing
    (tmp_path / "a-file").write_text("not an index")
    in_the_way = SearchIndex(tmp_path / "a-file")
    assert in_the_way.problem() == "missing"
    assert in_the_way.rebuild(DOCS[:1]) == 1 and in_the_way.problem() is None
    in_the_way.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == [".a-file.lock", "a-file"]


def test_write_lock_left_by_a_killed_writer_does_not_block(fresh: SearchIndex) -> None:
    fresh.rebuild(DOCS[:1])
    fresh.close()
    # A real writer in another process, killed mid-write: its lock file stays behind.
    script = textwrap.dedent(f"""
        import sys, time
        from whoosh import index
        ix = index.open_dir({str(fresh.index_dir)!r})
        writer = ix.writer()
        writer.add_document(annotation_id="ghost", text="ghost", quote="ghost")
        print("locked", flush=True)
        time.sleep(60)
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True,
                            cwd=Path(__file__).resolve().parents[2])
    try:
        assert proc.stdout.readline().strip() == "locked"
    finally:
        os.kill(proc.pid, signal.SIGKILL if hasattr(signal, "SIGKILL") else signal.SIGTERM)
        proc.wait()
        proc.stdout.close()
    assert list(fresh.index_dir.glob("*WRITELOCK"))
    assert fresh.problem() is None
    fresh.apply(DOCS[1:2], [])
    assert fresh.doc_ids() == {"cambricon", "metax"}


def test_live_writer_is_reported_as_locked(fresh: SearchIndex, monkeypatch: pytest.MonkeyPatch) -> None:
    fresh.rebuild(DOCS[:1])
    monkeypatch.setattr(index_module, "_LOCK_WAIT_SECONDS", 0.05)
    from whoosh import index as windex

    other = windex.open_dir(str(fresh.index_dir)).writer()
    try:
        with pytest.raises(IndexLocked):
            fresh.apply(DOCS[1:2], [])
    finally:
        other.cancel()
    fresh.apply(DOCS[1:2], [])
    assert fresh.doc_ids() == {"cambricon", "metax"}


def test_importing_search_is_cheap() -> None:
    code = (
        "import sys, reader.core.search, reader.core.search.index;"
        "print(sorted(m for m in ('whoosh', 'snowballstemmer') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[2])
    assert out.stdout.strip() == "[]"


def test_a_second_reader_sees_a_rebuild_made_by_another_instance(tmp_path: Path) -> None:
    """The GUI searches through its own reader while a rebuild may run elsewhere; Whoosh's
    generation numbers restart on a rebuild, so up_to_date() alone would keep the old index."""
    folder = tmp_path / "index"
    writer = SearchIndex(folder)
    writer.rebuild([IndexDoc("a", ID_1, TITLE_1, "رقائق Nvidia", "", ["company"], 0, 1)])
    reader = SearchIndex(folder)
    assert [h.annotation_id for h in reader.search("quote:nvidia")] == ["a"]
    writer.rebuild([IndexDoc("b", ID_1, TITLE_1, "رقائق Huawei", "", ["company"], 0, 1)])
    assert [h.annotation_id for h in reader.search("huawei")] == ["b"]
    assert reader.search("quote:nvidia") == []
    writer.close()
    reader.close()


@pytest.mark.parametrize("query", ["(" * 2000 + "a" + ")" * 2000, "NOT " * 3000 + "a", "nvidia " * 400])
def test_pathological_queries_are_invalid_not_a_crash(index: SearchIndex, query: str) -> None:
    with pytest.raises(InvalidQuery):
        index.search(query)


def test_an_empty_index_has_no_ids_and_answers_searches(tmp_path: Path) -> None:
    index = SearchIndex(tmp_path / "index")
    index.rebuild([])
    assert index.problem() is None
    assert index.doc_ids() == set() and index.search("nvidia") == []
    index.close()


def test_two_rebuilds_at_once_run_one_after_the_other(tmp_path: Path) -> None:
    """Two processes (or the window's worker and a CLI) rebuilding the same index: the second
    waits for the first instead of deleting its half-built folder; a write meanwhile is refused
    as locked (its change stays in SQLite's journal) rather than lost in the swap."""
    import threading

    first, second = SearchIndex(tmp_path / "index"), SearchIndex(tmp_path / "index")
    first.rebuild(DOCS[:1])
    started, release = threading.Event(), threading.Event()

    def slow_docs():
        yield DOCS[1]
        started.set()
        assert release.wait(30)
        yield DOCS[2]

    errors: list[BaseException] = []

    def run(target, *args) -> threading.Thread:  # noqa: ANN001
        def body() -> None:
            try:
                target(*args)
            except BaseException as err:  # noqa: BLE001 - reported by the assertion below
                errors.append(err)

        thread = threading.Thread(target=body)
        thread.start()
        return thread

    slow = run(first.rebuild, slow_docs())
    assert started.wait(30)
    with pytest.raises(IndexLocked, match="rebuilt"):
        second.apply(DOCS[3:4], [])
    waiting = run(second.rebuild, DOCS[4:6])
    waiting.join(0.3)
    assert waiting.is_alive()  # blocked on the lock, not building beside the first
    release.set()
    slow.join(30)
    waiting.join(30)
    assert errors == []
    assert second.doc_ids() == {DOCS[4].annotation_id, DOCS[5].annotation_id}
    leftovers = sorted(p.name for p in tmp_path.iterdir())
    assert leftovers == [".index.lock", "index"]
    first.close()
    second.close()


def test_writes_share_the_rebuild_lock(tmp_path: Path) -> None:
    """The window's index worker and a CLI may write at the same moment: Whoosh's write lock
    orders them; the rebuild lock must not turn the second into 'being rebuilt'."""
    first, second = SearchIndex(tmp_path / "index"), SearchIndex(tmp_path / "index")
    first.rebuild(DOCS[:1])
    with first._rebuild_lock(exclusive=False):  # another writer in the middle of its write
        second.apply(DOCS[1:2], [])
    assert second.doc_ids() == {"cambricon", "metax"}
    first.close()
    second.close()


def test_a_lock_file_that_cannot_be_opened_is_replaced(tmp_path: Path) -> None:
    """Left by another user (`sudo hamish …`) or replaced by something else: nobody holds it."""
    index = SearchIndex(tmp_path / "index")
    index.rebuild(DOCS[:1])
    lock = tmp_path / ".index.lock"
    lock.unlink()
    lock.mkdir()  # what root cannot be refused: a folder where the lock file should be
    index.apply(DOCS[1:2], [])
    assert index.doc_ids() == {"cambricon", "metax"} and lock.is_file()
    index.close()


def test_a_rebuild_cancelled_at_its_last_report_keeps_the_old_index(fresh: SearchIndex) -> None:
    fresh.rebuild(DOCS[:1])

    class Cancelled(Exception):
        pass

    def cancel_at_the_end(count: int) -> None:
        if count == 3:
            raise Cancelled

    with pytest.raises(Cancelled):
        fresh.rebuild(DOCS[1:4], progress=cancel_at_the_end)  # fewer than 500: one report, the last
    assert fresh.problem() is None and fresh.doc_ids() == {"cambricon"}
