"""An open checks what it reads, not the whole file: a damaged page the open does not read is
found by the check of the whole file (run by the app in the background, and by `azrel check`),
which then recovers it as an open of old did; damage in what the open reads is still refused at
once."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from azrel_desktop.core.cli import main
from azrel_desktop.core.errors import DamagedDatabaseError
from azrel_desktop.core.opening import open_database
from azrel_desktop.core.service import Library
from azrel_desktop.core.store import backups, files


def scribble_over(path: Path, name: str) -> bytes:
    """Overwrite the root page of table or index `name` with junk; return the file's bytes."""
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (name,)).fetchone()[0]
    con.close()
    data = bytearray(path.read_bytes())
    start = (root - 1) * page_size
    data[start:start + page_size] = b"\xff" * page_size
    path.write_bytes(bytes(data))
    return bytes(data)


def test_the_open_does_not_read_the_whole_file_and_the_whole_check_finds_the_damage(db_path):
    backups.make_backup(db_path)
    damaged = scribble_over(db_path, "passages")
    lib = Library.open(db_path)  # the passages are not read to open the library
    try:
        assert lib.notice is None
        with lib.db.read() as s:
            assert s.execute(text("SELECT count(*) FROM events")).scalar() > 0
        found = lib.check_whole_file()
    finally:
        lib.close()
    assert not found.ok
    assert str(db_path) in found.problem and "damaged" in found.problem
    assert not list(db_path.parent.glob("*.damaged-*"))  # nothing moved by the check
    assert db_path.read_bytes()[:len(damaged)] == damaged


def test_a_sound_file_passes_the_whole_check(library):
    found = library.check_whole_file()
    assert found.ok and found.problem == ""


def test_the_whole_check_stops_when_asked(library):
    with pytest.raises(files.CheckStopped):
        library.check_whole_file(lambda: True)


def test_an_open_asked_to_check_the_whole_file_recovers_it(db_path):
    info = backups.make_backup(db_path)
    damaged = scribble_over(db_path, "passages")
    with pytest.raises(DamagedDatabaseError) as caught:
        open_database(db_path, whole_check=True)
    assert caught.value.backup == info.path
    assert caught.value.moved_to.read_bytes() == damaged and not db_path.exists()


def test_azrel_check_still_finds_damage_the_open_does_not_read(db_path, capsys):
    info = backups.make_backup(db_path)
    scribble_over(db_path, "passages")
    # An ordinary command opens it; counting the passages meets the damage: one sentence.
    assert main(["--db", str(db_path), "stats"]) == 2
    err = capsys.readouterr().err
    assert "damaged while in use" in err and "azrel check" in err and err.count("\n") == 1
    assert db_path.exists()
    assert main(["--db", str(db_path), "check"]) == 2
    err = capsys.readouterr().err
    assert "damaged" in err and str(info.path) in err and err.count("\n") == 1
    assert list(db_path.parent.glob("*.damaged-*"))


@pytest.mark.parametrize("table", ["app_meta", "alembic_version"])
def test_damage_in_what_the_open_reads_is_found_at_the_open(db_path, table):
    backups.make_backup(db_path)
    scribble_over(db_path, table)
    with pytest.raises(DamagedDatabaseError):
        open_database(db_path)


def test_the_open_reads_no_more_than_its_tables(db_path, monkeypatch):
    """The look at the file runs `quick_check` only on the schema and `OPEN_READS`."""
    sent: list[str] = []
    real = files.connect_for_reading

    def recording(*args, **kwargs):
        con = real(*args, **kwargs)
        con.set_trace_callback(sent.append)
        return con

    monkeypatch.setattr(files, "connect_for_reading", recording)
    state = files.inspect_file(db_path, whole=False)
    assert state.has_tables
    checks = [s for s in sent if "quick_check" in s]
    assert checks == ["PRAGMA quick_check(sqlite_master)",
                      *(f"PRAGMA quick_check({t})" for t in files.OPEN_READS)]
    sent.clear()
    files.inspect_file(db_path)
    assert [s for s in sent if "quick_check" in s] == ["PRAGMA quick_check"]
