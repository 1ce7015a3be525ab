"""The context menus of the app's rows, chart items, passages and notes, built in one place.

A view says what was right-clicked as a `Subject` (a plain value: a record, or a passage with
its source and quote, and the organisations and countries it names) and calls `show_menu` or
`fill_menu`; the actions are the same wherever the thing appears:

- **Open** — its page (an event opens on the timeline, a passage its source at the passage,
  a note what it is about);
- **Open source** — for a passage, or an event's first supporting passage;
- **Add note…** — an undoable note on it (not in a read-only library);
- **Copy citation** — a passage or record with its quotes and CSL citations
  (`Library.citation_text`), a bare source as "Title, publisher, date, p. N"
  (`Library.source_citation`); read off the GUI thread, then put on the clipboard;
- **Copy quote** — the passage's words, the source's hard line breaks read as spaces;
- **Filter timeline by organisation / country** — the timeline showing that one's events.

Labels come from data and are shown as plain menu text (no mnemonics, no markup).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QPoint
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QMenu, QWidget

from ...core.query.filters import EventFilter
from ...core.research.quotes import as_prose
from ..shell.context import AppContext
from ..shell.navigation import Target
from ..shell.output_actions import citation_style
from ..shell.runner import Task

MENU_TEXT_LIMIT = 60
OPENABLE = ("event", "organisation", "agreement", "country", "person", "source")


@dataclass(frozen=True)
class Subject:
    """What a context menu is about."""

    kind: str  # event | organisation | agreement | country | person | source | passage | note
    id: str
    label: str = ""
    source_id: str | None = None  # a passage's source (or an event's first supporting one)
    passage_id: str | None = None
    start: int | None = None  # the passage's offsets in its source (code points)
    end: int | None = None
    quote: str | None = None
    organisations: tuple[tuple[str, str], ...] = ()  # (id, label)
    countries: tuple[tuple[str, str], ...] = ()
    note_target: tuple[str, str] | None = None  # a note: (kind, id) of what it is about
    extra: tuple = field(default=(), compare=False)


def menu_text(text: str) -> str:
    flat = " ".join(text.split())
    flat = flat if len(flat) <= MENU_TEXT_LIMIT else flat[:MENU_TEXT_LIMIT - 1] + "…"
    return flat.replace("&", "&&")


prose = as_prose  # the source's hard line breaks read as spaces


def open_target(subject: Subject) -> Target | None:
    if subject.kind in OPENABLE:
        return Target(subject.kind, subject.id)
    if subject.kind == "passage" and subject.source_id:
        return Target("source", subject.source_id, passage_id=subject.passage_id,
                      start=None if subject.passage_id else subject.start,
                      end=None if subject.passage_id else subject.end)
    if subject.kind == "note" and subject.note_target:
        kind, target_id = subject.note_target
        if kind == "passage" and subject.source_id:
            return Target("source", subject.source_id, passage_id=target_id)
        if kind in OPENABLE:
            return Target(kind, target_id)
    return None


def note_target(subject: Subject) -> tuple[str, str] | None:
    """What "Add note…" annotates: the record itself, or the passage."""
    if subject.kind in OPENABLE:
        return subject.kind, subject.id
    if subject.kind == "passage" and subject.passage_id:
        return "passage", subject.passage_id
    if subject.kind == "note" and subject.note_target:
        return subject.note_target
    return None


_running: set[Task] = set()  # copies in flight, kept alive until they report


CITABLE_RECORDS = ("event", "organisation", "agreement", "step", "membership")


def copy_citation(ctx: AppContext, subject: Subject) -> Task:
    """Read the citation off the GUI thread, then put it on the clipboard: a passage's or a
    record's in the chosen CSL style, else the source's own line."""
    library = ctx.library
    style = citation_style()  # the style last chosen for reports

    def read(_progress: object) -> str:
        if subject.kind in CITABLE_RECORDS:  # a record's row also names its first passage
            return library.citation_text(record_id=subject.id, style=style)
        if subject.passage_id:
            return library.citation_text(passage_id=subject.passage_id, style=style)
        source = subject.id if subject.kind == "source" else subject.source_id
        assert source is not None
        return library.source_citation(source, subject.start)

    task = Task(read)

    def done(text: object) -> None:
        _running.discard(task)
        QGuiApplication.clipboard().setText(str(text))
        ctx.status.emit(QCoreApplication.translate("context_menus", "Citation copied: {text}").format(text=text))

    def failed(message: str, _exc: object) -> None:
        _running.discard(task)
        ctx.status.emit(QCoreApplication.translate("context_menus", "The citation could not be read: {error}").format(error=message))

    task.signals.done.connect(done)
    task.signals.failed.connect(failed)
    _running.add(task)
    task.start()
    return task


def copy_quote(ctx: AppContext, quote: str) -> None:
    QGuiApplication.clipboard().setText(prose(quote))
    ctx.status.emit(QCoreApplication.translate("context_menus", "Quote copied."))


def filter_timeline(ctx: AppContext, dimension: str, record_id: str) -> None:
    f = EventFilter(organisations=(record_id,)) if dimension == "organisations" else EventFilter(countries=(record_id,))
    ctx.go(Target("timeline", extra=(f,)))


def add_note(ctx: AppContext, parent: QWidget | None, kind: str, target_id: str, label: str = "") -> None:
    from ..notes import undo
    from ..notes.annotation_panel import NoteDialog

    answer = NoteDialog.ask(parent, QCoreApplication.translate("context_menus", "Add note"), context=label or None)
    if answer is None:
        return
    body, tags = answer
    if not body.strip():
        return
    undo.add_note(ctx, kind, target_id, body, tags,  # the core explains a refusal in a sentence
                  done=lambda _view: ctx.status.emit(QCoreApplication.translate("context_menus", "Note added (Ctrl+Z to undo).")),
                  failed=lambda reason: ctx.status.emit(QCoreApplication.translate("context_menus", "Note not added: {reason}").format(reason=reason)))


def _action(menu: QMenu, text: str, name: str) -> QAction:
    action = menu.addAction(text)
    action.setObjectName(name)
    action.setMenuRole(QAction.MenuRole.NoRole)
    return action


def fill_menu(menu: QMenu, ctx: AppContext, subject: Subject, parent: QWidget | None = None) -> QMenu:
    """Add the subject's actions to `menu` (a new one or a view's standard menu)."""
    target = open_target(subject)
    if target is not None:
        _action(menu, QCoreApplication.translate("context_menus", "Open"), "ctxOpen").triggered.connect(lambda _c=False, t=target: ctx.go(t))
    if subject.source_id and subject.kind not in ("source", "passage"):  # a passage opens in its source
        where = Target("source", subject.source_id, passage_id=subject.passage_id)
        _action(menu, QCoreApplication.translate("context_menus", "Open source"), "ctxOpenSource").triggered.connect(lambda _c=False, t=where: ctx.go(t))
    noted = note_target(subject)
    if noted is not None:
        add = _action(menu, QCoreApplication.translate("context_menus", "Add note…"), "ctxAddNote")
        add.setEnabled(not ctx.library.readonly)
        add.triggered.connect(lambda _c=False, n=noted: add_note(ctx, parent, n[0], n[1], subject.label))
    source = subject.id if subject.kind == "source" else subject.source_id
    if source:
        menu.addSeparator()
        _action(menu, QCoreApplication.translate("context_menus", "Copy citation"), "ctxCopyCitation").triggered.connect(
            lambda _c=False, sub=subject: copy_citation(ctx, sub))
    if subject.quote:
        _action(menu, QCoreApplication.translate("context_menus", "Copy quote"), "ctxCopyQuote").triggered.connect(
            lambda _c=False, q=subject.quote: copy_quote(ctx, q))
    by_org = QCoreApplication.translate("context_menus", "Filter timeline by organisation: {name}")
    by_country = QCoreApplication.translate("context_menus", "Filter timeline by country: {name}")
    filters = [("organisations", by_org, subject.organisations), ("countries", by_country, subject.countries)]
    if subject.kind == "organisation":
        filters[0] = ("organisations", by_org, ((subject.id, subject.label),))
    if subject.kind == "country":
        filters[1] = ("countries", by_country, ((subject.id, subject.label),))
    if any(items for _d, _w, items in filters):
        menu.addSeparator()
    for dimension, pattern, items in filters:
        for record_id, label in items:
            action = _action(menu, pattern.format(name=menu_text(label)), f"ctxFilter_{record_id}")

            action.triggered.connect(lambda _c=False, d=dimension, r=record_id: filter_timeline(ctx, d, r))
    return menu


def build_menu(ctx: AppContext, subject: Subject, parent: QWidget | None = None) -> QMenu:
    menu = QMenu(parent)
    return fill_menu(menu, ctx, subject, parent)


def show_menu(ctx: AppContext, subject: Subject, parent: QWidget, global_pos: QPoint) -> None:
    menu = build_menu(ctx, subject, parent)
    if menu.actions():
        menu.exec(global_pos)
    menu.deleteLater()


def show_event_menu(ctx: AppContext, row, detail, parent: QWidget, global_pos: QPoint) -> Task | None:
    """An event's menu. Without its detail at hand (the countries' ids, the first supporting
    passage), the detail is read off the GUI thread first and the menu opens when it arrives."""
    if detail is not None and detail.row.id == row.id:
        show_menu(ctx, event_subject(row, detail), parent, global_pos)
        return None
    library = ctx.library
    task = Task(lambda _p: library.event(row.id))

    def done(found: object) -> None:
        _running.discard(task)
        show_menu(ctx, event_subject(row, found), parent, global_pos)

    def failed(_message: str, _exc: object) -> None:
        _running.discard(task)
        show_menu(ctx, event_subject(row), parent, global_pos)

    task.signals.done.connect(done)
    task.signals.failed.connect(failed)
    _running.add(task)
    task.start()
    return task


# --- subjects of the values views hold ------------------------------------------------------
def event_subject(row, detail=None) -> Subject:
    """An event from its table row (an `EventRow`) and, when the view has it, its detail
    (`EventDetail`), which adds the countries' ids and the first supporting passage."""
    orgs = tuple(zip(row.organisation_ids, row.organisations, strict=False))
    countries: tuple[tuple[str, str], ...] = ()
    passage = None
    if detail is not None and detail.row.id == row.id:
        orgs = tuple((link.id, link.label) for link in detail.organisations) or orgs
        countries = tuple((link.id, link.label) for link in detail.countries)
        passage = detail.supporting[0] if detail.supporting else None
    return Subject("event", row.id, row.title, organisations=orgs, countries=countries,
                   source_id=passage.source_id if passage else None,
                   passage_id=passage.id if passage else None,
                   start=passage.start if passage else None, end=passage.end if passage else None,
                   quote=passage.quote if passage else None)


def passage_subject(ref) -> Subject:
    """A cited passage (`PassageRef`)."""
    return Subject("passage", ref.id, ref.source_title, source_id=ref.source_id, passage_id=ref.id,
                   start=ref.start, end=ref.end, quote=ref.quote)


def link_subject(link) -> Subject:
    """A linked record (`Link`)."""
    return Subject(link.kind, link.id, link.label)


def note_subject(view) -> Subject:
    """A note (`AnnotationView`)."""
    return Subject("note", view.id, view.target_label or "", quote=view.quote or None,
                   note_target=(view.target_kind, view.target_id), source_id=view.source_id,
                   passage_id=view.target_id if view.target_kind == "passage" else None,
                   start=view.start, end=view.end)
