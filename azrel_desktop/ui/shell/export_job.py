"""Work off the GUI thread: `LatestCall` (a query whose newest result wins, for facets and the
chart) and `ExportJob` (a cancellable CSV export written atomically, with a progress dialog).

Library calls are safe from worker threads: each call opens its own session on a pooled
connection. Results come back to the GUI thread through queued signals.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ...core.output.export import ExportCancelled, write_atomically
from ...core.query.filters import EventFilter
from ...core.service import Library
from .worker_priority import lower_this_thread


def _yield_to_the_gui() -> None:
    """Run this worker below the GUI thread's priority (once per thread; see worker_priority)."""
    lower_this_thread()


class _CallSignals(QObject):
    done = Signal(int, object)
    failed = Signal(int, str)


class _Call(QRunnable):
    def __init__(self, fn: Callable[[], object], generation: int, current: Callable[[], int]):
        super().__init__()
        self.fn = fn
        self.generation = generation
        self.current = current
        self.signals = _CallSignals()

    def run(self) -> None:
        _yield_to_the_gui()
        if self.current() != self.generation:
            # Superseded while it waited for a thread (the user typed on): skip the work.
            self._send(self.signals.done, None)
            return
        try:
            result = self.fn()
        except Exception as exc:  # reported to the GUI thread, never raised in the worker
            self._send(self.signals.failed, f"{type(exc).__name__}: {exc}")
            return
        self._send(self.signals.done, result)

    def _send(self, signal, value) -> None:
        try:
            signal.emit(self.generation, value)
        except RuntimeError:  # the view that asked was closed meanwhile; nobody is listening
            pass


def pool() -> QThreadPool:
    return QThreadPool.globalInstance()


def wait_for_workers(msecs: int = 10000) -> bool:
    """Let running background calls finish (before closing the library)."""
    return pool().waitForDone(msecs)


class LatestCall(QObject):
    """Runs calls in the thread pool; only the result of the most recent call is delivered.

    Each `start` bumps a generation counter; a result from an older generation is stale
    (the filter changed meanwhile) and is dropped, and a call still waiting for a thread when
    a newer one starts is never run, so quick changes do not queue up stale work.
    """

    finished = Signal(object)
    failed = Signal(str)
    busyChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._generation = 0
        self._pending: dict[int, _Call] = {}  # keeps signal objects alive until delivery

    @property
    def generation(self) -> int:
        return self._generation

    def busy(self) -> bool:
        return self._generation in self._pending

    def start(self, fn: Callable[[], object]) -> int:
        self._generation += 1
        call = _Call(fn, self._generation, lambda: self._generation)
        call.setAutoDelete(False)
        call.signals.done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        call.signals.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        self._pending[self._generation] = call
        pool().start(call)
        self.busyChanged.emit(True)
        return self._generation

    def _on_done(self, generation: int, result: object) -> None:
        self._pending.pop(generation, None)
        if generation == self._generation:
            self.busyChanged.emit(False)
            self.finished.emit(result)

    def _on_failed(self, generation: int, message: str) -> None:
        self._pending.pop(generation, None)
        if generation == self._generation:
            self.busyChanged.emit(False)
            self.failed.emit(message)


# --- CSV export ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int
    cancelled: bool = False
    error: str | None = None

    @property
    def message(self) -> str:
        if self.cancelled:
            return f"Export cancelled; {self.path} was not changed."
        if self.error:
            return f"Export failed: {self.error}"
        return f"{self.rows} row{'s' if self.rows != 1 else ''} written to {self.path}"


SHOW_DIALOG_AFTER_MS = 500  # quick exports never flash a dialog


class _ExportSignals(QObject):
    progress = Signal(int, int)
    preparing = Signal(int, int)
    finished = Signal(object)  # ExportResult


