"""File → Export report…, File → Export to Excel workbook…, Edit → Copy citation.

Each runs its Library call in the background runner (`ExportJob`'s Task, with its progress
dialog and Cancel): the report is built and written off the GUI thread — a PDF is printed there
too, by Qt's QTextDocument on a QPdfWriter (azrel_desktop/qt_pdf.py), both of which work outside
the GUI thread — and the citation text is read there before it is put on the clipboard. The
citation style chosen for a report is remembered and used by Copy citation.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from ...core.errors import ExportCancelled
from ...core.service import Library
from ..i18n import QT_TRANSLATE_NOOP
from .export_job import ExportJob, ExportResult
from .runner import Task
from .settings import settings

if TYPE_CHECKING:
    from .main_window import MainWindow

STYLE_KEY = "citation/style"
REPORT_FORMAT_KEY = "report/format"
NOTES_KEY = "report/notes"
DEFAULT_STYLE = "chicago-author-date"
# (the names are translated where shown, in ReportDialog)
STYLES = (("chicago-author-date", QT_TRANSLATE_NOOP("ReportDialog", "Chicago author-date (18th edition)")),
          ("apa", QT_TRANSLATE_NOOP("ReportDialog", "APA (7th edition)")),
          ("harvard", QT_TRANSLATE_NOOP("ReportDialog", "Harvard (Cite Them Right)")))
REPORT_FORMATS = (("pdf", "PDF", ".pdf"), ("docx", QT_TRANSLATE_NOOP("ReportDialog", "Word document"), ".docx"),
                  ("html", QT_TRANSLATE_NOOP("ReportDialog", "Web page (HTML)"), ".html"),
                  ("md", "Markdown", ".md"))


def citation_style() -> str:
    """The style the user chose last (for reports and Copy citation)."""
    value = str(settings().value(STYLE_KEY, DEFAULT_STYLE))
    return value if value in dict(STYLES) else DEFAULT_STYLE


class FileJob(ExportJob):
    """An export whose Library call writes the file itself (a workbook, a report), replacing it only
    once complete: `write(path, progress, cancelled)` returns what it counted."""

    def __init__(self, path: Path | str, write: Callable[..., int], parent: QObject | None = None,
                 *, dialog_parent: QWidget | None = None, label: str | None = None, title: str | None = None):
        super().__init__(path, write, parent, dialog_parent=dialog_parent, label=label)
        if self._dialog is not None:
            self._dialog.setWindowTitle(title or self.tr("Export"))

    def _write(self, write: Callable[..., int], progress) -> ExportResult:
        try:
            rows = write(self.path, lambda done, total: progress.report("progress", done, total), progress.cancelled)
            return ExportResult(self.path, rows)
        except ExportCancelled:
            return ExportResult(self.path, 0, cancelled=True)
        except Exception as exc:  # disk full, permission denied: reported, not raised
            return ExportResult(self.path, 0, error=str(exc) or type(exc).__name__)


def write_report(library: Library, f, sort: tuple[str, bool], fmt: str, style: str, notes: bool,
                 title: str | None) -> Callable[..., int]:
    """The worker's half of a report: build it (progress per event), then write `fmt`."""
    key, descending = sort

    def write(path: Path, progress, cancelled) -> int:
        report = library.report(f, sort=key, descending=descending, style=style, notes=notes, title=title,
                                progress=progress, cancelled=cancelled)
        if cancelled():
            raise ExportCancelled()
        if fmt == "pdf":
            from ... import qt_pdf

            with tempfile.TemporaryDirectory(prefix="azrel-report-") as folder:
                printed = Path(folder) / "report.pdf"
                qt_pdf.html_to_pdf(Library.report_html(report, for_print=True), printed, title=report.title)
                data = printed.read_bytes()
            Library.write_bytes_atomically(path, lambda out: out.write(data))
        else:
            Library.write_report(report, path, fmt)
        return len(report.events)

    return write


