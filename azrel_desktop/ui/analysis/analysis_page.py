"""`AnalysisPage`: the shape of the data under the timeline's filter.

Three charts, all counted in the core (`Library.counts_per_period`, `Library.sources_per_event`)
off the GUI thread under the one `EventFilter` the timeline has when the page is opened:

1. events per year (or month), stacked by organisation or by country;
2. events per year (or month), stacked by the sources whose passages support them — where
   the evidence is thin, a bar is short or a single colour;
3. how many events have 0, 1, 2, … supporting sources.

Each chart exports as CSV (through the one export dialog) and as PNG. Clicking a segment of
the first two opens the timeline filtered to it: the organisation, country or source, and
that year's (month's) date window, on top of the filter the page was opened with.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...core.query.analysis import NONE_ID, OTHER_ID, Distribution, StackedCounts
from ...core.query.filters import EventFilter
from ..coding.vocabulary import QT_TRANSLATE_NOOP
from ..common.core_labels import chip_label
from ..common.export_formats import ExportFormat, ask_export_path
from ..common.widgets import PlainLabel
from ..shell.context import AppContext
from ..shell.loading import Loader
from ..shell.navigation import Target
from .bar_chart import ChartSeries, StackedBarChart

PNG = ExportFormat("png", QT_TRANSLATE_NOOP("AnalysisPage", "PNG image"), ".png")
FILTER_FIELD = {"organisation": "organisations", "country": "countries", "source": "sources"}


def filter_for_segment(f: EventFilter, group: str, period: str, series_id: str) -> EventFilter:
    """The timeline's filter for one clicked segment: that record (unless the segment is
    "other" or "none") and that period's date window, the rest of `f` kept."""
    changes: dict[str, object] = {"date_from": period, "date_to": period}
    if series_id not in (OTHER_ID, NONE_ID):
        changes[FILTER_FIELD[group]] = (series_id,)
    return replace(f, **changes)  # type: ignore[arg-type]


class ChartBox(QWidget):
    """A chart with its title, a note under it and its two export buttons."""

    def __init__(self, title: str, chart: StackedBarChart, parent: QWidget | None = None):
        super().__init__(parent)
        self.chart = chart
        self.heading = PlainLabel(title, self, selectable=False)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.note = PlainLabel("", self)
        self.csv_button = QPushButton(self.tr("Export CSV…"), self)
        self.png_button = QPushButton(self.tr("Export PNG…"), self)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.csv_button)
        top.addWidget(self.png_button)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(chart, 1)
        lay.addWidget(self.note)


class AnalysisPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.filter = EventFilter()
        self.tables: dict[str, StackedCounts | Distribution] = {}
        self.loader = Loader(self, self._deliver, greyed=lambda: [self.charts_area], failed=self._failed)
        self.loaded = self.loader.loaded

        self.filter_label = PlainLabel("", self)
        self.group_box = QComboBox(self)
        self.group_box.addItem(self.tr("by organisation"), "organisation")
        self.group_box.addItem(self.tr("by country"), "country")
        self.period_box = QComboBox(self)
        self.period_box.addItem(self.tr("per year"), "year")
        self.period_box.addItem(self.tr("per month"), "month")
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Events"), self))
        controls.addWidget(self.period_box)
        controls.addWidget(self.group_box)
        controls.addStretch(1)

        self.events_box = ChartBox(self._events_heading(), StackedBarChart(self), self)
        self.sources_box = ChartBox(self._sources_heading(), StackedBarChart(self), self)
        self.spread_box = ChartBox(self.tr("Sources per event"), StackedBarChart(self, clickable=False), self)
        self.boxes = {"events": self.events_box, "sources": self.sources_box, "spread": self.spread_box}
        inner = QWidget(self)
        inner_lay = QVBoxLayout(inner)
        for box in self.boxes.values():
            inner_lay.addWidget(box)
        self.charts_area = QScrollArea(self)
        self.charts_area.setWidgetResizable(True)
        self.charts_area.setWidget(inner)

        lay = QVBoxLayout(self)
        lay.addWidget(self.filter_label)
        lay.addLayout(controls)
        lay.addWidget(self.charts_area, 1)

        self.group_box.currentIndexChanged.connect(lambda _i: self.reload())
        self.period_box.currentIndexChanged.connect(lambda _i: self.reload())
        self.events_box.chart.segmentClicked.connect(lambda p, s: self._open(self.group(), p, s))
        self.sources_box.chart.segmentClicked.connect(lambda p, s: self._open("source", p, s))
        for key, box in self.boxes.items():
            box.csv_button.clicked.connect(lambda _c=False, k=key: self.export_csv(k))
            box.png_button.clicked.connect(lambda _c=False, k=key: self.export_png(k))
        ctx.changed.connect(lambda _c: self.reload() if self.isVisible() else None)

    # --- the page protocol ----------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Analysis")

    def show_target(self, target: Target) -> None:
        f = next((x for x in target.extra if isinstance(x, EventFilter)), None)
        if f is not None:
            self.filter = f
        self.reload()

    def is_loading(self) -> bool:
        return self.loader.busy()

    def group(self) -> str:
        return str(self.group_box.currentData())

    def _events_heading(self) -> str:
        month, country = self.period() == "month", self.group() == "country"
        if month:
            return self.tr("Events per month by country") if country else self.tr("Events per month by organisation")
        return self.tr("Events per year by country") if country else self.tr("Events per year by organisation")

    def _sources_heading(self) -> str:
        return (self.tr("Events per month by supporting source (coverage)") if self.period() == "month"
                else self.tr("Events per year by supporting source (coverage)"))

    def _series_label(self, group: str, series_id: str, label: str) -> str:
        """The core's "other …" and "no …" series in the interface's words; names as stored."""
        if series_id == OTHER_ID:
            return {"organisation": self.tr("other organisations"), "country": self.tr("other countries"),
                    "source": self.tr("other sources")}.get(group, label)
        if series_id == NONE_ID:
            return {"organisation": self.tr("no organisation"), "country": self.tr("no country"),
                    "source": self.tr("no source")}.get(group, label)
        return label

    def period(self) -> str:
        return str(self.period_box.currentData())

    # --- loading --------------------------------------------------------------------------
    def reload(self) -> None:
        library, f, group, period = self.ctx.library, self.filter, self.group(), self.period()

        def read():
            return {"events": library.counts_per_period(f, group, period),
                    "sources": library.counts_per_period(f, "source", period),
                    "spread": library.sources_per_event(f),
                    "filter": library.describe(f)}

        self.loader.load(read)

    def _deliver(self, result: dict) -> None:
        # the chips in the interface's language, as the timeline shows them
        described = " · ".join(chip_label(c.dimension, c.value, c.label) for c in result.pop("filter"))
        self.filter_label.setText(self.tr("Under the timeline's filter: {filter}").format(filter=described)
                                  if described else self.tr("All events (the timeline has no filter)"))
        self.tables = result
        self.events_box.heading.setText(self._events_heading())
        self.sources_box.heading.setText(self._sources_heading())
        for key, group in (("events", self.group()), ("sources", "source")):
            table = result[key]
            box = self.boxes[key]
            box.chart.set_data(table.periods, tuple(ChartSeries(s.id, self._series_label(group, s.id, s.label),
                                                                s.counts) for s in table.series))
            box.note.setText(self._note(table, key))
        spread: Distribution = result["spread"]
        # the last bin is "N or more"; the others are plain numbers
        bins = tuple(self.tr("{count} or more").format(count=b.split()[0]) if i == len(spread.bins) - 1
                     and not b.isdigit() else b for i, b in enumerate(spread.bins))
        self.spread_box.chart.set_data(bins, (ChartSeries("events", self.tr("events"), spread.counts),))
        single = spread.counts[1] if len(spread.counts) > 1 else 0
        self.spread_box.note.setText(
            self.tr("%n event(s) with no supporting source, {single} with one only, of {total}.", "",
                    spread.counts[0]).format(single=single, total=sum(spread.counts)))

    def _note(self, table: StackedCounts, key: str) -> str:
        parts = []
        if key == "events":
            parts.append(self.tr("An event of several organisations (countries) counts once for each."))
        else:
            parts.append(self.tr("An event counts once for each source whose passages support it."))
        if table.spanning:
            parts.append(self.tr("%n event(s) dated only to a span longer than one month: in no bar.", "",
                                 table.spanning) if table.period == "month" else
                         self.tr("%n event(s) dated only to a span longer than one year: in no bar.", "",
                                 table.spanning))
        if table.series:
            parts.append(self.tr("Click a bar to show its events in the timeline."))
        return " ".join(parts)

    def _failed(self, message: str) -> None:
        self.filter_label.setText(self.tr("The counts could not be read: {reason}").format(reason=message))

    def _open(self, group: str, period: str, series_id: str) -> None:
        self.ctx.go(Target("timeline", extra=(filter_for_segment(self.filter, group, period, series_id),)))

    # --- export ---------------------------------------------------------------------------
    def export_csv(self, key: str, path: str | None = None, *, excel: bool = False) -> int | None:
        table = self.tables.get(key)
        if table is None:
            return None
        if path is None:
            choice = ask_export_path(self, self.tr("Export the chart's counts"), f"azrel-{key}.csv")
            if choice is None:
                return None
            path, excel = str(choice.path), choice.format.excel
        library = self.ctx.library
        try:
            rows = library.write_atomically(path, lambda out: library.export_table(table, out, excel=excel))
        except OSError as exc:
            self.ctx.status.emit(self.tr("Export failed: {reason}").format(reason=exc))
            return None
        self.ctx.status.emit(self.tr("%n row(s) written to {path}", "", rows).format(path=path))
        return rows

    def export_png(self, key: str, path: str | None = None) -> bool:
        if path is None:
            png = ExportFormat(PNG.key, QCoreApplication.translate("AnalysisPage", PNG.label), PNG.suffix)
            choice = ask_export_path(self, self.tr("Export the chart as an image"), f"azrel-{key}.png", [png])
            if choice is None:
                return False
            path = str(choice.path)
        if not path.lower().endswith(".png"):
            path += ".png"  # the format follows the suffix
        ok = self.boxes[key].chart.image().save(path)
        self.ctx.status.emit(self.tr("Chart saved to {path}").format(path=path) if ok
                             else self.tr("Export failed: {path} could not be written").format(path=path))
        return ok
