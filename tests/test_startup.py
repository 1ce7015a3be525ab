"""What an ordinary start costs: a file already at the head revision with the corpus loaded is
opened without importing Alembic, YAML or the seed code, and the text-only look at the
migration scripts agrees with Alembic. A file behind head is still backed up and migrated."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

from azrel_desktop.core.opening import open_database
from azrel_desktop.core.store.database import NewerDatabaseError
from azrel_desktop.core.store.scripts import ScriptGlance, _alembic_head, glance_at_scripts, head_revision

_PROBE = """
import json, sys
from azrel_desktop.core.service import Library
lib = Library.open(sys.argv[1])
total = lib.total()
lib.close()
print(json.dumps({"total": total, "loaded": sorted(m for m in ("alembic", "yaml", "mako",
      "azrel_desktop.core.corpus.seed") if m in sys.modules)}))
"""


def _open_in_fresh_process(path: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", _PROBE, str(path)], capture_output=True, text=True,
                         check=True, timeout=120)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_a_file_at_head_opens_without_alembic_yaml_or_seed_code(db_path):
    result = _open_in_fresh_process(db_path)
    assert result["total"] > 0
    assert result["loaded"] == []


def test_a_file_behind_head_imports_alembic_and_is_backed_up_and_migrated(tmp_path, file_at_revision, backed_up_before_upgrade):
    path = file_at_revision(tmp_path / "old.sqlite3", "0001")  # a real file at 0001, without the corpus yet
    result = _open_in_fresh_process(path)
    assert result["total"] > 0
    assert "alembic" in result["loaded"] and "azrel_desktop.core.corpus.seed" in result["loaded"]
    con = sqlite3.connect(path)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head_revision()
    con.close()
    backed_up_before_upgrade(path, "0001")


def test_the_text_glance_agrees_with_alembic():
    glance = glance_at_scripts()
    assert glance is not None
    assert glance.head == _alembic_head() == head_revision()
    from alembic.script import ScriptDirectory

    from azrel_desktop.core.store.database import alembic_config

    script = ScriptDirectory.from_config(alembic_config())
    assert glance.revisions == {rev.revision for rev in script.walk_revisions()}


def _scripts(tmp_path: Path, files: dict[str, str]) -> Path:
    folder = tmp_path / "migrations"
    (folder / "versions").mkdir(parents=True)
    for name, body in files.items():
        (folder / "versions" / name).write_text(body, encoding="utf-8")
    return folder


def test_the_glance_gives_up_on_anything_unusual(tmp_path, monkeypatch):
    from azrel_desktop.core.store import scripts

    cases = {
        "chain": ({"a.py": 'revision = "1"\ndown_revision = None\n',
                   "b.py": "revision: str = '2'\ndown_revision: str | None = '1'\n"},
                  ScriptGlance("2", frozenset({"1", "2"}))),
        "branch": ({"a.py": 'revision = "1"\ndown_revision = None\n', "b.py": 'revision = "2"\ndown_revision = "1"\n',
                    "c.py": 'revision = "3"\ndown_revision = "1"\n'}, None),
        "merge": ({"a.py": 'revision = "1"\ndown_revision = None\n',
                   "b.py": 'revision = "2"\ndown_revision = ("1", "x")\n'}, None),
        "computed": ({"a.py": 'revision = make_id()\ndown_revision = None\n'}, None),
        "not a script": ({"a.py": 'revision = "1"\ndown_revision = None\n', "helpers.py": "X = 1\n"}, None),
        "empty": ({}, None),
        "unknown parent": ({"a.py": 'revision = "2"\ndown_revision = "1"\n'}, None),
    }
    for name, (files, expected) in cases.items():
        folder = _scripts(tmp_path / name, files)
        monkeypatch.setattr(scripts, "migrations_dir", lambda folder=folder: folder)
        assert glance_at_scripts() == expected, name
    # Ignored like Alembic ignores them: __init__.py and editor lock files.
    folder = _scripts(tmp_path / "ignored", {"a.py": 'revision = "1"\ndown_revision = None\n',
                                            "__init__.py": "", ".#a.py": "junk"})
    monkeypatch.setattr(scripts, "migrations_dir", lambda: folder)
    assert glance_at_scripts() == ScriptGlance("1", frozenset({"1"}))


def test_a_newer_revision_is_still_refused_in_one_sentence(db_path):
    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num = 'ffff'")
    con.commit()
    con.close()
    before = db_path.read_bytes()
    try:
        open_database(db_path)
    except NewerDatabaseError as exc:
        assert "newer version" in str(exc) and str(exc).count(". ") <= 1
    else:
        raise AssertionError("a file from a newer version opened")
    assert db_path.read_bytes() == before
