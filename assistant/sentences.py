"""Score the sentences of retrieved passages as answers to an analysed question.

A sentence scores by the weighted share of the question's words it contains, the rank of
its passage, and whether it carries the kind of answer asked for (a number next to the
asked-about noun, a date, a person, a quoted model name).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from assistant.numbers import Quantity, find_numbers
from assistant.people import Role, asked_role, holder_near_role, person_spans
from assistant.question import Question, expand_english
from assistant.retrieve import Hit
from assistant.store import IndexData
from assistant.text import FOLDED_PREFIX, canonical, fold, sentences, syllables

QUESTION_WORDS = {
    "bao", "nhiêu", "gì", "nào", "ai", "đâu", "sao", "mấy", "không", "thì", "còn", "là", "có", "được",
    "của", "và", "các", "những", "hãy", "cho", "biết", "hay", "ở", "về", "trong", "với", "khi", "lúc",
    "how", "many", "much", "what", "who", "whom", "when", "where", "which", "did", "does", "do", "is", "are",
    "was", "were", "the", "a", "an", "of", "in", "on", "at", "to", "for", "by", "with", "and", "or", "it",
    "its", "their", "there", "that", "this", "as", "from", "has", "have", "had", "be", "been", "according",
    "report", "reports", "province", "say", "says", "tell", "me", "number", "total", "name", "named",
}
COUNT_KINDS = {"count", "money", "vague"}
UNKNOWN_ENGLISH_WEIGHT = 0.5
"""An English word the glossary does not translate is only half evidence that a sentence misses it."""
DOCUMENT_DATE = re.compile(r"\bsố\s*\d[^\s,]*,?\s*(?:ngày\s*)?$", re.IGNORECASE)
"""A date right after a document number ("số 09/CTr-BCA-MTTW ngày 01/8/2013") dates the document."""
ABOUT_DOCUMENT = re.compile(r"chương trình|chuong trinh|programme|program|\bsố\b|\bso\b|ký|ban hành|ban hanh|"
                            r"\bsigned\b|\bissued\b", re.IGNORECASE)
ABOUT_EVENT = re.compile(r"hội nghị|hoi nghi|conference|meeting", re.IGNORECASE)
ABOUT_PERIOD = re.compile(r"giai đoạn|giai doan|thời gian|thoi gian|bao lâu|bao lau|những năm|nhung nam|từ năm|"
                          r"tu nam|period|\byears\b|how long|span", re.IGNORECASE)
REPORT_CACHE = 1024
"""Reports whose sentences and numbers stay computed: bounded, so a long-running server over a
large corpus does not end up holding every report's sentences."""
QUOTED = re.compile(r"[“\"]([^”\"]{3,120})[”\"]")


@dataclass
class Candidate:
    """A sentence of a report that might answer; offsets index the report text."""

    doc_id: str
    start: int
    end: int
    score: float
    lex: float
    fits: bool
    rank: int
    quantities: list[Quantity] = field(default_factory=list)


@dataclass(frozen=True)
class QuestionTerms:
    tokens: tuple[str, ...]
    weights: dict[str, float]
    folded: bool
    focus: tuple[str, ...]
    role: Role | None
    numbers: frozenset[int]
    """Numbers the question names ("chương trình số 38"): a report without them cannot answer."""


