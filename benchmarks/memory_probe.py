"""Memory that a loaded index costs per chunk, beyond its vectors, measured in a fresh process.

    python benchmarks/memory_probe.py INDEX QUESTION...

Loads the model and answers one question first, so that only the index and what answering
keeps (caches, touched pages) is counted; then loads the index and answers every QUESTION.
Prints one JSON line: bytes per chunk of traced heap (Python objects and numpy arrays),
private resident memory (FAISS and the allocator included) and pages of memory-mapped files
touched (report texts, BM25 arrays), and the bytes of the vectors that FAISS holds.
"""
from __future__ import annotations

import ctypes
import gc
import json
import sys
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import resident_mib  # noqa: E402

from assistant.answer import Assistant  # noqa: E402
from assistant.embedding import load_embedder  # noqa: E402
from assistant.store import load_index  # noqa: E402


def settled_resident_mib() -> dict[str, float]:
    """Resident memory once garbage is collected and freed heap returned to the system (glibc)."""
    gc.collect()
    ctypes.CDLL("libc.so.6").malloc_trim(0)
    return resident_mib()


def main() -> None:
    index, questions = Path(sys.argv[1]), sys.argv[2:]
    load_embedder().embed_query(["khởi động"])
    before = settled_resident_mib()
    tracemalloc.start()
    assistant = Assistant(load_index(index))
    for question in questions:
        assistant.ask(question)
    heap, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    after = settled_resident_mib()
    n = len(assistant.data.chunks)
    vectors = assistant.data.dense.ntotal * assistant.data.dense.d * 4
    print(json.dumps({
        "heap_b": heap / n,
        "private_b": ((after["RssAnon"] - before["RssAnon"]) * 2**20 - vectors) / n,
        "mapped_b": (after["RssFile"] - before["RssFile"]) * 2**20 / n,
        "vectors_bytes": vectors,
    }))


if __name__ == "__main__":
    main()
