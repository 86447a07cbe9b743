"""Replicas answering from one index folder while ``index`` swaps it: no restart, no failed question.

A replica is any process that answers through ``get_assistant`` (``serve``, ``ask``, the API): it
holds nothing but what it loaded from the folder, so any number can share one read-only folder
behind a load balancer (docs/scaling-out.md).
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from assistant import answer, store
from assistant.answer import get_assistant
from assistant.indexer import build_index
from assistant.store import IndexDamaged, load_index, read_manifest, write_index, writer_lock

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
QUESTION = "Cà Mau duy trì bao nhiêu mô hình?"
REPORT = "Cà Mau, ngày 15/12/2024. Toàn tỉnh Cà Mau duy trì {} mô hình tự quản về an ninh trật tự.\n"
REPLICA = textwrap.dedent("""\
    import json, sys, time
    from pathlib import Path
    from assistant.answer import get_assistant

    index, question, until = Path(sys.argv[1]), sys.argv[2], float(sys.argv[4])
    figures = sys.argv[3].split(",")
    seen, errors = [], []
    while time.time() < until:
        try:
            reply = get_assistant(index).ask(question).answer
            value = next((f for f in figures if f in reply), "other")
        except Exception as exc:  # a failed question: what this test is about
            errors.append(repr(exc)[:300])
            value = "error"
        if not seen or seen[-1][0] != value:
            seen.append([value, 0])
            print(json.dumps({"now": value}), flush=True)
        seen[-1][1] += 1
        if value == figures[-1] and seen[-1][1] >= 5:
            break
        time.sleep(0.05)
    print(json.dumps({"seen": seen, "errors": errors}), flush=True)
    """)


POLLER = textwrap.dedent("""\
    import os, sys, time
    manifest, done, until = sys.argv[1], sys.argv[2], float(sys.argv[3])
    missing = polls = 0
    print("polling", flush=True)
    while not os.path.exists(done) and time.time() < until:
        polls += 1
        missing += not os.path.exists(manifest)
    print(missing, polls, flush=True)
    """)


def write_report(corpus: Path, figure: str) -> None:
    corpus.mkdir(exist_ok=True)
    (corpus / "ca_mau.txt").write_text(REPORT.format(figure), encoding="utf-8")


@pytest.fixture
def index(tmp_path, embedder) -> Path:
    """An index of one report whose figure is 321."""
    write_report(tmp_path / "corpus", "321")
    build_index(tmp_path / "corpus", tmp_path / "index", embedder=embedder)
    return tmp_path / "index"


@pytest.fixture
def other(tmp_path, embedder) -> Path:
    """A second index, of the same report saying 654 (to swap in without embedding anything)."""
    write_report(tmp_path / "other-corpus", "654")
    build_index(tmp_path / "other-corpus", tmp_path / "other", embedder=embedder)
    return tmp_path / "other"


def swap_in(index: Path, source: Path) -> None:
    """What an ``index`` run ends with: the folder at ``index`` replaced by the index at ``source``."""
    with writer_lock(index):
        write_index(index, load_index(source))


def test_a_question_in_flight_during_a_swap_ends_on_the_index_it_began_with(index, tmp_path, embedder):
    before = get_assistant(index)
    assert "321" in before.ask(QUESTION).answer
    write_report(tmp_path / "corpus", "654")
    assert build_index(tmp_path / "corpus", index, embedder=embedder).changed == ["ca_mau.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "index", "index.lock"]  # the old is gone
    reply = before.ask(QUESTION)  # its texts are still mapped, its facts database still open
    assert "321" in reply.answer and all(c.text in REPORT.format("321") for c in reply.citations)
    assert before.data.facts.count() > 0
    after = get_assistant(index)
    assert after is not before and "654" in after.ask(QUESTION).answer


def test_a_swap_is_one_step_so_a_reader_never_finds_the_folder_missing(index, other, tmp_path):
    """A reader in another process polls the manifest through 10 swaps. With two renames it finds it
    missing a few times (7 in 20 swaps when measured); with the exchange, never."""
    probe = [tmp_path / "a", tmp_path / "b"]
    for folder in probe:
        folder.mkdir()
    if not store._exchange(*probe):
        pytest.skip("this file system cannot exchange two folders in one step (a swap is two renames here)")
    first, done = tmp_path / "first", tmp_path / "done"
    shutil.copytree(index, first)
    reader = subprocess.Popen([sys.executable, "-c", POLLER, str(index / "manifest.json"), str(done),
                               str(time.time() + 300)], stdout=subprocess.PIPE, text=True)
    try:
        assert reader.stdout.readline().strip() == "polling"
        for source in [other, first] * 5:
            swap_in(index, source)
    finally:
        done.touch()
    missing, polls = map(int, reader.communicate(timeout=60)[0].split())
    assert missing == 0 and polls > 1000
    assert not [p for p in tmp_path.iterdir() if ".building-" in p.name or p.name.endswith(".previous")]


def test_a_load_that_a_swap_overtakes_is_made_again(index, other, monkeypatch):
    real, loads = answer.load_index, []

    def overtaken(path, **kwargs):
        data = real(path, **kwargs)
        if not loads:
            swap_in(index, other)  # the build lands while this load reads the folder
        loads.append(path)
        return data
    monkeypatch.setattr(answer, "load_index", overtaken)
    assistant = get_assistant(index)
    assert len(loads) == 2 and assistant.data.manifest.files == read_manifest(index).files
    assert "654" in assistant.ask(QUESTION).answer


def test_a_load_that_fails_because_of_a_swap_is_made_again(index, other, monkeypatch):
    real, loads = answer.load_index, []

    def torn(path, **kwargs):
        loads.append(path)
        if len(loads) == 1:
            swap_in(index, other)
            raise IndexDamaged(path, "texts.bin", "1 bytes, the manifest says 2")  # files of two builds
        return real(path, **kwargs)
    monkeypatch.setattr(answer, "load_index", torn)
    assert "654" in get_assistant(index).ask(QUESTION).answer and len(loads) == 2


def test_damage_that_no_swap_explains_is_still_an_error(index, monkeypatch):
    def damaged(path, **kwargs):
        raise IndexDamaged(path, "texts.bin", "1 bytes, the manifest says 2")
    monkeypatch.setattr(answer, "load_index", damaged)
    with pytest.raises(IndexDamaged):
        get_assistant(index)


def test_between_the_two_renames_of_a_swap_replicas_answer_and_the_build_completes(index, tmp_path, embedder,
                                                                                 monkeypatch):
    """Where the file system cannot exchange folders, a swap is two renames with no index between them."""
    monkeypatch.setattr(store, "_exchange", lambda new, old: False)
    before = get_assistant(index)
    aside, seen = index.with_name("index.previous"), {}
    real_rename = Path.rename

    def rename(self: Path, target):
        moved = real_rename(self, target)
        if Path(target) == aside:  # the first rename: nothing at ``index`` until the second
            seen["assistant"] = get_assistant(index)
            seen["manifest"] = read_manifest(index)  # a reader must not move the previous index back
            seen["aside"] = aside.is_dir()
        return moved
    monkeypatch.setattr(Path, "rename", rename)
    write_report(tmp_path / "corpus", "654")
    summary = build_index(tmp_path / "corpus", index, embedder=embedder)
    assert seen == {"assistant": before, "manifest": None, "aside": True}
    assert summary.written and not aside.exists()
    assert "654" in get_assistant(index).ask(QUESTION).answer


def test_two_replicas_take_up_each_new_index_with_no_restart_and_no_failed_question(index, tmp_path,
                                                                                      embedder):
    figures = ["321", "654", "987"]
    until = time.time() + 420
    command = [sys.executable, "-c", REPLICA, str(index), QUESTION, ",".join(figures), str(until)]
    replicas = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
                for _ in range(2)]
    try:
        for replica in replicas:  # both answer from the first index before the next build swaps it
            first = replica.stdout.readline()
            assert first and json.loads(first) == {"now": "321"}, first or replica.stderr.read()
        for figure in figures[1:]:
            write_report(tmp_path / "corpus", figure)
            assert build_index(tmp_path / "corpus", index, embedder=embedder).written
            time.sleep(1.0)  # a few questions on this index
        outputs = [replica.communicate(timeout=max(1.0, until - time.time()))[0] for replica in replicas]
        results = [json.loads(out.splitlines()[-1]) for out in outputs]
    finally:
        for replica in replicas:
            if replica.poll() is None:
                replica.kill()
    for result in results:
        assert result["errors"] == []
        order = [value for value, _ in result["seen"]]
        assert order[0] == "321" and order[-1] == "987" and order == sorted(order, key=figures.index), order
