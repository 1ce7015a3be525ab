"""Timeline queries: counting, sorting, paging and faceting the events an `EventFilter` selects.

Everything is done in SQL; rows come back as plain `EventRow` values a page at a time.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.orm import Session

from ..corpus.dates import DateError, parse_edtf
from ..corpus.dates import describe as describe_date
from ..store.driver import cursor_result
from .facets import Facets, FacetValue  # noqa: F401 - re-exported: the timeline's facets
from .filters import CompiledFilter, EventFilter, compile_filter, text_only_query
from .search import fts_query, match_count, matching_rowids
from .sorting import SORT_KEYS, order_by  # noqa: F401 - re-exported: the timeline's sort orders

if TYPE_CHECKING:
    import numpy as np

SEP = "\x1f"  # joins several names inside one SQL value; never occurs in data we store

# Each key but the date breaks ties by ascending date and id in both directions, and each reads
# an index of (key, date_start, id) or (key DESC, date_start, id). The organisation, country,
# source and note keys are columns on the event kept by triggers (migration 0004), NULL (first
# ascending, last descending) for an event with no organisation or no country.


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
    evidence: str = "single_source"  # core/corpus/evidence.py; disputed == (evidence == "contested")
    # For an event no source gives an end for (open to the future): the last day its supporting
    # sources speak for (the latest one's data date or publication, its upper bound), or None
    # when none is dated. The chart draws "no later evidence" after it.
    evidence_until: str | None = None


ROW_SELECT = f"""SELECT e.id, e.date, e.date_text, e.date_start, e.date_end, e.precision,
  e.approximate, e.uncertain, e.title, e.kind, e.summary,
  (SELECT group_concat(coalesce(o.abbreviation, o.name), '{SEP}') FROM event_organisations eo
     JOIN organisations o ON o.id = eo.organisation_id WHERE eo.event_id = e.id),
  (SELECT group_concat(eo.organisation_id, '{SEP}') FROM event_organisations eo WHERE eo.event_id = e.id),
  (SELECT group_concat(c.name, '{SEP}') FROM event_countries ec JOIN countries c ON c.id = ec.country_id
     WHERE ec.event_id = e.id),
  e.source_count, e.annotation_count, e.disputed, e.evidence,
  CASE WHEN e.date_end >= '9999' THEN (SELECT max(coalesce(s.data_as_of, s.published)) FROM event_citations ci
     JOIN sources s ON s.id = ci.source_id WHERE ci.event_id = e.id AND ci.stance = 'supports') END
