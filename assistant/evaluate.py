"""Run eval sets through one or more configurations and report metrics side by side.

An eval run asks one or more suites: an eval file and the reports its questions are about,
each against the index of those reports (``evals/qa.jsonl`` over ``corpus/``; the transfer set
``evals/transfer.jsonl`` over ``evals/reports/`` and the dev reports' ``evals/dev_docs.jsonl`` over
``evals/dev_reports/``, whose indexes the eval builds for itself).
Metrics are pure functions in ``assistant.metrics``; this module runs questions, prints
tables and writes each run (JSON, Markdown, charts) under ``evals/runs/``.
"""
from __future__ import annotations

import json
import math
import sys
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable

from assistant.errors import UserFacingError
from assistant.evalset import load_items
from assistant.metrics import ItemResult, aggregate, by_split, by_tag, reliability, score_item

AskFn = Callable[[dict], dict]
TABLE_METRICS = ("n", "answer_accuracy", "evidence_recall_at_k", "mrr", "unanswerable_accuracy",
                 "false_answer_rate", "latency_ms_p50", "latency_ms_p95")
OURS = "hybrid (ours)"
SEED_QA = Path("evals/qa.jsonl")
TRANSFER_QA = Path("evals/transfer.jsonl")
CROSS_QA = Path("evals/cross.jsonl")
"""Questions across the evaluation reports (comparisons, superlatives, totals), held out like transfer."""
TRANSFER_CORPUS = Path("evals/reports")
TRANSFER_INDEX = Path("evals/index")
"""The transfer reports' own index (git-ignored), refreshed by each run that asks the transfer split."""
DEV_DOCS_QA = Path("evals/dev_docs.jsonl")
"""Dev questions over the dev reports: official documents (headers, tables, signatures), tuned on."""
DEV_DOCS_CORPUS = Path("evals/dev_reports")
DEV_DOCS_INDEX = Path("evals/dev_index")
"""The dev reports' own index (git-ignored), refreshed by each run that asks the dev split."""
SEED_SPLITS = ("dev", "test")
HELD_OUT_SPLITS = ("transfer", "cross")
"""Splits over the evaluation reports: never tuned on, so their failures are not listed (only run.json has them)."""
SPLITS = ("dev", "test", *HELD_OUT_SPLITS, "all")
"""``all`` is every item of the eval file (the contract's default: all of ``evals/qa.jsonl``)."""


@dataclass(frozen=True)
class Suite:
    """An eval file asked against the index of the reports its questions are about."""

    qa: Path
    corpus: Path
    index: Path
    splits: tuple[str, ...] | None
    """Item splits to ask; None asks every item of the file."""
    own_index: bool = False
    """The eval builds and refreshes this index itself (the transfer reports are never in corpus/)."""

    def items(self) -> list[dict]:
        items = load_items(self.qa, "all")
        return [i for i in items if self.splits is None or i.get("split", "test") in self.splits]


def suites_for(qa: Path | None, index: Path, corpus: Path, splits: Iterable[str]) -> list[Suite]:
    """The suites a run asks: an explicit ``qa`` file alone, else the seeds and/or the transfer set."""
    wanted = set(splits)
    if unknown := wanted - set(SPLITS):
        raise UserFacingError(f"unknown split {', '.join(sorted(unknown))}; choose from {', '.join(SPLITS)}")
    if qa is not None:
        return [Suite(qa, corpus, index, None if "all" in wanted else tuple(sorted(wanted)))]
    seeds = SEED_SPLITS if "all" in wanted else tuple(s for s in SEED_SPLITS if s in wanted)
    out = [Suite(SEED_QA, corpus, index, seeds)] if seeds else []
    if "dev" in seeds:
        out.append(Suite(DEV_DOCS_QA, DEV_DOCS_CORPUS, DEV_DOCS_INDEX, ("dev",), own_index=True))
    for split, qa_file in zip(HELD_OUT_SPLITS, (TRANSFER_QA, CROSS_QA), strict=True):
        if split in wanted:
            out.append(Suite(qa_file, TRANSFER_CORPUS, TRANSFER_INDEX, (split,), own_index=True))
    return out


