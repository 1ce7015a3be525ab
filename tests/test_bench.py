"""The benchmark and the synthetic generator, at a small size so they cannot rot. Timings are
reported, never asserted; what is asserted is that the measured work is the real work."""

from __future__ import annotations

import json
import shutil
import sys

import pytest
from sqlalchemy import text

from azrel_desktop.core.bench import run as bench
from azrel_desktop.core.bench.synthetic import generate
from azrel_desktop.core.cli import main
from azrel_desktop.core.query.filters import EventFilter
from azrel_desktop.core.service import Library
from azrel_desktop.core.store.integrity import check_database


@pytest.fixture(autouse=True)
def few_pdfs(monkeypatch):
    """`bench run` imports 100 PDFs of 20 pages (core/bench/research.py); here 3 of 2 pages."""
    from azrel_desktop.core.bench import research

    monkeypatch.setattr(research, "PDFS", 3)
    monkeypatch.setattr(research, "PAGES", 2)


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    path = tmp_path_factory.mktemp("bench") / "small.sqlite3"
    generate(path, events=1500, seed=7).close()
    return path


def test_generator_is_deterministic_and_consistent(small, tmp_path):
    other = tmp_path / "again.sqlite3"
    generate(other, events=1500, seed=7).close()
    a, b = Library.open(small), Library.open(other)
    try:
        assert [r.id for r in a.rows(EventFilter(), limit=50)] == [r.id for r in b.rows(EventFilter(), limit=50)]
        assert a.rows(EventFilter(), limit=5) == b.rows(EventFilter(), limit=5)
        with a.db.read() as s:
            assert s.execute(text("SELECT count(*) FROM events WHERE id GLOB 'ev-[0-9][0-9][0-9][0-9][0-9][0-9][0-9]'")).scalar() == 1500
            assert check_database(s).problems == []  # every synthetic quote is at its offsets
        assert a.count(EventFilter(text="pipeline")) > 0
    finally:
        a.close()
        b.close()


def test_generated_file_keeps_its_facet_index(small):
    from azrel_desktop.core.query.facet_index import load
    from azrel_desktop.core.query.facets import versions

    lib = Library.open(small)
    try:
        with lib.db.read() as s:
            kept = load(s, versions(s)[0])
        assert kept is not None and kept.total == lib.total()
        assert dict(zip(kept.dimensions["kinds"].keys, kept.dimensions["kinds"].totals.tolist(), strict=True)) == {
            k.value: k.count for k in lib.facets(EventFilter()).kinds}
    finally:
        lib.close()


def test_generator_refuses_an_existing_file(small):
    with pytest.raises(FileExistsError):
        generate(small, events=10)


def test_benchmark_measures_every_figure(small):
    before = _fingerprint(small)
    report = bench.run(small, repeat=2)
    names = {f.name for f in report.figures}
    assert {"search: rare term", "search: broad term", "jump to middle", "jump to end"} <= names
    assert sum(n.startswith("filter+facets") for n in names) == 6  # the text filter twice
    assert sum(n.startswith("sort by") for n in names) == 9
    by_name = {f.name: f for f in report.figures}
    for figure in report.figures:  # a filter change is also timed against the same counts in plain SQL
        assert (figure.plain_sql_ms is not None and figure.plain_sql_ms > 0) == figure.name.startswith("filter+")

    def statements(name: str) -> int:
        return int(by_name[name].note.split()[0])

    # A word searched for the first time runs the search itself; again, it is remembered.
    for name in ("search: rare term", "search: broad term", "filter+facets: text 'pipeline'"):
        assert statements(f"{name}, first time") > statements(name), name
    edits = {"edit one event -> reflected", "add one event -> reflected", "first export after an edit"}
    assert edits <= names
    for name in edits - {"first export after an edit"}:  # the edited event is found by search at once
        assert "NOT FOUND" not in by_name[name].note and by_name[name].median_ms > 0
    assert float(by_name["first export after an edit"].note.split()[0].replace(",", "")) > 0
    assert _fingerprint(small) == before  # every edit undone
    for figure in report.figures:
        if figure.name in edits:
            continue
        assert figure.median_ms > 0 and figure.raw_median_ms > 0 and figure.ratio > 0
        assert "statements" in figure.note
    assert report.extra["csv export rows/s"] > 0
    exports = {p.name: p for p in report.processes}
    for label in ("one event edited", "an agreement retitled"):  # whole processes, each edit undone
        assert exports[f"azrel export events, first after {label}"].rows_per_s > 0
    assert report.extra["own event found by search each time"] is True  # the research figures are in
    assert report.extra["import imported / failed"] == "3 / 0"
    # the facet index holds a pair for every link of every event, and bodies count for parents
    lib = Library.open(small)
    with lib.db.read() as s:
        links = sum(s.execute(text(f"SELECT count(*) FROM {t}")).scalar()
                    for t in ("event_countries", "event_people", "events"))  # events: kind
    lib.close()
    assert report.extra["facet index (event, option) pairs"] > links
    assert report.extra["facet index build s (once per corpus version)"] > 0
    assert json.loads(report.to_json())["events"] == report.events


def _fingerprint(path) -> list:
    """The events as they are (their own columns and links), to see edits undone."""
    import sqlite3

    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT e.id, e.title, e.kind, e.disputed, (SELECT count(*) FROM event_countries x "
                           "WHERE x.event_id = e.id) FROM events e ORDER BY e.id").fetchall()
    finally:
        con.close()


