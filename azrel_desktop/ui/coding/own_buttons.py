"""`OwnRecordButtons`: Edit… and Delete… for the user's own record selected in a list on a record
page (an agreement's steps, an organisation's or country's membership statuses); a corpus record
selected leaves them disabled, with the reason in the tooltip."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from ..shell.context import AppContext
from .flows import CodingFlows
from .undo_records import phrase


class OwnRecord(Protocol):
    """What the buttons need to know of the record selected."""

    @property
    def id(self) -> str: ...

    @property
    def mine(self) -> bool: ...


class OwnRecordButtons(QWidget):
    def __init__(self, ctx: AppContext, kind: str, selected: Callable[[], OwnRecord | None],
                 parent: QWidget | None = None):
        """`selected()` gives the record selected now (with `.id` and `.mine`), or None."""
        super().__init__(parent)
        self.ctx, self.kind, self.selected = ctx, kind, selected
        self.coding = CodingFlows(ctx, self)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.edit_button = QPushButton(phrase("edit_button", kind), self)
        self.edit_button.setObjectName(f"edit_{kind}_button")
        self.delete_button = QPushButton(phrase("delete_button", kind), self)
        self.delete_button.setObjectName(f"delete_{kind}_button")
        lay.addWidget(self.edit_button)
        lay.addWidget(self.delete_button)
        lay.addStretch(1)
        self.edit_button.clicked.connect(self.edit)
        self.delete_button.clicked.connect(self.delete)
        self.update_state()

    def update_state(self) -> None:
        record = self.selected()
        mine = bool(record is not None and getattr(record, "mine", False)) and not self.ctx.library.readonly
        for button in (self.edit_button, self.delete_button):
            button.setEnabled(mine)
            button.setToolTip("" if mine else phrase("own_only", self.kind))

    def edit(self) -> None:
        record = self.selected()
        if record is not None and record.mine:
            self.coding.edit(self.kind, record.id)

    def delete(self) -> None:
        record = self.selected()
        if record is not None and record.mine:
            self.coding.delete(self.kind, record.id)
