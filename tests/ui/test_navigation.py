"""The main window: following links, back/forward by keyboard, toolbar and mouse, the Go
menu, the window title, and settings restored in a new window."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from azrel_desktop.core.query.filters import EventFilter
from azrel_desktop.ui.shell.main_window import MainWindow, history_keys
from azrel_desktop.ui.shell.navigation import Target


def nato(library) -> str:
    return next(link.id for link in library.records("organisation") if link.label.endswith("(NATO)"))


def make_window(qtbot, library) -> MainWindow:
    w = MainWindow(library)
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    qtbot.waitExposed(w)
    qtbot.waitUntil(w.isActiveWindow)
    wait_for_timeline(qtbot, w)
    return w


def wait_for_timeline(qtbot, window) -> None:
    """The timeline's rows load in the background: wait until those of its filter are shown."""
    qtbot.waitUntil(lambda: not window.timeline.is_loading())


@pytest.fixture
def window(qtbot, library):
    return make_window(qtbot, library)


def page_class(window) -> str:
    return type(window.current_page()).__name__


def select_nato_event(qtbot, window, library) -> str:
    page = window.timeline
    page.set_filter(EventFilter(organisations=(nato(library),), date_from="1997", date_to="1999"))
    wait_for_timeline(qtbot, window)
    event_id = next(r.id for r in library.rows(page.filter(), limit=50)
                    if nato(library) in r.organisation_ids)
    page.select_event(event_id)
    wait_for_timeline(qtbot, window)  # and the event's detail
    return event_id


def wait_for_page(qtbot, window) -> None:
    """Record and source pages read what they show in the background."""
    qtbot.waitUntil(lambda: not window.current_page().is_loading())


def org_link(window, org_id):
    return next(w for w in window.timeline.detail.links if w.target == Target("organisation", org_id))


def test_starts_on_the_timeline_with_a_title(window):
    assert page_class(window) == "TimelinePage"
    assert window.windowTitle().startswith("Timeline")
    assert not window.back_action.isEnabled()


def test_org_link_then_alt_left_and_alt_right(qtbot, window, library):
    event_id = select_nato_event(qtbot, window, library)
    assert "—" in window.windowTitle() and library.event(event_id).row.title in window.windowTitle()
    qtbot.mouseClick(org_link(window, nato(library)), Qt.MouseButton.LeftButton)
    assert page_class(window) == "OrganisationPage"
    assert window.history.current == Target("organisation", nato(library))
    wait_for_page(qtbot, window)
    assert "NATO" in window.windowTitle()
    assert window.back_action.isEnabled()

    press(qtbot, window, history_keys(forward=False)[0])  # Alt+Left; ⌘[ on macOS
    assert page_class(window) == "TimelinePage"
    assert window.timeline.selected_event() == event_id
    assert window.timeline.filter().organisations == (nato(library),)
    assert window.forward_action.isEnabled()

    press(qtbot, window, history_keys(forward=True)[0])
    assert page_class(window) == "OrganisationPage"
    assert not window.forward_action.isEnabled()


def press(qtbot, widget, key: str) -> None:
    combo = QKeySequence(key)[0]
    qtbot.keyClick(widget, combo.key(), combo.keyboardModifiers())


def test_toolbar_back_and_forward(qtbot, window, library):
    window.go(Target("organisation", nato(library)))
    window.back_action.trigger()
    assert page_class(window) == "TimelinePage"
    window.forward_action.trigger()
    assert page_class(window) == "OrganisationPage"


def mouse_button(window, widget, button):
    """Press and release `button` over `widget` the way a real mouse does: through the window,
    which hands the event to the widget under it."""
    pos = widget.mapTo(window, widget.rect().center())
    QTest.mousePress(window.windowHandle(), button, Qt.KeyboardModifier.NoModifier, pos)
    QTest.mouseRelease(window.windowHandle(), button, Qt.KeyboardModifier.NoModifier, pos)


def test_mouse_back_and_forward_buttons(qtbot, window, library):
    select_nato_event(qtbot, window, library)
    window.go(Target("organisation", nato(library)))
    # Pressed over a child view that normally eats mouse presses.
    mouse_button(window, window.current_page(), Qt.MouseButton.BackButton)
    assert page_class(window) == "TimelinePage"
    mouse_button(window, window.timeline.table.viewport(), Qt.MouseButton.ForwardButton)
    assert page_class(window) == "OrganisationPage"
    mouse_button(window, window, Qt.MouseButton.BackButton)
    assert page_class(window) == "TimelinePage"
    mouse_button(window, window.timeline.table.viewport(), Qt.MouseButton.LeftButton)
    assert page_class(window) == "TimelinePage"  # other buttons reach the views as before


