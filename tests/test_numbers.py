"""Numbers in the seed reports: quantities with qualifier and unit, dates, ids, ratios, traps."""
from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.numbers import Quantity, find_numbers, parse_vietnamese_number

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SEEDS = {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))}
FOUND = {seed: find_numbers(text) for seed, text in SEEDS.items()}


def _find(seed: str, text: str) -> Quantity:
    matches = [q for q in FOUND[seed] if q.text == text]
    assert matches, f"{text!r} not found in seed {seed}: {[q.text for q in FOUND[seed]]}"
    return matches[0]


@pytest.mark.parametrize("seed, text, value, qualifier, unit", [
    ("000", "gần 2.250", 2250, "gần", "mô hình quần chúng"),
    ("000", "01", 1, None, "tập thể"),
    ("000", "02", 2, None, "cá nhân"),
    ("001", "hơn 40.000", 40000, "hơn", "buổi tuyên truyền"),
    ("001", "hơn 1,2 triệu", 1_200_000, "hơn", "lượt người"),
    ("001", "hơn 17.000", 17000, "hơn", "băng zôn"),
    ("001", "gần 2.000", 2000, "gần", "lượt tin"),
    ("001", "hơn 15.000", 15000, "hơn", "tài liệu"),
    ("001", "76", 76, None, "loại mô hình"),
    ("002", "70", 70, None, "mô hình"),
    ("002", "hơn 1.000", 1000, "hơn", "mô hình tự phòng"),
    ("002", "11", 11, None, "tập thể"),
    ("002", "18", 18, None, "cá nhân"),
    ("002", "25", 25, None, "tập thể"),
    ("002", "hai", 2, None, "đơn vị"),
    ("004", "6.195", 6195, None, "người"),
    ("004", "1.411", 1411, None, "đối tượng"),
    ("004", "458", 458, None, "người tái phạm tội"),
    ("004", "45", 45, None, "mô hình"),
    ("004", "1.589", 1589, None, "điểm mô hình"),
    ("004", "2.590", 2590, None, "tổ"),
])
def test_seed_counts(seed: str, text: str, value: float, qualifier: str | None, unit: str) -> None:
    q = _find(seed, text)
    assert (q.kind, q.value, q.qualifier, q.unit) == ("count", value, qualifier, unit)


@pytest.mark.parametrize("seed, text, kind, value", [
    ("000", "01/8/2013", "date", 20130801),
    ("000", "2023-05", "date", 20230500),
    ("000", "2013 – 2023", "year_range", 2013),
    ("000", "số 9", "id", 9),
    ("000", "số 09", "id", 9),
    ("001", "29/3/2022", "date", 20220329),
    ("001", "2021", "year", 2021),
    ("002", "22/6", "date", 622),
    ("002", "hàng ngàn", "vague", 1000),
    ("003", "Thứ 2", "id", 2),
    ("003", "11.03.2019", "date", 20190311),
    ("003", "11-3", "date", 311),
    ("003", "2016 – 2018", "year_range", 2016),
    ("004", "số 09/CTr-BCA-MTTW", "id", 9),
    ("004", "V05", "id", 5),
    ("004", "4.0", "id", 4),
    ("004", "458/6195 = 7,39%", "ratio", 7.39),
    ("004", "09/06/2023", "date", 20230609),
])
def test_seed_dates_ids_and_rates(seed: str, text: str, kind: str, value: float) -> None:
    q = _find(seed, text)
    assert (q.kind, q.value) == (kind, value)


def test_the_programme_date_is_a_date_not_a_count() -> None:
    text = SEEDS["000"]
    start = text.index("01/8/2013")
    inside = [q for q in FOUND["000"] if q.start < start + 9 and q.end > start]
    assert [(q.text, q.kind) for q in inside] == [("01/8/2013", "date")]


def test_numbers_in_quoted_model_names_are_not_quantities() -> None:
    text = SEEDS["004"]
    quote = text.index("“Trong nhà 3 có, ngoài ngõ 3 không”")
    assert not [q for q in FOUND["004"] if quote <= q.start < quote + 35]


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_quantities_are_exact_ordered_slices(seed: str) -> None:
    text, found = SEEDS[seed], FOUND[seed]
    assert all(q.text == text[q.start:q.end] for q in found)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


def test_every_seed_count_has_a_unit_or_a_reason() -> None:
    counts = [q for qs in FOUND.values() for q in qs if q.kind == "count"]
    assert len(counts) >= 30
    assert [q.text for q in counts if q.unit is None] == ["05"]  # "Sơ kết 05 thực hiện": the noun is missing


@pytest.mark.parametrize("s, value", [
    ("2.250", 2250), ("40.000", 40000), ("1,2", 1.2), ("7,39", 7.39), ("1,2 triệu", 1_200_000),
    ("05", 5), ("2 tỷ", 2e9), ("1,5 nghìn tỷ", 1.5e12), ("hai", 2), ("1.000.000", 1e6),
    ("4.0", None), ("2.25", None), ("abc", None), ("", None), ("1.2.3", None),
])
def test_parse_vietnamese_number(s: str, value: float | None) -> None:
    assert parse_vietnamese_number(s) == value


@pytest.mark.parametrize("text, expected", [
    ("chi khoảng 1,5 tỷ đồng cho dự án", ("khoảng 1,5 tỷ đồng", "money", 1.5e9, "khoảng", "đồng")),
    ("chiếm tỷ lệ 5% dân số", ("5%", "percent", 5.0, None, None)),
    ("đạt xấp xỉ 90 phần trăm", ("xấp xỉ 90 phần trăm", "percent", 90.0, "xấp xỉ", None)),
    ("với hàng chục nghìn lượt người", ("hàng chục nghìn", "vague", 1e4, None, "lượt người")),
    ("có 5 đồng chí tham dự", ("5", "count", 5.0, None, "đồng chí")),
    ("người dưới 18 tuổi", ("dưới 18", "count", 18.0, "dưới", "tuổi")),
    ("hiệu quả hơn nữa 3 mô hình", ("3", "count", 3.0, None, "mô hình")),
    ("tỷ lệ 3/4 số xã", ("3/4", "ratio", 75.0, None, None)),
    ("ngày 22 tháng 6 năm 2023", ("ngày 22 tháng 6 năm 2023", "date", 20230622, None, None)),
    ("tháng 6/2023", ("tháng 6/2023", "date", 20230600, None, None)),
    ("Hai bên cùng các đơn vị", ("Hai", "count", 2.0, None, "bên")),
    ("là một mô hình tiêu biểu", None),
    ("Số người tái phạm tội là 458", ("458", "count", 458.0, None, "người tái phạm tội")),
    ("Tổng số hộ tham gia là 1.020", ("1.020", "count", 1020.0, None, "hộ")),
])
def test_synthetic_forms(text: str, expected: tuple | None) -> None:
    found = [(q.text, q.kind, q.value, q.qualifier, q.unit) for q in find_numbers(text)]
    assert found == ([expected] if expected else [])


def test_year_without_unit_and_year_words() -> None:
    found = [(q.text, q.kind) for q in find_numbers("Từ năm 2013 đến 2023, có 2020 hộ tham gia (2019).")]
    assert found == [("2013", "year"), ("2023", "year"), ("2020", "count"), ("2019", "year")]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789.,/-–:% số hơn gần năm ngày triệu tỷ lệ mô hình“”\"\n", max_size=80))
def test_find_numbers_gives_exact_disjoint_spans(text: str) -> None:
    found = find_numbers(text)
    assert all(q.text == text[q.start:q.end] and q.start < q.end for q in found)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))
