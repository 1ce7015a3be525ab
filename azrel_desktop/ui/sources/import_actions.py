"""Starting an import from the GUI (File → Import sources…, a drop on the window, New
version… on a source page) and showing its result: one place, so every way in behaves alike."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from ...core.sources.reading import SUPPORTED
from ..shell.context import AppContext
from ..shell.navigation import Target
from ..shell.settings import settings
from .import_job import ImportJob, ImportResult
from .import_result import ImportResultDialog, ReportWords


def file_filter() -> str:
    """The file dialog's filters, their names translated (the patterns are not words)."""
    return ";;".join((
        QCoreApplication.translate("ImportActions", "Sources ({patterns})").format(
            patterns=" ".join("*" + s for s in SUPPORTED)),
        "PDF (*.pdf)", QCoreApplication.translate("ImportActions", "Word (*.docx)"),
        QCoreApplication.translate("ImportActions", "Web pages (*.html *.htm)"),
        QCoreApplication.translate("ImportActions", "Text and Markdown (*.txt *.md *.markdown)"),
        QCoreApplication.translate("ImportActions", "Bibliographies (*.bib *.ris *.json)"),
        QCoreApplication.translate("ImportActions", "All files (*)")))


@runtime_checkable
class ImportHost(Protocol):
    """A window that keeps its latest import (the main window)."""

    last_import: ImportJob | None


def ask_files(parent: QWidget) -> list[str]:
    s = settings()
    folder = str(s.value("import/folder", str(Path.home())))
    paths, _ = QFileDialog.getOpenFileNames(parent, QCoreApplication.translate("ImportActions", "Import sources"),
                                            folder, file_filter())
    if paths:
        s.setValue("import/folder", str(Path(paths[0]).parent))
    return paths


def run_import(ctx: AppContext, paths, window: QWidget, *, replaces: str | None = None,
               allow_duplicates: bool = False, show_result: bool = True,
               versions: dict | None = None) -> ImportJob | None:
    """Import `paths` in the background with a progress dialog; the summary dialog follows.
    `versions` maps a file to the source it is a new version of (the import plan's choice)."""
    if not paths:
        return None
    if ctx.library.readonly:
        ctx.status.emit(QCoreApplication.translate(
            "ImportActions", "{file} is read-only: sources cannot be imported into it.").format(file=ctx.library.path))
        return None
    job = ImportJob(ctx, paths, window, replaces=replaces, allow_duplicates=allow_duplicates,
                    dialog_parent=window, versions=versions)
    if isinstance(window, ImportHost):
        window.last_import = job  # reachable (to cancel it on closing) until the next import

    def finished(result: ImportResult) -> None:
        report = result.report
        if result.error or report is None:
            ctx.status.emit(QCoreApplication.translate("ImportActions", "Import failed: {reason}").format(
                reason=result.error))
            job.result_dialog = _show(window, None, result.error, ctx) if show_result else None
            return
        ctx.status.emit(QCoreApplication.translate("ImportActions", "Import: {summary}").format(
            summary=ReportWords().summary(report)))
        job.result_dialog = _show(window, report, None, ctx) if show_result else None

    job.finished.connect(finished)
    ctx.status.emit(QCoreApplication.translate("ImportActions", "Files being imported: {count}…").format(
        count=len(paths)))
    job.start()
    return job


def _show(window: QWidget, report, error: str | None, ctx: AppContext):
    if report is None:
        from ...core.sources.importer import ImportReport

        report = ImportReport()
    dialog = ImportResultDialog(report, window)
    if error:
        dialog.summary.setText(QCoreApplication.translate("ImportResultDialog", "The import failed: {reason}").format(
            reason=error))

    def open_source(source_id: str, passage_id: str) -> None:
        ctx.go(Target("source", source_id, passage_id=passage_id or None))

    dialog.open_source.connect(open_source)
    dialog.import_anyway.connect(lambda paths: run_import(ctx, paths, window, allow_duplicates=True))
    dialog.open()  # window-modal, without a nested event loop
    return dialog
