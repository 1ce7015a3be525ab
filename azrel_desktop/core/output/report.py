"""The chronology report: the events of a filter, in the timeline's order, each claim footnoted.

`build_report` reads exactly the filter's events in the order the timeline shows them (the same
`timeline.event_rows` query, paged by key) into a `Report` of plain values: each event's date as
the source writes it with its EDTF value and bounds, its text and actors, a footnote per
supporting passage (the quote as prose and its citation in the chosen CSL style), and for a
disputed event the contradicting passages too; then the bibliography of the sources cited.
`render_html` and `render_markdown` write it out (every piece of data escaped: a title such as
`<script>` stays text); report_docx.py writes Word with real footnotes; the PDF is printed by Qt
from the HTML (azrel_desktop/qt_pdf.py), outside the Qt-free core.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from ..errors import ExportCancelled
from ..query import records, timeline
from ..query.filters import EventFilter, describe_text
from .citations import STYLES, Cite, Citer, Runs, page_of, plain, quote_prose, source_infos, style_name

FORMATS = ("html", "pdf", "docx", "md")
PAGE = 500  # events read at once


@dataclass(frozen=True)
class Footnote:
    number: int
    quote: str  # the passage as prose (line breaks as spaces)
    citation: Runs  # the in-text citation in the report's style, e.g. "(NATO 1994, 3)"
    source_title: str
    stance: str  # supports | contradicts

    @property
    def text(self) -> str:
        return f"“{self.quote}” {plain(self.citation)}."


@dataclass(frozen=True)
class ReportEvent:
    id: str
    date_written: str  # the date as the source writes it (or the app's label for it)
    date: str  # EDTF
    date_start: str
    date_end: str
    title: str
    kind: str
    summary: str
    location: str | None
    organisations: tuple[str, ...]
    countries: tuple[str, ...]
    people: tuple[str, ...]
    agreements: tuple[str, ...]
    evidence: str
    disputed: bool
    dispute_note: str | None
    supporting: tuple[Footnote, ...]
    contradicting: tuple[Footnote, ...]
    notes: tuple[str, ...] = ()

    @property
    def bounds(self) -> str:
        return self.date_start if self.date_start == self.date_end else f"{self.date_start} to {self.date_end}"


@dataclass(frozen=True)
class Report:
    title: str
    filter_description: str
    style: str
    style_title: str
    made_at: datetime
    events: tuple[ReportEvent, ...]
    bibliography: tuple[Runs, ...]
    notes_included: bool = False
    footnotes: tuple[Footnote, ...] = field(default=(), repr=False)


def _ordered_rows(session: Session, f: EventFilter, sort: str, descending: bool,
                  cancelled: Callable[[], bool] | None) -> list[timeline.EventRow]:
    rows: list[timeline.EventRow] = []
    after = None
    while True:
        if cancelled and cancelled():
            raise ExportCancelled()
        page = timeline.event_rows(session, f, sort=sort, descending=descending, limit=PAGE, after=after)
        rows += page
        if len(page) < PAGE:
            return rows
        after = page[-1].id


def build_report(session: Session, f: EventFilter, *, sort: str = "date", descending: bool = False,
                 style: str | None = None, notes: bool = False, title: str | None = None,
                 progress: Callable[[int, int], None] | None = None,
                 cancelled: Callable[[], bool] | None = None) -> Report:
    """The report of exactly `f`'s events in the timeline's order (`sort`, `descending`).
    `notes`: include the user's notes on each event. `progress(done, total)` follows the events."""
    name = style_name(style)
    rows = _ordered_rows(session, f, sort, descending, cancelled)
    details = []
    for i, row in enumerate(rows, 1):
        if cancelled and cancelled():
            raise ExportCancelled()
        details.append(records.event_detail(session, row.id))
        if progress:
            progress(i, len(rows))
    cited = {p.source_id for d in details for p in (*d.supporting, *d.contradicting)}
    infos = source_infos(session, cited)
    pages: dict[str, Any] = dict(session.execute(text(
        "SELECT id, page_starts FROM sources WHERE page_starts IS NOT NULL AND id IN "
        "(SELECT value FROM json_each(:ids))"), {"ids": _json(sorted(cited))}).all())
    pages = {k: (_json_load(v) if isinstance(v, str) else v) for k, v in pages.items()}
    citer = Citer(name, list(infos.values()))

    def cite_of(p: records.PassageRef) -> Cite:
        return Cite(p.source_id, page_of(pages.get(p.source_id), p.start))

    for d in details:  # registered first: "1997a" and "1997b" are told apart over the whole report
        for p in (*d.supporting, *d.contradicting):
            citer.add(cite_of(p))
    number = 0
    all_notes: list[Footnote] = []

    def footnotes(refs: list[records.PassageRef]) -> tuple[Footnote, ...]:
        nonlocal number
        out = []
        for p in refs:
            number += 1
            note = Footnote(number, quote_prose(p.quote), citer.cite(cite_of(p)), p.source_title, p.stance)
            out.append(note)
            all_notes.append(note)
        return tuple(out)

    events = []
    for d in details:
        r = d.row
        events.append(ReportEvent(
            id=r.id, date_written=(r.date_text or r.date_label or r.date), date=r.date,
            date_start=r.date_start, date_end=r.date_end, title=r.title, kind=r.kind.replace("_", " "),
            summary=r.summary or "", location=d.location,
            organisations=tuple(x.label for x in d.organisations), countries=tuple(x.label for x in d.countries),
            people=tuple(x.label for x in d.people), agreements=tuple(x.label for x in d.agreements),
            evidence=r.evidence.replace("_", " "), disputed=r.disputed, dispute_note=d.dispute_note,
            supporting=footnotes(d.supporting), contradicting=footnotes(d.contradicting),
            notes=tuple(a.body for a in d.annotations if a.body.strip()) if notes else (),
        ))
    described = describe_text(session, f)
    return Report(
        title=title or "Chronology", filter_description=described, style=name, style_title=STYLES[name][1],
        made_at=datetime.now().replace(microsecond=0), events=tuple(events),
        bibliography=tuple(citer.bibliography()), notes_included=notes, footnotes=tuple(all_notes),
    )


