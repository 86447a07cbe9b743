"""Fact extraction measured against hand-written gold facts (``evals/gold_facts.jsonl``), no model.

The gold was written by reading the 13 reports, not from ``extract_facts`` output, so it is an
independent reference. A gold quantity is *found* when an extracted quantity of its report has the
same ``text`` at the gold position (the gold ``sentence`` located in the report, ``text`` inside it);
each field is then scored among the found ones. Precision needs a gold that lists every figure, so
it is computed only on the reports whose ``report`` record says ``complete``. The floors in
``evals/floors.json`` (key ``facts``) are the values measured when they were last raised.
"""
from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from assistant.facts import Fact, extract_facts
from assistant.metadata import content_spans, extract_metadata
from assistant.readers import read_report
from assistant.settings import ReadingLimits
from assistant.text import canonical, fold

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "evals" / "gold_facts.jsonl"
FLOORS = ROOT / "evals" / "floors.json"
CORPORA = {"corpus": ROOT / "corpus", "evals/reports": ROOT / "evals" / "reports"}
BOUNDS = ("exact", "lower", "upper", "approx")
SCOPES = ("total", "breakdown", "unknown")
MIN_FACTS = 300
"""The issue's size for the gold file."""
QUANTITY_WORDS = (5, 25)
"""A quantity's ``sentence``: long enough to be unique, short enough to read (the other kinds may be
a bare line such as "Số: 87/BC-CAH")."""
FIELDS = ("value", "bound", "unit", "district", "period", "scope", "province")
TOGETHER = ("value", "unit", "district", "period", "scope")
"""The issue's "value, unit and scope together" (scope being district, period and total/breakdown)."""

_REQUIRED: dict[str, dict[str, tuple[type, ...]]] = {
    "report": {"complete": (bool,), "province": (str,)},
    "quantity": {"text": (str,), "value": (int, float), "value_high": (int, float, type(None)),
                 "bound": (str,), "unit": (str, type(None)), "province": (str,), "district": (str, type(None)),
                 "year_from": (int, type(None)), "year_to": (int, type(None)), "scope": (str,),
                 "sentence": (str,)},
    "person": {"text": (str,), "name": (str,), "title": (str, type(None)), "sentence": (str,)},
    "document": {"subkind": (str,), "text": (str,), "name": (str,), "title": (str, type(None)),
                 "date": (str, type(None)), "sentence": (str,)},
    "model": {"text": (str,), "name": (str,), "district": (str, type(None)), "sentence": (str,)},
    "date": {"text": (str,), "sentence": (str,)},
}


@dataclass(frozen=True)
class Report:
    text: str
    spans: list[tuple[int, int]]
    facts: list[Fact]


@cache
def gold() -> list[dict[str, Any]]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def gold_facts(kind: str | None = None) -> list[dict[str, Any]]:
    return [g for g in gold() if g["kind"] != "report" and (kind is None or g["kind"] == kind)]


@cache
def report(corpus: str, source: str) -> Report:
    """A report read, and its facts extracted from its content spans with its metadata, as at ingest."""
    extracted = read_report(CORPORA[corpus] / source, ReadingLimits())
    meta = extract_metadata(extracted.text, declared=extracted.meta).to_dict()
    spans = content_spans(extracted.text)
    return Report(extracted.text, spans, extract_facts(extracted.text, spans, meta))


def report_of(g: dict[str, Any]) -> Report:
    return report(g["corpus"], g["source"])


def _written(text: str) -> re.Pattern[str]:
    """``text`` as a whole number: "12" is not the end of "512" nor the start of "12/142"."""
    return re.compile(rf"(?<![\w/.,]){re.escape(text)}(?![\w/]|[.,]\d)")


def position(g: dict[str, Any]) -> int:
    """Where the gold fact's ``text`` starts in its report: its sentence located, then the text inside."""
    body = report_of(g).text
    at = body.index(g["sentence"])
    found = _written(g["text"]).search(g["sentence"]) if g["kind"] == "quantity" else None
    return at + (found.start() if found else g["sentence"].index(g["text"]))


