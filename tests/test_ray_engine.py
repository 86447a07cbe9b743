"""``index --engine ray``: the same index as a single-process build, from a real local Ray cluster.

The cluster tests share one in-process cluster per module (``ray.init(num_cpus=2)``: its start-up
takes 10-30 s here) and are skipped, saying why, where Ray is not installed (CI installs the
``ray`` extra; a failed install leaves these tests skipped, not failed). Both engines embed with
the real default model; each Ray actor loads its own copy, so the actor count is kept small: five
pipelines in all. The module took 7.5 min on the shared 2-core machine at a load of 6-9 (4 min of
it the first fixture: the cluster, the model, four builds); it has not been timed on an idle one.
"""
from __future__ import annotations

import json
import logging
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from assistant import cli
from assistant.indexer import build_index
from assistant.ray_engine import SINGLE_NODE, EngineError, Placement, RayEngine, plan_placement

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
EVAL_REPORTS = ROOT / "evals" / "reports"
SUITES = {"corpus": (CORPUS, ROOT / "evals" / "qa.jsonl"),
          "eval reports": (EVAL_REPORTS, ROOT / "evals" / "transfer.jsonl")}
"""Each set of reports and the eval questions asked about them."""
QUESTIONS = 12
"""Eval questions asked of both indexes per suite, spread over the file (every k-th): answering all
~800 twice would add minutes and test nothing more than the equal chunks, vectors and facts do."""
NEW_REPORT = textwrap.dedent("""\
    Công an tỉnh Gia Lai sơ kết phong trào toàn dân bảo vệ an ninh Tổ quốc

    Chiều 12/4/2024, Công an tỉnh Gia Lai tổ chức sơ kết.
    Toàn tỉnh duy trì 321 mô hình tự quản về an ninh trật tự.
    """)
EXACT = 1e-5
"""Largest 1 - cosine between a passage's vector from the two engines: the same fp32 model, batched
with other passages (padding changes the sums' order, not the result beyond float rounding)."""
FLOAT16 = 1e-4
"""Sentence vectors are stored as float16: two roundings of vectors equal within ``EXACT`` differ by
about one part in 2,000 per component, far less than this in cosine."""


# ---------------------------------------------------------------- without a cluster

@pytest.mark.slow
def test_index_without_the_engine_option_never_imports_ray(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "gia_lai.txt").write_text(NEW_REPORT, encoding="utf-8")
    code = ("import json, sys; from assistant.cli import main; rc = main(sys.argv[1:]); "
            "print(json.dumps([rc, sorted(m for m in sys.modules if m.split('.')[0] == 'ray' "
            "or m == 'assistant.ray_engine')]))")
    command = [sys.executable, "-c", code, "index", "--corpus", str(corpus), "--index",
               str(tmp_path / "index")]
    proc = subprocess.run(command, check=False, capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    rc, modules = json.loads(proc.stdout.strip().splitlines()[-1])
    assert rc == 0 and modules == []


def test_the_engine_module_imports_ray_only_when_it_runs():
    code = "import sys, assistant.ray_engine; print(any(m.split('.')[0] == 'ray' for m in sys.modules))"
    proc = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True,
                          timeout=300, cwd=ROOT)
    assert proc.returncode == 0 and proc.stdout.strip() == "False", proc.stderr


@pytest.mark.parametrize("options", [["--workers", "2"], ["--ray-address", "auto"],
                                     ["--engine", "ray", "--workers", "0"], ["--engine", "spark"]])
def test_bad_engine_options_are_one_line_and_exit_2(tmp_path, capsys, options):
    status = cli.main(["index", "--corpus", str(tmp_path), "--index", str(tmp_path / "index"), *options])
    err = capsys.readouterr().err
    assert status == 2 and err.startswith("error: ") and err.count("\n") == 1, err
    assert not (tmp_path / "index").exists()


