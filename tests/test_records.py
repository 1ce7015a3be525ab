"""Record pages as plain values: event detail, organisation, agreement, country, person and
source pages (core/records.py)."""

from __future__ import annotations

import sqlite3

import pytest

from azrel_desktop.core.query.filters import EventFilter
from azrel_desktop.core.query.records import Link, NotFound, SourcePassage

# Read-only tests share one library per module (tests/conftest.py: `shared_library` checks that
# nothing wrote to it); a test that writes asks for `fresh_library`.


@pytest.fixture
def library(shared_library):
    return shared_library


@pytest.fixture
def db_path(shared_library):
    return shared_library.path


def query(path, sql: str, params=()) -> list[tuple]:
    con = sqlite3.connect(path)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def texts(ro_library) -> dict[str, str]:
    return dict(query(ro_library.path, "SELECT id, text FROM sources"))


# --- events -----------------------------------------------------------------------------------


def test_every_event_detail_quotes_its_sources_exactly(library, texts):
    event_ids = [e for (e,) in query(library.path, "SELECT id FROM events")]
    assert len(event_ids) >= 45
    for eid in event_ids:
        d = library.event(eid)
        assert d.row.id == eid
        assert d.supporting, eid
        for ref in d.supporting + d.contradicting:
            assert texts[ref.source_id][ref.start:ref.end] == ref.quote, (eid, ref.id)
            assert texts[ref.source_id][max(0, ref.start - 32):ref.start] == ref.prefix
            assert texts[ref.source_id][ref.end:ref.end + 32] == ref.suffix
            assert ref.kind == "citation"
        assert {r.stance for r in d.supporting} == {"supports"}
        assert {r.stance for r in d.contradicting} <= {"contradicts"}
        assert bool(d.contradicting) == d.row.disputed, eid


def test_event_detail_links(library):
    d = library.event("ev-1994-05-04-az-signs-pfp")
    assert {(o.id, o.label, o.role) for o in d.organisations} == {
        ("org-nato", "North Atlantic Treaty Organization (NATO)", "party"),
        ("org-pfp", "Partnership for Peace (PfP)", "subject")}
    assert [(c.kind, c.id) for c in d.countries] == [("country", "AZ"), ("country", "BE")]
    assert [(p.id, p.role) for p in d.people] == [("per-heydar-aliyev", "signatory")]
    assert [a.id for a in d.agreements] == ["agr-pfp"]
    assert d.location == "Brussels" and d.row.date == "1994-05-04"
    # the programme's scope is the organisation's description, not the signing (issue 13)
    assert {r.id for r in d.supporting} == {"p002-pfp-signed", "p002-high-level-cooperation-1994",
                                            "p002-pfp-signature-recap"}
    assert d.row.evidence == "single_source"
    assert d.contradicting == [] and d.dispute_note is None


def test_disputed_claims_of_source_001_are_contradicted_by_other_sources(library):
    disputed = [e for (e,) in query(library.path, "SELECT id FROM events WHERE disputed")]
    assert "ev-1994-az-eapc-participation-claim" in disputed
    for eid in disputed:
        d = library.event(eid)
        assert {r.source_id for r in d.supporting} == {"src-001"}, eid
        assert d.contradicting and {r.source_id for r in d.contradicting} - {"src-001"}, eid
        assert d.dispute_note
    claim = library.event("ev-1994-az-eapc-participation-claim")
    assert {r.id for r in claim.contradicting} == {"p002-eapc-joined"}
    assert claim.row.evidence == "contested"
    # the disputed memberships too
    claims = [m for m in library.country("AZ").memberships if m.disputed]
    assert {m.id for m in claims} >= {"mem-az-eapc-since-1994-claim", "mem-az-csto-claim"}
    assert all(m.evidence == "contested" for m in claims)
    # silence is not contradiction: the NRC claim is uncorroborated, not disputed
    [nrc] = [m for m in library.country("AZ").memberships if m.id == "mem-az-nrc-claim"]
    assert (nrc.disputed, nrc.evidence) == (False, "uncorroborated")
    for m in claims:
        supports = [c for c in m.citations if c.stance == "supports"]
        against = [c for c in m.citations if c.stance == "contradicts"]
        assert {c.source_id for c in supports} == {"src-001"}, m.id
        assert {c.source_id for c in against} - {"src-001"}, m.id
        assert m.dispute_note


