"""The features of a question's candidates: what the learned scorer weighs to decide which answers.

One row of numbers per candidate, in the order of ``FEATURES`` (the scorer's JSON names them, and
refuses a file made for another list). Every feature is cheap: the question's vector is the one
retrieval computed, the unit phrases' vectors are the index's (``units.npy``), and the rest is
arithmetic on words, offsets and the stored facts' scopes. The rules that used to gate an answer
("a number next to the asked noun", "the report mentions the asked year") are 0/1 features here.
"""
from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Protocol

import numpy as np

from assistant.districts import asked_district
from assistant.factstore import action_key, unit_key
from assistant.kinds import KINDS, Asked, clause_around, figure_span, focus_in
from assistant.sentences import Candidate, CandidateFinder, whole_numbers
from assistant.store import IndexData
from assistant.text import FOLDED_PREFIX, fold, syllables

if TYPE_CHECKING:
    from assistant.question import Question

QUESTION_WORDS = {
    "bao", "nhiêu", "gì", "nào", "ai", "đâu", "sao", "mấy", "không", "thì", "còn", "là", "có", "được",
    "của", "và", "các", "những", "hãy", "cho", "biết", "hay", "ở", "về", "trong", "với", "khi", "lúc",
    "how", "many", "much", "what", "who", "whom", "when", "where", "which", "did", "does", "do", "is", "are",
    "was", "were", "the", "a", "an", "of", "in", "on", "at", "to", "for", "by", "with", "and", "or", "it",
    "its", "their", "there", "that", "this", "as", "from", "has", "have", "had", "be", "been", "according",
    "report", "reports", "province", "say", "says", "tell", "me", "number", "total", "name", "named",
}
"""Words that say how a question asks, not what about: left out of lexical coverage."""
_FOLDED_QUESTION_WORDS = frozenset(fold(w) for w in QUESTION_WORDS)
UNKNOWN_ENGLISH_WEIGHT = 0.5
"""An English word the reports' vocabulary does not hold (the glossary did not translate it) counts
half: it is weaker evidence that a sentence misses what is asked than a Vietnamese word is."""
TOTAL_ASKED = re.compile(r"\b(?:toan tinh|toan huyen|ca tinh|tong cong|tong so|in total|whole province|"
                         r"province-wide|across the province|altogether)\b")
"""The question asks for the report's whole-area figure, not one district's row."""
MONEY_ASKED = re.compile(r"\b(?:bao nhieu tien|so tien|kinh phi|ngan sach|vnd|trieu dong|ty dong|money|budget|"
                         r"costs?|spen[dt]|funds?|funding)\b")
"""The question asks for money: a count is then not its answer, however well its words match."""
KIND_NAMES = tuple(KINDS)
FEATURES: tuple[str, ...] = (
    # lexical coverage of the question's content words, weighted by BM25 idf
    "lex", "lex_folded", "lex_clause", "lex_gap", "lex_top",
    # the retrieved chunk the sentence lies in, and the sentence's own cosine with the question
    "rank_fused", "rank_bm25", "rank_dense", "dense", "bm25_rel", "sentence_cos", "sentence_cos_gap",
    # the kind's old gates ("fit"), and whether the candidate offers a typed answer at all, per shape;
    # "gate": every old gate at once (the answer fits, a question word stands in the sentence, the
    # report mentions the asked year and every number the question names), as a conjunction is not
    # something a linear model can form from its parts
    "fit_figure", "fit_name", "typed_figure", "typed_name", "figures_in_sentence", "gate",
    # for kinds answered by a clause, lexical and semantic closeness matter alone
    "lex_if_clause", "sentence_cos_if_clause",
    # the figure's unit against the asked noun, and money asked for
    "unit_focus", "unit_lex", "noun_lex", "unit_cos", "unit_cos_gap", "no_focus", "money_match", "money_mismatch",
    # what was done to the figure (its stored action, "duy trì", "xây dựng mới") against the asked words
    "action_lex", "action_gap",
    # scope: year, district, total or row, province; numbers the question names
    "year_ok", "year_conflict", "report_lacks_year",
    "district_match", "district_other", "breakdown_unasked", "report_lacks_district",
    "fact_total", "total_asked", "province_mismatch", "numbers_missing",
    # where the sentence stands in its report
    "position",
    # the question's own words: how much of what it asks the reports' vocabulary never uses
    "unknown_share",
    # the question's kind and language (an intercept of their own)
    *(f"kind_{k}" for k in KIND_NAMES), "lang_en", "lang_vi_nodiac",
)
"""Every feature, in the order of a row (and of the scorer's weights)."""
INDEX = {name: i for i, name in enumerate(FEATURES)}


