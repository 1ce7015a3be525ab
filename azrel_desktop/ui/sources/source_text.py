"""The source text viewer: a read-only QPlainTextEdit showing a source verbatim, with coloured
spans (passages), find matches and a timer-driven flash, all drawn as ExtraSelections.

It knows nothing of the Library: the source page gives it the text and the spans. Offsets
are Python code points everywhere outside this widget; they become Qt positions only through
`ui.qtext`. The text is set as plain text only — never HTML, nothing is ever loaded.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QContextMenuEvent, QFont, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextEdit, QToolTip, QWidget

from ..common.qtext import from_qt, to_qt
from ..common.widgets import plain_tooltip

# Colour classes, as SourcePassage.highlight names them, with the legend's wording.
HIGHLIGHT_CLASSES: dict[str, tuple[str, str]] = {
    "event": ("#bcd7f5", "event"),
    "agreement": ("#bfe8c2", "agreement step"),
    "membership": ("#dcc9f0", "membership / status"),
    "organisation": ("#f8d6a8", "organisation fact"),
    "dispute": ("#f5b8b8", "contradicts a record"),
    "user": ("#fff08a", "your annotated selection"),
    "boilerplate": ("#e4e4e4", "not part of the article"),
}
FIND_COLOUR = "#ffc266"
FIND_CURRENT_COLOUR = "#ff8c00"
FLASH_COLOUR = "#283593"  # dark indigo: unlike any passage colour, and white text stays readable
TEXT_COLOUR = "#111111"  # readable on every highlight, in light and dark palettes alike
BOILERPLATE_TEXT = "#7a7a7a"
MAX_FIND_MATCHES = 5000


@dataclass(frozen=True)
class Span:
    """A coloured span in code points: a passage (id) or a bare span."""

    start: int
    end: int
    cls: str
    id: str | None = None


def display_text(text: str) -> str:
    """The text as the widget shows it, with exactly one Qt character per UTF-16 code unit of
    `text`. Qt turns CRLF into a single line break, which would shift every later offset, so the
    CR of a CRLF becomes a zero-width space instead (the line break itself stays)."""
    return text.replace("\r\n", "\u200b\n")


def qt_positions(text: str, offsets: list[int]) -> dict[int, int]:
    """`to_qt` for many offsets at once, walking the text once instead of once per offset."""
    result: dict[int, int] = {}
    prev_offset = prev_qt = 0
    for offset in sorted(set(offsets)):
        offset = max(0, min(offset, len(text)))
        prev_qt += to_qt(text[prev_offset:offset], offset - prev_offset)
        prev_offset = offset
        result[offset] = prev_qt
    return result


def find_all(text: str, needle: str) -> list[tuple[int, int]]:
    """Non-overlapping case-insensitive matches of `needle`, as code-point spans."""
    if not needle:
        return []
    return [(m.start(), m.end()) for m in re.finditer(re.escape(needle), text, re.IGNORECASE)]


class SourceTextView(QPlainTextEdit):
    """Verbatim source text with highlighted spans, find matches and a flashing span."""

    span_clicked = Signal(object)  # list[Span] under the click (innermost first)
    annotate_requested = Signal()
    find_requested = Signal()
    # recording from the selection: "event", "cite", "step" or "membership" (ui/coding)
    coding_requested = Signal(str)
    CODING_ACTIONS = (("event", "New event from selection…"), ("cite", "Cite selection for…"),
                      ("step", "New agreement / agreement step from selection…"),
                      ("membership", "New membership status from selection…"))

    FLASH_TICKS = 6
    FLASH_INTERVAL_MS = 180

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.menu_hook: Callable[[QMenu, int], None] | None = None
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.setFont(font)
        self.document().setDocumentMargin(12)
        self.viewport().setMouseTracking(True)
        self._text = ""
        self._spans: list[Span] = []
        self._matches: list[tuple[int, int]] = []
        self._current_match = -1
        self._flash: tuple[int, int] | None = None
        self._flash_on = False
        self._flash_ticks = 0
        self._flash_timer = QTimer(self)
        self._flash_timer.setInterval(self.FLASH_INTERVAL_MS)
        self._flash_timer.timeout.connect(self._flash_tick)
        self._tooltips: dict[str, str] = {}
        self._can_annotate = True
        self._pending_reveal: tuple[int, int] | None = None
        # ExtraSelections in layers, each rebuilt only when it changes (drawn in this order)
        self._span_layer: list[QTextEdit.ExtraSelection] = []
        self._find_layer: list[QTextEdit.ExtraSelection] = []
        self._current_layer: list[QTextEdit.ExtraSelection] = []
        self._flash_layer: list[QTextEdit.ExtraSelection] = []

    # --- content ------------------------------------------------------------------------
    def set_source_text(self, text: str) -> bool:
        """Show `text`; returns whether it changed."""
        if text == self._text and self.document().characterCount() > 1:
            return False
        self._text = text
        self._matches, self._current_match = [], -1
        self._pending_reveal = None
        self._flash = None
        self._flash_timer.stop()
        self._spans = []
        self.setPlainText(display_text(text))  # plain text only: nothing is parsed or loaded
        self._span_layer, self._find_layer, self._current_layer, self._flash_layer = [], [], [], []
        self._apply()
        return True

    def source_text(self) -> str:
        return self._text

    def set_spans(self, spans: list[Span], tooltips: dict[str, str] | None = None) -> None:
        self._spans = sorted(spans, key=lambda s: (s.start, -s.end))
        self._tooltips = tooltips or {}
        self._build_span_layer()
        self._apply()

    def spans(self) -> list[Span]:
        return list(self._spans)

    def set_can_annotate(self, enabled: bool) -> None:
        self._can_annotate = enabled

    # --- offsets ------------------------------------------------------------------------
    def selection_span(self) -> tuple[int, int] | None:
        """The selected text as code-point offsets, or None when nothing is selected."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return from_qt(self._text, cursor.selectionStart()), from_qt(self._text, cursor.selectionEnd())

    def select_span(self, start: int, end: int) -> None:
        cursor = self._cursor(to_qt(self._text, start), to_qt(self._text, end))
        self.setTextCursor(cursor)

    def offset_at(self, point: QPoint) -> int:
        return from_qt(self._text, self.cursorForPosition(point).position())

    def spans_at(self, offset: int) -> list[Span]:
        hits = [s for s in self._spans if s.start <= offset < s.end]
        return sorted(hits, key=lambda s: s.end - s.start)

    # --- find ---------------------------------------------------------------------------
    def find_matches(self, needle: str) -> int:
        """Highlight every match of `needle`; returns how many there are."""
        self._matches = find_all(self._text, needle)
        self._current_match = -1
        if self._matches:
            # start from the first match at or after the cursor, as editors do
            here = from_qt(self._text, self.textCursor().selectionStart())
            self._current_match = next((i for i, (s, _e) in enumerate(self._matches) if s >= here), 0)
            self._reveal(*self._matches[self._current_match])
        self._build_find_layer()
        self._apply()
        return len(self._matches)

    def show_matches(self, spans: list[tuple[int, int]]) -> int:
        """Mark spans found elsewhere (a search of the sources' text) as the find matches, and
        go to the first."""
        self._matches = sorted(spans)
        self._current_match = 0 if self._matches else -1
        if self._matches:
            self._reveal(*self._matches[0])
        self._build_find_layer()
        self._apply()
        return len(self._matches)

    def find_step(self, forward: bool = True) -> int:
        """Move to the next (or previous) match, wrapping; returns its index or -1."""
        if not self._matches:
            return -1
        step = 1 if forward else -1
        self._current_match = (self._current_match + step) % len(self._matches)
        self._reveal(*self._matches[self._current_match])
        self._build_current_layer()
        self._apply()
        return self._current_match

    def clear_find(self) -> None:
        self._matches, self._current_match = [], -1
        self._build_find_layer()
        self._apply()

    def match_count(self) -> int:
        return len(self._matches)

    def current_match(self) -> int:
        return self._current_match

    def matches(self) -> list[tuple[int, int]]:
        return list(self._matches)

    # --- flash --------------------------------------------------------------------------
    def flash(self, start: int, end: int) -> None:
        """Scroll to the span and blink a strong highlight over it for about a second."""
        self._reveal(start, end)
        self._flash = (start, end)
        self._flash_ticks = self.FLASH_TICKS
        self._flash_on = True
        qt = qt_positions(self._text, [start, end])
        self._flash_layer = [self._selection(qt[start], qt[end], flash_format())]
        self._flash_timer.start()
        self._apply()

    def is_flashing(self) -> bool:
        return self._flash is not None

    def _flash_tick(self) -> None:
        self._flash_ticks -= 1
        if self._flash_ticks <= 0:
            self._flash_timer.stop()
            self._flash = None
            self._flash_layer = []
        else:
            self._flash_on = not self._flash_on
        self._apply()

    def _reveal(self, start: int, end: int) -> None:
        if not self.isVisible():
            # not laid out yet (a page is often filled before it is shown): scroll once shown
            self._pending_reveal = (start, end)
            self.setTextCursor(self._cursor(to_qt(self._text, start)))
            return
        self._pending_reveal = None
        # Put the span's end then its start in view, so a long span shows from its beginning.
        self.setTextCursor(self._cursor(to_qt(self._text, end)))
        self.ensureCursorVisible()
        self.setTextCursor(self._cursor(to_qt(self._text, start)))
        self.centerCursor()

    # --- drawing ------------------------------------------------------------------------
    def _cursor(self, position: int, anchor_end: int | None = None) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        if anchor_end is not None:
            cursor.setPosition(anchor_end, QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _selection(self, qt_start: int, qt_end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        selection.cursor = self._cursor(qt_start, qt_end)
        selection.format = fmt
        return selection

    def _build_span_layer(self) -> None:
        qt = qt_positions(self._text, [o for s in self._spans for o in (s.start, s.end)])
        # neighbouring passages alternate between two tones so that their boundaries show
        self._span_layer = [self._selection(qt[s.start], qt[s.end], span_format(s.cls, i % 2 == 1))
                            for i, s in enumerate(self._spans)]

    def _build_find_layer(self) -> None:
        shown = self._matches[:MAX_FIND_MATCHES]
        qt = qt_positions(self._text, [o for m in shown for o in m])
        fmt = find_format(False)
        self._find_layer = [self._selection(qt[start], qt[end], fmt) for start, end in shown]
        self._build_current_layer()

    def _build_current_layer(self) -> None:
        self._current_layer = []
        if 0 <= self._current_match < len(self._matches):
            start, end = self._matches[self._current_match]
            qt = qt_positions(self._text, [start, end])
            self._current_layer = [self._selection(qt[start], qt[end], find_format(True))]

    def _apply(self) -> None:
        flash = self._flash_layer if self._flash and self._flash_on else []
        self.setExtraSelections(self._span_layer + self._find_layer + self._current_layer + flash)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._pending_reveal is not None:
            QTimer.singleShot(0, self, self._reveal_pending)

    def _reveal_pending(self) -> None:
        if self._pending_reveal is not None:
            self._reveal(*self._pending_reveal)

    # --- interaction --------------------------------------------------------------------
    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            hits = self.spans_at(self.offset_at(event.position().toPoint()))
            if hits:
                self.span_clicked.emit(hits)

    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            tips = [self._tooltips[s.id] for s in self.spans_at(self.offset_at(event.pos()))
                    if s.id is not None and s.id in self._tooltips]
            if tips:
                QToolTip.showText(event.globalPos(), plain_tooltip("\n\n".join(tips)), self)
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.build_context_menu()
        if self.menu_hook is not None:  # the page adds what the passages under the click offer
            self.menu_hook(menu, self.offset_at(event.pos()))
        menu.exec(event.globalPos())
        menu.deleteLater()

    def build_context_menu(self) -> QMenu:
        menu = self.createStandardContextMenu()
        menu.addSeparator()
        annotate = menu.addAction("Annotate selection…")
        annotate.setObjectName("annotateSelectionAction")
        annotate.setEnabled(self._can_annotate and self.textCursor().hasSelection())
        annotate.triggered.connect(self.annotate_requested)
        for what, text in self.CODING_ACTIONS:
            action = menu.addAction(text)
            action.setObjectName(f"coding_{what}")
            action.setEnabled(self._can_annotate and self.textCursor().hasSelection())
            action.triggered.connect(lambda _=False, w=what: self.coding_requested.emit(w))
        find = menu.addAction("Find in text…")
        find.triggered.connect(self.find_requested)
        return menu


@functools.cache
def span_format(cls: str, alternate: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    colour = QColor(HIGHLIGHT_CLASSES.get(cls, HIGHLIGHT_CLASSES["event"])[0])
    if cls == "boilerplate":
        fmt.setForeground(QColor(BOILERPLATE_TEXT))
        colour.setAlpha(150)
    else:
        fmt.setForeground(QColor(TEXT_COLOUR))
        if alternate:  # the same hue, half-way to white
            colour = QColor((colour.red() + 255) // 2, (colour.green() + 255) // 2, (colour.blue() + 255) // 2)
    fmt.setBackground(colour)
    if cls == "dispute":
        # not by colour alone: disputed passages are also underlined
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(QColor("#c62828"))
    elif cls == "user":
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(QColor("#b59a00"))
    fmt.setProperty(QTextFormat.Property.UserProperty, cls)
    return fmt


@functools.cache
def find_format(current: bool) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(FIND_CURRENT_COLOUR if current else FIND_COLOUR))
    fmt.setForeground(QColor(TEXT_COLOUR))
    return fmt


@functools.cache
def flash_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(FLASH_COLOUR))
    fmt.setForeground(QColor("#ffffff"))
    fmt.setFontWeight(QFont.Weight.Bold)
    return fmt
