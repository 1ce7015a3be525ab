"""CSV cells: the formula rule (`safe_cell`) and rendering rows as CSV text.

No cell a spreadsheet would run as a formula: text that begins with `=`, `+`, `-`, `@` (or
their full-width forms), tab or CR — also after leading spaces, line breaks or invisible
characters — gets a leading `'`; a plain number such as `-5` or a telephone number such as
`+44 20 7946 0958` stays as it is. Rows are RFC 4180 quoted
with CRLF line ends; several values in one cell are joined with `; `.
"""

from __future__ import annotations

import csv
import io
import re
from itertools import chain

JOIN = "; "
CRLF = "\r\n"
# What a spreadsheet may take as the start of a formula, with the full-width and small forms
# an East Asian input method types.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠", "﹦", "﹢", "﹣")
# What a spreadsheet may skip before a formula: spaces of every kind, line and page breaks, and
# the invisible characters (zero-width space and joiners, word joiner, byte-order mark).
_LEADING = " \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
           "\u202f\u205f\u3000\n\x0b\x0c\u0085\u2028\u2029\u200b\u200c\u200d\u2060\ufeff"
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?", re.ASCII)  # fullmatch
# A telephone number as people write it: an optional +, digits, spaces, dashes, dots and
# brackets, at least seven digits; nothing in it can call a function.
_PHONE = re.compile(r"\+?[\d(][\d ().-]*\d", re.ASCII)


def _plain_value(text: str) -> bool:
    return (_NUMBER.fullmatch(text) is not None
            or (_PHONE.fullmatch(text) is not None and sum(c.isdigit() for c in text) >= 7))


def _needs_escape(cell: str) -> bool:
    # Leading apostrophes are looked through, so that a text which itself begins with `'=` is
    # escaped too and `unescape_cell` can tell the two apart.
    bare = cell.lstrip("'")
    if bare.startswith(("\t", "\r")):
        return not _NUMBER.fullmatch(bare)
    shown = bare.lstrip(_LEADING)
    return shown.startswith(_FORMULA_START) and not _plain_value(shown)


_RISKY_FIRST = frozenset("=+-@\t\r'＝＋－＠﹦﹢﹣" + _LEADING)


def safe_cell(value) -> str:
    """A cell value a spreadsheet shows as text and never evaluates."""
    if value is None:
        return ""
    if value is True or value is False:
        return "yes" if value else "no"
    cell = value if type(value) is str else str(value)
    if "\x00" in cell:
        cell = cell.replace("\x00", "")
    if cell and cell[0] in _RISKY_FIRST and _needs_escape(cell):  # the first test is the fast path
        return "'" + cell
    return cell


def unescape_cell(cell: str) -> str:
    """Undo `safe_cell` for a cell read back from an export."""
    if cell.startswith("'") and _needs_escape(cell):
        return cell[1:]
    return cell


# `_clean` joins cells with NUL (which `safe_cell` removes, so no cell it leaves alone holds one):
# a cell with a risky first character is the text's start or follows a NUL, and a NUL inside a
# cell shows in the count.
_RISKY_CELL = re.compile("\x00[" + re.escape("".join(sorted(_RISKY_FIRST))) + "]")


def _clean(cells, width: int) -> bool:
    """Whether `width` cells are all text that `safe_cell` would leave as it is: its fast path, for
    many cells at once."""
    try:
        joined = "\x00".join(cells)
    except TypeError:  # not all text
        return False
    return (joined.count("\x00") == width - 1 and joined[:1] not in _RISKY_FIRST
            and _RISKY_CELL.search(joined) is None)


def safe_rows(rows: list[tuple], width: int) -> list:
    """`safe_cell` on every cell of rows `width` cells wide: checked for all of them at once, then
    (only when something needs changing) row by row, and only such rows go through `safe_cell`."""
    if _clean(chain.from_iterable(rows), width * len(rows)):
        return rows
    return [row if _clean(row, width) else [safe_cell(c) for c in row] for row in rows]


def writer(out):
    """The CSV writer every export uses: RFC 4180 quoting only where needed, CRLF."""
    return csv.writer(out, lineterminator=CRLF, quoting=csv.QUOTE_MINIMAL)


class _Lines:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.write = self.lines.append


def render(rows: list, width: int) -> list[str]:
    """Each row (made safe) as its CSV text without the line end: the writer writes one string per
    row, so these are exactly the pieces of what it would write to a file."""
    sink = _Lines()
    writer(sink).writerows(safe_rows(rows, width))
    return [line[:-2] for line in sink.lines]


EXCEL_CELL_LIMIT = 32_767  # characters: Excel cuts a longer cell short without a word


def _cut_mark(rest: int) -> str:
    return f" [… {rest:,} more characters cut for Excel; export without the Excel option for the whole text]"


def fit_for_excel(cell: str) -> str:
    """A cell Excel shows whole: a longer one is cut, with a mark saying how much was cut."""
    if len(cell) <= EXCEL_CELL_LIMIT:
        return cell
    keep = EXCEL_CELL_LIMIT - len(_cut_mark(len(cell)))
    return cell[:keep] + _cut_mark(len(cell) - keep)


class LongCells:
    """A text file object in front of an export's output that finds cells longer than Excel's
    limit (only text longer than the limit is looked at, so ordinary rows pass straight
    through); for Excel it cuts them with a mark. `count` says how many there were. `write` takes
    one row at a time (as the CSV writer writes), `write_rows` a page of rendered rows."""

    def __init__(self, out, excel: bool):
        self.out, self.excel, self.count = out, excel, 0

    def write(self, text: str) -> int:
        if len(text) > EXCEL_CELL_LIMIT:
            text = self._check(text)
        return self.out.write(text)

    def write_rows(self, lines: list[str]) -> int:
        if lines and max(map(len, lines)) > EXCEL_CELL_LIMIT:
            lines = [self._check(line) if len(line) > EXCEL_CELL_LIMIT else line for line in lines]
        return self.out.write("".join(lines))

    def _check(self, text: str) -> str:
        rows = list(csv.reader(io.StringIO(text, newline="")))
        long = sum(len(cell) > EXCEL_CELL_LIMIT for row in rows for cell in row)
        if not long:
            return text
        self.count += long
        if not self.excel:
            return text
        sink = _Lines()
        writer(sink).writerows([[fit_for_excel(cell) for cell in row] for row in rows])
        return "".join(sink.lines)

    def warning(self) -> str | None:
        """A sentence for the user when cells were longer than Excel's limit."""
        if not self.count:
            return None
        one = self.count == 1
        many = f"{self.count} cell{'' if one else 's'}"
        if self.excel:
            return (f"{many} longer than Excel's {EXCEL_CELL_LIMIT:,}-character limit {'was' if one else 'were'} "
                    "cut short, each with a mark; export without the Excel option for the whole text.")
        return (f"{many} {'is' if one else 'are'} longer than Excel's {EXCEL_CELL_LIMIT:,}-character limit: "
                f"Excel would cut {'it' if one else 'them'} short without a word (the Excel option cuts "
                f"{'it' if one else 'them'} with a mark).")
