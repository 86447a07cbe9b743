"""Briefing material for trainers: collected answers exported with their quoted, cited passages.

A briefing item is an answer as ``Answer.to_json()`` gives it, so what a trainer exports is
exactly what the assistant showed: each fact, then for each citation the quoted passage with
the report's title, province, date and file name.

An item with ``"kind": "table"`` is a comparison of figures (the UI's Figures tab): ``answer``
(its title, then any notes), ``question`` (what was looked up), ``columns`` and ``rows`` (cells
as text, each row ending with its citation ``[n]``) and ``citations`` as above. It is exported as
a Markdown table or a Word table, followed by the quoted passages.
"""
from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.shared import Pt

LABELS = {
    "vi": {"title": "Tài liệu tóm tắt", "question": "Câu hỏi", "source": "Nguồn", "page": "trang",
           "untitled": "(không có tiêu đề)"},
    "en": {"title": "Briefing", "question": "Question", "source": "Source", "page": "page",
           "untitled": "(untitled)"},
}


def reordered(items: list[dict], index: int, step: int | None) -> tuple[list[dict], int | None]:
    """``items`` with item ``index`` moved ``step`` places (clamped), or removed when ``step`` is None.

    Also returns where the selection goes, so the trainer can keep moving the same item.
    """
    items = list(items)
    item = items.pop(index)
    if step is None:
        return items, min(index, len(items) - 1) if items else None
    target = min(max(index + step, 0), len(items))
    items.insert(target, item)
    return items, target


def source_line(citation: dict, lang: str = "vi") -> str:
    """``[n] title — province, date — file (page p)``: where a quoted passage comes from."""
    words = LABELS[lang]
    place = ", ".join(str(x) for x in (citation.get("province"), citation.get("date")) if x)
    parts = [f"[{citation['n']}] {citation.get('title') or words['untitled']}", place, citation["source"]]
    if citation.get("page"):
        parts[-1] += f" ({words['page']} {citation['page']})"
    return " — ".join(p for p in parts if p)


def is_table(item: dict) -> bool:
    """Whether an item is a table of figures (an answer item has no ``kind``)."""
    return item.get("kind") == "table"


def _cell(value: object) -> str:
    """A Markdown table cell: a "|" or a line break inside would end the cell or the row."""
    return " ".join(str(value).split()).replace("|", "\\|")


def markdown_table(columns: list[str], rows: list[list]) -> list[str]:
    """The lines of a Markdown (GitHub) table: header, rule, one line per row."""
    lines = ["| " + " | ".join(_cell(c) for c in columns) + " |", "|" + "---|" * len(columns)]
    return lines + ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]


def to_markdown(items: list[dict], lang: str = "vi") -> str:
    words = LABELS[lang]
    lines = [f"# {words['title']}", ""]
    for i, item in enumerate(items, 1):
        first, *rest = item["answer"].splitlines()
        lines += [f"## {i}. {first}", "", f"*{words['question']}:* {item['question']}", ""]
        lines += [*(line for line in rest if line.strip()), ""] if any(line.strip() for line in rest) else []
        if is_table(item):
            lines += [*markdown_table(item["columns"], item["rows"]), ""]
        for citation in item["citations"]:
            lines += [f"> {citation['text']}", ">", f"> — {source_line(citation, lang)}", ""]
    return "\n".join(lines).rstrip() + "\n"


def write_docx(items: list[dict], path: Path, lang: str = "vi") -> Path:
    """Write the briefing as a Word document (opens in Word and LibreOffice alike)."""
    words = LABELS[lang]
    document = Document()
    document.core_properties.title = words["title"]
    document.add_heading(words["title"], level=0)
    for i, item in enumerate(items, 1):
        first, *rest = item["answer"].splitlines()
        document.add_heading(f"{i}. {first}", level=1)
        question = document.add_paragraph()
        question.add_run(f"{words['question']}: ").bold = True
        question.add_run(item["question"])
        for line in rest:
            if line.strip():
                document.add_paragraph(line)
        if is_table(item):
            _docx_table(document, item["columns"], item["rows"])
        for citation in item["citations"]:
            document.add_paragraph(citation["text"], style="Intense Quote")
            source = document.add_paragraph()
            run = source.add_run(f"{words['source']}: {source_line(citation, lang)}")
            run.italic = True
            run.font.size = Pt(9)
    document.save(str(path))
    return path


def _docx_table(document: DocumentObject, columns: list[str], rows: list[list]) -> None:
    """A bordered Word table ("Table Grid", in python-docx's default template), header row in bold."""
    table = document.add_table(rows=1, cols=len(columns))
    table.style = "Table Grid"
    for cell, name in zip(table.rows[0].cells, columns):
        cell.paragraphs[0].add_run(str(name)).bold = True
    for row in rows:
        for cell, value in zip(table.add_row().cells, row):
            cell.text = str(value)
