"""Quotes read as prose wherever they are shown or exported: the source's hard line breaks
become spaces, while the stored text and its offsets stay verbatim."""

from __future__ import annotations

import csv
import io
import sqlite3

import pytest

from azrel_desktop.core.query.filters import EventFilter
from azrel_desktop.core.research.quotes import as_prose

WRAPPED_EVENT = "ev-1993-az-coup-aliyev-returns"  # cites a hard-wrapped passage of the 1994 country study


@pytest.mark.parametrize("raw, prose", [
    ("October 12,\n1992", "October 12, 1992"),
    ("October 12,\r\n1992", "October 12, 1992"),
    ("end of one.\n\nNext paragraph", "end of one. Next paragraph"),
    ("trailing space  \n  leading", "trailing space leading"),
    ("Euro-\nAtlantic", "Euro-Atlantic"),  # the hyphen is the source's own; only the break goes
    ("1992 -\n1993", "1992 - 1993"),  # a dash between spaces is not a hyphenated word
    ("line\u2028separator", "line separator"),
    ("no break at all", "no break at all"),
    ("two  spaces stay", "two  spaces stay"),  # only line breaks are touched
    ("", ""),
])
def test_as_prose(raw, prose):
    assert as_prose(raw) == prose


def test_exported_quote_cells_have_no_line_breaks_but_the_stored_text_does(library, db_path):
    con = sqlite3.connect(db_path)
    stored = [q for (q,) in con.execute("SELECT p.exact FROM event_citations c JOIN passages p ON p.id = c.passage_id "
                                        "WHERE c.event_id = ? AND c.stance = 'supports'", (WRAPPED_EVENT,))]
    con.close()
    assert any("\n" in q for q in stored)
    out = io.StringIO(newline="")
    library.export_events(EventFilter(), out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue().lstrip("\ufeff"), newline="")))
    row = next(r for r in rows if r["id"] == WRAPPED_EVENT)
    assert "\n" not in row["quotes"] and "\r" not in row["quotes"]
    assert row["quotes"] == "; ".join(as_prose(q) for q in stored)
    # the passage keeps its verbatim text and offsets
    passage = next(p for p in library.source("src-000").passages if "\n" in p.quote)
    assert library.source("src-000").text[passage.start:passage.end] == passage.quote


def test_exported_notes_quote_as_prose(library):
    passage = next(p for p in library.source("src-000").passages if "\n" in p.quote)
    library.add_annotation("passage", passage.id, "a note on a wrapped passage")
    out = io.StringIO(newline="")
    library.export_annotations(out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue().lstrip("\ufeff"), newline="")))
    row = next(r for r in rows if r["target_id"] == passage.id)
    assert row["quote"] == as_prose(passage.quote) and "\n" not in row["quote"]
