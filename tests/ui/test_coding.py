"""Recording from a passage in the GUI: select text on a source page, then New event / Cite /
Agreement step / Membership; dialogs with type-ahead choosers (and records made on the spot);
the result everywhere at once; edit and delete of the user's own records; every change undoable."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from azrel_desktop.core.query.filters import EventFilter
from azrel_desktop.ui.coding.dialogs import ActorDialog, CiteDialog, EventDialog, MembershipDialog, StepDialog
from azrel_desktop.ui.shell.navigation import Target
from azrel_desktop.ui.sources.source_page import SourcePage
from azrel_desktop.ui.timeline.timeline_page import TimelinePage

NEWS = "src-004"


@pytest.fixture
def page(qtbot, ctx):
    p = SourcePage(ctx)
    qtbot.addWidget(p)
    p.resize(1280, 800)
    p.show()
    qtbot.waitExposed(p)
    p.show_target(Target("source", NEWS))
    qtbot.waitUntil(lambda: not p.is_loading())  # the source is read in the background
    return p


def select(page, quote: str) -> tuple[int, int]:
    start = page.record.text.index(quote)
    page.text_view.select_span(start, start + len(quote))
    return start, start + len(quote)


def ok(qtbot, dialog) -> None:
    """Press OK and wait for the save, which runs off the GUI thread (`saving` is a plain
    attribute: readable after the dialog closed)."""
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.saving)


def opened(qtbot, flows):
    """The dialog a flow opens once what it shows has been read off the GUI thread."""
    qtbot.waitUntil(lambda: flows.dialog is not None)
    return flows.dialog


def settle(qtbot, flows) -> None:
    """Wait for a flow's reads and writes (a deletion runs off the GUI thread)."""
    qtbot.waitUntil(lambda: not flows.busy())


def answer_when_asked(qtbot, answer) -> QTimer:
    """Run `answer(box)` on the first modal message box shown (it opens inside a slot, in its
    own event loop, once the record's name has been read)."""
    timer = QTimer()
    timer.setInterval(10)

    def look() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            timer.stop()
            answer(box)

    timer.timeout.connect(look)
    timer.start()
    return timer


def pick(qtbot, picker, typed: str) -> None:
    """Type into a chooser and take the highlighted match with Enter, as a user does."""
    picker.field.setFocus()
    qtbot.keyClicks(picker.field, typed)
    qtbot.waitUntil(picker.matches.isVisible)
    qtbot.keyClick(picker.field, Qt.Key.Key_Return)


def user_passages(page) -> list:
    return [p for p in page.record.passages if p.kind == "user"]


def test_new_event_from_a_selection_with_the_date_proposed(qtbot, ctx, page, settled, written):
    select(page, "On April 16, Armenia lodged an ethnic cleansing")
    button = page.coding_buttons["event"]
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = page.coding.dialog
    assert isinstance(dialog, EventDialog) and dialog.isVisible()
    assert dialog.date.text() == "2024-04-16"
    assert dialog.date_text.text() == "April 16"
    assert dialog.date_note.text() == "the year, 2024, taken from the source's publication date"
    assert "16 April 2024" in dialog.date.reading.text()
    qtbot.keyClicks(dialog.title_edit, "Armenia files an ethnic cleansing claim")
    dialog.kind.setCurrentIndex(dialog.kind.findData("legal_action"))
    pick(qtbot, dialog.countries, "Armen")
    pick(qtbot, dialog.organisations, "Court of Just")
    assert dialog.countries.ids() == ("AM",) and dialog.organisations.ids() == ("org-icj",)
    ok(qtbot, dialog)
    qtbot.waitUntil(lambda: page.coding.dialog is None)
    [made] = [r for r in ctx.library.rows(EventFilter(countries=("AM",)), limit=1000)
              if r.title == "Armenia files an ethnic cleansing claim"]
    detail = ctx.library.event(made.id)
    assert detail.mine and made.date == "2024-04-16" and [o.id for o in detail.organisations] == ["org-icj"]
    assert [p.quote for p in detail.supporting] == ["On April 16, Armenia lodged an ethnic cleansing"]
    # the page shows the new citation, coloured as an event's evidence, listed as the user's
    [cited] = user_passages(settled(page))
    assert cited.highlight == "event" and [link.id for link in cited.supports] == [made.id]
    assert page.passage_item(cited.id).text(0).startswith("[your citation]")
    # undo and redo through the app's stack
    assert ctx.undo_stack.undoText() == "New event"
    ctx.undo_stack.undo()
    written(ctx)
    assert ctx.library.row_index(EventFilter(), made.id) is None
    assert user_passages(settled(page)) == []
    ctx.undo_stack.redo()
    written(ctx)
    assert ctx.library.event(made.id).row.title == "Armenia files an ethnic cleansing claim"
    assert len(user_passages(settled(page))) == 1


