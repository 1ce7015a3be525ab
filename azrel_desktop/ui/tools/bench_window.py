"""Benchmark helper, run by `azrel bench run --gui` in its own process:

    python -m azrel_desktop.ui.tools.bench_window DB [--changes] [--shots DIR]

Opens DB, shows the main window on the timeline and waits until the table, the facets and the
chart are loaded. Prints one JSON line: seconds from process start, peak resident memory when
ready (`peak_rss_mb_ready`) and over the whole process at its end (`peak_rss_mb`), its CPU
seconds, and the longest stall of the GUI thread while loading (a 10 ms timer's lateness);
`stalls` lists every stall longer than 50 ms with the step it came in and what the GUI thread
(and the other threads) were running, sampled while it lasted.

With `--changes` it then makes a sequence of filter changes the way a user does — the
benchmark's typical filters set one after another, a search typed a letter at a time (each
pause long enough for the search box to apply the prefix, so loads overlap), scrolling down
ten pages, a sort change — and reports the longest GUI-thread stall across them (`changes_max_stall_ms`) and per step.
With `--shots DIR` it saves the window while a load is running and after it (PNG files).
"""

from __future__ import annotations

import json
import os
import sys
import time

STARTED = time.perf_counter()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TYPING_INTERVAL_MS = 400  # a slow typist: longer than the search box's pause, so each prefix applies


def _peak_rss_mb() -> float | None:
    """This process's peak resident memory so far (see `core/bench/memory.py`)."""
    from ...core.bench.memory import peak_rss_mb

    return peak_rss_mb()


STALL_REPORTED_MS = 50  # a stall longer than this is reported with what the GUI thread was running
SAMPLE_EVERY_S = 0.005


def _where(frame, depth: int = 8) -> str:
    """The innermost `depth` frames of a stack, innermost last, as `module:line function`."""
    parts: list[str] = []
    while frame is not None and len(parts) < depth:
        code = frame.f_code
        name = code.co_filename.replace("\\", "/")
        name = name.split("/azrel_desktop/", 1)[-1] if "/azrel_desktop/" in name else name.rsplit("/", 1)[-1]
        parts.append(f"{name}:{frame.f_lineno} {code.co_name}")
        frame = frame.f_back
    return " < ".join(parts)


class _StallMeter:
    """The longest lateness of a 10 ms timer since the last `reset`: how long the GUI thread
    was kept from its event loop.

    A watchdog thread samples the GUI thread's Python stack (`sys._current_frames`) every 5 ms
    while the timer is more than `STALL_REPORTED_MS` late, and the other threads' innermost
    frames with it (a worker holding the interpreter lock shows there); each stall longer than
    that is kept in `stalls` with the step it happened in and its most frequent stacks. A stack
    that ends in the event loop means the GUI thread was in Qt's C++ or waiting for the lock."""

    def __init__(self):
        import threading
        from collections import Counter

        from PySide6.QtCore import QElapsedTimer, QTimer

        self.clock = QElapsedTimer()
        self.clock.start()
        self.max = 0.0
        self.label = "loading"
        self.stalls: list[dict] = []
        self._last = self.clock.elapsed()
        self._beat = time.monotonic()
        self._gui = threading.get_ident()
        self._samples: Counter = Counter()
        self._others: Counter = Counter()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._watchdog = threading.Thread(target=self._watch, name="stall watchdog", daemon=True)
        self._watchdog.start()
        self.ticker = QTimer(interval=10)
        self.ticker.timeout.connect(self._tick)
        self.ticker.start()

    def _watch(self) -> None:
        threshold = (STALL_REPORTED_MS + 10) / 1000
        while not self._stop.wait(SAMPLE_EVERY_S):
            if time.monotonic() - self._beat <= threshold:
                continue
            frames = sys._current_frames()
            gui = frames.get(self._gui)
            with self._lock:
                self._samples[_where(gui) if gui is not None else "(no Python frame)"] += 1
                for ident, frame in frames.items():
                    if ident not in (self._gui, self._watchdog.ident):
                        self._others[_where(frame, 3)] += 1

    def _tick(self) -> None:
        now = self.clock.elapsed()
        late = now - self._last - 10
        self.max = max(self.max, late)
        self._last = now
        self._beat = time.monotonic()
        with self._lock:
            samples, others = self._samples, self._others
            self._samples, self._others = type(samples)(), type(others)()
        if late > STALL_REPORTED_MS:
            self.stalls.append({"step": self.label, "ms": round(late, 1), "samples": sum(samples.values()),
                                "gui_thread": [f"{n}x {where}" for where, n in samples.most_common(3)],
                                "other_threads": [f"{n}x {where}" for where, n in others.most_common(3)]})

    def reset(self, label: str | None = None) -> None:
        self.max = 0.0
        if label is not None:
            self.label = label
        self._last = self.clock.elapsed()
        self._beat = time.monotonic()

    def stop(self) -> None:
        self.ticker.stop()
        self._stop.set()
        self._watchdog.join()


