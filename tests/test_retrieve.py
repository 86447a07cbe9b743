"""Hybrid retrieval on a hand-made index with the word-hash fake embedder: fusion, filters, modes, settings.

No model: three short reports embedded by ``fakes.WordEmbedder``, so these check the logic of
``assistant.retrieve`` in about a second; the real-model retrieval is tested end to end elsewhere.
"""
from __future__ import annotations

from dataclasses import replace

import pytest
from fakes import WordEmbedder, tiny_index

from assistant.retrieve import Filters, Retriever
from assistant.settings import RetrievalSettings

REPORTS = {
    "001_lam-dong.txt": "CÔNG AN TỈNH LÂM ĐỒNG\nLâm Đồng, ngày 15 tháng 12 năm 2023\n\n"
                        "Năm 2023, toàn tỉnh duy trì 1.274 mô hình tự quản về an ninh, trật tự.\n\n"
                        "Lực lượng công an tổ chức 120 buổi tuyên truyền pháp luật cho đồng bào.",
    "002_gia-lai.txt": "CÔNG AN TỈNH GIA LAI\nGia Lai, ngày 20 tháng 11 năm 2022\n\n"
                       "Năm 2022, toàn tỉnh có 315 tổ an ninh xung kích tham gia tuần tra.\n\n"
                       "Nhân dân cung cấp 2.250 tin báo có giá trị về tội phạm ma túy.",
    "003_kon-tum.txt": "CÔNG AN TỈNH KON TUM\nKon Tum, ngày 02 tháng 3 năm 2024\n\n"
                       "Đầu năm 2024, tỉnh xây dựng mới 48 mô hình camera an ninh ở khu dân cư.",
}
SETTINGS = RetrievalSettings()


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return tiny_index(tmp_path_factory.mktemp("three"), REPORTS)


def _province(data, chunk: int) -> str:
    return data.reports[data.chunks[chunk].doc_id].meta["province"]


def _text(data, chunk: int) -> str:
    c = data.chunks[chunk]
    return data.reports[c.doc_id].text[c.start:c.end]


def test_the_passage_sharing_the_question_words_comes_first_with_both_sides_scores(data):
    hits = Retriever(data, WordEmbedder()).retrieve("tin báo có giá trị về ma túy", k=3).hits
    assert "2.250 tin báo" in _text(data, hits[0].chunk)
    assert hits[0].bm25 > 0 and hits[0].dense > 0
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_fused_scores_are_reciprocal_ranks_of_both_sides(data):
    hybrid = Retriever(data, WordEmbedder()).retrieve("mô hình tự quản an ninh", k=len(data.chunks)).hits
    bm25 = Retriever(data, WordEmbedder(), mode="bm25").retrieve("mô hình tự quản an ninh", k=len(data.chunks)).hits
    dense = Retriever(data, WordEmbedder(), mode="dense").retrieve("mô hình tự quản an ninh", k=len(data.chunks)).hits
    bm25_rank = {h.chunk: r for r, h in enumerate(h for h in bm25 if h.bm25 > 0)}
    dense_rank = {h.chunk: r for r, h in enumerate(dense)}
    for hit in hybrid:
        expected = sum(1.0 / (SETTINGS.rrf_k + ranks[hit.chunk] + 1) for ranks in (bm25_rank, dense_rank)
                       if hit.chunk in ranks)
        assert hit.score == pytest.approx(expected)


def test_one_sided_modes_rank_by_their_side_and_still_carry_the_other(data):
    query = "tổ an ninh xung kích tuần tra"
    bm25 = Retriever(data, WordEmbedder(), mode="bm25").retrieve(query, k=3).hits
    assert [h.bm25 for h in bm25] == sorted((h.bm25 for h in bm25), reverse=True)
    assert any(h.dense != 0 for h in bm25)
    dense = Retriever(data, WordEmbedder(), mode="dense").retrieve(query, k=3).hits
    assert [h.dense for h in dense] == sorted((h.dense for h in dense), reverse=True)
    assert any(h.bm25 > 0 for h in dense)


def test_a_side_weighted_zero_leaves_the_other_sides_order(data):
    query = "camera an ninh khu dân cư"
    dense_only = Retriever(data, WordEmbedder(), mode="dense").retrieve(query, k=4).hits
    weighted = Retriever(data, WordEmbedder(), settings=replace(SETTINGS, bm25_weight=0.0)).retrieve(query, k=4).hits
    assert [h.chunk for h in weighted] == [h.chunk for h in dense_only]


def test_filters_keep_only_the_reports_they_name(data):
    retriever = Retriever(data, WordEmbedder())
    by_province = retriever.retrieve("mô hình an ninh", k=10, filters=Filters(province="Kon Tum")).hits
    assert by_province and {_province(data, h.chunk) for h in by_province} == {"Kon Tum"}
    by_year = retriever.retrieve("mô hình an ninh", k=10, filters=Filters(year=2022)).hits
    assert by_year and {_province(data, h.chunk) for h in by_year} == {"Gia Lai"}
    assert retriever.retrieve("mô hình an ninh", filters=Filters(province="Gia Lai", year=2024)).hits == []


def test_k_bounds_the_hits_and_an_expansion_reaches_bm25_only(data):
    retriever = Retriever(data, WordEmbedder())
    assert len(retriever.retrieve("công an tỉnh", k=2).hits) == 2
    plain = Retriever(data, WordEmbedder(), mode="bm25").retrieve("drug reports", k=3).hits
    expanded = Retriever(data, WordEmbedder(), mode="bm25").retrieve("drug reports", k=3, expansion="ma túy").hits
    assert not any(h.bm25 > 0 for h in plain)
    assert "ma túy" in _text(data, expanded[0].chunk) and expanded[0].bm25 > 0
