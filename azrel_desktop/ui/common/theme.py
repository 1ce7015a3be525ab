"""Light and dark: the app follows the system's colour scheme (Qt 6.5+ `QStyleHints.colorScheme`)
and every palette it uses keeps text at WCAG AA contrast (4.5:1).

Where the platform's style already draws the system's dark scheme (macOS, GNOME with a dark
Qt platform theme, Fusion on Windows 11), its palette is kept. Where the scheme is dark but the
style still hands out a light palette (the classic Windows style, some Linux desktops), the
app switches to Fusion with `dark_palette()`, and back to the style's own palette when the
system turns light again. `AZREL_COLOR_SCHEME=dark|light` forces one (the screenshots use it).

`SECONDARY_TEXT` is the app's own grey for text under titles; `secondary_text_colour` picks its
light or dark variant, each at least 4.5:1 on the palette's window and base colours.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from .colours import contrast, is_dark

# (on a light palette, on a dark palette)
SECONDARY_TEXT = ("#595959", "#b3b3b3")

_DARK = {
    QPalette.ColorRole.Window: "#202124",
    QPalette.ColorRole.WindowText: "#e8eaed",
    QPalette.ColorRole.Base: "#1b1b1d",
    QPalette.ColorRole.AlternateBase: "#26272a",
    QPalette.ColorRole.ToolTipBase: "#303134",
    QPalette.ColorRole.ToolTipText: "#e8eaed",
    QPalette.ColorRole.PlaceholderText: "#a0a3a8",
    QPalette.ColorRole.Text: "#e8eaed",
    QPalette.ColorRole.Button: "#2d2e31",
    QPalette.ColorRole.ButtonText: "#e8eaed",
    QPalette.ColorRole.BrightText: "#ffffff",
    QPalette.ColorRole.Light: "#3c3d40",
    QPalette.ColorRole.Midlight: "#333437",
    QPalette.ColorRole.Mid: "#28292c",
    QPalette.ColorRole.Dark: "#131314",
    QPalette.ColorRole.Shadow: "#000000",
    QPalette.ColorRole.Highlight: "#2f6fbf",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#8ab4f8",
    QPalette.ColorRole.LinkVisited: "#c58af9",
}
_DARK_DISABLED = {
    QPalette.ColorRole.WindowText: "#9da0a5",
    QPalette.ColorRole.Text: "#9da0a5",
    QPalette.ColorRole.ButtonText: "#9da0a5",
}

MIN_TEXT_CONTRAST = 4.5
_R = QPalette.ColorRole
# The (text, background) role pairs the app draws text with; each must reach 4.5:1. The grey
# secondary text under titles is PlaceholderText on the window or a view.
TEXT_PAIRS = (
    (_R.WindowText, _R.Window),
    (_R.Text, _R.Base),
    (_R.Text, _R.AlternateBase),
    (_R.ButtonText, _R.Button),
    (_R.ToolTipText, _R.ToolTipBase),
    (_R.HighlightedText, _R.Highlight),
    (_R.Link, _R.Base),
    (_R.Link, _R.Window),
    (_R.PlaceholderText, _R.Base),
    (_R.PlaceholderText, _R.Window),
    (_R.PlaceholderText, _R.AlternateBase),
)
# The app greys secondary text (a record's origin and kind under its title, facets that would
# give nothing) by disabling the label or item, so the disabled text must read too: at 4.5:1 it
# is still a clear grey beside the body text's near-black (or near-white).
DISABLED_PAIRS = (
    (_R.WindowText, _R.Window),
    (_R.Text, _R.Base),
    (_R.Text, _R.AlternateBase),
    (_R.ButtonText, _R.Button),
)
# For these the background moves rather than the text (white on a selection stays white).
_MOVE_BACKGROUND = {(_R.HighlightedText, _R.Highlight)}
_GROUPS = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive)


def _checked():
    """Every (group, text role, background role) that must reach 4.5:1."""
    for group in _GROUPS:
        for text, back in TEXT_PAIRS:
            yield group, text, back
    for text, back in DISABLED_PAIRS:
        yield QPalette.ColorGroup.Disabled, text, back


def seen(colour: QColor, background: QColor) -> QColor:
    """The colour as drawn: a translucent one blended over its background."""
    a = colour.alphaF()
    if a >= 1.0:
        return QColor(colour)
    return QColor.fromRgbF(colour.redF() * a + background.redF() * (1 - a),
                           colour.greenF() * a + background.greenF() * (1 - a),
                           colour.blueF() * a + background.blueF() * (1 - a))


def text_contrast(text: QColor, background: QColor) -> float:
    return contrast(seen(text, background), background)


def _towards(colour: QColor, target: QColor, share: float) -> QColor:
    return QColor.fromRgbF(*(c + (t - c) * share for c, t in zip(
        (colour.redF(), colour.greenF(), colour.blueF()), (target.redF(), target.greenF(), target.blueF()),
        strict=True)))


def readable(moving: QColor, fixed: QColor) -> QColor:
    """`moving` (opaque as drawn on `fixed`) moved the least towards black or white that
    reaches 4.5:1 against `fixed`."""
    start = seen(moving, fixed)
    target = QColor("#000000") if contrast(QColor("#000000"), fixed) >= contrast(QColor("#ffffff"), fixed) \
        else QColor("#ffffff")
    for step in range(1, 41):
        candidate = _towards(start, target, step / 40)
        if contrast(candidate, fixed) >= MIN_TEXT_CONTRAST:
            return candidate
    return target


def raise_contrast(palette: QPalette) -> QPalette:
    """A copy of `palette` in which every text pair of `TEXT_PAIRS` reaches 4.5:1: a pair
    below it has its text (or, for a selection, its background) moved towards black or white,
    just enough. Pairs already readable are left exactly as the platform made them."""
    out = QPalette(palette)
    for group, text, back in _checked():
        t, b = out.color(group, text), out.color(group, back)
        if text_contrast(t, b) >= MIN_TEXT_CONTRAST:
            continue
        if (text, back) in _MOVE_BACKGROUND:
            out.setColor(group, back, readable(b, seen(t, b)))
        else:
            out.setColor(group, text, readable(t, b))
    return out


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in _DARK.items():
        palette.setColor(role, QColor(colour))
    for role, colour in _DARK_DISABLED.items():
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(colour))
    return palette


def light_palette() -> QPalette:
    """Fusion's light palette, its low-contrast roles raised (`raise_contrast`)."""
    return raise_contrast(QStyleFactory.create("Fusion").standardPalette())


