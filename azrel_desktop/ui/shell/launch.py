"""The desktop app's entry point (`azrel-desktop`, `python -m azrel_desktop`).

Before anything heavy is imported it starts SQLite's look at the library file (the integrity
check is most of an ordinary open) on a thread of its own; Qt, SQLAlchemy and the window's
modules then import in the second or so that takes. Only the standard library and
`core.files` are imported until the check is running.

First of all it starts the log, the crash file and the exception hooks (`crash_report`), so
that a start from a desktop icon, which has no console, loses no error; a start that fails is
reported in a message box and exits with status 70. While SQLite looks at the file, on Linux,
it checks that Qt can open a window at all (`display_check`: the X11 libraries, a display) and
otherwise says which packages to install and exits with status 69.

It also tunes the interpreter for an interactive program with busy worker threads
(`tune_interpreter`), before the imports, whose objects would otherwise set off full
garbage collections.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path

_STARTED = time.perf_counter()
EXIT_FAILED_START = 70  # BSD's EX_SOFTWARE

# How long a thread that wants the interpreter lock waits before the holder must hand it over
# (Python's default is 5 ms). A repaint of the event table calls the model about a thousand
# times, each needing the lock back from a busy worker. At a million events the longest GUI
# stall across `bench_window --changes` was 75-111 ms at 5 ms (five runs), 31-87 ms at 0.5 ms
# (fourteen), 25-53 ms at 0.2 ms (thirteen) and 39-59 ms at 0.1 ms (seven), with the same
# time to results.
SWITCH_INTERVAL_S = 0.0002
# Young-generation collections between two full ones (Python's default is 10). A full pass over
# the rows and chart items alive during a filter change took 20-50 ms, holding the interpreter
# lock, in whichever thread allocated; those objects hold no cycles, so rarer is enough.
FULL_COLLECTION_EVERY = 1000


def tune_interpreter() -> None:
    """Hand the interpreter lock to a thread that waits for it within 0.2 ms, and
    make full garbage collections rare."""
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, FULL_COLLECTION_EVERY)


def parse_args(argv: list[str]) -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(prog="azrel-desktop", description="AzRel Desktop research browser")
    parser.add_argument("--db", type=Path, default=None,
                        help="library file to open (created and seeded if missing; default: AZREL_DB "
                             "or the per-user data directory)")
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation offscreen (a temporary library, the main window, the "
                             "timeline) and exit 0 if it works")
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    return parser.parse_known_args(argv)


def _version() -> str:
    from ... import __version__

    return __version__


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    args, _qt_args = parse_args(argv)
    tune_interpreter()
    if args.self_test:
        from .self_test import run

        return run(_STARTED)
    from . import crash_report

    crash_report.install()
    try:
        from ...core.store.files import default_db_path, start_early_look

        start_early_look(args.db or default_db_path())
        from .display_check import EXIT_NO_DISPLAY, display_problem

        problem = display_problem(argv)  # while SQLite looks at the file: it writes nothing
        if problem is not None:
            crash_report.log.error("%s", problem.message)
            crash_report.tell_without_qt(problem.message)
            return EXIT_NO_DISPLAY
        from .app import main as run_app

        return run_app(argv)
    except Exception as exc:
        crash_report.report_failed_start(exc)
        return EXIT_FAILED_START
