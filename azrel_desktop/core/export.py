"""CSV export: plain functions that write to a text file object.

RFC 4180 quoting with CRLF line ends, UTF-8 (optionally with the BOM Excel needs), several values
in one cell joined with `; `, and no cell a spreadsheet would run as a formula: text that begins
with `=`, `+`, `-`, `@`, tab or CR gets a leading `'` (a plain number such as `-5` stays a
number). Events are streamed a page at a time in the order the filter and sort give.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable
from typing import TextIO

from sqlalchemy import text
from sqlalchemy.orm import Session

from .annotations import list_annotations
from .filters import EventFilter, compile_filter
from .timeline import order_by

JOIN = "; "
BOM = "\ufeff"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?", re.ASCII)  # fullmatch

EVENT_COLUMNS = (
    "id", "date", "date_start", "date_end", "precision", "date_text", "title", "kind", "summary",
    "location", "organisations", "countries", "people", "agreements", "sources", "quotes",
    "disputed", "dispute_note", "contradicting_quotes", "tags", "annotations",
)
AGREEMENT_COLUMNS = ("id", "title", "kind", "summary", "parties", "steps", "sources", "quotes", "disputed")
ORGANISATION_COLUMNS = ("id", "name", "abbreviation", "aliases", "kind", "parent", "founded",
                        "description", "events")
SOURCE_COLUMNS = ("id", "title", "publisher", "author", "url", "published", "data_as_of", "kind",
                  "language", "reliability", "sha256", "passages")
ANNOTATION_COLUMNS = ("id", "target_kind", "target_id", "target", "quote", "body", "tags",
                      "created_at", "updated_at", "detached")


class ExportCancelled(Exception):
    """The user cancelled an export; the caller discards the partial file."""


def _needs_escape(cell: str) -> bool:
    # Leading apostrophes are looked through, so that a text which itself begins with `'=` is
    # escaped too and `unescape_cell` can tell the two apart.
    bare = cell.lstrip("'")
    return bare.startswith(_FORMULA_START) and not _NUMBER.fullmatch(bare)


_RISKY_FIRST = frozenset("=+-@\t\r'")


def safe_cell(value) -> str:
    """A cell value a spreadsheet shows as text and never evaluates."""
    if value is None:
        return ""
    if value is True or value is False:
        return "yes" if value else "no"
    cell = value if type(value) is str else str(value)
    if "\x00" in cell:
        cell = cell.replace("\x00", "")
    if cell and cell[0] in _RISKY_FIRST and _needs_escape(cell):  # the first test is the fast path
        return "'" + cell
    return cell


def unescape_cell(cell: str) -> str:
    """Undo `safe_cell` for a cell read back from an export."""
    if cell.startswith("'") and _needs_escape(cell):
        return cell[1:]
    return cell


def _writer(out: TextIO, columns, excel: bool):
    if excel:
        out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(columns)
    return writer


def _joined(sql: str) -> str:
    return f"coalesce(({sql}), '')"


_SEP = "\x1f"

# Several values of an event's cell come back as a JSON array, so no character a user's note may
# hold (not even the unit separator) can split or merge values.
def _json(sql: str) -> str:
    return f"coalesce(({sql}), '[]')"


_EVENT_BASE = """SELECT e.id, e.date, e.date_start, e.date_end, e.precision, e.date_text, e.title, e.kind,
  e.summary, e.location, e.disputed, e.dispute_note FROM events e"""

_PAGE = "(SELECT id FROM temp._export_page)"
# Notes on a page's events, and on the passages those events cite: (event id, note rowid, note id).
_NOTES_OF_PAGE = f"""SELECT pg.id AS event_id, a.rowid AS r, a.id AS note FROM temp._export_page pg
      JOIN annotations a ON a.target_kind = 'event' AND a.target_id = pg.id
    UNION ALL SELECT c.event_id, a.rowid, a.id FROM event_citations c
      JOIN annotations a ON a.target_kind = 'passage' AND a.target_id = c.passage_id
      WHERE c.event_id IN {_PAGE}"""

# Several-valued columns, each fetched for a whole page of events at once (event id, value),
# in a stable order within the cell.
_DETAILS = {
    "organisations": f"""SELECT x.event_id, o.name || coalesce(' (' || o.abbreviation || ')', '')
        FROM event_organisations x JOIN organisations o ON o.id = x.organisation_id
        WHERE x.event_id IN {_PAGE} ORDER BY x.event_id, x.organisation_id""",
    "countries": f"""SELECT x.event_id, c.name FROM event_countries x JOIN countries c ON c.id = x.country_id
        WHERE x.event_id IN {_PAGE} ORDER BY x.event_id, x.country_id""",
    "people": f"""SELECT x.event_id, p.name FROM event_people x JOIN people p ON p.id = x.person_id
        WHERE x.event_id IN {_PAGE} ORDER BY x.event_id, x.person_id""",
    "agreements": f"""SELECT x.event_id, a.title FROM event_agreements x JOIN agreements a ON a.id = x.agreement_id
        WHERE x.event_id IN {_PAGE} ORDER BY x.event_id, x.agreement_id""",
    "sources": f"""SELECT DISTINCT x.event_id, s.title FROM event_citations x JOIN sources s ON s.id = x.source_id
        WHERE x.event_id IN {_PAGE} AND x.stance = 'supports' ORDER BY x.event_id, s.title""",
    "quotes": f"""SELECT x.event_id, ps.exact FROM event_citations x JOIN passages ps ON ps.id = x.passage_id
        WHERE x.event_id IN {_PAGE} AND x.stance = 'supports' ORDER BY x.event_id, x.passage_id""",
    "contradicting_quotes": f"""SELECT x.event_id, ps.exact FROM event_citations x
        JOIN passages ps ON ps.id = x.passage_id
        WHERE x.event_id IN {_PAGE} AND x.stance = 'contradicts' ORDER BY x.event_id, x.passage_id""",
    "tags": f"""SELECT DISTINCT n.event_id, t.tag FROM ({_NOTES_OF_PAGE}) n
        JOIN annotation_tags t ON t.annotation_id = n.note ORDER BY n.event_id, t.tag""",
    "annotations": f"""SELECT n.event_id, a.body FROM ({_NOTES_OF_PAGE}) n JOIN annotations a ON a.id = n.note
        ORDER BY n.event_id, n.r""",
}


def _page_details(session: Session, ids: list[str]) -> dict[str, dict[str, list[str]]]:
    # The detail rows (several per event) are read through the driver's own cursor: at this
    # volume the per-row cost of a Result object is most of the export's time.
    cursor = session.connection().connection.driver_connection.cursor()
    try:
        cursor.execute("DELETE FROM temp._export_page")
        cursor.executemany("INSERT INTO temp._export_page(id) VALUES (?)", [(i,) for i in ids])
        details: dict[str, dict[str, list[str]]] = {}
        for column, sql in _DETAILS.items():
            per_event: dict[str, list[str]] = {}
            for event_id, value in cursor.execute(sql):
                if value:
                    per_event.setdefault(event_id, []).append(value)
            details[column] = per_event
        return details
    finally:
        cursor.close()


def _event_cells(row, details: dict[str, dict[str, list[str]]]) -> list[str]:
    base = dict(zip(("id", "date", "date_start", "date_end", "precision", "date_text", "title", "kind",
                     "summary", "location", "disputed", "dispute_note"), row, strict=True))
    cells = []
    for name in EVENT_COLUMNS:
        if name in details:
            value = JOIN.join(details[name].get(base["id"], ()))
        elif name == "disputed":
            value = bool(base[name])
        else:
            value = base[name]
        cells.append(safe_cell(value))
    return cells


def export_events(
    session: Session, f: EventFilter, out: TextIO, *, sort: str = "date", descending: bool = False,
    excel: bool = False, page: int = 2000, progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write the filter's events, in timeline (or the given sort) order; return the row count.

    A page of events comes in the filter's order; its several-valued columns come from one
    query per column for the whole page, so memory stays flat and no per-row subqueries run.
    """
    c = compile_filter(f)
    total = session.execute(text(f"SELECT count(*) FROM events e WHERE {c.where}"), c.params).scalar_one()
    writer = _writer(out, EVENT_COLUMNS, excel)
    sql = f"{_EVENT_BASE} WHERE {c.where} ORDER BY {order_by(sort, descending)} LIMIT :_lim OFFSET :_off"
    session.execute(text("CREATE TEMP TABLE IF NOT EXISTS _export_page (id TEXT PRIMARY KEY) WITHOUT ROWID"))
    written = 0
    try:
        while written < total:
            if cancelled and cancelled():
                raise ExportCancelled()
            rows = session.execute(text(sql), {**c.params, "_lim": page, "_off": written}).all()
            if not rows:
                break
            details = _page_details(session, [r[0] for r in rows])
            writer.writerows(_event_cells(r, details) for r in rows)
            written += len(rows)
            if progress:
                progress(written, total)
    finally:
        session.execute(text("DROP TABLE IF EXISTS temp._export_page"))
    return written


