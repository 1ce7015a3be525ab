"""Type-ahead choosers for records: organisations, countries, people, agreements (and, in
`RecordFinder`, any record a passage can be cited for), with "New…" to make an organisation,
country or person on the spot.

The typed text narrows a list under the field as one types; Enter or a click takes the
highlighted entry, Down moves into the list. Chosen records show as removable rows. Labels
are data: list items are plain text.

The lists are read off the GUI thread (the runner's `LatestCall`: the newest keystroke's answer
wins); Enter pressed while the answer is on its way takes its first match when it comes.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.research.choices import Choice
from ..shell.runner import LatestCall

ID_ROLE = Qt.ItemDataRole.UserRole
SHOWN = 8  # rows of matches shown under the field


def choice_text(c: Choice) -> str:
    tags = []
    if c.mine:
        tags.append(QCoreApplication.translate("ChoicePicker", "yours"))
    if c.retired:
        tags.append(QCoreApplication.translate("ChoicePicker", "retired"))
    detail = f" — {c.detail}" if c.detail and c.detail != c.id else ""
    return f"{c.label}{detail}{'  [' + ', '.join(tags) + ']' if tags else ''}"


class _Field(QLineEdit):
    """The typing field: Down moves to the matches, Enter takes the highlighted match."""

    take = Signal()
    down = Signal()

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.take.emit()
            event.accept()
            return
        if event.key() == Qt.Key.Key_Down:
            self.down.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class ChoicePicker(QWidget):
    """Choose one (`multi=False`) or several records of one kind by typing part of a name."""

    changed = Signal()

    def __init__(self, lookup, kind: str, *, multi: bool = True, make_new=None, parent: QWidget | None = None,
                 label: str | None = None):
        """`lookup(kind, typed) -> list[Choice]` (run off the GUI thread: it reads the library);
        `make_new(kind, typed) -> Choice | None` offers "New…"."""
        super().__init__(parent)
        self.lookup, self.kind, self.multi, self.make_new = lookup, kind, multi, make_new
        self._chosen: list[Choice] = []
        self._take_when_found = False
        self.finder = LatestCall(self)  # the matches of what is typed
        self.finder.finished.connect(self._show_matches)
        self.labeller = LatestCall(self)  # the labels of records chosen by id (`set_ids`)
        self.labeller.finished.connect(self._label_chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.field = _Field(self)
        # `label` is the caller's translated name of what is chosen ("organisations", …)
        label = label or kind
        self.field.setPlaceholderText(self.tr("type to find {what}…").format(what=label))
        self.field.setAccessibleName(self.tr("Find {what}").format(what=label))
        self.field.setClearButtonEnabled(True)
        row.addWidget(self.field, 1)
        self.new_button = QPushButton(self.tr("New…"), self)
        self.new_button.setToolTip(self.tr("Make a new one with the typed name"))
        self.new_button.setVisible(make_new is not None)
        self.new_button.clicked.connect(self._new)
        row.addWidget(self.new_button)
        layout.addLayout(row)
        self.matches = QListWidget(self)
        self.matches.setAccessibleName(self.tr("Matching {what}").format(what=label))
        self.matches.setMaximumHeight(SHOWN * 20)
        self.matches.hide()
        layout.addWidget(self.matches)
        self.chosen_list = QListWidget(self)
        self.chosen_list.setAccessibleName(self.tr("Chosen {what}").format(what=label))
        self.chosen_list.setMaximumHeight(90)
        self.chosen_list.setToolTip(self.tr("Double-click or press Delete to remove"))
        self.chosen_list.itemDoubleClicked.connect(lambda item: self.remove(item.data(ID_ROLE)))
        layout.addWidget(self.chosen_list)
        self.field.textEdited.connect(self._narrow)
        self.field.take.connect(self._take_current)
        self.field.down.connect(self._into_matches)
        self.matches.itemActivated.connect(self._take_item)
        self.matches.itemClicked.connect(self._take_item)
        self._refresh_chosen()

    # --- state --------------------------------------------------------------------------
    def ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self._chosen)

    def chosen(self) -> list[Choice]:
        return list(self._chosen)

    def set_ids(self, ids) -> None:
        """Choose these records; their ids stand for them until their labels are read."""
        self._chosen = [Choice(self.kind, i, i, "", False) for i in dict.fromkeys(ids)]
        self._refresh_chosen()
        if self._chosen:
            lookup, kind = self.lookup, self.kind
            self.labeller.start(lambda: lookup(kind, ""))

    def busy(self) -> bool:
        """Whether matches or labels are still being read."""
        return self.finder.busy() or self.labeller.busy()

    def _label_chosen(self, found: list[Choice]) -> None:
        known = {c.id: c for c in found}
        self._chosen = [known.get(c.id, c) for c in self._chosen]
        self._refresh_chosen()

    def choose(self, choice: Choice) -> None:
        if any(c.id == choice.id for c in self._chosen):
            return
        self._chosen = [*self._chosen, choice] if self.multi else [choice]
        self.field.clear()
        self.matches.hide()
        self._refresh_chosen()
        self.changed.emit()

    def remove(self, choice_id: str) -> None:
        self._chosen = [c for c in self._chosen if c.id != choice_id]
        self._refresh_chosen()
        self.changed.emit()

    def keyPressEvent(self, event) -> None:
        item = self.chosen_list.currentItem()
        if event.key() == Qt.Key.Key_Delete and self.chosen_list.hasFocus() and item is not None:
            self.remove(item.data(ID_ROLE))
            return
        super().keyPressEvent(event)

    # --- typing -------------------------------------------------------------------------
    def _narrow(self, typed: str) -> None:
        if not typed.strip():
            self.finder.start(lambda: (typed, []))  # an answer still on its way is dropped
            self._take_when_found = False
            return
        lookup, kind = self.lookup, self.kind
        self.finder.start(lambda: (typed, lookup(kind, typed)))

    def _show_matches(self, result: tuple[str, list[Choice]]) -> None:
        _typed, found = result
        self.matches.clear()
        taken = set(self.ids())
        for c in found[:50]:
            if c.id in taken:
                continue
            item = QListWidgetItem(choice_text(c))
            item.setData(ID_ROLE, c.id)
            item.setData(ID_ROLE + 1, c)
            self.matches.addItem(item)
        self.matches.setVisible(self.matches.count() > 0)
        if self.matches.count():
            self.matches.setCurrentRow(0)
        if self._take_when_found:
            self._take_when_found = False
            self._take_current()

    def _into_matches(self) -> None:
        if self.matches.isVisible():
            self.matches.setFocus()

    def _take_current(self) -> None:
        if self.finder.busy():  # Enter typed before the matches came: take the first when they do
            self._take_when_found = True
            return
        item = self.matches.currentItem() if self.matches.isVisible() else None
        if item is not None:
            self._take_item(item)

    def _take_item(self, item: QListWidgetItem) -> None:
        self.choose(item.data(ID_ROLE + 1))
        self.field.setFocus()

    def _new(self) -> None:
        made = self.make_new(self.kind, self.field.text().strip()) if self.make_new else None
        if made is not None:
            self.choose(made)

    def _refresh_chosen(self) -> None:
        self.chosen_list.clear()
        for c in self._chosen:
            item = QListWidgetItem(choice_text(c))
            item.setData(ID_ROLE, c.id)
            self.chosen_list.addItem(item)
        self.chosen_list.setVisible(bool(self._chosen))
