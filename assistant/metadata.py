"""Boilerplate and metadata of a report's text, without ever shifting an offset.

Crawled pages carry site chrome ("DetailController", "357 lượt xem", "Tin liên quan" and
everything after it), a crawl month glued to the first line (" date 2023-05"), categories,
publication stamps, source tags and bylines; official reports carry an issuing body, a
document number and a place-and-date line ("Bắc Giang, ngày 20 tháng 12 năm 2023": ``place``,
``date`` in ISO, and the province of the place when the issuer does not name one).
``content_spans`` keeps the rest, line by line; ``extract_metadata`` reads the metadata, and
what a sidecar or the format declares wins.

The date trap: a date in the body ("chương trình … ngày 01/8/2013") is not the report's.
Only an official date line, a dateline opening the lead ("Chiều 29/3/2022,"), a publication
stamp or, failing those, the crawl month date a report.
"""
from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from assistant.places import (
    district_province,
    find_place_mentions,
    infer_province,
    merged_province,
    standard_province,
)
from assistant.text import retone, sentences

SIDECAR_SUFFIX = ".meta.json"
"""``<report><SIDECAR_SUFFIX>`` beside a report declares its metadata (the contract's sidecar)."""
DECLARED_KEYS = ("title", "date", "author", "province", "source")
HEADER_LINES = 15
TITLE_MAX = 250
DERIVED_TITLE_MAX = 160
TITLE_BREAK = re.compile(r",\s|\s(?:giữa|về|và|với|của|trong|tại|nhằm|để)\s|\s[(“\"–-]")
"""Where a long lead sentence may be cut: before a clause, a quotation or a parenthesis."""

FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n.*?\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
CRAWL_MARK = re.compile(r"[ \t]*date[ \t]+(\d{4})-(\d{2})\b[ \t]*")
CATEGORY = re.compile(r"(?:Quốc phòng\s*[,–-]?\s*an ninh|An ninh\s*[,–-]?\s*(?:quốc phòng|trật tự)|Pháp luật|"
                      r"Thời sự|Chính trị|Xã hội)", re.IGNORECASE)
TEMPLATE_NAME = re.compile(r"[A-Z][a-z]+(?:[A-Z][a-z]+)+")  # "DetailController": page-template residue
VIEWS = re.compile(r"\d[\d.,]*\s+lượt\s+xem", re.IGNORECASE)
DMY = r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})"
TIME = r"\d{1,2}:\d{2}(?::\d{2})?"
WEEKDAY = r"(?:Thứ\s*(?:[2-7]|hai|ba|tư|năm|sáu|bảy)|Chủ\s*nhật|CN|T[2-7])"
STAMP = re.compile(rf"(?:(?:Cập nhật|Ngày đăng|Đăng lúc|Đăng ngày|Ngày)\s*:?\s*)?(?:{WEEKDAY}\s*,?\s*)?"
                   rf"(?:{TIME}\s*[|,-]?\s*)?(?:ngày\s*)?{DMY}(?:\s*[|,-]?\s*{TIME})?(?:\s*\(?GMT\s*[+-]\s*\d+\)?)?",
                   re.IGNORECASE)
AUTHOR_TAG = re.compile(r"(?:Tác giả|Bài và ảnh|Bài, ảnh|Bài ảnh|Người viết|Phóng viên)\s*:\s*(.+)", re.IGNORECASE)
FOOTER = re.compile(r"[•·*\s-]*(?:(?:Tin liên quan|Thăm dò ý kiến|Tin cùng chuyên mục|Bài viết liên quan|"
                    r"Các tin khác|Tin khác|Xem thêm)\s*:?\s*$|(?:Từ khóa|Tags?|Nơi nhận)\b)", re.IGNORECASE)
SOURCE_TAG = re.compile(r"\(([^\W_][^()\s]{1,60})\)\s*[–—-]\s*")
END_MARK = re.compile(r"\./\.$")
MD_HEADING = re.compile(r"#{1,6}[ \t]+")
DATELINE = re.compile(r"(?:[^\W\d_][^,\d\n]{0,40},\s*)?"  # an optional place: "Cà Mau, ngày 15/12/2024"
                      r"(?:(?:(?:Sáng|Chiều|Trưa|Tối|Đêm)(?:\s+(?:nay|qua))?|Hôm\s+(?:nay|qua)|[Nn]gày)\s+(?:ngày\s+)?"
                      r"(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?|(\d{1,2})/(\d{1,2})/(\d{4}))(?!\d)"
                      r"\s*(?:\([^)]*\))?\s*[,:–-]?\s*")

