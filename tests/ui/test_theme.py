"""All text at WCAG AA (4.5:1) in the light and the dark palette, the app's own coloured text
included, and the app following the system's colour scheme."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QStyleFactory, QWidget

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


def _stylesheet_colours(widget) -> dict[str, QColor]:
    """The colours a widget's own style sheet sets, by property ("color", "background")."""
    out = {}
    for rule in widget.styleSheet().split(";"):
        name, _, value = rule.partition(":")
        if value.strip().startswith("#"):
            out[name.strip()] = QColor(value.strip())
    return out


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_error_labels_and_banners_read_and_follow_a_scheme_switch(app_state, monkeypatch, qtbot, scheme):
    """The dialogs' error lines (show_as_alert) and the read-only / low-reliability banner read at
    AA in the palette in use, and take the other palette's colours when the system switches."""
    from azrel_desktop.ui.common.widgets import PlainLabel

    other = "dark" if scheme == "light" else "light"
    monkeypatch.setenv("AZREL_COLOR_SCHEME", scheme)
    follower = theme.follow_system_scheme(app_state)
    dialog = QWidget()  # inside a window, as in the app: Qt tells its children of a new palette
    qtbot.addWidget(dialog)
    error, banner = PlainLabel("The date is not valid.", dialog), PlainLabel("Read-only", dialog)
    colours.show_as_alert(error)
    colours.show_as_warning_banner(banner)
    dialog.show()
    qtbot.waitExposed(dialog)
    seen = {}
    for now in (scheme, other):
        monkeypatch.setenv("AZREL_COLOR_SCHEME", now)
        follower.apply()
        assert colours.is_dark(app_state.palette()) is (now == "dark")
        window = app_state.palette().color(R.Window)
        qtbot.waitUntil(lambda: _stylesheet_colours(error)["color"] == colours.alert_colour(app_state.palette()))
        text = _stylesheet_colours(error)["color"]
        assert text_contrast(text, window) >= MIN_TEXT_CONTRAST, (now, text.name())
        on_banner = _stylesheet_colours(banner)
        assert text_contrast(on_banner["color"], on_banner["background"]) >= MIN_TEXT_CONTRAST
        seen[now] = (text.name(), on_banner["background"].name())
    assert seen[scheme] != seen[other]


def test_links_and_contradicting_items_recolour_when_the_scheme_switches(app_state, monkeypatch, qtbot):
    """Links in a page's lists and trees were coloured once, for the palette they were made in:
    after a switch to dark they stayed the light palette's dark blue on near-black."""
    from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

    from azrel_desktop.ui.records.links import ClickList
    from azrel_desktop.ui.shell.navigation import Target

    monkeypatch.setenv("AZREL_COLOR_SCHEME", "light")
    follower = theme.follow_system_scheme(app_state)
    page = QWidget()
    qtbot.addWidget(page)
    links = ClickList(page)
    tree = QTreeWidget(page)
    tree.setColumnCount(2)
    link = links.add("NATO", Target("organisation", "nato"))
    plain = links.add("no target", None)
    step = QTreeWidgetItem(["ratification", "disputed"])
    colours.colour_item(tree, step, "link")
    colours.colour_item(tree, step, "alert", 1)
    tree.addTopLevelItem(step)
    page.show()
    qtbot.waitExposed(page)
    light = (link.foreground().color(), step.foreground(0).color(), step.foreground(1).color())
    light_palette_now = app_state.palette()
    assert not colours.is_dark(light_palette_now)
    assert light == (colours.link_colour(light_palette_now), colours.link_colour(light_palette_now),
                     colours.alert_colour(light_palette_now))

    monkeypatch.setenv("AZREL_COLOR_SCHEME", "dark")
    follower.apply()
    dark_palette_now = app_state.palette()
    qtbot.waitUntil(lambda: link.foreground().color() == colours.link_colour(dark_palette_now))
    dark = (link.foreground().color(), step.foreground(0).color(), step.foreground(1).color())
    assert dark == (colours.link_colour(dark_palette_now), colours.link_colour(dark_palette_now),
                    colours.alert_colour(dark_palette_now))
    assert all(a != b for a, b in zip(light, dark, strict=True))
    for colour in dark:
        assert text_contrast(colour, dark_palette_now.color(R.Base)) >= MIN_TEXT_CONTRAST
    assert plain.foreground().style() == Qt.BrushStyle.NoBrush  # an item without a target is left alone


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
