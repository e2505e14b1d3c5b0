"""The search query language: parsing a query string, and turning it into a Whoosh query.

Grammar (operators are upper case; `and`/`or`/`not` in lower case are ordinary words):

    query   := all
    all     := any ( ["AND"] any )*          words side by side must all match
    any     := unary ( "OR" unary )*         OR binds tighter than AND, as in web search:
                                             `nvidia الصين OR بكين` = nvidia AND (الصين OR بكين)
    unary   := ("NOT" | "-") unary | primary
    primary := FIELD ":" value | value
    value   := "(" all ")" | '"' phrase '"' | word[*]

Fields: `tag:` (exact tag name, case-insensitive; `tag:"two words"`), `article:` (words of the
article title, or its id), `note:`, `quote:`. Unfielded words search quote + note + title.
Structured data of figures and companies: `value:>1000000000` (also `>=`, `<`, `<=`, `=`, a bare
number, or a range `1e9..5e9`; a figure that is a range matches when the ranges overlap),
`unit:usd` (ISO code or `%`), `company:nvidia` (words of the canonical name).
A field applies to a whole group: `quote:(رقائق OR nvidia)`. `word*` is a prefix search.

Forgiven, on purpose: unknown fields (`foo:bar`, `10:30`, a URL) are plain words; punctuation
inside words is a word break (`nvidia's` = nvidia s); stop words and lone punctuation match
nothing and are dropped; an empty phrase `""` is dropped; a lone `-` is ignored.
Invalid (`InvalidQuery` with a message saying why): an unclosed `"`, unbalanced parentheses,
empty `()`, AND/OR without a term on both sides, NOT with nothing after it, a field with no
value right after its colon (`tag: x`), and a prefix of fewer than 2 letters (`a*`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Union

from reader.core.errors import InvalidQuery
from reader.core.search.analyzer import iter_words, prefix_terms, tag_key, word_terms
from reader.core.text import fold_digits

_NUMBER = r"[-+]?(?:\d[\d,]*(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?"
_VALUE_RE = re.compile(rf"^(>=|<=|>|<|=)?({_NUMBER})(?:\.\.({_NUMBER}))?$")


def _number(text: str | None) -> float | None:
    return None if text is None else float(text.replace(",", ""))

FIELDS = ("tag", "article", "note", "quote", "value", "unit", "company")
_TEXT = "text"  # the combined quote + note + title field: what unfielded words search

# ---------------------------------------------------------------- syntax tree


@dataclass(frozen=True)
class Words:
    field: str
    text: str
    prefix: bool = False  # the last word ended with `*`


@dataclass(frozen=True)
class Phrase:
    field: str
    text: str


@dataclass(frozen=True)
class AllOf:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class AnyOf:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Not:
    item: Node


Node = Union[Words, Phrase, AllOf, AnyOf, Not]

# ---------------------------------------------------------------- lexer

_LPAREN, _RPAREN, _AND, _OR, _NOT, _FIELD, _WORD, _PHRASE = (
    "(", ")", "AND", "OR", "NOT", "FIELD", "WORD", "PHRASE"
)
_STOPS = frozenset(' \t\n\r\f\v()"')


@dataclass(frozen=True)
class _Tok:
    kind: str
    text: str = ""


def _lex(query: str) -> list[_Tok]:
    toks: list[_Tok] = []
    i, n = 0, len(query)
    while i < n:
        ch = query[i]
        if ch.isspace():
            i += 1
        elif ch == "(":
            toks.append(_Tok(_LPAREN))
            i += 1
        elif ch == ")":
            toks.append(_Tok(_RPAREN))
            i += 1
        elif ch == '"':
            close = query.find('"', i + 1)
            if close == -1:
                raise InvalidQuery('unclosed quote: a phrase needs a closing "')
            toks.append(_Tok(_PHRASE, query[i + 1 : close]))
            i = close + 1
        elif ch == "-" and i + 1 < n and not query[i + 1].isspace() and query[i + 1] != ")":
            toks.append(_Tok(_NOT, "-"))
            i += 1
        else:
            j = i
            while j < n and query[j] not in _STOPS and not query[j].isspace():
                j += 1
            chunk = query[i:j]
            name, colon, value = chunk.partition(":")
            if colon and name.lower() in FIELDS:
                if not value and (j >= n or query[j] not in '("'):
                    raise InvalidQuery(f"{name.lower()}: needs a value right after the colon")
                toks.append(_Tok(_FIELD, name.lower()))
                if value:
                    toks.append(_Tok(_WORD, value))
            elif chunk in (_AND, _OR, _NOT):
                toks.append(_Tok(chunk))
            else:
                toks.append(_Tok(_WORD, chunk))
            i = j
    return toks


# ---------------------------------------------------------------- parser


class _Parser:
    def __init__(self, toks: list[_Tok]) -> None:
        self.toks = toks
        self.i = 0

    def peek(self) -> _Tok | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self) -> _Tok:
        tok = self.toks[self.i]
        self.i += 1
        return tok

    def _needs_operand(self, op: str) -> None:
        nxt = self.peek()
        if nxt is None or nxt.kind in (_RPAREN, _AND, _OR):
            raise InvalidQuery(f"{op} needs a word or group after it")

    def all(self, fld: str) -> Node | None:
        items: list[Node] = []
        while (tok := self.peek()) is not None and tok.kind != _RPAREN:
            if tok.kind == _AND:
                if not items:
                    raise InvalidQuery("AND needs a word or group before it")
                self.take()
                self._needs_operand("AND")
                continue
            if tok.kind == _OR:
                raise InvalidQuery("OR needs a word or group before it")
            items.append(self.any(fld))
        if not items:
            return None
        return items[0] if len(items) == 1 else AllOf(tuple(items))

    def any(self, fld: str) -> Node:
        items = [self.unary(fld)]
        while (tok := self.peek()) is not None and tok.kind == _OR:
            self.take()
            self._needs_operand("OR")
            items.append(self.unary(fld))
        return items[0] if len(items) == 1 else AnyOf(tuple(items))

    def unary(self, fld: str) -> Node:
        tok = self.peek()
        if tok is not None and tok.kind == _NOT:
            self.take()
            self._needs_operand("NOT" if tok.text != "-" else "-")
            return Not(self.unary(fld))
        return self.primary(fld)

    def primary(self, fld: str) -> Node:
        tok = self.take()
        if tok.kind == _FIELD:
            # The lexer guarantees a value follows the colon.
            return self.primary(tok.text)
        if tok.kind == _LPAREN:
            inner = self.all(fld)
            closing = self.peek()
            if closing is None or closing.kind != _RPAREN:
                raise InvalidQuery("missing ')': a parenthesis was opened and never closed")
            self.take()
            if inner is None:
                raise InvalidQuery("empty parentheses '()'")
            return inner
        if tok.kind == _PHRASE:
            return Phrase(fld, tok.text)
        if tok.kind == _WORD:
            text = tok.text
            prefix = text.endswith("*")
            return Words(fld, text.rstrip("*") if prefix else text, prefix)
        if tok.kind == _RPAREN:
            raise InvalidQuery("unexpected ')' without a matching '('")
        raise InvalidQuery(f"unexpected {tok.kind}")  # pragma: no cover - every kind is handled


MAX_QUERY_LENGTH = 1000
MAX_NESTING = 50


def parse(query: str) -> Node | None:
    """The syntax tree of `query`; None when it is empty. Raises InvalidQuery."""
    if len(query) > MAX_QUERY_LENGTH:
        raise InvalidQuery(f"the query is longer than {MAX_QUERY_LENGTH} characters")
    # The parser recurses per parenthesis and NOT: bound it before Python's stack does.
    depth = deepest = 0
    for ch in query:
        depth += ch == "("
        depth -= ch == ")"
        deepest = max(deepest, depth)
    if deepest > MAX_NESTING or query.count("NOT") + query.count("-") > 4 * MAX_NESTING:
        raise InvalidQuery(f"the query nests deeper than {MAX_NESTING} levels")
    parser = _Parser(_lex(query))
    node = parser.all(_TEXT)
    if parser.peek() is not None:
        raise InvalidQuery("unexpected ')' without a matching '('")
    return node


# ---------------------------------------------------------------- compiling to Whoosh


@dataclass
class Marks:
    """What a snippet should highlight: the positive terms and prefixes per stored field."""

    terms: dict[str, set[str]] = field(default_factory=lambda: {"quote": set(), "note": set()})
    prefixes: dict[str, set[str]] = field(default_factory=lambda: {"quote": set(), "note": set()})

    def add(self, fld: str, terms: tuple[str, ...], prefix: bool = False) -> None:
        targets = ("quote", "note") if fld == _TEXT else (fld,) if fld in ("quote", "note") else ()
        for target in targets:
            (self.prefixes if prefix else self.terms)[target].update(terms)


@dataclass
class Compiled:
    query: Any  # a whoosh.query.Query, or None when nothing is left to search for
    marks: Marks


def compile_query(node: Node | None) -> Compiled:
    """The Whoosh query for a syntax tree, and the terms its snippets mark. Imports Whoosh."""
    marks = Marks()
    if node is None:
        return Compiled(None, marks)
    compiler = _Compiler(marks)
    q = compiler.node(node, positive=True)
    if isinstance(q, compiler.wq.Not):
        # "NOT x" alone: everything except x.
        q = compiler.wq.AndNot(compiler.wq.Every(), q.query)
    return Compiled(q, marks)


class _Compiler:
    def __init__(self, marks: Marks) -> None:
        from whoosh import query as wq  # ~80 ms: only once a search actually runs

        self.wq = wq
        self.marks = marks

    def node(self, node: Node, positive: bool) -> Any:
        wq = self.wq
        if isinstance(node, Words):
            return self.words(node, positive)
        if isinstance(node, Phrase):
            return self.phrase(node, positive)
        if isinstance(node, Not):
            inner = self.node(node.item, not positive)
            return None if inner is None else wq.Not(inner)
        if isinstance(node, AnyOf):
            parts = [q for q in (self.node(n, positive) for n in node.items) if q is not None]
            return None if not parts else parts[0] if len(parts) == 1 else wq.Or(parts)
        # AllOf: Whoosh runs "x AND NOT y" best as AndNot(x, y); a query of negatives only
        # means "everything except".
        parts = [q for q in (self.node(n, positive) for n in node.items) if q is not None]
        musts = [q for q in parts if not isinstance(q, wq.Not)]
        nots = [q.query for q in parts if isinstance(q, wq.Not)]
        if not parts:
            return None
        base = wq.Every() if not musts else musts[0] if len(musts) == 1 else wq.And(musts)
        if not nots:
            return base
        return wq.AndNot(base, nots[0] if len(nots) == 1 else wq.Or(nots))

    # A word's readings (see analyzer.word_terms) are alternatives.
    def _term(self, fld: str, terms: tuple[str, ...]) -> Any:
        wq = self.wq
        if len(terms) == 1:
            return wq.Term(fld, terms[0])
        return wq.Or([wq.Term(fld, t) for t in terms])

    def _prefix(self, fld: str, word: str) -> Any:
        wq = self.wq
        prefixes = prefix_terms(word)
        if not prefixes:
            raise InvalidQuery(f"'{word}*': a prefix search needs at least 2 letters before the *")
        parts = [wq.Prefix(fld, p) for p in prefixes]
        return parts[0] if len(parts) == 1 else wq.Or(parts)

    def words(self, node: Words, positive: bool) -> Any:
        wq = self.wq
        if node.field == "value":
            return self.value(node.text)
        if node.field == "unit":
            unit = node.text.strip().lower()
            return wq.Term("unit", "%" if unit in ("percent", "pct", "٪") else unit) if unit else None
        if node.field == "tag":
            key = tag_key(node.text)
            if not key:
                return None
            return wq.Prefix("tag", key) if node.prefix else wq.Term("tag", key)
        fld = "title" if node.field == "article" else node.field
        words = [w for w, _, _ in iter_words(node.text)]
        if node.prefix and not words:
            raise InvalidQuery("'*' needs at least 2 letters before it")
        parts = []
        for i, word in enumerate(words):
            if node.prefix and i == len(words) - 1:
                parts.append(self._prefix(fld, word))
                if positive:
                    self.marks.add(fld, prefix_terms(word), prefix=True)
                continue
            terms = word_terms(word)
            if terms:
                parts.append(self._term(fld, terms))
                if positive:
                    self.marks.add(fld, terms)
        q = None if not parts else parts[0] if len(parts) == 1 else wq.And(parts)
        if node.field == "article" and node.text.strip():
            # An article id is matched whole (or by its beginning with `*`).
            raw = node.text.strip()
            by_id = wq.Prefix("article_id", raw) if node.prefix else wq.Term("article_id", raw)
            q = by_id if q is None else wq.Or([by_id, q])
        return q

    def value(self, text: str) -> Any:
        """A figure's value compared with a number, or within a range (see the module docstring)."""
        wq = self.wq
        match = _VALUE_RE.match(fold_digits(text.strip()))
        if match is None:
            raise InvalidQuery(f"value:{text} is not a comparison with a number; try value:>1000000000,"
                               " value:<=15 or value:1e9..5e9")
        op, first, second = match.group(1) or "=", _number(match.group(2)), _number(match.group(3))
        if second is not None:
            if op != "=":
                raise InvalidQuery(f"value:{text}: a range takes no comparison sign")
            low, high, low_open, high_open = min(first, second), max(first, second), False, False
        else:
            low = high = first
            low_open = high_open = False
            if op.startswith(">"):
                high, low_open = None, op == ">"
            elif op.startswith("<"):
                low, high_open = None, op == "<"
        # The figure [value, value_high] and the wanted [low, high] overlap.
        parts = []
        if high is not None:
            parts.append(wq.NumericRange("value", None, high, endexcl=high_open))
        if low is not None:
            parts.append(wq.NumericRange("value_high", low, None, startexcl=low_open))
        return parts[0] if len(parts) == 1 else wq.And(parts)

    def _adjacent(self, fld: str, words: list[tuple[str, ...]]) -> Any:
        wq = self.wq
        if all(len(terms) == 1 for terms in words):
            return wq.Phrase(fld, [terms[0] for terms in words])
        # Some word has several readings: Sequence matches alternatives in adjacent positions.
        return wq.Sequence([self._term(fld, terms) for terms in words])

    def phrase(self, node: Phrase, positive: bool) -> Any:
        wq = self.wq
        if node.field in ("value", "unit"):
            return self.words(Words(node.field, node.text), positive)
        if node.field == "tag":
            return self.words(Words("tag", node.text), positive)
        fld = "title" if node.field == "article" else node.field
        words = [terms for terms in (word_terms(w) for w, _, _ in iter_words(node.text)) if terms]
        if positive:
            for terms in words:
                self.marks.add(fld, terms)
        if not words:
            q = None
        elif len(words) == 1:
            q = self._term(fld, words[0])
        elif fld == _TEXT:
            # The combined field keeps no positions (a phrase never runs from one part into the
            # next anyway): an unfielded phrase is one in the quote, the note or the title.
            q = wq.Or([self._adjacent(part, words) for part in ("quote", "note", "title")])
        else:
            q = self._adjacent(fld, words)
        if node.field == "article" and node.text.strip():
            by_id = wq.Term("article_id", node.text.strip())
            q = by_id if q is None else wq.Or([by_id, q])
        return q
