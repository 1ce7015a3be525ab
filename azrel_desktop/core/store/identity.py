"""Which file a path names: one file can have several spellings (a hard link or symlink, another
case on Windows and macOS, the NFC or NFD form of a name like "Şəki" on macOS), so files are
compared by identity where they exist, and backups are grouped by one canonical spelling.

Only `stat` calls: nothing here opens a file (opening and closing the live library outside
SQLite would drop SQLite's POSIX locks).
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path


def same_file(a: Path | str, b: Path | str) -> bool:
    """Whether two paths name one file: by device and inode when both exist (through links, case
    and normalisation), else by their canonical spelling."""
    a, b = Path(a), Path(b)
    try:
        return os.path.samefile(a, b)
    except OSError:
        pass
    return canonical(a) == canonical(b)


def _absolute(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:  # a loop of symlinks, a folder we may not list
        return Path(os.path.abspath(path))


def _names_same_file(spelling: str, path: Path) -> bool:
    try:
        return os.path.samefile(spelling, path)
    except OSError:
        return False


def canonical(path: Path | str) -> str:
    """One spelling for every name of a file: the resolved path, in NFC and in lower case where
    the system says that spelling is the same file (case-insensitive or normalising file systems;
    a hard link under that spelling counts too). A missing file keeps its resolved spelling."""
    path = _absolute(Path(path))
    text = str(path)
    nfc = unicodedata.normalize("NFC", text)
    if nfc != text and _names_same_file(nfc, path):
        text = nfc
    for lowered in (text.lower(), str(Path(text).parent / Path(text).name.lower())):
        if lowered != text and _names_same_file(lowered, path):
            return lowered
    return text
