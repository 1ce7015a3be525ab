"""The guards of the user's data, each with a test that fails when the guard is removed: the
formula rule on the export's fast path, backup verification, the backup offered after damage,
restore's refusals, and re-anchoring that never moves a passage to text that is not its quote.

`python tests/mutation.py` checks this by removing guards one at a time (README: Tests).
"""

from __future__ import annotations

import csv
import io
import os
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from azrel_desktop.core.corpus.anchoring import Anchor, anchor_at, matches, reanchor
from azrel_desktop.core.opening import open_database
from azrel_desktop.core.output import export
from azrel_desktop.core.output.export_cells import CRLF, render, safe_cell, unescape_cell
from azrel_desktop.core.query.filters import EventFilter
from azrel_desktop.core.service import Library
from azrel_desktop.core.store import backups, recovery
from azrel_desktop.core.store.database import (
    CorruptDatabaseError,
    DamagedDatabaseError,
    DatabaseError,
    DatabaseLockedError,
    make_engine,
    migrate,
)

FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _rows_as_written(rows: list[list], width: int) -> list[str]:
    """What the CSV writer makes of each row after `safe_cell` on every cell, one cell at a time,
    without its line end: the reference the fast path must match."""
    lines = []
    for row in rows:
        assert len(row) == width
        out = io.StringIO(newline="")
        csv.writer(out, lineterminator=CRLF, quoting=csv.QUOTE_MINIMAL).writerow([safe_cell(c) for c in row])
        lines.append(out.getvalue().removesuffix(CRLF))
    return lines


def _cells(line: str) -> list[str]:
    return next(csv.reader(io.StringIO(line, newline="")))


def _scribble_over_a_table(path: Path, table: str = "events") -> None:
    """Damage a closed file as a failing disk would: overwrite the root page of one table."""
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    con.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * page_size:root * page_size] = b"\xff" * page_size
    path.write_bytes(bytes(data))


def _notes(path: Path) -> list[str]:
    con = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        return sorted(r[0] for r in con.execute("SELECT body FROM annotations"))
    finally:
        con.close()


def _note(path: Path, body: str) -> None:
    lib = Library.open(path)
    try:
        lib.add_annotation("event", lib.rows(EventFilter(), limit=1)[0].id, body)
    finally:
        lib.close()


# --- 1. the export's fast path: no formula reaches a spreadsheet ----------------------------------

PLAIN = ["Baku", "1994-05-04", "NATO (Partnership for Peace)", "a=b", "5", "plain text"]


@pytest.mark.parametrize("row", [0, 1, 3])
@pytest.mark.parametrize("column", [0, 2, 5])
@pytest.mark.parametrize("formula", ["=HYPERLINK(\"http://x\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tx", "'=x"])
def test_the_fast_path_escapes_a_formula_in_any_cell_of_rows_that_need_no_quoting(row, column, formula):
    rows = [list(PLAIN) for _ in range(4)]
    rows[row][column] = formula
    lines = render(rows, len(PLAIN))
    assert lines == _rows_as_written(rows, len(PLAIN))
    cell = _cells(lines[row])[column]
    assert cell == "'" + formula
    assert all(_cells(line) == PLAIN for n, line in enumerate(lines) if n != row)


@pytest.mark.parametrize("risky", ["=", "+", "-", "@", "\t", "\r", "'"])
def test_the_fast_path_looks_at_the_first_character_of_the_first_cell(risky):
    rows = [[risky + "cmd", "x"], ["y", "z"]]
    assert render(rows, 2)[0] == _rows_as_written(rows, 2)[0]
    assert not _cells(render(rows, 2)[0])[0].startswith(FORMULA)


def test_a_row_that_is_not_all_text_goes_through_safe_cell():
    rows = [["a", None, 7, True], ["=1+1", False, -5, "b"]]
    assert render(rows, 4) == ["a,,7,yes", "'=1+1,no,-5,b"]


cells = st.one_of(st.none(), st.booleans(), st.integers(-10, 10),
                  st.lists(st.sampled_from(["=", "+", "-", "@", "\t", "\r", "'", "a", "5", ",", '"', "\n", "\x00"]),
                           max_size=4).map("".join))


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 4).flatmap(lambda width: st.lists(st.lists(cells, min_size=width, max_size=width),
                                                        min_size=1, max_size=5)))
def test_rendered_rows_are_what_safe_cell_makes_of_each_cell(rows):
    width = len(rows[0])
    assert render(rows, width) == _rows_as_written(rows, width)


def test_a_formula_in_an_events_own_fields_is_escaped_on_both_export_paths(fresh_library, changed_while_closed):
    event = "ev-2001-01-robertson-visits-baku"
    path = changed_while_closed(
        fresh_library,
        f"UPDATE events SET title = '=HYPERLINK(\"http://x\",\"y\")', location = '@SUM(A1)' WHERE id = '{event}'")
    lib = Library.open(path)
    try:
        # A small export of an out-of-date file renders its own rows; the whole export renders
        # the stored rows again and reads them.
        for f in (EventFilter(date_from="2001-01", date_to="2001-01"), EventFilter()):
            out = io.StringIO(newline="")
            lib.export_events(f, out)
            rows = {r["id"]: r for r in csv.DictReader(io.StringIO(out.getvalue(), newline=""))}
            assert rows[event]["title"] == "'=HYPERLINK(\"http://x\",\"y\")"
            assert rows[event]["location"] == "'@SUM(A1)"
    finally:
        lib.close()


