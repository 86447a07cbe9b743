"""BM25 over Vietnamese tokens, its arrays memory-mapped and its vocabulary in a trie.

The scores are bm25s's (Lucene variant, k1 1.5, b 0.75, float32), with which the fusion weights
and the eval floors were tuned, bit for bit; they are computed here from our own tokens' int32 ids
because bm25s's build sorts every posting with int64 copies (20 GiB at 1M chunks) and its query
scatters every posting of every question token. The vocabulary (syllables, bigrams and folded
forms: most of them numbers and names seen once) is a memory-mapped marisa trie.

Postings are a CSC matrix (chunks × tokens) of precomputed scores, except for the tokens found in
more than half the chunks: each of those is one dense row of scores, added to a query's scores in
one vectorised pass instead of scattering up to a million postings (see ``DENSE_SHARE``).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path

import marisa_trie
import numpy as np
from scipy import sparse

K1, B = 1.5, 0.75
"""bm25s's defaults, with which the fusion weights were tuned; changing them needs a new index format."""
DENSE_SHARE = 0.5
"""A token in more than this share of the chunks is stored as a dense row of float32 scores. Its
postings (a 4-byte score and a 4-byte chunk id each) would take at least as many bytes, so the
index is no larger, and a query adds the row in one pass instead of scattering over half the
chunks or more. Lucene's idf never reaches zero (below log 2 for these tokens, against 13 for a
token seen once in a million chunks), so they cannot be skipped without changing the rankings."""
BATCH = 4096
"""Chunks turned into postings at once: their int64 sort keys take a few tens of MiB (≈ 400 tokens a chunk)."""
BLOCK = 1 << 24
"""Postings renumbered at once: the renumbering copy takes 64 MiB, not 4 bytes a posting."""
VOCAB_FILE = "vocab.marisa"
ARRAYS = ("data.npy", "indices.npy", "indptr.npy", "dense.npy", "dense_tokens.npy")
"""Sparse scores, their chunk ids, each token's offsets into both; the dense rows and, for each,
its token id and document frequency."""
Damage = Callable[[str, str], Exception]
"""Makes the error for damage to a saved index: (file name in its folder, "" for the folder as a whole;
what is wrong). The store's error names the index and says how to rebuild it."""


def _damage(name: str, problem: str) -> Exception:
    return ValueError(f"{name}: {problem}")