class _ExportRunnable(QRunnable):
    def __init__(self, path: Path, write: Callable[..., int], cancel: threading.Event):
        super().__init__()
        self.path = path
        self.write = write
        self.cancel = cancel
        self.signals = _ExportSignals()

    def run(self) -> None:
        try:
            rows = write_atomically(self.path, lambda out: self.write(
                out, progress=self.signals.progress.emit, cancelled=self.cancel.is_set,
                preparing=self.signals.preparing.emit))
            result = ExportResult(self.path, rows)
        except ExportCancelled:
            result = ExportResult(self.path, 0, cancelled=True)
        except Exception as exc:  # disk full, permission denied: reported, not raised
            result = ExportResult(self.path, 0, error=str(exc) or type(exc).__name__)
        try:
            self.signals.finished.emit(result)
        except RuntimeError:  # the window closed meanwhile; the file is already complete or removed
            pass


class ExportJob(QObject):
    """One export running in the thread pool, with an optional progress dialog and Cancel.

    `write(out, progress=..., cancelled=..., preparing=...)` is the Library call that fills the file
    (`preparing` reports rows rendered before the writing starts, after the corpus changed);
    `write_atomically` guarantees an existing file is replaced only when it is complete.
    """

    progress = Signal(int, int)
    finished = Signal(object)  # ExportResult

    def __init__(self, path: Path | str, write: Callable[..., int], parent: QObject | None = None,
                 *, dialog_parent: QWidget | None = None, label: str = "Exporting…"):
        super().__init__(parent)
        self.path = Path(path)
        self._cancel = threading.Event()
        self._runnable = _ExportRunnable(self.path, write, self._cancel)
        self._runnable.setAutoDelete(False)
        self._runnable.signals.progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._runnable.signals.preparing.connect(self._on_preparing, Qt.ConnectionType.QueuedConnection)
        self._runnable.signals.finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)
        self.result: ExportResult | None = None
        self._dialog: QProgressDialog | None = None
        if dialog_parent is not None:
            self._dialog = QProgressDialog(label, "Cancel", 0, 0, dialog_parent)
            self._dialog.setWindowTitle("Export to CSV")
            self._dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self._dialog.setAutoClose(False)
            self._dialog.setAutoReset(False)
            self._dialog.reset()  # stops QProgressDialog's own show timer; ours decides below
            self._dialog.hide()
            self._dialog.canceled.connect(self.cancel)
            self._show_timer = QTimer(self, singleShot=True, interval=SHOW_DIALOG_AFTER_MS)
            self._show_timer.timeout.connect(self._show_dialog)

    @staticmethod
    def events(library: Library, f: EventFilter, sort: tuple[str, bool], path: Path | str,
               parent: QObject | None = None, **kwargs) -> ExportJob:
        """Export exactly the timeline's filter in its sort order."""
        key, descending = sort

        def write(out, progress, cancelled, preparing):
            return library.export_events(f, out, sort=key, descending=descending,
                                         progress=progress, cancelled=cancelled, preparing=preparing)

        return ExportJob(path, write, parent, **kwargs)

    @staticmethod
    def annotations(library: Library, path: Path | str, parent: QObject | None = None, **kwargs) -> ExportJob:
        def write(out, progress, cancelled, preparing):
            if cancelled():
                raise ExportCancelled()
            return library.export_annotations(out)

        return ExportJob(path, write, parent, label="Exporting annotations…", **kwargs)

    def start(self) -> None:
        if self._dialog is not None:
            self._show_timer.start()
        pool().start(self._runnable)

    def _show_dialog(self) -> None:
        if self._dialog is not None and self.result is None:
            self._dialog.show()

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def running(self) -> bool:
        return self.result is None

    def _on_preparing(self, done: int, of: int) -> None:
        if self._dialog is not None:
            self._dialog.setMaximum(max(of, 1))
            self._dialog.setValue(done)
            self._dialog.setLabelText(f"Preparing the rows, once after the corpus changed… {done:,} of {of:,}")

    def _on_progress(self, done: int, total: int) -> None:
        if self._dialog is not None:
            self._dialog.setMaximum(max(total, 1))
            self._dialog.setValue(done)
            self._dialog.setLabelText(f"Exporting… {done} of {total} rows")
        self.progress.emit(done, total)

    def _on_finished(self, result: ExportResult) -> None:
        self.result = result
        if self._dialog is not None:
            self._show_timer.stop()
            self._dialog.reset()
            self._dialog.hide()
            # Deleted later: the dialog may still be inside its own event handler.
            QTimer.singleShot(0, self._dialog.deleteLater)
            self._dialog = None
        self.finished.emit(result)
