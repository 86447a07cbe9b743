"""Every report format end to end: real files written at test time, indexed, then asked about.

A folder holds an official DOCX report (header, headings, a table, signature block), a two-page
PDF drawn with reportlab (official header, a hyphenated line break, a fact on page 2), a saved
news page (navigation, scripts, styles, a related-articles list, a footer), a Markdown report with
front matter, and broken files: a scan without a text layer, an encrypted PDF, a corrupt PDF, a
zero-byte file, a PDF renamed .docx, a truncated DOCX and a file over the size limit. The build
skips each broken file with a one-line reason and indexes the rest; questions about each format
are answered from the right passage, with ``page`` on PDF citations.
"""
from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

from assistant.settings import ReadingLimits

pytestmark = pytest.mark.slow

HEADER = {
    "issuer": "CÔNG AN TỈNH BẮC GIANG",
    "unit": "PHÒNG THAM MƯU",
    "motto": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "slogan": "Độc lập - Tự do - Hạnh phúc",
    "number": "Số: 125/BC-CAT",
    "dateline": "Bắc Giang, ngày 20 tháng 12 năm 2023",
}
DOCX_TITLE = "Kết quả thực hiện phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2023"
DOCX_INTRO = ("Năm 2023, Công an tỉnh Bắc Giang phối hợp với Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh đẩy mạnh "
              "phong trào toàn dân bảo vệ an ninh Tổ quốc, xây dựng và nhân rộng các mô hình tự quản ở cơ sở.")
COMMUNES = [("Xã", "Số tổ tự quản"), ("Tân Lập", "37"), ("Hương Sơn", "42"), ("Nghĩa Hồ", "25")]
ROW = "Xã Tân Lập: số tổ tự quản là 37."

PDF_PAGE_1 = [
    ("Trong năm 2023, lực lượng Công an tỉnh Lạng Sơn đã chủ động tham mưu cho cấp ủy, chính quyền địa "
     "phương triển khai đồng bộ các giải pháp phòng ngừa tội phạm, bảo đảm an ninh chính trị và trật tự an "
     "toàn xã hội ở khu vực biên giới."),
    ("Các tổ an ninh nhân dân, tổ hòa giải ở cơ sở tiếp tục được củng cố, hoạt động nền nếp, góp phần giải "
     "quyết kịp thời các mâu thuẫn, tranh chấp ngay từ thôn, bản."),
]
PDF_HYPHENATED = ["Năm 2023, Công an huyện Hữu Lũng cùng các xã đã lắp đặt 215 ca-",
                  "mera an ninh tại các thôn, bản, góp phần phát hiện nhiều vụ việc vi phạm."]
PDF_FACT = ("Năm 2023, Công an huyện Hữu Lũng cùng các xã đã lắp đặt 215 camera an ninh tại các thôn, bản, "
            "góp phần phát hiện nhiều vụ việc vi phạm.")

HTML_HEADLINE = "Diễn Châu đẩy mạnh tuyên truyền phòng, chống ma túy"
HTML_FACT = ("Năm 2023, Công an xã Diễn Kỷ đã tổ chức 18 buổi tuyên truyền về phòng, chống ma túy cho hơn "
             "2.000 lượt người dân tham dự.")
HTML_CHROME = ["Trang chủ", "Thời sự", "Đăng nhập", "trackingCode", "font-family", "Tin liên quan",
               "ra mắt 5 mô hình", "Bản quyền", "Nguyễn Thị Minh Khai", "cuối trang", "Chia sẻ"]

MD_FACT = "Toàn tỉnh duy trì và củng cố hơn 1.000 mô hình tự quản về an ninh trật tự ở khu dân cư."

GOOD = ["bao-cao-bac-giang.docx", "so-ket-lang-son.pdf", "tin-nghe-an.html", "quang-nam.md"]
BROKEN = {  # file name: what its one-line reason must say
    "ban-scan.pdf": "needs OCR",
    "co-mat-khau.pdf": "encrypted",
    "hong.pdf": "unreadable",
    "rong.txt": "empty file",
    "nham-ten.docx": "named .docx but the content is a PDF file",
    "bi-cat.docx": "corrupt or truncated .docx",
    "qua-lon.html": "size limit",
}
LIMITS = ReadingLimits(max_bytes=2 * 1024 * 1024, max_pages=50)


