"""The glossary read both ways: English words of a question in Vietnamese, and Vietnamese units in English."""
from __future__ import annotations

import pytest

from assistant.glossary import english_for, english_head, english_plural, english_verb


@pytest.mark.parametrize(("vietnamese", "english"), [
    ("mô hình", "model"),
    ("mô hình tự phòng", "self-prevention model"),  # the head comes first in Vietnamese, last in English
    ("giám đốc công an tỉnh", "provincial police director"),
    ("loại mô hình", "model type"),  # one glossary phrase stays as it is
    ("mô hình chưa có tên", None),  # a word the glossary lacks: no half-translated phrase
])
def test_english_for_puts_the_head_last(vietnamese: str, english: str | None) -> None:
    assert english_for(vietnamese) == english


def test_english_head_falls_back_to_the_longest_covered_start() -> None:
    assert english_head("mô hình quần chúng") == "model"
    assert english_head("chưa có") is None


@pytest.mark.parametrize(("vietnamese", "verb"), [
    ("duy trì", "maintain"), ("nhân rộng", "expand"), ("tặng", None), ("tập thể", None), ("tặng bằng khen", None),
])
def test_only_base_form_verbs_fill_a_templates_verb(vietnamese: str, verb: str | None) -> None:
    assert english_verb(vietnamese) == verb


@pytest.mark.parametrize(("noun", "plural"), [
    ("model", "models"), ("people", "people"), ("model site", "model sites"), ("activity", "activities"),
    ("day", "days"), ("news", "news"), ("delegates", "delegates"),
])
def test_english_plural(noun: str, plural: str) -> None:
    assert english_plural(noun) == plural
