"""The user's own records: events, agreements and their steps, memberships, and the
organisations, countries and people they name — made, changed and deleted, each change in one
transaction that also brings the search index along (the sort keys, facet versions and export
rows follow through the file's triggers).

Rules kept here, for the GUI and the command line alike:
- every event, agreement step and membership the user makes cites at least one supporting
  passage (an agreement is cited through its steps);
- corpus records (`is_seed`) are read-only: a change or deletion is refused with one line; the
  user cites passages for or against them and writes notes on them instead;
- a deletion returns a `Snapshot` from which `restore` puts the record back with its id,
  creation time and citations (undo); an organisation, country, person or agreement that
  other records still name is not deleted.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, select, text
from sqlalchemy.orm import Session

from ..corpus import models as m
from ..corpus.dates import DateError, PartialDate, parse_user_date
from ..query.search import reindex_events
from . import citing
from .annotations import Changes
from .drafts import (
    ActorDraft,
    AgreementDraft,
    CitationView,
    Cite,
    EventDraft,
    MembershipDraft,
    RecordError,
    RecordView,
    Snapshot,
    StepDraft,
    a,
)

# Any: the model is chosen by a kind named at run time; each has id, is_seed, created_at and
# updated_at, and the code below reads the other columns only under its kind.
MODELS: dict[str, Any] = {"event": m.Event, "agreement": m.Agreement, "step": m.AgreementStep, "membership": m.Membership,
          "organisation": m.Organisation, "country": m.Country, "person": m.Person}
MAX_TITLE = 500
WORDS = {"step": "agreement step"}  # a kind's name in a sentence, where it is not the kind itself


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _new_id(kind: str) -> str:
    return f"my-{kind}-{uuid.uuid4().hex[:12]}"


def _clean(value: str | None, what: str, *, required: bool = False, limit: int | None = None) -> str | None:
    value = " ".join((value or "").replace("\x00", "").split()) if what != "summary" else \
        (value or "").replace("\x00", "").strip()
    if required and not value:
        raise RecordError(f"a {what} is needed")
    if limit and len(value) > limit:
        raise RecordError(f"the {what} is {len(value)} characters long; at most {limit}")
    return value or None


def _dates(value: str, date_text: str | None, note: str | None) -> dict:
    if not (value or "").strip():
        raise RecordError("a date is needed (EDTF such as 1994-05-04, or words such as 'spring 1998')")
    try:
        d = parse_user_date(value.strip())
    except DateError as exc:
        raise RecordError(f"cannot read the date {value!r}: {exc}") from None
    if date_text is None and d.edtf != value.strip():
        date_text = value.strip()
    return dict(date=d.edtf, date_start=d.start_iso, date_end=d.end_iso, precision=d.precision,
                approximate=d.approximate, uncertain=d.uncertain, date_text=_clean(date_text, "date text"),
                date_note=_clean(note, "date note"))


def _edtf_or_none(value: str | None) -> tuple[str | None, PartialDate | None]:
    if value is None or not value.strip():
        return None, None
    try:
        d = parse_user_date(value.strip())
    except DateError as exc:
        raise RecordError(f"cannot read the date {value!r}: {exc}") from None
    return d.edtf, d


def _check(session: Session, model, ids, what: str) -> tuple[str, ...]:
    ids = tuple(dict.fromkeys(i for i in ids if i))
    for rid in ids:
        if session.get(model, rid) is None:
            raise RecordError(f"there is no {what} {rid!r}")
    return ids


def _label(session: Session, kind: str, obj) -> str:
    if kind == "event":
        return f"{obj.date} {obj.title}"
    if kind == "agreement":
        return obj.title
    if kind == "step":
        agreement = session.get(m.Agreement, obj.agreement_id)
        return f"{agreement.title if agreement else obj.agreement_id}: {obj.step.replace('_', ' ')} {obj.date}"
    if kind == "membership":
        country = session.get(m.Country, obj.country_id)
        org = session.get(m.Organisation, obj.organisation_id)
        return (f"{country.name if country else obj.country_id} {obj.status.replace('_', ' ')} of "
                f"{(org.abbreviation or org.name) if org else obj.organisation_id}")
    if kind == "organisation":
        return f"{obj.name} ({obj.abbreviation})" if obj.abbreviation else obj.name
    return obj.name


def _get(session: Session, kind: str, record_id: str) -> Any:
    """The record of `kind`, or a RecordError saying there is none."""
    obj = session.get(MODELS[kind], record_id)
    if obj is None:
        raise RecordError(f"there is no {WORDS.get(kind, kind)} {record_id!r}")
    return obj


def record_view(session: Session, kind: str, record_id: str) -> RecordView:
    obj = _get(session, kind, record_id)
    return RecordView(kind, record_id, _label(session, kind, obj), not obj.is_seed,
                      obj.created_at, obj.updated_at)


def _insert(session: Session, kind: str, record_id: str, created_at: datetime | None, fields: dict) -> None:
    """Add one of the user's records of `kind` with its fields, refused if the id is taken."""
    model = MODELS[kind]
    if session.get(model, record_id) is not None:
        raise RecordError(f"there is already {a(WORDS.get(kind, kind))} {record_id!r}")
    now = _now()
    session.add(model(id=record_id, is_seed=False, created_at=created_at or now, updated_at=now, **fields))
    session.flush()


