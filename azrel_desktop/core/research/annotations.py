"""The user's annotations: notes with tags on records, passages and selected spans of a source.

Every call commits before it returns, so an acknowledged note survives a crash. Each change
returns a `Changes` value saying what kinds of records changed, for the GUI to refresh from.
A note whose target a newer seed corpus dropped is kept and listed as detached.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import delete, select, text
from sqlalchemy.orm import Session

from ..corpus import models as m
from ..corpus.anchoring import Anchor, anchor_at, reanchor
from ..query.search import events_for_annotation_target, reindex_events

MAX_TAG = 64

TARGET_MODELS = {
    "event": m.Event, "agreement": m.Agreement, "organisation": m.Organisation,
    "passage": m.Passage, "source": m.Source, "country": m.Country, "person": m.Person,
}


class AnnotationError(ValueError):
    """A note that cannot be saved as asked; the message says why."""


@dataclass(frozen=True)
class Changes:
    """What a call changed: a set of record kinds (`annotation`, `passage`, `event`, ...)."""

    kinds: frozenset[str]
    ids: frozenset[str] = frozenset()

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.kinds | other.kinds, self.ids | other.ids)


@dataclass(frozen=True)
class AnnotationView:
    id: str
    target_kind: str
    target_id: str
    target_label: str
    body: str
    tags: tuple[str, ...]
    created_at: datetime
    updated_at: datetime
    detached: bool
    source_id: str | None = None
    start: int | None = None
    end: int | None = None
    quote: str | None = None


def normalise_tags(tags) -> tuple[str, ...]:
    """Tags from a list or a comma-separated string: trimmed, de-duplicated, order kept."""
    if isinstance(tags, str):
        tags = tags.split(",")
    seen: dict[str, None] = {}
    for tag in tags or ():
        clean = " ".join(str(tag).replace("\x00", "").split())[:MAX_TAG]
        if clean and clean.casefold() not in {t.casefold() for t in seen}:
            seen[clean] = None
    return tuple(seen)


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _label(session: Session, kind: str, target_id: str) -> tuple[str, bool]:
    obj = session.get(TARGET_MODELS[kind], target_id)
    if obj is None:
        return f"{kind} {target_id} (no longer in the corpus)", True
    if isinstance(obj, m.Event):
        return f"{obj.date} {obj.title}", False
    if isinstance(obj, m.Passage):
        quote = " ".join(obj.exact.split())
        return f"“{quote[:80]}{'…' if len(quote) > 80 else ''}”", False
    if isinstance(obj, m.Organisation):
        return obj.abbreviation or obj.name, False
    label: str = getattr(obj, "title", None) or getattr(obj, "name", None) or target_id
    return label, False


def _view(session: Session, a: m.Annotation) -> AnnotationView:
    label, detached = _label(session, a.target_kind, a.target_id)
    tags = tuple(session.scalars(select(m.AnnotationTag.tag).where(
        m.AnnotationTag.annotation_id == a.id).order_by(m.AnnotationTag.tag)))
    source_id = start = end = quote = None
    p = session.get(m.Passage, a.target_id) if a.target_kind == "passage" and not detached else None
    if p is not None:
        source_id, start, end, quote = p.source_id, p.start, p.end, p.exact
    return AnnotationView(a.id, a.target_kind, a.target_id, label, a.body, tags, a.created_at,
                          a.updated_at, detached, source_id, start, end, quote)


def _reindex(session: Session, kind: str, target_id: str) -> frozenset[str]:
    events = events_for_annotation_target(session, kind, target_id)
    if events:
        reindex_events(session, events)
    return frozenset(events)


def _set_tags(session: Session, annotation_id: str, tags: tuple[str, ...]) -> None:
    session.execute(delete(m.AnnotationTag).where(m.AnnotationTag.annotation_id == annotation_id))
    session.add_all([m.AnnotationTag(annotation_id=annotation_id, tag=t) for t in tags])


def _check_text(body, tags=()) -> None:
    """Refuse, in words, a note or tag holding a lone surrogate (half of a character, as pasted
    from a broken source or decoded from bytes that were not text): it cannot be stored."""
    for what, value in (("note", body), *(("tag", t) for t in (tags.split(",") if isinstance(tags, str) else tags or ()))):
        if not isinstance(value, str):
            continue
        for index, ch in enumerate(value):
            if "\ud800" <= ch <= "\udfff":
                raise AnnotationError(
                    f"the {what} is not valid text: character {index + 1} is half of a character "
                    f"(U+{ord(ch):04X}), as text copied from a damaged source can be; remove it and save again")


def _tag_key(tag: str) -> str:
    return " ".join(str(tag).split()).casefold()


def matching_tags(session: Session, wanted) -> tuple[str, ...]:
    """The stored spellings of the tags asked for, matched as saving matches them (case and
    runs of spaces ignored); a tag no note carries is kept as asked (it finds nothing)."""
    if not wanted:
        return ()
    keys = {_tag_key(t) for t in wanted}
    found = [tag for tag, _ in all_tags(session) if _tag_key(tag) in keys]
    matched = {_tag_key(t) for t in found}
    rest = [" ".join(str(t).split()) for t in wanted if _tag_key(t) not in matched]
    return tuple(dict.fromkeys([*found, *rest]))


def _add(session: Session, target_kind: str, target_id: str, body: str, tags,
         annotation_id: str | None, created_at: datetime | None) -> tuple[AnnotationView, Changes]:
    if target_kind not in TARGET_MODELS:
        raise AnnotationError(f"cannot annotate a {target_kind!r}")
    if session.get(TARGET_MODELS[target_kind], target_id) is None:
        raise AnnotationError(f"there is no {target_kind} {target_id!r} to annotate")
    now = _now()
    a = m.Annotation(id=annotation_id or uuid.uuid4().hex, target_kind=target_kind,
                     target_id=target_id, body=(body or "").replace("\x00", ""),
                     created_at=created_at or now, updated_at=now)
    session.add(a)
    session.flush()
    _set_tags(session, a.id, normalise_tags(tags))
    session.flush()
    events = _reindex(session, target_kind, target_id)
    return _view(session, a), Changes(frozenset({"annotation"}), frozenset({a.id}) | events)


def add_annotation(db, target_kind: str, target_id: str, body: str, tags=(),
                   *, annotation_id: str | None = None,
                   created_at: datetime | None = None) -> tuple[AnnotationView, Changes]:
    _check_text(body, tags)
    with db.write() as session:
        return _add(session, target_kind, target_id, body, tags, annotation_id, created_at)


def update_annotation(db, annotation_id: str, body: str, tags=()) -> tuple[AnnotationView, Changes]:
    _check_text(body, tags)
    with db.write() as session:
        a = session.get(m.Annotation, annotation_id)
        if a is None:
            raise AnnotationError("that note no longer exists")
        a.body = (body or "").replace("\x00", "")
        a.updated_at = _now()
        _set_tags(session, a.id, normalise_tags(tags))
        session.flush()
        events = _reindex(session, a.target_kind, a.target_id)
        view = _view(session, a)
    return view, Changes(frozenset({"annotation"}), frozenset({a.id}) | events)


def delete_annotation(db, annotation_id: str) -> tuple[AnnotationView, Changes]:
    """Delete a note; returns it as it was, so the caller can undo by restoring it.

    A selection exists to carry notes: when its last note goes, the user passage goes too
    (`restore_annotation` brings both back).
    """
    with db.write() as session:
        a = session.get(m.Annotation, annotation_id)
        if a is None:
            raise AnnotationError("that note no longer exists")
        view = _view(session, a)
        session.execute(delete(m.AnnotationTag).where(m.AnnotationTag.annotation_id == a.id))
        session.delete(a)
        session.flush()
        events = _reindex(session, view.target_kind, view.target_id)
        kinds = {"annotation"}
        if view.target_kind == "passage":
            passage = session.get(m.Passage, view.target_id)
            others = session.execute(select(m.Annotation.id).where(
                m.Annotation.target_kind == "passage", m.Annotation.target_id == view.target_id)).first()
            if passage is not None and passage.kind == "user" and others is None:
                session.delete(passage)
                kinds.add("passage")
    return view, Changes(frozenset(kinds), frozenset({annotation_id}) | events)


def restore_annotation(db, view: AnnotationView) -> tuple[AnnotationView, Changes]:
    """Put back a deleted note with its id, text, tags and creation time (undo), and its
    selection if that went with it."""
    with db.write() as session:
        kinds: set[str] = set()
        if view.target_kind == "passage" and session.get(m.Passage, view.target_id) is None:
            source = session.get(m.Source, view.source_id) if view.source_id else None
            if source is None or view.start is None or view.end is None or view.quote is None:
                raise AnnotationError("the selection this note was on no longer exists")
            found = reanchor(source.text, Anchor(view.start, view.end, view.quote, "", ""))
            if found is None:
                raise AnnotationError("the selected text is no longer in the source")
            session.add(m.Passage(id=view.target_id, source_id=source.id, start=found.start, end=found.end,
                                  exact=found.exact, prefix=found.prefix, suffix=found.suffix, kind="user",
                                  label="your selection", is_seed=False))
            session.flush()
            kinds.add("passage")
        restored, changes = _add(session, view.target_kind, view.target_id, view.body, view.tags,
                                 view.id, view.created_at)
    return restored, changes | Changes(frozenset(kinds))


def annotate_selection(db, source_id: str, start: int, end: int, body: str,
                       tags=()) -> tuple[AnnotationView, Changes]:
    """Store the user's selected span as a `user` passage and attach a note to it."""
    _check_text(body, tags)
    with db.write() as session:
        source = session.get(m.Source, source_id)
        if source is None:
            raise AnnotationError(f"there is no source {source_id!r}")
        try:
            a = anchor_at(source.text, start, end)
        except ValueError as exc:
            raise AnnotationError(str(exc)) from exc
        if not a.exact.strip():
            raise AnnotationError("the selection holds only spaces")
        pid = "user-" + uuid.uuid4().hex
        session.add(m.Passage(id=pid, source_id=source_id, start=a.start, end=a.end, exact=a.exact,
                              prefix=a.prefix, suffix=a.suffix, kind="user", label="your selection",
                              is_seed=False))
        session.flush()
        view, changes = _add(session, "passage", pid, body, tags, None, None)
    return view, changes | Changes(frozenset({"passage"}), frozenset({pid}))


