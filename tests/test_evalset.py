"""Eval files: every bad line is one ``file:line: reason`` (exit 2), quickly, and a good file loads unchanged."""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from assistant import cli
from assistant.evalset import MAX_LINE_BYTES, EvalFileError, load_items

ROOT = Path(__file__).resolve().parent.parent
GOOD = {"id": "qn-models-1", "question": "Quảng Nam duy trì bao nhiêu mô hình?", "lang": "vi", "history": [],
        "answers": ["1.000"], "evidence": ["duy trì và củng cố hơn 1.000 mô hình"], "answerable": True,
        "tags": ["number"], "split": "dev"}


def _line(**changes: object) -> str:
    return json.dumps({**GOOD, "id": "second", **changes}, ensure_ascii=False)


def _without(name: str) -> str:
    return json.dumps({k: v for k, v in {**GOOD, "id": "second"}.items() if k != name}, ensure_ascii=False)


# Each bad second line (after a good first one) and the reason its error must give.
BAD_LINES = {
    "evidence is a number": (_line(evidence=5), "evidence must be a list of strings, not the number 5"),
    "answers is a string": (_line(answers="9.999"), "answers must be a list of strings, not the string '9.999'"),
    "answerable is a string": (_line(answerable="false"), "answerable must be a boolean"),
    "answerable is a number": (_line(answerable=0), "answerable must be a boolean"),
    "id is a number": (_line(id=5), "id must be a string"),
    "id is empty": (_line(id=" "), "id is empty"),
    "question is a list": (_line(question=["a"]), "question must be a string, not a list"),
    "question is empty": (_line(question=" "), "the question is empty"),
    "question is too long": (_line(question="a" * 2001), "longer than 2000 characters"),
    "lang is null": (_line(lang=None), "lang must be a string, not null"),
    "split is a number": (_line(split=1), "split must be a string"),
    "history is a string": (_line(history="Kon Tum?"), "history must be a list of strings"),
    "a history turn is too long": (_line(history=["a" * 3000]), "earlier question is longer than 2000"),
    "a tag is a number": (_line(tags=["number", 3]), "tags[1] must be a string, not the number 3"),
    "an answer is a boolean": (_line(answers=[True]), "answers[0] must be a string, not the boolean true"),
    "no id": (_without("id"), "missing id"),
    "no question": (_without("question"), "missing question"),
    "not JSON": ('{"id": "x", "question": ', "not JSON"),
    "a list, not an object": ('["id", "question"]', "must be a JSON object, not a list"),
    "a string, not an object": ('"question"', "must be a JSON object, not the string"),
    "nested too deeply": ("[" * 100_000, "nested too deeply"),
    "a number too long": ('{"id": "x", "question": "q", "n": ' + "9" * 5000 + "}", "a number too long"),
}


def _write(tmp_path: Path, second: str | bytes) -> Path:
    path = tmp_path / "bad.jsonl"
    first = json.dumps(GOOD, ensure_ascii=False).encode("utf-8") + b"\n"
    path.write_bytes(first + (second if isinstance(second, bytes) else second.encode("utf-8")) + b"\n")
    return path


def _eval_cli(capsys, qa: Path, tmp_path: Path) -> str:
    """``eval --qa`` in process: exit 2 and the one stderr line."""
    assert cli.main(["eval", "--qa", str(qa), "--index", str(tmp_path / "no-index")]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "Traceback" not in captured.err
    lines = captured.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), captured.err
    return lines[0]


@pytest.mark.parametrize("line, reason", BAD_LINES.values(), ids=BAD_LINES.keys())
def test_a_bad_line_names_its_file_line_and_reason(capsys, tmp_path, line, reason):
    path = _write(tmp_path, line)
    with pytest.raises(EvalFileError) as caught:
        load_items(path)
    assert str(caught.value).startswith(f"{path}:2: ") and reason in str(caught.value), str(caught.value)
    assert reason in _eval_cli(capsys, path, tmp_path)


@pytest.mark.parametrize("raw, reason", [
    ("Quảng Nam có bao nhiêu?".encode("latin-1", "replace"), "not UTF-8"),
    ('{"id": "x", "question": "Qu\xe9?"}'.encode("latin-1"), "not UTF-8 (byte 0xe9"),
    (b"\x00\xff\xfe\x80binary", "not UTF-8"),
])
def test_a_file_not_in_utf8_says_so(capsys, tmp_path, raw, reason):
    path = _write(tmp_path, raw)
    with pytest.raises(EvalFileError, match=r"bad\.jsonl:2: not UTF-8"):
        load_items(path)
    assert reason in _eval_cli(capsys, path, tmp_path)


def test_a_utf16_file_says_not_utf8(capsys, tmp_path):
    path = tmp_path / "utf16.jsonl"
    path.write_text(json.dumps(GOOD, ensure_ascii=False) + "\n", encoding="utf-16")
    assert f"{path}:1: not UTF-8" in _eval_cli(capsys, path, tmp_path)


def test_a_folder_or_a_missing_file_is_one_line(capsys, tmp_path):
    assert "is a folder, not a .jsonl file" in _eval_cli(capsys, tmp_path, tmp_path)
    assert "does not exist" in _eval_cli(capsys, tmp_path / "missing.jsonl", tmp_path)


def test_a_10_mb_line_is_refused_quickly(capsys, tmp_path):
    path = _write(tmp_path, _line(question="Quảng Nam " * 1_000_000))
    assert path.stat().st_size > 10_000_000
    started = time.perf_counter()
    message = _eval_cli(capsys, path, tmp_path)
    assert time.perf_counter() - started < 2.0
    assert f"{path}:2: line longer than {MAX_LINE_BYTES:,} bytes" in message


def test_a_good_file_loads_unchanged_with_extra_fields_bom_crlf_and_blank_lines(tmp_path):
    minimal = {"id": "q2", "question": "Đà Nẵng có bao nhiêu mô hình?", "answerable": False, "note": {"x": [1]}}
    path = tmp_path / "good.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(GOOD, ensure_ascii=False).encode() + b"\r\n\r\n   \n"
                     + json.dumps(minimal, ensure_ascii=False).encode())
    assert load_items(path) == [GOOD, minimal]
    assert load_items(path, "dev") == [GOOD]
    assert load_items(path, "test") == [minimal]  # an item without a split is a test item


def test_the_project_eval_set_loads():
    items = load_items(ROOT / "evals" / "qa.jsonl")
    assert len(items) >= 150 and {i["split"] for i in items} == {"dev", "test"}


def test_evaluate_keeps_load_items_for_its_callers():
    from assistant import evalset, evaluate

    assert evaluate.load_items is evalset.load_items
