"""The seed corpus's records as typed values, read from the loose mappings of `seed_data/`'s YAML.

Each file's records become frozen dataclasses (`SourceRecord`, `EventRecord`, …) whose fields say
what a record may hold; a field that is missing, of the wrong type or outside its vocabulary is
refused while reading, with one line naming the record, the file and the field:
`ev-1994-x: unknown event kind 'party' (events.yaml, field 'kind')`. What needs the other records
(a reference to an organisation, a cited passage, a quote at its offsets) is checked afterwards
by `seed.py`, which names the file and field the same way (`refused`).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from typing import NoReturn, TypeVar

from . import models as m
from .dates import DateError, parse_edtf


class SeedError(ValueError):
    """The seed corpus is malformed; the message names the record."""


def refused(where: str, message: str, file: str, field: str) -> SeedError:
    """The one-line error for a record: `<record>: <what is wrong> (<file>, field '<field>')`."""
    return SeedError(f"{where}: {message} ({file}, field {field!r})")


@dataclass(frozen=True)
class Link:
    """A record named by another with the part it played (`role`), e.g. an event's country."""

    id: str
    role: str | None = None


@dataclass(frozen=True)
class Dispute:
    """The passages that contradict a record, and a note on the disagreement."""

    passages: tuple[str, ...] = ()
    note: str | None = None


@dataclass(frozen=True)
class PassageEntry:
    """A passage as `sources.yaml` gives it: code-point offsets into the source's text and the quote."""

    id: str
    start: int
    end: int
    quote: str
    label: str | None


@dataclass(frozen=True)
class Passage:
    """A checked passage of the corpus: its source, and whether records may cite it ("citation")
    or it marks text that is not part of the article ("boilerplate")."""

    id: str
    source: str
    kind: str
    start: int
    end: int
    quote: str
    label: str | None


@dataclass(frozen=True)
class SourceRecord:
    id: str
    file: str
    sha256: str | None  # as given; `read_corpus` checks it and fills it from the file
    title: str | None
    publisher: str | None
    author: str | None
    url: str | None
    published: str | None
    data_as_of: str | None
    kind: str | None
    language: str | None
    reliability: str | None
    reliability_grade: str | None
    copies: str | None
    passages: tuple[PassageEntry, ...]
    boilerplate: tuple[PassageEntry, ...]


@dataclass(frozen=True)
class OrganisationRecord:
    id: str
    name: str
    abbreviation: str | None
    aliases: tuple[str, ...]
    kind: str | None
    parent: str | None
    founded: str | None
    description: str | None
    founded_citations: tuple[str, ...]
    description_citations: tuple[str, ...]


@dataclass(frozen=True)
class CountryRecord:
    id: str
    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class PersonRecord:
    id: str
    name: str
    office: str | None
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class EventRecord:
    id: str
    date: str
    date_text: str | None
    date_note: str | None
    title: str
    summary: str
    kind: str
    location: str | None
    organisations: tuple[Link, ...]
    countries: tuple[Link, ...]
    people: tuple[Link, ...]
    agreements: tuple[str, ...]
    citations: tuple[str, ...]
    dispute: Dispute
    disputed: bool  # an older corpus typed it; it must agree with `dispute`


@dataclass(frozen=True)
class StepRecord:
    id: str
    step: str
    date: str
    date_text: str | None
    date_note: str | None
    country: str | None
    citations: tuple[str, ...]
    dispute: Dispute
    disputed: bool


@dataclass(frozen=True)
class AgreementRecord:
    id: str
    title: str
    kind: str
    summary: str
    countries: tuple[str, ...]  # its parties
    organisations: tuple[str, ...]
    steps: tuple[StepRecord, ...]


@dataclass(frozen=True)
class MembershipRecord:
    id: str
    country: str
    organisation: str
    status: str
    start: str | None
    start_text: str | None
    end: str | None
    end_text: str | None
    note: str | None
    citations: tuple[str, ...]
    dispute: Dispute
    disputed: bool


@dataclass(frozen=True)
class RetiredRecord:
    """A record an earlier corpus had and this one drops: the user's notes on it move to
    `notes_to` (else they stay, listed as detached)."""

    kind: str
    id: str
    split_into: tuple[str, ...]
    notes_to: str | None


