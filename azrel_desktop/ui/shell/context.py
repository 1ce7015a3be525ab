"""The application context handed to every page: the open library, the undo stack, and the
one signal that tells every view what changed."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ...core.research.annotations import Changes
from ...core.service import Library
from .navigation import Target


class AppContext(QObject):
    changed = Signal(object)  # core.annotations.Changes
    navigate = Signal(object)  # navigation.Target
    status = Signal(str)  # a short message for the status bar

    def __init__(self, library: Library, parent: QObject | None = None):
        super().__init__(parent)
        self.library = library
        self.undo_stack = QUndoStack(self)

    def emit_changes(self, changes: Changes) -> None:
        self.changed.emit(changes)

    def go(self, target: Target) -> None:
        self.navigate.emit(target)
