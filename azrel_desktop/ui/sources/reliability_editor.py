"""The small editor of a user's own source's reliability: the Admiralty grade, the reason, and the
source it copies (a reprint is not an independent witness). The corpus grades its own sources;
this edits only the user's. Saving regrades every claim that cites the source, and puts a
command on the app's undo stack that sets the three back (and forward again)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...core.corpus.evidence import RELIABILITY_GRADES, EvidenceError
from ...core.query.records import SourcePage
from ...core.research.annotations import Changes
from ..common.undo_command import SetValuesCommand
from ..common.widgets import PlainLabel
from ..shell.context import AppContext


class ReliabilityDialog(QDialog):
    def __init__(self, record: SourcePage, others: list[tuple[str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Source reliability")
        self.record = record
        layout = QVBoxLayout(self)
        layout.addWidget(PlainLabel(record.title, self))
        form = QFormLayout()
        self.grade = QComboBox(self)
        self.grade.setAccessibleName("Reliability grade")
        self.grade.addItem("not graded", None)
        for letter, words in RELIABILITY_GRADES.items():
            self.grade.addItem(f"{letter} — {words}", letter)
        self.grade.setCurrentIndex(max(0, self.grade.findData(record.reliability_grade)))
        form.addRow("Grade (Admiralty code):", self.grade)
        self.reason = QPlainTextEdit(self)
        self.reason.setAccessibleName("Reason for the grade")
        self.reason.setPlainText(record.reliability or "")
        self.reason.setTabChangesFocus(True)
        form.addRow("Reason:", self.reason)
        self.copies = QComboBox(self)
        self.copies.setAccessibleName("Source this one copies")
        self.copies.addItem("none: an original text", None)
        for sid, title in others:
            self.copies.addItem(title, sid)
        self.copies.setCurrentIndex(max(0, self.copies.findData(record.copies.id if record.copies else None)))
        form.addRow("A copy of:", self.copies)
        layout.addLayout(form)
        self.error = PlainLabel("", self)
        self.error.setObjectName("reliabilityError")
        self.error.setStyleSheet("color: #b71c1c;")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                   parent=self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def values(self) -> tuple[str | None, str, str | None]:
        return self.grade.currentData(), self.reason.toPlainText(), self.copies.currentData()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()


Values = tuple[str | None, str | None, str | None]  # grade, reason, the source it copies


class ReliabilityCommand(SetValuesCommand[Values]):
    """Undo sets the grade, reason and copies link back; redo sets them again."""

    def __init__(self, ctx: AppContext, source_id: str, before: Values, after: Values):
        super().__init__(ctx, "Edit source reliability", before, after)
        self.source_id = source_id

    def _set(self, values: Values) -> Changes:
        grade, reason, copies = values
        return self.ctx.library.set_source_reliability(self.source_id, grade, reason, copies_id=copies)


def save(ctx: AppContext, dialog: ReliabilityDialog) -> bool:
    """Store the dialog's values; False (and the reason shown in the dialog) if refused."""
    record = dialog.record
    before = (record.reliability_grade, record.reliability, record.copies.id if record.copies else None)
    grade, reason, copies = dialog.values()
    try:
        changes = ctx.library.set_source_reliability(record.id, grade, reason, copies_id=copies)
    except EvidenceError as exc:
        dialog.show_error(str(exc))
        return False
    ctx.undo_stack.push(ReliabilityCommand(ctx, record.id, before, (grade, reason, copies)))
    ctx.emit_changes(changes)
    ctx.status.emit("Reliability saved; the claims citing this source were graded again.")
    return True


def edit_reliability(ctx: AppContext, record: SourcePage, parent: QWidget | None = None) -> bool:
    others = [(link.id, link.label) for link in ctx.library.records("source") if link.id != record.id]
    dialog = ReliabilityDialog(record, others, parent)
    while dialog.exec() == QDialog.DialogCode.Accepted:
        if save(ctx, dialog):
            return True
    return False
