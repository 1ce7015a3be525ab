"""The events export's rendered rows: each event's CSV row, kept in the file per version.

An event's row up to and including `contradicting_quotes` (its `head`) depends on the event, its
links, the names and titles they point to and the passages it quotes. `export_rows` keeps every
event's head rendered (formula-safe, quoted) by the event's rowid and id, with the `corpus_version`
and `export_version` it was rendered at and the change-log sequence it has taken in (core/derived).
After an edit, from any process, `catch_up` renders again just the heads of the events logged
since (a renamed organisation or a retitled agreement logs its events, migration 0016); only a
migration that changes what rows hold bumps `export_version`, and then every head is rendered
again (`refresh`). An export of a current file is one ordered join. Notes (the last two
columns) are few and change often: each export renders them anew.

Heads are rendered by `export_heads` (standard library only, so the command line's fast export
can catch up the same way through `sqlite3`). The same code renders just an export's own events into a
temporary table when the stored heads cannot be used (out of date and the file read-only or the
export small, or a row no longer paired with its event's rowid).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager as ContextManager
from uuid import uuid4

from sqlalchemy import text
from sqlalchemy.orm import Session

from .. import derived
from ..derived.store import EXPORT_SEQ
from ..store.driver import cursor_result
from .export_heads import BATCH, DELETE, HEAD_WIDTH, ORDER, TABLE, WRITE_BATCH, build_heads  # noqa: F401
from .export_notes import (  # noqa: F401 - HEAD_FORMAT, NO_NOTES re-exported: what a stored row holds
    BODIES_SQL,
    HEAD_FORMAT,
    NO_NOTES,
    TAGS_SQL,
    VERSION_KEY,
    head_version,
    heads_current,
    note_tails,
)

TEMP = "temp._export_rows"
NOTES = "temp._export_notes"


def version(session: Session) -> tuple[str, str | None]:
    """(the file's version now, the version the stored heads were rendered at)."""
    now = derived.state(session)
    return _version(now), now.meta.get(VERSION_KEY)


def _version(now: derived.State) -> str:
    return head_version(now)


def is_current(session: Session) -> bool:
    """Whether every stored head is of the file as it is now (its versions, and every change
    the log names taken in)."""
    return heads_current(derived.state(session))


def catch_up(session: Session) -> int | None:
    """In a write transaction: render again the heads of the events logged since the stored
    heads were (and drop those of events that are gone); how many events that was, or None when
    the stored heads are of other versions (or the log no longer reaches back to them) and must
    all be rendered again (`refresh`)."""
    now = derived.state(session)
    done = now.number(EXPORT_SEQ)
    if now.meta.get(VERSION_KEY) != _version(now) or not now.can_patch(done):
        return None
    if done == now.seq:
        return 0
    rids = [r for r in derived.store.changed_since(session, done) if r != derived.OPTIONS_ROWID]
    for start in range(0, len(rids), WRITE_BATCH):
        chunk = json.dumps(rids[start:start + WRITE_BATCH])
        session.execute(text(DELETE), {"rids": chunk})
        build(session, TABLE, rids=chunk)
    derived.store.put(session, EXPORT_SEQ, now.seq)
    return len(rids)


class _TakenOver(Exception):
    """Another refresh started after this one: it renders the rows, this one stops."""


def _set_key(session: Session, value: str) -> None:
    derived.store.put(session, VERSION_KEY, value)


def refresh(session: Session, write: Callable[[], ContextManager[Session]], now: str,
            cancelled: Callable[[], bool] | None = None, progress: Callable[[int, int], None] | None = None) -> bool:
    """Render every head again into `export_rows` from `session`'s snapshot (a read session whose
    version is `now`), writing a batch per `write()` transaction so that other writers wait for one
    batch at most, never for the whole. The rows are marked current (True) only if the file is
    still at `now` when they are all written and no other refresh took over meanwhile."""
    token = f"rendering {uuid4().hex}"  # not a version: the rows are not used while it is there
    seq = derived.state(session).seq  # of the snapshot the rows are rendered from
    with write() as w:
        w.execute(text(f"DELETE FROM {TABLE}"))
        _set_key(w, token)

    def put(rows: list[tuple]) -> None:
        with write() as w:
            if version(w)[1] != token:
                raise _TakenOver()
            w.connection().exec_driver_sql(f"INSERT OR REPLACE INTO {TABLE} (rid, id, head) VALUES (?, ?, ?)", rows)

    try:
        build(session, TABLE, put=put, cancelled=cancelled, progress=progress)
    except _TakenOver:
        return False
    with write() as w:
        if version(w) != (now, token):
            return False
        _set_key(w, now)
        derived.store.put(w, EXPORT_SEQ, seq)  # what changed since, `catch_up` renders
        derived.store.prune(w)
    return True


def _stream(session: Session, sql: str) -> Iterator[tuple]:
    """The rows of a statement sent through the session, as the driver's plain tuples, read as
    they are consumed (two such streams are walked side by side)."""
    result = cursor_result(session.execute(text(sql)))
    try:  # in batches: the DB-API promises fetchmany, not iteration
        while rows := result.cursor.fetchmany(BATCH):
            yield from rows
    finally:
        result.close()


class _Rows:
    """A statement's result as the DB-API cursor `export_heads` reads (the driver's plain
    tuples: at this volume building a `Row` for each is a measurable part of the time)."""

    def __init__(self, session: Session, sql: str, params: dict) -> None:
        # sent through the session, so it runs, and is logged and recorded, like any other
        self.result = cursor_result(session.execute(text(sql), params))

    def fetchall(self) -> Sequence[tuple]:
        return self.result.cursor.fetchall()

    def fetchmany(self, size: int = BATCH) -> Sequence[tuple]:
        return self.result.cursor.fetchmany(size)

    def close(self) -> None:
        self.result.close()


def build(session: Session, table: str, *, only: bool = False, rids: str | None = None,
          put: Callable[[list[tuple]], None] | None = None,
          cancelled: Callable[[], bool] | None = None, progress: Callable[[int, int], None] | None = None) -> int:
    """Render the heads of every event (`only`: of the events in the export's order; `rids`: of
    the events whose rowids this JSON list holds) into
    `table` (or hand each `WRITE_BATCH` of (rowid, id, head) rows to `put`); return how many
    (`export_heads.build_heads`, through `session`)."""
    if put is None:
        insert, connection = f"INSERT INTO {table} (rid, id, head) VALUES (?, ?, ?)", session.connection()

        def put(rows: list[tuple]) -> None:
            connection.exec_driver_sql(insert, rows)
    return build_heads(lambda sql, params: _Rows(session, sql, params), put, only=only, rids=rids,
                       cancelled=cancelled, progress=progress)


def build_notes(session: Session) -> None:
    """The two note cells (tags, annotations) and the line end of each event that has notes, in
    the temporary table `NOTES`; an event without is `NO_NOTES`."""
    tags, bodies = _stream(session, TAGS_SQL), _stream(session, BODIES_SQL)
    session.execute(text(f"CREATE TEMP TABLE {NOTES.removeprefix('temp.')} "
                         "(id TEXT PRIMARY KEY, tail TEXT NOT NULL) WITHOUT ROWID"))
    insert = f"INSERT INTO {NOTES} (id, tail) VALUES (?, ?)"
    for batch in note_tails(tags, bodies):
        session.connection().exec_driver_sql(insert, batch)
