"""The annotations page: every note the user wrote, filterable by tag and by text, with the
note's target one double-click away, undoable edit and delete, and CSV export of what is shown."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.research.annotations import AnnotationView
from ...core.research.quotes import as_prose
from ..coding.vocabulary import QT_TRANSLATE_NOOP, record_kind
from ..common.context_menus import note_subject, show_menu
from ..common.export_formats import ask_export_path
from ..common.row_model import RowsModel
from ..common.table_fit import fit_table
from ..common.widgets import PlainLabel, plain_tooltip
from ..records.links import heading_label
from ..shell.context import AppContext
from ..shell.export_job import ExportJob, ExportResult
from ..shell.loading import Loader
from ..shell.navigation import Target
from . import undo
from .annotation_panel import NoteDialog, local_time, readonly_message

_Index = QModelIndex | QPersistentModelIndex
NOTE_TARGETS = ("event", "agreement", "organisation", "passage", "source", "country", "person")


def target_name(view: AnnotationView) -> str:
    """The label of a note's target (data); for a target no longer in the corpus, its id (the
    core's label then says so in English, and the interface says it in its own words)."""
    return view.target_id if view.detached else view.target_label


def target_words(view: AnnotationView) -> str:
    """What a note is on: its kind of record (translated) and its label (data)."""
    return QCoreApplication.translate("AnnotationsPage", "{kind}: {label}").format(
        kind=record_kind(view.target_kind), label=target_name(view))


def note_target(view: AnnotationView) -> Target | None:
    """Where a note's target is shown; None when the target left the corpus."""
    if view.detached:
        return None
    if view.target_kind == "passage":
        return Target("source", view.source_id, passage_id=view.target_id) if view.source_id else None
    if view.target_kind in NOTE_TARGETS:
        return Target(view.target_kind, view.target_id)
    return None


