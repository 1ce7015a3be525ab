"""CSV export: columns, order, quoting, formula protection, BOM and atomic writes (core/export.py)."""

from __future__ import annotations

import csv
import io
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from azrel_desktop.core import export
from azrel_desktop.core.export import (
    BOM,
    EVENT_COLUMNS,
    ExportCancelled,
    safe_cell,
    unescape_cell,
    write_atomically,
)
from azrel_desktop.core.filters import EventFilter

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
    model, claim = "ev-1994-05-04-az-signs-pfp", "ev-1994-az-eapc-pfp-participation-claim"
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
        con.execute("INSERT INTO event_citations (event_id, passage_id, stance, source_id) SELECT ?, passage_id, "
                    "stance, source_id FROM event_citations WHERE event_id = ? AND passage_id IN "
                    "('p001-eapc-pfp-since-1994', 'p002-eapc-joined', 'p002-nacc-admission')", (new, claim))
    con.commit()
    con.close()
    for i, event in enumerate(TIES[::3]):
        library.add_annotation("event", event, ["=1+1", "-5", "plain note", "a\x00b", "x; y"][i], tags=["t", f"k{i}"])
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
    assert tie["ev-tie-01"]["quotes"].count("; ") >= 4 and tie["ev-tie-01"]["contradicting_quotes"].count("; ") == 1
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
    assert len(quotes) == 4
    assert all(q in row["quotes"] for q in quotes)
    assert len(row["quotes"]) == len("; ".join(quotes))
    assert row["disputed"] == "no"
    assert row["tags"] == row["annotations"] == row["contradicting_quotes"] == ""


def test_disputed_event_has_its_contradicting_quotes(library):
    _, rows = exported(library, EventFilter(disputed=True))
    claim = next(r for r in as_dicts(rows) if r["id"] == "ev-1994-az-eapc-pfp-participation-claim")
    assert claim["disputed"] == "yes"
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
