"""The UI's backend on a real index: examples the reports answer, the report list, upload then delete."""
from __future__ import annotations

import shutil

import pytest

from assistant.inputs import InputError
from tests.conftest import CORPUS
from ui.backend import Backend

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
