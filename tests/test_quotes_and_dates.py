"""Placing a typed quote in a source's text, and proposing a date from selected words."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from azrel_desktop.core.research.date_proposal import propose_dates
from azrel_desktop.core.research.quotes import QuoteError, locate, occurrences, parse_cite

TEXT = "NATO met in May. Later NATO met again.\nThe  ministers agreed.\n"


def test_a_unique_quote_is_placed_exactly():
    assert locate(TEXT, "T", "met again") == (28, 37)
    assert TEXT[28:37] == "met again"


def test_a_missing_quote_is_refused_in_one_line_with_a_spacing_hint():
    with pytest.raises(QuoteError, match=r"is not in T$"):
        locate(TEXT, "T", "NATO disbanded")
    with pytest.raises(QuoteError, match="different spacing: 'The  ministers'") as err:
        locate(TEXT, "T", "The ministers")
    assert "\n" not in str(err.value)


def test_an_ambiguous_quote_needs_an_occurrence_or_the_words_before_it():
    with pytest.raises(QuoteError, match="occurs 2 times in T; say which with --occurrence N"):
        locate(TEXT, "T", "NATO met")
    assert locate(TEXT, "T", "NATO met", occurrence=2) == (23, 31)
    assert locate(TEXT, "T", "NATO met", before="Later") == (23, 31)
    with pytest.raises(QuoteError, match="occurrence 3 does not exist"):
        locate(TEXT, "T", "NATO met", occurrence=3)
    with pytest.raises(QuoteError, match="follows 'Sooner'"):
        locate(TEXT, "T", "NATO met", before="Sooner")


def test_a_pasted_quote_is_normalised_like_the_stored_text():
    assert locate("Bakı\nsaid", "T", "Bak\u0131\r\nsaid") == (0, 9)
    assert locate("café", "T", "cafe\u0301") == (0, 4)  # NFD pasted, NFC stored


@pytest.mark.parametrize("typed, parsed", [
    ('src-004:"exact words"', ("src-004", "exact words")),
    ("The Bulletin:“curly quotes”", ("The Bulletin", "curly quotes")),
    ("src-004:bare words: with a colon", ("src-004", "bare words: with a colon")),
])
def test_cite_arguments(typed, parsed):
    assert parse_cite(typed) == parsed


@pytest.mark.parametrize("typed", ["no-colon", ":\"quote\"", 'src:""'])
def test_bad_cite_arguments(typed):
    with pytest.raises(QuoteError):
        parse_cite(typed)


@given(st.text(min_size=1, max_size=200), st.data())
def test_every_occurrence_of_a_quote_can_be_chosen_and_is_the_quote(text_, data):
    start = data.draw(st.integers(0, len(text_) - 1))
    end = data.draw(st.integers(start + 1, len(text_)))
    quote = text_[start:end]
    if unicodedata.normalize("NFC", quote) != quote or "\r" in quote:
        return  # a quote is normalised first; the stored texts are NFC with \n line ends
    n = len(occurrences(text_, quote))
    spans = [locate(text_, "T", quote, occurrence=i) for i in range(1, n + 1)]
    assert all(text_[a:b] == quote for a, b in spans)
    assert (start, end) in spans


@pytest.mark.parametrize("selection, published, edtf, words, note", [
    ("On 4 May 1994, Azerbaijan joined the Partnership for Peace.", None, "1994-05-04", "4 May 1994", None),
    ("signed on May 12, 1994 in Bishkek", "2006-05-25", "1994-05-12", "May 12, 1994", None),
    ("On April 16, Armenia lodged a claim", "2024-04-23", "2024-04-16", "April 16",
     "the year, 2024, taken from the source's publication date"),
    ("In 1997 GUAM was founded; on October 10 the leaders met", None, "1997", "1997", None),
    ("in spring 1998 the talks resumed", None, "1998-21", "spring 1998", None),
    ("from 1994 to 1996 the ceasefire held", None, "1994/1996", "from 1994 to 1996", None),
    ("Aliyev flew to Moscow yesterday", "2024-04-22", "2024-04-21", "yesterday",
     "“yesterday” read against the source's publication date, 22 April 2024"),
    ("on Tuesday the minister said", "2024-04-22", "2024-04-16", "on Tuesday", None),
    ("two weeks ago the troops left", "2024-04-22", "2024-04-08~", "two weeks ago", None),
    ("last month the talks resumed", "2024-04-22", "2024-03", "last month", None),
    ("late 1999 saw the summit", None, "1999-09/1999-12", "late 1999", None),
])
def test_dates_proposed_from_a_selection(selection, published, edtf, words, note):
    first = propose_dates(selection, published)[0]
    assert (first.edtf, first.text) == (edtf, words)
    assert selection[first.start:first.end] == words
    if note is not None:
        assert first.note == note
    if published and words in ("yesterday", "on Tuesday", "two weeks ago", "last month"):
        assert "publication date" in first.note


def test_a_phrase_without_a_year_takes_the_year_stated_before_it():
    found = propose_dates("In 1997 GUAM was founded; on October 10 the leaders met", "2006-05-25")
    assert [(p.edtf, p.note) for p in found] == [
        ("1997", None), ("1997-10-10", "the year, 1997, taken from earlier in the passage")]


def test_relative_words_need_a_publication_day():
    assert propose_dates("Aliyev flew to Moscow yesterday", None) == []
    assert propose_dates("Aliyev flew to Moscow yesterday", "2024") == []
    assert propose_dates("the May decision", "2020") == []  # "May" alone is not taken for a month
