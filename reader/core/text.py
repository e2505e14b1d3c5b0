"""Text rules shared by import, search and display: normalisation, Arabic folding, direction.

Offsets are code points. Folding functions that drop characters return an index map so callers
can go from a match in folded text back to the original text.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

CONTEXT_CHARS = 32

# Harakat (fathatan … sukun), superscript alef, Quranic marks, and tatweel: ignored by search.
_TASHKEEL = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640]")
_TASHKEEL_CHARS = frozenset(
    chr(c)
    for c in list(range(0x0610, 0x061B))
    + list(range(0x064B, 0x0660))
    + [0x0670, 0x0640]
    + list(range(0x06D6, 0x06DD))
    + list(range(0x06DF, 0x06E9))
    + list(range(0x06EA, 0x06EE))
)
_LETTER_FOLD = str.maketrans(
    {
        "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
        "ة": "ه", "ى": "ي",
        "ؤ": "و", "ئ": "ي",
    }
)
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def normalize_article_text(text: str) -> str:
    """The form every article's text is stored in: NFC, `\\n` paragraph ends, no BOM."""
    text = text.lstrip("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Paragraph separators other than \n would make Qt's blocks and our paragraphs disagree.
    text = text.replace("\u2029", "\n").replace("\u0085", "\n")
    return unicodedata.normalize("NFC", text)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def strip_tashkeel(text: str) -> str:
    """Remove harakat and tatweel."""
    return _TASHKEEL.sub("", text)


def fold_letters(text: str) -> str:
    """Fold alef forms to ا, ة→ه, ى→ي, hamza carriers to their base, Arabic-Indic digits to ASCII."""
    return text.translate(_LETTER_FOLD).translate(_DIGITS)


def fold_digits(text: str) -> str:
    return text.translate(_DIGITS)


def fold_for_search(text: str) -> str:
    """Case-fold, drop harakat/tatweel, fold letter variants: the find-in-article comparison form."""
    return fold_letters(strip_tashkeel(text)).casefold()


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """`fold_for_search` that also returns, for each folded character, its index in `text`.

    The map has one extra entry (len(text)) so a match end maps back too.
    """
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        if ch in _TASHKEEL_CHARS:
            continue
        folded = fold_letters(ch).casefold()
        for f in folded:
            out.append(f)
            index.append(i)
    index.append(len(text))
    return "".join(out), index


def find_folded(text: str, needle: str) -> list[tuple[int, int]]:
    """All (start, end) code-point ranges of `text` matching `needle`, ignoring harakat,
    tatweel, alef/ta marbuta/ya forms, digit scripts and case."""
    folded_needle = fold_for_search(needle)
    if not folded_needle.strip():
        return []
    folded, index = fold_with_map(text)
    spans: list[tuple[int, int]] = []
    pos = folded.find(folded_needle)
    while pos != -1:
        start = index[pos]
        end_folded = pos + len(folded_needle)
        # Extend over trailing marks that belong to the last matched letter.
        end = index[end_folded] if end_folded < len(index) - 1 else len(text)
        end = max(end, index[end_folded - 1] + 1)
        while end < len(text) and text[end] in _TASHKEEL_CHARS:
            end += 1
        spans.append((start, end))
        pos = folded.find(folded_needle, pos + 1)
    return spans


def context(text: str, start: int, end: int, size: int = CONTEXT_CHARS) -> tuple[str, str]:
    """The prefix and suffix (at most `size` code points each) around text[start:end]."""
    return text[max(0, start - size) : start], text[end : end + size]


# Direction is weighed on UTF-8 bytes, where counting runs at C speed (per-character
# unicodedata took 0.44 s on a 2 MB article): once marks, digits and punctuation of the
# right-to-left blocks are removed, every remaining character of U+05C0–U+07FF (Hebrew letters,
# Arabic, Syriac, Thaana, NKo) starts with a byte D7–DF; Latin letters are ASCII letters plus
# characters starting with C3–C9 (U+00C0–U+027F), and Greek and Cyrillic with CE–D4.
_RTL_NON_LETTERS = re.compile(
    "[\u0591-\u05c7\u0600-\u061f\u0640\u064b-\u066d\u0670\u06d4\u06d6-\u06ed\u06f0-\u06f9]+"
)
_RTL_LEAD_BYTES = bytes(range(0xD7, 0xE0))
_LTR_BYTES = (
    bytes(range(ord("A"), ord("Z") + 1)) + bytes(range(ord("a"), ord("z") + 1))
    + bytes(range(0xC3, 0xCA)) + bytes(range(0xCE, 0xD5))
)


def letter_direction(text: str) -> str | None:
    """'rtl' or 'ltr' by weighing the paragraph's letters; None when it has none.

    Unlike the first-strong-character rule (UAX #9 P2), an Arabic sentence that opens with a
    Latin company name is still right to left. Ties go to right to left.
    """
    data = _RTL_NON_LETTERS.sub("", text).encode("utf-8", "surrogatepass")
    rtl = len(data) - len(data.translate(None, _RTL_LEAD_BYTES))
    ltr = len(data) - len(data.translate(None, _LTR_BYTES))
    if rtl == 0 and ltr == 0:
        return None
    return "rtl" if rtl >= ltr else "ltr"


def article_direction(text: str) -> str:
    """The direction of a whole article (letter majority; right to left when it has no letters)."""
    return letter_direction(text) or "rtl"


def paragraph_directions(text: str) -> list[str]:
    """One direction per `\\n`-separated paragraph; a paragraph with no letters follows the article."""
    default = article_direction(text)
    return [letter_direction(p) or default for p in text.split("\n")]
