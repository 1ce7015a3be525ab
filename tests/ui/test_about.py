"""Help → About names the version and licence of every component the app runs on."""

from __future__ import annotations

import sqlite3
import sys

import PySide6
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from azrel_desktop import __version__
from azrel_desktop.ui.shell.about import about_text, components, licences_text, missing_required, runtime_distributions


def test_components_are_read_from_the_running_installation():
    found = {c.name.lower().replace("_", "-"): c for c in components()}
    assert found["python"].version == sys.version.split()[0]
    assert found["qt"].version == PySide6.QtCore.qVersion() and found["qt"].licence == "LGPL-3.0-only"
    assert found["sqlite"].version == sqlite3.sqlite_version
    assert found["pyside6-essentials"].version == PySide6.__version__
    assert "LGPL" in found["pyside6-essentials"].licence
    assert found["sqlalchemy"].licence == "MIT"
    assert all(c.licence and c.version for c in found.values())


def test_every_runtime_requirement_is_named_with_what_it_requires():
    """The app's own requirements (read from its metadata) and theirs, not a list kept by hand:
    a dependency of a dependency (Mako, through alembic) is there too."""
    names = {d.metadata["Name"].lower().replace("_", "-") for d in runtime_distributions()}
    assert {"pyside6-essentials", "sqlalchemy", "alembic", "numpy", "mako", "shiboken6"} <= names
    assert "pytest" not in names and "azrel-desktop" not in names  # a test extra; the app itself
    assert missing_required([c.name for c in components()]) == []
    assert missing_required(["Python", "Qt"]) == ["SQLite", "PySide6-Essentials", "SQLAlchemy", "alembic",
                                                  "platformdirs", "PyYAML", "numpy"]


def test_licences_text_lists_every_component():
    text = licences_text()
    for c in components():
        assert f"{c.name} {c.version}: {c.licence}" in text
    assert "LGPL version 3" in text


def test_the_about_box_shows_versions_and_licences(qtbot, library):
    from azrel_desktop.ui.shell.main_window import MainWindow

    window = MainWindow(library, restore=False)
    qtbot.addWidget(window)
    seen = []

    def read_and_close():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.accept()
        else:
            QTimer.singleShot(10, read_and_close)

    QTimer.singleShot(0, read_and_close)
    window.about_action.trigger()
    qtbot.waitUntil(lambda: bool(seen))  # the number of events is read off the GUI thread first
    assert seen[0] == about_text(library.path, library.total())
    assert f"AzRel Desktop {__version__}" in seen[0] and f"Qt {PySide6.QtCore.qVersion()} — LGPL-3.0-only" in seen[0]
