"""The dev set of official reports (evals/dev_docs.jsonl over evals/dev_reports/) is well-formed and grounded.

``corpus/`` holds only news articles, so these eight fictional official documents (header block, dateline,
tables, per-district lists, "Nơi nhận", signature block) are what header, signature and table answering is
developed on. They are dev data: tuned on freely, and written without reading the held-out transfer reports.
Each evidence string must stand in one sentence (a table row is one sentence) of the text the assistant's
own readers extract, on one PDF page and without a cell separator, compared as the scorer compares it
(``canonical``, whitespace collapsed); an answerable item's answer must stand in its report as the scorer
matches answers; and the generator must still reproduce the committed reports, byte for byte. No model is
loaded: this runs in a few seconds.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from assistant.evalset import load_items
from assistant.metrics import answer_matches
from assistant.readers import read_report
from report_text import ReportFolder, form, has_diacritics, load_jsonl, load_script

ROOT = Path(__file__).resolve().parent.parent
QA = ROOT / "evals" / "dev_docs.jsonl"
REPORTS_DIR = ROOT / "evals" / "dev_reports"
REPORTS = ReportFolder(REPORTS_DIR, r"d\d\d")
GENERATOR = ROOT / "evals" / "generate_dev_reports.py"

FIELDS = {"id": str, "question": str, "lang": str, "history": list, "answers": list, "evidence": list,
          "answerable": bool, "tags": list, "split": str}
LANGS = {"vi", "vi_nodiac", "en"}
ID_LANG = {"vi": "vi", "nd": "vi_nodiac", "en": "en"}
"""The last part of an id names the item's language; the rest is its group (``d01-signer``)."""
KINDS = {"number", "rate", "money", "who", "title", "when", "where", "which_model", "doc_number", "signer",
         "target", "table_row", "other"}
FLAGS = {"followup", "unanswerable"}
HARD = {"direct", "scope-year", "scope-district", "scope-period", "scope-unit", "table-row", "table-total",
        "header", "signature", "near-miss", "abbrev", "old_tone", "paraphrase", "other-province",
        "unnamed-person"}
"""What makes an item hard (the transfer set's vocabulary); ``direct`` when nothing does."""
REPORT_TAG = re.compile(r"d\d\d")
ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+")
SHORT_LINE_TAGS = {"header", "signature"}
"""A document number, an issuer or a signer's name is a whole line of its own, shorter than five words."""
FORMATS = {"d01": ".txt", "d02": ".docx", "d03": ".md", "d04": ".pdf",
           "d05": ".docx", "d06": ".txt", "d07": ".md", "d08": ".pdf"}
MINIMUM = {"signer": 8, "doc_number": 8, "header": 6, "table_row": 12, "followup": 3}
"""Items per tag (answerable or not) that the set exists for."""
ABSENT = {"d01-quanba-nd": "Quản Bạ", "d01-yenminh-vi": "Yên Minh", "d02-dakmil-vi": "Đắk Mil",
          "d03-thuthua-nd": "Thủ Thừa", "d04-phongdien-vi": "Phong Điền", "d03-tanthanhcam-en": "Huyện Tân Thạnh:",
          "none-gialaisigner-vi": "Gia Lai, ngày", "none-caobangdocno-en": "Cao Bằng",
          "none-binhphuocdate-nd": "Bình Phước",
          "d05-tamdao-vi": "Tam Đảo", "d06-triton-vi": "Tri Tôn", "d06-lapvo-en": "Lấp Vò",
          "d07-xuanan-vi": "Xuân An", "d07-ayunpa-en": "Ayun Pa", "d08-yyen-nd": "Ý Yên",
          "none-backandocno-vi": "Bắc Kạn", "none-tuyenquangsigner-en": "Tuyên Quang",
          "none-namdinhtips-nd": "Nam Định"}
"""Look-alikes about a place their report (any report, for ``none``) must never list. ``d07`` is a
district-level report from Gia Lai (Công an thị xã An Khê, under "CÔNG AN TỈNH GIA LAI"), so what must
stay absent for the Gia Lai provincial look-alike is a provincial document dated "Gia Lai, ngày …"."""


ITEMS = load_jsonl(QA)
IDS = [str(item.get("id")) for item in ITEMS]


def _report_tags(item: dict) -> list[str]:
    return [t for t in item["tags"] if REPORT_TAG.fullmatch(t)]



# ------------------------------------------------------------------------------------ the reports

