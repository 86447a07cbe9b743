"""BM25 at scale (issue 16): build peak memory and query latency, the previous code against ours, one run.

    .venv/bin/python benchmarks/bm25_scale.py [--sizes 100k,1m] [--old-build-up-to 300k] [--rounds 3] [--work DIR]

Chunks: the synthetic corpus (``synthetic.py``) split as the indexer splits it, each with the
header "tỉnh P | title", tokenized once per size; the token ids go to a file that every build
streams back as token lists, so no build holds the corpus (kept in ``--work`` if given, where a
later run finds them: tokenizing takes ≈ 1 ms a chunk). Each build runs in a fresh process and
reports its peak resident memory (``ru_maxrss``) and seconds. "Old" is ``assistant/lexical.py`` as
of ``--old-rev`` (bm25s's index and its ``get_scores_from_ids``) with the previous ``_top``; its
build is only run up to ``--old-build-up-to`` chunks (it peaked at 20 GiB at 1M), and its queries
run over the same postings as ours, put back into one CSC matrix. Queries: the 40 planted facts'
questions and the eval set's dev questions, timed as ``Retriever._bm25`` without filters (tokens,
scores, top 50). Every question's top 50 and their scores are compared between old and new.
Prints one JSON line per size, then the Markdown tables for RESULTS.md.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import machine, markdown_table, percentiles
from synthetic import generate

from assistant.chunking import split_spans
from assistant.evalset import load_items
from assistant.lexical import LexicalIndex
from assistant.retrieve import _top
from assistant.settings import ChunkingSettings, RetrievalSettings
from assistant.text import bm25_tokens, query_tokens

ROOT = Path(__file__).resolve().parent.parent
DEPTH = RetrievalSettings().depth
"""The fusion's candidate depth."""
STRIDE = RetrievalSettings().top_sample_stride


def chunk_texts(size: int) -> Iterator[str]:
    """Each synthetic chunk with its header, as ``indexer._chunk_tokens`` gives it to BM25."""
    reports, _ = generate(size)
    settings = ChunkingSettings()
    for report in reports:
        title = report.text.split("\n", 1)[0]
        header = f"tỉnh {title.split('tỉnh ', 1)[1].rsplit(' năm', 1)[0]} | {title}"
        for span in split_spans(report.text, [(0, len(report.text))], settings):
            yield f"{header}\n{report.text[span.start:span.end]}"


def tokenize(size: int, folder: Path) -> None:
    """Write the chunks' token ids (``ids.bin``, int32), their ends (``ends.npy``) and the words (last)."""
    words: dict[str, int] = {}
    ends = []
    with open(folder / "ids.bin", "wb") as out:
        for text in chunk_texts(size):
            ids = np.fromiter((words.setdefault(t, len(words)) for t in bm25_tokens(text)), dtype=np.int32)
            out.write(ids.tobytes())
            ends.append(len(ids))
    np.save(folder / "ends.npy", np.cumsum(ends))
    (folder / "words.txt").write_text("\n".join(words), encoding="utf-8")


def token_lists(folder: Path) -> Iterator[list[str]]:
    """The chunks' tokens back, read from disk a chunk at a time."""
    words = (folder / "words.txt").read_text(encoding="utf-8").split("\n")
    ends = np.load(folder / "ends.npy")
    with open(folder / "ids.bin", "rb") as ids:
        for n in np.diff(ends, prepend=0):
            yield [words[i] for i in np.fromfile(ids, dtype=np.int32, count=int(n)).tolist()]