MOTTO = re.compile(r"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc", re.IGNORECASE)
DOC_NUMBER = re.compile(r"Số\s*:\s*(\d+[^\s/]*(?:\s*/\s*[^\s/,;]+)+)")
PLACE_DATE = re.compile(r"([^\W\d_](?:(?!\s\s)[^,\d\t]){0,40}),\s*ngày\s+(\d{1,2})?[ .…]*tháng\s+(\d{1,2})?[ .…]*năm\s+(\d{4})",
                        re.IGNORECASE)
DOC_TYPES = {"BÁO CÁO", "KẾ HOẠCH", "CÔNG VĂN", "THÔNG BÁO", "QUYẾT ĐỊNH", "TỜ TRÌNH", "CHƯƠNG TRÌNH",
             "HƯỚNG DẪN", "BIÊN BẢN", "CHỈ THỊ", "NGHỊ QUYẾT"}
CELL_GAP = re.compile(r"\t+|\s{3,}")
RULE = re.compile(r"[-_=*~.\s]{3,}")


@dataclass(frozen=True)
class ReportMeta:
    title: str | None = None
    title_derived: bool = False
    date: str | None = None
    province: str | None = None
    merged_province: str | None = None
    source_site: str | None = None
    author: str | None = None
    category: str | None = None
    issuer: str | None = None
    doc_number: str | None = None
    place: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class _Page:
    """What one pass over the lines found: content spans and the boilerplate's values."""

    spans: list[tuple[int, int]] = field(default_factory=list)
    crawl: tuple[int, int] | None = None
    category: str | None = None
    stamp: date | None = None
    source_tag: str | None = None
    author: str | None = None
    issuer: str | None = None
    doc_number: str | None = None
    official_date: str | None = None
    place: str | None = None


def _iso(year: int, month: int | None, day: int | None = None) -> str | None:
    """"YYYY-MM-DD" or "YYYY-MM"; None for an impossible date."""
    try:
        date(year, month or 0, day or 1)
    except ValueError:
        return None
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")


def normalise_date(value: str) -> str | None:
    """A declared date in ISO, d/m/yyyy or "ngày d tháng m năm yyyy" form → ISO; None if not a date."""
    value = value.strip()
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?:[T ][\d:.+Z-]*)?", value):
        return _iso(int(m[1]), int(m[2]), int(m[3]) if m[3] else None)
    if m := re.fullmatch(DMY, value):
        return _iso(int(m[3]), int(m[2]), int(m[1]))
    if m := re.fullmatch(r"(?:ngày\s+(\d{1,2})\s+)?tháng\s+(\d{1,2})\s+năm\s+(\d{4})", value, re.IGNORECASE):
        return _iso(int(m[3]), int(m[2]), int(m[1]) if m[1] else None)
    return None


def _lines(text: str, start: int) -> list[tuple[int, int]]:
    """Each line from ``start`` on, trimmed of surrounding whitespace; blank lines left out."""
    out = []
    for m in re.finditer(r"[^\n]+", text[start:]):
        a, b = start + m.start(), start + m.end()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out


def _header(text: str, lines: list[tuple[int, int]], page: _Page) -> int:
    """Read an official report's header (issuer, number, place and date); return the lines it takes.

    Header lines hold only header pieces (columns become tabs or wide gaps in extracted text).
    A header needs the national motto, a "Số:" number or a place-and-date line, so an
    upper-case web headline is never taken for an issuing body. It ends after the document type.
    """
    taken, official, issuer = 0, False, None
    for a, b in lines[:HEADER_LINES]:
        rest = retone(text[a:b])
        found: list[tuple[str, re.Match[str]]] = []
        for kind, pattern in (("motto", MOTTO), ("number", DOC_NUMBER), ("place_date", PLACE_DATE)):
            found += [(kind, m) for m in pattern.finditer(rest)]
            rest = pattern.sub("\t", rest)
        cells = [c.strip() for c in CELL_GAP.split(rest) if c.strip()]
        kinds = [_header_cell(c) for c in cells]
        if not all(kinds):
            break
        for kind, m in found:
            if kind == "number":
                page.doc_number = re.sub(r"\s+", "", m[1])
            elif kind == "place_date":
                page.official_date = _iso(int(m[4]), int(m[3]) if m[3] else None, int(m[2]) if m[2] else None)
                page.place = " ".join(m[1].split()).strip(" .-–")
        issuer = issuer or next((c for c, k in zip(cells, kinds) if k == "body"), None)
        official |= bool(found)
        taken += 1
        if "doc_type" in kinds:
            break
    if not official:
        page.doc_number = page.official_date = page.place = None
        return 0
    page.issuer = issuer
    return taken


