"""The corrected corpus reaches a file seeded with the old one through the corpus update
(`ensure_seeded` / `apply_corpus`), and the user's notes survive it: moved to the record that
now holds the claim where the corpus says so, else kept and listed as detached."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
import yaml
from sqlalchemy import text

from azrel_desktop.core.corpus.seed import SeedError, corpus_version, read_corpus
from azrel_desktop.core.opening import open_database, seed_corpus
from azrel_desktop.core.research.annotations import add_annotation
from azrel_desktop.core.service import Library
from azrel_desktop.core.store.resources import seed_dir

OLD = Path(__file__).parent / "data" / "corpus-v1"


def corpus_folder(tmp_path: Path, yaml_from: Path, name: str) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    for f in yaml_from.glob("*.yaml"):
        shutil.copy(f, folder / f.name)
    shutil.copytree(seed_dir() / "sources", folder / "sources")
    if (yaml_from / "sources").is_dir():  # the texts as that corpus had them, where they differ
        for f in (yaml_from / "sources").glob("*.txt"):
            shutil.copy(f, folder / "sources" / f.name)
    return folder


@pytest.fixture
def old_file(tmp_path):
    """A file seeded with corpus version 1, with notes on records the corrections split,
    shorten or keep."""
    path = tmp_path / "old.sqlite3"
    db = open_database(path, seed=False)
    try:
        assert seed_corpus(db, folder=corpus_folder(tmp_path, OLD, "v1"))
        add_annotation(db, "event", "ev-1994-az-eapc-pfp-participation-claim", "check the EAPC date", ["to-check"])
        add_annotation(db, "event", "ev-2024-04-17-russian-peacekeepers-withdraw", "mandate cut short")
        add_annotation(db, "passage", "p004-exodus", "the refugee figure")
        add_annotation(db, "agreement", "agr-cis-charter", "which charter text?")
    finally:
        db.close()
    return path


def test_the_old_corpus_is_version_1_and_the_new_one_newer():
    assert corpus_version(OLD) == 1
    assert corpus_version() > 1


def test_the_corrected_corpus_reaches_an_existing_file(old_file):
    lib = Library.open(old_file)
    try:
        with lib.db.read() as s:
            assert s.execute(text("SELECT value FROM app_meta WHERE key = 'seed_version'")).scalar() \
                == str(corpus_version())
            ids = {r for (r,) in s.execute(text("SELECT id FROM events"))}
            steps = {r for (r,) in s.execute(text("SELECT id FROM agreement_steps"))}
            nrc = s.execute(text("SELECT evidence, disputed FROM memberships WHERE id = 'mem-az-nrc-claim'")).one()
            seizure = s.execute(text("SELECT date_end FROM events "
                                     "WHERE id = 'ev-1994-early-russian-property-seizures'")).scalar()
        assert "ev-1994-az-eapc-pfp-participation-claim" not in ids
        assert {"ev-1994-az-pfp-participation-claim", "ev-1994-az-eapc-participation-claim",
                "ev-2024-kremlin-peacekeepers-no-longer-needed"} <= ids
        assert "step-cis-charter-az-approved" not in steps
        assert tuple(nrc) == ("uncorroborated", 0)  # was disputed on silence alone
        assert seizure == "1994-03-31"
    finally:
        lib.close()


def test_notes_follow_the_split_claim_and_nothing_is_lost(old_file):
    lib = Library.open(old_file)
    try:
        notes = {a.body: a for a in lib.annotations()}
        assert len(notes) == 4
        moved = notes["check the EAPC date"]
        assert (moved.target_kind, moved.target_id) == ("event", "ev-1994-az-eapc-participation-claim")
        assert not moved.detached and moved.tags == ("to-check",)
        assert [a.body for a in lib.event("ev-1994-az-eapc-participation-claim").annotations] == ["check the EAPC date"]
        kept = notes["mandate cut short"]
        assert kept.target_id == "ev-2024-04-17-russian-peacekeepers-withdraw" and not kept.detached
        passage = notes["the refugee figure"]
        assert not passage.detached and passage.quote == "Around 120,000 ethnic Armenians fled after the attack"
        assert not notes["which charter text?"].detached
    finally:
        lib.close()


def test_a_corpus_update_is_backed_up_first_with_the_old_corpus_and_notes(old_file):
    from azrel_desktop.core.store import backups

    Library.open(old_file).close()
    [made] = [b for b in backups.list_backups(old_file) if b.reason == f"before-corpus-{corpus_version()}"]
    old = sqlite3.connect(made.path)
    try:
        assert old.execute("SELECT value FROM app_meta WHERE key = 'seed_version'").fetchone()[0] == "1"
        assert old.execute("SELECT target_id FROM annotations WHERE body = 'check the EAPC date'").fetchone()[0] \
            == "ev-1994-az-eapc-pfp-participation-claim"
    finally:
        old.close()


def _newer_corpus(tmp_path: Path, drop_event: str, notes_to: str | None) -> Path:
    folder = corpus_folder(tmp_path, seed_dir(), "v-next")
    manifest = yaml.safe_load((folder / "corpus.yaml").read_text(encoding="utf-8"))
    manifest["version"] += 1
    manifest["retired"].append({"kind": "event", "id": drop_event, "notes_to": notes_to})
    (folder / "corpus.yaml").write_text(yaml.safe_dump(manifest), encoding="utf-8")
    events = yaml.safe_load((folder / "events.yaml").read_text(encoding="utf-8"))
    (folder / "events.yaml").write_text(yaml.safe_dump([e for e in events if e["id"] != drop_event]),
                                        encoding="utf-8")
    return folder


def test_a_note_on_a_record_dropped_without_a_successor_is_kept_detached(tmp_path):
    lib = Library.open(tmp_path / "f.sqlite3")
    lib.add_annotation("event", "ev-2018-observers-csto-entry-unlikely", "who are these observers?")
    folder = _newer_corpus(tmp_path, "ev-2018-observers-csto-entry-unlikely", None)
    assert seed_corpus(lib.db, folder=folder)
    [note] = lib.annotations()
    assert note.detached and note.body == "who are these observers?"
    assert note.target_id == "ev-2018-observers-csto-entry-unlikely"
    lib.close()


def test_a_note_on_a_retired_record_moves_where_the_corpus_says(tmp_path):
    lib = Library.open(tmp_path / "f.sqlite3")
    lib.add_annotation("event", "ev-2018-observers-csto-entry-unlikely", "observers")
    folder = _newer_corpus(tmp_path, "ev-2018-observers-csto-entry-unlikely", "ev-2018-08-16-husseynli-csto-interview")
    assert seed_corpus(lib.db, folder=folder)
    [note] = lib.annotations()
    assert (note.target_id, note.detached) == ("ev-2018-08-16-husseynli-csto-interview", False)
    lib.close()


@pytest.mark.parametrize(("entry", "message"), [
    ({"kind": "event", "id": "ev-2024-04-22-aliyev-visits-putin"}, "still in the corpus"),
    ({"kind": "event", "id": "ev-gone", "notes_to": "ev-nowhere"}, "notes_to"),
    ({"kind": "event", "id": "ev-gone", "split_into": ["ev-nowhere"]}, "split_into"),
    ({"kind": "treaty", "id": "ev-gone"}, "unknown kind"),
])
def test_a_bad_retired_entry_refuses_the_corpus(tmp_path, entry, message):
    folder = corpus_folder(tmp_path, seed_dir(), "bad")
    manifest = yaml.safe_load((folder / "corpus.yaml").read_text(encoding="utf-8"))
    manifest["retired"].append(entry)
    (folder / "corpus.yaml").write_text(yaml.safe_dump(manifest), encoding="utf-8")
    with pytest.raises(SeedError, match=message):
        read_corpus(folder)


def test_the_annotations_page_lists_moved_and_detached_notes_after_an_update(qtbot, tmp_path):
    """The real window's Annotations page, on a file whose corpus dropped one noted record and
    split another."""
    from azrel_desktop.ui.notes.annotations_page import AnnotationsPage
    from azrel_desktop.ui.shell.context import AppContext
    from azrel_desktop.ui.shell.navigation import Target

    lib = Library.open(tmp_path / "f.sqlite3")
    lib.add_annotation("event", "ev-2018-observers-csto-entry-unlikely", "who are these observers?")
    lib.add_annotation("event", "ev-2024-kremlin-peacekeepers-no-longer-needed", "Peskov quote")
    assert seed_corpus(lib.db, folder=_newer_corpus(tmp_path, "ev-2018-observers-csto-entry-unlikely", None))
    ctx = AppContext(lib)
    page = AnnotationsPage(ctx)
    qtbot.addWidget(page)
    page.show_target(Target("annotations"))
    model = page.model
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    shown = {model.data(model.index(r, 1)): model.data(model.index(r, 5)) for r in range(model.rowCount())}
    assert shown == {"who are these observers?": "detached", "Peskov quote": ""}
    lib.close()


@pytest.mark.parametrize(("change", "message"), [
    ({"src-001": {"reliability_grade": "Z"}}, "src-001: reliability_grade must be one of A, B, C, D, E, F"),
    ({"src-001": {"copies": "src-nowhere"}}, "src-001: There is no source 'src-nowhere'"),
    ({"src-001": {"copies": "src-001"}}, "src-001: A source cannot be a copy of itself"),
    ({"src-001": {"copies": "src-002"}, "src-002": {"copies": "src-001"}}, "already copies"),
])
def test_a_bad_grade_or_copies_link_refuses_the_corpus(tmp_path, change, message):
    folder = corpus_folder(tmp_path, seed_dir(), "bad")
    sources = yaml.safe_load((folder / "sources.yaml").read_text(encoding="utf-8"))
    for s in sources:
        s.update(change.get(s["id"], {}))
    (folder / "sources.yaml").write_text(yaml.safe_dump(sources), encoding="utf-8")
    with pytest.raises(SeedError, match=message):
        read_corpus(folder)


def test_shipped_texts_now_normalised_reach_an_old_file_with_its_selections_re_anchored(tmp_path):
    """Version 1 shipped two texts with no-break spaces an import drops; the corpus now stores
    them normalised. A file seeded before gets the new texts, the corpus's own passages where
    the corpus puts them, and the user's selection after a dropped character moved with it."""
    from azrel_desktop.core.research.citing import user_passage
    from azrel_desktop.core.research.drafts import Cite

    old_text = (OLD / "sources" / "003_0e73e91017b85143.txt").read_text(encoding="utf-8")
    start = old_text.index("Editor's choice")
    path = tmp_path / "old.sqlite3"
    db = open_database(path, seed=False)
    try:
        assert seed_corpus(db, folder=corpus_folder(tmp_path, OLD, "v1"))
        with db.write() as session:
            chosen = user_passage(session, Cite("src-003", start, start + len("Editor's choice"))).id
    finally:
        db.close()
    new = read_corpus()
    new_text = new.texts["src-003"]
    assert len(new_text) < len(old_text)
    Library.open(path).close()  # brings the file to the current corpus
    con = sqlite3.connect(path)
    try:
        assert con.execute("SELECT text FROM sources WHERE id = 'src-003'").fetchone()[0] == new_text
        moved = con.execute('SELECT start, "end", exact FROM passages WHERE id = ?', (chosen,)).fetchone()
        assert moved == (new_text.index("Editor's choice"), new_text.index("Editor's choice") + 15, "Editor's choice")
        assert moved[0] < start
        for pid in ("b003-photo-credit", "b002-compiled", "p003-editorial"):
            row = con.execute('SELECT start, "end", exact FROM passages WHERE id = ?', (pid,)).fetchone()
            p = new.passages[pid]
            assert row == (p.start, p.end, p.quote)
    finally:
        con.close()
