"""The date-phrase parser's table of rules (core/corpus/dates.py `_RULES`): every rule reads at
least one example, each example is read by the rule meant for it, and a rule whose handler
declines leaves the phrase to the rules after it."""

import pytest

from azrel_desktop.core.corpus import dates
from azrel_desktop.core.corpus.dates import DateError, parse_phrase

# (phrase, context, the rule that reads it, EDTF)
EXAMPLES = [
    ("2002–2003", {}, "year range", "2002/2003"),
    ("July–August 1997", {}, "month range", "1997-07/1997-08"),
    ("November to February 1997", {}, "month range", "1997-11/1998-02"),
    ("between May 1994 and June 1995", {}, "from or between", "1994-05/1995-06"),
    ("from 1994 to 1996", {}, "from or between", "1994/1996"),
    ("December 2001 – February 2002", {}, "interval", "2001-12/2002-02"),
    ("about, possibly 1994", {}, "about, possibly", "1994%"),
    ("around May 1994", {}, "about", "1994-05~"),
    ("possibly 1994", {}, "possibly", "1994?"),
    ("since 1992", {}, "since", "1992/.."),
    ("from 1994", {}, "since", "1994/.."),  # "from or between" finds no second date and declines
    ("by 22 April 2024", {}, "until", "../2024-04-22"),
    ("five days before 2024-04-22", {}, "counted", "2024-04-17"),
    ("two weeks later", {"anchor": "2024-04-01"}, "counted", "2024-04-15"),
    ("after two days", {"anchor": "2024-04-01"}, None, None),  # "since" declines a count; nothing reads it
    ("September of the same year", {"context_year": 1999}, "same year", "1999-09"),
    ("a day later", {"anchor": "2018-08-15"}, "counted", "2018-08-16"),
    ("next day later", {"anchor": "2018-08-15"}, None, None),  # "counted" takes it, and "next" is no number
    ("the early 1990s", {}, "part of a decade", "1990/1993"),
    ("the 1990s", {}, "decade", "199X"),
    ("early 1994", {}, "part of a year", "1994-01/1994-04"),
    ("the second half of 1993", {}, "half", "1993-07/1993-12"),
    ("third quarter of 1995", {}, "quarter", "1995-07/1995-09"),
    ("the 20th century", {}, "century", "19XX"),
    ("101st century", {}, None, None),  # "century" declines a number past the calendar
    ("spring of 1998", {}, "season", "1998-21"),
    ("October 12, 1992", {}, "month day", "1992-10-12"),
    ("April 16", {"context_year": 2024}, "month day", "2024-04-16"),
    ("12 October 1992", {}, "day month", "1992-10-12"),
    ("May of 1997", {}, "month", "1997-05"),
    ("the year 1995", {}, "year", "1995"),
    ("In 1995", {}, "edtf", "1995"),  # the cleaned phrase is EDTF already
]


@pytest.mark.parametrize(("phrase", "context", "rule", "edtf"), EXAMPLES)
def test_each_example_is_read_by_its_rule(phrase, context, rule, edtf):
    if rule is None:  # no rule reads it
        with pytest.raises(DateError):
            dates._read(phrase, context.get("context_year"), context.get("anchor"), nested=False)
        return
    assert dates._read(phrase, context.get("context_year"), context.get("anchor"), nested=False) == (rule, edtf)
    assert parse_phrase(phrase, **context) == edtf


def test_every_rule_is_reached_by_an_example():
    names = [r.name for r in dates._RULES]
    assert len(names) == len(set(names)), "rule names are unique"
    reached = {rule for _p, _c, rule, _e in EXAMPLES}
    assert set(names) <= reached, f"no example reaches {sorted(set(names) - reached)}"


def test_rules_for_whole_phrases_are_not_tried_on_one_side_of_an_interval():
    whole = {r.name for r in dates._RULES if r.whole_phrase_only}
    assert whole == {"from or between", "interval"}
    phrase = "December 2001 to February 2002"
    assert dates._read(phrase, None, None, nested=False) == ("interval", "2001-12/2002-02")
    with pytest.raises(DateError, match="cannot read"):
        dates._read(phrase, None, None, nested=True)


def test_a_handler_error_stops_the_table():
    # the first rule that matches and raises decides: a later rule is not tried
    with pytest.raises(DateError, match="no such day"):
        parse_phrase("February 30, 1994")
    with pytest.raises(DateError, match="needs the date it is relative to"):
        parse_phrase("a day later")
