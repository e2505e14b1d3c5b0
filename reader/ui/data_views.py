"""Library-wide tables of structured data: every figure (value, unit, where it was written) and
every company and person (how often, in which articles, under which spellings).

Both are non-modal dialogs over read-only table models; like the panels they only show what the
`Library` returns and emit what the user asked for: `FiguresDialog.figureActivated(article_id,
start, end)` to open a passage, `EntitiesDialog.entityActivated(query)` to run a search. The
window calls `refresh()` after a change.

Direction (DESIGN.md facts 1 and 2): each cell's direction is weighed from its letters and given
to `DirectionalItemDelegate` through `DIRECTION_ROLE`; an Arabic cell sits on the right even in an
English interface. Values and counts are numbers and stay left to right, trailing in the column.
"""
from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.core.errors import HamishError
from reader.core.exchange.figures import figures_csv
from reader.core.files import write_text_atomically
from reader.core.text import CONTEXT_CHARS as STORED_CONTEXT_CHARS
from reader.core.text import fold_for_search
from reader.ui.delegates import DirectionalItemDelegate
from reader.ui.labels import isolate, tag_label
from reader.ui.models import (
    DIRECTION_ROLE,
    ELLIPSIS,
    ID_ROLE,
    LTR,
    RTL,
    _Index,
    _USER,
    elide,
    one_line,
    text_direction,
)

if TYPE_CHECKING:
    from reader.core.services import EntityRow, FigureRow, Library

# Roles shared by both models here (ID_ROLE and DIRECTION_ROLE come from reader.ui.models).
SORT_ROLE = _USER + 3  # what the column sorts by: a float, an int, a folded string, or None (last)
FILTER_ROLE = _USER + 4  # the row's searchable text, folded (same for every column)

TEXT_CHARS = 80
CONTEXT_CHARS = 120
TOOLTIP_CHARS = 600
SPELLING_SEPARATOR = " · "
RANGE_DASH = "–"


def _tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def display_number(value: float) -> str:
    """A value with thousands separators: 8,200,000,000, 15, 1,234.5 (no float noise)."""
    if value == int(value) and abs(value) < 1e18:
        return f"{int(value):,}"
    return f"{value:,.15g}"


def display_value(value: float | None, value_high: float | None = None) -> str:
    """A figure's value as shown: `8,200,000,000`, a range `5,000,000–7,000,000`, or ""."""
    if value is None:
        return ""
    if value_high is None or value_high == value:
        return display_number(value)
    return f"{display_number(value)}{RANGE_DASH}{display_number(value_high)}"


def context_line(figure: FigureRow) -> str:
    """The figure's context on one line; where the stored context cut a word (it keeps a fixed
    number of characters each side), the broken word is dropped and "…" marks the cut."""
    context, text = figure.context, figure.text
    before = min(STORED_CONTEXT_CHARS, figure.start)
    if context[before : before + len(text)] != text:  # not laid out as expected: show it as it is
        return one_line(context)
    prefix, suffix = context[:before], context[before + len(text) :]
    if figure.start > STORED_CONTEXT_CHARS and prefix and not prefix[0].isspace():
        cut = prefix.find(" ")
        prefix = ELLIPSIS + (prefix[cut:] if cut != -1 else " " + prefix)
    if len(suffix) >= STORED_CONTEXT_CHARS and not suffix[-1].isspace():
        cut = suffix.rfind(" ")
        suffix = (suffix[: cut + 1] if cut != -1 else suffix + " ") + ELLIPSIS
    return one_line(prefix + text + suffix)


def entity_query(tag: str, name: str) -> str:
    """The search that finds an entity's highlights: `company:"Saudi Aramco"` for a company
    (its canonical name), `tag:person "Jensen Huang"` for a person (the name as a phrase)."""
    clean = " ".join(name.replace('"', " ").split())
    if tag == "company":
        return f'company:"{clean}"'
    return f'tag:{tag} "{clean}"'


