"""Editing a source's metadata: the dialog, and the undoable change it makes.

The change is saved at once through the library (which checks the dates); the command on the
app's undo stack puts the fields it changed back, and forward again.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from ...core.sources.reading import SourceMetadata
from ..common.widgets import PlainLabel
from ..shell.context import AppContext

FIELDS = (
    ("title", "Title"), ("author", "Authors"), ("publisher", "Publisher"), ("url", "URL"),
    ("published", "Published"), ("data_as_of", "Data as of"), ("kind", "Kind"), ("language", "Language"),
    ("reliability", "Reliability"),
)
HINTS = {
    "published": "EDTF (2024-05-03, 2024-05, 2024, 1998-21 for spring) or a phrase (May 2024)",
    "data_as_of": "the date the source's data describe, as above",
    "author": "several separated by “; ”",
    "language": "a code such as en, az, ru, tr",
    "reliability": "why the source is as reliable as it is (its grade: Edit reliability… on its page)",
}


class SourceMetadataCommand(QUndoCommand):
    """Undo sets the changed fields back to what they were; redo sets them again. The first
    redo (QUndoStack.push calls it) is skipped: the change was saved before the push."""

    def __init__(self, ctx: AppContext, source_id: str, before: dict, after: dict):
        super().__init__("Edit source details")
        self.ctx, self.source_id, self.before, self.after = ctx, source_id, before, after
        self._first = True

    def _set(self, values: dict) -> None:
        try:
            _b, _a, changes = self.ctx.library.update_source_metadata(self.source_id, **values)
        except Exception as exc:  # a failed undo is reported, never a crash
            self.ctx.status.emit(f"Could not {self.text().lower()}: {exc}")
            self.setObsolete(True)
            return
        self.ctx.emit_changes(changes)

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._set(self.after)

    def undo(self) -> None:
        self._set(self.before)


def edit_source_metadata(ctx: AppContext, source_id: str, values: dict) -> SourceMetadata:
    """Save `values` (only fields that differ are sent) and push the undo command."""
    current = ctx.library.source_info(source_id).metadata
    changed = {k: v for k, v in values.items() if (getattr(current, k) or "") != (v or "")}
    if not changed:
        return current
    before_meta, after_meta, changes = ctx.library.update_source_metadata(source_id, **changed)
    before = {k: getattr(before_meta, k) for k in changed}
    after = {k: getattr(after_meta, k) for k in changed}
    ctx.undo_stack.push(SourceMetadataCommand(ctx, source_id, before, after))
    ctx.emit_changes(changes)
    return after_meta


class SourceMetadataDialog(QDialog):
    """The fields of one source; OK saves them (a date that cannot be read is said in the
    dialog, which stays open with everything typed)."""

    def __init__(self, ctx: AppContext, source_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.source_id = source_id
        info = ctx.library.source_info(source_id)
        self.setWindowTitle("Source details")
        self.resize(560, 420)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        for key, caption in FIELDS:
            value = getattr(info.metadata, key) or ""
            if key == "reliability":
                widget: QLineEdit | QPlainTextEdit = QPlainTextEdit(value, self)
                widget.setFixedHeight(70)
            else:
                widget = QLineEdit(value, self)
                if key in HINTS:
                    widget.setPlaceholderText(HINTS[key])
            widget.setObjectName(f"field_{key}")
            widget.setAccessibleName(caption)
            form.addRow(caption + ":", widget)
            self.fields[key] = widget
        layout.addLayout(form)
        facts = [f"File: {info.file_name}" if info.file_name else "From the shipped corpus" if info.is_seed else "",
                 f"Read as {info.encoding}" if info.encoding else "",
                 f"{len(info.page_starts)} pages" if info.page_starts else ""]
        layout.addWidget(PlainLabel(" · ".join(f for f in facts if f), self))
        self.error = PlainLabel("", self)
        self.error.setStyleSheet("color: #b00020;")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def values(self) -> dict[str, str]:
        return {k: (w.toPlainText() if isinstance(w, QPlainTextEdit) else w.text()).strip()
                for k, w in self.fields.items()}

    def save(self) -> bool:
        try:
            edit_source_metadata(self.ctx, self.source_id, self.values())
        except Exception as exc:  # the core's one sentence (a bad date, no title, read-only file)
            self.error.setText(f"Not saved: {exc}")
            return False
        self.accept()
        return True
