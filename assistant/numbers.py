"""Vietnamese numbers in report text: quantities with their qualifier and unit, dates, ids.

Parsing order matters (measured on the seeds): identifiers first ("09/CTr-BCA-MTTW",
"số 09", "Thứ 2", "V05", "4.0"), then dates and year ranges, ratios, percentages, and
only then quantities, where a dot is a thousands separator before exactly three digits
and a comma is the decimal mark.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Kind = Literal["count", "percent", "ratio", "date", "year", "year_range", "id", "money", "vague"]

QUALIFIERS = ("xấp xỉ", "khoảng", "hơn", "trên", "gần", "dưới", "gần như", "tới", "đến", "ít nhất")
SCALES = {"nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9}
SPELLED = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}
NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_UNIT_STOP = re.compile(r"[,.;:!?()“”\"=–—\-/]|\s(?:và|với|của|trong|tại|ở|từ|để|cho|được|đã|là|vì|có)\s")

_ID = re.compile(r"\b\d+/[A-ZĐ][\w\-]*|\b(?:[Ss]ố|Thứ)\s+\d+\b|\b[A-Z]+\d+\b|\b\d+\.\d\b(?!\.\d)")
_TIME = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b")
_DATE = re.compile(r"\b(\d{1,2})([/.\-])(\d{1,2})\2(\d{4})\b")
_SHORT_DATE = re.compile(r"(?:ngày|[Ss]áng|[Cc]hiều|[Tt]ối|nay)\s+(?:nay\s+)?(\d{1,2})[/\-](\d{1,2})\b(?![/\-]\d)")
_YEAR_RANGE = re.compile(r"\b((?:19|20)\d{2})\s*[–—\-]\s*((?:19|20)\d{2})\b")
_YEAR = re.compile(r"\b(?:năm\s+)((?:19|20)\d{2})\b")
_RATIO = re.compile(rf"\b(\d+)/(\d+)\s*=\s*({NUMBER})\s*%")
_PERCENT = re.compile(rf"\b({NUMBER})\s*(?:%|phần trăm)")
_QUANTITY = re.compile(rf"(?<![\w/.,])({NUMBER})(?:\s+({'|'.join(SCALES)})\b(?!\s+lệ))?(?![\w/])")
_VAGUE = re.compile(r"\bhàng\s+(?:chục|trăm|nghìn|ngàn|triệu)\b")
_SPELLED = re.compile(rf"\b({'|'.join(SPELLED)})\s+(?=(?:đơn vị|tập thể|cá nhân|bên)\b)")
_QUOTED = re.compile(r"“[^”]{0,160}”|\"[^\"]{0,160}\"")


@dataclass(frozen=True)
class Quantity:
    """A number in the text; ``text`` is the exact slice ``[start, end)`` including its qualifier."""

    start: int
    end: int
    text: str
    value: float
    kind: Kind
    qualifier: str | None = None
    unit: str | None = None


def parse_vietnamese_number(s: str) -> float | None:
    """ "2.250" → 2250, "1,2" → 1.2, "7,39" → 7.39; None when it is not a Vietnamese number."""
    s = s.strip()
    if not re.fullmatch(NUMBER, s):
        return None
    return float(s.replace(".", "").replace(",", "."))


def _unit_after(text: str, end: int, max_words: int = 4) -> str | None:
    tail = text[end:end + 60]
    stop = _UNIT_STOP.search(tail)
    words = (tail[:stop.start()] if stop else tail).split()[:max_words]
    words = [w for w in words if not w[0].isdigit()]
    return " ".join(words) or None


def _qualifier_before(text: str, start: int) -> tuple[str | None, int]:
    head = text[max(0, start - 12):start]
    for q in sorted(QUALIFIERS, key=len, reverse=True):
        m = re.search(rf"(?:^|\s)({q})\s+$", head, flags=re.IGNORECASE)
        if m and not text[start:start + 4].startswith("nữa"):
            return m.group(1), start - (len(head) - m.start(1))
    return None, start


def find_numbers(text: str) -> list[Quantity]:
    """Every number in ``text``, classified, in order of position."""
    taken = [False] * (len(text) + 1)
    out: list[Quantity] = []

    def free(a: int, b: int) -> bool:
        return not any(taken[a:b])

    def take(a: int, b: int, value: float, kind: Kind, qualifier: str | None = None,
             unit: str | None = None) -> None:
        for i in range(a, b):
            taken[i] = True
        out.append(Quantity(a, b, text[a:b], value, kind, qualifier, unit))

    for m in _QUOTED.finditer(text):  # numbers inside quoted model names are not quantities
        for i in range(m.start(), m.end()):
            taken[i] = True
    for m in _TIME.finditer(text):
        take(m.start(), m.end(), 0.0, "id")
    for m in _DATE.finditer(text):
        day, month = int(m.group(1)), int(m.group(3))
        if 1 <= day <= 31 and 1 <= month <= 12 and free(m.start(), m.end()):
            take(m.start(), m.end(), float(m.group(4)), "date")
    for m in _ID.finditer(text):
        if free(m.start(), m.end()):
            take(m.start(), m.end(), float(re.sub(r"\D", "", m.group()) or 0), "id")
    for m in _SHORT_DATE.finditer(text):
        day, month = int(m.group(1)), int(m.group(2))
        if 1 <= day <= 31 and 1 <= month <= 12 and free(m.start(1), m.end(2)):
            take(m.start(1), m.end(2), float(day), "date")
    for m in _YEAR_RANGE.finditer(text):
        if free(m.start(), m.end()):
            take(m.start(), m.end(), float(m.group(1)), "year_range")
    for m in _YEAR.finditer(text):
        if free(m.start(1), m.end(1)):
            take(m.start(1), m.end(1), float(m.group(1)), "year")
    for m in _RATIO.finditer(text):
        if free(m.start(), m.end()):
            take(m.start(), m.end(), parse_vietnamese_number(m.group(3)) or 0.0, "percent")
    for m in _PERCENT.finditer(text):
        if free(m.start(), m.end()):
            qualifier, start = _qualifier_before(text, m.start())
            take(start, m.end(), parse_vietnamese_number(m.group(1)) or 0.0, "percent", qualifier)
    for m in _VAGUE.finditer(text):
        if free(m.start(), m.end()):
            take(m.start(), m.end(), {"chục": 10, "trăm": 100, "triệu": 1e6}.get(m.group().split()[-1], 1e3),
                 "vague", None, _unit_after(text, m.end()))
    for m in _QUANTITY.finditer(text):
        if not free(m.start(), m.end()):
            continue
        value = parse_vietnamese_number(m.group(1))
        if value is None:
            continue
        if m.group(2):
            value *= SCALES[m.group(2)]
        qualifier, start = _qualifier_before(text, m.start())
        unit = _unit_after(text, m.end())
        if re.fullmatch(r"(?:19|20)\d{2}", m.group(1)) and not m.group(2) and (unit is None or unit.split()[0] in (
                "đến", "và")):
            take(m.start(), m.end(), value, "year")
            continue
        take(start, m.end(), value, "count", qualifier, unit)
    for m in _SPELLED.finditer(text):
        if free(m.start(1), m.end(1)):
            take(m.start(1), m.end(1), float(SPELLED[m.group(1)]), "count", None, _unit_after(text, m.end(1)))
    return sorted(out, key=lambda q: q.start)
