"""`TimelineChart`: the filtered events painted on a time axis, in lanes by organisation or by
partner country, with zoom, pan and a selection shared with the table.

Exact days are points; months, seasons, years and intervals are spans; approximate or
uncertain dates are drawn fuzzy (faded ends, dashed outline); an end no source gives is drawn
faint and dashed after the last dated supporting source ("no later evidence"); disputed events
carry a red mark ringed to read on any lane colour. Each organisation or country keeps its
colour whatever the filter (`palette.lane_colour`), and the time axis spans the filter's From/To
window when it has one. The plain wheel zooms about the pointer, Shift+wheel pans in time, the
scrollbar (or Alt+wheel) moves through the lanes; a hint in the chart says so. Rows are loaded in the thread pool: all of them up to `CHART_LIMIT`, beyond that a fixed
sample of about as many spread over the whole span (and the chart says so); the
same worker builds, lays out and paints the new chart (`chart_scene`), so a filter change
leaves the GUI thread only a picture to show.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QImage, QKeySequence, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ...core.corpus.dates import DateError, parse_edtf
from ...core.corpus.dates import window as date_window
from ...core.corpus.evidence import GRADES
from ...core.query.filters import EventFilter
from ...core.query.timeline import EventRow
from ...core.service import Library
from ..common import palette as pal
from ..common.core_labels import date_label, grade_explanation, grade_label, number
from ..common.widgets import PlainLabel, plain_tooltip
from ..i18n import QT_TRANSLATE_NOOP
from ..shell.runner import LatestCall
from .chart_scene import EVIDENCE_SYMBOLS, MAX_DAY, MIN_DAY, ChartGeometry, ChartItem, ChartScene, ChartView

CHART_LIMIT = 3000
PICTURE_SPARE_HEIGHT = 64  # px the worker's picture reaches below the viewport it was asked for
HOME_COUNTRY = "Azerbaijan"  # the country every event concerns; lanes show the partner instead
MAX_LANES = 12
OTHER = "Other"


@dataclass(frozen=True)
class ChartRequest:
    """What the chart looks like when a load starts, so the worker can paint the result as the
    widget would: the lane mode, the viewport, the vertical scroll, the selection and the look
    (copies made on the GUI thread)."""

    mode: str
    width: int
    height: int
    scroll_y: int
    selected: str | None
    palette: QPalette
    font: QFont
    ratio: float


@dataclass(frozen=True)
class Prepared:
    """A scene built and laid out to fit the request's width, and its picture."""

    mode: str
    scene: ChartScene
    view: ChartView
    picture: QImage


@dataclass(frozen=True)
class ChartData:
    """What the background load returns."""

    rows: list[EventRow]
    total: int
    parents: dict[str, str | None]  # organisation id -> parent id
    labels: dict[str, str]  # organisation id -> short label
    # Worked out in the thread pool too (`load_chart` fills them):
    keys: dict[str, list[list[str]]] = field(default_factory=dict)  # mode -> each row's lanes
    days: list[tuple[int, int]] = field(default_factory=list)  # each row's first day, day after last
    # each row's day after the last its sources speak for, when no source gives its end (else None)
    evidence: list[int | None] = field(default_factory=list)
    window: tuple[int | None, int | None] = (None, None)  # the filter's From/To as days (end exclusive)
    prepared: Prepared | None = None


def load_chart(library: Library, f: EventFilter, limit: int = CHART_LIMIT,
               request: ChartRequest | None = None) -> ChartData:
    total = library.count(f)
    rows = library.sample(f, limit, total)  # all of them, or a sample spread over the whole span
    parents: dict[str, str | None] = {}
    labels: dict[str, str] = {}
    for org in library.organisation_tree():
        parents[org.id] = org.parent_id
        labels[org.id] = org.short_label
    data = ChartData(rows, total, parents, labels, window=_window(f))
    for mode in ("organisation", "country"):
        data.keys[mode] = [lane_keys(row, mode, data) for row in rows]
    data.days.extend((_day(row.date_start), _day(row.date_end) + 1) for row in rows)
    data.evidence.extend(evidence_end(row) for row in rows)
    return data if request is None else replace(data, prepared=prepare(data, request))


