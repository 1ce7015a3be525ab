"""`ChartScene`: the timeline chart without its widget — the items in their lanes, their layout
at a scale, and the painting of a view of them onto any paint device.

It touches no widget, so the chart's worker can build, lay out and paint a scene for a new
filter off the GUI thread (painting onto a `QImage` is thread-safe in Qt); the chart widget
(`timeline_chart.ChartCanvas`) then only shows the picture, and lays out or paints again on
the GUI thread when the user zooms, scrolls, resizes or switches lanes.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from PySide6.QtCore import QCoreApplication, QLocale, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
)

from ...core.corpus.evidence import GRADE_SYMBOLS
from ...core.query.timeline import EventRow
from ..common import palette as palette_colours
from ..common.palette import MARK_RING

# The evidence grade's mark at the top right of each event (core/corpus/evidence.py):
# grade -> (shape, fill, outline); the legend of timeline_chart.py shows the same symbols.
_SHAPES = {"corroborated": "diamond", "single_source": "dot", "uncorroborated": "diamond", "contested": "triangle"}
EVIDENCE_MARKS = {grade: (shape, QColor(palette_colours.EVIDENCE_MARK_COLOURS[grade][0]),
                          QColor(palette_colours.EVIDENCE_MARK_COLOURS[grade][1]))
                  for grade, shape in _SHAPES.items()}
EVIDENCE_SYMBOLS = GRADE_SYMBOLS
# Marks per path: rasterising a path costs more than linearly in its subpaths (3,000 dots with
# their rings: 3.2 s as one path, 0.5 s as paths of 100), and Qt holds the interpreter lock
# while it draws one, so the GUI thread waits for a worker's whole `drawPath`.
MARKS_PER_PATH = 64
MIN_DAY = date(1, 1, 1).toordinal()
MAX_DAY = date(9999, 12, 31).toordinal()


class ChartGeometry:
    """The chart's fixed measures, in pixels (shared by the scene and its widget)."""

    LABEL_W = 96
    AXIS_H = 24
    ROW_H = 14
    ROW_GAP = 4
    LANE_PAD = 6
    POINT_R = 5
    PAD_DAYS = 120
    MAX_SUBROWS = 6


def _alpha(colour: QColor, alpha: int) -> QColor:
    c = QColor(colour)
    c.setAlpha(alpha)
    return c


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
    # no source gives its end: the day after the last its sources speak for (drawn faint and
    # dashed from there, "no later evidence"); None when its end is known
    evidence_end: int | None = None
    cut_start: bool = False  # it begins before the window shown (drawn from the window's edge)
    cut_end: bool = False  # it ends after the window shown

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
        """Drawn on its own (a gradient, cut marks or a 'no later evidence' part): an
        approximate, uncertain or open span, or one cut by the window."""
        return (self.row.approximate or self.row.uncertain or self.open_start or self.open_end
                or self.cut_start or self.cut_end)


@dataclass(frozen=True)
class ChartView:
    """What a picture of the scene shows: the viewport's size, the scroll position, the
    selection and the look."""

    width: int
    height: int
    scroll_x: int
    scroll_y: int
    selected: str | None
    palette: QPalette
    font: QFont
    ratio: float  # device pixel ratio

    def shows(self, wanted: ChartView, *, exact: bool) -> bool:
        """Whether a picture of this view, cut to `wanted`'s height, is a picture of `wanted`.
        It is when only the height differs and `wanted` is not taller: everything is drawn from
        the top, and what lies below the cut is simply not shown — except the centred "no
        events" message (`exact`)."""
        if exact or wanted.height > self.height:
            return self == wanted
        return replace(self, height=wanted.height) == wanted


