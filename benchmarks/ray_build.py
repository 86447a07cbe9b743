"""The Ray build (``index --engine ray``) against the single-process build, in one run on one machine.

    .venv/bin/python benchmarks/ray_build.py [--chunks 1000] [--workers 1,2] [--out FILE] [--json]
    .venv/bin/python benchmarks/ray_build.py --smoke      # 6 reports: checks the script, not the machine

A synthetic corpus (``synthetic.py``, ~10 chunks a report) is indexed from scratch with the real
default model: once in this process, then on a local Ray cluster (started once,
on 127.0.0.1, with every CPU) with each worker count. What is compared is the step the engine
replaces, reading + chunking + facts + embedding the chunks (``step_seconds``); the
assembly after it, BM25, FAISS and the write, is the same code on the driver for both (its cost
at 1M chunks is in RESULTS.md). Rates are chunks per second of that step.

Ray's own costs are measured apart: starting the cluster (once per ``index`` run without
``--ray-address``), a fixed cost per build (the pipeline's start, each actor starting and loading
the model: a one-report build on Ray minus the same report read and embedded here), and the rest
spread over the reports (the 1-worker Ray build minus the fixed cost minus the single-process
step, per report). The projection to 10^7 chunks uses the rate per worker measured with every
worker busy (the largest worker count), assumes it holds for N workers on N such cores (no
shared bottleneck measured beyond 2), and adds the fixed cost once. Nothing is measured on a GPU
here: for GPUs the same formula takes a rate per GPU measured on one.

At the default 1000 chunks the run should take about 5 minutes on two idle cores (estimated: three
builds of the corpus at ~25 chunks/s, plus the cluster's and the actors' start-up); it took 20
minutes on the shared machine at a load of 7-9 (RESULTS.md).
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import machine, markdown_table  # noqa: E402
from synthetic import generate, write  # noqa: E402

from assistant.embedding import load_embedder  # noqa: E402
from assistant.indexer import build_index  # noqa: E402

TARGET_CHUNKS = 10**7
"""The national-scale corpus of issue 17 (10^5-10^6 reports of ~10 chunks)."""
PROJECTED_WORKERS = (1, 2, 8, 32, 128, 512)
"""Worker counts the projection is printed for: this machine, then a rack to a large cluster."""
SMOKE_CHUNKS = 60
"""``--smoke``: six reports, enough for one call per worker with two workers."""


def step_seconds(summary, engine: str) -> float:
    """The time of the step an engine replaces: read, chunk, facts, and embed the chunks.

    On Ray all of it is ``ray read+embed``; here it is the stages ``read`` and ``embed``.
    """
    stages = summary.stages
    return stages["ray read+embed"] if engine == "ray" else stages["read"] + stages.get("embed", 0.0)


def build(corpus: Path, where: Path, embedder, engine=None):
    shutil.rmtree(where, ignore_errors=True)
    summary = build_index(corpus, where, embedder=embedder, engine=engine)
    if not summary.written or summary.skipped:
        raise SystemExit(f"build of {corpus} did not index every report: {summary.line()}")
    return summary


def run(chunks: int, workers: list[int], work: Path) -> dict:
    """Measure; returns the numbers ``render`` prints. Uses the Ray cluster this process is connected to,
    or starts a local one (and stops it after)."""
    from assistant.ray_engine import SINGLE_NODE, RayEngine

    os.environ.setdefault(SINGLE_NODE, "0")  # a cluster started here listens on 127.0.0.1 only
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    import ray

    load_before = _load()
    reports, _ = generate(chunks)
    corpus, one = work / "corpus", work / "one"
    write(reports, corpus)
    write(reports[:1], one)
    embedder = load_embedder()
    build(one, work / "warm", embedder)  # the first build of a process allocates and caches
    local_one = step_seconds(build(one, work / "local-one", embedder), "local")
    summary = build(corpus, work / "local", embedder)
    n_chunks, local = summary.chunks, step_seconds(summary, "local")

    started_here, t0 = not ray.is_initialized(), time.perf_counter()
    if started_here:
        ray.init(include_dashboard=False, log_to_driver=False, logging_level=logging.ERROR)
    cluster_start = time.perf_counter() - t0
    try:
        cpus = int(ray.cluster_resources().get("CPU", 0))
        fixed = step_seconds(build(one, work / "ray-one", embedder, RayEngine(workers=1)), "ray") - local_one
        runs = []
        for count in workers:
            engine = RayEngine(workers=count)
            seconds = step_seconds(build(corpus, work / f"ray-{count}", embedder, engine), "ray")
            runs.append({"workers": count, "threads": engine.placement.cpus, "batch": engine.placement.batch,
                         "seconds": seconds})
    finally:
        if started_here:
            ray.shutdown()
    one_worker = next((r for r in runs if r["workers"] == 1), None)
    busiest = max(runs, key=lambda r: r["workers"])
    per_worker = n_chunks / max(busiest["seconds"] - fixed, 1e-9) / busiest["workers"]
    return {
        "machine": machine(), "cluster_cpus": cpus, "reports": len(reports), "chunks": n_chunks,
        "model": embedder.model_id, "load": load_before, "load_after": _load(),
        "local_seconds": local, "local_threads": os.cpu_count(), "runs": runs,
        "cluster_start_s": cluster_start, "fixed_s": fixed,
        "overhead_ms_per_report": None if one_worker is None else
        (one_worker["seconds"] - fixed - local) / len(reports) * 1000,
        "per_worker_chunks_s": per_worker,
        "projection_h": {n: (fixed + TARGET_CHUNKS / (n * per_worker)) / 3600 for n in PROJECTED_WORKERS},
        "single_process_h": TARGET_CHUNKS / (n_chunks / local) / 3600,
    }


def render(m: dict) -> str:
    rows = [["single process", f"1 × {m['local_threads']} threads", m["local_seconds"],
             m["chunks"] / m["local_seconds"], 1.0]]
    for r in m["runs"]:
        rate = m["chunks"] / r["seconds"]
        rows.append([f"Ray, {r['workers']} worker(s)", f"{r['workers']} × {r['threads']} threads, "
                     f"{r['batch']} reports a call", r["seconds"], rate, rate / rows[0][3]])
    overhead = m["overhead_ms_per_report"]
    per_report = "" if overhead is None else (f"{overhead:.0f} ms per report beyond that (1 worker against "
                                              f"this process: scheduling, shards serialised and merged)")
    busy = (" **The machine is shared and was busy (load > 1)**: other jobs took CPU from these builds, so "
            "the rates below are lower bounds." if _busy(m["load"]) or _busy(m["load_after"]) else "")
    lines = [
        "## Ray build (`benchmarks/ray_build.py`)\n",
        f"Machine: {m['machine']}; local Ray cluster of {m['cluster_cpus']} CPUs on 127.0.0.1. Synthetic "
        f"corpus: {m['reports']} reports, {m['chunks']} chunks, model `{m['model']}`. "
        f"Seconds of the step the engine replaces (read, chunk, facts, embed), each build from scratch.\n",
        f"Load average (`uptime`: 1, 5, 15 min) before the run {m['load']}, after it {m['load_after']}."
        f"{busy}\n",
        markdown_table(["build", "workers", "read+embed s", "chunks/s", "vs single process"], rows),
        "",
        f"Ray's own costs: starting the local cluster {m['cluster_start_s']:.1f} s (once per `index` run "
        f"without `--ray-address`); {m['fixed_s']:.1f} s per build (pipeline start, actors start and load "
        f"the model); {per_report}.",
        "",
        f"Projection for {TARGET_CHUNKS:.0e} chunks from {m['per_worker_chunks_s']:.1f} chunks/s per worker "
        f"(measured with every worker busy, assumed to hold on N such cores, plus the fixed cost once); "
        f"the single process: {m['single_process_h']:.0f} h.\n",
        markdown_table(["workers (one core each)", "hours"], [[n, h] for n, h in m["projection_h"].items()]),
        "",
        "GPUs: not measured here (no GPU): hours = 10^7 / (N × chunks/s of one GPU) / 3600, with that rate "
        "measured on a GPU (`--workers N` on a cluster with N GPUs). Not in these hours: the assembly on "
        "the driver (BM25, FAISS HNSW, the write), 18 min at 1M chunks on one machine (RESULTS.md), at "
        "least ten times that at 10^7.",
    ]
    return "\n".join(lines) + "\n"


def _load() -> str:
    """The 1, 5 and 15 minute load averages, as `uptime` prints them."""
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def _busy(load: str) -> bool:
    """More than one runnable process on average over the last minute: other jobs shared the CPUs."""
    return float(load.split(",")[0]) > 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chunks", type=int, default=1000, help="synthetic corpus size (default 1000)")
    parser.add_argument("--workers", default="1,2", help="Ray worker counts to measure (default 1,2)")
    parser.add_argument("--smoke", action="store_true", help=f"{SMOKE_CHUNKS} chunks: checks the script")
    parser.add_argument("--out", type=Path, default=None, help="also write the Markdown here")
    parser.add_argument("--json", action="store_true", help="print the measurements as JSON")
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    with tempfile.TemporaryDirectory(prefix="ray-build-") as work:
        measured = run(SMOKE_CHUNKS if args.smoke else args.chunks,
                       [int(w) for w in args.workers.split(",") if w.strip()], Path(work))
    text = render(measured)
    print(json.dumps(measured, indent=1) if args.json else text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
