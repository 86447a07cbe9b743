"""The index folder: manifest, reports, their texts, chunks, vectors, FAISS and BM25.

Everything is JSON, JSON Lines, UTF-8 or ``.npy`` (no pickle). Writes go to a sibling
temporary folder that is swapped in at the end, so an interrupted build leaves the previous
index. A loaded index keeps in memory only what every query needs (FAISS, chunk offsets as
integer columns, report metadata); report texts, BM25 arrays and the stored vectors are
memory-mapped and read when a query or a rebuild touches them.
"""
from __future__ import annotations

import fcntl
import json
import mmap
import os
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import faiss
import numpy as np

from assistant.errors import UserFacingError
from assistant.lexical import LexicalIndex

FORMAT_VERSION = 2
TEXT_CACHE = 256
"""Decoded report texts kept at once: a query touches at most a few dozen reports."""
INDEX_ENTRIES = frozenset({"manifest.json", "reports.jsonl", "texts.bin", "chunks.npy", "vectors.npy",
                           "dense.faiss", "bm25"})
"""Every name a build writes into an index folder: a folder holding anything else is not ours to replace."""


class StoreError(UserFacingError, RuntimeError):
    """An index folder that is missing, damaged or built in an incompatible way."""


class ReportTexts:
    """Every report's text in one UTF-8 file, memory-mapped; a text is decoded when asked for."""

    def __init__(self, file: Path) -> None:
        with file.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            self._bytes = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) if size else b""
        self.read = lru_cache(maxsize=TEXT_CACHE)(self._decode)

    def _decode(self, offset: int, length: int) -> str:
        return self._bytes[offset:offset + length].decode("utf-8")


@dataclass(frozen=True)
class StoredText:
    """Where a report's text lies in ``texts.bin``."""

    texts: ReportTexts
    offset: int
    length: int

    def read(self) -> str:
        return self.texts.read(self.offset, self.length)


@dataclass
class Report:
    """One indexed report; ``text`` is what citations index into.

    ``header`` (province and title) is embedded and BM25-indexed in front of each of its chunks.
    """

    doc_id: str
    source: str
    sha256: str
    size: int
    mtime_ns: int
    sidecar_mtime_ns: int | None
    meta: dict[str, Any]
    body: str | StoredText = field(repr=False)
    page_starts: list[int] | None = None
    header: str = ""

    @property
    def text(self) -> str:
        return self.body if isinstance(self.body, str) else self.body.read()

    def record(self) -> dict[str, Any]:
        """The JSON row of ``reports.jsonl`` (the text goes to ``texts.bin``)."""
        return {name: getattr(self, name) for name in (
            "doc_id", "source", "sha256", "size", "mtime_ns", "sidecar_mtime_ns", "meta", "page_starts", "header")}


@dataclass(frozen=True)
class Chunk:
    """A passage: ``text[start:end]`` of its report, embedded with ``header`` in front."""

    doc_id: str
    start: int
    end: int
    header: str
    page: int | None = None


class ChunkTable(Sequence[Chunk]):
    """The chunks as integer columns (report, start, end, page), 16 bytes each.

    Chunks of one report are consecutive rows; ``Chunk`` objects are made when asked for.
    """

    def __init__(self, reports: list[Report], columns: np.ndarray) -> None:
        if columns.ndim != 2 or columns.shape[1] != 4:
            raise ValueError(f"chunk columns of shape {columns.shape}, not (n, 4)")
        self._reports = reports
        self.columns = columns
        self.report = np.ascontiguousarray(columns[:, 0])
        if len(self.report) and (np.any(np.diff(self.report) < 0) or self.report[0] < 0
                                 or self.report[-1] >= len(reports)):
            raise ValueError("chunk rows are not grouped by report")
        self._row = {r.doc_id: i for i, r in enumerate(reports)}
        # the row of each report's first chunk, found once (a search per report copied the column each time)
        self._first = np.searchsorted(self.report, np.arange(len(reports) + 1, dtype=self.report.dtype)).tolist()

    @classmethod
    def from_chunks(cls, reports: list[Report], chunks: list[Chunk]) -> ChunkTable:
        row = {r.doc_id: i for i, r in enumerate(reports)}
        columns = np.array([(row[c.doc_id], c.start, c.end, -1 if c.page is None else c.page) for c in chunks],
                           dtype=np.int32).reshape(-1, 4)
        return cls(reports, columns)

    def __len__(self) -> int:
        return len(self.columns)

    def __getitem__(self, i: int) -> Chunk:  # type: ignore[override]
        report, start, end, page = (int(v) for v in self.columns[i])
        owner = self._reports[report]
        return Chunk(owner.doc_id, start, end, owner.header, None if page < 0 else page)

    def rows_of(self, doc_id: str) -> range:
        """The rows of a report's chunks."""
        if doc_id not in self._row:
            return range(0)
        i = self._row[doc_id]
        return range(self._first[i], self._first[i + 1])


