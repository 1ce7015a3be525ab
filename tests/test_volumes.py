"""Network volumes: the detection (mountinfo lines, Windows paths, the real volume of a test
folder) and what opening a library on one does (rollback journal, a notice, no immutable reads)."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import PureWindowsPath

import pytest
from sqlalchemy import text

from azrel_desktop.core.errors import DatabaseError
from azrel_desktop.core.query.filters import EventFilter
from azrel_desktop.core.service import Library
from azrel_desktop.core.store.database import open_database
from azrel_desktop.core.store.volumes import (
    Volume,
    is_network_fs_type,
    parse_mountinfo,
    volume_from_mountinfo,
    volume_of,
    windows_volume,
)

# Lines as /proc/self/mountinfo writes them (proc(5)): id, parent, dev, root, mount point,
# options, optional fields, "-", type, source, super options.
MOUNTINFO = "\n".join([
    "22 27 0:21 / /proc rw,relatime - proc proc rw",
    "27 1 253:1 / / rw,relatime shared:1 - ext4 /dev/vda1 rw",
    "31 27 0:26 / /home rw,nosuid,nodev,relatime shared:12 - btrfs /dev/nvme0n1p2 rw,subvol=/home",
    "88 31 0:52 / /home/leyla/uni rw,relatime shared:40 - nfs4 fs1.uni.az:/export/home/leyla "
    "rw,vers=4.2,rsize=1048576,wsize=1048576,hard,proto=tcp,sec=sys,clientaddr=10.0.0.5",
    "95 31 0:60 / /home/leyla/My\\040Share rw,relatime shared:44 - cifs //nas/research "
    "rw,vers=3.1.1,cache=strict,username=leyla,uid=1000,noforceuid",
    "101 31 0:63 / /home/leyla/remote rw,nosuid,nodev,relatime shared:50 - fuse.sshfs leyla@server:/data "
    "rw,user_id=1000,group_id=1000",
    "120 27 0:70 / /mnt/c rw,noatime shared:60 - 9p drvfs rw,aname=drvfs;path=C:\\;uid=1000",
    "130 31 0:80 / /home/leyla/uni/local rw,relatime shared:70 - tmpfs tmpfs rw,size=1024k",
])


def test_mountinfo_lines_are_read_with_their_escapes():
    mounts = parse_mountinfo(MOUNTINFO)
    assert ("/home/leyla/My Share", "cifs", "//nas/research") in mounts
    assert ("/home/leyla/uni", "nfs4", "fs1.uni.az:/export/home/leyla") in mounts
    assert ("/", "ext4", "/dev/vda1") in mounts
    assert len(mounts) == 8


@pytest.mark.parametrize(("path", "network", "kind"), [
    ("/home/leyla/uni/azrel.sqlite3", True, "nfs4"),
    ("/home/leyla/My Share/azrel.sqlite3", True, "cifs"),
    ("/home/leyla/remote/a/azrel.sqlite3", True, "fuse.sshfs"),
    ("/mnt/c/Users/leyla/azrel.sqlite3", True, "9p"),
    ("/home/leyla/azrel.sqlite3", False, "btrfs"),
    ("/home/leyla/university/azrel.sqlite3", False, "btrfs"),  # a prefix of a name is not a folder
    ("/home/leyla/uni/local/azrel.sqlite3", False, "tmpfs"),  # a local mount inside a share
    ("/srv/azrel.sqlite3", False, "ext4"),
])
def test_the_longest_mount_holding_a_path_names_its_volume(path, network, kind):
    volume = volume_from_mountinfo(path, MOUNTINFO)
    assert volume.network is network
    assert kind in volume.description


def test_a_later_mount_on_the_same_point_hides_the_earlier():
    text_ = MOUNTINFO + "\n140 31 0:90 / /home/leyla/uni rw - ext4 /dev/sdb1 rw"
    assert volume_from_mountinfo("/home/leyla/uni/azrel.sqlite3", text_) == Volume(False, "ext4")


def test_network_file_system_names():
    assert all(map(is_network_fs_type, ["nfs", "NFS4", "smbfs", "afpfs", "webdav", "cifs", "smb3",
                                        "fuse.sshfs", "fuse.rclone", "9p"]))
    assert not any(map(is_network_fs_type, ["apfs", "hfs", "ext4", "btrfs", "xfs", "tmpfs", "ntfs",
                                            "fuseblk", "overlay", "fuse.portal"]))


@pytest.mark.parametrize(("path", "network"), [
    (r"\\server\share\AzRel\azrel.sqlite3", True),
    (r"\\?\UNC\server\share\azrel.sqlite3", True),
    (r"Z:\AzRel\azrel.sqlite3", True),  # mapped: the stand-in GetDriveTypeW says DRIVE_REMOTE
    (r"C:\Users\Məmmədov\AppData\Local\AzRel\azrel.sqlite3", False),
    (r"\\?\C:\Users\x\azrel.sqlite3", False),
])
def test_windows_paths_unc_and_mapped_drives(path, network):
    drive_types = {"Z:\\": 4, "C:\\": 3}  # DRIVE_REMOTE, DRIVE_FIXED
    volume = windows_volume(PureWindowsPath(path), drive_types.__getitem__,
                            {"Z:": r"\\server\share"}.get)
    assert volume.network is network
    if path.startswith("Z:"):
        assert r"\\server\share" in volume.description


def test_the_test_folder_is_found_local_by_the_real_detection(tmp_path):
    """Runs each system's own detection (mountinfo, statfs through ctypes, GetDriveTypeW): the
    CI's temporary folders are on local disks, and the type found is a real one."""
    volume = volume_of(tmp_path / "not-yet" / "azrel.sqlite3")
    assert volume.network is False
    assert volume.description != "unknown"
    if sys.platform == "darwin":
        assert volume.description in ("apfs", "hfs")


