"""View → Saved views in the window: saving the timeline's filter, sort and lanes, opening a
view (also one naming a record that is gone), renaming and deleting with undo — all through the
runner, with no SQL on the GUI thread."""

from __future__ import annotations

import pytest

from azrel_desktop.core.query.filters import EventFilter
from azrel_desktop.ui.shell.main_window import MainWindow

NATO = EventFilter(organisations=("org-nato",), date_from="1994", date_to="2006")


@pytest.fixture
def window(qtbot, library):
    w = MainWindow(library, restore=False, warn=lambda *a: None)
    qtbot.addWidget(w)
    w.show()
    return w


def _names(library) -> list[str]:
    return [v.name for v in library.saved_views()]


def test_the_view_menu_holds_saved_views(window):
    bar = window.menuBar()
    view = next(a.menu() for a in bar.actions() if a.text().replace("&", "") == "View")
    assert "Saved views" in [a.text() for a in view.actions()]


def test_save_open_rename_delete_and_undo(qtbot, window, library, loaded, gui_thread_sql):
    views = window.saved_views
    page = loaded(window.timeline)
    page.set_filter(NATO)
    page.set_sort("title", True)
    page.chart.set_mode("country")
    loaded(page)
    gui_thread_sql.watch()
    with qtbot.waitSignal(library_changed(window), timeout=10_000):
        views.save("NATO years")
    assert _names_off_thread(gui_thread_sql, library) == ["NATO years"]
    page.set_filter(EventFilter())
    page.set_sort("date", False)
    page.chart.set_mode("organisation")
    with qtbot.waitSignal(views.opened, timeout=10_000):
        views.open("nato years")
    loaded(page)
    assert page.filter() == NATO and page.sort_key() == ("title", True) and page.chart.mode == "country"
    with qtbot.waitSignal(library_changed(window), timeout=10_000):
        views.rename("NATO years", "Alliance")
    with qtbot.waitSignal(library_changed(window), timeout=10_000):
        views.delete("Alliance")
    gui_thread_sql.stop()
    assert gui_thread_sql.sent == [], gui_thread_sql.report()
    assert _names(library) == []
    gui_thread_sql.watch()
    window.ctx.undo_stack.undo()  # the delete
    qtbot.waitUntil(lambda: not window.ctx.writes_busy())  # undo writes off the GUI thread
    gui_thread_sql.stop()
    assert gui_thread_sql.sent == [], gui_thread_sql.report()
    assert _names(library) == ["Alliance"]
    window.ctx.undo_stack.undo()  # the rename
    qtbot.waitUntil(lambda: not window.ctx.writes_busy())  # undo writes off the GUI thread
    assert _names(library) == ["NATO years"]
    window.ctx.undo_stack.undo()  # the save
    qtbot.waitUntil(lambda: not window.ctx.writes_busy())  # undo writes off the GUI thread
    assert _names(library) == []
    window.ctx.undo_stack.redo()
    qtbot.waitUntil(lambda: not window.ctx.writes_busy())  # undo writes off the GUI thread
    assert _names(library) == ["NATO years"]


def test_a_view_naming_a_record_that_is_gone_opens_and_says_so(qtbot, window, library, loaded):
    info, _, _ = library.save_view("old", NATO)
    library.restore_view(type(info)(info.id, info.name, dict(info.filter, organisations=["org-gone", "org-nato"]),
                                    "date", False, "organisation", info.created_at, info.updated_at))
    said = []
    window.ctx.status.connect(said.append)
    with qtbot.waitSignal(window.saved_views.opened, timeout=10_000) as sig:
        window.saved_views.open("old")
    assert sig.args[0].filter.organisations == ("org-nato",)
    assert any("org-gone" in s and "left out" in s for s in said)
    assert loaded(window.timeline).filter() == NATO


def test_the_manager_dialog_lists_the_views_as_plain_text(qtbot, window, library):
    from azrel_desktop.ui.timeline.saved_views import SavedViewsDialog

    library.save_view("<b>bold</b> view", NATO)
    views = window.saved_views
    dialog = SavedViewsDialog(views, window)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(views.listed, timeout=10_000):
        views.refresh()
    assert [dialog.list.item(i).text() for i in range(dialog.list.count())] == ["<b>bold</b> view"]
    assert dialog.selected() == "<b>bold</b> view"


def library_changed(window):
    return window.ctx.changed


def _names_off_thread(recorder, library) -> list[str]:
    recorder.stop()
    try:
        return _names(library)
    finally:
        recorder.watch()


def test_saving_under_a_taken_name_asks_before_replacing(qtbot, window, library, loaded, monkeypatch):
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    library.save_view("Mine", EventFilter(kinds=("visit",)))
    views = window.saved_views
    with qtbot.waitSignal(views.listed, timeout=10_000):
        views.refresh()
    loaded(window.timeline).set_filter(NATO)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("  mine ", True))
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    views.ask_save()
    assert asked and "already a view named “Mine”" in asked[0]
    assert library.open_view("Mine").filter == EventFilter(kinds=("visit",))  # declined: unchanged
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(window.ctx.changed, timeout=10_000):
        views.ask_save()
    assert library.open_view("Mine").filter == NATO
    window.ctx.undo_stack.undo()
    qtbot.waitUntil(lambda: not window.ctx.writes_busy())  # undo writes off the GUI thread
    assert library.open_view("Mine").filter == EventFilter(kinds=("visit",))
