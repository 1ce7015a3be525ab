"""`EventDetailPane`: everything about the selected event, with its evidence.

Date as written and as EDTF with precision and bounds, summary, links to organisations,
countries, people and agreements, each supporting passage quoted with its source (a click
opens the source at that passage), a dispute beside the passages on each side, and the
user's notes (helper B's `AnnotationPanel`). All data text is shown as plain text; links
are `LinkLabel`s (plain-text labels with click handling), never HTML anchors.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QScrollArea, QVBoxLayout, QWidget

from ...core.corpus.evidence import GRADE_SYMBOLS
from ...core.query.records import EventDetail, Link, NotFound, PassageRef
from ...core.research.quotes import as_prose
from ..common import palette as pal
from ..common.colours import alert_colour, show_as_alert, show_as_low_reliability, support_colour
from ..common.core_labels import (
    date_label,
    grade_explanation,
    grade_label,
    precision_word,
    reliability_label,
    role_label,
    word,
)
from ..common.widgets import PlainLabel, plain_tooltip
from ..i18n import QT_TRANSLATE_NOOP
from ..shell.context import AppContext
from ..shell.loading import Loader
from ..shell.navigation import Target

PLACEHOLDER = QT_TRANSLATE_NOOP("EventDetailPane", "Select an event to see its date, sources and notes.")


class LinkLabel(PlainLabel):
    """Plain text that navigates when clicked (or activated with Enter/Space)."""

    clicked = Signal()

    def __init__(self, text: str, target: Target, parent: QWidget | None = None, *, wrap: bool = True):
        super().__init__(text, parent, wrap=wrap, selectable=False)
        self.target = target
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(QCoreApplication.translate("LinkLabel", "Open {name}").format(name=text))
        font = self.font()
        font.setUnderline(True)
        self.setFont(font)
        self.setStyleSheet("QLabel { color: palette(link); } QLabel:focus { background: palette(highlight);"
                           " color: palette(highlighted-text); }")

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.clicked.emit()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
            event.accept()
            return
        super().keyPressEvent(event)


def _heading(text: str, parent: QWidget, scale: float = 1.0) -> PlainLabel:
    label = PlainLabel(text, parent)
    font = QFont(label.font())
    font.setBold(True)
    if scale != 1.0:
        font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    return label


def _bound(value: str) -> str:
    if value.startswith("0001-01-01") or value.startswith("9999-12-31"):
        return QCoreApplication.translate("EventDetailPane", "open")
    return value


class PassageCard(QFrame):
    """One quoted passage with the source it comes from (a link to that spot in the source)."""

    def __init__(self, ref: PassageRef, open_passage, parent: QWidget | None = None, remove=None):
        super().__init__(parent)
        self.ref = ref
        self.remove_button: QPushButton | None = None
        self.setFrameShape(QFrame.Shape.StyledPanel)
        colour = (alert_colour if ref.stance == "contradicts" else support_colour)(self.palette()).name()
        self.setObjectName("passageCard")
        self.setStyleSheet(f"QFrame#passageCard {{ border-left: 3px solid {colour}; }}")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 4, 4, 4)
        quote = PlainLabel(f"“{as_prose(ref.quote)}”", self)
        quote.setObjectName("passageQuote")
        self.quote = quote
        font = quote.font()
        font.setItalic(True)
        quote.setFont(font)
        context = as_prose(f"…{ref.prefix}{ref.quote}{ref.suffix}…" if (ref.prefix or ref.suffix) else ref.quote)
        quote.setToolTip(plain_tooltip(context))
        lay.addWidget(quote)
        self.link = LinkLabel(f"— {ref.source_title}", Target("source", ref.source_id, passage_id=ref.id,
                                                             start=ref.start, end=ref.end), self)
        self.link.setToolTip(plain_tooltip(self.tr("Open “{title}” ({kind}) at this passage").format(
            title=ref.source_title, kind=word(ref.source_kind))))
        self.link.clicked.connect(lambda: open_passage(self.link.target))
        lay.addWidget(self.link)
        self.reliability: PlainLabel | None = None
        if ref.low_reliability:
            self.reliability = PlainLabel(self.tr("{mark} Source of low reliability: {grade}").format(
                mark=pal.LOW_RELIABILITY_SYMBOL, grade=reliability_label(ref.source_grade)), self)
            self.reliability.setObjectName("lowReliabilityMark")
            self.reliability.setToolTip(plain_tooltip(self.tr(
                "The source is graded D (not usually reliable) or E (unreliable): weigh this quote with care. "
                "Its page says why.")))
            show_as_low_reliability(self.reliability)
            lay.addWidget(self.reliability)
        if remove is not None and ref.kind == "user":  # the user's own citation can be taken back
            self.remove_button = QPushButton(self.tr("Remove this citation"), self)
            self.remove_button.setObjectName("removeCitationButton")
            self.remove_button.clicked.connect(lambda: remove(ref))
            lay.addWidget(self.remove_button)


class EventDetailPane(QScrollArea):
    """The selected event's detail; `linkActivated(Target)` is also sent to `ctx.go`."""

    linkActivated = Signal(object)
    loaded = Signal()  # the event asked for is shown

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.detail: EventDetail | None = None
        self.links: list[LinkLabel] = []
        self.passages: list[PassageCard] = []
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(260)

        body = QWidget(self)
        self._layout = QVBoxLayout(body)
        self._layout.setContentsMargins(8, 8, 8, 8)
        self._content: QWidget | None = None
        self._notes_target: str | None = None
        self.placeholder = PlainLabel(self.tr(PLACEHOLDER), body)
        self.placeholder.setEnabled(False)
        self._layout.addWidget(self.placeholder)
        self.annotations = self._make_annotation_panel(body)
        self._layout.addWidget(self.annotations)
        self._layout.addStretch(1)
        self.setWidget(body)
        self._show_notes(False)
        self._wanted: str | None = None
        self.loader = Loader(self, self._show_loaded, greyed=lambda: [w for w in (self._content,) if w is not None],
                             failed=lambda message: self.ctx.status.emit(
                                 self.tr("The event could not be read: {error}").format(error=message)))
        self.loader.loaded.connect(self.loaded)
        ctx.changed.connect(self._on_changed)

    def _make_annotation_panel(self, parent: QWidget) -> QWidget:
        try:
            from ..notes.annotation_panel import AnnotationPanel
        except ImportError:  # the notes panel ships separately; the pane still works without it
            label = PlainLabel(self.tr("Notes are not available in this build."), parent)
            label.setEnabled(False)
            return label
        return AnnotationPanel(self.ctx, parent)

    # --- API ------------------------------------------------------------------------------------
    def event_id(self) -> str | None:
        """The event asked for (shown once `loaded`; None when it is not in the library)."""
        return self._wanted

    def is_loading(self) -> bool:
        notes = getattr(self.annotations, "is_loading", None)
        return self.loader.busy() or (notes is not None and notes())

    def show_event(self, event_id: str | None) -> None:
        """Show the event, read off the GUI thread; the one shown stays (greyed if the wait is
        noticeable) until it arrives."""
        self._wanted = event_id
        if self.detail is None and event_id:
            self.placeholder.setText(self.tr("Loading…"))
        self._read(event_id, keep_scroll=False)

    def refresh(self) -> None:
        if self._wanted is not None:
            self._read(self._wanted, keep_scroll=True)

    def _read(self, event_id: str | None, *, keep_scroll: bool) -> None:
        library = self.ctx.library

        def read():
            try:
                return event_id, keep_scroll, library.event(event_id) if event_id else None
            except NotFound:
                return event_id, keep_scroll, None

        self.loader.load(read)

    def _show_loaded(self, result) -> None:
        event_id, keep_scroll, detail = result
        if detail is None and event_id == self._wanted:
            self._wanted = None  # not in the library
        pos = self.verticalScrollBar().value()
        self.detail = detail
        self._rebuild()
        self.verticalScrollBar().setValue(pos if keep_scroll else 0)

    def _on_changed(self, _changes) -> None:
        self.refresh()

    def _go(self, target: Target) -> None:
        self.linkActivated.emit(target)
        self.ctx.go(target)

    # --- building -------------------------------------------------------------------------------
    def _show_notes(self, on: bool) -> None:
        self.annotations.setVisible(on)

    def _rebuild(self) -> None:
        if self._content is not None:
            old, self._content = self._content, None
            self._layout.removeWidget(old)
            old.hide()
            old.setParent(None)  # out of the widget tree now, so lookups never find stale labels
            old.deleteLater()
        self.links, self.passages = [], []
        d = self.detail
        self.placeholder.setText(self.tr(PLACEHOLDER))
        self.placeholder.setVisible(d is None)
        self._show_notes(d is not None)
        set_target = getattr(self.annotations, "set_target", None)
        new_target = d.row.id if d else None
        # Only on a new event: the notes panel refreshes itself on ctx.changed and may hold an edit.
        if set_target is not None and new_target != self._notes_target:
            self._notes_target = new_target
            set_target("event", new_target)
        if d is None:
            return
        content = QWidget(self.widget())
        lay = QVBoxLayout(content)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(6)
        self._build_header(d, content, lay)
        for title, links in ((self.tr("Organisations"), d.organisations), (self.tr("Countries"), d.countries),
                             (self.tr("People"), d.people), (self.tr("Agreements"), d.agreements)):
            if links:
                lay.addWidget(self._link_row(title, links, content))
        self._build_evidence(d, content, lay)
        self._content = content
        self._layout.insertWidget(0, content)
        content.show()

    def _build_header(self, d: EventDetail, parent: QWidget, lay: QVBoxLayout) -> None:
        r = d.row
        title = _heading(r.title, parent, 1.2)
        title.setObjectName("eventTitle")
        lay.addWidget(title)
        lay.addWidget(self._origin_row(d, parent))
        kind = PlainLabel(word(r.kind) + (self.tr("  ·  ⚠ disputed") if r.disputed else ""), parent)
        kind.setEnabled(False)
        lay.addWidget(kind)
        date = _heading(date_label(r.date) or r.date_label, parent)
        date.setObjectName("eventDate")
        lay.addWidget(date)
        facts = []
        if r.date_text:
            facts.append(self.tr("As written: “{text}”").format(text=r.date_text))
        flags = [word(w) for w, on in (("approximate", r.approximate), ("uncertain", r.uncertain)) if on]
        facts.append(self.tr("EDTF {date}  ·  precision: {precision}").format(date=r.date, precision=precision_word(r.precision))
                     + (f" ({', '.join(flags)})" if flags else ""))
        facts.append(self.tr("Between {start} and {end}").format(start=_bound(r.date_start), end=_bound(r.date_end)))
        if d.date_note:
            facts.append(self.tr("Date note: {note}").format(note=d.date_note))
        if d.location:
            facts.append(self.tr("Place: {place}").format(place=d.location))
        info = PlainLabel("\n".join(facts), parent)
        info.setObjectName("eventDateFacts")
        lay.addWidget(info)
        if r.summary:
            summary = PlainLabel(r.summary, parent)
            summary.setObjectName("eventSummary")
            lay.addWidget(summary)

    def _origin_row(self, d: EventDetail, parent: QWidget) -> QWidget:
        """Whose record this is: the user's own (Edit…, Delete…) or the corpus's (read-only)."""
        row = QWidget(parent)
        lay = QHBoxLayout(row)
        lay.setContentsMargins(0, 0, 0, 0)
        if not d.mine:
            label = PlainLabel(self.tr("From the shipped corpus (read-only: cite passages for or against it from a "
                                       "source, or add a note)"), row)
            label.setObjectName("eventOrigin")
            label.setEnabled(False)
            lay.addWidget(label)
            return row
        made = ""
        if d.created_at is not None:
            from ..notes.annotation_panel import local_time

            made = self.tr(" · made {time}").format(time=local_time(d.created_at))
            if d.updated_at and d.updated_at != d.created_at:
                made += self.tr(", changed {time}").format(time=local_time(d.updated_at))
        label = PlainLabel(self.tr("Your record") + made, row, wrap=False)
        label.setObjectName("eventOrigin")
        lay.addWidget(label)
        lay.addStretch(1)
        readonly = self.ctx.library.readonly
        for name, text, slot in (("editEventButton", self.tr("Edit…"), self.edit_event),
                                 ("deleteEventButton", self.tr("Delete…"), self.delete_event)):
            button = QPushButton(text, row)
            button.setObjectName(name)
            button.setEnabled(not readonly)
            button.clicked.connect(slot)
            lay.addWidget(button)
        return row

    def _flows(self):
        from ..coding.flows import CodingFlows

        if getattr(self, "_coding", None) is None:
            self._coding = CodingFlows(self.ctx, self)
        return self._coding

    @property
    def coding(self):
        return self._flows()

    def edit_event(self) -> None:
        if self.detail is not None and self.detail.mine:
            self._flows().edit("event", self.detail.row.id)

    def delete_event(self) -> None:
        if self.detail is not None and self.detail.mine:
            self._flows().delete("event", self.detail.row.id)

    def remove_citation(self, ref: PassageRef) -> None:
        """Remove the user's citation, off the GUI thread (a refusal goes to the status bar)."""
        if self.detail is None:
            return
        self._flows().remove_citation("event", self.detail.row.id, ref.id)

    def _link_row(self, title: str, links: list[Link], parent: QWidget) -> QWidget:
        row = QWidget(parent)
        lay = QVBoxLayout(row)
        lay.setContentsMargins(0, 4, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(_heading(title, row))
        for link in links:
            label = link.label + (f" ({role_label(link.role)})" if link.role else "")
            widget = LinkLabel(label, Target(link.kind, link.id), row)
            widget.setToolTip(plain_tooltip(self.tr("Open the page of {name}").format(name=link.label)))
            widget.clicked.connect(lambda w=widget: self._go(w.target))
            lay.addWidget(widget)
            self.links.append(widget)
        return row

    def _passage_column(self, title: str, refs: list[PassageRef], parent: QWidget) -> QWidget:
        column = QWidget(parent)
        lay = QVBoxLayout(column)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        lay.addWidget(_heading(title, column))
        if not refs:
            none = PlainLabel(self.tr("None recorded."), column)
            none.setEnabled(False)
            lay.addWidget(none)
        for ref in refs:
            card = PassageCard(ref, self._go, column,
                               remove=None if self.ctx.library.readonly else self.remove_citation)
            self.passages.append(card)
            self.links.append(card.link)
            lay.addWidget(card)
        lay.addStretch(1)
        return column

    def _build_evidence(self, d: EventDetail, parent: QWidget, lay: QVBoxLayout) -> None:
        n = len({p.source_id for p in d.supporting})
        heading = self.tr("Evidence — %n source(s)", "", n)
        lay.addWidget(_heading(heading, parent))
        grade = d.row.evidence
        label = grade_label(grade)
        graded = PlainLabel(f"{GRADE_SYMBOLS.get(grade, '')} {label[:1].upper()}{label[1:]}: "
                            f"{grade_explanation(grade)}", parent)
        graded.setObjectName("evidenceGrade")
        graded.setToolTip(plain_tooltip(self.tr(
            "Computed from the citations, never typed: independent sources are different sources none of "
            "which copies another; low reliability is Admiralty grade D or E.")))
        lay.addWidget(graded)
        if d.row.disputed or d.contradicting:
            note = PlainLabel(self.tr("⚠ Disputed") + (f": {d.dispute_note}" if d.dispute_note else ""), parent)
            note.setObjectName("disputeNote")
            show_as_alert(note)
            lay.addWidget(note)
            sides = QWidget(parent)
            row = QHBoxLayout(sides)
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(self._passage_column(self.tr("Supporting"), d.supporting, sides), 1)
            row.addWidget(self._passage_column(self.tr("Contradicting"), d.contradicting, sides), 1)
            lay.addWidget(sides)
        else:
            lay.addWidget(self._passage_column(self.tr("Supporting passages"), d.supporting, parent))