class ChartScene(ChartGeometry):
    """Items in lanes over a date range; `fit`/`relayout` place them at a scale (pixels per
    day), `paint` draws a view of them."""

    def __init__(self, items: list[ChartItem] | None = None, lanes: list[tuple[str, QColor]] | None = None,
                 *, span: tuple[int, int] | None = None, window: tuple[int | None, int | None] = (None, None)):
        self.items: list[ChartItem] = items or []
        self.lanes: list[tuple[str, QColor]] = lanes or []
        self.d0, self.d1 = span or (date(1990, 1, 1).toordinal(), date(2025, 1, 1).toordinal())
        self.ppd = 0.1  # pixels per day
        self.lane_top: list[float] = []
        self.lane_h: list[float] = []
        self.content_h = float(self.AXIS_H)
        self.layout_version = 0  # bumped by every layout: what was painted is out of date
        self._paths: list | None = None
        bounded = [d for it in self.items for d, is_open in ((it.start, it.open_start), (it.end, it.open_end))
                   if not is_open]
        if bounded:
            self.d0, self.d1 = min(bounded) - self.PAD_DAYS, max(bounded) + self.PAD_DAYS
        # The filter's From/To window is what the user asked to see: the axis spans it exactly
        # (a side left open follows the events), and what reaches beyond is cut at its edge.
        first, last = window
        if first is not None:
            self.d0 = first
        if last is not None:
            self.d1 = last
        if self.d1 <= self.d0:
            self.d1 = self.d0 + 1
        for it in self.items:  # open ends reach the edge of the chart
            if it.open_start:
                it.start = self.d0
            elif it.start < self.d0:
                it.start, it.cut_start = self.d0, True
            if it.open_end:
                it.end = self.d1
            elif it.end > self.d1:
                it.end, it.cut_end = self.d1, True
            it.start = min(it.start, self.d1 - 1)
            it.end = max(it.end, it.start + 1)
        self.by_lane: dict[int, list[ChartItem]] = {}
        for it in self.items:
            self.by_lane.setdefault(it.lane, []).append(it)
        for members in self.by_lane.values():  # the sub-row packing goes left to right
            members.sort(key=lambda i: (i.start, i.end))

    # --- layout -------------------------------------------------------------------------------
    def fit_ppd(self, viewport_width: int) -> float:
        """The scale at which the whole date range fills a viewport this wide."""
        return max(100, viewport_width - self.LABEL_W - 8) / max(1, self.d1 - self.d0)

    def relayout(self, ppd: float) -> None:
        # Plain floats in the loop (3,000 events take a few milliseconds); QRectF only at the end.
        self.ppd = ppd
        d0, pr = self.d0, self.POINT_R
        row_h, row_gap, pad, max_sub = self.ROW_H, self.ROW_GAP, self.LANE_PAD, self.MAX_SUBROWS
        self.lane_top, self.lane_h = [], []
        self._paths = None  # the cached shapes are in content coordinates: rebuild them
        self.layout_version += 1
        y = float(self.AXIS_H)
        for lane in range(len(self.lanes)):
            ends: list[float] = []  # right edge in pixels of each sub-row
            placed = []
            for it in self.by_lane.get(lane, ()):
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
            self.lane_top.append(y)
            self.lane_h.append(height)
            for it, left, right in placed:
                it.box = (left, y + pad + it.sub * (row_h + row_gap), right - left, row_h)
            y += height
        self.content_h = y

    def content_width(self) -> float:
        return (self.d1 - self.d0) * self.ppd

    def max_scroll(self, width: int, height: int) -> tuple[int, int]:
        """The furthest a viewport of this size scrolls, right and down."""
        return (max(0, round(self.content_width() - max(1, width - self.LABEL_W))),
                max(0, round(self.content_h - max(1, height))))

    def item_for(self, event_id: str) -> ChartItem | None:
        return next((it for it in self.items if it.row.id == event_id), None)

    # --- painting --------------------------------------------------------------------------------
    def picture(self, view: ChartView) -> QImage:
        """The view painted onto an image (any thread)."""
        image = QImage(max(1, round(view.width * view.ratio)), max(1, round(view.height * view.ratio)),
                       QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(view.ratio)
        p = QPainter(image)
        try:
            self.paint(p, view)
        finally:
            p.end()
        return image

    def day_at(self, x: float, scroll_x: int) -> float:
        """The day at viewport x, scrolled `scroll_x` pixels right."""
        return self.d0 + (x - self.LABEL_W + scroll_x) / self.ppd

    def x_of(self, day: float, scroll_x: int) -> float:
        """Viewport x of a day, scrolled `scroll_x` pixels right."""
        return self.LABEL_W + (day - self.d0) * self.ppd - scroll_x

    def paint(self, p: QPainter, view: ChartView) -> None:
        w, h, pal = view.width, view.height, view.palette
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setFont(view.font)
        p.fillRect(0, 0, w, h, pal.base())
        v = view.scroll_y
        for lane, (top, height) in enumerate(zip(self.lane_top, self.lane_h, strict=False)):
            if lane % 2:
                p.fillRect(QRectF(0, top - v, w, height), pal.alternateBase())
        self._paint_grid(p, view)
        p.setClipRect(QRectF(self.LABEL_W, self.AXIS_H, w - self.LABEL_W, h - self.AXIS_H))
        self._paint_items(p, view)
        p.setClipping(False)
        self._paint_labels(p, view)
        self._paint_axis(p, view)
        if not self.items:
            p.setPen(pal.placeholderText().color())
            p.drawText(QRectF(self.LABEL_W, self.AXIS_H, w - self.LABEL_W, h - self.AXIS_H),
                       Qt.AlignmentFlag.AlignCenter, QCoreApplication.translate("ChartScene", "No events match the filter."))

    def ticks(self, first: float, last: float) -> list[tuple[int, str, bool]]:
        """(day, label, major) ticks for the days from `first` to `last`."""
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
                    ticks.append((date(year, month, 1).toordinal(),
                                  QLocale().standaloneMonthName(month, QLocale.FormatType.ShortFormat), False))
        return ticks

    def _view_ticks(self, view: ChartView) -> list[tuple[int, str, bool]]:
        return self.ticks(self.day_at(self.LABEL_W, view.scroll_x), self.day_at(view.width, view.scroll_x))

    def _paint_grid(self, p: QPainter, view: ChartView) -> None:
        grid = QColor(view.palette.mid().color())
        for day, _label, major in self._view_ticks(view):
            x = self.x_of(day, view.scroll_x)
            if x < self.LABEL_W:
                continue
            grid.setAlpha(90 if major else 40)
            p.setPen(QPen(grid, 1))
            p.drawLine(QPointF(x, self.AXIS_H), QPointF(x, view.height))

    def _paint_axis(self, p: QPainter, view: ChartView) -> None:
        pal, w, font = view.palette, view.width, view.font
        p.fillRect(QRectF(0, 0, w, self.AXIS_H), pal.window())
        p.setPen(QPen(pal.mid().color(), 1))
        p.drawLine(QPointF(0, self.AXIS_H - 0.5), QPointF(w, self.AXIS_H - 0.5))
        fm = QFontMetrics(font)
        small = QFont(font)
        small.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))
        for day, label, major in self._view_ticks(view):
            x = self.x_of(day, view.scroll_x)
            if x < self.LABEL_W - 1 or x + 3 + fm.horizontalAdvance(label) > w:
                continue
            p.setPen(pal.text().color() if major else pal.placeholderText().color())
            p.setFont(font if major else small)
            p.drawLine(QPointF(x, self.AXIS_H - (7 if major else 4)), QPointF(x, self.AXIS_H))
            p.drawText(QPointF(x + 3, self.AXIS_H - 8 + (0 if major else 1)), label)
        p.setFont(font)
        p.setPen(pal.text().color())
        p.fillRect(QRectF(0, 0, self.LABEL_W, self.AXIS_H), pal.window())
        p.drawText(QRectF(6, 0, self.LABEL_W - 8, self.AXIS_H - 2),
                   Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                   fm.elidedText(QCoreApplication.translate("ChartScene", "Lane"), Qt.TextElideMode.ElideRight,
                                 self.LABEL_W - 8))

    def _paint_labels(self, p: QPainter, view: ChartView) -> None:
        pal, v, h = view.palette, view.scroll_y, view.height
        p.fillRect(QRectF(0, self.AXIS_H, self.LABEL_W, h), pal.window())
        fm = QFontMetrics(view.font)
        for lane, ((label, colour), top, height) in enumerate(
                zip(self.lanes, self.lane_top, self.lane_h, strict=False)):
            y = top - v
            if y + height < self.AXIS_H or y > h:
                continue
            if lane % 2:
                p.fillRect(QRectF(0, y, self.LABEL_W, height), pal.alternateBase())
            p.fillRect(QRectF(0, y + 3, 4, height - 6), colour)
            p.setPen(pal.text().color())
            p.drawText(QRectF(8, y, self.LABEL_W - 12, min(height, 3 * fm.height())),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                       fm.elidedText(QCoreApplication.translate("ChartScene", "Other") if label == "Other" else label,
                                     Qt.TextElideMode.ElideRight, self.LABEL_W - 12))
        p.setPen(QPen(pal.mid().color(), 1))
        p.drawLine(QPointF(self.LABEL_W - 0.5, self.AXIS_H), QPointF(self.LABEL_W - 0.5, h))

    def paths(self) -> list:
        """The chart's shapes grouped by how they are drawn, in content coordinates, so a paint
        is a few dozen calls however many events there are: per lane, its plain spans as one
        `drawRects` and its day points as one `drawPoints` with a round pen (rasterising these
        costs a fraction of one path per lane: 30 against 140 ms for 5,000 items). Spans with
        faded ends need their own gradient and dashed points their own outline: listed one by
        one; the evidence marks are paths of `MARKS_PER_PATH` marks per grade. Built once per layout."""
        if self._paths is not None:
            return self._paths
        groups: list = []
        marks = {grade: QPainterPath() for grade in EVIDENCE_MARKS}
        full: dict[str, list[QPainterPath]] = {grade: [] for grade in EVIDENCE_MARKS}
        in_path = dict.fromkeys(EVIDENCE_MARKS, 0)
        r = self.POINT_R
        for lane, (_label, colour) in enumerate(self.lanes):
            spans: list[QRectF] = []
            points: list[QPointF] = []
            fuzzy_points: list[QRectF] = []
            faded: list[ChartItem] = []
            for it in self.by_lane.get(lane, ()):
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
                grade = _add_mark(marks, it.row, x + w, y)
                if grade is not None:
                    in_path[grade] += 1
                    if in_path[grade] == MARKS_PER_PATH:
                        full[grade].append(marks[grade])
                        marks[grade], in_path[grade] = QPainterPath(), 0
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
        for grade, last in marks.items():  # contested last: drawn over the others
            paths = [path for path in (*full[grade], last) if not path.isEmpty()]
            _shape, fill, outline = EVIDENCE_MARKS[grade]
            for path in paths:
                path.setFillRule(Qt.FillRule.WindingFill)  # overlapping marks stay filled
            # a dark ring under the light outline: the mark reads on every lane colour
            groups.extend(("ring", ring_pen(), QBrush(Qt.BrushStyle.NoBrush), path) for path in paths)
            groups.extend(("path", QPen(outline, 1.2), QBrush(fill), path) for path in paths)
        self._paths = groups
        return groups

    def _paint_items(self, p: QPainter, view: ChartView) -> None:
        dx, dy = self.LABEL_W - view.scroll_x, -view.scroll_y
        p.save()
        p.translate(dx, dy)
        left, right = -dx, view.width - dx  # the visible content x range
        for kind, pen, brush, shapes in self.paths():
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
            elif kind in ("path", "ring"):
                p.setPen(pen)
                p.setBrush(brush)
                p.drawPath(shapes)
            else:
                it = shapes
                if it.box is None or it.box[0] + it.box[2] < left or it.box[0] > right:
                    continue
                self._paint_span(p, it, pen)
        p.restore()
        selected = self.item_for(view.selected) if view.selected else None
        if selected is not None and selected.box is not None:
            x, y, w, h = selected.box
            self._paint_selected(p, selected, QRectF(x + dx, y + dy, w, h), view.palette)

    def _paint_selected(self, p: QPainter, it: ChartItem, r: QRectF, pal: QPalette) -> None:
        colour = QColor(self.lanes[it.lane][1])
        outline = QPen(colour.darker(140), 1.2)
        if it.fuzzy:
            outline.setStyle(Qt.PenStyle.DashLine)
        halo = _alpha(QColor(palette_colours.SELECTION_HALO), 160)
        if it.point:
            centre = r.center()
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(halo)
            p.drawEllipse(centre, self.POINT_R + 5, self.POINT_R + 5)
            p.setBrush(_alpha(colour, 110 if it.fuzzy else 230))
            p.setPen(outline)
            p.drawEllipse(centre, self.POINT_R, self.POINT_R)
        else:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(halo)
            p.drawRoundedRect(r.adjusted(-4, -4, 4, 4), 6, 6)
            p.save()
            p.translate(r.left() - (it.box[0] if it.box else 0.0), r.top() - (it.box[1] if it.box else 0.0))
            self._paint_span(p, it, outline)
            p.restore()
        p.setPen(QPen(pal.text().color(), 2))
        p.setBrush(Qt.BrushStyle.NoBrush)
        if it.point:
            p.drawEllipse(r.center(), self.POINT_R + 1.5, self.POINT_R + 1.5)
        else:
            p.drawRoundedRect(r.adjusted(-1.5, -1.5, 1.5, 1.5), 5, 5)
        marks: dict[str, QPainterPath] = {}
        grade = _add_mark(marks, it.row, r.right(), r.top())
        if grade:
            _shape, mark_fill, mark_outline = EVIDENCE_MARKS[grade]
            p.setPen(ring_pen())
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPath(marks[grade])
            p.setPen(QPen(mark_outline, 1.2))
            p.setBrush(mark_fill)
            p.drawPath(marks[grade])

    def evidence_x(self, it: ChartItem) -> float | None:
        """Content x where an open-ended item's evidence stops (None: evidenced to its end)."""
        if it.evidence_end is None or it.box is None or it.point:
            return None
        x = (it.evidence_end - self.d0) * self.ppd
        x0, _y, w, _h = it.box
        return None if x >= x0 + w else max(x0, x)

    def _paint_span(self, p: QPainter, it: ChartItem, pen: QPen) -> None:
        """A span drawn on its own, in content coordinates: its gradient, its 'no later evidence'
        part, its open-end arrows and the chevrons of a cut by the window."""
        r = it.rect
        assert r is not None
        colour = self.lanes[it.lane][1]
        until = self.evidence_x(it)
        solid = r if until is None else QRectF(r.left(), r.top(), until - r.left(), r.height())
        if until is not None:
            later = QRectF(until, r.top(), r.right() - until, r.height())
            p.setPen(QPen(colour.darker(120), 1.2, Qt.PenStyle.DashLine))
            p.setBrush(_alpha(colour, 38))
            p.drawRoundedRect(later.adjusted(0.6, 0.6, -0.6, -0.6), 4, 4)
        if solid.width() > 0.5:
            p.setPen(pen)
            shown = replace(it, open_end=it.open_end and until is None)
            p.setBrush(span_brush(shown, solid, colour))
            p.drawRoundedRect(solid, 4, 4)
        if it.open_start:
            _paint_open_ends(p, replace(it, open_end=False), r, colour)
        if it.cut_start or it.cut_end:
            _paint_cuts(p, it, r, colour)


