"""Derived data kept incrementally (core/derived): after any sequence of edits — events added,
changed and deleted, links made and undone, organisations added, notes written — the facet
index, the stored export rows and the search index are what a full rebuild gives."""

from __future__ import annotations

import io
import sqlite3
import uuid

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from azrel_desktop.core import derived
from azrel_desktop.core.derived.store import FACETS_SEQ, SEARCH_ROWS
from azrel_desktop.core.output import export_rows
from azrel_desktop.core.query import facet_index
from azrel_desktop.core.query.facet_index import FacetIndex, Notes
from azrel_desktop.core.query.filters import EventFilter
from azrel_desktop.core.query.search import forget_matches

KINDS = ("visit", "meeting", "summit", "statement", "ratification")
DATES = (("1994", "1994-01-01", "1994-12-31", "year"),
         ("1997-05-04", "1997-05-04", "1997-05-04", "day"),
         ("1998-21", "1998-03-01", "1998-05-31", "season"),
         ("2002/2003", "2002-01-01", "2003-12-31", "interval"),
         ("2031-02", "2031-02-01", "2031-02-28", "month"))
OPS = ("insert", "update", "delete", "link", "unlink", "organisation", "note", "cite", "title", "rename", "origin",
       "agreement", "uncite", "reparent", "drop")

operation = st.tuples(st.sampled_from(OPS), st.integers(0, 10**6), st.integers(0, 10**6),
                      st.sampled_from(KINDS), st.integers(0, len(DATES) - 1), st.booleans())


def _ids(s, sql: str) -> list[str]:
    return [r for r, in s.execute(text(sql))]


