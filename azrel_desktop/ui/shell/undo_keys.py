"""Ctrl+Z means the app's undo unless the focused field has something of its own to undo.

A line edit (or text editor, or editable combo / spin box) claims the undo and redo keys for
itself whenever it has focus, even with nothing to undo — so after a page opened with the focus
in its filter box, the README's "Ctrl+Z undoes" silently did nothing. Here the focused text
field is watched (only it, not every event of the application): when it has nothing to undo
(or redo), its claim on the key is withdrawn and the window's Undo (or Redo) action takes it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)


def own_history(widget: QWidget) -> tuple[bool, bool] | None:
    """(can undo, can redo) of a text field's own editing, or None for a widget that is not one."""
    if isinstance(widget, QComboBox):
        widget = widget.lineEdit() if widget.isEditable() else None  # type: ignore[assignment]
    if isinstance(widget, QAbstractSpinBox):
        widget = widget.findChild(QLineEdit)  # type: ignore[assignment]
    if isinstance(widget, QLineEdit):
        if widget.isReadOnly():
            return (False, False)
        return (widget.isUndoAvailable(), widget.isRedoAvailable())
    if isinstance(widget, (QTextEdit, QPlainTextEdit)):
        if widget.isReadOnly() or not widget.isUndoRedoEnabled():
            return (False, False)
        document = widget.document()
        return (document.isUndoAvailable(), document.isRedoAvailable())
    return None


def _matches(event: QKeyEvent, action: QAction) -> bool:
    pressed = QKeySequence(event.keyCombination())
    return any(s.matches(pressed) == QKeySequence.SequenceMatch.ExactMatch for s in action.shortcuts())


class UndoKeys(QObject):
    """Watches the focused text field of `window` and gives Undo / Redo to the app's actions
    when the field has nothing of its own to undo / redo."""

    def __init__(self, window: QWidget, undo: QAction, redo: QAction):
        super().__init__(window)
        self._window = window
        self._undo, self._redo = undo, redo
        self._watched: QWidget | None = None
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self._watched is not None:
            try:
                self._watched.removeEventFilter(self)
            except RuntimeError:  # already deleted
                pass
            self._watched = None
        if new is not None and new.window() is self._window and own_history(new) is not None:
            new.installEventFilter(self)
            self._watched = new

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and isinstance(watched, QWidget):
            history = own_history(watched)
            if history is not None:
                can_undo, can_redo = history
                if (_matches(event, self._undo) and not can_undo) or (_matches(event, self._redo) and not can_redo):
                    # not accepted: the shortcut goes to the window's action instead of the field
                    event.ignore()
                    return True
        return False


def focus_page(page: QWidget) -> None:
    """Give a page just opened the keyboard focus on what it shows (its text or its first list
    or table), never on a filter box: typing there would be a surprise, and Ctrl+Z there once
    meant the box's undo. A page may name its own (`initial_focus()`)."""
    chosen = getattr(page, "initial_focus", None)
    target: QWidget | None = chosen() if callable(chosen) else None
    table = getattr(page, "table", None)
    if target is None and isinstance(table, QAbstractItemView) and table.isVisibleTo(page):
        target = table
    if target is None:
        target = next((w for w in page.findChildren(QPlainTextEdit) if w.isReadOnly() and w.isVisibleTo(page)), None)
    if target is None:
        target = next((w for w in page.findChildren(QAbstractItemView) if w.isVisibleTo(page)
                       and w.focusPolicy() != Qt.FocusPolicy.NoFocus), None)
    focused = QApplication.focusWidget()
    if target is not None:
        target.setFocus(Qt.FocusReason.OtherFocusReason)
    elif focused is not None and (page.isAncestorOf(focused) is False or own_history(focused) is not None):
        page.setFocus(Qt.FocusReason.OtherFocusReason)
