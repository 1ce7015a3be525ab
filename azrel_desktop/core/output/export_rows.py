"""The events export's rendered rows: each event's CSV row, kept in the file per version.

An event's row up to and including `contradicting_quotes` (its `head`) depends on the event, its
links, the names and titles they point to and the passages it quotes. `export_rows` keeps every
event's head rendered (formula-safe, quoted) by the event's rowid and id, with the `corpus_version`
and `export_version` it was rendered at and the change-log sequence it has taken in (core/derived).
After an edit, from any process, `catch_up` renders again just the heads of the events logged
since (a renamed organisation or a retitled agreement logs its events, migration 0016); only a
migration that changes what rows hold bumps `export_version`, and then every head is rendered
again (`refresh`). An export of a current file is one ordered join. Notes (the last two columns) are few and change often: each export renders them anew.

Heads are rendered a batch of events at a time, in event-id order: each batch's links come from
one range of each link table's primary key (event id first), the small option lists
(organisations, countries, people, agreements, source titles) are read once into dicts, so no
event needs lookups of its own. The same code renders just an export's own events into a
temporary table when the stored heads cannot be used (out of date and the file read-only or the
export small, or a row no longer paired with its event's rowid).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager as ContextManager
from itertools import groupby
from operator import itemgetter
from uuid import uuid4

from sqlalchemy import text
from sqlalchemy.orm import Session

from .. import derived
from ..derived.store import EXPORT_SEQ
from ..errors import ExportCancelled
from ..research.quotes import as_prose
from ..store.driver import cursor_result
from .export_cells import JOIN, render
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

TABLE, TEMP = "export_rows", "temp._export_rows"
NOTES = "temp._export_notes"
# The export's order (export.py): position n, the event's rowid and id.
ORDER = "temp._export_order"
HEAD_WIDTH = 21  # id ... contradicting_quotes, origin
BATCH = 2000  # events rendered at once
WRITE_BATCH = 10_000  # rows written at once (a refresh: per write transaction)

_FIRST = itemgetter(0)


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
        session.execute(text(f"DELETE FROM {TABLE} WHERE rid IN (SELECT value FROM json_each(:rids))"),
                        {"rids": chunk})
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


def _fetch(session: Session, sql: str, params: dict | None = None) -> Sequence[tuple]:
    """All rows of a statement sent through the session (so it runs, and is logged and recorded,
    like any other), as the driver's plain tuples: at this volume building a `Row` for each is a
    measurable part of the time."""
    result = cursor_result(session.execute(text(sql), params or {}))
    try:
        return result.cursor.fetchall()
    finally:
        result.close()


def _cells(rows: Sequence[tuple], labels: dict[str, str]) -> dict[str, str]:
    """(event id, option) rows in event order as one `; `-joined cell of labels per event (an
    option without a label is left out)."""
    cells: dict[str, str] = {}
    for event_id, key in rows:
        label = labels.get(key)
        if label is not None:
            got = cells.get(event_id)
            cells[event_id] = label if got is None else got + JOIN + label
    return cells


def build(session: Session, table: str, *, only: bool = False, rids: str | None = None,
          put: Callable[[list[tuple]], None] | None = None,
          cancelled: Callable[[], bool] | None = None, progress: Callable[[int, int], None] | None = None) -> int:
    """Render the heads of every event (`only`: of the events in the export's order; `rids`: of
    the events whose rowids this JSON list holds) into
    `table` (or hand each `WRITE_BATCH` of (rowid, id, head) rows to `put`); return how many.
    `progress(rendered, of)` is told after each batch (this takes seconds at 100,000 events).

    The events are read in id order, a batch at a time; each batch's links come from one range
    of each link table's primary key (event id first), so no event needs a lookup of its own."""
    def names(sql: str) -> dict[str, str]:
        return dict(_fetch(session, sql))

    organisations = names("SELECT id, name || coalesce(' (' || abbreviation || ')', '') FROM organisations "
                          "WHERE name <> '' OR abbreviation IS NOT NULL")
    countries = names("SELECT id, name FROM countries WHERE name <> ''")
    people = names("SELECT id, name FROM people WHERE name <> ''")
    agreements = names("SELECT id, title FROM agreements WHERE title <> ''")
    titles = names("SELECT id, title FROM sources WHERE title <> ''")
    among = f" AND x.event_id IN (SELECT id FROM {ORDER})" if only else ""
    chosen = ""
    if rids is not None:
        chosen = "WHERE e.rowid IN (SELECT value FROM json_each(:rids))"
        among = " AND x.event_id IN (SELECT id FROM events WHERE rowid IN (SELECT value FROM json_each(:rids)))"
    elif only:
        chosen = f"WHERE e.id IN (SELECT id FROM {ORDER})"
    in_range = "x.event_id BETWEEN :first AND :last" + among
    links = [(f"SELECT x.event_id, x.{key} FROM {link} x WHERE {in_range} ORDER BY x.event_id, x.{key}", labels)
             for link, key, labels in (("event_organisations", "organisation_id", organisations),
                                       ("event_countries", "country_id", countries),
                                       ("event_people", "person_id", people),
                                       ("event_agreements", "agreement_id", agreements))]
    # Every citation gives its source (to `sources` when it supports), and its passage's text to
    # `quotes` or `contradicting_quotes`.
    citations = f"""SELECT x.event_id, x.stance, x.source_id, ps.exact FROM event_citations x
        LEFT JOIN passages ps ON ps.id = x.passage_id WHERE {in_range} ORDER BY x.event_id, x.passage_id"""
    events = cursor_result(session.execute(text(f"""SELECT e.rowid, e.id, e.date, e.date_start, e.date_end, e.precision,
        coalesce(e.date_text, ''), e.title, e.kind, e.summary, coalesce(e.location, ''),
        replace(e.evidence, '_', ' '), CASE WHEN e.disputed THEN 'yes' ELSE 'no' END, coalesce(e.dispute_note, ''),
        CASE WHEN e.is_seed THEN 'corpus' ELSE 'mine' END
        FROM events e {chosen} ORDER BY e.id"""), {"rids": rids} if rids is not None else {}))
    if put is None:
        insert, connection = f"INSERT INTO {table} (rid, id, head) VALUES (?, ?, ?)", session.connection()

        def put(rows: list[tuple]) -> None:
            connection.exec_driver_sql(insert, rows)
    done, pending, rendered = 0, [], 0
    of = session.execute(text(f"SELECT count(*) FROM {ORDER if only else 'events'}")).scalar_one() if progress else 0
    try:
        while batch := events.cursor.fetchmany(BATCH):
            if cancelled and cancelled():
                raise ExportCancelled()
            bounds = {"first": batch[0][1], "last": batch[-1][1]}
            if rids is not None:
                bounds["rids"] = rids
            cells = [_cells(_fetch(session, sql, bounds), labels) for sql, labels in links]
            cited = {event_id: list(group) for event_id, group in groupby(_fetch(session, citations, bounds), _FIRST)}
            rows = []
            for _rid, event_id, *own in batch:
                sources, supporting, contradicting = set(), [], []
                for _, stance, source_id, exact in cited.get(event_id, ()):
                    quote = as_prose(exact) if exact else ""  # as it reads: without the source's line breaks
                    if stance == "supports":
                        if source_id in titles:
                            sources.add(titles[source_id])
                        if quote:
                            supporting.append(quote)
                    elif stance == "contradicts" and quote:
                        contradicting.append(quote)
                rows.append((event_id, *own[:9], *[c.get(event_id, "") for c in cells], JOIN.join(sorted(sources)),
                             JOIN.join(supporting), own[9], own[10], own[11], JOIN.join(contradicting), own[12]))
            pending += [(event[0], event[1], head) for event, head in zip(batch, render(rows, HEAD_WIDTH), strict=True)]
            if len(pending) >= WRITE_BATCH:
                put(pending)
                done, pending = done + len(pending), []
            rendered += len(batch)
            if progress:
                progress(rendered, max(of, rendered))
    finally:
        events.close()
    if pending:
        put(pending)
    return done + len(pending)


def build_notes(session: Session) -> None:
    """The two note cells (tags, annotations) and the line end of each event that has notes, in
    the temporary table `NOTES`; an event without is `NO_NOTES`."""
    tags, bodies = _stream(session, TAGS_SQL), _stream(session, BODIES_SQL)
    session.execute(text(f"CREATE TEMP TABLE {NOTES.removeprefix('temp.')} "
                         "(id TEXT PRIMARY KEY, tail TEXT NOT NULL) WITHOUT ROWID"))
    insert = f"INSERT INTO {NOTES} (id, tail) VALUES (?, ?)"
    for batch in note_tails(tags, bodies):
        session.connection().exec_driver_sql(insert, batch)
