"""DOCX, PDF and HTML readers on real files written at test time, with Vietnamese text.

PDFs are drawn with reportlab in DejaVu Sans (the system's, else the copy bundled with matplotlib),
which has every Vietnamese glyph; DOCX files are written with python-docx.
"""
from __future__ import annotations

import datetime as dt
import io
import json
import unicodedata
import zipfile
from pathlib import Path

import pytest

from assistant.metadata import extract_metadata
from assistant.readers import ReportError, read_report
from assistant.settings import ReadingLimits
from assistant.text import sentences


def vietnamese_font() -> Path:
    """DejaVu Sans, which has every Vietnamese glyph: the system's copy, else matplotlib's bundled one."""
    system = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if system.exists():
        return system
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"

HEADER = [
    "CÔNG AN TỈNH BẮC GIANG",
    "PHÒNG THAM MƯU",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Số: 125/BC-CAT",
    "Bắc Giang, ngày 20 tháng 12 năm 2023",
]
INTRO = ("Năm 2023, Công an tỉnh phối hợp với Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh đẩy mạnh phong trào "
         "toàn dân bảo vệ an ninh Tổ quốc, xây dựng và nhân rộng các mô hình tự quản ở cơ sở.")


def assert_one_line_error(path: Path, reason: str, limits: ReadingLimits | None = None) -> str:
    with pytest.raises(ReportError) as err:
        read_report(path, limits)
    message = str(err.value)
    assert path.name in message and reason in message and "\n" not in message, message
    return message


# ----------------------------------------------------------------------------------------- DOCX

def _docx(path: Path, *, dateline: bool = True, properties: bool = True) -> Path:
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    header = document.add_table(rows=2, cols=2)  # the official header: a borderless layout table
    header.cell(0, 0).text = HEADER[0]
    header.cell(0, 0).add_paragraph(HEADER[1])
    header.cell(0, 1).text = HEADER[2]
    header.cell(0, 1).add_paragraph(HEADER[3])
    header.cell(0, 1).add_paragraph("_______________")  # the rule under the motto
    header.cell(1, 0).text = HEADER[4]
    header.cell(1, 1).text = HEADER[5] if dateline else "Bắc Giang, tháng 12/2023"
    document.add_heading("BÁO CÁO", level=1)
    document.add_paragraph("Kết quả thực hiện phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2023")
    document.add_heading("I. KẾT QUẢ ĐẠT ĐƯỢC", level=2)
    document.add_paragraph(unicodedata.normalize("NFD", INTRO))  # decomposed input, NFC output
    paragraph = document.add_paragraph("Các xã đã thành lập ")
    deleted = OxmlElement("w:del")  # a tracked deletion never shows
    run = OxmlElement("w:r")
    text = OxmlElement("w:delText")
    text.text = "không "
    run.append(text)
    deleted.append(run)
    paragraph._p.append(deleted)
    paragraph.add_run("tổ tự quản như sau:")

    table = document.add_table(rows=3, cols=2)
    table.style = "Table Grid"
    for r, (commune, groups) in enumerate([("Xã", "Số tổ tự quản"), ("Tân Lập", "37"), ("Hương Sơn", "42")]):
        table.cell(r, 0).text = commune
        table.cell(r, 1).text = groups

    document.add_paragraph("Số vụ việc được hòa giải thành theo năm:")
    grouped = document.add_table(rows=4, cols=3)  # a merged header cell over a second header row
    grouped.cell(0, 0).merge(grouped.cell(1, 0)).text = "Huyện"
    grouped.cell(0, 1).merge(grouped.cell(0, 2)).text = "Hòa giải thành"
    grouped.cell(1, 1).text, grouped.cell(1, 2).text = "2022", "2023"
    grouped.cell(2, 0).text, grouped.cell(2, 1).text, grouped.cell(2, 2).text = "Lục Nam", "12", "15"
    grouped.cell(3, 0).merge(grouped.cell(3, 2)).text = "Huyện Yên Thế chưa báo cáo"

    document.add_heading("II. PHƯƠNG HƯỚNG", level=2)
    document.add_paragraph("Tiếp tục nhân rộng mô hình “Camera an ninh”.\nDuy trì tổ tự quản ở 100% thôn.")
    signature = document.add_table(rows=1, cols=2)
    signature.cell(0, 0).text = "Nơi nhận:"
    signature.cell(0, 0).add_paragraph("- Lưu: VT.")
    signature.cell(0, 1).text = "KT. GIÁM ĐỐC"
    signature.cell(0, 1).add_paragraph("PHÓ GIÁM ĐỐC")
    signature.cell(0, 1).add_paragraph("Trần Văn Hùng")
    assert qn("w:del")  # the namespace helper is there for the deletion above
    if properties:
        core = document.core_properties
        core.title = "Báo cáo kết quả phong trào toàn dân bảo vệ ANTQ năm 2023"
        core.author = "Nguyễn Thị Hoa"
        core.created = dt.datetime(2023, 12, 21, 8, 30)
    document.save(path)
    return path


