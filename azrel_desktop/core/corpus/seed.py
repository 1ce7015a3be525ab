"""The seed corpus: reading `seed_data/`, verifying every citation, and loading it in one
transaction.

Loading is an upsert by stable id: seed records are added or updated, seed records the new
corpus no longer has are removed, and the user's records (annotations, their own passages) are
never touched; user passages on a source whose text changed are re-anchored by quote.
Any problem refuses the whole corpus with a message that names the record.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import delete, select, text, update
from sqlalchemy.orm import Session

from ..store.resources import seed_dir
from . import models as m
from .anchoring import Anchor, anchor_at, reanchor
from .dates import DateError, parse_edtf
from .evidence import (
    RELIABILITY_GRADES,
    EvidenceError,
    SourceTrust,
    check_copies,
    refresh_evidence,
    refresh_for_sources,
)

SEED_VERSION_KEY = "seed_version"


class SeedError(ValueError):
    """The seed corpus is malformed; the message names the record."""


@dataclass
class Corpus:
    version: int
    sources: list[dict]
    texts: dict[str, str]
    organisations: list[dict]
    countries: list[dict]
    people: list[dict]
    events: list[dict]
    agreements: list[dict]
    memberships: list[dict]
    passages: dict[str, dict] = field(default_factory=dict)
    # records an earlier corpus had and this one drops, each {kind, id, split_into, notes_to}:
    # the user's notes on one move to `notes_to` (else they stay, listed as detached)
    retired: list[dict] = field(default_factory=list)


def _load_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except FileNotFoundError as exc:
        raise SeedError(f"seed file missing: {path.name}") from exc
    except yaml.YAMLError as exc:
        raise SeedError(f"{path.name} is not valid YAML: {exc}") from exc


def _list(data: Any, name: str) -> list[dict]:
    if data is None:
        return []
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        raise SeedError(f"{name} must be a list of records")
    return data


def read_corpus(folder: Path | None = None) -> Corpus:
    """Read and fully validate a seed folder; raise SeedError naming the first bad record."""
    folder = folder or seed_dir()
    manifest = _load_yaml(folder / "corpus.yaml")
    if not isinstance(manifest, dict) or "version" not in manifest:
        raise SeedError("corpus.yaml must give a version and the files")
    files = manifest.get("files", {})
    parts = {
        key: _list(_load_yaml(folder / files.get(key, f"{key}.yaml")), key)
        for key in ("sources", "organisations", "countries", "people", "events", "agreements",
                    "memberships")
    }
    texts: dict[str, str] = {}
    for source in parts["sources"]:
        sid = _req(source, "id", "source")
        path = folder / _req(source, "file", sid)
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise SeedError(f"{sid}: cannot read {path.name}: {exc.strerror}") from exc
        digest = hashlib.sha256(raw).hexdigest()
        if source.get("sha256") and source["sha256"] != digest:
            raise SeedError(f"{sid}: {path.name} does not match its sha256 (the text was changed)")
        try:
            texts[sid] = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise SeedError(f"{sid}: {path.name} is not UTF-8") from exc
        source["sha256"] = digest
    corpus = Corpus(version=int(manifest["version"]), sources=parts["sources"], texts=texts,
                    organisations=parts["organisations"], countries=parts["countries"], people=parts["people"],
                    events=parts["events"], agreements=parts["agreements"], memberships=parts["memberships"],
                    retired=_list(manifest.get("retired"), "retired"))
    _validate(corpus)
    return corpus


def _req(record: dict, key: str, where: str) -> Any:
    value = record.get(key)
    if value in (None, ""):
        raise SeedError(f"{where}: missing {key!r}")
    return value


def _check_date(value: Any, where: str, *, optional: bool = False) -> None:
    if value is None and optional:
        return
    if not isinstance(value, str):
        raise SeedError(f"{where}: date {value!r} must be a quoted EDTF string")
    try:
        parse_edtf(value)
    except DateError as exc:
        raise SeedError(f"{where}: {exc}") from exc


def _unique(records: list[dict], kind: str) -> set[str]:
    seen: set[str] = set()
    for record in records:
        rid = _req(record, "id", kind)
        if rid in seen:
            raise SeedError(f"{rid}: duplicate {kind} id")
        seen.add(rid)
    return seen


def _validate(c: Corpus) -> None:
    source_ids = _unique(c.sources, "source")
    org_ids = _unique(c.organisations, "organisation")
    country_ids = _unique(c.countries, "country")
    person_ids = _unique(c.people, "person")
    _unique(c.events, "event")
    agreement_ids = _unique(c.agreements, "agreement")
    _unique(c.memberships, "membership")
    _unique([s for a in c.agreements for s in a.get("steps") or []], "agreement step")
    boilerplate: dict[str, list[tuple[int, int]]] = {sid: [] for sid in source_ids}

    trust = SourceTrust({s["id"]: s.get("reliability_grade") for s in c.sources},
                        {s["id"]: s.get("copies") for s in c.sources})
    for source in c.sources:
        sid = source["id"]
        if source.get("reliability_grade") not in (None, *RELIABILITY_GRADES):
            raise SeedError(f"{sid}: reliability_grade must be one of {', '.join(RELIABILITY_GRADES)}")
        try:
            check_copies(trust, sid, source.get("copies"))
        except EvidenceError as exc:
            raise SeedError(f"{sid}: {exc}") from exc
        _check_date(source.get("published"), sid, optional=True)
        _check_date(source.get("data_as_of"), sid, optional=True)
        text_ = c.texts[sid]
        for kind, entries in (("citation", source.get("passages") or []),
                              ("boilerplate", source.get("boilerplate") or [])):
            for entry in entries:
                pid = _req(entry, "id", f"{sid} passage")
                if pid in c.passages:
                    raise SeedError(f"{pid}: duplicate passage id")
                quote = _req(entry, "quote", pid)
                start, end = entry.get("start"), entry.get("end")
                if not isinstance(start, int) or not isinstance(end, int):
                    raise SeedError(f"{pid}: start and end must be whole numbers")
                if text_[start:end] != quote:
                    found = text_.find(quote)
                    hint = f" (the quote occurs at {found})" if found >= 0 else " (the quote is not in the text)"
                    raise SeedError(f"{pid}: quote not found in {sid} at {start}-{end}{hint}")
                c.passages[pid] = {**entry, "source": sid, "kind": kind}
                if kind == "boilerplate":
                    boilerplate[sid].append((start, end))
    for pid, p in c.passages.items():
        if p["kind"] == "citation":
            for b_start, b_end in boilerplate[p["source"]]:
                if p["start"] < b_end and p["end"] > b_start:
                    raise SeedError(f"{pid}: cites boilerplate text that is not part of the article")

    def check_citations(record: dict, where: str, key: str = "citations") -> None:
        cites = record.get(key) or []
        if key == "citations" and not cites:
            raise SeedError(f"{where}: cites no passage")
        for pid in cites:
            if pid not in c.passages:
                raise SeedError(f"{where}: cites unknown passage {pid!r}")
            if c.passages[pid]["kind"] != "citation":
                raise SeedError(f"{where}: cites boilerplate {pid!r}")
        dispute = record.get("dispute")
        # `disputed` is derived from the contradicting passages; an older corpus that still
        # types it must at least agree with them
        if record.get("disputed") and not (dispute and dispute.get("passages")):
            raise SeedError(f"{where}: disputed but names no passage that disagrees")
        if dispute:
            for pid in dispute.get("passages") or []:
                if pid not in c.passages:
                    raise SeedError(f"{where}: dispute cites unknown passage {pid!r}")

    def check_refs(values, known, where, what) -> None:
        for value in values or []:
            ref = value["id"] if isinstance(value, dict) else value
            if ref not in known:
                raise SeedError(f"{where}: unknown {what} {ref!r}")

    for org in c.organisations:
        if org.get("parent") and org["parent"] not in org_ids:
            raise SeedError(f"{org['id']}: unknown parent {org['parent']!r}")
        _check_date(org.get("founded"), org["id"], optional=True)
        check_citations(org, org["id"], "founded_citations")
        check_citations(org, org["id"], "description_citations")
    for ev in c.events:
        eid = ev["id"]
        _check_date(ev.get("date"), eid)
        _req(ev, "title", eid)
        if ev.get("kind") not in m.EVENT_KINDS:
            raise SeedError(f"{eid}: unknown event kind {ev.get('kind')!r}")
        check_refs(ev.get("organisations"), org_ids, eid, "organisation")
        check_refs(ev.get("countries"), country_ids, eid, "country")
        check_refs(ev.get("people"), person_ids, eid, "person")
        check_refs(ev.get("agreements"), agreement_ids, eid, "agreement")
        check_citations(ev, eid)
    for agr in c.agreements:
        aid = agr["id"]
        if agr.get("kind") not in m.AGREEMENT_KINDS:
            raise SeedError(f"{aid}: unknown agreement kind {agr.get('kind')!r}")
        parties = agr.get("parties") or {}
        check_refs(parties.get("countries"), country_ids, aid, "country")
        check_refs(parties.get("organisations"), org_ids, aid, "organisation")
        for step in agr.get("steps") or []:
            sid = step["id"]
            if step.get("step") not in m.STEP_KINDS:
                raise SeedError(f"{sid}: unknown step {step.get('step')!r}")
            _check_date(step.get("date"), sid)
            if step.get("country") and step["country"] not in country_ids:
                raise SeedError(f"{sid}: unknown country {step['country']!r}")
            check_citations(step, sid)
    for mem in c.memberships:
        mid = mem["id"]
        if mem.get("status") not in m.MEMBERSHIP_STATUSES:
            raise SeedError(f"{mid}: unknown status {mem.get('status')!r}")
        if mem.get("country") not in country_ids:
            raise SeedError(f"{mid}: unknown country {mem.get('country')!r}")
        if mem.get("organisation") not in org_ids:
            raise SeedError(f"{mid}: unknown organisation {mem.get('organisation')!r}")
        _check_date(mem.get("start"), mid, optional=True)
        _check_date(mem.get("end"), mid, optional=True)
        check_citations(mem, mid)
    kinds = {"event": {e["id"] for e in c.events}, "agreement": agreement_ids,
             "step": {s["id"] for a in c.agreements for s in a.get("steps") or []},
             "membership": {mem["id"] for mem in c.memberships}}
    for old in c.retired:
        old_kind, rid = old.get("kind"), _req(old, "id", "retired record")
        if old_kind not in ("event", "agreement", "step", "membership"):
            raise SeedError(f"retired {rid}: unknown kind {old_kind!r}")
        if rid in kinds.get(old_kind, ()):
            raise SeedError(f"retired {rid}: still in the corpus")
        target = old.get("notes_to")
        if target is not None and (old_kind not in ("event", "agreement") or target not in kinds[old_kind]):
            raise SeedError(f"retired {rid}: notes_to {target!r} is not a {old_kind} of the corpus")
        for new in old.get("split_into") or []:
            if old_kind in kinds and new not in kinds[old_kind]:
                raise SeedError(f"retired {rid}: split_into {new!r} is not a {old_kind} of the corpus")


def _dates(value: str, text_: str | None, note: str | None) -> dict:
    d = parse_edtf(value)
    return dict(
        date=value, date_start=d.start_iso, date_end=d.end_iso, precision=d.precision,
        approximate=d.approximate, uncertain=d.uncertain, date_text=text_, date_note=note,
    )


# Each link table with the seed record that owns its rows: reloading the corpus replaces the
# links of seed records only, never those of the user's own records.
_LINK_TABLES = (
    (m.EventCitation, "event_id", m.Event), (m.EventOrganisation, "event_id", m.Event),
    (m.EventCountry, "event_id", m.Event), (m.EventPerson, "event_id", m.Event),
    (m.EventAgreement, "event_id", m.Event), (m.StepCitation, "step_id", m.AgreementStep),
    (m.MembershipCitation, "membership_id", m.Membership),
    (m.OrganisationCitation, "organisation_id", m.Organisation),
    (m.AgreementCountry, "agreement_id", m.Agreement), (m.AgreementOrganisation, "agreement_id", m.Agreement),
)


def _citation_rows(cls, key: str, rid: str, record: dict, extra=lambda _pid: {}) -> list:
    rows = [cls(**{key: rid}, passage_id=p, stance="supports", **extra(p)) for p in record.get("citations") or []]
    dispute = record.get("dispute") or {}
    supporting = set(record.get("citations") or [])
    rows += [cls(**{key: rid}, passage_id=p, stance="contradicts", **extra(p))
             for p in dispute.get("passages") or [] if p not in supporting]
    return rows


def _contradicted(record: dict) -> bool:
    """A first value of the derived `disputed` flag (refresh_evidence sets it with the grade)."""
    return bool((record.get("dispute") or {}).get("passages"))


def apply_corpus(session: Session, corpus: Corpus, *, reindex: Callable[[Session], None]) -> None:
    """Upsert the corpus into an open write session (the caller owns the transaction)."""
    old_texts = dict(session.execute(select(m.Source.id, m.Source.text)).all())
    user_passages = select(m.Passage.id).where(m.Passage.kind == "user")
    for table, key, owner in _LINK_TABLES:
        owned = getattr(table, key).in_(select(owner.id).where(owner.is_seed))
        if hasattr(table, "passage_id"):
            # the user's own citations of corpus records (a passage they selected) stay
            owned = owned & table.passage_id.not_in(user_passages)
        session.execute(delete(table).where(owned))
    session.flush()

    stale: list[tuple[type[Any], list[str]]] = []

    def upsert(objects: list, model) -> None:
        keep = {o.id for o in objects}
        for obj in objects:
            session.merge(obj)
        session.flush()
        gone = [rid for (rid,) in session.execute(select(model.id).where(model.is_seed))
                if rid not in keep]
        if gone:
            stale.append((model, gone))

    upsert([
        m.Source(
            id=s["id"], title=s.get("title") or s["id"], publisher=s.get("publisher"),
            author=s.get("author"), url=s.get("url"), published=s.get("published"),
            data_as_of=s.get("data_as_of"), kind=s.get("kind") or "unknown",
            language=s.get("language") or "en", reliability=s.get("reliability"),
            reliability_grade=s.get("reliability_grade"), copies_id=s.get("copies"),
            text=corpus.texts[s["id"]], sha256=s["sha256"], is_seed=True,
        ) for s in corpus.sources
    ], m.Source)
    _reanchor_user_passages(session, old_texts, corpus.texts)
    passages = []
    for pid, p in corpus.passages.items():
        a = anchor_at(corpus.texts[p["source"]], p["start"], p["end"])
        passages.append(m.Passage(
            id=pid, source_id=p["source"], start=a.start, end=a.end, exact=a.exact,
            prefix=a.prefix, suffix=a.suffix, kind=p["kind"], label=p.get("label"), is_seed=True,
        ))
    upsert(passages, m.Passage)
    upsert([m.Country(id=c["id"], name=c["name"], aliases=c.get("aliases") or [], is_seed=True)
            for c in corpus.countries], m.Country)
    upsert([m.Person(id=p["id"], name=p["name"], office=p.get("office"),
                     aliases=p.get("aliases") or [], is_seed=True, retired=False)
            for p in corpus.people], m.Person)
    # Parents first so the self-reference is satisfied as rows arrive.
    orgs = sorted(corpus.organisations, key=lambda o: o.get("parent") is not None)
    upsert([m.Organisation(
        id=o["id"], name=o["name"], abbreviation=o.get("abbreviation"),
        aliases=o.get("aliases") or [], kind=o.get("kind") or "organisation",
        parent_id=o.get("parent"), founded=o.get("founded"), description=o.get("description"),
        is_seed=True, retired=False) for o in orgs], m.Organisation)
    upsert([m.Agreement(id=a["id"], title=a["title"], kind=a["kind"], summary=a.get("summary") or "",
                        is_seed=True, retired=False) for a in corpus.agreements], m.Agreement)
    upsert([m.AgreementStep(
        id=s["id"], agreement_id=a["id"], step=s["step"], country_id=s.get("country"),
        disputed=_contradicted(s), dispute_note=(s.get("dispute") or {}).get("note"),
        is_seed=True, **_dates(s["date"], s.get("date_text"), s.get("date_note")),
    ) for a in corpus.agreements for s in a.get("steps") or []], m.AgreementStep)
    upsert([m.Event(
        id=e["id"], title=e["title"], summary=e.get("summary") or "", kind=e["kind"],
        location=e.get("location"), disputed=_contradicted(e),
        dispute_note=(e.get("dispute") or {}).get("note"), is_seed=True,
        **_dates(e["date"], e.get("date_text"), e.get("date_note")),
    ) for e in corpus.events], m.Event)
    memberships = []
    for mem in corpus.memberships:
        start = parse_edtf(mem["start"]) if mem.get("start") else None
        end = parse_edtf(mem["end"]) if mem.get("end") else None
        memberships.append(m.Membership(
            id=mem["id"], country_id=mem["country"], organisation_id=mem["organisation"],
            status=mem["status"], start=mem.get("start"), start_text=mem.get("start_text"),
            end=mem.get("end"), end_text=mem.get("end_text"),
            date_start=start.start_iso if start else "0001-01-01",
            date_end=end.end_iso if end else "9999-12-31",
            note=mem.get("note"), disputed=_contradicted(mem),
            dispute_note=(mem.get("dispute") or {}).get("note"), is_seed=True,
        ))
    upsert(memberships, m.Membership)

    links: list = []
    for o in corpus.organisations:
        links += [m.OrganisationCitation(organisation_id=o["id"], passage_id=p)
                  for p in o.get("founded_citations") or []]
        links += [m.OrganisationCitation(organisation_id=o["id"], passage_id=p, cites="description")
                  for p in o.get("description_citations") or []]
    for e in corpus.events:
        eid = e["id"]
        links += [m.EventOrganisation(event_id=eid, organisation_id=x["id"] if isinstance(x, dict) else x,
                                      role=x.get("role") if isinstance(x, dict) else None)
                  for x in e.get("organisations") or []]
        links += [m.EventCountry(event_id=eid, country_id=x["id"] if isinstance(x, dict) else x,
                                 role=x.get("role") if isinstance(x, dict) else None)
                  for x in e.get("countries") or []]
        links += [m.EventPerson(event_id=eid, person_id=x["id"] if isinstance(x, dict) else x,
                                role=x.get("role") if isinstance(x, dict) else None)
                  for x in e.get("people") or []]
        links += [m.EventAgreement(event_id=eid, agreement_id=x) for x in e.get("agreements") or []]
        links += _citation_rows(m.EventCitation, "event_id", eid, e,
                                lambda pid: {"source_id": corpus.passages[pid]["source"]})
    for agr in corpus.agreements:
        parties = agr.get("parties") or {}
        links += [m.AgreementCountry(agreement_id=agr["id"], country_id=x) for x in parties.get("countries") or []]
        links += [m.AgreementOrganisation(agreement_id=agr["id"], organisation_id=x)
                  for x in parties.get("organisations") or []]
        for s in agr.get("steps") or []:
            links += _citation_rows(m.StepCitation, "step_id", s["id"], s)
    for mem in corpus.memberships:
        links += _citation_rows(m.MembershipCitation, "membership_id", mem["id"], mem)
    session.add_all(links)
    session.flush()
    _move_notes(session, corpus.retired)
    _remove_stale(session, stale)
    _keep_user_disputes(session)
    # Grades follow from the citations just written (and the user's own, kept) and the sources'
    # grades: the corpus's own records, and the user's records that cite a corpus source or a
    # copy of one (its grade may have changed). Not every event: a file with a million of the
    # user's own needs no pass.
    refresh_evidence(session, "event", [e["id"] for e in corpus.events])
    refresh_evidence(session, "step", [s["id"] for a in corpus.agreements for s in a.get("steps") or []])
    refresh_evidence(session, "membership", [mem["id"] for mem in corpus.memberships])
    refresh_for_sources(session, [s["id"] for s in corpus.sources])
    reindex(session)  # the events' search rows (core/query/search.py), in this transaction
    session.merge(m.AppMeta(key=SEED_VERSION_KEY, value=str(corpus.version)))


def _move_notes(session: Session, retired: list[dict]) -> None:
    """Notes on a record the corpus retired move to the record that now holds its claim, where
    the corpus names one; the note itself (text, tags, dates) is not changed."""
    for old in retired:
        if old.get("notes_to") and old["kind"] in ("event", "agreement"):
            session.execute(update(m.Annotation).where(
                m.Annotation.target_kind == old["kind"], m.Annotation.target_id == old["id"],
            ).values(target_id=old["notes_to"]))


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


def _still_used(session: Session, model, dropped: set[str]) -> set[str]:
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


def ensure_seeded(db, *, reindex: Callable[[Session], None], folder: Path | None = None,
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
