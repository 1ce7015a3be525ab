"""Citations the user makes: a passage of a source (a `user` passage from their selection, with
TextQuote and TextPosition) tied to a record, corpus or own, as supporting or contradicting.

Citations live in the same tables as the corpus's (`event_citations`, `step_citations`,
`membership_citations`, `organisation_citations`) with their stance, so whatever reads the
corpus's evidence reads the user's too. A contradicting citation marks the record disputed;
removing the last one clears the mark. Every change regrades the record's evidence
(core/corpus/evidence.py) in the same transaction. A user passage that no citation and no note uses any
longer is removed with its last citation.
"""

from __future__ import annotations

import uuid

from sqlalchemy import text
from sqlalchemy.orm import Session

from ..corpus import models as m
from ..corpus.anchoring import Anchor, anchor_at, reanchor
from ..corpus.evidence import refresh_evidence
from .drafts import CitationView, Cite, RecordError, a

# record kind -> (citation table, its key column, the record table, whether it has a stance)
TABLES = {
    "event": ("event_citations", "event_id", "events", True),
    "step": ("step_citations", "step_id", "agreement_steps", True),
    "membership": ("membership_citations", "membership_id", "memberships", True),
    "organisation": ("organisation_citations", "organisation_id", "organisations", False),
}
USER_DISPUTE_NOTE = "A passage you cited contradicts this."
USER_LABEL = "your citation"


def _table(kind: str) -> tuple[str, str, str, bool]:
    try:
        return TABLES[kind]
    except KeyError:
        raise RecordError(f"{a(kind)} cannot be cited; cite its events, steps or memberships") from None


def user_passage(session: Session, cite: Cite) -> m.Passage:
    """The passage a citation names: an existing one by id, or the user's span of a source
    (the same span selected before is the same passage)."""
    if cite.passage_id:
        p = session.get(m.Passage, cite.passage_id)
        if p is None:
            raise RecordError(f"there is no passage {cite.passage_id!r}")
        if p.kind == "boilerplate":
            raise RecordError("that passage is not part of the article (boilerplate) and cannot be cited")
        return p
    source = session.get(m.Source, cite.source_id)
    if source is None:
        raise RecordError(f"there is no source {cite.source_id!r}")
    try:
        a = anchor_at(source.text, cite.start, cite.end)
    except ValueError as exc:
        raise RecordError(str(exc)) from exc
    if not a.exact.strip():
        raise RecordError("the selection holds only spaces")
    existing = session.execute(text(
        'SELECT id FROM passages WHERE source_id = :s AND start = :a AND "end" = :b AND kind = \'user\''),
        {"s": source.id, "a": a.start, "b": a.end}).scalar()
    found = session.get(m.Passage, existing) if existing else None
    if found is not None:
        return found
    p = m.Passage(id="user-" + uuid.uuid4().hex, source_id=source.id, start=a.start, end=a.end,
                  exact=a.exact, prefix=a.prefix, suffix=a.suffix, kind="user", label=USER_LABEL,
                  is_seed=False)
    session.add(p)
    session.flush()
    return p


def restore_passage(session: Session, c: CitationView) -> m.Passage:
    """Put back the passage of a citation being restored (undo), re-found by its quote if the
    text moved; the same id, so notes on it attach again."""
    p = session.get(m.Passage, c.passage_id)
    if p is not None:
        return p
    source = session.get(m.Source, c.source_id)
    if source is None:
        raise RecordError(f"the source {c.source_id!r} of a cited passage is no longer in the library")
    found = reanchor(source.text, Anchor(c.start, c.end, c.exact, c.prefix, c.suffix))
    if found is None:
        raise RecordError("a cited passage's words are no longer in its source")
    p = m.Passage(id=c.passage_id, source_id=source.id, start=found.start, end=found.end, exact=found.exact,
                  prefix=found.prefix, suffix=found.suffix, kind="user", label=c.label or USER_LABEL,
                  is_seed=False)
    session.add(p)
    session.flush()
    return p


def add(session: Session, kind: str, record_id: str, passage: m.Passage, stance: str) -> CitationView:
    table, key, records, has_stance = _table(kind)
    if stance not in m.STANCES:
        raise RecordError(f"a citation supports or contradicts, not {stance!r}")
    if not has_stance and stance != "supports":
        raise RecordError("a passage can only support an organisation's founding date, not contradict it")
    if session.execute(text(f"SELECT 1 FROM {records} WHERE id = :id"), {"id": record_id}).first() is None:
        raise RecordError(f"there is no {kind} {record_id!r}")
    stance_sql = "stance" if has_stance else "'supports'"
    old = session.execute(text(f"SELECT {stance_sql} FROM {table} WHERE {key} = :r AND passage_id = :p"),
                          {"r": record_id, "p": passage.id}).scalar()
    if old == stance:
        raise RecordError(f"that passage already {stance.removesuffix('s')}s this {kind}")
    if old is not None:
        raise RecordError(f"that passage already {old.removesuffix('s')}s this {kind}; "
                          "remove that citation first")
    values = {"r": record_id, "p": passage.id, "st": stance, "s": passage.source_id}
    if kind == "event":
        session.execute(text("INSERT INTO event_citations(event_id, passage_id, source_id, stance) "
                             "VALUES (:r, :p, :s, :st)"), values)
    elif has_stance:
        session.execute(text(f"INSERT INTO {table}({key}, passage_id, stance) VALUES (:r, :p, :st)"), values)
    else:
        session.execute(text(f"INSERT INTO {table}({key}, passage_id) VALUES (:r, :p)"), values)
    settle_dispute(session, kind, record_id)
    return view(kind, record_id, passage, stance)


