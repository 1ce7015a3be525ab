"""The analysis page in a real window offscreen: it counts under the timeline's filter, paints
what the core counted, exports CSV and PNG, and a click on a bar filters the timeline."""

from __future__ import annotations

import codecs
import csv

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage

from azrel_desktop.core.query.analysis import OTHER_ID
from azrel_desktop.core.query.filters import EventFilter
from azrel_desktop.ui.analysis.analysis_page import filter_for_segment
from azrel_desktop.ui.analysis.bar_chart import series_colours
from azrel_desktop.ui.shell.main_window import MainWindow


@pytest.fixture
def window(qtbot, library):
    w = MainWindow(library, restore=False, warn=lambda *a: None)
    qtbot.addWidget(w)
    w.resize(1200, 900)
    w.show()
    return w


def nato(library) -> str:
    return next(link.id for link in library.records("organisation") if link.label.endswith("(NATO)"))


def open_analysis(qtbot, window):
    window.show_analysis()
    page = window.page("analysis")
    qtbot.waitUntil(lambda: bool(page.tables) and not page.loader.busy(), timeout=10_000)
    return page


def test_the_page_counts_under_the_timelines_filter(qtbot, window, library):
    f = EventFilter(organisations=(nato(library),), date_from="1997", date_to="1999")
    window.timeline.set_filter(f)
    page = open_analysis(qtbot, window)
    assert page.filter == f
    assert page.tables["events"] == library.counts_per_period(f, "organisation")
    assert page.tables["sources"] == library.counts_per_period(f, "source")
    assert page.tables["spread"] == library.sources_per_event(f)
    assert "NATO" in page.filter_label.text() and "1997" in page.filter_label.text()
    chart = page.events_box.chart
    assert chart.periods == ("1997", "1998", "1999")
    assert window.windowTitle().startswith("Analysis")


def test_grouping_by_country_and_per_month_recounts(qtbot, window, library):
    page = open_analysis(qtbot, window)
    page.group_box.setCurrentIndex(page.group_box.findData("country"))
    page.period_box.setCurrentIndex(page.period_box.findData("month"))
    qtbot.waitUntil(lambda: page.tables["events"].group == "country" and page.tables["events"].period == "month",
                    timeout=10_000)
    assert page.tables["events"] == library.counts_per_period(EventFilter(), "country", "month")
    assert page.events_box.heading.text() == "Events per month by country"


def test_clicking_a_bar_filters_the_timeline_to_it(qtbot, window, library):
    page = open_analysis(qtbot, window)
    chart = page.events_box.chart
    table = page.tables["events"]
    series = table.series[0]
    period = table.periods[max(range(len(table.periods)), key=lambda i: series.counts[i])]
    centre = chart.segment_centre(period, series.id)
    assert centre is not None
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=centre.toPoint())
    qtbot.waitUntil(lambda: window.current_page() is window.timeline)
    f = window.timeline.filter()
    assert f.organisations == (series.id,) and (f.date_from, f.date_to) == (period, period)
    qtbot.waitUntil(lambda: not window.timeline.is_loading(), timeout=10_000)
    # the timeline shows at least the bar's events (it also shows spans reaching into that year)
    assert window.timeline.model.total() >= series.counts[table.periods.index(period)]


def test_other_and_none_segments_keep_only_the_date_window():
    f = EventFilter(countries=("AM",))
    assert filter_for_segment(f, "organisation", "1994", OTHER_ID) == EventFilter(
        countries=("AM",), date_from="1994", date_to="1994")
    assert filter_for_segment(f, "source", "1994-05", "src-1").sources == ("src-1",)


def test_a_click_outside_the_bars_does_nothing(qtbot, window):
    page = open_analysis(qtbot, window)
    chart = page.events_box.chart
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert window.current_page() is page


def test_csv_and_png_export(qtbot, window, library, tmp_path):
    page = open_analysis(qtbot, window)
    path = tmp_path / "events.csv"
    assert page.export_csv("events", str(path), excel=True) == len(page.tables["events"].periods)
    data = path.read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    rows = list(csv.reader(data.decode("utf-8-sig").splitlines()))
    assert rows[0] == page.tables["events"].header()
    assert [int(x) for x in rows[1][1:]] == [*(s.counts[0] for s in page.tables["events"].series),
                                              page.tables["events"].events[0]]
    png = tmp_path / "spread.png"
    assert page.export_png("spread", str(png))
    image = QImage(str(png))
    assert image.width() >= 2 * page.spread_box.chart.width() - 1
    assert "written to" in window.statusBar().currentMessage() or "saved to" in window.statusBar().currentMessage()


def test_painted_segments_have_the_series_colours(qtbot, window):
    """Read the painted chart back: each segment's centre has its series' colour."""
    page = open_analysis(qtbot, window)
    chart = page.events_box.chart
    image = chart.image(scale=1.0)
    colours = series_colours([s.id for s in chart.series], dark=False)
    checked = 0
    for rect, _period, sid, _count in chart._segments():
        if rect.height() >= 4 and rect.width() >= 4:
            assert image.pixelColor(rect.center().toPoint()).name() == colours[sid].name()
            checked += 1
    assert checked >= 5


def test_series_colours_are_stable_across_filters():
    a = series_colours(["org-nato", "org-cis", "org-eu"], dark=False)
    b = series_colours(["org-nato", "org-un"], dark=False)
    assert a["org-nato"] == b["org-nato"]
    many = series_colours([f"org-{i}" for i in range(8)], dark=False)
    assert len({c.name() for c in many.values()}) == 8  # within one chart, no two alike
