"""Where a filter dimension's events come from when facets are counted: the facet index and the
notes (no SQL) for the option dimensions, disputed, tags and annotated — each checked against
the filter's own SQL — and the remembered search matches (core/search.py), which must follow
every change to the search index. Also the lazy option lists (`FacetOptions`)."""

from __future__ import annotations

import sqlite3

import numpy as np
import pytest
from sqlalchemy import event, text

from azrel_desktop.core.query import facet_index
from azrel_desktop.core.query.facets import FacetOptions, FacetValue
from azrel_desktop.core.query.filters import DIMENSIONS, EventFilter, compile_filter
from azrel_desktop.core.service import Library


def _sql_rowids(session, f: EventFilter) -> set[int]:
    c = compile_filter(f)
    return {r[0] for r in session.execute(text(f"SELECT e.rowid FROM events e WHERE {c.where}"), c.params)}


def _fts(statements: list[str]) -> list[str]:
    return [s for s in statements if "MATCH" in s]


def test_each_dimension_from_the_index_is_what_its_sql_selects(fresh_library):
    lib = fresh_library
    with lib.db.read() as s:
        passage, cited_by = s.execute(text("SELECT passage_id, event_id FROM event_citations "
                                           "WHERE passage_id IS NOT NULL LIMIT 1")).one()
        some = [r[0] for r in s.execute(text("SELECT id FROM events ORDER BY id LIMIT 3"))]
    lib.add_annotation("event", some[0], "on the event", tags=["a", "b"])
    lib.add_annotation("event", some[1], "another", tags=["b"])
    lib.add_annotation("passage", passage, "on a passage", tags=["c"])
    choices = {"organisations": [("org-nato",), ("org-nato-pa", "org-cis"), ("no-such-org",)],
               "countries": [("AZ",), ("AZ", "AM")], "kinds": [("visit",), ("summit", "signing")],
               "tags": [("a",), ("b",), ("c",), ("a", "c"), ("nobody-uses",)],
               "evidence": [("contested",), ("single_source", "uncorroborated"), ("corroborated",)]}
    with lib.db.read() as s:
        index, notes = lib._facets.get(s)
        for dim in ("people", "sources"):
            keys = index.dimensions[dim].keys
            choices[dim] = [(keys[0],), tuple(keys[1:4])]
        cases = [EventFilter(**{dim: values}) for dim, options in choices.items() for values in options]
        cases += [EventFilter(disputed=True), EventFilter(disputed=False), EventFilter(annotated=True)]
        for f in cases:
            (dim,) = [d for d in DIMENSIONS if not f.only(d).is_empty]
            got = set(np.flatnonzero(facet_index._mask(s, f, dim, index, notes)).tolist())
            assert got == _sql_rowids(s, f), f
        assert _sql_rowids(s, EventFilter(tags=("c",))) >= {
            s.execute(text("SELECT rowid FROM events WHERE id = :i"), {"i": cited_by}).scalar_one()}


def test_a_filter_of_several_dimensions_is_counted_as_sql_counts_it(fresh_library, sql_count):
    lib = fresh_library
    f = EventFilter(organisations=("org-nato",), kinds=("visit", "summit", "meeting"), disputed=False,
                    date_from="1995", text="NATO")
    facets = lib.facets(f)
    assert facets.total == sql_count(lib, f) > 0
    for dim in ("organisations", "kinds", "countries"):
        for option in getattr(facets, dim)[:4]:
            assert option.count == sql_count(lib, f.without(dim).toggled(dim, option.value)), (dim, option)


def test_a_remembered_search_follows_a_note_edited_here_elsewhere_or_restored(fresh_library, sql_count, tmp_path):
    lib = fresh_library
    zebra, okapi = EventFilter(text="zebra"), EventFilter(text="okapi")
    backup = lib.backup(tmp_path / "before.sqlite3")
    assert lib.count(zebra) == 0
    view, _ = lib.add_annotation("event", "ev-1996-pfp-implementation-begins", "a zebra")
    assert lib.count(zebra) == lib.facets(zebra).total == 1
    # the body of a note is in the search index but not followed by the notes version
    lib.update_annotation(view.id, "an okapi")
    assert (lib.count(zebra), lib.count(okapi)) == (0, 1)
    other = Library.open(lib.path)  # another window or the command line
    try:
        other.update_annotation(view.id, "a zebra again")
    finally:
        other.close()
    assert (lib.count(zebra), lib.count(okapi)) == (1, 0) == (sql_count(lib, zebra), sql_count(lib, okapi))
    assert lib.facets(zebra).total == 1 and lib.facets(okapi).total == 0
    lib.restore(backup.path)
    assert lib.count(zebra) == lib.facets(zebra).total == 0


