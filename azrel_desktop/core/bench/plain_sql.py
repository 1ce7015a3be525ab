"""A filter change's work done the plain-SQL way — the count and every facet by `GROUP BY` on
the filtered set, each dimension under the filter's other dimensions — as the benchmark's second
baseline for `filter+facets`.

Replaying the app's own SQL measures what the app adds to the statements it sends; once the
facet engine answers most of a filter change from its arrays, it sends little SQL and that
ratio stops saying anything. This baseline is the same result computed by SQLite alone (the
test suite checks that it gives the app's counts), so app ÷ plain SQL says what the engine buys.
"""

from __future__ import annotations

from ..query.filters import ANNOTATED_EVENTS, EventFilter, compile_filter

_TREE = """WITH RECURSIVE tree(ancestor, id) AS (SELECT id, id FROM organisations
    UNION ALL SELECT t.ancestor, o.id FROM organisations o JOIN tree t ON o.parent_id = t.id)"""
_TAGGED = """(SELECT a.target_id AS event_id, t.tag AS tag FROM annotations a
      JOIN annotation_tags t ON t.annotation_id = a.id WHERE a.target_kind = 'event'
    UNION SELECT ci.event_id, t.tag FROM event_citations ci
      JOIN annotations a ON a.target_kind = 'passage' AND a.target_id = ci.passage_id
      JOIN annotation_tags t ON t.annotation_id = a.id)"""

# Each facet: the dimension its own condition is left out of (None: the whole filter), and its
# GROUP BY over `events e` restricted by {where}.
FACETS: dict[str, tuple[str | None, str]] = {
    "organisations": ("organisations", f"""{_TREE} SELECT t.ancestor, count(DISTINCT e.rowid) FROM tree t
        JOIN event_organisations x ON x.organisation_id = t.id JOIN events e ON e.id = x.event_id
        WHERE {{where}} GROUP BY t.ancestor"""),
    "countries": ("countries", """SELECT x.country_id, count(*) FROM event_countries x
        JOIN events e ON e.id = x.event_id WHERE {where} GROUP BY x.country_id"""),
    "people": ("people", """SELECT x.person_id, count(*) FROM event_people x
        JOIN events e ON e.id = x.event_id WHERE {where} GROUP BY x.person_id"""),
    "kinds": ("kinds", "SELECT e.kind, count(*) FROM events e WHERE {where} GROUP BY e.kind"),
    "sources": ("sources", """SELECT x.source_id, count(DISTINCT e.rowid) FROM event_citations x
        JOIN events e ON e.id = x.event_id WHERE {where} GROUP BY x.source_id"""),
    "tags": ("tags", f"""SELECT t.tag, count(DISTINCT e.rowid) FROM {_TAGGED} t
        JOIN events e ON e.id = t.event_id WHERE {{where}} GROUP BY t.tag"""),
    "origins": ("origins", """SELECT CASE WHEN e.is_seed THEN 'corpus' ELSE 'mine' END, count(*) FROM events e
        WHERE {where} GROUP BY 1"""),
    "years": (None, "SELECT substr(e.date_start, 1, 4), count(*) FROM events e WHERE {where} GROUP BY 1"),
    "disputed": ("disputed", "SELECT 'disputed', count(*) FROM events e WHERE {where} AND e.disputed = 1"),
    "undisputed": ("disputed", "SELECT 'undisputed', count(*) FROM events e WHERE {where} AND e.disputed = 0"),
    "evidence": ("evidence", "SELECT e.evidence, count(*) FROM events e WHERE {where} GROUP BY e.evidence"),
    "annotated": ("annotated", "SELECT 'annotated', count(*) FROM events e WHERE {where} AND e.id IN ("
                  + ANNOTATED_EVENTS.format(tag_join="", tag_cond="") + ")"),
}


def statements(f: EventFilter) -> list[tuple[str, str, dict]]:
    """(facet, SQL, parameters) for the filter's count ("total") and each facet."""
    whole = compile_filter(f)
    out = [("total", f"SELECT 'total', count(*) FROM events e WHERE {whole.where}", whole.params)]
    for name, (exclude, sql) in FACETS.items():
        c = compile_filter(f, exclude=exclude) if exclude else whole
        out.append((name, sql.format(where=c.where), c.params))
    return out

