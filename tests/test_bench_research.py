"""The speed targets of the user's own research in `azrel bench` (core/bench/research.py): the
work measured is the real work — PDFs the importer reads page by page, an event made from a
passage and edited through the facade and found by search, the library left as it was, and a
real window importing in its own process. Timings are reported, never asserted."""

from __future__ import annotations

from sqlalchemy import text

from azrel_desktop.core.bench import research
from azrel_desktop.core.query.filters import EventFilter
from azrel_desktop.core.sources.pdf import read_pdf


def test_the_pdf_writer_makes_pdfs_the_importer_reads_page_by_page(tmp_path):
    [path] = research.write_pdfs(tmp_path, count=1, pages=3)
    extracted = read_pdf(path.read_bytes())
    assert extracted.metadata.title == "Field report 1"
    assert len(extracted.page_starts) == 3
    page_two = extracted.text[extracted.page_starts[1]:extracted.page_starts[2]]
    assert "(report 1, page 2, line 1)." in page_two and "(report 1, page 3" not in page_two
    assert extracted.text.count("\n") >= 3 * research.LINES_PER_PAGE - 3
    escaped = read_pdf(research.pdf_bytes([["a (bracketed) back\\slash line"]], "T (x)"))
    assert escaped.text.strip() == "a (bracketed) back\\slash line" and escaped.metadata.title == "T (x)"


def test_own_event_figures_go_through_the_facade_and_leave_the_library_as_it_was(fresh_library):
    lib = fresh_library

    def state():
        with lib.db.read() as s:
            return (lib.total(), s.execute(text("SELECT count(*) FROM passages")).scalar(),
                    s.execute(text("SELECT count(*) FROM event_citations")).scalar())

    before = state()
    figures = research.edit_figures(lib, repeat=2)
    assert figures["own event found by search each time"] is True
    assert figures["own event target ms"] == 200
    median, worst = (float(x) for x in figures["own event added from a passage, reflected ms (median / worst)"]
                     .split(" / "))
    assert 0 < median <= worst
    assert state() == before
    assert lib.count(EventFilter(text="benchown0x")) == 0


def test_import_figures_import_every_pdf_into_a_library_of_their_own(tmp_path):
    figures = research.import_figures(count=3, pages=2)
    assert figures["import imported / failed"] == "3 / 0"
    assert figures["import 3 PDFs of 2 pages s"] > 0 and figures["import characters of text"] > 3 * 2 * 1000


def test_the_gui_import_figure_comes_from_a_real_window(tmp_path):
    pdfs = tmp_path / "pdfs"
    research.write_pdfs(pdfs, count=3, pages=2)
    figures = research._gui_import(pdfs, tmp_path / "gui.sqlite3")
    assert figures["GUI import: seconds"] > 0 and figures["GUI import: imported / files"] == "3 / 3"
    assert figures["GUI import: longest GUI-thread stall ms"] is not None
