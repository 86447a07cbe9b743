"""Leave-one-report-out: each report's items scored with what is fitted from data fitted without them.

What is fitted from data is the answer scorer: its weights and its threshold (``assistant.train``).
A scorer fitted on the items it is then scored on flatters itself; here each report's items are
answered by a scorer refitted without any training question about that report (its dev items and
the questions generated from its facts), threshold included, so the result says what the scorer is
worth on a report it has not seen. The fitting itself is a hook (``fit``): this module only folds.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from assistant.metrics import ItemResult, score_item

REPORT_TAG = re.compile(r"^[rdt]\d{2,3}$")
"""Eval tags naming a report: ``r000``… for corpus/, ``d01``… for evals/dev_reports/, ``t01``… for
evals/reports/."""
NOT_FOUND_REPLY: Mapping[str, Any] = {"found": False, "answer": "", "citations": []}
"""What a gated-off answer amounts to for scoring: no claim, nothing cited."""

AskFn = Callable[[dict], dict]


def reports_of(item: Mapping[str, Any]) -> list[str]:
    """The reports an item is about (``["none"]`` for items about no report)."""
    return [t for t in item.get("tags") or [] if REPORT_TAG.match(t)] or ["none"]


@dataclass(frozen=True)
class Outcome:
    """One item as a threshold sees it: its confidence, and its verdict answered and unanswered."""

    confidence: float | None
    if_answered: ItemResult
    if_withheld: ItemResult

    def passed_at(self, threshold: float) -> bool:
        answered = self.if_answered.found and self.confidence is not None and self.confidence >= threshold
        return (self.if_answered if answered else self.if_withheld).passed


def outcome(item: Mapping[str, Any], ungated_reply: Mapping[str, Any]) -> Outcome:
    """An item's ``Outcome`` from the reply of an assistant that answers whatever it can (no threshold)."""
    return Outcome(ungated_reply.get("confidence"), score_item(item, ungated_reply),
                   score_item(item, NOT_FOUND_REPLY))


Fitted = TypeVar("Fitted")


def leave_one_report_out(items: Sequence[dict], fit: Callable[[str], Fitted], ask_with: Callable[[Fitted], AskFn],
                         ) -> tuple[list[tuple[dict, dict]], dict[str, Fitted]]:
    """Each item answered by what ``fit(report)`` fits without the training data about ``report``.

    An item about several reports is scored once, in the fold of its first report. Returns the
    (item, reply) pairs and what was fitted for each fold.
    """
    folds: dict[str, list[dict]] = {}
    for item in items:
        folds.setdefault(reports_of(item)[0], []).append(item)
    replies: list[tuple[dict, dict]] = []
    fitted: dict[str, Fitted] = {}
    for report, held_out in sorted(folds.items()):
        fitted[report] = fit(report)
        ask = ask_with(fitted[report])
        replies += [(item, ask(item)) for item in held_out]
    return replies, fitted
