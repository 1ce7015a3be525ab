"""The rule the background runner serves: once the window is shown, the GUI thread sends no
SQL. A tour of the app as a user makes it — filters, chips, events, every kind of record
page, the Annotations and Sources pages, back and forward — records every statement sent
through the library from the GUI thread, and there must be none. And the views that now read
in the background stay right: the newest request wins, the old content stays (greyed) until
the new one arrives, never a blank page."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from azrel_desktop.core.query.filters import EventFilter
from azrel_desktop.ui.records.organisation_page import OrganisationPage
from azrel_desktop.ui.shell.main_window import MainWindow
from azrel_desktop.ui.shell.navigation import Target
from azrel_desktop.ui.shell.runner import wait_for_workers


def settled(qtbot, window) -> None:
    """Wait until the page shown (and, on the timeline, its rows, chips and detail) has loaded."""
    qtbot.waitUntil(lambda: not window.current_page().is_loading(), timeout=10_000)


def watched_window(qtbot, library, gui_thread_sql) -> MainWindow:
    """The main window, shown and loaded; from then on the GUI thread's statements are recorded."""
    window = MainWindow(library, restore=False, warn=lambda *_a: None)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    settled(qtbot, window)
    gui_thread_sql.watch()
    return window


def test_a_tour_of_the_app_sends_no_sql_from_the_gui_thread(qtbot, library, gui_thread_sql, tmp_path):
    ids = {kind: library.records(kind)[0].id for kind in ("agreement", "country", "person", "source")}
    nato = next(link.id for link in library.records("organisation") if link.label.endswith("(NATO)"))
    nato_events = EventFilter(organisations=(nato,), date_from="1997", date_to="1999")
    event_id = library.rows(nato_events, limit=1)[0].id

    window = watched_window(qtbot, library, gui_thread_sql)

    timeline = window.timeline
    timeline.set_filter(nato_events)  # as the filter panel does
    settled(qtbot, window)
    dates = [c for c in timeline.chips.chips if c.chip.dimension != "organisations"]
    assert len(timeline.chips.chips) == 2 and len(dates) == 1
    qtbot.mouseClick(dates[0], Qt.MouseButton.LeftButton)  # drop the dates
    settled(qtbot, window)
    assert timeline.filter() == EventFilter(organisations=(nato,))
    timeline.select_event(event_id)
    settled(qtbot, window)
    assert timeline.detail.event_id() == event_id and timeline.detail.detail.row.id == event_id
    with qtbot.waitSignal(window.outputs.copied, timeout=10_000):  # Edit → Copy citation
        window.outputs.copy_citation()
    for start in (lambda: window.outputs.export_report(tmp_path / "report.html", fmt="html", dialog=False),
                  lambda: window.outputs.export_xlsx(tmp_path / "events.xlsx", dialog=False)):
        job = start()  # File → Export report…, File → Export to Excel workbook…
        with qtbot.waitSignal(job.finished, timeout=30_000) as done:
            pass
        assert done.args[0].error is None

    window.go(Target("organisation", nato))
    settled(qtbot, window)
    assert "NATO" in window.current_page().title()
    for kind, record_id in ids.items():
        window.go(Target(kind, record_id))
        settled(qtbot, window)
        assert window.current_page().record.id == record_id
    window.go(Target("annotations"))
    settled(qtbot, window)
    window.show_analysis()
    settled(qtbot, window)
    analysis = window.current_page()
    analysis.group_box.setCurrentIndex(analysis.group_box.findData("country"))
    settled(qtbot, window)
    assert analysis.tables["events"].group == "country"
    window.go(Target("sources"))
    settled(qtbot, window)
    assert window.current_page().rows()
    while window.back():
        settled(qtbot, window)
    assert window.timeline is window.current_page()
    while window.forward():
        settled(qtbot, window)
    assert type(window.current_page()).__name__ == "SourcesPage"

    views = window.saved_views  # View → Saved views: listed, saved and opened in the background
    with qtbot.waitSignal(views.listed, timeout=10_000):
        views.menu.aboutToShow.emit()
    with qtbot.waitSignal(window.ctx.changed, timeout=10_000):
        views.save("tour")
    with qtbot.waitSignal(views.opened, timeout=10_000):
        views.open("tour")
    settled(qtbot, window)
    assert window.timeline is window.current_page()

    assert gui_thread_sql.sent == [], "the GUI thread sent SQL:\n" + gui_thread_sql.report()


