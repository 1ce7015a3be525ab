"""The one event filter: window overlap, organisation trees, OR within / AND across dimensions,
bound parameters, descriptions and (de)serialisation (core/filters.py)."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from azrel_desktop.core.corpus.dates import DateError, parse_edtf, window
from azrel_desktop.core.query.filters import DIMENSIONS, EventFilter, compile_filter, describe, describe_text

# Read-only tests share one library per module (tests/conftest.py: `shared_library` checks that
# nothing wrote to it); a test that writes asks for `fresh_library`.


@pytest.fixture
def library(shared_library):
    return shared_library


@pytest.fixture
def db_path(shared_library):
    return shared_library.path


def ids(library, f: EventFilter) -> set[str]:
    rows = library.rows(f, limit=10_000)
    assert len(rows) == library.count(f)
    return {r.id for r in rows}


def query(db_path, sql: str, params=()) -> list[tuple]:
    con = sqlite3.connect(db_path)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def events_by_date(db_path) -> dict[str, str]:
    return dict(query(db_path, "SELECT id, date FROM events"))


def org_tree(db_path, root: str) -> set[str]:
    parents = dict(query(db_path, "SELECT id, parent_id FROM organisations"))
    tree = {root}
    changed = True
    while changed:
        changed = False
        for org, parent in parents.items():
            if parent in tree and org not in tree:
                tree.add(org)
                changed = True
    return tree


def events_of_orgs(db_path, orgs: set[str]) -> set[str]:
    return {e for e, o in query(db_path, "SELECT event_id, organisation_id FROM event_organisations") if o in orgs}


# --- date window ----------------------------------------------------------------------------


def test_window_1997_to_1999_is_inclusive_overlap(library, db_path):
    inside = ids(library, EventFilter(date_from="1997", date_to="1999"))
    dates = events_by_date(db_path)
    # an event dated 1997, a season of 1998 and an interval inside the window all count
    assert dates["ev-1997-az-joins-eapc"] == "1997-05/1997-07" and "ev-1997-az-joins-eapc" in inside
    assert dates["ev-1997-az-joins-parp"] == "1997" and "ev-1997-az-joins-parp" in inside
    assert dates["ev-1998-21-nato-pipeline-security-conference"] == "1998-21"
    assert "ev-1998-21-nato-pipeline-security-conference" in inside
    assert dates["ev-1997-07-az-nato-trainings-us"] == "1997-07/1997-08"
    assert "ev-1997-07-az-nato-trainings-us" in inside
    assert dates["ev-1996-pfp-implementation-begins"] == "1996"
    assert "ev-1996-pfp-implementation-begins" not in inside
    lo, hi = date(1997, 1, 1), date(1999, 12, 31)
    assert inside == {e for e, d in dates.items() if parse_edtf(d).overlaps(lo, hi)}


@pytest.mark.parametrize(
    ("date_from", "date_to"),
    [("1997", "1999"), ("1997-08-31", None), ("1997-09", None), (None, "1997-06-30"), (None, "1992"),
     ("spring 1998", "1998"), ("1993-07/1993-12", "early 1994"), ("2024-04-22", "2024-04-22"),
     ("the 1990s", None), ("2018", "2018")],
)
def test_window_matches_overlap_of_bounds(library, db_path, date_from, date_to):
    lo, hi = window(date_from, date_to)
    expected = {e for e, d in events_by_date(db_path).items() if parse_edtf(d).overlaps(lo, hi)}
    assert ids(library, EventFilter(date_from=date_from, date_to=date_to)) == expected
    assert expected  # every window above holds at least one event


def test_interval_event_at_the_window_edges(library):
    trainings = "ev-1997-07-az-nato-trainings-us"  # 1997-07/1997-08
    assert trainings in ids(library, EventFilter(date_from="1997-08-31"))
    assert trainings not in ids(library, EventFilter(date_from="1997-09-01"))
    assert trainings in ids(library, EventFilter(date_to="1997-07-01"))
    assert trainings not in ids(library, EventFilter(date_to="1997-06-30"))


@pytest.mark.parametrize(("date_from", "date_to"), [("1999", "1997"), ("garbage", None), (None, "1997-13"),
                                                    ("1994-02-30", None), ("2000-05", "2000-04-30")])
def test_invalid_window_raises(date_from, date_to):
    with pytest.raises(DateError):
        EventFilter(date_from=date_from, date_to=date_to)


# --- organisations and their bodies ------------------------------------------------------------


def test_nato_includes_events_linked_only_to_its_bodies(library, db_path):
    tree = org_tree(db_path, "org-nato")
    assert {"org-nato-pa", "org-eapc", "org-nacc", "org-pfp"} <= tree
    nato = ids(library, EventFilter(organisations=("org-nato",)))
    assert nato == events_of_orgs(db_path, tree)
    links = query(db_path, "SELECT event_id, organisation_id FROM event_organisations")
    only_bodies = {e for e in nato if "org-nato" not in {o for x, o in links if x == e}}
    pa_only = {e for e in only_bodies if {o for x, o in links if x == e} == {"org-nato-pa"}}
    eapc_only = {e for e in only_bodies if {o for x, o in links if x == e} == {"org-eapc"}}
    assert {"ev-1999-05-az-observer-nato-pa", "ev-2001-11-19-az-associate-nato-pa"} <= pa_only
    assert "ev-1997-az-joins-eapc" in eapc_only
    assert only_bodies - pa_only - eapc_only  # e.g. the disputed EAPC/PfP claim
    # a body alone does not include its parent's other events
    pa = ids(library, EventFilter(organisations=("org-nato-pa",)))
    assert pa == events_of_orgs(db_path, {"org-nato-pa"})
    assert pa < nato


def test_nato_1997_to_1999(library, db_path):
    f = EventFilter(organisations=("org-nato",), date_from="1997", date_to="1999")
    dates = events_by_date(db_path)
    expected = {e for e in events_of_orgs(db_path, org_tree(db_path, "org-nato"))
                if parse_edtf(dates[e]).overlaps(date(1997, 1, 1), date(1999, 12, 31))}
    assert ids(library, f) == expected
    assert {"ev-1999-05-az-observer-nato-pa", "ev-1997-az-joins-eapc"} <= expected


# --- OR within a dimension, AND across -------------------------------------------------------------


def test_or_within_and_across_dimensions(library):
    nato = ids(library, EventFilter(organisations=("org-nato",)))
    cis = ids(library, EventFilter(organisations=("org-cis",)))
    visits = ids(library, EventFilter(kinds=("visit",)))
    summits = ids(library, EventFilter(kinds=("summit",)))
    assert nato and cis and visits and summits
    assert ids(library, EventFilter(organisations=("org-nato", "org-cis"))) == nato | cis
    assert ids(library, EventFilter(kinds=("visit", "summit"))) == visits | summits
    both = ids(library, EventFilter(organisations=("org-nato", "org-cis"), kinds=("visit", "summit")))
    assert both == (nato | cis) & (visits | summits)
    assert ids(library, EventFilter(organisations=("org-cis",), kinds=("visit",))) == cis & visits
    windowed = ids(library, EventFilter(organisations=("org-nato",), date_from="2001", kinds=("visit",)))
    assert windowed == nato & visits & ids(library, EventFilter(date_from="2001"))


def test_kinds(library, db_path):
    for kind, in query(db_path, "SELECT DISTINCT kind FROM events"):
        expected = {e for e, k in query(db_path, "SELECT id, kind FROM events") if k == kind}
        assert ids(library, EventFilter(kinds=(kind,))) == expected


def test_countries_and_people(library, db_path):
    ru = {e for e, c in query(db_path, "SELECT event_id, country_id FROM event_countries") if c == "RU"}
    assert ru and ids(library, EventFilter(countries=("RU",))) == ru
    aliyev = {e for e, p in query(db_path, "SELECT event_id, person_id FROM event_people")
              if p == "per-heydar-aliyev"}
    assert aliyev and ids(library, EventFilter(people=("per-heydar-aliyev",))) == aliyev


def test_sources(library, db_path):
    for (source,) in query(db_path, "SELECT id FROM sources"):
        expected = {e for (e,) in query(db_path, "SELECT c.event_id FROM event_citations c JOIN passages p "
                                        "ON p.id = c.passage_id WHERE p.source_id = ?", (source,))}
        assert ids(library, EventFilter(sources=(source,))) == expected
    assert ids(library, EventFilter(sources=("src-001",)))


def test_disputed(library, db_path):
    disputed = {e for e, d in query(db_path, "SELECT id, disputed FROM events") if d}
    assert "ev-1994-az-eapc-participation-claim" in disputed
    assert disputed == {e for e, g in query(db_path, "SELECT id, evidence FROM events") if g == "contested"}
    assert ids(library, EventFilter(disputed=True)) == disputed
    undisputed = ids(library, EventFilter(disputed=False))
    assert undisputed and not undisputed & disputed
    assert undisputed | disputed == ids(library, EventFilter())


def test_tags_and_annotated(fresh_library):
    library, db_path = fresh_library, fresh_library.path
    assert ids(library, EventFilter(annotated=True)) == set()
    assert ids(library, EventFilter(tags=("follow-up",))) == set()
    library.add_annotation("event", "ev-1996-pfp-implementation-begins", "check", tags=["follow-up", "pfp"])
    library.add_annotation("passage", "p002-pa-observer", "observer status", tags=["Follow-up 2"])
    library.add_annotation("organisation", "org-nato", "not an event note", tags=["org-only"])
    pa_events = {e for (e,) in query(db_path, "SELECT event_id FROM event_citations WHERE passage_id = ?",
                                     ("p002-pa-observer",))}
    assert pa_events
    assert ids(library, EventFilter(tags=("follow-up",))) == {"ev-1996-pfp-implementation-begins"}
    assert ids(library, EventFilter(tags=("Follow-up 2",))) == pa_events
    assert ids(library, EventFilter(tags=("follow-up", "Follow-up 2"))) == pa_events | {
        "ev-1996-pfp-implementation-begins"}
    assert ids(library, EventFilter(tags=("org-only",))) == set()
    assert ids(library, EventFilter(annotated=True)) == pa_events | {"ev-1996-pfp-implementation-begins"}
    assert ids(library, EventFilter(annotated=True, tags=("pfp",), kinds=("cooperation",))) == {
        "ev-1996-pfp-implementation-begins"}


# --- bound parameters ------------------------------------------------------------------------------

HOSTILE = ["'); DROP TABLE events; --", "\" OR 1=1 --", "org-nato' OR '1'='1", "%", "_", "\x00", "😀",
           "); DELETE FROM annotations; --", ":p0", "?", "${x}"]


def _everywhere(value: str) -> EventFilter:
    return EventFilter(organisations=(value,), countries=(value,), people=(value,), kinds=(value,),
                       sources=(value,), tags=(value,), text=value + " NATO", disputed=True, annotated=True)


@pytest.mark.parametrize("value", HOSTILE)
def test_compile_filter_binds_every_value(library, value):
    f, innocent = _everywhere(value), _everywhere("harmless")
    for dim in (None, *DIMENSIONS):
        # the SQL text does not depend on the values: they all travel as parameters
        assert compile_filter(f, exclude=dim).where == compile_filter(innocent, exclude=dim).where
    compiled = compile_filter(f)
    assert value in compiled.params.values()
    assert "DROP" not in compiled.where and "DELETE" not in compiled.where
    assert library.count(f) == 0
    assert library.count(EventFilter()) == library.total() == len(events_by_date(library.path))


def test_percent_and_underscore_are_not_wildcards(library):
    assert ids(library, EventFilter(kinds=("%",))) == set()
    assert ids(library, EventFilter(organisations=("org-%",))) == set()
    assert ids(library, EventFilter(tags=("_",))) == set()


def test_dates_are_bound_too():
    c = compile_filter(EventFilter(date_from="1997", date_to="1999"))
    assert "1997" not in c.where and "1999" not in c.where
    assert sorted(c.params.values()) == ["1997-01-01", "1999-12-31"]


# --- descriptions ------------------------------------------------------------------------------------


def test_describe_text(library):
    f = EventFilter(date_from="1997", date_to="1999", organisations=("org-nato",))
    assert library.describe_text(f) == "1997 – 1999 · organisation is NATO"
    assert library.describe_text(EventFilter()) == "all events"
    full = EventFilter(date_from="1998-21", organisations=("org-nato", "org-cis"), countries=("RU",),
                       people=("per-heydar-aliyev",), kinds=("military_operation",), sources=("src-002",),
                       tags=("follow-up",), disputed=False, annotated=True, text=" Solana ")
    assert library.describe_text(full) == (
        "from spring 1998 · organisation is NATO · organisation is CIS · country is Russia · "
        "person is Heydar Aliyev · kind is military operation · source is Azerbaijan - NATO · "
        "tagged follow-up · undisputed only · annotated only · text contains “Solana”")
    assert library.describe_text(EventFilter(date_to="1994-05-04", disputed=True)) == (
        "until 4 May 1994 · disputed only")
    assert library.describe_text(EventFilter(date_from="spring 1998", date_to="1999")) == "spring 1998 – 1999"


def test_chips_remove_what_they_describe(library):
    f = EventFilter(date_from="1997", date_to="1999", organisations=("org-nato", "org-cis"), kinds=("visit",),
                    disputed=True, annotated=True, text="Solana")
    chips = library.describe(f)
    assert [c.label for c in chips][:3] == ["1997 – 1999", "organisation is NATO", "organisation is CIS"]
    for chip in chips:
        smaller = f.without(chip.dimension, chip.value)
        assert smaller != f
        assert chip.label not in [c.label for c in library.describe(smaller)]
        assert len(library.describe(smaller)) == len(chips) - 1


def test_unknown_ids_are_described_by_their_id(library):
    assert library.describe_text(EventFilter(organisations=("org-gone",))) == "organisation is org-gone"


def test_describe_uses_a_session(db_path):
    from azrel_desktop.core.store.database import open_database

    db = open_database(db_path)
    try:
        with db.read() as s:
            assert describe_text(s, EventFilter(countries=("AZ",))) == "country is Azerbaijan"
            assert [c.dimension for c in describe(s, EventFilter(date_from="1997"))] == ["date_from"]
    finally:
        db.close()


# --- values ------------------------------------------------------------------------------------------


def test_without_and_toggled():
    f = EventFilter(date_from="1997", date_to="1999", organisations=("org-nato", "org-cis"), kinds=("visit",),
                    disputed=False, annotated=True, text="x")
    assert f.without("organisations", "org-cis").organisations == ("org-nato",)
    assert f.without("organisations").organisations == ()
    assert f.without("dates").date_from is None and f.without("dates").date_to is None
    assert f.without("date_from") == EventFilter(date_to="1999", organisations=("org-nato", "org-cis"),
                                                 kinds=("visit",), disputed=False, annotated=True, text="x")
    assert f.without("date_to").date_to is None and f.without("date_to").date_from == "1997"
    assert f.without("disputed").disputed is None
    assert f.without("annotated").annotated is False
    assert f.without("text").text == ""
    assert f.toggled("kinds", "visit").kinds == ()
    assert f.toggled("kinds", "summit").kinds == ("visit", "summit")
    assert f.toggled("organisations", "org-nato").toggled("organisations", "org-nato").organisations == (
        "org-cis", "org-nato")
    assert EventFilter(organisations=["org-nato"]).organisations == ("org-nato",)
    # a single id given as text is one value, not a tuple of its characters
    assert EventFilter(organisations="org-nato", kinds="visit").organisations == ("org-nato",)
    assert EventFilter.from_dict({"kinds": "visit", "tags": "follow-up"}) == EventFilter(kinds=("visit",),
                                                                                      tags=("follow-up",))
    assert hash(f) == hash(EventFilter(**{**f.__dict__}))
    assert EventFilter().is_empty and not f.is_empty


names = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
filters = st.builds(
    EventFilter,
    date_from=st.sampled_from([None, "1997", "1998-21", "spring 1998", "1993-07/1993-12"]),
    date_to=st.sampled_from([None, "1999", "2024-04-22"]),
    organisations=st.lists(names, max_size=3).map(tuple), countries=st.lists(names, max_size=3).map(tuple),
    people=st.lists(names, max_size=2).map(tuple), kinds=st.lists(names, max_size=2).map(tuple),
    sources=st.lists(names, max_size=2).map(tuple), tags=st.lists(names, max_size=3).map(tuple),
    disputed=st.sampled_from([None, True, False]), annotated=st.booleans(), text=names,
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(filters)
def test_to_dict_from_dict_round_trip(library, f):
    data = f.to_dict()
    assert EventFilter.from_dict(data) == f
    assert EventFilter.from_dict(json.loads(json.dumps(data))) == f
    assert EventFilter.from_dict({**data, "unknown_key": 1}) == f
    assert library.count(f) >= 0  # and any such filter runs