# --- 2. backup verification -----------------------------------------------------------------------

def _violating_file(path: Path) -> sqlite3.Connection:
    """A database whose pages read fine but whose `quick_check` reports a problem (a row that
    breaks its table's CHECK constraint)."""
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (x INTEGER CHECK (x > 0))")
    con.execute("PRAGMA ignore_check_constraints = 1")
    con.execute("INSERT INTO t VALUES (-1)")
    con.commit()
    con.execute("PRAGMA ignore_check_constraints = 0")
    assert con.execute("PRAGMA quick_check").fetchall() != [("ok",)]
    return con


def test_a_backup_that_fails_its_integrity_check_is_refused_and_not_kept(tmp_path):
    con = _violating_file(tmp_path / "source.sqlite3")
    target = tmp_path / "backups" / "copy.sqlite3"
    try:
        with pytest.raises(DatabaseError, match="failed its integrity check"):
            backups.backup_to(con, target)
    finally:
        con.close()
    assert not target.exists()
    assert list((tmp_path / "backups").iterdir()) == []  # no partial file either


def test_a_failed_backup_leaves_an_earlier_backup_at_its_name(tmp_path, db_path):
    target = tmp_path / "copy.sqlite3"
    backups.make_backup(db_path, target)
    before = target.read_bytes()
    con = _violating_file(tmp_path / "source.sqlite3")
    try:
        with pytest.raises(DatabaseError):
            backups.backup_to(con, target)
    finally:
        con.close()
    assert target.read_bytes() == before


def test_a_backup_onto_a_folder_is_refused_before_anything_is_written(tmp_path, db_path):
    target = tmp_path / "taken"
    (target / "inside").mkdir(parents=True)  # a folder where the backup's file should go
    with pytest.raises(DatabaseError, match=r"taken is a folder; give a file name for the backup\.$"):
        backups.make_backup(db_path, target)
    assert not [p for p in tmp_path.iterdir() if "partial" in p.name]
    assert [p.name for p in target.iterdir()] == ["inside"]


def test_a_backup_into_a_folder_that_cannot_be_written_says_so_in_one_line(tmp_path, db_path, deny_write, capsys):
    from azrel_desktop.core.cli import main

    folder = tmp_path / "folder"
    folder.mkdir()
    deny_write(folder)
    target = folder / "copy.sqlite3"
    with pytest.raises(DatabaseError) as caught:
        backups.make_backup(db_path, target)
    message = str(caught.value)
    assert str(target) in message and "could not be written" in message and "\n" not in message
    assert main(["--db", str(db_path), "backup", str(target)]) != 0
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1 and "could not be written" in err
    assert list(folder.iterdir()) == []


def test_a_backup_whose_folder_cannot_be_created_says_so_in_one_line(tmp_path, db_path, deny_write):
    """The automatic backups' folder is created on the way (`backup_to` makes missing folders)."""
    folder = tmp_path / "folder"
    folder.mkdir()
    deny_write(folder)
    target = folder / "backups" / "copy.sqlite3"
    source = sqlite3.connect(db_path)
    try:
        with pytest.raises(DatabaseError) as caught:
            backups.backup_to(source, target)
    finally:
        source.close()
    assert str(target) in str(caught.value) and "\n" not in str(caught.value)
    assert list(folder.iterdir()) == []


def test_a_backup_that_cannot_be_put_in_place_is_refused_and_its_temporary_file_removed(tmp_path):
    source = sqlite3.connect(tmp_path / "source.sqlite3")
    source.execute("CREATE TABLE t (x)")
    source.commit()
    target = tmp_path / "taken"
    (target / "inside").mkdir(parents=True)  # the rename into place fails
    try:
        with pytest.raises(DatabaseError, match="could not be written"):
            backups.backup_to(source, target)
    finally:
        source.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["source.sqlite3", "taken"]  # no *.azrel-partial
    assert [p.name for p in target.iterdir()] == ["inside"]


def test_a_damaged_library_is_not_backed_up(db_path, tmp_path):
    _scribble_over_a_table(db_path)
    with pytest.raises(DatabaseError):
        backups.make_backup(db_path, tmp_path / "copy.sqlite3")
    assert not (tmp_path / "copy.sqlite3").exists()


def test_verified_means_an_azrel_file_that_passes_its_check(db_path, tmp_path):
    good = backups.make_backup(db_path, tmp_path / "good.sqlite3").path
    assert backups.verified(good)
    damaged = backups.make_backup(db_path, tmp_path / "damaged.sqlite3").path
    _scribble_over_a_table(damaged)
    assert not backups.verified(damaged)
    empty = tmp_path / "empty.sqlite3"
    sqlite3.connect(empty).close()
    assert not backups.verified(empty)  # SQLite, but not an AzRel file
    assert not backups.verified(tmp_path / "missing.sqlite3")


# --- 3. the backup offered after damage -------------------------------------------------------------

def test_after_damage_the_newest_backup_that_verifies_is_offered_not_a_newer_damaged_one(db_path):
    _note(db_path, "in the good backup")
    good = backups.make_backup(db_path)
    _note(db_path, "in the damaged backup")
    newer = backups.make_backup(db_path)
    assert newer.made_at > good.made_at
    _scribble_over_a_table(newer.path)
    _scribble_over_a_table(db_path)
    assert backups.newest_verified_backup(db_path) is not None
    with pytest.raises(DamagedDatabaseError) as caught:
        open_database(db_path, whole_check=True)
    assert caught.value.backup == good.path
    assert caught.value.backup_time == good.made_at


