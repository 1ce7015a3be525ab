"""The meaning-carrying colours stay apart for the common colour-vision deficiencies and read
against the page they are drawn on (ui/common/palette.py states the thresholds)."""

import pytest

from azrel_desktop.ui.common import colour_vision as cv
from azrel_desktop.ui.common import palette as pal

VIEWS = (None, "protanopia", "deuteranopia", "tritanopia")


def test_simulation_matches_known_values():
    # pure red under deuteranopia is a dark olive, white and grey stay themselves
    assert cv.simulate("#ffffff", "deuteranopia") == "#ffffff"
    assert cv.simulate("#808080", "protanopia") == "#808080"
    assert cv.distance(cv.simulate("#ff0000", "deuteranopia"), "#a39000") < 3
    # red and green, far apart normally, come close without L or M cones
    assert cv.distance("#d62728", "#2ca02c") > 60
    assert cv.distance(cv.simulate("#d62728", "deuteranopia"), cv.simulate("#2ca02c", "deuteranopia")) < 25


def _statuses(dark: bool) -> dict[str, str]:
    return {**{s: pal.pick(pair, dark) for s, pair in pal.STATUS_COLOURS.items()},
            "(other)": pal.pick(pal.OTHER_STATUS, dark)}


# Sets of colours that mean different things side by side. A find match on a cited passage
# replaces its fill, so the find fills must not read as a kind of passage either.
APART = {
    "fills": pal.KIND_FILLS,
    "marks-light": {k: light for k, (light, _dark) in pal.KIND_MARKS.items()},
    "marks-dark": {k: dark for k, (_light, dark) in pal.KIND_MARKS.items()},
    "statuses-light": _statuses(False),
    "statuses-dark": _statuses(True),
    "find-and-fills": {**pal.FIND_FILLS, **pal.KIND_FILLS},
}


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("colours", APART.values(), ids=list(APART))
def test_colours_apart_in_every_view(colours, view):
    gap, a, b = cv.closest_pair(colours.values(), view)
    assert gap >= pal.MIN_DISTANCE, f"{a} and {b} only {gap:.1f} apart ({view or 'normal vision'})"


def test_fills_read_and_show():
    for kind, fill in pal.KIND_FILLS.items():
        assert cv.contrast(fill, pal.HIGHLIGHT_TEXT) >= 7, kind
        assert cv.contrast(fill, pal.LIGHT_PAGE) >= pal.MIN_FILL_CONTRAST, kind
        assert cv.contrast(fill, pal.DARK_PAGE) >= pal.MIN_MARK_CONTRAST, kind


def test_marks_read_on_their_page():
    for kind, (light, dark) in pal.KIND_MARKS.items():
        assert cv.contrast(light, pal.LIGHT_PAGE) >= pal.MIN_MARK_CONTRAST, kind
        assert cv.contrast(dark, pal.DARK_PAGE) >= pal.MIN_MARK_CONTRAST, kind
    assert cv.contrast(pal.BOILERPLATE_TEXT[0], pal.LIGHT_PAGE) >= 4.5
    assert cv.contrast(pal.BOILERPLATE_TEXT[1], pal.DARK_PAGE) >= 4.5


def test_every_kind_has_a_label_and_its_colours():
    assert set(pal.KIND_FILLS) == set(pal.KIND_MARKS) == set(pal.KIND_LABELS) - {"boilerplate"}


def test_lane_colours_read_on_light_and_dark_plots_and_are_stable():
    for colour in pal.LANE_COLOURS:
        assert cv.contrast(colour, pal.LIGHT_PAGE) >= 3 and cv.contrast(colour, pal.DARK_PAGE) >= 3
    assert pal.lane_colour("Armenia") == pal.lane_colour("armenia") == pal.lane_colour("Armenia")
    assert len({pal.lane_colour(n) for n in ("NATO", "Armenia", "Russia", "Turkey", "Georgia", "Iran", "OSCE")}) >= 4


def test_low_reliability_colours_read():
    for (bg, fg) in pal.LOW_RELIABILITY_BANNER:
        assert cv.contrast(bg, fg) >= 4.5
    assert cv.contrast(pal.LOW_RELIABILITY_MARK[0], pal.LIGHT_PAGE) >= 4.5
    assert cv.contrast(pal.LOW_RELIABILITY_MARK[1], pal.DARK_PAGE) >= 4.5


@pytest.mark.parametrize("dark", [False, True], ids=["light-page", "dark-page"])
def test_status_bars_stand_out_and_carry_readable_names(dark):
    page = pal.DARK_PAGE if dark else pal.LIGHT_PAGE
    for status, colour in _statuses(dark).items():
        assert cv.contrast(colour, page) >= pal.MIN_MARK_CONTRAST, (status, colour)
        assert cv.contrast(pal.on_colour(colour), colour) >= 4.5, (status, colour)


def test_on_colour_picks_the_readable_text():
    assert pal.on_colour("#000000") == "#ffffff"
    assert pal.on_colour("#ffffff") == pal.HIGHLIGHT_TEXT


def test_find_fills_read_and_show_on_both_pages():
    for name, fill in pal.FIND_FILLS.items():
        assert cv.contrast(fill, pal.FIND_TEXT) >= 7, name
        assert cv.contrast(fill, pal.LIGHT_PAGE) >= pal.MIN_FILL_CONTRAST, name
        assert cv.contrast(fill, pal.DARK_PAGE) >= pal.MIN_FILL_CONTRAST, name
