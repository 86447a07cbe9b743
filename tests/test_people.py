"""Person names and the office a "who" question asks about."""
from __future__ import annotations

import pytest

from assistant.people import Role, asked_role, holder_near_role, person_spans


def names(text: str) -> list[str]:
    return [text[a:b] for a, b in person_spans(text)]


@pytest.mark.parametrize("text, expected", [
    ("Thiếu tướng Trần Phú Hà, Giám đốc Công an tỉnh", ["Trần Phú Hà"]),
    ("đồng chí Phạm Thị Thanh Thủy, Chủ tịch Ủy ban MTTQ tỉnh", ["Phạm Thị Thanh Thủy"]),
    ("Phó Chủ tịch UBND tỉnh Y Ngọc đề nghị", ["Y Ngọc"]),
    ("mô hình ở huyện Cao Phong được Cục tặng", []),
    ("Giám đốc Công an tỉnh tặng Giấy khen cho 25 tập thể", []),
    ("tỉnh Hà Giang và tỉnh Hòa Bình", []),
])
def test_person_names(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("question, role", [
    ("Chủ tịch UBND tỉnh Kon Tum là ai?", Role("chủ tịch", "ubnd")),
    ("pho chu tich ubnd tinh kon tum la ai", Role("phó chủ tịch", "ubnd")),
    ("Ai là Giám đốc Công an tỉnh Thanh Hóa?", Role("giám đốc", "cong an")),
    ("Ai đồng chủ trì hội nghị?", None),
])
def test_asked_role(question, role):
    assert asked_role(question) == role


def test_a_vice_chairman_does_not_answer_for_the_chairman():
    sentence = "Phó Chủ tịch UBND tỉnh Y Ngọc đề nghị các cấp phối hợp."
    assert holder_near_role(Role("chủ tịch", "ubnd"), sentence) is None
    span = holder_near_role(Role("phó chủ tịch", "ubnd"), sentence)
    assert span and sentence[span[0]:span[1]] == "Y Ngọc"


def test_the_office_must_belong_to_the_asked_body():
    sentence = "Thiếu tướng Trần Phú Hà, Giám đốc Công an tỉnh phát biểu."
    assert holder_near_role(Role("giám đốc", "cong an"), sentence)
    assert holder_near_role(Role("giám đốc", "ubnd"), sentence) is None
