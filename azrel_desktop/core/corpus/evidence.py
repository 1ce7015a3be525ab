"""Evidence: how reliable each source is, and how well each claim is supported by its citations.

A source's reliability is an Admiralty-code letter (NATO AJP-2.1): A completely reliable,
B usually reliable, C fairly reliable, D not usually reliable, E unreliable, F reliability
cannot be judged; D and E are *low*. A source may name the source it copies (a reprint): the
two are one witness, not two.

A claim (an event, an agreement step, a membership) gets an evidence grade computed from its
citations, never typed:

- **contested** — some passage contradicts it (whether or not others support it);
- **corroborated** — supported by two or more independent sources without counting any of low
  reliability (independent: different sources none of which copies another, directly or
  through a chain of copies);
- **single source** — supported, but not by two independent sources that are not low;
- **uncorroborated** — supported only by low-reliability sources, or by nothing.

The grade is stored on the record (`evidence`, with `disputed` kept equal to "contested" for
the readers of that flag) and must be refreshed whenever what it depends on changes. Every
writer of citations calls `refresh_evidence(session, kind, ids)` for the records it touched,
in the same transaction; a writer of a source's grade or copies link calls
`refresh_for_sources`. The corpus loader refreshes everything it loaded. This is plain SQL
and Python, so a PostgreSQL store needs nothing else.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..store.sql_text import text

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

GRADES = ("corroborated", "single_source", "uncorroborated", "contested")
GRADE_LABELS = {
    "corroborated": "corroborated",
    "single_source": "single source",
    "uncorroborated": "uncorroborated",
    "contested": "contested",
}
# how the table, the detail pane and the chart's legend show each grade (the chart draws the same shapes)
GRADE_SYMBOLS = {"corroborated": "◆", "single_source": "•", "uncorroborated": "◇", "contested": "▲"}
GRADE_EXPLANATIONS = {
    "corroborated": "supported by two or more independent sources, none of low reliability needed",
    "single_source": "supported by one source (or by copies of one), not of low reliability",
    "uncorroborated": "supported only by sources of low reliability",
    "contested": "a cited passage contradicts it",
}
RELIABILITY_GRADES = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
LOW_RELIABILITY = frozenset("DE")

# table, its citations table, the citation's key column, how a citation reaches its source
CLAIM_TABLES = {
    "event": ("events", "event_citations", "event_id"),
    "step": ("agreement_steps", "step_citations", "step_id"),
    "membership": ("memberships", "membership_citations", "membership_id"),
}


class EvidenceError(ValueError):
    """A reliability grade or copies link that cannot be stored; the message says why."""


def grade_label(grade: str | None) -> str:
    return GRADE_LABELS.get(grade or "", grade or "")


def grade_text(grade: str | None) -> str:
    """'◇ uncorroborated': the grade's mark and words, as lists and tables show it."""
    return f"{GRADE_SYMBOLS.get(grade or '', '')} {grade_label(grade)}".strip()


def reliability_label(letter: str | None) -> str:
    """'B — usually reliable'; 'not graded' for none."""
    if not letter:
        return "not graded"
    return f"{letter} — {RELIABILITY_GRADES.get(letter, 'unknown grade')}"


@dataclass(frozen=True)
class SourceTrust:
    """What the grades need to know of the sources: each one's letter and what it copies."""

    letters: Mapping[str, str | None]
    copies: Mapping[str, str | None]

    def is_low(self, source_id: str) -> bool:
        return (self.letters.get(source_id) or "") in LOW_RELIABILITY

    def chain(self, source_id: str) -> list[str]:
        """The source, what it copies, what that copies, … (a cycle, which the writers refuse,
        is walked once)."""
        chain = [source_id]
        while (nxt := self.copies.get(chain[-1])) and nxt not in chain:
            chain.append(nxt)
        return chain

    def original(self, source_id: str) -> str:
        """The source at the end of the chain of copies (itself when it copies nothing)."""
        return self.chain(source_id)[-1]


def grade(supporting: Iterable[str], contradicting: Iterable[str], trust: SourceTrust) -> str:
    """The evidence grade of a claim from the sources of its supporting and contradicting
    passages (a source may appear more than once)."""
    if any(True for _ in contradicting):
        return "contested"
    supporting = set(supporting)
    reliable = {trust.original(s) for s in supporting if not trust.is_low(s)}
    if len(reliable) >= 2:
        return "corroborated"
    if reliable:
        return "single_source"
    return "uncorroborated"


def read_trust(session: Session) -> SourceTrust:
    rows = session.execute(text("SELECT id, reliability_grade, copies_id FROM sources")).all()
    return SourceTrust({r[0]: r[1] for r in rows}, {r[0]: r[2] for r in rows})


def _chunks(ids: list[str], size: int = 500) -> Iterable[list[str]]:
    for i in range(0, len(ids), size):
        yield ids[i:i + size]


def _every_id(session: Session, table: str, size: int = 500) -> Iterator[list[str]]:
    """Every id of the table, a page at a time by key (memory stays flat at a million rows)."""
    last = ""
    while batch := [r for (r,) in session.execute(
            text(f"SELECT id FROM {table} WHERE id > :last ORDER BY id LIMIT {size}"), {"last": last})]:
        yield batch
        last = batch[-1]


