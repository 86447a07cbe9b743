"""Bad input at the edges: questions and ask options are cleaned and bounded, never a traceback.

Fast tests first: ``assistant.inputs`` itself, then the command line with bad argv in a real
process (bytes argv included, as a shell passes them), each a one-line error and exit 2 before any
index or model is loaded. The slow tests, on the seed index, check that cleaning keeps a question's
meaning and that a question without content words is answered "not found".
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant import cli
from assistant.inputs import (
    MAX_HISTORY_TURNS,
    MAX_K,
    MAX_QUESTION_CHARS,
    InputError,
    check_history,
    check_k,
    check_province,
    check_question,
    check_year,
    clean_question,
    decode_arg,
)

ROOT = Path(__file__).resolve().parent.parent
QUESTION = "Quảng Nam có bao nhiêu mô hình?"


# ---------------------------------------------------------------- assistant.inputs

@pytest.mark.parametrize("raw, clean", [
    ("Quảng\x07 Nam có bao nhiêu mô hình?", QUESTION),
    ("<script>x</script> Quảng Nam có bao nhiêu mô hình?", QUESTION),
    ("<SCRIPT type='a'>alert(1)</ script > Quảng Nam có bao nhiêu mô hình?", QUESTION),
    ("<b>Quảng Nam</b> có bao nhiêu <i>mô hình</i>?", "Quảng Nam có bao nhiêu mô hình ?"),  # a tag is a space
    ("<p>Quảng Nam</p><p>mô hình</p>", "Quảng Nam mô hình"),
    ("<scr\x07ipt>alert(1)</script>Quảng Nam có bao nhiêu mô hình?", QUESTION),
    ("<!-- note --> Quảng\tNam\ncó bao nhiêu mô hình?", QUESTION),
    ("Quảng\u200b Nam có\u202e bao nhiêu mô hình?", QUESTION),
    ("Qua\u0309ng Nam có bao nhiêu mô hình?", QUESTION),  # NFD in, NFC out
    ("\ud800Quảng Nam có bao nhiêu mô hình?\udcff", QUESTION),
    ("tỷ lệ < 5% và > 3%", "tỷ lệ < 5% và > 3%"),  # a comparison is not a tag
    ("<script>", ""),
    ("\x00\x1b[31m", "[31m"),
])
def test_clean_question_keeps_what_a_reader_sees(raw, clean):
    assert clean_question(raw) == clean


def test_decode_arg_replaces_undecodable_bytes_and_lone_surrogates():
    escaped = b"Qu\xe1ng Nam".decode("utf-8", "surrogateescape")
    assert decode_arg(escaped) == "Qu\ufffdng Nam"
    assert decode_arg("a\ud800b") == "a\ufffdb"
    assert decode_arg("Quảng Nam") == "Quảng Nam"
    decode_arg(escaped).encode("utf-8")  # printable


@pytest.mark.parametrize("value, message", [
    ("", "empty"), ("   \n\t", "empty"), ("\x07\x01\u200b", "empty"), ("\udcff", "empty"),
    ("a" * (MAX_QUESTION_CHARS + 1), "longer than 2000"), ("a" * 3000, "longer than 2000"),
    ("a " * 100_000, "longer than 2000"), (None, "must be text"), (5, "must be text"),
    (["Quảng Nam"], "must be text"),
])
def test_check_question_refuses(value, message):
    with pytest.raises(InputError, match=message):
        check_question(value)


def test_check_question_cleans_and_lets_markup_alone_through_as_no_question():
    assert check_question(" <b>Quảng\x07 Nam</b> có bao nhiêu mô hình? ") == QUESTION
    assert check_question("a" * MAX_QUESTION_CHARS) == "a" * MAX_QUESTION_CHARS
    assert check_question("<script>alert(1)</script>") == ""  # answered "not found", not an error


@pytest.mark.parametrize("value, year", [
    (None, None), ("", None), (0, None), (2023, 2023), ("2023", 2023), (" 2023 ", 2023), (2023.0, 2023),
    ("２０２３", 2023), (1945, 1945), (2100, 2100),
])
def test_check_year_accepts(value, year):
    assert check_year(value) == year


@pytest.mark.parametrize("value, message", [
    ("abc", "a number"), ("2023.5", "a number"), (2023.5, "a number"), (True, "a number"), (False, "a number"),
    ("²", "a number"), ([2023], "a number"), (float("nan"), "a number"), (float("inf"), "a number"),
    (10 ** 30, "between 1945 and 2100"), (str(10 ** 30), "between"), ("9" * 5000, "between"),
    ("0", "between"), (-5, "between"), ("-5", "between"), (1944, "between"), (2101, "between"),
])
def test_check_year_refuses(value, message):
    with pytest.raises(InputError, match=message):
        check_year(value)


@pytest.mark.parametrize("value, k", [(1, 1), ("5", 5), (MAX_K, MAX_K), (8.0, 8)])
def test_check_k_accepts(value, k):
    assert check_k(value) == k


@pytest.mark.parametrize("value", [0, -1, MAX_K + 1, 100_000, "100000", 10 ** 30, "9" * 5000, "x", "", None,
                                   True, 2.5, [5]])
def test_check_k_refuses(value):
    with pytest.raises(InputError, match=f"k must be a whole number from 1 to {MAX_K}"):
        check_k(value)


def test_check_history_cleans_drops_empty_turns_and_keeps_the_last():
    assert check_history(None) == []
    assert check_history(["<b>Kon\x07 Tum</b> có bao nhiêu mô hình?", "", "\x07"]) == [
        "Kon Tum có bao nhiêu mô hình?"]
    turns = [f"câu {i}" for i in range(MAX_HISTORY_TURNS + 5)]
    assert check_history(turns) == turns[-MAX_HISTORY_TURNS:]


@pytest.mark.parametrize("value, message", [
    ("Kon Tum?", "a list"), ([1], "a list"), ({"a": 1}, "a list"), (["a" * 3000], "longer than 2000"),
])
def test_check_history_refuses(value, message):
    with pytest.raises(InputError, match=message):
        check_history(value)


def test_check_province():
    assert check_province(None) is None and check_province("") is None and check_province("<b></b>") is None
    assert check_province(" Quảng\x07 Nam ") == "Quảng Nam"
    with pytest.raises(InputError, match="must be text"):
        check_province(5)


# ---------------------------------------------------------------- the command line, bad argv


def _run(argv: list[str | bytes]) -> subprocess.CompletedProcess[bytes]:
    """``python -m assistant`` in a real process: argv bytes reach it as a shell would pass them."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    return subprocess.run([sys.executable, "-m", "assistant", *argv], cwd=ROOT, env=env, capture_output=True,
                          timeout=120, check=False)


