"""The shape of the data under a filter: counts for the analysis page's charts.

* `events_per_period`: events per year (or month) by organisation or by country, as stacked
  series: the busiest `top` names each get a series, the rest one "other" series, and events
  with none their own. An event linked to two organisations counts once in each (a stack then
  adds up to more than the events of its period; `events` says how many there are).
* `sources_per_period`: the same with the sources whose passages support the events, so a
  period covered by one source alone shows as one thin colour.
* `sources_per_event`: how many events have 0, 1, 2, … distinct supporting sources.

Each event is counted in the period its date falls in. An event whose dates span more than one
period (a year-only date in a monthly view, an interval across years) fits no single bar: it is
counted in `spanning` instead and never guessed into a period. All counts are plain SQL over
the one `EventFilter`'s compiled conditions, so they agree with the timeline and its facets.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import text
from sqlalchemy.orm import Session

from .filters import EventFilter, compile_filter

PERIODS = {"year": 4, "month": 7}  # characters of the ISO date that name the period
GROUPS = ("organisation", "country", "source")
NONE_ID = ""  # the series of events with no organisation (country, source)
OTHER_ID = "*"  # the series of everything beyond the busiest
TOP = 8
SOURCE_BINS = 5  # 0, 1, 2, 3, 4 and "5 or more" distinct sources


@dataclass(frozen=True)
class Series:
    id: str  # the organisation's (country's, source's) id, or NONE_ID / OTHER_ID
    label: str
    counts: tuple[int, ...]  # one per period of the table

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True)
class StackedCounts:
    """Counts per period and series: what a stacked bar chart draws."""

    group: str  # "organisation", "country" or "source"
    period: str  # "year" or "month"
    periods: tuple[str, ...]  # "1994" or "1994-05", in order, every period between the first and last
    series: tuple[Series, ...]  # busiest first; "other" and "none" last
    events: tuple[int, ...] = ()  # distinct events per period
    spanning: int = 0  # events whose dates span several periods (in no bar)

    def header(self) -> list[str]:
        return [self.period, *(s.label for s in self.series), "events"]

    def rows(self) -> list[list[object]]:
        return [[p, *(s.counts[i] for s in self.series), self.events[i]] for i, p in enumerate(self.periods)]


@dataclass(frozen=True)
class Distribution:
    """How many events have each number of distinct supporting sources."""

    bins: tuple[str, ...]  # "0", "1", … "5 or more"
    counts: tuple[int, ...]
    at_least: tuple[int, ...] = field(default=())  # the smallest source count of each bin

    def header(self) -> list[str]:
        return ["sources per event", "events"]

    def rows(self) -> list[list[object]]:
        return [[b, c] for b, c in zip(self.bins, self.counts, strict=True)]


_LINKS = {
    "organisation": ("event_organisations", "organisation_id", "",
                     "SELECT id, coalesce(abbreviation, name) FROM organisations"),
    "country": ("event_countries", "country_id", "", "SELECT id, name FROM countries"),
    "source": ("event_citations", "source_id", " AND l.stance = 'supports'", "SELECT id, title FROM sources"),
}
_NO_LABEL = {"organisation": "no organisation", "country": "no country", "source": "no source"}
_OTHER_LABEL = {"organisation": "other organisations", "country": "other countries", "source": "other sources"}


def _all_periods(first: str, last: str, period: str) -> list[str]:
    if period == "year":
        return [f"{y:04d}" for y in range(int(first), int(last) + 1)]
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def counts_per_period(session: Session, f: EventFilter, group: str, period: str = "year",
                      top: int = TOP) -> StackedCounts:
    """Events of the filter per period, stacked by organisation, country or supporting source."""
    if group not in _LINKS:
        raise ValueError(f"cannot group events by {group!r}; by one of {', '.join(GROUPS)}")
    if period not in PERIODS:
        raise ValueError(f"no period {period!r}; year or month")
    width = PERIODS[period]
    table, column, extra, labels_sql = _LINKS[group]
    c = compile_filter(f)
    fits = f"substr(e.date_start, 1, {width}) = substr(e.date_end, 1, {width})"
    rows = session.execute(text(f"""
        SELECT substr(e.date_start, 1, {width}) AS p, l.{column} AS g, count(DISTINCT e.id)
        FROM events e LEFT JOIN {table} l ON l.event_id = e.id{extra}
        WHERE {c.where} AND {fits}
        GROUP BY p, g"""), c.params).all()
    per_event: dict[str, int] = {p: n for p, n in session.execute(text(f"""
        SELECT substr(e.date_start, 1, {width}) AS p, count(*) FROM events e
        WHERE {c.where} AND {fits} GROUP BY p"""), c.params)}
    spanning = session.execute(text(f"SELECT count(*) FROM events e WHERE {c.where} AND NOT ({fits})"),
                               c.params).scalar_one()
    if not per_event:
        return StackedCounts(group, period, (), (), (), spanning)
    periods = _all_periods(min(per_event), max(per_event), period)
    at = {p: i for i, p in enumerate(periods)}
    totals: dict[str, int] = {}
    for _p, g, n in rows:
        if g is not None:
            totals[g] = totals.get(g, 0) + n
    names: dict[str, str] = {key: label for key, label in session.execute(text(labels_sql))}
    busiest = sorted(totals, key=lambda g: (-totals[g], str(names.get(g, g)).casefold()))[:top]
    index = {g: i for i, g in enumerate(busiest)}
    grid = [[0] * len(periods) for _ in range(len(busiest) + 2)]  # + other, none
    for p, g, n in rows:
        row = len(busiest) + 1 if g is None else index.get(g, len(busiest))
        grid[row][at[p]] += n
    series = [Series(g, str(names.get(g, g)), tuple(grid[i])) for i, g in enumerate(busiest)]
    for i, (sid, label) in enumerate(((OTHER_ID, _OTHER_LABEL[group]), (NONE_ID, _NO_LABEL[group]))):
        counts = tuple(grid[len(busiest) + i])
        if any(counts):
            series.append(Series(sid, label, counts))
    return StackedCounts(group, period, tuple(periods), tuple(series),
                         tuple(per_event.get(p, 0) for p in periods), spanning)


def sources_per_event(session: Session, f: EventFilter, bins: int = SOURCE_BINS) -> Distribution:
    """Events of the filter by their number of distinct supporting sources (`source_count`,
    kept by every write), the last bin holding that many or more."""
    c = compile_filter(f)
    counts = [0] * (bins + 1)
    for n, events in session.execute(text(f"""SELECT e.source_count, count(*) FROM events e
            WHERE {c.where} GROUP BY e.source_count"""), c.params).all():
        counts[min(int(n), bins)] += events
    labels = [str(i) for i in range(bins)] + [f"{bins} or more"]
    return Distribution(tuple(labels), tuple(counts), tuple(range(bins + 1)))


def period_window(period: str) -> tuple[str, str]:
    """The filter's date window (from, to) of one period: the whole year or month."""
    return period, period
