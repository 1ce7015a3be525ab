"""The one way the window runs work off the GUI thread, in the manner of Anki's QueryOp and
CollectionOp:

- `LatestCall` — a query whose newest request wins (facets, the chart, a page of rows, a
  record page): a call still waiting for a thread when a newer one starts is never run, and
  an older result arriving late is dropped.
- `Operations` — changes that must run and must be reported (a backup, a restore, an import):
  every submitted operation runs, in the order submitted, one at a time, and each one's
  outcome is delivered; nothing supersedes it.
- `Task` — the runnable both are made of: it runs a function in the thread pool with a
  progress callback and a cancel flag, and delivers the result, an error sentence or its
  progress to the GUI thread through queued signals. `ExportJob` and the opening of the
  library use it directly.

The rule this module serves: once the window is shown, the GUI thread sends no SQL. Library
calls are safe from worker threads (each opens its own session on a pooled connection), and
results are plain values. Worker threads run below the GUI thread's CPU priority.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal

from .worker_priority import lower_this_thread


def _yield_to_the_gui() -> None:
    """Run this worker below the GUI thread's priority (once per thread; see worker_priority)."""
    lower_this_thread()


def pool() -> QThreadPool:
    return QThreadPool.globalInstance()


def wait_for_workers(msecs: int = 10000) -> bool:
    """Let running background work finish (before closing the library)."""
    return pool().waitForDone(msecs)


@dataclass
class Progress:
    """Handed to a task's function: `report(...)` sends progress to the GUI thread,
    `cancelled()` says whether the user asked to stop."""

    report: Callable[..., None]
    cancelled: Callable[[], bool]


class _TaskSignals(QObject):
    progress = Signal(object)  # a tuple of what the function reported
    done = Signal(object)
    failed = Signal(str, object)  # a sentence, the exception
    # The same outcomes with the task's tag, for a receiver that runs several tasks: connected
    # to the receiver's own methods, they are cut when the receiver is deleted.
    tagged_done = Signal(object, object)
    tagged_failed = Signal(object, str)


class Task(QRunnable):
    """`fn(progress)` run once in the thread pool. Results arrive on the GUI thread through
    `signals` (connect before `start`). An exception becomes `failed` with a sentence, never a
    traceback in the worker; `describe_error` can word it (default: the exception's text)."""

    def __init__(self, fn: Callable[[Progress], object], *,
                 describe_error: Callable[[BaseException], str] | None = None,
                 should_run: Callable[[], bool] | None = None, tag: object = None) -> None:
        super().__init__()
        self.tag = tag
        self.setAutoDelete(False)
        self.fn = fn
        self.signals = _TaskSignals()
        self._cancel = threading.Event()
        self._describe = describe_error or (lambda exc: f"{type(exc).__name__}: {exc}")
        self._should_run = should_run

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def start(self) -> None:
        pool().start(self)

    def run(self) -> None:
        _yield_to_the_gui()
        if self._should_run is not None and not self._should_run():
            self._finish(None)  # superseded while it waited: skip the work
            return
        progress = Progress(lambda *values: self._send(self.signals.progress, values), self._cancel.is_set)
        try:
            result = self.fn(progress)
        except Exception as exc:  # reported to the GUI thread, never raised in the worker
            message = self._describe(exc)
            self._send(self.signals.failed, message, exc)
            self._send(self.signals.tagged_failed, self.tag, message)
            return
        self._finish(result)

    def _finish(self, result: object) -> None:
        self._send(self.signals.done, result)
        self._send(self.signals.tagged_done, self.tag, result)

    @staticmethod
    def _send(signal, *values) -> None:
        try:
            signal.emit(*values)
        except RuntimeError:  # the view that asked was closed meanwhile; nobody is listening
            pass


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
        self._pending: dict[int, Task] = {}  # keeps signal objects alive until delivery

    @property
    def generation(self) -> int:
        return self._generation

    def busy(self) -> bool:
        return self._generation in self._pending

    def start(self, fn: Callable[[], object]) -> int:
        self._generation += 1
        generation = self._generation
        task = Task(lambda _progress: fn(), should_run=lambda: self._generation == generation, tag=generation)
        task.signals.tagged_done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        task.signals.tagged_failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        self._pending[generation] = task
        task.start()
        self.busyChanged.emit(True)
        return generation

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


class Operations(QObject):
    """Changes that must run: each submitted operation runs, in order, one at a time, and its
    outcome is delivered (`finished(token, result)` or `failed(token, sentence)`). A second
    operation submitted while one runs waits for it; none is ever dropped."""

    finished = Signal(object, object)  # token, result
    failed = Signal(object, str)  # token, a sentence
    busyChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None, *,
                 describe_error: Callable[[BaseException], str] | None = None):
        super().__init__(parent)
        self._queue: deque[tuple[object, Callable[[], object]]] = deque()
        self._running: Task | None = None
        self._describe = describe_error

    def busy(self) -> bool:
        return self._running is not None or bool(self._queue)

    def submit(self, token: object, fn: Callable[[], object]) -> None:
        """Run `fn` after the operations before it; `token` comes back with its outcome."""
        was_busy = self.busy()
        self._queue.append((token, fn))
        if not was_busy:
            self.busyChanged.emit(True)
        self._next()

    def _next(self) -> None:
        if self._running is not None or not self._queue:
            return
        token, fn = self._queue.popleft()
        task = Task(lambda _progress: fn(), tag=token, describe_error=self._describe)
        task.signals.tagged_done.connect(self._done, Qt.ConnectionType.QueuedConnection)
        task.signals.tagged_failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        self._running = task
        task.start()

    def _done(self, token: object, result: object) -> None:
        self._settle(token, result, None)

    def _failed(self, token: object, message: str) -> None:
        self._settle(token, None, message)

    def _settle(self, token: object, result: object, error: str | None) -> None:
        self._running = None
        if error is None:
            self.finished.emit(token, result)
        else:
            self.failed.emit(token, error)
        self._next()
        if not self.busy():
            self.busyChanged.emit(False)