def apply(lib, op: tuple) -> None:
    """One edit, written as plain SQL through the app's write session (as any writer would)."""
    name, a, b, kind, d, flag = op
    date, start, end, precision = DATES[d]
    if name == "note":
        with lib.db.read() as s:
            events = _ids(s, "SELECT id FROM events ORDER BY rowid")
        lib.add_annotation("event", events[a % len(events)], f"note {a}", tags=[f"tag-{b % 3}"])
        return
    with lib.db.write() as s:
        events = _ids(s, "SELECT id FROM events ORDER BY rowid")
        orgs = _ids(s, "SELECT id FROM organisations ORDER BY rowid")
        countries = _ids(s, "SELECT id FROM countries ORDER BY rowid")
        event = events[a % len(events)]
        if name == "insert":
            event = f"ev-h-{uuid.uuid4().hex[:8]}"
            s.execute(text("""INSERT INTO events (id, date, date_start, date_end, precision, approximate, uncertain,
                title, summary, kind, disputed, is_seed) VALUES (:id, :date, :start, :end, :p, 0, 0, :title,
                'zanzibar quill', :kind, :flag, 0)"""), dict(id=event, date=date, start=start, end=end, p=precision,
                                                              title=f"Hypothetical {a}", kind=kind, flag=flag))
            s.execute(text("INSERT INTO event_organisations (event_id, organisation_id) VALUES (:e, :o)"),
                      {"e": event, "o": orgs[b % len(orgs)]})
            s.execute(text("INSERT INTO event_countries (event_id, country_id) VALUES (:e, :c)"),
                      {"e": event, "c": countries[a % len(countries)]})
        elif name == "update":
            s.execute(text("UPDATE events SET kind = :kind, date = :date, date_start = :start, date_end = :end, "
                           "precision = :p, disputed = :flag, title = title || ' (edited)' WHERE id = :id"),
                      dict(id=event, date=date, start=start, end=end, p=precision, kind=kind, flag=flag))
        elif name == "origin":
            s.execute(text("UPDATE events SET is_seed = NOT is_seed WHERE id = :id"), {"id": event})
        elif name == "title":
            s.execute(text("UPDATE events SET title = :t, summary = 'xylophone' WHERE id = :id"),
                      {"id": event, "t": f"Retitled {b}"})
        elif name == "delete":
            s.execute(text("DELETE FROM events WHERE id = :id"), {"id": event})
        elif name == "link":
            s.execute(text("INSERT OR IGNORE INTO event_countries (event_id, country_id) VALUES (:e, :c)"),
                      {"e": event, "c": countries[b % len(countries)]})
            s.execute(text("INSERT OR IGNORE INTO event_people (event_id, person_id) "
                           "SELECT :e, id FROM people ORDER BY rowid LIMIT 1 OFFSET :n"),
                      {"e": event, "n": b % 5})
        elif name == "unlink":
            s.execute(text("DELETE FROM event_organisations WHERE event_id = :e"), {"e": event})
            s.execute(text("DELETE FROM event_countries WHERE rowid IN (SELECT rowid FROM event_countries "
                           "WHERE event_id = :e LIMIT 1)"), {"e": event})
        elif name == "organisation":  # a new body of an existing organisation, linked at once
            org = f"org-h-{uuid.uuid4().hex[:8]}"
            s.execute(text("INSERT INTO organisations (id, name, abbreviation, aliases, kind, parent_id, is_seed) "
                           "VALUES (:id, :name, NULL, '[]', 'body', :parent, 0)"),
                      {"id": org, "name": f"Body {b}", "parent": orgs[b % len(orgs)] if flag else None})
            s.execute(text("INSERT INTO event_organisations (event_id, organisation_id) VALUES (:e, :o)"),
                      {"e": event, "o": org})
        elif name == "rename":  # an option's label: a country, an organisation's abbreviation, a source
            s.execute(text("UPDATE countries SET name = :n WHERE id = :c"),
                      {"n": f"Country {b}", "c": countries[b % len(countries)]})
            s.execute(text("UPDATE organisations SET abbreviation = :n WHERE id = :o"),
                      {"n": f"O{b}" if flag else None, "o": orgs[a % len(orgs)]})
            s.execute(text("UPDATE sources SET title = :t, kind = :k WHERE rowid = "
                           "(SELECT rowid FROM sources ORDER BY rowid LIMIT 1 OFFSET :n)"),
                      {"t": f"Source {a}", "k": "report" if flag else "news", "n": a % 5})
        elif name == "agreement":  # a linked agreement's new title (0016: its events' rows only)
            s.execute(text("UPDATE agreements SET title = :t WHERE rowid = "
                           "(SELECT a.rowid FROM agreements a JOIN event_agreements x ON x.agreement_id = a.id "
                           "ORDER BY a.rowid LIMIT 1 OFFSET :n)"), {"t": f"Accord {b}", "n": b % 5})
        elif name == "uncite":  # a cited passage deleted, its citations first (as the foreign keys ask)
            passage = s.execute(text("SELECT passage_id FROM event_citations ORDER BY rowid LIMIT 1 OFFSET :n"),
                                {"n": b % 40}).scalar()
            s.execute(text("DELETE FROM annotations WHERE target_kind = 'passage' AND target_id = :p"), {"p": passage})
            s.execute(text("DELETE FROM event_citations WHERE passage_id = :p"), {"p": passage})
            for table in ("step_citations", "membership_citations", "organisation_citations"):
                s.execute(text(f"DELETE FROM {table} WHERE passage_id = :p"), {"p": passage})
            s.execute(text("DELETE FROM passages WHERE id = :p"), {"p": passage})
        elif name == "reparent":  # an organisation's new parent: its facets, no export row
            s.execute(text("UPDATE organisations SET parent_id = :p WHERE id = :o AND :p <> :o"),
                      {"o": orgs[a % len(orgs)], "p": orgs[b % len(orgs)] if flag else None})
        elif name == "drop":  # a person unlinked from every event and deleted
            person = s.execute(text("SELECT person_id FROM event_people ORDER BY rowid LIMIT 1 OFFSET :n"),
                               {"n": b % 20}).scalar()
            s.execute(text("DELETE FROM event_people WHERE person_id = :p"), {"p": person})
            s.execute(text("DELETE FROM people WHERE id = :p"), {"p": person})
        elif name == "cite":
            s.execute(text("INSERT OR IGNORE INTO event_citations (event_id, passage_id, source_id, stance) "
                           "SELECT :e, id, source_id, :stance FROM passages ORDER BY rowid LIMIT 1 OFFSET :n"),
                      {"e": event, "n": b % 40, "stance": "supports" if flag else "contradicts"})


