"""HTML export in a real headless browser (Debian's chromium driven by Playwright).

Set up by tests/browser_setup.sh. Where chromium or Playwright cannot be had, the tests skip and
say why; every browser operation has a timeout, so a broken browser fails instead of hanging.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from render_report import SCRIPT, report

from claimcheck.render import RenderOptions, render, select_findings

CHROMIUM = "/usr/bin/chromium"
SETUP = Path(__file__).resolve().parent / "browser_setup.sh"


def _install_browser() -> None:
    """The test installs its own browser (Debian's chromium, Playwright for Python) where it can."""
    try:
        subprocess.run(["bash", str(SETUP)], timeout=900, check=False, capture_output=True)
    except (OSError, subprocess.TimeoutExpired):
        pass


ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TIMEOUT_MS = 20_000
PHONE = {"width": 390, "height": 844}


def _chromium() -> str:
    if not os.access(CHROMIUM, os.X_OK) and not shutil.which("chromium"):
        _install_browser()
    if os.access(CHROMIUM, os.X_OK):
        return CHROMIUM
    found = shutil.which("chromium")
    if found is None:
        pytest.skip(
            "no chromium at /usr/bin/chromium or on PATH (run tests/browser_setup.sh as root)"
        )
    return found


@pytest.fixture(scope="module")
def browser():
    executable = _chromium()
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="Playwright is not installed (run tests/browser_setup.sh)"
    )
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=executable, args=ARGS, timeout=TIMEOUT_MS
        )
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def page_file(tmp_path_factory):
    rep = report()
    path = tmp_path_factory.mktemp("export") / "findings.html"
    path.write_bytes(render("html", rep, select_findings(rep), RenderOptions(lang="ko")))
    return path


@pytest.fixture()
def page(browser, page_file):
    context = browser.new_context(viewport=PHONE, java_script_enabled=True)
    tab = context.new_page()
    tab.set_default_timeout(TIMEOUT_MS)
    requests: list[str] = []
    tab.on("request", lambda request: requests.append(request.url))
    tab.goto(page_file.as_uri(), wait_until="load", timeout=TIMEOUT_MS)
    yield tab, requests
    context.close()


def test_problems_are_visible_and_the_rest_opens_without_script(page):
    page, _ = page
    findings = page.locator("article.finding")
    assert findings.count() == 3
    # refuted and misattributed are problems; the discrepancy is folded under <details>.
    assert page.locator("#R-gpu_count-1").is_visible()
    assert page.locator("#R-training_cost-2").is_visible()
    assert not page.locator("#X-training_cost-1").is_visible()
    assert "전혀 사실 아님" in page.locator("#R-gpu_count-1 .badge").inner_text()
    page.locator("details > summary").click()  # the browser's own disclosure, no script
    assert page.locator("#X-training_cost-1").is_visible()
    marked = page.locator("#X-training_cost-1 mark").all_inner_texts()
    assert "약 560만 달러(약 81억 원)를 들였다" in marked


def test_the_story_comes_first(page):
    page, _ = page
    story = page.locator("section.story")
    assert story.is_visible()
    assert story.locator("li").count() >= 1
    first_finding = page.locator("article.finding").first
    assert story.bounding_box()["y"] < first_finding.bounding_box()["y"]
    # Nothing but the title and the summary line comes before it.
    before = page.evaluate(
        "[...document.querySelector('main').children]"
        ".slice(0, [...document.querySelector('main').children]"
        ".indexOf(document.querySelector('section.story'))).map(e => e.tagName)"
    )
    assert before == ["H1", "P"]
    # Each story item links to the finding it tells of.
    target = story.locator("li a").first.get_attribute("href")
    assert target == "#R-gpu_count-1"


def _hangul_families() -> set[str]:
    """Font families installed with Hangul, as fontconfig lists them."""
    try:
        done = subprocess.run(
            ["fc-list", ":lang=ko", "family"], capture_output=True, text=True, timeout=30
        )
    except (OSError, subprocess.TimeoutExpired):
        return set()
    return {name.strip() for line in done.stdout.splitlines() for name in line.split(",")}


def test_korean_text_renders_with_a_hangul_font(page):
    families = _hangul_families()
    if not families:
        _install_browser()  # browser_setup.sh installs fonts-noto-cjk where it can
        families = _hangul_families()
    if not families:
        pytest.skip("no Hangul font installed (run tests/browser_setup.sh as root)")
    page, _ = page
    session = page.context.new_cdp_session(page)
    session.send("DOM.enable")
    session.send("CSS.enable")
    root = session.send("DOM.getDocument")["root"]["nodeId"]
    node = session.send("DOM.querySelector", {"nodeId": root, "selector": "section.story h2"})
    used = session.send("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})["fonts"]
    # The heading is Korean (핵심 문제): each of its Hangul syllables is drawn by a font that
    # has Hangul (a space may come from another font), so none is a box.
    text = page.locator("section.story h2").inner_text()
    syllables = sum(1 for ch in text if "가" <= ch <= "힣")
    assert syllables >= 2, text
    hangul_glyphs = sum(font["glyphCount"] for font in used if font["familyName"] in families)
    assert hangul_glyphs >= syllables, used


def test_planted_script_and_onerror_did_not_run(page):
    page, _ = page
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("script").count() == 0
    assert page.locator("img").count() == 0
    # The planted markup is on the page as text a reader can see.
    assert SCRIPT in page.locator("#R-gpu_count-1 mark").inner_text()


def test_the_same_markup_would_run_unescaped(browser):
    # The control: in this browser, this very markup does run when it is not escaped, so the
    # test above can fail.
    context = browser.new_context()
    tab = context.new_page()
    tab.set_default_timeout(TIMEOUT_MS)
    tab.set_content(f"<p>{SCRIPT}</p>", timeout=TIMEOUT_MS)
    assert tab.evaluate("window.__pwned") == 1
    context.close()


def test_no_request_leaves_the_file(page):
    _, requests = page
    assert requests and all(url.startswith("file://") for url in requests)


def test_fits_a_phone_screen(page):
    page, _ = page
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"]