def _one_error_line(stderr: bytes) -> str:
    text = stderr.decode("utf-8")
    assert "Traceback" not in text
    lines = text.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), text
    return lines[0]


@pytest.mark.parametrize("argv, message", [
    (["ask", b"\xff\xfe"], "the question is empty"),
    (["ask", "x", "--year", b"20\xff23"], "the year must be a number"),
    (["ask", "x", b"--k\xff"], "unrecognized arguments"),
    (["ask", "x", "--year", "abc"], "the year must be a number"),
    (["ask", "x", "--year", str(10 ** 30)], "between 1945 and 2100"),
    (["ask", "x", "--year", "-5"], "between 1945 and 2100"),
    (["ask", "x", "--k", "0"], "k must be a whole number"),
    (["ask", "x", "--k", "100000"], "k must be a whole number"),
    (["ask", "x", "--k", "abc"], "k must be a whole number"),
    (["ask", ""], "the question is empty"),
    (["ask", "   "], "the question is empty"),
    (["ask", "a" * 3000], "longer than 2000 characters"),
    (["ask", "\x07\x01\x1b\x7f"], "the question is empty"),
    (["ask", "x", "--history", "a" * 3000], "earlier question is longer than 2000"),
    (["ask"], "required: question"),
    (["ask", "x", "--k"], "expected one argument"),
    (["ask", "x", "--bogus\nsecond line"], "unrecognized arguments"),
    (["nosuch"], "invalid choice"),
    ([], "required: command"),
])
def test_bad_argv_is_one_line_and_exit_2(tmp_path, argv, message):
    result = _run([*argv, "--index", str(tmp_path / "no-index")] if argv[:1] == ["ask"] else argv)
    assert result.returncode == 2
    assert message in _one_error_line(result.stderr)
    assert result.stdout == b""