FILTERS = (EventFilter(), EventFilter(kinds=("visit", "ratification")), EventFilter(disputed=True),
           EventFilter(date_from="1997", date_to="2003"), EventFilter(organisations=("org-nato",)),
           EventFilter(annotated=True), EventFilter(tags=("tag-1",)), EventFilter(text="zanzibar"),
           EventFilter(countries=("AM", "RU"), date_from="1998"), EventFilter(origins=("mine",)))


def _rows_by_event(index: FacetIndex) -> dict:
    """Each event's options per dimension, by key (what the arrays say, whatever the codes)."""
    out = {}
    for name, d in index.dimensions.items():
        out[name] = {r: sorted(d.keys[c] for c in d.codes[d.starts[r]:d.starts[r + 1]])
                     for r in range(len(d.lengths)) if d.lengths[r]}
    return out


def assert_current(lib) -> None:
    forget_matches()
    with lib.db.read() as s:
        kept, notes = lib._facets.get(s)  # the cache the app uses, patched since its first read
        now = derived.state(s)
        full = FacetIndex.read(s, now.corpus, now.seq)
        full_notes = Notes(s, full, notes.version)
        assert kept.seq == now.seq
        assert _rows_by_event(kept) == _rows_by_event(full)
        assert kept.total == full.total
        assert np.array_equal(np.flatnonzero(kept.disputed), np.flatnonzero(full.disputed))
        # a patched index keeps the rowids of events deleted at the end: none of them exists
        assert not kept.exists[full.size:].any()
        if kept.days is not None and full.days is not None:
            for mine, theirs in zip(kept.days, full.days, strict=True):
                assert np.array_equal(mine[:full.size][full.exists], theirs[full.exists])
        for f in FILTERS:
            assert facet_index.count(s, f, kept, notes) == facet_index.count(s, f, full, full_notes), f
        # the search index: every event's row as a full rebuild writes it, and no other row
        indexed = s.execute(text("SELECT rowid, event_id, title, summary, quotes, notes FROM event_fts "
                                 "ORDER BY rowid")).all()
        assert indexed == s.execute(text(SEARCH_ROWS + " ORDER BY e.rowid")).all()
    # the export: the stored rows, brought up to date, against every row rendered again
    incremental = io.StringIO(newline="")
    lib.export_events(EventFilter(), incremental)
    with lib.db.read() as s:
        assert export_rows.is_current(s)
    with lib.db.write() as s:
        derived.store.forget(s, export_rows.VERSION_KEY)
    again = io.StringIO(newline="")
    lib.export_events(EventFilter(), again)
    assert incremental.getvalue() == again.getvalue()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=st.lists(operation, min_size=1, max_size=6))
def test_incremental_derived_data_equals_a_full_rebuild(seeded_template, tmp_path_factory, ops):
    from azrel_desktop.core.service import Library

    path = tmp_path_factory.mktemp("derived") / "azrel.sqlite3"
    src, dst = sqlite3.connect(seeded_template), sqlite3.connect(path)  # each example its own file
    src.backup(dst)
    src.close()
    dst.close()
    lib = Library.open(path)
    try:
        lib.facets(EventFilter())  # the index in memory, to be patched
        lib.export_events(EventFilter(), io.StringIO())  # the stored rows, to be brought up to date
        for op in ops:
            apply(lib, op)
            lib.facets(EventFilter(kinds=("visit",)))  # patched between edits too, not only at the end
        assert_current(lib)
    finally:
        lib.close()


def test_one_edit_patches_the_facet_index_instead_of_reading_it(fresh_library, sql_sent):
    lib = fresh_library
    before = lib.facets(EventFilter()).total
    apply(lib, ("insert", 3, 4, "visit", 1, False))
    sent = sql_sent(lib, lambda: lib.facets(EventFilter()))
    assert not any("GROUP BY x.organisation_id" in s for s in sent), sent  # no full read
    assert any("json_each" in s for s in sent)  # the changed event's own rows
    assert lib.facets(EventFilter()).total == before + 1
    assert lib.count(EventFilter(text="zanzibar")) == 1  # searchable at once


