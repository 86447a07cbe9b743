"""A report's facts: each line read once, with the section it sits in and the report's own area."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from assistant.facts.areas import Section, districts_in, is_heading, next_section, own_district
from assistant.facts.named import date_facts, document_facts, header_facts, lines, model_facts, people_facts
from assistant.facts.periods import find_periods
from assistant.facts.quantities import ReportArea, quantity_facts
from assistant.facts.types import Fact
from assistant.text import sentences

REPORT_PERIOD_LINES = 4
"""Lines at the top of the content searched for the report's own period when its title has none
(a report's title or first heading says "năm 2023", "giai đoạn 2019–2024")."""


def report_area(text: str, spans: Sequence[tuple[int, int]], meta: dict[str, Any]) -> ReportArea:
    """The province, district and period a report covers, from its metadata, title and first lines."""
    year = int(meta["date"][:4]) if str(meta.get("date") or "")[:4].isdigit() else None
    title = str(meta.get("title") or "")
    periods = find_periods(title, report_year=year)
    if not periods:
        for a, b in list(lines(text, spans))[:REPORT_PERIOD_LINES]:
            if periods := find_periods(text, a, b, year):
                break
    return ReportArea(meta.get("province"), own_district(meta.get("issuer")), periods[0] if periods else None, year)


def extract_facts(text: str, spans: Sequence[tuple[int, int]], meta: dict[str, Any]) -> list[Fact]:
    """Every fact of a report: ``spans`` are its content (what its chunks cover); ``meta`` its metadata."""
    area = report_area(text, spans, meta)
    section = Section()
    out = header_facts(text, meta)
    own = meta.get("doc_number")
    for la, lb in lines(text, spans):
        line = text[la:lb]
        if is_heading(line):
            section = next_section(section, line, districts_in(text, la, lb), find_periods(text, la, lb, area.year))
        paragraph = section  # a period stated early in a paragraph ("Trong năm 2021, …") holds for the rest
        for a, b in sentences(text, la, lb):
            out += quantity_facts(text, a, b, paragraph, area)
            if stated := find_periods(text, a, b, area.year):
                paragraph = Section(paragraph.district, stated[-1])
            out += people_facts(text, a, b, area.province)
            out += model_facts(text, a, b, area.province, section.district)
            out += document_facts(text, a, b, own)
            out += date_facts(text, a, b)
    return _unique(out)


def _unique(facts: list[Fact]) -> list[Fact]:
    """One fact per (kind, span): a header line also read as content is kept once."""
    seen: dict[tuple[str, int, int], Fact] = {}
    for f in facts:
        seen.setdefault((f.kind, f.start, f.end), f)
    return sorted(seen.values(), key=lambda f: (f.start, f.kind))
