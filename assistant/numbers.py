"""Vietnamese numbers in report text: quantities with their qualifier and unit, dates, ids.

Parsing order matters (measured on the seeds): identifiers first ("09/CTr-BCA-MTTW",
"số 09", "Thứ 2", "V05", "4.0"), then dates and year ranges, ratios, percentages, and
only then quantities, where a dot is a thousands separator before exactly three digits
and a comma is the decimal mark. Each pass claims its characters; later passes skip them.

``Quantity.value`` by kind: count/money/percent/vague the number itself ("1,2 triệu" →
1_200_000, "7,39%" → 7.39); ratio the percentage (stated, or 100·a/b); date yyyymmdd
(mmdd without a year, yyyymm00 without a day); year and year_range the (first) year; id
the digits of the code.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from assistant.text import quotes

Kind = Literal["count", "percent", "ratio", "date", "year", "year_range", "id", "money", "vague"]

QUALIFIERS = ("xấp xỉ", "khoảng", "hơn", "trên", "gần", "dưới", "ít nhất", "tối thiểu", "tối đa", "chừng",
              "ước tính", "lên tới", "lên đến")
"""Words just before a number that qualify it ("hơn nữa" is never one: it is not followed by a number)."""
SCALES = {"nghìn": 1e3, "ngàn": 1e3, "vạn": 1e4, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9}
SPELLED = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}
COUNTING_WORDS = [w for w in SPELLED if w != "một"]
"""Spelled numbers that count; "một" is mostly an article ("là một mô hình tiêu biểu")."""
COUNTED = ("đơn vị", "tập thể", "cá nhân", "bên", "mô hình", "buổi", "lượt", "người", "cuộc", "lần", "loại",
           "hội nghị", "xã", "huyện", "tỉnh", "năm", "tháng")
"""Nouns after which a spelled-out number ("hai đơn vị") is a count."""
VAGUE = {"chục": 10.0, "trăm": 100.0, "nghìn": 1e3, "ngàn": 1e3, "vạn": 1e4, "triệu": 1e6}
TIME_NOUNS = {"năm", "tháng", "ngày", "tuần", "giờ", "phút", "quý"}
"""A unit that is a span of time is one word: "10 năm thực hiện" counts years."""
UNIT_STOPS = {
    "và", "với", "của", "trong", "tại", "ở", "từ", "để", "cho", "được", "đã", "đang", "sẽ", "là", "vì", "có",
    "thì", "mà", "nhưng", "hoặc", "hay", "theo", "về", "trên", "dưới", "so", "đến", "tới", "nhằm", "qua", "sau",
    "trước", "khi", "này", "đó", "ấy", "như", "bằng", "gồm", "chiếm", "đạt", "tham", "thực", "triển", "phục",
    "hoạt", "điển", "tiêu", "xuất", "nay", "cùng", "các", "những", "mỗi", "cả",
}
"""Words that end a unit phrase: function words and the first syllable of verbs that follow a count
("lượt người tham gia", "tài liệu phục vụ", "cá nhân điển hình")."""
MAX_UNIT_WORDS = 4

NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_NOT_MONEY = r"(?:chí|bào|thời|đội|hành|loạt|tình|ý|chủ|lòng|bằng|phục|hồ|nghiệp|tâm|minh|bộ|cảm)"
"""Words after "đồng" that make it "đồng chí", "đồng bào"…, not the currency."""
_SCALE = rf"(?:\s+(?:{'|'.join(SCALES)})(?!\s+lệ)\b)"  # "tỷ lệ" is a rate, not a billion
_WORD = re.compile(r"[^\W\d_]+|\d\S*|[^\w\s]")

_TIME = re.compile(r"(?<![\d:])\d{1,2}:\d{2}(?::\d{2})?(?![\d:])")
_DOC_CODE = re.compile(r"(?:\b[Ss]ố\s+)?\b\d+/[A-ZĐ][\w]*(?:-[\wĐ]+)*")
_NUMBERED = re.compile(r"(?<!tổng\s)\b(?:[Ss]ố|[Tt]hứ)\s+(\d+)\b(?![.,/]\d)")
_UNIT_CODE = re.compile(r"\b[A-ZĐ]{1,5}\d+[A-Z\d]*\b")
_VERSION = re.compile(r"(?<![\d.,])\d+\.\d(?!\d|[.,]\d)(?!\s*%)")
_DATE = re.compile(r"(?<![\d/.\-])(\d{1,2})([/.\-])(\d{1,2})\2(\d{4})(?![\d/\-]|\.\d)")
_ISO = re.compile(r"(?<![\d/.\-])((?:19|20)\d{2})-(\d{1,2})(?:-(\d{1,2}))?(?![\d/\-]|\.\d)")
_MONTH_YEAR = re.compile(r"\b[Tt]háng\s+(\d{1,2})(?:/|\s+năm\s+)((?:19|20)\d{2})\b")
_LONG_DATE = re.compile(r"\b[Nn]gày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+((?:19|20)\d{2}))?\b")
_SHORT_DATE = re.compile(r"\b(?:[Nn]gày|[Ss]áng|[Cc]hiều|[Tt]rưa|[Tt]ối|[Đđ]êm|[Hh]ôm|nay)\s+(?:nay\s+)?"
                         r"((\d{1,2})[/\-](\d{1,2}))(?![/\-.]?\d)")
_YEAR_RANGE = re.compile(r"(?<![\d/.])((?:19|20)\d{2})\s*[–—\-]\s*((?:19|20)\d{2})(?![\d/]|\.\d)")
_YEAR = re.compile(r"\b[Nn]ăm\s+((?:19|20)\d{2})\b")
_RATIO = re.compile(rf"(?<![\w/.,])(\d+)/(\d+)\s*=\s*({NUMBER})\s*%")
_BARE_RATIO = re.compile(r"(?<![\w/.,])(\d+)/(\d+)(?![\w/])")
_PERCENT = re.compile(rf"(?<![\w/.,])({NUMBER})\s*(?:%|phần\s+trăm\b)")
_MONEY = re.compile(rf"(?<![\w/.,])({NUMBER})((?:\s+(?:{'|'.join(SCALES)}))*)\s*(?:VNĐ|VND|đồng(?!\s+{_NOT_MONEY}\b))(?!\w)")
_QUANTITY = re.compile(rf"(?<![\w/.,])({NUMBER})({_SCALE}{{0,2}})(?![\w/])(?![.,]\d)")
_VAGUE = re.compile(rf"\b[Hh]àng\s+({'|'.join(VAGUE)})(?:\s+({'|'.join(VAGUE)}))?\b")
_SPELLED = re.compile(rf"\b({'|'.join(COUNTING_WORDS)}|{'|'.join(w.capitalize() for w in COUNTING_WORDS)})"
                      rf"\s+(?=(?:{'|'.join(COUNTED)})\b)")
_CLAUSE_BREAK = re.compile(r"[.;:!?\n]")
_COUNT_OF = re.compile(r"\b(?:tổng số|số lượng|số)\s+((?:[^\W\d_]+\s*){1,4})", re.IGNORECASE)


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
    """ "2.250" → 2250, "7,39" → 7.39, "1,2 triệu" → 1_200_000, "hai" → 2; None when not a number.

    "4.0" is None: one digit after a dot is never a thousands group (it is a version, an id).
    """
    s = " ".join(s.split())
    if s.lower() in SPELLED:
        return float(SPELLED[s.lower()])
    m = re.fullmatch(rf"({NUMBER})((?:\s+(?:{'|'.join(SCALES)}))*)", s)
    if not m:
        return None
    value = float(m.group(1).replace(".", "").replace(",", "."))
    for scale in m.group(2).split():
        value *= SCALES[scale]
    return value


def _date_value(year: int | None, month: int, day: int | None) -> float | None:
    if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
        return None
    return float((year or 0) * 10000 + month * 100 + (day or 0))


def _words_after(text: str, end: int) -> list[str]:
    """The words right after ``end`` on the same line, up to punctuation."""
    line_end = text.find("\n", end)
    words = []
    for m in _WORD.finditer(text, end, len(text) if line_end < 0 else line_end):
        if not m.group()[0].isalpha():
            break
        words.append(m.group())
        if len(words) == MAX_UNIT_WORDS:
            break
    return words


def _unit_after(text: str, end: int) -> str | None:
    """The noun phrase a number counts: "mô hình", "buổi tuyên truyền", "lượt người"."""
    unit: list[str] = []
    for i, word in enumerate(_words_after(text, end)):
        if word.lower() in UNIT_STOPS or (i and word[0].isupper()):
            break
        unit.append(word)
        if word.lower() in TIME_NOUNS and i == 0:
            break
    return " ".join(unit) or None


def _unit_before(text: str, start: int) -> str | None:
    """A unit written before its number in the same clause: "tổng số người tái phạm tội, … 458"."""
    clause_start = max((m.end() for m in _CLAUSE_BREAK.finditer(text, max(0, start - 120), start)), default=0)
    found = list(_COUNT_OF.finditer(text, clause_start, start))
    if not found:
        return None
    words = found[-1].group(1).split()
    unit: list[str] = []
    for word in words:
        if word.lower() in UNIT_STOPS - {"vì"}:
            break
        unit.append(word)
    return " ".join(unit) or None


def _qualifier_before(text: str, start: int) -> tuple[str | None, int]:
    """The qualifier word(s) just before a number, and where the quantity then starts."""
    head = text[max(0, start - 16):start]
    for q in sorted(QUALIFIERS, key=len, reverse=True):
        m = re.search(rf"(?<![^\W\d_]){q}\s+$", head, flags=re.IGNORECASE)
        if m:
            return head[m.start():m.start() + len(q)], start - (len(head) - m.start())
    return None, start


class _Claims:
    """Characters already given to a number; later passes only take free text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.taken = bytearray(len(text))
        self.found: list[Quantity] = []

    def free(self, a: int, b: int) -> bool:
        return not any(self.taken[a:b])

    def block(self, a: int, b: int) -> None:
        self.taken[a:b] = b"\x01" * (b - a)

    def take(self, a: int, b: int, value: float, kind: Kind, qualifier: str | None = None,
             unit: str | None = None) -> None:
        self.block(a, b)
        self.found.append(Quantity(a, b, self.text[a:b], value, kind, qualifier, unit))

    def each(self, pattern: re.Pattern[str], group: int | str = 0) -> list[re.Match[str]]:
        return [m for m in pattern.finditer(self.text) if self.free(m.start(group), m.end(group))]


