"""Export from the window: exactly the timeline's rows in view order, off the GUI thread,
cancellable without touching an existing file."""

from __future__ import annotations

import csv
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QPushButton

from azrel_desktop.core.output.export import ANNOTATION_COLUMNS, EVENT_COLUMNS, ExportCancelled, unescape_cell
from azrel_desktop.core.query.filters import EventFilter
from azrel_desktop.ui.common.export_formats import CSV, ExportChoice
from azrel_desktop.ui.shell.export_job import ExportJob
from azrel_desktop.ui.shell.main_window import MainWindow


@pytest.fixture
def warnings():
    return []


@pytest.fixture
def window(qtbot, library, warnings):
    w = MainWindow(library, restore=False, warn=lambda parent, title, text: warnings.append((title, text)))
    qtbot.addWidget(w)
    w.show()
    return w


def nato(library) -> str:
    return next(link.id for link in library.records("organisation") if link.label.endswith("(NATO)"))


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def finish(qtbot, job: ExportJob):
    with qtbot.waitSignal(job.finished, timeout=10_000) as sig:
        pass
    return sig.args[0]


@pytest.mark.parametrize("sort", [("date", False), ("title", True), ("organisations", False), ("sources", True)])
def test_export_writes_the_table_rows_in_view_order(qtbot, window, library, tmp_path, sort, fetched):
    page = window.timeline
    page.set_filter(EventFilter(organisations=(nato(library),), date_from="1997"))
    page.set_sort(*sort)
    assert page.sort_key() == sort
    path = tmp_path / "events.csv"
    job = window.export_csv(path, dialog=False)
    result = finish(qtbot, job)
    rows = read_csv(path)
    assert rows[0] == list(EVENT_COLUMNS)
    ids = [unescape_cell(r[0]) for r in rows[1:]]
    assert ids == fetched(page)
    assert len(ids) == page.model.total() == result.rows
    titles = [r[EVENT_COLUMNS.index("title")] for r in rows[1:]]
    assert [unescape_cell(t) for t in titles] == [page.model.event_row(i).title for i in range(len(ids))]
    assert window.statusBar().currentMessage() == f"{len(ids)} rows written to {path}"


def test_ctrl_e_asks_for_a_file_and_exports(qtbot, window, library, tmp_path, monkeypatch):
    path = tmp_path / "chosen"
    monkeypatch.setattr(window, "_ask_path", lambda caption, name, formats=None: ExportChoice(Path(str(path) + ".csv"), CSV))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert window.last_export is not None
    finish(qtbot, window.last_export)
    assert len(read_csv(str(path) + ".csv")) == library.total() + 1


def test_the_dialog_says_when_rows_are_being_prepared(qtbot, window, tmp_path):
    prepared = threading.Event()

    def preparing_write(out, progress, cancelled, preparing):
        preparing(3000, 100_000)
        prepared.set()
        for _ in range(1000):  # until the test cancels (at most 10 s)
            if cancelled():
                raise ExportCancelled()
            threading.Event().wait(0.01)
        return 0

    job = ExportJob(tmp_path / "prep.csv", preparing_write, window, dialog_parent=window)
    job.start()
    qtbot.waitUntil(prepared.is_set)
    dialog = window.findChild(QProgressDialog)
    qtbot.waitUntil(lambda: "3,000 of 100,000" in dialog.labelText())
    assert dialog.labelText().startswith("Preparing the rows") and (dialog.value(), dialog.maximum()) == (3000, 100_000)
    job.cancel()
    assert finish(qtbot, job).cancelled


def test_cancel_from_the_progress_dialog_leaves_the_old_file(qtbot, window, tmp_path):
    path = tmp_path / "keep.csv"
    path.write_text("old contents\n", encoding="utf-8")
    started = threading.Event()

    def slow_write(out, progress, cancelled, preparing):
        preparing(3000, 100_000)
        out.write("partial,row\n")
        progress(1, 100)
        started.set()
        for _ in range(1000):  # a worker waiting (at most 10 s) for the user's Cancel
            if cancelled():
                raise ExportCancelled()
            threading.Event().wait(0.01)
        return 1

    job = ExportJob(path, slow_write, window, dialog_parent=window)
    job.start()
    qtbot.waitUntil(started.is_set)
    dialog = window.findChild(QProgressDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=3000)  # shown once the export takes over 0.5 s
    cancel = dialog.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "Cancel"
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    result = finish(qtbot, job)
    assert result.cancelled and result.rows == 0
    assert path.read_text(encoding="utf-8") == "old contents\n"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]
    assert "cancelled" in result.message


def test_cancel_before_any_row_is_written(qtbot, window, library, tmp_path):
    path = tmp_path / "keep.csv"
    path.write_bytes(b"precious")
    job = ExportJob.events(library, EventFilter(), ("date", False), path, window)
    job.cancel()
    job.start()
    result = finish(qtbot, job)
    assert result.cancelled
    assert path.read_bytes() == b"precious"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]


def test_failed_export_is_reported_not_raised(qtbot, window, tmp_path, warnings):
    job = window.export_csv(tmp_path / "no such folder" / "x.csv", dialog=False)
    result = finish(qtbot, job)
    assert result.error
    assert warnings and warnings[0][0] == "Export failed"
    assert window.statusBar().currentMessage().startswith("Export failed")


def test_export_annotations(qtbot, window, library, tmp_path):
    event_id = library.rows(EventFilter(), limit=1)[0].id
    library.add_annotation("event", event_id, "=SUM(A1) <b>not bold</b>", tags=("to check",))
    path = tmp_path / "notes.csv"
    result = finish(qtbot, window.export_annotations(path, dialog=False))
    rows = read_csv(path)
    assert rows[0] == list(ANNOTATION_COLUMNS)
    assert result.rows == 1 == len(rows) - 1
    body = rows[1][ANNOTATION_COLUMNS.index("body")]
    assert body.startswith("'") and unescape_cell(body) == "=SUM(A1) <b>not bold</b>"
    assert window.statusBar().currentMessage() == f"1 row written to {path}"


def test_cells_longer_than_excel_takes_are_reported_after_the_export(qtbot, fresh_library, tmp_path):
    """A note longer than Excel's 32,767-character cell: the GUI says so after writing the file
    (the CLI's `azrel: warning`), the file keeps the whole text, and a short export says nothing."""
    said: list[tuple[str, str]] = []
    window = MainWindow(fresh_library, restore=False, warn=lambda parent, title, text: said.append((title, text)))
    qtbot.addWidget(window)
    window.show()
    short = finish(qtbot, window.export_annotations(tmp_path / "short.csv", dialog=False))
    assert short.warnings == () and said == []
    fresh_library.add_annotation("event", "ev-1997-02-solana-visits-baku", "Uzun qeyd. " * 4000)
    for name, export in (("notes.csv", window.export_annotations), ("events.csv", window.export_csv)):
        result = finish(qtbot, export(tmp_path / name, dialog=False))
        assert len(result.warnings) == 1 and "1 cell is longer than Excel's 32,767-character limit" in result.warnings[0]
        title, text = said.pop()
        assert title == "Exported, with a warning" and result.warnings[0] in text and str(tmp_path / name) in text
        assert any(len(cell) > 32_767 for row in read_csv(tmp_path / name) for cell in row)
