"""The app's colours that carry meaning, as '#rrggbb' strings (free of Qt, so that they can be
checked anywhere): one per kind of record a source passage supports, per membership status, for
the find bar's matches, per organisation or country lane of the chart and per series of the
analysis page, for the chart's evidence marks, and for a source of low reliability. No other UI
module writes a colour of its own (tests/ui/test_no_hard_coded_colours.py); colours that follow
the palette in use (alert, link, supports) are in `colours`, the light and dark palettes in
`theme`.

Checked by tests/ui/test_palette.py with `colour_vision`:
- the highlight fills, and the margin marks on a light and on a dark page, are at least
  `MIN_DISTANCE` (CIE76 ΔE) apart pairwise in normal vision and in simulated protanopia,
  deuteranopia and tritanopia (Machado et al. 2009);
- fills keep the text drawn on them (`HIGHLIGHT_TEXT`) at WCAG AAA (7:1) and differ from a white
  page by at least `MIN_FILL_CONTRAST`; a dark page's text is light, so the fills stand out there;
- margin marks reach `MIN_MARK_CONTRAST` (WCAG 1.4.11, non-text) against the page they are drawn
  on: `LIGHT_PAGE` or `DARK_PAGE`.
- membership status colours (`STATUS_COLOURS`, one set for a light and one for a dark page) are
  `MIN_DISTANCE` apart pairwise in the same four views, reach `MIN_MARK_CONTRAST` against their
  page, and carry their status's name in white or `HIGHLIGHT_TEXT` at AA (4.5:1, `on_colour`);
- the find bar's fills (`FIND_FILLS`) keep `FIND_TEXT` at AAA, stand out from both pages by
  `MIN_FILL_CONTRAST`, and are `MIN_DISTANCE` from each other and from every kind fill in the
  four views (a match on a cited passage must not read as another kind of passage): dark fills
  with white text, since the light half of the colour space is taken by the kind fills.
Colour is never the only cue: each kind also has its own margin column, disputes a wavy
underline, the user's selections a dotted one; a status bar carries its status's name, an
evidence mark its own shape.
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

# Membership and status intervals (the organisation and country pages' strip), each
# (on a light page, on a dark page); `OTHER_STATUS` for a status not listed, and the sample of
# "no later evidence" in the strip's legend.
STATUS_COLOURS: dict[str, tuple[str, str]] = {
    "founding_member": ("#4a0797", "#bd8aff"),
    "member": ("#003bff", "#3653ff"),
    "associate_member": ("#b96eff", "#ab3c9d"),
    "partner": ("#249db5", "#8bffff"),
    "participant": ("#899e00", "#13ba5b"),
    "observer": ("#c38568", "#ffb600"),
    "applicant": ("#952d51", "#f2ffbb"),
    "suspended": ("#990001", "#da0000"),
    "withdrawn": ("#010000", "#626e52"),
}
OTHER_STATUS = ("#4d0054", "#94b6a3")
# The legend's sample of a disputed interval (hatched with `HATCH`), and the hatch itself.
DISPUTED_SWATCH = "#cccccc"
HATCH = "#000000"

# The find bar's matches in a source's text: every match, and the current one.
FIND_FILLS: dict[str, str] = {"match": "#7a3300", "current": "#3b1fd6"}
FIND_TEXT = "#ffffff"

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

# The chart's evidence-grade marks (core/corpus/evidence.py): grade -> (fill, outline), each
# shape of its own (chart_scene.EVIDENCE_MARKS), drawn inside a `MARK_RING`.
EVIDENCE_MARK_COLOURS: dict[str, tuple[str, str]] = {
    "corroborated": ("#2e7d32", "#ffffff"),
    "single_source": ("#607d8b", "#ffffff"),
    "uncorroborated": ("#ffffff", "#ef6c00"),
    "contested": ("#c62828", "#ffffff"),
}
# The halo behind the chart's selected event (drawn translucent).
SELECTION_HALO = "#ffc800"

# The analysis page's stacked bars, each (on a light plot, on a dark plot): Okabe & Ito's
# colour-blind-safe set, deepened or lightened where the original falls under 3:1 against the
# plot; the series beyond them ("other") and "none".
ANALYSIS_SERIES: tuple[tuple[str, str], ...] = (
    ("#0072b2", "#56b4e9"),  # blue
    ("#d55e00", "#f08a4b"),  # vermillion
    ("#009e73", "#2fd3a4"),  # bluish green
    ("#b8860b", "#f0e442"),  # yellow (dark goldenrod on white)
    ("#cc79a7", "#e3a4c8"),  # reddish purple
    ("#7a4f00", "#e69f00"),  # orange (brown on white)
    ("#3a6ea5", "#9ec9f5"),  # a second blue, lighter or darker
    ("#6c3483", "#c39bd3"),  # purple
)
ANALYSIS_OTHER = ("#8c8c8c", "#8c8c8c")
ANALYSIS_NONE = ("#c8c8c8", "#5a5a5a")

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


def status_colour(status: str, dark: bool) -> str:
    """The colour of a membership status (`OTHER_STATUS` for one not listed)."""
    return pick(STATUS_COLOURS.get(status, OTHER_STATUS), dark)


def on_colour(fill: str) -> str:
    """The text colour that reads best on `fill`: white or `HIGHLIGHT_TEXT`."""
    from .colour_vision import contrast

    return max((LIGHT_PAGE, HIGHLIGHT_TEXT), key=lambda text: contrast(text, fill))
