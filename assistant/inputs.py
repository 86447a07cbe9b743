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
RAW_LIMIT = MAX_QUESTION_CHARS * 4
"""Longest text cleaned at all: markup and invisible characters may pad a question, but input
four times the limit is refused before the regular expressions spend time on it."""
MAX_HISTORY_TURNS = 20
"""Earlier turns kept for a follow-up: only the last few are ever read to resolve one."""
MAX_K = 50
"""Most passages one question may retrieve: citations beyond a few dozen are never read."""
YEARS = range(1945, 2101)
"""Years a report can be about: the movement dates from 1962; anything outside is a typo."""
_MAX_DIGITS = 18
"""A number written with more digits is out of every range here; it is not parsed (Python refuses
to turn more than 4,300 digits into an int, and would take its time below that)."""

_SURROGATE = re.compile("[\ud800-\udfff]")
_TAG = re.compile(r"<\s*(script|style)\b[^>]*>.*?<\s*/\s*\1\s*>"  # the element and what it runs
                  r"|<!--.*?-->"
                  r"|</?[a-z][\w:-]*(?:\s[^<>]*)?/?>",  # a tag starts with its name: "x < 5 >" stays
                  re.IGNORECASE | re.DOTALL)
_SPACE = re.compile(r"\s+")
_NUMBER = re.compile(r"\s*([+-]?)(\d+)\s*")  # \d: any decimal digit, all of which int() reads
_DROPPED = frozenset(("Cc", "Cf", "Co", "Cn"))
"""Controls, format characters (zero-width, bidi), private-use and unassigned code points: nothing
a reader sees. Whitespace controls (tab, newline) are spaces instead."""


class InputError(UserFacingError):
    """A question or option the assistant cannot take: one line, exit status 2."""


def _replace_surrogates(text: str) -> str:
    """Lone surrogates (Python's escapes for undecodable argv bytes, or sent as such) → U+FFFD."""
    return _SURROGATE.sub("\ufffd", text)


def decode_arg(text: str) -> str:
    """A command-line string with undecodable bytes (surrogate escapes) replaced by U+FFFD.

    Such a string cannot be printed or encoded as UTF-8, so it is made safe before anything
    (argparse's own messages included) repeats it.
    """
    return _replace_surrogates(text)


def _visible(text: str) -> str:
    """NFC text as it looks: no surrogates, replacement or invisible characters, spaces collapsed.

    Invisible characters are dropped rather than spaced, so "Quảng\\u200bNam" reads as it shows.
    """
    text = unicodedata.normalize("NFC", _replace_surrogates(text)).replace("\ufffd", "")
    kept = (" " if ch.isspace() else "" if unicodedata.category(ch) in _DROPPED else ch for ch in text)
    return _SPACE.sub(" ", "".join(kept)).strip()


def _without_tags(text: str) -> str:
    return _SPACE.sub(" ", _TAG.sub(" ", text)).strip()


def clean_question(text: str) -> str:
    """The question as analysed: visible text (see ``_visible``) without markup tags.

    Script and style elements go with their content; other tags leave their text
    ("<b>Quảng Nam</b>" → "Quảng Nam"). Characters are cleaned first, so a control character
    inside a tag name does not hide the tag.
    """
    return _without_tags(_visible(text))


def check_question(text: object) -> str:
    """The cleaned question, or an ``InputError`` for one that is not text, empty or too long.

    Empty means nothing visible was sent. A question of markup alone ("<script>") is not empty:
    it is cleaned to "" and answered "not found", like other questions without content words.
    """
    if not isinstance(text, str):
        raise InputError("the question must be text")
    if len(text) > RAW_LIMIT:
        raise InputError(f"the question is longer than {MAX_QUESTION_CHARS} characters")
    visible = _visible(text)
    if not visible:
        raise InputError("the question is empty")
    if len(visible) > MAX_QUESTION_CHARS:
        raise InputError(f"the question is longer than {MAX_QUESTION_CHARS} characters")
    return _without_tags(visible)


def check_history(turns: object) -> list[str]:
    """Earlier turns as cleaned text, the last ``MAX_HISTORY_TURNS``; empty turns dropped."""
    if turns is None:
        return []
    if not isinstance(turns, (list, tuple)) or not all(isinstance(t, str) for t in turns):
        raise InputError("history must be a list of earlier questions")
    cleaned = []
    for turn in turns[-MAX_HISTORY_TURNS:]:
        if len(turn) > RAW_LIMIT or len(visible := _visible(turn)) > MAX_QUESTION_CHARS:
            raise InputError(f"an earlier question is longer than {MAX_QUESTION_CHARS} characters")
        cleaned.append(_without_tags(visible))
    return [t for t in cleaned if t]


def _whole_number(value: object) -> int | None:
    """``value`` as an int: an int (not a bool), a whole float or a string of digits; else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    if isinstance(value, str) and (m := _NUMBER.fullmatch(value)):
        sign, digits = m.groups()
        if len(digits) > _MAX_DIGITS:
            return -(10 ** _MAX_DIGITS) if sign == "-" else 10 ** _MAX_DIGITS
        return int(sign + digits)
    return None


def check_year(value: object) -> int | None:
    """A year between 1945 and 2100, or None for none given (0, "" or None)."""
    if not isinstance(value, bool) and value in (None, "", 0):
        return None
    year = _whole_number(value)
    if year is None:
        raise InputError("the year must be a number such as 2023")
    if year not in YEARS:
        raise InputError(f"the year must be between {YEARS.start} and {YEARS.stop - 1}")
    return year


def check_k(value: object) -> int:
    """Passages to retrieve: a whole number from 1 to ``MAX_K``."""
    k = _whole_number(value)
    if k is None or not 1 <= k <= MAX_K:
        raise InputError(f"k must be a whole number from 1 to {MAX_K}")
    return k


def check_province(value: object) -> str | None:
    """A province filter as cleaned text, or None for none given."""
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise InputError("the province must be text")
    cleaned = clean_question(value[:RAW_LIMIT])[:100]
    return cleaned or None