def _overwrite(session: Session, obj: Any, fields: dict) -> None:
    """Write a record's new fields, and when they were written."""
    for name, value in fields.items():
        setattr(obj, name, value)
    obj.updated_at = _now()
    session.flush()


def _mine(session: Session, kind: str, record_id: str):
    obj = _get(session, kind, record_id)
    if obj.is_seed:
        raise RecordError(f"the {kind} “{_label(session, kind, obj)}” is part of the shipped corpus and cannot "
                          "be changed; cite a passage for or against it, or add a note")
    return obj


def _changes(kind: str, ids, *, passages: bool = False) -> Changes:
    kinds = {kind, "record", "event", "citation"}
    if passages:
        kinds.add("passage")
    return Changes(frozenset(kinds), frozenset(ids))


def _cite_all(session: Session, kind: str, record_id: str, cites, *, restoring=()) -> None:
    cites = list(cites)
    if not cites and not restoring:
        raise RecordError(f"every {kind} you record cites at least one passage of a source")
    if cites and all(c.stance != "supports" for c in cites):
        raise RecordError(f"{a('new ' + kind)} needs a passage that supports it, not only ones that contradict it")
    for c in cites:
        citing.add(session, kind, record_id, citing.user_passage(session, c), c.stance)
    for c in restoring:
        citing.add(session, kind, record_id, citing.restore_passage(session, c), c.stance)


def _create_cited(session: Session, kind: str, record_id: str | None, created_at: datetime | None, fields: dict,
                  cites, restoring) -> RecordView:
    """A new record of `kind` (not disputed) with its citations, under a new id unless given."""
    record_id = record_id or _new_id(kind)
    _insert(session, kind, record_id, created_at, {**fields, "disputed": False})
    _cite_all(session, kind, record_id, cites, restoring=restoring)
    return record_view(session, kind, record_id)


def _reindex(session: Session, event_ids) -> None:
    reindex_events(session, list(event_ids))


# --- events -----------------------------------------------------------------------------

def _event_links(session: Session, event_id: str, d: EventDraft) -> None:
    for table in (m.EventOrganisation, m.EventCountry, m.EventPerson, m.EventAgreement):
        session.execute(delete(table).where(table.event_id == event_id))
    session.add_all([m.EventOrganisation(event_id=event_id, organisation_id=x)
                     for x in _check(session, m.Organisation, d.organisations, "organisation")])
    session.add_all([m.EventCountry(event_id=event_id, country_id=x)
                     for x in _check(session, m.Country, d.countries, "country")])
    session.add_all([m.EventPerson(event_id=event_id, person_id=x)
                     for x in _check(session, m.Person, d.people, "person")])
    session.add_all([m.EventAgreement(event_id=event_id, agreement_id=x)
                     for x in _check(session, m.Agreement, d.agreements, "agreement")])


def _event_fields(d: EventDraft) -> dict:
    if d.kind not in m.EVENT_KINDS:
        raise RecordError(f"unknown event kind {d.kind!r}; one of: {', '.join(m.EVENT_KINDS)}")
    return dict(title=_clean(d.title, "title", required=True, limit=MAX_TITLE),
                summary=_clean(d.summary, "summary") or "", kind=d.kind,
                location=_clean(d.location, "location"), **_dates(d.date, d.date_text, d.date_note))


