"""A source's citation as one line of plain text, for "Copy citation": "Title, publisher,
date, p. N". The page comes from a PDF's page starts when the passage's offset is given.

A simple format on purpose: `Library.citation_text` is the one door the app goes through, so a
formatted style (CSL) can replace this module without the views changing.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

from .normalise import page_at


def citation_text(session: Session, source_id: str, start: int | None = None) -> str:
    row = session.execute(text("SELECT title, publisher, published, page_starts FROM sources WHERE id = :id"),
                          {"id": source_id}).one_or_none()
    if row is None:
        raise LookupError(f"no source {source_id!r}")
    title, publisher, published, page_starts = row
    parts = [p.strip() for p in (title, publisher, published) if p and p.strip()]
    starts = _pages(page_starts)
    page = page_at(starts, start) if start is not None and starts else None
    if page is not None:
        parts.append(f"p. {page}")
    return ", ".join(parts)


def _pages(raw) -> list[int] | None:
    if raw is None:
        return None
    if isinstance(raw, str):  # the JSON column read as text through a plain statement
        import json

        raw = json.loads(raw)
    return [int(x) for x in raw] or None
