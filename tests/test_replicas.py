"""Replicas answering from one index folder while ``index`` swaps it: no restart, no failed question.

A replica is any process that answers through ``get_assistant`` (``serve``, ``ask``, the API): it
holds nothing but what it loaded from the folder, so any number can share one read-only folder
behind a load balancer (docs/scaling-out.md). The last test runs two real ``serve`` processes and
asks both over HTTP (the ``/ask`` API) while three builds swap the folder.
"""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import httpx
import pytest

from assistant import answer, store
from assistant.answer import get_assistant
from assistant.indexer import build_index
from assistant.store import IndexDamaged, load_index, read_manifest, write_index, writer_lock

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
QUESTION = "Cà Mau duy trì bao nhiêu mô hình?"
REPORT = "Cà Mau, ngày 15/12/2024. Toàn tỉnh Cà Mau duy trì {} mô hình tự quản về an ninh trật tự.\n"
REPLICA_START_S = 240
"""How long a ``serve`` process may take to answer its first request (Gradio's import and start on
two busy cores: 20-60 s measured)."""
TAKE_UP_S = 120
"""How long both replicas may take to answer from a new index after the build that swapped it in."""


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


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Asker(threading.Thread):
    """A client of one replica asking the question over and over: which figure each answer gave, and
    every request that failed (what this test is about)."""

    def __init__(self, url: str, figures: list[str]) -> None:
        super().__init__(daemon=True)
        self.url, self.figures = url, figures
        self.seen: list[str] = []
        self.errors: list[str] = []
        self.stop = threading.Event()

    def run(self) -> None:
        from gradio_client import Client

        client = Client(self.url, verbose=False)
        while not self.stop.is_set():
            try:
                reply = client.predict(QUESTION, api_name="/ask")["answer"]
                value = next((f for f in self.figures if f in reply), "other")
            except Exception as exc:  # noqa: BLE001 - any failed request is what this test counts
                self.errors.append(repr(exc)[:300])
                value = "error"
            if not self.seen or self.seen[-1] != value:
                self.seen.append(value)
            time.sleep(0.05)


def _wait_until_up(url: str, process: subprocess.Popen, until: float) -> None:
    while time.time() < until:
        if process.poll() is not None:
            raise AssertionError(f"serve exited: {process.stderr.read()[-2000:]}")
        try:
            if httpx.get(url, timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{url} did not start within {REPLICA_START_S} s")


def _wait_for(askers: list[Asker], figure: str) -> None:
    until = time.time() + TAKE_UP_S
    while time.time() < until and not all(a.seen and a.seen[-1] == figure for a in askers):
        time.sleep(0.1)


def test_two_serve_replicas_take_up_each_new_index_with_no_restart_and_no_failed_request(index, tmp_path,
                                                                                          embedder):
    figures = ["321", "654", "987"]
    ports = [_free_port(), _free_port()]
    replicas = [subprocess.Popen([sys.executable, "-m", "assistant", "serve", "--index", str(index), "--corpus",
                                  str(tmp_path / "corpus"), "--port", str(port)],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=ROOT)
                for port in ports]
    askers = [Asker(f"http://127.0.0.1:{port}/", figures) for port in ports]
    try:
        until = time.time() + REPLICA_START_S
        for port, replica in zip(ports, replicas, strict=True):
            _wait_until_up(f"http://127.0.0.1:{port}/", replica, until)
        for asker in askers:
            asker.start()
        _wait_for(askers, "321")  # both answer from the first index before the next build swaps it
        for figure in figures[1:]:
            write_report(tmp_path / "corpus", figure)
            assert build_index(tmp_path / "corpus", index, embedder=embedder).written
            _wait_for(askers, figure)
    finally:
        for asker in askers:
            asker.stop.set()
            asker.join(timeout=60)
        for replica in replicas:
            replica.terminate()
            replica.wait(timeout=30)
    for asker in askers:
        assert asker.errors == []
        assert asker.seen == figures, asker.seen  # each index in turn, each on the next question
