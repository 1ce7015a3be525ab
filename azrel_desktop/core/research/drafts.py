"""The values the user's own records are made from and returned as: drafts of events,
agreements, agreement steps, memberships and actors, citations to make, and snapshots that
undo a deletion. Plain frozen dataclasses, free of sessions."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

RECORD_KINDS = ("event", "agreement", "step", "membership", "organisation", "country", "person")


class RecordError(ValueError):
    """A record that cannot be made, changed or deleted as asked; the message says why."""


def a(word: str) -> str:
    """The word with its indefinite article: "an event", "a membership"."""
    return f"{'an' if word[:1] in 'aeio' else 'a'} {word}"


@dataclass(frozen=True)
class Cite:
    """A passage to cite: a span (code points) of a source's stored text, or an existing
    passage by id; supporting or contradicting."""

    source_id: str = ""
    start: int = 0
    end: int = 0
    stance: str = "supports"
    passage_id: str | None = None


@dataclass(frozen=True)
class EventDraft:
    title: str
    date: str  # EDTF, or a phrase the date parser reads ("spring 1998")
    kind: str
    summary: str = ""
    location: str | None = None
    date_text: str | None = None  # the source's own words
    date_note: str | None = None  # how the date was worked out
    organisations: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    agreements: tuple[str, ...] = ()


@dataclass(frozen=True)
class AgreementDraft:
    title: str
    kind: str
    summary: str = ""
    countries: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()


@dataclass(frozen=True)
class StepDraft:
    agreement_id: str
    step: str
    date: str
    country_id: str | None = None
    date_text: str | None = None
    date_note: str | None = None


@dataclass(frozen=True)
class MembershipDraft:
    country_id: str
    organisation_id: str
    status: str
    start: str | None = None  # EDTF or a phrase; None: not known
    end: str | None = None  # None: still so at the source's date
    start_text: str | None = None
    end_text: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class ActorDraft:
    """An organisation (with its parent body), a country or a person made on the spot."""

    kind: str  # organisation | country | person
    name: str
    abbreviation: str | None = None  # organisation
    parent_id: str | None = None  # organisation
    org_kind: str = "organisation"  # organisation
    office: str | None = None  # person
    aliases: tuple[str, ...] = ()
    id: str | None = None  # a country's code (e.g. "AZ"); made up when None


@dataclass(frozen=True)
class CitationView:
    """One citation of a record by a passage."""

    record_kind: str
    record_id: str
    passage_id: str
    source_id: str
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    stance: str
    label: str | None = None


@dataclass(frozen=True)
class RecordView:
    """A record the user made or changed: its kind, id, a label for lists, and whether it is
    the user's own (editable) or the shipped corpus's (read-only)."""

    kind: str
    id: str
    label: str
    mine: bool
    created_at: datetime | None = None
    updated_at: datetime | None = None


@dataclass(frozen=True)
class Snapshot:
    """Everything needed to put back a deleted record of the user's (undo): its draft, its id,
    its creation time and its citations with their passages' anchors."""

    kind: str
    id: str
    draft: object
    created_at: datetime | None
    citations: tuple[CitationView, ...] = field(default_factory=tuple)
