"""The HTML report is a page a person reads: checked in a real headless Chromium (Debian's package)."""
from __future__ import annotations

import shutil

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]

pytestmark = [pytest.mark.browser, pytest.mark.notebooks]


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        pytest.skip("chromium not installed (make test installs Debian's package when run as root)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def _open(browser, path):
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    problems = []
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda err: problems.append(str(err)))
    page.goto(path.as_uri(), wait_until="load")
    return page, problems


def test_index_links_every_notebook_page(browser, seed_report):
    page, problems = _open(browser, seed_report["index"])
    links = page.eval_on_selector_all("a", "els => els.map(e => e.getAttribute('href'))")
    assert "00_overview.html" in links and "05_readability.html" in links
    for href in links:
        assert (seed_report["folder"] / href).exists()
    assert not problems


def test_overview_page_shows_figures_and_no_code(browser, seed_report, tmp_path):
    page, problems = _open(browser, seed_report["folder"] / "00_overview.html")
    widths = page.evaluate("Array.from(document.images).map(i => i.naturalWidth)")
    assert widths and all(w > 100 for w in widths), "every figure decodes and displays"
    assert page.locator("h1").first.inner_text().startswith("00")
    assert page.locator(".jp-CodeCell .jp-InputArea").count() == 0, "code inputs hidden"
    assert "figures.show(" not in page.inner_text("body")
    assert "Traceback" not in page.inner_text("body")
    shot = tmp_path / "overview.png"
    page.screenshot(path=str(shot), full_page=True)
    from PIL import Image

    with Image.open(shot) as img:
        assert img.width >= 1000 and img.height > 900
        colours = img.convert("L").getextrema()
        assert colours[1] - colours[0] > 100, "the screenshot is not blank"
    assert not problems


def test_report_pages_load_nothing_from_the_network(seed_report):
    for page in seed_report["folder"].glob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<script src=\"http" not in html and "cdnjs" not in html, page.name