def create_event(session: Session, d: EventDraft, cites, *, event_id: str | None = None,
                 created_at: datetime | None = None, restoring=()) -> RecordView:
    event_id = event_id or _new_id("event")
    _insert(session, "event", event_id, created_at, {**_event_fields(d), "disputed": False})
    _event_links(session, event_id, d)
    session.flush()
    _cite_all(session, "event", event_id, cites, restoring=restoring)
    _reindex(session, [event_id])
    return record_view(session, "event", event_id)


def event_draft(session: Session, event_id: str) -> EventDraft:
    e = _get(session, "event", event_id)

    def ids(table, column) -> tuple[str, ...]:
        return tuple(session.scalars(select(getattr(table, column)).where(table.event_id == event_id)
                                     .order_by(getattr(table, column))))

    return EventDraft(e.title, e.date, e.kind, e.summary, e.location, e.date_text, e.date_note,
                      ids(m.EventOrganisation, "organisation_id"), ids(m.EventCountry, "country_id"),
                      ids(m.EventPerson, "person_id"), ids(m.EventAgreement, "agreement_id"))


def update_event(session: Session, event_id: str, d: EventDraft) -> EventDraft:
    e = _mine(session, "event", event_id)
    before = event_draft(session, event_id)
    fields = _event_fields(d)
    if fields["date"] == before.date and d.date_text is None:
        fields["date_text"] = before.date_text  # the words stay while the date stays
    _overwrite(session, e, fields)
    _event_links(session, event_id, d)
    session.flush()
    _reindex(session, [event_id])
    return before


# --- agreements and their steps ---------------------------------------------------------

def _agreement_fields(d: AgreementDraft) -> dict:
    if d.kind not in m.AGREEMENT_KINDS:
        raise RecordError(f"unknown agreement kind {d.kind!r}; one of: {', '.join(m.AGREEMENT_KINDS)}")
    return dict(title=_clean(d.title, "title", required=True, limit=MAX_TITLE), kind=d.kind,
                summary=_clean(d.summary, "summary") or "")


def _agreement_parties(session: Session, agreement_id: str, d: AgreementDraft) -> None:
    session.execute(delete(m.AgreementCountry).where(m.AgreementCountry.agreement_id == agreement_id))
    session.execute(delete(m.AgreementOrganisation).where(m.AgreementOrganisation.agreement_id == agreement_id))
    session.add_all([m.AgreementCountry(agreement_id=agreement_id, country_id=x)
                     for x in _check(session, m.Country, d.countries, "country")])
    session.add_all([m.AgreementOrganisation(agreement_id=agreement_id, organisation_id=x)
                     for x in _check(session, m.Organisation, d.organisations, "organisation")])


def create_agreement(session: Session, d: AgreementDraft, step: StepDraft | None, cites, *,
                     agreement_id: str | None = None, created_at: datetime | None = None) -> RecordView:
    """A new agreement; unless restoring, with its first step, which carries the citations."""
    agreement_id = agreement_id or _new_id("agreement")
    _insert(session, "agreement", agreement_id, created_at, _agreement_fields(d))
    _agreement_parties(session, agreement_id, d)
    session.flush()
    if step is not None:
        create_step(session, replace(step, agreement_id=agreement_id), cites)
    return record_view(session, "agreement", agreement_id)


def agreement_draft(session: Session, agreement_id: str) -> AgreementDraft:
    a = _get(session, "agreement", agreement_id)
    return AgreementDraft(
        a.title, a.kind, a.summary,
        tuple(session.scalars(select(m.AgreementCountry.country_id).where(
            m.AgreementCountry.agreement_id == agreement_id).order_by(m.AgreementCountry.country_id))),
        tuple(session.scalars(select(m.AgreementOrganisation.organisation_id).where(
            m.AgreementOrganisation.agreement_id == agreement_id).order_by(m.AgreementOrganisation.organisation_id))))


