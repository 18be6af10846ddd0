"""In Chromium: an exercise figure moves through its poses after Play, stops on Pause, and
never moves by itself (figure-play.js), with Playwright's clock standing in for time."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from .test_accessibility import AXE, WCAG_TAGS

pytestmark = pytest.mark.browser
#: A nerve glide (its nerve's path moves too) and a hold (it rests at the end).
PAGES = ("exercises/seated-nerve-tensioner/", "exercises/knee-to-chest/")


def shapes(page: Page) -> list[str]:
    """The moving body's geometry as drawn now: each path's d and the head's centre."""
    return page.locator("figure.sg-exercise g.sg-live").evaluate(
        "g => [...g.querySelectorAll('path, circle')].map("
        "e => e.getAttribute('d') || `${e.getAttribute('cx')} ${e.getAttribute('cy')}`)"
    )


@pytest.fixture
def tab(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    options = getattr(request, "param", {})
    context = browser.new_context(viewport={"width": 320, "height": 800}, **options)
    page = context.new_page()
    page.clock.install()
    yield page
    context.close()


@pytest.mark.parametrize("path", PAGES)
def test_play_moves_the_figure_and_pause_stops_it(tab: Page, served_site: str, path: str) -> None:
    tab.goto(served_site + path)
    button = tab.locator("figure.sg-exercise button[data-sg-play]")
    expect(button).to_have_accessible_name("Play the movement")
    still = shapes(tab)
    button.click()
    expect(button).to_have_text("Pause the movement")
    seen = []
    for _ in range(6):
        tab.clock.run_for(400)
        seen.append(shapes(tab))
    assert still not in seen[:1] and len({tuple(s) for s in seen}) >= 4, "the body did not move"
    # While it moves, the faint start position and the arrow step aside.
    expect(tab.locator("figure.sg-exercise .sg-ghost")).to_be_hidden()
    button.click()
    expect(button).to_have_text("Play the movement")
    paused = shapes(tab)
    tab.clock.run_for(3000)
    assert shapes(tab) == paused, "it went on moving after Pause"


@pytest.mark.parametrize("tab", [{"reduced_motion": "reduce"}], indirect=True)
def test_with_reduced_motion_nothing_moves_until_play(tab: Page, served_site: str) -> None:
    tab.goto(served_site + PAGES[0])
    still = shapes(tab)
    tab.clock.run_for(10_000)
    assert shapes(tab) == still
    button = tab.get_by_role("button", name="Play the movement")
    button.focus()
    tab.keyboard.press("Space")  # a real button: the keyboard works it
    tab.clock.run_for(700)
    assert shapes(tab) != still


def test_the_button_is_big_enough_passes_axe_and_leaves_print_and_no_script_alone(
    browser: Browser, served_site: str
) -> None:
    for scheme in ("light", "dark"):
        context = browser.new_context(viewport={"width": 320, "height": 800}, color_scheme=scheme)
        page = context.new_page()
        page.goto(served_site + PAGES[0])
        button = page.get_by_role("button", name="Play the movement")
        box = button.bounding_box()
        assert box and box["height"] >= 44 and box["width"] >= 44, box
        found = AXE.run(
            page, context="figure.sg-exercise", options={"runOnly": {"type": "tag", "values": WCAG_TAGS}}
        )
        assert found.response["violations"] == [], found.response["violations"]
        page.emulate_media(media="print")
        expect(button).to_be_hidden()
        context.close()
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served_site + PAGES[0])
    expect(page.locator("figure.sg-exercise button")).to_be_hidden()
    context.close()


def test_figures_drawn_side_by_side_have_no_play_button(page: Page, served_site: str) -> None:
    page.goto(served_site + "exercises/cat-cow/")
    expect(page.locator("figure.sg-exercise")).to_be_visible()
    expect(page.locator("figure.sg-exercise button")).to_have_count(0)
