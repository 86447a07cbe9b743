"""Change detection by content: a report is kept without reading it only when its stat proves it unchanged.

`cp -p`, `rsync -a` and unzip keep the size and set the old mtime on new bytes; the ctime (which no
tool sets back) and the content hash catch them. The cited-figure test uses the real model; the
plumbing tests use a deterministic word-hash embedder.
"""
from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest

from assistant import indexer
from assistant.answer import get_assistant
from assistant.indexer import build_index
from assistant.store import load_index, read_manifest
from fakes import WordEmbedder

ROOT = Path(__file__).resolve().parent.parent
QUANG_NAM = "002_3f915e28c95095da.txt"
THAI_BINH = "003_a9281dd645c36fee.txt"
QUESTION = "Quảng Nam duy trì và củng cố bao nhiêu mô hình?"
SETTLE_S = 0.05
"""Pause after writing files so that their ctime is clearly before the next build's start (file times
tick in milliseconds at worst) when ``RACY_WINDOW_NS`` is set to 0."""


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in (QUANG_NAM, THAI_BINH):
        shutil.copy2(ROOT / "corpus" / name, folder / name)
    return folder


@pytest.fixture
def hashed(monkeypatch) -> list[str]:
    """The names of the report files the indexer hashes, in order."""
    names: list[str] = []
    real = indexer._hash

    def counting(path: Path) -> str:
        names.append(path.name)
        return real(path)
    monkeypatch.setattr(indexer, "_hash", counting)
    return names


def same_size_edit(path: Path, old: str, new: str, *, replace_file: bool = False) -> None:
    """Rewrite ``old`` as ``new`` (same length in bytes), then set the old atime and mtime back, as `cp -p`
    does in place and `rsync -a` does through a new file renamed over the old one."""
    assert len(old.encode()) == len(new.encode())
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    assert old in text
    target = path.with_name(f".{path.name}.tmp") if replace_file else path
    target.write_text(text.replace(old, new), encoding="utf-8")
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))
    if replace_file:
        os.replace(target, path)
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)


@pytest.mark.slow
def test_a_same_size_edit_with_its_mtime_kept_is_read_again_and_the_new_figure_cited(corpus, tmp_path,
                                                                                    embedder):
    index = tmp_path / "index"
    build_index(corpus, index, embedder=embedder)
    assert "1.000" in get_assistant(index).ask(QUESTION).answer

    report = corpus / QUANG_NAM
    for old, new, replace_file in (("1.000", "1.200", False), ("1.200", "1.300", True)):
        same_size_edit(report, f"hơn {old} mô hình", f"hơn {new} mô hình", replace_file=replace_file)
        summary = build_index(corpus, index, embedder=embedder)
        assert summary.changed == [QUANG_NAM] and summary.written, summary.line()
        answer = get_assistant(index).ask(QUESTION)
        assert new in answer.answer and old not in answer.answer, answer.answer
        on_disk = report.read_text(encoding="utf-8")
        for citation in answer.citations:
            if citation.source == QUANG_NAM:
                assert on_disk[citation.start:citation.end] == citation.text


def test_a_report_proven_unchanged_by_its_stat_is_not_hashed_again(corpus, tmp_path, hashed, monkeypatch):
    monkeypatch.setattr(indexer, "RACY_WINDOW_NS", 0)
    time.sleep(SETTLE_S)
    index = tmp_path / "index"
    build_index(corpus, index, embedder=WordEmbedder())
    assert sorted(hashed) == [QUANG_NAM, THAI_BINH]
    hashed.clear()
    assert not build_index(corpus, index, embedder=WordEmbedder()).written
    assert hashed == []


