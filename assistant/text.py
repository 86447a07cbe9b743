"""Vietnamese text normalisation: the one place that decides when two strings match.

Documents, queries and gazetteer entries all pass through the same functions: NFC, tone
marks re-placed in the old style (the seeds mix "Uỷ" and "Ủy"), a case-folded canonical
form, a diacritic-folded form (đ → d) for queries typed without marks, BM25 tokens that
keep one-letter syllables and numbers, and sentence spans with exact offsets.
"""
from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")  # grave, acute, tilde, hook above, dot below
QUALITY = frozenset("\u0302\u0306\u031b")  # circumflex, breve, horn
VOWELS = frozenset("aeiouy")
CODAS = frozenset({"", "c", "ch", "k", "m", "n", "ng", "nh", "p", "t"})
LETTERS = re.compile(r"[^\W\d_]+")
TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_][^\W_]*")
FOLDED_PREFIX = "~"
PHRASE_REACH = 40
"""Characters read beside a match for the words that qualify it, about eight syllables: enough for
"Kế hoạch liên tịch số" before a document number, "Công an tỉnh Bắc Giang" after an office, "ngày …
ban hành" before a date, while the clause after a comma or two stays out."""
QUOTED = re.compile(r"“([^”\n]{2,160})”|\"([^\"\n]{2,160})\"|‘([^’\n]{2,160})’")
"""A quoted name: in curly or straight double quotes or curly single ones, on one line, 2 to 160
characters inside. Reports name their models so (“Tiếng kẻng làng tôi”: 9 to 105 characters in the
13 reports) and questions quote them; a lone quoted letter or digit (“A”) is a grade, not a name."""


@dataclass(frozen=True)
class Quote:
    """A quoted name: ``start``/``end`` include the quote marks, ``name_start``/``name_end`` do not."""

    start: int
    end: int
    name_start: int
    name_end: int
    name: str


def quotes(text: str, start: int = 0, end: int | None = None) -> Iterator[Quote]:
    """The quoted names of ``text[start:end]`` (``QUOTED``), in order, with offsets into ``text``."""
    for m in QUOTED.finditer(text, start, len(text) if end is None else end):
        group = next(i for i in (1, 2, 3) if m[i] is not None)
        yield Quote(m.start(), m.end(), m.start(group), m.end(group), m[group])

ABBREVIATIONS: dict[str, str] = {
    "ANTQ": "an ninh Tổ quốc",
    "ANTT": "an ninh trật tự",
    "ANCT": "an ninh chính trị",
    "ANND": "an ninh nhân dân",
    "MTTQ": "Mặt trận Tổ quốc",
    "MTTQVN": "Mặt trận Tổ quốc Việt Nam",
    "UBND": "Ủy ban nhân dân",
    "HĐND": "Hội đồng nhân dân",
    "CAND": "Công an nhân dân",
    "BCA": "Bộ Công an",
    "BCĐ": "Ban Chỉ đạo",
    "CCB": "Cựu chiến binh",
    "QPTD": "quốc phòng toàn dân",
    "TNXH": "tệ nạn xã hội",
    "TTATXH": "trật tự an toàn xã hội",
    "TTATGT": "trật tự an toàn giao thông",
    "KDC": "khu dân cư",
    "PCCC": "phòng cháy chữa cháy",
    "CSGT": "Cảnh sát giao thông",
    "LHPN": "Liên hiệp Phụ nữ",
    "XHCN": "xã hội chủ nghĩa",
}
"""Domain abbreviations, expanded both ways. Short ambiguous codes (TT, TP, CA, UB) are absent."""


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


# ---------------------------------------------------------------- tone marks


def _split_letters(word: str) -> list[str]:
    """NFD letters, each with its combining marks attached."""
    letters: list[str] = []
    for ch in unicodedata.normalize("NFD", word):
        if unicodedata.combining(ch) and letters:
            letters[-1] += ch
        else:
            letters.append(ch)
    return letters


@lru_cache(maxsize=65536)
def _retone_word(word: str) -> str:
    """Put the tone mark of one syllable where the old style puts it; anything else is kept."""
    letters = _split_letters(word)
    tones = [(i, m) for i, letter in enumerate(letters) for m in letter[1:] if m in TONES]
    if len(tones) != 1:
        return word
    tone = tones[0][1]
    letters = [letter.replace(tone, "") for letter in letters]
    base = [letter[0].lower() for letter in letters]
    start = 0
    if base[:2] == ["q", "u"] or (base[:2] == ["g", "i"] and len(base) > 2 and base[2] in VOWELS):
        start = 2  # "qu" and "gi" are onsets: quý, giữa
    while start < len(base) and base[start] not in VOWELS:
        start += 1
    end = start
    while end < len(base) and base[end] in VOWELS:
        end += 1
    if start == end or "".join(base[end:]) not in CODAS:
        return word  # not a Vietnamese syllable (a loanword, a code): leave it alone
    nucleus = range(start, end)
    marked = [i for i in nucleus if QUALITY & set(letters[i])]
    if marked:
        target = marked[-1]
    elif end < len(base) or len(nucleus) == 1:
        target = end - 1
    elif len(nucleus) == 3:
        target = start + 1
    else:
        target = start  # open two-vowel groups, oa/oe/uy included: hòa, khỏe, thủy
    letters[target] += tone
    return nfc("".join(letters))


