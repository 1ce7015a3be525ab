"""The undoable command every saved change of the user shares: notes (`ui/notes/undo.py`), their
own records and citations (`ui/coding/undo_records.py`), a source's details and reliability, and
saved views.

Each change is saved through the `Library` by its caller, off the GUI thread, *before* the
command is pushed (so a refused change is said where the user made it, and never lands on the
stack); the command's
first `redo()`, which `QUndoStack.push` calls, is therefore skipped. A subclass says how to
reverse the change (`_undo`) and make it again (`_redo`), each returning the `Changes` to
announce.

The GUI thread sends no SQL: an undo or redo hands its write to `ctx.write`, which runs it
off the GUI thread, one write at a time in the order asked (so the library follows the
stack's order however quickly Ctrl+Z is pressed), and the changes are announced when it has
landed. If the write fails (the record changed elsewhere, the file became read-only), the
command says so on the status bar, marks itself obsolete and leaves the stack (at once if it is
still the step just taken, else when the stack next reaches it), writing nothing more.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from ...core.research.annotations import Changes
    from ..shell.context import AppContext

V = TypeVar("V")


class SavedChangeCommand(QUndoCommand):
    """A change already saved; undo and redo run `_undo` / `_redo` and announce what changed."""

    def __init__(self, ctx: AppContext, text: str, parent: QUndoCommand | None = None):
        super().__init__(text, parent)
        self.ctx = ctx
        self._first = True

    def _run(self, step: Callable[[], Changes], undoing: bool) -> None:
        if self.isObsolete():  # an earlier write of it failed: the stack drops it now
            return
        ctx, what = self.ctx, self.text()[:1].lower() + self.text()[1:]

        def failed(reason: str) -> None:  # a failed undo must be reported, never crash the app
            ctx.status.emit(QCoreApplication.translate("undo_command", "Could not {action}: {reason}").format(
                action=what, reason=reason))

            try:
                self.setObsolete(True)
            except RuntimeError:  # the stack let go of the command meanwhile (cleared)
                return
            self._drop(ctx.undo_stack, undoing)

        ctx.write(step, ctx.emit_changes, failed)

    def _drop(self, stack, undoing: bool) -> None:
        """Take the obsolete command off the stack now if it is still the one just undone (or
        redone): stepping back over an obsolete command writes nothing and removes it. If the
        user has moved on meanwhile, the stack drops it when it next reaches it."""
        at = stack.index() if undoing else stack.index() - 1
        if 0 <= at < stack.count() and stack.command(at) is self:
            (stack.redo if undoing else stack.undo)()

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._run(self._redo, undoing=False)

    def undo(self) -> None:
        self._run(self._undo, undoing=True)

    def _redo(self) -> Changes:  # pragma: no cover - overridden
        raise NotImplementedError

    def _undo(self) -> Changes:  # pragma: no cover - overridden
        raise NotImplementedError


class SetValuesCommand(SavedChangeCommand, Generic[V]):
    """A saved change of some fields from `before` to `after`: undo sets `before` again, redo
    `after` (a source's details, its reliability). A subclass says how to set them (`_set`)."""

    def __init__(self, ctx: AppContext, text: str, before: V, after: V):
        super().__init__(ctx, text)
        self.before, self.after = before, after

    def _set(self, values: V) -> Changes:  # pragma: no cover - overridden
        raise NotImplementedError

    def _undo(self) -> Changes:
        return self._set(self.before)

    def _redo(self) -> Changes:
        return self._set(self.after)
