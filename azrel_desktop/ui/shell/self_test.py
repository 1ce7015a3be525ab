"""`azrel-desktop --self-test`: proof that an installation (a bundle above all) works.

Offscreen and in a temporary folder, so it touches neither the screen nor the user's data: it
imports every module the app may load late, checks that Help → About can name every component,
creates, migrates and seeds a new library, imports into it one file of every kind the importer
reads (PDF, DOCX, HTML, text, Markdown, a bibliography: their readers' data files must be there)
and finds them by their text, re-anchors an edited passage on a new version of a text (the
approximate matcher), builds the main window, waits for the timeline to fill and renders it once, then exits 0. Any failure
prints its traceback and exits 1. CI runs it from the built bundle (`.ci/run`) and the release
workflow on each system, failing on any traceback or Qt warning it prints; the lines it prints
on stdout carry the time since the launcher started (`packaging/measure_start.py` times the
whole start, Python's and a bundle's own loading included, from outside).
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys
import tempfile
import time
import traceback
from pathlib import Path

# Imported inside functions somewhere in the app, so a bundler that follows imports statically
# could miss them; the self-test imports them up front.
LATE_IMPORTS = ("numpy", "yaml", "alembic.command", "alembic.script", "alembic.util.exc", "alembic.runtime.migration",
                "sqlalchemy.dialects.sqlite", "csv", "sqlite3")
# Developer tools (benchmark windows, screenshots), not part of an installation.
NOT_SHIPPED = ("azrel_desktop.ui.tools", "azrel_desktop.__main__")
WAIT_S = 120.0


def _say(started: float, text: str) -> None:
    print(f"self-test: {text} ({(time.perf_counter() - started) * 1000:.0f} ms)", flush=True)


def app_modules() -> list[str]:
    """Every module of the app that an installation ships."""
    import azrel_desktop

    names = [azrel_desktop.__name__]
    for info in pkgutil.walk_packages(azrel_desktop.__path__, prefix="azrel_desktop."):
        if not info.name.startswith(NOT_SHIPPED):
            names.append(info.name)
    return names


def import_everything() -> int:
    names = [*app_modules(), *LATE_IMPORTS]
    for name in names:
        importlib.import_module(name)
    return len(names)


def _wait(condition, timeout_s: float = WAIT_S) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    deadline = time.monotonic() + timeout_s
    loop = QEventLoop()
    timer = QTimer(interval=20)

    def check() -> None:
        if condition() or time.monotonic() > deadline:
            loop.quit()

    timer.timeout.connect(check)
    timer.start()
    if not condition():
        loop.exec()
    timer.stop()
    if not condition():
        raise TimeoutError(f"the window did not finish loading within {timeout_s:.0f} s")


def run(started: float | None = None) -> int:
    """Run the self-test; returns the exit status."""
    started = time.perf_counter() if started is None else started
    saved = {name: os.environ.get(name) for name in _ISOLATING}
    try:
        with tempfile.TemporaryDirectory(prefix="azrel-self-test-") as tmp:
            _isolate(Path(tmp))
            _check(Path(tmp), started)
    except Exception:
        traceback.print_exc()
        print("self-test: FAILED", flush=True)
        return 1
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    print("self-test: ok", flush=True)
    return 0


_ISOLATING = ("QT_QPA_PLATFORM", "AZREL_DATA_DIR", "AZREL_SETTINGS_DIR", "AZREL_DB")


def _isolate(tmp: Path) -> None:
    """Offscreen, and every file the app would write inside `tmp`."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["AZREL_DATA_DIR"] = str(tmp / "data")
    os.environ["AZREL_SETTINGS_DIR"] = str(tmp / "settings")
    os.environ.pop("AZREL_DB", None)


def _check(tmp: Path, started: float) -> None:
    from . import crash_report

    reporting = crash_report.install(dialogs=False)
    try:
        count = import_everything()
        _say(started, f"imported {count} modules")
        from ...core.service import Library
        from .app import build_main_window, make_app
        from .runner import wait_for_workers

        make_app([])
        from .about import components, missing_required

        listed = [c.name for c in components()]
        if missing_required(listed):
            raise RuntimeError(f"Help → About cannot name {missing_required(listed)} (package metadata missing)")
        _say(started, f"{len(listed)} components named in Help → About")
        library = Library.open(tmp / "self-test.sqlite3")
        try:
            total = library.total()
            if total <= 0:
                raise RuntimeError("the new library holds no events after seeding")
            _say(started, f"library created, migrated and seeded: {total} events")
            from .self_test_files import import_every_kind

            folder = tmp / "files"
            folder.mkdir()
            kinds = import_every_kind(library, folder)
            _say(started, f"imported and found one file of each kind: {', '.join(kinds)}")
            from .self_test_files import reanchor_a_new_version

            _say(started, f"a new version of a text: its edited passage {reanchor_a_new_version(library, folder)}")
            window = build_main_window(library, restore=False)
            window.show()
            _say(started, "first window shown")
            page = window.timeline
            _wait(lambda: not page.panel.facets_busy() and not page.chart.busy() and page.model.rowCount() > 0)
            if not page.chart.canvas.items:
                raise RuntimeError("the timeline chart drew nothing")
            image = page.grab().toImage()
            if image.isNull() or len({image.pixel(x, image.height() // 2) for x in range(0, image.width(), 7)}) < 3:
                raise RuntimeError("the rendered timeline is blank")
            _say(started, f"timeline rendered: {page.model.rowCount()} rows, {len(page.chart.canvas.items)} chart items")
            window.close()
            wait_for_workers()
        finally:
            library.close()
        if reporting is not None and reporting.log_file.stat().st_size == 0:
            raise RuntimeError(f"nothing was written to the log {reporting.log_file}")
    finally:
        if reporting is not None:
            crash_report.uninstall()
    sys.stdout.flush()
