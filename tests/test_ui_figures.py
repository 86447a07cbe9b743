"""The Figures tab's pieces without an index: table rows, the comparison, charts, exports, the eval
tables, and the input errors in Vietnamese. Rows have the shape ``Backend.facts`` gives."""
from __future__ import annotations

import ast
import csv
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from assistant import inputs
from assistant.factlist import COLUMNS
from ui import figures, plots, render
from ui.i18n import INPUT_ERRORS_VI, TEXT, error_text


def fact(n: int, province: str, value: float | None, unit: str | None, text: str, **extra) -> dict:
    row = {c: None for c in COLUMNS} | {
        "n": n, "source": f"{province}.txt", "province": province, "kind": "quantity", "subkind": "count",
        "scope": "total", "bound": "exact", "value": value, "unit": unit, "text": text, "period": "năm 2023",
        "year_from": 2023, "year_to": 2023, "start": 10, "end": 12, "passage": f"Có {text} {unit}."}
    row |= extra
    row["citation"] = {"n": n, "doc_id": f"d-{province}", "source": row["source"], "title": "Báo cáo",
                       "date": "2023-12-01", "province": province, "start": 0, "end": len(row["passage"]),
                       "text": row["passage"], "page": None, "figure": [3, 3 + len(text)]}
    return row


ROWS = [
    fact(1, "Kon Tum", 2250, "mô hình", "gần 2.250", bound="upper", period="Giai đoạn 2013 – 2023",
         year_from=2013),
    fact(2, "Quảng Nam", 70, "mô hình", "70"),
    fact(3, "Quảng Nam", 18, "cá nhân", "18"),
    fact(4, "Hòa Bình", 45, "mô hình", "45", period="hiện", district="Huyện Cao Phong"),
    fact(5, "Kon Tum", None, None, "Y Ngọc", kind="person", scope="unknown", name="Y Ngọc",
         title="Phó Chủ tịch UBND tỉnh"),
]


def test_table_rows_follow_the_headers_in_each_language():
    for lang in ("vi", "en"):
        table = figures.table_rows(ROWS, lang)
        assert len(figures.table_headers(lang)) == len(table[0]) == len(figures.DATATYPES)
        assert len(figures.COLUMN_WIDTHS) == len(table[0])
    vi = figures.table_rows(ROWS, "vi")
    assert vi[0][:8] == [1, "Kon Tum", "", "Giai đoạn 2013 – 2023", "toàn địa bàn", "Số lượng", "gần 2.250", 2250]
    person = figures.table_rows(ROWS, "en")[4]
    assert person[5] == "Person" and person[7] is None and person[9] == "Phó Chủ tịch UBND tỉnh"


def test_the_unit_worth_comparing_comes_first():
    assert figures.unit_choices(ROWS)[0] == ("mô hình (3)", "mo hinh")
    assert figures.unit_choices(ROWS, "ca nhan")[0][1] == "ca nhan", "the typed unit before the most counted"
    compared = figures.compared(ROWS, "mo hinh")
    assert [r["n"] for r in compared] == [1, 2, 4], "largest first, the other unit and the person left out"


def test_labels_carry_place_and_period_and_notes_say_what_differs():
    hoa_binh = ROWS[3]
    assert figures.bar_label(hoa_binh, "vi", width=200) == "Huyện Cao Phong, Hòa Bình · hiện (2023)"
    assert figures.period_label(ROWS[1], "en") == "năm 2023"
    assert figures.period_label({**ROWS[1], "period": None}, "en") == "period not stated"
    notes = figures.notes(figures.compared(ROWS, "mo hinh"), "vi")
    assert len(notes) == 2 and "kỳ" in notes[0] and "hơn" in notes[1]
    assert figures.notes([ROWS[1], ROWS[2]], "en") == [], "same period, exact figures: comparable"


def test_a_comparison_becomes_a_cited_briefing_table():
    shared = {**ROWS[2], "citation": ROWS[1]["citation"]}  # two figures stated by one sentence
    item = figures.briefing_item([ROWS[1], shared, ROWS[3]], {"unit": "mo hinh", "kind": "quantity", "year": 0},
                                 "vi")
    assert item["kind"] == "table" and item["answer"].startswith("So sánh số liệu: mô hình")
    assert item["question"] == "Tra cứu số liệu: Loại: Số lượng; Đơn vị: mo hinh"
    assert [r[-1] for r in item["rows"]] == ["[1]", "[1]", "[2]"], "one passage, one citation number"
    assert [c["n"] for c in item["citations"]] == [1, 2] and "figure" not in item["citations"][0]
    assert item["rows"][2][:4] == ["Huyện Cao Phong, Hòa Bình", "hiện (2023)", "toàn địa bàn", "45"]


def test_csv_and_xlsx_hold_every_column_and_never_a_formula(tmp_path):
    hostile = fact(6, "Kon Tum", 3, "tổ", "3", passage="=HYPERLINK(\"http://x\")\x01 Có 3 tổ.")
    rows = [*ROWS, hostile]
    with figures.write_csv(rows, tmp_path / "f.csv").open(encoding="utf-8-sig", newline="") as f:
        table = list(csv.reader(f))
    assert table[0] == list(COLUMNS) and len(table) == len(rows) + 1
    assert table[1][COLUMNS.index("text")] == "gần 2.250" and table[1][COLUMNS.index("value")] == "2250"
    assert table[-1][COLUMNS.index("passage")].startswith("'=HYPERLINK")
    sheet = load_workbook(figures.write_xlsx(rows, tmp_path / "f.xlsx")).active
    values = list(sheet.values)
    assert list(values[0]) == list(COLUMNS) and len(values) == len(rows) + 1
    assert values[1][COLUMNS.index("value")] == 2250 and values[1][COLUMNS.index("province")] == "Kon Tum"
    cell = sheet.cell(len(rows) + 1, COLUMNS.index("passage") + 1)
    assert cell.data_type == "s" and cell.value == "=HYPERLINK(\"http://x\") Có 3 tổ."


