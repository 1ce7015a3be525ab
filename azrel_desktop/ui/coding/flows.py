"""`CodingFlows`: what happens between choosing "New event from selection…" (or Cite, Edit,
Delete) and the change being saved, undoable and announced.

A dialog opens window-modal (not blocking the event loop); when it is accepted, its save has
already been made through the `Library`, and the change goes on the undo stack — together
with the organisations, countries and people made on the spot while the dialog was open, as
one undo step. Cancelled, the records made on the spot stay (each its own undo step).

The GUI thread sends no SQL here: what a dialog opens with (the selection's quote and dates
when the page does not hold the source, a record's draft, a record's name before deleting it)
is read through the runner's `LatestCall`, the dialog opening when it comes; saves and
deletions run as the runner's `Task`s, and the undo command is pushed when they are done.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from ...core.research.date_proposal import propose_dates
from ...core.research.drafts import Cite, RecordView
from ..shell.context import AppContext
from ..shell.runner import LatestCall, Task
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
    opened = Signal(object)  # the dialog, once what it shows has been read
    deleted = Signal(str, str)  # kind, id of a record the user deleted

    def __init__(self, ctx: AppContext, parent_widget: QWidget):
        super().__init__(parent_widget)
        self.ctx = ctx
        self.parent_widget = parent_widget
        self.dialog: _RecordDialog | None = None
        self._reader = LatestCall(self)  # what the next dialog opens with; the newest request wins
        self._reader.finished.connect(lambda then_value: then_value[0](then_value[1]))
        self._reader.failed.connect(lambda message: self.ctx.status.emit(
            self.tr("Could not open: {reason}").format(reason=message)))
        self._tasks: set[Task] = set()

    def busy(self) -> bool:
        """Whether a dialog's contents are being read, or a deletion is running."""
        return self._reader.busy() or bool(self._tasks)

    def _read(self, fn, then) -> None:
        self._reader.start(lambda: (then, fn()))

    # --- from a selection -------------------------------------------------------------------
    def _selection(self, source_id: str, start: int, end: int, source) -> tuple[str, list] | None:
        """The quote and the dates proposed for it, from the source the page already holds
        (no SQL); None when it must be read."""
        if source is None or getattr(source, "id", source_id) != source_id:
            return None
        return source.text[start:end], propose_dates(source.text[start:end], source.published)

    def new_record(self, kind: str, source_id: str, start: int, end: int, source=None) -> _RecordDialog | None:
        """Open the dialog for a new event, agreement step or membership citing the span
        (`source`: the source as the page shows it, with its text and publication date)."""
        found = self._selection(source_id, start, end, source)
        if found is None:
            lib = self.ctx.library
            self._read(lambda: (lib.source(source_id).text[start:end], lib.propose_dates(source_id, start, end)),
                       lambda got: self._new_record(kind, source_id, start, end, *got))
            return None
        return self._new_record(kind, source_id, start, end, *found)

    def _new_record(self, kind: str, source_id: str, start: int, end: int, quote: str,
                    proposals: list) -> _RecordDialog:
        cites = [Cite(source_id, start, end)]
        extra = {"cites": cites} if kind == "event" else {}
        dialog = DIALOGS[kind](self.ctx, quote=quote, proposals=proposals, parent=self.parent_widget, **extra)
        lib, ctx = self.ctx.library, self.ctx

        def save():
            # the form is read here, on the GUI thread; the returned work writes it off the thread
            if kind == "event":
                draft = dialog.draft()
                return lambda: (*lib.create_event(draft, cites), lambda view: u.CreateRecordCommand(ctx, view))
            if kind == "membership":
                draft = dialog.draft()
                return lambda: (*lib.create_membership(draft, cites), lambda view: u.CreateRecordCommand(ctx, view))
            if dialog.is_new_agreement():
                agreement, step = dialog.agreement_draft(), dialog.draft()

                def work():
                    view, changes = lib.create_agreement(agreement, step, cites)
                    step_id = lib.agreement(view.id).steps[0].id
                    return view, changes, lambda v: u.CreateAgreementCommand(ctx, v, step_id)

                return work
            draft = dialog.draft()
            if not draft.agreement_id:
                raise ValueError(self.tr("choose the agreement this is a step of, or make a new one"))
            return lambda: (*lib.create_step(draft, cites), lambda view: u.CreateRecordCommand(ctx, view))

        dialog.save = save
        return self._open(dialog)

    def cite(self, source_id: str, start: int, end: int, source=None) -> _RecordDialog | None:
        found = self._selection(source_id, start, end, source)
        if found is None:
            lib = self.ctx.library
            self._read(lambda: lib.source(source_id).text[start:end],
                       lambda quote: self._cite(source_id, start, end, quote))
            return None
        return self._cite(source_id, start, end, found[0])

    def _cite(self, source_id: str, start: int, end: int, quote: str) -> _RecordDialog:
        dialog = CiteDialog(self.ctx, quote=quote, parent=self.parent_widget)
        lib, ctx = self.ctx.library, self.ctx

        def save():
            if dialog.busy():
                raise ValueError(self.tr("the records are still being searched; choose one when the list shows"))
            chosen = dialog.chosen()
            if chosen is None:
                raise ValueError(self.tr("choose the record the passage bears on"))
            cite = Cite(source_id, start, end, dialog.stance())
            return lambda: (*lib.add_citation(chosen.kind, chosen.id, cite),
                            lambda cited: u.AddCitationCommand(ctx, cited))

        dialog.save = save
        return self._open(dialog)

    # --- the user's own records ---------------------------------------------------------------
    def edit(self, kind: str, record_id: str) -> None:
        """Open the edit dialog of one of the user's records once its draft is read."""
        lib = self.ctx.library
        self._read(lambda: lib.record_draft(kind, record_id), lambda draft: self._edit(kind, record_id, draft))

    def _edit(self, kind: str, record_id: str, draft) -> _RecordDialog:
        if kind in ("organisation", "country", "person"):
            dialog: Any = ActorDialog(self.ctx, kind, parent=self.parent_widget, draft=draft)
        else:
            dialog = DIALOGS[kind](self.ctx, draft=draft, parent=self.parent_widget)
        lib, ctx = self.ctx.library, self.ctx

        def save():
            new = dialog.draft()

            def work():
                before, view, changes = lib.update_record(kind, record_id, new)
                return view, changes, lambda _v: u.EditRecordCommand(ctx, kind, record_id, before, new)

            return work

        dialog.save = save
        dialog.after_save = None  # an actor dialog's own (emit) is replaced: the flow announces it
        return self._open(dialog)

    def delete(self, kind: str, record_id: str, *, confirm: bool = True) -> None:
        """Delete one of the user's records, after asking (its name is read first); undoable.
        `deleted` is emitted when it is done."""
        lib = self.ctx.library
        self._read(lambda: lib.record_view(kind, record_id),
                   lambda view: self._delete(kind, record_id, view, confirm))

    def _delete(self, kind: str, record_id: str, view: RecordView, confirm: bool) -> None:
        question = "\n".join((u.phrase("confirm", kind).format(label=view.label),
                              self.tr("Notes on it are kept (as detached). Edit → Undo brings it back.")))
        if confirm and not message(self.parent_widget, u.phrase("delete", kind), question, ask=True):
            return
        lib = self.ctx.library
        task = Task(lambda _p: lib.delete_record(kind, record_id),
                    describe_error=lambda exc: str(exc) or type(exc).__name__)
        self._tasks.add(task)

        def done(result) -> None:
            self._tasks.discard(task)
            snapshot, changes = result
            self.ctx.undo_stack.push(u.DeleteRecordCommand(self.ctx, snapshot))  # its first redo is skipped
            self.ctx.emit_changes(changes)
            self.ctx.status.emit(self.tr("Deleted: {label}").format(label=view.label))
            self.deleted.emit(kind, record_id)

        def failed(reason: str, _exc=None) -> None:  # e.g. still named by other records: say so
            self._tasks.discard(task)
            self.ctx.status.emit(self.tr("Not deleted: {reason}").format(reason=reason))
            message(self.parent_widget, self.tr("Not deleted"), reason)

        task.signals.done.connect(done, Qt.ConnectionType.QueuedConnection)
        task.signals.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
        task.start()

    def remove_citation(self, kind: str, record_id: str, passage_id: str) -> None:
        """Remove one of the user's citations of a record, off the GUI thread; undoable."""
        lib = self.ctx.library
        self._write(lambda: lib.remove_citation(kind, record_id, passage_id),
                    lambda removed: u.RemoveCitationCommand(self.ctx, removed), self.tr("Citation removed"),
                    self.tr("Citation not removed: {reason}"))

    def _write(self, work, make_command, said: str, refused: str) -> None:
        """Run a `(value, changes)` write as a Task; push its undo command when it is done."""
        task = Task(lambda _p: work(), describe_error=lambda exc: str(exc) or type(exc).__name__)
        self._tasks.add(task)

        def done(result) -> None:
            self._tasks.discard(task)
            value, changes = result
            self.ctx.undo_stack.push(make_command(value))  # its first redo is skipped: already saved
            self.ctx.emit_changes(changes)
            self.ctx.status.emit(said)

        def failed(reason: str, _exc=None) -> None:  # e.g. the last supporting passage of one's own event
            self._tasks.discard(task)
            self.ctx.status.emit(refused.format(reason=reason))

        task.signals.done.connect(done, Qt.ConnectionType.QueuedConnection)
        task.signals.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
        task.start()

    # --- plumbing -----------------------------------------------------------------------------
    def _made_command(self, dialog: _RecordDialog, made: RecordView):
        """The undo command of a record made on the spot (an agreement comes with its step)."""
        if made.kind == "agreement":
            return u.CreateAgreementCommand(self.ctx, made, dialog.made_steps[made.id])
        return u.CreateRecordCommand(self.ctx, made)

    def _open(self, dialog: _RecordDialog) -> _RecordDialog:
        self.dialog = dialog
        dialog.finished.connect(lambda result: self._finished(dialog, result))
        dialog.open()
        self.opened.emit(dialog)
        return dialog

    def _finished(self, dialog: _RecordDialog, result: int) -> None:
        stack = self.ctx.undo_stack
        made = list(dialog.made)
        saved = dialog.result_view if result == QDialog.DialogCode.Accepted else None
        if saved is not None:
            view, changes, make_command = saved
            command = make_command(view)
            if made:
                stack.beginMacro(command.text())
            for actor in made:
                stack.push(self._made_command(dialog, actor))
            stack.push(command)
            if made:
                stack.endMacro()
            self.ctx.emit_changes(changes)
            label = getattr(view, "label", None)
            self.ctx.status.emit(self.tr("Saved: {label}").format(label=label) if label else self.tr("Citation saved"))
            self.saved.emit(view)
        else:
            for actor in made:
                stack.push(self._made_command(dialog, actor))
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()
