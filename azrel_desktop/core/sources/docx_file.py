"""Word documents (.docx): paragraphs, headings and table cells in document order, with the
title, author and language from the document's properties.

Before python-docx sees the package, the zip directory is checked: every part's unpacked size
is added up (declared sizes, then the real bytes read while checking) against a limit, and a
part that unpacks to hundreds of times its packed size is refused, so a zip bomb costs
nothing. Word never writes a DTD, so a part that declares one is refused outright (no entity
can be expanded); python-docx's own parser keeps entities unresolved as a second guard.
"""

from __future__ import annotations

import io
import zipfile

from .extracted import MAX_PACK_RATIO, MAX_UNPACKED_BYTES, Extracted, ImportRefused, SourceMetadata
from .normalise import normalise

_XML_SUFFIXES = (".xml", ".rels")


def check_package(data: bytes) -> None:
    """Refuse a damaged zip, a zip bomb, or XML parts that declare a DTD."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise ImportRefused(f"the Word file is damaged or truncated ({exc})") from exc
    declared = sum(max(i.file_size, 0) for i in infos)
    if declared > MAX_UNPACKED_BYTES:
        raise ImportRefused(f"it unpacks to {declared / 2**20:.0f} MB, over the "
                            f"{MAX_UNPACKED_BYTES // 2**20} MB limit (a zip bomb?)")
    if "word/document.xml" not in archive.namelist():
        raise ImportRefused("it is a zip package but not a Word document (no word/document.xml)")
    total = 0
    for info in infos:
        if info.file_size > 1_000_000 and info.file_size > MAX_PACK_RATIO * max(info.compress_size, 1):
            raise ImportRefused(f"its part {info.filename} unpacks to {info.file_size / 2**20:.0f} MB from "
                                f"{info.compress_size / 2**10:.0f} KB (a zip bomb?)")
        if not info.filename.lower().endswith(_XML_SUFFIXES):
            continue
        try:
            with archive.open(info) as part:
                head = part.read(4096)
                total += len(head)
                # the declared size may lie: read on, counting, without keeping the bytes
                while chunk := part.read(1 << 20):
                    total += len(chunk)
                    if total > MAX_UNPACKED_BYTES:
                        raise ImportRefused(f"it unpacks to over {MAX_UNPACKED_BYTES // 2**20} MB (a zip bomb?)")
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
            raise ImportRefused(f"the Word file is damaged or truncated ({exc})") from exc
        except NotImplementedError as exc:
            raise ImportRefused(f"the Word file uses an unsupported compression ({exc})") from exc
        if b"<!DOCTYPE" in head.upper() or b"<!ENTITY" in head.upper():
            raise ImportRefused(f"its part {info.filename} declares a DTD, which Word never writes; "
                                "it was not read")


def read_docx(data: bytes) -> Extracted:
    check_package(data)
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    from lxml import etree

    try:
        document = docx.Document(io.BytesIO(data))
        lines: list[str] = []
        title_heading: str | None = None
        for block in document.iter_inner_content():
            if isinstance(block, Paragraph):
                text = block.text
                style = (block.style.name if block.style is not None else "") or ""
                if title_heading is None and text.strip() and style.lower().startswith(("title", "heading")):
                    title_heading = text.strip()
                lines.append(text)
            elif isinstance(block, Table):
                lines.extend(_table_lines(block))
        props = document.core_properties
        meta = SourceMetadata(
            title=(props.title or "").strip() or title_heading,
            author=(props.author or "").strip() or None,
            language=(props.language or "").strip().lower() or None,
            kind="document",
        )
    except ImportRefused:
        raise
    except (PackageNotFoundError, KeyError, ValueError, etree.XMLSyntaxError, zipfile.BadZipFile,
            AttributeError, TypeError, IndexError) as exc:
        raise ImportRefused(f"the Word file is damaged ({type(exc).__name__}: {str(exc)[:100]})") from exc
    return Extracted(normalise("\n\n".join(lines)), "application/vnd.openxmlformats-officedocument."
                     "wordprocessingml.document", meta)


def _table_lines(table) -> list[str]:
    """A table read row by row, its cells separated by " | " (a merged cell once)."""
    lines = []
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(p.text for p in cell.paragraphs).strip())
        if any(cells):
            lines.append(" | ".join(cells))
    return lines
