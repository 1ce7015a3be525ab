"""The first look at the library file, started before the app's heavy imports: its result is
what `open_database` uses (the file is not checked twice), it is thrown away when the file
changed meanwhile, a damaged file's verdict reaches the opener, and the desktop entry point
starts it before Qt, SQLAlchemy or numpy are imported."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import pytest
from sqlalchemy import text

from azrel_desktop.core.errors import CorruptDatabaseError, NotADatabaseError
from azrel_desktop.core.opening import open_database
from azrel_desktop.core.store import database, files


def test_open_database_uses_the_early_look_instead_of_checking_again(db_path, monkeypatch):
    files.start_early_look(db_path)

    def second_check(path):
        raise AssertionError(f"{path} was checked a second time")

    monkeypatch.setattr(database, "inspect_file", second_check)
    db = open_database(db_path)
    try:
        with db.read() as session:
            assert session.execute(text("SELECT count(*) FROM events")).scalar() > 0
    finally:
        db.close()


def test_a_look_is_handed_out_once(db_path):
    files.start_early_look(db_path)
    state = files.take_early_look(db_path)
    assert state is not None and state.exists and state.revision == database.head_revision()
    assert files.take_early_look(db_path) is None  # a later open checks afresh


def test_a_look_at_a_file_that_changed_meanwhile_is_not_used(db_path):
    files.start_early_look(db_path)
    files._early[db_path.absolute()].join()
    con = sqlite3.connect(db_path)
    con.execute("CREATE TABLE written_meanwhile (x)")
    con.commit()
    con.close()
    assert files.take_early_look(db_path) is None


def test_a_look_without_a_file_says_so(tmp_path):
    path = tmp_path / "new.sqlite3"
    files.start_early_look(path)
    state = files.take_early_look(path)
    assert state is not None and not state.exists


@pytest.mark.parametrize("content, error", [
    (b"SQLite format 3\x00" + b"\xff" * 4000, CorruptDatabaseError),
    (b"my thesis, not a database\n" * 40, NotADatabaseError),
])
def test_the_looks_verdict_on_a_bad_file_reaches_the_opener(tmp_path, content, error):
    path = tmp_path / "bad.sqlite3"
    path.write_bytes(content)
    files.start_early_look(path)
    with pytest.raises(error):
        files.take_early_look(path)
    assert path.read_bytes() == content  # the look wrote nothing


_PROBE = """
import json, sys, types
from azrel_desktop.core.store import files
seen = {}
real = files.start_early_look
def spy(path):
    seen["heavy"] = sorted(m for m in ("PySide6", "sqlalchemy", "numpy", "azrel_desktop.core.store.database")
                           if m in sys.modules)
    seen["path"] = str(path)
    real(path)
files.start_early_look = spy
app = types.ModuleType("azrel_desktop.ui.shell.app")
def main(argv):
    seen["argv"] = argv
    seen["pending"] = [str(p) for p in files._early]
    return 7
app.main = main
sys.modules["azrel_desktop.ui.shell.app"] = app
from azrel_desktop.ui.shell.launch import main as launch
seen["code"] = launch(["--db", sys.argv[1], "-style", "fusion"])
print(json.dumps(seen))
"""


def test_the_desktop_entry_point_starts_the_look_before_the_heavy_imports(tmp_path):
    path = tmp_path / "lib.sqlite3"
    out = subprocess.run([sys.executable, "-c", _PROBE, str(path)], capture_output=True, text=True,
                         check=True, timeout=60)
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen["heavy"] == []
    assert seen["path"] == str(path)
    assert seen["pending"] == [str(path.absolute())]
    assert seen["argv"] == ["--db", str(path), "-style", "fusion"] and seen["code"] == 7
