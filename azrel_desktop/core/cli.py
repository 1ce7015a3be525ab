"""The `azrel` command line: init, stats, check and export, over the same filter as the GUI.

User mistakes (a bad date, an unknown organisation, an unusable file) print one line on stderr
and exit non-zero; they never show a traceback.

Only the standard library is imported at first: SQLAlchemy, Alembic, numpy, the models and the
commands' own modules are imported by the command that needs them, so `azrel --version` and
`azrel --help` start like a small tool. The top-level help is built from `COMMANDS` without the
subcommands' options (whose filter options need the dimension registry); a command named on the
line gets the full parser (`build_parser`), and a test keeps the two lists the same.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .. import __version__
from .errors import DatabaseError
from .store.files import default_db_path

if TYPE_CHECKING:
    from .query.filters import EventFilter
    from .research.saved_views import OpenedView

EXPORT_KINDS = ("events", "agreements", "organisations", "sources", "annotations", "memberships", "project", "all")


class UserError(Exception):
    """A mistake on the command line; printed as one line."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, not argparse's usage block
        raise UserError(f"{message} (see `{self.prog} --help`)")


# Every subcommand and its one-line help, as the top-level `--help` lists them.
COMMANDS: dict[str, str] = {
    "init": "create (or upgrade) and seed the database",
    "stats": "count what the database holds",
    "check": "integrity check of the whole file and re-verification of every citation",
    "backup": "back up the database (verified, through SQLite's backup API)",
    "restore": "replace the database with a backup; the current file is kept aside",
    "backups": "list the backups of this database, newest first",
    "bench": "synthetic corpora and the performance benchmark",
    "export": "write records as CSV (or a workbook, or sources for reference managers)",
    "report": "a chronology of the filter's events, every claim footnoted to its source",
    "import-annotations": "import notes from W3C Web Annotations (JSON-LD); notes already in the library are skipped",
    "import-project": "import the text sources and coded passages of a REFI-QDA project (.qdpx)",
    "views": "list, rename or delete saved views",
    "add": "record an event, agreement step or membership from passages, or cite one",
    "edit": "change one of your own records (corpus records are read-only)",
    "delete": "delete one of your own records",
    "import": "import your own sources (text, Markdown, HTML, PDF, DOCX, CSL-JSON, BibTeX, RIS)",
    "sources": "list sources, or those whose text holds words",
    "edit-source": "change a source's metadata",
}


def _top_parser() -> tuple[argparse.ArgumentParser, argparse._SubParsersAction]:
    parser = _Parser(prog="azrel", description="AzRel Desktop: the foreign relations of Azerbaijan, "
                     "every fact cited to its source.")
    parser.add_argument("--version", action="version", version=f"azrel {__version__}")
    parser.add_argument("--db", type=Path, help="database file (default: $AZREL_DB or the per-user "
                        f"data directory, now {default_db_path()})")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    return parser, sub


def shallow_parser() -> argparse.ArgumentParser:
    """The top-level parser with every command listed but none of their options: enough for
    `--help`, `--version` and a line that names no command, without importing the commands."""
    parser, sub = _top_parser()
    for name, summary in COMMANDS.items():
        sub.add_parser(name, help=summary)
    return parser


