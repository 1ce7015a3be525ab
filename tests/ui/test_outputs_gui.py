"""File → Export report…, File → Export to Excel workbook…, Edit → Copy citation in a real window:
exactly the timeline's events in its order, written off the GUI thread."""

from __future__ import annotations

import zipfile

import openpyxl
import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog

from azrel_desktop.core.query.filters import EventFilter
from azrel_desktop.ui.shell import output_actions
from azrel_desktop.ui.shell.main_window import MainWindow


@pytest.fixture
def window(qtbot, library):
    w = MainWindow(library, restore=False, warn=lambda parent, title, text: None)
    qtbot.addWidget(w)
    w.show()
    return w


def nato(library) -> str:
    return next(link.id for link in library.records("organisation") if link.label.endswith("(NATO)"))


def finish(qtbot, job):
    with qtbot.waitSignal(job.finished, timeout=30_000) as sig:
        pass
    return sig.args[0]


def test_the_menus_offer_the_outputs(window):
    file_menu, edit_menu = (a.menu() for a in window.menuBar().actions()[:2])
    file_texts = [a.text() for a in file_menu.actions()]
    assert "Export report…" in file_texts and "Export to Excel workbook…" in file_texts
    assert file_texts.index("Export to CSV…") < file_texts.index("Export report…")
    assert "Copy citation" in [a.text() for a in edit_menu.actions()]


@pytest.mark.parametrize("sort", [("date", False), ("title", True)])
def test_report_lists_the_timelines_events_in_its_order(qtbot, window, library, tmp_path, sort, fetched):
    page = window.timeline
    page.set_filter(EventFilter(organisations=(nato(library),), date_from="1997", date_to="1999"))
    page.set_sort(*sort)
    path = tmp_path / "report.html"
    result = finish(qtbot, window.outputs.export_report(path, fmt="html", dialog=False))
    ids = fetched(page)
    assert result.rows == len(ids) and result.error is None
    html = path.read_text(encoding="utf-8")
    positions = [html.index(f'id="{event_id}"') for event_id in ids]
    assert positions == sorted(positions)


def test_report_as_pdf_from_the_dialog(qtbot, window, tmp_path, monkeypatch):
    class Answer(output_actions.ReportDialog):
        def exec(self):
            self.format_box.setCurrentIndex(self.format_box.findData("pdf"))
            self.style_box.setCurrentIndex(self.style_box.findData("apa"))
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(output_actions, "ReportDialog", Answer)
    path = tmp_path / "chosen"
    monkeypatch.setattr(window.outputs, "_ask_path", lambda caption, name, suffix: str(path) + suffix)
    job = window.outputs.export_report(dialog=False)
    result = finish(qtbot, job)
    assert result.error is None, result.error
    data = (tmp_path / "chosen.pdf").read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 5000
    assert output_actions.citation_style() == "apa"  # remembered for Copy citation


def test_workbook_has_the_timelines_rows(qtbot, window, library, tmp_path, fetched):
    page = window.timeline
    page.set_filter(EventFilter(organisations=(nato(library),)))
    path = tmp_path / "events.xlsx"
    result = finish(qtbot, window.outputs.export_xlsx(path, dialog=False))
    ids = fetched(page)
    assert result.rows == len(ids)
    ws = openpyxl.load_workbook(path)["events"]
    assert [r[0] for r in ws.iter_rows(min_row=2, values_only=True)] == ids
    assert zipfile.is_zipfile(path)


def test_copy_citation_puts_the_quotes_and_citations_on_the_clipboard(qtbot, window, library, loaded):
    page = window.timeline
    loaded(page)
    event_id = library.rows(EventFilter(disputed=True))[0].id
    page.select_event(event_id, reveal=True)
    qtbot.waitUntil(lambda: page.selected_event() == event_id, timeout=10_000)
    with qtbot.waitSignal(window.outputs.copied, timeout=10_000) as sig:
        window.outputs.citation_action.trigger()
    text = sig.args[0]
    assert QGuiApplication.clipboard().text() == text
    detail = library.event(event_id)
    assert text.splitlines()[0].endswith(detail.row.title)
    assert " ".join(detail.supporting[0].quote.split()) in text
