"""The index folder: manifest, reports, their texts, chunks, vectors, FAISS and BM25.

Everything is JSON, JSON Lines, UTF-8 or ``.npy`` (no pickle). Writes go to a sibling
temporary folder that is swapped in at the end, so an interrupted build leaves the previous
index. A loaded index keeps in memory only what every query needs (FAISS, chunk offsets as
integer columns, report metadata); report texts, BM25 arrays and the stored vectors are
memory-mapped and read when a query or a rebuild touches them.

The manifest records the size and sha256 of every other file. Loading checks sizes, headers
and how the files agree with each other, and hashes them all when the index is small
(``LOAD_HASH_LIMIT``); ``verify=True`` (``index`` and ``index --check``) always hashes. Damage
of any kind is one ``IndexDamaged`` line, never a traceback.
"""
from __future__ import annotations

import ctypes
import errno
import fcntl
import hashlib
import json
import mmap
import os
import shutil
import sqlite3
import tempfile
import types
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, fields, is_dataclass, replace
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, TypeVar, Union, get_args, get_origin, get_type_hints

import faiss
import numpy as np

from assistant.errors import UserFacingError
from assistant.factstore import FACTS_FILE, UNITS_FILE, FactStore, UnitTable
from assistant.lexical import LexicalIndex
from assistant.sentence_vectors import SENTENCE_VECTORS_FILE, SENTENCES_FILE, SentenceTable

FORMAT_VERSION = 7
"""3: the manifest records each index file's size and sha256 and the build's start; reports record
their files' stat and the sidecar's hash. 4: the reports' facts (``facts.sqlite``) and their unit
phrases' vectors (``units.npy``). 5: every content sentence's span and vector (``sentences.npy``,
``sentence_vectors.npy``), for the answer scorer's sentence cosine. 6: facts format 3, each
province's comparison candidates made at build time (``factstore.FACTS_FORMAT``). 7: BM25 in our own
arrays (``assistant/lexical.py``: sparse scores, and a dense row for each token in more than half the
chunks) instead of bm25s's. An index of
another version is rebuilt by ``index``."""
TEXT_CACHE = 256
"""Decoded report texts kept at once: a query touches at most a few dozen reports."""
INDEX_ENTRIES = frozenset({"manifest.json", "reports.jsonl", "texts.bin", "chunks.npy", "vectors.npy",
                           "dense.faiss", "bm25", FACTS_FILE, UNITS_FILE, SENTENCES_FILE,
                           SENTENCE_VECTORS_FILE})
"""Every name a build writes into an index folder: a folder holding anything else is not ours to replace."""
MANIFEST = "manifest.json"
PRIMARY = ("reports.jsonl", "texts.bin", "chunks.npy", "vectors.npy", FACTS_FILE, UNITS_FILE, SENTENCES_FILE,
           SENTENCE_VECTORS_FILE)
"""The files a build reuses (texts, chunks, vectors, facts); FAISS and BM25 are derived from them at every write."""
DERIVED = ("dense.faiss", "bm25/size.txt", "bm25/vocab.marisa")
"""The derived files every index has; ``bm25/`` also holds the BM25 arrays when there are chunks."""
LOAD_HASH_LIMIT = 64 * 2**20
"""An index of up to this many bytes is hashed in full at every load, about 12k chunks (53 MiB at 9.6k,
benchmarks/RESULTS.md): hashing those 53 MiB took a load from 0.11 to 0.25 s on the shared 2-core machine,
small next to loading the model for ``ask``. A larger index is checked by sizes and headers at load
(bytes garbled in place then show at query time, or not at all), and hashed in full by ``index`` and
``index --check``."""
HASH = "sha256"
"""The fastest of hashlib's here (0.49-0.76 GB/s; sha1 0.57-0.90 and broken, blake2b 0.27; see
benchmarks/hashing.py). xxh3 ran at 3 GB/s but is not a dependency; at 1M chunks (5.4 GiB) it would save
about 6 s per ``index``."""

T = TypeVar("T")


class StoreError(UserFacingError, RuntimeError):
    """An index folder that is missing, damaged or built in an incompatible way."""


