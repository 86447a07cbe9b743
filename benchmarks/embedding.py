"""The embedding backends side by side: question latency, passage throughput, fidelity to torch.

    .venv/bin/python benchmarks/embedding.py [--passages 512] [--questions 200] [--rounds 2]

In one process, for ``torch``, ``onnx-fp32`` and ``onnx-int8`` (``assistant/embedding.py``) it times:

- **per question**: ``embed_query`` of one question at a time, on one thread (what ``ask`` does);
  the questions are those of ``evals/qa.jsonl`` (dev and test), then repeated;
- **passages/s**: ``embed_passages`` of ``--passages`` chunks at batch 32, on every core (what
  ``index`` does); the chunks are what the indexer embeds (header and text) for a synthetic
  corpus, built with random vectors first only to get them cut;
- **fidelity**: the cosine of each backend's vectors to torch's on those same questions and chunks.

Throughput is the best of ``--rounds`` passes, so that a moment of load from another process counts
less; latencies take every pass. Ratios are torch's time over the backend's: above 1 is faster.
The load average at start and end is printed, since a shared machine skews every figure.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import machine, markdown_table, percentiles  # noqa: E402
from run import RandomEmbedder  # noqa: E402
from synthetic import generate, write  # noqa: E402

from assistant import settings  # noqa: E402
from assistant.embedding import BACKENDS, load_embedder  # noqa: E402
from assistant.indexer import build_index  # noqa: E402
from assistant.store import load_index  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
ORDER = ("torch", "onnx-fp32", "onnx-int8")
"""torch first: it is the reference the others are compared with."""


def questions(n: int) -> list[str]:
    rows = [json.loads(line) for line in (ROOT / "evals" / "qa.jsonl").read_text(encoding="utf-8").splitlines()]
    asked = list(dict.fromkeys(row["question"] for row in rows))
    return (asked * (n // len(asked) + 1))[:n]


def chunk_texts(n: int, work: Path) -> list[str]:
    """The first ``n`` texts the indexer would embed for a synthetic corpus of about ``n`` chunks."""
    corpus, index = work / "corpus", work / "index"
    write(generate(n)[0], corpus)
    build_index(corpus, index, embedder=RandomEmbedder(load_embedder(settings.DEFAULT_MODEL, backend="onnx-fp32")))
    data = load_index(index)
    texts = [f"{c.header}\n{data.chunk_text(i)}" if c.header else data.chunk_text(i) for i, c in enumerate(data.chunks)]
    return texts[:n]


def query_latency_ms(embedder, asked: list[str], rounds: int) -> tuple[list[float], np.ndarray]:
    """Each question embedded alone; torch is held to one thread here, as the ONNX query session is."""
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        embedder.embed_query(asked[:5])  # warm-up: first-run allocations and lazy session creation
        samples, vectors = [], []
        for _ in range(rounds):
            vectors = []
            for q in asked:
                t0 = time.perf_counter()
                vectors.append(embedder.embed_query([q]))
                samples.append((time.perf_counter() - t0) * 1000)
        return samples, np.concatenate(vectors)
    finally:
        torch.set_num_threads(threads)


def passage_rate(embedder, passages: list[str], rounds: int) -> tuple[float, np.ndarray]:
    embedder.embed_passages(passages[:32])
    best, vectors = float("inf"), np.zeros(0)
    for _ in range(rounds):
        t0 = time.perf_counter()
        vectors = embedder.embed_passages(passages)
        best = min(best, time.perf_counter() - t0)
    return len(passages) / best, vectors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passages", type=int, default=512)
    parser.add_argument("--questions", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    assert set(ORDER) == set(BACKENDS)
    load_at_start = os.getloadavg()
    asked = questions(args.questions)
    with tempfile.TemporaryDirectory() as tmp:
        passages = chunk_texts(args.passages, Path(tmp))
    results = {}
    for backend in ORDER:
        print(f"{backend} …", file=sys.stderr, flush=True)
        embedder = load_embedder(settings.DEFAULT_MODEL, backend=backend)
        latency, query_vectors = query_latency_ms(embedder, asked, args.rounds)
        rate, passage_vectors = passage_rate(embedder, passages, args.rounds)
        results[backend] = (percentiles(latency), rate, query_vectors, passage_vectors)
    ref = results["torch"]
    rows = []
    for backend, (latency, rate, qv, pv) in results.items():
        cosines = np.concatenate([(qv * ref[2]).sum(axis=1), (pv * ref[3]).sum(axis=1)])
        rows.append([backend, latency["p50"], latency["p95"], ref[0]["p50"] / latency["p50"], rate, rate / ref[1],
                     f"{cosines.min():.5f}", f"{cosines.mean():.5f}"])
    load_at_end = os.getloadavg()
    print(f"\n{machine()}; load average (1, 5, 15 min) {' '.join(f'{x:.2f}' for x in load_at_start)} at start, "
          f"{' '.join(f'{x:.2f}' for x in load_at_end)} at end\n")
    print(f"{len(asked)} questions × {args.rounds} rounds, one thread; {len(passages)} chunks at batch 32 on "
          f"{os.cpu_count()} cores, best of {args.rounds}\n")
    print(markdown_table(["backend", "query p50 ms", "query p95 ms", "torch / backend p50", "passages/s",
                          "backend / torch passages/s", "cosine to torch min", "mean"], rows))


if __name__ == "__main__":
    main()
