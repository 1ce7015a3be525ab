"""The agreement page: what the agreement is, its parties, its life cycle as dated steps (each
with the date as the source words it and the quotes that support or dispute it, one click
from the source), the related events and the user's notes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QFormLayout, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from ...core.query.records import AgreementPage as AgreementRecord
from ...core.query.records import Link, StepView
from ..coding.own_buttons import OwnRecordButtons
from ..coding.vocabulary import QT_TRANSLATE_NOOP, agreement_kind, grade_text, step_kind
from ..common.colours import colour_item
from ..common.core_labels import date_label
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
    quote_tooltip,
)


def _children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    return [child for j in range(item.childCount()) if (child := item.child(j)) is not None]

TARGET_ROLE = Qt.ItemDataRole.UserRole
STEP_ROLE = Qt.ItemDataRole.UserRole + 1


def event_label(link: Link) -> str:
    """An event link's label ("EDTF  title") with the date in words, in the interface's language."""
    date, sep, title = link.label.partition("  ")
    return f"{date_label(date)} — {title}" if sep else link.label


class StepTree(QTreeWidget):
    """Life-cycle steps, one row each, with their citations (and notes) as child rows; a click
    or Enter on a citation opens the source at that passage."""

    opened = Signal(object)  # Target
    HEADERS = (QT_TRANSLATE_NOOP("StepTree", "Step"), QT_TRANSLATE_NOOP("StepTree", "Date"),
               QT_TRANSLATE_NOOP("StepTree", "As written in the source"), QT_TRANSLATE_NOOP("StepTree", "Who"),
               QT_TRANSLATE_NOOP("StepTree", "Evidence"))

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setColumnCount(len(self.HEADERS))
        self.setHeaderLabels([QCoreApplication.translate("StepTree", h) for h in self.HEADERS])
        self.setRootIsDecorated(True)
        self.setWordWrap(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.itemClicked.connect(self._open)
        self.setAccessibleName(self.tr("Life-cycle steps"))

    def set_steps(self, steps: list[StepView]) -> None:
        self.clear()
        for s in steps:
            step = self.tr("{step} (yours)").format(step=step_kind(s.step)) if s.mine else step_kind(s.step)
            shown = date_label(s.date) or s.date_label
            item = QTreeWidgetItem([step, shown,
                                    " ".join((s.date_text or "").split()),
                                    s.country.label if s.country else "", grade_text(s.evidence)])
            item.setData(0, STEP_ROLE, s)
            tip = [self.tr("{step}: {date} (EDTF {edtf})").format(step=step_kind(s.step), date=shown,
                                                                  edtf=s.date)]
            if s.date_text:
                tip.append(self.tr("As written: {text}").format(text=s.date_text))
            if s.date_note:
                tip.append(self.tr("Date note: {note}").format(note=s.date_note))
            if s.disputed:
                tip.append(self.tr("Disputed: {why}").format(
                    why=s.dispute_note or self.tr("another source contradicts this")))
            for column in range(self.columnCount()):
                item.setToolTip(column, plain_tooltip("\n".join(tip)))
            if s.disputed:
                colour_item(self, item, "alert", 4)
            self.addTopLevelItem(item)
            for ref in s.citations:
                child = QTreeWidgetItem([citation_text(ref, 220)])
                child.setData(0, TARGET_ROLE, citation_target(ref))
                colour_item(self, child, "alert" if ref.stance == "contradicts" else "link")
                child.setToolTip(0, plain_tooltip(quote_tooltip(ref)))
                item.addChild(child)
                child.setFirstColumnSpanned(True)
            for caption, note in ((self.tr("date note: {note}"), s.date_note),
                                  (self.tr("dispute: {note}"), s.dispute_note)):
                if note:
                    child = QTreeWidgetItem([caption.format(note=note)])
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
        add_row(form, self.tr("Kind:"), self.kind_label)
        self.body.addLayout(form)
        self.summary_label = PlainLabel("", body)
        self.body.addWidget(self.summary_label)
        self.section(self.tr("Parties"))
        self.parties = LinkList(ctx, body, empty_text=self.tr("no parties on record"))
        self.body.addWidget(self.parties)
        self.section(self.tr("Life cycle"))
        self.body.addWidget(PlainLabel(self.tr("Each step with the quotes it rests on; click a quote to read it in "
                                               "its source."), body))
        self.steps = StepTree(body)
        self.steps.opened.connect(ctx.go)
        self.body.addWidget(self.steps)
        self.step_buttons = OwnRecordButtons(ctx, "step", self.steps.selected_step, body)
        self.steps.currentItemChanged.connect(lambda *_: self.step_buttons.update_state())
        self.body.addWidget(self.step_buttons)
        self.section(self.tr("Related events"))
        self.events = LinkList(ctx, body, empty_text=self.tr("no events on record"), max_rows=12)
        self.body.addWidget(self.events)
        self.notes = self.notes_section(self.tr("Your notes on this agreement"))

    def record_title(self, record: AgreementRecord) -> str:
        return record.title

    def _load(self, record_id: str) -> AgreementRecord:
        return self.ctx.library.agreement(record_id)

    def _fill(self, r: AgreementRecord) -> None:
        self.title_label.setText(r.title)
        kind = agreement_kind(r.kind)
        self.kind_label.setText(self.tr("{kind} · yours").format(kind=kind) if r.mine else
                                self.tr("{kind} · dropped by a newer corpus, kept for your records").format(kind=kind)
                                if r.retired else kind)
        self.summary_label.setText(r.summary or "")
        self.parties.set_links(r.parties)
        self.steps.set_steps(r.steps)
        self.step_buttons.update_state()
        self.events.set_links(r.events, event_label)
        self.notes.set_target("agreement", r.id)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.steps.fit_height()  # row heights are only known once the tree is laid out
