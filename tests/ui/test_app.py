"""Starting the app: opening off the GUI thread, the progress dialog for slow opens, the
error dialog for unusable files, the read-only notice, and main() without a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest
from PySide6.QtWidgets import QApplication, QProgressDialog

from azrel_desktop.core.service import Library
from azrel_desktop.core.store.database import Database, DatabaseError, make_engine
from azrel_desktop.ui.shell import app as app_module
from azrel_desktop.ui.shell.app import CHOOSE, QUIT, build_main_window, main, open_in_background, open_library
from azrel_desktop.ui.shell.runner import wait_for_workers


@pytest.fixture(autouse=True)
def _drain_workers():
    yield
    wait_for_workers()


@pytest.fixture
def junk(tmp_path):
    path = tmp_path / "junk.sqlite3"
    path.write_bytes(os.urandom(4096))
    return path


def test_opens_a_library_in_the_background(qapp, db_path):
    callers = []

    def opener(path, progress):
        callers.append(threading.current_thread() is threading.main_thread())
        return Library.open(path, progress=progress)

    library, error = open_in_background(db_path, opener=opener)
    try:
        assert error is None and library is not None
        assert library.total() > 0
        assert callers == [False]  # not on the GUI thread
    finally:
        library.close()


def test_junk_file_explains_and_quits_without_touching_the_file(qapp, junk):
    before = junk.read_bytes()
    asked = []
    result = open_library(junk, ask=lambda message: asked.append(message) or QUIT,
                          choose=lambda _p: pytest.fail("must not ask for a file after Quit"))
    assert result is None
    assert len(asked) == 1 and str(junk) in asked[0]
    assert "Traceback" not in asked[0]
    assert junk.read_bytes() == before


def test_choosing_another_file_after_an_error_opens_it(qapp, junk, db_path):
    asked = []
    library = open_library(junk, ask=lambda m: asked.append(m) or CHOOSE, choose=lambda _p: db_path)
    try:
        assert library is not None and library.path == db_path
        assert len(asked) == 1
    finally:
        library.close()


@pytest.mark.parametrize("error", [DatabaseError("x.sqlite3 is busy; try again."), PermissionError("denied")])
def test_any_open_failure_becomes_a_message(qapp, tmp_path, error):
    def opener(path, progress):
        raise error

    library, message = open_in_background(tmp_path / "x.sqlite3", opener=opener)
    assert library is None
    if isinstance(error, DatabaseError):
        assert message == str(error)
    else:
        assert message == f"{tmp_path / 'x.sqlite3'} could not be opened: denied"


def test_progress_dialog_appears_only_for_a_slow_open(qapp, db_path):
    release = threading.Event()
    seen = []

    def slow_opener(path, progress):
        progress("Loading the seed corpus…")
        release.wait(10)  # the worker is held until the GUI has shown its dialog
        return Library.open(path)

    def check():
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]
        seen.append([d.labelText() for d in dialogs])
        release.set()

    from PySide6.QtCore import QTimer

    QTimer.singleShot(app_module.PROGRESS_DELAY_MS + 300, check)
    library, error = open_in_background(db_path, opener=slow_opener)
    try:
        assert error is None
        assert seen == [["Loading the seed corpus…"]]
        assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]
    finally:
        library.close()


def test_main_with_a_junk_file_returns_an_error_code(qapp, junk):
    asked = []
    assert main(["--db", str(junk)], exec_app=False, ask=lambda m: asked.append(m) or QUIT) == 1
    assert asked and str(junk) in asked[0]


def test_main_builds_and_shows_the_window(qapp, db_path):
    assert main(["--db", str(db_path)], exec_app=False) == 0
    assert qapp.applicationName() == "AzRel Desktop"
    assert qapp.organizationName() == "AzRel"


def test_build_main_window_and_readonly_notice(qtbot, db_path):
    os.chmod(db_path, 0o444)
    library = Library.open(db_path)
    if not library.readonly:  # root may write read-only files: open it read-only explicitly
        library.close()
        library = Library(Database(db_path, make_engine(db_path, readonly=True), readonly=True))
    try:
        window = build_main_window(library)
        qtbot.addWidget(window)
        window.show()
        assert window.readonly_banner.isVisible()
        assert window.readonly_banner.text().startswith("Read-only")
        qtbot.waitUntil(lambda: not window.timeline.is_loading())
        assert library.total() == window.timeline.model.total()
        window.close()
    finally:
        library.close()
        os.chmod(db_path, 0o644)


def test_writable_library_has_no_readonly_notice(qtbot, library):
    window = build_main_window(library, restore=False)
    qtbot.addWidget(window)
    window.show()
    assert not window.readonly_banner.isVisible()
    assert window.width() >= 1280 and window.height() >= 800


def test_starting_in_a_fresh_process_prints_no_traceback(db_path, tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "AZREL_SETTINGS_DIR": str(tmp_path / "settings")}
    code = ("import sys\nfrom azrel_desktop.ui.shell.app import main\n"
            f"sys.exit(main(['--db', {str(db_path)!r}], exec_app=False))\n")
    proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
