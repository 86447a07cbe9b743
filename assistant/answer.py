"""Extractive, cited answers: rank the candidates of the retrieved passages, answer or say "not found".

No language model: the answer quotes the report. A question is analysed (``assistant.question``,
its kind from ``assistant.kinds``), its passages retrieved, their sentences and figures listed as
candidates (``assistant.sentences``) with their features (``assistant.features``), and the learned
scorer (``assistant.scorer``) gives each the probability that it answers. The best one answers
when its probability reaches the scorer's threshold; otherwise the reply is "not found" with the
best candidates as related passages. The probability is the answer's ``confidence``. Every quoted
clause is checked to stand verbatim in its cited passage before the answer is returned.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from assistant.across import UnitMatcher, answer_across, asked_phrase, intent_of, winner
from assistant.across import render as render_across
from assistant.across import table as across_table
from assistant.compose import Claim, compose_claims, render_claims, verify_claims
from assistant.embedding import Embedder, load_embedder
from assistant.errors import UserFacingError
from assistant.facts.areas import districts_in
from assistant.features import Featurizer, Terms
from assistant.inputs import clean_question
from assistant.kinds import Asked, asked
from assistant.places import standard_province
from assistant.question import Question, analyse, expand_english, inherited_scope, resolve_followup
from assistant.retrieve import Filters, Mode, Retriever
from assistant.scopes import GivenScopes, given_scopes, render_given
from assistant.scorer import LearnedScorer, load_scorer
from assistant.sentences import Candidate, CandidateFinder
from assistant.settings import AnsweringSettings, RetrievalSettings
from assistant.store import IndexData, StoreError, load_index, swapping
from assistant.text import FOLDED_PREFIX, query_tokens

NOT_FOUND = {
    "vi": "Không tìm thấy thông tin này trong các báo cáo.",
    "en": "Not in the reports: the indexed reports do not answer this question.",
}


@dataclass(frozen=True)
class Citation:
    n: int
    doc_id: str
    source: str
    title: str | None
    date: str | None
    province: str | None
    start: int
    end: int
    text: str
    score: float
    page: int | None = None
    merged_province: str | None = None

    def to_json(self) -> dict:
        out = {k: getattr(self, k) for k in ("n", "doc_id", "source", "title", "date", "province",
                                              "start", "end", "text", "score")}
        out["score"] = round(float(self.score), 4)
        if self.page is not None:
            out["page"] = self.page
        if self.merged_province:
            out["merged_province"] = self.merged_province
        return out


@dataclass
class Answer:
    question: str
    answer: str
    found: bool
    citations: list[Citation]
    timings_ms: dict[str, float]
    resolved_question: str
    lang: str
    kind: str
    filters: dict[str, str | int | None] = field(default_factory=dict)
    related: list[Citation] = field(default_factory=list)
    confidence: float | None = None
    """The learned scorer's probability that the answer is right, compared with its threshold: the
    weakest answering scope's best candidate when found, else the best candidate seen (None when
    there was no candidate, or the answer came from the facts)."""
    table: list[dict] = field(default_factory=list)
    """A cross-report answer's figures: province, district, period, scope, value, bound, unit, text, n."""
    inherited: dict[str, str | int] = field(default_factory=dict)
    """The scope a follow-up took from the conversation (``question.inherited_scope``)."""

    def to_json(self) -> dict:
        return {
            "question": self.question,
            "answer": self.answer,
            "found": self.found,
            "citations": [c.to_json() for c in self.citations],
            "timings_ms": self.timings_ms,
            "resolved_question": self.resolved_question,
            "lang": self.lang,
            "kind": self.kind,
            "filters": self.filters,
            "related": [c.to_json() for c in self.related],
            "confidence": None if self.confidence is None else round(float(self.confidence), 4),
            "table": self.table,
            "inherited": self.inherited,
        }

    def to_text(self) -> str:
        lines = [self.answer, ""]
        for c in self.citations or self.related:
            where = ", ".join(x for x in (c.province, c.date) if x)
            lines.append(f"[{c.n}] {c.source} ({where}) {c.start}-{c.end}: {c.text}")
        return "\n".join(lines).rstrip()


