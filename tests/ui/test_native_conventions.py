"""Each system's conventions: menu roles set, never guessed from text (a source titled "About…"
must not move into macOS's application menu); Backspace never navigates back; the chart's hint
names ⌘ on macOS and a trackpad pinch zooms it; text colours read in a dark palette too."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QAction, QColor, QKeySequence, QNativeGestureEvent, QPalette, QPointingDevice
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from azrel_desktop.core.query.filters import EventFilter
from azrel_desktop.core.service import Library
from azrel_desktop.ui.common.colours import (
    MIN_CONTRAST,
    alert_colour,
    contrast,
    is_dark,
    link_colour,
    support_colour,
)
from azrel_desktop.ui.shell.main_window import MainWindow, history_keys, plain_menu_action
from azrel_desktop.ui.shell.navigation import Target
from azrel_desktop.ui.timeline.timeline_chart import zoom_gesture_text


def _all_actions(menu: QMenu):
    for action in menu.actions():
        if action.isSeparator():
            continue
        yield action
        if action.menu() is not None:
            yield from _all_actions(action.menu())


@pytest.fixture
def tempting_library(db_path):
    """A library whose data holds titles Qt's text heuristic would take for application
    commands: a source "About this collection", organisations "Preferences" and "Quit Group"."""
    con = sqlite3.connect(db_path)
    with con:
        source = con.execute("SELECT id FROM sources ORDER BY id LIMIT 1").fetchone()[0]
        con.execute("UPDATE sources SET title = 'About this collection' WHERE id = ?", (source,))
        orgs = [r[0] for r in con.execute("SELECT id FROM organisations ORDER BY id LIMIT 2")]
        con.execute("UPDATE organisations SET name = 'Preferences' WHERE id = ?", (orgs[0],))
        con.execute("UPDATE organisations SET name = 'Quit Group' WHERE id = ?", (orgs[1],))
    con.close()
    lib = Library.open(db_path)
    yield lib
    lib.close()


def test_every_menu_item_has_its_role_set_and_data_never_gets_one(qtbot, tempting_library):
    window = MainWindow(tempting_library, restore=False)
    qtbot.addWidget(window)
    window.sources_menu.aboutToShow.emit()  # filled when first opened, once read off the GUI thread
    qtbot.waitUntil(lambda: [a.text() for a in window.sources_menu.actions()] not in ([], ["Loading…"]))
    actions = [a for menu in window.menuBar().findChildren(QMenu) if menu.parent() is window.menuBar()
               for a in _all_actions(menu)]
    actions += [menu.menuAction() for menu in window.menuBar().findChildren(QMenu)]
    texts = {a.text() for a in actions}
    for title in ("About this collection", "Preferences", "Quit Group"):  # the data is in the menus
        assert any(text.startswith(title) for text in texts), title
    roles = {a.text(): a.menuRole() for a in actions}
    assert roles.pop("Quit") == QAction.MenuRole.QuitRole
    assert roles.pop("About AzRel Desktop") == QAction.MenuRole.AboutRole
    assert roles.pop("Preferences…") == QAction.MenuRole.PreferencesRole  # Edit → Preferences…

    assert {text for text, role in roles.items() if role != QAction.MenuRole.NoRole} == set()


def test_a_data_menu_item_has_no_role():
    menu = QMenu()
    assert plain_menu_action(menu, "About…").menuRole() == QAction.MenuRole.NoRole
    assert plain_menu_action(menu, "A & B").text() == "A && B"  # & shown, not a mnemonic


@pytest.mark.parametrize("platform", ["win32", "darwin", "linux"])
def test_backspace_is_never_a_history_key(platform):
    for forward in (False, True):
        keys = [QKeySequence(k) for k in history_keys(forward, platform)]
        assert keys and all(not k.isEmpty() for k in keys)
        assert QKeySequence(Qt.Key.Key_Backspace) not in keys
    assert history_keys(False, "darwin") == ("Ctrl+[",)  # ⌘[ as Qt writes it


def test_backspace_in_the_table_does_not_leave_the_page(qtbot, library):
    window = MainWindow(library, restore=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: not window.timeline.is_loading())
    org = library.records("organisation")[0].id
    window.go(Target("organisation", org))
    window.go(Target("timeline"))
    assert window.back_action.isEnabled()
    assert all(k != QKeySequence(Qt.Key.Key_Backspace) for k in window.back_action.shortcuts())
    table = window.timeline.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Backspace)
    assert window.history.current == Target("timeline")


@pytest.mark.parametrize(("platform", "named", "not_named"), [
    ("darwin", "⌘", "Ctrl"), ("win32", "Ctrl+wheel", "⌘"), ("linux", "Ctrl+wheel", "⌘"),
])
def test_the_zoom_hint_names_the_systems_key(platform, named, not_named):
    text = zoom_gesture_text(platform)
    assert named in text and not_named not in text


def test_the_chart_hints_use_this_systems_words(chart):
    assert zoom_gesture_text() in chart.zoom_in.toolTip()
    assert zoom_gesture_text() in chart.legend.toolTip()


def _pinch(canvas, x: float, value: float) -> None:
    local = QPointF(x, canvas.viewport().height() / 2)
    event = QNativeGestureEvent(Qt.NativeGestureType.ZoomNativeGesture, QPointingDevice.primaryPointingDevice(),
                                2, local, canvas.viewport().mapToGlobal(local), canvas.viewport().mapToGlobal(local),
                                value, QPointF(), 1)
    QApplication.sendEvent(canvas.viewport(), event)


def test_a_trackpad_pinch_zooms_about_the_fingers(chart):
    canvas = chart.canvas
    x = canvas.LABEL_W + 200
    before_ppd, day = canvas.ppd, canvas.day_at(x)
    _pinch(canvas, x, 0.5)  # fingers apart: half as large again
    assert canvas.ppd == pytest.approx(before_ppd * 1.5)
    assert canvas.day_at(x) == pytest.approx(day, abs=1.0)
    _pinch(canvas, x, -1 / 3)  # together again
    assert canvas.ppd == pytest.approx(before_ppd)


def _palette(base: str, text: str, link: str) -> QPalette:
    palette = QPalette()
    for role, colour in ((QPalette.ColorRole.Base, base), (QPalette.ColorRole.Window, base),
                         (QPalette.ColorRole.Text, text), (QPalette.ColorRole.WindowText, text),
                         (QPalette.ColorRole.Link, link)):
        palette.setColor(role, QColor(colour))
    return palette


LIGHT = _palette("#ffffff", "#000000", "#0000ff")
DARK = _palette("#1e1e1e", "#ffffff", "#0000ff")  # a dark theme that kept the light link colour
DARK_WITH_LINK = _palette("#202124", "#e8eaed", "#8ab4f8")


@pytest.mark.parametrize("palette", [LIGHT, DARK, DARK_WITH_LINK], ids=["light", "dark", "dark-own-link"])
def test_text_colours_read_on_the_palettes_background(palette):
    base = palette.color(QPalette.ColorRole.Base)
    for colour in (alert_colour(palette), support_colour(palette), link_colour(palette)):
        assert contrast(colour, base) >= MIN_CONTRAST, colour.name()


def test_the_palettes_own_link_colour_is_kept_where_it_reads():
    assert link_colour(DARK_WITH_LINK) == QColor("#8ab4f8")
    assert link_colour(LIGHT) == QColor("#0000ff")
    assert is_dark(DARK) and not is_dark(LIGHT)


def test_a_disputed_note_reads_in_a_dark_palette(qtbot, library):
    """The event pane's "Disputed" line, drawn with the application in a dark palette."""
    app = QApplication.instance()
    old = app.palette()
    app.setPalette(DARK)
    try:
        window = MainWindow(library, restore=False)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: not window.timeline.is_loading())
        disputed = next(r.id for r in library.rows(EventFilter(disputed=True), limit=1))
        window.timeline.select_event(disputed)
        qtbot.waitUntil(lambda: window.timeline.detail.findChild(QWidget, "disputeNote") is not None)
        note = window.timeline.detail.findChild(QWidget, "disputeNote")
        colour = QColor(note.styleSheet().removeprefix("color:").strip(" ;"))
        assert colour.isValid()
        assert contrast(colour, DARK.color(QPalette.ColorRole.Base)) >= MIN_CONTRAST
    finally:
        app.setPalette(old)


def test_an_alert_follows_a_switch_between_light_and_dark(qtbot):
    """The system switches to dark mode while the app runs: the warning text follows."""
    from azrel_desktop.ui.common.colours import show_as_alert
    from azrel_desktop.ui.common.widgets import PlainLabel

    app = QApplication.instance()
    old = app.palette()
    app.setPalette(LIGHT)
    try:
        label = PlainLabel("The date could not be read.")
        qtbot.addWidget(label)
        show_as_alert(label)

        def shown() -> QColor:
            return QColor(label.styleSheet().removeprefix("color:").strip(" ;"))

        assert shown() == alert_colour(LIGHT)
        app.setPalette(DARK)
        qtbot.waitUntil(lambda: shown() == alert_colour(DARK))
        assert contrast(shown(), DARK.color(QPalette.ColorRole.Base)) >= MIN_CONTRAST
        app.setPalette(LIGHT)
        qtbot.waitUntil(lambda: shown() == alert_colour(LIGHT))
    finally:
        app.setPalette(old)
