"""Data safety in the window: backup and restore from the File menu, a damaged file offered
its newest backup, a salvaged file explained, a read-only file browsable but not editable."""

from __future__ import annotations

import sqlite3

from azrel_desktop.core.opening import open_database
from azrel_desktop.core.query.filters import EventFilter
from azrel_desktop.core.service import Library
from azrel_desktop.core.store import backups
from azrel_desktop.ui.notes.annotation_panel import AnnotationPanel
from azrel_desktop.ui.shell.app import QUIT, RESTORE, open_library, whole_check_opener
from azrel_desktop.ui.shell.main_window import MainWindow
from azrel_desktop.ui.shell.navigation import Target


def _damage(path):
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'events'").fetchone()[0]
    con.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * page_size:root * page_size] = b"\xff" * page_size
    path.write_bytes(bytes(data))


def test_backup_and_restore_from_the_window(qtbot, db_path):
    library = Library.open(db_path)
    window = MainWindow(library, restore=False)
    qtbot.addWidget(window)
    event_id = library.rows(EventFilter(), limit=1)[0].id
    library.add_annotation("event", event_id, "before the backup")
    with qtbot.waitSignal(window.backups.done, timeout=10000) as done:
        window.backup_action.trigger()
    assert "verified" in done.args[0]
    made = library.backups()[0]
    assert backups.verified(made.path)

    library.add_annotation("event", event_id, "after the backup")
    with qtbot.waitSignal(window.ctx.changed, timeout=10000), qtbot.waitSignal(window.backups.done, timeout=10000):
        assert window.restore_backup(made.path, confirm=lambda _parent, _path: True)
    assert [a.body for a in library.annotations()] == ["before the backup"]
    assert list(db_path.parent.glob("*.replaced-*"))  # the replaced file was kept aside
    window.close()
    library.close()


def test_restore_is_not_done_without_confirmation(qtbot, db_path):
    library = Library.open(db_path)
    window = MainWindow(library, restore=False)
    qtbot.addWidget(window)
    made = library.backup()
    assert not window.restore_backup(made.path, confirm=lambda _parent, _path: False)
    window.close()
    library.close()


def test_damaged_file_offers_the_newest_backup(qapp, db_path):
    library = Library.open(db_path)
    library.add_annotation("event", library.rows(EventFilter(), limit=1)[0].id, "in the backup")
    library.backup()
    library.close()
    _damage(db_path)
    offered = []
    # As after the background check found the damage and the user chose to recover it.
    restored = open_library(db_path, ask=lambda m: QUIT, opener=whole_check_opener,
                            ask_damaged=lambda err: offered.append(err) or RESTORE)
    try:
        assert restored is not None and len(offered) == 1
        assert offered[0].moved_to.exists()
        assert [a.body for a in restored.annotations()] == ["in the backup"]
    finally:
        if restored is not None:
            restored.close()


def test_salvaged_file_is_explained(qapp, db_path):
    library = Library.open(db_path)
    library.add_annotation("event", library.rows(EventFilter(), limit=1)[0].id, "salvage me")
    library.close()
    for info in backups.list_backups(db_path):
        info.path.unlink()
    _damage(db_path)
    # As after the background check found the damage and the user chose to recover it.
    salvaged = open_library(db_path, ask=lambda m: QUIT, opener=whole_check_opener)
    assert salvaged is not None and salvaged.notice and "salvaged" in salvaged.notice
    salvaged.close()
    check = Library.open(db_path)
    try:
        assert [a.body for a in check.annotations()] == ["salvage me"]
    finally:
        check.close()


def test_read_only_file_is_browsable_not_editable(qtbot, db_path):
    library = Library(open_database(db_path, readonly=True))
    window = MainWindow(library, restore=False)
    qtbot.addWidget(window)
    assert not window.readonly_banner.isHidden()
    assert "Read-only" in window.readonly_banner.text()
    assert not window.restore_action.isEnabled()
    qtbot.waitUntil(lambda: not window.timeline.is_loading())
    assert window.timeline.model.total() == library.total()  # browsing works
    window.go(Target("event", library.rows(EventFilter(), limit=1)[0].id))
    panel = window.timeline.detail.findChild(AnnotationPanel)
    assert panel is not None and not panel.add_button.isEnabled()
    assert not panel.readonly_label.isHidden()
    window.close()
    library.close()
