"""Speed and memory from the bundled corpus to a million chunks; writes benchmarks/RESULTS.md.

    .venv/bin/python benchmarks/run.py [--sizes 1k,10k,100k,1m] [--real-chunks 1000] [--smoke] [--out FILE]

The whole run takes about an hour on two cores, most of it building the 1M-chunk index;
``--sizes 1k,10k,100k`` takes about 6 minutes.

Real model: the bundled corpus and a synthetic corpus of ``--real-chunks`` chunks are embedded
for real (build throughput next to raw ``model.encode`` in the same run). Above that, the
synthetic corpora go through the real pipeline (reading, metadata, chunking, BM25, FAISS,
writing) with **random unit vectors** in place of embeddings, labelled as such; queries are
still embedded by the real model. ``--smoke`` is a quick run (1k chunks, random vectors) that
checks the script, not the machine.
"""
from __future__ import annotations

import argparse
import gc
import json
import subprocess
import shutil
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import faiss
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import machine, markdown_table, peak_rss_mib, percentiles  # noqa: E402
from synthetic import generate, write  # noqa: E402

from assistant.answer import Assistant  # noqa: E402
from assistant.baseline import NaiveBaseline  # noqa: E402
from assistant.dense import DENSE, build_dense, search  # noqa: E402
from assistant.embedding import load_embedder  # noqa: E402
from assistant.indexer import build_index, embedded_text, report_sentences  # noqa: E402
from assistant.store import load_index  # noqa: E402

STAGES = {"query embedding": "retrieve_embed", "BM25": "retrieve_bm25", "FAISS": "retrieve_faiss",
          "fusion": "retrieve_fusion", "answer": "answer", "total": "total"}
CLIENTS = 8


class RandomEmbedder:
    """Stands in for the model when building large indexes: random unit vectors, same shape."""

    def __init__(self, like) -> None:
        self.model_id, self.dim, self.prompts = like.model_id, like.dim, dict(like.prompts)
        self.rng = np.random.default_rng(0)

    def embed_passages(self, texts, *, show_progress: bool = False) -> np.ndarray:
        v = self.rng.standard_normal((len(texts), self.dim), dtype=np.float32)
        return v / np.linalg.norm(v, axis=1, keepdims=True)

    def embed_query(self, texts) -> np.ndarray:
        """Unit phrases of the facts are embedded as queries at indexing time: random too."""
        return self.embed_passages(texts)


