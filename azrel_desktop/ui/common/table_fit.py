"""Readable tables: columns sized to what they hold, the title taking the spare width, narrow
marker columns, and rows two lines tall where the window has the room.

`fit_table(view, stretch=…, narrow=…)` keeps a table fitted as its rows load, its window
resizes and its palette or font change. Widths are measured on the rows the model has loaded
(the first `SAMPLE` of them: no query is sent), capped so that one long cell cannot starve the
title; what does not fit is elided, and the models give every cell its full text as a tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QHeaderView, QTableView

SAMPLE = 200  # rows measured
PADDING = 18  # px around a cell's text (margins, the sort arrow's room in the header)
NARROW_MAX = 64  # px: marker columns (counts, ✎, yes/no)
COLUMN_MAX = 260  # px: any other column but the title
TITLE_MIN = 220  # px the title keeps before other columns are squeezed …
TITLE_SHARE = 0.35  # … or this share of the table's width, whichever is more
TWO_LINE_ROWS = 8  # rows two lines tall only when at least this many fit in view


class TableFitter(QObject):
    """Keeps one table's columns and row height fitted (see the module's docstring)."""

    def __init__(self, view: QTableView, *, stretch: int, narrow: tuple[int, ...] = (), two_lines: bool = True):
        super().__init__(view)
        self.view = view
        self.stretch = stretch
        self.narrow = set(narrow)
        self.two_lines = two_lines
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.fit)
        model = view.model()
        for signal in (model.modelReset, model.layoutChanged, model.rowsInserted, model.rowsRemoved):
            signal.connect(self.schedule)
        view.installEventFilter(self)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(28)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)  # a squeezed header is cut with "…", not clipped
        self.fit()

    def schedule(self, *_args) -> None:
        self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange, QEvent.Type.Show):
            self.schedule()
        return False

    def wanted(self) -> dict[int, int]:
        """Each column's width for its header and loaded cells, capped (the title's left out)."""
        view, model = self.view, self.view.model()
        fm = view.fontMetrics()
        header = view.horizontalHeader()
        rows = min(model.rowCount(), SAMPLE)
        # A model may give a cell's text without an index: `index()` asks the model's Python
        # row and column counts each time, most of the cost of a fit on the GUI thread.
        text_of = getattr(model, "display_text", None) or (lambda row, column: model.data(model.index(row, column)))
        advance: dict[str, int] = {}  # (dates, kinds and counts repeat)
        widths: dict[int, int] = {}
        for column in range(model.columnCount()):
            if column == self.stretch or view.isColumnHidden(column):
                continue
            width = header.sectionSizeFromContents(column).width() + 4
            for row in range(rows):
                text = text_of(row, column)
                if text:
                    line = str(text).split("\n")[0]
                    px = advance.get(line)
                    if px is None:
                        px = advance[line] = fm.horizontalAdvance(line)
                    width = max(width, px + PADDING)
            widths[column] = min(width, NARROW_MAX if column in self.narrow else COLUMN_MAX)
        return widths

    def fit(self) -> None:
        view = self.view
        header = view.horizontalHeader()
        widths = self.wanted()
        width = view.viewport().width()
        room = width - max(TITLE_MIN, round(TITLE_SHARE * width))
        # Squeeze the widest columns first, evenly, down to a few letters (a header may elide:
        # its tooltip names it).
        floors = {c: min(w, 34 if c in self.narrow else 44) for c, w in widths.items()}
        while sum(widths.values()) > room:
            squeezable = [c for c in widths if widths[c] > floors[c]]
            if not squeezable:
                break
            widest = max(squeezable, key=widths.__getitem__)
            widths[widest] = max(floors[widest], widths[widest] - 4)
        for column, width in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            view.setColumnWidth(column, width)
        if 0 <= self.stretch < view.model().columnCount():
            header.setSectionResizeMode(self.stretch, QHeaderView.ResizeMode.Stretch)
        self._fit_rows()

    def _fit_rows(self) -> None:
        view = self.view
        line = view.fontMetrics().lineSpacing()
        one, two = line + 8, 2 * line + 8
        tall = self.two_lines and view.viewport().height() >= TWO_LINE_ROWS * two
        view.setWordWrap(tall)
        view.verticalHeader().setDefaultSectionSize(two if tall else one)

    def two_line_rows(self) -> bool:
        return self.view.wordWrap()


def fit_table(view: QTableView, *, stretch: int, narrow: tuple[int, ...] = (), two_lines: bool = True) -> TableFitter:
    return TableFitter(view, stretch=stretch, narrow=narrow, two_lines=two_lines)
