"""The summary after an import: each file with what became of it (a failed one with its
sentence), "Import anyway" for those already imported, "Open" for a source, and the passages
a new version could not place, for the user to fix."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from ...core.sources.importer import ALREADY, CANCELLED, FAILED, IMPORTED, REPLACED, ImportReport
from ..common.colours import colour_item
from ..common.widgets import PlainLabel, plain_tooltip


class ReportWords(QObject):
    """What an import did, counted, in the interface's language (the core's `summary()` is
    English); a QObject because lupdate reads plural forms (%n) of `tr` calls only."""

    def summary(self, report: ImportReport) -> str:
        counted = {IMPORTED: lambda n: self.tr("%n imported", "", n),
                   REPLACED: lambda n: self.tr("%n replaced by a new version", "", n),
                   ALREADY: lambda n: self.tr("%n already imported", "", n),
                   FAILED: lambda n: self.tr("%n failed", "", n),
                   CANCELLED: lambda n: self.tr("%n cancelled", "", n)}
        parts = [say(n) for status, say in counted.items() if (n := len(report.with_status(status)))]
        unplaced = sum(len(o.unplaced) for o in report.outcomes)
        if unplaced:
            parts.append(self.tr("%n passage(s) could not be placed in a new version", "", unplaced))
        text = ", ".join(parts) or self.tr("nothing to import")
        return self.tr("{summary} (cancelled)").format(summary=text) if report.cancelled else text

    def sentence(self, report: ImportReport) -> str:
        text = self.summary(report)
        return self.tr("{summary}.").format(summary=text[:1].upper() + text[1:])


SOURCE_ROLE = Qt.ItemDataRole.UserRole
PASSAGE_ROLE = Qt.ItemDataRole.UserRole + 1


class ImportResultDialog(QDialog):
    open_source = Signal(str, str)  # source id, passage id ('' for none)
    import_anyway = Signal(list)  # paths of the files already imported

    def __init__(self, report: ImportReport, parent: QWidget | None = None):
        super().__init__(parent)
        self.report = report
        self.setWindowTitle(self.tr("Import sources"))
        self.resize(720, 420)
        layout = QVBoxLayout(self)
        self.summary = PlainLabel(ReportWords().sentence(report), self)
        layout.addWidget(self.summary)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setAccessibleName(self.tr("What became of each file"))
        for outcome in report.outcomes:
            item = QTreeWidgetItem([outcome.message])
            item.setToolTip(0, plain_tooltip(outcome.message))
            if outcome.source_id:
                item.setData(0, SOURCE_ROLE, outcome.source_id)
            if outcome.status == FAILED:
                colour_item(self.tree, item, "alert")
            for move in outcome.unplaced:
                quote = " ".join(move.quote.split())[:120]
                child = QTreeWidgetItem([
                    self.tr("not found in the new text: “{quote}” — cited by {records}").format(
                        quote=quote, records=", ".join(move.records)) if move.records
                    else self.tr("not found in the new text: “{quote}”").format(quote=quote)])
                child.setData(0, SOURCE_ROLE, outcome.source_id)
                child.setData(0, PASSAGE_ROLE, move.passage_id)
                colour_item(self.tree, child, "alert")
                item.addChild(child)
            for move in outcome.approximate:
                child = QTreeWidgetItem([self.tr("placed approximately, check: “{quote}”").format(
                    quote=" ".join((move.new_quote or "").split())[:120])])
                child.setData(0, SOURCE_ROLE, outcome.source_id)
                child.setData(0, PASSAGE_ROLE, move.passage_id)
                item.addChild(child)
            self.tree.addTopLevelItem(item)
            item.setExpanded(outcome.status == REPLACED)
        layout.addWidget(self.tree, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.open_button = QPushButton(self.tr("Open source"), self)
        self.open_button.setEnabled(False)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.already = [o.path for o in report.outcomes if o.status == ALREADY]
        self.anyway_button = QPushButton(self.tr("Import anyway ({count})").format(count=len(self.already)), self)
        self.anyway_button.setToolTip(self.tr("Import the files already in the library once more, as new sources"))
        buttons.addButton(self.anyway_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.anyway_button.setVisible(bool(self.already))  # after addButton, which shows it
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.tree.currentItemChanged.connect(
            lambda item, _old: self.open_button.setEnabled(bool(item and item.data(0, SOURCE_ROLE))))
        self.tree.itemActivated.connect(lambda _item, _c: self._open())
        self.open_button.clicked.connect(self._open)
        self.anyway_button.clicked.connect(self._anyway)

    def _open(self) -> None:
        item = self.tree.currentItem()
        if item is not None and item.data(0, SOURCE_ROLE):
            self.open_source.emit(item.data(0, SOURCE_ROLE), item.data(0, PASSAGE_ROLE) or "")
            self.accept()

    def _anyway(self) -> None:
        self.import_anyway.emit(list(self.already))
        self.accept()
