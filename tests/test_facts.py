"""Typed facts with their scope, on hand-written report text and the real seeds (no model)."""
from __future__ import annotations

from pathlib import Path

import pytest

from assistant.facts import Fact, extract_facts, find_periods
from assistant.factstore import FactQuery, FactStore
from assistant.metadata import content_spans, extract_metadata
from assistant.readers import read_report
from assistant.settings import ReadingLimits

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def _facts(text: str, **meta) -> list[Fact]:
    return extract_facts(text, [(0, len(text))], {"province": "Lâm Đồng", **meta})


def _quantity(facts: list[Fact], written: str) -> Fact:
    return next(f for f in facts if f.kind == "quantity" and f.text == written)


def test_a_bound_its_period_and_a_total():
    text = "Trong 6 tháng đầu năm 2024, toàn tỉnh duy trì hơn 1.200 mô hình tự quản; năm 2023 là 1.150 mô hình."
    facts = _facts(text)
    first = _quantity(facts, "hơn 1.200")
    assert text[first.start:first.end] == "hơn 1.200"
    assert (first.value, first.bound, first.scope) == (1200, "lower", "total")
    assert (first.period, first.year_from, first.period_kind) == ("6 tháng đầu năm 2024", 2024, "part")
    assert first.action.endswith("duy trì") and first.unit.startswith("mô hình")
    assert _quantity(facts, "1.150").year_from == 2023


def test_table_rows_keep_their_district_column_year_and_total():
    text = ("Huyện Đức Trọng: số mô hình năm 2022 là 37, số mô hình năm 2023 là 45.\n"
            "Tổng cộng: số mô hình năm 2022 là 120, số mô hình năm 2023 là 131.")
    facts = _facts(text)
    row = _quantity(facts, "45")
    assert (row.district, row.year_from, row.unit, row.scope, row.period_source) == \
        ("Huyện Đức Trọng", 2023, "mô hình", "breakdown", "row")
    total = _quantity(facts, "120")
    assert (total.district, total.year_from, total.scope) == (None, 2022, "total")
    assert text[total.passage_start:total.passage_end].startswith("Tổng cộng")


def test_a_section_heading_gives_its_district_and_numbering_is_no_figure():
    facts = _facts("2. Huyện Lâm Hà\nTiếp nhận 52 tin báo, tố giác tội phạm, tăng 12% so với cùng kỳ.")
    assert not any(f.kind == "quantity" and f.value == 2 for f in facts)
    assert _quantity(facts, "52").district == "Huyện Lâm Hà"
    assert _quantity(facts, "12%").subkind == "percent"


@pytest.mark.parametrize("text", [
    "Năm 2023, toàn tỉnh có 102 mô hình, trong đó: huyện Đức Trọng 37, huyện Lâm Hà 45.",
    "Năm 2023, toàn tỉnh có 102 mô hình (huyện Đức Trọng 37, huyện Lâm Hà 45).",
    "Năm 2023, các huyện Đức Trọng 37 mô hình, Lâm Hà 45 mô hình.",
    "Năm 2023, toàn tỉnh có 102 mô hình; trong đó huyện Đức Trọng có 37 mô hình, Lâm Hà có 45 mô hình.",
    "Năm 2023, 37 mô hình ở huyện Đức Trọng và 45 mô hình ở huyện Lâm Hà được duy trì.",
])
def test_each_figure_of_a_listing_of_places_keeps_its_place_and_the_listed_unit(text):
    facts = _facts(text)
    rows = [(_quantity(facts, n).district, _quantity(facts, n).unit, _quantity(facts, n).scope) for n in ("37", "45")]
    assert rows == [("Huyện Đức Trọng", "mô hình", "breakdown"), ("Huyện Lâm Hà", "mô hình", "breakdown")]


