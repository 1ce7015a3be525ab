"""Run the `azrel` command as a user who is subject to file permissions.

    python tests/unprivileged_child.py ARG...   azrel ARG..., exit status and output passed through

The suite may run as root, whom permissions do not stop; then this child first gives up the
capabilities that override them (Linux: CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER), so a
read-only folder or a file another user owns is what it is for an ordinary user. Run as an
ordinary user it changes nothing.
"""

from __future__ import annotations

import ctypes
import os
import sys

_OVERRIDES = (1, 2, 3)  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER


class _Header(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class _Data(ctypes.Structure):
    _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32),
                ("inheritable", ctypes.c_uint32)]


def drop_overrides() -> None:
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    header = _Header(0x20080522, 0)  # _LINUX_CAPABILITY_VERSION_3
    data = (_Data * 2)()
    if libc.capget(ctypes.byref(header), data) != 0:
        raise OSError(ctypes.get_errno(), "capget failed")
    mask = ~sum(1 << bit for bit in _OVERRIDES) & 0xFFFFFFFF
    data[0].effective &= mask
    data[0].permitted &= mask
    data[0].inheritable &= mask
    if libc.capset(ctypes.byref(header), data) != 0:
        raise OSError(ctypes.get_errno(), "capset failed")


if __name__ == "__main__":
    drop_overrides()
    from azrel_desktop.core.cli import main

    sys.exit(main(sys.argv[1:]))