class QueryVectors:
    """The embedder behind a memo of its latest query vectors.

    Retrieval embeds the question; the features need the same vector (to compare it with unit
    phrases and sentences) and read it back here instead of embedding the question twice.
    """

    MEMO = 8
    """Query vectors kept: one question embeds its text once per scope, at most a few texts."""

    def __init__(self, embedder: Embedder) -> None:
        self.inner = embedder
        self.model_id, self.dim, self.prompts = embedder.model_id, embedder.dim, embedder.prompts
        self.backend = getattr(embedder, "backend", "torch")
        self._memo: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()

    def embed_query(self, texts: Sequence[str]) -> np.ndarray:
        if len(texts) == 1 and (hit := self._memo.get(texts[0])) is not None:
            return hit[None, :]
        vectors = self.inner.embed_query(texts)
        if len(texts) == 1:
            with self._lock:
                if len(self._memo) >= self.MEMO:
                    self._memo.pop(next(iter(self._memo)))
                self._memo[texts[0]] = vectors[0]
        return vectors

    def embed_passages(self, texts: Sequence[str], *, show_progress: bool = False) -> np.ndarray:
        return self.inner.embed_passages(texts, show_progress=show_progress)

    def query_vector(self, text: str) -> np.ndarray:
        return self.embed_query([text])[0]


@dataclass
class Gathered:
    """A question as far as it goes before scoring: its analysis and each scope's candidates.

    ``early`` is the whole answer when none is needed (nothing asked, or a question across
    reports answered from the facts). Training and leave-one-report-out score one gathering with
    several scorers (``Assistant.decide``) without retrieving again.
    """

    question: str
    resolved: str
    q: Question
    asked: Asked
    filters: dict
    absent: str | None
    lang: str
    scopes: list[list[Candidate]]
    timings: dict[str, float]
    started: float
    early: Answer | None = None
    terms: Terms | None = None
    """The question's words and scope as the features compare candidates with them."""


