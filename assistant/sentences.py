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
from assistant.text import canonical, fold, sentences, syllables

QUESTION_WORDS = {
    "bao", "nhiêu", "gì", "nào", "ai", "đâu", "sao", "mấy", "không", "thì", "còn", "là", "có", "được",
    "của", "và", "các", "những", "hãy", "cho", "biết", "hay", "ở", "về", "trong", "với", "khi", "lúc",
    "how", "many", "much", "what", "who", "whom", "when", "where", "which", "did", "does", "do", "is", "are",
    "was", "were", "the", "a", "an", "of", "in", "on", "at", "to", "for", "by", "with", "and", "or", "it",
    "its", "their", "there", "that", "this", "as", "from", "has", "have", "had", "be", "been", "according",
    "report", "reports", "province", "say", "says", "tell", "me", "number", "total", "name", "named",
}
COUNT_KINDS = {"count", "money", "vague"}
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


class SentenceScorer:
    DEFAULT_THRESHOLD = 0.45
    WEIGHTS = {"lex": 0.6, "prior": 0.2, "fit": 0.2}

    def __init__(self, data: IndexData) -> None:
        self.data = data
        self._sentences: dict[str, list[tuple[int, int]]] = {}

    def report_sentences(self, doc_id: str) -> list[tuple[int, int]]:
        if doc_id not in self._sentences:
            self._sentences[doc_id] = sentences(self.data.reports[doc_id].text)
        return self._sentences[doc_id]

    def terms(self, q: Question) -> QuestionTerms:
        """Content words of the question in the space its sentences are compared in."""
        folded = q.lang == "vi_nodiac"
        text = q.text + (" " + expand_english(q.text) if q.lang == "en" else "")
        tokens = [t for t in syllables(text) if t not in QUESTION_WORDS and fold(t) not in QUESTION_WORDS]
        if folded:
            tokens = [fold(t) for t in tokens]
        tokens = list(dict.fromkeys(tokens))
        weights = self.data.lexical.idf(tokens)
        focus = tuple(canonical(f) for f in q.focus_terms)
        return QuestionTerms(tuple(tokens), weights, folded, focus, question_role(q))

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
        fit = _fit(q, terms, sentence, quantities)
        prior = 1.0 / (1 + rank)
        score = self.WEIGHTS["lex"] * lex + self.WEIGHTS["prior"] * prior + self.WEIGHTS["fit"] * fit
        if year and str(year) in sentence:
            score += 0.05
        return Candidate(doc_id, start, end, score, lex, fit == 1.0 and lex > 0, rank, quantities)


def question_role(q: Question) -> Role | None:
    """The office a "who" question asks about, English read through the glossary."""
    if q.kind != "who":
        return None
    return asked_role(q.text + (" " + expand_english(q.text) if q.lang == "en" else ""))


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


def _fit(q: Question, terms: QuestionTerms, sentence: str, quantities: list[Quantity]) -> float:
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
        return 1.0 if any(x.kind in ("date", "year", "year_range") for x in quantities) else 0.0
    if q.kind == "who":
        if terms.role:
            return 1.0 if holder_near_role(terms.role, sentence) else 0.0
        return 1.0 if person_spans(sentence) else 0.0
    if q.kind == "which_model":
        return 1.0 if QUOTED.search(sentence) else 0.0
    return 1.0
