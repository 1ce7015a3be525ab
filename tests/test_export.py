"""CSV export: columns, order, quoting, formula protection, BOM and atomic writes (core/export.py)."""

from __future__ import annotations

import csv
import io
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import event, text

from azrel_desktop.core.opening import open_database
from azrel_desktop.core.output import export, export_heads, export_rows
from azrel_desktop.core.output.export import (
    BOM,
    EVENT_COLUMNS,
    ExportCancelled,
    safe_cell,
    unescape_cell,
    write_atomically,
)
from azrel_desktop.core.query.filters import EventFilter
from azrel_desktop.core.research.quotes import as_prose
from azrel_desktop.core.service import Library

# Read-only tests share one library per module (tests/conftest.py: `shared_library` checks that
# nothing wrote to it); a test that writes asks for `fresh_library`.


@pytest.fixture
def library(shared_library):
    return shared_library


@pytest.fixture
def db_path(shared_library):
    return shared_library.path

REQUIRED = {"id", "date", "date_start", "date_end", "precision", "title", "kind", "summary", "organisations",
            "countries", "people", "agreements", "sources", "quotes", "tags", "annotations"}
FORMULA = ("=", "+", "-", "@", "\t", "\r")


def exported(library, f: EventFilter | None = None, **kw) -> tuple[str, list[list[str]]]:
    f = EventFilter() if f is None else f
    out = io.StringIO(newline="")
    n = library.export_events(f, out, **kw)
    text = out.getvalue()
    rows = list(csv.reader(io.StringIO(text.removeprefix(BOM), newline="")))
    assert len(rows) == n + 1
    return text, rows


def as_dicts(rows: list[list[str]]) -> list[dict[str, str]]:
    header = rows[0]
    return [dict(zip(header, r, strict=True)) for r in rows[1:]]


def is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return cell.strip() == cell and cell.lower().lstrip("+-") not in ("inf", "infinity", "nan")


def assert_no_formula(rows):
    for row in rows:
        for cell in row:
            assert not cell.startswith(FORMULA) or is_number(cell), repr(cell)


# --- columns and rows --------------------------------------------------------------------------


def test_header(library):
    _, rows = exported(library)
    assert set(rows[0]) >= REQUIRED
    assert tuple(rows[0]) == EVENT_COLUMNS
    assert len(set(rows[0])) == len(rows[0])


@pytest.mark.parametrize("f", [EventFilter(), EventFilter(organisations=("org-nato",), date_from="1997",
                                                          date_to="1999"),
                               EventFilter(text="Solana"), EventFilter(kinds=("nothing",))])
@pytest.mark.parametrize(("sort", "descending"), [("date", False), ("date", True), ("title", False),
                                                  ("organisations", True)])
def test_rows_are_the_timeline_rows_in_order(library, f, sort, descending):
    _, rows = exported(library, f, sort=sort, descending=descending)
    expected = [r.id for r in library.rows(f, sort=sort, descending=descending, limit=10_000)]
    assert [r[0] for r in rows[1:]] == expected
    assert len(expected) == library.count(f)


