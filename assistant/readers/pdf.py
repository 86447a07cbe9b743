"""PDF reports with a text layer, read with PDFium (pypdfium2): text in reading order, page offsets.

PDFium gives every character with its box, in reading order, with its own line breaks. From the
boxes this module rebuilds what a reader sees:

* blocks of text side by side on one line, with a wide gap between them, are the two columns of
  an official header ("CÔNG AN TỈNH …" beside "CỘNG HÒA XÃ HỘI …"), which become separate lines,
  or else the cells of a table row, one line per row: under a clear header row (every row with
  its cells under the header's, numbers in them) a row keeps its column names as in DOCX
  reports ("Xã Tân Lập: số tổ tự quản là 37."), otherwise its cells are joined by " | ";
* a line continues the previous one's paragraph when it sits right below it (or starts the next
  page), is neither indented, a list item, nor in another font size, and either starts in lower
  case or follows a line that runs to the column's right edge (right up to it when that line
  ends a sentence); paragraphs are separated by a blank line;
* a hyphen at the end of a line is joined: dropped inside a Latin word ("ca-" + "mera"), kept in
  a compound ("kinh tế-" + "xã hội");
* a bare page number at the top or bottom of a page is left out.

Encrypted files that need a password and scans without a text layer are refused with a
``ReportError``: nothing is ever indexed as empty.
"""
from __future__ import annotations

import itertools
import math
import re
import statistics
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from assistant.readers.base import (
    DECORATION,
    OFFICIAL_LAYOUT,
    Extracted,
    ReportError,
    first_line,
    is_header_row,
    is_number_cell,
    labelled_row,
    tidy,
)
from assistant.settings import ENV_MAX_PAGES, ReadingLimits

_PDFIUM_LOCK = threading.Lock()
"""PDFium is not thread-safe: one document at a time in this process."""

_MAX_CHARS_PER_PAGE = 200_000
_PAGE_NUMBER = re.compile(r"^[\s\-–—(\[]*(?:(?:trang|page)\s*)?\d{1,4}(?:\s*/\s*\d{1,4})?[\s\-–—)\].]*$",
                          re.IGNORECASE)
_LIST_ITEM = re.compile(r"^(?:[-–—•+*▪●○■□◦]\s|\(?\d{1,3}(?:\.\d{1,3})*[.)]\s|\(?[a-zđ][.)]\s|[IVXLC]{1,6}[.)]\s)")
_HEADER_WRAPS = [  # lines of an official header wrapped in its narrow column
    (re.compile(r"\b(?:ngày|tháng|năm)$", re.IGNORECASE), re.compile(r"\d")),
    (re.compile(r"CHỦ NGHĨA$"), re.compile(r"VIỆT NAM\b")),
]
_HEADER_SEGMENTS = 40  # an official header is at the top of its page
_SENTENCE_END = tuple(".!?:;…")
_NEEDS_OCR = "no text layer (scanned PDF?) — needs OCR, skipped"


@dataclass
class _Char:
    ch: str
    box: tuple[float, float, float, float] | None  # left, bottom, right, top; None when generated
    size: float
    hyphen: bool
    turn: int = 0  # quarter turns of the text; the box is in the text's own upright frame


