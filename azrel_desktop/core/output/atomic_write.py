"""Writing an export's file whole or not at all: a temporary file beside it, replaced into place,
never onto a library, its backups or its logs. Standard library only (the command line's fast
export uses it without SQLAlchemy)."""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import stat
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from ..store.backups import PARTIAL, backups_dir
from ..store.files import SQLITE_HEADER
from ..store.identity import same_file
from ..store.in_use import open_library_paths


class OutputError(OSError):
    """An output file that cannot or must not be written; the message is one sentence naming
    the user's file (never a temporary one). An OSError, as the failure to write a file is."""


REPLACE_ATTEMPTS = 6
REPLACE_PAUSES = (0.05, 0.1, 0.2, 0.4, 0.8)  # seconds: an antivirus scan of a new file is brief

# Names Windows gives to devices in every folder: `NUL`, `CON`, `COM1`, also with an extension.
_WINDOWS_DEVICE = re.compile(r"(?i)(?:con|prn|aux|nul|com[1-9]|lpt[1-9]|conin\$|conout\$)(?:\..*)?")


def is_device_name(name: str, *, windows: bool = sys.platform == "win32") -> bool:
    """Whether `name` is a device on Windows (`-o NUL`), where it is one."""
    return windows and _WINDOWS_DEVICE.fullmatch(name.rstrip(" .")) is not None


def _special(path: Path) -> bool:
    """A device, a pipe or a socket: written through, never replaced by a regular file."""
    if is_device_name(path.name):
        return True
    try:
        return not stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def writes_through(path: Path) -> bool:
    """Whether `write_atomically` writes `path` directly (a device or a pipe), not whole or not at all."""
    return _special(Path(path))


def _refuse_protected(path: Path) -> None:
    """An export never replaces a library open in this process, its logs, a backup, or any
    SQLite database."""
    for library in open_library_paths():
        for protected in (library, *(library.with_name(library.name + s) for s in ("-wal", "-shm", "-journal"))):
            if same_file(path, protected):
                raise OutputError(f"{path} is the library AzRel has open (or one of its files); an export "
                                  "never replaces it: choose another file name.")
    if not path.exists() or _special(path):
        return
    if same_file(path.parent, backups_dir()):
        raise OutputError(f"{path} is in the backups folder; an export never replaces a backup: "
                          "choose another file name.")
    try:
        with path.open("rb") as fh:  # not an open library (checked above), so no lock to lose
            header = fh.read(len(SQLITE_HEADER))
    except OSError:
        return
    if header == SQLITE_HEADER:
        raise OutputError(f"{path} is a database, not a spreadsheet; an export never replaces a "
                          "database: choose another file name.")


def _new_file_beside(path: Path):
    """A new temporary file beside `path`, created exclusively (a link planted under its name is
    never followed) with the permissions the user's umask gives a new file."""
    for _ in range(100):
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}{PARTIAL}")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        except FileExistsError:
            continue
        return tmp, fd
    raise OutputError(f"no temporary file could be made beside {path}.")


def _replace(tmp: Path, path: Path, replace: Callable, pause: Callable[[float], None]) -> None:
    """Rename, retrying a few times while another program (an antivirus scanning the new file, a
    spreadsheet holding the old one) keeps it; then one sentence naming the user's file."""
    for attempt in range(REPLACE_ATTEMPTS):
        try:
            replace(tmp, path)
            return
        except PermissionError as exc:
            if attempt + 1 == REPLACE_ATTEMPTS:
                raise OutputError(
                    f"{path} could not be replaced: it is open in another program (a spreadsheet, "
                    "say) or may not be written; close it there and export again. It was left as "
                    "it was.") from exc
            pause(REPLACE_PAUSES[min(attempt, len(REPLACE_PAUSES) - 1)])


def write_atomically(path, write: Callable[[TextIO], int], *, replace: Callable = os.replace,
                     pause: Callable[[float], None] = time.sleep) -> int:
    """Run `write` into a temporary file beside `path`, then rename it into place.

    An existing file at `path` is replaced only once the new one is complete: a failure
    (disk full, cancel) leaves the old file as it was and removes the partial one. A device or a
    pipe (`-o /dev/null`, `NUL`) is written through instead. The open library, its logs, its
    backups and any database are refused. `replace` and `pause` are the rename and the wait
    between its attempts.
    """
    path = Path(path)
    _refuse_protected(path)
    if _special(path):
        with path.open("w", encoding="utf-8", newline="") as out:
            return write(out)
    tmp, fd = _new_file_beside(path)
    try:
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
                count = write(out)
                out.flush()
                os.fsync(out.fileno())
            with contextlib.suppress(OSError):
                os.chmod(tmp, stat.S_IMODE(path.stat().st_mode))  # a replaced file keeps its permissions
        except OSError as exc:
            raise OutputError(f"{path} could not be written ({exc.strerror or exc}; check that the disk "
                              "has space); an earlier file of that name was left as it was.") from exc
        _replace(tmp, path, replace, pause)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise
    return count
