"""The command line of `azrel-desktop` and the interpreter's tuning for an interactive program:
shared by the launcher (`launch.py`, which uses them before anything heavy is imported) and the
app (`app.py`), so that neither imports the other for them. Standard library only.
"""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path

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
