"""Item models and delegates: checked with Qt's model tester, role by role, and painted offscreen."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QPointF, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QFont, QImage
from PySide6.QtWidgets import QListView, QStyleOptionViewItem, QTableView

from reader.core.models import Annotation, ArticleSummary, SearchHit, Tag
from reader.core.services import Library
from reader.ui.fonts import load_fonts
from reader.ui.delegates import (
    BAR_WIDTH,
    PADDING,
    AnnotationDelegate,
    DirectionalItemDelegate,
    SearchResultDelegate,
    block_height,
    text_block,
)
from reader.ui.models import (
    LTR,
    RTL,
    AnnotationListModel,
    AnnotationRole,
    ArticleColumn,
    ArticleRole,
    ArticleTableModel,
    SearchResultsModel,
    SearchRole,
    local_time,
    snippet_html,
)

# The C++ model tester reports problems as Qt warnings: make them fail the test.
pytestmark = pytest.mark.qt_log_level_fail("WARNING")

TAGS = [
    Tag("company", "#f6c343", builtin=True),
    Tag("figure", "#64b5f6", builtin=True),
    Tag("quote", "#81c784", builtin=True),
    Tag("person", "#e57373", builtin=True),
    Tag("أمن-قومي", "#b39ddb"),
]


def _span(text: str, quote: str, occurrence: int = 1) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence):
        start = text.index(quote, start + 1)
    return start, start + len(quote)


def _annotation(text: str, ann_id: str, quote: str, tags: list[str], note: str = "", color: str = "",
                orphan: bool = False) -> Annotation:
    start, end = _span(text, quote)
    return Annotation(id=ann_id, article_id="art-1", start=start, end=end, quote=text[start:end],
                      tags=tags, note=note, color=color, orphan=orphan)


@pytest.fixture
def annotations(sample_text: str) -> list[Annotation]:
    text = "🚀 " + sample_text  # an astral character before every quote
    sentence = "لقد أدت السلطات الصينية إلى تثبيط شركات التكنولوجيا المحلية من شراء رقائق NVIDIA"
    return [
        _annotation(text, "a-tencent", "Tencent", ["company"], note="شركة صينية"),
        _annotation(text, "a-sentence", sentence, ["quote", "أمن-قومي"],
                    note="Beijing discourages purchases <b>not bold</b>"),
        _annotation(text, "a-authorities", "السلطات الصينية", ["person"], color="#123456"),
        _annotation(text, "a-nvidia", "Nvidia", ["company", "figure"]),
        Annotation(id="a-orphan", article_id="art-1", start=3, end=9, quote="🚀 H20 " * 40,
                   tags=["figure"], note="", orphan=True),
    ]


@pytest.fixture
def articles() -> list[ArticleSummary]:
    return [
        ArticleSummary("art-1", "بكين توتر على nvidia.", "s1", "/data/nvidia-china.ar.txt", "txt",
                       "2026-03-01T09:05:00.000Z", 5071, 4),
        ArticleSummary("art-2", "Nvidia أعلنت نتائجها الفصلية", "s2", "", "md", "2025-12-31T23:30:00.000Z", 800, 12),
        ArticleSummary("art-3", "Chip export rules <draft>", "s3", "/tmp/rules.html", "html",
                       "2026-01-15T10:00:00.000Z", 1200, 0),
    ]


@pytest.fixture
def hits() -> list[SearchHit]:
    return [
        SearchHit("a-1", "art-1", "بكين توتر على nvidia.", "رقائق NVIDIA", "", ["company"], 10, 22, 3.5,
                  "…من شراء رقائق **NVIDIA** التي تشير…"),
        SearchHit("a-2", "art-3", "Chip export rules", "<script>alert(1)</script> Nvidia & co", "note",
                  ["figure"], 0, 30, 1.25, "<script>alert(1)</script> **Nvidia** & co"),
    ]


@pytest.fixture
def riyadh_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Local time is UTC+3 with no daylight saving, whatever the machine's zone."""
    monkeypatch.setenv("TZ", "Asia/Riyadh")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


