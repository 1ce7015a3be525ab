"""CSV export: plain functions that write to a text file object.

RFC 4180 quoting with CRLF line ends, UTF-8 (optionally with the BOM Excel needs), several values
in one cell joined with `; `, and no cell a spreadsheet would run as a formula (`safe_cell`,
core/export_cells.py). Events are streamed a page at a time in the order the filter and sort
give: the order is worked out once, in SQL, into positions, and each page is one ordered join of
those positions with the events' rows already rendered (core/export_rows.py).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TextIO

from sqlalchemy import text
from sqlalchemy.orm import Session

from ..errors import ExportCancelled
from ..query.filters import EventFilter, compile_filter
from ..query.timeline import order_by
from ..research.quotes import as_prose
from ..store.database import Database, DatabaseError
from ..store.driver import cursor_result
from . import export_rows
from .export_cells import JOIN, LongCells, safe_cell, unescape_cell, writer

__all__ = ["BOM", "JOIN", "ExportCancelled", "OutputError", "export_table", "is_device_name", "safe_cell", "unescape_cell",
           "write_atomically"]

BOM = "\ufeff"

EVENT_COLUMNS = (
    "id", "date", "date_start", "date_end", "precision", "date_text", "title", "kind", "summary",
    "location", "organisations", "countries", "people", "agreements", "sources", "quotes",
    "evidence", "disputed", "dispute_note", "contradicting_quotes", "origin", "tags", "annotations",
)
AGREEMENT_COLUMNS = ("id", "title", "kind", "summary", "parties", "steps", "sources", "quotes", "disputed")
ORGANISATION_COLUMNS = ("id", "name", "abbreviation", "aliases", "kind", "parent", "founded",
                        "description", "events")
SOURCE_COLUMNS = ("id", "title", "publisher", "author", "url", "published", "data_as_of", "kind",
                  "language", "reliability", "reliability_grade", "copies", "sha256", "passages")
ANNOTATION_COLUMNS = ("id", "target_kind", "target_id", "target", "quote", "body", "tags",
                      "created_at", "updated_at", "detached")


def _writer(out: LongCells, columns, excel: bool):
    if excel:
        out.write(BOM)
    w = writer(out)
    w.writerow(columns)
    return w


def _warn(guard: LongCells, warn: Callable[[str], None] | None) -> None:
    message = guard.warning()
    if message and warn:
        warn(message)


def _joined(sql: str) -> str:
    return f"coalesce(({sql}), '')"


_SEP = "\x1f"


# The export's order, computed once into a temporary table: position n (1, 2, ...) in the
# filter's sort order, with the event's rowid and id. A page is a range of positions, so each
# page reads only its own events (no OFFSET, no sort per page), and ties in the sort cannot
# move an event across a page boundary.
_ORDER = export_rows.ORDER
_TEMPS = (_ORDER, export_rows.TEMP, export_rows.NOTES)


def _page_sql(rows: str) -> str:
    """A page's lines in order: each event's stored head (only if it is paired with the event's
    rowid and id) and its notes."""
    return f"""SELECT x.head || coalesce(t.tail, :no_notes) FROM {_ORDER} p
        JOIN {rows} x ON x.rid = p.rid AND x.id = p.id LEFT JOIN {export_rows.NOTES} t ON t.id = p.id
        WHERE p.n > :lo AND p.n <= :hi ORDER BY p.n"""


def _lines(session: Session, rows: str, lo: int, hi: int) -> list[str]:
    """The CSV lines of the events at positions lo < n <= hi, sent through the session (so they run,
    and are logged and recorded, like any other statement), as the driver's plain values."""
    result = cursor_result(session.execute(text(_page_sql(rows)), {"lo": lo, "hi": hi, "no_notes": export_rows.NO_NOTES}))
    try:
        return [line for line, in result.cursor.fetchall()]
    finally:
        result.close()


def _own_rows(session: Session, cancelled: Callable[[], bool] | None,
              preparing: Callable[[int, int], None] | None) -> str:
    """Render the export's own events' heads into a temporary table; return its name."""
    session.execute(text(f"CREATE TEMP TABLE {export_rows.TEMP.removeprefix('temp.')} "
                         "(rid INTEGER PRIMARY KEY, id TEXT NOT NULL, head TEXT NOT NULL)"))
    export_rows.build(session, export_rows.TEMP, only=True, cancelled=cancelled, progress=preparing)
    return export_rows.TEMP


