"""Question understanding on realistic questions: Vietnamese, without diacritics, English; follow-ups."""
from __future__ import annotations

import pytest

from assistant.question import GLOSSARY, analyse, expand_english, inherited_scope, resolve_followup
from assistant.question import _fallback_provinces as fallback_provinces


@pytest.mark.parametrize("text, lang, kind, focus", [
    ("Quảng Nam duy trì bao nhiêu mô hình?", "vi", "count", ("mô hình",)),
    ("quang nam duy tri bao nhieu mo hinh", "vi_nodiac", "count", ("mô hình",)),
    ("How many models does Quang Nam province maintain?", "en", "count", ("mô hình",)),
    ("Thanh Hóa có bao nhiêu loại mô hình?", "vi", "count", ("loại mô hình",)),
    ("How many types of models are active in Thanh Hoa?", "en", "count", ("loại mô hình",)),
    ("Hoà Bình có bao nhiêu điểm mô hình?", "vi", "count", ("điểm mô hình",)),
    ("How many propaganda sessions were held in Thanh Hoa in 2021?", "en", "count", ("buổi tuyên truyền",)),
    ("How many people took part in propaganda in Thanh Hoa?", "en", "count", ("lượt người",)),
    ("Bao nhiêu tập thể được tặng bằng khen ở Quảng Nam?", "vi", "count", ("tập thể",)),
    ("bao nhieu ca nhan duoc tang giay khen o quang nam", "vi_nodiac", "count", ("cá nhân",)),
    ("Có bao nhiêu tập thể và cá nhân được khen thưởng?", "vi", "count", ("tập thể", "cá nhân")),
    ("How many collectives received certificates of merit in Quang Nam?", "en", "count", ("tập thể",)),
    ("Hòa Bình đang quản lý bao nhiêu đối tượng?", "vi", "count", ("đối tượng",)),
    ("How many wanted persons were arrested?", "en", "count", ("đối tượng truy nã",)),
    ("Chương trình phối hợp đã thực hiện được mấy năm?", "vi", "count", ("năm",)),
    ("Tỷ lệ tái phạm ở Hòa Bình là bao nhiêu?", "vi", "rate", ("tỷ lệ tái phạm",)),
    ("ti le tai pham o hoa binh", "vi_nodiac", "rate", ("tỷ lệ tái phạm",)),
    ("What is the recidivism rate in Hoa Binh?", "en", "rate", ("tỷ lệ tái phạm",)),
    ("Ai chủ trì hội nghị ở Thanh Hóa?", "vi", "who", ("hội nghị",)),
    ("Who chaired the conference in Thanh Hoa?", "en", "who", ("hội nghị",)),
    ("Hội nghị ở Quảng Nam diễn ra khi nào?", "vi", "when", ("hội nghị",)),
    ("Chương trình phối hợp số 09 ký ngày bao nhiêu?", "vi", "when", ()),
    ("When was the coordination programme signed?", "en", "when", ()),
    ("Kon Tum có những mô hình tiêu biểu nào?", "vi", "which_model", ("mô hình",)),
    ("Which typical models were mentioned in Thai Binh?", "en", "which_model", ("mô hình",)),
    ("Tỉnh nào có mô hình Camera với ANTT?", "vi", "where", ("mô hình",)),
    ("Where is Cao Phong district?", "en", "where", ()),
    ("Thái Bình có được đánh giá là điểm sáng không?", "vi", "yesno", ()),
    ("Is Thai Binh a bright spot?", "en", "yesno", ()),
    ("Phó Chủ tịch UBND tỉnh đề nghị gì?", "vi", "other", ()),
])
def test_analyse(text: str, lang: str, kind: str, focus: tuple[str, ...]) -> None:
    q = analyse(text)
    assert (q.lang, q.kind, q.focus_terms) == (lang, kind, focus)


@pytest.mark.parametrize("text, provinces", [
    ("Quảng Nam duy trì bao nhiêu mô hình?", ("Quảng Nam",)),
    ("quang nam duy tri bao nhieu mo hinh", ("Quảng Nam",)),
    ("What is the recidivism rate in Hoa Binh?", ("Hòa Bình",)),
    ("So sánh Thanh Hoá và Kon Tum", ("Thanh Hóa", "Kon Tum")),
])
def test_provinces_come_from_the_places_module(text: str, provinces: tuple[str, ...]) -> None:
    assert analyse(text).provinces == provinces


def test_provinces_hook_and_fallback() -> None:
    assert analyse("Còn Kon Tum thì sao?", find_provinces=lambda q: ["X"]).provinces == ("X",)
    assert fallback_provinces("Bao nhiêu tập thể ở Quảng Nam và tỉnh Thanh Hóa?") == ["Quảng Nam", "Thanh Hóa"]
    assert fallback_provinces("How many models in Quang Nam?") == ["Quang Nam"]