@pytest.mark.skipif(sys.platform != "win32", reason="Windows paths and its drive API")
def test_a_unc_path_to_this_computer_is_network_and_its_drive_is_not(tmp_path):
    drive = tmp_path.drive  # "C:" or "D:" on the CI
    assert volume_of(tmp_path).network is False
    unc = PureWindowsPath(rf"\\localhost\{drive[0]}$") / tmp_path.relative_to(tmp_path.anchor)
    assert volume_of(unc).network is True


NETWORK = Volume(True, "smb3 share //nas/research")


def _journal_mode(db) -> str:
    with db.read() as s:
        return s.execute(text("PRAGMA journal_mode")).scalar()


def test_a_library_on_a_network_drive_opens_without_write_ahead_log(db_path):
    db = open_database(db_path, volume=lambda path: NETWORK, auto_backup=False)
    lib = Library(db)
    try:
        assert _journal_mode(db) == "delete"
        assert db.notice and "network drive" in db.notice and "//nas/research" in db.notice
        event_id = lib.rows(EventFilter())[0].id
        lib.add_annotation("event", event_id, "saved on the share")
        assert not db_path.with_name(db_path.name + "-wal").exists()
    finally:
        lib.close()
    con = sqlite3.connect(db_path)
    try:  # the file itself now says rollback journal, for every program that opens it
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert con.execute("SELECT count(*) FROM annotations WHERE body = 'saved on the share'").fetchone()[0] == 1
    finally:
        con.close()


def test_a_local_library_keeps_its_write_ahead_log(db_path):
    db = open_database(db_path, volume=lambda path: Volume(False, "ext4"), auto_backup=False)
    try:
        assert _journal_mode(db) == "wal"
        assert db.notice is None
    finally:
        db.close()


def test_a_new_library_on_a_network_drive_never_has_a_write_ahead_log(tmp_path):
    path = tmp_path / "share" / "azrel.sqlite3"
    db = open_database(path, volume=lambda p: NETWORK, seed=False)
    try:
        assert _journal_mode(db) == "delete"
    finally:
        db.close()


def test_a_network_library_open_elsewhere_with_a_log_is_refused_with_a_sentence(db_path):
    other = sqlite3.connect(db_path)  # another program, still in WAL mode
    other.execute("SELECT count(*) FROM events").fetchone()
    try:
        with pytest.raises(DatabaseError, match=r"network drive.*open in another program"):
            open_database(db_path, volume=lambda p: NETWORK, auto_backup=False, busy_timeout_ms=50)
    finally:
        other.close()


def test_a_read_only_network_folder_is_never_read_as_immutable(db_path, deny_write):
    """A WAL file in a folder nobody here may write: locally it is read as immutable (read-only
    media); on a network drive others may be writing it, so it is refused with a sentence."""
    deny_write(db_path.parent)
    with pytest.raises(DatabaseError, match="network drive in a folder you may only read"):
        open_database(db_path, volume=lambda p: NETWORK)
    db = open_database(db_path, volume=lambda p: Volume(False, "ext4"))
    try:
        assert db.readonly
        with db.read() as s:
            assert s.execute(text("SELECT count(*) FROM events")).scalar() > 0
    finally:
        db.close()


def test_a_read_only_network_file_with_a_log_is_refused_not_read_through_it(db_path, deny_write):
    """The file may not be written (its folder may): its write-ahead log cannot be left for the
    rollback journal, and reading through the log over a network is what must not happen."""
    deny_write(db_path)
    with pytest.raises(DatabaseError, match="network drive and was saved with a write-ahead log"):
        open_database(db_path, volume=lambda p: NETWORK)


def test_a_read_only_network_file_without_a_log_opens_read_only(db_path, deny_write):
    con = sqlite3.connect(db_path)
    con.execute("PRAGMA journal_mode = DELETE")  # as AzRel leaves a file on a network drive
    con.close()
    deny_write(db_path)
    db = open_database(db_path, volume=lambda p: NETWORK)
    try:
        assert db.readonly and _journal_mode(db) == "delete"
        with db.read() as s:
            assert s.execute(text("SELECT count(*) FROM events")).scalar() > 0
    finally:
        db.close()
