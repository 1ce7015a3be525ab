"""Where the app remembers things between runs: one INI file in the settings folder.

The folder is `Library.settings_dir()`: `AZREL_SETTINGS_DIR`, else `settings` inside
`AZREL_DATA_DIR`, else the platform's per-user configuration folder. Qt's own state (the file
dialogs' last folder and view, which Qt writes under the organisation "QtProject" in its
native format) is routed to the same folder where Qt allows it: on Linux and the other Unix
systems, where the native format is a file. On Windows and macOS Qt keeps that one small
entry in the registry / its preferences plist and cannot be redirected.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from ...core.service import Library

ORGANISATION = "AzRel"
APPLICATION = "AzRel Desktop"
FILE_NAME = "azrel-desktop.ini"

_legacy: list[str] = []  # where settings lived before they followed the settings folder


def route_qt_settings() -> Path:
    """Send every QSettings made by name (Qt's file dialogs included) to the settings folder
    as INI files; returns the folder. Cheap, and called again whenever settings are read, so
    a folder moved by the environment (the tests do that) is followed."""
    if not _legacy:
        _legacy.append(QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                                 ORGANISATION, APPLICATION).fileName())
    folder = Library.settings_dir()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        # the native format's path is honoured only where it is a file (Unix); elsewhere ignored
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
    return folder


def settings_path() -> Path:
    return Library.settings_dir() / FILE_NAME


def settings() -> QSettings:
    folder = route_qt_settings()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / FILE_NAME
    fresh = not path.exists()
    s = QSettings(str(path), QSettings.Format.IniFormat)
    if fresh and _legacy and _legacy[0] != str(path):
        _carry_over(Path(_legacy[0]), s)
    return s


def _carry_over(old: Path, into: QSettings) -> None:
    """A user upgrading keeps their window and filter: the settings of the previous location
    (Qt's default for the organisation and application) are copied once, never moved."""
    if not old.is_file():
        return
    previous = QSettings(str(old), QSettings.Format.IniFormat)
    for key in previous.allKeys():
        into.setValue(key, previous.value(key))
    into.sync()
