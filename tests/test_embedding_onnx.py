"""The ONNX backends against torch: the same vectors on every report sentence and question, the same
text handling, the backend chosen by configuration, the export done once, atomically, and indexes
of one backend used by another."""
from __future__ import annotations

import json
import re
import shutil
import unicodedata
from pathlib import Path

import numpy as np
import pytest

from assistant import embedding, onnx_export, settings
from assistant.answer import get_assistant
from assistant.embedding import (
    DEFAULT_BACKEND,
    FIDELITY,
    ModelError,
    load_embedder,
    model_fingerprint,
    resolve_backend,
)
from assistant.indexer import build_index
from assistant.onnx_embedding import ONNX_FILES
from assistant.settings import EmbeddingSettings, SettingError
from assistant.store import StoreError, load_index, read_manifest

ROOT = Path(__file__).resolve().parent.parent


def without_diacritics(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if unicodedata.category(c) != "Mn"))


def report_sentences() -> list[list[str]]:
    """Each report's sentences, split on sentence ends and line breaks."""
    reports = []
    for path in sorted((ROOT / "corpus").glob("*.txt")):
        parts = re.split(r"(?<=[.!?…])\s+|\n+", path.read_text(encoding="utf-8"))
        reports.append([s.strip() for s in parts if len(s.strip()) > 3])
    return reports


def report_passages() -> list[str]:
    """Runs of one, two and three consecutive sentences of each report (three are about a chunk),
    with and without diacritics."""
    runs = [" ".join(sentences[i:i + n]) for sentences in report_sentences()
            for n in (1, 2, 3) for i in range(len(sentences) - n + 1)]
    return runs + [without_diacritics(r) for r in runs]


def eval_queries() -> list[str]:
    """Every question and follow-up history of the eval set, the Vietnamese ones also without
    diacritics, and the report sentences asked as they stand."""
    rows = [json.loads(line) for line in (ROOT / "evals" / "qa.jsonl").read_text(encoding="utf-8").splitlines()]
    asked = {row["question"] for row in rows} | {h for row in rows for h in row["history"]}
    asked |= {without_diacritics(q) for q in asked}
    return sorted(asked) + [s for sentences in report_sentences() for s in sentences]


# ---- without the model -------------------------------------------------------------------------

def test_the_backend_comes_from_the_request_or_the_environment(monkeypatch):
    assert resolve_backend(settings.DEFAULT_MODEL, None) == DEFAULT_BACKEND
    assert resolve_backend(settings.DEFAULT_MODEL, "torch") == "torch"
    assert resolve_backend(settings.DEFAULT_MODEL, "onnx-fp32") == "onnx-fp32"
    assert resolve_backend("BAAI/bge-m3", None) == "torch"
    with pytest.raises(ModelError, match="exists only for the default model"):
        resolve_backend("BAAI/bge-m3", "onnx-int8")
    monkeypatch.setenv("ASSISTANT_BACKEND", "onnx-int4")
    with pytest.raises(ModelError, match="must be one of onnx-int8, onnx-fp32, torch"):
        load_embedder()


def test_thread_counts_are_settings(monkeypatch):
    monkeypatch.delenv("ASSISTANT_QUERY_THREADS", raising=False)
    monkeypatch.delenv("ASSISTANT_BUILD_THREADS", raising=False)
    assert EmbeddingSettings().query_threads == 1
    assert EmbeddingSettings().build_threads >= 1
    monkeypatch.setenv("ASSISTANT_BUILD_THREADS", "3")
    assert EmbeddingSettings().build_threads == 3
    monkeypatch.setenv("ASSISTANT_QUERY_THREADS", "zero")
    with pytest.raises(SettingError, match="ASSISTANT_QUERY_THREADS must be a whole number"):
        EmbeddingSettings()
    with pytest.raises(SettingError, match="ASSISTANT_QUERY_THREADS"):
        load_embedder()


