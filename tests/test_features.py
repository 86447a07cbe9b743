"""Candidates, features and the scored answer on a hand-made report, with a deterministic fake embedder.

No model: the index is built from one short report with word-hash vectors, so these run in about a
second and check the logic of candidates, features, scoring and "not found", not the model.
"""
from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from assistant.answer import Assistant
from assistant.districts import asked_district
from assistant.features import FEATURES, INDEX, Featurizer
from assistant.indexer import build_index
from assistant.kinds import asked
from assistant.question import analyse
from assistant.retrieve import Hit
from assistant.scorer import LearnedScorer
from assistant.sentences import CandidateFinder
from assistant.store import load_index
from fakes import WordEmbedder, tiny_index

REPORT = """Công an tỉnh Lâm Đồng sơ kết phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2023

Năm 2023, toàn tỉnh duy trì 1.274 mô hình tự quản về an ninh, trật tự và xây dựng mới 87 mô hình.
Tại huyện Đức Trọng, lực lượng công an tổ chức 120 buổi tuyên truyền với 9.500 lượt người tham gia.
Tỷ lệ khu dân cư đạt chuẩn an toàn về an ninh, trật tự là 93,5%.
Hội nghị do đồng chí Nguyễn Văn An, Giám đốc Công an tỉnh, chủ trì.
Mô hình “Camera an ninh” được nhân rộng ở nhiều xã.
Các đại biểu thảo luận về giải pháp nâng cao hiệu quả phong trào.
"""


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return tiny_index(tmp_path_factory.mktemp("tiny"), {"001_lam-dong.txt": REPORT})


def _all_hits(data) -> list[Hit]:
    return [Hit(i, 1.0 / (1 + i), bm25=1.0, dense=0.5) for i in range(len(data.chunks))]


def _featurized(data, question: str, year: int | None = None):
    q = analyse(question)
    a = asked(q)
    finder = CandidateFinder(data)
    featurizer = Featurizer(data, finder, data.sentences)
    candidates = finder.candidates(a, _all_hits(data))
    X = featurizer.matrix(a, featurizer.terms(q, a, year or q.year), candidates,
                          WordEmbedder().embed_query([question])[0])
    text = next(iter(data.reports.values())).text
    return candidates, X, text


def _row(candidates, X, text, figure: str) -> np.ndarray:
    return next(X[i] for i, c in enumerate(candidates) if text[c.answer.start:c.answer.end] == figure)


def test_each_figure_is_a_candidate_and_other_sentences_are_one_each(data):
    candidates, X, text = _featurized(data, "Lâm Đồng duy trì bao nhiêu mô hình tự quản?")
    figures = [text[c.answer.start:c.answer.end] for c in candidates if c.typed]
    assert {"1.274", "87", "120", "9.500"} <= set(figures)
    untyped = [c for c in candidates if not c.typed]
    assert untyped and all(c.answer.quantity is None for c in untyped)
    assert X.shape == (len(candidates), len(FEATURES)) and all(c.features is not None for c in candidates)


def test_sentence_vectors_are_stored_and_give_the_sentence_cosine(data):
    table = data.sentences
    text = next(iter(data.reports.values())).text
    assert table is not None and len(table) >= 6 and table.vectors.dtype == np.float16
    question = "Hội nghị do ai chủ trì?"
    candidates, X, _ = _featurized(data, question)
    query = WordEmbedder().embed_query([question])[0]
    for c, row in zip(candidates, X):
        stored = table.vector(c.doc_id, c.start, c.end)
        assert stored is not None
        assert row[INDEX["sentence_cos"]] == pytest.approx(float(stored @ query), abs=1e-3)
    best = candidates[int(np.argmax(X[:, INDEX["sentence_cos"]]))]
    assert "chủ trì" in text[best.start:best.end]
    assert np.allclose(X[:, INDEX["sentence_cos_gap"]], X[:, INDEX["sentence_cos"]].max() - X[:, INDEX["sentence_cos"]])


def test_the_old_gates_are_features(data):
    candidates, X, text = _featurized(data, "Lâm Đồng duy trì bao nhiêu mô hình tự quản?")
    kept = _row(candidates, X, text, "1.274")
    sessions = _row(candidates, X, text, "120")
    assert kept[INDEX["fit_figure"]] == 1.0 and kept[INDEX["unit_focus"]] == 1.0
    assert sessions[INDEX["fit_figure"]] == 0.0 and sessions[INDEX["typed_figure"]] == 1.0
    assert kept[INDEX["noun_lex"]] == 1.0 > sessions[INDEX["noun_lex"]]
    assert kept[INDEX["lex_clause"]] > sessions[INDEX["lex_clause"]]  # "duy trì" stands in its own clause


