"""EventTableModel: Qt model contract, lazy paging, SQL sorting, tooltips."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import QModelIndex, Qt

from azrel_desktop.core.query.filters import EventFilter
from azrel_desktop.core.query.timeline import SORT_KEYS
from azrel_desktop.ui.common.row_model import RowsModel
from azrel_desktop.ui.common.widgets import plain_tooltip
from azrel_desktop.ui.timeline.timeline_model import ID_ROLE, PAGE_SIZE, EventTableModel


def nato(library) -> str:
    return next(link.id for link in library.records("organisation") if link.label.endswith("(NATO)"))


def test_model_passes_the_qt_model_tester(qtmodeltester, library, loaded):
    model = loaded(EventTableModel(library))
    qtmodeltester.check(model)
    model.set_filter(EventFilter(organisations=(nato(library),), date_from="1997", date_to="1999"))
    qtmodeltester.check(model)  # while it loads
    loaded(model)
    qtmodeltester.check(model)
    model.set_filter(EventFilter(text="no such words anywhere qqq"))
    loaded(model)
    assert model.rowCount() == 0
    qtmodeltester.check(model)


def test_cells_are_read_only_selectable_and_flat_without_a_python_flags(library, loaded):
    model = loaded(EventTableModel(library))
    read_only = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
    assert all(model.flags(model.index(r, c)) == read_only for r in (0, 1) for c in range(model.columnCount()))
    assert model.flags(QModelIndex()) == Qt.ItemFlag.NoItemFlags
    # Qt's own flags serve: a Python override would be called for every cell of every repaint.
    assert "flags" not in vars(RowsModel) and "flags" not in vars(EventTableModel)


def test_display_text_is_what_a_cell_shows(library, loaded):
    """The table's fitting reads cells by `display_text`, without an index: the same text."""
    model = loaded(EventTableModel(library))
    cells = [(r, c) for r in range(model.rowCount()) for c in range(model.columnCount())]
    assert cells and all(model.display_text(r, c) == model.data(model.index(r, c)) for r, c in cells)
    assert model.display_text(model.rowCount(), 0) is None and model.display_text(0, model.columnCount()) is None


def test_columns_are_sortable_keys(library):
    assert [k for k, _ in EventTableModel.COLUMNS] == [
        "date", "title", "kind", "organisations", "countries", "sources", "annotations", "evidence"]
    assert all(k in SORT_KEYS for k, _ in EventTableModel.COLUMNS)


def test_filter_gives_exactly_the_library_rows(library, loaded, fetched):
    f = EventFilter(organisations=(nato(library),), date_from="1997", date_to="1999")
    model = EventTableModel(library)
    model.set_filter(f)
    loaded(model)
    assert model.filter() == f
    assert model.total() == library.count(f) > 0
    assert fetched(model) == [r.id for r in library.rows(f, limit=10_000)]


def test_rows_are_fetched_lazily_a_page_at_a_time(qtbot, library, loaded, fetched):
    total = library.total()
    model = loaded(EventTableModel(library))
    assert model.rowCount() <= PAGE_SIZE
    model.page_size = 10
    model.set_filter(EventFilter())
    loaded(model)
    assert model.rowCount() == 10 < total
    assert model.canFetchMore(QModelIndex())
    with qtbot.waitSignal(model.rowsInserted):
        model.fetchMore(QModelIndex())  # in the background
        assert model.fetching() and model.rowCount() == 10
        model.fetchMore(QModelIndex())  # one page at a time: asking again meanwhile adds nothing
    assert model.rowCount() == 20
    ids = fetched(model)
    assert model.rowCount() == total
    assert not model.canFetchMore(QModelIndex())
    assert ids == [r.id for r in library.rows(EventFilter(), limit=10_000)]


def test_row_of_fetches_up_to_the_event(library, loaded):
    last = library.rows(EventFilter(), limit=10_000)[-1]
    model = EventTableModel(library)
    model.page_size = 10
    model.set_filter(EventFilter())
    loaded(model)
    assert model.rowCount() == 10
    row = model.row_of(last.id)
    assert row == library.total() - 1
    assert model.event_id(row) == last.id
    assert model.row_of("no-such-event") is None


