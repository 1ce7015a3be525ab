"""Benchmark helper, run by `azrel bench run --gui` in its own process:

    python -m azrel_desktop.ui.tools.bench_import DB FOLDER

Opens (or makes) DB, shows the main window on the timeline, then imports every PDF in FOLDER
as File → Import sources… does (the progress dialog shown, the import off the GUI thread) and
waits until it is done and the views have taken in the new sources. Prints one JSON line: the
import's seconds and the longest stall of the GUI thread meanwhile (a 10 ms timer's lateness,
as `bench_window` measures it), and for comparison the longest stall of the idle window over
three seconds before (what the machine's scheduling alone costs).
"""

from __future__ import annotations

import json
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv: list[str]) -> int:
    from pathlib import Path

    from ..shell.app import make_app, start_window
    from ..shell.runner import wait_for_workers
    from .bench_window import _pause, _StallMeter, _wait

    db, folder = Path(argv[0]), Path(argv[1])
    make_app([])

    def refuse(message: str) -> str:
        print(message, file=sys.stderr)
        return "quit"

    library, window = start_window(db, restore=False, ask=refuse)
    if library is None:
        print(json.dumps({"import_s": None, "max_stall_ms": None}))
        return 1
    window.resize(1280, 800)
    window.show()
    page = window.timeline

    def ready() -> bool:
        return (page.model.rowCount() > 0 and not page.model.loading() and not page.panel.facets_busy()
                and not page.chart.busy())

    _wait(ready)  # the window as a user sees it before choosing the files: fully loaded
    paths = sorted(folder.glob("*.pdf"))
    meter = _StallMeter()
    meter.reset()
    _pause(3000)  # the window idle: the machine's own scheduling noise, to compare with
    idle = meter.max
    meter.reset()
    start = time.perf_counter()
    job = window.import_sources(paths, dialog=False)
    _wait(lambda: job.result is not None, timeout_ms=600_000)
    seconds = time.perf_counter() - start
    during = meter.max
    meter.reset()
    _wait(ready)  # the views take the new sources in
    _pause(50)  # a few ticks after, so a stall at the end is seen
    report = job.result.report if job.result else None
    result = {"import_s": round(seconds, 2), "max_stall_ms": round(max(during, meter.max), 1),
              "stall_during_ms": round(during, 1), "stall_after_ms": round(meter.max, 1),
              "idle_stall_ms": round(idle, 1),
              "imported": len(report.stored) if report else 0, "files": len(paths)}
    meter.ticker.stop()
    print(json.dumps(result))
    window.close()
    wait_for_workers()
    library.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
