"""The first window's start-up: the library opens in the background while the window's modules
are imported, the heap of the start-up is frozen out of the collector, the facet lists fill one
section per turn of the event loop (busy until all show the counts), and the chart paints."""

from __future__ import annotations

import gc
import sys

from azrel_desktop.core.query.filters import EventFilter
from azrel_desktop.ui.shell.app import make_app, open_in_background, start_window
from azrel_desktop.ui.shell.runner import wait_for_workers
from azrel_desktop.ui.timeline.filter_panel import FilterPanel


def test_start_window_opens_in_background_and_builds_the_timeline(qtbot, db_path):
    calls = []
    library, error = open_in_background(db_path, meanwhile=lambda: calls.append("meanwhile"))
    assert error is None and calls == ["meanwhile"]
    library.close()

    gc.unfreeze()
    library, window = start_window(db_path, restore=False)
    try:
        qtbot.addWidget(window)
        assert gc.get_freeze_count() > 0
        window.show()
        page = window.timeline
        qtbot.waitUntil(lambda: not page.panel.facets_busy() and not page.chart.busy(), timeout=20000)
        assert page.model.rowCount() > 0
        assert page.panel.sections["organisations"].values()
        assert page.chart.canvas.items
        assert not window.grab().toImage().isNull()
    finally:
        window.close()
        wait_for_workers()
        library.close()
        gc.unfreeze()


def test_the_app_hands_the_interpreter_over_quickly_and_rarely_collects_in_full(qapp):
    """Worker threads must give the interpreter lock back to the GUI thread within a
    millisecond (a repaint of the event table needs it about a thousand times), and a full
    collection, which walks every object alive holding that lock (20-50 ms with the rows and
    chart items of a filter change at a million events), must not follow every few loads."""
    threshold, interval, full = gc.get_threshold(), sys.getswitchinterval(), []

    def watch(phase, info):
        if phase == "start" and info["generation"] == 2:
            full.append(info)

    gc.set_threshold(700, 10, 10)  # Python's defaults
    sys.setswitchinterval(0.005)
    gc.callbacks.append(watch)
    try:
        make_app([])
        assert sys.getswitchinterval() <= 0.001
        rows = [[n] for n in range(200_000)]  # as many objects as a few loads keep alive
        assert len(rows) == 200_000 and full == []
    finally:
        gc.callbacks.remove(watch)
        gc.set_threshold(*threshold)
        sys.setswitchinterval(interval)


def test_start_window_gives_up_quietly_when_the_user_quits(qtbot, tmp_path):
    bad = tmp_path / "not-a-db.sqlite3"
    bad.write_bytes(b"hello, not sqlite")
    asked = []
    library, window = start_window(bad, ask=lambda message: asked.append(message) or "quit")
    assert library is None and window is None
    assert asked and "not a SQLite database" in asked[0]


def test_facet_sections_fill_one_per_turn_and_stay_busy_until_all_are_shown(qtbot, library):
    panel = FilterPanel(library)
    qtbot.addWidget(panel)
    seen = []

    def after_counts(_bundle):  # runs right after the panel's own handler filled one section
        seen.append((panel.facets_busy(), panel.last_bundle,
                     sum(bool(s.values()) for s in panel.sections.values())))

    panel._facets.finished.connect(after_counts)
    with qtbot.waitSignal(panel.facetsUpdated, timeout=20000) as sig:
        pass
    busy, bundle, filled = seen[0]
    assert busy and bundle is None and filled == 1  # one section, the rest in later turns
    assert not panel.facets_busy() and panel.last_bundle is sig.args[0]
    facets = panel.last_bundle.facets
    for dim, section in panel.sections.items():
        listed = [o.value for o in getattr(facets, dim) if o.count or dim not in ("kinds", "tags")]
        assert set(section.values()) >= set(listed[:section.SHOW_AT_MOST]), dim
    assert panel.annotated.text().startswith("Annotated only (")

    # A new filter while sections are still filling: the newest counts win.
    panel.set_filter(EventFilter(kinds=("visit",)))
    qtbot.waitUntil(lambda: not panel.facets_busy(), timeout=20000)
    assert panel.last_bundle.facets.total == library.count(EventFilter(kinds=("visit",)))
