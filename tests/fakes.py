"""A deterministic stand-in for the embedding model, for fast tests of logic and plumbing (never instead
of the real-model tests beside them)."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import numpy as np

from assistant.indexer import build_index
from assistant.store import IndexData, load_index


class WordEmbedder:
    """Each word hashed into one of 64 dimensions: deterministic across processes (blake2b, not the
    salted ``hash``), and texts sharing words get similar vectors. Keeps every passage it embedded."""

    model_id, dim, prompts = "test/word-hash", 64, {"query": "query: ", "passage": "passage: "}

    def __init__(self) -> None:
        self.passages: list[str] = []

    def embed_query(self, texts):
        return self._embed(texts)

    def embed_passages(self, texts, *, show_progress=False):
        self.passages += list(texts)
        return self._embed(texts)

    def _embed(self, texts) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"\w+", text.lower()):
                out[row, hashlib.blake2b(word.encode(), digest_size=2).digest()[0] % self.dim] += 1
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)


def tiny_index(root: Path, reports: dict[str, str]) -> IndexData:
    """An index of ``reports`` (file name → text) under ``root``, embedded by ``WordEmbedder``."""
    corpus = root / "corpus"
    corpus.mkdir(parents=True)
    for name, text in reports.items():
        (corpus / name).write_text(text, encoding="utf-8")
    build_index(corpus, root / "index", embedder=WordEmbedder())
    return load_index(root / "index")
