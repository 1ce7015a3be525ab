"""The command line's fast events export: `azrel export events` when the file's stored rows are
current, streamed from SQLite with the standard library's `sqlite3` alone (no SQLAlchemy, numpy
or models are imported), a page at a time.

It answers only when it can give exactly what `export.export_events` gives after `keep_rows`:
the file is at the shipped schema and corpus, its stored heads are current by the derived-data
bookkeeping (`export_notes.heads_current` on the same `State` the app reads), every event of
the filter has its stored head, and the filter compiles to plain SQL with bound parameters (no
search, no names to look up). Anything else returns None before a byte is written, and the
caller takes the ordinary path. The file is opened read-only through the store's URI helpers,
after the same look at what opening reads (`inspect_file`) as any open.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from ..derived.store import STATE_SQL, state_of
from ..query.filters import EventFilter, compile_filter, describe_with
from ..query.sorting import order_by
from ..store.files import connect_for_reading, file_writable, folder_writable, sqlite_uri
from ..store.shipped import at_shipped_schema, seeded_with
from .export_cells import LongCells, writer
from .export_heads import catch_up_heads
from .export_notes import BODIES_SQL, NO_NOTES, TAGS_SQL, heads_current, note_tails

PAGE = 500
CATCH_UP_AT_MOST = 20_000  # events: more are left to the ordinary export, which says how far it is
BUSY_TIMEOUT_S = 5.0  # as long as another writer may keep the file busy before this gives up
# The events export's header (export.EVENT_COLUMNS; a test keeps the two the same).
EVENT_COLUMNS = (
    "id", "date", "date_start", "date_end", "precision", "date_text", "title", "kind", "summary",
    "location", "organisations", "countries", "people", "agreements", "sources", "quotes",
    "evidence", "disputed", "dispute_note", "contradicting_quotes", "origin", "tags", "annotations",
)


class Unpaired(Exception):
    """An event of the export has no stored head paired with it: the ordinary path renders it."""


class FastExport:
    """An open, read-only snapshot of the file that can export the filter's events from its
    stored rows; `open` gives None when it cannot."""

    def __init__(self, con: sqlite3.Connection, f: EventFilter, sort: str, descending: bool) -> None:
        self.con, self.f = con, f
        c = compile_filter(f)
        self.where, self.params = c.where, c.params
        self.order = order_by(sort, descending)

    @classmethod
    def open(cls, path: Path, f: EventFilter, *, sort: str = "date", descending: bool = False) -> FastExport | None:
        if f.text or f.tags:  # the search index (caught up at an open) or tags matched as saved
            return None
        try:
            shipped = at_shipped_schema(path)
            if shipped is None:
                return None
            con = connect_for_reading(path)
        except Exception:  # a damaged, busy or unusable file: the ordinary open says what is wrong
            return None
        try:
            con.isolation_level = None
            con.execute("BEGIN")  # one snapshot for the checks and the rows
            fast = cls(con, f, sort, descending)
            if fast._usable(shipped.corpus):
                return fast
        except sqlite3.Error:
            pass
        con.close()
        return None

    def _usable(self, corpus: int) -> bool:
        return seeded_with(self.con, corpus) and heads_current(state_of(self.con.execute(STATE_SQL).fetchall()))

    def all_paired(self) -> bool:
        """Whether every event of the filter has its stored head, paired with its rowid (a
        VACUUM outside the app can renumber rowids). `write` finds out itself, at no cost, but
        only as it goes: output that cannot be taken back is checked first."""
        missing = self.con.execute(
            f"SELECT count(*) FROM events e WHERE ({self.where}) AND NOT EXISTS "
            f"(SELECT 1 FROM export_rows x WHERE x.rid = e.rowid AND x.id = e.id)", self.params).fetchone()[0]
        return missing == 0

    def describe(self) -> str:
        """The filter in words, as `filters.describe_text` gives it."""
        def labels(table: str, ids: tuple[str, ...], label_sql: str) -> dict[str, str]:
            marks = ", ".join("?" * len(ids))
            return dict(self.con.execute(f"SELECT id, {label_sql} FROM {table} WHERE id IN ({marks})", ids))

        chips = describe_with(self.f, labels)
        return " · ".join(c.label for c in chips) if chips else "all events"

    def write(self, out: TextIO, *, excel: bool = False, warn: Callable[[str], None] | None = None) -> int:
        """Write the CSV (as `export.export_events` writes it); return the row count."""
        tails: dict[str, str] = {}
        for batch in note_tails(self.con.execute(TAGS_SQL), self.con.execute(BODIES_SQL)):
            tails.update(batch)
        guard = LongCells(out, excel)
        if excel:
            guard.write("\ufeff")
        writer(guard).writerow(EVENT_COLUMNS)
        rows = self.con.execute(
            f"SELECT x.head, e.id FROM events e LEFT JOIN export_rows x ON x.rid = e.rowid AND x.id = e.id "
            f"WHERE {self.where} ORDER BY {self.order}", self.params)
        written = 0
        get = tails.get
        while page := rows.fetchmany(PAGE):
            try:
                guard.write_rows([head + get(event_id, NO_NOTES) for head, event_id in page])
            except TypeError:  # a head missing (None): what was written must not be used
                raise Unpaired() from None
            written += len(page)
        message = guard.warning()
        if message and warn:
            warn(message)
        return written

    def close(self) -> None:
        self.con.close()


def catch_up(path: Path) -> bool:
    """Bring the file's stored heads up to date after edits (`export_heads.catch_up_heads`, one
    write transaction through `sqlite3`), as the ordinary export would first; whether it did.
    Only a file at the shipped schema and corpus, writable, not on a network drive, whose
    heads are of the current versions with at most `CATCH_UP_AT_MOST` events edited since:
    anything else is left to the ordinary path."""
    try:
        shipped = at_shipped_schema(path)
        if shipped is None:
            return False
        if not (folder_writable(path.parent) and file_writable(path)):
            return False
        from ..store.volumes import volume_of

        if volume_of(path).network:  # the app keeps such a file in its own journal mode
            return False
        con = sqlite3.connect(sqlite_uri(path, mode="rw"), uri=True, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    except Exception:  # a damaged, busy or unusable file: the ordinary open says what is wrong
        return False
    try:
        con.execute("BEGIN IMMEDIATE")
        try:
            current = seeded_with(con, shipped.corpus)
            rendered = catch_up_heads(con, most=CATCH_UP_AT_MOST) if current else None
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT" if rendered else "ROLLBACK")
        return bool(rendered)
    except sqlite3.Error:
        return False
    finally:
        con.close()
