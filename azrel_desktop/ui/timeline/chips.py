"""`ChipBar`: the filter in words above the results, one removable chip per part, and the
count ("14 of 52 events").

Chip labels come from `Library.describe` (names, not ids), read off the GUI thread; removing
a chip emits the filter without that part (`EventFilter.without`).
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLayout, QLayoutItem, QPushButton, QSizePolicy, QToolButton, QWidget

from ...core.query.filters import EventFilter, FilterChip
from ...core.service import Library
from ..common.colours import alert_colour
from ..common.core_labels import chip_label, number
from ..common.widgets import PlainLabel, plain_tooltip
from ..shell.loading import Loader


class FlowLayout(QLayout):
    """Lays widgets out left to right, wrapping to a new line when the width runs out."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 4):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _arrange(self, rect: QRect, *, apply: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, line_height = area.x(), area.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > area.right() + 1 and line_height > 0:
                x, y = area.x(), y + line_height + self._spacing
                line_height = 0
            if apply:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y() + m.bottom()


class Chip(QToolButton):
    """One part of the filter; clicking it removes that part."""

    def __init__(self, chip: FilterChip, parent: QWidget | None = None):
        super().__init__(parent)
        self.chip = chip
        # QToolButton text is plain, but '&' would become a mnemonic marker.
        label = chip_label(chip.dimension, chip.value, chip.label)
        self.setText(label.replace("&", "&&") + "  ✕")
        self.setToolTip(plain_tooltip(self.tr("Remove “{chip}” from the filter").format(chip=label)))
        self.setAccessibleName(self.tr("Remove filter: {chip}").format(chip=label))
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setStyleSheet(
            "QToolButton { border: 1px solid palette(mid); border-radius: 10px; padding: 2px 8px;"
            " background: palette(alternate-base); }"
            "QToolButton:hover { background: palette(midlight); }"
        )


class NoticeChip(QToolButton):
    """Something the user typed that the filter leaves out (an invalid date), said in the
    alert colour among the chips; clicking it clears the offending text."""

    def __init__(self, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.notice = text
        self.setText(f"⚠ {text}  ✕".replace("&", "&&"))
        self.setObjectName("filterNotice")
        self.setToolTip(plain_tooltip(self.tr("{notice}. Click to clear what was typed.").format(notice=text)))
        self.setAccessibleName(self.tr("Filter notice: {notice}").format(notice=text))
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        colour = alert_colour(self.palette()).name()
        self.setStyleSheet(
            f"QToolButton {{ border: 1px solid {colour}; border-radius: 10px; padding: 2px 8px; color: {colour};"
            " background: palette(base); }"
            "QToolButton:hover { background: palette(midlight); }"
        )


class ChipBar(QWidget):
    """The filter's chips and the result count; `filterChanged` when a chip is removed,
    `loaded` when the chips of the newest filter are shown."""

    filterChanged = Signal(object)
    loaded = Signal()
    noticeClicked = Signal(str)

    def __init__(self, library: Library, parent: QWidget | None = None):
        super().__init__(parent)
        self._library = library
        self._filter = EventFilter()
        self.chips: list[Chip] = []
        self.notices: list[NoticeChip] = []

        self.count_label = PlainLabel("", self, wrap=False, selectable=False)
        self.count_label.setObjectName("countLabel")
        font = self.count_label.font()
        font.setBold(True)
        self.count_label.setFont(font)
        self.clear_button = QPushButton(self.tr("Clear all"), self)
        self.clear_button.setFlat(True)
        self.clear_button.clicked.connect(lambda: self._emit(EventFilter()))

        self._chip_area = QWidget(self)
        self._chip_area.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._flow = FlowLayout(self._chip_area)
        self._placeholder = PlainLabel(self.tr("All events"), self._chip_area, wrap=False, selectable=False)
        self._placeholder.setEnabled(False)
        self._flow.addWidget(self._placeholder)
        self.loader = Loader(self, self._show_chips, greyed=lambda: list(self.chips))
        self.loader.loaded.connect(self.loaded)

        row = QHBoxLayout(self)
        row.setContentsMargins(4, 2, 4, 2)
        row.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self._chip_area, 1)
        row.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignTop)

    def filter(self) -> EventFilter:
        return self._filter

    def set_filter(self, f: EventFilter) -> None:
        """Show `f`'s chips. Their words (names of organisations, sources…) are read off the GUI
        thread; the chips shown stay, greyed if the wait is noticeable, until they arrive."""
        self._filter = f
        library = self._library
        self.loader.load(lambda: (f, library.describe(f)))

    def is_loading(self) -> bool:
        return self.loader.busy()

    def _show_chips(self, result: tuple[EventFilter, list[FilterChip]]) -> None:
        _f, parts = result
        for chip in self.chips:
            self._flow.removeWidget(chip)
            chip.hide()
            chip.deleteLater()
        self.chips = []
        for part in parts:
            chip = Chip(part, self._chip_area)
            chip.clicked.connect(lambda _c=False, p=part: self._remove(p))
            self._flow.addWidget(chip)
            if self.isVisible():  # a hidden bar shows its chips when it is shown
                chip.show()
            self.chips.append(chip)
        self._placeholder.setVisible(not self.chips)
        self.clear_button.setVisible(bool(self.chips))
        self._place_notices()

    def set_notices(self, notices: tuple[str, ...]) -> None:
        """Say, after the chips, what the user typed that the filter leaves out."""
        for chip in self.notices:
            self._flow.removeWidget(chip)
            chip.hide()
            chip.deleteLater()
        self.notices = []
        for text in notices:
            chip = NoticeChip(text, self._chip_area)
            chip.clicked.connect(lambda _c=False, t=text: self.noticeClicked.emit(t))
            self.notices.append(chip)
        self._place_notices()

    def _place_notices(self) -> None:
        for chip in self.notices:  # always after the filter's own chips
            self._flow.removeWidget(chip)
            self._flow.addWidget(chip)
            if self.isVisible():
                chip.show()
        self._chip_area.updateGeometry()

    def notice_texts(self) -> list[str]:
        return [chip.notice for chip in self.notices]

    def set_count(self, shown: int, total: int) -> None:
        # the plural follows the total: "14 of 52 events", "1 of 1 event"
        self.count_label.setText(self.tr("{shown} of {total} event(s)", "", total).format(
            shown=number(shown), total=number(total)))

    def set_counting(self) -> None:
        """Say that the count of a new filter is on its way."""
        self.count_label.setText(self.tr("Counting events…"))

    def count_text(self) -> str:
        return self.count_label.text()

    def _remove(self, part: FilterChip) -> None:
        self._emit(self._filter.without(part.dimension, part.value))

    def _emit(self, f: EventFilter) -> None:
        self.set_filter(f)
        self.filterChanged.emit(f)
