"""Reading the user's notes: `AnnotationView` (a note with its target's label, tags and, on a
passage, its place in the source), a target's notes, every note narrowed by tags and words,
and the tags in use. Writing them is `core/research/annotations.py`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from ..corpus import models as m

TARGET_MODELS = {
    "event": m.Event, "agreement": m.Agreement, "organisation": m.Organisation,
    "passage": m.Passage, "source": m.Source, "country": m.Country, "person": m.Person,
}


@dataclass(frozen=True)
class AnnotationView:
    """A note as the views show it: a plain value, kept across threads."""

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


def target_label(session: Session, kind: str, target_id: str) -> tuple[str, bool]:
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


def view_of(session: Session, a: m.Annotation) -> AnnotationView:
    label, detached = target_label(session, a.target_kind, a.target_id)
    tags = tuple(session.scalars(select(m.AnnotationTag.tag).where(
        m.AnnotationTag.annotation_id == a.id).order_by(m.AnnotationTag.tag)))
    source_id = start = end = quote = None
    p = session.get(m.Passage, a.target_id) if a.target_kind == "passage" and not detached else None
    if p is not None:
        source_id, start, end, quote = p.source_id, p.start, p.end, p.exact
    return AnnotationView(a.id, a.target_kind, a.target_id, label, a.body, tags, a.created_at,
                          a.updated_at, detached, source_id, start, end, quote)


def get_annotation(session: Session, annotation_id: str) -> AnnotationView | None:
    a = session.get(m.Annotation, annotation_id)
    return view_of(session, a) if a else None


def annotations_for(session: Session, target_kind: str, target_id: str) -> list[AnnotationView]:
    rows = session.scalars(select(m.Annotation).where(
        m.Annotation.target_kind == target_kind, m.Annotation.target_id == target_id
    ).order_by(m.Annotation.created_at))
    return [view_of(session, a) for a in rows]


def list_annotations(session: Session, *, tags: tuple[str, ...] = (), text_contains: str = "",
                     target_kind: str | None = None) -> list[AnnotationView]:
    """All notes, newest first, narrowed by tags (any of), a text fragment and target kind."""
    q = select(m.Annotation).order_by(m.Annotation.updated_at.desc(), m.Annotation.id)
    if tags:
        q = q.where(m.Annotation.id.in_(select(m.AnnotationTag.annotation_id).where(
            m.AnnotationTag.tag.in_(tags))))
    if target_kind:
        q = q.where(m.Annotation.target_kind == target_kind)
    views = [view_of(session, a) for a in session.scalars(q)]
    needle = text_contains.replace("\x00", "").casefold().strip()
    if needle:
        views = [v for v in views if needle in v.body.casefold() or needle in v.target_label.casefold()
                 or any(needle in t.casefold() for t in v.tags)]
    return views


def all_tags(session: Session) -> list[tuple[str, int]]:
    return [(r[0], r[1]) for r in session.execute(text(
        "SELECT tag, count(*) FROM annotation_tags GROUP BY tag ORDER BY count(*) DESC, tag"))]