# -- model tester --------------------------------------------------------------------------------
@pytest.mark.parametrize("force_py", [False, True], ids=["qt-tester", "py-tester"])
def test_models_pass_the_model_tester(qtmodeltester, articles, annotations, hits, force_py: bool) -> None:
    article_model = ArticleTableModel()
    qtmodeltester.check(article_model, force_py=force_py)
    article_model.set_items(articles)
    article_model.set_items(articles[:1])
    qtmodeltester.check(article_model, force_py=force_py)

    annotation_model = AnnotationListModel()
    annotation_model.set_tags(TAGS)
    annotation_model.set_items(annotations)
    qtmodeltester.check(annotation_model, force_py=force_py)
    annotation_model.set_tag_filter("company")
    annotation_model.set_tags(TAGS[:2])
    annotation_model.set_tag_filter(None)

    search_model = SearchResultsModel()
    search_model.set_items(hits)
    qtmodeltester.check(search_model, force_py=force_py)
    search_model.set_items([])


def test_models_over_a_real_library(qtmodeltester, library: Library, sample_path: Path) -> None:
    article = library.import_file(sample_path).article
    library.annotate(article.id, quote="Tencent", tags=["company"], note="شركة صينية")
    library.annotate(article.id, quote="NVIDIA", occurrence=2, tags=["company", "figure"])
    library.annotate(article.id, quote="الأمن القومي", tags=["أمن قومي"], note="security")

    articles = ArticleTableModel()
    articles.set_items(library.list_articles())
    annotations = AnnotationListModel()
    annotations.set_tags([tag for tag, _ in library.tags()])
    annotations.set_items(library.annotations(article.id))
    results = SearchResultsModel()
    results.set_items(library.search("tencent"))
    for model in (articles, annotations, results):
        qtmodeltester.check(model)

    assert articles.index(0, ArticleColumn.Annotations).data() == 3
    assert [annotations.item(r).quote for r in range(annotations.rowCount())] == ["NVIDIA", "الأمن القومي", "Tencent"]
    security = annotations.index(annotations.row_of(annotations.item(1).id))
    assert security.data(AnnotationRole.Tags) == ["أمن-قومي"]
    assert security.data(AnnotationRole.Direction) == RTL
    assert results.rowCount() == 1
    assert results.index(0).data(SearchRole.SnippetHtml) == "<b>Tencent</b>"
    assert results.index(0).data() == article.title


# -- articles ------------------------------------------------------------------------------------
def test_article_display_tooltip_and_lookups(qapp, articles, riyadh_time) -> None:
    model = ArticleTableModel()
    model.set_items(articles)
    assert model.rowCount() == 3 and model.columnCount() == 3
    assert model.index(0, ArticleColumn.Title).data() == "بكين توتر على nvidia."
    assert model.index(0, ArticleColumn.Imported).data() == "2026-03-01 12:05"
    assert model.index(1, ArticleColumn.Imported).data() == "2026-01-01 02:30"  # local date, not UTC's
    assert model.index(1, ArticleColumn.Annotations).data() == 12
    assert model.index(0, ArticleColumn.Title).data(Qt.ItemDataRole.ToolTipRole) == "/data/nvidia-china.ar.txt"
    assert model.index(1, ArticleColumn.Title).data(Qt.ItemDataRole.ToolTipRole) is None  # no source
    assert model.index(2, ArticleColumn.Title).data(ArticleRole.Id) == "art-3"
    assert model.row_of("art-2") == 1 and model.row_of("missing") is None
    assert model.item(2).title == "Chip export rules <draft>"
    with pytest.raises(IndexError):
        model.item(3)
    assert model.headerData(0, Qt.Orientation.Vertical) is None


def test_headers_are_translated_on_request(qtbot) -> None:
    model = ArticleTableModel()
    # Whatever translator an earlier test left installed, the header is the current translation.
    expected = QCoreApplication.translate("ArticleTableModel", "Highlights")
    assert model.headerData(ArticleColumn.Annotations, Qt.Orientation.Horizontal) == expected
    with qtbot.waitSignal(model.headerDataChanged, timeout=1000) as blocker:
        model.retranslate()
    assert blocker.args == [Qt.Orientation.Horizontal, 0, 2]


