"""Undoable changes to the user's own records and citations, on the app's one QUndoStack.

As with notes (`ui/notes/undo.py`; both on `ui/common/undo_command.py`), each change is saved
through the `Library` first — so a refused change raises where the dialog can say why and never
lands on the stack — and the command only remembers how to reverse it. A later undo or redo that
fails (the record changed elsewhere, the file became read-only) is reported on the status bar
and the command drops out.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ...core.research.annotations import Changes
from ...core.research.drafts import CitationView, Cite, RecordView, Snapshot
from ..common.undo_command import SavedChangeCommand
from ..shell.context import AppContext
from .vocabulary import QT_TRANSLATE_NOOP

# One whole phrase per kind of record (not a kind word slotted into a sentence): word order and
# case differ in the interface's languages. Marked for lupdate here, translated when shown.
PHRASES: dict[str, dict[str, str]] = {
    "new": {
        "event": QT_TRANSLATE_NOOP("RecordPhrase", "New event"),
        "agreement": QT_TRANSLATE_NOOP("RecordPhrase", "New agreement"),
        "step": QT_TRANSLATE_NOOP("RecordPhrase", "New agreement step"),
        "membership": QT_TRANSLATE_NOOP("RecordPhrase", "New membership status"),
        "organisation": QT_TRANSLATE_NOOP("RecordPhrase", "New organisation"),
        "country": QT_TRANSLATE_NOOP("RecordPhrase", "New country"),
        "person": QT_TRANSLATE_NOOP("RecordPhrase", "New person"),
    },
    "edit": {
        "event": QT_TRANSLATE_NOOP("RecordPhrase", "Edit event"),
        "agreement": QT_TRANSLATE_NOOP("RecordPhrase", "Edit agreement"),
        "step": QT_TRANSLATE_NOOP("RecordPhrase", "Edit agreement step"),
        "membership": QT_TRANSLATE_NOOP("RecordPhrase", "Edit membership status"),
        "organisation": QT_TRANSLATE_NOOP("RecordPhrase", "Edit organisation"),
        "country": QT_TRANSLATE_NOOP("RecordPhrase", "Edit country"),
        "person": QT_TRANSLATE_NOOP("RecordPhrase", "Edit person"),
    },
    "delete": {
        "event": QT_TRANSLATE_NOOP("RecordPhrase", "Delete event"),
        "agreement": QT_TRANSLATE_NOOP("RecordPhrase", "Delete agreement"),
        "step": QT_TRANSLATE_NOOP("RecordPhrase", "Delete agreement step"),
        "membership": QT_TRANSLATE_NOOP("RecordPhrase", "Delete membership status"),
        "organisation": QT_TRANSLATE_NOOP("RecordPhrase", "Delete organisation"),
        "country": QT_TRANSLATE_NOOP("RecordPhrase", "Delete country"),
        "person": QT_TRANSLATE_NOOP("RecordPhrase", "Delete person"),
    },
    "edit_button": {
        "event": QT_TRANSLATE_NOOP("RecordPhrase", "Edit event…"),
        "agreement": QT_TRANSLATE_NOOP("RecordPhrase", "Edit agreement…"),
        "step": QT_TRANSLATE_NOOP("RecordPhrase", "Edit agreement step…"),
        "membership": QT_TRANSLATE_NOOP("RecordPhrase", "Edit membership status…"),
        "organisation": QT_TRANSLATE_NOOP("RecordPhrase", "Edit organisation…"),
        "country": QT_TRANSLATE_NOOP("RecordPhrase", "Edit country…"),
        "person": QT_TRANSLATE_NOOP("RecordPhrase", "Edit person…"),
    },
    "delete_button": {
        "event": QT_TRANSLATE_NOOP("RecordPhrase", "Delete event…"),
        "agreement": QT_TRANSLATE_NOOP("RecordPhrase", "Delete agreement…"),
        "step": QT_TRANSLATE_NOOP("RecordPhrase", "Delete agreement step…"),
        "membership": QT_TRANSLATE_NOOP("RecordPhrase", "Delete membership status…"),
        "organisation": QT_TRANSLATE_NOOP("RecordPhrase", "Delete organisation…"),
        "country": QT_TRANSLATE_NOOP("RecordPhrase", "Delete country…"),
        "person": QT_TRANSLATE_NOOP("RecordPhrase", "Delete person…"),
    },
    "own_only": {
        "event": QT_TRANSLATE_NOOP("RecordPhrase", "Select one of your own events; the corpus's are read-only"),
        "agreement": QT_TRANSLATE_NOOP("RecordPhrase", "Select one of your own agreements; the corpus's are read-only"),
        "step": QT_TRANSLATE_NOOP("RecordPhrase", "Select one of your own agreement steps; the corpus's are read-only"),
        "membership": QT_TRANSLATE_NOOP("RecordPhrase", "Select one of your own membership statuses; the corpus's are read-only"),
        "organisation": QT_TRANSLATE_NOOP("RecordPhrase", "Select one of your own organisations; the corpus's are read-only"),
        "country": QT_TRANSLATE_NOOP("RecordPhrase", "Select one of your own countries; the corpus's are read-only"),
        "person": QT_TRANSLATE_NOOP("RecordPhrase", "Select one of your own people; the corpus's are read-only"),
    },
    "confirm": {
        "event": QT_TRANSLATE_NOOP("RecordPhrase", "Delete your event “{label}” and its citations?"),
        "agreement": QT_TRANSLATE_NOOP("RecordPhrase", "Delete your agreement “{label}” and its citations?"),
        "step": QT_TRANSLATE_NOOP("RecordPhrase", "Delete your agreement step “{label}” and its citations?"),
        "membership": QT_TRANSLATE_NOOP("RecordPhrase", "Delete your membership status “{label}” and its citations?"),
        "organisation": QT_TRANSLATE_NOOP("RecordPhrase", "Delete your organisation “{label}” and its citations?"),
        "country": QT_TRANSLATE_NOOP("RecordPhrase", "Delete your country “{label}” and its citations?"),
        "person": QT_TRANSLATE_NOOP("RecordPhrase", "Delete your person “{label}” and its citations?"),
    },
}


def phrase(which: str, kind: str) -> str:
    """The translated phrase `which` (a key of `PHRASES`) for a kind of record."""
    return QCoreApplication.translate("RecordPhrase", PHRASES[which][kind])


class _RecordCommand(SavedChangeCommand):
    """A saved change to one of the user's records or citations (see `SavedChangeCommand`)."""


