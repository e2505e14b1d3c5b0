"""The one place where code-point offsets (the core's) meet Qt's UTF-16 positions.

Qt counts an astral character (emoji, some CJK, math letters) as two positions; Python and the
core count it as one (DESIGN.md fact 3). `OffsetMap` converts both ways for one text in
O(log n), and is the identity, at no cost, for the usual text with no astral characters.
A document made with `setPlainText(text)` has exactly these positions: each `\\n` becomes one
block separator.
"""
from __future__ import annotations

import re
from bisect import bisect_left

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


class OffsetMap:
    def __init__(self, text: str) -> None:
        self.length = len(text)
        # Code-point indices of astral characters, in order (a regex scan: C speed on 2 MB).
        self._astral = [m.start() for m in _ASTRAL.finditer(text)] if not text.isascii() else []
        # Their Qt positions: index + number of astral characters before it.
        self._astral_qt = [cp + n for n, cp in enumerate(self._astral)]

    @property
    def identity(self) -> bool:
        return not self._astral

    def to_qt(self, cp: int) -> int:
        """Qt position of code point `cp` (0 ≤ cp ≤ len(text))."""
        if not self._astral:
            return cp
        return cp + bisect_left(self._astral, cp)

    def to_cp(self, qt: int) -> int:
        """Code point at Qt position `qt`; a position inside a surrogate pair maps to its character."""
        if not self._astral:
            return qt
        n = bisect_left(self._astral_qt, qt)  # astral characters starting before qt
        if n and self._astral_qt[n - 1] + 1 == qt:
            return self._astral[n - 1]  # the low surrogate: same character
        return qt - n

    def qt_length(self) -> int:
        return self.length + len(self._astral)
