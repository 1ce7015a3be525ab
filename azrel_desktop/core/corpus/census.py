"""What a library holds, counted: the figures `azrel stats` (and `azrel init`) print.

The figures are plain SQL, asked through whatever runs a statement and hands back its one value
(`census(scalar)`), so the ordinary open (SQLAlchemy) and the command line's quick path (the
standard library's `sqlite3`, `quick_census`) give the same dictionary from the same statements.

`quick_census` answers only when an ordinary open would change nothing the figures read and
say nothing on standard error: the file exists at the shipped schema and holds the shipped
corpus (no upgrade, no corpus to load), is writable where it lies (no read-only notice) and is
not on a network drive (no notice about its journal). Anything else gives None, and the caller
opens the file the ordinary way. It looks at the file as any open does (`inspect_file` without
reading every page) and reads it read-only through SQLite, one snapshot for every figure.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .evidence import GRADES

# (figure, statement), in the order they are printed
FIGURES: tuple[tuple[str, str], ...] = (
    ("seed_version", "SELECT value FROM app_meta WHERE key = 'seed_version'"),
    ("sources", "SELECT count(*) FROM sources"),
    ("passages", "SELECT count(*) FROM passages WHERE kind = 'citation'"),
    ("boilerplate_spans", "SELECT count(*) FROM passages WHERE kind = 'boilerplate'"),
    ("user_passages", "SELECT count(*) FROM passages WHERE kind = 'user'"),
    ("events", "SELECT count(*) FROM events"),
    ("disputed_events", "SELECT count(*) FROM events WHERE disputed"),
    *((f"{grade}_events", f"SELECT count(*) FROM events WHERE evidence = '{grade}'") for grade in GRADES),
    ("agreements", "SELECT count(*) FROM agreements"),
    ("agreement_steps", "SELECT count(*) FROM agreement_steps"),
    ("memberships", "SELECT count(*) FROM memberships"),
    ("organisations", "SELECT count(*) FROM organisations"),
    ("countries", "SELECT count(*) FROM countries"),
    ("people", "SELECT count(*) FROM people"),
    ("annotations", "SELECT count(*) FROM annotations"),
    ("your_events", "SELECT count(*) FROM events WHERE NOT is_seed"),
    ("your_agreement_steps", "SELECT count(*) FROM agreement_steps WHERE NOT is_seed"),
    ("your_memberships", "SELECT count(*) FROM memberships WHERE NOT is_seed"),
    ("your_citations", "SELECT (SELECT count(*) FROM event_citations c JOIN passages p ON p.id = c.passage_id "
                       "WHERE p.kind = 'user') + (SELECT count(*) FROM step_citations c JOIN passages p "
                       "ON p.id = c.passage_id WHERE p.kind = 'user') + (SELECT count(*) FROM "
                       "membership_citations c JOIN passages p ON p.id = c.passage_id WHERE p.kind = 'user')"),
    ("first_event", "SELECT min(date_start) FROM events"),
    ("last_event", "SELECT max(date_start) FROM events"),
)


def census(path: Path, schema: str, scalar: Callable[[str], Any]) -> dict:
    """The figures of the library at `path` (at revision `schema`), each asked of `scalar`
    (a statement in, its single value or None out)."""
    found: dict = {"database": str(path), "schema": schema}
    for name, sql in FIGURES:
        value = scalar(sql)
        if name == "seed_version":
            value = int(value) if value is not None else None
        found[name] = value
    return found


def quick_census(path: Path) -> dict | None:
    """The figures read with `sqlite3` alone, or None when an ordinary open is needed (see the
    module's docstring)."""
    from ..store.files import connect_for_reading, file_writable, folder_writable
    from ..store.shipped import at_shipped_schema, seeded_with
    from ..store.volumes import volume_of

    try:
        shipped = at_shipped_schema(path)
        if shipped is None:
            return None
        if not (folder_writable(path.parent) and file_writable(path) and _log_files_writable(path)):
            return None
        if volume_of(path).network:
            return None
        con = connect_for_reading(path)
    except Exception:  # a damaged, busy or unusable file: the ordinary open says what is wrong
        return None
    try:
        con.isolation_level = None
        con.execute("BEGIN")  # one snapshot for every figure

        def scalar(sql: str) -> Any:
            row = con.execute(sql).fetchone()
            return row[0] if row is not None else None

        if not seeded_with(con, shipped.corpus):
            return None  # the ordinary open loads the corpus first
        return census(path, shipped.head, scalar)
    except sqlite3.Error:
        return None
    finally:
        con.close()


def _log_files_writable(path: Path) -> bool:
    """As the store's open asks: another user's `-wal` or `-shm` makes the library read-only."""
    import os

    return all(not extra.exists() or os.access(extra, os.W_OK)
               for extra in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")))
