"""The organisation page: what the organisation is (with the citation for its founding), its
parent and bodies, Azerbaijan's membership and status in it over time (strip and table), its
events, agreements, the sources that mention it, and the user's notes on it.

`MembershipSection` (strip + table) is shared with the country page.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QFormLayout, QHeaderView, QTableView, QVBoxLayout, QWidget

from ...core.query.records import MembershipView
from ...core.query.records import OrganisationPage as OrganisationRecord
from ..coding.own_buttons import OwnRecordButtons
from ..common.core_labels import cited_counts, date_label
from ..common.table_fit import fit_table
from ..common.widgets import PlainLabel
from ..shell.context import AppContext
from .links import CitationList, LinkList, RecordPage, add_row, citation_target, heading_label
from .membership_strip import MembershipStrip, MembershipTableModel, primary_citation


class MembershipSection(QWidget):
    """Memberships as a painted strip over time and as a table; both open the citing passage."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.strip = MembershipStrip(self)
        self.strip.citation_activated.connect(lambda ref: ctx.go(citation_target(ref)))
        self.model = MembershipTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # the quote takes the spare width; the table is as tall as its rows, so one line each
        self.fitter = fit_table(self.table, stretch=self.model.columnCount() - 1, two_lines=False)
        self.table.activated.connect(lambda index: self.open_row(index.row()))
        self.hint = PlainLabel(self.tr("Hover an interval for its dates, notes and quote; click it (or double-click "
                                       "a row) to read the citing passage in its source."), self)
        self.hint.setStyleSheet("color: palette(placeholder-text);")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.strip)
        layout.addWidget(self.hint)
        layout.addWidget(self.table)
        self.own_buttons = OwnRecordButtons(ctx, "membership", self.selected_membership, self)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.own_buttons.update_state())
        layout.addWidget(self.own_buttons)

    def selected_membership(self) -> MembershipView | None:
        index = self.table.currentIndex()
        return self.model.membership(index.row()) if index.isValid() else None

    def set_memberships(self, memberships: list[MembershipView]) -> None:
        self.strip.set_memberships(memberships)
        self.model.set_memberships(memberships)
        self.fitter.fit()
        rows = max(self.model.rowCount(), 1)
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height()
                                  + rows * self.table.verticalHeader().defaultSectionSize()
                                  + 2 * self.table.frameWidth() + 2)
        self.table.setVisible(bool(memberships))
        self.hint.setVisible(bool(memberships))
        self.own_buttons.setVisible(any(m.mine for m in memberships))
        self.own_buttons.update_state()

    def open_row(self, row: int) -> None:
        m = self.model.membership(row)
        ref = primary_citation(m) if m else None
        if ref is not None:
            self.ctx.go(citation_target(ref))


class OrganisationPage(RecordPage[OrganisationRecord]):
    kind = "organisation"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        body = self.body_widget
        self.name_label = heading_label("", body, size=1.5)
        self.body.addWidget(self.name_label)
        form = QFormLayout()
        self.kind_label = PlainLabel("", body)
        self.abbreviation_label = PlainLabel("", body)
        self.aliases_label = PlainLabel("", body)
        self.founded_label = PlainLabel("", body)
        self.founded_citations = CitationList(ctx, body, empty_text=self.tr("no citation for the founding date"))
        self.parent_list = LinkList(ctx, body, empty_text=self.tr("none (a top-level organisation)"))
        add_row(form, self.tr("Kind:"), self.kind_label)
        add_row(form, self.tr("Abbreviation:"), self.abbreviation_label)
        add_row(form, self.tr("Also known as:"), self.aliases_label)
        add_row(form, self.tr("Founded:"), self.founded_label)
        add_row(form, "", self.founded_citations)
        self._citations_row = form.rowCount() - 1
        self.parent_none = PlainLabel(self.tr("none (a top-level organisation)"), body)
        add_row(form, self.tr("Part of:"), self.parent_none)
        add_row(form, self.tr("Part of:"), self.parent_list)
        self._parent_rows = (form.rowCount() - 2, form.rowCount() - 1)
        self.form = form
        self.body.addLayout(form)
        self.description_label = PlainLabel("", body)
        self.body.addWidget(self.description_label)
        self.description_citations = CitationList(ctx, body, empty_text="")
        self.body.addWidget(self.description_citations)

        self.section(self.tr("Bodies"))
        self.bodies = LinkList(ctx, body, empty_text=self.tr("no bodies on record"))
        self.body.addWidget(self.bodies)
        self.own_buttons = OwnRecordButtons(ctx, "organisation", lambda: self.record, body)
        self.body.insertWidget(1, self.own_buttons)
        self.relationship_heading = self.section(self.tr("Membership and status over time"))
        self.memberships = MembershipSection(ctx, body)
        self.body.addWidget(self.memberships)
        self.events = self.events_section(self.tr("Events (including its bodies)"))
        self.section(self.tr("Agreements"))
        self.agreements = LinkList(ctx, body, empty_text=self.tr("no agreements on record"))
        self.body.addWidget(self.agreements)
        self.section(self.tr("Sources that mention it"))
        self.sources = LinkList(ctx, body, empty_text=self.tr("no source cites its events"))
        self.body.addWidget(self.sources)
        self.notes = self.notes_section(self.tr("Your notes on this organisation"))

    def record_title(self, record: OrganisationRecord) -> str:
        return f"{record.name} ({record.abbreviation})" if record.abbreviation else record.name

    def _load(self, record_id: str) -> OrganisationRecord:
        return self.ctx.library.organisation(record_id)

    def _fill(self, r: OrganisationRecord) -> None:
        self.own_buttons.setVisible(r.mine)
        self.own_buttons.update_state()
        self.name_label.setText(self.record_title(r))
        self.kind_label.setText(r.kind.replace("_", " "))
        self.abbreviation_label.setText(r.abbreviation or self.tr("none"))
        self.aliases_label.setText(", ".join(r.aliases) or self.tr("none"))
        self.founded_label.setText(f"{date_label(r.founded) or r.founded_label}  ({r.founded})" if r.founded
                                   else self.tr("not stated in the sources"))
        self.founded_citations.set_citations(r.founded_citations)
        self.form.setRowVisible(self._citations_row, bool(r.founded or r.founded_citations))
        self.parent_list.set_links([r.parent] if r.parent else [])
        self.form.setRowVisible(self._parent_rows[0], r.parent is None)
        self.form.setRowVisible(self._parent_rows[1], r.parent is not None)
        self.description_label.setText(r.description or "")
        self.description_label.setVisible(bool(r.description))
        self.description_citations.set_citations(r.description_citations)
        self.description_citations.setVisible(bool(r.description_citations))
        self.bodies.set_links(r.bodies)
        countries = {m.country.label for m in r.memberships}
        self.relationship_heading.setText(
            self.tr("{country}'s relationship over time").format(country=countries.pop()) if len(countries) == 1
            else self.tr("Membership and status over time"))
        self.memberships.set_memberships(r.memberships)
        self.show_events(self.events, r.event_filter)
        self.agreements.set_links(r.agreements)
        self.sources.set_links(r.sources, lambda link: self.tr("{source} — {what} cited").format(
            source=link.label, what=cited_counts(link)) if link.role else link.label)
        self.notes.set_target("organisation", r.id)
