"""Loading the seed corpus: verification that names the bad record, one transaction, and
upgrades to a newer corpus that never lose the user's notes or selections."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from azrel_desktop.core.corpus.seed import SeedError, read_corpus
from azrel_desktop.core.opening import open_database, seed_corpus
from azrel_desktop.core.query.filters import EventFilter
from azrel_desktop.core.service import Library
from azrel_desktop.core.store import backups
from azrel_desktop.core.store.resources import seed_dir


def test_real_corpus_reads_and_validates():
    corpus = read_corpus()
    assert len(corpus.events) >= 45
    assert len(corpus.sources) == 5


def test_broken_quote_fails_naming_the_passage(seed_copy):
    sources = seed_copy.load("sources.yaml")
    victim = sources[1]["passages"][0]
    victim["quote"] = victim["quote"][:-1] + "#"
    seed_copy.dump("sources.yaml", sources)
    with pytest.raises(SeedError, match=rf"^{victim['id']}: quote not found"):
        read_corpus(seed_copy)


def test_shifted_offsets_fail_and_hint_where_the_quote_is(seed_copy):
    sources = seed_copy.load("sources.yaml")
    victim = sources[2]["passages"][3]
    victim["start"] += 1
    victim["end"] += 1
    seed_copy.dump("sources.yaml", sources)
    with pytest.raises(SeedError, match=rf"{victim['id']}: .*occurs at {victim['start'] - 1}"):
        read_corpus(seed_copy)


@pytest.mark.parametrize("mutation, message", [
    (lambda ev: ev.update(date=1994), "must be a quoted EDTF string"),
    (lambda ev: ev.update(date="1994-13"), "out of range"),
    (lambda ev: ev.update(kind="party"), "unknown event kind"),
    (lambda ev: ev.update(citations=[]), "cites no passage"),
    (lambda ev: ev.update(citations=["p-nope"]), "unknown passage"),
    (lambda ev: ev.update(countries=[{"id": "ZZ"}]), "unknown country"),
])
def test_malformed_event_fails_naming_the_event(seed_copy, mutation, message):
    events = seed_copy.load("events.yaml")
    mutation(events[5])
    seed_copy.dump("events.yaml", events)
    with pytest.raises(SeedError, match=rf"^{events[5]['id']}: .*{message}"):
        read_corpus(seed_copy)


def test_citing_boilerplate_is_refused(seed_copy):
    sources = seed_copy.load("sources.yaml")
    boiler = next(b for s in sources for b in s.get("boilerplate") or [])
    events = seed_copy.load("events.yaml")
    events[0]["citations"] = [boiler["id"]]
    seed_copy.dump("events.yaml", events)
    with pytest.raises(SeedError, match="boilerplate"):
        read_corpus(seed_copy)


def test_changed_source_text_is_refused_by_checksum(seed_copy):
    text_file = next((seed_copy / "sources").glob("004_*.txt"))
    text_file.write_bytes(text_file.read_bytes().replace(b"2,000", b"3,000"))
    with pytest.raises(SeedError, match="sha256"):
        read_corpus(seed_copy)


def test_malformed_yaml_is_a_clear_error(seed_copy):
    (seed_copy / "people.yaml").write_text("- id: [unclosed\n", encoding="utf-8")
    with pytest.raises(SeedError, match=r"people\.yaml is not valid YAML"):
        read_corpus(seed_copy)


def test_a_bad_corpus_loads_nothing(seed_copy, tmp_path):
    events = seed_copy.load("events.yaml")
    events[-1]["citations"] = ["p-missing"]
    seed_copy.dump("events.yaml", events)
    db = open_database(tmp_path / "x.sqlite3", seed=False)
    try:
        with pytest.raises(SeedError):
            seed_corpus(db, folder=seed_copy)
        with db.read() as s:
            assert s.execute(text("SELECT count(*) FROM events")).scalar() == 0
            assert s.execute(text("SELECT count(*) FROM app_meta WHERE key = 'seed_version'")).scalar() == 0
    finally:
        db.close()


def _corpus_v2(folder: Path, dropped_event: str) -> dict:
    """Make `folder` a newer corpus: drop one event, retitle one, add one, and put an editor's
    note in front of source 004 (every offset in it moves)."""
    manifest = folder.load("corpus.yaml")
    manifest["version"] = int(manifest["version"]) + 1
    folder.dump("corpus.yaml", manifest)
    events = [e for e in folder.load("events.yaml") if e["id"] != dropped_event]
    retitled = events[0]
    retitled["title"] = "Retitled in corpus v2"
    added = dict(events[1], id="ev-added-in-v2", title="Added in corpus v2")
    events.append(added)
    folder.dump("events.yaml", events)
    sources = folder.load("sources.yaml")
    src = next(s for s in sources if s["file"].startswith("sources/004_"))
    path = folder / src["file"]
    note = "Editor's note: corrected reprint.\n"
    path.write_bytes(note.encode("utf-8") + path.read_bytes())
    src["sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
    for entry in (src.get("passages") or []) + (src.get("boilerplate") or []):
        entry["start"] += len(note)
        entry["end"] += len(note)
    folder.dump("sources.yaml", sources)
    return {"retitled": retitled["id"], "added": added["id"], "shift": len(note), "source": src["id"]}


def test_newer_corpus_updates_seed_and_keeps_every_note(db_path, seed_copy):
    lib = Library.open(db_path)
    rows = lib.rows(EventFilter(), limit=500)
    dropped = rows[10].id
    lib.add_annotation("event", dropped, "note on an event the new corpus drops", ["orphan"])
    lib.add_annotation("event", rows[20].id, "note on a kept event")
    source_id = next(s.id for s in lib.records("source") if lib.source(s.id).text.startswith("BAKU"))
    page = lib.source(source_id)
    start = page.text.index("Dmitry Peskov")
    selection, _ = lib.annotate_selection(source_id, start, start + len("Dmitry Peskov"), "who said it")
    lib.close()

    changes = _corpus_v2(seed_copy, dropped)
    db = open_database(db_path, seed=False)
    try:
        assert seed_corpus(db, folder=seed_copy) is True
    finally:
        db.close()
    assert any(b.reason.startswith("before-corpus") for b in backups.list_backups(db_path))

    lib = Library.open(db_path, progress=None)
    try:
        # Seed records: updated, added, dropped.
        assert lib.event(changes["retitled"]).row.title == "Retitled in corpus v2"
        assert lib.event(changes["added"]).row.title == "Added in corpus v2"
        assert lib.row_index(EventFilter(), dropped) is None
        # Notes: all there; the one on the dropped event is listed as detached.
        notes = {a.body: a for a in lib.annotations()}
        assert set(notes) == {"note on an event the new corpus drops", "note on a kept event", "who said it"}
        assert notes["note on an event the new corpus drops"].detached
        assert notes["note on an event the new corpus drops"].tags == ("orphan",)
        assert not notes["note on a kept event"].detached
        # The user's selection moved with the text it quotes.
        moved = notes["who said it"]
        assert moved.start == selection.start + changes["shift"]
        assert lib.source(source_id).text[moved.start:moved.end] == "Dmitry Peskov"
        # And every citation still verifies.
        with lib.db.read() as s:
            from azrel_desktop.core.store.integrity import check_database

            assert check_database(s).problems == []
    finally:
        lib.close()


def test_same_corpus_twice_changes_nothing(db_path):
    db = open_database(db_path, seed=False)
    try:
        assert seed_corpus(db) is False
    finally:
        db.close()


# --- typed records: one line naming the file, the record and the field ----------------------

@pytest.mark.parametrize(("file", "index", "change", "field", "message"), [
    ("events.yaml", 3, lambda r: r.pop("title"), "title", "missing 'title'"),
    ("events.yaml", 3, lambda r: r.update(summary=["a", "list"]), "summary", "summary must be text, not list"),
    ("events.yaml", 3, lambda r: r.update(organisations=[{"id": "org-nowhere"}]), "organisations",
     "unknown organisation 'org-nowhere'"),
    ("events.yaml", 3, lambda r: r.update(countries="AZ"), "countries", "countries must be a list, not str"),
    ("memberships.yaml", 2, lambda r: r.update(organisation="org-nowhere"), "organisation",
     "unknown organisation 'org-nowhere'"),
    ("memberships.yaml", 2, lambda r: r.update(start=1994), "start", "must be a quoted EDTF string"),
    ("organisations.yaml", 1, lambda r: r.update(aliases=[7]), "aliases", "aliases must list ids, not int"),
    ("countries.yaml", 0, lambda r: r.pop("name"), "name", "missing 'name'"),
    ("sources.yaml", 1, lambda r: r["passages"][0].update(start="50"), "start",
     "start and end must be whole numbers"),
])
def test_a_malformed_record_is_one_line_naming_file_record_and_field(seed_copy, file, index, change, field,
                                                                      message):
    records = seed_copy.load(file)
    record = records[index]
    change(record)
    seed_copy.dump(file, records)
    named = record["passages"][0]["id"] if file == "sources.yaml" else record["id"]
    with pytest.raises(SeedError) as refused:
        read_corpus(seed_copy)
    text_ = str(refused.value)
    assert "\n" not in text_
    assert text_.startswith(f"{named}: ")
    assert message in text_
    assert text_.endswith(f"({file}, field '{field}')")


def test_a_record_that_is_not_a_mapping_or_has_no_id_is_named_by_its_place(seed_copy):
    people = seed_copy.load("people.yaml")
    people[2].pop("id")
    seed_copy.dump("people.yaml", people)
    with pytest.raises(SeedError, match=r"^record 3: missing 'id' \(people\.yaml, field 'id'\)$"):
        read_corpus(seed_copy)
    people[2] = "just a name"
    seed_copy.dump("people.yaml", people)
    with pytest.raises(SeedError, match=r"^record 3: must be a mapping of fields, not str \(people\.yaml\)$"):
        read_corpus(seed_copy)


def test_a_malformed_newer_corpus_changes_nothing_in_a_seeded_file(seed_copy, tmp_path):
    """A newer corpus with a bad record is refused before a byte is written: the file keeps its
    corpus, its version and the user's note."""
    lib = Library.open(tmp_path / "f.sqlite3")
    event_id = lib.rows(EventFilter())[0].id
    lib.add_annotation("event", event_id, "mine")
    lib.close()

    def state():
        con = sqlite3.connect(tmp_path / "f.sqlite3")
        try:
            return [con.execute(sql).fetchall() for sql in (
                "SELECT id, title, date FROM events ORDER BY id", "SELECT organisation_id, event_id FROM "
                "event_organisations ORDER BY 1, 2", "SELECT value FROM app_meta WHERE key = 'seed_version'",
                "SELECT target_id, body FROM annotations")]
        finally:
            con.close()

    before = state()
    manifest = seed_copy.load("corpus.yaml")
    manifest["version"] = int(manifest["version"]) + 1
    seed_copy.dump("corpus.yaml", manifest)
    events = seed_copy.load("events.yaml")
    events[0]["title"] = "Changed in the newer corpus"
    events[4]["organisations"] = [{"id": "org-nowhere", "role": "subject"}]
    seed_copy.dump("events.yaml", events)
    db = open_database(tmp_path / "f.sqlite3", seed=False)
    try:
        with pytest.raises(SeedError, match=rf"^{events[4]['id']}: unknown organisation 'org-nowhere' "
                                            r"\(events\.yaml, field 'organisations'\)$"):
            seed_corpus(db, folder=seed_copy)
    finally:
        db.close()
    assert state() == before


