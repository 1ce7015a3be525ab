"""`azrel add`, `azrel edit` and `azrel delete`: scripted coding from the command line, every
quote verified against the source's stored text (core/research/commands.py)."""

from __future__ import annotations

import csv
import io
import json
import sqlite3

from azrel_desktop.core.cli import main

NEWS = "src-004"
CORPUS_EVENT = "ev-1992-10-12-az-ru-friendship-treaty"


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def count(path, sql: str, params=()) -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute(sql, params).fetchone()[0]
    finally:
        con.close()


def test_add_an_event_citing_a_quote_and_see_it_exported(db_path, capsys):
    code, out, err = run(capsys, "--db", db_path, "add", "event", "--title", "Aliyev meets Putin in Moscow",
                         "--kind", "meeting", "--date", "2024-04-22", "--country", "Azerbaijan",
                         "--country", "russia", "--org", "CSTO",
                         "--cite", f'{NEWS}:"Mr Aliyev and Mr Putin shook hands"', "--json")
    assert code == 0, err
    made = json.loads(out)
    assert made["kind"] == "event" and made["mine"] and made["label"] == "2024-04-22 Aliyev meets Putin in Moscow"
    assert [(c["quote"], c["stance"]) for c in made["citations"]] == [("Mr Aliyev and Mr Putin shook hands",
                                                                       "supports")]
    code, out, _ = run(capsys, "--db", db_path, "export", "events", "--search", "shook hands", "--org", "CSTO")
    assert made["id"] in out and "Mr Aliyev and Mr Putin shook hands" in out
    code, out, _ = run(capsys, "--db", db_path, "check")
    assert code == 0 and out.startswith("ok") and "citations (1 of them yours) verified" in out
    con = sqlite3.connect(db_path)  # the user's quote no longer at its place: check says so
    con.execute("UPDATE passages SET start = start + 1, \"end\" = \"end\" + 1 WHERE kind = 'user'")
    con.commit()
    con.close()
    code, out, _ = run(capsys, "--db", db_path, "check")
    assert code == 1 and "its quote is no longer at" in out


def test_the_date_is_proposed_from_the_quote_and_the_publication_date(db_path, capsys):
    code, out, err = run(capsys, "--db", db_path, "add", "event", "--title", "Armenia files a claim",
                         "--kind", "legal_action", "--cite", f'{NEWS}:"On April 16, Armenia lodged"')
    assert code == 0, err
    assert "date: 2024-04-16" in out and "taken from the source's publication date" in out


def test_a_quote_that_is_not_there_is_refused_in_one_line_and_nothing_saved(db_path, capsys):
    before = count(db_path, "SELECT count(*) FROM events")
    code, out, err = run(capsys, "--db", db_path, "add", "event", "--title", "x", "--kind", "meeting",
                         "--date", "2024", "--cite", f'{NEWS}:"Putin resigned"')
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "is not in" in err
    assert count(db_path, "SELECT count(*) FROM events") == before
    assert count(db_path, "SELECT count(*) FROM passages WHERE kind = 'user'") == 0


def test_an_ambiguous_quote_needs_disambiguation(db_path, capsys):
    base = ("--db", db_path, "add", "event", "--title", "x", "--kind", "meeting", "--date", "2024")
    code, _out, err = run(capsys, *base, "--cite", f'{NEWS}:"Kremlin"')
    assert code == 2 and "occurs 6 times" in err and "--occurrence N" in err
    code, out, err = run(capsys, *base, "--cite", f'{NEWS}:"Kremlin"', "--occurrence", "3", "--json")
    assert code == 0, err
    third = json.loads(out)["citations"][0]
    code, out, err = run(capsys, *base, "--cite", f'{NEWS}:"Kremlin"', "--before", "said Dmitry Peskov, the",
                         "--json")
    assert json.loads(out)["citations"][0]["start"] == third["start"]
    code, out, err = run(capsys, *base, "--cite", f'{NEWS}#3:"Kremlin"', "--cite", f'{NEWS}:"Dmitry Peskov"',
                         "--json")
    assert code == 0, err
    assert json.loads(out)["citations"][1]["start"] == third["start"]


def test_cite_a_corpus_event_as_contradicting_marks_it_disputed(db_path, capsys):
    code, out, err = run(capsys, "--db", db_path, "add", "citation", CORPUS_EVENT,
                         f'{NEWS}:"Armenian officials have accused Russia of betrayal"', "--contradicts")
    assert code == 0, err
    assert out.startswith(f"cited event {CORPUS_EVENT}")
    assert count(db_path, "SELECT disputed FROM events WHERE id = ?", (CORPUS_EVENT,)) == 1
    code, out, _ = run(capsys, "--db", db_path, "export", "events", "--disputed", "--search", "friendship treaty")
    assert "Armenian officials have accused Russia of betrayal" in out


