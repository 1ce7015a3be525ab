"""Citations and bibliographies in a CSL style: sources as CSL-JSON items, formatted by citeproc-py.

The styles (Chicago author-date, APA, Harvard) and the en-US locale are CSL files shipped in
`csl/` (CC BY-SA 3.0, see csl/LICENSES.md), so nothing is fetched at run time. citeproc-py does
not escape the data it formats, so it never writes markup here: it formats with a formatter of
private-use marker characters, and the result is parsed into `Runs` — (text, styles) pieces —
that each output (HTML, Markdown, DOCX, plain text) renders with its own escaping.
"""

from __future__ import annotations

import re
import threading
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

CSL_DIR = Path(__file__).with_name("csl")
STYLES = {  # the name a user gives -> (file, what to call it)
    "chicago-author-date": ("chicago-author-date.csl", "Chicago Manual of Style 18th edition (author-date)"),
    "apa": ("apa.csl", "APA Style 7th edition"),
    "harvard": ("harvard-cite-them-right.csl", "Harvard (Cite Them Right 12th edition)"),
}
DEFAULT_STYLE = "chicago-author-date"
LOCALE = "en-US"

Runs = tuple[tuple[str, frozenset[str]], ...]  # (text, styles such as "italic") pieces


class StyleError(ValueError):
    """An unknown citation style; the message names the known ones."""


def style_name(style: str | None) -> str:
    """The style's canonical name (`harvard-cite-them-right` is `harvard`); StyleError if unknown."""
    name = (style or DEFAULT_STYLE).strip().lower()
    if name == "harvard-cite-them-right":
        name = "harvard"
    if name not in STYLES:
        raise StyleError(f"unknown citation style {style!r}: choose one of {', '.join(STYLES)}")
    return name


# --- sources as CSL-JSON -------------------------------------------------------------------------


@dataclass(frozen=True)
class SourceInfo:
    """What a citation says about a source (its stored metadata)."""

    id: str
    title: str
    author: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: str | None = None  # EDTF
    kind: str | None = None
    language: str | None = None
    data_as_of: str | None = None


def source_infos(session, ids: Iterable[str] | None = None) -> dict[str, SourceInfo]:
    """The sources' metadata by id (all sources, or those named)."""
    from sqlalchemy import text

    sql = "SELECT id, title, author, publisher, url, published, kind, language, data_as_of FROM sources"
    if ids is None:
        rows = session.execute(text(sql + " ORDER BY title, id")).all()
    else:
        import json

        rows = session.execute(text(sql + " WHERE id IN (SELECT value FROM json_each(:ids)) ORDER BY title, id"),
                               {"ids": json.dumps(sorted(set(ids)))}).all()
    return {r[0]: SourceInfo(*r) for r in rows}


# The app's source kinds (free text: "news", "country study" …, or a type a bibliography gave)
# as the CSL item types reference managers know. A kind that already is a CSL type stays.
CSL_TYPES = frozenset((
    "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book", "broadcast",
    "chapter", "classic", "collection", "dataset", "document", "entry", "entry-dictionary",
    "entry-encyclopedia", "event", "figure", "graphic", "hearing", "interview", "legal_case",
    "legislation", "manuscript", "map", "motion_picture", "musical_score", "pamphlet",
    "paper-conference", "patent", "performance", "periodical", "personal_communication", "post",
    "post-weblog", "regulation", "report", "review", "review-book", "software", "song", "speech",
    "standard", "thesis", "treaty", "webpage",
))
_KIND_TYPES = {
    "news": "article-newspaper", "newspaper": "article-newspaper", "press release": "article-newspaper",
    "country study": "report", "report": "report", "techreport": "report", "rprt": "report",
    "essay": "document", "reprint": "document", "encyclopedia": "entry-encyclopedia",
    "encyclopedia article": "entry-encyclopedia", "web page": "webpage", "website": "webpage",
    "online": "webpage", "elec": "webpage", "misc": "document", "gen": "document",
    "treaty": "treaty", "agreement": "treaty", "statement": "speech", "speech": "speech",
    "article": "article-journal", "jour": "article-journal", "inproceedings": "paper-conference",
    "incollection": "chapter", "inbook": "chapter", "chap": "chapter", "phdthesis": "thesis",
    "mastersthesis": "thesis", "thes": "thesis", "legislation": "legislation", "law": "legislation",
}