def _words(s: str | None) -> list[str]:
    return re.findall(r"\w+", fold(canonical(s))) if s else []


def same_unit(want: str | None, got: str | None) -> bool:
    """Lenient: the first two words of one unit start the other ("tin báo" ~ "tin báo, tố giác tội phạm")."""
    a, b = _words(want), _words(got)
    if not a or not b:
        return not a and not b
    return b[:len(a[:2])] == a[:2] or a[:len(b[:2])] == b[:2]


def same_place(want: str | None, got: str | None) -> bool:
    return _words(want) == _words(got)


def contains(want: str | None, got: str | None) -> bool:
    """Titles: either one holds the other ("Giám đốc Công an tỉnh" in "Ủy viên …, Giám đốc Công an tỉnh")."""
    a, b = " ".join(_words(want)), " ".join(_words(got))
    return bool(a and b) and (a in b or b in a)


def iso_date(s: str | None) -> str | None:
    """ "15/02/2023", "ngày 15 tháng 2 năm 2023" and "2023-02-15" compared as one form."""
    if not s:
        return None
    if m := re.search(r"(\d{4})-(\d{1,2})-(\d{1,2})", s):
        y, mo, d = m.groups()
    elif m := re.search(r"(\d{1,2})(?:/|\s+tháng\s+)(\d{1,2})(?:/|\s+năm\s+)(\d{4})", s):
        d, mo, y = m.groups()
    else:
        return s
    return f"{int(y):04d}-{int(mo):02d}-{int(d):02d}"


QUANTITY_FIELDS: dict[str, Callable[[dict[str, Any], Fact], bool]] = {
    "value": lambda g, f: f.value is not None and math.isclose(f.value, g["value"], rel_tol=1e-3)
    and (g["value_high"] is None) == (f.value_high is None)
    and (g["value_high"] is None or math.isclose(f.value_high or 0.0, g["value_high"], rel_tol=1e-3)),
    "bound": lambda g, f: f.bound == g["bound"],
    "unit": lambda g, f: same_unit(g["unit"], f.unit),
    "district": lambda g, f: same_place(g["district"], f.district),
    "period": lambda g, f: (f.year_from, f.year_to) == (g["year_from"], g["year_to"]),
    "scope": lambda g, f: f.scope == g["scope"],
    "province": lambda g, f: same_place(g["province"], f.province),
}


# ------------------------------------------------------------------ the gold file itself


def _typed(value: Any, types: tuple[type, ...]) -> bool:
    """JSON ``true`` is no number: a bool is accepted only where a bool is asked for."""
    return isinstance(value, types) and (isinstance(value, bool) == (bool in types))


def test_gold_records_are_well_formed():
    problems = []
    for n, g in enumerate(gold(), 1):
        kind = g.get("kind")
        if kind not in _REQUIRED or g.get("corpus") not in CORPORA or not isinstance(g.get("source"), str):
            problems.append(f"line {n}: kind, corpus or source")
            continue
        for field, types in _REQUIRED[kind].items():
            if field not in g or not _typed(g[field], types):
                problems.append(f"line {n}: {field}={g.get(field)!r}")
        if kind == "quantity":
            if g["bound"] not in BOUNDS or g["scope"] not in SCOPES:
                problems.append(f"line {n}: bound or scope")
            if (g["year_from"] is None) != (g["year_to"] is None) or (g["year_from"] or 0) > (g["year_to"] or 0):
                problems.append(f"line {n}: period {g['year_from']}–{g['year_to']}")
        if kind == "document" and g["subkind"] not in ("own", "cited", "signer"):
            problems.append(f"line {n}: document subkind")
    assert not problems, problems


def test_gold_covers_every_report_and_enough_facts():
    files = {(c, str(p.relative_to(folder))) for c, folder in CORPORA.items() for p in folder.rglob("*")
             if p.is_file() and p.suffix in (".txt", ".md", ".docx", ".pdf", ".html", ".htm")}
    reports = {(g["corpus"], g["source"]): g for g in gold() if g["kind"] == "report"}
    assert set(reports) == files
    assert {(g["corpus"], g["source"]) for g in gold_facts()} <= set(reports)
    assert len(gold_facts()) >= MIN_FACTS and len(gold_facts("quantity")) >= MIN_FACTS * 0.8
    complete = [key for key, r in reports.items() if r["complete"]]
    assert sum(c == "corpus" for c, _ in complete) >= 2 and sum(c == "evals/reports" for c, _ in complete) >= 2


