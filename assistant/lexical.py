"""BM25 over Vietnamese tokens (bm25s), its arrays memory-mapped and its vocabulary in a trie.

bm25s is given token ids from our own tokenizer: its tokenizer drops one-letter syllables and
uses an English stopword list that removes "an" (as in "an ninh"). The vocabulary (syllables,
bigrams and folded forms: most of them numbers and names seen once) is a memory-mapped
marisa trie instead of bm25s's Python dict, which held about a kilobyte per chunk.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import bm25s
import marisa_trie
import numpy as np
from bm25s.tokenization import Tokenized

VOCAB_FILE = "vocab.marisa"
ARRAYS = ("data.csc.index.npy", "indices.csc.index.npy", "indptr.csc.index.npy")
"""The score arrays bm25s saves (its default names), checked against each other before it opens them."""
Damage = Callable[[str, str], Exception]
"""Makes the error for damage to a saved index: (file name in its folder, "" for the folder as a whole;
what is wrong). The store's error names the index and says how to rebuild it."""


def _damage(name: str, problem: str) -> Exception:
    return ValueError(f"{name}: {problem}")


class LexicalIndex:
    def __init__(self, model: bm25s.BM25, vocab: marisa_trie.Trie, size: int,
                 damaged: Damage = _damage) -> None:
        self._model = model
        self._vocab = vocab
        self.size = size
        self._damaged = damaged

    @classmethod
    def build(cls, token_lists: Iterable[list[str]]) -> LexicalIndex:
        """Index each chunk's tokens; they are consumed one chunk at a time and kept as int32 ids."""
        first_seen: dict[str, int] = {}
        docs = [np.fromiter((first_seen.setdefault(t, len(first_seen)) for t in tokens), dtype=np.int32)
                for tokens in token_lists]
        vocab = marisa_trie.Trie(first_seen)
        to_trie = np.empty(len(first_seen), dtype=np.int32)
        for token, i in first_seen.items():
            to_trie[i] = vocab[token]
        del first_seen
        model = bm25s.BM25()
        if docs:
            ids = _IdLists([to_trie[doc] for doc in docs])
            model.index(Tokenized(ids=ids, vocab={i: i for i in range(len(vocab))}), create_empty_token=False,
                        show_progress=False)
            model.vocab_dict, model.unique_token_ids_set = {}, set()  # the trie is the vocabulary
        return cls(model, vocab, len(docs))

    def _ids(self, tokens: list[str]) -> list[int]:
        return [self._vocab[t] for t in tokens if t in self._vocab]

    def scores(self, query_tokens: list[str]) -> np.ndarray:
        """BM25 score of every chunk; tokens unknown to the corpus are ignored."""
        ids = self._ids(query_tokens) if self.size else []
        if not ids:
            return np.zeros(self.size, dtype=np.float32)
        try:
            return np.asarray(self._model.get_scores_from_ids(ids), dtype=np.float32)
        except (IndexError, ValueError) as exc:  # arrays altered after a load too large to hash them
            raise self._damaged("", f"a query read outside the BM25 arrays ({exc})") from None

    def knows(self, token: str) -> bool:
        """Whether any chunk contains ``token``."""
        return token in self._vocab

    def idf(self, tokens: list[str]) -> dict[str, float]:
        """Inverse document frequency over chunks, for weighting question words."""
        indptr = self._model.scores["indptr"] if self.size else None
        out = {}
        for token in tokens:
            row = self._vocab.get(token)
            df = 0 if indptr is None or row is None else int(indptr[row + 1] - indptr[row])
            out[token] = float(np.log(1 + (self.size - df + 0.5) / (df + 0.5)))
        return out

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "size.txt").write_text(str(self.size))
        self._vocab.save(str(folder / VOCAB_FILE))
        if self.size:
            self._model.save(str(folder), show_progress=False)

    @classmethod
    def load(cls, folder: Path, damaged: Damage = _damage) -> LexicalIndex:
        """Open a saved index; its arrays and vocabulary stay on disk until a query touches them.

        Files that cannot be read or disagree in length raise ``damaged(file, problem)``.
        """
        try:
            size = int((folder / "size.txt").read_bytes())
        except (OSError, ValueError) as exc:
            raise damaged("size.txt", f"not a chunk count ({exc})") from None
        vocab = marisa_trie.Trie()
        try:
            vocab.mmap(str(folder / VOCAB_FILE))
        except RuntimeError as exc:
            raise damaged(VOCAB_FILE, f"not a marisa trie ({exc})") from None
        if not size:
            return cls(bm25s.BM25(), vocab, 0, damaged)
        data, indices, indptr = (_open_array(folder, name, damaged) for name in ARRAYS)
        if indptr.shape != (len(vocab) + 1,) or not len(indptr) or indptr[0] != 0:
            raise damaged(ARRAYS[2], f"{indptr.shape[0]} offsets for a vocabulary of {len(vocab)}")
        for name, array in ((ARRAYS[0], data), (ARRAYS[1], indices)):
            if array.shape != (int(indptr[-1]),):
                raise damaged(name, f"{array.shape[0]} entries, the offsets say {int(indptr[-1])}")
        try:
            model = bm25s.BM25.load(str(folder), mmap=True, load_vocab=False, show_progress=False)
        except (OSError, ValueError, TypeError, KeyError, AttributeError) as exc:
            raise damaged("params.index.json", f"not bm25s parameters ({type(exc).__name__}: {exc})") \
                from None
        if model.scores.get("num_docs") != size:
            raise damaged("params.index.json", f"counts {model.scores.get('num_docs')} chunks, not {size}")
        return cls(model, vocab, size, damaged)


def _open_array(folder: Path, name: str, damaged: Damage) -> np.ndarray:
    try:
        array = np.load(folder / name, mmap_mode="r", allow_pickle=False)
    except (OSError, ValueError, EOFError) as exc:
        raise damaged(name, f"not a readable .npy file ({exc})") from None
    if array.ndim != 1:
        raise damaged(name, f"of shape {array.shape}, not one column")
    return array


class _IdLists(Sequence[list[int]]):
    """Each chunk's token ids as int32 arrays, handed to bm25s as a list one chunk at a time."""

    def __init__(self, arrays: list[np.ndarray]) -> None:
        self._arrays = arrays

    def __len__(self) -> int:
        return len(self._arrays)

    def __getitem__(self, i: int) -> list[int]:  # type: ignore[override]
        return self._arrays[i].tolist()
