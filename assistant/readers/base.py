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
class Limits:
    """Input limits, so a huge or hostile file cannot stall a build.

    ``max_unpacked_bytes`` bounds what a DOCX (a ZIP archive) may expand to, ``max_chars`` the
    text any report may yield; both are refused with a ``ReportError``, never truncated.
    """

    max_bytes: int = 50 * 1024 * 1024
    max_pages: int = 500
    max_unpacked_bytes: int = 200 * 1024 * 1024
    max_chars: int = 5_000_000


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


def labelled_row(cells: list[tuple[str, str]]) -> str:
    """A table row as a sentence that keeps its column headers: "Xã: Tân Lập; Số tổ tự quản: 37."

    ``cells`` are (column header, value) pairs; empty values are left out, a value without a header
    (or equal to it) stands alone.
    """
    line = "; ".join(f"{name}: {value}" if name and name != value else value for name, value in cells if value)
    return line if not line or line[-1] in ".!?:;…" else line + "."


def first_line(exc: BaseException) -> str:
    """An exception as one short line for an error message."""
    text = str(exc).strip()
    line = text.splitlines()[0] if text else type(exc).__name__
    return line if len(line) <= 160 else line[:157] + "…"