def test_gold_sentences_are_verbatim_and_locate_their_text():
    problems, seen = [], set()
    for g in gold_facts():
        body, sentence = report_of(g).text, g["sentence"]
        where = f"{g['source']}: {sentence[:50]!r}"
        if body.count(sentence) != 1:
            problems.append(f"{where} occurs {body.count(sentence)} times")
            continue
        words = len(sentence.split())
        low, high = QUANTITY_WORDS if g["kind"] == "quantity" else (1, QUANTITY_WORDS[1])
        if not low <= words <= high:
            problems.append(f"{where} has {words} words")
        hits = len(_written(g["text"]).findall(sentence)) if g["kind"] == "quantity" else sentence.count(g["text"])
        if hits != 1:
            problems.append(f"{where} holds {g['text']!r} {hits} times")
            continue
        at = position(g)
        if (g["source"], g["kind"], at) in seen:
            problems.append(f"{where}: {g['text']!r} listed twice")
        seen.add((g["source"], g["kind"], at))
        if g["kind"] == "quantity" and not any(a <= at < b for a, b in report_of(g).spans):
            problems.append(f"{where}: {g['text']!r} lies outside the content spans")
    assert not problems, problems


# ------------------------------------------------------------------ extraction against the gold


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _quantity_at(g: dict[str, Any]) -> Fact | None:
    at = position(g)
    return next((f for f in report_of(g).facts if f.kind == "quantity" and f.start == at and f.text == g["text"]),
                None)


def _overlapping(g: dict[str, Any], keep: Callable[[Fact], bool]) -> Fact | None:
    at = position(g)
    return next((f for f in report_of(g).facts if keep(f) and f.start < at + len(g["text"]) and at < f.end), None)


def measure_quantities(corpus: str | None = None) -> dict[str, float]:
    """Recall over the gold quantities (of one corpus, or all); precision over the extracted quantities
    of the complete reports among them."""
    golds = [g for g in gold_facts("quantity") if corpus in (None, g["corpus"])]
    matched = [(g, _quantity_at(g)) for g in golds]
    found = [(g, f) for g, f in matched if f is not None]
    complete = {(r["corpus"], r["source"]) for r in gold()
                if r["kind"] == "report" and r["complete"] and corpus in (None, r["corpus"])}
    extracted = [f for key in complete for f in report(*key).facts if f.kind == "quantity"]
    in_complete = [(g, f) for g, f in found if (g["corpus"], g["source"]) in complete]
    out = {"found_recall": _ratio(len(found), len(golds)), "found_precision": _ratio(len(in_complete), len(extracted))}
    for field in FIELDS:
        ok = [(g, f) for g, f in found if QUANTITY_FIELDS[field](g, f)]
        out[f"{field}_accuracy"] = _ratio(len(ok), len(found))
        out[f"{field}_recall"] = _ratio(len(ok), len(golds))
        out[f"{field}_precision"] = _ratio(sum((g["corpus"], g["source"]) in complete for g, _ in ok), len(extracted))
    together = [(g, f) for g, f in found if all(QUANTITY_FIELDS[x](g, f) for x in TOGETHER)]
    out["together_accuracy"] = _ratio(len(together), len(found))
    out["together_recall"] = _ratio(len(together), len(golds))
    out["together_precision"] = _ratio(sum((g["corpus"], g["source"]) in complete for g, _ in together),
                                       len(extracted))
    return out


def _is_person(f: Fact) -> bool:
    return f.kind == "person"


def _is_model(f: Fact) -> bool:
    return f.kind == "model"


def _document(subkind: str) -> Callable[[Fact], bool]:
    return lambda f: f.kind == "document" and f.subkind == subkind


