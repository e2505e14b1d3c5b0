"""Annotations as Markdown, for reading (export only; nothing reads it back).

Per article: a heading with its title, its source in italics, then each annotation in text
order — the quote as a blockquote, its tags as code spans, its note as paragraphs — with orphans
(annotations no longer found in the text) last, marked as such. Each article sits in a
`<div dir="rtl">` (or `ltr`, by the letters of its text) so renderers lay Arabic out right to
left and right-aligned; blank lines around the div's content keep it Markdown (CommonMark ends an
HTML block at a blank line). Text stays in logical order and unshaped: reshaping is for
renderers that cannot shape (DESIGN.md fact 1), and every Markdown renderer ends in one that can.
User text is escaped so a quote that starts with "#" or "1." is not read as Markdown syntax.
"""
from __future__ import annotations

import re

from reader.core.exchange.native import ExportArticle, live_in_text_order
from reader.core.models import Annotation
from reader.core.text import article_direction

# ASCII punctuation Markdown gives meaning to anywhere in a line (CommonMark allows a backslash
# before any ASCII punctuation, so escaping is always safe).
_INLINE = re.compile(r"([\\`*_\[\]<>&|~#])")
# What only matters at the start of a line: list markers, setext underlines ("#" and ">" are
# escaped everywhere already).
_LINE_START = re.compile(r"^(\d*)([+=.)-])")
ORPHAN_MARK = "⚠ orphan: not found in the current text"


def export_markdown(items: list[ExportArticle]) -> str:
    """One Markdown document for `items`."""
    return "\n".join(_article(item) for item in items)


def _article(item: ExportArticle) -> str:
    article = item.article
    direction = article_direction(article.text)
    lines = [f'<div dir="{direction}">', "", f"# {escape(_one_line(article.title)) or '—'}", ""]
    if article.source:
        lines += [f"*{escape(_one_line(article.source))}*", ""]
    annotations = live_in_text_order(item.annotations)
    for ann in [a for a in annotations if not a.orphan] + [a for a in annotations if a.orphan]:
        lines += _annotation(ann)
    lines += ["</div>", ""]
    return "\n".join(lines)


def _annotation(ann: Annotation) -> list[str]:
    lines = [_blockquote(ann.quote), ""]
    if ann.orphan:
        lines += [f"*{ORPHAN_MARK}*", ""]
    if ann.tags:
        lines += [" ".join(_code(t) for t in ann.tags), ""]
    if ann.note.strip():
        for paragraph in re.split(r"\n\s*\n", ann.note.strip()):
            # Two trailing spaces: a hard line break, so the note keeps its lines.
            lines += ["  \n".join(escape(line) for line in paragraph.splitlines()), ""]
    return lines


def escape(text: str) -> str:
    """`text` as literal Markdown on one line (each line of it, if several)."""
    out = []
    for line in text.split("\n"):
        # Leading spaces would make an indented code block.
        line = _INLINE.sub(r"\\\1", line.strip())
        out.append(_LINE_START.sub(r"\1\\\2", line))
    return "\n".join(out)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _blockquote(quote: str) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in escape(quote).split("\n"))


def _code(tag: str) -> str:
    """A code span holding `tag` whatever backticks it contains."""
    longest = max((len(run) for run in re.findall(r"`+", tag)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if tag.startswith("`") or tag.endswith("`") else ""
    return f"{fence}{pad}{tag}{pad}{fence}"
