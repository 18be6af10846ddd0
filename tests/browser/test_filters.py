"""The exercise library's filters in Chromium: filters.js shows what the facet rules say."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from sitegen.content.models import Exercise
from sitegen.render.filters import option_counts

from ..conftest import Ticked, expected

pytestmark = pytest.mark.browser


@pytest.fixture
def library(page: Page, served_site: str) -> Page:
    page.goto(served_site + "exercises/")
    expect(page.locator("[data-sg-filters]")).to_be_visible()
    return page


def visible_exercises(page: Page) -> set[str]:
    links = page.locator("[data-sg-card]:visible a").evaluate_all("links => links.map(a => a.href)")
    return {link.rstrip("/").rsplit("/", 1)[-1] for link in links}


def tick(page: Page, facet: str, value: str) -> None:
    page.locator(f"input[name={facet}][value={value}]").check()


def shown_counts(page: Page) -> dict[tuple[str, str], int]:
    found = page.locator("[data-sg-filters] input").evaluate_all(
        """boxes => boxes.map(b => [b.name, b.value,
            b.parentElement.querySelector('[data-sg-count]').textContent])"""
    )
    return {(name, value): int(text.strip("()")) for name, value, text in found}


@pytest.mark.parametrize(
    "ticked",
    [
        {"position": {"lying"}},
        {"position": {"lying"}, "difficulty": {"gentle"}},
        {"position": {"sitting", "standing"}, "category": {"nerve-glide"}},
        {"load": {"slider", "tensioner"}},
        {"equipment": {"chair"}},
        {"equipment": {"chair", "mat", "pillow"}, "category": {"stretch"}},
    ],
    ids=lambda ticked: "+".join(sorted(v for values in ticked.values() for v in values)),
)
def test_filters_show_the_right_exercises_and_counts(
    library: Page, exercises: dict[str, Exercise], ticked: Ticked
) -> None:
    for facet, values in ticked.items():
        for value in sorted(values):
            tick(library, facet, value)
    wanted = expected(exercises, ticked)
    assert wanted, "pick filters that match something"
    assert visible_exercises(library) == wanted
    status = library.locator("[data-sg-status]")
    expect(status).to_have_text(f"Showing {len(wanted)} of {len(exercises)} exercises.")
    assert shown_counts(library) == option_counts(list(exercises.values()), ticked)


def test_no_match_says_so_and_clear_brings_everything_back(
    library: Page, exercises: dict[str, Exercise]
) -> None:
    tick(library, "position", "kneeling")
    tick(library, "load", "tensioner")
    assert not expected(exercises, {"position": {"kneeling"}, "load": {"tensioner"}})
    expect(library.locator("[data-sg-empty]")).to_be_visible()
    expect(library.locator("[data-sg-section]:visible")).to_have_count(0)
    library.get_by_role("button", name="Clear all filters").click()
    expect(library.locator("[data-sg-status]")).to_have_text(f"Showing all {len(exercises)} exercises.")
    assert visible_exercises(library) == set(exercises)
    expect(library.locator("[data-sg-empty]")).to_be_hidden()


def test_filters_work_from_the_keyboard(library: Page, exercises: dict[str, Exercise]) -> None:
    library.get_by_role("checkbox", name="Sitting").focus()
    library.keyboard.press("Space")
    sitting = expected(exercises, {"position": {"sitting"}})
    expect(library.locator("[data-sg-status]")).to_have_text(
        f"Showing {len(sitting)} of {len(exercises)} exercises."
    )
    assert visible_exercises(library) == sitting
    # Tab moves to the next box, and the focus ring shows where you are.
    library.keyboard.press("Tab")
    focused = library.evaluate(
        "() => [document.activeElement.value, getComputedStyle(document.activeElement).outlineStyle]"
    )
    assert focused == ["lying", "solid"]


def test_the_address_keeps_the_filters(library: Page, exercises: dict[str, Exercise]) -> None:
    tick(library, "position", "lying")
    tick(library, "difficulty", "gentle")
    assert library.url.endswith("/exercises/?position=lying&difficulty=gentle")
    library.reload()
    expect(library.get_by_role("checkbox", name="Lying down")).to_be_checked()
    wanted = expected(exercises, {"position": {"lying"}, "difficulty": {"gentle"}})
    assert visible_exercises(library) == wanted


@pytest.fixture
def no_script_page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


def test_without_javascript_every_exercise_is_listed(
    no_script_page: Page, served_site: str, exercises: dict[str, Exercise]
) -> None:
    no_script_page.goto(served_site + "exercises/?position=lying")
    expect(no_script_page.locator("[data-sg-filters]")).to_be_hidden()
    assert visible_exercises(no_script_page) == set(exercises)
    no_script_page.get_by_role("link", name="browse the exercises by tag").click()
    expect(no_script_page.locator("h1")).to_contain_text("Exercises by tag")
    expect(no_script_page.get_by_role("link", name="Seated sciatic nerve slider").first).to_be_visible()
