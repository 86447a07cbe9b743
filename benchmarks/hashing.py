"""What change detection costs: a no-op `index` that trusts stat versus one that hashes every report.

    .venv/bin/python benchmarks/hashing.py [--reports 1000,10000] [--kb 7,1024] [--keep-under 2000]

For each corpus (``--reports`` files of about ``--kb`` KB each; 7 KB is a synthetic text report like
the seeds, 1024 KB stands for a PDF or DOCX) it times, per pass over the corpus: the walk and
``stat`` of each report and sidecar (what the indexer does for a report proven unchanged), the same
plus sha256 of every file with the files in the page cache (warm), and with them evicted first
(cold: ``posix_fadvise(DONTNEED)``, as after a reboot or for a corpus larger than memory). Corpora
above ``--keep-under`` MB total are skipped. It chose the design in ``assistant/indexer.py``: trust
a stat that proves the file unchanged, hash the rest (see ``RACY_WINDOW_NS`` and ``FileStamp``).
"""
from __future__ import annotations

import argparse
import hashlib
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import machine, markdown_table
from synthetic import generate

from assistant.indexer import scan_corpus
from assistant.metadata import SIDECAR_SUFFIX


def write_corpus(folder: Path, reports: int, kb: int) -> int:
    """``reports`` synthetic reports padded or cut to ``kb`` KB; returns the bytes written."""
    texts, _ = generate(reports * 10)
    total = 0
    for i, report in enumerate(texts[:reports]):
        data = report.text.encode("utf-8")
        data = (data * (kb * 1024 // len(data) + 1))[:kb * 1024]
        (folder / report.source).write_bytes(data)
        total += len(data)
    return total


def stat_pass(corpus: Path) -> list[Path]:
    files, _ = scan_corpus(corpus)
    for path in files:
        path.stat()
        path.with_name(path.name + SIDECAR_SUFFIX).exists()
    return files


def hash_pass(corpus: Path) -> None:
    for path in stat_pass(corpus):
        with path.open("rb") as handle:
            hashlib.file_digest(handle, "sha256")


def evict(corpus: Path) -> None:
    for path in corpus.iterdir():
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        finally:
            os.close(fd)


def best_of(fn, corpus: Path, runs: int = 3, before=None) -> float:
    times = []
    for _ in range(runs):
        if before:
            before(corpus)
        t0 = time.perf_counter()
        fn(corpus)
        times.append(time.perf_counter() - t0)
    return min(times)


def throughput() -> list[list[object]]:
    data = os.urandom(128 * 2**20)
    rows = []
    for name in ("sha256", "sha1", "blake2b", "md5"):
        t0 = time.perf_counter()
        hashlib.new(name, data).digest()
        rows.append([name, round(128 / 1.048576 / (time.perf_counter() - t0))])
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", default="1000,10000")
    parser.add_argument("--kb", default="7,1024")
    parser.add_argument("--keep-under", type=float, default=2000, help="skip corpora larger than this (MB)")
    args = parser.parse_args()
    rows = []
    for kb in (int(k) for k in args.kb.split(",")):
        for n in (int(r) for r in args.reports.split(",")):
            if n * kb / 1024 > args.keep_under:
                continue
            with tempfile.TemporaryDirectory() as tmp:
                corpus = Path(tmp)
                total = write_corpus(corpus, n, kb)
                stat_s = best_of(stat_pass, corpus)
                warm_s = best_of(hash_pass, corpus)
                cold_s = best_of(hash_pass, corpus, runs=1, before=evict)
                rows.append([n, kb, round(total / 2**20), *(round(s, 3) for s in (stat_s, warm_s, cold_s))])
                print(rows[-1], flush=True)
    print(f"\n{machine()}\n")
    print(markdown_table(["reports", "KB each", "MB", "stat only s", "stat + sha256 warm s",
                          "stat + sha256 cold s"], rows))
    print()
    print(markdown_table(["hash", "MB/s in memory"], throughput()))


if __name__ == "__main__":
    main()
