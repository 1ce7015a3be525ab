"""Running a worker thread below the GUI thread's CPU priority, on each system.

On a busy machine a worker computing at the GUI thread's priority halves the CPU the GUI thread
gets, and a repaint that takes 15 ms alone takes 60-120 ms (measured at 1M events); a lowered
worker still uses every idle core. Each system has its own way for one thread:
- Linux: each thread has its own nice value (`setpriority` on the thread id); Qt's thread
  priorities do nothing there under the default scheduler.
- macOS: the thread's quality-of-service class, `QOS_CLASS_UTILITY` (what Apple asks of work the
  user waits for but does not watch); the scheduler and the efficiency cores follow it.
- Windows and others: `QThread.LowPriority`, which Qt maps to `THREAD_PRIORITY_BELOW_NORMAL`.
"""

from __future__ import annotations

import os
import sys
import threading

from PySide6.QtCore import QThread

BACKGROUND_NICENESS = 10  # how much lower than the GUI thread a worker runs (Linux)
QOS_CLASS_UTILITY = 0x11  # <sys/qos.h>

_worker = threading.local()


def _lower_linux() -> str:
    tid = threading.get_native_id()
    os.setpriority(os.PRIO_PROCESS, tid, max(os.getpriority(os.PRIO_PROCESS, tid), BACKGROUND_NICENESS))
    return f"nice {os.getpriority(os.PRIO_PROCESS, tid)}"


def _lower_macos() -> str:
    import ctypes

    libc = ctypes.CDLL("/usr/lib/libSystem.B.dylib")
    libc.pthread_set_qos_class_self_np.argtypes = [ctypes.c_uint, ctypes.c_int]
    libc.pthread_set_qos_class_self_np.restype = ctypes.c_int
    if libc.pthread_set_qos_class_self_np(QOS_CLASS_UTILITY, 0) != 0:
        raise OSError("pthread_set_qos_class_self_np refused")
    return "qos utility"


def _lower_qt() -> str:
    thread = QThread.currentThread()
    thread.setPriority(QThread.Priority.LowPriority)
    return f"QThread {thread.priority().name}"


def lower_this_thread(platform: str = sys.platform) -> str | None:
    """Lower the calling worker thread's priority, once per thread; says how (None when it had
    been done, or nothing could be done). Never raises: a worker at normal priority still works."""
    if getattr(_worker, "lowered", False):
        return None
    _worker.lowered = True
    try:
        if platform.startswith("linux"):
            return _lower_linux()
        if platform == "darwin":
            return _lower_macos()
        return _lower_qt()
    except (OSError, AttributeError, ValueError):
        return None
