"""The transfer eval set (evals/transfer.jsonl) is well-formed and grounded in the reports in evals/reports/.

Those reports were never used to tune anything, and the items are ground truth written before any run,
so a wrong item would mislead every later measurement. Each evidence string must stand in one sentence
(a table row is one sentence) of the text the assistant's own readers extract, on one PDF page and
without a cell separator, compared as the scorer compares it (``canonical``, whitespace collapsed);
an answerable item's answer must stand in its report(s); and the generator must still reproduce the
committed reports, byte for byte. No model is loaded: this runs in seconds.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from assistant.readers import read_report
from assistant.text import answer_key
from report_text import ReportFolder, form, has_diacritics, load_jsonl, load_script

ROOT = Path(__file__).resolve().parent.parent
QA = ROOT / "evals" / "transfer.jsonl"
REPORTS_DIR = ROOT / "evals" / "reports"
REPORTS = ReportFolder(REPORTS_DIR, r"t\d\d")
GENERATOR = ROOT / "evals" / "generate_reports.py"

FIELDS = {"id": str, "question": str, "lang": str, "history": list, "answers": list, "evidence": list,
          "answerable": bool, "tags": list, "split": str}
LANGS = {"vi", "vi_nodiac", "en"}
KINDS = {"number", "rate", "money", "who", "title", "when", "where", "which_model", "doc_number", "signer",
         "target", "table_row", "other", "followup", "cross_report", "unanswerable"}
HARD = {"direct", "scope-year", "scope-period", "scope-district", "scope-unit", "table-row", "table-total",
        "header", "signature", "cross-report", "related-list", "near-miss", "old_tone", "paraphrase",
        "other-province", "unnamed-person", "page-break", "abbrev"}
"""What makes an item hard; ``direct`` when nothing does (the question uses the report's own words)."""
FORMATS = {".docx", ".pdf", ".html", ".md", ".txt"}
REPORT_TAG = re.compile(r"t\d\d")
ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+")
SHORT_LINE_TAGS = {"header", "signature"}
"""A document number or a signer's name is a whole line of its own, shorter than five words."""


ITEMS = load_jsonl(QA)
IDS = [str(item.get("id")) for item in ITEMS]


def _report_tags(item: dict) -> list[str]:
    return [t for t in item["tags"] if REPORT_TAG.fullmatch(t)]



# ------------------------------------------------------------------------------------ the reports

def test_reports_cover_every_format_at_a_realistic_size():
    reports = REPORTS.files
    assert len(reports) >= 8, sorted(reports)
    assert {path.suffix for path, _ in reports.values()} == FORMATS
    for tag in reports:
        body = REPORTS.body(tag)
        kb = len(body.encode("utf-8")) / 1024
        assert 4 <= kb <= 10, f"{tag}: {kb:.1f} KB of text"
        assert len(re.findall(r"\d+(?:[.,/]\d+)*", body)) >= 30, f"{tag}: fewer than 30 numbers"


def test_pdf_paragraph_runs_across_a_page_break():
    """The PDF has a sentence split by a page break, rejoined by the reader, and items that depend on it."""
    pdfs = [(tag, ex) for tag, (path, ex) in REPORTS.files.items() if path.suffix == ".pdf"]
    assert pdfs
    for tag, extracted in pdfs:
        assert len(extracted.page_starts or ()) >= 2, f"{tag}: not multi-page"
        joined = [s for s in extracted.page_starts[1:] if not extracted.text[:s].endswith("\n")]
        assert joined, f"{tag}: every page starts a new paragraph"
    assert any("page-break" in item["tags"] for item in ITEMS)


def test_related_articles_stay_out_of_the_extracted_text():
    """The "Tin liên quan" figures are what related-list items ask about, so no reader may keep them."""
    generator = load_script(GENERATOR)
    pages = [r for r in generator.REPORTS if isinstance(r, generator.News)]
    assert pages
    for page in pages:
        tag = page.file[:3]
        body = REPORTS.body(tag)
        assert not re.search(r"(?im)^\s*tin liên quan\s*$", body), f"{tag}: the related list's heading was kept"
        text = form(body)
        for title in page.related:
            assert form(title) not in text, f"{tag}: related article kept: {title!r}"
    assert sum("related-list" in item["tags"] and not item["answerable"] for item in ITEMS) >= 6


def test_generator_reproduces_the_committed_reports(tmp_path):
    written = load_script(GENERATOR).generate(tmp_path)
    assert sorted(p.name for p in written) == sorted(p.name for p in REPORTS_DIR.iterdir()), \
        "evals/reports/ holds other files than the generator writes"
    for path in written:
        committed = REPORTS_DIR / path.name
        assert read_report(path).text == read_report(committed).text, f"{path.name}: extracted text differs"
        assert path.read_bytes() == committed.read_bytes(), f"{path.name}: bytes differ (rerun the generator)"


# -------------------------------------------------------------------------------------- the items

def test_size_and_balance():
    assert len(ITEMS) >= 250
    unanswerable = sum(not item["answerable"] for item in ITEMS)
    assert unanswerable / len(ITEMS) >= 0.30, f"{unanswerable}/{len(ITEMS)} unanswerable"
    assert {item["split"] for item in ITEMS} == {"transfer"}
    assert set(Counter(item["lang"] for item in ITEMS)) == LANGS
    kinds = Counter(t for item in ITEMS for t in item["tags"] if t in KINDS)
    assert set(kinds) == KINDS, f"kinds never used: {KINDS - set(kinds)}"
    assert sum("old_tone" in item["tags"] for item in ITEMS) >= 10
    assert sum(bool(item["history"]) for item in ITEMS) >= 20


def test_ids_unique_and_readable():
    dupes = [i for i, n in Counter(IDS).items() if n > 1]
    assert not dupes, dupes
    assert all(ID.fullmatch(i) for i in IDS), [i for i in IDS if not ID.fullmatch(i)]


def _shape_problems(item: dict) -> list[str]:
    """The contract's fields and types, plus ``split``; clean strings, NFC, nothing repeated."""
    if set(item) != set(FIELDS):
        return [f"fields {sorted(set(item) ^ set(FIELDS))}"]
    problems = [f"{name} should be {kind.__name__}" for name, kind in FIELDS.items() if not isinstance(item[name], kind)]
    if problems:
        return problems
    if not item["question"].strip() or item["question"] != item["question"].strip():
        problems.append("question blank or padded")
    for name in ("history", "answers", "evidence", "tags"):
        if not all(isinstance(x, str) and x.strip() for x in item[name]):
            problems.append(f"{name} holds a non-string or empty")
    if item["lang"] not in LANGS or item["split"] != "transfer":
        problems.append(f"lang {item['lang']!r} / split {item['split']!r}")
    if len(set(item["tags"])) != len(item["tags"]) or len(set(item["answers"])) != len(item["answers"]):
        problems.append("repeated tag or answer")
    problems += [f"not NFC: {text!r}" for text in (item["question"], *item["history"], *item["answers"],
                                                   *item["evidence"]) if not unicodedata.is_normalized("NFC", text)]
    return problems


def _tag_problems(item: dict) -> list[str]:
    """One language tag, a kind, a report (or ``none``), what makes it hard; the flags agree with the fields."""
    tags, reports = item["tags"], _report_tags(item)
    unknown = set(tags) - (LANGS | KINDS | HARD | {"none"} | set(REPORTS.files))
    checks = [
        (not unknown, f"unknown tags {sorted(unknown)}"),
        ([t for t in tags if t in LANGS] == [item["lang"]], "exactly one language tag, equal to lang"),
        (any(t in KINDS - {"followup", "cross_report", "unanswerable"} for t in tags), "no kind tag"),
        (any(t in HARD for t in tags), "no tag says what makes it hard (or 'direct')"),
        (bool(reports) != ("none" in tags), "needs report tag(s) tNN or else 'none'"),
        ("none" not in tags or not item["answerable"], "'none' is only for questions no report answers"),
        (("unanswerable" in tags) == (not item["answerable"]), "unanswerable tag iff answerable is false"),
        (("followup" in tags) == bool(item["history"]), "followup tag iff history"),
        ("cross_report" not in tags or len(reports) >= 2, "a cross-report item names two reports"),
        ("direct" not in tags or not {"paraphrase", "old_tone"} & set(tags), "direct yet reworded"),
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
    """Evidence verbatim in one sentence/row on one page of a tagged report; an answer in the report(s)."""
    if not item["answerable"]:
        return [] if item["answers"] == [] and item["evidence"] == [] else ["unanswerable item with answers/evidence"]
    reports = _report_tags(item)
    if not (reports and item["answers"] and item["evidence"]):
        return ["answerable item without report tag, answers or evidence"]
    shortest = 2 if SHORT_LINE_TAGS & set(item["tags"]) else 5
    problems, holders = [], set()
    for ev in item["evidence"]:
        if ev != ev.strip() or "\n" in ev or "|" in ev:
            problems.append(f"evidence not one clean line inside one cell: {ev!r}")
        if not (shortest <= len(ev.split()) <= 25 and len(ev) <= 200):
            problems.append(f"evidence of {len(ev.split())} words: {ev!r}")
        wanted = form(ev)
        found = [tag for tag in reports if any(wanted in piece for piece in REPORTS.pieces(tag))]
        if not found:
            problems.append(f"evidence not inside one sentence/row on one page of {reports}: {ev!r}")
        holders.update(found)
    if "cross_report" in item["tags"] and holders != set(reports):
        problems.append(f"no evidence from {sorted(set(reports) - holders)}")
    keys = " ".join(answer_key(REPORTS.body(tag)) for tag in reports)
    if not any(answer_key(a) in keys for a in item["answers"]):
        problems.append(f"no expected answer occurs in {reports}: {item['answers']}")
    return problems


@pytest.mark.parametrize("check", [_shape_problems, _tag_problems, _language_problems, _grounding_problems],
                         ids=["shape", "tags", "language", "grounding"])
def test_items(check):
    """One check over every item, listing every failing item (490 parametrized cases would cost seconds)."""
    problems = [f"{item.get('id')}: {p}" for item in ITEMS for p in check(item)]
    assert not problems, "\n".join(problems)


def test_every_report_covered():
    """Every report is asked about in all three languages, with answerable and look-alike items."""
    for tag in REPORTS.files:
        about = [item for item in ITEMS if tag in item["tags"]]
        answerable = [item for item in about if item["answerable"]]
        assert len(answerable) >= 10, f"{tag}: only {len(answerable)} answerable items"
        assert {item["lang"] for item in answerable} == LANGS, f"{tag}: languages"
        assert sum(not item["answerable"] for item in about) >= 5, f"{tag}: too few look-alikes"
