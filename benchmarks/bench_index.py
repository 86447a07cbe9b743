"""Index build throughput over the corpus next to raw ``model.encode`` throughput, same run.

    .venv/bin/python benchmarks/bench_index.py [--corpus corpus/] [--repeat 3]

The ratio build/raw is the figure: what the pipeline (reading, metadata, chunking, BM25,
FAISS, writing) costs on top of embedding.
"""
from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from common import machine, markdown_table, peak_rss_mib

from assistant.embedding import load_embedder
from assistant.indexer import build_index
from assistant.store import load_index


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=Path("corpus"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    embedder = load_embedder()
    embedder.embed_passages(["khởi động"])  # warm-up outside the timings
    rows = []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            index = Path(tmp) / "index"
            t0 = time.perf_counter()
            summary = build_index(args.corpus, index, embedder=embedder)
            build_s = time.perf_counter() - t0
            data = load_index(index)
            texts = [f"{c.header}\n{data.chunk_text(i)}" for i, c in enumerate(data.chunks)]
            t0 = time.perf_counter()
            embedder.embed_passages(texts)
            raw_s = time.perf_counter() - t0
            t0 = time.perf_counter()
            build_index(args.corpus, index, embedder=embedder)
            noop_s = time.perf_counter() - t0
            size = sum(p.stat().st_size for p in index.rglob("*") if p.is_file())
        n = summary.chunks
        rows.append([n, n / build_s, n / raw_s, (n / build_s) / (n / raw_s), noop_s * 1000, size / 1024])
    print(f"Machine: {machine()}; model {embedder.model_id}\n")
    print(markdown_table(["chunks", "build chunks/s", "raw encode chunks/s", "build / raw", "no-op re-index ms",
                          "index KiB"], rows))
    print(f"\npeak RSS {peak_rss_mib():.0f} MiB")


if __name__ == "__main__":
    main()
