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


# --- placing a passage in a changed text, exactly or approximately ---------------------------
#
# In the manner of Hypothesis's quote matcher: every candidate span is scored by how closely it
# matches the quote, how well the text before and after it matches the stored prefix and suffix,
# and how near it lies to the old position (weights 50, 20, 20, 2). Exact occurrences are
# tried first; only when the quote no longer occurs at all is an approximate span sought, and
# it must resemble the quote at least `min_similarity`, or the passage is reported lost.

QUOTE_WEIGHT, PREFIX_WEIGHT, SUFFIX_WEIGHT, POSITION_WEIGHT = 50, 20, 20, 2
MIN_SIMILARITY = 0.8


@dataclass(frozen=True)
class Placement:
    """Where a passage went: `how` is 'same' (its offsets still hold its quote), 'exact' (its
    quote found elsewhere), 'fuzzy' (a span resembling its quote: the user should check it) or
    'lost' (anchor None: nothing resembling it)."""

    anchor: Anchor | None
    how: str
    similarity: float = 1.0


def _similarity(a: str, b: str) -> float:
    from rapidfuzz.fuzz import ratio

    if not a and not b:
        return 1.0
    return ratio(a, b) / 100.0


def _context_score(text: str, start: int, end: int, old: Anchor) -> float:
    """How well the text around a span matches the stored context: half for the unbroken run
    of characters next to the span, half for the likeness of the whole stretch (so the words
    nearest the quote count most, and an edit further away costs little)."""
    before = text[max(0, start - len(old.prefix)):start] if old.prefix else ""
    after = text[end:end + len(old.suffix)] if old.suffix else ""
    prefix = suffix = 1.0
    if old.prefix:
        prefix = 0.5 * _common_suffix(before, old.prefix) / len(old.prefix) + 0.5 * _similarity(before, old.prefix)
    if old.suffix:
        suffix = 0.5 * _common_prefix(after, old.suffix) / len(old.suffix) + 0.5 * _similarity(after, old.suffix)
    return PREFIX_WEIGHT * prefix + SUFFIX_WEIGHT * suffix


def _position_score(text: str, start: int, old: Anchor) -> float:
    return POSITION_WEIGHT * (1.0 - min(1.0, abs(start - old.start) / max(len(text), 1)))


def _refine(text: str, start: int, end: int, exact: str) -> tuple[int, int, float]:
    """Move the ends of an approximate span, a little at a time, to where the span resembles
    the quote most (an edit may have made the quote longer or shorter)."""
    slack = max(1, min(40, len(exact) // 4))
    best = (start, end, _similarity(text[start:end], exact))
    for s in range(max(0, start - slack), min(len(text) - 1, start + slack) + 1):
        score = _similarity(text[s:best[1]], exact) if s < best[1] else 0.0
        if score > best[2]:
            best = (s, best[1], score)
    for e in range(max(best[0] + 1, end - slack), min(len(text), end + slack) + 1):
        score = _similarity(text[best[0]:e], exact)
        if score > best[2]:
            best = (best[0], e, score)
    return best


def _snap(text: str, start: int, end: int, exact: str, similarity: float,
          min_similarity: float) -> tuple[int, int, float]:
    """Give an approximate span the shape of the quote: whole words, and the quote's closing
    punctuation when it had one and a sentence ends soon after (an edit inside a sentence
    should not cut the passage off mid-phrase). Kept only while it still resembles the quote."""
    s, e = start, end
    while s > 0 and text[s - 1].isalnum() and text[s].isalnum() and exact[:1].isalnum():
        s -= 1
    while e < len(text) and text[e - 1].isalnum() and text[e].isalnum() and exact[-1:].isalnum():
        e += 1
    closing = exact[-1:]
    if closing in ".!?;:" and text[e - 1:e] != closing:
        stop = text.find(closing, e, e + max(8, len(exact) // 3))
        if stop != -1:
            e = stop + 1
    score = _similarity(text[s:e], exact)
    return (s, e, score) if score >= min_similarity else (start, end, similarity)


def place(text: str, old: Anchor, *, min_similarity: float = MIN_SIMILARITY) -> Placement:
    """Find the passage `old` in `text`: its offsets if they still hold its quote, else the best
    exact occurrence, else the best approximate one; `Placement.anchor` always quotes `text`."""
    if not old.exact:
        return Placement(None, "lost", 0.0)
    if matches(text, old.start, old.end, old.exact):
        return Placement(anchor_at(text, old.start, old.end), "same")
    best: tuple[float, int] | None = None
    pos = text.find(old.exact)
    while pos != -1:
        score = (QUOTE_WEIGHT + _context_score(text, pos, pos + len(old.exact), old)
                 + _position_score(text, pos, old))
        if best is None or score > best[0]:
            best = (score, pos)
        pos = text.find(old.exact, pos + 1)
    if best is not None:
        return Placement(anchor_at(text, best[1], best[1] + len(old.exact)), "exact")
    return _place_approximately(text, old, min_similarity)


def _place_approximately(text: str, old: Anchor, min_similarity: float) -> Placement:
    from rapidfuzz.fuzz import partial_ratio_alignment

    n = len(old.exact)
    if n < 4 or not text:
        return Placement(None, "lost", 0.0)
    # the best approximate match within each stretch of the text (stretches overlap by twice the
    # quote, so no match is cut), then the candidates weighed with their context and position
    size = max(8 * n, 4000)
    step = size - 2 * n
    cutoff = 100.0 * min_similarity * 0.9  # refined below; the refined span must reach min_similarity
    candidates: list[tuple[float, int, int, float]] = []
    for chunk_start in range(0, max(1, len(text) - 2 * n) if len(text) > size else 1, step):
        chunk = text[chunk_start:chunk_start + size]
        found = partial_ratio_alignment(old.exact, chunk, score_cutoff=cutoff)
        if found is None or found.score < cutoff:
            continue
        start, end, similarity = _refine(text, chunk_start + found.dest_start, chunk_start + found.dest_end, old.exact)
        start, end, similarity = _snap(text, start, end, old.exact, similarity, min_similarity)
        if similarity < min_similarity or end <= start:
            continue
        score = QUOTE_WEIGHT * similarity + _context_score(text, start, end, old) + _position_score(text, start, old)
        candidates.append((score, start, end, similarity))
    if not candidates:
        return Placement(None, "lost", 0.0)
    _score, start, end, similarity = max(candidates)
    return Placement(anchor_at(text, start, end), "fuzzy", similarity)
