"""The errors that say a library file cannot be used (each message is one sentence for the
user), and `ExportCancelled`, the user's Cancel of a file being written.

Standard library only, so the first look at a file (`files.py`) can raise them before the rest
of the app is imported.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path


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


class DamagedDatabaseError(CorruptDatabaseError):
    """A damaged file was moved aside and a verified backup can replace it."""

    def __init__(self, message: str, *, moved_to: Path, backup: Path, backup_time: datetime):
        super().__init__(message)
        self.moved_to = moved_to
        self.backup = backup
        self.backup_time = backup_time


class ExportCancelled(Exception):
    """The user cancelled an export; the caller discards the partial file."""
