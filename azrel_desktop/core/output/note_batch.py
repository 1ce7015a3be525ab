"""Adding many notes in one transaction, as an import does: each note and its tags inserted as
they come, and the search rows of the events they touch rebuilt once at the end rather than
once per note (which made an import of 20,000 coded passages take many minutes)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import text
from sqlalchemy.orm import Session

from ..corpus import models as m
from ..query.search import reindex_events
from ..research.annotations import Changes, normalise_tags


class NoteBatch:
    def __init__(self, session: Session):
        self.session = session
        self.ids: set[str] = set()
        self.passages: set[str] = set()
        self.events: set[str] = set()
        self.new_passages: set[str] = set()

    def add(self, kind: str, target_id: str, body: str, tags, note_id: str | None = None,
            created: datetime | None = None, modified: datetime | None = None) -> str:
        """One note on a target the caller has checked exists; returns its id."""
        now = datetime.now(UTC).replace(tzinfo=None)
        a = m.Annotation(id=note_id or uuid.uuid4().hex, target_kind=kind, target_id=target_id,
                         body=(body or "").replace("\x00", ""), created_at=created or now,
                         updated_at=modified or created or now)
        self.session.add(a)
        self.session.add_all([m.AnnotationTag(annotation_id=a.id, tag=t) for t in normalise_tags(tags)])
        self.ids.add(a.id)
        if kind == "event":
            self.events.add(target_id)
        elif kind == "passage":
            self.passages.add(target_id)
        return a.id

    def finish(self) -> Changes:
        """Flush, rebuild the touched events' search rows once; what changed."""
        self.session.flush()
        events = set(self.events)
        passages = sorted(self.passages)
        for i in range(0, len(passages), 500):
            chunk = passages[i:i + 500]
            marks = ", ".join(f":p{n}" for n in range(len(chunk)))
            events.update(r[0] for r in self.session.execute(
                text(f"SELECT event_id FROM event_citations WHERE passage_id IN ({marks})"),
                {f"p{n}": p for n, p in enumerate(chunk)}))
        if events:
            reindex_events(self.session, events)
        kinds = {"annotation"} if self.ids else set()
        if self.new_passages:
            kinds.add("passage")
        return Changes(frozenset(kinds), frozenset(self.ids | events | self.new_passages))
