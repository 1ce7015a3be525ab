"""The search index's own bookkeeping: rows paired with events by rowid, rebuilt when its
version changes, and checked by `azrel check`."""

from __future__ import annotations

import sqlite3

from sqlalchemy import text

from azrel_desktop.core.opening import open_database
from azrel_desktop.core.query.filters import EventFilter
from azrel_desktop.core.query.search import INDEX_VERSION, INDEX_VERSION_KEY
from azrel_desktop.core.service import Library
from azrel_desktop.core.store.integrity import check_database


def test_index_rows_share_the_event_rowid(library):
    with library.db.read() as s:
        pairs = s.execute(text("SELECT count(*) FROM event_fts f JOIN events e ON e.rowid = f.rowid "
                               "AND e.id = f.event_id")).scalar()
        assert pairs == library.total()


def test_index_from_an_older_version_is_rebuilt_on_open(db_path):
    con = sqlite3.connect(db_path)
    con.execute("DELETE FROM event_fts")
    con.execute("UPDATE app_meta SET value = 'old' WHERE key = ?", (INDEX_VERSION_KEY,))
    con.commit()
    con.close()
    lib = Library.open(db_path)
    try:
        assert lib.count(EventFilter(text="Solana")) > 0
        with lib.db.read() as s:
            assert s.execute(text("SELECT value FROM app_meta WHERE key = :k"),
                             {"k": INDEX_VERSION_KEY}).scalar() == INDEX_VERSION
            assert check_database(s).problems == []
    finally:
        lib.close()


def test_a_rebuild_on_open_is_announced_and_a_current_index_is_not(db_path):
    from azrel_desktop.core.query.search import REBUILDING

    said: list[str] = []
    open_database(db_path, progress=said.append, auto_backup=False).close()
    assert REBUILDING not in said  # current: nothing rebuilt, nothing said
    con = sqlite3.connect(db_path)
    con.execute("UPDATE app_meta SET value = 'old' WHERE key = ?", (INDEX_VERSION_KEY,))
    con.commit()
    con.close()
    open_database(db_path, progress=said.append, auto_backup=False).close()
    assert said.count(REBUILDING) == 1 and "search index" in REBUILDING


def test_check_reports_index_rows_paired_with_the_wrong_event(db_path):
    con = sqlite3.connect(db_path)
    con.execute("UPDATE event_fts SET event_id = 'someone-else' WHERE rowid = (SELECT min(rowid) FROM event_fts)")
    con.commit()
    con.close()
    db = open_database(db_path)
    try:
        with db.read() as s:
            assert any("wrong event" in p for p in check_database(s).problems)
    finally:
        db.close()


def test_saving_a_note_reindexes_only_its_event(library):
    first, second = library.rows(EventFilter(), limit=2)
    library.add_annotation("event", first.id, "zanzibarian marker")
    assert [r.id for r in library.rows(EventFilter(text="zanzibarian"))] == [first.id]
    assert library.count(EventFilter(text=second.title.split()[0])) >= 1