def test_docx_header_lines_come_first_each_on_its_own_line(tmp_path):
    report = read_report(_docx(tmp_path / "bc.docx"))
    assert report.text.split("\n")[:6] == HEADER
    assert report.page_starts is None and report.skip == ()


def test_docx_paragraphs_and_headings_in_order(tmp_path):
    text = read_report(_docx(tmp_path / "bc.docx")).text
    order = ["Bắc Giang, ngày 20", "BÁO CÁO", "Kết quả thực hiện", "I. KẾT QUẢ ĐẠT ĐƯỢC", INTRO,
             "Các xã đã thành lập tổ tự quản như sau:", "Xã Tân Lập: số tổ tự quản là 37.", "II. PHƯƠNG HƯỚNG",
             "Tiếp tục nhân rộng mô hình “Camera an ninh”.\nDuy trì tổ tự quản ở 100% thôn.",
             "Nơi nhận:", "KT. GIÁM ĐỐC", "Trần Văn Hùng"]
    positions = [text.index(part) for part in order]
    assert positions == sorted(positions)
    assert "không" not in text and "____" not in text
    assert unicodedata.is_normalized("NFC", text)
    assert "\n\nBÁO CÁO\n\n" in text  # paragraphs are blocks separated by a blank line


def test_docx_table_rows_keep_their_column_headers(tmp_path):
    text = read_report(_docx(tmp_path / "bc.docx")).text
    lines = text.split("\n")
    assert "Xã Tân Lập: số tổ tự quản là 37." in lines
    assert "Xã Hương Sơn: số tổ tự quản là 42." in lines
    # "Xã Tân Lập có bao nhiêu tổ tự quản?" → 37: the row is one sentence (no ";", which the
    # sentence splitter cuts at) that names the commune, the column and the value
    row = "Xã Tân Lập: số tổ tự quản là 37."
    start = text.index(row)
    assert sentences(text, start, start + len(row)) == [(start, start + len(row))]


def test_docx_merged_header_cells_name_the_columns(tmp_path):
    lines = read_report(_docx(tmp_path / "bc.docx")).text.split("\n")
    assert "Huyện Lục Nam: hòa giải thành 2022 là 12, hòa giải thành 2023 là 15." in lines
    assert "Huyện Yên Thế chưa báo cáo" in lines  # a row spanning the table stays as it is


def test_docx_signature_block_is_plain_lines(tmp_path):
    text = read_report(_docx(tmp_path / "bc.docx")).text
    assert text.endswith("Nơi nhận:\n- Lưu: VT.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nTrần Văn Hùng")


def test_docx_header_is_understood_downstream(tmp_path):
    report = read_report(_docx(tmp_path / "bc.docx"))
    meta = extract_metadata(report.text, declared=report.meta)
    assert meta.doc_number == "125/BC-CAT"
    assert meta.date == "2023-12-20"  # the dateline, not the file's creation date
    assert meta.province == "Bắc Giang" and meta.issuer == "CÔNG AN TỈNH BẮC GIANG"


def test_docx_core_properties_become_meta(tmp_path):
    meta = read_report(_docx(tmp_path / "bc.docx")).meta
    assert meta == {"title": "Báo cáo kết quả phong trào toàn dân bảo vệ ANTQ năm 2023",
                    "author": "Nguyễn Thị Hoa"}  # no date: the report has its own dateline
    undated = read_report(_docx(tmp_path / "undated.docx", dateline=False)).meta
    assert undated["date"] == "2023-12-21"


