"""Backups of the user's file: made with the SQLite backup API (never a file copy), written to
a temporary name, verified with `quick_check`, then renamed into place.

Automatic backups go to `backups/` in the per-user data directory, at most one a day and only
when the notes changed since the last one, keeping a few generations. Restoring first saves
the current file aside (also through the backup API), then writes the backup's pages into the
live file, so WAL and other connections see a consistent database.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from ..errors import CorruptDatabaseError, DatabaseError, NotADatabaseError
from .files import data_dir, inspect_file, readonly_uri, sqlite_uri
from .identity import canonical, same_file
from .in_use import BUSY_TIMEOUT_MS, IN_USE, sole_connection
from .scripts import known_revision

AUTO_KEEP = 5
AUTO_EVERY = timedelta(days=1)
LAST_BACKUP_KEY = "last_backup"
PARTIAL = ".azrel-partial"
LEFTOVER_AGE = timedelta(hours=1)
SPACE_MARGIN = 8 * 2**20  # bytes kept free beyond what a restore writes


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made_at: datetime
    reason: str
    size: int


def backup_to(source: sqlite3.Connection, target: Path, *, verify: bool = True) -> Path:
    """Copy a live database with the SQLite backup API to a temporary name, verify, rename.

    The temporary file is created exclusively (never through a link planted under its name),
    private to the user, and removed on any failure. `verify=False` copies the pages of a file
    SQLite finds damaged, to keep them."""
    tmp: Path | None = None
    try:
        make_folder(target.parent)
        tmp = temporary_beside(target)
        dest = sqlite3.connect(sqlite_uri(tmp), uri=True)
        try:
            source.backup(dest)
            check = dest.execute("PRAGMA quick_check").fetchall() if verify else [("ok",)]
        finally:
            dest.close()
        if check != [("ok",)]:
            raise DatabaseError(f"the backup {target} failed its integrity check.")
        os.replace(tmp, target)
    except (sqlite3.Error, OSError) as exc:
        _discard(tmp)
        raise DatabaseError(
            f"the backup to {target} could not be written ({_reason(exc)}); the database and any "
            "earlier backup are untouched.") from exc
    except BaseException:
        _discard(tmp)
        raise
    return target


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc)


def temporary_beside(target: Path) -> Path:
    """A new, empty, private file beside `target`, created exclusively (`O_EXCL`: a link planted
    under a predictable name is never followed), named so that `clean_leftovers` knows it."""
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=PARTIAL)
    os.close(fd)
    return Path(name)


def _discard(tmp: Path | None) -> None:
    if tmp is None:
        return
    for extra in ("", "-journal", "-wal", "-shm"):
        with contextlib.suppress(OSError):
            tmp.with_name(tmp.name + extra).unlink(missing_ok=True)


def make_folder(folder: Path) -> None:
    """Create `folder` (and missing parents) private to the user; an existing folder is left as
    it is."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)


def clean_leftovers(*folders: Path, older_than: timedelta = LEFTOVER_AGE) -> list[Path]:
    """Remove temporary files a killed process or a full disk left behind: AzRel's own
    `*.azrel-partial` files (and their journals) in `folders`, and the `*.partial` backups of
    earlier versions in the backups folder. Only files untouched for `older_than`, so a backup
    another process is writing right now is left alone."""
    removed = []
    limit = datetime.now().timestamp() - older_than.total_seconds()
    for folder in {*folders, backups_dir()}:
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        legacy = folder == backups_dir()
        for entry in entries:
            name = entry.name
            ours = any(name.endswith(PARTIAL + extra) for extra in ("", "-journal", "-wal", "-shm"))
            old_style = legacy and any(name.endswith(".sqlite3.partial" + extra) for extra in ("", "-journal"))
            if not (ours or old_style):
                continue
            try:
                if entry.is_file(follow_symlinks=False) and entry.stat(follow_symlinks=False).st_mtime < limit:
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
            except OSError:
                continue
    return removed