def test_the_menus_the_about_box_the_notes_export_and_backups_send_no_sql_from_the_gui_thread(
        qtbot, library, gui_thread_sql, tmp_path):
    """Help → About (the number of events), Go → Sources (the list), the Annotations page's
    export, Back up now and Restore from backup: each reads or writes off the GUI thread."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    library.add_annotation("event", library.rows(EventFilter(), limit=1)[0].id, "a note to export")
    total, sources = library.total(), len(library.records("source"))  # read before the watch starts
    window = watched_window(qtbot, library, gui_thread_sql)

    about: list[str] = []

    def read_and_close():  # the About box only: a box another test left open is not it
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
                 and w.windowTitle() == "About AzRel Desktop"]
        if boxes:
            about.append(boxes[0].text())
            boxes[0].accept()
        else:
            QTimer.singleShot(10, read_and_close)

    QTimer.singleShot(0, read_and_close)
    window.about_action.trigger()
    qtbot.waitUntil(lambda: bool(about))
    assert f"Events: {total}" in about[0]

    window.sources_menu.aboutToShow.emit()
    qtbot.waitUntil(lambda: len(window.sources_menu.actions()) == sources)

    window.preferences_action.trigger()  # Edit → Preferences…: the app's settings, no SQL
    qtbot.waitUntil(lambda: window.preferences.isVisible())
    window.preferences.reject()


    window.go(Target("annotations"))
    settled(qtbot, window)
    job = window.current_page().export_to(str(tmp_path / "notes.csv"))
    with qtbot.waitSignal(job.finished, timeout=10_000) as exported:
        pass
    assert exported.args[0].rows == 1

    with qtbot.waitSignal(window.backups.done, timeout=20_000) as backed_up:
        window.backup_action.trigger()
    made = Path(backed_up.args[0].removeprefix("Backed up to ").split(" (")[0])
    assert made.exists()
    with qtbot.waitSignal(window.backups.done, timeout=20_000):
        assert window.restore_backup(made, confirm=lambda *_a: True)
    settled(qtbot, window)

    assert gui_thread_sql.sent == [], "the GUI thread sent SQL:\n" + gui_thread_sql.report()


@pytest.fixture
def held(ctx, monkeypatch):
    """`held(org_id)`: reading that organisation off the GUI thread waits until `.set()` on the
    returned event — a slow read, made deterministic. Released at the end of the test."""
    gates: dict[str, threading.Event] = {}
    real = ctx.library.organisation

    def organisation(org_id):
        gate = gates.get(org_id)
        if gate is not None and threading.current_thread() is not threading.main_thread():
            assert gate.wait(10), "a held read was never released"
        return real(org_id)

    monkeypatch.setattr(ctx.library, "organisation", organisation)

    def hold(org_id: str) -> threading.Event:
        return gates.setdefault(org_id, threading.Event())

    yield hold
    for gate in gates.values():
        gate.set()


def test_a_record_page_shows_the_newest_record_asked_for(qtbot, ctx, held, settled):
    nato = held("org-nato")
    page = OrganisationPage(ctx)
    qtbot.addWidget(page)
    page.show_target(Target("organisation", "org-nato"))
    assert page.stack.currentWidget() is page.message and page.message.text() == "Loading…"  # never blank
    page.show_target(Target("organisation", "org-nato-pa"))
    settled(page)
    assert page.record.id == "org-nato-pa" and page.stack.currentWidget() is page.scroll_area
    nato.set()  # the older read ends after the newer one: its record must not replace it
    wait_for_workers()
    QApplication.processEvents()  # delivers what the finished worker queued
    assert page.record.id == "org-nato-pa"
    assert page.name_label.text() == page.record_title(page.record)
    assert page.notes.target() == ("organisation", "org-nato-pa")


def test_a_slow_record_keeps_the_old_one_greyed_until_it_arrives(qtbot, ctx, held, settled):
    page = OrganisationPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.show_target(Target("organisation", "org-nato"))
    settled(page)
    shown = page.name_label.text()
    body = held("org-nato-pa")
    page.show_target(Target("organisation", "org-nato-pa"))
    # not at once: a quick answer replaces the page without it changing look
    assert page.body_widget.isEnabled() and page.record.id == "org-nato"
    qtbot.waitUntil(lambda: not page.body_widget.isEnabled())
    assert page.stack.currentWidget() is page.scroll_area and page.name_label.text() == shown  # still there
    body.set()
    settled(page)
    assert page.body_widget.isEnabled() and page.record.id == "org-nato-pa"
    assert page.name_label.text() != shown


def test_an_event_chosen_while_another_loads_is_the_one_shown(qtbot, ctx, settled, monkeypatch):
    from azrel_desktop.ui.timeline.event_detail import EventDetailPane

    first, second = (r.id for r in ctx.library.rows(EventFilter(), limit=2))
    gate = threading.Event()
    real = ctx.library.event

    def event(event_id):
        if event_id == first and threading.current_thread() is not threading.main_thread():
            assert gate.wait(10)
        return real(event_id)

    monkeypatch.setattr(ctx.library, "event", event)
    pane = EventDetailPane(ctx)
    qtbot.addWidget(pane)
    pane.show_event(first)
    assert pane.placeholder.text() == "Loading…"
    pane.show_event(second)
    settled(pane)
    gate.set()
    wait_for_workers()
    QApplication.processEvents()
    assert pane.event_id() == second and pane.detail.row.id == second


def test_recording_from_a_passage_sends_no_sql_from_the_gui_thread(qtbot, library, gui_thread_sql, monkeypatch):
    """The coding workflow as a user makes it — select words on a source page, New event (the
    date proposed, a country picked by typing), Cite another selection for it, take that
    citation back, Edit the event from the timeline, Delete it — with the source details dialog
    and the Go → Sources menu on the way:
    every read and write goes through the runner; the GUI thread sends nothing."""
    from PySide6.QtWidgets import QDialogButtonBox, QPushButton

    monkeypatch.setattr("azrel_desktop.ui.coding.flows.message", lambda *a, **k: True)  # "Delete?" Yes
    window = MainWindow(library, restore=False, warn=lambda *_a: None)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    settled(qtbot, window)
    gui_thread_sql.watch()

    def ok(dialog) -> None:
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.saving)

    def opened(flows):
        qtbot.waitUntil(lambda: flows.dialog is not None)
        return flows.dialog

    window.sources_menu.aboutToShow.emit()
    qtbot.waitUntil(lambda: window.sources_menu.actions()[0].text() != "Loading…")
    window.sources_menu.actions()[0].trigger()
    settled(qtbot, window)
    window.go(Target("source", "src-004"))
    settled(qtbot, window)
    page = window.current_page()
    text = page.record.text
    quote = "On April 16, Armenia lodged an ethnic cleansing"
    start = text.index(quote)
    page.text_view.select_span(start, start + len(quote))
    saved = []
    page.coding.saved.connect(saved.append)
    qtbot.mouseClick(page.coding_buttons["event"], Qt.MouseButton.LeftButton)
    dialog = opened(page.coding)
    assert dialog.date.text() == "2024-04-16"
    qtbot.keyClicks(dialog.title_edit, "Armenia files a claim")
    dialog.countries.field.setFocus()
    qtbot.keyClicks(dialog.countries.field, "Armen")
    qtbot.keyClick(dialog.countries.field, Qt.Key.Key_Return)  # taken when the matches come
    qtbot.waitUntil(lambda: dialog.countries.ids() == ("AM",))
    ok(dialog)
    qtbot.waitUntil(lambda: len(saved) == 1)
    event_id = saved[0].id
    settled(qtbot, window)

    other = "Dmitry Peskov"
    at = text.index(other)
    page.text_view.select_span(at, at + len(other))
    qtbot.mouseClick(page.coding_buttons["cite"], Qt.MouseButton.LeftButton)
    cite = opened(page.coding)
    qtbot.keyClicks(cite.find_edit, "Armenia files a cl")
    qtbot.waitUntil(lambda: not cite.busy() and cite.results.count() == 1)
    assert cite.chosen().id == event_id
    ok(cite)
    qtbot.waitUntil(lambda: len(saved) == 2)
    settled(qtbot, window)

    from azrel_desktop.ui.sources.metadata_dialog import SourceMetadataDialog

    details = SourceMetadataDialog(window.ctx, page.record.id, page, page.info)  # as Details… opens it
    qtbot.addWidget(details)
    assert details.fields["title"].text() == page.record.title
    details.reject()

    window.go(Target("event", event_id))
    settled(qtbot, window)
    pane = window.timeline.detail
    qtbot.waitUntil(lambda: pane.event_id() == event_id)
    settled(qtbot, window)
    removable = [c for c in pane.passages if c.remove_button is not None and c.ref.quote == other]
    qtbot.mouseClick(removable[0].remove_button, Qt.MouseButton.LeftButton)  # the cited passage taken back
    qtbot.waitUntil(lambda: not pane.coding.busy())
    settled(qtbot, window)
    qtbot.waitUntil(lambda: [c.ref.quote for c in pane.passages if c.remove_button is not None] == [quote])
    qtbot.mouseClick(pane.findChild(QPushButton, "editEventButton"), Qt.MouseButton.LeftButton)
    edit = opened(pane.coding)
    assert edit.title_edit.text() == "Armenia files a claim"
    qtbot.waitUntil(lambda: not edit.countries.busy())
    edit.title_edit.setText("Armenia files an ethnic cleansing claim")
    ok(edit)
    qtbot.waitUntil(lambda: pane.coding.dialog is None)
    settled(qtbot, window)
    qtbot.mouseClick(pane.findChild(QPushButton, "deleteEventButton"), Qt.MouseButton.LeftButton)
    deleted = []
    pane.coding.deleted.connect(lambda kind, rid: deleted.append(rid))
    qtbot.waitUntil(lambda: deleted == [event_id])
    settled(qtbot, window)
    assert window.ctx.undo_stack.undoText() == "Delete event"

    sent = list(gui_thread_sql.sent)
    gui_thread_sql.stop()
    assert sent == [], "the GUI thread sent SQL:\n" + gui_thread_sql.report()
    assert library.row_index(EventFilter(), event_id) is None  # deleted, after being edited and cited
    window.ctx.undo_stack.undo()
    qtbot.waitUntil(lambda: not window.ctx.writes_busy())  # undo writes off the GUI thread
    detail = library.event(event_id)
    assert detail.row.title == "Armenia files an ethnic cleansing claim"
    assert [p.quote for p in detail.supporting] == [quote]
    window.ctx.undo_stack.undo()  # the edit
    window.ctx.undo_stack.undo()  # the citation's removal
    qtbot.waitUntil(lambda: not window.ctx.writes_busy())
    assert sorted(p.quote for p in library.event(event_id).supporting) == sorted([quote, other])


def test_notes_their_undo_and_redo_and_a_source_s_reliability_send_no_sql_from_the_gui_thread(
        qtbot, library, gui_thread_sql, tmp_path):
    """Notes as a user makes them on a source page of their own — add a note, edit it, change
    its tags, annotate a selection, delete the first note — then Ctrl+Z over each and
    Ctrl+Shift+Z over each again, and the source's reliability graded in its editor, undone and
    redone: every write (and every undo and redo of one) runs through the runner."""
    from azrel_desktop.ui.sources.source_page import SourcePage

    text = "Field notes from Baku. The delegation met in Ganja on Monday and signed nothing.\n"
    (tmp_path / "field-notes.txt").write_text(text, encoding="utf-8")
    report, _changes = library.import_sources([tmp_path / "field-notes.txt"])
    [sid] = report.source_ids

    def read(fn):  # the test's own look at the file, not counted as the app's
        gui_thread_sql.stop()
        try:
            return fn()
        finally:
            gui_thread_sql.watch()

    def stored() -> dict:
        return read(lambda: {a.body: a.tags for a in library.annotations_for("source", sid)})

    def on_passage() -> list:
        return read(lambda: library.annotations_for("passage", passage_note.target_id))

    window = watched_window(qtbot, library, gui_thread_sql)
    ctx = window.ctx

    def landed() -> None:
        qtbot.waitUntil(lambda: not ctx.writes_busy(), timeout=10_000)
        settled(qtbot, window)

    def keys(shift: bool = False) -> None:  # Ctrl+Z / Ctrl+Shift+Z on the window, as a user presses them
        window.activateWindow()  # back from a dialog: the offscreen platform does not do it itself
        qtbot.waitUntil(window.isActiveWindow)
        modifiers = Qt.KeyboardModifier.ControlModifier | (Qt.KeyboardModifier.ShiftModifier if shift
                                                           else Qt.KeyboardModifier.NoModifier)
        qtbot.keyClick(window.current_page(), Qt.Key.Key_Z, modifiers)
        landed()

    window.go(Target("source", sid))
    settled(qtbot, window)
    page = window.current_page()
    assert isinstance(page, SourcePage) and page.record.id == sid
    notes = page.source_notes

    def write(body: str, tags: str) -> None:
        notes.editor.body.clear()
        notes.editor.tags.clear()
        qtbot.keyClicks(notes.editor.body, body)
        qtbot.keyClicks(notes.editor.tags, tags)
        with qtbot.waitSignal(notes.saved, timeout=10_000):
            qtbot.mouseClick(notes.editor.save_button, Qt.MouseButton.LeftButton)
        landed()

    qtbot.mouseClick(notes.add_button, Qt.MouseButton.LeftButton)
    write("Which Monday?", "dates")
    qtbot.mouseClick(notes.cards[0].edit_button, Qt.MouseButton.LeftButton)
    write("Which Monday in May?", "dates")
    qtbot.mouseClick(notes.cards[0].edit_button, Qt.MouseButton.LeftButton)
    write("Which Monday in May?", "dates, ganja")  # tagged
    at = text.index("Ganja")
    page.text_view.select_span(at, at + len("Ganja"))
    with qtbot.waitSignal(page.annotated, timeout=10_000) as annotated:
        assert page.annotate_selection("the second city", ("place",))
    landed()
    passage_note = annotated.args[0]
    with qtbot.waitSignal(notes.saved, timeout=10_000):
        qtbot.mouseClick(notes.cards[0].delete_button, Qt.MouseButton.LeftButton)
    landed()
    assert stored() == {} and [a.body for a in on_passage()] == ["the second city"]
    assert ctx.undo_stack.count() == 5

    keys()  # the deletion
    assert stored() == {"Which Monday in May?": ("dates", "ganja")}
    keys()  # the note on the selection
    assert on_passage() == []
    keys()  # the tag
    assert stored() == {"Which Monday in May?": ("dates",)}
    keys()  # the edit
    assert stored() == {"Which Monday?": ("dates",)}
    keys()  # the note itself
    assert stored() == {} and ctx.undo_stack.index() == 0
    for _step in range(5):
        keys(shift=True)
    assert stored() == {} and ctx.undo_stack.index() == 5
    assert [a.id for a in on_passage()] == [passage_note.id]

    with qtbot.waitSignal(page.reliability_opened, timeout=10_000) as opened:
        qtbot.mouseClick(page.edit_reliability, Qt.MouseButton.LeftButton)
    editor = opened.args[0]
    editor.grade.setCurrentIndex(editor.grade.findData("C"))
    editor.reason.setPlainText("my own notes, written the same day")
    with qtbot.waitSignal(editor.accepted, timeout=10_000):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    landed()
    assert page.meta_labels["reliability_grade"].text().startswith("C")
    keys()
    assert page.meta_labels["reliability_grade"].text() == "not graded"
    keys(shift=True)

    sent = list(gui_thread_sql.sent)
    gui_thread_sql.stop()
    assert sent == [], "the GUI thread sent SQL:\n" + gui_thread_sql.report()
    assert library.source(sid).reliability_grade == "C"
