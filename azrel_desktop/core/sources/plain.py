"""Plain text and Markdown: decoding bytes in any common encoding, and Markdown read as prose.

A BOM decides the encoding when there is one; otherwise strict UTF-8 is tried first (it almost
never decodes text in another encoding by accident), then charset-normalizer chooses among the
legacy code pages (Windows-1251 for Cyrillic, Windows-1254/ISO-8859-9 for Azerbaijani and
Turkish Latin, Latin-1 ...). The chosen encoding is reported, so the user can tell when a guess
went wrong. Binary data (NUL bytes outside UTF-16, or mostly control characters) is refused.
"""

from __future__ import annotations

import codecs
import re

from .extracted import Extracted, ImportRefused, SourceMetadata
from .normalise import normalise

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_BINARY = "it holds binary data, not text (is it really a text file?)"


def _looks_binary(text: str) -> bool:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return "\x00" in text or controls > max(8, len(text) // 100)


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding name) for the bytes of a text file, or ImportRefused."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(name)
            except UnicodeDecodeError as exc:
                raise ImportRefused(f"it starts with a {name} byte-order mark but is not valid {name}") from exc
            if _looks_binary(text.lstrip("\ufeff")):
                raise ImportRefused(_BINARY)
            return text.lstrip("\ufeff"), "utf-8 (with BOM)" if name == "utf-8-sig" else name
    if b"\x00" in data[:65536]:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16
        raise ImportRefused(_BINARY)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if _looks_binary(text):
            raise ImportRefused(_BINARY)
        return text, "ascii" if text.isascii() else "utf-8"
    from charset_normalizer import from_bytes

    best = _preferred(from_bytes(data))
    if best is None:
        raise ImportRefused(_BINARY)
    text = str(best)
    if _looks_binary(text):
        raise ImportRefused(_BINARY)
    return text, best.encoding.replace("_", "-")


# When charset-normalizer finds several code pages equally plausible (a French or German text
# in Latin-1 decodes without a fault as Windows-1250 too, with "à" read as "ŕ"), the one most
# used for this app's material wins: Western, then Turkish/Azerbaijani Latin, then Cyrillic.
_PREFERRED = ("cp1252", "latin_1", "iso8859_15", "cp1254", "iso8859_9", "cp1251", "koi8_r", "iso8859_5")


def _preferred(results):
    best = results.best()
    if best is None:
        return None
    tied = [r for r in results if r.chaos == best.chaos and abs(r.coherence - best.coherence) < 0.01]
    for name in _PREFERRED:
        for r in tied:
            if r.encoding == name:
                return r
    return best


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """Text in UTF-16 without a BOM shows NULs in every other byte; decide which half."""
    even = data[0::2].count(0)
    odd = data[1::2].count(0)
    half = len(data) // 2
    name = "utf-16-le" if odd > half * 0.3 and even < odd / 4 else "utf-16-be" if even > half * 0.3 and odd < even / 4 else None
    if name is None:
        return None
    try:
        text = data.decode(name)
    except UnicodeDecodeError:
        return None
    return None if _looks_binary(text) else (text, name)


def read_text(data: bytes) -> Extracted:
    text, encoding = decode(data)
    text = normalise(text)
    first = next((line for line in text.split("\n") if line.strip()), "")
    return Extracted(text, "text/plain", SourceMetadata(title=_title_from(first)), encoding=encoding)


def _title_from(line: str) -> str | None:
    """A first line short enough to be a title (else the file's name will be)."""
    line = line.strip()
    return line if 0 < len(line) <= 120 else None


# --- Markdown ---------------------------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_ATX = re.compile(r"^[ ]{0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.MULTILINE)
_SETEXT = re.compile(r"^[ ]{0,3}(?:=+|-+)[ \t]*$", re.MULTILINE)
_RULE = re.compile(r"^[ ]{0,3}(?:(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$", re.MULTILINE)
_FENCE = re.compile(r"^[ ]{0,3}(?:```|~~~).*$", re.MULTILINE)
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\[[^\]]*\])")
_REF_DEF = re.compile(r"^[ ]{0,3}\[[^\]]+\]:[ \t]+\S.*$", re.MULTILINE)
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", re.DOTALL)
_EMPH = re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])", re.DOTALL)
_CODE = re.compile(r"`+([^`]+)`+")
_QUOTE = re.compile(r"^[ ]{0,3}>[ ]?", re.MULTILINE)


def markdown_to_prose(md: str) -> tuple[str, str | None, dict[str, str]]:
    """(text, first heading, front-matter fields): the words as a reader sees them, with the
    markup that only formats (emphasis, link targets, heading marks, fences) taken out."""
    fields: dict[str, str] = {}
    match = _FRONT_MATTER.match(md)
    if match:
        for line in match.group(1).split("\n"):
            key, sep, value = line.partition(":")
            if sep and key.strip() and value.strip():
                fields[key.strip().lower()] = value.strip().strip("'\"")
        md = md[match.end():]
    heading = _ATX.search(md)
    md = _REF_DEF.sub("", md)
    md = _FENCE.sub("", md)
    md = _ATX.sub(r"\1", md)
    md = _SETEXT.sub("", md)
    md = _RULE.sub("", md)
    md = _QUOTE.sub("", md)
    md = _IMAGE.sub(r"\1", md)
    md = _LINK.sub(r"\1", md)
    md = _AUTOLINK.sub(r"\1", md)
    md = _CODE.sub(r"\1", md)
    md = _STRONG.sub(r"\2", md)
    md = _EMPH.sub(r"\2", md)
    return md, heading.group(1).strip() if heading else None, fields


def read_markdown(data: bytes) -> Extracted:
    raw, encoding = decode(data)
    prose, heading, fields = markdown_to_prose(raw.replace("\r\n", "\n").replace("\r", "\n"))
    text = normalise(prose)
    first = next((line for line in text.split("\n") if line.strip()), "")
    meta = SourceMetadata(
        title=fields.get("title") or heading or _title_from(first),
        author=fields.get("author") or fields.get("authors"),
        url=fields.get("url") or fields.get("source"),
        published=fields.get("date") or fields.get("published"),
        publisher=fields.get("publisher") or fields.get("site"),
        language=fields.get("lang") or fields.get("language"),
    )
    return Extracted(text, "text/markdown", meta, encoding=encoding)
