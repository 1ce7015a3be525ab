"""CSV export: plain functions that write to a text file object.

RFC 4180 quoting with CRLF line ends, UTF-8 (optionally with the BOM Excel needs), several values
in one cell joined with `; `, and no cell a spreadsheet would run as a formula: text that begins
with `=`, `+`, `-`, `@`, tab or CR gets a leading `'` (a plain number such as `-5` stays a
number). Events are streamed a page at a time in the order the filter and sort give: the order
is worked out once, in SQL, and each page's several-valued cells come from a few set-based
queries for the whole page.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable
from itertools import chain, groupby, repeat
from operator import itemgetter
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


# The export's order, computed once into a temporary table: position n (1, 2, ...) in the
# filter's sort order, with the event's rowid and id. A page is a range of positions, so each
# page reads only its own events (no OFFSET, no sort per page), and ties in the sort cannot
# move an event across a page boundary. The page's ids also go into a table of their own, kept
# in id order, so that the queries for its several-valued columns look up the link tables in
# their key order.
_ORDER, _PAGE = "temp._export_order", "temp._export_page"
_IN_PAGE = "p.n > :lo AND p.n <= :hi"
_PAGE_IDS = f"(SELECT id FROM {_PAGE})"

# A page's events in order, as text cells (no NULLs: the writer and the formula check take them
# as they are).
_EVENT_PAGE = f"""SELECT e.id, e.date, e.date_start, e.date_end, e.precision, coalesce(e.date_text, ''),
  e.title, e.kind, e.summary, coalesce(e.location, ''),
  CASE WHEN e.disputed THEN 'yes' ELSE 'no' END, coalesce(e.dispute_note, '')
  FROM {_ORDER} p JOIN events e ON e.rowid = p.rid WHERE {_IN_PAGE} ORDER BY p.n"""

# Notes on a page's events, and on the passages those events cite.
_NOTES_OF_PAGE = f"""SELECT a.target_id AS event_id, a.rowid AS r, a.id AS note, a.body AS body
      FROM annotations a WHERE a.target_kind = 'event' AND a.target_id IN {_PAGE_IDS}
    UNION ALL SELECT c.event_id, a.rowid, a.id, a.body FROM event_citations c
      JOIN annotations a ON a.target_kind = 'passage' AND a.target_id = c.passage_id
      WHERE c.event_id IN {_PAGE_IDS}"""

# The several-valued columns: one query per column for a whole page, giving (event id, value)
# rows with no empty values, an event's rows together and in the order of its cell. `quotes`
# also gives `contradicting_quotes`: one row per cited passage, with whether it supports.
_DETAILS = {
    "organisations": f"""SELECT x.event_id, o.name || coalesce(' (' || o.abbreviation || ')', '')
        FROM event_organisations x JOIN organisations o ON o.id = x.organisation_id
        WHERE x.event_id IN {_PAGE_IDS} AND (o.name <> '' OR o.abbreviation IS NOT NULL)
        ORDER BY x.event_id, x.organisation_id""",
    "countries": f"""SELECT x.event_id, c.name FROM event_countries x JOIN countries c ON c.id = x.country_id
        WHERE x.event_id IN {_PAGE_IDS} AND c.name <> '' ORDER BY x.event_id, x.country_id""",
    "people": f"""SELECT x.event_id, pe.name FROM event_people x JOIN people pe ON pe.id = x.person_id
        WHERE x.event_id IN {_PAGE_IDS} AND pe.name <> '' ORDER BY x.event_id, x.person_id""",
    "agreements": f"""SELECT x.event_id, a.title FROM event_agreements x JOIN agreements a ON a.id = x.agreement_id
        WHERE x.event_id IN {_PAGE_IDS} AND a.title <> '' ORDER BY x.event_id, x.agreement_id""",
    "sources": f"""SELECT DISTINCT x.event_id, s.title FROM event_citations x JOIN sources s ON s.id = x.source_id
        WHERE x.event_id IN {_PAGE_IDS} AND x.stance = 'supports' AND s.title <> ''
        ORDER BY x.event_id, s.title""",
    "quotes": f"""SELECT x.event_id, x.stance = 'supports', ps.exact FROM event_citations x
        JOIN passages ps ON ps.id = x.passage_id
        WHERE x.event_id IN {_PAGE_IDS} AND x.stance IN ('supports', 'contradicts') AND ps.exact <> ''
        ORDER BY x.event_id, x.passage_id""",
    "tags": f"""SELECT DISTINCT n.event_id, t.tag FROM ({_NOTES_OF_PAGE}) n
        JOIN annotation_tags t ON t.annotation_id = n.note WHERE t.tag <> '' ORDER BY n.event_id, t.tag""",
    "annotations": f"""SELECT n.event_id, n.body FROM ({_NOTES_OF_PAGE}) n WHERE n.body <> ''
        ORDER BY n.event_id, n.r""",
}

_FIRST, _LAST = itemgetter(0), itemgetter(-1)


def _cells(rows: list[tuple]) -> dict[str, str]:
    """(event id, value) rows, an event's rows together, as one `; `-joined cell per event."""
    cells = dict(rows)
    if len(cells) == len(rows):  # one value each
        return cells
    return {event_id: JOIN.join(map(_LAST, values)) for event_id, values in groupby(rows, _FIRST)}