def _graded(session: Session, record_kind: str, ids: Iterable[str] | None,
            trust: SourceTrust) -> Iterator[tuple[str, str, bool, str]]:
    """(id, stored grade, stored disputed, computed grade) of these records (None: all)."""
    table, citations, key = CLAIM_TABLES[record_kind]
    batches = _every_id(session, table) if ids is None else _chunks(sorted(set(ids)))
    for batch in batches:
        if not batch:
            continue
        names = [f"i{n}" for n in range(len(batch))]
        where = f" WHERE r.id IN ({', '.join(':' + n for n in names)})"
        params = dict(zip(names, batch, strict=True))
        current = {r[0]: (r[1], bool(r[2])) for r in session.execute(
            text(f"SELECT r.id, r.evidence, r.disputed FROM {table} r{where}"), params)}
        support: dict[str, list[str]] = {rid: [] for rid in current}
        against: dict[str, list[str]] = {rid: [] for rid in current}
        cite_where = where.replace("r.id", f"c.{key}")
        for rid, source_id, stance in session.execute(text(
                f"SELECT c.{key}, p.source_id, c.stance FROM {citations} c "
                f"JOIN passages p ON p.id = c.passage_id{cite_where}"), params):
            if rid in current:
                (support if stance == "supports" else against)[rid].append(source_id)
        for rid, (old, old_disputed) in current.items():
            yield rid, old, old_disputed, grade(support[rid], against[rid], trust)


def refresh_evidence(session: Session, record_kind: str, ids: Iterable[str] | None = None,
                     trust: SourceTrust | None = None) -> int:
    """Recompute the grade (and `disputed`) of these records ('event', 'step' or 'membership';
    None: all of that kind) from their citations; returns how many changed. Rows whose grade is
    unchanged are not written, so the facet and export versions move only for real changes."""
    table = CLAIM_TABLES[record_kind][0]
    updates = [{"g": new, "d": new == "contested", "i": rid}
               for rid, old, old_disputed, new in _graded(session, record_kind, ids, trust or read_trust(session))
               if new != old or old_disputed != (new == "contested")]
    for start in range(0, len(updates), 500):
        session.execute(text(f"UPDATE {table} SET evidence = :g, disputed = :d WHERE id = :i"),
                        updates[start:start + 500])
    return len(updates)


def stale_grades(session: Session) -> list[str]:
    """Every stored grade that its citations no longer give, in words (for `azrel check`)."""
    trust = read_trust(session)
    found = [f"{kind} {rid}: graded {old}, its citations give {new}"
             for kind in CLAIM_TABLES for rid, old, old_disputed, new in _graded(session, kind, None, trust)
             if new != old or old_disputed != (new == "contested")]
    found += [f"source {sid}: copies {copied!r}, which is not a source"
              for sid, copied in trust.copies.items() if copied and copied not in trust.letters]
    return found


def records_citing(session: Session, source_ids: Iterable[str]) -> dict[str, set[str]]:
    """The records of each kind that cite any of these sources."""
    wanted = sorted(set(source_ids))
    found: dict[str, set[str]] = {kind: set() for kind in CLAIM_TABLES}
    for batch in _chunks(wanted):
        names = [f"s{n}" for n in range(len(batch))]
        params = dict(zip(names, batch, strict=True))
        inside = ", ".join(":" + n for n in names)
        for kind, (_table, citations, key) in CLAIM_TABLES.items():
            found[kind].update(r for (r,) in session.execute(text(
                f"SELECT DISTINCT c.{key} FROM {citations} c JOIN passages p ON p.id = c.passage_id "
                f"WHERE p.source_id IN ({inside})"), params))
    return found


def refresh_for_sources(session: Session, source_ids: Iterable[str]) -> int:
    """After a change to these sources' grade or copies link: refresh every claim citing them or
    a source that copies them (directly or through a chain)."""
    changed_sources = set(source_ids)
    trust = read_trust(session)
    affected = {sid for sid in trust.letters if set(trust.chain(sid)) & changed_sources}
    records = records_citing(session, affected)
    return sum(refresh_evidence(session, kind, ids, trust) for kind, ids in records.items() if ids)


def check_copies(trust: SourceTrust, source_id: str, copies_id: str | None) -> None:
    """Raise EvidenceError if `source_id` may not copy `copies_id` (unknown, itself, a cycle)."""
    if copies_id is None:
        return
    if copies_id not in trust.letters:
        raise EvidenceError(f"There is no source {copies_id!r} for {source_id!r} to copy.")
    if copies_id == source_id:
        raise EvidenceError("A source cannot be a copy of itself.")
    if source_id in trust.chain(copies_id):
        raise EvidenceError(f"{copies_id!r} already copies {source_id!r} (directly or through others).")


def check_letter(letter: str | None) -> None:
    if letter is not None and letter not in RELIABILITY_GRADES:
        raise EvidenceError(f"Reliability must be one of {', '.join(RELIABILITY_GRADES)} (Admiralty code), "
                            f"not {letter!r}.")


def set_reliability(session: Session, source_id: str, letter: str | None, reason: str | None,
                    copies_id: str | None) -> int:
    """Grade one of the user's own sources (the corpus grades its own: a corpus update would
    overwrite a change to them) and regrade the claims that depend on it; returns how many
    claims changed grade. Raises EvidenceError with a one-line reason."""
    row = session.execute(text("SELECT is_seed FROM sources WHERE id = :i"), {"i": source_id}).first()
    if row is None:
        raise EvidenceError(f"There is no source {source_id!r}.")
    if row[0]:
        raise EvidenceError("The corpus grades its own sources; only your own sources can be graded here.")
    letter = (letter or "").strip().upper() or None
    check_letter(letter)
    copies_id = (copies_id or "").strip() or None
    check_copies(read_trust(session), source_id, copies_id)
    reason = (reason or "").strip() or None
    session.execute(text("UPDATE sources SET reliability_grade = :g, reliability = :r, copies_id = :c "
                         "WHERE id = :i"), {"g": letter, "r": reason, "c": copies_id, "i": source_id})
    return refresh_for_sources(session, [source_id])
