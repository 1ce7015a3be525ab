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

import sys
import time

from .arguments import parse_args, tune_interpreter

_STARTED = time.perf_counter()
EXIT_FAILED_START = 70  # BSD's EX_SOFTWARE


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
        from .source_cache import forget_read_sources

        forget_read_sources()  # before Qt's modules, SQLAlchemy, numpy and the window's import
        from .app import main as run_app

        return run_app(argv)
    except Exception as exc:
        crash_report.report_failed_start(exc)
        return EXIT_FAILED_START