def csl_type(kind: str | None) -> str:
    k = (kind or "").strip().lower()
    if k in CSL_TYPES:
        return k
    return _KIND_TYPES.get(k, "document")


_PARTICLES = frozenset(("de", "da", "del", "della", "der", "den", "di", "du", "la", "le", "van", "von", "ter",
                        "ten", "al", "el", "bin", "ibn", "zu", "dos", "das"))
# Words that make an author a body, never a person: "Ministry of Foreign Affairs" is not "Affairs, M."
_BODY_WORDS = frozenset((
    "ministry", "agency", "organization", "organisation", "union", "council", "office", "committee",
    "press", "service", "news", "institute", "department", "government", "bank", "assembly", "parliament",
    "nations", "university", "center", "centre", "foundation", "group", "staff", "association", "library",
    "commission", "republic", "embassy", "federation", "network", "programme", "program", "fund",
    "secretariat", "court", "forum", "corporation", "company", "inc", "ltd", "times", "post", "herald",
    "reuters", "radio", "television", "tv", "world", "international", "national", "federal", "state",
))


def split_authors(author: str | None) -> list[str]:
    """The names in a source's author field (several are joined with `; `, as imports store them)."""
    return [n.strip() for n in (author or "").split(";") if n.strip()]


def person_name(name: str) -> tuple[str, str] | None:
    """(given, family) when `name` reads as a person's name written "Given Family" (2–4 words,
    each capitalised or a particle such as "de", no digits, no word that names a body); else None:
    the name is a body's or cannot be split safely, and is cited as written. Joining the two with a
    space gives `name` back."""
    words = name.split(" ")
    if not 2 <= len(words) <= 4 or any(not w or any(c.isdigit() for c in w) for w in words):
        return None
    if any(w.lower().strip(".,") in _BODY_WORDS for w in words) or name.isupper():
        return None
    if not all(w[0].isupper() or w.lower() in _PARTICLES for w in words) or not words[0][0].isupper():
        return None
    cut = len(words) - 1
    while cut > 1 and words[cut - 1].lower() in _PARTICLES:
        cut -= 1
    return " ".join(words[:cut]), " ".join(words[cut:])


_EDTF_DAY = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def date_parts(edtf: str | None) -> list[int] | None:
    """[year, month?, day?] of a plain EDTF date ("1994", "1994-05", "1994-05-04"); None for
    anything else (approximate, seasons, intervals), which is then given as written."""
    m = _EDTF_DAY.fullmatch(edtf or "")
    if not m:
        return None
    parts = [int(m.group(1))]
    for g in m.groups()[1:]:
        if g is None:
            break
        parts.append(int(g))
    if len(parts) > 1 and not 1 <= parts[1] <= 12:
        return None
    return parts


def csl_item(src: SourceInfo, key: str | None = None) -> dict:
    """The source as a CSL-JSON item (what Zotero and citeproc read). The app's own kind is kept in
    `custom` so that the app reads the item back as it was."""
    item: dict = {"id": key or src.id, "type": csl_type(src.kind), "title": src.title or ""}
    names = []
    for name in split_authors(src.author):
        person = person_name(name)
        names.append({"given": person[0], "family": person[1]} if person else {"literal": name})
    if names:
        item["author"] = names
    if src.publisher:
        item["publisher"] = src.publisher
        if item["type"].startswith(("article", "post", "entry")):  # where a newspaper or site is named
            item["container-title"] = src.publisher
    if src.url:
        item["URL"] = src.url
    if src.published:
        parts = date_parts(src.published)
        item["issued"] = {"date-parts": [parts]} if parts else {"raw": src.published}
    if src.language:
        item["language"] = src.language
    if src.kind:
        item["custom"] = {"azrel-kind": src.kind}
    return item


# --- formatting ----------------------------------------------------------------------------------

# citeproc-py's formatters wrap styled text; these wrap it in private-use marker characters, which
# `runs` turns into styled pieces (data never holds them: `_clean` removes any).
_MARKS = {"italic": ("\ue000", "\ue001"), "bold": ("\ue002", "\ue003"), "underline": ("\ue004", "\ue005"),
          "superscript": ("\ue006", "\ue007"), "subscript": ("\ue008", "\ue009"),
          "small-caps": ("\ue00a", "\ue00b")}
_OPEN = {o: name for name, (o, _) in _MARKS.items()}
_CLOSE = {c: name for name, (_, c) in _MARKS.items()}
_ANY_MARK = re.compile("[\ue000-\ue00b]")


