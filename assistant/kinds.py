"""The question kinds, in one table: how each is recognised, what can answer it, how it is quoted.

Every rule about one kind lives in its ``KindSpec`` entry of ``KINDS``; the question analyser,
the candidate finder, the features and the composer all read the table and none keeps a rule
of its own. Adding a kind is one entry (and its name in ``Kind``).

- **Recognised** by ``cues``: patterns on the question lower-cased without marks, each with a
  precedence; the first matching cue over all kinds (lowest precedence number) decides, so "tỷ
  lệ … bao nhiêu" is a rate before it is a count, and "ngày bao nhiêu" a date.
- **Answered** by what ``find`` returns for a sentence: ``Answerable`` spans (a figure, a person,
  a quoted name, or, for kinds without a typed answer, the clause that says most about the
  question), each with ``fits``: the old gate of the kind ("a number next to the asked noun", "the
  holder of the asked office"), now one 0/1 feature of the learned scorer, never a filter.
- **Rendered** by ``shape``: a ``figure`` is quoted with the clause that gives it, each figure of
  a sentence a candidate of its own, and a competing figure cited beside it; a ``name`` or a
  ``clause`` is quoted with the clause around its anchor.
- **Verified** by ``verify``: the quote must hold the answer it was chosen for (the figure, the
  name, the clause's words), besides the checks every claim passes (it lies in its cited sentence,
  and every number of the rendered line is the report's).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from assistant.glossary import expand_english
from assistant.numbers import Quantity
from assistant.people import Role, asked_role, holder_near_role, person_spans
from assistant.text import PHRASE_REACH, canonical, fold, nfc, quotes, syllables

if TYPE_CHECKING:
    from assistant.question import Question

Kind = Literal["count", "rate", "who", "when", "where", "which_model", "yesno", "other"]
Shape = Literal["figure", "name", "clause"]

COUNT_QUANTITIES = frozenset({"count", "money", "vague"})
"""numbers.py kinds that answer "how many" ("hàng ngàn" and money too)."""
RATE_QUANTITIES = frozenset({"percent", "ratio"})
TIME_QUANTITIES = frozenset({"date", "year", "year_range"})
DOCUMENT_DATE = re.compile(r"\bsố\s*\d[^\s,]*,?\s*(?:ngày\s*)?$", re.IGNORECASE)
"""A date right after a document number ("số 09/CTr-BCA-MTTW ngày 01/8/2013") dates the document."""
ABOUT_DOCUMENT = re.compile(r"chương trình|chuong trinh|programme|program|\bsố\b|\bso\b|ký|ban hành|ban hanh|"
                            r"\bsigned\b|\bissued\b", re.IGNORECASE)
ABOUT_EVENT = re.compile(r"hội nghị|hoi nghi|conference|meeting", re.IGNORECASE)
ABOUT_PERIOD = re.compile(r"giai đoạn|giai doan|thời gian|thoi gian|bao lâu|bao lau|những năm|nhung nam|từ năm|"
                          r"tu nam|period|\byears\b|how long|span", re.IGNORECASE)
CLAUSE = re.compile(r"[^,;:]+")
CLAUSE_CACHE = 16384
"""Sentences whose clauses stay split into words (a question looks at about forty)."""


@dataclass(frozen=True)
class Asked:
    """What the answer layer needs of a question, worked out once per question."""

    kind: Kind
    lang: str
    text: str
    words: frozenset[str]
    """Canonical syllables of the question and, for English, of its glossary expansion."""
    focus: tuple[str, ...]
    """The asked nouns, canonical ("mô hình")."""
    role: Role | None
    """The office a "who" question asks about."""
    about_document: bool
    about_period: bool

    @property
    def spec(self) -> KindSpec:
        return KINDS[self.kind]


def asked(q: Question) -> Asked:
    text = q.text + (" " + expand_english(q.text) if q.lang == "en" else "")
    return Asked(kind=q.kind, lang=q.lang, text=q.text, words=frozenset(syllables(text)),
                 focus=tuple(canonical(f) for f in q.focus_terms),
                 role=asked_role(text) if q.kind == "who" else None,
                 about_document=ABOUT_DOCUMENT.search(q.text) is not None and not ABOUT_EVENT.search(q.text),
                 about_period=ABOUT_PERIOD.search(q.text) is not None)


@dataclass(frozen=True)
class Answerable:
    """What a sentence offers as the answer: ``[start, end)`` in the report text."""

    start: int
    end: int
    quantity: Quantity | None = None
    fits: bool = True
    """The kind's old gate held: the asked noun's figure, the asked office's holder, a quoted name."""


Finder = Callable[[Asked, str, int, int, Sequence[Quantity]], list[Answerable]]
"""``find(asked, text, start, end, quantities)``: the answers of sentence ``text[start:end]``, whose
figures (offsets into ``text``) are ``quantities``; [] when it offers none of the kind."""