def prepare(data: ChartData, request: ChartRequest) -> Prepared:
    """The loaded rows built into a scene, laid out to fit the request's width and painted."""
    scene = build_scene(data, request.mode)
    scene.relayout(scene.fit_ppd(request.width))
    _, max_y = scene.max_scroll(request.width, request.height)
    # Taller than asked: the chips above may take less room once laid out, and the top of a
    # taller picture serves any lower viewport (not the centred message of an empty chart).
    height = request.height + (PICTURE_SPARE_HEIGHT if scene.items else 0)
    view = ChartView(request.width, height, 0, min(request.scroll_y, max_y), request.selected,
                     request.palette, request.font, request.ratio)
    return Prepared(request.mode, scene, view, scene.picture(view))


def top_level(org_id: str, parents: dict[str, str | None]) -> str:
    seen = set()
    while parents.get(org_id) and org_id not in seen:
        seen.add(org_id)
        org_id = parents[org_id]  # type: ignore[assignment]
    return org_id


def lane_keys(row: EventRow, mode: str, data: ChartData) -> list[str]:
    """The lanes an event belongs in: its top-level organisations, or its partner countries."""
    if mode == "organisation":
        keys = list(dict.fromkeys(data.labels.get(top_level(o, data.parents), o) for o in row.organisation_ids))
    else:
        partners = [c for c in row.countries if c != HOME_COUNTRY]
        keys = partners or list(row.countries)
    return keys or [OTHER]


def _day(iso: str) -> int:
    try:
        return date.fromisoformat(iso[:10]).toordinal()
    except ValueError:
        return MIN_DAY


def _window(f: EventFilter) -> tuple[int | None, int | None]:
    try:
        lower, upper = date_window(f.date_from, f.date_to)
    except (DateError, ValueError):
        return None, None
    return (lower.toordinal() if lower else None, upper.toordinal() + 1 if upper else None)


def evidence_end(row: EventRow) -> int | None:
    """For an event no source gives an end for: the day after the last its sources speak for —
    the latest dated supporting source, else the last day its start can mean. None otherwise."""
    if not row.date_end.startswith("9999"):
        return None
    if row.evidence_until:
        return _day(row.evidence_until) + 1
    start = row.date.split("/")[0]
    try:
        return parse_edtf(start).upper.toordinal() + 1 if start not in ("", "..") else None
    except DateError:
        return None



def build_scene(data: ChartData, mode: str) -> ChartScene:
    """The loaded rows as items in lanes: the most frequent lanes first, the rest in "Other"."""
    keyed = list(zip(data.rows, data.keys[mode], strict=True))
    counts = Counter(k for _, keys in keyed for k in keys)
    named = [k for k, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])) if k != OTHER]
    lanes = named[:MAX_LANES]
    has_other = len(named) > MAX_LANES or OTHER in counts
    index = {k: i for i, k in enumerate(lanes)}
    if has_other:
        index[OTHER] = len(lanes)
        lanes.append(OTHER)
    items: list[ChartItem] = []
    other = index.get(OTHER, 0)
    evidence = data.evidence or [None] * len(keyed)
    for (row, keys), (start, end), until in zip(keyed, data.days, evidence, strict=True):
        placed = dict.fromkeys(index.get(k, other) for k in keys)
        for lane in placed:
            items.append(ChartItem(row, lane, start, end, start <= MIN_DAY, end > MAX_DAY, evidence_end=until))
    # a name keeps its colour whatever else the filter shows
    colours = [(label, QColor(pal.OTHER_LANE if label == OTHER else pal.lane_colour(label))) for label in lanes]
    return ChartScene(items, colours, window=data.window)


HINT = QT_TRANSLATE_NOOP("ChartCanvas", "Wheel: zoom · Shift+wheel: pan in time · drag: move")


