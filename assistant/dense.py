"""The FAISS index type, chosen by corpus size: exact search while it is fast enough, HNSW above.

``benchmarks/run.py`` measures both at each size (latency and recall@10 against exact search);
``EXACT_UP_TO`` is set from those numbers (see ``benchmarks/RESULTS.md``).
"""
from __future__ import annotations

import faiss
import numpy as np

EXACT_UP_TO = 200_000
"""Largest corpus (in chunks) searched exactly: flat search took 9.9 ms p50 at 96k chunks (one thread),
while HNSW recall@10 there was 0.41 on random vectors (RESULTS.md); exact is affordable up to here."""

HNSW_NEIGHBOURS = 32
HNSW_EF_CONSTRUCTION = 80
HNSW_EF_SEARCH = 128
"""Search breadth; recall@10 against exact search must be measured on real embeddings at this size."""


def build_dense(vectors: np.ndarray, exact_up_to: int = EXACT_UP_TO) -> faiss.Index:
    """An inner-product index over unit vectors: flat (exact) or HNSW (approximate) by size."""
    n, dim = vectors.shape
    if n <= exact_up_to:
        index = faiss.IndexFlatIP(dim)
    else:
        index = faiss.IndexHNSWFlat(dim, HNSW_NEIGHBOURS, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
    index.add(np.ascontiguousarray(vectors, dtype=np.float32))
    return index


def search_parameters(index: faiss.Index, allowed: np.ndarray | None) -> faiss.SearchParameters | None:
    """Per-query parameters: the allowed ids (filters) and, for HNSW, the search breadth."""
    selector = faiss.IDSelectorBatch(np.flatnonzero(allowed).astype("int64")) if allowed is not None else None
    if isinstance(index, faiss.IndexHNSW):
        params = faiss.SearchParametersHNSW(efSearch=HNSW_EF_SEARCH)
        if selector is not None:
            params.sel = selector
        return params
    return faiss.SearchParameters(sel=selector) if selector is not None else None
