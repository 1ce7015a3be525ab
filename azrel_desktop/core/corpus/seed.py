"""The seed corpus: reading `seed_data/`, verifying every citation, and loading it in one
transaction.

Loading is an upsert by stable id: seed records are added or updated, seed records the new
corpus no longer has are removed, and the user's records (annotations, their own passages) are
never touched; user passages on a source whose text changed are re-anchored by quote.
Any problem refuses the whole corpus with one line that names the record, its file and the
field (`seed_records.py` reads the YAML into typed records; the checks across records are here).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import yaml
from sqlalchemy import delete, select, text, update
from sqlalchemy.orm import Session

from ..store.resources import seed_dir

if TYPE_CHECKING:
    from ..store.database import Database
from . import models as m
from .anchoring import Anchor, anchor_at, reanchor
from .dates import parse_edtf
from .evidence import (
    RELIABILITY_GRADES,
    EvidenceError,
    SourceTrust,
    check_copies,
    refresh_evidence,
    refresh_for_sources,
)
from .seed_records import (
    AgreementRecord,
    CountryRecord,
    Dispute,
    EventRecord,
    Fields,
    MembershipRecord,
    OrganisationRecord,
    Passage,
    PersonRecord,
    RetiredRecord,
    SeedError,
    SourceRecord,
    StepRecord,
    read_agreement,
    read_country,
    read_event,
    read_membership,
    read_organisation,
    read_person,
    read_records,
    read_retired,
    read_source,
    refused,
)

SEED_VERSION_KEY = "seed_version"


@dataclass
class Corpus:
    """A read and checked corpus: its typed records, the sources' texts and every passage."""

    version: int
    sources: list[SourceRecord]
    texts: dict[str, str]
    organisations: list[OrganisationRecord]
    countries: list[CountryRecord]
    people: list[PersonRecord]
    events: list[EventRecord]
    agreements: list[AgreementRecord]
    memberships: list[MembershipRecord]
    passages: dict[str, Passage] = field(default_factory=dict)
    # records an earlier corpus had and this one drops
    retired: list[RetiredRecord] = field(default_factory=list)
    # which file each kind of record came from, for the errors of the checks across records
    files: dict[str, str] = field(default_factory=dict)

    @property
    def steps(self) -> list[StepRecord]:
        return [s for a in self.agreements for s in a.steps]


def _load_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except FileNotFoundError as exc:
        raise SeedError(f"seed file missing: {path.name}") from exc
    except yaml.YAMLError as exc:
        raise SeedError(f"{path.name} is not valid YAML: {' '.join(str(exc).split())}") from exc


KINDS = ("sources", "organisations", "countries", "people", "events", "agreements", "memberships")
T = TypeVar("T")


def read_corpus(folder: Path | None = None) -> Corpus:
    """Read and fully validate a seed folder; raise SeedError naming the first bad record."""
    folder = folder or seed_dir()
    manifest = _load_yaml(folder / "corpus.yaml")
    if not isinstance(manifest, dict) or "version" not in manifest:
        raise SeedError("corpus.yaml must give a version and the files")
    try:
        version = int(manifest["version"])
    except (TypeError, ValueError) as exc:
        raise SeedError("corpus.yaml must give a whole-number version") from exc
    files = manifest.get("files") or {}
    if not isinstance(files, dict):
        raise SeedError("corpus.yaml: files must map each kind of record to its file")
    names = {key: str(files.get(key, f"{key}.yaml")) for key in KINDS}

    def part(key: str, read: Callable[[Fields], T]) -> list[T]:
        return read_records(_load_yaml(folder / names[key]), names[key], read)

    sources: list[SourceRecord] = []
    texts: dict[str, str] = {}
    for source in part("sources", read_source):
        sid = source.id
        path = folder / source.file
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise SeedError(f"{sid}: cannot read {path.name}: {exc.strerror}") from exc
        digest = hashlib.sha256(raw).hexdigest()
        if source.sha256 and source.sha256 != digest:
            raise SeedError(f"{sid}: {path.name} does not match its sha256 (the text was changed)")
        try:
            texts[sid] = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise SeedError(f"{sid}: {path.name} is not UTF-8") from exc
        sources.append(replace(source, sha256=digest))
    corpus = Corpus(
        version=version, sources=sources, texts=texts,
        organisations=part("organisations", read_organisation), countries=part("countries", read_country),
        people=part("people", read_person), events=part("events", read_event),
        agreements=part("agreements", read_agreement), memberships=part("memberships", read_membership),
        retired=read_records(manifest.get("retired"), "corpus.yaml", read_retired, "retired record"),
        files={**names, "steps": names["agreements"], "retired": "corpus.yaml"},
    )
    _validate(corpus)
    return corpus


