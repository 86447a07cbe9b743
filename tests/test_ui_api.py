"""The served app: `ask` through gradio_client behind a login, and the warning for an open address."""
from __future__ import annotations

import socket

import pytest
from gradio_client import Client

from tests.conftest import CORPUS
from ui.auth import hash_password

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_ask_through_the_api_with_login(seed_index, tmp_path, capsys):
    from ui.app import serve

    users = tmp_path / "users.txt"
    users.write_text(f"lan:{hash_password('mật khẩu')}\n", encoding="utf-8")
    port = _free_port()
    app = serve(seed_index, CORPUS, port=port, auth_file=users, block=False)
    try:
        client = Client(f"http://127.0.0.1:{port}/", auth=("lan", "mật khẩu"), verbose=False)
        reply = client.predict("how many models did Quảng Nam maintain?", api_name="/ask")
        assert reply["found"] and "1.000" in reply["answer"]
        assert reply["citations"][0]["province"] == "Quảng Nam"
        follow = client.predict("And Kon Tum?", ["how many models did Quảng Nam maintain?"], api_name="/ask")
        assert "Kon Tum" in follow["resolved_question"] and "2.250" in follow["answer"]
        with pytest.raises(Exception):
            Client(f"http://127.0.0.1:{port}/", auth=("lan", "sai"), verbose=False)
    finally:
        app.close()
    assert "warning" not in capsys.readouterr().err


def test_an_open_address_without_login_warns(seed_index, capsys):
    from ui.app import serve

    app = serve(seed_index, CORPUS, host="0.0.0.0", port=_free_port(), block=False)
    app.close()
    assert "without --auth" in capsys.readouterr().err