def test_local_time_leaves_unreadable_stamps_alone(riyadh_time) -> None:
    assert local_time("2026-03-01T21:59:59Z") == "2026-03-02 00:59"
    assert local_time("") == ""
    assert local_time("yesterday") == "yesterday"


def test_title_direction_and_alignment_follow_the_title_letters(qapp, articles) -> None:
    model = ArticleTableModel()
    model.set_items(articles + [ArticleSummary("art-4", "2025", "s4", "", "txt", "", 4, 0)])
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter
    left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter

    def cell(row: int, column: ArticleColumn, role: int) -> object:
        return model.index(row, column).data(role)

    align = Qt.ItemDataRole.TextAlignmentRole
    # An Arabic title that opens with a Latin name is still right to left.
    assert cell(1, ArticleColumn.Title, ArticleRole.Direction) == RTL
    assert cell(0, ArticleColumn.Title, ArticleRole.Direction) == RTL
    assert cell(0, ArticleColumn.Title, align) == right
    assert cell(2, ArticleColumn.Title, ArticleRole.Direction) == LTR
    assert cell(2, ArticleColumn.Title, align) == left
    # No letters: the title follows the UI.
    assert cell(3, ArticleColumn.Title, ArticleRole.Direction) == Qt.LayoutDirection.LayoutDirectionAuto
    assert cell(3, ArticleColumn.Title, align) == Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter
    # Counts sit on the trailing edge (flips in a mirrored UI); numbers stay left to right.
    assert cell(0, ArticleColumn.Annotations, align) == Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter
    assert cell(0, ArticleColumn.Annotations, ArticleRole.Direction) == LTR
    assert cell(0, ArticleColumn.Imported, ArticleRole.Direction) == LTR


@pytest.mark.parametrize(
    ("column", "expected"),
    [
        (ArticleColumn.Imported, ["art-2", "art-3", "art-1"]),
        (ArticleColumn.Annotations, ["art-3", "art-1", "art-2"]),
        (ArticleColumn.Title, ["art-3", "art-2", "art-1"]),  # chip, nvidia, بكين
    ],
    ids=["imported", "annotations", "title"],
)
def test_sorting_through_a_proxy_uses_raw_values(qapp, articles, column, expected) -> None:
    model = ArticleTableModel()
    model.set_items(articles)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(ArticleRole.Sort)
    proxy.sort(column, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(r, 0).data(ArticleRole.Id) for r in range(3)] == expected


def test_set_items_resets_the_model(qtbot, articles) -> None:
    model = ArticleTableModel()
    model.set_items(articles)
    with qtbot.waitSignals([model.modelAboutToBeReset, model.modelReset], order="strict", timeout=1000):
        model.set_items(articles[1:])
    assert model.rowCount() == 2 and model.row_of("art-1") is None


def test_directional_delegate_lays_out_each_cell_in_its_own_direction(qapp, articles) -> None:
    model = ArticleTableModel()
    model.set_items(articles)
    view = QTableView()
    view.setModel(model)
    view.setLayoutDirection(RTL)
    delegate = DirectionalItemDelegate(view)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.widget = view

    option.direction = RTL
    delegate.initStyleOption(option, model.index(0, ArticleColumn.Annotations))
    # Trailing in a mirrored view is the left edge, kept there while the digits run LTR.
    assert option.direction == LTR
    assert option.displayAlignment & Qt.AlignmentFlag.AlignLeft
    assert option.displayAlignment & Qt.AlignmentFlag.AlignAbsolute

    title = QStyleOptionViewItem()
    title.initFrom(view)
    title.direction = LTR
    delegate.initStyleOption(title, model.index(1, ArticleColumn.Title))
    assert title.direction == RTL
    assert title.displayAlignment & Qt.AlignmentFlag.AlignRight


