"""Keyset predicates, keyset paging and row positions (core/timeline.py, issue #5), checked
against the window-function and OFFSET implementations they replace, on the seed corpus and
on a synthetic one with many ties, NULL keys and titles that differ only in case."""

from __future__ import annotations

import random
import re
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from azrel_desktop.core.query import timeline
from azrel_desktop.core.query.filters import EventFilter, compile_filter
from azrel_desktop.core.query.timeline import SORT_KEYS, anchor_values, keyset, order_by, sort_terms
from azrel_desktop.core.service import Library

ORDERS = [(key, descending) for key in SORT_KEYS for descending in (False, True)]
ORDER_IDS = [f"{k}-{'desc' if d else 'asc'}" for k, d in ORDERS]


def reference_positions(lib: Library, f: EventFilter, sort: str, descending: bool) -> dict[str, int]:
    """The old `row_index`: every filtered event numbered with row_number() OVER the sort."""
    c = compile_filter(f)
    sql = (f"SELECT e.id, row_number() OVER (ORDER BY {order_by(sort, descending)}) - 1 "
           f"FROM events e WHERE {c.where}")
    with lib.db.read() as s:
        return dict(s.execute(text(sql), c.params).all())


def ordered_ids(lib: Library, sort: str, descending: bool, where: str = "1 = 1", params=None) -> list[str]:
    with lib.db.read() as s:
        return [r[0] for r in s.execute(text(
            f"SELECT e.id FROM events e WHERE {where} ORDER BY {order_by(sort, descending)}"), params or {})]


def anchors(ids: list[str], n: int, seed: int = 5) -> list[str]:
    """The first, the last and `n` others picked deterministically."""
    if len(ids) <= n + 2:
        return list(ids)
    return [ids[0], ids[-1], *random.Random(seed).sample(ids[1:-1], n)]


# --- a synthetic corpus made awkward ------------------------------------------------------------

@pytest.fixture(scope="module")
def synthetic_path(tmp_path_factory) -> Path:
    from azrel_desktop.core.bench.synthetic import generate

    path = tmp_path_factory.mktemp("keyset") / "synthetic.sqlite3"
    generate(path, events=1500, seed=7).close()
    con = sqlite3.connect(path)
    con.execute("PRAGMA foreign_keys = ON")
    # Many events on one day, and among them titles equal but for case (ties on every key).
    con.execute("UPDATE events SET date_start = '1999-05-01', date_end = '1999-05-01' "
                "WHERE id IN (SELECT id FROM events ORDER BY id LIMIT 250)")
    con.execute("UPDATE events SET date_end = '1999-12-31' WHERE id IN (SELECT id FROM events ORDER BY id LIMIT 40)")
    for i, title in enumerate(("Summit in Baku", "SUMMIT IN BAKU", "summit in baku", "Summit In Baku")):
        con.execute("UPDATE events SET title = ? WHERE id IN (SELECT id FROM events ORDER BY id LIMIT 30 OFFSET ?)",
                    (title, i * 30))
    # No organisation or no country: NULL keys, first ascending and last descending (triggers keep them).
    con.execute("DELETE FROM event_organisations WHERE event_id IN "
                "(SELECT id FROM events ORDER BY title, id LIMIT 80)")
    con.execute("DELETE FROM event_countries WHERE event_id IN (SELECT id FROM events ORDER BY id DESC LIMIT 80)")
    con.commit()
    assert con.execute("SELECT count(*) FROM events WHERE sort_organisations IS NULL").fetchone()[0] >= 80
    assert con.execute("SELECT count(*) FROM events WHERE sort_countries IS NULL").fetchone()[0] >= 80
    con.close()
    return path


@pytest.fixture(scope="module")
def synthetic(synthetic_path):
    lib = Library.open(synthetic_path)
    yield lib
    lib.close()


@pytest.fixture
def seed(library):
    """The seed corpus, with a few notes so that the annotation key is not all zero."""
    library.add_annotation("event", "ev-1997-02-solana-visits-baku", "one")
    library.add_annotation("event", "ev-1997-02-solana-visits-baku", "two")
    library.add_annotation("event", "ev-2020-az-am-peace-agreement", "three")
    return library


def _synthetic_filters(lib: Library) -> list[EventFilter]:
    with lib.db.read() as s:
        org = s.execute(text("SELECT organisation_id FROM event_organisations GROUP BY 1 "
                             "ORDER BY count(*) DESC, 1 LIMIT 1")).scalar_one()
        country = s.execute(text("SELECT country_id FROM event_countries GROUP BY 1 "
                                 "ORDER BY count(*) DESC, 1 LIMIT 1")).scalar_one()
    return [
        EventFilter(),
        EventFilter(organisations=(org,)),
        EventFilter(countries=(country,), kinds=("visit", "meeting", "summit")),
        EventFilter(date_from="1999", date_to="2001"),
        EventFilter(disputed=True),
        EventFilter(text="pipeline"),
        EventFilter(annotated=True),
    ]


