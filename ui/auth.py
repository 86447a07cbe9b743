"""Logins for ``serve --auth FILE``: one ``user:password`` per line, the password plain or hashed.

A hashed password is ``pbkdf2_sha256$<iterations>$<salt>$<hex digest>``, as ``hash_password``
writes it (``python -m ui.auth`` prints one); lines starting with ``#`` are comments. Every line
is checked when the file is read, so a damaged hash stops ``serve`` at start-up with its line
number instead of failing each login later.

Wrong passwords are throttled per user name and per client address (``LoginGuard``): a few are
free, then each further failure doubles a wait during which every login for that name or address
is refused unchecked, so guessing gains nothing from speed or from parallel requests.
"""
from __future__ import annotations

import asyncio
import getpass
import hashlib
import hmac
import math
import re
import secrets
import threading
import time
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

from fastapi import HTTPException

from assistant.errors import UserFacingError

SCHEME = "pbkdf2_sha256"
ITERATIONS = 200_000
"""PBKDF2 rounds for new hashes: about 0.25 s per check on one core here."""
MAX_ITERATIONS = 5_000_000
"""Most rounds accepted from users.txt, about 7 s per check: a typo with more zeros would stall every login."""
_DIGEST = re.compile(r"[0-9a-f]{64}")  # a SHA-256 digest in lower-case hex, as hash_password writes it

Clock = Callable[[], float]


def hash_password(password: str, salt: str | None = None, iterations: int = ITERATIONS) -> str:
    salt = salt or secrets.token_hex(8)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt.encode(), iterations).hex()
    return f"{SCHEME}${iterations}${salt}${digest}"


def _hash_problem(stored: str) -> str | None:
    """Why ``stored`` is not a usable ``pbkdf2_sha256$…`` hash, or None when it is one."""
    parts = stored.split("$")
    if len(parts) != 4:
        return f"expected {SCHEME}$<iterations>$<salt>$<hex digest>, got {len(parts)} parts"
    _, iterations, salt, digest = parts
    if not iterations.isdigit() or not 1 <= int(iterations) <= MAX_ITERATIONS:
        return f"the iterations must be a whole number from 1 to {MAX_ITERATIONS}, not {iterations!r}"
    if not salt:
        return "the salt is empty"
    if not _DIGEST.fullmatch(digest):
        return "the digest must be 64 lower-case hex digits"
    return None


def password_matches(stored: str, given: str) -> bool:
    """Compare in constant time; ``stored`` has been checked by ``read_users``."""
    if stored.startswith(SCHEME + "$"):
        _, iterations, salt, _digest = stored.split("$")
        return hmac.compare_digest(hash_password(given, salt, int(iterations)), stored)
    return hmac.compare_digest(stored.encode(), given.encode())


def read_users(path: Path) -> dict[str, str]:
    """``{user: stored password}``; a malformed line is a one-line error naming it."""
    if not path.is_file():
        raise UserFacingError(f"auth file {path} does not exist")
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError:
        raise UserFacingError(f"auth file {path} is not UTF-8 text") from None
    users: dict[str, str] = {}
    first_line: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        user, sep, password = line.strip().partition(":")
        if not sep or not user or not password:
            raise UserFacingError(f"{path}:{number}: expected user:password")
        if user in users:
            raise UserFacingError(f"{path}:{number}: user {user!r} is already listed on line {first_line[user]}")
        if password.startswith(SCHEME + "$") and (problem := _hash_problem(password)):
            raise UserFacingError(f"{path}:{number}: malformed password hash: {problem}")
        users[user] = password
        first_line[user] = number
    if not users:
        raise UserFacingError(f"auth file {path} lists no users")
    return users


@dataclass(frozen=True)
class ThrottleSettings:
    """How many wrong passwords one name or address gets, and how long it then waits."""

    free_failures: int
    """Failures before any wait."""
    first_wait: float = 1.0
    """Seconds of refusal after the last free failure; each further failure doubles it."""
    longest_wait: float = 900.0
    """The cap, 15 minutes (reached ten failures after the free ones): then about 100 guesses a day for
    one name or address at most, while a user locked out by someone else's guessing waits no longer."""
    forget_after: float = 3600.0
    """A name or address with no failure for an hour starts again with its free failures."""


USER_LIMITS = ThrottleSettings(free_failures=5)
"""Per user name: five covers a few typos and a caps-lock, far too few to guess a password."""
ADDRESS_LIMITS = ThrottleSettings(free_failures=20)
"""Per client address: more, because an office behind one address shares it; it stops one machine
from trying one password against many names."""
MAX_TRACKED = 10_000
"""Names and addresses remembered before the forgotten ones are swept (about 100 bytes each)."""


@dataclass
class _Record:
    failures: int = 0
    running: int = 0  # attempts started and not yet finished
    last_failure: float = 0.0
    refused_until: float = 0.0