# --------------------------------------------------------------------------------- the files

def _font() -> str:
    """DejaVu Sans (every Vietnamese glyph), as bundled with matplotlib, registered with reportlab."""
    import matplotlib
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "DejaVuSansE2E" not in pdfmetrics.getRegisteredFontNames():
        font = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
        pdfmetrics.registerFont(TTFont("DejaVuSansE2E", str(font)))
    return "DejaVuSansE2E"


def write_docx(path: Path) -> bytes:
    import docx

    document = docx.Document()
    header = document.add_table(rows=2, cols=2)  # the official header: a borderless layout table
    header.cell(0, 0).text = HEADER["issuer"]
    header.cell(0, 0).add_paragraph(HEADER["unit"])
    header.cell(0, 1).text = HEADER["motto"]
    header.cell(0, 1).add_paragraph(HEADER["slogan"])
    header.cell(1, 0).text = HEADER["number"]
    header.cell(1, 1).text = HEADER["dateline"]
    document.add_heading("BÁO CÁO", level=1)
    document.add_paragraph(DOCX_TITLE)
    document.add_heading("I. KẾT QUẢ ĐẠT ĐƯỢC", level=2)
    document.add_paragraph(DOCX_INTRO)
    document.add_paragraph("Số tổ tự quản về an ninh trật tự ở các xã như sau:")
    table = document.add_table(rows=len(COMMUNES), cols=2)
    table.style = "Table Grid"
    for r, (commune, groups) in enumerate(COMMUNES):
        table.cell(r, 0).text, table.cell(r, 1).text = commune, groups
    document.add_heading("II. PHƯƠNG HƯỚNG", level=2)
    document.add_paragraph("Tiếp tục nhân rộng mô hình “Camera an ninh” ở các xã biên giới.")
    signature = document.add_table(rows=1, cols=2)  # boilerplate: recipients and signature
    signature.cell(0, 0).text = "Nơi nhận:"
    signature.cell(0, 0).add_paragraph("- Bộ Công an;")
    signature.cell(0, 0).add_paragraph("- Lưu: VT.")
    signature.cell(0, 1).text = "KT. GIÁM ĐỐC"
    signature.cell(0, 1).add_paragraph("PHÓ GIÁM ĐỐC")
    signature.cell(0, 1).add_paragraph("Trần Văn Hùng")
    document.core_properties.author = "Nguyễn Thị Hoa"
    document.core_properties.created = dt.datetime(2023, 12, 21, 8, 30)
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(buffer.getvalue())
    return buffer.getvalue()


class _Page:
    """Lines drawn with reportlab: justified paragraphs with a first-line indent, as reports are set."""

    LEFT, RIGHT, TOP, SIZE, LEADING, INDENT = 70.0, 525.0, 770.0, 12.0, 17.0, 30.0

    def __init__(self, target, **kwargs):
        from reportlab.pdfgen import canvas

        self.font = _font()
        self.canvas = canvas.Canvas(target, pagesize=(595.27, 841.89), **kwargs)
        self.number = 1
        self.y = self.TOP

    def width(self, text: str, size: float | None = None) -> float:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        return stringWidth(text, self.font, size or self.SIZE)

    def line(self, x: float, text: str, size: float | None = None, *, advance: bool = True) -> None:
        self.canvas.setFont(self.font, size or self.SIZE)
        self.canvas.drawString(x, self.y, text)
        if advance:
            self.y -= self.LEADING

    def centred(self, text: str, size: float | None = None) -> None:
        self.line((self.LEFT + self.RIGHT - self.width(text, size)) / 2, text, size)

    def justified(self, x: float, text: str) -> None:
        words = text.split(" ")
        gap = (self.RIGHT - x - sum(self.width(w) for w in words)) / max(len(words) - 1, 1)
        assert self.width(" ") <= gap < 2 * self.SIZE, f"cannot justify {text!r}"
        self.canvas.setFont(self.font, self.SIZE)
        for word in words:
            self.canvas.drawString(x, self.y, word)
            x += self.width(word) + gap
        self.y -= self.LEADING

    def paragraph(self, text: str | list[str]) -> None:
        lines = self._wrap(text) if isinstance(text, str) else text
        for i, line in enumerate(lines):
            x = self.LEFT + (self.INDENT if i == 0 else 0)
            if i < len(lines) - 1:
                self.justified(x, line)
            else:
                self.line(x, line)

    def _wrap(self, text: str) -> list[str]:
        lines, line = [], ""
        for word in text.split():
            room = self.RIGHT - self.LEFT - (self.INDENT if not lines else 0)
            if line and self.width(f"{line} {word}") > room:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}".strip()
        return [*lines, line]

    def new_page(self) -> None:
        self.canvas.setFont(self.font, 10)
        self.canvas.drawCentredString((self.LEFT + self.RIGHT) / 2, 40, str(self.number))  # page number
        self.canvas.showPage()
        self.number += 1
        self.y = self.TOP

    def save(self) -> None:
        self.new_page()
        self.canvas.save()


