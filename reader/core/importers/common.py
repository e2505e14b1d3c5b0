"""Small pieces every importer shares: the internal rejection signal and the title rule."""
from __future__ import annotations

import unicodedata

TITLE_MAX_CHARS = 200


class Rejected(Exception):
    """Why some bytes are not an article. Raised inside the importers, which know no path;
    `load_file`/`load_bytes` turn it into `ImportFailed(path, reason)`."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def collapse_spaces(text: str) -> str:
    """Runs of any Unicode whitespace (tabs, no-break spaces…) become one space; ends trimmed."""
    return " ".join(text.split())


def first_nonblank_line(text: str) -> str:
    for line in text.split("\n"):
        if line.strip():
            return line
    return ""


def make_title(candidate: str, fallback: str) -> str:
    """One trimmed line, never empty, at most TITLE_MAX_CHARS (+ "…").

    A long first line is usually a whole paragraph with no title: cut it at a word boundary
    so the library list stays readable.
    """
    title = collapse_spaces(unicodedata.normalize("NFC", candidate))
    if not title:
        title = collapse_spaces(unicodedata.normalize("NFC", fallback)) or "untitled"
    if len(title) > TITLE_MAX_CHARS:
        cut = title.rfind(" ", 0, TITLE_MAX_CHARS + 1)
        if cut < TITLE_MAX_CHARS // 2:
            cut = TITLE_MAX_CHARS
        title = title[:cut].rstrip() + "…"
    return title