def _ids(c: _Claims) -> None:
    for m in c.each(_TIME):
        c.take(m.start(), m.end(), 0.0, "id")  # a clock time belongs to a publication stamp
    for pattern in (_DOC_CODE, _UNIT_CODE):
        for m in c.each(pattern):
            digits = re.search(r"\d+", m.group())
            c.take(m.start(), m.end(), float(digits.group()) if digits else 0.0, "id")
    for m in c.each(_NUMBERED):
        c.take(m.start(), m.end(), float(m.group(1)), "id")
    for m in c.each(_VERSION):
        c.take(m.start(), m.end(), float(m.group()), "id")


def _dates(c: _Claims) -> None:
    passes: list[tuple[re.Pattern[str], int | str, Callable[[re.Match[str]], float | None]]] = [
        (_DATE, 0, lambda m: _date_value(int(m[4]), int(m[3]), int(m[1]))),
        (_LONG_DATE, 0, lambda m: _date_value(int(m[3]) if m[3] else None, int(m[2]), int(m[1]))),
        (_MONTH_YEAR, 0, lambda m: _date_value(int(m[2]), int(m[1]), None)),
        (_ISO, 0, lambda m: _date_value(int(m[1]), int(m[2]), int(m[3]) if m[3] else None)),
        (_SHORT_DATE, 1, lambda m: _date_value(None, int(m[3]), int(m[2]))),
    ]
    for pattern, group, value_of in passes:
        for m in c.each(pattern, group):
            if (value := value_of(m)) is not None:
                c.take(m.start(group), m.end(group), value, "date")
    for m in c.each(_YEAR_RANGE):
        if int(m[1]) <= int(m[2]):
            c.take(m.start(), m.end(), float(m[1]), "year_range")
    for m in c.each(_YEAR, 1):
        c.take(m.start(1), m.end(1), float(m[1]), "year")