def _unique(ids: list[str], kind: str, file: str) -> set[str]:
    seen: set[str] = set()
    for rid in ids:
        if rid in seen:
            raise refused(rid, f"duplicate {kind} id", file, "id")
        seen.add(rid)
    return seen


def _validate(c: Corpus) -> None:
    """The checks across records: ids unique, every reference and citation to a record or
    passage that exists, every quote at its offsets."""
    files = c.files
    source_ids = _unique([s.id for s in c.sources], "source", files["sources"])
    org_ids = _unique([o.id for o in c.organisations], "organisation", files["organisations"])
    country_ids = _unique([x.id for x in c.countries], "country", files["countries"])
    person_ids = _unique([p.id for p in c.people], "person", files["people"])
    event_ids = _unique([e.id for e in c.events], "event", files["events"])
    agreement_ids = _unique([a.id for a in c.agreements], "agreement", files["agreements"])
    membership_ids = _unique([x.id for x in c.memberships], "membership", files["memberships"])
    step_ids = _unique([s.id for s in c.steps], "agreement step", files["agreements"])
    _check_sources(c, source_ids)

    def check_citations(rid: str, file: str, cites: tuple[str, ...], field: str = "citations",
                        dispute: Dispute | None = None, disputed: bool = False) -> None:
        if field == "citations" and not cites:
            raise refused(rid, "cites no passage", file, field)
        for pid in cites:
            if pid not in c.passages:
                raise refused(rid, f"cites unknown passage {pid!r}", file, field)
            if c.passages[pid].kind != "citation":
                raise refused(rid, f"cites boilerplate {pid!r}", file, field)
        # `disputed` is derived from the contradicting passages; an older corpus that still
        # types it must at least agree with them
        if disputed and not (dispute and dispute.passages):
            raise refused(rid, "disputed but names no passage that disagrees", file, "disputed")
        for pid in dispute.passages if dispute else ():
            if pid not in c.passages:
                raise refused(rid, f"dispute cites unknown passage {pid!r}", file, "dispute")

    def check_refs(rid: str, file: str, field: str, refs: tuple[str, ...], known: set[str], what: str) -> None:
        for ref in refs:
            if ref not in known:
                raise refused(rid, f"unknown {what} {ref!r}", file, field)

    file = files["organisations"]
    for org in c.organisations:
        check_refs(org.id, file, "parent", (org.parent,) if org.parent else (), org_ids, "parent")
        check_citations(org.id, file, org.founded_citations, "founded_citations")
        check_citations(org.id, file, org.description_citations, "description_citations")
    file = files["events"]
    for ev in c.events:
        check_refs(ev.id, file, "organisations", tuple(x.id for x in ev.organisations), org_ids, "organisation")
        check_refs(ev.id, file, "countries", tuple(x.id for x in ev.countries), country_ids, "country")
        check_refs(ev.id, file, "people", tuple(x.id for x in ev.people), person_ids, "person")
        check_refs(ev.id, file, "agreements", ev.agreements, agreement_ids, "agreement")
        check_citations(ev.id, file, ev.citations, dispute=ev.dispute, disputed=ev.disputed)
    file = files["agreements"]
    for agr in c.agreements:
        check_refs(agr.id, file, "parties", agr.countries, country_ids, "country")
        check_refs(agr.id, file, "parties", agr.organisations, org_ids, "organisation")
        for step in agr.steps:
            check_refs(step.id, file, "country", (step.country,) if step.country else (), country_ids, "country")
            check_citations(step.id, file, step.citations, dispute=step.dispute, disputed=step.disputed)
    file = files["memberships"]
    for mem in c.memberships:
        check_refs(mem.id, file, "country", (mem.country,), country_ids, "country")
        check_refs(mem.id, file, "organisation", (mem.organisation,), org_ids, "organisation")
        check_citations(mem.id, file, mem.citations, dispute=mem.dispute, disputed=mem.disputed)
    kinds = {"event": event_ids, "agreement": agreement_ids, "step": step_ids, "membership": membership_ids}
    for old in c.retired:
        where = f"retired {old.id}"
        if old.id in kinds[old.kind]:
            raise refused(where, "still in the corpus", "corpus.yaml", "id")
        if old.notes_to is not None and (old.kind not in ("event", "agreement") or old.notes_to not in kinds[old.kind]):
            raise refused(where, f"notes_to {old.notes_to!r} is not a {old.kind} of the corpus",
                          "corpus.yaml", "notes_to")
        for new in old.split_into:
            if new not in kinds[old.kind]:
                raise refused(where, f"split_into {new!r} is not a {old.kind} of the corpus",
                              "corpus.yaml", "split_into")