SEED_FILTERS = [
    EventFilter(),
    EventFilter(organisations=("org-nato",)),
    EventFilter(date_from="1997", date_to="1999"),
    EventFilter(kinds=("visit", "summit"), organisations=("org-nato", "org-cis")),
    EventFilter(text="Azerbaijan"),
    EventFilter(disputed=False, countries=("AZ",)),
]


# --- the predicate -------------------------------------------------------------------------------

def test_sort_terms_are_the_sort_keys():
    for key, descending in ORDERS:
        terms = sort_terms(key, descending)
        assert ", ".join(f"{t.expr} {'DESC' if t.descending else 'ASC'}" for t in terms) \
            == order_by(key, descending).replace("e.date_start, e.id", "e.date_start ASC, e.id ASC")
        assert [t.nullable for t in terms] == [t.expr in ("e.sort_organisations", "e.sort_countries")
                                               for t in terms]


def _check_predicates(lib: Library, key: str, descending: bool, n: int) -> None:
    everything = ordered_ids(lib, key, descending)
    with lib.db.read() as s:
        for anchor in anchors(everything, n):
            at = everything.index(anchor)
            values = anchor_values(s, anchor, key)
            for after, want in ((True, everything[at + 1:]), (False, everything[:at])):
                ks = keyset(key, descending, values, after=after)
                assert ordered_ids(lib, key, descending, ks.where, ks.params) == want, (anchor, after, ks.where)
                # the segments: disjoint, each in order, following each other in the sort order
                pieces = [ordered_ids(lib, key, descending, seg, ks.params) for seg in ks.segments]
                assert [i for piece in pieces for i in piece] == want, (anchor, after, ks.segments)


@pytest.mark.parametrize(("key", "descending"), ORDERS, ids=ORDER_IDS)
def test_keyset_selects_exactly_what_comes_after_and_before_the_anchor(synthetic, seed, key, descending):
    _check_predicates(synthetic, key, descending, 40)
    _check_predicates(seed, key, descending, 65)


def test_anchors_with_null_keys_and_case_ties_are_covered(synthetic):
    """The picked anchors include the awkward cases (else the test above proves less)."""
    for key, column in (("organisations", "sort_organisations"), ("countries", "sort_countries")):
        everything = ordered_ids(synthetic, key, False)
        picked = set(anchors(everything, 40))
        with synthetic.db.read() as s:
            nulls = {r[0] for r in s.execute(text(f"SELECT id FROM events WHERE {column} IS NULL"))}
        assert picked & nulls and picked - nulls, key
    everything = ordered_ids(synthetic, "title", False)
    with synthetic.db.read() as s:
        baku = {r[0] for r in s.execute(text("SELECT id FROM events WHERE title LIKE 'summit in baku'"))}
    assert len(baku) == 120 and set(anchors(everything, 40)) & baku


def test_keyset_binds_its_values(synthetic):
    with synthetic.db.read() as s:
        values = anchor_values(s, ordered_ids(synthetic, "title", False)[10], "title")
    ks = keyset("title", False, ("x'); DROP TABLE events; --", *values[1:]))
    assert "DROP" not in ks.where and "DROP" not in " ".join(ks.segments)
    assert ks.params["_k0"] == "x'); DROP TABLE events; --"
    assert ordered_ids(synthetic, "title", False, ks.where, ks.params) == []
    with pytest.raises(ValueError):
        keyset("title", False, values[:2])
    with pytest.raises(ValueError):
        keyset("colour", False, values)


SEGMENT_INDEX = re.compile(r"^SEARCH e USING COVERING INDEX ix_events_\w+ \(")


@pytest.mark.parametrize(("key", "descending"), ORDERS, ids=ORDER_IDS)
def test_each_segment_is_one_range_of_the_sort_index(synthetic, key, descending):
    order = order_by(key, descending)
    everything = ordered_ids(synthetic, key, descending)
    with synthetic.db.read() as s:
        for anchor in anchors(everything, 6):
            values = anchor_values(s, anchor, key)
            for after in (True, False):
                ks = keyset(key, descending, values, after=after)
                for seg in ks.segments:
                    lines = [r[3] for r in s.execute(text(
                        f"EXPLAIN QUERY PLAN SELECT e.rowid FROM events e WHERE 1 = 1 AND {seg} "
                        f"ORDER BY {order} LIMIT 200"), ks.params)]
                    assert len(lines) == 1 and SEGMENT_INDEX.match(lines[0]), (seg, lines)
                # the OR form alone still reads the sort index in order, from its bound when it has one
                lines = [r[3] for r in s.execute(text(
                    f"EXPLAIN QUERY PLAN SELECT e.rowid FROM events e WHERE {ks.where} ORDER BY {order} LIMIT 200"),
                    ks.params)]
                assert not any("TEMP B-TREE" in line for line in lines), (ks.where, lines)
                assert any("INDEX ix_events_" in line for line in lines), (ks.where, lines)
                first = sort_terms(key, descending)[0].expr
                if ks.where.startswith((f"({first} >= ", f"({first} <= ")):
                    assert lines[0].startswith("SEARCH"), (ks.where, lines)


# --- row positions -------------------------------------------------------------------------------

