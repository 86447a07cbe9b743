"""BM25 over Vietnamese tokens (bm25s), saved as JSON and ``.npy``.

bm25s is given pre-tokenised text: its own tokenizer drops one-letter syllables and uses an
English stopword list that removes "an" (as in "an ninh").
"""
from __future__ import annotations

from pathlib import Path

import bm25s
import numpy as np


class LexicalIndex:
    def __init__(self, model: bm25s.BM25, size: int) -> None:
        self._model = model
        self.size = size

    @classmethod
    def build(cls, token_lists: list[list[str]]) -> "LexicalIndex":
        model = bm25s.BM25()
        if token_lists:
            model.index(token_lists, show_progress=False)
        return cls(model, len(token_lists))

    def scores(self, query_tokens: list[str]) -> np.ndarray:
        """BM25 score of every chunk; tokens unknown to the corpus are ignored."""
        if self.size == 0:
            return np.zeros(0, dtype=np.float32)
        vocab = self._model.vocab_dict
        known = [t for t in query_tokens if t in vocab]
        if not known:
            return np.zeros(self.size, dtype=np.float32)
        return np.asarray(self._model.get_scores(known), dtype=np.float32)

    def knows(self, token: str) -> bool:
        """Whether any chunk contains ``token``."""
        return self.size > 0 and token in self._model.vocab_dict

    def idf(self, tokens: list[str]) -> dict[str, float]:
        """Inverse document frequency over chunks, for weighting question words."""
        vocab = self._model.vocab_dict
        indptr = self._model.scores["indptr"] if self.size else None
        out = {}
        for token in tokens:
            df = 0 if indptr is None or token not in vocab else int(indptr[vocab[token] + 1] - indptr[vocab[token]])
            out[token] = float(np.log(1 + (self.size - df + 0.5) / (df + 0.5)))
        return out

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "size.txt").write_text(str(self.size))
        if self.size:
            self._model.save(str(folder), show_progress=False)

    @classmethod
    def load(cls, folder: Path) -> "LexicalIndex":
        size = int((folder / "size.txt").read_text())
        model = bm25s.BM25.load(str(folder), show_progress=False) if size else bm25s.BM25()
        return cls(model, size)
