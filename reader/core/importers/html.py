"""HTML pages → article text, with selectolax (lexbor). Parsing only: nothing is fetched, no
script runs.

Page furniture (scripts, navigation, site header and footer, asides, forms…) is dropped; the
content root is the longest <article>, else <main>, else <body>. Each block element becomes one
paragraph (one line), whitespace inside it collapsed; table cells are joined with " | ", list
items start with "• " or their number. Images are left out (alt text on news sites is mostly
noise; captions come through <figcaption>).
"""
from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from reader.core.text import normalize_article_text

from . import detect
from .common import Rejected, collapse_spaces, first_nonblank_line, make_title

# Never content, wherever they are.
_ALWAYS_DROPPED = frozenset({
    "head", "script", "style", "noscript", "template", "iframe", "svg", "math", "object", "embed",
    "canvas", "audio", "video", "button", "select", "option", "datalist", "textarea", "input",
    "label", "output", "meter", "progress", "dialog",
})
# Page furniture. A <header> inside an <article> is the article's own (headline, byline) and
# stays. A <form> holding the page's <h1>/<article>/<main> is a whole-page wrapper (ASP.NET
# sites, common among Arabic news sites) and stays too.
_FURNITURE = frozenset({"nav", "header", "footer", "aside", "form"})
_NAV_ROLES = frozenset({"navigation", "search", "banner", "contentinfo", "complementary"})

_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd",
    "details", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main",
    "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead",
    "tr", "ul", "search", "frameset", "noframes", "listing", "plaintext", "xmp",
})
_CELLS = frozenset({"td", "th"})
_CELL_SEPARATOR = " | "
_BULLET = "• "

# A charset declared in the first bytes (meta or XML declaration). Browsers look at the first
# 1024 bytes; pages with many meta tags before it are common enough to look a little further.
_PRESCAN_BYTES = 4096
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_:.+-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""\A\s*<\?xml\b[^>]*?encoding\s*=\s*["']([A-Za-z0-9_:.+-]+)""", re.I)


def convert(data: bytes, fallback_title: str) -> tuple[str, str, str]:
    """(title, text, encoding) of an .html file's bytes."""
    markup, encoding = detect.decode(data, declared=declared_charset(data), markup=True)
    if not markup.strip():
        raise Rejected("empty file")
    _check_nesting(markup)
    tree = LexborHTMLParser(markup)
    root = _content_root(tree)
    paragraphs = block_paragraphs(root, strict=True) if root is not None else []
    if not paragraphs and tree.body is not None:
        # The furniture rules can be wrong for an unusual page; a looser pass beats "no text".
        paragraphs = block_paragraphs(tree.body, strict=False)
    text = normalize_article_text("\n".join(paragraphs))
    if not text:
        raise Rejected("no text in html file")
    return make_title(_title(tree, root) or first_nonblank_line(text), fallback_title), text, encoding


# HTML tree building slows down with the square of the nesting depth (100,000 nested <div>s,
# 1.1 MB, took 21 s; 1,000 take 10 ms). Articles nest a few dozen deep. Counted on container
# tags that are never closed implicitly, so sloppy pages full of unclosed <p> or <li> still pass.
MAX_NESTING = 3000
_CONTAINER_TAG = re.compile(r"<(/?)(div|span|section|blockquote|font|table)\b", re.I)


def _check_nesting(markup: str) -> None:
    depth = 0
    for m in _CONTAINER_TAG.finditer(markup):
        depth += -1 if m.group(1) else 1
        if depth > MAX_NESTING:
            raise Rejected(f"nested more than {MAX_NESTING} elements deep; not an article page")


def fragment_paragraphs(markup: str) -> list[str]:
    """Paragraphs of an HTML fragment (raw HTML inside markdown)."""
    # Parsed as a document: a fragment parse exposes only its first top-level node as root.
    body = LexborHTMLParser(markup).body
    return block_paragraphs(body, strict=False) if body is not None else []


def declared_charset(data: bytes) -> str | None:
    """The codec the page declares for itself, read the way browsers read it."""
    head = data[:_PRESCAN_BYTES]
    found = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    if not found:
        return None
    name = detect.codec_name(found.group(1).decode("ascii", "replace"))
    if name is None:
        return None
    if name.startswith(("utf-16", "utf-32")):
        # Bytes that can be read this far as ASCII are not UTF-16; the HTML standard says utf-8.
        return "utf-8"
    if name in ("ascii", "latin-1", "iso8859-1"):
        # The HTML standard reads these labels as windows-1252.
        return "cp1252"
    return name


