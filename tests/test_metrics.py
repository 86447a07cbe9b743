"""The evaluator's metrics on hand-made items and replies (no model, no index)."""
from __future__ import annotations

import unicodedata

import pytest

from assistant.metrics import (
    ItemResult,
    aggregate,
    answer_matches,
    by_split,
    by_tag,
    evidence_rank,
    percentile,
    score_item,
)

# ---------------------------------------------------------------- answer_matches

@pytest.mark.parametrize("answer, answers", [
    ("Quảng Nam duy trì và củng cố hơn 1.000 mô hình [1]", ["1.000"]),
    ("more than 1000 models [1]", ["1.000"]),
    ("more than 1,000 models", ["1.000"]),
    ("tỷ lệ 458/6195 = 7.39%", ["7,39%"]),
    ("tỷ lệ 7,39% [2]", ["7,39%"]),
    ("gần 2.250 mô hình", ["2.250"]),
    ("hơn 1,2 triệu lượt người", ["1,2 triệu"]),
    ("hơn 1.2 triệu lượt người", ["1,2 triệu"]),
    ("THIẾU TƯỚNG TRẦN PHÚ HÀ", ["Trần Phú Hà"]),
    ("Phó Chủ tịch UBND tỉnh Y Ngọc [1]", ["y ngọc"]),
    ("Thanh Hoá", ["Thanh Hóa"]),                         # tone placement
    ("Uỷ ban MTTQVN tỉnh", ["Ủy ban MTTQVN"]),
    ("diễn biến hoà bình", ["diễn biến hòa bình"]),
    ("Chiều 29/3/2022, Công an tỉnh", ["29/3/2022"]),
    ("số 09, ngày 01/8/2013", ["1/8/2013", "01/8/2013"]),   # any one suffices
    ("Chiều 11-3, Ban Chỉ đạo", ["11-3"]),
    ("(2013 – 2023).", ["2013 – 2023"]),
    ("45 mô hình = 1.589 điểm mô hình", ["1589"]),
    ("tỉ lệ tái phạm", ["tỷ lệ tái phạm"]),               # y/i unified by canonical()
])
def test_answer_matches_positive(answer, answers):
    assert answer_matches(answer, answers)


def test_answer_matches_nfd_input():
    answer = unicodedata.normalize("NFD", "Hồ Quang Bửu tham dự hội nghị")
    assert answer_matches(answer, ["Hồ Quang Bửu"])
    assert answer_matches("Hồ Quang Bửu", [unicodedata.normalize("NFD", "Hồ Quang Bửu")])


@pytest.mark.parametrize("answer, answers", [
    ("xây dựng, nhân rộng 10 loại với 70 mô hình", ["1.000"]),
    ("giai đoạn 2013 – 2018", ["18"]),                   # not inside a longer number
    ("số 09, ngày 01/8/2013", ["1/8/2013"]),              # "1/8/2013" glued to a leading 0
    ("10000 mô hình", ["1.000"]),
    ("Hà Nội", ["Hà Nam"]),
    ("Ủy ban MTTQVN tỉnh", ["MTTQ"]),                     # "MTTQ" glued to "VN"
    ("", ["1.000"]),
    ("hơn 1.000 mô hình", []),
    ("hơn 1.000 mô hình", ["", "  "]),
    ("Không tìm thấy thông tin này trong các báo cáo.", ["7,39%"]),
])
def test_answer_matches_negative(answer, answers):
    assert not answer_matches(answer, answers)


# ---------------------------------------------------------------- evidence_rank

PASSAGES = [
    "Hàng năm, Công an tỉnh tổ chức nhiều lớp tập huấn.",
    "Hai bên đã xây dựng, nhân rộng 10 loại với 70 mô hình, duy trì và củng cố hơn 1.000 mô hình tự phòng.",
    "Dịp này, 11 tập thể, 18 cá nhân điển hình tiên tiến được Uỷ ban MTTQVN tỉnh tặng Bằng khen.",
]


def test_evidence_rank_first_matching_citation():
    assert evidence_rank(PASSAGES, ["duy trì và củng cố hơn 1.000 mô hình"]) == 2
    assert evidence_rank(PASSAGES, ["không có ở đâu", "11 tập thể, 18 cá nhân"]) == 3
    assert evidence_rank(PASSAGES, ["Công an tỉnh", "11 tập thể"]) == 1  # the first citation wins


def test_evidence_rank_canonical_comparison():
    # tone placement, case, NFD and runs of whitespace do not matter
    assert evidence_rank(PASSAGES, ["ỦY BAN MTTQVN tỉnh tặng"]) == 3
    assert evidence_rank(PASSAGES, [unicodedata.normalize("NFD", "nhân rộng 10 loại với  70\nmô hình")]) == 2
    # but a diacritic-free copy is a different string: evidence is quoted from the report
    assert evidence_rank(PASSAGES, ["duy tri va cung co"]) is None


