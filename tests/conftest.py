"""Shared fixtures: a real migrated and seeded database file in tmp_path, the same path
production takes, and no test ever touching the user's real data or settings."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("AZREL_DB", str(home / "default.sqlite3"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("AZREL_SETTINGS_DIR", str(home / "settings"))
    yield


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory) -> Path:
    """One seeded database built through open_database; tests get copies of it."""
    from azrel_desktop.core.database import open_database

    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    db = open_database(path)
    db.close()
    return path


@pytest.fixture
def db_path(seeded_template, tmp_path) -> Path:
    path = tmp_path / "azrel.sqlite3"
    src = sqlite3.connect(seeded_template)
    dst = sqlite3.connect(path)
    src.backup(dst)
    src.close()
    dst.close()
    return path


@pytest.fixture
def library(db_path):
    from azrel_desktop.core.service import Library

    lib = Library.open(db_path)
    yield lib
    lib.close()
