"""Edit → Preferences…: the interface language (System default, English, Azerbaijani, Russian).

The choice is kept in the app's settings (`ui.i18n.SETTING`) and takes effect at the next
start, which the dialog says; `AZREL_LANGUAGE` overrides it (the dialog says that too).
"""

from __future__ import annotations

import os

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout, QWidget

from .. import i18n
from ..common.widgets import PlainLabel


class PreferencesDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.language = QComboBox(self)
        for code, name in i18n.CHOICES:
            self.language.addItem(self.tr("System default") if code == i18n.SYSTEM else str(name), code)
        self.language.setCurrentIndex(max(0, self.language.findData(i18n.stored_choice())))
        form.addRow(self.tr("Interface language:"), self.language)
        lay.addLayout(form)
        self.restart_note = PlainLabel(self.tr("A new language is shown after a restart of AzRel Desktop."), self)
        lay.addWidget(self.restart_note)
        if os.environ.get(i18n.ENV):
            lay.addWidget(PlainLabel(self.tr("The environment variable {name} chooses the language "
                                             "while it is set.").format(name=i18n.ENV), self))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)

    def choice(self) -> str:
        return str(self.language.currentData())

    def accept(self) -> None:
        i18n.store_choice(self.choice())
        super().accept()
