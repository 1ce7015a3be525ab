"""The slow fault script: many cycles of SIGKILL during annotation writes.

    python tests/kill_loop.py --cycles 200 [--db PATH]

Prints the cycles run, acknowledged writes and writes lost (must be 0); exits 1 on any loss.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from test_faults import check_notes, kill_cycle

from azrel_desktop.core.opening import open_database


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cycles", type=int, default=200)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    db = args.db or Path(tempfile.mkdtemp()) / "kill-loop.sqlite3"
    open_database(db).close()
    acked: set[str] = set()
    for cycle in range(1, args.cycles + 1):
        acked |= set(kill_cycle(db, rng.randint(1, 40), cycle))
        try:
            check_notes(db, acked)
        except AssertionError as exc:
            print(f"cycle {cycle}: FAILED: {exc}")
            return 1
    print(f"cycles run: {args.cycles}; acknowledged writes: {len(acked)}; writes lost: 0; "
          "integrity check: ok after every cycle")
    return 0


if __name__ == "__main__":
    sys.exit(main())