def test_paging_does_not_change_the_rows(library):
    with library.db.read() as s:
        small, big = io.StringIO(), io.StringIO()
        seen = []
        n = export.export_events(s, EventFilter(), small, page=7, progress=lambda done, total: seen.append(
            (done, total)))
        export.export_events(s, EventFilter(), big)
    assert small.getvalue() == big.getvalue()
    assert seen[-1] == (n, n) and len(seen) == -(-n // 7)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


TIES = [f"ev-tie-{i:02d}" for i in range(13)]


@pytest.fixture
def tied_library(fresh_library):
    """The corpus plus 13 events on one day, with two titles and one kind between them, each
    with several organisations, sources (in passage order not the title order), quotes and
    contradicting quotes; some carry notes, on themselves or on a passage they cite."""
    library = fresh_library
    con = sqlite3.connect(library.path)
    model = "ev-1994-05-04-az-signs-pfp"
    for i, new in enumerate(TIES):
        con.execute("""INSERT INTO events (id, title, summary, kind, location, disputed, dispute_note, is_seed,
                date, date_start, date_end, precision, approximate, uncertain, date_text, date_note)
            SELECT ?, ?, summary, kind, location, ?, dispute_note, is_seed, date, date_start, date_end, precision,
                approximate, uncertain, date_text, date_note FROM events WHERE id = ?""",
                    (new, "Tied title B" if i % 2 else "Tied title A", i % 3 == 0, model))
        for table, columns in (("event_organisations", "organisation_id, role"),
                               ("event_countries", "country_id, role"), ("event_people", "person_id, role"),
                               ("event_agreements", "agreement_id"),
                               ("event_citations", "passage_id, stance, source_id")):
            con.execute(f"INSERT INTO {table} (event_id, {columns}) SELECT ?, {columns} FROM {table} "
                        "WHERE event_id = ?", (new, model))
        con.executemany("INSERT INTO event_citations (event_id, passage_id, stance, source_id) VALUES (?, ?, ?, ?)",
                        [(new, "p001-eapc-pfp-since-1994", "supports", "src-001"),
                         (new, "p002-eapc-joined", "contradicts", "src-002"),
                         (new, "p002-nacc-admission", "contradicts", "src-002")])
    con.commit()
    con.close()
    for i, tie in enumerate(TIES[::3]):
        library.add_annotation("event", tie, ["=1+1", "-5", "plain note", "a\x00b", "x; y"][i], tags=["t", f"k{i}"])
    library.add_annotation("passage", "p001-eapc-pfp-since-1994", "on the passage", tags=["p", "t"])
    return library


@pytest.mark.parametrize(("sort", "descending"), [("date", False), ("date", True), ("title", False),
                                                  ("kind", True), ("organisations", False)])
def test_small_pages_give_the_bytes_of_one_page(tied_library, sort, descending):
    library = tied_library
    with library.db.read() as s:
        def run(page):
            out, seen = io.StringIO(newline=""), []
            n = export.export_events(s, EventFilter(), out, sort=sort, descending=descending, page=page,
                                     progress=lambda done, total: seen.append(done))
            assert seen == [min(n, k * page) for k in range(1, -(-n // page) + 1)]
            return out.getvalue()

        whole = run(100_000)
        for page in (1, 2, 3, 5, 13):
            assert run(page) == whole, page
    rows = list(csv.reader(io.StringIO(whole, newline="")))
    expected = [r.id for r in library.rows(EventFilter(), sort=sort, descending=descending, limit=10_000)]
    assert [r[0] for r in rows[1:]] == expected
    assert set(TIES) <= set(expected)
    assert_no_formula(rows)
    tie = {r["id"]: r for r in as_dicts(rows)}
    # distinct source titles in title order, quotes in passage order, each stance in its column
    assert tie["ev-tie-01"]["sources"] == "Azerbaijan - NATO; Azerbaijan contributes substantially to NATO missions"
    assert tie["ev-tie-01"]["quotes"].count("; ") >= 3 and tie["ev-tie-01"]["contradicting_quotes"].count("; ") == 1
    assert tie["ev-tie-00"]["tags"] == "k0; p; t" and tie["ev-tie-01"]["tags"] == "p; t"
    assert tie["ev-tie-00"]["annotations"] == "'=1+1; on the passage"
    assert tie["ev-tie-03"]["annotations"] == "'-5; on the passage"
    assert tie["ev-tie-09"]["annotations"] == "ab; on the passage"
    assert (tie["ev-tie-00"]["disputed"], tie["ev-tie-01"]["disputed"]) == ("yes", "no")


def test_values_of_a_known_event(library, db_path):
    _, rows = exported(library)
    row = next(r for r in as_dicts(rows) if r["id"] == "ev-1994-05-04-az-signs-pfp")
    assert (row["date"], row["date_start"], row["date_end"], row["precision"]) == (
        "1994-05-04", "1994-05-04", "1994-05-04", "day")
    assert row["date_text"] == "May 4, 1994"
    assert set(row["organisations"].split("; ")) == {"North Atlantic Treaty Organization (NATO)",
                                                     "Partnership for Peace (PfP)"}
    assert set(row["countries"].split("; ")) == {"Azerbaijan", "Belgium"}
    assert row["people"] == "Heydar Aliyev"
    assert row["agreements"] == "Partnership for Peace Framework Document"
    assert row["sources"] == "Azerbaijan - NATO"
    con = sqlite3.connect(db_path)
    quotes = [q for (q,) in con.execute("SELECT p.exact FROM event_citations c JOIN passages p ON p.id = "
                                        "c.passage_id WHERE c.event_id = ? AND c.stance = 'supports'",
                                        ("ev-1994-05-04-az-signs-pfp",))]
    con.close()
    assert len(quotes) == 3
    assert all(as_prose(q) in row["quotes"] for q in quotes)
    assert len(row["quotes"]) == len("; ".join(quotes))
    assert (row["evidence"], row["disputed"]) == ("single source", "no")
    assert row["tags"] == row["annotations"] == row["contradicting_quotes"] == ""


def test_disputed_event_has_its_contradicting_quotes(library):
    _, rows = exported(library, EventFilter(disputed=True))
    claim = next(r for r in as_dicts(rows) if r["id"] == "ev-1994-az-eapc-participation-claim")
    assert (claim["evidence"], claim["disputed"]) == ("contested", "yes")
    assert {r["evidence"] for r in as_dicts(rows)} == {"contested"}
    assert claim["dispute_note"]
    assert claim["contradicting_quotes"] and claim["contradicting_quotes"] != claim["quotes"]
    assert claim["sources"] == "Azerbaijan contributes substantially to NATO missions"


def test_tags_and_notes_are_joined(fresh_library):
    library = fresh_library
    event = "ev-1997-02-solana-visits-baku"
    library.add_annotation("event", event, "first note", tags=["b-tag", "a-tag"])
    library.add_annotation("event", event, "second note", tags=["a-tag"])
    _, rows = exported(library, EventFilter(text="Solana"))
    row = next(r for r in as_dicts(rows) if r["id"] == event)
    assert row["tags"] == "a-tag; b-tag"
    assert sorted(row["annotations"].split("; ")) == ["first note", "second note"]


def test_crlf_and_rfc4180_quoting(library):
    text, rows = exported(library)
    assert text.endswith("\r\n")
    assert text.split("\r\n", 1)[0] == ",".join(EVENT_COLUMNS)
    multiline = [c for r in rows for c in r if "\n" in c]
    quoted = [c for r in rows for c in r if '"' in c]
    assert multiline and quoted  # the corpus has hard-wrapped quotes and quotation marks
    for cell in quoted[:5]:
        assert '"' + cell.replace('"', '""') + '"' in text


# --- formula protection -----------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "cell"), [
    ("=1+1", "'=1+1"), ("+cmd", "'+cmd"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"),
    ("\rx", "'\rx"), ("-", "'-"), ("+", "'+"), ("=", "'="),
    ("-5", "-5"), ("+3.5", "+3.5"), ("-0.25e3", "-0.25e3"), ("-.5", "-.5"), ("42", "42"),
    ("-5\n", "'-5\n"), ("-5 ", "'-5 "), ("- 5", "'- 5"),
    ("plain", "plain"), ("a=b", "a=b"), ("", ""), (None, ""), (True, "yes"), (False, "no"), (7, "7"),
    ("a\x00b", "ab"), ("'=x", "''=x"), ("'plain", "'plain"), ("'-5", "'-5"),
])
def test_safe_cell(value, cell):
    assert safe_cell(value) == cell
    if isinstance(value, str):
        assert unescape_cell(cell) == value.replace("\x00", "")


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.lists(st.sampled_from(["'", "=", "-", "+", "@", "5", ".", "e", "\n", "\t", "\r", "a",
                                                      "\x00"]), max_size=6).map("".join)))
def test_safe_cell_round_trip(value):
    cell = safe_cell(value)
    assert unescape_cell(cell) == value.replace("\x00", "")
    assert not cell.startswith(FORMULA) or is_number(cell)


bodies = st.one_of(
    st.text(max_size=60),
    st.lists(st.sampled_from(["=", "+", "-", "@", "\t", "\r", "\n", "\r\n", '"', ",", ";", "; ", "'", "\x00",
                              "\x1f", "5", ".", "SUM(A1)", "ə", "ğ", "ı", "ş", " ", "cmd|' /C calc'!A0"]),
             min_size=1, max_size=10).map("".join),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=bodies)
def test_any_note_survives_the_events_export(fresh_library, body):
    library = fresh_library
    event = "ev-2001-01-robertson-visits-baku"
    view, _ = library.add_annotation("event", event, body, tags=["t"])
    try:
        _, rows = exported(library, EventFilter(tags=("t",)))
        assert_no_formula(rows)
        assert [r[0] for r in rows[1:]] == [event]
        cell = as_dicts(rows)[0]["annotations"]
        assert unescape_cell(cell) == view.body == body.replace("\x00", "")

        out = io.StringIO(newline="")
        assert library.export_annotations(out) == 1
        notes = as_dicts(list(csv.reader(io.StringIO(out.getvalue(), newline=""))))
        assert_no_formula([list(n.values()) for n in notes])
        assert unescape_cell(notes[0]["body"]) == view.body
    finally:
        library.delete_annotation(view.id)


def test_azerbaijani_letters_survive(fresh_library, tmp_path):
    library = fresh_library
    body = "Ələsgərov: Qarabağ, Bakı, Şuşa — çörək üzüm"
    library.add_annotation("event", "ev-2020-az-am-peace-agreement", body, tags=["Gəncə"])
    target = tmp_path / "out.csv"
    for excel in (False, True):
        write_atomically(target, lambda out, excel=excel: library.export_events(EventFilter(annotated=True), out,
                                                                                 excel=excel))
        raw = target.read_bytes()
        assert raw.startswith(BOM.encode()) is excel
        text = raw.decode("utf-8-sig")
        rows = as_dicts(list(csv.reader(io.StringIO(text, newline=""))))
        assert rows[0]["annotations"] == body and rows[0]["tags"] == "Gəncə"


def test_excel_adds_exactly_one_bom(library):
    for excel in (False, True):
        text, _ = exported(library, excel=excel)
        assert text.count(BOM) == (1 if excel else 0)
        assert text.startswith(BOM) is excel
    out = io.StringIO()
    library.export_annotations(out, excel=True)
    assert out.getvalue().count(BOM) == 1 and out.getvalue().startswith(BOM + "id,")


def test_cancel(library):
    with pytest.raises(ExportCancelled):
        library.export_events(EventFilter(), io.StringIO(), cancelled=lambda: True)


# --- the other exports -------------------------------------------------------------------------------


def _other(library, fn, f: EventFilter | None = None):
    f = EventFilter() if f is None else f
    out = io.StringIO(newline="")
    with library.db.read() as s:
        n = fn(s, f, out)
    rows = list(csv.reader(io.StringIO(out.getvalue(), newline="")))
    assert len(rows) == n + 1
    assert_no_formula(rows)
    return rows


def test_agreements_organisations_sources(library, db_path):
    con = sqlite3.connect(db_path)
    counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("agreements", "organisations", "sources")}
    con.close()
    agreements = _other(library, export.export_agreements)
    assert tuple(agreements[0]) == export.AGREEMENT_COLUMNS and len(agreements) - 1 == counts["agreements"]
    orgs = _other(library, export.export_organisations)
    assert tuple(orgs[0]) == export.ORGANISATION_COLUMNS and len(orgs) - 1 == counts["organisations"]
    sources = _other(library, export.export_sources)
    assert tuple(sources[0]) == export.SOURCE_COLUMNS and len(sources) - 1 == counts["sources"]

    nato = EventFilter(organisations=("org-nato",))
    nato_orgs = {r[0]: int(r[-1]) for r in _other(library, export.export_organisations, nato)[1:]}
    assert nato_orgs["org-nato"] == library.count(nato)
    assert nato_orgs["org-nato-pa"] == library.count(EventFilter(organisations=("org-nato-pa",)))
    assert "org-cis" not in nato_orgs
    cis_agreements = {r[0] for r in _other(library, export.export_agreements,
                                           EventFilter(organisations=("org-cis",)))[1:]}
    assert "agr-alma-ata-declaration" in cis_agreements and "agr-pfp" not in cis_agreements
    assert {r[0] for r in _other(library, export.export_sources, EventFilter(sources=("src-004",)))[1:]} == {
        "src-004"}