def _check_sources(c: Corpus, source_ids: set[str]) -> None:
    """The sources' grades and copies links, and every passage's quote at its offsets in its
    source's text (boilerplate never cited); fills `c.passages`."""
    file = c.files["sources"]
    trust = SourceTrust({s.id: s.reliability_grade for s in c.sources}, {s.id: s.copies for s in c.sources})
    boilerplate: dict[str, list[tuple[int, int]]] = {sid: [] for sid in source_ids}
    for source in c.sources:
        sid = source.id
        if source.reliability_grade not in (None, *RELIABILITY_GRADES):
            raise refused(sid, f"reliability_grade must be one of {', '.join(RELIABILITY_GRADES)}", file,
                          "reliability_grade")
        try:
            check_copies(trust, sid, source.copies)
        except EvidenceError as exc:
            raise refused(sid, str(exc), file, "copies") from exc
        text_ = c.texts[sid]
        for kind, entries in (("citation", source.passages), ("boilerplate", source.boilerplate)):
            for entry in entries:
                pid = entry.id
                if pid in c.passages:
                    raise refused(pid, "duplicate passage id", file, "id")
                start, end = entry.start, entry.end
                if text_[start:end] != entry.quote:
                    found = text_.find(entry.quote)
                    hint = f" (the quote occurs at {found})" if found >= 0 else " (the quote is not in the text)"
                    raise refused(pid, f"quote not found in {sid} at {start}-{end}{hint}", file, "quote")
                c.passages[pid] = Passage(pid, sid, kind, start, end, entry.quote, entry.label)
                if kind == "boilerplate":
                    boilerplate[sid].append((start, end))
    for pid, p in c.passages.items():
        if p.kind == "citation":
            for b_start, b_end in boilerplate[p.source]:
                if p.start < b_end and p.end > b_start:
                    raise refused(pid, "cites boilerplate text that is not part of the article", file, "start")


def _dates(value: str, text_: str | None, note: str | None) -> dict[str, Any]:
    d = parse_edtf(value)
    return dict(
        date=value, date_start=d.start_iso, date_end=d.end_iso, precision=d.precision,
        approximate=d.approximate, uncertain=d.uncertain, date_text=text_, date_note=note,
    )


# Each link table with the seed record that owns its rows: reloading the corpus replaces the
# links of seed records only, never those of the user's own records.
_LINK_TABLES: tuple[tuple[Any, str, Any], ...] = (
    (m.EventCitation, "event_id", m.Event), (m.EventOrganisation, "event_id", m.Event),
    (m.EventCountry, "event_id", m.Event), (m.EventPerson, "event_id", m.Event),
    (m.EventAgreement, "event_id", m.Event), (m.StepCitation, "step_id", m.AgreementStep),
    (m.MembershipCitation, "membership_id", m.Membership),
    (m.OrganisationCitation, "organisation_id", m.Organisation),
    (m.AgreementCountry, "agreement_id", m.Agreement), (m.AgreementOrganisation, "agreement_id", m.Agreement),
)


def _citation_rows(cls: Callable[..., Any], key: str, rid: str, citations: tuple[str, ...], dispute: Dispute,
                   extra: Callable[[str], dict[str, Any]] = lambda _pid: {}) -> list[Any]:
    """A record's supporting citations, then the passages that contradict it."""
    rows = [cls(**{key: rid}, passage_id=p, stance="supports", **extra(p)) for p in citations]
    rows += [cls(**{key: rid}, passage_id=p, stance="contradicts", **extra(p))
             for p in dispute.passages if p not in set(citations)]
    return rows


