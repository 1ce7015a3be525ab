"""Bibliographic records from Zotero or any reference manager: CSL-JSON, BibTeX and RIS.

Each record becomes a source with its metadata; a record that names an attached file which
exists brings that file's text in (the importer reads it like any other file). Paths are read
as the reference managers write them: Zotero's BibTeX `file = {Label:path:mime;...}`, Better
BibTeX's `file = {path;path}`, RIS `L1`/`L4` with a path or a file:// address, and a CSL-JSON
`file` (a Zotero extension); a relative path is taken from the folder of the bibliography.
Nothing is fetched: a URL stays a URL.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from urllib.parse import unquote, urlparse

from .extracted import Bibliography, ImportRefused, Record, SourceMetadata
from .plain import decode

# --- dates and names -------------------------------------------------------------------------


def _edtf(year, month=None, day=None) -> str | None:
    try:
        y = int(str(year).strip()[:4])
    except (TypeError, ValueError):
        return None
    out = f"{y:04d}"
    try:
        if month:
            m = int(month)
            if 1 <= m <= 12:
                out += f"-{m:02d}"
                if day and 1 <= int(day) <= 31:
                    out += f"-{int(day):02d}"
    except (TypeError, ValueError):
        pass
    return out


_MONTHS = {name: i for i, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}


def _month(value: str | None) -> int | None:
    if not value:
        return None
    value = value.strip().lower()
    if value.isdigit():
        return int(value)
    return _MONTHS.get(value[:3])


def _join_authors(names: list[str]) -> str | None:
    names = [n.strip() for n in names if n and n.strip()]
    return "; ".join(names) or None


def _file_path(value: str, base: Path) -> Path | None:
    value = value.strip()
    if not value:
        return None
    if value.lower().startswith("file:"):
        parsed = urlparse(value)
        value = unquote(parsed.path)
        if re.match(r"^/[A-Za-z]:/", value):  # file:///C:/...
            value = value[1:]
    elif re.match(r"^[a-z][a-z0-9+.-]*://", value, re.IGNORECASE):
        return None  # http://, internal-pdf:// ... are not files here
    path = Path(value).expanduser()
    return path if path.is_absolute() else base / path


# --- CSL-JSON ----------------------------------------------------------------------------------


def _csl_date(value) -> str | None:
    if not isinstance(value, dict):
        return None
    parts = value.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
        return _edtf(*parts[0][:3])
    raw = value.get("raw") or value.get("literal")
    return str(raw) if raw else None


def _csl_name(name) -> str:
    if not isinstance(name, dict):
        return str(name)
    if name.get("literal"):
        return str(name["literal"])
    return " ".join(str(name[k]) for k in ("given", "non-dropping-particle", "family") if name.get(k))


def read_csl_json(data: bytes, base: Path) -> Bibliography:
    try:
        items = json.loads(decode(data)[0])
    except (json.JSONDecodeError, ImportRefused) as exc:
        raise ImportRefused("it is named .json but is not valid JSON (CSL-JSON expected)") from exc
    if isinstance(items, dict):
        items = items.get("items", [items])
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items) or not items \
            or not any("title" in i or "type" in i for i in items):
        raise ImportRefused("it is JSON but not CSL-JSON (a list of items with a title or type)")
    records = []
    for item in items:
        files = item.get("file") or item.get("files") or []
        if isinstance(files, str):
            files = files.split(";")
        meta = SourceMetadata(
            title=_str(item.get("title")),
            author=_join_authors([_csl_name(n) for n in item.get("author") or [] if n]),
            publisher=_str(item.get("publisher")) or _str(item.get("container-title")),
            url=_str(item.get("URL")) or (f"https://doi.org/{item['DOI']}" if item.get("DOI") else None),
            published=_csl_date(item.get("issued")),
            language=_str(item.get("language")),
            # AzRel's own kind, which its export keeps beside the standard type
            kind=_str((item.get("custom") or {}).get("azrel-kind") if isinstance(item.get("custom"), dict)
                      else None) or _str(item.get("type")),
        )
        paths = tuple(p for p in (_file_path(str(f), base) for f in files) if p is not None)
        records.append(Record(meta, paths, _str(item.get("abstract")) or "",
                              _str(item.get("id")) or meta.title or "item"))
    return Bibliography("application/vnd.citationstyles.csl+json", tuple(records))


def _str(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        value = value[0] if value else ""
    value = str(value).strip()
    return value or None


# --- BibTeX ----------------------------------------------------------------------------------

_ACCENTS = {"'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303", "=": "\u0304",
            ".": "\u0307", "u": "\u0306", "v": "\u030c", "c": "\u0327", "H": "\u030b", "k": "\u0328"}
_SYMBOLS = {"i": "ı", "j": "ȷ", "ss": "ß", "o": "ø", "O": "Ø", "ae": "æ", "AE": "Æ", "oe": "œ",
            "OE": "Œ", "aa": "å", "AA": "Å", "l": "ł", "L": "Ł", "&": "&", "%": "%", "$": "$",
            "#": "#", "_": "_", "{": "{", "}": "}"}
_ACCENT_CMD = re.compile(r"\\([`'^\"~=.]|[uvcHk](?![A-Za-z]))\s*(?:\{\s*(\\?[A-Za-z])\s*\}|(\\?[A-Za-z]))")
_SYMBOL_CMD = re.compile(r"\\(?:(ss|ae|AE|oe|OE|aa|AA|[ijoOlL])(?![A-Za-z])\s?|([&%$#_]))")
# Escapes that must survive the removal of grouping braces and the reading of `~` as a space.
_KEPT = {r"\textbackslash{}": "\ue100", r"\textasciitilde{}": "\ue101", r"\textasciicircum{}": "\ue102",
         r"\{": "\ue103", r"\}": "\ue104"}
_KEPT_BACK = {"\ue100": "\\", "\ue101": "~", "\ue102": "^", "\ue103": "{", "\ue104": "}"}


def latex_to_text(value: str) -> str:
    def symbol(m: re.Match) -> str:
        return m.group(2) if m.group(2) else _SYMBOLS.get(m.group(1), m.group(0))

    def accent(m: re.Match) -> str:
        base = m.group(2) or m.group(3) or ""
        base = {"\\i": "i", "\\j": "j"}.get(base, base)
        return unicodedata.normalize("NFC", base + _ACCENTS[m.group(1)])

    for escaped, mark in _KEPT.items():
        value = value.replace(escaped, mark)
    value = _ACCENT_CMD.sub(accent, value)
    value = _SYMBOL_CMD.sub(symbol, value)
    value = value.replace("---", "—").replace("--", "–").replace("~", "\u00a0")
    value = re.sub(r"\\(?:emph|textit|textbf|textsc|url|mkbibquote)\s*", "", value)
    value = value.replace("{", "").replace("}", "")
    value = re.sub(r"\s+", " ", value).strip()
    return re.sub("[\ue100-\ue104]", lambda m: _KEPT_BACK[m.group(0)], value)


class _BibParser:
    def __init__(self, text: str):
        self.s = text
        self.i = 0
        self.macros = {m: m.capitalize() for m in _MONTHS}

    def entries(self):
        while True:
            at = self.s.find("@", self.i)
            if at == -1:
                return
            self.i = at + 1
            m = re.compile(r"\s*([A-Za-z]+)\s*([{(])").match(self.s, self.i)
            if not m:
                continue
            kind, opener = m.group(1).lower(), m.group(2)
            closer = "}" if opener == "{" else ")"
            self.i = m.end()
            if kind in ("comment", "preamble"):
                self._skip_group(opener, closer)
                continue
            if kind == "string":
                fields = self._fields(closer)
                self.macros.update(fields)
                continue
            key_end = self.s.find(",", self.i)
            if key_end == -1:
                return
            key = self.s[self.i:key_end].strip()
            self.i = key_end + 1
            yield kind, key, self._fields(closer)

    def _skip_group(self, opener: str, closer: str) -> None:
        depth = 1
        while self.i < len(self.s) and depth:
            ch = self.s[self.i]
            depth += ch == opener
            depth -= ch == closer
            self.i += 1

    def _fields(self, closer: str) -> dict[str, str]:
        fields: dict[str, str] = {}
        name_re = re.compile(r"\s*([A-Za-z][\w:.+-]*)\s*=\s*")
        while self.i < len(self.s):
            while self.i < len(self.s) and self.s[self.i] in " \t\r\n,":
                self.i += 1
            if self.i >= len(self.s) or self.s[self.i] == closer:
                self.i += 1
                return fields
            m = name_re.match(self.s, self.i)
            if not m:
                raise ImportRefused(f"the BibTeX is malformed near {self.s[self.i:self.i + 30]!r}")
            self.i = m.end()
            fields[m.group(1).lower()] = self._value()
        return fields

    def _value(self) -> str:
        parts = []
        while True:
            while self.i < len(self.s) and self.s[self.i] in " \t\r\n":
                self.i += 1
            ch = self.s[self.i:self.i + 1]
            if ch == "{":
                start = self.i + 1
                depth = 1
                self.i += 1
                while self.i < len(self.s) and depth:
                    depth += {"{": 1, "}": -1}.get(self.s[self.i], 0) if self.s[self.i - 1] != "\\" else 0
                    self.i += 1
                parts.append(self.s[start:self.i - 1])
            elif ch == '"':
                start = self.i + 1
                self.i += 1
                depth = 0
                while self.i < len(self.s) and not (self.s[self.i] == '"' and depth == 0):
                    depth += {"{": 1, "}": -1}.get(self.s[self.i], 0)
                    self.i += 1
                parts.append(self.s[start:self.i])
                self.i += 1
            else:
                m = re.compile(r"[\w:.+-]+").match(self.s, self.i)
                if not m:
                    raise ImportRefused(f"the BibTeX is malformed near {self.s[self.i:self.i + 30]!r}")
                self.i = m.end()
                word = m.group(0)
                parts.append(self.macros.get(word.lower(), word))
            while self.i < len(self.s) and self.s[self.i] in " \t\r\n":
                self.i += 1
            if self.s[self.i:self.i + 1] == "#":
                self.i += 1
                continue
            return "".join(parts)


def _bib_files(value: str, base: Path) -> tuple[Path, ...]:
    paths = []
    for item in value.replace("\\:", "\x00").split(";"):
        pieces = item.split(":")
        raw = ":".join(pieces[1:-1]) if len(pieces) >= 3 else item
        raw = raw.replace("\x00", ":").replace("\\\\", "\\")
        path = _file_path(raw, base)
        if path is not None:
            paths.append(path)
    return tuple(paths)


def _bib_person(name: str) -> str:
    name = name.strip()
    if "," in name:  # "Family, Given"
        family, _, given = name.partition(",")
        return f"{given.strip()} {family.strip()}".strip()
    return name


def _split_names(value: str) -> list[str]:
    """BibTeX names split at each " and " outside braces (`{Ministry of Trade and Industry}` is one)."""
    names, depth, start = [], 0, 0
    for m in re.finditer(r"[{}]|\s+and\s+", value):
        token = m.group(0)
        if token == "{" and (m.start() == 0 or value[m.start() - 1] != "\\"):
            depth += 1
        elif token == "}" and (m.start() == 0 or value[m.start() - 1] != "\\"):
            depth -= 1
        elif token.strip() == "and" and depth == 0:
            names.append(value[start:m.start()])
            start = m.end()
    names.append(value[start:])
    return [n for n in names if n.strip()]


def read_bibtex(data: bytes, base: Path) -> Bibliography:
    text = decode(data)[0]
    records = []
    for kind, key, fields in _BibParser(text).entries():
        f = {k: latex_to_text(v) for k, v in fields.items() if k not in ("file", "url", "doi")}
        date = f.get("date") or _edtf(f.get("year"), _month(f.get("month")), None) if (f.get("date") or f.get("year")) else None
        url = (fields.get("url") or "").strip() or (f"https://doi.org/{fields['doi'].strip()}" if fields.get("doi") else None)
        authors = [latex_to_text(a) for a in _split_names(fields["author"])] if f.get("author") else []
        meta = SourceMetadata(
            title=f.get("title"), author=_join_authors([_bib_person(a) for a in authors]),
            publisher=f.get("publisher") or f.get("journal") or f.get("journaltitle") or f.get("booktitle")
            or f.get("institution") or f.get("organization"),
            url=url, published=date, language=f.get("langid") or f.get("language"),
            kind=f.get("azrelkind") or kind,  # AzRel's own kind, which its export keeps
        )
        records.append(Record(meta, _bib_files(fields.get("file", ""), base), f.get("abstract", ""), key))
    if not records:
        raise ImportRefused("it holds no BibTeX entries")
    return Bibliography("application/x-bibtex", tuple(records))


# --- RIS -------------------------------------------------------------------------------------

_RIS_LINE = re.compile(r"^([A-Z][A-Z0-9])  -(?: (.*))?$")


def read_ris(data: bytes, base: Path) -> Bibliography:
    text = decode(data)[0]
    records = []
    current: dict[str, list[str]] | None = None
    for line in text.splitlines():
        m = _RIS_LINE.match(line.rstrip())
        if not m:
            continue
        tag, value = m.group(1), (m.group(2) or "").strip()
        if tag == "TY":
            current = {"TY": [value]}
        elif current is not None and tag == "ER":
            records.append(_ris_record(current, base))
            current = None
        elif current is not None:
            current.setdefault(tag, []).append(value)
    if not records:
        raise ImportRefused("it holds no RIS records (TY … ER)")
    return Bibliography("application/x-research-info-systems", tuple(records))


def _ris_record(r: dict[str, list[str]], base: Path) -> Record:
    def first(*tags: str) -> str | None:
        for t in tags:
            for v in r.get(t, []):
                if v:
                    return v
        return None

    date = None
    raw = first("DA", "PY", "Y1")
    if raw and re.search(r"[~?%]|\.\.|^\d{4}-\d{2}(?:-\d{2})?/", raw):
        date = raw  # an EDTF date (approximate, uncertain, an interval), as AzRel's export writes one
    elif raw:
        bits = [b for b in re.split(r"[/-]", raw) if b != ""]
        date = _edtf(bits[0], bits[1] if len(bits) > 1 else None, bits[2] if len(bits) > 2 else None)
    authors = [_bib_person(a) for t in ("AU", "A1", "A2") for a in r.get(t, [])]
    meta = SourceMetadata(
        title=first("TI", "T1", "CT"), author=_join_authors(authors),
        publisher=first("PB", "T2", "JO", "JF", "J2"),
        url=first("UR") or (f"https://doi.org/{first('DO')}" if first("DO") else None),
        # M3 (type of work) is the more specific kind, and where AzRel's export keeps its own
        published=date, language=first("LA"), kind=first("M3") or first("TY"),
    )
    files = tuple(p for p in (_file_path(v, base) for t in ("L1", "L4") for v in r.get(t, [])) if p is not None)
    return Record(meta, files, first("AB", "N2") or "", first("ID") or meta.title or "record")


def read_bibliography(path: Path, data: bytes) -> Bibliography:
    base = path.resolve().parent
    suffix = path.suffix.lower()
    if suffix in (".json", ".csljson"):
        return read_csl_json(data, base)
    if suffix == ".ris":
        return read_ris(data, base)
    return read_bibtex(data, base)