def test_every_shipped_text_is_stored_in_the_form_an_import_gives_it():
    """Two texts kept a no-break space on an empty line and at a line's end, which an import
    drops: a re-import of the shipped file was then not recognised as the same text."""
    from azrel_desktop.core.sources.normalise import normalise

    corpus = read_corpus()
    for s in corpus.sources:
        assert normalise(corpus.texts[s.id]) == corpus.texts[s.id], f"{s.file} is not in its normalised form"


def test_every_seed_passage_is_its_quote_at_its_offsets():
    corpus = read_corpus()
    assert {p.kind for p in corpus.passages.values()} == {"citation", "boilerplate"}
    for p in corpus.passages.values():
        assert corpus.texts[p.source][p.start:p.end] == p.quote, p.id


def test_importing_a_shipped_source_file_is_recognised_as_already_imported(db_path, tmp_path):
    from azrel_desktop.core.sources.importer import ALREADY

    corpus = read_corpus()
    lib = Library.open(db_path)
    try:
        for s in corpus.sources:
            copy = tmp_path / Path(s.file).name
            shutil.copyfile(seed_dir() / s.file, copy)
            report, _changes = lib.import_sources([copy])
            [outcome] = report.outcomes
            assert (outcome.status, outcome.source_id) == (ALREADY, s.id), outcome.message
    finally:
        lib.close()
