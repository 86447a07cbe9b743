"""Vietnamese text normalisation: the one place that decides when two strings match.

Documents, queries and gazetteer entries all pass through the same functions: NFC, tone
marks re-placed in the old style (the seeds mix "Uỷ" and "Ủy"), a case-folded canonical
form, a diacritic-folded form (đ → d) for queries typed without marks, and BM25 tokens
that keep one-letter syllables and numbers.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

TONES = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook above, dot below
QUALITY = "\u0302\u0306\u031b"  # circumflex, breve, horn
VOWELS = set("aeiouy")
WORD = re.compile(r"\d+(?:[.,]\d+)*%?|[^\W\d_]+", re.UNICODE)

ABBREVIATIONS: dict[str, str] = {
    "ANTQ": "an ninh Tổ quốc",
    "ANTT": "an ninh trật tự",
    "MTTQVN": "Mặt trận Tổ quốc Việt Nam",
    "MTTQ": "Mặt trận Tổ quốc",
    "UBND": "Ủy ban nhân dân",
    "HĐND": "Hội đồng nhân dân",
    "CAND": "Công an nhân dân",
    "BCA": "Bộ Công an",
    "BCĐ": "Ban Chỉ đạo",
    "CCB": "Cựu chiến binh",
    "ANND": "an ninh nhân dân",
    "QPTD": "quốc phòng toàn dân",
    "TNXH": "tệ nạn xã hội",
    "KDC": "khu dân cư",
}
"""Domain abbreviations; short ambiguous codes (TT, TP, CA, UB) are deliberately absent."""


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def _retone_word(word: str) -> str:
    """Put the tone mark of one syllable where the old style puts it."""
    decomposed = unicodedata.normalize("NFD", word)
    tone = next((ch for ch in decomposed if ch in TONES), None)
    if tone is None:
        return word
    bare = decomposed.replace(tone, "")
    letters: list[str] = []  # base letter plus its quality marks, one entry per letter
    for ch in bare:
        if unicodedata.combining(ch) and letters:
            letters[-1] += ch
        else:
            letters.append(ch)
    lower = [unicodedata.normalize("NFD", x)[0].lower() for x in letters]
    start = 0
    if len(lower) >= 2 and lower[0] == "q" and lower[1] == "u":
        start = 2
    elif len(lower) >= 3 and lower[0] == "g" and lower[1] == "i" and lower[2] in VOWELS:
        start = 2
    while start < len(lower) and lower[start] not in VOWELS:
        start += 1
    end = start
    while end < len(lower) and lower[end] in VOWELS:
        end += 1
    if start == end:
        return word
    nucleus = list(range(start, end))
    marked = [i for i in nucleus if any(m in letters[i] for m in QUALITY)]
    if marked:
        target = marked[-1]
    elif end < len(lower):  # a final consonant: the last vowel carries the tone
        target = nucleus[-1]
    elif len(nucleus) == 3:
        target = nucleus[1]
    else:
        target = nucleus[0]
    letters[target] += tone
    return nfc("".join(letters))


@lru_cache(maxsize=65536)
def _retone_cached(word: str) -> str:
    return _retone_word(word)


def retone(s: str) -> str:
    """Re-place tone marks in the old style ("Uỷ" → "Ủy", "hoà" → "hòa"); idempotent."""
    s = nfc(s)
    return re.sub(r"[^\W\d_]+", lambda m: _retone_cached(m.group()), s)


_Y_TO_I = {"ý": "í", "ỳ": "ì", "ỷ": "ỉ", "ỹ": "ĩ", "ỵ": "ị", "y": "i"}


def _unify_y(word: str) -> str:
    """consonant + single final y ↔ i (tỷ/tỉ, sỹ/sĩ); never quy, uy, ay or a lone ý."""
    if len(word) >= 2 and word[-1] in _Y_TO_I and word[-2] not in "aăâeêioôơuưy" \
            and unicodedata.normalize("NFD", word[-2])[0] not in "aeiouy" and word[-2].isalpha():
        return word[:-1] + _Y_TO_I[word[-1]]
    return word


def canonical(s: str) -> str:
    """The form two strings are compared in: NFC, old tone style, case-folded, y/i unified."""
    folded = retone(s).casefold()
    return re.sub(r"[^\W\d_]+", lambda m: _unify_y(m.group()), folded)


def fold(s: str) -> str:
    """Canonical form without any diacritics (đ → d), for queries typed without marks."""
    decomposed = unicodedata.normalize("NFD", canonical(s))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.replace("đ", "d").replace("Đ", "D")


def has_diacritics(s: str) -> bool:
    return any(unicodedata.combining(ch) for ch in unicodedata.normalize("NFD", s)) or "đ" in s.lower()


def syllables(s: str) -> list[str]:
    """Canonical words, one-letter syllables and numbers ("2.250", "7,39%") included."""
    return [_number_token(t) if t[0].isdigit() else t for t in WORD.findall(canonical(s))]


def _number_token(token: str) -> str:
    """Zero padding dropped, so "số 09" and "số 9" share a token."""
    stripped = token.lstrip("0")
    return stripped if stripped and stripped[0].isdigit() else (token if not stripped else "0" + stripped)


@lru_cache(maxsize=1)
def _abbreviation_patterns() -> tuple[list[tuple[re.Pattern, str]], list[tuple[re.Pattern, str]]]:
    short_to_long = [(re.compile(rf"(?<![\w]){re.escape(short)}(?![\w])"), long)
                     for short, long in ABBREVIATIONS.items()]
    long_to_short = [(re.compile(rf"(?<![\w]){re.escape(canonical(long))}(?![\w])"), short.lower())
                     for short, long in sorted(ABBREVIATIONS.items(), key=lambda kv: -len(kv[1]))]
    return short_to_long, long_to_short


def expand_abbreviations(s: str) -> str:
    """Append the long form of every abbreviation and the short form of every long form found."""
    short_to_long, long_to_short = _abbreviation_patterns()
    extra = [long for pattern, long in short_to_long if pattern.search(s)]
    low = canonical(s)
    extra += [short for pattern, short in long_to_short if pattern.search(low)]
    return s if not extra else s + " " + " ".join(extra)


def _bigrams(tokens: list[str]) -> list[str]:
    return [f"{a}_{b}" for a, b in zip(tokens, tokens[1:])]


def bm25_tokens(s: str) -> list[str]:
    """Syllables, syllable bigrams and their folded copies, abbreviations expanded both ways."""
    words = syllables(expand_abbreviations(s))
    folded = [fold(t) for t in words]
    return words + _bigrams(words) + ["~" + t for t in folded] + ["~" + t for t in _bigrams(folded)]


def query_tokens(s: str) -> list[str]:
    """BM25 tokens of a question; one typed without any diacritics uses only the folded side."""
    tokens = bm25_tokens(s)
    if has_diacritics(s):
        return tokens
    return [t for t in tokens if t.startswith("~")]


def answer_key(s: str) -> str:
    """The eval contract's comparison form: tones normalised, case-folded, number separators dropped."""
    key = canonical(s)
    key = re.sub(r"(?<=\d)[.,](?=\d)", "", key)
    return re.sub(r"\s+", " ", key).strip()


