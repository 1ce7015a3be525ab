"""What the SQLite library Python was built with can do, checked once before a file is opened.

The app needs SQLite 3.27 or newer (it relies on fixes to window functions and UPSERT from
3.24-3.27), FTS5 for search, the JSON functions (`json_each`) and `INSERT … ON CONFLICT … DO
UPDATE`. python.org's builds for Windows and macOS have them all; a Python built against an old
system SQLite may not, and without this check the user would meet "no such module: fts5" in the
middle of a search. Everything is tried on an in-memory database: nothing touches a file.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from ..errors import DatabaseError

MIN_VERSION = (3, 27, 0)


@dataclass(frozen=True)
class SqliteFeatures:
    """What a SQLite library offers: its version and whether each needed feature works."""

    version: tuple[int, int, int]
    fts5: bool
    json: bool
    upsert: bool


def _works(con: sqlite3.Connection, *statements: str) -> bool:
    try:
        for sql in statements:
            con.execute(sql).fetchall()
        return True
    except sqlite3.Error:
        return False


def probe_sqlite() -> SqliteFeatures:
    """Ask the SQLite library this Python uses, on an in-memory database."""
    con = sqlite3.connect(":memory:")
    try:
        return SqliteFeatures(
            version=tuple(sqlite3.sqlite_version_info),  # type: ignore[arg-type]
            fts5=_works(con, "CREATE VIRTUAL TABLE probe_fts USING fts5(body)",
                        "INSERT INTO probe_fts VALUES ('a b')",
                        "SELECT rowid FROM probe_fts WHERE probe_fts MATCH 'b'"),
            json=_works(con, "SELECT value FROM json_each('[1, 2]')"),
            upsert=_works(con, "CREATE TABLE probe_upsert (k INTEGER PRIMARY KEY, v INTEGER)",
                          "INSERT INTO probe_upsert VALUES (1, 1)",
                          "INSERT INTO probe_upsert VALUES (1, 2) ON CONFLICT (k) DO UPDATE SET v = excluded.v"),
        )
    finally:
        con.close()


def sqlite_problem(features: SqliteFeatures) -> str | None:
    """One sentence saying what the SQLite library lacks, or None when it has everything."""
    missing = []
    if features.version < MIN_VERSION:
        missing.append(f"version {'.'.join(map(str, MIN_VERSION))} or newer (this one is "
                       f"{'.'.join(map(str, features.version))})")
    missing += [name for name, ok in (("full-text search (FTS5)", features.fts5),
                                      ("the JSON functions (json_each)", features.json),
                                      ("INSERT … ON CONFLICT DO UPDATE", features.upsert)) if not ok]
    if not missing:
        return None
    return ("AzRel Desktop needs a SQLite library with " + ", ".join(missing) + ", which the one "
            "this Python uses lacks; install Python from python.org (or a build with a newer "
            "SQLite) and run AzRel Desktop with it.")


_checked: SqliteFeatures | None = None


def ensure_sqlite_features(probe: Callable[[], SqliteFeatures] | None = None) -> None:
    """Raise `DatabaseError` with one sentence if SQLite lacks what the app needs. The real
    library is asked once per process; `probe` stands in for it (tests give an old SQLite)."""
    global _checked
    if probe is not None:
        features = probe()
    else:
        if _checked is None:
            _checked = probe_sqlite()
        features = _checked
    problem = sqlite_problem(features)
    if problem:
        raise DatabaseError(problem)
