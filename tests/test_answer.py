"""Answers on the real seeds with the real model: each question kind, language and failure mode."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.answer import Assistant
from assistant.text import answer_key

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
SHARED_CONTRACT = ROOT.parent / "shared" / "tools" / "check_contract.py"
# The shared checker is authoritative; CI's clone may not sit beside ../shared, so a copy is kept.
CONTRACT = SHARED_CONTRACT if SHARED_CONTRACT.exists() else Path(__file__).parent / "contract" / "check_contract.py"


def ask(assistant: Assistant, question: str, **kwargs) -> dict:
    return assistant.ask(question, **kwargs).to_json()


def says(reply: dict, expected: str) -> bool:
    return answer_key(expected) in answer_key(reply["answer"])


def assert_grounded(reply: dict, assistant: Assistant) -> None:
    """Every citation is an exact slice; every number in the answer stands in a cited passage or date."""
    for c in reply["citations"]:
        report = next(r for r in assistant.data.reports.values() if r.source == c["source"])
        assert report.text[c["start"]:c["end"]] == c["text"]
        assert f"[{c['n']}]" in reply["answer"]
    backed = " ".join(c["text"] + " " + str(c["date"]) for c in reply["citations"])
    backed_numbers = {n.lstrip("0") for n in re.findall(r"\d+", backed)}
    for number in re.findall(r"\d+", re.sub(r"\[\d+\]", "", reply["answer"])):
        assert number.lstrip("0") in backed_numbers, number


@pytest.mark.parametrize("question, expected, province", [
    ("how many models did Quảng Nam maintain?", "1.000", "Quảng Nam"),
    ("Quảng Nam duy trì và củng cố bao nhiêu mô hình?", "1.000", "Quảng Nam"),
    ("quang nam duy tri bao nhieu mo hinh", "1.000", "Quảng Nam"),
    ("Kon Tum có bao nhiêu mô hình quần chúng về bảo vệ ANTQ?", "2.250", "Kon Tum"),
    ("Kon Tum co bao nhieu mo hinh quan chung", "2.250", "Kon Tum"),
    ("Thanh Hoá tổ chức bao nhiêu buổi tuyên truyền?", "40.000", "Thanh Hóa"),
    ("How many propaganda sessions did Thanh Hoa organise?", "40.000", "Thanh Hóa"),
    ("Thanh Hóa có bao nhiêu loại mô hình?", "76", "Thanh Hóa"),
    ("Tỷ lệ tái phạm ở Hòa Bình là bao nhiêu?", "7,39%", "Hòa Bình"),
    ("What is the recidivism rate in Hoa Binh?", "7,39%", "Hòa Bình"),
    ("Hoà Bình hiện đang quản lý bao nhiêu đối tượng?", "1.411", "Hòa Bình"),
])
def test_number_questions(seed_assistant, question, expected, province):
    reply = ask(seed_assistant, question)
    assert reply["found"], reply["answer"]
    assert says(reply, expected), reply["answer"]
    assert reply["citations"][0]["province"] == province
    assert_grounded(reply, seed_assistant)


def test_the_flagship_answer_names_province_date_and_quotes_the_report(seed_assistant):
    reply = ask(seed_assistant, "how many models did Quảng Nam maintain?")
    assert reply["answer"].startswith("Quảng Nam (report of 22/6/2023)")
    assert "duy trì và củng cố hơn 1.000 mô hình" in reply["answer"]
    first = reply["citations"][0]
    assert first["date"] == "2023-06-22" and first["source"].startswith("002_")
    assert "hơn 1.000 mô hình" in first["text"]
    assert reply["filters"].get("province") == "Quảng Nam" and reply["filters"].get("source") == "question"


def test_competing_figures_are_both_cited(seed_assistant):
    reply = ask(seed_assistant, "Quảng Nam duy trì bao nhiêu mô hình?")
    lines = reply["answer"].splitlines()
    assert "1.000" in lines[0]
    assert len(lines) == 2 and "70 mô hình" in lines[1]


@pytest.mark.parametrize("question, expected", [
    ("Ai là Giám đốc Công an tỉnh Thanh Hóa?", "Trần Phú Hà"),
    ("Who is the Vice Chairman of the Quang Nam People's Committee who attended?", "Hồ Quang Bửu"),
    ("Hội nghị ở Thanh Hóa được tổ chức khi nào?", "29/3/2022"),
    ("Mô hình Tiếng kẻng làng tôi ở huyện nào?", "Ngọc Hồi"),
])
def test_who_when_where(seed_assistant, question, expected):
    reply = ask(seed_assistant, question)
    assert reply["found"] and says(reply, expected), reply["answer"]
    assert_grounded(reply, seed_assistant)


@pytest.mark.parametrize("question", [
    "Đà Nẵng có bao nhiêu mô hình?",
    "What is the population of Kon Tum?",
    "Nghệ An duy trì bao nhiêu mô hình tự quản?",
    "Gia Lai tổ chức bao nhiêu buổi tuyên truyền?",
])
def test_unanswerable_questions_are_not_found(seed_assistant, question):
    reply = ask(seed_assistant, question)
    assert reply["found"] is False, reply["answer"]
    assert reply["citations"] == []
    assert reply["answer"]


def test_not_found_replies_in_the_question_language(seed_assistant):
    assert "Không" in ask(seed_assistant, "Đà Nẵng có bao nhiêu mô hình?")["answer"]
    assert ask(seed_assistant, "What is the population of Kon Tum?")["answer"].startswith("Not in the reports")


@pytest.mark.parametrize("history, question, expected", [
    (["Quảng Nam duy trì bao nhiêu mô hình?"], "Còn Kon Tum thì sao?", "2.250"),
    (["How many propaganda sessions did Thanh Hoa organise?"], "And Quang Nam?", None),
    (["Ở Quảng Nam, bao nhiêu tập thể được Ủy ban MTTQ tặng Bằng khen?"], "Còn số cá nhân?", "18"),
])
def test_follow_ups(seed_assistant, history, question, expected):
    reply = ask(seed_assistant, question, history=history)
    assert reply["resolved_question"] != question
    if expected:
        assert reply["found"] and says(reply, expected), (reply["resolved_question"], reply["answer"])


def test_cli_filters_restrict_the_answer(seed_assistant):
    reply = ask(seed_assistant, "bao nhiêu mô hình?", province="Kon Tum")
    assert reply["filters"]["province"] == "Kon Tum" and reply["filters"]["source"] == "option"
    assert all(c["province"] == "Kon Tum" for c in reply["citations"] + reply["related"])


def test_ask_json_cli_follows_the_contract(seed_index):
    proc = subprocess.run([sys.executable, "-m", "assistant", "ask", "--json", "--index", str(seed_index),
                           "how many models did Quảng Nam maintain?"], capture_output=True, text=True,
                          cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stderr
    reply = json.loads(proc.stdout)
    check = subprocess.run([sys.executable, str(CONTRACT), str(ROOT / "corpus")], input=proc.stdout,
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
    assert reply["found"] and "1.000" in reply["answer"]


@pytest.mark.parametrize("args, message", [
    (["ask", ""], "empty"),
    (["ask", "x", "--k", "0"], "--k"),
    (["ask", "x", "--province", "Atlantis"], "unknown province"),
    (["ask", "x", "--index", "/nonexistent/index"], "no index"),
    (["index", "--corpus", "/nonexistent/corpus", "--index", "/tmp/unused-index"], "does not exist"),
])
def test_cli_errors_are_one_line_with_exit_2(seed_index, args, message):
    if "--index" not in args:
        args = [*args, "--index", str(seed_index)]
    proc = subprocess.run([sys.executable, "-m", "assistant", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=300)
    assert proc.returncode == 2
    assert message in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("question", [
    "Hội nghị tổng kết 10 năm ở Kon Tum được tổ chức vào ngày nào?",  # 01/8/2013 dates the programme
    "Năm 2023 Thanh Hóa tổ chức bao nhiêu buổi tuyên truyền?",  # the Thanh Hóa report is about 2021
    "Chương trình số 38 được ký ngày nào?",  # no report names a programme 38
    "Chủ tịch UBND tỉnh Kon Tum là ai?",  # only the vice chairman is named
    "Giám đốc Công an tỉnh Quảng Nam tên là gì?",  # the office is named, its holder is not
    "Quảng Nam có bao nhiêu tổ thực hiện mô hình?",  # Quảng Nam counts models, not teams
])
def test_look_alike_questions_are_not_answered(seed_assistant, question):
    reply = ask(seed_assistant, question)
    assert reply["found"] is False, reply["answer"]


def test_a_who_answer_names_the_holder_of_the_asked_office(seed_assistant):
    reply = ask(seed_assistant, "Phó Chủ tịch UBND tỉnh Kon Tum dự hội nghị tổng kết là ai?")
    assert reply["found"] and "Y Ngọc" in reply["answer"], reply["answer"]
    assert_grounded(reply, seed_assistant)


def test_a_short_follow_up_keeps_the_conversation_province(seed_assistant):
    reply = ask(seed_assistant, "Ai đồng chủ trì?", history=["Hội nghị ở Thanh Hóa diễn ra ngày nào?"])
    assert "Thanh Hóa" in reply["resolved_question"]
    assert reply["filters"]["province"] == "Thanh Hóa"


def test_a_model_question_quotes_the_model_that_matches(seed_assistant):
    reply = ask(seed_assistant, "Hoà Bình có mô hình nào giúp người lầm lỗi tái hoà nhập cộng đồng?")
    assert reply["found"] and "Giúp đỡ người lầm lỗi" in reply["answer"], reply["answer"]


def test_a_comparison_answers_each_named_province_with_its_own_citation(seed_assistant):
    reply = ask(seed_assistant, "Compare the number of models maintained in Kon Tum and in Quang Nam.")
    assert reply["found"] and reply["filters"]["provinces"] == ["Kon Tum", "Quảng Nam"]
    lines = reply["answer"].splitlines()  # the deciding line, then one cited line per province with its period
    assert "2.250" in lines[0]
    assert any(line.startswith("- Kon Tum (") and "2.250" in line and "[1]" in line for line in lines)
    assert any(line.startswith("- Quảng Nam (") and "1.000" in line and "[2]" in line for line in lines)
    assert [c["province"] for c in reply["citations"]] == ["Kon Tum", "Quảng Nam"]
    assert [row["province"] for row in reply["table"]] == ["Kon Tum", "Quảng Nam"]
    assert_grounded(reply, seed_assistant)
