"""The check of the SQLite library at start: version 3.27+, FTS5, JSON, UPSERT, one sentence
when something is missing, and nothing written when the app refuses to start."""

from __future__ import annotations

import sqlite3

import pytest

from azrel_desktop.core.errors import DatabaseError
from azrel_desktop.core.store.database import open_database
from azrel_desktop.core.store.sqlite_features import (
    SqliteFeatures,
    ensure_sqlite_features,
    probe_sqlite,
    sqlite_problem,
)

GOOD = SqliteFeatures(version=(3, 40, 1), fts5=True, json=True, upsert=True)


def test_this_pythons_sqlite_has_everything():
    found = probe_sqlite()
    assert found == SqliteFeatures(tuple(sqlite3.sqlite_version_info), True, True, True)
    assert sqlite_problem(found) is None
    ensure_sqlite_features()


@pytest.mark.parametrize(("features", "named"), [
    (SqliteFeatures((3, 26, 0), True, True, True), "version 3.27.0 or newer (this one is 3.26.0)"),
    (SqliteFeatures((3, 40, 1), False, True, True), "full-text search (FTS5)"),
    (SqliteFeatures((3, 40, 1), True, False, True), "the JSON functions (json_each)"),
    (SqliteFeatures((3, 40, 1), True, True, False), "INSERT … ON CONFLICT DO UPDATE"),
])
def test_each_missing_feature_is_named_in_one_sentence(features, named):
    problem = sqlite_problem(features)
    assert problem is not None and named in problem
    assert problem.count(". ") == 0 and problem.endswith(".") and "python.org" in problem
    with pytest.raises(DatabaseError, match="needs a SQLite library with"):
        ensure_sqlite_features(lambda: features)


def test_two_missing_are_both_named():
    problem = sqlite_problem(SqliteFeatures((3, 22, 0), False, True, True))
    assert "3.22.0" in problem and "FTS5" in problem


def test_an_old_sqlite_is_refused_before_the_file_is_touched(tmp_path):
    path = tmp_path / "azrel.sqlite3"
    with pytest.raises(DatabaseError, match=r"3\.27\.0 or newer"):
        open_database(path, sqlite_features=lambda: SqliteFeatures((3, 26, 0), True, True, True))
    assert list(tmp_path.iterdir()) == []
    db = open_database(path, sqlite_features=lambda: GOOD, seed=False)
    db.close()
    assert path.exists()