RETIRABLE = ("event", "agreement", "step", "membership")


class Fields:
    """One record of a YAML file being read: each accessor returns the field with its type or
    raises the one-line `SeedError` naming the record, the file and the field."""

    def __init__(self, data: object, file: str, where: str) -> None:
        if not isinstance(data, Mapping):
            raise SeedError(f"{where}: must be a mapping of fields, not {_kind(data)} ({file})")
        self.data: Mapping[object, object] = data
        self.file = file
        self.where = where

    def fail(self, field: str, message: str) -> NoReturn:
        raise refused(self.where, message, self.file, field)

    def text(self, field: str) -> str:
        value = self.data.get(field)
        if value is None or value == "":
            self.fail(field, f"missing {field!r}")
        if not isinstance(value, str):
            self.fail(field, f"{field} must be text, not {_kind(value)}")
        return value

    def maybe_text(self, field: str) -> str | None:
        value = self.data.get(field)
        if value is None or value == "":
            return None
        if not isinstance(value, str):
            self.fail(field, f"{field} must be text, not {_kind(value)}")
        return value

    def date(self, field: str) -> str:
        value = self.data.get(field)
        if not isinstance(value, str):
            self.fail(field, f"date {value!r} must be a quoted EDTF string")
        try:
            parse_edtf(value)
        except DateError as exc:
            self.fail(field, str(exc))
        return value

    def maybe_date(self, field: str) -> str | None:
        return None if self.data.get(field) is None else self.date(field)

    def whole(self, field: str, message: str) -> int:
        value = self.data.get(field)
        if not isinstance(value, int) or isinstance(value, bool):
            self.fail(field, message)
        return value

    def flag(self, field: str) -> bool:
        value = self.data.get(field, False)
        if value is None:
            return False
        if not isinstance(value, bool):
            self.fail(field, f"{field} must be true or false, not {_kind(value)}")
        return value

    def one_of(self, field: str, allowed: Collection[str], what: str) -> str:
        value = self.data.get(field)
        if not isinstance(value, str) or value not in allowed:
            self.fail(field, f"unknown {what} {value!r}")
        return value

    def items(self, field: str) -> list[object]:
        value = self.data.get(field)
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail(field, f"{field} must be a list, not {_kind(value)}")
        return value

    def ids(self, field: str) -> tuple[str, ...]:
        found = []
        for value in self.items(field):
            if not isinstance(value, str) or not value:
                self.fail(field, f"{field} must list ids, not {_kind(value)}")
            found.append(value)
        return tuple(found)

    def links(self, field: str) -> tuple[Link, ...]:
        """A list of ids, each alone or as `{id, role}`."""
        found = []
        for value in self.items(field):
            if isinstance(value, str) and value:
                found.append(Link(value))
                continue
            link = Fields(value, self.file, f"{self.where} {field}")
            found.append(Link(link.text("id"), link.maybe_text("role")))
        return tuple(found)

    def part(self, field: str) -> Fields:
        """A nested mapping (an agreement's parties); absent means empty."""
        value = self.data.get(field)
        return Fields({} if value is None else value, self.file, f"{self.where} {field}")

    def dispute(self) -> Dispute:
        value = self.data.get("dispute")
        if value is None:
            return Dispute()
        part = Fields(value, self.file, self.where)
        return Dispute(part.ids("passages"), part.maybe_text("note"))


def _kind(value: object) -> str:
    return "nothing" if value is None else type(value).__name__


T = TypeVar("T")


def read_records(data: object, file: str, read: Callable[[Fields], T], what: str = "record") -> list[T]:
    """Every record of one file's list, read by `read`; the error of a record without an id
    names its position ("<what> 3")."""
    if data is None:
        return []
    if not isinstance(data, list):
        raise SeedError(f"{file} must be a list of records")
    records = []
    for n, item in enumerate(data, start=1):
        first = Fields(item, file, f"{what} {n}")
        rid = first.text("id")
        records.append(read(Fields(item, file, rid)))
    return records


