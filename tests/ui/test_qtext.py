"""Code-point ↔ Qt (UTF-16) offsets: `ui.qtext` and the source text widget that relies on it."""

from __future__ import annotations

import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import QLabel

from azrel_desktop.ui.common.qtext import from_qt, to_qt
from azrel_desktop.ui.sources.source_text import SourceTextView, Span, display_text, find_all, qt_positions

# Text that mixes ASCII, accented Latin, line breaks (incl. CRLF) and characters outside the BMP.
ALPHABET = st.sampled_from([*"ab \n\r\t", "é", "ə", "Ş", "—", "\u2028", "😀", "𝔄", "🇦", "🇿", "\U00010348"])
TEXTS = st.one_of(st.text(), st.text(alphabet=ALPHABET))
# no per-example deadline: these are exact checks, and a loaded CI machine must not make them flaky
QUICK = settings(deadline=None)


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@QUICK
@given(TEXTS, st.data())
def test_to_qt_counts_utf16_units_and_from_qt_inverts_it(text, data):
    offset = data.draw(st.integers(0, len(text)))
    qt = to_qt(text, offset)
    assert qt == utf16_len(text[:offset])
    assert from_qt(text, qt) == offset


@QUICK
@given(TEXTS)
def test_every_offset_round_trips_and_is_monotonic(text):
    positions = [to_qt(text, i) for i in range(len(text) + 1)]
    assert positions == sorted(positions)
    assert positions[-1] == utf16_len(text)
    assert [from_qt(text, q) for q in positions] == list(range(len(text) + 1))


@QUICK
@given(TEXTS, st.lists(st.integers(-3, 400), max_size=20))
def test_qt_positions_agrees_with_to_qt(text, offsets):
    mapped = qt_positions(text, offsets)
    for offset in offsets:
        clamped = max(0, min(offset, len(text)))
        assert mapped[clamped] == to_qt(text, offset)


def test_astral_characters_shift_qt_positions():
    text = "😀 NATO"
    assert to_qt(text, 2) == 3  # the emoji is two UTF-16 units
    assert from_qt(text, 3) == 2


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXTS)
def test_display_text_gives_qt_one_character_per_utf16_unit(qtbot, text):
    view = SourceTextView()
    qtbot.addWidget(view)
    view.set_source_text(text)
    assert len(display_text(text)) == len(text)
    assert view.document().characterCount() - 1 == utf16_len(text)


def test_find_all_is_case_insensitive_and_in_code_points():
    text = "😀 nato NATO NaTo"
    spans = find_all(text, "NATO")
    assert [text[s:e] for s, e in spans] == ["nato", "NATO", "NaTo"]
    assert find_all(text, "") == []
    assert find_all(text, "a.b") == []  # the needle is literal, not a pattern


def selected(selection) -> str:
    # Qt reports line breaks inside a selection as U+2029
    return selection.cursor.selectedText().replace("\u2029", "\n")


def test_spans_after_astral_characters_highlight_the_right_text(qtbot):
    text = "🇦🇿 Azərbaycan 😀\r\nsigned the PfP 𝔄 document on 4 May 1994.\nEnd 😀"
    spans = [Span(text.index("Azərbaycan"), text.index("Azərbaycan") + 10, "event", "p1"),
             Span(text.index("PfP"), text.index("1994") + 4, "agreement", "p2"),
             Span(text.index("End"), len(text), "user", "p3")]
    view = SourceTextView()
    qtbot.addWidget(view)
    view.set_source_text(text)
    view.set_spans(spans)
    shown = view.extraSelections()
    assert len(shown) == 3
    for span, selection in zip(spans, shown, strict=True):
        assert selected(selection) == text[span.start:span.end]
    # and back: selecting a span in the widget reports the same code points
    view.select_span(spans[1].start, spans[1].end)
    assert view.selection_span() == (spans[1].start, spans[1].end)
    assert view.textCursor().selectedText() == text[spans[1].start:spans[1].end]


def test_find_and_flash_in_astral_text(qtbot):
    text = "😀 NATO and 😀😀 nato; Nato."
    view = SourceTextView()
    qtbot.addWidget(view)
    view.set_source_text(text)
    assert view.find_matches("nato") == 3
    matches = [selected(s) for s in view.extraSelections()]
    assert matches == ["NATO", "nato", "Nato", "NATO"]  # every match, then the current one on top
    view.flash(2, 6)
    assert selected(view.extraSelections()[-1]) == "NATO"
    assert view.is_flashing()
    qtbot.waitUntil(lambda: not view.is_flashing(), timeout=3000)
    assert len(view.extraSelections()) == 4


# --- the binding itself ------------------------------------------------------------------------
# PySide6 6.12.0 on CPython < 3.12 returns None from void C++ calls without taking a reference,
# so every such call (QLabel.setText, QPainter.drawRect, setExtraSelections, …) drops one
# reference to None; after some tens of thousands of calls CPython aborts with
# "none_dealloc: deallocating None". 6.11.3 does not do this, and from 3.12 None is immortal.
# pyproject.toml excludes 6.12; this test guards that pin.


def test_void_qt_calls_keep_none_alive(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("x")
    assert sys.getrefcount(None) >= before - 10
