"""Whole-process measures: what a user waits for, from the process's start to its exit, with
its peak memory and CPU time, against the floor of a bare Python process reading the same
file — and, with `peers`, the sqlite3 command-line tool doing the same work on the same file.

Each command runs in a child process of its own (`child.py`), which reports its peak resident
memory and CPU seconds at exit; wall time is taken here. The machine's load average at the
time is part of the report (`load`): on a shared machine wall times stretch with it, ratios
and CPU seconds much less.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from .plain_sql import statements as plain_sql_statements

_FLOOR = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
          "print(c.execute('SELECT count(*) FROM events').fetchone()[0])")


@dataclass(frozen=True)
class ProcessFigure:
    """One command run `runs` times as its own process: medians of its wall time, CPU seconds
    and peak resident memory, and the wall time's ratio to the bare process's."""

    name: str
    wall_s: float
    cpu_s: float | None
    peak_rss_mb: float | None
    ratio: float | None
    runs: int
    rows_per_s: float | None = None
    note: str = ""

    def line(self) -> str:
        parts = [f"{self.name:<44} {self.wall_s:>7.3f} s"]
        parts.append(f"cpu {self.cpu_s:.3f} s" if self.cpu_s is not None else "cpu -")
        parts.append(f"peak {self.peak_rss_mb:.0f} MB" if self.peak_rss_mb is not None else "peak -")
        if self.ratio is not None:
            parts.append(f"ratio {self.ratio:.1f}")
        if self.rows_per_s is not None:
            parts.append(f"{self.rows_per_s:,.0f} rows/s")
        if self.note:
            parts.append(self.note)
        return "  ".join(parts)


def load() -> str:
    """The machine's load average (1, 5, 15 minutes) now, or a word saying it is unknown."""
    try:
        one, five, fifteen = os.getloadavg()
    except (AttributeError, OSError):  # Windows has none
        return "load average not available on this system"
    return f"load average {one:.2f}, {five:.2f}, {fifteen:.2f} on {os.cpu_count()} cores"


def _env() -> dict[str, str]:
    return dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))


def _run_child(module: str, args: Sequence[str]) -> tuple[float, dict]:
    """Run `python -m module args` through `child.py`: (wall seconds, its report)."""
    with tempfile.TemporaryDirectory(prefix="azrel-bench-") as folder:
        report = Path(folder) / "report.json"
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "azrel_desktop.core.bench.child", str(report), module, *args],
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=_env(), check=True)
        wall = time.perf_counter() - start
        return wall, json.loads(report.read_text(encoding="utf-8"))


def _timed(argv: Sequence[str], *, stdout=subprocess.DEVNULL, stdin=None) -> float:
    start = time.perf_counter()
    subprocess.run(list(argv), stdout=stdout, stderr=subprocess.PIPE, stdin=stdin, env=_env(), check=True)
    return time.perf_counter() - start


def floor_s(db_path: Path, repeat: int) -> float:
    """Median wall seconds of a bare Python process opening the file and counting its events."""
    return statistics.median(_timed([sys.executable, "-c", _FLOOR, str(db_path)]) for _ in range(repeat))


def _figure(name: str, runs: list[tuple[float, dict]], floor: float, rows: int | None = None,
            note: str = "") -> ProcessFigure:
    wall = statistics.median(w for w, _ in runs)
    cpus = [r["cpu_s"] for _, r in runs if r.get("cpu_s") is not None]
    peaks = [r["peak_rss_mb"] for _, r in runs if r.get("peak_rss_mb") is not None]
    return ProcessFigure(name, round(wall, 3), round(statistics.median(cpus), 3) if cpus else None,
                         max(peaks) if peaks else None, round(wall / floor, 1) if floor else None, len(runs),
                         round(rows / wall) if rows else None, note)


def cli_figures(db_path: Path, repeat: int, floor: float, *, export_rows: int | None = None) -> list[ProcessFigure]:
    """`azrel --version`, `--help`, `stats` and `export events -o FILE` as whole processes. The
    export is run once first (untimed), so the stored rows are current."""
    cli = "azrel_desktop.core.cli"
    db = ["--db", str(db_path)]
    figures = [
        _figure("azrel --version", [_run_child(cli, ["--version"]) for _ in range(repeat)], floor),
        _figure("azrel --help", [_run_child(cli, ["--help"]) for _ in range(repeat)], floor),
        _figure("azrel stats", [_run_child(cli, [*db, "stats"]) for _ in range(repeat)], floor),
    ]
    if export_rows is not None:
        with tempfile.TemporaryDirectory(prefix="azrel-bench-") as folder:
            target = Path(folder) / "events.csv"
            args = [*db, "export", "events", "-o", str(target)]
            _run_child(cli, args)  # the stored rows brought up to date
            runs = [_run_child(cli, args) for _ in range(repeat)]
        figures.append(_figure("azrel export events -o FILE (rows current)", runs, floor, export_rows))
    return figures


