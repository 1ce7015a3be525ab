"""The undoable command every saved change of the user shares: notes (`ui/notes/undo.py`) and
their own records and citations (`ui/coding/undo_records.py`).

Each change is saved through the `Library` by its caller *before* the command is pushed (so a
refused change raises where the user can be told, and never lands on the stack); the command's
first `redo()`, which `QUndoStack.push` calls, is therefore skipped. A subclass says how to
reverse the change (`_undo`) and make it again (`_redo`), each returning the `Changes` to
announce. If a later undo or redo fails (the record changed elsewhere, the file became
read-only), the command says so on the status bar and marks itself obsolete, so the stack
drops it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar

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

    def _run(self, step: Callable[[], Changes]) -> None:
        try:
            changes = step()
        except Exception as exc:  # a failed undo must be reported, never crash the app
            self.ctx.status.emit(f"Could not {self.text()[:1].lower() + self.text()[1:]}: {exc}")
            self.setObsolete(True)
            return
        self.ctx.emit_changes(changes)

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._run(self._redo)

    def undo(self) -> None:
        self._run(self._undo)

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
