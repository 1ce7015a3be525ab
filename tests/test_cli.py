"""The `azrel` command line, run in-process (core/cli.py)."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import subprocess
import sys
from datetime import date

import pytest

from azrel_desktop.core import cli
from azrel_desktop.core.cli import main
from azrel_desktop.core.corpus.dates import parse_edtf


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def csv_rows(text: str) -> list[dict[str, str]]:
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


def header(text: str) -> list[str]:
    return next(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))


def scalar(path, sql: str, params=()):
    con = sqlite3.connect(path)
    try:
        return con.execute(sql, params).fetchone()[0]
    finally:
        con.close()


def one_error_line(code: int, out: str, err: str) -> str:
    assert code != 0
    assert out == ""
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("azrel: error: ")
    return lines[0]


# --- init, stats, check ---------------------------------------------------------------------


def test_init_creates_and_seeds(capsys, tmp_path):
    path = tmp_path / "sub" / "new.sqlite3"
    code, out, err = run(capsys, "--db", path, "init")
    assert code == 0, err
    assert path.exists()
    events = scalar(path, "SELECT count(*) FROM events")
    assert events >= 45
    assert f"{events} events" in out
    assert f"{scalar(path, 'SELECT count(*) FROM sources')} sources" in out
    # a second init is harmless
    code, out2, _ = run(capsys, "--db", path, "init")
    assert code == 0 and out2 == out
    assert scalar(path, "SELECT count(*) FROM events") == events


def test_stats_json_matches_the_database(capsys, db_path):
    code, out, err = run(capsys, "--db", db_path, "stats", "--json")
    assert code == 0, err
    st = json.loads(out)
    for key, sql in {
        "events": "SELECT count(*) FROM events",
        "disputed_events": "SELECT count(*) FROM events WHERE disputed",
        "contested_events": "SELECT count(*) FROM events WHERE evidence = 'contested'",
        "uncorroborated_events": "SELECT count(*) FROM events WHERE evidence = 'uncorroborated'",
        "single_source_events": "SELECT count(*) FROM events WHERE evidence = 'single_source'",
        "corroborated_events": "SELECT count(*) FROM events WHERE evidence = 'corroborated'",
        "sources": "SELECT count(*) FROM sources",
        "agreements": "SELECT count(*) FROM agreements",
        "agreement_steps": "SELECT count(*) FROM agreement_steps",
        "memberships": "SELECT count(*) FROM memberships",
        "organisations": "SELECT count(*) FROM organisations",
        "countries": "SELECT count(*) FROM countries",
        "people": "SELECT count(*) FROM people",
        "annotations": "SELECT count(*) FROM annotations",
        "passages": "SELECT count(*) FROM passages WHERE kind = 'citation'",
        "boilerplate_spans": "SELECT count(*) FROM passages WHERE kind = 'boilerplate'",
        "first_event": "SELECT min(date_start) FROM events",
        "last_event": "SELECT max(date_start) FROM events",
    }.items():
        assert st[key] == scalar(db_path, sql), key
    assert st["events"] >= 45 and st["disputed_events"] >= 1 and st["sources"] == 5
    assert st["disputed_events"] == st["contested_events"]
    assert sum(st[f"{g}_events"] for g in ("corroborated", "single_source", "uncorroborated", "contested")) \
        == st["events"]
    assert st["seed_version"] == int(scalar(db_path, "SELECT value FROM app_meta WHERE key = 'seed_version'"))


def test_stats_text(capsys, db_path):
    code, out, _ = run(capsys, "--db", db_path, "stats")
    assert code == 0
    events = scalar(db_path, "SELECT count(*) FROM events")
    assert any(line.split() == ["events", str(events)] for line in out.splitlines())


def test_check_ok(capsys, db_path):
    code, out, err = run(capsys, "--db", db_path, "check")
    assert code == 0, err
    assert out.startswith("ok: ")
    assert f"{scalar(db_path, 'SELECT count(*) FROM passages')} passages" in out


def test_check_reports_a_passage_that_no_longer_matches(capsys, db_path):
    con = sqlite3.connect(db_path)
    con.execute("UPDATE passages SET exact = 'something else' WHERE id = 'p002-pa-observer'")
    con.commit()
    con.close()
    code, out, err = run(capsys, "--db", db_path, "check")
    assert code == 1
    assert "p002-pa-observer" in out and "ok:" not in out
    assert len(out.splitlines()) == 1
    assert "1 problem" in err and "Traceback" not in err


@pytest.mark.parametrize(("sql", "named"), [
    # a citation written without regrading the event
    ("UPDATE event_citations SET stance = 'contradicts' WHERE passage_id = 'p002-pa-observer'",
     "event ev-1999-05-az-observer-nato-pa: graded single_source, its citations give contested"),
    ("UPDATE memberships SET evidence = 'corroborated' WHERE id = 'mem-az-nrc-claim'",
     "membership mem-az-nrc-claim: graded corroborated, its citations give uncorroborated"),
    ("UPDATE sources SET copies_id = 'src-gone' WHERE id = 'src-001'", "source src-001: copies 'src-gone'"),
])
def test_check_reports_an_evidence_grade_its_citations_do_not_give(capsys, db_path, sql, named):
    con = sqlite3.connect(db_path)
    con.execute(sql)
    con.commit()
    con.close()
    code, out, _err = run(capsys, "--db", db_path, "check")
    assert code == 1
    assert named in out and "ok:" not in out


# --- export events -----------------------------------------------------------------------------


def nato_window_expected(db_path) -> set[str]:
    con = sqlite3.connect(db_path)
    parents = dict(con.execute("SELECT id, parent_id FROM organisations"))
    links = con.execute("SELECT event_id, organisation_id FROM event_organisations").fetchall()
    dates = dict(con.execute("SELECT id, date FROM events"))
    con.close()

    def under_nato(org):
        while org:
            if org == "org-nato":
                return True
            org = parents[org]
        return False

    return {e for e, o in links if under_nato(o)
            and parse_edtf(dates[e]).overlaps(date(1997, 1, 1), date(1999, 12, 31))}


def test_export_nato_1997_to_1999(capsys, db_path):
    code, out, err = run(capsys, "--db", db_path, "export", "events", "--org", "NATO", "--from", "1997",
                         "--to", "1999")
    assert code == 0, err
    rows = csv_rows(out)
    expected = nato_window_expected(db_path)
    assert {r["id"] for r in rows} == expected and len(rows) == len(expected)
    assert "ev-1999-05-az-observer-nato-pa" in expected  # linked only to the NATO PA
    assert "ev-1997-az-joins-eapc" in expected  # linked only to the EAPC
    assert [r["date_start"] for r in rows] == sorted(r["date_start"] for r in rows)
    for r in rows:
        assert r["sources"] and r["quotes"]
    assert "\r\n" in out


def test_an_events_export_after_a_change_says_how_far_the_preparing_is(capsys, fresh_library, changed_while_closed,
                                                                       monkeypatch):
    monkeypatch.setattr(cli, "PREPARING_SAID_FROM", 1)  # said from 20,000 rows; the seed corpus has fewer
    run(capsys, "--db", fresh_library.path, "export", "events")  # may render the rows the first time
    code, _, err = run(capsys, "--db", fresh_library.path, "export", "events")
    assert code == 0 and "preparing" not in err  # the rows are current
    # one event changed: its row alone is rendered again, too fast to be worth a word
    path = changed_while_closed(fresh_library, "UPDATE events SET title = 'changed' WHERE rowid = 1")
    code, out2, err = run(capsys, "--db", path, "export", "events")
    assert code == 0 and "changed" in out2 and "preparing" not in err
    # a new version of what rows hold (a migration moves the export's counter): every row is
    # rendered again, and that is said
    from azrel_desktop.core.service import Library

    path = changed_while_closed(Library.open(path), "UPDATE events SET title = 'changed again' WHERE rowid = 1",
                                "INSERT INTO app_meta(key, value) VALUES ('export_version', '1') "
                                "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1")
    code, out2, err = run(capsys, "--db", path, "export", "events")
    assert code == 0 and "changed again" in out2
    said = [line for line in err.splitlines() if "preparing the rows" in line]
    assert said and said[-1].endswith(": 100%") and len(said) == len(set(said)) <= 11
    code, _, err = run(capsys, "--db", path, "export", "events")
    assert code == 0 and "preparing" not in err


@pytest.mark.parametrize("name", ["NATO", "nato", "NaTo", "  nato ", "North Atlantic Treaty Organization",
                                  "north atlantic treaty organization", "North Atlantic Alliance",
                                  "NORTH ATLANTIC ALLIANCE", "org-nato"])
def test_org_is_found_by_name_abbreviation_or_alias(capsys, db_path, name):
    code, out, err = run(capsys, "--db", db_path, "export", "events", "--org", name, "--from", "1997",
                         "--to", "1999")
    assert code == 0, err
    assert {r["id"] for r in csv_rows(out)} == nato_window_expected(db_path)


def test_several_filters(capsys, db_path, library):
    from azrel_desktop.core.query.filters import EventFilter

    code, out, _ = run(capsys, "--db", db_path, "export", "events", "--org", "NATO", "--org", "cis",
                       "--kind", "visit", "--kind", "summit", "--country", "azerbaijan", "--undisputed")
    assert code == 0
    f = EventFilter(organisations=("org-nato", "org-cis"), kinds=("visit", "summit"), countries=("AZ",),
                    disputed=False)
    assert [r["id"] for r in csv_rows(out)] == [r.id for r in library.rows(f, limit=10_000)]
    code, out, _ = run(capsys, "--db", db_path, "export", "events", "--search", "Solana", "--disputed")
    assert code == 0 and csv_rows(out) == []
    assert header(out)[0] == "id"


def test_output_file_and_count_on_stderr(capsys, db_path, tmp_path):
    target = tmp_path / "nato.csv"
    code, out, err = run(capsys, "--db", db_path, "export", "events", "--org", "NATO", "-o", target)
    assert code == 0
    assert out == ""
    rows = csv_rows(target.read_text(encoding="utf-8"))
    n = scalar(db_path, "SELECT count(DISTINCT eo.event_id) FROM event_organisations eo JOIN organisations o "
                        "ON o.id = eo.organisation_id WHERE o.id = 'org-nato' OR o.parent_id = 'org-nato'")
    assert len(rows) == n
    assert err.splitlines() == [f"{n} events (organisation is NATO) written to {target}"]
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix != ".sqlite3") == ["nato.csv"]


def test_excel_flag_writes_one_bom(capsys, db_path, tmp_path):
    target = tmp_path / "x.csv"
    assert run(capsys, "--db", db_path, "export", "events", "--excel", "-o", target)[0] == 0
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.count(b"\xef\xbb\xbf") == 1


@pytest.mark.parametrize("what", ["agreements", "organisations", "sources", "annotations"])
def test_other_exports(capsys, db_path, library, what):
    library.add_annotation("event", "ev-1997-02-solana-visits-baku", "=cmd note", tags=["cli"])
    code, out, err = run(capsys, "--db", db_path, "export", what)
    assert code == 0, err
    rows = csv_rows(out)
    table = {"agreements": "agreements", "organisations": "organisations", "sources": "sources",
             "annotations": "annotations"}[what]
    assert len(rows) == scalar(db_path, f"SELECT count(*) FROM {table}") > 0
    assert header(out)[0] == "id"
    if what == "annotations":
        assert rows[0]["body"] == "'=cmd note" and rows[0]["tags"] == "cli"
    narrowed = ["--tag", "cli"] if what == "annotations" else ["--org", "CIS"]
    code, out, _ = run(capsys, "--db", db_path, "export", what, *narrowed)
    assert code == 0 and header(out)[0] == "id"
    assert 0 < len(csv_rows(out)) <= len(rows)


# --- user mistakes: one line on stderr, non-zero, no traceback -----------------------------------


def test_ambiguous_org_lists_candidates(capsys, db_path):
    line = one_error_line(*run(capsys, "--db", db_path, "export", "events", "--org", "north"))
    assert "ambiguous" in line and "[org-nato]" in line and "[org-nacc]" in line


def test_unknown_org_lists_known_ones(capsys, db_path):
    line = one_error_line(*run(capsys, "--db", db_path, "export", "events", "--org", "Warsaw Pact"))
    assert "unknown organisation" in line and "[org-nato]" in line and "[org-cis]" in line


def test_bad_from(capsys, db_path):
    line = one_error_line(*run(capsys, "--db", db_path, "export", "events", "--from", "1997-13"))
    assert "1997-13" in line


@pytest.mark.parametrize("argv", [
    ["export", "events", "--from", "garbage"],
    ["export", "events", "--from", "1999", "--to", "1997"],
    ["export", "events", "--to", "1994-02-30"],
    ["export", "events", "--from", "99999999999 days before 2024-04-22"],
    ["export", "events", "--from", "5 years after 9999"],
    ["export", "events", "--from", "two years after the 1990s"],
    ["export", "events", "--from", "about " * 3000 + "1994"],
    ["export", "events", "--country", "Atlantis"],
    ["export", "events", "--person", "a"],
    ["export", "events", "--kind", "party"],
    ["export", "events", "--source", "zzzz"],
    ["export", "events", "--org", ""],
    ["export", "events", "--disputed", "--undisputed"],
    ["export", "nonsense"],
    ["export"],
    ["frobnicate"],
    [],
    ["stats", "--jsn"],
    ["export", "events", "--output"],
])
def test_user_mistakes_give_one_line(capsys, db_path, argv):
    one_error_line(*run(capsys, "--db", db_path, *argv))


@pytest.mark.parametrize("option", [["--org", "NATO"], ["--from", "1997"], ["--kind", "visit"], ["--disputed"],
                                    ["--annotated"], ["--country", "AZ"]])
def test_annotations_export_refuses_filters_it_cannot_apply(capsys, db_path, option):
    # notes are narrowed by --tag and --search only; a silently ignored --org would export every note
    line = one_error_line(*run(capsys, "--db", db_path, "export", "annotations", *option))
    assert "--tag" in line and "--search" in line
    code, out, _ = run(capsys, "--db", db_path, "export", "annotations", "--tag", "x", "--search", "y")
    assert code == 0 and header(out)[0] == "id"


def test_output_into_a_folder_or_a_missing_folder(capsys, db_path, tmp_path):
    line = one_error_line(*run(capsys, "--db", db_path, "export", "events", "-o", tmp_path))
    assert "folder" in line
    missing = tmp_path / "no" / "such" / "out.csv"
    line = one_error_line(*run(capsys, "--db", db_path, "export", "events", "-o", missing))
    assert str(missing.parent) in line and ".partial" not in line
    assert not missing.parent.exists()


def test_junk_db_is_refused_and_left_untouched(capsys, tmp_path):
    junk = tmp_path / "junk.sqlite3"
    data = b"this is not a database\n" * 50
    junk.write_bytes(data)
    for argv in (["stats"], ["init"], ["check"], ["export", "events"]):
        line = one_error_line(*run(capsys, "--db", junk, *argv))
        assert str(junk) in line and "not a SQLite database" in line
        assert junk.read_bytes() == data
    assert sorted(p.name for p in tmp_path.iterdir()) == ["junk.sqlite3"]


def test_version(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.startswith("azrel ")


def _azrel(*argv: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "azrel_desktop.core.cli", *argv], capture_output=True,
                          env={**os.environ, **env}, timeout=120)


def test_non_ascii_paths_print_when_output_is_redirected_under_a_windows_code_page(tmp_path):
    """`azrel … > log` on Windows: a pipe or file gets the ANSI code page (cp1252 here, as
    PYTHONIOENCODING forces), which cannot encode ə; the output must be whole, in UTF-8."""
    folder = tmp_path / "Məmmədov Şəhla Жанна"
    folder.mkdir()
    junk = folder / "kitabxana.sqlite3"
    junk.write_bytes(b"not a database at all")
    env = {"PYTHONIOENCODING": "cp1252", "AZREL_DB": str(junk), "COLUMNS": "2000"}
    shown = _azrel("--help", env=env)  # names the default file, $AZREL_DB
    assert shown.returncode == 0, shown.stderr.decode("utf-8", "replace")
    assert str(junk) in shown.stdout.decode("utf-8")
    refused = _azrel("check", env=env)
    assert refused.returncode == 2
    err = refused.stderr.decode("utf-8")
    assert err.startswith("azrel: error: ") and str(junk) in err and "Traceback" not in err
    assert junk.read_bytes() == b"not a database at all"