def test_after_damage_with_only_damaged_backups_none_is_offered_and_the_notes_are_salvaged(db_path):
    _note(db_path, "salvaged")
    for old in backups.list_backups(db_path):
        old.path.unlink()
    only = backups.make_backup(db_path)
    _scribble_over_a_table(only.path)
    _scribble_over_a_table(db_path)
    assert backups.newest_verified_backup(db_path) is None
    db = open_database(db_path, whole_check=True)
    try:
        assert db.notice and "salvaged" in db.notice
    finally:
        db.close()
    assert _notes(db_path) == ["salvaged"]


def test_backups_are_listed_newest_first_and_only_those_of_this_file(db_path, tmp_path):
    other = tmp_path / "other.sqlite3"
    backups.make_backup(db_path, other)  # a library of its own, elsewhere
    mine = [backups.make_backup(db_path, reason=r) for r in ("manual", "auto", "before-upgrade-0005")]
    backups.make_backup(other)
    found = [b for b in backups.list_backups(db_path) if b.path in {m.path for m in mine}]
    assert [b.path for b in found] == [m.path for m in reversed(mine)]
    assert [b.reason for b in found] == ["before-upgrade-0005", "auto", "manual"]
    assert all(b.path.name.startswith(db_path.stem) for b in backups.list_backups(db_path))
    assert len(backups.list_backups(other)) == 1


# --- 4. restore ---------------------------------------------------------------------------------

def _newer_backup(db_path: Path) -> Path:
    made = backups.make_backup(db_path).path
    con = sqlite3.connect(made)
    con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    con.execute("UPDATE annotations SET body = 'from the future'")
    con.commit()
    con.close()
    return made


def test_restore_refuses_a_backup_from_a_newer_version_and_leaves_the_file_as_it_was(db_path):
    _note(db_path, "mine")
    newer = _newer_backup(db_path)
    with pytest.raises(DatabaseError, match="newer version"):
        backups.restore(db_path, newer)
    assert _notes(db_path) == ["mine"]
    assert not list(db_path.parent.glob("*.replaced-*"))  # nothing set aside: nothing was replaced


def test_restore_refuses_a_missing_backup_or_another_programs_database(db_path, tmp_path):
    _note(db_path, "mine")
    with pytest.raises(DatabaseError, match="no backup at"):
        backups.restore(db_path, tmp_path / "missing.sqlite3")
    foreign = tmp_path / "foreign.sqlite3"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE alembic_version (version_num TEXT)")  # no revision in it
    con.commit()
    con.close()
    with pytest.raises(DatabaseError, match="not an AzRel database backup"):
        backups.restore(db_path, foreign)
    assert _notes(db_path) == ["mine"]
    assert not list(db_path.parent.glob("*.replaced-*"))


def test_restore_over_a_damaged_file_keeps_its_bytes_aside(db_path):
    _note(db_path, "in the backup")
    made = backups.make_backup(db_path)
    _scribble_over_a_table(db_path)
    damaged = db_path.read_bytes()
    aside = backups.restore(db_path, made.path)
    assert aside is not None and aside.read_bytes() == damaged
    assert _notes(db_path) == ["in the backup"]


def test_restore_into_an_empty_place_sets_nothing_aside(db_path, tmp_path):
    _note(db_path, "in the backup")
    made = backups.make_backup(db_path)
    fresh = tmp_path / "new" / "azrel.sqlite3"
    fresh.parent.mkdir()
    assert backups.restore(fresh, made.path) is None
    assert _notes(fresh) == ["in the backup"]


# --- 5. re-anchoring -------------------------------------------------------------------------------

TEXT = "The OSCE Minsk Group met in Vienna. Later the Minsk Group co-chairs went to Baku."


def _old(text: str, quote: str, occurrence: int = 0) -> Anchor:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(quote, start + 1)
    return anchor_at(text, start, start + len(quote))


def test_reanchoring_never_moves_a_passage_to_text_that_differs_in_letter_case():
    old = _old(TEXT, "Minsk Group")
    assert reanchor(TEXT.replace("Minsk Group", "minsk group"), old) is None
    assert reanchor("Prefix. " + TEXT.upper(), old) is None


def test_reanchoring_prefers_the_exact_quote_over_one_that_differs_in_case_nearer_by():
    old = _old(TEXT, "Minsk Group")
    changed = TEXT.replace("OSCE Minsk Group", "OSCE MINSK GROUP")
    found = reanchor(changed, old)
    assert found is not None and found.exact == "Minsk Group"
    assert found.start == changed.index("Minsk Group") and changed[found.start:found.end] == "Minsk Group"


def test_a_passage_stays_where_its_quote_still_is_and_matches_is_exact():
    old = _old(TEXT, "Minsk Group", 1)
    assert reanchor(TEXT, old) == old
    assert matches(TEXT, old.start, old.end, "Minsk Group")
    assert not matches(TEXT, old.start, old.end, "minsk group")
    assert not matches(TEXT, old.end, old.start, "")
    assert not matches(TEXT, -1, 3, TEXT[-1:] + TEXT[:3])
    assert not matches(TEXT, len(TEXT) - 3, len(TEXT) + 1, TEXT[-3:])