def old_module(rev: str):
    """``assistant/lexical.py`` as of ``rev``."""
    source = subprocess.run(["git", "-C", str(ROOT), "show", f"{rev}:assistant/lexical.py"], check=True,
                            capture_output=True, text=True).stdout
    path = Path(tempfile.mkdtemp()) / "old_lexical.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("old_lexical", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build_child(kind: str, tokens: Path, out: Path, rev: str) -> None:
    """Runs in its own process: one build, saved, then its seconds and peak RSS as JSON."""
    cls = LexicalIndex if kind == "new" else old_module(rev).LexicalIndex
    t0 = time.perf_counter()
    index = cls.build(token_lists(tokens))
    seconds = time.perf_counter() - t0
    index.save(out)
    print(json.dumps({"build_s": seconds, "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def build(kind: str, tokens: Path, out: Path, rev: str) -> dict:
    done = subprocess.run([sys.executable, __file__, "--child", kind, str(tokens), str(out), "--old-rev", rev],
                          check=True, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    return json.loads(done.stdout.strip().splitlines()[-1])


def old_top(scores: np.ndarray, depth: int) -> list[int]:
    """``retrieve._top`` before this change: every positive score partitioned."""
    candidates = np.flatnonzero(scores > 0)
    if len(candidates) > depth:
        candidates = candidates[np.argpartition(-scores[candidates], depth - 1)[:depth]]
    return [int(i) for i in sorted(candidates, key=lambda i: (-scores[i], i))]


def old_scorer(new: LexicalIndex):
    """bm25s's query over our postings put back into one CSC matrix (the old index held exactly these)."""
    import bm25s
    from scipy import sparse

    vocab_size = len(new._indptr) - 1
    dense = np.asarray(new._dense)
    which, chunks = np.nonzero(dense)
    common = sparse.csc_array((dense[which, chunks], (chunks, new._dense_tokens[which, 0])),
                              shape=(new.size, vocab_size))
    full = sparse.csc_array((new._data, new._indices, new._indptr), shape=(new.size, vocab_size)) + common
    model = bm25s.BM25()
    model.scores = {"data": full.data, "indices": full.indices, "indptr": full.indptr, "num_docs": new.size}
    model.nonoccurrence_array = None  # set by index() or load(), neither of which ran

    def scores(tokens: list[str]) -> np.ndarray:
        ids = new._ids(tokens)
        return np.asarray(model.get_scores_from_ids(ids), np.float32) if ids else np.zeros(new.size, np.float32)
    return scores


def latency(score, top, questions: list[str], rounds: int) -> tuple[dict[str, float], list]:
    """Wall and CPU ms per question (tokens, scores, top ``DEPTH``), and each question's top with its scores.

    The CPU time of the thread is what a question costs on a core of its own: on a shared machine
    the wall time also holds the waits for a core."""
    wall, cpu, tops = [], [], []
    for r in range(rounds + 1):  # the first round warms the page cache and is not counted
        for q in questions:
            t0, c0 = time.perf_counter(), time.thread_time()
            scores = score(query_tokens(q))
            best = top(scores, DEPTH)
            if r:
                wall.append((time.perf_counter() - t0) * 1000)
                cpu.append((time.thread_time() - c0) * 1000)
            else:
                tops.append((best, scores[best]))
    return {**percentiles(wall), **{f"cpu_{k}": v for k, v in percentiles(cpu).items()}}, tops


def compare(old: list, new: list) -> dict[str, float]:
    """Questions whose ranked chunk ids differ, those of them whose scores are the same (the old ``_top``
    chose among equal scores at the cut by partition order, ours by chunk id), and the largest relative
    difference between the scores of the ranked chunks."""
    differ = [(a, b) for a, b in zip(old, new, strict=True) if a[0] != b[0]]
    worst = max(float(np.max(np.abs(a[1] - b[1]) / a[1], initial=0)) for a, b in zip(old, new, strict=True))
    return {"ranked_differ": len(differ), "differ_only_in_ties": sum(np.array_equal(a[1], b[1]) for a, b in differ),
            "max_rel_diff": worst}


def measure(size: int, tokens: Path, work: Path, rounds: int, old_build_up_to: int, rev: str) -> dict:
    """One size: ``tokens`` is the token folder (made if missing), ``work`` a scratch folder for the indexes."""
    if not (tokens / "words.txt").exists():
        tokens.mkdir(exist_ok=True)
        tokenize(size, tokens)
    result = {"chunks": len(np.load(tokens / "ends.npy")), "new": build("new", tokens, work / f"new-{size}", rev)}
    if size <= old_build_up_to:
        result["old"] = build("old", tokens, work / f"old-{size}", rev)
    index = LexicalIndex.load(work / f"new-{size}")
    _, facts = generate(size)
    planted = [f.question for f in facts[:: max(1, len(facts) // 40)][:40]]
    questions = planted + [item["question"] for item in load_items(ROOT / "evals/qa.jsonl", "dev")]
    result["new"]["query"], new_tops = latency(index.scores, lambda s, d: _top(s, d, STRIDE), questions, rounds)
    result["old_query"], old_tops = latency(old_scorer(index), old_top, questions, rounds)
    result["questions"] = len(questions)
    result.update(compare(old_tops, new_tops))
    result["dense_tokens"], result["sparse_postings"] = len(index._dense_tokens), len(index._data)
    result["bm25_mib"] = sum(p.stat().st_size for p in (work / f"new-{size}").iterdir()) / 2**20
    if "old" in result:
        result["old_bm25_mib"] = sum(p.stat().st_size for p in (work / f"old-{size}").iterdir()) / 2**20
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="100k,1m")
    parser.add_argument("--old-build-up-to", default="300k")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--old-rev", default="156cddf")
    parser.add_argument("--work", type=Path, help="keeps the tokens here for a later run (default: a temporary folder)")
    parser.add_argument("--child", nargs=3, metavar=("KIND", "TOKENS", "OUT"))
    args = parser.parse_args()
    if args.child:
        build_child(args.child[0], Path(args.child[1]), Path(args.child[2]), args.old_rev)
        return
    count = lambda s: int(s.lower().replace("k", "000").replace("m", "000000"))
    results = []
    for size in map(count, args.sizes.split(",")):
        load = os.getloadavg()
        with tempfile.TemporaryDirectory(dir=args.work) as tmp:
            tokens = (args.work or Path(tmp)) / f"tokens-{size}"
            result = measure(size, tokens, Path(tmp), args.rounds, count(args.old_build_up_to), args.old_rev)
        results.append({**result, "load_before": load, "load_after": os.getloadavg()})
        print(json.dumps(results[-1]), flush=True)
    print(tables(results))


def tables(results: list[dict]) -> str:
    """Latency, agreement and build rows for RESULTS.md, old against new, with their ratios."""
    def ms(q: dict, kind: str = "") -> str:
        return " / ".join(f"{q[kind + p]:.1f}" for p in ("p50", "p95", "p99"))
    old_q = lambda r: r["old_query"]
    new_q = lambda r: r["new"]["query"]
    query = [[r["chunks"], ms(old_q(r)), ms(new_q(r)), old_q(r)["p95"] / new_q(r)["p95"], ms(old_q(r), "cpu_"),
              ms(new_q(r), "cpu_"), old_q(r)["cpu_p95"] / new_q(r)["cpu_p95"], r["questions"], r["ranked_differ"],
              r["differ_only_in_ties"], f'{r["max_rel_diff"]:.1e}'] for r in results]
    old = lambda r, key: r["old"][key] if "old" in r else "not run"
    builds = [[r["chunks"], old(r, "build_s"), r["new"]["build_s"], old(r, "peak_mib"), r["new"]["peak_mib"],
               r["old"]["peak_mib"] / r["new"]["peak_mib"] if "old" in r else "", r.get("old_bm25_mib", ""),
               r["bm25_mib"], r["dense_tokens"], r["sparse_postings"]] for r in results]
    loads = "; ".join(f'{r["chunks"]:,} chunks: {", ".join(f"{v:.2f}" for v in r["load_before"])} before, '
                      f'{", ".join(f"{v:.2f}" for v in r["load_after"])} after' for r in results)
    return "\n".join([
        f"Machine: {machine()}. Load average (1, 5, 15 min) {loads}.", "",
        markdown_table(["chunks", "old wall ms p50 / p95 / p99", "new wall ms", "old / new wall p95",
                        "old CPU ms p50 / p95 / p99", "new CPU ms", "old / new CPU p95", "questions",
                        "ranked top 50 differ", "of which only in ties", "largest relative score difference"],
                       query), "",
        markdown_table(["chunks", "old build s", "new build s", "old peak RSS MiB", "new peak RSS MiB",
                        "old / new peak", "old BM25 MiB", "new BM25 MiB", "dense rows", "sparse postings"], builds)])


if __name__ == "__main__":
    main()
