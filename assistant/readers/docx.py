"""Word (.docx) reports: paragraphs, headings, text boxes and tables in document order.

The package is opened with python-docx; the body is walked directly in its XML so that nothing is
lost that python-docx's paragraph API skips (tracked insertions, content controls, text boxes)
and nothing is doubled (the fallback copy of a text box is skipped; deleted text never shows).

Each paragraph is a block; blocks are separated by a blank line and a manual line break stays a
line break. Tables come in two kinds:

* a **data table** (a header row and rows of values) becomes one line per row that keeps the
  column headers, one sentence per row: "Xã | Số tổ tự quản" / "Tân Lập | 37" → "Xã Tân Lập: số
  tổ tự quản là 37." (see ``labelled_row``);
  a second header row under a merged header cell refines the name ("Kết quả 2023");
* a **layout table** (the two-column official header "CÔNG AN TỈNH …" / "CỘNG HÒA XÃ HỘI …",
  the signature block, a one-row or one-column box) gives each paragraph of each cell as its own
  line, row by row, so header lines stay separate lines at the top.

Core properties become ``meta`` (title, author, date) only when they say something: template
placeholders ("python-docx", "Microsoft Office User", "Word Document") are dropped, and the
creation date is left out when the report carries its own dateline ("…, ngày 20 tháng 12 năm
2023"), which is the report's real date.
"""
from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

from assistant.readers.base import (
    DECORATION,
    OFFICIAL_LAYOUT,
    Extracted,
    ReportError,
    first_line,
    is_header_row,
    labelled_row,
    tidy,
)
from assistant.settings import MB, ReadingLimits

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_MAX_ZIP_ENTRIES = 10_000
"""Parts in one .docx: each image is one, so even a long illustrated report has a few hundred."""

_MAX_RATIO = 100
"""How many times its own size a .docx may unpack to (above ``_RATIO_FREE_BYTES``), read from the ZIP
directory so that a ZIP bomb is refused before anything is decompressed.

Report XML compresses 5-35 times (document.xml of 3,000 paragraphs of prose 6x, of a 3,000-row table
of figures 32x) and images hardly at all, so a whole .docx unpacks to 5-50 times its length (measured
on python-docx files: the prose 9x, its empty template 23x, the table 28x, the same table all zeros
44x). A bomb needs several hundred times to be cheap (the one in issue 11: 458 KB holding 150 MB of
XML, 335x; deflate's ceiling is about 1,030x), so 100 leaves twice the margin over the most repetitive
document we could make. The ratio is to the file's real length, not to the compressed sizes the
directory declares, which could lie.
"""

_RATIO_FREE_BYTES = 1 * MB
"""Unpacked bytes allowed at any ratio: a tiny .docx of one repeated element (a blank form table) may pass
``_MAX_RATIO``, and python-docx reads 1 MB of XML in under a second (10 MB took 7 s here)."""

_METHODS = {zipfile.ZIP_STORED: "stored", zipfile.ZIP_DEFLATED: "deflate"}
"""The compression methods Word and other DOCX writers use. zipfile cuts a stored or deflated part at
its declared size (its CRC check then fails), so a part that lies about its size cannot expand past
it. A bzip2 or LZMA part is decompressed one whole chunk at a time before that cut (177 bytes of bzip2
hold 200 MB of zeros), so it is refused."""

_SKIP = {_W + "pPr", _W + "rPr", _W + "del", _W + "moveFrom", _W + "instrText", _W + "delText",
         _W + "delInstrText", _W + "sectPr", _W + "tblPr", _W + "trPr", _W + "tcPr", _MC + "Fallback",
         _W + "footnoteReference", _W + "endnoteReference", _W + "commentReference"}
_TEXT = {_W + "t": None, _W + "tab": "\t", _W + "ptab": "\t", _W + "br": "\n", _W + "cr": "\n",
         _W + "noBreakHyphen": "-", _W + "softHyphen": ""}

_DATELINE = re.compile(r"ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}", re.IGNORECASE)

