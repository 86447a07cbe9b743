"""The district or commune a question names, with where it stands: for the scope features and follow-ups.

Three spellings reach us: with marks and its place word ("huyện Đức Trọng"), in English ("Duc Trong
district") and typed without marks, often in lower case ("huyen duc trong co bao nhieu"), where
the gazetteer (or a list of words no name ends with) says where the name stops.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from assistant.facts.areas import districts_in
from assistant.places import DATA as GAZETTEER
from assistant.places import standard_province
from assistant.text import fold, has_diacritics

_PLACE = r"(?:huyen|xa|quan|phuong|thi tran|thi xa|thanh pho)"
_PLACE_EN = re.compile(r"\b([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})\s+(?:district|commune|town|ward|city)\b")
"""A district or commune as English writes it ("Duc Trong district", "Tan An city"); a "city" that is a
province ("Can Tho city") is the province's, not a district's."""
_FOLDED_PLACE = re.compile(rf"\b({_PLACE})\s+([a-z]+(?:\s+[a-z]+){{0,3}})")
_COMMUNE_WORDS = frozenset({"xa", "phuong", "thi tran"})
"""Place words of communes and wards, which the gazetteer does not list (it lists every district): a
name after them that it cannot confirm is taken as typed, in a question typed without marks only.
With marks, a name is capitalised ("xã Đại Ân", found above); "xã đạt chuẩn" is a common noun."""
_NAME_ENDS = "nao co da duy bao nhieu la thi nam trong tren duoc va o tai cua gi khong nay do ay to chuc xay dung hien dang"
_NOT_A_NAME = frozenset(_NAME_ENDS.split())
"""Folded words that end a lower-case district name ("huyen duc trong co bao nhieu" → "duc trong")."""


@dataclass(frozen=True)
class DistrictMention:
    start: int | None
    end: int | None
    """``text[start:end]`` is the mention with its place word ("huyện Đức Trọng", "Duc Trong district");
    None when it was found in the folded text and folding changed the text's length."""
    name: str
    """Folded, lower case, without the place word ("duc trong"): what the scope features compare."""


def district_mention(text: str) -> DistrictMention | None:
    """The first district or commune ``text`` names, or None."""
    named = districts_in(text, 0, len(text))
    if named:
        start, end, name = named[0]
        return DistrictMention(start, end, fold(name).lower().split(" ", 1)[-1])
    for english in _PLACE_EN.finditer(text):
        if standard_province(english[1]) is None:
            return DistrictMention(english.start(), english.end(), fold(english[1]).lower())
    folded = fold(text).lower()
    m = _FOLDED_PLACE.search(folded)
    if not m:
        return None
    same_offsets = len(folded) == len(text)  # offsets in the folded text are the text's only when as long
    after = m[2].split()
    known = _gazetteer_districts()
    for n in range(len(after), 0, -1):  # a district the gazetteer knows, longest first ("duc trong")
        if " ".join(after[:n]) in known:
            return _folded_mention(m, after[:n], same_offsets)
    if m[1] not in _COMMUNE_WORDS or has_diacritics(text):
        return None  # "mô hình tự quản về an ninh" names no "quận Về An"
    words = []
    for word in after[:2]:
        if word in _NOT_A_NAME:
            break
        words.append(word)
    return _folded_mention(m, words, same_offsets) if words else None


def asked_district(text: str) -> str | None:
    """The district or commune a question names, folded without its place word ("Đức Trọng" → "duc trong")."""
    mention = district_mention(text)
    return mention.name if mention else None


def _folded_mention(m: re.Match[str], words: list[str], same_offsets: bool) -> DistrictMention:
    name = " ".join(words)
    if not same_offsets:
        return DistrictMention(None, None, name)
    return DistrictMention(m.start(), m.start(2) + len(name), name)


@lru_cache(maxsize=1)
def _gazetteer_districts() -> frozenset[str]:
    """Every district's name in the gazetteer, folded: where a question typed in lower case ends one."""
    raw = json.loads(GAZETTEER.read_text(encoding="utf-8"))
    return frozenset(fold(d["name"]).lower() for d in raw["districts"])