def run(items: Iterable[dict], ask: AskFn) -> tuple[list[ItemResult], list[dict]]:
    """Ask every item; return the scored results and the per-item records for ``--json``."""
    results, records = [], []
    for item in items:
        response = ask(item)
        result, record = scored(item, response)
        results.append(result)
        records.append(record)
    return results, records


def scored(item: dict, response: dict) -> tuple[ItemResult, dict]:
    """One reply's verdict and its ``--json`` record."""
    result = score_item(item, response)
    record = {"id": item["id"], **{k: response.get(k) for k in
                                  ("question", "answer", "found", "citations", "timings_ms")},
              "resolved_question": response.get("resolved_question"), "confidence": response.get("confidence"),
              "passed": result.passed, "reasons": result.reasons, "split": item.get("split"),
              "tags": item.get("tags", [])}
    return result, record


def assistant_ask(assistant) -> AskFn:
    def ask(item: dict) -> dict:
        return assistant.ask(item["question"], history=item.get("history") or []).to_json()
    return ask


def report(results: list[ItemResult]) -> dict:
    return {"metrics": aggregate(results), "by_split": by_split(results), "by_tag": by_tag(results)}


def reliability_by_split(records: list[dict]) -> dict[str, list[dict]]:
    """Share of right answers per confidence decile, over each split's answered items."""
    splits = sorted({r.get("split") or "test" for r in records})
    return {split: reliability([(r.get("confidence"), r["passed"]) for r in records
                                if r["found"] and (r.get("split") or "test") == split]) for split in splits}


def _fmt(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.3f}" if value <= 1.0 else f"{value:.1f}"
    return str(value)


def table(rows: dict[str, dict], metrics: Iterable[str] = TABLE_METRICS) -> str:
    """A Markdown table: one row per name, one column per metric."""
    metrics = list(metrics)
    lines = ["| | " + " | ".join(metrics) + " |", "|---|" + "---|" * len(metrics)]
    for name, values in rows.items():
        lines.append(f"| {name} | " + " | ".join(_fmt(values.get(m)) for m in metrics) + " |")
    return "\n".join(lines)


def split_rows(summary: dict) -> dict[str, dict]:
    """All items, each split, and each split's leave-one-report-out result where it was run."""
    rows = {"all": summary["metrics"], **summary["by_split"]}
    for split, metrics in (summary.get("loro") or {}).get("by_split", {}).items():
        rows[f"{split} (LORO)"] = metrics
    return rows


def tables_for(name: str, summary: dict) -> str:
    parts = [f"### {name}: overall and per split", "", table(split_rows(summary)), "",
             f"### {name}: per tag", "", table(summary["by_tag"])]
    if summary.get("loro"):
        fitted = "; ".join(f"{suite}: " + ", ".join(f"{r} {_threshold(t)}" for r, t in folds.items())
                           for suite, folds in summary["loro"]["thresholds"].items())
        parts += ["", f"LORO thresholds fitted per held-out report: {fitted}"]
    return "\n".join(parts)


def _threshold(value: float) -> str:
    return "never answer" if math.isinf(value) else f"{value:.3f}"


