"""Logins from an auth file: plain and hashed passwords, clear errors for a bad file."""
from __future__ import annotations

import pytest

from assistant.errors import UserFacingError
from ui.app import _is_loopback
from ui.auth import checker, hash_password


def test_plain_and_hashed_passwords(tmp_path):
    users = tmp_path / "users.txt"
    users.write_text(f"# officials\nlan:mật-khẩu\nminh:{hash_password('s3cret:with colon')}\n", encoding="utf-8")
    check = checker(users)
    assert check("lan", "mật-khẩu") and check("minh", "s3cret:with colon")
    assert not check("lan", "wrong") and not check("minh", hash_password("s3cret:with colon"))
    assert not check("nobody", "mật-khẩu")


@pytest.mark.parametrize("content, message", [("lan\n", "expected user:password"), ("# none\n", "no users")])
def test_a_bad_auth_file_is_a_one_line_error(tmp_path, content, message):
    users = tmp_path / "users.txt"
    users.write_text(content, encoding="utf-8")
    with pytest.raises(UserFacingError, match=message):
        checker(users)


def test_only_loopback_addresses_count_as_private():
    assert _is_loopback("127.0.0.1") and _is_loopback("localhost") and _is_loopback("::1")
    assert not _is_loopback("0.0.0.0") and not _is_loopback("192.168.1.5")
