"""The eval set (evals/qa.jsonl) is well-formed and grounded in the real reports in corpus/.

It is the definition of "correct" for the product, so every item is checked against the
contract's format and every evidence string against the report text, character for character.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from assistant.text import answer_key
from report_text import load_jsonl

ROOT = Path(__file__).resolve().parent.parent
QA = ROOT / "evals" / "qa.jsonl"
CORPUS = ROOT / "corpus"

FIELDS = {"id": str, "question": str, "lang": str, "history": list, "answers": list, "evidence": list,
          "answerable": bool, "tags": list, "split": str}
LANGS = {"vi", "vi_nodiac", "en"}
KINDS = {"number", "rate", "who", "when", "where", "which_model", "yesno", "other", "followup",
         "multi_report", "unanswerable"}
DIFFICULTIES = {"easy", "medium", "hard"}
EXTRAS = {"paraphrase", "old_tone", "abbrev"}
REPORT_TAG = re.compile(r"r\d{3}")
ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+")
# Provinces named by the reports' metadata (two reports never name theirs in the text).
PROVINCES = {"Kon Tum", "Thanh Hóa", "Quảng Nam", "Thái Bình", "Hòa Bình"}


def _reports() -> dict[str, str]:
    """Report tag ("r000") → text, from the corpus file names' numeric prefix ("000_….txt")."""
    out = {}
    for path in sorted(CORPUS.glob("*.txt")):
        m = re.match(r"(\d{3})_", path.name)
        if m:
            out[f"r{m.group(1)}"] = path.read_text(encoding="utf-8")
    return out


REPORTS = _reports()


def _load() -> list[dict]:
    return load_jsonl(QA)


ITEMS = _load()
BY_ID = {item.get("id"): item for item in ITEMS}


def _report_tags(item: dict) -> list[str]:
    return [t for t in item["tags"] if REPORT_TAG.fullmatch(t)]


def _has_diacritics(s: str) -> bool:
    return any(unicodedata.combining(ch) for ch in unicodedata.normalize("NFD", s)) or "đ" in s.lower()


def test_corpus_present():
    assert len(REPORTS) >= 5, "expected the five seed reports in corpus/"


def test_size_and_balance():
    assert len(ITEMS) >= 150
    unanswerable = sum(not item["answerable"] for item in ITEMS)
    assert unanswerable / len(ITEMS) >= 0.20, f"{unanswerable}/{len(ITEMS)} unanswerable"
    splits = Counter(item["split"] for item in ITEMS)
    assert set(splits) == {"dev", "test"}, splits
    assert 0.3 <= splits["dev"] / len(ITEMS) <= 0.5, splits
    langs = Counter(item["lang"] for item in ITEMS)
    assert set(langs) == LANGS, langs
    kinds = Counter(t for item in ITEMS for t in item["tags"] if t in KINDS)
    assert set(kinds) == KINDS, f"kinds never used: {KINDS - set(kinds)}"


def test_ids_unique_and_readable():
    ids = [item.get("id") for item in ITEMS]
    dupes = [i for i, n in Counter(ids).items() if n > 1]
    assert not dupes, dupes
    bad = [i for i in ids if not isinstance(i, str) or not ID.fullmatch(i)]
    assert not bad, bad


@pytest.mark.parametrize("item", ITEMS, ids=[str(i.get("id")) for i in ITEMS])
def test_item_shape(item):
    assert set(item) == set(FIELDS), f"fields {sorted(set(item) ^ set(FIELDS))}"
    for name, kind in FIELDS.items():
        assert isinstance(item[name], kind), f"{name} should be {kind.__name__}"
    assert item["question"].strip() and item["question"] == item["question"].strip()
    for name in ("history", "answers", "evidence", "tags"):
        assert all(isinstance(x, str) and x.strip() for x in item[name]), f"{name} holds a non-string or empty"
    assert item["lang"] in LANGS
    assert item["split"] in {"dev", "test"}
    assert len(set(item["tags"])) == len(item["tags"]), "repeated tag"
    assert len(set(item["answers"])) == len(item["answers"]), "repeated answer"


