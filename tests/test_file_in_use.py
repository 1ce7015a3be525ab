"""A library another process has open is never renamed under it (issue 19, item 2; issue 12,
item 12): restore and the moving aside of a damaged file refuse, in one sentence, while another
program holds the file, within the lock limit, and that program's later notes are not lost."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from azrel_desktop.core.errors import DatabaseLockedError
from azrel_desktop.core.opening import open_database
from azrel_desktop.core.query.filters import EventFilter
from azrel_desktop.core.service import Library
from azrel_desktop.core.store import backups, in_use

_HOLDER = """
import sys
from azrel_desktop.core.query.filters import EventFilter
from azrel_desktop.core.service import Library
lib = Library.open(sys.argv[1], )
event_id = lib.rows(EventFilter(), limit=1)[0].id
print("open", flush=True)
for line in sys.stdin:
    body = line.strip()
    if not body:
        break
    lib.add_annotation("event", event_id, body)
    print("ack", flush=True)
lib.close()
"""


class _OtherProcess:
    """Another process running `script` on the library, which prints "open" once it has it
    open, then "ack" for each line it is sent and acted on; an empty line ends it."""

    script = ""

    def __init__(self, path: Path):
        self.proc = subprocess.Popen([sys.executable, "-c", self.script, str(path)], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert self.proc.stdout.readline().strip() == "open", self.proc.stderr.read()

    def send(self, line: str) -> None:
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()
        assert self.proc.stdout.readline().strip() == "ack", self.proc.stderr.read()

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.stdin.write("\n")
            self.proc.stdin.flush()
        self.proc.wait(timeout=60)


class Holder(_OtherProcess):
    """Another AzRel process with the library open, adding a note per line it is sent."""

    script = _HOLDER

    def add(self, body: str) -> None:
        self.send(body)


def notes_in(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return sorted(r[0] for r in con.execute("SELECT body FROM annotations"))
    finally:
        con.close()


def test_restore_refuses_while_another_program_has_the_library_open(db_path, tmp_path):
    backup = backups.make_backup(db_path, tmp_path / "good.sqlite3").path
    inode = db_path.stat().st_ino
    holder = Holder(db_path)
    try:
        holder.add("written before the restore")
        with pytest.raises(DatabaseLockedError) as caught:
            backups.restore(db_path, backup, timeout_ms=300)
        message = str(caught.value)
        assert "open in another" in message and "\n" not in message
        holder.add("written after the refused restore")
    finally:
        holder.close()
    assert db_path.stat().st_ino == inode, "the live file was renamed"
    assert notes_in(db_path) == ["written after the refused restore", "written before the restore"]
    assert not list(db_path.parent.glob("*.replaced-*"))


def test_the_app_restores_once_the_other_program_has_closed(db_path, tmp_path):
    backup = backups.make_backup(db_path, tmp_path / "good.sqlite3").path
    holder = Holder(db_path)
    holder.add("kept aside by the restore")
    holder.close()
    lib = Library.open(db_path)
    try:
        aside = lib.restore(backup)
        assert lib.annotations() == []
    finally:
        lib.close()
    assert notes_in(aside) == ["kept aside by the restore"]


def test_restore_gives_up_within_the_lock_limit(db_path, tmp_path):
    backup = backups.make_backup(db_path, tmp_path / "good.sqlite3").path
    writer = sqlite3.connect(db_path, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")  # a long write in another connection
        with pytest.raises(DatabaseLockedError):
            backups.restore(db_path, backup, timeout_ms=300)
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def _damage(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = con.execute("PRAGMA page_size").fetchone()[0]
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'events'").fetchone()[0]
    con.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * size:root * size] = b"\xff" * size
    path.write_bytes(bytes(data))


_TOOL = """
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
con.execute("SELECT count(*) FROM annotations").fetchone()
print("open", flush=True)
for line in sys.stdin:
    if line.strip() != "read the file":
        break
    # What a backup or sync tool, or a script beside its own connection, does: read the file
    # with plain I/O. Closing that handle drops every POSIX lock this process held on the file,
    # so its connection no longer shows on the database file; its WAL-index lock remains.
    with open(sys.argv[1], "rb") as fh:
        fh.read(100)
    print("ack", flush=True)