def test_the_window_watches_only_its_own_window_for_those_buttons(qtbot, library):
    """An application-wide event filter runs Python for every event of every object — each
    paint, timer and queued result — and each such call waits for the worker threads' hold on
    the interpreter: at a million events that made repaints three to ten times slower."""
    seen = []

    class Watching(MainWindow):
        def eventFilter(self, watched, event):
            seen.append(watched)
            return super().eventFilter(watched, event)

    window = Watching(library)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    wait_for_timeline(qtbot, window)
    seen.clear()
    window.timeline.table.viewport().repaint()
    QTest.mouseMove(window.windowHandle(), QPoint(40, 40))
    QApplication.processEvents()
    assert seen and all(w is window.windowHandle() for w in seen)


def test_supporting_passage_opens_the_source_at_that_passage(qtbot, window, library):
    event_id = select_nato_event(qtbot, window, library)
    ref = library.event(event_id).supporting[0]
    card = next(c for c in window.timeline.detail.passages if c.ref.id == ref.id)
    assert card.quote.text() == f"“{ref.quote}”"
    assert ref.source_title in card.link.text()
    with qtbot.waitSignal(window.ctx.navigate) as sig:
        qtbot.mouseClick(card.link, Qt.MouseButton.LeftButton)
    target = sig.args[0]
    assert (target.kind, target.id, target.passage_id) == ("source", ref.source_id, ref.id)
    assert page_class(window) == "SourcePage"
    wait_for_page(qtbot, window)
    source_page = window.current_page()
    if hasattr(source_page, "current_passage_id"):
        assert source_page.current_passage_id() == ref.id
    assert window.windowTitle().startswith(ref.source_title)
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.timeline.selected_event() == event_id


def test_event_target_from_another_page_selects_it_on_the_timeline(qtbot, window, library):
    window.timeline.set_filter(EventFilter(kinds=("summit",)))
    visit = library.rows(EventFilter(kinds=("visit",)), limit=1)[0].id
    window.go(Target("organisation", nato(library)))
    window.ctx.go(Target("event", visit))
    # selected once the rows of the widened filter are in (a first row may be selected before)
    qtbot.waitUntil(lambda: window.timeline.selected_event() == visit, timeout=10_000)
    assert page_class(window) == "TimelinePage"
    assert "summit" not in window.timeline.filter().kinds


def test_go_menu_lists_organisations_with_bodies_nested_and_sources(qtbot, window, library):
    top = [a for a in window.organisations_menu.actions() if a.menu() is not None]
    nato_menu = next(a.menu() for a in top if "(NATO)" in a.text())
    labels = [a.text() for a in nato_menu.actions() if not a.isSeparator()]
    bodies = [link.label for link in library.records("organisation") if link.role == nato(library)]
    assert set(bodies) <= {t.replace("&&", "&") for t in labels}
    nato_menu.actions()[0].trigger()
    assert window.history.current == Target("organisation", nato(library))
    source = library.records("source")[0]
    assert window.sources_menu.actions() == []  # filled when first opened, not at start-up
    window.sources_menu.aboutToShow.emit()
    assert [a.text() for a in window.sources_menu.actions()] == ["Loading…"]  # read off the GUI thread
    window.sources_menu.aboutToShow.emit()  # opening it again does not list the sources twice
    # read off the GUI thread: "Loading…" until the list arrives
    qtbot.waitUntil(lambda: [a.text() for a in window.sources_menu.actions()] != ["Loading…"])
    assert len(window.sources_menu.actions()) == len(library.records("source"))
    action = next(a for a in window.sources_menu.actions() if a.text().replace("&&", "&").startswith(source.label[:40]))
    action.trigger()
    assert window.history.current == Target("source", source.id)
    window.annotations_action.trigger()
    assert window.history.current == Target("annotations")
    window.timeline_action.trigger()
    assert page_class(window) == "TimelinePage"


def test_ctrl_l_focuses_the_search_box(qtbot, window, library):
    window.go(Target("organisation", nato(library)))
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert page_class(window) == "TimelinePage"
    qtbot.waitUntil(lambda: window.timeline.panel.search.hasFocus())


