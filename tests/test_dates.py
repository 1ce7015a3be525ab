"""EDTF parsing, bounds, readable forms and the phrases the sources use (core/dates.py)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from azrel_desktop.core.corpus.dates import (
    DateError,
    describe,
    is_valid_edtf,
    parse_edtf,
    parse_phrase,
    parse_user_date,
    shift,
    window,
)

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# --- parse_edtf: every form ----------------------------------------------------------


@pytest.mark.parametrize(
    ("edtf", "lower", "upper", "precision"),
    [
        ("1994-05-04", date(1994, 5, 4), date(1994, 5, 4), "day"),
        ("1996-02-29", date(1996, 2, 29), date(1996, 2, 29), "day"),
        ("1997-11", date(1997, 11, 1), date(1997, 11, 30), "month"),
        ("1996-02", date(1996, 2, 1), date(1996, 2, 29), "month"),
        ("1997-02", date(1997, 2, 1), date(1997, 2, 28), "month"),
        ("1998-21", date(1998, 3, 1), date(1998, 5, 31), "season"),
        ("1998-22", date(1998, 6, 1), date(1998, 8, 31), "season"),
        ("1998-23", date(1998, 9, 1), date(1998, 11, 30), "season"),
        # winter runs from December into February of the next year
        ("1998-24", date(1998, 12, 1), date(1999, 2, 28), "season"),
        ("1999-24", date(1999, 12, 1), date(2000, 2, 29), "season"),
        ("1994", date(1994, 1, 1), date(1994, 12, 31), "year"),
        ("199X", date(1990, 1, 1), date(1999, 12, 31), "decade"),
        ("19XX", date(1900, 1, 1), date(1999, 12, 31), "century"),
        ("1993-07/1993-12", date(1993, 7, 1), date(1993, 12, 31), "interval"),
        ("2002/2003", date(2002, 1, 1), date(2003, 12, 31), "interval"),
        ("1992-10-12/1993", date(1992, 10, 12), date(1993, 12, 31), "interval"),
        ("1994/..", date(1994, 1, 1), date(9999, 12, 31), "interval"),
        ("1994-05/", date(1994, 5, 1), date(9999, 12, 31), "interval"),
        # an open or unknown start is placed at its known end (module docstring)
        ("../1993", date(1993, 1, 1), date(1993, 12, 31), "interval"),
        ("/2024-04-22", date(2024, 4, 22), date(2024, 4, 22), "interval"),
    ],
)
def test_parse_edtf_bounds_and_precision(edtf, lower, upper, precision):
    d = parse_edtf(edtf)
    assert (d.edtf, d.lower, d.upper, d.precision) == (edtf, lower, upper, precision)
    assert d.start_iso == lower.isoformat() and d.end_iso == upper.isoformat()
    assert not d.approximate and not d.uncertain


@pytest.mark.parametrize(
    ("edtf", "approximate", "uncertain"),
    [("1994~", True, False), ("1994?", False, True), ("1994%", True, True),
     ("1994-05-04~", True, False), ("1997-11?", False, True), ("1998-21%", True, True),
     ("199X~", True, False), ("1994?/1995", False, True), ("1994/1995~", True, False)],
)
def test_qualifiers_keep_nominal_bounds(edtf, approximate, uncertain):
    d = parse_edtf(edtf)
    plain = parse_edtf(edtf.replace("~", "").replace("?", "").replace("%", ""))
    assert (d.approximate, d.uncertain) == (approximate, uncertain)
    assert (d.lower, d.upper) == (plain.lower, plain.upper)


@pytest.mark.parametrize(
    "bad",
    ["1994-13", "1994-00", "1994-02-30", "1995-02-29", "1994-04-31", "1994-25", "1994-20",
     "0000", "garbage", "", "   ", "1994-5", "94", "19941", "1994-05-04-01", "199X-05",
     "19XX-21", "1994~?", "2000/1999", "1994-06/1994-05", "1994-05-04/1994-05-03", "/", "../..",
     "../", "1994//1995", "1994/1995/1996", "１９９４", "١٩٩٤", "1994 05", "x994", "1994-W01"],
)
def test_parse_edtf_rejects_invalid(bad):
    with pytest.raises(DateError):
        parse_edtf(bad)
    assert not is_valid_edtf(bad)


def test_parse_edtf_rejects_non_text():
    for value in (None, 1994, b"1994"):
        with pytest.raises(DateError):
            parse_edtf(value)  # type: ignore[arg-type]


def test_parse_edtf_strips_surrounding_space():
    assert parse_edtf("  1994-05 \n").edtf == "1994-05"


def test_overlaps():
    d = parse_edtf("1997-07/1997-08")
    assert d.overlaps(date(1997, 8, 31), None)
    assert not d.overlaps(date(1997, 9, 1), None)
    assert d.overlaps(None, date(1997, 7, 1))
    assert not d.overlaps(None, date(1997, 6, 30))
    assert d.overlaps(None, None)


# --- describe -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("edtf", "words"),
    [
        ("1994-05-04", "4 May 1994"), ("1997-11", "November 1997"), ("1998-21", "spring 1998"),
        ("1998-24", "winter 1998"), ("1994", "1994"), ("199X", "the 1990s"),
        ("19XX", "the 20th century"), ("1994~", "about 1994"), ("1994?", "possibly 1994"),
        ("1994%", "about, possibly 1994"), ("1993-07/1993-12", "July 1993 – December 1993"),
        ("1994/..", "from 1994"), ("../1993", "until 1993"), ("2002/2003", "2002 – 2003"),
    ],
)
def test_describe(edtf, words):
    assert describe(edtf) == words


def test_describe_tolerates_surrounding_space_and_rejects_garbage():
    assert describe(" 1994-05-04 ") == "4 May 1994"
    with pytest.raises(DateError):
        describe("1994-13")


def test_decade_and_century_descriptions_differ():
    # "the 1900s" must not stand for both the decade 190X and the century 19XX
    assert describe("190X") != describe("19XX")
    assert parse_phrase(describe("19XX")) == "19XX"
    assert parse_phrase(describe("190X")) == "190X"
    assert parse_phrase(describe("00XX")) == "00XX"


# --- parse_phrase: the phrasings of the sources ----------------------------------------


@pytest.mark.parametrize(
    ("phrase", "kwargs", "edtf"),
    [
        ("October 12, 1992", {}, "1992-10-12"),
        ("October 12,\n1992", {}, "1992-10-12"),
        ("12 October 1992", {}, "1992-10-12"),
        ("APRIL 22 2024", {}, "2024-04-22"),
        ("May 4, 1994", {}, "1994-05-04"),
        ("May of 1997", {}, "1997-05"),
        ("February of 1997", {}, "1997-02"),
        ("September\n1993", {}, "1993-09"),
        ("early 1994", {}, "1994-01/1994-04"),
        # the document's own date ends a phrase that would run past it
        ("early 1994", {"as_of": "1994-03"}, "1994-01/1994-03"),
        ("early 1994", {"as_of": "1994-06"}, "1994-01/1994-04"),  # ends before it: unchanged
        ("In 1994", {"as_of": "1994-03"}, "1994/1994-03"),
        ("the early 1990s", {"as_of": "1992-10-12"}, "1990/1992-10-12"),
        ("in September", {"context_year": 2024, "as_of": "2024-04-22"}, "2024-09"),  # wholly after: left
        ("late 1999", {}, "1999-09/1999-12"),
        ("the second half of 1993", {}, "1993-07/1993-12"),
        ("the first half of 1993", {}, "1993-01/1993-06"),
        ("spring of 1998", {}, "1998-21"),
        ("the spring of 1998", {}, "1998-21"),
        ("winter 1998", {}, "1998-24"),
        ("July–August 1997", {}, "1997-07/1997-08"),
        ("July-August 1997", {}, "1997-07/1997-08"),
        ("2002–2003", {}, "2002/2003"),
        ("2002-2003", {}, "2002/2003"),
        ("the early 1990s", {}, "1990/1993"),
        ("the 1990s", {}, "199X"),
        ("In 1995", {}, "1995"),
        ("since 1992", {}, "1992/.."),
        ("five days before 2024-04-22", {}, "2024-04-17"),
        ("five days after 2024-04-12", {}, "2024-04-17"),
        ("a day later", {"anchor": "2018-08-15"}, "2018-08-16"),
        ("a day later", {"anchor": "2018-08-15?"}, "2018-08-16?"),
        ("two weeks later", {"anchor": "2024-04-01"}, "2024-04-15"),
        ("April 16", {"context_year": 2024}, "2024-04-16"),
        ("15 August", {"context_year": 2018}, "2018-08-15"),
        ("in September", {"context_year": 2023}, "2023-09"),
        ("about 1994", {}, "1994~"),
        ("around May 1994", {}, "1994-05~"),
        ("possibly 1994", {}, "1994?"),
        ("1997-07/1997-08", {}, "1997-07/1997-08"),
        ("1994/..", {}, "1994/.."),
        ("In same year", {"context_year": 1997}, "1997"),
        ("September of the same year", {"context_year": 1999}, "1999-09"),
        ("199x", {}, "199X"),
    ],
)
def test_parse_phrase(phrase, kwargs, edtf):
    assert parse_phrase(phrase, **kwargs) == edtf


def test_by_a_date_is_an_open_start():
    # module docstring: "by 22 April 2024" has an open start placed at its known end
    assert parse_phrase("by 22 April 2024") == "../2024-04-22"
    assert parse_phrase("until 1993") == "../1993"
    d = parse_edtf(parse_phrase("by 22 April 2024"))
    assert d.lower == d.upper == date(2024, 4, 22)


def test_from_to_is_a_closed_interval():
    assert parse_phrase("from 1994 to 1996") == "1994/1996"
    assert parse_phrase("between May 1994 and June 1995") == "1994-05/1995-06"
    assert parse_phrase("December 2001 – February 2002") == "2001-12/2002-02"


@pytest.mark.parametrize(
    ("phrase", "kwargs"),
    [
        ("April 16", {}),  # no year and no context year
        ("in September", {}),
        ("a day later", {}),  # no anchor
        ("in the same year", {}),  # no context year
        ("five days later", {}),
        ("February 30, 1994", {}),
        ("Smarch 1994", {}),
        ("", {}),
        ("   ", {}),
        ("the", {}),
        ("five days before 1994", {}),  # cannot count days from a year
        ("two years after the 1990s", {}),
        ("99999999999 days before 2024-04-22", {}),
        ("5 years after 9999", {}),
        ("2 days after 9999-12-31", {}),
        ("a day earlier", {"anchor": "0001-01-01"}),
        ("May 0000", {}),
        ("December–February 9999", {}),
        ("since until 1993", {}),
        ("1999 – 1997", {}),
        ("about " * 2000 + "1994", {}),
    ],
)
def test_parse_phrase_rejects(phrase, kwargs):
    with pytest.raises(DateError):
        parse_phrase(phrase, **kwargs)


def test_parse_user_date_accepts_edtf_and_phrases():
    assert parse_user_date("1997").edtf == "1997"
    assert parse_user_date("spring 1998").edtf == "1998-21"
    assert parse_user_date("May of 1997").lower == date(1997, 5, 1)
    with pytest.raises(DateError):
        parse_user_date("next Tuesday")


def test_window():
    assert window("1997", "1999") == (date(1997, 1, 1), date(1999, 12, 31))
    assert window(None, "1999-05") == (None, date(1999, 5, 31))
    assert window("spring 1998", None) == (date(1998, 3, 1), None)
    assert window(None, None) == (None, None)
    assert window("1997-05", "1997-05") == (date(1997, 5, 1), date(1997, 5, 31))
    with pytest.raises(DateError):
        window("1999", "1997")
    with pytest.raises(DateError):
        window("1997-13", None)


# --- shift ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("edtf", "amount", "unit", "expected"),
    [
        ("2024-04-22", -5, "day", "2024-04-17"),
        ("2024-02-28", 1, "day", "2024-02-29"),
        ("2024-04-22", 1, "week", "2024-04-29"),
        ("2024-01-31", 1, "month", "2024-02-29"),
        ("1997-11", 3, "month", "1998-02"),
        ("1996-02-29", 1, "year", "1997-02-28"),
        ("1998-21", 1, "year", "1999-21"),
        ("1994~", 2, "year", "1996~"),
        ("2018-08-15?", 1, "day", "2018-08-16?"),
    ],
)
def test_shift(edtf, amount, unit, expected):
    assert shift(edtf, amount, unit) == expected


@pytest.mark.parametrize(
    ("edtf", "amount", "unit"),
    [("1994", 1, "day"), ("1994-05", 1, "week"), ("1994", 1, "month"), ("1993/1994", 1, "year"),
     ("199X", 2, "year"), ("19XX", 1, "year"), ("9999-12-31", 1, "day"), ("0001-01-01", -1, "day"),
     ("0001-01", -1, "month"), ("1994", -1994, "year"), ("9999", 1, "year"),
     ("2024-04-22", 10**12, "day"), ("2024-04-22", 1, "fortnight")],
)
def test_shift_rejects(edtf, amount, unit):
    with pytest.raises(DateError):
        shift(edtf, amount, unit)


# --- properties -------------------------------------------------------------------------

QUAL = st.sampled_from(["", "", "~", "?", "%"])


@st.composite
def single_dates(draw, min_year=1, max_year=9999):
    year = draw(st.integers(min_year, max_year))
    form = draw(st.sampled_from(["day", "month", "season", "year", "decade", "century"]))
    if form == "day":
        d = draw(st.dates(date(year, 1, 1), date(year, 12, 31)))
        body = d.isoformat()
    elif form == "month":
        body = f"{year:04d}-{draw(st.integers(1, 12)):02d}"
    elif form == "season":
        body = f"{year:04d}-{draw(st.integers(21, 24))}"
    elif form == "year":
        body = f"{year:04d}"
    elif form == "decade":
        body = f"{year:04d}"[:3] + "X"
    else:
        body = f"{year:04d}"[:2] + "XX"
    return body + draw(QUAL)


@st.composite
def closed_intervals(draw):
    a = draw(single_dates(1, 9998))
    b = draw(single_dates(1, 9999))
    if parse_edtf(a).lower > parse_edtf(b).upper:
        a, b = b, a
    if parse_edtf(a).lower > parse_edtf(b).upper:  # e.g. a century after one of its days
        b = a
    return f"{a}/{b}"


@st.composite
def open_intervals(draw):
    d = draw(single_dates())
    return draw(st.sampled_from([f"{d}/..", f"../{d}"]))


any_edtf = st.one_of(single_dates(), closed_intervals(), open_intervals())


@FAST
@given(any_edtf)
def test_round_trip_and_bounds(edtf):
    d = parse_edtf(edtf)
    assert d.edtf == edtf
    assert parse_edtf(d.edtf) == d
    assert d.lower <= d.upper
    assert d.precision in ("day", "month", "season", "year", "decade", "century", "interval")


@FAST
@given(st.one_of(single_dates(), closed_intervals(), open_intervals()))
def test_describe_reads_back(edtf):
    words = describe(edtf)
    assert "/" not in words
    assert parse_phrase(words) == edtf


@FAST
@given(st.dates(date(1, 1, 1), date(9999, 12, 31)), st.integers(-20000, 20000),
       st.sampled_from(["", "~", "?"]))
def test_shift_days_there_and_back(day, n, qual):
    edtf = day.isoformat() + qual
    target = day.toordinal() + n
    if not 1 <= target <= date.max.toordinal():
        with pytest.raises(DateError):
            shift(edtf, n, "day")
        return
    moved = shift(edtf, n, "day")
    assert parse_edtf(moved).lower == date.fromordinal(target)
    assert moved.endswith(qual)
    assert shift(moved, -n, "day") == edtf


@FAST
@given(st.dates(date(1, 1, 1), date(9999, 12, 31)))
def test_contained_dates_lie_within_their_containers(day):
    y = f"{day.year:04d}"
    containers = [f"{y}-{day.month:02d}", y, y[:3] + "X", y[:2] + "XX"]
    season = {3: 21, 4: 21, 5: 21, 6: 22, 7: 22, 8: 22, 9: 23, 10: 23, 11: 23, 12: 24}.get(day.month)
    if season:
        containers.append(f"{y}-{season}")
    elif day.year > 1:  # January and February belong to the winter that began the year before
        containers.append(f"{day.year - 1:04d}-24")
    inner = parse_edtf(day.isoformat())
    for c in containers:
        outer = parse_edtf(c)
        assert outer.lower <= inner.lower <= inner.upper <= outer.upper, c
    month = parse_edtf(containers[0])
    assert parse_edtf(y).lower <= month.lower and month.upper <= parse_edtf(y).upper


DATE_WORDS = st.sampled_from([
    "about", "possibly", "since", "until", "by", "from", "to", "between", "and", "–", "-", "—",
    "day", "days", "week", "months", "years", "before", "after", "later", "earlier", "a", "five",
    "99999999999", "9999", "0000", "0001", "1994", "1994-05-04", "9999-12-31", "0001-01-01",
    "199X", "19XX", "spring", "winter", "December", "February", "May", "of", "the", "early",
    "mid", "late", "1990s", "half", "first", "second", "quarter", "century", "20th", ",", "?",
    "~", "%", "/", "..", "31", "in", "x", "١٩٩٤",
])
RELATIVE = st.tuples(
    st.sampled_from(["a", "five", "0", "1", "31", "400", "99999999999", str(10**30)]),
    st.sampled_from(["day", "days", "week", "month", "months", "year", "years"]),
    st.sampled_from(["before", "after", "later", "earlier"]),
    st.sampled_from(["", "1994", "1994-05", "1994-05-04", "9999-12-31", "0001-01-01", "the 1990s", "19XX",
                     "spring 1998", "about 1994", "1993/1994", "../1993", "since 1992"]),
).map(" ".join)
RANDOM_TEXT = st.one_of(st.text(max_size=40), st.lists(DATE_WORDS, max_size=8).map(" ".join),
                        st.lists(DATE_WORDS, max_size=6).map("".join), RELATIVE)


@settings(max_examples=400, deadline=None)
@given(RANDOM_TEXT, st.one_of(st.none(), st.integers(1, 9999)),
       st.sampled_from([None, "2024-04-22", "9999-12-31", "0001-01-01", "1994", "199X", "1993/1994"]))
def test_random_text_raises_only_date_error(text, context_year, anchor):
    for call in (lambda: parse_edtf(text), lambda: parse_user_date(text),
                 lambda: parse_phrase(text, context_year=context_year, anchor=anchor)):
        try:
            result = call()
        except DateError:
            continue
        # whatever is accepted is a valid EDTF value
        edtf = result if isinstance(result, str) else result.edtf
        assert is_valid_edtf(edtf)
        assert edtf.isascii()
