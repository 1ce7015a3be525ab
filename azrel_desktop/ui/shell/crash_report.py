"""Errors of the desktop app that nobody would otherwise see: the log file, the crash file,
the exception hook, and the message for a start that fails.

Started from a desktop icon (Windows' `pythonw`, a macOS .app, a Linux .desktop file) the app
has no console: Python's own report of an uncaught exception, Qt's warnings and a crash of the
interpreter would go nowhere. So every start keeps a log, `logs/azrel-desktop.log` in the data
directory (rotated at 1 MB, three kept); an uncaught exception is written there with its
traceback and, once Qt is up, shown in a dialog that names the file; a crash of the interpreter
(a segfault in a library, say) has its Python stack written to `logs/crash.log` by
`faulthandler`; and a start that fails before any window says so in a message box — a native
one on Windows when Qt itself cannot start.

Standard library only until Qt is known to be imported: it is installed before Qt loads.
"""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import platform
import sys
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import IO

LOG_NAME = "azrel-desktop.log"
CRASH_NAME = "crash.log"
LOG_BYTES = 1_000_000
LOG_KEEP = 3

log = logging.getLogger("azrel_desktop")


def logs_dir() -> Path:
    from ...core.store.files import data_dir

    return data_dir() / "logs"


@dataclass
class CrashReporting:
    """What `install` changed, so that `uninstall` can put it back (tests, and a second start
    in the same process)."""

    log_file: Path
    crash_file: Path
    handler: logging.Handler
    crash_stream: IO[str] | None
    previous_excepthook: Callable = field(default=sys.excepthook)
    previous_thread_hook: Callable = field(default=threading.excepthook)
    replaced_stderr: bool = False
    dialogs: bool = True
    previous_level: int = logging.NOTSET
    previous_propagate: bool = True
    previous_disabled: bool = False

    def uninstall(self) -> None:
        sys.excepthook = self.previous_excepthook
        threading.excepthook = self.previous_thread_hook
        log.removeHandler(self.handler)
        log.setLevel(self.previous_level)
        log.propagate = self.previous_propagate
        log.disabled = self.previous_disabled
        self.handler.close()
        if self.crash_stream is not None:
            faulthandler.disable()
            self.crash_stream.close()
            if sys.__stderr__ is not None:  # pytest and a console run had it on stderr
                faulthandler.enable()
        if self.replaced_stderr:
            sys.stderr = None


_current: CrashReporting | None = None
_open_dialogs: list = []


def install(folder: Path | None = None, *, dialogs: bool = True) -> CrashReporting | None:
    """Start the log, the crash file and the exception hooks. Returns None (and changes nothing)
    when the folder cannot be written: the app still starts, as it would have before."""
    global _current
    uninstall()  # a second start in one process replaces the first's hooks instead of stacking
    folder = logs_dir() if folder is None else folder
    handler = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(folder / LOG_NAME, maxBytes=LOG_BYTES,
                                                       backupCount=LOG_KEEP, encoding="utf-8")
        crash_stream = open(folder / CRASH_NAME, "a", encoding="utf-8")  # noqa: SIM115 - kept open for faulthandler
    except OSError:
        if handler is not None:
            handler.close()
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    previous = (log.level, log.propagate, log.disabled)
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.propagate = False
    log.disabled = False  # a library's logging.config call (dictConfig) disables loggers it does not name
    faulthandler.enable(file=crash_stream, all_threads=True)
    state = CrashReporting(folder / LOG_NAME, folder / CRASH_NAME, handler, crash_stream,
                           previous_excepthook=sys.excepthook, previous_thread_hook=threading.excepthook,
                           dialogs=dialogs, previous_level=previous[0], previous_propagate=previous[1],
                           previous_disabled=previous[2])
    if sys.stderr is None:  # pythonw: what would go to the console goes to the log instead
        state.replaced_stderr = True
        sys.stderr = _LogStream()
    sys.excepthook = _excepthook
    threading.excepthook = _thread_excepthook
    _current = state
    from ... import __version__

    log.info("AzRel Desktop %s starting: Python %s on %s", __version__, platform.python_version(),
             platform.platform())
    return state


def current() -> CrashReporting | None:
    return _current


def uninstall() -> None:
    global _current
    if _current is not None:
        _current.uninstall()
        _current = None


class _LogStream:
    """A stand-in for the missing stderr of a windowless start: lines go to the log."""

    encoding = "utf-8"

    def write(self, text: str) -> int:
        if text.strip():
            log.warning("%s", text.rstrip())
        return len(text)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


