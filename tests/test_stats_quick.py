"""`azrel stats` read with the standard library's `sqlite3` alone (core/corpus/census.py): the
same bytes as the ordinary open prints, text and JSON, your own records included; and a file an
ordinary open would change or say something about (an older schema or corpus, a damaged file,
one not there yet) is left to the ordinary path, which still answers."""

from __future__ import annotations

import json
import sqlite3

import pytest

from azrel_desktop.core import cli
from azrel_desktop.core.corpus.census import quick_census
from azrel_desktop.core.opening import open_database

NEWS = "src-004"


def run(capsys, *argv) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def ordinary(capsys, path, as_json: bool) -> str:
    db = open_database(path)
    try:
        cli._print_stats(cli._stats(db), as_json)
    finally:
        db.close()
    return capsys.readouterr().out


@pytest.fixture
def yours(db_path, capsys):
    """A library with one event of your own, citing a passage, and a note."""
    code, _, err = run(capsys, "--db", db_path, "add", "event", "--title", "Mine", "--kind", "meeting",
                       "--date", "2024-05", "--cite", f'{NEWS}:"Dmitry Peskov"')
    assert code == 0, err
    code, _, err = run(capsys, "--db", db_path, "stats")  # (the first open after the write settles the file)
    assert code == 0, err
    return db_path


@pytest.mark.parametrize("as_json", [False, True])
def test_quick_stats_print_exactly_what_the_ordinary_open_prints(yours, capsys, as_json):
    assert quick_census(yours) is not None  # the quick path answers for this file
    argv = ["--db", yours, "stats", *(["--json"] if as_json else [])]
    code, quick, err = run(capsys, *argv)
    assert code == 0 and err == ""
    assert quick == ordinary(capsys, yours, as_json)
    if as_json:
        st = json.loads(quick)
        assert (st["your_events"], st["your_citations"]) == (1, 1)
        assert st["database"] == str(yours) and isinstance(st["seed_version"], int)


def test_quick_stats_see_a_write_made_after_the_last_open(yours, capsys):
    con = sqlite3.connect(yours)
    with con:
        con.execute("UPDATE events SET disputed = 1, evidence = 'contested' WHERE id = "
                    "(SELECT id FROM events WHERE NOT disputed ORDER BY id LIMIT 1)")
    con.close()
    _, quick, _ = run(capsys, "--db", yours, "stats", "--json")
    assert quick == ordinary(capsys, yours, True)
    assert json.loads(quick)["disputed_events"] == json.loads(quick)["contested_events"]


def test_an_older_schema_is_left_to_the_ordinary_path(db_path):
    con = sqlite3.connect(db_path)
    with con:
        con.execute("UPDATE alembic_version SET version_num = '0014'")
    con.close()
    assert quick_census(db_path) is None  # (the upgrade itself is tested with the store)


def test_an_older_corpus_is_loaded_first_by_the_ordinary_path(db_path, capsys):
    con = sqlite3.connect(db_path)
    with con:
        con.execute("UPDATE app_meta SET value = '1' WHERE key = 'seed_version'")
    con.close()
    assert quick_census(db_path) is None
    code, out, err = run(capsys, "--db", db_path, "stats", "--json")
    assert code == 0, err
    assert json.loads(out)["seed_version"] > 1  # the corpus was loaded again before counting


def test_a_missing_file_is_created_by_the_ordinary_path(tmp_path, capsys):
    path = tmp_path / "new.sqlite3"
    assert quick_census(path) is None
    code, out, err = run(capsys, "--db", path, "stats", "--json")
    assert code == 0, err
    assert json.loads(out)["events"] > 0 and path.is_file()


def test_a_damaged_file_is_left_to_the_ordinary_path(tmp_path):
    path = tmp_path / "junk.sqlite3"
    path.write_bytes(b"not a database at all" * 100)
    assert quick_census(path) is None