def _json(value) -> str:
    import json

    return json.dumps(value)


def _json_load(value: str):
    import json

    return json.loads(value)


# --- HTML ----------------------------------------------------------------------------------------

_TAGS = {"italic": "i", "bold": "b", "underline": "u", "superscript": "sup", "subscript": "sub"}


def runs_html(r: Runs) -> str:
    out = []
    for t, styles in r:
        piece = html.escape(t, quote=True)
        for s in sorted(styles):
            if s == "small-caps":
                piece = f'<span style="font-variant: small-caps">{piece}</span>'
            elif s in _TAGS:
                piece = f"<{_TAGS[s]}>{piece}</{_TAGS[s]}>"
        out.append(piece)
    return "".join(out)


def _e(value: str | None) -> str:
    return html.escape(value or "", quote=True)


def _actors(e: ReportEvent) -> list[tuple[str, str]]:
    return [(label, "; ".join(values)) for label, values in (
        ("Organisations", e.organisations), ("Countries", e.countries), ("People", e.people),
        ("Agreements", e.agreements)) if values]


def _refs_html(notes: tuple[Footnote, ...]) -> str:
    return "".join(f'<sup><a href="#fn{n.number}" id="ref{n.number}">{n.number}</a></sup>' for n in notes)


_SCREEN = "body { max-width: 46em; margin: 2em auto; }"
_CSS = """body { font-family: Georgia, 'Times New Roman', serif; line-height: 1.4; }
h1 { font-size: 1.6em; } h2 { font-size: 1.15em; margin: 1.4em 0 0.2em; }
.meta, .dates, .actors { color: #444; font-size: 0.9em; margin: 0.1em 0; }
.disputed { border-left: 3px solid #b35c00; padding-left: 0.6em; }
.notes li, .bibliography p { font-size: 0.9em; } .bibliography p { padding-left: 2em; text-indent: -2em; }"""


