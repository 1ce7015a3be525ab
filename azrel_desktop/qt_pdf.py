"""Printing a report's HTML to PDF with Qt's own printing (QTextDocument on a QPdfWriter).

Outside both the Qt-free core and the GUI: the app's Export report… calls it, and so does
`azrel report --format pdf`, which imports it only for a PDF (then Qt is loaded, on the
"offscreen" platform when no display platform is chosen, so it works on a server without a
display). No browser, nothing fetched: the HTML holds no external resource.
"""

from __future__ import annotations

import os
from pathlib import Path


def ensure_app() -> None:
    """A QGuiApplication (fonts need one) if the process has none: the command line's, offscreen."""
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        ensure_app.app = QGuiApplication([])  # type: ignore[attr-defined]  # kept alive for the process


def html_to_pdf(html: str, path: Path | str, *, title: str = "") -> None:
    """Lay out `html` on A4 pages with 20 mm margins and write them to `path`.
    Runs on any thread (QTextDocument and QPdfWriter are not widgets) once an application exists."""
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

    ensure_app()
    writer = QPdfWriter(str(path))
    writer.setTitle(title)
    writer.setCreator("AzRel Desktop")
    writer.setResolution(300)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(20, 20, 20, 20), QPageLayout.Unit.Millimeter))
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setHtml(html)
    # No page size of its own: print_ then lays the text out on the writer's page in points and
    # scales it to the writer's resolution.
    document.print_(writer)
