"""`ImportJob`: importing files off the GUI thread, with a progress dialog and Cancel.

It runs `Library.import_sources` through the app's background runner (`runner.Task`); the
core stores each source in its own transaction and checks for Cancel between files and between
a PDF's pages, so a cancelled import leaves each source whole or absent. The result comes back
to the GUI thread as the core's `ImportReport` and `Changes`, which the job emits through the
app context once.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QProgressDialog, QWidget

from ...core.research.annotations import Changes
from ...core.sources.importer import ImportReport
from ...core.sources.reading import SourceMetadata
from ..shell.context import AppContext
from ..shell.export_job import SHOW_DIALOG_AFTER_MS
from ..shell.runner import Progress, Task


@dataclass(frozen=True)
class ImportResult:
    report: ImportReport | None
    changes: Changes | None
    error: str | None = None  # the whole batch failed (the file became read-only, ...)


class ImportJob(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)  # ImportResult

    def __init__(self, ctx: AppContext, paths, parent: QObject | None = None, *,
                 metadata: SourceMetadata | None = None, replaces: str | None = None,
                 allow_duplicates: bool = False, dialog_parent: QWidget | None = None,
                 versions: dict | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.paths = [Path(p) for p in paths]
        library = ctx.library

        def run(progress: Progress) -> ImportResult:
            try:
                report, changes = library.import_sources(
                    self.paths, metadata, replaces=replaces, allow_duplicates=allow_duplicates,
                    progress=progress.report, cancelled=progress.cancelled, versions=versions)
                return ImportResult(report, changes)
            except Exception as exc:  # reported to the user, never raised in the worker
                return ImportResult(None, None, str(exc) or type(exc).__name__)

        self._task = Task(run)
        self._task.signals.progress.connect(lambda values: self._on_progress(*values),
                                            Qt.ConnectionType.QueuedConnection)
        self._task.signals.done.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)
        self.result: ImportResult | None = None
        self.result_dialog: QDialog | None = None  # the summary shown when it finished, if any
        self.dialog: QProgressDialog | None = None
        if dialog_parent is not None:
            self.dialog = QProgressDialog(self.tr("Importing…"), self.tr("Cancel"), 0, len(self.paths), dialog_parent)
            self.dialog.setWindowTitle(self.tr("Import sources"))
            self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self.dialog.setAutoClose(False)
            self.dialog.setAutoReset(False)
            self.dialog.reset()
            self.dialog.hide()
            self.dialog.canceled.connect(self.cancel)
            self._show_timer = QTimer(self, singleShot=True, interval=SHOW_DIALOG_AFTER_MS)
            self._show_timer.timeout.connect(self._show_dialog)

    def start(self) -> None:
        if self.dialog is not None:
            self._show_timer.start()
        self._task.start()

    def _show_dialog(self) -> None:
        if self.dialog is not None and self.result is None:
            self.dialog.show()

    def cancel(self) -> None:
        self._task.cancel()

    def running(self) -> bool:
        return self.result is None

    def _on_progress(self, done: int, of: int, name: str) -> None:
        if self.dialog is not None:
            self.dialog.setMaximum(max(of, 1))
            self.dialog.setValue(done)
            self.dialog.setLabelText(self.tr("Importing {file}… ({number} of {count})").format(
                file=name, number=done + 1, count=of) if name else self.tr("Finishing…"))
        self.progress.emit(done, of, name)

    def _on_finished(self, result: ImportResult) -> None:
        self.result = result
        if self.dialog is not None:
            self._show_timer.stop()
            self.dialog.reset()
            self.dialog.hide()
            QTimer.singleShot(0, self.dialog.deleteLater)
            self.dialog = None
        if result.changes is not None and result.changes.kinds:
            self.ctx.emit_changes(result.changes)
        self.finished.emit(result)