def _add_mark(paths: dict[str, QPainterPath], row: EventRow, right: float, top: float) -> str | None:
    """The mark of an event's evidence grade, at the top right of its shape, added to the path
    of its grade; returns the grade (None for one the chart has no mark for)."""
    grade = "contested" if row.disputed else row.evidence
    if grade not in EVIDENCE_MARKS:
        return None
    path = paths.setdefault(grade, QPainterPath())
    x, y = right - 2, top - 1
    shape = EVIDENCE_MARKS[grade][0]
    if shape == "triangle":
        path.moveTo(x, y - 5)
        path.lineTo(x + 5, y + 4)
        path.lineTo(x - 5, y + 4)
        path.closeSubpath()
    elif shape == "diamond":
        path.moveTo(x, y - 4.5)
        path.lineTo(x + 4.5, y)
        path.lineTo(x, y + 4.5)
        path.lineTo(x - 4.5, y)
        path.closeSubpath()
    else:
        path.addEllipse(QPointF(x, y), 2.5, 2.5)
    return grade


def ring_pen() -> QPen:
    pen = QPen(QColor(MARK_RING), 3.2)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def _paint_cuts(p: QPainter, it: ChartItem, r: QRectF, colour: QColor) -> None:
    """Double chevrons at a side cut by the window: the event goes on beyond what is shown."""
    p.setPen(QPen(colour.darker(160), 1.4))
    y = r.center().y()
    for side, on in ((-1, it.cut_start), (1, it.cut_end)):
        if not on:
            continue
        edge = r.left() + 3 if side < 0 else r.right() - 3
        for offset in (0, 4):
            x = edge - side * offset
            p.drawLine(QPointF(x - side * 4, y - 4), QPointF(x, y))
            p.drawLine(QPointF(x, y), QPointF(x - side * 4, y + 4))