con.close()
"""


class Tool(_OtherProcess):
    """Another program (a database tool) with the library open through SQLite, idle."""

    script = _TOOL

    def read_the_file(self) -> None:
        self.send("read the file")


def _with_a_note(db_path: Path) -> None:
    lib = Library.open(db_path)
    lib.add_annotation("event", lib.rows(EventFilter(), limit=1)[0].id, "in the damaged file")
    lib.close()


def _assert_refused_and_left_in_place(db_path: Path) -> None:
    inode = db_path.stat().st_ino
    with pytest.raises(DatabaseLockedError) as caught:
        open_database(db_path, busy_timeout_ms=300, whole_check=True)
    assert "damaged" in str(caught.value) and "open in another" in str(caught.value)
    assert "\n" not in str(caught.value)
    assert db_path.stat().st_ino == inode
    assert not list(db_path.parent.glob("*.damaged-*"))


def test_a_damaged_file_another_program_has_open_is_not_moved_aside(db_path):
    """The other program is a real process, idle, with the library open (it has read it): it
    holds SQLite's shared lock, and the file is damaged while it waits."""
    _with_a_note(db_path)
    tool = Tool(db_path)
    try:
        _damage(db_path)  # (no connection of this process is open on the file meanwhile)
        _assert_refused_and_left_in_place(db_path)
    finally:
        tool.close()
    assert notes_in_readable_rows(db_path) == ["in the damaged file"]


def test_a_damaged_file_is_not_moved_aside_while_another_program_whose_file_lock_was_dropped_has_it_open(db_path):
    """An idle connection whose process opened the file with plain I/O has lost its lock on the
    database file (POSIX drops a process's locks when any of its handles on the file closes), so
    an exclusive lock on the file is granted although the library is open there; its lock on the
    write-ahead log's shared memory says so. (Where locks belong to a handle, as on Windows,
    nothing is dropped.)"""
    _with_a_note(db_path)
    tool = Tool(db_path)
    try:
        _damage(db_path)
        tool.read_the_file()
        _assert_refused_and_left_in_place(db_path)
    finally:
        tool.close()


def notes_in_readable_rows(path: Path) -> list[str]:
    """The notes SQLite can still read from a damaged file (its events table is what is damaged)."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return sorted(r[0] for r in con.execute("SELECT body FROM annotations"))
    finally:
        con.close()


def test_moving_aside_that_the_system_refuses_is_reported_in_one_sentence(db_path, monkeypatch):
    """Windows refuses to remove a file another process has open (WinError 32); the copy made
    aside is not left behind either."""
    from azrel_desktop.core.store import recovery

    _damage(db_path)

    def refuse(path):
        raise PermissionError(32, "The process cannot access the file because it is being used by "
                                  "another process", str(path))

    monkeypatch.setattr(recovery, "_remove", refuse)
    with pytest.raises(DatabaseLockedError) as caught:
        open_database(db_path, whole_check=True)
    assert "open in another" in str(caught.value) and "\n" not in str(caught.value)
    assert db_path.exists()
    assert not list(db_path.parent.glob("*.damaged-*"))


_CRASH = """
import os, sqlite3, sys
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("INSERT INTO app_meta (key, value) VALUES ('left by a crash', 'yes')")
os._exit(0)  # no close: the write-ahead log and its shared memory stay behind, unlocked
"""


def test_shared_memory_left_behind_by_a_crashed_program_does_not_count_as_in_use(db_path, tmp_path):
    backup = backups.make_backup(db_path, tmp_path / "good.sqlite3").path
    subprocess.run([sys.executable, "-c", _CRASH, str(db_path)], check=True, timeout=60)
    assert db_path.with_name(db_path.name + "-shm").exists()
    assert not in_use.shared_memory_in_use(db_path)
    aside = backups.restore(db_path, backup, timeout_ms=300)
    con = sqlite3.connect(aside)
    try:
        assert con.execute("SELECT value FROM app_meta WHERE key = 'left by a crash'").fetchone() == ("yes",)
    finally:
        con.close()


def test_shared_memory_mapped_by_another_program_counts_as_in_use(db_path):
    tool = Tool(db_path)
    try:
        assert in_use.shared_memory_in_use(db_path)
    finally:
        tool.close()
    assert not in_use.shared_memory_in_use(db_path)