def test_docx_placeholder_properties_are_not_meta(tmp_path):
    # python-docx's template says author "python-docx", created 2013-12-23: meaningless
    assert read_report(_docx(tmp_path / "bc.docx", dateline=False, properties=False)).meta == {}


def test_docx_is_deterministic(tmp_path):
    path = _docx(tmp_path / "bc.docx")
    assert read_report(path) == read_report(path)


# ------------------------------------------------------------------------------------------ PDF

def _font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", str(vietnamese_font())))
    return "DejaVuSans"


class _Pdf:
    """A minimal typesetter: justified paragraphs with a first-line indent, as reports are laid out."""

    LEFT, RIGHT, TOP, SIZE, LEADING, INDENT = 70.0, 525.0, 770.0, 12.0, 17.0, 30.0

    def __init__(self, path: Path, **kwargs):
        from reportlab.pdfgen import canvas

        self.font = _font()
        self.canvas = canvas.Canvas(str(path), pagesize=(595.27, 841.89), **kwargs)
        self.page = 1
        self.y = self.TOP

    def width(self, text: str, size: float | None = None) -> float:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        return stringWidth(text, self.font, size or self.SIZE)

    def text(self, x: float, text: str, size: float | None = None, *, advance: bool = True) -> None:
        self.canvas.setFont(self.font, size or self.SIZE)
        self.canvas.drawString(x, self.y, text)
        if advance:
            self.y -= self.LEADING

    def centred(self, text: str, size: float | None = None) -> None:
        self.text((self.LEFT + self.RIGHT - self.width(text, size)) / 2, text, size)

    def justified(self, x: float, line: str) -> None:
        """Words placed one by one so the line runs exactly to the right margin."""
        words = line.split(" ")
        natural = sum(self.width(w) for w in words)
        gap = (self.RIGHT - x - natural) / max(len(words) - 1, 1)
        assert self.width(" ") <= gap < 2 * self.SIZE, f"cannot justify {line!r}"
        self.canvas.setFont(self.font, self.SIZE)
        for word in words:
            self.canvas.drawString(x, self.y, word)
            x += self.width(word) + gap
        self.y -= self.LEADING

    def wrap(self, text: str) -> list[str]:
        lines, line = [], ""
        for word in text.split():
            width = self.RIGHT - self.LEFT - (self.INDENT if not lines else 0)
            if line and self.width(line + " " + word) > width:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}".strip()
        return [*lines, line]

    def paragraph(self, lines: list[str] | str) -> None:
        lines = self.wrap(lines) if isinstance(lines, str) else lines
        for i, line in enumerate(lines):
            x = self.LEFT + (self.INDENT if i == 0 else 0)
            if i < len(lines) - 1:
                self.justified(x, line)
            else:
                self.text(x, line)

    def new_page(self) -> None:
        self.canvas.setFont(self.font, 10)
        self.canvas.drawCentredString((self.LEFT + self.RIGHT) / 2, 40, str(self.page))  # the page number
        self.canvas.showPage()
        self.page += 1
        self.y = self.TOP

    def save(self) -> None:
        self.new_page()
        self.canvas.save()


LONG = ("Trong năm 2023, lực lượng Công an các cấp đã chủ động tham mưu cho cấp ủy, chính quyền địa phương "
        "triển khai đồng bộ các giải pháp phòng ngừa, đấu tranh với tội phạm, bảo đảm an ninh chính trị và trật "
        "tự an toàn xã hội; phát huy vai trò của các tổ an ninh nhân dân, tổ hòa giải ở cơ sở.")
HYPHENATED = ["Công an tỉnh đã phối hợp với các địa phương lắp đặt hệ thống ca-",
              "mera an ninh tại 120 khu dân cư, góp phần phát hiện nhiều vụ việc."]
UPPER_CONTINUATION = ["Công an tỉnh đã phối hợp chặt chẽ với các cơ quan, đoàn thể và với",
                      "Ủy ban Mặt trận Tổ quốc tỉnh tổ chức 2 hội nghị."]
BULLETS = ["- Xã Tân Lập có 37 tổ tự quản;", "- Xã Hương Sơn có 42 tổ tự quản."]
CROSS_PAGE_1 = "Toàn tỉnh hiện có 1.250 tổ tự quản về an ninh trật tự được duy trì"
CROSS_PAGE_2 = "hoạt động hiệu quả, được nhân dân đồng tình ủng hộ."
PAGE_2_PARAGRAPH = "Năm 2024, Công an tỉnh tiếp tục nhân rộng mô hình ở xã Tân Lập."
TABLE = [("Xã", "Số tổ tự quản"), ("Tân Lập", "37"), ("Hương Sơn", "42")]