class LexicalIndex:
    def __init__(self, vocab: marisa_trie.Trie, size: int, arrays: dict[str, np.ndarray],
                 damaged: Damage = _damage) -> None:
        self._vocab = vocab
        self.size = size
        self._data, self._indices, self._indptr = arrays["data"], arrays["indices"], arrays["indptr"]
        self._dense, self._dense_tokens = arrays["dense"], arrays["dense_tokens"]
        self._dense_rows = {int(t): row for row, t in enumerate(self._dense_tokens[:, 0])}
        self._damaged = damaged

    @classmethod
    def build(cls, token_lists: Iterable[list[str]]) -> LexicalIndex:
        """Index each chunk's tokens; they are consumed a batch of chunks at a time and kept as int32 ids."""
        first_seen: dict[str, int] = {}
        lengths, distinct, tokens, freqs = _postings(token_lists, first_seen)
        vocab = marisa_trie.Trie(first_seen)
        to_trie = np.empty(len(first_seen), dtype=np.int32)
        for token, i in first_seen.items():
            to_trie[i] = vocab[token]
        del first_seen
        for s in range(0, len(tokens), BLOCK):
            tokens[s:s + BLOCK] = to_trie[tokens[s:s + BLOCK]]
        del to_trie
        return cls(vocab, len(lengths), _score_arrays(lengths, distinct, tokens, freqs, len(vocab)))

    def _ids(self, tokens: list[str]) -> list[int]:
        return [self._vocab[t] for t in tokens if t in self._vocab]

    def scores(self, query_tokens: list[str]) -> np.ndarray:
        """BM25 score of every chunk; tokens unknown to the corpus are ignored.

        Tokens are added in query order, repeats included, each in float32: the sums bm25s makes.
        """
        out = np.zeros(self.size, dtype=np.float32)
        try:
            for token in self._ids(query_tokens) if self.size else []:
                row = self._dense_rows.get(token)
                if row is not None:
                    out += self._dense[row]
                else:
                    start, end = self._indptr[token], self._indptr[token + 1]
                    np.add.at(out, self._indices[start:end], self._data[start:end])
        except (IndexError, ValueError) as exc:  # arrays altered after a load too large to hash them
            raise self._damaged("", f"a query read outside the BM25 arrays ({exc})") from None
        return out

    def knows(self, token: str) -> bool:
        """Whether any chunk contains ``token``."""
        return token in self._vocab

    def idf(self, tokens: list[str]) -> dict[str, float]:
        """Inverse document frequency over chunks, for weighting question words."""
        out = {}
        for token in tokens:
            row = self._vocab.get(token)
            df = 0 if row is None or not self.size else self._df(row)
            out[token] = float(np.log(1 + (self.size - df + 0.5) / (df + 0.5)))
        return out

    def _df(self, token: int) -> int:
        row = self._dense_rows.get(token)
        return int(self._indptr[token + 1] - self._indptr[token] if row is None else self._dense_tokens[row, 1])

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "size.txt").write_text(str(self.size))
        self._vocab.save(str(folder / VOCAB_FILE))
        if self.size:
            arrays = (self._data, self._indices, self._indptr, self._dense, self._dense_tokens)
            for name, array in zip(ARRAYS, arrays, strict=True):
                np.save(folder / name, array, allow_pickle=False)

    @classmethod
    def load(cls, folder: Path, damaged: Damage = _damage) -> LexicalIndex:
        """Open a saved index; its arrays and vocabulary stay on disk until a query touches them.

        Files that cannot be read or disagree in shape raise ``damaged(file, problem)``.
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
            return cls(vocab, 0, _empty_arrays(len(vocab)), damaged)
        arrays = {name.removesuffix(".npy"): _open_array(folder, name, damaged) for name in ARRAYS}
        _check_shapes(arrays, size, len(vocab), damaged)
        return cls(vocab, size, arrays, damaged)


def _postings(token_lists: Iterable[list[str]], first_seen: dict[str, int]
              ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Each chunk's length in tokens and number of distinct tokens, then its distinct token ids
    (numbered as first seen) and their counts, chunk after chunk: a CSR matrix of term frequencies,
    made without a Python object per posting."""
    lengths, distinct, tokens, freqs = [], [], [], []
    for batch in _batches(iter(token_lists)):
        ids = [np.fromiter((first_seen.setdefault(t, len(first_seen)) for t in chunk), dtype=np.int32)
               for chunk in batch]
        sizes = np.array([len(a) for a in ids], dtype=np.int64)
        width = max(len(first_seen), 1)
        keys = np.repeat(np.arange(len(ids), dtype=np.int64) * width, sizes) + np.concatenate(ids)
        unique, tf = np.unique(keys, return_counts=True)
        lengths.append(sizes)
        distinct.append(np.bincount(unique // width, minlength=len(ids)))
        tokens.append((unique % width).astype(np.int32))
        freqs.append(tf.astype(np.float32))
    return (_concatenate(lengths, np.int64), _concatenate(distinct, np.int64), _concatenate(tokens, np.int32),
            _concatenate(freqs, np.float32))


def _batches(chunks: Iterator[list[str]]) -> Iterator[list[list[str]]]:
    while batch := list(islice(chunks, BATCH)):
        yield batch


def _concatenate(parts: list[np.ndarray], dtype: type) -> np.ndarray:
    """One array from the batches' parts, each freed once copied (the parts and the whole never both full)."""
    out = np.empty(sum(len(p) for p in parts), dtype=dtype)
    at = 0
    while parts:
        part = parts.pop(0)
        out[at:at + len(part)] = part
        at += len(part)
    return out


def _score_arrays(lengths: np.ndarray, distinct: np.ndarray, tokens: np.ndarray, freqs: np.ndarray,
                  vocab_size: int) -> dict[str, np.ndarray]:
    """The stored arrays from the term frequencies (overwritten with the scores): BM25 scores in CSC,
    the common tokens' columns made dense. scipy transposes the int32 CSR by counting, without a sort."""
    n = len(lengths)
    offsets = np.int32 if distinct.sum() < 2**31 else np.int64  # scipy keeps the offsets' type for every index
    indptr = np.concatenate([[0], np.cumsum(distinct)]).astype(offsets)
    df = np.bincount(tokens, minlength=vocab_size)
    _score_in_place(freqs, tokens, indptr, lengths, _idf(df, n))
    matrix = sparse.csr_array((freqs, tokens, indptr), shape=(n, vocab_size)).tocsc()
    common = np.flatnonzero(df > DENSE_SHARE * n).astype(np.int32)
    dense = matrix[:, common].T.toarray()
    for token in common:  # scores are positive, so zeroing marks exactly these postings
        matrix.data[matrix.indptr[token]:matrix.indptr[token + 1]] = 0
    matrix.eliminate_zeros()
    return {"data": matrix.data, "indices": matrix.indices, "indptr": matrix.indptr, "dense": dense,
            "dense_tokens": np.stack([common, df[common].astype(np.int32)], axis=1)}


def _idf(df: np.ndarray, n: int) -> np.ndarray:
    """Lucene's idf, in float32 as bm25s keeps it."""
    return np.log(1 + (n - df + 0.5) / (df + 0.5)).astype(np.float32)


def _score_in_place(freqs: np.ndarray, tokens: np.ndarray, indptr: np.ndarray, lengths: np.ndarray,
                    idf: np.ndarray) -> None:
    """idf × tf / (k1 (1 - b + b len / avg) + tf), bm25s's operations in its order and types
    (float64, then float32), a batch of chunks at a time."""
    average = lengths.mean() if lengths.any() else 1.0  # no token at all: nothing to score
    norm = K1 * ((1 - B) + B * lengths / average)
    for r0 in range(0, len(lengths), BATCH):
        r1 = min(r0 + BATCH, len(lengths))
        s, e = indptr[r0], indptr[r1]
        tf = freqs[s:e].astype(np.float64)
        freqs[s:e] = idf[tokens[s:e]] * (tf / (np.repeat(norm[r0:r1], np.diff(indptr[r0:r1 + 1])) + tf))


def _empty_arrays(vocab_size: int) -> dict[str, np.ndarray]:
    return {"data": np.zeros(0, np.float32), "indices": np.zeros(0, np.int32),
            "indptr": np.zeros(vocab_size + 1, np.int32), "dense": np.zeros((0, 0), np.float32),
            "dense_tokens": np.zeros((0, 2), np.int32)}


def _open_array(folder: Path, name: str, damaged: Damage) -> np.ndarray:
    try:
        return np.load(folder / name, mmap_mode="r", allow_pickle=False)
    except (OSError, ValueError, EOFError) as exc:
        raise damaged(name, f"not a readable .npy file ({exc})") from None


def _check_shapes(arrays: dict[str, np.ndarray], size: int, vocab_size: int, damaged: Damage) -> None:
    """The arrays agree with each other, the chunk count and the vocabulary (their bytes are the hash's job)."""
    data, indices, indptr, dense, tokens = (arrays[n.removesuffix(".npy")] for n in ARRAYS)
    if indptr.shape != (vocab_size + 1,) or indptr[0] != 0:
        raise damaged(ARRAYS[2], f"of shape {indptr.shape}, not the offsets of a vocabulary of {vocab_size}")
    for name, array in ((ARRAYS[0], data), (ARRAYS[1], indices)):
        if array.shape != (int(indptr[-1]),):
            raise damaged(name, f"of shape {array.shape}, the offsets say {int(indptr[-1])} entries")
    if tokens.ndim != 2 or tokens.shape[1] != 2 or not np.all((0 <= tokens[:, 0]) & (tokens[:, 0] < vocab_size)):
        raise damaged(ARRAYS[4], f"of shape {tokens.shape}, not (token, chunk count) pairs of this vocabulary")
    if dense.shape != (len(tokens), size):
        raise damaged(ARRAYS[3], f"of shape {dense.shape}, not {len(tokens)} rows of {size} chunks")