def test_the_context_menu_offers_the_same(qtbot, page):
    select(page, "Dmitry Peskov")
    menu = page.text_view.build_context_menu()
    names = {a.objectName(): a for a in menu.actions()}
    for what in ("event", "cite", "step", "membership"):
        assert names[f"coding_{what}"].isEnabled()
    names["coding_membership"].trigger()
    menu.deleteLater()
    assert isinstance(page.coding.dialog, MembershipDialog)
    page.coding.dialog.reject()


def test_a_refused_event_keeps_the_dialog_open_and_saves_nothing(qtbot, ctx, page):
    before = ctx.library.total()
    select(page, "Dmitry Peskov")
    qtbot.mouseClick(page.coding_buttons["event"], Qt.MouseButton.LeftButton)
    dialog = page.coding.dialog
    assert dialog.date.text() == ""  # nothing in the words reads as a date
    ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.error.text() == "Not saved: a title is needed"
    qtbot.keyClicks(dialog.title_edit, "Peskov speaks")
    ok(qtbot, dialog)
    assert dialog.isVisible() and dialog.error.text().startswith("Not saved: a date is needed")
    assert ctx.library.total() == before and ctx.undo_stack.count() == 0
    dialog.date.edit.setText("2024-04")
    ok(qtbot, dialog)
    qtbot.waitUntil(lambda: page.coding.dialog is None)
    assert ctx.library.total() == before + 1


def test_an_organisation_made_on_the_spot_is_undone_with_the_event(qtbot, ctx, page, written):
    select(page, "Dmitry Peskov, the Kremlin spokesman")
    qtbot.mouseClick(page.coding_buttons["event"], Qt.MouseButton.LeftButton)
    dialog = page.coding.dialog
    qtbot.keyClicks(dialog.title_edit, "Kremlin statement")
    dialog.date.edit.setText("2024-04-18")
    qtbot.keyClicks(dialog.organisations.field, "Kremlin Press Service")
    filled = {}

    def fill_actor_dialog():
        actor = QApplication.activeModalWidget()
        assert isinstance(actor, ActorDialog)
        assert actor.name.text() == "Kremlin Press Service"
        qtbot.keyClicks(actor.abbreviation, "KPS")
        actor.parent_picker.choose(next(c for c in ctx.library.choices("organisation", "CIS")))
        filled["ok"] = True
        ok(qtbot, actor)

    QTimer.singleShot(0, fill_actor_dialog)
    qtbot.mouseClick(dialog.organisations.new_button, Qt.MouseButton.LeftButton)
    assert filled["ok"]
    [org] = dialog.organisations.chosen()
    assert org.mine and org.label == "Kremlin Press Service (KPS)"
    ok(qtbot, dialog)
    qtbot.waitUntil(lambda: page.coding.dialog is None)
    assert ctx.library.organisation(org.id).parent.id.startswith("org-cis")
    assert ctx.undo_stack.count() == 1 and ctx.undo_stack.undoText() == "New event"
    ctx.undo_stack.undo()
    written(ctx)
    assert ctx.library.choices("organisation", "Kremlin Press") == []
    ctx.undo_stack.redo()
    written(ctx)
    assert [c.id for c in ctx.library.choices("organisation", "Kremlin Press")] == [org.id]


