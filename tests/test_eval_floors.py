"""Quality guard: the eval set's `test` split must not fall below the floors in evals/floors.json.

The floors are the values measured when they were last raised; raise them when the system
improves, and never lower them without saying why in the commit.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.evaluate import assistant_ask, load_items, run
from assistant.metrics import aggregate

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
FLOORS = json.loads((ROOT / "evals" / "floors.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def test_split_metrics(seed_assistant) -> dict:
    results, _ = run(load_items(ROOT / "evals" / "qa.jsonl", "test"), assistant_ask(seed_assistant))
    return aggregate(results)


@pytest.mark.parametrize("metric", sorted(FLOORS["test"]))
def test_metric_stays_above_its_floor(test_split_metrics, metric):
    assert test_split_metrics[metric] >= FLOORS["test"][metric], \
        f"{metric} fell to {test_split_metrics[metric]:.3f} (floor {FLOORS['test'][metric]})"
