"""The agreement page: what the agreement is, its parties, its life cycle as dated steps (each
with the date as the source words it and the quotes that support or dispute it, one click
from the source), the related events and the user's notes."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QFormLayout, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from ...core.corpus.dates import DateError
from ...core.corpus.dates import describe as describe_date
from ...core.corpus.evidence import grade_text
from ...core.query.records import AgreementPage as AgreementRecord
from ...core.query.records import Link, StepView
from ...core.research.quotes import as_prose
from ..coding.own_buttons import OwnRecordButtons
from ..common.colours import colour_item
from ..common.widgets import PlainLabel, plain_tooltip
from ..shell.context import AppContext
from ..shell.navigation import Target
from .links import (
    LinkList,
    RecordPage,
    add_row,
    citation_target,
    citation_text,
    heading_label,
    reliability_note,
)


def _children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    return [child for j in range(item.childCount()) if (child := item.child(j)) is not None]

TARGET_ROLE = Qt.ItemDataRole.UserRole
STEP_ROLE = Qt.ItemDataRole.UserRole + 1


def event_label(link: Link) -> str:
    """An event link's label ("EDTF  title") with the date in words."""
    date, sep, title = link.label.partition("  ")
    try:
        return f"{describe_date(date)} — {title}" if sep else link.label
    except DateError:
        return link.label


class StepTree(QTreeWidget):
    """Life-cycle steps, one row each, with their citations (and notes) as child rows; a click
    or Enter on a citation opens the source at that passage."""

    opened = Signal(object)  # Target
    HEADERS = ("Step", "Date", "As written in the source", "Who", "Evidence")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setColumnCount(len(self.HEADERS))
        self.setHeaderLabels(list(self.HEADERS))
        self.setRootIsDecorated(True)
        self.setWordWrap(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.itemClicked.connect(self._open)
        self.setAccessibleName("Life-cycle steps")

    def set_steps(self, steps: list[StepView]) -> None:
        self.clear()
        for s in steps:
            item = QTreeWidgetItem([s.step.replace("_", " ") + (" (yours)" if s.mine else ""), s.date_label,
                                    " ".join((s.date_text or "").split()),
                                    s.country.label if s.country else "", grade_text(s.evidence)])
            item.setData(0, STEP_ROLE, s)
            tip = [f"{s.step.replace('_', ' ')}: {s.date_label} (EDTF {s.date})"]
            if s.date_text:
                tip.append(f"As written: {s.date_text}")
            if s.date_note:
                tip.append(f"Date note: {s.date_note}")
            if s.disputed:
                tip.append(f"Disputed: {s.dispute_note or 'another source contradicts this'}")
            for column in range(self.columnCount()):
                item.setToolTip(column, plain_tooltip("\n".join(tip)))
            if s.disputed:
                colour_item(self, item, "alert", 4)
            self.addTopLevelItem(item)
            for ref in s.citations:
                child = QTreeWidgetItem([citation_text(ref, 220)])
                child.setData(0, TARGET_ROLE, citation_target(ref))
                colour_item(self, child, "alert" if ref.stance == "contradicts" else "link")
                child.setToolTip(0, plain_tooltip(f"{ref.stance}: “{as_prose(ref.quote)}”\n\n{ref.source_title}"
                                                  f"{reliability_note(ref)}\n"
                                                  "Click to open the source at this passage."))
                item.addChild(child)
                child.setFirstColumnSpanned(True)
            for caption, note in (("date note", s.date_note), ("dispute", s.dispute_note)):
                if note:
                    child = QTreeWidgetItem([f"{caption}: {note}"])
                    child.setToolTip(0, plain_tooltip(note))
                    item.addChild(child)
                    child.setFirstColumnSpanned(True)
            item.setExpanded(True)
        self.resizeColumnToContents(1)
        self.resizeColumnToContents(3)
        self.setColumnWidth(0, max(self.columnWidth(0), 170))
        self.setColumnWidth(2, 220)
        self.fit_height()

    def fit_height(self) -> None:
        height = self.header().sizeHint().height() + 2 * self.frameWidth() + 4
        for item in self.step_items():
            height += self.visualItemRect(item).height() or self.sizeHintForRow(0)
            for child in _children(item):
                height += self.visualItemRect(child).height() or self.sizeHintForRow(0)
        self.setFixedHeight(max(height, 60))

    def citation_targets(self) -> list[Target]:
        return [t for item in self.step_items() for child in _children(item) if (t := child.data(0, TARGET_ROLE))]

    def step_items(self) -> list[QTreeWidgetItem]:
        """The top-level items, one per step."""
        return [item for i in range(self.topLevelItemCount()) if (item := self.topLevelItem(i)) is not None]

    def selected_step(self) -> StepView | None:
        item = self.currentItem()
        while item is not None and item.data(0, STEP_ROLE) is None:
            item = item.parent()
        return item.data(0, STEP_ROLE) if item is not None else None

    def keyPressEvent(self, event) -> None:
        current = self.currentItem()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and current is not None:
            self._open(current)
            return
        super().keyPressEvent(event)

    def _open(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        target = item.data(0, TARGET_ROLE)
        if target is not None:
            self.opened.emit(target)


class AgreementPage(RecordPage[AgreementRecord]):
    kind = "agreement"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        body = self.body_widget
        self.title_label = heading_label("", body, size=1.5)
        self.body.addWidget(self.title_label)
        form = QFormLayout()
        self.kind_label = PlainLabel("", body)
        add_row(form, "Kind:", self.kind_label)
        self.body.addLayout(form)
        self.summary_label = PlainLabel("", body)
        self.body.addWidget(self.summary_label)
        self.section("Parties")
        self.parties = LinkList(ctx, body, empty_text="no parties on record")
        self.body.addWidget(self.parties)
        self.section("Life cycle")
        self.body.addWidget(PlainLabel("Each step with the quotes it rests on; click a quote to read it in its "
                                       "source.", body))
        self.steps = StepTree(body)
        self.steps.opened.connect(ctx.go)
        self.body.addWidget(self.steps)
        self.step_buttons = OwnRecordButtons(ctx, "step", self.steps.selected_step, body)
        self.steps.currentItemChanged.connect(lambda *_: self.step_buttons.update_state())
        self.body.addWidget(self.step_buttons)
        self.section("Related events")
        self.events = LinkList(ctx, body, empty_text="no events on record", max_rows=12)
        self.body.addWidget(self.events)
        self.notes = self.notes_section("Your notes on this agreement")

    def record_title(self, record: AgreementRecord) -> str:
        return record.title

    def _load(self, record_id: str) -> AgreementRecord:
        return self.ctx.library.agreement(record_id)

    def _fill(self, r: AgreementRecord) -> None:
        self.title_label.setText(r.title)
        origin = " · yours" if r.mine else (" · dropped by a newer corpus, kept for your records" if r.retired else "")
        self.kind_label.setText(r.kind.replace("_", " ") + origin)
        self.summary_label.setText(r.summary or "")
        self.parties.set_links(r.parties)
        self.steps.set_steps(r.steps)
        self.step_buttons.update_state()
        self.events.set_links(r.events, event_label)
        self.notes.set_target("agreement", r.id)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.steps.fit_height()  # row heights are only known once the tree is laid out