def test_generator_reproduces_the_committed_reports(tmp_path):
    written = load_script(GENERATOR).generate(tmp_path)
    assert sorted(p.name for p in written) == sorted(p.name for p in REPORTS_DIR.iterdir()), \
        "evals/dev_reports/ holds other files than the generator writes"
    for path in written:
        committed = REPORTS_DIR / path.name
        assert read_report(path).text == read_report(committed).text, f"{path.name}: extracted text differs"
        assert path.read_bytes() == committed.read_bytes(), f"{path.name}: bytes differ (rerun the generator)"


def test_reports_are_official_documents_of_a_realistic_size():
    """Four formats, twice; each has the header, dateline, "Nơi nhận" and signature blocks, 4–7 KB of text."""
    reports = REPORTS.files
    assert {tag: path.suffix for tag, (path, _) in reports.items()} == FORMATS
    for tag in reports:
        body = REPORTS.body(tag)
        kb = len(body.encode("utf-8")) / 1024
        assert 4 <= kb <= 7.2, f"{tag}: {kb:.1f} KB of text"
        assert len(re.findall(r"\d+(?:[.,/]\d+)*", body)) >= 30, f"{tag}: fewer than 30 numbers"
        assert re.search(r"(?m)^\s*Số: \d+/(?:BC|KH)-", body), f"{tag}: no 'Số: N/BC-…' line"
        assert re.search(r", ngày \d{1,2} tháng \d{1,2} năm \d{4}", body), f"{tag}: no dateline"
        assert "Nơi nhận:" in body, f"{tag}: no recipients block"
        assert re.search(r"(?:^|\s)(?:KT|TM)\. [A-ZĐÀ-Ỹ]", body), f"{tag}: no signing capacity (KT. / TM.)"


def test_tables_keep_their_column_names():
    """DOCX and PDF tables read as labelled rows ("Huyện Ea Kar: camera lắp mới là 174."), total row included."""
    places = ("huyện ", "thành phố ", "thị xã ")
    for tag in ("d02", "d04", "d05", "d08"):
        pieces = REPORTS.pieces(tag)
        assert any(p.startswith("toàn tỉnh: ") and " là " in p for p in pieces), f"{tag}: no labelled total row"
        assert sum(p.startswith(places) and " là " in p for p in pieces) >= 8, f"{tag}: too few labelled rows"
    for tag in ("d04", "d08"):
        assert len(REPORTS.extracted(tag).page_starts or ()) >= 2, f"{tag}: the PDF should run over several pages"


# -------------------------------------------------------------------------------------- the items

def test_the_loader_reads_every_item():
    loaded = load_items(QA)
    assert [item["id"] for item in loaded] == IDS
    assert load_items(QA, split="dev") == loaded


def test_size_and_balance():
    assert 160 <= len(ITEMS) <= 200, len(ITEMS)
    assert {item["split"] for item in ITEMS} == {"dev"}
    unanswerable = sum(not item["answerable"] for item in ITEMS)
    assert unanswerable / len(ITEMS) >= 0.25, f"{unanswerable}/{len(ITEMS)} unanswerable"
    langs = Counter(item["lang"] for item in ITEMS)
    shares = {lang: langs[lang] / len(ITEMS) for lang in LANGS}
    assert 0.35 <= shares["vi"] <= 0.55 and 0.15 <= shares["vi_nodiac"] <= 0.35 and 0.2 <= shares["en"] <= 0.4, \
        shares
    tags = Counter(t for item in ITEMS for t in item["tags"])
    short = {tag: tags[tag] for tag, least in MINIMUM.items() if tags[tag] < least}
    assert not short, f"too few items tagged {short} (need {MINIMUM})"


def test_ids_unique_and_readable():
    dupes = [i for i, n in Counter(IDS).items() if n > 1]
    assert not dupes, dupes
    assert all(ID.fullmatch(i) for i in IDS), [i for i in IDS if not ID.fullmatch(i)]
    wrong = [item["id"] for item in ITEMS if ID_LANG.get(item["id"].rsplit("-", 1)[-1]) != item["lang"]]
    assert not wrong, f"an id's last part (vi, nd, en) names its language: {wrong}"


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
    if item["lang"] not in LANGS or item["split"] != "dev":
        problems.append(f"lang {item['lang']!r} / split {item['split']!r}")
    if len(set(item["tags"])) != len(item["tags"]) or len(set(item["answers"])) != len(item["answers"]):
        problems.append("repeated tag or answer")
    problems += [f"not NFC: {text!r}" for text in (item["question"], *item["history"], *item["answers"],
                                                   *item["evidence"]) if not unicodedata.is_normalized("NFC", text)]
    return problems


