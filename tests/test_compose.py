"""Candidates (``assistant.sentences``) and cited claims (``assistant.compose``) on a hand-made report.

No model: the report is indexed with ``fakes.WordEmbedder`` and candidates are scored by hand, so
these check how sentences become candidates and how the best one is quoted, cited and verified.
"""
from __future__ import annotations

import math
from dataclasses import replace

import pytest
from fakes import tiny_index

from assistant.compose import Claim, compose_claims, human_date, render_claims, verify_claims
from assistant.kinds import asked
from assistant.question import analyse
from assistant.retrieve import Hit
from assistant.sentences import CandidateFinder, whole_numbers

REPORT = """CÔNG AN TỈNH LÂM ĐỒNG
Lâm Đồng, ngày 15 tháng 12 năm 2023

Năm 2023, toàn tỉnh duy trì 1.274 mô hình tự quản về an ninh, trật tự và xây dựng mới 87 mô hình.
Tại huyện Đức Trọng, lực lượng công an tổ chức 120 buổi tuyên truyền với 9.500 lượt người tham gia.
Hội nghị do đồng chí Nguyễn Văn An, Giám đốc Công an tỉnh, chủ trì.
Các đại biểu thảo luận về giải pháp nâng cao hiệu quả phong trào.
"""


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return tiny_index(tmp_path_factory.mktemp("compose"), {"001_lam-dong.txt": REPORT})


@pytest.fixture(scope="module")
def text(data) -> str:
    return next(iter(data.reports.values())).text


def _candidates(data, question: str):
    a = asked(analyse(question))
    hits = [Hit(i, 1.0 / (1 + i)) for i in range(len(data.chunks))]
    return a, CandidateFinder(data).candidates(a, hits)


def _scored(candidates, text: str, best: str):
    """The candidates, the one whose answer is ``best`` scored 0.9 and first, the rest 0.1."""
    for c in candidates:
        c.score = 0.9 if text[c.answer.start:c.answer.end] == best else 0.1
    return sorted(candidates, key=lambda c: -c.score)


def test_a_figure_question_gets_one_candidate_per_figure_with_its_stored_fact(data, text):
    _, candidates = _candidates(data, "Lâm Đồng duy trì bao nhiêu mô hình?")
    figures = [text[c.answer.start:c.answer.end] for c in candidates if c.typed]
    assert {"1.274", "87", "120", "9.500"} <= set(figures)
    maintained = next(c for c in candidates if text[c.answer.start:c.answer.end] == "1.274")
    assert maintained.fact is not None and maintained.fact.value == 1274
    assert "mô hình" in (maintained.fact.unit or "")
    assert all(c.start <= c.answer.start < c.answer.end <= c.end for c in candidates)


def test_a_clause_question_gets_each_sentence_once_even_when_chunks_overlap(data):
    a, _ = _candidates(data, "Các đại biểu thảo luận về nội dung gì?")
    hits = [Hit(i, 1.0) for i in range(len(data.chunks))] * 2  # every chunk retrieved twice
    candidates = CandidateFinder(data).candidates(a, hits)
    sentences = [(c.doc_id, c.start) for c in candidates]
    assert len(sentences) == len(set(sentences)) >= 4
    assert all(c.rank < len(data.chunks) for c in candidates)  # each at its first, best-ranked chunk


def test_the_best_figure_is_quoted_with_its_clause_and_a_rival_of_its_sentence(data, text):
    a, candidates = _candidates(data, "Lâm Đồng duy trì bao nhiêu mô hình?")
    ranked = _scored(candidates, text, "1.274")
    claims = compose_claims(a, ranked, data, threshold=0.5)
    main = claims[0]
    assert main.main and main.n == 1 and "1.274 mô hình" in text[main.start:main.end]
    assert main.candidate.start <= main.start < main.end <= main.candidate.end
    assert verify_claims(a, claims, data)
    rival = claims[1]  # the sentence's other figure of models, cited with the same passage
    assert len(claims) == 2 and not rival.main and rival.n == 1 and "87 mô hình" in text[rival.start:rival.end]


def test_no_rival_from_another_sentence_below_the_threshold(data, text):
    a, candidates = _candidates(data, "Có bao nhiêu buổi tuyên truyền?")
    ranked = _scored(candidates, text, "120")
    claims = compose_claims(a, ranked, data, threshold=math.inf)
    assert all(c.candidate.start == ranked[0].start for c in claims)


def test_render_names_the_province_and_date_in_either_language(data, text):
    a, candidates = _candidates(data, "Lâm Đồng duy trì bao nhiêu mô hình?")
    main = compose_claims(a, _scored(candidates, text, "1.274"), data, threshold=0.5)[:1]
    quote = text[main[0].start:main[0].end]
    assert render_claims(main, "vi", data) == f"Lâm Đồng (báo cáo ngày 15/12/2023): {quote} [1]"
    assert render_claims(main, "en", data) == f'Lâm Đồng (report of 15/12/2023): "{quote}" [1]'
    assert (human_date("2023-12-15", "vi"), human_date("2023-12", "en"), human_date(None, "vi")) == \
        ("15/12/2023", "12/2023", None)


def test_verification_refuses_a_quote_outside_its_sentence_or_without_its_answer(data, text):
    a, candidates = _candidates(data, "Lâm Đồng duy trì bao nhiêu mô hình?")
    ranked = _scored(candidates, text, "1.274")
    main = compose_claims(a, ranked, data, threshold=0.5)[0]
    outside = replace(main, end=main.candidate.end + 5)
    assert not verify_claims(a, [outside], data)
    other = next(c for c in ranked if c.start != main.candidate.start and c.typed)
    elsewhere = Claim(1, main.candidate, other.start, other.end)  # another sentence's text, same citation
    assert not verify_claims(a, [elsewhere], data)
    without = Claim(1, main.candidate, main.candidate.start, main.candidate.answer.start)
    assert not verify_claims(a, [without], data)


def test_whole_numbers_are_bare_integers_with_leading_zeros_dropped():
    # a figure with separators ("2.250", "7,39") is matched as a figure elsewhere, never cut into integers
    assert whole_numbers("ngày 09/3, 2.250 tin báo, tỷ lệ 7,39% và 15 xã") == {9, 3, 15}