def test_charts_draw_what_they_are_given():
    chart = plots.comparison_chart(figures.compared(ROWS, "mo hinh"), "vi")
    texts = [t.get_text() for t in chart.axes[0].texts]
    assert texts[0] == "Kon Tum · Giai đoạn 2013 – 2023" and {"gần 2.250", "70", "45"} < set(texts)
    assert chart.axes[0].patches[0].get_hatch() == "//", "a bound is hatched"
    assert plots.comparison_chart([], "vi") is None
    bins = [{"low": 0.1 * i, "high": 0.1 * i + 0.05, "n": 3, "correct": i / 10} for i in range(10)]
    reliability = plots.reliability_chart({"dev": bins, "test": []}, "en")
    assert [line.get_label() for line in reliability.axes[0].lines] == ["dev (30 answered)"]
    assert plots.reliability_chart({"test": []}, "vi") is None


def test_eval_tables_show_the_four_rates_per_split_and_tag():
    metrics = {"n": 4, "answer_accuracy": 0.5, "evidence_recall_at_k": 0.75, "unanswerable_accuracy": 1.0,
               "false_answer_rate": 0.0, "mrr": 0.3}
    summary = {"metrics": metrics, "by_split": {"dev": metrics}, "by_tag": {"scope|year": {**metrics, "n": 1}}}
    md = render.eval_tables(summary, "vi")
    assert "| tất cả | 4 | 0.500 | 0.750 | 1.000 | 0.000 |" in md and "| dev |" in md
    assert "Trả lời đúng" in md and "mrr" not in md and "scope\\|year" in md
    assert "False answer rate" in render.eval_tables(summary, "en")
    assert "Theo nhãn" in md and "Theo nhãn" not in render.eval_tables({**summary, "by_tag": {}}, "vi")


def test_failures_of_held_out_splits_are_counted_never_listed():
    record = {"id": "x", "question": "Q?", "reasons": ["wrong"], "answer": "A", "citations": [], "passed": False}
    records = [{**record, "id": "dev-1", "split": "dev"}, {**record, "id": "tr-1", "split": "transfer"},
               {**record, "id": "cr-1", "split": "cross"}, {**record, "id": "ok", "split": "dev", "passed": True}]
    shown = render.failures(records, "en")
    assert "dev-1" in shown and "tr-1" not in shown and "cr-1" not in shown and "ok" not in shown
    assert "2 failing items of held-out splits" in shown
    assert "tr-1" not in render.failures(records[1:3], "vi") and "2 câu sai" in render.failures(records[1:3], "vi")


def _input_messages() -> list[str]:
    """Every message ``assistant.inputs`` raises an InputError with, its placeholders as numbers."""
    tree = ast.parse(Path(inputs.__file__).read_text(encoding="utf-8"))
    messages = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "InputError":
            arg = node.args[0]
            if isinstance(arg, ast.Constant):
                messages.append(arg.value)
            else:
                messages.append("".join(p.value if isinstance(p, ast.Constant) else "2000" for p in arg.values))
    return messages


def test_every_input_error_has_a_vietnamese_message():
    messages = _input_messages()
    assert len(messages) >= 8
    for message in messages:
        vi = error_text(message, "vi")
        assert vi != message and not re.search(r"\b(the|must|is)\b", vi), message
        assert error_text(message, "en") == message
    assert error_text("the year must be between 1945 and 2100", "vi") == "Năm phải từ 1945 đến 2100."
    assert error_text("something new", "vi") == "something new", "an unknown message is shown as it is"
    assert len(INPUT_ERRORS_VI) == len({p.pattern for p, _ in INPUT_ERRORS_VI})


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_both_languages_have_every_string(lang):
    assert TEXT[lang].keys() == TEXT["vi"].keys()
    assert all(TEXT[lang][f"kind_{k}"] for k in figures.KINDS)


def test_status_notes_and_a_damaged_index_are_escaped_text():
    assert "Chọn bộ lọc" in render.facts_status(None, "vi") and "3 facts" in render.facts_status(3, "en")
    assert "Không có" in render.facts_status(0, "vi")
    assert "&lt;b&gt;" in render.notes(["<b>x</b>"])
    bubble = render.problem_turn("index damaged: /i/texts.bin: <bytes>; run `python -m assistant index --rebuild`")
    assert 'class="answer damaged"' in bubble and "&lt;bytes&gt;" in bubble and "<br>" not in bubble


def test_the_fact_is_bold_inside_the_marked_passage():
    text = "Mở đầu. Toàn tỉnh có <45> mô hình. Hết."
    start, end = text.index("Toàn"), text.index(" Hết")
    lo = text.index("<45>")
    view = render.report_view("T", "r.txt", text, start, end, "vi", (lo, lo + 4))
    assert '<mark id="cited-passage">Toàn tỉnh có <strong class="num">&lt;45&gt;</strong> mô hình.</mark>' in view
    assert 'class="num"' not in render.report_view("T", "r.txt", text, start, end, "vi", (0, 3))
