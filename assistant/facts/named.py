"""People, named models, dates and document references of a report, its header and signature included.

The header ("Số: 125/BC-CAT", "Lâm Đồng, ngày 20 tháng 12 năm 2023") and the signature block
("KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC / Đại tá Trần Văn Hùng") are facts with spans, not boilerplate.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from assistant.facts.areas import districts_in
from assistant.facts.types import Fact
from assistant.numbers import find_numbers
from assistant.people import person_spans
from assistant.places import standard_province
from assistant.text import PHRASE_REACH, quotes

EVENT_ROLES = {"chủ trì": "chaired", "phát biểu": "spoke", "chỉ đạo": "spoke", "ký": "signed",
               "tham dự": "attended", "dự": "attended", "trao": "awarded", "báo cáo": "reported"}
"""A person's part in the event, from the verb of their sentence (longest first when matched)."""
SPEECH_VERBS = "chủ trì|phát biểu|cho biết|nhấn mạnh|yêu cầu|đề nghị|khẳng định|ghi nhận|biểu dương|trao|ký"
"""Verbs that end a title written after a name ("…, Giám đốc Công an tỉnh yêu cầu …")."""
RANKS = ("Đại tướng", "Thượng tướng", "Trung tướng", "Thiếu tướng", "Đại tá", "Thượng tá", "Trung tá", "Thiếu tá",
         "Đại úy", "Thượng úy", "Trung úy", "Thiếu úy", "Đồng chí", "đồng chí", "Ông", "Bà")
"""Ranks and forms of address written before a name (a signature's "Đại tá Nguyễn Hữu Lộc")."""
NOT_PEOPLE = re.compile(r"^Đoàn Thanh$|^Văn Thời$")
"""Capitalised runs that open with a family name but are bodies or places ("Đoàn Thanh niên")."""
DOC_TYPES = ("Chương trình phối hợp", "Kế hoạch liên tịch", "Kế hoạch", "Chỉ thị", "Nghị quyết", "Quyết định",
             "Công văn", "Thông tư", "Nghị định", "Hướng dẫn", "Chương trình", "Đề án", "Báo cáo", "Tờ trình",
             "Công điện", "Thông báo")
DOC_CODE = re.compile(r"(?:\b[Ss]ố[:\s]+)?\b(\d+/(?:\d{4}/)?[A-ZĐ][\wĐ]*(?:-[\wĐ]+)*)")
NOT_A_MODEL = re.compile(r"(?:Kế hoạch|Chương trình|Chỉ thị|Nghị quyết|Đề án|Quyết định|phong trào|cuộc vận động|"
                         r"khẩu hiệu|chủ đề|Ngày hội|hội thi|cuộc thi|về|với chủ đề)\s*$", re.IGNORECASE)
"""Words before a quotation that make it a programme, slogan or theme rather than a model's name."""
SIGNATURE_OFFICES = re.compile(r"^(?:KT\.|TM\.|TL\.|Q\.)?\s*(?:PHÓ\s+)?(?:GIÁM ĐỐC|CHỦ TỊCH|TRƯỞNG BAN|TRƯỞNG "
                               r"CÔNG AN|BÍ THƯ|CHÁNH VĂN PHÒNG|TRƯỞNG PHÒNG|CHỈ HUY TRƯỞNG)\b.*$")
SIGNATURE_LINES = 14
"""Lines at a report's end searched for its signature block (office lines, then the name)."""


def people_facts(text: str, a: int, b: int, province: str | None) -> list[Fact]:
    """Each named person in a sentence with the title written beside the name and their part."""
    sentence = text[a:b]
    folded = sentence.lower()
    role = next((r for w, r in sorted(EVENT_ROLES.items(), key=lambda x: -len(x[0]))
                 if re.search(rf"(?<![^\W\d_]){w}(?![^\W\d_])", folded)), None)
    out = []
    for s, e in person_spans(sentence):
        name = sentence[s:e]
        if standard_province(name) or NOT_PEOPLE.match(name):
            continue
        title = _title_after(sentence, e) or _title_before(sentence, s)
        out.append(Fact(kind="person", subkind=role or "mentioned", text=name, start=a + s, end=a + e,
                        passage_start=a, passage_end=b, name=name, title=title, province=province))
    return out


def _title_after(sentence: str, end: int) -> str | None:
    m = re.match(rf"\s*[,–\-]\s*([^,;.()]{{3,90}}?)(?=[,;.()]|\s+(?:{SPEECH_VERBS})|$)", sentence[end:])
    if m and m[1][:1].isupper():
        return m[1].strip()
    return None


def _title_before(sentence: str, start: int) -> str | None:
    head = sentence[max(0, start - 90):start]
    m = re.search(r"((?:Phó\s+)?(?:Giám đốc|Chủ tịch|Trưởng|Bí thư|Phó Trưởng|Ủy viên|Chánh)[^,;.()]{0,70}?)"
                  r"\s*(?:,\s*)?(?:(?:đồng chí|Đại tá|Thượng tá|Trung tá|Thiếu tá|ông|bà)\s+)?$", head)
    return m[1].strip() if m else None


