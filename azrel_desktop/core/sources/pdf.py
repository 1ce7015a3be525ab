"""PDF files with a text layer: the text of each page in reading order, and where each page
starts, so a passage can say "p. 12".

pypdf (BSD) reads the file; it runs no JavaScript, and only the pages' content streams are
read, so embedded files, form actions and links are ignored. An encrypted file (one that
needs a password to open) is refused, as is a file whose pages carry no text (a scan, which
needs OCR first). A truncated or damaged file is refused with pypdf's reason.
"""

from __future__ import annotations

import io
import logging

from .normalise import join_pages
from .reading import Check, Extracted, ImportRefused, SourceMetadata

MAX_PAGES = 5000


def read_pdf(data: bytes, check: Check = lambda: None) -> Extracted:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings about odd files are noise here
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            # An owner password alone (printing/copying restrictions) opens with the empty password.
            try:
                if not reader.decrypt(""):
                    raise ImportRefused("it is encrypted with a password; save an unprotected copy first")
            except (FileNotDecryptedError, NotImplementedError, DependencyError) as exc:
                raise ImportRefused("it is encrypted with a password; save an unprotected copy first") from exc
        count = len(reader.pages)
        if count == 0:
            raise ImportRefused("the PDF has no pages")
        if count > MAX_PAGES:
            raise ImportRefused(f"it has {count:,} pages, over the limit of {MAX_PAGES:,}")
        pages: list[str] = []
        for page in reader.pages:
            check()
            pages.append(page.extract_text(extraction_mode="plain") or "")
        info = reader.metadata
    except ImportRefused:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError,
            OverflowError, RecursionError, AssertionError, ZeroDivisionError, EOFError) as exc:
        raise ImportRefused(f"the PDF is damaged or truncated ({_reason(exc)})") from exc
    text, starts = join_pages(pages)
    if not text.strip():
        raise ImportRefused("its pages have no text layer (scanned: run OCR first)")
    empty = sum(1 for p in pages if not p.strip())
    notes = [f"{empty} of {count} pages have no text (scanned pages need OCR)"] if empty else []
    created = _pdf_date(info)
    if created:  # often the day it was converted, not published: said, not prefilled
        notes.append(f"the PDF says it was created on {created}")
    meta = SourceMetadata(title=_title(_info(info, "title")), author=_info(info, "author"), kind="report")
    return Extracted(text, "application/pdf", meta, page_starts=starts, notes=tuple(notes))


# Titles that PDF producers write when the author gave none: the file's name says more.
_PLACEHOLDER_TITLES = {"untitled", "untitled document", "document", "title", "no title", "slide 1"}


def _title(value: str | None) -> str | None:
    if not value or value.strip().lower() in _PLACEHOLDER_TITLES:
        return None
    if value.lower().startswith(("microsoft word - ", "microsoft powerpoint - ")) or value.lower().endswith(
            (".doc", ".docx", ".indd", ".tex", ".odt")):
        return None
    return value


def _reason(exc: Exception) -> str:
    text = str(exc).strip().split("\n")[0]
    return text[:120] if text else type(exc).__name__


def _info(info, key: str) -> str | None:
    if info is None:
        return None
    try:
        value = getattr(info, key)
    except Exception:  # a malformed info dictionary is not worth refusing the file
        return None
    value = str(value).strip() if value else ""
    return value or None


def _pdf_date(info) -> str | None:
    if info is None:
        return None
    try:
        created = info.creation_date
    except Exception:
        return None
    return created.date().isoformat() if created else None
