"""Logins for ``serve --auth FILE``: one ``user:password`` per line, the password plain or hashed.

A hashed password is ``pbkdf2_sha256$<iterations>$<salt>$<hex digest>``, as ``hash_password``
writes it (``python -m ui.auth`` prints one); lines starting with ``#`` are comments.
"""
from __future__ import annotations

import getpass
import hashlib
import hmac
import secrets
from pathlib import Path
from typing import Callable

from assistant.errors import UserFacingError

SCHEME = "pbkdf2_sha256"
ITERATIONS = 200_000


def hash_password(password: str, salt: str | None = None, iterations: int = ITERATIONS) -> str:
    salt = salt or secrets.token_hex(8)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt.encode(), iterations).hex()
    return f"{SCHEME}${iterations}${salt}${digest}"


def password_matches(stored: str, given: str) -> bool:
    if stored.startswith(SCHEME + "$"):
        _, iterations, salt, _digest = stored.split("$", 3)
        return hmac.compare_digest(hash_password(given, salt, int(iterations)), stored)
    return hmac.compare_digest(stored.encode(), given.encode())


def read_users(path: Path) -> dict[str, str]:
    """``{user: stored password}``; a malformed line is a one-line error naming it."""
    if not path.is_file():
        raise UserFacingError(f"auth file {path} does not exist")
    users = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        user, sep, password = line.strip().partition(":")
        if not sep or not user or not password:
            raise UserFacingError(f"{path}:{number}: expected user:password")
        users[user] = password
    if not users:
        raise UserFacingError(f"auth file {path} lists no users")
    return users


def checker(path: Path) -> Callable[[str, str], bool]:
    """The function Gradio's login calls with what the user typed."""
    users = read_users(path)

    def check(user: str, password: str) -> bool:
        stored = users.get(user)
        return stored is not None and password_matches(stored, password)
    return check


if __name__ == "__main__":
    print(hash_password(getpass.getpass("password: ")))