def test_cite_a_selection_against_a_corpus_event_marks_it_disputed(qtbot, ctx, page, settled, written):
    corpus_event = "ev-1992-10-12-az-ru-friendship-treaty"
    select(page, "Armenian officials have accused Russia of betrayal")
    qtbot.mouseClick(page.coding_buttons["cite"], Qt.MouseButton.LeftButton)
    dialog = page.coding.dialog
    assert isinstance(dialog, CiteDialog)
    qtbot.keyClicks(dialog.find_edit, "friendship treaty")
    qtbot.waitUntil(lambda: dialog.results.count() > 0)
    assert dialog.chosen().id == corpus_event
    qtbot.mouseClick(dialog.contradicts, Qt.MouseButton.LeftButton)
    ok(qtbot, dialog)
    qtbot.waitUntil(lambda: page.coding.dialog is None)
    detail = ctx.library.event(corpus_event)
    assert detail.row.disputed and not detail.mine
    assert [p.quote for p in detail.contradicting] == ["Armenian officials have accused Russia of betrayal"]
    [cited] = user_passages(settled(page))
    assert cited.highlight == "dispute"
    ctx.undo_stack.undo()
    written(ctx)
    assert not ctx.library.event(corpus_event).row.disputed
    assert user_passages(settled(page)) == []


def test_new_agreement_with_its_first_step_and_a_step_of_an_existing_one(qtbot, ctx, page, written):
    select(page, "Under a 2020 peace agreement between Azerbaijan and Armenia")
    qtbot.mouseClick(page.coding_buttons["step"], Qt.MouseButton.LeftButton)
    dialog = page.coding.dialog
    assert isinstance(dialog, StepDialog) and dialog.date.text() == "2020"
    qtbot.mouseClick(dialog.new, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.agreement_title, "Trilateral ceasefire statement")
    dialog.agreement_kind.setCurrentIndex(dialog.agreement_kind.findData("ceasefire"))
    pick(qtbot, dialog.party_countries, "Azerb")
    pick(qtbot, dialog.party_countries, "Armen")
    ok(qtbot, dialog)
    qtbot.waitUntil(lambda: page.coding.dialog is None)
    [agreement] = ctx.library.choices("agreement", "Trilateral ceasefire")
    steps = ctx.library.agreement(agreement.id).steps
    assert [(s.step, s.date, s.mine) for s in steps] == [("signed", "2020", True)]
    assert {p.id for p in ctx.library.agreement(agreement.id).parties} == {"AZ", "AM"}

    select(page, "the Kremlin pulled 2,000 Russian soldiers out of Nagorno-Karabakh")
    qtbot.mouseClick(page.coding_buttons["step"], Qt.MouseButton.LeftButton)
    dialog = page.coding.dialog
    pick(qtbot, dialog.agreement, "Trilateral")
    dialog.step.setCurrentIndex(dialog.step.findData("withdrawn"))
    dialog.date.edit.setText("2024-04~")
    ok(qtbot, dialog)
    qtbot.waitUntil(lambda: page.coding.dialog is None)
    assert [s.step for s in ctx.library.agreement(agreement.id).steps] == ["signed", "withdrawn"]
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()
    written(ctx)
    assert ctx.library.choices("agreement", "Trilateral ceasefire") == []


def test_new_membership_status_from_a_selection(qtbot, ctx, page):
    select(page, "he wants to leave the Kremlin’s CSTO security pact")
    qtbot.mouseClick(page.coding_buttons["membership"], Qt.MouseButton.LeftButton)
    dialog = page.coding.dialog
    pick(qtbot, dialog.country, "Armenia")
    pick(qtbot, dialog.organisation, "CSTO")
    dialog.status.setCurrentIndex(dialog.status.findData("member"))
    ok(qtbot, dialog)
    qtbot.waitUntil(lambda: page.coding.dialog is None)
    mine = [ms for ms in ctx.library.organisation("org-csto").memberships if ms.mine]
    assert len(mine) == 1 and mine[0].country.id == "AM" and mine[0].end_label == "open"


