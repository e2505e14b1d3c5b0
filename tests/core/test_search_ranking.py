"""The array codec, the bulk writer and the bulk ranker: the same index and answers as Whoosh's own.

Oracle: the same documents indexed with Whoosh's W3 codec, and Whoosh's exhaustive search
(`limit=None`, every match scored and sorted). Documents are built from the sample article's
words with repeats (weights above 1), tags, notes, deletions and several segments, so a frequent
word spans many 128-posting blocks.
"""
from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from whoosh import index as windex
from whoosh.codec.whoosh3 import W3Codec

from reader.core.models import IndexDoc
from reader.core.resources import sample_article_path
from reader.core.search import SearchIndex
from reader.core.search.bulk import BulkWriter
from reader.core.search.codec import ArrayLeafMatcher, HamishCodec
from reader.core.search.query import compile_query, parse
from reader.core.search.ranking import top_documents
from reader.core.search.schema import build_schema, document_fields

SAMPLE = sample_article_path().read_text(encoding="utf-8")
WORDS = re.findall(r"\w+", SAMPLE)
FREQUENT = ["الصين", "الرقائق", "Nvidia", "بكين", "الشركات"]
TAGS = ["company", "figure", "quote", "person", "china-tech"]


def make_docs(count: int, seed: int) -> list[IndexDoc]:
    rng = random.Random(seed)
    docs = []
    for n in range(count):
        words = rng.choices(WORDS, k=rng.randint(3, 25))
        if rng.random() < 0.5:
            words.append(rng.choice(FREQUENT))
        if rng.random() < 0.2:  # a word twice: a weight above 1
            words += [rng.choice(FREQUENT)] * 2
        note = " ".join(rng.choices(WORDS, k=rng.randint(0, 6)))
        tags = rng.sample(TAGS, k=rng.randint(0, 2))
        quote = " ".join(words)
        extra: dict = {}
        if rng.random() < 0.1:  # a figure, sometimes a range
            value = rng.choice([15.0, 8.2e9, 1e6, -3.5])
            extra = {"value": value, "value_high": value * 2 if rng.random() < 0.3 else None,
                     "unit": rng.choice(["USD", "%", None])}
        elif rng.random() < 0.1:
            extra = {"company": rng.choice(["Nvidia", "Huawei Technologies", "علي بابا"])}
        docs.append(IndexDoc(f"a{n:05d}", f"art{n % 7}", f"عنوان {rng.choice(WORDS)} {n % 7}", quote,
                             note, tags, n, n + len(quote), **extra))
    return docs


DOCS = make_docs(900, seed=7)


@pytest.fixture(scope="module")
def hamish(tmp_path_factory: pytest.TempPathFactory) -> SearchIndex:
    """Rebuilt, then changed twice: updated and deleted documents, three segments."""
    index = SearchIndex(tmp_path_factory.mktemp("ranking") / "index")
    index.rebuild(DOCS[:800])
    index.apply(DOCS[800:850] + make_docs(30, seed=8)[:30], deletes=[f"a{n:05d}" for n in range(0, 800, 9)])
    index.apply(DOCS[850:], deletes=["a00001", "a00802"])
    yield index
    index.close()