def _rates(c: _Claims) -> None:
    for m in c.each(_RATIO):
        stated = parse_vietnamese_number(m[3]) or 0.0
        a, b = int(m[1]), int(m[2])
        if b and abs(100 * a / b - stated) <= 0.05 * max(stated, 1.0):
            c.take(m.start(), m.end(), stated, "ratio")
    for m in c.each(_BARE_RATIO):
        if int(m[2]):
            c.take(m.start(), m.end(), 100 * int(m[1]) / int(m[2]), "ratio")
    for m in c.each(_PERCENT):
        qualifier, start = _qualifier_before(c.text, m.start())
        c.take(start, m.end(), parse_vietnamese_number(m[1]) or 0.0, "percent", qualifier)


def _quantities(c: _Claims) -> None:
    for m in c.each(_MONEY):
        qualifier, start = _qualifier_before(c.text, m.start())
        c.take(start, m.end(), parse_vietnamese_number(m[1] + m[2]) or 0.0, "money", qualifier, "đồng")
    for m in c.each(_VAGUE):
        value = VAGUE[m[1].lower()] * (VAGUE[m[2].lower()] if m[2] else 1.0)
        c.take(m.start(), m.end(), value, "vague", None, _unit_after(c.text, m.end()))
    for m in c.each(_QUANTITY):
        value = parse_vietnamese_number(m[1] + m[2])
        if value is None:
            continue
        unit = _unit_after(c.text, m.end())
        if re.fullmatch(r"(?:19|20)\d{2}", m[0]) and unit is None:
            c.take(m.start(), m.end(), value, "year")  # "(2013)", "đến 2023"
            continue
        qualifier, start = _qualifier_before(c.text, m.start())
        c.take(start, m.end(), value, "count", qualifier, unit or _unit_before(c.text, m.start()))
    for m in c.each(_SPELLED, 1):
        c.take(m.start(1), m.end(1), float(SPELLED[m[1].lower()]), "count", None, _unit_after(c.text, m.end(1)))


def find_numbers(text: str) -> list[Quantity]:
    """Every number in ``text``, classified, in order of position.

    Numbers inside a quoted model name (“Trong nhà 3 có, ngoài ngõ 3 không”) are names, not
    quantities; ids, dates and years inside quotes are still found.
    """
    claims = _Claims(text)
    _ids(claims)
    _dates(claims)
    for quote in quotes(text):
        claims.block(quote.start, quote.end)
    _rates(claims)
    _quantities(claims)
    return sorted(claims.found, key=lambda q: q.start)