def test_bench_commands(tmp_path, capsys):
    path = tmp_path / "cli.sqlite3"
    assert main(["--db", str(path), "bench", "generate", "--events", "300", "--seed", "3"]) == 0
    assert main(["--db", str(path), "bench", "generate", "--events", "300"]) == 2
    assert main(["--db", str(path), "bench", "run", "--repeat", "1", "--json", "--peers"]) == 0
    out = capsys.readouterr().out
    report = json.loads(out[out.index("{"):])
    assert report["events"] >= 300
    # Whole processes, each with its wall time, CPU seconds, peak memory and ratio to a bare process.
    processes = {p["name"]: p for p in report["processes"]}
    assert set(processes) == {"azrel --version", "azrel --help", "azrel stats",
                              "azrel export events -o FILE (rows current)",
                              "azrel export events, first after one event edited",
                              "azrel export events, first after an agreement retitled",
                              "azrel export events, first after a change"}
    for figure in processes.values():
        assert figure["wall_s"] > 0 and figure["cpu_s"] > 0 and figure["ratio"] > 0
        assert figure["peak_rss_mb"] > 0
    assert processes["azrel export events -o FILE (rows current)"]["rows_per_s"] > 0
    assert report["extra"]["bare python+sqlite3 process s"] > 0
    assert "load average" in report["extra"]["load at start"] or "not available" in report["extra"]["load at start"]
    # The peers: the sqlite3 tool when it is installed, else a sentence saying it is not.
    if shutil.which("sqlite3"):
        extra = report["extra"]
        assert extra["peers: sqlite3 dumping the stored rows rows/s"] > 0
        assert extra["peers: sqlite3 joined export rows/s"] > 0
        assert extra["peers: azrel export (rows current) / sqlite3 dump of stored rows"] > 0
        assert sum(key.startswith("peers: sqlite3 plain-SQL facets") for key in extra) == 5
    else:
        assert "not on PATH" in report["extra"]["peers"]


def test_bench_peers_say_so_without_the_sqlite3_tool(small, monkeypatch):
    from azrel_desktop.core.bench import process

    monkeypatch.setattr(process.shutil, "which", lambda _name: None)
    found = process.peer_figures(small, 1, rows=1, app={}, filters={})
    assert found == {"peers": "the sqlite3 command-line tool is not on PATH: peers not measured"}


def test_the_joined_export_peer_gives_a_row_per_event(small):
    """The sqlite3 tool's joined export is the same table: one row per event, the same ids."""
    import sqlite3

    from azrel_desktop.core.bench.process import JOINED_EXPORT

    con = sqlite3.connect(small)
    try:
        rows = con.execute(JOINED_EXPORT).fetchall()
        assert len(rows) == con.execute("SELECT count(*) FROM events").fetchone()[0]
        assert len(rows[0]) == 21  # the events export's columns before the notes
    finally:
        con.close()


def test_a_child_process_reports_its_own_cost(tmp_path):
    import subprocess

    report = tmp_path / "r.json"
    subprocess.run([sys.executable, "-m", "azrel_desktop.core.bench.child", str(report), "azrel_desktop.core.cli",
                    "--version"], check=True, capture_output=True, timeout=120)
    got = json.loads(report.read_text())
    assert got["code"] == 0 and got["cpu_s"] > 0 and 0 < got["peak_rss_mb"] < 500


def test_gui_figures_come_from_a_real_window(small):
    figures = bench._gui_figures(small)
    assert figures["first window loaded"] is True
    # The whole window process's peak, after the change sequence, is at least its peak when ready.
    assert figures["peak RSS, whole window process across the change sequence MB"] >= \
        figures["peak RSS with timeline open MB"] > 0
    assert figures["CPU s of the window process across the change sequence"] > 0
    assert figures["first window ready (timeline, facets, chart loaded) s"] > 0
    assert figures["GUI process ratio (to bare process)"] > 1
    assert figures["longest GUI-thread stall while loading ms"] is not None
    assert figures["longest GUI-thread stall across filter changes, typing, scrolling ms"] is not None
    assert isinstance(figures["GUI-thread stalls over 50 ms (step, ms, where the GUI thread was)"], list)


@pytest.mark.skipif(not sys.platform.startswith("linux"),
                    reason="the per-process high-water mark (VmHWM) is Linux's; elsewhere the figure is ru_maxrss")
def test_the_windows_peak_memory_is_its_own_not_the_launching_processs(small):
    ballast = b"\x01" * (600 * 2**20)  # the launching process is big (as `bench run` is at 1M)
    figures = bench._gui_figures(small)
    assert len(ballast) and 0 < figures["peak RSS with timeline open MB"] < 500


@pytest.mark.parametrize("make", [
    lambda lib: EventFilter(),
    lambda lib: EventFilter(kinds=("visit",), date_from="1995", date_to="2015"),
    lambda lib: EventFilter(organisations=(lib.records("organisation")[0].id,), disputed=False),
    lambda lib: EventFilter(text="pipeline", countries=(lib.facets(EventFilter(text="pipeline")).countries[0].value,)),
])
def test_the_plain_sql_baseline_gives_the_apps_counts(small, make):
    """The benchmark's GROUP BY baseline does the same work as the facet engine: every count agrees."""
    import sqlite3

    from azrel_desktop.core.bench.plain_sql import statements

    lib = Library.open(small)
    raw = sqlite3.connect(small)
    try:
        f = make(lib)
        facets = lib.facets(f)
        got: dict[str, dict] = {}
        for name, sql, params in statements(f):
            got[name] = {k: n for k, n in raw.execute(sql, params) if n}
        assert got["total"] == ({"total": facets.total} if facets.total else {})
        for dim in ("organisations", "countries", "people", "kinds", "sources", "tags", "years", "evidence"):
            assert got[dim] == {v.value: v.count for v in getattr(facets, dim) if v.count}, dim
        for name in ("disputed", "undisputed", "annotated"):
            n = getattr(facets, name)
            assert got[name] == ({name: n} if n else {}), name
        assert facets.total > 0
    finally:
        raw.close()
        lib.close()