def get_annotation(session: Session, annotation_id: str) -> AnnotationView | None:
    a = session.get(m.Annotation, annotation_id)
    return _view(session, a) if a else None


def annotations_for(session: Session, target_kind: str, target_id: str) -> list[AnnotationView]:
    rows = session.scalars(select(m.Annotation).where(
        m.Annotation.target_kind == target_kind, m.Annotation.target_id == target_id
    ).order_by(m.Annotation.created_at))
    return [_view(session, a) for a in rows]


def list_annotations(session: Session, *, tags: tuple[str, ...] = (), text_contains: str = "",
                     target_kind: str | None = None) -> list[AnnotationView]:
    """All notes, newest first, narrowed by tags (any of), a text fragment and target kind."""
    q = select(m.Annotation).order_by(m.Annotation.updated_at.desc(), m.Annotation.id)
    if tags:
        q = q.where(m.Annotation.id.in_(select(m.AnnotationTag.annotation_id).where(
            m.AnnotationTag.tag.in_(tags))))
    if target_kind:
        q = q.where(m.Annotation.target_kind == target_kind)
    views = [_view(session, a) for a in session.scalars(q)]
    needle = text_contains.replace("\x00", "").casefold().strip()
    if needle:
        views = [v for v in views if needle in v.body.casefold() or needle in v.target_label.casefold()
                 or any(needle in t.casefold() for t in v.tags)]
    return views


def all_tags(session: Session) -> list[tuple[str, int]]:
    return [(r[0], r[1]) for r in session.execute(text(
        "SELECT tag, count(*) FROM annotation_tags GROUP BY tag ORDER BY count(*) DESC, tag"))]
