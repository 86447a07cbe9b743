"""Session fixtures: the real default model and an index of the real seed reports, built once."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.fixture(scope="session")
def embedder():
    """The real default model; its conversion is cached in config.cache_dir(), not per session."""
    from assistant.embedding import load_embedder

    return load_embedder()


@pytest.fixture(scope="session")
def seed_index(tmp_path_factory, embedder) -> Path:
    from assistant.indexer import build_index

    index = tmp_path_factory.mktemp("seed") / "index"
    build_index(CORPUS, index, embedder=embedder)
    return index


@pytest.fixture(scope="session")
def seed_assistant(seed_index):
    from assistant.answer import get_assistant

    return get_assistant(seed_index)