def update_agreement(session: Session, agreement_id: str, d: AgreementDraft) -> AgreementDraft:
    a = _mine(session, "agreement", agreement_id)
    before = agreement_draft(session, agreement_id)
    _overwrite(session, a, _agreement_fields(d))
    _agreement_parties(session, agreement_id, d)
    session.flush()
    return before


def _step_fields(session: Session, d: StepDraft) -> dict:
    if d.step not in m.STEP_KINDS:
        raise RecordError(f"unknown agreement step {d.step!r}; one of: {', '.join(m.STEP_KINDS)}")
    _check(session, m.Agreement, (d.agreement_id,), "agreement")
    country = _check(session, m.Country, (d.country_id,), "country") if d.country_id else ()
    return dict(agreement_id=d.agreement_id, step=d.step, country_id=country[0] if country else None,
                **_dates(d.date, d.date_text, d.date_note))


def create_step(session: Session, d: StepDraft, cites, *, step_id: str | None = None,
                created_at: datetime | None = None, restoring=()) -> RecordView:
    return _create_cited(session, "step", step_id, created_at, _step_fields(session, d), cites, restoring)


def step_draft(session: Session, step_id: str) -> StepDraft:
    s = _get(session, "step", step_id)
    return StepDraft(s.agreement_id, s.step, s.date, s.country_id, s.date_text, s.date_note)


def update_step(session: Session, step_id: str, d: StepDraft) -> StepDraft:
    s = _mine(session, "step", step_id)
    before = step_draft(session, step_id)
    fields = _step_fields(session, d)
    if fields["date"] == before.date and d.date_text is None:
        fields["date_text"] = before.date_text
    _overwrite(session, s, fields)
    return before


# --- memberships ------------------------------------------------------------------------

def _membership_fields(session: Session, d: MembershipDraft) -> dict:
    if d.status not in m.MEMBERSHIP_STATUSES:
        raise RecordError(f"unknown membership status {d.status!r}; one of: {', '.join(m.MEMBERSHIP_STATUSES)}")
    _check(session, m.Country, (d.country_id,), "country")
    _check(session, m.Organisation, (d.organisation_id,), "organisation")
    start, start_d = _edtf_or_none(d.start)
    end, end_d = _edtf_or_none(d.end)
    date_start = start_d.start_iso if start_d else "0001-01-01"
    date_end = end_d.end_iso if end_d else "9999-12-31"
    if date_end < date_start:
        raise RecordError(f"the status ends ({end}) before it starts ({start})")
    written_start, written_end = (d.start or "").strip(), (d.end or "").strip()
    start_text = d.start_text if d.start_text is not None else (written_start if start and written_start != start else None)
    end_text = d.end_text if d.end_text is not None else (written_end if end and written_end != end else None)
    return dict(country_id=d.country_id, organisation_id=d.organisation_id, status=d.status, start=start,
                end=end, start_text=start_text, end_text=end_text, date_start=date_start, date_end=date_end,
                note=_clean(d.note, "summary"))


def create_membership(session: Session, d: MembershipDraft, cites, *, membership_id: str | None = None,
                      created_at: datetime | None = None, restoring=()) -> RecordView:
    return _create_cited(session, "membership", membership_id, created_at, _membership_fields(session, d), cites,
                         restoring)


def membership_draft(session: Session, membership_id: str) -> MembershipDraft:
    x = _get(session, "membership", membership_id)
    return MembershipDraft(x.country_id, x.organisation_id, x.status, x.start, x.end, x.start_text,
                           x.end_text, x.note)


def update_membership(session: Session, membership_id: str, d: MembershipDraft) -> MembershipDraft:
    x = _mine(session, "membership", membership_id)
    before = membership_draft(session, membership_id)
    _overwrite(session, x, _membership_fields(session, d))
    return before


# --- organisations, countries, people ---------------------------------------------------

def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")[:40] or "x"