def _alignment(direction: Qt.LayoutDirection | None, numeric: bool = False) -> Qt.AlignmentFlag:
    middle = Qt.AlignmentFlag.AlignVCenter
    if numeric:
        return Qt.AlignmentFlag.AlignTrailing | middle  # right in English, left when mirrored
    if direction in (RTL, LTR):
        # Absolute: Arabic on the right in an English UI, Latin on the left in an Arabic one.
        edge = Qt.AlignmentFlag.AlignRight if direction == RTL else Qt.AlignmentFlag.AlignLeft
        return edge | Qt.AlignmentFlag.AlignAbsolute | middle
    return Qt.AlignmentFlag.AlignLeading | middle


def _fold(*parts: str) -> str:
    return fold_for_search(" ".join(p for p in parts if p))


# -- figures -----------------------------------------------------------------------------------
class FigureColumn(IntEnum):
    Value = 0
    Unit = 1
    Text = 2
    Context = 3
    Article = 4


class FigureRole(IntEnum):
    Id = ID_ROLE  # annotation id
    Direction = DIRECTION_ROLE
    Sort = SORT_ROLE
    Filter = FILTER_ROLE
    ArticleId = _USER + 5
    Start = _USER + 6
    End = _USER + 7
    Value = _USER + 8  # float | None
    ValueHigh = _USER + 9


