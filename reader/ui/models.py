"""Qt item models over the core's records, and the delegates that paint their rows.

Each model is a thin, read-only adapter: `set_items(list)` replaces everything (a model reset),
`item(row)` and `row_of(id)` let the window go between rows and records, and every value a view
or delegate needs is a named role. The models never write: SQLite is the source of truth, and
the window refreshes a model from the `Library` after each change.

Direction: Qt takes a paragraph's direction from its first strong character, and
`QWidget.layoutDirection` does not change it (DESIGN.md fact 2), so each text's direction is
weighed from its letters (`reader.core.text.letter_direction`) and exposed as `Direction`
roles; the delegates lay out text with that direction and never reshape or reorder it
(DESIGN.md fact 1). Numbers and dates are kept left to right on purpose.

Delegates: `DirectionalItemDelegate` (per-cell direction for the article table),
`AnnotationDelegate` and `SearchResultDelegate`. They depend on the models only through roles.
"""
from __future__ import annotations

import bisect
import html
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from enum import IntEnum

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import (
    QColor,
)

from reader.core.models import Annotation, ArticleSummary, SearchHit, Tag
from reader.core.text import letter_direction

_Index = QModelIndex | QPersistentModelIndex
RTL, LTR = Qt.LayoutDirection.RightToLeft, Qt.LayoutDirection.LeftToRight
_USER = int(Qt.ItemDataRole.UserRole)
# Shared by every model, so one delegate can read them whatever model it paints.
ID_ROLE = _USER + 1
DIRECTION_ROLE = _USER + 2

DEFAULT_COLOR = "#9e9e9e"  # an annotation with no colour and no known tag
QUOTE_DISPLAY_CHARS = 120
TOOLTIP_QUOTE_CHARS = 600
ELLIPSIS = "…"


def text_direction(text: str, default: Qt.LayoutDirection = RTL) -> Qt.LayoutDirection:
    """The Qt direction of `text` from its letters; `default` when it has none."""
    found = letter_direction(text)
    if found is None:
        return default
    return RTL if found == "rtl" else LTR


def one_line(text: str) -> str:
    """`text` with every run of whitespace (paragraph breaks too) as one space."""
    return " ".join(text.split())


def elide(text: str, limit: int) -> str:
    """At most `limit` code points of `text` on one line, ending in "…" when cut."""
    flat = one_line(text[: 4 * limit])  # whitespace runs shrink; enough is kept to fill `limit`
    if len(flat) <= limit:
        return flat
    return flat[: limit - 1].rstrip() + ELLIPSIS


def local_time(iso_utc: str) -> str:
    """An ISO 8601 UTC stamp as local `yyyy-MM-dd HH:mm`; the input unchanged if unreadable."""
    try:
        stamp = datetime.fromisoformat(iso_utc.replace("Z", "+00:00"))
    except ValueError:
        return iso_utc
    if stamp.tzinfo is None:
        return stamp.strftime("%Y-%m-%d %H:%M")  # no zone: shown as stored, not guessed
    return stamp.astimezone().strftime("%Y-%m-%d %H:%M")


_MARKED = re.compile(r"\*\*(.+?)\*\*", re.DOTALL)


def snippet_html(hit: SearchHit | str) -> str:
    """A search snippet as HTML: `**word**` becomes `<b>word</b>`, everything else is escaped."""
    snippet = hit if isinstance(hit, str) else hit.snippet
    out: list[str] = []
    pos = 0
    for match in _MARKED.finditer(snippet):
        out.append(html.escape(snippet[pos : match.start()]))
        out.append("<b>" + html.escape(match.group(1)) + "</b>")
        pos = match.end()
    out.append(html.escape(snippet[pos:]))
    return "".join(out)


def _tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


# -- articles ----------------------------------------------------------------------------------
class ArticleColumn(IntEnum):
    Title = 0
    Imported = 1
    Annotations = 2


class ArticleRole(IntEnum):
    Id = ID_ROLE
    Direction = DIRECTION_ROLE  # Qt.LayoutDirection of the cell's text
    Sort = _USER + 3  # raw value to sort by: title, ISO stamp, count
    Source = _USER + 4


