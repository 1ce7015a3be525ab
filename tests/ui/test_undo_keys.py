"""Ctrl+Z is the app's undo whenever the focused field has nothing of its own to undo, and a
page opened does not leave the focus in its filter box; with real key events."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from azrel_desktop.ui.shell.navigation import Target

from .test_navigation import make_window


class Record(QUndoCommand):
    def __init__(self, done: list[str]):
        super().__init__("add note")
        self.done = done

    def redo(self):
        self.done.append("redo")

    def undo(self):
        self.done.append("undo")


def ctrl_z(widget, shift: bool = False) -> None:
    modifiers = Qt.KeyboardModifier.ControlModifier | (Qt.KeyboardModifier.ShiftModifier if shift
                                                       else Qt.KeyboardModifier.NoModifier)
    QTest.keyClick(widget, Qt.Key.Key_Z, modifiers)


def test_opening_the_annotations_page_puts_the_focus_on_its_table_and_ctrl_z_undoes(qtbot, library):
    window = make_window(qtbot, library)
    done: list[str] = []
    window.ctx.undo_stack.push(Record(done))
    QTest.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    page = window.current_page()
    assert type(page).__name__ == "AnnotationsPage"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    focused = QApplication.focusWidget()
    assert not isinstance(focused, QLineEdit), "opening a page parks no focus in a filter box"
    assert focused is page.table
    ctrl_z(focused)
    assert done == ["redo", "undo"]


def test_ctrl_z_in_a_filter_box_with_nothing_typed_undoes_the_app_then_the_box_own_typing(qtbot, library):
    window = make_window(qtbot, library)
    window.go(Target("annotations"))
    page = window.current_page()
    done: list[str] = []
    window.ctx.undo_stack.push(Record(done))
    box = next(w for w in page.findChildren(QLineEdit) if w.isVisible())
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    ctrl_z(box)  # the box has nothing of its own to undo: the app's undo
    assert done == ["redo", "undo"]
    ctrl_z(box, shift=True)  # and redo, likewise
    assert done == ["redo", "undo", "redo"]
    QTest.keyClicks(box, "abc")
    ctrl_z(box)  # now the box has typing of its own: it undoes that, not the app
    assert box.text() == "" and done == ["redo", "undo", "redo"]
    ctrl_z(box)  # nothing left in the box: the app again
    assert done == ["redo", "undo", "redo", "undo"]


def test_every_page_opens_without_focus_in_a_text_field(qtbot, library):
    window = make_window(qtbot, library)
    nato = next(link.id for link in library.records("organisation") if link.label.endswith("(NATO)"))
    for target in (Target("sources"), Target("annotations"), Target("timeline"), Target("organisation", nato),
                   Target("source", "src-000")):
        window.go(target)
        focused = QApplication.focusWidget()
        assert focused is not None and window.isAncestorOf(focused), target
        assert not isinstance(focused, QLineEdit), (target, focused.objectName(), focused.accessibleName())