class FigureTableModel(QAbstractTableModel):
    """Every figure of the library: value, unit, the figure as written, its context, its article."""

    _HEADERS = {
        FigureColumn.Value: QT_TRANSLATE_NOOP("FigureTableModel", "Value"),
        FigureColumn.Unit: QT_TRANSLATE_NOOP("FigureTableModel", "Unit"),
        FigureColumn.Text: QT_TRANSLATE_NOOP("FigureTableModel", "Text"),
        FigureColumn.Context: QT_TRANSLATE_NOOP("FigureTableModel", "Context"),
        FigureColumn.Article: QT_TRANSLATE_NOOP("FigureTableModel", "Article"),
    }

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[FigureRow] = []
        # Per row: shown texts, directions and the folded filter text, computed once per reset.
        self._shown: list[dict[FigureColumn, str]] = []
        self._directions: list[dict[FigureColumn, Qt.LayoutDirection | None]] = []
        self._filters: list[str] = []

    def set_items(self, items: Sequence[FigureRow]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self._shown, self._directions, self._filters = [], [], []
        for row in self._items:
            shown = {
                FigureColumn.Value: display_value(row.value, row.value_high),
                FigureColumn.Unit: row.unit or "",
                FigureColumn.Text: elide(row.text, TEXT_CHARS),
                FigureColumn.Context: elide(context_line(row), CONTEXT_CHARS),
                FigureColumn.Article: one_line(row.article_title),
            }
            self._shown.append(shown)
            auto = Qt.LayoutDirection.LayoutDirectionAuto
            self._directions.append({
                FigureColumn.Value: LTR,
                FigureColumn.Unit: text_direction(shown[FigureColumn.Unit], LTR),
                # A figure of digits only ("15 %") is laid out like the sentence it came from.
                FigureColumn.Text: text_direction(row.text, text_direction(row.context, auto)),
                FigureColumn.Context: text_direction(row.context, auto),
                FigureColumn.Article: text_direction(row.article_title, auto),
            })
            self._filters.append(_fold(row.text, row.unit or "", row.article_title))
        self.endResetModel()

    def item(self, row: int) -> FigureRow:
        if not 0 <= row < len(self._items):
            raise IndexError(f"no figure at row {row}")
        return self._items[row]

    def items(self) -> list[FigureRow]:
        return list(self._items)

    def row_of(self, annotation_id: str) -> int | None:
        return next((i for i, f in enumerate(self._items) if f.annotation_id == annotation_id), None)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008,N802 (Qt's names)
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(FigureColumn)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(FigureColumn):
            return None
        column = FigureColumn(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return _tr("FigureTableModel", self._HEADERS[column])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _alignment(None, numeric=column == FigureColumn.Value)
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(FigureColumn) - 1)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        row = index.row()
        fig = self._items[row]
        column = FigureColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._shown[row][column]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _alignment(self._directions[row][column], numeric=column == FigureColumn.Value)
        if role == FigureRole.Direction:
            return self._directions[row][column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column in (FigureColumn.Text, FigureColumn.Context):
                return elide(fig.context, TOOLTIP_CHARS)
            if column == FigureColumn.Article:
                return fig.article_title or None
            return None
        if role == FigureRole.Sort:
            if column == FigureColumn.Value:
                return fig.value  # None sorts last, in both directions (see `_SortFilterProxy`)
            if column == FigureColumn.Unit:
                return (fig.unit or "").casefold() or None
            if column == FigureColumn.Text:
                return fold_for_search(fig.text)
            if column == FigureColumn.Context:
                return fold_for_search(fig.context)
            return fold_for_search(fig.article_title)
        if role == FigureRole.Filter:
            return self._filters[row]
        if role == FigureRole.Id:
            return fig.annotation_id
        if role == FigureRole.ArticleId:
            return fig.article_id
        if role == FigureRole.Start:
            return fig.start
        if role == FigureRole.End:
            return fig.end
        if role == FigureRole.Value:
            return fig.value
        if role == FigureRole.ValueHigh:
            return fig.value_high
        return None

    def roleNames(self) -> dict[int, bytes]:  # noqa: N802
        names = dict(super().roleNames())
        names.update({int(r): r.name[0].lower().encode() + r.name[1:].encode() for r in FigureRole})
        return names


# -- companies and people ----------------------------------------------------------------------
class EntityColumn(IntEnum):
    Name = 0
    Kind = 1
    Highlights = 2
    Articles = 3
    Spellings = 4


class EntityRole(IntEnum):
    Id = ID_ROLE  # "company:Nvidia"
    Direction = DIRECTION_ROLE
    Sort = SORT_ROLE
    Filter = FILTER_ROLE
    Tag = _USER + 5
    Name = _USER + 6
    Query = _USER + 7  # the search that finds its highlights
    Spellings = _USER + 8  # list[str]
    Articles = _USER + 9  # list[str] titles


class EntityTableModel(QAbstractTableModel):
    """Companies and people: name, kind, highlights, articles, the spellings seen."""

    _HEADERS = {
        EntityColumn.Name: QT_TRANSLATE_NOOP("EntityTableModel", "Name"),
        EntityColumn.Kind: QT_TRANSLATE_NOOP("EntityTableModel", "Kind"),
        EntityColumn.Highlights: QT_TRANSLATE_NOOP("EntityTableModel", "Highlights"),
        EntityColumn.Articles: QT_TRANSLATE_NOOP("EntityTableModel", "Articles"),
        EntityColumn.Spellings: QT_TRANSLATE_NOOP("EntityTableModel", "Spellings"),
    }
    _NUMERIC = (EntityColumn.Highlights, EntityColumn.Articles)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[EntityRow] = []
        self._directions: list[tuple[Qt.LayoutDirection, Qt.LayoutDirection]] = []  # name, spellings
        self._filters: list[str] = []

    def set_items(self, items: Sequence[EntityRow]) -> None:
        self.beginResetModel()
        self._items = list(items)
        auto = Qt.LayoutDirection.LayoutDirectionAuto
        self._directions = [
            (text_direction(e.name, auto), text_direction(" ".join(e.spellings), auto)) for e in self._items
        ]
        self._filters = [_fold(e.name, *e.spellings) for e in self._items]
        self.endResetModel()

    def item(self, row: int) -> EntityRow:
        if not 0 <= row < len(self._items):
            raise IndexError(f"no company or person at row {row}")
        return self._items[row]

    def items(self) -> list[EntityRow]:
        return list(self._items)

    def row_of(self, tag: str, name: str) -> int | None:
        return next((i for i, e in enumerate(self._items) if (e.tag, e.name) == (tag, name)), None)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(EntityColumn)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(EntityColumn):
            return None
        column = EntityColumn(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return _tr("EntityTableModel", self._HEADERS[column])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _alignment(None, numeric=column in self._NUMERIC)
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(EntityColumn) - 1)
        if self._items:  # the Kind column is a translated tag name
            column = int(EntityColumn.Kind)
            self.dataChanged.emit(self.index(0, column), self.index(len(self._items) - 1, column))

    def _direction(self, row: int, column: EntityColumn) -> Qt.LayoutDirection | None:
        if column == EntityColumn.Name:
            return self._directions[row][0]
        if column == EntityColumn.Spellings:
            return self._directions[row][1]
        if column in self._NUMERIC:
            return LTR
        return None  # the kind is interface text: it follows the interface

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        row = index.row()
        entity = self._items[row]
        column = EntityColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if column == EntityColumn.Name:
                return one_line(entity.name)
            if column == EntityColumn.Kind:
                return tag_label(entity.tag)
            if column == EntityColumn.Highlights:
                return entity.count
            if column == EntityColumn.Articles:
                return len(entity.articles)
            # Each spelling isolated: "Nvidia · إنفيديا" keeps its items in order in either direction.
            spellings = [one_line(s) for s in entity.spellings]
            if len(spellings) > 1:
                spellings = [isolate(s) for s in spellings]
            return SPELLING_SEPARATOR.join(spellings)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _alignment(self._direction(row, column), numeric=column in self._NUMERIC)
        if role == EntityRole.Direction:
            return self._direction(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == EntityColumn.Articles:
                return "\n".join(one_line(t) for t in entity.articles) or None
            if column == EntityColumn.Spellings:
                return "\n".join(entity.spellings) or None
            return None
        if role == EntityRole.Sort:
            if column == EntityColumn.Name:
                return fold_for_search(entity.name)
            if column == EntityColumn.Kind:
                return fold_for_search(tag_label(entity.tag))
            if column == EntityColumn.Highlights:
                return entity.count
            if column == EntityColumn.Articles:
                return len(entity.articles)
            return fold_for_search(" ".join(entity.spellings))
        if role == EntityRole.Filter:
            return self._filters[row]
        if role == EntityRole.Id:
            return f"{entity.tag}:{entity.name}"
        if role == EntityRole.Tag:
            return entity.tag
        if role == EntityRole.Name:
            return entity.name
        if role == EntityRole.Query:
            return entity_query(entity.tag, entity.name)
        if role == EntityRole.Spellings:
            return list(entity.spellings)
        if role == EntityRole.Articles:
            return list(entity.articles)
        return None

    def roleNames(self) -> dict[int, bytes]:  # noqa: N802
        names = dict(super().roleNames())
        names.update({int(r): r.name[0].lower().encode() + r.name[1:].encode() for r in EntityRole})
        return names


# -- sorting and filtering ---------------------------------------------------------------------
class _SortFilterProxy(QSortFilterProxyModel):
    """Sorts by `SORT_ROLE` with empty values (None) last whichever the direction and ties kept in
    the library's order; filters on `FILTER_ROLE`: every word typed must occur (case, harakat,
    alef forms and Arabic-Indic digits forgiven, as in find)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._words: list[str] = []

    def set_filter_text(self, text: str) -> None:
        words = fold_for_search(text).split()
        if words == self._words:
            return
        begin, end = getattr(self, "beginFilterChange", None), getattr(self, "endFilterChange", None)
        if begin and end:  # Qt ≥ 6.10; invalidateFilter is deprecated there
            begin()
            self._words = words
            end(QSortFilterProxyModel.Direction.Rows)
        else:
            self._words = words
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:  # noqa: N802
        if not self._words:
            return True
        haystack = self.sourceModel().index(source_row, 0, source_parent).data(FILTER_ROLE) or ""
        return all(word in haystack for word in self._words)

    def lessThan(self, left: _Index, right: _Index) -> bool:  # noqa: N802
        # Descending order calls lessThan(right, left): flip the answers that must not flip.
        descending = self.sortOrder() == Qt.SortOrder.DescendingOrder
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if a is None or b is None:
            if a is None and b is None:
                return (left.row() > right.row()) if descending else (left.row() < right.row())
            return (a is None) if descending else (b is None)
        if a != b:
            return a < b
        return (left.row() > right.row()) if descending else (left.row() < right.row())


# -- the dialogs -------------------------------------------------------------------------------
class _DataDialog(QDialog):
    """A filter box over a sortable table, a count, and buttons; Enter on a row activates it,
    Escape closes. Subclasses give the texts (so each is translated in its own context)."""

    def __init__(
        self,
        library: Library,
        model: QAbstractTableModel,
        names: tuple[str, str],  # object names of the table and the filter box
        parent: QWidget | None,
    ) -> None:
        super().__init__(parent)
        self.setModal(False)
        self.library = library
        self.model = model
        self.proxy = _SortFilterProxy(self)
        self.proxy.setSourceModel(model)

        self.filter = QLineEdit(self)
        self.filter.setObjectName(names[1])
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.set_filter_text)
        self.filter.returnPressed.connect(self._activate_current)
        self.filter.installEventFilter(self)
        self.filter_label = QLabel(self)
        self.filter_label.setBuddy(self.filter)

        self.table = QTableView(self)
        self.table.setObjectName(names[0])
        self.table.setModel(self.proxy)
        self.table.setItemDelegate(DirectionalItemDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the buttons
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        # No sort column at first: rows in the library's order until a header is clicked.
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        # Double-click (or a single click where the platform activates on one) and Enter.
        self.table.activated.connect(self._activated)

        self.count = QLabel(self)
        self.status = QLabel(self)  # what the last action did, or why the table is stale
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        self._stale = False  # the last reload failed: the status label says why

        top = QHBoxLayout()
        top.addWidget(self.filter_label)
        top.addWidget(self.filter, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count)
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        for signal in (self.proxy.modelReset, self.proxy.rowsInserted, self.proxy.rowsRemoved,
                       self.proxy.layoutChanged):
            signal.connect(self._update_count)

    def _finish_buttons(self) -> None:
        """Enter belongs to the table and the filter: no button may take it as the default."""
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)
        # The dialog's own buttons (Export…) before Close, as they are laid out.
        action = QDialogButtonBox.ButtonRole.ActionRole
        buttons = sorted(self.buttons.buttons(), key=lambda b: self.buttons.buttonRole(b) != action)
        chain = [self.filter, self.table, *buttons]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    # shown rows
    def shown_rows(self) -> list[int]:
        """Source rows in the order the table shows them (filtered, sorted)."""
        return [self.proxy.mapToSource(self.proxy.index(r, 0)).row() for r in range(self.proxy.rowCount())]

    def current_row(self) -> int | None:
        """The source row of the selected (or current) table row."""
        index = self.table.currentIndex()
        rows = self.table.selectionModel().selectedRows()
        if rows:
            index = rows[0]
        return self.proxy.mapToSource(index).row() if index.isValid() else None

    def select_first(self) -> None:
        if self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, 0))
            self.table.selectRow(0)

    # activation
    def _activate_current(self) -> None:
        """Enter in the filter box: the current row, or the first one shown."""
        if not self.table.currentIndex().isValid():
            self.select_first()
        self._activated(self.table.currentIndex())

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self._emit_row(self.proxy.mapToSource(index).row())

    def _emit_row(self, source_row: int) -> None:
        raise NotImplementedError

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # Down from the filter box goes into the table.
        if watched is self.filter and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Down:
            if self.proxy.rowCount():
                if not self.table.currentIndex().isValid():
                    self.select_first()
                self.table.setFocus(Qt.FocusReason.TabFocusReason)
                return True
        return super().eventFilter(watched, event)

    def _reload(self, fetch, keep) -> None:  # noqa: ANN001 - library call, row key
        """Reload the model from the library, keeping the selected row when it still exists."""
        current = self.current_row()
        kept = keep(current) if current is not None else None
        try:
            items = fetch()
        except HamishError as err:
            self._stale = True
            self.status.setText(str(err))
            return
        if self._stale:
            self._stale = False
            self.status.clear()
        self.model.set_items(items)
        self._update_count()
        if kept is not None:
            row = self._row_of(kept)
            if row is not None:
                index = self.proxy.mapFromSource(self.model.index(row, 0))
                if index.isValid():
                    self.table.setCurrentIndex(index)
                    self.table.selectRow(index.row())

    def _row_of(self, key: object) -> int | None:
        raise NotImplementedError

    def _update_count(self) -> None:
        self.count.setText(self._count_text(self.proxy.rowCount(), self.model.rowCount()))

    def _count_text(self, shown: int, total: int) -> str:
        raise NotImplementedError


class FiguresDialog(_DataDialog):
    """Every figure of the library; double-click or Enter opens the passage."""

    figureActivated = Signal(str, int, int)  # article id, start, end (code points)

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(library, FigureTableModel(), ("figuresTable", "figuresFilter"), parent)
        self.model.setParent(self)
        self.setWindowTitle(self.tr("Figures"))
        self.filter_label.setText(self.tr("&Filter:"))
        self.filter.setPlaceholderText(self.tr("Figure, unit or article"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(FigureColumn.Value, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(FigureColumn.Unit, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(FigureColumn.Text, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(FigureColumn.Context, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(FigureColumn.Article, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(FigureColumn.Text, 170)
        header.resizeSection(FigureColumn.Article, 190)
        self.export_button = self.buttons.addButton(self.tr("Export CSV…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.setObjectName("exportCsvButton")
        self.export_button.setToolTip(self.tr("Save the figures shown, in this order, as a CSV file"))
        self.export_button.clicked.connect(self.export_csv)
        self._last_path = ""
        self._finish_buttons()
        self.resize(1000, 520)
        self.refresh()

    def refresh(self) -> None:
        """Reload every figure from the library."""
        self._reload(self.library.figures, lambda row: self.model.item(row).annotation_id)

    def _row_of(self, key: object) -> int | None:
        return self.model.row_of(str(key))

    def shown_figures(self) -> list[FigureRow]:
        return [self.model.item(r) for r in self.shown_rows()]

    def _emit_row(self, source_row: int) -> None:
        fig = self.model.item(source_row)
        self.figureActivated.emit(fig.article_id, fig.start, fig.end)

    def _update_count(self) -> None:
        super()._update_count()
        self.export_button.setEnabled(self.proxy.rowCount() > 0)

    def _count_text(self, shown: int, total: int) -> str:
        if shown == total:
            return self.tr("%n figure(s)", "", total)
        return self.tr("%1 of %n figure(s)", "", total).replace("%1", str(shown))

    def export_csv(self) -> Path | None:
        """Ask a file name and write the figures shown (filtered, in table order) as CSV."""
        rows = self.shown_figures()
        suggested = self._last_path or "hamish-figures.csv"
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export figures"), suggested, self.tr("CSV files (*.csv)")
        )
        if not name:
            return None
        path = Path(name)
        if not path.suffix:
            path = path.with_suffix(".csv")
        try:
            written = write_text_atomically(path, figures_csv(rows))
        except (HamishError, OSError) as err:
            QMessageBox.warning(
                self, self.tr("Export figures"), self.tr("The figures could not be saved: %1").replace("%1", str(err))
            )
            return None
        self._last_path = str(written)
        self.status.setText(
            self.tr("%n figure(s) saved to %1", "", len(rows)).replace("%1", isolate(str(written)))
        )
        return written


class EntitiesDialog(_DataDialog):
    """Companies and people across the library, most highlighted first; double-click or Enter
    asks for a search of that entity's highlights."""

    entityActivated = Signal(str)  # a search query, e.g. company:"Saudi Aramco"

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(library, EntityTableModel(), ("entitiesTable", "entitiesFilter"), parent)
        self.model.setParent(self)
        self.setWindowTitle(self.tr("Companies and people"))
        self.filter_label.setText(self.tr("&Filter:"))
        self.filter.setPlaceholderText(self.tr("Name or spelling"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(EntityColumn.Name, QHeaderView.ResizeMode.Interactive)
        for column in (EntityColumn.Kind, EntityColumn.Highlights, EntityColumn.Articles):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(EntityColumn.Spellings, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(EntityColumn.Name, 220)
        self._finish_buttons()
        self.resize(760, 480)
        self.table.sortByColumn(EntityColumn.Highlights, Qt.SortOrder.DescendingOrder)
        self.refresh()

    def refresh(self) -> None:
        """Reload the companies and people from the library."""
        self._reload(self.library.entities, lambda row: (self.model.item(row).tag, self.model.item(row).name))

    def _row_of(self, key: object) -> int | None:
        tag, name = key  # type: ignore[misc]
        return self.model.row_of(tag, name)

    def shown_entities(self) -> list[EntityRow]:
        return [self.model.item(r) for r in self.shown_rows()]

    def _emit_row(self, source_row: int) -> None:
        entity = self.model.item(source_row)
        self.entityActivated.emit(entity_query(entity.tag, entity.name))

    def _count_text(self, shown: int, total: int) -> str:
        if shown == total:
            return self.tr("%n name(s)", "", total)
        return self.tr("%1 of %n name(s)", "", total).replace("%1", str(shown))