def test_evidence_rank_none_cases():
    assert evidence_rank([], ["1.000"]) is None
    assert evidence_rank(PASSAGES, []) is None
    assert evidence_rank(PASSAGES, [""]) is None
    assert evidence_rank(PASSAGES, ["2.250 mô hình"]) is None


# ---------------------------------------------------------------- score_item

ITEM = {"id": "qn-maintained-vi", "question": "Quảng Nam duy trì bao nhiêu mô hình?", "lang": "vi",
        "history": [], "answers": ["1.000"], "evidence": ["duy trì và củng cố hơn 1.000 mô hình"],
        "answerable": True, "tags": ["vi", "number", "r002", "easy"], "split": "dev"}
UNANSWERABLE = {"id": "dn-models-vi", "question": "Đà Nẵng có bao nhiêu mô hình?", "lang": "vi",
                "history": [], "answers": [], "evidence": [], "answerable": False,
                "tags": ["vi", "unanswerable", "none", "medium"], "split": "test"}


def reply(answer="", found=True, texts=(), total=12.5) -> dict:
    return {"question": "q", "answer": answer, "found": found,
            "citations": [{"n": i, "text": t, "source": "x.txt", "start": 0, "end": len(t)}
                          for i, t in enumerate(texts, start=1)],
            "timings_ms": {"retrieve": 1.0, "total": total}}


def test_score_answerable_pass():
    r = score_item(ITEM, reply("Quảng Nam duy trì hơn 1.000 mô hình [2]", True, PASSAGES))
    assert r.passed and r.reasons == []
    assert (r.id, r.answerable, r.found, r.answer_ok, r.evidence_rank) == ("qn-maintained-vi", True, True, True, 2)
    assert r.latency_ms == 12.5 and r.split == "dev" and r.tags == ITEM["tags"]


def test_score_answerable_not_found():
    r = score_item(ITEM, reply("Không tìm thấy thông tin này trong các báo cáo.", False, PASSAGES))
    assert not r.passed and not r.found and r.answer_ok is False
    assert r.evidence_rank == 2  # retrieval still measured on what was cited
    assert any("found is false" in reason for reason in r.reasons)


def test_score_answerable_wrong_figure():
    r = score_item(ITEM, reply("Quảng Nam xây dựng 70 mô hình [2]", True, PASSAGES))
    assert not r.passed and r.answer_ok is False and r.evidence_rank == 2
    assert any("none of" in reason for reason in r.reasons)


def test_score_answerable_right_figure_wrong_citation():
    r = score_item(ITEM, reply("hơn 1.000 mô hình [1]", True, PASSAGES[:1]))
    assert not r.passed and r.answer_ok is True and r.evidence_rank is None
    assert any("evidence" in reason for reason in r.reasons)


def test_score_answerable_found_missing_or_not_bool():
    response = reply("hơn 1.000 mô hình", True, PASSAGES)
    del response["found"]
    assert not score_item(ITEM, response).passed
    response["found"] = "yes"  # only a real true counts
    assert not score_item(ITEM, response).passed


def test_score_unanswerable():
    ok = score_item(UNANSWERABLE, reply("Không tìm thấy thông tin này trong các báo cáo.", False, PASSAGES[:1]))
    assert ok.passed and ok.reasons == [] and ok.answer_ok is None and ok.evidence_rank is None
    bad = score_item(UNANSWERABLE, reply("hơn 1.000 mô hình [1]", True, PASSAGES))
    assert not bad.passed and bad.found and bad.reasons


def test_score_item_tolerates_sparse_reply_and_item():
    r = score_item({"id": 7, "question": "x", "answers": ["1.000"]}, {"answer": None, "citations": None})
    assert r.id == "7" and not r.passed and r.latency_ms is None and r.split is None and r.tags == []
    assert r.has_evidence is False
    # an answerable item without evidence is judged on found + answer alone
    assert score_item({"id": "x", "answers": ["1.000"]}, reply("hơn 1.000", True, [])).passed


def test_latency_falls_back_to_sum_when_no_total():
    r = score_item(ITEM, {"answer": "1.000", "found": True, "citations": [],
                          "timings_ms": {"retrieve": 2.0, "answer": 3.0}})
    assert r.latency_ms == 5.0


# ---------------------------------------------------------------- aggregate

def result(id, passed, answerable=True, found=True, answer_ok=True, rank=1, latency=10.0,
           tags=("vi",), split="test", has_evidence=True) -> ItemResult:
    return ItemResult(id=id, passed=passed, reasons=[], answerable=answerable, found=found,
                      answer_ok=answer_ok if answerable else None, evidence_rank=rank if answerable else None,
                      latency_ms=latency, tags=list(tags), split=split,
                      has_evidence=has_evidence if answerable else False)


