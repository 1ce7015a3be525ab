"""Timeline queries: counting, sorting, paging and faceting the events an `EventFilter` selects.

Everything is done in SQL; rows come back as plain `EventRow` values a page at a time.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from .dates import describe as describe_date
from .facets import Facets, FacetValue  # noqa: F401 - re-exported: the timeline's facets
from .filters import ORG_TREE, CompiledFilter, EventFilter, compile_filter
from .search import fts_query

SEP = "\x1f"  # joins several names inside one SQL value; never occurs in data we store

# Each key but the date breaks ties by ascending date and id in both directions, and each reads
# an index of (key, date_start, id) or (key DESC, date_start, id). The organisation, country,
# source and note keys are columns on the event kept by triggers (migration 0004), NULL (first
# ascending, last descending) for an event with no organisation or no country.
SORT_KEYS = {
    "date": "e.date_start {d}, e.date_end {d}, e.id {d}",
    "title": "e.title COLLATE NOCASE {d}, e.date_start, e.id",
    "kind": "e.kind {d}, e.date_start, e.id",
    "organisations": "e.sort_organisations {d}, e.date_start, e.id",
    "countries": "e.sort_countries {d}, e.date_start, e.id",
    "sources": "e.source_count {d}, e.date_start, e.id",
    "disputed": "e.disputed {d}, e.date_start, e.id",
    "annotations": "e.annotation_count {d}, e.date_start, e.id",
}


@dataclass(frozen=True)
class EventRow:
    id: str
    date: str
    date_label: str
    date_text: str | None
    date_start: str
    date_end: str
    precision: str
    approximate: bool
    uncertain: bool
    title: str
    kind: str
    summary: str
    organisations: tuple[str, ...]
    organisation_ids: tuple[str, ...]
    countries: tuple[str, ...]
    source_count: int
    annotation_count: int
    disputed: bool


ROW_SELECT = f"""SELECT e.id, e.date, e.date_text, e.date_start, e.date_end, e.precision,
  e.approximate, e.uncertain, e.title, e.kind, e.summary,
  (SELECT group_concat(coalesce(o.abbreviation, o.name), '{SEP}') FROM event_organisations eo
     JOIN organisations o ON o.id = eo.organisation_id WHERE eo.event_id = e.id),
  (SELECT group_concat(eo.organisation_id, '{SEP}') FROM event_organisations eo WHERE eo.event_id = e.id),
  (SELECT group_concat(c.name, '{SEP}') FROM event_countries ec JOIN countries c ON c.id = ec.country_id
     WHERE ec.event_id = e.id),
  e.source_count, e.annotation_count, e.disputed
FROM events e"""


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(value.split(SEP)) if value else ()


def _row(r) -> EventRow:
    return EventRow(
        id=r[0], date=r[1], date_label=describe_date(r[1]), date_text=r[2], date_start=r[3],
        date_end=r[4], precision=r[5], approximate=bool(r[6]), uncertain=bool(r[7]), title=r[8],
        kind=r[9], summary=r[10], organisations=_split(r[11]), organisation_ids=_split(r[12]),
        countries=_split(r[13]), source_count=r[14], annotation_count=r[15], disputed=bool(r[16]),
    )


def order_by(sort: str = "date", descending: bool = False) -> str:
    if sort not in SORT_KEYS:
        raise ValueError(f"cannot sort by {sort!r}; choose one of {', '.join(SORT_KEYS)}")
    return SORT_KEYS[sort].format(d="DESC" if descending else "ASC")


def count_events(session: Session, f: EventFilter, compiled: CompiledFilter | None = None) -> int:
    if compiled is None and f == f.only("text") and fts_query(f.text):
        # Every event has exactly one search row with its rowid (`azrel check` verifies it), so
        # the index counts the matches without reading a row of events.
        return _text_matches(session, f)
    c = compiled or compile_filter(f)
    return session.execute(text(f"SELECT count(*) FROM events e WHERE {c.where}"), c.params).scalar_one()


def _text_matches(session: Session, f: EventFilter) -> int:
    return session.execute(text("SELECT count(*) FROM event_fts WHERE event_fts MATCH :q"),
                           {"q": fts_query(f.text)}).scalar_one()


def _walk_text(session: Session, f: EventFilter, page_end: int) -> bool:
    """Whether the first rows are found sooner by walking the sort index than by sorting the
    matches: walking reads about page_end × events / matches entries, sorting reads every match."""
    if not fts_query(f.text):
        return False
    matches = _text_matches(session, f)
    events = session.execute(text("SELECT coalesce(max(rowid), 0) FROM events")).scalar_one()
    return matches * matches > page_end * events


def total_events(session: Session) -> int:
    return session.execute(text("SELECT count(*) FROM events")).scalar_one()


def event_rows(
    session: Session, f: EventFilter, *, sort: str = "date", descending: bool = False,
    offset: int = 0, limit: int = 200,
) -> list[EventRow]:
    c = compile_filter(f, walk_text=_walk_text(session, f, offset + limit))
    order = order_by(sort, descending)
    # The page's rowids first, so that the row's linked names are looked up for its rows only
    # rather than for every event the sort has to consider.
    sql = (f"{ROW_SELECT} WHERE e.rowid IN (SELECT e.rowid FROM events e WHERE {c.where} ORDER BY {order} "
           f"LIMIT :_lim OFFSET :_off) ORDER BY {order}")
    rows = session.execute(text(sql), {**c.params, "_lim": limit, "_off": offset})
    return [_row(r) for r in rows]


def event_row(session: Session, event_id: str) -> EventRow | None:
    r = session.execute(text(f"{ROW_SELECT} WHERE e.id = :id"), {"id": event_id}).first()
    return _row(r) if r else None


def row_index(session: Session, f: EventFilter, event_id: str, *, sort: str = "date",
              descending: bool = False) -> int | None:
    """Position of an event in the filtered, sorted list (None when the filter hides it)."""
    c = compile_filter(f)
    sql = (f"SELECT n FROM (SELECT e.id, row_number() OVER (ORDER BY {order_by(sort, descending)}) - 1 AS n "
           f"FROM events e WHERE {c.where}) WHERE id = :_target")
    return session.execute(text(sql), {**c.params, "_target": event_id}).scalar()


def org_descendants(session: Session, org_ids: tuple[str, ...]) -> list[str]:
    params = {f"o{i}": v for i, v in enumerate(org_ids)}
    sql = ORG_TREE.format(ids=", ".join(f":o{i}" for i in range(len(org_ids))))
    return [r[0] for r in session.execute(text(sql), params)]
