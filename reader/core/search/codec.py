"""A Whoosh codec whose posting blocks a search can read in bulk, without pickle.

Whoosh's own codec (W3) pickles each block of 128 postings as a tuple (delta-encoded ids,
weights, and one bytes object of positions per posting) and compresses it with zlib. Reading
the postings of a frequent word therefore unpickles thousands of small objects: 40 ms for the
31,000 postings of الصين at 100,000 annotations, of which 33 ms is `pickle.loads` spent on
positions that only a phrase query needs. This codec writes the same blocks as flat arrays:

    ids      n × uint32, little-endian, absolute document numbers
    weights  a kind byte: 0 = all 1.0 (nothing follows), 1 = one float32 for all, 2 = n × float32
    values   only when the field stores any (positions): raw deflate of (n × uint32 lengths + the
             bytes), or of the bytes alone when the format's values have a fixed size. One
             compressor serves a whole field, flushed fully after each block so any block
             inflates on its own: a `zlib.compress` per block costs 75 µs here (it allocates
             its 256 KB state each time), the shared one a few.

Each block starts with its byte length and a packed header (count, last id, max weight, min and
max length bytes: what W3 pickles there), so a search reads a term's whole posting list with one
read and slices (`all_postings`), positions are inflated only when asked for, and the matcher
is W3's apart from how it decodes a block, so every Whoosh query works on it. The term index,
stored fields and columns are W3's.

Stored fields go into an uncompressed column (W3 deflates each document's on its own: the
same 75 µs a document); they are a few hundred bytes of text each.

A segment records the codec that wrote it (the table of contents pickles it by class), so an
index holds segments of this codec only once `INDEX_SCHEMA_VERSION` made it be rebuilt.
"""
from __future__ import annotations

import struct
import sys
import zlib
from array import array
from bisect import bisect_left
from typing import Any

from whoosh import columns
from whoosh.codec.whoosh3 import (
    WHOOSH3_HEADER_MAGIC,
    W3Codec,
    W3LeafMatcher,
    W3PerDocReader,
    W3PerDocWriter,
    W3PostingsWriter,
)
from whoosh.matching import ReadTooFar
from whoosh.util.numeric import byte_to_length, length_to_byte

# array typecodes of exactly 4 bytes (C int/float are 4 bytes on every platform Qt supports).
_UINT32 = "I" if array("I").itemsize == 4 else "L"
_BIG_ENDIAN = sys.byteorder == "big"
_ALL_ONES, _ONE_VALUE, _EACH = 0, 1, 2
_VALUES_ZLIB_LEVEL = 1
_RAW_DEFLATE = -15  # wbits: no zlib header, so a fully flushed block inflates alone
_STORED = columns.PickleColumn(columns.VarBytesColumn())
_KIND = struct.Struct("<B")
_FLOAT = struct.Struct("<f")
# A block starts with its byte length (negative for a term's last block), then its info:
# posting count, last id, max weight, min and max length bytes — what W3 pickles, packed.
_BLOCK_LEN = struct.Struct("!i")
_INFO = struct.Struct("<IIdBB")


def _pack(typecode: str, items: Any) -> bytes:
    arr = array(typecode, items)
    if _BIG_ENDIAN:
        arr.byteswap()
    return arr.tobytes()


def _unpack(typecode: str, data: bytes | memoryview) -> array:
    arr = array(typecode)
    arr.frombytes(data)
    if _BIG_ENDIAN:
        arr.byteswap()
    return arr


class HamishCodec(W3Codec):
    """W3 with array-encoded posting blocks (see the module docstring)."""

    def __init__(self, blocklimit: int = 128, compression: int = 0, inlinelimit: int = 1) -> None:
        if inlinelimit != 1:  # W3's inlining path calls a method its term info does not have
            raise ValueError("HamishCodec never inlines postings (inlinelimit=1)")
        super().__init__(blocklimit=blocklimit, compression=compression, inlinelimit=inlinelimit)

    def postings_writer(self, dbfile: Any, byteids: bool = False) -> Any:
        if byteids:  # term vectors: not used by Hamish's schema, left to W3
            return super().postings_writer(dbfile, byteids=True)
        return _ArrayPostingsWriter(dbfile, blocklimit=self._blocklimit, byteids=False,
                                    compression=0, inlinelimit=self._inlinelimit)

    def per_document_writer(self, storage: Any, segment: Any) -> Any:
        return _PerDocWriter(self, storage, segment)

    def per_document_reader(self, storage: Any, segment: Any) -> Any:
        return _PerDocReader(storage, segment)

    def postings_reader(self, dbfile: Any, terminfo: Any, format_: Any, term: Any = None,
                        scorer: Any = None) -> Any:
        if terminfo.is_inlined():
            return super().postings_reader(dbfile, terminfo, format_, term=term, scorer=scorer)
        offset, length = terminfo.extent()
        return ArrayLeafMatcher(dbfile, offset, length, format_, term=term, scorer=scorer)


