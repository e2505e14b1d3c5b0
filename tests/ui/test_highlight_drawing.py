"""Highlights drawn by `HighlightPainter` keep Arabic shaping and cover exactly their glyphs.

(a) A highlight edge inside an Arabic word must not split the word's shaping: the line's glyphs
    are the same with and without it (DESIGN.md fact 8). Controls show the comparison notices
    split shaping: the word shaped in two pieces, or a different font at the edge, changes them.
    An edge between lam and alef would break their mandatory ligature: it is drawn outside.
(b) What is painted for a highlight is where the glyphs of its logical range are: render the
    document with and without it, and the changed pixels must be exactly the glyphs' x-extents
    (one piece per visual run: a range across a direction change is two pieces), on the line's
    full height. A range after astral characters checks the UTF-16 shift (DESIGN.md fact 3).
"""
from __future__ import annotations

import pytest
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPainter,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
    QTextLayout,
    QTextLine,
)

from reader.ui.document import fill_document
from reader.ui.highlighter import HighlightPainter, Span
from reader.ui.offsets import OffsetMap

FLAGS = (
    QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphIndexes
    | QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphPositions
)
WIDTH = 700
COLOR = "#f6c343"
# One line: Arabic, astral characters, a Latin name, a number, all right to left.
MIXED_LINE = "قالت الشركة 😀😀 إن Nvidia باعت رقائق بقيمة 8.2 مليار دولار"
WORD = "الصينية"
WORD_LINE = f"قالت الحكومة {WORD} إن Nvidia باعت الرقائق"


def make_document(
    text: str, font: QFont, highlighter: type[QSyntaxHighlighter] | None = HighlightPainter
):
    doc = QTextDocument()
    # Attached before the text is set, as the article view does (DESIGN.md fact 8).
    painter = highlighter(doc) if highlighter else None
    offsets = fill_document(doc, text, font)
    doc.setTextWidth(WIDTH)
    doc.size()
    assert doc.blockCount() == 1 and doc.firstBlock().layout().lineCount() == 1, "one line"
    return doc, painter, offsets


def first_line(doc: QTextDocument) -> QTextLine:
    return doc.firstBlock().layout().lineAt(0)


def glyphs_left_to_right(line: QTextLine) -> list[int]:
    """The line's glyph indexes as drawn, left to right (runs by x; a right-to-left run's glyphs
    are stored in logical order)."""
    runs = sorted(line.glyphRuns(-1, -1, FLAGS), key=lambda run: run.boundingRect().left())
    glyphs: list[int] = []
    for run in runs:
        ids = list(run.glyphIndexes())
        glyphs.extend(reversed(ids) if run.isRightToLeft() else ids)
    return glyphs


def shaped_alone(text: str, font: QFont) -> list[int]:
    layout = QTextLayout(text, font)
    layout.beginLayout()
    line = layout.createLine()
    layout.endLayout()
    return glyphs_left_to_right(line)


def highlight(painter: HighlightPainter, start: int, end: int) -> None:
    """Highlight Qt positions [start, end) of the one block and redraw it."""
    painter.set_spans({0: [Span("a", start, end, COLOR)]})
    painter.rehighlight()


# --- (a) shaping across highlight edges ---------------------------------------------------


@pytest.fixture
def word_edge() -> tuple[int, int]:
    """A range whose start falls between ص and ي in the middle of الصينية (both joined)."""
    start = WORD_LINE.index(WORD) + 3
    return start, start + 7


def test_highlight_edge_inside_an_arabic_word_keeps_its_glyphs(article_font, word_edge):
    doc, painter, _ = make_document(WORD_LINE, article_font)
    plain = glyphs_left_to_right(first_line(doc))
    highlight(painter, *word_edge)
    formats = doc.firstBlock().layout().formats()
    assert [(f.start, f.length) for f in formats] == [(word_edge[0], word_edge[1] - word_edge[0])]
    assert formats[0].format.background().color().name() == COLOR
    assert glyphs_left_to_right(first_line(doc)) == plain


def test_control_shaping_the_word_in_two_pieces_changes_its_glyphs(article_font):
    """What a split run would draw: "الص" and "ينية" shaped apart take final and initial forms."""
    whole = shaped_alone(WORD, article_font)
    cut = 3
    # Right to left: the second piece is drawn on the left.
    apart = shaped_alone(WORD[cut:], article_font) + shaped_alone(WORD[:cut], article_font)
    assert len(whole) == len(apart)
    assert whole != apart
    # The two letters at the cut (ص and ي) lose their joined forms.
    at_cut = slice(len(WORD) - cut - 1, len(WORD) - cut + 1)
    assert whole[at_cut] != apart[at_cut]


@pytest.mark.parametrize("pair", ["لا", "لأ", "لَا"])
def test_highlight_edge_between_lam_and_alef_keeps_the_ligature(article_font, pair):
    """Qt shapes each side of a format boundary in its own HarfBuzz call (with the text around
    as context, so joining forms stay), so no ligature crosses a boundary: an edge between lam
    and alef would draw them unligated. HighlightPainter draws such an edge outside the pair."""
    text = f"قال إنه {pair}يعلم شيئا عن الأمريكية"
    doc, painter, _ = make_document(text, article_font)
    plain = glyphs_left_to_right(first_line(doc))
    edge = text.index(pair) + 1
    highlight(painter, edge, edge + 5)
    assert glyphs_left_to_right(first_line(doc)) == plain


