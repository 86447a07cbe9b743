"""The gazetteer and place finding, on the real seeds and on the traps the probe found."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.metadata import extract_metadata
from assistant.places import (
    DATA,
    PlaceMention,
    district_province,
    extract_from_package,
    find_place_mentions,
    infer_province,
    merged_province,
    old_provinces_of,
    province_names,
    provinces_in_question,
    site_province,
    standard_province,
)
from assistant.text import fold

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SEEDS = {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))}
NEW_STYLE = {"òa": "oà", "óa": "oá", "ỏa": "oả", "õa": "oã", "ọa": "oạ", "ùy": "uỳ", "úy": "uý", "ủy": "uỷ",
             "ũy": "uỹ", "ụy": "uỵ"}


def new_style(name: str) -> str:
    for old, new in NEW_STYLE.items():
        name = name.replace(old, new)
    return name


def test_extracted_data_still_matches_the_package():
    assert json.loads(DATA.read_text(encoding="utf-8")) == extract_from_package()


def test_63_old_provinces_in_the_old_tone_style():
    names = province_names()
    assert len(names) == len(set(names)) == 63
    assert {"Hòa Bình", "Thanh Hóa", "Khánh Hòa", "Kon Tum", "Thừa Thiên Huế", "Hồ Chí Minh"} <= set(names)
    assert not [n for n in names if any(new in n for new in NEW_STYLE.values())]


@pytest.mark.parametrize("name", province_names())
def test_every_province_is_its_own_standard_name_in_any_spelling(name):
    assert standard_province(name) == name
    assert standard_province(fold(name)) == name
    assert standard_province(new_style(name).upper()) == name
    assert standard_province(f"tỉnh {name}") == name


@pytest.mark.parametrize("old, new", [("Kon Tum", "Quảng Ngãi"), ("Quảng Nam", "Đà Nẵng"), ("Thái Bình", "Hưng Yên"),
                                      ("Hòa Bình", "Phú Thọ"), ("Thanh Hóa", "Thanh Hóa"), ("hoa binh", "Phú Thọ"),
                                      ("Thừa Thiên Huế", "Huế"), ("Atlantis", None)])
def test_merged_province(old, new):
    assert merged_province(old) == new


def test_the_merger_makes_34_provinces():
    assert len({merged_province(n) for n in province_names()}) == 34


@pytest.mark.parametrize("new, olds", [
    ("Quảng Ngãi", ["Quảng Ngãi", "Kon Tum"]),
    ("Thành phố Đà Nẵng", ["Đà Nẵng", "Quảng Nam"]),
    ("Hưng Yên", ["Hưng Yên", "Thái Bình"]),
    ("phu tho", ["Phú Thọ", "Hòa Bình", "Vĩnh Phúc"]),
    ("Thanh Hoá", ["Thanh Hóa"]),
    ("Huế", ["Thừa Thiên Huế"]),
    ("Kon Tum", []),
])
def test_old_provinces_of(new, olds):
    assert old_provinces_of(new) == olds


@pytest.mark.parametrize("spelling, name", [
    ("quang nam", "Quảng Nam"), ("Hoà Bình", "Hòa Bình"), ("TP. Hồ Chí Minh", "Hồ Chí Minh"),
    ("TP.HCM", "Hồ Chí Minh"), ("tphcm", "Hồ Chí Minh"), ("Ho Chi Minh City", "Hồ Chí Minh"),
    ("tỉnh Thanh Hoa", "Thanh Hóa"), ("THANH HÓA", "Thanh Hóa"), ("Hanoi", "Hà Nội"), ("Da Nang", "Đà Nẵng"),
    ("Đăk Lăk", "Đắk Lắk"), ("Dak Lak", "Đắk Lắk"), ("Quang Nam province", "Quảng Nam"), ("Huế", "Thừa Thiên Huế"),
    ("Bà Rịa Vũng Tàu", "Bà Rịa - Vũng Tàu"), ("nam", None), ("an", None), ("Việt Nam", None), ("", None),
])
def test_standard_province(spelling, name):
    assert standard_province(spelling) == name


@pytest.mark.parametrize("district, province", [
    ("Cao Phong", "Hòa Bình"), ("huyện Cao Phong", "Hòa Bình"), ("Đăk Hà", "Kon Tum"), ("Đắk Hà", "Kon Tum"),
    ("Dak Ha", "Kon Tum"), ("Ngọc Hồi", "Kon Tum"), ("Quan Hóa", "Thanh Hóa"), ("quận Ba Đình", "Hà Nội"),
    ("Phan Rang - Tháp Chàm", "Ninh Thuận"),
    ("Châu Thành", None),  # a district in many provinces
    ("Hòa Bình", None),  # a city of Hòa Bình and a district of Bạc Liêu …
    ("thành phố Hòa Bình", "Hòa Bình"),  # … told apart by the type
    ("huyện Hòa Bình", "Bạc Liêu"),
    ("Atlantis", None),
])
def test_district_province(district, province):
    assert district_province(district) == province


@pytest.mark.parametrize("host, province", [
    ("kontumtv.vn", "Kon Tum"), ("baothanhhoa.vn", "Thanh Hóa"), ("baoquangnam.vn", "Quảng Nam"),
    ("https://www.baothaibinh.com.vn/tin/1.html", "Thái Bình"), ("hoabinhtv.vn", "Hòa Bình"),
    ("congan.kontum.gov.vn", "Kon Tum"), ("huetv.com.vn", "Thừa Thiên Huế"), ("hanoimoi.vn", "Hà Nội"),
    ("vietnamnet.vn", None), ("nhandan.vn", None), ("thanhnien.vn", None), ("cand.com.vn", None),
    ("congan.com.vn", None), ("laodong.vn", None),
])
def test_site_province(host, province):
    assert site_province(host) == province


def mentions(text: str) -> list[tuple[str, str, str]]:
    return [(text[m.start:m.end], m.province, m.via) for m in find_place_mentions(text)]


@pytest.mark.parametrize("seed, expected", [
    ("000", [("Ngọc Hồi", "Kon Tum", "district"), ("Đăk Hà", "Kon Tum", "district")]),
    ("001", [("Thanh Hóa", "Thanh Hóa", "province")]),
    ("002", [("Quảng Nam", "Quảng Nam", "province")] * 4),
    ("003", [("Thái Bình", "Thái Bình", "province")] * 2),
    ("004", [("Cao Phong", "Hòa Bình", "district")]),
])
def test_places_in_the_seeds_and_no_false_ones(seed, expected):
    """No "Thanh Thủy" (001), "Đông Hải" (003) or "diễn biến hoà bình" (000) among them."""
    assert mentions(SEEDS[seed]) == expected


@pytest.mark.parametrize("text, expected", [
    ("các huyện Ngọc Hồi, Đăk Hà và Sa Thầy", [("Ngọc Hồi", "Kon Tum", "district"), ("Đăk Hà", "Kon Tum", "district"),
                                              ("Sa Thầy", "Kon Tum", "district")]),
    ("TP.HCM và TP. Hồ Chí Minh", [("HCM", "Hồ Chí Minh", "province"), ("Hồ Chí Minh", "Hồ Chí Minh", "province")]),
    ("CÔNG AN TỈNH BẮC GIANG", [("BẮC GIANG", "Bắc Giang", "province")]),
    ("Tại Hòa Bình, mô hình được nhân rộng.", [("Hòa Bình", "Hòa Bình", "province")]),
    ("tỉnh Đắk Lắk và tỉnh Dak Nong", [("Đắk Lắk", "Đắk Lắk", "province"), ("Dak Nong", "Đắk Nông", "province")]),
    ("huyện Hòa Bình", [("Hòa Bình", "Bạc Liêu", "district")]),
    ("Công an Quảng Nam", [("Quảng Nam", "Quảng Nam", "province")]),
    ("đồng chí Phạm Thị Thanh Thủy phát biểu", []),
    ("đồng chí Ngô Đông Hải dự hội nghị", []),
    ("Ông Nguyễn Văn Thanh Hóa phát biểu", []),
    ("hoạt động “diễn biến hoà bình”, xuyên tạc", []),
    ("Diễn biến hòa bình là âm mưu", []),
    ("Thái Bình Dương rộng lớn", []),
    ("UBND tỉnh Y Ngọc", []),
    ("Tỉnh ủy chỉ đạo", []),
    ("huyện Châu Thành", []),
])
def test_place_mentions(text, expected):
    assert mentions(text) == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["tỉnh", "Tỉnh", "huyện", "TP.", "Quảng", "Nam", "Hòa", "Bình", "hoà", "bình",
                                 "Cao", "Phong", "Thanh", "Thủy", "Đăk", "Hà", ",", "và", "-", ".", "\n", " "]),
                max_size=30))
def test_mentions_are_ordered_slices_of_the_text(parts):
    text = " ".join(parts)
    found = find_place_mentions(text)
    assert all(isinstance(m, PlaceMention) and 0 <= m.start < m.end <= len(text) for m in found)
    assert [m.start for m in found] == sorted(m.start for m in found)
    assert all(m.province in province_names() for m in found)


@pytest.mark.parametrize("seed, site, province", [
    ("000", "kontumtv.vn", "Kon Tum"), ("000", None, "Kon Tum"), ("001", None, "Thanh Hóa"),
    ("002", None, "Quảng Nam"), ("003", None, "Thái Bình"), ("004", None, "Hòa Bình"),
])
def test_infer_province_of_each_seed(seed, site, province):
    assert infer_province(SEEDS[seed], site) == province


def test_infer_province_votes_and_breaks_ties_by_first_mention():
    assert infer_province("Không có địa danh nào.", None) is None
    assert infer_province("Đoàn công tác tỉnh Gia Lai thăm huyện Cao Phong.", "kontumtv.vn") == "Kon Tum"
    assert infer_province("tỉnh Gia Lai và tỉnh Kon Tum phối hợp", None) == "Gia Lai"


@pytest.mark.parametrize("question, provinces", [
    ("how many models did Quảng Nam maintain?", ["Quảng Nam"]),
    ("quang nam co bao nhieu mo hinh", ["Quảng Nam"]),
    ("Thanh Hoa", ["Thanh Hóa"]),
    ("kon tum", ["Kon Tum"]),
    ("Hoà Bình có mô hình nào?", ["Hòa Bình"]),
    ("Thanh Hoá tổ chức hội nghị khi nào?", ["Thanh Hóa"]),
    ("What did Quang Nam province do?", ["Quảng Nam"]),
    ("Còn Kon Tum thì sao?", ["Kon Tum"]),
    ("Quảng Nam có bao nhiêu mô hình và kon tum?", ["Quảng Nam", "Kon Tum"]),
    ("Đà Nẵng có gì?", ["Đà Nẵng"]),
    ("Compare Hue and Hanoi", ["Thừa Thiên Huế", "Hà Nội"]),
    ("phong trao o hoa binh", ["Hòa Bình"]),
    ("Điện Biên Hòa Bình", ["Điện Biên", "Hòa Bình"]),
    ("Chống diễn biến hòa bình ở Kon Tum thế nào?", ["Kon Tum"]),
    ("dien bien hoa binh o kon tum", ["Kon Tum"]),
    ("Ở Quảng Nam, hòa bình được giữ thế nào?", ["Quảng Nam"]),
    ("Thái Bình Dương", []),
    ("mo hinh o dien bien the nao", []),
    ("nam nay an ninh the nao", []),
    ("Năm nay an ninh thế nào?", []),
    ("ANTQ là gì?", []),
])
def test_provinces_in_question(question, provinces):
    assert provinces_in_question(question) == provinces


@pytest.mark.parametrize("name", province_names())
def test_every_province_is_found_in_a_question_however_typed(name):
    assert provinces_in_question(f"Còn {name} thì sao?") == [name]
    assert provinces_in_question(f"Còn {new_style(name)} thì sao?") == [name]
    assert provinces_in_question(f"What about {fold(name).title()} province?") == [name]
    if fold(name) != "dien bien":  # written small and bare it is "diễn biến"
        assert provinces_in_question(f"con {fold(name)} thi sao") == [name]


@pytest.mark.parametrize("issuer, province", [
    ("CÔNG AN TỈNH GIA LAI", "Gia Lai"),  # not the district Tĩnh Gia (Thanh Hóa), folded alike
    ("Công an tỉnh Gia Lai", "Gia Lai"),
    ("CÔNG AN HUYỆN TĨNH GIA", "Thanh Hóa"),
])
def test_a_place_word_in_capitals_is_never_read_as_the_start_of_a_name(issuer, province):
    assert [m.province for m in find_place_mentions(issuer)] == [province]
    report = f"{issuer}\nSố: 12/BC-CA\n\nBÁO CÁO\nKết quả phong trào năm 2023\n\nNăm 2023, toàn tỉnh duy trì 15 mô hình."
    assert extract_metadata(report).province == province
