"""Questions beside other questions and beside an index build (issue 16, "Throughput").

    .venv/bin/python benchmarks/concurrency.py [--clients 8] [--build-chunks 400]

In one process, on the bundled corpus (``corpus/``, indexed into a temporary folder with the default
model and backend):

- **throughput**: the dev and test questions of ``evals/qa.jsonl`` asked by one client in turn, then
  by ``--clients`` threads sharing one ``Assistant`` (as ``serve``'s worker threads do); questions/s
  and their ratio. ONNX Runtime and FAISS release the GIL while they run, the rest of a question
  (candidates, features, composition) holds it.
- **beside a build**: the same questions asked one at a time, with nothing else running, then while
  ``python -m assistant index`` embeds a synthetic corpus of ``--build-chunks`` chunks (real
  embeddings, every core) at niceness 0, then at ``BuildSettings.nice`` (the default); each
  question's total time, p50 / p95, and the ratio of p95 to the one with nothing else running.

The load average at start and end is printed: a shared machine skews every figure.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import machine, markdown_table, percentiles
from synthetic import generate, write

from assistant.answer import Assistant
from assistant.indexer import build_index
from assistant.settings import BuildSettings
from assistant.store import load_index

ROOT = Path(__file__).resolve().parent.parent


def questions() -> list[str]:
    items = [json.loads(line) for line in (ROOT / "evals" / "qa.jsonl").read_text(encoding="utf-8").splitlines()]
    return [item["question"] for item in items if not item.get("history")]


def throughput(assistant: Assistant, asked: list[str], clients: int) -> tuple[float, float]:
    """Questions per second: one client, then ``clients`` threads."""
    t0 = time.perf_counter()
    for q in asked:
        assistant.ask(q)
    single = len(asked) / (time.perf_counter() - t0)
    with ThreadPoolExecutor(clients) as pool:
        t0 = time.perf_counter()
        list(pool.map(assistant.ask, asked))
        many = len(asked) / (time.perf_counter() - t0)
    return single, many


def latencies(assistant: Assistant, asked: list[str], until: subprocess.Popen | None = None) -> list[float]:
    """Each question's total ms, asked one at a time (while ``until`` runs, when given, at least once round)."""
    out: list[float] = []
    while True:
        for q in asked:
            out.append(assistant.ask(q).timings_ms["total"])
            if until is not None and until.poll() is not None:
                return out
        if until is None:
            return out


def beside_build(assistant: Assistant, asked: list[str], corpus: Path, work: Path, nice: int) -> list[float]:
    """Question latencies while ``index`` builds ``corpus`` from scratch at niceness ``nice``."""
    index = work / f"build-nice-{nice}"
    env = {**os.environ, "ASSISTANT_BUILD_NICE": str(nice)}
    build = subprocess.Popen([sys.executable, "-m", "assistant", "index", "--corpus", str(corpus), "--index",
                              str(index)], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    time.sleep(3.0)  # past the model load, into embedding
    samples = latencies(assistant, asked, until=build)
    if build.wait() != 0:
        raise SystemExit(f"the build failed: {build.stderr.read().decode()[-400:]}")
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--build-chunks", type=int, default=400)
    args = parser.parse_args()
    load = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        build_index(ROOT / "corpus", work / "index")
        assistant = Assistant(load_index(work / "index"))
        asked = questions()
        latencies(assistant, asked[:20])  # warm: the model's sessions, the reports' caches
        single, many = throughput(assistant, asked, args.clients)
        reports, _ = generate(args.build_chunks)
        write(reports, work / "synthetic")
        idle = latencies(assistant, asked)
        rows = [["nothing", idle]]
        for nice in sorted({0, BuildSettings().nice}):
            rows.append([f"`index` at niceness {nice}", beside_build(assistant, asked, work / "synthetic", work, nice)])
    idle_p95 = percentiles(idle)["p95"]
    print(f"{machine()}; load average {load[0]:.1f} at start, {os.getloadavg()[0]:.1f} at end\n")
    print(markdown_table(["questions", "1 client q/s", f"{args.clients} clients q/s", "ratio"],
                         [[len(asked), single, many, many / single]]))
    print()
    print(markdown_table(["beside", "questions", "p50 ms", "p95 ms", "p95 / nothing"],
                         [[label, len(s), percentiles(s)["p50"], percentiles(s)["p95"], percentiles(s)["p95"] / idle_p95]
                          for label, s in rows]))


if __name__ == "__main__":
    main()
