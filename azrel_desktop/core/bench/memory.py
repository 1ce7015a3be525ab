"""A process's own peak resident memory and CPU time, on every platform, with the standard
library only (the benchmark's child processes report these about themselves at exit).

Linux: `VmHWM` from /proc (`ru_maxrss` survives the exec that started a process, so a child
started from a big benchmark process would report the parent's size at the fork); macOS and
the BSDs: `resource.getrusage` (bytes on macOS, KiB elsewhere); Windows: the process's
`PeakWorkingSetSize` from `GetProcessMemoryInfo` (psapi, through ctypes). None where none of
these answers.
"""

from __future__ import annotations

import os
import sys


def peak_rss_mb() -> float | None:
    """This process's peak resident memory so far, in MiB."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    if sys.platform == "win32":
        return _windows_peak_mb()
    try:
        import resource
    except ImportError:
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


def _windows_peak_mb() -> float | None:
    try:
        import ctypes
        from ctypes import wintypes

        class Counters(ctypes.Structure):
            _fields_ = [("cb", wintypes.DWORD), ("PageFaultCount", wintypes.DWORD),
                        ("PeakWorkingSetSize", ctypes.c_size_t), ("WorkingSetSize", ctypes.c_size_t),
                        ("QuotaPeakPagedPoolUsage", ctypes.c_size_t), ("QuotaPagedPoolUsage", ctypes.c_size_t),
                        ("QuotaPeakNonPagedPoolUsage", ctypes.c_size_t),
                        ("QuotaNonPagedPoolUsage", ctypes.c_size_t), ("PagefileUsage", ctypes.c_size_t),
                        ("PeakPagefileUsage", ctypes.c_size_t)]

        counters = Counters()
        counters.cb = ctypes.sizeof(Counters)
        process = ctypes.windll.kernel32.GetCurrentProcess()  # type: ignore[attr-defined]
        if not ctypes.windll.psapi.GetProcessMemoryInfo(  # type: ignore[attr-defined]
                process, ctypes.byref(counters), counters.cb):
            return None
        return round(counters.PeakWorkingSetSize / (1024 * 1024), 1)
    except (OSError, AttributeError, ImportError):
        return None


def cpu_s() -> float:
    """CPU seconds this process has used (user + system): on a loaded machine the wall time
    includes waiting for a core, this does not."""
    times = os.times()
    return round(times.user + times.system, 3)