def _actor_fields(session: Session, d: ActorDraft, actor_id: str | None) -> dict:
    name = _clean(d.name, "name", required=True, limit=300)
    aliases = [a for a in dict.fromkeys(_clean(x, "alias") for x in d.aliases) if a]
    if d.kind == "organisation":
        if d.parent_id:
            _check(session, m.Organisation, (d.parent_id,), "organisation")
            walk: str | None = d.parent_id
            seen: set[str] = set()
            while walk and actor_id:  # a body cannot sit under itself
                if walk == actor_id or walk in seen:
                    raise RecordError("an organisation cannot be a body of itself or of its own bodies")
                seen.add(walk)
                parent = session.get(m.Organisation, walk)
                walk = parent.parent_id if parent is not None else None
        return dict(name=name, abbreviation=_clean(d.abbreviation, "abbreviation", limit=32), aliases=aliases,
                    kind=_clean(d.org_kind, "kind") or "organisation", parent_id=d.parent_id or None)
    if d.kind == "person":
        return dict(name=name, office=_clean(d.office, "office"), aliases=aliases)
    if d.kind == "country":
        return dict(name=name, aliases=aliases)
    raise RecordError(f"cannot make {a(d.kind)} here")


def _same_name(session: Session, d: ActorDraft, name: str) -> str | None:
    model = MODELS[d.kind]
    folded = name.casefold()
    for obj in session.scalars(select(model)):
        names = [obj.name, *(obj.aliases or [])] + ([obj.abbreviation] if d.kind == "organisation" else [])
        if any(n and n.casefold() == folded for n in names):
            return obj.id
    return None


def create_actor(session: Session, d: ActorDraft, *, actor_id: str | None = None,
                 created_at: datetime | None = None) -> RecordView:
    fields = _actor_fields(session, d, None)
    clash = _same_name(session, d, fields["name"])
    if clash and actor_id is None:
        raise RecordError(f"there is already {a(d.kind)} named {fields['name']!r} ({clash}); choose it instead")
    if actor_id is None:
        if d.kind == "country" and d.id:
            actor_id = (_clean(d.id, "country code", limit=8) or "").upper()
        elif d.kind == "country":
            actor_id = "X" + uuid.uuid4().hex[:7].upper()  # country ids are at most 8 characters
        else:
            actor_id = f"my-{_slug(fields['name'])}-{uuid.uuid4().hex[:6]}"
    _insert(session, d.kind, actor_id, created_at, fields)
    return record_view(session, d.kind, actor_id)


def actor_draft(session: Session, kind: str, actor_id: str) -> ActorDraft:
    obj = _get(session, kind, actor_id)
    if kind == "organisation":
        return ActorDraft(kind, obj.name, obj.abbreviation, obj.parent_id, obj.kind, None, tuple(obj.aliases or ()),
                          obj.id)
    if kind == "person":
        return ActorDraft(kind, obj.name, office=obj.office, aliases=tuple(obj.aliases or ()), id=obj.id)
    return ActorDraft(kind, obj.name, aliases=tuple(obj.aliases or ()), id=obj.id)


def update_actor(session: Session, kind: str, actor_id: str, d: ActorDraft) -> ActorDraft:
    obj = _mine(session, kind, actor_id)
    before = actor_draft(session, kind, actor_id)
    _overwrite(session, obj, _actor_fields(session, replace(d, kind=kind), actor_id))
    return before


_NAMED_BY = {
    "organisation": ["SELECT 1 FROM event_organisations WHERE organisation_id = :id",
                      "SELECT 1 FROM memberships WHERE organisation_id = :id",
                      "SELECT 1 FROM agreement_organisations WHERE organisation_id = :id",
                      "SELECT 1 FROM organisations WHERE parent_id = :id"],
    "country": ["SELECT 1 FROM event_countries WHERE country_id = :id",
                 "SELECT 1 FROM memberships WHERE country_id = :id",
                 "SELECT 1 FROM agreement_countries WHERE country_id = :id",
                 "SELECT 1 FROM agreement_steps WHERE country_id = :id"],
    "person": ["SELECT 1 FROM event_people WHERE person_id = :id"],
    "agreement": ["SELECT 1 FROM event_agreements WHERE agreement_id = :id",
                   "SELECT 1 FROM agreement_steps WHERE agreement_id = :id"],
}


def _in_use(session: Session, kind: str, rid: str) -> bool:
    return any(session.execute(text(sql), {"id": rid}).first() for sql in _NAMED_BY[kind])


# --- deletion and its undo --------------------------------------------------------------

_DRAFTS = {"event": event_draft, "agreement": agreement_draft, "step": step_draft,
           "membership": membership_draft}


