"""The dialogs that record what a passage says: a new (or edited) event, an agreement step
(of an existing agreement or a new one), a membership status, a citation of the passage for
any record, and a new organisation, country or person.

Each dialog saves through the function it is given when OK is pressed: `save()` reads the form
on the GUI thread and returns the work that writes it, which runs off the GUI thread (the
runner's `Task`); the dialog closes when the work is done. A refusal — the form's or the
core's — is shown in the dialog, in one line, and nothing is lost: the dialog stays open with
what was typed. The type-ahead lists and the cite dialog's search read in the background too.
Everything from the data is shown as plain text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.corpus import models as m
from ...core.corpus.dates import DateError, parse_user_date
from ...core.research.choices import Choice
from ...core.research.date_proposal import DateProposal
from ...core.research.drafts import (
    ActorDraft,
    AgreementDraft,
    EventDraft,
    MembershipDraft,
    RecordView,
    StepDraft,
)
from ..common.colours import show_as_alert
from ..common.core_labels import date_label
from ..common.widgets import PlainLabel
from ..shell.context import AppContext
from ..shell.runner import LatestCall, Task
from . import vocabulary as vocab
from .pickers import ID_ROLE, ChoicePicker, choice_text
from .undo_records import phrase
from .vocabulary import QT_TRANSLATE_NOOP

Work = Callable[[], Any]  # a write, run off the GUI thread


def words(value: str) -> str:
    return value.replace("_", " ")


def _combo(values: tuple[str, ...], parent: QWidget, current: str | None = None, shown=words) -> QComboBox:
    """A combo box of stored values, each shown as `shown(value)` (its translated words)."""
    box = QComboBox(parent)
    for v in values:
        box.addItem(shown(v), v)
    if current in values:
        box.setCurrentIndex(values.index(current))
    return box


class QuoteBox(QFrame):
    """The passage being recorded, quoted."""

    def __init__(self, quote: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        lay = QVBoxLayout(self)
        shown = " ".join(quote.split())
        self.label = PlainLabel(f"“{shown[:600]}{'…' if len(shown) > 600 else ''}”", self)
        font = self.label.font()
        font.setItalic(True)
        self.label.setFont(font)
        lay.addWidget(self.label)


class DateField(QWidget):
    """An EDTF date or words, with what the app reads it as shown beside it."""

    def __init__(self, parent: QWidget | None = None, *, optional: bool = False):
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("e.g. 1994-05-04, 1997-11, spring 1998, 1994~ (blank: not known)")
                                     if optional else self.tr("e.g. 1994-05-04, 1997-11, spring 1998, 1994~"))
        self.edit.setAccessibleName(self.tr("Date"))
        self.reading = PlainLabel("", self)
        self.reading.setEnabled(False)
        lay.addWidget(self.edit)
        lay.addWidget(self.reading)
        self.edit.textChanged.connect(self._read)

    def text(self) -> str:
        return self.edit.text().strip()

    def set_text(self, value: str | None) -> None:
        self.edit.setText(value or "")
        self._read(value or "")

    def _read(self, value: str) -> None:
        if not value.strip():
            self.reading.setText("")
            return
        try:
            d = parse_user_date(value.strip())
            self.reading.setText(f"{date_label(d.edtf)}  ({d.edtf}; {d.start_iso} – {d.end_iso})")
        except DateError as exc:
            self.reading.setText(self.tr("not a date the app can read: {reason}").format(reason=exc))


class _RecordDialog(QDialog):
    """A form with an error line and OK / Cancel; OK runs `save`, which may refuse."""

    saveFinished = Signal()  # the background save came back (saved or refused)

    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None = None, quote: str | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.resize(620, 640)
        self.made: list[RecordView] = []  # organisations, countries, people made on the spot
        self.made_steps: dict[str, str] = {}  # agreement made on the spot -> its first step
        # what the save's work gave: the record view of an actor dialog, (view, changes, undo
        # command maker) of the others
        self.result_view: Any = None
        # `save()` reads the form (GUI thread) and returns the work that writes it (a worker)
        self.save: Callable[[], Work] | None = None
        self.after_save: Callable[[Any], None] | None = None  # on the GUI thread, with the work's result
        self.saving = False  # a plain attribute: readable after the dialog is gone
        self._task: Task | None = None
        outer = QVBoxLayout(self)
        if quote is not None:
            outer.addWidget(QuoteBox(quote, self))
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(scroll)
        scroll.setWidget(body)
        self.form = QFormLayout(body)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        outer.addWidget(scroll, 1)
        self.error = PlainLabel("", self)
        self.error.setObjectName("dialogError")
        show_as_alert(self.error)
        outer.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)

    def lookup(self, kind: str, typed: str) -> list[Choice]:
        return self.ctx.library.choices(kind, typed)

    def make_actor(self, kind: str, typed: str) -> Choice | None:
        dialog = ActorDialog(self.ctx, kind, typed, self)
        self.actor_dialog: ActorDialog | None = dialog  # reachable while open (tests drive it)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.result_view is None:
                return None
        finally:
            self.actor_dialog = None
        view = dialog.result_view[0]
        self.made.append(view)
        return Choice(kind, view.id, view.label, "", True)

    def picker(self, kind: str, *, multi: bool = True, new: bool = True, label: str | None = None) -> ChoicePicker:
        return ChoicePicker(self.lookup, kind, multi=multi, make_new=self.make_actor if new else None,
                            parent=self, label=label)

    def accept(self) -> None:
        if self.saving:
            return
        self.error.setText("")
        if self.save is None:
            super().accept()
            return
        try:
            work = self.save()
        except Exception as exc:  # the form is not complete: say why, keep what was typed
            self.error.setText(QCoreApplication.translate("RecordDialog", "Not saved: {reason}").format(reason=exc))
            return
        self.saving = True
        self.buttons.setEnabled(False)
        self._task = Task(lambda _progress: work(), describe_error=lambda exc: str(exc) or type(exc).__name__)
        self._task.signals.done.connect(self._saved, Qt.ConnectionType.QueuedConnection)
        self._task.signals.failed.connect(self._refused, Qt.ConnectionType.QueuedConnection)
        self._task.start()

    def reject(self) -> None:
        if self.saving:  # the save is on its way: closing now would lose its undo step
            return
        super().reject()

    def _saved(self, result: Any) -> None:
        self.saving = False
        self.buttons.setEnabled(True)
        self.result_view = result
        if self.after_save is not None:
            self.after_save(result)
        self.saveFinished.emit()
        super().accept()

    def _refused(self, message: str, _exc: object = None) -> None:
        self.saving = False
        self.buttons.setEnabled(True)
        self.error.setText(QCoreApplication.translate("RecordDialog", "Not saved: {reason}").format(
            reason=message))  # the core says why, in one line; what was typed stays
        self.saveFinished.emit()


class ActorDialog(_RecordDialog):
    """A new organisation (with its parent body), country or person."""

    def __init__(self, ctx: AppContext, kind: str, name: str = "", parent: QWidget | None = None, *,
                 draft: ActorDraft | None = None):
        super().__init__(ctx, phrase("edit" if draft else "new", kind), parent)
        self.resize(460, 300)
        self.kind = kind
        self.name = QLineEdit(draft.name if draft else name, self)
        self.form.addRow(self.tr("Name:"), self.name)
        self.abbreviation = QLineEdit(self)
        self.org_kind = QLineEdit("organisation", self)  # a stored value, as the corpus spells it
        self.parent_picker = ChoicePicker(self.lookup, "organisation", multi=False, parent=self,
                                          label=self.tr("parent body"))
        self.office = QLineEdit(self)
        self.code = QLineEdit(self)
        self.code.setMaxLength(8)
        if kind == "organisation":
            self.form.addRow(self.tr("Abbreviation:"), self.abbreviation)
            self.form.addRow(self.tr("Kind:"), self.org_kind)
            self.form.addRow(self.tr("Body of:"), self.parent_picker)
        elif kind == "person":
            self.form.addRow(self.tr("Office:"), self.office)
        else:
            self.code.setPlaceholderText(self.tr("ISO code, e.g. KZ (blank: made up)"))
            self.form.addRow(self.tr("Code:"), self.code)
        for w in (self.abbreviation, self.org_kind, self.office, self.code):
            if self.form.indexOf(w) < 0:
                w.hide()
        if draft is not None:
            self.abbreviation.setText(draft.abbreviation or "")
            self.org_kind.setText(draft.org_kind or "organisation")
            self.office.setText(draft.office or "")
            self.code.setText(draft.id or "")
            self.code.setEnabled(False)  # an id is for good: records point at it
            if draft.parent_id:
                self.parent_picker.set_ids((draft.parent_id,))
        self.aliases = tuple(draft.aliases) if draft else ()
        self.save = self._save
        self.after_save = lambda made: self.ctx.emit_changes(made[1])

    def draft(self) -> ActorDraft:
        parent = self.parent_picker.ids()
        return ActorDraft(self.kind, self.name.text(), self.abbreviation.text() or None,
                          parent[0] if parent else None, self.org_kind.text() or "organisation",
                          self.office.text() or None, self.aliases, self.code.text().strip() or None)

    def _save(self) -> Work:
        draft, library = self.draft(), self.ctx.library
        return lambda: library.create_actor(draft)  # (view, changes)


class EventDialog(_RecordDialog):
    """A new event from a passage (the date proposed from its words), or one of the user's
    events edited (`draft` given)."""

    def __init__(self, ctx: AppContext, *, quote: str | None = None, proposals: Sequence[DateProposal] = (),
                 draft: EventDraft | None = None, parent: QWidget | None = None, cites=()):
        super().__init__(ctx, self.tr("Edit event") if draft else self.tr("New event from selection"), parent, quote)
        self.proposals = list(proposals)
        self.cites = list(cites)  # the selection: an agreement made on the spot cites it too
        self.title_edit = QLineEdit(self)
        self.title_edit.setAccessibleName(self.tr("Title"))
        self.form.addRow(self.tr("Title:"), self.title_edit)
        self.date = DateField(self)
        self.form.addRow(self.tr("Date:"), self.date)
        self.proposal_box = QComboBox(self)
        self.proposal_box.setAccessibleName(self.tr("Dates found in the selection"))
        for p in self.proposals:
            self.proposal_box.addItem(f"“{p.text}” → {p.label}", p)
        self.proposal_box.setVisible(len(self.proposals) > 1)
        if len(self.proposals) > 1:
            self.form.addRow(self.tr("Found:"), self.proposal_box)
        self.date_text = QLineEdit(self)
        self.date_text.setPlaceholderText(self.tr("the source's own words for the date"))
        self.form.addRow(self.tr("Date as written:"), self.date_text)
        self.date_note = QLineEdit(self)
        self.date_note.setPlaceholderText(self.tr("how the date was worked out"))
        self.form.addRow(self.tr("Date note:"), self.date_note)
        self.kind = _combo(m.EVENT_KINDS, self, draft.kind if draft else "other", vocab.event_kind)
        self.kind.setAccessibleName(self.tr("Kind"))
        self.form.addRow(self.tr("Kind:"), self.kind)
        self.summary = QPlainTextEdit(self)
        self.summary.setTabChangesFocus(True)
        self.summary.setMaximumHeight(80)
        self.form.addRow(self.tr("Summary:"), self.summary)
        self.location = QLineEdit(self)
        self.form.addRow(self.tr("Location:"), self.location)
        self.organisations = self.picker("organisation", label=self.tr("organisations"))
        self.form.addRow(self.tr("Organisations:"), self.organisations)
        self.countries = self.picker("country", label=self.tr("countries"))
        self.form.addRow(self.tr("Countries:"), self.countries)
        self.people = self.picker("person", label=self.tr("people"))
        self.form.addRow(self.tr("People:"), self.people)
        self.agreements = ChoicePicker(self.lookup, "agreement", parent=self, label=self.tr("agreements"),
                                       make_new=self.make_agreement if self.cites else None)
        self.form.addRow(self.tr("Agreements:"), self.agreements)
        self.proposal_box.currentIndexChanged.connect(self._use_proposal)
        if draft is not None:
            self.title_edit.setText(draft.title)
            self.date.set_text(draft.date)
            self.date_text.setText(draft.date_text or "")
            self.date_note.setText(draft.date_note or "")
            self.summary.setPlainText(draft.summary)
            self.location.setText(draft.location or "")
            self.organisations.set_ids(draft.organisations)
            self.countries.set_ids(draft.countries)
            self.people.set_ids(draft.people)
            self.agreements.set_ids(draft.agreements)
        elif self.proposals:
            self._use_proposal(0)
        self.title_edit.setFocus()

    def make_agreement(self, _kind: str, typed: str) -> Choice | None:
        """A new agreement named in the selection, with its first step citing the same passage."""
        dialog = StepDialog(self.ctx, parent=self, new_agreement=typed)
        dialog.date.set_text(self.date.text())
        dialog.date_text.setText(self.date_text.text())
        cites, library = self.cites, self.ctx.library

        def save() -> Work:
            agreement, step = dialog.agreement_draft(), dialog.draft()

            def work():
                view, changes = library.create_agreement(agreement, step, cites)
                return view, changes, library.agreement(view.id).steps[0].id

            return work

        dialog.save = save
        dialog.after_save = lambda made: self.ctx.emit_changes(made[1])
        self.agreement_dialog: StepDialog | None = dialog  # reachable while open (tests drive it)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.result_view is None:
                return None
        finally:
            self.agreement_dialog = None
        view, _changes, step_id = dialog.result_view
        self.made.append(view)
        self.made_steps[view.id] = step_id
        return Choice("agreement", view.id, view.label, "", True)

    def _use_proposal(self, index: int) -> None:
        if 0 <= index < len(self.proposals):
            p = self.proposals[index]
            self.date.set_text(p.edtf)
            self.date_text.setText(p.text)
            self.date_note.setText(p.note or "")

    def draft(self) -> EventDraft:
        return EventDraft(self.title_edit.text(), self.date.text(), self.kind.currentData(),
                          self.summary.toPlainText(), self.location.text() or None, self.date_text.text() or None,
                          self.date_note.text() or None, self.organisations.ids(), self.countries.ids(),
                          self.people.ids(), self.agreements.ids())


class StepDialog(_RecordDialog):
    """A step (signed, ratified, …) of an agreement: an existing one, or a new one made here."""

    def __init__(self, ctx: AppContext, *, quote: str | None = None, proposals: Sequence[DateProposal] = (),
                 draft: StepDraft | None = None, parent: QWidget | None = None, new_agreement: str | None = None):
        title = (self.tr("Edit agreement step") if draft else self.tr("New agreement") if new_agreement is not None
                 else self.tr("New agreement / agreement step from selection"))
        super().__init__(ctx, title, parent, quote)
        self.existing = QRadioButton(self.tr("An agreement already recorded"), self)
        self.new = QRadioButton(self.tr("A new agreement"), self)
        group = QButtonGroup(self)
        group.addButton(self.existing)
        group.addButton(self.new)
        row = QHBoxLayout()
        row.addWidget(self.existing)
        row.addWidget(self.new)
        self.form.addRow(self.tr("Step of:"), row)
        self.which = QStackedWidget(self)
        self.agreement = ChoicePicker(self.lookup, "agreement", multi=False, parent=self.which,
                                      label=self.tr("agreement"))
        self.which.addWidget(self.agreement)
        new_box = QWidget(self.which)
        new_form = QFormLayout(new_box)
        new_form.setContentsMargins(0, 0, 0, 0)
        self.agreement_title = QLineEdit(new_box)
        self.agreement_title.setAccessibleName(self.tr("Agreement title"))
        new_form.addRow(self.tr("Title:"), self.agreement_title)
        self.agreement_kind = _combo(m.AGREEMENT_KINDS, new_box, "agreement", vocab.agreement_kind)
        new_form.addRow(self.tr("Kind:"), self.agreement_kind)
        self.party_countries = self.picker("country", label=self.tr("parties (countries)"))
        new_form.addRow(self.tr("Countries:"), self.party_countries)
        self.party_orgs = self.picker("organisation", label=self.tr("parties (organisations)"))
        new_form.addRow(self.tr("Organisations:"), self.party_orgs)
        self.which.addWidget(new_box)
        self.form.addRow("", self.which)
        self.step = _combo(m.STEP_KINDS, self, draft.step if draft else "signed", vocab.step_kind)
        self.step.setAccessibleName(self.tr("Step"))
        self.form.addRow(self.tr("Step:"), self.step)
        self.date = DateField(self)
        self.form.addRow(self.tr("Date:"), self.date)
        self.date_text = QLineEdit(self)
        self.form.addRow(self.tr("Date as written:"), self.date_text)
        self.date_note = QLineEdit(self)
        self.form.addRow(self.tr("Date note:"), self.date_note)
        self.country = self.picker("country", multi=False, label=self.tr("the country that took the step"))
        self.form.addRow(self.tr("Country:"), self.country)
        self.existing.toggled.connect(lambda on: self.which.setCurrentIndex(0 if on else 1))
        self.existing.setChecked(True)
        if draft is not None:
            self.agreement.set_ids((draft.agreement_id,))
            self.new.setEnabled(False)
            self.date.set_text(draft.date)
            self.date_text.setText(draft.date_text or "")
            self.date_note.setText(draft.date_note or "")
            if draft.country_id:
                self.country.set_ids((draft.country_id,))
        elif proposals:
            self.date.set_text(proposals[0].edtf)
            self.date_text.setText(proposals[0].text)
            self.date_note.setText(proposals[0].note or "")
        if new_agreement is not None:  # made on the spot from another dialog: a new one only
            self.new.setChecked(True)
            self.existing.setEnabled(False)
            self.agreement_title.setText(new_agreement)

    def is_new_agreement(self) -> bool:
        return self.new.isChecked()

    def agreement_draft(self) -> AgreementDraft:
        return AgreementDraft(self.agreement_title.text(), self.agreement_kind.currentData(),
                              countries=self.party_countries.ids(), organisations=self.party_orgs.ids())

    def draft(self) -> StepDraft:
        agreement = self.agreement.ids()
        country = self.country.ids()
        return StepDraft(agreement[0] if agreement and not self.is_new_agreement() else "",
                         self.step.currentData(), self.date.text(), country[0] if country else None,
                         self.date_text.text() or None, self.date_note.text() or None)


class MembershipDialog(_RecordDialog):
    def __init__(self, ctx: AppContext, *, quote: str | None = None, proposals: Sequence[DateProposal] = (),
                 draft: MembershipDraft | None = None, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Edit membership status") if draft
                         else self.tr("New membership status from selection"), parent, quote)
        self.country = self.picker("country", multi=False, label=self.tr("country"))
        self.form.addRow(self.tr("Country:"), self.country)
        self.organisation = self.picker("organisation", multi=False, label=self.tr("organisation"))
        self.form.addRow(self.tr("Organisation:"), self.organisation)
        self.status = _combo(m.MEMBERSHIP_STATUSES, self, draft.status if draft else "member", vocab.membership_status)
        self.status.setAccessibleName(self.tr("Status"))
        self.form.addRow(self.tr("Status:"), self.status)
        self.start = DateField(self, optional=True)
        self.form.addRow(self.tr("From:"), self.start)
        self.end = DateField(self, optional=True)
        self.end.edit.setPlaceholderText(self.tr("blank: still so at the source's date"))
        self.form.addRow(self.tr("Until:"), self.end)
        self.note = QLineEdit(self)
        self.form.addRow(self.tr("Note:"), self.note)
        if draft is not None:
            self.country.set_ids((draft.country_id,))
            self.organisation.set_ids((draft.organisation_id,))
            self.start.set_text(draft.start)
            self.end.set_text(draft.end)
            self.note.setText(draft.note or "")
        elif proposals:
            self.start.set_text(proposals[0].edtf)

    def draft(self) -> MembershipDraft:
        country, org = self.country.ids(), self.organisation.ids()
        return MembershipDraft(country[0] if country else "", org[0] if org else "", self.status.currentData(),
                               self.start.text() or None, self.end.text() or None, note=self.note.text() or None)


CITABLE = (("event", QT_TRANSLATE_NOOP("CiteDialog", "an event")),
           ("step", QT_TRANSLATE_NOOP("CiteDialog", "an agreement step")),
           ("membership", QT_TRANSLATE_NOOP("CiteDialog", "a membership status")),
           ("organisation", QT_TRANSLATE_NOOP("CiteDialog", "an organisation's founding")))


class CiteDialog(_RecordDialog):
    """Cite the passage for a record, corpus or own: choose the kind, type to find it, and say
    whether the passage supports or contradicts it."""

    def __init__(self, ctx: AppContext, *, quote: str, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Cite selection for…"), parent, quote)
        self.kind = QComboBox(self)
        for kind, label in CITABLE:
            self.kind.addItem(QCoreApplication.translate("CiteDialog", label), kind)
        self.kind.setAccessibleName(self.tr("Kind of record"))
        self.form.addRow(self.tr("Record:"), self.kind)
        self.find_edit = QLineEdit(self)
        self.find_edit.setPlaceholderText(self.tr("type words of its title, or names"))
        self.find_edit.setAccessibleName(self.tr("Find a record"))
        self.find_edit.setClearButtonEnabled(True)
        self.form.addRow(self.tr("Find:"), self.find_edit)
        self.results = QListWidget(self)
        self.results.setAccessibleName(self.tr("Matching records"))
        self.results.setMinimumHeight(200)
        self.form.addRow("", self.results)
        self.supports = QRadioButton(self.tr("supports it"), self)
        self.contradicts = QRadioButton(self.tr("contradicts it (the record is then marked disputed)"), self)
        self.supports.setChecked(True)
        stance = QVBoxLayout()
        stance.addWidget(self.supports)
        stance.addWidget(self.contradicts)
        self.form.addRow(self.tr("The passage:"), stance)
        self.kind.currentIndexChanged.connect(lambda _i: self._search())
        self.find_edit.textChanged.connect(lambda _t: self._search())
        self.results.itemDoubleClicked.connect(lambda _item: self.accept())
        self.finder = LatestCall(self)  # the search runs off the GUI thread; the newest wins
        self.finder.finished.connect(self._show_results)
        self._search()
        self.find_edit.setFocus()

    def _search(self) -> None:
        library, kind, typed = self.ctx.library, self.kind.currentData(), self.find_edit.text()
        self.finder.start(lambda: library.choices(kind, typed, limit=100))

    def busy(self) -> bool:
        return self.finder.busy()

    def _show_results(self, found: list[Choice]) -> None:
        self.results.clear()
        for c in found:
            item = QListWidgetItem(choice_text(c))
            item.setData(ID_ROLE, c)
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)

    def chosen(self) -> Choice | None:
        item = self.results.currentItem()
        # the stubs say currentItem() is never None; Qt gives None when no row is current
        return item.data(ID_ROLE) if item is not None else None  # type: ignore[redundant-expr]

    def stance(self) -> str:
        return "contradicts" if self.contradicts.isChecked() else "supports"

    def keyPressEvent(self, event) -> None:
        # Down/Up in the find field move through the results, as in a type-ahead list
        if self.find_edit.hasFocus() and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            step = 1 if event.key() == Qt.Key.Key_Down else -1
            row = max(0, min(self.results.count() - 1, self.results.currentRow() + step))
            self.results.setCurrentRow(row)
            return
        super().keyPressEvent(event)
