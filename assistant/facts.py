"""Typed facts of one report, each with its scope and the exact span that states it.

A figure that matters has a scope: whose it is (the province, a district, a commune), for which
period ("năm 2022", "6 tháng đầu năm 2024", "giai đoạn 2019–2024", "tính đến 30/11/2023"),
whether it is a total or one row of a table, and whether it is exact or a bound ("hơn 1.000").
Reading the scope once, at ingest, from the sentence, the table row, the list item and the
section heading, is what lets a question about one district or one year get that figure and
not a neighbour's, and lets figures of several reports be compared only when comparable.

Kinds: ``quantity`` (count, percent, ratio, money, range, vague), ``person`` (name, title, role
at the event), ``date`` (event or document), ``model`` (a quoted model name and where it runs),
``document`` (the report's own number, the plans it cites, the signer).
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from typing import Any, Literal

from assistant.numbers import MAX_UNIT_WORDS, UNIT_STOPS, Quantity, find_numbers, parse_vietnamese_number
from assistant.people import SURNAMES, person_spans
from assistant.text import sentences

Kind = Literal["quantity", "person", "date", "model", "document"]
Bound = Literal["exact", "lower", "upper", "approx"]
Scope = Literal["total", "breakdown", "unknown"]

BOUNDS: dict[str, Bound] = {"hơn": "lower", "trên": "lower", "ít nhất": "lower", "tối thiểu": "lower",
                            "gần": "upper", "dưới": "upper", "tối đa": "upper", "chưa đến": "upper",
                            "khoảng": "approx", "xấp xỉ": "approx", "chừng": "approx", "gần như": "approx"}
"""What a qualifier before a number says about the value: "hơn 1.000" is at least 1.000."""
QUANTITY_KINDS = {"count": "count", "percent": "percent", "ratio": "ratio", "money": "money", "vague": "vague"}
"""numbers.py kinds kept as quantities (dates, years and ids are scope or references, not figures)."""
DURATION_WORDS = frozenset({"năm", "tháng", "ngày", "tuần", "giờ", "phút", "quý", "kỳ", "nhiệm"})
"""A count of these is a duration or a period ("10 năm qua", "6 tháng"), never a figure to compare."""
ACTION_WORDS = 6
"""Words before a number kept as what was done ("tặng bằng khen cho", "duy trì"): the verb phrase
of a report sentence sits within a few words of its figure; further back lies the subject."""
HEADING_CHARS = 90
"""Longest line read as a section heading ("2. Huyện Đức Trọng", "II. KẾT QUẢ NĂM 2023")."""

_PLACE = (r"(?:[Hh]uyện|[Tt]hị xã|[Tt]hành phố|TP\.|[Qq]uận|[Xx]ã|[Pp]hường|[Tt]hị trấn)")
_NAME = r"[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ][^\W\d_]*(?:[ \-][A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ0-9][^\W_]*){0,3}"
DISTRICT = re.compile(rf"\b({_PLACE})\s+({_NAME})")
"""A district, town or commune named with its place word ("huyện Đức Trọng", "xã Tân Lập")."""
ROW_LABEL = re.compile(rf"\s*(?:[-–•+*]\s*)?(?:\d+[.)]\s*)?(?P<label>(?:{_PLACE}\s+{_NAME})|Tổng cộng|Tổng số|Tổng|"
                       rf"Toàn tỉnh|Cộng)\s*:", re.UNICODE)
"""A table row rendered by the readers, or a list item: "Xã Tân Lập: số tổ tự quản là 37."."""
TOTAL_LABEL = re.compile(r"^(?:tổng cộng|tổng số|tổng|toàn tỉnh|cộng)$", re.IGNORECASE)
TOTAL_WORDS = re.compile(r"\b(?:toàn tỉnh|trên địa bàn tỉnh|toàn lực lượng|tổng cộng|tổng số|cả tỉnh)\b",
                         re.IGNORECASE)
ROW_VALUE = re.compile(r"(?:^|,\s*)(?P<header>[^,:]{2,80}?)\s+là\s+(?P<value>[^,]+?)(?=,|\.?$)")
"""One "header là value" pair of a rendered table row: the header is the value's unit."""