def apply_corpus(session: Session, corpus: Corpus, *, reindex: Callable[[Session], None]) -> None:
    """Upsert the corpus into an open write session (the caller owns the transaction)."""
    old_texts = {sid: text_ for sid, text_ in session.execute(select(m.Source.id, m.Source.text))}
    _drop_seed_links(session)
    stale: list[tuple[type[Any], list[str]]] = []

    def upsert(objects: list[Any], model: Any) -> None:
        keep = {o.id for o in objects}
        for obj in objects:
            session.merge(obj)
        session.flush()
        gone = [rid for (rid,) in session.execute(select(model.id).where(model.is_seed)) if rid not in keep]
        if gone:
            stale.append((model, gone))

    upsert([_source_row(s, corpus.texts[s.id]) for s in corpus.sources], m.Source)
    _reanchor_user_passages(session, old_texts, corpus.texts)
    upsert([_passage_row(p, corpus.texts[p.source]) for p in corpus.passages.values()], m.Passage)
    upsert([m.Country(id=c.id, name=c.name, aliases=list(c.aliases), is_seed=True) for c in corpus.countries],
           m.Country)
    upsert([m.Person(id=p.id, name=p.name, office=p.office, aliases=list(p.aliases), is_seed=True, retired=False)
            for p in corpus.people], m.Person)
    # Parents first so the self-reference is satisfied as rows arrive.
    orgs = sorted(corpus.organisations, key=lambda o: o.parent is not None)
    upsert([m.Organisation(
        id=o.id, name=o.name, abbreviation=o.abbreviation, aliases=list(o.aliases),
        kind=o.kind or "organisation", parent_id=o.parent, founded=o.founded, description=o.description,
        is_seed=True, retired=False) for o in orgs], m.Organisation)
    upsert([m.Agreement(id=a.id, title=a.title, kind=a.kind, summary=a.summary, is_seed=True, retired=False)
            for a in corpus.agreements], m.Agreement)
    upsert([m.AgreementStep(
        id=s.id, agreement_id=a.id, step=s.step, country_id=s.country, disputed=bool(s.dispute.passages),
        dispute_note=s.dispute.note, is_seed=True, **_dates(s.date, s.date_text, s.date_note),
    ) for a in corpus.agreements for s in a.steps], m.AgreementStep)
    upsert([m.Event(
        id=e.id, title=e.title, summary=e.summary, kind=e.kind, location=e.location,
        disputed=bool(e.dispute.passages), dispute_note=e.dispute.note, is_seed=True,
        **_dates(e.date, e.date_text, e.date_note),
    ) for e in corpus.events], m.Event)
    upsert([_membership_row(mem) for mem in corpus.memberships], m.Membership)
    session.add_all(_link_rows(corpus))
    session.flush()
    _move_notes(session, corpus.retired)
    _remove_stale(session, stale)
    _keep_user_disputes(session)
    # Grades follow from the citations just written (and the user's own, kept) and the sources'
    # grades: the corpus's own records, and the user's records that cite a corpus source or a
    # copy of one (its grade may have changed). Not every event: a file with a million of the
    # user's own needs no pass.
    refresh_evidence(session, "event", [e.id for e in corpus.events])
    refresh_evidence(session, "step", [s.id for s in corpus.steps])
    refresh_evidence(session, "membership", [mem.id for mem in corpus.memberships])
    refresh_for_sources(session, [s.id for s in corpus.sources])
    reindex(session)  # the events' search rows (core/query/search.py), in this transaction
    session.merge(m.AppMeta(key=SEED_VERSION_KEY, value=str(corpus.version)))


def _drop_seed_links(session: Session) -> None:
    """Delete the link rows of seed records (they are written again from the corpus)."""
    user_passages = select(m.Passage.id).where(m.Passage.kind == "user")
    for table, key, owner in _LINK_TABLES:
        owned = getattr(table, key).in_(select(owner.id).where(owner.is_seed))
        if hasattr(table, "passage_id"):
            # the user's own citations of corpus records (a passage they selected) stay
            owned = owned & table.passage_id.not_in(user_passages)
        session.execute(delete(table).where(owned))
    session.flush()


def _source_row(s: SourceRecord, text_: str) -> m.Source:
    assert s.sha256 is not None  # read_corpus fills it from the file
    return m.Source(
        id=s.id, title=s.title or s.id, publisher=s.publisher, author=s.author, url=s.url,
        published=s.published, data_as_of=s.data_as_of, kind=s.kind or "unknown", language=s.language or "en",
        reliability=s.reliability, reliability_grade=s.reliability_grade, copies_id=s.copies,
        text=text_, sha256=s.sha256, is_seed=True,
    )


def _passage_row(p: Passage, source_text: str) -> m.Passage:
    a = anchor_at(source_text, p.start, p.end)
    return m.Passage(id=p.id, source_id=p.source, start=a.start, end=a.end, exact=a.exact, prefix=a.prefix,
                     suffix=a.suffix, kind=p.kind, label=p.label, is_seed=True)


