"""`TimelineChart`: the filtered events painted on a time axis, in lanes by organisation or by
partner country, with zoom, pan and a selection shared with the table.

Exact days are points; months, seasons, years and intervals are spans; approximate or
uncertain dates are drawn fuzzy (faded ends, dashed outline); disputed events carry a red
mark. Rows are loaded in the thread pool (at most `CHART_LIMIT`, and the chart says so).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QKeySequence,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QButtonGroup,
    QHBoxLayout,
    QSizePolicy,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ..core.filters import EventFilter
from ..core.service import Library
from ..core.timeline import EventRow
from .export_job import LatestCall
from .widgets import PlainLabel, plain_tooltip

CHART_LIMIT = 3000
HOME_COUNTRY = "Azerbaijan"  # the country every event concerns; lanes show the partner instead
MAX_LANES = 12
OTHER = "Other"
LANE_COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b",
                "#e377c2", "#7f7f7f", "#bcbd22", "#393b79", "#637939", "#8c6d31")
DISPUTED_COLOUR = QColor("#c62828")
MIN_DAY = date(1, 1, 1).toordinal()
MAX_DAY = date(9999, 12, 31).toordinal()


@dataclass(frozen=True)
class ChartData:
    """What the background load returns."""

    rows: list[EventRow]
    total: int
    parents: dict[str, str | None]  # organisation id -> parent id
    labels: dict[str, str]  # organisation id -> short label
    # Worked out in the thread pool too, so the GUI thread only places and paints:
    keys: dict[str, list[list[str]]] = field(default_factory=dict)  # mode -> each row's lanes
    days: list[tuple[int, int]] = field(default_factory=list)  # each row's first day, day after last


def load_chart(library: Library, f: EventFilter, limit: int = CHART_LIMIT) -> ChartData:
    rows = library.rows(f, sort="date", offset=0, limit=limit)
    total = library.count(f) if len(rows) >= limit else len(rows)
    parents: dict[str, str | None] = {}
    labels: dict[str, str] = {}
    for link in library.records("organisation"):
        parents[link.id] = link.role  # list_records gives the parent id as the role
        label = link.label
        if label.endswith(")") and " (" in label:  # "North Atlantic … (NATO)" -> "NATO"
            label = label[label.rindex(" (") + 2:-1]
        labels[link.id] = label
    data = ChartData(rows, total, parents, labels)
    for mode in ("organisation", "country"):
        data.keys[mode] = [lane_keys(row, mode, data) for row in rows]
    data.days.extend((_day(row.date_start), _day(row.date_end) + 1) for row in rows)
    return data


def _alpha(colour: QColor, alpha: int) -> QColor:
    c = QColor(colour)
    c.setAlpha(alpha)
    return c


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


@dataclass
class ChartItem:
    row: EventRow
    lane: int
    start: int  # day ordinal (inclusive)
    end: int  # day ordinal (exclusive)
    open_start: bool
    open_end: bool
    sub: int = 0
    box: tuple[float, float, float, float] | None = None  # x, y, width, height in content coordinates

    @property
    def rect(self) -> QRectF | None:
        """Where the item is drawn, in content coordinates (None before the first layout)."""
        return None if self.box is None else QRectF(*self.box)

    @property
    def point(self) -> bool:
        return self.row.precision == "day" and self.end - self.start <= 1

    @property
    def fuzzy(self) -> bool:
        return self.row.approximate or self.row.uncertain

    @property
    def faded(self) -> bool:
        """Drawn with faded ends (its own gradient): an approximate, uncertain or open span."""
        return self.row.approximate or self.row.uncertain or self.open_start or self.open_end


class ChartCanvas(QAbstractScrollArea):
    """The painted chart. Content x grows with the date; the lane labels and the axis stay put."""

    eventClicked = Signal(str)
    zoomChanged = Signal(float)

    LABEL_W = 96
    AXIS_H = 24
    ROW_H = 14
    ROW_GAP = 4
    LANE_PAD = 6
    POINT_R = 5
    PAD_DAYS = 120
    MAX_SUBROWS = 6

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Timeline chart")
        self.viewport().setMouseTracking(True)
        # A vertical scrollbar that came and went with the number of lanes changed the width,
        # and every width change lays the chart out again (30 ms at 5,000 events), twice when
        # that in turn toggled the bar.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.items: list[ChartItem] = []
        self.lanes: list[tuple[str, QColor]] = []
        self._lane_top: list[float] = []
        self._lane_h: list[float] = []
        self._d0 = date(1990, 1, 1).toordinal()
        self._d1 = date(2025, 1, 1).toordinal()
        self.ppd = 0.1  # pixels per day
        self._fitted = False
        self._whole = True  # the whole date range fits the width (re-fit on resize)
        self.selected: str | None = None
        self._layout_version = 0  # bumped by every layout: what is painted is out of date
        self._painted: tuple[tuple, QPixmap] | None = None  # (what it shows, the pixels)
        self._press: QPointF | None = None
        self._press_scroll = (0, 0)
        self._dragged = False
        self.horizontalScrollBar().valueChanged.connect(self.viewport().update)
        self.verticalScrollBar().valueChanged.connect(self.viewport().update)

    # --- data -------------------------------------------------------------------------------
    def set_items(self, items: list[ChartItem], lanes: list[tuple[str, QColor]], keep_view: bool = False) -> None:
        self.items = items
        self.lanes = lanes
        bounded = [d for it in items for d, is_open in ((it.start, it.open_start), (it.end, it.open_end))
                   if not is_open]
        if bounded:
            self._d0, self._d1 = min(bounded) - self.PAD_DAYS, max(bounded) + self.PAD_DAYS
        for it in items:  # open ends reach the edge of the chart
            if it.open_start:
                it.start = self._d0
            if it.open_end:
                it.end = self._d1
            it.end = max(it.end, it.start + 1)
        by_lane: dict[int, list[ChartItem]] = {}
        for it in items:
            by_lane.setdefault(it.lane, []).append(it)
        for members in by_lane.values():  # the sub-row packing goes left to right
            members.sort(key=lambda i: (i.start, i.end))
        self._by_lane = by_lane
        if not keep_view or not self._fitted:
            self.fit()
        else:
            self._relayout()

    def fit(self) -> None:
        self._fitted_width = self.viewport().width()
        width = max(100, self._fitted_width - self.LABEL_W - 8)
        self.ppd = width / max(1, self._d1 - self._d0)
        self._fitted = True
        self._whole = True
        self._relayout()
        self.horizontalScrollBar().setValue(0)
        self.zoomChanged.emit(self.ppd)

    def zoom(self, factor: float, anchor_x: float | None = None) -> None:
        """Zoom keeping the date under `anchor_x` (viewport x; default the middle) in place."""
        if anchor_x is None:
            anchor_x = self.LABEL_W + (self.viewport().width() - self.LABEL_W) / 2
        day = self.day_at(anchor_x)
        fit_ppd = max(100, self.viewport().width() - self.LABEL_W - 8) / max(1, self._d1 - self._d0)
        self.ppd = min(max(self.ppd * factor, fit_ppd), 40.0)
        self._whole = self.ppd <= fit_ppd * 1.0001
        self._relayout()
        self.horizontalScrollBar().setValue(round((day - self._d0) * self.ppd - (anchor_x - self.LABEL_W)))
        self.viewport().update()
        self.zoomChanged.emit(self.ppd)

    def day_at(self, x: float) -> float:
        return self._d0 + (x - self.LABEL_W + self.horizontalScrollBar().value()) / self.ppd

    def x_of(self, day: float) -> float:
        """Viewport x of a day."""
        return self.LABEL_W + (day - self._d0) * self.ppd - self.horizontalScrollBar().value()

    def visible_days(self) -> tuple[float, float]:
        return self.day_at(self.LABEL_W), self.day_at(self.viewport().width())

    # --- layout -------------------------------------------------------------------------------
    def _relayout(self) -> None:
        # Plain floats in the loop (3,000 events take a few milliseconds); QRectF only at the end.
        d0, ppd, pr = self._d0, self.ppd, self.POINT_R
        row_h, row_gap, pad, max_sub = self.ROW_H, self.ROW_GAP, self.LANE_PAD, self.MAX_SUBROWS
        by_lane = getattr(self, "_by_lane", {})
        self._lane_top, self._lane_h = [], []
        self._paths = None  # the cached shapes are in content coordinates: rebuild them
        self._layout_version += 1
        y = float(self.AXIS_H)
        for lane in range(len(self.lanes)):
            ends: list[float] = []  # right edge in pixels of each sub-row
            placed = []
            for it in by_lane.get(lane, ()):
                left = (it.start - d0) * ppd
                right = (it.end - d0) * ppd
                if it.end - it.start <= 1 and it.row.precision == "day":
                    mid = (left + right) / 2
                    left, right = mid - pr, mid + pr
                elif right - left < 6:
                    mid = (left + right) / 2
                    left, right = mid - 3, mid + 3
                for sub, edge in enumerate(ends):
                    if left > edge + 3:
                        ends[sub] = right
                        break
                else:
                    if len(ends) < max_sub:
                        ends.append(right)
                        sub = len(ends) - 1
                    else:
                        sub = min(range(len(ends)), key=ends.__getitem__)
                        ends[sub] = max(ends[sub], right)
                it.sub = sub
                placed.append((it, left, right))
            rows = max(1, len(ends))
            height = 2 * pad + rows * row_h + (rows - 1) * row_gap
            self._lane_top.append(y)
            self._lane_h.append(height)
            for it, left, right in placed:
                it.box = (left, y + pad + it.sub * (row_h + row_gap), right - left, row_h)
            y += height
        self._content_h = y
        self._update_scrollbars()
        self.viewport().update()

    def _span_px(self, it: ChartItem) -> tuple[float, float]:
        left = (it.start - self._d0) * self.ppd
        right = (it.end - self._d0) * self.ppd
        if it.point:
            mid = (left + right) / 2
            return mid - self.POINT_R, mid + self.POINT_R
        if right - left < 6:
            mid = (left + right) / 2
            return mid - 3, mid + 3
        return left, right

    def _update_scrollbars(self) -> None:
        content_w = (self._d1 - self._d0) * self.ppd
        page_w = max(1, self.viewport().width() - self.LABEL_W)
        h = self.horizontalScrollBar()
        h.setPageStep(page_w)
        h.setSingleStep(max(10, page_w // 20))
        h.setRange(0, max(0, round(content_w - page_w)))
        v = self.verticalScrollBar()
        page_h = max(1, self.viewport().height())
        v.setPageStep(page_h)
        v.setSingleStep(self.ROW_H + self.ROW_GAP)
        v.setRange(0, max(0, round(getattr(self, "_content_h", 0) - page_h)))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        width = self.viewport().width()
        # Showing everything: keep showing everything. Only the width changes the layout.
        if (self._whole or not self._fitted) and width != getattr(self, "_fitted_width", None):
            self.fit()
        else:
            self._update_scrollbars()

    # --- geometry for hit tests and tests -------------------------------------------------------
    def item_view_rect(self, it: ChartItem) -> QRectF:
        assert it.rect is not None
        return it.rect.translated(self.LABEL_W - self.horizontalScrollBar().value(),
                                  -self.verticalScrollBar().value())

    def item_for(self, event_id: str) -> ChartItem | None:
        return next((it for it in self.items if it.row.id == event_id), None)

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
        delta = event.angleDelta()
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = delta.y() / 120 or delta.x() / 120
            self.zoom(1.25 ** steps, event.position().x())
        elif event.modifiers() & (Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.AltModifier):
            v = self.verticalScrollBar()
            v.setValue(v.value() - round((delta.y() or delta.x()) / 120 * v.singleStep() * 3))
        else:
            h = self.horizontalScrollBar()
            step = delta.x() if abs(delta.x()) > abs(delta.y()) else delta.y()
            h.setValue(h.value() - round(step / 120 * h.singleStep() * 3))
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
        lines = [r.title, r.date_label + (f"  (as written: {r.date_text})" if r.date_text else "")]
        if it.fuzzy:
            lines.append("Date approximate" if r.approximate else "Date uncertain")
        if r.organisations:
            lines.append("Organisations: " + ", ".join(r.organisations))
        if r.countries:
            lines.append("Countries: " + ", ".join(r.countries))
        if r.disputed:
            lines.append("Disputed: another source contradicts it")
        return "\n".join(lines)

    # --- painting --------------------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        # The window repaints the chart whenever a neighbour changes (a label's text, the table
        # loading): what was drawn is kept, and drawn again only when the chart itself changed.
        w, h = self.viewport().width(), self.viewport().height()
        key = (w, h, self.horizontalScrollBar().value(), self.verticalScrollBar().value(),
               self._layout_version, self.selected, self.palette().cacheKey(), self.devicePixelRatioF())
        if self._painted is None or self._painted[0] != key:
            ratio = self.devicePixelRatioF()
            image = QPixmap(max(1, round(w * ratio)), max(1, round(h * ratio)))
            image.setDevicePixelRatio(ratio)
            p = QPainter(image)
            try:
                self._paint_chart(p, w, h)
            finally:
                p.end()
            self._painted = (key, image)
        p = QPainter(self.viewport())
        p.drawPixmap(0, 0, self._painted[1])
        p.end()

    def _paint_chart(self, p: QPainter, w: int, h: int) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        p.fillRect(0, 0, w, h, pal.base())
        v = self.verticalScrollBar().value()
        for lane, (top, height) in enumerate(zip(self._lane_top, self._lane_h, strict=False)):
            if lane % 2:
                p.fillRect(QRectF(0, top - v, w, height), pal.alternateBase())
        self._paint_grid(p, h)
        p.setClipRect(QRectF(self.LABEL_W, self.AXIS_H, w - self.LABEL_W, h - self.AXIS_H))
        self._paint_items(p, w, h)
        p.setClipping(False)
        self._paint_labels(p, v, h)
        self._paint_axis(p, w)
        if not self.items:
            p.setPen(pal.placeholderText().color())
            p.drawText(QRectF(self.LABEL_W, self.AXIS_H, w - self.LABEL_W, h - self.AXIS_H),
                       Qt.AlignmentFlag.AlignCenter, "No events match the filter.")

    def _ticks(self) -> tuple[list[tuple[int, str, bool]], int]:
        """(day, label, major) ticks for the visible range and the year step used."""
        first, last = self.visible_days()
        y0 = date.fromordinal(max(MIN_DAY, min(int(first), MAX_DAY))).year
        y1 = date.fromordinal(max(MIN_DAY, min(int(last) + 1, MAX_DAY))).year
        year_px = 365.25 * self.ppd
        step = next((s for s in (1, 2, 5, 10, 20, 50, 100) if year_px * s >= 48), 100)
        ticks = []
        for year in range(y0 - y0 % step, min(y1, 9998) + 1, step):
            if year >= 1:
                ticks.append((date(year, 1, 1).toordinal(), str(year), True))
        if year_px >= 600:
            month_step = 1 if year_px >= 1200 else 3
            for year in range(max(1, y0), min(y1, 9998) + 1):
                for month in range(1 + month_step, 13, month_step):
                    ticks.append((date(year, month, 1).toordinal(), date(year, month, 1).strftime("%b"), False))
        return ticks, step

    def _paint_grid(self, p: QPainter, h: int) -> None:
        ticks, _ = self._ticks()
        grid = QColor(self.palette().mid().color())
        for day, _label, major in ticks:
            x = self.x_of(day)
            if x < self.LABEL_W:
                continue
            grid.setAlpha(90 if major else 40)
            p.setPen(QPen(grid, 1))
            p.drawLine(QPointF(x, self.AXIS_H), QPointF(x, h))

    def _paint_axis(self, p: QPainter, w: int) -> None:
        pal = self.palette()
        p.fillRect(QRectF(0, 0, w, self.AXIS_H), pal.window())
        p.setPen(QPen(pal.mid().color(), 1))
        p.drawLine(QPointF(0, self.AXIS_H - 0.5), QPointF(w, self.AXIS_H - 0.5))
        ticks, _ = self._ticks()
        fm = QFontMetrics(self.font())
        small = QFont(self.font())
        small.setPointSizeF(max(6.0, self.font().pointSizeF() * 0.85))
        for day, label, major in ticks:
            x = self.x_of(day)
            if x < self.LABEL_W - 1 or x + 3 + fm.horizontalAdvance(label) > w:
                continue
            p.setPen(pal.text().color() if major else pal.placeholderText().color())
            p.setFont(self.font() if major else small)
            p.drawLine(QPointF(x, self.AXIS_H - (7 if major else 4)), QPointF(x, self.AXIS_H))
            p.drawText(QPointF(x + 3, self.AXIS_H - 8 + (0 if major else 1)), label)
        p.setFont(self.font())
        p.setPen(pal.text().color())
        p.fillRect(QRectF(0, 0, self.LABEL_W, self.AXIS_H), pal.window())
        p.drawText(QRectF(6, 0, self.LABEL_W - 8, self.AXIS_H - 2),
                   Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                   fm.elidedText("Lane", Qt.TextElideMode.ElideRight, self.LABEL_W - 8))

    def _paint_labels(self, p: QPainter, v: int, h: int) -> None:
        pal = self.palette()
        p.fillRect(QRectF(0, self.AXIS_H, self.LABEL_W, h), pal.window())
        fm = QFontMetrics(self.font())
        for lane, ((label, colour), top, height) in enumerate(
                zip(self.lanes, self._lane_top, self._lane_h, strict=False)):
            y = top - v
            if y + height < self.AXIS_H or y > h:
                continue
            if lane % 2:
                p.fillRect(QRectF(0, y, self.LABEL_W, height), pal.alternateBase())
            p.fillRect(QRectF(0, y + 3, 4, height - 6), colour)
            p.setPen(pal.text().color())
            p.drawText(QRectF(8, y, self.LABEL_W - 12, min(height, 3 * fm.height())),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                       fm.elidedText(label, Qt.TextElideMode.ElideRight, self.LABEL_W - 12))
        p.setPen(QPen(pal.mid().color(), 1))
        p.drawLine(QPointF(self.LABEL_W - 0.5, self.AXIS_H), QPointF(self.LABEL_W - 0.5, h))

    def _build_paths(self) -> list:
        """The chart's shapes grouped by how they are drawn, in content coordinates, so a paint
        is a few dozen calls however many events there are: per lane, its plain spans as one
        `drawRects` and its day points as one `drawPoints` with a round pen (rasterising these
        costs a fraction of one path per lane: 30 against 140 ms for 5,000 items). Spans with
        faded ends need their own gradient and dashed points their own outline: listed one by
        one, as are the disputed marks' few triangles in one path."""
        groups: list = []
        disputed = QPainterPath()
        by_lane = getattr(self, "_by_lane", {})
        r = self.POINT_R
        for lane, (_label, colour) in enumerate(self.lanes):
            spans: list[QRectF] = []
            points: list[QPointF] = []
            fuzzy_points: list[QRectF] = []
            faded: list[ChartItem] = []
            for it in by_lane.get(lane, ()):
                x, y, w, h = it.box or (0.0, 0.0, 0.0, 0.0)
                if it.point:
                    if it.fuzzy:
                        fuzzy_points.append(QRectF(x, y + (h - w) / 2, w, w))
                    else:
                        points.append(QPointF(x + w / 2, y + h / 2))
                elif it.faded:
                    faded.append(it)
                else:
                    spans.append(QRectF(x, y, w, h))
                if it.row.disputed:
                    cx, cy = x + w - 2, y - 1
                    disputed.moveTo(cx, cy - 5)
                    disputed.lineTo(cx + 5, cy + 4)
                    disputed.lineTo(cx - 5, cy + 4)
                    disputed.closeSubpath()
            outline = colour.darker(140)
            solid = QPen(outline, 1.2)
            dashed = QPen(solid)
            dashed.setStyle(Qt.PenStyle.DashLine)
            if spans:
                groups.append(("rects", solid, QBrush(_alpha(colour, 170)), spans))
            if points:
                rim = QPen(outline, 2 * r + 1.2)
                rim.setCapStyle(Qt.PenCapStyle.RoundCap)
                dot = QPen(_alpha(colour, 230), 2 * r - 1.2)
                dot.setCapStyle(Qt.PenCapStyle.RoundCap)
                groups.append(("points", rim, dot, points))
            if fuzzy_points:
                groups.append(("ellipses", dashed, QBrush(_alpha(colour, 110)), fuzzy_points))
            for it in faded:
                groups.append(("faded", dashed if it.fuzzy else solid, None, it))
        if not disputed.isEmpty():
            disputed.setFillRule(Qt.FillRule.WindingFill)  # overlapping marks stay filled
            groups.append(("path", QPen(QColor("white"), 1), QBrush(DISPUTED_COLOUR), disputed))
        return groups

    def _paint_items(self, p: QPainter, w: int, h: int) -> None:
        if getattr(self, "_paths", None) is None:
            self._paths = self._build_paths()
        dx, dy = self.LABEL_W - self.horizontalScrollBar().value(), -self.verticalScrollBar().value()
        p.save()
        p.translate(dx, dy)
        left, right = -dx, w - dx  # the visible content x range
        for kind, pen, brush, shapes in self._paths:
            if kind == "rects":
                p.setPen(pen)
                p.setBrush(brush)
                p.drawRects(shapes)
            elif kind == "points":
                p.setPen(pen)  # the rim, then the fill over it
                p.drawPoints(shapes)
                p.setPen(brush)
                p.drawPoints(shapes)
            elif kind == "ellipses":
                p.setPen(pen)
                p.setBrush(brush)
                for rect in shapes:
                    p.drawEllipse(rect)
            elif kind == "path":
                p.setPen(pen)
                p.setBrush(brush)
                p.drawPath(shapes)
            else:
                it = shapes
                if it.box is None or it.box[0] + it.box[2] < left or it.box[0] > right:
                    continue
                r = it.rect
                colour = self.lanes[it.lane][1]
                p.setPen(pen)
                p.setBrush(self._span_brush(it, r, colour))
                p.drawRoundedRect(r, 4, 4)
                if it.open_start or it.open_end:
                    self._paint_open_ends(p, it, r, colour)
        p.restore()
        selected = self.item_for(self.selected) if self.selected else None
        if selected is not None and selected.rect is not None:
            self._paint_item(p, selected, self.item_view_rect(selected))

    def _paint_item(self, p: QPainter, it: ChartItem, r: QRectF) -> None:
        colour = QColor(self.lanes[it.lane][1])
        selected = it.row.id == self.selected
        outline = QPen(colour.darker(140), 1.2)
        if it.fuzzy:
            outline.setStyle(Qt.PenStyle.DashLine)
        if it.point:
            centre = r.center()
            if selected:
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(QColor(255, 200, 0, 160))
                p.drawEllipse(centre, self.POINT_R + 5, self.POINT_R + 5)
            fill = QColor(colour)
            fill.setAlpha(110 if it.fuzzy else 230)
            p.setBrush(fill)
            p.setPen(outline)
            p.drawEllipse(centre, self.POINT_R, self.POINT_R)
        else:
            if selected:
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(QColor(255, 200, 0, 160))
                p.drawRoundedRect(r.adjusted(-4, -4, 4, 4), 6, 6)
            p.setBrush(self._span_brush(it, r, colour))
            p.setPen(outline)
            p.drawRoundedRect(r, 4, 4)
            if it.open_start or it.open_end:
                self._paint_open_ends(p, it, r, colour)
        if selected:
            p.setPen(QPen(self.palette().text().color(), 2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            if it.point:
                p.drawEllipse(r.center(), self.POINT_R + 1.5, self.POINT_R + 1.5)
            else:
                p.drawRoundedRect(r.adjusted(-1.5, -1.5, 1.5, 1.5), 5, 5)
        if it.row.disputed:
            self._paint_disputed(p, r)

    @staticmethod
    def _span_brush(it: ChartItem, r: QRectF, colour: QColor) -> QBrush:
        solid = QColor(colour)
        solid.setAlpha(170)
        if not (it.fuzzy or it.open_start or it.open_end):
            return QBrush(solid)
        faint = QColor(colour)
        faint.setAlpha(25)
        grad = QLinearGradient(r.left(), 0, r.right(), 0)
        edge = min(0.45, 30 / max(r.width(), 1))
        fade_left = it.fuzzy or it.open_start
        fade_right = it.fuzzy or it.open_end
        grad.setColorAt(0, faint if fade_left else solid)
        grad.setColorAt(edge, solid)
        grad.setColorAt(1 - edge, solid)
        grad.setColorAt(1, faint if fade_right else solid)
        return QBrush(grad)

    @staticmethod
    def _paint_open_ends(p: QPainter, it: ChartItem, r: QRectF, colour: QColor) -> None:
        p.setPen(QPen(colour.darker(150), 1.5))
        y = r.center().y()
        if it.open_start:
            p.drawLine(QPointF(r.left() + 8, y - 4), QPointF(r.left() + 3, y))
            p.drawLine(QPointF(r.left() + 3, y), QPointF(r.left() + 8, y + 4))
        if it.open_end:
            p.drawLine(QPointF(r.right() - 8, y - 4), QPointF(r.right() - 3, y))
            p.drawLine(QPointF(r.right() - 3, y), QPointF(r.right() - 8, y + 4))

    @staticmethod
    def _add_disputed(path: QPainterPath, r: QRectF) -> None:
        x, y = r.right() - 2, r.top() - 1
        path.moveTo(x, y - 5)
        path.lineTo(x + 5, y + 4)
        path.lineTo(x - 5, y + 4)
        path.closeSubpath()

    @classmethod
    def _paint_disputed(cls, p: QPainter, r: QRectF) -> None:
        path = QPainterPath()
        cls._add_disputed(path, r)
        p.setPen(QPen(QColor("white"), 1))
        p.setBrush(DISPUTED_COLOUR)
        p.drawPath(path)


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
        self._loader.failed.connect(lambda msg: self.note.setText(f"The chart could not load: {msg}"))

        self.canvas = ChartCanvas(self)
        self.canvas.eventClicked.connect(self.eventClicked)
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.canvas.setMinimumHeight(120)

        self.by_org = self._tool("By organisation", "Lanes by organisation (bodies in their parent's lane)")
        self.by_country = self._tool("By country", "Lanes by partner country")
        for b in (self.by_org, self.by_country):
            b.setCheckable(True)
        self.by_org.setChecked(True)
        group = QButtonGroup(self)
        group.setExclusive(True)
        group.addButton(self.by_org)
        group.addButton(self.by_country)
        self.by_org.toggled.connect(lambda on: on and self.set_mode("organisation"))
        self.by_country.toggled.connect(lambda on: on and self.set_mode("country"))
        self.zoom_out = self._tool("−", "Zoom out (Ctrl+wheel, −)")
        self.zoom_in = self._tool("+", "Zoom in (Ctrl+wheel, +)")
        self.zoom_fit = self._tool("Fit", "Show the whole range")
        self.zoom_in.clicked.connect(lambda: self.canvas.zoom(1.5))
        self.zoom_out.clicked.connect(lambda: self.canvas.zoom(1 / 1.5))
        self.zoom_fit.clicked.connect(self.canvas.fit)
        self.note = PlainLabel("", self, wrap=False, selectable=False)
        self.note.setObjectName("chartNote")
        legend = PlainLabel("● day  ▬ period  ┄ approximate  ▲ disputed", self, wrap=False, selectable=False)
        legend.setToolTip(plain_tooltip(
            "A dot is an exact day; a bar is a month, season, year or interval.\n"
            "Faded ends and a dashed outline mark an approximate or uncertain date;\n"
            "an arrow marks an open end. A red triangle marks a disputed event.\n"
            "Ctrl+wheel or +/− zooms; drag, wheel or the scrollbar pans."))
        legend.setEnabled(False)

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
        self.note.setText("Loading…")
        self._loader.start(lambda: load_chart(library, f, limit))

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

    def select_event(self, event_id: str | None) -> None:
        self.canvas.select(event_id)

    def selected(self) -> str | None:
        return self.canvas.selected

    def lane_labels(self) -> list[str]:
        return [label for label, _ in self.canvas.lanes]

    # --- building ------------------------------------------------------------------------------
    def _on_loaded(self, data: ChartData) -> None:
        self.data = data
        self._build(keep_view=False)
        shown = len(data.rows)
        if shown < data.total:
            self.note.setText(f"Showing the first {shown:,} of {data.total:,} events (by date)")
        else:
            self.note.setText(f"{shown} event{'s' if shown != 1 else ''}")
        self.loaded.emit()

    def _build(self, keep_view: bool) -> None:
        if self.data is None:
            return
        data = self.data
        lanes_of = data.keys.get(self.mode) or [lane_keys(row, self.mode, data) for row in data.rows]
        days = data.days or [(_day(row.date_start), _day(row.date_end) + 1) for row in data.rows]
        keyed = list(zip(data.rows, lanes_of, strict=True))
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
        for (row, keys), (start, end) in zip(keyed, days, strict=True):
            placed = dict.fromkeys(index.get(k, other) for k in keys)
            for lane in placed:
                items.append(ChartItem(row, lane, start, end, start <= MIN_DAY, end > MAX_DAY))
        colours = [(label, QColor("#888888") if label == OTHER else QColor(LANE_COLOURS[i % len(LANE_COLOURS)]))
                   for i, label in enumerate(lanes)]
        self.canvas.set_items(items, colours, keep_view=keep_view)
        if self.canvas.selected:
            self.canvas.select(self.canvas.selected)