def test_lexical_coverage_with_and_without_diacritics(data):
    marked, Xm, text = _featurized(data, "Lâm Đồng duy trì bao nhiêu mô hình tự quản?")
    plain, Xp, _ = _featurized(data, "lam dong duy tri bao nhieu mo hinh tu quan")
    m = _row(marked, Xm, text, "1.274")
    p = _row(plain, Xp, text, "1.274")
    assert m[INDEX["lex"]] == pytest.approx(1.0) and p[INDEX["lex"]] == pytest.approx(1.0)
    assert p[INDEX["lex_folded"]] == pytest.approx(m[INDEX["lex_folded"]])
    assert p[INDEX["lang_vi_nodiac"]] == 1.0 and m[INDEX["lang_vi_nodiac"]] == 0.0


def test_year_scope(data):
    c23, X23, text = _featurized(data, "Năm 2023 Lâm Đồng duy trì bao nhiêu mô hình?")
    ok = _row(c23, X23, text, "1.274")
    assert ok[INDEX["year_ok"]] == 1.0 and ok[INDEX["year_conflict"]] == 0.0 and ok[INDEX["report_lacks_year"]] == 0.0
    c21, X21, _ = _featurized(data, "Năm 2021 Lâm Đồng duy trì bao nhiêu mô hình?")
    off = _row(c21, X21, text, "1.274")
    assert off[INDEX["year_ok"]] == 0.0 and off[INDEX["year_conflict"]] == 1.0 and off[INDEX["report_lacks_year"]] == 1.0


def test_district_scope_and_total_or_row(data):
    cs, X, text = _featurized(data, "Huyện Đức Trọng tổ chức bao nhiêu buổi tuyên truyền?")
    row = _row(cs, X, text, "120")
    assert row[INDEX["district_match"]] == 1.0 and row[INDEX["report_lacks_district"]] == 0.0
    other, Xo, _ = _featurized(data, "Huyện Lâm Hà tổ chức bao nhiêu buổi tuyên truyền?")
    miss = _row(other, Xo, text, "120")
    assert miss[INDEX["district_match"]] == 0.0 and miss[INDEX["district_other"]] == 1.0
    assert miss[INDEX["report_lacks_district"]] == 1.0
    whole, Xw, _ = _featurized(data, "Lâm Đồng tổ chức bao nhiêu buổi tuyên truyền?")
    assert _row(whole, Xw, text, "120")[INDEX["breakdown_unasked"]] == 1.0
    assert _row(whole, Xw, text, "1.274")[INDEX["fact_total"]] == 1.0


def test_a_number_the_report_lacks_and_money_and_province(data):
    cs, X, text = _featurized(data, "Chương trình số 38 có bao nhiêu mô hình?")
    assert all(X[:, INDEX["numbers_missing"]] == 1.0)
    cs, X, text = _featurized(data, "Lâm Đồng chi bao nhiêu kinh phí cho mô hình?")
    assert _row(cs, X, text, "1.274")[INDEX["money_mismatch"]] == 1.0
    cs, X, text = _featurized(data, "Kon Tum duy trì bao nhiêu mô hình?")
    assert all(X[:, INDEX["province_mismatch"]] == 1.0)


def test_position_and_kind_columns(data):
    cs, X, _ = _featurized(data, "Ai chủ trì hội nghị?")
    assert all(0.0 <= v < 1.0 for v in X[:, INDEX["position"]])
    assert all(X[:, INDEX["kind_who"]] == 1.0) and all(X[:, INDEX["kind_count"]] == 0.0)
    holder = next(i for i, c in enumerate(cs) if c.typed)
    assert X[holder, INDEX["typed_name"]] == 1.0


@pytest.mark.parametrize("question, district", [
    ("Huyện Đức Trọng có bao nhiêu mô hình?", "duc trong"),
    ("huyen duc trong co bao nhieu mo hinh", "duc trong"),
    ("How many models in Duc Trong district?", "duc trong"),
    ("Xã Tân Lập: số tổ tự quản?", "tan lap"),
    ("Lâm Đồng có bao nhiêu mô hình?", None),
    ("huyện đức trọng có bao nhiêu mô hình?", "duc trong"),  # lower case, known to the gazetteer
    ("xa tan lap co bao nhieu to", "tan lap"),  # a commune typed without marks, as typed
    # a place word inside a common word or noun phrase names no place
    ("Quảng Nam duy trì bao nhiêu mô hình tự quản về an ninh trật tự?", None),
    ("quang nam duy tri bao nhieu mo hinh tu quan ve an ninh trat tu", None),
    ("Có bao nhiêu xã đạt chuẩn an toàn về ANTT?", None),
    ("How many models does Tan An city maintain?", "tan an"),  # a district's city
    ("How many models does Can Tho city maintain?", None),  # a province's
])
def test_asked_district(question: str, district: str | None):
    assert asked_district(question) == district


