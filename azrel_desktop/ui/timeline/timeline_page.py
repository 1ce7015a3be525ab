"""`TimelinePage`: the filter panel, the chips and count, the chart, the event table and the
detail pane, kept in step with each other.

One `EventFilter` drives the table, the chart, the chips and the facet counts; one selected
event id is shared by the table, the chart and the detail pane. The page's place in the
history (`current_target`) records both, so Back returns to the same filter and event.

The table's rows load in the background (see `EventTableModel`): the chips show the new filter
at once, the previous rows stay until the new ones arrive, and only a load that takes longer
than `LOADING_SHOWN_AFTER_MS` says so (greyed rows, "Loading events…", "Counting events…"), so a fast
one never flickers. Selecting an event while rows load (from the chart, the history or code)
waits for them; revealing one (`show_target`) loads its filter up to that event.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QByteArray, QItemSelectionModel, QModelIndex, QPointF, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QSplitter, QTableView, QVBoxLayout, QWidget

from ...core.query.filters import EventFilter
from ..common.context_menus import show_event_menu
from ..common.table_fit import fit_table
from ..common.widgets import PlainLabel
from ..shell.context import AppContext
from ..shell.loading import Loader
from ..shell.navigation import Target
from ..shell.runner import LatestCall
from .chips import ChipBar
from .event_detail import EventDetailPane
from .filter_panel import FilterPanel
from .timeline_chart import TimelineChart
from .timeline_model import EventTableModel

CENTRE_MIN_WIDTH = 360
LOADING_SHOWN_AFTER_MS = 200  # a load faster than this changes the rows without a loading state

_COLUMN_WIDTHS = {"date": 110, "kind": 95, "organisations": 85, "countries": 95, "sources": 58,
                  "annotations": 36, "evidence": 120}


def filter_from_target(target: Target) -> EventFilter | None:
    """A filter carried in `Target.extra`: an EventFilter, or ("filter", dict-or-JSON)."""
    for item in target.extra:
        if isinstance(item, EventFilter):
            return item
        if isinstance(item, tuple) and len(item) == 2 and item[0] == "filter":
            data = json.loads(item[1]) if isinstance(item[1], str) else item[1]
            try:
                return EventFilter.from_dict(data)
            except (TypeError, ValueError):
                return None
    return None


class EventTable(QTableView):
    """The event list; sorting goes to the model, which re-queries in SQL."""

    def __init__(self, model: EventTableModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("eventTable")
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsMovable(False)
        for i, (key, _) in enumerate(model.COLUMNS):
            if key == "title":
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)
            else:
                self.setColumnWidth(i, _COLUMN_WIDTHS.get(key, 100))
        self.fitter = fit_table(self, stretch=model.column_of("title"),
                                narrow=(model.column_of("sources"), model.column_of("annotations")))
        key, desc = model.sort_key()
        # Set the indicator before enabling sorting: enabling it sorts by the indicator at once.
        header.setSortIndicator(model.column_of(key),
                                Qt.SortOrder.DescendingOrder if desc else Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)
        self.setAccessibleName(self.tr("Events"))
        self.loading_label = PlainLabel(self.tr("Loading events…"), self.viewport(), wrap=False, selectable=False)
        self.loading_label.setObjectName("tableLoading")
        # Drawn like a tooltip over the greyed rows, in its own colours (not the greyed ones).
        self.loading_label.setStyleSheet(
            "QLabel#tableLoading { background: palette(tooltip-base); color: palette(tooltip-text);"
            " border: 1px solid palette(mid); border-radius: 3px; padding: 4px 12px; }")
        self.loading_label.hide()
        self._palette = QPalette(self.palette())
        self._loading_palette = QPalette(self._palette)
        grey = self._palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            self._loading_palette.setColor(group, QPalette.ColorRole.Text, grey)

    def set_loading(self, loading: bool) -> None:
        """Grey the rows shown and say that new ones are loading (or undo that)."""
        self.setPalette(self._loading_palette if loading else self._palette)
        self.loading_label.setVisible(loading)
        if loading:
            self.loading_label.adjustSize()
            self.loading_label.move((self.viewport().width() - self.loading_label.width()) // 2, 8)
            self.loading_label.raise_()
        self.setAccessibleDescription(self.tr("Loading events") if loading else "")


class TimelinePage(QWidget):
    """The timeline: filter, chips, chart, table and detail. Implements the page interface."""

    filterChanged = Signal(object)
    selectionChanged = Signal(object)  # event id or None
    loaded = Signal()  # the selected event's detail (and so the page's title) is shown

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        library = ctx.library
        self._selected: str | None = None
        # A selection waiting for rows: (event, reveal, restoring the one kept across a reload).
        self._pending: tuple[str | None, bool, bool] | None = None
        self._grand_total = library.total()
        self._loading_timer = QTimer(self, singleShot=True, interval=LOADING_SHOWN_AFTER_MS)
        self._loading_timer.timeout.connect(self._show_loading)
        self._revealer = LatestCall(self)  # which filter shows an event, worked out off the GUI thread
        self._revealer.finished.connect(self._revealed)
        self._revealer.failed.connect(lambda message: self.ctx.status.emit(
            self.tr("Could not show the event: {error}").format(error=message)))

        self.model = EventTableModel(library, self)
        self.panel = FilterPanel(library, self)
        self.chips = ChipBar(library, self)
        self.chart = TimelineChart(library, self)
        self.table = EventTable(self.model, self)
        self.detail = EventDetailPane(ctx, self)
        self.detail.loaded.connect(self.loaded)
        self._totaller = Loader(self, self._new_total)  # the count of all events, after a change

        center = QWidget(self)
        # An explicit minimum: the splitter otherwise takes the centre's minimum from its contents
        # (the chips, the chart's note), which changes with every filter, and then moved the
        # side panes to and fro, re-laying out and repainting the whole window at each change.
        center.setMinimumWidth(CENTRE_MIN_WIDTH)
        center_lay = QVBoxLayout(center)
        center_lay.setContentsMargins(0, 0, 0, 0)
        center_lay.setSpacing(2)
        center_lay.addWidget(self.chips)
        self.center_splitter = QSplitter(Qt.Orientation.Vertical, center)
        self.center_splitter.setObjectName("timelineCenterSplitter")
        self.center_splitter.addWidget(self.chart)
        self.center_splitter.addWidget(self.table)
        self.center_splitter.setChildrenCollapsible(False)
        self.center_splitter.setSizes([260, 400])
        center_lay.addWidget(self.center_splitter, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("timelineSplitter")
        self.splitter.addWidget(self.panel)
        self.splitter.addWidget(center)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([235, 715, 330])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self.panel.filterChanged.connect(self._user_filter)
        self.chips.filterChanged.connect(self._user_filter)
        self.panel.noticesChanged.connect(self.chips.set_notices)
        self.chips.noticeClicked.connect(lambda _text: self.panel.dates.clear_invalid())
        self.chart.eventClicked.connect(lambda eid: self.select_event(eid, source="chart"))
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.model.loadingChanged.connect(self._loading_changed)
        self.model.filterApplied.connect(self._loaded)
        self.model.located.connect(self._located)
        self.model.loadFailed.connect(lambda message: self.ctx.status.emit(
            self.tr("Events could not be loaded: {error}").format(error=message)))
        ctx.changed.connect(self._on_changed)
        for view in (self.table, self.chart.canvas):  # right-click: ui/common/context_menus.py
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._table_menu)
        self.chart.canvas.customContextMenuRequested.connect(self._chart_menu)
        self._loading_changed(self.model.loading())
        self._sync_views(self.model.filter())

    def _table_menu(self, pos) -> None:
        index = self.table.indexAt(pos)
        row = self.model.event_row(index.row()) if index.isValid() else None
        if row is not None:
            show_event_menu(self.ctx, row, self.detail.detail, self.table, self.table.viewport().mapToGlobal(pos))

    def _chart_menu(self, pos) -> None:
        hit = self.chart.canvas.item_at(QPointF(pos))
        if hit is not None:
            show_event_menu(self.ctx, hit.row, self.detail.detail, self.chart.canvas,
                            self.chart.canvas.viewport().mapToGlobal(pos))

    # --- page interface -----------------------------------------------------------------------
    def title(self) -> str:
        row = self.detail.detail.row if self.detail.detail else None
        return self.tr("Timeline — {title}").format(title=row.title) if row else self.tr("Timeline")

    def show_target(self, target: Target) -> None:
        event_id = target.id if target.kind == "event" and target.id else None
        f = filter_from_target(target)
        if f is not None:
            self.set_filter(f, keep=event_id)
        if event_id:
            self.select_event(event_id, reveal=True)

    def current_target(self) -> Target:
        """Where the page is now, with the filter, for the history."""
        extra = (("filter", json.dumps(self.model.filter().to_dict(), sort_keys=True)),)
        if self._selected:
            return Target("event", self._selected, extra=extra)
        return Target("timeline", extra=extra)

    # --- filter ------------------------------------------------------------------------------
    def filter(self) -> EventFilter:
        return self.model.filter()

    def sort_key(self) -> tuple[str, bool]:
        return self.model.sort_key()

    def set_filter(self, f: EventFilter, *, keep: str | None = None) -> None:
        """Show the events `f` selects; with `keep`, load the rows up to that event."""
        if f == self.model.filter():  # already shown: keep the model (and the selection) as is
            self._sync_views(f)
            return
        self.model.set_filter(f, keep=keep)  # loads; _loaded keeps the event if still shown
        self._sync_views(f)
        self.filterChanged.emit(f)

    def _user_filter(self, f: EventFilter) -> None:
        # The user's own filter wins over a reveal still waiting for rows: the event stays
        # selected only if the new filter shows it.
        if self._pending is not None:
            self._pending = (self._pending[0], False, self._pending[2])
        self.set_filter(f)

    def _sync_views(self, f: EventFilter) -> None:
        self.panel.set_filter(f)
        self.chips.set_filter(f)
        self._show_count()
        self.chart.set_filter(f)

    def _show_count(self) -> None:
        if not self.model.loading():
            self.chips.set_count(self.model.total(), self._grand_total)
        elif not self._loading_timer.isActive():
            self.chips.set_counting()

    def is_loading(self) -> bool:
        """Whether the table's rows for the current filter (or its chips, or the selected
        event's detail) are still on their way."""
        return (self.model.loading() or self.chips.is_loading() or self.detail.is_loading()
                or self._totaller.busy())

    def set_sort(self, key: str, descending: bool) -> None:
        self.table.horizontalHeader().setSortIndicator(
            self.model.column_of(key), Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)

    def focus_search(self) -> None:
        self.panel.focus_search()

    # --- selection ---------------------------------------------------------------------------
    def selected_event(self) -> str | None:
        return self._selected

    def select_event(self, event_id: str | None, *, reveal: bool = False, source: str = "api",
                     _restoring: bool = False) -> bool:
        """Select an event in the table, chart and detail. With `reveal`, first remove the
        filter dimensions that hide it. Returns whether the event is now selected; when its
        row is not loaded yet (or the table's rows are loading), the rows up to it are read in
        the background first and `selectionChanged` says when it is selected."""
        model = self.model
        if source != "model":
            self._pending = None  # the newest choice wins over one still waiting
        if source != "table" and (model.loading() or model.locating()):
            self._pending = (event_id, reveal, _restoring)
            model.keep_event(event_id)
            return False
        row = model.known_row(event_id) if event_id else None
        if event_id and row is None and model.may_hold(event_id):
            self._pending = (event_id, reveal, _restoring)
            model.locate(event_id)
            return False
        if event_id and reveal and row is None:
            self._pending = (event_id, False, False)
            library, f = self.ctx.library, model.filter()
            self._revealer.start(lambda: (event_id, f, library.revealing_filter(f, event_id)))
            return False
        if event_id and row is None:
            return False
        self._selected = event_id
        self.model.keep_event(event_id)
        if row is not None:
            index = self.model.index(row, 0)
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(index)
        else:
            self.table.selectionModel().clearSelection()
        if source != "chart":
            self.chart.select_event(event_id)
        if self.detail.event_id() != event_id:
            self.detail.show_event(event_id)
        self.selectionChanged.emit(event_id)
        return True

    def _revealed(self, result) -> None:
        event_id, f, found = result
        if self._pending != (event_id, False, False) or self.model.filter() != f:
            return  # the user chose another event or filter meanwhile
        self._pending = None
        if found is None:
            self.ctx.status.emit(self.tr("No event {id} in this library.").format(id=event_id))
            return
        revealed, hiding = found
        if hiding:
            self.ctx.status.emit(self.tr("Filters that hid the event were removed: {filters}").format(
                filters=", ".join(hiding)))

        if revealed != f:
            self._pending = (event_id, False, False)
            self.set_filter(revealed, keep=event_id)
        else:
            self.select_event(event_id, source="model")

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        event_id = self.model.event_id(current.row()) if current.isValid() else None
        if event_id and event_id != self._selected:
            self.select_event(event_id, source="table")

    def _loading_changed(self, loading: bool) -> None:
        if loading:
            if not self.table.loading_label.isVisible():
                self._loading_timer.start()
        else:
            self._loading_timer.stop()
            self.table.set_loading(False)

    def _show_loading(self) -> None:
        if self.model.loading():
            self.table.set_loading(True)
            self.chips.set_counting()

    def _loaded(self) -> None:
        """New rows are shown: the count, then the selection waiting for them or the one kept."""
        self._show_count()
        pending, self._pending = self._pending, None
        if pending is not None and not pending[2] and self._resume(pending):
            return
        if self._selected:  # the reset cleared the table's selection: select it again if shown
            self._resume((self._selected, False, True))

    def _located(self, event_id: str) -> None:
        if self._pending is not None and self._pending[0] == event_id:
            pending, self._pending = self._pending, None
            self._resume(pending)

    def _resume(self, pending: tuple[str | None, bool, bool]) -> bool:
        """Make a selection that waited; False when it cannot be made."""
        event_id, reveal, restoring = pending
        if self.select_event(event_id, reveal=reveal, source="model", _restoring=restoring) \
                or self._pending is not None:  # selected, or waiting again (for more rows)
            return True
        if restoring and self._selected == event_id:  # the new rows do not show it
            self._selected = None
            self.model.keep_event(None)
            self.chart.select_event(None)
            self.detail.show_event(None)
            self.selectionChanged.emit(None)
        return False

    def _on_changed(self, changes) -> None:
        if changes.kinds and changes.kinds <= {"saved_view"}:
            return  # a saved view changed: nothing the timeline shows
        library = self.ctx.library
        self._totaller.load(library.total)
        self.model.refresh()
        self.chips.set_filter(self.model.filter())
        self._show_count()
        self.panel.refresh()
        self.chart.refresh()

    def _new_total(self, total: int) -> None:
        self._grand_total = total
        self._show_count()

    # --- settings -----------------------------------------------------------------------------
    def save_state(self, s: QSettings) -> None:
        s.setValue("timeline/splitter", self.splitter.saveState())
        s.setValue("timeline/centerSplitter", self.center_splitter.saveState())
        s.setValue("timeline/header", self.table.horizontalHeader().saveState())
        key, desc = self.model.sort_key()
        s.setValue("timeline/sort", json.dumps([key, desc]))
        s.setValue("timeline/chartMode", self.chart.mode)

    def restore_state(self, s: QSettings) -> None:
        for key, splitter in (("timeline/splitter", self.splitter),
                              ("timeline/centerSplitter", self.center_splitter)):
            value = s.value(key)
            if isinstance(value, (QByteArray, bytes)):
                splitter.restoreState(value)
        header = s.value("timeline/header")
        if isinstance(header, (QByteArray, bytes)):
            self.table.horizontalHeader().restoreState(header)  # also restores the sort indicator
        try:
            key, desc = json.loads(str(s.value("timeline/sort", "")))
            self.set_sort(str(key), bool(desc))
        except (ValueError, TypeError):
            pass
        mode = s.value("timeline/chartMode")
        if mode in ("organisation", "country"):
            self.chart.set_mode(str(mode))
