"""The Figures tab in headless Chromium: filter, sort, open a passage, download CSV and XLSX, add a
comparison to the briefing, in both languages and at phone width; input errors in Vietnamese; and a
damaged index said in the chat as its one line.

Driven like ``tests/test_ui_browser.py`` (Playwright with Debian's ``/usr/bin/chromium``);
screenshots at 1366×768 and 390 px wide are written under the test's temporary folder.
"""
from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from assistant.factlist import COLUMNS
from tests.conftest import CORPUS
from tests.test_ui_browser import ARGS, CHROMIUM, _free_port

pytestmark = [pytest.mark.slow, pytest.mark.browser]

ROWS_JS = """() => [...document.querySelectorAll('#fig-table [role=row]')].slice(1)
  .map(r => [...r.querySelectorAll('[role=gridcell]')].map(c => c.innerText.trim()))"""
"""The table's data rows as shown (sorted as the page sorts them), each a list of cell texts."""
VALUE, TEXT = 7, 6
"""Columns of the Figures table (``ui.figures.TABLE_COLUMNS``): the value and the figure as written."""


def _serve(index: Path, corpus: Path):
    from ui.app import serve

    port = _free_port()
    return serve(index, corpus, port=port, block=False), f"http://127.0.0.1:{port}/"


@pytest.fixture(scope="module")
def app_url(tmp_path_factory, seed_index):
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (scripts/setup-browser.sh installs it)")
    root = tmp_path_factory.mktemp("ui-figures")
    shutil.copytree(CORPUS, root / "corpus")
    shutil.copytree(seed_index, root / "index")
    app, url = _serve(root / "index", root / "corpus")
    yield url
    app.close()


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (scripts/setup-browser.sh installs it)")
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def page(app_url, browser):
    context = browser.new_context(viewport={"width": 1366, "height": 768}, accept_downloads=True)
    page = context.new_page()
    page.goto(app_url)
    page.wait_for_selector("#question textarea")
    yield page
    context.close()


def pick(page, dropdown: str, label: str) -> None:
    page.click(f"{dropdown} input")
    page.get_by_role("option", name=label, exact=True).click()


def close_toasts(page) -> None:
    """Close the notices (errors, "added") so that they cover nothing in a screenshot."""
    page.evaluate("document.querySelectorAll('[data-testid=toast-close]').forEach(b => b.click())")
    page.wait_for_function("!document.querySelector('[data-testid=toast-body]')", timeout=10_000)


def shown_rows(page) -> list[list[str]]:
    return page.evaluate(ROWS_JS)


def count(page) -> int:
    return int(re.search(r"\d+", page.locator("#fig-status").inner_text()).group())


def test_filter_sort_and_open_a_passage(page, shots):
    page.get_by_role("tab", name="Số liệu").click()
    pick(page, "#fig-kind", "Số lượng")
    page.wait_for_function("document.querySelector('#fig-status').innerText.includes('khớp')", timeout=60_000)
    everything = count(page)
    page.fill("#fig-unit input", "mo hinh")
    page.press("#fig-unit input", "Enter")
    page.wait_for_function("document.querySelector('#fig-compare input')?.value.startsWith('mô hình')",
                           timeout=60_000)
    rows = shown_rows(page)
    assert 0 < len(rows) == count(page) < everything
    assert {r[5] for r in rows} == {"Số lượng"}
    assert any(r[1] == "Quảng Nam" and r[TEXT] == "70" and r[8] == "mô hình" for r in rows)
    values = [float(r[VALUE]) for r in rows]
    assert values != sorted(values, reverse=True), "the index's order is not already the sorted one"

    page.locator("#fig-table [data-testid=header-7]").hover()
    page.locator("#fig-table [data-testid=header-7] .cell-menu-button").click()
    page.get_by_role("menuitem", name="Sort descending").click()
    page.wait_for_function(f"(rows => rows.every((r, i) => i === 0 || +rows[i - 1][{VALUE}] >= +r[{VALUE}]))"
                           f"(({ROWS_JS})())", timeout=10_000)
    assert sorted(float(r[VALUE]) for r in shown_rows(page)) == sorted(values)

    first = shown_rows(page)[0]
    page.locator("#fig-table [role=row]").nth(1).locator("[role=gridcell]").nth(TEXT).click()
    cited = page.locator("#fig-view #cited-passage")
    cited.wait_for(timeout=20_000)
    assert cited.locator("strong.num").inner_text() == first[TEXT], "the row clicked, not the unsorted row"
    page.wait_for_timeout(600)  # the scroll runs after the update
    box, view = cited.bounding_box(), page.locator("#fig-view .report-text").bounding_box()
    assert view["y"] <= box["y"] < view["y"] + view["height"], "the cited passage is scrolled into view"
    page.screenshot(path=str(shots / "figures-passage-1366x768.png"))
    page.screenshot(path=str(shots / "figures-full-1366.png"), full_page=True)


