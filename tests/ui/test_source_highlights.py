"""The source text's highlights mean one thing each: the formats painted on the text are read
back and compared with the legend, a passage of several kinds shows all of them, the current
passage is outlined rather than recoloured, and nothing changes when a note is added."""

from __future__ import annotations

from PySide6.QtGui import QTextFormat

from azrel_desktop.ui.common import palette as pal
from azrel_desktop.ui.shell.navigation import Target
from azrel_desktop.ui.sources.source_text import KINDS_PROPERTY, format_fills

from .test_source_page import make_page, open_target, settle, source_ids


def painted(page) -> list[tuple[tuple[int, int], tuple[str, ...], list[str]]]:
    """(span in Qt positions, kinds, fill colours) of every passage format on the text."""
    out = []
    for s in page.text_view.extraSelections():
        if s.format.hasProperty(KINDS_PROPERTY):
            kinds = tuple(s.format.property(KINDS_PROPERTY).split(","))
            out.append(((s.cursor.selectionStart(), s.cursor.selectionEnd()), kinds, format_fills(s.format)))
    return out


def test_painted_formats_match_the_legend_on_every_source(qtbot, ctx):
    page = make_page(qtbot, ctx)
    for source_id in source_ids(ctx.library):
        open_target(qtbot, page, Target("source", source_id))
        drawn = painted(page)
        counts: dict[str, int] = {}
        for _span, kinds, fills in drawn:
            for kind in kinds:
                counts[kind] = counts.get(kind, 0) + 1
            # what is painted is exactly each kind's own colour, one stripe per kind
            assert fills == [pal.KIND_FILLS[k] for k in kinds if k in pal.KIND_FILLS]
        assert page.legend.counts() == counts
        # the legend shows a line for each kind drawn and none for a kind not drawn
        for kind, label in page.legend.labels.items():
            if kind in pal.KIND_LABELS:
                assert label.isVisibleTo(page) == (kind in counts), (source_id, kind)
                if kind in counts:
                    assert label.text() == f"{pal.KIND_LABELS[kind]} ({counts[kind]})"
        several = sum(1 for _s, kinds, _f in drawn if len(kinds) > 1)
        assert page.legend.labels["several"].isVisibleTo(page) == (several > 0)


def test_a_passage_of_several_kinds_shows_each_in_fill_and_margin(qtbot, ctx):
    record = ctx.library.source("src-000")
    both = [p for p in record.passages if {"agreement", "membership"} <= set(p.classes)]
    assert both, "the 1994 country study cites passages for both agreement steps and memberships"
    page = make_page(qtbot, ctx, Target("source", "src-000"))
    drawn = {kinds for _s, kinds, _f in painted(page)}
    assert any({"agreement", "membership"} <= set(kinds) for kinds in drawn)
    fills = {f for _s, _k, fs in painted(page) for f in fs}
    assert pal.KIND_FILLS["agreement"] in fills and pal.KIND_FILLS["membership"] in fills
    marks = {pid: kinds for pid, _span, kinds in page.text_view.margin_marks()}
    assert set(marks[both[0].id]) >= {"agreement", "membership"}


def test_current_passage_is_outlined_and_keeps_its_colours(qtbot, ctx):
    record = ctx.library.source("src-002")
    page = make_page(qtbot, ctx, Target("source", "src-002"), show=True)
    before = painted(page)
    target = record.passages[5]
    open_target(qtbot, page, Target("source", "src-002", passage_id=target.id))
    assert page.text_view.current_span() == (target.start, target.end)
    assert painted(page) == before  # no colour changes for being current
    qtbot.waitUntil(lambda: not page.text_view.is_flashing(), timeout=3000)
    assert page.text_view.current_span() == (target.start, target.end)
    assert painted(page) == before


def test_adding_a_note_changes_no_other_passage(qtbot, ctx):
    record = ctx.library.source("src-002")
    page = make_page(qtbot, ctx, Target("source", "src-002"), show=True)
    before = painted(page)
    free = next(i for i in range(len(record.text) - 20)
                if not any(p.start <= i + 12 and i <= p.end for p in record.passages) and record.text[i:i + 12].strip())
    page.text_view.select_span(free, free + 12)
    page.annotate_selection("a note on words nobody cited")
    qtbot.waitUntil(lambda: len(painted(page)) == len(before) + 1)
    settle(qtbot, page)
    after = painted(page)
    new = [entry for entry in after if entry not in before]
    assert len(new) == 1 and new[0][1] == ("user",)
    assert [entry for entry in after if entry in before] == before


def test_user_kind_property_keeps_the_primary_class(qtbot, ctx):
    page = make_page(qtbot, ctx, Target("source", "src-000"))
    for s in page.text_view.extraSelections():
        if s.format.hasProperty(KINDS_PROPERTY):
            primary = s.format.property(QTextFormat.Property.UserProperty)
            assert s.format.property(KINDS_PROPERTY).split(",")[0] == primary