def test_the_export_runs_once_into_place(tmp_path, monkeypatch):
    source = tmp_path / "converted"
    source.mkdir()
    (source / ".complete").write_text("converter stamp")
    for name, value in {"config.json": {"hidden_size": 384, "pad_token_id": 1},
                        "sentence_bert_config.json": {"max_seq_length": 512}}.items():
        (source / name).write_text(json.dumps(value))
    (source / "tokenizer.json").write_text("{}")
    exports = []

    def export(src: Path, path: Path) -> None:
        exports.append(path)
        path.write_text("graph")
    monkeypatch.setattr(onnx_export, "export_fp32", export)
    monkeypatch.setattr(onnx_export, "quantize_int8", lambda fp32, path: path.write_text("int8"))
    target = tmp_path / "onnx"
    assert onnx_export.ensure_onnx_model(source, target) == target
    assert onnx_export.ensure_onnx_model(source, target) == target
    assert len(exports) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["converted", "onnx"]
    assert sorted(p.name for p in target.iterdir()) == [".complete", "embedder.json", "model.onnx",
                                                        "model_int8.onnx", "tokenizer.json"]
    assert json.loads((target / "embedder.json").read_text())["prompts"] == embedding.E5_PROMPTS
    (source / ".complete").write_text("a new conversion")  # a new converted model is exported anew
    onnx_export.ensure_onnx_model(source, target)
    assert len(exports) == 2


# ---- the real model ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def torch_embedder():
    return load_embedder(settings.DEFAULT_MODEL, backend="torch")


@pytest.fixture(scope="module")
def texts() -> dict[str, list[str]]:
    return {"query": eval_queries(), "passage": report_passages()}


@pytest.fixture(scope="module")
def reference(torch_embedder, texts) -> dict[str, np.ndarray]:
    return {"query": torch_embedder.embed_query(texts["query"]),
            "passage": torch_embedder.embed_passages(texts["passage"])}


@pytest.mark.slow
@pytest.mark.parametrize(("backend", "every"), [("onnx-int8", 1), ("onnx-fp32", 5)])
def test_onnx_vectors_match_torch_on_report_sentences_and_questions(backend, every, texts, reference):
    """Every text for int8; every fifth for fp32, which differs from torch only in rounding."""
    onnx = load_embedder(settings.DEFAULT_MODEL, backend=backend)
    assert len(texts["query"]) + len(texts["passage"]) >= 1000
    embed = {"query": onnx.embed_query, "passage": onnx.embed_passages}
    cosines = {kind: (embed[kind](texts[kind][::every]) * reference[kind][::every]).sum(axis=1) for kind in embed}
    both = np.concatenate(list(cosines.values()))
    print(f"\n{backend} cosine to torch on {len(both)} texts: min {both.min():.5f}, mean {both.mean():.5f}; "
          + ", ".join(f"{kind} min {c.min():.5f}" for kind, c in cosines.items()))
    assert both.min() >= FIDELITY, (both.min(), both.mean())


@pytest.mark.slow
def test_the_default_backend_is_onnx_and_fingerprinted_as_such(embedder, torch_embedder):
    assert embedder is load_embedder() is load_embedder(settings.DEFAULT_MODEL, backend=DEFAULT_BACKEND)
    assert embedder.backend == DEFAULT_BACKEND and torch_embedder.backend == "torch"
    onnx_print, torch_print = model_fingerprint(embedder), model_fingerprint(torch_embedder)
    assert onnx_print.pop("backend") == DEFAULT_BACKEND and torch_print.pop("backend") == "torch"
    assert onnx_print == torch_print
    assert embedder.embed_query([]).shape == (0, 384)


@pytest.mark.slow
def test_tokens_equal_sentence_transformers_up_to_truncation(embedder, torch_embedder, texts):
    long_text = " ".join(texts["passage"])  # thousands of tokens: both keep the first 512
    for text in [*texts["query"][:50], *texts["passage"][::7], long_text]:
        for prompt in embedder.prompts.values():
            ids = torch_embedder.model.tokenizer(prompt + text, truncation=True, max_length=512)["input_ids"]
            assert embedder.tokenizer.encode(prompt + text).ids == ids
    cosine = (embedder.embed_passages([long_text]) * torch_embedder.embed_passages([long_text])).sum()
    assert cosine >= FIDELITY


