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
  memory to one chunk's postings (≈75 MB measured) at any library size.

Stored fields, lengths, columns and the per-document writer are Whoosh's own calls, in the same
order as `add_document`. A test writes the same documents both ways and compares every term,
posting, weight, position, statistic, stored field, length and column.
"""
from __future__ import annotations

from array import array
from functools import lru_cache
from typing import Any

import numpy as np
from whoosh.analysis import IDTokenizer
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.fields import ID
from whoosh.filedb.filestore import RamStorage
from whoosh.formats import Existence, Frequency, Positions
from whoosh.system import pack_uint
from whoosh.util.numeric import length_to_byte
from whoosh.writing import SegmentWriter

from reader.core.search.analyzer import tag_key
from reader.core.search.codec import _UINT32, HamishCodec
from reader.core.search.schema import (
    _PART_GAP,
    PART_SEPARATOR,
    TAG_SEPARATOR,
    ArabicTokenizer,
    TagTokenizer,
    _analyzed,
)

CHUNK_DOCS = 50_000


class BulkWriter:
    """`add(fields)` like `add_document(**fields)`, then `commit()` or `cancel()`."""

    def __init__(self, ix: Any, codec: Any, chunk_docs: int = CHUNK_DOCS) -> None:
        if not isinstance(codec, HamishCodec):
            raise TypeError("BulkWriter writes posting blocks through HamishCodec only")
        _check_schema(ix.schema)
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
        _positions.cache_clear()  # quotes and notes: nearly all unique, not worth keeping

    def cancel(self) -> None:
        if self._writer is not None:
            self._writer.cancel()
            self._writer = None
        _positions.cache_clear()


def _check_schema(schema: Any) -> None:
    # Checked before a segment writer exists: its constructor takes the index's write lock.
    for name in schema.names():
        field = schema[name]
        if field.vector or field.separate_spelling():
            raise ValueError(f"BulkWriter cannot write the field {name!r} (vectors/spelling)")


class MemoryStorage(RamStorage):
    """Whoosh's RamStorage, with its scratch files in memory too: RamStorage puts every
    writer's scratch files in one shared folder (/tmp/MAIN.tmp) and empties it when a writer
    finishes, so two in-memory builds at once (two processes, or two threads) broke each other."""

    def temp_storage(self, name: str | None = None) -> RamStorage:
        return RamStorage()


class _SegmentBulkWriter(SegmentWriter):
    def __init__(self, ix: Any, **kwargs: Any) -> None:
        super().__init__(ix, **kwargs)
        self.pool.cleanup()  # Whoosh's sorting pool is replaced by the term tables below
        self.pool = _NoPool()
        schema = self.schema
        # Per field: term bytes → [docnums, weights, non-empty values]; and each document's length.
        self._terms: dict[str, dict[bytes, list[Any]]] = {}
        self._doc_lengths: dict[str, array] = {}
        # What add_document does per field, decided once: (name, field, how its terms are made).
        self._plan: list[tuple[str, Any, str]] = []
        for name in sorted(schema.names()):
            field = schema[name]
            if not field.indexed:
                how = "stored"
            elif (type(field.analyzer) is ArabicTokenizer and type(field.format) is Positions
                  and field.format.field_boost == 1.0):
                how = "words"  # _positions()
            elif (type(field.analyzer) is ArabicTokenizer and type(field.format) is Frequency
                  and field.format.field_boost == 1.0):
                how = "counts"  # _counts()
            elif (type(field.analyzer) is TagTokenizer and type(field.format) is Frequency
                  and field.format.field_boost == 1.0):
                how = "tags"  # _tag_counts()
            elif (type(field) is ID and type(field.analyzer) is IDTokenizer and type(field.format) is Existence
                  and field.format.field_boost == 1.0):
                how = "id"  # the whole value, once
            else:
                how = "field"  # field.index(), as add_document
            self._plan.append((name, field, how))
            if field.indexed:
                self._terms[name] = {}
                if field.scorable:
                    self._doc_lengths[name] = array(_UINT32)
        self._known = {name for name, _, _ in self._plan}
        self._length_columns: dict[str, Any] = {}  # the per-document writer's length columns
        self._broken = False

    def add_fields(self, fields: dict[str, Any]) -> None:
        self._check_state()
        if self._broken:
            raise RuntimeError("a document failed half-way into this segment: cancel the writer")
        if not self._known.issuperset(fields):
            raise ValueError(f"no such fields in the schema: {sorted(set(fields) - self._known)}")
        perdoc = self.perdocwriter
        docnum = self.docnum
        perdoc.start_doc(docnum)
        stored = perdoc._storedfields  # noqa: SLF001 - what W3PerDocWriter.add_field fills
        try:
            for fieldname, field, how in self._plan:
                value = fields.get(fieldname)
                if value is None:
                    if fieldname in self._doc_lengths:
                        self._doc_lengths[fieldname].append(0)
                    continue
                if field.stored:
                    stored[fieldname] = value
                if how == "stored":
                    continue
                if how == "words":
                    items = _positions(value) if value else ()
                elif how == "counts":
                    items = _counts(value) if value else ()
                elif how == "tags":
                    items = _tag_counts(value)
                elif how == "id" and value:
                    items = ((value.encode("utf-8"), 1, 1.0, b""),)  # IDTokenizer + Existence
                else:
                    items = tuple(field.index(value))
                terms = self._terms[fieldname]
                for tbytes, _freq, weight, vbytes in items:
                    entry = terms.get(tbytes)
                    if entry is None:
                        entry = terms[tbytes] = [array(_UINT32), array("f"), []]
                    entry[0].append(docnum)
                    entry[1].append(weight)
                    if vbytes:  # as W3PostingsWriter.add_posting: empty values are not kept
                        entry[2].append(vbytes)
                if field.scorable:
                    length = sum(item[1] for item in items)
                    self._doc_lengths[fieldname].append(length)
                    if length:  # as W3PerDocWriter.add_field
                        column_writer = self._length_columns.get(fieldname)
                        if column_writer is None:
                            perdoc.add_column_value(_lenfield(fieldname), LENGTHS_COLUMN, _length_byte(length))
                            self._length_columns[fieldname] = perdoc._get_column(_lenfield(fieldname))  # noqa: SLF001
                        else:
                            column_writer.add(docnum, _length_byte(length))
                        perdoc._fieldlengths[fieldname] += length  # noqa: SLF001
                column = field.column_type
                if column:
                    perdoc.add_column_value(fieldname, column, field.to_column_value(value))
        except BaseException:
            # Some of its postings may be in the tables already: this segment can only be cancelled.
            perdoc.cancel_doc()
            self._broken = True
            raise
        perdoc.finish_doc()
        self._added = True
        self.docnum += 1

    def _flush_segment(self) -> None:
        if self._broken:
            raise RuntimeError("a document failed half-way into this segment: cancel the writer")
        self.perdocwriter.close()
        writer, schema = self.fieldwriter, self.schema
        for fieldname in sorted(self._terms):
            terms = self._terms.pop(fieldname)
            if not terms:
                continue
            doc_lengths = self._doc_lengths.get(fieldname)
            lookup = np.frombuffer(doc_lengths, dtype=np.uint32) if doc_lengths is not None else None
            writer.start_field(fieldname, schema[fieldname])
            for tbytes in sorted(terms):
                ids, weights, values = terms.pop(tbytes)
                writer.start_term(tbytes)
                # Non-scorable fields have no length column: W3 saw 0 there and kept no length.
                lengths = None if lookup is None else lookup[np.frombuffer(ids, dtype=np.uint32)]
                writer._postwriter.add_many(ids, weights, values, lengths)  # noqa: SLF001
                writer.finish_term()
            writer.finish_field()
        writer.close()


_LENGTH_BYTES: dict[int, int] = {}


def _length_byte(length: int) -> int:
    byte = _LENGTH_BYTES.get(length)
    if byte is None:
        byte = _LENGTH_BYTES[length] = length_to_byte(length)
    return byte


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


def _counts(value: str) -> tuple[tuple[bytes, int, float, bytes], ...]:
    """What `field.index(value)` yields for an `ArabicTokenizer` field with `Frequency()`:
    (term bytes, frequency, weight, packed frequency), from each part's cached counts."""
    parts = value.split(PART_SEPARATOR)
    counts = dict(_part_counts(parts[0]))
    for part in parts[1:]:
        for term, n in _part_counts(part).items():
            counts[term] = counts.get(term, 0) + n
    return tuple((term, n, float(n), _packed_count(n)) for term, n in counts.items())


@lru_cache(maxsize=4096)
def _part_counts(part: str) -> dict[bytes, int]:
    # From the part's positions, usually cached already: the quote, note and title fields
    # come before `text` in a document.
    return {term: n for term, n, _weight, _positions_bytes in _positions(part)}  # never modified


@lru_cache(maxsize=1024)
def _tag_counts(value: str) -> tuple[tuple[bytes, int, float, bytes], ...]:
    """What `field.index(value)` yields for the `TagTokenizer` field with `Frequency()`."""
    counts: dict[bytes, int] = {}
    for name in value.split(TAG_SEPARATOR):
        key = tag_key(name)
        if key:
            term = key.encode("utf-8")
            counts[term] = counts.get(term, 0) + 1
    return tuple((term, n, float(n), _packed_count(n)) for term, n in counts.items())


@lru_cache(maxsize=256)
def _packed_count(n: int) -> bytes:
    return pack_uint(n)


_ENCODE = Positions().encode
_ONE_POSITION: dict[int, bytes] = {}
