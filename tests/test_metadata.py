"""Boilerplate and metadata of the real seeds, an official report header, sidecars."""
from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pytest

from assistant.metadata import ReportMeta, content_spans, extract_metadata, read_sidecar

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SEEDS = {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))}

EXPECTED = {
    "000": {"title": "Tổng kết 10 năm thực hiện chương trình phối hợp đối với phong trào toàn dân bảo vệ an ninh "
                     "Tổ quốc",
            "title_derived": False, "date": "2023-05", "province": "Kon Tum", "merged_province": "Quảng Ngãi",
            "source_site": "kontumtv.vn", "author": "Thu Trang – Công Luận", "category": "Quốc phòng, an ninh"},
    "001": {"title": "Đẩy mạnh phong trào toàn dân bảo vệ ANTQ trong tình hình mới",
            "title_derived": False, "date": "2022-03-29", "province": "Thanh Hóa", "merged_province": "Thanh Hóa",
            "source_site": None, "author": "Mai Hà", "category": None},
    "002": {"title_derived": True, "date": "2023-06-22", "province": "Quảng Nam", "merged_province": "Đà Nẵng",
            "source_site": None, "author": "Viết Tuyên – Quốc Thành", "category": None},
    "003": {"title": "Trực tuyến Toàn quốc sơ kết 05 năm Chương trình phối hợp “Đẩy mạnh phong trào toàn dân "
                     "bảo vệ an ninh Tổ quốc trong tình hình mới”",
            "title_derived": False, "date": "2019-03-11", "province": "Thái Bình", "merged_province": "Hưng Yên",
            "source_site": None, "author": "Thanh Phú", "category": None},
    "004": {"title": "Kết quả 10 năm thực hiện Chương trình phối hợp về “Đẩy mạnh phong trào toàn dân bảo vệ an "
                     "ninh Tổ quốc trong tình hình mới”",
            "title_derived": False, "date": "2023-06-09", "province": "Hòa Bình", "merged_province": "Phú Thọ",
            "source_site": None, "author": None, "category": "Quốc phòng - An ninh"},
}

BOILERPLATE = [
    ("000", "date 2023-05"), ("000", "Quốc phòng, an ninh"), ("000", "(kontumtv.vn)"), ("000", "./."),
    ("000", "Thu Trang"), ("001", "Tác giả"), ("001", "Mai Hà"), ("001", "Tin liên quan"),
    ("001", "Thăm dò ý kiến"), ("001", "./."), ("002", "date 2023-06"), ("002", "Viết Tuyên"),
    ("003", "Thứ 2, 11.03.2019"), ("003", "16:00:40"), ("003", "357 lượt xem"), ("003", "Thanh Phú"),
    ("003", "Từ khóa"), ("004", "DetailController"), ("004", "Quốc phòng - An ninh"), ("004", "09/06/2023 16:30"),
    ("004", "./."),
]
CAPTIONS = [
    ("001", "Các đại biểu phát biểu tham luận tại Hội nghị"),
    ("001", "Thiếu tướng Trần Phú Hà, Giám đốc Công an tỉnh phát biểu chỉ đạo tại hội nghị."),
    ("002", "Quan cảnh buổi Hội nghị sáng nay 22/6"),
    ("002", "Trao tặng Bằng khen cho các tập thể, cá nhân có thành tích xuất sắc"),
    ("003", ("Tại điểm cầu Thái Bình, đồng chí Ngô Đông Hải - Ủy viên Dự khuyết Trung ương Đảng cùng các đồng chí "
            "Ủy viên Ban Thường vụ Tỉnh ủy và lãnh đạo UBND tỉnh dự hội nghị")),
]
OFFICIAL = ("CÔNG AN TỈNH BẮC GIANG\tCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "PHÒNG THAM MƯU\tĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 125/BC-CAT\tBắc Giang, ngày 20 tháng 12 năm 2023\n\n"
            "BÁO CÁO\n"
            "Kết quả 10 năm thực hiện phong trào toàn dân bảo vệ an ninh Tổ quốc\n\n"
            "Thực hiện Chương trình phối hợp số 09/CTr-BCA-MTTW ngày 01/8/2013, Công an tỉnh báo cáo "
            "kết quả tại huyện Cao Phong: toàn tỉnh có 120 mô hình.\n\n"
            "Nơi nhận:\n- Bộ Công an;\n- Lưu: VT.\n")


def content(text: str) -> list[str]:
    return [text[a:b] for a, b in content_spans(text)]


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_metadata_of_each_seed(seed):
    meta = extract_metadata(SEEDS[seed]).to_dict()
    assert {k: meta[k] for k in EXPECTED[seed]} == EXPECTED[seed]
    assert meta["issuer"] is None and meta["doc_number"] is None