def _pdf(path: Path, **kwargs) -> Path:
    pdf = _Pdf(path, **kwargs)
    pdf.text(pdf.LEFT, HEADER[0], 11, advance=False)
    pdf.text(315, HEADER[2], 11)
    pdf.text(pdf.LEFT + 25, HEADER[1], 11, advance=False)
    pdf.text(345, HEADER[3], 11)
    pdf.y -= 8
    pdf.text(pdf.LEFT + 20, HEADER[4], 11, advance=False)
    pdf.text(330, HEADER[5], 11)
    pdf.y -= 20
    pdf.centred("BÁO CÁO", 13)
    pdf.centred("Kết quả phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2023", 13)
    pdf.y -= 10
    pdf.paragraph(LONG)
    pdf.paragraph(HYPHENATED)
    pdf.paragraph("Đây là đoạn ngắn.")
    pdf.paragraph(UPPER_CONTINUATION)
    for bullet in BULLETS:
        pdf.text(pdf.LEFT + pdf.INDENT, bullet)
    pdf.justified(pdf.LEFT + pdf.INDENT, CROSS_PAGE_1)
    pdf.new_page()
    pdf.text(pdf.LEFT, CROSS_PAGE_2)
    pdf.paragraph(PAGE_2_PARAGRAPH)
    for commune, groups in TABLE:  # a table without rules: cells side by side
        pdf.text(pdf.LEFT + 40, commune, advance=False)
        pdf.text(330, groups)
    pdf.save()
    return path


def _paragraphs(text: str) -> list[str]:
    return text.split("\n\n")


def test_pdf_header_lines_come_first_each_on_its_own_line(tmp_path):
    text = read_report(_pdf(tmp_path / "bc.pdf")).text
    assert sorted(_paragraphs(text)[:6]) == sorted(HEADER)
    assert _paragraphs(text)[0] == HEADER[0]


def test_pdf_lines_of_a_paragraph_are_joined_and_paragraphs_kept(tmp_path):
    paragraphs = _paragraphs(read_report(_pdf(tmp_path / "bc.pdf")).text)
    assert paragraphs[6:8] == ["BÁO CÁO", "Kết quả phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2023"]
    assert LONG in paragraphs
    assert "Đây là đoạn ngắn." in paragraphs
    assert " ".join(UPPER_CONTINUATION) in paragraphs  # a full line goes on even before a capital
    assert set(BULLETS) <= set(paragraphs)  # list items stay apart
    assert "Công an tỉnh đã phối hợp với các địa phương lắp đặt hệ thống camera an ninh tại 120 khu dân cư, " \
           "góp phần phát hiện nhiều vụ việc." in paragraphs


def test_pdf_pages_start_where_their_text_starts(tmp_path):
    report = read_report(_pdf(tmp_path / "bc.pdf"))
    assert len(report.page_starts) == 2 and report.page_starts[0] == 0
    # the paragraph runs on across the page break; page 2 starts in the middle of it
    joined = f"{CROSS_PAGE_1} {CROSS_PAGE_2}"
    assert joined in _paragraphs(report.text)
    assert report.text[report.page_starts[1]:].startswith(CROSS_PAGE_2 + "\n\n" + PAGE_2_PARAGRAPH)


def test_pdf_page_numbers_are_not_text(tmp_path):
    paragraphs = _paragraphs(read_report(_pdf(tmp_path / "bc.pdf")).text)
    assert "1" not in paragraphs and "2" not in paragraphs
    assert paragraphs[-2] == PAGE_2_PARAGRAPH


def test_pdf_table_rows_keep_their_column_headers(tmp_path):
    paragraphs = _paragraphs(read_report(_pdf(tmp_path / "bc.pdf")).text)
    assert paragraphs[-1] == "Xã | Số tổ tự quản\nXã Tân Lập: số tổ tự quản là 37.\nXã Hương Sơn: số tổ tự quản là 42."


