"""The rule the background runner serves: once the window is shown, the GUI thread sends no
SQL. A tour of the app as a user makes it — filters, chips, events, every kind of record
page, the Annotations and Sources pages, back and forward — records every statement sent
through the library from the GUI thread, and there must be none."""

from __future__ import annotations

from PySide6.QtCore import Qt

from azrel_desktop.core.query.filters import EventFilter
from azrel_desktop.ui.shell.main_window import MainWindow
from azrel_desktop.ui.shell.navigation import Target


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

    assert gui_thread_sql.sent == [], "the GUI thread sent SQL:\n" + gui_thread_sql.report()
