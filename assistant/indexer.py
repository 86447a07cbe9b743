"""Build or update the index so that it matches the corpus folder.

Unchanged reports (same size and mtime, or same content hash) keep their chunks and
vectors; only new or changed reports are read, chunked and embedded.
"""
from __future__ import annotations

import hashlib
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

import numpy as np

from assistant.chunking import SplitterSettings, split_spans
from assistant.dense import build_dense
from assistant.embedding import Embedder, load_embedder
from assistant.lexical import LexicalIndex
from assistant.metadata import content_spans, extract_metadata, read_sidecar
from assistant.readers import Limits, ReportError, read_report, supported_suffixes
from assistant.store import (Chunk, ChunkTable, IndexData, Manifest, Report, ReportChunks, StoreError,
                             check_index_target, load_index, read_manifest, write_index, writer_lock)
from assistant.text import bm25_tokens

SIDECAR_SUFFIX = ".meta.json"
Kept = tuple[Report, Sequence[Chunk], np.ndarray | None]
"""A report of the new index, its chunks, and their vectors when the previous index has them."""


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
    stages: dict[str, float] = field(default_factory=dict)
    """Seconds per stage of a build that wrote: read, model (loading it), embed, FAISS, BM25, write."""

    def line(self) -> str:
        state = "updated" if self.written else "up to date"
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


@lru_cache(maxsize=1)
def pipeline_fingerprint() -> str:
    """A hash of the code that turns a file into text, metadata, chunks and BM25 tokens.

    An index read with other code holds other texts and offsets, so a changed reader or
    metadata rule re-reads every report instead of keeping stale citations.
    """
    here = Path(__file__).parent
    sources = sorted((here / "readers").glob("*.py")) + [here / name for name in (
        "metadata.py", "chunking.py", "text.py", "places.py", "indexer.py")]
    digest = hashlib.sha256()
    for source in sources:
        digest.update(source.read_bytes())
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


def report_files(corpus: Path) -> list[Path]:
    """Every report under ``corpus``, sidecars and hidden files excepted, in a stable order."""
    suffixes = set(supported_suffixes())
    return sorted(
        p for p in corpus.rglob("*")
        if p.is_file() and p.suffix.lower() in suffixes and not p.name.endswith(SIDECAR_SUFFIX)
        and not any(part.startswith(".") for part in p.relative_to(corpus).parts)
    )


def _sidecar_mtime(path: Path) -> int | None:
    sidecar = path.with_name(path.name + SIDECAR_SUFFIX)
    return sidecar.stat().st_mtime_ns if sidecar.exists() else None


def _read_new_report(path: Path, source: str, limits: Limits, settings: SplitterSettings,
                     ) -> tuple[Report, list[Chunk]]:
    data = path.read_bytes()
    extracted = read_report(path, limits)
    try:
        declared = {**extracted.meta, **read_sidecar(path)}
    except ValueError as exc:
        raise ReportError(str(exc)) from None
    meta = extract_metadata(extracted.text, declared=declared).to_dict()
    stat = path.stat()
    digest = hashlib.sha256(data).hexdigest()
    report = Report(doc_id=digest[:16], source=source, sha256=digest, size=stat.st_size,
                    mtime_ns=stat.st_mtime_ns, sidecar_mtime_ns=_sidecar_mtime(path),
                    body=extracted.text, meta=meta, header=chunk_header(meta),
                    page_starts=list(extracted.page_starts) if extracted.page_starts else None)
    spans = _without(content_spans(extracted.text), extracted.skip)
    chunks = [Chunk(report.doc_id, s.start, s.end, report.header, _page_of(report.page_starts, s.start))
              for s in split_spans(extracted.text, spans, settings)]
    if not chunks:
        raise ReportError(f"{path.name}: no content left after removing boilerplate")
    return report, chunks


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
                settings: SplitterSettings = SplitterSettings(), limits: Limits = Limits(),
                progress: bool = False, embedder: Embedder | None = None) -> BuildSummary:
    """Bring the index at ``index`` in line with the reports under ``corpus``."""
    if not corpus.is_dir():
        raise ReportError(f"corpus folder {corpus} does not exist")
    check_index_target(index, corpus)
    with writer_lock(index):
        return _build(corpus, index, model=model, rebuild=rebuild, settings=settings, limits=limits,
                      progress=progress, embedder=embedder)


