"""The benchmark script still runs end to end (1k synthetic chunks); timings are never asserted."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from synthetic import generate  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def test_synthetic_corpus_is_deterministic_and_plants_findable_facts():
    reports, facts = generate(200, seed=3)
    again, _ = generate(200, seed=3)
    assert [r.text for r in reports] == [r.text for r in again] and len(reports) == 20
    assert generate(200, seed=4)[0][0].text != reports[0].text
    for fact, report in zip(facts, reports):
        commune = fact.question.removeprefix("Xã ").removesuffix(" có bao nhiêu tổ tự quản?")
        assert f"Xã {commune} (huyện" in report.text and f"có {fact.answer} tổ tự quản" in report.text
    assert len({f.question for f in facts}) == len(facts)


@pytest.mark.slow
def test_smoke_run_writes_the_tables_and_answers_planted_facts(tmp_path):
    out = tmp_path / "RESULTS.md"
    proc = subprocess.run([sys.executable, "benchmarks/run.py", "--smoke", "--out", str(out)], cwd=ROOT,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    text = out.read_text(encoding="utf-8")
    assert "random unit vectors" in text and "cores" in text and "recall@10" in text
    _answered, asked, offered, _ = map(int, re.search(r"\| (\d+)/(\d+) \| (\d+)/(\d+) \|", text).groups())
    assert asked >= 20 and offered >= 0.8 * asked  # the planted facts are found at this size