def zoom_gesture_text(platform: str = sys.platform) -> str:
    """How this system's users zoom the chart, as the hints name it: on macOS the key is ⌘
    (Qt reports it as Ctrl) and a trackpad pinch zooms too."""
    if platform == "darwin":
        return QCoreApplication.translate("ChartCanvas", "⌘-scroll or pinch")
    return QCoreApplication.translate("ChartCanvas", "Ctrl+wheel")


class ChartCanvas(QAbstractScrollArea, ChartGeometry):
    """The painted chart. Content x grows with the date; the lane labels and the axis stay put."""

    eventClicked = Signal(str)
    zoomChanged = Signal(float)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Timeline chart"))
        self.viewport().setMouseTracking(True)
        # A vertical scrollbar that came and went with the number of lanes changed the width,
        # and every width change lays the chart out again (30 ms at 5,000 events), twice when
        # that in turn toggled the bar.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.scene = ChartScene()
        self._fitted = False
        self._fitted_width: int | None = None
        self._whole = True  # the whole date range fits the width (re-fit on resize)
        self.selected: str | None = None
        self._painted: tuple[int, ChartView, QImage] | None = None  # (layout, what it shows, the pixels)
        self._press: QPointF | None = None
        self._press_scroll = (0, 0)
        self._dragged = False
        self.horizontalScrollBar().valueChanged.connect(self.viewport().update)
        self.verticalScrollBar().valueChanged.connect(self.viewport().update)
        # How to steer, said where the steering happens; it lets the mouse through.
        self.hint = QLabel(self.tr(HINT), self.viewport())
        self.hint.setObjectName("chartHint")
        self.hint.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hint.setStyleSheet("QLabel { background: palette(window); color: palette(window-text);"
                                " border: 1px solid palette(mid); border-radius: 3px; padding: 1px 5px; }")
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.85))
        self.hint.setFont(small)
        self.hint.adjustSize()

    # --- the scene's state, read by the chart, hit tests and tests ---------------------------
    @property
    def items(self) -> list[ChartItem]:
        return self.scene.items

    @property
    def lanes(self) -> list[tuple[str, QColor]]:
        return self.scene.lanes

    @property
    def ppd(self) -> float:
        return self.scene.ppd

    # --- data -------------------------------------------------------------------------------
    def set_scene(self, scene: ChartScene, keep_view: bool = False) -> None:
        self.scene = scene
        if not keep_view or not self._fitted:
            self.fit()
        else:
            self._relayout()

    def show_prepared(self, prepared: Prepared) -> bool:
        """Show a scene the worker laid out and painted; False (nothing changed) when the
        viewport's width changed since, so the scene must be laid out again."""
        view = prepared.view
        if self.viewport().width() != view.width:
            return False
        self.scene = prepared.scene
        self._fitted_width = view.width
        self._fitted = True
        self._whole = True
        self._update_scrollbars()
        self.horizontalScrollBar().setValue(0)
        self._painted = (self.scene.layout_version, view, prepared.picture)
        self.viewport().update()
        self.zoomChanged.emit(self.ppd)
        return True

    def request(self, mode: str) -> ChartRequest:
        """What a worker needs to paint a new scene as this canvas would."""
        vp = self.viewport()
        return ChartRequest(mode, vp.width(), vp.height(), self.verticalScrollBar().value(), self.selected,
                            QPalette(self.palette()), QFont(self.font()), self.devicePixelRatioF())

    def fit(self) -> None:
        self._fitted_width = self.viewport().width()
        self._fitted = True
        self._whole = True
        self._relayout(self.scene.fit_ppd(self._fitted_width))
        self.horizontalScrollBar().setValue(0)
        self.zoomChanged.emit(self.ppd)

    def zoom(self, factor: float, anchor_x: float | None = None) -> None:
        """Zoom keeping the date under `anchor_x` (viewport x; default the middle) in place."""
        if anchor_x is None:
            anchor_x = self.LABEL_W + (self.viewport().width() - self.LABEL_W) / 2
        day = self.day_at(anchor_x)
        fit_ppd = self.scene.fit_ppd(self.viewport().width())
        ppd = min(max(self.ppd * factor, fit_ppd), 40.0)
        self._whole = ppd <= fit_ppd * 1.0001
        self._relayout(ppd)
        self.horizontalScrollBar().setValue(round((day - self.scene.d0) * self.ppd - (anchor_x - self.LABEL_W)))
        self.viewport().update()
        self.zoomChanged.emit(self.ppd)

    def day_at(self, x: float) -> float:
        return self.scene.day_at(x, self.horizontalScrollBar().value())

    def x_of(self, day: float) -> float:
        """Viewport x of a day."""
        return self.scene.x_of(day, self.horizontalScrollBar().value())

    def visible_days(self) -> tuple[float, float]:
        return self.day_at(self.LABEL_W), self.day_at(self.viewport().width())

    # --- layout -------------------------------------------------------------------------------
    def _relayout(self, ppd: float | None = None) -> None:
        self.scene.relayout(self.ppd if ppd is None else ppd)
        self._update_scrollbars()
        self.viewport().update()

    def _update_scrollbars(self) -> None:
        vp = self.viewport()
        max_x, max_y = self.scene.max_scroll(vp.width(), vp.height())
        page_w = max(1, vp.width() - self.LABEL_W)
        h = self.horizontalScrollBar()
        h.setPageStep(page_w)
        h.setSingleStep(max(10, page_w // 20))
        h.setRange(0, max_x)
        v = self.verticalScrollBar()
        v.setPageStep(max(1, vp.height()))
        v.setSingleStep(self.ROW_H + self.ROW_GAP)
        v.setRange(0, max_y)

    def _place_hint(self) -> None:
        vp = self.viewport()
        self.hint.adjustSize()
        self.hint.move(vp.width() - self.hint.width() - 6, vp.height() - self.hint.height() - 6)
        self.hint.setVisible(vp.width() - self.LABEL_W > self.hint.width() + 40 and vp.height() > 80)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_hint()
        width = self.viewport().width()
        # Showing everything: keep showing everything. Only the width changes the layout.
        if (self._whole or not self._fitted) and width != self._fitted_width:
            self.fit()
        else:
            self._update_scrollbars()

    # --- geometry for hit tests and tests -------------------------------------------------------
    def item_view_rect(self, it: ChartItem) -> QRectF:
        assert it.rect is not None
        return it.rect.translated(self.LABEL_W - self.horizontalScrollBar().value(),
                                  -self.verticalScrollBar().value())

    def item_for(self, event_id: str) -> ChartItem | None:
        return self.scene.item_for(event_id)

    def item_at(self, pos: QPointF) -> ChartItem | None:
        if pos.x() < self.LABEL_W or pos.y() < self.AXIS_H:
            return None
        # In content coordinates, with plain numbers: this runs on every mouse move.
        px = pos.x() - self.LABEL_W + self.horizontalScrollBar().value()
        py = pos.y() + self.verticalScrollBar().value()
        best, best_w = None, 0.0
        for it in self.items:
            if it.box is None:
                continue
            x, y, w, h = it.box
            if x - 2 <= px <= x + w + 2 and y - 2 <= py <= y + h + 2 and (best is None or w < best_w):
                best, best_w = it, w  # the narrowest hit wins: a point on top of a long span
        return best

    def ensure_visible(self, it: ChartItem) -> None:
        r = self.item_view_rect(it)
        h = self.horizontalScrollBar()
        if r.right() < self.LABEL_W or r.left() > self.viewport().width():
            h.setValue(round(h.value() + r.center().x() - (self.LABEL_W + self.viewport().width()) / 2))
        v = self.verticalScrollBar()
        if r.top() < self.AXIS_H or r.bottom() > self.viewport().height():
            v.setValue(round(v.value() + r.top() - self.AXIS_H - self.LANE_PAD))

    def select(self, event_id: str | None) -> None:
        self.selected = event_id
        it = self.item_for(event_id) if event_id else None
        if it is not None:
            self.ensure_visible(it)
        self.viewport().update()

    # --- input ---------------------------------------------------------------------------------
    def wheelEvent(self, event) -> None:
        """The map gestures: the wheel zooms about the pointer, Shift+wheel (or a sideways
        swipe) pans in time, Alt+wheel moves through the lanes (as the scrollbar does)."""
        delta = event.angleDelta()
        modifiers = event.modifiers()
        # Some systems turn Shift+wheel into a sideways wheel: either way it pans.
        sideways = abs(delta.x()) > abs(delta.y())
        if modifiers & Qt.KeyboardModifier.AltModifier:
            v = self.verticalScrollBar()
            v.setValue(v.value() - round((delta.y() or delta.x()) / 120 * v.singleStep() * 3))
        elif modifiers & Qt.KeyboardModifier.ShiftModifier or sideways:
            h = self.horizontalScrollBar()
            step = delta.x() if sideways else delta.y()
            h.setValue(h.value() - round(step / 120 * h.singleStep() * 3))
        else:
            steps = delta.y() / 120
            if steps:
                self.zoom(1.25 ** steps, event.position().x())
        event.accept()

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position()
            self._press_scroll = (self.horizontalScrollBar().value(), self.verticalScrollBar().value())
            self._dragged = False
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        if self._press is not None:
            d = event.position() - self._press
            if self._dragged or abs(d.x()) + abs(d.y()) > 4:
                self._dragged = True
                self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
                self.horizontalScrollBar().setValue(round(self._press_scroll[0] - d.x()))
                self.verticalScrollBar().setValue(round(self._press_scroll[1] - d.y()))
            return
        hit = self.item_at(event.position())
        self.viewport().setCursor(Qt.CursorShape.PointingHandCursor if hit else Qt.CursorShape.ArrowCursor)

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._press is not None:
            self.viewport().unsetCursor()
            if not self._dragged:
                hit = self.item_at(event.position())
                if hit is not None:
                    self.select(hit.row.id)
                    self.eventClicked.emit(hit.row.id)
            self._press = None
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def _native_gesture(self, event) -> bool:
        """A trackpad pinch (macOS, and Windows precision touchpads) zooms about the fingers;
        the event's value is the change of scale since the last one."""
        if event.gestureType() != Qt.NativeGestureType.ZoomNativeGesture:
            return False
        self.zoom(1.0 + event.value(), event.position().x())
        event.accept()
        return True

    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.StandardKey.ZoomIn) or event.key() in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(1.5)
        elif event.matches(QKeySequence.StandardKey.ZoomOut) or event.key() == Qt.Key.Key_Minus:
            self.zoom(1 / 1.5)
        elif event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            h = self.horizontalScrollBar()
            h.setValue(h.value() + (h.singleStep() * (-1 if event.key() == Qt.Key.Key_Left else 1)))
        else:
            super().keyPressEvent(event)

    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.Type.NativeGesture and self._native_gesture(event):
            return True
        if event.type() == event.Type.ToolTip:
            hit = self.item_at(QPointF(event.pos()))
            if hit is not None:
                QToolTip.showText(event.globalPos(), plain_tooltip(self.tooltip_text(hit)), self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    @staticmethod
    def tooltip_text(it: ChartItem) -> str:
        r = it.row
        shown = date_label(r.date) or r.date_label
        lines = [r.title, shown + (QCoreApplication.translate("ChartCanvas", "  (as written: {text})").format(text=r.date_text)
                                   if r.date_text else "")]
        if it.fuzzy:
            lines.append(QCoreApplication.translate("ChartCanvas", "Date approximate") if r.approximate else QCoreApplication.translate("ChartCanvas", "Date uncertain"))
        if r.organisations:
            lines.append(QCoreApplication.translate("ChartCanvas", "Organisations: {names}").format(names=", ".join(r.organisations)))
        if r.countries:
            lines.append(QCoreApplication.translate("ChartCanvas", "Countries: {names}").format(names=", ".join(r.countries)))
        lines.append(QCoreApplication.translate("ChartCanvas", "Evidence: {grade} ({explanation})").format(
            grade=grade_label(r.evidence), explanation=grade_explanation(r.evidence)))
        return "\n".join(lines)

    # --- painting --------------------------------------------------------------------------------
    def view(self) -> ChartView:
        vp = self.viewport()
        return ChartView(vp.width(), vp.height(), self.horizontalScrollBar().value(),
                         self.verticalScrollBar().value(), self.selected, self.palette(), self.font(),
                         self.devicePixelRatioF())

    def paintEvent(self, event) -> None:
        # The window repaints the chart whenever a neighbour changes (a label's text, the table
        # loading): what was drawn is kept, and drawn again only when the chart itself changed.
        view = self.view()
        cached = self._painted
        if cached is None or cached[0] != self.scene.layout_version \
                or not cached[1].shows(view, exact=not self.scene.items):
            cached = self._painted = (self.scene.layout_version, view, self._picture(view))
        p = QPainter(self.viewport())
        p.drawImage(0, 0, cached[2])
        p.end()

    def _picture(self, view: ChartView) -> QImage:
        return self.scene.picture(view)


class TimelineChart(QWidget):
    """The chart with its lane toggle, zoom buttons and a note of how much it shows."""

    eventClicked = Signal(str)
    loaded = Signal()

    def __init__(self, library: Library, parent: QWidget | None = None, *, limit: int = CHART_LIMIT):
        super().__init__(parent)
        self._library = library
        self._limit = limit
        self._filter: EventFilter | None = None
        self.data: ChartData | None = None
        self.mode = "organisation"
        self._loader = LatestCall(self)
        self._loader.finished.connect(self._on_loaded)
        self._loader.failed.connect(self._on_failed)

        self.canvas = ChartCanvas(self)
        self.canvas.eventClicked.connect(self.eventClicked)
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.canvas.setMinimumHeight(120)

        self.by_org = self._tool(self.tr("By organisation"), self.tr("Lanes by organisation (bodies in their parent's lane)"))
        self.by_country = self._tool(self.tr("By country"), self.tr("Lanes by partner country"))
        for b in (self.by_org, self.by_country):
            b.setCheckable(True)
        self.by_org.setChecked(True)
        group = QButtonGroup(self)
        group.setExclusive(True)
        group.addButton(self.by_org)
        group.addButton(self.by_country)
        self.by_org.toggled.connect(lambda on: self._lanes_toggled(on, "organisation"))
        self.by_country.toggled.connect(lambda on: self._lanes_toggled(on, "country"))
        gesture = zoom_gesture_text()
        self.zoom_out = self._tool("−", self.tr("Zoom out (wheel, {gesture}, −)").format(gesture=gesture))
        self.zoom_in = self._tool("+", self.tr("Zoom in (wheel, {gesture}, +)").format(gesture=gesture))
        self.zoom_fit = self._tool(self.tr("Fit"), self.tr("Show the whole range"))
        self.zoom_in.clicked.connect(lambda: self.canvas.zoom(1.5))
        self.zoom_out.clicked.connect(lambda: self.canvas.zoom(1 / 1.5))
        self.zoom_fit.clicked.connect(self.canvas.fit)
        self.note = PlainLabel("", self, wrap=False, selectable=False)
        self.note.setObjectName("chartNote")
        legend = PlainLabel(self.tr("● day  ▬ period  ┄ approximate  ⬚ no later evidence") + "   " + "  ".join(
            f"{EVIDENCE_SYMBOLS[g]} {grade_label(g)}" for g in GRADES), self, wrap=False, selectable=False)
        legend.setToolTip(plain_tooltip(
            self.tr("A dot is an exact day; a bar is a month, season, year or interval.\n"
                    "Faded ends and a dashed outline mark an approximate or uncertain date;\n"
                    "an arrow marks an unknown start; a faint dashed end is \"no later evidence\":\n"
                    "no source gives an end, and none dated after that point supports it;\n"
                    "double chevrons: the event goes on beyond the From/To window shown.\n"
                    "The mark at the top right of each event is its evidence, computed from its citations:")
            + "\n" + "\n".join(f"{EVIDENCE_SYMBOLS[g]} {grade_label(g)}: {grade_explanation(g)}" for g in GRADES)
            + "\n" + self.tr("The wheel (or {gesture}, or +/−) zooms about the pointer; Shift+wheel or drag pans "
                             "in time;\nthe scrollbar or Alt+wheel moves through the lanes.\n"
                             "Each organisation or country keeps its colour whatever the filter.").format(gesture=gesture)))
        legend.setEnabled(False)
        # When the pane is narrow the legend gives way (it is cut at the right), not the note.
        legend.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        legend.setMinimumWidth(0)
        self.legend = legend

        bar = QHBoxLayout()
        bar.setContentsMargins(4, 0, 4, 0)
        for b in (self.by_org, self.by_country):
            bar.addWidget(b)
        bar.addSpacing(10)
        for b in (self.zoom_out, self.zoom_in, self.zoom_fit):
            bar.addWidget(b)
        bar.addSpacing(10)
        bar.addWidget(self.note)
        bar.addStretch(1)
        bar.addWidget(legend)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(bar)
        layout.addWidget(self.canvas, 1)

    def _tool(self, text: str, tip: str) -> QToolButton:
        b = QToolButton(self)
        b.setText(text)
        b.setToolTip(plain_tooltip(tip))
        b.setAccessibleName(tip)
        b.setAutoRaise(True)
        return b

    # --- API ---------------------------------------------------------------------------------
    def set_filter(self, f: EventFilter, *, force: bool = False) -> None:
        if f == self._filter and not force:
            return
        self._filter = f
        library, limit = self._library, self._limit
        self.note.setText(self.tr("Loading…"))
        request = self.canvas.request(self.mode)
        self._loader.start(lambda: load_chart(library, f, limit, request))

    def refresh(self) -> None:
        if self._filter is not None:
            self.set_filter(self._filter, force=True)

    def busy(self) -> bool:
        return self._loader.busy()

    def set_mode(self, mode: str) -> None:
        if mode not in ("organisation", "country"):
            raise ValueError(mode)
        self.mode = mode
        (self.by_org if mode == "organisation" else self.by_country).setChecked(True)
        self._build(keep_view=True)

    def _lanes_toggled(self, on: bool, mode: str) -> None:
        if on:
            self.set_mode(mode)

    def select_event(self, event_id: str | None) -> None:
        self.canvas.select(event_id)

    def selected(self) -> str | None:
        return self.canvas.selected

    def lane_labels(self) -> list[str]:
        return [label for label, _ in self.canvas.lanes]

    # --- building ------------------------------------------------------------------------------
    def _on_failed(self, message: str) -> None:
        self.note.setText(self.tr("The chart could not load: {error}").format(error=message))

    def _on_loaded(self, data: ChartData) -> None:
        prepared = data.prepared
        if prepared is not None and (prepared.mode != self.mode or not self.canvas.show_prepared(prepared)):
            # The lanes or the width changed while it loaded: lay it out again, off this thread too.
            request = self.canvas.request(self.mode)
            self._loader.start(lambda: replace(data, prepared=prepare(data, request)))
            return
        self.data = replace(data, prepared=None)  # the scene is the canvas's now
        if prepared is None:
            self._build(keep_view=False)
        else:
            self._reselect()
        shown = len(data.rows)
        if shown < data.total:
            total = data.total
            self.note.setText(self.tr("{shown} of {total} event(s), sampled", "", total).format(
                shown=number(shown), total=number(total)))
            self.note.setToolTip(plain_tooltip(self.tr(
                "More than {limit} events match, so the chart shows a sample spread over the whole "
                "span: every event has the same chance, and the same filter gives the same sample. "
                "The table lists every event. Narrow the filter to chart them all.").format(limit=number(self._limit))))
        else:
            self.note.setText(self.tr("%n event(s)", "", shown))

            self.note.setToolTip("")
        self.loaded.emit()

    def _build(self, keep_view: bool) -> None:
        if self.data is None:
            return
        self.canvas.set_scene(build_scene(self.data, self.mode), keep_view=keep_view)
        self._reselect()

    def _reselect(self) -> None:
        if self.canvas.selected:
            self.canvas.select(self.canvas.selected)