@pytest.fixture(scope="module")
def plain_w3(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    """The rebuilt documents indexed with Whoosh's own codec."""
    folder = tmp_path_factory.mktemp("w3")
    ix = windex.create_in(str(folder), build_schema())
    writer = ix.writer(codec=W3Codec())
    for doc in DOCS[:800]:
        writer.add_document(**document_fields(doc))
    writer.commit()
    yield ix
    ix.close()


def test_every_posting_list_reads_back_as_whoosh_wrote_it(tmp_path: Path, plain_w3) -> None:  # noqa: ANN001
    ix = windex.create_in(str(tmp_path), build_schema())
    writer = ix.writer(codec=HamishCodec())
    for doc in DOCS[:800]:
        writer.add_document(**document_fields(doc))
    writer.commit()
    compared = 0
    with ix.reader() as mine, plain_w3.reader() as theirs:
        assert list(mine.all_terms()) == list(theirs.all_terms())
        for fieldname, tbytes in theirs.all_terms():
            a, b = mine.postings(fieldname, tbytes), theirs.postings(fieldname, tbytes)
            assert isinstance(a, ArrayLeafMatcher) and not isinstance(b, ArrayLeafMatcher)
            assert list(a.all_items()) == list(b.all_items()), (fieldname, tbytes)  # ids and values
            a, b = mine.postings(fieldname, tbytes), theirs.postings(fieldname, tbytes)
            weights_a, weights_b = [], []
            while a.is_active():
                weights_a.append(a.weight())
                a.next()
            while b.is_active():
                weights_b.append(b.weight())
                b.next()
            assert weights_a == weights_b
            compared += 1
    assert compared > 1000


def test_all_postings_and_skip_to_agree_with_stepping(tmp_path: Path) -> None:
    from array import array

    from reader.core.search.analyzer import word_terms

    ix = _write(tmp_path / "index", DOCS[:800], chunk_docs=10_000)
    reader = ix.reader()
    tbytes = word_terms("الصين")[0].encode()
    matcher = reader.postings("text", tbytes)
    assert isinstance(matcher, ArrayLeafMatcher)
    stepped = []
    while matcher.is_active():
        stepped.append((matcher.id(), matcher.weight()))
        matcher.next()
    assert len(stepped) > 2 * 128  # several blocks
    id_bytes, weight_bytes = reader.postings("text", tbytes).all_postings()
    assert list(array("I", id_bytes)) == [d for d, _ in stepped]
    assert weight_bytes is not None  # some documents repeat the word
    assert list(array("f", weight_bytes)) == [w for _, w in stepped]
    rng = random.Random(3)
    all_ids = [d for d, _ in stepped]
    for _ in range(200):
        matcher = reader.postings("text", tbytes)
        target = rng.randint(0, all_ids[-1])
        matcher.skip_to(target)
        assert matcher.id() == min(d for d in all_ids if d >= target)
    reader.close()


def _oracle(searcher, q, limit: int) -> list[tuple[int, float]]:  # noqa: ANN001
    # Exhaustive: Whoosh's limited search can miss a document (an AND of an OR drops matches
    # when its matcher tree is replaced mid-way), so every match is scored and sorted. And
    # Whoosh's AndNot lets through documents its NOT side matches once an index has several
    # segments and deletions (test_not_excludes_every_match_across_segments), so the oracle
    # subtracts the NOT side's matches itself.
    from whoosh.query import AndNot

    if isinstance(q, AndNot):
        gone = {hit.docnum for hit in searcher.search(q.b, limit=None)}
        return [hit for hit in _oracle(searcher, q.a, 10**9) if hit[0] not in gone][:limit]
    hits = [(hit.docnum, hit.score) for hit in searcher.search(q, limit=None)]
    hits.sort(key=lambda h: (-h[1], h[0]))
    return hits[:limit]


def _same_ranking(mine: list[tuple[int, float]], theirs: list[tuple[int, float]]) -> None:
    assert len(mine) == len(theirs)
    for (doc_a, score_a), (doc_b, score_b) in zip(mine, theirs):
        assert score_a == pytest.approx(score_b, rel=1e-9)
        if doc_a != doc_b:  # only a tie (to the last bits of a float sum) may swap two documents
            assert abs(score_a - score_b) <= 1e-9 * abs(score_b)


QUERIES = [
    "الصين", "Nvidia", "بكين", "الرقائق الصين", "tag:company الصين", "الصين -tag:company",
    "-الصين tag:figure", "بكين OR Nvidia", "Nvidia الصين OR بكين", "tag:quote", "tag:company tag:figure",
    "note:الصين", "quote:Nvidia الشركات", "الصين -بكين -Nvidia", "article:art3 الصين", "(الصين OR بكين) -tag:person",
]


@pytest.mark.parametrize("query", QUERIES)
def test_bulk_ranking_is_whooshs_exhaustive_ranking(hamish: SearchIndex, query: str) -> None:
    searcher = hamish._require_searcher()
    assert len(searcher.reader().leaf_readers()) >= 2 and searcher.reader().has_deletions()
    q = compile_query(parse(query)).query
    for limit in (1, 20, 1000):
        mine = top_documents(searcher, q, limit)
        assert mine is not None, query
        _same_ranking(mine, _oracle(searcher, q, limit))
    assert top_documents(searcher, q, 1000), f"{query} should find something in this library"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    words=st.lists(st.sampled_from(FREQUENT + WORDS[:300]), min_size=1, max_size=3),
    tag=st.sampled_from([None, *TAGS]),
    negate=st.booleans(),
    either=st.booleans(),
)
def test_bulk_ranking_matches_whoosh_on_random_queries(hamish: SearchIndex, words, tag, negate, either) -> None:  # noqa: ANN001
    parts = list(words)
    if either and len(parts) >= 2:
        parts = [parts[0], "OR", *parts[1:]]
    if tag:
        parts.append(f"{'-' if negate else ''}tag:{tag}")
    node = parse(" ".join(parts))
    q = compile_query(node).query if node is not None else None
    if q is None:
        return
    searcher = hamish._require_searcher()
    mine = top_documents(searcher, q, 20)
    if mine is None:  # a stop-words-only part became Every: left to Whoosh
        return
    _same_ranking(mine, _oracle(searcher, q, 20))


