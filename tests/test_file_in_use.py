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
from azrel_desktop.core.store import backups

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


class Holder:
    """Another AzRel process with the library open, adding a note per line it is sent."""

    def __init__(self, path: Path):
        self.proc = subprocess.Popen([sys.executable, "-c", _HOLDER, str(path)], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert self.proc.stdout.readline().strip() == "open", self.proc.stderr.read()

    def add(self, body: str) -> None:
        self.proc.stdin.write(body + "\n")
        self.proc.stdin.flush()
        assert self.proc.stdout.readline().strip() == "ack", self.proc.stderr.read()

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.stdin.write("\n")
            self.proc.stdin.flush()
        self.proc.wait(timeout=60)


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


def test_a_damaged_file_another_program_has_open_is_not_moved_aside(db_path):
    lib = Library.open(db_path)
    lib.add_annotation("event", lib.rows(EventFilter(), limit=1)[0].id, "in the damaged file")
    lib.close()
    holder = sqlite3.connect(db_path)
    try:
        holder.execute("SELECT count(*) FROM annotations").fetchone()
        _damage(db_path)
        inode = db_path.stat().st_ino
        with pytest.raises(DatabaseLockedError) as caught:
            open_database(db_path, busy_timeout_ms=300, whole_check=True)
        assert "damaged" in str(caught.value) and "open in another" in str(caught.value)
        assert db_path.stat().st_ino == inode
        assert not list(db_path.parent.glob("*.damaged-*"))
    finally:
        holder.close()


def test_moving_aside_that_the_system_refuses_is_reported_in_one_sentence(db_path, monkeypatch):
    """Windows refuses to rename a file another process has open (WinError 32)."""
    from azrel_desktop.core.store import recovery

    _damage(db_path)

    def refuse(src, dst):
        raise PermissionError(32, "The process cannot access the file because it is being used by "
                                  "another process", str(src))

    monkeypatch.setattr(recovery, "_rename", refuse)
    with pytest.raises(DatabaseLockedError) as caught:
        open_database(db_path, whole_check=True)
    assert "open in another" in str(caught.value)
    assert db_path.exists()
