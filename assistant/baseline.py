"""The naive pipeline a typical user would build, kept to measure ours against.

RecursiveCharacterTextSplitter (1000/200) over the raw files, the same embedding model,
FAISS flat top-4, the top chunk as the answer, never "not found".
"""
from __future__ import annotations

import time
from pathlib import Path
from typing import Sequence

import faiss
import numpy as np
from langchain_text_splitters import RecursiveCharacterTextSplitter

from assistant.embedding import Embedder
from assistant.indexer import report_files
from assistant.readers import ReportError, read_report


class NaiveBaseline:
    def __init__(self, corpus: Path, embedder: Embedder, chunk_size: int = 1000, chunk_overlap: int = 200) -> None:
        splitter = RecursiveCharacterTextSplitter(chunk_size=chunk_size, chunk_overlap=chunk_overlap,
                                                  add_start_index=True)
        self.embedder = embedder
        self.passages: list[tuple[str, int, str]] = []
        for path in report_files(corpus):
            try:
                text = read_report(path).text
            except ReportError:
                continue
            for doc in splitter.create_documents([text]):
                self.passages.append((path.relative_to(corpus).as_posix(), doc.metadata["start_index"],
                                      doc.page_content))
        vectors = embedder.embed_passages([p[2] for p in self.passages])
        self.index = faiss.IndexFlatIP(embedder.dim)
        self.index.add(np.ascontiguousarray(vectors, dtype=np.float32))

    def ask(self, question: str, history: Sequence[str] = (), k: int = 4) -> dict:
        """An ``ask --json``-shaped reply: the top chunk as the answer, always found."""
        started = time.perf_counter()
        query = " ".join([*history, question]) if history else question
        sims, ids = self.index.search(self.embedder.embed_query([query]), min(k, len(self.passages)))
        citations = []
        for n, (i, sim) in enumerate(zip(ids[0], sims[0]), start=1):
            source, start, text = self.passages[int(i)]
            citations.append({"n": n, "doc_id": source, "source": source, "title": None, "date": None,
                              "province": None, "start": start, "end": start + len(text), "text": text,
                              "score": float(sim)})
        answer = (citations[0]["text"] + " [1]") if citations else ""
        total = round((time.perf_counter() - started) * 1000, 2)
        return {"question": question, "answer": answer, "found": True, "citations": citations,
                "timings_ms": {"total": total}}