_PLACEHOLDER_AUTHORS = {
    "python-docx", "admin", "administrator", "user", "windows user", "microsoft office user", "author",
    "unknown", "anonymous", "owner", "pc", "hp", "dell", "asus", "lenovo", "acer", "tác giả", "người dùng",
    "microsoft", "office", "default", "guest", "test", "apache poi", "libreoffice", "openoffice",
}
_PLACEHOLDER_TITLES = {"word document", "document", "tài liệu", "untitled", "title", "tiêu đề", "microsoft word"}


def read(data: bytes, path: Path, limits: ReadingLimits) -> Extracted:
    _check_archive(data, path, limits)
    import docx  # python-docx

    try:
        document = docx.Document(io.BytesIO(data))
    except zipfile.BadZipFile as exc:  # a part that is not what the directory says (size, CRC)
        raise ReportError(f"{path.name}: corrupt .docx ({first_line(exc)})") from None
    except ValueError as exc:  # python-docx: another Office type (.docm, .dotx, .xlsx …)
        raise ReportError(f"{path.name}: not a Word document ({str(exc).splitlines()[0][:120]})") from None
    blocks = [block for block in _blocks(document.element.body) if block]
    text = "\n\n".join("\n".join(lines) for lines in blocks)
    return Extracted(text=text, meta=_meta(document, text))


def _check_archive(data: bytes, path: Path, limits: ReadingLimits) -> None:
    """A ZIP that is a Word document and will not expand past the limits (a ZIP bomb).

    Everything is judged from the ZIP directory alone, before a byte is decompressed: the sizes the
    parts declare (their sum bounds each part too; the reason names the largest), their ratio to the
    file's length, and their compression methods.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise ReportError(f"{path.name}: corrupt or truncated .docx (not a readable ZIP archive: "
                          f"{first_line(exc)})") from None
    with archive:
        infos = archive.infolist()
        if len(infos) > _MAX_ZIP_ENTRIES:
            raise ReportError(f"{path.name}: a .docx with {len(infos)} parts, over the {_MAX_ZIP_ENTRIES} limit")
        odd = next((info for info in infos if info.compress_type not in _METHODS), None)
        if odd is not None:
            raise ReportError(f"{path.name}: {odd.filename} uses ZIP compression method {odd.compress_type}, "
                              f"which no Word document uses (only {' or '.join(_METHODS.values())})")
        unpacked = sum(info.file_size for info in infos)
        if unpacked > limits.max_unpacked_bytes:
            largest = max(infos, key=lambda info: info.file_size)
            raise ReportError(f"{path.name}: unpacks to {unpacked} bytes ({largest.filename} alone "
                              f"{largest.file_size}), over the {limits.max_unpacked_bytes}-byte limit")
        if unpacked > _RATIO_FREE_BYTES and unpacked > _MAX_RATIO * len(data):
            raise ReportError(f"{path.name}: unpacks to {unpacked / MB:.1f} MB from {len(data) / MB:.1f} MB, "
                              f"{unpacked // len(data)} times its size; a real .docx stays under "
                              f"{_MAX_RATIO} times (a ZIP bomb?)")
        names = {info.filename for info in infos}
        if "[Content_Types].xml" not in names:
            what = "an OpenDocument file; save it as .docx" if "mimetype" in names else "a ZIP archive"
            raise ReportError(f"{path.name}: not a Word document ({what})")
        if not any(name.startswith("word/") for name in names):
            kind = ("an Excel workbook" if any(n.startswith("xl/") for n in names)
                    else "a PowerPoint presentation" if any(n.startswith("ppt/") for n in names)
                    else "an Office file without a Word document part")
            raise ReportError(f"{path.name}: not a Word document ({kind})")


# ---------------------------------------------------------------------------------------- body

def _blocks(container) -> Iterator[list[str]]:
    """The blocks (lists of lines) of a body, a table cell, a text box or a content control."""
    for child in container.iterchildren():
        tag = child.tag
        if tag == _W + "p":
            yield from _paragraph(child)
        elif tag == _W + "tbl":
            yield _table(child)
        elif tag == _W + "sdt":
            content = child.find(_W + "sdtContent")
            if content is not None:
                yield from _blocks(content)
        elif tag in (_W + "customXml", _W + "ins", _W + "moveTo"):
            yield from _blocks(child)
        elif tag == _MC + "AlternateContent":
            choice = child.find(_MC + "Choice")
            if choice is not None:
                yield from _blocks(choice)


def _paragraph(p) -> Iterator[list[str]]:
    """A paragraph's lines, then the blocks of the text boxes anchored in it."""
    parts: list[str] = []
    boxes: list = []
    _runs(p, parts, boxes)
    yield _lines("".join(parts))
    for box in boxes:
        yield from _blocks(box)