def test_own_event_edited_and_deleted_from_the_timeline_detail_pane(qtbot, ctx, monkeypatch, settled, written):
    from azrel_desktop.core.research.drafts import Cite, EventDraft

    text = ctx.library.source(NEWS).text
    start = text.index("Dmitry Peskov")
    view, _ = ctx.library.create_event(EventDraft("Peskov statement", "2024-04-18", "statement"),
                                       [Cite(NEWS, start, start + 13)])
    timeline = TimelinePage(ctx)
    qtbot.addWidget(timeline)
    timeline.resize(1280, 760)
    timeline.show()
    qtbot.waitUntil(lambda: not timeline.is_loading())
    timeline.select_event(view.id, reveal=True)
    pane = timeline.detail
    qtbot.waitUntil(lambda: pane.event_id() == view.id)
    settled(timeline)
    from PySide6.QtWidgets import QPushButton

    from azrel_desktop.ui.common.widgets import PlainLabel

    assert pane.findChild(PlainLabel, "eventOrigin").text().startswith("Your record · made ")
    edit = pane.findChild(QPushButton, "editEventButton")
    assert edit is not None and edit.isEnabled()
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
    dialog = opened(qtbot, pane.coding)
    assert dialog.title_edit.text() == "Peskov statement"
    dialog.title_edit.selectAll()
    qtbot.keyClicks(dialog.title_edit, "Kremlin: no operational functions left")
    ok(qtbot, dialog)
    qtbot.waitUntil(lambda: pane.coding.dialog is None)
    assert ctx.library.event(view.id).row.title == "Kremlin: no operational functions left"

    def shown_title() -> str | None:
        row = timeline.model.known_row(view.id)
        return timeline.model.event_row(row).title if row is not None else None

    qtbot.waitUntil(lambda: shown_title() == "Kremlin: no operational functions left")  # the table at once
    asked = {}

    def answer_yes(box):
        assert box.textFormat() == Qt.TextFormat.PlainText
        asked["q"] = box.text()
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)

    timer = answer_when_asked(qtbot, answer_yes)
    delete = pane.findChild(QPushButton, "deleteEventButton")
    qtbot.mouseClick(delete, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "q" in asked)
    settle(qtbot, pane.coding)
    timer.stop()
    assert "Kremlin: no operational functions left" in asked["q"]
    assert ctx.library.row_index(EventFilter(), view.id) is None
    ctx.undo_stack.undo()  # delete undone
    written(ctx)
    assert ctx.library.event(view.id).row.title == "Kremlin: no operational functions left"
    ctx.undo_stack.undo()  # edit undone
    written(ctx)
    assert ctx.library.event(view.id).row.title == "Peskov statement"


def test_corpus_events_show_no_edit_and_the_users_citation_can_be_removed(qtbot, ctx, settled, written):
    from PySide6.QtWidgets import QPushButton

    from azrel_desktop.core.research.drafts import Cite
    from azrel_desktop.ui.timeline.event_detail import EventDetailPane

    corpus_event = "ev-1992-10-12-az-ru-friendship-treaty"
    text = ctx.library.source(NEWS).text
    start = text.index("Dmitry Peskov")
    ctx.library.add_citation("event", corpus_event, Cite(NEWS, start, start + 13))
    pane = EventDetailPane(ctx)
    qtbot.addWidget(pane)
    pane.show_event(corpus_event)
    settled(pane)
    assert pane.findChild(QPushButton, "editEventButton") is None
    from azrel_desktop.ui.common.widgets import PlainLabel

    assert pane.findChild(PlainLabel, "eventOrigin").text().startswith("From the shipped corpus (read-only")
    removable = [c for c in pane.passages if c.remove_button is not None]
    assert [c.ref.quote for c in removable] == ["Dmitry Peskov"]
    qtbot.mouseClick(removable[0].remove_button, Qt.MouseButton.LeftButton)
    settle(qtbot, pane.coding)
    assert [p.quote for p in ctx.library.event(corpus_event).supporting if p.kind == "user"] == []
    ctx.undo_stack.undo()
    written(ctx)
    assert [p.quote for p in ctx.library.event(corpus_event).supporting if p.kind == "user"] == ["Dmitry Peskov"]


