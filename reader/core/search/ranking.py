"""The best `limit` documents for the common query shapes, scored in bulk instead of one by one.

Whoosh scores a query by walking a tree of matchers one posting at a time, several Python
calls per posting: a word found in a third of 100,000 annotations (الصين) took 60–100 ms,
most of it in that walk. Almost every query typed into Hamish is words (each an OR of its
readings), optionally with `tag:`/`unit:` terms and NOT: for those shapes this module reads
each term's postings as arrays (`codec.ArrayLeafMatcher.block_arrays`), scores them with a
list comprehension, combines terms with dicts and sets, and keeps the best `limit`.

The scores are Whoosh's own — BM25F with Whoosh's idf, average field length, B and K1, length
bytes from the same column, sums like its union and intersection matchers, `AndNot` scored by
its positive side — and ties are broken the same way (lower document number first), so the
results are those of `searcher.search(q, limit=…, optimize=False)`; a test holds that on
random queries. Any other shape (phrases, prefixes, numeric ranges, `Every`, boosts) returns
None and the caller lets Whoosh run it.
"""
from __future__ import annotations

from bisect import bisect_left
from collections import OrderedDict
from heapq import nlargest
from operator import itemgetter
from typing import Any

from whoosh import query as wq
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.matching.wrappers import FilterMatcher
from whoosh.scoring import BM25F
from whoosh.util.numeric import byte_to_length

from reader.core.search.codec import ArrayLeafMatcher

_SCORE = itemgetter(1)


class _Unsupported(Exception):
    """The query has a shape this module leaves to Whoosh."""


def top_documents(searcher: Any, q: Any, limit: int) -> list[tuple[int, float]] | None:
    """[(docnum, score)] best first, as Whoosh would rank them; None for a shape left to Whoosh."""
    if type(searcher.weighting) is not BM25F or limit <= 0:
        return None
    try:
        scores = _Evaluator(searcher).node(q)
    except _Unsupported:
        return None
    if not scores:
        return []
    if len(scores) <= limit:
        ranked = list(scores.items())
    else:
        # The limit-th best score; everything at or above it is sorted with ties by docnum.
        floor = nlargest(limit, scores.values())[-1]
        ranked = [item for item in scores.items() if item[1] >= floor]
    ranked.sort(key=lambda item: (-item[1], item[0]))
    return ranked[:limit]


class _TermPostings:
    """One term's postings in every segment, ready to score all or some of them."""

    def __init__(self, evaluator: _Evaluator, fieldname: str, text: str) -> None:
        searcher = evaluator.searcher
        field = searcher.schema[fieldname] if fieldname in searcher.schema else None
        self.parts: list[tuple[int, Any, Any, Any, frozenset[int]]] = []
        self.size = 0
        if field is None:
            return
        try:
            tbytes = field.to_bytes(text)
        except ValueError:
            return
        self.scorable = field.scorable
        for reader, offset in evaluator.leaves:
            if (fieldname, tbytes) not in reader:
                continue
            matcher = reader.postings(fieldname, tbytes)
            if isinstance(matcher, FilterMatcher):
                matcher = matcher.child  # deletions are applied below, in bulk
            if not isinstance(matcher, ArrayLeafMatcher):
                raise _Unsupported  # an index written by another codec
            ids, weights = matcher.block_arrays()
            lengths = evaluator.lengths(reader, fieldname) if self.scorable else None
            deleted = _deleted(reader)
            self.parts.append((offset, ids, weights, lengths, deleted))
            self.size += len(ids)
        if self.parts and self.scorable:  # (Whoosh's idf is undefined for a term in no segment)
            weighting = searcher.weighting
            avgfl = searcher.avg_field_length(fieldname) or 1
            B = weighting._field_B.get(fieldname, weighting.B)  # noqa: SLF001 - as BM25F.scorer reads it
            K1 = weighting.K1
            idf = searcher.idf(fieldname, tbytes)
            k1p = K1 + 1
            # bm25(idf, tf, fl, avgfl, B, K1) from whoosh.scoring, operation for operation.
            self.norm = [K1 * ((1 - B) + B * byte_to_length(b) / avgfl) for b in range(256)]
            self.idf, self.k1p = idf, k1p
            self.score_tf1 = [idf * ((1.0 * k1p) / (1.0 + n)) for n in self.norm]

    def _scores(self, ids: Any, weights: Any, lengths: Any) -> list[float]:
        if not self.scorable:
            return [float(w) for w in weights]
        if weights.count(1.0) == len(weights):
            table = self.score_tf1
            return [table[lengths[d]] for d in ids]
        norm, idf, k1p = self.norm, self.idf, self.k1p
        return [idf * ((w * k1p) / (w + norm[lengths[d]])) for d, w in zip(ids, weights)]

    def all(self) -> dict[int, float]:
        out: dict[int, float] = {}
        for offset, ids, weights, lengths, deleted in self.parts:
            scores = self._scores(ids, weights, lengths)
            if offset:
                out.update(zip([d + offset for d in ids], scores))
            else:
                out.update(zip(ids, scores))
            for d in deleted:
                out.pop(d + offset, None)
        return out

    def some(self, docnums: Any) -> dict[int, float]:
        """Scores of those of `docnums` (global) this term matches."""
        out: dict[int, float] = {}
        if not self.parts:
            return out
        for offset, ids, weights, lengths, deleted in self.parts:
            n = len(ids)
            if not n:
                continue
            low, high = offset + ids[0], offset + ids[-1]
            for g in docnums:
                if g < low or g > high:
                    continue
                d = g - offset
                i = bisect_left(ids, d)
                if i < n and ids[i] == d and d not in deleted:
                    w = weights[i]
                    if not self.scorable:
                        out[g] = float(w)
                    else:
                        out[g] = self.idf * ((w * self.k1p) / (w + self.norm[lengths[d]]))
        return out


