"""The eval file format (``evals/*.jsonl``, see ../shared/docs/interface.md): its schema and loader.

Every line is checked before anything is asked, so a wrong type is a one-line ``file:line:
reason`` instead of a silent mis-score: a string where a list belongs would be read character by
character, and the string "false" is truthy. Lines are bounded and decoded one at a time, so a
file in another encoding, a binary file or a runaway line is refused at once.
"""
# No ``from __future__ import annotations``: Python 3.11's TypedDict misses ``Required`` in string
# annotations, and ``EvalItem.__required_keys__`` is what the loader checks.
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Required, TypedDict, cast, get_args, get_origin, get_type_hints

from assistant.errors import UserFacingError
from assistant.inputs import InputError, check_history, check_question

MAX_LINE_BYTES = 1 << 20
"""Longest line read (1 MiB): far above any real item (the longest line of evals/qa.jsonl is
under 1 KB; a 2,000-character question with twenty turns of history is under 150 KB), and short
enough that a runaway line is refused without reading, decoding or parsing it in full."""
DEFAULT_SPLIT = "test"
"""The split of an item that names none: never tuned on, as the contract's plain files are not."""


class EvalItem(TypedDict, total=False):
    """One line of an eval file. ``id`` and ``question`` are required; other fields must have
    their type when present; fields not named here are kept as they are."""

    id: Required[str]
    question: Required[str]
    lang: str
    history: list[str]
    answers: list[str]
    evidence: list[str]
    answerable: bool
    tags: list[str]
    split: str


_FIELDS = get_type_hints(EvalItem)


class EvalFileError(UserFacingError):
    """An eval file that cannot be read or holds a bad line: one line, exit status 2."""


def load_items(path: Path, split: str = "all") -> list[EvalItem]:
    """The items of ``split`` ("all" for every item); any bad line is an ``EvalFileError``."""
    return [item for item in _read(path) if split == "all" or item.get("split", DEFAULT_SPLIT) == split]


def _read(path: Path) -> Iterator[EvalItem]:
    """Every non-blank line's item, checked."""
    if not path.exists():
        raise EvalFileError(f"eval set {path} does not exist")
    if path.is_dir():
        raise EvalFileError(f"eval set {path} is a folder, not a .jsonl file")
    try:
        with path.open("rb") as f:
            number = 0
            while raw := f.readline(MAX_LINE_BYTES + 1):
                number += 1
                if len(raw) > MAX_LINE_BYTES:
                    raise EvalFileError(f"{path}:{number}: line longer than {MAX_LINE_BYTES:,} bytes")
                try:
                    text = raw.decode("utf-8-sig" if number == 1 else "utf-8")
                except UnicodeDecodeError as exc:
                    raise EvalFileError(f"{path}:{number}: not UTF-8 (byte 0x{raw[exc.start]:02x} at byte "
                                        f"{exc.start + 1} of the line); save the file as UTF-8") from None
                if text.strip():
                    yield _item(text, f"{path}:{number}")
    except OSError as exc:
        raise EvalFileError(f"cannot read eval set {path}: {exc.strerror or exc}") from None


def _item(line: str, where: str) -> EvalItem:
    """One line parsed and checked against ``EvalItem``."""
    try:
        item = json.loads(line)
    except RecursionError:
        raise EvalFileError(f"{where}: not JSON (nested too deeply)") from None
    except json.JSONDecodeError as exc:
        raise EvalFileError(f"{where}: not JSON ({exc.msg} at column {exc.colno})") from None
    except ValueError:  # Python reads no integer of more than 4,300 digits
        raise EvalFileError(f"{where}: not JSON (a number too long to read)") from None
    if not isinstance(item, dict):
        raise EvalFileError(f"{where}: an item must be a JSON object, not {_json_type(item)}")
    if missing := [name for name in EvalItem.__required_keys__ if name not in item]:
        raise EvalFileError(f"{where}: missing {' and '.join(sorted(missing))}")
    for name, expected in _FIELDS.items():
        if name in item and (problem := _type_problem(name, item[name], expected)):
            raise EvalFileError(f"{where}: {problem}")
    try:
        check_question(item["question"])
        check_history(item.get("history"))
    except InputError as exc:
        raise EvalFileError(f"{where}: {exc}") from None
    if not item["id"].strip():
        raise EvalFileError(f"{where}: id is empty")
    return cast(EvalItem, item)


def _type_problem(name: str, value: object, expected: type) -> str | None:
    """What is wrong with field ``name`` as an ``expected`` (str, bool or list[str]); None when nothing."""
    if get_origin(expected) is list:
        (inner,) = get_args(expected)
        if not isinstance(value, list):
            return f"{name} must be a list of {_json_name(inner)}s, not {_json_type(value)}"
        bad = next((i for i, v in enumerate(value) if not _is(v, inner)), None)
        return None if bad is None else \
            f"{name}[{bad}] must be a {_json_name(inner)}, not {_json_type(value[bad])}"
    return None if _is(value, expected) else f"{name} must be a {_json_name(expected)}, not {_json_type(value)}"


def _is(value: object, expected: type) -> bool:
    """``isinstance``, except that a boolean is no number (Python's bool is an int; JSON's is not)."""
    return isinstance(value, expected) and (expected is bool or not isinstance(value, bool))


def _json_name(expected: type) -> str:
    return {str: "string", bool: "boolean (true or false)"}.get(expected, expected.__name__)


def _json_type(value: object) -> str:
    """What ``value`` is, in JSON's words, quoting it when short ("the string 'false'", "the number 5")."""
    if isinstance(value, str):
        return f"the string {value!r}" if len(value) <= 20 else "a string"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"the number {value}" if len(repr(value)) <= 20 else "a number"
    return {bool: f"the boolean {str(value).lower()}", type(None): "null", list: "a list",
            dict: "an object"}[type(value)]
