"""Provinces and districts of Vietnam, before and after the 2025 merger, and places in prose.

The source is ``vietnamadminunits`` (offline): 63 old provinces, their 696 districts, and
the new province each old one was merged into. Importing it costs ~0.3 s and pulls in
shapely and geopy, so the few fields used here are extracted into ``data/gazetteer.json``
(``python -m assistant.places`` rewrites it; a test checks that it still matches the package).

Names are compared as keys blind to tone placement, diacritics, case, spaces and y/i
("Đăk Hà", "Đắk Hà", "Dak Ha" → ``dakha``). In prose a place counts only after a place word
(tỉnh, huyện, điểm cầu…) or, for a province, as a capitalised name standing on its own, so
person names ("Phạm Thị Thanh Thủy", "Ngô Đông Hải") and "diễn biến hoà bình" are not places.
"""
from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from assistant.text import canonical, fold, has_diacritics, nfc, retone

DATA = Path(__file__).parent / "data" / "gazetteer.json"

PRE_2025_NAMES = {"Huế": "Thừa Thiên Huế"}
"""The package already uses the January 2025 city name; reports before it name the province."""
EXTRA_KEYS = {"Hồ Chí Minh": ("tphcm", "saigon")}
TYPE_KEYS = {"tinh": "Tỉnh", "thanhpho": "Thành phố", "huyen": "Huyện", "thixa": "Thị xã", "quan": "Quận"}
GENERIC_LABELS = {"www", "vn", "com", "net", "org", "gov", "edu", "info", "int", "biz"}
ENGLISH_WORDS = ("province", "city", "of", "the")
SITE_AFFIXES = {"", "bao", "tv", "ptth", "truyenhinh", "dai", "online", "news", "tintuc", "ca", "congan"}

WORD = re.compile(r"[^\W_]+")
NAME_GAP = re.compile(r"[ \t\u00a0]+|[ \t\u00a0]*[-–][ \t\u00a0]*")
AFTER_PLACE_WORD = re.compile(r"[ \t\u00a0]+|\.[ \t\u00a0]*")
LIST_GAP = re.compile(r"[ \t\u00a0]*,[ \t\u00a0]*")
SPACE = re.compile(r"[ \t\u00a0]+")

ANY_TYPE = "*"
PLACE_WORDS: dict[tuple[str, ...], tuple[bool, str | None]] = {
    ("tỉnh",): (True, None),
    ("thành", "phố"): (True, "Thành phố"),
    ("tp",): (True, "Thành phố"),
    ("huyện",): (False, "Huyện"),
    ("thị", "xã"): (False, "Thị xã"),
    ("quận",): (False, "Quận"),
    ("điểm", "cầu"): (True, ANY_TYPE),
    ("công", "an"): (True, ANY_TYPE),
}
"""Canonical place word → (a province may follow it, the district type that may follow it)."""
PLACE_WORD_STARTS = {words[0] for words in PLACE_WORDS}

ORDINARY_PHRASES = ("diễn biến hòa bình", "thái bình dương")
"""Phrases that contain a province name but are not places: peaceful evolution, the Pacific."""
LEADING_WORDS = {"tại", "ở", "trên", "còn", "về", "từ", "với", "theo", "cùng", "cho", "đến", "của", "như", "và"}
"""Capitalised only because they open a sentence ("Tại Hòa Bình, …"): not part of the name after them."""
EVERYDAY_KEYS = {"hoabinh", "thaibinh"}
"""Also ordinary words (peace): written small, they count only in a question without capitals."""
FOLDED_HOMOGRAPHS = {"dienbien"}
"""Folded, "diễn biến" (developments) is far commoner than the province written small and bare."""

Via = Literal["province", "district", "site"]
WEIGHTS: dict[Via, int] = {"province": 2, "district": 1, "site": 2}


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    province: str
    via: Via


@dataclass(frozen=True)
class Gazetteer:
    """``spelled``: canonical spaced name → old province; ``districts``: key → ((type, province), …)."""

    provinces: tuple[str, ...]
    merged: dict[str, str]
    province_keys: dict[str, str]
    spelled: dict[str, str]
    new_keys: dict[str, str]
    districts: dict[str, tuple[tuple[str, str], ...]]
    longest: int


