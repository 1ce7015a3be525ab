"""The command line's fast events export (core/output/fast_export.py): with the stored rows
current it writes exactly the bytes of the ordinary export, importing neither SQLAlchemy, numpy
nor the models; anything it cannot do the same (rows out of date or not paired with their
events, search, names to look up, a saved view) is left to the ordinary path."""

from __future__ import annotations

import io
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from azrel_desktop.core import cli
from azrel_desktop.core.output import export, export_rows, fast_export
from azrel_desktop.core.output.fast_export import FastExport
from azrel_desktop.core.query.filters import EventFilter, describe_text

HEAVY = ("sqlalchemy", "alembic", "numpy", "yaml", "azrel_desktop.core.corpus.models",
         "azrel_desktop.core.opening", "azrel_desktop.core.output.export_rows", "azrel_desktop.core.store.database")
EVENT = "ev-1997-02-solana-visits-baku"
HOSTILE = ['=HYPERLINK("http://evil.example","x")', "+1+1", '-2+3 "quoted", and, commas', "@SUM(A1)",
           "line one\r\nline two\nthree", "\t=tab first", "　＝full-width", "'=already quoted", "x" * 40_000]


@pytest.fixture
def noted(fresh_library):
    """A library with notes of hostile text (formulas, quotes, line breaks, a cell longer than
    Excel's limit) on a few events, its stored rows current, closed."""
    library = fresh_library
    with library.db.read() as s:
        events = [r[0] for r in s.connection().exec_driver_sql("SELECT id FROM events ORDER BY id LIMIT 3")]
    for i, body in enumerate(HOSTILE):
        library.add_annotation("event", [*events, EVENT][i % 4], body, tags=[f"=tag{i % 3}", "b, c"])
    assert export.keep_rows(library.db, EventFilter()) or export_rows_current(library)
    return library


def export_rows_current(library) -> bool:
    with library.db.read() as s:
        return export_rows.is_current(s)


def ordinary(library, f: EventFilter, **kw) -> str:
    out = io.StringIO(newline="")
    with library.db.read() as s:
        export.export_events(s, f, out, **kw)
    return out.getvalue()


def fast(path: Path, f: EventFilter, *, sort="date", descending=False, excel=False) -> str | None:
    opened = FastExport.open(path, f, sort=sort, descending=descending)
    if opened is None:
        return None
    try:
        out = io.StringIO(newline="")
        opened.write(out, excel=excel)
        return out.getvalue()
    finally:
        opened.close()


def org_with_events(library) -> str:
    with library.db.read() as s:
        return s.connection().exec_driver_sql(
            "SELECT organisation_id FROM event_organisations GROUP BY 1 ORDER BY count(*) DESC LIMIT 1").scalar_one()


@pytest.mark.parametrize("sort,descending", [("date", False), ("date", True), ("title", True), ("annotations", True)])
@pytest.mark.parametrize("excel", [False, True])
@pytest.mark.parametrize("which", ["none", "org", "dates", "disputed"])
def test_the_fast_path_writes_the_ordinary_bytes(noted, which, excel, sort, descending):
    f = {"none": EventFilter(), "org": EventFilter(organisations=(org_with_events(noted),)),
         "dates": EventFilter(date_from="1997", date_to="2003"), "disputed": EventFilter(disputed=True)}[which]
    expected = ordinary(noted, f, excel=excel, sort=sort, descending=descending)
    got = fast(noted.path, f, excel=excel, sort=sort, descending=descending)
    assert got == expected
    assert "'=HYPERLINK" in got or which != "none"  # the notes are there, made safe
    with noted.db.read() as s:
        assert FastExport.open(noted.path, f).describe() == describe_text(s, f)


def test_long_cells_are_cut_for_excel_and_warned_of_as_today(noted):
    warned: list[str] = []
    opened = FastExport.open(noted.path, EventFilter())
    out = io.StringIO(newline="")
    opened.write(out, excel=True, warn=warned.append)
    opened.close()
    today: list[str] = []
    assert out.getvalue() == ordinary(noted, EventFilter(), excel=True, warn=today.append)
    assert warned == today and "cut short" in warned[0]


def test_search_and_tags_are_left_to_the_ordinary_path(noted):
    assert fast(noted.path, EventFilter(text="Solana")) is None
    assert fast(noted.path, EventFilter(tags=("b, c",))) is None


def test_rows_out_of_date_are_left_to_the_ordinary_path(noted):
    con = sqlite3.connect(noted.path)
    con.execute("UPDATE events SET title = '=changed' WHERE id = ?", (EVENT,))
    con.commit()
    con.close()
    assert fast(noted.path, EventFilter()) is None


def test_rows_not_paired_with_their_events_are_never_written(noted, tmp_path, capsysbinary):
    con = sqlite3.connect(noted.path)
    con.execute("UPDATE export_rows SET id = 'ev-other' WHERE id = ?", (EVENT,))
    con.commit()
    con.close()
    opened = FastExport.open(noted.path, EventFilter())
    assert opened is not None and not opened.all_paired()
    with pytest.raises(fast_export.Unpaired):
        opened.write(io.StringIO(newline=""))
    opened.close()
    # the command line: a file and standard output both get the ordinary export's bytes
    expected = ordinary(noted, EventFilter())
    noted.close()
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "events.csv"
    assert cli.main(["--db", str(noted.path), "export", "events", "-o", str(target)]) == 0
    assert target.read_bytes() == expected.encode("utf-8")
    assert [p.name for p in target.parent.iterdir()] == ["events.csv"]  # no partial file left
    capsysbinary.readouterr()
    assert cli.main(["--db", str(noted.path), "export", "events"]) == 0
    assert capsysbinary.readouterr().out == expected.encode("utf-8")


