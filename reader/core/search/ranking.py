"""The best `limit` documents for the common query shapes, scored as arrays instead of one by one.

Whoosh scores a query by walking a tree of matchers one posting at a time, several Python
calls per posting: a word found in a third of 100,000 annotations (الصين) took 60–100 ms,
most of it in that walk. Almost every query typed into Hamish is words (each an OR of its
readings), optionally with `tag:`/`unit:` terms and NOT. For those shapes this module reads each
term's postings in one go (`codec.ArrayLeafMatcher.all_postings`) into numpy arrays, scores them
with array arithmetic, and combines terms with sorted-array unions, intersections and
differences, so the cost per posting is a few nanoseconds of C instead of microseconds of Python.

The scores are Whoosh's own — BM25F with Whoosh's idf, average field length, B and K1, length
bytes from the same column, the same float64 operations per term, sums like its union and
intersection matchers (three or more parts may be added in another order: the last bit can
differ), `AndNot` scored by its positive side — and ties are broken the same way (lower
document number first), so the results are Whoosh's exhaustive ranking; a test holds that on
random queries. Any other node (a phrase, a prefix, a numeric range, NOT inside an OR) is
matched by Whoosh on its own, exhaustively, and its documents and scores join the arrays.

Two Whoosh defects this avoids: its `AndNotMatcher` lets through a document the NOT side
matches when that side's first match comes before the positive side's (`الصين -"بكين الرقائق"`
returned a quote holding "بكين الرقائق"), and a limited search can drop better documents when
the collector replaces the matcher tree part-way (seen with a three-way OR). Here NOT is a set
difference and every match is scored before the best are taken.
"""
from __future__ import annotations

from typing import Any

import numpy as np
from whoosh import query as wq
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.matching.wrappers import FilterMatcher
from whoosh.scoring import BM25F
from whoosh.util.numeric import byte_to_length

from reader.core.search.codec import ArrayLeafMatcher

# Document numbers and scores of the documents a (sub)query matches, ascending by document.
_Scored = tuple[np.ndarray, np.ndarray]
_EMPTY: _Scored = (np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float64))


class _Unsupported(Exception):
    """The query has a shape this module leaves to Whoosh."""


def top_documents(searcher: Any, q: Any, limit: int) -> list[tuple[int, float]] | None:
    """[(docnum, score)] best first, as Whoosh's exhaustive search ranks them; None when the
    searcher does not score with BM25F or reads an index of another codec (left to Whoosh)."""
    if type(searcher.weighting) is not BM25F or limit <= 0:
        return None
    try:
        docs, scores = _Evaluator(searcher).node(q)
    except _Unsupported:
        return None
    n = len(docs)
    if n > limit:
        # Everything scoring at least the limit-th best, then sorted with ties by docnum.
        floor = np.partition(scores, n - limit)[n - limit]
        keep = scores >= floor
        docs, scores = docs[keep], scores[keep]
    order = np.lexsort((docs, -scores))[:limit]
    return [(int(d), float(s)) for d, s in zip(docs[order].tolist(), scores[order].tolist())]