def test_a_report_changed_just_before_the_build_is_hashed_and_kept_if_its_bytes_match(corpus, tmp_path,
                                                                                     hashed):
    index = tmp_path / "index"
    build_index(corpus, index, embedder=WordEmbedder())  # the files were written within RACY_WINDOW_NS of it
    hashed.clear()
    embedder = WordEmbedder()
    summary = build_index(corpus, index, embedder=embedder)
    assert sorted(hashed) == [QUANG_NAM, THAI_BINH]
    assert not summary.written and not embedder.passages


def test_a_touched_report_is_hashed_kept_and_its_new_stat_recorded(corpus, tmp_path, hashed, monkeypatch):
    monkeypatch.setattr(indexer, "RACY_WINDOW_NS", 0)
    index = tmp_path / "index"
    build_index(corpus, index, embedder=WordEmbedder())
    report = corpus / THAI_BINH
    os.utime(report, ns=(report.stat().st_atime_ns, report.stat().st_mtime_ns + 10_000_000_000))
    time.sleep(SETTLE_S)
    hashed.clear()
    embedder = WordEmbedder()
    touched = build_index(corpus, index, embedder=embedder)
    assert THAI_BINH in hashed and not touched.changed and not embedder.passages
    assert touched.written  # the new stat is recorded, so that the next build need not hash it
    stored = {r.source: r for r in load_index(index).reports.values()}[THAI_BINH]
    assert stored.file.mtime_ns == report.stat().st_mtime_ns
    hashed.clear()
    assert not build_index(corpus, index, embedder=embedder).written and hashed == []


def test_a_same_size_sidecar_edit_with_its_mtime_kept_is_read_again(corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(indexer, "RACY_WINDOW_NS", 0)
    sidecar = corpus / f"{THAI_BINH}.meta.json"
    sidecar.write_text(json.dumps({"title": "Báo cáo AAAA"}, ensure_ascii=False), encoding="utf-8")
    time.sleep(SETTLE_S)
    index = tmp_path / "index"
    build_index(corpus, index, embedder=WordEmbedder())

    def title() -> str:
        return {r.source: r for r in load_index(index).reports.values()}[THAI_BINH].meta["title"]
    assert title() == "Báo cáo AAAA"
    same_size_edit(sidecar, "AAAA", "BBBB")
    summary = build_index(corpus, index, embedder=WordEmbedder())
    assert summary.changed == [THAI_BINH] and title() == "Báo cáo BBBB"
    sidecar.unlink()
    summary = build_index(corpus, index, embedder=WordEmbedder())
    assert summary.changed == [THAI_BINH] and title() != "Báo cáo BBBB"


def test_a_report_changed_while_the_build_reads_it_is_read_again_next_time(corpus, tmp_path, monkeypatch):
    """The stat is taken before the bytes are hashed and read, so a change after it shows as a new ctime."""
    index = tmp_path / "index"
    report = corpus / QUANG_NAM
    real_read = indexer.read_report
    edited = []

    def read_then_edit(path, limits):
        extracted = real_read(path, limits)
        if path.name == QUANG_NAM and not edited:
            same_size_edit(report, "hơn 1.000 mô hình", "hơn 1.400 mô hình")
            edited.append(path)
        return extracted
    monkeypatch.setattr(indexer, "read_report", read_then_edit)
    build_index(corpus, index, embedder=WordEmbedder())
    assert edited
    summary = build_index(corpus, index, embedder=WordEmbedder())
    assert summary.changed == [QUANG_NAM]
    stored = {r.source: r for r in load_index(index).reports.values()}[QUANG_NAM]
    assert "hơn 1.400 mô hình" in stored.text


def test_the_manifest_records_when_the_build_started(corpus, tmp_path):
    before = time.time_ns()
    build_index(corpus, tmp_path / "index", embedder=WordEmbedder())
    manifest = read_manifest(tmp_path / "index")
    assert manifest is not None and before <= manifest.build_started_ns <= time.time_ns()
    stored = load_index(tmp_path / "index").reports.values()
    assert all(r.file.ctime_ns < manifest.build_started_ns for r in stored)
