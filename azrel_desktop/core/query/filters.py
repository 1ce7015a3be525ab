"""The one event filter: a value that compiles itself to SQL with bound parameters and
describes itself in words.

The timeline, its facets, the CLI and the CSV export all take an `EventFilter`, so what is
shown is exactly what is exported. Within a dimension the chosen values are alternatives
(NATO *or* CIS); dimensions combine with AND. An organisation includes its bodies.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from datetime import date

from sqlalchemy import text
from sqlalchemy.orm import Session

from ..corpus.dates import describe as describe_date
from ..corpus.dates import window
from .search import fts_query

DIMENSIONS = ("dates", "organisations", "countries", "people", "kinds", "sources", "tags",
              "disputed", "annotated", "text")


@dataclass(frozen=True)
class EventFilter:
    date_from: str | None = None
    date_to: str | None = None
    organisations: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    disputed: bool | None = None
    annotated: bool = False
    text: str = ""

    def __post_init__(self) -> None:
        for name in ("organisations", "countries", "people", "kinds", "sources", "tags"):
            value = getattr(self, name)
            if isinstance(value, str):  # one value, not a sequence of characters
                object.__setattr__(self, name, (value,))
            elif not isinstance(value, tuple):
                object.__setattr__(self, name, tuple(value))
        window(self.date_from, self.date_to)  # raises DateError on a bad window

    def without(self, dimension: str, value: str | None = None) -> EventFilter:
        """This filter with one dimension (or one value of it) removed."""
        if dimension == "dates":
            return replace(self, date_from=None, date_to=None)
        if dimension == "date_from":
            return replace(self, date_from=None)
        if dimension == "date_to":
            return replace(self, date_to=None)
        if dimension == "disputed":
            return replace(self, disputed=None)
        if dimension == "annotated":
            return replace(self, annotated=False)
        if dimension == "text":
            return replace(self, text="")
        current = getattr(self, dimension)
        kept = () if value is None else tuple(v for v in current if v != value)
        return replace(self, **{dimension: kept})

    def only(self, dimension: str) -> EventFilter:
        """A filter with just this dimension of this one (the others left open)."""
        if dimension == "dates":
            return EventFilter(date_from=self.date_from, date_to=self.date_to)
        return replace(EventFilter(), **{dimension: getattr(self, dimension)})

    def toggled(self, dimension: str, value: str) -> EventFilter:
        current = getattr(self, dimension)
        if value in current:
            return replace(self, **{dimension: tuple(v for v in current if v != value)})
        return replace(self, **{dimension: (*current, value)})

    @property
    def is_empty(self) -> bool:
        return self == EventFilter()

    def to_dict(self) -> dict:
        return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(self).items()}

    @classmethod
    def from_dict(cls, data: dict) -> EventFilter:
        names = {f.name for f in fields(cls)}
        return cls(**{k: tuple(v) if isinstance(v, list) else v for k, v in data.items() if k in names})


@dataclass(frozen=True)
class CompiledFilter:
    where: str
    params: dict


class _Params:
    def __init__(self) -> None:
        self.values: dict = {}

    def add(self, value) -> str:
        name = f"p{len(self.values)}"
        self.values[name] = value
        return f":{name}"

    def many(self, values) -> str:
        return ", ".join(self.add(v) for v in values)


ORG_TREE = """WITH RECURSIVE sub(id) AS (
    SELECT id FROM organisations WHERE id IN ({ids})
    UNION SELECT o.id FROM organisations o JOIN sub ON o.parent_id = sub.id)
  SELECT id FROM sub"""

ANNOTATED_EVENTS = """SELECT a.target_id FROM annotations a {tag_join}
      WHERE a.target_kind = 'event' {tag_cond}
    UNION SELECT c.event_id FROM event_citations c JOIN annotations a
      ON a.target_kind = 'passage' AND a.target_id = c.passage_id {tag_join}
      WHERE 1 = 1 {tag_cond}"""


def compile_filter(f: EventFilter, *, exclude: str | None = None, walk_text: bool = False) -> CompiledFilter:
    """SQL conditions on `events e` for the filter; `exclude` leaves one dimension out (facets).

    `walk_text` writes the text condition so that no index can serve it (`+e.rowid`): for a
    term that matches many events, walking the sort order's index and probing the matches
    finds the first page sooner than fetching and sorting every match.
    """
    p = _Params()
    conds: list[str] = []
    if exclude != "dates":
        lower, upper = window(f.date_from, f.date_to)
        if lower:
            conds.append(f"e.date_end >= {p.add(lower.isoformat())}")
        if upper:
            conds.append(f"e.date_start <= {p.add(upper.isoformat())}")
    if f.organisations and exclude != "organisations":
        conds.append(
            "e.id IN (SELECT eo.event_id FROM event_organisations eo WHERE eo.organisation_id IN ("
            + ORG_TREE.format(ids=p.many(f.organisations)) + "))"
        )
    if f.countries and exclude != "countries":
        conds.append(f"e.id IN (SELECT event_id FROM event_countries WHERE country_id IN ({p.many(f.countries)}))")
    if f.people and exclude != "people":
        conds.append(f"e.id IN (SELECT event_id FROM event_people WHERE person_id IN ({p.many(f.people)}))")
    if f.kinds and exclude != "kinds":
        conds.append(f"e.kind IN ({p.many(f.kinds)})")
    if f.sources and exclude != "sources":
        conds.append(f"e.id IN (SELECT event_id FROM event_citations WHERE source_id IN ({p.many(f.sources)}))")
    if f.tags and exclude != "tags":
        tags = p.many(f.tags)
        conds.append("e.id IN (" + ANNOTATED_EVENTS.format(
            tag_join="JOIN annotation_tags t ON t.annotation_id = a.id",
            tag_cond=f"AND t.tag IN ({tags})") + ")")
    if f.disputed is not None and exclude != "disputed":
        conds.append(f"e.disputed = {p.add(1 if f.disputed else 0)}")
    if f.annotated and exclude != "annotated":
        conds.append("e.id IN (" + ANNOTATED_EVENTS.format(tag_join="", tag_cond="") + ")")
    query = fts_query(f.text) if exclude != "text" else None
    if query:
        rowid = "+e.rowid" if walk_text else "e.rowid"
        conds.append(f"{rowid} IN (SELECT rowid FROM event_fts WHERE event_fts MATCH {p.add(query)})")
    return CompiledFilter(" AND ".join(conds) or "1 = 1", p.values)


def text_only_query(f: EventFilter) -> str | None:
    """The FTS5 query of a filter that is free text alone, else None. Every event has exactly
    one search row with its rowid (`azrel check` verifies it), so such a filter's events can be
    counted or listed from the index alone, without reading a row of events."""
    return fts_query(f.text) if f == f.only("text") else None


@dataclass(frozen=True)
class FilterChip:
    """One removable part of a filter's description."""

    dimension: str
    value: str | None
    label: str