@pytest.mark.parametrize("argv", [["ask", "x", "--year", "abc"], ["ask", "\udcff"], ["ask", "a\ud800", "--k", "0"],
                                  ["ask", "x", "--year", "2023\udcff"]])
def test_bad_argv_in_process_returns_2(capsys, tmp_path, argv):
    assert cli.main([*argv, "--index", str(tmp_path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and len(captured.err.splitlines()) == 1 and captured.err.startswith("error: ")
    captured.err.encode("utf-8")


def test_options_are_checked_before_the_index_is_opened(tmp_path):
    """A good question with a bad option fails fast on the option, not on the missing index."""
    result = _run(["ask", QUESTION, "--k", "0", "--index", str(tmp_path / "none")])
    assert "k must be" in _one_error_line(result.stderr)
    result = _run(["ask", QUESTION, "--index", str(tmp_path / "none")])
    assert result.returncode == 2 and "index" in _one_error_line(result.stderr)


# ---------------------------------------------------------------- on the seed index (slow)


def _ask_json(capsys, seed_index: Path, *argv: str) -> dict:
    assert cli.main(["ask", *argv, "--index", str(seed_index), "--json"]) == 0
    out = capsys.readouterr().out
    out.encode("utf-8")  # no lone surrogate reached stdout
    return json.loads(out)


@pytest.mark.slow
@pytest.mark.parametrize("noisy", [
    "Quảng\x07 Nam có bao nhiêu mô hình?",
    "<script>x</script> Quảng Nam có bao nhiêu mô hình?",
    "<b>Quảng Nam</b>\u200b có bao nhiêu mô hình?\ud800",
])
def test_a_noisy_question_is_understood_like_the_clean_one(capsys, seed_index, noisy):
    clean = _ask_json(capsys, seed_index, QUESTION)
    reply = _ask_json(capsys, seed_index, noisy)
    assert reply["question"] == QUESTION
    assert reply["filters"].get("province") == "Quảng Nam"
    assert (reply["found"], reply["answer"], reply["citations"]) == (clean["found"], clean["answer"],
                                                                       clean["citations"])


@pytest.mark.slow
@pytest.mark.parametrize("junk", [
    "'; DROP TABLE reports; --", "<script>", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
    "???", "a b c", "1 2 3", "\ufffd\ufffd", "-- ; ' \" \\",
])
def test_a_question_without_content_words_is_not_found(seed_assistant, junk):
    reply = seed_assistant.ask(junk).to_json()
    assert reply["found"] is False
    assert reply["citations"] == [] and reply["related"] == []
    assert "retrieve" not in reply["timings_ms"]  # refused before retrieval


@pytest.mark.slow
@pytest.mark.parametrize("question, history", [
    ("Còn Kon Tum thì sao?", ["Quảng Nam có bao nhiêu mô hình?"]),
    ("And in 2021?", ["How many models did Kon Tum build?"]),
    ("What about collectives?", ["How many individuals did Kon Tum reward?"]),
    ("Who is Tran Phu Ha?", []),
])
def test_short_questions_with_a_content_word_are_still_answered(seed_assistant, question, history):
    reply = seed_assistant.ask(question, history=history).to_json()
    assert "retrieve" in reply["timings_ms"]


@pytest.mark.slow
def test_a_question_with_undecodable_bytes_is_answered_in_a_real_process(seed_index):
    result = _run(["ask", b"Qu\xe1ng Nam c\xf3 bao nhi\xeau m\xf4 h\xecnh", "--index", str(seed_index), "--json"])
    assert result.returncode == 0, result.stderr
    assert b"Traceback" not in result.stderr
    reply = json.loads(result.stdout.decode("utf-8"))
    assert "\ufffd" not in reply["question"] and isinstance(reply["found"], bool)
