"""`FilterPanel`: one control for every dimension of `EventFilter`, each option with its count.

Counts come from `Library.facets`, computed in the thread pool; a generation counter drops
results for a filter that is no longer current. The lists are filled one section per turn of
the event loop, so a large library never holds the GUI thread for long; `facets_busy` stays
true until every section shows the new counts. `set_filter` updates the widgets without
emitting `filterChanged`, so the panel, the chips and the timeline can feed each other.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.corpus.dates import DateError, parse_user_date, window
from ...core.query.dimensions import LISTS
from ...core.query.facets import FacetOptions
from ...core.query.filters import EventFilter
from ...core.query.timeline import Facets, FacetValue
from ...core.service import Library
from ..common.colours import show_as_alert
from ..common.core_labels import dimension_title, number, word
from ..common.widgets import PlainLabel, plain_tooltip
from ..i18n import QT_TRANSLATE_NOOP
from ..shell.runner import LatestCall

DATE_HINT = QT_TRANSLATE_NOOP("DateRange", "e.g. 1997, 1997-05, 1998-05-28, spring 1998")
LIST_DIMENSIONS = tuple((d.name, d.title) for d in LISTS)  # one section each, in the registry's order
DISPUTED_CHOICES = ((None, QT_TRANSLATE_NOOP("FilterPanel", "Any")),
                    (True, QT_TRANSLATE_NOOP("FilterPanel", "Only disputed")),
                    (False, QT_TRANSLATE_NOOP("FilterPanel", "Only undisputed")))
# the options whose words are the core's vocabulary (the others are names from the data)
_VOCABULARY = ("kinds", "evidence", "origins")


@dataclass(frozen=True)
class FacetBundle:
    """What one background facet query returns."""

    facets: Facets
    names: dict[str, str]  # organisation id -> full name, for tooltips


def load_facets(library: Library, f: EventFilter) -> FacetBundle:
    facets = library.facets(f)
    names = {link.id: link.label for link in library.records("organisation")}
    return FacetBundle(facets, names)


_ITEM_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable
_COUNT_ALIGNMENT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _as_options(options: Sequence[FacetValue]) -> FacetOptions:
    return options if isinstance(options, FacetOptions) else FacetOptions.of(options)


class FacetSection(QWidget):
    """A collapsible list (or, for organisations, tree) of checkable options with counts."""

    toggled = Signal(str, str, bool)  # dimension, value, checked

    MAX_HEIGHT = 190
    SHOW_AT_MOST = 200  # a large archive has thousands of sources or people: list the busiest
    NARROW_FROM = 20  # options before the section offers a box to narrow its list

    def __init__(self, dimension: str, title: str, *, expanded: bool = True, parent: QWidget | None = None):
        super().__init__(parent)
        self.dimension = dimension
        self._title = title
        self._items: dict[str, QTreeWidgetItem] = {}
        self._updating = False

        self.header = QToolButton(self)
        self.header.setCheckable(True)
        self.header.setChecked(expanded)
        self.header.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.header.setAutoRaise(True)
        self.header.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.header.toggled.connect(self._set_expanded)

        self.tree = QTreeWidget(self)
        self.tree.setObjectName(f"facet-{dimension}")
        self.tree.setColumnCount(2)
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(dimension == "organisations")
        self.tree.setUniformRowHeights(True)
        self.tree.setIndentation(14)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setAccessibleName(title)
        self.tree.itemChanged.connect(self._item_changed)

        self.empty = PlainLabel(self.tr("No options yet."), self, selectable=False)
        self.empty.setEnabled(False)
        self._options = FacetOptions.of([])
        self._names: dict[str, str] = {}
        self._pending: tuple[FacetOptions, dict[str, str] | None] | None = None  # for a closed section
        self._brushes: dict[bool, QBrush] = {}
        self.narrow = QLineEdit(self)
        self.narrow.setObjectName(f"narrow-{dimension}")
        self.narrow.setPlaceholderText(self.tr("Narrow the list…"))
        self.narrow.setClearButtonEnabled(True)
        self.narrow.setVisible(False)
        self.narrow.textChanged.connect(lambda _t: self.set_options(self._options, self._names))
        self.more = PlainLabel("", self, selectable=False)
        self.more.setEnabled(False)
        self.more.setVisible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.header)
        layout.addWidget(self.narrow)
        layout.addWidget(self.tree)
        layout.addWidget(self.more)
        layout.addWidget(self.empty)
        self._set_expanded(expanded)

    # --- state ------------------------------------------------------------------------------
    def item(self, value: str) -> QTreeWidgetItem | None:
        self._flush()
        return self._items.get(value)

    def values(self) -> list[str]:
        self._flush()
        return list(self._items)

    def checked(self) -> tuple[str, ...]:
        return tuple(v for v, it in self._items.items() if it.checkState(0) == Qt.CheckState.Checked)

    def count_of(self, value: str) -> int | None:
        self._flush()
        item = self._items.get(value)
        return None if item is None else int(item.data(1, Qt.ItemDataRole.UserRole))

    def set_checked(self, values: tuple[str, ...]) -> None:
        self._updating = True
        try:
            for value in values:
                if value not in self._items:
                    self._add_item(FacetValue(value, value, 0))
            for value, item in self._items.items():
                item.setCheckState(0, Qt.CheckState.Checked if value in values else Qt.CheckState.Unchecked)
        finally:
            self._updating = False
        if values and not self.header.isChecked():
            self.header.setChecked(True)
        self._update_header()

    def _shown(self, options: FacetOptions) -> list[FacetValue]:
        """The options to list: those matching the narrow box, busiest first, at most
        SHOW_AT_MOST of them (organisations are always listed whole, as a tree), plus every
        checked one. Only these are made into values: a corpus may have 20,000 sources."""
        if self.dimension == "organisations":
            return list(options)
        shown, matching = options.matching(self.narrow.text(), self.SHOW_AT_MOST)
        kept = {o.value for o in shown}
        for value in self.checked():
            option = options.get(value) if value not in kept else None
            if option is not None:
                shown.append(option)
        hidden = matching - min(matching, self.SHOW_AT_MOST)
        self.more.setText(self.tr("{count} more not listed: narrow the list to find them").format(
            count=number(hidden)) if hidden else "")
        self.more.setVisible(bool(hidden) and self.header.isChecked())
        return shown

    def offer(self, options: Sequence[FacetValue], names: dict[str, str] | None = None) -> None:
        """New counts: shown now if the section is open, else when it is opened (or read)."""
        if self.header.isChecked():
            self.set_options(options, names)
        else:
            self._options = _as_options(options)
            self._pending = (self._options, names)

    def _flush(self) -> None:
        if self._pending is not None:
            self.set_options(*self._pending)

    def set_options(self, options: Sequence[FacetValue], names: dict[str, str] | None = None) -> None:
        """Show `options` with their counts; checked options the facets no longer list stay, at 0."""
        self._pending = None
        names = names or {}
        options = _as_options(options)
        self._options, self._names = options, names
        self.narrow.setVisible(len(options) > self.NARROW_FROM and self.header.isChecked())
        shown = self._shown(options)
        shown_values = {o.value for o in shown}
        self._updating = True
        self.tree.setUpdatesEnabled(False)
        try:
            seen = set()
            for value, item in self._items.items():  # listed before, filtered out by the box now
                item.setHidden(value not in shown_values and item.checkState(0) != Qt.CheckState.Checked
                               and self.dimension != "organisations")
            for option in self._parents_first(shown):
                seen.add(option.value)
                item = self._items.get(option.value) or self._add_item(option)
                self._place(item, option)
                self._fill(item, option, names.get(option.value))
            for value, item in self._items.items():
                if value not in seen:
                    self._fill(item, FacetValue(value, item.text(0), 0), None)
            for value, item in self._items.items():
                checked = item.checkState(0) == Qt.CheckState.Checked
                item.setHidden(not checked and (
                    (self.count_of(value) == 0 and self.dimension in ("kinds", "tags"))
                    or (value not in shown_values and self.dimension != "organisations")))
            self.tree.sortItems(0, Qt.SortOrder.AscendingOrder)
            if self.dimension == "organisations":
                self.tree.expandAll()
        finally:
            self._updating = False
            self.tree.setUpdatesEnabled(True)
        self._update_header()
        self._fit_height()

    def _parents_first(self, options: list[FacetValue]) -> list[FacetValue]:
        if self.dimension != "organisations":
            return options
        parent_of = {o.value: o.detail for o in options}

        def depth(value: str) -> int:
            n, seen = 0, set()
            while parent_of.get(value) and value not in seen:
                seen.add(value)
                value = parent_of[value]
                n += 1
            return n

        return sorted(options, key=lambda o: depth(o.value))

    def _place(self, item: QTreeWidgetItem, option: FacetValue) -> None:
        """Nest an organisation's body under its parent (it may have been added before it)."""
        if self.dimension != "organisations":
            return
        wanted = self._items.get(option.detail) if option.detail else None
        if item.parent() is wanted:
            return
        old = item.parent()
        if old is not None:
            old.removeChild(item)
        else:
            self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(item))
        if wanted is not None:
            wanted.addChild(item)
        else:
            self.tree.addTopLevelItem(item)

    def _add_item(self, option: FacetValue) -> QTreeWidgetItem:
        parent_item = None
        if self.dimension == "organisations" and option.detail:
            parent_item = self._items.get(option.detail)
        item = QTreeWidgetItem(parent_item) if parent_item is not None else QTreeWidgetItem(self.tree)
        item.setFlags(_ITEM_FLAGS)
        item.setData(0, Qt.ItemDataRole.UserRole, option.value)
        item.setCheckState(0, Qt.CheckState.Unchecked)
        item.setTextAlignment(1, _COUNT_ALIGNMENT)
        self._items[option.value] = item
        return item

    def _fill(self, item: QTreeWidgetItem, option: FacetValue, full_name: str | None) -> None:
        vocabulary = self.dimension in _VOCABULARY
        label = word(option.label) if vocabulary else option.label
        item.setText(0, label)
        item.setText(1, str(option.count))
        item.setData(1, Qt.ItemDataRole.UserRole, option.count)
        tip = full_name or label
        if option.detail and self.dimension != "organisations":
            tip += f"\n{word(option.detail) if vocabulary else option.detail}"
        tip += "\n" + self.tr("%n event(s) with the other filters", "", option.count)
        item.setToolTip(0, plain_tooltip(tip))
        item.setToolTip(1, plain_tooltip(tip))
        brush = self._brush(option.count == 0)
        item.setForeground(0, brush)
        item.setForeground(1, brush)

    def _brush(self, zero: bool) -> QBrush:
        role = QPalette.ColorRole.PlaceholderText if zero else QPalette.ColorRole.Text
        color = self.palette().color(role)
        brush = self._brushes.get(zero)
        if brush is None or brush.color() != color:  # made once, again only if the palette changes
            brush = self._brushes[zero] = QBrush(color)
        return brush

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._updating or column != 0:
            return
        self._update_header()
        self.toggled.emit(self.dimension, item.data(0, Qt.ItemDataRole.UserRole),
                          item.checkState(0) == Qt.CheckState.Checked)

    # --- looks --------------------------------------------------------------------------------
    def _set_expanded(self, expanded: bool) -> None:
        if expanded and self._pending is not None:
            self.set_options(*self._pending)  # which comes back here
            return
        self.header.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self.tree.setVisible(expanded and bool(self._items))
        self.empty.setVisible(expanded and not self._items)
        self.narrow.setVisible(expanded and len(self._options) > self.NARROW_FROM)
        self.more.setVisible(expanded and bool(self.more.text()))

    def _update_header(self) -> None:
        n = len(self.checked())
        self.header.setText(self._title + (self.tr("  (%n chosen)", "", n) if n else ""))
        self._set_expanded(self.header.isChecked())

    def _fit_height(self) -> None:
        rows = sum(1 for it in self._all_items() if not it.isHidden())
        row_h = self.tree.sizeHintForRow(0) if self.tree.topLevelItemCount() else 20
        self.tree.setFixedHeight(min(self.MAX_HEIGHT, max(1, rows) * max(row_h, 18) + 6))

    def _all_items(self):
        return self._items.values()


