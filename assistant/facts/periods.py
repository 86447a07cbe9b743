"""Periods as reports write them, and which one governs a figure.

"năm 2022", "6 tháng đầu năm 2024", "giai đoạn 2019–2024", "tính đến 30/11/2023", "từ năm 2013
đến nay". A year after "so với" is what the figure is compared with, never its own period.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.facts.types import Period

_YEAR = r"((?:19|20)\d{2})"
PERIODS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("as_of", re.compile(rf"\b(?:tính đến|tính tới|đến hết|đến)\s+(?:ngày\s+)?(\d{{1,2}}/\d{{1,2}}/{_YEAR}|"
                         rf"(?:tháng\s+)?\d{{1,2}}/{_YEAR}|cuối năm {_YEAR}|năm {_YEAR})", re.IGNORECASE)),
    ("since", re.compile(rf"\btừ (?:năm\s+)?{_YEAR}\s+(?:đến nay|tới nay)\b", re.IGNORECASE)),
    ("range", re.compile(rf"\b(?:giai đoạn|từ năm|từ)\s+{_YEAR}\s*(?:[–—\-]|đến(?: năm)?)\s*{_YEAR}", re.IGNORECASE)),
    ("part", re.compile(rf"\b(?:(?:6|9|sáu|chín)\s+tháng(?:\s+đầu|\s+cuối)?\s+năm\s+{_YEAR}|"
                        rf"quý\s+(?:I|II|III|IV|1|2|3|4)(?:/|\s+năm\s+){_YEAR})", re.IGNORECASE)),
    ("range", re.compile(rf"(?<![\d/.]){_YEAR}\s*[–—\-]\s*{_YEAR}(?![\d/])")),
    ("since", re.compile(rf"\btừ năm\s+{_YEAR}\b", re.IGNORECASE)),
    ("year", re.compile(rf"\b(?:năm|trong năm|năm qua,?)\s+{_YEAR}\b", re.IGNORECASE)),
)
"""Ways a report states a period, most specific first: a part of a year outranks its year."""
NOW = re.compile(r"(?<!thực )(?<!thể )(?<!phát )(?<!xuất )(?<!biểu )(?<!Thực )\b(?:hiện nay|hiện tại|hiện)\b"
                 r"(?!\s+(?:đại|thực|vật|diện|hành|trạng))", re.IGNORECASE)
""""Hiện toàn tỉnh có …": a figure as of the report's own date. Not the "hiện" of "thực hiện"
(implement), "phát hiện" (detect) and the like, nor "hiện đại" (modern)."""
COMPARED = re.compile(r"(?:so với|so cùng kỳ|bằng|như)\s+(?:cùng kỳ\s+)?(?:năm\s+)?$", re.IGNORECASE)
"""Words before a year that make it the year compared with ("tăng 12% so với năm 2022")."""
COMPARED_WINDOW = 24
"""Characters before a period searched for ``COMPARED``: "so với cùng kỳ năm " is 19."""


def find_periods(text: str, start: int = 0, end: int | None = None, report_year: int | None = None,
                 ) -> list[Period]:
    """Periods stated in ``text[start:end]``, one per place (the most specific pattern wins).

    Years compared with are left out; "từ năm X" (to now) ends at ``report_year`` where known.
    """
    end = len(text) if end is None else end
    taken: list[tuple[int, int]] = []
    out: list[Period] = []
    for kind, pattern in PERIODS:
        for m in pattern.finditer(text, start, end):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            years = [int(y) for y in m.groups() if y and re.fullmatch(r"(?:19|20)\d{2}", y)]
            if not years or COMPARED.search(text[max(start, m.start() - COMPARED_WINDOW):m.start()]):
                continue
            first, last = min(years), max(years)
            if kind == "since":
                last = max(first, report_year or first)
            out.append(Period(m.group().strip(), kind, first, last, m.start()))
    if report_year:
        for m in NOW.finditer(text, start, end):
            if not any(a <= m.start() < b for a, b in taken):
                out.append(Period(m.group(), "as_of", report_year, report_year, m.start()))
    return sorted(out, key=lambda p: p.start)


def period_near(periods: Sequence[Period], at: int) -> Period | None:
    """The period that governs a number at ``at``: the last one before it, else the first after."""
    before = [p for p in periods if p.start <= at]
    return before[-1] if before else (periods[0] if periods else None)
