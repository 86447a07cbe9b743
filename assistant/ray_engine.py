"""``index --engine ray``: new and changed reports read, chunked, mined for facts and embedded on Ray.

Only the build's one step ``indexer.ReadEngine`` leaves the process. What is unchanged, what is
reused, the unit phrases' vectors, FAISS, BM25 and the atomic swap stay the build's, exactly as in a
single-process build, so both write the same index. Ray is an optional extra (``pip install -e
'.[ray]'``): it is imported only in this module, and this module only by ``index --engine ray``.

The pipeline (Ray Data)::

    from_items(one row per new or changed report file)
      .map(_read_row)            read, chunk, extract facts: indexer.read_changed, the same code as here
      .map_batches(_Embed, batch_size=B, compute=ActorPoolStrategy(size=N), num_cpus=T or num_gpus=1)

``_Embed`` is a callable class: each of the N actors loads the embedding model once. On CPUs the
two steps ask the same resources, so Ray fuses them into one actor pool: a worker reads its reports,
then embeds them, and reading never waits for a CPU that an embedding actor holds (with separate
read tasks and N actors holding every CPU the pipeline deadlocks). With GPUs the read runs as CPU
tasks and each actor embeds on one GPU.

Every output row is a shard of the index: one report's record, text, chunks and facts (JSON), and
the vectors of its chunks and of its content sentences (float32 bytes). The shards stream back to the driver, which merges them
into the usual index folder through the build's one assembly path.
Workers open the reports by path: on several machines the corpus must lie at the same path on each
(a shared or synced folder), and each machine needs the package (the same version: a worker's
extraction fingerprint is checked) and the embedding model.
"""
from __future__ import annotations

import json
import logging
import math
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from assistant.errors import UserFacingError
from assistant.facts import Fact
from assistant.indexer import (
    Outcome,
    ReadJob,
    ReadReport,
    ToRead,
    embedded_text,
    pipeline_fingerprint,
    read_changed,
    report_sentences,
    reuse_key,
)
from assistant.store import Chunk, FileStamp, Report

