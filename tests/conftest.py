"""Session fixtures: the real default model and an index of the real seed reports, built once."""
from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.fixture(scope="session")
def embedder():
    """The real default model; its conversion is cached in settings.cache_dir(), not per session."""
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


@pytest.fixture
def damaged_seed_index(tmp_path, seed_index) -> Path:
    """A copy of the seed index with one bit of ``texts.bin`` flipped: damage its checks must catch."""
    index = tmp_path / "index"
    shutil.copytree(seed_index, index)
    texts = index / "texts.bin"
    data = bytearray(texts.read_bytes())
    data[len(data) // 2] ^= 0x01
    texts.write_bytes(bytes(data))
    return index


@pytest.fixture
def mini_eval(tmp_path) -> Callable[[str], Path]:
    """Writes a two-item eval file (one answerable, one look-alike) whose items are in ``split``."""
    def write(split: str) -> Path:
        qa = tmp_path / "mini.jsonl"
        items = [{"id": "q1", "question": "Quảng Nam duy trì bao nhiêu mô hình?", "answers": ["1.000"],
                  "answerable": True, "split": split, "tags": ["how-many"]},
                 {"id": "q2", "question": "Đà Nẵng có bao nhiêu mô hình?", "answers": [], "answerable": False,
                  "split": split, "tags": ["near-miss"]}]
        qa.write_text("\n".join(json.dumps(i, ensure_ascii=False) for i in items), encoding="utf-8")
        return qa
    return write


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    """Where a browser test module writes its screenshots."""
    return tmp_path_factory.mktemp("screenshots")
