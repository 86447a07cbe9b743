"""Hostile and odd reports (issue 11, item 7): refused fast, in little memory, with a reason that says
what is wrong, or read correctly.

Every file is written by the test. A ZIP bomb is built with zipfile, streaming its member so the test
itself never holds the unpacked bytes. Memory is the peak of Python allocations (tracemalloc) while
the report is read: unpacking a DOCX part makes a Python ``bytes`` of its whole size before any XML
is parsed, so a bomb that got as far as decompressing would show there.
"""
from __future__ import annotations

import codecs
import io
import re
import struct
import time
import tracemalloc
import unicodedata
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from assistant.readers import ReportError, read_report
from assistant.settings import MB, ReadingLimits

SENTENCE = "Công an xã Tân Lập phối hợp với Ủy ban Mặt trận Tổ quốc duy trì 37 tổ tự quản về an ninh trật tự."
W_PARAGRAPH = f"<w:p><w:r><w:t>{SENTENCE}</w:t></w:r></w:p>".encode()
MAX_SECONDS = 1.0
MAX_MEMORY = 50 * MB


def measured(read: Callable[[], object]) -> tuple[float, int]:
    """Seconds and peak bytes of Python memory taken by ``read()``."""
    tracemalloc.start()
    start = time.perf_counter()
    try:
        read()
    finally:
        seconds = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return seconds, peak


def refusal(path: Path, limits: ReadingLimits | None = None) -> str:
    """The one-line reason ``path`` is refused for, checked to come within the time and memory bounds."""
    reason: list[str] = []

    def read() -> None:
        with pytest.raises(ReportError) as err:
            read_report(path, limits)
        reason.append(str(err.value))

    seconds, peak = measured(read)
    message = reason[0]
    assert message.startswith(path.name + ": ") and "\n" not in message, message
    assert seconds < MAX_SECONDS, f"{seconds:.2f} s: {message}"
    assert peak < MAX_MEMORY, f"{peak / MB:.0f} MB: {message}"
    return message


# ----------------------------------------------------------------------------------------- DOCX

@pytest.fixture(scope="module")
def template() -> dict[str, bytes]:
    """The parts of a real one-paragraph .docx written by python-docx."""
    import docx

    document = docx.Document()
    document.add_paragraph(SENTENCE)
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def write_docx(path: Path, parts: dict[str, bytes], big: tuple[str, bytes, int] | None = None,
               compression: int = zipfile.ZIP_DEFLATED, level: int = 6) -> Path:
    """A .docx of ``parts``, plus ``big`` = (name, chunk, times): that part is ``chunk`` repeated,
    streamed into the archive. For document.xml the chunk goes into the body of the template's."""
    with zipfile.ZipFile(path, "w", compression, compresslevel=level) as archive:
        for name, content in parts.items():
            if big is None or name != big[0]:
                archive.writestr(name, content)
        if big is not None:
            name, chunk, times = big
            head, tail = parts[name].split(b"<w:body>") if name in parts else (b"", b"")
            with archive.open(name, "w") as member:
                member.write(head + b"<w:body>" if head else b"")
                for _ in range(times):
                    member.write(chunk)
                member.write(tail)
    return path


