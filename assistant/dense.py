"""The FAISS index type, chosen by corpus size: exact search while it is fast enough, HNSW above.

``benchmarks/run.py`` measures both at each size (latency and recall@10 against exact search);
``EXACT_UP_TO`` is set from those numbers (see ``benchmarks/RESULTS.md``).
"""
from __future__ import annotations

import os

import faiss
import numpy as np

EXACT_UP_TO = 200_000
"""Largest corpus (in chunks) searched exactly: flat search takes 12 ms at 96k chunks and 25 ms at 200k
(one thread), while HNSW recall@10 on random vectors was 0.40 at 96k and 0.10 at 1M (RESULTS.md)."""

HNSW_NEIGHBOURS = 32
HNSW_EF_CONSTRUCTION = 80
HNSW_EF_SEARCH = 128
"""Search breadth; recall@10 against exact search must be measured on real embeddings at this size."""


SEARCH_THREADS = 1
"""OpenMP threads for one query: splitting one scan was slower here (flat search at 96k chunks, right
after the query embedding: 12 ms p50 on one thread, 19 ms on two). Builds use every core."""


def build_dense(vectors: np.ndarray, exact_up_to: int = EXACT_UP_TO) -> faiss.Index:
    """An inner-product index over unit vectors: flat (exact) or HNSW (approximate) by size."""
    faiss.omp_set_num_threads(os.cpu_count() or 1)  # OpenMP thread counts are per calling thread
    n, dim = vectors.shape
    if n <= exact_up_to:
        index = faiss.IndexFlatIP(dim)
    else:
        index = faiss.IndexHNSWFlat(dim, HNSW_NEIGHBOURS, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
    index.add(np.ascontiguousarray(vectors, dtype=np.float32))
    return index


def search(index: faiss.Index, queries: np.ndarray, k: int,
           allowed: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Similarities and ids of the ``k`` nearest chunks among the ``allowed`` ones (all when None)."""
    faiss.omp_set_num_threads(SEARCH_THREADS)
    return index.search(queries, k, params=_parameters(index, allowed))


def _parameters(index: faiss.Index, allowed: np.ndarray | None) -> faiss.SearchParameters | None:
    """Per-query parameters: the allowed ids (filters) and, for HNSW, the search breadth."""
    selector = faiss.IDSelectorBatch(np.flatnonzero(allowed).astype("int64")) if allowed is not None else None
    if isinstance(index, faiss.IndexHNSW):
        params = faiss.SearchParametersHNSW(efSearch=HNSW_EF_SEARCH)
        if selector is not None:
            params.sel = selector
        return params
    return faiss.SearchParameters(sel=selector) if selector is not None else None