def block_paragraphs(root: LexborNode, *, strict: bool) -> list[str]:
    """One string per block of `root`'s visible text. `strict` also drops page furniture."""
    out = _Paragraphs()
    # An explicit stack instead of recursion: pages nested thousands deep exist.
    stack: list[tuple[LexborNode, bool]] = [(root, True)]
    in_pre = 0
    in_article = 0
    lists: list[list[int] | None] = []  # per open list: [next number] for <ol>, None for <ul>
    while stack:
        node, entering = stack.pop()
        tag = node.tag
        if not entering:
            if tag in _BLOCKS:
                out.flush()
            if tag == "pre":
                in_pre -= 1
            elif tag == "article":
                in_article -= 1
            elif tag in ("ol", "ul"):
                lists.pop()
            if tag == "li":
                out.marker = ""
            continue
        if node.is_text_node:
            out.add_text(node.text_content or "", keep_lines=in_pre > 0)
            continue
        if not node.is_element_node and not node.is_document_node:
            continue  # comments, doctype
        if node is not root and _dropped(node, tag, strict=strict, in_article=in_article > 0):
            continue
        if tag in _BLOCKS:
            out.flush()
        if tag in _CELLS:
            out.start_cell()
        elif tag == "pre":
            in_pre += 1
        elif tag == "article":
            in_article += 1
        elif tag == "ol":
            lists.append([_int_attr(node, "start", 1)])
        elif tag == "ul":
            lists.append(None)
        elif tag == "li":
            out.marker = _list_marker(node, lists)
        stack.append((node, False))
        children = []
        child = node.child
        while child is not None:
            children.append((child, True))
            child = child.next
        stack.extend(reversed(children))
    out.flush()
    return out.paragraphs


class _Paragraphs:
    """Collects inline text of the current block; `flush` closes the block."""

    def __init__(self) -> None:
        self.paragraphs: list[str] = []
        self.pieces: list[str] = []
        self.marker = ""  # "• " or "3. ", put before the first text of the current list item
        self.cell_started = False  # a table cell began: separate it from text before it
        self.has_text = False

    def add_text(self, text: str, *, keep_lines: bool) -> None:
        if keep_lines:  # inside <pre>: each source line is its own paragraph
            for i, line in enumerate(text.split("\n")):
                if i:
                    self.flush()
                self._add(line)
        else:
            self._add(text)

    def start_cell(self) -> None:
        self.cell_started = True

    def _add(self, text: str) -> None:
        if text.strip():
            # Separators and markers go in only before real text, so empty cells and empty
            # list items leave nothing behind.
            if self.cell_started and self.has_text:
                self.pieces.append(_CELL_SEPARATOR)
            self.cell_started = False
            self.has_text = True
            if self.marker:
                self.pieces.append(self.marker)
                self.marker = ""
        if text:
            self.pieces.append(text)

    def flush(self) -> None:
        paragraph = collapse_spaces("".join(self.pieces))
        self.pieces.clear()
        self.cell_started = False
        self.has_text = False
        if paragraph:
            self.paragraphs.append(paragraph)


def _dropped(node: LexborNode, tag: str | None, *, strict: bool, in_article: bool) -> bool:
    if tag in _ALWAYS_DROPPED:
        return True
    attrs = node.attributes
    if "hidden" in attrs:
        return True
    if not strict:
        return False
    if (attrs.get("role") or "").lower() in _NAV_ROLES and not in_article:
        return True
    if tag not in _FURNITURE:
        return False
    if tag == "header":
        return not in_article
    if tag == "form":
        return node.css_first("h1, article, main") is None
    return True


def _content_root(tree: LexborHTMLParser) -> LexborNode | None:
    articles = tree.css("article")
    if articles:
        return max(articles, key=lambda node: len(node.text(deep=True, separator=" ", strip=True)))
    main = tree.css_first("main") or tree.css_first("[role=main]")
    if main is not None:
        return main
    return tree.body or tree.root


def _title(tree: LexborHTMLParser, root: LexborNode | None) -> str:
    """<title>, but the page's <h1> when <title> is that headline plus a site name."""
    title_node = tree.css_first("head > title")
    title = collapse_spaces(title_node.text()) if title_node is not None else ""
    h1_node = (root.css_first("h1") if root is not None else None) or tree.css_first("h1")
    h1 = collapse_spaces(h1_node.text()) if h1_node is not None else ""
    if h1 and (not title or h1 in title):
        return h1
    return title


def _list_marker(node: LexborNode, lists: list[list[int] | None]) -> str:
    if not lists or lists[-1] is None:
        return _BULLET
    counter = lists[-1]
    number = _int_attr(node, "value", counter[0])
    counter[0] = number + 1
    return f"{number}. "


def _int_attr(node: LexborNode, name: str, default: int) -> int:
    try:
        return int((node.attributes.get(name) or "").strip())
    except ValueError:
        return default