def _excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    report_exception(kind, value, tb)


def _thread_excepthook(args: threading.ExceptHookArgs) -> None:
    if args.exc_type is SystemExit:
        return
    report_exception(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback,
                     thread=args.thread.name if args.thread else None)


def report_exception(kind: type[BaseException], value: BaseException, tb: TracebackType | None,
                     *, thread: str | None = None) -> None:
    """Write an uncaught exception to the log (and stderr, when there is one), and show it
    in a dialog when Qt is running and this is the GUI thread."""
    where = f" in thread {thread}" if thread else ""
    text = "".join(traceback.format_exception(kind, value, tb))
    log.error("Uncaught exception%s:\n%s", where, text.rstrip())
    if sys.__stderr__ is not None and sys.stderr is sys.__stderr__:
        sys.__stderr__.write(text)
    state = _current
    if state is not None and state.dialogs and threading.current_thread() is threading.main_thread():
        show_error_dialog(f"{kind.__name__}: {value}", state.log_file)


def show_error_dialog(summary: str, log_file: Path) -> object | None:
    """A non-blocking dialog about an unexpected error, when a QApplication exists; returns it."""
    widgets = sys.modules.get("PySide6.QtWidgets")
    if widgets is None or widgets.QApplication.instance() is None:
        return None
    from PySide6.QtCore import QCoreApplication, Qt

    try:
        # All of it in the main text, which is set to plain text: the error's own words may
        # hold markup, and the informative text would guess its format.
        box = widgets.QMessageBox(widgets.QMessageBox.Icon.Critical, QCoreApplication.translate(
            "crash_report", "AzRel Desktop: unexpected error"), "", widgets.QMessageBox.StandardButton.Ok)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(QCoreApplication.translate(
            "crash_report", "Something went wrong inside AzRel Desktop. Your saved work is safe: every change is "
            "saved when it is made.\n\n{error}\n\nThe details were written to {log}. Please include that file "
            "when you report the problem.").format(error=summary, log=log_file))

        _open_dialogs.append(box)  # a parentless box lives as long as Python holds it
        box.finished.connect(lambda _result: _open_dialogs.remove(box))
        box.open()
        return box
    except Exception:  # a broken Qt must not turn one report into a loop of them
        log.exception("The error dialog could not be shown")
        return None


def failed_start_message(exc: BaseException, log_file: Path | None) -> str:
    where = f"\n\nThe details were written to {log_file}." if log_file else ""
    return f"AzRel Desktop could not start: {type(exc).__name__}: {exc}{where}"


def report_failed_start(exc: BaseException, *, native_box: Callable[[str, str], None] | None = None) -> None:
    """Say that the start failed, wherever the user can see it: in the log and on stderr; in a
    Qt message box when Qt is up; in a native message box on Windows when it is not."""
    state = _current
    log.error("The start failed:\n%s", "".join(traceback.format_exception(exc)).rstrip())
    message = failed_start_message(exc, state.log_file if state else None)
    if sys.stderr is not None and not isinstance(sys.stderr, _LogStream):
        print(message, file=sys.stderr)
    widgets = sys.modules.get("PySide6.QtWidgets")
    if widgets is not None and widgets.QApplication.instance() is not None:
        try:
            from PySide6.QtCore import Qt

            box = widgets.QMessageBox(widgets.QMessageBox.Icon.Critical, "AzRel Desktop", message,
                                      widgets.QMessageBox.StandardButton.Ok)
            box.setTextFormat(Qt.TextFormat.PlainText)
            if state is None or state.dialogs:
                box.exec()
            return
        except Exception:
            log.exception("The Qt message box could not be shown")
    box = native_box or _native_message_box
    box("AzRel Desktop", message)


def tell_without_qt(message: str, *, native_box: Callable[[str, str], None] | None = None) -> None:
    """Say something before Qt is up: on stderr when there is one, and in Windows' own message
    box when the app has no console."""
    if sys.stderr is not None and not isinstance(sys.stderr, _LogStream):
        print(message, file=sys.stderr)
    elif native_box is not None or sys.platform == "win32":
        (native_box or _native_message_box)("AzRel Desktop", message)


def _native_message_box(title: str, message: str) -> None:
    """Windows' own message box (through ctypes: Qt may be what failed); elsewhere the message
    went to stderr and the log already."""
    if sys.platform == "win32":
        import ctypes

        MB_ICONERROR = 0x10
        ctypes.windll.user32.MessageBoxW(None, message, title, MB_ICONERROR)  # type: ignore[attr-defined]
