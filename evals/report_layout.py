"""The shapes of an evaluation report and the renderers that lay one out as TXT, Markdown, DOCX, PDF or HTML.

Shared by the report generators (``generate_reports.py`` for the transfer set, ``generate_dev_reports.py``
for the dev set): contents are data in each generator, the layout is here, so both sets are
rendered alike and every run writes the same bytes (fixed DOCX core properties and ZIP timestamps,
reportlab's ``invariant`` mode, no clock, no randomness).
"""
from __future__ import annotations

import argparse
import datetime as dt
import html
import io
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")


# --------------------------------------------------------------------------------------- shapes

@dataclass(frozen=True)
class Heading:
    text: str


@dataclass(frozen=True)
class Para:
    text: str


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """A data table: a header row, one row per place, and a total row that ``check_total`` verifies."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    total: tuple[str, ...] | None = None


Block = Heading | Para | Bullets | Table


@dataclass(frozen=True)
class Official:
    """An official document: header block, title, body, recipients and signature block."""

    file: str
    issuer: tuple[str, ...]
    number: str
    dateline: str
    kind: str
    title: str
    body: tuple[Block, ...]
    recipients: tuple[str, ...]
    signature: tuple[str, ...]
    signer: str
    date: dt.date
    province: str
    author: str
    """Who issued it, in sentence case: DOCX and PDF author, Markdown front matter ``source``."""


@dataclass(frozen=True)
class News:
    """A saved news page: site chrome around one article, and a related-articles list."""

    file: str
    site: str
    domain: str
    section: str
    title: str
    published: str
    sapo: str
    body: tuple[Block, ...]
    byline: str
    related: tuple[str, ...]
    most_read: tuple[str, ...]
    footer: str


# ------------------------------------------------------------------------------------- checking

def _figure(cell: str) -> float:
    """A table figure as a number ("1.962" → 1962): a dot only groups thousands in these tables."""
    return float(cell.replace(".", "").replace(",", "."))


def check_total(table: Table) -> None:
    """Fail when a total row does not add up: the questions on totals and rows are ground truth."""
    if table.total is None:
        return
    for column in range(1, len(table.columns)):
        summed = sum(_figure(row[column]) for row in table.rows)
        if summed != _figure(table.total[column]):
            raise ValueError(f"{table.columns[column]}: rows add up to {summed}, total says {table.total[column]}")


def _check(report: Official | News) -> None:
    """Every table adds up and every string is NFC, as the assistant's readers expect of real reports."""
    for block in report.body:
        if isinstance(block, Table):
            check_total(block)
    for text in _strings(report):
        if not unicodedata.is_normalized("NFC", text):
            raise ValueError(f"{report.file}: not NFC: {text[:60]!r}")


def _strings(report: Official | News) -> list[str]:
    """Every piece of text a report is made of, for the checks."""
    out: list[str] = []
    for block in report.body:
        if isinstance(block, (Heading, Para)):
            out.append(block.text)
        elif isinstance(block, Bullets):
            out.extend(block.items)
        else:
            out.extend([*block.columns, *(cell for row in block.rows for cell in row), *(block.total or ())])
    if isinstance(report, Official):
        out.extend([*report.issuer, report.number, report.dateline, report.title, *report.recipients,
                    *report.signature, report.signer])
    else:
        out.extend([report.title, report.sapo, *report.related])
    return out


def _rows(table: Table) -> list[tuple[str, ...]]:
    """The rows as laid out: the places, then the total row."""
    return [*table.rows, *([table.total] if table.total else [])]


# ----------------------------------------------------------------------------------------- text

def _full_title(report: Official) -> str:
    """The title as a metadata field states it: "Báo cáo kết quả …" (the kind, then the title line)."""
    return f"{report.kind.capitalize()} {report.title[:1].lower()}{report.title[1:]}"


TXT_WIDTH = 86


def _two_columns(left: str, right: str) -> str:
    """One line of a plain-text header or signature block: left column, right column centred in its half."""
    half = TXT_WIDTH // 2
    return (left.ljust(half) + right.center(TXT_WIDTH - half)).rstrip()