def test_seed_002_has_no_title_line_so_its_lead_sentence_stands_in():
    title = extract_metadata(SEEDS["002"]).title
    assert title == ("Công an tỉnh Quảng Nam phối hợp với Ban thường trực Ủy ban MTTQ Việt Nam tỉnh Quảng Nam "
                     "tổ chức hội nghị tổng kết 10 năm thực hiện chương trình phối hợp…")


def test_the_date_trap_a_programme_date_in_the_body_is_not_the_report_date():
    assert "ngày 01/8/2013" in SEEDS["000"]
    assert extract_metadata(SEEDS["000"]).date == "2023-05"


@pytest.mark.parametrize("seed, boilerplate", BOILERPLATE)
def test_content_spans_leave_out_boilerplate(seed, boilerplate):
    assert boilerplate in SEEDS[seed]
    assert not any(boilerplate in passage for passage in content(SEEDS[seed]))


@pytest.mark.parametrize("seed, caption", CAPTIONS)
def test_content_spans_keep_photo_captions(seed, caption):
    assert caption in content(SEEDS[seed])


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_content_spans_are_trimmed_ordered_slices_with_the_body_kept(seed):
    text = SEEDS[seed]
    spans = content_spans(text)
    assert spans == sorted(spans) and all(a < b <= c for (a, b), (c, _) in itertools.pairwise(spans))
    assert all(text[a:b] == text[a:b].strip() and text[a:b] != "." for a, b in spans)
    chrome = r"^date \d{4}-\d{2} (Quốc phòng, an ninh )?|^\(kontumtv\.vn\) – |/\.$"
    paragraphs = [re.sub(chrome, "", p.strip()) for p in text.split("\n") if len(p.strip()) > 200]
    kept = "\n".join(content(text))
    assert paragraphs and all(p in kept for p in paragraphs)


def test_the_crawl_line_keeps_its_title_and_the_end_mark_keeps_its_full_stop():
    assert content(SEEDS["000"])[0].startswith("Tổng kết 10 năm")
    assert content(SEEDS["000"])[1].startswith("Công an tỉnh vừa phối hợp")
    assert content(SEEDS["004"])[-1].endswith("sự nghiệp bảo vệ ANTQ.")


def test_official_report_header():
    meta = extract_metadata(OFFICIAL)
    assert (meta.issuer, meta.doc_number, meta.date) == ("CÔNG AN TỈNH BẮC GIANG", "125/BC-CAT", "2023-12-20")
    assert (meta.province, meta.merged_province) == ("Bắc Giang", "Bắc Ninh")  # the issuer outvotes Cao Phong
    assert meta.title == "Kết quả 10 năm thực hiện phong trào toàn dân bảo vệ an ninh Tổ quốc"
    passages = content(OFFICIAL)
    assert passages[0] == meta.title and len(passages) == 2
    assert not any(word in p for p in passages for word in ("CỘNG", "Độc lập", "Số:", "BÁO CÁO", "Nơi nhận"))


def test_official_header_place_is_metadata():
    meta = extract_metadata(OFFICIAL)
    assert meta.place == "Bắc Giang"
    assert extract_metadata(SEEDS["001"]).place is None  # a news page has no official date line


@pytest.mark.parametrize(("issuer", "place", "province"), [
    ("CÔNG AN HUYỆN LỤC NGẠN", "Lục Ngạn", "Bắc Giang"),  # the issuer names its district
    ("PHÒNG CẢNH SÁT HÌNH SỰ", "Bắc Giang", "Bắc Giang"),  # the issuer names no place: the place tells
    ("PHÒNG CẢNH SÁT HÌNH SỰ", "Lục Ngạn", "Bắc Giang"),  # a district town
    ("PHÒNG CẢNH SÁT HÌNH SỰ", "TP. Hồ Chí Minh", "Hồ Chí Minh"),
    ("PHÒNG CẢNH SÁT HÌNH SỰ", "Đà Lạt", "Lâm Đồng"),
    ("BỘ CÔNG AN", "Hà Nội", "Hòa Bình"),  # a central body signs in Hà Nội: the content tells
])
def test_province_from_issuer_then_place_then_content(issuer, place, province):
    text = OFFICIAL.replace("CÔNG AN TỈNH BẮC GIANG", issuer).replace("Bắc Giang, ngày", f"{place}, ngày")
    meta = extract_metadata(text)
    assert (meta.issuer, meta.place, meta.province) == (issuer, place, province)
    assert (meta.doc_number, meta.date) == ("125/BC-CAT", "2023-12-20")