def build_parser(commands: Collection[str] | None = None) -> argparse.ArgumentParser:
    """The parser with the options of `commands` (default: every command); the others are
    listed with their help only, so a command imports only what its own options need."""
    parser, sub = _top_parser()

    def wanted(*names: str) -> bool:
        return commands is None or any(name in commands for name in names)

    def listed(*names: str) -> None:
        for name in names:
            sub.add_parser(name, help=COMMANDS[name])

    listed("init")
    stats = sub.add_parser("stats", help=COMMANDS["stats"])
    stats.add_argument("--json", action="store_true", help="print JSON")
    listed("check")
    bak = sub.add_parser("backup", help=COMMANDS["backup"])
    bak.add_argument("path", nargs="?", type=Path,
                     help="where to write it (default: the backups folder in the data directory)")
    res = sub.add_parser("restore", help=COMMANDS["restore"])
    res.add_argument("path", type=Path, help="the backup file")
    listed("backups")
    bench = sub.add_parser("bench", help=COMMANDS["bench"])
    bench_sub = bench.add_subparsers(dest="bench_command", required=True, parser_class=_Parser)
    gen = bench_sub.add_parser("generate", help="write a new synthetic database (to --db)")
    gen.add_argument("--events", type=int, default=100_000, help="how many events (default 100000)")
    gen.add_argument("--sources", type=int, help="how many sources (default events / 50)")
    gen.add_argument("--seed", type=int, default=1, help="random seed; the same seed gives the same corpus")
    brun = bench_sub.add_parser("run", help="measure the app against raw SQLite on --db")
    brun.add_argument("--json", action="store_true", help="print JSON")
    brun.add_argument("--repeat", type=int, default=7, help="runs per measure (default 7)")
    brun.add_argument("--gui", action="store_true", help="also time the first window and its memory")
    brun.add_argument("--peers", action="store_true",
                      help="also time the sqlite3 command-line tool (if installed) and plain SQL on the same file")
    if wanted("export"):
        exp = sub.add_parser("export", help=COMMANDS["export"])
        exp.add_argument("what", choices=EXPORT_KINDS, help="which records to write")
        add_filter_arguments(exp)
        exp.add_argument("-o", "--output", type=Path, help="file to write (default: standard output)")
        exp.add_argument("--excel", action="store_true", help="start with the byte-order mark Excel needs")
        _add_format_argument(exp)
        add_exchange_arguments(exp)
    else:
        listed("export")
    if wanted("report"):
        _add_report_parser(sub)
    else:
        listed("report")
    if wanted(*EXCHANGE_COMMANDS):
        add_exchange_parsers(sub)
    else:
        listed(*EXCHANGE_COMMANDS)
    if wanted("add", "edit", "delete"):
        from .research import commands as record_commands

        record_commands.add_parsers(sub)
    else:
        listed("add", "edit", "delete")
    if wanted("import", "sources", "edit-source"):
        from .sources import commands as source_commands

        source_commands.add_parsers(sub, _Parser)
    else:
        listed("import", "sources", "edit-source")
    return parser


def add_filter_arguments(p: argparse.ArgumentParser) -> None:
    """Every dimension's options, from the registry (`core/query/dimensions.py`)."""
    from .query.dimensions import REGISTRY

    g = p.add_argument_group("filters (repeat an option for alternatives: --org NATO --org CIS)")
    for dim in REGISTRY:
        # Options of one dimension that store into one field exclude each other (--disputed, --undisputed).
        target = g.add_mutually_exclusive_group() if len({o.dest for o in dim.cli}) < len(dim.cli) else g
        for option in dim.cli:
            option.add_to(target)


def filter_from_args(session, args) -> EventFilter:
    from .query.dimensions import REGISTRY
    from .query.filters import EventFilter

    def resolve(kind, words):  # the lookup (and the models) only when a filter names records
        from .query.lookup import resolve

        return resolve(session, kind, words)

    values: dict = {}
    for dim in REGISTRY:
        values.update(dim.from_args(args, resolve))
    if values.get("tags"):  # matched as saving matches them: case and runs of spaces ignored
        from .research.annotations import matching_tags

        values["tags"] = matching_tags(session, values["tags"])
    return EventFilter(**values)


def _stats(db) -> dict:
    from sqlalchemy import text

    from .corpus.census import census
    from .store.database import head_revision

    with db.read() as s:
        return census(db.path, head_revision(), lambda sql: s.execute(text(sql)).scalar())


def _print_stats(st: dict, as_json: bool) -> None:
    if as_json:
        print(json.dumps(st, indent=2, ensure_ascii=False))
    else:
        width = max(len(k) for k in st)
        for key, value in st.items():
            print(f"{key.replace('_', ' '):<{width}}  {value}")


def _quick_stats(args) -> int | None:
    """`stats` read with `sqlite3` alone (core/corpus/census.py) when an ordinary open would
    change nothing; None for the ordinary path."""
    from .corpus.census import quick_census
    from .store.files import default_db_path

    st = quick_census(Path(args.db or default_db_path()))
    if st is None:
        return None
    _print_stats(st, args.json)
    return 0


PREPARING_SAID_FROM = 20_000  # rows: fewer are rendered in well under a second


def _preparing_report():
    """Say on stderr, every tenth, how far the rendering of rows before an events export is
    (it happens once after the corpus changed: about a minute at a million events)."""
    said: set[int] = set()

    def report(done: int, of: int) -> None:
        tenth = 10 * done // max(of, 1)
        if of >= PREPARING_SAID_FROM and tenth not in said:
            said.add(tenth)
            print(f"azrel: preparing the rows to export (once after the corpus changed): {10 * tenth}%",
                  file=sys.stderr)

    return report


def _warn(message: str) -> None:
    print(f"azrel: warning: {message}", file=sys.stderr)


# --- spreadsheets, bibliographies and the chronology report (core/output/xlsx.py, report.py …) ---

