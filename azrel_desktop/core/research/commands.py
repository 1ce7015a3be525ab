"""`azrel add`, `azrel edit` and `azrel delete`: recording what the sources say from the
command line, for scripted coding.

Every citation is given as SOURCE:"exact quote" (SOURCE: the source's id or title) and is
verified against the stored text of the source: a quote that is not there is refused, and a
quote that occurs more than once needs `--occurrence N` / `--before WORDS`, or `SOURCE#N:` on
one of several citations. Mistakes print one line and exit with status 2 (core/cli.py).
"""

from __future__ import annotations

import json
from dataclasses import fields, replace
from typing import Any

from ..query.lookup import resolve
from .drafts import (
    ActorDraft,
    AgreementDraft,
    Cite,
    EventDraft,
    MembershipDraft,
    RecordError,
    RecordView,
    StepDraft,
    a,
)
from .quotes import parse_cite

RECORD_HELP = "the record's id (as `azrel export` and the app show it), optionally as KIND:ID"


def add_parsers(sub) -> None:
    add = sub.add_parser("add", help="record an event, agreement step or membership from passages, or cite one")
    what = add.add_subparsers(dest="add_what", required=True, parser_class=type(add))

    ev = what.add_parser("event", help="a new event of your own, citing the passages that report it")
    ev.add_argument("--title", required=True)
    ev.add_argument("--date", help="EDTF (1994-05-04, 1997-11, 1998-21) or words (spring 1998); "
                    "default: proposed from the first quote and the source's publication date")
    ev.add_argument("--kind", required=True, help="event kind, e.g. meeting, visit, signing")
    ev.add_argument("--summary", default="")
    ev.add_argument("--location")
    ev.add_argument("--date-text", help="the source's own words for the date")
    ev.add_argument("--date-note", help="how the date was worked out")
    _links(ev)
    _cites(ev, required=True)

    step = what.add_parser("step", help="a new step (signed, ratified, …) of an agreement, citing passages")
    step.add_argument("--agreement", required=True, help="the agreement's id or title")
    step.add_argument("--step", required=True, help="signed, ratified, entered_into_force, withdrawn, …")
    step.add_argument("--date", required=True)
    step.add_argument("--country", help="the country that took the step")
    _cites(step, required=True)

    ms = what.add_parser("membership", help="a country's status in an organisation, citing passages")
    ms.add_argument("--country", required=True)
    ms.add_argument("--org", required=True)
    ms.add_argument("--status", required=True, help="member, observer, partner, suspended, withdrawn, …")
    ms.add_argument("--start", help="when the status began (EDTF or words)")
    ms.add_argument("--end", help="when it ended (default: still so)")
    ms.add_argument("--note")
    _cites(ms, required=True)

    cit = what.add_parser("citation", help="cite a passage for (or against) any record, the corpus's or yours")
    cit.add_argument("record", help=RECORD_HELP)
    cit.add_argument("cite", metavar='SOURCE:"exact quote"')
    cit.add_argument("--contradicts", action="store_true",
                     help="the passage contradicts the record (it is then marked disputed)")
    _which(cit)
    cit.add_argument("--json", action="store_true", help="print JSON")

    edit = sub.add_parser("edit", help="change one of your own records (corpus records are read-only)")
    edit.add_argument("record", help=RECORD_HELP)
    for name in ("title", "date", "kind", "summary", "location", "date-text", "date-note", "status", "start",
                 "end", "note", "step", "name", "abbreviation", "parent", "office"):
        edit.add_argument(f"--{name}")
    _links(edit, default=None)
    edit.add_argument("--json", action="store_true", help="print JSON")

    delete = sub.add_parser("delete", help="delete one of your own records")
    delete.add_argument("record", help=RECORD_HELP)
    delete.add_argument("--json", action="store_true", help="print JSON")


def _links(p, default=()) -> None:
    kw: dict[str, Any] = {"action": "append", "default": None if default is None else [], "metavar": "NAME"}
    p.add_argument("--org", dest="orgs", help="organisation (repeat for more)", **kw)
    p.add_argument("--country", dest="countries", help="country (repeat for more)", **kw)
    p.add_argument("--person", dest="people", help="person (repeat for more)", **kw)
    p.add_argument("--agreement", dest="agreements", help="agreement (repeat for more)", **kw)


def _which(p) -> None:
    p.add_argument("--occurrence", type=int, metavar="N",
                   help="the Nth occurrence of a quote that occurs more than once")
    p.add_argument("--before", metavar="WORDS", help="the occurrence of the quote that follows these words")


def _cites(p, *, required: bool) -> None:
    p.add_argument("--cite", action="append", default=[], required=required, metavar='SOURCE:"exact quote"',
                   help="a passage that supports the record (repeat for more; SOURCE#N: picks the Nth "
                        "occurrence)")
    p.add_argument("--contradicted-by", action="append", default=[], metavar='SOURCE:"exact quote"',
                   help="a passage that contradicts it (the record is then disputed)")
    _which(p)
    p.add_argument("--json", action="store_true", help="print JSON")


