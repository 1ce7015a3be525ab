"""Sample files for the import tests, made by the tests themselves: texts in each encoding,
PDFs (reportlab; encrypted with pypdf), Word files (python-docx), saved web pages, and
bibliographies — and every kind of bad file."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

ARTICLE = [
    "President Ilham Aliyev met the NATO Secretary General in Brussels on 3 May 2024, "
    "discussing the Individual Partnership Action Plan and the peace process with Armenia.",
    "The two sides agreed to continue cooperation on defence reform, border security and "
    "energy security in the South Caucasus region during the coming year.",
]
AZ_LATIN = "Azərbaycan Respublikası ilə Türkiyə arasında şüşə, çay və ipək ticarəti genişlənir. " * 3
TR_LATIN = "Türkiye ile Azerbaycan arasında doğalgaz anlaşması imzalandı; İlham Aliyev Ankara'ya geldi. " * 3
RU_CYRILLIC = "Президент Азербайджана провёл переговоры в Москве о сотрудничестве в рамках СНГ. " * 3
LATIN1 = "Le président a rencontré le secrétaire général à Bruxelles; coopération renforcée et été chargé. " * 3


class SampleFiles:
    article, az_latin, tr_latin, ru_cyrillic, latin1 = ARTICLE, AZ_LATIN, TR_LATIN, RU_CYRILLIC, LATIN1

    def __init__(self, folder: Path):
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    def path(self, name: str) -> Path:
        return self.folder / name

    def write(self, name: str, data: bytes | str, encoding: str = "utf-8") -> Path:
        p = self.path(name)
        p.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))
        return p

    # --- PDF ---------------------------------------------------------------------------------
    def pdf_bytes(self, pages: list[str], *, title: str | None = None, author: str | None = None) -> bytes:
        from reportlab.lib.pagesizes import A4
        from reportlab.pdfgen import canvas

        out = io.BytesIO()
        c = canvas.Canvas(out, pagesize=A4, invariant=1)
        if title:
            c.setTitle(title)
        if author:
            c.setAuthor(author)
        for page in pages:
            y = 800
            for line in page.split("\n"):
                if line:
                    c.drawString(50, y, line)
                y -= 16
            c.showPage()
        c.save()
        return out.getvalue()

    def pdf(self, name: str, pages: list[str], **meta) -> Path:
        return self.write(name, self.pdf_bytes(pages, **meta))

    def scanned_pdf(self, name: str) -> Path:
        from reportlab.lib.pagesizes import A4
        from reportlab.pdfgen import canvas

        out = io.BytesIO()
        c = canvas.Canvas(out, pagesize=A4, invariant=1)
        for _ in range(2):
            c.rect(50, 50, 400, 600, fill=1)  # a picture of a page, no text layer
            c.showPage()
        c.save()
        return self.write(name, out.getvalue())

    def encrypted_pdf(self, name: str, password: str = "secret", algorithm: str = "AES-256",
                      text: str = "Confidential report on the talks.") -> Path:
        """Encrypted; with password "" only an owner password restricts it (it opens without one)."""
        from pypdf import PdfReader, PdfWriter

        writer = PdfWriter()
        for page in PdfReader(io.BytesIO(self.pdf_bytes([text]))).pages:
            writer.add_page(page)
        writer.encrypt(user_password=password, owner_password="owner-only", algorithm=algorithm)
        out = io.BytesIO()
        writer.write(out)
        return self.write(name, out.getvalue())

    # --- DOCX --------------------------------------------------------------------------------
    def docx_bytes(self, heading: str, paragraphs: list[str], *, table: list[list[str]] | None = None,
                   title: str | None = None, author: str | None = None) -> bytes:
        import docx

        d = docx.Document()
        d.add_heading(heading, level=1)
        for p in paragraphs:
            d.add_paragraph(p)
        if table:
            t = d.add_table(rows=len(table), cols=len(table[0]))
            for r, row in enumerate(table):
                for c, value in enumerate(row):
                    t.cell(r, c).text = value
            d.add_paragraph("After the table.")
        if title:
            d.core_properties.title = title
        if author:
            d.core_properties.author = author
        out = io.BytesIO()
        d.save(out)
        return out.getvalue()

    def docx(self, name: str, heading: str, paragraphs: list[str], **kw) -> Path:
        return self.write(name, self.docx_bytes(heading, paragraphs, **kw))

    def docx_with_part(self, name: str, part: str, content: bytes) -> Path:
        """A real Word file whose `part` is replaced by `content` (zip bombs, DTDs)."""
        source = zipfile.ZipFile(io.BytesIO(self.docx_bytes("Heading", ["Body text."])))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            for info in source.infolist():
                z.writestr(info.filename, content if info.filename == part else source.read(info.filename))
        return self.write(name, out.getvalue())

    # --- HTML --------------------------------------------------------------------------------
    def html(self, name: str, *, title: str = "Aliyev meets NATO chief", author: str = "Leyla Mammadova",
             site: str = "Caspian News", date: str = "2024-05-03", url: str = "https://news.example/aliyev-nato",
             lang: str = "en", extra_head: str = "", paragraphs: list[str] | None = None) -> Path:
        body = "".join(f"<p>{p}</p>" for p in (paragraphs or ARTICLE))
        page = f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{title} | {site}</title>
<meta name="author" content="{author}"><meta property="og:site_name" content="{site}">
<meta property="article:published_time" content="{date}T09:30:00+04:00">
<link rel="canonical" href="{url}"><link rel="stylesheet" href="https://cdn.example/style.css">
<script>document.write("SCRIPT RAN");</script>{extra_head}</head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li>Sport</li></ul></nav>
<div class="advert">BUY CHEAP FLIGHTS TO BAKU NOW</div>
<article><h1>{title}</h1>{body}<img src="https://tracker.example/pixel.gif"></article>
<aside class="related"><h3>Related articles</h3><ul><li><a href="/x">Oil prices fall again</a></li>
<li><a href="/y">Football results of the week</a></li></ul></aside>
<footer>© 2024 {site}. All rights reserved. Privacy policy.</footer></body></html>"""
        return self.write(name, page)
