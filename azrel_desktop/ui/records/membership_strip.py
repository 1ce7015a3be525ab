"""A country's membership and status in organisations over time, two ways:

- `MembershipStrip`, a custom-painted strip of intervals: one lane per organisation (or body),
  a colour per status, disputed intervals hatched, unknown starts fading in from the left and
  open ends fading out to the right; a tooltip gives dates, status, notes and the citing quote,
  and a click (or Enter) opens the citing passage in its source;
- `MembershipTableModel`, the same memberships as table rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QLinearGradient, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ...core.corpus.dates import DateError, parse_edtf
from ...core.query.records import MembershipView, PassageRef
from ...core.research.quotes import as_prose
from ..coding.vocabulary import (
    QT_TRANSLATE_NOOP,
    grade_text,
    interval_bound,
    membership_status,
    reliability_label,
    stance,
)
from ..common import palette as pal
from ..common.colours import is_dark
from ..common.row_model import RowsModel
from ..common.widgets import plain_tooltip

OPEN_START = "0001-01-01"
OPEN_END = "9999-12-31"

_Index = QModelIndex | QPersistentModelIndex


def status_words(status: str) -> str:
    return membership_status(status)


def status_colour(status: str, dark: bool | None = None) -> QColor:
    """A status's colour (ui/common/palette.py) for a dark or light page (default: the
    application's palette)."""
    return QColor(pal.status_colour(status, is_dark() if dark is None else dark))


def _alpha(colour: str, alpha: int) -> QColor:
    c = QColor(colour)
    c.setAlpha(alpha)
    return c


def primary_citation(m: MembershipView) -> PassageRef | None:
    """The passage a click opens: the first supporting one, else the first of any stance."""
    supporting = [c for c in m.citations if c.stance == "supports"]
    return next(iter(supporting or m.citations), None)


def describe_membership(m: MembershipView) -> str:
    """Everything the tooltip says about one interval, as plain text."""
    lines = [QCoreApplication.translate("MembershipStrip", "{country} — {status} of {organisation}").format(
                 country=m.country.label, status=status_words(m.status), organisation=m.organisation.label),
             QCoreApplication.translate("MembershipStrip", "From {start} to {end}").format(
                 start=interval_bound(m.start_label, end=False, edtf=m.start), end=interval_bound(m.end_label, end=True, edtf=m.end))]
    if m.start is None:
        lines.append(QCoreApplication.translate("MembershipStrip", "The start date is not known."))
    if m.note:
        lines.append(QCoreApplication.translate("MembershipStrip", "Note: {note}").format(note=m.note))
    if m.disputed:
        lines.append(QCoreApplication.translate("MembershipStrip", "DISPUTED: {why}").format(
            why=m.dispute_note or QCoreApplication.translate("MembershipStrip", "another source contradicts this")))
    for c in m.citations:
        quote = as_prose(c.quote)
        weak = f"{pal.LOW_RELIABILITY_SYMBOL} " if c.low_reliability else ""
        line = f"{weak}{stance(c.stance)}: “{quote}” — {c.source_title}"
        lines.append(QCoreApplication.translate("MembershipStrip", "{citation} (a source of low reliability: {grade})")
                     .format(citation=line, grade=reliability_label(c.source_grade)) if c.low_reliability else line)
    if primary_citation(m):
        lines.append(QCoreApplication.translate("MembershipStrip", "Click to open the citing passage."))
    return "\n".join(lines)


def _day(value: str) -> date:
    return date.fromisoformat(value[:10])


def _year_fraction(d: date) -> float:
    start = date(d.year, 1, 1)
    days = (date(d.year + 1, 1, 1) - start).days
    return d.year + (d - start).days / days


def _bounds(edtf: str | None) -> tuple[date, date] | None:
    """The calendar bounds of a start or end date, when it is known and parseable."""
    if not edtf:
        return None
    try:
        parsed = parse_edtf(edtf)
    except DateError:
        return None
    return parsed.lower, parsed.upper


@dataclass
class Bar:
    """One painted interval. `ramp_in` / `ramp_out` are the fractions of its width over which it
    fades in and out: an unknown start or open end fades to nothing, an imprecise one (a year,
    "September 1993 – March 1994") fades across the span the date allows."""

    membership: MembershipView
    rect: QRectF
    open_start: bool
    open_end: bool
    ramp_in: float = 0.0
    ramp_out: float = 0.0
    # An open end no source gives: x where the evidence stops (the last dated supporting source,
    # else the start's last possible day); after it the bar is drawn as "no later evidence".
    evidence_x: float | None = None


