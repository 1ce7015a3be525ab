"""Benchmark helper, run by `azrel bench run --gui` in its own process:

    python -m azrel_desktop.ui.bench_window DB

Opens DB, shows the main window on the timeline and waits until the table, the facets and the
chart are loaded. Prints one JSON line: seconds from process start, peak resident memory, and
the longest stall of the GUI thread while loading (measured by a 10 ms timer's lateness).
"""

from __future__ import annotations

import json
import os
import sys
import time

STARTED = time.perf_counter()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _peak_rss_mb() -> float | None:
    try:
        import resource
    except ImportError:  # Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


def main(argv: list[str]) -> int:
    from pathlib import Path

    from ..core.files import start_early_look

    start_early_look(Path(argv[0]))  # as the app's entry point (`launch.main`) does
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer

    from .app import make_app, start_window
    from .export_job import wait_for_workers

    make_app([])
    # The app's own start-up: the library opens in the thread pool while the GUI thread
    # imports the window's modules, then the window is built (without restoring settings).
    library, window = start_window(Path(argv[0]), restore=False,
                                   ask=lambda message: print(message, file=sys.stderr) or "quit")
    if library is None:
        print(json.dumps({"ready": False, "window_s": None, "peak_rss_mb": _peak_rss_mb(),
                          "max_stall_ms": None, "rows": 0}))
        return 1
    window.show()
    page = window.timeline
    stalls = {"max": 0.0}
    clock = QElapsedTimer()
    clock.start()
    last = {"t": clock.elapsed()}

    def tick() -> None:
        now = clock.elapsed()
        stalls["max"] = max(stalls["max"], now - last["t"] - 10)
        last["t"] = now

    ticker = QTimer(interval=10)
    ticker.timeout.connect(tick)
    ticker.start()

    def ready() -> bool:
        return page.model.rowCount() > 0 and not page.panel.facets_busy() and not page.chart.busy()

    loop = QEventLoop()
    poll = QTimer(interval=5)
    poll.timeout.connect(lambda: loop.quit() if ready() else None)
    QTimer.singleShot(120_000, loop.quit)  # give up rather than hang
    poll.start()
    if not ready():
        loop.exec()
    poll.stop()
    shown = time.perf_counter() - STARTED
    ticker.stop()
    print(json.dumps({"ready": ready(), "window_s": round(shown, 3), "peak_rss_mb": _peak_rss_mb(),
                      "max_stall_ms": round(stalls["max"], 1), "rows": page.model.total()}))
    window.close()
    wait_for_workers()
    library.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