CALLS_PER_WORKER = 4
"""Each worker gets at least this many calls when there are enough reports: the last calls of a run
are small then, so the workers finish together instead of one finishing a large batch alone."""
MAX_BATCH_CPU = 16
"""Reports per embedding call on a CPU worker, at most: ~160 chunks of 700 characters, five runs of
32 passages (sentence-transformers sorts a call's passages by length, so a run pads little), tens
of seconds of work at ~14 chunks/s per core (README), against Ray's few milliseconds per call
(scheduling, a shard of ~1 MB through the object store). Larger calls save nothing more and make a
failed call costlier to redo."""
MAX_BATCH_GPU = 64
"""Reports per call on a GPU worker, at most: ~640 chunks, five runs of ``GPU_RUN``."""
GPU_RUN = 128
"""Passages per forward pass on a GPU (sentence-transformers' batch size there; 32 on CPUs): a
small model's 128 x 512 tokens fit any current GPU's memory many times over."""
SINGLE_NODE = "RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER"
"""Ray's switch for a single-node cluster, read when Ray is imported: at 0 a cluster started here
listens and advertises on 127.0.0.1. Otherwise Ray replaces 127.0.0.1 by the machine's network address
(``services.resolve_ip_for_localhost``), and a build's throwaway cluster would be reachable from the
network. Set only when no address is given: a driver joining a cluster needs its network address."""
FORWARDED_ENV = ("ASSISTANT_MODEL", "ASSISTANT_CACHE_DIR", "XDG_CACHE_HOME", "HF_HOME",
                 "HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "TOKENIZERS_PARALLELISM")
"""Variables of the driver that workers on other machines need too (where the model is, offline)."""


class EngineError(UserFacingError, RuntimeError):
    """Ray missing, a cluster that cannot be reached or cannot host the workers asked for."""


def ray_available() -> bool:
    """Whether Ray Data can be imported here (the ``ray`` extra is installed)."""
    try:
        import ray.data  # noqa: F401
    except ImportError:
        return False
    return True


@dataclass(frozen=True)
class Placement:
    """How the embedding step runs: ``workers`` actors of ``cpus`` CPUs (torch threads) each,
    or of one GPU each when ``gpu``; ``batch`` reports per call."""

    workers: int
    cpus: int
    gpu: bool
    batch: int


class RayEngine:
    """Reads and embeds a build's new and changed reports on a Ray cluster (``indexer.ReadEngine``).

    ``address`` is a running cluster's (``auto``, ``HOST:6379``, ``ray://HOST:10001``); None starts a
    local one for the build, or uses the one this process is already connected to (``ray.init``).
    ``workers`` is the number of embedding actors: by default one per GPU when the cluster has GPUs,
    else one per CPU.
    """

    def __init__(self, address: str | None = None, workers: int | None = None) -> None:
        if workers is not None and workers < 1:
            raise EngineError(f"--workers must be at least 1, not {workers}")
        if address is None:
            os.environ.setdefault(SINGLE_NODE, "0")  # before Ray is first imported
        if not ray_available():
            raise EngineError("Ray is not installed: `pip install -e '.[ray]'` (or `pip install "
                              "'ray[data]'`), or leave out --engine ray")
        self.address = address
        self.workers = workers
        self.placement: Placement | None = None
        """How the last ``read`` ran (the benchmark reports it)."""

    def read(self, items: Sequence[ToRead], job: ReadJob, stages: dict[str, float]) -> list[Outcome]:
        import ray

        t0 = time.perf_counter()
        started_here = _connect(self.address)
        stages["ray start"] = time.perf_counter() - t0
        try:
            t0 = time.perf_counter()
            placement = plan_placement(_nodes(), len(items), self.workers)
            self.placement = placement
            outcomes = _run(items, job, placement)
            stages["ray read+embed"] = time.perf_counter() - t0
            return outcomes
        finally:
            if started_here:
                ray.shutdown()


def _connect(address: str | None) -> bool:
    """Join the cluster at ``address`` (or start a local one); True when this call started the connection."""
    import ray

    if ray.is_initialized():
        return False
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # nothing is posted anywhere
    env = {name: os.environ[name] for name in FORWARDED_ENV if name in os.environ}
    try:  # ERROR: Ray's start-up warnings (token authentication on, progress bars off) are not the build's
        ray.init(address=address, include_dashboard=False, logging_level=logging.ERROR, log_to_driver=False,
                 runtime_env={"env_vars": env} if env else None)
    except (ConnectionError, ValueError, RuntimeError) as exc:
        where = f"the Ray cluster at {address}" if address else "a local Ray cluster"
        raise EngineError(f"cannot reach {where}: {_first_line(exc)}; start one with `ray start --head`, "
                          f"or leave out --ray-address to start a local one") from None
    return True


def _nodes() -> list[dict[str, float]]:
    """The CPUs and GPUs of each live node of the cluster."""
    import ray

    return [node["Resources"] for node in ray.nodes() if node.get("Alive")]


def plan_placement(nodes: list[dict[str, float]], reports: int, workers: int | None) -> Placement:
    """How many embedding actors of how many CPUs (or one GPU each), and how many reports per call.

    A cluster with GPUs embeds on them, one actor per GPU. CPU actors get the most CPUs each such
    that all of them fit on the nodes, since one actor cannot span machines.
    """
    gpus = int(sum(n.get("GPU", 0) for n in nodes))
    cpus = [int(n.get("CPU", 0)) for n in nodes]
    if gpus:
        count = workers or gpus
        if count > gpus:
            raise EngineError(f"--workers {count} asks for more GPU workers than the cluster's {gpus} GPUs")
        size = _batch(reports, count, MAX_BATCH_GPU)
        return Placement(_needed(count, reports, size), 1, True, size)
    count = workers or max(1, sum(cpus))
    if count > sum(cpus):
        raise EngineError(f"--workers {count} is more than the cluster's {sum(cpus)} CPUs")
    size = _batch(reports, count, MAX_BATCH_CPU)
    count = _needed(count, reports, size)
    threads = max(t for t in range(1, max(cpus) + 1) if sum(c // t for c in cpus) >= count)
    return Placement(count, threads, False, size)


def _batch(reports: int, workers: int, most: int) -> int:
    """Reports per call: ``CALLS_PER_WORKER`` calls for each worker, at most ``most`` reports each."""
    return max(1, min(most, math.ceil(reports / (workers * CALLS_PER_WORKER))))


def _needed(workers: int, reports: int, batch: int) -> int:
    """No more actors than calls: each actor loads the model, and one without a call would only wait."""
    return max(1, min(workers, math.ceil(reports / batch)))


def _run(items: Sequence[ToRead], job: ReadJob, placement: Placement) -> list[Outcome]:
    """The pipeline over ``items``; one outcome per item, in their order."""
    import ray.data

    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = job.progress
    logging.getLogger("ray.data").setLevel(logging.ERROR)
    rows = [{"i": i, "item": _item_json(item)} for i, item in enumerate(items)]
    resources = {"num_gpus": 1, "num_cpus": 1} if placement.gpu else {"num_cpus": placement.cpus}
    dataset = (
        ray.data.from_items(rows, override_num_blocks=math.ceil(len(rows) / placement.batch))
        .map(_read_row, fn_kwargs={"job": job}, num_cpus=resources["num_cpus"])
        .map_batches(_Embed, batch_size=placement.batch, batch_format="numpy",
                     compute=ray.data.ActorPoolStrategy(size=placement.workers),
                     fn_constructor_kwargs={"model": job.model, "threads": placement.cpus,
                                            "gpu": placement.gpu},
                     **resources)
    )
    outcomes: list[Outcome | None] = [None] * len(items)
    expected = pipeline_fingerprint()
    for batch in dataset.iter_batches(batch_size=None, batch_format="numpy"):
        columns = (batch["i"], batch["payload"], batch["vectors"], batch["sentence_vectors"], batch["dim"])
        for i, payload, vectors, sentence_vectors, dim in zip(*columns, strict=True):
            outcomes[int(i)] = _outcome(items[int(i)], json.loads(payload), vectors, sentence_vectors,
                                        int(dim), expected)
    missing = [items[i].source for i, o in enumerate(outcomes) if o is None]
    if missing:
        raise EngineError(f"the Ray pipeline returned nothing for {len(missing)} report(s), e.g. "
                          f"{missing[0]}")
    return outcomes  # type: ignore[return-value]


class _Stat:
    """A stat sent to a worker: the fields a ``FileStamp`` records (``indexer.StatLike``)."""

    def __init__(self, size: int, mtime_ns: int, ctime_ns: int, ino: int) -> None:
        self.st_size, self.st_mtime_ns, self.st_ctime_ns, self.st_ino = size, mtime_ns, ctime_ns, ino


def _stat_fields(stat: Any) -> list[int] | None:
    return None if stat is None else [stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino]


def _item_json(item: ToRead) -> str:
    return json.dumps({"path": str(item.path), "source": item.source, "stat": _stat_fields(item.stat),
                       "sidecar": _stat_fields(item.sidecar_stat)}, ensure_ascii=False)


def _read_row(row: dict[str, Any], job: ReadJob) -> dict[str, Any]:
    """Read, chunk and extract one report on a worker; its texts to embed, unless its old vectors fit it."""
    raw = json.loads(row["item"])
    item = ToRead(Path(raw["path"]), raw["source"], _Stat(*raw["stat"]),
                  _Stat(*raw["sidecar"]) if raw["sidecar"] else None)
    outcome = read_changed(item, job.limits, job.settings)
    payload: dict[str, Any] = {"pipeline": pipeline_fingerprint()}
    texts: list[str] = []
    sentences: list[str] = []
    if isinstance(outcome, str):
        payload["skipped"] = outcome
    else:
        report = outcome.report
        payload.update(report={**report.record(), "text": report.text},
                       chunks=[[c.start, c.end, -1 if c.page is None else c.page] for c in outcome.chunks],
                       facts=[f.to_dict() for f in outcome.facts])
        if reuse_key(report.sha256, report.meta) not in job.reusable:
            texts = [embedded_text(c.header, report.text[c.start:c.end]) for c in outcome.chunks]
        sentences = report_sentences(report, outcome.chunks)  # their vectors are made anew in any case
    return {"i": row["i"], "payload": json.dumps(payload, ensure_ascii=False), "texts": texts,
            "sentences": sentences}


class _Embed:
    """One embedding actor: the model loaded once, then each call's reports embedded in one call."""

    def __init__(self, model: str, threads: int, gpu: bool) -> None:
        import torch

        from assistant.embedding import load_embedder

        self.embedder = load_embedder(model)
        # The model's threads are this actor's CPUs, not the machine's (the loader's default): actors
        # share a machine, and more threads than CPUs only makes them wait for each other.
        torch.set_num_threads(threads)
        if gpu:
            self.embedder.model.to("cuda")
            self.embedder.batch_size = GPU_RUN

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        """Each row's chunks and content sentences, embedded together (one call sorts them all by length)."""
        rows = [([str(t) for t in texts], [str(t) for t in sentences])
                for texts, sentences in zip(batch["texts"], batch["sentences"], strict=True)]
        flat = [t for texts, sentences in rows for t in (*texts, *sentences)]
        vectors = self.embedder.embed_passages(flat) if flat else np.zeros((0, self.embedder.dim), np.float32)
        chunk_shards, sentence_shards, at = [], [], 0
        for texts, sentences in rows:
            chunk_shards.append(_bytes(vectors[at:at + len(texts)]))
            at += len(texts)
            sentence_shards.append(_bytes(vectors[at:at + len(sentences)]))
            at += len(sentences)
        return {"i": batch["i"], "payload": batch["payload"], "vectors": np.array(chunk_shards, dtype=object),
                "sentence_vectors": np.array(sentence_shards, dtype=object),
                "dim": np.full(len(rows), self.embedder.dim, dtype=np.int64)}


def _bytes(vectors: np.ndarray) -> bytes:
    return np.ascontiguousarray(vectors, dtype=np.float32).tobytes()


def _outcome(item: ToRead, payload: dict[str, Any], vectors: bytes, sentence_vectors: bytes, dim: int,
             expected: str) -> Outcome:
    """A shard back on the driver: the report read on a worker, its vectors if it embedded them."""
    if payload["pipeline"] != expected:
        raise EngineError(f"a Ray worker reads reports with other extraction code (fingerprint "
                          f"{payload['pipeline']}, here {expected}); install the same version of the package "
                          f"on every node")
    if "skipped" in payload:
        return payload["skipped"]
    raw = payload["report"]
    sidecar = raw["sidecar"]
    report = Report(doc_id=raw["doc_id"], source=item.source, file=FileStamp(**raw["file"]),
                    sidecar=FileStamp(**sidecar) if sidecar else None, meta=raw["meta"], body=raw["text"],
                    page_starts=raw["page_starts"], header=raw["header"])
    chunks = [Chunk(report.doc_id, start, end, report.header, None if page < 0 else page)
              for start, end, page in payload["chunks"]]
    facts = [Fact(**fact) for fact in payload["facts"]]
    return ReadReport(report, chunks, facts, _matrix(vectors, dim), _matrix(sentence_vectors, dim))


def _matrix(raw: bytes, dim: int) -> np.ndarray | None:
    """Float32 rows from a shard's bytes; None for none (a report whose old vectors are reused)."""
    return np.frombuffer(raw, dtype=np.float32).reshape(-1, dim) if len(raw) else None


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0][:300] if lines else type(exc).__name__