EXPORT_FORMATS = ("csv", "xlsx", "csl-json", "bibtex", "ris")
REPORT_FORMATS = ("html", "pdf", "docx", "md")


def _add_format_argument(exp: argparse.ArgumentParser) -> None:
    exp.add_argument("--format", dest="format", default="csv", metavar="FORMAT",
                     help="csv (default); xlsx (a workbook: with `all`, one sheet per kind); for sources also "
                          "csl-json, bibtex or ris (for Zotero and other reference managers)")


def _add_report_parser(sub) -> None:
    from .output.citations import STYLES

    rep = sub.add_parser("report", help=COMMANDS["report"])
    add_filter_arguments(rep)
    rep.add_argument("--format", dest="report_format", choices=REPORT_FORMATS, default=None,
                     help="html, pdf, docx or md (default: from the file name's extension)")
    rep.add_argument("--style", default="chicago-author-date", choices=[*STYLES, "harvard-cite-them-right"],
                     help="citation style (default chicago-author-date)")
    rep.add_argument("--notes", action="store_true", help="include your notes on each event")
    rep.add_argument("--sort", default="date", choices=sorted(timeline_sort_keys()),
                     help="the timeline's order (default date)")
    rep.add_argument("--descending", action="store_true", help="newest (or largest) first")
    rep.add_argument("--title", default=None, help="the report's title (default: Chronology)")
    rep.add_argument("--view", metavar="NAME", help="use the filter and sort of this saved view")
    rep.add_argument("-o", "--output", type=Path, required=True, help="file to write")


def timeline_sort_keys():
    from .query.timeline import SORT_KEYS

    return SORT_KEYS


def _checked_output(path: Path | None, what: str) -> Path:
    if path is None:
        raise UserError(f"{what} is a binary file: give one with -o FILE")
    if path.is_dir():
        raise UserError(f"{path} is a folder; give a file name")
    if not path.parent.is_dir():
        raise UserError(f"the folder {path.parent} does not exist; create it or choose another")
    return path


def _write_bytes(path: Path, produce) -> int:
    from .output.binary import write_bytes_atomically

    return write_bytes_atomically(path, produce)


def _export_format(db, args, f: EventFilter, description: str) -> int | None:
    """`export … --format xlsx|csl-json|bibtex|ris`; None for CSV (the export below)."""
    fmt = (args.format or "csv").lower()
    if fmt == "csv":
        if args.what == "all":
            raise UserError("export all writes a workbook: add --format xlsx")
        return None
    if fmt not in EXPORT_FORMATS:
        raise UserError(f"unknown export format {args.format!r}: choose one of "
                        f"{', '.join((*EXPORT_FORMATS, *EXCHANGE_FORMATS))}")
    if fmt in ("csl-json", "bibtex", "ris"):
        return _export_bibliography(db, args, f, description, fmt)
    return _export_xlsx(db, args, f, description)


def _export_bibliography(db, args, f: EventFilter, description: str, fmt: str) -> int:
    from sqlalchemy import text

    from .output.bibliography_export import write_sources
    from .output.citations import source_infos
    from .output.export import write_atomically
    from .query.filters import compile_filter

    if args.what != "sources":
        raise UserError(f"--format {fmt} is for `export sources`")
    with db.read() as s:
        ids = None
        if not f.is_empty:
            c = compile_filter(f)
            ids = [r[0] for r in s.execute(text(
                "SELECT DISTINCT ps.source_id FROM event_citations x JOIN passages ps ON ps.id = x.passage_id "
                f"WHERE x.event_id IN (SELECT e.id FROM events e WHERE {c.where})"), c.params)]
        sources = list(source_infos(s, ids).values())
    if args.output:
        _checked_output(args.output, "")
        count = write_atomically(args.output, lambda out: write_sources(sources, out, fmt))
        print(f"{count} sources ({description}) written to {args.output} as {fmt}", file=sys.stderr)
    else:
        out = sys.stdout
        if hasattr(out, "reconfigure"):
            out.reconfigure(encoding="utf-8", newline="")
        write_sources(sources, out, fmt)
        out.flush()
    return 0