class AnnotationTableModel(RowsModel):
    COLUMNS = (QT_TRANSLATE_NOOP("AnnotationTableModel", "On"), QT_TRANSLATE_NOOP("AnnotationTableModel", "Note"),
               QT_TRANSLATE_NOOP("AnnotationTableModel", "Tags"), QT_TRANSLATE_NOOP("AnnotationTableModel", "Created"),
               QT_TRANSLATE_NOOP("AnnotationTableModel", "Edited"),
               QT_TRANSLATE_NOOP("AnnotationTableModel", "Detached"))
    VIEW_ROLE = Qt.ItemDataRole.UserRole

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        text = super().headerData(section, orientation, role)
        return QCoreApplication.translate("AnnotationTableModel", text) if isinstance(text, str) else text

    def set_notes(self, notes: list[AnnotationView]) -> None:
        self.set_rows(notes)

    def note(self, row: int) -> AnnotationView | None:
        return self.row_at(row)

    def row_of(self, annotation_id: str) -> int | None:
        return next((i for i, v in enumerate(self._rows) if v.id == annotation_id), None)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        v = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (target_words(v), v.body, ", ".join(v.tags), local_time(v.created_at), local_time(v.updated_at),
                    self.tr("detached") if v.detached else "")[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0:
                text = target_name(v) + (f"\n\n“{as_prose(v.quote)}”" if v.quote else "")
                if v.detached:
                    text += "\n\n" + self.tr("Its target is no longer in the corpus; the note is kept.")
                return plain_tooltip(text)
            return plain_tooltip(v.body if column == 1 else self.data(index))
        if role == self.VIEW_ROLE:
            return v
        return None


class AnnotationsPage(QWidget):
    """Every note, narrowed by tag and words; read off the GUI thread (`loaded` when shown)."""

    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.last_export: ExportJob | None = None  # the latest export of the notes shown
        layout = QVBoxLayout(self)
        layout.addWidget(heading_label(self.tr("Your notes"), self, size=1.5))

        filters = QHBoxLayout()
        self.text_filter = QLineEdit(self)
        self.text_filter.setPlaceholderText(self.tr("Filter notes by text, tag or what they are on"))
        self.text_filter.setClearButtonEnabled(True)
        self.text_filter.setAccessibleName(self.tr("Filter notes by text"))
        self.tag_filter = QComboBox(self)
        self.tag_filter.setAccessibleName(self.tr("Filter notes by tag"))
        self.tag_filter.setMinimumWidth(180)
        self.count_label = PlainLabel("", self)
        filters.addWidget(self.text_filter, 2)
        filters.addWidget(self.tag_filter, 1)
        filters.addWidget(self.count_label)
        layout.addLayout(filters)

        self.model = AnnotationTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._row_menu)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # the note takes the spare width; "Detached" is a marker
        self.fitter = fit_table(self.table, stretch=1, narrow=(5,))

        detail = QWidget(self)
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        self.detail_target = PlainLabel("", detail)
        self.detail_target.setStyleSheet("font-weight: bold;")
        self.detail_quote = PlainLabel("", detail)
        self.detail_quote.setStyleSheet("font-style: italic;")
        self.detail_body = PlainLabel("", detail)
        self.detail_body.setObjectName("noteBody")
        self.readonly_label = PlainLabel(readonly_message(), detail)
        self.readonly_label.setVisible(ctx.library.readonly)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Open"), detail)
        self.edit_button = QPushButton(self.tr("Edit…"), detail)
        self.delete_button = QPushButton(self.tr("Delete"), detail)
        self.export_button = QPushButton(self.tr("Export annotations…"), detail)
        self.export_button.setToolTip(self.tr("Save the notes shown as a CSV file"))
        for button in (self.open_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        for widget in (self.detail_target, self.detail_quote, self.detail_body, self.readonly_label):
            detail_layout.addWidget(widget)
        detail_layout.addLayout(buttons)
        detail_layout.addStretch(1)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)

        self.text_filter.textChanged.connect(self.reload)
        self.tag_filter.currentIndexChanged.connect(self.reload)
        self.table.activated.connect(lambda index: self.open_row(index.row()))
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_detail())
        self.open_button.clicked.connect(lambda: self.open_row(self._current_row()))
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button.clicked.connect(self.delete_current)
        self.export_button.clicked.connect(self.export)
        ctx.changed.connect(self._on_changed)
        self.loader = Loader(self, self._show_notes, greyed=lambda: [self.table])
        self.loader.loaded.connect(self.loaded)
        self._fill_tags([])
        self.reload()

    # --- page protocol --------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Your notes")

    def show_target(self, _target: Target) -> None:
        self.reload()

    # --- filters ----------------------------------------------------------------------------
    def selected_tag(self) -> str | None:
        return self.tag_filter.currentData()

    def set_tag(self, tag: str | None) -> None:
        index = self.tag_filter.findData(tag)
        self.tag_filter.setCurrentIndex(max(index, 0))

    def is_loading(self) -> bool:
        return self.loader.busy()

    def reload(self) -> None:
        """Read the tags and the notes the filters select off the GUI thread; the list shown
        stays (greyed if the wait is noticeable) until they arrive."""
        library, tag, text = self.ctx.library, self.selected_tag(), self.text_filter.text()

        def read():
            return (library.tags(), library.annotations(tags=(tag,) if tag else (), text_contains=text),
                    len(library.annotations()))

        self.loader.load(read)

    def _show_notes(self, result) -> None:
        tags, notes, total = result
        self._fill_tags(tags)
        selected = self._current_note()
        self.model.set_notes(notes)
        self.count_label.setText(self.tr("{shown} of %n note(s)", "", total).format(shown=len(notes)))
        row = self.model.row_of(selected.id) if selected else None
        if row is not None:
            self.table.selectRow(row)
        self._show_detail()

    def _fill_tags(self, tags: list[tuple[str, int]]) -> None:
        current = self.selected_tag()
        self.tag_filter.blockSignals(True)
        self.tag_filter.clear()
        self.tag_filter.addItem(self.tr("All tags ({count})").format(count=len(tags)), None)
        for tag, count in tags:
            self.tag_filter.addItem(f"{tag} ({count})", tag)
        index = self.tag_filter.findData(current) if current else 0
        self.tag_filter.setCurrentIndex(max(index, 0))
        self.tag_filter.blockSignals(False)

    # --- selection & actions ---------------------------------------------------------------
    def _current_row(self) -> int:
        index = self.table.selectionModel().currentIndex()
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else (index.row() if index.isValid() else -1)

    def _current_note(self) -> AnnotationView | None:
        return self.model.note(self._current_row())

    def _show_detail(self) -> None:
        v = self._current_note()
        editable = v is not None and not self.ctx.library.readonly
        self.edit_button.setEnabled(editable)
        self.delete_button.setEnabled(editable)
        self.open_button.setEnabled(v is not None and note_target(v) is not None)
        if v is None:
            self.detail_target.setText(self.tr("Select a note to see it in full; double-click to open what it is on."))
            self.detail_quote.setText("")
            self.detail_body.setText("")
            return
        where = target_words(v)
        self.detail_target.setText(self.tr("{target}  (detached: no longer in the corpus)").format(target=where)
                                   if v.detached else where)
        self.detail_quote.setText(f"“{as_prose(v.quote)}”" if v.quote else "")
        self.detail_body.setText(v.body)

    def open_row(self, row: int) -> None:
        v = self.model.note(row)
        if v is None:
            return
        target = note_target(v)
        if target is None:
            self.ctx.status.emit(self.tr("This note's target is no longer in the corpus."))
            return
        self.ctx.go(target)

    def edit_current(self) -> None:
        v = self._current_note()
        if v is None or self.ctx.library.readonly:
            return
        answer = NoteDialog.ask(self, self.tr("Edit note"), body=v.body, tags=v.tags, context=v.quote)
        if answer is not None:
            undo.edit_note(self.ctx, v, *answer, failed=self._refused)

    def delete_current(self) -> None:
        v = self._current_note()
        if v is None or self.ctx.library.readonly:
            return
        undo.delete_note(self.ctx, v.id, failed=self._refused,
                         done=lambda _deleted: self.ctx.status.emit(self.tr("Note deleted (Ctrl+Z to undo).")))

    def _row_menu(self, pos) -> None:
        index = self.table.indexAt(pos)
        view = self.model.note(index.row()) if index.isValid() else None
        if view is not None:
            show_menu(self.ctx, note_subject(view), self.table, self.table.viewport().mapToGlobal(pos))

    def _refused(self, reason: str) -> None:  # the core explains refusals; show them, do not crash
        self.ctx.status.emit(self.tr("Note not changed: {reason}").format(reason=reason))

    def export(self) -> None:
        choice = ask_export_path(self, self.tr("Export the notes shown"), "annotations.csv")
        if choice is not None:
            self.export_to(str(choice.path), excel=choice.format.excel)

    def export_to(self, path: str, *, excel: bool = False) -> ExportJob:
        """Write the notes shown (same tag and text filter) to a CSV file, off the GUI thread;
        the status line says how many when it is done."""
        tag = self.selected_tag()
        job = ExportJob.annotations(self.ctx.library, path, self, tags=(tag,) if tag else (),
                                    text_contains=self.text_filter.text(), excel=excel)
        self.last_export = job
        job.finished.connect(self._exported)
        job.start()
        return job

    def _exported(self, result: ExportResult) -> None:
        if result.error or result.cancelled:
            self.ctx.status.emit(result.message)
        else:
            self.ctx.status.emit(self.tr("Exported %n note(s) to {path}", "", result.rows).format(path=result.path))

    def _on_changed(self, changes) -> None:
        if changes.kinds & {"annotation", "passage", "corpus"}:
            self.reload()
