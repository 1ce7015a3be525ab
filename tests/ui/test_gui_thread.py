"""The rule the background runner serves: once the window is shown, the GUI thread sends no
SQL. A tour of the app as a user makes it — filters, chips, events, every kind of record
page, the Annotations and Sources pages, back and forward — records every statement sent
through the library from the GUI thread, and there must be none. And the views that now read
in the background stay right: the newest request wins, the old content stays (greyed) until
the new one arrives, never a blank page."""

from __future__ import annotations

import threading

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


def test_a_tour_of_the_app_sends_no_sql_from_the_gui_thread(qtbot, library, gui_thread_sql):
    ids = {kind: library.records(kind)[0].id for kind in ("agreement", "country", "person", "source")}
    nato = next(link.id for link in library.records("organisation") if link.label.endswith("(NATO)"))
    nato_events = EventFilter(organisations=(nato,), date_from="1997", date_to="1999")
    event_id = library.rows(nato_events, limit=1)[0].id

    window = MainWindow(library, restore=False, warn=lambda *_a: None)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    settled(qtbot, window)
    gui_thread_sql.watch()

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

    window.go(Target("organisation", nato))
    settled(qtbot, window)
    assert "NATO" in window.current_page().title()
    for kind, record_id in ids.items():
        window.go(Target(kind, record_id))
        settled(qtbot, window)
        assert window.current_page().record.id == record_id
    window.go(Target("annotations"))
    settled(qtbot, window)
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