def test_unknown_records_raise_not_found(library):
    for call, rid in ((library.event, "ev-nope"), (library.organisation, "org-nope"), (library.agreement, "agr-x"),
                      (library.country, "XX"), (library.person, "per-x"), (library.source, "src-999")):
        with pytest.raises(NotFound):
            call(rid)


# --- organisations ------------------------------------------------------------------------------


def test_nato_page(library):
    page = library.organisation("org-nato")
    assert (page.name, page.abbreviation, page.parent) == ("North Atlantic Treaty Organization", "NATO", None)
    assert "North Atlantic Alliance" in page.aliases
    children = {o for (o,) in query(library.path, "SELECT id FROM organisations WHERE parent_id = 'org-nato'")}
    assert {b.id for b in page.bodies} == children >= {"org-nato-pa", "org-eapc", "org-nacc", "org-pfp"}
    assert [b.label for b in page.bodies] == sorted(b.label for b in page.bodies)
    pa = [(m.status, m.start, m.end, m.start_label, m.end_label) for m in page.memberships
          if m.organisation.id == "org-nato-pa" and m.country.id == "AZ"]
    assert ("observer", "1999-05", "2001-11-19", "May 1999", "19 November 2001") in pa
    assert ("associate_member", "2001-11-19", None, "19 November 2001", "open") in pa
    assert [m.date_start for m in page.memberships] == sorted(m.date_start for m in page.memberships)
    for m in page.memberships:
        assert any(c.stance == "supports" for c in m.citations), m.id
    assert {"agr-pfp", "agr-ipap"} <= {a.id for a in page.agreements}
    assert page.event_filter == EventFilter(organisations=("org-nato",))


def test_body_page_links_its_parent(library):
    page = library.organisation("org-nato-pa")
    assert page.parent == Link("organisation", "org-nato", "North Atlantic Treaty Organization")
    assert page.bodies == []
    assert {m.status for m in page.memberships} == {"observer", "associate_member"}
    eapc = library.organisation("org-eapc")
    assert eapc.founded == "1997-05" and eapc.founded_label == "May 1997"
    assert [c.id for c in eapc.founded_citations] == ["p002-eapc-joined"]


def test_organisation_sources_count_events_in_words(library):
    page = library.organisation("org-nato")
    counts = dict(query(library.path, """
        WITH RECURSIVE sub(id) AS (SELECT 'org-nato' UNION SELECT o.id FROM organisations o JOIN sub
            ON o.parent_id = sub.id)
        SELECT ps.source_id, count(DISTINCT ci.event_id) FROM passages ps
        JOIN event_citations ci ON ci.passage_id = ps.id JOIN event_organisations eo ON eo.event_id = ci.event_id
        WHERE eo.organisation_id IN (SELECT id FROM sub) GROUP BY ps.source_id"""))
    assert {s.id for s in page.sources} >= set(counts)
    # one event is "1 event": the CSTO's events cite doc 004 once
    assert any(s.role.startswith("1 event") for s in library.organisation("org-csto").sources)
    for s in page.sources:
        if s.id in counts:
            n = counts[s.id]
            assert s.role.split(", ")[0] == (f"{n} event" if n == 1 else f"{n} events")
    # Sources cited for Azerbaijan's statuses in NATO's bodies count too, in words.
    assert any("statuses" in s.role or "1 status" in s.role for s in page.sources)


# --- agreements, countries, people, lists -------------------------------------------------------


def test_agreement_page(library, texts):
    page = library.agreement("agr-alma-ata-declaration")
    assert [(s.step, s.date, s.date_label) for s in page.steps] == [
        ("signed", "1991-12", "December 1991"), ("ratification_rejected", "1992-10", "October 1992")]
    for s in page.steps:
        assert s.citations and s.country and s.country.id == "AZ"
        for c in s.citations:
            assert texts[c.source_id][c.start:c.end] == c.quote
    assert {(p.kind, p.id) for p in page.parties} == {("country", "AZ"), ("organisation", "org-cis")}
    assert {e.id for e in page.events} >= {"ev-1991-12-az-signs-alma-ata-declaration",
                                           "ev-1992-10-az-legislature-rejects-cis-membership"}