def _key(s: str) -> str:
    """Matching key: folded, letters and digits only, consonant + y as i (Kỳ Sơn = kyson = kison)."""
    key = re.sub(r"[^a-z0-9]", "", fold(s))
    return re.sub(r"(?<=[bcdghklmnprstvx])y", "i", key)


def _spelled(name: str) -> str:
    return " ".join(canonical(w) for w in WORD.findall(name))


def _typed_keys(keywords: list[str], own_type: str) -> set[tuple[str, str]]:
    """(type, key) pairs from the package's keywords: "huyenkyson" says Kỳ Sơn was a huyện."""
    given = set(keywords)
    pairs: set[tuple[str, str]] = set()
    covered: set[str] = set()
    for keyword in keywords:
        for prefix, type_name in TYPE_KEYS.items():
            rest = keyword[len(prefix):]
            if keyword.startswith(prefix) and rest in given:
                pairs.add((type_name, rest))
                covered |= {keyword, rest}
                break
    pairs |= {(own_type, k) for k in given - covered}
    return {(t, _key(k)) for t, k in pairs}


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The extracted gazetteer with its lookup keys, built once (~15 ms)."""
    raw = json.loads(DATA.read_text(encoding="utf-8"))
    old_name = {p["name"]: retone(PRE_2025_NAMES.get(p["name"], p["name"])) for p in raw["provinces"]}
    provinces = tuple(old_name.values())
    merged = {old_name[p["name"]]: retone(p["merged"]) for p in raw["provinces"]}
    province_keys: dict[str, str] = {}
    spelled: dict[str, str] = {}
    longest = 1
    for p in raw["provinces"]:
        name = old_name[p["name"]]
        keys = {_key(name), _key(p["name"])} | {k for _, k in _typed_keys(p["keywords"], p["type"])}
        province_keys.update({k: name for k in keys | set(EXTRA_KEYS.get(name, ()))})
        spelled[_spelled(name)] = spelled[_spelled(p["name"])] = name
        longest = max(longest, len(WORD.findall(name)))
    new_keys = {_key(new): new for new in merged.values()}
    districts: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for d in raw["districts"]:
        province = old_name[d["province"]]
        for type_name, key in _typed_keys(d["keywords"], d["type"]) | {(d["type"], _key(d["name"]))}:
            districts[key].add((type_name, province))
        longest = max(longest, len(WORD.findall(d["name"])))
    return Gazetteer(provinces, merged, province_keys, spelled, new_keys,
                     {k: tuple(sorted(v)) for k, v in districts.items()}, longest)


def province_names() -> list[str]:
    """The 63 provinces before the 2025 merger, standard names in the old tone style."""
    return list(gazetteer().provinces)


def _strip_place_word(words: list[str]) -> tuple[str | None, list[str]]:
    """A leading place word ("tỉnh", "huyện", "TP"…) as the unit type it names, and the words after it."""
    for size in (2, 1):
        head = tuple(fold(w) for w in words[:size])
        for place_word, (_, district_type) in PLACE_WORDS.items():
            if len(place_word) == size and head == tuple(fold(w) for w in place_word) and len(words) > size:
                return district_type or "Tỉnh", words[size:]
    return None, words


def standard_province(name: str) -> str | None:
    """Any spelling ("quang nam", "Hoà Bình", "TP. Hồ Chí Minh", "tỉnh Thanh Hoa") → old standard name."""
    english = {_key(w) for w in ENGLISH_WORDS}
    words = [w for w in WORD.findall(nfc(name)) if _key(w) not in english]
    place_type, rest = _strip_place_word(words)
    if place_type in ("Tỉnh", "Thành phố"):
        words = rest
    return gazetteer().province_keys.get(_key("".join(words))) if words else None


def merged_province(name: str) -> str | None:
    """The province that an old province belongs to since the 2025 merger (Kon Tum → Quảng Ngãi)."""
    old = standard_province(name)
    return gazetteer().merged.get(old) if old else None


def old_provinces_of(new_name: str) -> list[str]:
    """The old provinces merged into a new one, the one that gave its name first."""
    words = WORD.findall(nfc(new_name))
    place_type, rest = _strip_place_word(words)
    new = gazetteer().new_keys.get(_key("".join(rest if place_type in ("Tỉnh", "Thành phố") else words)))
    members = [old for old, merged in gazetteer().merged.items() if merged == new]
    return sorted(members, key=lambda old: old != new)


def _resolve(candidates: tuple[tuple[str, str], ...], district_type: str | None) -> str | None:
    """The one province of a district key, preferring the stated type; None when ambiguous."""
    typed = [p for t, p in candidates if district_type in (None, ANY_TYPE, t)]
    provinces = set(typed or [p for _, p in candidates])
    return provinces.pop() if len(provinces) == 1 else None


def district_province(name: str) -> str | None:
    """The province of a district ("Cao Phong", "huyện Đắk Hà" → its province); None if ambiguous."""
    words = WORD.findall(nfc(name))
    place_type, rest = _strip_place_word(words)
    districts = gazetteer().districts
    if place_type and (found := districts.get(_key("".join(rest)))):
        return _resolve(found, place_type)
    found = districts.get(_key("".join(words)))
    return _resolve(found, None) if found else None


def site_province(host: str) -> str | None:
    """The province a local news site is named after ("kontumtv.vn", "baothanhhoa.vn")."""
    host = re.sub(r"^[a-z]+://", "", host.strip().lower()).split("/")[0].split(":")[0]
    best: tuple[int, str] | None = None
    for label in host.split("."):
        label = re.sub(r"[^a-z0-9]", "", label)
        if label in GENERIC_LABELS:
            continue
        for key, province in gazetteer().province_keys.items():
            if key in label and (len(key) >= 5 or label.replace(key, "", 1) in SITE_AFFIXES):
                best = max(best or (0, ""), (len(key), province))
    return best[1] if best else None


@lru_cache(maxsize=65536)
def _forms(word: str) -> tuple[str, str, bool]:
    """A word's canonical and folded forms and whether it carries diacritics."""
    return canonical(word), fold(word), has_diacritics(word)


