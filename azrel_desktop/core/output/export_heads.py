"""Rendering the events export's stored heads (each event's row up to its notes), with the
standard library alone: through any driver that runs a statement with named parameters and
hands back a DB-API cursor (`Execute`). `export_rows` renders through the app's sessions; the
command line's fast export (`fast_export`) brings the stored heads up to date after an edit
through `sqlite3` (`catch_up_heads`), so it need not import SQLAlchemy, numpy or the models.

Heads are rendered a batch of events at a time, in event-id order: each batch's links come from
one range of each link table's primary key (event id first), the small option lists
(organisations, countries, people, agreements, source titles) are read once into dicts, so no
event needs lookups of its own.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Sequence
from itertools import groupby
from operator import itemgetter
from typing import Any, Protocol

from ..derived.store import CHANGED_SINCE_SQL, EXPORT_SEQ, OPTIONS_ROWID, PUT_SQL, STATE_SQL, state_of
from ..errors import ExportCancelled
from ..research.quotes import as_prose
from .export_cells import JOIN, render
from .export_notes import VERSION_KEY, head_version

TABLE = "export_rows"
# The export's order (export.py): position n, the event's rowid and id.
ORDER = "temp._export_order"
HEAD_WIDTH = 21  # id ... contradicting_quotes, origin
BATCH = 2000  # events rendered at once
WRITE_BATCH = 10_000  # rows written at once (a refresh: per write transaction)
INSERT = f"INSERT INTO {TABLE} (rid, id, head) VALUES (?, ?, ?)"
DELETE = f"DELETE FROM {TABLE} WHERE rid IN (SELECT value FROM json_each(:rids))"

_FIRST = itemgetter(0)


class Cursor(Protocol):
    def fetchall(self) -> Sequence[Any]: ...
    def fetchmany(self, size: int = ...) -> Sequence[Any]: ...
    def close(self) -> None: ...


Execute = Callable[[str, dict], Cursor]


def _fetch(execute: Execute, sql: str, params: dict | None = None) -> Sequence[tuple]:
    cursor = execute(sql, params or {})
    try:
        return cursor.fetchall()
    finally:
        cursor.close()


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


def build_heads(execute: Execute, put: Callable[[list[tuple]], None], *, only: bool = False,
                rids: str | None = None, cancelled: Callable[[], bool] | None = None,
                progress: Callable[[int, int], None] | None = None) -> int:
    """Render the heads of every event (`only`: of the events in the export's order `ORDER`;
    `rids`: of the events whose rowids this JSON list holds), handing each `WRITE_BATCH` of
    (rowid, id, head) rows to `put`; return how many. `progress(rendered, of)` is told after each
    batch (this takes seconds at 100,000 events)."""
    def names(sql: str) -> dict[str, str]:
        return dict(_fetch(execute, sql))

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
    of = _fetch(execute, f"SELECT count(*) FROM {ORDER if only else 'events'}")[0][0] if progress else 0
    events = execute(f"""SELECT e.rowid, e.id, e.date, e.date_start, e.date_end, e.precision,
        coalesce(e.date_text, ''), e.title, e.kind, e.summary, coalesce(e.location, ''),
        replace(e.evidence, '_', ' '), CASE WHEN e.disputed THEN 'yes' ELSE 'no' END, coalesce(e.dispute_note, ''),
        CASE WHEN e.is_seed THEN 'corpus' ELSE 'mine' END
        FROM events e {chosen} ORDER BY e.id""", {"rids": rids} if rids is not None else {})
    done, pending, rendered = 0, [], 0
    try:
        while batch := events.fetchmany(BATCH):
            if cancelled and cancelled():
                raise ExportCancelled()
            bounds = {"first": batch[0][1], "last": batch[-1][1]}
            if rids is not None:
                bounds["rids"] = rids
            cells = [_cells(_fetch(execute, sql, bounds), labels) for sql, labels in links]
            cited = {event_id: list(group) for event_id, group in groupby(_fetch(execute, citations, bounds), _FIRST)}
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


def catch_up_heads(con: sqlite3.Connection, *, most: int | None = None) -> int | None:
    """Inside a write transaction on `con` (a plain `sqlite3` connection): render again the
    stored heads of the events logged since they were (and drop those of events that are gone),
    as `export_rows.catch_up` does through a session; how many events that was, or None when
    the stored heads are of other versions, the log no longer reaches back to them, or more
    than `most` events changed — then nothing is written, and the ordinary export renders them."""
    now = state_of(con.execute(STATE_SQL).fetchall())
    done = now.number(EXPORT_SEQ)
    if now.meta.get(VERSION_KEY) != head_version(now) or not now.can_patch(done):
        return None
    if done == now.seq:
        return 0
    rids = [r for r, in con.execute(CHANGED_SINCE_SQL, {"s": done}) if r != OPTIONS_ROWID]
    if most is not None and len(rids) > most:
        return None

    def execute(sql: str, params: dict) -> sqlite3.Cursor:
        return con.execute(sql, params)

    def put(rows: list[tuple]) -> None:
        con.executemany(INSERT, rows)

    for start in range(0, len(rids), WRITE_BATCH):
        chunk = json.dumps(rids[start:start + WRITE_BATCH])
        con.execute(DELETE, {"rids": chunk})
        build_heads(execute, put, rids=chunk)
    con.execute(PUT_SQL, {"k": EXPORT_SEQ, "v": str(now.seq)})
    return len(rids)