def test_without_ray_installed_engine_ray_says_how_to_install_it(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("assistant.ray_engine.ray_available", lambda: False)
    status = cli.main(["index", "--engine", "ray", "--corpus", str(tmp_path), "--index", str(tmp_path / "i")])
    err = capsys.readouterr().err
    assert status == 2 and "pip install -e '.[ray]'" in err and err.count("\n") == 1, err


@pytest.mark.parametrize(("nodes", "reports", "workers", "expected"), [
    ([{"CPU": 2}], 100, None, Placement(2, 1, False, 13)),  # one worker per CPU, 4 calls each
    ([{"CPU": 2}], 100, 1, Placement(1, 2, False, 16)),  # one worker gets both CPUs as threads
    ([{"CPU": 8}, {"CPU": 8}], 10_000, 4, Placement(4, 4, False, 16)),
    ([{"CPU": 6}, {"CPU": 2}], 1_000, 2, Placement(2, 3, False, 16)),  # both fit on the 6-CPU node
    ([{"CPU": 2}], 3, 2, Placement(2, 1, False, 1)),
    ([{"CPU": 2}], 1, 2, Placement(1, 2, False, 1)),  # no idle actor loading the model
    ([{"CPU": 16, "GPU": 2}], 1_000, None, Placement(2, 1, True, 64)),  # one per GPU
])
def test_placement(nodes, reports, workers, expected):
    assert plan_placement(nodes, reports, workers) == expected


@pytest.mark.parametrize(("nodes", "workers"), [([{"CPU": 2}], 3), ([{"CPU": 8, "GPU": 1}], 2)])
def test_more_workers_than_the_cluster_holds_is_refused(nodes, workers):
    with pytest.raises(EngineError, match="more"):
        plan_placement(nodes, 10, workers)


# ---------------------------------------------------------------- on a local cluster

@pytest.fixture(scope="module")
def cluster():
    os.environ.setdefault(SINGLE_NODE, "0")  # on 127.0.0.1 only (read when Ray is imported)
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    ray = pytest.importorskip("ray", reason="Ray is not installed (pip install -e '.[ray]'): "
                                            "the Ray engine's cluster tests are skipped")
    pytest.importorskip("ray.data", reason="Ray is installed without Ray Data (pip install 'ray[data]')")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, logging_level=logging.ERROR)
    try:
        address = ray.get_runtime_context().gcs_address
        assert address.startswith("127.0.0.1:"), address
        yield address
    finally:
        ray.shutdown()


class Recording(RayEngine):
    """The Ray engine, noting which reports it was given."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.sent: list[str] = []

    def read(self, items, job, stages):
        self.sent += [item.source for item in items]
        return super().read(items, job, stages)


@pytest.fixture(scope="module")
def built(cluster, embedder, tmp_path_factory):
    """Each suite's reports indexed by both engines: {name: (local index, Ray index, Ray summary)}."""
    out = {}
    for name, (corpus, _) in SUITES.items():
        folder = tmp_path_factory.mktemp(name.replace(" ", "-"))
        build_index(corpus, folder / "local", embedder=embedder)
        summary = build_index(corpus, folder / "ray", embedder=embedder, engine=RayEngine(workers=2))
        out[name] = (folder / "local", folder / "ray", summary)
    return out


def facts_of(index: Path) -> list[tuple]:
    with sqlite3.connect(f"file:{index / 'facts.sqlite'}?mode=ro", uri=True) as db:
        return db.execute("SELECT * FROM facts ORDER BY rowid").fetchall()


def report_rows(index: Path, stats: bool) -> list[dict]:
    rows = [json.loads(line) for line in (index / "reports.jsonl").read_text(encoding="utf-8").splitlines()]
    if not stats:  # two copies of a corpus: the same bytes, other inodes and times
        for row in rows:
            row["file"] = row["file"]["sha256"]
            row["sidecar"] = row["sidecar"] and row["sidecar"]["sha256"]
    return rows


def assert_same_index(local: Path, ray: Path, tolerance: float, *, stats: bool = True) -> None:
    assert report_rows(local, stats) == report_rows(ray, stats)  # metadata, header, pages, where texts lie
    for name in ("texts.bin", "chunks.npy"):  # the texts citations index into; chunk offsets and pages
        assert (local / name).read_bytes() == (ray / name).read_bytes(), name
    one, two = (json.loads((i / "manifest.json").read_text(encoding="utf-8")) for i in (local, ray))
    for key in ("model_id", "dim", "prompts", "splitter", "pipeline", "chunk_count", "reports",
                "format_version"):
        assert one[key] == two[key], key
    assert facts_of(local) == facts_of(ray)
    a, b = (np.load(i / "vectors.npy") for i in (local, ray))
    assert a.shape == b.shape and len(a)
    assert float(np.max(1 - np.sum(a * b, axis=1))) <= tolerance
    assert np.array_equal(np.load(local / "units.npy"), np.load(ray / "units.npy"))  # the driver embeds units
    # every content sentence's span (exactly) and vector (float16, within the tolerance)
    assert (local / "sentences.npy").read_bytes() == (ray / "sentences.npy").read_bytes()
    x, y = (np.load(i / "sentence_vectors.npy").astype(np.float32) for i in (local, ray))
    assert x.shape == y.shape and len(x)
    cosine = np.sum(x * y, axis=1) / np.linalg.norm(x, axis=1) / np.linalg.norm(y, axis=1)
    assert float(np.max(1 - cosine)) <= max(tolerance, FLOAT16)