def _export_xlsx(db, args, f: EventFilter, description: str) -> int:
    from .output import export as csv_export
    from .output.xlsx import write_workbook
    from .query.filters import EventFilter

    path = _checked_output(args.output, "an .xlsx workbook")
    kinds = ("events", "agreements", "organisations", "sources", "annotations") if args.what == "all" else (args.what,)
    if args.what == "annotations" and f.without("tags").without("text") != EventFilter():
        raise UserError("export annotations takes only --tag and --search as filters")
    columns = {"events": csv_export.EVENT_COLUMNS, "agreements": csv_export.AGREEMENT_COLUMNS,
               "organisations": csv_export.ORGANISATION_COLUMNS, "sources": csv_export.SOURCE_COLUMNS,
               "annotations": csv_export.ANNOTATION_COLUMNS}

    def produce(binary) -> int:
        preparing = _preparing_report()
        if "events" in kinds:
            csv_export.keep_rows(db, f, progress=preparing)
        with db.read() as s:
            def part(kind: str):
                if kind == "events":
                    return lambda out: csv_export.export_events(s, f, out, preparing=preparing)
                if kind == "annotations":
                    return lambda out: csv_export.export_annotations(s, out, tags=f.tags, text_contains=f.text)
                call = {"agreements": csv_export.export_agreements, "organisations": csv_export.export_organisations,
                        "sources": csv_export.export_sources}[kind]
                return lambda out: call(s, f, out)

            counts = write_workbook(binary, [(k, columns[k], part(k)) for k in kinds], warn=_warn,
                                    tmpdir=str(path.resolve().parent) if not csv_export.is_device_name(path.name) else None)
        return sum(counts.values())

    count = _write_bytes(path, produce)
    what = "rows" if args.what == "all" else args.what
    print(f"{count} {what} ({description}) written to {path}", file=sys.stderr)
    return 0


def _report(db, args) -> int:
    from .output import report as chronology
    from .output.export import write_atomically
    from .output.report_docx import write_docx

    path = _checked_output(args.output, "a report")
    suffixes = {".html": "html", ".htm": "html", ".pdf": "pdf", ".docx": "docx", ".md": "md", ".markdown": "md"}
    fmt = args.report_format or suffixes.get(path.suffix.lower())
    if fmt is None:
        raise UserError(f"say which format with --format ({', '.join(REPORT_FORMATS)}): "
                        f"{path.name} does not tell")
    view = _view_of(db, args)
    sort, descending = (view.sort, view.descending) if view is not None else (args.sort, args.descending)
    with db.read() as s:
        f = view.filter if view is not None else filter_from_args(s, args)
        rep = chronology.build_report(s, f, sort=sort, descending=descending, style=args.style,
                                      notes=args.notes, title=args.title)
    if fmt == "html":
        write_atomically(path, lambda out: out.write(chronology.render_html(rep)))
    elif fmt == "md":
        write_atomically(path, lambda out: out.write(chronology.render_markdown(rep)))
    elif fmt == "docx":
        _write_bytes(path, lambda binary: write_docx(rep, binary))
    else:
        _write_bytes(path, lambda binary: binary.write(_pdf_bytes(rep)))
    print(f"{len(rep.events)} events ({rep.filter_description}) written to {path} with "
          f"{len(rep.footnotes)} notes and {len(rep.bibliography)} sources", file=sys.stderr)
    return 0


def _pdf_bytes(rep) -> bytes:
    """The report printed by Qt (the one place the command line loads Qt: azrel_desktop/qt_pdf.py,
    outside the core, imported only for a PDF), through a temporary file Qt writes."""
    import tempfile

    from .output.report import render_html

    try:
        from .. import qt_pdf
    except ImportError as exc:  # the bundles' separate `azrel` on Windows and macOS leaves Qt out
        raise UserError("this azrel command has no Qt to print a PDF: make it in the app (File → Export "
                        "report…), or write --format html or docx") from exc

    with tempfile.TemporaryDirectory(prefix="azrel-report-") as folder:
        target = Path(folder) / "report.pdf"
        qt_pdf.html_to_pdf(render_html(rep, for_print=True), target, title=rep.title)
        return target.read_bytes()


class _NeedsLookup(Exception):
    """The filter names records by name: only the ordinary path looks them up."""