def render_html(report: Report, *, for_print: bool = False) -> str:
    """The report as one HTML document (UTF-8, no script, no external resource); all data escaped.
    `for_print`: for Qt's printing to PDF (the page's margins, not a column, set the width)."""
    out = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{_e(report.title)}</title><style>{_CSS}{'' if for_print else _SCREEN}</style></head><body>",
        f"<h1>{_e(report.title)}</h1>",
        f'<p class="meta">{_e(report.filter_description)} · {len(report.events)} '
        f"event{'s' if len(report.events) != 1 else ''} · citations: {_e(report.style_title)} · "
        f"made {report.made_at:%Y-%m-%d %H:%M} with AzRel Desktop</p>",
    ]
    for e in report.events:
        cls = ' class="event disputed"' if e.disputed else ' class="event"'
        out.append(f'<div{cls} id="{_e(e.id)}">')
        out.append(f"<h2>{_e(e.date_written)} — {_e(e.title)}</h2>")
        out.append(f'<p class="dates">EDTF {_e(e.date)} · {_e(e.bounds)} · {_e(e.kind)} · evidence: '
                   f"{_e(e.evidence)}{' · ' + _e(e.location) if e.location else ''}</p>")
        if e.summary:
            out.append(f"<p>{_e(quote_prose(e.summary))}{_refs_html(e.supporting)}</p>")
        elif e.supporting:
            out.append(f"<p>Sources: {_refs_html(e.supporting)}</p>")
        for label, value in _actors(e):
            out.append(f'<p class="actors"><b>{label}:</b> {_e(value)}</p>')
        if e.disputed or e.contradicting:
            note = f" {_e(quote_prose(e.dispute_note))}" if e.dispute_note else ""
            out.append(f"<p><b>Disputed.</b>{note} Supported by the passages cited above; contradicted by"
                       f"{_refs_html(e.contradicting) or ' no recorded passage'}.</p>")
        if e.notes:
            out.append("<p><b>Notes:</b></p><ul>" + "".join(f"<li>{_e(n)}</li>" for n in e.notes) + "</ul>")
        out.append("</div>")
    if report.footnotes:
        out.append('<h2>Notes</h2><ol class="notes">')
        for n in report.footnotes:
            side = "Contradicting: " if n.stance == "contradicts" else ""
            out.append(f'<li id="fn{n.number}">{side}“{_e(n.quote)}” {runs_html(n.citation)}. '
                       f'<a href="#ref{n.number}">↩</a></li>')
        out.append("</ol>")
    if report.bibliography:
        out.append('<h2>Bibliography</h2><div class="bibliography">')
        out += [f"<p>{runs_html(entry)}</p>" for entry in report.bibliography]
        out.append("</div>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


# --- Markdown ------------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>&|~#!{}])")
_MD_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+[.)])")


def md_escape(value: str | None) -> str:
    """Data as Markdown text that renders as itself (no emphasis, link, HTML or list from it)."""
    one_line = re.sub(r"\s*\n\s*", " ", value or "")
    return _MD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), _MD_SPECIAL.sub(r"\\\1", one_line))


def runs_markdown(r: Runs) -> str:
    out = []
    for t, styles in r:
        piece = md_escape(t) if t.strip() else t
        if piece.strip() and ("italic" in styles or "bold" in styles):
            mark = "**" if "bold" in styles else "*"
            lead, core, trail = re.match(r"^(\s*)(.*?)(\s*)$", piece).groups()  # type: ignore[union-attr]
            piece = f"{lead}{mark}{core}{mark}{trail}"
        out.append(piece)
    return "".join(out)


def render_markdown(report: Report) -> str:
    """The report as Markdown with footnotes (`[^1]`, as pandoc and most editors read them)."""
    out = [f"# {md_escape(report.title)}", "",
           f"{md_escape(report.filter_description)} · {len(report.events)} event"
           f"{'s' if len(report.events) != 1 else ''} · citations: {md_escape(report.style_title)} · "
           f"made {report.made_at:%Y-%m-%d %H:%M} with AzRel Desktop", ""]

    def refs(notes: tuple[Footnote, ...]) -> str:
        return "".join(f"[^{n.number}]" for n in notes)

    for e in report.events:
        out += [f"## {md_escape(e.date_written)} — {md_escape(e.title)}", "",
                f"EDTF {md_escape(e.date)} · {md_escape(e.bounds)} · {md_escape(e.kind)} · evidence: "
                f"{md_escape(e.evidence)}{' · ' + md_escape(e.location) if e.location else ''}", ""]
        if e.summary:
            out += [md_escape(e.summary) + refs(e.supporting), ""]
        elif e.supporting:
            out += ["Sources: " + refs(e.supporting), ""]
        for label, value in _actors(e):
            out += [f"**{label}:** {md_escape(value)}", ""]
        if e.disputed or e.contradicting:
            note = f" {md_escape(e.dispute_note)}" if e.dispute_note else ""
            out += [f"**Disputed.**{note} Supported by the passages cited above; contradicted by"
                    f"{refs(e.contradicting) or ' no recorded passage'}.", ""]
        if e.notes:
            out += ["**Notes:**", "", *[f"* {md_escape(n)}" for n in e.notes], ""]
    for n in report.footnotes:
        side = "Contradicting: " if n.stance == "contradicts" else ""
        out.append(f"[^{n.number}]: {side}“{md_escape(n.quote)}” {runs_markdown(n.citation)}.")
    if report.footnotes:
        out.append("")
    if report.bibliography:
        out += ["## Bibliography", ""]
        for entry in report.bibliography:
            out += [runs_markdown(entry), ""]
    return "\n".join(out)
