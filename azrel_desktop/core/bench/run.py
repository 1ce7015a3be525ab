"""The benchmark: how the app's own paths compare with raw SQLite doing the same work, in the
same run, on the same file.

Each measured call is run through `Library` (SQLAlchemy, dataclasses, the real filter). The
SQL it sent is recorded and replayed through the bare `sqlite3` module: that replay is the
baseline, and `ratio = app / raw` is the figure that holds up on a noisy machine.
"""

from __future__ import annotations

import csv
import io
import json
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import event

from ..query.facet_index import FacetIndex
from ..query.filters import EventFilter
from ..query.search import forget_matches
from ..query.timeline import SORT_KEYS
from ..service import Library
from . import plain_sql as bench_sql
from . import process
from .process import ProcessFigure


@dataclass
class Figure:
    name: str
    median_ms: float
    p95_ms: float
    raw_median_ms: float
    ratio: float
    runs: int
    note: str = ""
    plain_sql_ms: float | None = None  # filter+facets: the same counts by GROUP BY (bench_sql.py)
    plain_sql_ratio: float | None = None


@dataclass
class Report:
    database: str
    events: int
    machine: str
    figures: list[Figure] = field(default_factory=list)
    extra: dict = field(default_factory=dict)
    processes: list[ProcessFigure] = field(default_factory=list)  # whole processes (process.py)

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2)

    def to_text(self) -> str:
        lines = [f"{self.events} events in {self.database} on {self.machine}",
                 f"{'measure':<44} {'median ms':>10} {'p95 ms':>9} {'raw ms':>9} {'ratio':>7}"]
        for f in self.figures:
            plain = (f"  plain SQL {f.plain_sql_ms:.1f} ms, app/plain {f.plain_sql_ratio:.2f};"
                     if f.plain_sql_ms is not None else "")
            raw = (f"{f.raw_median_ms:>9.1f} {f.ratio:>7.2f}" if f.raw_median_ms == f.raw_median_ms
                   else f"{'-':>9} {'-':>7}")  # no raw replay (NaN): a whole sequence of calls
            lines.append(f"{f.name:<44} {f.median_ms:>10.1f} {f.p95_ms:>9.1f} {raw}"
                         f"{plain}{'  ' + f.note if f.note else ''}")
        if self.processes:
            lines.append(f"whole processes (median of each; ratio: wall time / a bare python+sqlite3 "
                         f"process's {self.extra.get('bare python+sqlite3 process s', '?')} s)")
            lines += [p.line() for p in self.processes]
        for key, value in self.extra.items():
            lines.append(f"{key}: {value}")
        return "\n".join(lines)


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


Statement = tuple[str, Any]  # SQL and its parameters, as the driver was given them


class _Recorder:
    """Records the statements an engine sends, to replay them raw."""

    def __init__(self, engine) -> None:
        self.statements: list[Statement] = []
        self.engine = engine
        self.active = False
        event.listen(engine, "before_cursor_execute", self._record)

    def _record(self, conn, cursor, statement, parameters, context, executemany):
        if self.active and not statement.startswith(("BEGIN", "COMMIT", "ROLLBACK", "PRAGMA")):
            self.statements.append((statement, parameters))

    def close(self) -> None:
        event.remove(self.engine, "before_cursor_execute", self._record)


def _machine() -> str:
    return f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, " \
           f"SQLite {sqlite3.sqlite_version}"


def measure(lib: Library, raw: sqlite3.Connection, name: str, call: Callable[[], object],
            repeat: int, *, before: Callable[[], object] | None = None) -> Figure:
    """`call`'s median and p95 against the SQL it sent, replayed raw. `before` runs (untimed)
    ahead of every call, e.g. to forget remembered search matches: a word searched for the
    first time."""
    rec = _Recorder(lib.db.engine)
    before = before or (lambda: None)
    try:
        call()  # warm caches, and record the SQL once
        before()
        rec.active = True
        call()
        rec.active = False
        statements = list(rec.statements)
        app, base = [], []
        for _ in range(repeat):
            before()
            start = time.perf_counter()
            call()
            app.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            for sql, params in statements:
                raw.execute(sql, params).fetchall()
            base.append((time.perf_counter() - start) * 1000)
    finally:
        rec.close()
    med, raw_med = statistics.median(app), statistics.median(base)
    return Figure(name, med, _p95(app), raw_med, med / raw_med if raw_med else float("nan"), repeat,
                  f"{len(statements)} statements")


