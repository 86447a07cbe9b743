"""Hybrid retrieval: BM25 and dense (FAISS) rankings fused by reciprocal rank fusion."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from assistant.dense import search
from assistant.embedding import Embedder
from assistant.settings import RetrievalSettings
from assistant.store import IndexData
from assistant.text import query_tokens

Mode = Literal["hybrid", "bm25", "dense"]


@dataclass(frozen=True)
class Filters:
    """Restrictions on which reports may answer; ``None`` fields do not restrict."""

    province: str | None = None
    year: int | None = None


@dataclass(frozen=True)
class Hit:
    chunk: int
    score: float
    bm25: float = 0.0
    dense: float = 0.0


@dataclass
class Retrieval:
    hits: list[Hit]
    timings_ms: dict[str, float] = field(default_factory=dict)


class ChunkFacets:
    """Each report's province, merged province and year, as arrays, so filters cost O(n) in numpy."""

    def __init__(self, data: IndexData) -> None:
        metas = [r.meta for r in data.reports.values()]
        self.chunk_report = data.chunks.report
        self.province = np.array([m.get("province") or "" for m in metas], dtype=object)
        self.merged = np.array([m.get("merged_province") or "" for m in metas], dtype=object)
        years = [str(m.get("date") or "")[:4] for m in metas]
        self.year = np.array([int(y) if y.isdigit() else 0 for y in years], dtype=np.int32)

    def allowed(self, filters: Filters) -> np.ndarray | None:
        """Boolean mask of chunks whose report passes the filters, or None when nothing filters."""
        if filters.province is None and filters.year is None:
            return None
        reports = np.ones(len(self.year), dtype=bool)
        if filters.province:
            reports &= (self.province == filters.province) | (self.merged == filters.province)
        if filters.year:
            reports &= self.year == filters.year
        return reports[self.chunk_report]


class Retriever:
    def __init__(self, data: IndexData, embedder: Embedder, mode: Mode = "hybrid",
                 settings: RetrievalSettings | None = None) -> None:
        self.data = data
        self.embedder = embedder
        self.mode = mode
        self.settings = settings or RetrievalSettings()
        self.facets = ChunkFacets(data)

    def retrieve(self, query: str, k: int = 5, filters: Filters = Filters(), expansion: str = "") -> Retrieval:
        """Top ``k`` chunks for ``query``; ``expansion`` adds terms to the BM25 side only."""
        timings: dict[str, float] = {}
        n = len(self.data.chunks)
        if n == 0:
            return Retrieval([], timings)
        mask = self.facets.allowed(filters)
        if mask is not None and not mask.any():
            return Retrieval([], timings)
        depth = min(n, max(self.settings.depth, k))
        bm25_rank, bm25_scores = ([], np.zeros(n, np.float32))
        dense_rank, dense_scores = ([], np.zeros(n, np.float32))
        if self.mode in ("hybrid", "bm25"):
            t0 = time.perf_counter()
            bm25_rank, bm25_scores = self._bm25(query, expansion, mask, depth)
            timings["bm25"] = _ms(t0)
        if self.mode in ("hybrid", "dense"):
            t0 = time.perf_counter()
            vector = self.embedder.embed_query([query])
            timings["embed"] = _ms(t0)
            t0 = time.perf_counter()
            dense_rank, dense_scores = self._dense(vector, mask, depth)
            timings["faiss"] = _ms(t0)
        t0 = time.perf_counter()
        fused: dict[int, float] = {}
        sides = ((self.settings.bm25_weight, bm25_rank), (self.settings.dense_weight, dense_rank))
        for weight, ranking in sides:
            for rank, chunk in enumerate(ranking):
                fused[chunk] = fused.get(chunk, 0.0) + weight / (self.settings.rrf_k + rank + 1)
        order = sorted(fused, key=lambda c: (-fused[c], c))[:k]
        timings["fusion"] = _ms(t0)
        # One side ranks; the hits still carry the other side's score, which the answer scorer weighs
        # (it learned on hybrid hits): a one-sided configuration ablates retrieval, not the features.
        if self.mode == "bm25" and order:
            t0 = time.perf_counter()
            vector = np.asarray(self.embedder.embed_query([query]), dtype=np.float32).reshape(-1)
            dense_scores[order] = np.asarray(self.data.vectors[order], dtype=np.float32) @ vector
            timings["embed"] = _ms(t0)
        if self.mode == "dense" and order:
            t0 = time.perf_counter()
            _, bm25_scores = self._bm25(query, expansion, mask, depth)
            timings["bm25"] = _ms(t0)
        hits = [Hit(c, fused[c], float(bm25_scores[c]), float(dense_scores[c])) for c in order]
        return Retrieval(hits, timings)

    def _bm25(self, query: str, expansion: str, mask: np.ndarray | None, depth: int) -> tuple[list[int], np.ndarray]:
        tokens = query_tokens(query)
        if expansion:
            tokens += query_tokens(expansion)
        scores = self.data.lexical.scores(tokens)
        if mask is not None:
            scores = np.where(mask, scores, 0.0)
        return _top(scores, depth, self.settings.top_sample_stride), scores

    def _dense(self, vector: np.ndarray, mask: np.ndarray | None, depth: int) -> tuple[list[int], np.ndarray]:
        query = np.ascontiguousarray(vector.reshape(1, -1), dtype=np.float32)
        sims, ids = search(self.data.dense, query, depth, mask)
        scores = np.zeros(len(self.data.chunks), dtype=np.float32)
        ranking = [int(i) for i in ids[0] if i >= 0]
        scores[ranking] = sims[0][: len(ranking)]
        return ranking, scores


def _top(scores: np.ndarray, depth: int, stride: int) -> list[int]:
    """Indices of the ``depth`` best positive scores, best first, ties by index, without sorting them all.

    At least ``depth`` scores reach the ``depth``-th best of every ``stride``-th score,
    so only the scores that reach it are ranked: a few thousand of a million chunks, when nearly
    every chunk shares a common word with the question. Equal scores at the cut go to the lower
    chunk index (a partition of them all chose among them in no set order).
    """
    sample = scores[::stride]
    cut = np.partition(sample, len(sample) - depth)[len(sample) - depth] if len(sample) > depth else 0.0
    candidates = np.flatnonzero(scores >= cut) if cut > 0 else np.flatnonzero(scores > 0)
    values = scores[candidates]
    if len(candidates) > depth:
        kth = np.partition(values, len(values) - depth)[len(values) - depth]
        above = np.flatnonzero(values > kth)
        keep = np.concatenate([above, np.flatnonzero(values == kth)[: depth - len(above)]])
        candidates, values = candidates[keep], values[keep]
    return candidates[np.lexsort((candidates, -values))].tolist()


def _ms(start: float) -> float:
    return round((time.perf_counter() - start) * 1000, 2)
