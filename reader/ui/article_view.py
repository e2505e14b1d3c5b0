"""The article view: a read-only QTextBrowser showing one article, its highlights, and the
selection → tag interactions (keys, context menu, floating toolbar).

The view speaks code points to the rest of the app; it converts to Qt positions only through
its `OffsetMap`. It never changes the library itself: it emits signals, and the window calls the
services (so every change goes through the undo stack).
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from PySide6.QtCore import QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QKeyEvent,
    QMouseEvent,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextLayout,
)
from PySide6.QtWidgets import QFrame, QHBoxLayout, QTextBrowser, QTextEdit, QToolButton, QWidget

from reader.core.models import Annotation, Article, Tag
from reader.ui.document import fill_document
from reader.ui.fonts import reading_font
from reader.ui.highlighter import HighlightPainter, Span
from reader.ui.labels import isolate, short, tag_label
from reader.ui.offsets import OffsetMap


class _Mark(NamedTuple):
    """A suggestion drawn like a highlight (what `_spans_by_block` needs of one)."""

    id: str
    start: int
    end: int
    color: str

_GLYPH_FLAGS = QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphIndexes | QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphPositions
THEMES: dict[str, tuple[str, str]] = {
    # name: (background, text)
    "light": ("#ffffff", "#1d1d1f"),
    "sepia": ("#f4ecd8", "#3b2f21"),
    "dark": ("#1e1f22", "#e6e6e6"),
}
MIN_POINT_SIZE, MAX_POINT_SIZE = 9.0, 40.0
FOUND_COLOR = "#8fd3ff"  # find-in-article matches: a blue no tag uses
MAX_FOUND_MARKS = 1000  # more marks cost seconds to set (DESIGN.md fact 8); the count still shows all


def paragraph_starts(text: str) -> list[int]:
    """Code-point index where each `\\n`-separated paragraph (= document block) starts."""
    starts = [0]
    found = text.find("\n")
    while found != -1:
        starts.append(found + 1)
        found = text.find("\n", found + 1)
    return starts


class TagToolbar(QFrame):
    """The floating toolbar shown over a fresh selection: one button per tag."""

    tagClicked = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("tagToolbar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(4, 2, 4, 2)
        self._layout.setSpacing(2)
        self.hide()

    def set_tags(self, tags: Sequence[Tag]) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for tag in tags:
            button = QToolButton(self)
            name = tag_label(tag.name)
            button.setText(f"{tag.key} {name}" if tag.key else name)
            button.setToolTip(self.tr("Tag the selection as “%1”").replace("%1", name))
            button.setStyleSheet(
                f"QToolButton {{ background: {tag.color}; color: #111; border-radius: 4px; padding: 2px 6px; }}"
            )
            button.clicked.connect(lambda _=False, name=tag.name: self.tagClicked.emit(name))
            self._layout.addWidget(button)
        self.adjustSize()


class ArticleView(QTextBrowser):
    tagRequested = Signal(str)  # tag the current selection with this tag
    highlightsClicked = Signal(list)  # annotation ids under a click, innermost first
    noteRequested = Signal()  # add a note to (a highlight on) the selection
    deleteRequested = Signal(str)  # move this annotation to the trash
    editNoteRequested = Signal(str)  # edit this annotation's note
    editTagsRequested = Signal(str)  # choose this annotation's tags
    # Suggestions: ("accept", suggestion, tag) or ("dismiss", suggestion, ""); focus moved to one.
    suggestionAction = Signal(str, object, str)
    suggestionFocused = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setOpenLinks(False)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setObjectName("articleView")
        self.article: Article | None = None
        self.offsets = OffsetMap("")
        self._paragraph_starts: list[int] = [0]
        self.annotations: list[Annotation] = []
        self.tags: list[Tag] = []
        self.suggestions: list = []  # reader.core.suggest.Suggestion, by position; [] when off
        self.point_size = 15.0
        self.line_height = 160
        self.theme = "light"
        self.painter = HighlightPainter(self.document())
        self.toolbar = TagToolbar(self.viewport())
        self.toolbar.tagClicked.connect(self._toolbar_tag)
        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.timeout.connect(self._clear_flash)
        self._found: list[tuple[int, int]] = []
        self._flash: tuple[int, int] | None = None
        self.setFont(reading_font(self.point_size))
        self.apply_theme(self.theme)
        self.verticalScrollBar().valueChanged.connect(self._hide_toolbar)

    # -- content -------------------------------------------------------------------------------
    def load(self, article: Article, annotations: Iterable[Annotation], tags: Sequence[Tag]) -> None:
        self.article = article
        self.tags = list(tags)
        self.toolbar.set_tags(self.tags)
        self.toolbar.hide()
        self._found = []
        self._flash = None
        self.setExtraSelections([])
        self.annotations = [a for a in annotations if not a.orphan]
        self.suggestions = []
        self.painter._hints = {}  # noqa: SLF001 - reset with the document, before any layout
        # The highlight table goes in before the text, so highlighting happens once, during the
        # load; a rehighlight() of a loaded 2 MB article costs seconds (DESIGN.md fact 8).
        self.offsets = OffsetMap(article.text)
        self._paragraph_starts = paragraph_starts(article.text)
        spans = self._spans_by_block(self.annotations)
        self.painter.set_spans({})
        fill_document(self.document(), article.text, reading_font(self.point_size), self.line_height, self.offsets,
                      before_formats=lambda: self.painter.set_spans(spans))

    def clear_article(self) -> None:
        self.article = None
        self.annotations = []
        self.offsets = OffsetMap("")
        self._paragraph_starts = [0]
        self.painter.set_spans({})
        self.document().clear()

    def set_annotations(self, annotations: Iterable[Annotation]) -> None:
        """Redraw after annotations changed: only the blocks whose highlights differ."""
        new = [a for a in annotations if not a.orphan]
        old_spans = self._spans_by_block(self.annotations)
        new_spans = self._spans_by_block(new)
        self.annotations = new
        for block in set(old_spans) | set(new_spans):
            if old_spans.get(block) != new_spans.get(block):
                self.painter.update_block(block, new_spans.get(block, []))

    def update_annotation(self, annotation_id: str, new: Annotation | None) -> None:
        """One annotation added, changed or gone (None): redraw only the paragraphs it covers
        (before and after), from the annotations that touch them."""
        old = next((a for a in self.annotations if a.id == annotation_id), None)
        self.annotations = [a for a in self.annotations if a.id != annotation_id]
        if new is not None and not new.orphan:
            self.annotations.append(new)
        touched = [a for a in (old, new) if a is not None and not a.orphan]
        if not touched:
            return
        starts = self._paragraph_starts
        first = bisect_right(starts, min(a.start for a in touched)) - 1
        last = bisect_right(starts, max(a.end for a in touched) - 1) - 1
        low = starts[first]
        high = starts[last + 1] if last + 1 < len(starts) else self.offsets.length + 1
        nearby = [a for a in self.annotations if a.start < high and a.end > low]
        spans = self._spans_by_block(nearby)
        for block in range(first, last + 1):
            self.painter.update_block(block, spans.get(block, []))

    def set_tags(self, tags: Sequence[Tag]) -> None:
        if list(tags) == self.tags:
            return  # the toolbar's buttons are rebuilt only when a tag changed
        self.tags = list(tags)
        self.toolbar.set_tags(self.tags)

    # -- suggestions ---------------------------------------------------------------------------
    def set_suggestions(self, suggestions: Sequence) -> None:
        """Show candidates as dashed underlines in their tag's colour ([] hides them); only the
        paragraphs whose candidates changed are redrawn."""
        colors = {t.name: t.color for t in self.tags}
        marks = lambda items: [  # noqa: E731
            _Mark(f"s{s.start}:{s.end}:{s.tag}", s.start, s.end, colors.get(s.tag, "#888888")) for s in items]
        old = self._spans_by_block(marks(self.suggestions))
        self.suggestions = sorted(suggestions, key=lambda s: (s.start, s.end, s.tag))
        new = self._spans_by_block(marks(self.suggestions))
        for block in set(old) | set(new):
            if old.get(block) != new.get(block):
                self.painter.update_block(block, new.get(block, []), hints=True)

    def current_suggestion(self):  # noqa: ANN201 - Suggestion | None
        """The suggestion selected exactly, else the one under the text cursor."""
        if not self.suggestions:
            return None
        selected = self.selection_range()
        if selected is not None:
            exact = [s for s in self.suggestions if (s.start, s.end) == selected]
            if exact:
                return exact[0]
            cp = selected[0]
        else:
            cp = self.offsets.to_cp(self.textCursor().position())
        under = [s for s in self.suggestions if s.start <= cp < s.end]
        return min(under, key=lambda s: s.end - s.start) if under else None

    def focus_suggestion(self, step: int = 1, after: int | None = None) -> None:
        """Select the next (step 1) or previous (-1) suggestion from the cursor (or from `after`),
        wrapping around, and bring it into view."""
        if not self.suggestions:
            return

        def key(s) -> tuple[int, int, str]:  # noqa: ANN001 - the order self.suggestions is in
            return (s.start, s.end, s.tag)

        current = self.current_suggestion() if after is None else None
        if current is not None:
            pivot = key(current)  # two suggestions may start at one place: step by the whole key
        else:
            pos = after if after is not None else self.offsets.to_cp(self.textCursor().position())
            pivot = (pos, -1, "")
        if step > 0:
            target = next((s for s in self.suggestions if key(s) > pivot), self.suggestions[0])
        else:
            target = next((s for s in reversed(self.suggestions) if key(s) < pivot), self.suggestions[-1])
        self.select_range(target.start, target.end)
        self.ensureCursorVisible()
        self.suggestionFocused.emit(target)

    def _spans_by_block(self, annotations: Iterable[Annotation]) -> dict[int, list[Span]]:
        """Each annotation cut into per-paragraph spans in Qt positions relative to the block.
        Computed from the text alone, so it works before the document is filled."""
        starts = self._paragraph_starts
        text_length = self.offsets.length
        out: dict[int, list[Span]] = {}
        for ann in annotations:
            block = bisect_right(starts, ann.start) - 1
            while block < len(starts) and starts[block] < ann.end:
                para_start = starts[block]
                para_end = starts[block + 1] - 1 if block + 1 < len(starts) else text_length
                s, e = max(ann.start, para_start), min(ann.end, para_end)
                if e > s:
                    base = self.offsets.to_qt(para_start)
                    out.setdefault(block, []).append(
                        Span(ann.id, self.offsets.to_qt(s) - base, self.offsets.to_qt(e) - base, ann.color,
                             ann.end - ann.start)
                    )
                block += 1
        return out

    def set_text_width(self, width: int) -> None:
        """Wrap lines at exactly `width` px of document width (for the layout diagnostics)."""
        self.setLineWrapMode(QTextEdit.LineWrapMode.FixedPixelWidth)
        self.setLineWrapColumnOrWidth(width)
        self.document().setTextWidth(width)
        self.document().documentLayout().documentSize()  # lay out now

    # -- positions -----------------------------------------------------------------------------
    def selection_range(self) -> tuple[int, int] | None:
        """The selection in code points, trimmed of surrounding whitespace; None if empty."""
        cursor = self.textCursor()
        if not cursor.hasSelection() or self.article is None:
            return None
        start = self.offsets.to_cp(cursor.selectionStart())
        end = self.offsets.to_cp(cursor.selectionEnd())
        text = self.article.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return (start, end) if end > start else None

    def clear_selection(self) -> None:
        self.toolbar.hide()
        cursor = self.textCursor()
        cursor.clearSelection()
        self.setTextCursor(cursor)

    def select_range(self, start: int, end: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.offsets.to_qt(start))
        cursor.setPosition(self.offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def annotations_at(self, cp: int) -> list[Annotation]:
        """Annotations covering code point `cp`, innermost (shortest) first."""
        hits = [a for a in self.annotations if a.start <= cp < a.end]
        return sorted(hits, key=lambda a: (a.end - a.start, a.id))

    def position_at(self, point: QPoint) -> int:
        return self.offsets.to_cp(self.cursorForPosition(point).position())

    def char_at(self, point: QPoint) -> int | None:
        """The code point of the character drawn under `point` (viewport coordinates), or None.

        Qt's cursorForPosition answers with the nearest place *between* characters, and at a
        direction change that place can belong to a character far away in logical order (the
        left half of "Tencent" inside an Arabic line maps to the place after the space that
        follows it). So test the glyph extents of the characters around that place instead.
        """
        place = self.cursorForPosition(point).position()
        block = self.document().findBlock(place)
        layout = block.layout()
        if not block.isValid() or layout is None:
            return None
        rel = place - block.position()
        line = layout.lineForTextPosition(min(rel, max(0, block.length() - 2)))
        if not line.isValid():
            return None
        x = point.x() + self.horizontalScrollBar().value() - layout.position().x()
        # Nearby characters first, then the rest of the screen line: at a direction change the
        # character under the point can be far from Qt's place in logical order.
        start, end = line.textStart(), line.textStart() + line.textLength()
        near = range(max(start, rel - 2), min(end, rel + 2))
        for c in [*near, *(c for c in range(start, end) if c not in near)]:
            # The glyphs drawn for character c alone (cursorToX edges are ambiguous at
            # direction changes too).
            for run in line.glyphRuns(c, 1, _GLYPH_FLAGS):
                box = run.boundingRect()
                if box.left() <= x <= box.right():
                    return self.offsets.to_cp(block.position() + c)
        return None

    def annotations_under(self, point: QPoint) -> list[Annotation]:
        """Annotations on the character under `point`, innermost first."""
        cp = self.char_at(point)
        return [] if cp is None else self.annotations_at(cp)

    def scroll_to(self, start: int, end: int | None = None, *, at_top: bool = False) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.offsets.to_qt(end if end is not None else start))
        self.setTextCursor(cursor)
        cursor.setPosition(self.offsets.to_qt(start))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        # Put the passage a third of the way down rather than on the bottom edge; a reading
        # position goes back to the top, where it was read from.
        rect = self.cursorRect(cursor)
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + rect.top() - (4 if at_top else self.viewport().height() // 3))

    def top_position(self) -> int:
        """Code point at the top of the viewport (the reading position)."""
        return self.position_at(QPoint(self.viewport().width() // 2, 4))

    # -- temporary marks: find results and a flash -----------------------------------------------
    def flash(self, start: int, end: int, msec: int = 1200) -> None:
        self._flash = (start, end)
        self._refresh_extra()
        self._flash_timer.start(msec)

    def _clear_flash(self) -> None:
        self._flash = None
        self._refresh_extra()

    def set_found(self, spans: list[tuple[int, int]]) -> None:
        self._found = spans[:MAX_FOUND_MARKS]
        self._refresh_extra()

    def _refresh_extra(self) -> None:
        selections = []
        for start, end, color in [(s, e, FOUND_COLOR) for s, e in self._found] + (
            [(*self._flash, "#ff7043")] if self._flash else []
        ):
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(self.offsets.to_qt(start))
            cursor.setPosition(self.offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(color))
            fmt.setForeground(QColor("#111111"))
            sel.format = fmt
            selections.append(sel)
        self.setExtraSelections(selections)

    # -- reading comfort -----------------------------------------------------------------------
    def zoom_by(self, step: float) -> None:
        self.set_point_size(self.point_size + step)

    def set_point_size(self, size: float) -> None:
        self.point_size = max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, size))
        top = self.top_position() if self.article else 0
        font = reading_font(self.point_size)
        self.setFont(font)
        self.document().setDefaultFont(font)
        if self.article:
            self.scroll_to(top, at_top=True)

    def set_line_height(self, percent: int) -> None:
        from reader.ui.document import apply_block_formats

        self.line_height = percent
        if self.article:
            top = self.top_position()
            apply_block_formats(self.document(), self.article.text, percent)
            self.scroll_to(top, at_top=True)

    def apply_theme(self, name: str) -> None:
        self.theme = name if name in THEMES else "light"
        background, text = THEMES[self.theme]
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Base, QColor(background))
        palette.setColor(QPalette.ColorRole.Text, QColor(text))
        self.setPalette(palette)
        self.viewport().setPalette(palette)
        # One highlight alpha for every theme: changing it would mean rehighlighting the whole
        # document, seconds on a long article (DESIGN.md fact 8).

    # -- interaction ---------------------------------------------------------------------------
    def event(self, event) -> bool:  # noqa: ANN001
        # Tab would move the focus (or walk links) before keyPressEvent sees it.
        if (getattr(self, "suggestions", None) and event.type() == event.Type.KeyPress
                and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
                and not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)):
            backwards = event.key() == Qt.Key.Key_Backtab or bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self.focus_suggestion(-1 if backwards else 1)
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        text = event.text()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        plain = mods in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier)
        suggestion = self.current_suggestion() if self.suggestions and plain else None
        if suggestion is not None:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.suggestionAction.emit("accept", suggestion, suggestion.tag)
                return
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.suggestionAction.emit("dismiss", suggestion, "")
                return
            tag = next((t for t in self.tags if t.key and t.key == text), None)
            if tag is not None and self.selection_range() in (None, (suggestion.start, suggestion.end)):
                self.toolbar.hide()
                self.suggestionAction.emit("accept", suggestion, tag.name)
                return
        if text and plain:
            tag = next((t for t in self.tags if t.key and t.key == text), None)
            if tag is not None and self.selection_range() is not None:
                self.toolbar.hide()
                self.tagRequested.emit(tag.name)
                return
        if event.key() == Qt.Key.Key_Escape:
            self.clear_selection()
            return
        super().keyPressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton:
            return
        if self.selection_range() is not None:
            self._show_toolbar()
        else:
            self.toolbar.hide()
            under = self.annotations_under(event.position().toPoint())
            if under:
                self.highlightsClicked.emit([a.id for a in under])

    def _show_toolbar(self) -> None:
        if not self.tags:
            return
        cursor = self.textCursor()
        end_rect = self.cursorRect(cursor)
        start_cursor = QTextCursor(cursor)
        start_cursor.setPosition(cursor.selectionStart())
        top = min(self.cursorRect(start_cursor).top(), end_rect.top())
        self.toolbar.adjustSize()
        size = self.toolbar.sizeHint()
        x = max(4, min(end_rect.center().x() - size.width() // 2, self.viewport().width() - size.width() - 4))
        y = top - size.height() - 6
        if y < 0:
            y = end_rect.bottom() + 6
        self.toolbar.setGeometry(QRect(QPoint(x, y), size))
        self.toolbar.show()
        self.toolbar.raise_()

    def keyReleaseEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        super().keyReleaseEvent(event)
        # A selection made with Shift+arrows gets the toolbar too, once the keys are released.
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier or event.key() == Qt.Key.Key_Shift:
            if self.selection_range() is not None:
                self._show_toolbar()

    def _hide_toolbar(self, *_args: object) -> None:
        self.toolbar.hide()

    def _toolbar_tag(self, name: str) -> None:
        self.toolbar.hide()
        self.tagRequested.emit(name)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        menu = self.createStandardContextMenu(event.pos())
        has_selection = self.selection_range() is not None
        first = menu.actions()[0] if menu.actions() else None
        if has_selection:
            for tag in self.tags:
                label = self.tr("Tag as %1").replace("%1", isolate(tag_label(tag.name)))
                action = QAction(f"{label}\t{tag.key}" if tag.key else label, menu)
                action.triggered.connect(lambda _=False, n=tag.name: self.tagRequested.emit(n))
                menu.insertAction(first, action)
            note = QAction(self.tr("Highlight with a note…"), menu)
            note.triggered.connect(self.noteRequested.emit)
            menu.insertAction(first, note)
            menu.insertSeparator(first)
        under = self.annotations_under(event.pos())
        for ann in under:
            quote = isolate(short(ann.quote, 30))
            menu.addSeparator()
            note = QAction(self.tr("Note on “%1”…").replace("%1", quote), menu)
            note.triggered.connect(lambda _=False, i=ann.id: self.editNoteRequested.emit(i))
            menu.addAction(note)
            tags = QAction(self.tr("Tags of “%1”…").replace("%1", quote), menu)
            tags.triggered.connect(lambda _=False, i=ann.id: self.editTagsRequested.emit(i))
            menu.addAction(tags)
            action = QAction(self.tr("Delete highlight “%1”").replace("%1", quote), menu)
            action.triggered.connect(lambda _=False, i=ann.id: self.deleteRequested.emit(i))
            menu.addAction(action)
        self.toolbar.hide()
        menu.exec(event.globalPos())
        menu.deleteLater()