@pytest.mark.slow
def test_batches_keep_the_order_and_the_vectors(texts):
    passages = texts["passage"][:20]
    fp32 = load_embedder(settings.DEFAULT_MODEL, backend="onnx-fp32")
    int8 = load_embedder(settings.DEFAULT_MODEL, backend="onnx-int8")
    together = fp32.embed_passages(passages)
    assert together.dtype == np.float32 and together.shape == (len(passages), 384)
    assert np.allclose(np.linalg.norm(together, axis=1), 1, atol=1e-5)
    assert np.allclose(together, np.concatenate([fp32.embed_passages([p]) for p in passages]), atol=1e-4)
    # int8 activations are scaled per run, so batch-mates move a passage's vector a little, never far
    batched = int8.embed_passages(passages)
    assert (batched * np.concatenate([int8.embed_passages([p]) for p in passages])).sum(axis=1).min() >= FIDELITY
    questions = texts["query"][:20]  # questions run alone, so they never depend on each other
    assert np.array_equal(int8.embed_query(questions), np.concatenate([int8.embed_query([q]) for q in questions]))


@pytest.mark.slow
def test_onnx_applies_nfc_and_the_prompts(embedder, torch_embedder):
    text = "Công an tỉnh Thanh Hóa phối hợp với Ủy ban MTTQ"
    nfd = unicodedata.normalize("NFD", text)
    assert nfd != text
    assert np.allclose(embedder.embed_passages([nfd]), embedder.embed_passages([text]), atol=1e-6)
    raw = torch_embedder.model.encode(["query: " + text, "passage: " + text, text], prompt="",
                                      normalize_embeddings=True)
    assert (embedder.embed_query([text])[0] * raw[0]).sum() >= FIDELITY
    assert (embedder.embed_passages([text])[0] * raw[1]).sum() >= FIDELITY
    assert (embedder.embed_passages([text])[0] * raw[2]).sum() < 0.99


@pytest.mark.slow
def test_setup_exports_once(embedder):
    folder = onnx_export.ensure_onnx_model()
    graph = folder / ONNX_FILES[DEFAULT_BACKEND]
    stamp = graph.stat().st_mtime_ns
    assert embedder.path == graph
    assert onnx_export.ensure_onnx_model() == folder
    assert graph.stat().st_mtime_ns == stamp


class Counting:
    """An embedder that counts the passages it embeds."""

    def __init__(self, inner) -> None:
        self.inner, self.passages = inner, 0
        self.model_id, self.dim, self.prompts, self.backend = inner.model_id, inner.dim, inner.prompts, inner.backend

    def embed_query(self, texts):
        return self.inner.embed_query(texts)

    def embed_passages(self, texts, *, show_progress=False):
        self.passages += len(texts)
        return self.inner.embed_passages(texts)


@pytest.mark.slow
def test_an_index_of_one_backend_is_searched_and_extended_by_another(embedder, torch_embedder, tmp_path):
    """Backends of one model agree within FIDELITY, so their indexes are interchangeable; another model
    is still refused."""
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    for name in ("002_3f915e28c95095da.txt", "003_a9281dd645c36fee.txt"):
        shutil.copy2(ROOT / "corpus" / name, corpus / name)
    build_index(corpus, index, embedder=torch_embedder)
    assert read_manifest(index).backend == "torch"
    reply = get_assistant(index).ask("Quảng Nam duy trì và củng cố bao nhiêu mô hình?")
    assert get_assistant(index).embedder.inner is embedder and reply.found and "1.000" in reply.answer

    shutil.copy2(ROOT / "corpus" / "000_d0f3f0f17368d93e.txt", corpus)
    counting = Counting(embedder)
    summary = build_index(corpus, index, embedder=counting)
    data = load_index(index)
    added = next(doc_id for doc_id, r in data.reports.items() if r.source == "000_d0f3f0f17368d93e.txt")
    assert summary.added == [data.reports[added].source]
    # only the new report's chunks and content sentences are embedded: the torch vectors are kept
    assert counting.passages == len(data.chunks.rows_of(added)) + len(data.sentences.rows_of(added))
    assert data.manifest.backend == DEFAULT_BACKEND

    with pytest.raises(StoreError, match="was built with model"):
        build_index(corpus, index, model="intfloat/multilingual-e5-base")
