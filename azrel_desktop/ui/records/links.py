"""Shared building blocks of the record pages: where a `Link` leads, clickable lists of links
and of citations (quotes that open their source at the passage), the events table over
`EventTableModel`, and `RecordPage`, the scrolling page frame with its "not found" state.

All labels and quotes come from data, so they are shown as plain text only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QElapsedTimer, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFormLayout,
    QFrame,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.query.filters import EventFilter
from ...core.query.records import Link, NotFound, PassageRef
from ...core.research.quotes import as_prose
from ..coding.vocabulary import record_kind, reliability_label, stance
from ..common import palette as pal
from ..common.colours import colour_item
from ..common.context_menus import link_subject, passage_subject, show_event_menu, show_menu
from ..common.table_fit import fit_table
from ..common.widgets import PlainLabel, plain_tooltip
from ..notes.annotation_panel import AnnotationPanel
from ..shell.context import AppContext
from ..shell.loading import Loader
from ..shell.navigation import PAGE_KINDS, Target
from ..timeline.timeline_model import EventTableModel

LINK_ROLE = Qt.ItemDataRole.UserRole
SUBJECT_ROLE = Qt.ItemDataRole.UserRole + 1  # what the item's context menu is about


def enable_item_menus(view: QListWidget, ctx: AppContext) -> None:
    """Right-click on an item opens its context menu (ui/common/context_menus.py)."""
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def menu(pos) -> None:
        item = view.itemAt(pos)
        subject = item.data(SUBJECT_ROLE) if item is not None else None
        if subject is not None:
            show_menu(ctx, subject, view, view.viewport().mapToGlobal(pos))

    view.customContextMenuRequested.connect(menu)


def target_for(link: Link) -> Target | None:
    """The page a link opens (an event opens the timeline with it selected)."""
    if link.kind in PAGE_KINDS and link.kind not in ("timeline", "annotations"):
        return Target(link.kind, link.id)
    return None


def citation_target(ref: PassageRef) -> Target:
    return Target("source", ref.source_id, passage_id=ref.id)


def short_quote(text: str, limit: int = 180) -> str:
    flat = as_prose(text)
    return flat if len(flat) <= limit else flat[:limit - 1] + "…"


def citation_text(ref: PassageRef, limit: int = 180) -> str:
    marked = "" if ref.stance == "supports" else f"[{stance(ref.stance)}] "
    weak = f"{pal.LOW_RELIABILITY_SYMBOL} " if ref.low_reliability else ""
    return f"{weak}{marked}“{short_quote(ref.quote, limit)}” — {ref.source_title}"


def reliability_note(ref: PassageRef) -> str:
    """A line for a quote's tooltip when its source is of low reliability ('' otherwise)."""
    if not ref.low_reliability:
        return ""
    return "\n" + QCoreApplication.translate(
        "Citations", "{symbol} A source of low reliability ({grade}): weigh this quote with care.").format(
        symbol=pal.LOW_RELIABILITY_SYMBOL, grade=reliability_label(ref.source_grade))


def click_to_open() -> str:
    return QCoreApplication.translate("Citations", "Click to open the source at this passage.")


def quote_tooltip(ref: PassageRef, *, kind: bool = False) -> str:
    """A citation's tooltip: its stance and whole quote, the source, a low-reliability warning."""
    source = f"{ref.source_title} ({ref.source_kind})" if kind else ref.source_title
    return (f"{stance(ref.stance)}: “{as_prose(ref.quote)}”\n\n{source}" + reliability_note(ref) + "\n"
            + click_to_open())


def heading_label(text: str, parent: QWidget | None = None, *, size: float = 1.15) -> QLabel:
    label = PlainLabel(text, parent)
    font = QFont(label.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * size)
    label.setFont(font)
    return label


def add_row(form: QFormLayout, caption: str, field: QWidget) -> None:
    """A form row whose caption is a plain-text label, like every other label on the pages."""
    form.addRow(PlainLabel(caption, field.parentWidget(), wrap=False, selectable=False), field)


