"""Issue 12, data safety round two: hostile paths, files and commands never cost a note, and
the app never writes to a file it was not asked to write. One test (or a few) per item."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from azrel_desktop.core.cli import main
from azrel_desktop.core.opening import open_database
from azrel_desktop.core.query.filters import EventFilter
from azrel_desktop.core.service import Library
from azrel_desktop.core.store import backups
from azrel_desktop.core.store.files import data_dir

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions, FIFOs and file-size limits")
UNPRIVILEGED = Path(__file__).with_name("unprivileged_child.py")
CHILD = Path(__file__).with_name("fault_child.py")


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def one_error_line(code: int, out: str, err: str) -> str:
    assert code != 0, (out, err)
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("azrel: error: "), err
    return lines[0]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def notes_in(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return sorted(r[0] for r in con.execute("SELECT body FROM annotations"))
    finally:
        con.close()


def integrity(path: Path) -> str:
    con = sqlite3.connect(path)
    try:
        return con.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        con.close()


def add_notes(path: Path, *bodies: str, tags=()) -> None:
    lib = Library.open(path)
    try:
        event_id = lib.rows(EventFilter(), limit=1)[0].id
        for body in bodies:
            lib.add_annotation("event", event_id, body, list(tags))
    finally:
        lib.close()


def foreign_with_alembic(path: Path, revision: str = "0003") -> None:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)")
    con.execute("INSERT INTO alembic_version VALUES (?)", (revision,))
    con.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)")
    con.execute("INSERT INTO users (name) VALUES ('someone else''s data')")
    con.commit()
    con.close()


# --- 1: a --db path with ? or %xx opens exactly that file --------------------------------------


def test_a_db_path_with_a_question_mark_never_opens_another_file(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    other = tmp_path / "otherapp.db"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE mine (x)")
    con.commit()
    con.close()
    before = digest(other)
    code, _out, err = run(capsys, "--db", "otherapp.db?x.sqlite3", "init")
    assert digest(other) == before, "AzRel wrote into another program's database"
    assert code == 0, err
    assert (tmp_path / "otherapp.db?x.sqlite3").is_file()


def test_a_db_path_with_percent_escapes_opens_that_very_name(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _out, err = run(capsys, "--db", "lib%41.sqlite3", "init")
    assert code == 0, err
    assert (tmp_path / "lib%41.sqlite3").is_file()
    assert not (tmp_path / "libA.sqlite3").exists()


# --- 3: an export never replaces the library, its log or a backup ----------------------------


@pytest.mark.parametrize("which", ["library", "wal", "backup"])
def test_an_export_refuses_to_write_onto_the_library_or_its_files(capsys, db_path, which):
    add_notes(db_path, "must survive the export")
    info = backups.make_backup(db_path)
    target = {"library": db_path, "wal": db_path.with_name(db_path.name + "-wal"),
              "backup": info.path}[which]
    before_backup = digest(info.path)
    code, out, err = run(capsys, "--db", db_path, "export", "annotations", "-o", target)
    line = one_error_line(code, out, err)
    assert "not" in line and target.name in line
    assert notes_in(db_path) == ["must survive the export"]
    assert integrity(db_path) == "ok"
    assert digest(info.path) == before_backup


def test_an_export_refuses_to_replace_any_sqlite_database(capsys, db_path, tmp_path):
    other = tmp_path / "thesis-data.sqlite3"
    foreign_with_alembic(other)
    before = digest(other)
    code, out, err = run(capsys, "--db", db_path, "export", "sources", "-o", other)
    one_error_line(code, out, err)
    assert digest(other) == before


# --- 4: restore on a nearly full disk never leaves the live path without the library ------------


@posix_only
def test_restore_on_a_full_disk_leaves_the_library_as_it_was(db_path, tmp_path):
    add_notes(db_path, "before the backup")
    info = backups.make_backup(db_path, tmp_path / "good.sqlite3")
    add_notes(db_path, "after the backup")
    before = digest(db_path)
    result = subprocess.run([sys.executable, str(CHILD), "restore", str(db_path), str(info.path), "65536"],
                            capture_output=True, text=True, timeout=120)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 3, (result.stdout, result.stderr)
    assert len(result.stdout.strip().splitlines()) == 1 and "space" in result.stdout
    assert digest(db_path) == before
    assert notes_in(db_path) == ["after the backup", "before the backup"]
    assert not list(db_path.parent.glob("*.replaced-*")), "a half-written copy was left behind"
    assert not list(db_path.parent.glob("*.damaged-*"))


def test_restore_says_where_the_replaced_file_went_and_keeps_it_readable(capsys, db_path, tmp_path):
    add_notes(db_path, "in the backup")
    backup = tmp_path / "good.sqlite3"
    backups.make_backup(db_path, backup)
    add_notes(db_path, "only in the replaced file")
    code, out, err = run(capsys, "--db", db_path, "restore", backup)
    assert code == 0, err
    kept = [p for p in db_path.parent.iterdir() if ".replaced-" in p.name and p.suffix == ".sqlite3"]
    assert len(kept) == 1 and str(kept[0]) in out
    assert notes_in(kept[0]) == ["in the backup", "only in the replaced file"]
    assert notes_in(db_path) == ["in the backup"]


# --- 5: restore only ever replaces a library --------------------------------------------------


def test_restore_never_replaces_a_folder(capsys, db_path, tmp_path):
    folder = tmp_path / "Documents"
    folder.mkdir()
    (folder / "thesis.docx").write_bytes(b"years of work")
    line = one_error_line(*run(capsys, "--db", folder, "restore", db_path))
    assert "folder" in line
    assert folder.is_dir() and (folder / "thesis.docx").read_bytes() == b"years of work"
    # (beside it only the backup, with the log files a read-only look at a WAL file leaves)
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("azrel.sqlite3")) == ["Documents"]


def test_restore_never_replaces_a_text_file(capsys, db_path, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes\n", encoding="utf-8")
    line = one_error_line(*run(capsys, "--db", notes, "restore", db_path))
    assert "notes.txt" in line
    assert notes.read_text(encoding="utf-8") == "my notes\n"
    assert not list(tmp_path.glob("notes.replaced-*"))


# --- 6: a library in a read-only folder opens read-only ---------------------------------------


@posix_only
def test_a_library_in_a_read_only_folder_opens_read_only(db_path, tmp_path):
    add_notes(db_path, "readable anyway")
    folder = tmp_path / "shelf"
    folder.mkdir()
    lib = folder / "lib.sqlite3"
    lib.write_bytes(db_path.read_bytes())
    lib.chmod(0o444)
    folder.chmod(0o555)
    try:
        result = subprocess.run([sys.executable, str(UNPRIVILEGED), "--db", str(lib), "export", "annotations"],
                                capture_output=True, text=True, timeout=120)
    finally:
        folder.chmod(0o755)
    assert result.returncode == 0, result.stderr
    assert "readable anyway" in result.stdout
    assert "read-only" in result.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["lib.sqlite3"]


# --- 7: another program's database with an alembic_version table ------------------------------


def test_a_foreign_database_with_an_alembic_version_is_refused_untouched(capsys, tmp_path):
    other = tmp_path / "other.db"
    foreign_with_alembic(other)
    before = digest(other)
    line = one_error_line(*run(capsys, "--db", other, "stats"))
    assert "another program" in line
    assert digest(other) == before
    assert not (tmp_path / "other.db-wal").exists()
    assert not list(backups.backups_dir().glob("*")) if backups.backups_dir().exists() else True


def test_restore_refuses_another_programs_database_as_a_backup(capsys, db_path, tmp_path):
    add_notes(db_path, "still here")
    other = tmp_path / "other.db"
    foreign_with_alembic(other)
    before = digest(db_path)
    line = one_error_line(*run(capsys, "--db", db_path, "restore", other))
    assert "other.db" in line
    assert digest(db_path) == before


# --- 8: names with [ and ] ---------------------------------------------------------------------


def test_backups_of_a_library_with_brackets_in_its_name_are_found_and_pruned(db_path, tmp_path):
    lib = tmp_path / "lib[1].sqlite3"
    lib.write_bytes(db_path.read_bytes())
    made = [backups.make_backup(lib, reason="auto") for _ in range(7)]
    found = backups.list_backups(lib)
    assert {b.path for b in found} == {b.path for b in made}
    backups.prune(lib)
    assert len(backups.list_backups(lib)) == backups.AUTO_KEEP


def test_a_damaged_library_with_brackets_is_offered_its_backup(db_path, tmp_path):
    from azrel_desktop.core.errors import DamagedDatabaseError

    lib = tmp_path / "lib[1].sqlite3"
    lib.write_bytes(db_path.read_bytes())
    info = backups.make_backup(lib)
    data = bytearray(lib.read_bytes())
    data[4096 * 3:4096 * 6] = b"\xff" * (4096 * 3)
    lib.write_bytes(bytes(data))
    with pytest.raises(DamagedDatabaseError) as caught:
        open_database(lib, whole_check=True)
    assert caught.value.backup == info.path


# --- 9: an -shm the user may not write ---------------------------------------------------------


@posix_only
def test_a_shared_memory_file_the_user_cannot_write_opens_read_only(db_path, tmp_path):
    add_notes(db_path, "behind someone else's -shm")
    holder = sqlite3.connect(db_path)  # keeps the -shm and -wal in place, as another user's app would
    try:
        holder.execute("SELECT count(*) FROM annotations").fetchone()
        shm = db_path.with_name(db_path.name + "-shm")
        assert shm.exists()
        shm.chmod(0o444)
        result = subprocess.run([sys.executable, str(UNPRIVILEGED), "--db", str(db_path), "export", "annotations"],
                                capture_output=True, text=True, timeout=120)
    finally:
        holder.close()
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 0, result.stderr
    assert "behind someone else's -shm" in result.stdout
    assert "read-only" in result.stderr


# --- 10: one line, never a traceback -----------------------------------------------------------


def test_a_tag_argument_that_is_not_text_gives_one_line(capsys, db_path):
    line = one_error_line(*run(capsys, "--db", db_path, "export", "annotations", "--tag", "\udcff"))
    assert "--tag" in line


@pytest.mark.parametrize("command", ["stats", "restore"])
def test_an_empty_schema_version_gives_one_line(capsys, db_path, tmp_path, command):
    broken = tmp_path / "empty-version.sqlite3"
    broken.write_bytes(db_path.read_bytes())
    con = sqlite3.connect(broken)
    con.execute("UPDATE alembic_version SET version_num = ''")
    con.commit()
    con.close()
    if command == "stats":
        line = one_error_line(*run(capsys, "--db", broken, "stats"))
    else:
        line = one_error_line(*run(capsys, "--db", db_path, "restore", broken))
    assert "version" in line


def test_restore_into_a_missing_folder_gives_one_line(capsys, db_path, tmp_path):
    target = tmp_path / "no" / "such" / "folder" / "lib.sqlite3"
    line = one_error_line(*run(capsys, "--db", target, "restore", db_path))
    assert "folder" in line
    assert not (tmp_path / "no").exists()


@pytest.mark.parametrize("option", [("--sources", "-1"), ("--events", "-5"), ("--events", "0")])
def test_bench_generate_refuses_counts_below_one(capsys, tmp_path, option):  # also item 20
    target = tmp_path / "bench.sqlite3"
    line = one_error_line(*run(capsys, "--db", target, "bench", "generate", *option))
    assert option[0] in line
    assert not target.exists()


# --- 11: a FIFO is not waited on for ever ------------------------------------------------------


@posix_only
@pytest.mark.parametrize("role", ["db", "restore source"])
def test_a_fifo_is_refused_at_once(tmp_path, db_path, role):
    fifo = tmp_path / "pipe.sqlite3"
    os.mkfifo(fifo)
    argv = ["--db", str(fifo), "stats"] if role == "db" else ["--db", str(db_path), "restore", str(fifo)]
    result = subprocess.run([sys.executable, "-m", "azrel_desktop.core.cli", *argv],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2, result.stderr
    assert "not a regular file" in result.stderr
    assert stat.S_ISFIFO(fifo.stat().st_mode)


# --- 13: temporary files are created exclusively ----------------------------------------------


@posix_only
def test_an_export_never_follows_a_planted_symlink(capsys, db_path, tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("not yours to write\n", encoding="utf-8")
    out = tmp_path / "notes.csv"
    (tmp_path / ".notes.csv.partial").symlink_to(victim)
    code, _, err = run(capsys, "--db", db_path, "export", "annotations", "-o", out)
    assert code == 0, err
    assert victim.read_text(encoding="utf-8") == "not yours to write\n"
    assert out.read_text(encoding="utf-8").startswith("id,")


@posix_only
def test_a_backup_never_follows_a_planted_symlink(db_path, tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("not yours to write\n", encoding="utf-8")
    target = tmp_path / "copy.sqlite3"
    (tmp_path / "copy.sqlite3.partial").symlink_to(victim)
    backups.make_backup(db_path, target)
    assert victim.read_text(encoding="utf-8") == "not yours to write\n"
    assert integrity(target) == "ok"


# --- 14: leftovers of a kill or a full disk are cleaned at the next open -------------------------


def test_stale_temporary_files_are_removed_at_the_next_open(db_path):
    folder = backups.backups_dir()
    folder.mkdir(parents=True, exist_ok=True)
    old = datetime.now() - timedelta(hours=3)
    stale = [folder / "azrel-1234abcd-20260101-000000-000000-auto.sqlite3.partial",
             folder / "azrel-1234abcd-20260101-000000-000000-auto.sqlite3.partial-journal",
             db_path.with_name(db_path.name + ".x1y2.azrel-partial")]
    fresh = folder / "azrel-1234abcd-20260101-000001-000000-auto.sqlite3.partial"
    keep = folder / "unrelated.partial-notes.txt"
    for path in [*stale, fresh, keep]:
        path.write_bytes(b"\0" * 1000)
    for path in [*stale, keep]:
        os.utime(path, (old.timestamp(), old.timestamp()))
    open_database(db_path).close()
    assert [p for p in stale if p.exists()] == []
    assert fresh.exists(), "a backup another process is writing right now was removed"
    assert keep.exists()


# --- 15: a search of no word characters ---------------------------------------------------------


def test_a_search_without_words_says_it_was_ignored(library):
    chips = [c.label for c in library.describe(EventFilter(text="!!!"))]
    assert any("ignored" in label for label in chips), chips
    assert not any(label.startswith("text contains") for label in chips)


# --- 16: --tag matches the way tags are saved ---------------------------------------------------


def test_tag_filters_ignore_case_and_spacing_as_saving_does(capsys, db_path):
    add_notes(db_path, "tagged once", tags=["Cold  War"])
    code, out_exact, err = run(capsys, "--db", db_path, "export", "events", "--tag", "Cold War")
    assert code == 0, err
    for spelling in ("cold war", "COLD WAR", "  cold   war "):
        code, out, err = run(capsys, "--db", db_path, "export", "events", "--tag", spelling)
        assert code == 0, err
        assert out == out_exact and len(out.splitlines()) == 2
        code, out, err = run(capsys, "--db", db_path, "export", "annotations", "--tag", spelling)
        assert "tagged once" in out


# --- 17: lone surrogates in a note ----------------------------------------------------------------


def test_a_note_with_a_lone_surrogate_is_refused_in_words(library):
    from azrel_desktop.core.research.annotations import AnnotationError

    event_id = library.rows(EventFilter(), limit=1)[0].id
    with pytest.raises(AnnotationError, match="not valid text"):
        library.add_annotation("event", event_id, "broken \ud800 text")
    with pytest.raises(AnnotationError, match="not valid text"):
        library.add_annotation("event", event_id, "fine", ["bad\udcfftag"])
    assert library.annotations() == []


# --- 18: a backup never replaces a file that is not a backup ---------------------------------------


def test_a_backup_refuses_to_replace_a_document(capsys, db_path, tmp_path):
    thesis = tmp_path / "thesis.docx"
    thesis.write_bytes(b"PK\x03\x04 three years of work")
    line = one_error_line(*run(capsys, "--db", db_path, "backup", thesis))
    assert "thesis.docx" in line
    assert thesis.read_bytes() == b"PK\x03\x04 three years of work"


def test_a_backup_may_replace_an_earlier_backup(capsys, db_path, tmp_path):
    target = tmp_path / "weekly.sqlite3"
    assert run(capsys, "--db", db_path, "backup", target)[0] == 0
    add_notes(db_path, "this week")
    code, _out, err = run(capsys, "--db", db_path, "backup", target)
    assert code == 0, err
    assert notes_in(target) == ["this week"]


# --- 21: private folders and files ------------------------------------------------------------------


@posix_only
def test_the_data_folder_backups_and_a_new_library_are_private(tmp_path):
    path = data_dir() / "azrel.sqlite3"
    open_database(path).close()
    info = backups.make_backup(path)
    assert stat.S_IMODE(data_dir().stat().st_mode) == 0o700
    assert stat.S_IMODE(backups.backups_dir().stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(info.path.stat().st_mode) == 0o600
