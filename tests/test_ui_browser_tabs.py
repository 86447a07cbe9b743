"""Two browser tabs on one server: what one uploads, a freshly loaded other tab lists and can delete,
and the first tab follows on its next action (the UI state is read per page, never frozen at start-up).

Driven like ``tests/test_ui_browser.py``: Playwright with Debian's ``/usr/bin/chromium``.
"""
from __future__ import annotations

import shutil
import time

import pytest

from tests.conftest import CORPUS
from tests.test_ui_browser import ARGS, CHROMIUM, NEW_REPORT, _free_port

pytestmark = [pytest.mark.slow, pytest.mark.browser]

NAME = "ca-mau-2024.txt"


@pytest.fixture(scope="module")
def app_url(tmp_path_factory, seed_index):
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (scripts/setup-browser.sh installs it)")
    from ui.app import serve

    root = tmp_path_factory.mktemp("ui-tabs")
    corpus, index = root / "corpus", root / "index"
    shutil.copytree(CORPUS, corpus)
    shutil.copytree(seed_index, index)
    port = _free_port()
    app = serve(index, corpus, port=port, block=False)
    yield f"http://127.0.0.1:{port}/"
    app.close()


@pytest.fixture()
def pages(app_url):
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        context = browser.new_context(viewport={"width": 1366, "height": 768})
        opened = []
        for _ in range(2):
            page = context.new_page()
            page.goto(app_url)
            page.wait_for_selector("#question textarea")
            opened.append(page)
        yield opened
        browser.close()


def options(page, dropdown: str) -> list[str]:
    """The choices a dropdown offers now (opened, read, closed)."""
    page.click(f"{dropdown} input")
    page.get_by_role("option").first.wait_for()
    labels = [o.get_attribute("aria-label") for o in page.get_by_role("option").all()]
    page.locator(f"{dropdown} input").blur()  # closes the list; the next click opens it again
    page.get_by_role("option").first.wait_for(state="detached")
    return labels


def wait_for_option(page, dropdown: str, label: str, offered: bool = True, timeout: float = 30) -> None:
    """Wait until ``dropdown`` offers ``label`` (or, with ``offered=False``, no longer does)."""
    deadline = time.monotonic() + timeout
    while (label in options(page, dropdown)) != offered:
        assert time.monotonic() < deadline, f"{dropdown}: {label!r} {'never' if offered else 'still'} offered"
        page.wait_for_timeout(300)


def table_text(page) -> str:
    return page.locator("#reports-table").inner_text()


def test_upload_in_one_tab_is_listed_and_deleted_in_another(pages, tmp_path):
    a, b = pages
    report = tmp_path / NAME
    report.write_text(NEW_REPORT, encoding="utf-8")
    assert "Cà Mau" not in options(a, "#province")

    a.get_by_role("tab", name="Báo cáo").click()
    a.set_input_files("#upload input[type=file]", str(report))
    a.click("#upload-button")
    a.wait_for_function("document.querySelector('#reports-status').innerText.includes('Đã nạp')",
                        timeout=120_000)
    assert "Cà Mau" in table_text(a)

    b.reload()
    b.wait_for_selector("#question textarea")
    wait_for_option(b, "#province", "Cà Mau")
    b.get_by_role("tab", name="Báo cáo").click()
    b.wait_for_function("document.querySelector('#reports-table').innerText.includes('Cà Mau')", timeout=30_000)
    assert NAME in options(b, "#delete-pick")
    b.click("#delete-pick input")
    b.get_by_role("option", name=NAME, exact=True).click()
    b.click("#delete-button")
    b.wait_for_function("document.querySelector('#reports-status').innerText.includes('Đã xoá')", timeout=120_000)
    b.wait_for_function("!document.querySelector('#reports-table').innerText.includes('Cà Mau')", timeout=30_000)
    assert NAME not in options(b, "#delete-pick")

    # the first tab, still open since before the delete, follows on its next action
    a.get_by_role("tab", name="Hỏi đáp").click()
    wait_for_option(a, "#province", "Cà Mau", offered=False)
    a.get_by_role("tab", name="Báo cáo").click()
    a.wait_for_function("!document.querySelector('#reports-table').innerText.includes('Cà Mau')", timeout=30_000)
    assert NAME not in options(a, "#delete-pick")