class _Tokens:
    """The words of a text with their canonical and folded forms, for name matching."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans = [(m.start(), m.end()) for m in WORD.finditer(text)]
        self.words = [text[a:b] for a, b in self.spans]
        forms = [_forms(w) for w in self.words]
        self.canon = [c for c, _, _ in forms]
        self.folded = [f for _, f, _ in forms]
        self.accented = [a for _, _, a in forms]

    def __len__(self) -> int:
        return len(self.spans)

    def gap(self, i: int) -> str:
        """The text between word i-1 and word i."""
        return self.text[self.spans[i - 1][1]:self.spans[i][0]]

    def capitalised(self, i: int) -> bool:
        return self.words[i][0].isupper() or self.words[i][0].isdigit()

    def name_span(self, i: int, n: int) -> bool:
        """Words i..i+n-1 exist and are joined like the parts of one name."""
        return i + n <= len(self) and all(NAME_GAP.fullmatch(self.gap(k)) for k in range(i + 1, i + n))

    def key(self, i: int, n: int) -> str:
        return _key("".join(self.folded[i:i + n]))

    def ordinary_phrase(self, i: int) -> int:
        """The length of an ordinary phrase starting at word i ("diễn biến hoà bình"), else 0."""
        for phrase in ORDINARY_PHRASES:
            words = phrase.split()
            n = len(words)
            if self.folded[i] != fold(words[0]):
                continue
            bare = not any(self.accented[i:i + n])
            if self.canon[i:i + n] == words or (bare and self.folded[i:i + n] == [fold(w) for w in words]):
                return n
        return 0

    def linked(self, i: int) -> bool:
        """Words i-1 and i are both capitalised with only spaces between: parts of one name."""
        return 0 < i < len(self) and self.capitalised(i - 1) and self.capitalised(i) \
            and bool(SPACE.fullmatch(self.gap(i)))


def _after_place_word(tokens: _Tokens, i: int, provinces: bool, district_type: str | None,
                      ) -> tuple[PlaceMention, int] | None:
    """The longest capitalised province or district name starting at word i.

    None at another place word: in capitals, "CÔNG AN TỈNH GIA LAI" must read as "tỉnh" and then
    Gia Lai, not as the district Tĩnh Gia (folded alike) after "công an".
    """
    if _place_word_at(tokens, i):
        return None
    g = gazetteer()
    for n in range(min(g.longest, len(tokens) - i), 0, -1):
        if not tokens.name_span(i, n) or not all(tokens.capitalised(k) for k in range(i, i + n)):
            continue
        key = tokens.key(i, n)
        start, end = tokens.spans[i][0], tokens.spans[i + n - 1][1]
        if provinces and key in g.province_keys:
            return PlaceMention(start, end, g.province_keys[key], "province"), i + n
        if district_type and key in g.districts and (province := _resolve(g.districts[key], district_type)):
            return PlaceMention(start, end, province, "district"), i + n
    return None


def _place_word_at(tokens: _Tokens, i: int) -> tuple[int, bool, str | None] | None:
    """(where the name starts, a province may follow, the district type) when a place word is at i."""
    if tokens.canon[i] not in PLACE_WORD_STARTS:
        return None
    for words, (provinces, district_type) in PLACE_WORDS.items():
        n = len(words)
        if tuple(tokens.canon[i:i + n]) == words and i + n < len(tokens) \
                and all(SPACE.fullmatch(tokens.gap(k)) for k in range(i + 1, i + n)) \
                and AFTER_PLACE_WORD.fullmatch(tokens.gap(i + n)):
            return i + n, provinces, district_type
    return None


def _standalone_province(tokens: _Tokens, i: int) -> tuple[PlaceMention, int] | None:
    """A province name of two or more words standing alone, spelled exactly, not part of a longer name."""
    g = gazetteer()
    if not tokens.capitalised(i) or (tokens.linked(i) and tokens.canon[i - 1] not in LEADING_WORDS):
        return None
    for n in range(min(g.longest, len(tokens) - i), 1, -1):
        if not tokens.name_span(i, n) or not all(tokens.capitalised(k) for k in range(i, i + n)):
            continue
        if tokens.linked(i + n):
            continue
        key = tokens.key(i, n)
        spelled = " ".join(tokens.canon[i:i + n])
        bare = not any(tokens.accented[i:i + n])
        province = g.spelled.get(spelled) or (g.province_keys.get(key) if bare else None)
        if province:
            return PlaceMention(tokens.spans[i][0], tokens.spans[i + n - 1][1], province, "province"), i + n
    return None


def find_place_mentions(text: str) -> list[PlaceMention]:
    """Provinces and districts named in prose, in order.

    After a place word: the longest capitalised province or district name, and further names
    of a list ("các huyện Ngọc Hồi, Đăk Hà và Sa Thầy"). Without one: only a province name of
    two or more words, spelled exactly and not part of a longer capitalised run (a person).
    """
    tokens = _Tokens(text)
    out: list[PlaceMention] = []
    i = 0
    while i < len(tokens):
        place_word = _place_word_at(tokens, i)
        if place_word:
            j, provinces, district_type = place_word
            while (found := _after_place_word(tokens, j, provinces, district_type)):
                out.append(found[0])
                j = found[1]
                if j < len(tokens) and LIST_GAP.fullmatch(tokens.gap(j)):
                    continue
                if j + 1 < len(tokens) and tokens.canon[j] == "và" and SPACE.fullmatch(tokens.gap(j)):
                    j += 1
                    continue
                break
            if j > place_word[0]:
                i = j
                continue
        if (skip := tokens.ordinary_phrase(i)):
            i += skip
            continue
        if (alone := _standalone_province(tokens, i)):
            out.append(alone[0])
            i = alone[1]
            continue
        i += 1
    return out


def infer_province(text: str, site: str | None = None) -> str | None:
    """A report's province by vote: named provinces and the site count 2, districts 1.

    A tie goes to the province mentioned first (the site before the text).
    """
    votes: Counter[str] = Counter()
    first: dict[str, int] = {}
    if site and (from_site := site_province(site)):
        votes[from_site] += WEIGHTS["site"]
        first[from_site] = -1
    for mention in find_place_mentions(text):
        votes[mention.province] += WEIGHTS[mention.via]
        first.setdefault(mention.province, mention.start)
    return max(votes, key=lambda p: (votes[p], -first[p])) if votes else None


def _uses_capitals(tokens: _Tokens) -> bool:
    """Whether the writer capitalises names: a Title-case word other than a sentence's first."""
    for i, word in enumerate(tokens.words):
        before = tokens.text[:tokens.spans[i][0]].rstrip()
        if word[0].isupper() and any(c.islower() for c in word[1:]) and before and before[-1] not in ".?!:\"“(":
            return True
    return False


