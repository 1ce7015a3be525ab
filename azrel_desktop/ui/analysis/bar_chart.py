"""`StackedBarChart`: a stacked bar chart painted with QPainter (Qt Charts is not in the
PySide6-Essentials wheel the app ships with), with a legend, tooltips, keyboard-free clicks
on a bar's segment, and rendering to a PNG.

It draws a table of plain values: periods along the x axis, one stack per period, one segment
per series. Series colours are stable per series id (a checksum of the id picks the colour,
a collision within one chart takes the next free one), so NATO keeps its colour when the
filter changes. The colours are the Okabe–Ito set, chosen to stay apart in the common
colour-vision deficiencies; every colour reaches 3:1 against a light or a dark plot (the
darker or lighter variant is taken by the palette), and the legend names each one.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ..common import palette as pal
from ..common.colours import is_dark

# (on a light plot, on a dark plot): ui/common/palette.py
SERIES_COLOURS = pal.ANALYSIS_SERIES
OTHER_COLOUR = pal.ANALYSIS_OTHER
NONE_COLOUR = pal.ANALYSIS_NONE
OTHER_ID, NONE_ID = "*", ""


@dataclass(frozen=True)
class ChartSeries:
    id: str
    label: str
    counts: tuple[int, ...]


def series_colours(ids: list[str], dark: bool) -> dict[str, QColor]:
    """A colour per series id: the same id gets the same colour whenever it can."""
    taken: set[int] = set()
    out: dict[str, QColor] = {}
    for sid in ids:
        if sid == OTHER_ID:
            out[sid] = QColor(OTHER_COLOUR[dark])
            continue
        if sid == NONE_ID:
            out[sid] = QColor(NONE_COLOUR[dark])
            continue
        slot = zlib.crc32(sid.encode("utf-8")) % len(SERIES_COLOURS)
        for step in range(len(SERIES_COLOURS)):
            if (slot + step) % len(SERIES_COLOURS) not in taken:
                slot = (slot + step) % len(SERIES_COLOURS)
                break
        taken.add(slot)
        out[sid] = QColor(SERIES_COLOURS[slot][dark])
    return out


class StackedBarChart(QWidget):
    """Periods × series counts as stacked bars. `segmentClicked(period, series_id)`."""

    segmentClicked = Signal(str, str)

    MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 48, 12, 12, 40
    LEGEND_ROW = 20

    def __init__(self, parent: QWidget | None = None, *, clickable: bool = True):
        """Each bar counts events."""
        super().__init__(parent)
        self.clickable = clickable
        self.periods: tuple[str, ...] = ()
        self.series: tuple[ChartSeries, ...] = ()
        self.empty_text = self.tr("Nothing to count under this filter.")
        self.setMouseTracking(True)
        self.setMinimumHeight(220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def sizeHint(self) -> QSize:
        return QSize(800, 300 + self._legend_rows() * self.LEGEND_ROW)

    def set_data(self, periods: tuple[str, ...], series: tuple[ChartSeries, ...]) -> None:
        self.periods, self.series = periods, series
        self.updateGeometry()
        self.update()

    # --- geometry -----------------------------------------------------------------------
    def _legend_rows(self) -> int:
        if not self.series:
            return 0
        per_row = max(1, (self.width() or 800) // 190)
        return (len(self.series) + per_row - 1) // per_row

    def _plot(self) -> QRectF:
        legend = self._legend_rows() * self.LEGEND_ROW
        return QRectF(self.MARGIN_LEFT, self.MARGIN_TOP,
                      max(10, self.width() - self.MARGIN_LEFT - self.MARGIN_RIGHT),
                      max(10, self.height() - self.MARGIN_TOP - self.MARGIN_BOTTOM - legend))

    def _maximum(self) -> int:
        return max((sum(s.counts[i] for s in self.series) for i in range(len(self.periods))), default=0)

    def _segments(self) -> list[tuple[QRectF, str, str, int]]:
        """(rectangle, period, series id, count) of every non-empty segment, bottom up."""
        plot, top = self._plot(), max(1, self._maximum())
        n = len(self.periods)
        if not n:
            return []
        slot = plot.width() / n
        width = max(1.0, slot * 0.8)
        out = []
        for i, period in enumerate(self.periods):
            x = plot.left() + i * slot + (slot - width) / 2
            base = plot.bottom()
            for s in self.series:
                count = s.counts[i]
                if count:
                    h = plot.height() * count / top
                    out.append((QRectF(x, base - h, width, h), period, s.id, count))
                    base -= h
        return out

    def segment_at(self, pos: QPointF) -> tuple[str, str, int] | None:
        for rect, period, sid, count in self._segments():
            if rect.adjusted(0, -1, 0, 1).contains(pos):
                return period, sid, count
        return None

    def segment_centre(self, period: str, series_id: str) -> QPointF | None:
        for rect, p, sid, _count in self._segments():
            if p == period and sid == series_id:
                return rect.center()
        return None

    # --- painting -----------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self.paint(painter)
        finally:
            painter.end()

    def paint(self, painter: QPainter) -> None:
        palette = self.palette()
        dark = is_dark(palette)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        text = palette.color(QPalette.ColorRole.Text)
        if not self.periods:
            painter.setPen(text)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.empty_text)
            return
        plot = self._plot()
        colours = series_colours([s.id for s in self.series], dark)
        top = max(1, self._maximum())
        # horizontal grid and the count axis
        grid = QColor(text)
        grid.setAlphaF(0.18)
        step = _nice_step(top)
        metrics = painter.fontMetrics()
        value = 0
        while value <= top:
            y = plot.bottom() - plot.height() * value / top
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text)
            painter.drawText(QRectF(0, y - 8, plot.left() - 6, 16),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(value))
            value += step
        for rect, _period, sid, _count in self._segments():
            painter.fillRect(rect, colours[sid])
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Base), 1))  # separates segments
            painter.drawLine(rect.topLeft(), rect.topRight())
        # period labels: as many as fit without overlapping
        painter.setPen(text)
        slot = plot.width() / len(self.periods)
        label_w = max(metrics.horizontalAdvance(p) for p in self.periods) + 8
        every = max(1, int(label_w // max(slot, 1)) + 1)
        for i, period in enumerate(self.periods):
            if i % every:
                continue
            x = plot.left() + i * slot + slot / 2
            painter.drawText(QRectF(x - label_w / 2, plot.bottom() + 4, label_w, 18),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, period)
        painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
        self._paint_legend(painter, colours, plot.bottom() + 26, text)

    def _paint_legend(self, painter: QPainter, colours: dict[str, QColor], y: float, text: QColor) -> None:
        per_row = max(1, self.width() // 190)
        metrics = painter.fontMetrics()
        for i, s in enumerate(self.series):
            row, col = divmod(i, per_row)
            x = self.MARGIN_LEFT + col * 190
            top = y + row * self.LEGEND_ROW
            painter.fillRect(QRectF(x, top + 4, 12, 12), colours[s.id])
            painter.setPen(text)
            label = metrics.elidedText(f"{s.label} ({sum(s.counts)})", Qt.TextElideMode.ElideRight, 170)
            painter.drawText(QRectF(x + 16, top, 172, 20), Qt.AlignmentFlag.AlignVCenter, label)

    # --- interaction --------------------------------------------------------------------
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        hit = self.segment_at(event.position())
        if hit is None:
            QToolTip.hideText()
            self.unsetCursor()
            return
        period, sid, count = hit
        label = next(s.label for s in self.series if s.id == sid)
        text = self.tr("{period} · {label}: %n event(s)", "", count).format(period=period, label=label)
        if self.clickable:
            text += "\n" + self.tr("Click to show them in the timeline")
        QToolTip.showText(event.globalPosition().toPoint(), text, self)
        if self.clickable:
            self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.clickable:
            hit = self.segment_at(event.position())
            if hit is not None:
                self.segmentClicked.emit(hit[0], hit[1])
                return
        super().mouseReleaseEvent(event)

    def image(self, scale: float = 2.0) -> QImage:
        """The chart as an image at `scale` × its size on screen (sharp when printed)."""
        size = self.size() if self.width() > 50 else self.sizeHint()
        image = QImage(int(size.width() * scale), int(size.height() * scale), QImage.Format.Format_ARGB32)
        image.setDevicePixelRatio(scale)
        image.fill(self.palette().color(QPalette.ColorRole.Base))
        painter = QPainter(image)
        try:
            self.paint(painter)
        finally:
            painter.end()
        return image


def _nice_step(top: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if top / step <= 6:
            return step
    return max(1, top // 5)
