"""The first start says what it is doing from its first moment: the progress dialog is on
screen before the file is created and while the window's modules are imported, and it names
each stage the opening reports through the runner."""

from __future__ import annotations

import threading

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog

from azrel_desktop.core.service import Library
from azrel_desktop.ui.shell.app import CREATING, open_in_background


def visible_dialogs() -> list[str]:
    return [w.labelText() for w in QApplication.topLevelWidgets()
            if isinstance(w, QProgressDialog) and w.isVisible()]


def test_a_new_library_shows_progress_at_once_and_names_each_stage(qapp, tmp_path):
    path = tmp_path / "new.sqlite3"
    at_start: list[list[str]] = []
    stages: list[list[str]] = []
    shown = threading.Event()

    def opener(p, progress):
        progress("Loading the seed corpus…")
        shown.wait(10)  # held until the GUI has shown this stage
        return Library.open(p, progress=progress)

    def meanwhile():  # the GUI thread busy importing the window: the dialog is already up
        at_start.append(visible_dialogs())

    def look():
        labels = visible_dialogs()
        if "Loading the seed corpus…" in labels:
            stages.append(labels)
            shown.set()
        else:
            QTimer.singleShot(10, look)

    QTimer.singleShot(0, look)
    library, error = open_in_background(path, opener=opener, meanwhile=meanwhile)
    try:
        assert error is None
        # shown before the GUI thread got busy, with its first words or a stage reported since
        assert len(at_start) == 1 and len(at_start[0]) == 1
        assert at_start[0][0] in (CREATING, "Loading the seed corpus…", "Preparing the database…")
        assert stages == [["Loading the seed corpus…"]]
        assert visible_dialogs() == []  # gone once the library is open
        assert library.total() > 0
    finally:
        library.close()