@pytest.mark.parametrize("column", range(len(EventTableModel.COLUMNS)))
@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_sorting_each_column_requeries_in_sql(library, column, order, loaded, fetched):
    key = EventTableModel.COLUMNS[column][0]
    descending = order == Qt.SortOrder.DescendingOrder
    model = loaded(EventTableModel(library))
    resets = []
    model.modelReset.connect(lambda: resets.append(True))
    model.sort(column, order)
    loaded(model)
    if (key, descending) != ("date", False):
        assert resets, "sorting must re-query"
    assert model.sort_key() == (key, descending)
    expected = library.rows(EventFilter(), sort=key, descending=descending, limit=10_000)
    assert fetched(model) == [r.id for r in expected]
    rows = [model.event_row(r) for r in range(model.rowCount())]
    values = {
        "date": lambda r: r.date_start,
        "title": lambda r: r.title.casefold(),
        "kind": lambda r: r.kind,
        "sources": lambda r: r.source_count,
        "annotations": lambda r: r.annotation_count,
        "evidence": lambda r: r.evidence,
        "organisations": lambda r: min(r.organisations) if r.organisations else "",
        "countries": lambda r: min(r.countries) if r.countries else "",
    }[key]
    seq = [values(r) for r in rows if key not in ("organisations", "countries") or values(r)]
    assert seq == sorted(seq, reverse=descending)


def test_sort_with_unknown_key_is_refused(library):
    with pytest.raises(ValueError):
        EventTableModel(library).set_sort("colour", False)


def test_every_cell_has_a_tooltip_and_the_date_tooltip_explains_the_date(library, loaded):
    model = loaded(EventTableModel(library))
    for r in range(model.rowCount()):
        for c in range(model.columnCount()):
            tip = model.data(model.index(r, c), Qt.ItemDataRole.ToolTipRole)
            assert isinstance(tip, str) and tip
    written = next(r for r in range(model.rowCount()) if model.event_row(r).date_text)
    row = model.event_row(written)
    tip = model.data(model.index(written, 0), Qt.ItemDataRole.ToolTipRole)
    assert tip == plain_tooltip(tip_text := model._tooltip(row, "date"))
    assert row.date_text in tip_text and row.date in tip_text
    assert "Precision:" in tip_text and row.date_start in tip_text
    assert model.data(model.index(written, 0)) .startswith(row.date_label)
    assert model.data(model.index(written, 0), ID_ROLE) == row.id


def test_markers_show_notes_and_the_evidence_grade(library, loaded):
    disputed = library.rows(EventFilter(disputed=True), limit=1)[0]
    library.add_annotation("event", disputed.id, "check this")
    model = loaded(EventTableModel(library))
    row = model.row_of(disputed.id)
    assert model.data(model.index(row, model.column_of("evidence"))) == "▲ contested"
    assert model.data(model.index(row, model.column_of("annotations"))) == "✎ 1"
    weak = model.row_of("ev-2016-az-de-trade")
    assert model.data(model.index(weak, model.column_of("evidence"))) == "◇ uncorroborated"
    assert "only by sources of low reliability" in model.data(model.index(weak, model.column_of("evidence")),
                                                Qt.ItemDataRole.ToolTipRole)
    single = model.row_of("ev-1994-05-04-az-signs-pfp")
    assert model.data(model.index(single, model.column_of("evidence"))) == "• single source"


def test_html_in_data_stays_literal(library, db_path, loaded):
    evil = "<img src=file:///etc/passwd> & <b>bold</b>"
    event_id = library.rows(EventFilter(), limit=1)[0].id
    con = sqlite3.connect(db_path)
    con.execute("UPDATE events SET title = ? WHERE id = ?", (evil, event_id))
    con.commit()
    con.close()
    model = loaded(EventTableModel(library))
    row = model.row_of(event_id)
    index = model.index(row, model.column_of("title"))
    assert model.data(index) == evil
    tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert "&lt;img src=file:///etc/passwd&gt;" in tip and "<img" not in tip


@pytest.mark.parametrize("key", ["date", "title", "organisations", "evidence"])
@pytest.mark.parametrize("descending", [False, True])
def test_more_rows_are_fetched_after_the_last_loaded_row(library, monkeypatch, key, descending, loaded, fetched):
    """Keyset paging (issue #5): each further page starts just after the last loaded event,
    and tiny pages over ties give exactly the rows of one query."""
    calls = []
    real = library.rows

    def spy(f, **kw):
        calls.append(kw)
        return real(f, **kw)

    model = EventTableModel(library)
    model.page_size, model.keyset_from = 3, 1
    model.set_sort(key, descending)
    model.set_filter(EventFilter())  # reloaded in pages of 3
    loaded(model)
    assert model.rowCount() == 3
    monkeypatch.setattr(library, "rows", spy)
    ids = fetched(model)
    assert ids == [r.id for r in real(EventFilter(), sort=key, descending=descending, limit=10_000)]
    assert len(calls) >= (len(ids) - 1) // 3  # every page after the first
    loaded = 3
    for kw in calls:
        assert kw.get("offset", 0) == 0 and kw["after"] == ids[loaded - 1]
        loaded += kw["limit"]


