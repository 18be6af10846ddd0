"""The offline copy in Chromium: search works from file:// with the network switched off."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from ..conftest import OFFLINE_TOP as TOP

pytestmark = pytest.mark.browser


@pytest.fixture
def offline_tab(browser: Browser) -> Iterator[Page]:
    """A tab in a context with the network switched off."""
    context = browser.new_context(offline=True)
    yield context.new_page()
    context.close()


def test_search_works_from_file_with_no_network(offline_site: Path, offline_tab: Page) -> None:
    page = offline_tab
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    # A manifest link would log a CORS error from file://, a service worker a SecurityError.
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto((offline_site / "index.html").as_uri())
    page.locator("input.md-search__input").click()
    # Material drops queries typed before its search worker (here the iframe shim) is ready.
    meta = page.locator(".md-search-result__meta")
    expect(meta).to_have_text("Type to start searching", timeout=15_000)
    box = page.locator("input.md-search__input")
    box.fill("balasana")
    box.press("End")  # Material searches on keyup
    expect(meta).not_to_have_text("Type to start searching", timeout=10_000)
    results = page.locator("li.md-search-result__item > a.md-search-result__link:first-child")
    hrefs = results.evaluate_all("links => links.map(a => a.href)")
    assert any(urlsplit(href).path.endswith("/exercises/childs-pose.html") for href in hrefs[:3]), hrefs
    page.locator('a.md-search-result__link[href*="exercises/childs-pose.html"]').first.click()
    expect(page.locator("h1")).to_contain_text("Child's pose")
    assert page.url.startswith("file://")
    assert urlsplit(page.url).path.endswith(f"/{TOP}/exercises/childs-pose.html")
    assert len(requests) > 5
    assert [url for url in requests if not url.startswith("file:")] == []
    assert errors == []
