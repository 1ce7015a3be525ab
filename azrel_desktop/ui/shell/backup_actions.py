"""File → Back up now and File → Restore from backup: run off the GUI thread as operations that
must run (a backup asked for is never dropped, however quickly another action follows), each
reported in words, and every page told to refresh after a restore."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ...core.research.annotations import Changes
from ...core.store.backups import backups_dir
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
            self.done.emit(f"Backed up to {result.path} ({result.size:,} bytes, verified).")
            return
        kept = f"; the replaced file was kept as {result}" if result else ""
        self.ctx.undo_stack.clear()  # undo steps refer to notes as they were before the restore
        self.ctx.emit_changes(EVERYTHING)
        self.done.emit(f"Restored from {restored_from}{kept}.")


def ask_backup_to_restore(parent: QWidget | None) -> Path | None:
    folder = backups_dir()
    path, _ = QFileDialog.getOpenFileName(parent, "Restore from backup", str(folder),
                                          "AzRel backups (*.sqlite3 *.db);;All files (*)")
    return Path(path) if path else None


def confirm_restore(parent: QWidget | None, backup: Path) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, "Restore from backup",
                      f"Replace the library with the backup {backup.name}?\n\nThe current file is kept "
                      "aside first, so nothing is lost.", QMessageBox.StandardButton.Cancel, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    restore = box.addButton("Restore", QMessageBox.ButtonRole.AcceptRole)
    box.exec()
    return box.clickedButton() is restore