class IndexDamaged(StoreError):
    """An index file that is missing, truncated, altered or at odds with the others.

    ``name`` is the file inside the index folder (``bm25/…`` for BM25): damage to anything but
    ``PRIMARY`` files and the manifest is mended without reading any report again.
    """

    def __init__(self, folder: Path, name: str, problem: str) -> None:
        self.name = name
        self.what = f"{folder / name}: {problem}"
        super().__init__(f"index damaged: {self.what}; run `python -m assistant index --rebuild`")


@dataclass(frozen=True)
class FileCheck:
    """What the manifest knows about one index file."""

    size: int
    sha256: str


@dataclass(frozen=True)
class FileStamp:
    """A report file (or sidecar) as the build saw it: its stat and the hash of its bytes.

    Equal stat fields prove the bytes unchanged only when the file last changed (``ctime_ns``,
    which no copy tool can set back, unlike the mtime kept by ``cp -p`` and ``rsync -a``)
    before the build that recorded them started; otherwise the indexer hashes the file again.
    """

    size: int
    mtime_ns: int
    ctime_ns: int
    inode: int
    sha256: str

    @classmethod
    def of(cls, stat: os.stat_result, sha256: str) -> FileStamp:
        return cls(stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino, sha256)

    def same_stat(self, stat: os.stat_result) -> bool:
        return (self.size, self.mtime_ns, self.ctime_ns, self.inode) == (
            stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)


class ReportTexts:
    """Every report's text in one UTF-8 file, memory-mapped; a text is decoded when asked for."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        with (folder / "texts.bin").open("rb") as handle:
            self.size = os.fstat(handle.fileno()).st_size
            self._bytes = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) if self.size else b""
        self.read = lru_cache(maxsize=TEXT_CACHE)(self._decode)

    def _decode(self, offset: int, length: int) -> str:
        try:
            return self._bytes[offset:offset + length].decode("utf-8")
        except UnicodeDecodeError:  # bytes altered after a load that could not hash them all
            raise IndexDamaged(self._folder, "texts.bin", f"bytes {offset}-{offset + length} are not UTF-8") \
                from None


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
    file: FileStamp
    sidecar: FileStamp | None
    meta: dict[str, Any]
    body: str | StoredText = field(repr=False)
    page_starts: list[int] | None = None
    header: str = ""

    @property
    def sha256(self) -> str:
        return self.file.sha256

    @property
    def text(self) -> str:
        return self.body if isinstance(self.body, str) else self.body.read()

    def record(self) -> dict[str, Any]:
        """The JSON row of ``reports.jsonl`` (the text goes to ``texts.bin``)."""
        return {"doc_id": self.doc_id, "source": self.source, "file": asdict(self.file),
                "sidecar": asdict(self.sidecar) if self.sidecar else None, "meta": self.meta,
                "page_starts": self.page_starts, "header": self.header}


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
        if len(columns) and (np.any(columns[:, 1] < 0) or np.any(columns[:, 2] < columns[:, 1])
                             or np.any(columns[:, 3] < -1)):
            raise ValueError("a chunk has a negative or reversed span")
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
    """What ``manifest.json`` holds; ``read_manifest`` refuses one with a field missing or mistyped."""

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
    build_started_ns: int = 0  # wall clock; a report changed after it may have changed while it was read
    files: dict[str, FileCheck] = field(default_factory=dict)  # every file but the manifest, filled at write
    backend: str = "torch"  # what embedded the vectors (embedding.BACKENDS); absent before the ONNX backends


@dataclass
class StoredIndex:
    """What a build reuses from the previous index: reports with their texts, chunks and vectors."""

    manifest: Manifest
    reports: dict[str, Report]
    chunks: ChunkTable
    vectors: np.ndarray
    facts: FactStore
    units: UnitTable


@dataclass
class IndexData(StoredIndex):
    """Everything an index holds, in memory; row i of ``vectors`` is ``chunks[i]``."""

    dense: faiss.Index
    lexical: LexicalIndex
    sentences: SentenceTable | None = None
    """Every content sentence's span and vector (None: a build that made none writes an empty table)."""

    def chunk_text(self, i: int) -> str:
        chunk = self.chunks[i]
        return self.reports[chunk.doc_id].text[chunk.start:chunk.end]


@dataclass(frozen=True)
class CheckReport:
    """What ``index --check`` verified."""

    path: Path
    reports: int
    chunks: int
    files: int
    size: int

    def line(self) -> str:
        return (f"index ok: {self.path}: {self.reports} reports, {self.chunks} chunks; {self.files} files "
                f"({self.size / 2**20:.1f} MiB) match the manifest's sizes and {HASH}")