def _fast_export(args) -> int | None:
    """`export events` as CSV streamed from the stored rows by `sqlite3` alone
    (core/output/fast_export.py) when the file allows; None for the ordinary path."""
    if (args.what != "events" or (args.format or "csv").lower() != "csv" or args.view or args.panel
            or args.steps):
        return None
    from .output.fast_export import FastExport, Unpaired, catch_up
    from .query.dimensions import REGISTRY
    from .query.filters import EventFilter
    from .store.files import default_db_path
    from .store.identity import same_file

    def resolve(kind, words):
        raise _NeedsLookup()

    values: dict = {}
    try:
        for dim in REGISTRY:
            values.update(dim.from_args(args, resolve))
    except _NeedsLookup:
        return None
    f = EventFilter(**values)
    path = Path(args.db or default_db_path())
    output = args.output
    if output is not None:
        # The library itself, its logs, a link to either: the ordinary path refuses them (and no
        # plain read of the file may happen here while this process has it open through SQLite).
        try:
            if ((same_file(output.parent, path.parent) and output.name.startswith(path.name))
                    or any(same_file(output, f"{path}{suffix}") for suffix in ("", "-wal", "-shm", "-journal"))):
                return None
        except OSError:
            return None
    fast = FastExport.open(path, f)
    if fast is None and not (f.text or f.tags) and catch_up(path):  # (after an edit: its rows first)
        fast = FastExport.open(path, f)
    if fast is None:
        return None
    try:
        from .output.atomic_write import write_atomically, writes_through

        description = fast.describe()
        # what is written to a stream cannot be taken back: checked first
        if (output is None or writes_through(output)) and not fast.all_paired():
            return None
        if output is not None:
            _checked_output(output, "")
            try:
                count = write_atomically(output, lambda out: fast.write(out, excel=args.excel, warn=_warn))
            except Unpaired:  # the partial file was removed; the ordinary path renders the rows
                return None
            print(f"{count} events ({description}) written to {output}", file=sys.stderr)
        else:
            out = sys.stdout
            if hasattr(out, "reconfigure"):
                out.reconfigure(encoding="utf-8", newline="")
            fast.write(out, excel=args.excel, warn=_warn)
            out.flush()
    finally:
        fast.close()
    return 0


def _export(db, args) -> int:
    from .output.export import (
        export_agreements,
        export_annotations,
        export_events,
        export_organisations,
        export_sources,
        keep_rows,
        write_atomically,
    )
    from .query.filters import EventFilter, describe_text

    view = _view_of(db, args)
    with db.read() as s:
        f = view.filter if view is not None else filter_from_args(s, args)
        description = describe_text(s, f)
    exchange = _exchange_export(db, args, f, description)
    if exchange is not None:
        return exchange
    handled = _export_format(db, args, f, description)
    if handled is not None:
        return handled
    if args.what == "annotations" and f.without("tags").without("text") != EventFilter():
        # export_annotations narrows by tags and text only; any other filter would be ignored
        raise UserError("export annotations takes only --tag and --search as filters")

    def write(out) -> int:
        preparing = _preparing_report()
        if args.what == "events":
            keep_rows(db, f, progress=preparing)
        with db.read() as s:
            if args.what == "events" and view is not None:
                return export_events(s, f, out, sort=view.sort, descending=view.descending, excel=args.excel,
                                     preparing=preparing, warn=_warn)
            if args.what == "events":
                return export_events(s, f, out, excel=args.excel, preparing=preparing, warn=_warn)
            if args.what == "agreements":
                return export_agreements(s, f, out, excel=args.excel, warn=_warn)
            if args.what == "organisations":
                return export_organisations(s, f, out, excel=args.excel, warn=_warn)
            if args.what == "sources":
                return export_sources(s, f, out, excel=args.excel, warn=_warn)
            return export_annotations(s, out, tags=f.tags, text_contains=f.text, excel=args.excel, warn=_warn)

    if args.output:
        _checked_output(args.output, "")  # else the error would name the temporary file
        count = write_atomically(args.output, write)
        print(f"{count} {args.what} ({description}) written to {args.output}", file=sys.stderr)
    else:
        out = sys.stdout
        if hasattr(out, "reconfigure"):
            out.reconfigure(encoding="utf-8", newline="")
        count = write(out)
        out.flush()
    return 0


# --- exchange with other tools, IR panel tables and saved views ------------------------------

EXCHANGE_COMMANDS = ("import-annotations", "import-project", "views")
EXCHANGE_FORMATS = ("w3c", "qdpx")  # the export formats these functions write (beside csv and the others)


def add_exchange_arguments(exp: argparse.ArgumentParser) -> None:
    """The export options of other formats and shapes, and of saved views. `--format` is shared
    with the other export formats: added here only if the parser does not have it yet."""
    if "--format" not in exp._option_string_actions:
        exp.add_argument("--format", default=None,
                         help="csv (the default); w3c: annotations as W3C Web Annotations (JSON-LD); "
                              "qdpx: the project as a REFI-QDA exchange file (needs -o)")
    exp.add_argument("--panel", choices=("state-year",),
                     help="memberships as a state-year panel coded as COW-IGO codes them")
    exp.add_argument("--steps", action="store_true",
                     help="agreements as a status list of their steps (participant, action, date), as the UN "
                          "Treaty Collection lists them")
    exp.add_argument("--view", metavar="NAME", help="use the filter and sort of this saved view")