def write_pdf(path: Path, **kwargs) -> bytes:
    page = _Page(str(path), **kwargs)
    page.line(page.LEFT + 20, "CÔNG AN TỈNH LẠNG SƠN", 11, advance=False)
    page.line(315, HEADER["motto"], 11)
    page.line(page.LEFT + 20, "Số: 88/BC-CAT", 11, advance=False)
    page.line(345, HEADER["slogan"], 11)
    page.line(330, "Lạng Sơn, ngày 15 tháng 12 năm 2023", 11)
    page.y -= 20
    page.centred("BÁO CÁO", 13)
    page.centred("Sơ kết phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2023", 13)
    page.y -= 10
    for text in PDF_PAGE_1:
        page.paragraph(text)
    page.new_page()
    page.paragraph(PDF_HYPHENATED)
    page.paragraph("Các mô hình tự quản ở khu vực biên giới tiếp tục được duy trì và phát huy hiệu quả.")
    page.save()
    return path.read_bytes()


def write_scan(path: Path) -> None:
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    image = Image.new("L", (600, 800), 255)
    draw = ImageDraw.Draw(image)
    for y in range(60, 760, 24):  # lines of "text" as a scanner sees them
        draw.rectangle((50, y, 550, y + 10), fill=0)
    pdf = canvas.Canvas(str(path))
    for _ in range(2):
        pdf.drawImage(ImageReader(image), 0, 0, width=595, height=842)
        pdf.showPage()
    pdf.save()