def test_pdf_cells_side_by_side_that_are_not_a_clear_table_stay_cells(tmp_path):
    pdf = _Pdf(tmp_path / "cells.pdf")
    for left, right in [("Đơn vị thực hiện", "Ghi chú"), ("Công an xã Tân Lập", "Đã hoàn thành"),
                        ("Công an xã Hương Sơn", "Đang triển khai")]:  # no number cell: not a clear table
        pdf.text(pdf.LEFT, left, advance=False)
        pdf.text(330, right)
    pdf.y -= 20
    pdf.paragraph("Đây là đoạn ngắn.")
    for left, right in [("Xã", "Số tổ tự quản"), ("Tân Lập", ""), ("Hương Sơn", "42")]:  # an empty cell
        pdf.text(pdf.LEFT, left, advance=False)
        pdf.text(330, right)
    pdf.save()
    assert _paragraphs(read_report(tmp_path / "cells.pdf").text) == [
        "Đơn vị thực hiện | Ghi chú\nCông an xã Tân Lập | Đã hoàn thành\nCông an xã Hương Sơn | Đang triển khai",
        "Đây là đoạn ngắn.", "Xã | Số tổ tự quản", "Tân Lập", "Hương Sơn | 42"]


def test_pdf_header_is_understood_downstream(tmp_path):
    report = read_report(_pdf(tmp_path / "bc.pdf"))
    meta = extract_metadata(report.text, declared=report.meta)
    assert (meta.doc_number, meta.date, meta.province) == ("125/BC-CAT", "2023-12-20", "Bắc Giang")


def test_pdf_text_is_nfc_and_deterministic(tmp_path):
    path = _pdf(tmp_path / "bc.pdf")
    first = read_report(path)
    assert unicodedata.is_normalized("NFC", first.text)
    assert read_report(path) == first
    assert first == read_report(_pdf(tmp_path / "again.pdf"))


def test_pdf_header_lines_wrapped_in_a_narrow_column_are_rejoined(tmp_path):
    pdf = _Pdf(tmp_path / "hep.pdf")
    for left, right in [(HEADER[0], "CỘNG HÒA XÃ HỘI CHỦ NGHĨA"), (HEADER[1], "VIỆT NAM"),
                        (HEADER[4], "Bắc Giang, ngày 20 tháng 12 năm"), ("", "2023")]:
        pdf.text(pdf.LEFT, left, advance=False)
        pdf.text(340 + (220 - pdf.width(right)) / 2, right)  # centred in its column
    pdf.y -= 20
    pdf.paragraph(LONG)
    pdf.save()
    report = read_report(tmp_path / "hep.pdf")
    assert _paragraphs(report.text) == [HEADER[0], "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", HEADER[1], HEADER[4],
                                        HEADER[5], LONG]


@pytest.mark.parametrize("degrees", [0, 90, 270])  # landscape tables; upside-down text is not handled
def test_pdf_turned_text_is_read_in_its_own_direction(tmp_path, degrees):
    path = tmp_path / f"turned-{degrees}.pdf"
    pdf = _Pdf(path)
    width, height = 595.27, 841.89
    origin = {0: (0, 0), 90: (width, 0), 270: (0, height)}[degrees]
    pdf.canvas.translate(*origin)
    pdf.canvas.rotate(degrees)
    pdf.y = 500
    pdf.paragraph(LONG)
    pdf.paragraph(PAGE_2_PARAGRAPH)
    pdf.canvas.showPage()
    pdf.canvas.save()
    assert _paragraphs(read_report(path).text) == [LONG, PAGE_2_PARAGRAPH]


def test_pdf_over_the_page_limit_is_refused(tmp_path):
    assert_one_line_error(_pdf(tmp_path / "bc.pdf"), "over the 1-page limit", ReadingLimits(max_pages=1))


def test_scanned_pdf_needs_ocr(tmp_path):
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    image = Image.new("L", (600, 800), 255)
    draw = ImageDraw.Draw(image)
    for y in range(60, 760, 24):  # lines of "text" as a scanner sees them
        draw.rectangle((50, y, 550, y + 10), fill=0)
    path = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(path))
    for _ in range(2):
        pdf.drawImage(ImageReader(image), 0, 0, width=595, height=842)
        pdf.showPage()
    pdf.save()
    message = assert_one_line_error(path, "no text layer (scanned PDF?) — needs OCR, skipped")
    assert message.startswith("scan.pdf: ")


