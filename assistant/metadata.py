"""Boilerplate and metadata of a report's text, without ever shifting an offset.

Crawled news pages carry site chrome ("DetailController", "357 lượt xem", "Tin liên quan"
and everything after it), crawl markers (" date 2023-05"), publication stamps and bylines.
``content_spans`` returns the spans that remain; ``extract_metadata`` reads title, date,
province, source site and author, with declared values (sidecar, front matter) winning.
"""
from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Mapping

from assistant.places import infer_province, merged_province, standard_province
from assistant.text import canonical

TAIL_MARKERS = re.compile(r"^\s*(?:Tin liên quan|Thăm dò ý kiến|•\s*Từ khóa|Từ khóa|Bài viết liên quan|Tin cùng chuyên mục)",
                          re.M)
CHROME_LINE = re.compile(
    r"^\s*(?:DetailController|\d[\d.]*\s+lượt xem|Quốc phòng\s*[,\-–]\s*[Aa]n ninh|\.|\./\.|"
    r"(?:Thứ\s+\w+|Chủ nhật),?\s*\d{1,2}[./]\d{1,2}[./]\d{4}.*|\d{1,2}/\d{1,2}/\d{4}\s+\d{1,2}:\d{2}(?::\d{2})?)\s*$")
CRAWL_MARK = re.compile(r"^\s*date\s+(\d{4})-(\d{2})\s*")
CATEGORY = re.compile(r"Quốc phòng\s*[,\-–]\s*[Aa]n ninh\s*")
SOURCE_TAG = re.compile(r"^\(([\w.-]+\.(?:vn|com|net|org))\)\s*[–\-]\s*")
AUTHOR_LINE = re.compile(r"^\s*Tác giả:\s*(.+?)\s*$")
BYLINE = re.compile(r"^\s*([A-ZĐÀ-Ỹ][\wÀ-ỹ]*(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*){0,3})(?:\s*[–-]\s*([A-ZĐÀ-Ỹ][\wÀ-ỹ]*(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*){0,3}))?\s*$")
END_MARK = re.compile(r"\./\.\s*$")
FULL_DATE = re.compile(r"\b(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\b")
LEAD_DATE = re.compile(r"^(?:Sáng|Chiều|Tối|Trưa|Ngày|Hôm nay|Sáng nay|Chiều nay|Tối nay)?\s*(?:nay\s+)?(?:ngày\s+)?"
                       r"(\d{1,2})[/\-](\d{1,2})(?:[/\-](\d{4}))?\b", re.I)
OFFICIAL_DATE = re.compile(r"([A-ZĐÀ-Ỹ][\wÀ-ỹ ]{1,30}),\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")
ISSUER = re.compile(r"^\s*((?:CÔNG AN|ỦY BAN|UỶ BAN|BAN|MẶT TRẬN|BỘ)[^\n]{0,60}?(?:TỈNH|THÀNH PHỐ)\s+([^\n]+?))\s*$", re.M)
DOC_NUMBER = re.compile(r"^\s*Số:\s*([\w/.\-]+)", re.M)


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

    def to_dict(self) -> dict:
        return asdict(self)


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.splitlines(keepends=True):
        out.append((pos, pos + len(line.rstrip("\r\n"))))
        pos += len(line)
    return out


def _is_byline(line: str, is_last: bool) -> bool:
    if AUTHOR_LINE.match(line):
        return True
    return is_last and bool(BYLINE.match(line)) and len(line.split()) <= 8 and not line.rstrip().endswith(".")


def content_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the article's own text; chrome, stamps, crawl markers and bylines left out."""
    tail = TAIL_MARKERS.search(text)
    limit = tail.start() if tail else len(text)
    lines = [(a, b) for a, b in _lines(text) if b <= limit and text[a:b].strip()]
    spans: list[tuple[int, int]] = []
    for i, (a, b) in enumerate(lines):
        line = text[a:b]
        if CHROME_LINE.match(line) or _is_byline(line, i == len(lines) - 1):
            continue
        if m := CRAWL_MARK.match(line):
            a += m.end()
            if c := CATEGORY.match(text, a):
                a = c.end()
        if m := SOURCE_TAG.match(text[a:b]):
            a += m.end()
        if m := END_MARK.search(text[a:b]):
            b = a + m.start()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            spans.append((a, b))
    return spans