def test_own_steps_and_memberships_are_edited_and_deleted_from_their_record_pages(qtbot, ctx, monkeypatch, settled,
                                                                                 written):
    from azrel_desktop.core.research.drafts import Cite, MembershipDraft, StepDraft
    from azrel_desktop.ui.records.agreement_page import AgreementPage
    from azrel_desktop.ui.records.organisation_page import OrganisationPage

    text = ctx.library.source(NEWS).text
    start = text.index("Dmitry Peskov")
    cite = Cite(NEWS, start, start + 13)
    agreement = "agr-az-ru-friendship-1992"
    step, _ = ctx.library.create_step(StepDraft(agreement, "withdrawn", "2024"), [cite])
    page = AgreementPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.show_target(Target("agreement", agreement))
    settled(page)
    buttons = page.step_buttons
    corpus_item = next(page.steps.topLevelItem(i) for i in range(page.steps.topLevelItemCount())
                       if not page.steps.topLevelItem(i).text(0).endswith("(yours)"))
    page.steps.setCurrentItem(corpus_item)
    assert not buttons.edit_button.isEnabled() and "read-only" in buttons.edit_button.toolTip()
    mine = next(page.steps.topLevelItem(i) for i in range(page.steps.topLevelItemCount())
                if page.steps.topLevelItem(i).text(0) == "withdrawn (yours)")
    page.steps.setCurrentItem(mine)
    assert buttons.edit_button.isEnabled()
    qtbot.mouseClick(buttons.edit_button, Qt.MouseButton.LeftButton)
    dialog = opened(qtbot, buttons.coding)
    assert isinstance(dialog, StepDialog) and dialog.date.text() == "2024"
    dialog.date.edit.setText("2024-04")
    ok(qtbot, dialog)
    qtbot.waitUntil(lambda: buttons.coding.dialog is None)
    assert next(s for s in ctx.library.agreement(agreement).steps if s.id == step.id).date == "2024-04"
    monkeypatch.setattr("azrel_desktop.ui.coding.flows.message", lambda *a, **k: True)
    settled(page)
    mine = next(page.steps.topLevelItem(i) for i in range(page.steps.topLevelItemCount())
                if page.steps.topLevelItem(i).text(0) == "withdrawn (yours)")
    page.steps.setCurrentItem(mine)
    qtbot.mouseClick(buttons.delete_button, Qt.MouseButton.LeftButton)
    settle(qtbot, buttons.coding)
    assert step.id not in [s.id for s in ctx.library.agreement(agreement).steps]
    ctx.undo_stack.undo()
    written(ctx)
    assert step.id in [s.id for s in ctx.library.agreement(agreement).steps]

    membership, _ = ctx.library.create_membership(MembershipDraft("AM", "org-csto", "suspended", "2024"), [cite])
    org = OrganisationPage(ctx)
    qtbot.addWidget(org)
    org.show()
    org.show_target(Target("organisation", "org-csto"))
    settled(org)
    section = org.memberships
    row = next(r for r in range(section.model.rowCount()) if section.model.membership(r).id == membership.id)
    section.table.setCurrentIndex(section.model.index(row, 0))
    assert section.own_buttons.delete_button.isEnabled()
    qtbot.mouseClick(section.own_buttons.delete_button, Qt.MouseButton.LeftButton)
    settle(qtbot, section.own_buttons.coding)
    assert membership.id not in [m.id for m in ctx.library.organisation("org-csto").memberships]