# -- annotations ---------------------------------------------------------------------------------
def test_annotations_in_text_order_with_roles(qapp, annotations, sample_text) -> None:
    model = AnnotationListModel()
    model.set_tags(TAGS)
    model.set_items(annotations)
    order = [model.item(r).id for r in range(model.rowCount())]
    # The sentence starts where "السلطات الصينية" does not; Tencent is later; orphans last.
    assert order == ["a-nvidia", "a-sentence", "a-authorities", "a-tencent", "a-orphan"]

    sentence = model.index(model.row_of("a-sentence"))
    expected = annotations[1]
    assert sentence.data(AnnotationRole.Id) == "a-sentence"
    assert sentence.data(AnnotationRole.Start) == expected.start
    assert sentence.data(AnnotationRole.End) == expected.end
    assert sentence.data(AnnotationRole.Tags) == ["quote", "أمن-قومي"]
    assert sentence.data(AnnotationRole.Note) == expected.note
    assert sentence.data(AnnotationRole.Quote) == expected.quote
    assert sentence.data(AnnotationRole.Orphan) is False
    assert sentence.data(AnnotationRole.Direction) == RTL  # despite "NVIDIA" at its end
    assert sentence.data(AnnotationRole.NoteDirection) == LTR
    assert sentence.data() == expected.quote  # short enough to show whole
    assert sentence.data(Qt.ItemDataRole.ToolTipRole) == expected.quote + "\n\n" + expected.note
    # The code-point offsets count the emoji as one character.
    assert ("🚀 " + sample_text)[expected.start : expected.end] == expected.quote

    nvidia = model.index(model.row_of("a-nvidia"))
    assert nvidia.data(AnnotationRole.Direction) == LTR
    assert nvidia.data(Qt.ItemDataRole.ToolTipRole) == "Nvidia"
    chip_colors = nvidia.data(AnnotationRole.TagColors)
    assert chip_colors == {"company": QColor("#f6c343"), "figure": QColor("#64b5f6")}


def test_annotation_colour_falls_back_to_its_first_known_tag(qapp, annotations) -> None:
    model = AnnotationListModel()
    model.set_items(annotations)
    authorities = model.index(model.row_of("a-authorities"))
    tencent = model.index(model.row_of("a-tencent"))
    assert authorities.data(Qt.ItemDataRole.DecorationRole) == QColor("#123456")
    assert tencent.data(AnnotationRole.Color) == QColor("#9e9e9e")  # no tags known yet
    model.set_tags(TAGS)
    assert tencent.data(Qt.ItemDataRole.DecorationRole) == QColor("#f6c343")
    assert authorities.data(AnnotationRole.Color) == QColor("#123456")


def test_set_tags_announces_changed_colours(qtbot, annotations) -> None:
    model = AnnotationListModel()
    model.set_items(annotations)
    with qtbot.waitSignal(model.dataChanged, timeout=1000) as blocker:
        model.set_tags(TAGS)
    top, bottom, roles = blocker.args
    assert (top.row(), bottom.row()) == (0, len(annotations) - 1)
    assert AnnotationRole.Color in roles and Qt.ItemDataRole.DecorationRole in roles


def test_long_quotes_are_elided_for_display(qapp, annotations) -> None:
    model = AnnotationListModel()
    model.set_items(annotations)
    orphan = model.index(model.row_of("a-orphan"))
    shown = orphan.data()
    assert len(shown) == 120 and shown.endswith("…")
    assert orphan.data(AnnotationRole.Orphan) is True
    assert orphan.data(AnnotationRole.Quote) == annotations[-1].quote


