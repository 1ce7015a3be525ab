"""Undoable note changes: one QUndoCommand per kind of change the user makes to annotations.

Every change is saved at once through `ctx.library`, off the GUI thread (`ctx.write`); the
command is pushed when the save has landed and only remembers enough to reverse it
(`ui/common/undo_command.py`: undo and redo written off the GUI thread too, a failed undo
reported and dropped). A refused save never reaches the stack: its sentence goes to the
caller's `failed`, shown where the change was made.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from ...core.research.annotations import AnnotationView, Changes
from ..common.undo_command import SavedChangeCommand
from ..shell.context import AppContext


class _NoteCommand(SavedChangeCommand):
    """A saved change to a note (see `SavedChangeCommand`)."""


class AddNoteCommand(_NoteCommand):
    """Undo deletes the new note; redo puts it back with the same id."""

    def __init__(self, ctx: AppContext, view: AnnotationView, text: str | None = None):
        super().__init__(ctx, QCoreApplication.translate("NoteCommand", "Add note") if text is None else text)
        self.view = view

    def _undo(self) -> Changes:
        self.view, changes = self.ctx.library.delete_annotation(self.view.id)
        return changes

    def _redo(self) -> Changes:
        self.view, changes = self.ctx.library.restore_annotation(self.view)
        return changes


class AnnotateSelectionCommand(AddNoteCommand):
    """A note on a span the user selected.

    Undo deletes the note; the span's `user` passage stays in the file (the core cannot delete
    passages), and the source page hides user passages that carry no note, so to the user the
    selection is gone. Redo re-attaches the note to the same passage.
    """

    def __init__(self, ctx: AppContext, view: AnnotationView):
        super().__init__(ctx, view, QCoreApplication.translate("NoteCommand", "Annotate selection"))


class EditNoteCommand(_NoteCommand):
    def __init__(self, ctx: AppContext, before: AnnotationView, after: AnnotationView):
        super().__init__(ctx, QCoreApplication.translate("NoteCommand", "Edit note"))
        self.before = before
        self.after = after

    def _undo(self) -> Changes:
        _view, changes = self.ctx.library.update_annotation(self.before.id, self.before.body, self.before.tags)
        return changes

    def _redo(self) -> Changes:
        _view, changes = self.ctx.library.update_annotation(self.after.id, self.after.body, self.after.tags)
        return changes


class DeleteNoteCommand(_NoteCommand):
    """Undo restores the note with its id, tags and creation time."""

    def __init__(self, ctx: AppContext, deleted: AnnotationView):
        super().__init__(ctx, QCoreApplication.translate("NoteCommand", "Delete note"))
        self.deleted = deleted

    def _undo(self) -> Changes:
        self.deleted, changes = self.ctx.library.restore_annotation(self.deleted)
        return changes

    def _redo(self) -> Changes:
        self.deleted, changes = self.ctx.library.delete_annotation(self.deleted.id)
        return changes


# --- the changes themselves: saved off the GUI thread, then pushed ----------------------

Done = Callable[[AnnotationView], None] | None
Failed = Callable[[str], None] | None


def _save(ctx: AppContext, work: Callable[[], tuple[AnnotationView, Changes]],
          command: Callable[[AnnotationView], QUndoCommand], done: Done, failed: Failed) -> None:
    """Run the change through `ctx.write`; when it has landed push its command (whose first
    redo is skipped), announce it and call `done(view)`; a refusal goes to `failed(sentence)`."""

    def landed(result: tuple[AnnotationView, Changes]) -> None:
        view, changes = result
        ctx.undo_stack.push(command(view))
        ctx.emit_changes(changes)
        _call(done, view)

    ctx.write(work, landed, (lambda reason: _call(failed, reason)) if failed else None)


def _call(callback, value) -> None:
    if callback is None:
        return
    try:
        callback(value)
    except RuntimeError:  # the view that asked was closed while the write ran
        pass


def add_note(ctx: AppContext, kind: str, target_id: str, body: str, tags, *,
             done: Done = None, failed: Failed = None) -> None:
    lib, tags = ctx.library, tuple(tags)
    _save(ctx, lambda: lib.add_annotation(kind, target_id, body, tags),
          lambda view: AddNoteCommand(ctx, view), done, failed)


def edit_note(ctx: AppContext, before: AnnotationView, body: str, tags, *,
              done: Done = None, failed: Failed = None) -> None:
    lib, tags = ctx.library, tuple(tags)
    _save(ctx, lambda: lib.update_annotation(before.id, body, tags),
          lambda after: EditNoteCommand(ctx, before, after), done, failed)


def delete_note(ctx: AppContext, annotation_id: str, *,
                done: Done = None, failed: Failed = None) -> None:
    lib = ctx.library
    _save(ctx, lambda: lib.delete_annotation(annotation_id),
          lambda deleted: DeleteNoteCommand(ctx, deleted), done, failed)


def annotate_selection(ctx: AppContext, source_id: str, start: int, end: int, body: str, tags, *,
                       done: Done = None, failed: Failed = None) -> None:
    lib, tags = ctx.library, tuple(tags)
    _save(ctx, lambda: lib.annotate_selection(source_id, start, end, body, tags),
          lambda view: AnnotateSelectionCommand(ctx, view), done, failed)


def undo_actions(stack: QUndoStack, parent: QWidget) -> tuple[QAction, QAction]:
    """Undo/Redo actions for a window's Edit menu: Ctrl+Z, and Ctrl+Shift+Z (plus the platform's
    own redo key, e.g. Ctrl+Y on Windows). Add them to one widget only: the same shortcut on
    two widgets of one window makes Qt treat it as ambiguous and run neither."""
    undo = stack.createUndoAction(parent, QCoreApplication.translate("UndoActions", "&Undo"))
    undo.setShortcuts(_unique([QKeySequence(QKeySequence.StandardKey.Undo), QKeySequence("Ctrl+Z")]))
    redo = stack.createRedoAction(parent, QCoreApplication.translate("UndoActions", "&Redo"))
    redo.setShortcuts(_unique([*QKeySequence.keyBindings(QKeySequence.StandardKey.Redo),
                               QKeySequence("Ctrl+Shift+Z")]))
    parent.addAction(undo)
    parent.addAction(redo)
    return undo, redo


def _unique(keys: list[QKeySequence]) -> list[QKeySequence]:
    seen: list[QKeySequence] = []
    for key in keys:
        if not key.isEmpty() and key not in seen:
            seen.append(key)
    return seen