def _wrapper(style: str) -> type:
    start, end = _MARKS[style]

    class Wrapped(str):
        def __new__(cls, text):
            return super().__new__(cls, f"{start}{text}{end}")

    return Wrapped


class _MarkerFormatter:
    """What citeproc-py calls a formatter (a module with these names), writing markers."""

    Italic = Oblique = _wrapper("italic")
    Bold = _wrapper("bold")
    Light = str
    Underline = _wrapper("underline")
    Superscript = _wrapper("superscript")
    Subscript = _wrapper("subscript")
    SmallCaps = _wrapper("small-caps")

    @staticmethod
    def preformat(text):
        return text


def runs(marked: str) -> Runs:
    """Marked text as (text, styles) pieces; adjacent pieces of the same styles are merged."""
    out: list[tuple[str, frozenset[str]]] = []
    active: list[str] = []
    piece: list[str] = []

    def flush() -> None:
        if piece:
            styles = frozenset(active)
            text = "".join(piece)
            if out and out[-1][1] == styles:
                out[-1] = (out[-1][0] + text, styles)
            else:
                out.append((text, styles))
            piece.clear()

    for ch in marked:
        if ch in _OPEN:
            flush()
            active.append(_OPEN[ch])
        elif ch in _CLOSE:
            flush()
            if _CLOSE[ch] in active:
                active.remove(_CLOSE[ch])
        else:
            piece.append(ch)
    flush()
    return tuple(out)


def plain(r: Runs) -> str:
    return "".join(t for t, _ in r)


def _clean(value):
    """Data with any marker character removed (a title cannot fake a style)."""
    if isinstance(value, str):
        return _ANY_MARK.sub("", value)
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    return value


_LOCALE_LOCK = threading.Lock()
_STYLE_BYTES: dict[str, bytes] = {}


def _style(name: str):
    """A new parsed citeproc style (they hold per-use state), with the shipped locale: citeproc-py
    reads locales from one folder of its own, pointed at ours while the style is parsed."""
    import io

    import citeproc.frontend as frontend  # type: ignore[import-untyped]  # no type information shipped
    from citeproc import CitationStylesStyle

    if name not in _STYLE_BYTES:
        _STYLE_BYTES[name] = (CSL_DIR / STYLES[name][0]).read_bytes()
    with _LOCALE_LOCK:
        saved = frontend.LOCALES_PATH
        frontend.LOCALES_PATH = str(CSL_DIR)
        try:
            return CitationStylesStyle(io.BytesIO(_STYLE_BYTES[name]), locale=LOCALE, validate=False)
        finally:
            frontend.LOCALES_PATH = saved


@dataclass(frozen=True)
class Cite:
    """One citation to format: a source and, for a paged source, the page."""

    source_id: str
    page: int | None = None


class Citer:
    """Formats citations of some sources in one style. Every citation is registered first
    (`add`), so the style can tell apart two sources of one author and year ("1997a", "1997b");
    then `cite` and `bibliography` give the formatted pieces."""

    def __init__(self, style: str | None, sources: Sequence[SourceInfo]):
        from citeproc import CitationStylesBibliography
        from citeproc.source.json import CiteProcJSON  # type: ignore[import-untyped]

        self.style = style_name(style)
        # citeproc-py lower-cases keys: the sources get keys of their own.
        self._keys = {s.id: f"s{i}" for i, s in enumerate(sources)}
        items = [_clean(csl_item(s, self._keys[s.id])) for s in sources]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            self._bib = CitationStylesBibliography(_style(self.style), CiteProcJSON(items), _MarkerFormatter)
            # The bibliography from citations without pages: citeproc-py would print a page there.
            self._whole = CitationStylesBibliography(_style(self.style), CiteProcJSON(items), _MarkerFormatter)
        self._citations: dict[Cite, object] = {}
        self._listed: set[str] = set()

    def add(self, cite: Cite) -> None:
        from citeproc import Citation, CitationItem
        from citeproc.source import Locator  # type: ignore[import-untyped]

        if cite in self._citations or cite.source_id not in self._keys:
            return
        extra = {"locator": Locator("page", str(cite.page))} if cite.page else {}
        citation = Citation([CitationItem(self._keys[cite.source_id], **extra)])
        self._bib.register(citation)
        self._citations[cite] = citation
        if cite.source_id not in self._listed:
            self._listed.add(cite.source_id)
            self._whole.register(Citation([CitationItem(self._keys[cite.source_id])]))

    def cite(self, cite: Cite) -> Runs:
        """The in-text citation, as the style writes it ("(NATO 1994, 3)")."""
        self.add(cite)
        citation = self._citations.get(cite)
        if citation is None:
            return ()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return runs(str(self._bib.cite(citation, lambda item: None)))

    def bibliography(self) -> list[Runs]:
        """The entries of the sources cited so far, in the style's order."""
        if not self._citations:
            return []
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return [runs(str(entry)) for entry in self._whole.bibliography()]