def _build(corpus: Path, index: Path, *, model: str | None, rebuild: bool, settings: SplitterSettings,
           limits: Limits, progress: bool, embedder: Embedder | None) -> BuildSummary:
    started = time.perf_counter()
    previous = None if rebuild else _previous_index(index, model, settings)
    summary = BuildSummary()

    old_by_source = {r.source: r for r in previous.reports.values()} if previous else {}
    old_by_hash = {r.sha256: r for r in previous.reports.values()} if previous else {}
    kept: list[Kept] = []
    seen_hashes: dict[str, str] = {}
    for path in report_files(corpus):
        source = path.relative_to(corpus).as_posix()
        stat = path.stat()
        old = old_by_source.get(source)
        if old and old.size == stat.st_size and old.mtime_ns == stat.st_mtime_ns \
                and old.sidecar_mtime_ns == _sidecar_mtime(path):
            kept.append((old, *_reused(previous, old.doc_id)))
            seen_hashes[old.sha256] = source
            continue
        try:
            report, chunks = _read_new_report(path, source, limits, settings)
        except ReportError as exc:
            summary.skipped.append(_with_source(str(exc), path.name, source))
            continue
        if report.sha256 in seen_hashes:
            summary.skipped.append(f"{source}: same content as {seen_hashes[report.sha256]}, indexed once")
            continue
        seen_hashes[report.sha256] = source
        same = old_by_hash.get(report.sha256)
        if same and same.meta == report.meta:  # touched or renamed: reuse its vectors
            kept.append((report, *_reused(previous, same.doc_id)))
            if old and old.sha256 == report.sha256:
                continue
        else:
            kept.append((report, chunks, None))
        (summary.changed if old else summary.added).append(source)

    current = {r.source for r, _, _ in kept}
    summary.removed = sorted(set(old_by_source) - current)
    summary.reports = len(kept)
    summary.chunks = sum(len(c) for _, c, _ in kept)
    summary.stages["read"] = time.perf_counter() - started
    if previous and not summary.added and not summary.changed and not summary.removed \
            and not _moved(previous, kept):
        summary.seconds = time.perf_counter() - started
        return summary

    to_embed = [(i, c) for i, (_, chunks, vecs) in enumerate(kept) if vecs is None for c in chunks]
    texts = [_embedded_text(kept, i, c) for i, c in to_embed]
    if texts or previous is None:  # the model loads only when there is something to embed
        t0 = time.perf_counter()
        embedder = embedder or load_embedder(model or (previous.manifest.model_id if previous else None))
        summary.stages["model"] = time.perf_counter() - t0
        identity = ModelIdentity(embedder.model_id, embedder.dim, dict(embedder.prompts))
    else:
        identity = ModelIdentity(previous.manifest.model_id, previous.manifest.dim, previous.manifest.prompts)
    t0 = time.perf_counter()
    new_vectors = embedder.embed_passages(texts, show_progress=progress) if texts else \
        np.zeros((0, identity.dim), dtype=np.float32)
    summary.stages["embed"] = time.perf_counter() - t0
    data = _assemble(kept, new_vectors, identity, settings, summary.stages)
    t0 = time.perf_counter()
    write_index(index, data)
    summary.stages["write"] = time.perf_counter() - t0
    summary.written = True
    summary.seconds = time.perf_counter() - started
    return summary


def _reused(previous: IndexData, doc_id: str) -> tuple[Sequence[Chunk], np.ndarray]:
    """A report's chunks and vectors as the previous index holds them."""
    rows = previous.chunks.rows_of(doc_id)
    return ReportChunks(previous.chunks, rows), previous.vectors[rows.start:rows.stop]


def _with_source(reason: str, name: str, source: str) -> str:
    """A reader names the file; in a corpus with subfolders the skip reason names its path."""
    return source + reason[len(name):] if reason.startswith(name + ":") else reason


def _moved(previous: IndexData, kept: list[Kept]) -> bool:
    """True when a report's bytes are unchanged but its file was touched (mtime to record)."""
    return any(previous.reports.get(r.doc_id) is not r for r, _, _ in kept)


def _embedded_text(kept: list[Kept], i: int, chunk: Chunk) -> str:
    body = kept[i][0].text[chunk.start:chunk.end]
    return f"{chunk.header}\n{body}" if chunk.header else body


def _previous_index(index: Path, model: str | None, settings: SplitterSettings) -> IndexData | None:
    try:
        manifest = read_manifest(index)
    except StoreError:
        return None  # an older index format or a damaged manifest: every report is read again
    if manifest is None:
        return None
    if model and model != manifest.model_id:
        raise StoreError(f"the index at {index} was built with model {manifest.model_id!r}, not {model!r}; "
                         f"rebuild it with `python -m assistant index --rebuild --model {model}`")
    if manifest.splitter != settings.to_dict() or manifest.pipeline != pipeline_fingerprint():
        return None  # other chunk settings or extraction code: every report is read and embedded again
    try:
        return load_index(index)
    except StoreError:
        return None


def _assemble(kept: list[Kept], new_vectors: np.ndarray, model: ModelIdentity, settings: SplitterSettings,
              stages: dict[str, float]) -> IndexData:
    reports: dict[str, Report] = {}
    chunks: list[Chunk] = []
    blocks: list[np.ndarray] = []
    cursor = 0
    for report, report_chunks, vectors in kept:
        reports[report.doc_id] = report
        chunks.extend(report_chunks)
        if vectors is None:
            vectors = new_vectors[cursor:cursor + len(report_chunks)]
            cursor += len(report_chunks)
        blocks.append(np.asarray(vectors, dtype=np.float32))
    matrix = np.vstack(blocks) if blocks else np.zeros((0, model.dim), dtype=np.float32)
    t0 = time.perf_counter()
    dense = build_dense(matrix)
    stages["FAISS"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    lexical = LexicalIndex.build(_chunk_tokens(kept))
    stages["BM25"] = time.perf_counter() - t0
    manifest = Manifest(
        model_id=model.model_id, dim=model.dim, prompts=model.prompts,
        splitter=settings.to_dict(), package_version=version("antq-assistant"), pipeline=pipeline_fingerprint(),
        built_at=datetime.now(timezone.utc).isoformat(timespec="seconds"), chunk_count=len(chunks),
        reports={r.source: {"doc_id": r.doc_id, "sha256": r.sha256, **r.meta} for r in reports.values()},
    )
    return IndexData(manifest, reports, ChunkTable.from_chunks(list(reports.values()), chunks), matrix, dense,
                     lexical)


def _chunk_tokens(kept: list[Kept]) -> Iterator[list[str]]:
    """Each chunk's BM25 tokens, header first, one chunk at a time (a stored text is decoded once)."""
    for report, report_chunks, _ in kept:
        text = report.text
        for chunk in report_chunks:
            yield bm25_tokens(f"{report.header}\n{text[chunk.start:chunk.end]}")


def progress_wanted() -> bool:
    return sys.stderr.isatty()
