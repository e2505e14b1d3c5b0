"""Writing many documents at once (a rebuild): Whoosh's segment files, without its per-posting path.

`SegmentWriter.add_document` hands every posting to a sorting pool as a tuple (spilled to disk and
merged back past its memory limit), re-runs the tokenizer through Whoosh's token protocol, and at
commit looks each posting's field length up again in the column it has just written: about 1,000
annotations a second at 100,000, half of it in the commit. `BulkWriter` writes the same files:

* the text fields' postings come straight from the analysed words (`schema._analyzed`, cached per
  quote, note and title) with positions encoded by the field's own format; every other field
  still goes through `field.index`, as in `add_document`;
* postings are grouped by term as they arrive (arrays of document numbers, weights and lengths),
  so the commit writes each term's blocks at once (`codec._ArrayPostingsWriter.add_many`);
* every `CHUNK_DOCS` documents the segment is committed and a new one begun, which bounds the
  memory to one chunk's postings (≈70 MB) at any library size.

Stored fields, lengths, columns and the per-document writer are Whoosh's own calls, in the same
order as `add_document`. A test writes the same documents both ways and compares every term,
posting, weight, position, statistic, stored field, length and column.
"""
from __future__ import annotations

from array import array
from functools import lru_cache
from typing import Any

from whoosh.analysis import IDTokenizer
from whoosh.fields import ID
from whoosh.formats import Existence, Positions
from whoosh.writing import SegmentWriter

from reader.core.search.codec import _UINT32
from reader.core.search.schema import _PART_GAP, PART_SEPARATOR, ArabicTokenizer, _analyzed

CHUNK_DOCS = 50_000


class BulkWriter:
    """`add(fields)` like `add_document(**fields)`, then `commit()` or `cancel()`."""

    def __init__(self, ix: Any, codec: Any, chunk_docs: int = CHUNK_DOCS) -> None:
        self._ix, self._codec, self._chunk = ix, codec, chunk_docs
        self._writer: _SegmentBulkWriter | None = None

    def add(self, fields: dict[str, Any]) -> None:
        if self._writer is None:
            self._writer = _SegmentBulkWriter(self._ix, codec=self._codec)
        self._writer.add_fields(fields)
        if self._writer.docnum >= self._chunk:
            self._writer.commit(merge=False)
            self._writer = None

    def commit(self) -> None:
        if self._writer is not None:
            self._writer.commit(merge=False)
            self._writer = None

    def cancel(self) -> None:
        if self._writer is not None:
            self._writer.cancel()
            self._writer = None


class _SegmentBulkWriter(SegmentWriter):
    def __init__(self, ix: Any, **kwargs: Any) -> None:
        super().__init__(ix, **kwargs)
        self.pool.cleanup()  # Whoosh's sorting pool is replaced by the term table below
        self.pool = _NoPool()
        # (fieldname, term bytes) → [docnums, weights, values, field lengths]
        self._terms: dict[tuple[str, bytes], list[Any]] = {}
        schema = self.schema
        self._fast_text = {name for name in schema.names()
                           if type(schema[name].analyzer) is ArabicTokenizer
                           and type(schema[name].format) is Positions and schema[name].format.field_boost == 1.0}
        self._fast_id = {name for name in schema.names()
                         if type(schema[name]) is ID and type(schema[name].analyzer) is IDTokenizer
                         and type(schema[name].format) is Existence and schema[name].format.field_boost == 1.0}
        for name in schema.names():
            field = schema[name]
            if field.vector or field.separate_spelling():
                raise ValueError(f"BulkWriter cannot write the field {name!r} (vectors/spelling)")

    def add_fields(self, fields: dict[str, Any]) -> None:
        self._check_state()
        schema, perdoc, terms = self.schema, self.perdocwriter, self._terms
        docnum = self.docnum
        perdoc.start_doc(docnum)
        try:
            for fieldname in sorted(name for name in fields if not name.startswith("_")):
                value = fields[fieldname]
                if value is None:
                    continue
                field = schema[fieldname]
                length = 0
                if field.indexed:
                    if fieldname in self._fast_text:
                        items = _positions(value) if value else ()
                    elif fieldname in self._fast_id and value:
                        items = ((value.encode("utf-8"), 1, 1.0, b""),)  # IDTokenizer + Existence
                    else:
                        items = list(field.index(value))
                    if field.scorable:
                        length = sum(item[1] for item in items)
                    for tbytes, _freq, weight, vbytes in items:
                        entry = terms.get((fieldname, tbytes))
                        if entry is None:
                            entry = terms[(fieldname, tbytes)] = [array(_UINT32), array("f"), [], array(_UINT32)]
                        entry[0].append(docnum)
                        entry[1].append(weight)
                        if vbytes:  # as W3PostingsWriter.add_posting: empty values are not kept
                            entry[2].append(vbytes)
                        entry[3].append(length)
                perdoc.add_field(fieldname, field, value if field.stored else None, length)
                column = field.column_type
                if column:
                    perdoc.add_column_value(fieldname, column, field.to_column_value(value))
        except Exception:
            perdoc.cancel_doc()
            raise
        perdoc.finish_doc()
        self._added = True
        self.docnum += 1

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        writer, schema = self.fieldwriter, self.schema
        current = None
        for key in sorted(self._terms):
            fieldname, tbytes = key
            if fieldname != current:
                if current is not None:
                    writer.finish_field()
                writer.start_field(fieldname, schema[fieldname])
                current = fieldname
            ids, weights, values, lengths = self._terms.pop(key)
            writer.start_term(tbytes)
            # Non-scorable fields have no length column: W3 saw 0 there and kept no length.
            writer._postwriter.add_many(ids, weights, values, lengths if schema[fieldname].scorable else None)  # noqa: SLF001
            writer.finish_term()
        if current is not None:
            writer.finish_field()
        writer.close()


class _NoPool:
    def add(self, item: Any) -> None:  # pragma: no cover - add_document is never called here
        raise RuntimeError("BulkWriter takes documents through add_fields")

    def cleanup(self) -> None:
        pass


@lru_cache(maxsize=4096)
def _positions(value: str) -> tuple[tuple[bytes, int, float, bytes], ...]:
    """What `field.index(value)` yields for an `ArabicTokenizer` field with `Positions()`, computed
    from the cached analysis: (term bytes, frequency, weight, encoded positions). Cached: a title
    (and a company name) is the same value for every annotation of its article."""
    poses: dict[str, list[int]] = {}
    pos = 0
    for part in value.split(PART_SEPARATOR):
        for _word, _start, _end, word_terms in _analyzed(part):
            for term in word_terms:
                found = poses.get(term)
                if found is None:
                    poses[term] = [pos]
                else:
                    found.append(pos)
            pos += 1
        pos += _PART_GAP
    out = []
    for term, where in poses.items():
        if len(where) == 1:
            encoded = _ONE_POSITION.get(where[0])
            if encoded is None:
                encoded = _ONE_POSITION[where[0]] = _ENCODE(where)
        else:
            encoded = _ENCODE(where)
        out.append((term.encode("utf-8"), len(where), float(len(where)), encoded))
    return tuple(out)


_ENCODE = Positions().encode
_ONE_POSITION: dict[int, bytes] = {}