def _runs(element, parts: list[str], boxes: list) -> None:
    for child in element.iterchildren():
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag in _TEXT:
            fixed = _TEXT[tag]
            parts.append((child.text or "") if fixed is None else fixed)
        elif tag == _W + "txbxContent":
            boxes.append(child)
        else:  # runs, hyperlinks, insertions, fields, smart tags, inline content controls, drawings
            _runs(child, parts, boxes)


def _lines(text: str) -> list[str]:
    """Lines of a paragraph; tabs split an official header laid out with tabs, else are spaces."""
    out = []
    for raw in text.split("\n"):
        pieces = re.split(r"\t+", raw) if "\t" in raw and OFFICIAL_LAYOUT.search(raw) else [raw]
        for piece in pieces:
            line = tidy(piece)
            if line and not DECORATION.match(line):
                out.append(line)
    return out


# -------------------------------------------------------------------------------------- tables

def _rows(tbl) -> tuple[list[list], list[bool]]:
    """The table as a grid: one entry per grid column, the cell covering it (None where none).

    A horizontally merged cell fills every column it spans; a vertically merged continuation is
    the cell where the merge started, as in the rows above.
    """
    grid: list[list] = []
    repeated: list[bool] = []  # rows marked to repeat as the header on every page
    for tr in _row_elements(tbl):
        row: list = []
        trpr = tr.find(_W + "trPr")
        flag = trpr.find(_W + "tblHeader") if trpr is not None else None
        repeated.append(flag is not None and flag.get(_W + "val", "true") not in ("0", "false", "off"))
        row.extend([None] * _int_val(trpr, "gridBefore", 0, 0))
        for tc in _cell_elements(tr):
            tcpr = tc.find(_W + "tcPr")
            span = max(1, min(_int_val(tcpr, "gridSpan", 1, 1), 64))
            merge = tcpr.find(_W + "vMerge") if tcpr is not None else None
            cell = tc
            if merge is not None and merge.get(_W + "val", "continue") == "continue" and grid:
                above = grid[-1][len(row)] if len(row) < len(grid[-1]) else None
                cell = above if above is not None else tc
            row.extend([cell] * span)
        grid.append(row)
    return grid, repeated


def _row_elements(tbl) -> Iterator:
    for child in tbl.iterchildren():
        if child.tag == _W + "tr":
            yield child
        elif child.tag in (_W + "sdt", _W + "customXml"):
            yield from _row_elements(child.find(_W + "sdtContent") if child.tag == _W + "sdt" else child)


def _cell_elements(tr) -> Iterator:
    for child in tr.iterchildren():
        if child.tag == _W + "tc":
            yield child
        elif child.tag in (_W + "sdt", _W + "customXml"):
            inner = child.find(_W + "sdtContent") if child.tag == _W + "sdt" else child
            if inner is not None:
                yield from _cell_elements(inner)


def _int_val(props, name: str, default: int, missing: int) -> int:
    if props is None:
        return missing
    element = props.find(_W + name)
    if element is None:
        return missing
    try:
        return int(element.get(_W + "val", default))
    except ValueError:
        return default


