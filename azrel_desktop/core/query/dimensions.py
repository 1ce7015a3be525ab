"""The filter's dimensions as a registry: one object per dimension owning everything about it.

Each `Dimension` owns its field(s) on `EventFilter`, its SQL condition (bound parameters only),
its chips, its mask in the facet engine, its command-line option and, for a dimension with an
option list, its section in the filter panel and the SQL that lists its options and their
events for the facet index. The filter, the facets, the chips, the CLI, the benchmark's plain-SQL
baseline and the panel all loop over `REGISTRY`, so a new dimension is one new object here plus
its field on `EventFilter` and its tests.

Numpy is not imported here: masks are computed through the facet index's own methods, so this
module (and the filter) stays cheap to import for the command line.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING, Any, ClassVar

from ..corpus.dates import describe as describe_date
from ..corpus.dates import is_valid_edtf, window
from ..corpus.evidence import GRADES, grade_label
from .search import fts_query

if TYPE_CHECKING:
    from datetime import date

    import numpy as np

    from .facet_index import FacetIndex, Notes
    from .filters import EventFilter


class Params:
    """Bound parameters collected while a filter compiles: `:p0`, `:p1`, …"""

    def __init__(self) -> None:
        self.values: dict[str, Any] = {}

    def add(self, value: Any) -> str:
        name = f"p{len(self.values)}"
        self.values[name] = value
        return f":{name}"

    def many(self, values: Sequence[Any]) -> str:
        return ", ".join(self.add(v) for v in values)


@dataclass(frozen=True)
class FilterChip:
    """One removable part of a filter's description."""

    dimension: str
    value: str | None
    label: str


@dataclass(frozen=True)
class CliOption:
    """One command-line option of a dimension."""

    flag: str
    dest: str
    help: str
    metavar: str | None = None
    repeated: bool = False  # `--org NATO --org CIS`: a list of alternatives
    lookup: str | None = None  # what `lookup.resolve` turns the words into ("organisation"), if anything
    const: Any = None  # a switch: the value it stores (`--disputed` True, `--undisputed` False)
    default: Any = None

    def add_to(self, group: Any) -> None:
        """Add the option to an `argparse` parser or group."""
        if self.const is not None:
            group.add_argument(self.flag, dest=self.dest, action="store_const", const=self.const,
                               default=self.default, help=self.help)
        elif self.repeated:
            group.add_argument(self.flag, dest=self.dest, action="append", default=[], metavar=self.metavar,
                               help=self.help)
        else:
            group.add_argument(self.flag, dest=self.dest, default=self.default, metavar=self.metavar,
                               help=self.help)

    @property
    def usage(self) -> str:
        """The option as README's filter table writes it."""
        return f"{self.flag} {self.metavar}" if self.metavar else self.flag


Labels = Callable[[str, tuple[str, ...], str], dict[str, str]]  # (table, ids, label SQL) -> names


ORG_TREE = """WITH RECURSIVE sub(id) AS (
    SELECT id FROM organisations WHERE id IN ({ids})
    UNION SELECT o.id FROM organisations o JOIN sub ON o.parent_id = sub.id)
  SELECT id FROM sub"""

ANNOTATED_EVENTS = """SELECT a.target_id FROM annotations a {tag_join}
      WHERE a.target_kind = 'event' {tag_cond}
    UNION SELECT c.event_id FROM event_citations c JOIN annotations a
      ON a.target_kind = 'passage' AND a.target_id = c.passage_id {tag_join}
      WHERE 1 = 1 {tag_cond}"""


def with_fields(f: EventFilter, changes: dict[str, Any]) -> EventFilter:
    """`f` with some fields set by name. The registry knows a dimension's fields by name, so the
    values' types are checked by the dimension's tests rather than by the type checker."""
    return replace(f, **changes)