class Assistant:
    """Answers questions over one loaded index; load once per process with ``get_assistant``."""

    def __init__(self, data: IndexData, mode: Mode = "hybrid", retrieval: RetrievalSettings | None = None,
                 scorer: LearnedScorer | None = None, embedder: Embedder | None = None,
                 settings: AnsweringSettings | None = None) -> None:
        """``scorer`` defaults to the package's learned scorer, ``embedder`` to the index's model."""
        self.data = data
        self.settings = settings or AnsweringSettings()
        self.embedder = QueryVectors(embedder or load_embedder(data.manifest.model_id))
        self.retriever = Retriever(data, self.embedder, mode=mode, settings=retrieval)
        self.finder = CandidateFinder(data)
        self.featurizer = Featurizer(data, self.finder, data.sentences)
        self.scorer = scorer or load_scorer()
        self.units = UnitMatcher(data.units.keys, data.units.written, data.units.vectors, self.embedder,
                                 self.settings) \
            if data.units is not None else None
        self.provinces = {r.meta.get("province") for r in data.reports.values()} - {None}
        self.merged = {r.meta.get("merged_province"): r.meta.get("province") for r in data.reports.values()
                       if r.meta.get("merged_province")}

    @property
    def threshold(self) -> float:
        return self.scorer.threshold

    def ask(self, question: str, history: Sequence[str] = (), k: int = 5, province: str | None = None,
            year: int | None = None) -> Answer:
        gathered = self.gather(question, history, k, province, year)
        answer = gathered.early or self.decide(gathered)
        answer.inherited = inherited_scope(answer.question, answer.resolved_question)
        return answer

    def gather(self, question: str, history: Sequence[str] = (), k: int = 5, province: str | None = None,
               year: int | None = None) -> Gathered:
        """Analyse, retrieve and list the candidates with their features, per scope (no scoring yet)."""
        started = time.perf_counter()
        question = clean_question(question)
        history = [turn for turn in map(clean_question, history) if turn]
        resolved = resolve_followup(question, history) if history else question
        q = analyse(resolved)
        a = asked(q)
        filters, absent = self._filters(q, province, year)
        lang = "en" if q.lang == "en" else "vi"
        gathered = Gathered(question, resolved, q, a, filters, absent, lang, [], {}, started)
        if not self._says_something(question, q):
            gathered.early = self._nothing_asked(question, q, filters, started)
            return gathered
        if not province and (across := self._across(question, resolved, q, filters, lang, started)):
            gathered.early = across
            return gathered
        search_year = filters.get("year") if filters.get("year_source") == "option" else None
        compared = [p for p in q.provinces if p in self.provinces] if not province and len(q.provinces) > 1 else []
        if len(compared) > 1:
            filters.update(provinces=compared, source="question")
            scopes = [Filters(province=p, year=search_year) for p in compared]
        else:
            scopes = [Filters() if absent else Filters(province=filters.get("province"), year=search_year)]
        terms = None
        for scope in scopes:
            candidates = self._candidates_in(q, a, resolved, scope, max(k, self.settings.candidate_passages),
                                             gathered.timings)
            t0 = time.perf_counter()
            terms = terms or self.featurizer.terms(q, a, filters.get("year"))
            gathered.terms = terms
            self.featurizer.matrix(a, terms, candidates, self.embedder.query_vector(resolved))
            gathered.scopes.append(candidates)
            gathered.timings["answer"] = gathered.timings.get("answer", 0.0) + _ms(t0)
        return gathered

    def decide(self, g: Gathered, scorer: LearnedScorer | None = None) -> Answer:
        """Score every candidate, answer from each scope whose best reaches the threshold, and verify."""
        if g.early is not None:
            return g.early
        scorer = scorer or self.scorer
        t0 = time.perf_counter()
        claims: list[Claim] = []
        ranked_all: list[Candidate] = []
        best: list[float] = []  # the best probability per scope
        answering: list[float] = []  # the same, for the scopes that answered
        for candidates in g.scopes:
            ranked = self._ranked(candidates, scorer)
            ranked_all += ranked
            if not ranked:
                continue
            best.append(ranked[0].score)
            if ranked[0].score >= scorer.threshold and not g.absent:
                found_here = compose_claims(g.asked, ranked, self.data, scorer.threshold,
                                            self.settings.rivals_looked_at)
                claims += found_here if len(g.scopes) == 1 else found_here[:1]
                answering.append(ranked[0].score)
        claims = [replace(c, n=i + 1) for i, c in enumerate(claims)] if len(g.scopes) > 1 else claims
        found = bool(claims) and verify_claims(g.asked, claims, self.data)
        claims = claims if found else []
        ranked_all.sort(key=lambda c: -c.score)
        given = None if found or g.absent else self._given_scopes(g, ranked_all)
        if found:
            text, related = render_claims(claims, g.lang, self.data), []
        elif given:
            text = NOT_FOUND[g.lang] + " " + render_given(given, g.lang)
            related = [self._citation(i + 1, given.doc_id, f.passage_start, f.passage_end, 0.0)
                       for i, f in enumerate(given.facts)]
        else:
            text, related = self._not_found_text(g.lang, g.absent), self._related(ranked_all)
        timings = dict(g.timings)
        timings["answer"] = round(timings.get("answer", 0.0) + _ms(t0), 2)
        timings["total"] = _ms(g.started)
        confidence = min(answering) if found and answering else max(best, default=None)
        return Answer(question=g.question, answer=text, found=found, citations=self._citations(claims),
                      timings_ms=timings, resolved_question=g.resolved, lang=g.q.lang, kind=g.q.kind,
                      filters=g.filters, related=related, confidence=confidence)

    @staticmethod
    def _ranked(candidates: list[Candidate], scorer: LearnedScorer) -> list[Candidate]:
        if not candidates:
            return []
        probabilities = scorer.probabilities(np.stack([c.features for c in candidates]))
        for c, p in zip(candidates, probabilities):
            c.score = float(p)
        return sorted(candidates, key=lambda c: (-c.score, c.rank, c.start, c.answer.start))

    def _across(self, question: str, resolved: str, q: Question, filters: dict, lang: str,
                started: float) -> Answer | None:
        """A question across reports answered from the facts, or None to answer it from passages.

        None when the question is about one report, or when no stored unit is what it counts (the
        passage path then answers each province in turn, as before facts existed).
        """
        intent = intent_of(resolved, q.provinces, asks_figure=q.kind in ("count", "rate"))
        if intent is None or self.units is None:
            return None
        phrase = asked_phrase(resolved, q.provinces)
        if q.lang == "en":
            phrase += " " + expand_english(phrase)  # the reports' words for what an English question counts
        noun = " ".join(q.focus_terms[:1])
        asked = noun or phrase
        units = self.units.match(asked + (" " + expand_english(asked) if q.lang == "en" else ""))
        if not units and intent not in ("earliest", "latest"):
            return None
        province_of = {r.doc_id: r.meta.get("province") for r in self.data.reports.values()}
        dates = {r.doc_id: r.meta.get("date") for r in self.data.reports.values()}
        result = answer_across(intent, phrase, list(q.provinces), units, self.data.facts, province_of, dates,
                               year=q.year, noun=noun)
        if not result.rows:
            return None
        decided = winner(result) is not None or (intent in ("total", "list") and not result.missing)
        cited = [self._citation(r.n, r.doc_id, *self._passage(r), 1.0) for r in result.rows]
        filters.update(provinces=[r.province for r in result.rows], source="facts")
        return Answer(question=question, answer=render_across(result, lang) if decided else
                      self._not_comparable(result, lang), found=decided, citations=cited if decided else [],
                      timings_ms={"total": _ms(started)}, resolved_question=resolved, lang=q.lang,
                      kind=f"across_{intent}", filters=filters, related=[] if decided else cited,
                      confidence=None, table=across_table(result))

    def _passage(self, row) -> tuple[int, int]:
        """The span a cross-report line cites: the sentence stating its figure, or the report's dated header."""
        if row.fact is not None:
            return row.fact.passage_start, row.fact.passage_end
        text = self.data.reports[row.doc_id].text
        end = text.find("\n", 0, 400)
        return 0, end if end > 0 else min(len(text), 200)

    def _not_comparable(self, result, lang: str) -> str:
        """A not-found reply that says why the figures cannot answer, pointing at them as related."""
        return NOT_FOUND[lang] + "\n" + render_across(result, lang)

    def _says_something(self, question: str, q: Question) -> bool:
        """Whether ``question`` has words of its own and ``q`` (it resolved) a content word: a province,
        a year, an English domain word, or a word with a letter that the reports' BM25 vocabulary holds.

        Junk ("'; DROP TABLE reports; --", "???", bare markup) has no content word and would otherwise
        be answered from whichever passages lie nearest to it. A follow-up may borrow its content
        from the conversation ("What is her position?"), not its words: "???" after a question is
        still nothing asked.
        """
        if not _words(question):
            return False
        if q.provinces or q.year or expand_english(q.text):
            return True
        return any(self.data.lexical.knows(t) for t in _words(q.text) if any(ch.isalpha() for ch in t))

    def _nothing_asked(self, question: str, q: Question, filters: dict, started: float) -> Answer:
        """The reply to a question without content: not found, and nothing retrieved as related."""
        return Answer(question=question, answer=NOT_FOUND["en" if q.lang == "en" else "vi"], found=False,
                      citations=[], timings_ms={"total": _ms(started)}, resolved_question=question,
                      lang=q.lang, kind=q.kind, filters=filters)

    def _candidates_in(self, q: Question, a: Asked, resolved: str, scope: Filters, k: int,
                       timings: dict[str, float]) -> list[Candidate]:
        """The candidates of the passages retrieved for ``q`` from the reports in ``scope``."""
        t0 = time.perf_counter()
        retrieval = self.retriever.retrieve(resolved, k=k, filters=scope,
                                            expansion=expand_english(resolved) if q.lang == "en" else "")
        for name, ms in retrieval.timings_ms.items():
            timings[f"retrieve_{name}"] = timings.get(f"retrieve_{name}", 0.0) + ms
        timings["retrieve"] = timings.get("retrieve", 0.0) + _ms(t0)
        t0 = time.perf_counter()
        candidates = self.finder.candidates(a, retrieval.hits)
        timings["answer"] = timings.get("answer", 0.0) + _ms(t0)
        return candidates

    def _filters(self, q: Question, province: str | None, year: int | None) -> tuple[dict, str | None]:
        """Province and year restrictions, from the options or else from the question.

        Returns the filters and, when the asked-about province has no report, its name.
        """
        filters: dict[str, str | int | None] = {}
        absent = None
        if province:
            name = standard_province(province)
            if name is None:
                raise UserFacingError(f"unknown province {province!r}")
            filters.update(province=name, source="option")
        elif len(q.provinces) == 1:
            filters.update(province=q.provinces[0], source="question")
        if filters.get("province") and filters["province"] not in self.provinces:
            absent = str(filters["province"])
            if absent in self.merged:
                filters["merged_from"] = self.merged[absent]
        if year:
            filters.update(year=year, year_source="option")
        elif q.year:
            filters.update(year=q.year, year_source="question")
        return filters, absent

    def _given_scopes(self, g: Gathered, ranked: list[Candidate]) -> GivenScopes | None:
        """The districts or periods the best candidate's report gives, when it never names the asked one."""
        terms = g.terms
        if terms is None or not ranked:
            return None
        doc_id = ranked[0].doc_id
        if terms.district and terms.district not in self.finder.report_folded(doc_id):
            named = districts_in(g.q.text, 0, len(g.q.text))
            kind, asked_scope = "district", named[0][2] if named else terms.district.title()
        elif terms.year and not self.finder.mentions_year(doc_id, terms.year):
            kind, asked_scope = "year", str(terms.year)
        else:
            return None
        facts = self.data.facts.of_reports([doc_id]).get(doc_id, [])
        return given_scopes(doc_id, facts, kind, asked_scope, self.data.reports[doc_id].meta.get("province"),
                            g.asked.focus)

    def _not_found_text(self, lang: str, absent: str | None) -> str:
        if absent and lang == "vi":
            note = f" Không có báo cáo nào về {absent}."
            if absent in self.merged:
                note += f" ({self.merged[absent]}, nay thuộc {absent}, có báo cáo riêng: xem các đoạn liên quan.)"
            return NOT_FOUND["vi"] + note
        if absent:
            note = f" There is no report about {absent}."
            if absent in self.merged:
                note += f" ({self.merged[absent]}, now part of {absent}, has its own report: see related passages.)"
            return NOT_FOUND["en"] + note
        return NOT_FOUND[lang]

    def _citation(self, n: int, doc_id: str, start: int, end: int, score: float) -> Citation:
        report = self.data.reports[doc_id]
        meta = report.meta
        page = None
        if report.page_starts:
            page = sum(1 for s in report.page_starts if s <= start)
        return Citation(n=n, doc_id=doc_id, source=report.source, title=meta.get("title"), date=meta.get("date"),
                        province=meta.get("province"), start=start, end=end, text=report.text[start:end],
                        score=score, page=page, merged_province=meta.get("merged_province"))

    def _citations(self, claims: list[Claim]) -> list[Citation]:
        seen: dict[int, Citation] = {}
        for claim in claims:
            if claim.n not in seen:
                c = claim.candidate
                seen[claim.n] = self._citation(claim.n, c.doc_id, c.start, c.end, c.score)
        return [seen[n] for n in sorted(seen)]

    def _related(self, candidates: list[Candidate]) -> list[Citation]:
        """The sentences of the best candidates (each sentence once), as related passages."""
        seen: dict[tuple[str, int], Candidate] = {}
        for c in candidates:
            seen.setdefault((c.doc_id, c.start), c)
            if len(seen) == self.settings.related:
                break
        return [self._citation(i + 1, c.doc_id, c.start, c.end, c.score) for i, c in enumerate(seen.values())]


