"""The served app: `ask` through gradio_client (behind a login, and with bad arguments), throttled
logins over HTTP, and the warning for an open address."""
from __future__ import annotations

import logging
import socket

import httpx
import pytest
from gradio_client import Client
from gradio_client.exceptions import AppError

from tests.conftest import CORPUS
from ui.auth import USER_LIMITS, hash_password

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def client(seed_index):
    from ui.app import serve

    port = _free_port()
    app = serve(seed_index, CORPUS, port=port, block=False)
    yield Client(f"http://127.0.0.1:{port}/", verbose=False)
    app.close()


def test_ask_through_the_api_with_login(seed_index, tmp_path, capsys):
    from ui.app import serve

    users = tmp_path / "users.txt"
    users.write_text(f"lan:{hash_password('mật khẩu')}\nminh:khác\n", encoding="utf-8")
    port = _free_port()
    url = f"http://127.0.0.1:{port}/"
    app = serve(seed_index, CORPUS, port=port, auth_file=users, block=False)
    try:
        client = Client(url, auth=("lan", "mật khẩu"), verbose=False)
        reply = client.predict("how many models did Quảng Nam maintain?", api_name="/ask")
        assert reply["found"] and "1.000" in reply["answer"]
        assert reply["citations"][0]["province"] == "Quảng Nam"
        follow = client.predict("And Kon Tum?", ["how many models did Quảng Nam maintain?"], api_name="/ask")
        assert "Kon Tum" in follow["resolved_question"] and "2.250" in follow["answer"]
        with pytest.raises(ValueError, match="Could not login"):
            Client(url, auth=("lan", "sai"), verbose=False)
    finally:
        app.close()
    assert "warning" not in capsys.readouterr().err


def test_thirty_wrong_logins_in_a_row_are_throttled_over_http(seed_index, tmp_path):
    from ui.app import serve

    users = tmp_path / "users.txt"
    users.write_text(f"lan:{hash_password('mật khẩu')}\nminh:khác\n", encoding="utf-8")
    port = _free_port()
    app = serve(seed_index, CORPUS, port=port, auth_file=users, block=False)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}") as http:
            replies = [http.post("/login", data={"username": "lan", "password": f"sai{i}"}) for i in range(30)]
            right = http.post("/login", data={"username": "lan", "password": "mật khẩu"})
            other = http.post("/login", data={"username": "minh", "password": "khác"})
    finally:
        app.close()
    free = USER_LIMITS.free_failures
    assert [r.status_code for r in replies] == [400] * free + [429] * (30 - free)
    assert replies[-1].headers["Retry-After"] == "1" and "too many failed logins" in replies[-1].json()["detail"]
    assert right.status_code == 429, "the right password is refused too while the name waits"
    assert other.status_code == 200, "another user at the same address still logs in"


@pytest.mark.parametrize("arguments, message", [
    (("",), "the question is empty"),
    (("   \t",), "the question is empty"),
    (("\u200b\u2060",), "the question is empty"),
    (("x" * 2001,), "the question is longer than 2000 characters"),
    ((5,), "the question must be text"),
    ((None,), "the question must be text"),
    ((["a list"],), "the question must be text"),
    (("Quảng Nam?", "not a list"), "history must be a list of earlier questions"),
    (("Quảng Nam?", [1, 2]), "history must be a list of earlier questions"),
    (("Quảng Nam?", None, 7), "the province must be text"),
    (("Quảng Nam?", None, "", 10**30), "the year must be between 1945 and 2100"),
    (("Quảng Nam?", None, "", 1800), "the year must be between 1945 and 2100"),
    (("Quảng Nam?", None, "", "abc"), "the year must be a number such as 2023"),
    (("Quảng Nam?", None, "", 2023.5), "the year must be a number such as 2023"),
    (("Quảng Nam?", None, "", True), "the year must be a number such as 2023"),
])
def test_bad_api_arguments_get_the_cli_s_one_line_message(client, arguments, message):
    with pytest.raises(AppError) as error:
        client.predict(*arguments, api_name="/ask")
    assert str(error.value) == message


def test_an_unexpected_failure_is_logged_and_the_client_gets_a_generic_message(client, monkeypatch, caplog):
    from ui.app import INTERNAL_ERROR
    from ui.backend import Backend

    def broken(*args, **kwargs):
        raise RuntimeError("secret detail /srv/index/texts.bin offset 1234")

    monkeypatch.setattr(Backend, "ask", broken)
    with caplog.at_level(logging.ERROR, logger="ui.app"), pytest.raises(AppError) as error:
        client.predict("how many models did Quảng Nam maintain?", api_name="/ask")
    assert str(error.value) == INTERNAL_ERROR and "secret" not in str(error.value)
    assert "secret detail" in caplog.text, "the detail stays in the server log"


def test_a_good_question_with_filters_as_text_is_answered(client):
    reply = client.predict("how many models did Quảng Nam maintain?", [], "Quảng Nam", "", api_name="/ask")
    assert reply["found"] and "1.000" in reply["answer"]


def test_an_open_address_without_login_warns(seed_index, capsys):
    from ui.app import serve

    app = serve(seed_index, CORPUS, host="0.0.0.0", port=_free_port(), block=False)
    app.close()
    assert "without --auth" in capsys.readouterr().err
