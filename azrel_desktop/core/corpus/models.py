"""The data model: sources and their passages, actors, events, agreements, memberships,
citations that tie every claim to a passage, and the user's annotations.

Ids are stable strings. Seed records carry `is_seed`; a newer corpus updates them by id, and
user records (annotations, user passages) are never touched by seeding. Annotations point at
their target by kind and id rather than by foreign key, so a note outlives a seed record that a
later corpus drops (it is then listed as detached).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

EVENT_KINDS = (
    "visit", "meeting", "summit", "conference", "signing", "ratification", "membership_change",
    "military_operation", "conflict", "statement", "decree", "vote", "legal_action",
    "withdrawal", "diplomatic_relations", "cooperation", "accusation", "other",
)
AGREEMENT_KINDS = (
    "treaty", "charter", "declaration", "programme", "convention", "ceasefire",
    "peace_statement", "decree", "agreement", "plan",
)
STEP_KINDS = (
    "proposed", "signed", "approved", "ratified", "ratification_rejected",
    "entered_into_force", "implementation_began", "withdrawn", "succeeded",
)
MEMBERSHIP_STATUSES = (
    "founding_member", "member", "observer", "partner", "associate_member", "applicant",
    "suspended", "withdrawn", "participant",
)
PASSAGE_KINDS = ("citation", "boilerplate", "user")
STANCES = ("supports", "contradicts")
ANNOTATION_TARGETS = ("event", "agreement", "organisation", "passage", "source", "country", "person")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class AppMeta(Base):
    """Key/value facts about the file itself (seed corpus version, seeding state)."""

    __tablename__ = "app_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class DateColumns:
    """An EDTF date with its bounds, precision and the words the source used."""

    date: Mapped[str] = mapped_column(String(64))
    date_start: Mapped[str] = mapped_column(String(10))
    date_end: Mapped[str] = mapped_column(String(10))
    precision: Mapped[str] = mapped_column(String(16))
    approximate: Mapped[bool] = mapped_column(Boolean, default=False)
    uncertain: Mapped[bool] = mapped_column(Boolean, default=False)
    date_text: Mapped[str | None] = mapped_column(Text)
    date_note: Mapped[str | None] = mapped_column(Text)


class Stamped:
    """When the user made and last changed a record of their own (null on corpus records)."""

    created_at: Mapped[datetime | None] = mapped_column(DateTime)
    updated_at: Mapped[datetime | None] = mapped_column(DateTime)


class Retirable(Stamped):
    """A corpus record a newer corpus dropped while one of the user's records still names it:
    kept, marked retired, instead of deleted from under the user's record."""

    retired: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")


class FacetCacheRow(Base):
    """A derived cache (core/facet_index.py): the facet index read at one corpus version."""

    __tablename__ = "facet_cache"
    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    version: Mapped[str] = mapped_column(String(32))
    data: Mapped[bytes] = mapped_column(LargeBinary)


class DerivedLog(Base):
    """Which events' derived data changed, and when (core/derived/): one row per event rowid
    with the sequence number of its last change, kept by triggers (migration 0012)."""

    __tablename__ = "derived_log"
    __table_args__ = (Index("ix_derived_log_seq", "seq"),)
    rid: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(Integer)


class ExportRow(Base):
    """A derived cache (core/export_rows.py): one event's CSV row, rendered, up to its notes."""

    __tablename__ = "export_rows"
    rid: Mapped[int] = mapped_column(Integer, primary_key=True)  # the event's rowid
    id: Mapped[str] = mapped_column(String(96))  # and its id: a row whose pair differs is not used
    head: Mapped[str] = mapped_column(Text)


class Source(Base):
    __tablename__ = "sources"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    publisher: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(64))
    data_as_of: Mapped[str | None] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(64))
    language: Mapped[str] = mapped_column(String(16), default="en")
    # why the source is graded as it is (free text)
    reliability: Mapped[str | None] = mapped_column(Text)
    # Admiralty-code letter, A (completely reliable) to F (cannot be judged); see core/corpus/evidence.py
    reliability_grade: Mapped[str | None] = mapped_column(String(1))
    # the id of the source this one reprints or copies (the two are not independent witnesses);
    # checked by its writers (seeding, Library.set_source_reliability), not a foreign key
    copies_id: Mapped[str | None] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    is_seed: Mapped[bool] = mapped_column(Boolean, default=False)
    # what an import knows (NULL for the corpus's texts); the bytes are in source_files
    file_name: Mapped[str | None] = mapped_column(Text)
    media_type: Mapped[str | None] = mapped_column(String(100))
    encoding: Mapped[str | None] = mapped_column(String(32))  # how a text file's bytes were decoded
    file_sha256: Mapped[str | None] = mapped_column(String(64), index=True)
    imported_at: Mapped[datetime | None] = mapped_column(DateTime)
    page_starts: Mapped[list[int] | None] = mapped_column(JSON)  # a PDF's pages: where each starts in text

    passages: Mapped[list[Passage]] = relationship(back_populates="source")