def test_reanchoring_follows_the_quote_when_text_is_inserted_before_it():
    old = _old(TEXT, "Vienna")
    changed = "A new opening sentence. " + TEXT
    found = reanchor(changed, old)
    assert found == anchor_at(changed, old.start + 24, old.end + 24)


def test_of_two_occurrences_the_one_whose_context_matches_wins_even_when_farther():
    old = _old(TEXT, "Minsk Group", 1)  # "Later the Minsk Group co-chairs"
    # The second occurrence moves far away; the first stays near the old position but its
    # context is different.
    changed = "x" * 40 + TEXT.replace("Later the Minsk Group co-chairs", "y" * 120 + " Later the Minsk Group co-chairs")
    found = reanchor(changed, old)
    assert found is not None
    assert changed[found.start - len("Later the "):found.start] == "Later the "
    assert changed[found.end:found.end + 9] == " co-chair"


def test_of_two_occurrences_with_the_same_context_the_nearer_one_wins():
    text = "QUOTE and then some words. " * 3
    third = text.index("QUOTE", 40)
    old = Anchor(third - 1, third + 4, "QUOTE", "", "")  # no context: only the distance tells them apart
    found = reanchor(text, old)
    assert found is not None and found.start == third


def test_a_quote_that_no_longer_occurs_is_not_placed_anywhere():
    old = _old(TEXT, "Vienna")
    assert reanchor(TEXT.replace("Vienna", "Geneva"), old) is None


@pytest.mark.parametrize(("start", "end"), [(-1, 3), (3, 3), (5, 2), (0, len(TEXT) + 1)])
def test_a_span_outside_the_text_is_refused(start, end):
    with pytest.raises(ValueError, match="outside a text"):
        anchor_at(TEXT, start, end)


def test_an_anchor_keeps_its_context_on_both_sides():
    a = anchor_at(TEXT, TEXT.index("co-chairs"), TEXT.index("co-chairs") + 9)
    assert a.exact == "co-chairs"
    assert a.prefix == TEXT[a.start - 32:a.start] and len(a.prefix) == 32
    assert a.suffix == TEXT[a.end:a.end + 32]
    first = anchor_at(TEXT, 0, 3)
    assert first.prefix == "" and first.suffix == TEXT[3:35]


def test_of_two_occurrences_the_one_whose_prefix_matches_wins_when_the_suffixes_agree():
    original = "x" * 50 + "beta QUOTE tail. "
    old = _old(original, "QUOTE")
    changed = "alpha QUOTE tail. " + "y" * 100 + "beta QUOTE tail. "
    found = reanchor(changed, old)
    assert found is not None and changed[found.start - 5:found.start] == "beta "


def test_of_two_occurrences_the_one_whose_suffix_matches_wins_when_the_prefixes_agree():
    original = "head QUOTE omega and more" + "z" * 40
    old = _old(original, "QUOTE")
    changed = "w" * 60 + "head QUOTE other words" + "v" * 10 + "head QUOTE omega and more" + "z" * 40
    found = reanchor(changed, old)
    assert found is not None and changed[found.end:found.end + 6] == " omega"


# --- recovery: a damaged file moved aside, the user's records salvaged ---------------------------------

def _with_a_note_only_in_its_log(path: Path, body: str) -> None:
    """Add a note to a closed library that stays in its -wal (not checkpointed), as after a crash."""
    keep = path.with_name("kept-while-open")
    keep.mkdir()
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.execute("PRAGMA wal_autocheckpoint = 0")
    with con:
        con.execute("INSERT INTO annotations VALUES ('in-log', 'event', (SELECT min(id) FROM events), ?, "
                    "'2026-01-01 00:00:00', '2026-01-01 00:00:00')", (body,))
    for suffix in ("", "-wal", "-shm"):
        (keep / (path.name + suffix)).write_bytes(path.with_name(path.name + suffix).read_bytes())
    con.close()  # checkpoints and removes the log; put back the files as they were while open
    for suffix in ("", "-wal", "-shm"):
        path.with_name(path.name + suffix).write_bytes((keep / (path.name + suffix)).read_bytes())
        (keep / (path.name + suffix)).unlink()
    keep.rmdir()
    assert path.with_name(path.name + "-wal").stat().st_size > 0


