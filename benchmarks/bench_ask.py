"""``ask`` latency by stage on the corpus index, model warm, single-threaded client.

    .venv/bin/python benchmarks/bench_ask.py [--index index/] [--qa evals/qa.jsonl] [--rounds 3]

Stages come from the answer's own ``timings_ms``: query embedding, BM25, FAISS, fusion,
answer composition, and the total. The naive baseline (LangChain splitter + FAISS flat)
runs the same questions in the same process for comparison.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from common import machine, markdown_table, percentiles

from assistant.answer import get_assistant
from assistant.baseline import NaiveBaseline
from assistant.evaluate import load_items

STAGES = {"query embedding": "retrieve_embed", "BM25": "retrieve_bm25", "FAISS": "retrieve_faiss",
          "fusion": "retrieve_fusion", "answer composition": "answer", "total": "total"}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--index", type=Path, default=Path("index"))
    parser.add_argument("--corpus", type=Path, default=Path("corpus"))
    parser.add_argument("--qa", type=Path, default=Path("evals/qa.jsonl"))
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    assistant = get_assistant(args.index)
    questions = [(i["question"], i.get("history") or []) for i in load_items(args.qa)]
    assistant.ask(questions[0][0])  # warm-up
    samples: dict[str, list[float]] = {name: [] for name in STAGES}
    for _ in range(args.rounds):
        for question, history in questions:
            timings = assistant.ask(question, history=history).timings_ms
            for name, key in STAGES.items():
                samples[name].append(timings.get(key, 0.0))
    naive = NaiveBaseline(args.corpus, assistant.embedder)
    naive_ms = []
    for _ in range(args.rounds):
        for question, history in questions:
            t0 = time.perf_counter()
            naive.ask(question, history)
            naive_ms.append((time.perf_counter() - t0) * 1000)
    print(f"Machine: {machine()}; {len(assistant.data.chunks)} chunks; "
          f"{len(questions)} questions x {args.rounds} rounds\n")
    rows = [[name, *percentiles(values).values()] for name, values in samples.items()]
    base = percentiles(naive_ms)
    rows.append(["naive baseline total", *base.values()])
    ours = percentiles(samples["total"])
    rows.append(["ours / baseline (total)", *(ours[p] / base[p] for p in base)])
    print(markdown_table(["stage", "p50 ms", "p95 ms", "p99 ms"], rows))


if __name__ == "__main__":
    main()
