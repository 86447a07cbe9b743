"""Facts at ingest and at question time, from 10k to 1M chunks; prints a Markdown section for RESULTS.md.

    .venv/bin/python benchmarks/facts.py [--sizes 10k,1m] [--sample-chunks 10000]

Ingest: the real extractor (``extract_facts``, as a build runs it per report) over a synthetic
corpus of ``--sample-chunks`` chunks (benchmarks/synthetic.py): facts per second and chunks per
second, next to reading the same reports' chunks (``split_spans``) in the same run as the baseline.
Query time: a fact store of each size. Extraction is per report, so its rate does not depend on the
corpus size; above the sample, the sample's facts are repeated under new report ids (and provinces
rotated) to reach the size's fact count, labelled as such. Timed per size: building and saving the
SQLite file, ``facts`` listings (province; unit; province and year) and the comparison step of a
cross-report question (``answer_across``: lookup, one figure per province, comparability), both from
the build's ``candidates`` table and, for the ratio, ranked over every fact of the unit as before
facts format 3 (``WindowStore``); the two must give the same rows. The unit matching that precedes it
embeds one phrase, which costs what a query embedding costs (see the ask latency table); it is left
out here. Ratios are against the 10k size of the same run, and new against old in the same run.
"""
from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import machine, markdown_table, percentiles  # noqa: E402
from synthetic import PROVINCES, generate  # noqa: E402

from assistant.across import answer_across  # noqa: E402
from assistant.chunking import split_spans  # noqa: E402
from assistant.facts import Fact, extract_facts  # noqa: E402
from assistant.factstore import (  # noqa: E402
    FACTS_FILE,
    FUNCTION_WORDS,
    FactQuery,
    FactStore,
    StoredFact,
    _fact,
    unit_key,
)
from assistant.metadata import content_spans, extract_metadata  # noqa: E402
from assistant.settings import ChunkingSettings  # noqa: E402

ROUNDS = 30
"""Repetitions of each timed query: enough for a stable p95 at millisecond latencies."""
COMPARISON = "comparison (most)"
BEFORE = "comparison, window over all facts (before)"
UNIT = "mô hình tự phòng"
"""The unit the listings and the comparison ask for: the synthetic corpus's commonest counted unit."""


class WindowStore(FactStore):
    """The fact store with the comparison of facts format 2: one window per province over every fact
    of the asked units, at question time. Kept here only to measure the candidates table against it
    (and tests/test_across.py checks that both pick the same figures)."""

    def best_figures(self, units: Sequence[str], noun: str | None, words: Iterable[str],
                     year: int | None = None) -> dict[str, StoredFact]:
        if not units:
            return {}
        words = sorted(set(words) - FUNCTION_WORDS)
        overlap = " + ".join(["(instr(action_key, ?) > 0)"] * len(words)) or "0"
        noun_first = "(unit_key = ? OR substr(unit_key, 1, length(?) + 1) = ? || ' ')" if noun else "0"
        where = f"kind = 'quantity' AND scope != 'breakdown' AND province_key IS NOT NULL AND " \
                f"unit_key IN ({', '.join('?' * len(units))})"
        args: list = [*([noun] * 3 if noun else []), *(f" {w} " for w in words), *units]
        if year:
            where += " AND year_from <= ? AND year_to >= ?"
            args += [year, year]
        rows = self._rows(
            f"SELECT * FROM (SELECT *, row_number() OVER (PARTITION BY province_key ORDER BY "
            f"scope = 'total' DESC, {noun_first} DESC, ({overlap}) DESC, bound = 'exact' DESC, start, "
            f"doc_id) AS pick FROM facts WHERE {where}) WHERE pick = 1", args)
        return {row["province_key"]: StoredFact(row["doc_id"], _fact(row)) for row in rows}


def candidate_count(folder: Path) -> int:
    """Rows of the candidates table a build wrote: what a comparison ranks instead of every fact."""
    with sqlite3.connect(f"file:{folder / FACTS_FILE}?mode=ro", uri=True) as db:
        return int(db.execute("SELECT count(*) FROM candidates").fetchone()[0])


def parse_size(text: str) -> int:
    text = text.strip().lower()
    return int(float(text[:-1]) * {"k": 1_000, "m": 1_000_000}[text[-1]]) if text[-1] in "km" else int(text)


def ingest(sample_chunks: int) -> tuple[list[tuple[str, Fact]], dict[str, str], list]:
    """Extract the sample's facts for real; return them, each report's province and the timing rows."""
    reports, _ = generate(sample_chunks)
    prepared = []
    t0 = time.perf_counter()
    for r in reports:
        meta = extract_metadata(r.text).to_dict()
        spans = content_spans(r.text)
        prepared.append((r, meta, spans, split_spans(r.text, spans, ChunkingSettings())))
    chunking_s = time.perf_counter() - t0
    chunks = sum(len(p[3]) for p in prepared)
    t0 = time.perf_counter()
    facts = [(r.source, f) for r, meta, spans, _ in prepared for f in extract_facts(r.text, spans, meta)]
    extract_s = time.perf_counter() - t0
    province_of = {r.source: meta.get("province") for r, meta, _, _ in prepared}
    rows = [["metadata and chunking (baseline)", len(reports), chunks, "–", round(chunks / chunking_s),
             "–", 1.0],
            ["fact extraction", len(reports), chunks, len(facts), round(chunks / extract_s),
             round(len(facts) / extract_s), round(extract_s / chunking_s, 2)]]
    return facts, province_of, rows


