"""The real app in headless Chromium: ask, follow up, open a source, upload, brief, evaluate.

Driven by Playwright with Debian's ``/usr/bin/chromium`` (installed by ``scripts/setup-browser.sh``);
screenshots at 1366×768 and at a phone width are written under the test's temporary folder.
"""
from __future__ import annotations

import shutil
import socket
from pathlib import Path

import pytest
from docx import Document

from tests.conftest import CORPUS

pytestmark = [pytest.mark.slow, pytest.mark.browser]

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update"]

NEW_REPORT = """Công an tỉnh Cà Mau sơ kết phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2024

Cà Mau, ngày 15/12/2024. Năm 2024, toàn tỉnh Cà Mau đã xây dựng và duy trì 321 mô hình tự quản về an ninh trật tự ở khu dân cư.
Trong báo cáo có đoạn mã <script>window.__xss = 1</script> và ảnh <img src=x onerror="window.__xss = 2"> chỉ là chữ.
Các mô hình góp phần giữ vững an ninh chính trị, trật tự an toàn xã hội trên địa bàn tỉnh Cà Mau.
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def app_url(tmp_path_factory, seed_index):
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (scripts/setup-browser.sh installs it)")
    from ui.app import serve

    root = tmp_path_factory.mktemp("ui")
    corpus, index = root / "corpus", root / "index"
    shutil.copytree(CORPUS, corpus)
    shutil.copytree(seed_index, index)
    port = _free_port()
    app = serve(index, corpus, port=port, block=False)
    yield f"http://127.0.0.1:{port}/"
    app.close()


@pytest.fixture(scope="module")
def page(app_url, tmp_path_factory):
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        context = browser.new_context(viewport={"width": 1366, "height": 768}, accept_downloads=True)
        page = context.new_page()
        page.dialogs = []
        page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
        page.goto(app_url)
        page.wait_for_selector("#question textarea")
        yield page
        browser.close()


def ask(page, question: str) -> str:
    """Type a question, send it, and return the text of the newest answer."""
    before = page.locator("#chat .answer").count()
    page.fill("#question textarea", question)
    page.click("#send")
    page.wait_for_function(f"document.querySelectorAll('#chat .answer').length > {before}", timeout=60_000)
    return page.locator("#chat .answer").last.inner_text()


def test_asks_and_cites_quang_nam(page, shots):
    answer = ask(page, "how many models did Quảng Nam maintain?")
    assert "1.000" in answer and "[1]" in answer
    card = page.locator("#card-0")
    assert "Quảng Nam" in card.inner_text()
    assert card.locator("mark").count() == 1 and "1.000" in card.locator("strong.num").all_inner_texts()
    page.screenshot(path=str(shots / "answer-1366x768.png"))


def test_follow_up_shows_the_resolved_question(page):
    answer = ask(page, "Còn Kon Tum thì sao?")
    assert "2.250" in answer
    assert "Kon Tum" in page.locator("#chat .resolved").last.inner_text()
    assert "mô hình" in page.locator("#chat .inherited").last.inner_text()  # what it kept from the conversation
    assert "Kon Tum" in page.locator("#card-0").inner_text()


def test_open_source_highlights_the_passage_in_the_whole_report(page, shots):
    page.click("#open-0")
    cited = page.locator("#report-view #cited-passage")
    cited.wait_for(timeout=10_000)
    assert "2.250" in cited.inner_text()
    page.wait_for_timeout(600)  # the scroll runs after the update
    box, view = cited.bounding_box(), page.locator("#report-view .report-text").bounding_box()
    assert view["y"] <= box["y"] < view["y"] + view["height"], "the cited passage is scrolled into view"
    page.screenshot(path=str(shots / "report-view.png"))


def test_not_found_looks_different_and_lists_related_passages(page):
    ask(page, "Đà Nẵng có bao nhiêu mô hình?")
    assert page.locator("#chat .answer").last.get_attribute("class") == "answer notfound"
    assert page.locator("#card-0 .card.related").count() == 1


def test_briefing_collects_answers_and_exports_docx(page, tmp_path):
    ask(page, "Kon Tum duy trì bao nhiêu mô hình?")
    page.click("#add-briefing")
    page.locator("#chat .answer").first.click()  # an earlier answer: its sources show, and it is added
    page.wait_for_function("document.querySelector('#card-0').innerText.includes('Quảng Nam')", timeout=30_000)
    page.click("#add-briefing")
    page.get_by_role("tab", name="Tài liệu tóm tắt").click()
    page.wait_for_function("document.querySelector('#briefing-list')?.innerText.includes('1.000')", timeout=30_000)
    listed = page.locator("#briefing-list").inner_text()
    assert listed.index("2.250") < listed.index("1.000")
    page.get_by_role("button", name="Xuống").click()  # the first item (selected) moves down
    page.wait_for_function("(t => t.indexOf('1.000') < t.indexOf('2.250'))"
                           "(document.querySelector('#briefing-list').innerText)", timeout=30_000)
    with page.expect_download() as download:
        page.click("#export-docx")
    saved = tmp_path / "briefing.docx"
    download.value.save_as(saved)
    text = "\n".join(p.text for p in Document(str(saved)).paragraphs)
    assert "2.250" in text and "Kon Tum" in text and "1.000" in text and "Quảng Nam" in text
    page.get_by_role("tab", name="Hỏi đáp").click()


def test_uploaded_report_is_answered_and_its_markup_never_runs(page, tmp_path, shots):
    report = tmp_path / "bao cao <Cà Mau>.txt"
    report.write_text(NEW_REPORT, encoding="utf-8")
    page.get_by_role("tab", name="Báo cáo").click()
    page.set_input_files("#upload input[type=file]", str(report))
    page.click("#upload-button")
    page.wait_for_function("document.querySelector('#reports-status').innerText.includes('Đã nạp')",
                           timeout=120_000)
    assert "Cà Mau" in page.locator("#reports-table").inner_text()
    page.get_by_role("tab", name="Hỏi đáp").click()
    answer = ask(page, "Cà Mau duy trì bao nhiêu mô hình tự quản?")
    assert "321" in answer
    page.locator("#open-0").click()
    page.locator("#report-view #cited-passage").wait_for()
    page.wait_for_timeout(500)
    assert "<script>window.__xss = 1</script>" in page.locator("#report-view").inner_text()
    assert page.evaluate("window.__xss") is None and not page.dialogs
    page.screenshot(path=str(shots / "uploaded-report.png"))


def test_a_broken_upload_is_refused_and_changes_nothing(page, tmp_path):
    broken = tmp_path / "hong.pdf"
    broken.write_bytes(b"%PDF-1.7 truncated")
    page.get_by_role("tab", name="Báo cáo").click()
    rows_before = page.locator("#reports-table tbody tr").count()
    page.set_input_files("#upload input[type=file]", str(broken))
    page.click("#upload-button")
    page.wait_for_function("document.querySelector('#reports-status').innerText.includes('Không nạp')",
                           timeout=60_000)
    assert "hong.pdf" in page.locator("#reports-status").inner_text()
    assert page.locator("#reports-table tbody tr").count() == rows_before
    page.get_by_role("tab", name="Hỏi đáp").click()


def test_eval_tab_runs_an_uploaded_eval_set(page, mini_eval, shots):
    qa = mini_eval("test")
    page.get_by_role("tab", name="Đánh giá").click()
    page.set_input_files("#qa-file input[type=file]", str(qa))
    page.click("#run-eval")
    page.wait_for_selector("#eval-table table", timeout=60_000)
    tables = page.locator("#eval-table").inner_text()
    assert "Trả lời đúng" in tables and "Trả lời nhầm câu không có đáp án" in tables
    assert "Theo nhãn" in tables and "near-miss" in tables
    page.locator("#eval-reliability img").wait_for(timeout=30_000)
    assert page.locator("#eval-json a").count() >= 1
    page.screenshot(path=str(shots / "eval-1366.png"), full_page=True)
    page.get_by_role("tab", name="Hỏi đáp").click()


def test_english_interface_and_phone_width(page, shots):
    page.get_by_label("English").check()
    page.get_by_role("tab", name="Ask").wait_for()
    assert page.locator("#send").inner_text().strip() == "Ask"
    assert "Province" in page.locator("#province").inner_text() and "Year" in page.locator("#year").inner_text()
    page.get_by_role("tab", name="Reports").click()
    page.wait_for_function("document.querySelector('#reports-table').innerText.includes('Title')", timeout=30_000)
    assert "Report to delete" in page.locator("#delete-pick").inner_text()
    page.get_by_role("tab", name="Ask").click()
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=str(shots / "phone-390.png"), full_page=True)
    page.set_viewport_size({"width": 1366, "height": 768})