class SourceFile(Base):
    """An imported file's original bytes, kept in the database beside its text."""

    __tablename__ = "source_files"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[str] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(Text)
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    added_at: Mapped[datetime] = mapped_column(DateTime)


class SourceVersion(Base):
    """A text a source had before a newer version replaced it."""

    __tablename__ = "source_versions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[str] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    page_starts: Mapped[list[int] | None] = mapped_column(JSON)
    file_id: Mapped[int | None] = mapped_column(ForeignKey("source_files.id"))
    replaced_at: Mapped[datetime] = mapped_column(DateTime)


class PassageOrphan(Base):
    """A passage that could not be placed in its source's new text: its offsets and quote
    still refer to the version it was made on, until the user places it again."""

    __tablename__ = "passage_orphans"
    passage_id: Mapped[str] = mapped_column(ForeignKey("passages.id", ondelete="CASCADE"), primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("source_versions.id"))
    found_at: Mapped[datetime] = mapped_column(DateTime)


class Passage(Base):
    """A span of a source: TextPosition (start/end code points) plus TextQuote (exact, prefix, suffix)."""

    __tablename__ = "passages"
    __table_args__ = (
        CheckConstraint("start >= 0 AND \"end\" > start", name="span"),
        CheckConstraint(_in("kind", PASSAGE_KINDS), name="kind"),
        Index(None, "source_id", "start"),
    )
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    source_id: Mapped[str] = mapped_column(ForeignKey("sources.id"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    exact: Mapped[str] = mapped_column(Text)
    prefix: Mapped[str] = mapped_column(Text, default="")
    suffix: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(16), default="citation")
    label: Mapped[str | None] = mapped_column(Text)
    is_seed: Mapped[bool] = mapped_column(Boolean, default=False)

    source: Mapped[Source] = relationship(back_populates="passages")


class Organisation(Retirable, Base):
    __tablename__ = "organisations"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    abbreviation: Mapped[str | None] = mapped_column(String(32))
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)
    kind: Mapped[str] = mapped_column(String(64))
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("organisations.id"), index=True)
    founded: Mapped[str | None] = mapped_column(String(64))
    description: Mapped[str | None] = mapped_column(Text)
    is_seed: Mapped[bool] = mapped_column(Boolean, default=False)


class OrganisationCitation(Base):
    """Passages that support an organisation's founding date (`cites` 'founded') or what its
    description says of it ('description')."""

    __tablename__ = "organisation_citations"
    organisation_id: Mapped[str] = mapped_column(ForeignKey("organisations.id"), primary_key=True)
    passage_id: Mapped[str] = mapped_column(ForeignKey("passages.id"), primary_key=True)
    cites: Mapped[str] = mapped_column(String(16), default="founded", server_default="founded")


class Country(Retirable, Base):
    __tablename__ = "countries"
    id: Mapped[str] = mapped_column(String(8), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)
    is_seed: Mapped[bool] = mapped_column(Boolean, default=False)


class Person(Retirable, Base):
    __tablename__ = "people"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    office: Mapped[str | None] = mapped_column(Text)
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)
    is_seed: Mapped[bool] = mapped_column(Boolean, default=False)


class Event(DateColumns, Stamped, Base):
    """An event. The four sort-key columns at the end are derived: SQLite triggers (migration
    0004) keep them equal to what their comments say on every write to the events, their links,
    the annotations and the names of organisations and countries. Never write them yourself."""

    __tablename__ = "events"
    __table_args__ = (
        CheckConstraint(_in("kind", EVENT_KINDS), name="kind"),
        Index("ix_events_timeline", "date_start", "date_end", "id"),
        Index(None, "kind", "date_start", "id"),
        Index("ix_events_disputed", "disputed", "date_start", "id"),
        Index("ix_events_origin", "is_seed", "date_start", "id"),  # the origin dimension (mine / corpus)
    )
    id: Mapped[str] = mapped_column(String(96), primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    summary: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(32))
    location: Mapped[str | None] = mapped_column(Text)
    disputed: Mapped[bool] = mapped_column(Boolean, default=False)
    dispute_note: Mapped[str | None] = mapped_column(Text)
    # derived from the citations (core/corpus/evidence.py), never typed; disputed == contested
    evidence: Mapped[str] = mapped_column(String(16), default="single_source", server_default="single_source")
    is_seed: Mapped[bool] = mapped_column(Boolean, default=False)
    # min(coalesce(abbreviation, name)) of its organisations; NULL when it has none
    sort_organisations: Mapped[str | None] = mapped_column(Text)
    # min(name) of its countries; NULL when it has none
    sort_countries: Mapped[str | None] = mapped_column(Text)
    # count(DISTINCT source_id) of its 'supports' citations
    source_count: Mapped[int] = mapped_column(Integer, server_default="0")
    # how many annotations have target_kind 'event' and target_id = its id
    annotation_count: Mapped[int] = mapped_column(Integer, server_default="0")


