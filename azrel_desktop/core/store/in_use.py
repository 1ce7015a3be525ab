"""Whether another connection — another AzRel window, the `azrel` command, a database tool — has
the library open, found through SQLite's own locks.

A library is never renamed or rewritten while someone else uses it: on Linux and macOS a
process holding a renamed file keeps writing into the file that was moved aside (its later
notes would be lost), and Windows refuses the rename. Every connection that has read a WAL
database keeps a shared lock on it until it closes, so one connection in exclusive locking mode
that gets its exclusive lock knows it is alone, and keeps everyone else out until it closes.

That lock can be missing although the file is open: on POSIX a process loses every lock it
holds on a file as soon as it closes *any* handle on that file, so a program that reads the
library's bytes itself (a backup or sync tool, a script beside its own connection) leaves its
idle connection without its lock on the database file. Such a connection still has the
write-ahead log's shared memory (the `-shm` file) mapped, and holds a read lock on one of that
file's lock bytes for as long as it does. So, once the exclusive lock is granted, the `-shm`
file's lock bytes are asked too (`F_GETLK`: who would block a lock, without taking one). The
connection here, in exclusive locking mode, never maps the `-shm` file, and its exclusive lock
means no other connection of this process has it mapped either (SQLite counts this process's
own connections itself, unaffected by dropped locks), so the plain handle opened on the `-shm`
file for that question cannot drop any lock SQLite holds here. (When the file is too damaged for
SQLite to get that far, no connection can be reading it.) Windows' locks belong
to the handle that took them, so nothing is dropped there and the database file's lock says it
all. (A connection that has not yet read the file, and one in rollback-journal mode between two
transactions, hold no lock at all; no lock-based check can see them.)
"""

from __future__ import annotations

import os
import sqlite3
import struct
import sys
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import DatabaseLockedError
from .files import sqlite_uri

# How long a connection waits for another's lock before the app says the library is busy.
BUSY_TIMEOUT_MS = 8000

IN_USE = ("open in another window or program (another AzRel window, the azrel command or a "
          "database tool)")


# SQLite's lock bytes in the -shm file (os_unix.c): the write-ahead log's eight locks from byte
# 120 (the size of the two copies of the index header and the checkpoint information), then the
# byte every connection that has the shared memory mapped holds a read lock on.
SHM_LOCKS = (120, 9)


def _flock(kind: int, start: int, length: int) -> bytes:
    """A `struct flock` for fcntl on Linux (l_type, l_whence, l_start, l_len, l_pid, padding)
    or on macOS and the BSDs (l_start, l_len, l_pid, l_type, l_whence)."""
    if sys.platform.startswith("linux"):
        return struct.pack("hhqqi4x", kind, os.SEEK_SET, start, length, 0)
    return struct.pack("qqihh", start, length, 0, kind, os.SEEK_SET)


def _lock_type(answer: bytes) -> int:
    if sys.platform.startswith("linux"):
        return struct.unpack("hhqqi4x", answer)[0]
    return struct.unpack("qqihh", answer)[3]


def shared_memory_in_use(path: Path) -> bool:
    """Whether another process holds a lock on the lock bytes of `path`'s `-shm` file: a
    connection there has the write-ahead log's shared memory mapped (it has the library open).
    False where there is no `-shm` file, where it cannot be opened, and on Windows.

    Call it only while no SQLite connection of this process has the `-shm` file mapped (see the
    module's docstring): closing the handle opened here drops this process's locks on it."""
    if os.name != "posix":
        return False
    import fcntl

    shm = path.with_name(path.name + "-shm")
    flags = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = None
    # Read-write where allowed (some systems answer F_GETLK for a write lock only on a handle
    # that could take one); nothing is written.
    for mode in (os.O_RDWR, os.O_RDONLY):
        try:
            fd = os.open(shm, mode | flags)
            break
        except OSError:
            continue
    if fd is None:
        return False
    try:
        answer = fcntl.fcntl(fd, fcntl.F_GETLK, _flock(fcntl.F_WRLCK, *SHM_LOCKS))
    except OSError:
        return False
    finally:
        os.close(fd)
    return _lock_type(answer) != fcntl.F_UNLCK


def _busy(exc: BaseException) -> bool:
    name = getattr(exc, "sqlite_errorname", "") or ""
    return name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in str(exc).lower()


@contextmanager
def sole_connection(path: Path, timeout_ms: int, *, refusal: str | None = None) -> Iterator[sqlite3.Connection]:
    """A read-write connection to `path` that holds the file's exclusive lock until it closes;
    DatabaseLockedError (`refusal`, or a sentence saying the file is in use) when another
    connection keeps the file for longer than `timeout_ms`, or when another process has the
    write-ahead log's shared memory mapped. A file SQLite cannot read (damaged) gets the
    connection all the same unless its `-shm` file says it is in use: nobody can be reading it.

    The connection is in exclusive locking mode, so it never maps the `-shm` file."""
    message = refusal or f"{path} is {IN_USE}; close it there and try again."
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
                raise DatabaseLockedError(message) from exc
            if con.in_transaction:
                con.execute("ROLLBACK")
        if shared_memory_in_use(path):
            raise DatabaseLockedError(message)
        yield con
    finally:
        con.close()


OPEN_LIBRARIES: weakref.WeakSet[Any] = weakref.WeakSet()  # each open Database (it adds itself)


def open_library_paths() -> list[Path]:
    """The library files open in this process (an export must never write onto one; a damaged
    file this process holds is not moved aside)."""
    return [db.path for db in list(OPEN_LIBRARIES)]
