"""Cross-report answers from stored facts: intent, comparability, bounds, totals (no model)."""
from __future__ import annotations

import numpy as np
import pytest

from assistant.across import UnitMatcher, answer_across, asked_phrase, intent_of, render, table, winner
from assistant.facts import extract_facts
from assistant.factstore import FactStore

REPORTS = {
    "ld": ("Lâm Đồng", "2023-12-20", "Năm 2023, toàn tỉnh duy trì 1.250 mô hình tự quản về an ninh, trật tự."),
    "bt": ("Bến Tre", "2023-12-15", "Năm 2023, toàn tỉnh duy trì hơn 900 mô hình tự quản về an ninh, trật tự."),
    "yb": ("Yên Bái", "2022-11-30", "Năm 2022, toàn tỉnh duy trì 640 mô hình tự quản về an ninh, trật tự."),
}


@pytest.fixture
def store(tmp_path) -> FactStore:
    rows = [(doc, f) for doc, (province, _, text) in REPORTS.items()
            for f in extract_facts(text, [(0, len(text))], {"province": province})]
    FactStore.build(rows).save(tmp_path)
    return FactStore.open(tmp_path)


PROVINCE_OF = {doc: p for doc, (p, _, _) in REPORTS.items()}
DATES = {doc: d for doc, (_, d, _) in REPORTS.items()}
UNITS = ["mo hinh tu quan"]


@pytest.mark.parametrize("question, provinces, intent", [
    ("Tỉnh nào duy trì nhiều mô hình nhất?", [], "most"),
    ("tinh nao duy tri it mo hinh nhat", [], "least"),
    ("Giữa Lâm Đồng và Bến Tre, tỉnh nào duy trì nhiều mô hình hơn?", ["Lâm Đồng", "Bến Tre"], "compare"),
    ("Which province reported the earliest?", [], "earliest"),
    ("How many models in total did Lâm Đồng and Bến Tre maintain?", ["Lâm Đồng", "Bến Tre"], "total"),
    ("Lâm Đồng duy trì bao nhiêu mô hình?", ["Lâm Đồng"], None),
])
def test_intent(question, provinces, intent):
    assert intent_of(question, provinces) == intent


def test_two_provinces_without_a_cue_compare_only_a_figure():
    provinces = ["Thanh Hóa", "Quảng Nam"]
    assert intent_of("Thanh Hóa và Quảng Nam duy trì bao nhiêu mô hình?", provinces, asks_figure=True) == "compare"
    assert intent_of("hoi nghi o thanh hoa va quang nam cach nhau bao lau", provinces, asks_figure=False) is None
    assert intent_of("So sánh hội nghị ở Thanh Hóa và Quảng Nam", provinces, asks_figure=False) == "compare"


def test_the_phrase_loses_the_cross_report_words():
    assert asked_phrase("Giữa Lâm Đồng và Bến Tre, tỉnh nào duy trì nhiều mô hình hơn?", ["Lâm Đồng", "Bến Tre"]) \
        == "duy trì nhiều mô hình"


def test_same_period_figures_compare_and_a_bound_is_said(store):
    answer = answer_across("compare", "duy trì mô hình", ["Lâm Đồng", "Bến Tre"], UNITS, store, PROVINCE_OF, DATES)
    assert answer.comparable and winner(answer).province == "Lâm Đồng"
    text = render(answer, "vi")
    assert text.splitlines()[0].startswith("Lâm Đồng nhiều hơn: 1.250")
    assert "hơn 900" in text and "bound" in answer.notes and "[2]" in text
    assert [r["province"] for r in table(answer)] == ["Lâm Đồng", "Bến Tre"]


def test_another_year_makes_figures_not_comparable(store):
    answer = answer_across("most", "mô hình", [], UNITS, store, PROVINCE_OF, DATES)
    assert not answer.comparable and winner(answer) is None
    text = render(answer, "en")
    assert text.startswith("Not comparable:") and "different periods" in text and "640" in text


def test_a_total_of_bounds_is_a_bound(store):
    answer = answer_across("total", "mô hình", ["Lâm Đồng", "Bến Tre"], UNITS, store, PROVINCE_OF, DATES)
    assert render(answer, "vi").splitlines()[0] == "Tổng cộng: ít nhất 2.150 mô hình tự quản."


def test_a_province_without_the_unit_is_named(store):
    answer = answer_across("compare", "tin báo", ["Lâm Đồng", "Cà Mau"], UNITS, store, PROVINCE_OF, DATES)
    assert answer.missing == ["Cà Mau"] and not answer.comparable
    assert "Cà Mau: báo cáo không có số liệu này" in render(answer, "vi")


def test_earliest_report(store):
    answer = answer_across("earliest", "", [], [], store, PROVINCE_OF, DATES)
    assert winner(answer).province == "Yên Bái" and "2022-11-30" in render(answer, "vi")


class HashEmbedder:
    """Deterministic vectors: a phrase's folded words hashed into 64 dimensions (logic tests only)."""

    dim = 64

    def embed_query(self, texts):
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, t in enumerate(texts):
            for w in t.lower().split():
                out[i, hash(w) % self.dim] += 1
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)


def test_units_match_by_words_and_by_vector():
    embedder = HashEmbedder()
    keys = ["mo hinh tu quan", "tin bao", "mo hinh"]
    matcher = UnitMatcher(keys, keys, embedder.embed_query(keys), embedder)
    assert set(matcher.match("mô hình")) >= {"mo hinh tu quan", "mo hinh"}
    assert matcher.match("tin bao") == ["tin bao"]
    assert matcher.match("") == []
