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


TABLE_ITEM = {
    "kind": "table", "found": True, "question": "Tra cứu số liệu: Đơn vị: mo hinh",
    "answer": "So sánh số liệu: mô hình\nCác số liệu thuộc các kỳ khác nhau.",
    "columns": ["Địa bàn", "Kỳ", "Số liệu", "Nguồn"],
    "rows": [["Quảng Nam", "2013 – 2023", "70", "[1]"], ["Hòa Bình | Cao Phong", "hiện (2023)", "45", "[2]"]],
    "citations": [
        {"n": 1, "text": "Hiện có 70 mô hình.", "title": "Báo cáo QN", "province": "Quảng Nam", "date": "2023-06-22",
         "source": "qn.txt", "page": None},
        {"n": 2, "text": "Toàn tỉnh có 45 mô hình.", "title": "Báo cáo HB", "province": "Hòa Bình",
         "date": "2023-12-01", "source": "hb.pdf", "page": 2}],
}


def test_a_table_item_is_a_markdown_table_with_its_quotes():
    md = to_markdown([TABLE_ITEM], "vi")
    assert "## 1. So sánh số liệu: mô hình" in md and "Các số liệu thuộc các kỳ khác nhau." in md
    assert "| Địa bàn | Kỳ | Số liệu | Nguồn |\n|---|---|---|---|---|" not in md
    assert "| Địa bàn | Kỳ | Số liệu | Nguồn |\n|---|---|---|---|\n| Quảng Nam | 2013 – 2023 | 70 | [1] |" in md
    assert "| Hòa Bình \\| Cao Phong |" in md, "a bar inside a cell does not split it"
    assert md.index("| Quảng Nam") < md.index("> Hiện có 70 mô hình.") and "hb.pdf (trang 2)" in md


def test_a_table_item_is_a_word_table(tmp_path):
    document = Document(str(write_docx([TABLE_ITEM], tmp_path / "t.docx", "en")))
    table = document.tables[0]
    cells = [[c.text for c in row.cells] for row in table.rows]
    assert cells[0] == TABLE_ITEM["columns"] and cells[1:] == TABLE_ITEM["rows"]
    assert table.rows[0].cells[0].paragraphs[0].runs[0].bold
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Hiện có 70 mô hình." in text and "Source: [2] Báo cáo HB — Hòa Bình, 2023-12-01 — hb.pdf (page 2)" in text
