"""Backups of the user's file: made with the SQLite backup API (never a file copy), written to
a temporary name, verified with `quick_check`, then renamed into place.

Automatic backups go to `backups/` in the per-user data directory, at most one a day and only
when the notes changed since the last one, keeping a few generations. Restoring first saves
the current file aside (also through the backup API), then writes the backup's pages into the
live file, so WAL and other connections see a consistent database.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from ..errors import DatabaseError
from .database import _known_revision
from .files import data_dir, inspect_file, readonly_uri

AUTO_KEEP = 5
AUTO_EVERY = timedelta(days=1)
LAST_BACKUP_KEY = "last_backup"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made_at: datetime
    reason: str
    size: int


def backup_to(source: sqlite3.Connection, target: Path) -> Path:
    """Copy a live database with the SQLite backup API to a temporary name, verify, rename."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".partial")
    tmp.unlink(missing_ok=True)
    try:
        dest = sqlite3.connect(tmp)
        try:
            source.backup(dest)
            check = dest.execute("PRAGMA quick_check").fetchall()
        finally:
            dest.close()
        if check != [("ok",)]:
            raise DatabaseError(f"the backup {target} failed its integrity check.")
        os.replace(tmp, target)
    except (sqlite3.Error, OSError) as exc:
        tmp.unlink(missing_ok=True)
        raise DatabaseError(
            f"the backup to {target} could not be written ({exc}); the database and any earlier "
            "backup are untouched.") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


def backups_dir() -> Path:
    return data_dir() / "backups"


def _family(db_path: Path) -> str:
    """A stable name for all backups of one database file."""
    digest = hashlib.sha256(str(db_path.resolve()).encode("utf-8")).hexdigest()[:8]
    return f"{db_path.stem}-{digest}"


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y%m%d-%H%M%S-%f")


def _connect_ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(readonly_uri(path), uri=True)


def make_backup(db_path: Path, target: Path | None = None, *, reason: str = "manual") -> BackupInfo:
    """Back up `db_path` (to `target`, or into the backups folder) and return what was made."""
    db_path = Path(db_path)
    inspect_file(db_path)  # refuses a damaged or foreign file before anything is written
    moment = datetime.now()
    if target is None:
        target = backups_dir() / f"{_family(db_path)}-{_stamp(moment)}-{reason}.sqlite3"
    target = Path(target)
    if target.exists() and target.resolve() == db_path.resolve():
        raise DatabaseError("a backup cannot overwrite the database it backs up.")
    src = _connect_ro(db_path)
    try:
        backup_to(src, target)
    finally:
        src.close()
    return BackupInfo(target, moment, reason, target.stat().st_size)


def list_backups(db_path: Path) -> list[BackupInfo]:
    """Backups of this file in the backups folder, newest first."""
    folder = backups_dir()
    if not folder.is_dir():
        return []
    found = []
    prefix = _family(Path(db_path)) + "-"
    for path in folder.glob(prefix + "*.sqlite3"):
        rest = path.stem[len(prefix):]
        parts = rest.split("-")
        try:
            made = datetime.strptime("-".join(parts[:3]), "%Y%m%d-%H%M%S-%f")
        except ValueError:
            continue
        found.append(BackupInfo(path, made, "-".join(parts[3:]) or "manual", path.stat().st_size))
    return sorted(found, key=lambda b: b.made_at, reverse=True)


def verified(path: Path) -> bool:
    try:
        state = inspect_file(Path(path))
    except DatabaseError:
        return False
    return state.revision is not None


def newest_verified_backup(db_path: Path) -> BackupInfo | None:
    for info in list_backups(db_path):
        if verified(info.path):
            return info
    return None


def _fingerprint(con: sqlite3.Connection) -> str:
    row = con.execute(
        "SELECT (SELECT count(*) FROM annotations), (SELECT max(updated_at) FROM annotations), "
        "(SELECT count(*) FROM passages WHERE kind = 'user'), "
        "(SELECT value FROM app_meta WHERE key = 'seed_version')").fetchone()
    return json.dumps(row, default=str)


def auto_backup(db_path: Path, *, now: datetime | None = None) -> BackupInfo | None:
    """Back up when the last automatic backup is a day old and the notes changed since."""
    db_path = Path(db_path)
    now = now or datetime.now()
    con = sqlite3.connect(db_path)
    try:
        con.execute("PRAGMA busy_timeout = 5000")
        fingerprint = _fingerprint(con)
        row = con.execute("SELECT value FROM app_meta WHERE key = ?", (LAST_BACKUP_KEY,)).fetchone()
        last = json.loads(row[0]) if row else None
        if last and last.get("fingerprint") == fingerprint:
            return None
        if last and now - datetime.fromisoformat(last["at"]) < AUTO_EVERY:
            return None
        info = make_backup(db_path, reason="auto")
        with con:
            con.execute("INSERT OR REPLACE INTO app_meta(key, value) VALUES (?, ?)",
                        (LAST_BACKUP_KEY, json.dumps({"at": now.isoformat(), "fingerprint": fingerprint,
                                                      "path": str(info.path)})))
    finally:
        con.close()
    prune(db_path)
    return info


def prune(db_path: Path, keep: int = AUTO_KEEP) -> list[Path]:
    """Remove automatic backups beyond the newest `keep`; manual ones are never removed."""
    autos = [b for b in list_backups(db_path) if b.reason == "auto"]
    removed = []
    for info in autos[keep:]:
        info.path.unlink(missing_ok=True)
        removed.append(info.path)
    return removed


def restore(db_path: Path, backup: Path) -> Path | None:
    """Replace the contents of `db_path` with `backup`; return where the old contents were kept."""
    db_path, backup = Path(db_path), Path(backup)
    if not backup.exists():
        raise DatabaseError(f"there is no backup at {backup}.")
    state = inspect_file(backup)
    if state.revision is None:
        raise DatabaseError(f"{backup} is not an AzRel database backup.")
    if not _known_revision(state.revision):
        raise DatabaseError(f"{backup} comes from a newer version of AzRel Desktop; update the app first.")
    aside = None
    if db_path.exists() and db_path.stat().st_size > 0:
        aside = db_path.with_name(f"{db_path.stem}.replaced-{_stamp(datetime.now())}{db_path.suffix or '.sqlite3'}")
        try:
            current = _connect_ro(db_path)
            try:
                backup_to(current, aside)
            finally:
                current.close()
        except (sqlite3.DatabaseError, DatabaseError):
            # A damaged file cannot be read through the backup API: keep its bytes aside instead.
            os.replace(db_path, aside)
            for suffix in ("-wal", "-shm"):
                extra = db_path.with_name(db_path.name + suffix)
                if extra.exists():
                    os.replace(extra, aside.with_name(aside.name + suffix))
    src = _connect_ro(backup)
    dest = sqlite3.connect(db_path)
    try:
        dest.execute("PRAGMA busy_timeout = 8000")
        src.backup(dest)
        check = dest.execute("PRAGMA quick_check").fetchall()
        if check != [("ok",)]:
            raise DatabaseError(f"the restored file failed its integrity check: {check[0][0]}.")
    finally:
        src.close()
        dest.close()
    return aside
