"""IR panel tables: memberships as a COW-IGO state-year panel, agreement steps as a UN Treaty
Collection status list, each row cited, and both narrowed by the one filter."""

from __future__ import annotations

import csv
import io

from azrel_desktop.core.cli import main
from azrel_desktop.core.output import panels
from azrel_desktop.core.query.filters import EventFilter


def _rows(capsys, db_path, *argv) -> list[dict[str, str]]:
    assert main(["--db", str(db_path), "export", *argv]) == 0
    return list(csv.DictReader(io.StringIO(capsys.readouterr().out)))


def test_cis_membership_years_are_coded_as_cow_codes_them(capsys, db_path):
    rows = _rows(capsys, db_path, "memberships", "--panel", "state-year", "--org", "CIS")
    assert list(rows[0]) == list(panels.PANEL_COLUMNS)
    by_year = {r["year"]: r for r in rows if r["organisation_id"] == "org-cis"}
    # a founding member in December 1991; an observer at the end of 1992 after the vote of October
    assert (by_year["1991"]["status"], by_year["1991"]["status_label"]) == ("1", "founding_member")
    assert (by_year["1992"]["status"], by_year["1992"]["status_label"]) == ("3", "observer")
    # membership again some time between September 1993 and March 1994: 1993 is not certain
    assert (by_year["1993"]["status"], by_year["1993"]["uncertain"]) == ("1", "yes")
    assert (by_year["1994"]["status"], by_year["1994"]["uncertain"]) == ("1", "no")
    assert max(by_year) == "1994"  # the 1994 study is the last source: no year past the evidence
    assert all(r["cow_code"] == "373" and r["quotes"] and r["sources"] for r in by_year.values())


def test_partners_are_not_members_in_cow_terms():
    assert panels.COW_STATUS["partner"] == panels.NONE and panels.COW_STATUS["observer"] == panels.OBSERVER
    assert panels.COW_STATUS["associate_member"] == panels.ASSOCIATE and panels.COW_STATUS["member"] == panels.FULL


def test_the_panel_respects_the_filter(capsys, db_path):
    every = _rows(capsys, db_path, "memberships", "--panel", "state-year")
    armenia = _rows(capsys, db_path, "memberships", "--panel", "state-year", "--country", "Armenia")
    assert armenia and {r["country_id"] for r in armenia} == {"AM"}
    assert len(armenia) < len(every)
    window = _rows(capsys, db_path, "memberships", "--panel", "state-year", "--from", "1992", "--to", "1993")
    assert window and {r["year"] for r in window} <= {"1992", "1993"}
    assert main(["--db", str(db_path), "export", "memberships", "--panel", "state-year", "--kind", "visit",
                 "--search", "summit"]) == 2
    assert "cannot filter by --kind, --search" in capsys.readouterr().err


def test_agreement_steps_list_each_participant_and_action_with_its_passage(capsys, db_path):
    rows = _rows(capsys, db_path, "agreements", "--steps")
    assert list(rows[0]) == list(panels.STEP_COLUMNS)
    friendship = [r for r in rows if r["agreement_id"] == "agr-az-ru-friendship-1992"]
    assert {(r["participant_id"], r["action"], r["participant_from"]) for r in friendship} == {
        ("AZ", "signature", "parties"), ("RU", "signature", "parties")}
    assert all(r["date"] == "1992-10-12" and r["date_precision"] == "day" for r in friendship)
    rejected = [r for r in rows if r["action"] == "ratification rejected"]
    assert rejected and rejected[0]["participant"] == "Azerbaijan"
    assert all(r["quotes"] and r["sources"] for r in rows)
    russia = _rows(capsys, db_path, "agreements", "--steps", "--country", "Russia")
    assert russia and {r["participant_id"] for r in russia} == {"RU"}


def test_the_steps_respect_dates_and_sources(shared_library):
    with shared_library.db.read() as s:
        every = panels.agreement_steps(s, EventFilter())
        nineties = panels.agreement_steps(s, EventFilter(date_from="1990", date_to="1999"))
        one = panels.agreement_steps(s, EventFilter(sources=("src-000",)))
    assert 0 < len(nineties) < len(every)
    assert all(r[10] <= "1999-12-31" for r in nineties)
    assert 0 < len(one) < len(every)
