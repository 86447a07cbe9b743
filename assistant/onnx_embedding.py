"""The default model through ONNX Runtime: the graph exported once at setup (``onnx_export``).

Why: a 20-token question through torch spends most of its ~20 ms in framework overhead, and
importing torch costs seconds per CLI call; ONNX Runtime runs the same encoder, fp32 or with int8
weights, in a few milliseconds, without torch. The text side is sentence-transformers' own: NFC, the prompt
in front, the converted model's tokenizer truncated to its ``max_seq_length``, mean pooling over
every token of the text (prompt and ``<s> </s>`` included), L2 normalisation.
"""
from __future__ import annotations

import json
import threading
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from assistant.embedding import Backend, ModelError
from assistant.settings import EmbeddingSettings

if TYPE_CHECKING:
    import onnxruntime

ONNX_FILES = {"onnx-int8": "model_int8.onnx", "onnx-fp32": "model.onnx"}
"""The graph each ONNX backend runs, in the folder ``onnx_export`` writes."""
TOKENIZER_FILE = "tokenizer.json"
SETTINGS_FILE = "embedder.json"
"""Prompts, dimension, ``max_seq_length`` and padding id, copied from the converted model at export."""

class OnnxEmbedder:
    """The converted default model run by ONNX Runtime, vector for vector like sentence-transformers."""

    def __init__(self, model_id: str, folder: Path, backend: Backend,
                 embedding: EmbeddingSettings | None = None) -> None:
        """``embedding`` gives the thread counts and batch size (read from the environment when None)."""
        from tokenizers import Tokenizer

        embedding = embedding or EmbeddingSettings()
        exported = json.loads((folder / SETTINGS_FILE).read_text(encoding="utf-8"))
        self.model_id = model_id
        self.backend = backend
        self.dim = int(exported["dim"])
        self.prompts = {"query": exported["prompts"]["query"], "passage": exported["prompts"]["passage"]}
        self.batch_size = embedding.batch_size
        self.path = folder / ONNX_FILES[backend]
        self.tokenizer = Tokenizer.from_file(str(folder / TOKENIZER_FILE))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(int(exported["max_seq_length"]))
        self.pad_id = int(exported["pad_token_id"])
        self.threads = {"query": embedding.query_threads, "passage": embedding.build_threads}
        self._sessions: dict[int, onnxruntime.InferenceSession] = {}
        self._lock = threading.Lock()
        if not self.path.is_file():
            raise FileNotFoundError(f"no {self.path.name}")

    def embed_query(self, texts: Sequence[str]) -> np.ndarray:
        """One run per question: int8 activations are scaled per run, so a question batched with
        others would get a slightly different vector, and a lone question is the common case."""
        return self._encode(texts, "query", batch_size=1)

    def embed_passages(self, texts: Sequence[str], *, show_progress: bool = False) -> np.ndarray:
        return self._encode(texts, "passage", self.batch_size, show_progress)

    def session(self, kind: str) -> onnxruntime.InferenceSession:
        """The session for queries or passages; one per thread count, made on first use.

        A process that only answers never loads the many-thread one, and ``index`` never the
        one-thread one; only one that does both (the chat with uploads) holds two copies.
        """
        threads = self.threads[kind]
        with self._lock:
            if threads not in self._sessions:
                try:
                    self._sessions[threads] = _new_session(self.path, threads)
                except Exception as exc:  # a damaged file, or an ONNX Runtime that cannot run the graph
                    raise ModelError(f"cannot load {self.path}: {type(exc).__name__}: {str(exc)[:200]}; "
                                     f"delete {self.path.parent} and run `python -m assistant setup-model`"
                                     ) from exc
            return self._sessions[threads]

    def _encode(self, texts: Sequence[str], kind: str, batch_size: int, show_progress: bool = False) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        prompt = self.prompts[kind]
        # NFC first: on decomposed Vietnamese the per-code-point normaliser yields broken pieces.
        encodings = self.tokenizer.encode_batch([prompt + unicodedata.normalize("NFC", t) for t in texts])
        # Longest first, as sentence-transformers does: a batch pads only to its own longest text.
        order = sorted(range(len(texts)), key=lambda i: -len(encodings[i].ids))
        session = self.session(kind)
        starts = range(0, len(order), batch_size)
        if show_progress:
            from tqdm import tqdm

            starts = tqdm(starts, desc="Batches", unit="batch")
        for start in starts:
            rows = order[start:start + batch_size]
            out[rows] = self._run(session, [encodings[i].ids for i in rows])
        return out

    def _run(self, session: onnxruntime.InferenceSession, batch: list[list[int]]) -> np.ndarray:
        width = max(map(len, batch))
        ids = np.full((len(batch), width), self.pad_id, dtype=np.int64)
        mask = np.zeros((len(batch), width), dtype=np.int64)
        for row, tokens in enumerate(batch):
            ids[row, :len(tokens)] = tokens
            mask[row, :len(tokens)] = 1
        tokens_out = session.run(None, {"input_ids": ids, "attention_mask": mask})[0]
        weights = mask[:, :, None].astype(np.float32)
        pooled = (tokens_out * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)


def _new_session(path: Path, threads: int) -> onnxruntime.InferenceSession:
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1  # the graph runs sequentially; parallelism is within each op
    options.log_severity_level = 3  # errors only: ORT's load-time warnings would clutter every answer
    # Idle worker threads would spin waiting for the next op and take the CPU from questions answered
    # beside a build; with one thread there are no workers.
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
