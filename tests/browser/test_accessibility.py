"""In Chromium: no WCAG 2.2 AA violation (axe-core), reflow at 320 px, keyboard reaches everything."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser

#: The rule sets the issue asks for: WCAG 2.0, 2.1 and 2.2, levels A and AA.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE = Axe()
#: One page of each kind, for checks that depend on the theme rather than the content.
PAGE_KINDS = [
    "index.html",
    "exercises/index.html",
    "exercises/seated-nerve-slider/index.html",
    "exercises/tags/index.html",
    "anatomy/piriformis/index.html",
    "routines/gentle-start/index.html",
    "learn/red-flags/index.html",
    "references/index.html",
    "glossary/index.html",
    "404.html",
]


def violations(page: Page) -> list[str]:
    """axe-core's WCAG A/AA violations on the page, one line per rule with its first targets."""
    results: dict[str, Any] = AXE.run(
        page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}}
    ).response
    return [
        f"{v['id']} ({v['impact']}): {[node['target'] for node in v['nodes'][:3]]}"
        for v in results["violations"]
    ]


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 320, "height": 640}, reduced_motion="reduce")
    yield context.new_page()
    context.close()


def all_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def test_every_page_passes_axe_and_reflows_at_320_px(phone: Page, real_site: Path, served_site: str) -> None:
    found: dict[str, list[str]] = {}
    too_wide: dict[str, int] = {}
    for path in all_pages(real_site):
        phone.goto(served_site + path)
        if problems := violations(phone):
            found[path] = problems
        width = int(phone.evaluate("() => document.documentElement.scrollWidth"))
        if width > 320:
            too_wide[path] = width
    assert not found, "\n".join(f"{path}: {v}" for path, problems in found.items() for v in problems)
    assert not too_wide, f"pages that scroll sideways at 320 px: {too_wide}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_each_kind_of_page_passes_axe_in_both_themes(browser: Browser, served_site: str, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme)  # Material follows the system theme
    page = context.new_page()
    found = {}
    for path in PAGE_KINDS:
        page.goto(served_site + path)
        expected = "slate" if scheme == "dark" else "default"
        assert page.locator("body").get_attribute("data-md-color-scheme") == expected
        if problems := violations(page):
            found[path] = problems
    context.close()
    assert not found, found


def focus_ring(page: Page) -> str:
    """How the focused element shows focus: its outline or box shadow."""
    return str(
        page.evaluate(
            """() => { let el = document.activeElement;
                // The theme hides some inputs and shows their focus on the label after them.
                if (el === document.body) return 'page';  // Tab left the page for the browser
                if (el.matches('input.md-option')) el = el.nextElementSibling;
                const s = getComputedStyle(el);
                return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0
                    ? 'outline' : (s.boxShadow !== 'none' ? 'shadow' : 'none'); }"""
        )
    )


def tab_until(page: Page, selector: str, limit: int = 200) -> list[str]:
    """Press Tab until the element matching selector has focus; return how each stop showed focus."""
    rings = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        rings.append(focus_ring(page))
        if page.evaluate("(sel) => document.activeElement.matches(sel)", selector):
            return rings
    raise AssertionError(f"Tab never reached {selector}")


def test_keyboard_reaches_search_filters_print_and_links_with_visible_focus(
    page: Page, served_site: str
) -> None:
    page.goto(served_site + "exercises/")
    tab_until(page, "input.md-search__input")
    page.keyboard.type("bridge")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    page.keyboard.press("Escape")
    page.goto(served_site + "exercises/")
    rings = tab_until(page, "[data-sg-filters] input[value=lying]")
    page.keyboard.press("Space")
    expect(page.locator("[data-sg-status]")).to_contain_text("Showing")
    rings += tab_until(page, "[data-sg-card] a")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_be_visible()
    page.goto(served_site + "exercises/bridge/")
    rings += tab_until(page, "[data-sg-print]")
    assert "none" not in rings, "every element Tab stops on shows a focus ring"