def test_encrypted_pdf_is_refused_unless_the_empty_password_opens_it(tmp_path):
    from reportlab.lib.pdfencrypt import StandardEncryption

    locked = _pdf(tmp_path / "locked.pdf", encrypt=StandardEncryption("mat-khau", ownerPassword="chu"))
    assert_one_line_error(locked, "encrypted")
    restricted = StandardEncryption("", ownerPassword="chu", canCopy=0, canModify=0)
    text = read_report(_pdf(tmp_path / "restricted.pdf", encrypt=restricted)).text
    assert LONG in _paragraphs(text)


# ----------------------------------------------------------------------------------------- HTML

ARTICLE = [
    ("Năm 2023, Công an xã Tân Lập phối hợp với Ủy ban Mặt trận Tổ quốc xã xây dựng và duy trì 37 tổ tự "
     "quản về an ninh trật tự, góp phần giữ vững bình yên thôn xóm."),
    ("Các tổ tự quản đã tham gia hòa giải thành 15 vụ việc mâu thuẫn trong nhân dân, cung cấp nhiều nguồn "
     "tin có giá trị giúp lực lượng Công an đấu tranh, xử lý tội phạm."),
    ("Ông Nguyễn Văn Bình, Trưởng Ban công tác Mặt trận thôn Đồng Tâm cho biết, phong trào toàn dân bảo vệ "
     "an ninh Tổ quốc ngày càng lan tỏa rộng khắp trên địa bàn."),
]
HEADLINE = "Xã Tân Lập nhân rộng mô hình tự quản về an ninh trật tự"
ROWS = "Xã Tân Lập: số tổ tự quản là 37.\nXã Hương Sơn: số tổ tự quản là 42."
CHROME = ["Trang chủ", "Thời sự", "mã theo dõi", "font-family", "Tin liên quan", "camera an ninh",
          "tổng kết phong trào", "Bản quyền", "52 Nguyễn Văn Cừ", "cuối trang"]