def test_undo_and_redo_actions_follow_the_undo_stack(qtbot, window):
    from PySide6.QtGui import QUndoCommand

    done = []

    class Record(QUndoCommand):
        def redo(self):
            done.append("redo")

        def undo(self):
            done.append("undo")

    assert window.undo_action.shortcut().toString() == "Ctrl+Z"
    assert "Ctrl+Shift+Z" in [s.toString() for s in window.redo_action.shortcuts()]
    assert not window.undo_action.isEnabled()
    window.ctx.undo_stack.push(Record("add note"))
    assert window.undo_action.isEnabled() and "add note" in window.undo_action.text()
    window.undo_action.trigger()
    window.redo_action.trigger()
    assert done == ["redo", "undo", "redo"]


def test_settings_restore_the_last_filter_in_a_new_window(qtbot, library):
    first = make_window(qtbot, library)
    f = EventFilter(organisations=(nato(library),), date_from="1997", date_to="spring 1999", text="Solana")
    first.timeline.set_filter(f)
    first.timeline.set_sort("title", True)
    first.close()
    second = make_window(qtbot, library)
    assert second.timeline.filter() == f
    assert second.timeline.sort_key() == ("title", True)
    assert second.timeline.panel.search.text() == "Solana"
    assert second.timeline.table.horizontalHeader().sortIndicatorSection() == second.timeline.model.column_of("title")
    assert second.timeline.chips.count_text() == f"{library.count(f)} of {library.total()} events"


def test_splitter_sizes_are_restored(qtbot, ctx):
    from azrel_desktop.ui.shell.settings import settings
    from azrel_desktop.ui.timeline.timeline_page import TimelinePage

    pages = []
    for _ in range(2):
        page = TimelinePage(ctx)
        qtbot.addWidget(page)
        page.resize(1280, 760)
        page.show()
        qtbot.waitExposed(page)
        pages.append(page)
    first, second = pages
    first.splitter.setSizes([330, 600, 340])
    first.center_splitter.setSizes([150, 500])
    first.chart.set_mode("country")
    expected = (first.splitter.sizes(), first.center_splitter.sizes())
    assert expected != (second.splitter.sizes(), second.center_splitter.sizes())
    first.save_state(settings())
    second.restore_state(settings())
    assert (second.splitter.sizes(), second.center_splitter.sizes()) == expected
    assert second.chart.mode == "country"


def test_a_bad_saved_filter_is_ignored(qtbot, library):
    from azrel_desktop.ui.shell.settings import settings

    s = settings()
    s.setValue("timeline/filter", '{"date_from": "not a date at all"}')
    s.sync()
    w = make_window(qtbot, library)
    assert w.timeline.filter() == EventFilter()



def test_back_after_filter_timeline_by_country_returns_to_the_previous_filter(qtbot, window, library):
    """Two timeline places with different filters are different places: "Filter timeline by
    country" from a filtered timeline (no event selected), then Back, shows the old filter."""
    from azrel_desktop.ui.common.context_menus import Subject, build_menu

    before = EventFilter(organisations=(nato(library),), date_from="1997", date_to="1999")
    window.timeline.set_filter(before)
    wait_for_timeline(qtbot, window)
    country = next(link for link in library.records("country") if link.id == "AZ")
    menu = build_menu(window.ctx, Subject("country", country.id, country.label), window)
    action = next(a for a in menu.actions() if a.objectName() == f"ctxFilter_{country.id}")
    assert action.text().startswith("Filter timeline by country")
    action.trigger()
    wait_for_timeline(qtbot, window)
    assert window.timeline.filter() == EventFilter(countries=(country.id,))
    assert window.back_action.isEnabled()

    window.back_action.trigger()
    wait_for_timeline(qtbot, window)
    assert page_class(window) == "TimelinePage"
    assert window.timeline.filter() == before
    window.forward_action.trigger()
    wait_for_timeline(qtbot, window)
    assert window.timeline.filter() == EventFilter(countries=(country.id,))
    menu.deleteLater()


def test_a_filter_is_the_same_place_however_it_is_carried():
    f = EventFilter(countries=("AZ",), date_from="1997")
    as_json = ("filter", json.dumps(f.to_dict(), sort_keys=True))
    assert Target("timeline", extra=(f,)).same_place(Target("timeline", extra=(as_json,)))
    assert not Target("timeline", extra=(f,)).same_place(Target("timeline", extra=(EventFilter(),)))
    assert Target("timeline").same_place(Target("timeline", extra=(f,)))  # keeps what is shown
    assert not Target("timeline").same_place(Target("annotations"))