def _distinct(row: list) -> list[tuple[int, object]]:
    """(first grid column, cell) for each cell of a row, once."""
    seen: set[int] = set()
    out = []
    for column, cell in enumerate(row):
        if cell is not None and id(cell) not in seen:
            seen.add(id(cell))
            out.append((column, cell))
    return out


def _table(tbl) -> list[str]:
    grid, repeated = _rows(tbl)
    cells: dict[int, list[str]] = {}  # id(cell) -> its lines

    def lines_of(cell) -> list[str]:
        if id(cell) not in cells:
            cells[id(cell)] = [line for block in _blocks(cell) for line in block]
        return cells[id(cell)]

    width = max((len(row) for row in grid), default=0)
    all_text = "\n".join(line for row in grid for _, cell in _distinct(row) for line in lines_of(cell))
    if len(grid) < 2 or width < 2 or OFFICIAL_LAYOUT.search(all_text):
        out: list[str] = []
        seen: set[int] = set()
        for row in grid:
            for _, cell in _distinct(row):
                if id(cell) not in seen:
                    seen.add(id(cell))
                    out.extend(lines_of(cell))
        return out
    return _data_rows(grid, repeated, lambda cell: " ".join(lines_of(cell)))


def _data_rows(grid: list[list], repeated: list[bool], text_of) -> list[str]:
    header_rows = next((i for i, flag in enumerate(repeated) if not flag), len(repeated))
    header_rows = min(header_rows, len(grid) - 1)
    # a first row holding a figure ("Tổng số mô hình | 1.589") is data, not column names: with no
    # header row, each row reads "Tổng số mô hình: 1.589."
    first_is_header = is_header_row([text_of(cell) for _, cell in _distinct(grid[0])])
    if header_rows == 0 and first_is_header:
        header_rows = 1
        spans = any(a is b and a is not None for a, b in zip(grid[0], grid[0][1:]))
        if spans and len(grid) > 2 and not any(a is b and a is not None for a, b in zip(grid[1], grid[1][1:])):
            header_rows = 2
    names: list[str] = []
    for column in range(max(len(row) for row in grid)):
        parts: list[str] = []
        for row in grid[:header_rows]:
            cell = row[column] if column < len(row) else None
            name = text_of(cell) if cell is not None else ""
            if name and name not in parts:
                parts.append(name)
        names.append(" ".join(parts))
    out = []
    for row in grid[header_rows:]:
        cells = [(column, text_of(cell)) for column, cell in _distinct(row)]
        cells = [(column, value) for column, value in cells if value]
        if not cells:
            continue
        if len(cells) == 1 and len(_distinct(row)) == 1:  # a row spanning the table: a sub-heading
            out.append(cells[0][1])
            continue
        out.append(labelled_row([(names[column], value) for column, value in cells]))
    return out


# ---------------------------------------------------------------------------------------- meta

def _meta(document, text: str) -> dict[str, str]:
    meta: dict[str, str] = {}
    try:
        props = document.core_properties
        title, author, created = props.title, props.author, props.created
    except Exception:  # noqa: BLE001 - odd core properties cost the meta, never the text
        return meta
    title = tidy(title or "")
    if (len(title) >= 4 and any(c.isalpha() for c in title) and title.casefold() not in _PLACEHOLDER_TITLES
            and not title.lower().startswith("microsoft word") and not re.search(r"\.docx?$", title, re.IGNORECASE)):
        meta["title"] = title
    author = tidy(author or "")
    if (len(author) >= 3 and any(c.isalpha() for c in author) and author.casefold() not in _PLACEHOLDER_AUTHORS
            and not re.fullmatch(r"(?:user|admin|pc|may|máy|win)[\s\-_]*\d*", author, re.IGNORECASE)):
        meta["author"] = author
    if isinstance(created, dt.datetime) and not _DATELINE.search(text[:1500]):
        default_template = created.replace(tzinfo=None) == dt.datetime(2013, 12, 23, 23, 15)
        if 1995 <= created.year <= dt.date.today().year + 1 and not default_template:
            meta["date"] = created.date().isoformat()
    return meta
