"""BM25 (assistant/lexical.py) scores as bm25s did before it was replaced, on a tiny corpus and the seeds."""
from __future__ import annotations

import json
from pathlib import Path

import bm25s
import numpy as np
import pytest
from bm25s.tokenization import Tokenized

from assistant.lexical import LexicalIndex
from assistant.retrieve import _top
from assistant.text import bm25_tokens, query_tokens

ROOT = Path(__file__).resolve().parent.parent
TINY = [["an", "ninh", "xã", "an"], ["xã", "tổ", "tự", "quản"], ["xã", "an", "toàn"], ["xã", "ninh", "ninh", "bình"]]
""""xã" is in every chunk, "an" and "ninh" in half of them: the rows a dense store and the postings hold."""


def reference(chunks: list[list[str]], index: LexicalIndex) -> bm25s.BM25:
    """bm25s over the same token ids, as the index was built before (lexical.py of 156cddf)."""
    model = bm25s.BM25()
    ids = [[index._vocab[t] for t in chunk] for chunk in chunks]
    model.index(Tokenized(ids=ids, vocab={i: i for i in range(len(index._vocab))}), create_empty_token=False,
                show_progress=False)
    return model


def reference_scores(model: bm25s.BM25, index: LexicalIndex, tokens: list[str]) -> np.ndarray:
    ids = index._ids(tokens)
    return np.asarray(model.get_scores_from_ids(ids), np.float32) if ids else np.zeros(index.size, np.float32)


def test_a_token_in_every_chunk_is_a_dense_row_and_scores_as_bm25s(tmp_path):
    index = LexicalIndex.build(iter(TINY))
    dense = {index._vocab.restore_key(int(t)) for t in index._dense_tokens[:, 0]}
    assert dense == {"xã"}  # in all 4 chunks; "an" and "ninh" (2 of 4) stay postings
    model = reference(TINY, index)
    index.save(tmp_path / "bm25")
    loaded = LexicalIndex.load(tmp_path / "bm25")
    for query in (["xã"], ["an", "xã"], ["xã", "ninh", "xã"], ["bình", "không-có"], ["không-có"], []):
        expected = reference_scores(model, index, query)
        for ours in (index, loaded):
            assert np.array_equal(ours.scores(query), expected), query
    assert (index.scores(["xã"]) > 0).all()  # Lucene's idf is positive: the common token still counts
    assert index.idf(["xã", "an", "không-có"]) == loaded.idf(["xã", "an", "không-có"])
    assert index.idf(["xã"])["xã"] == pytest.approx(np.log(1 + 0.5 / 4.5))


def test_an_empty_corpus_builds_saves_and_loads(tmp_path):
    index = LexicalIndex.build(iter([]))
    index.save(tmp_path / "bm25")
    loaded = LexicalIndex.load(tmp_path / "bm25")
    assert loaded.size == 0 and loaded.scores(["xã"]).shape == (0,) and not loaded.knows("xã")


def test_a_dense_block_of_the_wrong_shape_is_damage(tmp_path):
    LexicalIndex.build(iter(TINY)).save(tmp_path / "bm25")
    np.save(tmp_path / "bm25/dense.npy", np.zeros((1, 3), np.float32))
    with pytest.raises(ValueError, match=r"dense\.npy: of shape \(1, 3\), not 1 rows of 4 chunks"):
        LexicalIndex.load(tmp_path / "bm25")


def test_top_ranks_as_a_full_sort_ties_by_chunk():
    rng = np.random.default_rng(0)
    for trial in range(600):
        n, depth, stride = int(rng.integers(1, 5000)), int(rng.integers(1, 80)), int(rng.choice([1, 7, 64]))
        scores = [rng.random(n), rng.integers(0, 4, n), (rng.random(n) < 0.03) * rng.random(n)][trial % 3]
        scores = scores.astype(np.float32)
        positive = np.flatnonzero(scores > 0)
        assert _top(scores, depth, stride) == positive[np.lexsort((positive, -scores[positive]))][:depth].tolist()


@pytest.mark.slow
def test_the_seed_reports_score_every_eval_question_as_bm25s_did(seed_index):
    """The same float32 score for every chunk, bit for bit (so the same ranking), for the 324 dev and test questions."""
    from assistant.store import load_index

    data = load_index(seed_index)
    chunks = [bm25_tokens(f"{data.chunks[i].header}\n{data.chunk_text(i)}") for i in range(len(data.chunks))]
    model = reference(chunks, data.lexical)
    assert len(data.lexical._dense_tokens) > 0  # both paths are exercised
    lines = (ROOT / "evals/qa.jsonl").read_text(encoding="utf-8").splitlines()
    questions = [json.loads(line)["question"] for line in lines]
    for question in questions:
        tokens = query_tokens(question)
        ours, expected = data.lexical.scores(tokens), reference_scores(model, data.lexical, tokens)
        assert np.array_equal(ours, expected), question
