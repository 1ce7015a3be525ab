"""The core's words as the interface shows them, in the interface's language.

The core (Qt-free) names things in English: evidence grades, reliability grades, kinds of
event, agreement and step, membership statuses, date precisions, the filter's dimensions and
its chips, and the readable form of EDTF dates. The interface shows them through these
functions, which translate the vocabulary with Qt's tools (context `core_labels`) and format
dates with the interface's locale. Values from the data (names, titles) pass through as they
are; an unknown word is shown as the core gave it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from PySide6.QtCore import QCoreApplication, QLocale, QObject

from ...core.corpus.evidence import GRADE_EXPLANATIONS, GRADE_LABELS, GRADE_SYMBOLS, RELIABILITY_GRADES
from ...core.query.records import Link
from ..i18n import QT_TRANSLATE_NOOP, installed_language

C = "core_labels"

_WORDS = {
    # evidence grades
    "corroborated": QT_TRANSLATE_NOOP("core_labels", "corroborated"),
    "single source": QT_TRANSLATE_NOOP("core_labels", "single source"),
    "uncorroborated": QT_TRANSLATE_NOOP("core_labels", "uncorroborated"),
    "contested": QT_TRANSLATE_NOOP("core_labels", "contested"),
    "supported by two or more independent sources, none of low reliability needed": QT_TRANSLATE_NOOP(
        "core_labels", "supported by two or more independent sources, none of low reliability needed"),
    "supported by one source (or by copies of one), not of low reliability": QT_TRANSLATE_NOOP(
        "core_labels", "supported by one source (or by copies of one), not of low reliability"),
    "supported only by sources of low reliability": QT_TRANSLATE_NOOP(
        "core_labels", "supported only by sources of low reliability"),
    "a cited passage contradicts it": QT_TRANSLATE_NOOP("core_labels", "a cited passage contradicts it"),
    # reliability grades (Admiralty code)
    "completely reliable": QT_TRANSLATE_NOOP("core_labels", "completely reliable"),
    "usually reliable": QT_TRANSLATE_NOOP("core_labels", "usually reliable"),
    "fairly reliable": QT_TRANSLATE_NOOP("core_labels", "fairly reliable"),
    "not usually reliable": QT_TRANSLATE_NOOP("core_labels", "not usually reliable"),
    "unreliable": QT_TRANSLATE_NOOP("core_labels", "unreliable"),
    "reliability cannot be judged": QT_TRANSLATE_NOOP("core_labels", "reliability cannot be judged"),
    # kinds of event
    "visit": QT_TRANSLATE_NOOP("core_labels", "visit"),
    "meeting": QT_TRANSLATE_NOOP("core_labels", "meeting"),
    "summit": QT_TRANSLATE_NOOP("core_labels", "summit"),
    "conference": QT_TRANSLATE_NOOP("core_labels", "conference"),
    "signing": QT_TRANSLATE_NOOP("core_labels", "signing"),
    "ratification": QT_TRANSLATE_NOOP("core_labels", "ratification"),
    "membership change": QT_TRANSLATE_NOOP("core_labels", "membership change"),
    "military operation": QT_TRANSLATE_NOOP("core_labels", "military operation"),
    "conflict": QT_TRANSLATE_NOOP("core_labels", "conflict"),
    "statement": QT_TRANSLATE_NOOP("core_labels", "statement"),
    "decree": QT_TRANSLATE_NOOP("core_labels", "decree"),
    "vote": QT_TRANSLATE_NOOP("core_labels", "vote"),
    "legal action": QT_TRANSLATE_NOOP("core_labels", "legal action"),
    "withdrawal": QT_TRANSLATE_NOOP("core_labels", "withdrawal"),
    "diplomatic relations": QT_TRANSLATE_NOOP("core_labels", "diplomatic relations"),
    "cooperation": QT_TRANSLATE_NOOP("core_labels", "cooperation"),
    "accusation": QT_TRANSLATE_NOOP("core_labels", "accusation"),
    "other": QT_TRANSLATE_NOOP("core_labels", "other"),
    # kinds of agreement
    "treaty": QT_TRANSLATE_NOOP("core_labels", "treaty"),
    "charter": QT_TRANSLATE_NOOP("core_labels", "charter"),
    "declaration": QT_TRANSLATE_NOOP("core_labels", "declaration"),
    "programme": QT_TRANSLATE_NOOP("core_labels", "programme"),
    "convention": QT_TRANSLATE_NOOP("core_labels", "convention"),
    "ceasefire": QT_TRANSLATE_NOOP("core_labels", "ceasefire"),
    "peace statement": QT_TRANSLATE_NOOP("core_labels", "peace statement"),
    "agreement": QT_TRANSLATE_NOOP("core_labels", "agreement"),
    "plan": QT_TRANSLATE_NOOP("core_labels", "plan"),
    # agreement steps
    "proposed": QT_TRANSLATE_NOOP("core_labels", "proposed"),
    "signed": QT_TRANSLATE_NOOP("core_labels", "signed"),
    "approved": QT_TRANSLATE_NOOP("core_labels", "approved"),
    "ratified": QT_TRANSLATE_NOOP("core_labels", "ratified"),
    "ratification rejected": QT_TRANSLATE_NOOP("core_labels", "ratification rejected"),
    "entered into force": QT_TRANSLATE_NOOP("core_labels", "entered into force"),
    "implementation began": QT_TRANSLATE_NOOP("core_labels", "implementation began"),
    "withdrawn": QT_TRANSLATE_NOOP("core_labels", "withdrawn"),
    "succeeded": QT_TRANSLATE_NOOP("core_labels", "succeeded"),
    # membership statuses
    "founding member": QT_TRANSLATE_NOOP("core_labels", "founding member"),
    "member": QT_TRANSLATE_NOOP("core_labels", "member"),
    "observer": QT_TRANSLATE_NOOP("core_labels", "observer"),
    "partner": QT_TRANSLATE_NOOP("core_labels", "partner"),
    "associate member": QT_TRANSLATE_NOOP("core_labels", "associate member"),
    "applicant": QT_TRANSLATE_NOOP("core_labels", "applicant"),
    "suspended": QT_TRANSLATE_NOOP("core_labels", "suspended"),
    "participant": QT_TRANSLATE_NOOP("core_labels", "participant"),
    # date precisions
    "exact day": QT_TRANSLATE_NOOP("core_labels", "exact day"),
    "month": QT_TRANSLATE_NOOP("core_labels", "month"),
    "season": QT_TRANSLATE_NOOP("core_labels", "season"),
    "year": QT_TRANSLATE_NOOP("core_labels", "year"),
    "decade": QT_TRANSLATE_NOOP("core_labels", "decade"),
    "century": QT_TRANSLATE_NOOP("core_labels", "century"),
    "interval": QT_TRANSLATE_NOOP("core_labels", "interval"),
    "approximate": QT_TRANSLATE_NOOP("core_labels", "approximate"),
    "uncertain": QT_TRANSLATE_NOOP("core_labels", "uncertain"),
    # the kinds of passage in a source's legend (ui/common/palette.py KIND_LABELS)
    "event": QT_TRANSLATE_NOOP("core_labels", "event"),
    "agreement step": QT_TRANSLATE_NOOP("core_labels", "agreement step"),
    "membership / status": QT_TRANSLATE_NOOP("core_labels", "membership / status"),
    "organisation fact": QT_TRANSLATE_NOOP("core_labels", "organisation fact"),
    "contradicts a record": QT_TRANSLATE_NOOP("core_labels", "contradicts a record"),
    "your annotated selection": QT_TRANSLATE_NOOP("core_labels", "your annotated selection"),
    "not part of the article": QT_TRANSLATE_NOOP("core_labels", "not part of the article"),
    # the origins of an event (the filter's Origin options)
    "corpus": QT_TRANSLATE_NOOP("core_labels", "corpus"),
    "mine": QT_TRANSLATE_NOOP("core_labels", "mine"),
    "the shipped corpus": QT_TRANSLATE_NOOP("core_labels", "the shipped corpus"),
    "events you recorded": QT_TRANSLATE_NOOP("core_labels", "events you recorded"),
    # the roles of a record in an event (the corpus's links)
    "subject": QT_TRANSLATE_NOOP("core_labels", "subject"),
    "party": QT_TRANSLATE_NOOP("core_labels", "party"),
    "host": QT_TRANSLATE_NOOP("core_labels", "host"),
    "visitor": QT_TRANSLATE_NOOP("core_labels", "visitor"),
    "speaker": QT_TRANSLATE_NOOP("core_labels", "speaker"),
    "signatory": QT_TRANSLATE_NOOP("core_labels", "signatory"),
    "location": QT_TRANSLATE_NOOP("core_labels", "location"),
    "actor": QT_TRANSLATE_NOOP("core_labels", "actor"),
    "addressee": QT_TRANSLATE_NOOP("core_labels", "addressee"),
    "mentioned": QT_TRANSLATE_NOOP("core_labels", "mentioned"),
    "convener": QT_TRANSLATE_NOOP("core_labels", "convener"),
    "admitting": QT_TRANSLATE_NOOP("core_labels", "admitting"),
    "recipient": QT_TRANSLATE_NOOP("core_labels", "recipient"),
    "organiser": QT_TRANSLATE_NOOP("core_labels", "organiser"),
    "accuser": QT_TRANSLATE_NOOP("core_labels", "accuser"),
    "accused": QT_TRANSLATE_NOOP("core_labels", "accused"),
    "parent": QT_TRANSLATE_NOOP("core_labels", "parent"),
    "advocate": QT_TRANSLATE_NOOP("core_labels", "advocate"),
    "attacker": QT_TRANSLATE_NOOP("core_labels", "attacker"),
    "contributor": QT_TRANSLATE_NOOP("core_labels", "contributor"),
    "court": QT_TRANSLATE_NOOP("core_labels", "court"),
    "donor": QT_TRANSLATE_NOOP("core_labels", "donor"),
    "founder": QT_TRANSLATE_NOOP("core_labels", "founder"),
    "framework": QT_TRANSLATE_NOOP("core_labels", "framework"),
    "head": QT_TRANSLATE_NOOP("core_labels", "head"),
    "interviewee": QT_TRANSLATE_NOOP("core_labels", "interviewee"),
    "issuer": QT_TRANSLATE_NOOP("core_labels", "issuer"),
    "lead": QT_TRANSLATE_NOOP("core_labels", "lead"),
    "peacekeeper": QT_TRANSLATE_NOOP("core_labels", "peacekeeper"),
    "respondent": QT_TRANSLATE_NOOP("core_labels", "respondent"),
    "spokesman": QT_TRANSLATE_NOOP("core_labels", "spokesman"),
    "submitter": QT_TRANSLATE_NOOP("core_labels", "submitter"),
    "withdrawing": QT_TRANSLATE_NOOP("core_labels", "withdrawing"),
    # the filter's dimensions (their titles in the filter panel)
    "Organisations": QT_TRANSLATE_NOOP("core_labels", "Organisations"),
    "Countries": QT_TRANSLATE_NOOP("core_labels", "Countries"),
    "People": QT_TRANSLATE_NOOP("core_labels", "People"),
    "Kinds of event": QT_TRANSLATE_NOOP("core_labels", "Kinds of event"),
    "Sources": QT_TRANSLATE_NOOP("core_labels", "Sources"),
    "Origin": QT_TRANSLATE_NOOP("core_labels", "Origin"),
    "Your tags": QT_TRANSLATE_NOOP("core_labels", "Your tags"),
    "Evidence": QT_TRANSLATE_NOOP("core_labels", "Evidence"),
    "Your own events": QT_TRANSLATE_NOOP("core_labels", "Your own events"),
    "The shipped corpus": QT_TRANSLATE_NOOP("core_labels", "The shipped corpus"),
}
SEASON_NAMES = {
    21: QT_TRANSLATE_NOOP("core_labels", "spring {year}"),
    22: QT_TRANSLATE_NOOP("core_labels", "summer {year}"),
    23: QT_TRANSLATE_NOOP("core_labels", "autumn {year}"),
    24: QT_TRANSLATE_NOOP("core_labels", "winter {year}"),
}
PRECISION_WORDS = {
    "day": "exact day", "month": "month", "season": "season", "year": "year",
    "decade": "decade", "century": "century", "interval": "interval",
}


def word(text: str | None) -> str:
    """One word or phrase of the core's vocabulary (with `_` or spaces), translated."""
    if not text:
        return ""
    return _word(text, installed_language())