class ArticleTableModel(QAbstractTableModel):
    """The library's articles: title, import time, number of annotations."""

    # Marked for lupdate; translated on every request so a language switch needs only `retranslate`.
    _HEADERS = {
        ArticleColumn.Title: QT_TRANSLATE_NOOP("ArticleTableModel", "Title"),
        ArticleColumn.Imported: QT_TRANSLATE_NOOP("ArticleTableModel", "Imported"),
        ArticleColumn.Annotations: QT_TRANSLATE_NOOP("ArticleTableModel", "Highlights"),
    }

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)
        self._items: list[ArticleSummary] = []
        self._title_directions: list[Qt.LayoutDirection] = []

    # lookups
    def set_items(self, items: Sequence[ArticleSummary]) -> None:
        self.beginResetModel()
        self._items = list(items)
        # An untitled or digits-only title follows the UI, as Qt would.
        self._title_directions = [
            text_direction(a.title, Qt.LayoutDirection.LayoutDirectionAuto) for a in self._items
        ]
        self.endResetModel()

    def item(self, row: int) -> ArticleSummary:
        if not 0 <= row < len(self._items):
            raise IndexError(f"no article at row {row}")
        return self._items[row]

    def row_of(self, article_id: str) -> int | None:
        return next((i for i, a in enumerate(self._items) if a.id == article_id), None)

    def set_count(self, article_id: str, count: int) -> None:
        """One article's highlight count changed: update that cell only."""
        row = self.row_of(article_id)
        if row is not None and self._items[row].annotation_count != count:
            self._items[row] = replace(self._items[row], annotation_count=count)
            last = self.columnCount() - 1
            self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    # Qt
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008,N802 (Qt's names)
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(ArticleColumn)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(ArticleColumn):
            return None
        column = ArticleColumn(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return _tr("ArticleTableModel", self._HEADERS[column])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._alignment(column, None)
        return None

    def retranslate(self) -> None:
        """Call after the UI language changed: the headers are translated on every request."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(ArticleColumn) - 1)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        article = self._items[index.row()]
        column = ArticleColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if column == ArticleColumn.Title:
                return one_line(article.title)
            if column == ArticleColumn.Imported:
                return local_time(article.imported_at)
            return article.annotation_count
        if role == Qt.ItemDataRole.ToolTipRole:
            return article.source or None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._alignment(column, self._title_directions[index.row()])
        if role == ArticleRole.Direction:
            # Dates and counts stay left to right in a mirrored UI: "13:45 2026-01-02" otherwise.
            return self._title_directions[index.row()] if column == ArticleColumn.Title else LTR
        if role == ArticleRole.Sort:
            if column == ArticleColumn.Title:
                return article.title.casefold()
            if column == ArticleColumn.Imported:
                return article.imported_at
            return article.annotation_count
        if role == ArticleRole.Id:
            return article.id
        if role == ArticleRole.Source:
            return article.source
        return None

    @staticmethod
    def _alignment(column: ArticleColumn, title_direction: Qt.LayoutDirection | None) -> Qt.AlignmentFlag:
        middle = Qt.AlignmentFlag.AlignVCenter
        if column == ArticleColumn.Annotations:
            return Qt.AlignmentFlag.AlignTrailing | middle  # right in English, left when mirrored
        if column == ArticleColumn.Title and title_direction in (RTL, LTR):
            # Absolute: an Arabic title sits on the right even in an English UI, and vice versa.
            edge = Qt.AlignmentFlag.AlignRight if title_direction == RTL else Qt.AlignmentFlag.AlignLeft
            return edge | Qt.AlignmentFlag.AlignAbsolute | middle
        return Qt.AlignmentFlag.AlignLeading | middle

    def roleNames(self) -> dict[int, bytes]:  # noqa: N802
        names = dict(super().roleNames())
        names.update({int(r): r.name[0].lower().encode() + r.name[1:].encode() for r in ArticleRole})
        return names


# -- annotations -------------------------------------------------------------------------------
class AnnotationRole(IntEnum):
    Id = ID_ROLE
    Direction = DIRECTION_ROLE  # of the quote
    Start = _USER + 3
    End = _USER + 4
    Tags = _USER + 5  # list[str]
    Note = _USER + 6
    Color = _USER + 7  # QColor
    Quote = _USER + 8  # the whole quote, as stored
    Orphan = _USER + 9
    TagColors = _USER + 10  # dict[str, QColor] for the row's tags, for the chips
    NoteDirection = _USER + 11


def _text_order(annotation: Annotation) -> tuple[bool, int, int, str]:
    # Orphans have no place in the text, so they come last; longer first at the same start
    # puts an enclosing highlight before the ones nested in it.
    return (annotation.orphan, annotation.start, -annotation.end, annotation.id)


class AnnotationListModel(QAbstractListModel):
    """One article's annotations in text order, optionally only those with a given tag.

    The tag filter lives in the model (not a proxy) so `row_of`/`item` rows are view rows and
    the window needs no index mapping; changing the filter resets the model.
    """

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)
        self._all: list[Annotation] = []
        self._items: list[Annotation] = []
        self._directions: dict[str, tuple[Qt.LayoutDirection, Qt.LayoutDirection]] = {}
        self._tag_colors: dict[str, QColor] = {}
        self._tag_filter: str | None = None

    # lookups
    def set_items(self, items: Sequence[Annotation]) -> None:
        self.beginResetModel()
        self._all = sorted(items, key=_text_order)
        self._directions = {
            a.id: (text_direction(a.quote), text_direction(a.note, text_direction(a.quote)))
            for a in self._all
        }
        self._apply_filter()
        self.endResetModel()

    def update_item(self, annotation_id: str, new: Annotation | None) -> None:
        """One annotation added, changed or gone (None): move, insert or remove its row only —
        a reset would lay out every row again (0.3 s with 10,000 highlights)."""
        shared = self._items is self._all  # no tag filter: one list
        row = self.row_of(annotation_id)
        if row is not None:
            self.beginRemoveRows(QModelIndex(), row, row)
        self._all = [a for a in self._all if a.id != annotation_id]
        self._items = self._all if shared else [a for a in self._items if a.id != annotation_id]
        if row is not None:
            self.endRemoveRows()
        self._directions.pop(annotation_id, None)
        if new is None:
            return
        self._directions[new.id] = (text_direction(new.quote), text_direction(new.note, text_direction(new.quote)))
        at_all = bisect.bisect_right(self._all, _text_order(new), key=_text_order)
        if shared or self._tag_filter in new.tags:
            at = at_all if shared else bisect.bisect_right(self._items, _text_order(new), key=_text_order)
            self.beginInsertRows(QModelIndex(), at, at)
            self._all.insert(at_all, new)
            if not shared:
                self._items.insert(at, new)
            self.endInsertRows()
        else:
            self._all.insert(at_all, new)

    def set_tags(self, tags: Sequence[Tag]) -> None:
        """The colour of each tag (for chips, and for annotations that have no colour)."""
        self._tag_colors = {t.name: QColor(t.color) for t in tags if QColor.isValidColorName(t.color)}
        if self._items:
            roles = [Qt.ItemDataRole.DecorationRole, AnnotationRole.Color, AnnotationRole.TagColors]
            self.dataChanged.emit(self.index(0), self.index(len(self._items) - 1), [int(r) for r in roles])

    def set_tag_filter(self, tag: str | Tag | None) -> None:
        """Show only annotations that have `tag` (None: all of them)."""
        name = tag.name if isinstance(tag, Tag) else tag
        if name == self._tag_filter:
            return
        self.beginResetModel()
        self._tag_filter = name
        self._apply_filter()
        self.endResetModel()

    def total(self) -> int:
        """Annotations held, whatever the tag filter shows."""
        return len(self._all)

    @property
    def tag_filter(self) -> str | None:
        return self._tag_filter

    def _apply_filter(self) -> None:
        name = self._tag_filter
        self._items = self._all if name is None else [a for a in self._all if name in a.tags]

    def item(self, row: int) -> Annotation:
        if not 0 <= row < len(self._items):
            raise IndexError(f"no annotation at row {row}")
        return self._items[row]

    def row_of(self, annotation_id: str) -> int | None:
        """The row of a shown annotation; None when it is unknown or filtered out."""
        return next((i for i, a in enumerate(self._items) if a.id == annotation_id), None)

    def tag_color(self, name: str) -> QColor:
        return QColor(self._tag_colors.get(name, QColor(DEFAULT_COLOR)))

    def color_of(self, annotation: Annotation) -> QColor:
        if annotation.color and QColor.isValidColorName(annotation.color):
            return QColor(annotation.color)
        for name in annotation.tags:
            if name in self._tag_colors:
                return QColor(self._tag_colors[name])
        return QColor(DEFAULT_COLOR)

    # Qt
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        ann = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return elide(ann.quote, QUOTE_DISPLAY_CHARS)
        if role == Qt.ItemDataRole.ToolTipRole:
            quote = elide(ann.quote, TOOLTIP_QUOTE_CHARS)
            return f"{quote}\n\n{ann.note}" if ann.note else quote
        if role in (Qt.ItemDataRole.DecorationRole, AnnotationRole.Color):
            return self.color_of(ann)
        if role == AnnotationRole.Id:
            return ann.id
        if role == AnnotationRole.Direction:
            return self._directions[ann.id][0]
        if role == AnnotationRole.NoteDirection:
            return self._directions[ann.id][1]
        if role == AnnotationRole.Start:
            return ann.start
        if role == AnnotationRole.End:
            return ann.end
        if role == AnnotationRole.Tags:
            return list(ann.tags)
        if role == AnnotationRole.Note:
            return ann.note
        if role == AnnotationRole.Quote:
            return ann.quote
        if role == AnnotationRole.Orphan:
            return ann.orphan
        if role == AnnotationRole.TagColors:
            return {name: self.tag_color(name) for name in ann.tags}
        return None

    def roleNames(self) -> dict[int, bytes]:  # noqa: N802
        names = dict(super().roleNames())
        names.update({int(r): r.name[0].lower().encode() + r.name[1:].encode() for r in AnnotationRole})
        return names


# -- search results ----------------------------------------------------------------------------
class SearchRole(IntEnum):
    AnnotationId = ID_ROLE
    Direction = DIRECTION_ROLE  # of the snippet
    ArticleId = _USER + 3
    ArticleTitle = _USER + 4
    Start = _USER + 5
    End = _USER + 6
    Tags = _USER + 7
    Snippet = _USER + 8  # with `**` marks, as the core made it
    SnippetHtml = _USER + 9
    Score = _USER + 10
    TitleDirection = _USER + 11


class SearchResultsModel(QAbstractListModel):
    """Hits of one search, best first (the order the core returned them in)."""

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)
        self._items: list[SearchHit] = []
        self._directions: list[tuple[Qt.LayoutDirection, Qt.LayoutDirection]] = []

    def set_items(self, items: Sequence[SearchHit]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self._directions = [(text_direction(h.snippet), text_direction(h.article_title)) for h in self._items]
        self.endResetModel()

    def item(self, row: int) -> SearchHit:
        if not 0 <= row < len(self._items):
            raise IndexError(f"no search hit at row {row}")
        return self._items[row]

    def row_of(self, annotation_id: str) -> int | None:
        return next((i for i, h in enumerate(self._items) if h.annotation_id == annotation_id), None)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        hit = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return one_line(hit.article_title)
        if role == Qt.ItemDataRole.ToolTipRole:
            quote = elide(hit.quote, TOOLTIP_QUOTE_CHARS)
            return f"{quote}\n\n{hit.note}" if hit.note else quote
        values = {
            SearchRole.AnnotationId: hit.annotation_id,
            SearchRole.ArticleId: hit.article_id,
            SearchRole.ArticleTitle: hit.article_title,
            SearchRole.Start: hit.start,
            SearchRole.End: hit.end,
            SearchRole.Score: hit.score,
            SearchRole.Snippet: hit.snippet,
        }
        if role in values:
            return values[SearchRole(role)]
        if role == SearchRole.Tags:
            return list(hit.tags)
        if role == SearchRole.SnippetHtml:
            return snippet_html(hit)
        if role == SearchRole.Direction:
            return self._directions[index.row()][0]
        if role == SearchRole.TitleDirection:
            return self._directions[index.row()][1]
        return None

    def roleNames(self) -> dict[int, bytes]:  # noqa: N802
        names = dict(super().roleNames())
        names.update({int(r): r.name[0].lower().encode() + r.name[1:].encode() for r in SearchRole})
        return names
