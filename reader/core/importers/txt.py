"""Plain text files: the whole file is the article, one paragraph per line.

The stored text is the decoded file through `normalize_article_text`, with one more rule:
blank (whitespace-only) lines at the very start and end are dropped. Editors disagree on a
final newline; without this rule the same article saved by two editors would hash differently
and end in an empty paragraph. Lines in between are kept exactly, so offsets are reproducible.
"""
from __future__ import annotations

from reader.core.text import normalize_article_text

from . import detect
from .common import Rejected, first_nonblank_line, make_title


def convert(data: bytes, fallback_title: str) -> tuple[str, str, str]:
    """(title, text, encoding) of a .txt file's bytes."""
    decoded, encoding = detect.decode(data)
    text = trim_blank_edge_lines(normalize_article_text(decoded))
    if not text:
        raise Rejected("empty file")
    return make_title(first_nonblank_line(text), fallback_title), text, encoding


def trim_blank_edge_lines(text: str) -> str:
    lines = text.split("\n")
    start, end = 0, len(lines)
    while start < end and not lines[start].strip():
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return "\n".join(lines[start:end])