def test_agreement_sources_are_the_supporting_ones(fresh_library):
    library, db_path = fresh_library, fresh_library.path
    # a passage that contradicts a step is not one of the agreement's sources
    con = sqlite3.connect(db_path)
    con.execute("INSERT INTO step_citations (step_id, passage_id, stance) VALUES "
                "('step-pfp-az-signed', 'p001-eapc-pfp-since-1994', 'contradicts')")
    con.commit()
    con.close()
    rows = as_dicts(_other(library, export.export_agreements))
    pfp = next(r for r in rows if r["id"] == "agr-pfp")
    assert pfp["sources"] == "Azerbaijan - NATO"
    assert "p001" not in pfp["quotes"] and "since 1994" not in pfp["quotes"]


# --- atomic writes -----------------------------------------------------------------------------------


def test_write_atomically_replaces_only_when_complete(tmp_path):
    target = tmp_path / "out.csv"
    target.write_bytes(b"old contents\r\n")

    def failing(out):
        out.write("partial,row\r\n" * 1000)
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        write_atomically(target, failing)
    assert target.read_bytes() == b"old contents\r\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]

    def cancelled(out):
        out.write("x")
        raise ExportCancelled()

    with pytest.raises(ExportCancelled):
        write_atomically(target, cancelled)
    assert target.read_bytes() == b"old contents\r\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]

    assert write_atomically(target, lambda out: out.write("a,b\r\n") and 1) == 1
    assert target.read_bytes() == b"a,b\r\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


