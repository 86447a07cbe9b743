"""The cross-report eval set (evals/cross.jsonl, issue 13) is well-formed and grounded in evals/reports/.

Its items compare, rank, add up and list figures of several of the eight evaluation reports, and a third
of them have no right answer (a province with no report, a unit one report does not count, figures of
different periods). Like the transfer split it is held out: written from the reports alone, never tuned
on. This test checks the file, not the assistant: the loader's schema, the tags, and that every evidence
string stands verbatim in one sentence (a table row is one) of a tagged report's extracted text, on one
PDF page, compared as the scorer compares it (``canonical``, whitespace collapsed). No model is loaded.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import cache
from pathlib import Path


from assistant.evalset import load_items
from assistant.text import answer_key
from report_text import ReportFolder, form, has_diacritics

ROOT = Path(__file__).resolve().parent.parent
QA = ROOT / "evals" / "cross.jsonl"
REPORTS_DIR = ROOT / "evals" / "reports"
REPORTS = ReportFolder(REPORTS_DIR, r"t\d\d")

FIELDS = {"id": str, "question": str, "lang": str, "history": list, "answers": list, "evidence": list,
          "answerable": bool, "tags": list, "split": str}
LANGS = {"vi", "vi_nodiac", "en"}
KINDS = {"compare", "most", "least", "total", "list", "earliest", "latest"}
HARD = {"not-comparable-period", "bound", "missing-province", "unit-not-counted", "near-miss"}
EXTRA = {"followup"}
REPORT_TAG = re.compile(r"t\d\d")
ID = re.compile(r"c-[a-z0-9]+(?:-[a-z0-9]+)+")


@cache
def _body_key(tag: str) -> str:
    return answer_key(REPORTS.body(tag))


ITEMS = [dict(item) for item in load_items(QA)]  # the eval loader's own schema check, line by line


def _report_tags(item: dict) -> list[str]:
    return [t for t in item["tags"] if REPORT_TAG.fullmatch(t)]


def test_size_split_and_balance():
    assert len(ITEMS) >= 60, len(ITEMS)
    unanswerable = sum(not item["answerable"] for item in ITEMS)
    assert 3 * unanswerable >= len(ITEMS), f"{unanswerable}/{len(ITEMS)} unanswerable"
    assert {item.get("split") for item in ITEMS} == {"cross"}
    assert set(Counter(item["lang"] for item in ITEMS)) == LANGS
    kinds = Counter(t for item in ITEMS for t in item["tags"] if t in KINDS)
    assert set(kinds) == KINDS, f"kinds never used: {KINDS - set(kinds)}"
    hard = Counter(t for item in ITEMS for t in item["tags"] if t in HARD)
    assert set(hard) == HARD, f"hard cases never used: {HARD - set(hard)}"
    assert sum(bool(item["history"]) for item in ITEMS) >= 5
    for lang in LANGS:  # every language has answerable and unanswerable items
        assert {item["answerable"] for item in ITEMS if item["lang"] == lang} == {True, False}, lang


def test_ids_unique_and_readable():
    ids = [item["id"] for item in ITEMS]
    dupes = [i for i, n in Counter(ids).items() if n > 1]
    assert not dupes, dupes
    assert all(ID.fullmatch(i) for i in ids), [i for i in ids if not ID.fullmatch(i)]


def _shape_problems(item: dict) -> list[str]:
    """Every field present with its type (the loader allows missing ones; this file has them all)."""
    if set(item) != set(FIELDS):
        return [f"fields {sorted(set(item) ^ set(FIELDS))}"]
    problems = [f"{name} should be {kind.__name__}" for name, kind in FIELDS.items() if not isinstance(item[name], kind)]
    if problems:
        return problems
    if item["question"] != item["question"].strip():
        problems.append("question padded")
    for name in ("history", "answers", "evidence", "tags"):
        if not all(isinstance(x, str) and x.strip() == x and x for x in item[name]):
            problems.append(f"{name} holds a non-string, an empty or a padded string")
    if len(set(item["tags"])) != len(item["tags"]) or len(set(item["answers"])) != len(item["answers"]):
        problems.append("repeated tag or answer")
    problems += [f"not NFC: {text!r}" for text in (item["question"], *item["history"], *item["answers"],
                                                   *item["evidence"]) if not unicodedata.is_normalized("NFC", text)]
    return problems


def _tag_problems(item: dict) -> list[str]:
    """One language tag equal to lang, one kind, known report tags, followup iff history."""
    tags, reports = item["tags"], _report_tags(item)
    unknown = set(tags) - (LANGS | KINDS | HARD | EXTRA | set(REPORTS.files))
    checks = [
        (not unknown, f"unknown tags (or a report tag naming no file in evals/reports) {sorted(unknown)}"),
        ([t for t in tags if t in LANGS] == [item["lang"]], "exactly one language tag, equal to lang"),
        (len([t for t in tags if t in KINDS]) == 1, "exactly one kind tag"),
        (bool(reports), "no report tag"),
        (("followup" in tags) == bool(item["history"]), "followup tag iff history"),
        (len(reports) >= 2 or item["history"] or "missing-province" in tags,
         "a cross-report item names two reports (or one, with history or a province that has no report)"),
    ]
    return [message for ok, message in checks if not ok]


def _language_problems(item: dict) -> list[str]:
    text = " ".join([item["question"], *item["history"]])
    if item["lang"] == "vi_nodiac" and has_diacritics(text):
        return ["vi_nodiac text carries diacritics"]
    if item["lang"] == "vi" and not has_diacritics(item["question"]):
        return ["vi question without diacritics (use vi_nodiac)"]
    return []


def _grounding_problems(item: dict) -> list[str]:
    """Evidence verbatim inside one sentence/row of a tagged report, from every tagged report."""
    if not item["answerable"]:
        return [] if item["answers"] == [] and item["evidence"] == [] else ["unanswerable item with answers/evidence"]
    reports = _report_tags(item)
    if not (item["answers"] and item["evidence"]):
        return ["answerable item without answers or evidence"]
    problems, holders = [], set()
    for ev in item["evidence"]:
        if "\n" in ev or "|" in ev:
            problems.append(f"evidence not one line inside one cell: {ev!r}")
        if not (5 <= len(ev.split()) <= 25):
            problems.append(f"evidence of {len(ev.split())} words: {ev!r}")
        wanted = form(ev)
        found = [tag for tag in reports if any(wanted in piece for piece in REPORTS.pieces(tag))]
        if not found:
            problems.append(f"evidence not inside one sentence/row on one page of {reports}: {ev!r}")
        holders.update(found)
    if holders != set(reports):
        problems.append(f"no evidence from {sorted(set(reports) - holders)}")
    if "total" not in item["tags"]:  # a sum is computed; any other deciding figure is written in a report
        keys = " ".join(_body_key(tag) for tag in reports)
        if not any(answer_key(a) in keys for a in item["answers"]):
            problems.append(f"no expected answer occurs in {reports}: {item['answers']}")
    return problems


def test_items():
    """Each check over every item, listing every failing item at once."""
    problems = [f"{item.get('id')}: {p}" for item in ITEMS
                for check in (_shape_problems, _tag_problems, _language_problems, _grounding_problems)
                for p in check(item)]
    assert not problems, "\n".join(problems)


def test_every_report_involved():
    """Each of the eight reports is in answerable and unanswerable items."""
    for tag in REPORTS.files:
        about = [item for item in ITEMS if tag in item["tags"]]
        assert any(item["answerable"] for item in about), f"{tag}: no answerable item"
        assert any(not item["answerable"] for item in about), f"{tag}: no unanswerable item"
