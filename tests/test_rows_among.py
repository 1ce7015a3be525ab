"""A page of a filter the facet engine holds is found among the events it selects (no filter SQL),
by probing the sort index for many of them or sorting a few in SQL, and is the very page the
filter's own SQL gives, for every sort, direction and offset."""

from __future__ import annotations

import numpy as np
import pytest
from sqlalchemy import text

from azrel_desktop.core.bench.synthetic import generate
from azrel_desktop.core.query.filters import EventFilter, compile_filter
from azrel_desktop.core.query.timeline import ROW_SELECT, _row, order_by
from azrel_desktop.core.service import Library

FILTERS = {
    "organisation with bodies": EventFilter(organisations=("org-3",)),
    "kind + country": EventFilter(kinds=("visit",), countries=("C05",)),
    "date window": EventFilter(date_from="2000", date_to="2005"),
    "window + disputed": EventFilter(date_from="1995", date_to="2010", disputed=False),
    "text + kind": EventFilter(text="pipeline", kinds=("summit", "visit", "statement")),
    "nothing": EventFilter(organisations=("org-3",), countries=("AZ",), kinds=("visit",), disputed=True),
}


@pytest.fixture(scope="module")
def lib(tmp_path_factory):
    path = tmp_path_factory.mktemp("among") / "synthetic.sqlite3"
    generate(path, events=3000, seed=13).close()
    library = Library.open(path)
    library.facets(EventFilter())  # the facet engine loaded, as the window has it after its first count
    yield library
    library.close()


def _plain_rows(lib, f, sort, descending, limit, offset):
    with lib.db.read() as s:
        c = compile_filter(f)
        return [_row(r) for r in s.execute(text(
            f"{ROW_SELECT} WHERE {c.where} ORDER BY {order_by(sort, descending)} LIMIT {limit} OFFSET {offset}"),
            c.params)]


@pytest.mark.parametrize("name", FILTERS)
@pytest.mark.parametrize(("sort", "descending"), [("date", False), ("date", True), ("title", False),
                                                  ("organisations", True), ("countries", False), ("sources", True)])
def test_a_page_among_the_engines_events_is_the_filters_page(lib, name, sort, descending):
    f = FILTERS[name]
    for offset, limit in ((0, 200), (150, 40), (10_000, 50)):
        assert lib.rows(f, sort=sort, descending=descending, offset=offset, limit=limit) == _plain_rows(
            lib, f, sort, descending, limit, offset), (offset, limit)


def test_many_selected_events_probe_the_sort_index_without_the_filters_sql(lib, sql_sent):
    f = FILTERS["window + disputed"]
    assert lib.count(f) ** 2 > 200 * lib.total()  # many: walking the index reads less than sorting them
    statements = sql_sent(lib, lambda: lib.rows(f, sort="title"))
    assert any(s.startswith("SELECT e.rowid FROM events e ORDER BY") for s in statements)
    assert not any("e.date_end >= ?" in s or "e.disputed = ?" in s for s in statements)  # the filter's own SQL


def test_few_selected_events_are_sorted_from_their_rowids(lib, sql_sent):
    f = FILTERS["kind + country"]
    assert 0 < lib.count(f) ** 2 < 200 * lib.total()
    statements = sql_sent(lib, lambda: lib.rows(f))
    assert any("json_each" in s and "LIMIT" in s for s in statements)
    assert not any("event_countries" in s and "country_id IN" in s for s in statements)


def test_a_page_too_deep_to_probe_falls_back_to_the_filters_sql(lib, monkeypatch):
    from azrel_desktop.core.query import timeline

    monkeypatch.setattr(timeline, "PROBE_AT_MOST", 300)
    f = FILTERS["window + disputed"]
    assert lib.rows(f, offset=400, limit=100) == _plain_rows(lib, f, "date", False, 100, 400)


def test_rows_follow_an_edit_made_after_the_engine_was_loaded(lib):
    f = FILTERS["organisation with bodies"]
    first = lib.rows(f, limit=5)[0]
    with lib.db.write() as s:  # another writer's change: the log moves, the engine is patched or bypassed
        s.execute(text("DELETE FROM event_organisations WHERE event_id = :e"), {"e": first.id})
    assert first.id not in {r.id for r in lib.rows(f)}
    assert lib.rows(f) == _plain_rows(lib, f, "date", False, 200, 0)


@pytest.mark.parametrize("name", ["organisation with bodies", "window + disputed", "text + kind", "nothing"])
def test_a_chart_sample_drawn_from_the_engines_events_is_the_sql_sample(lib, name):
    from azrel_desktop.core.query import timeline

    f = FILTERS[name]
    with lib.db.read() as s:
        by_sql = timeline.sample_rows(s, f, 120)  # no `among`: the filter's SQL and the rowid hash in SQL
    assert lib.sample(f, 120) == by_sql