def quote_prose(quote: str) -> str:
    """A passage as prose: the line breaks of a hard-wrapped text become spaces."""
    return re.sub(r"\s*\n\s*", " ", quote).strip()


def page_of(page_starts: Sequence[int] | None, offset: int) -> int | None:
    """The 1-based page a text offset falls on, for a source read page by page (a PDF)."""
    if not page_starts:
        return None
    import bisect

    return max(1, bisect.bisect_right(list(page_starts), offset))


# --- "Copy citation" -------------------------------------------------------------------------------

# The tables that cite passages for each kind of record, and how a record's heading is read.
_CITING = (
    ("event", "SELECT x.passage_id FROM event_citations x WHERE x.event_id = :id AND x.stance = 'supports'",
     "SELECT coalesce(date_text, date) || ' — ' || title FROM events WHERE id = :id"),
    ("agreement", "SELECT x.passage_id FROM agreement_steps st JOIN step_citations x ON x.step_id = st.id "
     "WHERE st.agreement_id = :id AND x.stance = 'supports' ORDER BY st.date_start",
     "SELECT title FROM agreements WHERE id = :id"),
    ("step", "SELECT x.passage_id FROM step_citations x WHERE x.step_id = :id AND x.stance = 'supports'",
     "SELECT a.title || ': ' || replace(st.step, '_', ' ') || ' ' || st.date FROM agreement_steps st "
     "JOIN agreements a ON a.id = st.agreement_id WHERE st.id = :id"),
    ("membership", "SELECT x.passage_id FROM membership_citations x WHERE x.membership_id = :id "
     "AND x.stance = 'supports'",
     "SELECT c.name || ' in ' || coalesce(o.abbreviation, o.name) || ': ' || ms.status FROM memberships ms "
     "JOIN countries c ON c.id = ms.country_id JOIN organisations o ON o.id = ms.organisation_id WHERE ms.id = :id"),
    ("organisation", "SELECT x.passage_id FROM organisation_citations x WHERE x.organisation_id = :id",
     "SELECT name FROM organisations WHERE id = :id"),
)


class CitationError(LookupError):
    """No such record or passage; the message says which."""


def citation_text(session, *, record_id: str | None = None, passage_id: str | None = None,
                  style: str | None = None) -> str:
    """Quoted passages with their citations in `style`, then the bibliography of their sources."""
    from sqlalchemy import text

    heading = None
    if passage_id is not None:
        ids = [passage_id]
    elif record_id is not None:
        ids = []
        for _kind, passages, title in _CITING:
            found = session.execute(text(title), {"id": record_id}).scalar()
            if found is not None:
                heading = found
                ids = list(dict.fromkeys(r[0] for r in session.execute(text(passages), {"id": record_id})))
                break
        else:
            raise CitationError(f"no record {record_id!r}")
    else:
        raise CitationError("name a record or a passage to cite")
    rows = []
    for pid in ids:
        row = session.execute(text("SELECT p.source_id, p.exact, p.start, s.page_starts FROM passages p "
                                   "JOIN sources s ON s.id = p.source_id WHERE p.id = :id"), {"id": pid}).first()
        if row is None:
            if passage_id is not None:
                raise CitationError(f"no passage {passage_id!r}")
            continue
        starts = row[3]
        if isinstance(starts, str):
            import json

            starts = json.loads(starts)
        rows.append((row[0], row[1], page_of(starts, row[2])))
    infos = source_infos(session, {r[0] for r in rows})
    citer = Citer(style, list(infos.values()))
    cites = [Cite(source, page) for source, _, page in rows]
    for c in cites:
        citer.add(c)
    lines = [heading] if heading else []
    lines += [f"“{quote_prose(quote)}” {plain(citer.cite(c))}" for (_, quote, _), c in zip(rows, cites, strict=True)]
    bibliography = [plain(entry) for entry in citer.bibliography()]
    return "\n".join(lines) + ("\n\n" + "\n".join(bibliography) if bibliography else "")