class ReportChunks(Sequence[Chunk]):
    """One report's chunks in a table, made only when read (a no-op re-index never reads them)."""

    def __init__(self, table: ChunkTable, rows: range) -> None:
        self._table = table
        self._rows = rows

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, i: int) -> Chunk:  # type: ignore[override]
        return self._table[self._rows[i]]


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
    chunks: ChunkTable
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
    if not is_index_folder(backup):
        return
    if not path.exists():
        backup.rename(path)
    elif is_index_folder(path):
        shutil.rmtree(backup, ignore_errors=True)


def is_index_folder(path: Path) -> bool:
    """True for a folder that holds only what a build writes (and at least one such entry)."""
    if not path.is_dir() or path.is_symlink():
        return False
    names = {entry.name for entry in path.iterdir()}
    return bool(names) and names <= INDEX_ENTRIES


def check_index_target(index: Path, corpus: Path | None = None) -> None:
    """Refuse an index location whose swap would delete what a build did not write.

    An existing file, a non-empty folder holding anything but index files, and an index
    inside the corpus or a corpus inside the index are refused before anything is written.
    """
    if index.is_symlink() or (index.exists() and not index.is_dir()):
        raise StoreError(f"{index} is not a folder; give --index a folder for the index")
    if index.is_dir() and any(index.iterdir()) and not is_index_folder(index):
        raise StoreError(f"{index} exists and is not an index (it holds other files); "
                         f"give --index a new or empty folder")
    if corpus is not None:
        where, reports = index.resolve(), corpus.resolve()
        if where == reports or where.is_relative_to(reports) or reports.is_relative_to(where):
            raise StoreError(f"the index {index} and the corpus {corpus} overlap; keep the index outside "
                             f"the report folder")


@contextmanager
def writer_lock(path: Path) -> Iterator[None]:
    """One writer at a time per index folder (a UI upload and a CLI build may race)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".lock"), "a") as handle:
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
        if stale.is_dir() and (is_index_folder(stale) or not any(stale.iterdir())):
            shutil.rmtree(stale, ignore_errors=True)
    check_index_target(path)
    tmp = Path(tempfile.mkdtemp(prefix=path.name + ".building-", dir=path.parent))
    try:
        _write_files(tmp, data)
        backup = _backup_of(path)
        if path.is_dir() and not any(path.iterdir()):
            path.rmdir()
        elif path.exists():
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
    rows, offset = [], 0
    with (folder / "texts.bin").open("wb") as texts:
        for report in data.reports.values():
            encoded = report.text.encode("utf-8")
            texts.write(encoded)
            rows.append({**report.record(), "text_offset": offset, "text_length": len(encoded)})
            offset += len(encoded)
    _write_jsonl(folder / "reports.jsonl", rows)
    np.save(folder / "chunks.npy", data.chunks.columns, allow_pickle=False)
    np.save(folder / "vectors.npy", data.vectors, allow_pickle=False)
    faiss.write_index(data.dense, str(folder / "dense.faiss"))
    data.lexical.save(folder / "bm25")
    manifest = asdict(data.manifest)
    (folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    for file in folder.rglob("*"):
        if file.is_file():
            with file.open("rb") as handle:
                os.fsync(handle.fileno())


def _stored_report(row: dict[str, Any], texts: ReportTexts) -> Report:
    body = StoredText(texts, row.pop("text_offset"), row.pop("text_length"))
    return Report(**row, body=body)


def load_index(path: Path) -> IndexData:
    """Load an index folder; a clear error says how to build one when it is missing."""
    manifest = read_manifest(path)
    if manifest is None:
        raise StoreError(f"no index at {path}; build it with `python -m assistant index --index {path}`")
    try:
        texts = ReportTexts(path / "texts.bin")
        reports = [_stored_report(row, texts) for row in _read_jsonl(path / "reports.jsonl")]
        chunks = ChunkTable(reports, np.load(path / "chunks.npy", allow_pickle=False))
        vectors = np.load(path / "vectors.npy", mmap_mode="r", allow_pickle=False)
        dense = faiss.read_index(str(path / "dense.faiss"))
        lexical = LexicalIndex.load(path / "bm25")
    except (OSError, ValueError, KeyError, TypeError, RuntimeError) as exc:
        raise StoreError(f"{path}: damaged index ({type(exc).__name__}: {exc}); rebuild with "
                          f"`python -m assistant index --rebuild`") from exc
    if len(chunks) != vectors.shape[0] or dense.ntotal != len(chunks):
        raise StoreError(f"{path}: chunks, vectors and FAISS disagree; rebuild with "
                          f"`python -m assistant index --rebuild`")
    return IndexData(manifest, {r.doc_id: r for r in reports}, chunks, vectors, dense, lexical)
