"""What reading a file gives (`Extracted`, `Bibliography` and its `Record`s), the metadata a
source can carry (`SourceMetadata`), the refusals, and the limits that keep hostile or huge files
harmless: the values every reader returns, below the readers and `reading`, which picks one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

MAX_FILE_BYTES = 100 * 2**20  # 100 MB: a 2,000-page PDF report is ~30 MB
MAX_TEXT_CHARS = 20_000_000  # what any one source may hold once extracted
MAX_UNPACKED_BYTES = 200 * 2**20  # a DOCX's parts together, unpacked (zip bombs)
MAX_PACK_RATIO = 200  # a part that unpacks to more than this times its packed size is refused

TEXT_SUFFIXES = {".txt", ".text", ".csv", ".tsv", ".log"}
MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
PDF_SUFFIXES = {".pdf"}
DOCX_SUFFIXES = {".docx"}
BIB_SUFFIXES = {".bib", ".bibtex", ".ris", ".json", ".csljson"}
SUPPORTED = sorted(TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES | DOCX_SUFFIXES
                   | BIB_SUFFIXES)


class ImportRefused(Exception):
    """A file that cannot be imported; the message is one sentence giving the reason."""


class ImportCancelled(Exception):
    """The user cancelled; whatever was not yet stored is not stored."""


@dataclass(frozen=True)
class SourceMetadata:
    """What describes a source. None means unknown (or, as an override, "keep what the file says")."""

    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    url: str | None = None
    published: str | None = None  # EDTF, checked by core/corpus/dates.py
    data_as_of: str | None = None
    kind: str | None = None
    language: str | None = None
    reliability: str | None = None

    def over(self, base: SourceMetadata) -> SourceMetadata:
        """These values where given, `base`'s elsewhere."""
        return replace(base, **{k: v for k, v in self.__dict__.items() if v not in (None, "")})


@dataclass(frozen=True)
class Extracted:
    """One file read: the normalised text, how it was read, and what the file says about itself."""

    text: str
    media_type: str
    metadata: SourceMetadata = SourceMetadata()
    encoding: str | None = None  # for text files: the encoding the bytes were decoded with
    page_starts: list[int] | None = None  # for PDFs: where each page starts in `text`
    notes: tuple[str, ...] = ()  # what the user should know (e.g. "3 pages without text")


@dataclass(frozen=True)
class Record:
    """A bibliographic record: metadata, the files it names (existing or not) and an abstract."""

    metadata: SourceMetadata
    files: tuple[Path, ...] = ()
    abstract: str = ""
    label: str = ""  # how to name the record in a message (its key or title)


@dataclass(frozen=True)
class Bibliography:
    """A file of bibliographic records (CSL-JSON, BibTeX, RIS)."""

    media_type: str
    records: tuple[Record, ...] = field(default=())


Check = Callable[[], None]  # raises ImportCancelled when the user has cancelled
