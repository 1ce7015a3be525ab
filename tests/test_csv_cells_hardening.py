"""CSV cells, defence in depth and usability (issue 12, item 19): a formula sign after leading
spaces, line breaks or invisible characters, and the full-width signs, are escaped; telephone
numbers and numbers are left alone; cells longer than Excel's limit are reported, and cut
with a mark for Excel."""

from __future__ import annotations

import csv
import io

import pytest

from azrel_desktop.core.cli import main
from azrel_desktop.core.output.export_cells import EXCEL_CELL_LIMIT, safe_cell, unescape_cell
from azrel_desktop.core.query.filters import EventFilter
from azrel_desktop.core.service import Library


@pytest.mark.parametrize("cell", [
    " =HYPERLINK(\"http://x\")", "   +1+cmd", "\u00a0=1+1", "\u200b=1+1", "\ufeff@SUM(A1)", "\n=1+1",
    "\x0b-1+cmd", "\x0c=1", "\u3000=1", "＝SUM(A1)", "＋1+1", "－1+cmd", "＠SUM(A1)", " ＝1",
])
def test_a_formula_after_leading_blanks_or_in_full_width_is_escaped(cell):
    escaped = safe_cell(cell)
    assert escaped == "'" + cell
    assert unescape_cell(escaped) == cell


@pytest.mark.parametrize("cell", ["+44 20 7946 0958", "+1 (555) 010-9999", "-5", "+3.5", " 42", "plain text"])
def test_telephone_numbers_and_numbers_are_left_alone(cell):
    assert safe_cell(cell) == cell
    assert unescape_cell(cell) == cell


@pytest.mark.parametrize("cell", ["+1", "+1 2", "=44 20 7946 0958", "+44 20 7946 0958+A1"])
def test_what_is_not_plainly_a_telephone_number_is_still_escaped(cell):
    if cell in ("+1",):
        assert safe_cell(cell) == cell  # a number
    else:
        assert safe_cell(cell) == "'" + cell


@pytest.fixture
def long_note(db_path):
    lib = Library.open(db_path)
    try:
        event_id = lib.rows(EventFilter(), limit=1)[0].id
        lib.add_annotation("event", event_id, "start " + "x" * (EXCEL_CELL_LIMIT + 500) + " end")
    finally:
        lib.close()
    return db_path


def _cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))


@pytest.mark.parametrize("what", ["annotations", "events"])
def test_a_cell_too_long_for_excel_is_cut_with_a_mark_for_excel(capsys, long_note, what):
    assert main(["--db", str(long_note), "export", what, "--excel"]) == 0
    out, err = capsys.readouterr()
    cells = [c for row in _cells(out) for c in row]
    assert max(map(len, cells)) <= EXCEL_CELL_LIMIT
    cut = [c for c in cells if c.startswith("start ")]
    assert len(cut) == 1 and "more characters cut for Excel" in cut[0]
    assert "warning" in err and "cut short" in err


@pytest.mark.parametrize("what", ["annotations", "events"])
def test_a_cell_too_long_for_excel_is_kept_whole_with_a_warning(capsys, long_note, what):
    assert main(["--db", str(long_note), "export", what]) == 0
    out, err = capsys.readouterr()
    whole = [c for row in _cells(out) for c in row if c.startswith("start ")]
    assert len(whole) == 1 and len(whole[0]) == EXCEL_CELL_LIMIT + 510 and whole[0].endswith(" end")
    assert "warning" in err and "32,767" in err