FROM events e"""


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(value.split(SEP)) if value else ()


def _row(r) -> EventRow:
    return EventRow(
        id=r[0], date=r[1], date_label=describe_date(r[1]), date_text=r[2], date_start=r[3],
        date_end=r[4], precision=r[5], approximate=bool(r[6]), uncertain=bool(r[7]), title=r[8],
        kind=r[9], summary=r[10], organisations=_split(r[11]), organisation_ids=_split(r[12]),
        countries=_split(r[13]), source_count=r[14], annotation_count=r[15], disputed=bool(r[16]),
        evidence=r[17], evidence_until=upper_day(r[18]),
    )


def upper_day(value: str | None) -> str | None:
    """The last day an EDTF date can mean ('1994-03' -> '1994-03-31'), or None."""
    if not value:
        return None
    try:
        return parse_edtf(value).end_iso
    except DateError:
        return None


def count_events(session: Session, f: EventFilter, compiled: CompiledFilter | None = None) -> int:
    query = text_only_query(f) if compiled is None else None
    if query:
        return _text_matches(session, query)
    c = compiled or compile_filter(f)
    return session.execute(text(f"SELECT count(*) FROM events e WHERE {c.where}"), c.params).scalar_one()


def _text_matches(session: Session, query: str) -> int:
    # remembered per query and index token: a filter change also plans its page and its facets by them
    return match_count(session, query)


def _walk_text(session: Session, f: EventFilter, page_end: int) -> bool:
    """Whether the first rows are found sooner by walking the sort index than by sorting the
    matches: walking reads about page_end × events / matches entries, sorting reads every match."""
    query = fts_query(f.text)
    if not query:
        return False
    matches = _text_matches(session, query)
    events = session.execute(text("SELECT coalesce(max(rowid), 0) FROM events")).scalar_one()
    return matches * matches > page_end * events


def total_events(session: Session) -> int:
    return session.execute(text("SELECT count(*) FROM events")).scalar_one()


def event_rows(
    session: Session, f: EventFilter, *, sort: str = "date", descending: bool = False,
    offset: int = 0, limit: int = 200, after: str | None = None, among: np.ndarray | None = None,
) -> list[EventRow]:
    """A page of the filtered, sorted events: `limit` rows from `offset`, or — keyset paging —
    the `limit` rows that come just after the event `after` (normally the last row already
    loaded), read by seeking the sort index instead of skipping `offset` rows. The anchor need
    not pass the filter; an id that is not in the events table gives no rows. `among`, when
    given, is the rowids (ascending) of exactly the events `f` selects (the facet engine's
    answer): the page is then found among them instead of by the filter's SQL."""
    if after is not None:
        if offset:
            raise ValueError("page either from an offset or after an event, not both")
        return _rows_after(session, f, after, sort=sort, descending=descending, limit=limit)
    # (a date window in date order is one range of the date index for SQL, while its events sit
    # together somewhere along that order, far from where probing starts)
    if among is not None and not (sort == "date" and (f.date_from or f.date_to)):
        page = _page_among(session, among, sort=sort, descending=descending, offset=offset, limit=limit)
        if page is not None:
            return page
    walk = _walk_text(session, f, offset + limit)
    query = text_only_query(f) if walk else None
    if query:
        page = _probed_page(session, query, sort=sort, descending=descending, offset=offset, limit=limit)
        if page is not None:
            return page
    c = compile_filter(f, walk_text=walk)
    order = order_by(sort, descending)
    # The page's rowids first, so that the row's linked names are looked up for its rows only
    # rather than for every event the sort has to consider.
    sql = (f"{ROW_SELECT} WHERE e.rowid IN (SELECT e.rowid FROM events e WHERE {c.where} ORDER BY {order} "
           f"LIMIT :_lim OFFSET :_off) ORDER BY {order}")
    rows = session.execute(text(sql), {**c.params, "_lim": limit, "_off": offset})
    return [_row(r) for r in rows]


# A sample keeps the events whose rowid hashes below a cut: rowid × ⌊2³¹/φ⌋ mod 2³¹ spreads
# consecutive rowids evenly over the range (a Weyl sequence), so a sample taken from events
# stored in date order is as even as one taken from a shuffled file; the product stays within
# SQLite's 64-bit integers.
_HASH_SPACE = 2**31
_HASH_STEP = 1_327_217_885
_SAMPLE_HASH = f"((e.rowid % {_HASH_SPACE}) * {_HASH_STEP}) % {_HASH_SPACE}"


