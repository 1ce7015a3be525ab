"""The pages of the actors: a country (its memberships over time, agreements, events and the
user's notes) and a person (office, aliases, events and notes)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QWidget

from ...core.query.records import CountryPage as CountryRecord
from ...core.query.records import PersonPage as PersonRecord
from ..coding.own_buttons import OwnRecordButtons
from ..common.widgets import PlainLabel
from ..shell.context import AppContext
from .links import LinkList, RecordPage, add_row, heading_label
from .organisation_page import MembershipSection


class CountryPage(RecordPage[CountryRecord]):
    kind = "country"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        body = self.body_widget
        self.name_label = heading_label("", body, size=1.5)
        self.body.addWidget(self.name_label)
        self.own_buttons = OwnRecordButtons(ctx, "country", lambda: self.record, body)
        self.body.addWidget(self.own_buttons)
        form = QFormLayout()
        self.aliases_label = PlainLabel("", body)
        add_row(form, self.tr("Also known as:"), self.aliases_label)
        self.body.addLayout(form)
        self.section(self.tr("Membership and status in organisations over time"))
        self.memberships = MembershipSection(ctx, body)
        self.body.addWidget(self.memberships)
        self.section(self.tr("Agreements"))
        self.agreements = LinkList(ctx, body, empty_text=self.tr("no agreements on record"), max_rows=12)
        self.body.addWidget(self.agreements)
        self.events = self.events_section(self.tr("Events"))
        self.notes = self.notes_section(self.tr("Your notes on this country"))

    def record_title(self, record: CountryRecord) -> str:
        return record.name

    def _load(self, record_id: str) -> CountryRecord:
        return self.ctx.library.country(record_id)

    def _fill(self, r: CountryRecord) -> None:
        self.name_label.setText(r.name)
        self.own_buttons.setVisible(r.mine)
        self.own_buttons.update_state()
        self.aliases_label.setText(", ".join(r.aliases) or self.tr("none"))
        self.memberships.set_memberships(r.memberships)
        self.agreements.set_links(r.agreements)
        self.show_events(self.events, r.event_filter)
        self.notes.set_target("country", r.id)


class PersonPage(RecordPage[PersonRecord]):
    kind = "person"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        body = self.body_widget
        self.name_label = heading_label("", body, size=1.5)
        self.body.addWidget(self.name_label)
        self.own_buttons = OwnRecordButtons(ctx, "person", lambda: self.record, body)
        self.body.addWidget(self.own_buttons)
        form = QFormLayout()
        self.office_label = PlainLabel("", body)
        self.aliases_label = PlainLabel("", body)
        add_row(form, self.tr("Office:"), self.office_label)
        add_row(form, self.tr("Also known as:"), self.aliases_label)
        self.body.addLayout(form)
        self.events = self.events_section(self.tr("Events"))
        self.notes = self.notes_section(self.tr("Your notes on this person"))

    def record_title(self, record: PersonRecord) -> str:
        return record.name

    def _load(self, record_id: str) -> PersonRecord:
        return self.ctx.library.person(record_id)

    def _fill(self, r: PersonRecord) -> None:
        self.name_label.setText(r.name)
        self.own_buttons.setVisible(r.mine)
        self.own_buttons.update_state()
        self.office_label.setText(r.office or self.tr("not stated"))
        self.aliases_label.setText(", ".join(r.aliases) or self.tr("none"))
        self.show_events(self.events, r.event_filter)
        self.notes.set_target("person", r.id)
