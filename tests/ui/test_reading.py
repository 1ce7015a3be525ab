"""Reading the evidence where it is quoted: quotes as prose in the detail pane and on record
pages, and the mark of a low-reliability source beside its passages."""

from __future__ import annotations

from PySide6.QtCore import Qt

from azrel_desktop.core.query.filters import EventFilter
from azrel_desktop.core.research.quotes import as_prose
from azrel_desktop.ui.timeline.timeline_page import TimelinePage

from .test_timeline import settle

WRAPPED_EVENT = "ev-1993-az-coup-aliyev-returns"


def timeline(qtbot, ctx) -> TimelinePage:
    page = TimelinePage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 760)
    page.show()
    settle(qtbot, page)
    return page


def test_detail_pane_shows_quotes_without_the_source_line_breaks(qtbot, ctx, library):
    page = timeline(qtbot, ctx)
    page.select_event(WRAPPED_EVENT)
    settle(qtbot, page)
    cards = page.detail.passages
    assert cards and any("\n" in c.ref.quote for c in cards)
    for card in cards:
        assert card.quote.text() == f"“{as_prose(card.ref.quote)}”"
        assert "\n" not in card.quote.text()


def test_an_invalid_date_clears_its_bound_and_the_chips_say_so(qtbot, ctx, library):
    page = timeline(qtbot, ctx)
    dates = page.panel.dates
    qtbot.keyClicks(dates.date_from, "1997")
    with qtbot.waitSignal(page.filterChanged):
        qtbot.keyClick(dates.date_from, Qt.Key.Key_Return)
    assert page.filter().date_from == "1997"
    settle(qtbot, page)
    # typed over: the old bound must not stay applied, unseen
    dates.date_from.selectAll()
    qtbot.keyClicks(dates.date_from, "abc")
    with qtbot.waitSignal(page.filterChanged) as sig:
        qtbot.keyClick(dates.date_from, Qt.Key.Key_Return)
    assert sig.args[0].date_from is None
    settle(qtbot, page)
    assert page.filter() == EventFilter()
    assert page.chips.count_text() == f"{library.total():,} of {library.total():,} events"
    assert page.chips.notice_texts() == ["From “abc” is not a date: ignored"]
    assert page.chips.notices[0].isVisible()
    assert dates.date_from.text() == "abc" and not dates.message.isHidden()
    # the notice clears what was typed
    qtbot.mouseClick(page.chips.notices[0], Qt.MouseButton.LeftButton)
    assert dates.date_from.text() == "" and page.chips.notice_texts() == []
    assert dates.message.isHidden()


def test_a_filter_set_from_elsewhere_clears_the_notice(qtbot, ctx, library):
    page = timeline(qtbot, ctx)
    dates = page.panel.dates
    qtbot.keyClicks(dates.date_to, "sometime")
    qtbot.keyClick(dates.date_to, Qt.Key.Key_Return)
    assert page.chips.notice_texts() == ["To “sometime” is not a date: ignored"]
    page.set_filter(EventFilter(date_from="1999"))
    settle(qtbot, page)
    assert page.chips.notice_texts() == [] and dates.date_to.text() == ""
