"""Figures of a sentence or table row, with their unit, bound, action and scope.

numbers.py finds and classifies the numbers (shared with the answer layer); this module adds what
only a stored fact needs: ranges ("10–15"), figures glued to their unit ("2.250mô hình"), round
figures in words ("ba trăm"), units of percentages, and the scope of each figure.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.facts.areas import ROW, TOTAL_LABEL, Section, district_of, districts_in, row_cells
from assistant.facts.periods import find_periods, period_near
from assistant.facts.types import Bound, Fact, Period, Scope
from assistant.numbers import MAX_UNIT_WORDS, UNIT_STOPS, Quantity, find_numbers, parse_vietnamese_number

BOUNDS: dict[str, Bound] = {"hơn": "lower", "trên": "lower", "ít nhất": "lower", "tối thiểu": "lower",
                            "gần": "upper", "dưới": "upper", "tối đa": "upper", "chưa đến": "upper",
                            "khoảng": "approx", "xấp xỉ": "approx", "chừng": "approx", "gần như": "approx"}
"""What a qualifier before a number says about the value: "hơn 1.000" is at least 1.000."""
AT_LEAST_AFTER = re.compile(r"^[^,;.]{0,40}?\btrở lên\b")
""""từ 93% … trở lên": a lower bound written around the number."""
QUANTITY_KINDS = frozenset({"count", "percent", "ratio", "money", "vague"})
"""numbers.py kinds kept as figures (dates, years and ids are scope or references, not figures)."""
DURATION_WORDS = frozenset({"năm", "tháng", "ngày", "tuần", "giờ", "phút", "quý", "kỳ"})
DURATION_FOLLOWERS = frozenset({"qua", "trước", "tới", "liền", "liên", "gần", "đầu", "cuối", "sau", "thực"})
"""A count of time ("10 năm qua", "6 tháng đầu") is how long, not a figure; "12.000 ngày công" is one."""
ACTION_WORDS = 6
"""Words before a number kept as what was done ("tặng bằng khen cho", "duy trì"): the verb phrase
of a report sentence sits within a few words of its figure; further back lies the subject."""
NAMED_NUMBER = re.compile(r"(?:Ban Chỉ đạo|Đề án|Chỉ thị|Nghị quyết|Quyết định|Chương trình|Kế hoạch|Dự án|"
                          r"Công điện|Tổ công tác|Đội|Tổ)\s+(?:số\s+)?$")
"""Names that end in a number ("Ban Chỉ đạo 138", "Đề án 06"): the number is part of the name."""
RANGE = re.compile(r"(?<![\w/.,])(\d+)\s*[–—\-]\s*(\d+)\s+((?:[^\W\d_]+\s*){1,3})")
GLUED = re.compile(r"(?<![\w/.,])(\d{1,3}(?:\.\d{3})+|\d+)(?=[^\W\d_]{2,})")
"""A figure written against its unit ("2.250mô hình"), which numbers.py leaves alone."""
SPELLED_DIGITS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9}
SPELLED_SCALES = {"mươi": 10, "trăm": 100, "nghìn": 1000, "ngàn": 1000}
SPELLED = re.compile(rf"(?<![^\W\d_])({'|'.join(SPELLED_DIGITS)})\s+({'|'.join(SPELLED_SCALES)})(?![^\W\d_])",
                     re.IGNORECASE)
"""Round figures in words ("ba trăm tổ liên gia"); single number words are numbers.py's."""
PLACE_THEN_FIGURE = re.compile(r"\s*[:(]?\s*")
"""What may lie between a place's name and the figure listed after it: "huyện A 37", "huyện A: 37", "(37"."""
NUMBERING = re.compile(r"\s*(?:#+\s*)?(?:[IVX]+|\d{1,2}|[a-zđ])[.)]")
"""A line's own numbering ("2. Huyện Lâm Hà", "b) Kết quả"): not a figure."""


@dataclass(frozen=True)
class ReportArea:
    """What a figure of this report is about unless its sentence, row or section says otherwise."""

    province: str | None
    district: str | None
    period: Period | None
    year: int | None


