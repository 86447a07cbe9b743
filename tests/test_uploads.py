"""Uploads land in the corpus under a safe, new name, or are refused and change nothing."""
from __future__ import annotations

import pytest

from assistant.readers import ReportError
from assistant.settings import ReadingLimits
from assistant.uploads import add_report, remove_report, safe_name

REPORT = "Công an tỉnh Cà Mau báo cáo: toàn tỉnh duy trì 321 mô hình tự quản về an ninh trật tự.\n"


@pytest.mark.parametrize("given, expected", [
    ("../../etc/passwd.txt", "passwd.txt"),
    ("..\\..\\boot.ini.TXT", "boot.ini.txt"),
    ("Báo cáo <Cà Mau> 2024.md", "Báo_cáo_Cà_Mau_2024.md"),
    (".hidden.txt", "hidden.txt"),
    ("....txt", "report.txt"),
    ("Hoa\u0300 Bi\u0300nh.txt", "Hoà_Bình.txt"),
])
def test_safe_name_stays_inside_the_corpus(given, expected):
    assert safe_name(given) == expected


def test_upload_never_overwrites_and_refuses_a_duplicate(tmp_path):
    corpus, upload = tmp_path / "corpus", tmp_path / "upload.bin"
    corpus.mkdir()
    (corpus / "bao_cao.txt").write_text("Một báo cáo khác về phong trào toàn dân bảo vệ an ninh.", encoding="utf-8")
    upload.write_text(REPORT, encoding="utf-8")
    added = add_report(corpus, upload, "../bao cao.txt")
    assert added == corpus / "bao_cao-2.txt" and added.read_text(encoding="utf-8") == REPORT
    assert "Một báo cáo khác" in (corpus / "bao_cao.txt").read_text(encoding="utf-8")
    with pytest.raises(ReportError, match="same content as bao_cao-2.txt"):
        add_report(corpus, upload, "again.txt")


@pytest.mark.parametrize("name, payload, reason", [
    ("scan.pdf", b"%PDF-1.7 truncated", "scan.pdf"),
    ("empty.txt", b"", "empty"),
    ("macro.exe", b"MZ\x90\x00", "unsupported format"),
    ("big.txt", b"x" * 2048, "limit|MB|large"),
])
def test_a_bad_upload_is_refused_and_changes_nothing(tmp_path, name, payload, reason):
    corpus, upload = tmp_path / "corpus", tmp_path / "upload"
    corpus.mkdir()
    upload.write_bytes(payload)
    with pytest.raises(ReportError, match=reason):
        add_report(corpus, upload, name, ReadingLimits(max_bytes=1024))
    assert list(corpus.iterdir()) == []


def test_remove_deletes_the_report_and_its_sidecar_only_inside_the_corpus(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(REPORT, encoding="utf-8")
    (corpus / "a.txt.meta.json").write_text("{}", encoding="utf-8")
    (tmp_path / "outside.txt").write_text(REPORT, encoding="utf-8")
    with pytest.raises(ReportError, match="no such report"):
        remove_report(corpus, "../outside.txt")
    remove_report(corpus, "a.txt")
    assert list(corpus.iterdir()) == [] and (tmp_path / "outside.txt").exists()
