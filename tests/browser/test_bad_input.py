"""Bad input in Chromium: text in the data that looks like HTML reads exactly as the author typed it."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from ..conftest import read

pytestmark = pytest.mark.browser


def test_text_that_looks_like_html_is_shown_as_typed(page: Page, fixture_site: Path) -> None:
    """In a browser, entity-like and bracket text reads exactly as the author typed it."""
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto((fixture_site / "exercises/alpha-slide/index.html").as_uri())
    # The heading ends with its permalink sign.
    assert page.locator("h1").inner_text() == "Alpha slide <3 &lt;script&gt; *one*¶"
    summary = (
        "A test exercise whose text tries &lt;b&gt;HTML&lt;/b&gt; <3 & *Markdown* [links] {: .injected }."
    )
    expect(page.get_by_text(summary, exact=True)).to_be_visible()
    assert page.locator("article b, article .injected, article script").count() == 0
    assert dialogs == []
    assert "&amp;lt;script&amp;gt;" in read(fixture_site / "exercises/alpha-slide/index.html")
