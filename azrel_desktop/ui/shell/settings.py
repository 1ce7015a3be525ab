"""Where the window remembers things between runs (QSettings, INI format).

`AZREL_SETTINGS_DIR` moves the file (the tests use it so they never touch a user's settings).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings

ORGANISATION = "AzRel"
APPLICATION = "AzRel Desktop"


def settings() -> QSettings:
    folder = os.environ.get("AZREL_SETTINGS_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        return QSettings(str(Path(folder) / "azrel-desktop.ini"), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION)