def test_the_kept_index_is_patched_at_the_next_start(fresh_library, tmp_path, sql_sent):
    """A stored index is loaded and brought up to date from the log, not read again, and kept
    again so that the next start need not patch it."""
    from azrel_desktop.core.service import Library

    lib = fresh_library
    lib.facets(EventFilter())
    path = lib.path
    lib.close()
    con = sqlite3.connect(path)
    with con:
        con.execute("UPDATE events SET kind = 'ratification' WHERE rowid = (SELECT min(rowid) FROM events)")
    con.close()
    lib = Library.open(path)
    try:
        statements = sql_sent(lib, lambda: lib.facets(EventFilter()))
        assert any("json_each" in s for s in statements)  # the logged event's options read
        assert not any("GROUP BY x.organisation_id" in s for s in statements)  # not the whole index
        with lib.db.read() as s:
            index, _notes = lib._facets.get(s)
            assert index.seq == derived.state(s).seq == derived.state(s).number(FACETS_SEQ)
        assert [v.count for v in lib.facets(EventFilter()).kinds if v.value == "ratification"] == [1]
        # another program's edit was taken into the search index when the file was opened
        with lib.db.read() as s:
            now = derived.state(s)
            assert now.number(derived.SEARCH_SEQ) == now.seq
    finally:
        lib.close()


def test_every_piece_of_derived_data_is_registered_with_functions_that_exist():
    import importlib
    from pathlib import Path

    names = {p.name for p in derived.PIECES}
    assert names == {"search index", "facet index", "sort keys", "export rows", "source search index"}
    for piece in derived.PIECES:
        for where in (piece.rebuild, piece.update):
            if ":" not in where:  # kept by triggers: the migration that makes them
                assert (Path(__file__).resolve().parent.parent / where).is_file(), where
                continue
            module, name = where.split(":")
            found = importlib.import_module(module)
            for part in name.split("."):
                found = getattr(found, part)
            assert callable(found), where


def test_the_sort_keys_rebuilt_equal_those_the_triggers_keep(fresh_library):
    lib = fresh_library
    apply(lib, ("insert", 3, 4, "visit", 1, False))
    apply(lib, ("unlink", 5, 1, "visit", 1, False))
    keys = "SELECT id, sort_organisations, sort_countries, source_count, annotation_count FROM events ORDER BY id"
    with lib.db.read() as s:
        kept = s.execute(text(keys)).all()
    with lib.db.write() as s:
        derived.store.rebuild_sort_keys(s)
        assert s.execute(text(keys)).all() == kept


@pytest.mark.parametrize("sql, read_again", [
    ("UPDATE organisations SET name = 'Renamed', abbreviation = 'RN' WHERE id = 'org-nato'", False),
    ("UPDATE sources SET title = 'Renamed source' WHERE rowid = 1", False),
    ("UPDATE organisations SET parent_id = NULL WHERE parent_id IS NOT NULL AND rowid = "
     "(SELECT min(rowid) FROM organisations WHERE parent_id IS NOT NULL)", True),
    ("DELETE FROM countries WHERE id NOT IN (SELECT country_id FROM event_countries) "
     "AND id NOT IN (SELECT country_id FROM memberships) AND id NOT IN "
     "(SELECT country_id FROM agreement_countries) AND id NOT IN "
     "(SELECT coalesce(country_id, '') FROM agreement_steps)", True),
])
def test_a_change_to_an_option_list(fresh_library, sql_sent, sql, read_again):
    """A new label is patched in (the list read again, the linked events' rows rendered again);
    a new parent or a deleted option has the whole index read again. Either way the result is
    what a full rebuild gives."""
    lib = fresh_library
    lib.facets(EventFilter())
    lib.export_events(EventFilter(), io.StringIO())
    with lib.db.write() as s:
        assert s.execute(text(sql)).rowcount > 0
    sent = sql_sent(lib, lambda: lib.facets(EventFilter()))
    assert any("GROUP BY x.organisation_id" in s for s in sent) == read_again, sent
    assert_current(lib)