def test_fetch_falls_back_to_the_offset_when_the_last_row_is_gone(qtbot, library, loaded):
    from dataclasses import replace

    model = EventTableModel(library)
    model.page_size, model.keyset_from = 5, 1
    model.set_filter(EventFilter())
    loaded(model)
    model._rows[-1] = replace(model._rows[-1], id="ev-gone")  # as if deleted since it was loaded
    with qtbot.waitSignal(model.rowsInserted):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 10
    assert [model.event_id(r) for r in range(5, 10)] == [r.id for r in library.rows(EventFilter(), offset=5, limit=5)]


def test_near_the_top_more_rows_are_fetched_by_offset(library, monkeypatch, loaded, fetched):
    calls = []
    real = library.rows
    model = EventTableModel(library)
    model.page_size, model.keyset_from = 10, 30
    model.set_filter(EventFilter())
    loaded(model)
    monkeypatch.setattr(library, "rows", lambda f, **kw: calls.append(kw) or real(f, **kw))
    ids = fetched(model)
    assert ids == [r.id for r in real(EventFilter(), limit=10_000)]
    assert [kw.get("after") is None for kw in calls] == [True, True] + [False] * (len(calls) - 2)


# --- loading in the background (issue #5: the GUI thread never blocked at 1M events) -------------


def test_a_reload_runs_on_a_worker_and_the_rows_shown_stay_until_it_is_done(qtbot, library, loaded, held_count, fetched):
    import threading

    model = EventTableModel(library)
    held_count.set()
    loaded(model)
    held_count.clear()
    before = [model.event_id(r) for r in range(model.rowCount())]
    states = []
    model.loadingChanged.connect(states.append)
    f = EventFilter(kinds=("visit",))
    threads = []
    real_rows = library.rows
    library.rows = lambda *a, **kw: threads.append(threading.current_thread()) or real_rows(*a, **kw)
    try:
        model.set_filter(f)
        assert model.loading() and states == [True]
        assert model.filter() == f and model.shown_filter() == EventFilter()
        assert [model.event_id(r) for r in range(model.rowCount())] == before  # nothing half-new
        assert not model.canFetchMore(QModelIndex())  # no pages of rows about to be replaced
        with qtbot.waitSignal(model.filterApplied):
            held_count.set()
    finally:
        del library.rows
    assert states == [True, False] and not model.loading()
    assert model.shown_filter() == f and model.total() == library.count(f)
    assert fetched(model) == [r.id for r in library.rows(f, limit=10_000)]
    assert threads and threading.main_thread() not in threads[:1]  # the first page came from a worker


def test_only_the_newest_of_quick_changes_is_applied(qtbot, library, loaded, held_count):
    model = EventTableModel(library)
    applied = []
    model.filterApplied.connect(lambda: applied.append(model.shown_filter()))
    for kind in ("visit", "summit", "meeting"):
        model.set_filter(EventFilter(kinds=(kind,)))
    held_count.set()
    loaded(model)
    qtbot.waitUntil(lambda: pool_idle())
    assert applied == [EventFilter(kinds=("meeting",))]
    assert model.total() == library.count(EventFilter(kinds=("meeting",)))


def pool_idle() -> bool:
    from azrel_desktop.ui.shell.runner import pool

    return pool().activeThreadCount() == 0


def test_changes_superseded_while_waiting_for_a_thread_are_never_run(qtbot, library, loaded, monkeypatch):
    """Typing on while the pool is busy must not queue up stale loads behind the newest."""
    import threading

    from PySide6.QtCore import QRunnable

    from azrel_desktop.ui.shell.runner import pool

    model = loaded(EventTableModel(library))
    release = threading.Event()
    started = threading.Semaphore(0)

    class Busy(QRunnable):
        def run(self):
            started.release()
            release.wait(10)

    busy = [Busy() for _ in range(pool().maxThreadCount())]
    for job in busy:
        pool().start(job)
    for _ in busy:
        assert started.acquire(timeout=10)
    counted = []
    real = library.count
    monkeypatch.setattr(library, "count", lambda f: counted.append(f) or real(f))
    for text in ("s", "se", "sec", "secu"):
        model.set_filter(EventFilter(text=text))
    release.set()
    loaded(model)
    qtbot.waitUntil(pool_idle)
    assert counted == [EventFilter(text="secu")]
    assert model.shown_filter() == EventFilter(text="secu")