def test_corpus_records_cannot_be_edited_or_deleted(db_path, capsys):
    for argv in (("edit", CORPUS_EVENT, "--title", "mine"), ("delete", CORPUS_EVENT)):
        code, _out, err = run(capsys, "--db", db_path, *argv)
        assert code == 2 and "part of the shipped corpus" in err and err.count("\n") == 1


def test_edit_and_delete_your_own_event(db_path, capsys):
    code, out, _ = run(capsys, "--db", db_path, "add", "event", "--title", "First title", "--kind", "meeting",
                       "--date", "2024-04", "--cite", f'{NEWS}:"Dmitry Peskov"', "--json")
    eid = json.loads(out)["id"]
    code, out, err = run(capsys, "--db", db_path, "edit", eid, "--title", "Second title", "--date", "spring 2024",
                         "--org", "NATO")
    assert code == 0, err
    assert out.startswith(f"changed event {eid}: 2024-21 Second title")
    assert count(db_path, "SELECT count(*) FROM event_organisations WHERE event_id = ?", (eid,)) == 1
    code, _out, err = run(capsys, "--db", db_path, "edit", eid)
    assert code == 2 and "nothing to change" in err
    code, _out, err = run(capsys, "--db", db_path, "edit", eid, "--status", "member")
    assert code == 2 and "an event has no --status to change" in err
    code, out, _ = run(capsys, "--db", db_path, "delete", f"event:{eid}")
    assert code == 0 and out == f"deleted event {eid}\n"
    assert count(db_path, "SELECT count(*) FROM events WHERE id = ?", (eid,)) == 0
    code, _out, err = run(capsys, "--db", db_path, "delete", eid)
    assert code == 2 and "there is no record" in err


def test_add_a_step_and_a_membership(db_path, capsys):
    code, out, err = run(capsys, "--db", db_path, "add", "step", "--agreement", "agr-az-ru-friendship-1992",
                         "--step", "withdrawn", "--date", "2024", "--country", "Russia",
                         "--cite", f'{NEWS}:"the Kremlin said that they were no longer needed"', "--json")
    assert code == 0, err
    assert json.loads(out)["kind"] == "step"
    code, out, err = run(capsys, "--db", db_path, "add", "membership", "--country", "Armenia", "--org", "CSTO",
                         "--status", "member", "--start", "1994",
                         "--cite", f'{NEWS}:"he wants to leave the Kremlin’s CSTO security pact"')
    assert code == 0, err
    mid = out.split()[2].rstrip(":")
    code, out, err = run(capsys, "--db", db_path, "edit", mid, "--status", "suspended", "--end", "2024")
    assert code == 0, err
    assert count(db_path, "SELECT count(*) FROM memberships WHERE id = ? AND status = 'suspended' "
                 "AND \"end\" = '2024'", (mid,)) == 1


def test_stats_count_your_own_records(db_path, capsys):
    run(capsys, "--db", db_path, "add", "event", "--title", "x", "--kind", "meeting", "--date", "2024",
        "--cite", f'{NEWS}:"Dmitry Peskov"')
    _code, out, _ = run(capsys, "--db", db_path, "stats", "--json")
    stats = json.loads(out)
    assert (stats["your_events"], stats["your_citations"], stats["your_memberships"]) == (1, 1, 0)


def test_export_only_your_own_events_with_origin(db_path, capsys):
    _code, out, _ = run(capsys, "--db", db_path, "add", "event", "--title", "Mine", "--kind", "meeting",
                        "--date", "2024", "--cite", f'{NEWS}:"Dmitry Peskov"', "--json")
    eid = json.loads(out)["id"]
    code, out, err = run(capsys, "--db", db_path, "export", "events", "--origin", "mine")
    assert code == 0, err
    lines = out.strip().splitlines()
    assert len(lines) == 2 and lines[1].startswith(eid) and ",mine," in lines[1]
    code, out, _ = run(capsys, "--db", db_path, "export", "events", "--origin", "corpus")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert eid not in {r["id"] for r in rows} and {r["origin"] for r in rows} == {"corpus"}
    assert len(rows) == count(db_path, "SELECT count(*) FROM events WHERE is_seed")
    code, _out, err = run(capsys, "--db", db_path, "export", "events", "--origin", "theirs")
    assert code == 2 and "unknown origin 'theirs'" in err
