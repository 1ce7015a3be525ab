"""The `azrel import`, `azrel sources` and `azrel edit-source` subcommands.

`import` prints one line per file (what became of it) and a summary line, and exits 1 when any
file failed (2 for a mistake on the command line, before anything is imported).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .reading import SUPPORTED, SourceMetadata

FIELDS = ("title", "published", "publisher", "author", "url", "language", "kind", "reliability", "data_as_of")


def add_parsers(sub, parser_class) -> None:
    imp = sub.add_parser("import", help="import your own sources (text, Markdown, HTML, PDF, DOCX, "
                         "CSL-JSON, BibTeX, RIS)")
    imp.add_argument("paths", nargs="+", type=Path, metavar="PATH", help=f"files to import ({', '.join(SUPPORTED)})")
    _metadata_options(imp, "(given: over what the file says)")
    imp.add_argument("--replaces", metavar="SOURCE",
                     help="the file is a new version of this source (id or title): its passages re-anchor")
    imp.add_argument("--again", action="store_true", help="import a file even if it is already imported")
    imp.add_argument("--json", action="store_true", help="print JSON")
    ls = sub.add_parser("sources", help="list sources, or those whose text holds words")
    ls.add_argument("--search", default="", metavar="TEXT", help="words in the sources' titles and texts")
    ls.add_argument("--mine", action="store_true", help="only the sources you imported")
    ls.add_argument("--json", action="store_true", help="print JSON")
    ed = sub.add_parser("edit-source", help="change a source's metadata")
    ed.add_argument("source", metavar="SOURCE", help="the source's id or title")
    _metadata_options(ed, "")


def _metadata_options(p: argparse.ArgumentParser, note: str) -> None:
    g = p.add_argument_group(f"metadata {note}".strip())
    g.add_argument("--title")
    g.add_argument("--published", metavar="DATE", help="EDTF (2024-05-03, 2024-05, 2024) or a phrase (May 2024)")
    g.add_argument("--publisher")
    g.add_argument("--author", help="authors, separated by '; '")
    g.add_argument("--url")
    g.add_argument("--language", help="language code, e.g. en, az, ru")
    g.add_argument("--kind", help="kind of source, e.g. news report, essay, report")
    g.add_argument("--reliability", help="a note on how far the source can be trusted (e.g. Admiralty B)")
    g.add_argument("--data-as-of", dest="data_as_of", metavar="DATE", help="the date its data describe")


def _metadata(args) -> SourceMetadata:
    return SourceMetadata(**{k: getattr(args, k) for k in FIELDS})


def run(db, args, user_error) -> int:
    from ..query.lookup import resolve
    from ..service import Library

    library = Library(db)
    if args.command == "sources":
        rows = library.sources(args.search, own_only=args.mine)
        if args.json:
            print(json.dumps([{**r.__dict__, "imported_at": r.imported_at.isoformat() if r.imported_at else None}
                              for r in rows], indent=2, ensure_ascii=False))
        else:
            for r in rows:
                hits = f"{r.hits:>5} hits  " if r.hits is not None else ""
                print(f"{hits}{r.id:<40} {r.published or '':<10}  {r.title}")
            print(f"{len(rows)} source{'s' if len(rows) != 1 else ''}", file=sys.stderr)
        return 0
    if args.command == "edit-source":
        with db.read() as s:
            source_id = resolve(s, "source", args.source)
        given = {k: v for k, v in _metadata(args).__dict__.items() if v is not None}
        if not given:
            raise user_error("give at least one field to change, e.g. --title or --published")
        try:
            _before, after, _changes = library.update_source_metadata(source_id, **given)
        except ValueError as exc:  # DateError is a ValueError too
            raise user_error(str(exc)) from exc
        print(f"{source_id}: " + "; ".join(f"{k} = {getattr(after, k)!r}" for k in given))
        return 0
    # import
    if len(args.paths) > 1 and (args.title or args.url):
        raise user_error("--title and --url describe one source: import that file on its own")
    replaces = None
    if args.replaces:
        if len(args.paths) != 1:
            raise user_error("--replaces takes exactly one file, the new version")
        with db.read() as s:
            replaces = resolve(s, "source", args.replaces)
    report, _changes = library.import_sources(args.paths, _metadata(args), replaces=replaces,
                                              allow_duplicates=args.again)
    if args.json:
        print(json.dumps({
            "summary": report.summary(),
            "files": [{"path": o.path, "status": o.status, "message": o.message, "source_id": o.source_id,
                       "title": o.title, "encoding": o.encoding, "media_type": o.media_type, "record": o.record,
                       "unplaced": [m.passage_id for m in o.unplaced],
                       "approximate": [m.passage_id for m in o.approximate]}
                      for o in report.outcomes]}, indent=2, ensure_ascii=False))
    else:
        for o in report.outcomes:
            print(o.message, file=sys.stderr if o.status == "failed" else sys.stdout)
            for move in o.unplaced:
                print(f"  not placed: passage {move.passage_id} “{move.quote[:80]}” "
                      f"({', '.join(move.records) or 'no record cites it'})")
            for move in o.approximate:
                print(f"  placed approximately, check: passage {move.passage_id} “{(move.new_quote or '')[:80]}”")
        print(report.summary(), file=sys.stderr)
    return 1 if report.failed else 0
