"""In Chromium: no page asks any other host for anything, and nothing sets a cookie."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, expect

pytestmark = pytest.mark.browser


def test_no_request_leaves_the_site_and_no_cookie_is_set(
    browser: Browser, real_site: Path, served_site: str
) -> None:
    context = browser.new_context()
    page = context.new_page()
    origin = urlsplit(served_site).netloc
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("worker", lambda worker: requests.append(worker.url))
    elsewhere: list[tuple[str, str]] = []
    pages = sorted(p.relative_to(real_site).as_posix() for p in real_site.rglob("*.html"))
    for path in pages:
        requests.clear()
        page.goto(served_site + path, wait_until="networkidle")
        if path == "index.html":  # the search worker and its index load on first use
            page.locator("input.md-search__input").click()
            expect(page.locator(".md-search-result__meta")).to_have_text("Type to start searching")
            page.wait_for_load_state("networkidle")
        elsewhere += [
            (path, url)
            for url in requests
            if not url.startswith(("data:", "blob:")) and urlsplit(url).netloc != origin
        ]
        assert page.evaluate("() => document.cookie") == "", path
    assert not elsewhere, elsewhere
    assert context.cookies() == []
    assert len(pages) > 50
    context.close()