def scaled(facts: list[tuple[str, Fact]], province_of: dict[str, str], target: int,
           ) -> tuple[Iterator[tuple[str, Fact]], dict[str, str]]:
    """``facts`` repeated under new report ids up to ``target`` facts, each copy's provinces rotated.

    The facts are yielded (a million-chunk store holds millions of them: never all in memory at once);
    the provinces of the new report ids are returned with them.
    """
    names, copies = list(PROVINCES), -(-target // len(facts))

    def rotated(province: str | None, copy: int) -> str | None:
        return names[(names.index(province) + copy) % len(names)] if province in names else province

    provinces = {f"{doc_id}#{copy}": rotated(province, copy)
                 for copy in range(copies) for doc_id, province in province_of.items()}

    def rows() -> Iterator[tuple[str, Fact]]:
        for n in range(target):
            copy, i = divmod(n, len(facts))
            doc_id, fact = facts[i]
            yield f"{doc_id}#{copy}", replace(fact, province=rotated(fact.province, copy))

    return rows(), provinces


def timed_ms(fn, rounds: int = ROUNDS) -> tuple[dict[str, float], object]:
    """Percentiles of ``fn``'s time, and what its warm-up call returned."""
    result = fn()  # warms the page cache and SQLite's statement cache
    samples = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000)
    return percentiles(samples), result


def at_size(chunks: int, facts: Iterator[tuple[str, Fact]], province_of: dict[str, str], work: Path) -> dict:
    t0 = time.perf_counter()
    store = FactStore.build(facts)
    folder = work / f"facts-{chunks}"
    folder.mkdir()
    store.save(folder)
    build_s = time.perf_counter() - t0
    store, window = FactStore.open(folder), WindowStore.open(folder)
    unit = unit_key(UNIT)
    units = tuple(k for k, _, _ in store.units() if k.startswith(unit or "")) or (unit,)
    dates = {doc_id: None for doc_id in province_of}
    province = next(p for p in province_of.values() if p)
    queries = {
        "facts --province": lambda: store.query(FactQuery(province=province)),
        "facts --unit": lambda: store.query(FactQuery(kind="quantity", units=units)),
        "facts --province --year": lambda: store.query(FactQuery(province=province, year=2020)),
        COMPARISON: lambda: answer_across("most", "duy trì mô hình", [], units, store, province_of, dates),
        BEFORE: lambda: answer_across("most", "duy trì mô hình", [], units, window, province_of, dates),
    }
    timed = {name: timed_ms(fn) for name, fn in queries.items()}
    if timed[COMPARISON][1].rows != timed[BEFORE][1].rows:
        raise SystemExit(f"{chunks:,} chunks: the candidates table and the window over all facts disagree")
    return {"chunks": chunks, "facts": store.count(), "candidates": candidate_count(folder), "build_s": build_s,
            "load": os.getloadavg(),
            "latency": {name: latency for name, (latency, _) in timed.items()},
            "rows": {name: len(got.rows) if name.startswith("comparison") else len(got)
                     for name, (_, got) in timed.items()}}


def report(ingest_rows: list, sizes: list[dict]) -> str:
    base = sizes[0]
    lines = [f"## Facts ({machine()})", "",
             "Ingest: the real extractor over the synthetic corpus (per report, as a build runs it), "
             "next to metadata and chunking of the same reports.", "",
             markdown_table(["stage", "reports", "chunks", "facts", "chunks/s", "facts/s", "time ratio"],
                            ingest_rows), "",
             "Query time (ms, p50 / p95). Above the extracted sample, its facts are repeated under new "
             "report ids. Ratio: p95 against the first size.", ""]
    header = ["chunks", "facts", "candidates", "build+save s"]
    for name in base["latency"]:
        header += [f"{name} p50/p95", "ratio"]
    header += ["comparison: before / now, p50", "load avg (1, 5, 15 min)"]
    rows = []
    for s in sizes:
        row = [f"{s['chunks']:,}", f"{s['facts']:,}", f"{s['candidates']:,}", round(s["build_s"], 1)]
        for name, lat in s["latency"].items():
            row += [f"{lat['p50']:.2f} / {lat['p95']:.2f}", round(lat["p95"] / base["latency"][name]["p95"], 1)]
        speedup = s["latency"][BEFORE]["p50"] / s["latency"][COMPARISON]["p50"]
        row += [f"{speedup:.1f}×", " / ".join(f"{v:.2f}" for v in s["load"])]
        rows.append(row)
    lines.append(markdown_table(header, rows))
    lines += ["", "Rows returned: " + "; ".join(f"{s['chunks']:,} chunks: " + ", ".join(
        f"{n} {c:,}" for n, c in s["rows"].items()) for s in sizes), ""]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10k,1m")
    parser.add_argument("--sample-chunks", type=int, default=10_000)
    args = parser.parse_args()
    facts, province_of, ingest_rows = ingest(args.sample_chunks)
    per_chunk = len(facts) / args.sample_chunks
    sizes = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in (parse_size(s) for s in args.sizes.split(",")):
            rows, provinces = scaled(facts, province_of, round(size * per_chunk))
            sizes.append(at_size(size, rows, provinces, Path(tmp)))
            print(f"{size:,} chunks done", file=sys.stderr)
    print(report(ingest_rows, sizes))


if __name__ == "__main__":
    main()
