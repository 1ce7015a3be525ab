"""Salvage of a damaged library with no backup (issue 12, item 2): every note SQLite can still
read is saved, nothing saved points at something lost, and the user is told what was saved and
what could not be."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from azrel_desktop.core.opening import open_database
from azrel_desktop.core.query.filters import EventFilter
from azrel_desktop.core.service import Library
from azrel_desktop.core.store import backups
from azrel_desktop.core.store.integrity import check_database

NOTES = 40


@pytest.fixture
def library_with_notes(db_path) -> Path:
    lib = Library.open(db_path)
    try:
        event_id = lib.rows(EventFilter(), limit=1)[0].id
        for i in range(NOTES):
            # long enough that the notes fill several pages of their table
            lib.add_annotation("event", event_id, f"note {i:03d} " + "research " * 60, [f"tag-{i % 3}"])
    finally:
        lib.close()
    con = sqlite3.connect(db_path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    for old in backups.list_backups(db_path):
        old.path.unlink()
    return db_path


def _pages(path: Path, table: str, kind: str = "leaf") -> list[int]:
    con = sqlite3.connect(path)
    try:
        return [r[0] for r in con.execute(
            "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = ? ORDER BY path", (table, kind))]
    finally:
        con.close()


def _page_size(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute("PRAGMA page_size").fetchone()[0]
    finally:
        con.close()


def _zero_page(path: Path, page: int) -> None:
    size = _page_size(path)
    data = bytearray(path.read_bytes())
    data[(page - 1) * size:page * size] = b"\0" * size
    path.write_bytes(bytes(data))


def _readable_notes(path: Path) -> set[str]:
    """What SQLite can still read of the notes, one row at a time (the oracle). A file shorter
    than its header says is read as far as it goes with `writable_schema`, as SQLite documents."""
    con = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    con.execute("PRAGMA writable_schema = ON")
    found = set()
    try:
        for rowid in range(1, NOTES + 100):
            try:
                row = con.execute("SELECT body FROM annotations WHERE rowid = ?", (rowid,)).fetchone()
            except sqlite3.DatabaseError:
                continue
            if row:
                found.add(row[0])
    finally:
        con.close()
    return found


def _open_salvaged(path: Path):
    db = open_database(path, whole_check=True)
    with db.read() as s:
        bodies = set(s.execute(text("SELECT body FROM annotations")).scalars())
        report = check_database(s)
    return db, bodies, report


def test_a_zeroed_first_page_of_the_notes_loses_only_the_notes_on_it(library_with_notes):
    path = library_with_notes
    leaves = _pages(path, "annotations")
    assert len(leaves) >= 4
    _zero_page(path, leaves[0])
    damaged_copy = path.with_name("copy-of-damaged.sqlite3")
    damaged_copy.write_bytes(path.read_bytes())
    readable = _readable_notes(damaged_copy)
    assert 0 < len(readable) < NOTES
    db, bodies, report = _open_salvaged(path)
    try:
        assert bodies == readable
        assert not [p for p in report.problems if p.startswith(("foreign key", "integrity"))]
        assert "could not" in db.notice and str(len(readable)) in db.notice
    finally:
        db.close()


def test_a_zeroed_middle_page_of_the_notes_keeps_the_notes_after_it(library_with_notes):
    path = library_with_notes
    leaves = _pages(path, "annotations")
    _zero_page(path, leaves[len(leaves) // 2])
    damaged_copy = path.with_name("copy-of-damaged.sqlite3")
    damaged_copy.write_bytes(path.read_bytes())
    readable = _readable_notes(damaged_copy)
    assert 0 < len(readable) < NOTES
    assert any(b.startswith(f"note {NOTES - 1:03d}") for b in readable)
    db, bodies, _ = _open_salvaged(path)
    try:
        assert bodies == readable
    finally:
        db.close()


def test_a_file_short_by_its_last_page_keeps_every_readable_note(library_with_notes):
    path = library_with_notes
    size = _page_size(path)
    data = path.read_bytes()
    path.write_bytes(data[:-size])
    damaged_copy = path.with_name("copy-of-damaged.sqlite3")
    damaged_copy.write_bytes(path.read_bytes())
    readable = _readable_notes(damaged_copy)
    assert len(readable) == NOTES
    db, bodies, report = _open_salvaged(path)
    try:
        assert bodies == readable
        assert not [p for p in report.problems if p.startswith("foreign key")]
    finally:
        db.close()


def test_tags_whose_notes_are_lost_are_not_copied(library_with_notes):
    path = library_with_notes
    _zero_page(path, _pages(path, "annotations")[0])
    db, bodies, report = _open_salvaged(path)
    try:
        assert not [p for p in report.problems if p.startswith("foreign key")], report.problems
        with db.read() as s:
            orphans = s.execute(text(
                "SELECT count(*) FROM annotation_tags t LEFT JOIN annotations a ON a.id = t.annotation_id "
                "WHERE a.id IS NULL")).scalar()
            tagged = s.execute(text("SELECT count(DISTINCT annotation_id) FROM annotation_tags")).scalar()
        assert orphans == 0
        assert tagged == len(bodies)
    finally:
        db.close()