def export_events(
    session: Session, f: EventFilter, out: TextIO, *, sort: str = "date", descending: bool = False,
    excel: bool = False, page: int = 2000, progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None, preparing: Callable[[int, int], None] | None = None,
    warn: Callable[[str], None] | None = None,
) -> int:
    """Write the filter's events, in timeline (or the given sort) order; return the row count.
    `progress(written, total)` follows the writing; `preparing(rendered, of)` the rendering of
    rows first, when the stored ones are out of date.

    The order is computed once, in SQL, into a temporary table of positions; a page is then a
    range of positions joined with the events' rendered rows: the stored ones when they are
    current (`export_rows.refresh` keeps them), else rows rendered now for this export's events
    alone. Memory stays bounded by the page size.
    """
    c = compile_filter(f)
    guard = LongCells(out, excel)
    _writer(guard, EVENT_COLUMNS, excel)
    if cancelled and cancelled():
        raise ExportCancelled()
    written = 0
    try:
        _drop(session)
        session.execute(text(f"CREATE TEMP TABLE {_ORDER.removeprefix('temp.')} "
                             "(n INTEGER PRIMARY KEY, rid INTEGER NOT NULL, id TEXT NOT NULL)"))
        # n is the rowid: SQLite numbers the rows in the order the SELECT gives them (a numbering
        # by window function would sort again, and costs ten times more at 100,000 events).
        total = cursor_result(session.execute(text(
            f"INSERT INTO {_ORDER} (rid, id) SELECT e.rowid, e.id FROM events e WHERE {c.where} "
            f"ORDER BY {order_by(sort, descending)}"), c.params)).rowcount
        rows = export_rows.TABLE
        if total:
            if not export_rows.is_current(session):
                rows = _own_rows(session, cancelled, preparing)
            export_rows.build_notes(session)
        while written < total:
            if cancelled and cancelled():
                raise ExportCancelled()
            hi = min(total, written + page)
            lines = _lines(session, rows, written, hi)
            if len(lines) != hi - written:
                # A stored row is missing or no longer paired with its event's rowid (a VACUUM
                # outside the app can renumber them): render this export's own rows instead.
                if rows == export_rows.TEMP:
                    raise RuntimeError("the export's rows were not rendered for every event")
                rows = _own_rows(session, cancelled, preparing)
                continue
            guard.write_rows(lines)
            written = hi
            if progress:
                progress(written, total)
    finally:
        _drop(session)
    _warn(guard, warn)
    return written


def keep_rows(db: Database, f: EventFilter, cancelled: Callable[[], bool] | None = None,
              progress: Callable[[int, int], None] | None = None) -> bool:
    """Bring the stored rows up to date before the export's read session: the rows of the events
    the change log names since they were rendered (one short write), or, after a change that
    bumped a counter, every row when the filter's events are at least a quarter of all (a
    smaller export renders its own rows faster than all of them). True if it did. They are only
    a cache: a read-only or busy file exports from rows rendered for the export alone."""
    if db.readonly:
        return False
    c = compile_filter(f)
    try:
        with db.read() as s:
            if export_rows.is_current(s):
                return False
            now, stored = export_rows.version(s)
        if stored == now:  # only the events the change log names are out of date
            with db.write() as w:
                if export_rows.catch_up(w) is not None:
                    return True
        with db.read() as s:  # one snapshot: every row rendered from the same version of the corpus
            now, stored = export_rows.version(s)
            if stored == now and export_rows.is_current(s):
                return False
            total = s.execute(text("SELECT count(*) FROM events")).scalar_one()
            if 4 * s.execute(text(f"SELECT count(*) FROM events e WHERE {c.where}"), c.params).scalar_one() < total:
                return False
            return export_rows.refresh(s, db.write, now, cancelled, progress)
    except DatabaseError:
        return False


def _drop(session: Session) -> None:
    for table in _TEMPS:
        session.execute(text(f"DROP TABLE IF EXISTS {table}"))


def _source_titles(session: Session) -> dict[str, str]:
    return dict(session.execute(text("SELECT id, title FROM sources")).all())


def export_agreements(session: Session, f: EventFilter, out: TextIO, *, excel: bool = False,
                  warn: Callable[[str], None] | None = None) -> int:
    """Agreements; with a filter, those linked to the filter's events."""
    c = compile_filter(f)
    where = "1 = 1" if f.is_empty else (
        f"a.id IN (SELECT ea.agreement_id FROM event_agreements ea WHERE ea.event_id IN "
        f"(SELECT e.id FROM events e WHERE {c.where}))")
    guard = LongCells(out, excel)
    writer = _writer(guard, AGREEMENT_COLUMNS, excel)
    rows = session.execute(text(f"""SELECT a.id, a.title, a.kind, a.summary,
        {_joined(f"SELECT group_concat(name, '{_SEP}') FROM (SELECT c.name AS name FROM agreement_countries x JOIN countries c ON c.id = x.country_id WHERE x.agreement_id = a.id UNION ALL SELECT o.name FROM agreement_organisations x JOIN organisations o ON o.id = x.organisation_id WHERE x.agreement_id = a.id)")},
        {_joined(f"SELECT group_concat(replace(st.step, '_', ' ') || ' ' || st.date, '{_SEP}') FROM (SELECT * FROM agreement_steps WHERE agreement_id = a.id ORDER BY date_start) st")},
        {_joined(f"SELECT group_concat(ps.source_id, '{_SEP}') FROM (SELECT DISTINCT ps.source_id FROM agreement_steps st JOIN step_citations x ON x.step_id = st.id JOIN passages ps ON ps.id = x.passage_id WHERE st.agreement_id = a.id AND x.stance = 'supports') ps")},
        {_joined(f"SELECT group_concat(ps.exact, '{_SEP}') FROM agreement_steps st JOIN step_citations x ON x.step_id = st.id JOIN passages ps ON ps.id = x.passage_id WHERE st.agreement_id = a.id AND x.stance = 'supports'")},
        (SELECT max(st.disputed) FROM agreement_steps st WHERE st.agreement_id = a.id)
        FROM agreements a WHERE {where} ORDER BY a.title, a.id"""), c.params).all()
    titles = _source_titles(session)
    for row in rows:
        r = list(row)
        r[6] = _SEP.join(titles.get(s, s) for s in r[6].split(_SEP) if s)
        r[7] = _SEP.join(as_prose(q) for q in r[7].split(_SEP)) if r[7] else r[7]
        r[8] = bool(r[8])
        writer.writerow([safe_cell(JOIN.join(v.split(_SEP)) if isinstance(v, str) else v) for v in r])
    _warn(guard, warn)
    return len(rows)


