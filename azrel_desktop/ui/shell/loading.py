"""`Loader`: how a view reads what it shows off the GUI thread, with a loading state.

A view calls `load(fn)`; `fn` runs in the thread pool (through the runner's `LatestCall`, so
the newest request wins and an older result is never shown), and its result is handed to the
view's `deliver` on the GUI thread. Until it arrives the view keeps what it showed before;
if the wait lasts longer than a glance, the widgets named by `greyed` are disabled (greyed)
so the old content is not mistaken for the answer — never a blank flash in between.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from .runner import LatestCall

GREY_AFTER_MS = 150  # a quicker answer replaces the old content without it ever changing look


class Loader(QObject):
    """A view's background reads: newest wins, `loaded` after each delivered result."""

    loaded = Signal()
    busyChanged = Signal(bool)

    def __init__(self, parent: QObject, deliver: Callable[[Any], None], *,
                 greyed: Callable[[], Iterable[QWidget]] | None = None,
                 failed: Callable[[str], None] | None = None):
        super().__init__(parent)
        self._deliver = deliver
        self._greyed = greyed
        self._failed = failed
        self._grey: list[QWidget] = []
        self._call = LatestCall(self)
        self._call.finished.connect(self._on_finished)
        self._call.failed.connect(self._on_failed)
        self._call.busyChanged.connect(self.busyChanged)
        self._timer = QTimer(self, singleShot=True, interval=GREY_AFTER_MS)
        self._timer.timeout.connect(self._grey_out)

    def load(self, fn: Callable[[], object]) -> None:
        """Run `fn` off the GUI thread; its result replaces any older request's."""
        self._call.start(fn)
        if not self._timer.isActive() and not self._grey:
            self._timer.start()

    def busy(self) -> bool:
        return self._call.busy()

    def greyed(self) -> bool:
        return bool(self._grey)

    def _grey_out(self) -> None:
        if self._greyed is None or not self.busy():
            return
        self._grey = [w for w in self._greyed() if w.isEnabled()]
        for widget in self._grey:
            widget.setEnabled(False)

    def _settle(self) -> None:
        self._timer.stop()
        for widget in self._grey:
            try:
                widget.setEnabled(True)
            except RuntimeError:  # deleted by the new content meanwhile
                pass
        self._grey = []

    def _on_finished(self, result: object) -> None:
        self._settle()
        self._deliver(result)
        self.loaded.emit()

    def _on_failed(self, message: str) -> None:
        self._settle()
        if self._failed is not None:
            self._failed(message)
        self.loaded.emit()