# --- resolving what was typed -----------------------------------------------------------

def _cite(library, session, typed: str, stance: str, args, *, alone: bool) -> Cite:
    source, quote = parse_cite(typed)
    occurrence = None
    if "#" in source and source.rsplit("#", 1)[1].isdigit():
        source, n = source.rsplit("#", 1)
        occurrence = int(n)
    source_id = resolve(session, "source", source)
    if alone:
        occurrence = occurrence or args.occurrence
    before = args.before if alone else None
    start, end = library.locate_quote(source_id, quote, occurrence=occurrence, before=before)
    return Cite(source_id, start, end, stance)


def _all_cites(library, session, args) -> list[Cite]:
    typed = [(c, "supports") for c in args.cite] + [(c, "contradicts") for c in args.contradicted_by]
    if (args.occurrence or args.before) and len(typed) > 1:
        raise RecordError("--occurrence and --before choose among one citation's occurrences; "
                          "with several, write SOURCE#N:\"quote\"")
    return [_cite(library, session, c, stance, args, alone=len(typed) == 1) for c, stance in typed]


_KINDS = ("event", "step", "membership", "agreement", "organisation", "country", "person")
_TABLES = {"event": "events", "step": "agreement_steps", "membership": "memberships", "agreement": "agreements",
           "organisation": "organisations", "country": "countries", "person": "people"}


def resolve_record(session, typed: str) -> tuple[str, str]:
    from sqlalchemy import text

    kind, sep, rid = typed.partition(":")
    if sep and kind in _KINDS:
        candidates = [kind]
    else:
        candidates, rid = list(_KINDS), typed
    found = [k for k in candidates
             if session.execute(text(f"SELECT 1 FROM {_TABLES[k]} WHERE id = :id"), {"id": rid}).first()]
    if not found:
        raise RecordError(f"there is no record {typed!r} (give its id, e.g. from `azrel export events`)")
    if len(found) > 1:
        raise RecordError(f"{typed!r} names a {' and a '.join(found)}; write KIND:{rid}")
    return found[0], rid


def _ids(session, kind: str, typed) -> tuple[str, ...]:
    return tuple(resolve(session, kind, x) for x in typed or ())


def _agreement_id(session, typed: str) -> str:
    from sqlalchemy import text

    rows = session.execute(text("SELECT id FROM agreements WHERE id = :t OR lower(title) = lower(:t)"),
                           {"t": typed.strip()}).scalars().all()
    if len(rows) == 1:
        return rows[0]
    rows = session.execute(text("SELECT id, title FROM agreements WHERE lower(title) LIKE '%' || lower(:t) || '%'"),
                           {"t": typed.strip()}).all()
    if len(rows) == 1:
        return rows[0][0]
    listed = "; ".join(f"{t} [{i}]" for i, t in rows[:8])
    raise RecordError(f"agreement {typed!r} is {'ambiguous: ' + listed if rows else 'unknown'}")


# --- the commands -------------------------------------------------------------------------

def _report(library, view: RecordView, args, verb: str, extra: dict | None = None) -> None:
    cited = library.citations(view.kind, view.id) if view.kind in ("event", "step", "membership",
                                                                    "organisation") else []
    if getattr(args, "json", False):
        out = {"action": verb, "kind": view.kind, "id": view.id, "label": view.label, "mine": view.mine,
               "citations": [{"source": c.source_id, "start": c.start, "end": c.end, "quote": c.exact,
                              "stance": c.stance, "passage": c.passage_id} for c in cited]}
        out.update(extra or {})
        print(json.dumps(out, ensure_ascii=False, indent=2, default=str))
        return
    count = f" ({len(cited)} citation{'s' if len(cited) != 1 else ''})" if cited else ""
    print(f"{verb} {view.kind} {view.id}: {view.label}{count}")
    for key, value in (extra or {}).items():
        if value:
            print(f"  {key.replace('_', ' ')}: {value}")


