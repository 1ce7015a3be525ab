"""`Library`: the typed calls the GUI (and scripts) make on an open AzRel file.

Each call opens a short session and returns plain dataclasses — never live ORM objects — so
the caller can keep results across threads and after the session is gone. Calls that change
data return a `Changes` value.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TextIO

from sqlalchemy import text as text_sql

from .opening import open_database
from .output import export
from .query import analysis, records, timeline
from .query import facets as facet_counts
from .query.filters import DIMENSIONS, EventFilter, FilterChip, describe, describe_text
from .query.records import OrganisationNode
from .research import annotations as notes
from .research import records_edit as own
from .research import saved_views as views_store
from .research.annotations import AnnotationView, Changes
from .research.choices import Choice, choices
from .research.date_proposal import DateProposal, propose_dates
from .research.drafts import CitationView, Cite, RecordError, RecordView, Snapshot
from .research.quotes import locate
from .research.saved_views import OpenedView, SavedViewInfo
from .sources import catalogue, citation
from .sources.importer import ImportReport
from .sources.reading import SourceMetadata
from .store import backups
from .store.database import Database, DatabaseError


@dataclass(frozen=True)
class FileCheck:
    """The outcome of `Library.check_whole_file`: `problem` is SQLite's first finding."""

    ok: bool
    problem: str