def write_run(runs_dir: Path, summaries: dict[str, dict], records: dict[str, list[dict]], qa: Path | str) -> Path:
    """Write JSON, Markdown, a per-tag bar chart and a reliability plot into a new folder under ``runs_dir``."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    folder = runs_dir / stamp
    suffix = 1
    while folder.exists():
        folder = runs_dir / f"{stamp}-{suffix}"
        suffix += 1
    folder.mkdir(parents=True)
    payload = {"qa": str(qa), "created": stamp, "configs": {
        name: {**summaries[name], "items": records[name]} for name in summaries}}
    (folder / "run.json").write_text(json.dumps(payload, ensure_ascii=False, indent=1, default=_json_value),
                                     encoding="utf-8")
    chart = folder / "per_tag_accuracy.png"
    _bar_chart(summaries, chart)
    plot = folder / "reliability.png"
    _reliability_plot(summaries[next(iter(summaries))].get("reliability") or {}, plot)
    md = [f"# Eval run {stamp}", "", f"Eval set: `{qa}`", "",
          "## Side by side", "", table({n: s["metrics"] for n, s in summaries.items()}), "",
          "## Side by side, per split", "",
          table({f"{n}: {split}": m for n, s in summaries.items() for split, m in split_rows(s).items()}), ""]
    for name, summary in summaries.items():
        md += [tables_for(name, summary), ""]
    md += ["## Per-tag pass rate", "", f"![per-tag pass rate]({chart.name})", "",
           "## Reliability: share of right answers per confidence decile (answered items)", "",
           f"![reliability]({plot.name})", ""]
    (folder / "report.md").write_text("\n".join(md), encoding="utf-8")
    return folder


def _json_value(value):
    """``inf`` (a threshold that never answers) as a string, since JSON has no infinity."""
    return str(value)


def _bar_chart(summaries: dict[str, dict], path: Path) -> None:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    tags = sorted({t for s in summaries.values() for t in s["by_tag"]})
    width = 0.8 / max(1, len(summaries))
    fig, ax = plt.subplots(figsize=(max(8, len(tags) * 0.6), 4.5))
    for i, (name, summary) in enumerate(summaries.items()):
        values = [summary["by_tag"].get(t, {}).get("pass_rate") or 0.0 for t in tags]
        ax.bar(np.arange(len(tags)) + i * width, values, width, label=name)
    ax.set_xticks(np.arange(len(tags)) + width * (len(summaries) - 1) / 2, tags, rotation=60, ha="right")
    ax.set_ylim(0, 1)
    ax.set_ylabel("pass rate")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def _reliability_plot(by_split_bins: dict[str, list[dict]], path: Path) -> None:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6.5, 4.5))
    for split, bins in by_split_bins.items():
        if bins:
            ax.plot(range(1, len(bins) + 1), [b["correct"] for b in bins], marker="o",
                    label=f"{split} ({sum(b['n'] for b in bins)} answered)")
    ax.set_xlabel("confidence decile (1 = lowest scores)")
    ax.set_ylabel("share of answers that are right")
    ax.set_ylim(0, 1.05)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def configurations(index: Path, corpus: Path, compare: bool) -> dict[str, AskFn]:
    """Ours (hybrid), and with ``compare`` BM25 only, dense only and the naive baseline."""
    from assistant.answer import Assistant, get_assistant

    ours = get_assistant(index)
    configs: dict[str, AskFn] = {OURS: assistant_ask(ours)}
    if compare:
        from assistant.baseline import NaiveBaseline

        for mode in ("bm25", "dense"):
            configs[f"{mode} only"] = assistant_ask(Assistant(ours.data, mode=mode))
        naive = NaiveBaseline(corpus, ours.embedder)
        configs["naive baseline"] = lambda item: naive.ask(item["question"], item.get("history") or [])
    return configs


def loro_run(suite: Suite, items: list[dict]) -> tuple[list[ItemResult], dict[str, float]]:
    """Ours, leave-one-report-out: each report's items answered by a scorer refitted without that report.

    A report no training question is about (every transfer report) is answered by the shipped scorer:
    refitting without it would fit the same questions again. The training questions are those of
    ``python -m assistant train``, gathered over this suite's index (the reports they are about).
    Returns the scored items and each fold's threshold.
    """
    from assistant.answer import get_assistant
    from assistant.loro import leave_one_report_out
    from assistant.train import Trainer, training_questions

    ours = get_assistant(suite.index)
    trained_on = set(ours.scorer.provenance.get("groups") or [])
    trainers = []

    def fit(report: str):
        if report not in trained_on:
            return ours.scorer
        if not trainers:
            trainers.append(Trainer(ours, training_questions(ours.data, SEED_QA)))
        return trainers[0].fit(without=[report])

    def ask_with(scorer) -> AskFn:
        def ask(item: dict) -> dict:
            return ours.decide(ours.gather(item["question"], history=item.get("history") or []), scorer).to_json()
        return ask

    replies, fitted = leave_one_report_out(items, fit, ask_with)
    return [score_item(item, reply) for item, reply in replies], {r: s.threshold for r, s in fitted.items()}


def _ensure_own_index(suite: Suite) -> None:
    """Bring an eval's own index in line with its reports (incremental: quick when nothing changed)."""
    from assistant.indexer import build_index

    if not suite.corpus.is_dir():
        raise UserFacingError(f"the reports of {suite.qa} ({suite.corpus}) are missing")
    summary = build_index(suite.corpus, suite.index)
    for reason in summary.skipped:
        print(f"skipped: {reason}", file=sys.stderr)


