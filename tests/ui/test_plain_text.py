"""Data is shown as plain text everywhere: markup stored in a note, a tag or a source never
becomes formatting, an image or a link."""

from __future__ import annotations

import html

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTextBrowser, QTextEdit

from azrel_desktop.ui.notes.annotation_panel import AnnotationPanel
from azrel_desktop.ui.notes.annotations_page import AnnotationsPage
from azrel_desktop.ui.records.actor_pages import CountryPage, PersonPage
from azrel_desktop.ui.records.agreement_page import AgreementPage
from azrel_desktop.ui.records.organisation_page import OrganisationPage
from azrel_desktop.ui.shell.navigation import Target
from azrel_desktop.ui.sources.source_page import SourcePage

HOSTILE = "<b>bold</b><img src=file:///etc/passwd>"
HOSTILE_TAG = "<a href=x>tag</a>"


def test_note_body_and_tags_display_literally_in_the_panel(qtbot, ctx, settled):
    ctx.library.add_annotation("organisation", "org-nato", HOSTILE, (HOSTILE_TAG,))
    panel = AnnotationPanel(ctx)
    qtbot.addWidget(panel)
    panel.set_target("organisation", "org-nato")
    [card] = settled(panel).cards
    assert card.body_label.text() == HOSTILE
    assert card.body_label.textFormat() == Qt.TextFormat.PlainText
    assert HOSTILE_TAG in card.meta_label.text()
    assert card.meta_label.textFormat() == Qt.TextFormat.PlainText
    assert not card.body_label.openExternalLinks()
    # the tooltip is escaped, so Qt's rich-text guess has nothing to interpret
    assert html.escape(HOSTILE) in card.toolTip()
    assert "<img" not in card.toolTip()


def test_note_displays_literally_on_the_annotations_page(qtbot, ctx, settled):
    view, _ = ctx.library.add_annotation("organisation", "org-nato", HOSTILE, (HOSTILE_TAG,))
    page = settled(AnnotationsPage(ctx))
    qtbot.addWidget(page)
    row = page.model.row_of(view.id)
    assert page.model.data(page.model.index(row, 1)) == HOSTILE
    assert page.model.data(page.model.index(row, 2)) == HOSTILE_TAG
    assert "<img" not in page.model.data(page.model.index(row, 1), Qt.ItemDataRole.ToolTipRole)
    page.table.selectRow(row)
    assert page.detail_body.text() == HOSTILE
    assert page.detail_body.textFormat() == Qt.TextFormat.PlainText


def test_annotated_selection_note_displays_literally_on_the_source_page(qtbot, ctx, settled):
    source = ctx.library.source("src-000")
    ctx.library.annotate_selection("src-000", 0, 20, HOSTILE, (HOSTILE_TAG,))
    page = SourcePage(ctx)
    qtbot.addWidget(page)
    page.show_target(Target("source", "src-000"))
    user = next(p for p in settled(page).record.passages if p.kind == "user")
    page.select_passage(user.id, flash=False)
    [card] = settled(page).passage_notes.cards
    assert card.body_label.text() == HOSTILE
    assert card.body_label.textFormat() == Qt.TextFormat.PlainText
    # the text widget holds the source verbatim, as plain text
    assert page.text_view.document().toRawText().replace("\u2029", "\n") == source.text


PAGES = [
    (SourcePage, Target("source", "src-002")),
    (OrganisationPage, Target("organisation", "org-nato")),
    (AgreementPage, Target("agreement", "agr-az-nato-decree-1997")),
    (CountryPage, Target("country", "AZ")),
    (PersonPage, Target("person", "per-heydar-aliyev")),
    (AnnotationsPage, Target("annotations")),
]


@pytest.mark.parametrize(("page_class", "target"), PAGES, ids=[p[0].__name__ for p in PAGES])
def test_no_page_renders_data_as_rich_text(qtbot, ctx, page_class, target, settled):
    ctx.library.add_annotation("organisation", "org-nato", HOSTILE, (HOSTILE_TAG,))
    page = page_class(ctx)
    qtbot.addWidget(page)
    page.show_target(target)
    settled(page)
    labels = [label for label in page.findChildren(QLabel) if label.text()]
    assert labels
    rich = [label.text() for label in labels if label.textFormat() != Qt.TextFormat.PlainText]
    assert rich == []
    assert page.findChildren(QTextBrowser) == []
    # QTextEdit could render HTML; only QPlainTextEdit (a different class) may show data
    assert [w for w in page.findChildren(QTextEdit)] == []
