"""A damaged index is one line and exit 2 for `ask` and `index --check`, and `index` mends it.

The real index of two seed reports is built once; every case damages a copy. The full matrix
(each index file empty, cut in half, garbled in the middle or deleted, and manifest edits) runs the
CLI's own `main` in this process; a representative subset runs `python -m assistant` in a subprocess.
Repairs and questions go through a memo of the real model's vectors, so a case costs no model time.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from assistant import cli, store
from assistant.indexer import build_index, pipeline_fingerprint
from assistant.store import IndexDamaged, StoreError, check_index, load_index

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ("002_3f915e28c95095da.txt", "003_a9281dd645c36fee.txt")
QUESTION = "Quảng Nam duy trì và củng cố bao nhiêu mô hình?"
ANSWER = "1.000"
HINT = "run `python -m assistant index --rebuild`"
BM25_FILES = ("bm25/data.npy", "bm25/indices.npy", "bm25/indptr.npy", "bm25/dense.npy", "bm25/dense_tokens.npy",
               "bm25/size.txt", "bm25/vocab.marisa")
FILES = ("manifest.json", "reports.jsonl", "texts.bin", "chunks.npy", "vectors.npy", "facts.sqlite", "units.npy",
         "sentences.npy", "sentence_vectors.npy", "dense.faiss", *BM25_FILES)
DERIVED = ("dense.faiss", *BM25_FILES)


class MemoEmbedder:
    """The real model, remembering each text's vector: a repair or a question embeds nothing twice."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.model_id, self.dim, self.prompts, self.backend = inner.model_id, inner.dim, inner.prompts, inner.backend
        self.memo: dict[tuple[str, str], np.ndarray] = {}
        self.passages = 0

    def embed_query(self, texts):
        return self._embed("query", texts, self.inner.embed_query)

    def embed_passages(self, texts, *, show_progress=False):
        self.passages += len(texts)
        return self._embed("passage", texts, self.inner.embed_passages)

    def _embed(self, kind: str, texts, embed: Callable) -> np.ndarray:
        new = [t for t in dict.fromkeys(texts) if (kind, t) not in self.memo]
        if new:
            self.memo.update(((kind, t), v) for t, v in zip(new, embed(new)))
        return np.stack([self.memo[kind, t] for t in texts]) if texts else np.zeros((0, self.dim), np.float32)


@dataclass
class Built:
    corpus: Path
    index: Path
    embedder: MemoEmbedder


@pytest.fixture(scope="module")
def built(tmp_path_factory, embedder) -> Built:
    root = tmp_path_factory.mktemp("integrity")
    corpus = root / "corpus"
    corpus.mkdir()
    for name in SEEDS:
        shutil.copy2(ROOT / "corpus" / name, corpus / name)
    memo = MemoEmbedder(embedder)
    build_index(corpus, root / "index", embedder=memo)
    return Built(corpus, root / "index", memo)


@pytest.fixture
def index(built, tmp_path, monkeypatch) -> Path:
    """A copy of the built index; `ask` in this process embeds its question through the memo."""
    monkeypatch.setattr("assistant.answer.load_embedder", lambda name=None: built.embedder)
    copy = tmp_path / "index"
    shutil.copytree(built.index, copy)
    return copy


def damage(file: Path, how: str) -> None:
    data = file.read_bytes()
    middle = len(data) // 2
    if how == "empty":
        file.write_bytes(b"")
    elif how == "half":
        file.write_bytes(data[:middle])
    elif how == "garbled":
        flipped = bytes(b ^ 0xFF for b in data[middle:middle + 16])
        file.write_bytes(data[:middle] + flipped + data[middle + 16:])
    else:
        file.unlink()


def _set(path: str, value: Any) -> Callable[[Any], Any]:
    def edit(manifest: Any) -> Any:
        *parents, last = path.split("/")
        node = manifest
        for key in parents:
            node = node[key]
        node[last] = value(node[last]) if callable(value) else value
        return manifest
    return edit


def _drop(path: str) -> Callable[[Any], Any]:
    def edit(manifest: Any) -> Any:
        *parents, last = path.split("/")
        node = manifest
        for key in parents:
            node = node[key]
        del node[last]
        return manifest
    return edit


MANIFEST_EDITS: dict[str, tuple[Callable[[Any], Any], str]] = {
    "a list": (lambda m: [m], "damaged"),
    "null": (lambda m: None, "damaged"),
    "missing dim": (_drop("dim"), "damaged"),
    "missing files": (_drop("files"), "damaged"),
    "missing a file's checksum": (_drop("files/texts.bin"), "damaged"),
    "chunk_count a string": (_set("chunk_count", str), "damaged"),
    "dim a float": (_set("dim", float), "damaged"),
    "format_version a string": (_set("format_version", str), "damaged"),
    "a prompt a number": (_set("prompts/query", 1), "damaged"),
    "a file size a string": (_set("files/texts.bin/size", "big"), "damaged"),
    "a foreign file listed": (_set("files", lambda files: {**files, "../x": {"size": 1, "sha256": ""}}),
                              "damaged"),
    "chunk_count off by one": (_set("chunk_count", lambda n: n - 1), "damaged"),
    "dim off by one": (_set("dim", lambda n: n + 1), "damaged"),
    "an older format": (_set("format_version", 2), "older"),
    "an unknown extra field": (_set("added_by_a_later_version", {"any": [1, 2]}), "harmless"),
    "a backend a number": (_set("backend", 1), "damaged"),
    "no backend (built before ONNX)": (_drop("backend"), "harmless"),
}
CASES = [pytest.param(name, how, "damaged", id=f"{name}-{how}")
         for name in FILES for how in ("empty", "half", "garbled", "deleted")]