def _entry(f: Fields) -> PassageEntry:
    message = "start and end must be whole numbers"
    return PassageEntry(f.where, f.whole("start", message), f.whole("end", message), f.text("quote"),
                        f.maybe_text("label"))


def read_source(f: Fields) -> SourceRecord:
    def entries(field: str) -> tuple[PassageEntry, ...]:
        return tuple(read_records(f.items(field) or None, f.file, _entry, f"{f.where} {field}"))

    return SourceRecord(
        id=f.where, file=f.text("file"), sha256=f.maybe_text("sha256"), title=f.maybe_text("title"),
        publisher=f.maybe_text("publisher"), author=f.maybe_text("author"), url=f.maybe_text("url"),
        published=f.maybe_date("published"), data_as_of=f.maybe_date("data_as_of"),
        kind=f.maybe_text("kind"), language=f.maybe_text("language"), reliability=f.maybe_text("reliability"),
        reliability_grade=f.maybe_text("reliability_grade"), copies=f.maybe_text("copies"),
        passages=entries("passages"), boilerplate=entries("boilerplate"),
    )


def read_organisation(f: Fields) -> OrganisationRecord:
    return OrganisationRecord(
        id=f.where, name=f.text("name"), abbreviation=f.maybe_text("abbreviation"), aliases=f.ids("aliases"),
        kind=f.maybe_text("kind"), parent=f.maybe_text("parent"), founded=f.maybe_date("founded"),
        description=f.maybe_text("description"), founded_citations=f.ids("founded_citations"),
        description_citations=f.ids("description_citations"),
    )


def read_country(f: Fields) -> CountryRecord:
    return CountryRecord(id=f.where, name=f.text("name"), aliases=f.ids("aliases"))


def read_person(f: Fields) -> PersonRecord:
    return PersonRecord(id=f.where, name=f.text("name"), office=f.maybe_text("office"), aliases=f.ids("aliases"))


def read_event(f: Fields) -> EventRecord:
    return EventRecord(
        id=f.where, date=f.date("date"), date_text=f.maybe_text("date_text"), date_note=f.maybe_text("date_note"),
        title=f.text("title"), summary=f.maybe_text("summary") or "", kind=f.one_of("kind", m.EVENT_KINDS, "event kind"),
        location=f.maybe_text("location"), organisations=f.links("organisations"), countries=f.links("countries"),
        people=f.links("people"), agreements=f.ids("agreements"), citations=f.ids("citations"),
        dispute=f.dispute(), disputed=f.flag("disputed"),
    )


def read_step(f: Fields) -> StepRecord:
    return StepRecord(
        id=f.where, step=f.one_of("step", m.STEP_KINDS, "step"), date=f.date("date"),
        date_text=f.maybe_text("date_text"), date_note=f.maybe_text("date_note"), country=f.maybe_text("country"),
        citations=f.ids("citations"), dispute=f.dispute(), disputed=f.flag("disputed"),
    )


def read_agreement(f: Fields) -> AgreementRecord:
    kind = f.one_of("kind", m.AGREEMENT_KINDS, "agreement kind")
    parties = f.part("parties")
    return AgreementRecord(
        id=f.where, title=f.text("title"), kind=kind, summary=f.maybe_text("summary") or "",
        countries=parties.ids("countries"), organisations=parties.ids("organisations"),
        steps=tuple(read_records(f.items("steps") or None, f.file, read_step, f"{f.where} step")),
    )


def read_membership(f: Fields) -> MembershipRecord:
    return MembershipRecord(
        id=f.where, status=f.one_of("status", m.MEMBERSHIP_STATUSES, "status"), country=f.text("country"),
        organisation=f.text("organisation"), start=f.maybe_date("start"), start_text=f.maybe_text("start_text"),
        end=f.maybe_date("end"), end_text=f.maybe_text("end_text"), note=f.maybe_text("note"),
        citations=f.ids("citations"), dispute=f.dispute(), disputed=f.flag("disputed"),
    )


def read_retired(f: Fields) -> RetiredRecord:
    f.where = f"retired {f.where}"
    return RetiredRecord(kind=f.one_of("kind", RETIRABLE, "kind"), id=f.text("id"),
                         split_into=f.ids("split_into"), notes_to=f.maybe_text("notes_to"))