def span_brush(it: ChartItem, r: QRectF, colour: QColor) -> QBrush:
    solid = _alpha(colour, 170)
    if not (it.fuzzy or it.open_start or it.open_end):
        return QBrush(solid)
    faint = _alpha(colour, 25)
    grad = QLinearGradient(r.left(), 0, r.right(), 0)
    edge = min(0.45, 30 / max(r.width(), 1))
    grad.setColorAt(0, faint if it.fuzzy or it.open_start else solid)
    grad.setColorAt(edge, solid)
    grad.setColorAt(1 - edge, solid)
    grad.setColorAt(1, faint if it.fuzzy or it.open_end else solid)
    return QBrush(grad)


def _paint_open_ends(p: QPainter, it: ChartItem, r: QRectF, colour: QColor) -> None:
    p.setPen(QPen(colour.darker(150), 1.5))
    y = r.center().y()
    if it.open_start:
        p.drawLine(QPointF(r.left() + 8, y - 4), QPointF(r.left() + 3, y))
        p.drawLine(QPointF(r.left() + 3, y), QPointF(r.left() + 8, y + 4))
    if it.open_end:
        p.drawLine(QPointF(r.right() - 8, y - 4), QPointF(r.right() - 3, y))
        p.drawLine(QPointF(r.right() - 3, y), QPointF(r.right() - 8, y + 4))
