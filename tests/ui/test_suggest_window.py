"""Suggestions in the window: dashed underlines, Tab to the next, Enter or a tag's key accepts,
Delete dismisses, and every step undoes."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QTextCharFormat  # noqa: E402

from reader.core.services import Library  # noqa: E402



def suggest_on(qtbot, window) -> None:
    """Ctrl+G; the detectors run in a worker, so the window answers at once and fills in later."""
    window.suggest_action.trigger()
    qtbot.waitUntil(lambda: window.view.suggestions != [], timeout=10000)


def suggestion(window, text: str, tag: str):
    return next(s for s in window.view.suggestions if s.text == text and s.tag == tag)


def test_suggestions_show_as_dashed_underlines_and_hide_again(qtbot, window) -> None:
    assert window.view.suggestions == []
    window.suggest_action.trigger()
    # Nothing ran on the window's thread yet: the result comes back through the event loop.
    assert window.view.suggestions == [] and "Looking for suggestions" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: window.view.suggestions != [], timeout=10000)
    assert window.suggest_action.isChecked()
    fund = suggestion(window, "8.2 مليار دولار", "figure")
    assert (fund.value, fund.unit) == (8.2e9, "USD")
    text = window.view.article.text
    block = window.view.document().findBlock(window.view.offsets.to_qt(fund.start))
    layout_formats = block.layout().formats()
    local = window.view.offsets.to_qt(fund.start) - block.position()
    dashed = [f for f in layout_formats if f.start <= local < f.start + f.length]
    assert dashed and dashed[0].format.underlineStyle() == QTextCharFormat.UnderlineStyle.DashUnderline
    assert "suggestion" in window.statusBar().currentMessage()
    window.suggest_action.trigger()
    assert window.view.suggestions == [] and window.view.painter.hints(block.blockNumber()) == []
    assert text == window.view.toPlainText()  # the document itself is never touched


def test_tab_enter_accepts_with_the_parsed_value_and_undo_brings_it_back(qtbot, window, library: Library) -> None:
    suggest_on(qtbot, window)
    share = suggestion(window, "15 ٪", "figure")
    window.view.select_range(share.start - 1, share.start - 1)  # the cursor just before it
    window.view.setFocus()
    seen = [window.view.current_suggestion()]
    while seen[-1] is None or (seen[-1].start, seen[-1].tag) != (share.start, "figure"):
        qtbot.keyClick(window.view, Qt.Key.Key_Tab)
        seen.append(window.view.current_suggestion())
        assert len(seen) < 10
    assert window.view.selection_range() == (share.start, share.end)
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    (ann,) = library.annotations(window.current_id)
    assert (ann.quote, ann.tags, ann.value, ann.unit) == ("15 ٪", ["figure"], 15, "%")
    assert share not in window.view.suggestions  # accepted: no longer a candidate
    assert window.view.current_suggestion() is not None  # focus went on to the next one
    window.undo_stack.undo()
    assert library.annotations(window.current_id) == []
    assert share in window.view.suggestions


def test_delete_dismisses_for_good_and_a_tag_key_accepts_as_that_tag(qtbot, window, library: Library) -> None:
    suggest_on(qtbot, window)
    cut = suggestion(window, "8 مليارات دولار", "figure")
    window.view.select_range(cut.start, cut.end)
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert cut not in window.view.suggestions
    assert cut not in library.suggestions(window.current_id)
    window.undo_stack.undo()
    assert cut in window.view.suggestions
    window.undo_stack.redo()
    assert cut not in window.view.suggestions

    huang = next(s for s in window.view.suggestions if "Jensen Huang" in s.text)
    window.view.select_range(huang.start, huang.end)
    qtbot.keyClick(window.view, "4")  # person
    (ann,) = library.annotations(window.current_id)
    assert ann.tags == ["person"] and ann.quote == huang.text


def test_suggestions_follow_the_open_article(qtbot, window, library: Library, tmp_path) -> None:
    suggest_on(qtbot, window)
    other = tmp_path / "other.txt"
    other.write_text("خبر\nقالت شركة Samsung إن أرباحها ارتفعت 12 ٪ في الربع الثالث.\n", encoding="utf-8")
    other_id = library.import_file(other).article.id
    window.open_article(other_id)
    qtbot.waitUntil(lambda: window.view.suggestions != [], timeout=10000)
    assert ("12 ٪", "figure") in {(s.text, s.tag) for s in window.view.suggestions}
    assert all(s.end <= len(window.view.article.text) for s in window.view.suggestions)


def test_figures_and_entities_views_lead_back_to_the_text(qtbot, window, library: Library) -> None:
    fund = library.annotate(window.current_id, quote="8.2 مليار دولار", tags=["figure"])
    nvidia = library.annotate(window.current_id, quote="NVIDIA", tags=["company"])
    window.show_figures()
    figures = window._figures_dialog
    assert figures.isVisible() and figures.shown_figures()[0].annotation_id == fund.id
    figures.figureActivated.emit(window.current_id, fund.start, fund.end)
    qtbot.waitUntil(lambda: window.view._flash == (fund.start, fund.end), timeout=3000)
    # A new figure shows in the open view at once.
    library_share = window._run(lambda: window.library.annotate(window.current_id, quote="15 ٪", tags=["figure"]))
    window._push("test", None, library_share)
    assert len(figures.shown_figures()) == 2
    window.show_entities()
    window._entities_dialog.entityActivated.emit('company:"Nvidia"')
    qtbot.waitUntil(lambda: window.search_panel.results.rowCount() == 1, timeout=5000)
    assert window.search_panel.box.text() == 'company:"Nvidia"'
    assert window.search_panel.results.item(0).annotation_id == nvidia.id


def test_tab_reaches_suggestions_that_start_at_the_same_place(qtbot, window, library: Library, tmp_path) -> None:
    path = tmp_path / "same-start.txt"
    path.write_text("خبر\nوقال المتحدث باسم الشركة: 15% من الإيرادات ستذهب إلى الحكومة الأمريكية.\n", encoding="utf-8")
    window.open_article(library.import_file(path).article.id)
    suggest_on(qtbot, window)
    starts = [s.start for s in window.view.suggestions]
    assert len(starts) != len(set(starts))  # a quote and a figure begin at "15%"
    seen = set()
    for _ in range(2 * len(window.view.suggestions)):
        qtbot.keyClick(window.view, Qt.Key.Key_Tab)
        current = window.view.current_suggestion()
        seen.add((current.start, current.end, current.tag))
    assert seen == {(s.start, s.end, s.tag) for s in window.view.suggestions}


def test_figures_view_drops_a_deleted_articles_rows(qtbot, window, library: Library, tmp_path) -> None:
    path = tmp_path / "other.txt"
    path.write_text("خبر\nارتفعت الأرباح 12 ٪ هذا العام.\n", encoding="utf-8")
    other = library.import_file(path).article.id
    library.annotate(other, quote="12 ٪", tags=["figure"])
    window.show_figures()
    assert len(window._figures_dialog.shown_figures()) == 1
    library.delete_article(other)
    window.refresh_library()
    assert window._figures_dialog.shown_figures() == []
