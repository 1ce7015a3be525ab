"""What the record pickers offer: every record of a kind (corpus and the user's own) with a
label to type against, a detail line, and whether it is the user's own.

Events are many (a million in a large library), so they are looked up by the words typed,
at most `limit` of them; the other kinds are few and listed whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from ..query.search import fts_query


@dataclass(frozen=True)
class Choice:
    kind: str
    id: str
    label: str
    detail: str
    mine: bool
    retired: bool = False


_SQL = {
    "organisation": """SELECT o.id, o.name || coalesce(' (' || o.abbreviation || ')', ''),
        coalesce('body of ' || coalesce(p.abbreviation, p.name), o.kind), NOT o.is_seed, o.retired
        FROM organisations o LEFT JOIN organisations p ON p.id = o.parent_id ORDER BY o.name""",
    "country": "SELECT id, name, id, NOT is_seed, retired FROM countries ORDER BY name",
    "person": "SELECT id, name, coalesce(office, ''), NOT is_seed, retired FROM people ORDER BY name",
    "agreement": "SELECT id, title, kind, NOT is_seed, retired FROM agreements ORDER BY title",
    "step": """SELECT s.id, a.title || ': ' || replace(s.step, '_', ' ') || ' ' || s.date,
        coalesce(s.date_text, ''), NOT s.is_seed, 0 FROM agreement_steps s
        JOIN agreements a ON a.id = s.agreement_id ORDER BY a.title, s.date_start""",
    "membership": """SELECT ms.id, c.name || ' ' || replace(ms.status, '_', ' ') || ' of '
        || coalesce(o.abbreviation, o.name), coalesce(ms.start, '?') || ' – ' || coalesce(ms."end", 'open'),
        NOT ms.is_seed, 0 FROM memberships ms JOIN countries c ON c.id = ms.country_id
        JOIN organisations o ON o.id = ms.organisation_id ORDER BY c.name, o.name, ms.date_start""",
}


def choices(session: Session, kind: str, typed: str = "", limit: int = 200) -> list[Choice]:
    if kind == "event":
        query = fts_query(typed)
        if query:
            # the first matches the index gives, sorted by date here: ordering every match of a
            # broad word in SQL would cost a sort of up to a million rows per keystroke
            rows: Sequence[Any] = sorted(session.execute(text(
                "SELECT e.id, e.title, e.date, NOT e.is_seed, e.date_start FROM event_fts f "
                "JOIN events e ON e.rowid = f.rowid WHERE event_fts MATCH :q LIMIT :n"), {"q": query, "n": limit}),
                key=lambda r: (r[4], r[0]))
        else:
            rows = session.execute(text(
                "SELECT id, title, date, NOT is_seed FROM events ORDER BY date_start DESC, id LIMIT :n"),
                {"n": limit}).all()
        return [Choice("event", r[0], r[1], r[2], bool(r[3])) for r in rows]
    found = [Choice(kind, r[0], r[1], r[2] or "", bool(r[3]), bool(r[4]))
             for r in session.execute(text(_SQL[kind]))]
    needle = typed.casefold().strip()
    if needle:
        found = [c for c in found if needle in c.label.casefold() or needle in c.id.casefold()]
    return found[:limit] if kind in ("step", "membership") else found
