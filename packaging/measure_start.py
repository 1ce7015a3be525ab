"""Time from starting a program to its first window, for the bundle against a pip install.

    python packaging/measure_start.py dist/azrel-desktop/azrel-desktop .venv/bin/azrel-desktop

Each program is run with `--self-test` (offscreen, a new library in a temporary folder) a few
times, alternating, and the moment its "first window shown" line arrives is taken from the
parent's clock, so the bundle's own start (its bootloader unpacking nothing, loading Python and
its libraries) is counted as the user waits for it. Prints the medians and their ratio; with
`--max-ratio` exits 1 when the first program is slower than that multiple of the second.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

MARK = "first window shown"


def time_to_window(program: str, env: dict[str, str] | None = None) -> float:
    """Seconds from spawning `program --self-test` to its first-window line (the run must pass)."""
    started = time.perf_counter()
    proc = subprocess.Popen([program, "--self-test"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env)
    seen = None
    assert proc.stdout is not None
    for line in proc.stdout:
        if seen is None and MARK in line:
            seen = time.perf_counter() - started
    err = proc.stderr.read() if proc.stderr else ""
    if proc.wait() != 0 or seen is None:
        raise SystemExit(f"{program} --self-test failed:\n{err}")
    return seen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("program", help="the program to measure (the bundle's azrel-desktop)")
    parser.add_argument("baseline", help="the program to compare with (a pip-installed azrel-desktop)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--max-ratio", type=float, default=None)
    args = parser.parse_args(argv)
    times: dict[str, list[float]] = {args.program: [], args.baseline: []}
    time_to_window(args.program)  # warm the file cache once each, as a second start would be
    time_to_window(args.baseline)
    for _ in range(args.runs):
        for program in times:
            times[program].append(time_to_window(program))
    medians = {program: statistics.median(values) for program, values in times.items()}
    for program, values in times.items():
        print(f"{program}: first window after {medians[program]:.2f} s (median of {len(values)}: "
              f"{', '.join(f'{v:.2f}' for v in values)})")
    ratio = medians[args.program] / medians[args.baseline]
    print(f"ratio: {ratio:.2f}")
    if args.max_ratio is not None and ratio > args.max_ratio:
        print(f"{args.program} starts more than {args.max_ratio}x slower than {args.baseline}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