def test_an_organisation_of_ones_own_is_edited_from_its_page(qtbot, ctx, monkeypatch, settled, written):
    from azrel_desktop.core.research.drafts import ActorDraft
    from azrel_desktop.ui.records.organisation_page import OrganisationPage

    view, _ = ctx.library.create_actor(ActorDraft("organisation", "Caspian Forum", "CF", parent_id="org-cis"))
    page = OrganisationPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.show_target(Target("organisation", "org-nato"))
    settled(page)
    assert not page.own_buttons.isVisible()  # the corpus's: no edit
    page.show_target(Target("organisation", view.id))
    settled(page)
    assert page.own_buttons.isVisible() and page.own_buttons.edit_button.isEnabled()
    qtbot.mouseClick(page.own_buttons.edit_button, Qt.MouseButton.LeftButton)
    dialog = opened(qtbot, page.own_buttons.coding)
    assert isinstance(dialog, ActorDialog) and dialog.abbreviation.text() == "CF"
    assert dialog.parent_picker.ids() == ("org-cis",)
    qtbot.waitUntil(lambda: not dialog.parent_picker.busy())  # the parent's name is read in the background
    assert dialog.parent_picker.chosen()[0].label.startswith("Commonwealth of Independent States")
    dialog.name.selectAll()
    qtbot.keyClicks(dialog.name, "Caspian Energy Forum")
    ok(qtbot, dialog)
    qtbot.waitUntil(lambda: page.own_buttons.coding.dialog is None)
    assert ctx.library.organisation(view.id).name == "Caspian Energy Forum"
    assert ctx.library.organisation(view.id).parent.id == "org-cis"
    ctx.undo_stack.undo()
    written(ctx)
    assert ctx.library.organisation(view.id).name == "Caspian Forum"
    monkeypatch.setattr("azrel_desktop.ui.coding.flows.message", lambda *a, **k: True)
    qtbot.mouseClick(page.own_buttons.delete_button, Qt.MouseButton.LeftButton)
    settle(qtbot, page.own_buttons.coding)
    assert ctx.library.choices("organisation", "Caspian") == []


def test_keyboard_shortcuts_open_the_dialogs(qtbot, page):
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    select(page, "Dmitry Peskov")
    page.text_view.setFocus()
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    for key, dialog_class in ((Qt.Key.Key_E, EventDialog), (Qt.Key.Key_C, CiteDialog),
                              (Qt.Key.Key_A, StepDialog), (Qt.Key.Key_M, MembershipDialog)):
        qtbot.keyClick(page.text_view, key, shift_ctrl)
        assert isinstance(page.coding.dialog, dialog_class)
        page.coding.dialog.reject()
        qtbot.waitUntil(lambda: page.coding.dialog is None)
        page.activateWindow()
        qtbot.waitUntil(page.isActiveWindow)
        page.text_view.setFocus()


def test_a_selection_made_with_the_mouse_becomes_the_cited_passage(qtbot, ctx, page, settled):
    """Click before the words, Shift+click after them (as a user selects), then New event."""
    from PySide6.QtGui import QTextCursor

    from azrel_desktop.ui.common.qtext import to_qt

    view = page.text_view
    text = page.record.text
    start = text.index("Dmitry Peskov")
    end = start + len("Dmitry Peskov")

    def point(offset: int):
        cursor = QTextCursor(view.document())
        cursor.setPosition(to_qt(text, offset))
        view.setTextCursor(cursor)
        view.ensureCursorVisible()
        rect = view.cursorRect(cursor)
        return rect.center()

    at_start, at_end = point(start), point(end)  # both on screen: the words are on one line
    view.setTextCursor(QTextCursor(view.document()))  # only the clicks make the selection
    assert view.selection_span() is None
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at_start)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, pos=at_end)
    assert view.selection_span() == (start, end)
    assert page.coding_buttons["event"].isEnabled()
    qtbot.mouseClick(page.coding_buttons["event"], Qt.MouseButton.LeftButton)
    dialog = page.coding.dialog
    qtbot.keyClicks(dialog.title_edit, "Peskov speaks for the Kremlin")
    dialog.date.edit.setText("2024-04-18")
    ok(qtbot, dialog)
    qtbot.waitUntil(lambda: page.coding.dialog is None)
    [cited] = user_passages(settled(page))
    assert (cited.start, cited.end, cited.quote) == (start, end, "Dmitry Peskov")


