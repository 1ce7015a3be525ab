"""`ImportPlanDialog`: after File → Import sources…, what each chosen file becomes — a new source,
or a new version of one of the user's own sources, picked by typing part of its title.

A file with the name a source of the user's was imported from is proposed as its new version
(the user can say otherwise); a file whose page address matches a source replaces it in the core
whatever is chosen here, as the issue asks. A new version keeps the old text and re-anchors the
passages citing it; those that cannot be placed are listed after the import. The user's sources
are read off the GUI thread; until they arrive every file is "a new source" and the choosers
wait, greyed. A bibliography's records are always new sources.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.sources.reading import BIB_SUFFIXES
from ..common.widgets import PlainLabel
from ..shell.context import AppContext
from ..shell.runner import LatestCall

if TYPE_CHECKING:
    from ...core.sources.catalogue import SourceRow

def new_source() -> str:
    return QCoreApplication.translate("ImportPlanDialog", "a new source")


def version_label(title: str) -> str:
    return QCoreApplication.translate("ImportPlanDialog", "a new version of “{title}”").format(title=title)


class ImportPlanDialog(QDialog):
    """One row per file: its name and a chooser of what it becomes."""

    def __init__(self, ctx: AppContext, paths, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.paths = [Path(p) for p in paths]
        self.setWindowTitle(self.tr("Import sources"))
        self.resize(760, 120 + 34 * min(len(self.paths), 12))
        layout = QVBoxLayout(self)
        self.intro = PlainLabel(self.tr("Each file becomes a new source, or a new version of one of your sources "
                                        "(its passages are moved to the new text; those that cannot be placed are "
                                        "listed for you)."), self)
        layout.addWidget(self.intro)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("File"), self.tr("Import as")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAccessibleName(self.tr("What each file becomes"))
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        self.choosers: dict[Path, QComboBox] = {}
        for path in self.paths:
            item = QTreeWidgetItem([path.name, ""])
            item.setToolTip(0, str(path))
            self.tree.addTopLevelItem(item)
            chooser = QComboBox(self.tree)
            chooser.setAccessibleName(self.tr("Import {file} as").format(file=path.name))
            chooser.addItem(new_source(), None)
            chooser.setEnabled(False)  # until the user's sources are read
            if path.suffix.lower() in BIB_SUFFIXES:
                chooser.setItemText(0, self.tr("new sources (one per record)"))
            self.tree.setItemWidget(item, 1, chooser)
            self.choosers[path] = chooser
        layout.addWidget(self.tree, 1)
        self.note = PlainLabel(self.tr("Reading your sources…"), self)
        self.note.setEnabled(False)
        layout.addWidget(self.note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Import"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.reader = LatestCall(self)
        self.reader.finished.connect(self._offer)
        self.reader.failed.connect(lambda message: self.note.setText(
            self.tr("Your sources could not be read: {reason}").format(reason=message)))
        library = ctx.library
        self.reader.start(lambda: library.sources(own_only=True))

    def loading(self) -> bool:
        return self.reader.busy()

    def _offer(self, rows) -> None:
        by_file: dict[str, SourceRow] = {}
        for row in rows:
            if row.file_name:
                by_file.setdefault(row.file_name.casefold(), row)
        proposed = 0
        for path, chooser in self.choosers.items():
            if path.suffix.lower() in BIB_SUFFIXES or not rows:
                continue
            for row in rows:
                chooser.addItem(version_label(row.title), row.id)
                chooser.setItemData(chooser.count() - 1, f"{row.title} — {row.file_name or self.tr('no file')}",
                                    Qt.ItemDataRole.ToolTipRole)
            chooser.setEditable(True)  # type part of a title to find the source
            chooser.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            completer = chooser.completer()
            if completer is not None:  # an editable combo box has one
                completer.setFilterMode(Qt.MatchFlag.MatchContains)
                completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
                completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            same = by_file.get(path.name.casefold())
            if same is not None:
                chooser.setCurrentIndex(chooser.findData(same.id))
                proposed += 1
            chooser.setEnabled(True)
        if not rows:
            self.note.setText(self.tr("You have no sources of your own yet: every file becomes a new source."))
        elif proposed:
            self.note.setText(self.tr("%n file(s) with the name of a source you imported before, proposed as its new "
                                      "version; choose “{new}” to keep both.", "", proposed).format(new=new_source()))
        else:
            self.note.setText(self.tr("Choose a source for a file that is a new version of it."))

    def chooser(self, path) -> QComboBox:
        return self.choosers[Path(path)]

    @staticmethod
    def _index(chooser: QComboBox) -> int:
        """The entry chosen: the current one, or the one whose text was typed (-1: none)."""
        if chooser.itemText(chooser.currentIndex()) == chooser.currentText():
            return chooser.currentIndex()
        return chooser.findText(chooser.currentText())

    def versions(self) -> dict[Path, str]:
        """The source each file is a new version of (files that become new sources are absent)."""
        chosen = {}
        for path, chooser in self.choosers.items():
            index = self._index(chooser)
            source_id = chooser.itemData(index) if index >= 0 else None
            if source_id:
                chosen[path] = source_id
        return chosen

    def accept(self) -> None:
        versions = list(self.versions().values())
        twice = {sid for sid in versions if versions.count(sid) > 1}
        if twice:
            self.note.setEnabled(True)
            self.note.setText(self.tr("Two files are chosen as the new version of the same source; choose one."))
            return
        for chooser in self.choosers.values():
            if self._index(chooser) < 0:
                self.note.setEnabled(True)
                self.note.setText(self.tr("“{typed}” is not one of your sources; pick one from the list.").format(
                    typed=chooser.currentText()))
                return
        super().accept()