@dataclass(frozen=True)
class KindSpec:
    name: Kind
    cues: tuple[tuple[int, str], ...]
    shape: Shape
    find: Finder
    verify: Callable[[str, str], bool]
    """``verify(quote, answer_text)``: the rendered quote holds the answer it was chosen for."""


# ---------------------------------------------------------------- what answers each kind


def focus_in(focus: Sequence[str], unit: str) -> bool:
    """Whether a figure's noun is the asked one.

    The asked noun's head stands among the figure's first words ("người" in "lượt người",
    "tin" in "lượt tin"), or the figure's noun starts the asked one ("10 loại" for "loại mô
    hình"). Compared folded, so "loai" typed without marks is "loại".
    """
    words = folded_words(unit)
    for f in focus:
        asked_words = folded_words(f)
        if asked_words and words and (asked_words[0] in words[:3] or asked_words[:len(words)] == words):
            return True
    return False


@lru_cache(maxsize=CLAUSE_CACHE)
def folded_words(phrase: str) -> list[str]:
    """A phrase's words lower-cased without marks (cached: units and asked nouns recur)."""
    return fold(phrase).lower().split()


def _figures(quantities: Sequence[Quantity], kinds: frozenset[str]) -> list[Quantity]:
    return [x for x in quantities if x.kind in kinds]


def _count(a: Asked, text: str, start: int, end: int, quantities: Sequence[Quantity]) -> list[Answerable]:
    return [Answerable(x.start, x.end, x, not a.focus or focus_in(a.focus, x.unit or ""))
            for x in _figures(quantities, COUNT_QUANTITIES)]


def _rate(a: Asked, text: str, start: int, end: int, quantities: Sequence[Quantity]) -> list[Answerable]:
    return [Answerable(x.start, x.end, x) for x in _figures(quantities, RATE_QUANTITIES)]


def time_fits(a: Asked, text: str, x: Quantity) -> bool:
    """Whether a date, year or period can answer the "when" asked.

    A document's own date answers only a question about the document, and a period
    ("2013 – 2023") only a question asking for a period.
    """
    if x.kind == "year_range":
        return a.about_period
    return a.about_document or not DOCUMENT_DATE.search(text[max(0, x.start - PHRASE_REACH):x.start])


def _when(a: Asked, text: str, start: int, end: int, quantities: Sequence[Quantity]) -> list[Answerable]:
    return [Answerable(x.start, x.end, x, time_fits(a, text, x)) for x in _figures(quantities, TIME_QUANTITIES)]


def _who(a: Asked, text: str, start: int, end: int, quantities: Sequence[Quantity]) -> list[Answerable]:
    body = text[start:end]
    holder = holder_near_role(a.role, body) if a.role else None
    if holder:
        return [Answerable(start + holder[0], start + holder[1])]
    return [Answerable(start + s, start + e, fits=a.role is None) for s, e in person_spans(body)[:1]]


def _which_model(a: Asked, text: str, start: int, end: int, quantities: Sequence[Quantity]) -> list[Answerable]:
    names = list(quotes(text, start, end))
    if not names:
        return []
    best = max(names, key=lambda q: (len(_words(q.name) & a.words), -q.start))
    return [Answerable(best.start, best.end)]


@lru_cache(maxsize=CLAUSE_CACHE)
def _words(phrase: str) -> frozenset[str]:
    return frozenset(syllables(phrase))


def best_clause(a: Asked, text: str, start: int, end: int) -> tuple[int, int]:
    """The comma-, semicolon- or colon-delimited part of a sentence sharing most words with the question."""
    best, best_hits = (start, start), -1
    for s, e, words in _clauses(text[start:end]):
        hits = len(words & a.words)
        if hits > best_hits:
            best, best_hits = (start + s, start + e), hits
    return best


@lru_cache(maxsize=CLAUSE_CACHE)
def _clauses(sentence: str) -> tuple[tuple[int, int, frozenset[str]], ...]:
    return tuple((m.start(), m.end(), frozenset(syllables(m.group()))) for m in CLAUSE.finditer(sentence))


def _clause(a: Asked, text: str, start: int, end: int, quantities: Sequence[Quantity]) -> list[Answerable]:
    return [Answerable(*best_clause(a, text, start, end))]


def _holds(quote: str, answer: str) -> bool:
    """The quote holds the answer as written (a figure, a name)."""
    return bool(answer.strip()) and answer.strip() in quote


def shares(quote: str, answer: str) -> bool:
    """The quote shares a word with the clause it was cut around (a long clause may be shortened)."""
    return bool(set(syllables(quote)) & set(syllables(answer)))


# ---------------------------------------------------------------- how an answer is quoted

MAX_QUOTE = 260
"""Characters of a quoted clause, about two lines of the chat: a long sentence is cut at clause marks."""
CLAUSE_BREAKS = ";:"