def test_an_agreement_named_in_the_selection_is_made_on_the_spot(qtbot, ctx, page, written):
    select(page, "Under a 2020 peace agreement between Azerbaijan and Armenia")
    qtbot.mouseClick(page.coding_buttons["event"], Qt.MouseButton.LeftButton)
    dialog = page.coding.dialog
    assert dialog.date.text() == "2020"
    qtbot.keyClicks(dialog.title_edit, "Peace agreement ends the 2020 war")
    dialog.kind.setCurrentIndex(dialog.kind.findData("signing"))
    qtbot.keyClicks(dialog.agreements.field, "Trilateral statement")
    seen = {}

    def fill_agreement_dialog():
        made = QApplication.activeModalWidget()
        assert isinstance(made, StepDialog) and made.is_new_agreement() and not made.existing.isEnabled()
        seen["title"], seen["date"] = made.agreement_title.text(), made.date.text()
        made.agreement_kind.setCurrentIndex(made.agreement_kind.findData("ceasefire"))
        ok(qtbot, made)

    QTimer.singleShot(0, fill_agreement_dialog)
    qtbot.mouseClick(dialog.agreements.new_button, Qt.MouseButton.LeftButton)
    assert seen == {"title": "Trilateral statement", "date": "2020"}
    [agreement] = dialog.agreements.chosen()
    ok(qtbot, dialog)
    qtbot.waitUntil(lambda: page.coding.dialog is None)
    page_ = ctx.library.agreement(agreement.id)
    assert page_.kind == "ceasefire" and page_.mine
    assert [(s.step, s.citations[0].quote) for s in page_.steps] == [
        ("signed", "Under a 2020 peace agreement between Azerbaijan and Armenia")]
    assert [e.label.endswith("Peace agreement ends the 2020 war") for e in page_.events] == [True]
    ctx.undo_stack.undo()  # the event and the agreement made with it
    written(ctx)
    assert ctx.library.choices("agreement", "Trilateral statement") == []
    ctx.undo_stack.redo()
    written(ctx)
    assert [c.id for c in ctx.library.choices("agreement", "Trilateral statement")] == [agreement.id]


def test_the_filter_panel_has_an_origin_section(qtbot, ctx):
    from azrel_desktop.core.research.drafts import Cite, EventDraft

    text = ctx.library.source(NEWS).text
    start = text.index("Dmitry Peskov")
    view, _ = ctx.library.create_event(EventDraft("Peskov statement", "2024-04-18", "statement"),
                                       [Cite(NEWS, start, start + 13)])
    timeline = TimelinePage(ctx)
    qtbot.addWidget(timeline)
    timeline.resize(1280, 760)
    timeline.show()
    qtbot.waitUntil(lambda: not timeline.is_loading() and not timeline.panel.facets_busy())
    section = timeline.panel.sections["origins"]
    qtbot.waitUntil(lambda: section.item("mine") is not None and section.count_of("mine") == 1)
    with qtbot.waitSignal(timeline.filterChanged) as sig:
        section.item("mine").setCheckState(0, Qt.CheckState.Checked)
    assert sig.args[0] == EventFilter(origins=("mine",))
    qtbot.waitUntil(lambda: not timeline.is_loading() and timeline.model.total() == 1)
    assert timeline.model.event_id(0) == view.id
    assert [c.chip.label for c in timeline.chips.chips] == ["your own events"]


def test_cancel_while_the_save_is_on_its_way_keeps_the_dialog_until_it_is_saved(qtbot, ctx, page, monkeypatch):
    """The save runs off the GUI thread: Cancel pressed meanwhile must not close the dialog and
    lose the saved event's undo step."""
    import threading

    gate = threading.Event()
    real = ctx.library.create_event

    def slow_create(draft, cites):
        assert gate.wait(10), "the held save was never released"
        return real(draft, cites)

    monkeypatch.setattr(ctx.library, "create_event", slow_create)
    select(page, "Dmitry Peskov")
    qtbot.mouseClick(page.coding_buttons["event"], Qt.MouseButton.LeftButton)
    dialog = page.coding.dialog
    qtbot.keyClicks(dialog.title_edit, "Peskov speaks")
    dialog.date.edit.setText("2024-04")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert dialog.saving and not dialog.buttons.isEnabled()
    dialog.reject()  # Escape, or the window's close button
    assert dialog.isVisible() and page.coding.dialog is dialog
    gate.set()
    qtbot.waitUntil(lambda: page.coding.dialog is None)
    assert ctx.undo_stack.undoText() == "New event"