class SentenceScorer:
    DEFAULT_THRESHOLD = 0.45
    WEIGHTS = {"lex": 0.6, "prior": 0.2, "fit": 0.2}

    def __init__(self, data: IndexData) -> None:
        self.data = data
        self.report_numbers = lru_cache(maxsize=REPORT_CACHE)(self._report_numbers)
        self.report_sentences = lru_cache(maxsize=REPORT_CACHE)(self._report_sentences)

    def mentions_year(self, doc_id: str, year: int) -> bool:
        """Whether a report is about ``year``: dated in it or naming it."""
        report = self.data.reports[doc_id]
        if str(report.meta.get("date") or "").startswith(str(year)):
            return True
        return re.search(rf"(?<!\d){year}(?!\d)", report.text) is not None

    def _report_numbers(self, doc_id: str) -> frozenset[int]:
        """Every whole number written in a report ("09" and "9" alike)."""
        return _whole_numbers(self.data.reports[doc_id].text)

    def _report_sentences(self, doc_id: str) -> list[tuple[int, int]]:
        """Sentences of the report's content (the text its chunks cover), never of its boilerplate."""
        text = self.data.reports[doc_id].text
        return [span for start, end in self._content(doc_id) for span in sentences(text, start, end)]

    def _content(self, doc_id: str) -> list[tuple[int, int]]:
        rows = self.data.chunks.rows_of(doc_id)
        spans = self.data.chunks.columns[rows.start:rows.stop, 1:3].tolist()
        merged: list[tuple[int, int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        return merged

    def terms(self, q: Question) -> QuestionTerms:
        """Content words of the question in the space its sentences are compared in."""
        folded = q.lang == "vi_nodiac"
        text = q.text + (" " + expand_english(q.text) if q.lang == "en" else "")
        places = {fold(w) for name in q.provinces for w in syllables(name)}
        tokens = [t for t in syllables(text) if t not in QUESTION_WORDS and fold(t) not in QUESTION_WORDS
                  and fold(t) not in places]
        if folded:
            tokens = [fold(t) for t in tokens]
        tokens = list(dict.fromkeys(tokens))
        keys = [FOLDED_PREFIX + t if folded else t for t in tokens]
        idf = self.data.lexical.idf(keys)
        weights = {t: idf[k] * (UNKNOWN_ENGLISH_WEIGHT if q.lang == "en" and not self.data.lexical.knows(k) else 1.0)
                   for t, k in zip(tokens, keys)}
        focus = tuple(canonical(f) for f in q.focus_terms)
        numbers = _whole_numbers(q.text) - ({q.year} if q.year else set())
        return QuestionTerms(tuple(tokens), weights, folded, focus, question_role(q), numbers)

    def candidates(self, q: Question, hits: list[Hit], year: int | None = None) -> list[Candidate]:
        terms = self.terms(q)
        out: dict[tuple[str, int], Candidate] = {}
        for rank, hit in enumerate(hits):
            chunk = self.data.chunks[hit.chunk]
            text = self.data.reports[chunk.doc_id].text
            for start, end in self.report_sentences(chunk.doc_id):
                if end <= chunk.start or start >= chunk.end or (chunk.doc_id, start) in out:
                    continue
                out[(chunk.doc_id, start)] = self._score(q, terms, chunk.doc_id, text, start, end, rank, year)
        return sorted(out.values(), key=lambda c: (-c.score, c.rank, c.start))

    def _score(self, q: Question, terms: QuestionTerms, doc_id: str, text: str, start: int, end: int,
               rank: int, year: int | None) -> Candidate:
        sentence = text[start:end]
        words = _sentence_tokens(sentence, terms.folded)
        total = sum(terms.weights.values()) or 1.0
        lex = sum(w for t, w in terms.weights.items() if t in words) / total
        quantities = [_shift(x, start) for x in find_numbers(sentence)]
        fit = _fit(q, terms, text, sentence, quantities)
        prior = 1.0 / (1 + rank)
        score = self.WEIGHTS["lex"] * lex + self.WEIGHTS["prior"] * prior + self.WEIGHTS["fit"] * fit
        if year and str(year) in sentence:
            score += 0.05
        fits = fit == 1.0 and lex > 0 and (not year or self.mentions_year(doc_id, year)) and \
            terms.numbers <= self.report_numbers(doc_id)
        return Candidate(doc_id, start, end, score, lex, fits, rank, quantities)


def question_role(q: Question) -> Role | None:
    """The office a "who" question asks about, English read through the glossary."""
    if q.kind != "who":
        return None
    return asked_role(q.text + (" " + expand_english(q.text) if q.lang == "en" else ""))


def _whole_numbers(text: str) -> frozenset[int]:
    return frozenset(int(d) for d in re.findall(r"(?<![\d.,])\d+(?![\d]|[.,]\d)", text))


def _shift(x: Quantity, offset: int) -> Quantity:
    return Quantity(start=x.start + offset, end=x.end + offset, text=x.text, value=x.value, kind=x.kind,
                    qualifier=x.qualifier, unit=x.unit)


@lru_cache(maxsize=4096)
def _sentence_tokens(sentence: str, folded: bool) -> frozenset[str]:
    tokens = syllables(sentence)
    return frozenset(fold(t) for t in tokens) if folded else frozenset(tokens)


def focus_in(focus: tuple[str, ...], unit: str) -> bool:
    """Whether a figure's noun is the asked one.

    The asked noun's head stands among the figure's first words ("người" in "lượt người",
    "tin" in "lượt tin"), or the figure's noun starts the asked one ("10 loại" for "loại mô
    hình"). Compared folded, so "loai" typed without marks is "loại".
    """
    words = fold(unit).lower().split()
    for f in focus:
        asked = fold(f).lower().split()
        if asked and words and (asked[0] in words[:3] or asked[:len(words)] == words):
            return True
    return False


def time_answers(q: Question, text: str, quantities: list[Quantity]) -> list[Quantity]:
    """The dates, years and periods in a sentence that can answer a "when" question.

    A document's own date answers only a question about the document, and a period
    ("2013 – 2023") only a question asking for a period.
    """
    about_document = ABOUT_DOCUMENT.search(q.text) is not None and not ABOUT_EVENT.search(q.text)
    about_period = ABOUT_PERIOD.search(q.text) is not None
    out = []
    for x in quantities:
        if x.kind == "year_range" and about_period:
            out.append(x)
        elif x.kind in ("date", "year") and (about_document or not DOCUMENT_DATE.search(text[max(0, x.start - 40):x.start])):
            out.append(x)
    return out


def _fit(q: Question, terms: QuestionTerms, text: str, sentence: str, quantities: list[Quantity]) -> float:
    """1.0 when the sentence carries the kind of answer asked for, 0.5 partly, 0 not at all.

    Only 1.0 lets a sentence be the answer: a count of something else, or an office named
    without its holder, is not an answer however many words it shares with the question.
    """
    if q.kind == "count":
        counts = [x for x in quantities if x.kind in COUNT_KINDS]
        if not counts:
            return 0.0
        if not terms.focus:
            return 1.0
        return 1.0 if any(focus_in(terms.focus, x.unit or "") for x in counts) else 0.0
    if q.kind == "rate":
        return 1.0 if any(x.kind in ("percent", "ratio") for x in quantities) else 0.0
    if q.kind == "when":
        return 1.0 if time_answers(q, text, quantities) else 0.0
    if q.kind == "who":
        if terms.role:
            return 1.0 if holder_near_role(terms.role, sentence) else 0.0
        return 1.0 if person_spans(sentence) else 0.0
    if q.kind == "which_model":
        return 1.0 if QUOTED.search(sentence) else 0.0
    return 1.0
