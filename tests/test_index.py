"""The index over the real seeds with the real model: offsets, incremental updates, bad files, atomicity."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from assistant.indexer import build_index
from assistant.store import FORMAT_VERSION, StoreError, load_index, read_manifest

pytestmark = pytest.mark.slow

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
NEW_REPORT = textwrap.dedent("""\
    Công an tỉnh Gia Lai sơ kết phong trào toàn dân bảo vệ an ninh Tổ quốc

    Chiều 12/4/2024, Công an tỉnh Gia Lai tổ chức sơ kết. Toàn tỉnh duy trì 321 mô hình tự quản về an ninh trật tự.
    """)


class CountingEmbedder:
    """The real embedder, counting how many passages it is asked to embed."""

    def __init__(self, inner):
        self.inner = inner
        self.model_id, self.dim, self.prompts, self.backend = inner.model_id, inner.dim, inner.prompts, inner.backend
        self.passages = 0

    def embed_query(self, texts):
        return self.inner.embed_query(texts)

    def embed_passages(self, texts, *, show_progress=False):
        self.passages += len(texts)
        return self.inner.embed_passages(texts, show_progress=show_progress)


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS, folder)
    return folder


def test_seed_index_offsets_and_contents(seed_index):
    data = load_index(seed_index)
    assert len(data.reports) == 5
    assert data.vectors.shape == (len(data.chunks), data.manifest.dim)
    norms = np.linalg.norm(data.vectors, axis=1)
    assert np.allclose(norms, 1.0, atol=1e-3)
    for report in data.reports.values():
        on_disk = (CORPUS / report.source).read_text(encoding="utf-8")
        assert report.text == on_disk
    for i, chunk in enumerate(data.chunks):
        text = data.chunk_text(i)
        assert text == data.reports[chunk.doc_id].text[chunk.start:chunk.end] and text.strip() == text
        for chrome in ("DetailController", "Tin liên quan", "Thăm dò ý kiến", "lượt xem", "Từ khóa", "Tác giả"):
            assert chrome not in text
    manifest = json.loads((seed_index / "manifest.json").read_text(encoding="utf-8"))
    for key in ("format_version", "package_version", "model_id", "dim", "prompts", "backend", "splitter", "reports",
                "built_at"):
        assert key in manifest
    assert manifest["prompts"]["query"] == "query: "
    assert {m["province"] for m in manifest["reports"].values()} == {
        "Kon Tum", "Thanh Hóa", "Quảng Nam", "Thái Bình", "Hòa Bình"}
    assert not list(seed_index.rglob("*.pkl")) and not list(seed_index.rglob("*.pickle"))


def test_kon_tum_chunks_carry_the_province_header(seed_index):
    data = load_index(seed_index)
    kon_tum = [c for c in data.chunks if data.reports[c.doc_id].source.startswith("000_")]
    assert kon_tum and all("Kon Tum" in c.header and "Quảng Ngãi" in c.header for c in kon_tum)
    assert all("Kon Tum" not in data.reports[c.doc_id].text[c.start:c.end] for c in kon_tum)


def test_incremental_add_change_delete_and_noop(corpus, tmp_path, embedder):
    index = tmp_path / "index"
    counting = CountingEmbedder(embedder)
    first = build_index(corpus, index, embedder=counting)
    assert first.written and first.reports == 5 and len(first.added) == 5
    total = counting.passages
    assert total == first.chunks + len(load_index(index).sentences)  # every chunk, then every content sentence

    noop = build_index(corpus, index, embedder=counting)
    assert not noop.written and counting.passages == total and "up to date" in noop.line()

    (corpus / "005_gia_lai.txt").write_text(NEW_REPORT, encoding="utf-8")
    added = build_index(corpus, index, embedder=counting)
    assert added.added == ["005_gia_lai.txt"] and not added.changed and not added.removed
    new_passages = counting.passages - total
    grown = load_index(index)
    gia_lai = next(d for d, r in grown.reports.items() if r.source == "005_gia_lai.txt")
    assert new_passages == len(grown.chunks.rows_of(gia_lai)) + len(grown.sentences.rows_of(gia_lai)) <= 6

    report = corpus / "002_3f915e28c95095da.txt"
    report.write_text(report.read_text(encoding="utf-8").replace("hơn 1.000 mô hình", "hơn 1.200 mô hình"),
                      encoding="utf-8")
    before = counting.passages
    changed = build_index(corpus, index, embedder=counting)
    assert changed.changed == ["002_3f915e28c95095da.txt"]
    assert all(f"{stage} " in changed.line() for stage in ("read", "embed", "FAISS", "BM25", "write"))
    changed_id = next(d for d, r in load_index(index).reports.items() if r.source == report.name)
    assert counting.passages - before == len(load_index(index).chunks.rows_of(changed_id)) + \
        len(load_index(index).sentences.rows_of(changed_id))
    assert "1.200" in load_index(index).reports[[d for d, r in load_index(index).reports.items()
                                                 if r.source == report.name][0]].text

    (corpus / "004_39de3e7a63915c1c.txt").unlink()
    before = counting.passages
    removed = build_index(corpus, index, embedder=counting)
    assert removed.removed == ["004_39de3e7a63915c1c.txt"] and counting.passages == before
    data = load_index(index)
    assert {r.source for r in data.reports.values()} == {p.name for p in corpus.iterdir()}
    assert data.dense.ntotal == len(data.chunks) == data.lexical.size


def test_noop_and_delete_never_load_the_model(corpus, tmp_path, seed_index, monkeypatch):
    index = tmp_path / "index"
    shutil.copytree(seed_index, index)

    def no_model(*args, **kwargs):
        raise AssertionError("the embedding model was loaded")
    monkeypatch.setattr("assistant.indexer.load_embedder", no_model)
    copied = build_index(corpus, index)  # a copied corpus: new inodes and ctimes, hashed, nothing read again
    assert not copied.added and not copied.changed and not copied.removed
    assert not build_index(corpus, index).written
    (corpus / "004_39de3e7a63915c1c.txt").unlink()
    removed = build_index(corpus, index)
    assert removed.written and removed.removed == ["004_39de3e7a63915c1c.txt"]
    assert load_index(index).manifest.model_id == read_manifest(seed_index).model_id


def test_an_index_read_with_other_extraction_code_is_read_again(corpus, tmp_path, seed_index, embedder):
    index = tmp_path / "index"
    shutil.copytree(seed_index, index)
    manifest = json.loads((index / "manifest.json").read_text(encoding="utf-8"))
    (index / "manifest.json").write_text(json.dumps({**manifest, "pipeline": "older-code"}), encoding="utf-8")
    summary = build_index(corpus, index, embedder=embedder)
    assert summary.written and len(summary.added) == 5
    assert read_manifest(index).pipeline == manifest["pipeline"] != "older-code"


def test_an_index_in_an_older_format_is_refused_for_queries_and_rebuilt_by_index(corpus, tmp_path, seed_index,
                                                                               embedder):
    index = tmp_path / "index"
    shutil.copytree(seed_index, index)
    manifest = json.loads((index / "manifest.json").read_text(encoding="utf-8"))
    older = FORMAT_VERSION - 1  # the format before the last change
    (index / "manifest.json").write_text(json.dumps({**manifest, "format_version": older}), encoding="utf-8")
    with pytest.raises(StoreError, match=f"format {older} is not .*--rebuild"):
        load_index(index)
    summary = build_index(corpus, index, embedder=embedder)
    assert summary.written and len(summary.added) == 5
    assert load_index(index).manifest.chunk_count == manifest["chunk_count"]


def test_stored_chunks_and_bm25_match_the_ones_built(seed_index):
    from assistant.text import bm25_tokens

    data = load_index(seed_index)
    assert [len(data.chunks.rows_of(d)) for d in data.reports] == \
        [sum(c.doc_id == d for c in data.chunks) for d in data.reports]
    assert data.chunks.rows_of("no-such-report") == range(0)
    first = data.chunks[0]
    report = data.reports[first.doc_id]
    assert first.header == report.header and "tỉnh" in report.header
    tokens = bm25_tokens(data.chunk_text(0))
    scores = data.lexical.scores(tokens + ["từ-không-có"])
    assert scores.shape == (len(data.chunks),) and int(np.argmax(scores)) == 0
    assert data.lexical.knows(tokens[0]) and not data.lexical.knows("từ-không-có")


def test_chunks_out_of_report_order_are_a_damaged_index(tmp_path, seed_index, monkeypatch):
    monkeypatch.setattr("assistant.store.LOAD_HASH_LIMIT", 0)  # the order check, not the checksum
    index = tmp_path / "index"
    shutil.copytree(seed_index, index)
    columns = np.load(index / "chunks.npy")
    np.save(index / "chunks.npy", columns[::-1].copy())
    with pytest.raises(StoreError, match=r"index damaged: .*chunks\.npy: chunk rows are not grouped by report"):
        load_index(index)


def test_touching_a_file_does_not_re_embed(corpus, tmp_path, embedder):
    index = tmp_path / "index"
    counting = CountingEmbedder(embedder)
    build_index(corpus, index, embedder=counting)
    before = counting.passages
    path = corpus / "001_ddd8a31504bd73cb.txt"
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10_000_000_000))
    summary = build_index(corpus, index, embedder=counting)
    assert counting.passages == before and not summary.changed
    assert build_index(corpus, index, embedder=counting).written is False


def test_bad_files_are_skipped_and_named(corpus, tmp_path, embedder):
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (corpus / "latin1.txt").write_bytes("Báo cáo an ninh".encode("cp1258", errors="replace") + b"\xff\xfe\x80")
    (corpus / "utf16.txt").write_bytes(NEW_REPORT.encode("utf-16"))
    (corpus / "copy.txt").write_bytes((corpus / "001_ddd8a31504bd73cb.txt").read_bytes())
    (corpus / "kon-tum").mkdir()
    (corpus / "kon-tum" / "bao-cao.pdf").write_bytes(b"not a PDF at all")
    summary = build_index(corpus, tmp_path / "index", embedder=embedder)
    skipped = "\n".join(summary.skipped)
    for name in ("empty.txt", "binary.txt", "latin1.txt"):
        assert name in skipped
    assert "copy.txt" in skipped or "001_ddd8a31504bd73cb.txt" in skipped
    assert all("\n" not in reason for reason in summary.skipped)
    assert any(reason.startswith("kon-tum/bao-cao.pdf: ") for reason in summary.skipped)
    data = load_index(tmp_path / "index")
    assert "utf16.txt" in {r.source for r in data.reports.values()}
    assert summary.reports == 6


def test_an_index_built_with_another_model_is_refused(seed_index):
    with pytest.raises(StoreError, match="--rebuild"):
        build_index(CORPUS, seed_index, model="sentence-transformers/some-other-model")


KILLER = textwrap.dedent("""\
    import os, signal, sys
    from pathlib import Path
    from assistant import store
    from assistant.indexer import build_index
    from assistant.embedding import load_embedder

    where = sys.argv[3]
    real = load_embedder()

    class Dying:
        model_id, dim, prompts, backend = real.model_id, real.dim, real.prompts, real.backend
        def embed_query(self, texts): return real.embed_query(texts)
        def embed_passages(self, texts, show_progress=False):
            if where == "embedding":
                os.kill(os.getpid(), signal.SIGKILL)
            return real.embed_passages(texts)

    original = store._write_jsonl
    def dying_write(file, rows):
        original(file, rows)
        if where == "writing":
            os.kill(os.getpid(), signal.SIGKILL)
    store._write_jsonl = dying_write
    build_index(Path(sys.argv[1]), Path(sys.argv[2]), embedder=Dying())
    """)


@pytest.mark.parametrize("where", ["embedding", "writing"])
def test_a_killed_build_leaves_the_previous_index_loadable(corpus, tmp_path, embedder, where):
    index = tmp_path / "index"
    build_index(corpus, index, embedder=embedder)
    before = load_index(index)
    (corpus / "005_gia_lai.txt").write_text(NEW_REPORT, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-c", KILLER, str(corpus), str(index), where],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == -9, proc.stderr
    after = load_index(index)
    assert len(after.reports) == len(before.reports) == 5
    assert after.manifest.chunk_count == before.manifest.chunk_count
    summary = build_index(corpus, index, embedder=embedder)
    assert summary.added == ["005_gia_lai.txt"]
    assert not [p for p in tmp_path.iterdir() if ".building-" in p.name]


def test_a_swap_interrupted_between_renames_is_recovered(seed_index, tmp_path):
    copy = tmp_path / "index"
    shutil.copytree(seed_index, copy)
    copy.rename(copy.with_name("index.previous"))
    assert read_manifest(copy) is not None
    assert len(load_index(copy).reports) == 5


def test_symlinks_that_leave_the_corpus_are_skipped_and_named(tmp_path, embedder):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "passwd.txt").write_text("root:x:0:0:bí mật ngoài kho báo cáo:/root:/bin/bash\n", encoding="utf-8")
    (outside / "notes.txt.meta.json").write_text('{"title": "tiêu đề từ ngoài kho"}', encoding="utf-8")
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "005_gia_lai.txt").write_text(NEW_REPORT, encoding="utf-8")
    (corpus / "sub" / "real.txt").write_text(NEW_REPORT.replace("Gia Lai", "Kon Tum"), encoding="utf-8")
    (corpus / "notes.txt").write_text(NEW_REPORT.replace("Gia Lai", "Nghệ An"), encoding="utf-8")
    (corpus / "passwd.txt").symlink_to(outside / "passwd.txt")
    (corpus / "linked").symlink_to(outside, target_is_directory=True)
    (corpus / "notes.txt.meta.json").symlink_to(outside / "notes.txt.meta.json")
    (corpus / "inside.txt").symlink_to(Path("sub") / "real.txt")  # a link inside the corpus is fine
    (corpus / "nowhere.txt").symlink_to(corpus / "gone.txt")

    summary = build_index(corpus, tmp_path / "index", embedder=embedder)
    assert sorted(summary.skipped) == [
        "linked: symlink to a folder outside the corpus",
        "notes.txt: its sidecar notes.txt.meta.json is a symlink to a file outside the corpus",
        "nowhere.txt: symlink to a file that does not exist",
        "passwd.txt: symlink to a file outside the corpus",
        "sub/real.txt: same content as inside.txt, indexed once",
    ]
    data = load_index(tmp_path / "index")
    assert {r.source for r in data.reports.values()} == {"005_gia_lai.txt", "inside.txt"}
    assert not any("bí mật" in r.text or "từ ngoài" in str(r.meta) for r in data.reports.values())


def test_incremental_builds_remake_the_facts_comparison_candidates(corpus, tmp_path, embedder):
    """A changed report's figure replaces its old one, a deleted report's figures go and a new one's come,
    in each province's pick, and every pick still equals the window over all stored facts."""
    sys.path.insert(0, str(CORPUS.parent / "benchmarks"))
    from facts import WindowStore

    index = tmp_path / "index"

    def picks() -> dict[str, str]:
        store = load_index(index).facts
        before = WindowStore.open(index)
        keys = [k for k, _, _ in store.units()]
        for units, noun in [((k,), None) for k in keys] + [(tuple(keys), "mo hinh")]:
            words = ["duy", "tri"]
            assert store.best_figures(units, noun, words) == before.best_figures(units, noun, words)
        return {p: f.fact.text for p, f in store.best_figures(keys, "mo hinh", ["duy", "tri"]).items()}

    build_index(corpus, index, embedder=embedder)
    first = picks()
    assert first["quang nam"] == "hơn 1.000" and first["hoa binh"] == "45" and "gia lai" not in first
    report = corpus / "002_3f915e28c95095da.txt"
    report.write_text(report.read_text(encoding="utf-8").replace("hơn 1.000 mô hình", "hơn 1.200 mô hình"),
                      encoding="utf-8")
    (corpus / "005_gia_lai.txt").write_text(NEW_REPORT, encoding="utf-8")
    (corpus / "004_39de3e7a63915c1c.txt").unlink()
    summary = build_index(corpus, index, embedder=embedder)
    assert (summary.added, summary.changed, summary.removed) == \
        (["005_gia_lai.txt"], ["002_3f915e28c95095da.txt"], ["004_39de3e7a63915c1c.txt"])
    after = picks()
    assert after["quang nam"] == "hơn 1.200" and after["gia lai"] == "321"
    assert "hoa binh" not in after