class Dimension:
    """One dimension of the filter. Subclasses fill in what their kind of value needs."""

    name: str
    fields: tuple[str, ...]
    cli: tuple[CliOption, ...] = ()

    def active(self, f: EventFilter) -> bool:
        return any(getattr(f, n) != _default(f, n) for n in self.fields)

    def check(self, f: EventFilter) -> None:
        """Raise ValueError (one line) for a value this dimension cannot hold."""

    def cleared(self, f: EventFilter, value: str | None = None) -> EventFilter:
        """`f` without this dimension (or without one of its values)."""
        return with_fields(f, {n: _default(f, n) for n in self.fields})

    def only(self, f: EventFilter) -> dict[str, Any]:
        return {n: getattr(f, n) for n in self.fields}

    def condition(self, f: EventFilter, p: Params, *, walk_text: bool = False) -> str | None:
        raise NotImplementedError

    def chips(self, f: EventFilter, labels: Labels) -> list[FilterChip]:
        raise NotImplementedError

    def mask(self, f: EventFilter, index: FacetIndex, notes: Notes) -> np.ndarray | None:
        """The events this dimension of `f` selects, from the facet engine; None when only SQL
        can say (the caller then runs `condition`)."""
        return None

    def from_args(self, args: Any, resolve: Callable[[str, str], str]) -> dict[str, Any]:
        return {}


class ListDimension(Dimension):
    """A dimension whose value is a set of alternatives (NATO *or* CIS), with an option list
    in the filter panel and its options counted by the facet index."""

    title: str  # the filter panel's section
    expanded: bool = False  # the section starts open
    hide_empty: bool = False  # list only the options with events under the filter
    ordered: bool = False  # options keep the order options_sql gives (else the busiest first)
    chip_prefix: str
    label_table: str | None = None  # where the chip finds an option's name
    label_sql: str = "name"
    # Facet index: (options: key, label, detail) and (members: key, group_concat(event rowid))
    options_sql: ClassVar[str | None] = None
    members_sql: ClassVar[str | None] = None

    def __init__(self) -> None:
        self.fields = (self.name,)

    def cleared(self, f: EventFilter, value: str | None = None) -> EventFilter:
        kept = () if value is None else tuple(v for v in getattr(f, self.name) if v != value)
        return with_fields(f, {self.name: kept})

    def toggled(self, f: EventFilter, value: str) -> EventFilter:
        current = getattr(f, self.name)
        if value in current:
            return with_fields(f, {self.name: tuple(v for v in current if v != value)})
        return with_fields(f, {self.name: (*current, value)})

    def chip_label(self, value: str, names: dict[str, str]) -> str:
        return f"{self.chip_prefix} {names.get(value, value)}"

    def chips(self, f: EventFilter, labels: Labels) -> list[FilterChip]:
        values = getattr(f, self.name)
        names = labels(self.label_table, values, self.label_sql) if self.label_table and values else {}
        return [FilterChip(self.name, v, self.chip_label(v, names)) for v in values]

    def mask(self, f: EventFilter, index: FacetIndex, notes: Notes) -> np.ndarray | None:
        if self.name not in index.dimensions:
            return None
        return index.mask(index.dimensions[self.name].events_with(getattr(f, self.name)))

    def from_args(self, args: Any, resolve: Callable[[str, str], str]) -> dict[str, Any]:
        option = self.cli[0]
        given = getattr(args, option.dest) or ()
        if option.lookup:
            return {self.name: tuple(resolve(option.lookup, x) for x in given)}
        return {self.name: tuple(given)}


