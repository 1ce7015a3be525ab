"""Backups: verified copies through the backup API, automatic at most daily when notes
changed, pruned to a few generations, restored with the replaced file kept aside."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

import pytest

from azrel_desktop.core.query.filters import EventFilter
from azrel_desktop.core.service import Library
from azrel_desktop.core.store import backups
from azrel_desktop.core.store.database import CorruptDatabaseError, DatabaseError


def _note(db_path, body):
    lib = Library.open(db_path, progress=None)
    try:
        lib.add_annotation("event", lib.rows(EventFilter(), limit=1)[0].id, body)
    finally:
        lib.close()


def test_manual_backup_is_a_verified_sqlite_copy(db_path, tmp_path):
    info = backups.make_backup(db_path, tmp_path / "copy.sqlite3")
    assert info.path.exists() and backups.verified(info.path)
    assert not list(tmp_path.glob("*.partial"))
    con = sqlite3.connect(info.path)
    assert con.execute("SELECT count(*) FROM events").fetchone()[0] > 0
    con.close()


def test_a_backup_never_overwrites_its_own_database(db_path):
    with pytest.raises(DatabaseError, match="cannot overwrite"):
        backups.make_backup(db_path, db_path)


def test_automatic_backup_daily_and_only_after_changes(db_path):
    now = datetime.now() + timedelta(days=2)
    first = backups.auto_backup(db_path, now=now)
    assert first is not None and first.reason == "auto"
    assert backups.auto_backup(db_path, now=now + timedelta(days=3)) is None  # nothing changed
    con = sqlite3.connect(db_path)  # a change made without opening (opening backs up by itself)
    con.execute("INSERT INTO annotations VALUES ('n1', 'event', (SELECT min(id) FROM events), 'x', "
                "'2026-01-01 00:00:00', '2026-01-01 00:00:00')")
    con.commit()
    con.close()
    assert backups.auto_backup(db_path, now=now + timedelta(hours=5)) is None  # not a day yet
    second = backups.auto_backup(db_path, now=now + timedelta(days=1, minutes=1))
    assert second is not None and second.path != first.path


def test_automatic_backups_keep_a_few_generations_and_never_prune_manual_ones(db_path):
    manual = backups.make_backup(db_path)
    now = datetime.now() + timedelta(days=2)  # after the automatic backups that opening makes
    for day in range(backups.AUTO_KEEP + 3):
        _note(db_path, f"day {day}")
        assert backups.auto_backup(db_path, now=now + timedelta(days=day)) is not None
    found = backups.list_backups(db_path)
    assert sum(b.reason == "auto" for b in found) == backups.AUTO_KEEP
    assert manual.path in [b.path for b in found]


def test_restore_keeps_the_replaced_file_aside(db_path):
    _note(db_path, "in the backup")
    made = backups.make_backup(db_path)
    _note(db_path, "after the backup")
    aside = backups.restore(db_path, made.path)
    assert aside is not None and aside.exists()
    lib = Library.open(db_path)
    try:
        assert [a.body for a in lib.annotations()] == ["in the backup"]
    finally:
        lib.close()
    kept = Library.open(aside)
    try:
        assert sorted(a.body for a in kept.annotations()) == ["after the backup", "in the backup"]
    finally:
        kept.close()


def test_restore_refuses_a_file_that_is_not_a_backup(db_path, tmp_path):
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"nope" * 100)
    with pytest.raises(DatabaseError):
        backups.restore(db_path, junk)
    assert backups.verified(db_path)


def test_damage_found_mid_session_is_reported_as_damage(db_path):
    lib = Library.open(db_path)
    try:
        lib.rows(EventFilter(), limit=1)
        con = sqlite3.connect(db_path)
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = con.execute("PRAGMA page_size").fetchone()[0]
        root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'events'").fetchone()[0]
        con.close()
        lib.db.engine.dispose()  # no cached pages: the next read goes to the file
        data = bytearray(db_path.read_bytes())
        data[(root - 1) * page_size:root * page_size] = b"\xff" * page_size
        db_path.write_bytes(bytes(data))
        with pytest.raises(CorruptDatabaseError, match="damaged while in use"):
            lib.rows(EventFilter(), limit=5)
    finally:
        lib.close()
