"""The desktop app's entry point (`azrel-desktop`, `python -m azrel_desktop`).

Before anything heavy is imported it starts SQLite's look at the library file (the integrity
check is most of an ordinary open) on a thread of its own; Qt, SQLAlchemy and the window's
modules then import in the second or so that takes. Only the standard library and
`core.files` are imported until the check is running.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def parse_args(argv: list[str]) -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(prog="azrel-desktop", description="AzRel Desktop research browser")
    parser.add_argument("--db", type=Path, default=None,
                        help="library file to open (created and seeded if missing; default: AZREL_DB "
                             "or the per-user data directory)")
    return parser.parse_known_args(argv)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    args, _qt_args = parse_args(argv)
    from ..core.files import default_db_path, start_early_look

    start_early_look(args.db or default_db_path())
    from .app import main as run_app

    return run_app(argv)
