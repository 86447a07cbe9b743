"""Run an eval set through one or more configurations and report metrics side by side.

Metrics are pure functions in ``assistant.metrics``; this module runs questions, prints
tables and writes each run (JSON, Markdown, a bar chart) under ``evals/runs/``.
"""
from __future__ import annotations

import json
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable

from assistant.errors import UserFacingError
from assistant.metrics import ItemResult, aggregate, by_split, by_tag, score_item

AskFn = Callable[[dict], dict]
TABLE_METRICS = ("n", "answer_accuracy", "evidence_recall_at_k", "mrr", "unanswerable_accuracy",
                 "false_answer_rate", "latency_ms_p50", "latency_ms_p95")


def load_items(path: Path, split: str = "all") -> list[dict]:
    """The eval set's items; a malformed line is a one-line error naming the line."""
    if not path.exists():
        raise UserFacingError(f"eval set {path} does not exist")
    items = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except ValueError as exc:
            raise UserFacingError(f"{path}:{number}: not JSON ({exc.msg})") from None
        if not isinstance(item, dict) or not isinstance(item.get("question"), str) or "id" not in item:
            raise UserFacingError(f"{path}:{number}: an item needs at least 'id' and 'question'")
        if split == "all" or item.get("split", "test") == split:
            items.append(item)
    return items


def run(items: Iterable[dict], ask: AskFn) -> tuple[list[ItemResult], list[dict]]:
    """Ask every item; return the scored results and the per-item records for ``--json``."""
    results, records = [], []
    for item in items:
        response = ask(item)
        result = score_item(item, response)
        results.append(result)
        records.append({"id": item["id"], **{k: response.get(k) for k in
                                              ("question", "answer", "found", "citations", "timings_ms")},
                        "resolved_question": response.get("resolved_question"),
                        "passed": result.passed, "reasons": result.reasons, "split": item.get("split"),
                        "tags": item.get("tags", [])})
    return results, records


def assistant_ask(assistant) -> AskFn:
    def ask(item: dict) -> dict:
        return assistant.ask(item["question"], history=item.get("history") or []).to_json()
    return ask


def report(results: list[ItemResult]) -> dict:
    return {"metrics": aggregate(results), "by_split": by_split(results), "by_tag": by_tag(results)}


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


def tables_for(name: str, summary: dict) -> str:
    parts = [f"### {name}: overall and per split", "",
             table({"all": summary["metrics"], **summary["by_split"]}), "",
             f"### {name}: per tag", "", table(summary["by_tag"])]
    return "\n".join(parts)


def write_run(runs_dir: Path, summaries: dict[str, dict], records: dict[str, list[dict]], qa: Path) -> Path:
    """Write JSON, Markdown and a per-tag bar chart into a new folder under ``runs_dir``."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    folder = runs_dir / stamp
    suffix = 1
    while folder.exists():
        folder = runs_dir / f"{stamp}-{suffix}"
        suffix += 1
    folder.mkdir(parents=True)
    payload = {"qa": str(qa), "created": stamp, "configs": {
        name: {**summaries[name], "items": records[name]} for name in summaries}}
    (folder / "run.json").write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
    chart = folder / "per_tag_accuracy.png"
    _bar_chart(summaries, chart)
    md = [f"# Eval run {stamp}", "", f"Eval set: `{qa}`", "",
          "## Side by side", "", table({n: s["metrics"] for n, s in summaries.items()}), ""]
    for name, summary in summaries.items():
        md += [tables_for(name, summary), ""]
    md += ["## Per-tag pass rate", "", f"![per-tag pass rate]({chart.name})", ""]
    (folder / "report.md").write_text("\n".join(md), encoding="utf-8")
    return folder


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


def configurations(index: Path, corpus: Path, compare: bool) -> dict[str, AskFn]:
    """Ours (hybrid), and with ``compare`` BM25 only, dense only and the naive baseline."""
    from assistant.answer import Assistant, get_assistant

    ours = get_assistant(index)
    configs: dict[str, AskFn] = {"hybrid (ours)": assistant_ask(ours)}
    if compare:
        from assistant.baseline import NaiveBaseline

        for mode in ("bm25", "dense"):
            configs[f"{mode} only"] = assistant_ask(Assistant(ours.data, mode=mode))
        naive = NaiveBaseline(corpus, ours.embedder)
        configs["naive baseline"] = lambda item: naive.ask(item["question"], item.get("history") or [])
    return configs


def run_cli(qa: Path, index: Path, as_json: bool, split: str, compare: bool,
            corpus: Path = Path("corpus"), runs_dir: Path | None = None) -> int:
    items = load_items(qa, split)
    if not items:
        raise UserFacingError(f"{qa}: no items (split {split})")
    summaries, records = {}, {}
    for name, ask in configurations(index, corpus, compare).items():
        results, recs = run(items, ask)
        summaries[name], records[name] = report(results), recs
    folder = write_run(runs_dir or qa.parent / "runs", summaries, records, qa)
    first = next(iter(summaries))
    if as_json:
        print(json.dumps({"metrics": summaries[first]["metrics"], "by_split": summaries[first]["by_split"],
                          "by_tag": summaries[first]["by_tag"], "items": records[first],
                          **({"compare": {n: s["metrics"] for n, s in summaries.items()}} if compare else {})},
                         ensure_ascii=False, indent=1))
    else:
        if compare:
            print("## Side by side\n")
            print(table({n: s["metrics"] for n, s in summaries.items()}))
            print()
        print(tables_for(first, summaries[first]))
        failed = [r for r in records[first] if not r["passed"]]
        if failed:
            print(f"\n{len(failed)} failing item(s): " + ", ".join(r["id"] for r in failed[:40]))
        print(f"\nrun written to {folder}", file=sys.stderr)
    return 0