def _names(session: Session, table: str, ids: tuple[str, ...], label_sql: str) -> dict[str, str]:
    if not ids:
        return {}
    p = _Params()
    rows = session.execute(
        text(f"SELECT id, {label_sql} FROM {table} WHERE id IN ({p.many(ids)})"), p.values
    )
    return dict(rows.all())


def describe(session: Session, f: EventFilter) -> list[FilterChip]:
    """The filter as readable chips: `organisation is NATO`, `1997 – 1999`, `text contains "Solana"`."""
    chips: list[FilterChip] = []
    if f.date_from and f.date_to:
        chips.append(FilterChip("dates", None, f"{describe_date(f.date_from) if _edtf(f.date_from) else f.date_from}"
                                f" – {describe_date(f.date_to) if _edtf(f.date_to) else f.date_to}"))
    elif f.date_from:
        chips.append(FilterChip("date_from", None, f"from {_label_date(f.date_from)}"))
    elif f.date_to:
        chips.append(FilterChip("date_to", None, f"until {_label_date(f.date_to)}"))
    orgs = _names(session, "organisations", f.organisations, "coalesce(abbreviation, name)")
    chips += [FilterChip("organisations", o, f"organisation is {orgs.get(o, o)}") for o in f.organisations]
    countries = _names(session, "countries", f.countries, "name")
    chips += [FilterChip("countries", c, f"country is {countries.get(c, c)}") for c in f.countries]
    people = _names(session, "people", f.people, "name")
    chips += [FilterChip("people", x, f"person is {people.get(x, x)}") for x in f.people]
    chips += [FilterChip("kinds", k, f"kind is {k.replace('_', ' ')}") for k in f.kinds]
    sources = _names(session, "sources", f.sources, "title")
    chips += [FilterChip("sources", s, f"source is {sources.get(s, s)}") for s in f.sources]
    chips += [FilterChip("tags", t, f"tagged {t}") for t in f.tags]
    if f.disputed is True:
        chips.append(FilterChip("disputed", None, "disputed only"))
    elif f.disputed is False:
        chips.append(FilterChip("disputed", None, "undisputed only"))
    if f.annotated:
        chips.append(FilterChip("annotated", None, "annotated only"))
    if f.text.strip():
        if fts_query(f.text) is None:  # no word to search for: the text filters nothing
            chips.append(FilterChip("text", None, f"text “{f.text.strip()}” ignored: it holds no words"))
        else:
            chips.append(FilterChip("text", None, f"text contains “{f.text.strip()}”"))
    return chips


def describe_text(session: Session, f: EventFilter) -> str:
    chips = describe(session, f)
    return " · ".join(c.label for c in chips) if chips else "all events"


def _edtf(value: str) -> bool:
    from ..corpus.dates import is_valid_edtf

    return is_valid_edtf(value)


def _label_date(value: str) -> str:
    return describe_date(value) if _edtf(value) else value


def window_bounds(f: EventFilter) -> tuple[date | None, date | None]:
    return window(f.date_from, f.date_to)