_lock = threading.Lock()
_loaded: dict[Path, tuple[str, Assistant]] = {}
"""The assistant of each index folder this process answers from, and the manifest it was loaded with.
One per folder: an older one is let go at once (the files of a swapped-out index take disk space
until no process maps them), and lives on only for the questions still using it."""
RELOAD_TRIES = 5
"""Loads overtaken by a swap before giving up: a swap takes milliseconds and a build far longer, so a
second load succeeds unless builds swap back to back."""
SWAP_WAIT_S = 0.02
"""Pause before loading again: the time for a swap's second rename (and its folder fsync) to land."""


def _manifest_stamp(index: Path) -> str | None:
    """Which build's manifest the folder holds (every build writes a new file), None when it has none."""
    try:
        stat = (index / "manifest.json").stat()
    except FileNotFoundError:
        return None
    return f"{stat.st_ino}:{stat.st_mtime_ns}:{stat.st_size}"


def get_assistant(index: Path) -> Assistant:
    """The assistant for ``index``, loaded once per process and reloaded when the index changes.

    Safe beside an ``index`` run that swaps the folder, so any number of processes (``serve``
    replicas) can answer from one read-only index folder. An assistant keeps the files it loaded
    open or memory-mapped, so a question in flight finishes on the index it started with even after
    the swap deletes them. A load that a swap overtook (the manifest changed while it ran, so it may
    have read files of both builds) is thrown away and made again. While the folder is moved aside
    (the instant between a swap's two renames, where the file system cannot exchange two folders
    in one step) the index loaded before keeps answering.
    """
    key = index.resolve()
    with _lock:
        for _ in range(RELOAD_TRIES):
            stamp = _manifest_stamp(key)
            known = _loaded.get(key)
            if known and (stamp == known[0] or (stamp is None and swapping(key))):
                return known[1]
            try:
                assistant = Assistant(load_index(key))
            except (StoreError, OSError):
                if _manifest_stamp(key) == stamp and not swapping(key):
                    raise  # missing or damaged, not swapped under the load
                time.sleep(SWAP_WAIT_S)
                continue
            if _manifest_stamp(key) == stamp:
                _loaded[key] = (stamp, assistant)
                return assistant
    raise StoreError(f"the index at {index} was swapped {RELOAD_TRIES} times while it loaded; ask again")


def _words(text: str) -> list[str]:
    """The one-word BM25 tokens of ``text`` of two characters or more: no bigram, no lone letter or digit."""
    return [t for t in query_tokens(text) if "_" not in t and len(t.removeprefix(FOLDED_PREFIX)) >= 2]


def _ms(start: float) -> float:
    return round((time.perf_counter() - start) * 1000, 2)
