"""`CodingFlows`: what happens between choosing "New event from selection…" (or Cite, Edit,
Delete) and the change being saved, undoable and announced.

A dialog opens window-modal (not blocking the event loop); when it is accepted, its save has
already been made through the `Library`, and the change goes on the undo stack — together
with the organisations, countries and people made on the spot while the dialog was open, as
one undo step. Cancelled, the records made on the spot stay (each its own undo step).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from ...core.research.drafts import Cite, RecordView
from ..shell.context import AppContext
from . import undo_records as u
from .dialogs import ActorDialog, CiteDialog, EventDialog, MembershipDialog, StepDialog, _RecordDialog

DIALOGS = {"event": EventDialog, "step": StepDialog, "membership": MembershipDialog}


def message(parent: QWidget, title: str, text: str, *, ask: bool = False) -> bool:
    """A message box whose text is plain text (it quotes the user's data); with `ask`, Yes /
    Cancel (Cancel the default) and whether Yes was chosen."""
    box = QMessageBox(QMessageBox.Icon.Question if ask else QMessageBox.Icon.Information, title, "",
                      parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    if ask:
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    answer = box.exec()
    box.deleteLater()
    return answer == QMessageBox.StandardButton.Yes


class CodingFlows(QObject):
    """The coding workflow for one window: `dialog` is the dialog open now (tests drive it)."""

    saved = Signal(object)  # RecordView or CitationView of what was saved

    def __init__(self, ctx: AppContext, parent_widget: QWidget):
        super().__init__(parent_widget)
        self.ctx = ctx
        self.parent_widget = parent_widget
        self.dialog: _RecordDialog | None = None

    # --- from a selection -------------------------------------------------------------------
    def _selection(self, source_id: str, start: int, end: int) -> tuple[str, list]:
        quote = self.ctx.library.source(source_id).text[start:end]
        return quote, self.ctx.library.propose_dates(source_id, start, end)

    def new_record(self, kind: str, source_id: str, start: int, end: int) -> _RecordDialog:
        """Open the dialog for a new event, agreement step or membership citing the span."""
        quote, proposals = self._selection(source_id, start, end)
        cites = [Cite(source_id, start, end)]
        extra = {"cites": cites} if kind == "event" else {}
        dialog = DIALOGS[kind](self.ctx, quote=quote, proposals=proposals, parent=self.parent_widget, **extra)
        lib = self.ctx.library

        def save():
            if kind == "event":
                view, changes = lib.create_event(dialog.draft(), cites)
                return view, changes, u.CreateRecordCommand(self.ctx, view)
            if kind == "membership":
                view, changes = lib.create_membership(dialog.draft(), cites)
                return view, changes, u.CreateRecordCommand(self.ctx, view)
            if dialog.is_new_agreement():
                view, changes = lib.create_agreement(dialog.agreement_draft(), dialog.draft(), cites)
                step_id = lib.agreement(view.id).steps[0].id
                return view, changes, u.CreateAgreementCommand(self.ctx, view, step_id)
            if not dialog.draft().agreement_id:
                raise ValueError("choose the agreement this is a step of, or make a new one")
            view, changes = lib.create_step(dialog.draft(), cites)
            return view, changes, u.CreateRecordCommand(self.ctx, view)

        dialog.save = save
        return self._open(dialog)

    def cite(self, source_id: str, start: int, end: int) -> _RecordDialog:
        quote = self.ctx.library.source(source_id).text[start:end]
        dialog = CiteDialog(self.ctx, quote=quote, parent=self.parent_widget)

        def save():
            chosen = dialog.chosen()
            if chosen is None:
                raise ValueError("choose the record the passage bears on")
            cited, changes = self.ctx.library.add_citation(chosen.kind, chosen.id,
                                                           Cite(source_id, start, end, dialog.stance()))
            return cited, changes, u.AddCitationCommand(self.ctx, cited)

        dialog.save = save
        return self._open(dialog)

    # --- the user's own records ---------------------------------------------------------------
    def edit(self, kind: str, record_id: str) -> _RecordDialog | None:
        draft = self.ctx.library.record_draft(kind, record_id)
        if kind in ("organisation", "country", "person"):
            dialog = ActorDialog(self.ctx, kind, parent=self.parent_widget, draft=draft)
        else:
            dialog = DIALOGS[kind](self.ctx, draft=draft, parent=self.parent_widget)

        def save():
            new = dialog.draft()
            before, view, changes = self.ctx.library.update_record(kind, record_id, new)
            return view, changes, u.EditRecordCommand(self.ctx, kind, record_id, before, new)

        dialog.save = save
        return self._open(dialog)

    def delete(self, kind: str, record_id: str, *, confirm: bool = True) -> bool:
        """Delete one of the user's records, after asking; undoable."""
        view: RecordView = self.ctx.library.record_view(kind, record_id)
        if confirm and not message(self.parent_widget, f"Delete {u.KIND_WORDS[kind]}",
                                   f"Delete your {u.KIND_WORDS[kind]} “{view.label}” and its citations?\n"
                                   "Notes on it are kept (as detached). Edit → Undo brings it back.", ask=True):
            return False
        try:
            u.delete_record(self.ctx, kind, record_id)
        except Exception as exc:  # e.g. still named by other records: say so
            self.ctx.status.emit(f"Not deleted: {exc}")
            message(self.parent_widget, "Not deleted", str(exc))
            return False
        return True

    # --- plumbing -----------------------------------------------------------------------------
    def _made_command(self, made: RecordView):
        """The undo command of a record made on the spot (an agreement comes with its step)."""
        if made.kind == "agreement":
            steps = self.ctx.library.agreement(made.id).steps
            return u.CreateAgreementCommand(self.ctx, made, steps[0].id)
        return u.CreateRecordCommand(self.ctx, made)

    def _open(self, dialog: _RecordDialog) -> _RecordDialog:
        self.dialog = dialog
        dialog.finished.connect(lambda result: self._finished(dialog, result))
        dialog.open()
        return dialog

    def _finished(self, dialog: _RecordDialog, result: int) -> None:
        stack = self.ctx.undo_stack
        made = list(dialog.made)
        saved = dialog.result_view if result == QDialog.DialogCode.Accepted else None
        if saved is not None:
            view, changes, command = saved
            if made:
                stack.beginMacro(command.text())
            for actor in made:
                stack.push(self._made_command(actor))
            stack.push(command)
            if made:
                stack.endMacro()
            self.ctx.emit_changes(changes)
            self.ctx.status.emit(f"Saved: {getattr(view, 'label', None) or 'citation'}")
            self.saved.emit(view)
        else:
            for actor in made:
                stack.push(self._made_command(actor))
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()
