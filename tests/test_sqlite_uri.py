"""The one way a `file:` URI for SQLite is built: drive letters, UNC paths, POSIX paths, and the
characters SQLite reads specially in a URI (`%`, `?`, `#`), with the path never resolved."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

from azrel_desktop.core.store.database import open_database
from azrel_desktop.core.store.files import readonly_uri, sqlite_uri


@pytest.mark.parametrize(("path", "uri"), [
    (PureWindowsPath(r"C:\Users\Məmmədov\AzRel\azrel.sqlite3"), "file:///C:/Users/Məmmədov/AzRel/azrel.sqlite3"),
    # A mapped drive stays a drive: resolving it would give \\server\share, an authority SQLite refuses.
    (PureWindowsPath(r"Z:\research\azrel.sqlite3"), "file:///Z:/research/azrel.sqlite3"),
    (PureWindowsPath(r"\\server\share\AzRel\azrel.sqlite3"), "file:////server/share/AzRel/azrel.sqlite3"),
    (PureWindowsPath(r"\\?\UNC\server\share\azrel.sqlite3"), "file:////server/share/azrel.sqlite3"),
    (PureWindowsPath(r"\\?\D:\long\azrel.sqlite3"), "file:///D:/long/azrel.sqlite3"),
    (PureWindowsPath(r"C:\notes #1\100% done\a.sqlite3"), "file:///C:/notes %231/100%25 done/a.sqlite3"),
    (PurePosixPath("/home/leyla/what?/a#b%c.sqlite3"), "file:///home/leyla/what%3f/a%23b%25c.sqlite3"),
    (PurePosixPath("//double/slash.sqlite3"), "file:////double/slash.sqlite3"),
])
def test_uri_for_each_kind_of_path(path, uri):
    assert sqlite_uri(path) == uri
    assert sqlite_uri(path, mode="ro") == uri + "?mode=ro"


def test_no_authority_is_ever_written():
    """SQLite refuses any authority but an empty one or localhost: after "file://" comes "/"."""
    for path in (PureWindowsPath(r"\\nas\research\a.sqlite3"), PureWindowsPath(r"Z:\a.sqlite3"),
                 PurePosixPath("/a.sqlite3")):
        assert sqlite_uri(path).startswith("file:///")


def test_a_relative_path_is_made_absolute(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert sqlite_uri(Path("a.sqlite3")) == sqlite_uri(Path.cwd() / "a.sqlite3")


def test_sqlite_opens_the_file_the_uri_names(tmp_path):
    folder = tmp_path / "notes #1 100% what"
    if sys.platform != "win32":
        folder = folder.with_name(folder.name + "?")
    folder.mkdir()
    path = folder / "a%41#b.sqlite3"
    con = sqlite3.connect(sqlite_uri(path, mode="rwc"), uri=True)
    con.execute("CREATE TABLE t (x)")
    con.close()
    assert sorted(p.name for p in folder.iterdir()) == ["a%41#b.sqlite3"]
    ro = sqlite3.connect(readonly_uri(path), uri=True)
    try:
        assert ro.execute("SELECT name FROM sqlite_master").fetchall() == [("t",)]
    finally:
        ro.close()


def test_a_library_in_a_folder_with_uri_characters_opens(tmp_path, db_path):
    folder = tmp_path / "Məmmədov #2 50%"
    folder.mkdir()
    path = folder / "azrel.sqlite3"
    db_path.rename(path)
    db = open_database(path, auto_backup=False)
    try:
        assert not db.readonly
        with db.write() as s:
            s.connection().exec_driver_sql("INSERT INTO app_meta (key, value) VALUES ('probe', '1')")
    finally:
        db.close()
    assert {p.name for p in folder.iterdir()} == {"azrel.sqlite3"}