class CreateRecordCommand(_RecordCommand):
    """Undo deletes the new record (keeping a snapshot); redo puts it back with the same id."""

    def __init__(self, ctx: AppContext, view: RecordView):
        super().__init__(ctx, phrase("new", view.kind))
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
        super().__init__(ctx, phrase("new", "agreement"))
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
        super().__init__(ctx, phrase("edit", kind))
        self.kind, self.record_id, self.before, self.after = kind, record_id, before, after

    def _undo(self) -> Changes:
        _b, _v, changes = self.ctx.library.update_record(self.kind, self.record_id, self.before)
        return changes

    def _redo(self) -> Changes:
        _b, _v, changes = self.ctx.library.update_record(self.kind, self.record_id, self.after)
        return changes


class DeleteRecordCommand(_RecordCommand):
    def __init__(self, ctx: AppContext, snapshot: Snapshot):
        super().__init__(ctx, phrase("delete", snapshot.kind))
        self.snapshot = snapshot

    def _undo(self) -> Changes:
        _view, changes = self.ctx.library.restore_record(self.snapshot)
        return changes

    def _redo(self) -> Changes:
        self.snapshot, changes = self.ctx.library.delete_record(self.snapshot.kind, self.snapshot.id)
        return changes


class AddCitationCommand(_RecordCommand):
    def __init__(self, ctx: AppContext, cited: CitationView):
        super().__init__(ctx, QCoreApplication.translate("RecordCommand", "Cite passage") if cited.stance == "supports"
                         else QCoreApplication.translate("RecordCommand", "Cite contradicting passage"))
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
        self.setText(QCoreApplication.translate("RecordCommand", "Remove citation"))

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
