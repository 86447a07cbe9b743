import codecs
import unicodedata

import pytest

from assistant.readers import ReportError, read_report

TEXT = "Công an tỉnh Quảng Nam duy trì hơn 1.000 mô hình.\n"


@pytest.mark.parametrize("encoded", [
    TEXT.encode("utf-8"),
    codecs.BOM_UTF8 + TEXT.encode("utf-8"),
    TEXT.encode("utf-16"),
    codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
])
def test_utf8_and_utf16_with_or_without_bom(tmp_path, encoded):
    path = tmp_path / "r.txt"
    path.write_bytes(encoded)
    assert read_report(path).text == TEXT


def test_decomposed_text_is_normalised_to_nfc(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(unicodedata.normalize("NFD", TEXT), encoding="utf-8")
    assert read_report(path).text == TEXT


@pytest.mark.parametrize("name, data, reason", [
    ("empty.txt", b"", "empty"),
    ("latin1.txt", "Báo cáo năm".encode("latin-1", errors="replace") + b"\xe9\xff", "not UTF-8"),
    ("binary.txt", b"\x00\x01\x02abc\x00", "binary"),
    ("blank.txt", b" \n\n\t ", "no text"),
    ("report.xyz", b"abc", "unsupported"),
])
def test_bad_files_get_a_one_line_reason_naming_the_file(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ReportError) as err:
        read_report(path)
    message = str(err.value)
    assert name in message and reason in message and "\n" not in message


def test_markdown_front_matter_is_metadata_and_skipped(tmp_path):
    path = tmp_path / "r.md"
    path.write_text("---\ntitle: Báo cáo sơ kết\ndate: 2023-12-20\nprovince: Bắc Giang\n---\n# Tiêu đề\n\n" + TEXT,
                    encoding="utf-8")
    report = read_report(path)
    assert report.meta == {"title": "Báo cáo sơ kết", "date": "2023-12-20", "province": "Bắc Giang"}
    (start, end), = report.skip
    assert start == 0 and report.text[end:].startswith("# Tiêu đề")


def test_broken_front_matter_is_a_clear_error(tmp_path):
    path = tmp_path / "r.md"
    path.write_text("---\ntitle: [unclosed\n---\nBody text.\n", encoding="utf-8")
    with pytest.raises(ReportError, match="r.md: bad YAML front matter"):
        read_report(path)
