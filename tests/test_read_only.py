"""Read-only libraries found by trying, not by `os.access` (which on Windows sees only the
read-only attribute and calls every folder writable): a folder nobody here may write to, a file
that cannot be written, and the probes themselves (they leave nothing behind, never wait)."""

from __future__ import annotations

import os
import sqlite3

import pytest
from sqlalchemy import text

from azrel_desktop.core.errors import DatabaseError
from azrel_desktop.core.store.database import open_database
from azrel_desktop.core.store.files import file_writable, folder_writable


def _listing(folder):
    return sorted(p.name for p in folder.iterdir())


def _browsable_not_editable(db):
    assert db.readonly and db.notice and "read-only" in db.notice
    with db.read() as s:
        assert s.execute(text("SELECT count(*) FROM events")).scalar() > 0
    with pytest.raises(DatabaseError, match="read-only"), db.write():
        pass


def test_a_library_in_a_folder_nobody_here_may_write_opens_read_only(db_path, deny_write):
    deny_write(db_path.parent)
    before = _listing(db_path.parent)
    db = open_database(db_path)
    try:
        _browsable_not_editable(db)
    finally:
        db.close()
    assert _listing(db_path.parent) == before


def test_read_only_is_found_where_os_access_says_writable(db_path, deny_write, monkeypatch):
    """What Windows does: os.access looks at the read-only attribute only and says yes."""
    deny_write(db_path.parent)
    monkeypatch.setattr(os, "access", lambda *args, **kwargs: True)
    db = open_database(db_path)
    try:
        _browsable_not_editable(db)
    finally:
        db.close()


def test_a_file_that_cannot_be_written_opens_read_only(db_path, deny_write):
    deny_write(db_path)
    before = db_path.read_bytes()
    db = open_database(db_path)
    try:
        _browsable_not_editable(db)
    finally:
        db.close()
    assert db_path.read_bytes() == before


def test_folder_probe_says_yes_and_leaves_nothing(tmp_path):
    (tmp_path / "kept.txt").write_text("x")
    assert folder_writable(tmp_path)
    assert folder_writable(tmp_path / "not" / "yet" / "made")  # its nearest existing parent
    assert _listing(tmp_path) == ["kept.txt"]


def test_folder_probe_says_no_for_a_folder_nobody_here_may_write(tmp_path, deny_write):
    folder = tmp_path / "shared"
    folder.mkdir()
    deny_write(folder)
    assert not folder_writable(folder)
    assert not folder_writable(folder / "sub")
    assert _listing(folder) == []


def test_file_probe_changes_nothing_and_does_not_wait_for_a_writer(db_path):
    before = db_path.read_bytes()
    assert file_writable(db_path)
    assert db_path.read_bytes() == before
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program is writing: the file is writable
    try:
        assert file_writable(db_path)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_file_probe_says_no_for_a_file_that_cannot_be_written(db_path, deny_write):
    deny_write(db_path)
    assert not file_writable(db_path)
