"""Vietnamese normalisation on the seed reports: tone marks, folding, tokens, abbreviations, sentences."""
from __future__ import annotations

import collections
import itertools
import re
import unicodedata
from pathlib import Path

import bm25s
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.text import (
    ABBREVIATIONS,
    answer_key,
    bm25_tokens,
    canonical,
    expand_abbreviations,
    fold,
    has_diacritics,
    nfc,
    query_tokens,
    retone,
    sentences,
    syllables,
)

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SEEDS = {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))}
PROVINCE = {"000": "Kon Tum", "001": "Thanh Hóa", "002": "Quảng Nam", "003": "Thái Bình", "004": "Hòa Bình"}
VIETNAMESE = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
vietnamese_text = st.text(alphabet=VIETNAMESE + VIETNAMESE.upper() + "bcdghklmnpqrstvx .,;!?…“”\"\n0123456789%/-",
                          max_size=120)


@pytest.mark.parametrize("new, old", [
    ("Uỷ", "Ủy"), ("hoà", "hòa"), ("Hoá", "Hóa"), ("thuý", "thúy"), ("khoẻ", "khỏe"), ("UỶ BAN", "ỦY BAN"),
    ("hoạ", "họa"), ("tuỳ", "tùy"),
])
def test_retone_moves_new_style_marks_to_the_old_style(new: str, old: str) -> None:
    assert retone(new) == old


@pytest.mark.parametrize("word", [
    "hoàn", "quý", "quyết", "giữa", "già", "gìn", "người", "thủy", "của", "khuỷu", "ngoài", "xoáy", "tuổi",
    "rượu", "hoạt", "Facebook", "café", "Đăk", "ý",
])
def test_retone_keeps_old_style_and_foreign_words(word: str) -> None:
    assert retone(word) == word


def test_retone_on_seeds_changes_exactly_the_new_style_tokens() -> None:
    changed: collections.Counter[tuple[str, str]] = collections.Counter()
    for text in SEEDS.values():
        fixed = retone(text)
        assert len(fixed) == len(text) and retone(fixed) == fixed
        for a, b in zip(re.findall(r"\w+", text), re.findall(r"\w+", fixed)):
            if a != b:
                changed[(a, b)] += 1
    assert changed == {("Uỷ", "Ủy"): 10, ("hoá", "hóa"): 2, ("hoà", "hòa"): 1}


def test_nfd_input_matches_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Quảng Nam bảo vệ an ninh Tổ quốc")
    assert nfc(decomposed) == "Quảng Nam bảo vệ an ninh Tổ quốc"
    assert bm25_tokens(decomposed) == bm25_tokens("Quảng Nam bảo vệ an ninh Tổ quốc")
    assert canonical(decomposed) == "quảng nam bảo vệ an ninh tổ quốc"


@pytest.mark.parametrize("a, b", [("tỷ lệ", "tỉ lệ"), ("văn nghệ sỹ", "văn nghệ sĩ"), ("Uỷ ban", "ủy ban"),
                                  ("Mỹ", "mĩ"), ("Lý", "lí"), ("Hoà Bình", "Hòa Bình")])
def test_canonical_unifies_spelling_variants(a: str, b: str) -> None:
    assert canonical(a) == canonical(b)


@pytest.mark.parametrize("word", ["quy", "quý", "thủy", "tay", "ý", "máy", "uy tín"])
def test_canonical_keeps_y_after_vowels_and_alone(word: str) -> None:
    assert canonical(word) == word


@pytest.mark.parametrize("s, folded", [
    ("Quảng Nam", "quang nam"), ("Đăk Hà", "dak ha"), ("Đắk Hà", "dak ha"), ("ĐỐI TƯỢNG", "doi tuong"),
    ("Uỷ ban", "uy ban"), ("tỷ lệ", "ti le"),
])
def test_fold(s: str, folded: str) -> None:
    assert fold(s) == folded


def test_has_diacritics() -> None:
    assert has_diacritics("mô hình") and has_diacritics("Đan") and has_diacritics("dđ")
    assert not has_diacritics("quang nam duy tri bao nhieu mo hinh")


def test_syllables_keep_one_letter_words_codes_and_numbers() -> None:
    assert syllables("Ở huyện Ngọc Hồi, 5 mô hình; gần 2.250 (7,39%) Cục V05 số 09.") == [
        "ở", "huyện", "ngọc", "hồi", "5", "mô", "hình", "gần", "2.250", "7,39", "cục", "v05", "số", "9"]