class _Evaluator:
    def __init__(self, searcher: Any) -> None:
        self.searcher = searcher
        self.leaves = searcher.reader().leaf_readers()

    def node(self, q: Any) -> _Scored:
        kind = type(q)
        if getattr(q, "boost", 1.0) != 1.0:
            return self.whoosh(q)
        if kind is wq.Term:
            return self.term(q.fieldname, q.text)
        if kind is wq.Every and q.fieldname in (None, "", "*"):
            return self.every()
        if kind is wq.Or:
            if getattr(q, "minmatch", 0) or getattr(q, "scale", None) is not None:
                return self.whoosh(q)
            return _union([self.node(sub) for sub in q.subqueries])
        if kind is wq.And:
            parts = sorted((self.node(sub) for sub in q.subqueries), key=lambda p: len(p[0]))
            found = parts[0] if parts else _EMPTY
            for part in parts[1:]:
                found = _intersection(found, part)
            return found
        if kind is wq.AndNot:
            found = self.node(q.a)
            if len(found[0]):
                gone = self.node(q.b)[0]
                keep = ~np.isin(found[0], gone, assume_unique=True)
                found = (found[0][keep], found[1][keep])
            return found
        return self.whoosh(q)

    def whoosh(self, q: Any) -> _Scored:
        """A node this module does not evaluate itself, matched and scored by Whoosh, every match."""
        results = self.searcher.search(q, limit=None)
        if not results.top_n:
            return _EMPTY
        pairs = sorted((docnum, score) for score, docnum in results.top_n)
        docs = np.fromiter((d for d, _ in pairs), dtype=np.int64, count=len(pairs))
        scores = np.fromiter((s for _, s in pairs), dtype=np.float64, count=len(pairs))
        return docs, scores

    def every(self) -> _Scored:
        """Every live document, each scored 1.0 (Whoosh's `Every`)."""
        docs = []
        for reader, offset in self.leaves:
            ids = np.arange(reader.doc_count_all(), dtype=np.int64)
            if reader.has_deletions():
                ids = ids[~np.isin(ids, _deleted(reader), assume_unique=True)]
            docs.append(ids + offset)
        found = np.concatenate(docs) if docs else _EMPTY[0]
        return found, np.ones(len(found))

    def term(self, fieldname: str, text: str) -> _Scored:
        searcher = self.searcher
        if fieldname not in searcher.schema:
            return _EMPTY
        field = searcher.schema[fieldname]
        try:
            tbytes = field.to_bytes(text)
        except ValueError:
            return _EMPTY
        found: list[tuple[np.ndarray, np.ndarray, Any]] = []
        for reader, offset in self.leaves:
            if (fieldname, tbytes) not in reader:
                continue
            matcher = reader.postings(fieldname, tbytes)
            if isinstance(matcher, FilterMatcher):
                matcher = matcher.child  # deletions are applied below, in bulk
            if not isinstance(matcher, ArrayLeafMatcher):
                raise _Unsupported  # an index written by another codec
            id_bytes, weight_bytes = matcher.all_postings()
            ids = np.frombuffer(id_bytes, dtype="<u4").astype(np.int64)
            weights = None if weight_bytes is None else np.frombuffer(weight_bytes, dtype="<f4").astype(np.float64)
            if reader.has_deletions():
                keep = ~np.isin(ids, _deleted(reader), assume_unique=True)
                ids = ids[keep]
                weights = None if weights is None else weights[keep]
            found.append((ids, weights, (reader, offset)))
        if not found:
            return _EMPTY  # (and Whoosh's idf is undefined for a term in no segment)
        docs, scores = [], []
        if field.scorable:
            weighting = searcher.weighting
            avgfl = searcher.avg_field_length(fieldname) or 1
            B = weighting._field_B.get(fieldname, weighting.B)  # noqa: SLF001 - as BM25F.scorer reads it
            K1 = weighting.K1
            idf = searcher.idf(fieldname, tbytes)
            # bm25(idf, tf, fl, avgfl, B, K1) of whoosh.scoring, operation for operation in float64.
            norm = np.array([K1 * ((1 - B) + B * byte_to_length(b) / avgfl) for b in range(256)])
            score_tf1 = np.array([idf * ((1.0 * (K1 + 1)) / (1.0 + n)) for n in norm.tolist()])
            for ids, weights, (reader, offset) in found:
                lengths = _field_lengths(reader, fieldname)[ids]
                if weights is None:
                    scores.append(score_tf1[lengths])
                else:
                    scores.append(idf * ((weights * (K1 + 1)) / (weights + norm[lengths])))
                docs.append(ids + offset)
        else:  # Whoosh scores a term of an unscored field (ID) by its weight
            for ids, weights, (_reader, offset) in found:
                scores.append(np.ones(len(ids)) if weights is None else weights)
                docs.append(ids + offset)
        if len(docs) == 1:
            return docs[0], scores[0]
        return np.concatenate(docs), np.concatenate(scores)


def _union(parts: list[_Scored]) -> _Scored:
    """Documents matching any part, each scored by the sum of the parts it matches."""
    parts = [p for p in parts if len(p[0])]
    if not parts:
        return _EMPTY
    if len(parts) == 1:
        return parts[0]
    docs, where = np.unique(np.concatenate([p[0] for p in parts]), return_inverse=True)
    return docs, np.bincount(where, weights=np.concatenate([p[1] for p in parts]), minlength=len(docs))


def _intersection(a: _Scored, b: _Scored) -> _Scored:
    """Documents matching both, scored by the sum; `a` is the smaller."""
    if not len(a[0]) or not len(b[0]):
        return _EMPTY
    at = np.searchsorted(b[0], a[0])
    at[at == len(b[0])] = 0
    hit = b[0][at] == a[0]
    return a[0][hit], a[1][hit] + b[1][at[hit]]


def _deleted(reader: Any) -> np.ndarray:
    """The deleted document numbers of a segment reader, sorted (kept on the reader: a reader
    sees one state of its segment for its whole life)."""
    cached = getattr(reader, "_hamish_deleted", None)
    if cached is None:
        deleted = reader.deleted_docs_set  # a cached property on a SegmentReader
        deleted = deleted() if callable(deleted) else deleted
        cached = np.fromiter(sorted(deleted), dtype=np.int64, count=len(deleted))
        reader._hamish_deleted = cached
    return cached


def _field_lengths(reader: Any, fieldname: str) -> np.ndarray:
    """The length byte of every document of `reader` in `fieldname` (0 = no terms), kept on the
    reader. (Not in a global cache keyed by segment id: Whoosh draws those ids from the global
    `random`, so a seeded `random` repeats them.)"""
    cache = reader.__dict__.setdefault("_hamish_lengths", {})
    cached = cache.get(fieldname)
    if cached is not None:
        return cached
    doccount = reader.doc_count_all()
    column = reader._perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)  # noqa: SLF001
    if column is None:
        raw = bytes(doccount)
    elif hasattr(column, "_dbfile") and getattr(column, "_fixedlen", None) == 1:
        # The column's bytes as written: one byte a document, the tail of zeros left out.
        count = min(column._count, doccount)  # noqa: SLF001
        raw = bytes(column._dbfile.get(column._basepos, count)) + bytes(doccount - count)  # noqa: SLF001
    else:  # pragma: no cover - another column layout: read it value by value
        raw = bytes(column[d] for d in range(doccount))
    cache[fieldname] = lengths = np.frombuffer(raw, dtype=np.uint8)
    return lengths
