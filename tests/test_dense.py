"""The FAISS index type by size, and filtered search on both types."""
from __future__ import annotations

import faiss
import numpy as np

from assistant.dense import build_dense, search


def unit_vectors(n: int, dim: int = 64, seed: int = 0) -> np.ndarray:
    v = np.random.default_rng(seed).standard_normal((n, dim)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def test_exact_below_the_threshold_hnsw_above_with_high_recall():
    vectors, queries = unit_vectors(3000), unit_vectors(50, seed=1)
    exact, approx = build_dense(vectors, exact_up_to=5000), build_dense(vectors, exact_up_to=1000)
    assert isinstance(exact, faiss.IndexFlatIP) and isinstance(approx, faiss.IndexHNSW)
    _, truth = exact.search(queries, 10)
    _, found = search(approx, queries, 10)
    recall = np.mean([len(set(t) & set(f)) / 10 for t, f in zip(truth, found)])
    assert recall >= 0.9


def test_filters_restrict_both_index_types():
    vectors = unit_vectors(2000)
    allowed = np.zeros(len(vectors), dtype=bool)
    allowed[::7] = True
    for index in (build_dense(vectors, exact_up_to=5000), build_dense(vectors, exact_up_to=100)):
        _, ids = search(index, vectors[:5], 10, allowed)
        assert all(allowed[i] for i in ids.ravel() if i >= 0) and (ids >= 0).sum() >= 45
