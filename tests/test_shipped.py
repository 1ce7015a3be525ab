"""`core/store/shipped.py`: the gate the `sqlite3`-only commands pass before skipping the open."""

from __future__ import annotations

import sqlite3

import pytest

from azrel_desktop.core.store.resources import shipped_corpus_version
from azrel_desktop.core.store.scripts import glance_at_scripts
from azrel_desktop.core.store.shipped import at_shipped_schema, seeded_with


@pytest.mark.parametrize(("stored", "expected"), [
    (None, False), ("", False), ("abc", False), ("-3", False), ("2", False), ("3", True), ("12", True)])
def test_seeded_with_reads_the_seed_version_as_a_number(stored, expected):
    con = sqlite3.connect(":memory:")
    con.execute("CREATE TABLE app_meta (key TEXT PRIMARY KEY, value TEXT)")
    if stored is not None:
        con.execute("INSERT INTO app_meta VALUES ('seed_version', ?)", (stored,))
    assert seeded_with(con, 3) is expected


def test_a_library_at_the_head_is_shipped_and_others_are_not(db_path, tmp_path):
    shipped = at_shipped_schema(db_path)
    assert shipped is not None
    assert shipped.head == glance_at_scripts().head and shipped.corpus == shipped_corpus_version()
    assert at_shipped_schema(tmp_path / "missing.sqlite3") is None
    con = sqlite3.connect(db_path)
    with con:
        con.execute("UPDATE alembic_version SET version_num = '0001'")
    con.close()
    assert at_shipped_schema(db_path) is None
