"""Snippets of search hits: a short excerpt with the matched words wrapped in `**`.

Words are matched with the analyzer that built the index (`analyzer.word_terms`), so a query
for `nvidia` marks `NVIDIA` and one for `الشركة` marks `والشركات`, harakat and all.
"""
from __future__ import annotations

from reader.core.search.analyzer import iter_words, word_terms

MARK = "**"
SNIPPET_CHARS = 200
# How much text to keep before the first match when the excerpt has to be cut.
_LEAD_CHARS = 60
ELLIPSIS = "…"


def matched_spans(text: str, terms: set[str], prefixes: set[str]) -> list[tuple[int, int]]:
    """(start, end) of every word of `text` that one of `terms` or `prefixes` matches."""
    if not terms and not prefixes:
        return []
    spans = []
    for word, start, end in iter_words(text):
        readings = word_terms(word)
        if any(t in terms for t in readings) or any(
            t.startswith(p) for t in readings for p in prefixes
        ):
            spans.append((start, end))
    return spans


def _cut(text: str, first: int) -> tuple[int, int]:
    """A window of at most SNIPPET_CHARS around position `first`, on word boundaries."""
    if len(text) <= SNIPPET_CHARS:
        return 0, len(text)
    start = max(0, first - _LEAD_CHARS)
    end = min(len(text), start + SNIPPET_CHARS)
    start = max(0, end - SNIPPET_CHARS)
    # Move inward to whitespace so no word is cut in half (unless the text has no spaces there).
    if start > 0:
        space = text.find(" ", start, first if first > start else end)
        if space != -1:
            start = space + 1
    if end < len(text):
        space = text.rfind(" ", max(start, first + 1), end)
        if space != -1:
            end = space
    return start, end


def make_snippet(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` (or a ≤200-character window around its first match) with `spans` marked."""
    first = spans[0][0] if spans else 0
    start, end = _cut(text, first)
    out: list[str] = []
    pos = start
    for s, e in spans:
        if s < start or e > end:
            continue
        out.append(text[pos:s])
        out.append(MARK + text[s:e] + MARK)
        pos = e
    out.append(text[pos:end])
    body = "".join(out).strip()
    if start > 0:
        body = ELLIPSIS + body
    if end < len(text):
        body = body + ELLIPSIS
    return body


def snippet_for(quote: str, note: str, marks_terms: dict[str, set[str]],
                marks_prefixes: dict[str, set[str]]) -> str:
    """The quote excerpt when the quote matched, else the note's when only the note did,
    else the start of the quote (a hit by title, tag or a NOT-only query) with nothing marked."""
    spans = matched_spans(quote, marks_terms["quote"], marks_prefixes["quote"])
    if spans:
        return make_snippet(quote, spans)
    note_spans = matched_spans(note, marks_terms["note"], marks_prefixes["note"])
    if note_spans:
        return make_snippet(note, note_spans)
    return make_snippet(quote, [])
