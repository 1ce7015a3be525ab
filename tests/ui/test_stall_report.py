"""The GUI benchmark's stall report (ui/tools/bench_window.py): a stall of the GUI thread longer
than 50 ms is kept with the step it came in and the Python stack the GUI thread was running
while it lasted, sampled from another thread."""

from __future__ import annotations

import time

from azrel_desktop.ui.tools.bench_window import STALL_REPORTED_MS, _StallMeter


def busy_in_the_gui_thread(ms: float) -> None:
    end = time.perf_counter() + ms / 1000
    while time.perf_counter() < end:
        pass


def test_a_long_stall_is_reported_with_what_the_gui_thread_ran(qtbot):
    meter = _StallMeter()
    try:
        qtbot.waitUntil(lambda: meter._last > 0, timeout=2000)
        meter.reset("typing")
        busy_in_the_gui_thread(8 * STALL_REPORTED_MS)  # long enough for the watchdog to sample it
        qtbot.waitUntil(lambda: any(s["step"] == "typing" for s in meter.stalls), timeout=5000)
        stall = next(s for s in meter.stalls if s["step"] == "typing")
        assert stall["ms"] > STALL_REPORTED_MS
        assert stall["samples"] > 0
        assert any("busy_in_the_gui_thread" in where for where in stall["gui_thread"])
        assert meter.max >= stall["ms"]
    finally:
        meter.stop()

