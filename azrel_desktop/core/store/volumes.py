"""Which kind of volume a library file lives on: a local disk, or a network share.

SQLite's write-ahead log needs shared memory that every process using the file can see, which
a network file system cannot give (each computer has its own), and the locks network file
systems offer are sometimes weaker than a local disk's. `open_database` asks `volume_of` and
opens a file on a network volume differently (see `database.py`).

How each system says so:
- Windows: a UNC path (`\\\\server\\share\\…`), or a drive letter that `GetDriveTypeW` reports as
  remote (a mapped drive; `WNetGetConnectionW` names the share it maps).
- macOS: the file system type `statfs` reports (`smbfs`, `nfs`, `afpfs`, `webdav`, …).
- Linux and other systems with /proc: the type of the mount holding the file, from
  /proc/self/mountinfo (`nfs`, `cifs`, `smb3`, `fuse.sshfs`, `9p`, …).

Standard library only (ctypes on Windows and macOS), so the first look at a file can ask it.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path, PurePath, PureWindowsPath

# File system types that live on another computer. A FUSE file system reports "fuse.<name>".
NETWORK_FS_TYPES = frozenset({
    "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "afpfs", "webdav", "davfs", "ncpfs",
    "9p", "afs", "coda", "ceph", "glusterfs", "lustre", "gpfs", "beegfs", "ocfs2", "gfs2",
    "sshfs", "rclone", "s3fs", "ftp", "curlftpfs", "cvmfs", "moosefs", "juicefs",
})


@dataclass(frozen=True)
class Volume:
    """Where a file lives: `network` is True for a share on another computer; `description`
    names what was found, for a message (a file system type, a share's path)."""

    network: bool
    description: str


LOCAL_UNKNOWN = Volume(False, "unknown")


def is_network_fs_type(fs_type: str) -> bool:
    """Whether a file system type name (as mountinfo or statfs give it) is a network one."""
    name = fs_type.strip().lower()
    if name.startswith("fuse."):
        name = name.split(".", 1)[1]
    return name in NETWORK_FS_TYPES


def _unescape_mount_path(text: str) -> str:
    """mountinfo writes space, tab, newline and backslash in paths as octal escapes (\\040 …)."""
    out: list[str] = []
    i = 0
    while i < len(text):
        if text[i] == "\\" and i + 4 <= len(text) and text[i + 1:i + 4].isdigit():
            out.append(chr(int(text[i + 1:i + 4], 8)))
            i += 4
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def parse_mountinfo(text: str) -> list[tuple[str, str, str]]:
    """The (mount point, file system type, source) of each line of /proc/self/mountinfo, in
    the file's order (a later mount on the same point hides an earlier one)."""
    mounts = []
    for line in text.splitlines():
        fields = line.split(" ")
        try:
            sep = fields.index("-", 6)  # optional fields (shared:1 …) end at a lone "-"
            mount_point, fs_type, source = fields[4], fields[sep + 1], fields[sep + 2]
        except (ValueError, IndexError):
            continue
        mounts.append((_unescape_mount_path(mount_point), fs_type, _unescape_mount_path(source)))
    return mounts


def volume_from_mountinfo(path: str, mountinfo: str) -> Volume:
    """The volume of an absolute, symlink-free POSIX `path` according to a mountinfo text."""
    best: tuple[int, str, str] | None = None
    for mount_point, fs_type, source in parse_mountinfo(mountinfo):
        holds = path == mount_point or path.startswith(mount_point.rstrip("/") + "/")
        # The longest mount point holding the path wins; among equals, the last mounted.
        if holds and (best is None or len(mount_point) >= best[0]):
            best = (len(mount_point), fs_type, source)
    if best is None:
        return LOCAL_UNKNOWN
    _, fs_type, source = best
    if is_network_fs_type(fs_type):
        return Volume(True, f"{fs_type} share {source}")
    return Volume(False, fs_type)


def windows_volume(path: PureWindowsPath, drive_type=None, remote_name=None) -> Volume:
    """The volume of an absolute Windows path. `drive_type(root)` and `remote_name(drive)` are
    `GetDriveTypeW` and `WNetGetConnectionW`; tests give stand-ins to run this anywhere."""
    drive = path.drive
    if drive.startswith(("\\\\?\\UNC\\", "\\\\.\\UNC\\")):
        return Volume(True, "\\\\" + drive[8:])
    if drive.startswith(("\\\\?\\", "\\\\.\\")):
        drive = drive[4:]  # an extended-length path: the drive letter behind the prefix
    if drive.startswith("\\\\"):
        return Volume(True, drive)
    if len(drive) == 2 and drive[1] == ":" and drive_type is not None:
        if drive_type(drive + "\\") == _DRIVE_REMOTE:
            share = remote_name(drive) if remote_name is not None else None
            return Volume(True, f"{drive} ({share})" if share else f"network drive {drive}")
        return Volume(False, f"drive {drive}")
    return LOCAL_UNKNOWN


_DRIVE_REMOTE = 4  # GetDriveTypeW's DRIVE_REMOTE


def _win_drive_type(root: str) -> int:
    import ctypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    kernel32.GetDriveTypeW.argtypes = [ctypes.c_wchar_p]
    kernel32.GetDriveTypeW.restype = ctypes.c_uint
    return int(kernel32.GetDriveTypeW(root))


def _win_remote_name(drive: str) -> str | None:
    import ctypes

    mpr = ctypes.WinDLL("mpr")  # type: ignore[attr-defined]
    size = ctypes.c_ulong(1024)
    buffer = ctypes.create_unicode_buffer(size.value)
    if mpr.WNetGetConnectionW(ctypes.c_wchar_p(drive), buffer, ctypes.byref(size)) != 0:
        return None
    return buffer.value or None


def _mac_fs_type(path: str) -> tuple[str, bool] | None:
    """`statfs`'s file system type name and MNT_LOCAL flag for a path on macOS."""
    import ctypes

    class StatFS(ctypes.Structure):  # struct statfs, 64-bit inode layout (sys/mount.h)
        _fields_ = [
            ("f_bsize", ctypes.c_uint32), ("f_iosize", ctypes.c_int32),
            ("f_blocks", ctypes.c_uint64), ("f_bfree", ctypes.c_uint64), ("f_bavail", ctypes.c_uint64),
            ("f_files", ctypes.c_uint64), ("f_ffree", ctypes.c_uint64),
            ("f_fsid", ctypes.c_int32 * 2), ("f_owner", ctypes.c_uint32), ("f_type", ctypes.c_uint32),
            ("f_flags", ctypes.c_uint32), ("f_fssubtype", ctypes.c_uint32),
            ("f_fstypename", ctypes.c_char * 16), ("f_mntonname", ctypes.c_char * 1024),
            ("f_mntfromname", ctypes.c_char * 1024), ("f_flags_ext", ctypes.c_uint32),
            ("f_reserved", ctypes.c_uint32 * 7),
        ]

    libc = ctypes.CDLL("/usr/lib/libSystem.B.dylib", use_errno=True)
    try:
        statfs = libc["statfs$INODE64"]  # Intel Macs: the 64-bit-inode layout has its own symbol
    except AttributeError:
        statfs = libc.statfs  # Apple silicon has only that layout
    statfs.argtypes = [ctypes.c_char_p, ctypes.POINTER(StatFS)]
    statfs.restype = ctypes.c_int
    result = StatFS()
    if statfs(os.fsencode(path), ctypes.byref(result)) != 0:
        return None
    mnt_local = 0x00001000
    return result.f_fstypename.decode("utf-8", "replace"), bool(result.f_flags & mnt_local)


def _existing(path: Path) -> Path:
    """The path itself or its nearest existing parent (a new library's folder may not exist)."""
    path = Path(os.path.abspath(path))
    while not path.exists() and path.parent != path:
        path = path.parent
    return path


def volume_of(path: PurePath | str) -> Volume:
    """The volume holding `path` (which need not exist yet). Never raises: when a system does
    not say, the volume counts as local, as it always did."""
    try:
        if sys.platform == "win32":
            return windows_volume(PureWindowsPath(os.path.abspath(path)), _win_drive_type, _win_remote_name)
        here = _existing(Path(path))
        if sys.platform == "darwin":
            found = _mac_fs_type(str(here))
            if found is None:
                return LOCAL_UNKNOWN
            fs_type, local = found
            # A file system the kernel does not mark local (MNT_LOCAL) is another computer's.
            if is_network_fs_type(fs_type) or not local:
                return Volume(True, f"{fs_type} share")
            return Volume(False, fs_type)
        try:
            mountinfo = Path("/proc/self/mountinfo").read_text(encoding="utf-8", errors="surrogateescape")
        except OSError:
            return LOCAL_UNKNOWN
        return volume_from_mountinfo(os.path.realpath(here), mountinfo)
    except Exception:  # a detection that fails must not stop a local library from opening
        return LOCAL_UNKNOWN