def add_exchange_parsers(sub) -> None:
    ia = sub.add_parser("import-annotations", help=COMMANDS["import-annotations"])
    ia.add_argument("path", type=Path, metavar="FILE")
    ip = sub.add_parser("import-project", help=COMMANDS["import-project"])
    ip.add_argument("path", type=Path, metavar="FILE")
    views = sub.add_parser("views", help=COMMANDS["views"])
    vsub = views.add_subparsers(dest="views_command", required=True, parser_class=_Parser)
    vl = vsub.add_parser("list", help="the saved views, with what each shows")
    vl.add_argument("--json", action="store_true", help="print JSON")
    vr = vsub.add_parser("rename", help="rename a saved view")
    vr.add_argument("name", metavar="NAME")
    vr.add_argument("new_name", metavar="NEW_NAME")
    vd = vsub.add_parser("delete", help="delete a saved view")
    vd.add_argument("name", metavar="NAME")


def _view_of(db, args) -> OpenedView | None:
    """The saved view `--view` names (its dropped parts said on stderr); filter options beside it
    are refused, since the view is the filter."""
    if not getattr(args, "view", None):
        return None
    from .query.filters import EventFilter
    from .research.saved_views import filter_from_view

    with db.read() as s:
        if filter_from_args(s, args) != EventFilter():
            raise UserError("give either --view or filter options, not both")
    opened = filter_from_view(db, args.view)
    for dropped in opened.dropped:
        _warn(f"the view {opened.view.name!r} named {dropped}; it was left out")
    return opened


def _exchange_export(db, args, f: EventFilter, description: str) -> int | None:
    """The exports in other formats and shapes; None for a plain CSV export of the kind."""
    from .output import panels
    from .output.export import write_atomically
    from .query.filters import EventFilter

    fmt = (getattr(args, "format", None) or "csv").lower()
    if fmt not in ("csv", *EXCHANGE_FORMATS):  # a workbook or a bibliography: _export_format's
        if args.what in ("memberships", "project") or args.panel or args.steps:
            raise UserError(f"--format {fmt} is not for export {args.what}"
                            f"{' --panel' if args.panel else ''}{' --steps' if args.steps else ''}")
        return None
    if (fmt == "w3c" and args.what != "annotations") or (fmt == "qdpx" and args.what != "project"):
        raise UserError(f"--format {fmt} exports {'annotations' if fmt == 'w3c' else 'project'} only")
    if args.what == "project" and fmt != "qdpx":
        raise UserError("export project needs --format qdpx")
    if (args.panel and args.what != "memberships") or (args.steps and args.what != "agreements"):
        raise UserError("--panel goes with export memberships, --steps with export agreements")
    if args.what == "memberships" and not args.panel:
        raise UserError("export memberships needs --panel state-year")
    if args.what in ("memberships", "agreements") and (args.panel or args.steps):
        refused = panels.applicable(f)
        if refused:
            raise UserError(f"export {args.what} --{'panel' if args.panel else 'steps'} cannot filter by "
                            f"{', '.join(refused)}")
    if fmt == "qdpx":
        from .output.qdpx import write_qdpx

        if not args.output:
            raise UserError("a .qdpx is a zip file: give -o FILE")
        _checked_output(args.output, "")
        with db.read() as s:
            count = write_qdpx(s, args.output, f)
        print(f"{count} sources ({description}) written to {args.output}", file=sys.stderr)
        return 0
    if fmt == "w3c":
        if f.without("tags").without("text") != EventFilter():
            raise UserError("export annotations takes only --tag and --search as filters")
        from .output.annotations_w3c import write_w3c

        def write(out) -> int:
            with db.read() as s:
                return write_w3c(s, out, tags=f.tags, text_contains=f.text)
    elif args.panel or args.steps:
        def write(out) -> int:
            with db.read() as s:
                if args.panel:
                    return panels.export_membership_panel(s, f, out, excel=args.excel, warn=_warn)
                return panels.export_agreement_steps(s, f, out, excel=args.excel, warn=_warn)
    else:
        return None
    if args.output:
        _checked_output(args.output, "")
        count = write_atomically(args.output, write)
        print(f"{count} rows ({description}) written to {args.output}", file=sys.stderr)
    else:
        out = sys.stdout
        if hasattr(out, "reconfigure"):
            out.reconfigure(encoding="utf-8", newline="")
        write(out)
        out.flush()
    return 0