def test_a_filter_change_runs_the_search_once(fresh_library, sql_sent):
    lib = fresh_library
    f = EventFilter(text="agreement")

    def change():
        lib.count(f)
        lib.rows(f, limit=200)
        lib.facets(f)

    first = _fts(sql_sent(lib, change))
    assert sum("group_concat(rowid) FROM event_fts" in s for s in first) == 1
    assert not any("count(*) FROM event_fts" in s for s in first)
    again = _fts(sql_sent(lib, change))
    assert not any("group_concat(rowid) FROM event_fts" in s for s in again)
    assert lib.count(f) == lib.facets(f).total > 0


def test_a_file_indexed_before_the_token_gets_one_and_then_remembers(fresh_library, changed_while_closed, sql_sent):
    path = changed_while_closed(fresh_library, "DELETE FROM app_meta WHERE key = 'search_token'")
    lib = Library.open(path)
    try:
        with lib.db.read() as s:
            assert s.execute(text("SELECT value FROM app_meta WHERE key = 'search_token'")).scalar()
        lib.count(EventFilter(text="treaty"))
        assert not _fts(sql_sent(lib, lambda: lib.count(EventFilter(text="treaty"))))
    finally:
        lib.close()


@pytest.fixture
def options() -> FacetOptions:
    keys = ["s1", "s2", "s3", "s4"]
    labels = ["Alpha report", "Beta memo", "Gamma REPORT", "Delta"]
    return FacetOptions(keys, labels, ["", "", "d", ""], [5, 0, 9, 2], [2, 0, 3])  # s2 not listed


def test_options_are_a_sequence_made_on_demand(options):
    assert len(options) == 3
    assert options[0] == FacetValue("s3", "Gamma REPORT", 9, "d")
    assert options[:2] == [FacetValue("s3", "Gamma REPORT", 9, "d"), FacetValue("s1", "Alpha report", 5)]
    assert options[-1].value == "s4"
    assert [o.value for o in options] == ["s3", "s1", "s4"]
    assert options == list(options) and options != list(options)[:2]
    assert FacetOptions.of(list(options)) == options


def test_options_are_found_by_value_and_by_name(options):
    assert options.get("s4") == FacetValue("s4", "Delta", 2)
    assert options.get("s2") is None  # not listed
    assert options.matching("report") == ([options[0], options[1]], 2)
    assert options.matching("REPORT", limit=1) == ([options[0]], 2)
    assert options.matching("s4") == ([options[2]], 1)  # by value too
    assert options.matching("  ") == (list(options), 3)
    assert options.matching("beta") == ([], 0)


def test_library_count_comes_from_the_engine_only_when_it_is_loaded_and_current(fresh_library, sql_count):
    lib = fresh_library
    f = EventFilter(organisations=("org-nato",), disputed=False)

    def counts_in_sql() -> bool:
        seen: list[str] = []

        def record(conn, cursor, statement, *args):
            seen.append(statement)

        event.listen(lib.db.engine, "before_cursor_execute", record)
        try:
            n = lib.count(f)
        finally:
            event.remove(lib.db.engine, "before_cursor_execute", record)
        assert n == sql_count(lib, f) > 0
        return any(s.startswith("SELECT count(*) FROM events") for s in seen)

    assert counts_in_sql()  # nothing loaded yet: the count does not wait for the engine
    lib.facets(EventFilter())
    assert not counts_in_sql()
    con = sqlite3.connect(lib.path)
    with con:
        con.execute("DELETE FROM event_organisations WHERE rowid = (SELECT min(rowid) FROM event_organisations "
                    "WHERE organisation_id = 'org-nato')")
    con.close()
    assert counts_in_sql()  # changed elsewhere: SQL until the engine has read the change
    lib.facets(EventFilter())
    assert not counts_in_sql()
    assert lib.count(EventFilter(date_from="1999")) == sql_count(lib, EventFilter(date_from="1999"))
