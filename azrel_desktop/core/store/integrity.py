"""`azrel check`: SQLite's integrity and foreign-key checks, re-verification of every citation
against the stored text of its source, and of every claim's evidence grade against its citations."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import text
from sqlalchemy.orm import Session


@dataclass
class CheckReport:
    problems: list[str] = field(default_factory=list)
    passages_verified: int = 0
    citations_verified: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def check_database(session: Session) -> CheckReport:
    report = CheckReport()
    result = [r[0] for r in session.execute(text("PRAGMA integrity_check"))]
    if result != ["ok"]:
        report.problems += [f"integrity: {r}" for r in result]
    for r in session.execute(text("PRAGMA foreign_key_check")):
        report.problems.append(f"foreign key: {r[0]} row {r[1]} points at a missing {r[2]}")
    rows = session.execute(text(
        'SELECT p.id, p.start, p."end", p.exact, s.text, p.source_id FROM passages p '
        "JOIN sources s ON s.id = p.source_id"))
    for pid, start, end, exact, source_text, sid in rows:
        if source_text[start:end] != exact:
            report.problems.append(f"passage {pid}: its quote is no longer at {start}-{end} of {sid}")
        else:
            report.passages_verified += 1
    for table, key, label in (("events", "event_citations.event_id", "event"),
                              ("agreement_steps", "step_citations.step_id", "agreement step"),
                              ("memberships", "membership_citations.membership_id", "membership")):
        link_table = key.split(".")[0]
        for (rid,) in session.execute(text(
                f"SELECT id FROM {table} WHERE id NOT IN (SELECT {key.split('.')[1]} FROM {link_table} "
                "WHERE stance = 'supports')")):
            report.problems.append(f"{label} {rid} cites no supporting passage")
        report.citations_verified += session.execute(text(f"SELECT count(*) FROM {link_table}")).scalar_one()
    for (event_id,) in session.execute(text(
            "SELECT c.event_id FROM event_citations c JOIN passages p ON p.id = c.passage_id "
            "WHERE c.source_id != p.source_id")):
        report.problems.append(f"event {event_id}: a citation names the wrong source for its passage")
    indexed = session.execute(text("SELECT count(*) FROM event_fts")).scalar_one()
    events = session.execute(text("SELECT count(*) FROM events")).scalar_one()
    if indexed != events:
        report.problems.append(f"search index holds {indexed} events, the database {events}")
    mismatched = session.execute(text(
        "SELECT count(*) FROM event_fts f LEFT JOIN events e ON e.rowid = f.rowid "
        "WHERE e.id IS NULL OR e.id != f.event_id")).scalar_one()
    if mismatched:
        report.problems.append(f"{mismatched} search index rows point at the wrong event")
    from ..corpus.evidence import stale_grades

    report.problems += [f"evidence: {problem}" for problem in stale_grades(session)]
    return report