def test_write_atomically_to_a_new_file(tmp_path, library):
    target = tmp_path / "new.csv"
    n = write_atomically(target, lambda out: library.export_events(EventFilter(kinds=("visit",)), out))
    assert n == library.count(EventFilter(kinds=("visit",)))
    assert target.read_bytes().count(b"\r\n") >= n + 1


# --- the stored rows (core/export_rows.py) ------------------------------------------------------------


def reference_export(path, ids: list[str]) -> str:
    """The events export of `ids`, in that order, built the plain way: for each event, one query
    per column, as each column is defined (an oracle for the rendered, stored and merged rows)."""
    con = sqlite3.connect(path)
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(EVENT_COLUMNS)
    notes = """SELECT a.id, a.body FROM annotations a WHERE (a.target_kind = 'event' AND a.target_id = :e)
        OR (a.target_kind = 'passage' AND a.target_id IN (SELECT passage_id FROM event_citations WHERE event_id = :e))
        ORDER BY a.rowid"""
    for event_id in ids:
        def cell(sql: str, event_id=event_id) -> str:
            return "; ".join(v for (v,) in con.execute(sql, {"e": event_id}))

        def prose(sql: str, event_id=event_id) -> str:  # quotes read as prose (core/research/quotes.py)
            return "; ".join(q for (v,) in con.execute(sql, {"e": event_id}) if (q := as_prose(v)))

        own = con.execute("""SELECT id, date, date_start, date_end, precision, coalesce(date_text, ''), title, kind,
            summary, coalesce(location, ''), replace(evidence, '_', ' '),
            CASE WHEN disputed THEN 'yes' ELSE 'no' END, coalesce(dispute_note, ''),
            CASE WHEN is_seed THEN 'corpus' ELSE 'mine' END
            FROM events WHERE id = :e""", {"e": event_id}).fetchone()
        quotes = """SELECT ps.exact FROM event_citations x JOIN passages ps ON ps.id = x.passage_id
            WHERE x.event_id = :e AND x.stance = '{}' AND ps.exact <> '' ORDER BY x.passage_id"""
        row = [*own[:10],
               cell("""SELECT o.name || coalesce(' (' || o.abbreviation || ')', '') FROM event_organisations x
                   JOIN organisations o ON o.id = x.organisation_id WHERE x.event_id = :e
                   AND (o.name <> '' OR o.abbreviation IS NOT NULL) ORDER BY x.organisation_id"""),
               cell("""SELECT c.name FROM event_countries x JOIN countries c ON c.id = x.country_id
                   WHERE x.event_id = :e AND c.name <> '' ORDER BY x.country_id"""),
               cell("""SELECT p.name FROM event_people x JOIN people p ON p.id = x.person_id
                   WHERE x.event_id = :e AND p.name <> '' ORDER BY x.person_id"""),
               cell("""SELECT a.title FROM event_agreements x JOIN agreements a ON a.id = x.agreement_id
                   WHERE x.event_id = :e AND a.title <> '' ORDER BY x.agreement_id"""),
               cell("""SELECT DISTINCT s.title FROM event_citations x JOIN sources s ON s.id = x.source_id
                   WHERE x.event_id = :e AND x.stance = 'supports' AND s.title <> '' ORDER BY s.title"""),
               prose(quotes.format("supports")), own[10], own[11], own[12], prose(quotes.format("contradicts")),
               own[13],
               cell(f"""SELECT DISTINCT t.tag FROM ({notes}) n JOIN annotation_tags t ON t.annotation_id = n.id
                   WHERE t.tag <> '' ORDER BY t.tag"""),
               cell(f"SELECT n.body FROM ({notes}) n WHERE n.body <> ''")]
        writer.writerow([safe_cell(c) for c in row])
    con.close()
    return out.getvalue()


