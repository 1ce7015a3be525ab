"""Proposing a date for a new record from the words the user selected in a source.

The selection is searched for date phrases the app's own parser (`corpus/dates.py`) reads:
"4 May 1994", "April 16", "spring 1998", "late 1997", "1999". A phrase without a year takes the
nearest year stated before it in the selection, else the source's publication year; a phrase
relative to the writing ("yesterday", "on Tuesday", "two weeks ago", "last month") is resolved
against the source's publication date. Each proposal keeps the words it came from and a note
saying how the date was worked out, for the record's `date_text` and `date_note`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..corpus.dates import DateError, describe, parse_edtf, parse_phrase, shift

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)"
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}

# Absolute phrases, longest forms first; each is handed to the date parser as matched.
_ABSOLUTE = [re.compile(p, re.IGNORECASE) for p in (
    r"\b\d{4}-\d{2}-\d{2}\b",
    rf"\b(?:between|from)\s+(?:\d{{1,2}}{_ORD}\s+)?{_MONTH}(?:\s+{_YEAR})?\s+(?:and|to)\s+"
    rf"(?:\d{{1,2}}{_ORD}\s+)?{_MONTH}\s+{_YEAR}\b",
    rf"\b(?:from|between)\s+{_YEAR}\s+(?:to|and)\s+{_YEAR}\b",
    rf"\b\d{{1,2}}{_ORD}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b",
    rf"\b{_MONTH}\s+\d{{1,2}}{_ORD},?\s+{_YEAR}\b",
    rf"\b(?:first|second) half of {_YEAR}\b",
    rf"\b(?:early|mid|late)[\s-]*{_YEAR}\b",
    r"\b(?:early|mid|late)[\s-]*\d{3}0'?s\b",
    rf"\b(?:spring|summer|autumn|fall|winter)(?:\s+of)?\s+{_YEAR}\b",
    rf"\b{_MONTH}(?:\s+of)?,?\s+{_YEAR}\b",
    rf"\b\d{{1,2}}{_ORD}\s+(?:of\s+)?{_MONTH}\b",
    rf"\b{_MONTH}\s+\d{{1,2}}{_ORD}\b(?!,?\s*\d)",
    rf"(?:(?<=\bin )|(?<=\bon )|(?<=\bsince )|(?<=\buntil )|(?<=\bby )){_MONTH}\b",
    rf"\b{_YEAR}\b",
)]
_RELATIVE = re.compile(
    r"\b(?P<yesterday>yesterday)\b|\b(?P<today>today|this morning|this evening|tonight)\b"
    r"|\b(?P<tomorrow>tomorrow)\b"
    r"|\b(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
    r"(?P<unit>day|week|month|year)s?\s+ago\b"
    r"|\b(?P<which>last|this|next|earlier this|later this)\s+(?P<period>week|month|year)\b"
    r"|\b(?P<on>on|last|this|next)?\s*(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    re.IGNORECASE)


@dataclass(frozen=True)
class DateProposal:
    """A date read from the selection: EDTF, the words (`text`, at `start`-`end` of the
    selection) and how it was worked out (`note`, None when the words say it all)."""

    edtf: str
    text: str
    start: int
    end: int
    note: str | None

    @property
    def label(self) -> str:
        return describe(self.edtf)


def _published_day(published: str | None) -> date | None:
    if not published:
        return None
    try:
        d = parse_edtf(published)
    except DateError:
        return None
    return d.lower if d.precision == "day" else None


def _published_year(published: str | None) -> int | None:
    try:
        return parse_edtf(published).lower.year if published else None
    except DateError:
        return None


def _relative(m: re.Match, day: date, published: str) -> tuple[str, str] | None:
    words = m.group(0).strip()
    said = f"“{words}” read against the source's publication date, {describe(published)}"
    if m.group("yesterday"):
        return (day - timedelta(days=1)).isoformat(), said
    if m.group("today"):
        return day.isoformat(), said
    if m.group("tomorrow"):
        return (day + timedelta(days=1)).isoformat(), said
    if m.group("unit"):
        n = m.group("n").lower()
        count = int(n) if n.isdigit() else _NUMBERS[n]
        unit = m.group("unit").lower()
        result = shift(day.isoformat(), -count, unit)
        # "two weeks ago" is a round figure: the day is approximate
        return (result if unit == "day" else f"{result}~"), said
    if m.group("period"):
        which, period = m.group("which").lower(), m.group("period").lower()
        step = {"last": -1, "next": 1}.get(which, 0)
        if period == "week":
            monday = day - timedelta(days=day.weekday()) + timedelta(weeks=step)
            return f"{monday.isoformat()}/{(monday + timedelta(days=6)).isoformat()}", said
        if period == "month":
            month = date(day.year, day.month, 1)
            edtf = shift(f"{month.year:04d}-{month.month:02d}", step, "month") if step else \
                f"{month.year:04d}-{month.month:02d}"
            if which == "earlier this":
                return f"{month.isoformat()}/{day.isoformat()}", said
            return edtf, said
        year = day.year + step
        if which == "earlier this":
            return f"{year:04d}-01-01/{day.isoformat()}", said
        return f"{year:04d}", said
    weekday = _WEEKDAYS.index(m.group("weekday").lower())
    how = (m.group("on") or "on").lower()
    back = (day.weekday() - weekday) % 7
    if how == "last" and back == 0:
        back = 7
    if how == "next":
        ahead = (weekday - day.weekday()) % 7 or 7
        return (day + timedelta(days=ahead)).isoformat(), said
    # news usage: "on Tuesday" is the latest Tuesday up to the day of writing
    return (day - timedelta(days=back)).isoformat(), said


def propose_dates(selection: str, published: str | None = None) -> list[DateProposal]:
    """Every date phrase in the selection that the parser reads, in reading order, without
    overlaps (the longest phrase wins). The first is the one to propose."""
    found: list[DateProposal] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    years = [(m.start(), int(m.group(0))) for m in re.finditer(rf"\b{_YEAR}\b", selection)]
    for pattern in _ABSOLUTE:
        for m in pattern.finditer(selection):
            start, end = m.start(), m.end()
            if not free(start, end):
                continue
            words = m.group(0)
            stated = re.search(rf"\b{_YEAR}\b", words)
            note = None
            context = None
            if not stated:
                earlier = [y for at, y in years if at < start]
                if earlier:
                    context = earlier[-1]
                    note = f"the year, {context}, taken from earlier in the passage"
                elif _published_year(published) is not None:
                    context = _published_year(published)
                    note = f"the year, {context}, taken from the source's publication date"
            try:
                edtf = parse_phrase(words, context_year=context)
            except DateError:
                continue
            found.append(DateProposal(edtf, words, start, end, note))
            taken.append((start, end))
    day = _published_day(published)
    if day is not None and published:
        for m in _RELATIVE.finditer(selection):
            start, end = m.start(), m.end()
            if not m.group(0).strip() or not free(start, end):
                continue
            try:
                resolved = _relative(m, day, published)
                if resolved is None:
                    continue
                edtf, note = resolved
                parse_edtf(edtf)
            except DateError:
                continue
            found.append(DateProposal(edtf, m.group(0).strip(), start, end, note))
            taken.append((start, end))
    found.sort(key=lambda p: p.start)
    return found