def test_the_header_is_the_ordinary_one():
    assert fast_export.EVENT_COLUMNS == export.EVENT_COLUMNS


def run_cli(*args: str) -> tuple[subprocess.CompletedProcess, set[str]]:
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "azrel_desktop.core.cli", *args],
                          capture_output=True, timeout=300)
    modules = {line.rsplit("|", 1)[1].strip() for line in proc.stderr.decode().splitlines()
               if line.startswith("import time:") and "|" in line}
    return proc, modules


def cli_ordinary(monkeypatch, capsysbinary, *args: str) -> bytes:
    monkeypatch.setattr(cli, "_fast_export", lambda args: None)
    assert cli.main(list(args)) == 0
    return capsysbinary.readouterr().out


@pytest.mark.parametrize("args", [(), ("--from", "1997", "--to", "1999"), ("--excel",), ("--org", "NATO"),
                                  ("--search", "Solana")])
def test_the_command_writes_the_ordinary_bytes_without_sqlalchemy(noted, tmp_path, monkeypatch, capsysbinary, args):
    noted.close()
    db = ["--db", str(noted.path)]
    target = tmp_path / "fast.csv"
    proc, modules = run_cli(*db, "export", "events", *args, "-o", str(target))
    assert proc.returncode == 0, proc.stderr[-2000:]
    streamed, _ = run_cli(*db, "export", "events", *args)
    expected = cli_ordinary(monkeypatch, capsysbinary, *db, "export", "events", *args)
    assert target.read_bytes() == streamed.stdout == expected
    assert "azrel_desktop.core.query.filters" in modules  # the listing works
    heavy = sorted(m for m in modules if m.startswith(HEAVY))
    if args in (("--org", "NATO"), ("--search", "Solana")):  # a name to look up, a search: the ordinary path
        assert "sqlalchemy" in heavy
    else:
        assert heavy == []
        assert "azrel_desktop.core.output.fast_export" in modules
    assert b"events (" in proc.stderr and b"written to" in proc.stderr


def test_the_library_or_a_link_to_it_is_never_written(noted, tmp_path, capsys):
    noted.close()
    before = noted.path.read_bytes()
    (tmp_path / "links").mkdir()
    link = tmp_path / "links" / "events.csv"
    os.link(noted.path, link)
    for target in (noted.path, link, Path(f"{noted.path}-wal")):
        assert cli.main(["--db", str(noted.path), "export", "events", "-o", str(target)]) == 2
        assert "azrel: error:" in capsys.readouterr().err
    assert noted.path.read_bytes() == before


def stored_heads(path: Path) -> list[tuple]:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT rid, id, head FROM export_rows ORDER BY rid").fetchall()
    finally:
        con.close()


EDITS = {
    "event title": f"UPDATE events SET title = '=retitled, \"quoted\"' WHERE id = '{EVENT}'",
    "agreement title": "UPDATE agreements SET title = 'Renamed accord' WHERE id = "
                       "(SELECT agreement_id FROM event_agreements ORDER BY rowid LIMIT 1)",
    "country name": "UPDATE countries SET name = 'Renamed' WHERE id = "
                    "(SELECT country_id FROM event_countries ORDER BY rowid LIMIT 1)",
}


@pytest.mark.parametrize("change", list(EDITS))
def test_after_an_edit_the_command_renders_its_rows_without_sqlalchemy(noted, tmp_path, monkeypatch,
                                                                        capsysbinary, change):
    """The edited events' stored rows are rendered again through `sqlite3` (export_heads), as
    the ordinary path renders them, and the export streams from the stored rows."""
    noted.close()
    con = sqlite3.connect(noted.path)
    con.execute("PRAGMA foreign_keys = ON")
    assert con.execute(EDITS[change]).rowcount == 1
    con.commit()
    con.close()
    assert fast(noted.path, EventFilter()) is None  # out of date until caught up
    db = ["--db", str(noted.path)]
    target = tmp_path / "fast.csv"
    proc, modules = run_cli(*db, "export", "events", "-o", str(target))
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "azrel_desktop.core.output.export_heads" in modules
    assert sorted(m for m in modules if m.startswith(HEAVY)) == []
    caught_up = stored_heads(noted.path)
    assert fast(noted.path, EventFilter()) is not None  # current again
    expected = cli_ordinary(monkeypatch, capsysbinary, *db, "export", "events")
    assert target.read_bytes() == expected
    # the stored rows are those a full rendering gives
    from azrel_desktop.core import derived
    from azrel_desktop.core.service import Library

    library = Library.open(noted.path)
    try:
        with library.db.write() as s:
            derived.store.forget(s, export_rows.VERSION_KEY)
        library.export_events(EventFilter(), io.StringIO())
    finally:
        library.close()
    assert stored_heads(noted.path) == caught_up


def test_many_edits_are_left_to_the_ordinary_export(noted, monkeypatch):
    noted.close()
    con = sqlite3.connect(noted.path)
    con.execute("UPDATE events SET title = title || '.' WHERE rowid IN (SELECT rowid FROM events LIMIT 3)")
    con.commit()
    con.close()
    before = stored_heads(noted.path)
    monkeypatch.setattr(fast_export, "CATCH_UP_AT_MOST", 2)
    assert not fast_export.catch_up(noted.path)
    assert stored_heads(noted.path) == before and fast(noted.path, EventFilter()) is None
    monkeypatch.setattr(fast_export, "CATCH_UP_AT_MOST", 3)
    assert fast_export.catch_up(noted.path)
    assert fast(noted.path, EventFilter()) is not None