def _fetch(session: Session, sql: str, params: dict) -> list[tuple]:
    """All rows of a statement sent through the session (so it runs, and is logged and recorded,
    like any other), as the driver's plain tuples: at this volume building a `Row` for each is a
    measurable part of the export's time."""
    result = session.execute(text(sql), params)
    try:
        return result.cursor.fetchall()
    finally:
        result.close()


def _page_rows(session: Session, bounds: dict) -> list[tuple]:
    """The rows of the events at positions lo < n <= hi, in order, before `safe_cell`."""
    def query(name: str) -> list[tuple]:
        return _fetch(session, _DETAILS[name], bounds)

    base = _fetch(session, _EVENT_PAGE, bounds)
    if not base:
        return []
    session.execute(text(f"DELETE FROM {_PAGE}"))
    session.execute(text(f"INSERT INTO {_PAGE} (id) SELECT p.id FROM {_ORDER} p WHERE {_IN_PAGE}"), bounds)
    quotes: dict[str, str] = {}
    contradicting: dict[str, str] = {}
    for event_id, supports, exact in query("quotes"):
        cells = quotes if supports else contradicting
        got = cells.get(event_id)
        cells[event_id] = exact if got is None else got + JOIN + exact
    (ids, date, start, end, precision, date_text, title, kind, summary, location, disputed,
     dispute_note) = zip(*base, strict=True)

    def column(cells: dict[str, str]):
        return map(cells.get, ids, repeat(""))

    return list(zip(
        ids, date, start, end, precision, date_text, title, kind, summary, location,
        column(_cells(query("organisations"))), column(_cells(query("countries"))),
        column(_cells(query("people"))), column(_cells(query("agreements"))),
        column(_cells(query("sources"))),
        column(quotes), disputed, dispute_note, column(contradicting),
        column(_cells(query("tags"))), column(_cells(query("annotations"))), strict=True,
    ))


# `_clean` joins cells with NUL (which `safe_cell` removes, so no cell it leaves alone holds one):
# a cell with a risky first character is the text's start or follows a NUL, and a NUL inside a
# cell shows in the count.
_RISKY_CELL = re.compile("\x00[" + re.escape("".join(sorted(_RISKY_FIRST))) + "]")


def _clean(cells, width: int) -> bool:
    """Whether `width` cells are all text that `safe_cell` would leave as it is: its fast path, for
    many cells at once."""
    try:
        joined = "\x00".join(cells)
    except TypeError:  # not all text
        return False
    return (joined.count("\x00") == width - 1 and joined[:1] not in _RISKY_FIRST
            and _RISKY_CELL.search(joined) is None)


def _safe_rows(rows: list[tuple]) -> list:
    """`safe_cell` on every cell of a page: checked for the whole page at once, then (only when
    something in it needs changing) row by row, and only such rows go through `safe_cell`."""
    width = len(EVENT_COLUMNS)
    if _clean(chain.from_iterable(rows), width * len(rows)):
        return rows
    return [row if _clean(row, width) else [safe_cell(c) for c in row] for row in rows]


def export_events(
    session: Session, f: EventFilter, out: TextIO, *, sort: str = "date", descending: bool = False,
    excel: bool = False, page: int = 2000, progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write the filter's events, in timeline (or the given sort) order; return the row count.

    The order is computed once, in SQL, into a temporary table of positions; a page is then a
    range of positions, read with a few set-based queries (the events, then one per several-valued
    column for the whole page), so memory stays bounded by the page size and no per-row
    subqueries run.
    """
    c = compile_filter(f)
    writer = _writer(out, EVENT_COLUMNS, excel)
    if cancelled and cancelled():
        raise ExportCancelled()
    written = 0
    try:
        _drop(session)
        session.execute(text("CREATE TEMP TABLE _export_order (n INTEGER PRIMARY KEY, rid INTEGER NOT NULL, "
                             "id TEXT NOT NULL)"))
        session.execute(text("CREATE TEMP TABLE _export_page (id TEXT PRIMARY KEY) WITHOUT ROWID"))
        total = session.execute(text(
            f"INSERT INTO {_ORDER} (n, rid, id) SELECT row_number() OVER (ORDER BY {order_by(sort, descending)}), "
            f"e.rowid, e.id FROM events e WHERE {c.where}"), c.params).rowcount
        while written < total:
            if cancelled and cancelled():
                raise ExportCancelled()
            rows = _page_rows(session, {"lo": written, "hi": written + page})
            if not rows:
                break
            writer.writerows(_safe_rows(rows))
            written += len(rows)
            if progress:
                progress(written, total)
    finally:
        _drop(session)
    return written


def _drop(session: Session) -> None:
    for table in (_ORDER, _PAGE):
        session.execute(text(f"DROP TABLE IF EXISTS {table}"))


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