class Library:
    def __init__(self, db: Database):
        self.db = db
        self._facets = facet_counts.FacetCache(None if db.readonly else self._keep_facet_index)

    def _keep_facet_index(self, index) -> None:
        """Keep a newly read facet index in the file for the next start; it is only a cache, so
        a file that cannot take it now (locked, full) just reads it again next time."""
        from .query.facet_index import save

        try:
            with self.db.write() as s:
                save(s, index)
        except DatabaseError:
            pass

    # --- before (or without) an open library --------------------------------------------
    @staticmethod
    def default_path() -> Path:
        """Where the library is kept when no file is named."""
        from .store.files import default_db_path

        return default_db_path()

    @staticmethod
    def settings_dir() -> Path:
        """Where the app's settings are kept (see `store.files.settings_dir`)."""
        from .store.files import settings_dir

        return settings_dir()

    @staticmethod
    def preload() -> None:
        """Import what counting and faceting need (numpy, the facet engine) — a second's work
        the app does while the library opens."""
        facet_counts.load_engine()

    @staticmethod
    def backups_folder() -> Path:
        return backups.backups_dir()

    @staticmethod
    def restore_file(path: Path | str, backup: Path | str) -> Path | None:
        """Replace a library file that is not open (one that could not be opened: damaged) with
        `backup`; return where its old contents were kept."""
        return backups.restore(Path(path), Path(backup))

    @staticmethod
    def write_atomically(path: Path | str, write: Callable[[TextIO], int]) -> int:
        """Run `write` into a new file beside `path` and move it into place only when complete
        (an export that fails or is cancelled, `ExportCancelled`, leaves `path` as it was)."""
        return export.write_atomically(path, write)

    @staticmethod
    def write_bytes_atomically(path: Path | str, produce: Callable[[BinaryIO], int]) -> int:
        """As `write_atomically`, for a binary file (a workbook, a report)."""
        from .output.binary import write_bytes_atomically

        return write_bytes_atomically(path, produce)

    @classmethod
    def open(cls, path: Path | str | None = None,
             progress: Callable[[str], None] | None = None, *, whole_check: bool = False,
             auto_backup: bool = True) -> Library:
        """Open the library, checking what the open reads (`whole_check`: every page first, as
        after `check_whole_file` found damage: a damaged file is then moved aside and a backup
        offered, or the user's records salvaged). `auto_backup=False` leaves the daily backup
        to `back_up_if_due` (the window makes it in the background)."""
        return cls(open_database(path, progress=progress, whole_check=whole_check, auto_backup=auto_backup))

    def back_up_if_due(self) -> Path | None:
        """The daily automatic backup, when a day has passed and the user's records changed
        since the last one: the new backup's path, or None when none was due or it could not
        be made (an automatic backup never stops the user from working)."""
        if self.readonly:
            return None
        try:
            info = backups.auto_backup(self.path)
        except (DatabaseError, OSError, sqlite3.Error):
            return None
        return info.path if info else None

    def check_whole_file(self, cancelled: Callable[[], bool] | None = None) -> FileCheck:
        """SQLite's check of every page of the file (seconds at a million events; the app runs
        it in the background once its window shows, with its own read-only connection). Once
        `cancelled()` says yes it stops, raising `store.files.CheckStopped`."""
        from .store.files import check_whole_file

        problem = check_whole_file(self.path, cancelled=cancelled)
        return FileCheck(ok=problem is None, problem=problem or "")

    @property
    def path(self) -> Path:
        return self.db.path

    @property
    def readonly(self) -> bool:
        return self.db.readonly

    def close(self) -> None:
        self.db.close()

    @property
    def notice(self) -> str | None:
        """Something the user should be told about the file (salvaged, read-only)."""
        return self.db.notice

    # --- backups --------------------------------------------------------------------
    def backup(self, target: Path | None = None) -> backups.BackupInfo:
        return backups.make_backup(self.path, target)

    def backups(self) -> list[backups.BackupInfo]:
        return backups.list_backups(self.path)

    def restore(self, backup: Path) -> Path | None:
        """Replace the file's contents with `backup`; return where the old contents were kept.

        The pool is emptied before and after, so no connection holds a view of the old file.
        """
        if self.readonly:
            raise DatabaseError(f"{self.path} is open read-only; it cannot be restored.")
        self.db.engine.dispose()
        try:
            return backups.restore(self.path, Path(backup))
        finally:
            self.db.engine.dispose()
            self._facets.clear()

    # --- timeline -------------------------------------------------------------------
    def count(self, f: EventFilter) -> int:
        with self.db.read() as s:
            n = facet_counts.counted(s, f, self._facets)  # no SQL when the facet engine holds it
            return timeline.count_events(s, f) if n is None else n

    def total(self) -> int:
        with self.db.read() as s:
            return timeline.total_events(s)

    def rows(self, f: EventFilter, *, sort: str = "date", descending: bool = False,
             offset: int = 0, limit: int = 200, after: str | None = None) -> list[timeline.EventRow]:
        """A page of rows from `offset`, or (keyset paging) just after the event `after`."""
        with self.db.read() as s:
            # the facet engine, when loaded, knows the filter's events: the page is found among them
            among = None if after is not None else facet_counts.selected_rowids(s, f, self._facets)
            return timeline.event_rows(s, f, sort=sort, descending=descending, offset=offset, limit=limit,
                                       after=after, among=among)

    def sample(self, f: EventFilter, about: int, total: int | None = None) -> list[timeline.EventRow]:
        """All the filter's events by date if at most `about`, else a fixed sample of about that
        many spread over them (`total`: the filter's count, if known)."""
        with self.db.read() as s:
            among = facet_counts.selected_rowids(s, f, self._facets, everything=True)
            return timeline.sample_rows(s, f, about, total, among=among)

    def row_index(self, f: EventFilter, event_id: str, *, sort: str = "date",
                  descending: bool = False) -> int | None:
        with self.db.read() as s:
            return timeline.row_index(s, f, event_id, sort=sort, descending=descending)

    def revealing_filter(self, f: EventFilter, event_id: str) -> tuple[EventFilter, tuple[str, ...]] | None:
        """`f` without the dimensions that hide the event, and their names; None when the
        library has no such event. When dropping each dimension that hides it on its own is
        not enough (dimensions interact), every dimension goes."""
        with self.db.read() as s:
            def shows(g: EventFilter) -> bool:
                return timeline.row_index(s, g, event_id) is not None

            if not shows(EventFilter()):
                return None
            if shows(f):
                return f, ()
            active = tuple(d for d in DIMENSIONS if not f.only(d).is_empty)
            hiding = tuple(d for d in active if not shows(f.only(d)))
            revealed = f
            for d in hiding:
                revealed = revealed.without(d)
            if not shows(revealed):
                return EventFilter(), active
            return revealed, hiding

    def facets(self, f: EventFilter) -> facet_counts.Facets:
        with self.db.read() as s:
            return facet_counts.facets(s, f, self._facets)

    def describe(self, f: EventFilter) -> list[FilterChip]:
        with self.db.read() as s:
            return describe(s, f)

    def describe_text(self, f: EventFilter) -> str:
        with self.db.read() as s:
            return describe_text(s, f)

    # --- record pages ---------------------------------------------------------------
    def event(self, event_id: str) -> records.EventDetail:
        with self.db.read() as s:
            return records.event_detail(s, event_id)

    def organisation(self, org_id: str) -> records.OrganisationPage:
        with self.db.read() as s:
            return records.organisation_page(s, org_id)

    def agreement(self, agreement_id: str) -> records.AgreementPage:
        with self.db.read() as s:
            return records.agreement_page(s, agreement_id)

    def country(self, country_id: str) -> records.CountryPage:
        with self.db.read() as s:
            return records.country_page(s, country_id)

    def person(self, person_id: str) -> records.PersonPage:
        with self.db.read() as s:
            return records.person_page(s, person_id)

    def source(self, source_id: str) -> records.SourcePage:
        with self.db.read() as s:
            return records.source_page(s, source_id)

    def records(self, kind: str) -> list[records.Link]:
        with self.db.read() as s:
            return records.list_records(s, kind)

    def organisation_tree(self) -> list[OrganisationNode]:
        """Every organisation with its parent and the short label crowded views show."""
        with self.db.read() as s:
            return records.organisation_tree(s)

    # --- annotations ----------------------------------------------------------------
    def annotations(self, *, tags: tuple[str, ...] = (), text_contains: str = "",
                    target_kind: str | None = None) -> list[AnnotationView]:
        with self.db.read() as s:
            return notes.list_annotations(s, tags=tags, text_contains=text_contains,
                                          target_kind=target_kind)

    def annotations_for(self, target_kind: str, target_id: str) -> list[AnnotationView]:
        with self.db.read() as s:
            return notes.annotations_for(s, target_kind, target_id)

    def tags(self) -> list[tuple[str, int]]:
        with self.db.read() as s:
            return notes.all_tags(s)

    def add_annotation(self, target_kind: str, target_id: str, body: str,
                       tags=()) -> tuple[AnnotationView, Changes]:
        return notes.add_annotation(self.db, target_kind, target_id, body, tags)

    def update_annotation(self, annotation_id: str, body: str, tags=()) -> tuple[AnnotationView, Changes]:
        return notes.update_annotation(self.db, annotation_id, body, tags)

    def delete_annotation(self, annotation_id: str) -> tuple[AnnotationView, Changes]:
        return notes.delete_annotation(self.db, annotation_id)

    def restore_annotation(self, view: AnnotationView) -> tuple[AnnotationView, Changes]:
        return notes.restore_annotation(self.db, view)

    def annotate_selection(self, source_id: str, start: int, end: int, body: str,
                           tags=()) -> tuple[AnnotationView, Changes]:
        return notes.annotate_selection(self.db, source_id, start, end, body, tags)

    # --- evidence ---------------------------------------------------------------------
    def set_source_reliability(self, source_id: str, grade: str | None, reason: str | None = None,
                               copies_id: str | None = None) -> Changes:
        """Grade one of the user's own sources (Admiralty letter A-F or None, the reason, the
        source it copies) and regrade the claims citing it. Raises EvidenceError (one line)."""
        from .corpus.evidence import set_reliability

        with self.db.write() as s:
            set_reliability(s, source_id, grade, reason, copies_id)
        return Changes(frozenset({"source", "event", "agreement", "organisation"}), frozenset({source_id}))

    # --- export ---------------------------------------------------------------------
    def export_events(self, f: EventFilter, out: TextIO, *, sort: str = "date",
                      descending: bool = False, excel: bool = False,
                      progress: Callable[[int, int], None] | None = None,
                      cancelled: Callable[[], bool] | None = None,
                      preparing: Callable[[int, int], None] | None = None,
                      warn: Callable[[str], None] | None = None) -> int:
        """`progress(written, total)` follows the writing, `preparing(rendered, of)` the rows
        rendered first after the corpus changed (a few seconds per 100,000 events); `warn(sentence)`
        hears of cells longer than Excel's limit."""
        export.keep_rows(self.db, f, cancelled, preparing)
        with self.db.read() as s:
            return export.export_events(s, f, out, sort=sort, descending=descending, excel=excel,
                                        progress=progress, cancelled=cancelled, preparing=preparing, warn=warn)

    def export_annotations(self, out: TextIO, *, tags: tuple[str, ...] = (), text_contains: str = "",
                           excel: bool = False, warn: Callable[[str], None] | None = None) -> int:
        with self.db.read() as s:
            return export.export_annotations(s, out, tags=tags, text_contains=text_contains, excel=excel,
                                             warn=warn)

    # --- research outputs: reports, workbooks, bibliographies, citations (core/output/) ------
    def report(self, f: EventFilter, *, sort: str = "date", descending: bool = False, style: str | None = None,
               notes: bool = False, title: str | None = None,
               progress: Callable[[int, int], None] | None = None,
               cancelled: Callable[[], bool] | None = None):
        """The chronology report (core/output/report.py) of exactly `f`'s events in this order."""
        from .output.report import build_report

        with self.db.read() as s:
            return build_report(s, f, sort=sort, descending=descending, style=style, notes=notes, title=title,
                                progress=progress, cancelled=cancelled)

    @staticmethod
    def report_html(report, *, for_print: bool = False) -> str:
        """The report as HTML (for a PDF, `for_print`: Qt prints it, azrel_desktop/qt_pdf.py)."""
        from .output.report import render_html

        return render_html(report, for_print=for_print)

    @staticmethod
    def write_report(report, path: Path | str, fmt: str) -> None:
        """Write the report as html, md or docx to `path` (replaced only once complete)."""
        from .output.binary import write_bytes_atomically
        from .output.report import render_html, render_markdown
        from .output.report_docx import write_docx

        if fmt == "html":
            export.write_atomically(path, lambda out: out.write(render_html(report)))
        elif fmt == "md":
            export.write_atomically(path, lambda out: out.write(render_markdown(report)))
        elif fmt == "docx":
            write_bytes_atomically(path, lambda out: write_docx(report, out))
        else:
            raise ValueError(f"write_report writes html, md or docx, not {fmt!r}")

    def export_xlsx(self, path: Path | str, f: EventFilter, kinds: tuple[str, ...] = ("events",), *,
                    sort: str = "date", descending: bool = False,
                    progress: Callable[[int, int], None] | None = None,
                    cancelled: Callable[[], bool] | None = None,
                    warn: Callable[[str], None] | None = None) -> dict[str, int]:
        """A workbook at `path` with a sheet per kind (events, agreements, organisations, sources,
        annotations): the CSV export's rows, typed (core/output/xlsx.py). Rows per kind."""
        from .output.binary import write_bytes_atomically
        from .output.xlsx import write_workbook

        columns = {"events": export.EVENT_COLUMNS, "agreements": export.AGREEMENT_COLUMNS,
                   "organisations": export.ORGANISATION_COLUMNS, "sources": export.SOURCE_COLUMNS,
                   "annotations": export.ANNOTATION_COLUMNS}
        counts: dict[str, int] = {}

        def produce(out) -> int:
            if "events" in kinds:
                export.keep_rows(self.db, f, cancelled)
            with self.db.read() as s:
                def part(kind: str):
                    if kind == "events":
                        return lambda o: export.export_events(s, f, o, sort=sort, descending=descending,
                                                              progress=progress, cancelled=cancelled)
                    if kind == "annotations":
                        return lambda o: export.export_annotations(s, o, tags=f.tags, text_contains=f.text)
                    call = {"agreements": export.export_agreements, "organisations": export.export_organisations,
                            "sources": export.export_sources}[kind]
                    return lambda o: call(s, f, o)

                counts.update(write_workbook(out, [(k, columns[k], part(k)) for k in kinds], warn=warn,
                                             tmpdir=str(Path(path).resolve().parent)))
            return sum(counts.values())

        write_bytes_atomically(path, produce)
        return counts

    def export_bibliography(self, out: TextIO, fmt: str, f: EventFilter | None = None) -> int:
        """The sources (those the filter's events cite, with a filter) as csl-json, bibtex or ris."""
        from .output.bibliography_export import write_sources
        from .output.citations import source_infos
        from .query.filters import compile_filter

        with self.db.read() as s:
            ids = None
            if f is not None and not f.is_empty:
                c = compile_filter(f)
                ids = [r[0] for r in s.execute(text_sql(
                    "SELECT DISTINCT ps.source_id FROM event_citations x JOIN passages ps ON ps.id = x.passage_id "
                    f"WHERE x.event_id IN (SELECT e.id FROM events e WHERE {c.where})"), c.params)]
            sources = list(source_infos(s, ids).values())
        return write_sources(sources, out, fmt)

    def citation_text(self, record_id: str | None = None, passage_id: str | None = None,
                      style: str | None = None) -> str:
        """What "Copy citation" puts on the clipboard: each quoted passage with its citation in the
        CSL style (default Chicago author-date), then the sources' bibliography entries. For a
        passage, that passage; for a record (event, agreement, membership, organisation), the
        passages that support it, under its date and title."""
        from .output.citations import citation_text

        with self.db.read() as s:
            return citation_text(s, record_id=record_id, passage_id=passage_id, style=style)

    def export_table(self, table: analysis.StackedCounts | analysis.Distribution, out: TextIO, *,
                     excel: bool = False) -> int:
        """An analysis table (`counts_per_period`, `sources_per_event`) as CSV."""
        return export.export_table(out, table.header(), table.rows(), excel=excel)

    # --- citing ------------------------------------------------------------------------
    def source_citation(self, source_id: str, start: int | None = None) -> str:
        """A source (or a place in it with no passage yet) as one line to paste: "Title,
        publisher, date, p. N" (the page when `start` falls in a PDF's known pages)."""
        with self.db.read() as s:
            return citation.citation_text(s, source_id, start)

    # --- the shape of the data (core/query/analysis.py) ---------------------------------
    def counts_per_period(self, f: EventFilter, group: str, period: str = "year",
                          top: int = analysis.TOP) -> analysis.StackedCounts:
        """Events of the filter per year or month, stacked by organisation, country or source."""
        with self.db.read() as s:
            return analysis.counts_per_period(s, f, group, period, top)

    def sources_per_event(self, f: EventFilter) -> analysis.Distribution:
        with self.db.read() as s:
            return analysis.sources_per_event(s, f)

    # --- the user's own records and citations (core/research/records_edit.py) -------------
    def _own(self, kind: str, call, *args, passages: bool = True):
        """Run one change of records in a write transaction; return its result and Changes."""
        with self.db.write() as s:
            result = call(s, *args)
            rid = getattr(result, "id", None) or getattr(result, "record_id", None)
        return result, own.changes_for(kind, {rid} if rid else set(), passages=passages)

    def propose_dates(self, source_id: str, start: int, end: int) -> list[DateProposal]:
        """Dates read from a selection of a source, the first the one to propose."""
        with self.db.read() as s:
            page = s.execute(text_sql("SELECT text, published FROM sources WHERE id = :id"),
                             {"id": source_id}).first()
        if page is None:
            raise RecordError(f"there is no source {source_id!r}")
        return propose_dates(page[0][start:end], page[1])

    def locate_quote(self, source_id: str, quote: str, *, occurrence: int | None = None,
                     before: str | None = None) -> tuple[int, int]:
        """The span of `quote` in the source's stored text; QuoteError says why not."""
        with self.db.read() as s:
            row = s.execute(text_sql("SELECT text, title FROM sources WHERE id = :id"), {"id": source_id}).first()
        if row is None:
            raise RecordError(f"there is no source {source_id!r}")
        return locate(row[0], f"“{row[1]}”", quote, occurrence=occurrence, before=before)

    def choices(self, kind: str, typed: str = "", limit: int = 200) -> list[Choice]:
        with self.db.read() as s:
            return choices(s, kind, typed, limit)

    def record_view(self, kind: str, record_id: str) -> RecordView:
        with self.db.read() as s:
            return own.record_view(s, kind, record_id)

    def record_draft(self, kind: str, record_id: str):
        with self.db.read() as s:
            return own.draft_of(s, kind, record_id)

    def citations(self, kind: str, record_id: str) -> list[CitationView]:
        from .research.citing import citations_of

        with self.db.read() as s:
            return citations_of(s, kind, record_id)

    def create_event(self, draft: own.EventDraft, cites: list[Cite]) -> tuple[RecordView, Changes]:
        return self._own("event", own.create_event, draft, cites)

    def create_agreement(self, draft: own.AgreementDraft, step: own.StepDraft,
                         cites: list[Cite]) -> tuple[RecordView, Changes]:
        """A new agreement with its first step, which the passages cite."""
        return self._own("agreement", own.create_agreement, draft, step, cites)

    def create_step(self, draft: own.StepDraft, cites: list[Cite]) -> tuple[RecordView, Changes]:
        return self._own("step", own.create_step, draft, cites)

    def create_membership(self, draft: own.MembershipDraft, cites: list[Cite]) -> tuple[RecordView, Changes]:
        return self._own("membership", own.create_membership, draft, cites)

    def create_actor(self, draft: own.ActorDraft) -> tuple[RecordView, Changes]:
        """An organisation (with its parent body), a country or a person made on the spot."""
        return self._own(draft.kind, own.create_actor, draft, passages=False)

    def update_record(self, kind: str, record_id: str, draft) -> tuple[object, RecordView, Changes]:
        """Change one of the user's records; returns the draft it had (for undo), its view and
        the Changes. A corpus record is refused with RecordError."""
        with self.db.write() as s:
            before = own.update_record(s, kind, record_id, draft)
            view = own.record_view(s, kind, record_id)
        return before, view, own.changes_for(kind, {record_id})

    def delete_record(self, kind: str, record_id: str) -> tuple[Snapshot, Changes]:
        """Delete one of the user's records; the Snapshot puts it back (`restore_record`)."""
        with self.db.write() as s:
            snapshot = own.delete_record(s, kind, record_id)
        return snapshot, own.changes_for(kind, {record_id}, passages=True)

    def restore_record(self, snapshot: Snapshot) -> tuple[RecordView, Changes]:
        return self._own(snapshot.kind, own.restore_record, snapshot)

    def add_citation(self, kind: str, record_id: str, cite: Cite) -> tuple[CitationView, Changes]:
        """Cite a passage (the user's selection) for any record, corpus or own, supporting or
        contradicting; a contradicting one marks the record disputed."""
        return self._own(kind, own.add_citation, kind, record_id, cite)

    def remove_citation(self, kind: str, record_id: str, passage_id: str) -> tuple[CitationView, Changes]:
        return self._own(kind, own.remove_citation, kind, record_id, passage_id)

    def restore_citation(self, view: CitationView) -> tuple[CitationView, Changes]:
        return self._own(view.record_kind, own.restore_citation, view)
    # --- the user's own sources -------------------------------------------------------------
    def import_sources(self, paths, metadata: SourceMetadata | None = None, *, replaces: str | None = None,
                       allow_duplicates: bool = False,
                       progress: Callable[[int, int, str], None] | None = None,
                       cancelled: Callable[[], bool] | None = None,
                       versions: dict | None = None) -> tuple[ImportReport, Changes]:
        """Import files (text, Markdown, HTML, PDF, DOCX, CSL-JSON, BibTeX, RIS), each source in
        its own transaction; see `core/sources/importer.py`. `progress(done, of, file name)`;
        `versions` maps a file (as given in `paths`) to the source it is a new version of."""
        from .sources.importer import import_paths

        report = import_paths(self.db, paths, metadata, replaces=replaces, allow_duplicates=allow_duplicates,
                              progress=progress, cancelled=cancelled or (lambda: False), versions=versions)
        return report, _source_changes(report.source_ids, any(o.moves for o in report.outcomes))

    def replace_source_text(self, source_id: str, path, *,
                            cancelled: Callable[[], bool] | None = None) -> tuple[ImportReport, Changes]:
        """Import `path` as a new version of `source_id`: the old text is kept, its passages
        re-anchored, and those that could not be placed listed in the report (and in
        `source_info(...).orphans`)."""
        return self.import_sources([path], replaces=source_id, cancelled=cancelled)

    def sources(self, search: str = "", *, own_only: bool = False,
                limit: int | None = None) -> list[catalogue.SourceRow]:
        """Every source by title, or those whose title or text holds the words, with hit counts
        (with `limit`: the first by title, or the best matches)."""
        with self.db.read() as s:
            return catalogue.list_sources(s, search, own_only=own_only, limit=limit)

    def count_sources(self, search: str = "", *, own_only: bool = False) -> int:
        with self.db.read() as s:
            return catalogue.count_sources(s, search, own_only=own_only)

    def search_sources(self, search: str) -> list[catalogue.SourceRow]:
        return self.sources(search)

    def source_hits(self, source_id: str, search: str) -> list[tuple[int, int]]:
        """Code-point spans of the searched words in the source's text."""
        with self.db.read() as s:
            return catalogue.source_hits(s, source_id, search)

    def source_info(self, source_id: str) -> catalogue.SourceInfo:
        with self.db.read() as s:
            return catalogue.source_info(s, source_id)

    def source_file(self, source_id: str) -> tuple[str, str, bytes] | None:
        """(name, media type, bytes) of the file the source was last imported from."""
        with self.db.read() as s:
            return catalogue.original_file(s, source_id)

    def update_source_metadata(self, source_id: str, **fields: str | None
                               ) -> tuple[SourceMetadata, SourceMetadata, Changes]:
        """Set metadata fields (title, publisher, author, url, published, data_as_of, kind,
        language, reliability); the metadata before and after. Dates are read as EDTF or a
        phrase; a bad one raises DateError and changes nothing."""
        from .sources.store import update_metadata

        with self.db.write() as s:
            before, after = update_metadata(s, source_id, fields)
        return before, after, Changes(frozenset({"source"}), frozenset({source_id}))

    # --- saved views (core/research/saved_views.py) -------------------------------------------
    def saved_views(self) -> list[SavedViewInfo]:
        with self.db.read() as s:
            return views_store.list_views(s)

    def save_view(self, name: str, f: EventFilter, *, sort: str = "date", descending: bool = False,
                  lanes: str = "organisation",
                  replace: bool = False) -> tuple[SavedViewInfo, SavedViewInfo | None, Changes]:
        return views_store.save_view(self.db, name, f, sort=sort, descending=descending, lanes=lanes,
                                     replace=replace)

    def open_view(self, name: str) -> OpenedView:
        return views_store.filter_from_view(self, name)

    def rename_view(self, name: str, new_name: str) -> tuple[SavedViewInfo, SavedViewInfo, Changes]:
        return views_store.rename_view(self.db, name, new_name)

    def delete_view(self, name: str) -> tuple[SavedViewInfo, Changes]:
        return views_store.delete_view(self.db, name)

    def restore_view(self, info: SavedViewInfo) -> tuple[SavedViewInfo, Changes]:
        return views_store.restore_view(self.db, info)


def _source_changes(ids: frozenset[str], moved_passages: bool) -> Changes:
    kinds = {"source"} | ({"passage", "event"} if moved_passages else set())
    return Changes(frozenset(kinds) if ids else frozenset(), ids)