def expected_export(library, f: EventFilter, **kw) -> str:
    ids = [r.id for r in library.rows(f, limit=100_000, **{k: v for k, v in kw.items() if k != "excel"})]
    return (BOM if kw.get("excel") else "") + reference_export(library.path, ids)


def export_text(library, f: EventFilter | None = None, **kw) -> str:
    out = io.StringIO(newline="")
    library.export_events(EventFilter() if f is None else f, out, **kw)
    return out.getvalue()


def stored(library) -> tuple[int, str | None]:
    """(rows in export_rows, the version they were rendered at)."""
    con = sqlite3.connect(library.path)
    try:
        return (con.execute("SELECT count(*) FROM export_rows").fetchone()[0],
                con.execute("SELECT value FROM app_meta WHERE key = 'export_rows'").fetchone()[0]
                if con.execute("SELECT 1 FROM app_meta WHERE key = 'export_rows'").fetchone() else None)
    finally:
        con.close()


CASES = [
    (EventFilter(), {}), (EventFilter(), {"sort": "title", "descending": True}),
    (EventFilter(), {"sort": "organisations"}), (EventFilter(), {"sort": "annotations", "descending": True}),
    (EventFilter(), {"sort": "kind", "excel": True}),
    (EventFilter(disputed=True), {"sort": "date", "descending": True}),
    (EventFilter(annotated=True), {}), (EventFilter(tags=("t",)), {"sort": "sources"}),
    (EventFilter(organisations=("org-nato",), date_from="1997", date_to="2005"), {"sort": "countries"}),
    (EventFilter(text="Solana"), {}), (EventFilter(kinds=("nothing",)), {}),
]


