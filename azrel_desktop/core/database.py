"""Opening the user's SQLite file: checks, backup, migration to head, connection settings.

`open_database` is the one way in, for the GUI, the CLI and the tests. It refuses, with one
clear sentence and without writing a byte, a file that is not SQLite, a SQLite file that is
not AzRel's, a file from a newer version, and a damaged file. An older file is backed up with
the SQLite backup API before it is upgraded.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from platformdirs import user_data_dir
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from .models import Base
from .resources import migrations_dir

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 8000
APP_NAME = "AzRel Desktop"
APP_AUTHOR = "AzRel"


class DatabaseError(Exception):
    """A database that cannot be used; the message is one sentence for the user."""


class NotADatabaseError(DatabaseError):
    pass


class NewerDatabaseError(DatabaseError):
    pass


class CorruptDatabaseError(DatabaseError):
    pass


class DatabaseLockedError(DatabaseError):
    pass


def data_dir() -> Path:
    return Path(user_data_dir(APP_NAME, APP_AUTHOR))


def default_db_path() -> Path:
    """`AZREL_DB` if set, else `azrel.sqlite3` in the per-user data directory."""
    env = os.environ.get("AZREL_DB")
    if env:
        return Path(env).expanduser()
    return data_dir() / "azrel.sqlite3"


def alembic_config(connection=None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    cfg.attributes["connection"] = connection
    cfg.attributes["target_metadata"] = Base.metadata
    return cfg


def head_revision() -> str:
    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    return heads[0]


def _known_revision(revision: str) -> bool:
    script = ScriptDirectory.from_config(alembic_config())
    try:
        return script.get_revision(revision) is not None
    except CommandError:
        return False


@dataclass(frozen=True)
class FileState:
    """What a look at a file, without writing to it, found."""

    exists: bool
    revision: str | None
    has_tables: bool


def _readonly_uri(path: Path) -> str:
    return path.resolve().as_uri() + "?mode=ro"


def inspect_file(path: Path) -> FileState:
    """Classify a file without writing to it; raise DatabaseError if it is unusable."""
    if not path.exists():
        return FileState(False, None, False)
    if path.is_dir():
        raise NotADatabaseError(f"{path} is a folder, not an AzRel database file.")
    with path.open("rb") as fh:
        header = fh.read(len(SQLITE_HEADER))
    if header == b"" and path.stat().st_size == 0:
        return FileState(True, None, False)
    if header != SQLITE_HEADER:
        raise NotADatabaseError(
            f"{path} is not a SQLite database (it may be another kind of file); it was left untouched."
        )
    try:
        con = sqlite3.connect(_readonly_uri(path), uri=True)
    except sqlite3.Error as exc:
        raise CorruptDatabaseError(f"{path} could not be opened: {exc}.") from exc
    try:
        try:
            check = con.execute("PRAGMA quick_check").fetchall()
        except sqlite3.DatabaseError as exc:
            raise CorruptDatabaseError(
                f"{path} is damaged ({exc}); it was left untouched."
            ) from exc
        if check != [("ok",)]:
            raise CorruptDatabaseError(
                f"{path} is damaged (integrity check: {check[0][0]}); it was left untouched."
            )
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        revision = None
        if "alembic_version" in tables:
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        elif tables:
            raise NotADatabaseError(
                f"{path} is a SQLite database from another program, not AzRel; it was left untouched."
            )
        return FileState(True, revision, bool(tables))
    finally:
        con.close()


def _on_connect(dbapi_connection, _record) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN itself, so writes can take BEGIN IMMEDIATE.
    dbapi_connection.isolation_level = None
    dbapi_connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    dbapi_connection.execute("PRAGMA foreign_keys = ON")
    mode = dbapi_connection.execute("PRAGMA journal_mode").fetchone()[0]
    if mode != "wal":
        try:
            dbapi_connection.execute("PRAGMA journal_mode = WAL")
        except sqlite3.OperationalError:
            pass  # a read-only file keeps its journal mode
    dbapi_connection.execute("PRAGMA synchronous = FULL")


def _on_begin(conn) -> None:
    if conn.get_execution_options().get("azrel_write"):
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.exec_driver_sql("BEGIN")


def make_engine(path: Path, *, readonly: bool = False) -> Engine:
    if readonly:
        engine = create_engine(
            "sqlite://", creator=lambda: sqlite3.connect(_readonly_uri(path), uri=True,
                                                         check_same_thread=False)
        )
    else:
        engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def backup_to(source: sqlite3.Connection, target: Path) -> Path:
    """Copy a live database with the SQLite backup API to a temporary name, verify, rename."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".partial")
    if tmp.exists():
        tmp.unlink()
    dest = sqlite3.connect(tmp)
    try:
        source.backup(dest)
        check = dest.execute("PRAGMA quick_check").fetchall()
        if check != [("ok",)]:
            raise DatabaseError(f"the backup {target} failed its integrity check.")
    finally:
        dest.close()
    os.replace(tmp, target)
    return target


