"""Sources for reference managers: CSL-JSON, BibTeX (biblatex fields) and RIS, as Zotero imports them.

Plain functions that write to a text file object. Each source becomes one item with its title,
authors (a person's name split into family and given names, a body's kept whole), publisher, URL,
date of publication, language and type (the app's kind as the nearest standard type); the app's
own kind travels too (CSL-JSON `custom`, BibTeX `azrelkind`, RIS `M3`), so that importing the file
into AzRel (core/sources/bibliography.py) gives every source back as it was.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import TextIO

from .citations import SourceInfo, csl_item, csl_type, date_parts, person_name, split_authors

FORMATS = ("csl-json", "bibtex", "ris")


def write_csl_json(sources: Iterable[SourceInfo], out: TextIO) -> int:
    items = [csl_item(s) for s in sources]
    json.dump(items, out, ensure_ascii=False, indent=2)
    out.write("\n")
    return len(items)


# --- BibTeX ----------------------------------------------------------------------------------------

_BIB_TYPES = {  # CSL type -> biblatex entry type
    "article-journal": "article", "article-newspaper": "article", "article-magazine": "article",
    "book": "book", "chapter": "incollection", "report": "report", "thesis": "thesis",
    "webpage": "online", "post": "online", "post-weblog": "online", "paper-conference": "inproceedings",
    "legislation": "legislation", "treaty": "legal", "legal_case": "jurisdiction", "dataset": "dataset",
    "entry-encyclopedia": "inreference", "entry-dictionary": "inreference", "speech": "misc",
}
_LATEX_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$",
                  "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}
_LATEX_RE = re.compile(r"[\\{}&%$#_~^]|-(?=-)")


def latex_escape(value: str) -> str:
    """Text as a BibTeX value that reads back as itself: TeX's special characters escaped, `--`
    kept from becoming a dash, white space as single spaces."""
    value = " ".join(value.split())
    return _LATEX_RE.sub(lambda m: "-{}" if m.group(0) == "-" else _LATEX_SPECIAL[m.group(0)], value)


def _bib_key(s: SourceInfo, used: set[str]) -> str:
    base = re.sub(r"[^A-Za-z0-9_:-]", "", s.id) or "source"
    key, n = base, 1
    while key in used:
        n += 1
        key = f"{base}-{n}"
    used.add(key)
    return key


def _bib_name(name: str) -> str:
    person = person_name(name)
    if person:
        return f"{latex_escape(person[1])}, {latex_escape(person[0])}"
    return "{" + latex_escape(name) + "}"  # a body: braced, so BibTeX does not split it


def write_bibtex(sources: Iterable[SourceInfo], out: TextIO) -> int:
    used: set[str] = set()
    n = 0
    for s in sources:
        fields: list[tuple[str, str]] = [("title", "{" + latex_escape(s.title or "") + "}")]
        names = split_authors(s.author)
        if names:
            fields.append(("author", "{" + " and ".join(_bib_name(x) for x in names) + "}"))
        if s.publisher:
            fields.append(("publisher", "{" + latex_escape(s.publisher) + "}"))
        if s.published:
            fields.append(("date", "{" + latex_escape(s.published) + "}"))
            parts = date_parts(s.published)
            if parts:
                fields.append(("year", "{" + str(parts[0]) + "}"))
                if len(parts) > 1:
                    fields.append(("month", "{" + str(parts[1]) + "}"))
        if s.url:
            fields.append(("url", "{" + s.url.replace("{", "%7B").replace("}", "%7D") + "}"))
        if s.language:
            fields.append(("language", "{" + latex_escape(s.language) + "}"))
        if s.kind:
            fields.append(("azrelkind", "{" + latex_escape(s.kind) + "}"))
        entry = _BIB_TYPES.get(csl_type(s.kind), "misc")
        body = ",\n".join(f"  {k} = {v}" for k, v in fields)
        out.write(f"@{entry}{{{_bib_key(s, used)},\n{body}\n}}\n\n")
        n += 1
    return n


# --- RIS -------------------------------------------------------------------------------------------

_RIS_TYPES = {
    "article-journal": "JOUR", "article-newspaper": "NEWS", "article-magazine": "MGZN", "book": "BOOK",
    "chapter": "CHAP", "report": "RPRT", "thesis": "THES", "webpage": "ELEC", "post": "ELEC",
    "post-weblog": "BLOG", "paper-conference": "CPAPER", "legislation": "STAT", "treaty": "GOVDOC",
    "legal_case": "CASE", "dataset": "DATA", "entry-encyclopedia": "ENCYC", "entry-dictionary": "DICT",
    "speech": "GEN", "map": "MAP",
}


def _ris_value(value: str) -> str:
    return " ".join(value.split())  # one line per tag


def write_ris(sources: Iterable[SourceInfo], out: TextIO) -> int:
    n = 0
    for s in sources:
        lines = [("TY", _RIS_TYPES.get(csl_type(s.kind), "GEN")), ("TI", s.title or "")]
        for name in split_authors(s.author):
            person = person_name(name)
            lines.append(("AU", f"{person[1]}, {person[0]}" if person else name))
        if s.publisher:
            lines.append(("PB", s.publisher))
        if s.published:
            parts = date_parts(s.published)
            if parts:  # RIS dates are YYYY/MM/DD/ with the parts not known left empty
                lines.append(("PY", str(parts[0])))
                shown = [f"{parts[0]:04d}", *(f"{p:02d}" for p in parts[1:])]
                lines.append(("DA", "/".join(shown + [""] * (3 - len(shown))) + "/"))
            else:
                lines.append(("DA", s.published))
        if s.url:
            lines.append(("UR", s.url))
        if s.language:
            lines.append(("LA", s.language))
        if s.kind:
            lines.append(("M3", s.kind))
        lines.append(("ID", s.id))
        for tag, value in lines:
            out.write(f"{tag}  - {_ris_value(value)}\r\n")
        out.write("ER  - \r\n\r\n")
        n += 1
    return n


WRITERS = {"csl-json": write_csl_json, "bibtex": write_bibtex, "ris": write_ris}


def write_sources(sources: Iterable[SourceInfo], out: TextIO, fmt: str) -> int:
    """Write the sources in `fmt` (csl-json, bibtex or ris); return how many."""
    return WRITERS[fmt](sources, out)
