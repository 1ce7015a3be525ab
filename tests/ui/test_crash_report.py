"""The windowless launcher loses no error: the log file, the exception hooks (with a dialog once
Qt is up), the crash file of faulthandler, and a failed start that says so."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from azrel_desktop.ui.shell import crash_report


@pytest.fixture
def reporting(tmp_path):
    state = crash_report.install(tmp_path / "logs")
    assert state is not None
    yield state
    crash_report.uninstall()


def _raise_and_hook(message: str) -> None:
    try:
        raise ValueError(message)
    except ValueError:
        sys.excepthook(*sys.exc_info())


def _boxes_saying(text: str) -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible() and text in w.text()]


def test_an_uncaught_exception_is_logged_and_shown_in_a_dialog(qtbot, qapp, reporting):
    assert reporting.log_file.read_text(encoding="utf-8").count("starting: Python") == 1
    _raise_and_hook("the <b>cited</b> passage vanished")
    log = reporting.log_file.read_text(encoding="utf-8")
    assert "Uncaught exception" in log and "Traceback" in log and "the <b>cited</b> passage vanished" in log
    qtbot.waitUntil(lambda: bool(_boxes_saying("passage vanished")), timeout=5000)
    box = _boxes_saying("passage vanished")[0]
    assert str(reporting.log_file) in box.text() and "ValueError: the <b>cited</b>" in box.text()
    assert box.textFormat() == Qt.TextFormat.PlainText  # the error's words are never rich text
    box.close()


def test_an_exception_in_a_worker_thread_is_logged_without_a_dialog(qtbot, qapp, reporting):
    def work():
        raise RuntimeError("worker lost its row")

    thread = threading.Thread(target=work, name="export-worker")
    thread.start()
    thread.join()
    log = reporting.log_file.read_text(encoding="utf-8")
    assert "in thread export-worker" in log and "worker lost its row" in log
    assert not _boxes_saying("worker lost its row")  # widgets belong to the GUI thread


def test_uninstall_puts_the_hooks_back(tmp_path):
    before = (sys.excepthook, threading.excepthook, crash_report.log.level, crash_report.log.propagate)
    crash_report.install(tmp_path)
    assert sys.excepthook is not before[0] and not crash_report.log.propagate
    crash_report.uninstall()
    after = (sys.excepthook, threading.excepthook, crash_report.log.level, crash_report.log.propagate)
    assert after == before


def test_a_logger_disabled_by_a_librarys_logging_config_is_enabled_again(tmp_path):
    import logging
    import logging.config

    loggers = [lg for lg in logging.root.manager.loggerDict.values() if isinstance(lg, logging.Logger)]
    was = [lg.disabled for lg in loggers]
    logging.config.dictConfig({"version": 1})  # as import-linter's command line does
    try:
        assert crash_report.log.disabled
        state = crash_report.install(tmp_path, dialogs=False)  # a box would outlive the test
        try:
            _raise_and_hook("still logged")
            assert "still logged" in state.log_file.read_text(encoding="utf-8")
        finally:
            crash_report.uninstall()
        assert crash_report.log.disabled  # put back as it was
    finally:
        for lg, disabled in zip(loggers, was, strict=True):
            lg.disabled = disabled


def test_a_second_install_replaces_the_first(tmp_path):
    before = sys.excepthook
    first = crash_report.install(tmp_path / "one")
    second = crash_report.install(tmp_path / "two")
    try:
        assert crash_report.current() is second and second.previous_excepthook is before
        assert crash_report.log.handlers.count(first.handler) == 0
    finally:
        crash_report.uninstall()
    assert sys.excepthook is before


def test_an_unwritable_folder_leaves_the_start_alone(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    before = sys.excepthook
    assert crash_report.install(blocker / "logs") is None
    assert sys.excepthook is before


def _run(tmp_path, code: str, extra_path: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AZREL_")}
    env.update(AZREL_DATA_DIR=str(tmp_path / "data"), AZREL_DB=str(tmp_path / "lib.sqlite3"),
               AZREL_SETTINGS_DIR=str(tmp_path / "settings"), QT_QPA_PLATFORM="offscreen")
    if extra_path:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [extra_path, env.get("PYTHONPATH")]))
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], env=env, capture_output=True,
                          text=True, timeout=120)


def test_a_crash_of_the_interpreter_leaves_its_stack_in_the_crash_file(tmp_path):
    done = _run(tmp_path, """
        import faulthandler
        from azrel_desktop.ui.shell import crash_report
        crash_report.install()
        def deep_inside_the_chart():
            faulthandler._sigsegv()
        deep_inside_the_chart()
    """)
    assert done.returncode != 0
    crash = (tmp_path / "data" / "logs" / "crash.log").read_text(encoding="utf-8")
    assert "Fatal Python error" in crash and "deep_inside_the_chart" in crash


def test_a_windowless_start_that_fails_logs_and_shows_a_message(tmp_path):
    """pythonw has no stderr. A Qt that cannot load (a broken PySide6 here) fails the start:
    the launcher returns 70, the traceback is in the log and the message goes to the native
    message box (Windows'; recorded here, where the function is replaced by a recorder)."""
    fake = tmp_path / "fake"
    (fake / "PySide6").mkdir(parents=True)
    (fake / "PySide6" / "__init__.py").write_text(
        "raise ImportError('libEGL.so.1: cannot open shared object file: No such file or directory')\n")
    shown = tmp_path / "shown.txt"
    done = _run(tmp_path, f"""
        import sys
        sys.stderr = None  # as under pythonw
        from azrel_desktop.ui.shell import crash_report, launch
        crash_report._native_message_box = lambda title, text: open({str(shown)!r}, "w").write(title + "|" + text)
        sys.exit(launch.main([]))
    """, extra_path=str(fake))
    assert done.returncode == 70, done.stdout + done.stderr
    assert done.stderr == ""
    title, text = shown.read_text().split("|", 1)
    assert title == "AzRel Desktop"
    assert text.startswith("AzRel Desktop could not start: ImportError: libEGL.so.1")
    log_file = tmp_path / "data" / "logs" / "azrel-desktop.log"
    assert str(log_file) in text
    log = log_file.read_text(encoding="utf-8")
    assert "The start failed" in log and "Traceback" in log and "libEGL.so.1" in log


def test_a_failed_start_with_a_console_says_one_line_on_stderr(tmp_path):
    fake = tmp_path / "fake"
    (fake / "PySide6").mkdir(parents=True)
    (fake / "PySide6" / "__init__.py").write_text("raise ImportError('no Qt here')\n")
    done = _run(tmp_path, "import sys\nfrom azrel_desktop.ui.shell import launch\nsys.exit(launch.main([]))\n",
                extra_path=str(fake))
    assert done.returncode == 70
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith("AzRel Desktop could not start: ImportError: no Qt here")
