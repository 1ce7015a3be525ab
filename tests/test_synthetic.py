"""The synthetic generator's bulk writer leaves exactly the file the app's own writes would
have made: every table, the schema (triggers and indexes put back), the search indexes, the
change log, the counters; it stays deterministic from its seed; its statistics are kept."""

from __future__ import annotations

import io
import shutil
import sqlite3
from pathlib import Path

import pytest

from azrel_desktop.core.bench.synthetic import corpus, generate
from azrel_desktop.core.cli import main
from azrel_desktop.core.query.filters import EventFilter
from azrel_desktop.core.service import Library
from azrel_desktop.core.store.integrity import check_database

EVENTS = 2_000
RANDOM_BY_DESIGN = {"search_token"}  # names the index's state for remembered matches: new on every build


def _tables(path: Path) -> dict[str, list[tuple]]:
    """Every table's rows in rowid order (the search indexes by what they hold, not how FTS5
    lays out its segments), the schema, and app_meta without its random token."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        # (a table by its columns: migrations' batch copies write a table's constraints in an
        # order that varies from one file to the next)
        out: dict[str, list[tuple]] = {
            "schema": sorted(con.execute("SELECT type, name, tbl_name, CASE type WHEN 'table' THEN NULL ELSE sql END "
                                         "FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").fetchall())}
        virtual = [n for n, in con.execute("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL%'")]
        for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"):
            if any(name.startswith(f"{v}_") for v in virtual):
                continue  # an FTS5 shadow table: compared through its virtual table
            if name == "app_meta":
                rows = con.execute("SELECT * FROM app_meta ORDER BY key").fetchall()
                out[name] = [r for r in rows if r[0] not in RANDOM_BY_DESIGN]
                continue
            out[name] = con.execute(f"SELECT rowid, * FROM {name} ORDER BY rowid").fetchall()
            out[f"{name} columns"] = con.execute(f"PRAGMA table_info({name})").fetchall()
        for word in ("pipeline", "caspian", "energy", "synthetic"):
            for v in virtual:
                out[f"{v} MATCH {word}"] = con.execute(
                    f"SELECT rowid FROM {v} WHERE {v} MATCH ? ORDER BY rowid", (word,)).fetchall()
        return out
    finally:
        con.close()


@pytest.fixture(scope="module")
def pair(tmp_path_factory) -> tuple[Path, Path]:
    """The same corpus written by the bulk writer and through the app's sessions."""
    folder = tmp_path_factory.mktemp("synthetic")
    bulk, reference = folder / "bulk.sqlite3", folder / "app.sqlite3"
    generate(bulk, events=EVENTS, seed=5).close()
    generate(reference, events=EVENTS, seed=5, through_app=True).close()
    return bulk, reference


def test_bulk_file_equals_the_file_the_app_writes(pair):
    bulk, reference = pair
    got, want = _tables(bulk), _tables(reference)
    assert set(got) == set(want)
    for name in want:
        assert got[name] == want[name], name
    assert len(got["events"]) > EVENTS and len(got["derived_log"]) > EVENTS  # the seed's and the corpus's


def test_bulk_file_answers_as_the_app_written_one(pair, tmp_path):
    # on copies: opening and exporting writes to a file (its export rows, the log pruned)
    bulk, reference = tmp_path / "bulk.sqlite3", tmp_path / "app.sqlite3"
    shutil.copyfile(pair[0], bulk)
    shutil.copyfile(pair[1], reference)
    a, b = Library.open(bulk), Library.open(reference)
    try:
        for f in (EventFilter(), EventFilter(text="pipeline"), EventFilter(organisations=("org-3",)),
                  EventFilter(kinds=("visit",), text="energy")):
            assert a.count(f) == b.count(f)
            assert a.rows(f, limit=100) == b.rows(f, limit=100)
            assert a.facets(f) == b.facets(f)
        for lib in (a, b):
            assert lib.check_whole_file().ok
            with lib.db.read() as s:
                assert check_database(s).problems == []
    finally:
        a.close()
        b.close()
    outputs = []
    for path in (bulk, reference):
        lib = Library.open(path)
        try:
            out = io.StringIO()
            lib.export_events(EventFilter(), out)
            outputs.append(out.getvalue().encode())
        finally:
            lib.close()
    assert outputs[0] == outputs[1] and outputs[0].count(b"\n") > EVENTS


def test_generator_is_deterministic_from_its_seed(tmp_path):
    one, two = tmp_path / "one.sqlite3", tmp_path / "two.sqlite3"
    generate(one, events=EVENTS // 4, seed=5).close()
    generate(two, events=EVENTS // 4, seed=5).close()
    assert _tables(one) == _tables(two)
    other = corpus(events=50, seed=6)
    assert next(other.batches).events != next(corpus(events=50, seed=5).batches).events


@pytest.mark.parametrize("through_app", [False, True])
def test_generated_file_has_planner_statistics(tmp_path, through_app):
    path = tmp_path / "stats.sqlite3"
    generate(path, events=300, seed=2, through_app=through_app).close()
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = {t for t, in con.execute("SELECT DISTINCT tbl FROM sqlite_stat1")}
    finally:
        con.close()
    assert {"events", "event_organisations", "event_citations", "passages"} <= tables


def test_cli_generate_writes_statistics_and_a_wal_file(tmp_path):
    path = tmp_path / "cli.sqlite3"
    assert main(["--db", str(path), "bench", "generate", "--events", "200", "--seed", "4"]) == 0
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"  # as the app keeps every file
        assert con.execute("SELECT count(*) FROM sqlite_stat1").fetchone()[0] > 0
        assert con.execute("SELECT count(*) FROM events WHERE id GLOB 'ev-[0-9][0-9][0-9][0-9][0-9][0-9][0-9]'").fetchone()[0] == 200
    finally:
        con.close()
