"""The Whoosh schema of the annotation index and the tokenizers it pickles.

Imports Whoosh, so only `index.py` imports this module, and only when an index is opened.
Whoosh pickles the schema (analyzers included) into the index's table of contents, so the
tokenizers are module-level classes holding no state: all the linguistics lives in
`analyzer.py`, called by name at run time. Any change to what gets indexed must bump
`INDEX_SCHEMA_VERSION` (in `__init__.py`) so existing indexes are rebuilt.
"""
from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from whoosh.analysis import Token, Tokenizer
from whoosh.fields import ID, NUMERIC, STORED, TEXT, Schema

from reader.core.models import IndexDoc
from reader.core.search.analyzer import iter_words, tag_key, word_terms

# Separates quote, note and title inside the combined field; each part starts this many
# positions after the previous one so a phrase can never run from the quote into the note.
PART_SEPARATOR = "\u2029"
_PART_GAP = 100
# Separates tags inside the tag field (a tag name may contain spaces, never this).
TAG_SEPARATOR = "\x1f"


class ArabicTokenizer(Tokenizer):
    """Words → Arabic-aware terms (`analyzer.word_terms`); the readings of one word share a position.

    Stop words take no position, as in Whoosh's `StopFilter(renumber=True)`, so a phrase
    query, which drops its stop words too, still finds its words adjacent.
    """

    def __call__(  # type: ignore[override]
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            token.original = token.text = value
            token.boost = 1.0
            token.stopped = False
            if positions:
                token.pos = start_pos
            if chars:
                token.startchar, token.endchar = start_char, start_char + len(value)
            yield token
            return
        pos = start_pos
        offset = 0
        for part in value.split(PART_SEPARATOR):
            for word, start, end, terms in _analyzed(part):
                for term in terms:
                    # Whoosh reuses one Token object: each yield is consumed before the next.
                    token.text = term
                    token.boost = 1.0
                    token.stopped = False
                    if keeporiginal:
                        token.original = word
                    if positions:
                        token.pos = pos
                    if chars:
                        token.startchar = start_char + offset + start
                        token.endchar = start_char + offset + end
                    yield token
                pos += 1
            pos += _PART_GAP
            offset += len(part) + 1


@lru_cache(maxsize=1024)
def _analyzed(part: str) -> tuple[tuple[str, int, int, tuple[str, ...]], ...]:
    """The words of one part that index something, with their terms.

    Cached because each quote, note and title is analysed twice (its own field and the
    combined one) and a title once per annotation of its article.
    """
    out = []
    for word, start, end in iter_words(part):
        terms = word_terms(word)
        if terms:
            out.append((word, start, end, terms))
    return tuple(out)


class TagTokenizer(Tokenizer):
    """One term per tag: the whole name, case- and spacing-insensitive (`analyzer.tag_key`)."""

    def __call__(  # type: ignore[override]
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        names = value.split(TAG_SEPARATOR) if tokenize else [value]
        for i, name in enumerate(names):
            key = tag_key(name)
            if not key:
                continue
            token.text = key
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = name
            if positions:
                token.pos = start_pos + i
            yield token


def build_schema() -> Schema:
    """Free words search `text` only (quote + note + title in one field: DESIGN fact 9);
    `quote`, `note` and `title` are indexed again for the `quote:`/`note:`/`article:` fields,
    and stored for display. They keep positions for phrases; `text` keeps only frequencies
    (an unfielded phrase is looked for in each of the three: `query.py`), which halves what
    a rebuild encodes."""
    words = ArabicTokenizer()
    return Schema(
        annotation_id=ID(stored=True, unique=True, sortable=True),
        article_id=ID(stored=True),
        text=TEXT(analyzer=words, phrase=False),
        quote=TEXT(analyzer=words, phrase=True, stored=True),
        note=TEXT(analyzer=words, phrase=True, stored=True),
        title=TEXT(analyzer=words, phrase=True, stored=True),
        tag=TEXT(analyzer=TagTokenizer(), phrase=False),
        tags=STORED(),
        # Structured data: a figure's value (a range indexes both ends) and unit, a company's
        # canonical name (`value:>1000000000`, `unit:usd`, `company:nvidia`).
        value=NUMERIC(float, bits=64, signed=True),
        value_high=NUMERIC(float, bits=64, signed=True),
        unit=ID(),  # lower-cased by document_fields and the query
        company=TEXT(analyzer=words, phrase=True),
        start=STORED(),
        end=STORED(),
    )


def document_fields(doc: IndexDoc) -> dict[str, Any]:
    """The Whoosh document for one annotation."""
    return {
        "annotation_id": doc.annotation_id,
        "article_id": doc.article_id,
        "text": PART_SEPARATOR.join((doc.quote, doc.note, doc.article_title)),
        "quote": doc.quote,
        "note": doc.note,
        "title": doc.article_title,
        "tag": TAG_SEPARATOR.join(doc.tags),
        "tags": list(doc.tags),
        "start": doc.start,
        "end": doc.end,
        **({"value": doc.value} if doc.value is not None else {}),
        **({"value_high": doc.value_high if doc.value_high is not None else doc.value}
           if doc.value is not None else {}),
        **({"unit": doc.unit.lower()} if doc.unit else {}),
        **({"company": doc.company} if doc.company else {}),
    }
