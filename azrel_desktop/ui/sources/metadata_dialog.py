"""Editing a source's metadata: the dialog, and the undoable change it makes.

The change is saved at once through the library (which checks the dates); the command on the
app's undo stack puts the fields it changed back, and forward again.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from ...core.research.annotations import Changes
from ...core.sources.reading import SourceMetadata
from ..common.undo_command import SetValuesCommand
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


class SourceMetadataCommand(SetValuesCommand[dict]):
    """Undo sets the changed fields back to what they were; redo sets them again."""

    def __init__(self, ctx: AppContext, source_id: str, before: dict, after: dict):
        super().__init__(ctx, "Edit source details", before, after)
        self.source_id = source_id

    def _set(self, values: dict) -> Changes:
        _b, _a, changes = self.ctx.library.update_source_metadata(self.source_id, **values)
        return changes


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
