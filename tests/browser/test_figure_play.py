"""In Chromium: an exercise figure moves through its poses after Play, stops on Pause, and
never moves by itself (figure-play.js), with Playwright's clock standing in for time."""

from __future__ import annotations

import re
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
    # One body moves in place of the numbered still poses.
    expect(tab.locator("figure.sg-exercise g.sg-still")).to_be_hidden()
    expect(tab.locator("figure.sg-exercise g.sg-live")).to_be_visible()
    button.click()
    expect(button).to_have_text("Play the movement")
    paused = shapes(tab)
    tab.clock.run_for(3000)
    assert shapes(tab) == paused, "it went on moving after Pause"
    # Printing shows the numbered still poses again.
    tab.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    expect(tab.locator("figure.sg-exercise g.sg-still")).to_be_visible()
    expect(tab.locator("figure.sg-exercise g.sg-live")).to_be_hidden()


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


def key_poses(page: Page) -> dict[int, list[float]]:
    """Each still pose's body as the moving figure draws it, from the figure's own data."""
    frames = page.locator("figure.sg-exercise g.sg-anim").get_attribute("data-sg-frames") or ""
    found: dict[int, list[float]] = {}
    for group in frames.split("/"):
        pair, text = group.split(":")
        a, b = map(int, pair.split())
        before: list[str] = []
        steps = []
        for step in text.split("|"):
            shapes = step.split(";")
            whole = [before[k] if shape == "" else shape for k, shape in enumerate(shapes)]
            before = [whole[int(shape[1:])] if shape.startswith("=") else shape for shape in whole]
            steps.append(before)
        found[a], found[b] = numbers(steps[0]), numbers(steps[-1])
    return found


def numbers(geometry: list[str]) -> list[float]:
    return [float(n) for shape in geometry for n in re.findall(r"-?\d+(?:\.\d+)?", shape)]


def nearest(drawn: list[float], poses: dict[int, list[float]]) -> tuple[int, float]:
    """Which key pose the body is in now, and how far (the largest coordinate gap) from it."""
    gaps = {k: max(abs(a - b) for a, b in zip(drawn, pose, strict=True)) for k, pose in poses.items()}
    best = min(gaps, key=lambda k: gaps[k])
    return best, gaps[best]


def test_a_figure_with_more_poses_goes_through_each_in_turn(tab: Page, served_site: str) -> None:
    # Cat-cow: back level (1), rounded up (2), level again, dipped (3), and round again.
    tab.goto(served_site + "exercises/cat-cow/")
    expect(tab.locator("figure.sg-exercise g.sg-still text")).to_have_text(["1", "2", "3"])
    poses = key_poses(tab)
    assert sorted(poses) == [0, 1, 2]
    tab.get_by_role("button", name="Play the movement").click()
    visited = []
    for _ in range(5):  # 2 s a move; at each key pose in turn, then back to the first
        pose, gap = nearest(numbers(shapes(tab)), poses)
        assert gap < 1.5, f"between poses at a key moment ({gap})"
        visited.append(pose)
        tab.clock.run_for(2000)
    assert visited == [0, 1, 0, 2, 0]