def backups_dir() -> Path:
    return data_dir() / "backups"


def _family(db_path: Path) -> str:
    """A stable name for all backups of one database file, whatever spelling names it."""
    spelling = canonical(db_path)
    digest = hashlib.sha256(spelling.encode("utf-8")).hexdigest()[:8]
    return f"{Path(spelling).stem}-{digest}"


def _families(db_path: Path) -> list[str]:
    """The family, and the name earlier versions gave it (from the resolved path's text)."""
    legacy = hashlib.sha256(str(Path(db_path).resolve()).encode("utf-8")).hexdigest()[:8]
    return list(dict.fromkeys((_family(db_path), f"{Path(db_path).stem}-{legacy}")))


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y%m%d-%H%M%S-%f")


def _connect_ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(readonly_uri(path), uri=True)


def _companions(db_path: Path) -> list[Path]:
    return [db_path.with_name(db_path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


def _refuse_target(db_path: Path, target: Path) -> None:
    """A backup never replaces its database (under any name), its logs, a folder or a file that
    is not an AzRel database."""
    if same_file(target, db_path) or any(same_file(target, c) for c in _companions(db_path)):
        raise DatabaseError("a backup cannot overwrite the database it backs up.")
    if target.is_dir():
        raise DatabaseError(f"{target} is a folder; give a file name for the backup.")
    if not target.exists():
        if not target.parent.is_dir():
            raise DatabaseError(f"the folder {target.parent} does not exist; create it or choose another.")
        return
    try:
        state = inspect_file(target)
    except DatabaseError:
        state = None
    if state is None or state.revision is None:
        raise DatabaseError(f"{target} exists and is not an AzRel backup; choose another name "
                            "(the file was left untouched).")


def make_backup(db_path: Path, target: Path | None = None, *, reason: str = "manual") -> BackupInfo:
    """Back up `db_path` (to `target`, or into the backups folder) and return what was made."""
    db_path = Path(db_path)
    inspect_file(db_path)  # refuses a damaged or foreign file before anything is written
    moment = datetime.now()
    if target is None:
        make_folder(backups_dir())
        target = backups_dir() / f"{_family(db_path)}-{_stamp(moment)}-{reason}.sqlite3"
    target = Path(target)
    _refuse_target(db_path, target)
    src = _connect_ro(db_path)
    try:
        backup_to(src, target)
    finally:
        src.close()
    return BackupInfo(target, moment, reason, target.stat().st_size)


def list_backups(db_path: Path) -> list[BackupInfo]:
    """Backups of this file in the backups folder, newest first."""
    folder = backups_dir()
    try:
        names = [entry.name for entry in os.scandir(folder) if entry.name.endswith(".sqlite3")]
    except OSError:
        return []
    found = {}
    for family in _families(Path(db_path)):
        prefix = family + "-"
        for name in names:
            if not name.startswith(prefix):
                continue
            parts = name[len(prefix):-len(".sqlite3")].split("-")
            try:
                made = datetime.strptime("-".join(parts[:3]), "%Y%m%d-%H%M%S-%f")
                size = (folder / name).stat().st_size
            except (ValueError, OSError):
                continue
            found[name] = BackupInfo(folder / name, made, "-".join(parts[3:]) or "manual", size)
    return sorted(found.values(), key=lambda b: b.made_at, reverse=True)


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


def _free_space(folder: Path) -> int:
    return shutil.disk_usage(folder).free


def _size_with_log(path: Path) -> int:
    total = 0
    for p in (path, path.with_name(path.name + "-wal")):
        with contextlib.suppress(OSError):
            total += p.stat().st_size
    return total


def _megabytes(n: int) -> str:
    return f"{n / 2**20:,.1f} MB"


def _check_live_file(db_path: Path) -> bool:
    """Refuse to restore over anything but an AzRel library; True if the library is damaged."""
    if db_path.is_dir():
        raise DatabaseError(f"{db_path} is a folder, not an AzRel library; restore only replaces a library.")
    if not db_path.parent.is_dir():
        raise DatabaseError(f"the folder {db_path.parent} does not exist; restore into an existing library.")
    if not db_path.exists() or db_path.stat().st_size == 0:
        return False
    try:
        state = inspect_file(db_path)
    except CorruptDatabaseError:
        return True
    except NotADatabaseError as exc:
        raise DatabaseError(f"{db_path} is not an AzRel library, so restore will not replace it; "
                            "it was left untouched.") from exc
    if state.revision is None and state.has_tables:
        raise DatabaseError(f"{db_path} is not an AzRel library, so restore will not replace it; "
                            "it was left untouched.")
    return False


def _keep_aside(con: sqlite3.Connection, db_path: Path, damaged: bool) -> Path:
    """Copy the current library (through SQLite: its pages, damaged or not) to a new name beside
    it; raise DatabaseError, with the live file untouched, if it cannot."""
    aside = db_path.with_name(f"{db_path.stem}.replaced-{_stamp(datetime.now())}{db_path.suffix or '.sqlite3'}")
    try:
        backup_to(con, aside, verify=not damaged)
    except DatabaseError as exc:
        raise DatabaseError(
            f"the current library could not be kept aside before the restore ({_reason(exc.__cause__ or exc)}; "
            f"check that the disk has space); nothing was changed and {db_path} is as it was.") from exc
    return aside


def restore(db_path: Path, backup: Path, *, timeout_ms: int = BUSY_TIMEOUT_MS) -> Path | None:
    """Replace the contents of `db_path` with `backup`; return where the old contents were kept.

    Only an AzRel library (or nothing) is ever replaced, and never while another program has it
    open. The live file is never renamed: the current contents are first copied aside through
    SQLite, then the backup's pages are written into the live file through the backup API, in
    one transaction, so a failure (a full disk) leaves the library as it was.
    """
    db_path, backup = Path(db_path), Path(backup)
    if not backup.exists():
        raise DatabaseError(f"there is no backup at {backup}.")
    state = inspect_file(backup)
    if state.revision is None:
        raise DatabaseError(f"{backup} is not an AzRel database backup.")
    if not known_revision(state.revision):
        raise DatabaseError(f"{backup} comes from a newer version of AzRel Desktop; update the app first.")
    if same_file(backup, db_path):
        raise DatabaseError(f"{backup} is the library itself, not a backup of it.")
    damaged = _check_live_file(db_path)
    current = _size_with_log(db_path) if db_path.exists() else 0
    needed = current + 2 * _size_with_log(backup) + SPACE_MARGIN  # the copy aside, the log, the file
    free = _free_space(db_path.parent)
    if free < needed:
        raise DatabaseError(
            f"not enough space to restore safely: it needs about {_megabytes(needed)} free beside "
            f"{db_path.name}, and {_megabytes(free)} is free; nothing was changed.")
    if not db_path.exists():
        fd = os.open(db_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
    aside = None
    refusal = f"{db_path} cannot be restored now: it is {IN_USE}; close it there and try again."
    with sole_connection(db_path, timeout_ms, refusal=refusal) as dest:
        if current:
            aside = _keep_aside(dest, db_path, damaged)
        src = _connect_ro(backup)
        try:
            src.backup(dest)
            check = dest.execute("PRAGMA quick_check").fetchall()
        except sqlite3.Error as exc:
            kept = f"; its earlier contents are also kept as {aside}" if aside else ""
            raise DatabaseError(
                f"the backup could not be written into {db_path} ({_reason(exc)}; check that the disk "
                f"has space), so the library is as it was{kept}.") from exc
        finally:
            src.close()
        if check != [("ok",)]:
            raise DatabaseError(f"the restored file failed its integrity check: {check[0][0]}.")
    return aside
