"""`azrel check`: SQLite's integrity and foreign-key checks, re-verification of every citation
against the stored text of its source, and whatever checks the layers above pass in (the
command passes the evidence grades' check, `corpus.evidence.stale_grades`: the store sits below
the corpus and does not know how a grade is computed)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy import text
from sqlalchemy.orm import Session


@dataclass
class CheckReport:
    problems: list[str] = field(default_factory=list)
    passages_verified: int = 0
    citations_verified: int = 0
    user_citations_verified: int = 0  # of which the user's own (their selected passages)

    @property
    def ok(self) -> bool:
        return not self.problems


# A check from a layer above: its name (prefixed to each problem) and what it finds wrong.
Check = tuple[str, Callable[[Session], Iterable[str]]]


def check_database(session: Session, also: Iterable[Check] = ()) -> CheckReport:
    report = CheckReport()
    result = [r[0] for r in session.execute(text("PRAGMA integrity_check"))]
    if result != ["ok"]:
        report.problems += [f"integrity: {r}" for r in result]
    for r in session.execute(text("PRAGMA foreign_key_check")):
        report.problems.append(f"foreign key: {r[0]} row {r[1]} points at a missing {r[2]}")
    # A passage that could not be placed in a new version of its text (passage_orphans) is
    # verified against the version it was made on.
    rows = session.execute(text(
        'SELECT p.id, p.start, p."end", p.exact, coalesce(v.text, s.text), p.source_id, v.id FROM passages p '
        "JOIN sources s ON s.id = p.source_id LEFT JOIN passage_orphans o ON o.passage_id = p.id "
        "LEFT JOIN source_versions v ON v.id = o.version_id"))
    for pid, start, end, exact, source_text, sid, version in rows:
        if source_text[start:end] != exact:
            where = f"version {version} of {sid}" if version is not None else sid
            report.problems.append(f"passage {pid}: its quote is no longer at {start}-{end} of {where}")
        else:
            report.passages_verified += 1
    _check_source_files(session, report)
    for table, key, label in (("events", "event_citations.event_id", "event"),
                              ("agreement_steps", "step_citations.step_id", "agreement step"),
                              ("memberships", "membership_citations.membership_id", "membership")):
        link_table = key.split(".")[0]
        for (rid,) in session.execute(text(
                f"SELECT id FROM {table} WHERE id NOT IN (SELECT {key.split('.')[1]} FROM {link_table} "
                "WHERE stance = 'supports')")):
            report.problems.append(f"{label} {rid} cites no supporting passage")
        report.citations_verified += session.execute(text(f"SELECT count(*) FROM {link_table}")).scalar_one()
        report.user_citations_verified += session.execute(text(
            f"SELECT count(*) FROM {link_table} c JOIN passages p ON p.id = c.passage_id "
            "WHERE p.kind = 'user'")).scalar_one()
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
    unindexed = session.execute(text(
        "SELECT count(*) FROM sources s LEFT JOIN source_fts f ON f.rowid = s.rowid "
        "WHERE f.source_id IS NULL OR f.source_id != s.id")).scalar_one()
    extra = session.execute(text("SELECT count(*) FROM source_fts")).scalar_one() - \
        session.execute(text("SELECT count(*) FROM sources")).scalar_one()
    if unindexed or extra:
        report.problems.append(f"the source search index is out of step ({unindexed} sources missing, "
                               f"{max(extra, 0)} rows too many)")
    for name, check in also:
        report.problems += [f"{name}: {problem}" for problem in check(session)]
    return report


def _check_source_files(session: Session, report: CheckReport) -> None:
    """Every imported file's bytes still hash to the SHA-256 recorded when it was imported,
    and every source's text to its own."""
    import hashlib

    for fid, sid, sha, data in session.execute(text("SELECT id, source_id, sha256, data FROM source_files")):
        if hashlib.sha256(bytes(data)).hexdigest() != sha:
            report.problems.append(f"source {sid}: its imported file (#{fid}) no longer matches its SHA-256")
    for sid, sha, body in session.execute(text("SELECT id, sha256, text FROM sources WHERE imported_at IS NOT NULL")):
        if hashlib.sha256(body.encode("utf-8")).hexdigest() != sha:
            report.problems.append(f"source {sid}: its text no longer matches its SHA-256")