class ReportDialog(QDialog):
    """What a report should be: format, citation style, notes, title."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export report"))
        form = QFormLayout(self)
        self.format_box = QComboBox(self)
        for key, label, suffix in REPORT_FORMATS:
            self.format_box.addItem(f"{self.tr(label)} ({suffix})", key)
        remembered = str(settings().value(REPORT_FORMAT_KEY, "pdf"))
        self.format_box.setCurrentIndex(max(0, self.format_box.findData(remembered)))
        self.style_box = QComboBox(self)
        for key, label in STYLES:
            self.style_box.addItem(self.tr(label), key)
        self.style_box.setCurrentIndex(max(0, self.style_box.findData(citation_style())))
        self.notes_box = QCheckBox(self.tr("Include my notes on each event"), self)
        self.notes_box.setChecked(settings().value(NOTES_KEY, False) in (True, "true"))
        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText(self.tr("Chronology"))
        form.addRow(self.tr("Format:"), self.format_box)
        form.addRow(self.tr("Citation style:"), self.style_box)
        form.addRow(self.tr("Title:"), self.title_edit)
        form.addRow(self.notes_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def choice(self) -> tuple[str, str, bool, str | None]:
        s = settings()
        fmt, style, notes = self.format_box.currentData(), self.style_box.currentData(), self.notes_box.isChecked()
        s.setValue(REPORT_FORMAT_KEY, fmt)
        s.setValue(STYLE_KEY, style)
        s.setValue(NOTES_KEY, notes)
        return fmt, style, notes, self.title_edit.text().strip() or None


class OutputActions(QObject):
    """The window's report, workbook and citation commands."""

    copied = Signal(str)  # the text put on the clipboard
    copy_failed = Signal(str)

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.last_job: ExportJob | None = None
        self._citation_task: Task | None = None
        w = window
        self.report_action = w._action(self.tr("Export report…"), lambda: self.export_report(),
                                       tip=self.tr("A chronology of the timeline's events, every claim footnoted "
                                                   "to its source"))
        self.xlsx_action = w._action(self.tr("Export to Excel workbook…"), lambda: self.export_xlsx(),
                                     tip=self.tr("The timeline's events as an .xlsx workbook with real dates"))
        self.citation_action = w._action(self.tr("Copy citation"), lambda: self.copy_citation(), ("Ctrl+Shift+C",),
                                         self.tr("Copy the selected record's quoted passages with their citations"))

    def install(self, file_menu, edit_menu, before=None) -> None:
        file_menu.insertAction(before, self.report_action)
        file_menu.insertAction(before, self.xlsx_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.citation_action)

    # --- report ----------------------------------------------------------------------------------
    def export_report(self, path: str | Path | None = None, *, fmt: str | None = None, style: str | None = None,
                      notes: bool = False, title: str | None = None, dialog: bool = True) -> ExportJob | None:
        """Export the timeline's filter in its order as a report; `path` skips the dialogs."""
        if path is None:
            box = ReportDialog(self.window)
            if box.exec() != QDialog.DialogCode.Accepted:
                return None
            fmt, style, notes, title = box.choice()
            suffix = dict((k, s) for k, _, s in REPORT_FORMATS)[fmt]
            path = self._ask_path(self.tr("Export report"), f"azrel-report{suffix}", suffix)
            if path is None:
                return None
        fmt = fmt or {".docx": "docx", ".html": "html", ".htm": "html", ".md": "md"}.get(Path(path).suffix.lower(), "pdf")
        page = self.window.timeline
        job = FileJob(path, write_report(self.window.ctx.library, page.filter(), page.sort_key(), fmt,
                                         style or citation_style(), notes, title),
                      self, dialog_parent=self.window if dialog else None, label=self.tr("Writing the report…"),
                      title=self.tr("Export report"))
        return self._run(job)

    # --- workbook --------------------------------------------------------------------------------
    def export_xlsx(self, path: str | Path | None = None, *, dialog: bool = True) -> ExportJob | None:
        """The timeline's events in its order as an .xlsx workbook (a separate choice beside the CSV
        exports, so the CSV dialog can offer it too)."""
        if path is None:
            path = self._ask_path(self.tr("Export to Excel workbook"), "azrel-events.xlsx", ".xlsx")
            if path is None:
                return None
        page = self.window.timeline
        f, (key, descending) = page.filter(), page.sort_key()
        library = self.window.ctx.library

        def write(target: Path, progress, cancelled) -> int:
            counts = library.export_xlsx(target, f, ("events",), sort=key, descending=descending,
                                         progress=progress, cancelled=cancelled)
            return sum(counts.values())

        return self._run(FileJob(path, write, self, dialog_parent=self.window if dialog else None,
                                 label=self.tr("Writing the workbook…"), title=self.tr("Export to Excel workbook")))

    def _ask_path(self, caption: str, name: str, suffix: str) -> str | None:
        s = settings()
        folder = str(s.value("export/folder", str(Path.home())))
        path, _ = QFileDialog.getSaveFileName(self.window, caption, str(Path(folder) / name), f"*{suffix}")
        if not path:
            return None
        if not path.lower().endswith(suffix):
            path += suffix
        s.setValue("export/folder", str(Path(path).parent))
        return path

    def _run(self, job: ExportJob) -> ExportJob:
        self.last_job = job
        job.finished.connect(self.window._export_finished)
        self.window.statusBar().showMessage(self.tr("Writing {path}…").format(path=job.path))
        job.start()
        return job

    # --- Copy citation ---------------------------------------------------------------------------
    def current_record(self) -> tuple[str | None, str | None]:
        """(record id, passage id) of what the window shows: the event selected in the timeline,
        else the record page open (an organisation, an agreement), else a source's passage."""
        target = self.window.history.current
        kind = target.kind if target else "timeline"
        if kind in ("timeline", "event"):
            return self.window.timeline.selected_event(), None
        if target is not None and target.passage_id:
            return None, target.passage_id
        if target is not None and kind in ("organisation", "agreement", "membership") and target.id:
            return target.id, None
        return None, None

    def copy_citation(self, record_id: str | None = None, passage_id: str | None = None) -> Task | None:
        """Read the citation text in the background and put it on the clipboard."""
        if record_id is None and passage_id is None:
            record_id, passage_id = self.current_record()
        if record_id is None and passage_id is None:
            self.window.statusBar().showMessage(
                self.tr("Select an event (or open a record or a passage) to copy its citation"), 8000)
            return None
        library, style = self.window.ctx.library, citation_style()
        task = Task(lambda _p: library.citation_text(record_id=record_id, passage_id=passage_id, style=style),
                    describe_error=lambda exc: str(exc))
        task.signals.done.connect(self._copied, Qt.ConnectionType.QueuedConnection)
        task.signals.failed.connect(lambda message, _exc: self._failed(message), Qt.ConnectionType.QueuedConnection)
        self._citation_task = task
        task.start()
        return task

    def _copied(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)
        self.window.statusBar().showMessage(self.tr("Citation copied"), 5000)
        self.copied.emit(text)

    def _failed(self, message: str) -> None:
        self.window.statusBar().showMessage(self.tr("Could not copy the citation: {error}").format(error=message), 8000)

        self.copy_failed.emit(message)