def answers(index: Path, qa: Path) -> list[tuple]:
    from assistant.answer import Assistant
    from assistant.evalset import load_items
    from assistant.store import load_index

    assistant = Assistant(load_index(index))
    items = load_items(qa, "all")
    out = []
    for item in items[::max(1, len(items) // QUESTIONS)][:QUESTIONS]:
        reply = assistant.ask(item["question"], history=item.get("history") or [])
        cited = [(c.source, c.start, c.end) for c in reply.citations]
        out.append((item["id"], reply.found, reply.answer, cited))
    return out


@pytest.mark.slow
@pytest.mark.parametrize("suite", list(SUITES))
def test_the_ray_build_equals_the_single_process_build(built, suite):
    local, ray, summary = built[suite]
    assert summary.written and not summary.skipped and "ray read+embed" in summary.stages
    assert_same_index(local, ray, EXACT)
    assert answers(local, SUITES[suite][1]) == answers(ray, SUITES[suite][1])


@pytest.mark.slow
def test_only_new_and_changed_reports_go_to_the_cluster_and_unreadable_ones_are_skipped_alike(built, embedder,
                                                                                             tmp_path):
    """One incremental build per engine (each Ray pipeline starts actors that load the model: tens of
    seconds on two cores, so one build checks both what is sent and what is skipped)."""
    local, _, _ = built["corpus"]
    states = {}
    for engine in ("local", "ray"):
        corpus, index = tmp_path / engine / "corpus", tmp_path / engine / "index"
        shutil.copytree(CORPUS, corpus)  # new stats, same bytes: hashed and kept, never read
        shutil.copytree(local, index)
        files = sorted(corpus.iterdir())
        files[0].unlink()
        with files[1].open("a", encoding="utf-8") as out:
            out.write("\nNăm 2024, toàn tỉnh xây dựng thêm 12 mô hình mới.\n")
        (corpus / "005_gia_lai.txt").write_text(NEW_REPORT, encoding="utf-8")
        (corpus / "empty.txt").write_bytes(b"")  # skipped by the worker that reads it
        (corpus / "fake.pdf").write_text("not a pdf", encoding="utf-8")
        states[engine] = (corpus, index, files)
    recording = Recording(workers=1)
    summaries = {engine: build_index(corpus, index, embedder=embedder,
                                     engine=recording if engine == "ray" else None)
                 for engine, (corpus, index, _) in states.items()}
    files = states["ray"][2]
    assert sorted(recording.sent) == sorted(["005_gia_lai.txt", "empty.txt", "fake.pdf", files[1].name])
    for summary in summaries.values():
        assert (summary.added, summary.changed, summary.removed) == (["005_gia_lai.txt"], [files[1].name],
                                                                     [files[0].name])
    assert summaries["ray"].skipped == summaries["local"].skipped and len(summaries["ray"].skipped) == 2
    assert_same_index(states["local"][1], states["ray"][1], EXACT, stats=False)
    for name in ("empty.txt", "fake.pdf"):  # a skipped file is read again by every build, as here
        (states["ray"][0] / name).unlink()
    again = Recording(workers=1)
    assert not build_index(states["ray"][0], states["ray"][1], embedder=embedder, engine=again).written
    assert again.sent == []  # an up-to-date index never reaches the cluster


@pytest.mark.slow
def test_the_command_line_joins_a_running_cluster(cluster, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "gia_lai.txt").write_text(NEW_REPORT, encoding="utf-8")
    command = [sys.executable, "-m", "assistant", "index", "--engine", "ray", "--ray-address", cluster,
               "--workers", "1", "--corpus", str(corpus), "--index", str(tmp_path / "index")]
    first = subprocess.run(command, check=False, capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("index updated: 1 reports") and "ray read+embed" in first.stdout


def test_the_benchmark_report_states_the_load_and_the_projection():
    """benchmarks/ray_build.py's Markdown from made-up numbers (running it takes minutes: RESULTS.md)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import ray_build
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    runs = [{"workers": w, "threads": 2 // w, "batch": 4, "seconds": 50.0 / w} for w in (1, 2)]
    measured = {"machine": "2 cores", "cluster_cpus": 2, "reports": 100, "chunks": 1000, "model": "m",
                "load": "1.50, 1.00, 0.50", "load_after": "2.00, 1.20, 0.60", "local_seconds": 45.0, "local_threads": 2, "runs": runs,
                "cluster_start_s": 5.0, "fixed_s": 10.0, "overhead_ms_per_report": -50.0,
                "per_worker_chunks_s": 33.3, "projection_h": {1: 83.4, 2: 41.7}, "single_process_h": 125.0}
    text = ray_build.render(measured)
    assert "| Ray, 2 worker(s) |" in text and "Projection for 1e+07 chunks" in text
    assert "1.50, 1.00, 0.50" in text and "busy (load > 1)" in text