@dataclass
class _Segment:
    """A run of text on one line of one page, with its box."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float
    hyphen: bool  # ends with a line-end hyphen
    row: bool = False  # blocks side by side on one line (a table row), joined by " | "
    turn: int = 0


def read(data: bytes, path: Path, limits: ReadingLimits) -> Extracted:
    if b"%PDF-" not in data[:1024]:
        raise ReportError(f"{path.name}: not a PDF file (no %PDF header)")
    with _PDFIUM_LOCK:
        pages, images = _read_pages(data, path, limits)
    text, page_starts = _assemble(pages)
    letters = [sum(c.isalnum() for seg in page for c in seg.text) for page in pages]
    scanned = sum(1 for n, img in zip(letters, images) if n < 30 and img)
    if not text.strip() or (scanned * 2 >= len(pages) and sum(letters) < 100 * len(pages)):
        raise ReportError(f"{path.name}: {_NEEDS_OCR}")
    return Extracted(text=text, page_starts=page_starts)


def _read_pages(data: bytes, path: Path, limits: ReadingLimits) -> tuple[list[list[_Segment]], list[bool]]:
    import pypdfium2 as pdfium
    from pypdfium2 import raw

    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == raw.FPDF_ERR_PASSWORD:
            raise ReportError(f"{path.name}: encrypted PDF that needs a password, skipped") from None
        raise ReportError(f"{path.name}: unreadable PDF ({first_line(exc)})") from None
    try:
        count = len(doc)
        if count == 0:
            raise ReportError(f"{path.name}: a PDF without pages")
        if count > limits.max_pages:
            raise ReportError(f"{path.name}: {count} pages is over the {limits.max_pages}-page limit "
                              f"(raise it with --max-pages or {ENV_MAX_PAGES})")
        pages: list[list[_Segment]] = []
        images: list[bool] = []
        for index in range(count):
            page = doc[index]
            try:
                height = page.get_height()
                textpage = page.get_textpage()
                try:
                    chars = _chars(textpage, raw, path)
                finally:
                    textpage.close()
                images.append(any(True for _ in page.get_objects(filter=(raw.FPDF_PAGEOBJ_IMAGE,), max_depth=4)))
            finally:
                page.close()
            pages.append(_rejoin_header_wraps(_drop_page_numbers(_segments(chars), height)))
        return pages, images
    finally:
        doc.close()


def _chars(textpage, raw, path: Path) -> list[_Char]:
    count = textpage.count_chars()
    if count > _MAX_CHARS_PER_PAGE:
        raise ReportError(f"{path.name}: a page with {count} characters, over the {_MAX_CHARS_PER_PAGE} limit")
    out = []
    for i in range(max(count, 0)):
        code = raw.FPDFText_GetUnicode(textpage, i)
        if not 0 < code < 0x110000 or 0xD800 <= code < 0xE000:
            continue
        generated = bool(raw.FPDFText_IsGenerated(textpage, i))
        hyphen = bool(raw.FPDFText_IsHyphen(textpage, i))
        size = raw.FPDFText_GetFontSize(textpage, i)
        angle = raw.FPDFText_GetCharAngle(textpage, i)
        turn = -round(angle / (math.pi / 2)) % 4 if angle >= 0 else 0  # PDFium's angle runs clockwise
        box = None if generated else _upright(textpage.get_charbox(i, loose=True), turn)
        out.append(_Char("-" if hyphen else chr(code), box, size, hyphen, turn))
    return out


def _upright(box: tuple[float, float, float, float], turn: int) -> tuple[float, float, float, float]:
    """A character box in the frame where its text runs left to right (text turned by quarter turns)."""
    left, bottom, right, top = box
    if turn == 1:  # running upwards
        return bottom, -right, top, -left
    if turn == 2:  # upside down
        return -right, -top, -left, -bottom
    if turn == 3:  # running downwards
        return -top, left, -bottom, right
    return box


def _segments(chars: list[_Char]) -> list[_Segment]:
    """The page's lines in reading order.

    Blocks side by side on one line are an official header's columns when that line, or another in
    the same run of such lines, looks like one (``OFFICIAL_LAYOUT``): each block is then a line of
    its own. Otherwise they are the cells of a table row, kept as one line joined by " | ".
    """
    lines: list[list[_Segment]] = []
    current: list[_Char] = []
    for c in [*chars, _Char("\n", None, 0.0, False)]:
        if c.ch not in "\r\n":
            current.append(c)
            continue
        lines.extend(blocks for blocks in map(_blocks, _physical_lines(current)) if blocks)
        current = []
    segments: list[_Segment] = []
    start = 0
    while start < len(lines):
        end = start + 1
        if len(lines[start]) > 1:
            while end < len(lines) and len(lines[end]) > 1:
                end += 1
        run = lines[start:end]
        header = any(OFFICIAL_LAYOUT.search(b.text) for blocks in run for b in blocks)
        names = _column_names(run) if not header else None
        for k, blocks in enumerate(run):
            if len(blocks) == 1 or header:
                segments.extend(blocks)
                continue
            if names and k > 0:
                text = labelled_row([(name, b.text) for name, b in zip(names, blocks)])
            else:
                text = " | ".join(b.text for b in blocks)
            segments.append(_Segment(
                text=text, x0=min(b.x0 for b in blocks),
                y0=min(b.y0 for b in blocks), x1=max(b.x1 for b in blocks), y1=max(b.y1 for b in blocks),
                size=max(b.size for b in blocks), hyphen=False, row=True, turn=blocks[0].turn))
        start = end
    return segments


def _column_names(run: list[list[_Segment]]) -> list[str] | None:
    """The header row's cells when ``run`` (lines of blocks side by side) is a table under a header row.

    It is one when every line has the same number of cells, each cell under the header cell of its
    column, the header cells are short labels, and at least half the rows hold a number cell; its
    rows then keep the column names ("Tân Lập | 37" → "Xã Tân Lập: số tổ tự quản là 37."). Anything
    less certain (an empty cell, text in two columns) stays cells joined by " | ".
    """
    if len(run) < 2 or len({len(blocks) for blocks in run}) != 1:
        return None
    head, rows = run[0], run[1:]
    if not is_header_row([b.text for b in head]) or any(len(b.text.split()) > 8 or b.text[-1:] in ".,;:"
                                                         for b in head):
        return None
    if not all(_overlaps(a, b) for blocks in rows for a, b in zip(head, blocks)):
        return None
    if 2 * sum(any(is_number_cell(b.text) for b in blocks) for blocks in rows) < len(rows):
        return None
    return [b.text for b in head]


def _split(line: list[_Char], starts_new) -> list[list[_Char]]:
    """``line`` cut before each visible character for which ``starts_new(last, c)`` holds."""
    out: list[list[_Char]] = [[]]
    last: _Char | None = None  # the last visible character
    for c in line:
        visible = c.box is not None and not c.ch.isspace()
        if visible and last is not None and starts_new(last, c):
            out.append([])
        out[-1].append(c)
        if visible:
            last = c
    return out


def _physical_lines(line: list[_Char]) -> list[list[_Char]]:
    """A PDFium line cut where the text goes back left or moves up or down (a rejoined hyphenation)."""
    def new_line(last: _Char, c: _Char) -> bool:
        size = max(c.size, last.size, 1.0)
        return (c.turn != last.turn or c.box[2] < last.box[0] - size
                or abs(c.box[1] - last.box[1]) > 0.6 * size)
    return _split(line, new_line)


def _blocks(line: list[_Char]) -> list[_Segment]:
    """A physical line cut where a wide gap separates two blocks of text."""
    def wide_gap(last: _Char, c: _Char) -> bool:
        return c.box[0] - last.box[2] > 2.5 * max(c.size, last.size, 1.0)
    return [s for s in map(_segment, _split(line, wide_gap)) if s.text and not DECORATION.match(s.text)]


def _segment(run: list[_Char]) -> _Segment:
    boxes = [c.box for c in run if c.box is not None and not c.ch.isspace()]
    text = tidy("".join(c.ch for c in run))
    if not boxes or not text:
        return _Segment("", 0, 0, 0, 0, 0, False)
    sizes = [c.size for c in run if c.box is not None and not c.ch.isspace() and c.size > 0]
    last = next((c for c in reversed(run) if not c.ch.isspace()), None)
    return _Segment(
        text=text,
        x0=min(b[0] for b in boxes), y0=min(b[1] for b in boxes),
        x1=max(b[2] for b in boxes), y1=max(b[3] for b in boxes),
        size=statistics.median(sizes) if sizes else 0.0,
        hyphen=bool(last and (last.hyphen or last.ch in "-\u2010")),
        turn=run[0].turn,
    )


def _drop_page_numbers(segments: list[_Segment], height: float) -> list[_Segment]:
    """Leave out a bare page number ("3", "- 3 -", "Trang 3/12") that is topmost or bottommost."""
    if len(segments) < 2:
        return segments
    top = max(segments, key=lambda s: s.y1)
    bottom = min(segments, key=lambda s: s.y0)
    margin = 0.12 * height
    drop = {id(s) for s in (top, bottom) if s.turn == 0 and _PAGE_NUMBER.match(s.text)
            and (s.y0 < margin or s.y1 > height - margin)}
    return [s for s in segments if id(s) not in drop]


def _rejoin_header_wraps(segments: list[_Segment]) -> list[_Segment]:
    """Join a header line wrapped in its narrow column ("… CHỦ NGHĨA" over "VIỆT NAM") into one line.

    The wrapped part may come later in reading order (the header read row by row), so it is found by
    position: right below the line it continues, overlapping it.
    """
    top, rest = segments[:_HEADER_SEGMENTS], segments[_HEADER_SEGMENTS:]
    out = list(top)
    for seg in top:
        above = [s for s in out if s is not seg and _overlaps(s, seg) and not s.row
                 and 0.5 * s.size < s.y0 - seg.y0 <= 2 * max(s.size, seg.size)]
        if not above:
            continue
        line = min(above, key=lambda s: s.y0 - seg.y0)
        if any(end.search(line.text) and start.match(seg.text) for end, start in _HEADER_WRAPS):
            index = next(i for i, s in enumerate(out) if s is line)
            out[index] = _Segment(f"{line.text} {seg.text}", min(line.x0, seg.x0), seg.y0, max(line.x1, seg.x1),
                                  line.y1, line.size, seg.hyphen, turn=line.turn)
            out = [s for s in out if s is not seg]
    return out + rest


def _overlaps(a: _Segment, b: _Segment) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1


class _Columns:
    """Where the text of a page begins and ends around each segment.

    ``left(s)``/``right(s)`` are the least x0 and greatest x1 of the segments overlapping ``s``
    horizontally, found through bins a couple of points wide so a page costs linear time.
    """

    MAX_BINS = 4096

    def __init__(self, segments: list[_Segment]):
        import numpy as np

        self.lo = min((s.x0 for s in segments), default=0.0)
        hi = max((s.x1 for s in segments), default=1.0)
        self.bins = max(1, min(self.MAX_BINS, int((hi - self.lo) / 2) + 1))
        self.scale = self.bins / max(hi - self.lo, 1e-6)
        self.lefts = np.full(self.bins, np.inf)
        self.rights = np.full(self.bins, -np.inf)
        for seg in segments:
            a, b = self._span(seg)
            np.minimum(self.lefts[a:b], seg.x0, out=self.lefts[a:b])
            np.maximum(self.rights[a:b], seg.x1, out=self.rights[a:b])

    def _span(self, seg: _Segment) -> tuple[int, int]:
        a = min(self.bins - 1, max(0, int((seg.x0 - self.lo) * self.scale)))
        b = min(self.bins, max(a + 1, math.ceil((seg.x1 - self.lo) * self.scale)))
        return a, b

    def left(self, seg: _Segment) -> float:
        a, b = self._span(seg)
        return min(float(self.lefts[a:b].min()), seg.x0)

    def right(self, seg: _Segment) -> float:
        a, b = self._span(seg)
        return max(float(self.rights[a:b].max()), seg.x1)


def _pitch(segments: list[_Segment]) -> float:
    """The usual distance between the baselines of consecutive lines on a page."""
    deltas = [a.y0 - b.y0 for a, b in itertools.pairwise(segments)
              if _overlaps(a, b) and 0.8 * a.size < a.y0 - b.y0 < 3 * a.size]
    return statistics.median(deltas) if deltas else 0.0


def _continues(prev: _Segment, cur: _Segment, prev_columns: _Columns, columns: _Columns,
               pitch: float, same_page: bool) -> bool:
    """Whether ``cur`` is the next line of ``prev``'s paragraph."""
    size = max(prev.size, cur.size, 1.0)
    if prev.row or cur.row or prev.turn != cur.turn:
        return False
    if abs(prev.size - cur.size) > 0.15 * size or _LIST_ITEM.match(cur.text):
        return False
    if cur.x0 > columns.left(cur) + 1.5 * size:  # indented: a new paragraph (or a centred line)
        return False
    if same_page:
        step = prev.y0 - cur.y0
        if not _overlaps(prev, cur) or step <= 0.5 * size or step > max(pitch * 1.25, 1.2 * size) + 1:
            return False
    if cur.text[:1].islower():  # a paragraph never starts in lower case; list items are caught above
        return True
    right = prev_columns.right(prev)
    if prev.text[-1:] in _SENTENCE_END:  # a sentence ends at the line's end: go on only from a justified line
        return prev.x1 >= right - size
    return prev.x1 >= right - max(4 * size, 0.02 * (right - prev.x0))


