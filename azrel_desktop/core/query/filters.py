"""The one event filter: a value that compiles itself to SQL with bound parameters and
describes itself in words.

The timeline, its facets, the CLI and the CSV export all take an `EventFilter`, so what is
shown is exactly what is exported. Within a dimension the chosen values are alternatives
(NATO *or* CIS); dimensions combine with AND. An organisation includes its bodies.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from datetime import date
from typing import TYPE_CHECKING, Any

from ..corpus.dates import window
from ..store.sql_text import text
from .dimensions import (
    ANNOTATED_EVENTS,
    BY_NAME,
    LISTS,
    NAMES,
    ORG_TREE,
    REGISTRY,
    FilterChip,
    ListDimension,
    Params,
    with_fields,
)
from .search import fts_query

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

DIMENSIONS = NAMES  # every dimension's name, in the order chips and the panel show them
__all__ = ["ANNOTATED_EVENTS", "DIMENSIONS", "ORG_TREE", "CompiledFilter", "EventFilter", "FilterChip",
           "compile_filter", "describe", "describe_text", "text_only_query", "window_bounds"]


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
    evidence: tuple[str, ...] = ()  # evidence grades (core/corpus/evidence.py), any of them
    origins: tuple[str, ...] = ()  # "mine" (the user's own events) and/or "corpus"

    def __post_init__(self) -> None:
        for name in (d.name for d in LISTS):
            value = getattr(self, name)
            if isinstance(value, str):  # one value, not a sequence of characters
                object.__setattr__(self, name, (value,))
            elif not isinstance(value, tuple):
                object.__setattr__(self, name, tuple(value))
        window(self.date_from, self.date_to)  # raises DateError on a bad window
        for d in REGISTRY:
            d.check(self)

    def without(self, dimension: str, value: str | None = None) -> EventFilter:
        """This filter with one dimension (or one value of it) removed. A field of a dimension
        of several fields (`date_from` of the dates) removes just that field."""
        d = BY_NAME[dimension]
        if dimension != d.name:
            return with_fields(self, {dimension: None})
        return d.cleared(self, value)

    def only(self, dimension: str) -> EventFilter:
        """A filter with just this dimension of this one (the others left open)."""
        return EventFilter(**BY_NAME[dimension].only(self))

    def toggled(self, dimension: str, value: str) -> EventFilter:
        d = BY_NAME[dimension]
        assert isinstance(d, ListDimension), f"{dimension} has no values to toggle"
        return d.toggled(self, value)

    @property
    def is_empty(self) -> bool:
        return self == EventFilter()

    def to_dict(self) -> dict:
        return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(self).items()}

    @classmethod
    def from_dict(cls, data: dict) -> EventFilter:
        names = {f.name for f in fields(cls)}
        values: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v for k, v in data.items() if k in names}
        return cls(**values)


@dataclass(frozen=True)
class CompiledFilter:
    where: str
    params: dict


def compile_filter(f: EventFilter, *, exclude: str | None = None, walk_text: bool = False) -> CompiledFilter:
    """SQL conditions on `events e` for the filter; `exclude` leaves one dimension out (facets).

    `walk_text` writes the text condition so that no index can serve it (`+e.rowid`): for a
    term that matches many events, walking the sort order's index and probing the matches
    finds the first page sooner than fetching and sorting every match.
    """
    p = Params()
    conds = [c for d in REGISTRY if d.name != exclude and d.active(f)
             if (c := d.condition(f, p, walk_text=walk_text))]
    return CompiledFilter(" AND ".join(conds) or "1 = 1", p.values)


def text_only_query(f: EventFilter) -> str | None:
    """The FTS5 query of a filter that is free text alone, else None. Every event has exactly
    one search row with its rowid (`azrel check` verifies it), so such a filter's events can be
    counted or listed from the index alone, without reading a row of events."""
    return fts_query(f.text) if f == f.only("text") else None


def _names(session: Session, table: str, ids: tuple[str, ...], label_sql: str) -> dict[str, str]:
    p = Params()
    rows = session.execute(
        text(f"SELECT id, {label_sql} FROM {table} WHERE id IN ({p.many(ids)})"), p.values
    )
    return dict(rows.all())


def describe(session: Session, f: EventFilter) -> list[FilterChip]:
    """The filter as readable chips: `organisation is NATO`, `1997 – 1999`, `text contains "Solana"`."""
    return describe_with(f, lambda table, ids, label: _names(session, table, ids, label))


def describe_with(f: EventFilter, labels) -> list[FilterChip]:
    """`describe` with the options' labels from `labels(table, ids, label_sql)` (a dict by id)."""
    return [chip for d in REGISTRY if d.active(f) for chip in d.chips(f, labels)]


def describe_text(session: Session, f: EventFilter) -> str:
    chips = describe(session, f)
    return " · ".join(c.label for c in chips) if chips else "all events"


def window_bounds(f: EventFilter) -> tuple[date | None, date | None]:
    return window(f.date_from, f.date_to)
