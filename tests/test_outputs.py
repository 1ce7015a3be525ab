"""Research outputs: the chronology report (HTML, Markdown, DOCX with footnotes, PDF), .xlsx
workbooks, bibliographies for reference managers and "Copy citation" (core/output/)."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from lxml import etree

from azrel_desktop.core.cli import main
from azrel_desktop.core.output.bibliography_export import write_sources
from azrel_desktop.core.output.citations import STYLES, SourceInfo, person_name
from azrel_desktop.core.query.filters import EventFilter
from azrel_desktop.core.research.drafts import Cite, EventDraft
from azrel_desktop.core.sources.bibliography import read_bibtex, read_csl_json, read_ris

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HOSTILE_TITLE = "<script>alert('x')</script> & <b>bold</b>"
HOSTILE_CELL = "=cmd|' /C calc'!A0"


@pytest.fixture
def hostile(fresh_library, sample_files):
    """A library with a source of the user's whose title is written to attack HTML, and an event
    citing it whose title and summary would run as spreadsheet formulas."""
    from azrel_desktop.core.sources.reading import SourceMetadata

    lib = fresh_library
    path = sample_files.write("hostile.txt", "Mr Aliyev and Mr Putin shook hands and smiled warmly in Moscow.\n")
    report, _ = lib.import_sources([path], SourceMetadata(title=HOSTILE_TITLE, author="Thomas de Waal",
                                                           published="2024-04-22", kind="news"))
    source_id = report.outcomes[0].source_id
    start, end = lib.locate_quote(source_id, "Mr Aliyev and Mr Putin shook hands")
    view, _ = lib.create_event(EventDraft(title=HOSTILE_CELL, date="2024-04-22", kind="meeting",
                                          summary="+SUM(1,2) <img src=x onerror=alert(1)>",
                                          countries=("AZ", "RU")), [Cite(source_id, start, end)])
    return lib, view.id


def _order(lib, f: EventFilter, sort: str = "date", descending: bool = False) -> list[str]:
    return [r.id for r in lib.rows(f, sort=sort, descending=descending, limit=10_000)]


# --- the report -------------------------------------------------------------------------------


@pytest.mark.parametrize(("f", "sort", "descending"), [
    (EventFilter(organisations=("org-nato",), date_from="1997", date_to="1999"), "date", False),
    (EventFilter(), "title", True),
    (EventFilter(disputed=True), "date", False),
])
def test_report_lists_exactly_the_filters_events_in_the_timelines_order(shared_library, f, sort, descending):
    report = shared_library.report(f, sort=sort, descending=descending)
    assert [e.id for e in report.events] == _order(shared_library, f, sort, descending)
    assert report.events, "the filter should select events"


def test_each_event_has_its_date_as_written_bounds_and_footnoted_quotes(shared_library):
    f = EventFilter(organisations=("org-nato",), date_from="1997", date_to="1999")
    report = shared_library.report(f)
    for e in report.events:
        detail = shared_library.event(e.id)
        assert e.date_written == (detail.row.date_text or detail.row.date_label or detail.row.date)
        assert (e.date, e.date_start, e.date_end) == (detail.row.date, detail.row.date_start, detail.row.date_end)
        assert [n.quote for n in e.supporting] == [" ".join(p.quote.split()) for p in detail.supporting]
        assert all("\n" not in n.quote for n in e.supporting)
    numbers = [n.number for n in report.footnotes]
    assert numbers == list(range(1, len(numbers) + 1))
    cited = {n.source_title for n in report.footnotes}
    assert len(report.bibliography) == len(cited)


def test_a_disputed_event_shows_both_sides(shared_library):
    report = shared_library.report(EventFilter(disputed=True))
    disputed = [e for e in report.events if e.disputed]
    assert disputed
    for e in disputed:
        assert e.supporting and e.contradicting
        assert all(n.stance == "contradicts" for n in e.contradicting)
    html = shared_library.report_html(report)
    assert "Disputed." in html and "Contradicting: " in html


@pytest.mark.parametrize("style", list(STYLES))
def test_citations_follow_the_style(shared_library, style):
    report = shared_library.report(EventFilter(disputed=True), style=style)
    citation = "".join(t for t, _ in report.footnotes[0].citation)
    if style == "apa":
        assert "n.d." in citation and citation.startswith("(")
    if style == "harvard":
        assert "no date" in citation
    if style == "chicago-author-date":
        assert "n.d." in citation
    assert report.style_title == STYLES[style][1]


def test_html_escapes_every_piece_of_data(hostile):
    lib, event_id = hostile
    report = lib.report(EventFilter(text="Putin shook hands"), notes=True)
    assert event_id in [e.id for e in report.events]
    html = lib.report_html(report)
    assert "<script>" not in html and "<img" not in html and "<b>bold" not in html
    assert "&lt;script&gt;" in html and "=cmd|" in html
    assert "de Waal" in html  # the author is split, Chicago sorts by family name


def test_markdown_escapes_data(hostile, tmp_path):
    lib, _ = hostile
    report = lib.report(EventFilter(text="Putin shook hands"))
    lib.write_report(report, tmp_path / "r.md", "md")
    md = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert "<script>" not in md and "\\<script\\>" in md
    assert "[^1]:" in md and "## Bibliography" in md


def _footnotes(path: Path) -> dict[int, str]:
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/footnotes.xml"))
        rels = z.read("word/_rels/document.xml.rels").decode()
        types = z.read("[Content_Types].xml").decode()
        document = etree.fromstring(z.read("word/document.xml"))
    assert "relationships/footnotes" in rels and "footnotes+xml" in types
    refs = [int(r.get(f"{W}id")) for r in document.iter(f"{W}footnoteReference")]
    notes = {int(n.get(f"{W}id")): "".join(n.itertext()) for n in root.iter(f"{W}footnote")
             if int(n.get(f"{W}id")) > 0}
    assert sorted(refs) == sorted(notes), "every note is referenced once from the text"
    return notes


def test_docx_has_real_footnotes_quoting_the_passages(shared_library, tmp_path):
    report = shared_library.report(EventFilter(disputed=True))
    path = tmp_path / "r.docx"
    shared_library.write_report(report, path, "docx")
    notes = _footnotes(path)
    assert len(notes) == len(report.footnotes)
    for n in report.footnotes:
        assert n.quote in notes[n.number]
        assert "".join(t for t, _ in n.citation) in notes[n.number]
    import docx

    text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert "Bibliography" in text and report.events[0].title in text


def test_docx_keeps_hostile_text_as_text(hostile, tmp_path):
    lib, _ = hostile
    path = tmp_path / "h.docx"
    lib.write_report(lib.report(EventFilter(text="Putin shook hands")), path, "docx")
    notes = _footnotes(path)
    assert any("Mr Aliyev and Mr Putin shook hands" in n and "de Waal" in n for n in notes.values())
    import docx

    text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert HOSTILE_TITLE in text and HOSTILE_CELL in text  # as text, in the bibliography and a heading


def _not_blank(pdf: Path) -> None:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    try:
        assert len(document) >= 1
        pixels = document[0].render(scale=0.5).to_numpy()
        dark = (pixels[..., :3].min(axis=2) < 128).mean()
        assert 0.002 < dark < 0.5, f"page 1 is blank or black ({dark:.4f} dark)"
        text = document[0].get_textpage().get_text_range()
        assert "Chronology" in text
    finally:
        document.close()


def test_report_pdf_through_the_command_line_is_printed_and_not_blank(db_path, tmp_path):
    # A process of its own, as a user runs it: the PDF printer makes the process's Qt application,
    # which a test process that later builds widgets must not have.
    out = tmp_path / "nato.pdf"
    result = subprocess.run([sys.executable, "-m", "azrel_desktop.core.cli", "--db", str(db_path), "report",
                             "--org", "NATO", "--from", "1997", "--to", "1999", "-o", str(out)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "written to" in result.stderr
    assert out.read_bytes().startswith(b"%PDF")
    _not_blank(out)


@pytest.mark.parametrize("fmt", ["html", "md", "docx"])
def test_report_command_writes_each_format(db_path, tmp_path, fmt):
    out = tmp_path / f"r.{fmt}"
    assert main(["--db", str(db_path), "report", "--disputed", "--style", "apa", "--notes", "-o", str(out)]) == 0
    data = out.read_bytes()
    assert data.startswith(b"PK") if fmt == "docx" else b"APA Style 7th edition" in data


def test_report_command_refuses_unknown_formats_in_one_line(db_path, tmp_path, capsys):
    assert main(["--db", str(db_path), "report", "-o", str(tmp_path / "r.txt")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("azrel: error:") and "\n" not in err
    assert not (tmp_path / "r.txt").exists()


# --- xlsx --------------------------------------------------------------------------------------


def test_xlsx_events_are_the_csv_rows_with_typed_cells(db_path, tmp_path):
    out = tmp_path / "nato.xlsx"
    assert main(["--db", str(db_path), "export", "events", "--org", "NATO", "--format", "xlsx", "-o", str(out)]) == 0
    csv_out = tmp_path / "nato.csv"
    assert main(["--db", str(db_path), "export", "events", "--org", "NATO", "-o", str(csv_out)]) == 0
    import csv

    with csv_out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    ws = openpyxl.load_workbook(out)["events"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:W{len(rows)}"
    assert ws.column_dimensions["G"].width > 40  # the title column is wide
    got = list(ws.iter_rows(values_only=True))
    assert [list(r) for r in got[:1]] == rows[:1]
    assert [r[0] for r in got[1:]] == [r[0] for r in rows[1:]]  # same events, same order
    header = rows[0]
    for row, csv_row in zip(got[1:], rows[1:], strict=True):
        record = dict(zip(header, row, strict=True))
        assert isinstance(record["date_start"], datetime) and isinstance(record["date_end"], datetime)
        assert record["date_start"].date().isoformat() == csv_row[2]
        if record["precision"] == "day" and len(csv_row[1]) == 10:
            assert isinstance(record["date"], datetime)
        else:
            assert record["date"] == csv_row[1]  # a partial date stays text


def test_xlsx_strings_never_become_formulas(hostile, tmp_path):
    lib, event_id = hostile
    out = tmp_path / "h.xlsx"
    counts = lib.export_xlsx(out, EventFilter(text="Putin shook hands"))
    assert counts["events"] >= 1
    wb = openpyxl.load_workbook(out)
    ws = wb["events"]
    header = [c.value for c in ws[1]]
    rows = {r[0].value: dict(zip(header, r, strict=True)) for r in ws.iter_rows(min_row=2)}
    title = rows[event_id]["title"]
    assert title.value == HOSTILE_CELL and title.data_type == "s"  # a string, not a formula
    assert title.quotePrefix  # shown and kept as text if edited
    assert rows[event_id]["summary"].data_type == "s"
    for row in ws.iter_rows(min_row=2):
        assert all(c.data_type != "f" for c in row)


def test_xlsx_all_has_one_sheet_per_kind(db_path, tmp_path):
    out = tmp_path / "all.xlsx"
    assert main(["--db", str(db_path), "export", "all", "--format", "xlsx", "-o", str(out)]) == 0
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["events", "agreements", "organisations", "sources", "annotations"]
    for name in wb.sheetnames:
        assert wb[name].freeze_panes == "A2"
    sources = wb["sources"]
    header = [c.value for c in sources[1]]
    assert isinstance(sources.cell(2, header.index("passages") + 1).value, int)


def test_xlsx_needs_a_file(db_path, capsys):
    assert main(["--db", str(db_path), "export", "events", "--format", "xlsx"]) == 2
    assert "-o FILE" in capsys.readouterr().err


# --- bibliographies ------------------------------------------------------------------------------

TRICKY = [
    SourceInfo("src-a", r"A {braced} \path -- 100% & $5 #1 _x ~ ^ Əliyev", "Thomas de Waal; Ministry of Trade and "
               "Industry; NATO", "RFE/RL & Co", "https://example.org/a?b=1&c=2", "1997-05", "news", "az"),
    SourceInfo("src-b", "Approximate", None, None, None, "1994~", "country study", "en"),
    SourceInfo("src-c", "Day", "Ilham Aliyev", "President.az", None, "2004-05-04", "webpage", "en"),
]


@pytest.mark.parametrize(("fmt", "reader"), [("csl-json", read_csl_json), ("bibtex", read_bibtex),
                                             ("ris", read_ris)])
def test_bibliographies_read_back_identically(fmt, reader, tmp_path):
    out = io.StringIO()
    assert write_sources(TRICKY, out, fmt) == len(TRICKY)
    records = reader(out.getvalue().encode("utf-8"), tmp_path).records
    assert len(records) == len(TRICKY)
    for source, record in zip(TRICKY, records, strict=True):
        m = record.metadata
        assert (m.title, m.author, m.publisher, m.url, m.published, m.kind, m.language) == (
            source.title, source.author, source.publisher, source.url, source.published, source.kind,
            source.language)


def test_export_sources_round_trips_through_the_importer(shared_library, tmp_path, db_path):
    from azrel_desktop.core.sources.bibliography import read_bibliography

    with shared_library.db.read() as s:
        from azrel_desktop.core.output.citations import source_infos

        stored = source_infos(s)
    for fmt, suffix in (("csl-json", ".json"), ("bibtex", ".bib"), ("ris", ".ris")):
        out = tmp_path / f"sources{suffix}"
        assert main(["--db", str(db_path), "export", "sources", "--format", fmt, "-o", str(out)]) == 0
        records = read_bibliography(out, out.read_bytes()).records
        assert [r.metadata.title for r in records] == [s.title for s in stored.values()]
        for r, s in zip(records, stored.values(), strict=True):
            assert (r.metadata.author, r.metadata.published, r.metadata.kind, r.metadata.language) == (
                s.author, s.published, s.kind, s.language)


def test_bibtex_splits_people_but_keeps_bodies_whole():
    assert person_name("Thomas de Waal") == ("Thomas", "de Waal")
    assert person_name("Ministry of Foreign Affairs") is None
    assert person_name("NATO") is None
    out = io.StringIO()
    write_sources(TRICKY[:1], out, "bibtex")
    assert "author = {de Waal, Thomas and {Ministry of Trade and Industry} and {NATO}}" in out.getvalue()


# --- Copy citation -----------------------------------------------------------------------------


def test_citation_text_for_a_passage_and_an_event(shared_library):
    detail = shared_library.event(shared_library.rows(EventFilter(disputed=True))[0].id)
    passage = detail.supporting[0]
    text = shared_library.citation_text(passage_id=passage.id)
    assert text.startswith("“" + " ".join(passage.quote.split()) + "”")
    assert "n.d." in text or "20" in text
    apa = shared_library.citation_text(passage_id=passage.id, style="apa")
    assert apa != text
    event_text = shared_library.citation_text(record_id=detail.row.id)
    assert event_text.splitlines()[0].endswith(detail.row.title)
    assert all(" ".join(p.quote.split()) in event_text for p in detail.supporting)


def test_citation_text_of_an_unknown_record_says_so(shared_library):
    from azrel_desktop.core.output.citations import CitationError

    with pytest.raises(CitationError, match="no record"):
        shared_library.citation_text(record_id="nope")


def test_a_sheet_past_excels_rows_goes_on_in_a_second_sheet(monkeypatch):
    from azrel_desktop.core.output import xlsx

    monkeypatch.setattr(xlsx, "MAX_ROWS", 4)  # a header and three rows per sheet
    out = io.BytesIO()
    rows = "".join(f"ev-{i},1994-05-0{i}\r\n" for i in range(1, 8))
    counts = xlsx.write_workbook(out, [("events", ("id", "date"), lambda o: o.write("id,date\r\n" + rows))])
    assert counts == {"events": 7}
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["events", "events (2)", "events (3)"]
    got = [r for ws in wb for r in ws.iter_rows(min_row=2, values_only=True)]
    assert [r[0] for r in got] == [f"ev-{i}" for i in range(1, 8)]
    assert all(ws["A1"].value == "id" and ws.freeze_panes == "A2" for ws in wb)


def test_a_cell_past_excels_limit_is_cut_with_a_mark_and_a_warning():
    from azrel_desktop.core.output import xlsx

    warned = []
    out = io.BytesIO()
    long = "x" * 40_000
    xlsx.write_workbook(out, [("sources", ("id", "title"), lambda o: o.write(f'id,title\r\ns1,{long}\r\n'))],
                        warn=warned.append)
    value = openpyxl.load_workbook(out)["sources"]["B2"].value
    assert len(value) <= xlsx.EXCEL_CELL_LIMIT and value.startswith("x" * 32_000)
    assert value.endswith("more characters cut for Excel; export as CSV for the whole text]")
    assert warned and "1 cell longer" in warned[0]


def test_the_page_of_a_passage_in_a_paged_source():
    from azrel_desktop.core.output.citations import page_of

    assert page_of([0, 100, 250], 0) == 1
    assert page_of([0, 100, 250], 100) == 2
    assert page_of([0, 100, 250], 999) == 3
    assert page_of(None, 5) is None


def test_an_unknown_style_is_refused_in_one_line(db_path, tmp_path, capsys):
    assert main(["--db", str(db_path), "report", "--style", "mla", "-o", str(tmp_path / "r.md")]) == 2
    assert "invalid choice" in capsys.readouterr().err


def test_the_shipped_styles_are_credited():
    from azrel_desktop.core.output.citations import CSL_DIR, LOCALE

    note = " ".join((CSL_DIR / "LICENSES.md").read_text(encoding="utf-8").split())
    assert "Attribution-ShareAlike 3.0" in note
    for file, _title in STYLES.values():
        text = (CSL_DIR / file).read_text(encoding="utf-8")
        assert "by-sa/3.0" in text and f"`{file}`" in note
    assert f"`locales-{LOCALE}.xml`" in note and (CSL_DIR / f"locales-{LOCALE}.xml").exists()
