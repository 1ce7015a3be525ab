"""Every export dialog offers CSV and CSV for Excel, remembers the choice, starts on the one a
spreadsheet reads correctly, and the file it writes opens in a spreadsheet with the
Azerbaijani letters intact."""

from __future__ import annotations

import codecs
import csv
import io

import pytest
from PySide6.QtWidgets import QFileDialog

from azrel_desktop.core.query.filters import EventFilter
from azrel_desktop.core.research.drafts import Cite, EventDraft
from azrel_desktop.ui.common import export_formats
from azrel_desktop.ui.common.export_formats import CSV, CSV_EXCEL, FORMATS, system_default
from azrel_desktop.ui.shell.main_window import MainWindow
from azrel_desktop.ui.shell.navigation import Target

CITY = "Bakı Şəhəri"
NEWS = "src-004"


class SaveDialog:
    """Stands in for the user at the platform's save dialog: records what it offered, answers
    with a file and one of the offered filters."""

    def __init__(self, monkeypatch, answer_path, pick=None):
        self.offered: list[tuple[str, str]] = []
        self.answer_path, self.pick = answer_path, pick

        def ask(parent, caption, start, filters, selected, *args, **kwargs):
            self.offered.append((filters, selected))
            chosen = self.pick.name_filter if self.pick else selected
            assert chosen in filters.split(";;")
            return str(self.answer_path), chosen

        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(ask))


def open_like_a_spreadsheet(data: bytes) -> list[list[str]]:
    """What Excel and LibreOffice Calc do on opening a CSV: a UTF-8 byte-order mark selects
    UTF-8 (without it they fall back to a legacy code page), the delimiter and quoting are
    sniffed from the first lines, a field is quoted with " and a " inside it is doubled (RFC 4180,
    which both follow whatever a sniffer guesses), and CRLF or LF both end a record."""
    if data.startswith(codecs.BOM_UTF8):
        text = data[len(codecs.BOM_UTF8):].decode("utf-8")
    else:
        text = data.decode("cp1252", errors="replace")
    sniffed = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    assert sniffed.delimiter == ","
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=sniffed.delimiter, quotechar='"',
                           doublequote=True))


@pytest.fixture
def window(qtbot, library):
    w = MainWindow(library, restore=False, warn=lambda *a: None)
    qtbot.addWidget(w)
    w.show()
    return w


def finish(qtbot, job):
    with qtbot.waitSignal(job.finished, timeout=10_000) as sig:
        pass
    return sig.args[0]


def add_city_event(library) -> str:
    start, end = library.locate_quote(NEWS, "They said that they had discussed “regional security”")
    view, _ = library.create_event(EventDraft(f"Talks in {CITY}, \"quoted\"", "2024-04-22", "meeting"),
                                   [Cite(NEWS, start, end)])
    return view.id


def test_the_default_is_the_byte_order_marked_csv_on_every_desktop_system():
    for platform in ("win32", "darwin", "linux"):
        assert system_default(platform) is CSV_EXCEL
    assert {CSV.key, CSV_EXCEL.key} <= {f.key for f in FORMATS}


def test_timeline_export_offers_both_formats_defaults_to_excel_and_opens_intact(qtbot, window, library,
                                                                                 tmp_path, monkeypatch):
    event_id = add_city_event(library)
    window.timeline.set_filter(EventFilter(date_from="2024"))
    dialog = SaveDialog(monkeypatch, tmp_path / "events")
    window.export_csv()
    filters, selected = dialog.offered[0]
    assert CSV.name_filter in filters.split(";;") and CSV_EXCEL.name_filter in filters.split(";;")
    assert selected == CSV_EXCEL.name_filter  # first time: the system's default
    finish(qtbot, window.last_export)
    data = (tmp_path / "events.csv").read_bytes()  # the suffix was added
    assert data.startswith(codecs.BOM_UTF8)
    rows = open_like_a_spreadsheet(data)
    assert rows[0][0] == "id" and len({len(r) for r in rows}) == 1
    row = next(r for r in rows if r[0] == event_id)
    assert row[6] == f"Talks in {CITY}, \"quoted\"", row[6]
    assert data.count(b"\r\n") == len(rows) and b"\n" not in data.replace(b"\r\n", b"")


def test_the_timeline_export_also_offers_a_workbook_of_the_same_rows(qtbot, window, library, tmp_path,
                                                                    monkeypatch):
    import openpyxl

    event_id = add_city_event(library)
    window.timeline.set_filter(EventFilter(date_from="2024"))
    dialog = SaveDialog(monkeypatch, tmp_path / "events", pick=export_formats.XLSX)
    window.export_csv()
    assert export_formats.XLSX.name_filter in dialog.offered[0][0].split(";;")
    finish(qtbot, window.outputs.last_job)
    sheet = openpyxl.load_workbook(tmp_path / "events.xlsx", read_only=True).worksheets[0]
    rows = [[c for c in r] for r in sheet.iter_rows(values_only=True)]
    assert rows[0][0] == "id"
    assert [r[0] for r in rows[1:]] == [r.id for r in library.rows(EventFilter(date_from="2024"), limit=1000)]
    assert next(r for r in rows if r[0] == event_id)[6] == f"Talks in {CITY}, \"quoted\""


def test_the_choice_is_remembered_for_the_next_export(qtbot, window, library, tmp_path, monkeypatch):
    SaveDialog(monkeypatch, tmp_path / "plain.csv", pick=CSV)
    window.export_csv()
    finish(qtbot, window.last_export)
    assert not (tmp_path / "plain.csv").read_bytes().startswith(codecs.BOM_UTF8)
    again = SaveDialog(monkeypatch, tmp_path / "notes.csv")
    window.export_annotations()
    assert again.offered[0][1] == CSV.name_filter
    assert export_formats.remembered() is CSV


def test_annotations_page_export_uses_the_same_dialog(qtbot, window, library, tmp_path, monkeypatch):
    event_id = library.rows(EventFilter(), limit=1)[0].id
    library.add_annotation("event", event_id, f"Check the {CITY} dateline", tags=("to check",))
    page = window.page("annotations")
    window.go(Target("annotations"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    dialog = SaveDialog(monkeypatch, tmp_path / "notes.csv")
    page.export()
    assert dialog.offered[0][1] == CSV_EXCEL.name_filter
    with qtbot.waitSignal(page.last_export.finished, timeout=10_000) as done:  # written off the GUI thread
        pass
    assert done.args[0].error is None
    rows = open_like_a_spreadsheet((tmp_path / "notes.csv").read_bytes())
    assert any(f"Check the {CITY} dateline" in cell for cell in rows[1])


def test_without_the_mark_a_spreadsheet_garbles_the_letters(tmp_path, library):
    """Why the default carries the mark: the same file without it, read as Excel reads it."""
    add_city_event(library)
    out = io.StringIO(newline="")
    library.export_events(EventFilter(date_from="2024"), out)
    rows = open_like_a_spreadsheet(out.getvalue().encode("utf-8"))
    assert not any(CITY in cell for r in rows for cell in r)