def _signer_or_own(g: dict[str, Any]) -> Fact | None:
    """The header and signature facts are one per report: matched by name, wherever the extractor put them."""
    want = " ".join(_words(g["name"]))
    return next((f for f in report_of(g).facts if _document(g["subkind"])(f) and want in " ".join(_words(f.name))),
                None)


OTHER_KINDS: dict[str, tuple[Callable[[dict[str, Any]], Fact | None],
                             dict[str, Callable[[dict[str, Any], Fact], bool]]]] = {
    "person": (lambda g: _overlapping(g, _is_person),
               {"name": lambda g, f: same_place(g["name"], f.name), "title": lambda g, f: contains(g["title"], f.title)}),
    "document cited": (lambda g: _overlapping(g, _document("cited")),
                       {"name": lambda g, f: same_place(g["name"], f.name),
                        "title": lambda g, f: same_place(g["title"], f.title),
                        "date": lambda g, f: iso_date(g["date"]) == iso_date(f.period)}),
    "document own": (_signer_or_own, {"title": lambda g, f: same_place(g["title"], f.title),
                                      "date": lambda g, f: iso_date(g["date"]) == iso_date(f.period)}),
    "document signer": (_signer_or_own, {"title": lambda g, f: contains(g["title"], f.title)}),
    "model": (lambda g: _overlapping(g, _is_model),
              {"name": lambda g, f: same_place(g["name"], f.name),
               "district": lambda g, f: same_place(g["district"], f.district)}),
}
"""People, documents and models: how a gold one is found, and the fields then scored."""


def _group(g: dict[str, Any]) -> str:
    return f"document {g['subkind']}" if g["kind"] == "document" else g["kind"]


def measure_others() -> dict[str, float]:
    out = {}
    for group, (find, fields) in OTHER_KINDS.items():
        golds = [g for g in gold_facts() if g["kind"] != "quantity" and _group(g) == group]
        found = [(g, f) for g in golds if (f := find(g)) is not None]
        key = group.replace(" ", "_")
        out[f"{key}_found_recall"] = _ratio(len(found), len(golds))
        for field, right in fields.items():
            out[f"{key}_{field}_accuracy"] = _ratio(sum(right(g, f) for g, f in found), len(found))
    return out


def _table(q: dict[str, float], others: dict[str, float]) -> str:
    quantities, reports = len(gold_facts("quantity")), sum(r["kind"] == "report" for r in gold())
    rows = [f"gold: {quantities} quantities in {reports} reports, {len(gold_facts()) - quantities} people/documents/models",
            f"{'quantity field':<16}{'acc. (found)':>14}{'recall':>9}{'precision':>11}",
            f"{'found (text@pos)':<16}{'':>14}{q['found_recall']:>9.3f}{q['found_precision']:>11.3f}"]
    for field in (*FIELDS, "together"):
        rows.append(f"{field:<16}{q[f'{field}_accuracy']:>14.3f}{q[f'{field}_recall']:>9.3f}"
                    f"{q[f'{field}_precision']:>11.3f}")
    rows.append("by corpus (evals/reports is the transfer set: measure there, never tune on it)")
    for corpus in CORPORA:
        c = measure_quantities(corpus)
        rows.append(f"  {corpus:<14} found recall {c['found_recall']:.3f}, precision {c['found_precision']:.3f},"
                    f" together recall {c['together_recall']:.3f}")
    rows.append("other kinds")
    rows += [f"  {key:<34}{value:>7.3f}" for key, value in others.items()]
    return "\n".join(rows)


@pytest.fixture(scope="module")
def measured() -> dict[str, float]:
    q, others = measure_quantities(), measure_others()
    print("\n" + _table(q, others))
    return {**q, **others}


def test_extraction_stays_above_its_floors(measured):
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))["facts"]
    assert set(floors) <= set(measured), sorted(set(floors) - set(measured))
    fallen = {k: (round(measured[k], 3), floor) for k, floor in floors.items() if measured[k] < floor}
    assert not fallen, f"below the floors in evals/floors.json (measured, floor): {fallen}"