_YEAR = r"((?:19|20)\d{2})"
PERIODS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("as_of", re.compile(rf"\b(?:tính đến|tính tới|đến hết|đến)\s+(?:ngày\s+)?(\d{{1,2}}/\d{{1,2}}/{_YEAR}|"
                         rf"(?:tháng\s+)?\d{{1,2}}/{_YEAR}|cuối năm {_YEAR}|năm {_YEAR})", re.IGNORECASE)),
    ("range", re.compile(rf"\b(?:giai đoạn|từ năm|từ)\s+{_YEAR}\s*(?:[–—\-]|đến(?: năm)?)\s*{_YEAR}", re.IGNORECASE)),
    ("since", re.compile(rf"\btừ năm\s+{_YEAR}\s+đến nay\b", re.IGNORECASE)),
    ("part", re.compile(rf"\b(?:(?:6|9|sáu|chín)\s+tháng(?:\s+đầu|\s+cuối)?\s+năm\s+{_YEAR}|"
                        rf"quý\s+(?:I|II|III|IV|1|2|3|4)(?:/|\s+năm\s+){_YEAR})", re.IGNORECASE)),
    ("range", re.compile(rf"(?<![\d/.]){_YEAR}\s*[–—\-]\s*{_YEAR}(?![\d/])")),
    ("year", re.compile(rf"\b(?:năm|trong năm|năm qua,?)\s+{_YEAR}\b", re.IGNORECASE)),
)
"""Ways a report states a period, most specific first: a part of a year outranks its year."""

EVENT_ROLES = {"chủ trì": "chaired", "phát biểu": "spoke", "chỉ đạo": "spoke", "ký": "signed",
               "tham dự": "attended", "dự": "attended", "trao": "awarded", "báo cáo": "reported"}
"""A person's part in the event, from the verb of their sentence (Vietnamese first, longest first)."""
SPEECH_VERBS = "chủ trì|phát biểu|cho biết|nhấn mạnh|yêu cầu|đề nghị|khẳng định|ghi nhận|biểu dương|trao|ký"
"""Verbs that end a title written after a name ("…, Giám đốc Công an tỉnh yêu cầu …")."""
DOC_TYPES = ("Chương trình phối hợp", "Kế hoạch liên tịch", "Kế hoạch", "Chỉ thị", "Nghị quyết", "Quyết định",
             "Công văn", "Thông tư", "Nghị định", "Hướng dẫn", "Chương trình", "Đề án", "Báo cáo")
DOC_CODE = re.compile(r"(?:\b[Ss]ố[:\s]+)?\b(\d+/(?:\d{4}/)?[A-ZĐ][\wĐ]*(?:-[\wĐ]+)*)")
QUOTED = re.compile(r"“([^”\n]{3,160})”|\"([^\"\n]{3,160})\"")
SIGNATURE_OFFICES = re.compile(r"^(?:KT\.|TM\.|TL\.|Q\.)?\s*(?:PHÓ\s+)?(?:GIÁM ĐỐC|CHỦ TỊCH|TRƯỞNG BAN|TRƯỞNG "
                               r"CÔNG AN|BÍ THƯ|CHÁNH VĂN PHÒNG|TRƯỞNG PHÒNG)\b.*$")
SIGNATURE_LINES = 14
"""Lines at a report's end searched for its signature block (office lines, then the name)."""


@dataclass(frozen=True)
class Fact:
    """One typed fact; ``[start, end)`` is the exact text stated, ``[passage_start, passage_end)`` its sentence."""

    kind: Kind
    subkind: str
    text: str
    start: int
    end: int
    passage_start: int
    passage_end: int
    value: float | None = None
    value_high: float | None = None
    bound: Bound = "exact"
    unit: str | None = None
    action: str | None = None
    actor: str | None = None
    province: str | None = None
    district: str | None = None
    period: str | None = None
    period_kind: str | None = None
    year_from: int | None = None
    year_to: int | None = None
    period_source: str | None = None
    scope: Scope = "unknown"
    name: str | None = None
    title: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Period:
    text: str
    kind: str
    year_from: int
    year_to: int
    start: int


