"""Free-text search: the FTS5 index over events and the translation of any user input into a
safe FTS5 query.

The index holds, per event, its title, summary, the quotes of its passages and the user's
notes on it (and on the passages it cites). Input is never passed to MATCH as syntax: words
are extracted and each is quoted, so `"`, `-`, `AND`, `(`, `%`, `_` or NUL cannot break the
query. Double-quoted runs become phrases; the last bare word matches as a prefix.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sqlalchemy import text
from sqlalchemy.orm import Session

_WORD = re.compile(r"\w+", re.UNICODE)


def fts_query(user_text: str | None) -> str | None:
    """An FTS5 MATCH expression for what the user typed, or None when it holds no words."""
    if not user_text:
        return None
    cleaned = user_text.replace("\x00", " ")
    parts: list[str] = []
    # Split into quoted phrases and the rest; an unbalanced quote just ends the phrase.
    segments = cleaned.split('"')
    for index, segment in enumerate(segments):
        words = _WORD.findall(segment)
        if not words:
            continue
        if index % 2 == 1 and len(words) > 1:
            parts.append('"' + " ".join(words) + '"')
        else:
            parts.extend(f'"{w}"' for w in words)
    if not parts:
        return None
    if cleaned.rstrip() and _WORD.fullmatch(cleaned.rstrip()[-1]) and not parts[-1].count(" "):
        parts[-1] = parts[-1] + "*"
    return " ".join(parts)


_REBUILD = """
INSERT INTO event_fts(event_id, title, summary, quotes, notes)
SELECT e.id, e.title, e.summary,
  coalesce((SELECT group_concat(p.exact, ' ') FROM event_citations c
            JOIN passages p ON p.id = c.passage_id WHERE c.event_id = e.id), ''),
  coalesce((SELECT group_concat(a.body || ' ' || coalesce(
                (SELECT group_concat(t.tag, ' ') FROM annotation_tags t WHERE t.annotation_id = a.id), ''),
            ' ')
            FROM annotations a
            WHERE (a.target_kind = 'event' AND a.target_id = e.id)
               OR (a.target_kind = 'passage' AND a.target_id IN
                   (SELECT c2.passage_id FROM event_citations c2 WHERE c2.event_id = e.id))), '')
FROM events e
"""


def reindex_events(session: Session, event_ids: Iterable[str] | None = None) -> None:
    """Rebuild the search rows of the given events (all events when None)."""
    if event_ids is None:
        session.execute(text("DELETE FROM event_fts"))
        session.execute(text(_REBUILD))
        return
    ids = sorted(set(event_ids))
    for chunk_start in range(0, len(ids), 500):
        chunk = ids[chunk_start:chunk_start + 500]
        params = {f"e{i}": v for i, v in enumerate(chunk)}
        marks = ", ".join(f":e{i}" for i in range(len(chunk)))
        session.execute(text(f"DELETE FROM event_fts WHERE event_id IN ({marks})"), params)
        session.execute(text(_REBUILD + f" WHERE e.id IN ({marks})"), params)


def events_for_annotation_target(session: Session, kind: str, target_id: str) -> list[str]:
    """Events whose search text includes notes on this target."""
    if kind == "event":
        return [target_id]
    if kind == "passage":
        rows = session.execute(
            text("SELECT event_id FROM event_citations WHERE passage_id = :p"), {"p": target_id}
        )
        return [r[0] for r in rows]
    return []