def run(library, args) -> int:
    db = library.db
    draft: EventDraft | StepDraft | MembershipDraft
    with db.read() as s:
        if args.command == "add" and args.add_what == "citation":
            kind, rid = resolve_record(s, args.record)
            cite = _cite(library, s, args.cite, "contradicts" if args.contradicts else "supports", args, alone=True)
        elif args.command == "add":
            cites = _all_cites(library, s, args)
            if args.add_what == "event":
                draft, extra = _event_draft(library, s, args, cites)
            elif args.add_what == "step":
                draft, extra = StepDraft(_agreement_id(s, args.agreement), args.step, args.date,
                                         resolve(s, "country", args.country) if args.country else None), {}
            else:
                draft, extra = MembershipDraft(resolve(s, "country", args.country),
                                               resolve(s, "organisation", args.org), args.status,
                                               args.start, args.end, note=args.note), {}
        else:
            kind, rid = resolve_record(s, args.record)
    if args.command == "add" and args.add_what == "citation":
        cited, _ = library.add_citation(kind, rid, cite)
        view = library.record_view(kind, rid)
        _report(library, view, args, "cited", {"stance": cited.stance, "passage": cited.passage_id,
                                               "disputed": cited.stance == "contradicts" or None})
        return 0
    if args.command == "add":
        make = {"event": library.create_event, "step": library.create_step,
                "membership": library.create_membership}[args.add_what]
        view, _ = make(draft, cites)
        _report(library, view, args, "added", extra)
        return 0
    if args.command == "delete":
        library.delete_record(kind, rid)
        if args.json:
            print(json.dumps({"action": "deleted", "kind": kind, "id": rid}, ensure_ascii=False))
        else:
            print(f"deleted {kind} {rid}")
        return 0
    with db.read() as s:
        draft = _edited(s, kind, library.record_draft(kind, rid), args)
    _before, view, _ = library.update_record(kind, rid, draft)
    _report(library, view, args, "changed")
    return 0


def _event_draft(library, s, args, cites: list[Cite]) -> tuple[EventDraft, dict]:
    date, date_text, date_note, extra = args.date, args.date_text, args.date_note, {}
    if not date:
        first = next((c for c in cites if c.stance == "supports"), None)
        proposals = library.propose_dates(first.source_id, first.start, first.end) if first else []
        if not proposals:
            raise RecordError("no date in the first quote that the app can read; give --date")
        chosen = proposals[0]
        date, date_text = chosen.edtf, date_text or chosen.text
        date_note = date_note or chosen.note
        extra = {"date": chosen.edtf, "date_from_words": chosen.text, "date_note": chosen.note}
    draft = EventDraft(args.title, date, resolve(s, "kind", args.kind), args.summary, args.location, date_text,
                       date_note, _ids(s, "organisation", args.orgs), _ids(s, "country", args.countries),
                       _ids(s, "person", args.people),
                       tuple(_agreement_id(s, x) for x in args.agreements or ()))
    return draft, extra


_EDITABLE = {  # option -> draft field, per draft type
    EventDraft: {"title": "title", "date": "date", "kind": "kind", "summary": "summary", "location": "location",
                 "date_text": "date_text", "date_note": "date_note"},
    StepDraft: {"step": "step", "date": "date", "date_text": "date_text", "date_note": "date_note"},
    MembershipDraft: {"status": "status", "start": "start", "end": "end", "note": "note"},
    AgreementDraft: {"title": "title", "kind": "kind", "summary": "summary"},
    ActorDraft: {"name": "name", "abbreviation": "abbreviation", "office": "office"},
}


_EDIT_OPTIONS = ("title", "date", "kind", "summary", "location", "date_text", "date_note", "status", "start",
                 "end", "note", "step", "name", "abbreviation", "parent", "office")


def _edited(s, kind: str, draft, args):
    editable = _EDITABLE[type(draft)]
    given = [o for o in _EDIT_OPTIONS if getattr(args, o, None) is not None]
    stray = [o for o in given if o not in editable and not (o == "parent" and kind == "organisation")]
    if stray:
        raise RecordError(f"{a(kind)} has no {', '.join('--' + o.replace('_', '-') for o in stray)} to change")
    changes: dict = {}
    for option, field in _EDITABLE[type(draft)].items():
        value = getattr(args, option, None)
        if value is not None:
            changes[field] = resolve(s, "kind", value) if (option == "kind" and kind == "event") else value
    names = {f.name for f in fields(draft)}
    if args.date is not None and "date_text" in names and args.date_text is None:
        changes["date_text"] = None  # new words come with a new date
    links = {"orgs": ("organisation", "organisations"), "countries": ("country", "countries"),
             "people": ("person", "people")}
    for option, (what, field) in links.items():
        typed = getattr(args, option)
        if typed is not None:
            if isinstance(draft, MembershipDraft) and field in ("organisations", "countries"):
                changes[field[:-1] + "_id" if field == "organisations" else "country_id"] = resolve(s, what, typed[-1])
                continue
            if isinstance(draft, StepDraft) and field == "countries":
                changes["country_id"] = resolve(s, what, typed[-1])
                continue
            if field in names:
                changes[field] = _ids(s, what, typed)
    if args.agreements is not None and "agreements" in names:
        changes["agreements"] = tuple(_agreement_id(s, x) for x in args.agreements)
    if args.parent is not None and isinstance(draft, ActorDraft):
        changes["parent_id"] = resolve(s, "organisation", args.parent) if args.parent else None
    unknown = {k for k in changes if k not in names}
    if unknown:
        raise RecordError(f"{a(kind)} has no {', '.join(sorted(unknown))} to change")
    if not changes:
        raise RecordError(f"nothing to change: give the {kind}'s new values, e.g. "
                          f"{', '.join('--' + o.replace('_', '-') for o in _EDITABLE[type(draft)])}")
    return replace(draft, **changes)
