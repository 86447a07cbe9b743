"""Briefing export: real answers to Markdown and DOCX; the DOCX opens cleanly in LibreOffice."""
from __future__ import annotations

import shutil
import subprocess

import pypdfium2
import pytest
from docx import Document

from assistant.briefing import reordered, source_line, to_markdown, write_docx


@pytest.mark.parametrize("index, step, expected, selected", [
    (1, -1, "bac", 0), (0, -1, "abc", 0), (1, 1, "acb", 2), (2, 1, "abc", 2), (1, None, "ac", 1),
    (2, None, "ab", 1),
])
def test_reordering_moves_within_bounds_and_follows_the_item(index, step, expected, selected):
    items, where = reordered([{"k": c} for c in "abc"], index, step)
    assert "".join(i["k"] for i in items) == expected and where == selected
    assert reordered([{"k": "a"}], 0, None) == ([], None)


@pytest.fixture(scope="module")
def items(seed_assistant) -> list[dict]:
    questions = ["how many models did Quảng Nam maintain?", "Kon Tum duy trì bao nhiêu mô hình?"]
    return [seed_assistant.ask(q).to_json() for q in questions]


@pytest.mark.slow
def test_markdown_has_each_fact_with_its_quoted_passage_and_source(items):
    md = to_markdown(items, "vi")
    assert md.startswith("# Tài liệu tóm tắt")
    assert md.index("1.000") < md.index("2.250")  # in the order collected
    for item in items:
        for c in item["citations"]:
            assert f"> {c['text']}" in md and source_line(c) in md
            assert c["province"] in source_line(c) and c["source"] in source_line(c)


@pytest.mark.slow
def test_docx_keeps_facts_quotes_and_sources(items, tmp_path):
    path = write_docx(items, tmp_path / "b.docx", "en")
    text = "\n".join(p.text for p in Document(str(path)).paragraphs)
    assert "1.000" in text and "2.250" in text and "Quảng Nam" in text and "Kon Tum" in text
    assert all(c["text"] in text for item in items for c in item["citations"])


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed (setup-browser.sh)")
def test_docx_converts_to_pdf_in_libreoffice(items, tmp_path):
    path = write_docx(items, tmp_path / "briefing.docx", "vi")
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo-profile", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                   check=True, capture_output=True, timeout=180)
    pdf = pypdfium2.PdfDocument(str(tmp_path / "briefing.pdf"))
    text = " ".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    flat = " ".join(text.split())
    assert "Tài liệu tóm tắt" in flat and "1.000" in flat and "2.250" in flat and "Quảng Nam" in flat