def cold_export_figure(db_path: Path, floor: float, rows: int) -> ProcessFigure:
    """`azrel export events -o FILE` as the first export after a change that makes every stored
    row out of date (the corpus version bumped: they are rendered again first)."""
    from .. import derived
    from ..opening import open_database
    from ..output.export_rows import VERSION_KEY

    db = open_database(db_path)
    try:
        with db.write() as s:
            derived.store.forget(s, VERSION_KEY)
    finally:
        db.close()
    with tempfile.TemporaryDirectory(prefix="azrel-bench-") as folder:
        run = _run_child("azrel_desktop.core.cli", ["--db", str(db_path), "export", "events", "-o",
                                                    str(Path(folder) / "events.csv")])
    return _figure("azrel export events, first after a change", [run], floor, rows,
                   "every stored row rendered again first")


# A typical edit, and a rarer one that shows in many rows: a title changed (and changed back
# after the export), as plain SQL through the app's own write session (the triggers log what
# it shows in). table -> the rowid of the record edited.
EDITS = {
    "one event edited": ("events", "SELECT max(rowid) FROM events"),
    "an agreement retitled": ("agreements", "SELECT a.rowid FROM agreements a JOIN event_agreements x "
                                            "ON x.agreement_id = a.id GROUP BY a.rowid ORDER BY count(*) DESC, "
                                            "a.rowid LIMIT 1"),
}


def edited_export_figures(db_path: Path, floor: float, rows: int) -> list[ProcessFigure]:
    """`azrel export events -o FILE` as the first export after each of `EDITS` (the stored rows
    of the events the edit shows in rendered again first), each made after an export left every
    stored row current; each edit is undone afterwards."""
    from sqlalchemy import text

    from ..opening import open_database

    cli = "azrel_desktop.core.cli"
    figures = []

    def retitle(table: str, rowid: int, title: str | None = None) -> str:
        db = open_database(db_path)
        try:
            with db.write() as s:
                old = s.execute(text(f"SELECT title FROM {table} WHERE rowid = :r"), {"r": rowid}).scalar_one()
                s.execute(text(f"UPDATE {table} SET title = :t WHERE rowid = :r"),
                          {"t": f"{old} (edited)" if title is None else title, "r": rowid})
                return old
        finally:
            db.close()

    with tempfile.TemporaryDirectory(prefix="azrel-bench-") as folder:
        args = ["--db", str(db_path), "export", "events", "-o", str(Path(folder) / "events.csv")]
        for label, (table, which) in EDITS.items():
            db = open_database(db_path)
            try:
                with db.read() as s:
                    rowid = s.execute(text(which)).scalar()
            finally:
                db.close()
            if rowid is None:
                continue
            _run_child(cli, args)  # every stored row current
            old = retitle(table, rowid)
            try:
                figures.append(_figure(f"azrel export events, first after {label}", [_run_child(cli, args)],
                                       floor, rows, "the rows of the events it shows in rendered again first"))
            finally:
                retitle(table, rowid, old)
    return figures


# --- peers: the sqlite3 command-line tool on the same file ---------------------------------------