def _scorer(weights: dict[str, float], threshold: float, intercept: float = -4.0) -> LearnedScorer:
    n = len(FEATURES)
    coef = np.zeros(n)
    for name, w in weights.items():
        coef[INDEX[name]] = w
    return LearnedScorer(FEATURES, np.zeros(n), np.ones(n), coef, intercept, threshold)


def test_the_best_candidate_answers_above_the_threshold_and_is_verified(data):
    scorer = _scorer({"fit_figure": 4.0, "noun_lex": 2.0, "lex_clause": 2.0}, threshold=0.5)
    assistant = Assistant(data, scorer=scorer, embedder=WordEmbedder())
    reply = assistant.ask("Lâm Đồng duy trì bao nhiêu mô hình tự quản?")
    assert reply.found and "1.274" in reply.answer and reply.citations
    assert reply.confidence is not None and reply.confidence >= 0.5
    cited = reply.citations[0]
    assert next(iter(data.reports.values())).text[cited.start:cited.end] == cited.text


def test_below_the_threshold_it_is_not_found_with_the_best_candidates_as_related(data):
    scorer = _scorer({"fit_figure": 4.0, "noun_lex": 2.0, "lex_clause": 2.0}, threshold=0.999)
    assistant = Assistant(data, scorer=scorer, embedder=WordEmbedder())
    reply = assistant.ask("Lâm Đồng duy trì bao nhiêu mô hình tự quản?")
    assert not reply.found and reply.citations == []
    assert reply.related and len({(c.start, c.end) for c in reply.related}) == len(reply.related)
    assert reply.confidence is not None and reply.confidence < 0.999
    never = Assistant(data, scorer=scorer.with_threshold(math.inf), embedder=WordEmbedder())
    assert not never.ask("Lâm Đồng duy trì bao nhiêu mô hình tự quản?").found


def test_one_gathering_scored_by_several_scorers(data):
    assistant = Assistant(data, scorer=_scorer({}, threshold=0.5), embedder=WordEmbedder())
    gathered = assistant.gather("Lâm Đồng duy trì bao nhiêu mô hình tự quản?")
    low = assistant.decide(gathered)
    high = assistant.decide(gathered, _scorer({"fit_figure": 6.0, "noun_lex": 3.0}, threshold=0.5))
    assert not low.found and high.found and "1.274" in high.answer


def test_a_build_embeds_only_the_sentences_of_new_reports(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "001_lam-dong.txt").write_text(REPORT, encoding="utf-8")
    first = WordEmbedder()
    build_index(corpus, tmp_path / "index", embedder=first)
    assert any("1.274 mô hình" in t for t in first.passages)
    (corpus / "002_gia-lai.txt").write_text("Gia Lai sơ kết phong trào\n\nToàn tỉnh duy trì 321 mô hình tự quản.\n",
                                            encoding="utf-8")
    second = WordEmbedder()
    build_index(corpus, tmp_path / "index", embedder=second)
    assert second.passages and not any("1.274" in t for t in second.passages)
    data = load_index(tmp_path / "index")
    lam_dong = next(r for r in data.reports.values() if r.source.startswith("001"))
    rows = data.sentences.rows_of(lam_dong.doc_id)
    assert len(rows) >= 6
    start, end = (int(v) for v in data.sentences.columns[rows.start, 1:3])
    header_and_sentence = f"{lam_dong.header}\n{lam_dong.text[start:end]}" if lam_dong.header else lam_dong.text[start:end]
    assert np.allclose(data.sentences.vector(lam_dong.doc_id, start, end),
                       WordEmbedder().embed_passages([header_and_sentence])[0], atol=2e-3)


def test_the_figures_action_against_the_asked_words(data):
    candidates, X, text = _featurized(data, "Lâm Đồng xây dựng mới bao nhiêu mô hình?")
    built, kept = _row(candidates, X, text, "87"), _row(candidates, X, text, "1.274")
    assert built[INDEX["action_lex"]] > kept[INDEX["action_lex"]]
    assert built[INDEX["action_gap"]] == 0 < kept[INDEX["action_gap"]]
    candidates, X, text = _featurized(data, "Lâm Đồng duy trì bao nhiêu mô hình?")
    assert _row(candidates, X, text, "1.274")[INDEX["action_lex"]] > _row(candidates, X, text, "87")[INDEX["action_lex"]]