class _PerDocWriter(W3PerDocWriter):
    def _create_column(self, fieldname: str, column: Any) -> None:
        super()._create_column(fieldname, _STORED if fieldname == "_stored" else column)


class _PerDocReader(W3PerDocReader):
    def stored_fields(self, docnum: int) -> dict:
        value = self._cached_reader("_stored", _STORED)[docnum]
        return {} if value is None else value


class _ArrayPostingsWriter(W3PostingsWriter):
    _deflate: Any = None

    def add_many(self, ids: array, weights: array, values: list[bytes], lengths: Any | None) -> None:
        """All of one term's postings (`bulk.BulkWriter`), cut into blocks as `add_posting` would.

        `values` holds only the non-empty values (as add_posting keeps them); `lengths` (a numpy
        array: each posting's field length) is None for a field without lengths. The last block
        stays buffered for `finish_postings`.
        """
        limit = self._blocklimit
        total = len(ids)
        if len(values) not in (0, total):
            raise ValueError(f"{total} postings but {len(values)} values: all or none must have one")
        if total <= limit and not len(self._ids):  # one block (most terms): no slicing
            self._ids, self._weights, self._values = ids, weights, values
            self._maxweight = max(0, max(weights))
            if lengths is not None:
                self._minlength, self._maxlength = int(lengths.min()), int(lengths.max())
            return
        for start in range(0, total, limit):
            if len(self._ids):
                self._write_block()
            end = start + limit
            self._ids = ids[start:end]
            self._weights = weights[start:end]
            self._values = values[start:end] if values else []
            self._maxweight = max(0, max(self._weights))
            if lengths is not None:
                block = lengths[start:end]
                self._minlength, self._maxlength = int(block.min()), int(block.max())

    def _write_block(self, last: bool = False) -> None:
        if not self._blockcount:
            self._postfile.write(WHOOSH3_HEADER_MAGIC)
        self._terminfo.add_block(self)

        ids, weights = self._ids, self._weights
        n = len(ids)
        parts = [ids.tobytes() if type(ids) is array and ids.typecode == _UINT32 and not _BIG_ENDIAN
                 else _pack(_UINT32, ids)]
        first = weights[0]
        if weights.count(1.0) == n:
            parts.append(_KIND.pack(_ALL_ONES))
        elif weights.count(first) == n:
            parts.append(_KIND.pack(_ONE_VALUE) + _FLOAT.pack(first))
        else:
            parts.append(_KIND.pack(_EACH) + _pack("f", weights))
        fixedsize = self._format.fixed_value_size()
        if fixedsize != 0 and self._values:
            values = self._values
            if len(values) != n:
                raise ValueError(f"a posting block has {n} ids but {len(values)} values")
            raw = b"".join(values)
            if fixedsize is None or fixedsize < 0:
                raw = _pack(_UINT32, [len(v) for v in values]) + raw
            if self._deflate is None:
                self._deflate = zlib.compressobj(_VALUES_ZLIB_LEVEL, zlib.DEFLATED, _RAW_DEFLATE)
            parts.append(self._deflate.compress(raw) + self._deflate.flush(zlib.Z_FULL_FLUSH))
        databytes = b"".join(parts)

        infobytes = _INFO.pack(n, ids[-1], self._maxweight,
                               length_to_byte(self._minlength), length_to_byte(self._maxlength))
        blocklength = len(infobytes) + len(databytes)
        self._postfile.write(_BLOCK_LEN.pack(-blocklength if last else blocklength) + infobytes + databytes)
        self._blockcount += 1
        self._new_block()


