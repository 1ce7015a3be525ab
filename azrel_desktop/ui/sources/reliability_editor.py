"""The small editor of a user's own source's reliability: the Admiralty grade, the reason, and the
source it copies (a reprint is not an independent witness). The corpus grades its own sources;
this edits only the user's. Saving regrades every claim that cites the source, and puts a
command on the app's undo stack that sets the three back (and forward again).

The GUI thread sends no SQL: the list of other sources is read in the runner (the dialog opens,
window-modal, when it comes), Save writes through `ctx.write` (the dialog stays open, Save
disabled, until the write lands; a refusal is shown in the dialog and the dialog stays open)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...core.corpus.evidence import RELIABILITY_GRADES
from ...core.query.records import SourcePage
from ...core.research.annotations import Changes
from ..coding.vocabulary import reliability_words
from ..common.colours import show_as_alert
from ..common.undo_command import SetValuesCommand
from ..common.widgets import PlainLabel
from ..shell.context import AppContext
from ..shell.runner import Task


class ReliabilityDialog(QDialog):
    """Save asks (`save_requested`); the dialog closes when the save has landed."""

    save_requested = Signal()

    def __init__(self, record: SourcePage, others: list[tuple[str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Source reliability"))
        self.record = record
        layout = QVBoxLayout(self)
        layout.addWidget(PlainLabel(record.title, self))
        form = QFormLayout()
        self.grade = QComboBox(self)
        self.grade.setAccessibleName(self.tr("Reliability grade"))
        self.grade.addItem(self.tr("not graded"), None)
        for letter in RELIABILITY_GRADES:
            self.grade.addItem(f"{letter} — {reliability_words(letter)}", letter)
        self.grade.setCurrentIndex(max(0, self.grade.findData(record.reliability_grade)))
        form.addRow(self.tr("Grade (Admiralty code):"), self.grade)
        self.reason = QPlainTextEdit(self)
        self.reason.setAccessibleName(self.tr("Reason for the grade"))
        self.reason.setPlainText(record.reliability or "")
        self.reason.setTabChangesFocus(True)
        form.addRow(self.tr("Reason:"), self.reason)
        self.copies = QComboBox(self)
        self.copies.setAccessibleName(self.tr("Source this one copies"))
        self.copies.addItem(self.tr("none: an original text"), None)
        for sid, title in others:
            self.copies.addItem(title, sid)
        self.copies.setCurrentIndex(max(0, self.copies.findData(record.copies.id if record.copies else None)))
        form.addRow(self.tr("A copy of:"), self.copies)
        layout.addLayout(form)
        self.error = PlainLabel("", self)
        self.error.setObjectName("reliabilityError")
        show_as_alert(self.error)
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                   parent=self)
        buttons.accepted.connect(self.save_requested)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)

    def values(self) -> tuple[str | None, str, str | None]:
        return self.grade.currentData(), self.reason.toPlainText(), self.copies.currentData()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def set_saving(self, saving: bool) -> None:
        self.save_button.setEnabled(not saving)
        if saving:
            self.error.hide()


Values = tuple[str | None, str | None, str | None]  # grade, reason, the source it copies


class ReliabilityCommand(SetValuesCommand[Values]):
    """Undo sets the grade, reason and copies link back; redo sets them again."""

    def __init__(self, ctx: AppContext, source_id: str, before: Values, after: Values):
        super().__init__(ctx, QCoreApplication.translate("ReliabilityCommand", "Edit source reliability"), before, after)
        self.source_id = source_id

    def _set(self, values: Values) -> Changes:
        grade, reason, copies = values
        return self.ctx.library.set_source_reliability(self.source_id, grade, reason, copies_id=copies)


def save(ctx: AppContext, dialog: ReliabilityDialog) -> None:
    """Store the dialog's values off the GUI thread; when stored, push the undo command and
    accept the dialog; if refused, say why in the dialog, which stays open."""
    record = dialog.record
    before = (record.reliability_grade, record.reliability, record.copies.id if record.copies else None)
    grade, reason, copies = dialog.values()
    lib = ctx.library
    dialog.set_saving(True)

    def done(changes: Changes) -> None:
        ctx.undo_stack.push(ReliabilityCommand(ctx, record.id, before, (grade, reason, copies)))
        ctx.emit_changes(changes)
        ctx.status.emit(QCoreApplication.translate("ReliabilityDialog",
                                                   "Reliability saved; the claims citing this source were graded again."))
        try:
            dialog.accept()
        except RuntimeError:  # closed while the save ran
            pass

    def failed(why: str) -> None:  # EvidenceError: a cycle of copies, an unknown grade
        try:
            dialog.set_saving(False)
            dialog.show_error(why)
        except RuntimeError:
            ctx.status.emit(QCoreApplication.translate("ReliabilityDialog", "Reliability not saved: {reason}").format(
                reason=why))

    ctx.write(lambda: lib.set_source_reliability(record.id, grade, reason, copies_id=copies), done, failed)


def edit_reliability(ctx: AppContext, record: SourcePage, parent: QWidget | None = None, *,
                     opened: Callable[[ReliabilityDialog], None] | None = None) -> Task:
    """Read the other sources (what this one may copy) off the GUI thread, then open the editor
    window-modal; `opened(dialog)` when it is shown. Keep the returned task until then."""
    lib = ctx.library
    task = Task(lambda _p: [(link.id, link.label) for link in lib.records("source") if link.id != record.id],
                describe_error=lambda exc: str(exc) or type(exc).__name__)

    def show(others: list[tuple[str, str]]) -> None:
        dialog = ReliabilityDialog(record, others, parent)
        dialog.save_requested.connect(lambda: save(ctx, dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        if opened is not None:
            opened(dialog)

    task.signals.done.connect(show, Qt.ConnectionType.QueuedConnection)
    task.signals.failed.connect(lambda why, _exc=None: ctx.status.emit(
        QCoreApplication.translate("ReliabilityDialog", "Could not open the editor: {reason}").format(reason=why)),
                                Qt.ConnectionType.QueuedConnection)
    task.start()
    return task