@dataclass(frozen=True)
class _Number:
    quantity: Quantity
    high: float | None = None


def quantity_facts(text: str, a: int, b: int, section: Section, area: ReportArea) -> list[Fact]:
    """The figures of the sentence or row ``text[a:b]``, each with the scope read from around it."""
    row = ROW.match(text, a, b)
    cells = row_cells(text, row.end(), b) if row and " là " in text[row.end():b] else []
    label = row["label"].strip() if cells else None
    label_district = districts_in(label, 0, len(label)) if label else []
    periods = find_periods(text, a, b, area.year)
    mentions = districts_in(text, a, b)
    out = []
    for number in _numbers(text, a, b, mentions):
        q = number.quantity
        start, end = a + q.start, a + q.end
        if cells and start < row.end():
            continue  # the row's name ("Xã 135") is not a figure
        unit, period, source = q.unit, period_near(periods, start), "sentence"
        cell = next((c for c in cells if c.start <= start < c.end), None)
        if cell:
            header_periods = find_periods(cell.header, report_year=area.year)
            unit = _unit_of_header(cell.header) or (label if label and not label_district
                                                    and not TOTAL_LABEL.match(label) else unit)
            if header_periods:
                period, source = header_periods[0], "row"
        if q.kind in ("percent", "ratio") and not unit:
            unit = unit_after(text[a:b], q.end)
        if not unit and q.kind == "count" and _listed_after_place(text, start, mentions):
            unit = next((f.unit for f in reversed(out) if f.unit and f.subkind == "count"), None)
        if period is None and section.period:
            period, source = section.period, "heading"
        if period is None and area.period:
            period, source = area.period, "report"
        district, scope = _scope(text, a, b, start, label, label_district, mentions, section, area)
        out.append(Fact(
            kind="quantity", subkind="range" if number.high is not None else q.kind,
            text=text[start:end], start=start, end=end, passage_start=a, passage_end=b, value=q.value,
            value_high=number.high, bound=_bound(q, text, end), unit=unit, action=_action(text, a, start, end, b),
            province=area.province, district=district, period=period.text if period else None,
            period_kind=period.kind if period else None, year_from=period.year_from if period else None,
            year_to=period.year_to if period else None, period_source=source if period else None, scope=scope))
    return out


def _listed_after_place(text: str, at: int, mentions: list[tuple[int, int, str]]) -> bool:
    """A bare figure right after a place's name: one row of a listing ("102 mô hình, trong đó: huyện A
    37, huyện B 45"), which counts what the sentence's last counted figure counts."""
    return any(PLACE_THEN_FIGURE.fullmatch(text, end, at) for _, end, _ in mentions if end <= at)


def _scope(text: str, a: int, b: int, at: int, label: str | None, label_district: list, mentions: list,
           section: Section, area: ReportArea) -> tuple[str | None, Scope]:
    """The figure's district and whether it is the report's total or one part of it."""
    if label and TOTAL_LABEL.match(label):
        return area.district, "total"
    if label_district:
        return label_district[0][2], "breakdown"
    district = district_of(text, a, at, b, mentions) or section.district
    if district and district != area.district:
        return district, "breakdown"
    return area.district, "total"


def _numbers(text: str, a: int, b: int, mentions: list[tuple[int, int, str]]) -> list[_Number]:
    """The sentence's figures: numbers.py's, ranges, glued and spelled ones, without names and numbering."""
    sentence = text[a:b]
    found = [_Number(q) for q in find_numbers(sentence) if q.kind in QUANTITY_KINDS]
    found += [_Number(q) for q in _glued(sentence) + _spelled(sentence)]
    ranges = _ranges(sentence)
    found = [n for n in found if not any(r.quantity.start <= n.quantity.start < r.quantity.end for r in ranges)]
    kept = []
    for n in sorted(found + ranges, key=lambda n: n.quantity.start):
        q = n.quantity
        if NUMBERING.fullmatch(sentence, 0, q.end + 1) or NAMED_NUMBER.search(sentence[:q.start]):
            continue
        if any(s - a <= q.start < e - a for s, e, _ in mentions):
            continue  # "xã Đại Ân 2": part of a place's name
        if _is_duration(q):
            continue
        kept.append(n)
    return kept


