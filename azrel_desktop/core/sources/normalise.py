"""The one normalisation every imported text goes through before any offset is counted.

Offsets are code points of the stored text, so whatever would make two readers of the same
file count differently is settled here, once: a byte-order mark, CR and CRLF line ends,
composed versus decomposed accents (NFC), typographic ligatures that PDF extractors emit
(ﬁ, ﬂ), the tab or no-break runs some extractors put between words, and stray control
characters. Paragraph breaks survive; runs of blank lines shrink to one.
"""

from __future__ import annotations

import re
import unicodedata

# Latin ligatures a PDF font maps to one glyph; NFKC would fold them too but also rewrites
# superscripts, fractions and full-width forms the author meant, so only these are expanded.
LIGATURES = str.maketrans({
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
    "\ufb05": "st", "\ufb06": "st",
})
# Everything in category C except tab and newline (handled below) is dropped: NUL, the
# C0/C1 controls, zero-width no-break spaces left inside a text, unassigned code points.
_DROP = {c: None for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F,
                           *range(0x80, 0xA0), 0xFEFF, 0x00AD)}
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")
_LINE_TAIL = re.compile(r"[ \t]+\n")


def normalise(raw: str) -> str:
    """The stored form of an imported text."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = unicodedata.normalize("NFC", text.translate(LIGATURES).translate(_DROP))
    # a tab between words is a space to a reader (PDF extractors and spreadsheets pasted into
    # Word produce them); indentation at a line's start goes as well
    lines = [_SPACES.sub(" ", line).strip(" ") for line in text.split("\n")]
    text = "\n".join(lines)
    text = _LINE_TAIL.sub("\n", text)
    text = _BLANK_LINES.sub("\n\n", text)
    return text.strip("\n ")


def join_pages(pages: list[str]) -> tuple[str, list[int]]:
    """Normalised pages joined by a blank line, and the offset where each page starts (an
    empty page starts where the next one does, so offset lookups stay monotonic)."""
    parts: list[str] = []
    starts: list[int] = []
    length = 0
    for raw in pages:
        page = normalise(raw)
        if parts and page:
            length += 2  # the "\n\n" put before this page
        starts.append(length)
        if page:
            parts.append(page)
            length += len(page)
    return "\n\n".join(parts), starts


def page_at(page_starts: list[int] | None, offset: int) -> int | None:
    """The 1-based page an offset lies on, or None when the text has no pages."""
    if not page_starts:
        return None
    from bisect import bisect_right

    return max(1, bisect_right(page_starts, offset))