def provinces_in_question(q: str) -> list[str]:
    """Provinces a question names, as old standard names, in order of appearance.

    With or without diacritics, either tone style, English ("Quang Nam province"). A name
    that is also a new province (Đà Nẵng, Thanh Hóa…) means the old one; the caller decides
    about merged members with ``old_provinces_of``. Written small, a name must be spelled
    exactly when accented, and "hòa bình" (peace) counts only in a question without capitals.
    """
    g = gazetteer()
    tokens = _Tokens(nfc(q))
    capitals = _uses_capitals(tokens)
    found: list[str] = []
    i = 0
    while i < len(tokens):
        if (skip := tokens.ordinary_phrase(i)):
            i += skip
            continue
        for n in range(min(g.longest, len(tokens) - i), 0, -1):
            if tokens.name_span(i, n) and (province := _question_match(tokens, i, n, capitals)):
                found.append(province)
                i += n
                break
        else:
            i += 1
    return list(dict.fromkeys(found))


def _question_match(tokens: _Tokens, i: int, n: int, capitals: bool) -> str | None:
    g = gazetteer()
    key = tokens.key(i, n)
    province = g.province_keys.get(key)
    if not province:
        return None
    if n == 1 and len(key) < 5 and not tokens.capitalised(i):
        return None  # "hue", "hn": too short to trust written small
    if all(tokens.capitalised(k) for k in range(i, i + n)):
        return province
    if key in EVERYDAY_KEYS and capitals:
        return None
    if any(tokens.accented[i:i + n]):
        return province if g.spelled.get(" ".join(tokens.canon[i:i + n])) == province else None
    return None if key in FOLDED_HOMOGRAPHS else province


