"""`EventTableModel`: the filtered, sorted event list as a lazy Qt table model.

Rows come from `Library.rows` a page at a time (`canFetchMore`/`fetchMore`); sorting and
filtering are always re-queried in SQL, so the model never holds more rows than the view has
scrolled through. The same model backs the timeline table and the organisation page.

A new filter, sort or refresh is loaded in the thread pool (`LatestCall`: the newest request
wins, older ones are dropped or never run): the count, the first page and, when asked, the
rows up to an event to keep selected. Until it arrives the model keeps showing the previous
rows (`loading()` is true, `loadingChanged` says when that changes); the result replaces them
in one reset, then `filterApplied` is emitted. Everything a caller reads meanwhile — rows,
`row_of`, further pages — belongs to what is shown, never half to the new filter.

Further pages (`fetchMore`) and the rows up to an event (`locate`, then `located`) are read in
the background too, one request at a time: at a million events a page of a broad text or
organisation filter takes 120-390 ms and finding an event's row up to 580 ms. `row_of` still
answers on the calling thread, for callers that need the row now.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal

from ...core.query.filters import EventFilter
from ...core.query.timeline import SORT_KEYS, EventRow
from ...core.service import Library
from ..common.core_labels import date_label, grade_explanation, grade_label, grade_text, precision_word, word
from ..common.row_model import RowsModel
from ..common.widgets import plain_tooltip
from ..i18n import QT_TRANSLATE_NOOP
from ..shell.runner import LatestCall

PAGE_SIZE = 200
KEYSET_FROM = 2000  # from here on OFFSET costs more than the keyset's per-range filter

_C = "EventTableModel"
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the EventRow
ID_ROLE = Qt.ItemDataRole.UserRole + 2  # the event id

_Index = QModelIndex | QPersistentModelIndex
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_SERVED_ROLES = frozenset({_DISPLAY, _TOOLTIP, _ALIGNMENT, int(ROW_ROLE), int(ID_ROLE)})
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _bound(value: str) -> str:
    if value.startswith("0001-01-01"):
        return QCoreApplication.translate("EventTableModel", "open start")
    if value.startswith("9999-12-31"):
        return QCoreApplication.translate("EventTableModel", "open end")
    return value


def date_tooltip(row: EventRow) -> str:
    """The date as written in the source, its EDTF form, precision and calendar bounds."""
    lines = [date_label(row.date) or row.date_label]
    if row.date_text:
        lines.append(QCoreApplication.translate("EventTableModel", "As written: {text}").format(text=row.date_text))
    lines.append(f"EDTF: {row.date}")
    flags = [word(w) for w, on in (("approximate", row.approximate), ("uncertain", row.uncertain)) if on]
    lines.append(QCoreApplication.translate("EventTableModel", "Precision: {precision}").format(precision=precision_word(row.precision))
                 + (f" ({', '.join(flags)})" if flags else ""))
    lines.append(QCoreApplication.translate("EventTableModel", "Bounds: {start} to {end}").format(start=_bound(row.date_start), end=_bound(row.date_end)))
    return "\n".join(lines)


@dataclass(frozen=True)
class _View:
    """What a set of rows is: the filter and the sort they were queried with."""

    filter: EventFilter
    sort: tuple[str, bool]


@dataclass(frozen=True)
class _Loaded:
    view: _View
    total: int
    rows: list[EventRow]
    absent: frozenset[str]  # events looked for that the filter does not select


@dataclass(frozen=True)
class _More:
    view: _View
    start: int  # how many rows were loaded when these were asked for
    rows: list[EventRow]
    located: str | None  # the event looked for: the rows go up to it, or it is absent


def _more_rows(library: Library, view: _View, loaded: int, last: str | None, limit: int,
               keyset_from: int) -> list[EventRow]:
    """The `limit` rows after the first `loaded` (the last being the event `last`). Deep in the
    list the page starts just after the last loaded row (keyset paging: a seek in the sort
    index, as fast at row 900,000 as at row 2,000); near the top skipping rows is as cheap and
    builds the filter's lists once rather than per index range. When the last row's event has
    gone, the offset serves as well."""
    key, desc = view.sort
    more = []
    if last and loaded >= keyset_from:
        more = library.rows(view.filter, sort=key, descending=desc, limit=limit, after=last)
    if not more:
        more = library.rows(view.filter, sort=key, descending=desc, offset=loaded, limit=limit)
    return more


def _rows_to(library: Library, view: _View, loaded: int, last: str | None, event_id: str,
             keyset_from: int) -> list[EventRow] | None:
    """The rows after the first `loaded` up to `event_id`, or None if the filter does not
    select it (or it is not after them)."""
    key, desc = view.sort
    index = library.row_index(view.filter, event_id, sort=key, descending=desc)
    if index is None or index < loaded:
        return None
    more = _more_rows(library, view, loaded, last, index + 1 - loaded, keyset_from)
    return more if len(more) == index + 1 - loaded and more[-1].id == event_id else None


def _index_in(rows: list[EventRow], event_id: str) -> int | None:
    return next((i for i, r in enumerate(rows) if r.id == event_id), None)


def _load(library: Library, view: _View, limit: int, keyset_from: int, keep: str | None) -> _Loaded:
    """The work of a reload, run on a worker: count, first rows, and the rows up to `keep`."""
    key, desc = view.sort
    total = library.count(view.filter)
    rows = library.rows(view.filter, sort=key, descending=desc, offset=0, limit=limit)
    if not keep or _index_in(rows, keep) is not None:
        return _Loaded(view, total, rows, frozenset())
    more = _rows_to(library, view, len(rows), rows[-1].id if rows else None, keep, keyset_from) \
        if len(rows) < total else None
    if more is None:
        return _Loaded(view, total, rows, frozenset({keep}))
    return _Loaded(view, total, rows + more, frozenset())


def _extend(library: Library, view: _View, loaded: int, last: str | None, limit: int, keyset_from: int,
            locate: str | None) -> _More:
    """The work of a further page (or of the rows up to `locate`), run on a worker."""
    if locate is None:
        return _More(view, loaded, _more_rows(library, view, loaded, last, limit, keyset_from), None)
    return _More(view, loaded, _rows_to(library, view, loaded, last, locate, keyset_from) or [], locate)


def _date_display(row: EventRow) -> str:
    marks = ("~" if row.approximate else "") + ("?" if row.uncertain else "")
    return (date_label(row.date) or row.date_label) + (f" {marks}" if marks else "")


class EventTableModel(RowsModel):
    """The events an `EventFilter` selects, in SQL sort order, fetched in pages of 200."""

    COLUMNS: ClassVar[list[tuple[str, str]]] = [
        ("date", QT_TRANSLATE_NOOP("EventTableModel", "Date")),
        ("title", QT_TRANSLATE_NOOP("EventTableModel", "Title")),
        ("kind", QT_TRANSLATE_NOOP("EventTableModel", "Kind")),
        ("organisations", QT_TRANSLATE_NOOP("EventTableModel", "Organisations")),
        ("countries", QT_TRANSLATE_NOOP("EventTableModel", "Countries")),
        ("sources", QT_TRANSLATE_NOOP("EventTableModel", "Sources")),
        ("annotations", "✎"),
        ("evidence", QT_TRANSLATE_NOOP("EventTableModel", "Evidence")),
    ]
    ACCESSIBLE_HEADERS: ClassVar[dict[str, str]] = {"annotations": QT_TRANSLATE_NOOP("EventTableModel", "Notes")}
    HEADER_TIPS: ClassVar[dict[str, str]] = {
        "date": QT_TRANSLATE_NOOP("EventTableModel",
                                  "The date as the source gives it; hover a cell for its precision and bounds."),
        "sources": QT_TRANSLATE_NOOP("EventTableModel", "Number of sources with a passage supporting the event."),
        "annotations": QT_TRANSLATE_NOOP("EventTableModel", "Notes: how many of your notes are on the event."),
        "evidence": QT_TRANSLATE_NOOP("EventTableModel",
                                      "Evidence, computed from the citations: corroborated, single source, "
                                      "uncorroborated (only low-reliability sources) or contested (a passage "
                                      "contradicts it)."),
    }

    page_size = PAGE_SIZE  # rows per query; tests may lower it on an instance
    keyset_from = KEYSET_FROM  # loaded rows from which further pages are read after the last one

    filterApplied = Signal()  # emitted after the rows were re-queried (filter, sort or refresh)
    loadingChanged = Signal(bool)  # a reload started (True) or its rows are shown (False)
    loadFailed = Signal(str)  # a reload could not be done; the previous rows stay
    located = Signal(str)  # `locate` is done: `known_row` now answers for that event

    def __init__(self, library: Library, parent=None):
        super().__init__(parent)
        self._library = library
        self._wanted = _View(EventFilter(), ("date", False))  # the newest request
        self._shown = self._wanted  # what the rows are
        self._rows: list[EventRow] = []
        self._total = 0
        self._absent: set[str] = set()  # events looked for that the rows shown do not hold
        self._keep: str | None = None  # the event every reload loads up to (the selection)
        self._loader = LatestCall(self)
        self._loader.finished.connect(self._apply)
        self._loader.failed.connect(self._failed)
        self._pager = LatestCall(self)  # further pages and `locate`, one at a time
        self._pager.finished.connect(self._extended)
        self._pager.failed.connect(self._extend_failed)
        self._locating: str | None = None
        self._reload(self.page_size)

    # --- public API --------------------------------------------------------------------
    @property
    def library(self) -> Library:
        return self._library

    def filter(self) -> EventFilter:
        """The filter asked for last (its rows may still be loading)."""
        return self._wanted.filter

    def shown_filter(self) -> EventFilter:
        """The filter of the rows shown now."""
        return self._shown.filter

    def set_filter(self, f: EventFilter, *, keep: str | None = None) -> None:
        """Load the rows `f` selects in the background; with `keep`, up to that event."""
        self._wanted = _View(f, self._wanted.sort)
        self._reload(self.page_size, keep)

    def sort_key(self) -> tuple[str, bool]:
        return self._wanted.sort

    def set_sort(self, key: str, descending: bool, *, keep: str | None = None) -> None:
        if key not in SORT_KEYS:
            raise ValueError(f"cannot sort by {key!r}")
        if (key, descending) == self._wanted.sort:
            return
        self._wanted = _View(self._wanted.filter, (key, descending))
        self._reload(self.page_size, keep)

    def refresh(self, *, keep: str | None = None) -> None:
        """Re-query (after notes changed), keeping as many rows loaded as before."""
        self._reload(max(self.page_size, len(self._rows)), keep)

    def keep_event(self, event_id: str | None) -> None:
        """Have every reload also load the rows up to this event (the selected one), so it can
        stay selected without a query on the GUI thread."""
        self._keep = event_id

    def loading(self) -> bool:
        """Whether a reload is running: the rows shown are not yet those of `filter()`."""
        return self._loader.busy()

    def total(self) -> int:
        """How many events the filter of the rows shown selects (loaded or not)."""
        return self._total

    def loaded(self) -> int:
        return len(self._rows)

    def event_id(self, row: int) -> str | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def event_row(self, row: int) -> EventRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def known_row(self, event_id: str) -> int | None:
        """The row of an event among the rows loaded, without a query."""
        return _index_in(self._rows, event_id)

    def may_hold(self, event_id: str) -> bool:
        """Whether the event may be in rows not loaded yet (so `locate` is worth asking)."""
        return (len(self._rows) < self._total and event_id not in self._absent
                and _index_in(self._rows, event_id) is None)

    def locate(self, event_id: str) -> None:
        """Load, in the background, the rows up to an event; then emit `located`."""
        if not self.may_hold(event_id) or self.loading():
            self.located.emit(event_id)
            return
        self._locating = event_id
        self._start_extend(0, event_id)

    def locating(self) -> bool:
        return self._locating is not None

    def row_of(self, event_id: str) -> int | None:
        """The row of an event among the rows shown (their filter and sort), fetching the rows
        up to it on the calling thread — the page uses `locate` instead."""
        found = _index_in(self._rows, event_id)
        if found is not None or not self.may_hold(event_id):
            return found
        more = _rows_to(self._library, self._shown, len(self._rows), self._last_id(), event_id, self.keyset_from)
        if more is None:
            self._absent.add(event_id)
            return None
        self._insert(more)
        return len(self._rows) - 1

    def column_of(self, key: str) -> int:
        return [k for k, _ in self.COLUMNS].index(key)

    # --- loading -------------------------------------------------------------------------
    def _reload(self, limit: int, keep: str | None = None) -> None:
        library, view, keyset_from = self._library, self._wanted, self.keyset_from
        keep = keep or self._keep
        was_loading = self.loading()
        self._loader.start(lambda: _load(library, view, limit, keyset_from, keep))
        if not was_loading:
            self.loadingChanged.emit(True)

    def _apply(self, loaded: _Loaded) -> None:
        self.beginResetModel()
        self._shown, self._total, self._rows = loaded.view, loaded.total, loaded.rows
        self._absent = set(loaded.absent)
        self.endResetModel()
        self.loadingChanged.emit(False)
        self.filterApplied.emit()
        self._finish_locate()  # a locate asked for the old rows is answered by the new ones

    def _failed(self, message: str) -> None:
        self.loadingChanged.emit(False)
        self.loadFailed.emit(message)

    def _last_id(self) -> str | None:
        return self._rows[-1].id if self._rows else None

    def _start_extend(self, limit: int, locate: str | None) -> None:
        library, view, keyset_from = self._library, self._shown, self.keyset_from
        loaded, last = len(self._rows), self._last_id()
        self._pager.start(lambda: _extend(library, view, loaded, last, limit, keyset_from, locate))

    def _extended(self, more: _More) -> None:
        if more.view == self._shown and more.start == len(self._rows):  # else the rows changed meanwhile
            if more.rows:
                self._insert(more.rows)
            elif more.located is not None:
                self._absent.add(more.located)
            else:
                self._total = len(self._rows)  # the data shrank under us; stop asking
        self._finish_locate()

    def _extend_failed(self, message: str) -> None:
        self._finish_locate()
        self.loadFailed.emit(message)

    def _finish_locate(self) -> None:
        event_id, self._locating = self._locating, None
        if event_id is not None:
            self.located.emit(event_id)

    def _insert(self, more: list[EventRow]) -> None:
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def fetching(self) -> bool:
        """Whether a further page (or a `locate`) is being read in the background."""
        return self._pager.busy()

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        # Not while a reload runs: those pages would be of rows about to be replaced.
        return not parent.isValid() and len(self._rows) < self._total and not self.loading()

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        """Read the next page in the background (the view asks again when it wants more)."""
        if self.canFetchMore(parent) and not self._pager.busy():
            self._start_extend(self.page_size, None)

    # --- Qt model interface ----------------------------------------------------------------
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        key, header = self.COLUMNS[section]
        # the class's names, marked with QT_TRANSLATE_NOOP above, in their context
        shown = QCoreApplication.translate(_C, header)
        if role == Qt.ItemDataRole.DisplayRole:
            return shown
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self.HEADER_TIPS.get(key)
            return plain_tooltip(QCoreApplication.translate(_C, tip) if tip else QCoreApplication.translate(
                "EventTableModel", "Sort by {column}").format(column=shown))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return QCoreApplication.translate(_C, self.ACCESSIBLE_HEADERS.get(key, header))
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        # Called about eight times per visible cell on every repaint, so the roles the model
        # does not serve are turned away first, as plain ints.
        if role not in _SERVED_ROLES:
            return None
        r = index.row()
        if not 0 <= r < len(self._rows):  # an invalid index has row -1
            return None
        row = self._rows[r]
        key = self.COLUMNS[index.column()][0]
        if role == _DISPLAY:
            return self._display(row, key)
        if role == _TOOLTIP:
            return plain_tooltip(self._tooltip(row, key))
        if role == _ALIGNMENT:
            return _RIGHT if key in ("sources", "annotations") else None
        if role == ROW_ROLE:
            return row
        return row.id  # ID_ROLE

    def display_text(self, row: int, column: int) -> str | None:
        """What `data` shows in a cell, without making an index (see `table_fit`)."""
        if not 0 <= row < len(self._rows) or not 0 <= column < len(self.COLUMNS):
            return None
        return self._display(self._rows[row], self.COLUMNS[column][0])

    @staticmethod
    def _display(row: EventRow, key: str) -> str:
        if key == "date":
            return _date_display(row)
        if key == "title":
            return row.title
        if key == "kind":
            return word(row.kind)
        if key == "organisations":
            return ", ".join(row.organisations)
        if key == "countries":
            return ", ".join(row.countries)
        if key == "sources":
            return str(row.source_count)
        if key == "annotations":
            return f"✎ {row.annotation_count}" if row.annotation_count else ""
        if key == "evidence":
            return grade_text(row.evidence)
        return ""

    @staticmethod
    def _tooltip(row: EventRow, key: str) -> str:
        if key == "date":
            return date_tooltip(row)
        if key == "title":
            return f"{row.title}\n\n{row.summary}" if row.summary else row.title
        if key == "organisations":
            return "\n".join(row.organisations) or QCoreApplication.translate("EventTableModel", "No organisation")
        if key == "countries":
            return "\n".join(row.countries) or QCoreApplication.translate("EventTableModel", "No country")
        if key == "sources":
            return _Plural().sources(row.source_count)
        if key == "annotations":
            n = row.annotation_count
            return _Plural().notes(n) if n else QCoreApplication.translate("EventTableModel", "No notes")
        if key == "evidence":
            label = grade_label(row.evidence)
            return f"{label[:1].upper()}{label[1:]}: {grade_explanation(row.evidence)}"

        return EventTableModel._display(row, key)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(self.COLUMNS):
            self.set_sort(self.COLUMNS[column][0], order == Qt.SortOrder.DescendingOrder)


class _Plural(QObject):
    """Plural tooltips (lupdate finds the plural forms of `tr`, not of a module's translate())."""

    def sources(self, n: int) -> str:
        return self.tr("%n source(s) support this event", "", n)

    def notes(self, n: int) -> str:
        return self.tr("%n note(s)", "", n)