def test_tag_filter(qtbot, annotations) -> None:
    model = AnnotationListModel()
    model.set_items(annotations)
    with qtbot.waitSignal(model.modelReset, timeout=1000):
        model.set_tag_filter("company")
    assert [model.item(r).id for r in range(model.rowCount())] == ["a-nvidia", "a-tencent"]
    assert model.row_of("a-tencent") == 1
    assert model.row_of("a-sentence") is None  # filtered out
    assert model.tag_filter == "company"

    model.set_tag_filter(TAGS[4])  # a Tag works as well as its name
    assert [model.item(r).id for r in range(model.rowCount())] == ["a-sentence"]
    # The filter survives a refresh from the library.
    model.set_items(annotations[:1])
    assert model.rowCount() == 0
    model.set_items(annotations)
    assert model.rowCount() == 1

    model.set_tag_filter(None)
    assert model.rowCount() == len(annotations)
    model.set_tag_filter("no-such-tag")
    assert model.rowCount() == 0


# -- search results ------------------------------------------------------------------------------
def test_search_result_roles(qapp, hits) -> None:
    model = SearchResultsModel()
    model.set_items(hits)
    first = model.index(0)
    assert first.data() == "بكين توتر على nvidia."
    assert first.data(SearchRole.AnnotationId) == "a-1"
    assert first.data(SearchRole.ArticleId) == "art-1"
    assert first.data(SearchRole.ArticleTitle) == "بكين توتر على nvidia."
    assert (first.data(SearchRole.Start), first.data(SearchRole.End)) == (10, 22)
    assert first.data(SearchRole.Tags) == ["company"]
    assert first.data(SearchRole.Snippet) == hits[0].snippet
    assert first.data(SearchRole.Score) == pytest.approx(3.5)
    assert first.data(SearchRole.Direction) == RTL
    assert model.index(1).data(SearchRole.Direction) == LTR
    assert model.row_of("a-2") == 1 and model.row_of("a-3") is None
    assert model.item(1).article_id == "art-3"


def test_snippet_html_escapes_everything_but_the_marks(hits) -> None:
    assert snippet_html(hits[1]) == "&lt;script&gt;alert(1)&lt;/script&gt; <b>Nvidia</b> &amp; co"
    assert snippet_html("…من شراء رقائق **NVIDIA** التي") == "…من شراء رقائق <b>NVIDIA</b> التي"
    assert snippet_html("**<i>x</i>**") == "<b>&lt;i&gt;x&lt;/i&gt;</b>"
    assert snippet_html("**a** and **ب**") == "<b>a</b> and <b>ب</b>"
    assert snippet_html("2 ** 3 is 8") == "2 ** 3 is 8"  # an unpaired marker stays text
    assert snippet_html("") == ""


# -- delegates -----------------------------------------------------------------------------------
def _font() -> QFont:
    font = QFont(load_fonts())
    font.setPointSizeF(11)
    return font


def _show(qtbot, model, delegate_type, direction: Qt.LayoutDirection) -> QListView:
    view = QListView()
    qtbot.addWidget(view)
    view.setFont(_font())
    view.setLayoutDirection(direction)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setModel(model)
    view.setItemDelegate(delegate_type(view))
    view.resize(360, 900)
    view.show()
    qtbot.waitExposed(view)
    return view


def _painted_pixels(image: QImage, background: QColor, top: int, bottom: int) -> int:
    bg = background.rgb()
    return sum(
        1 for y in range(top, bottom, 2) for x in range(0, image.width(), 2) if image.pixel(x, y) != bg
    )


@pytest.mark.parametrize("direction", [LTR, RTL], ids=["ltr-view", "rtl-view"])
def test_annotation_delegate_paints_each_row(qtbot, annotations, direction) -> None:
    model = AnnotationListModel()
    model.set_tags(TAGS)
    model.set_items(annotations)
    view = _show(qtbot, model, AnnotationDelegate, direction)
    image = view.viewport().grab().toImage()
    background = view.palette().color(view.viewport().backgroundRole())
    width = view.viewport().width()
    bar_x = PADDING + BAR_WIDTH // 2 if direction == LTR else width - PADDING - BAR_WIDTH // 2 - 1

    for row in range(model.rowCount()):
        index = model.index(row)
        hint = view.itemDelegate().sizeHint(_option(view), index)
        assert hint.height() > 0 and hint.width() > 0
        rect = view.visualRect(index)
        assert rect.height() == hint.height()
        assert _painted_pixels(image, background, rect.top(), rect.bottom()) > 50, model.item(row).id
        if not index.data(AnnotationRole.Orphan):
            # The colour bar is on the view's leading edge.
            assert QColor(image.pixel(bar_x, rect.center().y())) == index.data(AnnotationRole.Color)


