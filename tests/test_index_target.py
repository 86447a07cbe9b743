"""`index` never deletes what it did not write: folders that are not an index are refused before any write."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from assistant.store import StoreError, check_index_target, is_index_folder

ROOT = Path(__file__).resolve().parent.parent


def _index(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "assistant", "index", *args], cwd=cwd, capture_output=True,
                          text=True, env={"PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1", "PATH": "/usr/bin:/bin"})


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text("Công an tỉnh Gia Lai duy trì 321 mô hình tự quản.\n", encoding="utf-8")
    return folder


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("target", ["mydocs", "corpus-itself", "inside-corpus", "file", "corpus-parent"])
def test_index_refuses_a_target_it_did_not_write_and_deletes_nothing(tmp_path, corpus, target):
    mydocs = tmp_path / "mydocs"
    mydocs.mkdir()
    (mydocs / "notes.txt").write_text("important", encoding="utf-8")
    (corpus / "sub").mkdir()
    index = {"mydocs": mydocs, "corpus-itself": corpus, "inside-corpus": corpus / "sub",
             "file": mydocs / "notes.txt", "corpus-parent": tmp_path}[target]
    before = _snapshot(tmp_path)
    done = _index("--corpus", str(corpus), "--index", str(index), cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("error: ") and done.stderr.count("\n") == 1, done.stderr
    assert "Traceback" not in done.stderr
    after = _snapshot(tmp_path)
    assert {k: v for k, v in after.items() if not k.endswith(".lock")} == before


def test_an_empty_or_missing_folder_and_an_index_folder_are_accepted(tmp_path, corpus):
    empty = tmp_path / "empty"
    empty.mkdir()
    check_index_target(empty, corpus)
    check_index_target(tmp_path / "new", corpus)
    ours = tmp_path / "ours"
    ours.mkdir()
    (ours / "manifest.json").write_text("{}", encoding="utf-8")
    (ours / "bm25").mkdir()
    assert is_index_folder(ours)
    check_index_target(ours, corpus)


def test_an_index_folder_with_a_foreign_file_is_refused(tmp_path):
    ours = tmp_path / "index"
    ours.mkdir()
    (ours / "manifest.json").write_text("{}", encoding="utf-8")
    (ours / "my-notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(StoreError, match="not an index"):
        check_index_target(ours)
    assert (ours / "my-notes.txt").read_text(encoding="utf-8") == "keep me"


def test_a_foreign_previous_folder_is_never_removed(tmp_path):
    from assistant.store import read_manifest

    (tmp_path / "index").mkdir()
    foreign = tmp_path / "index.previous"
    foreign.mkdir()
    (foreign / "thesis.docx").write_bytes(b"mine")
    assert read_manifest(tmp_path / "index") is None
    assert (foreign / "thesis.docx").read_bytes() == b"mine"
