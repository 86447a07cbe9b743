"""Input limits (size, pages) are configurable: defaults, environment variables, ``index`` options."""
from __future__ import annotations

from pathlib import Path

import pytest

from assistant import cli
from assistant.readers import ReportError, read_report
from assistant.settings import ENV_MAX_PAGES, ENV_MAX_SIZE_MB, MB, ReadingLimits, SettingError


def test_defaults():
    limits = ReadingLimits()
    assert (limits.max_bytes, limits.max_pages) == (50 * MB, 500)


def test_environment_variables_set_the_defaults(monkeypatch):
    monkeypatch.setenv(ENV_MAX_SIZE_MB, "1.5")
    monkeypatch.setenv(ENV_MAX_PAGES, "20")
    assert (ReadingLimits().max_bytes, ReadingLimits().max_pages) == (int(1.5 * MB), 20)


@pytest.mark.parametrize("value", ["abc", "0", "-3", "inf", "nan"])
def test_a_bad_environment_variable_is_a_one_line_error_naming_it(monkeypatch, value):
    monkeypatch.setenv(ENV_MAX_PAGES, value)
    with pytest.raises(SettingError, match=ENV_MAX_PAGES) as err:
        ReadingLimits()
    assert "\n" not in str(err.value)


def test_command_line_options_override_the_defaults(monkeypatch):
    monkeypatch.setenv(ENV_MAX_PAGES, "20")
    limits = ReadingLimits().with_options(max_size_mb=2, max_pages=3)
    assert (limits.max_bytes, limits.max_pages) == (2 * MB, 3)
    assert ReadingLimits().with_options() == ReadingLimits()


def test_index_passes_its_limit_options_to_the_build(monkeypatch, tmp_path, capsys):
    from assistant import indexer

    seen = {}

    def fake_build(corpus, index, **kwargs):
        seen.update(kwargs)
        return indexer.BuildSummary(skipped=["big.pdf: 3.0 MB is over the 2.0 MB size limit"])

    monkeypatch.setattr(indexer, "build_index", fake_build)
    status = cli.main(["index", "--corpus", str(tmp_path), "--index", str(tmp_path / "index"),
                       "--max-size-mb", "2", "--max-pages", "7"])
    assert status == 0
    assert (seen["limits"].max_bytes, seen["limits"].max_pages) == (2 * MB, 7)
    assert "skipped: big.pdf: 3.0 MB is over the 2.0 MB size limit" in capsys.readouterr().err


@pytest.mark.parametrize("option", [["--max-size-mb", "0"], ["--max-pages", "0"], ["--max-size-mb", "-1"]])
def test_index_refuses_a_limit_that_is_not_positive(monkeypatch, tmp_path, capsys, option):
    from assistant import indexer

    monkeypatch.setattr(indexer, "build_index", lambda *a, **k: pytest.fail("must not build"))
    status = cli.main(["index", "--corpus", str(tmp_path), *option])
    err = capsys.readouterr().err
    assert status == 2 and err.startswith("error: ") and err.count("\n") == 1, err


def test_limits_refuse_files_with_a_reason_that_says_how_to_raise_them(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("Nội dung báo cáo. " * 100_000, encoding="utf-8")
    with pytest.raises(ReportError) as err:
        read_report(path, ReadingLimits().with_options(max_size_mb=1))
    message = str(err.value)
    assert message.startswith("big.txt: 2.1 MB is over the 1.0 MB size limit")
    assert "--max-size-mb" in message and ENV_MAX_SIZE_MB in message and "\n" not in message


def test_a_password_protected_docx_says_it_is_encrypted(tmp_path):
    # an encrypted Office file is an OLE container holding the encrypted ZIP in "EncryptedPackage"
    data = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "EncryptionInfo".encode("utf-16-le")
            + b"\x00" * 50 + "EncryptedPackage".encode("utf-16-le") + bytes(range(256)) * 8)
    path = tmp_path / "mat-khau.docx"
    path.write_bytes(data)
    with pytest.raises(ReportError, match=r"^mat-khau\.docx: encrypted \(password-protected\) Office document"):
        read_report(path)
    old_doc = tmp_path / "cu.docx"
    old_doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1000)
    with pytest.raises(ReportError, match="old binary Office file"):
        read_report(old_doc)


def test_reasons_are_one_line_for_every_kind_of_broken_file(tmp_path):
    cases = {"rong.md": b"", "nham.pdf": b"PK\x03\x04" + b"\x00" * 100, "anh.docx": b"\x89PNG\r\n\x1a\n" + b"0" * 50}
    for name, data in cases.items():
        path = Path(tmp_path / name)
        path.write_bytes(data)
        with pytest.raises(ReportError) as err:
            read_report(path)
        assert str(err.value).startswith(f"{name}: ") and "\n" not in str(err.value)