@lru_cache(maxsize=4096)  # tables ask for a cell's words on every repaint
def _word(text: str, language: str) -> str:
    key = text.replace("_", " ")
    source = _WORDS.get(key)
    return QCoreApplication.translate("core_labels", source) if source else key


def grade_label(grade: str | None) -> str:
    return word(GRADE_LABELS.get(grade or "", grade or ""))


def grade_text(grade: str | None) -> str:
    """'◇ uncorroborated': the grade's mark and words, as lists and tables show it."""
    return f"{GRADE_SYMBOLS.get(grade or '', '')} {grade_label(grade)}".strip()


def grade_explanation(grade: str | None) -> str:
    return word(GRADE_EXPLANATIONS.get(grade or "", ""))


def reliability_words(letter: str | None) -> str:
    return word(RELIABILITY_GRADES.get(letter or "", ""))


def precision_word(precision: str | None) -> str:
    return word(PRECISION_WORDS.get(precision or "", precision or ""))


def dimension_title(title: str) -> str:
    return word(title) if title in _WORDS else title


# --- dates --------------------------------------------------------------------------------

_SINGLE = re.compile(r"^(?P<year>-?[0-9X]{4})(?:-(?P<mid>\d\d)(?:-(?P<day>\d\d))?)?(?P<qual>[~?%])?$")


