"""The notes on one record or passage (`AnnotationPanel`), and the small editor and dialog used
to write a note anywhere in the app (`NoteEditor`, `NoteDialog`).

Every change is saved at once and made undoable through `ui.undo`. Bodies and tags are data:
they are shown with plain-text widgets only.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...core.research.annotations import AnnotationView, normalise_tags
from ..coding.vocabulary import QT_TRANSLATE_NOOP
from ..common.colours import show_as_alert
from ..common.widgets import PlainLabel, plain_tooltip
from ..shell.context import AppContext
from ..shell.loading import Loader
from . import undo

READONLY_MESSAGE = QT_TRANSLATE_NOOP("AnnotationPanel",
                                     "This library file is read-only, so notes cannot be added, changed or deleted.")


def readonly_message() -> str:
    return QCoreApplication.translate("AnnotationPanel", READONLY_MESSAGE)


def local_time(value: datetime) -> str:
    """A stored (naive UTC) timestamp in the user's time zone, to the minute."""
    return value.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")


def note_meta(view: AnnotationView) -> str:
    parts = []
    if view.tags:
        parts.append(QCoreApplication.translate("NoteCard", "tags: {tags}").format(tags=", ".join(view.tags)))
    parts.append(QCoreApplication.translate("NoteCard", "created {time}").format(time=local_time(view.created_at)))
    if view.updated_at != view.created_at:
        parts.append(QCoreApplication.translate("NoteCard", "edited {time}").format(time=local_time(view.updated_at)))
    if view.detached:
        parts.append(QCoreApplication.translate("NoteCard", "detached: its target is no longer in the corpus"))
    return "  ·  ".join(parts)