def _check_row_index(lib: Library, filters, n: int) -> None:
    everything = ordered_ids(lib, "date", False)
    for f in filters:
        for key, descending in ORDERS:
            want = reference_positions(lib, f, key, descending)
            ordered = sorted(want, key=want.get)
            for event_id in anchors(ordered, n):
                assert lib.row_index(f, event_id, sort=key, descending=descending) == want[event_id], \
                    (f, key, descending, event_id)
            hidden = [i for i in everything if i not in want]
            for event_id in anchors(hidden, 3):
                assert lib.row_index(f, event_id, sort=key, descending=descending) is None
    assert lib.row_index(EventFilter(), "ev-does-not-exist") is None


def test_row_index_agrees_with_the_window_function_on_the_seed(seed):
    _check_row_index(seed, SEED_FILTERS, 25)


def test_row_index_agrees_with_the_window_function_on_a_synthetic_corpus(synthetic):
    _check_row_index(synthetic, _synthetic_filters(synthetic), 12)


def test_row_index_sends_no_window_function(synthetic):
    from sqlalchemy import event

    sent = []

    def record(conn, cursor, statement, *_):
        sent.append(statement)

    event.listen(synthetic.db.engine, "before_cursor_execute", record)
    try:
        everything = ordered_ids(synthetic, "kind", True)
        assert synthetic.row_index(EventFilter(), everything[-3], sort="kind", descending=True) \
            == len(everything) - 3
    finally:
        event.remove(synthetic.db.engine, "before_cursor_execute", record)
    assert sent and not any("OVER" in st.upper() for st in sent)


# --- keyset paging -------------------------------------------------------------------------------

def _walk(lib: Library, f: EventFilter, key: str, descending: bool, limit: int):
    pages, after = [], None
    while True:
        page = lib.rows(f, sort=key, descending=descending, limit=limit, after=after)
        if not page:
            return pages
        assert len(page) <= limit
        pages.append(page)
        after = page[-1].id


def _check_paging(lib: Library, filters, limit: int) -> None:
    for f in filters:
        for key, descending in ORDERS:
            offset_pages = [lib.rows(f, sort=key, descending=descending, offset=i, limit=limit)
                            for i in range(0, lib.count(f), limit)]
            assert _walk(lib, f, key, descending, limit) == offset_pages, (f, key, descending)
            assert sum(map(len, offset_pages)) == lib.count(f)


def test_keyset_pages_are_the_offset_pages_on_the_seed(seed):
    _check_paging(seed, SEED_FILTERS, 3)


@pytest.mark.parametrize("which", range(3))
def test_keyset_pages_are_the_offset_pages_on_a_synthetic_corpus(synthetic, which):
    filters = _synthetic_filters(synthetic)
    everything, rest = filters[0], filters[1:]
    _check_paging(synthetic, [everything] if which == 0 else rest[which - 1::2], 37 if which == 0 else 19)


def test_keyset_pages_over_one_large_tie(synthetic):
    """250 events on one day: tiny pages through the tie, by every key."""
    f = EventFilter(date_from="1999-05-01", date_to="1999-05-01")
    assert synthetic.count(f) >= 250
    for key, descending in ORDERS:
        full = synthetic.rows(f, sort=key, descending=descending, limit=10_000)
        assert [r for page in _walk(synthetic, f, key, descending, 2) for r in page] == full


def test_broad_text_search_walks_the_index_and_pages_alike(synthetic, monkeypatch):
    """A term in most events is served by walking the sort index (`walk_text`); a rare one by
    sorting its matches. Both page the same after an anchor as from an offset."""
    walked = []
    real = timeline.compile_filter

    def spy(f, **kw):
        walked.append(kw.get("walk_text", False))
        return real(f, **kw)

    monkeypatch.setattr(timeline, "compile_filter", spy)
    for term, walks in (("cooperation", True), ("Solana", False)):
        f = EventFilter(text=term)
        assert synthetic.count(f) > 0
        for key, descending in (("date", False), ("title", True), ("annotations", True)):
            walked.clear()
            pages = _walk(synthetic, f, key, descending, 5)
            assert walked and set(walked) == {walks}, (term, walked)
            assert [r for page in pages for r in page] == synthetic.rows(f, sort=key, descending=descending,
                                                                       limit=10_000)


def test_paging_after_an_event_the_filter_hides(synthetic):
    f = EventFilter(kinds=("visit",))
    shown = {r.id for r in synthetic.rows(f, limit=10_000)}
    for key, descending in (("date", False), ("organisations", True), ("countries", False)):
        everything = ordered_ids(synthetic, key, descending)
        hidden = next(i for i in everything[len(everything) // 3:] if i not in shown)
        want = [i for i in everything[everything.index(hidden) + 1:] if i in shown][:20]
        assert [r.id for r in synthetic.rows(f, sort=key, descending=descending, limit=20, after=hidden)] == want


def test_paging_after_an_unknown_event_gives_nothing_and_offset_is_refused_with_after(synthetic):
    assert synthetic.rows(EventFilter(), after="ev-no-such-event") == []
    first = synthetic.rows(EventFilter(), limit=1)[0].id
    with pytest.raises(ValueError):
        synthetic.rows(EventFilter(), offset=10, after=first)