class Dates(Dimension):
    name = "dates"
    fields = ("date_from", "date_to")
    cli = (CliOption("--from", "date_from", "start of window: 1997, 1997-05, spring 1998", "DATE"),
           CliOption("--to", "date_to", "end of window (inclusive: --to 1999 is end of 1999)", "DATE"))

    def condition(self, f: EventFilter, p: Params, *, walk_text: bool = False) -> str | None:
        lower, upper = window(f.date_from, f.date_to)
        conds = []
        if lower:
            conds.append(f"e.date_end >= {p.add(lower.isoformat())}")
        if upper:
            conds.append(f"e.date_start <= {p.add(upper.isoformat())}")
        return " AND ".join(conds) or None

    def chips(self, f: EventFilter, labels: Labels) -> list[FilterChip]:
        if f.date_from and f.date_to:
            return [FilterChip("dates", None, f"{_label_date(f.date_from)} – {_label_date(f.date_to)}")]
        if f.date_from:
            return [FilterChip("date_from", None, f"from {_label_date(f.date_from)}")]
        if f.date_to:
            return [FilterChip("date_to", None, f"until {_label_date(f.date_to)}")]
        return []

    def mask(self, f: EventFilter, index: FacetIndex, notes: Notes) -> np.ndarray | None:
        if index.days is None:
            return None
        lower, upper = window(f.date_from, f.date_to)
        return index.window(day_number(lower), day_number(upper))

    def from_args(self, args: Any, resolve: Callable[[str, str], str]) -> dict[str, Any]:
        return {"date_from": args.date_from, "date_to": args.date_to}


class Organisations(ListDimension):
    name, title, expanded, chip_prefix = "organisations", "Organisations", True, "organisation is"
    label_table, label_sql = "organisations", "coalesce(abbreviation, name)"
    cli = (CliOption("--org", "org", "organisation by name, abbreviation or alias; includes its bodies",
                     "NAME", repeated=True, lookup="organisation"),)
    # options and members are built by the facet index itself: an organisation counts its bodies

    def condition(self, f: EventFilter, p: Params, *, walk_text: bool = False) -> str | None:
        return ("e.id IN (SELECT eo.event_id FROM event_organisations eo WHERE eo.organisation_id IN ("
                + ORG_TREE.format(ids=p.many(f.organisations)) + "))")


class Countries(ListDimension):
    name, title, expanded, chip_prefix = "countries", "Countries", True, "country is"
    label_table = "countries"
    cli = (CliOption("--country", "country", "country taking part", "NAME", repeated=True, lookup="country"),)
    options_sql = "SELECT id, name, NULL FROM countries"
    members_sql = ("SELECT x.country_id, group_concat(e.rowid) FROM event_countries x "
                   "JOIN events e ON e.id = x.event_id GROUP BY x.country_id")

    def condition(self, f: EventFilter, p: Params, *, walk_text: bool = False) -> str | None:
        return f"e.id IN (SELECT event_id FROM event_countries WHERE country_id IN ({p.many(f.countries)}))"


class People(ListDimension):
    name, title, chip_prefix = "people", "People", "person is"
    label_table = "people"
    cli = (CliOption("--person", "person", "person named in the event", "NAME", repeated=True,
                     lookup="person"),)
    options_sql = "SELECT id, name, office FROM people"
    members_sql = ("SELECT x.person_id, group_concat(e.rowid) FROM event_people x "
                   "JOIN events e ON e.id = x.event_id GROUP BY x.person_id")

    def condition(self, f: EventFilter, p: Params, *, walk_text: bool = False) -> str | None:
        return f"e.id IN (SELECT event_id FROM event_people WHERE person_id IN ({p.many(f.people)}))"


class Kinds(ListDimension):
    name, title, expanded, chip_prefix = "kinds", "Kinds of event", True, "kind is"
    hide_empty = True
    cli = (CliOption("--kind", "kind", "event kind, e.g. visit", "KIND", repeated=True, lookup="kind"),)
    options_sql = "SELECT DISTINCT kind, replace(kind, '_', ' '), NULL FROM events"
    members_sql = "SELECT kind, group_concat(rowid) FROM events GROUP BY kind"

    def chip_label(self, value: str, names: dict[str, str]) -> str:
        return f"kind is {value.replace('_', ' ')}"

    def condition(self, f: EventFilter, p: Params, *, walk_text: bool = False) -> str | None:
        return f"e.kind IN ({p.many(f.kinds)})"


class Sources(ListDimension):
    name, title, chip_prefix = "sources", "Sources", "source is"
    label_table, label_sql = "sources", "title"
    cli = (CliOption("--source", "source", "a source cited by the event (id or words of its title)",
                     "TITLE", repeated=True, lookup="source"),)
    options_sql = "SELECT id, title, kind FROM sources"
    members_sql = ("SELECT x.source_id, group_concat(e.rowid) FROM event_citations x "
                   "JOIN events e ON e.id = x.event_id GROUP BY x.source_id")

    def condition(self, f: EventFilter, p: Params, *, walk_text: bool = False) -> str | None:
        return f"e.id IN (SELECT event_id FROM event_citations WHERE source_id IN ({p.many(f.sources)}))"


