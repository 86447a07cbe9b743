"""The candidates of a question: the sentences of its retrieved passages and what each offers.

Every content sentence (or table row) of a retrieved chunk is a candidate. A sentence that
offers typed answers of the asked kind (figures, by ``assistant.kinds``) gives one candidate per
figure, so the scorer chooses the figure as well as the sentence; any other sentence is one
candidate, anchored on its person, quoted name or best clause. Nothing is filtered out here:
whether a candidate answers is the learned scorer's call (``assistant.scorer``), on the
features of ``assistant.features``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from assistant.facts import Fact
from assistant.kinds import Answerable, Asked, answers, best_clause
from assistant.numbers import Quantity, find_numbers
from assistant.retrieve import Hit
from assistant.sentence_vectors import content_sentences
from assistant.store import IndexData
from assistant.text import fold

REPORT_CACHE = 1024
"""Reports whose sentences, numbers and facts stay computed: bounded, so a long-running server over
a large corpus does not end up holding every report's sentences."""
SENTENCE_CACHE = 16384
"""Sentences whose figures stay parsed (about 40 per question on the bundled corpus)."""


@dataclass
class Candidate:
    """A sentence ``[start, end)`` of a report that might answer, and what it offers; offsets index the text."""

    doc_id: str
    start: int
    end: int
    rank: int
    """The rank of its chunk among the retrieved passages (0 = first)."""
    hit: Hit
    quantities: list[Quantity]
    """The sentence's figures (offsets into the report text)."""
    answer: Answerable
    """What it answers with: a figure, a name or a clause. A sentence offering none of the asked kind
    is anchored on its best clause instead; for a kind answered by a clause, the best clause is the answer."""
    typed: bool
    """It offers an answer of the asked kind (a figure, a person, a quoted name; always, for a clause)."""
    fact: Fact | None = None
    """The stored fact of the answer's figure, with its scope, when the index holds one."""
    features: np.ndarray | None = field(default=None, repr=False)
    score: float = 0.0
    """The learned scorer's probability that this candidate answers (set by the scorer)."""

    @property
    def fits(self) -> bool:
        """The kind's old gate (now a feature): a typed answer of the asked kind that fits."""
        return self.typed and self.answer.fits


class CandidateFinder:
    """The sentences, figures and stored facts of reports, computed once per report (bounded caches)."""

    def __init__(self, data: IndexData) -> None:
        self.data = data
        self.report_numbers = lru_cache(maxsize=REPORT_CACHE)(self._report_numbers)
        self.report_sentences = lru_cache(maxsize=REPORT_CACHE)(self._report_sentences)
        self.report_facts = lru_cache(maxsize=REPORT_CACHE)(self._report_facts)
        self.report_folded = lru_cache(maxsize=REPORT_CACHE)(self._report_folded)
        self.sentence_quantities = lru_cache(maxsize=SENTENCE_CACHE)(self._sentence_quantities)

    def mentions_year(self, doc_id: str, year: int) -> bool:
        """Whether a report is about ``year``: dated in it or naming it."""
        report = self.data.reports[doc_id]
        if str(report.meta.get("date") or "").startswith(str(year)):
            return True
        return re.search(rf"(?<!\d){year}(?!\d)", report.text) is not None

    def _report_numbers(self, doc_id: str) -> frozenset[int]:
        """Every whole number written in a report ("09" and "9" alike)."""
        return whole_numbers(self.data.reports[doc_id].text)

    def _report_folded(self, doc_id: str) -> str:
        """The report's text lower-cased without marks (where a district or a number is looked for)."""
        return fold(self.data.reports[doc_id].text).lower()

    def _report_sentences(self, doc_id: str) -> list[tuple[int, int]]:
        """Sentences of the report's content (the text its chunks cover), never of its boilerplate."""
        rows = self.data.chunks.rows_of(doc_id)
        spans = [(int(s), int(e)) for s, e in self.data.chunks.columns[rows.start:rows.stop, 1:3].tolist()]
        return content_sentences(self.data.reports[doc_id].text, spans)

    def _report_facts(self, doc_id: str) -> dict[int, Fact]:
        """The report's stored quantity facts by the offset where their figure starts."""
        if self.data.facts is None:
            return {}
        facts = self.data.facts.of_reports([doc_id]).get(doc_id, [])
        return {f.start: f for f in facts if f.kind == "quantity"}

    def _sentence_quantities(self, doc_id: str, start: int, end: int) -> tuple[Quantity, ...]:
        text = self.data.reports[doc_id].text
        return tuple(_shift(x, start) for x in find_numbers(text[start:end]))

    def candidates(self, a: Asked, hits: list[Hit]) -> list[Candidate]:
        """Every candidate of the sentences of ``hits``, each sentence once (at its best-ranked chunk)."""
        out: list[Candidate] = []
        seen: set[tuple[str, int]] = set()
        for rank, hit in enumerate(hits):
            chunk = self.data.chunks[hit.chunk]
            text = self.data.reports[chunk.doc_id].text
            facts = self.report_facts(chunk.doc_id)
            for start, end in self.report_sentences(chunk.doc_id):
                if end <= chunk.start or start >= chunk.end or (chunk.doc_id, start) in seen:
                    continue
                seen.add((chunk.doc_id, start))
                quantities = list(self.sentence_quantities(chunk.doc_id, start, end))
                offered = answers(a, text, start, end, quantities)
                if a.spec.shape == "figure" and offered:
                    out += [Candidate(chunk.doc_id, start, end, rank, hit, quantities, x, True,
                                      facts.get(x.start)) for x in offered]
                    continue
                anchor = offered[0] if offered else Answerable(*best_clause(a, text, start, end), fits=False)
                out.append(Candidate(chunk.doc_id, start, end, rank, hit, quantities, anchor, bool(offered)))
        return out


def whole_numbers(text: str) -> frozenset[int]:
    return frozenset(int(d) for d in re.findall(r"(?<![\d.,])\d+(?![\d]|[.,]\d)", text))


def _shift(x: Quantity, offset: int) -> Quantity:
    return Quantity(start=x.start + offset, end=x.end + offset, text=x.text, value=x.value, kind=x.kind,
                    qualifier=x.qualifier, unit=x.unit)
