"""Showing Arabic in a terminal: shaping and reordering for display (never for Qt).

Terminals neither join Arabic letters nor reorder right-to-left runs, so for a terminal we
shape with arabic-reshaper and reorder with python-bidi, one line at a time (python-bidi
mangles multi-line input). Long lines are wrapped to the terminal's width *before* reordering,
so the first screen line shows the start of the paragraph, not its end.
"""
from __future__ import annotations

import shutil
import sys
import textwrap
import unicodedata
from typing import TextIO

from reader.core.text import letter_direction

BIDI_MODES = ("auto", "logical", "visual")


def has_rtl(line: str) -> bool:
    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in line)


def visual_line(line: str) -> str:
    """One logical line in display order, Arabic shaped.

    The base direction comes from the line's letters (not its first strong character), so an
    Arabic sentence opening with a Latin name still reads right to left.
    """
    if not has_rtl(line):
        return line
    # Imported lazily: only terminal output needs them.
    import arabic_reshaper
    from bidi import get_display

    base = "R" if letter_direction(line) == "rtl" else "L"
    return get_display(arabic_reshaper.reshape(line), base_dir=base)


def to_visual(text: str, width: int | None = None) -> str:
    """Every line of `text` in display order, each wrapped to `width` columns first."""
    out: list[str] = []
    for line in text.split("\n"):
        if width and len(line) > width and has_rtl(line):
            pieces = textwrap.wrap(line, width=width, break_long_words=True) or [""]
            out.extend(visual_line(p) for p in pieces)
        else:
            out.append(visual_line(line))
    return "\n".join(out)


class Output:
    """Where the CLI writes: logical UTF-8 when piped or asked, display order on a terminal."""

    def __init__(self, mode: str = "auto", stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stdout
        isatty = getattr(self.stream, "isatty", lambda: False)()
        self.visual = mode == "visual" or (mode == "auto" and isatty)
        self.width = shutil.get_terminal_size((100, 24)).columns if isatty else None

    def line(self, text: str = "") -> None:
        self.stream.write((to_visual(text, self.width) if self.visual else text) + "\n")

    def raw(self, text: str) -> None:
        """Machine-readable output (JSON, exports): always logical order."""
        self.stream.write(text)