@pytest.mark.parametrize("query", ['"الرقائق الصينية"', "الصين*", "value:>1000", "-الصين",
                                   'الصين -"الرقائق الصينية"', "tag:figure value:>1000", "الصين OR -بكين"])
def test_phrases_prefixes_ranges_and_not_alone_are_ranked_too(hamish: SearchIndex, query: str) -> None:
    # Whoosh matches those nodes on their own; the arrays combine them.
    searcher = hamish._require_searcher()
    q = compile_query(parse(query)).query
    mine = top_documents(searcher, q, 30)
    assert mine, query
    _same_ranking(mine, _oracle(searcher, q, 30))


def test_not_of_a_phrase_or_prefix_excludes_what_it_matches(tmp_path: Path) -> None:
    # Whoosh's AndNotMatcher returned d1 here: the NOT side's first match (d0) came first.
    def made(n: int, quote: str, tags: tuple[str, ...] = ()) -> IndexDoc:
        return IndexDoc(f"d{n}", "art", "عنوان", quote, "", list(tags), 0, len(quote))

    index = SearchIndex(tmp_path / "index")
    index.rebuild([made(0, "بكين الرقائق"), made(1, "الصين بكين الرقائق"), made(2, "الصين تايوان"),
                   made(3, "نص آخر", ("figure",)), made(4, "الصين", ("figure",))])
    for query, expected in [('الصين -"بكين الرقائق"', {"d2", "d4"}), ("الصين -بكين*", {"d2", "d4"}),
                            ('الصين -quote:"بكين الرقائق"', {"d2", "d4"}), ("الصين -بكين", {"d2", "d4"}),
                            ("تايوان OR الصين -tag:fig*", {"d1", "d2"})]:
        assert {h.annotation_id for h in index.search(query)} == expected, query
    index.close()


def test_a_seeded_random_does_not_mix_up_two_indexes(tmp_path: Path) -> None:
    # Whoosh names segments from the global `random`: two indexes built after the same seed
    # get the same segment ids, and a cache keyed by them scored one with the other's lengths.
    first, second = SearchIndex(tmp_path / "one" / "index"), SearchIndex(tmp_path / "two" / "index")
    random.seed(5)
    first.rebuild(make_docs(150, seed=21))
    random.seed(5)
    second.rebuild(make_docs(400, seed=22))
    for index in (first, second):
        searcher = index._require_searcher()
        q = compile_query(parse("الصين")).query
        _same_ranking(top_documents(searcher, q, 50), _oracle(searcher, q, 50))
        index.close()


def test_search_returns_the_bulk_ranking_with_stored_fields(hamish: SearchIndex) -> None:
    searcher = hamish._require_searcher()
    q = compile_query(parse("الصين tag:company")).query
    expected = [searcher.stored_fields(d)["annotation_id"] for d, _ in _oracle(searcher, q, 15)]
    hits = hamish.search("الصين tag:company", limit=15)
    assert [h.annotation_id for h in hits] == expected
    deleted = {f"a{n:05d}" for n in range(0, 800, 9)} | {"a00001", "a00802"}
    assert not deleted & {h.annotation_id for h in hamish.search("الصين", limit=1000)}


def test_not_excludes_every_match_across_segments(hamish: SearchIndex) -> None:
    # Whoosh's own AndNot let tagged documents through here (a00852 with an earlier seed).
    for tag in TAGS:
        for query in (f"الصين -tag:{tag}", f"Nvidia OR بكين -tag:{tag}"):
            hits = hamish.search(query, limit=1000)
            assert hits and not [h.annotation_id for h in hits if tag in h.tags], query


def _write(folder: Path, docs: list[IndexDoc], chunk_docs: int | None):  # noqa: ANN202
    """`docs` indexed by BulkWriter (chunk_docs per segment), or by Whoosh's add_document (None)."""
    folder.mkdir()
    ix = windex.create_in(str(folder), build_schema())
    if chunk_docs is None:
        writer = ix.writer(codec=HamishCodec())
        for doc in docs:
            writer.add_document(**document_fields(doc))
        writer.commit()
    else:
        bulk = BulkWriter(ix, HamishCodec(), chunk_docs=chunk_docs)
        for doc in docs:
            bulk.add(document_fields(doc))
        bulk.commit()
    return ix


def _blocks(matcher) -> list[tuple]:  # noqa: ANN001
    out = []
    while True:
        out.append((matcher._blocklength, matcher._maxid, matcher._maxweight, matcher._minlength,
                    matcher._maxlength))
        if matcher._lastblock:
            return out
        matcher._goto(matcher._nextoffset)


