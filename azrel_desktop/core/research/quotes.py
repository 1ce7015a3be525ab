"""Quotes of a source's stored text: finding the user's quote for citations typed rather than
selected, and showing a quote as prose (`as_prose`).

`SOURCE:"exact quote"` on the command line names a passage by its words. The quote must occur
in the stored (normalised) text exactly; when it occurs more than once the user says which,
by its number (`occurrence`, counted from 1 in reading order) or by words just before it
(`before`), and a quote that is still ambiguous is refused with the places it occurs.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

CONTEXT_SHOWN = 30
# a hard line break with the spaces around it: LF, CRLF, CR, and Unicode's line and paragraph separators
_BREAK = re.compile(r"[ \t]*(?:\r\n|[\r\n\u2028\u2029\x0b\x0c\x85])\s*")


def as_prose(quote: str) -> str:
    """A quote as it reads, for showing and exporting: each hard line break of the source (a
    wrapped line, a paragraph break) with the spaces around it becomes one space; a word
    hyphenated across a break ("Euro-⏎Atlantic") keeps its hyphen and loses the break. The
    stored text and its offsets stay verbatim — this is only how a quote is shown."""
    def joined(match: re.Match[str]) -> str:
        at, end = match.start(), match.end()
        hyphenated = (at >= 2 and quote[at - 1] == "-" and quote[at - 2].isalnum()
                      and end < len(quote) and quote[end].isalnum())
        return "" if hyphenated else " "

    return _BREAK.sub(joined, quote).strip()


class QuoteError(ValueError):
    """A quote that cannot be placed in the source; the message says why in one line."""


@dataclass(frozen=True)
class QuoteSpec:
    """A citation as typed: the source (id or title as typed), the exact words, and what
    picks one occurrence when the words occur more than once."""

    source: str
    quote: str
    occurrence: int | None = None
    before: str | None = None


def parse_cite(value: str) -> tuple[str, str]:
    """`SOURCE:"exact quote"` (or `SOURCE:exact quote`) as (source, quote)."""
    source, sep, quote = value.partition(":")
    if not sep or not source.strip():
        raise QuoteError(f"a citation is SOURCE:\"exact quote\", not {value[:60]!r}")
    quote = quote.strip()
    quoted = (quote[:1] == quote[-1:] and quote[:1] in ("\"", "'")) or (quote[:1] in "“«" and quote[-1:] in "”»")
    if len(quote) >= 2 and quoted:
        quote = quote[1:-1]
    if not quote.strip():
        raise QuoteError(f"the citation of {source.strip()!r} gives no quote")
    return source.strip(), quote


def _normalised(quote: str) -> str:
    # The stored texts are NFC with \n line ends; a quote pasted from elsewhere is made the same.
    return unicodedata.normalize("NFC", quote.replace("\r\n", "\n").replace("\r", "\n"))


def occurrences(text: str, quote: str) -> list[int]:
    found: list[int] = []
    pos = text.find(quote)
    while pos != -1:
        found.append(pos)
        pos = text.find(quote, pos + 1)
    return found


def _shown(text: str, at: int, length: int) -> str:
    before = text[max(0, at - CONTEXT_SHOWN):at]
    return " ".join(f"…{before}[{text[at:at + length]}]".split())[:120]


def locate(text: str, source_label: str, quote: str, *, occurrence: int | None = None,
           before: str | None = None) -> tuple[int, int]:
    """The span (start, end) in code points of the one occurrence of `quote` that is meant."""
    quote = _normalised(quote)
    found = occurrences(text, quote)
    if not found:
        # A quote that differs only in spacing is a common paste; say so rather than "not found".
        pattern = r"\s+".join(re.escape(w) for w in quote.split())
        loose = re.search(pattern, text) if pattern else None
        hint = (f"; the text has it with different spacing: {text[loose.start():loose.end()][:80]!r}"
                if loose else "")
        short = quote if len(quote) <= 60 else quote[:57] + "…"
        raise QuoteError(f"the quote {short!r} is not in {source_label}{hint}")
    if before is not None:
        wanted = _normalised(before)
        found = [at for at in found if text[:at].rstrip().endswith(wanted.rstrip())]
        if not found:
            raise QuoteError(f"no occurrence of the quote in {source_label} follows {before!r}")
    if occurrence is not None:
        if not 1 <= occurrence <= len(found):
            raise QuoteError(f"the quote occurs {len(found)} time(s) in {source_label}; "
                             f"occurrence {occurrence} does not exist")
        at = found[occurrence - 1]
        return at, at + len(quote)
    if len(found) > 1:
        places = "; ".join(f"{i}: {_shown(text, at, len(quote))}" for i, at in enumerate(found[:5], 1))
        raise QuoteError(f"the quote occurs {len(found)} times in {source_label}; say which with "
                         f"--occurrence N or --before WORDS ({places})")
    return found[0], found[0] + len(quote)
