"""All text at WCAG AA (4.5:1) in the light and the dark palette, the app's own coloured text
included, and the app following the system's colour scheme."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QStyleFactory

from azrel_desktop.ui.analysis.bar_chart import NONE_COLOUR, OTHER_COLOUR, SERIES_COLOURS
from azrel_desktop.ui.common import colours, theme
from azrel_desktop.ui.common.theme import (
    MIN_TEXT_CONTRAST,
    SECONDARY_TEXT,
    dark_palette,
    light_palette,
    raise_contrast,
    text_contrast,
    worst_contrast,
)

R = QPalette.ColorRole
PALETTES = {"light": light_palette, "dark": dark_palette}


@pytest.fixture
def app_state(qapp):
    """The application's style and palette, put back after the test."""
    style, palette = qapp.style().name(), qapp.palette()
    yield qapp
    qapp.setStyle(style)
    qapp.setPalette(palette)


@pytest.mark.parametrize("name", PALETTES)
def test_every_text_role_pair_reaches_aa(qapp, name):
    ratio, pair = worst_contrast(PALETTES[name]())
    assert ratio >= MIN_TEXT_CONTRAST, f"{name}: {pair} is {ratio:.2f}:1"


def test_fusions_stock_palette_falls_short_and_is_raised(qapp):
    """The grey secondary text was Fusion's half-transparent placeholder colour (about 4:1 on
    white, less on the window grey): raised to AA, while readable pairs keep their colours."""
    stock = QStyleFactory.create("Fusion").standardPalette()
    assert text_contrast(stock.color(R.PlaceholderText), stock.color(R.Window)) < MIN_TEXT_CONTRAST
    raised = raise_contrast(stock)
    assert worst_contrast(raised)[0] >= MIN_TEXT_CONTRAST
    assert raised.color(R.WindowText) == stock.color(R.WindowText)
    assert raised.color(R.Base) == stock.color(R.Base)
    # still a secondary grey, not turned into the body text's black
    assert raised.color(R.PlaceholderText) != raised.color(R.Text)


@pytest.mark.parametrize("name", PALETTES)
def test_the_apps_own_coloured_text_reaches_aa(qapp, name):
    palette = PALETTES[name]()
    dark = name == "dark"
    assert colours.is_dark(palette) is dark
    own = {
        "secondary text": QColor(SECONDARY_TEXT[dark]),
        "alert": colours.alert_colour(palette),
        "supports": colours.support_colour(palette),
        "link": colours.link_colour(palette),
        "secondary (helper)": theme.secondary_text_colour(palette),
    }
    for label, colour in own.items():
        for back in (R.Window, R.Base, R.AlternateBase):
            ratio = text_contrast(colour, palette.color(back))
            assert ratio >= MIN_TEXT_CONTRAST, f"{name}: {label} on {back.name} is {ratio:.2f}:1"


def test_the_readonly_banner_reads_on_its_own_background():
    assert colours.contrast(QColor("#664d03"), QColor("#fff3cd")) >= MIN_TEXT_CONTRAST


@pytest.mark.parametrize("name", PALETTES)
def test_chart_colours_stand_out_from_the_plot(qapp, name):
    """Non-text contrast (WCAG 1.4.11): every bar colour 3:1 against the plot it is drawn on."""
    dark = name == "dark"
    plot = PALETTES[name]().color(R.Base)
    for pair in (*SERIES_COLOURS, OTHER_COLOUR):
        assert colours.contrast(QColor(pair[dark]), plot) >= 3.0, (name, pair[dark])
    assert colours.contrast(QColor(NONE_COLOUR[dark]), plot) >= 1.5  # "none" is deliberately faint


def test_the_app_follows_a_dark_system_scheme_and_back(app_state, monkeypatch):
    app = app_state
    monkeypatch.setenv("AZREL_COLOR_SCHEME", "dark")
    follower = theme.follow_system_scheme(app)
    assert colours.is_dark(app.palette())
    assert worst_contrast(app.palette())[0] >= MIN_TEXT_CONTRAST
    monkeypatch.setenv("AZREL_COLOR_SCHEME", "light")
    follower.apply()
    assert not colours.is_dark(app.palette())
    assert worst_contrast(app.palette())[0] >= MIN_TEXT_CONTRAST


def test_without_a_scheme_the_platform_palette_is_kept_but_raised(app_state, monkeypatch):
    app = app_state
    monkeypatch.delenv("AZREL_COLOR_SCHEME", raising=False)
    theme.follow_system_scheme(app)
    assert worst_contrast(app.palette())[0] >= MIN_TEXT_CONTRAST
    assert app.palette().color(R.Base) == app.style().standardPalette().color(R.Base)


def test_the_detail_panes_grey_lines_read_at_aa_in_both_schemes(app_state, monkeypatch, qtbot):
    """The origin and kind under an event's title are disabled labels: the issue's grey text."""
    from azrel_desktop.ui.common.widgets import PlainLabel

    for scheme in ("light", "dark"):
        monkeypatch.setenv("AZREL_COLOR_SCHEME", scheme)
        theme.follow_system_scheme(app_state)
        label = PlainLabel("From the shipped corpus")
        qtbot.addWidget(label)
        label.setEnabled(False)
        p = label.palette()
        ratio = text_contrast(p.color(QPalette.ColorGroup.Disabled, R.WindowText), p.color(R.Window))
        assert ratio >= MIN_TEXT_CONTRAST, (scheme, ratio)
