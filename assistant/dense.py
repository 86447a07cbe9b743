"""The FAISS index type, chosen by corpus size: exact search while it is fast enough, HNSW above.

``benchmarks/run.py`` measures both at each size (latency and recall@10 against exact search);
``DenseIndexSettings.exact_up_to`` is set from those numbers (see ``benchmarks/RESULTS.md``).
"""
from __future__ import annotations

import os

import faiss
import numpy as np

from assistant.settings import DenseIndexSettings

DENSE = DenseIndexSettings()
"""Index type, HNSW parameters and search threads (each explained in ``assistant.settings``)."""


def build_dense(vectors: np.ndarray, exact_up_to: int = DENSE.exact_up_to) -> faiss.Index:
    """An inner-product index over unit vectors: flat (exact) or HNSW (approximate) by size."""
    faiss.omp_set_num_threads(os.cpu_count() or 1)  # OpenMP thread counts are per calling thread
    n, dim = vectors.shape
    if n <= exact_up_to:
        index = faiss.IndexFlatIP(dim)
    else:
        index = faiss.IndexHNSWFlat(dim, DENSE.hnsw_neighbours, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = DENSE.hnsw_ef_construction
    index.add(np.ascontiguousarray(vectors, dtype=np.float32))
    return index


def search(index: faiss.Index, queries: np.ndarray, k: int,
           allowed: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Similarities and ids of the ``k`` nearest chunks among the ``allowed`` ones (all when None)."""
    faiss.omp_set_num_threads(DENSE.search_threads)
    return index.search(queries, k, params=_parameters(index, allowed))


def _parameters(index: faiss.Index, allowed: np.ndarray | None) -> faiss.SearchParameters | None:
    """Per-query parameters: the allowed ids (filters) and, for HNSW, the search breadth."""
    selector = faiss.IDSelectorBatch(np.flatnonzero(allowed).astype("int64")) if allowed is not None else None
    if isinstance(index, faiss.IndexHNSW):
        params = faiss.SearchParametersHNSW(efSearch=DENSE.hnsw_ef_search)
        if selector is not None:
            params.sel = selector
        return params
    return faiss.SearchParameters(sel=selector) if selector is not None else None