class ArrayLeafMatcher(W3LeafMatcher):
    """W3's matcher over `_ArrayPostingsWriter` blocks; adds `all_postings` for bulk reads."""

    def _goto(self, position: int) -> None:
        # As W3's, with the packed block header instead of a pickled one.
        self._data = self._ids = self._weights = self._values = None
        self._i = 0
        head = self._postfile.get(position, _BLOCK_LEN.size + _INFO.size)
        length = _BLOCK_LEN.unpack_from(head)[0]
        self._lastblock = length < 0
        length = abs(length)
        self._nextoffset = position + _BLOCK_LEN.size + length
        self._dataoffset = position + _BLOCK_LEN.size + _INFO.size
        (self._blocklength, self._maxid, self._maxweight, minbyte, maxbyte) = _INFO.unpack_from(head, _BLOCK_LEN.size)
        self._compression = 0
        self._minlength = byte_to_length(minbyte)
        self._maxlength = byte_to_length(maxbyte)

    def all_postings(self) -> tuple[bytes, bytes | None]:
        """Every posting of the term, read in one go: (ids, weights) as little-endian uint32 and
        float32 bytes; weights None when all are 1.0. Ignores where the matcher stands."""
        length = self._length
        if isinstance(length, tuple):  # W3TermInfo.from_bytes leaves it a 1-tuple (a Whoosh slip)
            length = length[0]
        buf = memoryview(self._postfile.get(self._startoffset, length))
        pos, end = len(WHOOSH3_HEADER_MAGIC), len(buf)
        ids: list[memoryview] = []
        weights: list[Any] = []
        varied = False
        while pos < end:
            length = _BLOCK_LEN.unpack_from(buf, pos)[0]
            count = _INFO.unpack_from(buf, pos + _BLOCK_LEN.size)[0]
            at = pos + _BLOCK_LEN.size + _INFO.size
            ids.append(buf[at : at + 4 * count])
            at += 4 * count
            kind = buf[at]
            if kind == _ALL_ONES:
                weights.append(_ones_bytes(count))
            elif kind == _ONE_VALUE:
                weights.append(bytes(buf[at + 1 : at + 5]) * count)
                varied = True
            else:
                weights.append(buf[at + 1 : at + 1 + 4 * count])
                varied = True
            pos += _BLOCK_LEN.size + abs(length)
            if length < 0:
                break
        return b"".join(ids), (b"".join(weights) if varied else None)

    def _read_data(self) -> None:
        self._data = self._postfile.get(self._dataoffset, self._nextoffset - self._dataoffset)

    def _read_ids(self) -> None:
        if self._data is None:
            self._read_data()
        self._ids = _unpack(_UINT32, self._data[: 4 * self._blocklength])

    def _read_weights(self) -> None:
        if self._data is None:
            self._read_data()
        n = self._blocklength
        at = 4 * n
        kind = self._data[at]
        if kind == _ALL_ONES:
            self._weights = _ones(n)
        elif kind == _ONE_VALUE:
            self._weights = array("f", [_FLOAT.unpack_from(self._data, at + 1)[0]]) * n
        else:
            self._weights = _unpack("f", self._data[at + 1 : at + 1 + 4 * n])

    def _values_offset(self) -> int:
        n = self._blocklength
        at = 4 * n
        kind = self._data[at]
        return at + 1 + (0 if kind == _ALL_ONES else 4 if kind == _ONE_VALUE else 4 * n)

    def _read_values(self) -> None:
        if self._data is None:
            self._read_data()
        n = self._blocklength
        fixedsize = self._fixedsize
        if fixedsize == 0:
            self._values = (None,) * n
            return
        packed = self._data[self._values_offset():]
        if not packed:
            self._values = (None,) * n if fixedsize is None or fixedsize < 0 else (b"",) * n
            return
        raw = zlib.decompressobj(_RAW_DEFLATE).decompress(packed)
        if fixedsize is None or fixedsize < 0:
            lengths = _unpack(_UINT32, raw[: 4 * n])
            out, at = [], 4 * n
            for length in lengths:
                out.append(raw[at : at + length])
                at += length
            self._values = tuple(out)
        else:
            self._values = tuple(raw[i : i + fixedsize] for i in range(0, len(raw), fixedsize))

    def skip_to(self, targetid: int) -> None:
        # W3 walks a block one posting at a time; the ids are a sorted array, so bisect.
        if not self.is_active():
            raise ReadTooFar
        if targetid <= self.id():
            return
        if targetid > self._maxid:
            self._skip_to_block(lambda: targetid > self._maxid)
            if not self.is_active():
                return
            if self._ids is None:
                self._read_ids()
        self._i = bisect_left(self._ids, targetid, self._i)
        if self._i == self._blocklength:  # pragma: no cover - maxid >= targetid rules it out
            self._next_block()


_ONES: dict[int, array] = {}
_ONES_BYTES: dict[int, bytes] = {}


def _ones_bytes(n: int) -> bytes:
    cached = _ONES_BYTES.get(n)
    if cached is None:
        cached = _ONES_BYTES[n] = _pack("f", [1.0] * n)
    return cached


def _ones(n: int) -> array:
    cached = _ONES.get(n)
    if cached is None:
        cached = _ONES[n] = array("f", [1.0]) * n
    return cached  # shared: nothing writes into a block's weights
