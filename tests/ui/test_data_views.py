"""The Figures and the Companies-and-people dialogs: rows, numeric sorting both ways (empty values
last), filtering, the CSV export, activation by double-click and Enter, the keyboard, refresh,
and the Arabic interface."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import csv  # noqa: E402
import io  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QAbstractItemModelTester  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox, QWidget  # noqa: E402

from reader.core.exchange.figures import COLUMNS  # noqa: E402
from reader.core.services import FigureRow, Library  # noqa: E402
from reader.ui.data_views import (  # noqa: E402
    EntitiesDialog,
    EntityColumn,
    EntityRole,
    FigureColumn,
    FigureRole,
    FiguresDialog,
    context_line,
    display_value,
    entity_query,
)
from reader.ui.labels import FSI, PDI  # noqa: E402
from reader.ui.models import LTR, RTL  # noqa: E402

SECOND_ARTICLE = "صفقة ثانية\nقالت Nvidia إن الصفقة بين 5 و7 ملايين دولار، وإن عددا كبيرا من العملاء ينتظرون.\n"
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter


@pytest.fixture
def filled(library: Library, sample_path: Path, tmp_path: Path) -> dict[str, str]:
    """The sample article with three figures, and a second article with a range and a figure
    without a value; Nvidia (two spellings, both articles), Tencent and Jensen Huang.
    Values and canonical names are given, so nothing depends on the parsers."""
    sample = library.import_file(sample_path).article.id
    second_path = tmp_path / "second.ar.txt"
    second_path.write_text(SECOND_ARTICLE, encoding="utf-8")
    second = library.import_file(second_path).article.id
    ids = {"sample": sample, "second": second}
    for key, quote, value, high, unit, article in (
        ("8e9", "8 مليارات دولار", 8e9, None, "USD", sample),
        ("15%", "15 ٪", 15.0, None, "%", sample),
        ("8.2e9", "8.2 مليار دولار", 8.2e9, None, "USD", sample),
        ("range", "5 و7 ملايين دولار", 5e6, 7e6, "USD", second),
    ):
        ids[key] = library.annotate(article, quote=quote, tags=["figure"], value=value, value_high=high,
                                    unit=unit).id
    ids["empty"] = library.annotate(second, quote="عددا كبيرا", tags=["figure"]).id  # no value
    for quote, occurrence, article in (("Nvidia", 1, sample), ("NVIDIA", 1, sample), ("Nvidia", 2, sample),
                                       ("Nvidia", 1, second)):
        library.annotate(article, quote=quote, occurrence=occurrence, tags=["company"], canonical="Nvidia")
    library.annotate(sample, quote="Tencent", tags=["company"], canonical="Tencent")
    library.annotate(sample, quote="Jensen Huang", tags=["person"], canonical="Jensen Huang")
    return ids


@pytest.fixture
def figures(qtbot, filled, library: Library) -> FiguresDialog:
    dialog = FiguresDialog(library)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


@pytest.fixture
def entities(qtbot, filled, library: Library) -> EntitiesDialog:
    dialog = EntitiesDialog(library)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def column(dialog, col: int, role: int = Qt.ItemDataRole.DisplayRole) -> list:
    proxy = dialog.proxy
    return [proxy.index(r, col).data(role) for r in range(proxy.rowCount())]


def plain(text: str) -> str:
    return text.replace(FSI, "").replace(PDI, "")


# -- helpers -------------------------------------------------------------------------------------
def test_display_value_groups_thousands_and_shows_ranges() -> None:
    assert display_value(8.2e9) == "8,200,000,000"
    assert display_value(15.0) == "15"
    assert display_value(1234.5) == "1,234.5"
    assert display_value(5e6, 7e6) == "5,000,000–7,000,000"
    assert display_value(5e6, 5e6) == "5,000,000"
    assert display_value(None) == ""


def test_entity_query_is_a_phrase_search() -> None:
    assert entity_query("company", "Saudi Aramco") == 'company:"Saudi Aramco"'
    assert entity_query("person", "Jensen Huang") == 'tag:person "Jensen Huang"'
    assert entity_query("company", 'The "Best"  Co') == 'company:"The Best Co"'  # no broken phrase


def _figure(context: str, text: str, start: int) -> FigureRow:
    return FigureRow("a", "b", "t", start, start + len(text), text, 1.0, None, "USD", context)


def test_context_line_drops_words_cut_in_half() -> None:
    prefix, suffix = "ة توقعات الإيرادات للربع بحوالي ", " بسبب القيود. بعد جهود الضغط الم"
    assert len(prefix) == len(suffix) == 32
    line = context_line(_figure(prefix + "8 مليارات دولار" + suffix, "8 مليارات دولار", 500))
    assert line == "… توقعات الإيرادات للربع بحوالي 8 مليارات دولار بسبب القيود. بعد جهود الضغط …"
    # At the start of the article and before its end nothing was cut.
    assert context_line(_figure("بلغت 15 ٪ فقط.", "15 ٪", 5)) == "بلغت 15 ٪ فقط."
    # Paragraph breaks become spaces; a context that does not hold the figure is shown as it is.
    assert context_line(_figure("عنوان\nبلغت 15 ٪", "15 ٪", 11)) == "عنوان بلغت 15 ٪"
    assert context_line(_figure("something else", "15 ٪", 3)) == "something else"


def test_models_pass_qt_model_tester(figures: FiguresDialog, entities: EntitiesDialog) -> None:
    for model in (figures.model, figures.proxy, entities.model, entities.proxy):
        QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    figures.refresh()
    entities.refresh()


# -- figures -------------------------------------------------------------------------------------
def test_figures_rows(figures: FiguresDialog, filled: dict[str, str], library: Library) -> None:
    assert figures.windowTitle() == "Figures" and not figures.isModal()
    table = figures.findChild(QWidget, "figuresTable")
    assert table is figures.table and figures.findChild(QWidget, "figuresFilter") is figures.filter
    assert figures.proxy.rowCount() == 5
    assert figures.count.text() == "5 figure(s)"
    by_id = {figures.proxy.index(r, 0).data(FigureRole.Id): r for r in range(5)}
    assert set(by_id) == {filled[k] for k in ("8e9", "15%", "8.2e9", "range", "empty")}

    def row(key: str) -> list:
        r = by_id[filled[key]]
        return [figures.proxy.index(r, c).data() for c in FigureColumn]

    title = library.article(filled["sample"]).title
    value, unit, text, context, article = row("8.2e9")
    assert (value, unit, text, article) == ("8,200,000,000", "USD", "8.2 مليار دولار", title)
    assert "8.2 مليار دولار" in context and "\n" not in context
    assert row("15%")[:3] == ["15", "%", "15 ٪"]
    assert row("range")[:2] == ["5,000,000–7,000,000", "USD"]
    assert row("empty")[:3] == ["", "", "عددا كبيرا"]
    r = by_id[filled["8.2e9"]]
    index = figures.proxy.index(r, FigureColumn.Text)
    assert (index.data(FigureRole.ArticleId), index.data(FigureRole.Start), index.data(FigureRole.End)) == (
        filled["sample"], library.annotation(filled["8.2e9"]).start, library.annotation(filled["8.2e9"]).end)
    # Arabic text sits on the right in its own direction; the number stays left to right.
    assert index.data(FigureRole.Direction) == RTL
    assert Qt.AlignmentFlag(index.data(Qt.ItemDataRole.TextAlignmentRole)) == RIGHT
    assert figures.proxy.index(r, FigureColumn.Context).data(FigureRole.Direction) == RTL
    assert figures.proxy.index(r, FigureColumn.Value).data(FigureRole.Direction) == LTR
    # A digits-only figure follows its sentence.
    assert figures.proxy.index(by_id[filled["15%"]], FigureColumn.Text).data(FigureRole.Direction) == RTL


def test_figures_context_is_elided_to_one_line(qtbot, library: Library, tmp_path: Path) -> None:
    long_path = tmp_path / "long.txt"
    long_path.write_text("عنوان\n" + "كلمة " * 40 + "\n" + "بلغت 12 مليون دولار " + "ثم " * 40, encoding="utf-8")
    article = library.import_file(long_path).article.id
    library.annotate(article, quote="12 مليون دولار", tags=["figure"], value=12e6, unit="USD")
    dialog = FiguresDialog(library)
    qtbot.addWidget(dialog)
    context = dialog.proxy.index(0, FigureColumn.Context).data()
    assert "\n" not in context and "12 مليون دولار" in context
    full = dialog.proxy.index(0, FigureColumn.Context).data(Qt.ItemDataRole.ToolTipRole)
    assert "12 مليون دولار" in full


def test_clicking_value_header_sorts_numerically_both_ways(qtbot, figures: FiguresDialog, filled) -> None:
    header = figures.table.horizontalHeader()
    x = header.sectionViewportPosition(FigureColumn.Value) + header.sectionSize(FigureColumn.Value) // 2
    point = header.rect().center()
    point.setX(x)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=point)
    first = header.sortIndicatorOrder()
    ascending = [filled[k] for k in ("15%", "range", "8e9", "8.2e9", "empty")]  # no value: last
    descending = [filled[k] for k in ("8.2e9", "8e9", "range", "15%", "empty")]  # still last
    expected = {Qt.SortOrder.AscendingOrder: ascending, Qt.SortOrder.DescendingOrder: descending}
    assert header.sortIndicatorSection() == FigureColumn.Value
    assert column(figures, 0, FigureRole.Id) == expected[first]
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert header.sortIndicatorOrder() != first
    assert column(figures, 0, FigureRole.Id) == expected[header.sortIndicatorOrder()]


def test_value_sort_is_numeric_not_textual(figures: FiguresDialog) -> None:
    figures.table.sortByColumn(FigureColumn.Value, Qt.SortOrder.AscendingOrder)
    # As text "15" < "5,000,000" < "8,…" would hold too; 8e9 < 8.2e9 while "8,000…" < "8,200…"
    # — check the raw values are ascending floats with the empty one last.
    values = column(figures, 0, FigureRole.Value)
    assert values[:-1] == sorted(values[:-1]) and values[-1] is None
    assert column(figures, 0) == ["15", "5,000,000–7,000,000", "8,000,000,000", "8,200,000,000", ""]
    figures.table.sortByColumn(FigureColumn.Value, Qt.SortOrder.DescendingOrder)
    assert column(figures, 0) == ["8,200,000,000", "8,000,000,000", "5,000,000–7,000,000", "15", ""]


def test_other_columns_sort_too(figures: FiguresDialog, library: Library, filled) -> None:
    figures.table.sortByColumn(FigureColumn.Unit, Qt.SortOrder.AscendingOrder)
    assert column(figures, FigureColumn.Unit) == ["%", "USD", "USD", "USD", ""]
    figures.table.sortByColumn(FigureColumn.Article, Qt.SortOrder.DescendingOrder)
    titles = column(figures, FigureColumn.Article)
    assert titles == sorted(titles, reverse=True)


def test_filter_matches_text_unit_and_article(qtbot, figures: FiguresDialog, filled, library: Library) -> None:
    box = figures.filter
    box.setText("usd")
    assert figures.proxy.rowCount() == 3 and set(column(figures, FigureColumn.Unit)) == {"USD"}
    assert figures.count.text() == "3 of 5 figure(s)"
    box.setText("%")
    assert column(figures, FigureColumn.Text) == ["15 ٪"]
    box.setText("مليارات")  # the figure as written
    assert column(figures, FigureColumn.Value) == ["8,000,000,000"]
    box.setText("مليار")  # a part of a word matches
    assert sorted(column(figures, FigureColumn.Value)) == ["8,000,000,000", "8,200,000,000"]
    box.setText("NVIDIA.")  # the article title "… nvidia.", case-insensitive
    assert figures.proxy.rowCount() == 3
    box.setText("صفقة")  # the second article's title
    assert set(column(figures, 0, FigureRole.Id)) == {filled["range"], filled["empty"]}
    box.setText("usd صفقة")  # every word must match
    assert column(figures, 0, FigureRole.Id) == [filled["range"]]
    box.setText("nothing like this")
    assert figures.proxy.rowCount() == 0 and not figures.export_button.isEnabled()
    box.clear()
    assert figures.proxy.rowCount() == 5 and figures.count.text() == "5 figure(s)"
    assert figures.export_button.isEnabled()


def test_export_csv_writes_the_rows_shown(qtbot, figures: FiguresDialog, filled, library: Library,
                                          tmp_path: Path, monkeypatch) -> None:
    asked: list[tuple] = []

    def save_name(*args, **kwargs):
        asked.append(args)
        return str(tmp_path / "figures"), "CSV files (*.csv)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    figures.filter.setText("usd")
    figures.table.sortByColumn(FigureColumn.Value, Qt.SortOrder.DescendingOrder)
    button = figures.findChild(QWidget, "exportCsvButton")
    assert button is figures.export_button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1
    target = tmp_path / "figures.csv"  # the suffix is added
    raw = target.read_bytes()
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert tuple(rows[0]) == COLUMNS
    body = [dict(zip(COLUMNS, r)) for r in rows[1:]]
    assert [r["annotation_id"] for r in body] == [filled["8.2e9"], filled["8e9"], filled["range"]]
    first = body[0]
    ann = library.annotation(filled["8.2e9"])
    assert (first["text"], first["value"], first["value_high"], first["unit"]) == (
        "8.2 مليار دولار", "8200000000", "", "USD")
    assert (first["article_id"], int(first["start"]), int(first["end"])) == (ann.article_id, ann.start, ann.end)
    assert first["article"] == library.article(filled["sample"]).title
    assert body[2]["value_high"] == "7000000"
    assert "figures.csv" in figures.status.text() and "3 figure(s)" in figures.status.text()


def test_export_csv_cancelled_or_failing(qtbot, figures: FiguresDialog, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    assert figures.export_csv() is None and figures.status.text() == ""
    warnings: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "missing" / "dir" / "f.csv"), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: warnings.append(text))
    assert figures.export_csv() is None
    assert len(warnings) == 1 and "missing" in warnings[0]
    assert not (tmp_path / "missing").exists()


def test_double_click_opens_the_passage(qtbot, figures: FiguresDialog, filled, library: Library) -> None:
    figures.table.sortByColumn(FigureColumn.Value, Qt.SortOrder.DescendingOrder)
    ann = library.annotation(filled["8.2e9"])
    rect = figures.table.visualRect(figures.proxy.index(0, FigureColumn.Text))
    with qtbot.waitSignal(figures.figureActivated, timeout=2000) as blocker:
        qtbot.mouseClick(figures.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(figures.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [ann.article_id, ann.start, ann.end]


def test_enter_activates_the_current_row_and_keeps_the_dialog_open(qtbot, figures: FiguresDialog, filled,
                                                                   library: Library) -> None:
    figures.table.sortByColumn(FigureColumn.Value, Qt.SortOrder.AscendingOrder)
    figures.table.setFocus()
    figures.table.setCurrentIndex(figures.proxy.index(1, 0))
    ann = library.annotation(filled["range"])
    with qtbot.waitSignal(figures.figureActivated, timeout=2000) as blocker:
        qtbot.keyClick(figures.table, Qt.Key.Key_Return)
    assert blocker.args == [ann.article_id, ann.start, ann.end]
    assert figures.isVisible()  # no button took Enter as the default
    # Enter in the filter box opens the first row shown.
    figures.table.setCurrentIndex(figures.proxy.index(-1, -1))
    figures.filter.setText("%")
    ann = library.annotation(filled["15%"])
    with qtbot.waitSignal(figures.figureActivated, timeout=2000) as blocker:
        qtbot.keyClick(figures.filter, Qt.Key.Key_Return)
    assert blocker.args == [ann.article_id, ann.start, ann.end]
    assert figures.isVisible()


def test_keyboard_tab_order_down_arrow_and_escape(qtbot, figures: FiguresDialog) -> None:
    close = figures.buttons.button(QDialogButtonBox.StandardButton.Close)
    chain = [figures.filter, figures.table, figures.export_button, close]
    for first, second in zip(chain, chain[1:]):
        widget = first.nextInFocusChain()
        while not widget.focusPolicy() & Qt.FocusPolicy.TabFocus or not widget.isVisible():
            widget = widget.nextInFocusChain()
        assert widget is second
    figures.activateWindow()
    figures.filter.setFocus()
    qtbot.keyClick(figures.filter, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is figures.table
    figures.filter.setFocus()
    qtbot.keyClick(figures.filter, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is figures.table
    assert figures.table.currentIndex().row() == 0
    qtbot.keyClick(figures.table, Qt.Key.Key_Escape)
    assert not figures.isVisible()


def test_refresh_reloads_and_keeps_the_selection(qtbot, figures: FiguresDialog, filled, library: Library) -> None:
    figures.table.sortByColumn(FigureColumn.Value, Qt.SortOrder.AscendingOrder)
    figures.table.selectRow(2)  # 8e9
    assert figures.shown_figures()[2].annotation_id == filled["8e9"]
    library.annotate(filled["sample"], quote="8.2 مليار", tags=["figure"], value=1.0, unit="USD")
    figures.refresh()
    assert figures.proxy.rowCount() == 6 and figures.count.text() == "6 figure(s)"
    assert column(figures, 0)[:2] == ["1", "15"]  # still sorted by value
    selected = figures.table.selectionModel().selectedRows()
    assert [figures.proxy.data(i, FigureRole.Id) for i in selected] == [filled["8e9"]]


# -- companies and people ------------------------------------------------------------------------
def test_entities_rows_counts_and_default_sort(entities: EntitiesDialog) -> None:
    assert entities.windowTitle() == "Companies and people" and not entities.isModal()
    assert entities.findChild(QWidget, "entitiesTable") is entities.table
    assert entities.findChild(QWidget, "entitiesFilter") is entities.filter
    header = entities.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        EntityColumn.Highlights, Qt.SortOrder.DescendingOrder)
    rows = [[entities.proxy.index(r, c).data() for c in EntityColumn] for r in range(entities.proxy.rowCount())]
    rows = [[plain(v) if isinstance(v, str) else v for v in row] for row in rows]
    assert rows == [
        ["Nvidia", "company", 4, 2, "Nvidia · NVIDIA"],
        ["Tencent", "company", 1, 1, "Tencent"],  # ties keep the library's order
        ["Jensen Huang", "person", 1, 1, "Jensen Huang"],
    ]
    assert entities.count.text() == "3 name(s)"
    nvidia = entities.proxy.index(0, EntityColumn.Articles)
    assert len(nvidia.data(Qt.ItemDataRole.ToolTipRole).split("\n")) == 2
    assert entities.proxy.index(0, EntityColumn.Name).data(EntityRole.Direction) == LTR
    assert entities.proxy.index(0, EntityColumn.Highlights).data(EntityRole.Direction) == LTR


def test_entities_sort_numerically_and_by_name(entities: EntitiesDialog) -> None:
    entities.table.sortByColumn(EntityColumn.Highlights, Qt.SortOrder.AscendingOrder)
    assert column(entities, EntityColumn.Highlights) == [1, 1, 4]
    assert column(entities, EntityColumn.Name) == ["Tencent", "Jensen Huang", "Nvidia"]
    entities.table.sortByColumn(EntityColumn.Articles, Qt.SortOrder.DescendingOrder)
    assert column(entities, EntityColumn.Articles) == [2, 1, 1]
    entities.table.sortByColumn(EntityColumn.Name, Qt.SortOrder.AscendingOrder)
    assert column(entities, EntityColumn.Name) == ["Jensen Huang", "Nvidia", "Tencent"]
    entities.table.sortByColumn(EntityColumn.Kind, Qt.SortOrder.DescendingOrder)
    assert column(entities, EntityColumn.Kind) == ["person", "company", "company"]


def test_entities_filter(entities: EntitiesDialog) -> None:
    entities.filter.setText("nvidia")
    assert column(entities, EntityColumn.Name) == ["Nvidia"]
    assert entities.count.text() == "1 of 3 name(s)"
    entities.filter.setText("HUANG")
    assert column(entities, EntityColumn.Name) == ["Jensen Huang"]
    entities.filter.setText("")
    assert entities.proxy.rowCount() == 3


def test_entity_activation_emits_a_search(qtbot, entities: EntitiesDialog) -> None:
    rect = entities.table.visualRect(entities.proxy.index(0, EntityColumn.Name))
    with qtbot.waitSignal(entities.entityActivated, timeout=2000) as blocker:
        # A real double-click is a click, then a second press that the system marks double.
        qtbot.mouseClick(entities.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(entities.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == ['company:"Nvidia"']
    entities.table.setFocus()
    entities.table.setCurrentIndex(entities.proxy.index(2, 0))
    with qtbot.waitSignal(entities.entityActivated, timeout=2000) as blocker:
        qtbot.keyClick(entities.table, Qt.Key.Key_Enter)
    assert blocker.args == ['tag:person "Jensen Huang"']
    assert entities.isVisible()
    qtbot.keyClick(entities.table, Qt.Key.Key_Escape)
    assert not entities.isVisible()


def test_entities_refresh(entities: EntitiesDialog, filled, library: Library) -> None:
    library.annotate(filled["sample"], quote="Alibaba", tags=["company"], canonical="Alibaba")
    entities.refresh()
    assert "Alibaba" in column(entities, EntityColumn.Name)
    assert entities.count.text() == "4 name(s)"


# -- the Arabic interface --------------------------------------------------------------------------
def test_arabic_interface_mirrors_both_dialogs(qtbot, filled, library: Library) -> None:
    from reader.app import make_application

    app = make_application("ar")
    try:
        figures = FiguresDialog(library)
        entities = EntitiesDialog(library)
        for dialog in (figures, entities):
            qtbot.addWidget(dialog)
            dialog.show()
            qtbot.waitExposed(dialog)
            assert dialog.layoutDirection() == Qt.LayoutDirection.RightToLeft
            # The filter box is on the right of its label's other side: the label leads (right).
            assert dialog.filter_label.geometry().left() > dialog.filter.geometry().left()
            dialog.grab()  # paints every cell without error
        assert app.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert entities.proxy.index(0, EntityColumn.Kind).data() == "شركة"  # tag_label, translated
        r = next(r for r in range(5) if figures.proxy.index(r, 0).data(FigureRole.Id) == filled["8.2e9"])
        assert Qt.AlignmentFlag(figures.proxy.index(r, FigureColumn.Text).data(
            Qt.ItemDataRole.TextAlignmentRole)) == RIGHT
        assert figures.proxy.index(r, FigureColumn.Value).data() == "8,200,000,000"
    finally:
        make_application("en")
    assert QApplication.instance().layoutDirection() == Qt.LayoutDirection.LeftToRight
