"""Small widgets and helpers that keep data text plain: labels that never parse HTML and
tooltips that show text literally."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def plain_tooltip(text: str | None) -> str:
    """A tooltip string that Qt shows literally even when `text` looks like HTML."""
    if not text:
        return ""
    # Qt guesses whether a tooltip is rich text; escaping and wrapping it makes the guess
    # "rich" with nothing left to interpret.
    return "<p style='white-space:pre-wrap'>" + html.escape(text) + "</p>"


class PlainLabel(QLabel):
    """A QLabel whose text is always plain text (data never becomes markup or a link)."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *, wrap: bool = True,
                 selectable: bool = True):
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(wrap)
        if selectable:
            self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setText(text)
