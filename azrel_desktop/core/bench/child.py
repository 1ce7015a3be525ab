"""Runs one command as its own process for the benchmark and reports what it cost:

    python -m azrel_desktop.core.bench.child REPORT.json MODULE [ARG ...]

runs `python -m MODULE ARG ...` in this process (`runpy`, as `-m` does), then writes its exit
status, peak resident memory and CPU seconds to REPORT.json (`memory`). Only the standard
library is imported before the command, so its own start-up is measured as a user meets it.
"""

from __future__ import annotations

import json
import runpy
import sys


def main(argv: list[str]) -> int:
    report, module, args = argv[0], argv[1], argv[2:]
    sys.argv = [module, *args]
    code: object = 0
    try:
        runpy.run_module(module, run_name="__main__", alter_sys=True)
    except SystemExit as exc:
        code = exc.code
    finally:
        sys.stdout.flush()
        from .memory import cpu_s, peak_rss_mb

        with open(report, "w", encoding="utf-8") as out:
            json.dump({"code": code if isinstance(code, int) or code is None else 1,
                       "peak_rss_mb": peak_rss_mb(), "cpu_s": cpu_s()}, out)
    return code if isinstance(code, int) else (0 if code is None else 1)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
