"""The source text viewer: a read-only QPlainTextEdit showing a source verbatim, with coloured
spans (passages) and find matches drawn as ExtraSelections, one margin bar per kind of record a
passage supports, and an outline around the current passage (blinking for a moment when jumped
to).

What a passage looks like depends on the passage alone — never on its neighbours or on how many
passages came before it — so nothing changes colour when a note is added elsewhere. A passage
supporting one kind is filled with that kind's colour; one supporting several is striped with
all of them and has a margin bar for each (palette.py checks the colours).

It knows nothing of the Library: the source page gives it the text and the spans. Offsets
are Python code points everywhere outside this widget; they become Qt positions only through
`ui.qtext`. The text is set as plain text only — never HTML, nothing is ever loaded.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QPointF, QRect, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QContextMenuEvent,
    QFont,
    QGradient,
    QLinearGradient,
    QPainter,
    QPaintEvent,
    QPen,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextEdit, QToolTip, QWidget

from ..coding.vocabulary import QT_TRANSLATE_NOOP
from ..common import palette as pal
from ..common.colours import is_dark
from ..common.qtext import from_qt, to_qt
from ..common.widgets import plain_tooltip

# Kinds of passage, as SourcePassage.classes names them, with the legend's wording (in order).
HIGHLIGHT_CLASSES: dict[str, str] = dict(pal.KIND_LABELS)
FIND_COLOUR = pal.FIND_FILLS["match"]
FIND_CURRENT_COLOUR = pal.FIND_FILLS["current"]
TEXT_COLOUR = pal.HIGHLIGHT_TEXT  # readable on every fill, in light and dark palettes alike
MAX_FIND_MATCHES = 5000
KINDS_PROPERTY = QTextFormat.Property.UserProperty + 1  # every kind a span is drawn with, comma-separated
STRIPE = 14  # px: the width of one colour's stripe on a passage of several kinds
MARGIN_BAR = 4  # px: one margin column per kind, in legend order
MARGIN_GAP = 2
MARGIN_KINDS = tuple(k for k in pal.KIND_LABELS if k in pal.KIND_MARKS)


@dataclass(frozen=True)
class Span:
    """A coloured span in code points: a passage (id) or a bare span."""

    start: int
    end: int
    cls: str
    id: str | None = None
    kinds: tuple[str, ...] = ()  # every kind it is drawn with; () means just `cls`

    def drawn_kinds(self) -> tuple[str, ...]:
        return self.kinds or (self.cls,)


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
    # translated (context "SourceTextView") where they are shown
    CODING_ACTIONS = (("event", QT_TRANSLATE_NOOP("SourceTextView", "New event from selection…")),
                      ("cite", QT_TRANSLATE_NOOP("SourceTextView", "Cite selection for…")),
                      ("step", QT_TRANSLATE_NOOP("SourceTextView", "New agreement / agreement step from selection…")),
                      ("membership", QT_TRANSLATE_NOOP("SourceTextView", "New membership status from selection…")))

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
        self._current: tuple[int, int] | None = None  # the current passage, outlined
        self._span_qt: dict[int, int] = {}  # Qt positions of the spans' ends
        self._margin = _Margin(self)
        self.setViewportMargins(self._margin.width_hint(), 0, 0, 0)
        self.updateRequest.connect(self._margin.follow)

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
        self._span_layer, self._find_layer, self._current_layer = [], [], []
        self._current = None
        self._apply()
        return True

    def source_text(self) -> str:
        return self._text

    def set_spans(self, spans: list[Span], tooltips: dict[str, str] | None = None) -> None:
        self._spans = sorted(spans, key=lambda s: (s.start, -s.end))
        self._tooltips = tooltips or {}
        self._build_span_layer()
        self._apply()
        self._margin.update()

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

    # --- current passage and flash -----------------------------------------------------------
    def set_current_span(self, span: tuple[int, int] | None) -> None:
        """Outline `span` (code points) as the current passage, or nothing."""
        self._current = span
        self.viewport().update()

    def current_span(self) -> tuple[int, int] | None:
        return self._current

    def flash(self, start: int, end: int) -> None:
        """Scroll to the span, make it the current one, and blink its outline for about a second."""
        self._reveal(start, end)
        self._current = (start, end)
        self._flash = (start, end)
        self._flash_ticks = self.FLASH_TICKS
        self._flash_on = True
        self._flash_timer.start()
        self.viewport().update()

    def is_flashing(self) -> bool:
        return self._flash is not None

    def _flash_tick(self) -> None:
        self._flash_ticks -= 1
        if self._flash_ticks <= 0:
            self._flash_timer.stop()
            self._flash = None
        else:
            self._flash_on = not self._flash_on
        self.viewport().update()

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
        self._span_qt = qt
        dark = is_dark(self.palette())
        self._span_layer = [self._selection(qt[s.start], qt[s.end], span_format(s.cls, s.drawn_kinds(), dark))
                            for s in self._spans]

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
        self.setExtraSelections(self._span_layer + self._find_layer + self._current_layer)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._spans:
            self._build_span_layer()  # boilerplate's grey and the dispute underline follow the palette
            self._apply()

    def span_rects(self, start: int, end: int) -> list[QRect]:
        """The span's line pieces in viewport coordinates, one rectangle per visual line."""
        if start in self._span_qt and end in self._span_qt:
            first, last = self._span_qt[start], self._span_qt[end]
        else:
            qt = qt_positions(self._text, [start, end])
            first, last = qt[start], qt[end]
        rects: list[QRect] = []
        visible = self.firstVisibleBlock()
        if visible.isValid() and first < visible.position():
            first = min(last, visible.position())  # what is scrolled away above is not drawn
        block = self.document().findBlock(first)
        offset = self.contentOffset()
        while block.isValid() and block.position() <= last:
            layout = block.layout()
            geometry = self.blockBoundingGeometry(block).translated(offset)
            top, left = geometry.top(), geometry.left()
            if top > self.viewport().height():
                break
            for i in range(layout.lineCount()):
                line = layout.lineAt(i)
                line_start = block.position() + line.textStart()
                line_end = line_start + line.textLength()
                lo, hi = max(first, line_start), min(last, line_end)
                if lo > hi or (lo == hi and first != last):
                    continue
                x1 = _cursor_x(line, lo - block.position())
                x2 = _cursor_x(line, hi - block.position())
                # cursorToX is in the layout's coordinates, which the line's rect shares
                y = top + layout.position().y() + line.y()
                rects.append(QRect(int(left + layout.position().x() + x1), int(y), max(2, int(x2 - x1)),
                                   int(line.height())))
            block = block.next()
        return rects

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._current is None:
            return
        painter = QPainter(self.viewport())
        strong = self._flash is not None and self._flash_on
        colour = QColor(self.palette().text().color())
        painter.setPen(QPen(colour, 3 if strong else 1.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for rect in self.span_rects(*self._current):
            painter.drawRect(rect.adjusted(-2, -1, 2, 1) if strong else rect.adjusted(-1, 0, 1, 0))
        painter.end()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        r = self.contentsRect()
        self._margin.setGeometry(QRect(r.left(), r.top(), self._margin.width_hint(), r.height()))

    def margin_marks(self) -> list[tuple[str, tuple[int, int], tuple[str, ...]]]:
        """(passage id, span, kinds) of every margin bar group drawn beside the text."""
        return [(s.id or "", (s.start, s.end), tuple(k for k in s.drawn_kinds() if k in MARGIN_KINDS))
                for s in self._spans if any(k in MARGIN_KINDS for k in s.drawn_kinds())]

    def visible_range(self) -> tuple[int, int]:
        """The code-point range of the text in view (roughly: whole lines)."""
        first = self.cursorForPosition(QPoint(0, 0)).position()
        last = self.cursorForPosition(QPoint(self.viewport().width(), self.viewport().height())).position()
        return from_qt(self._text, first), from_qt(self._text, last)

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
        annotate = menu.addAction(self.tr("Annotate selection…"))
        annotate.setObjectName("annotateSelectionAction")
        annotate.setEnabled(self._can_annotate and self.textCursor().hasSelection())
        annotate.triggered.connect(self.annotate_requested)
        for what, text in self.CODING_ACTIONS:
            action = menu.addAction(QCoreApplication.translate("SourceTextView", text))
            action.setObjectName(f"coding_{what}")
            action.setEnabled(self._can_annotate and self.textCursor().hasSelection())
            action.triggered.connect(lambda _=False, w=what: self.coding_requested.emit(w))
        find = menu.addAction(self.tr("Find in text…"))
        find.triggered.connect(self.find_requested)
        return menu


@functools.cache
def span_format(cls: str, kinds: tuple[str, ...] = (), dark: bool = False) -> QTextCharFormat:
    """How a passage is drawn: filled with its kind's colour, striped with every kind's colour
    when it supports several; boilerplate greyed; disputes with a wavy underline, the user's own
    selections with a dotted one (so that no kind is told by colour alone)."""
    kinds = kinds or (cls,)
    fmt = QTextCharFormat()
    fills = [pal.KIND_FILLS[k] for k in kinds if k in pal.KIND_FILLS]
    if cls == "boilerplate" or not fills:
        fmt.setForeground(QColor(pal.pick(pal.BOILERPLATE_TEXT, dark)))
    else:
        fmt.setForeground(QColor(TEXT_COLOUR))
        fmt.setBackground(_fill_brush(tuple(fills)))
    if "dispute" in kinds:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(QColor(pal.pick(pal.DISPUTE_UNDERLINE, dark)))
    elif "user" in kinds:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setUnderlineColor(QColor(TEXT_COLOUR))
    fmt.setProperty(QTextFormat.Property.UserProperty, cls)
    fmt.setProperty(KINDS_PROPERTY, ",".join(kinds))
    return fmt


def _cursor_x(line, position: int) -> float:
    # PySide6 returns (x, position) from QTextLine.cursorToX; the stubs say "object"
    result = line.cursorToX(position)
    return float(result[0] if isinstance(result, tuple) else result)


def _fill_brush(fills: tuple[str, ...]) -> QBrush:
    if len(fills) == 1:
        return QBrush(QColor(fills[0]))
    # diagonal stripes, one per kind, repeating: hard stops in a repeating linear gradient
    gradient = QLinearGradient(QPointF(0, 0), QPointF(STRIPE * len(fills), STRIPE * len(fills)))
    gradient.setSpread(QGradient.Spread.RepeatSpread)
    step = 1 / len(fills)
    for i, colour in enumerate(fills):
        gradient.setColorAt(i * step, QColor(colour))
        gradient.setColorAt(min(1.0, (i + 1) * step - 0.0001), QColor(colour))
    return QBrush(gradient)


def format_fills(fmt: QTextCharFormat) -> list[str]:
    """The colours a span format paints its background with ('#rrggbb'), in order."""
    brush = fmt.background()
    if brush.style() == Qt.BrushStyle.NoBrush:
        return []
    gradient = brush.gradient()
    if gradient is None:
        return [brush.color().name()]
    names: list[str] = []
    for _at, colour in gradient.stops():
        if not names or names[-1] != colour.name():
            names.append(colour.name())
    return names


class _Margin(QWidget):
    """The bars beside the text: one column per kind of record, a bar for each passage of that
    kind, so a passage supporting several kinds shows each, and kinds are told apart by place
    as well as colour."""

    def __init__(self, view: SourceTextView):
        super().__init__(view)
        self._view = view
        self.setObjectName("passageMargin")

    def width_hint(self) -> int:
        return 4 + len(MARGIN_KINDS) * (MARGIN_BAR + MARGIN_GAP)

    def follow(self, _rect, dy: int) -> None:
        self.update() if dy == 0 else self.scroll(0, dy)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), self._view.palette().base())
        dark = is_dark(self._view.palette())
        height = self.height()
        shown_from, shown_to = self._view.visible_range()
        for _id, (start, end), kinds in self._view.margin_marks():
            if end < shown_from or start > shown_to:
                continue
            rects = self._view.span_rects(start, end)
            if not rects:
                continue
            top, bottom = rects[0].top() + 1, rects[-1].bottom() - 1
            if bottom < 0 or top > height:
                continue
            for kind in kinds:
                column = MARGIN_KINDS.index(kind)
                painter.fillRect(QRect(2 + column * (MARGIN_BAR + MARGIN_GAP), top, MARGIN_BAR,
                                       max(3, bottom - top)), QColor(pal.kind_mark(kind, dark)))
        painter.end()


@functools.cache
def find_format(current: bool) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(FIND_CURRENT_COLOUR if current else FIND_COLOUR))
    fmt.setForeground(QColor(pal.FIND_TEXT))
    return fmt
