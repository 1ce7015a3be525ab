"""Whether another connection — another AzRel window, the `azrel` command, a database tool — has
the library open, found through SQLite's own locks.

A library is never renamed or rewritten while someone else uses it: on Linux and macOS a
process holding a renamed file keeps writing into the file that was moved aside (its later
notes would be lost), and Windows refuses the rename. Every connection that has read a WAL
database keeps a shared lock on it until it closes, so one connection in exclusive locking mode
that gets its exclusive lock knows it is alone, and keeps everyone else out until it closes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import DatabaseLockedError
from .files import sqlite_uri

# How long a connection waits for another's lock before the app says the library is busy.
BUSY_TIMEOUT_MS = 8000

IN_USE = ("open in another window or program (another AzRel window, the azrel command or a "
          "database tool)")


def _busy(exc: BaseException) -> bool:
    name = getattr(exc, "sqlite_errorname", "") or ""
    return name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in str(exc).lower()


@contextmanager
def sole_connection(path: Path, timeout_ms: int, *, refusal: str | None = None) -> Iterator[sqlite3.Connection]:
    """A read-write connection to `path` that holds the file's exclusive lock until it closes;
    DatabaseLockedError (`refusal`, or a sentence saying the file is in use) when another
    connection keeps the file for longer than `timeout_ms`. A file SQLite cannot read (damaged)
    gets the connection all the same: nobody else can be using it either."""
    con = sqlite3.connect(sqlite_uri(path), uri=True, isolation_level=None, check_same_thread=False)
    try:
        con.execute(f"PRAGMA busy_timeout = {int(timeout_ms)}")
        con.execute("PRAGMA locking_mode = EXCLUSIVE")
        try:
            con.execute("BEGIN EXCLUSIVE")
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()
            con.execute("COMMIT")  # the lock stays: exclusive locking mode keeps it until close
        except sqlite3.DatabaseError as exc:
            if _busy(exc):
                raise DatabaseLockedError(
                    refusal or f"{path} is {IN_USE}; close it there and try again.") from exc
            if con.in_transaction:
                con.execute("ROLLBACK")
        yield con
    finally:
        con.close()
