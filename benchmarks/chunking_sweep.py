"""Chunk size and overlap chosen by measurement: rebuild the corpus index per setting, score the eval set.

    .venv/bin/python benchmarks/chunking_sweep.py [--split dev] [--settings 400/80,700/150,1000/200]

Tune on ``dev`` only (``test`` is never tuned on); the table goes into the README.
"""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from common import machine, markdown_table

from assistant.answer import Assistant
from assistant.embedding import load_embedder
from assistant.evaluate import assistant_ask, load_items, run
from assistant.indexer import build_index
from assistant.metrics import aggregate
from assistant.settings import ChunkingSettings
from assistant.store import load_index

DEFAULT_SETTINGS = "300/60,500/100,700/0,700/150,700/300,1000/200,1500/300"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=Path("corpus"))
    parser.add_argument("--qa", type=Path, default=Path("evals/qa.jsonl"))
    parser.add_argument("--split", default="dev")
    parser.add_argument("--settings", default=DEFAULT_SETTINGS, help="size/overlap pairs, comma-separated")
    args = parser.parse_args()
    embedder = load_embedder()
    items = load_items(args.qa, args.split)
    rows = []
    for pair in args.settings.split(","):
        size, overlap = (int(x) for x in pair.split("/"))
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.perf_counter()
            summary = build_index(args.corpus, Path(tmp) / "index", embedder=embedder,
                                  settings=ChunkingSettings(size, overlap))
            build_s = time.perf_counter() - t0
            metrics = aggregate(run(items, assistant_ask(Assistant(load_index(Path(tmp) / "index"))))[0])
        rows.append([f"{size}/{overlap}", summary.chunks, metrics["answer_accuracy"],
                     metrics["evidence_recall_at_k"], metrics["unanswerable_accuracy"], build_s])
        print(rows[-1], flush=True)
    print(f"\nMachine: {machine()}; eval split {args.split} ({len(items)} items)\n")
    print(markdown_table(["size/overlap", "chunks", "answer accuracy", "evidence recall@k",
                          "unanswerable accuracy", "build s"], rows))


if __name__ == "__main__":
    main()
