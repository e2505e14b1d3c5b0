"""Bytes → str for imported files: is this text at all, and in which encoding.

Order: byte order marks; then NUL or control bytes, which mean UTF-16 without a mark or else
binary; then a declared charset (HTML meta); then strict UTF-8; then legacy single-byte code
pages chosen by charset-normalizer among a short list; last, UTF-8 with a few damaged bytes. Unrestricted detection is unreliable on short Arabic
text (measured: one Windows-1256 word comes back as cp932, a sentence in ISO-8859-6 as cp874),
so only Arabic and Western European code pages are candidates, and every legacy result must
also pass `looks_like_text`, which rejects mojibake such as Arabic bytes read as Latin-1.
"""
from __future__ import annotations

import codecs
import re

import charset_normalizer

from .common import Rejected

BINARY = "binary file, not text"
UNDECODABLE = "undecodable: not UTF-8, UTF-16 or a known Arabic/Western code page"

# UTF-32 before UTF-16: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Candidates in order of preference when charset-normalizer finds them equally good:
# Windows-1256 is what Arabic Windows software writes; ISO-8859-6 older Unix/mail text.
LEGACY_CANDIDATES = ("cp1256", "iso8859-6", "cp1252")

# C0 controls other than \t \n \v \f \r, and DEL. Text files have next to none.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.02

_ARABIC_LETTER = re.compile("[\u0620-\u064a\u066e-\u06d3\u06d5\u06ee-\u06ff\u0750-\u077f]")
_ASCII_LETTER = re.compile("[A-Za-z]")
_ACCENTED_LATIN = re.compile("[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")
# Latin-1 symbols that Arabic punctuation turns into when misread (، → ¡, ؛ → º, ؟ → ¿);
# « » and ° are left out: real Arabic text uses them.
_LATIN1_SYMBOL = re.compile("[\u00a1-\u00aa\u00ac-\u00af\u00b1-\u00ba\u00bc-\u00bf\u00d7\u00f7]")
_C1_CONTROL = re.compile("[\u0080-\u009f]")
_WORD = re.compile(r"[^\W\d_]+")
# A haraka on a Latin letter: Western accented letters read through an Arabic code page
# (ñ → ٌ, ó → َ) — never seen in real text.
_HARAKA_ON_LATIN = re.compile("[A-Za-z\u00c0-\u024f][\u064b-\u0652]")
_MARKUP = re.compile(r"<[^>]*>")
_SCORE_SAMPLE_CHARS = 200_000