class MembershipStrip(QWidget):
    """Membership/status intervals painted on a time axis, one lane per organisation."""

    citation_activated = Signal(object)  # PassageRef

    LANE_HEIGHT = 24
    BAR_HEIGHT = 18
    AXIS_HEIGHT = 26
    LEGEND_HEIGHT = 22
    MARGIN = 8

    def __init__(self, parent: QWidget | None = None, *, today: date | None = None):
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Membership and status over time"))
        self._memberships: list[MembershipView] = []
        self._lanes: list[tuple[str, list[list[MembershipView]]]] = []  # label, sub-rows
        self._today = today or date.today()
        self._hover: int | None = None
        self._selected: int | None = None
        self._bars: list[Bar] = []
        self._show_country = False

    # --- data -----------------------------------------------------------------------------
    def set_memberships(self, memberships: list[MembershipView]) -> None:
        self._memberships = list(memberships)
        self._show_country = len({m.country.id for m in memberships}) > 1
        lanes: dict[tuple[str, str], list[MembershipView]] = {}
        for m in sorted(memberships, key=lambda m: (m.date_start, m.date_end, m.id)):
            lanes.setdefault((m.country.id, m.organisation.id), []).append(m)
        self._lanes = []
        for items in lanes.values():
            first = items[0]
            label = (f"{first.country.label} · {first.organisation.label}" if self._show_country
                     else first.organisation.label)
            rows: list[list[MembershipView]] = []
            for m in items:  # overlapping intervals of one organisation go on separate sub-rows
                row = next((r for r in rows if r[-1].date_end <= m.date_start), None)
                if row is None:
                    rows.append([m])
                else:
                    row.append(m)
            self._lanes.append((label, rows))
        self._hover = self._selected = None
        self._layout_bars()  # before the height: the legend names the open ends the bars have
        self.setMinimumHeight(self.sizeHint().height())
        self.updateGeometry()
        self.update()

    def memberships(self) -> list[MembershipView]:
        return list(self._memberships)

    def bars(self) -> list[Bar]:
        """Where each interval is drawn, for hit tests and tests."""
        self._layout_bars()
        return list(self._bars)

    def lane_labels(self) -> list[str]:
        return [label for label, _rows in self._lanes]

    # --- geometry -------------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        rows = sum(len(r) for _label, r in self._lanes) or 1
        return QSize(640, self.MARGIN * 2 + rows * self.LANE_HEIGHT + self.AXIS_HEIGHT
                     + self._legend_rows() * self.LEGEND_HEIGHT)

    def _label_width(self) -> int:
        fm = QFontMetrics(self.font())
        widest = max((fm.horizontalAdvance(label) for label, _r in self._lanes), default=40)
        return min(widest + 16, 220)

    def _years(self) -> tuple[int, int]:
        known = [_day(m.date_start).year for m in self._memberships if not m.date_start.startswith(OPEN_START)]
        known += [_day(m.date_end).year for m in self._memberships if not m.date_end.startswith(OPEN_END)]
        first = min(known, default=self._today.year - 10) - 1
        last = max([*known, self._today.year]) + 2
        return first, last

    def _plot(self) -> QRectF:
        left = self._label_width()
        height = sum(len(r) for _l, r in self._lanes) * self.LANE_HEIGHT
        return QRectF(left, self.MARGIN, max(self.width() - left - self.MARGIN, 10), height)

    def _x(self, d: date, plot: QRectF, years: tuple[int, int]) -> float:
        first, last = years
        fraction = (_year_fraction(d) - first) / (last - first)
        return plot.left() + max(0.0, min(1.0, fraction)) * plot.width()

    def _layout_bars(self) -> None:
        plot, years = self._plot(), self._years()
        self._bars = []
        y = plot.top()
        fade_px = 70.0
        for _label, rows in self._lanes:
            for row in rows:
                for m in row:
                    open_start = m.date_start.startswith(OPEN_START)
                    open_end = m.date_end.startswith(OPEN_END)
                    x0 = plot.left() if open_start else self._x(_day(m.date_start), plot, years)
                    x1 = plot.right() if open_end else self._x(_day(m.date_end), plot, years)
                    width = max(x1 - x0, 4)
                    rect = QRectF(x0, y + (self.LANE_HEIGHT - self.BAR_HEIGHT) / 2, width, self.BAR_HEIGHT)
                    start, end = _bounds(m.start), _bounds(m.end)
                    ramp_in = fade_px if open_start else (
                        self._x(start[1], plot, years) - x0 if start else 0.0)
                    ramp_out = fade_px if open_end else (
                        x1 - self._x(end[0], plot, years) if end else 0.0)
                    evidence_x = None
                    if open_end:
                        until = m.evidence_until
                        last = _day(until) if until else (start[1] if start else None)
                        evidence_x = min(max(self._x(last, plot, years), x0), x1) if last else x0
                        ramp_out = 0.0  # the dashed "no later evidence" part says it, not a fade
                    self._bars.append(Bar(m, rect, open_start, open_end,
                                          min(max(ramp_in, 0.0) / width, 0.5), min(max(ramp_out, 0.0) / width, 0.5),
                                          evidence_x))
                y += self.LANE_HEIGHT

    def resizeEvent(self, event) -> None:
        self._layout_bars()
        if self.minimumHeight() != self.sizeHint().height():  # the legend wraps onto more or fewer rows
            self.setMinimumHeight(self.sizeHint().height())
            self.updateGeometry()
        super().resizeEvent(event)

    def bar_at(self, point: QPointF) -> int | None:
        # later bars are painted on top, so hit-test from the end
        for index in range(len(self._bars) - 1, -1, -1):
            if self._bars[index].rect.adjusted(-2, -2, 2, 2).contains(point):
                return index
        return None

    # --- painting ---------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_colour = palette.windowText().color()
        grid = QColor(text_colour)
        grid.setAlpha(40)
        plot, years = self._plot(), self._years()
        if not self._memberships:
            painter.setPen(text_colour)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No membership or status on record."))
            return
        self._paint_axis(painter, plot, years, text_colour, grid)
        self._paint_lanes(painter, plot, text_colour, grid)
        for index, bar in enumerate(self._bars):
            self._paint_bar(painter, bar, index)
        self._paint_legend(painter, plot, text_colour)

    def _paint_axis(self, painter: QPainter, plot: QRectF, years: tuple[int, int], text_colour: QColor,
                    grid: QColor) -> None:
        first, last = years
        fm = painter.fontMetrics()
        step = next((s for s in (1, 2, 5, 10, 20, 50, 100)
                     if plot.width() / (last - first) * s >= fm.horizontalAdvance("0000") + 12), 100)
        axis_y = plot.bottom() + 4
        painter.setPen(QPen(grid, 1))
        painter.drawLine(QPointF(plot.left(), axis_y), QPointF(plot.right(), axis_y))
        for year in range((first // step + 1) * step, last + 1, step):
            x = self._x(date(year, 1, 1), plot, years)
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, axis_y + 4))
            painter.setPen(text_colour)
            box = QRectF(x - 30, axis_y + 4, 60, fm.height())
            if box.right() > self.width():
                box.moveRight(self.width())
            painter.drawText(box, Qt.AlignmentFlag.AlignHCenter, str(year))
        x_today = self._x(self._today, plot, years)
        pen = QPen(QColor(pal.pick(pal.DISPUTE_UNDERLINE, is_dark(self.palette()))), 1, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(QPointF(x_today, plot.top() - 2), QPointF(x_today, axis_y))

    def _paint_lanes(self, painter: QPainter, plot: QRectF, text_colour: QColor, grid: QColor) -> None:
        fm = painter.fontMetrics()
        y = plot.top()
        for label, rows in self._lanes:
            height = len(rows) * self.LANE_HEIGHT
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(0, y + height), QPointF(plot.right(), y + height))
            painter.setPen(text_colour)
            elided = fm.elidedText(label, Qt.TextElideMode.ElideRight, int(plot.left()) - 12)
            painter.drawText(QRectF(4, y, plot.left() - 8, self.LANE_HEIGHT),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, elided)
            y += height

    def _paint_bar(self, painter: QPainter, bar: Bar, index: int) -> None:
        m, rect = bar.membership, bar.rect
        colour = status_colour(m.status, is_dark(self.palette()))
        if index == self._hover or index == self._selected:
            colour = colour.darker(120)
        gradient = QLinearGradient(rect.left(), 0, rect.right(), 0)
        faint_in, faint_out = QColor(colour), QColor(colour)
        faint_in.setAlpha(0 if bar.open_start else 70)
        faint_out.setAlpha(0 if bar.open_end else 70)
        gradient.setColorAt(0, faint_in if bar.ramp_in else colour)
        gradient.setColorAt(bar.ramp_in, colour)
        gradient.setColorAt(1 - bar.ramp_out, colour)
        gradient.setColorAt(1, faint_out if bar.ramp_out else colour)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(gradient))
        evidenced = rect
        if bar.evidence_x is not None:
            evidenced = QRectF(rect.left(), rect.top(), max(bar.evidence_x - rect.left(), 0.0), rect.height())
            self._paint_no_later_evidence(painter, QRectF(bar.evidence_x, rect.top(),
                                                          max(rect.right() - bar.evidence_x, 0.0), rect.height()),
                                          colour)
        if evidenced.width() > 0:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(gradient))
            painter.drawRoundedRect(evidenced, 3, 3)
        if m.disputed:
            painter.setBrush(QBrush(_alpha(pal.HATCH, 120), Qt.BrushStyle.BDiagPattern))
            painter.drawRoundedRect(rect, 3, 3)
            painter.setPen(QPen(QColor(pal.pick(pal.DISPUTE_UNDERLINE, is_dark(self.palette()))), 1.5,
                                Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
        if index == self._selected and self.hasFocus():
            painter.setPen(QPen(self.palette().highlight().color(), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(-2, -2, 2, 2), 4, 4)
        label = self.tr("{status} (disputed)").format(status=status_words(m.status)) if m.disputed \
            else status_words(m.status)
        fm = painter.fontMetrics()
        if bar.evidence_x is not None and evidenced.width() < fm.horizontalAdvance(label) + 12:
            # too short a solid part for the words: they go on the faint part, in the text colour
            painter.setPen(self.palette().windowText().color())
            painter.drawText(rect.adjusted(evidenced.width() + 6, 0, -6, 0),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             fm.elidedText(label, Qt.TextElideMode.ElideRight, int(rect.width() - evidenced.width() - 12)))
            return
        text_rect = evidenced.adjusted(6, 0, -6, 0)
        text_rect.setLeft(text_rect.left() + bar.ramp_in * rect.width() * 0.6)
        if fm.horizontalAdvance(label) <= text_rect.width():
            painter.setPen(QColor(pal.on_colour(colour.name())))
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, label)

    @staticmethod
    def _paint_no_later_evidence(painter: QPainter, rect: QRectF, colour: QColor) -> None:
        """After the last evidence of an open status: a faint fill and a dashed outline, so it
        cannot read as known to continue."""
        if rect.width() <= 0:
            return
        faint = QColor(colour)
        faint.setAlpha(40)
        painter.setBrush(faint)
        painter.setPen(QPen(colour.darker(115), 1.2, Qt.PenStyle.DashLine))
        painter.drawRoundedRect(rect.adjusted(0.6, 0.6, -0.6, -0.6), 3, 3)

    def _legend_entries(self) -> list[tuple[str, QColor | None, str]]:
        """(mark, colour, words) of each legend entry: mark "box", "hatched", "no_later" or ""."""
        dark = is_dark(self.palette())
        entries: list[tuple[str, QColor | None, str]] = [("box", status_colour(s, dark), status_words(s))
                                                         for s in dict.fromkeys(m.status for m in self._memberships)]
        if any(m.disputed for m in self._memberships):
            entries.append(("hatched", QColor(pal.DISPUTED_SWATCH), self.tr("disputed")))
        if any(b.evidence_x is not None for b in self._bars):
            entries.append(("no_later", QColor(pal.pick(pal.OTHER_STATUS, dark)), self.tr("no later evidence: no source gives an end")))
        entries.append(("", None, self.tr("fading end: date not exact · red dashed line: today")))
        return entries

    def _legend_places(self, width: float) -> list[tuple[float, int]]:
        """Where each legend entry goes: (x, row), wrapping onto another row when the width runs
        out (translated words are longer than the English ones)."""
        fm = QFontMetrics(self.font())
        places, x, row = [], 4.0, 0
        for mark, _colour, text in self._legend_entries():
            needed = {"box": 16, "hatched": 16, "no_later": 26}.get(mark, 0) + fm.horizontalAdvance(text)
            if x > 4 and x + needed > width - 4:
                x, row = 4.0, row + 1
            places.append((x, row))
            x += needed + 14
        return places

    def _legend_rows(self) -> int:
        places = self._legend_places(self.width() if self.width() > 100 else 640)
        return places[-1][1] + 1 if places else 1

    def _paint_legend(self, painter: QPainter, plot: QRectF, text_colour: QColor) -> None:
        fm = painter.fontMetrics()
        top = plot.bottom() + self.AXIS_HEIGHT + 4
        for (mark, colour, text), (x, row) in zip(self._legend_entries(), self._legend_places(self.width()),
                                                  strict=True):
            y = top + row * self.LEGEND_HEIGHT
            if mark == "no_later" and colour is not None:
                self._paint_no_later_evidence(painter, QRectF(x, y + 3, 22, 12), colour)
                x += 26
            elif colour is not None:
                box = QRectF(x, y + 3, 12, 12)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(colour)
                painter.drawRect(box)
                if mark == "hatched":
                    painter.setBrush(QBrush(_alpha(pal.HATCH, 140), Qt.BrushStyle.BDiagPattern))
                    painter.drawRect(box)
                x += 16
            painter.setPen(text_colour)
            painter.drawText(QPointF(x, y + 3 + fm.ascent() - 1), text)

    # --- interaction ----------------------------------------------------------------------------
    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            index = self.bar_at(QPointF(event.pos()))
            if index is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), plain_tooltip(describe_membership(self._bars[index].membership)),
                                  self)
            return True
        return super().event(event)

    def mouseMoveEvent(self, event) -> None:
        index = self.bar_at(event.position())
        if index != self._hover:
            self._hover = index
            self.setCursor(Qt.CursorShape.PointingHandCursor if index is not None else Qt.CursorShape.ArrowCursor)
            self.update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event) -> None:
        self._hover = None
        self.update()
        super().leaveEvent(event)

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            index = self.bar_at(event.position())
            if index is not None:
                self._selected = index
                self.activate(index)
                return
        super().mousePressEvent(event)

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if self._bars and key in (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Up):
            step = 1 if key in (Qt.Key.Key_Right, Qt.Key.Key_Down) else -1
            self._selected = 0 if self._selected is None else (self._selected + step) % len(self._bars)
            bar = self._bars[self._selected]
            QToolTip.showText(self.mapToGlobal(bar.rect.bottomLeft().toPoint()),
                              plain_tooltip(describe_membership(bar.membership)), self)
            self.update()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self._selected is not None:
            self.activate(self._selected)
            return
        super().keyPressEvent(event)

    def activate(self, index: int) -> None:
        ref = primary_citation(self._bars[index].membership)
        if ref is not None:
            self.citation_activated.emit(ref)


