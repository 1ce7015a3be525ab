"""Timeline queries: counting, sorting, paging and faceting the events an `EventFilter` selects.

Everything is done in SQL; rows come back as plain `EventRow` values a page at a time.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import text
from sqlalchemy.orm import Session

from .dates import describe as describe_date
from .filters import ORG_TREE, CompiledFilter, EventFilter, compile_filter

SEP = "\x1f"  # joins several names inside one SQL value; never occurs in data we store

SORT_KEYS = {
    "date": "e.date_start {d}, e.date_end {d}, e.id {d}",
    "title": "e.title COLLATE NOCASE {d}, e.date_start, e.id",
    "kind": "e.kind {d}, e.date_start, e.id",
    "organisations": "(SELECT min(coalesce(o.abbreviation, o.name)) FROM event_organisations eo "
                     "JOIN organisations o ON o.id = eo.organisation_id WHERE eo.event_id = e.id) {d}, "
                     "e.date_start, e.id",
    "countries": "(SELECT min(c.name) FROM event_countries ec JOIN countries c ON c.id = ec.country_id "
                 "WHERE ec.event_id = e.id) {d}, e.date_start, e.id",
    "sources": "(SELECT count(DISTINCT ci.source_id) FROM event_citations ci "
               "WHERE ci.event_id = e.id AND ci.stance = 'supports') {d}, "
               "e.date_start, e.id",
    "disputed": "e.disputed {d}, e.date_start, e.id",
    "annotations": "(SELECT count(*) FROM annotations a WHERE a.target_kind = 'event' "
                   "AND a.target_id = e.id) {d}, e.date_start, e.id",
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
  (SELECT count(DISTINCT ci.source_id) FROM event_citations ci
     WHERE ci.event_id = e.id AND ci.stance = 'supports'),
  (SELECT count(*) FROM annotations a WHERE a.target_kind = 'event' AND a.target_id = e.id),
  e.disputed
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
    c = compiled or compile_filter(f)
    return session.execute(text(f"SELECT count(*) FROM events e WHERE {c.where}"), c.params).scalar_one()


def total_events(session: Session) -> int:
    return session.execute(text("SELECT count(*) FROM events")).scalar_one()


def event_rows(
    session: Session, f: EventFilter, *, sort: str = "date", descending: bool = False,
    offset: int = 0, limit: int = 200,
) -> list[EventRow]:
    c = compile_filter(f)
    sql = f"{ROW_SELECT} WHERE {c.where} ORDER BY {order_by(sort, descending)} LIMIT :_lim OFFSET :_off"
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


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    detail: str = ""


@dataclass(frozen=True)
class Facets:
    """Counts per option of each dimension; each dimension is counted under the other dimensions
    of the filter (the count is how many events that option would give)."""

    total: int
    organisations: list[FacetValue] = field(default_factory=list)
    countries: list[FacetValue] = field(default_factory=list)
    people: list[FacetValue] = field(default_factory=list)
    kinds: list[FacetValue] = field(default_factory=list)
    sources: list[FacetValue] = field(default_factory=list)
    tags: list[FacetValue] = field(default_factory=list)
    disputed: int = 0
    annotated: int = 0
    years: list[FacetValue] = field(default_factory=list)


def _facet(session: Session, sql: str, params: dict) -> list[FacetValue]:
    return [FacetValue(r[0], r[1] or r[0], r[2], r[3] if len(r) > 3 and r[3] else "")
            for r in session.execute(text(sql), params)]


class _Selections:
    """Each distinct filtered set a facet needs, computed once into a temporary table.

    A facet counts under the filter minus its own dimension, so one call needs up to a handful
    of different sets; materialising each once keeps the text search or the organisation tree
    from being re-evaluated inside every GROUP BY.
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        self.tables: dict[tuple, str] = {}

    def among(self, c: CompiledFilter, column: str) -> str:
        """`WHERE column IN (the filtered events)`, or nothing when the filter selects all."""
        if c.where == "1 = 1":
            return ""
        key = (c.where, tuple(sorted(c.params.items())))
        name = self.tables.get(key)
        if name is None:
            name = f"_facet_set_{len(self.tables)}"
            self.session.execute(text(f"DROP TABLE IF EXISTS temp.{name}"))
            self.session.execute(text(f"CREATE TEMP TABLE {name} (id TEXT PRIMARY KEY) WITHOUT ROWID"))
            self.session.execute(text(f"INSERT INTO temp.{name} SELECT e.id FROM events e WHERE {c.where}"),
                                 c.params)
            self.tables[key] = name
        return f" WHERE {column} IN (SELECT id FROM temp.{name})"

    def drop(self) -> None:
        for name in self.tables.values():
            self.session.execute(text(f"DROP TABLE IF EXISTS temp.{name}"))


