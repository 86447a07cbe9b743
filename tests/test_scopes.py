"""A "not found" for a district or year the report never names says which scopes it does give."""
from __future__ import annotations

import pytest

from assistant.facts import Fact
from assistant.scopes import MOST_LISTED, given_scopes, render_given


def figure(unit: str, district: str | None = None, period: str | None = None, year: int | None = None,
           at: int = 0) -> Fact:
    return Fact(kind="quantity", subkind="count", text="12", start=at, end=at + 2, passage_start=at,
                passage_end=at + 40, value=12.0, unit=unit, district=district, period=period,
                period_source="sentence" if period else None, year_from=year, year_to=year)


def test_the_districts_of_the_asked_noun_are_listed_first_and_once():
    facts = [figure("tin báo", "huyện A", at=0), figure("mô hình tự quản", "huyện B", at=50),
             figure("mô hình tự quản", "huyện C", at=100), figure("mô hình tự quản", "huyện B", at=150)]
    given = given_scopes("d", facts, "district", "huyện X", "Lâm Đồng", focus=["mô hình"])
    assert given.labels == ("huyện B", "huyện C")
    assert [f.start for f in given.facts] == [50, 100]  # each label's first figure, cited as related


def test_without_figures_of_the_asked_noun_every_figure_scope_is_listed():
    facts = [figure("tin báo", "huyện A"), figure("lượt người", "xã B")]
    assert given_scopes("d", facts, "district", "huyện X", None, focus=["mô hình"]).labels == ("huyện A", "xã B")


def test_a_report_of_province_wide_figures_says_so():
    given = given_scopes("d", [figure("mô hình")], "district", "huyện Sa Thầy", "Kon Tum", focus=["mô hình"])
    assert given.labels == () and len(given.facts) == 1
    assert "toàn tỉnh" in render_given(given, "vi") and "province-wide" in render_given(given, "en")
    assert "Huyện Sa Thầy" not in render_given(given, "vi") and "huyện Sa Thầy" in render_given(given, "vi")


def test_periods_are_shown_as_written_with_their_years():
    facts = [figure("mô hình", period="năm 2022", year=2022), figure("mô hình", period="Hiện", year=2023)]
    given = given_scopes("d", facts, "year", "2019", "Hòa Bình", focus=["mô hình"])
    assert given.labels == ("năm 2022", "hiện (2023)")
    text = render_given(given, "vi")
    assert "năm 2019" in text and "năm 2022, hiện (2023)" in text and "[" not in text


def test_nothing_to_list_gives_none_and_long_lists_are_cut():
    assert given_scopes("d", [], "year", "2019", None) is None
    assert given_scopes("d", [figure("mô hình")], "year", "2019", None) is None  # no period stated
    many = [figure("mô hình", f"xã {i}", at=i) for i in range(MOST_LISTED + 5)]
    assert len(given_scopes("d", many, "district", "xã Z", None).labels) == MOST_LISTED


@pytest.mark.slow
@pytest.mark.parametrize("question, scope", [
    ("Huyện Sa Thầy ở Kon Tum có bao nhiêu mô hình?", "toàn tỉnh"),
    ("How many models did Dak Glei district of Kon Tum keep?", "province-wide"),
    ("Năm 2016 Hòa Bình có bao nhiêu tin báo?", "các thời kỳ"),
])
def test_a_scope_the_report_lacks_is_not_found_with_the_scopes_it_gives(seed_assistant, question, scope):
    reply = seed_assistant.ask(question)
    assert not reply.found and not reply.citations
    assert scope in reply.answer
    assert reply.related and all(r.province == reply.related[0].province for r in reply.related)


@pytest.mark.slow
def test_a_follow_up_keeps_the_scope_and_a_district_the_report_lacks_is_not_found(seed_assistant):
    reply = seed_assistant.ask("Còn huyện Sa Thầy?", history=["Huyện Ngọc Hồi ở Kon Tum có mô hình tiêu biểu nào?"])
    assert reply.resolved_question == "Huyện Sa Thầy ở Kon Tum có mô hình tiêu biểu nào?"
    assert reply.to_json()["inherited"] == {"province": "Kon Tum", "unit": "mô hình"}
    assert not reply.found and "Huyện Sa Thầy" in reply.answer and "toàn tỉnh" in reply.answer