def _same_documents(mine, theirs, fields: list[str]) -> None:  # noqa: ANN001
    assert mine.doc_count_all() == theirs.doc_count_all()
    id_a, id_b = mine.column_reader("annotation_id"), theirs.column_reader("annotation_id")
    for docnum in range(theirs.doc_count_all()):
        assert mine.stored_fields(docnum) == theirs.stored_fields(docnum)
        assert id_a[docnum] == id_b[docnum]
        for fieldname in fields:
            assert mine.doc_field_length(docnum, fieldname) == theirs.doc_field_length(docnum, fieldname)


def test_bulk_writer_writes_what_add_document_writes(tmp_path: Path) -> None:
    docs = make_docs(700, seed=11)
    assert any(d.value is not None for d in docs) and any(d.company for d in docs)
    theirs_ix = _write(tmp_path / "whoosh", docs, None)
    mine_ix = _write(tmp_path / "bulk", docs, 10_000)
    scorable = [name for name in build_schema().names() if build_schema()[name].scorable]
    compared = 0
    with mine_ix.reader() as mine, theirs_ix.reader() as theirs:
        assert list(mine.all_terms()) == list(theirs.all_terms())
        for fieldname, tbytes in theirs.all_terms():
            a, b = mine.term_info(fieldname, tbytes), theirs.term_info(fieldname, tbytes)
            assert (a.doc_frequency(), a.weight(), a.min_length(), a.max_length(), a.max_weight(),
                    a.min_id(), a.max_id()) == (b.doc_frequency(), b.weight(), b.min_length(),
                                                b.max_length(), b.max_weight(), b.min_id(), b.max_id())
            a, b = mine.postings(fieldname, tbytes), theirs.postings(fieldname, tbytes)
            assert _blocks(a) == _blocks(b), (fieldname, tbytes)
            a, b = mine.postings(fieldname, tbytes), theirs.postings(fieldname, tbytes)
            assert list(a.all_items()) == list(b.all_items())  # ids and positions
            assert a.all_postings() == b.all_postings()  # ids and weights
            compared += 1
        assert compared > 1000
        _same_documents(mine, theirs, scorable)


def test_bulk_writer_cuts_a_segment_every_chunk(tmp_path: Path) -> None:
    docs = make_docs(700, seed=12)
    theirs_ix = _write(tmp_path / "whoosh", docs, None)
    mine_ix = _write(tmp_path / "bulk", docs, 250)
    assert [s.doc_count_all() for s in mine_ix._segments()] == [250, 250, 200]
    scorable = [name for name in build_schema().names() if build_schema()[name].scorable]
    with mine_ix.searcher() as mine, theirs_ix.searcher() as theirs:
        for fieldname, tbytes in theirs.reader().all_terms():
            a = mine.reader().postings(fieldname, tbytes)
            b = theirs.reader().postings(fieldname, tbytes)
            assert list(a.all_items()) == list(b.all_items())
        _same_documents(mine.reader(), theirs.reader(), scorable)
        for query in ("الصين tag:company", "Nvidia OR بكين", '"الرقائق الصينية"', "value:>1000", "unit:usd"):
            q = compile_query(parse(query)).query
            assert ([h["annotation_id"] for h in mine.search(q, limit=None)]
                    == [h["annotation_id"] for h in theirs.search(q, limit=None)])


def test_a_failed_bulk_write_leaves_no_segment(tmp_path: Path) -> None:
    ix = windex.create_in(str(tmp_path), build_schema())
    bulk = BulkWriter(ix, HamishCodec(), chunk_docs=100)
    for doc in make_docs(150, seed=13):
        bulk.add(document_fields(doc))
    bulk.cancel()  # the first 100 were committed as a segment; the next 50 are dropped
    assert ix.doc_count_all() == 100
    ix.writer().cancel()  # the write lock was released (a held lock raises LockError here)


def test_two_in_memory_builds_at_once_do_not_share_scratch_files() -> None:
    from reader.core.search.bulk import MemoryStorage

    first = MemoryStorage().create_index(build_schema())
    second = MemoryStorage().create_index(build_schema())
    writer = BulkWriter(first, HamishCodec())
    for doc in DOCS[:50]:
        writer.add(document_fields(doc))
    other = BulkWriter(second, HamishCodec())  # RamStorage's shared /tmp/MAIN.tmp was emptied here
    for doc in DOCS[50:80]:
        other.add(document_fields(doc))
    other.commit()
    writer.commit()
    assert (first.doc_count_all(), second.doc_count_all()) == (50, 30)


def test_a_schema_the_bulk_writer_refuses_leaves_the_index_unlocked(tmp_path: Path) -> None:
    from whoosh.fields import TEXT, Schema

    ix = windex.create_in(str(tmp_path), Schema(body=TEXT(vector=True)))
    with pytest.raises(ValueError, match="vectors"):
        BulkWriter(ix, HamishCodec())
    ix.writer(timeout=0.2).cancel()  # LockError if the refused writer had kept the lock
