"""International-relations panel tables derived from the stored records, as CSV.

`membership_panel` is a state-year table in the manner of the Correlates of War IGO data
(version 3): one row per country, organisation and year, the status coded as COW codes it —
0 no membership, 1 full membership, 2 associate membership, 3 observer. A year takes the
status held on its last day (31 December); where a record's dates leave open whether it held
then (a start known only as "1993-09/1994-03"), the row says `uncertain`, and a status that
certainly held wins over one that only may have. Founding members, members and suspended
members (a suspension does not end membership) code 1; associate members 2; observers 3;
partners, participants, applicants and withdrawn states 0 (none of them is a member), with
the app's own status beside the code. A pair's years run from the year of its first record
to the last year its records speak for: the end of the last closed record, or, for a status
still open, the latest date of the sources that support it (lacking one, the year it began) —
no year past the evidence.

`agreement_steps` is a status list in the shape of the UN Treaty Collection's: one row per
participant and action (signature, ratification, approval, accession, succession, entry into
force, withdrawal, …) with its date, the date's precision, and the quotes and sources that
support it. A step that names no country is one of the agreement's parties together (a
bilateral signing): it gives a row for each party country, marked `parties`; a step of the
treaty as a whole (entry into force, implementation) gives one row with no participant.

Both take the one filter: the dimensions that apply to these records (organisations with
their bodies, countries, the date window, sources, evidence grades, disputed, origin); any
other dimension is refused by the caller (`applicable`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import date
from typing import TextIO

from sqlalchemy import text
from sqlalchemy.orm import Session

from ..corpus.dates import DateError, parse_edtf, window
from ..query.dimensions import ORG_TREE, ORIGINS, Params
from ..query.filters import EventFilter
from .export_cells import JOIN, LongCells, safe_cell, writer

# The filter's dimensions these tables can honour; `applicable` names the others.
APPLICABLE = ("date_from", "date_to", "organisations", "countries", "sources", "evidence", "disputed", "origins")

# Correlates of War state numbers (COW State System Membership list, states2016), by the ISO
# 3166 alpha-2 code the corpus names countries with. A country COW does not list (Palestine,
# the Holy See) has none; the Soviet Union shares Russia's 365, as in COW.
COW_CODES = {
    "US": 2, "CA": 20, "GB": 200, "IE": 205, "NL": 210, "BE": 211, "LU": 212, "FR": 220, "CH": 225,
    "ES": 230, "PT": 235, "DE": 255, "PL": 290, "AT": 305, "HU": 310, "CZ": 316, "SK": 317, "IT": 325,
    "AL": 339, "ME": 341, "MK": 343, "HR": 344, "RS": 345, "BA": 346, "XK": 347, "SI": 349, "GR": 350,
    "CY": 352, "BG": 355, "MD": 359, "RO": 360, "RU": 365, "SU": 365, "EE": 366, "LV": 367, "LT": 368,
    "UA": 369, "BY": 370, "AM": 371, "GE": 372, "AZ": 373, "FI": 375, "SE": 380, "NO": 385, "DK": 390,
    "IS": 395, "EG": 651, "IR": 630, "TR": 640, "IQ": 645, "SY": 652, "LB": 660, "JO": 663, "IL": 666,
    "SA": 670, "KW": 690, "QA": 694, "AE": 696, "OM": 698, "AF": 700, "TM": 701, "TJ": 702, "KG": 703,
    "UZ": 704, "KZ": 705, "CN": 710, "MN": 712, "KP": 731, "KR": 732, "JP": 740, "IN": 750, "PK": 770,
}

# COW IGO v3 status codes.
NONE, FULL, ASSOCIATE, OBSERVER = 0, 1, 2, 3
COW_STATUS = {
    "founding_member": FULL, "member": FULL, "suspended": FULL, "associate_member": ASSOCIATE,
    "observer": OBSERVER, "partner": NONE, "participant": NONE, "applicant": NONE, "withdrawn": NONE,
}
_STRENGTH = {FULL: 3, ASSOCIATE: 2, OBSERVER: 1, NONE: 0}

PANEL_COLUMNS = ("country_id", "country", "cow_code", "organisation_id", "organisation", "year", "status",
                 "status_label", "uncertain", "membership_id", "sources", "quotes")
STEP_COLUMNS = ("agreement_id", "agreement", "agreement_kind", "participant_id", "participant", "cow_code",
                "participant_from", "action", "date", "date_precision", "date_start", "date_end", "date_text",
                "step_id", "evidence", "disputed", "sources", "quotes")

# The UN Treaty Collection's words for the actions the app records (`STEP_KINDS`).
ACTIONS = {
    "proposed": "proposal", "signed": "signature", "approved": "approval", "ratified": "ratification",
    "ratification_rejected": "ratification rejected", "entered_into_force": "entry into force",
    "implementation_began": "implementation began", "withdrawn": "withdrawal", "succeeded": "succession",
}
# Actions of the treaty as a whole, not of one participant.
TREATY_WIDE = ("entered_into_force", "implementation_began", "proposed")


# The options of the dimensions these tables cannot honour, to name them when refusing.
_OPTIONS = {"kinds": "--kind", "people": "--person", "tags": "--tag", "text": "--search", "annotated": "--annotated"}


def applicable(f: EventFilter) -> list[str]:
    """The options of the filter's active dimensions these tables cannot honour (`--kind`), to
    be refused in words."""
    empty = EventFilter()
    return [_OPTIONS.get(fd.name, fd.name) for fd in fields(EventFilter)
            if fd.name not in APPLICABLE and getattr(f, fd.name) != getattr(empty, fd.name)]


@dataclass(frozen=True)
class _Cited:
    sources: str
    quotes: str
    latest: date | None  # the latest date any supporting source speaks for (its data date or publication)


def _citations(session: Session, table: str, key: str) -> dict[str, _Cited]:
    rows = session.execute(text(f"""SELECT x.{key}, s.id, s.title, p.exact, s.published, s.data_as_of
        FROM {table} x JOIN passages p ON p.id = x.passage_id JOIN sources s ON s.id = p.source_id
        WHERE x.stance = 'supports' ORDER BY x.{key}, s.title, p.start""")).all()
    grouped: dict[str, list] = {}
    for row in rows:
        grouped.setdefault(row[0], []).append(row[1:])
    out = {}
    for record, cites in grouped.items():
        titles = list(dict.fromkeys(t for _, t, *_ in cites))
        latest = None
        for *_, published, as_of in cites:
            for value in (as_of, published):
                try:
                    upper = parse_edtf(value).upper if value else None
                except DateError:
                    upper = None
                if upper and (latest is None or upper > latest):
                    latest = upper
        out[record] = _Cited(JOIN.join(titles), JOIN.join(" ".join(q.split()) for _, _, q, *_ in cites), latest)
    return out


def _sources_of(session: Session, table: str, key: str, sources: tuple[str, ...]) -> set[str]:
    p = Params()
    return set(session.scalars(text(f"""SELECT x.{key} FROM {table} x JOIN passages ps ON ps.id = x.passage_id
        WHERE ps.source_id IN ({p.many(sources)})"""), p.values))


def _organisations(session: Session, ids: tuple[str, ...]) -> set[str]:
    p = Params()
    return set(session.scalars(text(ORG_TREE.format(ids=p.many(ids))), p.values))


def _bounds(value: str | None) -> tuple[date, date] | None:
    try:
        d = parse_edtf(value) if value else None
    except DateError:
        return None
    return (d.lower, d.upper) if d else None


@dataclass(frozen=True)
class _Spell:
    id: str
    status: str
    code: int
    surely_from: date  # it had certainly begun by this day
    maybe_from: date  # it may have begun on this day
    surely_to: date  # it certainly still held on this day
    maybe_to: date  # it may have held until this day
    disputed: bool
    evidence: str
    is_seed: bool


def _spells(session: Session, cited: dict[str, _Cited]) -> dict[tuple[str, str], list[_Spell]]:
    """Each pair's records as spells. A start the record leaves open (unknown) is taken as the
    latest date its sources speak for: the record says the status held by then, not since when."""
    rows = session.execute(text("""SELECT id, country_id, organisation_id, status, start, "end", date_start,
        date_end, disputed, evidence, is_seed FROM memberships ORDER BY date_start, id""")).all()
    pairs: dict[tuple[str, str], list[_Spell]] = {}
    for mid, country, org, status, start, end, _date_start, date_end, disputed, evidence, is_seed in rows:
        start_b = _bounds(start)
        if start_b is None:
            said = cited[mid].latest if mid in cited else None
            if said is None:
                continue  # no date at all to place it in a year
            start_b = (said, said)
        end_b = _bounds(end)
        surely_to, maybe_to = (end_b[0], end_b[1]) if end_b else (date.max, date.max)
        if not end_b and date_end < "9999":
            surely_to = maybe_to = date.fromisoformat(date_end)
        pairs.setdefault((country, org), []).append(_Spell(
            mid, status, COW_STATUS.get(status, NONE), start_b[1], start_b[0], surely_to, maybe_to,
            bool(disputed), evidence, bool(is_seed)))
    return pairs


def _wanted(spell: _Spell, f: EventFilter, cited_by: set[str] | None) -> bool:
    if f.evidence and spell.evidence not in f.evidence:
        return False
    if f.disputed is not None and spell.disputed != f.disputed:
        return False
    if f.origins and spell.is_seed not in {bool(ORIGINS[o]) for o in f.origins if o in ORIGINS}:
        return False
    return cited_by is None or spell.id in cited_by


def membership_panel(session: Session, f: EventFilter) -> list[list[object]]:
    """The state-year rows of the memberships the filter keeps, by country, organisation, year."""
    lower, upper = window(f.date_from, f.date_to)
    orgs = _organisations(session, f.organisations) if f.organisations else None
    cited_by = _sources_of(session, "membership_citations", "membership_id", f.sources) if f.sources else None
    cited = _citations(session, "membership_citations", "membership_id")
    countries: dict[str, str] = dict(session.execute(text("SELECT id, name FROM countries")).all())
    org_names = {i: a or n for i, n, a in session.execute(text("SELECT id, name, abbreviation FROM organisations"))}
    today = date.today()
    rows: list[list[object]] = []
    for (country, org), all_spells in sorted(_spells(session, cited).items(),
                                             key=lambda kv: (countries.get(kv[0][0], ""), org_names.get(kv[0][1], ""))):
        if (f.countries and country not in f.countries) or (orgs is not None and org not in orgs):
            continue
        spells = [s for s in all_spells if _wanted(s, f, cited_by)]
        if not spells:
            continue
        first = min(s.maybe_from for s in spells).year
        last = first
        for s in spells:
            if s.maybe_to != date.max:
                last = max(last, s.surely_to.year)
            else:
                said = cited[s.id].latest if s.id in cited else None
                last = max(last, min(said or s.surely_from, today).year)
        for year in range(first, last + 1):
            if (lower and year < lower.year) or (upper and year > upper.year):
                continue
            day = date(year, 12, 31)
            sure = [s for s in spells if s.surely_from <= day <= s.surely_to]
            maybe = [s for s in spells if s.maybe_from <= day <= s.maybe_to]
            best = max(sure or maybe, key=lambda s: _STRENGTH[s.code], default=None)
            # uncertain: the status rests on a record that may not have held on the day, or
            # another record may have held then with a different status
            uncertain = best is not None and (not sure or any(s.code != best.code for s in maybe if s not in sure))
            c = cited.get(best.id) if best else None
            rows.append([country, countries.get(country, country), COW_CODES.get(country), org,
                         org_names.get(org, org), year, best.code if best else NONE,
                         best.status if best else "none", uncertain, best.id if best else None,
                         c.sources if c else None, c.quotes if c else None])
    return rows


def _parties(session: Session) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for agreement, country in session.execute(text(
            "SELECT x.agreement_id, x.country_id FROM agreement_countries x JOIN countries c ON c.id = x.country_id "
            "ORDER BY c.name")):
        out.setdefault(agreement, []).append(country)
    return out


def agreement_steps(session: Session, f: EventFilter) -> list[list[object]]:
    """The status-list rows of the filter's agreement steps, by agreement, date and participant."""
    lower, upper = window(f.date_from, f.date_to)
    orgs = _organisations(session, f.organisations) if f.organisations else None
    agreements_of_orgs = None
    if orgs is not None:
        p = Params()
        agreements_of_orgs = set(session.scalars(text(
            f"SELECT agreement_id FROM agreement_organisations WHERE organisation_id IN ({p.many(tuple(orgs))})"),
            p.values))
    cited_by = _sources_of(session, "step_citations", "step_id", f.sources) if f.sources else None
    cited = _citations(session, "step_citations", "step_id")
    countries: dict[str, str] = dict(session.execute(text("SELECT id, name FROM countries")).all())
    parties = _parties(session)
    seeds = {bool(ORIGINS[o]) for o in f.origins if o in ORIGINS}
    rows: list[list[object]] = []
    for (sid, aid, title, kind, step, country, date_, precision, start, end, date_text, evidence, disputed,
         is_seed) in session.execute(text("""SELECT st.id, a.id, a.title, a.kind, st.step, st.country_id, st.date,
            st.precision, st.date_start, st.date_end, st.date_text, st.evidence, st.disputed, st.is_seed
            FROM agreement_steps st JOIN agreements a ON a.id = st.agreement_id
            ORDER BY a.title, a.id, st.date_start, st.id""")):
        if agreements_of_orgs is not None and aid not in agreements_of_orgs:
            continue
        if (cited_by is not None and sid not in cited_by) or (f.evidence and evidence not in f.evidence):
            continue
        if (f.disputed is not None and bool(disputed) != f.disputed) or (f.origins and bool(is_seed) not in seeds):
            continue
        if (lower and date.fromisoformat(end) < lower) or (upper and date.fromisoformat(start) > upper):
            continue
        if country:
            who = [(country, "step")]
        elif step in TREATY_WIDE or not parties.get(aid):
            who = [(None, "treaty")]
        else:
            who = [(c, "parties") for c in parties[aid]]
        c = cited.get(sid)
        for participant, origin in who:
            if f.countries and participant not in f.countries:
                continue
            rows.append([aid, title, kind, participant, countries.get(participant) if participant else None,
                         COW_CODES.get(participant) if participant else None, origin, ACTIONS.get(step, step),
                         date_, precision, start, end, " ".join((date_text or "").split()) or None, sid, evidence,
                         bool(disputed), c.sources if c else None, c.quotes if c else None])
    return rows


def _write(out: TextIO, columns, rows, excel: bool, warn: Callable[[str], None] | None) -> int:
    guard = LongCells(out, excel)
    if excel:
        guard.write("\ufeff")
    w = writer(guard)
    w.writerow(columns)
    for row in rows:
        w.writerow([safe_cell(v) for v in row])
    message = guard.warning()
    if message and warn:
        warn(message)
    return len(rows)


def export_membership_panel(session: Session, f: EventFilter, out: TextIO, *, excel: bool = False,
                            warn: Callable[[str], None] | None = None) -> int:
    return _write(out, PANEL_COLUMNS, membership_panel(session, f), excel, warn)


def export_agreement_steps(session: Session, f: EventFilter, out: TextIO, *, excel: bool = False,
                           warn: Callable[[str], None] | None = None) -> int:
    return _write(out, STEP_COLUMNS, agreement_steps(session, f), excel, warn)


__all__ = ["ACTIONS", "COW_CODES", "COW_STATUS", "PANEL_COLUMNS", "STEP_COLUMNS", "agreement_steps", "applicable",
           "export_agreement_steps", "export_membership_panel", "membership_panel"]
