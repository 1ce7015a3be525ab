"""The user's annotations: notes with tags on records, passages and selected spans of a source.

Every call commits before it returns, so an acknowledged note survives a crash. Each change
returns a `Changes` value saying what kinds of records changed, for the GUI to refresh from.
A note whose target a newer seed corpus dropped is kept and listed as detached.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ..corpus import models as m
from ..corpus.anchoring import Anchor, anchor_at, reanchor
from ..query.notes import TARGET_MODELS, AnnotationView, all_tags, annotations_for, get_annotation, list_annotations
from ..query.notes import view_of as _view
from ..query.search import events_for_annotation_target, reindex_events

__all__ = [
    "MAX_TAG", "TARGET_MODELS", "AnnotationError", "AnnotationView", "Changes", "add_annotation", "all_tags",
    "annotate_selection", "annotations_for", "delete_annotation", "get_annotation", "list_annotations",
    "normalise_tags", "restore_annotation", "update_annotation",
]

MAX_TAG = 64

class AnnotationError(ValueError):
    """A note that cannot be saved as asked; the message says why."""


@dataclass(frozen=True)
class Changes:
    """What a call changed: a set of record kinds (`annotation`, `passage`, `event`, ...)."""

    kinds: frozenset[str]
    ids: frozenset[str] = frozenset()

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.kinds | other.kinds, self.ids | other.ids)


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