def find_periods(text: str, start: int = 0, end: int | None = None) -> list[Period]:
    """Periods stated in ``text[start:end]``, one per place (the most specific pattern wins)."""
    end = len(text) if end is None else end
    taken: list[tuple[int, int]] = []
    out: list[Period] = []
    for kind, pattern in PERIODS:
        for m in pattern.finditer(text, start, end):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            years = [int(y) for y in m.groups() if y and re.fullmatch(r"(?:19|20)\d{2}", y)]
            if not years:
                continue
            first, last = min(years), max(years)
            if kind == "since":
                last = 9999
            out.append(Period(m.group().strip(), kind, first, last, m.start()))
            taken.append((m.start(), m.end()))
    return sorted(out, key=lambda p: p.start)


def _period_near(periods: Sequence[Period], at: int) -> Period | None:
    """The period that governs a number at ``at``: the last one before it, else the first after."""
    before = [p for p in periods if p.start <= at]
    return before[-1] if before else (periods[0] if periods else None)


def _districts(text: str, start: int, end: int) -> list[tuple[int, str]]:
    return [(m.start(), f"{m[1][0].upper()}{m[1][1:]} {m[2]}".replace("TP.", "Thành phố"))
            for m in DISTRICT.finditer(text, start, end)]


@dataclass
class _Context:
    """What a line inherits from above it: the section heading's district and period."""

    district: str | None = None
    period: Period | None = None


def _is_heading(line: str) -> bool:
    stripped = line.strip()
    return 0 < len(stripped) <= HEADING_CHARS and stripped[-1] not in ".;,:" and not ROW_LABEL.match(stripped)