def _membership_row(mem: MembershipRecord) -> m.Membership:
    start = parse_edtf(mem.start) if mem.start else None
    end = parse_edtf(mem.end) if mem.end else None
    return m.Membership(
        id=mem.id, country_id=mem.country, organisation_id=mem.organisation, status=mem.status,
        start=mem.start, start_text=mem.start_text, end=mem.end, end_text=mem.end_text,
        date_start=start.start_iso if start else "0001-01-01", date_end=end.end_iso if end else "9999-12-31",
        note=mem.note, disputed=bool(mem.dispute.passages), dispute_note=mem.dispute.note, is_seed=True,
    )


def _link_rows(corpus: Corpus) -> list[Any]:
    """Every link of the corpus's records: citations, an event's organisations, countries,
    people and agreements, an agreement's parties."""
    links: list[Any] = []
    for o in corpus.organisations:
        links += [m.OrganisationCitation(organisation_id=o.id, passage_id=p) for p in o.founded_citations]
        links += [m.OrganisationCitation(organisation_id=o.id, passage_id=p, cites="description")
                  for p in o.description_citations]
    for e in corpus.events:
        links += [m.EventOrganisation(event_id=e.id, organisation_id=x.id, role=x.role) for x in e.organisations]
        links += [m.EventCountry(event_id=e.id, country_id=x.id, role=x.role) for x in e.countries]
        links += [m.EventPerson(event_id=e.id, person_id=x.id, role=x.role) for x in e.people]
        links += [m.EventAgreement(event_id=e.id, agreement_id=x) for x in e.agreements]
        links += _citation_rows(m.EventCitation, "event_id", e.id, e.citations, e.dispute,
                                lambda pid: {"source_id": corpus.passages[pid].source})
    for agr in corpus.agreements:
        links += [m.AgreementCountry(agreement_id=agr.id, country_id=x) for x in agr.countries]
        links += [m.AgreementOrganisation(agreement_id=agr.id, organisation_id=x) for x in agr.organisations]
        for s in agr.steps:
            links += _citation_rows(m.StepCitation, "step_id", s.id, s.citations, s.dispute)
    for mem in corpus.memberships:
        links += _citation_rows(m.MembershipCitation, "membership_id", mem.id, mem.citations, mem.dispute)
    return links


def _move_notes(session: Session, retired: list[RetiredRecord]) -> None:
    """Notes on a record the corpus retired move to the record that now holds its claim, where
    the corpus names one; the note itself (text, tags, dates) is not changed."""
    for old in retired:
        if old.notes_to and old.kind in ("event", "agreement"):
            session.execute(update(m.Annotation).where(
                m.Annotation.target_kind == old.kind, m.Annotation.target_id == old.id,
            ).values(target_id=old.notes_to))


# What the user's own records (is_seed false) point at: (model, SQL selecting the ids they use).
# A corpus record in these lists is kept, marked retired, when a newer corpus drops it.
_USED_BY_USER = {
    m.Organisation: """
        SELECT organisation_id FROM event_organisations
          WHERE event_id IN (SELECT id FROM events WHERE NOT is_seed)
        UNION SELECT organisation_id FROM memberships WHERE NOT is_seed
        UNION SELECT organisation_id FROM agreement_organisations
          WHERE agreement_id IN (SELECT id FROM agreements WHERE NOT is_seed)
        UNION SELECT parent_id FROM organisations WHERE (NOT is_seed OR retired) AND parent_id IS NOT NULL""",
    m.Country: """
        SELECT country_id FROM event_countries WHERE event_id IN (SELECT id FROM events WHERE NOT is_seed)
        UNION SELECT country_id FROM memberships WHERE NOT is_seed
        UNION SELECT country_id FROM agreement_steps WHERE NOT is_seed AND country_id IS NOT NULL
        UNION SELECT country_id FROM agreement_countries
          WHERE agreement_id IN (SELECT id FROM agreements WHERE NOT is_seed)""",
    m.Person: """
        SELECT person_id FROM event_people WHERE event_id IN (SELECT id FROM events WHERE NOT is_seed)""",
    m.Agreement: """
        SELECT agreement_id FROM event_agreements WHERE event_id IN (SELECT id FROM events WHERE NOT is_seed)
        UNION SELECT agreement_id FROM agreement_steps WHERE NOT is_seed""",
}