def _wait(condition, timeout_ms: int = 120_000) -> bool:
    """Run the event loop until `condition()` holds (polled every 5 ms) or the timeout."""
    from PySide6.QtCore import QEventLoop, QTimer

    if condition():
        return True
    loop = QEventLoop()
    poll = QTimer(interval=5)
    poll.timeout.connect(lambda: loop.quit() if condition() else None)
    QTimer.singleShot(timeout_ms, loop.quit)
    poll.start()
    loop.exec()
    poll.stop()
    return condition()


def _pause(ms: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _busy(model, name: str) -> bool:
    # A model that loads synchronously has no such state (the benchmark runs on older code too).
    state = getattr(model, name, None)
    return bool(state()) if callable(state) else False


def _loading(page) -> bool:
    return _busy(page.model, "loading")


def _changes(page, library, meter: _StallMeter, shots) -> dict:
    """The sequence of filter changes; for each step its longest stall and time to ready."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from ...core.bench.run import filters_to_measure
    from ...core.query.filters import EventFilter

    def ready() -> bool:
        return not _loading(page) and not page.panel.facets_busy() and not page.chart.busy()

    filters = list(filters_to_measure(library).items())
    steps: dict[str, dict] = {}

    def step(label: str, act) -> None:
        meter.reset(label)
        start = meter.clock.elapsed()
        act()
        if shots is not None and not steps:
            _pause(260)  # past LOADING_SHOWN_AFTER_MS: what a slow load looks like
            page.window().grab().save(str(shots / "loading.png"))
        done = _wait(ready)
        _pause(15)  # at least one tick after the act, so a stall inside it is seen
        steps[label] = {"stall_ms": round(meter.max, 1), "ready_ms": meter.clock.elapsed() - start,
                        "rows": page.model.total(), "ready": done}
        if shots is not None and len(steps) == 1:
            page.window().grab().save(str(shots / "loaded.png"))

    for label, f in filters:
        step(label, lambda f=f: page.set_filter(f))
    step("back to all events", lambda: page.set_filter(EventFilter()))
    search = page.panel.search

    def type_slowly(word: str) -> None:
        search.setFocus()
        for ch in word:
            QTest.keyClicks(search, ch)
            _pause(TYPING_INTERVAL_MS)

    step("search typed 'security'", lambda: type_slowly("security"))

    def scroll(pages: int) -> None:
        table = page.table
        for _ in range(pages):
            table.scrollToBottom()  # the view asks the model for more rows
            _wait(lambda: not _busy(page.model, "fetching"))
            _pause(20)

    step("scroll 10 pages down (broad search)", lambda: scroll(10))
    step("sort by title", lambda: page.set_sort("title", False))
    step("search cleared", lambda: (search.clear(), QTest.keyClick(search, Qt.Key.Key_Return)))
    return {"changes_max_stall_ms": max(s["stall_ms"] for s in steps.values()), "changes": steps}


def main(argv: list[str]) -> int:
    from pathlib import Path

    from ...core.store.files import start_early_look

    db = Path(argv[0])
    start_early_look(db)  # as the app's entry point (`launch.main`) does
    from ..shell.source_cache import forget_read_sources

    forget_read_sources()
    from ..shell.app import make_app, start_window
    from ..shell.runner import wait_for_workers

    shots = Path(argv[argv.index("--shots") + 1]) if "--shots" in argv else None
    make_app([])
    # The app's own start-up: the library opens in the thread pool while the GUI thread
    # imports the window's modules, then the window is built (without restoring settings).
    def refuse(message: str) -> str:  # what a question at start-up is answered with
        print(message, file=sys.stderr)
        return "quit"

    library, window = start_window(db, restore=False, ask=refuse)
    if library is None:
        print(json.dumps({"ready": False, "window_s": None, "peak_rss_mb": _peak_rss_mb(),
                          "max_stall_ms": None, "rows": 0}))
        return 1
    window.resize(1280, 800)
    window.show()
    # As the app does once its window shows: the whole file checked in the background.
    from ..shell.file_check import NOT_NOW, WholeFileCheck

    check = WholeFileCheck(library, ask=lambda problem: refuse(problem) and NOT_NOW, parent=window)
    check.start()
    page = window.timeline
    meter = _StallMeter()

    def ready() -> bool:
        return (page.model.rowCount() > 0 and not _loading(page) and not page.panel.facets_busy()
                and not page.chart.busy())

    loaded = _wait(ready)
    shown = time.perf_counter() - STARTED
    result = {"ready": loaded, "window_s": round(shown, 3), "peak_rss_mb_ready": _peak_rss_mb(),
              "max_stall_ms": round(meter.max, 1), "rows": page.model.total()}
    if loaded and "--changes" in argv:
        if shots is not None:
            shots.mkdir(parents=True, exist_ok=True)
        result.update(_changes(page, library, meter, shots))
    meter.stop()
    result["stalls"] = meter.stalls
    from ...core.bench.memory import cpu_s

    # The whole process's peak, over everything it did (the changes, the check of the file).
    result.update({"peak_rss_mb": _peak_rss_mb(), "cpu_s": cpu_s()})
    result["file_check"] = "sound" if check.result and check.result.ok else \
        "damaged" if check.result else "not finished"
    check.stop()
    print(json.dumps(result))
    window.close()
    wait_for_workers()
    library.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
