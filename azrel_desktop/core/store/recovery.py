"""Damaged files: moving them aside (never deleting them) and salvaging the user's own
records — notes, their tags, selected passages, user sources, and the events, agreements, steps,
memberships, organisations, countries and people they recorded with their links and citations
(of their own records and of the corpus's) — into a new file.

The seed corpus is not salvaged: it is reloaded from the shipped corpus (which keeps what the
user's records name; see corpus/seed.py).
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .files import readonly_uri

_MINE = "(SELECT id FROM {table} WHERE is_seed = 0)"
_USER_PASSAGE = "passage_id IN (SELECT id FROM passages WHERE kind = 'user')"
USER_TABLES = (
    ("sources", "is_seed = 0"),
    ("passages", "kind = 'user'"),
    ("annotations", "1 = 1"),
    ("annotation_tags", "1 = 1"),
    # the user's own records; a corpus record kept as retired goes with the records naming it
    ("organisations", "is_seed = 0 OR retired = 1"),
    ("countries", "is_seed = 0 OR retired = 1"),
    ("people", "is_seed = 0 OR retired = 1"),
    ("agreements", "is_seed = 0 OR retired = 1"),
    ("agreement_countries", "agreement_id IN " + _MINE.format(table="agreements")),
    ("agreement_organisations", "agreement_id IN " + _MINE.format(table="agreements")),
    ("agreement_steps", "is_seed = 0"),
    ("memberships", "is_seed = 0"),
    ("events", "is_seed = 0"),
    ("event_organisations", "event_id IN " + _MINE.format(table="events")),
    ("event_countries", "event_id IN " + _MINE.format(table="events")),
    ("event_people", "event_id IN " + _MINE.format(table="events")),
    ("event_agreements", "event_id IN " + _MINE.format(table="events")),
    ("event_citations", _USER_PASSAGE),
    ("step_citations", _USER_PASSAGE),
    ("membership_citations", _USER_PASSAGE),
    ("organisation_citations", _USER_PASSAGE),
    # the user's imported files and earlier versions of their texts (core/sources/)
    ("source_files", "source_id IN (SELECT id FROM sources WHERE is_seed = 0)"),
    ("source_versions", "source_id IN (SELECT id FROM sources WHERE is_seed = 0)"),
    ("passage_orphans", "passage_id IN (SELECT id FROM passages WHERE kind = 'user')"),
)
CHUNK = 200


@dataclass(frozen=True)
class SalvageReport:
    rows: dict[str, int]
    unreadable_chunks: int

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def quarantine(path: Path) -> Path:
    """Move a damaged file (and its -wal/-shm) aside under a unique name; return the new path."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix or '.sqlite3'}")
    os.replace(path, target)
    for suffix in ("-wal", "-shm"):
        extra = path.with_name(path.name + suffix)
        if extra.exists():
            os.replace(extra, target.with_name(target.name + suffix))
    return target


def _readable_rows(con: sqlite3.Connection, table: str, where: str):
    """Yield the rows of `table` that can still be read, skipping damaged stretches."""
    last = -(2**63)
    bad = 0
    while True:
        try:
            rows = con.execute(
                f"SELECT rowid, * FROM {table} WHERE rowid > ? AND ({where}) ORDER BY rowid LIMIT ?",
                (last, CHUNK)).fetchall()
        except sqlite3.DatabaseError:
            bad += 1
            if bad > 1000:
                return
            last += CHUNK
            continue
        if not rows:
            return
        for row in rows:
            yield row[1:]
        last = rows[-1][0]


def salvage(damaged: Path, target_engine) -> SalvageReport:
    """Copy the user's readable records from `damaged` into a migrated, empty database."""
    rows: dict[str, int] = {}
    unreadable = 0
    try:
        src = sqlite3.connect(readonly_uri(damaged), uri=True)
    except sqlite3.Error:
        return SalvageReport({}, 1)
    try:
        raw = target_engine.raw_connection()
        try:
            dest = raw.driver_connection
            dest.execute("PRAGMA foreign_keys = OFF")
            dest.execute("BEGIN IMMEDIATE")
            for table, where in USER_TABLES:
                try:
                    columns = [r[1] for r in src.execute(f"PRAGMA table_info({table})")]
                    wanted = [r[1] for r in dest.execute(f"PRAGMA table_info({table})")]
                except sqlite3.DatabaseError:
                    unreadable += 1
                    continue
                if "retired" in where and "retired" not in columns:  # a file from before 0009
                    where = "is_seed = 0"
                keep = [i for i, c in enumerate(columns) if c in wanted]
                if not keep:  # a file from before the table existed
                    continue
                names = ", ".join(f'"{columns[i]}"' for i in keep)
                marks = ", ".join("?" for _ in keep)
                count = 0
                for row in _readable_rows(src, table, where):
                    dest.execute(f"INSERT OR IGNORE INTO {table} ({names}) VALUES ({marks})",
                                 [row[i] for i in keep])
                    count += 1
                rows[table] = count
            dest.execute("COMMIT")
            dest.execute("PRAGMA foreign_keys = ON")
        finally:
            raw.close()
    finally:
        src.close()
    return SalvageReport(rows, unreadable)