def test_every_path_gives_the_bytes_of_the_plain_export(tied_library, monkeypatch):
    """Stored rows (rendered for all events), rows rendered for the export alone, for a read-only
    file: each byte for byte the export built event by event, for many filters and sorts."""
    library = tied_library
    assert stored(library) == (0, None)
    expected = [expected_export(library, f, **kw) for f, kw in CASES]
    assert [export_text(library, f, **kw) for f, kw in CASES] == expected
    n, version = stored(library)
    assert n == library.total() and version  # the first (whole) export stored every row
    with library.db.read() as s:
        assert export_rows.is_current(s)
    con = sqlite3.connect(library.path)
    con.execute("UPDATE app_meta SET value = 'old' WHERE key = 'export_rows'")  # no longer current
    con.commit()
    con.close()
    monkeypatch.setattr(export, "keep_rows", lambda *a, **k: False)
    assert [export_text(library, f, **kw) for f, kw in CASES] == expected
    assert stored(library) == (n, "old")
    monkeypatch.undo()
    readonly = Library(open_database(library.path, readonly=True))
    try:
        assert [export_text(readonly, f, **kw) for f, kw in CASES] == expected
    finally:
        readonly.close()
    assert stored(library) == (n, "old")


def test_a_current_file_exports_from_its_stored_rows(tied_library):
    library = tied_library
    export_text(library)
    sent = []

    def record(conn, cursor, statement, parameters, context, executemany):
        sent.append(statement)

    event.listen(library.db.engine, "before_cursor_execute", record)
    try:
        assert export_text(library) == expected_export(library, EventFilter())
    finally:
        event.remove(library.db.engine, "before_cursor_execute", record)
    assert not [s for s in sent if "INSERT INTO export_rows" in s or "CREATE TEMP TABLE _export_rows" in s]
    assert any("JOIN export_rows x" in s for s in sent)


def test_a_small_export_of_an_out_of_date_file_leaves_the_stored_rows(tied_library):
    library = tied_library
    export_text(library)
    before = stored(library)
    library.add_annotation("event", TIES[1], "a note", tags=["only-here"])  # notes: rows stay current
    assert stored(library) == before
    con = sqlite3.connect(library.path)
    con.execute("UPDATE events SET title = '=changed' WHERE id = ?", (TIES[1],))
    con.execute(BUMP)
    con.commit()
    con.close()
    f = EventFilter(tags=("only-here",))
    assert export_text(library, f) == expected_export(library, f)
    assert "'=changed" in export_text(library, f)
    assert stored(library) == before  # out of date, and not rendered again for one event
    assert export_text(library) == expected_export(library, EventFilter())
    assert stored(library)[1] != before[1]


