"""The library file before it is opened: where it lives by default, and a look at it that
writes nothing (is it SQLite, is it AzRel's, which schema revision, is what the open reads
sound), and the check of the whole file (`check_whole_file`).

An open checks what it reads, not the whole file: the header, the schema and the small tables
read first (`OPEN_READS`, with SQLite's `quick_check` limited to them), so that opening takes
the same time at any size. The whole file is checked by `azrel check`, by the desktop app in the
background once its window shows, and on every backup; damage SQLite meets while reading is
reported whenever it happens (`is_corruption`).

Standard library and platformdirs only, so that the desktop app can start the look in the first
milliseconds of the process (`start_early_look`) and import SQLAlchemy, Qt and the window
meanwhile. `open_database` then takes that result (`take_early_look`) instead of looking again.
"""

from __future__ import annotations

import errno
import os
import secrets
import sqlite3
import stat
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePath, PureWindowsPath

from platformdirs import user_config_dir, user_data_dir

from ..errors import CorruptDatabaseError, DatabaseError, NotADatabaseError

SQLITE_HEADER = b"SQLite format 3\x00"

APP_NAME = "AzRel Desktop"
APP_AUTHOR = "AzRel"


def data_dir() -> Path:
    """The per-user data folder (the default library, backups); `AZREL_DATA_DIR` moves it."""
    env = os.environ.get("AZREL_DATA_DIR")
    if env:
        return Path(env).expanduser()
    return Path(user_data_dir(APP_NAME, APP_AUTHOR))


def settings_dir() -> Path:
    """Where the app's settings live (window layout, filters, export choices, Qt's own file
    dialog state): `AZREL_SETTINGS_DIR` if set; else `settings` inside `AZREL_DATA_DIR` when
    that moves the data, so one folder holds everything; else the platform's per-user
    configuration folder (platformdirs)."""
    env = os.environ.get("AZREL_SETTINGS_DIR")
    if env:
        return Path(env).expanduser()
    moved = os.environ.get("AZREL_DATA_DIR")
    if moved:
        return Path(moved).expanduser() / "settings"
    return Path(user_config_dir(APP_NAME, APP_AUTHOR))


def default_db_path() -> Path:
    """`AZREL_DB` if set, else `azrel.sqlite3` in the per-user data directory."""
    env = os.environ.get("AZREL_DB")
    if env:
        return Path(env).expanduser()
    return data_dir() / "azrel.sqlite3"


@dataclass(frozen=True)
class FileState:
    """What a look at a file, without writing to it, found."""

    exists: bool
    revision: str | None
    has_tables: bool


def is_corruption(exc: BaseException) -> bool:
    """True only for SQLite's own verdict that a file is damaged or not a database —
    not for a full disk, a permission problem or a lock."""
    name = getattr(exc, "sqlite_errorname", None) or getattr(getattr(exc, "orig", None), "sqlite_errorname", "")
    return name in ("SQLITE_CORRUPT", "SQLITE_NOTADB") or "malformed" in str(exc).lower()


def sqlite_uri(path: PurePath | str, **params: str) -> str:
    """A `file:` URI naming `path` for `sqlite3.connect(..., uri=True)`, with `params` as its
    query (`mode="ro"`, say).

    The path is made absolute but not resolved: resolving turns a mapped drive `Z:\\` into
    `\\\\server\\share`, and a URI with a server in it is refused by SQLite ("invalid uri
    authority"). So a drive path becomes `file:///C:/…`, a UNC path `file:////server/share/…`
    (an empty authority, then the path Windows reads as UNC), a POSIX path `file:///…`. SQLite
    decodes `%HH` in the path and ends it at `?` or `#`, so exactly `%`, `?` and `#` are escaped.
    """
    if not isinstance(path, PurePath):
        path = Path(path)
    if not path.is_absolute() and isinstance(path, Path):
        path = path.absolute()
    if isinstance(path, PureWindowsPath):
        text = str(path).replace("\\", "/")
        if text.startswith(("//?/UNC/", "//./UNC/")):
            text = "//" + text[8:]
        elif text.startswith(("//?/", "//./")):
            text = text[4:]  # an extended-length drive path: C:/…
        if not text.startswith("//"):
            text = "/" + text  # file:///C:/… — SQLite drops the slash before a drive letter
    else:
        text = str(path)
    for char, escaped in (("%", "%25"), ("?", "%3f"), ("#", "%23")):
        text = text.replace(char, escaped)
    query = "&".join(f"{key}={value}" for key, value in params.items())
    # "file://" and an empty authority: the path (which starts with "/") can then begin with
    # "//" too, as a UNC path, or a POSIX path may, without being read as a server's name.
    return "file://" + text + (f"?{query}" if query else "")