def test_a_digit_ending_a_commune_name_is_no_figure():
    facts = _facts("Năm 2023, xã Đại Ân 2 có 15 tổ tự quản, xã Đại Ân 1 có 12 tổ tự quản.")
    assert [(f.text, f.district) for f in facts if f.kind == "quantity"] == [("15", "Xã Đại Ân 2"),
                                                                             ("12", "Xã Đại Ân 1")]


@pytest.mark.parametrize("text, written, value, unit", [
    ("Toàn tỉnh có 2.250mô hình.", "2.250", 2250, "mô hình"),
    ("Toàn tỉnh có ba trăm tổ liên gia.", "ba trăm", 300, "tổ liên gia"),
    ("Mỗi tháng tổ chức 10–15 buổi tuyên truyền.", "10–15", 10, "buổi tuyên truyền"),
])
def test_odd_numbers_are_read(text, written, value, unit):
    fact = _quantity(_facts(text), written)
    assert (fact.value, fact.unit) == (value, unit)


def test_periods_most_specific_first():
    periods = find_periods("Tính đến 30/11/2023, giai đoạn 2019–2024 và năm 2022")
    assert [(p.kind, p.year_from, p.year_to) for p in periods] == [("as_of", 2023, 2023), ("range", 2019, 2024),
                                                                    ("year", 2022, 2022)]


def test_people_documents_models_and_the_signature():
    text = ("CÔNG AN TỈNH LÂM ĐỒNG\nSố: 125/BC-CAT\n"
            "Đại tá Nguyễn Văn Minh, Giám đốc Công an tỉnh chủ trì hội nghị. Thực hiện Kế hoạch số 120/KH-UBND "
            "ngày 05/3/2023 của UBND tỉnh về mô hình “Camera an ninh” tại xã Tân Hà.\n"
            "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nTrần Văn Hùng")
    facts = _facts(text, doc_number="125/BC-CAT")
    person = next(f for f in facts if f.kind == "person" and f.name == "Nguyễn Văn Minh")
    assert (person.title, person.subkind) == ("Giám đốc Công an tỉnh", "chaired")
    cited = next(f for f in facts if f.kind == "document" and f.subkind == "cited")
    assert (cited.name, cited.title, cited.period) == ("120/KH-UBND", "Kế hoạch", "05/3/2023")
    own = next(f for f in facts if f.subkind == "own")
    assert own.name == "125/BC-CAT" and text[own.start:own.end] == "Số: 125/BC-CAT"
    signer = next(f for f in facts if f.subkind == "signer")
    assert signer.name == "Trần Văn Hùng" and "PHÓ GIÁM ĐỐC" in signer.title
    model = next(f for f in facts if f.kind == "model")
    assert (model.name, model.district) == ("Camera an ninh", "Xã Tân Hà")


def test_a_report_without_facts_and_odd_tables_do_not_fail():
    assert _facts("Không có số liệu nào ở đây.") == []
    assert _facts("| a | b |\n| 3 | x |\n: là ,, là :") is not None


def test_every_seed_fact_quotes_its_report_and_the_store_round_trips(tmp_path):
    rows = []
    for path in sorted(CORPUS.glob("*.txt")):
        extracted = read_report(path, ReadingLimits())
        meta = extract_metadata(extracted.text, declared=extracted.meta).to_dict()
        facts = extract_facts(extracted.text, content_spans(extracted.text), meta)
        for fact in facts:
            assert extracted.text[fact.start:fact.end] == fact.text
            assert fact.passage_start <= fact.start and fact.end <= fact.passage_end
        rows += [(path.stem, f) for f in facts]
    FactStore.build(rows).save(tmp_path)
    store = FactStore.open(tmp_path)
    stored = store.query(FactQuery())
    assert sorted((s.doc_id, s.fact.start, s.fact.kind) for s in stored) == \
        sorted((d, f.start, f.kind) for d, f in rows)
    maintained = store.query(FactQuery(kind="quantity", province="quang nam", units=("mo hinh tu phong",)))
    assert [s.fact.text for s in maintained] == ["hơn 1.000"]
