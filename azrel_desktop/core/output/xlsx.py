"""Spreadsheet export: the CSV exports' rows as an Excel workbook (.xlsx), written by XlsxWriter.

The rows are exactly the CSV export's (export.py: the same filter, order and columns): its CSV
text is read back a page at a time as it is written and each cell typed. An exact day is a real
date cell (`date` when the event's date is a day, `date_start`/`date_end` always, a source's
`published`); a partial date ("1997-11", "1998-21", "1994~") stays text beside its start and end
columns; counts are numbers; the times of notes are date-times. Every other cell is written as a
string explicitly (`write_string`), so no text becomes a formula, and text a spreadsheet would
take for a formula if typed is marked with Excel's quote prefix (shown as text, kept as text when
edited). Each sheet has a bold frozen header, an autofilter and column widths by what each column holds.

XlsxWriter's constant-memory mode writes each row out as it comes, so memory stays flat however
many events there are; a sheet that would pass Excel's 1,048,576 rows goes on in a second sheet.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Any, BinaryIO

from .export_cells import _RISKY_FIRST, EXCEL_CELL_LIMIT, _needs_escape, unescape_cell

MAX_ROWS = 1_048_576  # Excel's rows per sheet, the header included
# Column widths (characters), set before the first row: in constant-memory mode the columns are
# written ahead of the rows, so they cannot follow the data. Long text gets a wide column.
WIDE = {"title": 50, "summary": 60, "quotes": 60, "contradicting_quotes": 50, "dispute_note": 40,
        "annotations": 40, "description": 50, "reliability": 40, "body": 50, "quote": 50, "target": 40,
        "steps": 40, "parties": 30, "organisations": 30, "countries": 24, "people": 24, "agreements": 30,
        "sources": 30, "url": 30, "id": 24, "target_id": 24, "date_text": 20, "aliases": 24, "name": 30,
        "sha256": 20, "publisher": 24, "author": 24}
DATE_WIDTH = 12

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
# Columns with a type other than text, by record kind.
DAY_COLUMNS = {
    "events": {"date", "date_start", "date_end"},
    "organisations": {"founded"},
    "sources": {"published", "data_as_of"},
}
NUMBER_COLUMNS = {"organisations": {"events"}, "sources": {"passages"}}
TIME_COLUMNS = {"annotations": {"created_at", "updated_at"}}


def as_day(value: str) -> date | None:
    """The date of an exact day Excel can show (1900 onwards), else None."""
    m = _DAY.fullmatch(value)
    if not m:
        return None
    try:
        day = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
    return day if day.year >= 1900 else None


def fit(cell: str) -> str:
    """A cell Excel holds whole: a longer one is cut, with a mark saying how much was cut."""
    if len(cell) <= EXCEL_CELL_LIMIT:
        return cell

    def mark(rest: int) -> str:
        return f" [… {rest:,} more characters cut for Excel; export as CSV for the whole text]"

    keep = EXCEL_CELL_LIMIT - len(mark(len(cell)))
    return cell[:keep] + mark(len(cell) - keep)


class Sheets:
    """One workbook being written: `sheet(kind, columns)` starts a sheet; `sink()` gives a text
    file object that takes the CSV export's text for it."""

    def __init__(self, out: BinaryIO, tmpdir: str | None = None):
        import xlsxwriter  # type: ignore[import-untyped]  # no type information shipped

        # Constant-memory mode spools each sheet's XML to a temporary file (about 1.2 GB for a
        # million events) before zipping it: `tmpdir` puts it beside the output, whose disk the
        # export needs anyway, rather than in a system temporary folder that may be small.
        options: dict[str, object] = {"constant_memory": True, "strings_to_formulas": False,
                                      "strings_to_urls": False, "strings_to_numbers": False}
        if tmpdir:
            options["tmpdir"] = tmpdir
        self.book = xlsxwriter.Workbook(out, options)
        self.header = self.book.add_format({"bold": True, "bg_color": "#E8EEF4", "bottom": 1})
        self.day = self.book.add_format({"num_format": "yyyy-mm-dd"})
        self.time = self.book.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
        self.quoted = self.book.add_format({"quote_prefix": True})
        self.cut = 0  # cells cut to Excel's limit
        self.counts: dict[str, int] = {}
        self._sheet = None

    def sheet(self, kind: str, columns: tuple[str, ...]) -> CsvSink:
        sink = CsvSink(self, kind, columns)
        return sink

    def close(self) -> None:
        self.book.close()

    def warning(self) -> str | None:
        if not self.cut:
            return None
        return (f"{self.cut} cell{'s' if self.cut != 1 else ''} longer than Excel's {EXCEL_CELL_LIMIT:,}-character "
                "limit were cut short, each with a mark; export as CSV for the whole text.")