def _tag_problems(item: dict) -> list[str]:
    """One language tag, a kind, a report (or ``none``), what makes it hard; the flags agree with the fields."""
    tags, reports = item["tags"], _report_tags(item)
    unknown = set(tags) - (LANGS | KINDS | FLAGS | HARD | {"none"} | set(REPORTS.files))
    checks = [
        (not unknown, f"unknown tags {sorted(unknown)}"),
        ([t for t in tags if t in LANGS] == [item["lang"]], "exactly one language tag, equal to lang"),
        (any(t in KINDS for t in tags), "no kind tag"),
        (any(t in HARD for t in tags), "no tag says what makes it hard (or 'direct')"),
        (len(reports) == 1 or (not reports and "none" in tags), "one report tag dNN, or else 'none'"),
        (not (reports and "none" in tags), "a report tag and 'none'"),
        ("none" not in tags or not item["answerable"], "'none' is only for questions no report answers"),
        (("unanswerable" in tags) == (not item["answerable"]), "unanswerable tag iff answerable is false"),
        (("followup" in tags) == bool(item["history"]), "followup tag iff history"),
        ("direct" not in tags or not {"paraphrase", "old_tone"} & set(tags), "direct yet reworded"),
        (not reports or item["id"].startswith(reports[0] + "-"), "the id starts with its report tag"),
    ]
    return [message for ok, message in checks if not ok]


def _language_problems(item: dict) -> list[str]:
    text = " ".join([item["question"], *item["history"]])
    if item["lang"] == "vi_nodiac" and (has_diacritics(text) or text != text.lower()):
        return ["vi_nodiac text carries diacritics or capitals"]
    if item["lang"] == "vi" and not has_diacritics(item["question"]):
        return ["vi question without diacritics (use vi_nodiac)"]
    return []


def _grounding_problems(item: dict) -> list[str]:
    """Evidence verbatim in one sentence/row on one page of the report; an answer in the report and evidence."""
    if not item["answerable"]:
        problems = [] if item["answers"] == [] and item["evidence"] == [] else ["unanswerable item with answers/evidence"]
        absent = ABSENT.get(item["id"])
        if absent and any(form(absent) in form(REPORTS.body(tag)) for tag in _report_tags(item) or REPORTS.files):
            problems.append(f"the look-alike's premise {absent!r} stands in a dev report")
        return problems
    reports = _report_tags(item)
    if not (reports and item["answers"] and item["evidence"]):
        return ["answerable item without report tag, answers or evidence"]
    shortest = 2 if SHORT_LINE_TAGS & set(item["tags"]) else 5
    problems = []
    for ev in item["evidence"]:
        if ev != ev.strip() or "\n" in ev or "|" in ev:
            problems.append(f"evidence not one clean line inside one cell: {ev!r}")
        if not (shortest <= len(ev.split()) <= 25 and len(ev) <= 200):
            problems.append(f"evidence of {len(ev.split())} words: {ev!r}")
        wanted = form(ev)
        if not any(wanted in piece for tag in reports for piece in REPORTS.pieces(tag)):
            problems.append(f"evidence not inside one sentence/row on one page of {reports}: {ev!r}")
    if not any(answer_matches(REPORTS.body(tag), item["answers"]) for tag in reports):
        problems.append(f"no expected answer stands in {reports}: {item['answers']}")
    if not any(answer_matches(ev, item["answers"]) for ev in item["evidence"]):
        problems.append(f"no expected answer stands in its evidence: {item['answers']}")
    return problems


@pytest.mark.parametrize("check", [_shape_problems, _tag_problems, _language_problems, _grounding_problems],
                         ids=["shape", "tags", "language", "grounding"])
def test_items(check):
    """One check over every item, listing every failing item."""
    problems = [f"{item.get('id')}: {p}" for item in ITEMS for p in check(item)]
    assert not problems, "\n".join(problems)


def test_every_report_covered():
    """Every report is asked about in all three languages, with answerable items and look-alikes."""
    for tag in REPORTS.files:
        about = [item for item in ITEMS if tag in item["tags"]]
        answerable = [item for item in about if item["answerable"]]
        assert len(answerable) >= 10, f"{tag}: only {len(answerable)} answerable items"
        assert {item["lang"] for item in about} == LANGS, f"{tag}: languages"
        assert sum(not item["answerable"] for item in about) >= 4, f"{tag}: too few look-alikes"
        assert any("signer" in item["tags"] for item in answerable), f"{tag}: nobody asks who signed"
        assert any("doc_number" in item["tags"] and "header" in item["tags"] for item in answerable), \
            f"{tag}: nobody asks the report's number"