_LATIN_TAIL = re.compile(r"[A-Za-z]+-$")
_LATIN_HEAD = re.compile(r"[a-z]")
_DROP_HYPHEN = "\x00"


def _join(prev: _Segment, cur: _Segment) -> str:
    """What goes between two lines of one paragraph.

    A line-end hyphen after a letter, before a lower-case letter, rejoins a word: inside a Latin
    word the hyphen goes (``_DROP_HYPHEN``), in a Vietnamese compound it stays ("tế-xã hội").
    """
    text = prev.text
    if prev.hyphen and text.endswith("-") and len(text) > 1 and text[-2].isalpha() and cur.text[:1].islower():
        tail = text.rsplit(" ", 1)[-1]
        head = cur.text.split(" ", 1)[0]
        if _LATIN_TAIL.fullmatch(tail) and _LATIN_HEAD.match(head) and head.isascii():
            return _DROP_HYPHEN
        return ""
    return " "


def _assemble(pages: list[list[_Segment]]) -> tuple[str, tuple[int, ...]]:
    """Paragraphs separated by a blank line, and the offset where each page starts."""
    pieces: list[str] = []
    length = 0
    starts: list[int | None] = []
    prev: _Segment | None = None
    prev_columns: _Columns | None = None
    for page in pages:
        pitch = _pitch(page)
        columns = _Columns(page)
        starts.append(None)
        for i, seg in enumerate(page):
            if prev is None or prev_columns is None:
                sep = ""
            elif _continues(prev, seg, prev_columns, columns, pitch, same_page=i > 0):
                sep = _join(prev, seg)
            else:
                sep = "\n" if prev.row and seg.row else "\n\n"
            if sep == _DROP_HYPHEN:
                pieces[-1] = pieces[-1][:-1]
                length -= 1
                sep = ""
            pieces.append(sep)
            length += len(sep)
            if i == 0:  # this page, and any text-less pages before it, start here
                starts = [length if s is None else s for s in starts]
            pieces.append(seg.text)
            length += len(seg.text)
            prev, prev_columns = seg, columns
    text = "".join(pieces)
    offsets = [len(text) if s is None else s for s in starts]
    if not unicodedata.is_normalized("NFC", text):  # a join composed two characters: move the offsets along
        offsets = [len(unicodedata.normalize("NFC", text[:s])) for s in offsets]
        text = unicodedata.normalize("NFC", text)
    return text, tuple(offsets)
