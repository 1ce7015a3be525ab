"""Partial dates: EDTF level-1 strings, their bounds and precision, and the phrases sources use.

Every date in AzRel is stored as an EDTF string (`1994-05-04`, `1997-11`, `1998-21`,
`1994~`, `2002/2003`) together with the lower and upper calendar bounds computed here. Sorting
uses the lower bound; a date window matches when the two intervals overlap.

Conventions that EDTF leaves open, fixed here once:
- seasons (21 spring, 22 summer, 23 autumn, 24 winter) are meteorological and northern:
  spring is March–May, winter runs from December into February of the next year;
- `~` (approximate) and `?` (uncertain) keep the nominal bounds: the flag is shown, the
  interval is not widened;
- an interval with an open or unknown end (`1994/..`) runs to 9999-12-31; one with an open
  or unknown start (`../1993`, "by 1993") is placed at its known end: its lower bound is that
  end's lower bound, so "by 22 April 2024" sorts and filters as 22 April 2024 rather than as
  the year 1. The EDTF string keeps the open start for display.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

MIN_DATE = date(1, 1, 1)
MAX_DATE = date(9999, 12, 31)

PRECISIONS = ("day", "month", "season", "year", "decade", "century", "interval")

SEASONS = {21: "spring", 22: "summer", 23: "autumn", 24: "winter"}
SEASON_NUMBERS = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}
MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]
_MONTH_LOOKUP = {m.lower(): i + 1 for i, m in enumerate(MONTHS)}
_MONTH_LOOKUP.update({m[:3].lower(): i + 1 for i, m in enumerate(MONTHS)})
_MONTH_LOOKUP["sept"] = 9


class DateError(ValueError):
    """A date string or phrase that cannot be understood."""


@dataclass(frozen=True)
class PartialDate:
    """One parsed EDTF value with its bounds."""

    edtf: str
    lower: date
    upper: date
    precision: str
    approximate: bool = False
    uncertain: bool = False

    @property
    def start_iso(self) -> str:
        return self.lower.isoformat()

    @property
    def end_iso(self) -> str:
        return self.upper.isoformat()

    def overlaps(self, lower: date | None, upper: date | None) -> bool:
        return (upper is None or self.lower <= upper) and (lower is None or self.upper >= lower)


_SINGLE = re.compile(
    r"^(?P<year>\d{4}|\d{3}X|\d{2}XX)"
    r"(?:-(?P<mid>\d{2})(?:-(?P<day>\d{2}))?)?"
    r"(?P<qual>[?~%])?$",
    re.ASCII,  # EDTF digits are ASCII; "１９９４" is not a date string
)


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _parse_single(text: str) -> PartialDate:
    m = _SINGLE.match(text)
    if not m:
        raise DateError(f"not an EDTF date: {text!r}")
    ytext, mid, day, qual = m.group("year"), m.group("mid"), m.group("day"), m.group("qual")
    approximate = qual in ("~", "%")
    uncertain = qual in ("?", "%")
    if "X" in ytext:
        if mid is not None:
            raise DateError(f"a decade or century cannot have a month: {text!r}")
        if ytext.endswith("XX"):
            base = int(ytext[:2]) * 100
            lower, upper, precision = date(max(base, 1), 1, 1), date(base + 99, 12, 31), "century"
        else:
            base = int(ytext[:3]) * 10
            lower, upper, precision = date(max(base, 1), 1, 1), date(base + 9, 12, 31), "decade"
        return PartialDate(text, lower, upper, precision, approximate, uncertain)
    year = int(ytext)
    if year < 1:
        raise DateError(f"year 0 is not supported: {text!r}")
    if mid is None:
        return PartialDate(text, date(year, 1, 1), date(year, 12, 31), "year", approximate, uncertain)
    number = int(mid)
    if day is not None:
        if not 1 <= number <= 12:
            raise DateError(f"month out of range: {text!r}")
        try:
            exact = date(year, number, int(day))
        except ValueError as exc:
            raise DateError(f"no such day: {text!r}") from exc
        return PartialDate(text, exact, exact, "day", approximate, uncertain)
    if 1 <= number <= 12:
        return PartialDate(
            text, date(year, number, 1), date(year, number, _last_day(year, number)), "month",
            approximate, uncertain,
        )
    if number in SEASONS:
        lower, upper = _season_bounds(year, number)
        return PartialDate(text, lower, upper, "season", approximate, uncertain)
    raise DateError(f"month or season out of range: {text!r}")


def _season_bounds(year: int, season: int) -> tuple[date, date]:
    if season == 24:
        if year == 9999:
            return date(year, 12, 1), MAX_DATE
        return date(year, 12, 1), date(year + 1, 2, _last_day(year + 1, 2))
    first = {21: 3, 22: 6, 23: 9}[season]
    return date(year, first, 1), date(year, first + 2, _last_day(year, first + 2))


def parse_edtf(text: str) -> PartialDate:
    """Parse an EDTF level-1 date or interval; raise DateError with the reason otherwise."""
    if not isinstance(text, str):
        raise DateError(f"a date must be text, not {type(text).__name__}")
    text = text.strip()
    if not text:
        raise DateError("empty date")
    if "/" not in text:
        return _parse_single(text)
    if text.count("/") != 1:
        raise DateError(f"an interval has exactly one '/': {text!r}")
    left, right = text.split("/")
    start = None if left in ("", "..") else _parse_single(left)
    end = None if right in ("", "..") else _parse_single(right)
    if start is not None:
        lower = start.lower
    elif end is not None:
        lower = end.lower
    else:
        raise DateError(f"an interval needs at least one known end: {text!r}")
    upper = end.upper if end else MAX_DATE
    if start and end and start.lower > end.upper:
        raise DateError(f"interval ends before it starts: {text!r}")
    flags = [d for d in (start, end) if d]
    return PartialDate(
        text, lower, upper, "interval",
        any(d.approximate for d in flags), any(d.uncertain for d in flags),
    )


def is_valid_edtf(text: str) -> bool:
    try:
        parse_edtf(text)
    except DateError:
        return False
    return True


# --- human-readable form -------------------------------------------------------------

_QUALIFIER_WORDS = {"~": "about ", "?": "possibly ", "%": "about, possibly "}


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _describe_single(text: str) -> str:
    m = _SINGLE.match(text)
    assert m
    ytext, mid, day, qual = m.group("year"), m.group("mid"), m.group("day"), m.group("qual")
    prefix = _QUALIFIER_WORDS.get(qual or "", "")
    if ytext.endswith("XX"):
        # "the 1900s" would also name the decade 190X; 19XX is "the 20th century"
        core = f"the {_ordinal(int(ytext[:2]) + 1)} century"
    elif "X" in ytext:
        core = f"the {ytext.replace('X', '0')}s"
    elif mid is None:
        core = ytext
    elif day is not None:
        core = f"{int(day)} {MONTHS[int(mid) - 1]} {ytext}"
    elif int(mid) in SEASONS:
        core = f"{SEASONS[int(mid)]} {ytext}"
    else:
        core = f"{MONTHS[int(mid) - 1]} {ytext}"
    return prefix + core


@lru_cache(maxsize=65536)  # a pure function of the string; every timeline row asks for one
def describe(edtf: str) -> str:
    """A readable English form of an EDTF value (`1994-05-04` → `4 May 1994`).

    `parse_phrase` reads every form back to the same EDTF string.
    """
    edtf = parse_edtf(edtf).edtf
    if "/" not in edtf:
        return _describe_single(edtf)
    left, right = edtf.split("/")
    if left in ("", ".."):
        return f"until {_describe_single(right)}"
    if right in ("", ".."):
        return f"from {_describe_single(left)}"
    return f"{_describe_single(left)} – {_describe_single(right)}"


# --- phrases as the sources write them -------------------------------------------------

_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}
_DASH = r"\s*(?:-|–|—|to|until)\s*"
_MONTH_RE = r"(?P<{name}>" + "|".join(sorted(_MONTH_LOOKUP, key=len, reverse=True)) + r")\.?"


def _month(name: str) -> int:
    return _MONTH_LOOKUP[name.lower().rstrip(".")]


def _fmt(year: int, month: int | None = None, day: int | None = None) -> str:
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


MAX_PHRASE = 200  # longer text is not a date phrase (and would recurse deeply)
_SEPARATOR = r"\s+(?:–|—|-|to|until|till|through)\s+"
_RELATIVE = r"^\w+\s+(?:days?|weeks?|months?|years?)\b"


def _ascii_digits(text: str) -> str:
    return "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() and not ch.isascii() else ch
                   for ch in text)


def _clean(phrase: str) -> str:
    text = _ascii_digits(phrase).replace("\n", " ").replace("\u00a0", " ").strip().lower()
    text = re.sub(r"\s+", " ", text)
    # not "by": "by 1993" is an open start, read below
    text = re.sub(r"^(?:in|on|at|during|of)\s+", "", text)
    text = re.sub(r"^the\s+", "", text)
    return text.rstrip(".,; ")


def _as_edtf(text: str) -> str | None:
    candidate = _ascii_digits(text).strip()
    candidate = candidate.upper() if "x" in candidate else candidate
    return candidate if is_valid_edtf(candidate) else None


def parse_phrase(
    phrase: str, *, context_year: int | None = None, anchor: str | None = None, as_of: str | None = None
) -> str:
    """Turn a date phrase from a source into an EDTF string.

    `context_year` supplies the year for phrases like "April 16" or "in September";
    `anchor` (an EDTF day) resolves "a day later"; `as_of` (EDTF), the document's own date,
    ends a phrase that would run past it there: "early 1994" in a study whose data are as of
    March 1994 is `1994-01/1994-03`, not January to April. Relative phrases such as
    "five days before 2024-04-22" are resolved against the date they name. Every form
    `describe` writes reads back to the EDTF string it came from. The result is always a
    valid EDTF value; anything else raises DateError.
    """
    if not isinstance(phrase, str):
        raise DateError(f"a date phrase must be text, not {type(phrase).__name__}")
    if len(phrase) > MAX_PHRASE:
        raise DateError(f"a date phrase of {len(phrase)} characters is too long to read")
    result = _phrase(phrase, context_year, anchor, nested=False)
    try:
        read = parse_edtf(result)
    except DateError as exc:
        raise DateError(f"{phrase!r} does not give a valid date: {exc}") from None
    if as_of is not None:
        document = parse_edtf(as_of)
        if read.end_iso > document.end_iso >= read.start_iso:
            result = f"{result.split('/')[0] or '..'}/{as_of}"
            parse_edtf(result)
    return result


def _interval(text: str, separator: str, context_year: int | None, anchor: str | None) -> str | None:
    """`X – Y` where both sides are single dates, or None."""
    for m in re.finditer(separator, text):
        try:
            first = _phrase(text[:m.start()], context_year, anchor, nested=True)
            last = _phrase(text[m.end():], context_year, anchor, nested=True)
        except DateError:
            continue
        candidate = f"{first}/{last}"
        if "/" not in first and "/" not in last and is_valid_edtf(candidate):
            return candidate
    return None


def _phrase(phrase: str, context_year: int | None, anchor: str | None, *, nested: bool) -> str:
    return _read(phrase, context_year, anchor, nested=nested)[1]


def _read(phrase: str, context_year: int | None, anchor: str | None, *, nested: bool) -> tuple[str, str]:
    """(the name of the rule that read the phrase, its EDTF). An EDTF value as written is taken
    as it is; otherwise the cleaned phrase goes through `_RULES` in order, and the first rule
    whose pattern matches and whose handler gives a value reads it."""
    edtf = _as_edtf(phrase)
    if edtf:
        return "edtf", edtf
    text = _clean(phrase)
    if not text:
        raise DateError(f"no date in {phrase!r}")
    edtf = _as_edtf(text)
    if edtf:
        return "edtf", edtf
    for rule in _RULES:
        if nested and rule.whole_phrase_only:
            continue
        m = rule.pattern.match(text)
        if m is None:
            continue
        found = rule.handler(_Reading(m, phrase, context_year, anchor, nested))
        if found is not None:
            return rule.name, found
    raise DateError(f"cannot read the date phrase {phrase!r}")


@dataclass(frozen=True)
class _Reading:
    """What a rule's handler reads: its pattern's match on the cleaned phrase, the phrase as
    written (for messages) and the context the caller gave."""

    m: re.Match[str]
    phrase: str
    context_year: int | None
    anchor: str | None
    nested: bool

    def again(self, part: str) -> str:
        """A part of the phrase read as a phrase of its own, in the same context."""
        return _phrase(part, self.context_year, self.anchor, nested=self.nested)

    def year(self, group: str = "year") -> int:
        """The year the group names, else the context year."""
        return _year(self.m.group(group), self.context_year, self.phrase)

    def needs_anchor(self) -> str:
        if not self.anchor:
            raise DateError(f"{self.phrase!r} needs the date it is relative to")
        return self.anchor


@dataclass(frozen=True)
class _Rule:
    """One way sources write a date: a pattern over the cleaned phrase and a handler that turns
    its match into EDTF, or returns None to leave the phrase to the rules after it."""

    name: str
    pattern: re.Pattern[str]
    handler: Callable[[_Reading], str | None]
    whole_phrase_only: bool = False  # not tried on one side of an interval


def _year_range(r: _Reading) -> str:
    return f"{r.m.group('a')}/{r.m.group('b')}"


def _month_range(r: _Reading) -> str:
    year = r.year()
    first, second = _month(r.m.group("m1")), _month(r.m.group("m2"))
    end_year = year + 1 if second < first else year
    return f"{_fmt(year, first)}/{_fmt(end_year, second)}"


def _from_or_between(r: _Reading) -> str | None:
    separator = r"\s+and\s+" if r.m.group("how") == "between" else _SEPARATOR
    return _interval(r.m.group("rest"), separator, r.context_year, r.anchor)


def _either_side(r: _Reading) -> str | None:
    return _interval(r.m.string, _SEPARATOR, r.context_year, r.anchor)


def _qualified(mark: str) -> Callable[[_Reading], str]:
    return lambda r: _qualify(r.again(r.m.group(1)), mark)


def _open_end(r: _Reading) -> str | None:
    if re.match(_RELATIVE, r.m.group(1)):  # "after two days …" is counted, below
        return None
    return f"{_first(r.again(r.m.group(1)))}/.."


def _open_start(r: _Reading) -> str | None:
    if re.match(_RELATIVE, r.m.group(1)):
        return None
    return f"../{_last(r.again(r.m.group(1)))}"


def _counted(r: _Reading) -> str:
    count = _count(r.m.group("n"))
    sign = 1 if r.m.group("dir") in ("after", "later") else -1
    base = r.m.group("rest")
    target = r.again(base) if base else r.needs_anchor()
    return shift(target, count * sign, r.m.group("unit"))


def _same_year(r: _Reading) -> str:
    if r.context_year is None:
        raise DateError(f"{r.phrase!r} needs the year it refers to")
    return _fmt(r.context_year, _month(r.m.group("m")) if r.m.group("m") else None)


def _part_of_decade(r: _Reading) -> str:
    base = int(r.m.group("decade"))
    lo, hi = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}[r.m.group("part").rstrip("-")]
    return f"{base + lo:04d}/{base + hi:04d}"


def _decade(r: _Reading) -> str:
    return r.m.group("decade")[:3] + "X"


def _part_of_year(r: _Reading) -> str:
    year = int(r.m.group("year"))
    lo, hi = {"early": (1, 4), "beginning of": (1, 4), "mid": (5, 8), "late": (9, 12),
              "end of": (9, 12)}[r.m.group("part").rstrip("-")]
    return f"{_fmt(year, lo)}/{_fmt(year, hi)}"


def _half(r: _Reading) -> str:
    year = int(r.m.group("year"))
    first = r.m.group("which") in ("first", "1st")
    return f"{_fmt(year, 1)}/{_fmt(year, 6)}" if first else f"{_fmt(year, 7)}/{_fmt(year, 12)}"


_QUARTERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def _quarter(r: _Reading) -> str:
    year, q = int(r.m.group("year")), _QUARTERS[r.m.group("q")]
    return f"{_fmt(year, 3 * q - 2)}/{_fmt(year, 3 * q)}"


def _century(r: _Reading) -> str | None:
    n = int(r.m.group("n"))
    return f"{n - 1:02d}XX" if 1 <= n <= 100 else None


def _season(r: _Reading) -> str:
    return f"{r.year():04d}-{SEASON_NUMBERS[r.m.group('season')]}"


def _day(r: _Reading) -> str:
    return _checked_day(r.year(), _month(r.m.group("m")), int(r.m.group("d")), r.phrase)


def _month_of_year(r: _Reading) -> str:
    return _fmt(r.year(), _month(r.m.group("m")))


def _plain_year(r: _Reading) -> str:
    return r.m.group("year")


def _rule(name: str, pattern: str, handler: Callable[[_Reading], str | None], *,
          whole_phrase_only: bool = False) -> _Rule:
    return _Rule(name, re.compile(pattern), handler, whole_phrase_only)


# Tried in this order: a later rule may match what an earlier one reads ("from 1994" is an
# open end only when it is not the start of "from 1994 to 1996").
_RULES: tuple[_Rule, ...] = (
    _rule("year range", r"^(?P<a>\d{4})" + _DASH + r"(?P<b>\d{4})$", _year_range),
    _rule("month range", "^" + _MONTH_RE.format(name="m1") + _DASH + _MONTH_RE.format(name="m2")
          + r"(?: of)? ?(?P<year>\d{4})?$", _month_range),
    # "from 1994 to 1996", "between May 1994 and June 1995", "July 1993 – December 1993"
    _rule("from or between", r"^(?P<how>from|between)\s+(?P<rest>.*)$", _from_or_between, whole_phrase_only=True),
    _rule("interval", ".*?" + _SEPARATOR, _either_side, whole_phrase_only=True),
    _rule("about, possibly", r"^(?:about|around|approximately),?\s+(?:and\s+)?possibly\s+(.*)$", _qualified("%")),
    _rule("about", r"^(?:about|around|circa|c\.|ca\.|approximately|roughly)\s+(.*)$", _qualified("~")),
    _rule("possibly", r"^(?:possibly|perhaps|probably)\s+(.*)$", _qualified("?")),
    _rule("since", r"^(?:since|from|after)\s+(.*)$", _open_end),
    _rule("until", r"^(?:until|till|before|by)\s+(.*)$", _open_start),
    _rule("counted", r"^(?P<n>\d+|[a-z]+)\s+(?P<unit>day|week|month|year)s?\s+(?P<dir>after|before|later|earlier)"
          r"(?:\s+(?P<rest>.*))?$", _counted),
    # "In same year", "September of the same year": the year is the context year
    _rule("same year", "^(?:" + _MONTH_RE.format(name="m") + r"\s+(?:of\s+|in\s+)?)?(?:the\s+)?same\s+year$",
          _same_year),
    _rule("part of a decade", r"^(?P<part>early|mid|mid-|late)\s*-?\s*(?P<decade>\d{3}0)'?s$", _part_of_decade),
    _rule("decade", r"^(?P<decade>\d{3}0)'?s$", _decade),
    _rule("part of a year", r"^(?P<part>early|mid|mid-|late|beginning of|end of)\s*-?\s*(?P<year>\d{4})$",
          _part_of_year),
    _rule("half", r"^(?P<which>first|second|1st|2nd) half of (?P<year>\d{4})$", _half),
    _rule("quarter", r"^(?P<q>first|second|third|fourth|1st|2nd|3rd|4th) quarter of (?P<year>\d{4})$", _quarter),
    _rule("century", r"^(?P<n>\d{1,3})(?:st|nd|rd|th) century$", _century),
    _rule("season", r"^(?P<season>spring|summer|autumn|fall|winter)(?: of)? ?(?P<year>\d{4})?$", _season),
    # "October 12, 1992", "May 4 1994", "April 16"
    _rule("month day", "^" + _MONTH_RE.format(name="m") + r" (?P<d>\d{1,2})(?:st|nd|rd|th)?,? ?(?P<year>\d{4})?$",
          _day),
    # "12 October 1992", "15 August"
    _rule("day month", r"^(?P<d>\d{1,2})(?:st|nd|rd|th)? (?:of )?" + _MONTH_RE.format(name="m")
          + r",? ?(?P<year>\d{4})?$", _day),
    # "March 1992", "May of 1997", "September"
    _rule("month", "^" + _MONTH_RE.format(name="m") + r"(?: of)?,? ?(?P<year>\d{4})?$", _month_of_year),
    _rule("year", r"^(?:year )?(?P<year>\d{4})(?: year)?$", _plain_year),
)


def _count(word: str) -> int:
    if word.isdigit():
        return int(word)
    if word in _NUMBER_WORDS:
        return _NUMBER_WORDS[word]
    raise DateError(f"not a number: {word!r}")


def _year(text: str | None, context_year: int | None, phrase: str) -> int:
    if text:
        return int(text)
    if context_year is None:
        raise DateError(f"{phrase!r} has no year and no context year was given")
    return context_year


def _checked_day(year: int, month: int, day: int, phrase: str) -> str:
    try:
        date(year, month, day)
    except ValueError as exc:
        raise DateError(f"no such day in {phrase!r}") from exc
    return _fmt(year, month, day)


def _qualify(edtf: str, mark: str) -> str:
    if "/" in edtf:
        left, right = edtf.split("/")
        return "/".join(p if p in ("", "..") else _qualify(p, mark) for p in (left, right))
    if edtf[-1] in "?~%":
        return edtf[:-1] + "%" if edtf[-1] != mark else edtf
    return edtf + mark


def _first(edtf: str) -> str:
    return edtf.split("/")[0] if "/" in edtf else edtf


def _last(edtf: str) -> str:
    return edtf.split("/")[1] if "/" in edtf else edtf


def shift(edtf: str, amount: int, unit: str) -> str:
    """Move a single EDTF date by whole days, weeks, months or years, keeping its precision.

    Raises DateError for an interval, a unit finer than the date, or a result outside the
    years 1-9999.
    """
    parsed = parse_edtf(edtf)
    edtf = parsed.edtf
    if "/" in edtf:
        raise DateError(f"cannot shift an interval: {edtf!r}")
    qual = edtf[-1] if edtf[-1] in "?~%" else ""
    outside = DateError(f"moving {edtf!r} by {amount} {unit}(s) leaves the calendar (years 1-9999)")
    if unit in ("day", "week"):
        if parsed.precision != "day":
            raise DateError(f"cannot count {unit}s from {edtf!r}, which is not a single day")
        ordinal = parsed.lower.toordinal() + amount * (7 if unit == "week" else 1)
        if not 1 <= ordinal <= MAX_DATE.toordinal():
            raise outside
        moved = date.fromordinal(ordinal)
        return _fmt(moved.year, moved.month, moved.day) + qual
    if unit == "month":
        if parsed.precision not in ("day", "month"):
            raise DateError(f"cannot count months from {edtf!r}")
        index = parsed.lower.year * 12 + parsed.lower.month - 1 + amount
        year, month = divmod(index, 12)
        if not 1 <= year <= MAX_DATE.year:
            raise outside
        if parsed.precision == "month":
            return _fmt(year, month + 1) + qual
        day = min(parsed.lower.day, _last_day(year, month + 1))
        return _fmt(year, month + 1, day) + qual
    if unit == "year":
        if parsed.precision not in ("day", "month", "season", "year"):
            raise DateError(f"cannot count years from {edtf!r}, which is a {parsed.precision}")
        body = edtf.rstrip("?~%")
        year = int(body[:4]) + amount
        if not 1 <= year <= MAX_DATE.year:
            raise outside
        rest = body[4:]
        if rest == "-02-29" and not calendar.isleap(year):
            rest = "-02-28"
        return f"{year:04d}{rest}{qual}"
    raise DateError(f"unknown unit {unit!r}")


def parse_user_date(text: str) -> PartialDate:
    """A date typed by a user: EDTF (`1997`, `1997-11`) or a phrase (`spring 1998`)."""
    try:
        return parse_edtf(text)
    except DateError:
        return parse_edtf(parse_phrase(text))


def window(start: str | None, end: str | None) -> tuple[date | None, date | None]:
    """Bounds of a user's date window: `--from 1997 --to 1999` is 1997-01-01 to 1999-12-31."""
    lower = parse_user_date(start).lower if start else None
    upper = parse_user_date(end).upper if end else None
    if lower and upper and lower > upper:
        raise DateError(f"the window ends ({end}) before it starts ({start})")
    return lower, upper
