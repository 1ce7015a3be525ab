"""Help → Quick guide: the README's walkthrough and the shortcuts, in a window of their own.

The text is the app's own file (`ui/resources/quick_guide.md`), rendered as Markdown with raw
HTML switched off, so nothing in it can become markup Qt interprets; links are not followed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

GUIDE = Path(__file__).resolve().parents[1] / "resources" / "quick_guide.md"
MARKDOWN = QTextDocument.MarkdownFeature(QTextDocument.MarkdownFeature.MarkdownDialectGitHub.value
                                         | QTextDocument.MarkdownFeature.MarkdownNoHTML.value)


def guide_text(language: str | None = None) -> str:
    """The guide in the interface's language (`quick_guide_<lang>.md`), else in English."""
    from ..i18n import installed_language

    language = installed_language() if language is None else language
    translated = GUIDE.with_name(f"{GUIDE.stem}_{language}.md")
    return (translated if translated.is_file() else GUIDE).read_text(encoding="utf-8")


class QuickGuide(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Quick guide — AzRel Desktop"))

        self.setObjectName("quickGuide")
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.document().setMarkdown(guide_text(), MARKDOWN)
        self.browser.moveCursor(QTextCursor.MoveOperation.Start)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(640, 620)