_SEP = " | "
# The events export's columns, joined by SQLite alone (no notes, no formula guard, no quoting
# rules beyond the tool's own): what a user of the sqlite3 tool would write for the same table.
JOINED_EXPORT = f"""SELECT e.id, e.date, e.date_start, e.date_end, e.precision, e.date_text, e.title, e.kind,
  e.summary, e.location,
  (SELECT group_concat(o.name, '{_SEP}') FROM event_organisations x JOIN organisations o ON o.id = x.organisation_id
     WHERE x.event_id = e.id),
  (SELECT group_concat(c.name, '{_SEP}') FROM event_countries x JOIN countries c ON c.id = x.country_id
     WHERE x.event_id = e.id),
  (SELECT group_concat(p.name, '{_SEP}') FROM event_people x JOIN people p ON p.id = x.person_id
     WHERE x.event_id = e.id),
  (SELECT group_concat(a.title, '{_SEP}') FROM event_agreements x JOIN agreements a ON a.id = x.agreement_id
     WHERE x.event_id = e.id),
  (SELECT group_concat(DISTINCT s.title) FROM event_citations x JOIN sources s ON s.id = x.source_id
     WHERE x.event_id = e.id AND x.stance = 'supports'),
  (SELECT group_concat(ps.exact, '{_SEP}') FROM event_citations x JOIN passages ps ON ps.id = x.passage_id
     WHERE x.event_id = e.id AND x.stance = 'supports'),
  e.evidence, e.disputed, e.dispute_note,
  (SELECT group_concat(ps.exact, '{_SEP}') FROM event_citations x JOIN passages ps ON ps.id = x.passage_id
     WHERE x.event_id = e.id AND x.stance = 'contradicts'),
  CASE WHEN e.is_seed THEN 'corpus' ELSE 'mine' END
FROM events e ORDER BY e.date_start, e.id"""
STORED_ROWS = "SELECT head FROM export_rows ORDER BY rid"


def sqlite3_tool() -> str | None:
    """The sqlite3 command-line tool on PATH, or None."""
    return shutil.which("sqlite3")


def _tool_s(tool: str, db_path: Path, sql: str, repeat: int, out: Path) -> float:
    runs = []
    for _ in range(repeat):
        with open(out, "wb") as sink:
            runs.append(_timed([tool, "-readonly", "-csv", str(db_path), sql], stdout=sink))
    return statistics.median(runs)


def _bind(sql: str, params: dict) -> str:
    """`sql` with its named parameters written in as SQL literals, for the tool (which has no
    binding on its command line)."""
    for name in sorted(params, key=len, reverse=True):
        value = params[name]
        literal = ("NULL" if value is None else str(int(value)) if isinstance(value, bool)
                   else str(value) if isinstance(value, (int, float))
                   else "'" + str(value).replace("'", "''") + "'")
        sql = sql.replace(f":{name}", literal)
    return sql


def peer_figures(db_path: Path, repeat: int, *, rows: int, app: dict[str, float], filters: dict) -> dict:
    """The sqlite3 tool, on the same file in the same run: dumping the stored export rows, the
    joined export of the same columns, and the plain-SQL facets of each measured filter; each
    with the app's ratio to it (`app`: the app's own figures to compare, in seconds)."""
    tool = sqlite3_tool()
    if tool is None:
        return {"peers": "the sqlite3 command-line tool is not on PATH: peers not measured"}
    found: dict = {"peers: sqlite3 tool": subprocess.run([tool, "-version"], capture_output=True,
                                                        text=True).stdout.split(" ")[0]}
    with tempfile.TemporaryDirectory(prefix="azrel-bench-") as folder:
        out = Path(folder) / "out.csv"
        stored = _tool_s(tool, db_path, STORED_ROWS, repeat, out)
        joined = _tool_s(tool, db_path, JOINED_EXPORT, max(1, min(repeat, 3)), out)
        found["peers: sqlite3 dumping the stored rows s"] = round(stored, 3)
        found["peers: sqlite3 dumping the stored rows rows/s"] = round(rows / stored)
        found["peers: sqlite3 joined export (same columns) s"] = round(joined, 3)
        found["peers: sqlite3 joined export rows/s"] = round(rows / joined)
        if "export" in app:
            found["peers: azrel export (rows current) / sqlite3 dump of stored rows"] = round(app["export"] / stored, 2)
        if "cold export" in app:
            found["peers: azrel export, first after a change / sqlite3 joined export"] = round(
                app["cold export"] / joined, 2)
        for label, f in filters.items():
            script = ";\n".join(_bind(sql, params) for _name, sql, params in plain_sql_statements(f)) + ";"
            facets = _tool_s(tool, db_path, script, max(1, min(repeat, 3)), out)
            found[f"peers: sqlite3 plain-SQL facets, {label} ms"] = round(facets * 1000, 1)
            if label in app:
                found[f"peers: app filter+facets / sqlite3 plain SQL, {label}"] = round(
                    app[label] / facets, 3)
    return found


def as_dict(figures: list[ProcessFigure]) -> list[dict]:
    return [asdict(f) for f in figures]