def _exchange_command(db, args) -> int:
    if args.command == "import-annotations":
        from .output.annotations_w3c import read_w3c

        result = read_w3c(db, args.path)
        for label, why in result.skipped:
            print(f"skipped {label}: {why}", file=sys.stderr)
        print(f"{args.path}: {result.summary()}")
        return 0
    if args.command == "import-project":
        from .output.qdpx import read_qdpx

        project = read_qdpx(db, args.path)
        for why in project.skipped:
            print(f"skipped {why}", file=sys.stderr)
        print(f"{args.path}: {project.summary()}")
        return 0
    from .query.filters import describe_text
    from .research import saved_views as views

    if args.views_command == "list":
        with db.read() as s:
            found = views.list_views(s)
            described = {v.name: describe_text(s, views.rebuild_filter(s, v.filter)[0]) for v in found}
        if args.json:
            print(json.dumps([{"name": v.name, "filter": v.filter, "sort": v.sort, "descending": v.descending,
                               "lanes": v.lanes, "shows": described[v.name],
                               "updated_at": v.updated_at.isoformat(timespec="seconds")} for v in found],
                             indent=2, ensure_ascii=False))
        elif not found:
            print("no saved views yet (save one in the app: View → Saved views)")
        for v in found if not args.json else ():
            order = f"{v.sort}{' descending' if v.descending else ''}"
            print(f"{v.name}: {described[v.name]} (sorted by {order}; chart lanes by {v.lanes})")
        return 0
    if args.views_command == "rename":
        renamed, _before, _ = views.rename_view(db, args.name, args.new_name)
        print(f"renamed the view {args.name!r} to {renamed.name!r}")
        return 0
    deleted, _ = views.delete_view(db, args.name)
    print(f"deleted the view {deleted.name!r}")
    return 0


def _file_commands(args) -> int | None:
    """Commands that work on the file itself, without opening it as a live database."""
    if args.command not in ("restore", "backups"):
        return None
    from .store.backups import backups_dir, list_backups, restore, verified

    path = args.db or default_db_path()
    if args.command == "restore":
        aside = restore(path, args.path)
        kept = f"; the replaced contents were kept as {aside}" if aside else ""
        print(f"restored {path} from {args.path}{kept}")
        return 0
    if args.command == "backups":
        found = list_backups(path)
        if not found:
            print(f"no backups of {path} yet (they go to {backups_dir()})")
        for info in found:
            state = "verified" if verified(info.path) else "FAILED CHECK"
            print(f"{info.made_at:%Y-%m-%d %H:%M:%S}  {info.reason:<22} {info.size:>10} bytes  {state}  {info.path}")
        return 0
    return None


def _bench(args) -> int:
    from .bench import run as bench
    from .bench import synthetic

    path = args.db or default_db_path()
    if args.bench_command == "generate":
        for option, value in (("--events", args.events), ("--sources", args.sources)):
            if value is not None and value < 1:
                raise UserError(f"{option} must be at least 1 (got {value})")
        if path.exists():
            raise UserError(f"{path} exists; give a new file with --db")
        synthetic.generate(path, events=args.events, sources=args.sources, seed=args.seed,
                           progress=lambda msg: print(msg, file=sys.stderr)).close()
        print(f"wrote {args.events} synthetic events to {path}")
        return 0
    if not path.exists():
        raise UserError(f"{path} does not exist; make one with `azrel --db {path} bench generate`")
    report = bench.run(path, repeat=max(1, args.repeat), gui=args.gui, peers=args.peers)
    print(report.to_json() if args.json else report.to_text())
    return 0


def _check_text(argv: Sequence[str]) -> None:
    """An argument the system could not decode (bytes that are not text in its encoding, kept
    as lone surrogates) is refused by name rather than failing deep inside with a traceback."""
    previous = None
    for arg in argv:
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            where = f"the value of {previous}" if previous and previous.startswith("-") else "an argument"
            raise UserError(f"{where} is not valid text (it holds bytes that are not characters in "
                            "the system's encoding)") from None
        previous = arg