def _html(head: str = "", time: str = "") -> str:
    paragraphs = "\n".join(f"<p>{p}</p>" for p in ARTICLE)
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
{head}
<style>body {{ font-family: sans-serif }}</style>
<script>var tracking = "Đây là mã theo dõi"; function f() {{ return 1; }}</script>
</head><body>
<header><nav class="menu"><ul><li><a href="/">Trang chủ</a></li><li><a href="/thoi-su">Thời sự</a></li>
<li><a href="/an-ninh">An ninh trật tự</a></li></ul></nav></header>
<main><article>
<h1>{HEADLINE}</h1>
{time}
{paragraphs}
<table><tr><th>Xã</th><th>Số tổ tự quản</th></tr><tr><td>Tân Lập</td><td>37</td></tr>
<tr><td>Hương Sơn</td><td>42</td></tr></table>
</article>
<aside class="related"><h3>Tin liên quan</h3><ul>
<li><a href="/a">Huyện Lục Nam ra mắt mô hình camera an ninh</a></li>
<li><a href="/b">Công an tỉnh tổng kết phong trào năm 2023</a></li></ul></aside>
</main>
<footer class="footer"><p>Bản quyền thuộc Báo Bắc Giang. Địa chỉ: 52 Nguyễn Văn Cừ, TP Bắc Giang.</p></footer>
<script>console.log("cuối trang");</script>
</body></html>"""


OPEN_GRAPH = f"""<title>{HEADLINE} - Báo Bắc Giang</title>
<meta property="og:title" content="{HEADLINE}">
<meta property="og:site_name" content="Báo Bắc Giang">
<meta property="article:published_time" content="2023-12-20T08:30:00+07:00">"""


def test_html_article_only_without_page_chrome(tmp_path):
    path = tmp_path / "tin.html"
    path.write_text(_html(OPEN_GRAPH), encoding="utf-8")
    report = read_report(path)
    assert _paragraphs(report.text) == [HEADLINE, *ARTICLE, ROWS]
    for chrome in CHROME:
        assert chrome not in report.text


def test_html_meta_from_the_pages_own_elements(tmp_path):
    path = tmp_path / "tin.html"
    path.write_text(_html(OPEN_GRAPH, '<time datetime="2023-12-19">19/12/2023</time>'), encoding="utf-8")
    assert read_report(path).meta == {"title": HEADLINE, "date": "2023-12-20"}


@pytest.mark.parametrize("head, time, meta", [
    (f"<title>{HEADLINE} | Báo Bắc Giang</title><meta property='og:site_name' content='Báo Bắc Giang'>",
     '<time datetime="2023-12-19T10:00:00+07:00">19/12/2023</time>', {"title": HEADLINE, "date": "2023-12-19"}),
    ("<script type='application/ld+json'>" + json.dumps({"@type": "NewsArticle", "datePublished": "2023-11-02"})
     + "</script>", "", {"title": HEADLINE, "date": "2023-11-02"}),
    ("<meta name='pubdate' content='05/10/2023'>", "", {"title": HEADLINE, "date": "2023-10-05"}),
    ("", "", {"title": HEADLINE}),
])
def test_html_title_and_date_fallbacks(tmp_path, head, time, meta):
    path = tmp_path / "tin.htm"
    path.write_text(_html(head, time), encoding="utf-8")
    assert read_report(path).meta == meta


def _cp1258(text: str) -> bytes:
    """Windows-1258 as old Vietnamese sites wrote it: base letters, then the tone as a combining mark."""
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFD", ch)
            tone = next(c for c in decomposed if c in "\u0300\u0301\u0303\u0309\u0323")
            base = unicodedata.normalize("NFC", decomposed.replace(tone, ""))
            out += base.encode("cp1258") + tone.encode("cp1258")
    return out


def test_html_legacy_encoding_is_decoded_and_normalised(tmp_path):
    page = _html(OPEN_GRAPH).replace('<meta charset="utf-8">', '<meta charset="windows-1258">')
    path = tmp_path / "cu.html"
    path.write_bytes(_cp1258(page))
    report = read_report(path)
    assert _paragraphs(report.text) == [HEADLINE, *ARTICLE, ROWS]
    assert report.meta["title"] == HEADLINE


def test_html_is_deterministic(tmp_path):
    path = tmp_path / "tin.html"
    path.write_text(_html(OPEN_GRAPH), encoding="utf-8")
    assert read_report(path) == read_report(path)


# --------------------------------------------------------------------------------------- errors

def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.fixture()
def samples(tmp_path) -> dict[str, bytes]:
    page = tmp_path / "page.html"
    page.write_text(_html(OPEN_GRAPH), encoding="utf-8")
    return {"pdf": _pdf(tmp_path / "s.pdf").read_bytes(), "docx": _docx(tmp_path / "s.docx").read_bytes(),
            "html": page.read_bytes()}


@pytest.mark.parametrize("name, kind, reason", [
    ("bao-cao.docx", "pdf", "named .docx but the content is a PDF file; rename it to .pdf"),
    ("bao-cao.pdf", "html", "named .pdf but the content is an HTML page; rename it to .html"),
    ("bao-cao.pdf", "docx", "named .pdf but the content is a ZIP archive"),
    ("bao-cao.html", "pdf", "named .html but the content is a PDF file; rename it to .pdf"),
    ("bao-cao.txt", "docx", "named .txt but the content is a ZIP archive"),
])
def test_mislabelled_files_are_refused(tmp_path, samples, name, kind, reason):
    path = tmp_path / name
    path.write_bytes(samples[kind])
    assert_one_line_error(path, reason)


@pytest.mark.parametrize("name, data, reason", [
    ("empty.pdf", b"", "empty file"),
    ("empty.docx", b"", "empty file"),
    ("empty.html", b"", "empty file"),
    ("noise.pdf", b"\x13\x37" * 500, "not a PDF file"),
    ("broken.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\nendobj\ntrailer\n", "unreadable PDF"),
    ("old-word.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "old binary Office file"),
    ("sheet.docx", _zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"}),
     "an Excel workbook"),
    ("notes.docx", _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"}),
     "OpenDocument"),
    ("nothing.html", b"<html><head><title></title></head><body><script>x()</script></body></html>",
     "no article text"),
    ("photo.pdf", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "an image"),
])
def test_broken_files_get_a_one_line_reason(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    assert_one_line_error(path, reason)


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_truncated_files_are_refused(tmp_path, samples, kind):
    path = tmp_path / f"cut.{kind}"
    path.write_bytes(samples[kind][: len(samples[kind]) // 2])
    with pytest.raises(ReportError) as err:
        read_report(path)
    assert str(err.value).startswith("cut.") and "\n" not in str(err.value)


def test_zip_bomb_docx_is_refused(tmp_path, samples):
    with zipfile.ZipFile(io.BytesIO(samples["docx"])) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    members["word/media/bomb.bin"] = b"\x00" * 3_000_000
    path = tmp_path / "bomb.docx"
    path.write_bytes(_zip(members))
    assert path.stat().st_size < 100_000
    assert_one_line_error(path, "over the 1000000-byte limit", ReadingLimits(max_unpacked_bytes=1_000_000))


def test_files_over_the_size_limit_are_refused(tmp_path, samples):
    path = tmp_path / "big.pdf"
    path.write_bytes(samples["pdf"])
    assert_one_line_error(path, "over the 1000 bytes size limit", ReadingLimits(max_bytes=1000))


def test_hostile_html_is_refused_or_read_quickly(tmp_path):
    import time

    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * 50_000 + "Nội dung" + "</div>" * 50_000 + "</body></html>")
    start = time.monotonic()
    try:
        read_report(path)
    except ReportError as err:
        assert "\n" not in str(err)
    assert time.monotonic() - start < 20


def test_pdf_of_scattered_characters_is_read_in_bounded_time(tmp_path):
    import random
    import time

    from reportlab.pdfgen import canvas

    rng = random.Random(7)
    path = tmp_path / "scatter.pdf"
    pdf = canvas.Canvas(str(path))
    text = pdf.beginText()
    text.setFont("Helvetica", 4)
    for _ in range(20_000):  # every character on its own, anywhere on the page
        text.setTextOrigin(rng.uniform(0, 590), rng.uniform(0, 840))
        text.textOut(rng.choice("abcdefgh12 "))
    pdf.drawText(text)
    pdf.showPage()
    pdf.save()
    start = time.monotonic()
    report = read_report(path)
    assert report.text and time.monotonic() - start < 20
    assert read_report(path) == report


def test_docx_table_without_a_header_row_reads_as_label_and_value(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("Kết quả năm 2023:")
    table = document.add_table(rows=2, cols=2)
    for r, (label, value) in enumerate([("Tổng số mô hình", "1.589"), ("Số tổ tự quản", "120")]):
        table.cell(r, 0).text, table.cell(r, 1).text = label, value
    years = document.add_table(rows=2, cols=3)  # years as column names are still a header row
    for r, row in enumerate([("Huyện", "2022", "2023"), ("Lục Nam", "12", "15")]):
        for c, value in enumerate(row):
            years.cell(r, c).text = value
    document.save(tmp_path / "kv.docx")
    lines = read_report(tmp_path / "kv.docx").text.split("\n")
    assert "Tổng số mô hình: 1.589." in lines and "Số tổ tự quản: 120." in lines
    assert "Huyện Lục Nam: 2022 là 12, 2023 là 15." in lines


def test_html_tables_lists_and_line_breaks_keep_their_structure(tmp_path):
    body = "".join(f"<p>{p}</p>" for p in ARTICLE)
    page = f"""<html><head><meta charset="utf-8"><title>{HEADLINE}</title></head><body><article>
<h1>{HEADLINE}</h1>{body}
<table><tr><td>Tổng số mô hình</td><td>1.589</td></tr><tr><td>Số tổ tự quản</td><td>120</td></tr></table>
<table><tr><td>Xã</td><td>Số tổ tự quản</td></tr><tr><td>Tân Lập</td><td>37</td></tr></table>
<ul><li>Thôn Đồng Tâm có 5 tổ</li><li>Thôn Hòa Bình có 4 tổ</li></ul>
<p>Dòng thứ nhất<br>Dòng thứ hai</p>
</article></body></html>"""
    path = tmp_path / "cau-truc.html"
    path.write_text(page, encoding="utf-8")
    assert _paragraphs(read_report(path).text)[-4:] == [
        "Tổng số mô hình: 1.589.\nSố tổ tự quản: 120.",  # no header row: label and value
        "Xã Tân Lập: số tổ tự quản là 37.",  # a header row of <td> cells, a table of its own
        "Thôn Đồng Tâm có 5 tổ\nThôn Hòa Bình có 4 tổ",
        "Dòng thứ nhất\nDòng thứ hai",
    ]
