"""Leave-one-report-out and the reliability table, on hand-made replies (pure logic, no model)."""
from __future__ import annotations

import math

from assistant.loro import fit_threshold, leave_one_report_out, outcome, reports_of
from assistant.metrics import reliability


def _item(id_: str, report: str, answerable: bool = True) -> dict:
    return {"id": id_, "question": "?", "answers": ["42"] if answerable else [], "evidence": [],
            "answerable": answerable, "tags": [report]}


def _reply(found: bool, answer: str, confidence: float | None) -> dict:
    return {"found": found, "answer": answer, "citations": [], "confidence": confidence}


def test_the_fitted_threshold_separates_right_answers_from_false_ones():
    outcomes = [outcome(_item("a", "r000"), _reply(True, "42", 0.9)),
                outcome(_item("b", "r000"), _reply(True, "42", 0.7)),
                outcome(_item("c", "r001", answerable=False), _reply(True, "7", 0.5)),
                outcome(_item("d", "r001", answerable=False), _reply(True, "7", 0.3))]
    assert fit_threshold(outcomes, prior=0.45) == 0.7


def test_with_only_false_answers_the_threshold_never_answers():
    outcomes = [outcome(_item("c", "r001", answerable=False), _reply(True, "7", 0.5))]
    assert fit_threshold(outcomes, prior=0.45) == math.inf


def test_ties_keep_the_value_nearest_the_prior():
    outcomes = [outcome(_item("a", "r000"), _reply(True, "42", 0.9)),
                outcome(_item("c", "r001", answerable=False), _reply(True, "7", 0.5)),
                outcome(_item("b", "r000"), _reply(True, "42", 0.3))]
    assert fit_threshold(outcomes, prior=0.45) == 0.3  # 0.3 and 0.9 both pass two items
    assert fit_threshold(outcomes, prior=0.8) == 0.9
    unanswered = [outcome(_item("a", "r000", answerable=False), _reply(False, "", 0.9))]
    assert fit_threshold(unanswered, prior=0.45) == math.inf  # nothing answered: nothing to fit


def test_each_report_is_scored_with_a_threshold_fitted_without_its_items():
    items = [_item("a", "r000"), _item("b", "r000"), _item("c", "r001", answerable=False),
             {**_item("x", "r001"), "tags": ["r001", "r000"]}]
    scores = {"a": 0.9, "b": 0.8, "c": 0.85, "x": 0.6}
    answers = {"a": "42", "b": "42", "c": "7", "x": "42"}

    def ungated(item: dict) -> dict:
        return _reply(True, answers[item["id"]], scores[item["id"]])

    asked_with: dict[str, float] = {}

    def gated(threshold: float):
        def ask(item: dict) -> dict:
            asked_with[item["id"]] = threshold
            s = scores[item["id"]]
            return _reply(s >= threshold, answers[item["id"]] if s >= threshold else "", s)
        return ask

    replies, thresholds = leave_one_report_out(items, ungated, gated, prior=0.45)
    assert sorted(i["id"] for i, _ in replies) == ["a", "b", "c", "x"]  # each item once
    # r000's fold sees only "c" ("x" is about r000 too): a false answer at 0.85, so it answers above that
    assert thresholds["r000"] > 0.85 or math.isinf(thresholds["r000"])
    # r001's fold sees only a and b (both right): any threshold up to 0.8 keeps them, nearest the prior
    assert thresholds["r001"] == 0.8
    assert asked_with["c"] == 0.8 and asked_with["x"] == 0.8
    assert reports_of({"tags": ["vi", "number"]}) == ["none"]


def test_reliability_bins_hold_equal_numbers_of_answers():
    scored = [(i / 20, i >= 10) for i in range(20)]
    bins = reliability(scored)
    assert len(bins) == 10 and all(b["n"] == 2 for b in bins)
    assert [b["correct"] for b in bins] == [0.0] * 5 + [1.0] * 5
    assert bins[0]["low"] == 0.0 and bins[-1]["high"] == 0.95
    assert reliability([(None, True)]) == []
    assert len(reliability([(0.5, True), (0.6, False)])) == 2