def test_the_issues_ratio_bomb_is_refused_from_the_zip_directory(tmp_path, template):
    # issue 11: a 458 KB DOCX holding 150 MB of XML (under the 200 MB limit) took 23 s and 1.4 GB
    chunk = W_PARAGRAPH * (MB // len(W_PARAGRAPH))
    path = write_docx(tmp_path / "bom-ti-le.docx", template, ("word/document.xml", chunk, 150), level=9)
    assert path.stat().st_size < MB
    message = refusal(path)
    assert re.search(r": unpacks to 150\.\d MB from 0\.\d MB, [2-9]\d\d times its size; a real \.docx stays "
                     r"under 100 times \(a ZIP bomb\?\)$", message), message


def test_a_zip_bomb_over_the_unpacked_limit_names_its_largest_part(tmp_path, template):
    path = write_docx(tmp_path / "bom.docx", template, ("word/media/image1.png", bytes(MB), 210), level=1)
    assert path.stat().st_size < 2 * MB
    message = refusal(path)
    assert f"(word/media/image1.png alone {210 * MB})" in message
    assert f"over the {ReadingLimits().max_unpacked_bytes}-byte limit" in message


def _declare_size(data: bytes, name: str, size: int) -> bytes:
    """``data`` (a ZIP) with the uncompressed size of part ``name`` changed in both of its headers."""
    out = bytearray(data)
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(name)
    struct.pack_into("<I", out, info.header_offset + 22, size)  # its local file header
    end = data.rindex(b"PK\x05\x06")  # the end of central directory record
    at = struct.unpack_from("<I", data, end + 16)[0]  # where the central directory starts
    while data[at:at + 4] == b"PK\x01\x02":
        name_length, extra_length, comment_length = struct.unpack_from("<HHH", data, at + 28)
        if data[at + 46:at + 46 + name_length] == name.encode():
            struct.pack_into("<I", out, at + 24, size)
        at += 46 + name_length + extra_length + comment_length
    return bytes(out)


def test_a_part_that_unpacks_to_more_than_it_declares_is_stopped_at_its_declared_size(tmp_path, template):
    # zipfile stops a deflated part at its declared size and then fails its CRC: the lie is caught
    # after reading no more than the part claimed to hold
    chunk = W_PARAGRAPH * (MB // len(W_PARAGRAPH))
    bomb = write_docx(tmp_path / "tmp.docx", template, ("word/document.xml", chunk, 20))
    path = tmp_path / "khai-sai.docx"
    path.write_bytes(_declare_size(bomb.read_bytes(), "word/document.xml", 4096))
    message = refusal(path)
    assert message == "khai-sai.docx: corrupt .docx (Bad CRC-32 for file 'word/document.xml')"


def test_a_part_compressed_with_bzip2_is_refused(tmp_path, template):
    # bzip2 and LZMA are decompressed a chunk at a time: a lying size would not stop them
    path = write_docx(tmp_path / "bzip2.docx", template, compression=zipfile.ZIP_BZIP2)
    message = refusal(path)
    assert "uses ZIP compression method 12, which no Word document uses (only stored or deflate)" in message


def test_a_large_real_looking_docx_is_not_taken_for_a_bomb(tmp_path, template):
    # 6,000 rows of figures: its document.xml compresses about 30 times, the whole file less
    rows = "".join(f"<w:tr><w:tc><w:p><w:r><w:t>Xã {i}</w:t></w:r></w:p></w:tc>"
                   f"<w:tc><w:p><w:r><w:t>{i * 37 % 1000}</w:t></w:r></w:p></w:tc></w:tr>" for i in range(6_000))
    table = f"<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>{rows}</w:tbl>".encode()
    path = write_docx(tmp_path / "bang.docx", template, ("word/document.xml", table, 1))
    assert 1 * MB < sum(i.file_size for i in zipfile.ZipFile(path).infolist()) < 50 * path.stat().st_size
    text = read_report(path).text
    assert f"Xã 5999: {5999 * 37 % 1000}." in text


# ----------------------------------------------------------------------------------------- HTML

def _page(body: str) -> bytes:
    return f"<html><head><meta charset='utf-8'><title>Báo cáo</title></head><body>{body}</body></html>".encode()


def test_an_old_page_nested_past_libxml2s_default_is_read_whole(tmp_path):
    # each paragraph opens a <font> it never closes: 200 paragraphs nest 400 levels, past the 255
    # where the page's rest used to be dropped ("no article text found"); trafilatura joins
    # paragraphs nested in each other into one, as it does for 5 of them
    paragraphs = [f"Đoạn {i}: {SENTENCE}" for i in range(200)]
    path = tmp_path / "trang-cu.html"
    path.write_bytes(_page("<article>" + "".join(f"<p><font face='Arial'>{p}" for p in paragraphs)))
    assert read_report(path).text == "Báo cáo\n\n" + " ".join(paragraphs)


def test_text_after_a_deep_part_of_a_page_is_kept(tmp_path):
    after = "Kết quả năm 2023 được duy trì ổn định ở tất cả các xã."
    path = tmp_path / "sau.html"
    path.write_bytes(_page("<article>" + "<div>" * 300 + f"<p>{SENTENCE}</p>" + "</div>" * 300
                           + f"<p>{after}</p></article>"))
    assert read_report(path).text.split("\n\n")[1:] == [SENTENCE, after]


def test_a_page_nested_past_the_depth_limit_says_so(tmp_path):
    path = tmp_path / "sau-qua.html"
    path.write_bytes(_page("<div>" * 50_000 + SENTENCE + "</div>" * 50_000))
    assert refusal(path) == "sau-qua.html: nesting too deep (over 1000 levels)"


def test_lists_nested_past_what_the_extractor_keeps_say_so(tmp_path):
    # trafilatura parses its article again at 255 levels: past ~126 nested lists it lost the rest
    path = tmp_path / "danh-sach.html"
    path.write_bytes(_page("<article>" + f"<ul><li>{SENTENCE}" * 200 + "</li></ul>" * 200 + "</article>"))
    assert refusal(path) == "danh-sach.html: nesting too deep (lists within lists over 100 levels)"


def test_lists_nested_up_to_the_limit_are_read_whole(tmp_path):
    items = [f"Mục {i}: {SENTENCE}" for i in range(100)]
    path = tmp_path / "danh-sach.html"
    path.write_bytes(_page("<article>" + "".join(f"<ul><li>{item}" for item in items) + "</li></ul>" * 100
                           + "</article>"))
    assert read_report(path).text.split("\n\n")[1].split("\n") == items


# ------------------------------------------------------------------------------ UTF-16 without BOM

REPORT = ("CÔNG AN TỈNH QUẢNG NAM\nBáo cáo kết quả phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2023.\n"
          "Toàn tỉnh duy trì 1.589 mô hình tự quản; Đội công tác ở huyện Đại Lộc đạt kết quả tốt.\n")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_utf16_text_without_a_bom_is_read(tmp_path, codec, form):
    path = tmp_path / "bao-cao.txt"
    path.write_bytes(unicodedata.normalize(form, REPORT).encode(codec))
    assert not path.read_bytes().startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    assert read_report(path).text == REPORT


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_markdown_and_html_without_a_bom_are_read(tmp_path, codec):
    markdown = tmp_path / "bao-cao.md"
    markdown.write_bytes(f"---\ntitle: Báo cáo Quảng Nam\n---\n{REPORT}".encode(codec))
    assert read_report(markdown).meta["title"] == "Báo cáo Quảng Nam"
    page = tmp_path / "tin.html"
    page.write_bytes(_page(f"<article><p>{SENTENCE}</p><p>{REPORT}</p></article>").decode().encode(codec))
    assert SENTENCE in read_report(page).text


@pytest.mark.parametrize("data, reason", [
    (b"\x00\x00\x01\x00" * 500, "binary data"),  # NULs on both sides of the pairs
    ("Báo cáo".encode("utf-16-le")[:-1], "not UTF-8 or UTF-16"),  # an odd length
    (("Báo cáo " * 100).encode("utf-16-le") + b"\x00\xd8" + "Hết".encode("utf-16-le"),
     "not UTF-8 or UTF-16"),  # a lone surrogate
])
def test_what_only_looks_like_utf16_is_still_refused(tmp_path, data, reason):
    path = tmp_path / "r.txt"
    path.write_bytes(data)
    assert reason in refusal(path)
