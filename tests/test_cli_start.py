"""`azrel --version` and `azrel --help` start like a small tool: they import neither SQLAlchemy,
Alembic, numpy nor the models (checked in a fresh interpreter with `-X importtime`, which lists
every module imported); and the top-level help, built without the commands' modules, lists the
same commands with the same help as the full parser."""

from __future__ import annotations

import subprocess
import sys

import pytest

from azrel_desktop import __version__
from azrel_desktop.core import cli

HEAVY = ("sqlalchemy", "alembic", "numpy", "yaml", "azrel_desktop.core.corpus.models",
         "azrel_desktop.core.query", "azrel_desktop.core.opening")


def imported_by(*args: str) -> tuple[subprocess.CompletedProcess, set[str]]:
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "azrel_desktop.core.cli", *args],
                          capture_output=True, text=True, timeout=120)
    modules = {line.rsplit("|", 1)[1].strip() for line in proc.stderr.splitlines()
               if line.startswith("import time:") and "|" in line}
    return proc, modules


@pytest.mark.parametrize("args", [("--version",), ("--help",), ("-h",), ("--db", "x.sqlite3", "--help")])
def test_version_and_help_import_nothing_heavy(args):
    proc, modules = imported_by(*args)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "argparse" in modules  # the listing works: what the command does import is there
    heavy = sorted(m for m in modules if m.startswith(HEAVY))
    assert heavy == []
    if args == ("--version",):
        assert proc.stdout.strip() == f"azrel {__version__}"
    else:
        assert "export" in proc.stdout and "write records as CSV" in proc.stdout


def test_a_command_still_gets_its_options():
    proc, modules = imported_by("export", "--help")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "--org" in proc.stdout  # the filter options come from the dimension registry
    assert "azrel_desktop.core.query.dimensions" in modules


def _commands(parser) -> dict[str, str]:
    action = next(a for a in parser._actions if a.dest == "command")
    return {choice.dest: choice.help for choice in action._choices_actions}


def test_shallow_help_lists_every_command_as_the_full_parser_does():
    full, shallow = _commands(cli.build_parser()), _commands(cli.shallow_parser())
    assert list(full) == list(shallow)
    assert full == shallow
    assert shallow["edit-source"] == "change a source's metadata"


def test_no_command_is_still_a_one_line_error(capsys):
    assert cli.main(["--db", "x.sqlite3"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("azrel: error:") and err.count("\n") == 1


def test_a_command_imports_only_what_its_own_options_need():
    proc, modules = imported_by("stats", "--help")
    assert proc.returncode == 0 and "--json" in proc.stdout
    assert not any(m.startswith(("azrel_desktop.core.query.dimensions", "azrel_desktop.core.corpus.models",
                                 "sqlalchemy")) for m in modules)


def test_an_option_value_named_like_a_command_still_parses(tmp_path, monkeypatch, capsys):
    """`--db export` names a file called "export": the stats command keeps its options."""
    import json

    monkeypatch.chdir(tmp_path)
    assert cli.main(["--db", "export", "stats", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["events"] > 0
    assert (tmp_path / "export").is_file()


def test_an_events_export_imports_neither_the_models_nor_numpy(db_path, tmp_path):
    """The export of a current file is SQL and text: the ORM models, YAML, numpy and SQLAlchemy
    stay out (the fast path, core/output/fast_export.py)."""
    out = tmp_path / "events.csv"
    assert cli.main(["--db", str(db_path), "export", "events", "-o", str(out)]) == 0  # the rows current
    proc, modules = imported_by("--db", str(db_path), "export", "events", "-o", str(out))
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert out.read_text(encoding="utf-8").startswith("id,date,")
    assert "azrel_desktop.core.output.fast_export" in modules
    assert not any(m.startswith(("azrel_desktop.core.corpus.models", "numpy", "yaml", "alembic", "sqlalchemy"))
                   for m in modules)


def test_stats_import_neither_sqlalchemy_numpy_nor_the_models(db_path):
    """The figures of a current file are counts in SQL: the quick path (core/corpus/census.py)
    reads them with `sqlite3` alone."""
    assert cli.main(["--db", str(db_path), "stats"]) == 0  # (the file settled by an ordinary open)
    proc, modules = imported_by("--db", str(db_path), "stats", "--json")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert '"events"' in proc.stdout
    assert "azrel_desktop.core.corpus.census" in modules
    assert not any(m.startswith(HEAVY) for m in modules), sorted(m for m in modules if m.startswith(HEAVY))