@pytest.mark.parametrize("text, year", [
    ("Thanh Hóa tổ chức bao nhiêu buổi tuyên truyền năm 2021?", 2021),
    ("How many sessions in 2021?", 2021),
    ("Hội nghị ngày 29/3/2022 ở đâu?", 2022),
    ("Giai đoạn 2013 – 2023 có bao nhiêu mô hình?", None),
    ("Năm 2021 và năm 2022 có gì khác?", None),
    ("Quảng Nam duy trì bao nhiêu mô hình?", None),
])
def test_year(text: str, year: int | None) -> None:
    assert analyse(text).year == year


def test_quoted_model_names() -> None:
    assert analyse("Mô hình “Tiếng kẻng làng tôi” ở huyện nào?").quoted == ("Tiếng kẻng làng tôi",)
    assert analyse('Where is the "Sổ an ninh" model?').quoted == ("Sổ an ninh",)
    assert analyse("Quảng Nam duy trì bao nhiêu mô hình?").quoted == ()


def test_glossary_covers_the_seed_domain() -> None:
    assert len(GLOSSARY) >= 40
    for english, vietnamese in [("model", "mô hình"), ("propaganda session", "buổi tuyên truyền"),
                                ("collective", "tập thể"), ("individual", "cá nhân"),
                                ("certificate of merit", "bằng khen"), ("maintain", "duy trì"),
                                ("recidivism", "tái phạm"), ("wanted person", "đối tượng truy nã"),
                                ("conference", "hội nghị"), ("police", "công an"), ("director", "giám đốc"),
                                ("fatherland front", "Mặt trận Tổ quốc"), ("banner", "băng zôn"),
                                ("document", "tài liệu"), ("news article", "tin bài"),
                                ("type of model", "loại mô hình"), ("managed", "quản lý")]:
        assert GLOSSARY[english] == vietnamese


@pytest.mark.parametrize("text, terms", [
    ("How many propaganda sessions and participants?", "buổi tuyên truyền lượt người tham gia"),
    ("How many collectives received certificates of merit?", "tập thể bằng khen"),
    ("What is the recidivism rate?", "tỷ lệ tái phạm"),
    ("Which models did the Fatherland Front replicate?", "mô hình Mặt trận Tổ quốc nhân rộng"),
    ("How many banners and documents?", "băng zôn tài liệu"),
    ("Who is the director of the provincial police?", "giám đốc công an tỉnh"),
])
def test_expand_english_uses_longest_phrases_and_plurals(text: str, terms: str) -> None:
    assert expand_english(text) == terms


@pytest.mark.parametrize("text, history, resolved", [
    ("Còn Kon Tum thì sao?", ["Quảng Nam duy trì bao nhiêu mô hình?"], "Kon Tum duy trì bao nhiêu mô hình?"),
    ("Kon Tum thì sao?", ["Quảng Nam duy trì bao nhiêu mô hình?"], "Kon Tum duy trì bao nhiêu mô hình?"),
    ("con kon tum thi sao", ["quang nam duy tri bao nhieu mo hinh"], "kon tum duy tri bao nhieu mo hinh"),
    ("And Thanh Hoa?", ["How many models does Quang Nam province maintain?"],
     "How many models does Thanh Hoa province maintain?"),
    ("What about Kon Tum province?", ["How many collectives received certificates of merit in Quang Nam?"],
     "How many collectives received certificates of merit in Kon Tum?"),
    ("Còn số cá nhân?", ["bao nhiêu tập thể được tặng bằng khen ở Quảng Nam?"],
     "bao nhiêu cá nhân được tặng bằng khen ở Quảng Nam?"),
    ("Con so ca nhan?", ["bao nhieu tap the duoc tang bang khen o quang nam"],
     "bao nhieu ca nhan duoc tang bang khen o quang nam"),
    ("What about individuals?", ["How many collectives received certificates of merit in Quang Nam?"],
     "How many individuals received certificates of merit in Quang Nam?"),
    ("And how many individuals?", ["How many collectives received certificates of merit in Quang Nam?"],
     "How many individuals received certificates of merit in Quang Nam?"),
    ("Còn cá nhân ở Kon Tum?", ["Bao nhiêu tập thể được tặng bằng khen ở Quảng Nam?"],
     "Bao nhiêu cá nhân được tặng bằng khen ở Kon Tum?"),
    ("Năm 2022 thì sao?", ["Thanh Hóa tổ chức bao nhiêu buổi tuyên truyền năm 2021?"],
     "Thanh Hóa tổ chức bao nhiêu buổi tuyên truyền năm 2022?"),
    ("And in 2022?", ["How many propaganda sessions were held in Thanh Hoa?"],
     "How many propaganda sessions were held in Thanh Hoa in 2022?"),
    ("Còn Quảng Nam?", ["Bao nhiêu mô hình được duy trì?"], "Bao nhiêu mô hình được duy trì ở Quảng Nam?"),
    ("Còn Thanh Hóa?", ["Quảng Nam duy trì bao nhiêu mô hình?", "Còn Kon Tum thì sao?"],
     "Thanh Hóa duy trì bao nhiêu mô hình?"),
])
def test_followups_are_rewritten(text: str, history: list[str], resolved: str) -> None:
    assert resolve_followup(text, history) == resolved