# The timeline sorts by a key in either direction but always breaks ties by ascending date_start
# and id, so each key has an ascending and a descending index. (Autogenerate compares only their
# columns: SQLite's reflection shows neither DESC nor COLLATE; tests/test_sort_keys.py checks both.)
_tie = (Event.date_start, Event.id)
Index("ix_events_kind_desc", Event.kind.desc(), *_tie)
Index("ix_events_disputed_desc", Event.disputed.desc(), *_tie)
Index("ix_events_evidence", Event.evidence, *_tie)
Index("ix_events_evidence_desc", Event.evidence.desc(), *_tie)
Index("ix_events_sort_title", Event.title.collate("NOCASE"), *_tie)
Index("ix_events_sort_title_desc", Event.title.collate("NOCASE").desc(), *_tie)
Index("ix_events_sort_organisations", Event.sort_organisations, *_tie)
Index("ix_events_sort_organisations_desc", Event.sort_organisations.desc(), *_tie)
Index("ix_events_sort_countries", Event.sort_countries, *_tie)
Index("ix_events_sort_countries_desc", Event.sort_countries.desc(), *_tie)
Index("ix_events_sort_sources", Event.source_count, *_tie)
Index("ix_events_sort_sources_desc", Event.source_count.desc(), *_tie)
Index("ix_events_sort_annotations", Event.annotation_count, *_tie)
Index("ix_events_sort_annotations_desc", Event.annotation_count.desc(), *_tie)
del _tie


class EventOrganisation(Base):
    __tablename__ = "event_organisations"
    __table_args__ = (Index(None, "organisation_id", "event_id"),)
    event_id: Mapped[str] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    organisation_id: Mapped[str] = mapped_column(ForeignKey("organisations.id"), primary_key=True)
    role: Mapped[str | None] = mapped_column(String(64))


class EventCountry(Base):
    __tablename__ = "event_countries"
    __table_args__ = (Index(None, "country_id", "event_id"),)
    event_id: Mapped[str] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    country_id: Mapped[str] = mapped_column(ForeignKey("countries.id"), primary_key=True)
    role: Mapped[str | None] = mapped_column(String(64))


class EventPerson(Base):
    __tablename__ = "event_people"
    __table_args__ = (Index(None, "person_id", "event_id"),)
    event_id: Mapped[str] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("people.id"), primary_key=True)
    role: Mapped[str | None] = mapped_column(String(64))


class EventAgreement(Base):
    __tablename__ = "event_agreements"
    __table_args__ = (Index(None, "agreement_id", "event_id"),)
    event_id: Mapped[str] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    agreement_id: Mapped[str] = mapped_column(ForeignKey("agreements.id"), primary_key=True)


class EventCitation(Base):
    """A passage that supports (or, for a disputed event, contradicts) an event.

    `source_id` repeats the passage's source so that filtering and faceting by source need no
    join through every passage (checked by `azrel check`).
    """

    __tablename__ = "event_citations"
    __table_args__ = (
        CheckConstraint(_in("stance", STANCES), name="stance"),
        Index(None, "passage_id", "event_id"),
        Index("ix_event_citations_source", "source_id", "event_id"),
    )
    event_id: Mapped[str] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    passage_id: Mapped[str] = mapped_column(ForeignKey("passages.id"), primary_key=True)
    source_id: Mapped[str] = mapped_column(ForeignKey("sources.id"))
    stance: Mapped[str] = mapped_column(String(16), default="supports")


class Agreement(Retirable, Base):
    __tablename__ = "agreements"
    __table_args__ = (CheckConstraint(_in("kind", AGREEMENT_KINDS), name="kind"),)
    id: Mapped[str] = mapped_column(String(96), primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(32))
    summary: Mapped[str] = mapped_column(Text, default="")
    is_seed: Mapped[bool] = mapped_column(Boolean, default=False)


class AgreementCountry(Base):
    __tablename__ = "agreement_countries"
    agreement_id: Mapped[str] = mapped_column(ForeignKey("agreements.id", ondelete="CASCADE"), primary_key=True)
    country_id: Mapped[str] = mapped_column(ForeignKey("countries.id"), primary_key=True)


class AgreementOrganisation(Base):
    __tablename__ = "agreement_organisations"
    agreement_id: Mapped[str] = mapped_column(ForeignKey("agreements.id", ondelete="CASCADE"), primary_key=True)
    organisation_id: Mapped[str] = mapped_column(ForeignKey("organisations.id"), primary_key=True)