def _header_cell(cell: str) -> str | None:
    """What a header cell other than the motto, number and date is: a rule, the document type, a body."""
    if RULE.fullmatch(cell):
        return "rule"
    if cell in DOC_TYPES:
        return "doc_type"
    if cell.isupper() and len(cell.split()) >= 2:
        return "body"
    return None


def _read(text: str) -> _Page:
    page = _Page()
    front = FRONT_MATTER.match(text)
    lines = _lines(text, front.end() if front else 0)
    lines = lines[_header(text, lines, page):]
    for index, (a, b) in enumerate(lines):
        if index == 0 and (m := CRAWL_MARK.match(text, a, b)):
            page.crawl = (int(m[1]), int(m[2]))
            a = m.end()
            if (c := CATEGORY.match(text, a, b)) and (rest := text[c.end():b])[:1].isspace() \
                    and rest.lstrip()[:1].isupper():  # the category glued before the title
                page.category = c.group()
                a = b - len(rest.lstrip())
        if m := MD_HEADING.match(text, a, b):
            a = m.end()
        line = retone(text[a:b])
        if FOOTER.match(line):
            break
        if TEMPLATE_NAME.fullmatch(line) or VIEWS.fullmatch(line) or not any(ch.isalnum() for ch in line):
            continue
        if CATEGORY.fullmatch(line):
            page.category = page.category or line
            continue
        if m := STAMP.fullmatch(line):
            page.stamp = page.stamp or _stamp_date(m)
            continue
        if m := AUTHOR_TAG.fullmatch(line):
            page.author = page.author or m[1].strip()
            continue
        if m := SOURCE_TAG.match(text, a, b):
            page.source_tag = page.source_tag or m[1]
            a = m.end()
        if END_MARK.search(text, a, b):
            b -= 2  # keep the full stop, drop "/."
        if b > a:
            page.spans.append((a, b))
    if len(page.spans) >= 2 and _is_byline(text[slice(*page.spans[-1])]):
        a, b = page.spans.pop()
        page.author = page.author or text[a:b]
    return page


def _stamp_date(m: re.Match[str]) -> date | None:
    try:
        return date(int(m[3]), int(m[2]), int(m[1]))
    except ValueError:
        return None


def _is_byline(line: str) -> bool:
    """A last line of one to three short capitalised names: "Thu Trang – Công Luận", "Thanh Phú"."""
    parts = [p.split() for p in re.split(r"\s+[–—-]\s+|\s*[,/&]\s*", line)]
    return (len(line) <= 80 and 1 <= len(parts) <= 3 and all(1 <= len(p) <= 5 for p in parts)
            and all(w[0].isupper() and w.isalpha() for p in parts for w in p))


def content_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the report's own text (title and captions included), one per kept line."""
    return _read(text).spans


def _is_title(text: str, spans: list[tuple[int, int]]) -> bool:
    first = text[slice(*spans[0])]
    return len(spans) >= 2 and len(first) <= TITLE_MAX and first[-1] not in ".,;:" and not DATELINE.match(first)


def _lead(text: str, spans: list[tuple[int, int]], titled: bool) -> tuple[int, int] | None:
    """The first paragraph after the title; short caption lines without a full stop are passed over."""
    for a, b in spans[1 if titled else 0:]:
        if b - a >= 80 or text[b - 1] in ".!?…":
            return a, b
    return None


def _dateline(text: str, lead: tuple[int, int] | None, page: _Page) -> str | None:
    """The date opening the lead; a day and month alone take the year of the stamp or crawl month."""
    if lead is None or not (m := DATELINE.match(text, *lead)):
        return None
    if m[4]:
        return _iso(int(m[6]), int(m[5]), int(m[4]))
    day, month = int(m[1]), int(m[2])
    if m[3]:
        return _iso(int(m[3]), month, day)
    reference = (page.stamp.year, page.stamp.month) if page.stamp else page.crawl
    if reference is None:
        return None
    year = reference[0] if month <= reference[1] else reference[0] - 1  # published after the event
    return _iso(year, month, day)


