"""The app's colours that carry meaning, as '#rrggbb' strings (free of Qt, so that they can be
checked anywhere): one per kind of record a source passage supports, per organisation or
country lane of the chart, and for a source of low reliability.

Checked by tests/ui/test_palette.py with `colour_vision`:
- the highlight fills, and the margin marks on a light and on a dark page, are at least
  `MIN_DISTANCE` (CIE76 ΔE) apart pairwise in normal vision and in simulated protanopia,
  deuteranopia and tritanopia (Machado et al. 2009);
- fills keep the text drawn on them (`HIGHLIGHT_TEXT`) at WCAG AAA (7:1) and differ from a white
  page by at least `MIN_FILL_CONTRAST`; a dark page's text is light, so the fills stand out there;
- margin marks reach `MIN_MARK_CONTRAST` (WCAG 1.4.11, non-text) against the page they are drawn
  on: `LIGHT_PAGE` or `DARK_PAGE`.
Colour is never the only cue: each kind also has its own margin column, disputes a wavy
underline, the user's selections a dotted one.
"""

from __future__ import annotations

import zlib

LIGHT_PAGE = "#ffffff"
DARK_PAGE = "#1e1e1e"
MIN_DISTANCE = 20.0
MIN_FILL_CONTRAST = 1.45
MIN_MARK_CONTRAST = 3.0

# The kinds of a source passage, in legend and margin-column order, with the legend's wording.
KIND_LABELS: dict[str, str] = {
    "event": "event",
    "agreement": "agreement step",
    "membership": "membership / status",
    "organisation": "organisation fact",
    "dispute": "contradicts a record",
    "user": "your annotated selection",
    "boilerplate": "not part of the article",
}
# Passage fills: drawn on the text with HIGHLIGHT_TEXT, the same in light and dark palettes.
KIND_FILLS: dict[str, str] = {
    "event": "#a0c4f2",
    "agreement": "#63ebd5",
    "membership": "#cb7eff",
    "organisation": "#efac74",
    "dispute": "#ff6e8f",
    "user": "#e6d94d",
}
HIGHLIGHT_TEXT = "#111111"
# Margin marks: one bar per kind beside a passage, (on a light page, on a dark page).
KIND_MARKS: dict[str, tuple[str, str]] = {
    "event": ("#063ccd", "#4466fb"),
    "agreement": ("#38a393", "#88ebcc"),
    "membership": ("#7b2988", "#e097f4"),
    "organisation": ("#8e4100", "#f68800"),
    "dispute": ("#c62c54", "#e80d48"),
    "user": ("#af9000", "#ecfe9a"),
}
# Boilerplate is not filled: its text is greyed, (on a light page, on a dark page).
BOILERPLATE_TEXT = ("#6b6b6b", "#a8a8a8")
DISPUTE_UNDERLINE = ("#c62828", "#ff8a80")

# Chart lanes: each reads at 3:1 against a light and a dark plot; a name always gets the same
# colour (`lane_colour`), whatever else the filter shows.
LANE_COLOURS: tuple[str, ...] = (
    "#2b65ee", "#de1212", "#2fa297", "#db33db", "#8a6d28", "#ec6d18",
    "#2a7392", "#cc2467", "#106ecb", "#d05db9", "#d0685d", "#c7823d",
)
OTHER_LANE = "#888888"
# Marks drawn on a lane's colour (disputed): a light core inside a dark ring reads on all of them.
MARK_RING = "#000000"
MARK_CORE = "#ffffff"

# A source of low reliability: banner (background, text) and the mark beside its quotes,
# each (light palette, dark palette).
LOW_RELIABILITY_BANNER = (("#fff3cd", "#5c4400"), ("#4d3b00", "#ffe08a"))
LOW_RELIABILITY_MARK = ("#9a5b00", "#ffc247")
LOW_RELIABILITY_SYMBOL = "⚠"


def lane_colour(name: str) -> str:
    """The lane colour of an organisation or country, from its name alone (stable across
    filters, sessions and machines: a checksum, not Python's salted hash)."""
    return LANE_COLOURS[zlib.crc32(name.casefold().encode("utf-8")) % len(LANE_COLOURS)]


def kind_mark(kind: str, dark: bool) -> str:
    light, on_dark = KIND_MARKS[kind]
    return on_dark if dark else light


def pick(pair: tuple[str, str], dark: bool) -> str:
    return pair[1] if dark else pair[0]
