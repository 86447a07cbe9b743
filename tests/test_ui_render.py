"""Chat and source HTML: report text is escaped, the cited sentence and stated figures marked."""
from __future__ import annotations

import pytest

from ui import render

HOSTILE = 'Mở đầu. Có 12 tổ <script>alert(1)</script> và <img src=x onerror="alert(2)"> được lập. Kết thúc.'


def citation(text: str, sentence: str, **extra) -> dict:
    start = text.index(sentence)
    return {"n": 1, "doc_id": "d", "source": "r.txt", "title": "Báo <b>cáo</b>", "date": "2023-06-22",
            "province": "Quảng Nam", "start": start, "end": start + len(sentence), "text": sentence, **extra}


def test_report_markup_is_shown_as_text_everywhere():
    sentence = HOSTILE[HOSTILE.index("Có"):HOSTILE.index("Kết")].strip()
    c = citation(HOSTILE, sentence)
    card = render.source_card(c, HOSTILE, "Có 12 tổ [1]", related=False, lang="vi")
    view = render.report_view("<i>t</i>", "r.txt", HOSTILE, c["start"], c["end"], "vi")
    bubble = render.answer_turn({"answer": '"<script>alert(1)</script>" [1]', "found": True}, "vi")
    for page in (card, view, bubble, render.user_turn("<img src=x onerror=alert(3)>", "x", "vi")):
        assert "<script" not in page and "<img" not in page and "<b>" not in page and "<i>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in card and "&lt;img src=x onerror=" in view


def test_card_marks_the_cited_sentence_and_only_the_stated_figure():
    text = "Năm 2023, tỉnh có 45 xã. Toàn tỉnh duy trì hơn 1.000 mô hình trong 10 loại. Cuối cùng."
    sentence = "Toàn tỉnh duy trì hơn 1.000 mô hình trong 10 loại."
    card = render.source_card(citation(text, sentence), text, "duy trì hơn 1.000 mô hình [1]", False, "vi")
    assert '<strong class="num">1.000</strong>' in card and '<strong class="num">10</strong>' not in card
    assert card.count("<mark>") == 1 and "45 xã" in card.split("<mark>")[0]
    assert "Quảng Nam · 2023-06-22" in card and "r.txt" in card


def test_report_view_marks_the_passage_in_place():
    text = "Một. Hai ba. Bốn."
    view = render.report_view("T", "r.txt", text, 5, 12, "en")
    assert 'Một. <mark id="cited-passage">Hai ba.</mark> Bốn.' in view


def test_not_found_bubble_differs_and_the_resolved_question_shows_only_when_it_differs():
    assert 'class="answer notfound"' in render.answer_turn({"answer": "Không tìm thấy.", "found": False}, "vi")
    assert 'class="answer found"' in render.answer_turn({"answer": "Có [1]", "found": True}, "vi")
    assert "resolved" not in render.user_turn("Kon Tum?", "Kon Tum?", "vi")
    assert "how many models did Kon Tum maintain?" in render.user_turn("And Kon Tum?",
                                                                        "how many models did Kon Tum maintain?", "en")


def test_context_is_cut_at_word_boundaries_with_ellipses():
    text = "chữ " * 200 + "Câu được trích dẫn có 7 mô hình. " + "đuôi " * 200
    sentence = "Câu được trích dẫn có 7 mô hình."
    passage = render.highlighted_passage(text, text.index(sentence), text.index(sentence) + len(sentence), "7")
    assert passage.startswith("…chữ") and passage.endswith("đuôi…")
    assert len(passage) < len(text) / 2


def test_a_briefing_table_is_shown_as_an_escaped_table():
    item = {"kind": "table", "question": "q", "answer": "So sánh", "columns": ["Địa bàn", "<b>"],
            "rows": [["Quảng Nam", "<script>x</script>"]], "citations": []}
    page = render.briefing_list([item], "vi")
    assert '<table class="brief-table">' in page and "<th>&lt;b&gt;</th>" in page
    assert "<td>&lt;script&gt;x&lt;/script&gt;</td>" in page and "<script" not in page


def test_a_follow_up_shows_what_it_kept_from_the_conversation():
    turn = render.user_turn("Còn năm 2022 thì sao?", "Kon Tum có bao nhiêu mô hình năm 2022?", "vi",
                            {"province": "Kon Tum", "unit": "mô hình"})
    assert "hiểu là: Kon Tum có bao nhiêu mô hình năm 2022?" in turn
    assert "giữ từ câu trước: tỉnh Kon Tum, đối tượng mô hình" in turn
    english = render.user_turn("And 2022?", "How many models in Kon Tum in 2022?", "en", {"province": "Kon Tum"})
    assert "kept from the conversation: province Kon Tum" in english
    assert "kept" not in render.user_turn("Kon Tum?", "Kon Tum?", "en", {})


@pytest.mark.parametrize("confidence, words", [(0.91, "cao (0.91)"), (0.6, "trung bình (0.60)"),
                                               (0.2, "thấp, nên kiểm tra đoạn trích dẫn (0.20)")])
def test_a_found_answer_says_its_confidence_in_words(confidence, words):
    bubble = render.answer_turn({"answer": "Có 45 mô hình [1]", "found": True, "confidence": confidence}, "vi")
    assert f"Độ tin cậy: {words}" in bubble
    assert "Confidence: high (0.91)" in render.answer_turn(
        {"answer": "45 models [1]", "found": True, "confidence": 0.91}, "en")
    # figures from the facts carry no probability; a "not found" is not an answer to be trusted at all
    assert "tin cậy" not in render.answer_turn({"answer": "Có [1]", "found": True, "confidence": None}, "vi")
    assert "tin cậy" not in render.answer_turn({"answer": "Không.", "found": False, "confidence": 0.1}, "vi")
