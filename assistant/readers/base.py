"""The values every reader returns, the one error they raise, and helpers they share."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

from assistant.errors import UserFacingError


class ReportError(UserFacingError, ValueError):
    """A report that cannot be indexed; the message is one line and names the file."""


@dataclass(frozen=True)
class Extracted:
    """A report's text as the index stores it; citations are offsets into ``text``.

    ``page_starts[i]`` is the offset in ``text`` where page i+1 begins (PDF only).
    ``meta`` holds what the format itself declares (front matter, HTML title, DOCX
    properties, official header); it overrides what is inferred from the text.
    ``skip`` lists (start, end) spans of ``text`` that are not report content (front matter).
    """

    text: str
    page_starts: tuple[int, ...] | None = None
    meta: dict[str, str] = field(default_factory=dict)
    skip: tuple[tuple[int, int], ...] = ()


Kind = Literal["pdf", "zip", "ole", "html", "rtf", "image"]

_HTML_START = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b",
                         re.IGNORECASE | re.DOTALL)
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"II*\x00", b"MM\x00*")


def sniff(data: bytes) -> Kind | None:
    """What the bytes are, judged by their signature alone (None: unknown or plain text)."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "zip"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if data.startswith(b"{\\rtf"):
        return "rtf"
    if data.startswith(_IMAGE_MAGIC):
        return "image"
    if _HTML_START.match(head):
        return "html"
    return None


DESCRIPTION: dict[str, tuple[str, str]] = {
    # kind: (what it is, the suffix it should have)
    "pdf": ("a PDF file", ".pdf"),
    "zip": ("a ZIP archive (Word .docx?)", ".docx"),
    "ole": ("an old binary Office file (Word .doc?); save it as .docx", ".docx"),
    "rtf": ("an RTF file; save it as .docx", ".docx"),
    "image": ("an image (a scan?) — needs OCR", ".png/.jpg"),
    "html": ("an HTML page", ".html"),
}

OFFICIAL_LAYOUT = re.compile(
    r"CỘNG\s+H[OÒ]A\s+XÃ\s+H[ỘO]I|Độc\s+lập\s*[-–—]\s*Tự\s+do|^\s*Số\s*:|Nơi\s+nhận|,\s*ngày\s+\d{1,2}\s+tháng"
    r"|^\s*(?:TM|KT|TL|TUQ|Q)\.\s", re.IGNORECASE | re.MULTILINE)
"""Lines of an official document's header or signature block, which are laid out side by side."""

DECORATION = re.compile(r"^[\s_\-–—=~*·•.…]*$")
"""A line of rules or dots only (the rule under "Độc lập - Tự do - Hạnh phúc"): not text."""

_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff\ufffe"))
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SPACE_BEFORE_MARK = re.compile(r"[ \t]+(?=[\u0300-\u036f])")


def tidy(line: str) -> str:
    """One line of text as the index stores it: NFC, spaces collapsed, invisible characters gone.

    A space before a combining mark (a PDF that draws the tone mark as its own glyph) is dropped
    so the mark composes with its letter.
    """
    line = _CONTROL.sub("", line.translate(_INVISIBLE))
    line = _SPACE_BEFORE_MARK.sub("", line)
    line = _SPACES.sub(" ", line).strip()
    return unicodedata.normalize("NFC", line)


_SERIAL_HEADERS = {"stt", "tt", "số tt", "số thứ tự", "thứ tự", "no", "no.", "#"}
_SERIAL_VALUE = re.compile(r"[\dIVXLCivxlc]{1,6}[.)]?|[a-zđ][.)]")
_GENERIC_KEYS = {"nội dung", "chỉ tiêu", "tiêu chí", "tên", "tên đơn vị", "đơn vị", "địa bàn", "địa phương",
                 "danh mục", "hạng mục", "mục", "tên mô hình", "họ và tên", "họ tên"}
_NUMBER_CELL = re.compile(r"[\d.,%\s()+\-–]*\d[\d.,%\s()+\-–]*")
_YEAR = re.compile(r"(?:19|20)\d\d")


def is_number_cell(text: str) -> bool:
    """A table cell holding only a figure ("37", "1.589", "7,39%", "(12)")."""
    return bool(_NUMBER_CELL.fullmatch(text))


def is_header_row(cells: list[str]) -> bool:
    """Whether a table's first row names its columns: no cell is a figure other than a year."""
    return any(cells) and not any(is_number_cell(c) and not _YEAR.fullmatch(c.strip()) for c in cells)


def _mid_sentence(name: str) -> str:
    """A column header as it reads inside a sentence: "Số tổ tự quản" → "số tổ tự quản".

    Only a sentence-case common noun is lowered: a header whose next word is capitalised ("Kon Tum",
    "Công an Xã") or that is an abbreviation ("ANTQ", "Tổ ANTT") keeps its case.
    """
    words = name.split()
    first = words[0] if words else ""
    if not (first[:1].isupper() and first[1:].islower()):
        return name
    if len(words) > 1 and not words[1][:1].islower():
        return name
    return first[:1].lower() + name[1:]


def labelled_row(cells: list[tuple[str, str]]) -> str:
    """A table row as one sentence that keeps its column headers: "Xã Tân Lập: số tổ tự quản là 37."

    ``cells`` are (column header, value) pairs in column order. The first value names the row and
    takes its header in front ("Xã" + "Tân Lập" → "Xã Tân Lập"; left out when the value already
    starts with it or the header is generic such as "Nội dung" or "Đơn vị"); each other value
    follows as "header là value" (a sentence-case header lowered, as inside a sentence, so that
    "số tổ tự quản là 37" reads as a count of "tổ tự quản"), joined by commas; a value without a
    header (or equal to it) stands alone. A serial-number column ("STT") is left out. No
    semicolon: the sentence splitter cuts there, and the row's name must stay in the same sentence
    as its values.
    """
    kept = [(tidy(name), tidy(value)) for name, value in cells if value and value.strip()]
    kept = [(name, value) for name, value in kept
            if not (name.casefold() in _SERIAL_HEADERS and _SERIAL_VALUE.fullmatch(value))]
    if not kept:
        return ""
    (key_name, key), rest = kept[0], kept[1:]
    if key_name and key_name != key and key_name.casefold() not in _GENERIC_KEYS \
            and not key.casefold().startswith(key_name.casefold()):
        key = f"{key_name} {key}"
    values = [f"{_mid_sentence(name)} là {value}" if name and name != value else value for name, value in rest]
    line = f"{key}: {', '.join(values)}" if values else key
    line = line.rstrip(";,")
    return line if line[-1] in ".!?…" else line + "."


_UTF16_SAMPLE = 4096
"""Bytes looked at to recognise UTF-16 without a byte-order mark: a couple of thousand characters."""


def decode_utf16_without_bom(data: bytes) -> str | None:
    """The text of UTF-16 saved without a byte-order mark, else None.

    Spaces, digits, ASCII letters and the Latin-1 vowels of Vietnamese (à, é, ô …) have a zero high
    byte, so in UTF-16 the NUL bytes of such text fall on one side of each byte pair: at odd offsets in
    little-endian, even in big-endian. That side must have a NUL in a quarter of the pairs (Vietnamese
    reports: 77-87 %; its other letters are U+01xx and U+1Exx) and eight times as many as the other side
    (binary data has NULs on both; text has them there only from characters such as U+0300, the grave
    accent of decomposed Vietnamese: under 4 %). The whole file must then decode.
    """
    sample = data[:_UTF16_SAMPLE]
    pairs = len(sample) // 2
    if len(data) % 2 or not pairs:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    for high, low, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if 4 * high >= pairs and high >= 8 * low:
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                return None
    return None


def first_line(exc: BaseException) -> str:
    """An exception as one short line for an error message."""
    text = str(exc).strip()
    line = text.splitlines()[0] if text else type(exc).__name__
    return line if len(line) <= 160 else line[:157] + "…"
