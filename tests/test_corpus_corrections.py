"""Issue 13's corrections of the seed corpus, one by one, and the evidence grades the loaded
corpus gets from its citations."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from azrel_desktop.core.corpus.dates import parse_edtf
from azrel_desktop.core.corpus.seed import read_corpus
from azrel_desktop.core.corpus.seed_records import Link
from azrel_desktop.core.query.filters import EventFilter

C = read_corpus()
EVENTS = {e.id: e for e in C.events}
MEMBERSHIPS = {m.id: m for m in C.memberships}
AGREEMENTS = {a.id: a for a in C.agreements}
STEPS = {s.id: s for s in C.steps}
ORGS = {o.id: o for o in C.organisations}
SOURCES = {s.id: s for s in C.sources}


def quotes(record) -> str:
    return " ".join(C.passages[p].quote for p in record.citations)


def test_early_1994_ends_at_the_studys_data_date():
    assert EVENTS["ev-1994-early-russian-property-seizures"].date == "1994-01/1994-03"
    assert SOURCES["src-000"].data_as_of == "1994-03"


def test_joining_the_eapc_is_bounded_by_its_founding_and_the_madrid_meeting():
    assert EVENTS["ev-1997-az-joins-eapc"].date == "1997-05/1997-07"
    assert MEMBERSHIPS["mem-az-eapc"].start == "1997-05/1997-07"


def test_the_csto_summit_year_is_marked_inferred():
    assert parse_edtf(EVENTS["ev-2022-csto-30th-anniversary-summit"].date).uncertain


def test_the_mission_at_nato_hq_has_both_bounds_and_cites_the_lower_one():
    ev = EVENTS["ev-az-mission-nato-hq"]
    assert ev.date == "1992-03/2006-05-25"
    assert "p002-nacc-admission" in ev.citations


def test_the_kremlins_undated_statement_is_its_own_record():
    withdrawal = EVENTS["ev-2024-04-17-russian-peacekeepers-withdraw"]
    assert "Peskov" not in withdrawal.summary and "p004-peskov" not in withdrawal.citations
    statement = EVENTS["ev-2024-kremlin-peacekeepers-no-longer-needed"]
    assert statement.date == "../2024-04-22"
    assert {"p004-peskov", "p004-no-longer-needed"} <= set(statement.citations)


def test_refugees_and_the_accusation_are_their_own_records_and_armenia_is_no_party_to_the_attack():
    recapture = EVENTS["ev-2023-09-az-recaptures-nagorno-karabakh"]
    assert "fled" not in recapture.summary and "AM" not in {c.id for c in recapture.countries}
    flight = EVENTS["ev-2023-armenians-flee-nagorno-karabakh"]
    accusation = EVENTS["ev-2023-am-accuses-az-ethnic-cleansing"]
    for ev in (flight, accusation):
        assert ev.date == "2023-09/2024-04-22"  # not dated September 2023
    assert Link("AM", "accuser") in accusation.countries
    assert "ethnic cleansing" not in C.passages["p004-exodus"].quote


def test_the_tax_treaty_step_is_succession_bounded_only_by_what_it_cites():
    step = STEPS["step-us-ussr-tax-treaty-az-succession"]
    assert step.step == "succeeded"
    assert {C.passages[p].source for p in step.citations} == {"src-001"}
    assert "1992" in quotes(step) and step.date == "1991/.."


def test_the_legislature_approved_membership_not_the_charter():
    assert "step-cis-charter-az-approved" not in STEPS
    assert "agr-cis-charter" not in EVENTS["ev-1993-az-legislature-approves-cis-membership"].agreements


def test_no_record_says_the_treaty_was_the_basis_of_the_csto():
    assert "basis of the later CSTO" not in AGREEMENTS["agr-cis-collective-security-treaty"].summary


def test_the_early_1990s_conflict_is_titled_as_a_claim():
    assert EVENTS["ev-1990s-az-am-nagorno-karabakh-conflict"].title.startswith("Claim:")


def test_no_source_says_the_eapc_succeeded_the_nacc():
    for record in [ORGS["org-nacc"], ORGS["org-eapc"], MEMBERSHIPS["mem-az-nacc"],
                   *EVENTS.values(), *MEMBERSHIPS.values()]:
        words = " ".join(str(v) for v in vars(record).values()).lower()
        assert "predecessor" not in words and "its successor" not in words, record.id


def test_the_websites_comment_is_not_the_interview():
    interview = EVENTS["ev-2018-08-16-husseynli-csto-interview"]
    assert "observers" not in interview.summary.lower()
    assert "p003-observers-unlikely" not in interview.citations
    assert "p003-husseynli-no-threat" in interview.citations  # the dismissal of a Russian threat
    assert EVENTS["ev-2018-observers-csto-entry-unlikely"].citations == ("p003-observers-unlikely",)


def test_the_announcement_states_no_more_than_it_cites():
    ev = EVENTS["ev-1993-09-aliyev-announces-rejoining-cis"]
    assert "debate" not in ev.summary


def test_the_pfp_scope_is_cited_by_the_organisation_not_the_signing():
    assert "p002-pfp-scope" not in EVENTS["ev-1994-05-04-az-signs-pfp"].citations
    assert "p002-pfp-scope" in ORGS["org-pfp"].description_citations


def test_the_mixed_eapc_pfp_claim_is_split():
    assert "ev-1994-az-eapc-pfp-participation-claim" not in EVENTS
    pfp, eapc = EVENTS["ev-1994-az-pfp-participation-claim"], EVENTS["ev-1994-az-eapc-participation-claim"]
    assert not pfp.dispute.passages
    assert "p002-pfp-signed" in pfp.citations
    assert eapc.dispute.passages == ("p002-eapc-joined",)


def test_the_nrc_claim_is_not_contradicted():
    assert not MEMBERSHIPS["mem-az-nrc-claim"].dispute.passages


def test_source_notes_say_what_the_texts_show():
    assert "month precision at best" not in SOURCES["src-000"].reliability
    assert "No year is stated anywhere" not in SOURCES["src-003"].reliability
    assert "article body" in SOURCES["src-003"].reliability


@pytest.mark.parametrize(("event", "passage"), [
    ("ev-1994-russia-nk-nonintervention-position", "p000-russia-nk-position"),
    ("ev-1997-07-eapc-madrid-summit", "p002-madrid-1997-threat"),
    ("ev-2006-04-simmons-visits-baku", "p002-simmons-peacekeeping"),
    ("ev-2006-04-simmons-visits-baku", "p002-simmons-cooperation-areas"),
    ("ev-2018-08-16-husseynli-csto-interview", "p003-husseynli-no-threat"),
    ("ev-2020-russian-peacekeepers-mandate", "p004-peace-agreement-2020"),
])
def test_the_missing_statements_are_recorded(event, passage):
    assert passage in EVENTS[event].citations


def test_russias_position_is_bounded_by_the_studys_data_date():
    assert EVENTS["ev-1994-russia-nk-nonintervention-position"].date == "../1994-03"


def test_every_source_is_graded_and_001_is_low():
    assert {s.id: s.reliability_grade for s in C.sources} == {
        "src-000": "B", "src-001": "E", "src-002": "C", "src-003": "C", "src-004": "B"}


# --- the grades the loaded corpus gets --------------------------------------------------------

@pytest.mark.parametrize(("event", "grade"), [
    ("ev-2016-az-de-trade", "uncorroborated"),  # "$28.28 billion": only the low reprint
    ("ev-1992-de-az-development-aid", "uncorroborated"),
    ("ev-1990s-az-am-nagorno-karabakh-conflict", "uncorroborated"),
    ("ev-1994-az-pfp-participation-claim", "single_source"),  # 001 is not needed, 002 holds it
    ("ev-1994-az-eapc-participation-claim", "contested"),
    ("ev-1994-05-04-az-signs-pfp", "single_source"),
])
def test_event_grades(library, event, grade):
    assert library.event(event).row.evidence == grade


def test_undisputed_means_not_contested_and_disputed_means_contested(library):
    contested = {r.id for r in library.rows(EventFilter(disputed=True), limit=500)}
    with library.db.read() as s:
        assert contested == {r for (r,) in s.execute(text("SELECT id FROM events WHERE evidence = 'contested'"))}
    assert "ev-2016-az-de-trade" not in contested


def test_membership_grades(library):
    with library.db.read() as s:
        grades = dict(s.execute(text("SELECT id, evidence FROM memberships")).all())
    assert grades["mem-az-nrc-claim"] == "uncorroborated"
    assert grades["mem-az-eapc-since-1994-claim"] == "contested"
    assert grades["mem-az-csto-claim"] == "contested"
    assert grades["mem-az-kfor"] == "single_source"  # doc 002 and the low reprint: one good witness