def _source_titles(session: Session) -> dict[str, str]:
    return dict(session.execute(text("SELECT id, title FROM sources")).all())


def export_agreements(session: Session, f: EventFilter, out: TextIO, *, excel: bool = False) -> int:
    """Agreements; with a filter, those linked to the filter's events."""
    c = compile_filter(f)
    where = "1 = 1" if f.is_empty else (
        f"a.id IN (SELECT ea.agreement_id FROM event_agreements ea WHERE ea.event_id IN "
        f"(SELECT e.id FROM events e WHERE {c.where}))")
    writer = _writer(out, AGREEMENT_COLUMNS, excel)
    rows = session.execute(text(f"""SELECT a.id, a.title, a.kind, a.summary,
        {_joined(f"SELECT group_concat(name, '{_SEP}') FROM (SELECT c.name AS name FROM agreement_countries x JOIN countries c ON c.id = x.country_id WHERE x.agreement_id = a.id UNION ALL SELECT o.name FROM agreement_organisations x JOIN organisations o ON o.id = x.organisation_id WHERE x.agreement_id = a.id)")},
        {_joined(f"SELECT group_concat(replace(st.step, '_', ' ') || ' ' || st.date, '{_SEP}') FROM (SELECT * FROM agreement_steps WHERE agreement_id = a.id ORDER BY date_start) st")},
        {_joined(f"SELECT group_concat(ps.source_id, '{_SEP}') FROM (SELECT DISTINCT ps.source_id FROM agreement_steps st JOIN step_citations x ON x.step_id = st.id JOIN passages ps ON ps.id = x.passage_id WHERE st.agreement_id = a.id AND x.stance = 'supports') ps")},
        {_joined(f"SELECT group_concat(ps.exact, '{_SEP}') FROM agreement_steps st JOIN step_citations x ON x.step_id = st.id JOIN passages ps ON ps.id = x.passage_id WHERE st.agreement_id = a.id AND x.stance = 'supports'")},
        (SELECT max(st.disputed) FROM agreement_steps st WHERE st.agreement_id = a.id)
        FROM agreements a WHERE {where} ORDER BY a.title, a.id"""), c.params).all()
    titles = _source_titles(session)
    for r in rows:
        r = list(r)
        r[6] = _SEP.join(titles.get(s, s) for s in r[6].split(_SEP) if s)
        r[8] = bool(r[8])
        writer.writerow([safe_cell(JOIN.join(v.split(_SEP)) if isinstance(v, str) else v) for v in r])
    return len(rows)