class DateRange(QWidget):
    """From/to line edits that accept partial dates and say inline what is wrong."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.date_from = QLineEdit(self)
        self.date_to = QLineEdit(self)
        for edit, name in ((self.date_from, self.tr("From date")), (self.date_to, self.tr("To date"))):
            edit.setPlaceholderText(self.tr("any"))
            edit.setClearButtonEnabled(True)
            edit.setToolTip(plain_tooltip(f"{name}: {self.tr(DATE_HINT)}"))
            edit.setAccessibleName(name)
        self.message = PlainLabel("", self, selectable=False)
        self.message.setObjectName("dateMessage")
        show_as_alert(self.message)
        self.message.hide()
        self._timer = QTimer(self, singleShot=True, interval=500)
        self._timer.timeout.connect(self.changed)
        for edit in (self.date_from, self.date_to):
            edit.textEdited.connect(lambda _t: self._timer.start())
            edit.returnPressed.connect(self._apply_now)
            edit.editingFinished.connect(self._apply_now)

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(PlainLabel(self.tr("From"), self, selectable=False), 0, 0)
        grid.addWidget(self.date_from, 0, 1)
        grid.addWidget(PlainLabel(self.tr("To"), self, selectable=False), 1, 0)
        grid.addWidget(self.date_to, 1, 1)
        grid.addWidget(self.message, 2, 0, 1, 2)

    def _apply_now(self) -> None:
        self._timer.stop()
        self.changed.emit()

    def read(self) -> tuple[str | None, str | None, tuple[str, ...]]:
        """The window as typed, with each bound that is not a date left out (None), and what
        was left out and why (for the chips and the inline message). A window whose end comes
        before its start leaves out both."""
        raw_from = self.date_from.text().strip() or None
        raw_to = self.date_to.text().strip() or None
        problems, notices = [], []
        bounds = {"From": raw_from, "To": raw_to}
        shown = {"From": self.tr("From"), "To": self.tr("To")}
        for name, raw in list(bounds.items()):
            if raw:
                try:
                    parse_user_date(raw)
                except (DateError, ValueError):
                    problems.append(self.tr("{bound}: “{text}” is not a date I understand ({hint}).").format(
                        bound=shown[name], text=raw, hint=self.tr(DATE_HINT)))
                    notices.append(self.tr("{bound} “{text}” is not a date: ignored").format(bound=shown[name], text=raw))
                    bounds[name] = None
        if bounds["From"] and bounds["To"]:
            try:
                window(bounds["From"], bounds["To"])
            except (DateError, ValueError) as exc:
                problems.append(self.tr("The dates do not make a window: {reason}.").format(reason=exc))
                notices.append(self.tr("From “{start}” to “{end}” is not a window: dates ignored").format(
                    start=raw_from, end=raw_to))
                bounds = {"From": None, "To": None}
        self.message.setText("\n".join(problems + ([self.tr("Shown without it; the chips say so.")] if problems else [])))
        self.message.setVisible(bool(problems))
        return bounds["From"], bounds["To"], tuple(notices)

    def clear_invalid(self) -> None:
        """Empty the fields whose text was left out of the filter."""
        for edit in (self.date_from, self.date_to):
            raw = edit.text().strip()
            if raw:
                try:
                    parse_user_date(raw)
                except (DateError, ValueError):
                    edit.clear()
        notices = self.read()[2]
        if notices:  # a window the wrong way round: both go
            self.date_from.clear()
            self.date_to.clear()
        self._apply_now()

    def set_values(self, date_from: str | None, date_to: str | None) -> None:
        self._timer.stop()
        self.date_from.setText(date_from or "")
        self.date_to.setText(date_to or "")
        self.message.hide()
        self.message.setText("")


class FilterPanel(QWidget):
    """Every filter dimension with live counts; emits `filterChanged(EventFilter)`."""

    filterChanged = Signal(object)
    facetsUpdated = Signal(object)  # FacetBundle, after the widgets show it
    # what the user typed and the filter leaves out (an invalid date), in words; () when nothing
    noticesChanged = Signal(tuple)

    def __init__(self, library: Library, parent: QWidget | None = None):
        super().__init__(parent)
        self._library = library
        self._filter = EventFilter()
        self._updating = False
        self._facets = LatestCall(self)
        self._facets.finished.connect(self._show_facets)
        self._facets.failed.connect(self._facets_failed)
        self.last_bundle: FacetBundle | None = None
        self._filling: FacetBundle | None = None  # counts arrived, sections still being filled
        self._to_fill: list[str] = []
        self._fill_timer = QTimer(self, singleShot=True, interval=0)
        self._fill_timer.timeout.connect(self._fill_next)

        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Search titles, summaries, quotes… (Ctrl+L)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search"))
        self._search_timer = QTimer(self, singleShot=True, interval=350)
        self._search_timer.timeout.connect(self._user_changed)
        self.search.textEdited.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self._user_changed)

        self.dates = DateRange(self)
        self._notices: tuple[str, ...] = ()
        self.dates.changed.connect(self._user_changed)

        self.sections: dict[str, FacetSection] = {}
        for d in LISTS:
            section = FacetSection(d.name, dimension_title(d.title), expanded=d.expanded, parent=self)
            section.toggled.connect(self._toggled)
            self.sections[d.name] = section

        self.disputed = QComboBox(self)
        self.disputed.setAccessibleName(self.tr("Disputed"))
        for value, label in DISPUTED_CHOICES:
            self.disputed.addItem(self.tr(label), value)
        self.disputed.currentIndexChanged.connect(lambda _i: self._user_changed())
        self.annotated = QCheckBox(self.tr("Annotated only"), self)
        self.annotated.toggled.connect(lambda _b: self._user_changed())

        self.clear_button = QPushButton(self.tr("Clear all"), self)
        self.clear_button.setToolTip(plain_tooltip(self.tr("Remove every filter")))
        self.clear_button.clicked.connect(lambda: self._emit(EventFilter()))
        self.status = PlainLabel("", self, selectable=False)
        self.status.setEnabled(False)

        body = QWidget(self)
        lay = QVBoxLayout(body)
        lay.setContentsMargins(6, 6, 6, 6)
        title_row = QHBoxLayout()
        heading = PlainLabel(self.tr("Filters"), body, selectable=False)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        title_row.addWidget(heading)
        title_row.addStretch(1)
        title_row.addWidget(self.clear_button)
        lay.addLayout(title_row)
        lay.addWidget(self.search)
        lay.addWidget(self.dates)
        for section in self.sections.values():
            lay.addWidget(section)
        disputed_row = QHBoxLayout()
        disputed_row.addWidget(PlainLabel(self.tr("Disputed"), body, selectable=False))
        disputed_row.addWidget(self.disputed, 1)
        lay.addLayout(disputed_row)
        lay.addWidget(self.annotated)
        lay.addWidget(self.status)
        lay.addStretch(1)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.setMinimumWidth(220)

        self._show_filter(self._filter)
        self.refresh()

    # --- public API -------------------------------------------------------------------------
    def filter(self) -> EventFilter:
        return self._filter

    def set_filter(self, f: EventFilter) -> None:
        """Show `f` (no `filterChanged`) and recount the options under it."""
        if f == self._filter:
            return
        self._filter = f
        self._show_filter(f)
        self.refresh()

    def refresh(self) -> None:
        """Recount the facets under the current filter, in the background."""
        f, library = self._filter, self._library
        self.status.setText(self.tr("Counting…"))
        self._facets.start(lambda: load_facets(library, f))

    def facets_busy(self) -> bool:
        return self._facets.busy() or self._filling is not None

    def notices(self) -> tuple[str, ...]:
        return self._notices

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # --- widgets <-> filter ---------------------------------------------------------------------
    def _show_filter(self, f: EventFilter) -> None:
        self._updating = True
        try:
            self._search_timer.stop()
            if self.search.text() != f.text:
                self.search.setText(f.text)
            self.dates.set_values(f.date_from, f.date_to)
            if self._notices:
                self._notices = ()
                self.noticesChanged.emit(())
            for dim, section in self.sections.items():
                section.set_checked(getattr(f, dim))
            self.disputed.setCurrentIndex([v for v, _ in DISPUTED_CHOICES].index(f.disputed))
            self.annotated.setChecked(f.annotated)
        finally:
            self._updating = False

    def _read_widgets(self) -> EventFilter | None:
        dates = self.dates.read()
        if dates[2] != self._notices:
            self._notices = dates[2]
            self.noticesChanged.emit(self._notices)
        lists = {dim: section.checked() for dim, section in self.sections.items()}
        try:
            return EventFilter(date_from=dates[0], date_to=dates[1], text=self.search.text(),
                               disputed=self.disputed.currentData(), annotated=self.annotated.isChecked(),
                               **lists)
        except (DateError, ValueError):
            return None

    def _user_changed(self) -> None:
        if self._updating:
            return
        f = self._read_widgets()
        if f is not None and f != self._filter:
            self._emit(f, show=False)

    def _toggled(self, _dimension: str, _value: str, _checked: bool) -> None:
        self._user_changed()

    def _emit(self, f: EventFilter, *, show: bool = True) -> None:
        self._filter = f
        if show:
            self._show_filter(f)
        self.refresh()
        self.filterChanged.emit(f)

    # --- facets -------------------------------------------------------------------------------
    def _show_facets(self, bundle: FacetBundle) -> None:
        # Open sections first: they are what the user sees.
        self._filling = bundle
        self._to_fill = sorted(self.sections, key=lambda d: not self.sections[d].header.isChecked())
        self._fill_next()

    def _fill_next(self) -> None:
        bundle = self._filling
        if bundle is None:
            return
        if self._to_fill:
            dim = self._to_fill.pop(0)
            section = self.sections[dim]
            section.offer(bundle.facets.lists.get(dim, []), bundle.names if dim == "organisations" else None)
            section.set_checked(getattr(self._filter, dim))
            self._fill_timer.start()  # the next section in the next turn of the event loop
            return
        self._filling = None
        self.last_bundle = bundle
        fc = bundle.facets
        self._updating = True
        try:
            self.disputed.setItemText(1, self.tr("Only disputed ({count})").format(count=fc.disputed))
            self.disputed.setItemText(2, self.tr("Only undisputed ({count})").format(count=fc.undisputed))
            self.annotated.setText(self.tr("Annotated only ({count})").format(count=fc.annotated))
        finally:
            self._updating = False
        self.status.setText("")
        self.facetsUpdated.emit(bundle)

    def _facets_failed(self, message: str) -> None:
        self.status.setText(self.tr("Counts unavailable: {error}").format(error=message))
