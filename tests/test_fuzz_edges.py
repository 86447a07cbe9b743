"""Random input at the two text edges: the eval loader and ``ask``. Exit 0 or 2, never a traceback.

The eval loader gets random lines (JSON values, items with random field values, text and bytes)
and either returns the items or raises one ``EvalFileError`` line naming the file and line.
``ask`` runs in process through ``assistant.cli.main`` on the seed index with random Unicode
(lone surrogates and control characters included, mixed with real question words so that some
questions reach retrieval) and random options: exit 0 with JSON that encodes as UTF-8, or exit 2
with one "error: " line.
"""
from __future__ import annotations

import contextlib
import io
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from assistant import cli
from assistant.evalset import EvalFileError, load_items

FIELDS = ("id", "question", "lang", "history", "answers", "evidence", "answerable", "tags", "split")
JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                                  max_size=4),
                    max_leaves=12)
ITEM = st.fixed_dictionaries({"id": st.text(max_size=10), "question": st.text(max_size=40)},
                             optional={name: JSON for name in FIELDS[2:]} | {"extra": JSON}) | \
    st.dictionaries(st.sampled_from(FIELDS), JSON, max_size=9)
LINE = st.one_of(ITEM.map(json.dumps), JSON.map(json.dumps), st.text(max_size=60)).map(str.encode) | \
    st.binary(max_size=60)

CONTROL = st.integers(0, 0x1F).map(chr) | st.sampled_from("\x7f\u200b\u200e\u202e\ufeff\ufffd")
SURROGATE = st.integers(0xD800, 0xDFFF).map(chr)
PIECES = st.sampled_from(["Quảng Nam", "Kon Tum", " bao nhiêu ", "mô hình", " có ", "How many models", "?",
                          "<script>", "</script>", "<b>", "'; DROP TABLE reports; --", " ", "--json", "-"])
FRAGMENT = st.one_of(st.text(max_size=6), CONTROL, SURROGATE, PIECES)
QUESTION = st.lists(FRAGMENT, max_size=12).map("".join)
OPTION = st.one_of(st.tuples(st.just("--year"), st.one_of(st.text(max_size=6), st.sampled_from(["2023", "1e9"]))),
                   st.tuples(st.just("--k"), st.one_of(st.text(max_size=4), st.sampled_from(["3", "0", "51"]))),
                   st.tuples(st.just("--history"), QUESTION),
                   st.tuples(st.just("--province"), st.one_of(FRAGMENT, st.just("Kon Tum"))))


@settings(max_examples=200, deadline=None, database=None)
@given(st.lists(LINE, min_size=1, max_size=6))
def test_the_eval_loader_returns_items_or_one_line_naming_file_and_line(lines):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.jsonl"
        path.write_bytes(b"\n".join(lines))
        try:
            items = load_items(path)
        except EvalFileError as exc:
            message = str(exc)
            assert message.startswith(f"{path}:") and "\n" not in message
            return
    for item in items:
        assert isinstance(item["id"], str) and isinstance(item["question"], str)
        assert isinstance(item.get("answerable", True), bool)
        for name in ("history", "answers", "evidence", "tags"):
            assert all(isinstance(v, str) for v in item.get(name, []))


@pytest.mark.slow
@settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(question=QUESTION, options=st.lists(OPTION, max_size=3))
def test_ask_with_random_unicode_exits_0_or_2_without_a_traceback(seed_index, question, options):
    argv = ["ask", question, "--index", str(seed_index), "--json", *[part for pair in options for part in pair]]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(argv)
    stdout, stderr = out.getvalue(), err.getvalue()
    event(f"exit {code}")  # --hypothesis-show-statistics: how many examples reached an answer
    stdout.encode("utf-8"), stderr.encode("utf-8")  # a lone surrogate would crash a real terminal
    assert "Traceback" not in stderr
    if code == 0:
        reply = json.loads(stdout)
        assert isinstance(reply["found"], bool) and isinstance(reply["answer"], str)
    else:
        assert code == 2 and stdout == ""
        assert len(stderr.splitlines()) == 1 and stderr.startswith("error: "), stderr
