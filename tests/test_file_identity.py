"""One file under two spellings (issue 19, item 5): a hard link, a symlink, another case or the
other Unicode normalisation of a name is recognised as the same file, so a backup never
overwrites its database and backups are found, offered and pruned whatever the spelling.

Linux keeps case and normalisation apart, so the tests give one file two names the way macOS
and Windows would (a hard link under the other spelling)."""

from __future__ import annotations

import os
import sqlite3
import unicodedata
from pathlib import Path

import pytest

from azrel_desktop.core.errors import DatabaseError
from azrel_desktop.core.store import backups
from azrel_desktop.core.store.identity import same_file


def _copy(db_path: Path, target: Path) -> Path:
    target.write_bytes(db_path.read_bytes())
    return target


def _intact(path: Path) -> bool:
    con = sqlite3.connect(path)
    try:
        return con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        con.close()


@pytest.mark.parametrize("how", ["hard link", "symlink"])
def test_a_backup_never_overwrites_its_database_under_another_name(db_path, tmp_path, how):
    other = tmp_path / "LIB-other-name.sqlite3"
    if how == "hard link":
        os.link(db_path, other)
    else:
        other.symlink_to(db_path)
    inode = db_path.stat().st_ino
    with pytest.raises(DatabaseError, match="overwrite"):
        backups.make_backup(db_path, other)
    assert db_path.stat().st_ino == inode and _intact(db_path)


def test_same_file_sees_through_links_and_tells_different_files_apart(db_path, tmp_path):
    link = tmp_path / "link.sqlite3"
    os.link(db_path, link)
    copy = _copy(db_path, tmp_path / "copy.sqlite3")
    assert same_file(db_path, link)
    assert not same_file(db_path, copy)
    assert same_file(tmp_path / "missing.sqlite3", tmp_path / "missing.sqlite3")
    assert not same_file(tmp_path / "missing.sqlite3", tmp_path / "other-missing.sqlite3")


@pytest.mark.parametrize("first, second", [
    (unicodedata.normalize("NFC", "Şəki.sqlite3"), unicodedata.normalize("NFD", "Şəki.sqlite3")),
    ("Thesis.sqlite3", "thesis.sqlite3"),
    ("thesis.sqlite3", "THESIS.sqlite3"),
])
def test_backups_are_found_under_either_spelling_of_one_file(db_path, tmp_path, first, second):
    one = _copy(db_path, tmp_path / first)
    os.link(one, tmp_path / second)  # the same file under the other spelling
    made = backups.make_backup(tmp_path / second, reason="auto")
    assert [b.path for b in backups.list_backups(one)] == [made.path]
    assert backups.newest_verified_backup(one).path == made.path
    more = [backups.make_backup(one, reason="auto") for _ in range(backups.AUTO_KEEP)]
    backups.prune(tmp_path / second)
    assert {b.path for b in backups.list_backups(one)} == {b.path for b in more}


def test_different_files_keep_their_own_backups(db_path, tmp_path):
    a = _copy(db_path, tmp_path / "thesis.sqlite3")
    b = _copy(db_path, tmp_path / "Thesis.sqlite3")  # on Linux: a different file
    made = backups.make_backup(a)
    assert backups.list_backups(b) == []
    assert [x.path for x in backups.list_backups(a)] == [made.path]


def test_an_export_refuses_the_open_library_under_another_name(capsys, db_path, tmp_path):
    from azrel_desktop.core.cli import main

    other = tmp_path / "Library-Export.csv"
    os.link(db_path, other)
    code = main(["--db", str(db_path), "export", "annotations", "-o", str(other)])
    _, err = capsys.readouterr()
    assert code == 2 and "never replaces" in err
    assert os.path.samefile(db_path, other), "the library's other name was replaced by a CSV"
    assert db_path.read_bytes().startswith(b"SQLite format 3\x00") and _intact(db_path)
