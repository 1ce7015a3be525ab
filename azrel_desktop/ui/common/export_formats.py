"""The file formats an export can be saved in, and the one save dialog every export uses.

`FORMATS` is a list that grows (a spreadsheet format can be appended by whoever writes it);
each entry says how it is named in the dialog, its file suffix, and the options the core's
writer takes. The dialog offers them all, starts on the format the user chose last time, and
the first time on the one a spreadsheet on this system opens correctly:

* **CSV for Excel** (UTF-8 with a byte-order mark) on Windows and macOS: Excel reads a CSV
  without the mark in the system's legacy code page, so "Bakı Şəhəri" turns into mojibake.
* **Also on Linux**: the spreadsheet there is LibreOffice Calc, whose text-import dialog
  preselects the character set from the byte-order mark when there is one and otherwise falls
  back to a guess (Calc 7.4 with default settings showed "BakÄ± ÅžÉ™hÉ™ri" for a file without
  it). With the mark Calc picks UTF-8 itself, and Python's, R's and pandas' CSV readers accept
  it too (`utf-8-sig`; `csv` with `encoding="utf-8-sig"`), so nothing is lost by using it.

Plain CSV (UTF-8, no mark) stays one click away for tools that want the bytes unadorned.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from ..i18n import QT_TRANSLATE_NOOP
from ..shell.settings import settings


@dataclass(frozen=True)
class ExportFormat:
    key: str             # stored in the settings: never change a published key
    label: str           # what the dialog shows (translated there, context `export_formats`)
    suffix: str          # with the dot
    options: dict = field(default_factory=dict, hash=False, compare=False)  # passed to the writer

    @property
    def name_filter(self) -> str:
        return f"{QCoreApplication.translate('export_formats', self.label)} (*{self.suffix})"

    @property
    def excel(self) -> bool:
        return bool(self.options.get("excel", False))


CSV = ExportFormat("csv", "CSV, UTF-8", ".csv", {"excel": False})
CSV_EXCEL = ExportFormat("csv-excel", QT_TRANSLATE_NOOP(
    "export_formats", "CSV for Excel and LibreOffice, UTF-8 with byte-order mark"), ".csv", {"excel": True})
FORMATS: list[ExportFormat] = [CSV_EXCEL, CSV]
# The timeline's rows can also go to a workbook (core/output/xlsx.py: real date cells, frozen
# header, autofilter); other exports (notes, chart counts) stay CSV.
XLSX = ExportFormat("xlsx", QT_TRANSLATE_NOOP("export_formats", "Excel workbook"), ".xlsx", {"workbook": True})

EVENT_FORMATS: list[ExportFormat] = [*FORMATS, XLSX]
FORMAT_KEY = "export/format"
FOLDER_KEY = "export/folder"


def by_key(key: str, formats: Sequence[ExportFormat] | None = None) -> ExportFormat | None:
    return next((f for f in (formats if formats is not None else FORMATS) if f.key == key), None)


def system_default(platform: str = sys.platform) -> ExportFormat:
    """What a spreadsheet on `platform` opens correctly (see the module's docstring): the
    byte-order-marked CSV everywhere Excel or LibreOffice Calc is the reader."""
    del platform  # Windows, macOS and Linux alike today; kept so a system that differs can say so
    return CSV_EXCEL


def remembered(formats: Sequence[ExportFormat] | None = None) -> ExportFormat:
    """The format chosen last time, or the system's default the first time."""
    found = by_key(str(settings().value(FORMAT_KEY, "")), formats)
    return found or system_default()


@dataclass(frozen=True)
class ExportChoice:
    path: Path
    format: ExportFormat


def choice_for(path: str, selected_filter: str, formats: Sequence[ExportFormat]) -> ExportChoice:
    """The dialog's answer as a path with its suffix and the format its filter names."""
    fmt = next((f for f in formats if f.name_filter == selected_filter), None) or remembered(formats)
    if not path.lower().endswith(fmt.suffix):
        path += fmt.suffix
    return ExportChoice(Path(path), fmt)


def remember(choice: ExportChoice) -> None:
    s = settings()
    s.setValue(FORMAT_KEY, choice.format.key)
    s.setValue(FOLDER_KEY, str(choice.path.parent))
    s.sync()


def ask_export_path(parent: QWidget | None, caption: str, name: str,
                    formats: Sequence[ExportFormat] | None = None) -> ExportChoice | None:
    """The save dialog of every export: the formats offered, the last folder and format
    preselected; the choice is remembered. None when the user cancels."""
    formats = list(formats if formats is not None else FORMATS)
    start = remembered(formats)
    folder = Path(str(settings().value(FOLDER_KEY, str(Path.home()))))
    stem = Path(name).stem
    path, selected = QFileDialog.getSaveFileName(parent, caption, str(folder / (stem + start.suffix)),
                                                 ";;".join(f.name_filter for f in formats), start.name_filter)
    if not path:
        return None
    choice = choice_for(path, selected, formats)
    remember(choice)
    return choice
