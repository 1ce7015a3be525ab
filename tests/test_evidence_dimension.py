"""The evidence grade as a dimension of the one filter: SQL, facet counts, chips, the CLI's
`--evidence`, the CSV column; `--disputed` still means contested."""

from __future__ import annotations

import csv
import io
import sqlite3

import pytest

from azrel_desktop.core.cli import main
from azrel_desktop.core.corpus.evidence import GRADES
from azrel_desktop.core.query.filters import EventFilter


def by_grade(path) -> dict[str, set[str]]:
    con = sqlite3.connect(path)
    try:
        found: dict[str, set[str]] = {g: set() for g in GRADES}
        for eid, grade in con.execute("SELECT id, evidence FROM events"):
            found[grade].add(eid)
        return found
    finally:
        con.close()


def ids(library, f: EventFilter) -> set[str]:
    return {r.id for r in library.rows(f, limit=10_000)}


@pytest.mark.parametrize("grade", GRADES)
def test_each_grade_selects_its_events(library, db_path, grade):
    assert ids(library, EventFilter(evidence=(grade,))) == by_grade(db_path)[grade]
    assert library.count(EventFilter(evidence=(grade,))) == len(by_grade(db_path)[grade])


def test_grades_are_alternatives_and_combine_with_other_dimensions(library, db_path):
    grades = by_grade(db_path)
    assert ids(library, EventFilter(evidence=("uncorroborated", "contested"))) == \
        grades["uncorroborated"] | grades["contested"]
    nato_weak = ids(library, EventFilter(evidence=("uncorroborated", "contested"), organisations=("org-nato",)))
    assert nato_weak == ids(library, EventFilter(organisations=("org-nato",))) & (
        grades["uncorroborated"] | grades["contested"])
    assert "ev-1994-az-eapc-participation-claim" in nato_weak


def test_disputed_still_means_contested(library, db_path):
    grades = by_grade(db_path)
    assert ids(library, EventFilter(disputed=True)) == grades["contested"]
    assert ids(library, EventFilter(disputed=False)) == set().union(*grades.values()) - grades["contested"]
    # the $28.28 billion claim of the reprint is not contested, but it is not trusted either
    assert "ev-2016-az-de-trade" in ids(library, EventFilter(disputed=False, evidence=("uncorroborated",)))


def test_the_facet_lists_every_grade_in_order_with_what_choosing_it_gives(library, sql_count):
    f = EventFilter(organisations=("org-nato",))
    facets = library.facets(f)
    assert [v.value for v in facets.evidence] == list(GRADES)
    assert [v.label for v in facets.evidence] == ["corroborated", "single source", "uncorroborated", "contested"]
    for v in facets.evidence:
        assert v.count == sql_count(library, EventFilter(organisations=("org-nato",), evidence=(v.value,)))
    # counted under the other dimensions, not under its own choice
    chosen = library.facets(EventFilter(organisations=("org-nato",), evidence=("contested",)))
    assert [v.count for v in chosen.evidence] == [v.count for v in facets.evidence]
    assert chosen.total == sql_count(library, EventFilter(organisations=("org-nato",), evidence=("contested",)))


def test_chips_name_each_grade_and_removing_one_keeps_the_rest(library):
    f = EventFilter(evidence=("single_source", "contested"))
    assert [c.label for c in library.describe(f)] == ["evidence is single source", "evidence is contested"]
    assert f.without("evidence", "contested") == EventFilter(evidence=("single_source",))
    assert EventFilter.from_dict(f.to_dict()) == f


def test_an_unknown_grade_is_refused():
    with pytest.raises(ValueError, match="unknown evidence grade 'proven'"):
        EventFilter(evidence=("proven",))


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def rows(text: str) -> list[dict[str, str]]:
    table = list(csv.reader(io.StringIO(text, newline="")))
    return [dict(zip(table[0], r, strict=True)) for r in table[1:]]


@pytest.mark.parametrize("typed", ["uncorroborated", "Uncorroborated"])
def test_cli_evidence_exports_those_events_with_their_grade(capsys, db_path, typed):
    code, out, err = run(capsys, "--db", db_path, "export", "events", "--evidence", typed)
    assert code == 0, err
    got = rows(out)
    assert {r["id"] for r in got} == by_grade(db_path)["uncorroborated"]
    assert {r["evidence"] for r in got} == {"uncorroborated"} and {r["disputed"] for r in got} == {"no"}


def test_cli_evidence_takes_the_grade_in_words_and_repeats(capsys, db_path):
    code, out, err = run(capsys, "--db", db_path, "export", "events", "--evidence", "single source",
                         "--evidence", "contested")
    assert code == 0, err
    grades = by_grade(db_path)
    assert {r["id"] for r in rows(out)} == grades["single_source"] | grades["contested"]


def test_cli_an_unknown_grade_is_one_line(capsys, db_path):
    code, out, err = run(capsys, "--db", db_path, "export", "events", "--evidence", "proven")
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "unknown evidence 'proven'" in err and "Traceback" not in err


def test_cli_disputed_matches_evidence_contested(capsys, db_path):
    _, disputed, _ = run(capsys, "--db", db_path, "export", "events", "--disputed")
    _, contested, _ = run(capsys, "--db", db_path, "export", "events", "--evidence", "contested")
    assert disputed == contested and rows(disputed)
