"""Web pages saved from a browser: the article's text without navigation, adverts and
"related articles" blocks, with its title, author, site, date and address from the page's
metadata.

trafilatura finds the main text (with readability and jusText as its own fallbacks) and reads
the metadata (Open Graph, JSON-LD, <meta> names, the canonical link). It works on lxml's HTML
parser, which neither loads a DTD nor fetches anything: images, stylesheets, scripts and links
stay unfetched and nothing is run. A page where it finds no article falls back to the visible
text of the whole body, so a short page is still imported.
"""

from __future__ import annotations

import re

from .extracted import Extracted, ImportRefused, SourceMetadata
from .normalise import normalise
from .plain import decode

_LANG = re.compile(rb"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})?)", re.IGNORECASE)


def read_html(data: bytes) -> Extracted:
    import trafilatura

    text, encoding = decode(data)
    if "<" not in text:
        raise ImportRefused("it is named as a web page but holds no HTML")
    try:
        doc = trafilatura.bare_extraction(
            text, with_metadata=True, include_comments=False, include_tables=True, include_images=False,
            include_links=False, favor_recall=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # a parser failure on a broken page is the page's fault, said plainly
        raise ImportRefused(f"the page could not be read as HTML ({type(exc).__name__})") from exc
    body = getattr(doc, "text", None) if doc is not None else None
    notes: tuple[str, ...] = ()
    if not body or not body.strip():
        body = _visible_text(text)
        notes = ("no article was recognised in the page, so all its visible text was imported",)
    lang = _LANG.search(data[:65536])
    meta = SourceMetadata(
        title=getattr(doc, "title", None),
        author=getattr(doc, "author", None),
        publisher=getattr(doc, "sitename", None) or getattr(doc, "hostname", None),
        url=getattr(doc, "url", None),
        published=getattr(doc, "date", None),
        language=lang.group(1).decode("ascii").lower() if lang else None,
        kind="web page",
    )
    return Extracted(normalise(body), "text/html", meta, encoding=encoding, notes=notes)


def _visible_text(html: str) -> str:
    from lxml import etree
    from lxml import html as lxml_html

    parser = lxml_html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)
    try:
        root = lxml_html.document_fromstring(html, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise ImportRefused("the page could not be read as HTML") from exc
    for bad in root.xpath("//script|//style|//noscript|//template|//head"):
        bad.drop_tree()
    parts = [t.strip() for t in root.itertext() if t.strip()]
    return "\n".join(parts)
