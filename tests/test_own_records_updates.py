"""Nothing the user records is lost across corpus updates: a newer shipped corpus never changes
or deletes a user's record or citation, and an organisation (country, person, agreement) it
drops while a user's record names it is kept, marked retired, instead of failing on a key."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from azrel_desktop.core.opening import open_database, seed_corpus
from azrel_desktop.core.research.drafts import ActorDraft, AgreementDraft, Cite, EventDraft, StepDraft
from azrel_desktop.core.service import Library
from azrel_desktop.core.store.integrity import check_database

NEWS = "src-004"


def _ref(x):
    return x["id"] if isinstance(x, dict) else x


def drop_from_corpus(folder: Path, *, organisations=(), countries=(), people=(), agreements=(),
                     retitle: dict | None = None) -> None:
    """Make `folder` a newer corpus without these records (and without every corpus reference to
    them), and with some events retitled."""
    manifest = folder.load("corpus.yaml")
    manifest["version"] = int(manifest["version"]) + 1
    folder.dump("corpus.yaml", manifest)
    orgs = [o for o in folder.load("organisations.yaml") if o["id"] not in organisations]
    for o in orgs:
        if o.get("parent") in organisations:
            o["parent"] = None
    folder.dump("organisations.yaml", orgs)
    folder.dump("countries.yaml", [c for c in folder.load("countries.yaml") if c["id"] not in countries])
    folder.dump("people.yaml", [p for p in folder.load("people.yaml") if p["id"] not in people])
    events = folder.load("events.yaml")
    for e in events:
        e["organisations"] = [x for x in e.get("organisations") or [] if _ref(x) not in organisations]
        e["countries"] = [x for x in e.get("countries") or [] if _ref(x) not in countries]
        e["people"] = [x for x in e.get("people") or [] if _ref(x) not in people]
        e["agreements"] = [x for x in e.get("agreements") or [] if x not in agreements]
        if retitle and e["id"] in retitle:
            e["title"] = retitle[e["id"]]
    folder.dump("events.yaml", events)
    agreements_ = [a for a in folder.load("agreements.yaml") if a["id"] not in agreements]
    for a in agreements_:
        parties = a.get("parties") or {}
        parties["countries"] = [x for x in parties.get("countries") or [] if x not in countries]
        parties["organisations"] = [x for x in parties.get("organisations") or [] if x not in organisations]
        for s in a.get("steps") or []:
            if s.get("country") in countries:
                s["country"] = None
    folder.dump("agreements.yaml", agreements_)
    folder.dump("memberships.yaml", [m for m in folder.load("memberships.yaml")
                                       if m["organisation"] not in organisations and m["country"] not in countries])


def cite(lib: Library, quote: str, stance: str = "supports") -> Cite:
    start, end = lib.locate_quote(NEWS, quote)
    return Cite(NEWS, start, end, stance)


def reseed(db_path: Path, folder: Path) -> None:
    db = open_database(db_path, seed=False)
    try:
        assert seed_corpus(db, folder=folder) is True
    finally:
        db.close()


def test_a_newer_corpus_keeps_the_users_records_and_retires_what_they_name(db_path, seed_copy):
    lib = Library.open(db_path)
    body, _ = lib.create_actor(ActorDraft("organisation", "WTO accession working party", parent_id="org-wto"))
    event, _ = lib.create_event(
        EventDraft("Aliyev and Putin discuss regional security", "2024-04-22", "meeting",
                   organisations=("org-icj", body.id), countries=("AZ", "UZ")),
        [cite(lib, "They said that they had discussed “regional security”")])
    agreement_id = "agr-az-ru-friendship-1992"
    step, _ = lib.create_step(StepDraft(agreement_id, "withdrawn", "2024", country_id="UZ"),
                              [cite(lib, "the Kremlin said that they were no longer needed")])
    corpus_event = "ev-1992-10-12-az-ru-friendship-treaty"
    lib.add_citation("event", corpus_event, cite(lib, "Armenian officials have accused Russia of betrayal",
                                                 "contradicts"))
    mine_before = lib.event(event.id)
    lib.close()

    drop_from_corpus(seed_copy, organisations=("org-icj", "org-wto"), countries=("UZ",),
                     agreements=(agreement_id,), retitle={corpus_event: "Retitled in corpus v2"})
    reseed(db_path, seed_copy)  # before the fix: FOREIGN KEY constraint failed

    lib = Library.open(db_path)
    try:
        after = lib.event(event.id)
        assert after.row.title == mine_before.row.title and after.row.date == mine_before.row.date
        assert [o.id for o in after.organisations] == [o.id for o in mine_before.organisations]
        assert [p.quote for p in after.supporting] == [p.quote for p in mine_before.supporting]
        with lib.db.read() as s:
            retired = dict(s.execute(text(
                "SELECT id, retired FROM organisations WHERE id IN ('org-icj', 'org-wto', 'org-nato')")).all())
            assert retired == {"org-icj": 1, "org-wto": 1, "org-nato": 0}
            assert s.execute(text("SELECT retired FROM countries WHERE id = 'UZ'")).scalar() == 1
            assert s.execute(text("SELECT retired FROM agreements WHERE id = :a"), {"a": agreement_id}).scalar() == 1
            # the corpus's own steps of the dropped agreement went; the user's stayed
            assert s.execute(text("SELECT id FROM agreement_steps WHERE agreement_id = :a"),
                             {"a": agreement_id}).scalars().all() == [step.id]
            assert check_database(s).problems == []
        assert lib.organisation(body.id).parent.id == "org-wto"
        # the corpus record was retitled, and the user's contradicting passage kept it disputed
        corpus = lib.event(corpus_event)
        assert corpus.row.title == "Retitled in corpus v2"
        assert corpus.row.disputed
        assert [p.quote for p in corpus.contradicting] == ["Armenian officials have accused Russia of betrayal"]
        assert {c.id for c in lib.choices("organisation") if c.retired} == {"org-icj", "org-wto"}
    finally:
        lib.close()


def test_a_retired_record_nobody_names_any_longer_goes_with_the_next_corpus(db_path, seed_copy):
    lib = Library.open(db_path)
    event, _ = lib.create_event(EventDraft("x", "2024", "other", organisations=("org-icj",)),
                                [cite(lib, "Dmitry Peskov")])
    lib.close()
    drop_from_corpus(seed_copy, organisations=("org-icj",))
    reseed(db_path, seed_copy)
    lib = Library.open(db_path)
    lib.delete_record("event", event.id)
    lib.close()
    drop_from_corpus(seed_copy)  # v3: only the version moves
    reseed(db_path, seed_copy)
    lib = Library.open(db_path)
    try:
        assert [c.id for c in lib.choices("organisation", "icj")] == []
    finally:
        lib.close()


def test_the_users_agreement_naming_a_dropped_country_survives(db_path, seed_copy):
    lib = Library.open(db_path)
    agreement, _ = lib.create_agreement(AgreementDraft("Uzbek–Azerbaijani accord", "agreement",
                                                       countries=("AZ", "UZ")),
                                        StepDraft("", "signed", "2024"), [cite(lib, "Dmitry Peskov")])
    lib.close()
    drop_from_corpus(seed_copy, countries=("UZ",))
    reseed(db_path, seed_copy)
    lib = Library.open(db_path)
    try:
        page = lib.agreement(agreement.id)
        assert {p.id for p in page.parties} >= {"AZ", "UZ"}
        assert len(page.steps) == 1 and page.steps[0].citations[0].quote == "Dmitry Peskov"
    finally:
        lib.close()


def test_a_damaged_file_without_backup_salvages_the_users_records(db_path):
    import sqlite3

    from azrel_desktop.core.query.filters import EventFilter
    from azrel_desktop.core.store import backups

    lib = Library.open(db_path)
    body, _ = lib.create_actor(ActorDraft("organisation", "Caspian Energy Forum", "CEF", parent_id="org-icj"))
    event, _ = lib.create_event(EventDraft("Forum meets in Baku", "2024-04-20", "meeting",
                                           organisations=(body.id,), countries=("AZ",)),
                                [cite(lib, "Dmitry Peskov")])
    corpus_event = "ev-1992-10-12-az-ru-friendship-treaty"
    lib.add_citation("event", corpus_event, cite(lib, "Armenian officials have accused Russia of betrayal",
                                                 "contradicts"))
    lib.close()
    # Scribble over the root page of the facet cache: the user's records stay readable.
    con = sqlite3.connect(db_path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'facet_cache'").fetchone()[0]
    con.close()
    data = bytearray(db_path.read_bytes())
    data[(root - 1) * page_size:root * page_size] = b"\xff" * page_size
    db_path.write_bytes(bytes(data))
    for old in backups.list_backups(db_path):
        old.path.unlink()
    lib = Library.open(db_path, whole_check=True)
    try:
        assert lib.notice and "salvaged" in lib.notice
        detail = lib.event(event.id)
        assert detail.mine and [o.id for o in detail.organisations] == [body.id]
        assert [p.quote for p in detail.supporting] == ["Dmitry Peskov"]
        assert lib.organisation(body.id).parent.id == "org-icj"
        corpus = lib.event(corpus_event)
        assert corpus.row.disputed
        assert event.id in [r.id for r in lib.rows(EventFilter(text="Forum meets"))]
        with lib.db.read() as s:
            assert check_database(s).problems == []
    finally:
        lib.close()
