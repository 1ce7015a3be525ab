"""The application context handed to every page: the open library, the undo stack, the one
signal that tells every view what changed, and the one queue the user's saved changes are
written through.

`write` runs a change (a note saved, an undo or redo of a saved change) in the runner's
`Operations`: off the GUI thread, one at a time, in the order asked — so a quick Ctrl+Z, Ctrl+Z
undoes in the stack's order even while the first write is still on its way. `writes_idle` is
emitted when the last queued write has landed (its callback run and its changes announced)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from ...core.research.annotations import Changes
from ...core.service import Library
from .navigation import Target
from .runner import Operations


class AppContext(QObject):
    changed = Signal(object)  # core.annotations.Changes
    navigate = Signal(object)  # navigation.Target
    status = Signal(str)  # a short message for the status bar
    writes_idle = Signal()  # the last queued write has landed

    def __init__(self, library: Library, parent: QObject | None = None):
        super().__init__(parent)
        self.library = library
        self.undo_stack = QUndoStack(self)
        # The core's refusals are sentences of their own (AnnotationError, EvidenceError).
        self._writes = Operations(self, describe_error=lambda exc: str(exc) or type(exc).__name__)
        self._then: dict[object, tuple[Callable[[Any], None], Callable[[str], None] | None]] = {}
        self._writes.finished.connect(self._landed)
        self._writes.failed.connect(self._refused)
        self._writes.busyChanged.connect(lambda busy: None if busy else self.writes_idle.emit())

    def write(self, work: Callable[[], Any], done: Callable[[Any], None],
              failed: Callable[[str], None] | None = None) -> None:
        """Run `work()` (a library change) off the GUI thread after the writes before it; then
        `done(result)` or `failed(sentence)` on the GUI thread."""
        token = object()
        self._then[token] = (done, failed)
        self._writes.submit(token, work)

    def writes_busy(self) -> bool:
        return self._writes.busy()

    def finish_writes(self, timeout_ms: int = 30_000) -> bool:
        """Let every queued write land before the window closes (the queue advances on the
        event loop, so an undo queued behind a running write would otherwise never run); False
        if they did not within `timeout_ms`."""
        if not self.writes_busy():
            return True
        loop = QEventLoop()
        self.writes_idle.connect(loop.quit)
        QTimer.singleShot(timeout_ms, loop.quit)
        try:
            if self.writes_busy():
                loop.exec()
        finally:
            self.writes_idle.disconnect(loop.quit)
        return not self.writes_busy()

    def _landed(self, token: object, result: object) -> None:
        done, _failed = self._then.pop(token)
        done(result)

    def _refused(self, token: object, reason: str) -> None:
        _done, failed = self._then.pop(token)
        if failed is not None:
            failed(reason)
        else:
            self.status.emit(self.tr("Not saved: {reason}").format(reason=reason))


    def emit_changes(self, changes: Changes) -> None:
        self.changed.emit(changes)

    def go(self, target: Target) -> None:
        self.navigate.emit(target)