def evaluate(suites: list[Suite], compare: bool, loro: bool) -> tuple[dict[str, dict], dict[str, list[dict]]]:
    """Every configuration over every suite: summaries (metrics per split and tag) and item records."""
    results: dict[str, list[ItemResult]] = {}
    records: dict[str, list[dict]] = {}
    loro_results: list[ItemResult] = []
    thresholds: dict[str, dict[str, float]] = {}
    for suite in suites:
        items = suite.items()
        if not items:
            raise UserFacingError(f"{suite.qa}: no items (split {', '.join(suite.splits or ('all',))})")
        if suite.own_index:
            _ensure_own_index(suite)
        for name, ask in configurations(suite.index, suite.corpus, compare).items():
            got, recs = run(items, ask)
            results.setdefault(name, []).extend(got)
            records.setdefault(name, []).extend(recs)
        if loro:
            held_out, thresholds[str(suite.qa)] = loro_run(suite, items)
            loro_results += held_out
    summaries = {name: report(got) for name, got in results.items()}
    summaries[OURS]["reliability"] = reliability_by_split(records[OURS])
    if loro:
        summaries[OURS]["loro"] = {"metrics": aggregate(loro_results), "by_split": by_split(loro_results),
                                   "thresholds": thresholds}
    return summaries, records


def run_cli(qa: Path | None, index: Path, as_json: bool, split: str, compare: bool, loro: bool = False,
            corpus: Path = Path("corpus"), runs_dir: Path | None = None) -> int:
    """``eval``: ``split`` is one split or a comma-separated list (``dev,test,transfer``)."""
    suites = suites_for(qa, index, corpus, [s.strip() for s in split.split(",") if s.strip()] or ["all"])
    summaries, records = evaluate(suites, compare, loro)
    named = qa or ", ".join(str(s.qa) for s in suites)
    folder = write_run(runs_dir or (qa.parent if qa else SEED_QA.parent) / "runs", summaries, records, named)
    ours = summaries[OURS]
    if as_json:
        print(json.dumps({"metrics": ours["metrics"], "by_split": ours["by_split"], "by_tag": ours["by_tag"],
                          "items": records[OURS], "reliability": ours["reliability"],
                          **({"loro": ours["loro"]} if loro else {}),
                          **({"compare": {n: s["metrics"] for n, s in summaries.items()}} if compare else {})},
                         ensure_ascii=False, indent=1, default=_json_value))
    else:
        if compare:
            print("## Side by side\n")
            print(table({n: s["metrics"] for n, s in summaries.items()}))
            print()
        print(tables_for(OURS, ours))
        # held-out failures stay in run.json: listing them here would invite tuning on them
        failed = [r for r in records[OURS] if not r["passed"] and r.get("split") not in HELD_OUT_SPLITS]
        if failed:
            print(f"\n{len(failed)} failing item(s): " + ", ".join(r["id"] for r in failed[:40]))
        print(f"\nrun written to {folder}", file=sys.stderr)
    return 0
