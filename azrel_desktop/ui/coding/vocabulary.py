"""The interface's words for the corpus's controlled vocabularies — kinds of events and
agreements, agreement steps, membership statuses, stances, reliability grades, kinds of record —
translated when they are shown (the stored values stay the English keys of `core`).

The tables only mark the words for Qt's lupdate (`QT_TRANSLATE_NOOP`, one context per
vocabulary); the functions translate at the moment of showing, so the translator installed at
start is the one used. A key the app does not know is shown as stored, underscores as spaces."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ...core.corpus.evidence import GRADE_SYMBOLS
from ..common.core_labels import date_label


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Marks `source` for lupdate (which looks for this name) in `context`; returns it as it is,
    to be translated where it is shown. PySide6's own is typed as returning `object`."""
    return source

EVENT_KINDS = {
    "visit": QT_TRANSLATE_NOOP("EventKind", "visit"), "meeting": QT_TRANSLATE_NOOP("EventKind", "meeting"),
    "summit": QT_TRANSLATE_NOOP("EventKind", "summit"), "conference": QT_TRANSLATE_NOOP("EventKind", "conference"),
    "signing": QT_TRANSLATE_NOOP("EventKind", "signing"),
    "ratification": QT_TRANSLATE_NOOP("EventKind", "ratification"),
    "membership_change": QT_TRANSLATE_NOOP("EventKind", "membership change"),
    "military_operation": QT_TRANSLATE_NOOP("EventKind", "military operation"),
    "conflict": QT_TRANSLATE_NOOP("EventKind", "conflict"), "statement": QT_TRANSLATE_NOOP("EventKind", "statement"),
    "decree": QT_TRANSLATE_NOOP("EventKind", "decree"), "vote": QT_TRANSLATE_NOOP("EventKind", "vote"),
    "legal_action": QT_TRANSLATE_NOOP("EventKind", "legal action"),
    "withdrawal": QT_TRANSLATE_NOOP("EventKind", "withdrawal"),
    "diplomatic_relations": QT_TRANSLATE_NOOP("EventKind", "diplomatic relations"),
    "cooperation": QT_TRANSLATE_NOOP("EventKind", "cooperation"),
    "accusation": QT_TRANSLATE_NOOP("EventKind", "accusation"), "other": QT_TRANSLATE_NOOP("EventKind", "other"),
}
AGREEMENT_KINDS = {
    "treaty": QT_TRANSLATE_NOOP("AgreementKind", "treaty"), "charter": QT_TRANSLATE_NOOP("AgreementKind", "charter"),
    "declaration": QT_TRANSLATE_NOOP("AgreementKind", "declaration"),
    "programme": QT_TRANSLATE_NOOP("AgreementKind", "programme"),
    "convention": QT_TRANSLATE_NOOP("AgreementKind", "convention"),
    "ceasefire": QT_TRANSLATE_NOOP("AgreementKind", "ceasefire"),
    "peace_statement": QT_TRANSLATE_NOOP("AgreementKind", "peace statement"),
    "decree": QT_TRANSLATE_NOOP("AgreementKind", "decree"),
    "agreement": QT_TRANSLATE_NOOP("AgreementKind", "agreement"), "plan": QT_TRANSLATE_NOOP("AgreementKind", "plan"),
}
STEP_KINDS = {
    "proposed": QT_TRANSLATE_NOOP("StepKind", "proposed"), "signed": QT_TRANSLATE_NOOP("StepKind", "signed"),
    "approved": QT_TRANSLATE_NOOP("StepKind", "approved"), "ratified": QT_TRANSLATE_NOOP("StepKind", "ratified"),
    "ratification_rejected": QT_TRANSLATE_NOOP("StepKind", "ratification rejected"),
    "entered_into_force": QT_TRANSLATE_NOOP("StepKind", "entered into force"),
    "implementation_began": QT_TRANSLATE_NOOP("StepKind", "implementation began"),
    "withdrawn": QT_TRANSLATE_NOOP("StepKind", "withdrawn"), "succeeded": QT_TRANSLATE_NOOP("StepKind", "succeeded"),
}
MEMBERSHIP_STATUSES = {
    "founding_member": QT_TRANSLATE_NOOP("MembershipStatus", "founding member"),
    "member": QT_TRANSLATE_NOOP("MembershipStatus", "member"),
    "observer": QT_TRANSLATE_NOOP("MembershipStatus", "observer"),
    "partner": QT_TRANSLATE_NOOP("MembershipStatus", "partner"),
    "associate_member": QT_TRANSLATE_NOOP("MembershipStatus", "associate member"),
    "applicant": QT_TRANSLATE_NOOP("MembershipStatus", "applicant"),
    "suspended": QT_TRANSLATE_NOOP("MembershipStatus", "suspended"),
    "withdrawn": QT_TRANSLATE_NOOP("MembershipStatus", "withdrawn"),
    "participant": QT_TRANSLATE_NOOP("MembershipStatus", "participant"),
}
STANCES = {"supports": QT_TRANSLATE_NOOP("Stance", "supports"),
           "contradicts": QT_TRANSLATE_NOOP("Stance", "contradicts")}