def worst_contrast(palette: QPalette) -> tuple[float, str]:
    """The lowest contrast of the text role pairs (active, inactive and the disabled text the
    app uses as secondary text), and which pair."""
    return min((text_contrast(palette.color(g, t), palette.color(g, b)), f"{t.name} on {b.name} ({g.name})")
               for g, t, b in _checked())


def secondary_text_colour(palette: QPalette | None = None) -> QColor:
    return QColor(SECONDARY_TEXT[1] if is_dark(palette) else SECONDARY_TEXT[0])


def system_scheme() -> Qt.ColorScheme:
    forced = os.environ.get("AZREL_COLOR_SCHEME", "").lower()
    if forced == "dark":
        return Qt.ColorScheme.Dark
    if forced == "light":
        return Qt.ColorScheme.Light
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() if hasattr(hints, "colorScheme") else Qt.ColorScheme.Unknown


class SchemeFollower(QObject):
    """Applies the palette the system's scheme asks for, now and whenever it changes."""

    def __init__(self, app: QApplication):
        super().__init__(app)
        self.app = app
        self.style_name = app.style().name()
        self.applied: str | None = None  # "dark" when our dark palette is in use
        hints = QGuiApplication.styleHints()
        if hasattr(hints, "colorSchemeChanged"):
            hints.colorSchemeChanged.connect(lambda _scheme: self.apply())
        self.apply()

    def apply(self) -> None:
        self.app.setPalette(QPalette())  # back to what the platform gives now (it may have switched)
        scheme = system_scheme()
        forced = bool(os.environ.get("AZREL_COLOR_SCHEME"))
        base = self.app.palette()
        if scheme == Qt.ColorScheme.Dark and (forced or not is_dark(base)):
            self._fusion()
            base, self.applied = dark_palette(), "dark"
        elif scheme == Qt.ColorScheme.Light and (forced or is_dark(base)):
            self._fusion()
            base, self.applied = light_palette(), "light"
        elif self.applied is not None:  # our dark palette, and the system is light again
            base, self.applied = self.app.style().standardPalette(), None
        # whichever palette is in use, its text reaches AA (the platform's grey may not)
        raised = raise_contrast(base)
        if raised != self.app.palette():
            self.app.setPalette(raised)

    def _fusion(self) -> None:
        if self.app.style().name().lower() != "fusion":
            self.app.setStyle("Fusion")


def follow_system_scheme(app: QApplication) -> SchemeFollower:
    return SchemeFollower(app)
