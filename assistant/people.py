"""People named in report text, and the office a "who" question asks about.

A "who" answer must name a person holding the asked office: "Phó Chủ tịch UBND tỉnh Y Ngọc"
answers "Phó Chủ tịch UBND tỉnh là ai?" but not "Chủ tịch UBND tỉnh là ai?", and "Giám đốc
Công an tỉnh tặng Giấy khen" names nobody. Matching is done on folded text so questions typed
without diacritics work the same.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.places import district_province, standard_province
from assistant.text import PHRASE_REACH, fold

SURNAMES = frozenset(
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Lò Hà Mai Tô Trương "
    "Lương Đào Đoàn Cao Lâm Quách Triệu Vi Tạ Chu Kiều Thái Lại Khổng Nông Lục Hứa Giang Tăng Trịnh Đàm "
    "Thân Âu Văn Tòng Lưu Từ Hầu Kim Y A Ksor Siu Rơ Nay Rah H'".split())
"""Family names (and the Central Highlands' personal prefixes "Y", "A") that open a person's name."""
PLACE_WORDS = frozenset({"huyện", "xã", "tỉnh", "thôn", "phường", "quận", "trấn", "bản", "làng", "thành", "phố",
                         "sông", "núi", "đường", "xóm", "khu", "tổ"})
"""Words after which a capitalised run may be a place ("huyện Cao Phong") rather than a person."""
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")

ROLES = ("phó chủ tịch", "chủ tịch", "phó giám đốc", "giám đốc", "phó trưởng ban", "trưởng ban", "phó bí thư",
         "bí thư", "phó trưởng công an", "trưởng công an", "bộ trưởng", "thứ trưởng", "ủy viên")
"""Offices, longest first within each family so "phó chủ tịch" is not read as "chủ tịch"."""
ORGANISATIONS = {
    "ubnd": ("ubnd", "uy ban nhan dan"),
    "mttq": ("mttq", "mat tran to quoc", "mat tran"),
    "cong an": ("cong an",),
    "hdnd": ("hdnd", "hoi dong nhan dan"),
    "ban chi dao": ("ban chi dao", "bcd"),
}
"""Bodies an office may belong to, each in the folded forms the reports use."""
NEAR = 60
"""How far (characters) a name may stand from the office it holds."""


@dataclass(frozen=True)
class Role:
    office: str
    organisation: str | None


def person_spans(text: str) -> list[tuple[int, int]]:
    """Spans of personal names: a family name and one to three more capitalised syllables."""
    words = list(_WORD.finditer(text))
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        word = words[i]
        previous = words[i - 1].group().lower() if i else ""
        if word.group() in SURNAMES:
            j = i + 1
            while j < len(words) and j - i <= 3 and _capitalised(words[j].group()) and \
                    text[words[j - 1].end():words[j].start()] == " ":
                j += 1
            if j - i >= 2 and not (previous in PLACE_WORDS and _is_place(text[word.start():words[j - 1].end()])):
                spans.append((word.start(), words[j - 1].end()))
                i = j
                continue
        i += 1
    return spans


def _is_place(name: str) -> bool:
    return standard_province(name) is not None or district_province(name) is not None


def _capitalised(word: str) -> bool:
    return word[0].isupper() and (len(word) == 1 or word[1:].islower() or word[1] == "'")


def asked_role(question: str) -> Role | None:
    """The office (and its body) a question asks about, from its Vietnamese words."""
    folded = fold(question).lower()
    for office in ROLES:
        at = _find(folded, fold(office))
        if at is not None:
            tail = folded[at + len(fold(office)):at + len(fold(office)) + PHRASE_REACH]
            organisation = next((org for org, forms in ORGANISATIONS.items()
                                 if any(_find(tail, form) is not None for form in forms)), None)
            return Role(office, organisation)
    return None


def holder_near_role(role: Role, sentence: str) -> tuple[int, int] | None:
    """The span of a person named next to ``role`` in ``sentence``; None when nobody holds it there."""
    folded = fold(sentence).lower()
    office = fold(role.office)
    names = person_spans(sentence)
    for m in re.finditer(rf"\b{re.escape(office)}\b", folded):
        if not role.office.startswith("phó") and folded[max(0, m.start() - 4):m.start()] == "pho ":
            continue
        if role.organisation and not any(_find(folded[m.end():m.end() + PHRASE_REACH], form) is not None
                                         for form in ORGANISATIONS[role.organisation]):
            continue
        near = [s for s in names if s[1] >= m.start() - NEAR and s[0] <= m.end() + NEAR]
        if near:
            return min(near, key=lambda s: abs(s[0] - m.end()))
    return None


def _find(text: str, phrase: str) -> int | None:
    m = re.search(rf"\b{re.escape(phrase)}\b", text)
    return m.start() if m else None