def write_html(path: Path) -> None:
    path.write_text(f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<title>{HTML_HEADLINE} - Báo Nghệ An</title>
<meta property="og:title" content="{HTML_HEADLINE}">
<meta property="og:site_name" content="Báo Nghệ An">
<style>body {{ font-family: sans-serif }} .menu {{ color: red }}</style>
<script>var trackingCode = "UA-123"; function share() {{ return "Chia sẻ"; }}</script>
</head><body>
<header><nav class="menu"><ul><li><a href="/">Trang chủ</a></li><li><a href="/thoi-su">Thời sự</a></li>
<li><a href="/an-ninh">An ninh trật tự</a></li><li><a href="/login">Đăng nhập</a></li></ul></nav></header>
<main><article>
<h1>{HTML_HEADLINE}</h1>
<time datetime="2023-11-05T07:30:00+07:00">05/11/2023 07:30</time>
<p>Thời gian qua, Công an huyện Diễn Châu, tỉnh Nghệ An đã phối hợp với Mặt trận Tổ quốc các xã đẩy mạnh
công tác tuyên truyền phòng, chống ma túy trong nhân dân, nhất là thanh thiếu niên.</p>
<p>{HTML_FACT}</p>
<p>Nhiều gia đình đã chủ động cung cấp thông tin giúp lực lượng Công an phát hiện, xử lý các đối tượng
mua bán, tàng trữ trái phép chất ma túy trên địa bàn.</p>
</article>
<aside class="related"><h3>Tin liên quan</h3><ul>
<li><a href="/a">Công an xã Diễn Kỷ ra mắt 5 mô hình tự quản</a></li>
<li><a href="/b">Nghệ An tổng kết phong trào toàn dân bảo vệ an ninh Tổ quốc</a></li></ul></aside>
</main>
<footer class="footer"><p>Bản quyền thuộc Báo Nghệ An. Địa chỉ: 54 Nguyễn Thị Minh Khai, TP Vinh.</p></footer>
<script>console.log("cuối trang");</script>
</body></html>""", encoding="utf-8")


def write_markdown(path: Path) -> None:
    path.write_text(f"""---
title: Quảng Nam nhân rộng mô hình tự quản về an ninh trật tự
date: 2023-06-22
author: Viết Tuyên
province: quang nam
---
# Quảng Nam nhân rộng mô hình tự quản

Ngày 22/6, Công an tỉnh phối hợp với Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh tổ chức hội nghị sơ kết
phong trào toàn dân bảo vệ an ninh Tổ quốc.

{MD_FACT}
""", encoding="utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory, embedder):
    from assistant.indexer import build_index
    from assistant.store import load_index

    root = tmp_path_factory.mktemp("formats")
    corpus = root / "corpus"
    corpus.mkdir()
    docx_bytes = write_docx(corpus / GOOD[0])
    pdf_bytes = write_pdf(corpus / GOOD[1])
    write_html(corpus / GOOD[2])
    write_markdown(corpus / GOOD[3])

    from reportlab.lib.pdfencrypt import StandardEncryption

    write_scan(corpus / "ban-scan.pdf")
    write_pdf(corpus / "co-mat-khau.pdf", encrypt=StandardEncryption("mat-khau", ownerPassword="chu"))
    (corpus / "hong.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 20)
    (corpus / "rong.txt").write_bytes(b"")
    (corpus / "nham-ten.docx").write_bytes(pdf_bytes)
    (corpus / "bi-cat.docx").write_bytes(docx_bytes[: len(docx_bytes) // 2])
    (corpus / "qua-lon.html").write_text("<html><body><p>" + "Nội dung rất dài. " * 150_000 + "</p></body></html>",
                                         encoding="utf-8")
    assert (corpus / "qua-lon.html").stat().st_size > LIMITS.max_bytes

    index = root / "index"
    summary = build_index(corpus, index, embedder=embedder, limits=LIMITS)
    data = load_index(index)
    return summary, data


@pytest.fixture(scope="module")
def assistant(built):
    from assistant.answer import Assistant

    return Assistant(built[1])


def _report(data, source: str):
    return next(r for r in data.reports.values() if r.source == source)


# --------------------------------------------------------------------------------- the build

def test_broken_files_are_skipped_with_a_one_line_reason_and_the_rest_indexed(built):
    summary, data = built
    assert sorted(r.source for r in data.reports.values()) == sorted(GOOD)
    assert summary.reports == len(GOOD) and sorted(summary.added) == sorted(GOOD)
    assert len(summary.skipped) == len(BROKEN), summary.skipped
    for name, reason in BROKEN.items():
        lines = [s for s in summary.skipped if s.startswith(f"{name}: ")]
        assert len(lines) == 1, (name, summary.skipped)
        assert reason in lines[0] and "\n" not in lines[0], lines[0]


def test_metadata_of_each_format(built):
    _, data = built
    docx_meta = _report(data, GOOD[0]).meta
    assert (docx_meta["issuer"], docx_meta["doc_number"], docx_meta["date"], docx_meta["place"],
            docx_meta["province"]) == ("CÔNG AN TỈNH BẮC GIANG", "125/BC-CAT", "2023-12-20", "Bắc Giang", "Bắc Giang")
    assert docx_meta["title"] == DOCX_TITLE and docx_meta["author"] == "Nguyễn Thị Hoa"
    pdf_meta = _report(data, GOOD[1]).meta
    assert (pdf_meta["issuer"], pdf_meta["doc_number"], pdf_meta["date"], pdf_meta["province"]) == (
        "CÔNG AN TỈNH LẠNG SƠN", "88/BC-CAT", "2023-12-15", "Lạng Sơn")
    html_meta = _report(data, GOOD[2]).meta
    assert (html_meta["title"], html_meta["date"], html_meta["province"]) == (HTML_HEADLINE, "2023-11-05", "Nghệ An")
    md_meta = _report(data, GOOD[3]).meta
    assert (md_meta["title"], md_meta["date"], md_meta["author"], md_meta["province"], md_meta["merged_province"]) \
        == ("Quảng Nam nhân rộng mô hình tự quản về an ninh trật tự", "2023-06-22", "Viết Tuyên", "Quảng Nam",
            "Đà Nẵng")


def test_stored_text_of_each_format(built):
    _, data = built
    docx_text = _report(data, GOOD[0]).text
    assert ROW in docx_text.split("\n") and DOCX_INTRO in docx_text
    pdf = _report(data, GOOD[1])
    assert len(pdf.page_starts) == 2 and pdf.text[pdf.page_starts[1]:].startswith(PDF_FACT)  # "ca-" + "mera"
    html_text = _report(data, GOOD[2]).text
    assert html_text.startswith(HTML_HEADLINE) and HTML_FACT in html_text
    for chrome in HTML_CHROME:
        assert chrome not in html_text, chrome
    md = _report(data, GOOD[3])
    assert md.text.startswith("---\ntitle:")  # offsets index the file as read, front matter included
    front_matter_end = md.text.index("---", 3)
    assert all(c.start > front_matter_end for c in data.chunks if c.doc_id == md.doc_id)  # never cited
    for chunk in data.chunks:  # the header, signature and page chrome are not passages
        passage = data.reports[chunk.doc_id].text[chunk.start:chunk.end]
        assert "Nơi nhận" not in passage and "CỘNG HÒA" not in passage


def test_pdf_chunks_carry_their_page(built):
    _, data = built
    pdf = _report(data, GOOD[1])
    chunks = [c for c in data.chunks if c.doc_id == pdf.doc_id]
    assert chunks and all(c.page == sum(1 for s in pdf.page_starts if s <= c.start) for c in chunks)
    assert all(c.page is None for c in data.chunks if c.doc_id != pdf.doc_id)


# ----------------------------------------------------------------------------- the answers

def _check_citations(answer, data) -> None:
    assert answer.found, answer.to_json()
    for citation in answer.citations:
        report = data.reports[citation.doc_id]
        assert report.text[citation.start:citation.end] == citation.text


def test_docx_table_row_answers_how_many(assistant, built):
    answer = assistant.ask("Xã Tân Lập có bao nhiêu tổ tự quản?")
    _check_citations(answer, built[1])
    assert "37" in answer.answer, answer.to_json()
    assert answer.citations[0].source == GOOD[0]
    assert ROW in answer.citations[0].text


def test_pdf_fact_on_page_two_is_cited_with_its_page(assistant, built):
    answer = assistant.ask("Huyện Hữu Lũng đã lắp đặt bao nhiêu camera an ninh?")
    _check_citations(answer, built[1])
    assert "215" in answer.answer, answer.to_json()
    citation = answer.citations[0]
    assert citation.source == GOOD[1] and citation.page == 2
    assert "215 camera an ninh" in citation.text
    assert answer.to_json()["citations"][0]["page"] == 2


def test_html_article_fact_is_answered(assistant, built):
    answer = assistant.ask("Xã Diễn Kỷ đã tổ chức bao nhiêu buổi tuyên truyền về phòng, chống ma túy?")
    _check_citations(answer, built[1])
    assert "18" in answer.answer, answer.to_json()
    assert answer.citations[0].source == GOOD[2] and "18 buổi tuyên truyền" in answer.citations[0].text
    assert "page" not in answer.to_json()["citations"][0]


def test_markdown_fact_is_answered_and_front_matter_province_filters(assistant, built):
    answer = assistant.ask("Quảng Nam duy trì bao nhiêu mô hình tự quản?")
    _check_citations(answer, built[1])
    assert "1.000" in answer.answer, answer.to_json()
    assert answer.citations[0].source == GOOD[3] and answer.citations[0].province == "Quảng Nam"