def readonly_uri(path: Path) -> str:
    return sqlite_uri(path, mode="ro")


def folder_writable(folder: Path) -> bool:
    """Whether a file can be created in `folder` (or, if it does not exist yet, in its nearest
    existing parent), found by creating and removing an empty file there. `os.access` cannot
    say: on Windows it sees only the read-only attribute, not the folder's permissions."""
    folder = Path(os.path.abspath(folder))
    while not folder.exists() and folder.parent != folder:
        folder = folder.parent
    probe = folder / f".azrel-write-probe-{os.getpid()}-{secrets.token_hex(4)}"
    try:
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as exc:
        # Refused: not writable. Anything else (a full disk, say) is left for the open to report.
        return not (isinstance(exc, PermissionError) or exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM))
    os.close(fd)
    try:
        os.unlink(probe)
    except OSError:
        pass
    return True


def file_writable(path: Path) -> bool:
    """Whether SQLite can write the existing database file `path`, asked of SQLite itself: a
    connection with `mode=rw` falls back to reading when the file cannot be written, and then
    refuses a write. The write is a no-op rewrite of the header's user version inside a
    transaction that is rolled back. A file busy with another writer is writable."""
    try:
        con = sqlite3.connect(sqlite_uri(path, mode="rw"), uri=True, timeout=0, isolation_level=None)
    except sqlite3.Error:
        return False
    try:
        con.execute("BEGIN IMMEDIATE")
        version = int(con.execute("PRAGMA user_version").fetchone()[0])
        con.execute(f"PRAGMA user_version = {version}")
        return True
    except sqlite3.Error as exc:
        return getattr(exc, "sqlite_errorname", "") in ("SQLITE_BUSY", "SQLITE_LOCKED")
    finally:
        if con.in_transaction:
            con.execute("ROLLBACK")
        con.close()


def network_readonly_message(path: Path) -> str:
    return (f"{path} is on a network drive in a folder you may only read, and it was last saved with "
            "a write-ahead log, which SQLite cannot read there without writing beside it; ask "
            "someone who may write to that folder to open it once in AzRel Desktop (which keeps "
            "files on network drives without that log), or copy it to a folder of your own.")


def connect_for_reading(path: Path, *, network: bool | None = None,
                        check_same_thread: bool = True) -> sqlite3.Connection:
    """A read-only SQLite connection to `path`, its first read (the header) already made.

    A file in write-ahead-log mode needs its shared-memory file beside it even to be read; in a
    folder nobody may write to, on a local disk, it is read as immutable instead (without locks:
    SQLite's way for read-only media). On a network volume, where others may be writing it,
    that would read a changing file without locks: it is refused with a sentence instead.
    `network` is asked of `volumes.volume_of` when not given, and only when it matters.
    """
    con = sqlite3.connect(readonly_uri(path), uri=True, check_same_thread=check_same_thread)
    try:
        con.execute("PRAGMA schema_version").fetchone()
        return con
    except sqlite3.Error as exc:
        con.close()
        # (SQLite says "cannot open", or, for a read-only folder, "read-only directory")
        name = getattr(exc, "sqlite_errorname", "") or ""
        if not (name == "SQLITE_CANTOPEN" or name.startswith("SQLITE_READONLY")) or folder_writable(path.parent):
            raise
    if network is None:
        from .volumes import volume_of

        network = volume_of(path).network
    if network:
        raise DatabaseError(network_readonly_message(path))
    con = sqlite3.connect(sqlite_uri(path, immutable="1"), uri=True, check_same_thread=check_same_thread)
    try:
        con.execute("PRAGMA schema_version").fetchone()
    except sqlite3.Error:
        con.close()
        raise
    return con


def _has_sqlite_header(path: Path) -> bool:
    """Whether the file starts as SQLite files do. Read with plain Python only once SQLite has
    refused the file as not a database: no connection can then be holding locks on it."""
    try:
        with path.open("rb") as fh:
            return fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


