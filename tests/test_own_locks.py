"""The app never drops its own SQLite locks: nothing in the process opens the live database
file (or its `-wal`/`-shm`) outside SQLite while a connection is open, because closing any
handle on a file drops every POSIX lock the process holds on it. Another process would then
believe it is the last user and delete the write-ahead log under the running app."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

from azrel_desktop.core.query.filters import EventFilter
from azrel_desktop.core.service import Library

_OPEN_AND_CLOSE = (
    "import sqlite3, sys\n"
    "con = sqlite3.connect(sys.argv[1])\n"
    "print(con.execute('SELECT count(*) FROM annotations').fetchone()[0])\n"
    "con.close()\n"
)


def _other_process_count(path) -> int:
    done = subprocess.run([sys.executable, "-c", _OPEN_AND_CLOSE, str(path)],
                          capture_output=True, text=True, check=True, timeout=60)
    return int(done.stdout.strip())


def test_a_backup_while_open_keeps_the_write_ahead_log_of_the_running_app(db_path, tmp_path):
    lib = Library.open(db_path)
    try:
        event_id = lib.rows(EventFilter(), limit=1)[0].id
        lib.add_annotation("event", event_id, "written before the backup")
        wal = db_path.with_name(db_path.name + "-wal")
        assert wal.exists()

        lib.backup(tmp_path / "manual.sqlite3")
        assert _other_process_count(db_path) == 1

        # The other process closed its connection: had the app lost its locks, that process
        # would have checkpointed and deleted the log the app is still writing to.
        assert wal.exists(), "another process deleted the running app's write-ahead log"
        lib.add_annotation("event", event_id, "written after the other process left")
        assert _other_process_count(db_path) == 2
    finally:
        lib.close()
    con = sqlite3.connect(db_path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("SELECT count(*) FROM annotations").fetchone()[0] == 2
    finally:
        con.close()


def test_an_automatic_backup_at_open_keeps_the_locks_of_an_open_library(db_path, tmp_path):
    """A second library opened in the same process (its automatic backup is due) must not
    drop the locks of the first."""
    first = Library.open(db_path)
    try:
        event_id = first.rows(EventFilter(), limit=1)[0].id
        first.add_annotation("event", event_id, "a note that makes the backup due")
        second = Library.open(db_path)
        second.close()
        wal = db_path.with_name(db_path.name + "-wal")
        assert _other_process_count(db_path) == 1
        assert wal.exists()
        first.add_annotation("event", event_id, "and another")
        assert _other_process_count(db_path) == 2
    finally:
        first.close()
