"""Windows only, run by the Windows CI: a library reached through this computer's own
administrative share, as a UNC path and as a mapped drive letter — the paths that `resolve()`
turned into `file://server/share/…` URIs SQLite refused. Both must open, as network libraries
(rollback journal, a notice), and the mapped drive must be seen as remote."""

from __future__ import annotations

import sqlite3
import string
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from azrel_desktop.core.store.database import open_database
from azrel_desktop.core.store.files import sqlite_uri
from azrel_desktop.core.store.volumes import volume_of

pytestmark = pytest.mark.skipif(sys.platform != "win32", reason="Windows shares and drive letters")


def _unc(path: Path) -> Path:
    """`C:\\x\\y` as `\\\\localhost\\C$\\x\\y`, through the administrative share."""
    return Path(rf"\\localhost\{path.drive[0]}$") / path.relative_to(path.anchor)


@pytest.fixture
def mapped_drive(tmp_path):
    """A free drive letter mapped with `net use` to the test folder's share; removed after."""
    used = {p[0] for p in (f"{c}:\\" for c in string.ascii_uppercase) if Path(p).exists()}
    letter = next(c for c in reversed(string.ascii_uppercase) if c not in used)
    share = _unc(tmp_path)
    done = subprocess.run(["net", "use", f"{letter}:", str(share)], capture_output=True, text=True)
    assert done.returncode == 0, f"net use {letter}: {share} failed: {done.stdout} {done.stderr}"
    try:
        yield Path(f"{letter}:\\")
    finally:
        subprocess.run(["net", "use", f"{letter}:", "/delete", "/y"], capture_output=True)


def _check_network_library(path: Path) -> None:
    con = sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True)
    try:
        assert con.execute("SELECT count(*) FROM events").fetchone()[0] > 0
    finally:
        con.close()
    db = open_database(path, auto_backup=False)
    try:
        assert db.notice and "network drive" in db.notice
        with db.read() as s:
            assert s.execute(text("PRAGMA journal_mode")).scalar() == "delete"
            assert s.execute(text("SELECT count(*) FROM events")).scalar() > 0
    finally:
        db.close()


def test_a_library_through_a_unc_path_opens_as_a_network_library(db_path):
    unc = _unc(db_path)
    assert volume_of(unc).network
    _check_network_library(unc)


def test_a_library_on_a_mapped_drive_opens_as_a_network_library(db_path, mapped_drive):
    path = mapped_drive / db_path.name
    assert path.exists()
    volume = volume_of(path)
    assert volume.network and "localhost" in volume.description.lower()
    assert sqlite_uri(path).startswith(f"file:///{mapped_drive.drive}/")  # not the share's UNC
    _check_network_library(path)