def test_csv_and_xlsx_downloads_hold_the_rows_shown(page, tmp_path):
    shown = count(page)
    with page.expect_download() as download:
        page.click("#fig-csv")
    saved = tmp_path / "figures.csv"
    download.value.save_as(saved)
    with saved.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == list(COLUMNS) and len(rows) == shown
    assert {r["kind"] for r in rows} == {"quantity"}
    assert any(r["province"] == "Quảng Nam" and r["text"] == "70" and r["unit"] == "mô hình" for r in rows)

    with page.expect_download() as download:
        page.click("#fig-xlsx")
    book = tmp_path / "figures.xlsx"
    download.value.save_as(book)
    header, *cells = load_workbook(book).active.values
    assert list(header) == list(COLUMNS) and len(cells) == shown
    row = next(c for c in cells if c[COLUMNS.index("text")] == "70")
    assert row[COLUMNS.index("value")] == 70 and "70 mô hình" in row[COLUMNS.index("passage")]


def test_a_comparison_goes_into_the_briefing_as_a_cited_table(page, tmp_path, shots):
    assert page.locator("#fig-chart img").count() == 1
    assert "kỳ" in page.locator("#fig-notes").inner_text(), "70 (2013–2023) and 45 (2023) are not comparable"
    page.click("#fig-add")
    page.get_by_role("tab", name="Tài liệu tóm tắt").click()
    page.wait_for_function("document.querySelector('#briefing-list table')", timeout=30_000)
    table = page.locator("#briefing-list table.brief-table").inner_text()
    assert "Quảng Nam" in table and "Hòa Bình" in table and "[1]" in table and "[2]" in table
    assert table.index("70") < table.index("45"), "largest first"
    assert "Toàn tỉnh hiện có duy trì 45 mô hình" in page.locator("#briefing-list").inner_text()
    page.screenshot(path=str(shots / "briefing-table-1366x768.png"))
    with page.expect_download() as download:
        page.click("#export-md")
    md = Path(download.value.path()).read_text(encoding="utf-8")
    assert "| Địa bàn | Kỳ | Phạm vi | Số liệu | Đơn vị | Nguồn |" in md and "| Quảng Nam |" in md
    with page.expect_download() as download:
        page.click("#export-docx")
    saved = tmp_path / "briefing.docx"
    download.value.save_as(saved)
    cells = [[c.text for c in r.cells] for r in Document(str(saved)).tables[0].rows]
    assert cells[0][0] == "Địa bàn" and {"70", "45"} <= {row[3] for row in cells[1:]}


def test_an_input_error_is_shown_in_vietnamese(page):
    page.get_by_role("tab", name="Hỏi đáp").click()
    page.fill("#question textarea", "x" * 2100)
    page.click("#send")
    page.get_by_text("Câu hỏi dài quá 2000 ký tự.").first.wait_for(timeout=30_000)
    assert page.locator("#chat .answer").count() == 0, "nothing was asked"
    page.fill("#question textarea", "")
    close_toasts(page)


def test_english_labels_and_phone_width(page, shots):
    close_toasts(page)
    page.get_by_label("English").check()
    page.get_by_role("tab", name="Figures").click()
    page.wait_for_function("document.querySelector('#fig-table').innerText.includes('Value')", timeout=30_000)
    assert page.locator("#fig-filter").inner_text().strip() == "Filter"
    assert "facts match" in page.locator("#fig-status").inner_text()
    assert {r[5] for r in shown_rows(page)} == {"Quantity"}
    assert "different periods" in page.locator("#fig-notes").inner_text()
    assert page.locator("#fig-add").inner_text().strip() == "Add comparison to briefing"
    page.screenshot(path=str(shots / "figures-en-1366x768.png"))
    page.set_viewport_size({"width": 390, "height": 844})
    page.wait_for_timeout(500)
    page.screenshot(path=str(shots / "figures-phone-390.png"), full_page=True)
    page.set_viewport_size({"width": 1366, "height": 768})


def test_a_damaged_index_is_said_in_the_chat(damaged_seed_index, browser, shots):
    app, url = _serve(damaged_seed_index, CORPUS)
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    try:
        page = context.new_page()
        page.goto(url)
        bubble = page.locator("#chat .answer.damaged")
        bubble.first.wait_for(timeout=30_000)
        line = bubble.first.inner_text()
        assert line.startswith("⚠ index damaged:") and "texts.bin" in line and "\n" not in line.strip()
        page.fill("#question textarea", "Quảng Nam duy trì bao nhiêu mô hình?")
        page.click("#send")
        page.wait_for_function("document.querySelector('#chat').innerText.includes('Quảng Nam duy trì')",
                               timeout=30_000)
        assert bubble.count() == 1 and bubble.inner_text() == line, "the question is answered by the same line"
        page.screenshot(path=str(shots / "damaged-index-1366x768.png"))
    finally:
        context.close()
        app.close()