def _damage_in_place(path: Path, table: str = "events") -> None:
    """Overwrite the root page of one table in the main file only (its -wal left as it is)."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    con.close()
    with open(path, "r+b") as f:
        f.seek((root - 1) * page_size)
        f.write(b"\xff" * page_size)


def test_a_damaged_file_is_moved_aside_with_its_shared_memory_and_the_notes_of_its_log(db_path):
    _with_a_note_only_in_its_log(db_path, "only in the log")
    _damage_in_place(db_path)
    shm = db_path.with_name(db_path.name + "-shm").read_bytes()
    moved = recovery.quarantine(db_path)
    assert moved.name.startswith(db_path.stem + ".damaged-") and moved.suffix == ".sqlite3"
    assert moved.with_name(moved.name + "-shm").read_bytes() == shm
    assert not [p for p in db_path.parent.iterdir() if p.name.startswith(db_path.name)]  # nothing left behind
    # SQLite folded the log into the file under its exclusive lock; the note went aside with it
    assert "only in the log" in _notes(moved)


def _files_of(path: Path) -> dict[str, bytes]:
    """The bytes of a closed library and of its -wal, -shm and -journal, by suffix."""
    return {suffix: path.with_name(path.name + suffix).read_bytes() for suffix in ("", "-wal", "-shm", "-journal")
            if path.with_name(path.name + suffix).exists()}


def test_a_damaged_file_is_kept_aside_exactly_as_found_even_with_a_log_sqlite_cannot_use(db_path):
    """A look through SQLite folds a log into the file, or deletes one it cannot use (here its
    header checksum is wrong, so SQLite ignores every frame in it), and a specialist's recovery
    tool might still read those frames: the bytes are copied aside before anything opens them."""
    _with_a_note_only_in_its_log(db_path, "only in the log")
    _damage_in_place(db_path)
    wal = db_path.with_name(db_path.name + "-wal")
    log = bytearray(wal.read_bytes())
    log[24] ^= 0xFF  # the first word of the log header's checksum
    wal.write_bytes(bytes(log))
    found = _files_of(db_path)
    assert set(found) == {"", "-wal", "-shm"}
    moved = recovery.quarantine(db_path)
    assert _files_of(moved) == found
    assert not [p for p in db_path.parent.iterdir() if p.name.startswith(db_path.name)]  # nothing left behind


def test_salvage_reads_the_file_kept_aside_without_changing_it(db_path, tmp_path):
    _with_a_note_only_in_its_log(db_path, "only in the log")
    _damage_in_place(db_path)
    moved = recovery.quarantine(db_path)
    kept = _files_of(moved)
    report, target = _salvaged_into(moved, tmp_path)
    assert _notes(target) == ["only in the log"] and report.rows["annotations"] == 1
    assert _files_of(moved) == kept


def test_a_library_this_process_has_open_is_not_set_aside(db_path):
    lib = Library.open(db_path)
    try:
        inode = db_path.stat().st_ino
        with pytest.raises(DatabaseLockedError, match="open in another window or program"):
            recovery.quarantine(db_path, timeout_ms=100)
        assert not list(db_path.parent.glob("*.damaged-*"))
        assert db_path.stat().st_ino == inode
        assert lib.annotations() == []
    finally:
        lib.close()


def test_a_damaged_file_another_connection_holds_is_not_moved_aside(db_path):
    _damage_in_place(db_path)
    other = sqlite3.connect(db_path)
    try:
        other.execute("BEGIN")
        other.execute("SELECT count(*) FROM app_meta").fetchone()
        with pytest.raises(DatabaseLockedError, match="open in another window or program"):
            recovery.quarantine(db_path, timeout_ms=100)
    finally:
        other.close()
    assert db_path.exists()
    assert not list(db_path.parent.glob("*.damaged-*"))


def _salvaged_into(damaged: Path, tmp_path: Path) -> tuple[recovery.SalvageReport, Path]:
    target = tmp_path / "salvaged.sqlite3"
    engine = make_engine(target)
    try:
        migrate(engine)
        report = recovery.salvage(damaged, engine)
    finally:
        engine.dispose()
    return report, target


def test_salvage_copies_the_users_own_records_and_nothing_of_the_corpus(fresh_library, tmp_path):
    lib = fresh_library
    source = lib.records("source")[0].id
    selection, _ = lib.annotate_selection(source, 10, 30, "on my selection", tags=["mine", "later"])
    lib.add_annotation("event", lib.rows(EventFilter(), limit=1)[0].id, "on an event", tags=["mine"])
    path = lib.path
    lib.close()
    con = sqlite3.connect(path)
    con.execute("UPDATE sources SET is_seed = 0 WHERE id = ?", (source,))  # kept for the selection
    con.commit()
    con.close()
    _scribble_over_a_table(path, "events")
    report, target = _salvaged_into(path, tmp_path)
    mine = {"sources": 1, "passages": 1, "annotations": 2, "annotation_tags": 3}
    assert {table: n for table, n in report.rows.items() if n} == mine
    assert report.total == 7 and report.unreadable_chunks == 0
    con = sqlite3.connect(target)
    try:
        assert con.execute("SELECT id FROM sources").fetchall() == [(source,)]
        assert con.execute("SELECT id, kind, start, \"end\" FROM passages").fetchall() == [
            (selection.target_id, "user", 10, 30)]
        assert sorted(r[0] for r in con.execute("SELECT body FROM annotations")) == ["on an event", "on my selection"]
        assert con.execute("SELECT count(*) FROM events").fetchone()[0] == 0
        assert con.execute("PRAGMA foreign_keys").fetchone()[0] in (0, 1)
    finally:
        con.close()


def test_salvage_reads_past_a_damaged_stretch_of_notes(db_path, tmp_path):
    event = sqlite3.connect(db_path).execute("SELECT min(id) FROM events").fetchone()[0]
    con = sqlite3.connect(db_path)
    with con:
        con.executemany("INSERT INTO annotations VALUES (?, 'event', ?, ?, '2026-01-01 00:00:00', '2026-01-01 00:00:00')",
                        [(f"n{i:04d}", event, f"note {i:04d} " + "w" * 300) for i in range(1200)])
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    leaves = [r[0] for r in con.execute(
        "SELECT pageno FROM dbstat WHERE name = 'annotations' AND pagetype = 'leaf' ORDER BY pageno")]
    con.close()
    damaged_page = leaves[len(leaves) // 2]
    data = bytearray(db_path.read_bytes())
    data[(damaged_page - 1) * page_size:damaged_page * page_size] = b"\xff" * page_size
    db_path.write_bytes(bytes(data))
    report, target = _salvaged_into(db_path, tmp_path)
    con = sqlite3.connect(target)
    try:
        kept = sorted(r[0] for r in con.execute("SELECT id FROM annotations"))
    finally:
        con.close()
    assert report.rows["annotations"] == len(kept)
    assert 600 < len(kept) < 1200  # a stretch around the damaged page is lost, the rest kept
    assert "n0000" in kept and "n1199" in kept


def test_salvage_of_a_file_that_cannot_be_opened_reports_it_and_copies_nothing(tmp_path):
    report, target = _salvaged_into(tmp_path / "gone" / "missing.sqlite3", tmp_path)
    assert report.total == 0 and report.unreadable_chunks == 1
    assert _notes(target) == []


# --- more of backups and restore ------------------------------------------------------------------

def test_a_backup_may_replace_an_earlier_backup_at_the_same_name(db_path, tmp_path):
    target = tmp_path / "copy.sqlite3"
    backups.make_backup(db_path, target)
    _note(db_path, "newer")
    backups.make_backup(db_path, target)
    assert _notes(target) == ["newer"]


def test_files_in_the_backups_folder_without_a_backups_name_are_not_listed(db_path):
    made = backups.make_backup(db_path)
    family = backups._family(db_path)
    (made.path.parent / f"{family}-notadate-manual.sqlite3").write_bytes(b"")
    no_reason = made.path.parent / f"{family}-20260101-120000-000000.sqlite3"
    backups.make_backup(db_path, no_reason)
    listed = {b.path: b.reason for b in backups.list_backups(db_path)}
    assert listed[made.path] == "manual" and listed[no_reason] == "manual"
    assert not [p for p in listed if "notadate" in p.name]


def test_restore_over_an_empty_file_sets_nothing_aside(db_path, tmp_path):
    _note(db_path, "in the backup")
    made = backups.make_backup(db_path)
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    assert backups.restore(empty, made.path) is None
    assert _notes(empty) == ["in the backup"]
    assert not list(tmp_path.glob("empty.replaced-*"))


def test_a_partial_file_left_by_an_interrupted_backup_does_not_stop_the_next(db_path, tmp_path):
    target = tmp_path / "copy.sqlite3"
    left = [tmp_path / "copy.sqlite3.partial", tmp_path / ".copy.sqlite3.abcd1234.azrel-partial"]
    for path in left:
        path.write_bytes(b"left by a backup the power cut short " * 200)
    backups.make_backup(db_path, target)
    assert backups.verified(target)
    assert all(path.read_bytes().startswith(b"left by") for path in left)  # young: left for the next open
    assert sorted(p.name for p in tmp_path.glob("*partial*")) == sorted(p.name for p in left)  # none of its own


def test_only_old_temporary_files_of_azrel_are_cleaned(db_path, tmp_path):
    folder, kept_folder = tmp_path / "library", backups.backups_dir()
    folder.mkdir()
    kept_folder.mkdir(parents=True, exist_ok=True)
    old = (datetime.now() - timedelta(hours=2)).timestamp()
    ours = [folder / ".lib.sqlite3.x1.azrel-partial", folder / ".lib.sqlite3.x1.azrel-partial-journal",
            kept_folder / "lib-1234abcd-20260101-000000-000000-auto.sqlite3.partial",
            kept_folder / "lib-1234abcd-20260101-000000-000000-auto.sqlite3.partial-journal"]
    young = folder / ".lib.sqlite3.x2.azrel-partial"
    others = [folder / "thesis.sqlite3.partial",  # an old-style name outside the backups folder
              folder / "notes.partial.txt", kept_folder / "lib.sqlite3.partial.bak"]
    for path in [*ours, young, *others]:
        path.write_bytes(b"x")
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"x")
    link = folder / ".lib.sqlite3.x3.azrel-partial"
    link.symlink_to(victim)
    for path in [*ours, *others, victim]:
        os.utime(path, (old, old))
    os.utime(link, (old, old), follow_symlinks=False)
    removed = backups.clean_leftovers(folder)
    assert sorted(removed) == sorted(ours)
    assert young.exists() and all(p.exists() for p in others)
    assert link.is_symlink() and victim.exists()


# --- survivors of the mutation run made into tests ---------------------------------------------------

def test_a_foreign_or_damaged_file_is_refused_before_any_backup_is_written(db_path, tmp_path):
    foreign = tmp_path / "foreign.sqlite3"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE notes (body TEXT)")
    con.commit()
    con.close()
    with pytest.raises(DatabaseError, match="another program"):
        backups.make_backup(foreign, tmp_path / "copy.sqlite3")
    _scribble_over_a_table(db_path)
    with pytest.raises(CorruptDatabaseError, match="is damaged"):
        backups.make_backup(db_path, tmp_path / "copy.sqlite3")
    assert not list(tmp_path.glob("copy.sqlite3*"))


def test_an_automatic_backup_is_due_exactly_a_day_after_the_last(db_path):
    now = datetime.now() + timedelta(days=2)
    assert backups.auto_backup(db_path, now=now) is not None
    con = sqlite3.connect(db_path)
    with con:
        con.execute("INSERT INTO annotations VALUES ('n1', 'event', (SELECT min(id) FROM events), 'x', "
                    "'2026-01-01 00:00:00', '2026-01-01 00:00:00')")
    con.close()
    assert backups.auto_backup(db_path, now=now + backups.AUTO_EVERY - timedelta(microseconds=1)) is None
    assert backups.auto_backup(db_path, now=now + backups.AUTO_EVERY) is not None


def test_pruning_removes_only_the_oldest_automatic_backups_and_says_which(db_path):
    for old in backups.list_backups(db_path):
        old.path.unlink()
    made = [backups.make_backup(db_path, reason=r) for r in ("auto", "manual", "auto", "auto", "manual")]
    removed = backups.prune(db_path, keep=2)
    assert removed == [made[0].path]
    assert sorted(b.path for b in backups.list_backups(db_path)) == sorted(m.path for m in made[1:])


@pytest.mark.parametrize(("name", "aside_suffix"), [("library", ".sqlite3"), ("azrel.db", ".db")])
def test_a_file_set_aside_keeps_its_suffix_or_gets_sqlite3(db_path, tmp_path, name, aside_suffix):
    made = backups.make_backup(db_path)
    live = tmp_path / "place" / name
    live.parent.mkdir()
    backups.restore(live, made.path)  # now a library at that name
    aside = backups.restore(live, made.path)
    assert aside is not None and aside.suffix == aside_suffix and aside.name.startswith(live.stem + ".replaced-")
    moved = recovery.quarantine(live)
    assert moved.suffix == aside_suffix and moved.name.startswith(live.stem + ".damaged-")


def test_restore_over_a_damaged_file_keeps_the_notes_of_its_log_aside_too(db_path):
    made = backups.make_backup(db_path)
    _with_a_note_only_in_its_log(db_path, "only in the log")
    _damage_in_place(db_path)
    aside = backups.restore(db_path, made.path)
    assert aside is not None
    assert _notes(aside) == ["only in the log"]  # copied through SQLite: the log's pages with the file's
    assert backups.verified(db_path) and _notes(db_path) == []


def test_salvage_of_a_file_whose_schema_is_unreadable_counts_every_table_as_unreadable(db_path, tmp_path):
    con = sqlite3.connect(db_path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    data = bytearray(db_path.read_bytes())
    data[100:page_size] = b"\xff" * (page_size - 100)  # page 1 after the header: the schema
    db_path.write_bytes(bytes(data))
    report, target = _salvaged_into(db_path, tmp_path)
    assert _notes(target) == []
    assert report.total == 0 and report.unreadable_chunks == len(recovery.USER_TABLES)
    assert report.schema_unreadable
    said = report.describe()
    assert "nothing readable was lost" not in said and "\n" not in said
    assert "list of tables" in said and "none of your own records" in said


def test_opening_a_file_whose_schema_is_unreadable_says_nothing_could_be_saved(db_path):
    _note(db_path, "lost with the schema")
    for made in backups.list_backups(db_path):
        made.path.unlink()
    con = sqlite3.connect(db_path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    data = bytearray(db_path.read_bytes())
    data[100:page_size] = b"\xff" * (page_size - 100)
    db_path.write_bytes(bytes(data))
    db = open_database(db_path)
    try:
        notice = db.notice or ""
    finally:
        db.close()
    assert "nothing could be saved" in notice and "were salvaged" not in notice and "\n" not in notice
    moved = list(db_path.parent.glob("*.damaged-*.sqlite3"))
    assert len(moved) == 1 and moved[0].read_bytes() == bytes(data)


def test_salvage_of_a_file_with_one_unreadable_schema_page_says_nothing_could_be_located(db_path, tmp_path):
    """Not only the first page: the schema of a library spans several, and SQLite reads it whole
    or not at all."""
    _note(db_path, "its table's definition is lost")
    con = sqlite3.connect(db_path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    leaves = [r[0] for r in con.execute("SELECT pageno FROM dbstat WHERE name = 'sqlite_schema' AND pagetype = 'leaf'")]
    con.close()
    data = bytearray(db_path.read_bytes())
    page = next(n for n in leaves if b"CREATE TABLE annotations" in data[(n - 1) * page_size:n * page_size])
    data[(page - 1) * page_size:page * page_size] = b"\xff" * page_size
    db_path.write_bytes(bytes(data))
    report, target = _salvaged_into(db_path, tmp_path)
    assert set(report.unlocated) == {t for t, _ in recovery.USER_TABLES} and report.total == 0
    assert _notes(target) == []
    said = report.describe()
    assert said.startswith("nothing could be saved") and "nothing readable was lost" not in said


def test_salvage_gives_up_on_a_table_whose_every_page_is_unreadable(db_path, tmp_path):
    _note(db_path, "lost")
    _scribble_over_a_table(db_path, "annotations")
    report, _ = _salvaged_into(db_path, tmp_path)  # returns: no endless retry
    assert report.rows["annotations"] == 0


def test_salvage_keeps_a_selection_on_a_corpus_source_that_is_reloaded_afterwards(fresh_library, tmp_path):
    lib = fresh_library
    source = lib.records("source")[0].id
    selection, _ = lib.annotate_selection(source, 5, 25, "on a corpus source")
    path = lib.path
    lib.close()
    _scribble_over_a_table(path, "events")
    report, target = _salvaged_into(path, tmp_path)
    assert report.rows["passages"] == 1 and report.rows["sources"] == 0
    con = sqlite3.connect(target)
    try:
        assert con.execute("SELECT id, source_id FROM passages").fetchall() == [(selection.target_id, source)]
    finally:
        con.close()


def test_unescape_leaves_alone_what_safe_cell_never_makes(fresh_library):
    for cell in ("=x", "-", "+cmd", "@SUM(A1)", "plain"):
        assert unescape_cell(cell) == cell


def _core_export(lib, **kw) -> tuple[int, str]:
    out = io.StringIO(newline="")
    with lib.db.read() as s:
        n = export.export_events(s, EventFilter(), out, **kw)
    return n, out.getvalue()


def test_an_export_whose_cancel_is_never_pressed_writes_every_row(shared_library):
    n, text = _core_export(shared_library, cancelled=lambda: False, page=7)
    assert n == shared_library.total() and text.count("\r\n") >= n + 1


def test_cancel_before_the_first_row_and_between_pages_stops_the_export(shared_library):
    with pytest.raises(export.ExportCancelled):
        _core_export(shared_library, cancelled=lambda: True)
    pages = []
    with pytest.raises(export.ExportCancelled):
        _core_export(shared_library, cancelled=lambda: bool(pages), page=7, progress=lambda w, t: pages.append(w))
    assert pages == [7]


# Re-anchoring: each part of the score counts, exactly as written.

def test_the_prefix_is_compared_character_by_character():
    original = "x" * 50 + "beta QUOTE tail. "
    old = _old(original, "QUOTE")
    changed = "z" * 40 + "alpha QUOTE tail. " + "y" * 100 + "beta QUOTE tail. "
    found = reanchor(changed, old)
    assert found is not None and changed[found.start - 5:found.start] == "beta "


def test_context_counts_only_in_its_exact_letter_case():
    original = "q" * 40 + "beta QUOTE tail one"
    old = _old(original, "QUOTE")
    changed = "q" * 41 + "BETA QUOTE TAIL ONE" + "y" * 100 + "beta QUOTE tail one"
    found = reanchor(changed, old)
    assert found is not None and changed[found.start - 5:found.start] == "beta "


def test_the_suffix_counts_for_a_long_quote_too():
    quote = "the Minsk Group co-chairs"
    original = "head " + quote + " omega and more" + "z" * 40
    old = _old(original, quote)
    changed = "w" * 60 + "head " + quote + " other words" + "v" * 10 + "head " + quote + " omega and more"
    found = reanchor(changed, old)
    assert found is not None and changed[found.end:found.end + 6] == " omega"


def test_a_quote_near_the_start_of_the_text_is_scored_by_its_prefix():
    old = _old("Intro. QUOTE tail one" + "k" * 50, "QUOTE")
    changed = "New. Intro. QUOTE x" + "m" * 60 + "Other. QUOTE x"
    found = reanchor(changed, old)
    assert found is not None and found.start == changed.index("QUOTE")


def test_a_quote_still_at_the_start_stays_there_even_if_its_context_is_found_elsewhere():
    original = "QUOTE" + " tail" * 8
    old = _old(original, "QUOTE")
    changed = "QUOTE" + " else" * 8 + " " + original  # the old context now follows another occurrence
    assert reanchor(changed, old) == anchor_at(changed, 0, 5)


def test_a_quote_still_at_the_end_stays_there_even_if_its_context_is_found_elsewhere():
    original = "lead " * 8 + "QUOTE"
    old = _old(original, "QUOTE")
    changed = "lead lead QUOTE" + " diff" * 5 + "QUOTE"  # the old context now precedes another occurrence
    assert old.start == 40 and len(changed) == old.end
    assert reanchor(changed, old) == anchor_at(changed, 40, 45)


def test_only_occurrences_in_the_exact_case_are_candidates_after_the_first():
    old = _old(TEXT, "Minsk Group")  # "The OSCE Minsk Group met in Vienna."
    changed = "A preface: Minsk Group elsewhere. " + TEXT.replace("OSCE Minsk Group", "OSCE minsk group")
    found = reanchor(changed, old)
    assert found is not None and found.exact == "Minsk Group"


def test_the_suffix_counts_only_in_its_exact_letter_case():
    tail = " tail one and two three four five"  # longer than the stored suffix
    original = "p" * 40 + "QUOTE" + tail
    old = _old(original, "QUOTE")
    changed = "p" * 41 + "QUOTE" + tail.upper() + "s" * 60 + "p" * 40 + "QUOTE" + tail
    found = reanchor(changed, old)
    assert found is not None and changed[found.end:found.end + 9] == " tail one"


def test_a_nul_inside_cells_is_removed_even_when_the_cells_count_comes_out_even():
    assert render([["a\x00b", "c\x00d"]], 2) == ["ab,cd"]
    assert render([["x", "y"], ["a\x00b", "c\x00d"]], 2) == ["x,y", "ab,cd"]


def test_cancel_before_the_start_stops_even_an_export_with_no_rows(shared_library):
    out = io.StringIO(newline="")
    with shared_library.db.read() as s, pytest.raises(export.ExportCancelled):
        export.export_events(s, EventFilter(text="no event says this qqqzzz"), out, cancelled=lambda: True)