def clause_around(text: str, s_start: int, s_end: int, a_start: int, a_end: int,
                  max_len: int = MAX_QUOTE) -> tuple[int, int]:
    """The clause of sentence [s_start, s_end) that holds [a_start, a_end), at most about ``max_len``.

    Clauses end at ; and : first; when that is still too long, at commas near the anchor.
    """
    start, end = s_start, s_end
    for breaks in (CLAUSE_BREAKS, CLAUSE_BREAKS + ","):
        if end - start <= max_len:
            break
        left = max((text.rfind(b, start, a_start) for b in breaks), default=-1)
        right = [i for i in (text.find(b, a_end, end) for b in breaks) if i >= 0]
        if left >= start and a_end - left <= max_len:
            start = left + 1
        if right and min(right) - start <= max_len:
            end = min(right)
    if end - start > max_len:
        start = max(start, a_start - max_len // 2)
        end = min(end, max(a_end, start + max_len))
    while start < end and (text[start].isspace() or text[start] in ",;:."):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


def figure_span(text: str, s_start: int, s_end: int, figures: Sequence[Quantity], x: Quantity) -> tuple[int, int]:
    """The part of sentence [s_start, s_end) that gives figure ``x`` when it gives several ``figures``.

    "xây dựng … 70 mô hình, duy trì và củng cố hơn 1.000 mô hình …" is cut at the comma
    between the figures, so each figure is quoted with its own verb.
    """
    start, end = s_start, s_end
    for other in figures:
        if other.end <= x.start:
            cut = max(text.rfind(b, other.end, x.start) for b in CLAUSE_BREAKS + ",")
            start = max(start, cut + 1) if cut >= 0 else start
        elif other.start >= x.end:
            cuts = [i for i in (text.find(b, x.end, other.start) for b in CLAUSE_BREAKS + ",") if i >= 0]
            end = min(end, min(cuts)) if cuts else end
    return clause_around(text, start, end, x.start, x.end)


# ---------------------------------------------------------------- the table

KINDS: dict[Kind, KindSpec] = {spec.name: spec for spec in (
    KindSpec("rate", ((10, r"\bt[yi] le\b|phan tram|\brate\b|percent|proportion|\bshare\b|%"),),
             "figure", _rate, _holds),
    KindSpec("when", ((20, r"\b(?:ngay|thang|nam) (?:bao nhieu|may)\b"),
                      (70, (r"khi nao|luc nao|bao gio|thoi gian nao|(?:ngay|thang|nam) nao|\bwhen\b|"
                           r"(?:what|which) (?:date|year|day)"))),
             "figure", _when, _holds),
    KindSpec("count", ((30, r"bao nhieu|\bmay\b|so luong|tong so|how many|how much|number of|\bcount\b"),),
             "figure", _count, _holds),
    KindSpec("who", ((40, (r"\bai\b|\bwho\b|\bwhom\b|\bwhose\b|nguoi nao|vi nao|dong chi nao|ong nao|ba nao|"
                          r"ten la gi")),),
             "name", _who, _holds),
    KindSpec("which_model", ((50, (r"mo hinh (?:nao|gi)|(?:nhung|cac) mo hinh|mo hinh (?:tieu bieu|dien hinh)|"
                                  r"ke ten|(?:which|what) (?:\w+ )?models?\b|name (?:the |some )?\w*\s*models?|"
                                  r"typical models?|examples? of models?")),),
             "name", _which_model, _holds),
    KindSpec("where", ((60, (r"\b(?:o|tai) dau\b|\bdau\s*\??\s*$|(?:huyen|tinh|xa|dia phuong|noi) nao|\bwhere\b|"
                            r"(?:which|what) (?:province|district)")),),
             "clause", _clause, shares),
    KindSpec("yesno", ((80, (r"\bco\b.*\bkhong\s*\??\s*$|phai khong|dung khong|\bchua\s*\??\s*$|"
                            r"^(?:is|are|did|does|do|was|were|has|have|had|can|could)\b")),),
             "clause", _clause, shares),
    KindSpec("other", (), "clause", _clause, shares),
)}
"""Every question kind; ``other`` (no cue) is what a question is when no cue matches."""

_CUES = sorted(((precedence, re.compile(pattern), spec.name) for spec in KINDS.values()
                for precedence, pattern in spec.cues), key=lambda c: c[0])


def plain(text: str) -> str:
    """Lower case without marks, the same length as the NFC text (so offsets carry over)."""
    return "".join(f if len(f := fold(ch)) == 1 else ch for ch in nfc(text).lower())


def detect_kind(text: str) -> Kind:
    """The kind of the first cue (by precedence) found in the question; ``other`` for none."""
    folded = plain(text)
    return next((kind for _, pattern, kind in _CUES if pattern.search(folded)), "other")


def answers(a: Asked, text: str, start: int, end: int, quantities: Sequence[Quantity]) -> list[Answerable]:
    """What sentence ``text[start:end]`` offers as answers to ``a`` (see ``KindSpec.find``)."""
    return KINDS[a.kind].find(a, text, start, end, quantities)