def _is_duration(q: Quantity) -> bool:
    words = (q.unit or "").lower().split()
    return bool(words) and words[0] in DURATION_WORDS and (len(words) == 1 or words[1] in DURATION_FOLLOWERS)


def _bound(q: Quantity, text: str, end: int) -> Bound:
    if q.kind == "vague":
        return "approx"  # "hàng ngàn"
    if re.search(r"\btừ\s+$", text[max(0, q.start - 8):q.start]) or AT_LEAST_AFTER.match(text, end):
        return "lower"
    return BOUNDS.get((q.qualifier or "").lower(), "exact")


PASSIVE = re.compile(r"\bđược\b((?:\s+[^\W\d_]+){1,%d})" % ACTION_WORDS)
"""What was done to the counted, written after it: "11 tập thể … được Uỷ ban MTTQ tỉnh tặng Bằng khen"."""
PASSIVE_REACH = 120
"""Characters after a figure searched for its passive verb: the rest of a list of figures it heads."""


def _action(text: str, passage_start: int, number_start: int, number_end: int, passage_end: int) -> str | None:
    """What was done: the words just before the figure in its clause ("duy trì", "tặng bằng khen cho"),
    and a passive "được …" after it in the sentence."""
    clause = re.split(r"[,;:()]", text[passage_start:number_start])[-1]
    words = re.findall(r"[^\W\d_]+", clause)[-ACTION_WORDS:]
    passive = PASSIVE.search(text, number_end, min(passage_end, number_end + PASSIVE_REACH))
    if passive:
        words += ["được", *passive[1].split()]
    return " ".join(words) or None


def _ranges(sentence: str) -> list[_Number]:
    """ "10–15 buổi": a count from its low end, with its high end (numbers.py reads each end alone)."""
    out = []
    for m in RANGE.finditer(sentence):
        low, high = int(m[1]), int(m[2])
        if low < high and not (1900 <= low <= 2100):
            unit = " ".join(m[3].split()[:3])
            out.append(_Number(Quantity(m.start(), m.end(2), sentence[m.start():m.end(2)], float(low), "count",
                                        None, unit), float(high)))
    return out


def _glued(sentence: str) -> list[Quantity]:
    out = []
    for m in GLUED.finditer(sentence):
        value = parse_vietnamese_number(m[1])
        if value is not None:
            out.append(Quantity(m.start(), m.end(), m[1], value, "count", None, unit_after(sentence, m.end())))
    return out


def _spelled(sentence: str) -> list[Quantity]:
    out = []
    for m in SPELLED.finditer(sentence):
        value = float(SPELLED_DIGITS[m[1].lower()] * SPELLED_SCALES[m[2].lower()])
        out.append(Quantity(m.start(), m.end(), m.group(), value, "count", None, unit_after(sentence, m.end())))
    return out


def unit_after(sentence: str, end: int) -> str | None:
    """The words after a figure up to punctuation or a stop word ("100% tổ bảo vệ an ninh")."""
    words = []
    for word in re.findall(r"[^\W\d_]+", re.split(r"[,;.:()]", sentence[end:])[0])[:MAX_UNIT_WORDS]:
        if word.lower() in UNIT_STOPS:
            break
        words.append(word)
    return " ".join(words) or None


def _unit_of_header(header: str) -> str | None:
    """A column header without "số" and its period: "số tổ tự quản năm 2023" → "tổ tự quản"."""
    unit = re.sub(r"^(?:tổng\s+)?(?:số\s+(?:lượng\s+)?)?", "", header.strip(), flags=re.IGNORECASE)
    unit = re.sub(r"\s*\(?(?:năm|trong năm|6 tháng|9 tháng|quý)?\s*(?:19|20)\d{2}.*$|\s*\([^)]*\)\s*$", "", unit,
                  flags=re.IGNORECASE)
    return unit.strip() or None

