"""An index build runs niced (``BuildSettings.nice``), so questions answered beside it keep their cores."""
from __future__ import annotations

import os
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from assistant import cli, indexer
from assistant.indexer import BuildSummary, build_niced, lower_priority
from assistant.settings import BuildSettings, SettingError
from ui import backend as ui_backend


def _niceness() -> int:
    return os.getpriority(os.PRIO_PROCESS, 0)  # the calling thread's, on Linux


def _in_thread(fn):
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(fn).result()


def test_lowering_raises_only_the_calling_threads_niceness_and_never_lowers_it():
    before = _niceness()  # 10 when an earlier test ran the index command in this process
    if before > 14:
        pytest.skip(f"this process already runs at niceness {before}")

    def lower_twice() -> tuple[int, int]:
        lower_priority(before + 5)
        raised = _niceness()
        lower_priority(before + 1)  # asking for less is a no-op, not an error
        return raised, _niceness()

    assert _in_thread(lower_twice) == (before + 5, before + 5)
    assert _niceness() == before


def test_a_niced_build_runs_in_its_own_thread_and_its_errors_reach_the_caller():
    before = _niceness()
    if before > 16:
        pytest.skip(f"this process already runs at niceness {before}")
    seen = build_niced(lambda: (threading.current_thread().name, _niceness()), before + 3)
    assert seen[0].startswith("index-build") and seen[1] == before + 3
    assert _niceness() == before

    def fails() -> None:
        raise indexer.ReportError("corpus folder x does not exist")

    with pytest.raises(indexer.ReportError, match="does not exist"):
        build_niced(fails, before + 3)


def test_an_upload_in_the_chat_rebuilds_niced(monkeypatch, tmp_path):
    monkeypatch.setenv("ASSISTANT_BUILD_NICE", "19")
    seen = []
    monkeypatch.setattr(ui_backend, "build_index", lambda *a, **k: seen.append(_niceness()) or BuildSummary())
    before = _niceness()
    ui_backend.Backend(tmp_path / "index", tmp_path / "corpus").update_index()
    assert seen == [max(before, 19)] and _niceness() == before


def test_the_index_command_nices_itself_first(monkeypatch, tmp_path):
    calls = []
    monkeypatch.setattr(indexer, "lower_priority", lambda nice: calls.append(("nice", nice)))
    monkeypatch.setattr(indexer, "build_index", lambda *a, **k: calls.append(("build",)) or BuildSummary())
    monkeypatch.setenv("ASSISTANT_BUILD_NICE", "7")
    assert cli.main(["index", "--corpus", str(tmp_path), "--index", str(tmp_path / "index")]) == 0
    assert calls == [("nice", 7), ("build",)]


@pytest.mark.parametrize("value", ["20", "-1", "high"])
def test_a_bad_niceness_is_refused_in_one_line(monkeypatch, value, tmp_path, capsys):
    monkeypatch.setenv("ASSISTANT_BUILD_NICE", value)
    with pytest.raises(SettingError, match="ASSISTANT_BUILD_NICE must be a whole number from 0 to 19"):
        BuildSettings()
    monkeypatch.setattr(indexer, "build_index", lambda *a, **k: pytest.fail("must not build"))
    assert cli.main(["index", "--corpus", str(tmp_path), "--index", str(tmp_path / "index")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1