def model_facts(text: str, a: int, b: int, province: str | None, district: str | None) -> list[Fact]:
    """Quoted names in a sentence about models ("Các mô hình tiêu biểu: “A”, “B” ở xã C")."""
    sentence = text[a:b]
    first = sentence.lower().find("mô hình")
    if first < 0:
        return []
    out = []
    places = districts_in(text, a, b)
    for q in quotes(sentence):
        after_word = q.start > first or sentence[q.end:q.end + 15].lower().lstrip().startswith("mô hình")
        if not after_word or NOT_A_MODEL.search(sentence[max(0, q.start - 30):q.start]):
            continue
        name = q.name.strip()
        where = next((p[2] for p in places if p[0] >= a + q.end), None) or \
            next((p[2] for p in reversed(places) if p[1] <= a + q.start), None) or district
        out.append(Fact(kind="model", subkind="model", text=name, start=a + q.name_start, end=a + q.name_end,
                        passage_start=a, passage_end=b, name=name, province=province, district=where))
    return out


def document_facts(text: str, a: int, b: int, own: str | None) -> list[Fact]:
    """Plans and programmes cited by number ("Kế hoạch số 120/KH-UBND ngày 5/3/2023")."""
    out = []
    for m in DOC_CODE.finditer(text, a, b):
        code = m[1]
        if own and code.replace(" ", "") == own:
            continue
        head = text[max(a, m.start() - PHRASE_REACH):m.start()]
        kind = next((t for t in DOC_TYPES if t.lower() in head.lower()), None)
        after = re.match(r"\s*(?:ngày|,\s*ngày)\s+(\d{1,2}/\d{1,2}/\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})",
                         text[m.end():b])
        out.append(Fact(kind="document", subkind="cited", text=code, start=m.start(1), end=m.end(1),
                        passage_start=a, passage_end=b, name=code, title=kind,
                        period=after[1] if after else None))
    return out


def date_facts(text: str, a: int, b: int) -> list[Fact]:
    """Dates of events, and of documents where a document number stands just before."""
    out = []
    for q in find_numbers(text[a:b]):
        if q.kind == "date":
            cited = re.search(r"\d+/[A-ZĐ]", text[max(a, a + q.start - PHRASE_REACH):a + q.start])
            out.append(Fact(kind="date", subkind="document" if cited else "event", text=q.text, start=a + q.start,
                            end=a + q.end, passage_start=a, passage_end=b, value=q.value))
    return out


def header_facts(text: str, meta: dict[str, Any]) -> list[Fact]:
    """The report's own number, issuer, place and date, and the signer."""
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
    return out + signer_facts(text, meta.get("province"))


def _line_at(text: str, at: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return start, len(text) if end < 0 else end


def lines(text: str, spans: Sequence[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """The lines of each span, as (start, end) offsets into ``text``."""
    for start, end in spans:
        cursor = start
        for line in text[start:end].split("\n"):
            yield cursor, cursor + len(line)
            cursor += len(line) + 1


def _without_rank(line: str) -> str:
    for rank in RANKS:
        if line.startswith(rank + " "):
            return line[len(rank) + 1:].strip()
    return line


COLUMN_GAP = re.compile(r"\s{3,}")
"""The run of spaces between the columns of a plain-text block (recipients left, signature right)."""
NAME_WORD = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")


def _right_column(text: str, a: int, b: int) -> tuple[int, int]:
    """The last column of line ``[a, b)``: a plain-text signature stands right of "Nơi nhận"."""
    cuts = [m.end() for m in COLUMN_GAP.finditer(text, a, b) if text[a:m.start()].strip()]
    return (cuts[-1] if cuts else a), b


def _is_name(words: list[str]) -> bool:
    """A signer's name line: two to five capitalised words, not shouted like the office lines."""
    return (2 <= len(words) <= 5 and all(NAME_WORD.fullmatch(w) and w[:1].isupper() for w in words)
            and not all(w.isupper() for w in words))


def signature_name(text: str, a: int, b: int) -> tuple[int, int, int, list[str]] | None:
    """The signature block in ``text[a:b]``: (where its office lines start, name start and end, offices).

    The offices ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC") come first, each a line (or the right column of
    one); the first name line under them is the signer's, with any rank ("Đại tá") left out.
    """
    office: list[str] = []
    first_office: int | None = None
    for la, lb in lines(text, [(a, b)]):
        ca, cb = _right_column(text, la, lb)
        line = text[ca:cb].strip()
        if not line:
            continue
        if SIGNATURE_OFFICES.match(line):
            office.append(line)
            first_office = ca if first_office is None else first_office
            continue
        name = _without_rank(line)
        if office and first_office is not None and _is_name(name.split()):
            start = ca + text[ca:cb].index(name)
            return first_office, start, start + len(name), office
    return None


def signer_facts(text: str, province: str | None) -> list[Fact]:
    """The signature block at the end: the offices ("KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC") and the name under them."""
    tail = list(lines(text, [(0, len(text))]))[-SIGNATURE_LINES:]
    if not tail or not (found := signature_name(text, tail[0][0], len(text))):
        return []
    first_office, start, end, office = found
    name = text[start:end]
    return [Fact(kind="document", subkind="signer", text=name, start=start, end=end,
                 passage_start=first_office, passage_end=end, name=name, title=" / ".join(office),
                 province=province)]
