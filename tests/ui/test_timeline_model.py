"""EventTableModel: Qt model contract, lazy paging, SQL sorting, tooltips."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import QModelIndex, Qt

from azrel_desktop.core.filters import EventFilter
from azrel_desktop.core.timeline import SORT_KEYS
from azrel_desktop.ui.export_job import wait_for_workers
from azrel_desktop.ui.timeline_model import ID_ROLE, PAGE_SIZE, EventTableModel
from azrel_desktop.ui.widgets import plain_tooltip


@pytest.fixture(autouse=True)
def _drain_workers(library):
    yield
    wait_for_workers()


def nato(library) -> str:
    return next(link.id for link in library.records("organisation") if link.label.endswith("(NATO)"))


def model_ids(model: EventTableModel) -> list[str]:
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    return [model.event_id(r) for r in range(model.rowCount())]


def test_model_passes_the_qt_model_tester(qtmodeltester, library):
    model = EventTableModel(library)
    qtmodeltester.check(model)
    model.set_filter(EventFilter(organisations=(nato(library),), date_from="1997", date_to="1999"))
    qtmodeltester.check(model)
    model.set_filter(EventFilter(text="no such words anywhere qqq"))
    assert model.rowCount() == 0
    qtmodeltester.check(model)


def test_columns_are_sortable_keys(library):
    assert [k for k, _ in EventTableModel.COLUMNS] == [
        "date", "title", "kind", "organisations", "countries", "sources", "annotations", "disputed"]
    assert all(k in SORT_KEYS for k, _ in EventTableModel.COLUMNS)


def test_filter_gives_exactly_the_library_rows(library):
    f = EventFilter(organisations=(nato(library),), date_from="1997", date_to="1999")
    model = EventTableModel(library)
    model.set_filter(f)
    assert model.filter() == f
    assert model.total() == library.count(f) > 0
    assert model_ids(model) == [r.id for r in library.rows(f, limit=10_000)]


def test_rows_are_fetched_lazily_a_page_at_a_time(library):
    total = library.total()
    model = EventTableModel(library)
    assert model.rowCount() <= PAGE_SIZE
    model.page_size = 10
    model.set_filter(EventFilter())
    assert model.rowCount() == 10 < total
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 20
    ids = model_ids(model)
    assert model.rowCount() == total
    assert not model.canFetchMore(QModelIndex())
    assert ids == [r.id for r in library.rows(EventFilter(), limit=10_000)]


def test_row_of_fetches_up_to_the_event(library):
    last = library.rows(EventFilter(), limit=10_000)[-1]
    model = EventTableModel(library)
    model.page_size = 10
    model.set_filter(EventFilter())
    assert model.rowCount() == 10
    row = model.row_of(last.id)
    assert row == library.total() - 1
    assert model.event_id(row) == last.id
    assert model.row_of("no-such-event") is None


@pytest.mark.parametrize("column", range(len(EventTableModel.COLUMNS)))
@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_sorting_each_column_requeries_in_sql(library, column, order):
    key = EventTableModel.COLUMNS[column][0]
    descending = order == Qt.SortOrder.DescendingOrder
    model = EventTableModel(library)
    resets = []
    model.modelReset.connect(lambda: resets.append(True))
    model.sort(column, order)
    if (key, descending) != ("date", False):
        assert resets, "sorting must re-query"
    assert model.sort_key() == (key, descending)
    expected = library.rows(EventFilter(), sort=key, descending=descending, limit=10_000)
    assert model_ids(model) == [r.id for r in expected]
    rows = [model.event_row(r) for r in range(model.rowCount())]
    values = {
        "date": lambda r: r.date_start,
        "title": lambda r: r.title.casefold(),
        "kind": lambda r: r.kind,
        "sources": lambda r: r.source_count,
        "annotations": lambda r: r.annotation_count,
        "disputed": lambda r: r.disputed,
        "organisations": lambda r: min(r.organisations) if r.organisations else "",
        "countries": lambda r: min(r.countries) if r.countries else "",
    }[key]
    seq = [values(r) for r in rows if key not in ("organisations", "countries") or values(r)]
    assert seq == sorted(seq, reverse=descending)


def test_sort_with_unknown_key_is_refused(library):
    with pytest.raises(ValueError):
        EventTableModel(library).set_sort("colour", False)


def test_every_cell_has_a_tooltip_and_the_date_tooltip_explains_the_date(library):
    model = EventTableModel(library)
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


def test_markers_show_notes_and_disputes(library):
    disputed = library.rows(EventFilter(disputed=True), limit=1)[0]
    library.add_annotation("event", disputed.id, "check this")
    model = EventTableModel(library)
    row = model.row_of(disputed.id)
    assert model.data(model.index(row, model.column_of("disputed"))) == "⚠"
    assert model.data(model.index(row, model.column_of("annotations"))) == "✎ 1"
    other = next(r for r in range(model.rowCount()) if not model.event_row(r).disputed)
    assert model.data(model.index(other, model.column_of("disputed"))) == ""


def test_html_in_data_stays_literal(library, db_path):
    evil = "<img src=file:///etc/passwd> & <b>bold</b>"
    event_id = library.rows(EventFilter(), limit=1)[0].id
    con = sqlite3.connect(db_path)
    con.execute("UPDATE events SET title = ? WHERE id = ?", (evil, event_id))
    con.commit()
    con.close()
    model = EventTableModel(library)
    row = model.row_of(event_id)
    index = model.index(row, model.column_of("title"))
    assert model.data(index) == evil
    tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert "&lt;img src=file:///etc/passwd&gt;" in tip and "<img" not in tip


@pytest.mark.parametrize("key", ["date", "title", "organisations", "disputed"])
@pytest.mark.parametrize("descending", [False, True])
def test_more_rows_are_fetched_after_the_last_loaded_row(library, monkeypatch, key, descending):
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
    assert model.rowCount() == 3
    monkeypatch.setattr(library, "rows", spy)
    ids = model_ids(model)
    assert ids == [r.id for r in real(EventFilter(), sort=key, descending=descending, limit=10_000)]
    assert len(calls) >= len(ids) // 3
    loaded = 3
    for kw in calls:
        assert kw.get("offset", 0) == 0 and kw["after"] == ids[loaded - 1]
        loaded += kw["limit"]


def test_fetch_falls_back_to_the_offset_when_the_last_row_is_gone(library):
    from dataclasses import replace

    model = EventTableModel(library)
    model.page_size, model.keyset_from = 5, 1
    model.set_filter(EventFilter())
    model._rows[-1] = replace(model._rows[-1], id="ev-gone")  # as if deleted since it was loaded
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 10
    assert [model.event_id(r) for r in range(5, 10)] == [r.id for r in library.rows(EventFilter(), offset=5, limit=5)]


def test_near_the_top_more_rows_are_fetched_by_offset(library, monkeypatch):
    calls = []
    real = library.rows
    model = EventTableModel(library)
    model.page_size, model.keyset_from = 10, 30
    model.set_filter(EventFilter())
    monkeypatch.setattr(library, "rows", lambda f, **kw: calls.append(kw) or real(f, **kw))
    ids = model_ids(model)
    assert ids == [r.id for r in real(EventFilter(), limit=10_000)]
    assert [kw.get("after") is None for kw in calls] == [True, True] + [False] * (len(calls) - 2)
