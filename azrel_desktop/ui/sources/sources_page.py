"""The Sources page: every source (the corpus's and the user's), or those whose title or text
holds the words typed, with the number of hits; opening one shows its text at the first hit
with every hit marked. The list is read off the GUI thread (`LatestCall`: the newest search
wins), and it follows imports and edits through the app's change signal.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.sources.catalogue import SourceRow
from ..coding.vocabulary import QT_TRANSLATE_NOOP
from ..common.row_model import Index, RowsModel
from ..common.widgets import PlainLabel
from ..records.links import heading_label
from ..shell.context import AppContext
from ..shell.navigation import Target
from ..shell.runner import LatestCall

SEARCH_DELAY_MS = 250
SHOWN = 500  # sources listed at once: the first by title, or the best matches of a search


class SourcesModel(RowsModel):
    COLUMNS = (QT_TRANSLATE_NOOP("SourcesModel", "Title"), QT_TRANSLATE_NOOP("SourcesModel", "Authors"), QT_TRANSLATE_NOOP("SourcesModel", "Published"),
               QT_TRANSLATE_NOOP("SourcesModel", "Kind"), QT_TRANSLATE_NOOP("SourcesModel", "Origin"), QT_TRANSLATE_NOOP("SourcesModel", "File"),
               QT_TRANSLATE_NOOP("SourcesModel", "Passages"), QT_TRANSLATE_NOOP("SourcesModel", "Hits"))
    NUMERIC = (6, 7)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        text = super().headerData(section, orientation, role)
        return QCoreApplication.translate("SourcesModel", text) if isinstance(text, str) else text

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        row: SourceRow | None = self.row_at(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.title, row.author or "", row.published or "", row.kind,
                    self.tr("corpus") if row.is_seed else self.tr("mine"), row.file_name or "", str(row.passages),
                    "" if row.hits is None else str(row.hits))[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            return None  # plain data is never given to a tooltip (it would be read as rich text)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class SourcesPage(QWidget):
    loaded = Signal()  # the list shows the current search

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._search = ""
        self._pending = False
        layout = QVBoxLayout(self)
        layout.addWidget(heading_label(self.tr("Sources"), self, size=1.5))
        bar = QHBoxLayout()
        self.search_field = QLineEdit(self)
        self.search_field.setPlaceholderText(self.tr("words in the sources' titles and full text; \"a phrase\"; "
                                                     "a prefix*"))
        self.search_field.setClearButtonEnabled(True)
        self.search_field.setAccessibleName(self.tr("Search the sources' text"))
        bar.addWidget(self.search_field, 1)
        self.mine_only = QCheckBox(self.tr("Only my sources"), self)
        bar.addWidget(self.mine_only)
        self.import_button = QPushButton(self.tr("Import sources…"), self)
        bar.addWidget(self.import_button)
        layout.addLayout(bar)
        self.count_label = PlainLabel("", self, selectable=False)
        layout.addWidget(self.count_label)
        self.model = SourcesModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("Sources"))
        layout.addWidget(self.table, 1)
        self.call = LatestCall(self)
        self.call.finished.connect(self._on_loaded)
        self.call.failed.connect(lambda msg: self.count_label.setText(
            self.tr("The sources could not be read: {reason}").format(reason=msg)))
        self._typing = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._typing.timeout.connect(self.reload)
        self.search_field.textChanged.connect(lambda _t: self._typing.start())
        self.search_field.returnPressed.connect(self.reload)
        self.mine_only.toggled.connect(lambda _c: self.reload())
        self.table.activated.connect(self.open_row)
        self.import_button.clicked.connect(self._import)
        self.import_button.setEnabled(not ctx.library.readonly)
        ctx.changed.connect(self._on_changed)

    # --- page protocol ----------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Sources")

    def show_target(self, target: Target) -> None:
        if target.extra and isinstance(target.extra[0], str) and target.extra[0] != self.search_field.text():
            self.search_field.setText(target.extra[0])
        self.reload()
        self.search_field.setFocus()

    # --- loading ----------------------------------------------------------------------------
    def reload(self) -> None:
        self._typing.stop()
        search, mine = self.search_field.text(), self.mine_only.isChecked()
        library = self.ctx.library
        self._pending = True
        self.count_label.setText(self.tr("Searching…") if search.strip() else self.tr("Loading…"))
        def load():
            rows = library.sources(search, own_only=mine, limit=SHOWN)
            total = len(rows) if len(rows) < SHOWN else library.count_sources(search, own_only=mine)
            return search, rows, total

        self.call.start(load)

    def is_loading(self) -> bool:
        return self._pending

    def _on_loaded(self, result) -> None:
        if result is None:
            return
        search, rows, total = result
        self._pending = False
        self._search = search
        self.model.set_rows(rows)
        more = total > len(rows)
        if search.strip():
            hits = sum(r.hits or 0 for r in rows)
            if not rows:
                text = self.tr("No source holds these words.")
            elif more:
                text = self.tr("the {shown} best of {total} sources, with {hits} hits").format(
                    shown=len(rows), total=f"{total:,}", hits=f"{hits:,}")
            else:
                text = self.tr("%n source(s) with {hits} hits", "", len(rows)).format(hits=f"{hits:,}")
        elif more:
            text = self.tr("the first {shown} of {total} sources").format(shown=len(rows), total=f"{total:,}")
        else:
            mine = sum(1 for r in rows if not r.is_seed)
            text = self.tr("%n source(s) ({mine} of them yours)", "", len(rows)).format(mine=mine)
        self.count_label.setText(text)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.loaded.emit()

    def rows(self) -> list[SourceRow]:
        return [self.model.row_at(i) for i in range(self.model.rowCount())]

    def open_row(self, index: QModelIndex | int) -> None:
        row = self.model.row_at(index if isinstance(index, int) else index.row())
        if row is None:
            return
        if self._search.strip() and row.hits:
            self.ctx.go(Target("source", row.id, extra=(("hits", self._search),)))
        else:
            self.ctx.go(Target("source", row.id))

    def _import(self) -> None:
        window = self.window()
        if hasattr(window, "import_sources"):
            window.import_sources()

    def _on_changed(self, changes) -> None:
        if changes.kinds & {"source", "corpus"} and self.isVisible():
            self.reload()