def _single(text: str) -> str:
    m = _SINGLE.match(text)
    if m is None:
        return text
    ytext, mid, day, qual = m.group("year"), m.group("mid"), m.group("day"), m.group("qual")
    locale = QLocale()
    if ytext.endswith("XX"):
        number = int(ytext[:2]) + 1
        # English says its ordinal ("the 20th century"), as the core does; Azerbaijani and
        # Russian write a century in Roman numerals ("XX əsr", "XX век"), which need no suffix
        core = (_english_century(number) if installed_language() == "en" else
                QCoreApplication.translate("core_labels", "century {number}").format(number=_roman(number)))
    elif "X" in ytext:
        core = QCoreApplication.translate("core_labels", "the {decade}s").format(decade=ytext.replace("X", "0"))
    elif mid is None:
        core = ytext
    elif day is not None:
        core = QCoreApplication.translate("core_labels", "{day} {month} {year}").format(
            day=int(day), month=locale.monthName(int(mid), QLocale.FormatType.LongFormat), year=ytext)
    elif int(mid) in SEASON_NAMES:
        core = QCoreApplication.translate("core_labels", SEASON_NAMES[int(mid)]).format(year=ytext)
    elif 1 <= int(mid) <= 12:
        core = QCoreApplication.translate("core_labels", "{month} {year}").format(
            month=locale.standaloneMonthName(int(mid), QLocale.FormatType.LongFormat), year=ytext)
    else:
        return text
    if qual == "~":
        return QCoreApplication.translate("core_labels", "about {date}").format(date=core)
    if qual == "?":
        return QCoreApplication.translate("core_labels", "possibly {date}").format(date=core)
    if qual == "%":
        return QCoreApplication.translate("core_labels", "about, possibly {date}").format(date=core)
    return core