CASES += [pytest.param("manifest.json", edit, outcome, id=f"manifest-{edit}")
          for edit, (_, outcome) in MANIFEST_EDITS.items()]


def apply(index: Path, name: str, how: str) -> None:
    if how in MANIFEST_EDITS:
        manifest = json.loads((index / "manifest.json").read_text(encoding="utf-8"))
        edited = MANIFEST_EDITS[how][0](manifest)
        (index / "manifest.json").write_text(json.dumps(edited, ensure_ascii=False), encoding="utf-8")
    else:
        damage(index / name, how)


def run_main(capsys, *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_refusal(code: int, err: str, outcome: str) -> None:
    assert code == 2, err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    if outcome == "older":
        assert err.startswith("error: ") and "index format 2 is not" in err and "--rebuild`" in err, err
    else:
        assert err.startswith("error: index damaged: ") and err.rstrip().endswith(HINT), err


def assert_answers(capsys, index: Path) -> None:
    code, out, err = run_main(capsys, "ask", QUESTION, "--index", str(index), "--json")
    assert code == 0, err
    reply = json.loads(out)
    assert reply["found"] and ANSWER in reply["answer"], reply["answer"]
    texts = load_index(index).reports
    for citation in reply["citations"]:
        assert texts[citation["doc_id"]].text[citation["start"]:citation["end"]] == citation["text"]


def test_the_cases_cover_every_file_the_build_writes(built):
    written = {p.relative_to(built.index).as_posix() for p in built.index.rglob("*") if p.is_file()}
    assert written == set(FILES)
    assert set(json.loads((built.index / "manifest.json").read_text(encoding="utf-8"))["files"]) \
        == written - {"manifest.json"}
    assert len(CASES) >= 64


@pytest.mark.parametrize(("name", "how", "outcome"), CASES)
def test_damage_is_one_line_for_ask_and_check_and_index_mends_it(built, index, capsys, name, how, outcome):
    apply(index, name, how)

    code, _, err = run_main(capsys, "ask", QUESTION, "--index", str(index), "--json")
    if outcome == "harmless":
        assert code == 0, err
    else:
        assert_one_line_refusal(code, err, outcome)
    code, out, err = run_main(capsys, "index", "--check", "--index", str(index))
    if outcome == "harmless":
        assert code == 0 and out.startswith("index ok: "), err
    else:
        assert_one_line_refusal(code, err, outcome)

    before = built.embedder.passages
    summary = build_index(built.corpus, index, embedder=built.embedder)
    if outcome == "harmless":
        assert not summary.written and "up to date" in summary.line()
    elif outcome == "older":
        assert summary.line().startswith("index rebuilt (an older index format; every report read again)")
    elif name in DERIVED:  # FAISS and BM25 are made again from what is stored: nothing read or embedded
        assert summary.line().startswith(f"index rebuilt (damaged: {index / name}: "), summary.line()
        assert "made again from the stored vectors" in summary.line()
        assert not summary.added and built.embedder.passages == before
    else:
        assert summary.line().startswith("index rebuilt (damaged: "), summary.line()
        assert sorted(summary.added) == sorted(SEEDS)

    code, out, err = run_main(capsys, "index", "--check", "--index", str(index))
    assert code == 0 and out.startswith(f"index ok: {index}: 2 reports, "), err
    assert_answers(capsys, index)
    assert not build_index(built.corpus, index, embedder=built.embedder).written


@pytest.mark.parametrize("name", [n for n in FILES if n != "manifest.json"])
@pytest.mark.parametrize("where", [0.02, 0.5, 0.98])
def test_an_index_too_large_to_hash_at_load_still_never_crashes(built, index, capsys, monkeypatch, name,
                                                                where):
    """Above ``LOAD_HASH_LIMIT`` only sizes and headers are checked at load: bytes garbled in place are
    found there, at query time or not at all by `ask`, but always by `index --check` and `index`."""
    monkeypatch.setattr(store, "LOAD_HASH_LIMIT", 0)
    file = index / name
    data = bytearray(file.read_bytes())
    at = min(int(len(data) * where), max(len(data) - 8, 0))
    data[at:at + 8] = bytes(b ^ 0xFF for b in data[at:at + 8])
    file.write_bytes(bytes(data))

    code, _, err = run_main(capsys, "ask", QUESTION, "--index", str(index), "--json")
    assert code in (0, 2) and "Traceback" not in err
    if code == 2:
        assert_one_line_refusal(code, err, "damaged")
    code, _, err = run_main(capsys, "index", "--check", "--index", str(index))
    assert_one_line_refusal(code, err, "damaged")
    assert f"{file}: its bytes do not match" in err
    assert build_index(built.corpus, index, embedder=built.embedder).rebuilt.startswith("damaged: ")
    check_index(index)


def test_garbled_texts_found_at_query_time_are_damage_not_a_traceback(index, capsys, monkeypatch):
    monkeypatch.setattr(store, "LOAD_HASH_LIMIT", 0)
    texts = index / "texts.bin"
    data = bytearray(texts.read_bytes())
    data[100:400] = bytes(b ^ 0xFF for b in data[100:400])  # inside the Quảng Nam report, the first
    texts.write_bytes(bytes(data))
    code, _, err = run_main(capsys, "ask", QUESTION, "--index", str(index))
    assert_one_line_refusal(code, err, "damaged")
    assert f"{texts}: bytes 0-" in err and "are not UTF-8" in err


def test_bm25_rows_pointing_outside_the_arrays_are_damage_at_query_time(index, capsys, monkeypatch):
    monkeypatch.setattr(store, "LOAD_HASH_LIMIT", 0)
    indices = np.load(index / "bm25/indices.npy", mmap_mode="r+")
    indices[:] = 10**8
    indices.flush()
    del indices
    code, _, err = run_main(capsys, "ask", QUESTION, "--index", str(index))
    assert_one_line_refusal(code, err, "damaged")
    assert "a query read outside the BM25 arrays" in err


def test_a_same_size_header_edit_is_caught_without_hashing(index, monkeypatch):
    """Two valid `.npy` files of one size: the header check, not the hash, tells them apart."""
    monkeypatch.setattr(store, "LOAD_HASH_LIMIT", 0)
    columns = np.load(index / "chunks.npy")
    size = (index / "chunks.npy").stat().st_size
    np.save(index / "chunks.npy", columns.reshape(-1, 2), allow_pickle=False)
    assert (index / "chunks.npy").stat().st_size == size
    with pytest.raises(IndexDamaged, match=r"chunks\.npy: holds int32 \(\d+, 2\), the manifest says int32"):
        load_index(index)


def test_an_index_folder_without_its_manifest_is_damage_and_no_folder_is_no_index(index, tmp_path):
    (index / "manifest.json").unlink()
    with pytest.raises(IndexDamaged, match="manifest.json: missing"):
        load_index(index)
    with pytest.raises(StoreError, match="no index at .*python -m assistant index"):
        load_index(tmp_path / "nothing-here")


def test_check_and_rebuild_together_are_refused(index, capsys):
    code, _, err = run_main(capsys, "index", "--check", "--rebuild", "--index", str(index))
    assert code == 2 and err.startswith("error: --check") and err.count("\n") == 1


def _subprocess(*argv: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1", "GRADIO_ANALYTICS_ENABLED": "False"}
    return subprocess.run([sys.executable, "-m", "assistant", *argv], cwd=cwd, capture_output=True, text=True,
                          env=env, timeout=600, check=False)


@pytest.mark.parametrize(("name", "how"), [("texts.bin", "empty"), ("vectors.npy", "half"),
                                           ("bm25/data.npy", "garbled"),
                                           ("manifest.json", "a list")])
def test_the_real_cli_refuses_a_damaged_index_in_one_line(index, tmp_path, name, how):
    apply(index, name, how)
    for argv in (("ask", QUESTION, "--index", str(index)), ("index", "--check", "--index", str(index))):
        done = _subprocess(*argv, cwd=tmp_path)
        assert_one_line_refusal(done.returncode, done.stderr, "damaged")
        assert done.stdout == ""


def test_the_real_cli_mends_a_damaged_index_and_answers_again(built, index, tmp_path, capsys):
    # the subprocess fingerprints the extraction code as it is now, which may be newer than this process's
    fresh = pipeline_fingerprint.__wrapped__()
    manifest = json.loads((index / "manifest.json").read_text(encoding="utf-8"))
    (index / "manifest.json").write_text(json.dumps({**manifest, "pipeline": fresh}), encoding="utf-8")
    apply(index, "bm25/data.npy", "garbled")
    mended = _subprocess("index", "--corpus", str(built.corpus), "--index", str(index), cwd=tmp_path)
    assert mended.returncode == 0, mended.stderr
    expected = (f"index rebuilt (damaged: {index}/bm25/data.npy: its bytes do not match the "
                f"manifest's sha256; FAISS and BM25 made again from the stored vectors): 2 reports")
    assert mended.stdout.startswith(expected), mended.stdout
    assert "model" not in mended.stdout.split("): ", 1)[1]  # nothing was embedded: the model never loaded
    checked = _subprocess("index", "--check", "--index", str(index), cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.startswith(f"index ok: {index}: 2 reports")
    assert_answers(capsys, index)
