"""Opening the user's SQLite file: checks, backup, migration to head, connection settings.

`open_store` opens the file for `core/opening.py`'s `open_database`, the one way in for the GUI,
the CLI and the tests (which also brings the corpus and the search index up to date). It refuses, with one
clear sentence and without writing a byte, a file that is not SQLite, a SQLite file that is
not AzRel's, a file from a newer version, and a damaged file. An older file is backed up with
the SQLite backup API before it is upgraded.

Alembic is imported only when a file is not at the head revision: `scripts.py` reads the head
from the migration scripts' text, which is what every ordinary start needs.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import URL, Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from ..errors import (
    CorruptDatabaseError,
    DamagedDatabaseError,
    DatabaseError,
    DatabaseLockedError,
    NewerDatabaseError,
)
from . import backups
from .files import (
    connect_for_reading,
    default_db_path,
    file_writable,
    folder_writable,
    inspect_file,
    is_corruption,
    sqlite_uri,
    take_early_look,
)
from .in_use import BUSY_TIMEOUT_MS, OPEN_LIBRARIES, open_library_paths  # noqa: F401 - re-exported
from .scripts import (  # noqa: F401 - re-exported: callers ask the store for the head
    ScriptGlance,
    alembic_config,
    glance_at_scripts,
    head_revision,
    known_revision,
)
from .sqlite_features import SqliteFeatures, ensure_sqlite_features
from .volumes import Volume, volume_of

WAL_SIZE_LIMIT = 64 * 2**20  # bytes


def network_journal_message(path: Path, readonly: bool = False) -> str:
    if readonly:
        return (f"{path} is on a network drive and was saved with a write-ahead log, which cannot be "
                "read safely over a network, and it cannot be changed from here because you may only "
                "read it; ask someone who may write it to open it once in AzRel Desktop (which keeps "
                "files on network drives without that log), or copy it to a local folder.")
    return (f"{path} is on a network drive and is open in another program with a write-ahead log, "
            "which does not work over a network; close it there, then open it here again.")


def _on_connect(dbapi_connection, _record, *, journal: str = "wal", path: Path | None = None,
                readonly: bool = False) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN itself, so writes can take BEGIN IMMEDIATE.
    dbapi_connection.isolation_level = None
    dbapi_connection.execute("PRAGMA foreign_keys = ON")
    mode = dbapi_connection.execute("PRAGMA journal_mode").fetchone()[0]
    if mode != journal:
        try:
            mode = dbapi_connection.execute(f"PRAGMA journal_mode = {journal.upper()}").fetchone()[0]
        except sqlite3.OperationalError:
            pass  # a read-only file keeps its journal mode
        if journal != "wal" and mode == "wal":
            # Leaving WAL needs the file to itself; writing on through another computer's
            # shared memory is what must not happen on a network drive.
            raise DatabaseError(network_journal_message(path or Path("the library"), readonly))
    dbapi_connection.execute("PRAGMA synchronous = FULL")
    # Once checkpointed, a long write-ahead log (rendering the export rows of a million events
    # writes 1-2 GB) is cut back to this size instead of keeping its length until the last
    # connection closes; every open's integrity check reads the log too.
    dbapi_connection.execute(f"PRAGMA journal_size_limit = {WAL_SIZE_LIMIT}")


def _on_begin(conn) -> None:
    # A write begins IMMEDIATE: it takes the write lock up front (waiting up to the busy
    # timeout), instead of failing at once when a deferred read later tries to write.
    if conn.get_execution_options().get("azrel_write"):
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.exec_driver_sql("BEGIN")


def make_engine(path: Path, *, readonly: bool = False, busy_timeout_ms: int = BUSY_TIMEOUT_MS,
                network: bool = False) -> Engine:
    """An engine on the file at `path`. On a network volume (`network`) the file is kept in
    SQLite's rollback-journal mode (DELETE) rather than WAL, whose shared memory cannot be
    shared between computers, and a read-only connection never falls back to `immutable=1`."""
    path = Path(path)
    if readonly:
        engine = create_engine("sqlite://", creator=lambda: connect_for_reading(
            path, network=network, check_same_thread=False))
    else:
        # Through a URI built without resolving the path (a mapped drive stays a drive letter);
        # the URL names the file only so that SQLAlchemy pools connections as for a file.
        engine = create_engine(URL.create("sqlite", database=str(path)), creator=lambda: sqlite3.connect(
            sqlite_uri(path), uri=True, check_same_thread=False))
    journal = "delete" if network else "wal"

    def on_connect(dbapi_connection, record) -> None:
        dbapi_connection.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        _on_connect(dbapi_connection, record, journal=journal, path=path, readonly=readonly)

    event.listen(engine, "connect", on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def _is_lock(exc: BaseException) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


class Database:
    """An open AzRel file: an engine plus read and write sessions."""

    def __init__(self, path: Path, engine: Engine, *, readonly: bool = False):
        self.path = path
        self.engine = engine
        self.readonly = readonly
        self.notice: str | None = None  # something the user should be told about this file
        self._read = sessionmaker(engine, expire_on_commit=False)
        self._write = sessionmaker(engine.execution_options(azrel_write=True), expire_on_commit=False)
        OPEN_LIBRARIES.add(self)

    def _translate(self, exc: DBAPIError) -> DatabaseError | None:
        if _is_lock(exc):
            return DatabaseLockedError(
                f"{self.path} is busy in another window or program; try again in a moment.")
        if is_corruption(exc):
            return CorruptDatabaseError(
                f"{self.path} turned out to be damaged while in use; `azrel check` (or AzRel Desktop, "
                "which checks the whole file once its window shows) moves it aside and recovers it "
                "from a backup.")
        if "disk i/o" in str(exc).lower() or "disk is full" in str(exc).lower():
            return DatabaseError(f"{self.path} could not be read or written ({exc.orig}); check "
                                 "that the disk has space.")
        return None

    @contextmanager
    def _translated(self) -> Iterator[None]:
        try:
            yield
        except DBAPIError as exc:
            translated = self._translate(exc)
            if translated is None:
                raise
            raise translated from exc

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._translated(), self._read() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        if self.readonly:
            raise DatabaseError(f"{self.path} is open read-only; changes cannot be saved.")
        with self._translated(), self._write.begin() as session:
            yield session

    def before_commit(self, hook: Callable[[Session], None]) -> None:
        """Run `hook(session)` at the end of every write transaction, before it commits (the
        derived data that must follow each write: core/derived)."""
        event.listen(self._write, "before_commit", hook)

    def close(self) -> None:
        OPEN_LIBRARIES.discard(self)
        self.engine.dispose()




def migrate(engine: Engine) -> None:
    from alembic import command

    with engine.execution_options(azrel_write=True).begin() as conn:
        command.upgrade(alembic_config(conn), "head")


def _writable(path: Path) -> bool:
    """Whether the folder (for the journal or write-ahead log beside the file) and the file can
    be written, found by trying: a file created and removed in the folder, a write SQLite is
    asked to begin and then rolls back (see `files.folder_writable`, `files.file_writable`)."""
    return folder_writable(path.parent) and (not path.exists() or file_writable(path))


def network_notice(path: Path, volume: Volume) -> str:
    return (f"{path.name} is on a network drive ({volume.description}), so it is kept without a "
            "write-ahead log, which does not work over a network: saving is a little slower, "
            "and it should be open on one computer at a time. A copy on a local disk is faster.")


def _log_files_writable(path: Path) -> bool:
    """Whether the write-ahead log and shared-memory files, where they exist, can be written:
    another user's `-shm` makes every save fail although the library itself is writable."""
    for suffix in ("-wal", "-shm"):
        extra = path.with_name(path.name + suffix)
        if extra.exists() and not os.access(extra, os.W_OK):
            return False
    return True


