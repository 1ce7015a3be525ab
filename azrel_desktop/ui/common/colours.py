"""Colours for text and marks drawn on the palette's own background — a warning, a contradicting
or supporting passage, a link — chosen for the palette in use, so that they read in a dark
theme (Windows and macOS dark mode) as well as in a light one.

A fixed dark red reads on white and hardly at all on near-black; these pick a dark tone on a
light background and a light tone on a dark one, each with at least WCAG AA contrast (4.5:1).
Colours drawn on a fixed background of their own (the source text's highlights) stay fixed.

Whatever is coloured this way follows a switch between light and dark while the app runs:
widgets through `show_as_alert` and its siblings, list and tree items (links, contradicting
passages) through `colour_item`, which names the colour's meaning on the item so that the view
can pick it again for the new palette.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QListWidget,
    QListWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QWidget,
)

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


def _when_the_application_palette_changes(owner: QObject, slot) -> None:
    """Call `slot` (a method of `owner`, so the connection ends with it) when the application's
    palette is set. A widget with a style sheet of its own is not sent a palette-change event
    then (its palette comes from the sheet), so its event filter alone would miss the switch."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        app.paletteChanged.connect(slot)


class _FollowPalette(QObject):
    """Re-applies a widget's palette-dependent colour when its palette changes (the system
    switched between light and dark while the app runs)."""

    def __init__(self, widget: QWidget, css) -> None:
        super().__init__(widget)
        self._widget = widget
        self._css = css
        widget.installEventFilter(self)
        _when_the_application_palette_changes(self, self._palette_changed)
        self.apply()

    def _palette_changed(self, _palette: QPalette) -> None:
        self.apply()

    def apply(self) -> None:
        # The application's palette, not the widget's: a widget with a style sheet (this one's)
        # keeps the palette it was polished with when the application's changes.
        css = self._css(QApplication.palette(self._widget))
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


# The meaning of an item's text colour, kept on the item (a high role, clear of the views' own).
COLOUR_ROLE = Qt.ItemDataRole.UserRole + 0x4C0
ITEM_COLOURS = {"link": link_colour, "alert": alert_colour, "support": support_colour}

_Item = QListWidgetItem | QTreeWidgetItem


def colour_item(view: QListWidget | QTreeWidget, item: _Item, meaning: str, column: int = 0) -> None:
    """Draw a list or tree item's text (a tree item's `column`) in the colour of `meaning`
    (a key of ITEM_COLOURS) for the view's palette, now and after the palette changes."""
    colour = ITEM_COLOURS[meaning](QApplication.palette(view))
    if isinstance(item, QTreeWidgetItem):
        meanings = _tree_meanings(item)
        meanings[column] = meaning
        item.setData(0, COLOUR_ROLE, ",".join(f"{c}={m}" for c, m in meanings.items()))
        item.setForeground(column, colour)
    else:
        item.setData(COLOUR_ROLE, meaning)
        item.setForeground(colour)
    if view.findChild(_RecolourItems, "recolourItems") is None:
        _RecolourItems(view)


def _tree_meanings(item: QTreeWidgetItem) -> dict[int, str]:
    """A tree item's coloured columns, kept as text ("0=link,4=alert") that any Qt build stores."""
    kept = item.data(0, COLOUR_ROLE) or ""
    return {int(c): m for c, m in (pair.split("=", 1) for pair in kept.split(",") if pair)}


class _RecolourItems(QObject):
    """Gives a view's coloured items (`colour_item`) the colours of its new palette."""

    def __init__(self, view: QListWidget | QTreeWidget) -> None:
        super().__init__(view)
        self.setObjectName("recolourItems")
        self._view = view
        view.installEventFilter(self)
        _when_the_application_palette_changes(self, self._palette_changed)

    def _palette_changed(self, _palette: QPalette) -> None:
        self.recolour()

    def recolour(self) -> None:
        # the application's palette: a view with a style sheet keeps its old one (see _FollowPalette)
        view, palette = self._view, QApplication.palette(self._view)
        if isinstance(view, QTreeWidget):
            it = QTreeWidgetItemIterator(view)
            while (item := it.value()) is not None:
                for column, meaning in _tree_meanings(item).items():
                    item.setForeground(column, ITEM_COLOURS[meaning](palette))
                it += 1
            return
        for row in range(view.count()):
            entry = view.item(row)
            meaning = entry.data(COLOUR_ROLE)
            if meaning:
                entry.setForeground(ITEM_COLOURS[meaning](palette))

    def eventFilter(self, watched, event) -> bool:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.recolour()
        return False
