"""Reading the evidence where it is quoted: quotes as prose in the detail pane and on record
pages, and the mark of a low-reliability source beside its passages."""

from __future__ import annotations

from PySide6.QtCore import Qt

from azrel_desktop.core.query.filters import EventFilter
from azrel_desktop.core.research.quotes import as_prose
from azrel_desktop.ui.shell.navigation import Target
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


# --- reliability where evidence is read -----------------------------------------------------------

def test_a_low_reliability_source_has_a_banner_and_others_none(qtbot, ctx):
    from .test_source_page import make_page, open_target

    page = make_page(qtbot, ctx, show=True)
    open_target(qtbot, page, Target("source", "src-001"))  # graded E in the corpus
    record = ctx.library.source("src-001")
    assert record.reliability_grade == "E"
    banner = page.reliability_banner
    assert banner.isVisible()
    assert "low reliability" in banner.text() and "E — unreliable" in banner.text()
    assert banner.textFormat() == Qt.TextFormat.PlainText
    open_target(qtbot, page, Target("source", "src-000"))  # graded B
    assert not banner.isVisible()


def test_quotes_from_a_low_reliability_source_are_marked_in_the_detail_pane(qtbot, ctx, library):
    page = timeline(qtbot, ctx)
    page.select_event("ev-1994-az-eapc-participation-claim")
    settle(qtbot, page)
    cards = page.detail.passages
    weak = [c for c in cards if c.ref.source_id == "src-001"]
    strong = [c for c in cards if c.ref.source_id != "src-001"]
    assert weak
    for card in weak:
        assert card.reliability is not None and card.reliability.isVisible()
        assert "low reliability" in card.reliability.text() and "E — unreliable" in card.reliability.text()
    for card in strong:
        assert card.reliability is None or card.ref.low_reliability


def test_quotes_from_a_low_reliability_source_are_marked_on_record_pages(qtbot, ctx):
    from azrel_desktop.ui.common.palette import LOW_RELIABILITY_SYMBOL
    from azrel_desktop.ui.records.membership_strip import primary_citation
    from azrel_desktop.ui.records.organisation_page import OrganisationPage

    from .test_record_pages import make

    page = make(qtbot, OrganisationPage, ctx, Target("organisation", "org-eapc"), show=True)
    model = page.memberships.model
    rows = [model.membership(r) for r in range(model.rowCount())]
    weak = [r for r, m in enumerate(rows) if primary_citation(m) and primary_citation(m).low_reliability]
    assert weak, "the EAPC claim rests on the unreliable reprint"
    quote_column = model.columnCount() - 1
    for r in range(len(rows)):
        shown = model.data(model.index(r, quote_column))
        assert shown.startswith(LOW_RELIABILITY_SYMBOL) == (r in weak)
    assert "low reliability" in model.data(model.index(weak[0], 0), Qt.ItemDataRole.ToolTipRole)


# --- honest intervals ---------------------------------------------------------------------------------

def test_an_open_status_is_drawn_as_evidenced_only_up_to_its_last_dated_source(qtbot, ctx):
    from datetime import date

    from azrel_desktop.ui.records.organisation_page import OrganisationPage

    from .test_record_pages import make

    page = make(qtbot, OrganisationPage, ctx, Target("organisation", "org-nato"), show=True)
    strip = page.memberships.strip
    bars = {b.membership.id: b for b in strip.bars()}
    kfor = bars["mem-az-kfor"]
    assert kfor.membership.end is None and kfor.open_end
    # its one supporting source was published on 2006-05-25: solid up to there, no further
    assert kfor.membership.evidence_until == "2006-05-25"
    plot, years = strip._plot(), strip._years()
    assert kfor.evidence_x is not None
    assert abs(kfor.evidence_x - strip._x(date(2006, 5, 25), plot, years)) < 1
    assert kfor.evidence_x < strip._x(date.today(), plot, years) - 50  # far from reading as "to today"
    for bar in bars.values():  # a status with an end given by a source is drawn whole
        assert (bar.evidence_x is None) == (bar.membership.end is not None)
