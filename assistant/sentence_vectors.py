"""Every content sentence of every report, with its vector: the answer scorer's sentence cosine.

A candidate sentence is compared with the question by the embedding model, not only by its chunk:
a chunk of 700 characters holds several sentences, and the one that answers is often not the one
that made the chunk rank. Each sentence (or table row) that a chunk covers is embedded at index
time as passages are (the report's header line, then the sentence) and stored in the index folder:

- ``sentences.npy``: int32 rows (report row, start, end), grouped by report in report order;
- ``sentence_vectors.npy``: float16 unit vectors, row i for sentence i (half precision keeps a
  cosine to three decimals, and halves what the folder and the page cache hold).

Both are memory-mapped at load; a question reads only the rows of the reports it retrieved. A
build re-embeds only the sentences of new or changed reports.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from assistant.text import sentences

SENTENCES_FILE = "sentences.npy"
SENTENCE_VECTORS_FILE = "sentence_vectors.npy"


def content_sentences(text: str, chunk_spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences of the text the chunks cover (overlapping chunks merged), never of boilerplate."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(chunk_spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return [span for start, end in merged for span in sentences(text, start, end)]


class SentenceTable:
    """Sentence spans and their vectors; ``vector(doc_id, start, end)`` finds one sentence's row."""

    def __init__(self, report_ids: Sequence[str], columns: np.ndarray, vectors: np.ndarray) -> None:
        if columns.ndim != 2 or columns.shape[1] != 3 or len(vectors) != len(columns):
            raise ValueError(f"sentence columns of shape {columns.shape} for {len(vectors)} vectors")
        self.columns = columns
        self.vectors = vectors
        self._row = {doc_id: i for i, doc_id in enumerate(report_ids)}
        report = np.asarray(columns[:, 0]) if len(columns) else np.zeros(0, dtype=np.int32)
        self._first = np.searchsorted(report, np.arange(len(report_ids) + 1)).tolist()
        self._spans: dict[int, dict[int, int]] = {}

    def __len__(self) -> int:
        return len(self.columns)

    def rows_of(self, doc_id: str) -> range:
        i = self._row.get(doc_id)
        return range(0) if i is None else range(self._first[i], self._first[i + 1])

    def vector(self, doc_id: str, start: int, end: int) -> np.ndarray | None:
        """The unit vector of the sentence ``[start, end)`` of a report (float32), or None if not stored."""
        i = self._row.get(doc_id)
        if i is None:
            return None
        spans = self._spans.get(i)
        if spans is None:
            rows = self.rows_of(doc_id)
            spans = {int(s): rows.start + k for k, s in enumerate(self.columns[rows.start:rows.stop, 1])}
            self._spans[i] = spans
        row = spans.get(start)
        if row is None or int(self.columns[row, 2]) != end:
            return None
        return np.asarray(self.vectors[row], dtype=np.float32)

    def report_vectors(self, doc_id: str) -> tuple[np.ndarray, np.ndarray]:
        """A report's (start, end) rows and vectors, as a build reuses them."""
        rows = self.rows_of(doc_id)
        return self.columns[rows.start:rows.stop, 1:3], self.vectors[rows.start:rows.stop]

    @classmethod
    def build(cls, reports: Sequence[tuple[str, str, str, Sequence[tuple[int, int]]]],
              embed: Callable[[list[tuple[str, str]]], np.ndarray], dim: int, previous: SentenceTable | None = None,
              reused: frozenset[str] = frozenset()) -> SentenceTable:
        """The table of ``reports`` (doc_id, text, header, chunk spans), in that order.

        The reports in ``reused`` keep the previous table's vectors when their sentences are the same;
        the others' sentences are embedded by ``embed`` from (header, sentence) pairs, as passages.
        """
        columns: list[tuple[int, int, int]] = []
        vectors: list[np.ndarray | None] = []
        todo: list[tuple[int, tuple[str, str]]] = []
        for row, (doc_id, text, header, spans) in enumerate(reports):
            found = content_sentences(text, spans)
            old = previous.report_vectors(doc_id) if previous is not None and doc_id in reused else None
            if old is not None and [tuple(map(int, s)) for s in old[0]] == found:
                columns += [(row, s, e) for s, e in found]
                vectors += list(np.asarray(old[1], dtype=np.float16))
                continue
            for s, e in found:
                todo.append((len(vectors), (header, text[s:e])))
                columns.append((row, s, e))
                vectors.append(None)
        if todo:
            made = np.asarray(embed([t for _, t in todo]), dtype=np.float16)
            for (at, _), v in zip(todo, made):
                vectors[at] = v
        matrix = np.stack(vectors).astype(np.float16) if vectors else np.zeros((0, dim), dtype=np.float16)
        return cls([r[0] for r in reports], np.array(columns, dtype=np.int32).reshape(-1, 3), matrix)

    def save(self, folder: Path) -> None:
        np.save(folder / SENTENCES_FILE, np.ascontiguousarray(self.columns, dtype=np.int32), allow_pickle=False)
        np.save(folder / SENTENCE_VECTORS_FILE, np.ascontiguousarray(self.vectors, dtype=np.float16),
                allow_pickle=False)