def folder_mib(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20


def timed(fn, *args, **kwargs) -> tuple[float, object]:
    t0 = time.perf_counter()
    out = fn(*args, **kwargs)
    return time.perf_counter() - t0, out


def indexing(corpus: Path, embedder, label: str, work: Path) -> list:
    """Build (real model), raw encode of the same texts (chunks and content sentences), no-op re-index, sizes.

    The answer scorer's sentence vectors (issue 14) are embedded at build time too: they count as raw
    work, and their share of it and their size on disk are reported beside the chunks'.
    """
    index = work / f"index-{label}"
    build_s, summary = timed(build_index, corpus, index, embedder=embedder)
    data = load_index(index)
    texts = [embedded_text(c.header, data.chunk_text(i)) for i, c in enumerate(data.chunks)]
    by_report: dict[str, list] = {}
    for chunk in data.chunks:
        by_report.setdefault(chunk.doc_id, []).append(chunk)
    sentences = [t for r in data.reports.values() for t in report_sentences(r, by_report.get(r.doc_id, []))]
    chunks_s, _ = timed(embedder.embed_passages, texts)
    sentences_s, _ = timed(embedder.embed_passages, sentences) if sentences else (0.0, None)
    noop_s, _ = timed(build_index, corpus, index)
    n, raw_s = summary.chunks, chunks_s + sentences_s
    sizes = {name: (index / name).stat().st_size / 2**20 for name in ("vectors.npy", "sentence_vectors.npy")}
    return [label, n, len(sentences), n / build_s, n / raw_s, raw_s / build_s, sentences_s / raw_s,
            noop_s * 1000, folder_mib(index), sizes["vectors.npy"], sizes["sentence_vectors.npy"]]


def memory_probe(index: Path, questions: list[str]) -> dict[str, float]:
    """Memory per chunk of a loaded index, measured in a fresh process (``memory_probe.py``)."""
    probe = Path(__file__).resolve().parent / "memory_probe.py"
    out = subprocess.run([sys.executable, str(probe), str(index), *questions], capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def ask_latency(assistant: Assistant, questions: list[str], rounds: int) -> dict[str, dict[str, float]]:
    assistant.ask(questions[0])
    samples: dict[str, list[float]] = {name: [] for name in STAGES}
    for _ in range(rounds):
        for q in questions:
            timings = assistant.ask(q).timings_ms
            for name, key in STAGES.items():
                samples[name].append(timings.get(key, 0.0))
    return {name: percentiles(v) for name, v in samples.items()}


def throughput(assistant: Assistant, questions: list[str]) -> tuple[float, float]:
    """Questions per second with one client, then with ``CLIENTS`` concurrent clients."""
    single, _ = timed(lambda: [assistant.ask(q) for q in questions])
    with ThreadPoolExecutor(CLIENTS) as pool:
        many, _ = timed(lambda: list(pool.map(assistant.ask, questions * 2)))
    return len(questions) / single, 2 * len(questions) / many


def faiss_compare(vectors: np.ndarray, built: faiss.Index, built_s: float, queries: int = 200) -> list:
    """Flat vs HNSW at this size: build time, p50 latency, recall@10 against exact search.

    ``built`` is the index the pipeline chose (built in ``built_s``); only the other kind is built here.
    """
    rng = np.random.default_rng(1)
    picks = vectors[rng.choice(len(vectors), queries, replace=False)]
    q = picks + 0.05 * rng.standard_normal(picks.shape).astype(np.float32)
    q /= np.linalg.norm(q, axis=1, keepdims=True)
    exact = isinstance(built, faiss.IndexFlat)
    flat_build, flat = (built_s, built) if exact else timed(build_dense, vectors, exact_up_to=len(vectors))
    hnsw_build, hnsw = timed(build_dense, vectors, exact_up_to=0) if exact else (built_s, built)
    flat_ms, hnsw_ms, truth, found = [], [], [], []
    for row in q:
        t, (_, ids) = timed(search, flat, row[None], 10)
        flat_ms.append(t * 1000)
        truth.append(ids[0])
        t, (_, ids) = timed(search, hnsw, row[None], 10)
        hnsw_ms.append(t * 1000)
        found.append(ids[0])
    recall = float(np.mean([len(set(a) & set(b)) / 10 for a, b in zip(truth, found)]))
    return [len(vectors), flat_build, np.percentile(flat_ms, 50), hnsw_build, np.percentile(hnsw_ms, 50), recall]


def naive_latency(embedder, vectors: np.ndarray, questions: list[str]) -> dict[str, float]:
    """The naive baseline's query at this size: embed the question, exact FAISS top-4 (same FAISS
    settings as ours), no BM25."""
    flat = faiss.IndexFlatIP(vectors.shape[1])
    flat.add(vectors)
    ms = []
    for q in questions:
        t, _ = timed(lambda: search(flat, embedder.embed_query([q]), 4))  # noqa: B023 (called at once)
        ms.append(t * 1000)
    return percentiles(ms)


def scale(size: int, embedder, work: Path, rounds: int) -> dict:
    reports, facts = generate(size)
    corpus = work / f"corpus-{size}"
    write(reports, corpus)
    index = work / f"index-{size}"
    gc.collect()
    build_s, summary = timed(build_index, corpus, index, embedder=RandomEmbedder(embedder))
    noop_s, _ = timed(build_index, corpus, index)
    planted = facts[:: max(1, len(facts) // 40)][:40]
    questions = [f.question for f in planted]
    memory = memory_probe(index, questions)
    assistant = Assistant(load_index(index))
    replies = [(f, assistant.ask(f.question)) for f in planted]
    answered = sum(1 for f, reply in replies if f.answer in reply.answer)
    # With random passage vectors the answer scorer's semantic features (chunk and sentence cosines) are
    # noise, so it rightly withholds most answers; that the pipeline finds the fact at this size shows
    # in the passages it cites or offers as related.
    offered = sum(1 for f, reply in replies if any(f"có {f.answer} tổ" in c.text for c in reply.citations
                                                   or reply.related))
    n = len(assistant.data.chunks)
    latency = ask_latency(assistant, questions, rounds)
    single_qps, many_qps = throughput(assistant, questions)
    naive = naive_latency(assistant.embedder, assistant.data.vectors, questions)
    stages = ", ".join(f"{name} {seconds:.1f}" for name, seconds in summary.stages.items()
                       if name not in ("model", "embed"))
    result = {"size": n, "build_s": build_s, "stages": stages, "noop_s": noop_s, "index_mib": folder_mib(index),
              "bm25_mib": folder_mib(index / "bm25"), "vectors_mib": memory["vectors_bytes"] / 2**20, **memory,
              "dense": type(assistant.data.dense).__name__, "answered": (answered, len(questions)), "offered": offered,
              "latency": latency, "qps": (single_qps, many_qps), "naive": naive,
              "faiss": faiss_compare(np.asarray(assistant.data.vectors), assistant.data.dense,
                                     summary.stages["FAISS"])}
    del assistant
    shutil.rmtree(corpus)
    shutil.rmtree(index)
    return result


def report(real_rows: list, bundled: dict | None, scaled: list[dict]) -> str:
    out = [f"Machine: {machine()}. Timings single-process, model warm, `HF_HUB_OFFLINE=1`.", ""]
    if real_rows:
        out += ["## Indexing with the real model", "",
                "Build = the whole pipeline (read, metadata, chunk, embed chunks and content sentences, BM25, "
                "FAISS, atomic write); raw = `embed_passages` alone on the same chunk and sentence texts in the "
                "same run (chunks/s counts chunks; the sentences are the answer scorer's, issue 14).", "",
                markdown_table(["corpus", "chunks", "sentences", "build chunks/s", "raw encode chunks/s",
                                "build / raw", "sentences' share of raw", "no-op re-index ms", "index MiB",
                                "chunk vectors MiB", "sentence vectors MiB"], real_rows), ""]
    if bundled:
        out += ["## `ask` on the bundled corpus (real model), ours vs the naive baseline", "",
                markdown_table(["stage", "p50 ms", "p95 ms", "p99 ms"],
                               [[k, *v.values()] for k, v in bundled["ours"].items()]
                               + [["naive baseline total", *bundled["naive"].values()],
                                  ["ours / naive (total)", *(bundled["ours"]["total"][p] / bundled["naive"][p]
                                                             for p in bundled["naive"])]]), ""]
    if scaled:
        out += ["## Scale: synthetic corpora, **random unit vectors** in place of embeddings", "",
                "The whole pipeline runs for real except the passage embeddings; questions are embedded by the "
                "real model. Planted facts: one per report, asked about and checked in the answer, and in the passages "
                "cited or offered as related (the answer scorer's cosine features are noise here, so it withholds "
                "most answers).", "",
                markdown_table(["chunks", "build s (no embedding)", "build stages s", "no-op re-index s", "index MiB",
                                "BM25 MiB", "vectors MiB", "heap beyond vectors B/chunk", "private RSS beyond vectors B/chunk",
                                "mapped pages touched B/chunk", "FAISS type", "planted facts answered",
                                "planted facts in the passages"],
                               [[r["size"], r["build_s"], r["stages"], r["noop_s"], r["index_mib"], r["bm25_mib"],
                                 r["vectors_mib"], r["heap_b"], r["private_b"], r["mapped_b"], r["dense"],
                                 f'{r["answered"][0]}/{r["answered"][1]}',
                                 f'{r["offered"]}/{r["answered"][1]}'] for r in scaled]), "",
                "Memory is measured after loading the index and answering the 40 planted questions: *heap* is "
                "what Python and numpy hold (traced); *private RSS* the growth of the process's own resident "
                "memory, FAISS's and the allocator's included; *mapped pages* the pages of memory-mapped files "
                "(report texts, BM25 arrays, vectors) the questions touched, which the kernel shares and can "
                "drop. The vectors, held by FAISS, are not in the heap and are subtracted from private RSS.", "",
                "### `ask` latency by stage (ms, p50 / p95 / p99), one client", "",
                markdown_table(["chunks", *STAGES, "naive total", "ours / naive p95"],
                               [[r["size"], *(" / ".join(f"{r['latency'][s][p]:.1f}" for p in ("p50", "p95", "p99"))
                                              for s in STAGES),
                                 " / ".join(f"{v:.1f}" for v in r["naive"].values()),
                                 r["latency"]["total"]["p95"] / r["naive"]["p95"]] for r in scaled]), "",
                f"### Throughput (questions/s), one client vs {CLIENTS} concurrent clients", "",
                markdown_table(["chunks", "1 client", f"{CLIENTS} clients", "ratio"],
                               [[r["size"], r["qps"][0], r["qps"][1], r["qps"][1] / r["qps"][0]] for r in scaled]), "",
                f"### FAISS: exact (flat) vs HNSW (M={DENSE.hnsw_neighbours}, efSearch={DENSE.hnsw_ef_search}), one thread; "
                f"exact up to {DENSE.exact_up_to:,} chunks", "",
                markdown_table(["chunks", "flat build s", "flat p50 ms", "HNSW build s", "HNSW p50 ms",
                                "HNSW recall@10 vs exact"], [r["faiss"] for r in scaled]), ""]
    out += [f"Peak RSS of the whole run: {peak_rss_mib():.0f} MiB.", ""]
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1k,10k,100k,1m")
    parser.add_argument("--real-chunks", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--smoke", action="store_true", help="1k chunks, random vectors only")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "RESULTS.md")
    args = parser.parse_args()
    sizes = [int(s.lower().replace("k", "000").replace("m", "000000")) for s in args.sizes.split(",")]
    if args.smoke:
        sizes, args.rounds = [1000], 1
    embedder = load_embedder()
    embedder.embed_passages(["khởi động"])
    real_rows, bundled, scaled = [], None, []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if not args.smoke:
            corpus = Path(__file__).resolve().parent.parent / "corpus"
            real_rows.append(indexing(corpus, embedder, "bundled (5 reports)", work))
            synthetic = work / "corpus-real"
            write(generate(args.real_chunks)[0], synthetic)
            real_rows.append(indexing(synthetic, embedder, f"synthetic {args.real_chunks}", work))
            assistant = Assistant(load_index(work / "index-bundled (5 reports)"))
            questions = ["how many models did Quảng Nam maintain?", "Kon Tum duy trì bao nhiêu mô hình?",
                         "Thanh Hoa co bao nhieu loai mo hinh?", "Ai là Phó Chủ tịch UBND tỉnh Kon Tum?",
                         "Đà Nẵng có bao nhiêu mô hình?"]
            naive = NaiveBaseline(corpus, embedder)
            naive_ms = [timed(naive.ask, q)[0] * 1000 for _ in range(args.rounds * 4) for q in questions]
            bundled = {"ours": ask_latency(assistant, questions, args.rounds * 4), "naive": percentiles(naive_ms)}
        for size in sizes:
            print(f"scale {size} …", file=sys.stderr, flush=True)
            scaled.append(scale(size, embedder, work, args.rounds))
            write_results(args.out, report(real_rows, bundled, scaled), with_analysis=not args.smoke)
    print(args.out.read_text(encoding="utf-8"))


def write_results(out: Path, tables: str, with_analysis: bool) -> None:
    """Written after each size, so a long run that dies still leaves what it measured."""
    text = "# Benchmarks\n\n" + tables
    analysis = Path(__file__).resolve().parent / "analysis.md"
    if analysis.exists() and with_analysis:
        text += "\n" + analysis.read_text(encoding="utf-8")
    out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