def _derived_title(text: str, lead: tuple[int, int]) -> str:
    """The lead's first sentence without its dateline, cut before a clause when long."""
    a, b = sentences(text, *lead)[0]
    if m := DATELINE.match(text, a, b):
        a = m.end()
    title = text[a:b].rstrip(" .")
    if len(title) > DERIVED_TITLE_MAX:
        breaks = [m.start() for m in TITLE_BREAK.finditer(title, DERIVED_TITLE_MAX // 3, DERIVED_TITLE_MAX)]
        cut = breaks[-1] if breaks else (title.rfind(" ", 0, DERIVED_TITLE_MAX) if " " in title else DERIVED_TITLE_MAX)
        title = title[:cut].rstrip(",;: ") + "…"
    return title[:1].upper() + title[1:]


def _site(source: str) -> str:
    """A host from a URL or domain ("https://www.baoquangnam.vn/x" → "baoquangnam.vn"); other text as is."""
    if re.fullmatch(r"(?:[a-z]+://)?[\w.-]+\.[a-z]{2,}(?:[:/?#]\S*)?", source.strip(), re.IGNORECASE):
        host = re.sub(r"^[a-z]+://", "", source.strip().lower()).split("/")[0].split(":")[0]
        return host.removeprefix("www.")
    return source.strip()


def extract_metadata(text: str, *, declared: Mapping[str, str] | None = None) -> ReportMeta:
    """Title, date, province, source, author, category and official header fields of a report.

    ``declared`` (sidecar, front matter, format properties) overrides what is inferred; a
    declared date that is not a date is ignored. Each field is None where the report does not tell.
    """
    declared = {k: v.strip() for k, v in (declared or {}).items() if k in DECLARED_KEYS and v and v.strip()}
    page = _read(text)
    spans = page.spans
    titled = bool(spans) and _is_title(text, spans)
    lead = _lead(text, spans, titled) if spans else None
    title, derived = (text[slice(*spans[0])], False) if titled else (None, False)
    if not titled and lead:
        title, derived = _derived_title(text, lead), True
    if "title" in declared:
        title, derived = declared["title"], False

    site = _site(declared["source"]) if "source" in declared else \
        (page.source_tag.lower() if page.source_tag and "." in page.source_tag else None)
    province = _province(text, page, declared.get("province"), site)
    when = (normalise_date(declared.get("date", "")) or page.official_date or _dateline(text, lead, page)
            or (page.stamp.isoformat() if page.stamp else None) or (_iso(*page.crawl) if page.crawl else None))
    return ReportMeta(title=title, title_derived=derived, date=when, province=province,
                      merged_province=merged_province(province) if province else None, source_site=site,
                      author=declared.get("author") or page.author, category=page.category, issuer=page.issuer,
                      doc_number=page.doc_number, place=page.place)


NATIONAL_ISSUER = re.compile(r"^(?:BỘ\b|CHÍNH PHỦ|THỦ TƯỚNG|QUỐC HỘI|VĂN PHÒNG CHÍNH PHỦ|TỔNG CỤC|CỤC\b)|TRUNG ƯƠNG",
                             re.IGNORECASE)
"""A body of the central state: the place it signs in (Hà Nội) is not the report's province."""


def place_province(place: str) -> str | None:
    """The province of an official date line's place: "Bắc Giang", "TP. Hồ Chí Minh", "Lục Ngạn", "Đà Lạt"."""
    if mentions := find_place_mentions(place):
        return mentions[0].province
    return standard_province(place) or district_province(place)


def _province(text: str, page: _Page, declared: str | None, site: str | None) -> str | None:
    """Declared, else the issuing body's province, else the place the report was signed in (unless a
    central body signed it), else a vote over the content and the site."""
    if declared:
        return standard_province(declared) or declared
    if page.issuer and (mentions := find_place_mentions(page.issuer)):
        return mentions[0].province
    if page.place and not (page.issuer and NATIONAL_ISSUER.search(page.issuer)) \
            and (province := place_province(page.place)):
        return province
    return infer_province("\n".join(text[a:b] for a, b in page.spans), site)


def read_sidecar(report_path: Path) -> dict[str, str]:
    """The string fields of ``<report>.meta.json`` next to a report, or {} when there is none.

    Raises ValueError with a one-line message naming the sidecar when it is not a JSON
    object of known string fields or its date is not a date.
    """
    path = report_path.with_name(report_path.name + SIDECAR_SUFFIX)
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        raise ValueError(f"{path.name}: not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path.name}: not valid JSON ({exc.msg}, line {exc.lineno} column {exc.colno})") from None
    except OSError as exc:
        raise ValueError(f"{path.name}: cannot read ({exc.strerror or exc})") from None
    if not isinstance(data, dict):
        raise ValueError(  # noqa: TRY004 - callers catch one error type for every bad sidecar
            f"{path.name}: expected a JSON object of string fields, got {type(data).__name__}")
    for key, value in data.items():
        if key not in DECLARED_KEYS:
            raise ValueError(f"{path.name}: unknown field {key!r} (known: {', '.join(DECLARED_KEYS)})")
        if value is not None and not isinstance(value, str):
            raise ValueError(f"{path.name}: field {key!r} must be a string, got {type(value).__name__}")
    if data.get("date") and not normalise_date(data["date"]):
        raise ValueError(f"{path.name}: date {data['date']!r} is not YYYY-MM-DD, YYYY-MM or D/M/YYYY")
    return {k: v.strip() for k, v in data.items() if isinstance(v, str) and v.strip()}