def write_txt(report: Official, path: Path) -> None:
    """A plain-text official report: header block in two columns, one line per paragraph, signature block."""
    if len(report.issuer) == 1:  # the motto's second line sits beside the gap above the number
        left, right = [report.issuer[0], "", report.number], [*MOTTO, report.dateline]
    else:
        left, right = [*report.issuer, "", report.number], [*MOTTO, "", report.dateline]
    lines = [_two_columns(a, b) for a, b in zip(left, right)]
    lines += ["", report.kind.center(TXT_WIDTH).rstrip(), report.title.center(TXT_WIDTH).rstrip(), ""]
    for block in report.body:
        if isinstance(block, Bullets):
            lines += [*block.items, ""]
        elif isinstance(block, (Heading, Para)):
            lines += [block.text, ""]
        else:
            raise TypeError(f"{report.file}: plain text has no {type(block).__name__}")
    signature = [*report.signature, "", "(Đã ký)", "", report.signer]
    recipients = list(report.recipients)
    for k in range(max(len(recipients), len(signature))):
        lines.append(_two_columns(recipients[k] if k < len(recipients) else "",
                                  signature[k] if k < len(signature) else ""))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_md(report: Official, path: Path) -> None:
    """A Markdown export of an official report, with the YAML front matter the reader turns into metadata."""
    lines = ["---", f'title: "{_full_title(report)}"',
             f"date: {report.date.isoformat()}", f"province: {report.province}",
             f"source: {report.author}", "---", ""]
    lines += [*report.issuer, report.number, "", *MOTTO, "", report.dateline, "",
              f"# {report.kind}", "", f"## {report.title}", ""]
    for block in report.body:
        if isinstance(block, Heading):
            lines += [f"{'###' if block.text[:1].isdigit() else '##'} {block.text}", ""]
        elif isinstance(block, Para):
            lines += [block.text, ""]
        elif isinstance(block, Bullets):
            lines += [*block.items, ""]
        else:
            raise TypeError(f"{report.file}: this Markdown export has no {type(block).__name__}")
    lines += [*report.recipients, "", *report.signature, "", report.signer]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# ----------------------------------------------------------------------------------------- DOCX

FIXED_TIME = (2024, 1, 1, 0, 0, 0)
"""The timestamp of every part in a written .docx, so that reruns give the same bytes."""


def _bold(document, text: str, *, centred: bool = False) -> None:
    """A bold paragraph: official reports set their title and section headings so, not as Word headings."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    paragraph = document.add_paragraph()
    paragraph.add_run(text).bold = True
    if centred:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _layout_cell(cell, lines: list[str]) -> None:
    """Fill a cell of the borderless header or signature table, one paragraph per line, centred."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    cell.text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)
    for paragraph in cell.paragraphs:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _data_table(document, table: Table) -> None:
    rows = _rows(table)
    grid = document.add_table(rows=len(rows) + 1, cols=len(table.columns))
    grid.style = "Table Grid"
    for column, name in enumerate(table.columns):
        grid.cell(0, column).paragraphs[0].add_run(name).bold = True
    for r, row in enumerate(rows, start=1):
        for column, value in enumerate(row):
            grid.cell(r, column).text = value


