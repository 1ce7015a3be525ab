"""`EventTableModel`: the filtered, sorted event list as a lazy Qt table model.

Rows come from `Library.rows` a page at a time (`canFetchMore`/`fetchMore`); sorting and
filtering are always re-queried in SQL, so the model never holds more rows than the view has
scrolled through. The same model backs the timeline table and the organisation page.
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal

from ..core.filters import EventFilter
from ..core.service import Library
from ..core.timeline import SORT_KEYS, EventRow
from .row_model import RowsModel
from .widgets import plain_tooltip

PAGE_SIZE = 200
KEYSET_FROM = 2000  # from here on OFFSET costs more than the keyset's per-range filter

PRECISION_WORDS = {
    "day": "exact day", "month": "month", "season": "season", "year": "year",
    "decade": "decade", "century": "century", "interval": "interval",
}

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the EventRow
ID_ROLE = Qt.ItemDataRole.UserRole + 2  # the event id

_Index = QModelIndex | QPersistentModelIndex


def _bound(value: str) -> str:
    if value.startswith("0001-01-01"):
        return "open start"
    if value.startswith("9999-12-31"):
        return "open end"
    return value


def date_tooltip(row: EventRow) -> str:
    """The date as written in the source, its EDTF form, precision and calendar bounds."""
    lines = [row.date_label]
    if row.date_text:
        lines.append(f"As written: {row.date_text}")
    lines.append(f"EDTF: {row.date}")
    flags = [w for w, on in (("approximate", row.approximate), ("uncertain", row.uncertain)) if on]
    lines.append("Precision: " + PRECISION_WORDS.get(row.precision, row.precision)
                 + (f" ({', '.join(flags)})" if flags else ""))
    lines.append(f"Bounds: {_bound(row.date_start)} to {_bound(row.date_end)}")
    return "\n".join(lines)


def _date_display(row: EventRow) -> str:
    marks = ("~" if row.approximate else "") + ("?" if row.uncertain else "")
    return row.date_label + (f" {marks}" if marks else "")


class EventTableModel(RowsModel):
    """The events an `EventFilter` selects, in SQL sort order, fetched in pages of 200."""

    COLUMNS: ClassVar[list[tuple[str, str]]] = [
        ("date", "Date"),
        ("title", "Title"),
        ("kind", "Kind"),
        ("organisations", "Organisations"),
        ("countries", "Countries"),
        ("sources", "Sources"),
        ("annotations", "✎"),
        ("disputed", "⚠"),
    ]
    ACCESSIBLE_HEADERS: ClassVar[dict[str, str]] = {"annotations": "Notes", "disputed": "Disputed"}
    HEADER_TIPS: ClassVar[dict[str, str]] = {
        "date": "The date as the source gives it; hover a cell for its precision and bounds.",
        "sources": "Number of sources with a passage supporting the event.",
        "annotations": "Notes: how many of your notes are on the event.",
        "disputed": "Disputed: another source contradicts the event.",
    }

    page_size = PAGE_SIZE  # rows per query; tests may lower it on an instance
    keyset_from = KEYSET_FROM  # loaded rows from which further pages are read after the last one

    filterApplied = Signal()  # emitted after the rows were re-queried (filter, sort or refresh)

    def __init__(self, library: Library, parent=None):
        super().__init__(parent)
        self._library = library
        self._filter = EventFilter()
        self._sort: tuple[str, bool] = ("date", False)
        self._rows: list[EventRow] = []
        self._total = 0
        self._reload(self.page_size)

    # --- public API --------------------------------------------------------------------
    @property
    def library(self) -> Library:
        return self._library

    def filter(self) -> EventFilter:
        return self._filter

    def set_filter(self, f: EventFilter) -> None:
        self._filter = f
        self._reload(self.page_size)

    def sort_key(self) -> tuple[str, bool]:
        return self._sort

    def set_sort(self, key: str, descending: bool) -> None:
        if key not in SORT_KEYS:
            raise ValueError(f"cannot sort by {key!r}")
        if (key, descending) == self._sort:
            return
        self._sort = (key, descending)
        self._reload(self.page_size)

    def refresh(self) -> None:
        """Re-query (after notes changed), keeping as many rows loaded as before."""
        self._reload(max(self.page_size, len(self._rows)))

    def total(self) -> int:
        """How many events the filter selects (loaded or not)."""
        return self._total

    def loaded(self) -> int:
        return len(self._rows)

    def event_id(self, row: int) -> str | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def event_row(self, row: int) -> EventRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, event_id: str) -> int | None:
        """The row of an event under the current filter and sort, fetching pages up to it."""
        for i, r in enumerate(self._rows):
            if r.id == event_id:
                return i
        key, desc = self._sort
        index = self._library.row_index(self._filter, event_id, sort=key, descending=desc)
        if index is None:
            return None
        while len(self._rows) <= index and self.canFetchMore(QModelIndex()):
            self._fetch(max(self.page_size, index + 1 - len(self._rows)))
        return index if index < len(self._rows) and self._rows[index].id == event_id else None

    def column_of(self, key: str) -> int:
        return [k for k, _ in self.COLUMNS].index(key)

    # --- loading -------------------------------------------------------------------------
    def _reload(self, limit: int) -> None:
        key, desc = self._sort
        self.beginResetModel()
        self._total = self._library.count(self._filter)
        self._rows = self._library.rows(self._filter, sort=key, descending=desc, offset=0, limit=limit)
        self.endResetModel()
        self.filterApplied.emit()

    def _fetch(self, limit: int) -> None:
        key, desc = self._sort
        # Deep in the list the next page starts just after the last loaded row (keyset paging: a
        # seek in the sort index, as fast at row 900,000 as at row 2,000); near the top skipping
        # rows is as cheap and builds the filter's lists once rather than per index range. When
        # the last row's event has gone, the offset serves as well.
        more = []
        if self._rows and len(self._rows) >= self.keyset_from:
            more = self._library.rows(self._filter, sort=key, descending=desc, limit=limit,
                                      after=self._rows[-1].id)
        if not more:
            more = self._library.rows(self._filter, sort=key, descending=desc,
                                      offset=len(self._rows), limit=limit)
        if not more:
            self._total = len(self._rows)  # the data shrank under us; stop asking
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._fetch(self.page_size)

    # --- Qt model interface ----------------------------------------------------------------
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        key, header = self.COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return header
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self.HEADER_TIPS.get(key, f"Sort by {header.lower()}"))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.ACCESSIBLE_HEADERS.get(key, header)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        key = self.COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self._tooltip(row, key))
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("sources", "annotations"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ROW_ROLE:
            return row
        if role == ID_ROLE:
            return row.id
        return None

    @staticmethod
    def _display(row: EventRow, key: str) -> str:
        if key == "date":
            return _date_display(row)
        if key == "title":
            return row.title
        if key == "kind":
            return row.kind.replace("_", " ")
        if key == "organisations":
            return ", ".join(row.organisations)
        if key == "countries":
            return ", ".join(row.countries)
        if key == "sources":
            return str(row.source_count)
        if key == "annotations":
            return f"✎ {row.annotation_count}" if row.annotation_count else ""
        if key == "disputed":
            return "⚠" if row.disputed else ""
        return ""

    @staticmethod
    def _tooltip(row: EventRow, key: str) -> str:
        if key == "date":
            return date_tooltip(row)
        if key == "title":
            return f"{row.title}\n\n{row.summary}" if row.summary else row.title
        if key == "organisations":
            return "\n".join(row.organisations) or "No organisation"
        if key == "countries":
            return "\n".join(row.countries) or "No country"
        if key == "sources":
            n = row.source_count
            return f"{n} source{'s' if n != 1 else ''} support this event"
        if key == "annotations":
            n = row.annotation_count
            return f"{n} note{'s' if n != 1 else ''}" if n else "No notes"
        if key == "disputed":
            return "Disputed: another source contradicts this event" if row.disputed else "Not disputed"
        return EventTableModel._display(row, key)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(self.COLUMNS):
            self.set_sort(self.COLUMNS[column][0], order == Qt.SortOrder.DescendingOrder)