class NoteEditor(QWidget):
    """Body and tags of a note, with Save / Cancel (Ctrl+Enter saves, Esc cancels)."""

    saved = Signal(str, tuple)  # body, tags
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None, *, buttons: bool = True):
        super().__init__(parent)
        self.body = QPlainTextEdit(self)
        self.body.setPlaceholderText(self.tr("Your note (plain text)"))
        self.body.setTabChangesFocus(True)
        self.body.setAccessibleName(self.tr("Note text"))
        self.tags = QLineEdit(self)
        self.tags.setPlaceholderText(self.tr("tags, separated by commas"))
        self.tags.setAccessibleName(self.tr("Tags"))
        self.tags.returnPressed.connect(self._save)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.body)
        layout.addWidget(self.tags)
        if buttons:
            row = QHBoxLayout()
            row.addStretch(1)
            self.cancel_button = QPushButton(self.tr("Cancel"), self)
            self.cancel_button.clicked.connect(self.cancelled)
            self.save_button = QPushButton(self.tr("Save"), self)
            self.save_button.setDefault(True)
            self.save_button.clicked.connect(self._save)
            row.addWidget(self.cancel_button)
            row.addWidget(self.save_button)
            layout.addLayout(row)
            QShortcut(QKeySequence("Ctrl+Return"), self, self._save,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.cancelled.emit,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def load(self, body: str = "", tags: tuple[str, ...] = ()) -> None:
        self.body.setPlainText(body)
        self.tags.setText(", ".join(tags))

    def values(self) -> tuple[str, tuple[str, ...]]:
        return self.body.toPlainText(), normalise_tags(self.tags.text())

    def _save(self) -> None:
        self.saved.emit(*self.values())


class NoteDialog(QDialog):
    """A modal note editor, optionally showing what is being annotated (e.g. the selected text)."""

    def __init__(self, parent: QWidget | None, title: str, *, body: str = "", tags: tuple[str, ...] = (),
                 context: str | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        if context:
            quote = PlainLabel(context, self)
            quote.setObjectName("noteContext")
            quote.setFrameShape(QFrame.Shape.StyledPanel)
            quote.setMaximumHeight(120)
            layout.addWidget(quote)
        self.editor = NoteEditor(self, buttons=False)
        self.editor.load(body, tags)
        layout.addWidget(self.editor)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        self.editor.tags.returnPressed.disconnect()
        self.editor.tags.returnPressed.connect(self.accept)
        layout.addWidget(box)
        self.resize(460, 280)
        self.editor.body.setFocus()

    def values(self) -> tuple[str, tuple[str, ...]]:
        return self.editor.values()

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, *, body: str = "", tags: tuple[str, ...] = (),
            context: str | None = None) -> tuple[str, tuple[str, ...]] | None:
        """Body and tags the user entered, or None when they cancelled."""
        dialog = cls(parent, title, body=body, tags=tags, context=context)
        try:
            return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


class NoteCard(QFrame):
    """One note: its body and tags as plain text, when it was written, and Edit / Delete."""

    edit_requested = Signal(object)  # AnnotationView
    delete_requested = Signal(object)

    def __init__(self, view: AnnotationView, editable: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.view = view
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("noteCard")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(2)
        self.body_label = PlainLabel(view.body or self.tr("(empty note)"), self)
        self.body_label.setObjectName("noteBody")
        self.meta_label = PlainLabel(note_meta(view), self)
        self.meta_label.setObjectName("noteMeta")
        self.meta_label.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(self.body_label)
        row = QHBoxLayout()
        row.addWidget(self.meta_label, 1)
        self.edit_button = QPushButton(self.tr("Edit"), self)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        for button in (self.edit_button, self.delete_button):
            button.setEnabled(editable)
            button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
            row.addWidget(button)
        self.edit_button.setAccessibleName(self.tr("Edit note"))
        self.delete_button.setAccessibleName(self.tr("Delete note"))
        self.edit_button.clicked.connect(lambda: self.edit_requested.emit(self.view))
        self.delete_button.clicked.connect(lambda: self.delete_requested.emit(self.view))
        layout.addLayout(row)


def enable_note_menu(ctx: AppContext, card: NoteCard) -> None:
    """Right-click on a note opens its context menu (ui/common/context_menus.py); its labels
    pass the click on (their text still copies with the keyboard)."""
    from ..common.context_menus import note_subject, show_menu

    for label in (card.body_label, card.meta_label):
        label.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
    card.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    card.customContextMenuRequested.connect(
        lambda pos: show_menu(ctx, note_subject(card.view), card, card.mapToGlobal(pos)))


class AnnotationPanel(QWidget):
    """The notes on one target, with Add / Edit / Delete, each saved at once and undoable.
    The notes are read and written off the GUI thread; `loaded` says they are shown, `saved`
    that a change has landed, `refused` that it was not saved."""

    loaded = Signal()
    saved = Signal(object)  # the AnnotationView of a change that has landed
    refused = Signal(str)  # why a change was not saved

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, heading: str | None = None,
                 no_target_text: str | None = None):
        """`heading` and `no_target_text` are the caller's translated texts."""
        super().__init__(parent)
        heading = self.tr("Notes") if heading is None else heading
        self._no_target_text = self.tr("Nothing selected.") if no_target_text is None else no_target_text
        self.ctx = ctx
        self._kind: str | None = None
        self._target_id: str | None = None
        self._editing: AnnotationView | None = None
        self._heading = heading
        self.cards: list[NoteCard] = []

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.heading_label = QLabel(heading, self)
        self.heading_label.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading_label.font()
        font.setBold(True)
        self.heading_label.setFont(font)
        top.addWidget(self.heading_label, 1)
        self.add_button = QPushButton(self.tr("Add note…"), self)
        self.add_button.clicked.connect(self.start_add)
        top.addWidget(self.add_button)
        layout.addLayout(top)

        self.readonly_label = PlainLabel(readonly_message(), self)
        self.readonly_label.setObjectName("readonlyMessage")
        layout.addWidget(self.readonly_label)

        self.editor = NoteEditor(self)
        self.editor.body.setMaximumHeight(110)
        self.editor.saved.connect(self._save)
        self.editor.cancelled.connect(self.cancel_edit)
        self.editor.hide()
        layout.addWidget(self.editor)
        self.error_label = PlainLabel("", self)
        show_as_alert(self.error_label)
        self.error_label.hide()
        layout.addWidget(self.error_label)

        self.empty_label = PlainLabel(self.tr("No notes yet."), self)
        self.empty_label.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(self.empty_label)
        self.cards_box = QVBoxLayout()
        self.cards_box.setSpacing(4)
        layout.addLayout(self.cards_box)

        self.loader = Loader(self, self._show_notes, greyed=lambda: list(self.cards))
        self.loader.loaded.connect(self.loaded)
        ctx.changed.connect(self._on_changed)
        self._update_state()

    # --- public -----------------------------------------------------------------------
    def set_target(self, kind: str | None, target_id: str | None) -> None:
        if (kind, target_id) != (self._kind, self._target_id):
            self.cancel_edit()
        self._kind, self._target_id = kind, target_id
        self.refresh()

    def target(self) -> tuple[str | None, str | None]:
        return self._kind, self._target_id

    def notes(self) -> list[AnnotationView]:
        return [card.view for card in self.cards]

    def refresh(self) -> None:
        """Read the target's notes off the GUI thread; the cards shown stay (greyed if the wait
        is noticeable) until they arrive."""
        kind, target_id, library = self._kind, self._target_id, self.ctx.library
        self.loader.load(lambda: library.annotations_for(kind, target_id) if kind and target_id else [])

    def is_loading(self) -> bool:
        return self.loader.busy()

    def _show_notes(self, views: list[AnnotationView]) -> None:
        for card in self.cards:
            self.cards_box.removeWidget(card)
            card.deleteLater()
        self.cards = []
        editable = not self.ctx.library.readonly
        for view in views:
            card = NoteCard(view, editable, self)
            card.edit_requested.connect(self.start_edit)
            card.delete_requested.connect(lambda v: self.delete(v.id))
            card.setToolTip(plain_tooltip(view.body))
            enable_note_menu(self.ctx, card)
            self.cards_box.addWidget(card)
            self.cards.append(card)
        self.heading_label.setText(self.tr("{heading} ({count})").format(heading=self._heading, count=len(views))
                                   if views else self._heading)
        self.empty_label.setText(self.tr("No notes yet.") if self._target_id else self._no_target_text)
        self.empty_label.setVisible(not views)
        self._update_state()

    def start_add(self) -> None:
        if not self._can_edit():
            return
        self._editing = None
        self.editor.load()
        self._show_editor()

    def start_edit(self, view: AnnotationView) -> None:
        if not self._can_edit():
            return
        self._editing = view
        self.editor.load(view.body, view.tags)
        self._show_editor()

    def cancel_edit(self) -> None:
        self._editing = None
        self.editor.hide()
        self.error_label.hide()

    def add(self, body: str, tags=(), then=None) -> bool:
        """Save a new note on the target, off the GUI thread; `saved` (and `then(view)`) when it
        has landed, a refusal shown under the editor. False if nothing could be started."""
        kind, target_id = self._kind, self._target_id
        if kind is None or target_id is None:  # no record shown: nothing to note
            return False
        return self._change(lambda done, failed: undo.add_note(self.ctx, kind, target_id, body, tags,
                                                               done=done, failed=failed), then)

    def edit(self, view: AnnotationView, body: str, tags=(), then=None) -> bool:
        return self._change(lambda done, failed: undo.edit_note(self.ctx, view, body, tags,
                                                                done=done, failed=failed), then)

    def delete(self, annotation_id: str, then=None) -> bool:
        return self._change(lambda done, failed: undo.delete_note(self.ctx, annotation_id,
                                                                  done=done, failed=failed), then)

    # --- internals ----------------------------------------------------------------------
    def _can_edit(self) -> bool:
        return bool(self._kind and self._target_id) and not self.ctx.library.readonly

    def _update_state(self) -> None:
        readonly = self.ctx.library.readonly
        self.readonly_label.setVisible(readonly)
        self.add_button.setEnabled(self._can_edit())
        self.add_button.setToolTip(readonly_message() if readonly else "")

    def _show_editor(self) -> None:
        self.error_label.hide()
        self.editor.show()
        self.editor.body.setFocus()

    def _save(self, body: str, tags: tuple[str, ...]) -> None:
        editing = self._editing

        def close_if_unchanged(_view: AnnotationView) -> None:  # unless another edit began meanwhile
            if self._editing is editing and self.editor.isVisible():
                self.cancel_edit()

        if editing is None:
            self.add(body, tags, close_if_unchanged)
        else:
            self.edit(editing, body, tags, close_if_unchanged)

    def _change(self, start, then) -> bool:
        if not self._can_edit():
            return False
        self.error_label.hide()

        def done(view: AnnotationView) -> None:
            if then is not None:
                then(view)
            self.saved.emit(view)

        start(done, self._refused)
        return True

    def _refused(self, reason: str) -> None:  # the core explains refusals (AnnotationError)
        self.error_label.setText(self.tr("Not saved: {reason}").format(reason=reason))
        self.error_label.show()
        self.ctx.status.emit(self.tr("Note not saved: {reason}").format(reason=reason))
        self.refused.emit(reason)

    def _on_changed(self, changes) -> None:
        if "annotation" in changes.kinds or "passage" in changes.kinds:
            self.refresh()