def _with_labels(session: Session, counts_sql: str, labels_sql: str, params: dict) -> list[FacetValue]:
    """Counts by id (fast GROUP BY on a link table) merged with every option's label, so an
    option with no events under the filter still shows, with 0."""
    counts = dict(session.execute(text(counts_sql), params).all())
    values = [FacetValue(r[0], r[1] or r[0], counts.get(r[0], 0), (r[2] or "") if len(r) > 2 else "")
              for r in session.execute(text(labels_sql))]
    return sorted(values, key=lambda v: (-v.count, v.label.casefold()))


def facets(session: Session, f: EventFilter) -> Facets:
    sets = _Selections(session)
    try:
        return _facets(session, f, sets)
    finally:
        sets.drop()


def _facets(session: Session, f: EventFilter, sets: _Selections) -> Facets:
    full = compile_filter(f)
    total = count_events(session, f, full)
    _among = sets.among

    def under(dim: str) -> CompiledFilter:
        return compile_filter(f, exclude=dim)

    c = under("organisations")
    orgs = _with_labels(session, f"""
        WITH RECURSIVE tree(ancestor, id) AS (
            SELECT id, id FROM organisations
            UNION ALL SELECT t.ancestor, o.id FROM organisations o JOIN tree t ON o.parent_id = t.id)
        SELECT t.ancestor, count(DISTINCT eo.event_id) FROM tree t
        JOIN event_organisations eo ON eo.organisation_id = t.id {_among(c, "eo.event_id")}
        GROUP BY t.ancestor""",
        "SELECT id, coalesce(abbreviation, name), parent_id FROM organisations", c.params)
    c = under("countries")
    countries = _with_labels(
        session, f"SELECT country_id, count(*) FROM event_countries {_among(c, 'event_id')} GROUP BY country_id",
        "SELECT id, name FROM countries", c.params)
    c = under("people")
    people = _with_labels(
        session, f"SELECT person_id, count(*) FROM event_people {_among(c, 'event_id')} GROUP BY person_id",
        "SELECT id, name, office FROM people", c.params)
    c = under("kinds")
    kinds = _facet(session, f"""
        SELECT e.kind, replace(e.kind, '_', ' '), count(*) FROM events e WHERE {c.where}
        GROUP BY e.kind ORDER BY count(*) DESC, e.kind""", c.params)
    c = under("sources")
    sources = _with_labels(session, f"""
        SELECT ci.source_id, count(DISTINCT ci.event_id) FROM event_citations ci {_among(c, "ci.event_id")}
        GROUP BY ci.source_id""", "SELECT id, title, kind FROM sources", c.params)
    c = under("tags")
    tags = _facet(session, f"""
        WITH tagged(event_id, tag) AS (
            SELECT a.target_id, t.tag FROM annotations a JOIN annotation_tags t ON t.annotation_id = a.id
              WHERE a.target_kind = 'event'
            UNION SELECT ci.event_id, t.tag FROM event_citations ci
              JOIN annotations a ON a.target_kind = 'passage' AND a.target_id = ci.passage_id
              JOIN annotation_tags t ON t.annotation_id = a.id)
        SELECT tag, tag, count(DISTINCT event_id) FROM tagged {_among(c, "event_id")}
        GROUP BY tag ORDER BY count(DISTINCT event_id) DESC, tag""", c.params)
    c = under("disputed")
    disputed = session.execute(
        text(f"SELECT count(*) FROM events e WHERE e.disputed = 1 AND {c.where}"), c.params).scalar_one()
    c = under("annotated")
    annotated_events = compile_filter(EventFilter(annotated=True)).where  # binds no parameters
    annotated = session.execute(
        text(f"SELECT count(*) FROM events e WHERE {c.where} AND {annotated_events}"), c.params
    ).scalar_one()
    years = _facet(session, f"""
        SELECT substr(e.date_start, 1, 4), substr(e.date_start, 1, 4), count(*) FROM events e
        WHERE {full.where} GROUP BY substr(e.date_start, 1, 4) ORDER BY 1""", full.params)
    return Facets(total, orgs, countries, people, kinds, sources, tags, disputed, annotated, years)


def org_descendants(session: Session, org_ids: tuple[str, ...]) -> list[str]:
    params = {f"o{i}": v for i, v in enumerate(org_ids)}
    sql = ORG_TREE.format(ids=", ".join(f":o{i}" for i in range(len(org_ids))))
    return [r[0] for r in session.execute(text(sql), params)]