def retone(s: str) -> str:
    """Re-place tone marks in the old style ("Uỷ" → "Ủy", "hoà" → "hòa"); idempotent.

    On NFC input the length is unchanged, so offsets found in the result hold in the input.
    """
    return LETTERS.sub(lambda m: _retone_word(m.group()), nfc(s))


# ---------------------------------------------------------------- matching forms

_Y_TO_I = str.maketrans("yýỳỷỹỵ", "iíìỉĩị")


def _unify_y(word: str) -> str:
    """Consonant + single final y → i (tỷ/tỉ, sỹ/sĩ, lý/lí); never quy, uy, ay or a lone ý."""
    if len(word) >= 2 and word[-1] in "yýỳỷỹỵ":
        before = unicodedata.normalize("NFD", word[-2])[0]
        if before.isalpha() and before not in VOWELS:
            return word[:-1] + word[-1].translate(_Y_TO_I)
    return word


@lru_cache(maxsize=65536)
def _canonical_word(word: str) -> str:
    return _unify_y(_retone_word(word).casefold())


def canonical(s: str) -> str:
    """The form two strings are compared in: NFC, old tone style, case-folded, y/i unified."""
    return LETTERS.sub(lambda m: _canonical_word(m.group()), nfc(s).casefold())


@lru_cache(maxsize=65536)
def _strip_marks(s: str) -> str:
    decomposed = unicodedata.normalize("NFD", s)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("đ", "d").replace("Đ", "D")


def fold(s: str) -> str:
    """Canonical form without any diacritics (đ → d), for queries typed without marks."""
    return _strip_marks(canonical(s))


def has_diacritics(s: str) -> bool:
    """True when any letter carries a Vietnamese mark or is đ; decides how a query is matched."""
    return "đ" in s.lower() or any(unicodedata.combining(ch) for ch in unicodedata.normalize("NFD", s))


# ---------------------------------------------------------------- tokens


def _number_token(token: str) -> str:
    """Zero padding dropped, so "số 09" and "số 9" share a token; "0" and "0,5" are kept."""
    return re.sub(r"^0+(?=\d)", "", token)


def syllables(s: str) -> list[str]:
    """Canonical words in order: one-letter syllables, codes ("v05") and numbers ("2.250", "7,39")."""
    return [_number_token(t) if t[0].isdigit() else t for t in TOKEN.findall(canonical(s))]


@lru_cache(maxsize=1)
def _abbreviation_table() -> tuple[dict[str, tuple[str, ...]], dict[str, list[tuple[tuple[str, ...], str]]]]:
    """Short code → long syllables; folded first syllable → (folded long form, code), shortest first."""
    short_to_long = {canonical(short): tuple(syllables(long)) for short, long in ABBREVIATIONS.items()}
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for short, long in sorted(short_to_long.items(), key=lambda kv: len(kv[1])):
        folded = tuple(map(_strip_marks, long))
        by_first.setdefault(folded[0], []).append((folded, short))
    return short_to_long, by_first


@lru_cache(maxsize=1)
def _abbreviation_pattern() -> re.Pattern[str]:
    shorts = sorted(ABBREVIATIONS, key=len, reverse=True)
    return re.compile(rf"(?<![^\W_])({'|'.join(map(re.escape, shorts))})(?![^\W_])", re.IGNORECASE)


def expand_abbreviations(s: str) -> str:
    """Add the long form after every short one: "ANTQ" → "ANTQ (an ninh Tổ quốc)".

    For display and for the embedding side; BM25 matches both forms through ``bm25_tokens``.
    """
    long_of = {canonical(short): long for short, long in ABBREVIATIONS.items()}
    return _abbreviation_pattern().sub(lambda m: f"{m.group()} ({long_of[canonical(m.group())]})", s)


def _abbreviated(words: list[str]) -> list[str]:
    """Every abbreviation, short or long, as its short code: "bảo vệ ANTQ" == "bảo vệ an ninh Tổ quốc".

    Codes are spelled out first, then the shortest long form at each position is folded back,
    so "MTTQ Việt Nam", "MTTQVN" and "Mặt trận Tổ quốc Việt Nam" all read "mttq việt nam".
    Long forms are compared folded, so "mat tran to quoc" typed without marks is found too.
    """
    short_to_long, by_first = _abbreviation_table()
    long = [part for w in words for part in short_to_long.get(w, (w,))]
    folded = [_strip_marks(w) for w in long]
    out: list[str] = []
    i = 0
    while i < len(long):
        for phrase, short in by_first.get(folded[i], ()):
            if tuple(folded[i:i + len(phrase)]) == phrase:
                out.append(short)
                i += len(phrase)
                break
        else:
            out.append(long[i])
            i += 1
    return out


def _bigrams(tokens: list[str]) -> list[str]:
    return [f"{a}_{b}" for a, b in itertools.pairwise(tokens)]