def _option(view: QListView) -> QStyleOptionViewItem:
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.widget = view
    option.font = view.font()
    return option


@pytest.mark.parametrize("direction", [LTR, RTL], ids=["ltr-view", "rtl-view"])
def test_chips_start_at_the_leading_edge(qtbot, annotations, direction) -> None:
    model = AnnotationListModel()
    model.set_tags(TAGS)
    model.set_items(annotations)
    view = _show(qtbot, model, AnnotationDelegate, direction)
    delegate: AnnotationDelegate = view.itemDelegate()
    index = model.index(model.row_of("a-nvidia"))
    option = _option(view)
    option.rect = view.visualRect(index)
    delegate.initStyleOption(option, index)
    geo = delegate.geometry(option, index, option.rect.width())
    first, second = geo.chips
    assert [c.name for c in geo.chips] == ["company", "figure"]
    if direction == LTR:
        assert first.rect.left() < second.rect.left()
        assert first.rect.left() == pytest.approx(geo.text_x)
    else:
        assert first.rect.right() > second.rect.right()
        assert first.rect.right() == pytest.approx(geo.text_x + geo.text_width)
    image = view.viewport().grab().toImage()
    top = view.visualRect(index).topLeft()
    inside = first.rect.topLeft() + QPointF(2, first.rect.height() / 2) + QPointF(top)
    assert QColor(image.pixel(inside.toPoint())) == QColor("#f6c343")


def test_quote_is_cut_to_two_lines_with_an_ellipsis(qapp, annotations) -> None:
    quote = annotations[-1].quote  # emoji throughout: Qt positions are not code points
    layout = text_block(quote, _font(), 200, 2, LTR)
    assert layout.text().endswith("…")
    assert layout.text().startswith("🚀 H20")
    assert layout.lineCount() >= 2
    assert block_height(layout, 2) == pytest.approx(layout.lineAt(0).height() + layout.lineAt(1).height())
    # A quote as long as an article is cut before layout, and still ends in "…".
    huge = text_block("السلطات الصينية " * 20_000, _font(), 3000, 2, RTL)
    assert len(huge.text()) <= 801 and huge.text().endswith("…")
    short = text_block("السلطات الصينية", _font(), 200, 2, RTL)
    assert short.text() == "السلطات الصينية" and short.lineCount() == 1


@pytest.mark.parametrize("direction", [LTR, RTL], ids=["ltr-view", "rtl-view"])
def test_search_result_delegate_paints_title_and_snippet(qtbot, hits, direction) -> None:
    model = SearchResultsModel()
    model.set_items(hits)
    view = _show(qtbot, model, SearchResultDelegate, direction)
    image = view.viewport().grab().toImage()
    background = view.palette().color(view.viewport().backgroundRole())
    for row in range(model.rowCount()):
        index = model.index(row)
        hint = view.itemDelegate().sizeHint(_option(view), index)
        assert hint.height() > 2 * view.fontMetrics().height()
        rect = view.visualRect(index)
        assert _painted_pixels(image, background, rect.top(), rect.bottom()) > 50


def test_delegates_paint_a_selected_row(qtbot, annotations, hits) -> None:
    for model, delegate_type, items in (
        (AnnotationListModel(), AnnotationDelegate, annotations),
        (SearchResultsModel(), SearchResultDelegate, hits),
    ):
        model.set_items(items)
        view = _show(qtbot, model, delegate_type, RTL)
        view.setCurrentIndex(model.index(0))
        view.selectionModel().select(model.index(0), view.selectionModel().SelectionFlag.Select)
        image = view.viewport().grab().toImage()
        assert not image.isNull()
        assert view.indexAt(view.visualRect(model.index(0)).center()) == model.index(0)