@pytest.mark.parametrize("text", [
    "Còn Kon Tum duy trì bao nhiêu mô hình?", "Thanh Hóa có bao nhiêu loại mô hình?",
    "What is the recidivism rate in Hoa Binh?", "Phong trào ở Hòa Bình phát triển thế nào?",
])
def test_complete_questions_are_unchanged(text: str) -> None:
    assert resolve_followup(text, ["Quảng Nam duy trì bao nhiêu mô hình?"]) == text
    assert resolve_followup(text, []) == text


def test_followups_work_with_the_fallback_province_finder() -> None:
    history = ["Quảng Nam duy trì bao nhiêu mô hình?"]
    assert resolve_followup("Còn Kon Tum thì sao?", history, find_provinces=fallback_provinces) == \
        "Kon Tum duy trì bao nhiêu mô hình?"


def test_an_unknown_followup_keeps_the_context() -> None:
    assert resolve_followup("Còn hạn chế thì sao?", ["Hội nghị ở Thanh Hóa đánh giá kết quả gì?"]) == \
        "Hội nghị ở Thanh Hóa đánh giá kết quả gì hạn chế?"


@pytest.mark.parametrize("history, text, resolved", [
    # a new district replaces the conversation's, or joins a question that named none
    (["Huyện Ngọc Hồi có mô hình tiêu biểu nào?"], "Còn huyện Đăk Hà?", "Huyện Đăk Hà có mô hình tiêu biểu nào?"),
    (["Kon Tum có bao nhiêu mô hình?"], "Còn huyện Đăk Hà thì sao?", "Kon Tum có bao nhiêu mô hình ở huyện Đăk Hà?"),
    (["How many models does Ngoc Hoi district of Kon Tum have?"], "What about Dak Ha district?",
     "How many models does Dak Ha district of Kon Tum have?"),
    (["huyen ngoc hoi co mo hinh nao"], "con huyen dak ha?", "huyen dak ha co mo hinh nao"),
    # a reference to the previous question's subject takes its words, and its province
    (["Kon Tum có bao nhiêu tổ tự quản?"], "Các tổ đó được khen thưởng gì?",
     "Các tổ tự quản được khen thưởng gì ở Kon Tum?"),
    (["Hội nghị tổng kết 10 năm ở Quảng Nam diễn ra ngày nào?"], "Hội nghị đó do ai chủ trì?",
     "Hội nghị tổng kết 10 năm do ai chủ trì ở Quảng Nam?"),
    (["Kon Tum duy trì bao nhiêu mô hình tự quản về an ninh trật tự?"], "Trong số đó, huyện Ngọc Hồi có bao nhiêu?",
     "Trong số mô hình tự quản, huyện Ngọc Hồi có bao nhiêu ở Kon Tum?"),
    (["Thanh Hóa có mô hình “Camera an ninh” không?"], "Mô hình này có từ năm nào?",
     "Mô hình “Camera an ninh” có từ năm nào ở Thanh Hóa?"),
    (["When was the review conference in Quang Nam held?"], "Who chaired that conference?",
     "Who chaired the review conference in Quảng Nam?"),
    (["How many self-management teams does Kon Tum have?"], "How many of those teams were awarded?",
     "How many of the self-management teams were awarded in Kon Tum?"),
    (["kon tum co bao nhieu to tu quan"], "cac to do duoc khen thuong gi",
     "Cac to tu quan duoc khen thuong gi o kon tum?"),
])
def test_follow_ups_change_only_what_they_name(history, text, resolved):
    assert resolve_followup(text, history) == resolved


def test_a_reference_to_nothing_in_the_previous_question_is_left_alone():
    text = "Những đơn vị đó có bao nhiêu cán bộ trong tổng số lực lượng tham gia phong trào?"
    assert resolve_followup(text, ["Kon Tum có bao nhiêu tổ tự quản?"]) == text
    # typed with marks, "do" (by) is no "đó" (that): only the conversation's province is kept
    assert resolve_followup("Hội nghị do ai chủ trì?", ["Hội nghị tổng kết ở Quảng Nam diễn ra ngày nào?"]) == \
        "Hội nghị do ai chủ trì ở Quảng Nam?"


@pytest.mark.parametrize("text, resolved, inherited", [
    ("Còn năm 2022 thì sao?", "Kon Tum có bao nhiêu mô hình năm 2022?", {"province": "Kon Tum", "unit": "mô hình"}),
    ("Còn huyện Đăk Hà?", "Huyện Đăk Hà ở Kon Tum có mô hình tiêu biểu nào?", {"province": "Kon Tum", "unit": "mô hình"}),
    ("Còn Quảng Nam?", "Quảng Nam có bao nhiêu mô hình ở huyện Đại Lộc năm 2022?",
     {"district": "huyện Đại Lộc", "year": 2022, "unit": "mô hình"}),
    ("Kon Tum có bao nhiêu mô hình?", "Kon Tum có bao nhiêu mô hình?", {}),
])
def test_the_inherited_scope_is_what_the_resolved_question_adds(text, resolved, inherited):
    assert inherited_scope(text, resolved) == inherited
