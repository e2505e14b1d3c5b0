"""Delegates that paint the item models' rows: article cells in their own direction, annotation
rows (colour bar, quote, tag chips, note) and search results (title, snippet with matches bold).
They read only roles and helpers from `reader.ui.models`; text is never reshaped (Qt shapes it).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPalette,
    QPen,
    QTextDocument,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from reader.ui.labels import tag_label
from reader.ui.models import (
    DEFAULT_COLOR,
    DIRECTION_ROLE,
    ELLIPSIS,
    LTR,
    RTL,
    AnnotationRole,
    SearchRole,
    _Index,
    one_line,
    text_direction,
)
from reader.ui.offsets import OffsetMap

PADDING = 6
BAR_WIDTH = 4
GAP = 6
CHIP_PADDING = 6
CHIP_SPACING = 4
QUOTE_LINES = 2
NOTE_LINES = 3
TITLE_LINES = 1
MAX_CHARS_PER_LINE = 400  # more than a line of the widest view holds
HEIGHT_CACHE_SIZE = 4096
MIN_HINT_WIDTH = 2 * PADDING + BAR_WIDTH + GAP + 40


class DirectionalItemDelegate(QStyledItemDelegate):
    """The standard delegate, with each cell's text laid out in the cell's `DIRECTION_ROLE`.

    The alignment is resolved against the view's direction first, so a trailing count stays
    trailing in a mirrored UI while its digits keep their own direction.
    """

    def initStyleOption(self, option: QStyleOptionViewItem, index: _Index) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        direction = index.data(DIRECTION_ROLE)
        if direction in (RTL, LTR):
            option.displayAlignment = QStyle.visualAlignment(option.direction, option.displayAlignment)
            option.direction = direction


def _absolute_alignment(direction: Qt.LayoutDirection) -> Qt.AlignmentFlag:
    edge = Qt.AlignmentFlag.AlignRight if direction == RTL else Qt.AlignmentFlag.AlignLeft
    return edge | Qt.AlignmentFlag.AlignAbsolute


def text_block(text: str, font: QFont, width: float, max_lines: int, direction: Qt.LayoutDirection) -> QTextLayout:
    """`text` on at most `max_lines` lines of `width`, in `direction`, the last one elided.

    Lines are positioned from y = 0; draw with `layout.draw(painter, top_left)`. Qt shapes and
    orders the text itself: it is passed in logical order, never reshaped.
    """
    # Only the start can be shown: a quote of a whole article is not laid out in full.
    budget = max_lines * MAX_CHARS_PER_LINE
    shortened = len(text) > budget
    text = one_line(text[:budget]) + (ELLIPSIS if shortened else "")
    layout = _lay_out(text, font, width, direction)
    if layout.lineCount() > max_lines:
        # Keep the first lines as laid out; squeeze the rest into the last one with "…".
        # Qt's positions are UTF-16 units: convert before slicing the Python string.
        cut = OffsetMap(text).to_cp(layout.lineAt(max_lines - 1).textStart())
        tail = QFontMetricsF(font).elidedText(text[cut:], Qt.TextElideMode.ElideRight, width)
        layout = _lay_out(text[:cut] + tail, font, width, direction)
    # A line beyond max_lines (a rounding difference after eliding) is left out by
    # `block_height` and clipped by `draw_block`.
    return layout


def _lay_out(text: str, font: QFont, width: float, direction: Qt.LayoutDirection) -> QTextLayout:
    layout = QTextLayout(text, font)
    option = QTextOption(_absolute_alignment(direction))
    option.setTextDirection(direction)
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.setCacheEnabled(True)
    layout.beginLayout()
    y = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(width, 1.0))
        line.setPosition(QPointF(0, y))
        y += line.height()
    layout.endLayout()
    return layout


def block_height(layout: QTextLayout, max_lines: int) -> float:
    lines = min(layout.lineCount(), max_lines)
    return sum(layout.lineAt(i).height() for i in range(lines))


def draw_block(painter: QPainter, layout: QTextLayout, max_lines: int, top_left: QPointF, width: float) -> None:
    painter.save()
    visible = QRectF(top_left.x(), top_left.y(), width, block_height(layout, max_lines))
    painter.setClipRect(visible, Qt.ClipOperation.IntersectClip)
    layout.draw(painter, top_left)
    painter.restore()


def _text_color(option: QStyleOptionViewItem, role: QPalette.ColorRole = QPalette.ColorRole.Text) -> QColor:
    group = (
        QPalette.ColorGroup.Normal
        if option.state & QStyle.StateFlag.State_Enabled
        else QPalette.ColorGroup.Disabled
    )
    if option.state & QStyle.StateFlag.State_Selected:
        role = QPalette.ColorRole.HighlightedText
    return option.palette.color(group, role)


def _chip_text_color(background: QColor) -> QColor:
    # Relative luminance (sRGB weights): dark text on light chips, white on dark ones.
    luminance = 0.2126 * background.redF() + 0.7152 * background.greenF() + 0.0722 * background.blueF()
    return QColor("#000000") if luminance > 0.55 else QColor("#ffffff")


def _hint_width(option: QStyleOptionViewItem) -> float:
    """The width a row will get: a list view's rows are as wide as its viewport.

    The option given to sizeHint carries no reliable rect (a list view passes its viewport's
    or a stale one), so the viewport is asked first.
    """
    widget = option.widget
    if isinstance(widget, QAbstractItemView) and widget.viewport().width() > 0:
        return float(widget.viewport().width())
    if option.rect.width() > 0:
        return float(option.rect.width())
    return 320.0


def _view_direction(option: QStyleOptionViewItem) -> Qt.LayoutDirection:
    return option.widget.layoutDirection() if option.widget is not None else option.direction


def _paint_background(painter: QPainter, option: QStyleOptionViewItem) -> None:
    panel = QStyleOptionViewItem(option)
    panel.text = ""
    style = option.widget.style() if option.widget is not None else None
    if style is not None:
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, panel, painter, option.widget)
    elif option.state & QStyle.StateFlag.State_Selected:
        painter.fillRect(option.rect, option.palette.highlight())


def _clip_to_row(painter: QPainter, option: QStyleOptionViewItem) -> None:
    """Move the origin to the row's top-left corner and keep painting inside the row."""
    painter.translate(QPointF(option.rect.topLeft()))
    painter.setClipRect(QRectF(0, 0, option.rect.width(), option.rect.height()), Qt.ClipOperation.IntersectClip)