def _backup_of(path: Path) -> Path:
    return path.with_name(path.name + ".previous")


_KINDS = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", int: "an integer",
          float: "a number", type(None): "null"}
"""How JSON values are named in messages."""


def _kind(value: object) -> str:
    return _KINDS.get(type(value), type(value).__name__)


def _typed(value: Any, hint: Any, where: str, damaged: Callable[[str], Exception]) -> Any:
    """``value`` checked against a field's type hint (nested dataclasses are built), or damage."""
    origin, args = _shape(hint)
    if hint is Any:
        return value
    if origin in (Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        (inner,) = [a for a in args if a is not type(None)]
        return _typed(value, inner, where, damaged)
    if is_dataclass(hint):
        return _from_json(hint, value, damaged, f"{where}.")
    if origin is dict and isinstance(value, dict):
        if args[1] is Any:  # report metadata: any JSON value
            return value
        return {key: _typed(item, args[1], f"{where}.{key}", damaged) for key, item in value.items()}
    if origin is list and isinstance(value, list):
        return [_typed(item, args[0], f"{where}[{i}]", damaged) for i, item in enumerate(value)]
    if origin is None and isinstance(value, hint) and not (hint is int and isinstance(value, bool)):
        return value
    raise damaged(f"field {where!r} is {_kind(value)}, not {_KINDS[origin or hint]}")


def _from_json(kind: type[T], raw: Any, damaged: Callable[[str], Exception], prefix: str = "",
               **given: Any) -> T:
    """A ``kind`` from a JSON object: unknown keys are ignored, a missing or mistyped field is damage."""
    if not isinstance(raw, dict):
        raise damaged(f"{prefix.rstrip('.') or 'the file'} is {_kind(raw)}, not an object")
    values = dict(given)
    for name, hint in _schema(kind):
        if name in given:
            continue
        if name not in raw:
            raise damaged(f"field {prefix + name!r} is missing")
        values[name] = _typed(raw[name], hint, prefix + name, damaged)
    return kind(**values)


@cache
def _shape(hint: Any) -> tuple[Any, tuple[Any, ...]]:
    return get_origin(hint), get_args(hint)


@cache
def _schema(kind: type) -> tuple[tuple[str, Any], ...]:
    """Each field's name and type hint, resolved once (``get_type_hints`` parses the annotations)."""
    hints = get_type_hints(kind)
    return tuple((f.name, hints[f.name]) for f in fields(kind))


def read_manifest(path: Path) -> Manifest | None:
    """The manifest of the index at ``path``, or None when there is no index yet."""
    _recover(path)
    file = path / MANIFEST
    if not file.exists():
        if is_index_folder(path):
            raise IndexDamaged(path, MANIFEST, "missing")
        return None

    def damaged(problem: str) -> IndexDamaged:
        return IndexDamaged(path, MANIFEST, problem)
    try:
        raw = json.loads(file.read_bytes().decode("utf-8"))
    except (OSError, ValueError, RecursionError) as exc:
        raise damaged(f"not readable JSON ({exc})") from None
    version = raw.get("format_version") if isinstance(raw, dict) else None
    if type(version) is int and version != FORMAT_VERSION:
        raise StoreError(f"{path}: index format {version} is not {FORMAT_VERSION}; "
                         f"rebuild with `python -m assistant index --rebuild`")
    if isinstance(raw, dict) and "backend" not in raw:  # written before ONNX: every vector came from torch
        raw["backend"] = "torch"
    manifest = _from_json(Manifest, raw, damaged)
    for name in manifest.files:
        if name not in PRIMARY and name != "dense.faiss" and not _is_bm25_file(name):
            raise damaged(f"lists {name!r}, which is not an index file")
    for name in PRIMARY + DERIVED:
        if name not in manifest.files:
            raise damaged(f"records no checksum for {name}")
    return manifest


def _is_bm25_file(name: str) -> bool:
    folder, _, file = name.partition("/")
    return folder == "bm25" and bool(file) and "/" not in file and not file.startswith(".")


def _recover(path: Path) -> None:
    """Finish a swap that was interrupted between its two renames, unless a build is making one now.

    A reader (``ask``, a ``serve`` replica) that came between a running build's two renames would
    otherwise move the previous index back and make the build's second rename fail; the build
    recovers for itself when it takes the lock (``writer_lock``).
    """
    if is_index_folder(_backup_of(path)) and not _writer_active(path):
        _finish_swap(path)


def swapping(path: Path) -> bool:
    """True in the instant of a swap when the index folder has moved aside and the new one is not yet
    in place (only where the file system cannot exchange two folders in one step, see ``_exchange``)."""
    return not path.exists() and is_index_folder(_backup_of(path))


def _writer_active(path: Path) -> bool:
    """Whether some process holds ``writer_lock`` on ``path`` (this one included: flock locks belong to
    an open file, not to a process)."""
    try:
        with open(path.with_name(path.name + ".lock"), "rb") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
            except BlockingIOError:
                return True
            fcntl.flock(handle, fcntl.LOCK_UN)
            return False
    except OSError:  # no lock file (no build ever ran here), or one this process may not open
        return False


def _finish_swap(path: Path) -> None:
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
            _finish_swap(path)  # a swap a killed build left half done
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
        if path.is_dir() and _exchange(tmp, path):  # readers never find the folder missing
            _fsync_folder(path.parent)
            return  # ``tmp`` now holds the previous index: removed below
        backup = _backup_of(path)
        if path.is_dir() and not any(path.iterdir()):
            path.rmdir()
        elif path.exists():
            path.rename(backup)
        tmp.rename(path)
        _fsync_folder(path.parent)
        shutil.rmtree(backup, ignore_errors=True)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


RENAME_EXCHANGE = 2
"""``renameat2`` flag (linux/fs.h): swap two paths in one step."""
AT_FDCWD = -100
"""``AT_FDCWD`` (fcntl.h): both paths are taken as they are, relative to the working directory."""


def _exchange(new: Path, old: Path) -> bool:
    """Swap two folders atomically (Linux ``renameat2(RENAME_EXCHANGE)``, glibc 2.28+); False where the
    system or file system cannot, and the swap is then two renames.

    With one step there is no instant without an index at ``old``: a replica that stats its manifest
    or loads the index during the swap finds the previous build or the new one, whole. Processes
    still reading the previous one keep its files (open or memory-mapped) until they let them go.
    """
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    if renameat2(AT_FDCWD, os.fsencode(new), AT_FDCWD, os.fsencode(old), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(old))


def _write_jsonl(file: Path, rows: list[dict[str, Any]]) -> None:
    with file.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


def _fsync_folder(folder: Path) -> None:
    """Make a folder's entries (new files, a rename) durable, not only the files' bytes."""
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def _digest(file: Path) -> str:
    with file.open("rb") as handle:
        return hashlib.file_digest(handle, HASH).hexdigest()


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
    data.facts.save(folder)
    np.save(folder / UNITS_FILE, data.units.vectors, allow_pickle=False)
    (data.sentences or SentenceTable(list(data.reports), np.zeros((0, 3), np.int32),
                                     np.zeros((0, data.manifest.dim), np.float16))).save(folder)
    files = {}
    for file in sorted(p for p in folder.rglob("*") if p.is_file()):
        with file.open("rb") as handle:
            os.fsync(handle.fileno())
            files[file.relative_to(folder).as_posix()] = FileCheck(
                os.fstat(handle.fileno()).st_size, hashlib.file_digest(handle, HASH).hexdigest())
    manifest = asdict(replace(data.manifest, files=files))
    with (folder / MANIFEST).open("w", encoding="utf-8") as out:
        out.write(json.dumps(manifest, ensure_ascii=False, indent=1))
        out.flush()
        os.fsync(out.fileno())
    _fsync_folder(folder / "bm25")
    _fsync_folder(folder)


def _verify(path: Path, manifest: Manifest, names: Sequence[str], hashed: bool) -> None:
    """Each file exists with the manifest's size and, when ``hashed``, its sha256."""
    for name in names:
        expected, file = manifest.files[name], path / name
        if not file.is_file():
            raise IndexDamaged(path, name, "missing")
        size = file.stat().st_size
        if size != expected.size:
            raise IndexDamaged(path, name, f"{size} bytes, the manifest says {expected.size}")
        if hashed and _digest(file) != expected.sha256:
            raise IndexDamaged(path, name, f"its bytes do not match the manifest's {HASH}")


def _derived_names(manifest: Manifest) -> list[str]:
    return [name for name in manifest.files if name not in PRIMARY]


def _hash_at_load(manifest: Manifest, verify: bool | None) -> bool:
    return verify if verify is not None else sum(f.size for f in manifest.files.values()) <= LOAD_HASH_LIMIT


def _open_npy(path: Path, name: str, shape: tuple[int, int], dtype: type) -> np.ndarray:
    """A memory-mapped ``.npy`` whose header says ``shape`` and ``dtype``."""
    try:
        array = np.load(path / name, mmap_mode="r", allow_pickle=False)
    except (OSError, ValueError, EOFError) as exc:
        raise IndexDamaged(path, name, f"not a readable .npy file ({exc})") from None
    if array.shape != shape or array.dtype != np.dtype(dtype):
        raise IndexDamaged(path, name, f"holds {array.dtype} {array.shape}, the manifest says "
                                       f"{np.dtype(dtype)} {shape}")
    return array


def _read_reports(path: Path, manifest: Manifest, texts: ReportTexts) -> tuple[list[Report], list[int]]:
    """The rows of ``reports.jsonl`` and their texts' lengths in bytes, checked against the manifest and
    ``texts.bin``."""
    name = "reports.jsonl"

    def damaged(problem: str) -> IndexDamaged:
        return IndexDamaged(path, name, problem)
    reports, lengths, offset = [], [], 0
    try:
        lines = (path / name).read_bytes().decode("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise damaged(f"not UTF-8 ({exc})") from None
    for number, line in enumerate(lines, start=1):
        try:
            row = json.loads(line)
        except (ValueError, RecursionError) as exc:
            raise damaged(f"line {number}: not JSON ({exc})") from None
        at = f"line {number}: "
        where = _from_json(_TextPlace, row, lambda problem, at=at: damaged(at + problem))
        if where.text_offset != offset or where.text_length < 0:
            raise damaged(f"{at}its text starts at byte {where.text_offset}, not {offset}")
        offset += where.text_length
        lengths.append(where.text_length)
        reports.append(_from_json(Report, row, lambda problem, at=at: damaged(at + problem),
                                  body=StoredText(texts, where.text_offset, where.text_length)))
    if offset != texts.size:
        raise IndexDamaged(path, "texts.bin", f"{texts.size} bytes, the reports' texts take {offset}")
    if sorted(r.source for r in reports) != sorted(manifest.reports) or len({r.doc_id for r in reports}) \
            != len(reports):
        raise damaged("its reports are not the ones the manifest lists")
    return reports, lengths


@dataclass(frozen=True)
class _TextPlace:
    """Where a row of ``reports.jsonl`` says its text lies in ``texts.bin``."""

    text_offset: int
    text_length: int


def _read_chunks(path: Path, manifest: Manifest, reports: list[Report], lengths: list[int]) -> ChunkTable:
    columns = np.array(_open_npy(path, "chunks.npy", (manifest.chunk_count, 4), np.int32))
    try:
        table = ChunkTable(reports, columns)
    except ValueError as exc:
        raise IndexDamaged(path, "chunks.npy", str(exc)) from None
    if len(columns) and np.any(columns[:, 2] > np.asarray(lengths)[columns[:, 0]]):
        raise IndexDamaged(path, "chunks.npy", "a chunk ends beyond its report's text")
    return table


def _load_stored(path: Path, manifest: Manifest, hashed: bool) -> StoredIndex:
    _verify(path, manifest, PRIMARY, hashed)
    try:
        texts = ReportTexts(path)
    except (OSError, ValueError) as exc:
        raise IndexDamaged(path, "texts.bin", f"cannot be mapped ({exc})") from None
    reports, lengths = _read_reports(path, manifest, texts)
    chunks = _read_chunks(path, manifest, reports, lengths)
    vectors = _open_npy(path, "vectors.npy", (manifest.chunk_count, manifest.dim), np.float32)
    facts, units = _read_facts(path, manifest)
    return StoredIndex(manifest, {r.doc_id: r for r in reports}, chunks, vectors, facts, units)


def _read_facts(path: Path, manifest: Manifest) -> tuple[FactStore, UnitTable]:
    """The facts database and the unit vectors, one row per unit phrase the database holds."""
    try:
        facts = FactStore.open(path)
        phrases = facts.units()
    except sqlite3.DatabaseError as exc:
        raise IndexDamaged(path, FACTS_FILE, f"not a readable facts database ({exc})") from None
    vectors = _open_npy(path, UNITS_FILE, (len(phrases), manifest.dim), np.float16)
    return facts, UnitTable([k for k, _, _ in phrases], [w for _, w, _ in phrases], vectors)


def _manifest_of(path: Path) -> Manifest:
    manifest = read_manifest(path)
    if manifest is None:
        raise StoreError(f"no index at {path}; build it with `python -m assistant index --index {path}`")
    return manifest


def load_stored(path: Path, *, verify: bool | None = None) -> StoredIndex:
    """The reports, texts, chunks and vectors of an index, without FAISS and BM25 (what a build reuses).

    ``verify`` True hashes those files, False checks only sizes and headers, None hashes a small index.
    """
    manifest = _manifest_of(path)
    return _load_stored(path, manifest, _hash_at_load(manifest, verify))


def verify_derived(path: Path, manifest: Manifest) -> None:
    """Hash the FAISS and BM25 files, which a build that writes makes again anyway."""
    _verify(path, manifest, _derived_names(manifest), True)


def load_index(path: Path, *, verify: bool | None = None) -> IndexData:
    """Load an index folder; a clear error says how to build one when it is missing or mend a damaged one.

    ``verify`` as for ``load_stored``: by default a small index is hashed in full at every load.
    """
    manifest = _manifest_of(path)
    hashed = _hash_at_load(manifest, verify)
    stored = _load_stored(path, manifest, hashed)
    _verify(path, manifest, _derived_names(manifest), hashed)
    try:
        dense = faiss.read_index(str(path / "dense.faiss"))
    except (RuntimeError, MemoryError):  # FAISS's C++ message names its own source lines, not the damage
        raise IndexDamaged(path, "dense.faiss", "not a readable FAISS index") from None
    if dense.ntotal != manifest.chunk_count or dense.d != manifest.dim:
        raise IndexDamaged(path, "dense.faiss", f"holds {dense.ntotal} vectors of {dense.d} dimensions, "
                                                f"the manifest says {manifest.chunk_count} of {manifest.dim}")
    lexical = LexicalIndex.load(path / "bm25",
                                lambda name, problem: IndexDamaged(path, f"bm25/{name}", problem))
    if lexical.size != manifest.chunk_count:
        raise IndexDamaged(path, "bm25/size.txt", f"says {lexical.size} chunks, the manifest "
                                                  f"{manifest.chunk_count}")
    return IndexData(stored.manifest, stored.reports, stored.chunks, stored.vectors, stored.facts, stored.units,
                     dense, lexical, read_sentences(path, manifest, list(stored.reports)))


def read_sentences(path: Path, manifest: Manifest, report_ids: Sequence[str]) -> SentenceTable:
    """The sentence spans and vectors of an index (memory-mapped), checked against each other and the reports."""
    try:
        columns = np.load(path / SENTENCES_FILE, mmap_mode="r", allow_pickle=False)
    except (OSError, ValueError, EOFError) as exc:
        raise IndexDamaged(path, SENTENCES_FILE, f"not a readable .npy file ({exc})") from None
    if columns.ndim != 2 or columns.shape[1] != 3 or columns.dtype != np.int32:
        raise IndexDamaged(path, SENTENCES_FILE, f"holds {columns.dtype} {columns.shape}, not int32 (n, 3)")
    if len(columns) and (np.any(np.diff(columns[:, 0]) < 0) or columns[0, 0] < 0
                         or columns[-1, 0] >= len(report_ids)):
        raise IndexDamaged(path, SENTENCES_FILE, "sentence rows are not grouped by report")
    vectors = _open_npy(path, SENTENCE_VECTORS_FILE, (len(columns), manifest.dim), np.float16)
    return SentenceTable(report_ids, columns, vectors)


def check_index(path: Path) -> CheckReport:
    """Load the index hashing every file (``index --check``); damage raises ``IndexDamaged``."""
    data = load_index(path, verify=True)
    return CheckReport(path, len(data.reports), len(data.chunks), len(data.manifest.files),
                       sum(f.size for f in data.manifest.files.values()))
