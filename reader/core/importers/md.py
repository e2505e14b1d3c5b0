"""Markdown files → article text, with markdown-it-py (CommonMark + tables + strikethrough).

Every block (heading, paragraph, list item, blockquote paragraph, table row, code line) becomes
one line; inline markup is removed (links keep their text, images their alt text, code its
content); soft line breaks join, hard breaks (and <br>) start a new line. List items start
with "• " or their number, as in the HTML importer. Raw HTML keeps its text, not its tags.
A YAML front matter block is not article text; its `title:` is used as the title.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from reader.core.text import normalize_article_text

from . import detect, html
from .common import Rejected, collapse_spaces, first_nonblank_line, make_title

_BULLET = "• "
_CELL_SEPARATOR = " | "
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_YAML_KEY = re.compile(r"^[A-Za-z_][\w-]*[ \t]*:", re.M)
_YAML_TITLE = re.compile(r"^title[ \t]*:[ \t]*(?P<value>.*)$", re.M | re.I)
_BR_TAG = re.compile(r"<br\b", re.I)

if TYPE_CHECKING:  # markdown-it costs 50 ms to import: only once a Markdown file is imported
    from markdown_it.token import Token


@functools.lru_cache(maxsize=1)
def _parser():  # noqa: ANN202 - markdown_it.MarkdownIt
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def convert(data: bytes, fallback_title: str) -> tuple[str, str, str]:
    """(title, text, encoding) of a .md file's bytes."""
    source, encoding = detect.decode(data)
    source = normalize_article_text(source)
    if not source.strip():
        raise Rejected("empty file")
    source, front_title = _split_front_matter(source)
    paragraphs, heading = markdown_paragraphs(source)
    text = normalize_article_text("\n".join(paragraphs))
    if not text:
        raise Rejected("no text in markdown file")
    title = front_title or heading or first_nonblank_line(text)
    return make_title(title, fallback_title), text, encoding


def markdown_paragraphs(source: str) -> tuple[list[str], str]:
    """(one string per block, text of the first heading or "")."""
    paragraphs: list[str] = []
    first_heading = ""
    marker = ""  # list marker waiting for the item's first line
    ordered: list[list[int] | None] = []  # per open list: [next number] for ordered, None for bullets
    row: list[str] | None = None  # cells of the table row being read
    in_heading = False

    def emit(line: str) -> None:
        nonlocal marker
        line = collapse_spaces(line)
        if line:
            paragraphs.append(marker + line)
            marker = ""

    for token in _parser().parse(source):
        kind = token.type
        if kind == "bullet_list_open":
            ordered.append(None)
        elif kind == "ordered_list_open":
            ordered.append([_start_number(token)])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            ordered.pop()
        elif kind == "list_item_open":
            marker = _list_marker(ordered)
        elif kind == "list_item_close":
            marker = ""
        elif kind == "heading_open":
            in_heading = True
        elif kind == "heading_close":
            in_heading = False
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close":
            emit(_CELL_SEPARATOR.join(cell for cell in row or [] if cell))
            row = None
        elif kind == "inline":
            lines = inline_lines(token.children or [])
            if row is not None:
                row.append(collapse_spaces(" ".join(lines)))
                continue
            if in_heading and not first_heading:
                first_heading = collapse_spaces(" ".join(lines))
            for line in lines:
                emit(line)
        elif kind in ("fence", "code_block"):
            for line in token.content.split("\n"):
                emit(line)
        elif kind == "html_block":
            for line in html.fragment_paragraphs(token.content):
                emit(line)
    return paragraphs, first_heading


def inline_lines(children: Sequence[Token]) -> list[str]:
    """Plain text of an inline token's children, split at hard line breaks."""
    lines: list[list[str]] = [[]]
    for child in children:
        kind = child.type
        if kind in ("text", "text_special", "code_inline"):
            lines[-1].append(child.content)
        elif kind == "softbreak":
            lines[-1].append(" ")
        elif kind == "hardbreak":
            lines.append([])
        elif kind == "image":
            # The alt text is parsed markdown itself ("![a *b*](x)"): its children hold it.
            lines[-1].append(" ".join(inline_lines(child.children or [])))
        elif kind == "html_inline" and _BR_TAG.match(child.content):
            lines.append([])
        # Emphasis, links, strikethrough and other inline tags: their text is in the children
        # already walked; the tags themselves carry no text.
    return ["".join(pieces) for pieces in lines]


def _split_front_matter(source: str) -> tuple[str, str]:
    """(source without a leading YAML block, that block's title or "")."""
    found = _FRONT_MATTER.match(source)
    if not found or not _YAML_KEY.match(found.group("body").lstrip("\n")):
        # "---" then a line then "---" is also a rule and a setext heading: not front matter
        # unless it reads like YAML.
        return source, ""
    title = _YAML_TITLE.search(found.group("body"))
    value = title.group("value").strip().strip("'\"").strip() if title else ""
    return source[found.end():], value


def _start_number(token: Token) -> int:
    start = token.attrs.get("start", 1)
    try:
        return int(start)
    except (TypeError, ValueError):
        return 1


def _list_marker(ordered: list[list[int] | None]) -> str:
    if not ordered or ordered[-1] is None:
        return _BULLET
    counter = ordered[-1]
    number = counter[0]
    counter[0] += 1
    return f"{number}. "
