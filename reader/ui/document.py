"""Building the QTextDocument an article is read in, and mapping it back to the article.

The document holds the article's text exactly as stored, in logical order, never reshaped or
reordered (DESIGN.md fact 1): `setPlainText` makes each `\\n` one block separator, so a document
position is the UTF-16 offset into the stored text (`OffsetMap` converts to code points).
Every paragraph's direction is set explicitly from its letters (`reader.core.text`), with a
matching alignment: Qt's own rule would take the first strong character and lay out an Arabic
paragraph that opens with "Nvidia" left to right.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextBlockFormat, QTextCursor, QTextDocument, QTextOption

from reader.core.text import article_direction, paragraph_directions
from reader.ui.offsets import OffsetMap

RTL, LTR = Qt.LayoutDirection.RightToLeft, Qt.LayoutDirection.LeftToRight
DOCUMENT_MARGIN = 24  # px around the text: lines do not touch the window's edges


def _direction(name: str) -> Qt.LayoutDirection:
    return RTL if name == "rtl" else LTR


def block_format(direction: str, line_height: int = 150) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setLayoutDirection(_direction(direction))
    # AlignAbsolute: "right" means the right edge whatever the direction.
    edge = Qt.AlignmentFlag.AlignRight if direction == "rtl" else Qt.AlignmentFlag.AlignLeft
    fmt.setAlignment(edge | Qt.AlignmentFlag.AlignAbsolute)
    fmt.setLineHeight(line_height, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    fmt.setBottomMargin(8)
    return fmt


def fill_document(doc: QTextDocument, text: str, font: QFont | None = None, line_height: int = 150,
                  offsets: OffsetMap | None = None, before_formats: Callable[[], None] | None = None) -> OffsetMap:
    """Put `text` into `doc` with per-paragraph direction and alignment; returns its offset map
    (`offsets`, when the caller already made it for this text). `before_formats` runs between
    setting the text and the paragraph formats: each step makes a syntax highlighter go over
    every paragraph, so its highlights are best handed over there, for the second pass only."""
    doc.setUndoRedoEnabled(False)
    doc.setDocumentMargin(DOCUMENT_MARGIN)
    if font is not None:
        doc.setDefaultFont(font)
    option = QTextOption(doc.defaultTextOption())
    option.setTextDirection(_direction(article_direction(text)))
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    doc.setDefaultTextOption(option)
    doc.setPlainText(text)
    if before_formats is not None:
        before_formats()
    apply_block_formats(doc, text, line_height)
    return offsets if offsets is not None else OffsetMap(text)


def apply_block_formats(doc: QTextDocument, text: str, line_height: int = 150) -> None:
    """Set each block's direction, alignment and line height (one edit block: one relayout)."""
    directions = paragraph_directions(text)
    formats = {d: block_format(d, line_height) for d in ("rtl", "ltr")}
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    block = doc.firstBlock()
    index = 0
    while block.isValid():
        cursor.setPosition(block.position())
        cursor.setBlockFormat(formats[directions[index] if index < len(directions) else "rtl"])
        block = block.next()
        index += 1
    cursor.endEditBlock()