class OtherFontAtTheEdge(QSyntaxHighlighter):
    """A format that changes the font family from the word's middle on."""

    edge: tuple[int, int] = (0, 0)

    def highlightBlock(self, text: str) -> None:
        fmt = QTextCharFormat()
        fmt.setFontFamilies(["DejaVu Sans"])
        start, end = self.edge
        self.setFormat(start, end - start, fmt)


def test_control_a_font_change_at_the_edge_changes_the_glyphs(article_font, word_edge):
    """The comparison above has teeth: a format that does change shaping (another font from
    the edge on) gives other glyphs. (A size change would not: in Qt 6 HarfBuzz shapes each
    item with the text around it, so even then the joining forms stay.)"""
    plain_doc, _, _ = make_document(WORD_LINE, article_font, highlighter=None)
    OtherFontAtTheEdge.edge = word_edge
    doc, _, _ = make_document(WORD_LINE, article_font, highlighter=OtherFontAtTheEdge)
    assert glyphs_left_to_right(first_line(doc)) != glyphs_left_to_right(first_line(plain_doc))


# --- (b) painted pixels ---------------------------------------------------------------------


def render(doc: QTextDocument) -> QImage:
    image = QImage(WIDTH, int(doc.size().height()) + 1, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    doc.drawContents(painter)
    painter.end()
    return image


def changed_pixels(before: QImage, after: QImage) -> tuple[list[list[int]], tuple[int, int]]:
    """Pieces [x0, x1) of columns with a changed pixel, and the (first, last + 1) changed rows."""
    stride = before.bytesPerLine()
    a, b = bytes(before.constBits()), bytes(after.constBits())
    columns: set[int] = set()
    rows: list[int] = []
    for y in range(before.height()):
        row_a, row_b = a[y * stride : (y + 1) * stride], b[y * stride : (y + 1) * stride]
        if row_a == row_b:
            continue
        rows.append(y)
        columns.update(
            x for x in range(before.width()) if row_a[4 * x : 4 * x + 4] != row_b[4 * x : 4 * x + 4]
        )
    pieces = merge([(x, x + 1) for x in sorted(columns)], gap=0)
    return pieces, (rows[0], rows[-1] + 1) if rows else (0, 0)


def merge(intervals: list[tuple[float, float]], gap: float) -> list[list[float]]:
    merged: list[list[float]] = []
    for left, right in sorted(intervals):
        if merged and left <= merged[-1][1] + gap:
            merged[-1][1] = max(merged[-1][1], right)
        else:
            merged.append([left, right])
    return merged


def glyph_extents(doc: QTextDocument, qt_start: int, qt_end: int) -> list[list[float]]:
    """x-extents (document coordinates) of the glyphs of [qt_start, qt_end), merged into
    visual pieces: each glyph spans its position to its position plus its advance."""
    layout = doc.firstBlock().layout()
    origin = layout.position().x()
    intervals = []
    for run in first_line(doc).glyphRuns(qt_start, qt_end - qt_start, FLAGS):
        advances = run.rawFont().advancesForGlyphIndexes(run.glyphIndexes())
        for point, advance in zip(run.positions(), advances):
            intervals.append((origin + point.x(), origin + point.x() + advance.x()))
    return merge(intervals, gap=0.5)


def line_rows(doc: QTextDocument) -> tuple[float, float]:
    layout = doc.firstBlock().layout()
    line = first_line(doc)
    top = layout.position().y() + line.y()
    return top, top + line.height()


def painted_matches_glyphs(painted: list[list[int]], glyphs: list[list[float]]) -> bool:
    # The background rectangle starts at floor(x) and is antialiased at its right edge.
    return len(painted) == len(glyphs) and all(
        abs(p_left - g_left) <= 1.5 and abs(p_right - g_right) <= 1.5
        for (p_left, p_right), (g_left, g_right) in zip(painted, glyphs)
    )


CASES = {
    "arabic word": ("الشركة", 1),
    "across a direction change": ("ن Nvi", 2),  # end of an Arabic word, then a Latin one
    "latin name": ("Nvidia", 1),
    "number into arabic": ("8.2 م", 1),
    "inside words": ("ت رقا", 1),
    "after astral characters": ("😀 إن", 1),
    "only after astral characters": ("باعت", 1),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_painted_highlight_covers_exactly_the_glyphs_of_its_range(article_font, name):
    needle, pieces = CASES[name]
    doc, painter, offsets = make_document(MIXED_LINE, article_font)
    before = render(doc)
    start = MIXED_LINE.index(needle)
    qt_start, qt_end = offsets.to_qt(start), offsets.to_qt(start + len(needle))
    highlight(painter, qt_start, qt_end)
    painted, rows = changed_pixels(before, render(doc))

    glyphs = glyph_extents(doc, qt_start, qt_end)
    assert len(glyphs) == pieces, glyphs
    assert painted_matches_glyphs(painted, glyphs), (painted, glyphs)
    top, bottom = line_rows(doc)
    assert abs(rows[0] - top) <= 1 and abs(rows[1] - bottom) <= 1, (rows, top, bottom)


def test_control_a_range_not_converted_to_utf16_paints_the_wrong_glyphs(article_font):
    """Code points used as Qt positions after "😀😀" land two positions early: the check fails."""
    doc, painter, offsets = make_document(MIXED_LINE, article_font)
    assert not OffsetMap(MIXED_LINE).identity
    before = render(doc)
    start = MIXED_LINE.index("باعت")
    end = start + len("باعت")
    highlight(painter, start, end)  # the bug: no offsets.to_qt
    painted, _ = changed_pixels(before, render(doc))
    right = glyph_extents(doc, offsets.to_qt(start), offsets.to_qt(end))
    assert not painted_matches_glyphs(painted, right)
