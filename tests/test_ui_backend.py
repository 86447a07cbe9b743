"""The UI's backend on a real index: examples the reports answer, the report list, upload then delete,
the Figures tab's facts, evals with reliability, and a damaged index."""
from __future__ import annotations

import json
import shutil

import pytest

from assistant.inputs import InputError
from assistant.store import IndexDamaged
from tests.conftest import CORPUS
from ui.backend import Backend
from ui.i18n import error_text

pytestmark = pytest.mark.slow

CA_MAU = "Cà Mau, ngày 15/12/2024. Toàn tỉnh Cà Mau duy trì 321 mô hình tự quản về an ninh trật tự."


@pytest.fixture()
def backend(tmp_path, seed_index) -> Backend:
    shutil.copytree(CORPUS, tmp_path / "corpus")
    shutil.copytree(seed_index, tmp_path / "index")
    return Backend(tmp_path / "index", tmp_path / "corpus")


def test_examples_are_answered_in_both_languages(backend):
    examples = backend.view().examples
    assert any(q.startswith("How") for q in examples) and any(" bao nhiêu " in q for q in examples)
    assert all(backend.ask(q, [], None, None).found for q in examples)


def test_reports_list_and_filters_come_from_the_index(backend):
    view = backend.view()
    assert len(view.reports) == 5 and all(r["chunks"] > 0 for r in view.reports)
    assert "Quảng Nam" in view.provinces and 2023 in view.years


def test_upload_is_answered_at_once_and_delete_removes_it(backend, tmp_path):
    upload = tmp_path / "cm.txt"
    upload.write_text(CA_MAU, encoding="utf-8")
    steps = []
    result = backend.upload([(upload, "Cà Mau.txt")], lambda frac, name: steps.append(frac))
    assert result.added == ["Cà_Mau.txt"] and not result.refused and steps == sorted(steps)
    assert "321" in backend.ask("Cà Mau duy trì bao nhiêu mô hình?", [], None, None).answer
    backend.delete("Cà_Mau.txt")
    assert not backend.ask("Cà Mau duy trì bao nhiêu mô hình?", [], None, None).found
    assert len(backend.view().reports) == 5


def test_the_view_follows_the_index_and_is_computed_once_per_version(backend, tmp_path):
    before = backend.view()
    assert backend.view() is before, "an unchanged index is not read again"
    upload = tmp_path / "cm.txt"
    upload.write_text(CA_MAU, encoding="utf-8")
    backend.upload([(upload, "Cà Mau.txt")], lambda frac, name: None)
    after = backend.view()
    assert after.version != before.version and after.version == backend.version()
    assert "Cà_Mau.txt" in [r["source"] for r in after.reports] and "Cà Mau" in after.provinces
    assert 2024 in after.years and 2024 not in before.years
    # a second Backend on the same folders (another server process) sees the same index
    assert "Cà Mau" in Backend(backend.index, backend.corpus).view().provinces


@pytest.mark.parametrize("question, history, province, year, message", [
    ("  ", [], None, None, "the question is empty"),
    ("\u200b", [], None, None, "the question is empty"),
    ("x" * 2001, [], None, None, "longer than 2000"),
    (5, [], None, None, "must be text"),
    ("Quảng Nam?", "Kon Tum", None, None, "history must be a list"),
    ("Quảng Nam?", [], 7, None, "province must be text"),
    ("Quảng Nam?", [], None, 10**30, "between 1945 and 2100"),
    ("Quảng Nam?", [], None, "abc", "a number such as 2023"),
])
def test_every_argument_is_checked_before_answering(backend, question, history, province, year, message):
    with pytest.raises(InputError, match=message):
        backend.ask(question, history, province, year)


def test_filters_from_the_page_are_accepted_as_sent(backend):
    """The dropdowns send "" and 0 for "all"; the year may come as text."""
    assert backend.ask("Quảng Nam duy trì bao nhiêu mô hình?", [], "", 0).found
    reply = backend.ask("Quảng Nam duy trì bao nhiêu mô hình?", [], "Quảng Nam", "2023")
    assert reply.found and reply.filters.get("year") == 2023


@pytest.mark.parametrize("unit", ["mô hình", "mo hinh", "models"])
def test_a_unit_is_found_in_each_language(backend, unit):
    rows = backend.facts("Quảng Nam", None, None, "quantity", unit)
    assert any(r["text"] == "70" and r["unit"] == "mô hình" for r in rows)
    assert all(r["province"] == "Quảng Nam" and r["kind"] == "quantity" for r in rows)


def test_every_fact_opens_its_passage_with_the_figure_inside(backend):
    rows = backend.facts("", "", 0, "", "")
    assert len(rows) > 50 and [r["n"] for r in rows] == list(range(1, len(rows) + 1))
    for row in rows:
        c = row["citation"]
        _, source, text = backend.report_text(c["doc_id"])
        lo, hi = c["figure"]
        assert source == row["source"] and text[c["start"]:c["end"]] == c["text"] == row["passage"]
        assert c["start"] <= lo < hi <= c["end"] and text[lo:hi] == row["text"]


def test_facts_filters_and_their_choices_come_from_the_index(backend):
    view = backend.view()
    assert "Huyện Ngọc Hồi" in view.districts and {2013, 2021, 2023} <= set(view.fact_years)
    in_district = backend.facts(None, "Huyện Ngọc Hồi", None, None, None)
    assert in_district and all(r["district"] == "Huyện Ngọc Hồi" for r in in_district)
    in_2021 = backend.facts(None, None, "2021", "quantity", None)
    assert any(r["province"] == "Thanh Hóa" and r["text"] == "hơn 1,2 triệu" for r in in_2021)
    assert all(r["year_from"] <= 2021 <= r["year_to"] for r in in_2021)
    assert {r["kind"] for r in backend.facts(None, None, None, "person", None)} == {"person"}
    assert backend.facts(None, None, None, None, "<b>mô hình</b>") == backend.facts(None, None, None, None,
                                                                                       "mô hình")
    with pytest.raises(InputError) as bad:
        backend.facts(None, None, "abc", None, None)
    assert error_text(str(bad.value), "vi") == "Năm phải là một số, ví dụ 2023."


def test_evaluate_gives_rates_per_split_and_tag_and_reliability(backend, mini_eval):
    run = backend.evaluate(mini_eval("dev"), "all")
    assert set(run.summary["by_split"]) == {"dev"} and set(run.summary["by_tag"]) == {"how-many", "near-miss"}
    assert run.summary["by_tag"]["near-miss"]["unanswerable_accuracy"] is not None
    bins = run.summary["reliability"]["dev"]
    assert bins and all({"low", "high", "n", "correct"} <= set(b) for b in bins)
    saved = json.loads(run.path.read_text(encoding="utf-8"))
    assert saved["reliability"] == run.summary["reliability"] and len(saved["items"]) == 2


def test_a_damaged_index_is_one_line_for_the_page(damaged_seed_index):
    backend = Backend(damaged_seed_index, CORPUS)
    view = backend.view()
    assert view.problem and view.problem.startswith("index damaged:") and "texts.bin" in view.problem
    assert "\n" not in view.problem and view.reports == [] and view.provinces == []
    with pytest.raises(IndexDamaged):
        backend.ask("Quảng Nam duy trì bao nhiêu mô hình?", [], None, None)
    with pytest.raises(IndexDamaged):
        backend.facts(None, None, None, None, None)
