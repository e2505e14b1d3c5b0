"""An independent oracle for the visual order of one laid-out line (UAX #9), for layout tests.

Qt reorders text itself (DESIGN.md fact 1); these tests check its order against python-bidi.

Levels are resolved over the WHOLE paragraph, never over one line alone: a line that starts with
"3.5%" right after an Arabic word on the previous line holds an Arabic number (rule W2 looks back
across the line break to the Arabic letter), so the % goes to its left: "%3.5". Resolved alone,
the line would show "3.5%". Then, per line, rules L1 (reset trailing whitespace and separators
to the paragraph level) and L2 (from the highest level down to the lowest odd one, reverse every
run at that level or higher) give the visual order.

What python-bidi 0.6 exposes: only `get_display(text, base_dir=…, debug=…)` and `get_base_level`,
both over the Rust `unicode-bidi` crate (current UAX #9, with isolates and bracket pairs, as Qt
has). `get_display` does not mirror brackets, so it is an order-only oracle for a paragraph that
fits on one line. There is no levels API; `get_display(..., debug=True)` returns the crate's
`BidiInfo` Debug text, which lists the original bidi classes and the resolved levels (before L1),
one per UTF-8 byte. We parse that. The pure-Python `bidi.algorithm` module is an older UAX #9
(no isolates, no N0 bracket pairs): right to left, it displays "Nvidia (H20) أعلنت" as
"تنلعأ (Nvidia (H20" where Qt and the current algorithm give "تنلعأ Nvidia (H20)"; not used.

The base direction is always given (the direction Hamish chose), never detected (P2/P3).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from bidi import get_display

_LEVEL = re.compile(r"Level\(\s*(\d+),\s*\)")
_CLASS = re.compile(r"^\s+(\w+),$", re.MULTILINE)

# L1 resets these to the paragraph level when they trail the line or precede a separator:
# whitespace and isolate controls, plus what X9 removed (embeddings, overrides, BN), as the
# implementation note of UAX #9 §5.2 asks and unicode-bidi does.
_TRAILING = frozenset({"WS", "FSI", "LRI", "RLI", "PDI", "LRE", "RLE", "LRO", "RLO", "PDF", "BN"})
_SEPARATORS = frozenset({"S", "B"})


@dataclass
class ParagraphLevels:
    """Resolved embedding levels (rules up to I2) and original bidi classes, per code point."""

    text: str
    rtl: bool
    levels: list[int]
    classes: list[str]

    @property
    def base_level(self) -> int:
        return 1 if self.rtl else 0

    def line_levels(self, start: int, end: int) -> list[int]:
        """Levels of text[start:end] as one line, after rule L1."""
        base = self.base_level
        levels = self.levels[start:end]
        classes = self.classes[start:end]
        # Separators, and the whitespace just before each of them.
        for k, cls in enumerate(classes):
            if cls in _SEPARATORS:
                levels[k] = base
                j = k
                while j > 0 and classes[j - 1] in _TRAILING:
                    j -= 1
                    levels[j] = base
        # Whitespace at the end of the line.
        j = len(classes)
        while j > 0 and classes[j - 1] in _TRAILING:
            j -= 1
            levels[j] = base
        return levels

    def visual_order(self, start: int, end: int) -> list[int]:
        """Indices (into the paragraph) of text[start:end], left to right on screen (L1, L2)."""
        return [start + i for i in reorder(self.line_levels(start, end))]


def reorder(levels: list[int]) -> list[int]:
    """Rule L2: from the highest level down to the lowest odd level, reverse every maximal run
    of characters at that level or higher. Returns logical indices in visual order."""
    order = list(range(len(levels)))
    if not levels:
        return order
    highest = max(levels)
    lowest_odd = min(levels) | 1
    for level in range(highest, lowest_odd - 1, -1):
        i = 0
        n = len(order)
        while i < n:
            if levels[order[i]] >= level:
                j = i
                while j < n and levels[order[j]] >= level:
                    j += 1
                order[i:j] = order[i:j][::-1]
                i = j
            else:
                i += 1
    return order


def paragraph_levels(paragraph: str, rtl: bool) -> ParagraphLevels:
    """Resolve one paragraph (no line breaks inside) with an explicit base direction."""
    if "\n" in paragraph:
        raise ValueError("one paragraph at a time")
    if not paragraph:
        return ParagraphLevels(paragraph, rtl, [], [])
    info = get_display(paragraph, base_dir="R" if rtl else "L", debug=True)
    classes_part, _, rest = info.partition("\n    levels: [\n")
    levels_part, _, _ = rest.partition("\n    paragraphs: [")
    classes_part = classes_part.partition("original_classes: [\n")[2]
    byte_levels = [int(m) for m in _LEVEL.findall(levels_part)]
    byte_classes = _CLASS.findall(classes_part)
    data = paragraph.encode("utf-8")
    if len(byte_levels) != len(data) or len(byte_classes) != len(data):
        raise RuntimeError("python-bidi's debug output changed shape: update bidi_oracle.py")
    # One entry per UTF-8 byte: keep each character's first byte (not a continuation byte).
    firsts = [i for i, b in enumerate(data) if b & 0xC0 != 0x80]
    return ParagraphLevels(
        paragraph, rtl, [byte_levels[i] for i in firsts], [byte_classes[i] for i in firsts]
    )


def display(paragraph: str, rtl: bool) -> str:
    """python-bidi's own one-line visual string (not mirrored), for cross-checking the oracle."""
    return get_display(paragraph, base_dir="R" if rtl else "L")


def line_visual_order(paragraph: str, rtl: bool, start: int, end: int) -> list[int]:
    """Convenience: visual order of paragraph[start:end] with the paragraph's levels."""
    return paragraph_levels(paragraph, rtl).visual_order(start, end)