def run(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    _check_text(argv)
    named = [arg for arg in argv if arg in COMMANDS]
    args = (build_parser(named) if named else shallow_parser()).parse_args(argv)
    if args.command == "bench":
        return _bench(args)
    handled = _file_commands(args)
    if handled is not None:
        return handled
    if args.command == "export":
        handled = _fast_export(args)
        if handled is not None:
            return handled
    if args.command == "stats":
        handled = _quick_stats(args)
        if handled is not None:
            return handled
    from .opening import open_database

    # `check` reads every page before anything else: a damaged file is then moved aside and its
    # newest verified backup named (or the user's records salvaged), as at any open of old.
    db = open_database(args.db, whole_check=args.command == "check")
    if db.notice:
        print(f"azrel: {db.notice}", file=sys.stderr)
    try:
        if args.command == "init":
            st = _stats(db)
            print(f"{db.path}: {st['events']} events, {st['agreements']} agreements, "
                  f"{st['sources']} sources, seed corpus version {st['seed_version']}")
        elif args.command == "stats":
            _print_stats(_stats(db), args.json)
        elif args.command == "check":
            from .corpus.evidence import stale_grades
            from .store.integrity import check_database

            with db.read() as s:
                report = check_database(s, also=[("evidence", stale_grades)])
            for problem in report.problems:
                print(problem)
            if not report.ok:
                print(f"{len(report.problems)} problem(s) found in {db.path}", file=sys.stderr)
                return 1
            yours = (f" ({report.user_citations_verified} of them yours)"
                     if report.user_citations_verified else "")
            print(f"ok: integrity check passed; {report.passages_verified} passages and "
                  f"{report.citations_verified} citations{yours} verified against their sources")
        elif args.command == "export":
            return _export(db, args)
        elif args.command == "report":
            return _report(db, args)
        elif args.command in ("add", "edit", "delete"):
            from .research import commands as record_commands
            from .service import Library

            return record_commands.run(Library(db), args)
        elif args.command in ("import", "sources", "edit-source"):
            from .sources import commands as source_commands

            return source_commands.run(db, args, UserError)
        elif args.command in EXCHANGE_COMMANDS:
            return _exchange_command(db, args)
        elif args.command == "backup":
            from .store.backups import make_backup

            info = make_backup(db.path, args.path)
            print(f"backed up {db.path} to {info.path} ({info.size} bytes, verified)")
        return 0
    finally:
        db.close()


def _output_that_cannot_fail(*streams) -> None:
    """Output redirected to a file or a pipe is written as UTF-8, whatever the system's code
    page: on Windows it would be cp1252 or cp1254, which cannot encode a path such as
    C:\\Users\\Məmmədov, and printing it crashed. A terminal keeps its own encoding (the Windows
    console takes any character), with what it cannot show replaced by "?"."""
    import codecs

    for stream in streams:
        if not hasattr(stream, "reconfigure"):
            continue  # replaced by something without an encoding of its own
        try:
            terminal = stream.isatty()
            if terminal:
                stream.reconfigure(errors="replace")
            elif codecs.lookup(stream.encoding or "ascii").name != "utf-8":
                stream.reconfigure(encoding="utf-8", errors="backslashreplace")
            else:  # a lone surrogate from an undecodable file name must not crash either
                stream.reconfigure(errors="backslashreplace")
        except (OSError, ValueError, LookupError):
            continue


# Errors that are the user's to fix, printed as one line; each module is imported by the
# command that can raise its error, so only those already imported are looked up.
_ONE_LINE_ERRORS = (
    ("corpus.seed", "SeedError"),
    ("query.lookup", "LookupError_"),
    ("corpus.dates", "DateError"),
    ("research.annotations", "AnnotationError"),
    ("research.drafts", "RecordError"),
    ("research.quotes", "QuoteError"),
    ("output.export", "OutputError"),
    ("output.atomic_write", "OutputError"),
    ("output.citations", "StyleError"),
    ("research.saved_views", "ViewError"),
    ("output.annotations_w3c", "W3CError"),
    ("output.qdpx", "QdpxError"),
)


def _one_line_errors() -> tuple[type[BaseException], ...]:
    found: list[type[BaseException]] = [UserError, DatabaseError]
    for module, name in _ONE_LINE_ERRORS:
        loaded = sys.modules.get(f"{__package__}.{module}")
        if loaded is not None:
            found.append(getattr(loaded, name))
    return tuple(found)


def main(argv: Sequence[str] | None = None) -> int:
    from .errors import ExportCancelled

    _output_that_cannot_fail(sys.stdout, sys.stderr)
    try:
        return run(argv)
    except KeyboardInterrupt:
        print("azrel: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        if isinstance(exc, _one_line_errors()):
            print(f"azrel: error: {exc}", file=sys.stderr)
            return 2
        if isinstance(exc, ExportCancelled):
            print("azrel: export cancelled", file=sys.stderr)
            return 130
        if isinstance(exc, BrokenPipeError):
            return 0
        if isinstance(exc, OSError):
            print(f"azrel: error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
            return 1
        raise

if __name__ == "__main__":
    sys.exit(main())
