"""Record pages as plain values: an event's detail, and the pages of an organisation, an
agreement, a country, a person and a source, each with its citations and the user's notes.

The GUI and the CLI read these; no live ORM object leaves this module.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TypeVar

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from ..corpus import models as m
from ..corpus.dates import describe as describe_date
from ..corpus.evidence import LOW_RELIABILITY, reliability_label
from .filters import EventFilter
from .notes import AnnotationView, annotations_for
from .timeline import EventRow, event_row, upper_day

T = TypeVar("T")


class NotFound(LookupError):
    """No record with that id (it may have been removed by a newer corpus)."""


@dataclass(frozen=True)
class Link:
    """A reference to another record, for navigation."""

    kind: str  # event | agreement | organisation | country | person | source | passage
    id: str
    label: str
    role: str | None = None
    # The parts a composed `label` is made of (a source page's citing records), so that an
    # interface can word it in its own language; the label stays for the CLI and exports.
    name: str | None = None  # the record's own name: an event's or agreement's title, a country
    what: str | None = None  # the core's word: an agreement's step, a membership's status, or
    #                          `founded` / `description` for what a passage of an organisation cites
    of: str | None = None  # a membership's organisation (its abbreviation, else its name)
    date: str | None = None  # EDTF: an event's date, an agreement step's date
    # how many records of each kind cite a source (`event`, `status`, `description`,
    # `founding date`), in the order of its `role` ("32 events, 9 statuses")
    counts: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class PassageRef:
    id: str
    source_id: str
    source_title: str
    source_kind: str
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    stance: str = "supports"
    kind: str = "citation"
    source_grade: str | None = None  # the source's Admiralty letter, A-F, or None
    source_date: str | None = None  # EDTF: the source's data date, else its publication date

    @property
    def low_reliability(self) -> bool:
        """Whether the quote comes from a source graded of low reliability (D or E)."""
        return (self.source_grade or "") in LOW_RELIABILITY

    @property
    def reliability_label(self) -> str:
        return reliability_label(self.source_grade)


@dataclass(frozen=True)
class EventDetail:
    row: EventRow
    date_note: str | None
    location: str | None
    organisations: list[Link]
    countries: list[Link]
    people: list[Link]
    agreements: list[Link]
    supporting: list[PassageRef]
    contradicting: list[PassageRef]
    dispute_note: str | None
    annotations: list[AnnotationView]
    mine: bool = False  # the user's own record (editable); else the corpus's (read-only)
    created_at: datetime | None = None  # the user's own record: when made and last changed
    updated_at: datetime | None = None


@dataclass(frozen=True)
class MembershipView:
    id: str
    country: Link
    organisation: Link
    status: str
    start: str | None
    start_label: str
    end: str | None
    end_label: str
    date_start: str
    date_end: str
    note: str | None
    disputed: bool
    dispute_note: str | None
    citations: list[PassageRef]
    evidence: str = "single_source"
    mine: bool = False

    @property
    def evidence_until(self) -> str | None:
        """For a status no source gives an end for: the last day its supporting sources speak
        for (the latest one's data date or publication, its upper bound), or None when none is
        dated. The strip draws "no later evidence" after it."""
        if self.end is not None:
            return None
        return upper_day(max((c.source_date for c in self.citations if c.stance == "supports" and c.source_date),
                          default=None))


@dataclass(frozen=True)
class StepView:
    id: str
    agreement: Link
    step: str
    date: str
    date_label: str
    date_text: str | None
    date_note: str | None
    country: Link | None
    disputed: bool
    dispute_note: str | None
    citations: list[PassageRef]
    evidence: str = "single_source"
    mine: bool = False


@dataclass(frozen=True)
class OrganisationPage:
    id: str
    name: str
    abbreviation: str | None
    aliases: tuple[str, ...]
    kind: str
    parent: Link | None
    bodies: list[Link]
    founded: str | None
    founded_label: str | None
    founded_citations: list[PassageRef]
    description: str | None
    memberships: list[MembershipView]
    agreements: list[Link]
    sources: list[Link]
    annotations: list[AnnotationView]
    event_filter: EventFilter
    description_citations: list[PassageRef] = field(default_factory=list)
    mine: bool = False
    retired: bool = False  # dropped by a newer corpus, kept because the user's records name it


@dataclass(frozen=True)
class AgreementPage:
    id: str
    title: str
    kind: str
    summary: str
    parties: list[Link]
    steps: list[StepView]
    events: list[Link]
    annotations: list[AnnotationView]
    mine: bool = False
    retired: bool = False


@dataclass(frozen=True)
class CountryPage:
    id: str
    name: str
    aliases: tuple[str, ...]
    memberships: list[MembershipView]
    agreements: list[Link]
    annotations: list[AnnotationView]
    event_filter: EventFilter
    mine: bool = False
    retired: bool = False


@dataclass(frozen=True)
class PersonPage:
    id: str
    name: str
    office: str | None
    aliases: tuple[str, ...]
    annotations: list[AnnotationView]
    event_filter: EventFilter
    mine: bool = False
    retired: bool = False


@dataclass(frozen=True)
class SourcePassage:
    id: str
    start: int
    end: int
    quote: str
    kind: str  # citation | boilerplate | user
    label: str | None
    supports: list[Link] = field(default_factory=list)  # records this passage supports
    contradicts: list[Link] = field(default_factory=list)  # records this passage disputes
    annotations: list[AnnotationView] = field(default_factory=list)

    @property
    def classes(self) -> tuple[str, ...]:
        """Every kind of record this passage bears on (the legend counts each)."""
        if self.kind == "boilerplate" or (self.kind == "user" and not (self.supports or self.contradicts)):
            return (self.kind,)
        kinds = {link.role if link.role == "membership" else link.kind for link in self.supports}
        found = tuple(k for k in ("event", "agreement", "membership", "organisation") if k in kinds)
        return found + (("dispute",) if self.contradicts else ()) or ("event",)

    @property
    def highlight(self) -> str:
        """The colour class: the kind of record it supports (or dispute / note / boilerplate);
        the user's own citation is coloured like the corpus's, their bare selection as a note."""
        if self.kind == "boilerplate" or (self.kind == "user" and not (self.supports or self.contradicts)):
            return self.kind
        if self.contradicts and not self.supports:
            return "dispute"
        # A membership link navigates to its organisation; its role marks what it supports.
        kinds = {link.role if link.role == "membership" else link.kind for link in self.supports}
        for kind in ("event", "agreement", "membership", "organisation"):
            if kind in kinds:
                return kind
        return "event"


@dataclass(frozen=True)
class SourcePage:
    id: str
    title: str
    publisher: str | None
    author: str | None
    url: str | None
    published: str | None
    data_as_of: str | None
    kind: str
    language: str
    reliability: str | None
    text: str
    sha256: str
    passages: list[SourcePassage]
    annotations: list[AnnotationView]
    # Admiralty letter (A-F) or None, its meaning in words, the source it copies, who may edit
    reliability_grade: str | None = None
    reliability_label: str = "not graded"
    copies: Link | None = None
    copied_by: tuple[Link, ...] = ()
    is_seed: bool = True


def _get(session: Session, model: type[T], record_id: str, word: str) -> T:
    """The record of a page, or NotFound naming it."""
    found = session.get(model, record_id)
    if found is None:
        raise NotFound(f"no {word} {record_id!r}")
    return found


def _date_label(value: str | None) -> str:
    return describe_date(value) if value else ""


def _passage_refs(session: Session, table: str, key: str, record_id: str, cites: str = "founded") -> list[PassageRef]:
    stance = "'supports'" if table == "organisation_citations" else "c.stance"
    only = " AND c.cites = :cites" if table == "organisation_citations" else ""
    rows = session.execute(text(f"""
        SELECT p.id, p.source_id, s.title, s.kind, p.start, p."end", p.exact, p.prefix, p.suffix,
               {stance} AS stance, p.kind, s.reliability_grade, coalesce(s.data_as_of, s.published)
        FROM {table} c JOIN passages p ON p.id = c.passage_id JOIN sources s ON s.id = p.source_id
        WHERE c.{key} = :id{only} ORDER BY stance DESC, s.title, p.start"""), {"id": record_id, "cites": cites})
    return [PassageRef(*r) for r in rows]


def _links(session: Session, sql: str, params: dict, kind: str) -> list[Link]:
    return [Link(kind, r[0], r[1], r[2] if len(r) > 2 else None) for r in session.execute(text(sql), params)]


def _cited_sources(session: Session, sql: str, params: dict) -> list[Link]:
    """Sources with what of a record they are cited for: rows of id, title, the English
    `role` ("32 events, 9 statuses") and its tally (`event:32,status:9`) read into `counts`."""
    links = []
    for sid, title, role, tally in session.execute(text(sql), params):
        counts = tuple((what, int(n)) for what, n in (part.rsplit(":", 1) for part in tally.split(",")))
        links.append(Link("source", sid, title, role, counts=counts))
    return links


def event_detail(session: Session, event_id: str) -> EventDetail:
    row = event_row(session, event_id)
    ev = session.get(m.Event, event_id)
    if row is None or ev is None:
        raise NotFound(f"no event {event_id!r}")
    p = {"id": event_id}
    refs = _passage_refs(session, "event_citations", "event_id", event_id)
    return EventDetail(
        row=row, date_note=ev.date_note, location=ev.location,
        organisations=_links(session, """SELECT o.id, o.name || coalesce(' (' || o.abbreviation || ')', ''), eo.role
            FROM event_organisations eo JOIN organisations o ON o.id = eo.organisation_id
            WHERE eo.event_id = :id ORDER BY o.name""", p, "organisation"),
        countries=_links(session, """SELECT c.id, c.name, ec.role FROM event_countries ec
            JOIN countries c ON c.id = ec.country_id WHERE ec.event_id = :id ORDER BY c.name""", p, "country"),
        people=_links(session, """SELECT x.id, x.name, ep.role FROM event_people ep
            JOIN people x ON x.id = ep.person_id WHERE ep.event_id = :id ORDER BY x.name""", p, "person"),
        agreements=_links(session, """SELECT a.id, a.title FROM event_agreements ea
            JOIN agreements a ON a.id = ea.agreement_id WHERE ea.event_id = :id ORDER BY a.title""",
                          p, "agreement"),
        supporting=[r for r in refs if r.stance == "supports"],
        contradicting=[r for r in refs if r.stance == "contradicts"],
        dispute_note=ev.dispute_note,
        annotations=annotations_for(session, "event", event_id),
        mine=not ev.is_seed, created_at=ev.created_at, updated_at=ev.updated_at,
    )


def _membership_views(session: Session, where: str, params: dict) -> list[MembershipView]:
    rows = session.execute(text(f"""
        SELECT ms.id, c.id, c.name, o.id, coalesce(o.abbreviation, o.name), ms.status, ms.start,
               ms."end", ms.date_start, ms.date_end, ms.note, ms.disputed, ms.dispute_note, NOT ms.is_seed,
               ms.evidence
        FROM memberships ms JOIN countries c ON c.id = ms.country_id
        JOIN organisations o ON o.id = ms.organisation_id
        WHERE {where} ORDER BY ms.date_start, ms.date_end, ms.id"""), params)
    return [MembershipView(
        id=r[0], country=Link("country", r[1], r[2]), organisation=Link("organisation", r[3], r[4]),
        status=r[5], start=r[6], start_label=_date_label(r[6]) or "unknown", end=r[7],
        end_label=_date_label(r[7]) or "open", date_start=r[8], date_end=r[9], note=r[10],
        disputed=bool(r[11]), dispute_note=r[12], evidence=r[14],
        citations=_passage_refs(session, "membership_citations", "membership_id", r[0]),
        mine=bool(r[13]),
    ) for r in rows]


def organisation_page(session: Session, org_id: str) -> OrganisationPage:
    o = _get(session, m.Organisation, org_id, "organisation")
    p = {"id": org_id}
    parent = session.get(m.Organisation, o.parent_id) if o.parent_id else None
    tree = """WITH RECURSIVE sub(id) AS (SELECT :id UNION SELECT x.id FROM organisations x
              JOIN sub ON x.parent_id = sub.id)"""
    return OrganisationPage(
        id=o.id, name=o.name, abbreviation=o.abbreviation, aliases=tuple(o.aliases or ()), kind=o.kind,
        parent=Link("organisation", parent.id, parent.name) if parent else None,
        bodies=_links(session, """SELECT id, name || coalesce(' (' || abbreviation || ')', '')
            FROM organisations WHERE parent_id = :id ORDER BY name""", p, "organisation"),
        founded=o.founded, founded_label=_date_label(o.founded) or None,
        founded_citations=_passage_refs(session, "organisation_citations", "organisation_id", o.id),
        description_citations=_passage_refs(session, "organisation_citations", "organisation_id", o.id,
                                            "description"),
        description=o.description,
        memberships=_membership_views(session, f"ms.organisation_id IN ({tree} SELECT id FROM sub)", p),
        agreements=_links(session, f"""{tree} SELECT DISTINCT a.id, a.title FROM agreements a
            WHERE a.id IN (SELECT agreement_id FROM agreement_organisations WHERE organisation_id IN (SELECT id FROM sub))
               OR a.id IN (SELECT ea.agreement_id FROM event_agreements ea JOIN event_organisations eo
                           ON eo.event_id = ea.event_id WHERE eo.organisation_id IN (SELECT id FROM sub))
            ORDER BY a.title""", p, "agreement"),
        sources=_cited_sources(session, f"""{tree}, cited(source_id, what, rid) AS (
                SELECT ci.source_id, 'event', ci.event_id FROM event_citations ci
                  JOIN event_organisations eo ON eo.event_id = ci.event_id
                  WHERE eo.organisation_id IN (SELECT id FROM sub)
                UNION SELECT ps.source_id, 'status', mc.membership_id FROM membership_citations mc
                  JOIN passages ps ON ps.id = mc.passage_id JOIN memberships ms ON ms.id = mc.membership_id
                  WHERE ms.organisation_id IN (SELECT id FROM sub)
                UNION SELECT ps.source_id, CASE oc.cites WHEN 'founded' THEN 'founding date' ELSE 'description'
                  END, oc.organisation_id FROM organisation_citations oc
                  JOIN passages ps ON ps.id = oc.passage_id WHERE oc.organisation_id IN (SELECT id FROM sub))
            SELECT s.id, s.title, group_concat(n || ' ' || CASE WHEN n = 1 THEN what
                   WHEN what = 'status' THEN 'statuses' ELSE what || 's' END, ', '),
                   group_concat(what || ':' || n, ',')
            FROM (SELECT source_id, what, count(*) AS n FROM cited GROUP BY source_id, what
                  ORDER BY source_id, what = 'event' DESC, what) c
            JOIN sources s ON s.id = c.source_id GROUP BY s.id ORDER BY s.title""", p),
        annotations=annotations_for(session, "organisation", o.id),
        event_filter=EventFilter(organisations=(o.id,)),
        mine=not o.is_seed, retired=bool(o.retired),
    )


def agreement_page(session: Session, agreement_id: str) -> AgreementPage:
    a = _get(session, m.Agreement, agreement_id, "agreement")
    p = {"id": agreement_id}
    parties = _links(session, """SELECT c.id, c.name FROM agreement_countries ac JOIN countries c
        ON c.id = ac.country_id WHERE ac.agreement_id = :id ORDER BY c.name""", p, "country")
    parties += _links(session, """SELECT o.id, o.name FROM agreement_organisations ao JOIN organisations o
        ON o.id = ao.organisation_id WHERE ao.agreement_id = :id ORDER BY o.name""", p, "organisation")
    steps = []
    for s in session.scalars(select(m.AgreementStep).where(m.AgreementStep.agreement_id == agreement_id)
                             .order_by(m.AgreementStep.date_start, m.AgreementStep.id)):
        country = session.get(m.Country, s.country_id) if s.country_id else None
        steps.append(StepView(
            id=s.id, agreement=Link("agreement", a.id, a.title), step=s.step, date=s.date,
            date_label=describe_date(s.date), date_text=s.date_text, date_note=s.date_note,
            country=Link("country", country.id, country.name) if country else None,
            disputed=s.disputed, dispute_note=s.dispute_note, evidence=s.evidence,
            citations=_passage_refs(session, "step_citations", "step_id", s.id),
            mine=not s.is_seed,
        ))
    return AgreementPage(
        id=a.id, title=a.title, kind=a.kind, summary=a.summary, parties=parties, steps=steps,
        events=_links(session, """SELECT e.id, e.date || '  ' || e.title FROM event_agreements ea
            JOIN events e ON e.id = ea.event_id WHERE ea.agreement_id = :id
            ORDER BY e.date_start, e.id""", p, "event"),
        annotations=annotations_for(session, "agreement", a.id),
        mine=not a.is_seed, retired=bool(a.retired),
    )


def country_page(session: Session, country_id: str) -> CountryPage:
    c = _get(session, m.Country, country_id, "country")
    p = {"id": country_id}
    return CountryPage(
        id=c.id, name=c.name, aliases=tuple(c.aliases or ()),
        memberships=_membership_views(session, "ms.country_id = :id", p),
        agreements=_links(session, """SELECT a.id, a.title FROM agreement_countries ac
            JOIN agreements a ON a.id = ac.agreement_id WHERE ac.country_id = :id ORDER BY a.title""",
                          p, "agreement"),
        annotations=annotations_for(session, "country", c.id),
        event_filter=EventFilter(countries=(c.id,)),
        mine=not c.is_seed, retired=bool(c.retired),
    )


def person_page(session: Session, person_id: str) -> PersonPage:
    x = _get(session, m.Person, person_id, "person")
    return PersonPage(x.id, x.name, x.office, tuple(x.aliases or ()),
                      annotations_for(session, "person", x.id), EventFilter(people=(x.id,)),
                      mine=not x.is_seed, retired=bool(x.retired))


def source_page(session: Session, source_id: str) -> SourcePage:
    s = _get(session, m.Source, source_id, "source")
    supports: dict[str, list[Link]] = {}
    contradicts: dict[str, list[Link]] = {}
    cited = session.execute(text("""
        SELECT c.passage_id, 'event', e.id, e.date || '  ' || e.title, c.stance,
               e.title, NULL, NULL, e.date
          FROM event_citations c JOIN events e ON e.id = c.event_id
        UNION ALL SELECT c.passage_id, 'agreement', a.id, a.title || ' — ' || replace(st.step, '_', ' ')
          || ' ' || st.date, c.stance, a.title, st.step, NULL, st.date
          FROM step_citations c JOIN agreement_steps st ON st.id = c.step_id
          JOIN agreements a ON a.id = st.agreement_id
        UNION ALL SELECT c.passage_id, 'membership', ms.country_id || '|' || ms.organisation_id,
          co.name || ' — ' || replace(ms.status, '_', ' ') || ' of ' || coalesce(o.abbreviation, o.name),
          c.stance, co.name, ms.status, coalesce(o.abbreviation, o.name), NULL
          FROM membership_citations c JOIN memberships ms ON ms.id = c.membership_id
          JOIN countries co ON co.id = ms.country_id JOIN organisations o ON o.id = ms.organisation_id
        UNION ALL SELECT c.passage_id, 'organisation', o.id,
          o.name || CASE c.cites WHEN 'founded' THEN ' (founded)' ELSE ' (description)' END, 'supports',
          o.name, CASE c.cites WHEN 'founded' THEN 'founded' ELSE 'description' END, NULL, NULL
          FROM organisation_citations c JOIN organisations o ON o.id = c.organisation_id
    """))
    for pid, kind, rid, label, stance, name, what, of, when in cited:
        if kind == "membership":
            _country_id, org_id = rid.split("|", 1)
            link = Link("organisation", org_id, label, "membership", name=name, what=what, of=of)
        else:
            link = Link(kind, rid, label, name=name, what=what, date=when)
        (supports if stance == "supports" else contradicts).setdefault(pid, []).append(link)
    passages = [
        SourcePassage(
            id=p.id, start=p.start, end=p.end, quote=p.exact, kind=p.kind, label=p.label,
            supports=supports.get(p.id, []), contradicts=contradicts.get(p.id, []),
            annotations=annotations_for(session, "passage", p.id),
        )
        for p in session.scalars(select(m.Passage).where(m.Passage.source_id == source_id)
                                 # a passage not placed in a new version of the text is listed apart
                                 .where(m.Passage.id.not_in(select(m.PassageOrphan.passage_id)))
                                 .order_by(m.Passage.start, m.Passage.end))
    ]
    return SourcePage(
        id=s.id, title=s.title, publisher=s.publisher, author=s.author, url=s.url,
        published=s.published, data_as_of=s.data_as_of, kind=s.kind, language=s.language,
        reliability=s.reliability, text=s.text, sha256=s.sha256, passages=passages,
        annotations=annotations_for(session, "source", s.id),
        reliability_grade=s.reliability_grade, reliability_label=reliability_label(s.reliability_grade),
        copies=next(iter(_links(session, "SELECT id, title FROM sources WHERE id = :c", {"c": s.copies_id}, "source")),
                    None) if s.copies_id else None,
        copied_by=tuple(_links(session, "SELECT id, title FROM sources WHERE copies_id = :i ORDER BY title",
                               {"i": s.id}, "source")),
        is_seed=s.is_seed,
    )


@dataclass(frozen=True)
class OrganisationNode:
    """An organisation in the tree of organisations and their bodies, with the short label
    a crowded view (the chart's lanes) shows: its abbreviation, or its name without one."""

    id: str
    parent_id: str | None
    name: str
    short_label: str


def organisation_tree(session: Session) -> list[OrganisationNode]:
    rows = session.execute(text("SELECT id, parent_id, name, abbreviation FROM organisations ORDER BY name"))
    return [OrganisationNode(i, parent, name, abbreviation or name) for i, parent, name, abbreviation in rows]


def list_records(session: Session, kind: str) -> list[Link]:
    """All organisations, countries, people, sources or agreements, for pickers and menus."""
    sql = {
        "organisation": "SELECT id, name || coalesce(' (' || abbreviation || ')', ''), parent_id FROM organisations ORDER BY name",
        "country": "SELECT id, name FROM countries ORDER BY name",
        "person": "SELECT id, name, office FROM people ORDER BY name",
        "source": "SELECT id, title, kind FROM sources ORDER BY title",
        "agreement": "SELECT id, title, kind FROM agreements ORDER BY title",
    }[kind]
    return _links(session, sql, {}, kind)
