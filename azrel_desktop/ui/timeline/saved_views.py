"""View → Saved views: name the timeline's filter with its sort and the chart's lanes, open a
saved view, and manage them (rename, delete) in a small dialog.

Every read and write goes through the runner (`Operations`), never on the GUI thread; a change
lands on the app's undo stack once it has been made (as notes' changes do), so Edit → Undo
reverses a save, a rename or a delete. Opening a view that names a record the library no longer
holds applies the rest and says on the status bar what was dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.research.annotations import Changes
from ...core.research.saved_views import SavedViewInfo
from ..common.undo_command import SavedChangeCommand
from ..shell.context import AppContext
from ..shell.navigation import Target
from ..shell.runner import Operations

if TYPE_CHECKING:
    from .timeline_page import TimelinePage


class _ViewCommand(SavedChangeCommand):
    """Undo/redo of a change to saved views, made first by the caller (its first redo skipped);
    undo and redo write off the GUI thread (see `SavedChangeCommand`)."""

    def __init__(self, ctx: AppContext, text: str, undo: Callable[[], Changes], redo: Callable[[], Changes]):
        super().__init__(ctx, text)
        self._undo_step, self._redo_step = undo, redo

    def _undo(self) -> Changes:
        return self._undo_step()

    def _redo(self) -> Changes:
        return self._redo_step()


class SavedViews(QObject):
    """The saved views' menu and calls, for one main window's timeline page."""

    listed = Signal(list)  # [SavedViewInfo], after each read
    opened = Signal(object)  # OpenedView, applied to the timeline
    failed = Signal(str)

    def __init__(self, ctx: AppContext, timeline: Callable[[], TimelinePage], parent: QWidget):
        super().__init__(parent)
        # the timeline page is made when first shown: asked for only when a view is saved or opened
        self.ctx, self._timeline, self.window = ctx, timeline, parent
        self.views: list[SavedViewInfo] = []
        self.ops = Operations(self)
        self.ops.finished.connect(self._done)
        self.ops.failed.connect(lambda _token, message: self._fail(message))
        self.menu = QMenu(self.tr("Saved views"), parent)
        self.menu.aboutToShow.connect(self.refresh)
        self._fill()
        ctx.changed.connect(lambda c: self.refresh() if "saved_view" in c.kinds else None)

    # --- reading ------------------------------------------------------------------------------
    def refresh(self) -> None:
        library = self.ctx.library
        self.ops.submit(("list",), library.saved_views)

    def _fill(self) -> None:
        self.menu.clear()
        save = self.menu.addAction(self.tr("Save current view…"), self.ask_save)
        save.setEnabled(not self.ctx.library.readonly)
        self.menu.addAction(self.tr("Manage saved views…"), self.manage)
        if self.views:
            self.menu.addSeparator()
        for info in self.views:
            self.menu.addAction(info.name, partial(self.open, info.name))

    def open(self, name: str) -> None:
        library = self.ctx.library
        self.ops.submit(("open",), lambda: library.open_view(name))

    # --- writing ------------------------------------------------------------------------------
    def ask_save(self) -> None:
        name, ok = QInputDialog.getText(self.window, self.tr("Save view"),
                                        self.tr("Name of this view (its filter, sort and lanes):"))
        if not ok or not name.strip():
            return
        key = " ".join(name.split()).casefold()
        taken = next((v.name for v in self.views if " ".join(v.name.split()).casefold() == key), None)
        if taken is not None and QMessageBox.question(
                self.window, self.tr("Save view"), self.tr(
                    "There is already a view named “{name}”. Replace it with the current filter? "
                    "(Edit → Undo brings it back.)").format(name=taken)) != QMessageBox.StandardButton.Yes:
            return
        self.save(name, replace=taken is not None)

    def save(self, name: str, *, replace: bool = False) -> None:
        timeline = self._timeline()
        library, f = self.ctx.library, timeline.filter()
        sort, descending = timeline.sort_key()
        lanes = timeline.chart.mode
        self.ops.submit(("save", name), lambda: library.save_view(name, f, sort=sort, descending=descending,
                                                                     lanes=lanes, replace=replace))

    def rename(self, name: str, new_name: str) -> None:
        library = self.ctx.library
        self.ops.submit(("rename",), lambda: library.rename_view(name, new_name))

    def delete(self, name: str) -> None:
        library = self.ctx.library
        self.ops.submit(("delete",), lambda: library.delete_view(name))

    def _done(self, token: tuple, result) -> None:
        kind = token[0]
        library = self.ctx.library
        if kind == "list":
            self.views = list(result)
            self._fill()
            self.listed.emit(self.views)
            return
        if kind == "open":
            self.ctx.go(Target("timeline"))
            timeline = self._timeline()
            timeline.set_filter(result.filter)
            timeline.set_sort(result.sort, result.descending)
            timeline.chart.set_mode(result.lanes)
            said = self.tr("Opened the view “{name}”").format(name=result.view.name)
            if result.dropped:
                said += self.tr("; left out what is gone: {what}").format(what="; ".join(result.dropped))
            self.ctx.status.emit(said)
            self.opened.emit(result)
            return
        if kind == "save":
            info, before, changes = result
            undo = (lambda: library.restore_view(before)[1]) if before else (lambda: library.delete_view(info.name)[1])
            redo = lambda: library.restore_view(info)[1]  # noqa: E731
            self.ctx.undo_stack.push(_ViewCommand(self.ctx, self.tr("Save view {name}").format(name=info.name),
                                                  undo, redo))
        elif kind == "rename":
            info, before, changes = result
            self.ctx.undo_stack.push(_ViewCommand(self.ctx, self.tr("Rename view {name}").format(name=before.name),
                                                  lambda: library.restore_view(before)[1],
                                                  lambda: library.restore_view(info)[1]))
        else:
            before, changes = result
            self.ctx.undo_stack.push(_ViewCommand(self.ctx, self.tr("Delete view {name}").format(name=before.name),
                                                  lambda: library.restore_view(before)[1],
                                                  lambda: library.delete_view(before.name)[1]))
        self.ctx.emit_changes(changes)

    def _fail(self, message: str) -> None:
        self.ctx.status.emit(message)
        self.failed.emit(message)

    def manage(self) -> None:
        dialog = SavedViewsDialog(self, self.window)
        dialog.show()
        self.refresh()


class SavedViewsDialog(QDialog):
    """The list of saved views with Open, Rename and Delete."""

    def __init__(self, views: SavedViews, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Saved views"))
        self.views = views
        self.list = QListWidget(self)
        self.note = QLabel(self)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Open"), self)
        self.rename_button = QPushButton(self.tr("Rename…"), self)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        for b in (self.open_button, self.rename_button, self.delete_button):
            buttons.addWidget(b)
        readonly = views.ctx.library.readonly
        self.rename_button.setEnabled(not readonly)
        self.delete_button.setEnabled(not readonly)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addWidget(self.note)
        layout.addWidget(close)
        self.open_button.clicked.connect(self._open)
        self.rename_button.clicked.connect(self._rename)
        self.delete_button.clicked.connect(self._delete)
        self.list.itemDoubleClicked.connect(lambda _item: self._open())
        views.listed.connect(self._show)
        views.failed.connect(self.note.setText)
        self._show(views.views)

    def _show(self, infos: list[SavedViewInfo]) -> None:
        current = self.selected()
        self.list.clear()
        for info in infos:
            self.list.addItem(info.name)  # a plain item: the name is shown as text, never as markup
        matches = [self.list.item(i) for i in range(self.list.count()) if self.list.item(i).text() == current]
        if matches:
            self.list.setCurrentItem(matches[0])
        elif self.list.count():
            self.list.setCurrentRow(0)
        self.note.setText("" if infos else self.tr("No saved views yet: use View → Saved views → Save current view…"))

    def selected(self) -> str | None:
        row = self.list.currentRow()
        return self.list.item(row).text() if row >= 0 else None

    def _open(self) -> None:
        name = self.selected()
        if name:
            self.views.open(name)

    def _rename(self) -> None:
        name = self.selected()
        if not name:
            return
        new, ok = QInputDialog.getText(self, self.tr("Rename view"), self.tr("New name:"), text=name)
        if ok and new.strip() and new != name:
            self.views.rename(name, new)

    def _delete(self) -> None:
        name = self.selected()
        if name and QMessageBox.question(self, self.tr("Delete view"), self.tr(
                "Delete the view “{name}”? (Edit → Undo brings it back.)").format(name=name)) \
                == QMessageBox.StandardButton.Yes:
            self.views.delete(name)


def install(window, ctx: AppContext, timeline: Callable[[], TimelinePage], before: QAction | None = None) -> SavedViews:
    """Add a View menu with Saved views to the window's menu bar, before the menu of `before`
    (the Help menu). The menu bar's own menus are not looked up through their actions: with
    PySide6 6.8, `QAction.menu()` hands back a wrapper whose collection deletes the menu."""
    bar = window.menuBar()
    view_menu = QMenu(QCoreApplication.translate("saved_views", "&View"), window)
    if before is not None:
        bar.insertMenu(before, view_menu)
    else:
        bar.addMenu(view_menu)
    views = SavedViews(ctx, timeline, window)
    view_menu.addMenu(views.menu)
    return views
