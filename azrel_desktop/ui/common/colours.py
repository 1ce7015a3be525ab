"""Colours for text and marks drawn on the palette's own background — a warning, a contradicting
or supporting passage, a link — chosen for the palette in use, so that they read in a dark
theme (Windows and macOS dark mode) as well as in a light one.

A fixed dark red reads on white and hardly at all on near-black; these pick a dark tone on a
light background and a light tone on a dark one, each with at least WCAG AA contrast (4.5:1).
Colours drawn on a fixed background of their own (the source text's highlights) stay fixed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

# (on a light background, on a dark background)
ALERT = ("#b71c1c", "#ff8a80")  # disputed, contradicts, errors
SUPPORT = ("#2a7330", "#81c784")  # supports (4.5:1 on the window grey too)
LINK = ("#1a5fb4", "#8ab4f8")  # used when the palette's own link colour does not read
MIN_CONTRAST = 4.5


def _palette(palette: QPalette | None) -> QPalette:
    return palette if palette is not None else QApplication.palette()


def is_dark(palette: QPalette | None = None) -> bool:
    return _palette(palette).color(QPalette.ColorRole.Base).lightnessF() < 0.5


def _luminance(colour: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def contrast(a: QColor, b: QColor) -> float:
    """WCAG's contrast ratio of two colours, 1 (none) to 21 (black on white)."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _pick(pair: tuple[str, str], palette: QPalette | None) -> QColor:
    return QColor(pair[1] if is_dark(palette) else pair[0])


def alert_colour(palette: QPalette | None = None) -> QColor:
    return _pick(ALERT, palette)


def support_colour(palette: QPalette | None = None) -> QColor:
    return _pick(SUPPORT, palette)


def link_colour(palette: QPalette | None = None) -> QColor:
    """The palette's link colour where it reads on the palette's background, else our own."""
    palette = _palette(palette)
    own = palette.color(QPalette.ColorRole.Link)
    if contrast(own, palette.color(QPalette.ColorRole.Base)) >= MIN_CONTRAST:
        return own
    return _pick(LINK, palette)


def text_css(colour: QColor) -> str:
    return f"color: {colour.name()};"


class _FollowPalette(QObject):
    """Re-applies a widget's palette-dependent colour when its palette changes (the system
    switched between light and dark while the app runs)."""

    def __init__(self, widget: QWidget, css) -> None:
        super().__init__(widget)
        self._widget = widget
        self._css = css
        widget.installEventFilter(self)
        self.apply()

    def apply(self) -> None:
        css = self._css(self._widget.palette())
        if self._widget.styleSheet() != css:  # setting it can itself change the palette
            self._widget.setStyleSheet(css)

    def eventFilter(self, watched, event) -> bool:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.apply()
        return False


def low_reliability_colour(palette: QPalette | None = None) -> QColor:
    """The mark beside a quote from a source of low reliability (ui/common/palette.py)."""
    from . import palette as pal

    return QColor(pal.pick(pal.LOW_RELIABILITY_MARK, is_dark(palette)))


def show_as_warning_banner(widget: QWidget) -> None:
    """A banner in the warning colours of its palette (light or dark), now and after a theme change."""
    from . import palette as pal

    def css(palette: QPalette) -> str:
        background, text = pal.LOW_RELIABILITY_BANNER[1 if is_dark(palette) else 0]
        return f"background: {background}; color: {text}; padding: 6px; border-radius: 3px;"

    _FollowPalette(widget, css)


def show_as_low_reliability(widget: QWidget) -> None:
    """Draw the widget's text in the low-reliability mark's colour, now and after a theme change."""
    _FollowPalette(widget, lambda palette: text_css(low_reliability_colour(palette)))


def show_as_alert(widget: QWidget) -> None:
    """Draw the widget's text in the alert colour of its palette, now and after a theme change."""
    _FollowPalette(widget, lambda palette: text_css(alert_colour(palette)))
