"""The table of question kinds on hand-made questions and sentences (pure logic, no model, no index)."""
from __future__ import annotations

import re
from pathlib import Path
from typing import get_args

import pytest

from assistant import kinds
from assistant.kinds import KINDS, Kind, answers, asked, clause_around, detect_kind, figure_span
from assistant.numbers import find_numbers
from assistant.question import analyse

PACKAGE = Path(kinds.__file__).parent


def _offer(question: str, sentence: str):
    """What ``sentence`` (a report of one sentence) offers as answers to ``question``."""
    a = asked(analyse(question))
    return a, answers(a, sentence, 0, len(sentence), find_numbers(sentence))


def test_every_kind_has_one_entry_and_precedences_are_distinct():
    assert set(KINDS) == set(get_args(Kind))
    precedences = [p for spec in KINDS.values() for p, _ in spec.cues]
    assert len(precedences) == len(set(precedences))
    assert KINDS["other"].cues == ()  # the fallback has no cue of its own
    for spec in KINDS.values():
        assert spec.shape in ("figure", "name", "clause") and callable(spec.find) and callable(spec.verify)


def test_no_kind_rule_lives_outside_the_table():
    """The cue patterns and kind answer rules stand in kinds.py only (they used to be in three modules)."""
    others = {p.name: p.read_text(encoding="utf-8") for p in PACKAGE.glob("*.py") if p.name != "kinds.py"}
    for spec in KINDS.values():
        for _, pattern in spec.cues:
            for part in (p for p in pattern.split("|") if len(p) > 12):
                assert not any(part in source for source in others.values()), (spec.name, part)
    for name in ("COUNT_KINDS", "_KIND_RULES", "time_answers", "question_role", "def focus_in", "def _fit("):
        assert not any(name in source for source in others.values()), name


@pytest.mark.parametrize("question, kind", [
    ("Tỷ lệ tái phạm là bao nhiêu?", "rate"),  # a rate before a count
    ("Chương trình ký ngày bao nhiêu?", "when"),  # "ngày bao nhiêu" is a date
    ("Bao nhiêu mô hình được duy trì?", "count"),
    ("How many models?", "count"),
    ("Ai chủ trì hội nghị?", "who"),
    ("Kể tên các mô hình tiêu biểu", "which_model"),
    ("Mô hình này ở huyện nào?", "where"),
    ("Hội nghị diễn ra khi nào?", "when"),
    ("Thái Bình có được đánh giá là điểm sáng không?", "yesno"),
    ("Phó Chủ tịch đề nghị gì?", "other"),
    ("ti le tai pham", "rate"),
])
def test_detect_kind(question: str, kind: str):
    assert detect_kind(question) == kind


def test_a_count_offers_every_figure_and_fits_only_the_asked_noun():
    sentence = "Toàn tỉnh duy trì 1.274 mô hình tự quản và tổ chức 120 buổi tuyên truyền."
    a, offered = _offer("Có bao nhiêu mô hình tự quản?", sentence)
    assert a.spec.shape == "figure"
    assert [sentence[x.start:x.end] for x in offered] == ["1.274", "120"]
    assert [x.fits for x in offered] == [True, False]
    _, none_asked = _offer("Có bao nhiêu?", sentence)
    assert all(x.fits for x in none_asked)  # no asked noun: every count fits


def test_rates_and_times():
    sentence = "Tỷ lệ khu dân cư an toàn đạt 93,5% trong năm 2023."
    _, rates = _offer("Tỷ lệ khu dân cư an toàn là bao nhiêu?", sentence)
    assert [sentence[x.start:x.end] for x in rates] == ["93,5%"]
    document = "Thực hiện Chương trình số 09/CTr-BCA ngày 01/8/2013, hội nghị họp ngày 29/3/2022."
    _, event = _offer("Hội nghị diễn ra khi nào?", document)
    assert {document[x.start:x.end]: x.fits for x in event} == {"01/8/2013": False, "29/3/2022": True}
    _, signed = _offer("Chương trình số 09 được ký khi nào?", document)
    assert all(x.fits for x in signed)  # a question about the document: its date answers


def test_who_needs_the_holder_of_the_asked_office():
    sentence = "Dự hội nghị có Phó Chủ tịch UBND tỉnh Y Ngọc."
    _, vice = _offer("Phó Chủ tịch UBND tỉnh là ai?", sentence)
    assert [sentence[x.start:x.end] for x in vice] == ["Y Ngọc"] and vice[0].fits
    _, chair = _offer("Chủ tịch UBND tỉnh là ai?", sentence)
    assert chair == [] or not chair[0].fits  # the vice chairman does not hold the chair


def test_which_model_takes_the_quoted_name_sharing_most_words():
    sentence = "Nhiều mô hình như “Camera an ninh”, “Tổ tự quản khu nhà trọ” được nhân rộng."
    _, offered = _offer("Có mô hình nào về nhà trọ?", sentence)
    assert sentence[offered[0].start:offered[0].end] == "“Tổ tự quản khu nhà trọ”"


def test_clause_kinds_anchor_on_the_clause_with_most_question_words():
    sentence = "Hội nghị đánh giá kết quả, đề ra giải pháp nâng cao hiệu quả phong trào, biểu dương tập thể."
    a, offered = _offer("Hội nghị đề ra giải pháp gì?", sentence)
    assert a.spec.shape == "clause"
    assert sentence[offered[0].start:offered[0].end].strip().startswith("đề ra giải pháp")


def test_a_figure_is_quoted_with_its_own_clause():
    text = "Hai bên đã xây dựng 70 mô hình, duy trì và củng cố hơn 1.000 mô hình tự phòng."
    figures = [x for x in find_numbers(text) if x.kind == "count"]
    thousand = next(x for x in figures if "1.000" in x.text)
    start, end = figure_span(text, 0, len(text), figures, thousand)
    assert text[start:end] == "duy trì và củng cố hơn 1.000 mô hình tự phòng."
    long = "Mở đầu, " + "nội dung dài " * 30 + "; kết quả: 45 mô hình; phần sau " + "rất dài " * 30
    at = long.index("45")
    s, e = clause_around(long, 0, len(long), at, at + 2)
    assert "45 mô hình" in long[s:e] and e - s <= kinds.MAX_QUOTE


def test_verification_rules_per_shape():
    assert KINDS["count"].verify("duy trì 45 mô hình", "45")
    assert not KINDS["count"].verify("duy trì mô hình", "45")
    assert KINDS["other"].verify("đề ra giải pháp", " đề ra giải pháp nâng cao hiệu quả")  # a shortened clause
    assert not KINDS["other"].verify("biểu dương", "giải pháp")


def test_cues_are_valid_patterns_on_folded_text():
    for spec in KINDS.values():
        for _, pattern in spec.cues:
            re.compile(pattern)
            assert pattern == pattern.lower()  # compared with the question lower-cased without marks
