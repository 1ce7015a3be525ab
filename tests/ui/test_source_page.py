"""The source page: every passage highlighted at the right place, navigation to a passage,
find in text, annotating a selection (persisted, undoable), and notes on passages."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextFormat

from azrel_desktop.core.service import Library
from azrel_desktop.ui.notes import undo
from azrel_desktop.ui.notes.annotation_panel import NoteDialog
from azrel_desktop.ui.shell.context import AppContext
from azrel_desktop.ui.shell.navigation import Target
from azrel_desktop.ui.sources.source_page import LINK_ROLE, SourcePage
from azrel_desktop.ui.sources.source_text import FIND_COLOUR, FIND_CURRENT_COLOUR


def selected(selection) -> str:
    return selection.cursor.selectedText().replace("\u2029", "\n")


def shown_text(page) -> str:
    # toPlainText() would turn no-break spaces into spaces; the raw text keeps every character
    return page.text_view.document().toRawText().replace("\u2029", "\n")


def make_page(qtbot, ctx, target=None, *, show=False) -> SourcePage:
    page = SourcePage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    if show:
        page.show()
        qtbot.waitExposed(page)
    if target is not None:
        open_target(qtbot, page, target)
    return page


def open_target(qtbot, page, target) -> None:
    """Open a target; the page reads the source (and its notes) in the background."""
    page.show_target(target)
    settle(qtbot, page)


def settle(qtbot, page):
    qtbot.waitUntil(lambda: not page.is_loading())
    return page


def span_selections(page):
    """The ExtraSelections that are passage highlights (they carry their colour class)."""
    return [s for s in page.text_view.extraSelections()
            if s.format.hasProperty(QTextFormat.Property.UserProperty)]


def source_ids(library):
    return [link.id for link in library.records("source")]


def test_every_passage_of_every_source_is_highlighted_at_its_quote(qtbot, ctx):
    ids = source_ids(ctx.library)
    assert len(ids) >= 5
    page = make_page(qtbot, ctx)
    for source_id in ids:
        open_target(qtbot, page, Target("source", source_id))
        record = ctx.library.source(source_id)
        assert shown_text(page) == record.text
        expected = sorted(((p.start, p.end, p.highlight) for p in record.passages), key=lambda s: (s[0], -s[1]))
        assert page.highlighted_spans() == expected
        shown = span_selections(page)
        assert len(shown) == len(record.passages) > 0
        by_span = {(p.start, p.end): p for p in record.passages}
        for (start, end, cls), selection in zip(page.highlighted_spans(), shown, strict=True):
            passage = by_span[(start, end)]
            assert selected(selection) == passage.quote
            assert selection.format.property(QTextFormat.Property.UserProperty) == cls == passage.highlight


def test_passage_classes_include_boilerplate_greyed_and_legend_counts_them(qtbot, ctx):
    page = make_page(qtbot, ctx, Target("source", "src-000"))
    classes = [cls for _s, _e, cls in page.highlighted_spans()]
    assert "boilerplate" in classes
    assert page.legend.labels["boilerplate"].text().endswith(f"({classes.count('boilerplate')})")
    assert page.legend.labels["event"].text().endswith(f"({classes.count('event')})")


def test_metadata_is_shown_and_the_url_is_never_a_link(qtbot, ctx):
    record = ctx.library.source("src-002")
    page = make_page(qtbot, ctx, Target("source", "src-002"))
    assert page.title() == record.title
    assert page.title_label.text() == record.title
    assert page.meta_labels["sha256"].text() == record.sha256
    assert page.meta_labels["kind"].text() == record.kind
    assert page.meta_labels["url"].textFormat() == Qt.TextFormat.PlainText
    assert not page.meta_labels["url"].openExternalLinks()


def test_show_target_with_passage_scrolls_to_it_and_flashes_it(qtbot, ctx):
    record = ctx.library.source("src-001")
    last = max((p for p in record.passages if p.kind == "citation"), key=lambda p: p.start)
    page = make_page(qtbot, ctx, show=True)
    open_target(qtbot, page, Target("source", "src-001", passage_id=last.id))
    assert page.current_passage_id() == last.id
    assert page.passage_tree.currentItem().data(0, LINK_ROLE) is None
    assert page.passage_notes.target() == ("passage", last.id)
    view = page.text_view
    assert view.is_flashing()
    # the passage jumped to is outlined (its colours stay those of its kinds)
    assert view.current_span() == (last.start, last.end)
    assert view.span_rects(last.start, last.end)
    # the passage is in view: scrolled away from the top of a long text
    assert view.verticalScrollBar().value() > 0
    assert view.viewport().rect().contains(view.cursorRect().center())
    qtbot.waitUntil(lambda: not view.is_flashing(), timeout=3000)
    assert len(span_selections(page)) == len(view.extraSelections())


def test_show_target_with_start_and_end_flashes_that_span(qtbot, ctx):
    record = ctx.library.source("src-002")
    passage = record.passages[3]
    page = make_page(qtbot, ctx, Target("source", "src-002", start=passage.start, end=passage.end))
    assert page.current_passage_id() == passage.id
    open_target(qtbot, page, Target("source", "src-002", start=5, end=12))
    assert page.text_view.current_span() == (5, 12)
    assert page.text_view.is_flashing()


def test_clicking_a_passage_in_the_list_flashes_it(qtbot, ctx):
    record = ctx.library.source("src-000")
    page = make_page(qtbot, ctx, Target("source", "src-000"), show=True)
    item = page.passage_item(record.passages[2].id)
    rect = page.passage_tree.visualItemRect(item)
    qtbot.mouseClick(page.passage_tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.current_passage_id() == record.passages[2].id
    assert page.text_view.is_flashing()


def test_double_clicking_a_citing_record_navigates_to_it(qtbot, ctx):
    record = ctx.library.source("src-002")
    passage = next(p for p in record.passages if p.supports)
    link = passage.supports[0]
    page = make_page(qtbot, ctx, Target("source", "src-002"), show=True)
    child = page.passage_item(passage.id).child(0)
    assert child.data(0, LINK_ROLE) == link
    page.passage_tree.scrollToItem(child)
    rect = page.passage_tree.visualItemRect(child)
    with qtbot.waitSignal(page.ctx.navigate, timeout=1000) as nav:
        qtbot.mouseClick(page.passage_tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(page.passage_tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert nav.args[0] == Target(link.kind, link.id)


def test_contradicting_passages_are_listed_as_such(qtbot, ctx):
    for source_id in source_ids(ctx.library):
        record = ctx.library.source(source_id)
        disputing = [p for p in record.passages if p.contradicts]
        if disputing:
            break
    else:
        pytest.skip("no contradicting passage in the corpus")
    page = make_page(qtbot, ctx, Target("source", source_id))
    item = page.passage_item(disputing[0].id)
    texts = [item.child(i).text(0) for i in range(item.childCount())]
    assert f"contradicts: {disputing[0].contradicts[0].label}" in texts


# --- find ---------------------------------------------------------------------------------

def find_selections(page):
    return [s for s in page.text_view.extraSelections()
            if s.format.background().color().name() in (FIND_COLOUR, FIND_CURRENT_COLOUR)]


def test_ctrl_f_opens_find_bar_highlighting_every_match(qtbot, ctx):
    text = ctx.library.source("src-002").text
    page = make_page(qtbot, ctx, Target("source", "src-002"), show=True)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.text_view.setFocus()
    assert page.find_bar.isHidden()
    qtbot.keyClick(page.text_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.find_bar.isVisible()
    qtbot.keyClicks(page.find_bar.field, "nato")
    expected = text.lower().count("nato")
    assert expected > 10
    assert page.text_view.match_count() == expected
    found = [s for s in find_selections(page) if s.format.background().color().name() == FIND_COLOUR]
    assert len(found) == expected
    assert all(selected(s).lower() == "nato" for s in found)
    assert [selected(s) for s in found] == [text[a:b] for a, b in page.text_view.matches()]
    assert page.find_bar.count_label.text() == f"1 of {expected}"

    qtbot.keyClick(page.find_bar.field, Qt.Key.Key_Return)
    assert page.text_view.current_match() == 1
    assert page.find_bar.count_label.text() == f"2 of {expected}"
    qtbot.keyClick(page.find_bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(page.find_bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert page.text_view.current_match() == expected - 1  # wrapped backwards
    current = [s for s in find_selections(page) if s.format.background().color().name() == FIND_CURRENT_COLOUR]
    start, end = page.text_view.matches()[expected - 1]
    assert [selected(s) for s in current] == [text[start:end]]

    qtbot.keyClick(page.find_bar.field, Qt.Key.Key_Escape)
    assert page.find_bar.isHidden()
    assert find_selections(page) == []


def test_find_with_no_match_says_so(qtbot, ctx):
    page = make_page(qtbot, ctx, Target("source", "src-000"))
    page.open_find()
    page.find_bar.field.setText("zzz-not-there")
    assert page.text_view.match_count() == 0
    assert page.find_bar.count_label.text() == "no matches"


# --- annotate selection ----------------------------------------------------------------------

def annotated(qtbot, page, body, tags=()):
    """Annotate the selection and wait until the note has landed; the note saved."""
    with qtbot.waitSignal(page.annotated, timeout=10_000) as landed:
        assert page.annotate_selection(body, tags)
    return landed.args[0]


def user_spans(page):
    return [(s, e) for s, e, cls in page.highlighted_spans() if cls == "user"]


def test_annotate_selection_highlights_a_user_passage_that_survives_reopening(qtbot, ctx, db_path):
    text = ctx.library.source("src-003").text
    start = text.index("CSTO")
    page = make_page(qtbot, ctx, Target("source", "src-003"))
    page.text_view.select_span(start, start + 4)
    assert page.annotate_button.isEnabled()
    view = annotated(qtbot, page, "Why the CSTO?", ("csto",))
    assert view.target_kind == "passage"
    settle(qtbot, page)
    assert user_spans(page) == [(start, start + 4)]
    assert page.current_passage_id() == view.target_id
    assert [c.body_label.text() for c in page.passage_notes.cards] == ["Why the CSTO?"]
    user = [s for s in span_selections(page) if s.format.property(QTextFormat.Property.UserProperty) == "user"]
    assert [selected(s) for s in user] == ["CSTO"]

    ctx.library.close()
    reopened = Library.open(db_path)
    try:
        ctx2 = AppContext(reopened)
        page2 = make_page(qtbot, ctx2, Target("source", "src-003", passage_id=view.target_id))
        assert user_spans(page2) == [(start, start + 4)]
        assert page2.current_passage_id() == view.target_id
    finally:
        reopened.close()


def test_annotate_selection_is_undoable(qtbot, ctx, written):
    text = ctx.library.source("src-000").text
    start = text.index("Russia")
    page = make_page(qtbot, ctx, Target("source", "src-000"))
    page.text_view.select_span(start, start + 6)
    view = annotated(qtbot, page, "note")
    assert user_spans(settle(qtbot, page)) == [(start, start + 6)]
    ctx.undo_stack.undo()
    assert written(ctx).library.annotations_for("passage", view.target_id) == []
    assert user_spans(settle(qtbot, page)) == []  # a selection without a note is no longer shown
    ctx.undo_stack.redo()
    assert [a.id for a in written(ctx).library.annotations_for("passage", view.target_id)] == [view.id]
    assert user_spans(settle(qtbot, page)) == [(start, start + 6)]


def test_annotate_selection_from_the_context_menu_uses_the_note_dialog(qtbot, ctx, monkeypatch, written):
    text = ctx.library.source("src-004").text
    start = text.index("Putin")
    asked = {}

    def fake_ask(cls, parent, title, **kwargs):
        asked.update(kwargs, title=title)
        return "the meeting", ("moscow",)

    monkeypatch.setattr(NoteDialog, "ask", classmethod(fake_ask))
    page = make_page(qtbot, ctx, Target("source", "src-004"))
    page.text_view.select_span(start, start + 5)
    menu = page.text_view.build_context_menu()
    action = next(a for a in menu.actions() if a.objectName() == "annotateSelectionAction")
    assert action.isEnabled()
    action.trigger()
    menu.deleteLater()
    assert asked == {"title": "Annotate selection", "context": "Putin"}
    [note] = [a for a in written(ctx).library.annotations() if a.target_kind == "passage"]
    assert (note.body, note.tags, note.quote) == ("the meeting", ("moscow",), "Putin")
    assert user_spans(settle(qtbot, page)) == [(start, start + 5)]


def test_whitespace_selection_is_refused_with_a_message(qtbot, ctx):
    text = ctx.library.source("src-000").text
    gap = text.index(" ")
    page = make_page(qtbot, ctx, Target("source", "src-000"))
    page.text_view.select_span(gap, gap + 1)
    with qtbot.waitSignal(ctx.writes_idle, timeout=10_000):
        assert page.annotate_selection("nothing", ())
    assert "spaces" in page.error_label.text()
    assert ctx.undo_stack.count() == 0


def test_annotate_is_disabled_when_readonly(qtbot, ctx, monkeypatch):
    monkeypatch.setattr(Library, "readonly", property(lambda self: True))
    page = make_page(qtbot, ctx, Target("source", "src-000"))
    page.text_view.select_span(0, 10)
    assert not page.annotate_button.isEnabled()
    menu = page.text_view.build_context_menu()
    action = next(a for a in menu.actions() if a.objectName() == "annotateSelectionAction")
    assert not action.isEnabled()
    menu.deleteLater()


def test_notes_on_the_source_and_on_a_passage(qtbot, ctx, written):
    record = ctx.library.source("src-002")
    page = make_page(qtbot, ctx, Target("source", "src-002", passage_id=record.passages[0].id))
    assert page.source_notes.target() == ("source", "src-002")
    page.source_notes.add("About the whole essay", ("meta",))
    page.passage_notes.add("About this passage", ())
    assert [a.body for a in written(ctx).library.annotations_for("source", "src-002")] == ["About the whole essay"]
    assert [a.body for a in ctx.library.annotations_for("passage", record.passages[0].id)] == ["About this passage"]
    # the passage list shows the note under its passage
    settle(qtbot, page)
    item = page.passage_item(record.passages[0].id)
    assert "note: About this passage" in [item.child(i).text(0) for i in range(item.childCount())]
    undo.undo_actions(ctx.undo_stack, page)[0].trigger()
    assert written(ctx).library.annotations_for("passage", record.passages[0].id) == []


def test_unknown_source_shows_a_message(qtbot, ctx):
    page = make_page(qtbot, ctx, Target("source", "src-nope"))
    assert page.stack.currentWidget() is page.message
    assert "src-nope" in page.message.text()


def test_passage_shown_before_the_page_is_visible_is_scrolled_to_once_shown(qtbot, ctx):
    record = ctx.library.source("src-001")
    last = max(record.passages, key=lambda p: p.start)
    page = make_page(qtbot, ctx, Target("source", "src-001", passage_id=last.id))
    page.show()
    qtbot.waitExposed(page)
    view = page.text_view
    qtbot.waitUntil(lambda: view.verticalScrollBar().value() > 0, timeout=2000)
    assert view.viewport().rect().contains(view.cursorRect().center())


def test_find_bar_searches_again_in_the_next_source(qtbot, ctx):
    page = make_page(qtbot, ctx, Target("source", "src-000"), show=True)
    page.open_find()
    page.find_bar.field.setText("azerbaijan")
    open_target(qtbot, page, Target("source", "src-002"))
    text = ctx.library.source("src-002").text
    assert page.text_view.match_count() == text.lower().count("azerbaijan")
    assert page.find_bar.count_label.text().endswith(f"of {text.lower().count('azerbaijan')}")


def test_hovering_a_passage_shows_what_it_supports(qtbot, ctx):
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    record = ctx.library.source("src-002")
    passage = next(p for p in record.passages if p.supports)
    page = make_page(qtbot, ctx, Target("source", "src-002", passage_id=passage.id), show=True)
    view = page.text_view
    cursor = view.textCursor()
    cursor.setPosition(cursor.position() + 3)
    point = view.cursorRect(cursor).center()
    QApplication.sendEvent(view.viewport(), QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point)))
    assert QToolTip.isVisible()
    assert f"supports: {passage.supports[0].label}".replace("&", "&amp;") in QToolTip.text().replace("&#x27;", "'")
    QToolTip.hideText()
    assert QPoint() is not None


# --- reliability ----------------------------------------------------------------------------------

def _own_sources(library, *ids):
    from sqlalchemy import text as sql

    with library.db.write() as s:
        for sid in ids:
            s.execute(sql("INSERT INTO sources (id, title, kind, language, text, sha256, is_seed) "
                          "VALUES (:i, :t, 'note', 'en', 'Aliyev met Solana in Brussels.', 'x', 0)"),
                      {"i": sid, "t": f"My notes {sid}"})


def test_a_corpus_source_shows_its_grade_and_cannot_be_edited(qtbot, ctx):
    page = make_page(qtbot, ctx, Target("source", "src-001"), show=True)
    assert page.meta_labels["reliability_grade"].text() == "E — unreliable"
    assert page.meta_labels["reliability"].text().startswith("LOW.")
    assert not page.edit_reliability.isVisible()
    open_target(qtbot, page, Target("source", "src-004"))
    assert page.meta_labels["reliability_grade"].text() == "B — usually reliable"


def open_reliability_editor(qtbot, page):
    """Click "Edit reliability…" and wait for the editor (it opens when the other sources are read)."""
    with qtbot.waitSignal(page.reliability_opened, timeout=10_000) as opened:
        qtbot.mouseClick(page.edit_reliability, Qt.MouseButton.LeftButton)
    dialog = opened.args[0]
    assert dialog.isVisible() and dialog.isModal()
    return dialog


def save_reliability(qtbot, dialog):
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def test_an_own_source_is_graded_in_the_editor_and_the_page_follows(qtbot, ctx, written):
    _own_sources(ctx.library, "src-mine-1", "src-mine-2")
    page = make_page(qtbot, ctx, Target("source", "src-mine-2"), show=True)
    assert page.meta_labels["reliability_grade"].text() == "not graded"
    assert page.edit_reliability.isVisible() and page.edit_reliability.isEnabled()
    dialog = open_reliability_editor(qtbot, page)
    assert [dialog.copies.itemData(i) for i in range(dialog.copies.count())][:1] == [None]
    assert dialog.copies.findData("src-mine-1") > 0 and dialog.copies.findData("src-mine-2") == -1  # not itself
    dialog.grade.setCurrentIndex(dialog.grade.findData("D"))
    dialog.reason.setPlainText("<b>copied</b> from my first notes")
    dialog.copies.setCurrentIndex(dialog.copies.findData("src-mine-1"))
    with qtbot.waitSignal(dialog.accepted, timeout=10_000), qtbot.waitSignal(ctx.changed, timeout=10_000):
        save_reliability(qtbot, dialog)
        assert not dialog.save_button.isEnabled()  # until the save has landed
    assert ctx.undo_stack.undoText() == "Edit source reliability"
    settle(qtbot, page)
    assert page.meta_labels["reliability_grade"].text() == "D — not usually reliable"
    assert page.meta_labels["reliability"].text() == "<b>copied</b> from my first notes"  # plain text
    assert page.meta_labels["reliability"].textFormat() == Qt.TextFormat.PlainText
    assert "A copy of: My notes src-mine-1" in page.meta_labels["copies"].text()
    open_target(qtbot, page, Target("source", "src-mine-1"))
    assert "Copied by: My notes src-mine-2" in page.meta_labels["copies"].text()
    # Ctrl+Z puts the grade, the reason and the link back; Ctrl+Shift+Z again
    open_target(qtbot, page, Target("source", "src-mine-2"))
    with qtbot.waitSignal(ctx.changed):
        ctx.undo_stack.undo()
    record = written(ctx).library.source("src-mine-2")
    assert (record.reliability_grade, record.reliability, record.copies) == (None, None, None)
    settle(qtbot, page)
    assert page.meta_labels["reliability_grade"].text() == "not graded"
    with qtbot.waitSignal(ctx.changed):
        ctx.undo_stack.redo()
    assert written(ctx).library.source("src-mine-2").reliability_grade == "D"
    assert ctx.library.source("src-mine-2").copies.id == "src-mine-1"


def test_a_refused_grade_is_said_in_the_editor_and_nothing_changes(qtbot, ctx, written):
    _own_sources(ctx.library, "src-mine-1", "src-mine-2")
    ctx.library.set_source_reliability("src-mine-2", "C", None, copies_id="src-mine-1")
    page = make_page(qtbot, ctx, Target("source", "src-mine-1"), show=True)
    dialog = open_reliability_editor(qtbot, page)
    dialog.grade.setCurrentIndex(dialog.grade.findData("B"))
    dialog.copies.setCurrentIndex(dialog.copies.findData("src-mine-2"))  # a cycle
    save_reliability(qtbot, dialog)
    written(ctx)
    assert dialog.isVisible() and dialog.save_button.isEnabled()  # open, to be corrected
    assert dialog.error.isVisible() and "already copies" in dialog.error.text()
    assert ctx.undo_stack.count() == 0
    assert ctx.library.source("src-mine-1").reliability_grade is None
    dialog.reject()