def test_abbreviations_match_both_ways() -> None:
    assert bm25_tokens("bảo vệ ANTQ trong") == bm25_tokens("bảo vệ an ninh Tổ quốc trong")
    assert bm25_tokens("về ANTT") == bm25_tokens("về an ninh trật tự")
    assert bm25_tokens("Ủy ban nhân dân tỉnh") == bm25_tokens("UBND tỉnh")
    assert bm25_tokens("Ban Chỉ đạo") == bm25_tokens("BCĐ")
    for form in ("MTTQ Việt Nam", "MTTQVN", "Mặt trận Tổ quốc Việt Nam"):
        assert bm25_tokens(form) == bm25_tokens("MTTQ Việt Nam")
    assert "antq" in bm25_tokens("an ninh tổ quốc") and "~antq" in query_tokens("an ninh to quoc")


def test_ambiguous_short_codes_are_not_abbreviations() -> None:
    assert not {"TT", "TP", "CA", "UB"} & set(ABBREVIATIONS)
    assert expand_abbreviations("TP Hà Nội, CA tỉnh") == "TP Hà Nội, CA tỉnh"


def test_expand_abbreviations_adds_the_long_form() -> None:
    assert expand_abbreviations("Uỷ ban MTTQ tỉnh bảo vệ ANTQ; MTTQVN") == (
        "Uỷ ban MTTQ (Mặt trận Tổ quốc) tỉnh bảo vệ ANTQ (an ninh Tổ quốc); MTTQVN (Mặt trận Tổ quốc Việt Nam)")


def test_zero_padded_and_grouped_numbers_share_tokens() -> None:
    assert bm25_tokens("chương trình phối hợp số 09") == bm25_tokens("chương trình phối hợp số 9")
    assert bm25_tokens("gần 2.250 mô hình") == bm25_tokens("gần 2250 mô hình")


def test_bm25_tokens_fold_beside_the_accented_forms() -> None:
    tokens = bm25_tokens("Quảng Nam duy trì mô hình")
    assert {"quảng", "quảng_nam", "mô_hình", "~quang", "~quang_nam", "~mo_hinh"} <= set(tokens)
    assert tokens.count("~nam") == 1 and tokens.count("nam") == 1


def test_query_without_diacritics_uses_only_folded_tokens_and_meets_the_passage() -> None:
    query = query_tokens("quang nam duy tri bao nhieu mo hinh")
    assert query and all(t.startswith("~") for t in query)
    paragraph = next(p for p in SEEDS["002"].split("\n\n") if "hơn 1.000 mô hình" in p)
    shared = set(query) & set(bm25_tokens(f"tỉnh Quảng Nam\n{paragraph}"))
    assert {"~quang_nam", "~duy_tri", "~mo_hinh"} <= shared
    assert set(query_tokens("Quảng Nam duy trì mô hình")) > {"quảng_nam", "~quang_nam"}


def _paragraph_index() -> tuple[bm25s.BM25, list[str]]:
    paragraphs = [(seed, p) for seed, text in SEEDS.items() for p in text.split("\n\n") if len(p) > 80]
    model = bm25s.BM25()
    model.index([bm25_tokens(f"tỉnh {PROVINCE[seed]}\n{p}") for seed, p in paragraphs], show_progress=False)
    return model, [p for _, p in paragraphs]


@pytest.mark.parametrize("question, needle", [
    ("quang nam duy tri bao nhieu mo hinh", "hơn 1.000 mô hình"),
    ("Thanh Hoá tổ chức bao nhiêu buổi tuyên truyền?", "40.000 buổi"),
    ("ti le tai pham o Hoa Binh", "7,39%"),
    ("mô hình tự quản về an ninh trật tự ở Thanh Hóa", "76 loại"),
    ("Uỷ ban MTTQ Việt Nam tỉnh Kon Tum tặng bằng khen", "01 tập thể"),
])
def test_known_questions_rank_their_paragraph_first(question: str, needle: str) -> None:
    model, paragraphs = _paragraph_index()
    tokens = [t for t in query_tokens(question) if t in model.vocab_dict]
    best = int(np.argmax(model.get_scores(tokens)))
    assert needle in paragraphs[best]


@pytest.mark.parametrize("a, b", [("1.000", "1000"), ("1,000", "1000"), ("7,39%", "7.39%"),
                                  ("Uỷ ban  MTTQ", "ủy ban mttq"), (" hơn 1,2 triệu\nlượt ", "hơn 12 triệu lượt")])
def test_answer_key(a: str, b: str) -> None:
    assert answer_key(a) == answer_key(b)


