"""Leave-one-report-out and the reliability table, on hand-made replies (pure logic, no model)."""
from __future__ import annotations

from assistant.loro import leave_one_report_out, outcome, reports_of
from assistant.metrics import reliability


def _item(id_: str, report: str, answerable: bool = True) -> dict:
    return {"id": id_, "question": "?", "answers": ["42"] if answerable else [], "evidence": [],
            "answerable": answerable, "tags": [report]}


def _reply(found: bool, answer: str, confidence: float | None) -> dict:
    return {"found": found, "answer": answer, "citations": [], "confidence": confidence}


def test_an_outcome_says_what_answering_and_withholding_would_score():
    right = outcome(_item("a", "r000"), _reply(True, "42", 0.9))
    assert right.passed_at(0.5) and not right.passed_at(0.95)
    false = outcome(_item("c", "r001", answerable=False), _reply(True, "7", 0.5))
    assert not false.passed_at(0.4) and false.passed_at(0.6)


def test_each_report_is_answered_by_what_was_fitted_without_it():
    items = [_item("a", "r000"), _item("b", "r000"), _item("c", "r001", answerable=False),
             {**_item("x", "r001"), "tags": ["r001", "r000"]}, {**_item("n", "none"), "tags": ["vi"]}]
    fitted_for: list[str] = []
    asked_with: dict[str, str] = {}

    def fit(report: str) -> str:
        fitted_for.append(report)
        return f"scorer without {report}"

    def ask_with(scorer: str):
        def ask(item: dict) -> dict:
            asked_with[item["id"]] = scorer
            return _reply(True, "42", 0.9)
        return ask

    replies, fitted = leave_one_report_out(items, fit, ask_with)
    assert sorted(i["id"] for i, _ in replies) == ["a", "b", "c", "n", "x"]  # each item once
    assert fitted_for == ["none", "r000", "r001"] and set(fitted) == {"none", "r000", "r001"}
    assert asked_with == {"a": "scorer without r000", "b": "scorer without r000", "c": "scorer without r001",
                          "x": "scorer without r001", "n": "scorer without none"}  # x: its first report
    assert reports_of({"tags": ["vi", "number"]}) == ["none"]


def test_reliability_bins_hold_equal_numbers_of_answers():
    scored = [(i / 20, i >= 10) for i in range(20)]
    bins = reliability(scored)
    assert len(bins) == 10 and all(b["n"] == 2 for b in bins)
    assert [b["correct"] for b in bins] == [0.0] * 5 + [1.0] * 5
    assert bins[0]["low"] == 0.0 and bins[-1]["high"] == 0.95
    assert reliability([(None, True)]) == []
    assert len(reliability([(0.5, True), (0.6, False)])) == 2