def _bm25_key(token: str) -> str:
    """Thousands dots dropped from numbers ("2.250" → "2250") so a query may write either."""
    return token.replace(".", "") if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", token) else token


def bm25_tokens(s: str) -> list[str]:
    """Syllables and syllable bigrams, then the same folded (prefixed "~").

    Abbreviations become one shared code either way they are written; spelling the short
    forms out instead ranked worse on the seeds (one "MTTQ" in a query became a dozen
    tokens). The folded copies live in their own namespace, so a token counts twice when
    the marks agree and once when only the folded forms do: an exact match outranks
    "năm" ↔ "nam", and a syllable without marks ("an") weighs as much as one with them.
    """
    words = _abbreviated([_bm25_key(t) for t in syllables(s)])
    tokens = words + _bigrams(words)
    return tokens + [FOLDED_PREFIX + _strip_marks(t) for t in tokens]


def query_tokens(s: str) -> list[str]:
    """BM25 tokens of a question; one typed without any diacritics uses only the folded side."""
    tokens = bm25_tokens(s)
    if has_diacritics(s):
        return tokens
    return [t for t in tokens if t.startswith(FOLDED_PREFIX)]


def answer_key(s: str) -> str:
    """The eval contract's comparison form: tones normalised, case-folded, number separators dropped."""
    key = re.sub(r"(?<=\d)[.,](?=\d)", "", canonical(s))
    return re.sub(r"\s+", " ", key).strip()


# ---------------------------------------------------------------- sentences

TERMINATORS = ".!?…;"
CLOSERS = "\"'”’)]»"
OPEN_QUOTES = {"“": "”", '"': '"', "«": "»"}
QUOTATION_REACH = 300
"""Characters searched for the mark that closes a quotation ("“...”") inside a sentence: a terminator
within the quotation does not end the sentence. Not the length of an answer's quote (``kinds.MAX_QUOTE``)."""
_ABBREV_WORD = re.compile(
    r"(?:^|(?<=[\s(]))(?:TP|Tp|TX|Tx|ThS|TS|PGS|GS|BS|KS|CN|Th\.S|v\.v|St|Đ/c|đ/c|Mr|Mrs|Dr|No|tr|[A-ZĐ])\.$")


def _closing_quote(text: str, i: int, end: int) -> int | None:
    """Position of the quote that closes the one at ``i`` on the same line, if any."""
    limit = min(end, i + QUOTATION_REACH)
    j = text.find(OPEN_QUOTES[text[i]], i + 1, limit)
    newline = text.find("\n", i + 1, limit)
    return j if j >= 0 and (newline < 0 or j < newline) else None


def _next_visible(text: str, j: int, end: int) -> str:
    while j < end and text[j] in " \t\u00a0":
        j += 1
    return text[j] if j < end else ""


def _is_boundary(text: str, start: int, end: int, i: int, j: int) -> bool:
    """Whether the terminator run ``text[i:j]`` ends a sentence."""
    mark = text[i]
    after = text[j] if j < end else ""
    if mark == "." and j == i + 1 and i > start and text[i - 1].isdigit() and after.isdigit():
        return False  # 2.250, 11.03.2019, 4.0
    if mark == "." and _ABBREV_WORD.search(text, max(start, i - 6), i + 1):
        return False
    nxt = _next_visible(text, j, end)
    if mark == ";":
        return after.isspace() and (nxt.isalpha() or nxt in ("", "\n"))  # not in a list of “names”
    if not after or after.isspace():
        return not nxt.islower()
    return i > start and text[i - 1].islower() and after.isupper()  # "nghị.Hội"


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]``, as offsets into ``text``, whitespace trimmed.

    Splits after . ! ? … ; and at line breaks; never inside numbers ("2.250", "11.03.2019",
    "4.0"), after abbreviations ("TP."), inside “quotes” on one line, or before a
    lower-case word ("…được"); also where a full stop lacks its space ("nghị.Hội").
    """
    end = len(text) if end is None else min(end, len(text))
    start = max(0, min(start, end))
    spans: list[tuple[int, int]] = []
    cursor = i = start
    while i < end:
        ch = text[i]
        if ch in OPEN_QUOTES and (close := _closing_quote(text, i, end)) is not None:
            i = close + 1
            if text[close - 1] in TERMINATORS and _is_boundary(text, start, end, close - 1, i):
                _add_span(text, cursor, i, spans)
                cursor = i
            continue
        if ch == "\n":
            _add_span(text, cursor, i, spans)
            cursor = i = i + 1
            continue
        if ch not in TERMINATORS:
            i += 1
            continue
        j = i + 1
        while j < end and (text[j] in TERMINATORS.replace(";", "") + CLOSERS or text.startswith("/.", j)):
            j += 2 if text[j] == "/" else 1
        if _is_boundary(text, start, end, i, j):
            _add_span(text, cursor, j, spans)
            cursor = j
        i = j
    _add_span(text, cursor, end, spans)
    return spans


def _add_span(text: str, a: int, b: int, spans: list[tuple[int, int]]) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if any(ch.isalnum() for ch in text[a:b]):
        spans.append((a, b))