def _remove_stale(session: Session, stale: list[tuple[type[Any], list[str]]]) -> None:
    """Delete seed records the new corpus dropped, dependents first.

    A dropped source that still holds the user's own passages is kept as a user record. A
    dropped organisation, country, person or agreement that one of the user's records names
    is kept, marked retired (an organisation keeps its parent body too). Annotations on dropped
    records stay in place and show as detached.
    """
    for model, ids in reversed(stale):
        if model is m.Source:
            used = set(session.scalars(select(m.Passage.source_id).where(
                m.Passage.kind == "user", m.Passage.source_id.in_(ids))))
            if used:
                session.execute(update(m.Source).where(m.Source.id.in_(used)).values(is_seed=False))
            ids = [i for i in ids if i not in used]
        elif model in _USED_BY_USER:
            used = _still_used(session, model, set(ids))
            if used:
                session.execute(update(model).where(model.id.in_(used)).values(retired=True))
            ids = [i for i in ids if i not in used]
        if ids:
            session.execute(delete(model).where(model.id.in_(ids)))


def _still_used(session: Session, model: Any, dropped: set[str]) -> set[str]:
    used: set[str] = set()
    while True:  # an organisation kept for the user keeps its parent body: repeat up the tree
        found = {r for (r,) in session.execute(text(_USED_BY_USER[model]))} & dropped
        if found <= used:
            return used
        used |= found
        if model is not m.Organisation:
            return used
        session.execute(update(model).where(model.id.in_(found)).values(retired=True))


def _keep_user_disputes(session: Session) -> None:
    """A corpus record the user contradicted with a passage of their own stays disputed,
    whatever the newer corpus says about it."""
    for table, key, owner in (("event_citations", "event_id", "events"),
                              ("step_citations", "step_id", "agreement_steps"),
                              ("membership_citations", "membership_id", "memberships")):
        session.execute(text(f"""UPDATE {owner} SET disputed = 1 WHERE NOT disputed AND id IN (
            SELECT c.{key} FROM {table} c JOIN passages p ON p.id = c.passage_id
            WHERE c.stance = 'contradicts' AND p.kind = 'user')"""))


def _reanchor_user_passages(session: Session, old: dict[str, str], new: dict[str, str]) -> None:
    changed = [sid for sid, t in new.items() if sid in old and old[sid] != t]
    if not changed:
        return
    for p in session.scalars(select(m.Passage).where(m.Passage.kind == "user",
                                                     m.Passage.source_id.in_(changed))):
        found = reanchor(new[p.source_id], Anchor(p.start, p.end, p.exact, p.prefix, p.suffix))
        if found:
            p.start, p.end, p.prefix, p.suffix = found.start, found.end, found.prefix, found.suffix
        else:
            p.label = (p.label or "") + " [quote no longer found in the updated text]"


def seeded_version(session: Session) -> int | None:
    value = session.execute(
        text("SELECT value FROM app_meta WHERE key = :k"), {"k": SEED_VERSION_KEY}
    ).scalar()
    return int(value) if value is not None else None


def corpus_version(folder: Path | None = None) -> int:
    """The version a seed folder declares, read without loading the whole corpus."""
    manifest = _load_yaml((folder or seed_dir()) / "corpus.yaml")
    try:
        return int(manifest["version"])
    except (TypeError, KeyError, ValueError) as exc:
        raise SeedError("corpus.yaml must give a whole-number version") from exc


def ensure_seeded(db: Database, *, reindex: Callable[[Session], None], folder: Path | None = None,
                  progress: Callable[[str], None] | None = None) -> bool:
    """Load the corpus when the file has none or an older version; True if it loaded.

    A file that already holds an older corpus is backed up first. `reindex(session)` rebuilds
    what is derived from the events (their search rows) in the same transaction; the corpus
    sits below the query layer, so `core/opening.py`'s `seed_corpus` passes it in.
    """
    wanted = corpus_version(folder)
    with db.read() as session:
        current = seeded_version(session)
    if current is not None and current >= wanted:
        return False
    corpus = read_corpus(folder)
    if current is not None:
        from ..store.backups import make_backup

        if progress:
            progress("Backing up before updating the corpus…")
        make_backup(db.path, reason=f"before-corpus-{corpus.version}")
    if progress:
        progress("Loading the seed corpus…")
    with db.write() as session:
        # Another process may have seeded while we waited for the write lock.
        current = seeded_version(session)
        if current is not None and current >= corpus.version:
            return False
        apply_corpus(session, corpus, reindex=reindex)
    return True
