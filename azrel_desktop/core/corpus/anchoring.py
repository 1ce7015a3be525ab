"""Passage anchoring: W3C TextQuote (exact + prefix + suffix) and TextPosition (start/end).

Offsets are Python code-point offsets into the stored text. When a text changes, a passage is
re-found by its quote, preferring the occurrence whose context matches and which lies nearest
to where it was.
"""

from __future__ import annotations

from dataclasses import dataclass

CONTEXT = 32


@dataclass(frozen=True)
class Anchor:
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str


def anchor_at(text: str, start: int, end: int) -> Anchor:
    if not 0 <= start < end <= len(text):
        raise ValueError(f"span {start}-{end} is outside a text of {len(text)} characters")
    return Anchor(
        start, end, text[start:end], text[max(0, start - CONTEXT):start], text[end:end + CONTEXT]
    )


def matches(text: str, start: int, end: int, exact: str) -> bool:
    return 0 <= start < end <= len(text) and text[start:end] == exact


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def reanchor(text: str, old: Anchor) -> Anchor | None:
    """Find `old` in a (possibly changed) text; None when its quote no longer occurs."""
    if matches(text, old.start, old.end, old.exact):
        return anchor_at(text, old.start, old.end)
    candidates = []
    pos = text.find(old.exact)
    while pos != -1:
        before = text[max(0, pos - CONTEXT):pos]
        after = text[pos + len(old.exact):pos + len(old.exact) + CONTEXT]
        score = _common_suffix(before, old.prefix) + _common_prefix(after, old.suffix)
        candidates.append((-score, abs(pos - old.start), pos))
        pos = text.find(old.exact, pos + 1)
    if not candidates:
        return None
    best = min(candidates)[2]
    return anchor_at(text, best, best + len(old.exact))