A = "ev-1994-05-04-az-signs-pfp"
CHANGES = {
    "event title": f"UPDATE events SET title = '@title' WHERE id = '{A}'",
    "event summary": f"UPDATE events SET summary = 'new, \"quoted\" summary' WHERE id = '{A}'",
    "event date text": f"UPDATE events SET date_text = 'some day' WHERE id = '{A}'",
    "event location": f"UPDATE events SET location = 'Somewhere, else' WHERE id = '{A}'",
    "dispute": f"UPDATE events SET disputed = 1, dispute_note = 'unclear' WHERE id = '{A}'",
    "evidence grade": f"UPDATE events SET evidence = 'uncorroborated' WHERE id = '{A}'",
    "organisation name": "UPDATE organisations SET name = 'Renamed', abbreviation = NULL WHERE id = 'org-nato'",
    "country name": "UPDATE countries SET name = 'Renamed' WHERE id = 'BE'",
    "person name": f"UPDATE people SET name = 'Renamed' WHERE id IN (SELECT person_id FROM event_people "
                   f"WHERE event_id = '{A}')",
    "unlinked country": f"DELETE FROM event_countries WHERE event_id = '{A}' AND country_id = 'BE'",
    "agreement title": f"UPDATE agreements SET title = 'Renamed' WHERE id IN (SELECT agreement_id FROM "
                       f"event_agreements WHERE event_id = '{A}')",
    "unlinked agreement": f"DELETE FROM event_agreements WHERE event_id = '{A}'",
    "source title": f"UPDATE sources SET title = 'Renamed' WHERE id IN (SELECT source_id FROM event_citations "
                    f"WHERE event_id = '{A}')",
    "passage text": f"UPDATE passages SET exact = 'new text' WHERE id IN (SELECT passage_id FROM "
                    f"event_citations WHERE event_id = '{A}')",
    "citation stance": f"UPDATE event_citations SET stance = 'contradicts' WHERE event_id = '{A}'",
    "new event": f"""INSERT INTO events (id, title, summary, kind, location, disputed, dispute_note, is_seed, date,
        date_start, date_end, precision, approximate, uncertain, date_text, date_note) SELECT 'ev-new', '+new',
        summary, kind, location, disputed, dispute_note, is_seed, date, date_start, date_end, precision,
        approximate, uncertain, date_text, date_note FROM events WHERE id = '{A}'""",
    "deleted event": "DELETE FROM events WHERE id = 'ev-tie-05'",
    "note body": "UPDATE annotations SET body = 'rewritten' WHERE target_kind = 'passage'",
    "note tag": "UPDATE annotation_tags SET tag = 'renamed' WHERE tag = 'p'",
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_a_change_by_any_process_shows_in_the_next_export(tied_library, change):
    """Whatever changes what a row shows — written here by another connection, without the app —
    the next export shows it (the triggers put the stored rows out of date)."""
    library = tied_library
    before = export_text(library)
    con = sqlite3.connect(library.path)
    con.execute("PRAGMA foreign_keys = ON")
    assert con.execute(CHANGES[change]).rowcount > 0
    con.commit()
    con.close()
    after = export_text(library)
    assert after != before
    assert after == expected_export(library, EventFilter())


def test_stored_rows_not_paired_with_their_events_are_not_used(tied_library):
    """A row whose rowid no longer belongs to its event (a VACUUM outside the app can renumber
    rowids) or that is missing: the export renders its own rows instead."""
    library = tied_library
    expected = export_text(library)
    con = sqlite3.connect(library.path)
    con.execute("UPDATE export_rows SET head = 'wrong' || head, id = 'ev-other' WHERE id = ?", (TIES[2],))
    con.execute("DELETE FROM export_rows WHERE id = ?", (TIES[4],))
    con.commit()
    con.close()
    assert export_text(library) == expected == expected_export(library, EventFilter())
    with library.db.read() as s:
        out = io.StringIO(newline="")
        export.export_events(s, EventFilter(), out, page=3)
    assert out.getvalue() == expected


# A change that puts every stored row out of date: the export's counter moved, as a migration
# that changes what the rows hold moves it (an agreement's title logs its own events: 0016).
BUMP = ("INSERT INTO app_meta(key, value) VALUES ('export_version', '1') "
        "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1")


def _change_a_title(library, title: str, *, everything: bool = True) -> None:
    con = sqlite3.connect(library.path)
    con.execute("UPDATE events SET title = ? WHERE id = ?", (title, A))
    if everything:
        con.execute(BUMP)
    con.commit()
    con.close()


def test_one_edit_renders_only_its_own_row_again(tied_library, monkeypatch):
    """An event changed by any process: the next export renders that event's row alone, and
    writes what a full rendering would."""
    library = tied_library
    export_text(library)
    rendered = []
    build = export_rows.build
    monkeypatch.setattr(export_rows, "build", lambda *a, **k: rendered.append(build(*a, **k)) or rendered[-1])
    _change_a_title(library, "=one edit", everything=False)
    assert export_text(library) == expected_export(library, EventFilter())
    assert "'=one edit" in export_text(library)
    assert rendered == [1]
    with library.db.read() as s:
        assert export_rows.is_current(s)
    con = sqlite3.connect(library.path)  # a deleted event loses its stored row
    con.execute("PRAGMA foreign_keys = ON")
    con.execute("DELETE FROM events WHERE id = ?", (A,))
    con.commit()
    con.close()
    assert export_text(library) == expected_export(library, EventFilter())
    assert stored(library)[0] == library.total()


def test_the_rendering_after_a_change_reports_its_progress_before_the_writing(tied_library, monkeypatch):
    library = tied_library
    monkeypatch.setattr(export_heads, "BATCH", 7)
    export_text(library)
    seen = []

    def run(f=None):
        seen.clear()
        library.export_events(f or EventFilter(), io.StringIO(newline=""),
                              progress=lambda done, total: seen.append(("writing", done, total)),
                              preparing=lambda done, of: seen.append(("preparing", done, of)))

    run()  # the stored rows are current: nothing to prepare
    assert seen and {kind for kind, *_ in seen} == {"writing"}
    _change_a_title(library, "changed")
    run()  # all of them rendered again first, in batches, then written
    total = library.total()
    kinds = [kind for kind, *_ in seen]
    assert kinds == sorted(kinds, key=["preparing", "writing"].index)
    prepared = [(done, of) for kind, done, of in seen if kind == "preparing"]
    assert prepared == [(min(total, k * 7), total) for k in range(1, -(-total // 7) + 1)]
    _change_a_title(library, "changed again")
    small = EventFilter(tags=("t",))  # a small export renders its own events only
    run(small)
    n = library.count(small)
    assert [(done, of) for kind, done, of in seen if kind == "preparing"][-1] == (n, n)


def test_cancel_while_rows_are_rendered(tied_library):
    """Cancel stops the rendering of out-of-date rows; they stay out of date (never marked
    current half done), and the next export renders them again."""
    library = tied_library
    export_text(library)
    con = sqlite3.connect(library.path)
    con.execute(f"UPDATE events SET title = 'changed' WHERE id = '{A}'")
    con.execute(BUMP)
    con.commit()
    con.close()
    with pytest.raises(ExportCancelled):
        library.export_events(EventFilter(), io.StringIO(), cancelled=lambda: True)
    with library.db.read() as s:
        assert not export_rows.is_current(s)
        assert s.execute(text("SELECT count(*) FROM sqlite_temp_master")).scalar() == 0
    assert export_text(library) == expected_export(library, EventFilter())
    with library.db.read() as s:
        assert export_rows.is_current(s)


def test_rows_are_marked_current_only_if_nothing_changed_while_they_were_rendered(tied_library):
    library = tied_library
    with library.db.read() as s:
        now, _ = export_rows.version(s)

        def write():  # another window renames an agreement while the rows are written
            con = sqlite3.connect(library.path)
            con.execute(f"UPDATE events SET summary = summary || '.' WHERE id = '{A}'")
            con.execute(BUMP)
            con.commit()
            con.close()
            return library.db.write()

        assert export_rows.refresh(s, write, now) is False
    with library.db.read() as s:
        assert not export_rows.is_current(s)
    assert export_text(library) == expected_export(library, EventFilter())


def test_an_event_changed_while_the_rows_are_rendered_is_rendered_again_next_time(tied_library):
    """The rows are of the snapshot they were rendered from; an event changed meanwhile is in
    the change log after it, and the next export renders it again."""
    library = tied_library
    with library.db.read() as s:
        now, _ = export_rows.version(s)
        calls = []

        def write():
            calls.append(1)
            if len(calls) == 2:
                con = sqlite3.connect(library.path)
                con.execute(f"UPDATE events SET summary = 'changed meanwhile' WHERE id = '{A}'")
                con.commit()
                con.close()
            return library.db.write()

        assert export_rows.refresh(s, write, now) is True
    with library.db.read() as s:
        assert not export_rows.is_current(s)
    assert "changed meanwhile" in export_text(library)
    assert export_text(library) == expected_export(library, EventFilter())
    with library.db.read() as s:
        assert export_rows.is_current(s)


def test_a_refresh_taken_over_by_another_stops(tied_library):
    library = tied_library
    with library.db.read() as s:
        now, _ = export_rows.version(s)
        calls = []

        def write():
            calls.append(1)
            if len(calls) == 2:  # between the start and the first batch, another refresh starts
                with library.db.write() as w:
                    w.execute(text("UPDATE app_meta SET value = 'rendering other' WHERE key = 'export_rows'"))
            return library.db.write()

        assert export_rows.refresh(s, write, now) is False
    assert stored(library) == (0, "rendering other")