def test_the_kept_event_is_loaded_with_the_rows_and_found_without_a_query(library, loaded, monkeypatch):
    ids = [r.id for r in library.rows(EventFilter(), sort="title", limit=10_000)]
    deep = ids[-3]
    model = loaded(EventTableModel(library))
    model.page_size = 10
    model.keep_event(deep)
    model.set_sort("title", False)
    loaded(model)
    gone = EventFilter(kinds=("summit",))
    assert deep not in [r.id for r in library.rows(gone, limit=10_000)]

    def no_query(*_a, **_kw):
        raise AssertionError("row_of queried on the GUI thread")

    assert model.rowCount() == len(ids) - 2  # up to the kept event, not a page further
    monkeypatch.setattr(library, "row_index", no_query)
    assert model.row_of(deep) == len(ids) - 3
    model.set_filter(gone)
    loaded(model)
    assert model.row_of(deep) is None  # the load found that the filter does not select it


def test_a_failed_load_keeps_the_rows_and_says_why(qtbot, library, loaded, monkeypatch):
    model = loaded(EventTableModel(library))
    before = model.rowCount()

    def broken(f):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(library, "count", broken)
    with qtbot.waitSignal(model.loadFailed) as sig:
        model.set_filter(EventFilter(kinds=("visit",)))
    assert "disk on fire" in sig.args[0]
    assert not model.loading() and model.rowCount() == before and model.shown_filter() == EventFilter()


def test_locate_reads_the_rows_up_to_an_event_in_the_background(qtbot, library, loaded, monkeypatch):
    import threading

    ids = [r.id for r in library.rows(EventFilter(), limit=10_000)]
    model = EventTableModel(library)
    model.page_size = 10
    model.set_filter(EventFilter())
    loaded(model)
    threads = []
    real = library.row_index
    monkeypatch.setattr(library, "row_index",
                        lambda *a, **kw: threads.append(threading.current_thread()) or real(*a, **kw))
    deep = ids[-5]
    assert model.known_row(deep) is None and model.may_hold(deep)
    with qtbot.waitSignal(model.located) as sig:
        model.locate(deep)
        assert model.locating() and model.rowCount() == 10
    assert sig.args == [deep] and not model.locating()
    assert model.known_row(deep) == len(ids) - 5 == model.rowCount() - 1
    assert threads and threading.main_thread() not in threads
    visits = EventFilter(kinds=("visit",))
    other = next(i for i in ids if i not in {r.id for r in library.rows(visits, limit=10_000)})
    model.set_filter(visits)
    loaded(model)
    with qtbot.waitSignal(model.located):
        model.locate(other)
    assert model.known_row(other) is None and not model.may_hold(other)
    assert model.row_of(other) is None


def _this_threads_priority():
    """The calling thread's scheduling priority as its system reports it: the nice value on
    Linux, the quality-of-service class on macOS, GetThreadPriority on Windows."""
    import ctypes
    import os
    import sys
    import threading

    if sys.platform.startswith("linux"):
        return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    if sys.platform == "darwin":
        libc = ctypes.CDLL("/usr/lib/libSystem.B.dylib")
        libc.qos_class_self.restype = ctypes.c_uint
        return libc.qos_class_self()
    kernel32 = ctypes.WinDLL("kernel32")
    kernel32.GetCurrentThread.restype = ctypes.c_void_p
    kernel32.GetThreadPriority.argtypes = [ctypes.c_void_p]
    return kernel32.GetThreadPriority(kernel32.GetCurrentThread())


def test_background_calls_run_below_the_gui_threads_cpu_priority(qtbot):
    import sys

    from azrel_desktop.ui.shell.runner import LatestCall
    from azrel_desktop.ui.shell.worker_priority import BACKGROUND_NICENESS, QOS_CLASS_UTILITY

    gui = _this_threads_priority()
    call = LatestCall()
    with qtbot.waitSignal(call.finished) as sig:
        call.start(_this_threads_priority)
    worker = sig.args[0]
    if sys.platform.startswith("linux"):  # a nice value: higher is lower priority
        assert worker >= max(gui, BACKGROUND_NICENESS)
    elif sys.platform == "darwin":
        assert worker == QOS_CLASS_UTILITY
    else:
        assert worker == -1  # THREAD_PRIORITY_BELOW_NORMAL
    assert _this_threads_priority() == gui  # the GUI thread itself is untouched