def _fixed_zip(data: bytes) -> bytes:
    """The same package with every part's timestamp fixed (python-docx stamps parts with the clock)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


def write_docx(report: Official, path: Path) -> None:
    """A Word official report: header and signature as borderless layout tables, data tables in a grid."""
    import docx
    from docx.shared import Pt

    document = docx.Document()
    document.styles["Normal"].font.name = "Times New Roman"
    document.styles["Normal"].font.size = Pt(13)
    header = document.add_table(rows=2, cols=2)
    _layout_cell(header.cell(0, 0), list(report.issuer))
    _layout_cell(header.cell(0, 1), list(MOTTO))
    _layout_cell(header.cell(1, 0), [report.number])
    _layout_cell(header.cell(1, 1), [report.dateline])
    _bold(document, report.kind, centred=True)
    _bold(document, report.title, centred=True)
    for block in report.body:
        if isinstance(block, Heading):
            _bold(document, block.text)
        elif isinstance(block, Para):
            document.add_paragraph(block.text)
        elif isinstance(block, Bullets):
            for item in block.items:
                document.add_paragraph(item)
        else:
            _data_table(document, block)
    signature = document.add_table(rows=1, cols=2)
    _layout_cell(signature.cell(0, 0), list(report.recipients))
    _layout_cell(signature.cell(0, 1), [*report.signature, "(Đã ký)", report.signer])
    moment = dt.datetime.combine(report.date, dt.time(8, 0))
    props = document.core_properties
    props.title = _full_title(report)
    props.author = report.author
    props.last_modified_by = props.author
    props.created = props.modified = props.last_printed = moment
    props.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(_fixed_zip(buffer.getvalue()))


# ------------------------------------------------------------------------------------------ PDF

PDF_FONT, PDF_BOLD = "DejaVuSerifReports", "DejaVuSerifReports-Bold"


def _register_fonts() -> None:
    """DejaVu Serif as bundled with matplotlib (every Vietnamese glyph, the same file on every machine)."""
    import matplotlib
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    if PDF_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(PDF_FONT, str(folder / "DejaVuSerif.ttf")))
        pdfmetrics.registerFont(TTFont(PDF_BOLD, str(folder / "DejaVuSerif-Bold.ttf")))


def _pdf_styles() -> dict[str, object]:
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
    from reportlab.lib.styles import ParagraphStyle

    body = ParagraphStyle("body", fontName=PDF_FONT, fontSize=11, leading=15, alignment=TA_JUSTIFY,
                          firstLineIndent=24, spaceAfter=5)
    return {
        "body": body,
        "bullet": ParagraphStyle("bullet", parent=body, firstLineIndent=0),
        "heading": ParagraphStyle("heading", parent=body, fontName=PDF_BOLD, firstLineIndent=0, spaceBefore=4),
        "title": ParagraphStyle("title", parent=body, fontName=PDF_BOLD, fontSize=12, leading=16,
                                alignment=TA_CENTER, firstLineIndent=0),
        "centre": ParagraphStyle("centre", fontName=PDF_FONT, fontSize=10.5, leading=14, alignment=TA_CENTER),
        "centre_bold": ParagraphStyle("centre_bold", fontName=PDF_BOLD, fontSize=10.5, leading=14,
                                      alignment=TA_CENTER),
        "left": ParagraphStyle("left", fontName=PDF_FONT, fontSize=10, leading=13),
    }


def _pdf_table(table: Table):
    """A grid table with left-aligned cells, so each cell sits under its column's header for the reader."""
    from reportlab.platypus import Table as PdfTable
    from reportlab.platypus import TableStyle

    widths = [125.0] + [(475.0 - 125.0) / (len(table.columns) - 1)] * (len(table.columns) - 1)
    grid = PdfTable([list(table.columns), *(list(row) for row in _rows(table))], colWidths=widths)
    grid.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), PDF_FONT),
        ("FONTSIZE", (0, 0), (-1, -1), 9), ("GRID", (0, 0), (-1, -1), 0.5, "black"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    return grid


def _pdf_pair(left: list, right: list, widths: tuple[float, float]):
    """Two columns side by side without borders: the official header, the signature block."""
    from reportlab.platypus import Table as PdfTable
    from reportlab.platypus import TableStyle

    pair = PdfTable([[left, right]], colWidths=list(widths))
    pair.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return pair


def _page_number(canvas, document) -> None:
    canvas.setFont(PDF_FONT, 10)
    canvas.drawCentredString(297.6, 30, str(document.page))


def write_pdf(report: Official, path: Path) -> None:
    """A multi-page PDF official report set with reportlab in invariant mode (no timestamps, fixed ids)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    _register_fonts()
    s = _pdf_styles()
    story: list = [
        _pdf_pair([Paragraph(line, s["centre_bold"]) for line in report.issuer]
                  + [Paragraph(report.number, s["centre"])],
                  [Paragraph(MOTTO[0], s["centre_bold"]), Paragraph(MOTTO[1], s["centre_bold"]),
                   Paragraph(report.dateline, s["centre"])], (190.0, 285.0)),
        Spacer(1, 14), Paragraph(report.kind, s["title"]), Paragraph(report.title, s["title"]), Spacer(1, 8),
    ]
    for block in report.body:
        if isinstance(block, Heading):
            story.append(Paragraph(block.text, s["heading"]))
        elif isinstance(block, Para):
            story.append(Paragraph(block.text, s["body"]))
        elif isinstance(block, Bullets):
            story.extend(Paragraph(item, s["bullet"]) for item in block.items)
        else:
            story += [_pdf_table(block), Spacer(1, 8)]
    story += [Spacer(1, 10), _pdf_pair(
        [Paragraph(line, s["left"]) for line in report.recipients],
        [Paragraph(line, s["centre_bold"]) for line in report.signature]
        + [Paragraph("(Đã ký)", s["centre"]), Spacer(1, 24), Paragraph(report.signer, s["centre_bold"])],
        (235.0, 240.0))]
    document = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=60, rightMargin=60, topMargin=56,
                                 bottomMargin=56, invariant=1, title=report.title, author=report.author,
                                 creator="evals/generate_reports.py", subject=report.kind)
    document.build(story, onFirstPage=_page_number, onLaterPages=_page_number)


# ----------------------------------------------------------------------------------------- HTML

def _html_blocks(body: tuple[Block, ...]) -> list[str]:
    out = []
    for block in body:
        if isinstance(block, Para):
            out.append(f"<p>{html.escape(block.text, quote=False)}</p>")
        elif isinstance(block, Table):
            head = "".join(f"<th>{html.escape(c)}</th>" for c in block.columns)
            rows = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>"
                           for row in _rows(block))
            out.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
        else:
            raise TypeError(f"news pages hold paragraphs and tables, not {type(block).__name__}")
    return out


NAV = ("Trang chủ", "Thời sự", "Chính trị", "An ninh - Trật tự", "Kinh tế", "Xã hội", "Văn hóa", "Thể thao")


def write_html(page: News, path: Path) -> None:
    """A saved news page: navigation, cookie banner, the article, a "Tin liên quan" list, a sidebar, a footer."""
    e = html.escape
    nav = "".join(f'<li><a href="/{k}">{e(name)}</a></li>' for k, name in enumerate(NAV))
    related = "".join(f'<li><a href="/tin/{k}.html">{e(title)}</a></li>' for k, title in enumerate(page.related))
    most_read = "".join(f'<li><a href="/doc/{k}.html">{e(title)}</a></li>' for k, title in enumerate(page.most_read))
    article = "\n".join(_html_blocks(page.body))
    text = f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>{e(page.title)} - {e(page.site)}</title>
<meta property="og:title" content="{e(page.title)}">
<meta property="og:site_name" content="{e(page.site)}">
<meta property="article:published_time" content="{page.published}">
<link rel="canonical" href="https://{page.domain}/an-ninh/{path.stem}.html">
<style>.cookie{{position:fixed;bottom:0}}</style>
<script>window.dataLayer = window.dataLayer || [];</script>
</head>
<body>
<div id="cookie-banner" class="cookie">Chúng tôi sử dụng cookie để cải thiện trải nghiệm của bạn. Tiếp tục truy cập
nghĩa là bạn đồng ý với Chính sách bảo mật của {e(page.site)}. <button>Đồng ý</button></div>
<header><a class="logo" href="/">{e(page.site)}</a>
<nav class="menu"><ul>{nav}</ul></nav></header>
<main>
<div class="breadcrumb"><a href="/">Trang chủ</a> › <a href="/an-ninh">{e(page.section)}</a></div>
<article class="detail">
<h1>{e(page.title)}</h1>
<time datetime="{page.published}">{page.published[8:10]}/{page.published[5:7]}/{page.published[:4]}</time>
<p class="sapo"><strong>{e(page.sapo)}</strong></p>
{article}
<p class="author">{e(page.byline)}</p>
</article>
<section class="related"><h3>Tin liên quan</h3><ul>{related}</ul></section>
</main>
<aside class="sidebar"><h3>Đọc nhiều</h3><ul>{most_read}</ul></aside>
<footer><p>{e(page.footer)}</p></footer>
</body>
</html>
"""
    path.write_text(text, encoding="utf-8")


# ----------------------------------------------------------------------------------------- main

WRITERS = {".txt": write_txt, ".md": write_md, ".docx": write_docx, ".pdf": write_pdf, ".html": write_html}




def write_all(reports: tuple[Official | News, ...], out: Path) -> list[Path]:
    """Check and write every report into ``out`` (created if missing); return the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for report in reports:
        _check(report)
        path = out / report.file
        WRITERS[path.suffix](report, path)
        paths.append(path)
    return paths


def command_line(reports: tuple[Official | News, ...], default_out: Path, doc: str,
                 argv: list[str] | None = None) -> int:
    """A generator's command line: ``[--out FOLDER]``, then the paths written, one a line."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--out", type=Path, default=default_out, help=f"folder to write into (default: {default_out})")
    args = parser.parse_args(argv)
    for path in write_all(reports, args.out):
        print(path)
    return 0