def test_aggregate_hand_computed():
    results = [
        result("a", True, rank=1, latency=10, tags=("vi", "number"), split="dev"),
        result("b", False, found=True, answer_ok=False, rank=2, latency=20, tags=("en", "number")),
        result("c", False, found=False, answer_ok=True, rank=None, latency=30, tags=("vi", "who")),
        result("d", True, rank=4, latency=40, tags=("en", "who"), split="dev"),
        result("u1", True, answerable=False, found=False, latency=50, tags=("vi", "unanswerable")),
        result("u2", False, answerable=False, found=True, latency=60, tags=("en", "unanswerable")),
    ]
    m = aggregate(results)
    assert (m["n"], m["n_answerable"], m["n_unanswerable"], m["passed"]) == (6, 4, 2, 3)
    assert m["pass_rate"] == pytest.approx(0.5)
    assert m["answer_accuracy"] == pytest.approx(2 / 4)  # c matched but was not found
    assert m["evidence_recall_at_k"] == pytest.approx(3 / 4)
    assert m["mrr"] == pytest.approx((1 + 1 / 2 + 0 + 1 / 4) / 4)
    assert m["unanswerable_accuracy"] == pytest.approx(0.5)
    assert m["false_answer_rate"] == pytest.approx(0.5)
    assert m["latency_ms_p50"] == pytest.approx(35.0)
    assert m["latency_ms_p95"] == pytest.approx(57.5)


def test_aggregate_empty_groups_are_none():
    m = aggregate([])
    assert m["n"] == 0 and m["n_answerable"] == 0 and m["n_unanswerable"] == 0
    for key in ("answer_accuracy", "evidence_recall_at_k", "mrr", "unanswerable_accuracy",
                "false_answer_rate", "latency_ms_p50", "latency_ms_p95", "pass_rate"):
        assert m[key] is None, key
    only_answerable = aggregate([result("a", True)])
    assert only_answerable["unanswerable_accuracy"] is None and only_answerable["false_answer_rate"] is None
    only_unanswerable = aggregate([result("u", True, answerable=False, found=False)])
    assert only_unanswerable["answer_accuracy"] is None and only_unanswerable["mrr"] is None
    assert only_unanswerable["unanswerable_accuracy"] == 1.0


def test_aggregate_skips_missing_latency_and_items_without_evidence():
    m = aggregate([result("a", True, latency=None), result("b", True, rank=None, has_evidence=False, latency=None),
                   result("c", True, rank=2, latency=8.0)])
    assert m["latency_ms_p50"] == 8.0 and m["latency_ms_p95"] == 8.0
    assert m["evidence_recall_at_k"] == 1.0 and m["mrr"] == pytest.approx(0.75)


def test_percentile():
    assert percentile([], 50) is None
    assert percentile([3.0], 95) == 3.0
    assert percentile([1, 2, 3, 4], 50) == pytest.approx(2.5)
    assert percentile(range(1, 101), 95) == pytest.approx(95.05)
    assert percentile([5, 1, 3], 0) == 1 and percentile([5, 1, 3], 100) == 5


def test_by_tag_and_by_split():
    results = [result("a", True, tags=("vi", "number", "r002"), split="dev"),
               result("b", False, found=False, tags=("en", "number"), split="test"),
               result("u", True, answerable=False, found=False, tags=("vi", "unanswerable"), split=None),
               result("dup", True, tags=("vi", "vi"), split="test")]
    tags = by_tag(results)
    assert set(tags) == {"vi", "en", "number", "r002", "unanswerable"}
    assert tags["number"]["n"] == 2 and tags["number"]["answer_accuracy"] == 0.5
    assert tags["vi"]["n"] == 3  # "dup" counted once despite its repeated tag
    assert tags["unanswerable"]["unanswerable_accuracy"] == 1.0 and tags["unanswerable"]["answer_accuracy"] is None
    splits = by_split(results)
    assert set(splits) == {"dev", "test"}
    assert splits["dev"]["n"] == 1 and splits["test"]["n"] == 3  # no split → "test"
    assert by_tag([]) == {} and by_split([]) == {}


def test_end_to_end_from_items_and_replies():
    items = [ITEM, UNANSWERABLE]
    replies = [reply("hơn 1.000 mô hình [1]", True, PASSAGES[1:]), reply("Không tìm thấy.", False, [])]
    results = [score_item(i, r) for i, r in zip(items, replies)]
    m = aggregate(results)
    assert m["answer_accuracy"] == 1.0 and m["mrr"] == 1.0 and m["unanswerable_accuracy"] == 1.0
    assert by_split(results)["dev"]["n"] == 1
    assert results[0].to_dict()["evidence_rank"] == 1