def delete_record(session: Session, kind: str, record_id: str) -> Snapshot:
    obj = _mine(session, kind, record_id)
    if kind in ("organisation", "country", "person", "agreement") and _in_use(session, kind, record_id):
        what = "its steps, events, memberships or bodies" if kind != "person" else "the events naming them"
        raise RecordError(f"the {kind} “{_label(session, kind, obj)}” is still named by other records; "
                          f"remove it from {what} first")
    draft = _DRAFTS[kind](session, record_id) if kind in _DRAFTS else actor_draft(session, kind, record_id)
    cited = tuple(citing.citations_of(session, kind, record_id)) if kind in citing.TABLES else ()
    snapshot = Snapshot(kind, record_id, draft, obj.created_at, cited)
    if kind == "event":
        # the search row is keyed by the event's rowid, which is gone once the event is
        session.execute(text("DELETE FROM event_fts WHERE rowid = (SELECT rowid FROM events WHERE id = :id)"),
                        {"id": record_id})
    if kind in citing.TABLES:
        table, key, _records, _stance = citing.TABLES[kind]
        session.execute(text(f"DELETE FROM {table} WHERE {key} = :id"), {"id": record_id})
    session.delete(obj)
    session.flush()
    for c in cited:
        citing.drop_if_unused(session, c.passage_id)
    if kind == "event":
        reindex_events(session, [])  # a new search token: remembered matches held this event
    return snapshot


def restore_record(session: Session, snap: Snapshot) -> RecordView:
    kind, d = snap.kind, snap.draft
    cited = snap.citations
    if isinstance(d, EventDraft):
        return create_event(session, d, (), event_id=snap.id, created_at=snap.created_at, restoring=cited)
    if isinstance(d, StepDraft):
        return create_step(session, d, (), step_id=snap.id, created_at=snap.created_at, restoring=cited)
    if isinstance(d, MembershipDraft):
        return create_membership(session, d, (), membership_id=snap.id, created_at=snap.created_at,
                                 restoring=cited)
    if isinstance(d, AgreementDraft):
        return create_agreement(session, d, None, (), agreement_id=snap.id, created_at=snap.created_at)
    if not isinstance(d, ActorDraft):
        raise RecordError(f"cannot put back {a(kind)}")
    view = create_actor(session, d, actor_id=snap.id, created_at=snap.created_at)
    for c in cited:
        citing.add(session, kind, snap.id, citing.restore_passage(session, c), c.stance)
    return view


_UPDATES: dict[str, Callable[[Session, str, Any], object]] = {"event": update_event, "agreement": update_agreement, "step": update_step,
            "membership": update_membership}


def update_record(session: Session, kind: str, record_id: str, draft) -> object:
    """Change one of the user's records to `draft`; returns the draft it had (for undo)."""
    if kind in _UPDATES:
        return _UPDATES[kind](session, record_id, draft)
    if kind in ("organisation", "country", "person"):
        return update_actor(session, kind, record_id, draft)
    raise RecordError(f"cannot change {a(kind)}")


def draft_of(session: Session, kind: str, record_id: str):
    if kind in _DRAFTS:
        return _DRAFTS[kind](session, record_id)
    if kind in ("organisation", "country", "person"):
        return actor_draft(session, kind, record_id)
    raise RecordError(f"there is no {kind!r} to edit")


# --- citations --------------------------------------------------------------------------

def add_citation(session: Session, kind: str, record_id: str, cite: Cite) -> CitationView:
    view = citing.add(session, kind, record_id, citing.user_passage(session, cite), cite.stance)
    if kind == "event":
        _reindex(session, [record_id])
    return view


def restore_citation(session: Session, c: CitationView) -> CitationView:
    view = citing.add(session, c.record_kind, c.record_id, citing.restore_passage(session, c), c.stance)
    if c.record_kind == "event":
        _reindex(session, [c.record_id])
    return view


def remove_citation(session: Session, kind: str, record_id: str, passage_id: str) -> CitationView:
    removed = citing.remove(session, kind, record_id, passage_id)
    if kind == "event":
        _reindex(session, [record_id])
    return removed


def changes_for(kind: str, ids, *, passages: bool = False) -> Changes:
    return _changes(kind, ids, passages=passages)
