"""The evaluator's metrics, as pure functions over eval items and ``ask --json`` replies.

Nothing here runs the assistant; ``assistant.evaluate`` does that and calls these.

* ``answer_matches``: one of the item's ``answers`` stands in the reply's answer, both compared
  in ``answer_key`` form (NFC, tone marks re-placed, case-folded, separators inside numbers
  dropped, so "1.000" == "1000" and "7,39%" == "7.39%"). An expected string must stand as a
  whole token run: "18" does not match inside "2018", nor "1/8/2013" inside "01/8/2013".
* ``evidence_rank``: the 1-based rank of the first citation whose text holds one of the
  item's ``evidence`` strings, both in ``canonical`` form with whitespace collapsed.
* ``score_item``: one item's verdict. An answerable item passes when ``found`` is true, the
  answer matched and a cited passage holds the evidence; an unanswerable one when ``found``
  is false.
* ``aggregate`` / ``by_tag`` / ``by_split``: the contract's metrics over a group; every rate
  is ``None`` when its group is empty, never a division by zero.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from assistant.text import answer_key, canonical

_SPACE = re.compile(r"\s+")


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


def _contains_as_unit(haystack: str, needle: str) -> bool:
    """``needle`` occurs in ``haystack`` and is not glued to a letter or digit on either side.

    The check applies only on a side where the needle itself ends in a letter or digit, so
    "7,39%" still matches "7,39%)" and "(2013 – 2023" matches "(2013 – 2023)".
    """
    if not needle:
        return False
    start = haystack.find(needle)
    while start != -1:
        end = start + len(needle)
        left_ok = not _is_word_char(needle[0]) or start == 0 or not _is_word_char(haystack[start - 1])
        right_ok = not _is_word_char(needle[-1]) or end == len(haystack) or not _is_word_char(haystack[end])
        if left_ok and right_ok:
            return True
        start = haystack.find(needle, start + 1)
    return False


def answer_matches(answer: str, answers: Sequence[str]) -> bool:
    """True when any expected answer stands in ``answer`` (contract comparison form)."""
    if not answer or not answers:
        return False
    key = answer_key(answer)
    return any(_contains_as_unit(key, answer_key(expected)) for expected in answers if expected.strip())


def _evidence_form(s: str) -> str:
    return _SPACE.sub(" ", canonical(s)).strip()


def evidence_rank(citation_texts: Sequence[str], evidence: Sequence[str]) -> int | None:
    """1-based rank of the first citation holding any evidence string; None when none does."""
    wanted = [_evidence_form(e) for e in evidence if e and e.strip()]
    if not wanted:
        return None
    for rank, text in enumerate(citation_texts, start=1):
        passage = _evidence_form(text or "")
        if any(w in passage for w in wanted):
            return rank
    return None


@dataclass
class ItemResult:
    id: str
    passed: bool
    reasons: list[str] = field(default_factory=list)
    answerable: bool = True
    found: bool = False
    answer_ok: bool | None = None  # None for unanswerable items
    evidence_rank: int | None = None
    latency_ms: float | None = None
    tags: list[str] = field(default_factory=list)
    split: str | None = None
    has_evidence: bool = True  # the item lists evidence (answerable items only)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _latency(response: Mapping[str, Any]) -> float | None:
    timings = response.get("timings_ms") or {}
    if not isinstance(timings, Mapping):
        return None
    value = timings.get("total")
    if value is None and timings:
        numeric = [v for v in timings.values() if isinstance(v, (int, float))]
        value = sum(numeric) if numeric else None
    try:
        return None if value is None else float(value)
    except (TypeError, ValueError):
        return None


def score_item(item: Mapping[str, Any], response: Mapping[str, Any]) -> ItemResult:
    """Score one reply (``ask --json`` object) against one eval item."""
    answerable = bool(item.get("answerable", True))
    found = response.get("found") is True
    answer = response.get("answer") or ""
    citations = response.get("citations") or []
    texts = [c.get("text") or "" for c in citations if isinstance(c, Mapping)]
    evidence = [e for e in (item.get("evidence") or []) if isinstance(e, str) and e.strip()]
    expected = [a for a in (item.get("answers") or []) if isinstance(a, str) and a.strip()]
    reasons: list[str] = []
    answer_ok: bool | None = None
    rank: int | None = None

    if answerable:
        answer_ok = answer_matches(answer, expected)
        rank = evidence_rank(texts, evidence) if evidence else None
        if not found:
            reasons.append("found is false for an answerable question")
        if not expected:
            reasons.append("the item lists no expected answers")
        elif not answer_ok:
            reasons.append("the answer contains none of: " + " | ".join(expected))
        if evidence and rank is None:
            reasons.append(f"no cited passage ({len(texts)} cited) holds the evidence")
        passed = found and bool(answer_ok) and (rank is not None or not evidence)
    else:
        if found:
            reasons.append("answered (found is true) a question the reports do not answer")
        passed = not found

    return ItemResult(id=str(item.get("id")), passed=passed, reasons=reasons, answerable=answerable,
                      found=found, answer_ok=answer_ok, evidence_rank=rank, latency_ms=_latency(response),
                      tags=list(item.get("tags") or []), split=item.get("split"),
                      has_evidence=bool(evidence) if answerable else False)


def _rate(hits: int, total: int) -> float | None:
    return hits / total if total else None


def percentile(values: Iterable[float], q: float) -> float | None:
    """The q-th percentile (0–100) by linear interpolation between closest ranks; None if empty."""
    data = sorted(float(v) for v in values)
    if not data:
        return None
    if len(data) == 1:
        return data[0]
    pos = (len(data) - 1) * q / 100.0
    low = int(pos)
    high = min(low + 1, len(data) - 1)
    return data[low] + (data[high] - data[low]) * (pos - low)


def aggregate(results: Sequence[ItemResult]) -> dict[str, Any]:
    """The contract's metrics over ``results``; rates are None for an empty group.

    ``answer_accuracy``: answerable items with ``found`` true and a matching answer.
    ``evidence_recall_at_k`` / ``mrr``: over answerable items that list evidence; rank is
    the first citation holding it (reciprocal rank 0 when none does).
    ``unanswerable_accuracy`` / ``false_answer_rate``: unanswerable items answered with
    ``found`` false / true (they sum to 1).
    """
    answerable = [r for r in results if r.answerable]
    unanswerable = [r for r in results if not r.answerable]
    with_evidence = [r for r in answerable if r.has_evidence]
    latencies = [r.latency_ms for r in results if r.latency_ms is not None]
    return {
        "n": len(results),
        "n_answerable": len(answerable),
        "n_unanswerable": len(unanswerable),
        "passed": sum(r.passed for r in results),
        "pass_rate": _rate(sum(r.passed for r in results), len(results)),
        "answer_accuracy": _rate(sum(bool(r.found and r.answer_ok) for r in answerable), len(answerable)),
        "evidence_recall_at_k": _rate(sum(r.evidence_rank is not None for r in with_evidence),
                                      len(with_evidence)),
        "mrr": (sum(1.0 / r.evidence_rank for r in with_evidence if r.evidence_rank)
                / len(with_evidence)) if with_evidence else None,
        "found_rate_answerable": _rate(sum(r.found for r in answerable), len(answerable)),
        "unanswerable_accuracy": _rate(sum(not r.found for r in unanswerable), len(unanswerable)),
        "false_answer_rate": _rate(sum(r.found for r in unanswerable), len(unanswerable)),
        "latency_ms_p50": percentile(latencies, 50),
        "latency_ms_p95": percentile(latencies, 95),
    }


def _grouped(results: Sequence[ItemResult], keys) -> dict[str, dict[str, Any]]:
    groups: dict[str, list[ItemResult]] = {}
    for r in results:
        for key in keys(r):
            groups.setdefault(key, []).append(r)
    return {key: aggregate(groups[key]) for key in sorted(groups)}


def by_tag(results: Sequence[ItemResult]) -> dict[str, dict[str, Any]]:
    """``aggregate`` per tag; an item with several tags counts in each (once per tag)."""
    return _grouped(results, lambda r: dict.fromkeys(r.tags))


def by_split(results: Sequence[ItemResult]) -> dict[str, dict[str, Any]]:
    """``aggregate`` per split; items without a split count as "test" (the contract's default)."""
    return _grouped(results, lambda r: [r.split or "test"])


def reliability(scored: Iterable[tuple[float | None, bool]], bins: int = 10) -> list[dict[str, Any]]:
    """Share of right answers per score decile, over answered items: does a high score mean right?

    ``scored`` holds each answered item's confidence and whether it passed. Bins hold equal
    numbers of items (deciles of the scores, not of the score range), so each share rests on as
    many items as the others; fewer items than bins give one bin per item.
    """
    pairs = sorted((float(c), ok) for c, ok in scored if c is not None)
    if not pairs:
        return []
    count = min(bins, len(pairs))
    out = []
    for b in range(count):
        part = pairs[b * len(pairs) // count:(b + 1) * len(pairs) // count]
        out.append({"low": part[0][0], "high": part[-1][0], "n": len(part),
                    "correct": sum(ok for _, ok in part) / len(part)})
    return out