ORIGINS = {"mine": 0, "corpus": 1}  # origin -> events.is_seed


class Origins(ListDimension):
    """Whose events: the user's own ("mine", recorded from their sources) or the shipped
    corpus's ("corpus")."""

    name, title, expanded, chip_prefix = "origins", "Origin", True, "origin is"
    cli = (CliOption("--origin", "origin", "mine (the events you recorded) or corpus (the shipped corpus's)",
                     "ORIGIN", repeated=True, lookup="origin"),)
    options_sql = ("SELECT 'mine', 'mine', 'events you recorded' "
                   "UNION ALL SELECT 'corpus', 'corpus', 'the shipped corpus'")
    members_sql = ("SELECT CASE WHEN is_seed THEN 'corpus' ELSE 'mine' END, group_concat(rowid) "
                   "FROM events INDEXED BY ix_events_origin GROUP BY is_seed")

    def chip_label(self, value: str, names: dict[str, str]) -> str:
        return {"mine": "your own events", "corpus": "the shipped corpus's events"}.get(value, f"origin is {value}")

    def condition(self, f: EventFilter, p: Params, *, walk_text: bool = False) -> str | None:
        seeds = sorted({ORIGINS[v] for v in f.origins if v in ORIGINS})
        return f"e.is_seed IN ({p.many(seeds)})" if seeds else "0 = 1"


class Tags(ListDimension):
    """The user's tags: counted from the notes, which change more often than the corpus."""

    name, title, chip_prefix = "tags", "Your tags", "tagged"
    cli = (CliOption("--tag", "tag", "annotation tag", "TAG", repeated=True),)

    def chip_label(self, value: str, names: dict[str, str]) -> str:
        return f"tagged {value}"

    def condition(self, f: EventFilter, p: Params, *, walk_text: bool = False) -> str | None:
        tags = p.many(f.tags)
        return "e.id IN (" + ANNOTATED_EVENTS.format(
            tag_join="JOIN annotation_tags t ON t.annotation_id = a.id",
            tag_cond=f"AND t.tag IN ({tags})") + ")"

    def mask(self, f: EventFilter, index: FacetIndex, notes: Notes) -> np.ndarray | None:
        return notes.tagged(index, f.tags)


class Evidence(ListDimension):
    """The claim's evidence grade, computed from its citations (core/corpus/evidence.py): every
    grade is an option, in the rule's order, even one no event has."""

    name, title, expanded, chip_prefix = "evidence", "Evidence", True, "evidence is"
    ordered = True
    cli = (CliOption("--evidence", "evidence", "evidence grade: corroborated, single source, uncorroborated or "
                     "contested", "GRADE", repeated=True, lookup="evidence"),)
    options_sql = ("SELECT column1, column2, NULL FROM (VALUES "
                   + ", ".join(f"('{g}', '{grade_label(g)}')" for g in GRADES) + ")")
    members_sql = "SELECT evidence, group_concat(rowid) FROM events GROUP BY evidence"

    def chip_label(self, value: str, names: dict[str, str]) -> str:
        return f"evidence is {grade_label(value)}"

    def check(self, f: EventFilter) -> None:
        unknown = [g for g in f.evidence if g not in GRADES]
        if unknown:
            raise ValueError(f"unknown evidence grade {unknown[0]!r}: choose from {', '.join(GRADES)}")

    def condition(self, f: EventFilter, p: Params, *, walk_text: bool = False) -> str | None:
        return f"e.evidence IN ({p.many(f.evidence)})"