class _Evaluator:
    def __init__(self, searcher: Any) -> None:
        self.searcher = searcher
        self.leaves = searcher.reader().leaf_readers()

    def lengths(self, reader: Any, fieldname: str) -> bytes:
        return _field_lengths(reader, fieldname)

    # Each node is a dict {global docnum: score}; a Term or an Or of Terms can also score only
    # given documents (`_lazy`), which is how an AND of a frequent and a rare word stays cheap.

    def node(self, q: Any) -> dict[int, float]:
        if getattr(q, "boost", 1.0) != 1.0:
            raise _Unsupported
        kind = type(q)
        if kind is wq.Term:
            return _TermPostings(self, q.fieldname, q.text).all()
        if kind is wq.Or:
            if getattr(q, "minmatch", 0) or getattr(q, "scale", None) is not None:
                raise _Unsupported
            return self._union([self.node(sub) for sub in q.subqueries])
        if kind is wq.And:
            return self._intersection(list(q.subqueries))
        if kind is wq.AndNot:
            found = self.node(q.a) if type(q.a) is not wq.And else self._intersection(list(q.a.subqueries))
            if found:
                self._remove(found, q.b)
            return found
        raise _Unsupported

    def _lazy(self, q: Any) -> list[_TermPostings] | None:
        """The postings of a Term, or of an Or of plain Terms; None for anything else."""
        if getattr(q, "boost", 1.0) != 1.0:
            return None
        if type(q) is wq.Term:
            return [_TermPostings(self, q.fieldname, q.text)]
        if (type(q) is wq.Or and not getattr(q, "minmatch", 0) and getattr(q, "scale", None) is None
                and all(type(s) is wq.Term and s.boost == 1.0 for s in q.subqueries)):
            return [_TermPostings(self, s.fieldname, s.text) for s in q.subqueries]
        return None

    @staticmethod
    def _union(parts: list[dict[int, float]]) -> dict[int, float]:
        parts = [p for p in parts if p]
        if not parts:
            return {}
        parts.sort(key=len, reverse=True)
        out = dict(parts[0])
        for part in parts[1:]:
            for d, s in part.items():
                out[d] = out[d] + s if d in out else s
        return out

    def _intersection(self, subqueries: list[Any]) -> dict[int, float]:
        lazy: list[tuple[int, list[_TermPostings]]] = []
        eager: list[dict[int, float]] = []
        for sub in subqueries:
            terms = self._lazy(sub)
            if terms is None:
                eager.append(self.node(sub))
            else:
                lazy.append((sum(t.size for t in terms), terms))
        lazy.sort(key=itemgetter(0))
        if eager:
            eager.sort(key=len)
            found = dict(eager[0])
            for part in eager[1:]:
                found = {d: s + part[d] for d, s in found.items() if d in part}
        elif lazy:
            found = self._union([t.all() for t in lazy.pop(0)[1]])
        else:
            return {}
        for _, terms in lazy:
            if not found:
                break
            extra = self._union([t.some(found) for t in terms])
            found = {d: s + extra[d] for d, s in found.items() if d in extra}
        return found

    def _remove(self, found: dict[int, float], q: Any) -> None:
        terms = self._lazy(q)
        if terms is not None:
            gone: Any = set()
            for term in terms:
                gone.update(term.some(found))
        else:
            gone = self.node(q)
        for d in gone:
            found.pop(d, None)


def _deleted(reader: Any) -> frozenset[int]:
    if not reader.has_deletions():
        return frozenset()
    deleted = reader.deleted_docs_set  # a cached property on a SegmentReader
    return frozenset(deleted() if callable(deleted) else deleted)


# Length bytes per (segment, field): a segment never changes once written, so they are read once.
_LENGTHS: OrderedDict[tuple[str, str], bytes] = OrderedDict()
_LENGTHS_KEPT = 32


def _field_lengths(reader: Any, fieldname: str) -> bytes:
    """The length byte of every document of `reader` in `fieldname` (0 = no terms)."""
    segment = reader.segment()
    key = (segment.segment_id(), fieldname)
    cached = _LENGTHS.get(key)
    if cached is not None:
        _LENGTHS.move_to_end(key)
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
    _LENGTHS[key] = raw
    while len(_LENGTHS) > _LENGTHS_KEPT:
        _LENGTHS.popitem(last=False)
    return raw
