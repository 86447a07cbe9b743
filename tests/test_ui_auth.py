"""Logins from an auth file: plain and hashed passwords, a bad file refused at start-up with its
line number, and wrong passwords throttled per user name and per address."""
from __future__ import annotations

import threading

import pytest

from assistant.cli import main
from assistant.errors import UserFacingError
from ui.app import _is_loopback
from ui.auth import (
    ADDRESS_LIMITS,
    USER_LIMITS,
    LoginGuard,
    LoginThrottled,
    Throttle,
    ThrottleSettings,
    checker,
    hash_password,
)

DIGEST = "ab" * 32
HERE = "10.0.0.1"


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def guard(clock: Clock, **users: str) -> LoginGuard:
    return LoginGuard(users, clock)


def test_plain_and_hashed_passwords(tmp_path):
    users = tmp_path / "users.txt"
    users.write_text(f"# officials\nlan:mật-khẩu\nminh:{hash_password('s3cret:with colon')}\n", encoding="utf-8")
    check = checker(users)
    assert check.check("lan", "mật-khẩu", HERE) and check.check("minh", "s3cret:with colon", HERE)
    assert not check.check("lan", "wrong", HERE) and not check.check("minh", hash_password("s3cret:with colon"), HERE)
    assert not check.check("nobody", "mật-khẩu", HERE)


@pytest.mark.parametrize("line, reason", [
    ("alice:pbkdf2_sha256$x$y", "got 3 parts"),
    (f"alice:pbkdf2_sha256$x$salt${DIGEST}", "iterations must be a whole number"),
    (f"alice:pbkdf2_sha256$-5$salt${DIGEST}", "iterations must be a whole number"),
    (f"alice:pbkdf2_sha256$0$salt${DIGEST}", "iterations must be a whole number"),
    (f"alice:pbkdf2_sha256$99999999999$salt${DIGEST}", "iterations must be a whole number"),
    (f"alice:pbkdf2_sha256$200000$${DIGEST}", "the salt is empty"),
    ("alice:pbkdf2_sha256$200000$salt$xyz", "64 lower-case hex digits"),
    (f"alice:pbkdf2_sha256$200000$salt${DIGEST[:-2]}", "64 lower-case hex digits"),
    (f"alice:pbkdf2_sha256$200000$salt${DIGEST}$extra", "got 5 parts"),
    ("alice:pbkdf2_sha256$", "got 2 parts"),
    ("alice", "expected user:password"),
    ("alice:", "expected user:password"),
    (":secret", "expected user:password"),
    ("lan:again", "already listed on line 2"),
])
def test_a_malformed_line_is_refused_with_its_number(tmp_path, line, reason):
    users = tmp_path / "users.txt"
    users.write_text(f"# officials\nlan:{hash_password('pw', iterations=1000)}\n\n{line}\n", encoding="utf-8")
    with pytest.raises(UserFacingError, match=reason) as error:
        checker(users)
    assert str(error.value).startswith(f"{users}:4: ") and "\n" not in str(error.value)


@pytest.mark.parametrize("content, message", [("# none\n", "no users"), (b"lan:m\xe1t\n", "not UTF-8")])
def test_a_bad_auth_file_is_a_one_line_error(tmp_path, content, message):
    users = tmp_path / "users.txt"
    users.write_bytes(content if isinstance(content, bytes) else content.encode())
    with pytest.raises(UserFacingError, match=message):
        checker(users)


def test_serve_refuses_a_malformed_hash_at_start_up(tmp_path, capsys):
    users = tmp_path / "users.txt"
    users.write_text("alice:pbkdf2_sha256$x$y\n", encoding="utf-8")
    status = main(["serve", "--auth", str(users), "--index", str(tmp_path / "index"), "--corpus", str(tmp_path)])
    err = capsys.readouterr().err
    assert status == 2 and err.count("\n") == 1
    assert err.startswith(f"error: {users}:1: malformed password hash") and "Traceback" not in err