# Tables every AzRel library has had since its first schema: a file with an `alembic_version`
# but without these is another program's database.
LIBRARY_TABLES = frozenset({"app_meta", "sources", "passages", "events", "annotations", "annotation_tags"})


# The tables an open reads before anything else (the schema revision, the corpus version, the
# derived data's versions): with the schema, these are what an open checks. SQLite limits
# `quick_check` to one table and its indexes from 3.33; an older SQLite reads them instead.
OPEN_READS = ("alembic_version", "app_meta")
_TABLE_CHECK_FROM = (3, 33, 0)


def inspect_file(path: Path, *, whole: bool = True) -> FileState:
    """Classify a file without writing to it; raise DatabaseError if it is unusable (a damaged
    file: `CorruptDatabaseError`).

    With `whole`, SQLite's `quick_check` reads the whole file (a backup, a file about to be
    restored, a recovery); without it, only what opening it reads is checked: the header, the
    schema and `OPEN_READS` (see the module's docstring).

    The file is read through SQLite only, never opened with plain Python: on POSIX, closing any
    handle on a file drops every lock the process holds on it, so a plain open of a library that
    this process also has open would let another process delete the write-ahead log under it.
    SQLite shares one lock table among all of the process's connections and keeps a closed
    connection's handle until no lock needs it.
    """
    if not path.exists():
        return FileState(False, None, False)
    if path.is_dir():
        raise NotADatabaseError(f"{path} is a folder, not an AzRel database file.")
    try:
        regular = stat.S_ISREG(path.stat().st_mode)
    except OSError as exc:
        raise DatabaseError(f"{path} could not be opened ({exc.strerror or exc}); it was left untouched.") from exc
    if not regular:  # a pipe would be waited on for ever, a device read without end
        raise NotADatabaseError(f"{path} is not a regular file (a pipe or a device), not an AzRel database; "
                                "it was left untouched.")
    try:
        # The header is read here: SQLITE_NOTADB means the file is not SQLite at all.
        con = connect_for_reading(path)
    except sqlite3.DatabaseError as exc:
        if getattr(exc, "sqlite_errorname", "") == "SQLITE_NOTADB":
            if _has_sqlite_header(path):
                raise CorruptDatabaseError(f"{path} is damaged ({exc}).") from exc
            raise NotADatabaseError(
                f"{path} is not a SQLite database (it may be another kind of file); it was left untouched."
            ) from exc
        if is_corruption(exc):
            raise CorruptDatabaseError(f"{path} is damaged ({exc}).") from exc
        raise DatabaseError(f"{path} could not be read ({exc}); it was left untouched.") from exc
    except sqlite3.Error as exc:
        raise DatabaseError(f"{path} could not be opened ({exc}); it was left untouched.") from exc
    try:
        if whole:
            _check(con, path, "PRAGMA quick_check")
        tables = _tables(con, path)
        if not whole:
            _check(con, path, "PRAGMA quick_check(sqlite_master)" if _can_check_tables() else None)
            for table in OPEN_READS:
                if table in tables:
                    _check(con, path, f"PRAGMA quick_check({table})" if _can_check_tables()
                           else f"SELECT * FROM {table}")
        if not tables or (tables == {"alembic_version"}
                          and con.execute("SELECT count(*) FROM alembic_version").fetchone()[0] == 0):
            return FileState(True, None, False)  # empty, or every migration undone
        if "alembic_version" not in tables or not tables >= LIBRARY_TABLES:
            raise NotADatabaseError(
                f"{path} is a SQLite database from another program, not AzRel; it was left untouched."
            )
        rows = con.execute("SELECT version_num FROM alembic_version").fetchall()
        if len(rows) != 1 or not isinstance(rows[0][0], str) or not rows[0][0].strip():
            raise DatabaseError(f"{path} has no readable schema version, so AzRel cannot tell how to "
                                "open it; it was left untouched.")
        return FileState(True, rows[0][0], True)
    finally:
        con.close()


def _can_check_tables() -> bool:
    return sqlite3.sqlite_version_info >= _TABLE_CHECK_FROM


def _read_error(path: Path, exc: sqlite3.DatabaseError) -> DatabaseError:
    if is_corruption(exc):
        return CorruptDatabaseError(f"{path} is damaged ({exc}).")
    return DatabaseError(f"{path} could not be read ({exc}); check that the disk has space and the file "
                         "is reachable. It was left untouched.")


