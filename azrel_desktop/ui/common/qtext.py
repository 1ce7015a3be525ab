"""The one place where Python code-point offsets become Qt text positions and back.

The core stores offsets as Python string indices (code points). Qt counts UTF-16 code units,
so every character outside the Basic Multilingual Plane (an emoji, some historic scripts)
shifts Qt positions by one. Everything in the UI that places a cursor or a highlight goes
through these two functions.
"""

from __future__ import annotations


def to_qt(text: str, offset: int) -> int:
    """Qt (UTF-16) position of the Python code-point `offset` in `text`."""
    offset = max(0, min(offset, len(text)))
    return offset + sum(1 for ch in text[:offset] if ord(ch) > 0xFFFF)


def from_qt(text: str, position: int) -> int:
    """Python code-point offset of the Qt (UTF-16) `position` in `text`."""
    units = 0
    for index, ch in enumerate(text):
        if units >= position:
            return index
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text)
