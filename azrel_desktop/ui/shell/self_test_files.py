"""Small files of every kind the source importer reads, made on the spot, for the self-test.

Importing a module proves little about a bundle: the readers need data files their packages
load only when used (python-docx's document template, the HTML extractor's word lists, the
encoding detector's tables). The self-test imports one file of each kind into its temporary
library, as the user would, and searches for the text written. It then gives one of them a new
version whose quoted sentence was edited, so the passage on it must be placed approximately
(RapidFuzz's compiled matchers, of which the bundle keeps one build).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

PHRASE = "Azerbaijan joined the Partnership for Peace of NATO in May 1994"


def _pdf() -> bytes:
    """A one-page PDF whose page shows PHRASE (written by hand: no PDF writer is a dependency)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({PHRASE}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def _docx() -> bytes:
    from docx import Document

    document = Document()  # python-docx's bundled template
    document.add_heading("Partnership for Peace", level=1)
    document.add_paragraph(PHRASE + ".")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _html() -> bytes:
    paragraph = (f"{PHRASE}. The framework document was signed in Brussels by President Heydar Aliyev, "
                 "who met the Secretary General the same day. ")
    return (f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Azerbaijan and NATO</title></head>"
            f"<body><nav><a href='/'>Home</a> | <a href='/news'>News</a></nav><article><h1>Azerbaijan and NATO</h1>"
            f"<p>{paragraph * 3}</p><p>{paragraph * 2}</p></article><footer>© 2024 Example News</footer>"
            f"</body></html>").encode()


def samples() -> dict[str, tuple[str, Callable[[], bytes]]]:
    """Kind -> (file name, maker of its bytes)."""
    return {
        "pdf": ("report.pdf", _pdf),
        "docx": ("memo.docx", _docx),
        "html": ("article.html", _html),
        "text": ("notes.txt", lambda: f"{PHRASE} (Bakı, İlham Əliyev).\n".encode("cp1254", errors="replace")),
        "markdown": ("notes.md", lambda: f"# Notes\n\n*{PHRASE}*.\n".encode()),
        "bibliography": ("refs.ris", lambda: b"TY  - RPRT\r\nTI  - " + PHRASE.encode() + b"\r\nPY  - 1994\r\nER  - \r\n"),
    }


def import_every_kind(library, folder: Path) -> dict[str, str]:
    """Import one file of each kind into `library` (a Library) through the importer; kind ->
    how it was read. Raises if a file is refused or its stored text lacks the phrase written."""
    paths = {}
    for kind, (name, make) in samples().items():
        paths[kind] = folder / name
        paths[kind].write_bytes(make())
    report, _changes = library.import_sources(list(paths.values()))
    by_file = {Path(o.path).name: o for o in report.outcomes}
    found = {}
    for kind, path in paths.items():
        outcome = by_file.get(path.name)
        if outcome is None or outcome.status != "imported":
            raise RuntimeError(f"the {kind} file was not imported: {outcome.message if outcome else 'no outcome'}")
        found[kind] = outcome.media_type or "?"
    words = PHRASE.split(" in ")[0]
    hits = {row.title for row in library.sources(f'"{words}"', own_only=True)}
    if len(hits) < len(paths) - 1:  # a bibliography record without its file may hold only the title
        raise RuntimeError(f"a search for the phrase written found {len(hits)} of the {len(paths)} files")
    return found


QUOTED = "The framework document was signed in Brussels by President Heydar Aliyev in May 1994."
EDITED = "The framework document was signed at NATO headquarters by President Heydar Aliyev in May 1994."


def reanchor_a_new_version(library, folder: Path) -> str:
    """Import a text, mark a passage on its second sentence, then import a new version in which
    that sentence was edited: the passage must be placed approximately on the edited sentence.
    Returns how it was placed and how alike; raises otherwise."""
    first, _ = library.import_sources([_write(folder / "version-1.txt", f"{PHRASE}. {QUOTED} The end.")])
    (outcome,) = first.outcomes
    if outcome.status != "imported":
        raise RuntimeError(f"the text to re-version was not imported: {outcome.message}")
    body = library.source(outcome.source_id).text
    start = body.index(QUOTED)
    view, _ = library.annotate_selection(outcome.source_id, start, start + len(QUOTED), "self-test")
    report, _ = library.replace_source_text(
        outcome.source_id, _write(folder / "version-2.txt", f"Updated. {PHRASE}. {EDITED} The end."))
    (replaced,) = report.outcomes
    moves = {move.passage_id: move.how for move in replaced.moves}
    if replaced.status != "replaced" or moves.get(view.target_id) != "fuzzy":
        raise RuntimeError(f"the edited passage was not placed approximately: {replaced.status}, {moves}")
    page = library.source(outcome.source_id)
    (passage,) = [p for p in page.passages if p.id == view.target_id]
    if page.text[passage.start:passage.end] != EDITED:
        raise RuntimeError(f"the edited passage was placed on {page.text[passage.start:passage.end]!r}")
    return "placed approximately on the edited sentence"


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