def test_thirty_wrong_passwords_in_a_row_are_throttled():
    clock = Clock()
    logins = guard(clock, lan="mật-khẩu")
    outcomes = []
    for _ in range(30):
        try:
            outcomes.append(logins.check("lan", "sai", HERE))
        except LoginThrottled as refused:
            outcomes.append(refused.wait)
    assert outcomes[:USER_LIMITS.free_failures] == [False] * USER_LIMITS.free_failures
    assert outcomes[USER_LIMITS.free_failures:] == [1] * 25, "refused unchecked, the wait not lengthened"
    with pytest.raises(LoginThrottled, match=r"too many failed logins; try again in 1 s"):
        logins.check("lan", "mật-khẩu", HERE)  # the right password too: guessing gains nothing by speed
    clock.now += 1
    assert logins.check("lan", "mật-khẩu", HERE)


def test_each_further_failure_doubles_the_wait_up_to_the_cap():
    clock = Clock()
    logins = guard(clock, lan="mật-khẩu")
    waits = []
    for _ in range(USER_LIMITS.free_failures):
        assert not logins.check("lan", "sai", HERE)
    for _ in range(12):
        with pytest.raises(LoginThrottled) as refused:
            logins.check("lan", "sai", HERE)
        waits.append(refused.value.wait)
        clock.now += refused.value.wait
        assert not logins.check("lan", "sai", HERE)
    assert waits == [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900]


def test_a_good_login_clears_the_users_failures_and_an_hour_without_failure_forgets_them():
    clock = Clock()
    logins = guard(clock, lan="mật-khẩu")
    for _ in range(USER_LIMITS.free_failures - 1):
        assert not logins.check("lan", "sai", HERE)
    assert logins.check("lan", "mật-khẩu", HERE)
    for _ in range(USER_LIMITS.free_failures):
        assert not logins.check("lan", "sai", HERE)
    with pytest.raises(LoginThrottled):
        logins.check("lan", "sai", HERE)
    clock.now += USER_LIMITS.forget_after
    for _ in range(USER_LIMITS.free_failures):
        assert not logins.check("lan", "sai", HERE)


def test_one_users_lockout_leaves_the_others_alone():
    clock = Clock()
    logins = guard(clock, lan="mật-khẩu", minh="khác")
    for _ in range(10):
        try:
            logins.check("lan", "sai", HERE)
        except LoginThrottled:
            pass
    assert logins.check("minh", "khác", HERE)


def test_one_address_trying_many_names_is_throttled():
    clock = Clock()
    logins = guard(clock, lan="mật-khẩu", **{f"user{i}": "secret" for i in range(ADDRESS_LIMITS.free_failures)})
    for i in range(ADDRESS_LIMITS.free_failures):
        assert not logins.check(f"user{i}", "123456", HERE)
    with pytest.raises(LoginThrottled):
        logins.check("lan", "mật-khẩu", HERE)
    assert logins.check("lan", "mật-khẩu", "10.0.0.2"), "another address is not affected"
    clock.now += 1
    assert logins.check("lan", "mật-khẩu", HERE), "a good login does not reset the address for guessing"
    assert not logins.check("user0", "123456", HERE)
    with pytest.raises(LoginThrottled, match="in 2 s"):
        logins.check("lan", "mật-khẩu", HERE)


def test_parallel_guesses_get_no_more_tries_than_sequential_ones():
    logins = LoginGuard({"lan": hash_password("mật-khẩu", iterations=20_000)}, Clock())
    outcomes: list[object] = []
    start = threading.Barrier(30)

    def guess() -> None:
        start.wait()
        try:
            outcomes.append(logins.check("lan", "sai", HERE))
        except LoginThrottled:
            outcomes.append("refused")

    threads = [threading.Thread(target=guess) for _ in range(30)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert outcomes.count(False) == USER_LIMITS.free_failures and outcomes.count("refused") == 25


def test_the_throttle_reserves_attempts_before_their_outcome_is_known():
    throttle = Throttle(ThrottleSettings(free_failures=2), Clock())
    assert throttle.start("k") == 0 and throttle.start("k") == 0
    assert throttle.start("k") > 0, "two running attempts could both fail: a third must wait"
    throttle.finish("k", failed=False)
    assert throttle.start("k") == 0


def test_only_loopback_addresses_count_as_private():
    assert _is_loopback("127.0.0.1") and _is_loopback("localhost") and _is_loopback("::1")
    assert not _is_loopback("0.0.0.0") and not _is_loopback("192.168.1.5")