class ClickList(QListWidget):
    """A compact list whose items act like links: a click or Enter opens the item's target."""

    opened = Signal(object)  # the Target

    def __init__(self, parent: QWidget | None = None, *, empty_text: str | None = None, max_rows: int = 8):
        """`empty_text`: the caller's translated placeholder for an empty list."""
        super().__init__(parent)
        self._empty_text = QCoreApplication.translate("ClickList", "none") if empty_text is None else empty_text
        self._max_rows = max_rows
        self._last_target: Target | None = None
        self._clock = QElapsedTimer()
        self.setWordWrap(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setMouseTracking(True)
        # read as a list of links on the page, not as an input box
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.viewport().setAutoFillBackground(False)
        self.setStyleSheet("QListWidget { background: transparent; }")
        self.itemClicked.connect(self._open)

    def add(self, text: str, target: Target | None, tooltip: str = "") -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setData(LINK_ROLE, target)
        if target is not None:
            colour_item(self, item, "link")
        item.setToolTip(plain_tooltip(tooltip or text))
        self.addItem(item)
        return item

    def finish(self) -> None:
        """Show a greyed placeholder when empty and fit the height to the rows."""
        if self.count() == 0:
            item = QListWidgetItem(self._empty_text)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addItem(item)
        rows = min(self.count(), self._max_rows)
        height = sum(self.sizeHintForRow(i) for i in range(rows)) + 2 * self.frameWidth() + 4
        self.setFixedHeight(max(height, 24))

    def targets(self) -> list[Target]:
        return [t for i in range(self.count()) if (t := self.item(i).data(LINK_ROLE)) is not None]

    def mouseMoveEvent(self, event) -> None:
        item = self.itemAt(event.position().toPoint())
        linked = item is not None and item.data(LINK_ROLE) is not None
        self.viewport().setCursor(Qt.CursorShape.PointingHandCursor if linked else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem() is not None:
            self._open(self.currentItem())
            return
        super().keyPressEvent(event)

    def _open(self, item: QListWidgetItem) -> None:
        target = item.data(LINK_ROLE)
        if target is None:
            return
        # a double-click reports two clicks; open the target once
        now = self._clock.elapsed() if self._clock.isValid() else None
        if target == self._last_target and now is not None and now < QApplication.doubleClickInterval():
            return
        self._last_target = target
        self._clock.start()
        self.opened.emit(target)


class LinkList(ClickList):
    """Links to other records; a click navigates through the context."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, **kwargs):
        super().__init__(parent, **kwargs)
        self.opened.connect(ctx.go)
        enable_item_menus(self, ctx)

    def set_links(self, links: list[Link], describe: Callable[[Link], str] | None = None) -> None:
        self.clear()
        for link in links:
            text = describe(link) if describe else (f"{link.label} ({link.role.replace('_', ' ')})"
                                                    if link.role else link.label)
            item = self.add(text, target_for(link))
            item.setData(SUBJECT_ROLE, link_subject(link))
        self.finish()


class CitationList(ClickList):
    """Quotes that support (or contradict) a fact; a click opens the source at the passage."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, **kwargs):
        kwargs.setdefault("empty_text", QCoreApplication.translate("CitationList", "no citation"))
        super().__init__(parent, **kwargs)
        self.opened.connect(ctx.go)
        enable_item_menus(self, ctx)

    def set_citations(self, refs: list[PassageRef]) -> None:
        self.clear()
        for ref in refs:
            item = self.add(citation_text(ref), citation_target(ref), quote_tooltip(ref, kind=True))
            item.setData(SUBJECT_ROLE, passage_subject(ref))
            if ref.stance == "contradicts":
                colour_item(self, item, "alert")
        self.finish()


class EventsTable(QWidget):
    """The events a filter selects, in a sortable table; double-click or Enter opens one."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.model = EventTableModel(ctx.library, self)
        self.count_label = PlainLabel("", self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.setMinimumHeight(220)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.fitter = fit_table(self.view, stretch=self.model.column_of("title"),
                                narrow=(self.model.column_of("sources"), self.model.column_of("annotations")))
        self.view.activated.connect(lambda index: self.open_row(index.row()))
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._row_menu)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.count_label)
        layout.addWidget(self.view)
        self.model.filterApplied.connect(self._show_count)
        ctx.changed.connect(self._on_changed)

    def set_filter(self, f: EventFilter) -> None:
        self.model.set_filter(f)

    def open_row(self, row: int) -> None:
        event_id = self.model.event_id(row)
        if event_id:
            self.ctx.go(Target("event", event_id))

    def _row_menu(self, pos) -> None:
        index = self.view.indexAt(pos)
        row = self.model.event_row(index.row()) if index.isValid() else None
        if row is not None:
            show_event_menu(self.ctx, row, None, self.view, self.view.viewport().mapToGlobal(pos))

    def _show_count(self) -> None:
        n = self.model.total()
        self.count_label.setText(self.tr("%n event(s) — double-click one to open it on the timeline", "", n))

    def _on_changed(self, changes) -> None:
        if changes.kinds & {"annotation", "event", "corpus"}:
            self.model.refresh()


R = TypeVar("R")  # the record a page shows (a value from the Library)


class RecordPage(QWidget, Generic[R]):
    """A scrolling record page: subclasses build `self.body` once and fill it in `_fill`.

    `show_target` loads the record through `_load(id)` off the GUI thread (the old record stays,
    greyed if the wait is noticeable, until the new one arrives; `loaded` then); a record that is
    gone shows a message instead. Any change the context announces reloads the record shown.
    """

    loaded = Signal()
    kind = ""
    REFRESH_ON = frozenset({"annotation", "passage", "event", "corpus"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.record: R | None = None
        self._record_id: str | None = None
        self._tables: list[EventsTable] = []
        self._panels: list[AnnotationPanel] = []
        self.stack = QStackedWidget(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        self.message = PlainLabel("", self)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.message)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.body_widget = QWidget(self.scroll_area)
        self.body = QVBoxLayout(self.body_widget)
        self.body.setContentsMargins(16, 12, 16, 16)
        self.body.setSpacing(6)
        self.scroll_area.setWidget(self.body_widget)
        self.stack.addWidget(self.scroll_area)
        # Another record on its way greys the page; the same one read again after a change
        # does not, so a note being written on it keeps its focus.
        self.loader = Loader(self, self._show_loaded, failed=self._show_failure, greyed=lambda: (
            [self.body_widget] if self.record is not None and getattr(self.record, "id", None) != self._record_id
            else []))
        self.loader.loaded.connect(self.loaded)
        ctx.changed.connect(self._on_changed)

    def section(self, title: str) -> QLabel:
        label = heading_label(title, self.body_widget)
        self.body.addSpacing(8)
        self.body.addWidget(label)
        return label

    def events_section(self, title: str) -> EventsTable:
        """A heading and the table of this record's events."""
        self.section(title)
        table = EventsTable(self.ctx, self.body_widget)
        self._tables.append(table)
        table.setMinimumHeight(300)
        self.body.addWidget(table)
        return table

    def notes_section(self, heading: str) -> AnnotationPanel:
        """The user's notes on this record, closing the page."""
        panel = AnnotationPanel(self.ctx, self.body_widget, heading=heading)
        self._panels.append(panel)
        self.body.addSpacing(8)
        self.body.addWidget(panel)
        self.body.addStretch(1)
        return panel

    @property
    def event_filter(self) -> EventFilter | None:
        return getattr(self.record, "event_filter", None)

    def show_events(self, table: EventsTable, f: EventFilter) -> None:
        if table.model.filter() != f:  # re-querying an unchanged filter would lose the scroll
            table.set_filter(f)

    def title(self) -> str:
        return self.record_title(self.record) if self.record is not None else record_kind(self.kind)

    def record_title(self, record: R) -> str:  # pragma: no cover - overridden
        return self._record_id or ""

    def show_target(self, target: Target) -> None:
        if target.id != self._record_id:
            self.scroll_area.verticalScrollBar().setValue(0)
        self._record_id = target.id
        self.refresh()

    def is_loading(self) -> bool:
        """Whether the record asked for (or its events table) is still on its way."""
        return (self.loader.busy() or any(t.model.loading() for t in self._tables)
                or any(p.is_loading() for p in self._panels))

    def refresh(self) -> None:
        if self._record_id is None:
            return
        if self.record is None and self.stack.currentWidget() is self.message:
            self.message.setText(QCoreApplication.translate("RecordPage", "Loading…"))
        record_id, load = self._record_id, self._load

        def read():
            try:
                return record_id, load(record_id)
            except NotFound:
                return record_id, None

        self.loader.load(read)

    def _show_loaded(self, result) -> None:
        record_id, record = result
        self.record = record
        if record is None:
            self.message.setText(QCoreApplication.translate(
                "RecordPage", "There is no record “{id}” ({kind}) in this library (a newer corpus may have removed it)."
            ).format(id=record_id, kind=record_kind(self.kind)))
            self.stack.setCurrentWidget(self.message)
            return
        self._fill(record)
        self.stack.setCurrentWidget(self.scroll_area)

    def _show_failure(self, message: str) -> None:
        self.record = None
        self.message.setText(QCoreApplication.translate("RecordPage", "The record ({kind}) could not be read: {reason}")
                             .format(kind=record_kind(self.kind), reason=message))
        self.stack.setCurrentWidget(self.message)

    def _load(self, record_id: str) -> R:  # pragma: no cover - overridden
        raise NotImplementedError

    def _fill(self, record: R) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def _on_changed(self, changes) -> None:
        if self._record_id is not None and changes.kinds & self.REFRESH_ON:
            self.refresh()