RELIABILITY_GRADES = {
    "A": QT_TRANSLATE_NOOP("ReliabilityGrade", "completely reliable"),
    "B": QT_TRANSLATE_NOOP("ReliabilityGrade", "usually reliable"),
    "C": QT_TRANSLATE_NOOP("ReliabilityGrade", "fairly reliable"),
    "D": QT_TRANSLATE_NOOP("ReliabilityGrade", "not usually reliable"),
    "E": QT_TRANSLATE_NOOP("ReliabilityGrade", "unreliable"),
    "F": QT_TRANSLATE_NOOP("ReliabilityGrade", "reliability cannot be judged"),
}
RECORD_KINDS = {
    "event": QT_TRANSLATE_NOOP("RecordKind", "Event"), "agreement": QT_TRANSLATE_NOOP("RecordKind", "Agreement"),
    "organisation": QT_TRANSLATE_NOOP("RecordKind", "Organisation"),
    "passage": QT_TRANSLATE_NOOP("RecordKind", "Passage"), "source": QT_TRANSLATE_NOOP("RecordKind", "Source"),
    "country": QT_TRANSLATE_NOOP("RecordKind", "Country"), "person": QT_TRANSLATE_NOOP("RecordKind", "Person"),
    "step": QT_TRANSLATE_NOOP("RecordKind", "Agreement step"),
    "membership": QT_TRANSLATE_NOOP("RecordKind", "Membership status"),
}


def _shown(context: str, table: dict[str, str], key: str) -> str:
    return QCoreApplication.translate(context, table[key]) if key in table else key.replace("_", " ")


def event_kind(key: str) -> str:
    return _shown("EventKind", EVENT_KINDS, key)


def agreement_kind(key: str) -> str:
    return _shown("AgreementKind", AGREEMENT_KINDS, key)


def step_kind(key: str) -> str:
    return _shown("StepKind", STEP_KINDS, key)


def membership_status(key: str) -> str:
    return _shown("MembershipStatus", MEMBERSHIP_STATUSES, key)


def stance(key: str) -> str:
    return _shown("Stance", STANCES, key)


def reliability_words(letter: str) -> str:
    """The Admiralty code's words for a source grade."""
    return _shown("ReliabilityGrade", RELIABILITY_GRADES, letter)


def record_kind(key: str) -> str:
    """A kind of record as a heading word ("Event", "Source", …)."""
    return _shown("RecordKind", RECORD_KINDS, key)


EVIDENCE_GRADES = {
    "corroborated": QT_TRANSLATE_NOOP("EvidenceGrade", "corroborated"),
    "single_source": QT_TRANSLATE_NOOP("EvidenceGrade", "single source"),
    "uncorroborated": QT_TRANSLATE_NOOP("EvidenceGrade", "uncorroborated"),
    "contested": QT_TRANSLATE_NOOP("EvidenceGrade", "contested"),
}


def grade_text(grade: str | None) -> str:
    """'◇ uncorroborated': a claim's evidence grade, its mark and words, as lists and tables show it."""
    return f"{GRADE_SYMBOLS.get(grade or '', '')} {_shown('EvidenceGrade', EVIDENCE_GRADES, grade or '')}".strip()


def reliability_label(letter: str | None) -> str:
    """'B — usually reliable'; 'not graded' for none."""
    if not letter:
        return QCoreApplication.translate("ReliabilityGrade", "not graded")
    return f"{letter} — {reliability_words(letter)}"


def interval_bound(label: str | None, *, end: bool, edtf: str | None = None) -> str:
    """A membership's start or end as the core labels it, its "unknown" / "open" translated and
    its date (`edtf`, when given) in the interface's language."""
    if end and label == "open":
        return QCoreApplication.translate("MembershipStatus", "open")
    if not end and label == "unknown":
        return QCoreApplication.translate("MembershipStatus", "unknown")
    if edtf:
        return date_label(edtf)
    return label or ""