class CsvSink:
    """A text file object for one sheet: each `write` holds whole CSV rows (the exports write a
    row or a page of rows at a time); the first row is the header."""

    def __init__(self, sheets: Sheets, kind: str, columns: tuple[str, ...]):
        self.sheets, self.kind, self.columns = sheets, kind, columns
        self.rows = 0  # data rows written
        self._part = 0
        self._ws: Any = None  # xlsxwriter's Worksheet (untyped)
        self._row = 0
        days, numbers, times = (DAY_COLUMNS.get(kind, set()), NUMBER_COLUMNS.get(kind, set()),
                                TIME_COLUMNS.get(kind, set()))
        self._types = ["day" if c in days else "number" if c in numbers else "time" if c in times else "text"
                       for c in columns]
        self._header_seen = False
        self._new_sheet()

    def _new_sheet(self) -> None:
        if self._ws is not None:
            self._finish()
        self._part += 1
        name = self.kind if self._part == 1 else f"{self.kind} ({self._part})"
        ws = self.sheets.book.add_worksheet(name[:31])
        for i, column in enumerate(self.columns):
            ws.write_string(0, i, column, self.sheets.header)
        ws.freeze_panes(1, 0)
        for i, (column, kind) in enumerate(zip(self.columns, self._types, strict=True)):
            width = WIDE.get(column, DATE_WIDTH if kind in ("day", "time") else max(10, len(column) + 2))
            ws.set_column(i, i, width)
        self._ws, self._row = ws, 0

    def _finish(self) -> None:
        ws = self._ws
        ws.autofilter(0, 0, max(self._row, 1), len(self.columns) - 1)

    def write(self, text: str) -> int:
        for row in csv.reader(io.StringIO(text, newline="")):
            if not self._header_seen:
                self._header_seen = True
                continue
            self._put(row)
        return len(text)

    def _put(self, row: list[str]) -> None:
        if self._row + 1 >= MAX_ROWS:
            self._new_sheet()
        self._row += 1
        r, ws, s = self._row, self._ws, self.sheets
        for i, cell in enumerate(row):
            value = unescape_cell(cell) if cell[:1] == "'" else cell
            kind = self._types[i] if i < len(self._types) else "text"
            if not value:
                continue
            if kind == "day":
                day = as_day(value)
                if day is not None:
                    ws.write_datetime(r, i, datetime(day.year, day.month, day.day), s.day)
                    continue
            elif kind == "number" and value.isdigit():
                ws.write_number(r, i, int(value))
                continue
            elif kind == "time":
                try:
                    ws.write_datetime(r, i, datetime.fromisoformat(value), s.time)
                    continue
                except ValueError:
                    pass
            if len(value) > EXCEL_CELL_LIMIT:
                value = fit(value)
                s.cut += 1
            if value[0] in _RISKY_FIRST and _needs_escape(value):  # the first test is the fast path
                ws.write_string(r, i, value, s.quoted)
            else:
                ws.write_string(r, i, value)
        self.rows += 1

    def flush(self) -> None:
        pass

    def close(self) -> None:
        if self._ws is not None:
            self._finish()
            self._ws = None
        self.sheets.counts[self.kind] = self.rows


def write_workbook(out: BinaryIO, parts: list[tuple[str, tuple[str, ...], Callable]],
                   warn: Callable[[str], None] | None = None, tmpdir: str | None = None) -> dict[str, int]:
    """A workbook of one sheet per part: (kind, columns, export) where `export(text_out)` is the CSV
    export writing to a text file object. Returns the rows per kind. `tmpdir`: where the sheets
    are spooled (default: the system's temporary folder)."""
    sheets = Sheets(out, tmpdir)
    try:
        for kind, columns, export in parts:
            sink = sheets.sheet(kind, columns)
            export(sink)
            sink.close()
    finally:
        sheets.close()
    message = sheets.warning()
    if message and warn:
        warn(message)
    return sheets.counts
