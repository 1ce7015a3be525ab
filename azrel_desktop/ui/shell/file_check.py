"""The check of the whole library file once the window shows.

Opening a library checks only what the open reads (the header, the schema, the small tables
read first), so the window comes up in the same time at any size. This module then runs
SQLite's check of every page (`Library.check_whole_file`) in the thread pool, at the workers'
lower priority, and when it finds damage says so in one plain-text sentence and offers to
recover the file: the window closes, the library is opened again with the whole-file check
first, which moves the damaged file aside (never deleting it) and offers the newest verified
backup, or salvages the user's own records into a new file. A user who declines is asked
again at the next start, when the check runs again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from ...core.service import FileCheck, Library
from .runner import Task
from .settings import APPLICATION

# After the window shows: its first page, facets and chart load first.
START_AFTER_MS = 1500
RECOVER, NOT_NOW = "recover", "not now"


def damage_found_dialog(problem: str, parent: QWidget | None = None) -> str:
    """Say what the check found and offer to recover the file now: RECOVER or NOT_NOW."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("app", "{app}: the library is damaged").format(app=APPLICATION))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(problem)
    box.setInformativeText(QCoreApplication.translate(
        "file_check", "AzRel Desktop can close it now and recover it: the damaged file is moved aside "
        "(never deleted) and your newest verified backup is offered, or, without one, "
        "your own records are saved into a new file. Until then, what can still be read "
        "stays readable; the check runs again at the next start."))
    recover = box.addButton(QCoreApplication.translate("file_check", "Recover now"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("file_check", "Not now"), QMessageBox.ButtonRole.RejectRole)

    box.setDefaultButton(recover)
    box.exec()
    return RECOVER if box.clickedButton() is recover else NOT_NOW


def check_then_back_up(library: Library, cancelled: Callable[[], bool]) -> FileCheck:
    """The whole-file check, then, of a file found sound, the daily backup when it is due: made
    here rather than at the open, where copying a large file held back the first window."""
    result = library.check_whole_file(cancelled)
    if result.ok and not cancelled():
        library.back_up_if_due()
    return result


class WholeFileCheck(QObject):
    """Runs the check once, `START_AFTER_MS` after `start` (or at once with `delay_ms=0`).
    `finished` carries the `FileCheck`; on damage `ask(problem)` is called on the GUI thread and,
    if it answers RECOVER, `recover()`. `stop()` asks a check under way to stop (at closing)."""

    finished = Signal(object)

    def __init__(self, library: Library, *, ask: Callable[[str], str] = damage_found_dialog,
                 recover: Callable[[], None] | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.library = library
        self.result: FileCheck | None = None
        self.recover_asked = False
        self._ask = ask
        self._recover = recover
        self._task: Task | None = None
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self._run)

    def start(self, delay_ms: int = START_AFTER_MS) -> None:
        self._timer.start(delay_ms)

    def _run(self) -> None:
        library = self.library
        task = Task(lambda progress: check_then_back_up(library, progress.cancelled))
        task.signals.done.connect(self._done, Qt.ConnectionType.QueuedConnection)
        # A failure other than damage (the file gone, a stop at closing) is not the user's to act on.
        task.signals.failed.connect(lambda _message, _exc: None, Qt.ConnectionType.QueuedConnection)
        self._task = task
        task.start()

    def running(self) -> bool:
        return self._timer.isActive() or (self._task is not None and self.result is None
                                          and not self._task.cancelled())

    def stop(self) -> None:
        self._timer.stop()
        if self._task is not None:
            self._task.cancel()

    def _done(self, result: object) -> None:
        if not isinstance(result, FileCheck):
            return
        self.result = result
        self.finished.emit(result)
        if not result.ok and self._ask(result.problem) == RECOVER:
            self.recover_asked = True
            if self._recover is not None:
                self._recover()
