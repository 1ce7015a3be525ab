"""The painted timeline: lanes, points and spans, zoom and pan, selection, the row limit."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QThread
from PySide6.QtWidgets import QApplication

from azrel_desktop.core.query.filters import EventFilter
from azrel_desktop.ui.timeline.timeline_chart import HOME_COUNTRY, OTHER, PICTURE_SPARE_HEIGHT, TimelineChart


def org_tree(library):
    parents = {link.id: link.role for link in library.records("organisation")}

    def top(org):
        while parents.get(org):
            org = parents[org]
        return org

    return top


def test_bodies_are_drawn_in_their_parents_lane(chart, library):
    top = org_tree(library)
    short = {fv.value: fv.label for fv in library.facets(EventFilter()).organisations}
    expected = {short[top(o)] for r in library.rows(EventFilter(), limit=10_000) for o in r.organisation_ids}
    labels = set(chart.lane_labels()) - {OTHER}
    assert labels == expected
    bodies = {short[link.id] for link in library.records("organisation") if link.role}
    assert not labels & bodies
    lanes = chart.lane_labels()
    for it in chart.canvas.items:
        if it.row.organisation_ids:
            assert lanes[it.lane] in {short[top(o)] for o in it.row.organisation_ids}
        else:
            assert lanes[it.lane] == OTHER


def test_every_event_is_drawn(chart, library):
    assert {it.row.id for it in chart.canvas.items} == {r.id for r in library.rows(EventFilter(), limit=10_000)}
    assert chart.note.text() == f"{library.total()} events"


def test_country_lanes_show_the_partner(qtbot, chart, library):
    chart.set_mode("country")
    assert chart.by_country.isChecked()
    lanes = chart.lane_labels()
    for it in chart.canvas.items:
        partners = [c for c in it.row.countries if c != HOME_COUNTRY] or list(it.row.countries)
        assert lanes[it.lane] in (partners or [OTHER]) or lanes[it.lane] == OTHER
    assert HOME_COUNTRY not in lanes or any(it.row.countries == (HOME_COUNTRY,) for it in chart.canvas.items)
    chart.by_org.click()
    assert chart.mode == "organisation"


def test_days_are_points_and_other_precisions_are_spans(chart):
    items = chart.canvas.items
    days = [it for it in items if it.row.precision == "day" and it.row.date_start == it.row.date_end]
    spans = [it for it in items if it.row.precision in ("month", "season", "year", "interval")]
    assert days and spans
    assert all(it.point for it in days)
    assert not any(it.point for it in spans)
    month = next(it for it in spans if it.row.precision == "month")
    chart.canvas.zoom(50)
    assert chart.canvas.item_view_rect(month).width() > chart.canvas.item_view_rect(days[0]).width()


def test_approximate_and_open_dates_are_marked(chart, library):
    fuzzy = [it for it in chart.canvas.items if it.row.approximate or it.row.uncertain]
    assert fuzzy and all(it.fuzzy for it in fuzzy)
    assert not any(it.fuzzy for it in chart.canvas.items if not (it.row.approximate or it.row.uncertain))
    opened = [it for it in chart.canvas.items if it.row.date_start.startswith("0001")]
    assert all(it.open_start and it.start >= chart.canvas.scene.d0 for it in opened)
    image = chart.grab().toImage()  # paints points, spans, fuzzy, open and disputed items
    assert not image.isNull()


def whole_range_visible(canvas) -> bool:
    first, last = canvas.visible_days()
    return first <= canvas.scene.d0 + 1 and last >= canvas.scene.d1 - 1


def test_zoom_buttons_wheel_and_fit(qtbot, chart, wheel):
    canvas = chart.canvas
    fitted = canvas.ppd
    assert whole_range_visible(canvas)
    qtbot.mouseClick(chart.zoom_in, Qt.MouseButton.LeftButton)
    assert canvas.ppd == pytest.approx(fitted * 1.5)
    assert not whole_range_visible(canvas)
    for _ in range(3):  # never narrower than the whole range
        qtbot.mouseClick(chart.zoom_out, Qt.MouseButton.LeftButton)
    assert canvas.ppd <= fitted * 1.001
    assert whole_range_visible(canvas)
    canvas.zoom(2)
    before = canvas.ppd
    x = canvas.LABEL_W + 200
    day = canvas.day_at(x)
    pos = wheel(canvas, 240, Qt.KeyboardModifier.ControlModifier, x=x)
    assert canvas.ppd == pytest.approx(before * 1.25 ** 2)
    assert canvas.day_at(pos.x()) == pytest.approx(day, abs=2)  # zoomed around the mouse
    qtbot.mouseClick(chart.zoom_fit, Qt.MouseButton.LeftButton)
    assert whole_range_visible(canvas)


def test_drag_and_wheel_pan(qtbot, chart, wheel):
    canvas = chart.canvas
    canvas.zoom(8)
    h = canvas.horizontalScrollBar()
    h.setValue(h.maximum() // 2)
    start = h.value()
    vp = canvas.viewport()
    y = canvas.AXIS_H + 2
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=QPoint(400, y))
    qtbot.mouseMove(vp, QPoint(300, y))
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=QPoint(300, y))
    assert h.value() == start + 100
    # Shift+wheel pans in time (the plain wheel zooms: see test_the_plain_wheel_zooms_about_the_pointer)
    ppd = canvas.ppd
    wheel(canvas, -120, Qt.KeyboardModifier.ShiftModifier, x=400)
    assert h.value() > start + 100 and canvas.ppd == ppd


def test_click_selects_and_select_event_scrolls_into_view(qtbot, chart):
    canvas = chart.canvas
    canvas.zoom(20)
    last = max(canvas.items, key=lambda it: it.start)
    chart.select_event(last.row.id)
    assert chart.selected() == last.row.id
    r = canvas.item_view_rect(last)
    assert canvas.LABEL_W <= r.center().x() <= canvas.viewport().width()
    first = min((it for it in canvas.items if not it.open_start), key=lambda it: it.start)
    canvas.ensure_visible(first)
    pos = canvas.item_view_rect(first).center().toPoint()
    with qtbot.waitSignal(chart.eventClicked) as sig:
        qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert sig.args[0] == canvas.item_at(QPointF(pos)).row.id
    assert chart.selected() == sig.args[0]


def test_beyond_its_limit_the_chart_shows_a_sample_over_the_whole_span_and_says_so(qtbot, library):
    c = TimelineChart(library, limit=8)
    qtbot.addWidget(c)
    with qtbot.waitSignal(c.loaded):
        c.set_filter(EventFilter())
    shown = {it.row.id for it in c.canvas.items}
    assert shown == {r.id for r in library.sample(EventFilter(), 8)}
    assert 0 < len(shown) < library.total()
    assert c.note.text() == f"{len(shown)} of {library.total()} events, sampled"
    assert "same filter gives the same sample" in c.note.toolTip()
    with qtbot.waitSignal(c.loaded):
        c.set_filter(EventFilter(disputed=True))
    disputed = library.rows(EventFilter(disputed=True), limit=100)
    assert len(disputed) <= 8 and {it.row.id for it in c.canvas.items} == {r.id for r in disputed}
    assert c.note.text() == f"{len(disputed)} event{'s' if len(disputed) != 1 else ''}" and c.note.toolTip() == ""


def test_a_narrow_chart_cuts_its_legend_not_its_note(qtbot, library):
    c = TimelineChart(library, limit=8)
    qtbot.addWidget(c)
    c.resize(560, 320)
    c.show()
    with qtbot.waitSignal(c.loaded):
        c.set_filter(EventFilter())
    qtbot.waitUntil(lambda: c.note.width() >= c.note.sizeHint().width())
    assert c.legend.width() < c.legend.sizeHint().width()
    assert c.note.geometry().right() < c.legend.geometry().left()


def test_empty_result_paints_a_message(qtbot, chart):
    with qtbot.waitSignal(chart.loaded):
        chart.set_filter(EventFilter(text="qqq no such thing"))
    assert chart.canvas.items == []
    assert chart.note.text() == "0 events"
    assert not chart.grab().toImage().isNull()


def test_every_item_is_in_exactly_one_paint_group_and_shows_its_lane_colour(chart):
    canvas = chart.canvas
    canvas.grab()  # a paint builds the groups
    drawn = []
    for kind, _pen, _brush, shapes in canvas.scene.paths():
        if kind == "rects" or kind == "ellipses":
            drawn += [tuple(round(v, 3) for v in (r.x(), r.y(), r.width())) for r in shapes]
        elif kind == "points":
            drawn += [(round(p.x(), 3), round(p.y(), 3)) for p in shapes]
        elif kind == "faded":
            drawn.append(shapes.row.id)
    assert len(drawn) == len(canvas.items)

    image = canvas.viewport().grab().toImage()
    dx, dy = canvas.LABEL_W - canvas.horizontalScrollBar().value(), -canvas.verticalScrollBar().value()
    for it in canvas.items:
        if it.faded or it.row.disputed:
            continue
        x, y, w, h = it.box
        centre = QPoint(round(x + w / 2 + dx), round(y + h / 2 + dy))
        if not image.rect().contains(centre):
            continue
        colour = image.pixelColor(centre)
        lane = canvas.lanes[it.lane][1]
        assert colour != canvas.palette().base().color(), it.row.id  # something is painted there
        assert abs(colour.hue() - lane.hue()) <= 12 or lane.saturation() < 30, it.row.id


def test_a_repaint_with_nothing_changed_reuses_what_was_drawn(chart, monkeypatch):
    canvas = chart.canvas
    drawn = []
    real = canvas._picture
    monkeypatch.setattr(canvas, "_picture", lambda view: drawn.append(1) or real(view))
    canvas.viewport().repaint()
    before = canvas.viewport().grab().toImage()
    drawn.clear()
    canvas.viewport().repaint()  # e.g. a neighbouring label changed its text
    assert drawn == []
    assert canvas.viewport().grab().toImage() == before

    for change in (lambda: canvas.select(canvas.items[0].row.id), lambda: canvas.zoom(2),
                   lambda: canvas.horizontalScrollBar().setValue(canvas.horizontalScrollBar().value() + 40),
                   lambda: chart.set_mode("country")):
        drawn.clear()
        change()
        canvas.viewport().repaint()
        assert drawn == [1]
        assert canvas.viewport().grab().toImage() != before
        before = canvas.viewport().grab().toImage()


def test_a_new_filter_is_laid_out_and_painted_by_the_worker_as_the_canvas_would(qtbot, chart, monkeypatch):
    canvas = chart.canvas
    chosen = next(it.row.id for it in canvas.items if it.row.disputed)
    chart.select_event(chosen)
    canvas.viewport().repaint()  # the selection's paint, done before counting
    laid_out, painted = [], []
    real_relayout, real_picture = canvas.scene.relayout, canvas._picture
    monkeypatch.setattr(canvas, "_picture", lambda view: painted.append(1) or real_picture(view))
    monkeypatch.setattr("azrel_desktop.ui.timeline.chart_scene.ChartScene.relayout",
                        lambda self, ppd, real=real_relayout.__func__: laid_out.append(
                            QThread.currentThread() is QApplication.instance().thread()) or real(self, ppd))
    with qtbot.waitSignal(chart.loaded):
        chart.set_filter(EventFilter(disputed=True))
    canvas.viewport().repaint()
    assert laid_out == [False] and painted == []  # laid out in the worker; shown as it painted it
    shown = canvas.viewport().grab().toImage()
    assert {it.row.id for it in canvas.items} == {r.id for r in chart._library.rows(EventFilter(disputed=True))}
    assert chart.selected() == chosen
    canvas._painted = None  # the same view painted here, on the GUI thread, is the same pixels
    canvas.viewport().repaint()
    assert painted == [1]
    assert canvas.viewport().grab().toImage() == shown


def test_a_width_or_lane_change_during_a_load_lays_the_chart_out_again(qtbot, chart, library):
    chart.set_filter(EventFilter(disputed=True))
    chart.resize(700, 320)  # narrower before the result arrives
    with qtbot.waitSignal(chart.loaded):
        pass
    assert chart.canvas.viewport().width() < 700
    assert whole_range_visible(chart.canvas)
    rightmost = max(it.box[0] + it.box[2] for it in chart.canvas.items)
    assert rightmost <= chart.canvas.viewport().width() - chart.canvas.LABEL_W

    chart.set_filter(EventFilter())
    chart.by_country.click()  # before the result arrives: its lanes are by organisation
    with qtbot.waitSignal(chart.loaded):
        pass
    partners = {c for r in library.rows(EventFilter(), limit=10_000) for c in r.countries} | {OTHER}
    assert set(chart.lane_labels()) <= partners


def test_the_top_of_a_taller_picture_is_the_picture_of_a_lower_view(qtbot, chart):
    """The worker paints a little below the viewport it was asked for, since the panes above
    may still take their final size; what it painted must then be what the canvas would."""
    canvas = chart.canvas
    low = canvas.view()
    tall = replace(low, height=low.height + PICTURE_SPARE_HEIGHT)
    assert tall.shows(low, exact=False) and not low.shows(tall, exact=False)
    assert not tall.shows(low, exact=True)  # an empty chart centres its message
    assert not tall.shows(replace(low, scroll_y=low.scroll_y + 1), exact=False)
    cut = canvas.scene.picture(tall).copy(0, 0, low.width, low.height)
    assert cut == canvas.scene.picture(low)


# --- evidence marks --------------------------------------------------------------------------------

def marks_drawn(scene) -> tuple[dict[str, int], list[int], int]:
    """Marks per grade over every path of filled marks, the marks in each such path, and the
    marks in the ring paths."""
    from azrel_desktop.ui.timeline.chart_scene import EVIDENCE_MARKS

    drawn: dict[str, int] = {}
    sizes, ringed = [], 0
    for kind, pen, brush, shape in scene.paths():
        if kind == "path":
            grade = next(g for g, (_s, fill, outline) in EVIDENCE_MARKS.items()
                         if brush.color() == fill and pen.color() == outline)
            sizes.append(len(shape.toSubpathPolygons()))
            drawn[grade] = drawn.get(grade, 0) + sizes[-1]
        elif kind == "ring":
            ringed += len(shape.toSubpathPolygons())
    return drawn, sizes, ringed


def test_each_event_carries_the_mark_of_its_evidence_grade(chart, library):
    drawn, _sizes, ringed = marks_drawn(chart.canvas.scene)
    expected: dict[str, int] = {}
    for it in chart.canvas.items:
        expected[it.row.evidence] = expected.get(it.row.evidence, 0) + 1
    assert drawn == expected
    assert ringed == len(chart.canvas.items)
    assert {"single_source", "uncorroborated", "contested"} <= set(drawn)


def test_marks_are_drawn_a_few_dozen_to_a_path_each_once(chart, monkeypatch):
    """Qt rasterises one path holding the interpreter lock, in more than linear time: many
    marks go in several paths, every mark in exactly one, ringed once."""
    from azrel_desktop.ui.timeline import chart_scene

    scene = chart.canvas.scene
    whole, _sizes, _ringed = marks_drawn(scene)
    monkeypatch.setattr(chart_scene, "MARKS_PER_PATH", 3)
    scene._paths = None  # laid out again with the smaller paths
    drawn, sizes, ringed = marks_drawn(scene)
    assert drawn == whole and ringed == sum(whole.values())
    assert max(sizes) == 3 and len(sizes) > len(whole)
    kinds = [g[0] for g in scene.paths() if g[0] in ("ring", "path")]
    assert kinds.index("path") > kinds.index("ring")  # each grade's rings under its marks


def test_the_marks_are_painted_in_their_colours(chart):
    from azrel_desktop.ui.timeline.chart_scene import EVIDENCE_MARKS

    chart.canvas.fit()
    image = chart.canvas.grab().toImage()
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 1)
               for y in range(0, image.height(), 2)}
    assert EVIDENCE_MARKS["contested"][1].name() in colours
    assert EVIDENCE_MARKS["uncorroborated"][2].name() in colours  # its outline (the fill is white)


def test_the_legend_names_every_grade_and_the_tooltips_explain_it(chart, library):
    from azrel_desktop.core.corpus.evidence import GRADE_EXPLANATIONS, GRADE_LABELS, GRADE_SYMBOLS

    legend = chart.legend.text()
    for grade, label in GRADE_LABELS.items():
        assert f"{GRADE_SYMBOLS[grade]} {label}" in legend
        assert GRADE_EXPLANATIONS[grade] in chart.legend.toolTip()
    weak = next(it for it in chart.canvas.items if it.row.id == "ev-2016-az-de-trade")
    assert "Evidence: uncorroborated (supported only by sources of low reliability)" \
        in chart.canvas.tooltip_text(weak)


def test_an_evidence_filter_draws_only_its_grade(qtbot, chart, library):
    with qtbot.waitSignal(chart.loaded):
        chart.set_filter(EventFilter(disputed=False))
    assert chart.canvas.items and not any(it.row.evidence == "contested" for it in chart.canvas.items)
    with qtbot.waitSignal(chart.loaded):
        chart.set_filter(EventFilter(evidence=("uncorroborated", "contested")))
    assert {it.row.evidence for it in chart.canvas.items} == {"uncorroborated", "contested"}
