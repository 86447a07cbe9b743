"""What a user may send: questions and ask options, cleaned and checked once for every edge.

The CLI, the UI and the API all pass what they receive through these functions, so a question
is decoded, stripped and bounded the same way wherever it comes from, and a bad option gets the
same one-line message.
"""
from __future__ import annotations

import re
import unicodedata

from assistant.errors import UserFacingError

MAX_QUESTION_CHARS = 2000
"""Longest question accepted: the longest eval question is under 300 characters, and a pasted
report page (over 2,000) is not a question; longer input would only slow every stage down."""
MAX_HISTORY_TURNS = 20
"""Earlier turns kept for a follow-up: only the last few are ever read to resolve one."""
MAX_K = 50
"""Most passages one question may retrieve: citations beyond a few dozen are never read."""
YEARS = range(1945, 2101)
"""Years a report can be about: the movement dates from 1962; anything outside is a typo."""

_TAG = re.compile(r"<\s*(script|style)\b[^>]*>.*?<\s*/\s*\1\s*>|<[^<>]{0,200}>", re.IGNORECASE | re.DOTALL)
_SPACE = re.compile(r"\s+")


class InputError(UserFacingError):
    """A question or option the assistant cannot take: one line, exit status 2."""


def decode_arg(text: str) -> str:
    """A command-line string with undecodable bytes (surrogate escapes) replaced by U+FFFD."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace") if _has_surrogates(text) else text


def _has_surrogates(text: str) -> bool:
    return any("\ud800" <= ch <= "\udfff" for ch in text)


def clean_question(text: str) -> str:
    """NFC text without lone surrogates, control characters or markup tags, spaces collapsed."""
    if _has_surrogates(text):
        text = text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    text = unicodedata.normalize("NFC", text)
    text = _TAG.sub(" ", text)
    text = "".join(" " if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn") else ch for ch in text)
    return _SPACE.sub(" ", text).strip()


def check_question(text: object) -> str:
    """The cleaned question, or an ``InputError`` for one that is not text, empty or too long."""
    if not isinstance(text, str):
        raise InputError("the question must be text")
    if len(text) > MAX_QUESTION_CHARS * 4:
        raise InputError(f"the question is longer than {MAX_QUESTION_CHARS} characters")
    cleaned = clean_question(text)
    if not cleaned:
        raise InputError("the question is empty")
    if len(cleaned) > MAX_QUESTION_CHARS:
        raise InputError(f"the question is longer than {MAX_QUESTION_CHARS} characters")
    return cleaned


def check_history(turns: object) -> list[str]:
    """Earlier turns as cleaned text, the last ``MAX_HISTORY_TURNS``; empty turns dropped."""
    if turns is None:
        return []
    if not isinstance(turns, (list, tuple)) or not all(isinstance(t, str) for t in turns):
        raise InputError("history must be a list of earlier questions")
    cleaned = [clean_question(t)[:MAX_QUESTION_CHARS] for t in turns[-MAX_HISTORY_TURNS:]]
    return [t for t in cleaned if t]


def check_year(value: object) -> int | None:
    """A year between 1945 and 2100, or None for none given (0, "" or None)."""
    if value in (None, "", 0):
        return None
    if isinstance(value, bool):
        raise InputError("the year must be a number such as 2023")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) <= 4:
        value = int(value.strip())
    if not isinstance(value, int):
        raise InputError("the year must be a number such as 2023")
    if value not in YEARS:
        raise InputError(f"the year must be between {YEARS.start} and {YEARS.stop - 1}")
    return value


def check_k(value: object) -> int:
    """Passages to retrieve: a whole number from 1 to ``MAX_K``."""
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) <= 4:
            value = int(value.strip())
        else:
            raise InputError(f"k must be a whole number from 1 to {MAX_K}")
    if not 1 <= value <= MAX_K:
        raise InputError(f"k must be a whole number from 1 to {MAX_K}")
    return value


def check_province(value: object) -> str | None:
    """A province filter as cleaned text, or None for none given."""
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise InputError("the province must be text")
    cleaned = clean_question(value)[:100]
    return cleaned or None
