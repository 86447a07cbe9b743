"""Random, truncated and mutated bytes through every reader: a ReportError or good text, quickly.

Whatever a file holds, ``read_report`` returns NFC text with sane page offsets or raises a
one-line ``ReportError`` naming the file, within the per-example deadline; nothing else escapes.
"""
from __future__ import annotations

import io
import time
import unicodedata
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.readers import ReportError, read_report
from assistant.settings import ReadingLimits

FUZZ = settings(max_examples=50, deadline=timedelta(seconds=5), database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
LIMITS = ReadingLimits(max_pages=20, max_unpacked_bytes=5_000_000)
SECONDS = 5.0
TEXT = "Công an xã Tân Lập phối hợp với Ủy ban Mặt trận Tổ quốc duy trì 37 tổ tự quản về an ninh trật tự."


def _font_file() -> Path:
    """DejaVu Sans (every Vietnamese glyph): the system's copy, else the one bundled with matplotlib."""
    system = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if system.exists():
        return system
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"


def _pdf() -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", str(_font_file())))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pageCompression=0)  # plain content streams: mutations reach the parser
    for page in range(2):
        pdf.setFont("DejaVuSans", 12)
        pdf.drawString(70, 770, "CÔNG AN TỈNH BẮC GIANG")
        for i, y in enumerate(range(740, 600, -17)):
            pdf.drawString(70, y, f"{page}.{i} {TEXT[: 40 + 5 * i]}")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _docx() -> bytes:
    import docx

    document = docx.Document()
    document.add_heading("BÁO CÁO", level=1)
    document.add_paragraph(TEXT)
    table = document.add_table(rows=2, cols=2)
    for r, (a, b) in enumerate([("Xã", "Số tổ tự quản"), ("Tân Lập", "37")]):
        table.cell(r, 0).text, table.cell(r, 1).text = a, b
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _html() -> bytes:
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Tân Lập</title>"
            f"<meta property='article:published_time' content='2023-12-20'></head><body><nav>Trang chủ</nav>"
            f"<article><h1>Tân Lập</h1><p>{TEXT}</p><p>{TEXT[::-1]}</p><p>{TEXT}</p></article>"
            f"<footer>Bản quyền</footer></body></html>").encode()


@pytest.fixture(scope="module")
def seeds() -> dict[str, bytes]:
    return {".pdf": _pdf(), ".docx": _docx(), ".html": _html()}


@pytest.fixture(scope="module")
def folder(tmp_path_factory, seeds) -> Path:
    folder = tmp_path_factory.mktemp("fuzz")
    for suffix, data in seeds.items():  # warm up: imports and library start-up are not the reader's time
        (folder / f"seed{suffix}").write_bytes(data)
        assert read_report(folder / f"seed{suffix}", LIMITS).text
    return folder


def check(folder: Path, suffix: str, data: bytes) -> None:
    path = folder / f"fuzz{suffix}"
    path.write_bytes(data)
    start = time.monotonic()
    try:
        report = read_report(path, LIMITS)
    except ReportError as err:
        message = str(err)
        assert message.startswith(f"{path.name}: ") and "\n" not in message, message
    else:
        assert report.text.strip() and unicodedata.is_normalized("NFC", report.text)
        if report.page_starts is not None:
            starts = list(report.page_starts)
            assert starts == sorted(starts) and 0 <= starts[0] and starts[-1] <= len(report.text)
    assert time.monotonic() - start < SECONDS


def mutate(data: bytes, draw) -> bytes:
    """Overwrite bytes, drop a slice or repeat one."""
    buffer = bytearray(data)
    for _ in range(draw(st.integers(1, 4))):
        if not buffer:
            break
        op = draw(st.sampled_from(["flip", "flip", "drop", "repeat"]))
        i = draw(st.integers(0, len(buffer) - 1))
        j = draw(st.integers(i, min(len(buffer), i + 512)))
        if op == "flip":
            buffer[i] = draw(st.integers(0, 255))
        elif op == "drop":
            del buffer[i:j]
        else:
            buffer[i:i] = buffer[i:j] * draw(st.integers(1, 8))
    return bytes(buffer)


SUFFIXES = [".pdf", ".docx", ".html", ".htm", ".txt", ".md"]
MAGIC = {".pdf": b"%PDF-1.7\n", ".docx": b"PK\x03\x04", ".html": b"<!DOCTYPE html><html><body>",
         ".htm": b"<html>", ".txt": b"", ".md": b"---\n"}


@pytest.mark.parametrize("suffix", SUFFIXES)
@FUZZ
@given(data=st.binary(max_size=4096), with_magic=st.booleans())
def test_random_bytes(folder, suffix, data, with_magic):
    check(folder, suffix, (MAGIC[suffix] if with_magic else b"") + data)


@pytest.mark.parametrize("suffix", [".pdf", ".docx", ".html"])
@FUZZ
@given(data=st.data())
def test_truncated_files(folder, seeds, suffix, data):
    seed = seeds[suffix]
    check(folder, suffix, seed[: data.draw(st.integers(0, len(seed)))])


@pytest.mark.parametrize("suffix", [".pdf", ".docx", ".html"])
@FUZZ
@given(data=st.data())
def test_mutated_files(folder, seeds, suffix, data):
    check(folder, suffix, mutate(seeds[suffix], data.draw))


@FUZZ
@given(data=st.data())
def test_docx_with_mutated_xml(folder, seeds, data):
    """A well-formed ZIP whose document.xml is broken: the XML parser, not the ZIP reader, is hit."""
    with zipfile.ZipFile(io.BytesIO(seeds[".docx"])) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    name = data.draw(st.sampled_from(["word/document.xml", "word/document.xml", "docProps/core.xml",
                                      "word/_rels/document.xml.rels", "[Content_Types].xml"]))
    members[name] = mutate(members[name], data.draw)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, content in members.items():
            archive.writestr(member, content)
    check(folder, ".docx", buffer.getvalue())


@FUZZ
@given(fragments=st.lists(st.one_of(
    st.sampled_from(["<div>", "</div>", "<p>", "</p>", "<script>", "</script>", "<table><tr><td>", "<!--",
                     "-->", "<meta property='og:title' content='", "'>", "<time datetime='", "<article>",
                     "<![CDATA[", "&#xD800;", "&amp;", "\x00", "<?xml version='1.0' encoding='latin-1'?>"]),
    st.text(max_size=80)), max_size=60))
def test_random_markup(folder, fragments):
    check(folder, ".html", "".join(fragments).encode("utf-8", errors="surrogatepass"))
