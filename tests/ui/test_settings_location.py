"""All of the app's state in one place: its settings and Qt's file-dialog state follow
`AZREL_SETTINGS_DIR`, else `AZREL_DATA_DIR`, and nothing is written to the home folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from azrel_desktop.core.store.files import settings_dir
from azrel_desktop.ui.shell.settings import settings, settings_path


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.is_file())


def test_settings_follow_the_moved_data_directory(monkeypatch, tmp_path):
    monkeypatch.delenv("AZREL_SETTINGS_DIR")
    monkeypatch.setenv("AZREL_DATA_DIR", str(tmp_path / "data"))
    assert settings_dir() == tmp_path / "data" / "settings"
    s = settings()
    s.setValue("probe/value", "Bakı")
    s.sync()
    assert Path(s.fileName()) == settings_path() == tmp_path / "data" / "settings" / "azrel-desktop.ini"
    assert "Bakı" in settings().value("probe/value")


def test_an_explicit_settings_directory_wins(monkeypatch, tmp_path):
    monkeypatch.setenv("AZREL_SETTINGS_DIR", str(tmp_path / "mine"))
    monkeypatch.setenv("AZREL_DATA_DIR", str(tmp_path / "data"))
    assert Path(settings().fileName()) == tmp_path / "mine" / "azrel-desktop.ini"


@pytest.mark.skipif(sys.platform in ("win32", "darwin"),
                    reason="Qt keeps its file-dialog state in the registry / a plist there")
def test_qt_file_dialog_state_lands_in_the_settings_directory_not_home(qapp, monkeypatch, tmp_path):
    # Without XDG_CONFIG_HOME, Qt's default would be ~/.config/QtProject.conf: the fake home of
    # the test run (conftest's guard fails the test if anything appears there).
    monkeypatch.delenv("XDG_CONFIG_HOME")
    monkeypatch.delenv("AZREL_SETTINGS_DIR")
    monkeypatch.setenv("AZREL_DATA_DIR", str(tmp_path / "data"))
    settings()  # what the app does at start (make_app routes Qt's settings too)
    dialog = QFileDialog(None, "Pick", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setDirectory(str(tmp_path))
    del dialog  # Qt saves the dialog's state as it is destroyed
    assert "QtProject.conf" in _files(tmp_path / "data" / "settings")
    assert not any(Path(os.environ["HOME"]).rglob("*"))