@dataclass
class _Chip:
    rect: QRectF
    name: str
    color: QColor


@dataclass
class _AnnotationGeometry:
    """Where each part of an annotation row goes, relative to the row's top-left corner."""

    bar: QRectF
    text_x: float
    text_width: float
    quote: QTextLayout
    quote_y: float
    chips: list[_Chip] = field(default_factory=list)
    chip_font: QFont | None = None
    note: QTextLayout | None = None
    note_y: float = 0.0
    height: float = 0.0


class AnnotationDelegate(QStyledItemDelegate):
    """A row per annotation: a colour bar, the quote (two lines at most), tag chips, the note.

    The bar and chips start at the view's leading edge (the right in a right-to-left UI); the
    quote and note each take their own direction from their letters. Row heights depend on the
    width, so give the view `setResizeMode(QListView.ResizeMode.Adjust)`.
    """

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)
        # Row heights by content, width and font: a reset after one edit (or a resize back)
        # then lays out only what changed (≈ 1 ms a row otherwise).
        self._heights: dict[tuple[object, ...], int] = {}

    def geometry(self, option: QStyleOptionViewItem, index: _Index, width: float) -> _AnnotationGeometry:
        """The row's layout at `width`; sizeHint and paint share it so they always agree."""
        rtl_view = _view_direction(option) == RTL
        text_width = max(width - 2 * PADDING - BAR_WIDTH - GAP, 20.0)
        text_x = PADDING if rtl_view else PADDING + BAR_WIDTH + GAP
        bar_x = width - PADDING - BAR_WIDTH if rtl_view else PADDING

        font = QFont(option.font)
        quote = text_block(index.data(AnnotationRole.Quote) or "", font, text_width, QUOTE_LINES,
                           index.data(AnnotationRole.Direction) or RTL)
        y = PADDING + block_height(quote, QUOTE_LINES)
        geo = _AnnotationGeometry(bar=QRectF(), text_x=text_x, text_width=text_width, quote=quote, quote_y=PADDING)

        small = QFont(option.font)
        small.setPointSizeF(max(option.font.pointSizeF() * 0.85, 6.0))
        tag_colors: dict[str, QColor] = index.data(AnnotationRole.TagColors) or {}
        tags: list[str] = index.data(AnnotationRole.Tags) or []
        if tags:
            y += GAP
            geo.chip_font = small
            geo.chips, chips_height = self._chip_rows(tags, tag_colors, small, text_x, y, text_width, rtl_view)
            y += chips_height

        note = index.data(AnnotationRole.Note) or ""
        if note:
            note_font = QFont(small)
            note_font.setItalic(True)
            direction = index.data(AnnotationRole.NoteDirection) or RTL
            geo.note = text_block(note, note_font, text_width, NOTE_LINES, direction)
            geo.note_y = y + GAP
            y = geo.note_y + block_height(geo.note, NOTE_LINES)

        geo.height = y + PADDING
        geo.bar = QRectF(bar_x, PADDING, BAR_WIDTH, geo.height - 2 * PADDING)
        return geo

    @staticmethod
    def _chip_rows(tags: list[str], colors: dict[str, QColor], font: QFont, x: float, y: float,
                   width: float, rtl: bool) -> tuple[list[_Chip], float]:
        """Chips in rows from the leading edge, wrapping when a row is full; returns their height."""
        metrics = QFontMetricsF(font)
        height = metrics.height() + 4
        chips: list[_Chip] = []
        offset = 0.0  # distance from the leading edge
        row = 0
        for name in tags:
            label = tag_label(name)
            chip_width = min(metrics.horizontalAdvance(label) + 2 * CHIP_PADDING, width)
            if offset > 0 and offset + chip_width > width:
                row += 1
                offset = 0.0
            left = x + width - offset - chip_width if rtl else x + offset
            rect = QRectF(left, y + row * (height + CHIP_SPACING), chip_width, height)
            chips.append(_Chip(rect, label, QColor(colors.get(name, QColor(DEFAULT_COLOR)))))
            offset += chip_width + CHIP_SPACING
        return chips, (row + 1) * height + row * CHIP_SPACING

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:  # noqa: N802
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        width = _hint_width(opt)
        key = (
            index.data(AnnotationRole.Quote), index.data(AnnotationRole.Note),
            tuple(index.data(AnnotationRole.Tags) or ()), width, opt.font.key(),
        )
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) > HEIGHT_CACHE_SIZE:
                self._heights.clear()
            height = self._heights[key] = int(self.geometry(opt, index, width).height + 0.999)
        # A small width: a list view stretches rows to its viewport, and a wide hint would
        # leave a horizontal scroll bar behind when the view narrows.
        return QSize(MIN_HINT_WIDTH, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        geo = self.geometry(opt, index, float(opt.rect.width()))
        painter.save()
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            _paint_background(painter, opt)
            _clip_to_row(painter, opt)

            color = index.data(AnnotationRole.Color) or QColor(DEFAULT_COLOR)
            orphan = bool(index.data(AnnotationRole.Orphan))
            if orphan:  # no place in the text: an outlined bar and a dimmed quote
                painter.setPen(QPen(color, 1.5, Qt.PenStyle.DashLine))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(geo.bar.adjusted(0.75, 0.75, -0.75, -0.75), 2, 2)
            else:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(color)
                painter.drawRoundedRect(geo.bar, 2, 2)

            quote_role = QPalette.ColorRole.PlaceholderText if orphan else QPalette.ColorRole.Text
            painter.setPen(_text_color(opt, quote_role))
            draw_block(painter, geo.quote, QUOTE_LINES, QPointF(geo.text_x, geo.quote_y), geo.text_width)

            if geo.chips and geo.chip_font is not None:
                painter.setFont(geo.chip_font)
                for chip in geo.chips:
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(chip.color)
                    radius = chip.rect.height() / 2
                    painter.drawRoundedRect(chip.rect, radius, radius)
                    painter.setPen(_chip_text_color(chip.color))
                    painter.setLayoutDirection(text_direction(chip.name))
                    label = QFontMetricsF(geo.chip_font).elidedText(
                        chip.name, Qt.TextElideMode.ElideRight, chip.rect.width() - 2 * CHIP_PADDING
                    )
                    painter.drawText(chip.rect, Qt.AlignmentFlag.AlignCenter, label)

            if geo.note is not None:
                painter.setPen(_text_color(opt))
                draw_block(painter, geo.note, NOTE_LINES, QPointF(geo.text_x, geo.note_y), geo.text_width)
        finally:
            painter.restore()


class SearchResultDelegate(QStyledItemDelegate):
    """A row per hit: the article title in bold, then the snippet with the matched words bold.

    The snippet is rich text made by `snippet_html` (escaped, so an article cannot inject
    markup) in a QTextDocument whose direction comes from the snippet's letters.
    """

    def _parts(
        self, option: QStyleOptionViewItem, index: _Index, row_width: float
    ) -> tuple[QTextLayout, QTextDocument, float]:
        """The title's layout, the snippet's document, and the width both are laid out in."""
        width = max(row_width - 2 * PADDING, 20.0)
        bold = QFont(option.font)
        bold.setBold(True)
        title = text_block(index.data(SearchRole.ArticleTitle) or "", bold, width, TITLE_LINES,
                           index.data(SearchRole.TitleDirection) or RTL)
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(option.font)
        text_option = QTextOption(doc.defaultTextOption())
        # Blocks of setHtml have no direction of their own, so they take this one (fact 2).
        text_option.setTextDirection(index.data(SearchRole.Direction) or RTL)
        text_option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        doc.setDefaultTextOption(text_option)
        doc.setHtml(index.data(SearchRole.SnippetHtml) or "")
        doc.setTextWidth(width)
        return title, doc, width

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:  # noqa: N802
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        title, doc, _ = self._parts(opt, index, _hint_width(opt))
        height = PADDING + block_height(title, TITLE_LINES) + GAP / 2 + doc.size().height() + PADDING
        return QSize(MIN_HINT_WIDTH, int(height + 0.999))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        title, doc, width = self._parts(opt, index, float(opt.rect.width()))
        painter.save()
        try:
            _paint_background(painter, opt)
            _clip_to_row(painter, opt)
            color = _text_color(opt)
            painter.setPen(color)
            draw_block(painter, title, TITLE_LINES, QPointF(PADDING, PADDING), width)

            painter.translate(PADDING, PADDING + block_height(title, TITLE_LINES) + GAP / 2)
            context = QAbstractTextDocumentLayout.PaintContext()
            palette = QPalette(opt.palette)
            palette.setColor(QPalette.ColorRole.Text, color)
            context.palette = palette
            doc.documentLayout().draw(painter, context)
        finally:
            painter.restore()