def _lines(text: str, spans: Sequence[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    for start, end in spans:
        cursor = start
        for line in text[start:end].split("\n"):
            yield cursor, cursor + len(line)
            cursor += len(line) + 1


def _action_before(text: str, passage_start: int, number_start: int) -> str | None:
    """The words just before a number in its clause: what was done ("duy trì", "tặng bằng khen cho")."""
    clause = re.split(r"[,;:()]", text[passage_start:number_start])[-1]
    words = re.findall(r"[^\W\d_]+", clause)
    return " ".join(words[-ACTION_WORDS:]) or None


def _bound(q: Quantity) -> Bound:
    return BOUNDS.get((q.qualifier or "").lower(), "exact")


def _quantity_facts(text: str, a: int, b: int, ctx: _Context, province: str | None) -> list[Fact]:
    """The figures of one sentence or row, each with the scope read from around it."""
    row = ROW_LABEL.match(text, a, b)
    label = row["label"] if row else None
    periods = find_periods(text, a, b)
    districts = _districts(text, a, b)
    out = []
    numbers = [(q, None) for q in find_numbers(text[a:b]) if q.kind in QUANTITY_KINDS]
    numbers += [(q, None) for q in _glued(text[a:b]) + _spelled(text[a:b])]
    numbers = [(q, h) for q, h in numbers if not _NUMBERING.fullmatch(text, a, a + q.end + 1)]
    for q, high in _without_range_ends(numbers, _ranges(text[a:b])):
        start, end = a + q.start, a + q.end
        if label and start < row.end():
            continue  # the row's name ("Xã 135") is not a figure
        if q.unit and q.unit.split()[0].lower() in DURATION_WORDS:
            continue  # "10 năm qua" is how long, not a figure of the movement
        unit, header_period = q.unit, None
        if row:
            header = _row_header(text, row.end(), b, start)
            if header:
                header_period = next(iter(find_periods(header)), None)
                unit = _unit_of_header(header) or unit
        period, source = _period_near(periods, start), "sentence"
        if header_period:
            period, source = header_period, "row"
        if period is None and ctx.period:
            period, source = ctx.period, "heading"
        district = None
        if label and not TOTAL_LABEL.match(label):
            district = label
        elif districts:
            near = [d for at, d in districts if at < start] or [districts[0][1]]
            district = near[-1]
        elif ctx.district and not TOTAL_WORDS.search(text, a, b):
            district = ctx.district
        total = bool(label and TOTAL_LABEL.match(label)) or (district is None and TOTAL_WORDS.search(text, a, b))
        scope: Scope = "breakdown" if district else ("total" if total else "unknown")
        out.append(Fact(
            kind="quantity", subkind="range" if high is not None else q.kind,
            text=text[start:end], start=start, end=end, passage_start=a, passage_end=b, value=q.value,
            value_high=high, bound=_bound(q), unit=unit, action=_action_before(text, a, start),
            province=province, district=district, period=period.text if period else None,
            period_kind=period.kind if period else None, year_from=period.year_from if period else None,
            year_to=period.year_to if period else None, period_source=source if period else None, scope=scope))
    return out


RANGE = re.compile(r"(?<![\w/.,])(\d+)\s*[–—\-]\s*(\d+)\s+((?:[^\W\d_]+\s*){1,3})")


def _ranges(sentence: str) -> list[tuple[Quantity, float]]:
    """ "10–15 buổi" and the like: a count from its low end, with its high end (numbers.py reads each alone)."""
    out = []
    for m in RANGE.finditer(sentence):
        low, high = int(m[1]), int(m[2])
        if low < high and not (1900 <= low <= 2100):
            out.append((Quantity(m.start(), m.end(2), sentence[m.start():m.end(2)], float(low), "count", None,
                                 " ".join(m[3].split()[:3])), float(high)))
    return out


def _without_range_ends(numbers: list[tuple[Quantity, float | None]], ranges: list[tuple[Quantity, float]],
                        ) -> list[tuple[Quantity, float | None]]:
    """The sentence's figures, a range replacing the two numbers it is written with."""
    kept = [(q, h) for q, h in numbers if not any(r.start <= q.start < r.end for r, _ in ranges)]
    return sorted(kept + list(ranges), key=lambda pair: pair[0].start)


_NUMBERING = re.compile(r"\s*(?:[IVX]+|\d{1,2}|[a-zđ])[.)]")
"""A line's own numbering ("2. Huyện Lâm Hà", "b) Kết quả"): not a figure."""
GLUED = re.compile(r"(?<![\w/.,])(\d{1,3}(?:\.\d{3})+|\d+)(?=[^\W\d_]{2,})")
"""A figure written against its unit ("2.250mô hình"), which numbers.py leaves alone."""
SPELLED_DIGITS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9}
SPELLED_SCALES = {"mươi": 10, "trăm": 100, "nghìn": 1000, "ngàn": 1000}
SPELLED = re.compile(rf"(?<![^\W\d_])({'|'.join(SPELLED_DIGITS)})\s+({'|'.join(SPELLED_SCALES)})(?![^\W\d_])",
                     re.IGNORECASE)
"""Round figures in words ("ba trăm tổ liên gia", "hai nghìn lượt"); single number words are numbers.py's."""


def _glued(sentence: str) -> list[Quantity]:
    out = []
    for m in GLUED.finditer(sentence):
        value = parse_vietnamese_number(m[1])
        if value is not None:
            out.append(Quantity(m.start(), m.end(), m[1], value, "count", None, _unit_after_glued(sentence, m.end())))
    return out


def _unit_after_glued(sentence: str, end: int) -> str | None:
    words = []
    for word in re.findall(r"[^\W\d_]+", re.split(r"[,;.:()]", sentence[end:])[0])[:MAX_UNIT_WORDS]:
        if word.lower() in UNIT_STOPS:
            break
        words.append(word)
    return " ".join(words) or None


def _spelled(sentence: str) -> list[Quantity]:
    out = []
    for m in SPELLED.finditer(sentence):
        value = float(SPELLED_DIGITS[m[1].lower()] * SPELLED_SCALES[m[2].lower()])
        out.append(Quantity(m.start(), m.end(), m.group(), value, "count", None,
                            _unit_after_glued(sentence, m.end())))
    return out


def _row_header(text: str, a: int, b: int, at: int) -> str | None:
    """The column header a rendered row gives the value at ``at`` ("số tổ tự quản năm 2023 là 37").

    ``[a, b)`` is the row after its name and colon.
    """
    values = text[a:b]
    for m in ROW_VALUE.finditer(values):
        if a + m.start("value") <= at < a + m.end("value"):
            return m["header"].strip()
    return None


def _unit_of_header(header: str) -> str | None:
    unit = re.sub(rf"^(?:tổng\s+)?(?:số\s+(?:lượng\s+)?)?|\s*\(?(?:năm\s+)?{_YEAR}\)?.*$", "", header.strip(),
                  flags=re.IGNORECASE)
    return unit.strip() or None


def _people_facts(text: str, a: int, b: int, province: str | None) -> list[Fact]:
    """Each named person in a sentence with the title written beside the name and their part."""
    sentence = text[a:b]
    folded = sentence.lower()
    role = next((r for w, r in sorted(EVENT_ROLES.items(), key=lambda x: -len(x[0]))
                 if re.search(rf"(?<![^\W\d_]){w}(?![^\W\d_])", folded)), None)
    out = []
    for s, e in person_spans(sentence):
        title = _title_after(sentence, e) or _title_before(sentence, s)
        out.append(Fact(kind="person", subkind=role or "mentioned", text=sentence[s:e], start=a + s, end=a + e,
                        passage_start=a, passage_end=b, name=sentence[s:e], title=title, province=province))
    return out


def _title_after(sentence: str, end: int) -> str | None:
    m = re.match(rf"\s*[,–\-]\s*([^,;.()]{{3,90}}?)(?=[,;.()]|\s+(?:{SPEECH_VERBS})|$)",
                 sentence[end:])
    if m and m[1][:1].isupper():
        return m[1].strip()
    return None


def _title_before(sentence: str, start: int) -> str | None:
    head = sentence[max(0, start - 90):start]
    m = re.search(r"((?:Phó\s+)?(?:Giám đốc|Chủ tịch|Trưởng|Bí thư|Phó Trưởng|Ủy viên|Chánh)[^,;.()]{0,70}?)"
                  r"\s*(?:,\s*)?(?:(?:đồng chí|Đại tá|Thượng tá|Trung tá|Thiếu tá|ông|bà)\s+)?$", head)
    return m[1].strip() if m else None


def _model_facts(text: str, a: int, b: int, province: str | None, district: str | None) -> list[Fact]:
    """Quoted names of models ("mô hình “Camera an ninh”"): the name, and where the sentence says it runs."""
    sentence = text[a:b]
    if "mô hình" not in sentence.lower():
        return []
    out = []
    for m in QUOTED.finditer(sentence):
        group = 1 if m[1] else 2
        name = m[group].strip()
        before = sentence[max(0, m.start() - 40):m.start()].lower()
        if "mô hình" not in before and not re.search(r"mô hình", sentence[m.end():m.end() + 15].lower()):
            continue
        places = _districts(text, a, b)
        out.append(Fact(kind="model", subkind="model", text=name, start=a + m.start(group), end=a + m.end(group),
                        passage_start=a, passage_end=b, name=name, province=province,
                        district=places[0][1] if places else district))
    return out


def _document_facts(text: str, a: int, b: int, own: str | None) -> list[Fact]:
    """Plans and programmes cited by number ("Kế hoạch số 120/KH-UBND ngày 5/3/2023")."""
    out = []
    for m in DOC_CODE.finditer(text, a, b):
        code = m[1]
        if own and code.replace(" ", "") == own:
            continue
        head = text[max(a, m.start() - 40):m.start()]
        kind = next((t for t in DOC_TYPES if t.lower() in head.lower()), None)
        after = re.match(r"\s*(?:ngày|,\s*ngày)\s+(\d{1,2}/\d{1,2}/\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})",
                         text[m.end():b])
        out.append(Fact(kind="document", subkind="cited", text=code, start=m.start(1), end=m.end(1),
                        passage_start=a, passage_end=b, name=code, title=kind,
                        period=after[1] if after else None))
    return out


def _date_facts(text: str, a: int, b: int) -> list[Fact]:
    out = []
    for q in find_numbers(text[a:b]):
        if q.kind == "date":
            cited = re.search(r"\d+/[A-ZĐ]", text[max(a, a + q.start - 40):a + q.start])
            out.append(Fact(kind="date", subkind="document" if cited else "event", text=q.text, start=a + q.start,
                            end=a + q.end, passage_start=a, passage_end=b, value=q.value))
    return out


def header_facts(text: str, meta: dict[str, Any]) -> list[Fact]:
    """The report's own number, issuer, place and date, and the signer: facts, not boilerplate."""
    out = []
    number = meta.get("doc_number")
    if number:
        m = re.search(r"[Ss]ố[:\s]*" + r"\s*".join(map(re.escape, number)), text[:3000]) or \
            re.search(re.escape(number), text[:3000])
        if m:
            line = _line_at(text, m.start())
            out.append(Fact(kind="document", subkind="own", text=m.group(), start=m.start(), end=m.end(),
                            passage_start=line[0], passage_end=line[1], name=number, title=meta.get("issuer"),
                            province=meta.get("province"), period=meta.get("date")))
    out += signer_facts(text, meta.get("province"))
    return out


def _line_at(text: str, at: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return start, len(text) if end < 0 else end


def signer_facts(text: str, province: str | None) -> list[Fact]:
    """The signature block at the end: the office lines ("KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC") and the name under them."""
    lines = list(_lines(text, [(0, len(text))]))[-SIGNATURE_LINES:]
    office: list[str] = []
    first_office: int | None = None
    for a, b in lines:
        line = text[a:b].strip()
        if not line:
            continue
        if SIGNATURE_OFFICES.match(line):
            office.append(line)
            first_office = a if first_office is None else first_office
            continue
        words = line.split()
        if office and 2 <= len(words) <= 5 and words[0] in SURNAMES and all(w[:1].isupper() for w in words):
            start = a + text[a:b].index(line)
            return [Fact(kind="document", subkind="signer", text=line, start=start, end=start + len(line),
                         passage_start=first_office or a, passage_end=start + len(line), name=line,
                         title=" / ".join(office), province=province)]
    return []


def extract_facts(text: str, spans: Sequence[tuple[int, int]], meta: dict[str, Any]) -> list[Fact]:
    """Every fact of a report: ``spans`` are its content (what its chunks cover); ``meta`` its metadata."""
    province = meta.get("province")
    ctx = _Context()
    out = header_facts(text, meta)
    own = meta.get("doc_number")
    for la, lb in _lines(text, spans):
        line = text[la:lb]
        if _is_heading(line):
            places = _districts(text, la, lb)
            periods = find_periods(text, la, lb)
            if places or periods or re.match(r"^\s*(?:[IVX]+|\d+)[.)]", line):
                ctx = _Context(places[0][1] if places else None, periods[0] if periods else ctx.period)
        for a, b in sentences(text, la, lb):
            out += _quantity_facts(text, a, b, ctx, province)
            out += _people_facts(text, a, b, province)
            out += _model_facts(text, a, b, province, ctx.district)
            out += _document_facts(text, a, b, own)
            out += _date_facts(text, a, b)
    return _unique(out)


def _unique(facts: list[Fact]) -> list[Fact]:
    """One fact per (kind, span): a header line also read as content is kept once."""
    seen: dict[tuple[str, int, int], Fact] = {}
    for f in facts:
        seen.setdefault((f.kind, f.start, f.end), f)
    return sorted(seen.values(), key=lambda f: (f.start, f.kind))