_ABBREV_DOT = re.compile(r"(?:TP|Tp|ThS|TS|PGS|GS|Th\.S|St|v\.v)\.$")


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]``, as offsets into ``text``, whitespace trimmed.

    Splits after . ! ? … and at line breaks, never inside numbers ("2.250", "11.03.2019",
    "4.0"), and also where a full stop lacks its space ("nghị.Hội").
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    cursor = start
    i = start
    while i < end:
        ch = text[i]
        boundary = False
        if ch == "\n" or ch in "!?…":
            boundary = True
        elif ch == ".":
            nxt = text[i + 1] if i + 1 < end else " "
            prev = text[i - 1] if i > start else " "
            if nxt.isspace() or nxt in "\"'”)/.":
                boundary = not _ABBREV_DOT.search(text[max(start, i - 5):i + 1])
            elif nxt.isupper() and prev.islower():
                boundary = True
        if boundary:
            while i + 1 < end and text[i + 1] in ".!?…/\"'”)" and ch != "\n":
                i += 1
            _add_span(text, cursor, i + 1, spans)
            cursor = i + 1
        i += 1
    _add_span(text, cursor, end, spans)
    return spans


def _add_span(text: str, a: int, b: int, spans: list[tuple[int, int]]) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a and any(ch.isalnum() for ch in text[a:b]):
        spans.append((a, b))
