"""The check of the whole file once the window shows: a damaged page the open did not read is
found in the background, the user is told in one sentence and may recover the file, which the
app then opens again with the whole file checked first (moved aside, the backup offered)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtWidgets import QWidget

from azrel_desktop.core.errors import DamagedDatabaseError
from azrel_desktop.core.service import Library
from azrel_desktop.core.store import backups
from azrel_desktop.ui.shell.app import QUIT, open_library, whole_check_opener
from azrel_desktop.ui.shell.file_check import NOT_NOW, RECOVER, WholeFileCheck


def scribble_over(path: Path, name: str) -> None:
    """Overwrite the root page of table `name` with junk (as tests/test_lazy_open.py does)."""
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (name,)).fetchone()[0]
    con.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * page_size:root * page_size] = b"\xff" * page_size
    path.write_bytes(bytes(data))


def test_damage_found_in_the_background_is_told_and_recovery_offered(qtbot, db_path):
    info = backups.make_backup(db_path)
    scribble_over(db_path, "passages")
    library = Library.open(db_path)
    asked: list[str] = []
    recovered: list[bool] = []
    try:
        check = WholeFileCheck(library, ask=lambda problem: asked.append(problem) or RECOVER,
                               recover=lambda: recovered.append(True))
        with qtbot.waitSignal(check.finished, timeout=30_000) as signal:
            check.start(0)
        assert not signal.args[0].ok
        assert len(asked) == 1 and "damaged" in asked[0] and asked[0].count("\n") == 0
        assert recovered == [True] and check.recover_asked
    finally:
        library.close()
    offered: list[DamagedDatabaseError] = []
    again = open_library(db_path, opener=whole_check_opener, ask_damaged=lambda e: offered.append(e) or QUIT)
    assert again is None
    assert offered and offered[0].backup == info.path and not db_path.exists()


def test_a_sound_file_is_checked_without_a_word(qtbot, library):
    asked: list[str] = []
    check = WholeFileCheck(library, ask=lambda problem: asked.append(problem) or NOT_NOW)
    with qtbot.waitSignal(check.finished, timeout=30_000) as signal:
        check.start(0)
    assert signal.args[0].ok and asked == [] and not check.recover_asked


def test_closing_before_the_check_starts_stops_it(qtbot, library):
    """A window closed within its first moments: the check never runs, nothing is asked."""
    from azrel_desktop.ui.shell.runner import wait_for_workers

    asked: list[str] = []
    parent = QWidget()
    qtbot.addWidget(parent)
    check = WholeFileCheck(library, ask=asked.append, parent=parent)
    check.start(0)
    check.stop()
    assert wait_for_workers()
    assert asked == [] and check.result is None and not check.running()


def _make_backup_due(path: Path) -> None:
    con = sqlite3.connect(path)
    with con:
        con.execute("DELETE FROM app_meta WHERE key = ?", (backups.LAST_BACKUP_KEY,))
    con.close()


def _auto_backups(path: Path) -> list[backups.BackupInfo]:
    return [b for b in backups.list_backups(path) if b.reason == "auto"]


def test_the_daily_backup_waits_for_the_window_then_follows_the_sound_check(qtbot, db_path):
    """The start path copies nothing (a million events: over a minute before any window); the
    daily backup is made in the background once the whole file is found sound."""
    _make_backup_due(db_path)
    assert _auto_backups(db_path) == []
    library = open_library(db_path)
    assert library is not None
    try:
        assert _auto_backups(db_path) == []
        check = WholeFileCheck(library, ask=lambda problem: NOT_NOW)
        with qtbot.waitSignal(check.finished, timeout=30_000) as signal:
            check.start(0)
        assert signal.args[0].ok
        made = _auto_backups(db_path)
        assert len(made) == 1 and backups.verified(made[0].path)
    finally:
        library.close()


def test_a_damaged_file_is_not_backed_up_over_the_good_backups(qtbot, db_path):
    backups.make_backup(db_path)
    _make_backup_due(db_path)
    scribble_over(db_path, "passages")
    library = Library.open(db_path, auto_backup=False)
    try:
        check = WholeFileCheck(library, ask=lambda problem: NOT_NOW)
        with qtbot.waitSignal(check.finished, timeout=30_000) as signal:
            check.start(0)
        assert not signal.args[0].ok
        assert _auto_backups(db_path) == []
    finally:
        library.close()
