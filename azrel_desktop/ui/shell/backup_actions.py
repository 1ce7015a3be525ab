"""File → Back up now and File → Restore from backup: run off the GUI thread as operations that
must run (a backup asked for is never dropped, however quickly another action follows), each
reported in words, and every page told to refresh after a restore."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ...core.research.annotations import Changes
from ...core.service import Library
from ..common.core_labels import number
from .context import AppContext
from .runner import Operations

EVERYTHING = Changes(frozenset({"annotation", "passage", "event", "source", "organisation", "agreement"}))


class BackupActions(QObject):
    done = Signal(str)  # a sentence for the status bar
    failed = Signal(str)

    def __init__(self, ctx: AppContext, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.operations = Operations(self)
        self.operations.finished.connect(self._finished)
        self.operations.failed.connect(lambda _what, message: self.failed.emit(message))

    def back_up(self, target: Path | None = None) -> None:
        library = self.ctx.library
        self.operations.submit(None, lambda: library.backup(target))

    def restore(self, backup: Path) -> None:
        library = self.ctx.library
        self.operations.submit(backup, lambda: library.restore(backup))

    def _finished(self, restored_from: Path | None, result) -> None:
        if restored_from is None:
            self.done.emit(self.tr("Backed up to {path} ({size} bytes, verified).").format(
                path=result.path, size=number(result.size)))
            return
        self.ctx.undo_stack.clear()  # undo steps refer to notes as they were before the restore
        self.ctx.emit_changes(EVERYTHING)
        if result:
            self.done.emit(self.tr("Restored from {backup}; the replaced file was kept as {kept}.").format(
                backup=restored_from, kept=result))
        else:
            self.done.emit(self.tr("Restored from {backup}.").format(backup=restored_from))


def ask_backup_to_restore(parent: QWidget | None) -> Path | None:
    folder = Library.backups_folder()
    path, _ = QFileDialog.getOpenFileName(parent, QCoreApplication.translate("backup_actions", "Restore from backup"),
                                          str(folder), QCoreApplication.translate(
                                              "backup_actions", "AzRel backups (*.sqlite3 *.db);;All files (*)"))
    return Path(path) if path else None


def confirm_restore(parent: QWidget | None, backup: Path) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, QCoreApplication.translate("backup_actions", "Restore from backup"),
                      QCoreApplication.translate("backup_actions", "Replace the library with the backup {name}?\n\n"
                                                 "The current file is kept aside first, so nothing is lost.").format(
                          name=backup.name), QMessageBox.StandardButton.Cancel, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    restore = box.addButton(QCoreApplication.translate("backup_actions", "Restore"), QMessageBox.ButtonRole.AcceptRole)

    box.exec()
    return box.clickedButton() is restore
