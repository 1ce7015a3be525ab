"""`read_file`, which picks the reader for a file by its content first and its name second,
reads the file within the limits, and gives its language when the file does not say. What a
reader returns, the metadata and the limits are `extracted`'s, named from here too.

Every refusal is an `ImportRefused` whose message is one sentence naming the reason; the
importer puts the file's name in front.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .extracted import (  # noqa: F401 - re-exported: the readers' values, named from here too
    BIB_SUFFIXES,
    DOCX_SUFFIXES,
    HTML_SUFFIXES,
    MARKDOWN_SUFFIXES,
    MAX_FILE_BYTES,
    MAX_PACK_RATIO,
    MAX_TEXT_CHARS,
    MAX_UNPACKED_BYTES,
    PDF_SUFFIXES,
    SUPPORTED,
    TEXT_SUFFIXES,
    Bibliography,
    Check,
    Extracted,
    ImportCancelled,
    ImportRefused,
    Record,
    SourceMetadata,
)


def _sniff(head: bytes) -> str | None:
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    return None


def kind_of(path: Path, head: bytes) -> str:
    """'pdf', 'docx', 'html', 'markdown', 'text' or 'bibliography' — or refusal."""
    suffix = path.suffix.lower()
    sniffed = _sniff(head)
    if sniffed == "pdf":
        return "pdf"
    if sniffed == "zip":
        if suffix in DOCX_SUFFIXES:
            return "docx"
        raise ImportRefused(f"it is a zip archive ({suffix or 'no extension'}), not a file type AzRel reads; "
                            f"supported: {', '.join(SUPPORTED)}")
    if suffix in PDF_SUFFIXES:
        raise ImportRefused("it is named .pdf but is not a PDF (it does not start with %PDF); "
                            "the file is damaged or mislabelled")
    if suffix in DOCX_SUFFIXES:
        raise ImportRefused("it is named .docx but is not a Word document (not a zip package); "
                            "the file is damaged or mislabelled")
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in BIB_SUFFIXES:
        return "bibliography"
    if suffix in {".doc", ".odt", ".rtf", ".epub", ".pages", ".mht", ".mhtml", ".webarchive"}:
        raise ImportRefused(f"{suffix} files are not supported; save it as .docx, .pdf, .html or .txt first "
                            f"(supported: {', '.join(SUPPORTED)})")
    raise ImportRefused(f"the file type {suffix or '(no extension)'} is not supported "
                        f"(supported: {', '.join(SUPPORTED)})")


def read_bytes(path: Path) -> bytes:
    """The file's bytes, refusing a folder, a missing, unreadable, empty or oversized file."""
    try:
        if path.is_dir():
            raise ImportRefused("it is a folder, not a file")
        size = path.stat().st_size
    except OSError as exc:
        raise ImportRefused(f"it cannot be read ({exc.strerror or exc})") from exc
    if size > MAX_FILE_BYTES:
        raise ImportRefused(f"it is {size / 2**20:.0f} MB, over the {MAX_FILE_BYTES // 2**20} MB limit for one file")
    if size == 0:
        raise ImportRefused("it is empty")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportRefused(f"it cannot be read ({exc.strerror or exc})") from exc
    if not data:
        raise ImportRefused("it is empty")
    if len(data) > MAX_FILE_BYTES:  # it grew since stat()
        raise ImportRefused(f"it is over the {MAX_FILE_BYTES // 2**20} MB limit for one file")
    return data


def read_file(path: Path, data: bytes, check: Check = lambda: None) -> Extracted | Bibliography:
    """Read `data` (the bytes of `path`) with the reader for its kind."""
    kind = kind_of(path, data[:8])
    if kind == "pdf":
        from .pdf import read_pdf

        result: Extracted | Bibliography = read_pdf(data, check)
    elif kind == "docx":
        from .docx_file import read_docx

        result = read_docx(data)
    elif kind == "html":
        from .html_page import read_html

        result = read_html(data)
    elif kind == "markdown":
        from .plain import read_markdown

        result = read_markdown(data)
    elif kind == "text":
        from .plain import read_text

        result = read_text(data)
    else:
        from .bibliography import read_bibliography

        result = read_bibliography(path, data)
    if isinstance(result, Extracted):
        if not result.text.strip():
            raise ImportRefused("it holds no text")
        if len(result.text) > MAX_TEXT_CHARS:
            raise ImportRefused(f"its text is {len(result.text):,} characters, over the "
                                f"{MAX_TEXT_CHARS:,} limit for one source")
        result = with_language(result)
    return result


def with_language(extracted: Extracted) -> Extracted:
    """`extracted` with the language its text is in, detected when the file does not say (an
    HTML page's `lang`, a DOCX's or a Markdown file's own field win), and a note saying so."""
    if extracted.metadata.language:
        return extracted
    from .language import described, detect_language

    code = detect_language(extracted.text)
    if code is None:
        return extracted
    return replace(extracted, metadata=replace(extracted.metadata, language=code),
                   notes=(*extracted.notes, f"language detected: {described(code)}"))