def export_organisations(session: Session, f: EventFilter, out: TextIO, *, excel: bool = False,
                  warn: Callable[[str], None] | None = None) -> int:
    """Organisations with the number of the filter's events that involve them or their bodies."""
    c = compile_filter(f)
    guard = LongCells(out, excel)
    writer = _writer(guard, ORGANISATION_COLUMNS, excel)
    rows = session.execute(text(f"""
        WITH RECURSIVE tree(ancestor, id) AS (SELECT id, id FROM organisations
            UNION ALL SELECT t.ancestor, o.id FROM organisations o JOIN tree t ON o.parent_id = t.id),
        hits AS (SELECT t.ancestor AS org, count(DISTINCT eo.event_id) AS n FROM tree t
            JOIN event_organisations eo ON eo.organisation_id = t.id
            WHERE eo.event_id IN (SELECT e.id FROM events e WHERE {c.where}) GROUP BY t.ancestor)
        SELECT o.id, o.name, o.abbreviation, o.aliases, o.kind,
               (SELECT p.name FROM organisations p WHERE p.id = o.parent_id), o.founded, o.description,
               coalesce(h.n, 0)
        FROM organisations o LEFT JOIN hits h ON h.org = o.id
        WHERE {'1 = 1' if f.is_empty else 'coalesce(h.n, 0) > 0'} ORDER BY o.name"""), c.params).all()
    for row in rows:
        r = list(row)
        r[3] = JOIN.join(json.loads(r[3]) if r[3] else [])
        writer.writerow([safe_cell(v) for v in r])
    _warn(guard, warn)
    return len(rows)


def export_sources(session: Session, f: EventFilter, out: TextIO, *, excel: bool = False,
                  warn: Callable[[str], None] | None = None) -> int:
    """Sources; with a filter, those cited by the filter's events."""
    c = compile_filter(f)
    where = "1 = 1" if f.is_empty else (
        f"s.id IN (SELECT ps.source_id FROM event_citations x JOIN passages ps ON ps.id = x.passage_id "
        f"WHERE x.event_id IN (SELECT e.id FROM events e WHERE {c.where}))")
    guard = LongCells(out, excel)
    writer = _writer(guard, SOURCE_COLUMNS, excel)
    rows = session.execute(text(f"""SELECT s.id, s.title, s.publisher, s.author, s.url, s.published,
        s.data_as_of, s.kind, s.language, s.reliability, s.reliability_grade, s.copies_id, s.sha256,
        (SELECT count(*) FROM passages ps WHERE ps.source_id = s.id AND ps.kind = 'citation')
        FROM sources s WHERE {where} ORDER BY s.title"""), c.params).all()
    for r in rows:
        writer.writerow([safe_cell(v) for v in r])
    _warn(guard, warn)
    return len(rows)


def export_annotations(session: Session, out: TextIO, *, tags: tuple[str, ...] = (),
                       text_contains: str = "", excel: bool = False,
                       warn: Callable[[str], None] | None = None) -> int:
    guard = LongCells(out, excel)
    writer = _writer(guard, ANNOTATION_COLUMNS, excel)
    from ..research.annotations import list_annotations  # (the models: only for this export)

    views = list_annotations(session, tags=tags, text_contains=text_contains)
    for v in views:
        writer.writerow([safe_cell(x) for x in (
            v.id, v.target_kind, v.target_id, v.target_label, as_prose(v.quote) if v.quote else v.quote, v.body, JOIN.join(v.tags),
            v.created_at.isoformat(timespec="seconds"), v.updated_at.isoformat(timespec="seconds"),
            v.detached)])
    _warn(guard, warn)
    return len(views)


def export_table(out: TextIO, header: list[str], rows: list[list[object]], *, excel: bool = False) -> int:
    """A small table already counted (the analysis page's charts) as CSV, by the same rules as
    every export: RFC 4180, optional byte-order mark, no cell a spreadsheet would run."""
    guard = LongCells(out, excel)
    writer = _writer(guard, [safe_cell(h) for h in header], excel)
    for r in rows:
        writer.writerow([safe_cell(v) for v in r])
    return len(rows)


from .atomic_write import (  # noqa: E402,F401 - re-exported: where every export writes
    REPLACE_ATTEMPTS,
    REPLACE_PAUSES,
    OutputError,
    is_device_name,
    write_atomically,
)
