"""`ExportJob`: a cancellable CSV export written atomically, run by the background runner
(`runner.Task`), with a progress dialog that shows only when the export takes a while."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ...core.errors import ExportCancelled
from ...core.query.filters import EventFilter
from ...core.service import Library
from ..common.core_labels import number
from .runner import Progress, Task


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int
    cancelled: bool = False
    error: str | None = None
    warnings: tuple[str, ...] = ()  # what the export said of the file (cells Excel would cut)

    @property
    def message(self) -> str:
        if self.cancelled:
            return QCoreApplication.translate("ExportResult", "Export cancelled; {path} was not changed.").format(
                path=self.path)
        if self.error:
            return QCoreApplication.translate("ExportResult", "Export failed: {error}").format(error=self.error)
        return _Plural().rows_written(self.rows, self.path)


class _Plural(QObject):
    """Plural texts said outside a QObject: lupdate finds the plural form (%n) of `tr` calls,
    not of `QCoreApplication.translate` calls whose count is a variable."""

    def rows_written(self, n: int, path: Path) -> str:
        return self.tr("%n row(s) written to {path}", "", n).format(path=path)




SHOW_DIALOG_AFTER_MS = 500  # quick exports never flash a dialog


class ExportJob(QObject):
    """One export running in the thread pool, with an optional progress dialog and Cancel.

    `write(out, progress=..., cancelled=..., preparing=...)` is the Library call that fills the file
    (`preparing` reports rows rendered before the writing starts, after the corpus changed);
    what it says to the user (cells Excel would cut) goes into `said`, and comes back in the result;
    `write_atomically` guarantees an existing file is replaced only when it is complete.
    """

    progress = Signal(int, int)
    finished = Signal(object)  # ExportResult

    def __init__(self, path: Path | str, write: Callable[..., int], parent: QObject | None = None,
                 *, dialog_parent: QWidget | None = None, label: str | None = None,
                 said: list[str] | None = None):
        super().__init__(parent)
        self.path = Path(path)
        self._said = said if said is not None else []
        self._task = Task(lambda progress: self._write(write, progress))
        self._task.signals.progress.connect(self._on_report, Qt.ConnectionType.QueuedConnection)
        self._task.signals.done.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)
        self.result: ExportResult | None = None
        self._dialog: QProgressDialog | None = None
        if dialog_parent is not None:
            # translate() with the class named: FileJob inherits these, and tr() would use its name
            self._dialog = QProgressDialog(label or QCoreApplication.translate("ExportJob", "Exporting…"),
                                           QCoreApplication.translate("ExportJob", "Cancel"), 0, 0, dialog_parent)
            self._dialog.setWindowTitle(QCoreApplication.translate("ExportJob", "Export to CSV"))
            self._dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self._dialog.setAutoClose(False)
            self._dialog.setAutoReset(False)
            self._dialog.reset()  # stops QProgressDialog's own show timer; ours decides below
            self._dialog.hide()
            self._dialog.canceled.connect(self.cancel)
            self._show_timer = QTimer(self, singleShot=True, interval=SHOW_DIALOG_AFTER_MS)
            self._show_timer.timeout.connect(self._show_dialog)

    @staticmethod
    def events(library: Library, f: EventFilter, sort: tuple[str, bool], path: Path | str,
               parent: QObject | None = None, *, excel: bool = False, **kwargs) -> ExportJob:
        """Export exactly the timeline's filter in its sort order (`excel`: with the byte-order mark)."""
        key, descending = sort

        said: list[str] = []

        def write(out, progress, cancelled, preparing):
            return library.export_events(f, out, sort=key, descending=descending, excel=excel, progress=progress,
                                         cancelled=cancelled, preparing=preparing, warn=said.append)

        return ExportJob(path, write, parent, said=said, **kwargs)

    @staticmethod
    def annotations(library: Library, path: Path | str, parent: QObject | None = None, *,
                    tags: tuple[str, ...] = (), text_contains: str = "", excel: bool = False,
                    **kwargs) -> ExportJob:
        """Export the notes (those with one of `tags` and holding `text_contains`, if given)."""
        said: list[str] = []

        def write(out, progress, cancelled, preparing):
            if cancelled():
                raise ExportCancelled()
            return library.export_annotations(out, tags=tags, text_contains=text_contains, excel=excel,
                                              warn=said.append)

        return ExportJob(path, write, parent, label=QCoreApplication.translate("ExportJob", "Exporting annotations…"),
                         said=said, **kwargs)


    def _write(self, write: Callable[..., int], progress: Progress) -> ExportResult:
        """In the worker: the file is replaced only when complete; every outcome is a result."""
        try:
            rows = Library.write_atomically(self.path, lambda out: write(
                out, progress=lambda done, total: progress.report("progress", done, total),
                cancelled=progress.cancelled,
                preparing=lambda done, of: progress.report("preparing", done, of)))
            return ExportResult(self.path, rows, warnings=tuple(self._said))
        except ExportCancelled:
            return ExportResult(self.path, 0, cancelled=True)
        except Exception as exc:  # disk full, permission denied: reported, not raised
            return ExportResult(self.path, 0, error=str(exc) or type(exc).__name__)

    def start(self) -> None:
        if self._dialog is not None:
            self._show_timer.start()
        self._task.start()

    def _show_dialog(self) -> None:
        if self._dialog is not None and self.result is None:
            self._dialog.show()

    def cancel(self) -> None:
        self._task.cancel()

    def is_cancelled(self) -> bool:
        return self._task.cancelled()

    def _on_report(self, values: tuple) -> None:
        what, done, of = values
        (self._on_preparing if what == "preparing" else self._on_progress)(done, of)

    def running(self) -> bool:
        return self.result is None

    def _on_preparing(self, done: int, of: int) -> None:
        if self._dialog is not None:
            self._dialog.setMaximum(max(of, 1))
            self._dialog.setValue(done)
            self._dialog.setLabelText(QCoreApplication.translate(
                "ExportJob", "Preparing the rows, once after the corpus changed… {done} of {total}").format(
                done=number(done), total=number(of)))

    def _on_progress(self, done: int, total: int) -> None:
        if self._dialog is not None:
            self._dialog.setMaximum(max(total, 1))
            self._dialog.setValue(done)
            self._dialog.setLabelText(QCoreApplication.translate("ExportJob", "Exporting… {done} of {total} rows").format(
                done=number(done), total=number(total)))
        self.progress.emit(done, total)

    def _on_finished(self, result: ExportResult) -> None:
        self.result = result
        if self._dialog is not None:
            self._show_timer.stop()
            self._dialog.reset()
            self._dialog.hide()
            # Deleted later: the dialog may still be inside its own event handler.
            QTimer.singleShot(0, self._dialog.deleteLater)
            self._dialog = None
        self.finished.emit(result)