def test_a_read_only_file_patches_its_facets_in_memory_and_exports_from_its_own_rows(fresh_library):
    """Nothing can be written: the facets are patched in memory, and the export renders its own
    rows rather than use stored ones that miss the edit."""
    from azrel_desktop.core.opening import open_database
    from azrel_desktop.core.service import Library

    lib = fresh_library
    lib.facets(EventFilter())
    lib.export_events(EventFilter(), io.StringIO())
    path = lib.path
    lib.close()
    con = sqlite3.connect(path)
    with con:
        con.execute("UPDATE events SET kind = 'ratification', title = '=read only' "
                    "WHERE rowid = (SELECT min(rowid) FROM events)")
    con.close()
    ro = Library(open_database(path, readonly=True))
    try:
        assert ro.readonly
        assert [v.count for v in ro.facets(EventFilter()).kinds if v.value == "ratification"] == [1]
        with ro.db.read() as s:
            index, _notes = ro._facets.get(s)
            assert index.patched_rows == 1
        out = io.StringIO(newline="")
        ro.export_events(EventFilter(kinds=("ratification",)), out)
        assert "'=read only" in out.getvalue()
    finally:
        ro.close()


def test_the_source_search_index_rebuilt_equals_the_one_the_triggers_keep(fresh_library):
    lib = fresh_library
    with lib.db.write() as s:
        s.execute(text("UPDATE sources SET title = title || ' (Bakı)' WHERE rowid = 1"))
    rows = "SELECT rowid, source_id, title, body FROM source_fts ORDER BY rowid"
    with lib.db.read() as s:
        kept = s.execute(text(rows)).all()
    assert any("(Baki)" in r.title for r in kept)  # folded as the search folds it
    with lib.db.write() as s:
        derived.store.rebuild_source_search(s)
        assert s.execute(text(rows)).all() == kept


def test_taking_in_the_log_seeks_the_rows_after_the_sequence_by_its_index(fresh_library):
    """Every write takes in the events logged since the search index's sequence; read in rowid
    order, SQLite scanned the whole log (a row per event: 28 ms of each edit at 100,000 events)."""
    from sqlalchemy import event as sa_event

    from azrel_desktop.core.research.drafts import Cite, EventDraft

    plans = []

    def record(conn, cursor, statement, parameters, context, executemany):
        if "FROM derived_log WHERE seq >" in statement:
            plans.append([r[3] for r in cursor.connection.execute("EXPLAIN QUERY PLAN " + statement, parameters)])

    source = fresh_library.records("source")[0].id
    sa_event.listen(fresh_library.db.engine, "before_cursor_execute", record)
    try:
        fresh_library.create_event(EventDraft("Logged", "2024", "meeting"), [Cite(source, 0, 10)])
    finally:
        sa_event.remove(fresh_library.db.engine, "before_cursor_execute", record)
    assert plans and all(any("INDEX ix_derived_log_seq" in line for line in plan) for plan in plans), plans


@pytest.mark.parametrize("change", ["agreement", "uncite", "reparent", "drop"])
def test_a_rare_change_renders_again_only_the_rows_it_shows_in(fresh_library, change):
    """An agreement's new title, a deleted passage, an organisation's new parent, a deleted
    person: the stored export rows of the events linked to it are rendered again, not every row
    (migration 0016), and the export is what a full rebuild gives."""
    lib = fresh_library
    lib.export_events(EventFilter(), io.StringIO())  # the stored rows current
    with lib.db.read() as s:
        events = s.execute(text("SELECT count(*) FROM events")).scalar_one()
        version = export_rows.version(s)[0]
    apply(lib, (change, 1, 2, "visit", 0, True))
    with lib.db.write() as s:
        assert export_rows.version(s)[0] == version  # no counter moved for the export
        rendered = export_rows.catch_up(s)
    assert rendered is not None and rendered < events // 2
    if change == "reparent":
        assert rendered == 0
    else:
        assert rendered > 0
    assert_current(lib)