def test_every_agreement_step_and_membership_is_cited(library):
    for (aid,) in query(library.path, "SELECT id FROM agreements"):
        for step in library.agreement(aid).steps:
            assert any(c.stance == "supports" for c in step.citations), step.id
    az = library.country("AZ")
    assert az.memberships and az.agreements
    assert az.event_filter == EventFilter(countries=("AZ",))


def test_person_page_and_lists(library):
    p = library.person("per-javier-solana")
    assert p.name == "Javier Solana" and p.event_filter == EventFilter(people=("per-javier-solana",))
    assert library.count(p.event_filter) >= 3
    orgs = library.records("organisation")
    assert [o.id for o in orgs] == [o for (o,) in query(library.path, "SELECT id FROM organisations ORDER BY name")]
    assert {o.id for o in orgs} == {o for (o,) in query(library.path, "SELECT id FROM organisations")}
    assert next(o for o in orgs if o.id == "org-nato-pa").role == "org-nato"
    for kind, table in (("country", "countries"), ("person", "people"), ("source", "sources"),
                        ("agreement", "agreements")):
        assert len(library.records(kind)) == len(query(library.path, f"SELECT id FROM {table}"))


# --- source pages --------------------------------------------------------------------------------


def test_source_pages_quote_exactly_and_classify_highlights(library):
    seen = set()
    for (sid,) in query(library.path, "SELECT id FROM sources"):
        page = library.source(sid)
        assert [(p.start, p.end) for p in page.passages] == sorted((p.start, p.end) for p in page.passages)
        for p in page.passages:
            assert page.text[p.start:p.end] == p.quote
            seen.add(p.highlight)
            if p.kind == "boilerplate":
                assert p.highlight == "boilerplate" and not p.supports and not p.contradicts
    assert seen == {"event", "boilerplate", "membership", "agreement", "dispute", "organisation"}
    p001 = {p.id: p for p in library.source("src-001").passages}
    assert p001["p001-tax-treaty"].highlight == "agreement"
    assert p001["p001-isaf-kfor"].highlight == "membership"
    assert p001["p001-csto-discussing"].highlight == "dispute"
    assert p001["p001-eapc-pfp-since-1994"].highlight == "event"
    assert {link.id for link in p001["p001-csto-discussing"].contradicts} == {"org-csto"}
    p003 = {p.id: p for p in library.source("src-003").passages}
    assert p003["b003-related-articles"].highlight == "boilerplate"


def test_highlight_rules():
    def passage(kind="citation", supports=(), contradicts=()):
        return SourcePassage("p", 0, 1, "x", kind, None, list(supports), list(contradicts))

    event = Link("event", "ev", "e")
    membership = Link("organisation", "org", "m", "membership")
    founded = Link("organisation", "org", "o")
    assert passage("boilerplate").highlight == "boilerplate"
    assert passage("user").highlight == "user"  # a bare selection carries notes
    assert passage("user", [event]).highlight == "event"  # the user's own citation: what it supports
    assert passage("user", contradicts=[event]).highlight == "dispute"
    assert passage(contradicts=[event]).highlight == "dispute"
    assert passage(supports=[membership, event], contradicts=[event]).highlight == "event"
    assert passage(supports=[membership]).highlight == "membership"
    assert passage(supports=[founded]).highlight == "organisation"
    assert passage(supports=[Link("agreement", "a", "a"), membership]).highlight == "agreement"


def test_user_selection_and_notes_on_the_source_page(fresh_library):
    library = fresh_library
    page = library.source("src-004")
    start = page.text.index("Putin")
    view, _ = library.annotate_selection("src-004", start, start + 5, "who", tags=["kremlin"])
    assert view.quote == "Putin" and view.tags == ("kremlin",)
    page = library.source("src-004")
    mine = [p for p in page.passages if p.kind == "user"]
    assert len(mine) == 1 and mine[0].quote == "Putin" and mine[0].highlight == "user"
    assert [a.body for a in mine[0].annotations] == ["who"]
    library.add_annotation("event", "ev-2024-04-22-aliyev-visits-putin", "an event note")
    assert [a.body for a in library.event("ev-2024-04-22-aliyev-visits-putin").annotations] == ["an event note"]
    library.add_annotation("passage", "p004-icj", "on a passage")
    icj = next(p for p in library.source("src-004").passages if p.id == "p004-icj")
    assert [a.body for a in icj.annotations] == ["on a passage"]
