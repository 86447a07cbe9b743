"""Quality guard: the `test` and `transfer` splits must not fall below the floors in evals/floors.json.

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


@pytest.fixture(scope="module")
def transfer_summary(tmp_path_factory, embedder) -> dict:
    """`eval --split transfer,cross --loro` as the command runs it, over an index of evals/reports/ built here."""
    from assistant.evaluate import CROSS_QA, OURS, TRANSFER_CORPUS, TRANSFER_QA, Suite, evaluate, tables_for

    index = tmp_path_factory.mktemp("transfer") / "index"
    suites = [Suite(ROOT / qa, ROOT / TRANSFER_CORPUS, index, (split,), own_index=True)
              for split, qa in (("transfer", TRANSFER_QA), ("cross", CROSS_QA))]
    summaries, _ = evaluate(suites, compare=False, loro=True)
    print(tables_for(OURS, summaries[OURS]))
    return summaries[OURS]


@pytest.mark.parametrize("split, metric", [(split, metric) for split in ("transfer", "cross")
                                           for metric in sorted(FLOORS.get(split, {}))])
def test_held_out_splits_stay_above_their_floors(transfer_summary, split, metric):
    measured = transfer_summary["by_split"][split][metric]
    assert measured >= FLOORS[split][metric], f"{split} {metric} fell to {measured:.3f}"


def test_loro_scores_every_transfer_item_with_a_threshold_fitted_per_report(transfer_summary):
    loro = transfer_summary["loro"]
    assert loro["metrics"]["n"] == transfer_summary["metrics"]["n"]
    folds = loro["thresholds"][str(ROOT / "evals" / "transfer.jsonl")]
    assert {f"t0{i}" for i in range(1, 9)} <= set(folds)
    assert transfer_summary["reliability"]["transfer"], "no reliability bins for the transfer split"