@dataclass(frozen=True)
class Terms:
    """The question's words and scope as candidates are compared with them."""

    weights: dict[str, float]
    """Content words in the question's own space (folded for a question typed without marks) → idf."""
    folded: dict[str, float]
    """The same words folded (so a sentence's marks never matter) → idf."""
    in_folded_space: bool
    numbers: frozenset[int]
    """Numbers the question names ("chương trình số 38"), its year aside: a report without them cannot answer."""
    year: int | None
    district: str | None
    """The district or commune the question names, folded ("duc trong"), or None."""
    total: bool
    provinces: tuple[str, ...]
    unknown: float
    """The idf-weighted share of the question's content words that no report chunk contains."""
    money: bool
    """The question asks for an amount of money ("bao nhiêu tiền", "kinh phí", "how much money")."""




class SentenceVectors(Protocol):
    """Unit vectors of report sentences, made as passages are (header line, then the sentence)."""

    def vector(self, doc_id: str, start: int, end: int) -> np.ndarray | None: ...


class Featurizer:
    """Computes ``FEATURES`` for the candidates of one question over one index."""

    def __init__(self, data: IndexData, finder: CandidateFinder, sentences: SentenceVectors | None = None) -> None:
        self.data = data
        self.finder = finder
        self.sentences = sentences
        units = data.units
        self.unit_rows = {k: i for i, k in enumerate(units.keys)} if units is not None else {}
        self.unit_vectors = np.asarray(units.vectors, dtype=np.float32) if units is not None and len(units.keys) \
            else np.zeros((0, 1), dtype=np.float32)

    def terms(self, q: Question, a: Asked, year: int | None) -> Terms:
        """The content words of ``q`` with their idf, and the scope it asks about."""
        folded_space = q.lang == "vi_nodiac"
        places = {fold(w) for name in q.provinces for w in syllables(name)}
        tokens = [t for t in sorted(a.words) if t not in QUESTION_WORDS
                  and fold(t) not in _FOLDED_QUESTION_WORDS and fold(t) not in places]
        folded_tokens = list(dict.fromkeys(fold(t) for t in tokens))
        own = folded_tokens if folded_space else tokens
        keys = [FOLDED_PREFIX + t if folded_space else t for t in own]
        idf = self.data.lexical.idf(keys)
        weights = {t: idf[k] * (UNKNOWN_ENGLISH_WEIGHT if q.lang == "en" and not self.data.lexical.knows(k) else 1.0)
                   for t, k in zip(own, keys)}
        fidf = self.data.lexical.idf([FOLDED_PREFIX + t for t in folded_tokens])
        folded = {t: fidf[FOLDED_PREFIX + t] for t in folded_tokens}
        numbers = whole_numbers(q.text) - ({q.year} if q.year else set())
        plain = fold(q.text).lower()
        known = {t for t, k in zip(own, keys) if self.data.lexical.knows(k)}
        unknown = sum(w for t, w in weights.items() if t not in known) / (sum(weights.values()) or 1.0)
        return Terms(weights, folded, folded_space, numbers, year, asked_district(q.text),
                     TOTAL_ASKED.search(plain) is not None, q.provinces, unknown, MONEY_ASKED.search(plain) is not None)

    def matrix(self, a: Asked, terms: Terms, candidates: Sequence[Candidate], vector: np.ndarray | None) -> np.ndarray:
        """One row of ``FEATURES`` per candidate (also stored on each candidate as ``features``)."""
        X = np.zeros((len(candidates), len(FEATURES)), dtype=np.float32)
        if not candidates:
            return X
        hits = list({id(c.hit): c.hit for c in candidates}.values())
        by_bm25 = {h.chunk: r for r, h in enumerate(sorted(hits, key=lambda h: -h.bm25)) if h.bm25 > 0}
        by_dense = {h.chunk: r for r, h in enumerate(sorted(hits, key=lambda h: -h.dense)) if h.dense > 0}
        top_bm25 = max((h.bm25 for h in hits), default=0.0) or 1.0
        spec = a.spec
        total_w = sum(terms.weights.values()) or 1.0
        total_f = sum(terms.folded.values()) or 1.0
        noun = _folded(a.focus[0]).split() if a.focus else []
        kind_col = INDEX[f"kind_{a.kind}"]
        for i, c in enumerate(candidates):
            row = X[i]
            report = self.data.reports[c.doc_id]
            text = report.text
            sentence = text[c.start:c.end]
            words = _tokens(sentence, terms.in_folded_space)
            fwords = _tokens(sentence, True)
            row[INDEX["lex"]] = sum(w for t, w in terms.weights.items() if t in words) / total_w
            row[INDEX["lex_folded"]] = sum(w for t, w in terms.folded.items() if t in fwords) / total_f
            cs, ce = self._clause(a, text, c, candidates)
            cwords = _tokens(text[cs:ce], True)
            row[INDEX["lex_clause"]] = sum(w for t, w in terms.folded.items() if t in cwords) / total_f
            row[INDEX["rank_fused"]] = 1.0 / (1 + c.rank)
            row[INDEX["rank_bm25"]] = 1.0 / (1 + by_bm25[c.hit.chunk]) if c.hit.chunk in by_bm25 else 0.0
            row[INDEX["rank_dense"]] = 1.0 / (1 + by_dense[c.hit.chunk]) if c.hit.chunk in by_dense else 0.0
            row[INDEX["dense"]] = c.hit.dense
            row[INDEX["bm25_rel"]] = c.hit.bm25 / top_bm25
            if self.sentences is not None and vector is not None:
                own = self.sentences.vector(c.doc_id, c.start, c.end)
                row[INDEX["sentence_cos"]] = float(own @ vector) if own is not None else c.hit.dense
            else:
                row[INDEX["sentence_cos"]] = c.hit.dense  # without sentence vectors, its chunk's cosine
            row[INDEX["fit_figure"]] = float(c.fits and spec.shape == "figure")
            row[INDEX["fit_name"]] = float(c.fits and spec.shape == "name")
            row[INDEX["typed_figure"]] = float(c.typed and spec.shape == "figure")
            row[INDEX["typed_name"]] = float(c.typed and spec.shape == "name")
            if spec.shape == "clause":
                row[INDEX["lex_if_clause"]] = row[INDEX["lex"]]
                row[INDEX["sentence_cos_if_clause"]] = row[INDEX["sentence_cos"]]
            same = sum(1 for x in c.quantities if c.answer.quantity is not None and x.kind == c.answer.quantity.kind)
            row[INDEX["figures_in_sentence"]] = math.log1p(same)
            self._unit(row, a, terms, c, noun, vector)
            self._scope(row, terms, c, sentence)
            row[INDEX["position"]] = c.start / max(1, len(text))
            row[INDEX["unknown_share"]] = terms.unknown
            row[kind_col] = 1.0
            row[INDEX["lang_en"]] = float(a.lang == "en")
            row[INDEX["lang_vi_nodiac"]] = float(a.lang == "vi_nodiac")
        lex = X[:, INDEX["lex"]]
        fits = np.array([c.fits for c in candidates], dtype=bool)
        X[:, INDEX["gate"]] = (fits & (lex > 0) & (X[:, INDEX["report_lacks_year"]] == 0)
                               & (X[:, INDEX["numbers_missing"]] == 0)).astype(np.float32)
        X[:, INDEX["lex_gap"]] = lex.max() - lex
        X[:, INDEX["lex_top"]] = (lex >= lex.max()).astype(np.float32)
        sentence_cos = X[:, INDEX["sentence_cos"]]
        X[:, INDEX["sentence_cos_gap"]] = sentence_cos.max() - sentence_cos
        action = X[:, INDEX["action_lex"]]
        X[:, INDEX["action_gap"]] = action.max() - action
        cos = X[:, INDEX["unit_cos"]]
        has_unit = cos > 0
        if has_unit.any():
            X[:, INDEX["unit_cos_gap"]] = np.where(has_unit, cos[has_unit].max() - cos, 1.0)
        else:
            X[:, INDEX["unit_cos_gap"]] = 1.0
        for c, row in zip(candidates, X):
            c.features = row
        return X

    def _clause(self, a: Asked, text: str, c: Candidate, candidates: Sequence[Candidate]) -> tuple[int, int]:
        """The part of the sentence that would be quoted for this candidate."""
        x = c.answer.quantity
        if x is None:
            return clause_around(text, c.start, c.end, c.answer.start, c.answer.end)
        figures = [o.answer.quantity for o in candidates if o.doc_id == c.doc_id and o.start == c.start
                   and o.answer.quantity is not None and o.fits]
        return figure_span(text, c.start, c.end, figures or [x], x)

    def _unit(self, row: np.ndarray, a: Asked, terms: Terms, c: Candidate, noun: list[str],
              vector: np.ndarray | None) -> None:
        row[INDEX["no_focus"]] = float(not a.focus)
        x = c.answer.quantity
        if terms.money and x is not None:
            row[INDEX["money_match" if x.kind == "money" else "money_mismatch"]] = 1.0
        unit = (c.fact.unit if c.fact is not None and c.fact.unit else None) or (x.unit if x is not None else None)
        if c.fact is not None and (done := action_key(c.fact.action).split()):
            row[INDEX["action_lex"]] = sum(1 for w in done if w in terms.folded) / len(done)
        if not unit:
            return
        unit_words = _folded(unit).split()
        row[INDEX["unit_focus"]] = float(bool(a.focus) and focus_in(a.focus, unit))
        row[INDEX["unit_lex"]] = sum(1 for w in unit_words if w in terms.folded) / len(unit_words)
        row[INDEX["noun_lex"]] = sum(1 for w in noun if w in unit_words) / len(noun) if noun else 0.0
        at = self.unit_rows.get(unit_key(unit) or "")
        if at is not None and vector is not None:
            row[INDEX["unit_cos"]] = float(self.unit_vectors[at] @ vector)

    def _scope(self, row: np.ndarray, terms: Terms, c: Candidate, sentence: str) -> None:
        fact = c.fact
        meta = self.data.reports[c.doc_id].meta
        if terms.year:
            stated = str(terms.year) in sentence
            known = fact is not None and fact.year_from is not None and fact.year_to is not None
            covers = known and fact.year_from <= terms.year <= fact.year_to  # type: ignore[union-attr,operator]
            row[INDEX["year_ok"]] = float(stated or covers)
            row[INDEX["year_conflict"]] = float(known and not covers and not stated)
            row[INDEX["report_lacks_year"]] = float(not self.finder.mentions_year(c.doc_id, terms.year))
        district = _folded(fact.district) if fact is not None and fact.district else None
        if terms.district:
            in_sentence = terms.district in _folded(sentence)
            row[INDEX["district_match"]] = float(in_sentence or (district is not None and terms.district in district))
            row[INDEX["district_other"]] = float(district is not None and terms.district not in district)
            row[INDEX["report_lacks_district"]] = float(terms.district not in self.finder.report_folded(c.doc_id))
        elif fact is not None and fact.scope == "breakdown":
            row[INDEX["breakdown_unasked"]] = 1.0
        row[INDEX["fact_total"]] = float(fact is not None and fact.scope == "total")
        row[INDEX["total_asked"]] = float(terms.total)
        if terms.provinces:
            row[INDEX["province_mismatch"]] = float(meta.get("province") not in terms.provinces
                                                    and meta.get("merged_province") not in terms.provinces)
        row[INDEX["numbers_missing"]] = float(not terms.numbers <= self.finder.report_numbers(c.doc_id))


@lru_cache(maxsize=8192)
def _folded(s: str) -> str:
    return fold(s).lower()


@lru_cache(maxsize=8192)
def _tokens(sentence: str, folded: bool) -> frozenset[str]:
    tokens = syllables(sentence)
    return frozenset(fold(t) for t in tokens) if folded else frozenset(tokens)
