"""The UI's backend on a real index: examples the reports answer, the report list, upload then delete."""
from __future__ import annotations

import shutil

import pytest

from tests.conftest import CORPUS
from ui.backend import Backend

pytestmark = pytest.mark.slow


@pytest.fixture()
def backend(tmp_path, seed_index) -> Backend:
    shutil.copytree(CORPUS, tmp_path / "corpus")
    shutil.copytree(seed_index, tmp_path / "index")
    return Backend(tmp_path / "index", tmp_path / "corpus")


def test_examples_are_answered_in_both_languages(backend):
    examples = backend.examples()
    assert any(q.startswith("How") for q in examples) and any(" bao nhiêu " in q for q in examples)
    assert all(backend.ask(q, [], None, None).found for q in examples)


def test_reports_list_and_filters_come_from_the_index(backend):
    rows = backend.reports()
    assert len(rows) == 5 and all(r["chunks"] > 0 for r in rows)
    assert "Quảng Nam" in backend.provinces() and 2023 in backend.years()


def test_upload_is_answered_at_once_and_delete_removes_it(backend, tmp_path):
    upload = tmp_path / "cm.txt"
    upload.write_text("Cà Mau, ngày 15/12/2024. Toàn tỉnh Cà Mau duy trì 321 mô hình tự quản về an ninh trật tự.",
                      encoding="utf-8")
    steps = []
    result = backend.upload([(upload, "Cà Mau.txt")], lambda frac, name: steps.append(frac))
    assert result.added == ["Cà_Mau.txt"] and not result.refused and steps == sorted(steps)
    assert "321" in backend.ask("Cà Mau duy trì bao nhiêu mô hình?", [], None, None).answer
    backend.delete("Cà_Mau.txt")
    assert not backend.ask("Cà Mau duy trì bao nhiêu mô hình?", [], None, None).found
    assert len(backend.reports()) == 5