def sample_rows(session: Session, f: EventFilter, about: int, total: int | None = None,
                among: np.ndarray | None = None) -> list[EventRow]:
    """The filter's events when there are at most `about` of them, else a sample of about that
    many (each event with the same chance, drawn by a fixed hash of its rowid, so the same
    filter gives the same sample), by date. `among`: the rowids (ascending) of exactly the
    filter's events, when the facet engine knows them (the sample is then drawn from them rather
    than by a scan of the events in SQL: 0.2 s of CPU at a million)."""
    if among is not None:
        if len(among) <= about:
            return event_rows(session, f, sort="date", limit=about, among=among)
        cut = -(-about * _HASH_SPACE // len(among))
        picked = among[(among % _HASH_SPACE) * _HASH_STEP % _HASH_SPACE < cut].tolist()
        return _rows_of(session, picked, order_by("date"))
    total = count_events(session, f) if total is None else total
    if total <= about:
        return event_rows(session, f, sort="date", limit=about)
    cut = -(-about * _HASH_SPACE // total)  # ceil: about `about` of `total` hashes fall below it
    order = order_by("date")
    query = text_only_query(f)
    if query:  # the remembered matches (a numpy array), not the search again inside SQL
        matches = matching_rowids(session, query)
        picked = matches[(matches % _HASH_SPACE) * _HASH_STEP % _HASH_SPACE < cut].tolist()
        return _rows_of(session, picked, order)
    c = compile_filter(f)
    rows = session.execute(text(f"{ROW_SELECT} WHERE e.rowid IN (SELECT e.rowid FROM events e "
                                f"WHERE {c.where} AND {_SAMPLE_HASH} < :_cut) ORDER BY {order}"),
                           {**c.params, "_cut": cut})
    return [_row(r) for r in rows]


def _rows_of(session: Session, rowids: list[int], order: str) -> list[EventRow]:
    # One parameter holding the list: thousands of named ones cost more to bind than the query.
    rows = session.execute(text(f"{ROW_SELECT} WHERE e.rowid IN (SELECT value FROM json_each(:rowids)) "
                                f"ORDER BY {order}"), {"rowids": json.dumps(rowids)})
    return [_row(r) for r in rows]


PROBE_AT_MOST = 50_000  # sort-index entries a probed page reads before SQL walks instead


def _probed_page(session: Session, query: str, *, sort: str, descending: bool, offset: int,
                 limit: int) -> list[EventRow] | None:
    """A page of a text-only filter that matches many events, found by reading the sort index
    a stretch at a time and probing each rowid against the remembered matches (`search`), so
    the search is not run again inside SQL; None when the page lies too deep for that."""
    return _probed(session, matching_rowids(session, query), sort=sort, descending=descending, offset=offset,
                   limit=limit)


def _page_among(session: Session, among: np.ndarray, *, sort: str, descending: bool, offset: int,
                limit: int) -> list[EventRow] | None:
    """A page of the events `among` (rowids, ascending): many are found by walking the sort
    index and probing each rowid against them (a filter selecting 40,000 of a million events
    reads some 6,000 index entries for its first page, where its SQL would collect and sort all
    40,000), a few are sorted by SQL from their rowids — whichever reads less, as for a search
    (`_walk_text`). None when the page lies too deep to probe."""
    if not len(among):
        return []
    order = order_by(sort, descending)
    events = session.execute(text("SELECT coalesce(max(rowid), 0) FROM events")).scalar_one()
    if len(among) * len(among) > (offset + limit) * events:
        return _probed(session, among, sort=sort, descending=descending, offset=offset, limit=limit)
    page = [r for (r,) in session.execute(text(
        f"SELECT e.rowid FROM events e WHERE e.rowid IN (SELECT value FROM json_each(:rowids)) "
        f"ORDER BY {order} LIMIT :_lim OFFSET :_off"),
        {"rowids": json.dumps(among.tolist()), "_lim": limit, "_off": offset})]
    return _rows_of(session, page, order) if page else []


def _probed(session: Session, matches: np.ndarray, *, sort: str, descending: bool, offset: int,
            limit: int) -> list[EventRow] | None:
    """The page `offset`..`offset + limit` of the events `matches` (rowids, ascending), by
    reading the sort index a stretch at a time and keeping the rowids among them; None when
    the page lies deeper than `PROBE_AT_MOST` entries."""
    import numpy as np

    events = session.execute(text("SELECT coalesce(max(rowid), 0) FROM events")).scalar_one()
    need = offset + limit
    stretch = max(256, int(need * max(events, 1) / max(len(matches), 1) * 1.25))
    order = order_by(sort, descending)
    found: list[np.ndarray] = []
    read = have = 0
    while have < need:
        if read + stretch > PROBE_AT_MOST:
            return None
        result = cursor_result(session.execute(
            text(f"SELECT e.rowid FROM events e ORDER BY {order} LIMIT :n OFFSET :o"), {"n": stretch, "o": read}))
        try:  # the driver's own tuples: a stretch is up to 50,000 rows
            part = np.array([r for (r,) in result.cursor.fetchall()], dtype=np.int64)
        finally:
            result.close()
        at = np.minimum(np.searchsorted(matches, part), len(matches) - 1)
        hits = part[matches[at] == part] if len(matches) else part[:0]
        found.append(hits)
        have += len(hits)
        read += stretch
        if len(part) < stretch:  # the end of the events
            break
        stretch *= 2
    page = np.concatenate(found)[offset:need].tolist() if found else []
    if not page:
        return []
    return _rows_of(session, page, order)


def _rows_after(session: Session, f: EventFilter, after: str, *, sort: str, descending: bool,
                limit: int) -> list[EventRow]:
    values = anchor_values(session, after, sort)
    if values is None:
        return []
    ks = keyset(sort, descending, values)
    # Walking the sort index from the anchor reads about limit × events / matches entries.
    c = compile_filter(f, walk_text=_walk_text(session, f, limit))
    order = order_by(sort, descending)
    # Each segment is one range of the sort index and they follow each other in the sort order,
    # so the first `limit` rows of each, sorted together, are the page; a single statement with
    # the OR of the segments would have SQLite read the whole key group the anchor is in.
    parts = " UNION ALL ".join(
        f"SELECT * FROM (SELECT e.rowid FROM events e WHERE {c.where} AND {seg} ORDER BY {order} LIMIT :_lim)"
        for seg in ks.segments)
    sql = (f"{ROW_SELECT} WHERE e.rowid IN (SELECT e.rowid FROM events e WHERE e.rowid IN ({parts}) "
           f"ORDER BY {order} LIMIT :_lim) ORDER BY {order}")
    rows = session.execute(text(sql), {**c.params, **ks.params, "_lim": limit})
    return [_row(r) for r in rows]


def event_row(session: Session, event_id: str) -> EventRow | None:
    r = session.execute(text(f"{ROW_SELECT} WHERE e.id = :id"), {"id": event_id}).first()
    return _row(r) if r else None


def row_index(session: Session, f: EventFilter, event_id: str, *, sort: str = "date",
              descending: bool = False) -> int | None:
    """Position of an event in the filtered, sorted list (None when the filter hides it): how
    many filtered events come before it in the sort order — a count, no window function."""
    values = anchor_values(session, event_id, sort)
    if values is None:
        return None
    ks = keyset(sort, descending, values, after=False)
    if f.is_empty:
        # Each segment is one range of the sort index: SQLite counts exactly the entries before
        # the event, reading nothing else.
        counts = " + ".join(f"(SELECT count(*) FROM events e WHERE {seg})" for seg in ks.segments) or "0"
        return session.execute(text(f"SELECT {counts}"), ks.params).scalar_one()
    # With a filter, one statement, so that the filter's lists are built once and SQLite may
    # start from a selective one (an organisation's events) rather than walk the sort index;
    # the event itself is counted apart, which tells whether the filter passes it.
    c = compile_filter(f)
    before, found = session.execute(text(
        f"SELECT count(*) - coalesce(max(e.id = :_target), 0), max(e.id = :_target) FROM events e "
        f"WHERE {c.where} AND ({ks.where} OR e.id = :_target)"), {**c.params, **ks.params, "_target": event_id}).one()
    return before if found else None


# --- keyset predicates ------------------------------------------------------------------------------

NULLABLE = frozenset({"e.sort_organisations", "e.sort_countries"})  # the keys that are NULL for some events


@dataclass(frozen=True)
class Term:
    """One ORDER BY term of a sort: the expression (with its collation), its direction and
    whether it can be NULL (SQLite puts NULL first ascending, last descending)."""

    expr: str
    descending: bool
    nullable: bool


def sort_terms(sort: str = "date", descending: bool = False) -> tuple[Term, ...]:
    """The terms of `order_by(sort, descending)`, read from SORT_KEYS itself."""
    terms = []
    for part in order_by(sort, descending).split(", "):
        expr, _, direction = part.rpartition(" ")
        if direction not in ("ASC", "DESC"):
            expr, direction = part, "ASC"
        terms.append(Term(expr, direction == "DESC", expr in NULLABLE))
    return tuple(terms)


def anchor_values(session: Session, event_id: str, sort: str = "date") -> tuple | None:
    """The event's values of the sort's terms (None when there is no such event)."""
    exprs = ", ".join(t.expr for t in sort_terms(sort))
    row = session.execute(text(f"SELECT {exprs} FROM events e WHERE e.id = :_anchor"), {"_anchor": event_id}).first()
    return tuple(row) if row is not None else None


@dataclass(frozen=True)
class Keyset:
    """The events strictly after (or before) an anchor in a sort order, as SQL on `events e`.

    `where` is the expanded form `(k1 > :v1) OR (k1 = :v1 AND ((k2 > :v2) OR (k2 = :v2 AND k3 > :v3)))`
    (with the comparisons a term's direction and NULLs call for), led by a redundant bound on
    the first term when one exists so that SQLite starts its index range there. `segments` are
    the same events as disjoint conjunctions — equal to the anchor on a prefix of the terms and
    beyond it on the next — in the sort order; each is one range of the sort's index
    (`kind=? AND date_start=? AND id>?`), so SQLite seeks to it instead of reading the anchor's
    whole key group."""

    where: str
    segments: tuple[str, ...]
    params: dict


def _beyond(t: Term, value: str, is_null: bool, after: bool) -> list[str]:
    """Conditions (disjoint, in the sort order) for the term being strictly beyond the anchor's
    value: later in the order when `after`, earlier otherwise."""
    greater = after != t.descending  # beyond means greater in SQLite's ascending order (NULL least)
    if greater:
        if is_null:
            return [f"{t.expr} IS NOT NULL"] if t.nullable else []
        return [f"{t.expr} > {value}"]
    if is_null:
        return []
    smaller = [f"{t.expr} < {value}"]
    if t.nullable:  # NULL is less than any value: first ascending, last descending
        smaller = [*smaller, f"{t.expr} IS NULL"] if t.descending else [f"{t.expr} IS NULL", *smaller]
    return smaller


def _equal(t: Term, value: str, is_null: bool) -> str:
    return f"{t.expr} IS NULL" if is_null else f"{t.expr} = {value}"


def _or(parts: list[str]) -> str:
    if not parts:
        return "0"
    return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"


def keyset(sort: str, descending: bool, values: tuple, *, after: bool = True) -> Keyset:
    """The events after (`after`) or before the anchor whose term values (`anchor_values`) are
    `values`, in the order `order_by(sort, descending)`."""
    terms = sort_terms(sort, descending)
    if len(values) != len(terms):
        raise ValueError(f"{sort} sorts by {len(terms)} values, not {len(values)}")
    params = {f"_k{i}": v for i, v in enumerate(values) if v is not None}
    names = [f":_k{i}" for i in range(len(terms))]
    nulls = [v is None for v in values]
    beyond = [_beyond(t, n, z, after) for t, n, z in zip(terms, names, nulls, strict=True)]
    equal = [_equal(t, n, z) for t, n, z in zip(terms, names, nulls, strict=True)]

    nested = _or(beyond[-1])
    for i in range(len(terms) - 2, -1, -1):
        nested = _or([*beyond[i], f"({equal[i]} AND {nested})"])
    first = terms[0]
    if not nulls[0] and (after != first.descending or not first.nullable):  # beyond and equal form one range
        nested = f"({first.expr} {'>=' if after != first.descending else '<='} {names[0]} AND {nested})"
    elif not nested.startswith("("):
        nested = f"({nested})"

    levels = []
    for i in range(len(terms)):
        prefix = equal[:i]
        levels.append([" AND ".join([*prefix, b]) for b in beyond[i]])
    ordered = reversed(levels) if after else levels  # after: nearest (longest shared prefix) first
    segments = tuple(seg for level in ordered for seg in level)
    return Keyset(nested, segments, params)