def extract_from_package() -> dict[str, Any]:
    """The fields this module uses, read from ``vietnamadminunits`` through its public API."""
    from importlib.metadata import version

    from vietnamadminunits import convert_address
    from vietnamadminunits.database import get_data

    provinces: dict[str, dict[str, Any]] = {}
    districts = []
    fields = ["province", "provinceShort", "provinceKeywords", "district", "districtShort", "districtType",
              "districtKeywords"]
    for row in get_data(fields, table="admin_units_legacy"):
        if row["provinceShort"] not in provinces:
            provinces[row["provinceShort"]] = {
                "name": row["provinceShort"],
                "type": row["province"][:-len(row["provinceShort"])].strip(),
                "keywords": json.loads(row["provinceKeywords"]),
                "merged": convert_address(row["province"]).short_province,
            }
        districts.append({"name": row["districtShort"], "type": row["districtType"],
                          "province": row["provinceShort"], "keywords": json.loads(row["districtKeywords"])})
    return {"source": f"vietnamadminunits {version('vietnamadminunits')}", "provinces": list(provinces.values()),
            "districts": districts}


def _dump(data: dict[str, Any]) -> str:
    """JSON with one province or district a line, so a package update reads as a small diff."""
    def rows(items: list[dict[str, Any]]) -> str:
        return ",\n".join(json.dumps(x, ensure_ascii=False) for x in items)
    return (f'{{"source": {json.dumps(data["source"])},\n"provinces": [\n{rows(data["provinces"])}\n],\n'
            f'"districts": [\n{rows(data["districts"])}\n]}}\n')


if __name__ == "__main__":
    DATA.write_text(_dump(extract_from_package()), encoding="utf-8")
    print(f"wrote {DATA}")