def _roman(number: int) -> str:
    if not 0 < number < 40:  # years before the era or past 3999: the number as it is
        return str(number)
    out = ""
    for value, letters in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while number >= value:
            out, number = out + letters, number - value
    return out


def _english_century(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"the {number}{suffix} century"


def date_label(edtf: str | None) -> str:
    """A readable form of an EDTF value in the interface's language (`1994-05-04` →
    `4 May 1994`, `4 may 1994`, `4 мая 1994`); what is not EDTF is shown as it is."""
    if not edtf:
        return ""
    return _date_label(edtf, installed_language())


@lru_cache(maxsize=65536)  # a pure function of the value and the language; every row asks for one
def _date_label(edtf: str, language: str) -> str:
    if "/" not in edtf:
        return _single(edtf)
    left, right = edtf.split("/", 1)
    if left in ("", ".."):
        return QCoreApplication.translate("core_labels", "until {date}").format(date=_single(right))
    if right in ("", ".."):
        return QCoreApplication.translate("core_labels", "from {date}").format(date=_single(left))
    return f"{_single(left)} – {_single(right)}"


# --- the filter's chips ---------------------------------------------------------------------

_CHIP_PREFIXES = {
    "organisations": ("organisation is ", QT_TRANSLATE_NOOP("core_labels", "organisation is {name}")),
    "countries": ("country is ", QT_TRANSLATE_NOOP("core_labels", "country is {name}")),
    "people": ("person is ", QT_TRANSLATE_NOOP("core_labels", "person is {name}")),
    "sources": ("source is ", QT_TRANSLATE_NOOP("core_labels", "source is {name}")),
    "evidence": ("evidence is ", QT_TRANSLATE_NOOP("core_labels", "evidence is {name}")),
    "tags": ("tagged ", QT_TRANSLATE_NOOP("core_labels", "tagged {name}")),
}


def chip_label(dimension: str, value: str | None, label: str) -> str:
    """A filter chip's words (the core's `FilterChip.label`) in the interface's language; the
    names in it (organisations, sources, tags, the text searched) stay as they are."""
    if dimension in _CHIP_PREFIXES:
        prefix, pattern = _CHIP_PREFIXES[dimension]
        if label.startswith(prefix):
            name = label[len(prefix):]
            if dimension == "evidence":
                name = grade_label(value) if value else word(name)
            return QCoreApplication.translate("core_labels", pattern).format(name=name)
        return label
    if dimension == "kinds" and value:
        return QCoreApplication.translate("core_labels", "kind is {kind}").format(kind=word(value))
    if dimension == "origins":
        return {"mine": QCoreApplication.translate("core_labels", "your own events"), "corpus": QCoreApplication.translate("core_labels", "the shipped corpus's events")}.get(
            value or "", label)
    if dimension == "disputed":
        return QCoreApplication.translate("core_labels", "disputed only") if label == "disputed only" else QCoreApplication.translate("core_labels", "undisputed only")
    if dimension == "annotated":
        return QCoreApplication.translate("core_labels", "annotated only")
    if dimension == "text":
        m = re.match(r"^text “(.*)” ignored: it holds no words$", label, re.S)
        if m:
            return QCoreApplication.translate("core_labels", "text “{text}” ignored: it holds no words").format(text=m.group(1))
        m = re.match(r"^text contains “(.*)”$", label, re.S)
        if m:
            return QCoreApplication.translate("core_labels", "text contains “{text}”").format(text=m.group(1))
        return label
    if dimension in ("dates", "date_from", "date_to"):
        return _date_chip(dimension, label)
    return label


def _date_chip(dimension: str, label: str) -> str:
    """The date chips carry the readable form of the bounds; their EDTF is read back from it
    by the core's parser so the bounds can be shown in the interface's language."""
    from ...core.corpus.dates import DateError, parse_phrase

    def shown(text: str) -> str:
        try:
            return date_label(parse_phrase(text))
        except (DateError, ValueError):
            return text

    if dimension == "date_from" and label.startswith("from "):
        return QCoreApplication.translate("core_labels", "from {date}").format(date=shown(label[5:]))
    if dimension == "date_to" and label.startswith("until "):
        return QCoreApplication.translate("core_labels", "until {date}").format(date=shown(label[6:]))
    if dimension == "dates" and " – " in label:
        left, right = label.split(" – ", 1)
        return f"{shown(left)} – {shown(right)}"
    return label


def number(n: int) -> str:
    """A count as the interface's language writes it (`1,234`; `1 234` in Russian)."""
    return f"{n:,}" if installed_language() == "en" else QLocale().toString(n)


def reliability_label(letter: str | None) -> str:
    """'B — usually reliable'; 'not graded' for none (the core's `reliability_label`, translated)."""
    if not letter:
        return QCoreApplication.translate("core_labels", "not graded")
    words = reliability_words(letter) or QCoreApplication.translate("core_labels", "unknown grade")
    return f"{letter} — {words}"


def role_label(role: str | None) -> str:
    """A link's role (a membership status, a step) as shown beside it."""
    return word(role) if role else ""


# --- labels the core composes ---------------------------------------------------------------

def citing_label(link: Link) -> str:
    """A record a passage is cited for (the core's `Link` on a source page), worded in the
    interface's language from the link's parts; the core's English label when it has none."""
    if link.role == "membership" and link.name and link.what and link.of:
        return QCoreApplication.translate("core_labels", "{country} — {status} of {organisation}").format(
            country=link.name, status=word(link.what), organisation=link.of)
    if link.kind == "agreement" and link.name and link.what:
        if link.date:
            return QCoreApplication.translate("core_labels", "{agreement} — {step} {date}").format(
                agreement=link.name, step=word(link.what), date=link.date)
        return QCoreApplication.translate("core_labels", "{agreement} — {step}").format(
            agreement=link.name, step=word(link.what))
    if link.kind == "organisation" and link.name and link.what:
        pattern = (QT_TRANSLATE_NOOP("core_labels", "{organisation} (founded)") if link.what == "founded"
                   else QT_TRANSLATE_NOOP("core_labels", "{organisation} (description)"))
        return QCoreApplication.translate("core_labels", pattern).format(organisation=link.name)
    return link.label


class CitedCounts(QObject):
    """What a source is cited for on a record's page, counted (the core's `Link.counts`), with
    the interface's plural forms."""

    def said(self, what: str, n: int) -> str | None:
        if what == "event":
            return self.tr("%n event(s)", "", n)
        if what == "status":
            return self.tr("%n status(es)", "", n)
        if what == "description":
            return self.tr("%n description(s)", "", n)
        if what == "founding date":
            return self.tr("%n founding date(s)", "", n)
        return None


def cited_counts(link: Link) -> str:
    """`32 events, 9 statuses` (a link's `counts`) in the interface's language; the core's
    `role` when a count is of a kind it does not know."""
    said = [CitedCounts().said(what, n) for what, n in link.counts]
    return ", ".join(s for s in said if s) if said and all(said) else (link.role or "")