def backup_file(path: Path, target: Path) -> Path:
    src = sqlite3.connect(_readonly_uri(path), uri=True)
    try:
        return backup_to(src, target)
    finally:
        src.close()


def pre_migration_backup_path(path: Path, revision: str) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    return path.with_name(f"{path.stem}.before-upgrade-{revision}-{stamp}{path.suffix or '.sqlite3'}")


class Database:
    """An open AzRel file: an engine plus read and write sessions."""

    def __init__(self, path: Path, engine: Engine, *, readonly: bool = False):
        self.path = path
        self.engine = engine
        self.readonly = readonly
        self._read = sessionmaker(engine, expire_on_commit=False)
        self._write = sessionmaker(engine.execution_options(azrel_write=True), expire_on_commit=False)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._read() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        if self.readonly:
            raise DatabaseError(f"{self.path} is open read-only; changes cannot be saved.")
        try:
            with self._write.begin() as session:
                yield session
        except OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise DatabaseLockedError(
                    f"{self.path} is busy in another window or program; try again in a moment."
                ) from exc
            raise

    def close(self) -> None:
        self.engine.dispose()


def migrate(engine: Engine) -> None:
    with engine.execution_options(azrel_write=True).begin() as conn:
        command.upgrade(alembic_config(conn), "head")


def open_database(
    path: Path | str | None = None,
    *,
    seed: bool = True,
    progress: Callable[[str], None] | None = None,
) -> Database:
    """Open (creating, backing up, migrating and seeding as needed) the AzRel file at `path`."""
    path = Path(path) if path is not None else default_db_path()
    state = inspect_file(path)
    if state.revision is not None and not _known_revision(state.revision):
        raise NewerDatabaseError(
            f"{path} was written by a newer version of AzRel Desktop (schema {state.revision}); "
            "update the app to open it. The file was left untouched."
        )
    readonly = state.exists and not os.access(path, os.W_OK)
    if readonly:
        if state.revision != head_revision():
            raise DatabaseError(f"{path} is read-only and needs an upgrade; make it writable first.")
        return Database(path, make_engine(path, readonly=True), readonly=True)
    if not state.exists:
        path.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(path)
    try:
        if state.revision is not None and state.revision != head_revision():
            if progress:
                progress("Backing up before upgrade…")
            backup_file(path, pre_migration_backup_path(path, state.revision))
        if state.revision != head_revision():
            if progress:
                progress("Preparing the database…")
            migrate(engine)
        db = Database(path, engine)
        if seed:
            from .seed import ensure_seeded

            ensure_seeded(db, progress=progress)
        return db
    except OperationalError as exc:
        engine.dispose()
        if "locked" in str(exc) or "busy" in str(exc):
            raise DatabaseLockedError(
                f"{path} is busy in another window or program; try again in a moment."
            ) from exc
        raise DatabaseError(f"{path} could not be opened: {exc.orig}.") from exc
    except BaseException:
        engine.dispose()
        raise
