"""PDF files with a text layer: the text of each page in reading order, and where each page
starts, so a passage can say "p. 12".

Two readers fill the same interface: PDFium (pypdfium2, Apache-2.0/BSD-3: Chromium's PDF engine,
fuzzed continuously) when it is installed — two to three times quicker on text-heavy pages
(`azrel bench`: 100 PDFs of 20 pages) — else pypdf (BSD, pure Python). Neither runs
JavaScript (PDFium is used without a form environment), and only the pages' text is read, so
embedded files, form actions and links are ignored. An encrypted file (one that needs a password
to open) is refused, as is a file whose pages carry no text (a scan, which needs OCR first). A
truncated or damaged file is refused with the reader's reason.

PDFium decrypts by itself. pypdf needs the `cryptography` package for AES (the encryption of
most PDFs restricted by an owner password since Acrobat 7); it is optional at run time: the
desktop bundle leaves it out because it always carries PDFium, and where pypdf reads without
it an AES file is refused with a sentence saying what to install.
"""

from __future__ import annotations

import io
import logging
import re

from .extracted import Check, Extracted, ImportRefused, SourceMetadata
from .normalise import join_pages

MAX_PAGES = 5000
AES_NEEDS_CRYPTOGRAPHY = ("it is encrypted with AES, which needs the cryptography package to be read here "
                          "(pip install cryptography); or save an unprotected copy")


def read_pdf(data: bytes, check: Check = lambda: None) -> Extracted:
    pages, title, author, created = (_read_pdfium if pdfium_available() else _read_pypdf)(data, check)
    text, starts = join_pages(pages)
    if not text.strip():
        raise ImportRefused("its pages have no text layer (scanned: run OCR first)")
    count = len(pages)
    empty = sum(1 for p in pages if not p.strip())
    notes = [f"{empty} of {count} pages have no text (scanned pages need OCR)"] if empty else []
    if created:  # often the day it was converted, not published: said, not prefilled
        notes.append(f"the PDF says it was created on {created}")
    meta = SourceMetadata(title=_title(title), author=author, kind="report")
    return Extracted(text, "application/pdf", meta, page_starts=starts, notes=tuple(notes))


Read = tuple[list[str], str | None, str | None, str | None]  # pages' text, title, author, created


def pdfium_available() -> bool:
    """Whether PDFium reads (installed, and its library loads: a bundle missing the binary falls
    back to pypdf rather than failing every PDF)."""
    if READER == "pypdf":
        return False
    try:
        import pypdfium2  # type: ignore[import-untyped]  # noqa: F401  (it ships no type information)
    except (ImportError, OSError):
        return False
    return True


READER = "pdfium"  # "pypdf" reads with pypdf even where PDFium is installed (the tests of both)


def _counted(count: int) -> None:
    if count == 0:
        raise ImportRefused("the PDF has no pages")
    if count > MAX_PAGES:
        raise ImportRefused(f"it has {count:,} pages, over the limit of {MAX_PAGES:,}")


def _read_pdfium(data: bytes, check: Check) -> Read:
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise ImportRefused("it is encrypted with a password; save an unprotected copy first") from exc
        raise ImportRefused(f"the PDF is damaged or truncated ({_reason(exc)})") from exc
    try:
        _counted(len(doc))
        pages: list[str] = []
        for index in range(len(doc)):
            check()
            page = doc[index]
            try:
                textpage = page.get_textpage()
                try:
                    # every character in content order (explicit: 4.x's default reads by bounds)
                    pages.append(textpage.get_text_range(0, textpage.count_chars()) or "")
                finally:
                    textpage.close()
            finally:
                page.close()
        try:
            info = doc.get_metadata_dict()
        except Exception:  # a malformed info dictionary is not worth refusing the file
            info = {}
    except pdfium.PdfiumError as exc:
        raise ImportRefused(f"the PDF is damaged or truncated ({_reason(exc)})") from exc
    finally:
        doc.close()

    def field(key: str) -> str | None:
        value = str(info.get(key) or "").strip()
        return value or None

    created = field("CreationDate")
    day = re.match(r"(?:D:)?(\d{4})(\d{2})(\d{2})", created or "")
    return pages, field("Title"), field("Author"), f"{day[1]}-{day[2]}-{day[3]}" if day else None


def _read_pypdf(data: bytes, check: Check) -> Read:
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
            except (FileNotDecryptedError, NotImplementedError) as exc:
                raise ImportRefused("it is encrypted with a password; save an unprotected copy first") from exc
        _counted(len(reader.pages))
        pages: list[str] = []
        for page in reader.pages:
            check()
            pages.append(page.extract_text(extraction_mode="plain") or "")
        info = reader.metadata
    except ImportRefused:
        raise
    except DependencyError as exc:  # AES without the cryptography package (checking the password or reading a page)
        raise ImportRefused(AES_NEEDS_CRYPTOGRAPHY) from exc
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError,
            OverflowError, RecursionError, AssertionError, ZeroDivisionError, EOFError) as exc:
        raise ImportRefused(f"the PDF is damaged or truncated ({_reason(exc)})") from exc
    return pages, _info(info, "title"), _info(info, "author"), _pdf_date(info)


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
