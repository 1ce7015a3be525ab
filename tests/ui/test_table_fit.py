"""Readable tables: columns sized to their content, the title taking the spare width, narrow
marker columns, elided cells with their full text as a tooltip, and two-line rows where the
window has the room (timeline table, record pages, notes page)."""

from __future__ import annotations

import html

import pytest
from PySide6.QtCore import Qt

from azrel_desktop.ui.common.table_fit import NARROW_MAX, PADDING, TITLE_MIN
from azrel_desktop.ui.timeline.timeline_page import TimelinePage

from .test_timeline import settle


def fitted_page(qtbot, ctx, size):
    page = TimelinePage(ctx)
    qtbot.addWidget(page)
    page.resize(*size)
    page.show()
    settle(qtbot, page)
    fitter = page.table.fitter
    qtbot.waitUntil(lambda: not fitter._timer.isActive())
    return page


@pytest.mark.parametrize("size", [(1440, 900), (1024, 600)])
def test_the_title_takes_the_spare_width_and_markers_stay_narrow(qtbot, ctx, size):
    page = fitted_page(qtbot, ctx, size)
    table, model = page.table, page.model
    title = model.column_of("title")
    widths = {c: table.columnWidth(c) for c in range(model.columnCount())}
    assert widths[title] == max(widths.values())
    assert widths[title] >= min(TITLE_MIN, table.viewport().width() // 3)
    for key in ("sources", "annotations"):
        assert widths[model.column_of(key)] <= NARROW_MAX
    # together the columns fill the table, no more
    assert abs(sum(widths.values()) - table.viewport().width()) <= 2


def test_columns_fit_their_content_when_there_is_room(qtbot, ctx):
    page = fitted_page(qtbot, ctx, (1900, 1000))
    page.splitter.setSizes([0, 1900, 0])  # the table alone: room for every column
    table, model = page.table, page.model
    qtbot.waitUntil(lambda: table.viewport().width() > 1700 and not table.fitter._timer.isActive())
    fm = table.fontMetrics()
    wanted = table.fitter.wanted()
    for column, width in wanted.items():
        assert table.columnWidth(column) == width  # room for all: nothing squeezed
    kind = model.column_of("kind")
    longest = max(fm.horizontalAdvance(model.data(model.index(r, kind))) for r in range(min(model.rowCount(), 200)))
    assert table.columnWidth(kind) >= longest + PADDING  # every kind shown whole


def test_elided_cells_carry_their_full_text_as_a_tooltip(qtbot, ctx):
    page = fitted_page(qtbot, ctx, (1024, 600))
    table, model = page.table, page.model
    fm = table.fontMetrics()
    checked = 0
    for column in range(model.columnCount()):
        for row in range(min(model.rowCount(), 60)):
            text = model.data(model.index(row, column))
            if text and fm.horizontalAdvance(text) + 8 > table.columnWidth(column):
                tip = model.data(model.index(row, column), Qt.ItemDataRole.ToolTipRole)
                # the symbols (✎, evidence shapes, ? ~) are explained in the tip in words
                words = text.split(" (")[0].strip(" ?~≈*✎◆•◇▲")
                assert words.casefold() in html.unescape(tip).replace("\n", ", ").casefold(), (column, text, tip)
                checked += 1
    assert checked, "a small window elides something"


def test_rows_are_two_lines_tall_where_the_window_allows(qtbot, ctx):
    page = fitted_page(qtbot, ctx, (1440, 1000))
    line = page.table.fontMetrics().lineSpacing()
    assert page.table.fitter.two_line_rows() and page.table.wordWrap()
    assert page.table.verticalHeader().defaultSectionSize() >= 2 * line
    page.resize(1440, 420)  # a short window: one line each, more rows in view
    qtbot.waitUntil(lambda: not page.table.fitter.two_line_rows())
    assert page.table.verticalHeader().defaultSectionSize() < 2 * line


def test_notes_page_and_record_pages_are_fitted(qtbot, ctx):
    from azrel_desktop.ui.notes.annotations_page import AnnotationsPage
    from azrel_desktop.ui.records.organisation_page import OrganisationPage
    from azrel_desktop.ui.shell.navigation import Target

    from .test_record_pages import make

    org = make(qtbot, OrganisationPage, ctx, Target("organisation", "org-nato"), show=True)
    events = page_events_table(org)
    assert events.fitter.stretch == events.model.column_of("title")
    members = org.memberships
    assert members.fitter.stretch == members.model.columnCount() - 1
    notes = AnnotationsPage(ctx)
    qtbot.addWidget(notes)
    assert notes.fitter.stretch == 1 and 5 in notes.fitter.narrow


def page_events_table(page):
    from azrel_desktop.ui.records.links import EventsTable

    return page.findChildren(EventsTable)[0]