class AgreementStep(DateColumns, Stamped, Base):
    """One dated step of an agreement's life: signed, ratified, rejected, in force, withdrawn."""

    __tablename__ = "agreement_steps"
    __table_args__ = (
        CheckConstraint(_in("step", STEP_KINDS), name="step"),
        Index(None, "agreement_id", "date_start"),
    )
    id: Mapped[str] = mapped_column(String(96), primary_key=True)
    agreement_id: Mapped[str] = mapped_column(ForeignKey("agreements.id", ondelete="CASCADE"))
    step: Mapped[str] = mapped_column(String(32))
    country_id: Mapped[str | None] = mapped_column(ForeignKey("countries.id"))
    disputed: Mapped[bool] = mapped_column(Boolean, default=False)
    dispute_note: Mapped[str | None] = mapped_column(Text)
    evidence: Mapped[str] = mapped_column(String(16), default="single_source", server_default="single_source")
    is_seed: Mapped[bool] = mapped_column(Boolean, default=False)


class StepCitation(Base):
    __tablename__ = "step_citations"
    __table_args__ = (CheckConstraint(_in("stance", STANCES), name="stance"),)
    step_id: Mapped[str] = mapped_column(ForeignKey("agreement_steps.id", ondelete="CASCADE"), primary_key=True)
    passage_id: Mapped[str] = mapped_column(ForeignKey("passages.id"), primary_key=True, index=True)
    stance: Mapped[str] = mapped_column(String(16), default="supports")


class Membership(Stamped, Base):
    """A country's status in an organisation over an interval (end null: still so at the source's date)."""

    __tablename__ = "memberships"
    __table_args__ = (
        CheckConstraint(_in("status", MEMBERSHIP_STATUSES), name="status"),
        Index(None, "organisation_id", "country_id", "date_start"),
    )
    id: Mapped[str] = mapped_column(String(96), primary_key=True)
    country_id: Mapped[str] = mapped_column(ForeignKey("countries.id"))
    organisation_id: Mapped[str] = mapped_column(ForeignKey("organisations.id"))
    status: Mapped[str] = mapped_column(String(32))
    start: Mapped[str | None] = mapped_column(String(64))
    start_text: Mapped[str | None] = mapped_column(Text)
    end: Mapped[str | None] = mapped_column(String(64))
    end_text: Mapped[str | None] = mapped_column(Text)
    date_start: Mapped[str] = mapped_column(String(10))
    date_end: Mapped[str] = mapped_column(String(10))
    note: Mapped[str | None] = mapped_column(Text)
    disputed: Mapped[bool] = mapped_column(Boolean, default=False)
    dispute_note: Mapped[str | None] = mapped_column(Text)
    evidence: Mapped[str] = mapped_column(String(16), default="single_source", server_default="single_source")
    is_seed: Mapped[bool] = mapped_column(Boolean, default=False)


class MembershipCitation(Base):
    __tablename__ = "membership_citations"
    __table_args__ = (CheckConstraint(_in("stance", STANCES), name="stance"),)
    membership_id: Mapped[str] = mapped_column(ForeignKey("memberships.id", ondelete="CASCADE"), primary_key=True)
    passage_id: Mapped[str] = mapped_column(ForeignKey("passages.id"), primary_key=True, index=True)
    stance: Mapped[str] = mapped_column(String(16), default="supports")


class Annotation(Base):
    """The user's note on a record or a passage (a user-selected span is a `user` passage)."""

    __tablename__ = "annotations"
    __table_args__ = (
        CheckConstraint(_in("target_kind", ANNOTATION_TARGETS), name="target_kind"),
        Index(None, "target_kind", "target_id"),
    )
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    target_kind: Mapped[str] = mapped_column(String(16))
    target_id: Mapped[str] = mapped_column(String(96))
    body: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class AnnotationTag(Base):
    __tablename__ = "annotation_tags"
    __table_args__ = (Index(None, "tag"),)
    annotation_id: Mapped[str] = mapped_column(ForeignKey("annotations.id", ondelete="CASCADE"), primary_key=True)
    tag: Mapped[str] = mapped_column(String(64), primary_key=True)


class SavedView(Base):
    """A filter the user named, with the timeline's sort and the chart's lanes (migration 0013).
    The filter is `EventFilter.to_dict()` as JSON; ids in it are not foreign keys, so a view
    outlives a record it names (opening it says what was dropped)."""

    __tablename__ = "saved_views"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text, unique=True)
    filter: Mapped[str] = mapped_column(Text)
    sort: Mapped[str] = mapped_column(String(32), default="date", server_default="date")
    descending: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    lanes: Mapped[str] = mapped_column(String(16), default="organisation", server_default="organisation")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
