"""Editing a source's metadata: the dialog, and the undoable change it makes.

The change is saved through the library (which checks the dates) off the GUI thread, as the
runner's `Task`; the dialog closes when it is saved, or says why not and stays open. The
command on the app's undo stack puts the fields it changed back, and forward again. The dialog
opens with the facts the source page already read, or reads them in the background.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from ...core.research.annotations import Changes
from ..coding.vocabulary import QT_TRANSLATE_NOOP
from ..common.colours import show_as_alert
from ..common.undo_command import SetValuesCommand
from ..common.widgets import PlainLabel
from ..shell.context import AppContext
from ..shell.runner import LatestCall, Task

if TYPE_CHECKING:
    from ...core.sources.catalogue import SourceInfo

# captions and hints marked for lupdate; translated (context "SourceMetadataDialog") when shown
FIELDS = (
    ("title", QT_TRANSLATE_NOOP("SourceMetadataDialog", "Title")), ("author", QT_TRANSLATE_NOOP("SourceMetadataDialog", "Authors")),
    ("publisher", QT_TRANSLATE_NOOP("SourceMetadataDialog", "Publisher")), ("url", QT_TRANSLATE_NOOP("SourceMetadataDialog", "URL")),
    ("published", QT_TRANSLATE_NOOP("SourceMetadataDialog", "Published")), ("data_as_of", QT_TRANSLATE_NOOP("SourceMetadataDialog", "Data as of")),
    ("kind", QT_TRANSLATE_NOOP("SourceMetadataDialog", "Kind")), ("language", QT_TRANSLATE_NOOP("SourceMetadataDialog", "Language")),
    ("reliability", QT_TRANSLATE_NOOP("SourceMetadataDialog", "Reliability")),
)
HINTS = {
    "published": QT_TRANSLATE_NOOP("SourceMetadataDialog", "EDTF (2024-05-03, 2024-05, 2024, 1998-21 for spring) or a phrase (May 2024)"),
    "data_as_of": QT_TRANSLATE_NOOP("SourceMetadataDialog", "the date the source's data describe, as above"),
    "author": QT_TRANSLATE_NOOP("SourceMetadataDialog", "several separated by “; ”"),
    "language": QT_TRANSLATE_NOOP("SourceMetadataDialog", "a code such as en, az, ru, tr"),
    "reliability": QT_TRANSLATE_NOOP("SourceMetadataDialog",
                                     "why the source is as reliable as it is (its grade: Edit reliability… on its page)"),
}


class SourceMetadataCommand(SetValuesCommand[dict]):
    """Undo sets the changed fields back to what they were; redo sets them again."""

    def __init__(self, ctx: AppContext, source_id: str, before: dict, after: dict):
        super().__init__(ctx, QCoreApplication.translate("SourceMetadataCommand", "Edit source details"), before, after)
        self.source_id = source_id

    def _set(self, values: dict) -> Changes:
        _b, _a, changes = self.ctx.library.update_source_metadata(self.source_id, **values)
        return changes


class SourceMetadataDialog(QDialog):
    """The fields of one source; OK saves them (a date that cannot be read is said in the
    dialog, which stays open with everything typed)."""

    saveFinished = Signal()  # a save came back, saved or refused
    loaded = Signal()

    def __init__(self, ctx: AppContext, source_id: str, parent: QWidget | None = None,
                 info: SourceInfo | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.source_id = source_id
        self.info: SourceInfo | None = None
        self.saving = False  # a plain attribute: readable after the dialog is gone
        self._task: Task | None = None
        self.setWindowTitle(self.tr("Source details"))
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        for key, english in FIELDS:
            caption = QCoreApplication.translate("SourceMetadataDialog", english)
            if key == "reliability":
                widget: QLineEdit | QPlainTextEdit = QPlainTextEdit(self)
                widget.setFixedHeight(70)
            else:
                widget = QLineEdit(self)
                if key in HINTS:
                    widget.setPlaceholderText(QCoreApplication.translate("SourceMetadataDialog", HINTS[key]))
            widget.setObjectName(f"field_{key}")
            widget.setAccessibleName(caption)
            form.addRow(self.tr("{caption}:").format(caption=caption), widget)
            self.fields[key] = widget
        layout.addLayout(form)
        self.facts = PlainLabel(self.tr("Loading…"), self)
        layout.addWidget(self.facts)
        self.error = PlainLabel("", self)
        show_as_alert(self.error)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        if info is not None:
            self._fill(info)
        else:
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            self._reader = LatestCall(self)
            self._reader.finished.connect(self._fill)
            self._reader.failed.connect(lambda message: self.facts.setText(
                self.tr("Could not read the source: {reason}").format(reason=message)))
            library = ctx.library
            self._reader.start(lambda: library.source_info(source_id))

    def _fill(self, info: SourceInfo) -> None:
        self.info = info
        for key, widget in self.fields.items():
            value = getattr(info.metadata, key) or ""
            if isinstance(widget, QPlainTextEdit):
                widget.setPlainText(value)
            else:
                widget.setText(value)
        facts = [self.tr("File: {name}").format(name=info.file_name) if info.file_name
                 else self.tr("From the shipped corpus") if info.is_seed else "",
                 self.tr("Read as {encoding}").format(encoding=info.encoding) if info.encoding else "",
                 self.tr("%n page(s)", "", len(info.page_starts)) if info.page_starts else ""]
        self.facts.setText(" · ".join(f for f in facts if f))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        self.loaded.emit()

    def values(self) -> dict[str, str]:
        return {k: (w.toPlainText() if isinstance(w, QPlainTextEdit) else w.text()).strip()
                for k, w in self.fields.items()}

    def save(self) -> None:
        """Save the fields that changed, off the GUI thread; the dialog closes when saved."""
        if self.saving or self.info is None:
            return
        current = self.info.metadata
        changed = {k: v for k, v in self.values().items() if (getattr(current, k) or "") != (v or "")}
        if not changed:
            self.accept()
            return
        self.error.setText("")
        self.saving = True
        self.buttons.setEnabled(False)
        library, source_id = self.ctx.library, self.source_id
        self._task = Task(lambda _p: library.update_source_metadata(source_id, **changed),
                          describe_error=lambda exc: str(exc) or type(exc).__name__)
        self._task.signals.done.connect(lambda result: self._saved(changed, result), Qt.ConnectionType.QueuedConnection)
        self._task.signals.failed.connect(self._refused, Qt.ConnectionType.QueuedConnection)
        self._task.start()

    def reject(self) -> None:
        if self.saving:  # the save is on its way: closing now would lose its undo step
            return
        super().reject()

    def _saved(self, changed: dict, result) -> None:
        before_meta, after_meta, changes = result
        self.saving = False
        self.buttons.setEnabled(True)
        before = {k: getattr(before_meta, k) for k in changed}
        after = {k: getattr(after_meta, k) for k in changed}
        self.ctx.undo_stack.push(SourceMetadataCommand(self.ctx, self.source_id, before, after))
        self.ctx.emit_changes(changes)
        self.saveFinished.emit()
        self.accept()

    def _refused(self, message: str, _exc: object = None) -> None:
        # the core's one sentence (a bad date, no title, read-only file); what was typed stays
        self.saving = False
        self.buttons.setEnabled(True)
        self.error.setText(self.tr("Not saved: {reason}").format(reason=message))
        self.saveFinished.emit()
