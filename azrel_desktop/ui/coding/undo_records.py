"""Undoable changes to the user's own records and citations, on the app's one QUndoStack.

As with notes (`ui/notes/undo.py`; both on `ui/common/undo_command.py`), each change is saved
through the `Library` first — so a refused change raises where the dialog can say why and never
lands on the stack — and the command only remembers how to reverse it. A later undo or redo that
fails (the record changed elsewhere, the file became read-only) is reported on the status bar
and the command drops out.
"""

from __future__ import annotations

from ...core.research.annotations import Changes
from ...core.research.drafts import CitationView, Cite, RecordView, Snapshot
from ..common.undo_command import SavedChangeCommand
from ..shell.context import AppContext

KIND_WORDS = {"event": "event", "agreement": "agreement", "step": "agreement step", "membership": "membership status",
              "organisation": "organisation", "country": "country", "person": "person"}


class _RecordCommand(SavedChangeCommand):
    """A saved change to one of the user's records or citations (see `SavedChangeCommand`)."""


class CreateRecordCommand(_RecordCommand):
    """Undo deletes the new record (keeping a snapshot); redo puts it back with the same id."""

    def __init__(self, ctx: AppContext, view: RecordView):
        super().__init__(ctx, f"New {KIND_WORDS[view.kind]}")
        self.view = view
        self.snapshot: Snapshot | None = None

    def _undo(self) -> Changes:
        self.snapshot, changes = self.ctx.library.delete_record(self.view.kind, self.view.id)
        return changes

    def _redo(self) -> Changes:
        if self.snapshot is None:
            raise RuntimeError("redo before undo: no deleted record to put back")
        self.view, changes = self.ctx.library.restore_record(self.snapshot)
        return changes


class CreateAgreementCommand(_RecordCommand):
    """A new agreement with its first step: undo deletes the step, then the agreement."""

    def __init__(self, ctx: AppContext, agreement: RecordView, step_id: str):
        super().__init__(ctx, "New agreement")
        self.agreement, self.step_id = agreement, step_id
        self.snapshots: tuple[Snapshot, Snapshot] | None = None

    def _undo(self) -> Changes:
        step, c1 = self.ctx.library.delete_record("step", self.step_id)
        agreement, c2 = self.ctx.library.delete_record("agreement", self.agreement.id)
        self.snapshots = (agreement, step)
        return c1 | c2

    def _redo(self) -> Changes:
        if self.snapshots is None:
            raise RuntimeError("redo before undo: no deleted records to put back")
        agreement, step = self.snapshots
        _a, c1 = self.ctx.library.restore_record(agreement)
        _s, c2 = self.ctx.library.restore_record(step)
        return c1 | c2


class EditRecordCommand(_RecordCommand):
    def __init__(self, ctx: AppContext, kind: str, record_id: str, before, after):
        super().__init__(ctx, f"Edit {KIND_WORDS[kind]}")
        self.kind, self.record_id, self.before, self.after = kind, record_id, before, after

    def _undo(self) -> Changes:
        _b, _v, changes = self.ctx.library.update_record(self.kind, self.record_id, self.before)
        return changes

    def _redo(self) -> Changes:
        _b, _v, changes = self.ctx.library.update_record(self.kind, self.record_id, self.after)
        return changes


class DeleteRecordCommand(_RecordCommand):
    def __init__(self, ctx: AppContext, snapshot: Snapshot):
        super().__init__(ctx, f"Delete {KIND_WORDS[snapshot.kind]}")
        self.snapshot = snapshot

    def _undo(self) -> Changes:
        _view, changes = self.ctx.library.restore_record(self.snapshot)
        return changes

    def _redo(self) -> Changes:
        self.snapshot, changes = self.ctx.library.delete_record(self.snapshot.kind, self.snapshot.id)
        return changes


class AddCitationCommand(_RecordCommand):
    def __init__(self, ctx: AppContext, cited: CitationView):
        super().__init__(ctx, "Cite passage" if cited.stance == "supports" else "Cite contradicting passage")
        self.cited = cited

    def _undo(self) -> Changes:
        _c, changes = self.ctx.library.remove_citation(self.cited.record_kind, self.cited.record_id,
                                                       self.cited.passage_id)
        return changes

    def _redo(self) -> Changes:
        self.cited, changes = self.ctx.library.restore_citation(self.cited)
        return changes


class RemoveCitationCommand(AddCitationCommand):
    def __init__(self, ctx: AppContext, removed: CitationView):
        super().__init__(ctx, removed)
        self.setText("Remove citation")

    _undo, _redo = AddCitationCommand._redo, AddCitationCommand._undo


# --- the changes themselves: save first, then push -----------------------------------------

def create_event(ctx: AppContext, draft, cites: list[Cite]) -> RecordView:
    view, changes = ctx.library.create_event(draft, cites)
    ctx.undo_stack.push(CreateRecordCommand(ctx, view))
    ctx.emit_changes(changes)
    return view


def create_step(ctx: AppContext, draft, cites: list[Cite]) -> RecordView:
    view, changes = ctx.library.create_step(draft, cites)
    ctx.undo_stack.push(CreateRecordCommand(ctx, view))
    ctx.emit_changes(changes)
    return view


def create_agreement(ctx: AppContext, draft, step, cites: list[Cite]) -> RecordView:
    view, changes = ctx.library.create_agreement(draft, step, cites)
    step_id = ctx.library.agreement(view.id).steps[0].id
    ctx.undo_stack.push(CreateAgreementCommand(ctx, view, step_id))
    ctx.emit_changes(changes)
    return view


def create_membership(ctx: AppContext, draft, cites: list[Cite]) -> RecordView:
    view, changes = ctx.library.create_membership(draft, cites)
    ctx.undo_stack.push(CreateRecordCommand(ctx, view))
    ctx.emit_changes(changes)
    return view


def create_actor(ctx: AppContext, draft) -> RecordView:
    view, changes = ctx.library.create_actor(draft)
    ctx.undo_stack.push(CreateRecordCommand(ctx, view))
    ctx.emit_changes(changes)
    return view


def edit_record(ctx: AppContext, kind: str, record_id: str, draft) -> RecordView:
    before, view, changes = ctx.library.update_record(kind, record_id, draft)
    ctx.undo_stack.push(EditRecordCommand(ctx, kind, record_id, before, draft))
    ctx.emit_changes(changes)
    return view


def delete_record(ctx: AppContext, kind: str, record_id: str) -> Snapshot:
    snapshot, changes = ctx.library.delete_record(kind, record_id)
    ctx.undo_stack.push(DeleteRecordCommand(ctx, snapshot))
    ctx.emit_changes(changes)
    return snapshot


def add_citation(ctx: AppContext, kind: str, record_id: str, cite: Cite) -> CitationView:
    cited, changes = ctx.library.add_citation(kind, record_id, cite)
    ctx.undo_stack.push(AddCitationCommand(ctx, cited))
    ctx.emit_changes(changes)
    return cited


def remove_citation(ctx: AppContext, kind: str, record_id: str, passage_id: str) -> CitationView:
    removed, changes = ctx.library.remove_citation(kind, record_id, passage_id)
    ctx.undo_stack.push(RemoveCitationCommand(ctx, removed))
    ctx.emit_changes(changes)
    return removed