def decode(data: bytes, *, declared: str | None = None, markup: bool = False) -> tuple[str, str]:
    """(text, encoding name) or `Rejected`. `declared` is a charset the file states about itself
    (an HTML meta); it wins over detection when it decodes the bytes sensibly.
    `markup` says tags should be ignored when judging whether a decoding is sensible."""
    if not data:
        raise Rejected("empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                raise Rejected(f"undecodable: invalid {encoding} after its byte order mark") from None
            if "\x00" in text or _control_share(text) > _MAX_CONTROL_SHARE:
                raise Rejected(BINARY)
            return text, encoding

    if b"\x00" in data:
        # A NUL is the surest sign of binary, except in UTF-16 saved without a mark.
        found = _bomless_utf16(data)
        if found is None:
            raise Rejected(BINARY)
        return found
    stripped = data.translate(None, _CONTROL_BYTES)
    if (len(data) - len(stripped)) / len(data) > _MAX_CONTROL_SHARE:
        # Arabic in UTF-16 without a mark and without ASCII has 06 in every other byte.
        found = _bomless_utf16(data)
        if found is None:
            raise Rejected(BINARY)
        return found

    if declared:
        text = _try(data, declared)
        if text is not None and (declared == "utf-8" or looks_like_text(text, markup=markup)):
            return text, declared

    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    found = _decode_legacy(data, markup=markup)
    if found is None:
        found = _damaged_utf8(data)
    if found is None:
        raise Rejected(UNDECODABLE)
    return found


def codec_name(label: str) -> str | None:
    """Python's codec name for an encoding label, or None when it is not a text encoding."""
    try:
        info = codecs.lookup(label.strip())
    except (LookupError, ValueError):
        return None
    # base64, rot13, zlib… are codecs too, but they do not read text.
    if not getattr(info, "_is_text_encoding", True):
        return None
    return info.name


def looks_like_text(text: str, *, markup: bool = False) -> bool:
    """False when a legacy decoding is most likely wrong (mojibake).

    Arabic read as Latin-1/cp1252 gives words made only of accented letters ("ÇáÕíä");
    Spanish read as Windows-1256 gives harakat on Latin letters ("Espaٌa") and words mixing
    Arabic and Latin letters ("estل"); bytes that are not ISO-8859-6 give C1 controls there.
    """
    sample = text[:_SCORE_SAMPLE_CHARS]
    if markup:
        sample = _MARKUP.sub(" ", sample)
    if _C1_CONTROL.search(sample):
        return False
    arabic = len(_ARABIC_LETTER.findall(sample))
    ascii_letters = len(_ASCII_LETTER.findall(sample))
    accented = len(_ACCENTED_LATIN.findall(sample))
    symbols = len(_LATIN1_SYMBOL.findall(sample))
    letters = arabic + ascii_letters + accented
    if letters == 0:
        return False
    # Real French or German stays well under a third of its letters accented, even in a
    # short sentence; mojibake of Arabic is nearly all accented letters.
    if accented > 3 and accented > 0.4 * (accented + ascii_letters):
        return False
    if symbols > 0.05 * letters + 2:
        return False
    if len(_HARAKA_ON_LATIN.findall(sample)) > 0.01 * letters:
        return False
    words = _WORD.findall(sample)
    mixed = sum(
        1
        for word in words
        if _ARABIC_LETTER.search(word) and (_ASCII_LETTER.search(word) or _ACCENTED_LATIN.search(word))
    )
    return mixed <= 0.05 * len(words)


def _decode_legacy(data: bytes, *, markup: bool) -> tuple[str, str] | None:
    tried: set[str] = set()
    matches = charset_normalizer.from_bytes(data, cp_isolation=[c.replace("-", "_") for c in LEGACY_CANDIDATES])
    for match in matches:
        name = codec_name(match.encoding)
        if name is None or name not in LEGACY_CANDIDATES or name in tried:
            continue
        tried.add(name)
        text = _try(data, name)
        if text is not None and looks_like_text(text, markup=markup):
            return text, name
    # charset-normalizer gives up on some very short inputs; judge the rest ourselves.
    for name in LEGACY_CANDIDATES:
        if name in tried:
            continue
        text = _try(data, name)
        if text is not None and looks_like_text(text, markup=markup):
            return text, name
    return None


def _damaged_utf8(data: bytes) -> tuple[str, str] | None:
    """UTF-8 with a few bad bytes (a download cut mid-character, one corrupt sector): better
    read with U+FFFD in their place than refused. Tried last, so that a Western file with
    an accented letter or two is still read as cp1252 rather than as damaged UTF-8."""
    text = data.decode("utf-8", errors="replace")
    damaged = text.count("\ufffd") - data.count("\ufffd".encode("utf-8"))
    if damaged <= max(1, len(text) // 1000):
        return text, "utf-8"
    return None


_MIN_BOMLESS_UTF16 = 64
_TEXT_HIGH_BYTES = frozenset({0x00, 0x06, 0x20, 0xFB, 0xFC, 0xFD, 0xFE})


def _bomless_utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-16 saved without a mark. In text of one or two scripts the high byte of each unit
    takes only a few values (00 for ASCII, 06 for Arabic), on one side only (odd bytes in
    little endian); binary and random data spread over both sides."""
    # Too short to judge: four byte values cover any side of a few bytes.
    if len(data) < _MIN_BOMLESS_UTF16 or len(data) % 2:
        return None
    sample = data[: 2 * _SCORE_SAMPLE_CHARS]
    even, odd = _top_share(sample[0::2]), _top_share(sample[1::2])
    high = sample[1::2] if odd > even else sample[0::2]
    # The high bytes of real text: 00 (Latin), 06 (Arabic), 20 (punctuation), FB–FE (forms).
    if any(b not in _TEXT_HIGH_BYTES for b in set(high)):
        return None
    if odd >= 0.95 and odd > even:
        encoding = "utf-16-le"
    elif even >= 0.95 and even > odd:
        encoding = "utf-16-be"
    else:
        return None
    text = _try(data, encoding)
    if text is None or "\x00" in text or _control_share(text) > _MAX_CONTROL_SHARE:
        return None
    head = text[:_SCORE_SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in head) < 0.3 * len(head):
        return None
    return text, encoding


def _top_share(side: bytes) -> float:
    """The share of `side` taken by its four most common byte values."""
    counts = sorted((side.count(bytes([b])) for b in set(side)), reverse=True)
    return sum(counts[:4]) / len(side) if side else 0.0


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    return len(_CONTROL_CHARS.findall(text)) / len(text)
