"""The index folder: manifest, reports with their text, chunks, vectors, FAISS and BM25.

Everything is JSON, JSON Lines or ``.npy`` (no pickle). Writes go to a sibling temporary
folder that is swapped in at the end, so an interrupted build leaves the previous index.
"""
from __future__ import annotations

import fcntl
import json
import os
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterator

import faiss
import numpy as np

from assistant.errors import UserFacingError
from assistant.lexical import LexicalIndex

FORMAT_VERSION = 1


class StoreError(UserFacingError, RuntimeError):
    """An index folder that is missing, damaged or built in an incompatible way."""


@dataclass
class Report:
    """One indexed report; ``text`` is what citations index into."""

    doc_id: str
    source: str
    sha256: str
    size: int
    mtime_ns: int
    sidecar_mtime_ns: int | None
    text: str
    meta: dict[str, Any]
    page_starts: list[int] | None = None


@dataclass
class Chunk:
    """A passage: ``text[start:end]`` of its report, embedded with ``header`` in front."""

    doc_id: str
    start: int
    end: int
    header: str
    page: int | None = None


@dataclass
class Manifest:
    model_id: str
    dim: int
    prompts: dict[str, str]
    splitter: dict[str, int]
    package_version: str
    built_at: str
    format_version: int = FORMAT_VERSION
    chunk_count: int = 0
    reports: dict[str, dict[str, Any]] = field(default_factory=dict)
    pipeline: str = ""  # fingerprint of the extraction code the reports were read with


@dataclass
class IndexData:
    """Everything an index holds, in memory; row i of ``vectors`` is ``chunks[i]``."""

    manifest: Manifest
    reports: dict[str, Report]
    chunks: list[Chunk]
    vectors: np.ndarray
    dense: faiss.Index
    lexical: LexicalIndex

    def chunk_text(self, i: int) -> str:
        chunk = self.chunks[i]
        return self.reports[chunk.doc_id].text[chunk.start:chunk.end]


def _backup_of(path: Path) -> Path:
    return path.with_name(path.name + ".previous")


def read_manifest(path: Path) -> Manifest | None:
    """The manifest of the index at ``path``, or None when there is no index yet."""
    _recover(path)
    file = path / "manifest.json"
    if not file.exists():
        return None
    try:
        raw = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise StoreError(f"{file}: unreadable manifest ({exc}); rebuild with "
                          f"`python -m assistant index --rebuild`") from exc
    if raw.get("format_version") != FORMAT_VERSION:
        raise StoreError(f"{path}: index format {raw.get('format_version')} is not {FORMAT_VERSION}; "
                          f"rebuild with `python -m assistant index --rebuild`")
    return Manifest(**raw)


def _recover(path: Path) -> None:
    """Finish a swap that was interrupted between its two renames."""
    backup = _backup_of(path)
    if not path.exists() and backup.exists():
        backup.rename(path)
    elif path.exists() and backup.exists():
        shutil.rmtree(backup, ignore_errors=True)


@contextmanager
def writer_lock(path: Path) -> Iterator[None]:
    """One writer at a time per index folder (a UI upload and a CLI build may race)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".lock"), "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def write_index(path: Path, data: IndexData) -> None:
    """Write the whole index into a temporary sibling folder, then swap it in.

    The caller holds ``writer_lock``; leftovers of killed builds are removed here.
    """
    for stale in path.parent.glob(path.name + ".building-*"):
        shutil.rmtree(stale, ignore_errors=True)
    tmp = Path(tempfile.mkdtemp(prefix=path.name + ".building-", dir=path.parent))
    try:
        _write_files(tmp, data)
        backup = _backup_of(path)
        if path.exists():
            path.rename(backup)
        tmp.rename(path)
        shutil.rmtree(backup, ignore_errors=True)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def _write_jsonl(file: Path, rows: list[dict[str, Any]]) -> None:
    with file.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


def _read_jsonl(file: Path) -> list[dict[str, Any]]:
    with file.open(encoding="utf-8") as rows:
        return [json.loads(line) for line in rows if line.strip()]


def _write_files(folder: Path, data: IndexData) -> None:
    _write_jsonl(folder / "reports.jsonl", [asdict(r) for r in data.reports.values()])
    _write_jsonl(folder / "chunks.jsonl", [asdict(c) for c in data.chunks])
    np.save(folder / "vectors.npy", data.vectors, allow_pickle=False)
    faiss.write_index(data.dense, str(folder / "dense.faiss"))
    data.lexical.save(folder / "bm25")
    manifest = asdict(data.manifest)
    (folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    for file in folder.rglob("*"):
        if file.is_file():
            with file.open("rb") as handle:
                os.fsync(handle.fileno())


def load_index(path: Path) -> IndexData:
    """Load an index folder; a clear error says how to build one when it is missing."""
    manifest = read_manifest(path)
    if manifest is None:
        raise StoreError(f"no index at {path}; build it with `python -m assistant index --index {path}`")
    try:
        reports = {row["doc_id"]: Report(**row) for row in _read_jsonl(path / "reports.jsonl")}
        chunks = [Chunk(**row) for row in _read_jsonl(path / "chunks.jsonl")]
        vectors = np.load(path / "vectors.npy", allow_pickle=False)
        dense = faiss.read_index(str(path / "dense.faiss"))
        lexical = LexicalIndex.load(path / "bm25")
    except (OSError, ValueError, KeyError, TypeError, RuntimeError) as exc:
        raise StoreError(f"{path}: damaged index ({type(exc).__name__}: {exc}); rebuild with "
                          f"`python -m assistant index --rebuild`") from exc
    if len(chunks) != vectors.shape[0] or dense.ntotal != len(chunks):
        raise StoreError(f"{path}: chunks, vectors and FAISS disagree; rebuild with "
                          f"`python -m assistant index --rebuild`")
    return IndexData(manifest, reports, chunks, vectors, dense, lexical)
