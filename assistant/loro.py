"""Leave-one-report-out: each report's items scored with what is fitted from data fitted without them.

Today the one number fitted from eval items is the answer threshold (the score a sentence needs
before the assistant answers). A threshold chosen on the items it is then scored on flatters
itself; here each report's items are answered with a threshold chosen on the other reports'
items only, so the result says what the threshold is worth on a report it has not seen.
"""
from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from assistant.metrics import ItemResult, score_item

REPORT_TAG = re.compile(r"^[rt]\d{2,3}$")
"""Eval tags naming a report: ``r000``… for corpus/, ``t01``… for evals/reports/."""
NOT_FOUND_REPLY: Mapping[str, Any] = {"found": False, "answer": "", "citations": []}
"""What a gated-off answer amounts to for scoring: no claim, nothing cited."""

AskFn = Callable[[dict], dict]


def reports_of(item: Mapping[str, Any]) -> list[str]:
    """The reports an item is about (``["none"]`` for items about no report)."""
    return [t for t in item.get("tags") or [] if REPORT_TAG.match(t)] or ["none"]


@dataclass(frozen=True)
class Outcome:
    """One item as the threshold sees it: its score, and its verdict answered and unanswered."""

    confidence: float | None
    if_answered: ItemResult
    if_withheld: ItemResult

    def passed_at(self, threshold: float) -> bool:
        answered = self.if_answered.found and self.confidence is not None and self.confidence >= threshold
        return (self.if_answered if answered else self.if_withheld).passed


def outcome(item: Mapping[str, Any], ungated_reply: Mapping[str, Any]) -> Outcome:
    """An item's ``Outcome`` from the reply of an assistant that answers whatever fits (no threshold)."""
    return Outcome(ungated_reply.get("confidence"), score_item(item, ungated_reply),
                   score_item(item, NOT_FOUND_REPLY))


def fit_threshold(outcomes: Sequence[Outcome], prior: float) -> float:
    """The threshold that passes the most items; among equals, the one nearest ``prior``.

    Only the scores of answered items can change a verdict, so they (and +inf, never answering)
    are the candidates. The tie-break keeps the fitted value stable where the data cannot decide.
    """
    candidates = sorted({o.confidence for o in outcomes if o.if_answered.found and o.confidence is not None})
    candidates.append(math.inf)

    def merit(t: float) -> tuple[int, float]:
        return sum(o.passed_at(t) for o in outcomes), -abs(t - prior)
    return max(candidates, key=merit)


def leave_one_report_out(items: Sequence[dict], ungated: AskFn, gated: Callable[[float], AskFn],
                         prior: float) -> tuple[list[tuple[dict, dict]], dict[str, float]]:
    """Each item answered with a threshold fitted on the items of the other reports.

    An item about several reports is scored once, in the fold of its first report, and that
    fold's threshold is fitted without any item that shares one of its reports. Returns the
    (item, reply) pairs and the threshold fitted for each fold.
    """
    outcomes = {item["id"]: outcome(item, ungated(item)) for item in items}
    folds: dict[str, list[dict]] = {}
    for item in items:
        folds.setdefault(reports_of(item)[0], []).append(item)
    replies: list[tuple[dict, dict]] = []
    thresholds: dict[str, float] = {}
    for report, held_out in sorted(folds.items()):
        training = [outcomes[i["id"]] for i in items if report not in reports_of(i)]
        thresholds[report] = fit_threshold(training, prior)
        ask = gated(thresholds[report])
        replies += [(item, ask(item)) for item in held_out]
    return replies, thresholds