def _plain_sql_ms(lib: Library, raw: sqlite3.Connection, f: EventFilter, repeat: int) -> float:
    """Median ms of a filter change done in plain SQL: the count and every facet by GROUP BY
    (`bench_sql`), and the first page by the app's own statements for it."""
    rec = _Recorder(lib.db.engine)
    try:
        rec.active = True
        lib.rows(f, limit=200)
        rec.active = False
    finally:
        rec.close()
    work = [(sql, params) for _name, sql, params in bench_sql.statements(f)] + rec.statements
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for sql, params in work:
            raw.execute(sql, params).fetchall()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def filters_to_measure(lib: Library) -> dict[str, EventFilter]:
    orgs = [link for link in lib.records("organisation") if not link.role]  # top level
    countries = lib.records("country")
    busiest = max(lib.facets(EventFilter()).organisations, key=lambda f: f.count).value
    return {
        "organisation (with bodies)": EventFilter(organisations=(busiest,)),
        "date window 2000–2005": EventFilter(date_from="2000", date_to="2005"),
        "kind + country": EventFilter(kinds=("visit",), countries=(countries[len(countries) // 2].id,)),
        "org + window + disputed": EventFilter(organisations=(orgs[1].id,), date_from="1995", date_to="2010",
                                               disputed=True),
        "text 'pipeline'": EventFilter(text="pipeline"),
    }


def run(db_path: Path, *, repeat: int = 7, gui: bool = False, export_rows: bool = True,
        peers: bool = False) -> Report:
    """The benchmark on the file at `db_path`: the app's calls against their SQL replayed raw,
    whole processes (the CLI always; the window with `gui`), and with `peers` the sqlite3
    command-line tool on the same file."""
    lib = Library.open(db_path)
    raw = sqlite3.connect(db_path)
    try:
        total = lib.total()
        report = Report(str(db_path), total, _machine())
        report.extra["load at start"] = process.load()
        report.extra.update(_facet_index_figures(lib, raw))
        measured = filters_to_measure(lib)
        app_s: dict[str, float] = {}
        for label, f in measured.items():
            def change(f=f):
                lib.count(f)
                lib.rows(f, limit=200)
                lib.facets(f)
            plain = _plain_sql_ms(lib, raw, f, repeat)
            figures = [measure(lib, raw, f"filter+facets: {label}", change, repeat)]
            if f.text:
                figures.append(measure(lib, raw, f"filter+facets: {label}, first time", change, repeat,
                                       before=forget_matches))
            for figure in figures:
                figure.plain_sql_ms, figure.plain_sql_ratio = round(plain, 2), figure.median_ms / plain
            report.figures += figures
            app_s[label] = figures[0].median_ms / 1000
        # "Solana" is in a handful of the corpus's events; "security" in half the synthetic ones.
        for label, words in (("rare term", "Solana"), ("two common terms", "ceasefire mediation"),
                             ("broad term", "security")):
            f = EventFilter(text=words)

            def search(f=f):
                lib.count(f)
                lib.rows(f, limit=200)
            report.figures.append(measure(lib, raw, f"search: {label}", search, repeat))
            report.figures.append(measure(lib, raw, f"search: {label}, first time", search, repeat,
                                          before=forget_matches))
        for key in SORT_KEYS:
            report.figures.append(measure(lib, raw, f"sort by {key}",
                                          partial(lib.rows, EventFilter(), sort=key, limit=200), repeat))
        report.figures.append(measure(lib, raw, "jump to middle",
                                      lambda: lib.rows(EventFilter(), offset=total // 2, limit=200), repeat))
        report.figures.append(measure(lib, raw, "jump to end",
                                      lambda: lib.rows(EventFilter(), offset=max(0, total - 200), limit=200),
                                      repeat))
        if gui:  # before the export, whose rebuild leaves a long write-ahead log while this is open
            report.extra.update(_gui_figures(db_path))
        if export_rows:
            report.extra.update(_export_figures(lib, raw))
        floor = process.floor_s(db_path, repeat)
        report.extra["bare python+sqlite3 process s"] = round(floor, 3)
        report.processes += process.cli_figures(db_path, repeat, floor,
                                                export_rows=lib.total() if export_rows else None)
        if export_rows:
            report.processes += process.edited_export_figures(db_path, floor, lib.total())
            report.processes.append(process.cold_export_figure(db_path, floor, lib.total()))
        if peers:
            exports = {p.name: p.wall_s for p in report.processes}
            app_s["export"] = exports.get("azrel export events -o FILE (rows current)", float("nan"))
            app_s["cold export"] = exports.get("azrel export events, first after a change", float("nan"))
            report.extra.update(process.peer_figures(db_path, max(1, min(repeat, 5)), rows=total, app=app_s,
                                                     filters=measured))
        report.figures += _edit_figures(lib, raw, repeat, export=export_rows)
        from . import research  # the user's own research: issue 14's targets (core/bench/research.py)

        report.extra.update(research.figures(lib, repeat=repeat, gui=gui))
        report.extra["load at end"] = process.load()
        return report
    finally:
        raw.close()
        lib.close()


def _facet_index_figures(lib: Library, raw: sqlite3.Connection) -> dict:
    """The one-off read of every event's facet options (again after each corpus change)."""
    rec = _Recorder(lib.db.engine)
    rec.active = True
    start = time.perf_counter()
    with lib.db.read() as s:
        index = FacetIndex.read(s, "bench")
    app_s = time.perf_counter() - start
    rec.close()
    start = time.perf_counter()
    for sql, params in rec.statements:
        raw.execute(sql, params).fetchall()
    raw_s = time.perf_counter() - start
    pairs = sum(len(d.codes) for d in index.dimensions.values())
    return {
        "facet index build s (once per corpus version)": round(app_s, 2),
        "facet index raw SQL s": round(raw_s, 2),
        "facet index (event, option) pairs": pairs,
        "facet index MB": round(sum(d.codes.nbytes + d.starts.nbytes for d in index.dimensions.values()) / 1e6, 1),
    }


class _Discard(io.StringIO):  # keeps nothing
    def write(self, s: str) -> int:
        return len(s)


def _replay_export(raw: sqlite3.Connection, statements: list[Statement]) -> float:
    """Seconds to run an export's recorded statements through bare `sqlite3`, writing every row
    fetched (a one-cell text row, a line already rendered, as it is; others through `csv.writer`).
    A cold export's writes replay what it wrote (the same rows, the same version), committed."""
    out = _Discard()
    writer = csv.writer(out, lineterminator="\r\n")
    start = time.perf_counter()
    for sql, params in statements:
        cursor = raw.executemany(sql, params) if isinstance(params, list) else raw.execute(sql, params)
        for row in cursor:
            if len(row) == 1 and type(row[0]) is str:
                out.write(row[0])
            else:
                writer.writerow(row)
    raw.commit()
    return time.perf_counter() - start


def _export_figures(lib: Library, raw: sqlite3.Connection) -> dict:
    """Exporting every event, cold (the stored rows out of date, as after any change to the
    corpus: they are rendered again first) and warm, each against its own SQL replayed raw."""
    from .. import derived
    from ..output.export_rows import VERSION_KEY

    def forget() -> None:
        with lib.db.write() as s:
            derived.store.forget(s, VERSION_KEY)

    figures = {}
    for label in ("cold", "warm"):
        if label == "cold":
            forget()
        rec = _Recorder(lib.db.engine)
        rec.active = True
        start = time.perf_counter()
        rows = lib.export_events(EventFilter(), _Discard())
        app_s = time.perf_counter() - start
        rec.close()
        raw_s = _replay_export(raw, rec.statements)
        # Memory in another run: tracemalloc slows Python down, so it must not touch the timing.
        if label == "cold":
            forget()
        tracemalloc.start()
        lib.export_events(EventFilter(), _Discard())
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        name = "csv export" if label == "warm" else "csv export cold (rows rendered again first)"
        figures.update({
            f"{name} rows/s": round(rows / app_s),
            f"{name} raw rows/s (same SQL, rows written as fetched)": round(rows / raw_s) if raw_s else None,
            f"{name} ratio (app time / raw time)": round(app_s / raw_s, 2) if raw_s else None,
            f"{name} peak Python memory MB": round(peak / 1e6, 1),
        })
    return figures


def _gui_figures(db_path: Path) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))

    def timed(args: list[str]) -> tuple[float, str]:
        start = time.perf_counter()
        out = subprocess.run(args, capture_output=True, text=True, env=env, check=True).stdout
        return time.perf_counter() - start, out

    base_s, _ = timed([sys.executable, "-c",
                       "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]);"
                       "print(c.execute('select count(*) from events').fetchone()[0])", str(db_path)])
    app_s, out = timed([sys.executable, "-m", "azrel_desktop.ui.tools.bench_window", str(db_path)])
    child = json.loads(out.strip().splitlines()[-1])
    # Its own run: the sequence of changes is not part of the start-up timed above.
    _, out = timed([sys.executable, "-m", "azrel_desktop.ui.tools.bench_window", str(db_path), "--changes"])
    changes = json.loads(out.strip().splitlines()[-1])
    return {
        "first window loaded": child.get("ready"),
        "first window ready (timeline, facets, chart loaded) s": child.get("window_s"),
        "whole GUI process, start to exit s": round(app_s, 2),
        "bare python+sqlite process s (baseline)": round(base_s, 2),
        "GUI process ratio (to bare process)": round(app_s / base_s, 1),
        "peak RSS with timeline open MB": child.get("peak_rss_mb_ready", child.get("peak_rss_mb")),
        "peak RSS, whole window process across the change sequence MB": changes.get("peak_rss_mb"),
        "CPU s of the window process across the change sequence": changes.get("cpu_s"),
        "longest GUI-thread stall while loading ms": child.get("max_stall_ms"),
        "longest GUI-thread stall across filter changes, typing, scrolling ms": changes.get("changes_max_stall_ms"),
        "GUI-thread stalls over 50 ms (step, ms, where the GUI thread was)": [
            f"{s['step']}: {s['ms']} ms at {(s['gui_thread'] or ['(not sampled)'])[0]}"
            for s in [*child.get("stalls", []), *changes.get("stalls", [])]],
    }


def _edit(lib: Library, n: int, *, add: bool) -> tuple[str, Callable[[], None]]:
    """One edit as a user's own record would make it: a new event with its links and a cited
    passage (`add`), or an existing event's title, kind, date and dispute changed. Returns a
    word only the edited event holds, and how to undo the edit (itself an edit, not timed)."""
    from sqlalchemy import text

    word = f"benchedit{n}x{time.monotonic_ns() % 10**9}"
    with lib.db.write() as s:
        total = s.execute(text("SELECT max(rowid) FROM events")).scalar_one()
        rowid = 1 + (n * 7919) % total
        if add:
            event = f"ev-bench-{word}"
            s.execute(text("""INSERT INTO events (id, date, date_start, date_end, precision, approximate, uncertain,
                title, summary, kind, disputed, is_seed) SELECT :id, date, date_start, date_end, precision, 0, 0,
                :title, summary, kind, 0, 0 FROM events WHERE rowid >= :r LIMIT 1"""),
                      {"id": event, "title": f"Added {word}", "r": rowid})
            for table, column, option in (("event_organisations", "organisation_id", "organisations"),
                                          ("event_countries", "country_id", "countries")):
                s.execute(text(f"INSERT INTO {table} (event_id, {column}) SELECT :e, id FROM {option} "
                               f"ORDER BY rowid LIMIT 1 OFFSET :k"), {"e": event, "k": n % 5})
            s.execute(text("INSERT INTO event_citations (event_id, passage_id, source_id, stance) "
                           "SELECT :e, id, source_id, 'supports' FROM passages WHERE rowid >= :r LIMIT 1"),
                      {"e": event, "r": rowid})

            def undo() -> None:
                with lib.db.write() as w:
                    w.execute(text("DELETE FROM events WHERE id = :e"), {"e": event})
        else:
            old = s.execute(text("SELECT id, title, kind, disputed FROM events WHERE rowid >= :r LIMIT 1"),
                            {"r": rowid}).one()
            s.execute(text("UPDATE events SET title = :t, kind = CASE kind WHEN 'visit' THEN 'meeting' "
                           "ELSE 'visit' END, disputed = NOT disputed WHERE id = :e"),
                      {"t": f"Edited {word}", "e": old.id})

            def undo() -> None:
                with lib.db.write() as w:
                    w.execute(text("UPDATE events SET title = :t, kind = :k, disputed = :d WHERE id = :e"),
                              {"t": old.title, "k": old.kind, "d": old.disputed, "e": old.id})
    return word, undo


def _edit_figures(lib: Library, raw: sqlite3.Connection, repeat: int, *, export: bool) -> list[Figure]:
    """One edit made (committed: the search index follows it in the same transaction), then the
    timeline's count and first page, the facets and a search for the edited words, as a window
    asks for them after the edit — and the first whole export after an edit, in rows/s."""
    figures = []
    everything = EventFilter()
    lib.facets(everything)
    for add in (False, True):
        label = "add one event" if add else "edit one event"
        writes, reflects, totals, ok = [], [], [], True
        for n in range(repeat):
            start = time.perf_counter()
            word, undo = _edit(lib, n, add=add)
            wrote = time.perf_counter()
            lib.count(everything)
            lib.rows(everything, limit=200)
            lib.facets(everything)
            found = lib.count(EventFilter(text=word))
            lib.rows(EventFilter(text=word), limit=200)
            done = time.perf_counter()
            ok = ok and found == 1
            writes.append((wrote - start) * 1000)
            reflects.append((done - wrote) * 1000)
            totals.append((done - start) * 1000)
            undo()
            lib.facets(everything)  # the undo taken in, untimed
        note = "write + timeline, facets, search current" + ("" if ok else "; NOT FOUND by search")
        figures.append(Figure(f"{label} -> reflected", statistics.median(totals), _p95(totals),
                              float("nan"), float("nan"), repeat,
                              f"{note}; write {statistics.median(writes):.1f} ms, "
                              f"reads {statistics.median(reflects):.1f} ms"))
    if export:
        lib.export_events(everything, _Discard())  # the stored rows current: only the edits differ
        rates, current = [], []
        for n in range(max(3, repeat // 2)):
            _word, undo = _edit(lib, 10_000 + n, add=False)
            start = time.perf_counter()
            rows = lib.export_events(everything, _Discard())
            rates.append(rows / (time.perf_counter() - start))
            start = time.perf_counter()  # and again, nothing changed since: the same machine's floor
            lib.export_events(everything, _Discard())
            current.append(rows / (time.perf_counter() - start))
            undo()
        median, floor = statistics.median(rates), statistics.median(current)
        figures.append(Figure("first export after an edit", 1000 * rows / median, 1000 * rows / min(rates),
                              float("nan"), float("nan"), len(rates),
                              f"{median:,.0f} rows/s, {rows} rows; with the rows current {floor:,.0f} rows/s "
                              f"(after an edit / current: {median / floor:.2f})"))
    return figures