@pytest.mark.parametrize("item", ITEMS, ids=[str(i.get("id")) for i in ITEMS])
def test_item_tags(item):
    tags = item["tags"]
    known = LANGS | KINDS | DIFFICULTIES | EXTRAS | {"none"} | set(REPORTS)
    assert not set(tags) - known, f"unknown tags {set(tags) - known}"
    lang_tags = [t for t in tags if t in LANGS]
    assert lang_tags == [item["lang"]], "exactly one language tag, equal to lang"
    assert any(t in KINDS for t in tags), "no kind tag"
    assert sum(t in DIFFICULTIES for t in tags) == 1, "exactly one difficulty"
    reports = _report_tags(item)
    assert reports or "none" in tags, "no report tag (rNNN or none)"
    assert not (reports and "none" in tags), "'none' together with a report tag"
    if "none" in tags:
        assert not item["answerable"], "'none' is only for questions no report answers"
    assert ("unanswerable" in tags) == (not item["answerable"])
    assert ("followup" in tags) == bool(item["history"]), "followup tag iff history"


@pytest.mark.parametrize("item", ITEMS, ids=[str(i.get("id")) for i in ITEMS])
def test_item_language(item):
    text = " ".join([item["question"], *item["history"]])
    if item["lang"] == "vi_nodiac":
        assert not _has_diacritics(text), "vi_nodiac text carries diacritics"
    elif item["lang"] == "vi":
        assert _has_diacritics(item["question"]), "vi question without diacritics (use vi_nodiac)"


@pytest.mark.parametrize("item", ITEMS, ids=[str(i.get("id")) for i in ITEMS])
def test_answers_and_evidence(item):
    if not item["answerable"]:
        assert item["answers"] == [] and item["evidence"] == [], "unanswerable items carry no answers/evidence"
        return
    assert item["answers"], "answerable item without answers"
    assert item["evidence"], "answerable item without evidence"
    reports = _report_tags(item)
    hosts = {tag: REPORTS[tag] for tag in reports} if reports else REPORTS
    for ev in item["evidence"]:
        assert ev == ev.strip() and "\n" not in ev, f"evidence not one clean line: {ev!r}"
        assert len(ev.split()) <= 25 and len(ev) <= 200, f"evidence too long to sit in one passage: {ev!r}"
        assert any(ev in text for text in hosts.values()), \
            f"evidence not verbatim in {sorted(hosts)}: {ev!r}"
    # at least one expected answer is a phrase of the tagged report(s), or a province name
    # (two reports never name their province; the answer takes it from the metadata)
    reported = answer_key(" ".join(hosts.values()))
    assert any(answer_key(a) in reported or a in PROVINCES for a in item["answers"]), \
        f"no expected answer occurs in {sorted(hosts)}: {item['answers']}"


def test_every_report_covered_by_answerable_items():
    for tag, text in REPORTS.items():
        grounded = [item for item in ITEMS if item["answerable"] and tag in item["tags"]
                    and any(ev in text for ev in item["evidence"])]
        assert len(grounded) >= 10, f"{tag}: only {len(grounded)} answerable items"
        langs = {item["lang"] for item in grounded}
        assert langs == LANGS, f"{tag}: languages {langs}"


def test_contract_example_item_shape_is_accepted():
    """The contract's own example line: our items are a superset of that shape."""
    example = {"id": "qn-models-1", "question": "Quảng Nam duy trì bao nhiêu mô hình?", "lang": "vi",
               "history": [], "answers": ["1.000"], "evidence": ["duy trì và củng cố hơn 1.000 mô hình"],
               "answerable": True, "tags": ["number"]}
    assert set(example) <= set(FIELDS)
    assert any(example["evidence"][0] in text for text in REPORTS.values())


def test_followups_and_traps_present():
    """The conversational and look-alike cases the product must handle stay in the set."""
    followups = [i for i in ITEMS if i["history"]]
    assert len(followups) >= 15
    assert any(not i["answerable"] for i in followups), "a follow-up that leads out of the reports"
    assert any(i["lang"] == "en" for i in followups)
    multi = [i for i in ITEMS if "multi_report" in i["tags"]]
    assert len(multi) >= 8
    assert any("Đà Nẵng" in i["question"] and not i["answerable"] for i in ITEMS)
    assert sum("old_tone" in i["tags"] for i in ITEMS) >= 8
    assert sum("abbrev" in i["tags"] for i in ITEMS) >= 15
    assert sum("paraphrase" in i["tags"] for i in ITEMS) >= 8