def test_official_header_with_a_blank_day_and_a_national_issuer():
    text = ("BỘ CÔNG AN                         CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "                                   Độc lập – Tự do – Hạnh phúc\n"
            "Số: 12/KH-BCA                      Hà Nội, ngày    tháng 3 năm 2024\n"
            "KẾ HOẠCH\nTriển khai phong trào\nNội dung triển khai ở tỉnh Quảng Nam.\n")
    meta = extract_metadata(text)
    assert (meta.issuer, meta.doc_number, meta.date, meta.title) == ("BỘ CÔNG AN", "12/KH-BCA", "2024-03",
                                                                       "Triển khai phong trào")


def test_an_upper_case_headline_is_not_an_issuer():
    meta = extract_metadata("PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH\n\nSáng 2/1/2024, Công an tỉnh Nghệ An họp.\n")
    assert (meta.issuer, meta.title, meta.date, meta.province) == (None, "PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH",
                                                                   "2024-01-02", "Nghệ An")


def test_a_dateline_without_year_takes_it_from_the_crawl_month():
    assert extract_metadata(" date 2024-01 Sáng 28/12, Công an tỉnh Gia Lai sơ kết phong trào.").date == "2023-12-28"
    assert extract_metadata("Tiêu đề\n\nChiều 5/3, hội nghị diễn ra tại tỉnh Gia Lai.").date is None


def test_a_dateline_may_open_with_the_place():
    text = "Sơ kết phong trào năm 2024\n\nCà Mau, ngày 15/12/2024. Toàn tỉnh duy trì 321 mô hình tự quản."
    assert extract_metadata(text).date == "2024-12-15"


def test_declared_metadata_overrides_inference():
    declared = {"title": "Báo cáo Kon Tum", "date": "1/6/2023", "author": "Ban biên tập", "province": "quang ngai",
                "source": "https://www.baokontum.vn/bai-viet"}
    meta = extract_metadata(SEEDS["000"], declared=declared)
    assert (meta.title, meta.title_derived, meta.date, meta.author) == ("Báo cáo Kon Tum", False, "2023-06-01",
                                                                        "Ban biên tập")
    assert (meta.province, meta.merged_province, meta.source_site) == ("Quảng Ngãi", "Quảng Ngãi", "baokontum.vn")
    assert extract_metadata(SEEDS["002"], declared={"title": "Hội nghị"}).title_derived is False
    assert extract_metadata(SEEDS["001"], declared={"date": "not a date"}).date == "2022-03-29"


def test_markdown_front_matter_and_heading_marks_are_not_content():
    text = "---\ntitle: Báo cáo\n---\n# Tiêu đề\n\nChiều 3/4/2021, Công an tỉnh Gia Lai họp.\n"
    assert content(text) == ["Tiêu đề", "Chiều 3/4/2021, Công an tỉnh Gia Lai họp."]
    assert extract_metadata(text).date == "2021-04-03"


def test_to_dict_has_every_field():
    assert set(ReportMeta().to_dict()) == {"title", "title_derived", "date", "province", "merged_province",
                                           "source_site", "author", "category", "issuer", "doc_number",
                                           "place"}


def test_sidecar_overrides_a_seed(tmp_path):
    report = tmp_path / "000.txt"
    report.write_text(SEEDS["000"], encoding="utf-8")
    assert read_sidecar(report) == {}
    (tmp_path / "000.txt.meta.json").write_text(json.dumps({"title": " Hội nghị Kon Tum ", "date": "2023-05-30",
                                                           "province": "Kon Tum", "author": None}),
                                               encoding="utf-8")
    declared = read_sidecar(report)
    assert declared == {"title": "Hội nghị Kon Tum", "date": "2023-05-30", "province": "Kon Tum"}
    meta = extract_metadata(report.read_text(encoding="utf-8"), declared=declared)
    assert (meta.title, meta.date, meta.province, meta.merged_province) == ("Hội nghị Kon Tum", "2023-05-30",
                                                                           "Kon Tum", "Quảng Ngãi")


@pytest.mark.parametrize("payload, reason", [
    (b'{"title": "x",}', "not valid JSON"),
    (b'["title"]', "expected a JSON object"),
    (b'{"titel": "x"}', "unknown field 'titel'"),
    (b'{"date": 2023}', "field 'date' must be a string"),
    (b'{"date": "yesterday"}', "is not YYYY-MM-DD"),
    (b"\xff\xfe{}", "not UTF-8"),
])
def test_a_malformed_sidecar_is_a_one_line_error_naming_the_file(tmp_path, payload, reason):
    report = tmp_path / "r.txt"
    report.write_text("Nội dung.", encoding="utf-8")
    (tmp_path / "r.txt.meta.json").write_bytes(payload)
    with pytest.raises(ValueError) as err:
        read_sidecar(report)
    message = str(err.value)
    assert message.startswith("r.txt.meta.json: ") and reason in message and "\n" not in message