def _iso(year: int, month: int, day: int | None = None) -> str | None:
    if not (1 <= month <= 12) or (day is not None and not 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")


def _date(text: str, spans: list[tuple[int, int]]) -> str | None:
    """The report's own date: an official dateline, a publication stamp, or the lead's dateline.

    Dates elsewhere in the body (a programme "ngày 01/8/2013") are not the report's date; without
    a dateline the crawl month stands.
    """
    if m := OFFICIAL_DATE.search(text[:600]):
        return _iso(int(m.group(4)), int(m.group(3)), int(m.group(2)))
    crawl = CRAWL_MARK.match(text)
    for a, b in _lines(text)[:12]:
        line = text[a:b].strip()
        if CHROME_LINE.match(line) and (m := FULL_DATE.search(line)):
            return _iso(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    for a, b in spans[:4]:
        lead = SOURCE_TAG.sub("", text[a:b])
        if m := LEAD_DATE.match(lead):
            day, month = int(m.group(1)), int(m.group(2))
            year = int(m.group(3)) if m.group(3) else (int(crawl.group(1)) if crawl else None)
            if year:
                return _iso(year, month, day)
    return _iso(int(crawl.group(1)), int(crawl.group(2))) if crawl else None


def _title(text: str, spans: list[tuple[int, int]]) -> tuple[str | None, bool]:
    if not spans:
        return None, False
    a, b = spans[0]
    first = text[a:b]
    if len(first) <= 250 and not first.endswith(".") and not LEAD_DATE.match(first):
        return first, False
    sentence = re.split(r"(?<=[.!?])\s", first, maxsplit=1)[0]
    return (sentence[:157] + "…" if len(sentence) > 160 else sentence), True


def _author(text: str, limit: int) -> str | None:
    lines = [text[a:b] for a, b in _lines(text) if b <= limit and text[a:b].strip()]
    for line in lines:
        if m := AUTHOR_LINE.match(line):
            return m.group(1)
    if lines and _is_byline(lines[-1], True):
        return lines[-1].strip()
    return None


def extract_metadata(text: str, *, declared: Mapping[str, str] | None = None) -> ReportMeta:
    """Metadata inferred from the text, each field None where the report does not tell."""
    declared = dict(declared or {})
    spans = content_spans(text)
    tail = TAIL_MARKERS.search(text)
    source = SOURCE_TAG.search(text[:400].split("\n", 3)[-1]) or re.search(r"\(([\w.-]+\.vn)\)", text[:600])
    site = declared.get("source") or (source.group(1) if source else None)
    title, derived = _title(text, spans)
    issuer = ISSUER.search(text[:500])
    province = standard_province(declared["province"]) if declared.get("province") else None
    if province is None and issuer:
        province = standard_province(issuer.group(2))
    body = "\n".join(text[a:b] for a, b in spans)
    province = province or infer_province(body, site)
    category = CATEGORY.search(text[:300])
    number = DOC_NUMBER.search(text[:800])
    return ReportMeta(
        title=declared.get("title") or title,
        title_derived=False if declared.get("title") else derived,
        date=declared.get("date") or _date(text, spans),
        province=province,
        merged_province=merged_province(province) if province else None,
        source_site=site,
        author=declared.get("author") or _author(text, tail.start() if tail else len(text)),
        category=category.group().strip() if category else None,
        issuer=issuer.group(1).strip() if issuer else None,
        doc_number=number.group(1) if number else None,
    )


def read_sidecar(report: Path) -> dict[str, str]:
    """``report.txt.meta.json`` next to a report: string fields that override inference."""
    sidecar = report.with_name(report.name + ".meta.json")
    if not sidecar.exists():
        return {}
    try:
        fields = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ValueError(f"{sidecar.name}: unreadable sidecar ({str(exc).splitlines()[0]})") from None
    if not isinstance(fields, dict):
        raise ValueError(f"{sidecar.name}: a sidecar must be a JSON object")
    return {k: str(v) for k, v in fields.items() if v not in (None, "") and canonical(k) == k}