class Throttle:
    """Failed-attempt counts for one kind of key (user names or addresses), safe across threads.

    ``start`` reserves an attempt: it is refused while the key waits out a lockout, and also when the
    attempts already running could, by all failing, use up the free ones; past them, one attempt runs
    at a time. So parallel requests cannot slip more guesses in than sequential ones.
    """

    def __init__(self, settings: ThrottleSettings, clock: Clock = time.monotonic) -> None:
        self.settings = settings
        self.clock = clock
        self._records: dict[str, _Record] = {}
        self._lock = threading.Lock()

    def start(self, key: str) -> float:
        """0 and an attempt reserved for ``key``, or the seconds to wait (nothing reserved)."""
        now = self.clock()
        with self._lock:
            record = self._records.get(key)
            if record is None or self._forgotten(record, now):
                record = self._records[key] = _Record()
            if now < record.refused_until:
                return record.refused_until - now
            if record.running and record.failures + record.running >= self.settings.free_failures:
                return self.settings.first_wait
            record.running += 1
            return 0.0

    def finish(self, key: str, failed: bool) -> None:
        """End an attempt reserved by ``start``; a failure past the free ones starts a doubled wait."""
        now = self.clock()
        with self._lock:
            record = self._records[key]
            record.running -= 1
            if failed:
                record.failures += 1
                record.last_failure = now
                over = record.failures - self.settings.free_failures
                if over >= 0:
                    # the exponent is capped so that years of failures cannot overflow the float
                    wait = min(self.settings.first_wait * 2.0 ** min(over, 64), self.settings.longest_wait)
                    record.refused_until = now + wait
            if len(self._records) > MAX_TRACKED:
                self._records = {k: r for k, r in self._records.items() if not self._forgotten(r, now)}

    def forgive(self, key: str) -> None:
        """Clear ``key``'s failures (a user who logged in); attempts still running keep their reservation."""
        with self._lock:
            record = self._records.get(key)
            if record is not None:
                record.failures, record.refused_until = 0, 0.0

    def _forgotten(self, record: _Record, now: float) -> bool:
        return (not record.running and now >= record.refused_until
                and now - record.last_failure >= self.settings.forget_after)


class LoginThrottled(UserFacingError):
    """Too many failed logins for a user name or an address: refused without checking the password."""

    def __init__(self, wait: float) -> None:
        self.wait = max(1, math.ceil(wait))
        super().__init__(f"too many failed logins; try again in {self.wait} s")


CLIENT_ADDRESS: ContextVar[str] = ContextVar("client_address", default="unknown")
"""The address of the request being served, set by ``RecordClientAddress``."""


class RecordClientAddress:
    """ASGI middleware that makes the current request's client address readable as ``CLIENT_ADDRESS``.

    Gradio calls its ``auth`` function with the user name and password only; this is how the login
    check learns the address to throttle. It is the socket's peer as uvicorn reports it, which takes
    ``X-Forwarded-For`` only from a proxy on 127.0.0.1 (uvicorn's default), so a remote client cannot
    pick its own address.
    """

    def __init__(self, app: Callable[..., Awaitable[None]]) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        client = scope.get("client")
        token = CLIENT_ADDRESS.set(client[0] if client else "unknown")
        try:
            await self.app(scope, receive, send)
        finally:
            CLIENT_ADDRESS.reset(token)


class LoginGuard:
    """The password check behind a per-user and a per-address throttle."""

    def __init__(self, users: dict[str, str], clock: Clock = time.monotonic) -> None:
        self.users = users
        self.names = Throttle(USER_LIMITS, clock)
        self.addresses = Throttle(ADDRESS_LIMITS, clock)
        self._decoy = hash_password(secrets.token_hex(8))  # an unknown name costs as much as a known one

    def check(self, user: str, password: str, address: str) -> bool:
        """Whether ``password`` is ``user``'s; raises ``LoginThrottled`` while either key must wait."""
        if wait := self.names.start(user):
            raise LoginThrottled(wait)
        if wait := self.addresses.start(address):
            self.names.finish(user, failed=False)
            raise LoginThrottled(wait)
        ok = False
        try:
            stored = self.users.get(user)
            ok = password_matches(stored or self._decoy, password) and stored is not None
        finally:
            self.names.finish(user, failed=not ok)
            self.addresses.finish(address, failed=not ok)
        if ok:
            self.names.forgive(user)  # not the address: owning one account must not reset it for guessing others
        return ok

    async def login(self, user: str, password: str) -> bool:
        """What Gradio's login calls (a coroutine function, so Gradio awaits it): the hash runs in a
        worker thread, so a login never stalls the other users' answers; a throttled login is
        HTTP 429 with ``Retry-After``."""
        try:
            return await asyncio.to_thread(self.check, user, password, CLIENT_ADDRESS.get())
        except LoginThrottled as exc:
            raise HTTPException(status_code=429, detail=str(exc), headers={"Retry-After": str(exc.wait)}) from None


def checker(path: Path) -> LoginGuard:
    """The login guard for an auth file, read and checked now (a bad line is a one-line error)."""
    return LoginGuard(read_users(path))


if __name__ == "__main__":
    print(hash_password(getpass.getpass("password: ")))