class Disputed(Dimension):
    """Disputed is the evidence grade "contested" (the refresh keeps the two equal)."""

    name = "disputed"
    fields = ("disputed",)
    cli = (CliOption("--disputed", "disputed", "only disputed (contested) events", const=True),
           CliOption("--undisputed", "disputed", "only undisputed events (all but contested)", const=False))

    def condition(self, f: EventFilter, p: Params, *, walk_text: bool = False) -> str | None:
        return f"e.disputed = {p.add(1 if f.disputed else 0)}"

    def chips(self, f: EventFilter, labels: Labels) -> list[FilterChip]:
        return [FilterChip("disputed", None, "disputed only" if f.disputed else "undisputed only")]

    def mask(self, f: EventFilter, index: FacetIndex, notes: Notes) -> np.ndarray | None:
        return index.disputed if f.disputed else index.exists & ~index.disputed

    def from_args(self, args: Any, resolve: Callable[[str, str], str]) -> dict[str, Any]:
        return {"disputed": args.disputed}


class Annotated(Dimension):
    name = "annotated"
    fields = ("annotated",)
    cli = (CliOption("--annotated", "annotated", "only events with notes", const=True, default=False),)

    def condition(self, f: EventFilter, p: Params, *, walk_text: bool = False) -> str | None:
        return "e.id IN (" + ANNOTATED_EVENTS.format(tag_join="", tag_cond="") + ")"

    def chips(self, f: EventFilter, labels: Labels) -> list[FilterChip]:
        return [FilterChip("annotated", None, "annotated only")]

    def mask(self, f: EventFilter, index: FacetIndex, notes: Notes) -> np.ndarray | None:
        return notes.annotated

    def from_args(self, args: Any, resolve: Callable[[str, str], str]) -> dict[str, Any]:
        return {"annotated": args.annotated}


class Text(Dimension):
    name = "text"
    fields = ("text",)
    cli = (CliOption("--search", "search", "words in titles, summaries, quotes and notes", "TEXT",
                     default=""),)

    def condition(self, f: EventFilter, p: Params, *, walk_text: bool = False) -> str | None:
        query = fts_query(f.text)
        if not query:
            return None
        rowid = "+e.rowid" if walk_text else "e.rowid"
        return f"{rowid} IN (SELECT rowid FROM event_fts WHERE event_fts MATCH {p.add(query)})"

    def chips(self, f: EventFilter, labels: Labels) -> list[FilterChip]:
        if not f.text.strip():
            return []
        if fts_query(f.text) is None:  # no word to search for: the text filters nothing
            return [FilterChip("text", None, f"text “{f.text.strip()}” ignored: it holds no words")]
        return [FilterChip("text", None, f"text contains “{f.text.strip()}”")]

    def from_args(self, args: Any, resolve: Callable[[str, str], str]) -> dict[str, Any]:
        return {"text": args.search}


def _label_date(value: str) -> str:
    return describe_date(value) if is_valid_edtf(value) else value


REGISTRY: tuple[Dimension, ...] = (
    Dates(), Organisations(), Countries(), People(), Kinds(), Sources(), Evidence(), Tags(), Disputed(), Annotated(),
    Text(), Origins(),
)
BY_NAME: dict[str, Dimension] = {d.name: d for d in REGISTRY}
# The chips of a date window name its bounds apart, so a chip can remove one of them.
BY_NAME["date_from"] = BY_NAME["date_to"] = BY_NAME["dates"]
LISTS: tuple[ListDimension, ...] = tuple(d for d in REGISTRY if isinstance(d, ListDimension))
NAMES: tuple[str, ...] = tuple(d.name for d in REGISTRY)



def day_number(day: date | None) -> int | None:
    """A date as the yyyymmdd number the facet index holds."""
    return None if day is None else day.year * 10_000 + day.month * 100 + day.day


_FIELD_DEFAULTS: dict[type, dict[str, Any]] = {}


def _default(f: EventFilter, name: str) -> Any:
    """The default of one of the filter's fields, read from the filter's own class (this module
    sits below the filter, which imports it)."""
    known = _FIELD_DEFAULTS.get(type(f))
    if known is None:
        known = _FIELD_DEFAULTS[type(f)] = {x.name: x.default for x in fields(f)}
    return known[name]