def test_answer_key_keeps_different_numbers_apart() -> None:
    assert answer_key("18 cá nhân") != answer_key("2018 cá nhân")


# ---------------------------------------------------------------- sentences


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_sentences_on_seeds_are_exact_trimmed_and_never_split_numbers(seed: str) -> None:
    text = SEEDS[seed]
    spans = sentences(text)
    assert spans and all(a < b for a, b in spans)
    assert all(b1 <= a2 for (_, b1), (a2, _) in itertools.pairwise(spans))
    for a, b in spans:
        assert text[a:b] == text[a:b].strip()
    cuts = {b for _, b in spans} | {a for a, _ in spans}
    for m in re.finditer(r"\d+(?:[.,:/]\d+)+", text):
        assert not any(m.start() < c < m.end() for c in cuts), m.group()


def _texts(text: str) -> list[str]:
    return [text[a:b] for a, b in sentences(text)]


def test_sentences_split_where_the_space_is_missing() -> None:
    parts = _texts(SEEDS["001"])
    assert any(p.endswith("đồng chủ trì hội nghị.") for p in parts)
    assert any(p.startswith("Hội nghị được tổ chức bằng hình thức trực tuyến") for p in parts)


def test_sentences_keep_quoted_lists_and_lower_case_continuations_together() -> None:
    parts = _texts(SEEDS["003"])
    assert any("“Nông dân với pháp luật”…được phổ biến" in p for p in parts)
    models = next(p for p in _texts(SEEDS["001"]) if p.startswith("Đến nay toàn tỉnh có 76 loại mô hình"))
    assert models.endswith("“Công trường tự quản về ANTT”.")


def test_sentences_split_at_semicolons_and_line_breaks() -> None:
    text = "Phó Chủ tịch đề nghị tiếp tục phối hợp; đồng thời nhân rộng mô hình.\nCaption without stop"
    assert _texts(text) == ["Phó Chủ tịch đề nghị tiếp tục phối hợp;", "đồng thời nhân rộng mô hình.",
                            "Caption without stop"]


def test_sentences_respect_abbreviations_quotes_and_numbers() -> None:
    text = ('Tại TP. Hồ Chí Minh có 2.250 mô hình, phiên bản 4.0 ngày 11.03.2019. Ông nói: “Làm tốt. Tiếp tục.” '
            "Sau đó, tỷ lệ là 7,39%! Còn gì nữa? Hết…")
    assert _texts(text) == [
        "Tại TP. Hồ Chí Minh có 2.250 mô hình, phiên bản 4.0 ngày 11.03.2019.",
        "Ông nói: “Làm tốt. Tiếp tục.”", "Sau đó, tỷ lệ là 7,39%!", "Còn gì nữa?", "Hết…"]


def test_sentences_within_a_range_and_the_end_mark() -> None:
    text = SEEDS["000"]
    start = text.index("Nhân dịp này")
    spans = sentences(text, start, len(text))
    assert text[slice(*spans[0])].endswith("trong tình hình mới./.")
    assert all(start <= a < b <= len(text) for a, b in spans)
    assert sentences(text, 10, 10) == [] and sentences("") == []


# ---------------------------------------------------------------- properties


@settings(max_examples=200, deadline=None)
@given(vietnamese_text)
def test_retone_is_idempotent_and_keeps_length(s: str) -> None:
    once = retone(s)
    assert retone(once) == once
    assert len(once) == len(nfc(s))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_canonical_and_tokens_never_raise(s: str) -> None:
    assert canonical(canonical(s)) == canonical(s)
    bm25_tokens(s)
    query_tokens(s)
    answer_key(s)


@settings(max_examples=200, deadline=None)
@given(vietnamese_text)
def test_fold_makes_vietnamese_letters_ascii(s: str) -> None:
    assert all(ch.isascii() for ch in fold(s) if ch.isalnum())


def test_fold_keeps_letters_outside_vietnamese() -> None:
    assert fold("Đà Nẵng 中文 ø") == "da nang 中文 ø"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="“”\"'.!?…;\n  abcAB12,.", max_size=60), st.integers(0, 70), st.integers(0, 70))
def test_sentence_spans_are_ordered_trimmed_and_in_bounds(s: str, start: int, end: int) -> None:
    spans = sentences(s, start, end)
    lo, hi = min(start, len(s)), min(end, len(s))
    assert all(lo <= a < b <= hi for a, b in spans)
    assert all(b1 <= a2 for (_, b1), (a2, _) in itertools.pairwise(spans))
    assert all(s[a:b] == s[a:b].strip() for a, b in spans)