def view(kind: str, record_id: str, p: m.Passage, stance: str) -> CitationView:
    return CitationView(kind, record_id, p.id, p.source_id, p.start, p.end, p.exact, p.prefix, p.suffix,
                        stance, p.label)


def citations_of(session: Session, kind: str, record_id: str) -> list[CitationView]:
    table, key, _records, has_stance = _table(kind)
    stance = "c.stance" if has_stance else "'supports'"
    rows = session.execute(text(f"""SELECT p.id, p.source_id, p.start, p."end", p.exact, p.prefix, p.suffix,
        {stance}, p.label FROM {table} c JOIN passages p ON p.id = c.passage_id
        WHERE c.{key} = :r ORDER BY p.source_id, p.start"""), {"r": record_id})
    return [CitationView(kind, record_id, r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8]) for r in rows]


def remove(session: Session, kind: str, record_id: str, passage_id: str, *,
           keep_one: bool = True) -> CitationView:
    """Remove one citation; the user's own record must keep a supporting passage."""
    table, key, records, has_stance = _table(kind)
    found = [c for c in citations_of(session, kind, record_id) if c.passage_id == passage_id]
    if not found:
        raise RecordError(f"that passage does not cite this {kind}")
    cited = found[0]
    if keep_one and has_stance and cited.stance == "supports":  # an organisation's founding is optional
        mine = session.execute(text(f"SELECT NOT is_seed FROM {records} WHERE id = :id"), {"id": record_id}).scalar()
        supports = [c for c in citations_of(session, kind, record_id) if c.stance == "supports"]
        if mine and len(supports) <= 1:
            raise RecordError(f"every {kind} you record cites at least one supporting passage; "
                              "add another before removing this one")
    p = session.get(m.Passage, passage_id)
    if p is not None and p.kind != "user":
        raise RecordError("that citation is part of the shipped corpus and cannot be removed")
    session.execute(text(f"DELETE FROM {table} WHERE {key} = :r AND passage_id = :p"),
                    {"r": record_id, "p": passage_id})
    if has_stance:
        settle_dispute(session, kind, record_id)
    drop_if_unused(session, passage_id)
    return cited


def drop_if_unused(session: Session, passage_id: str) -> bool:
    """Remove a user passage no citation and no note uses any longer."""
    used = session.execute(text("""SELECT 1 FROM passages p WHERE p.id = :p AND (p.kind != 'user'
        OR EXISTS (SELECT 1 FROM event_citations WHERE passage_id = :p)
        OR EXISTS (SELECT 1 FROM step_citations WHERE passage_id = :p)
        OR EXISTS (SELECT 1 FROM membership_citations WHERE passage_id = :p)
        OR EXISTS (SELECT 1 FROM organisation_citations WHERE passage_id = :p)
        OR EXISTS (SELECT 1 FROM annotations WHERE target_kind = 'passage' AND target_id = :p))"""),
        {"p": passage_id}).first()
    if used is None:
        session.execute(text("DELETE FROM passages WHERE id = :p AND kind = 'user'"), {"p": passage_id})
        return True
    return False


def settle_dispute(session: Session, kind: str, record_id: str) -> None:
    """Disputed exactly when a passage contradicts the record; the note says so when the
    contradiction is the user's and the record had none."""
    table, key, records, has_stance = _table(kind)
    if not has_stance:
        return
    contradicted = session.execute(text(f"SELECT 1 FROM {table} WHERE {key} = :r AND stance = 'contradicts'"),
                                   {"r": record_id}).first() is not None
    if contradicted:
        session.execute(text(f"UPDATE {records} SET disputed = 1, dispute_note = coalesce(dispute_note, :n) "
                             f"WHERE id = :r"), {"r": record_id, "n": USER_DISPUTE_NOTE})
    else:
        session.execute(text(f"UPDATE {records} SET disputed = 0, dispute_note = CASE WHEN dispute_note = :n "
                             f"THEN NULL ELSE dispute_note END WHERE id = :r AND disputed"),
                        {"r": record_id, "n": USER_DISPUTE_NOTE})
    refresh_evidence(session, kind, [record_id])  # the grade follows the citations (and keeps disputed)