def _create_private(path: Path) -> None:
    """Create the new library file (and its folder) readable by the user alone on POSIX; SQLite
    gives its -wal and -shm the file's permissions."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    os.close(fd)


def open_store(
    path: Path | str | None = None,
    *,
    prepare: Callable[[Database], None] | None = None,
    readonly: bool | None = None,
    auto_backup: bool = True,
    busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    progress: Callable[[str], None] | None = None,
    volume: Callable[[Path], Volume] = volume_of,
    sqlite_features: Callable[[], SqliteFeatures] | None = None,
    whole_check: bool = False,
) -> Database:
    """Open (creating, backing up and migrating as needed) the AzRel file at `path`; then
    `prepare(db)` brings what the layers above keep in the file up to date (the corpus, the
    search index: see `core/opening.py`, whose `open_database` is what callers use), inside
    the same handling of a busy or failing file.

    A damaged file is moved aside, never deleted: if a verified backup exists,
    `DamagedDatabaseError` names it for the user to restore; otherwise the user's own records
    are salvaged into a new file at `path` and `Database.notice` says so.

    `volume` says whether `path` is on a network drive (then the file is kept in rollback-journal
    mode, see `make_engine`); `sqlite_features` reports what the SQLite library can do (the app
    refuses, with one sentence, a SQLite too old or built without FTS5 or JSON). Both are
    parameters so that tests can stand in for a network drive or an old SQLite.

    The open checks what it reads (`files.inspect_file(whole=False)`); `whole_check` has it
    check every page first, as the app does when a check in the background found damage.
    """
    ensure_sqlite_features(sqlite_features)
    path = Path(path) if path is not None else default_db_path()
    on_volume = volume(path)
    network = on_volume.network
    notice = None
    try:
        early = take_early_look(path)  # (handed out once: taken even when not used)
        state = inspect_file(path) if whole_check else early or inspect_file(path, whole=False)
    except CorruptDatabaseError as exc:
        from . import recovery  # (only for a damaged file)

        moved = recovery.quarantine(path, timeout_ms=busy_timeout_ms)
        newest = backups.newest_verified_backup(path)
        if newest is not None:
            raise DamagedDatabaseError(
                f"{path} is damaged and was moved aside to {moved.name}; the newest verified "
                f"backup is from {newest.made_at:%Y-%m-%d %H:%M}: restore it with "
                f'`azrel --db "{path}" restore "{newest.path}"` (or File → Restore from backup…).',
                moved_to=moved, backup=newest.path, backup_time=newest.made_at,
            ) from exc
        engine = make_engine(path, busy_timeout_ms=busy_timeout_ms, network=network)
        try:
            migrate(engine)
            report = recovery.salvage(moved, engine)
        finally:
            engine.dispose()
        if report.schema_unreadable:
            notice = (f"{path.name} was damaged and has been moved aside to {moved.name}. No backup was "
                      f"found, and {report.describe()} A new library with the corpus is open in its place.")
        else:
            notice = (f"{path.name} was damaged and has been moved aside to {moved.name}. No backup "
                      f"was found, so your own records (notes, tags, selections, records and citations) were "
                      f"salvaged into a new file and the corpus was reloaded: {report.describe()}")
        state = inspect_file(path)
    head = head_revision()  # from the scripts' text; Alembic itself only for an upgrade
    if state.revision is not None and state.revision != head and not known_revision(state.revision):
        raise NewerDatabaseError(
            f"{path} was written by a newer version of AzRel Desktop (schema {state.revision}); "
            "update the app to open it. The file was left untouched."
        )
    if readonly is None:
        readonly = not _writable(path) or not _log_files_writable(path)
    if readonly:
        if not state.exists or state.revision != head:
            raise DatabaseError(f"{path} is read-only and needs to be created or upgraded first; "
                                "open a writable copy instead.")
        engine = make_engine(path, readonly=True, busy_timeout_ms=busy_timeout_ms, network=network)
        try:
            engine.connect().close()  # a file that cannot be read safely is refused now, not later
        except DBAPIError as exc:
            engine.dispose()
            raise DatabaseError(f"{path} could not be opened: {exc.orig}.") from exc
        except BaseException:
            engine.dispose()
            raise
        db = Database(path, engine, readonly=True)
        db.notice = f"{path.name} is read-only: you can browse and export, but not change notes."
        return db
    if not state.exists:
        _create_private(path)
    backups.clean_leftovers(path.parent)
    if network:
        notice = " ".join(filter(None, (notice, network_notice(path, on_volume))))
    engine = make_engine(path, busy_timeout_ms=busy_timeout_ms, network=network)
    try:
        if state.revision is not None and state.revision != head:
            if progress:
                progress("Backing up before upgrade…")
            backups.make_backup(path, reason=f"before-upgrade-{state.revision}")
        if state.revision != head:
            if progress:
                progress("Preparing the database…")
            migrate(engine)
        db = Database(path, engine)
        db.notice = notice
        if prepare is not None:
            prepare(db)
        if auto_backup and state.has_tables:
            try:
                backups.auto_backup(path)
            except (DatabaseError, OSError, sqlite3.Error):
                pass  # an automatic backup must never stop the user from working
        return db
    except DBAPIError as exc:
        engine.dispose()
        if _is_lock(exc):
            raise DatabaseLockedError(
                f"{path} is busy in another window or program; try again in a moment."
            ) from exc
        raise DatabaseError(f"{path} could not be opened: {exc.orig}.") from exc
    except BaseException:
        engine.dispose()
        raise
