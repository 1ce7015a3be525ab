"""Organisation, agreement, country and person pages: what they show matches the Library, and
their links, strip and tables navigate to the right place."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt

from azrel_desktop.core.query.filters import EventFilter
from azrel_desktop.ui.records.actor_pages import CountryPage, PersonPage
from azrel_desktop.ui.records.agreement_page import AgreementPage
from azrel_desktop.ui.records.membership_strip import (
    MembershipStrip,
    MembershipTableModel,
    describe_membership,
    primary_citation,
)
from azrel_desktop.ui.records.organisation_page import OrganisationPage
from azrel_desktop.ui.shell.navigation import Target


def make(qtbot, page_class, ctx, target, *, show=False):
    page = page_class(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    if show:
        page.show()
        qtbot.waitExposed(page)
    page.show_target(target)
    qtbot.waitUntil(lambda: not page.is_loading())  # the record and its events load in the background
    return page


def list_texts(widget):
    return [widget.item(i).text() for i in range(widget.count())]


@pytest.fixture
def nato_page(qtbot, ctx):
    return make(qtbot, OrganisationPage, ctx, Target("organisation", "org-nato"), show=True)


def test_organisation_page_shows_nato_with_its_bodies(ctx, nato_page):
    record = ctx.library.organisation("org-nato")
    assert nato_page.title() == f"{record.name} ({record.abbreviation})"
    assert len(record.bodies) >= 2
    assert list_texts(nato_page.bodies) == [b.label for b in record.bodies]
    assert nato_page.bodies.targets() == [Target("organisation", b.id) for b in record.bodies]
    assert "NATO Parliamentary Assembly (NATO PA)" in list_texts(nato_page.bodies)
    assert nato_page.aliases_label.text() == ", ".join(record.aliases)


def test_organisation_page_strip_and_table_match_the_memberships(qtmodeltester, ctx, nato_page):
    memberships = ctx.library.organisation("org-nato").memberships
    assert memberships and all(m.country.id == "AZ" for m in memberships)
    strip = nato_page.memberships.strip
    assert [m.id for m in strip.memberships()] == [m.id for m in memberships]
    bars = strip.bars()
    assert sorted(b.membership.id for b in bars) == sorted(m.id for m in memberships)
    assert strip.lane_labels() == list(dict.fromkeys(
        m.organisation.label for m in sorted(memberships, key=lambda m: (m.date_start, m.date_end, m.id))))
    assert nato_page.relationship_heading.text() == "Azerbaijan's relationship over time"
    for bar in bars:  # open ends reach the right edge; bars lie within the widget
        assert strip.rect().contains(bar.rect.center().toPoint())
        assert bar.open_end == (bar.membership.end is None)
        assert bar.open_start == (bar.membership.start is None)
    # the table: one row per membership, in the same order
    model = nato_page.memberships.model
    qtmodeltester.check(model)
    assert model.rowCount() == len(memberships)
    for row, m in enumerate(memberships):
        assert model.data(model.index(row, 2)) == m.status.replace("_", " ")
        assert model.data(model.index(row, 3)) == m.start_label
        assert model.data(model.index(row, 4)) == m.end_label


def test_strip_bars_are_ordered_in_time_within_a_lane(qtbot, ctx):
    memberships = ctx.library.country("AZ").memberships
    strip = MembershipStrip()
    qtbot.addWidget(strip)
    strip.resize(900, strip.sizeHint().height())
    strip.set_memberships(memberships)
    dated = [b for b in strip.bars() if not b.open_start]
    for a in dated:
        for b in dated:
            if a.rect.top() == b.rect.top() and a.membership.date_start < b.membership.date_start:
                assert a.rect.left() < b.rect.left()


def test_clicking_an_interval_opens_its_citing_passage(qtbot, ctx, nato_page):
    strip = nato_page.memberships.strip
    bar = next(b for b in strip.bars() if b.membership.start and b.membership.citations)
    ref = primary_citation(bar.membership)
    assert ref.stance == "supports"
    with qtbot.waitSignal(ctx.navigate, timeout=1000) as nav:
        qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=bar.rect.center().toPoint())
    assert nav.args[0] == Target("source", ref.source_id, passage_id=ref.id)


def test_interval_tooltip_gives_dates_status_note_and_quote(ctx):
    m = next(m for m in ctx.library.organisation("org-nato").memberships if m.disputed)
    text = describe_membership(m)
    assert m.start_label in text and m.end_label in text
    assert m.status.replace("_", " ") in text
    assert "DISPUTED" in text and m.dispute_note in text
    assert " ".join(m.citations[0].quote.split()) in text


def test_strip_keyboard_selects_and_opens_an_interval(qtbot, ctx, nato_page):
    strip = nato_page.memberships.strip
    strip.setFocus()
    qtbot.keyClick(strip, Qt.Key.Key_Right)
    ref = primary_citation(strip.bars()[0].membership)
    with qtbot.waitSignal(ctx.navigate, timeout=1000) as nav:
        qtbot.keyClick(strip, Qt.Key.Key_Return)
    assert nav.args[0] == Target("source", ref.source_id, passage_id=ref.id)


def test_organisation_events_table_counts_what_the_filter_selects(qtbot, ctx, nato_page, fetched):
    f = nato_page.event_filter
    assert f == EventFilter(organisations=("org-nato",))
    model = nato_page.events.model
    expected = ctx.library.count(f)
    assert expected > 0
    assert model.total() == expected
    assert len(fetched(model)) == expected
    assert nato_page.events.count_label.text().startswith(f"{expected} events")
    # bodies' events are included: some row is tied to a body and not to NATO itself
    body_ids = {b.id for b in ctx.library.organisation("org-nato").bodies}
    rows = [model.event_row(r) for r in range(model.rowCount())]
    assert any(set(r.organisation_ids) & body_ids for r in rows)


def test_double_clicking_an_event_opens_it(qtbot, ctx, nato_page):
    view = nato_page.events.view
    nato_page.scroll_area.ensureWidgetVisible(view)
    rect = view.visualRect(view.model().index(1, 1))
    event_id = view.model().event_id(1)
    with qtbot.waitSignal(ctx.navigate, timeout=1000) as nav:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert nav.args[0] == Target("event", event_id)


def test_clicking_a_body_link_navigates_to_it(qtbot, ctx, nato_page):
    links = nato_page.bodies
    nato_page.scroll_area.ensureWidgetVisible(links)
    rect = links.visualItemRect(links.item(0))
    with qtbot.waitSignal(ctx.navigate, timeout=1000) as nav:
        qtbot.mouseClick(links.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert nav.args[0] == links.targets()[0]


def test_organisation_page_lists_agreements_sources_and_notes(qtbot, ctx, nato_page, settled):
    record = ctx.library.organisation("org-nato")
    assert nato_page.agreements.targets() == [Target("agreement", a.id) for a in record.agreements]
    assert nato_page.sources.targets() == [Target("source", s.id) for s in record.sources]
    assert nato_page.notes.target() == ("organisation", "org-nato")
    view, changes = ctx.library.add_annotation("organisation", "org-nato", "noted", ())
    ctx.emit_changes(changes)
    settled(nato_page)
    assert [c.view.id for c in nato_page.notes.cards] == [view.id]


def test_body_page_shows_its_parent(qtbot, ctx):
    page = make(qtbot, OrganisationPage, ctx, Target("organisation", "org-nato-pa"))
    assert page.parent_list.targets() == [Target("organisation", "org-nato")]
    assert page.events.model.total() == ctx.library.count(EventFilter(organisations=("org-nato-pa",)))


def test_membership_table_model_passes_the_model_tester(qtmodeltester, ctx):
    model = MembershipTableModel()
    model.set_memberships(ctx.library.country("AZ").memberships)
    assert model.rowCount() > 0
    qtmodeltester.check(model)


def test_membership_table_double_click_opens_the_quote(qtbot, ctx, nato_page):
    section = nato_page.memberships
    m = section.model.membership(0)
    ref = primary_citation(m)
    with qtbot.waitSignal(ctx.navigate, timeout=1000) as nav:
        section.open_row(0)
    assert nav.args[0] == Target("source", ref.source_id, passage_id=ref.id)


# --- agreements ---------------------------------------------------------------------------------

def agreement_with_most_steps(library):
    return max((library.agreement(a.id) for a in library.records("agreement")), key=lambda a: len(a.steps))


def test_agreement_page_lists_steps_with_clickable_citations(qtbot, ctx):
    record = agreement_with_most_steps(ctx.library)
    page = make(qtbot, AgreementPage, ctx, Target("agreement", record.id), show=True)
    tree = page.steps
    assert page.title() == record.title
    assert tree.topLevelItemCount() == len(record.steps)
    for i, step in enumerate(record.steps):
        item = tree.topLevelItem(i)
        assert item.text(0) == step.step.replace("_", " ")
        assert item.text(1) == step.date_label
        assert item.text(4) == {"single_source": "• single source", "uncorroborated": "◇ uncorroborated",
                                "contested": "▲ contested", "corroborated": "◆ corroborated"}[step.evidence]
    expected = [Target("source", c.source_id, passage_id=c.id) for s in record.steps for c in s.citations]
    assert tree.citation_targets() == expected
    first = tree.topLevelItem(0).child(0)
    page.scroll_area.ensureWidgetVisible(tree)
    rect = tree.visualItemRect(first)
    with qtbot.waitSignal(ctx.navigate, timeout=1000) as nav:
        qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert nav.args[0] == expected[0]
    assert page.parties.targets() == [Target(p.kind, p.id) for p in record.parties]
    assert page.events.targets() == [Target("event", e.id) for e in record.events]


def test_agreement_step_shows_date_as_written(qtbot, ctx):
    record = agreement_with_most_steps(ctx.library)
    step = next((s for s in record.steps if s.date_text), None)
    if step is None:
        pytest.skip("no step with a date as written")
    page = make(qtbot, AgreementPage, ctx, Target("agreement", record.id))
    item = page.steps.topLevelItem(record.steps.index(step))
    assert item.text(2) == " ".join(step.date_text.split())


# --- actors -----------------------------------------------------------------------------------

def test_country_page_shows_memberships_agreements_and_events(qtbot, ctx):
    record = ctx.library.country("AZ")
    page = make(qtbot, CountryPage, ctx, Target("country", "AZ"))
    assert page.title() == "Azerbaijan"
    assert [m.id for m in page.memberships.strip.memberships()] == [m.id for m in record.memberships]
    assert page.memberships.model.rowCount() == len(record.memberships)
    assert page.agreements.targets() == [Target("agreement", a.id) for a in record.agreements]
    assert page.event_filter == EventFilter(countries=("AZ",))
    assert page.events.model.total() == ctx.library.count(page.event_filter) > 0
    assert page.notes.target() == ("country", "AZ")


def test_person_page_shows_office_and_events(qtbot, ctx):
    person = next(link for link in ctx.library.records("person") if link.id == "per-heydar-aliyev")
    record = ctx.library.person(person.id)
    page = make(qtbot, PersonPage, ctx, Target("person", person.id))
    assert page.name_label.text() == record.name
    assert page.office_label.text() == (record.office or "not stated")
    assert page.events.model.total() == ctx.library.count(EventFilter(people=(person.id,))) > 0
    assert page.notes.target() == ("person", person.id)


@pytest.mark.parametrize(("page_class", "kind"), [(OrganisationPage, "organisation"), (AgreementPage, "agreement"),
                                                   (CountryPage, "country"), (PersonPage, "person")])
def test_missing_record_shows_a_message(qtbot, ctx, page_class, kind):
    page = make(qtbot, page_class, ctx, Target(kind, "no-such-id"))
    assert page.stack.currentWidget() is page.message
    assert "no-such-id" in page.message.text()


def test_strip_hit_test_finds_each_bar(qtbot, ctx):
    strip = MembershipStrip()
    qtbot.addWidget(strip)
    strip.resize(1000, strip.sizeHint().height())
    strip.set_memberships(ctx.library.organisation("org-nato").memberships)
    for index, bar in enumerate(strip.bars()):
        assert strip.bar_at(QPointF(bar.rect.center())) == index
    assert strip.bar_at(QPointF(1, 1)) is None


def test_an_organisation_shows_the_passages_its_description_rests_on(qtbot, ctx):
    page = make(qtbot, OrganisationPage, ctx, Target("organisation", "org-pfp"), show=True)
    assert page.description_citations.isVisible()
    texts = list_texts(page.description_citations)
    assert any("peace-building, rescue, demining" in t for t in texts)
    assert not page.form.isRowVisible(page._citations_row)  # none of them is about a founding date
    nato = make(qtbot, OrganisationPage, ctx, Target("organisation", "org-nato"), show=True)
    assert not nato.description_citations.isVisible()
