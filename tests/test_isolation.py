"""No test touches the user's own data, settings or library: not the tests' own fixtures, and
not fixtures shared by a module or the whole session either (they are set up before a test's
own isolation)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from azrel_desktop.core.store.files import data_dir, default_db_path

WATCHED = ("AZREL_DB", "AZREL_DATA_DIR", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "AZREL_SETTINGS_DIR")


def _where() -> dict[str, object]:
    return {**{var: os.environ.get(var) for var in WATCHED}, "data_dir": data_dir(), "db": default_db_path()}


@pytest.fixture(scope="module")
def seen_by_a_module_fixture():
    return _where()


def _inside(base: Path, where: dict[str, object]) -> bool:
    return all(value is not None and Path(str(value)).resolve().is_relative_to(base.resolve())
               for value in where.values())


def test_a_module_fixture_sees_only_temporary_folders(seen_by_a_module_fixture, tmp_path_factory):
    assert _inside(tmp_path_factory.getbasetemp(), seen_by_a_module_fixture), seen_by_a_module_fixture


def test_a_test_sees_only_temporary_folders(tmp_path_factory):
    assert _inside(tmp_path_factory.getbasetemp(), _where())


def test_the_data_folder_can_be_moved(monkeypatch, tmp_path):
    monkeypatch.setenv("AZREL_DATA_DIR", str(tmp_path / "elsewhere"))
    monkeypatch.delenv("AZREL_DB")
    assert data_dir() == tmp_path / "elsewhere"
    assert default_db_path() == tmp_path / "elsewhere" / "azrel.sqlite3"
