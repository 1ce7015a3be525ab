"""Reading the evidence where it is quoted: quotes as prose in the detail pane and on record
pages, and the mark of a low-reliability source beside its passages."""

from __future__ import annotations

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
