"""README stays true: CI runs README's test command, and every CLI option, command and CSV
column is documented."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from azrel_desktop.core.cli import build_parser
from azrel_desktop.core.output import export

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _code_blocks(text: str) -> list[str]:
    return re.findall(r"```(?:sh)?\n(.*?)```", text, flags=re.S)


def test_ci_runs_the_readme_test_command():
    section = README.split("## Run the tests", 1)[1]
    command = _code_blocks(section)[0].strip()
    assert "pytest" in command
    ci_lines = [line.strip() for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()]
    assert command in ci_lines


def test_readme_has_one_install_and_run_command():
    section = README.split("## Install and run", 1)[1].split("\n## ", 1)[0]
    command = next(block for block in _code_blocks(section) if "pip install ." in block).strip()
    assert "pip install ." in command and command.endswith("azrel-desktop")


def _all_options(parser: argparse.ArgumentParser):
    for action in parser._actions:
        yield from (o for o in action.option_strings if o.startswith("--"))
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield name
                yield from _all_options(sub)


def test_every_cli_command_and_option_is_documented():
    missing = sorted({o for o in _all_options(build_parser()) if o not in README} - {"--help"})
    assert missing == []


def test_every_csv_column_is_documented():
    for columns in (export.EVENT_COLUMNS, export.AGREEMENT_COLUMNS, export.ORGANISATION_COLUMNS,
                    export.SOURCE_COLUMNS, export.ANNOTATION_COLUMNS):
        assert ", ".join(columns) in README.replace("\n", " ")