def _check(con: sqlite3.Connection, path: Path, sql: str | None) -> None:
    """Run a check (`quick_check`, whole or of one table) or a plain read, raising
    `CorruptDatabaseError` with SQLite's first finding if it finds damage."""
    if sql is None:
        return
    try:
        rows = con.execute(sql).fetchall()
    except sqlite3.DatabaseError as exc:
        raise _read_error(path, exc) from exc
    if sql.startswith("PRAGMA") and rows != [("ok",)]:
        raise CorruptDatabaseError(f"{path} is damaged (integrity check: {rows[0][0]}).")


def _tables(con: sqlite3.Connection, path: Path) -> set[str]:
    try:
        return {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.DatabaseError as exc:
        raise _read_error(path, exc) from exc


class CheckStopped(Exception):
    """`check_whole_file` was asked to stop before it finished."""


def check_whole_file(path: Path, *, cancelled: Callable[[], bool] | None = None) -> str | None:
    """SQLite's `quick_check` of every page of the file, through a read-only connection of its
    own (it sees the last committed state; a writer meanwhile is not held up): None if sound,
    else SQLite's first finding as a sentence. `cancelled` is asked every few thousand steps of
    SQLite's work; once it says yes the check stops with `CheckStopped`. Raises
    `DatabaseError` only when the file cannot be read at all for another reason."""
    path = Path(path)
    try:
        con = connect_for_reading(path, check_same_thread=False)
    except sqlite3.DatabaseError as exc:
        if is_corruption(exc):
            return f"{path} is damaged ({exc})."
        raise DatabaseError(f"{path} could not be read ({exc}).") from exc
    finished = threading.Event()
    if cancelled is not None:
        # The check of the pages is one step of SQLite's machine, which a progress handler does
        # not interrupt; a watcher interrupts the connection (which is safe from another thread).
        con.set_progress_handler(lambda: 1 if cancelled() else 0, _CANCEL_EVERY)

        def watch() -> None:
            while not finished.wait(_WATCH_EVERY_S):
                if cancelled():
                    con.interrupt()
                    return

        threading.Thread(target=watch, name="azrel-check-watch", daemon=True).start()
    try:
        _check(con, path, "PRAGMA quick_check")
    except CorruptDatabaseError as exc:
        return str(exc)
    except DatabaseError:
        if cancelled is not None and cancelled():
            raise CheckStopped(f"the check of {path} was stopped") from None
        raise
    finally:
        finished.set()
        con.close()
    return None


# SQLite virtual-machine steps between two questions to `cancelled` (well under a millisecond).
_CANCEL_EVERY = 10_000
_WATCH_EVERY_S = 0.05


def _fingerprint(path: Path) -> tuple:
    """What changes when the file is replaced or written, directly or through its write-ahead
    log. (Only the log's size: a look at a file without one creates an empty one.)"""
    try:
        s = path.stat()
    except OSError:
        return (None, 0)
    try:
        wal = path.with_name(path.name + "-wal").stat().st_size
    except OSError:
        wal = 0
    return ((s.st_ino, s.st_size, s.st_mtime_ns), wal)


class _EarlyLook(threading.Thread):
    def __init__(self, path: Path):
        super().__init__(name="azrel-early-look", daemon=True)
        self.path = path
        self.before = _fingerprint(path)
        self.state: FileState | None = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.state = inspect_file(self.path, whole=False)
        except BaseException as exc:  # handed to whoever opens the file, in its own thread
            self.error = exc


_early: dict[Path, _EarlyLook] = {}
_early_lock = threading.Lock()


def start_early_look(path: Path) -> None:
    """Start the open's look at `path` (`inspect_file(path, whole=False)`) on a thread of its own
    (SQLite leaves Python free meanwhile)."""
    look = _EarlyLook(Path(path))
    with _early_lock:
        _early[look.path.absolute()] = look
    look.start()


def take_early_look(path: Path) -> FileState | None:
    """The result of the look started for `path`, waiting for it if need be, or None if none
    was started or the file changed since (then the caller looks again). Raises what the look
    raised. A result is handed out once: a later open checks the file afresh."""
    with _early_lock:
        look = _early.pop(Path(path).absolute(), None)
    if look is None:
        return None
    look.join()
    if _fingerprint(look.path) != look.before:
        return None
    if look.error is not None:
        raise look.error
    return look.state
