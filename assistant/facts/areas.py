"""Whose figure: the district or commune of a sentence, a table row, a list item or a heading.

A figure belongs to the area the report covers (its province, or the district whose police wrote
it) unless its row, its clause or its section names another one. Table rows come from the readers
as "Huyện Đức Trọng: số mô hình năm 2023 là 45, …": the row's name, then "column header là value".
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.facts.types import Period
from assistant.numbers import UNIT_STOPS

_UPPER = "A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴẤẦẨẪẬẮẰẲẴẶẾỀỂỄỆỐỒỔỖỘỚỜỞỠỢỨỪỬỮỰ"
PLACE_WORD = r"(?:[Hh]uyện|[Tt]hị xã|[Tt]hành phố|TP\.|[Qq]uận|[Xx]ã|[Pp]hường|[Tt]hị trấn)"
_STOP = "|".join(sorted(UNIT_STOPS, key=len, reverse=True))
_NAME_NUMBER = rf"\d\b(?![.,/]\d|\s*%)(?!\s+(?!(?:{_STOP})\b)[^\W\d_{_UPPER}])"
"""A number that ends a place's name: one digit, not followed by what a figure counts ("xã Đại Ân 2",
"xã Đại Ân 2 có …"). "huyện Lâm Hà 45" and "huyện Di Linh 2 mô hình" are figures listed after
their place, which the name must not swallow."""
_NAME = rf"[{_UPPER}][^\W\d_]*(?:[ \-](?:[{_UPPER}][^\W_]*|{_NAME_NUMBER})){{0,3}}"
DISTRICT = re.compile(rf"\b({PLACE_WORD})\s+({_NAME})")
"""A district, town or commune named with its place word ("huyện Đức Trọng", "xã Đại Ân 2")."""
ROW = re.compile(r"\s*(?:[-–•+*]\s*)?(?:\d+[.)]\s*)?(?P<label>[^:\n]{2,80}?)\s*:\s+(?=\S)")
"""A rendered table row or a list item: its name, then a colon ("Xã Tân Lập: …", "- Huyện A: …")."""
TOTAL_LABEL = re.compile(r"^(?:tổng cộng|tổng số|tổng|toàn tỉnh|toàn huyện|cộng|cả tỉnh)$", re.IGNORECASE)
OTHER_PLACE = re.compile(r"(?:^|[\s(])(?:tại|ở|của|trên địa bàn|thuộc)\s+$", re.IGNORECASE)
"""Words that attach a place named after a figure to it ("12 buổi tại xã X")."""
CLAUSE_BREAK = re.compile(r"[,;:()]")
OWN_DISTRICT = re.compile(r"\bCÔNG AN\s+(HUYỆN|THỊ XÃ|THÀNH PHỐ|QUẬN)\s+(.+)$", re.IGNORECASE)
"""A district police's issuer line ("CÔNG AN HUYỆN SƠN DƯƠNG"): the report's own area is that district."""


def district_name(place_word: str, name: str) -> str:
    """ "huyện" + "Đức Trọng" → "Huyện Đức Trọng" (capitalised as a row label would be)."""
    word = "Thành phố" if place_word == "TP." else place_word[0].upper() + place_word[1:].lower()
    return f"{word} {name}"


LISTED = re.compile(rf"[^;:.()\n]*?(?:,|\s+và)\s+(?!{PLACE_WORD}\s)({_NAME})"
                    rf"(?=\s*(?:(?:có|là)\s+)?(?:\d|,|và\b|$))")
"""The next name of a list headed by a place word ("các huyện A 37 mô hình, B 45 mô hình", "huyện A
có 37, B có 45"): after a comma or "và" in the same clause, followed by its figure or by the next
name; a capitalised word followed by other words ("Công an tỉnh", "Ủy ban …") ends the list."""


def districts_in(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, name) of each district or commune named in ``text[start:end]``, with the names
    listed after one under its place word ("các huyện A, B")."""
    out = []
    for m in DISTRICT.finditer(text, start, end):
        out += [(m.start(), m.end(), district_name(m[1], m[2])), *_listed(text, m[1], m.end(), end)]
    return sorted(out)


def _listed(text: str, place_word: str, at: int, end: int) -> list[tuple[int, int, str]]:
    """The names listed after a place word's first name, up to the clause's end or the next place word."""
    out = []
    while (m := LISTED.match(text, at, end)) and not DISTRICT.search(text, at, m.start(1)):
        out.append((m.start(1), m.end(1), district_name(place_word, m[1])))
        at = m.end(1)
    return out


def district_of(text: str, a: int, at: int, b: int, mentions: list[tuple[int, int, str]]) -> str | None:
    """The district a figure at ``at`` in sentence ``[a, b)`` belongs to, from the sentence.

    One attached after it in its own clause by "tại", "ở", "của" ("… và 45 mô hình ở huyện B"), else
    the last one named before it ("Tại huyện A, đã tổ chức 12 buổi"), unless two are named together
    ("huyện A và huyện B").
    """
    for start, _, name in mentions:
        if start > at and not CLAUSE_BREAK.search(text, at, start) and OTHER_PLACE.search(text[at:start]):
            return name
    before = [m for m in mentions if m[1] <= at]
    if before:
        last = before[-1]
        joined = [m for m in before[:-1] if re.fullmatch(r"\s*(?:và|,|cùng)\s*", text[m[1]:last[0]])]
        return None if joined else last[2]
    return None


def own_district(issuer: str | None) -> str | None:
    """The district a district police report is about, from its issuer line."""
    m = OWN_DISTRICT.search(issuer or "")
    if not m:
        return None
    return district_name(m[1].capitalize(), " ".join(w.capitalize() for w in m[2].split()))


@dataclass(frozen=True)
class RowCell:
    """One "header là value" of a rendered row: the header (the value's unit and period) and its span."""

    header: str
    start: int
    end: int


def row_cells(text: str, a: int, b: int) -> list[RowCell]:
    """The cells of a row after its name (``[a, b)``): "số mô hình năm 2022 là 37, tin báo, tố giác là 5".

    A header may hold commas ("tin báo, tố giác tội phạm"); a value never holds ", " nor " là ", so
    each value ends at the first ", " after its " là ".
    """
    parts = re.split(r"\s+là\s+", text[a:b])
    cells, cursor = [], a
    header = parts[0]
    for part in parts[1:]:
        value_end = part.find(", ")
        value = part if value_end < 0 else part[:value_end]
        start = text.index(value, cursor + len(header)) if value else cursor
        cells.append(RowCell(header.strip(" ,"), start, start + len(value.rstrip(". "))))
        cursor = start + len(value)
        header = part[value_end + 2:] if value_end >= 0 else ""
    return cells


@dataclass
class Section:
    """What a line inherits from the heading above it: a district and a period."""

    district: str | None = None
    period: Period | None = None


HEADING_CHARS = 160
"""Longest line read as a heading ("## Kết quả … năm 2022, …" titles run to 150 characters)."""
TOP_NUMBERING = re.compile(r"^\s*(?:#+\s*)?(?:[IVX]+|\d{1,2})[.)]\s")
SUB_NUMBERING = re.compile(r"^\s*(?:#+\s*)?(?:[a-zđ]|\d{1,2}\.\d{1,2})[.)]\s")


def is_heading(line: str) -> bool:
    """A short line without a sentence's end: a title, a numbered heading, or a table's intro ("…năm 2023:")."""
    stripped = line.strip()
    return 0 < len(stripped) <= HEADING_CHARS and stripped[-1] not in ".;," and \
        not (stripped[-1] != ":" and ROW.match(stripped) and " là " in stripped)


def next_section(current: Section, line: str, districts: list[tuple[int, int, str]],
                 periods: list[Period]) -> Section:
    """The section after heading ``line``: a top-level heading resets the district, a sub-heading keeps it."""
    district = districts[0][2] if districts else None
    period = periods[0] if periods else None
    if district or TOP_NUMBERING.match(line) or line.lstrip().startswith("#"):
        return Section(district, period or current.period)
    if period or SUB_NUMBERING.match(line):
        return Section(current.district, period or current.period)
    return current