def test_the_whole_corpus_is_sampled_without_scanning_the_events(lib, sql_sent):
    from azrel_desktop.core.query import timeline

    lib.facets(EventFilter())  # current after the edits of other tests, as after the window's count
    with lib.db.read() as s:
        by_sql = timeline.sample_rows(s, EventFilter(), 300)
    statements = sql_sent(lib, lambda: lib.sample(EventFilter(), 300))
    assert not any("% 2147483648" in s for s in statements)  # the hash of every rowid, in SQL
    assert lib.sample(EventFilter(), 300) == by_sql and 200 < len(by_sql) < 400


def test_the_facet_index_keeps_32_bit_offsets(lib):
    with lib.db.read() as s:
        index, _notes = lib._facets.get(s)
    for d in index.dimensions.values():
        assert d.starts.dtype == np.int32 and d.lengths.dtype == np.int32
        assert int(d.starts[-1]) == len(d.codes)
    from azrel_desktop.core.query.facet_index import FacetIndex

    again = FacetIndex.from_bytes(index.to_bytes(), index.version)
    assert all(again.dimensions[n].starts.dtype == np.int32 for n in again.dimensions)
    assert lib.facets(FILTERS["kind + country"]).total == lib.count(FILTERS["kind + country"])


def test_a_kept_index_is_loaded_as_views_of_its_bytes_and_counts_the_same(lib):
    from azrel_desktop.core.query import facet_index

    with lib.db.read() as s:
        index, notes = lib._facets.get(s)
        data = index.to_bytes()
        loaded = facet_index.FacetIndex.from_bytes(data, index.version)
        f = FILTERS["window + disputed"]
        assert facet_index.count(s, f, loaded, notes) == facet_index.count(s, f, index, notes)
    codes = loaded.dimensions["countries"].codes
    assert not codes.flags.owndata and not codes.flags.writeable  # no copy of the 90 MB at a million events
    for name, d in index.dimensions.items():
        assert loaded.dimensions[name].codes.tolist() == d.codes.tolist()
        assert loaded.dimensions[name].starts.tolist() == d.starts.tolist()


def test_a_compressed_or_cut_index_is_read_or_refused_not_misread(lib, tmp_path):
    import io
    import json

    from azrel_desktop.core.query import facet_index

    with lib.db.read() as s:
        index, _notes = lib._facets.get(s)
    data = index.to_bytes()
    with np.load(io.BytesIO(data)) as stored:  # the same arrays, written compressed
        arrays = {k: stored[k] for k in stored.files}
    packed = io.BytesIO()
    np.savez_compressed(packed, **arrays)
    again = facet_index.FacetIndex.from_bytes(packed.getvalue(), index.version)
    assert again.dimensions["kinds"].totals.tolist() == index.dimensions["kinds"].totals.tolist()
    with pytest.raises(Exception):  # noqa: B017 - any error: `load` then reads the tables again
        facet_index.FacetIndex.from_bytes(data[: len(data) // 2], index.version)
    assert json.loads(str(np.load(io.BytesIO(data))["meta"]))["size"] == index.size


def test_a_date_window_in_date_order_is_paged_by_its_sql(lib, sql_sent):
    f = FILTERS["window + disputed"]
    statements = sql_sent(lib, lambda: lib.rows(f))
    assert any("e.date_end >= ?" in s for s in statements)  # one range of the date index
    assert not any(s.startswith("SELECT e.rowid FROM events e ORDER BY") for s in statements)
    assert lib.rows(f, descending=True) == _plain_rows(lib, f, "date", True, 200, 0)


def test_a_kept_index_left_behind_by_another_session_is_patched_once_and_kept_again(tmp_path, sql_sent):
    from azrel_desktop.core import derived
    from azrel_desktop.core.derived.store import FACETS_SEQ

    path = tmp_path / "behind.sqlite3"
    generate(path, events=400, seed=3).close()
    other = Library.open(path)  # another session edits while no window holds the index
    with other.db.write() as s:
        s.execute(text("DELETE FROM event_countries WHERE event_id = 'ev-0000007'"))
    other.close()
    lib = Library.open(path)
    try:
        lib.facets(EventFilter())  # loads the kept index, patches it with the edit, keeps it again
        with lib.db.read() as s:
            now = derived.state(s)
            assert now.number(FACETS_SEQ) == now.seq
    finally:
        lib.close()
    again = Library.open(path)
    try:
        statements = sql_sent(again, lambda: again.facets(EventFilter(countries=("C05",))))
        assert not any("json_each" in s for s in statements)  # nothing to patch: loaded current
        assert again.facets(EventFilter(countries=("C05",))).total == again.count(EventFilter(countries=("C05",)))
    finally:
        again.close()
