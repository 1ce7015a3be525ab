"""The facet engine (core/facets.py): counts that agree with the filter on a synthetic corpus,
a cache that notices every change to the corpus or the notes — from this process or another —
and the first-page plan for broad text searches (core/timeline.py)."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from azrel_desktop.core.bench.synthetic import generate
from azrel_desktop.core.query.filters import EventFilter, compile_filter
from azrel_desktop.core.query.search import forget_matches
from azrel_desktop.core.query.timeline import ROW_SELECT, _row, order_by
from azrel_desktop.core.service import Library


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    path = tmp_path_factory.mktemp("facets") / "synthetic.sqlite3"
    generate(path, events=1500, seed=11).close()
    lib = Library.open(path)
    yield lib
    lib.close()





def _synthetic_filters():
    return st.builds(
        EventFilter,
        date_from=st.sampled_from([None, "1995", "2003-05"]),
        date_to=st.sampled_from([None, "2008", "2019"]),
        organisations=st.lists(st.sampled_from(["org-3", "org-3-1", "org-7", "org-nato"]), max_size=2).map(tuple),
        countries=st.lists(st.sampled_from(["AZ", "C05", "C20"]), max_size=1).map(tuple),
        kinds=st.lists(st.sampled_from(["visit", "summit", "statement"]), max_size=2).map(tuple),
        disputed=st.sampled_from([None, True, False]),
        text=st.sampled_from(["", "pipeline", "summit gas"]),
        evidence=st.lists(st.sampled_from(["single_source", "contested", "corroborated"]), max_size=2).map(tuple),
    )


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(f=_synthetic_filters())
def test_counts_are_what_choosing_the_option_gives(synthetic, sql_count, f):
    facets = synthetic.facets(f)
    assert facets.total == sql_count(synthetic, f) == synthetic.count(f)
    for dim in ("organisations", "countries", "kinds", "sources", "people", "evidence"):
        options = getattr(facets, dim)
        # the five busiest and one with no events, when there is one, each checked against SQL
        sample = options[:5] + [o for o in options if o.count == 0][:1]
        for option in sample:
            assert option.count == sql_count(synthetic, f.without(dim).toggled(dim, option.value)), (dim, option)
    assert facets.disputed == sql_count(synthetic, EventFilter(**{**f.__dict__, "disputed": True}))
    assert facets.undisputed == sql_count(synthetic, EventFilter(**{**f.__dict__, "disputed": False}))
    assert sum(y.count for y in facets.years) == facets.total


def test_the_index_is_read_once_and_reused(synthetic, sql_sent):
    synthetic.facets(EventFilter())
    again = sql_sent(synthetic, lambda: synthetic.facets(EventFilter(kinds=("visit",))))
    assert not any("GROUP BY x.organisation_id" in s for s in again)
    # the versions and the change log's sequence, in one statement, and nothing else: the
    # kind's events come from the index, not from SQL
    assert len(again) == 2 and "FROM derived_log" in again[1], again


WINDOW = EventFilter(date_from="1995", date_to="2008")


def test_a_date_window_is_counted_from_the_index(synthetic, sql_sent, sql_count):
    synthetic.facets(EventFilter())
    for f in (WINDOW, EventFilter(date_from="2003-05"), EventFilter(date_to="1999", kinds=("visit",))):
        sent = sql_sent(synthetic, lambda f=f: (synthetic.facets(f), synthetic.count(f)))
        assert not [s for s in sent if "date_start" in s or "date_end" in s], sent
        assert synthetic.facets(f).total == synthetic.count(f) == sql_count(synthetic, f)


def test_an_end_date_changed_by_another_connection_moves_the_event_out_of_a_window(fresh_library, sql_count):
    lib = fresh_library
    f = EventFilter(date_from="1999")
    before = lib.facets(f).total
    con = sqlite3.connect(lib.path)
    with con:  # an event of 1998 whose span is said to reach into 1999
        event_id = con.execute("SELECT id FROM events WHERE date_end < '1999-01-01' ORDER BY date_end DESC "
                               "LIMIT 1").fetchone()[0]
        con.execute("UPDATE events SET date_end = '1999-06-30' WHERE id = ?", (event_id,))
    con.close()
    assert lib.facets(f).total == lib.count(f) == before + 1 == sql_count(lib, f)


def test_bounds_that_are_not_plain_days_leave_windows_to_sql(fresh_library, sql_count):
    from azrel_desktop.core.query.facet_index import FacetIndex

    lib = fresh_library
    con = sqlite3.connect(lib.path)
    with con:
        con.execute("UPDATE events SET date_end = '1999-6-30' WHERE rowid = (SELECT min(rowid) FROM events)")
    con.close()
    with lib.db.read() as s:
        index = FacetIndex.read(s, "odd")
        assert index.days is None
        assert FacetIndex.from_bytes(index.to_bytes(), "odd").days is None
    assert lib.facets(WINDOW).total == lib.count(WINDOW) == sql_count(lib, WINDOW)


def test_the_days_survive_the_stored_index(synthetic):
    from azrel_desktop.core.query.facet_index import FacetIndex

    with synthetic.db.read() as s:
        index = FacetIndex.read(s, "v")
    again = FacetIndex.from_bytes(index.to_bytes(), "v")
    assert index.days is not None and all((a == b).all() for a, b in zip(index.days, again.days, strict=True))
    assert (again.window(19950101, 20081231) == index.window(19950101, 20081231)).all()


def test_corpus_changes_from_another_connection_are_counted(fresh_library, sql_count):
    lib = fresh_library
    before = {o.value: o.count for o in lib.facets(EventFilter()).countries}
    con = sqlite3.connect(fresh_library.path)
    with con:
        event_id = con.execute("SELECT event_id FROM event_countries WHERE country_id = 'AZ' LIMIT 1").fetchone()[0]
        con.execute("DELETE FROM event_countries WHERE event_id = ? AND country_id = 'AZ'", (event_id,))
    con.close()
    after = {o.value: o.count for o in lib.facets(EventFilter()).countries}
    assert after["AZ"] == before["AZ"] - 1
    assert after["AZ"] == lib.count(EventFilter(countries=("AZ",))) == sql_count(lib, EventFilter(countries=("AZ",)))


def test_renamed_option_and_new_body_are_seen(fresh_library, sql_count):
    lib = fresh_library
    lib.facets(EventFilter())
    con = sqlite3.connect(fresh_library.path)
    with con:
        con.execute("UPDATE organisations SET abbreviation = 'NATO (renamed)' WHERE id = 'org-nato'")
        pa_events = con.execute("SELECT count(*) FROM event_organisations WHERE organisation_id = 'org-nato-pa'"
                                ).fetchone()[0]
        con.execute("UPDATE organisations SET parent_id = NULL WHERE id = 'org-nato-pa'")
    con.close()
    orgs = {o.value: o for o in lib.facets(EventFilter()).organisations}
    assert orgs["org-nato"].label == "NATO (renamed)"
    assert orgs["org-nato-pa"].detail == ""
    assert orgs["org-nato"].count == sql_count(lib, EventFilter(organisations=("org-nato",)))
    assert pa_events > 0


def test_notes_change_the_tag_and_annotated_counts_at_once(fresh_library):
    lib = fresh_library
    assert lib.facets(EventFilter()).tags == []
    view, _changes = lib.add_annotation("event", "ev-1996-pfp-implementation-begins", "check this", tags=["x"])
    facets = lib.facets(EventFilter())
    assert [(t.value, t.count) for t in facets.tags] == [("x", 1)]
    assert facets.annotated == 1
    lib.delete_annotation(view.id)
    facets = lib.facets(EventFilter())
    assert facets.tags == [] and facets.annotated == 0


def test_version_triggers_fire(fresh_library):
    con = sqlite3.connect(fresh_library.path)

    def versions():
        return dict(con.execute("SELECT key, value FROM app_meta WHERE key LIKE '%_version' "
                                "AND key IN ('corpus_version', 'notes_version')").fetchall())

    def logged() -> list:
        return con.execute("SELECT rid FROM derived_log WHERE seq = (SELECT max(seq) FROM derived_log)").fetchall()

    start, last = versions(), logged()
    with con:
        con.execute("UPDATE events SET sort_countries = 'x' WHERE rowid = (SELECT min(rowid) FROM events)")
    assert logged() == last  # a sort key is nobody's input
    with con:
        con.execute("UPDATE events SET kind = 'other' WHERE rowid = (SELECT min(rowid) FROM events)")
    # one event changed: it is logged, and nothing has to be read again from scratch
    assert versions() == start
    assert logged() == con.execute("SELECT min(rowid) FROM events").fetchall()
    top = con.execute("SELECT max(seq) FROM derived_log").fetchone()[0]
    with con:  # a renamed organisation: the option lists (rowid 0) and its events are logged
        con.execute("UPDATE organisations SET name = name || '!' WHERE rowid = 1")
    assert versions() == start
    assert con.execute("SELECT seq FROM derived_log WHERE rid = 0").fetchone()[0] > top
    with con:  # a new parent changes which events an organisation has: read it all again
        con.execute("UPDATE organisations SET parent_id = NULL WHERE rowid = "
                    "(SELECT min(rowid) FROM organisations WHERE parent_id IS NOT NULL)")
    assert int(versions()["corpus_version"]) > int(start["corpus_version"])
    fresh_library.add_annotation("event", "ev-1996-pfp-implementation-begins", "n", tags=["t"])
    assert int(versions()["notes_version"]) > int(start["notes_version"])
    con.close()


def test_restore_forgets_the_cached_index(fresh_library, tmp_path):
    lib = fresh_library
    backup = lib.backup(tmp_path / "before.sqlite3")
    lib.add_annotation("event", "ev-1996-pfp-implementation-begins", "n", tags=["gone-after-restore"])
    assert lib.facets(EventFilter()).tags
    lib.restore(backup.path)
    assert lib.facets(EventFilter()).tags == []


def _plain_rows(lib, f, sort, descending, limit=200, offset=0):
    with lib.db.read() as s:
        c = compile_filter(f)  # the plain plan, for comparison
        return [_row(r) for r in s.execute(text(
            f"{ROW_SELECT} WHERE {c.where} ORDER BY {order_by(sort, descending)} LIMIT {limit} OFFSET {offset}"),
            c.params)]


@pytest.mark.parametrize("sort", ["date", "title", "organisations"])
@pytest.mark.parametrize("descending", [False, True])
def test_broad_search_probes_the_sort_index_and_gives_the_same_rows(synthetic, sort, descending, sql_sent):
    f = EventFilter(text="pipeline")
    matches = synthetic.count(f)
    assert matches * matches > 200 * synthetic.total()  # broad enough to walk
    statements = sql_sent(synthetic, lambda: synthetic.rows(f, sort=sort, descending=descending, limit=200))
    # the sort index read a stretch at a time and probed against the remembered matches
    assert any(s.startswith("SELECT e.rowid FROM events e ORDER BY") for s in statements)
    assert not any("MATCH" in s for s in statements)
    # the page's rowids go in as one parameter, not one per row (binding 3,000 cost more than the query)
    assert any("json_each(?)" in s for s in statements) and not any(":r1" in s or "?, ?" in s for s in statements)
    assert synthetic.rows(f, sort=sort, descending=descending, limit=200) == _plain_rows(synthetic, f, sort, descending)
    assert synthetic.rows(f, sort=sort, offset=300, limit=50) == synthetic.rows(f, sort=sort, limit=350)[300:]
    assert synthetic.rows(f, sort=sort, offset=300, limit=50) == _plain_rows(synthetic, f, sort, False, 50, 300)


def test_a_page_too_deep_to_probe_and_a_broad_search_with_other_filters_walk_in_sql(synthetic, monkeypatch, sql_sent):
    from azrel_desktop.core.query import timeline

    f = EventFilter(text="pipeline")
    monkeypatch.setattr(timeline, "PROBE_AT_MOST", 300)
    statements = sql_sent(synthetic, lambda: synthetic.rows(f, offset=100, limit=100))
    assert any("+e.rowid IN" in s for s in statements)
    assert synthetic.rows(f, offset=100, limit=100) == _plain_rows(synthetic, f, "date", False, 100, 100)
    g = EventFilter(text="pipeline", disputed=False)
    if synthetic.count(g) ** 2 > 200 * synthetic.total():
        assert any("+e.rowid IN" in s for s in sql_sent(synthetic, lambda: synthetic.rows(g)))
    assert synthetic.rows(g) == _plain_rows(synthetic, g, "date", False)
    assert synthetic.rows(f, offset=10**6) == []


def test_rare_search_sorts_its_few_matches(synthetic, sql_sent):
    f = EventFilter(text="Solana")
    statements = sql_sent(synthetic, lambda: synthetic.rows(f))
    assert not any("+e.rowid IN" in s for s in statements)
    assert 0 < len(synthetic.rows(f)) == synthetic.count(f)


# --- the index kept in the file ----------------------------------------------------------------

def test_a_later_start_loads_the_kept_index_instead_of_reading_it(fresh_library, sql_sent):
    path = fresh_library.path
    first = fresh_library.facets(EventFilter(kinds=("visit",)))
    fresh_library.close()
    lib = Library.open(path)
    try:
        statements = sql_sent(lib, lambda: lib.facets(EventFilter(kinds=("visit",))))
        assert any("FROM facet_cache" in s for s in statements)
        assert not any("GROUP BY x.organisation_id" in s for s in statements)
        assert lib.facets(EventFilter(kinds=("visit",))) == first
    finally:
        lib.close()


@pytest.mark.parametrize("damage", [b"not numpy at all", b"PK\x03\x04garbage", None])
def test_a_damaged_or_foreign_kept_index_is_read_again(fresh_library, damage, sql_sent):
    from azrel_desktop.core.query.facet_index import FacetIndex

    path = fresh_library.path
    expected = fresh_library.facets(EventFilter(countries=("AZ",)))
    fresh_library.close()
    con = sqlite3.connect(path)
    with con:
        if damage is None:  # well-formed, but naming an option that is not there
            with Library.open(path).db.read() as s:
                index = FacetIndex.read(s, "x")
            index.dimensions["countries"].codes[0] = len(index.dimensions["countries"].keys) + 10
            damage = index.to_bytes()
        con.execute("UPDATE facet_cache SET data = ?", (damage,))
    con.close()
    lib = Library.open(path)
    try:
        statements = sql_sent(lib, lambda: lib.facets(EventFilter(countries=("AZ",))))
        assert any("GROUP BY x.organisation_id" in s for s in statements)  # read again from the tables
        assert lib.facets(EventFilter(countries=("AZ",))) == expected
    finally:
        lib.close()


def test_a_stale_kept_index_is_not_used(fresh_library, changed_while_closed):
    fresh_library.facets(EventFilter())
    path = changed_while_closed(fresh_library, "DELETE FROM event_countries WHERE country_id = 'AZ'")
    lib = Library.open(path)
    try:
        assert {o.value: o.count for o in lib.facets(EventFilter()).countries}["AZ"] == 0
    finally:
        lib.close()


def test_a_read_only_file_counts_without_keeping_the_index(fresh_library, changed_while_closed, deny_write):
    path = changed_while_closed(fresh_library, "DELETE FROM facet_cache")
    before = path.read_bytes()
    deny_write(path)
    lib = Library.open(path)
    try:
        assert lib.readonly
        assert lib.facets(EventFilter(kinds=("visit",))).total == lib.count(EventFilter(kinds=("visit",)))
    finally:
        lib.close()
    assert path.read_bytes() == before


def test_text_alone_is_listed_from_the_search_index(synthetic, sql_count, sql_sent):
    f = EventFilter(text="summit gas")
    forget_matches()  # an earlier test may have searched for it
    statements = sql_sent(synthetic, lambda: synthetic.facets(f))
    assert any("group_concat(rowid) FROM event_fts" in s for s in statements)
    assert not any("FROM events e WHERE e.rowid IN" in s for s in statements)
    facets = synthetic.facets(f)
    assert facets.total == sql_count(synthetic, EventFilter(text="summit gas", kinds=())) > 0
    for option in facets.kinds:
        assert option.count == sql_count(synthetic, EventFilter(text="summit gas", kinds=(option.value,)))


@pytest.mark.parametrize("density", [0.0, 0.01, 0.2, 0.3, 0.7, 0.8, 0.9, 1.0])
def test_both_ways_of_counting_agree_with_a_plain_count(density):
    import numpy as np

    from azrel_desktop.core.query.facet_index import Dimension

    rng = np.random.default_rng(3)
    size = 500
    members = {f"o{k}": rng.choice(size, size=rng.integers(0, 120), replace=False) for k in range(7)}
    members["o2"] = np.concatenate([members["o2"], members["o2"][:5]])  # repeats count once
    d = Dimension.build([(k, k, None) for k in members], members, size)
    mask = rng.random(size) < density  # below a quarter and above three: gathered; between: one pass
    expected = [len(set(members[k].tolist()) & set(np.flatnonzero(mask).tolist())) for k in members]
    assert d.counts(mask).tolist() == expected
    assert d.totals.tolist() == [len(set(v.tolist())) for v in members.values()]


@pytest.mark.parametrize("f", [EventFilter(), EventFilter(text="pipeline"), EventFilter(disputed=False),
                               EventFilter(date_from="1995", date_to="2010", text="pipeline")])
def test_a_sample_is_spread_over_the_whole_span_fixed_and_of_about_the_size_asked(synthetic, f):
    everything = synthetic.rows(f, limit=10_000)
    assert len(everything) > 300
    sample = synthetic.sample(f, 150)
    assert 110 <= len(sample) <= 190
    assert synthetic.sample(f, 150, len(everything)) == sample  # the same filter, the same sample
    keys = [(r.date_start, r.date_end, r.id) for r in sample]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    position = {r.id: n for n, r in enumerate(everything)}
    assert all(r.id in position for r in sample) and all(r == everything[position[r.id]] for r in sample)
    # spread: each fifth of the filter's date order holds about a fifth of the sample
    fifths = [0] * 5
    for r in sample:
        fifths[position[r.id] * 5 // len(everything)] += 1
    assert all(0.5 * len(sample) / 5 <= n <= 1.5 * len(sample) / 5 for n in fifths), fifths


def test_a_sample_of_a_search_uses_the_remembered_matches_and_equals_the_sql_one(synthetic, sql_sent, monkeypatch):
    from azrel_desktop.core.query import timeline

    f = EventFilter(text="pipeline")
    synthetic.count(f)
    statements = sql_sent(synthetic, lambda: synthetic.sample(f, 100))
    assert not any("MATCH" in s for s in statements)
    from_matches = synthetic.sample(f, 100)
    monkeypatch.setattr(timeline, "text_only_query", lambda _f: None)
    assert synthetic.sample(f, 100) == from_matches


def test_a_filter_within_the_limit_is_charted_whole(synthetic):
    f = EventFilter(disputed=True)
    n = synthetic.count(f)
    assert synthetic.sample(f, n) == synthetic.rows(f, sort="date", limit=n)