def export_organisations(session: Session, f: EventFilter, out: TextIO, *, excel: bool = False) -> int:
    """Organisations with the number of the filter's events that involve them or their bodies."""
    c = compile_filter(f)
    writer = _writer(out, ORGANISATION_COLUMNS, excel)
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
    for r in rows:
        r = list(r)
        r[3] = JOIN.join(json.loads(r[3]) if r[3] else [])
        writer.writerow([safe_cell(v) for v in r])
    return len(rows)


def export_sources(session: Session, f: EventFilter, out: TextIO, *, excel: bool = False) -> int:
    """Sources; with a filter, those cited by the filter's events."""
    c = compile_filter(f)
    where = "1 = 1" if f.is_empty else (
        f"s.id IN (SELECT ps.source_id FROM event_citations x JOIN passages ps ON ps.id = x.passage_id "
        f"WHERE x.event_id IN (SELECT e.id FROM events e WHERE {c.where}))")
    writer = _writer(out, SOURCE_COLUMNS, excel)
    rows = session.execute(text(f"""SELECT s.id, s.title, s.publisher, s.author, s.url, s.published,
        s.data_as_of, s.kind, s.language, s.reliability, s.sha256,
        (SELECT count(*) FROM passages ps WHERE ps.source_id = s.id AND ps.kind = 'citation')
        FROM sources s WHERE {where} ORDER BY s.title"""), c.params).all()
    for r in rows:
        writer.writerow([safe_cell(v) for v in r])
    return len(rows)


def export_annotations(session: Session, out: TextIO, *, tags: tuple[str, ...] = (),
                       text_contains: str = "", excel: bool = False) -> int:
    writer = _writer(out, ANNOTATION_COLUMNS, excel)
    views = list_annotations(session, tags=tags, text_contains=text_contains)
    for v in views:
        writer.writerow([safe_cell(x) for x in (
            v.id, v.target_kind, v.target_id, v.target_label, v.quote, v.body, JOIN.join(v.tags),
            v.created_at.isoformat(timespec="seconds"), v.updated_at.isoformat(timespec="seconds"),
            v.detached)])
    return len(views)


def write_atomically(path, write: Callable[[TextIO], int]) -> int:
    """Run `write` into a temporary file beside `path`, then rename it into place.

    An existing file at `path` is replaced only once the new one is complete: a failure
    (disk full, cancel) leaves the old file as it was and removes the partial one.
    """
    import os
    from pathlib import Path

    path = Path(path)
    tmp = path.with_name(f".{path.name}.partial")
    try:
        with tmp.open("w", encoding="utf-8", newline="") as out:
            count = write(out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return count