class MembershipTableModel(RowsModel):
    """Memberships as rows: country, organisation, status, from, to, disputed, the citing quote."""

    COLUMNS = (QT_TRANSLATE_NOOP("MembershipTableModel", "Country"),
               QT_TRANSLATE_NOOP("MembershipTableModel", "Organisation"),
               QT_TRANSLATE_NOOP("MembershipTableModel", "Status"), QT_TRANSLATE_NOOP("MembershipTableModel", "From"),
               QT_TRANSLATE_NOOP("MembershipTableModel", "To"), QT_TRANSLATE_NOOP("MembershipTableModel", "Evidence"),
               QT_TRANSLATE_NOOP("MembershipTableModel", "Source quote"))
    MEMBERSHIP_ROLE = Qt.ItemDataRole.UserRole

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        text = super().headerData(section, orientation, role)
        return QCoreApplication.translate("MembershipTableModel", text) if isinstance(text, str) else text

    def set_memberships(self, memberships: list[MembershipView]) -> None:
        self.set_rows(memberships)

    def membership(self, row: int) -> MembershipView | None:
        return self.row_at(row)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        m = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            ref = primary_citation(m)
            return (m.country.label, m.organisation.label, status_words(m.status),
                    interval_bound(m.start_label, end=False, edtf=m.start), interval_bound(m.end_label, end=True, edtf=m.end),
                    grade_text(m.evidence),
                    (f"{pal.LOW_RELIABILITY_SYMBOL} " if ref.low_reliability else "") + as_prose(ref.quote)
                    if ref else "")[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(describe_membership(m))
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 2:
            return status_colour(m.status)
        if role == self.MEMBERSHIP_ROLE:
            return m
        return None
