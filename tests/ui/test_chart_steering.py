"""The chart explains itself: map gestures (the wheel zooms about the pointer, Shift+wheel pans
in time, the lanes scroll), a hint on screen, a colour per organisation or country that no
filter changes, the axis following the From/To window, honest open ends, and disputed marks
that read on every lane colour."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from azrel_desktop.core.query.filters import EventFilter
from azrel_desktop.ui.common import colour_vision as cv
from azrel_desktop.ui.common import palette as pal
from azrel_desktop.ui.timeline.chart_scene import EVIDENCE_MARKS
from azrel_desktop.ui.timeline.timeline_chart import HINT, OTHER


def show(qtbot, chart, f: EventFilter) -> None:
    with qtbot.waitSignal(chart.loaded):
        chart.set_filter(f)


def test_the_plain_wheel_zooms_about_the_pointer_even_at_full_view(chart, wheel):
    canvas = chart.canvas
    fitted = canvas.ppd
    x = canvas.LABEL_W + 250
    day = canvas.day_at(x)
    wheel(canvas, 240, x=x)
    assert canvas.ppd == pytest.approx(fitted * 1.25 ** 2)
    assert abs(canvas.x_of(day) - x) <= 1  # the date under the pointer stays put (to the pixel)
    wheel(canvas, -480, x=x)  # never narrower than the whole range
    assert canvas.ppd == pytest.approx(fitted)


def test_shift_wheel_pans_in_time_and_alt_wheel_scrolls_lanes(chart, wheel):
    canvas = chart.canvas
    canvas.zoom(6)
    h, v = canvas.horizontalScrollBar(), canvas.verticalScrollBar()
    h.setValue(h.maximum() // 2)
    start, ppd = h.value(), canvas.ppd
    wheel(canvas, -120, Qt.KeyboardModifier.ShiftModifier)
    assert h.value() > start and canvas.ppd == ppd
    assert v.maximum() > 0, "more lanes than fit: the scrollbar moves through them"
    wheel(canvas, -120, Qt.KeyboardModifier.AltModifier)
    assert v.value() > 0 and canvas.ppd == ppd


def test_a_hint_in_the_chart_says_how_to_steer(chart):
    hint = chart.canvas.hint
    assert hint.isVisible() and hint.text() == HINT
    assert "zoom" in HINT and "Shift+wheel" in HINT
    assert chart.canvas.viewport().rect().contains(hint.geometry())
    assert hint.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)


def test_lane_colours_are_the_same_whatever_the_filter(qtbot, chart, library):
    chart.set_mode("country")
    before = {label: colour.name() for label, colour in chart.canvas.lanes}
    assert "Armenia" in before
    show(qtbot, chart, EventFilter(countries=("AM",)) if "AM" in {c.id for c in library.records("country")}
         else EventFilter(text="Armenia"))
    after = {label: colour.name() for label, colour in chart.canvas.lanes}
    assert after["Armenia"] == before["Armenia"] == pal.lane_colour("Armenia")
    for label, colour in after.items():
        assert colour == (pal.OTHER_LANE if label == OTHER else pal.lane_colour(label))


def test_the_axis_follows_the_from_to_window(qtbot, chart, library):
    show(qtbot, chart, EventFilter(date_from="1997", date_to="1999"))
    scene = chart.canvas.scene
    assert (scene.d0, scene.d1) == (date(1997, 1, 1).toordinal(), date(2000, 1, 1).toordinal())
    # an event from before 1997 still going on is cut at the window's edge, not stretching it
    first, last = chart.canvas.visible_days()
    assert first >= scene.d0 - 1 and last <= scene.d1 + 10 / chart.canvas.ppd  # a few pixels of margin
    assert all(scene.d0 <= it.start < it.end <= scene.d1 for it in chart.canvas.items)
    assert any(it.cut_start for it in chart.canvas.items)


def test_an_open_ended_event_shows_no_later_evidence_after_its_last_source(qtbot, chart, library):
    row = next(r for r in library.rows(EventFilter(), limit=10_000) if r.id == "ev-1992-de-az-development-aid")
    assert row.date_end.startswith("9999")
    it = chart.canvas.item_for(row.id)
    assert it is not None and it.open_end and it.evidence_end is not None
    x = chart.canvas.scene.evidence_x(it)
    assert x is not None and it.box is not None and x < it.box[0] + it.box[2]
    # the 'no later evidence' part starts where the sources stop, well before the chart's end
    assert chart.canvas.scene.d0 + x / chart.canvas.ppd < date.today().toordinal() - 365
    assert "no later evidence" in chart.legend.text() and "no later evidence" in chart.legend.toolTip()


def test_disputed_marks_are_ringed_to_read_on_every_lane_colour(chart):
    groups = chart.canvas.scene.paths()
    kinds = [g[0] for g in groups]
    assert "ring" in kinds and kinds.index("ring") < len(kinds) - 1
    ring = next(g for g in groups if g[0] == "ring")
    assert ring[1].color().name() == pal.MARK_RING and ring[1].widthF() > 2
    fill = EVIDENCE_MARKS["contested"][1].name()
    outline = EVIDENCE_MARKS["contested"][2].name()
    for lane in pal.LANE_COLOURS:
        # one of the ring, the outline or the fill stands out from every lane colour
        assert max(cv.contrast(c, lane) for c in (pal.MARK_RING, outline, fill)) >= 3, lane
