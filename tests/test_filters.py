"""The exercise library's filters: the facet rules in Python, and filters.js in Chromium."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from sitegen.content.load import load_corpus
from sitegen.content.models import Exercise
from sitegen.render.filters import FACETS, facet_values, matches, option_counts, tags

from .conftest import ROOT

Ticked = dict[str, set[str]]


@pytest.fixture(scope="module")
def exercises() -> dict[str, Exercise]:
    catalog, _ = load_corpus(ROOT)
    return {key: source.model for key, source in catalog.exercises.items()}


def expected(exercises: dict[str, Exercise], ticked: Ticked) -> set[str]:
    return {key for key, e in exercises.items() if matches(facet_values(e), ticked)}


def test_position_groups_put_every_lying_position_together(exercises: dict[str, Exercise]) -> None:
    lying = expected(exercises, {"position": {"lying"}})
    assert {"supine-nerve-glide", "bridge", "pelvic-tilts"} <= lying
    assert not lying & {"bird-dog", "seated-nerve-slider", "warrior-pose"}


def test_ticks_in_one_group_widen_and_in_two_groups_narrow(exercises: dict[str, Exercise]) -> None:
    sitting = expected(exercises, {"position": {"sitting"}})
    standing = expected(exercises, {"position": {"standing"}})
    assert expected(exercises, {"position": {"sitting", "standing"}}) == sitting | standing
    gentle = expected(exercises, {"difficulty": {"gentle"}})
    assert expected(exercises, {"position": {"sitting"}, "difficulty": {"gentle"}}) == sitting & gentle
    assert "seated-nerve-tensioner" in sitting - gentle


def test_what_you_have_shows_only_exercises_you_can_do_with_it(exercises: dict[str, Exercise]) -> None:
    chair_only = expected(exercises, {"equipment": {"chair"}})
    assert chair_only == {key for key, e in exercises.items() if {k.value for k in e.equipment} <= {"chair"}}
    assert "seated-nerve-slider" in chair_only and "bridge" not in chair_only
    assert "bridge" in expected(exercises, {"equipment": {"chair", "mat", "pillow"}})


def test_nothing_ticked_shows_everything_and_counts_match_single_ticks(
    exercises: dict[str, Exercise],
) -> None:
    assert expected(exercises, {}) == set(exercises)
    counts = option_counts(list(exercises.values()))
    for facet in FACETS:
        for option in facet.options:
            assert counts[facet.name, option.value] == len(expected(exercises, {facet.name: {option.value}}))


def test_counts_say_what_a_tick_would_add(exercises: dict[str, Exercise]) -> None:
    lying = {"position": {"lying"}}
    counts = option_counts(list(exercises.values()), lying)
    # Another position: how many sitting exercises there are (ticking it widens the list).
    assert counts["position", "sitting"] == len(expected(exercises, {"position": {"sitting"}}))
    # Another group: how many lying exercises are gentle (ticking it narrows the list).
    assert counts["difficulty", "gentle"] == len(expected(exercises, {**lying, "difficulty": {"gentle"}}))
    # What you have: how many lying exercises you could do with a mat.
    assert counts["equipment", "mat"] == len(expected(exercises, {**lying, "equipment": {"mat"}}))


def test_every_exercise_has_one_option_in_each_single_choice_facet(exercises: dict[str, Exercise]) -> None:
    known = {facet.name: {option.value for option in facet.options} for facet in FACETS}
    for exercise in exercises.values():
        values = facet_values(exercise)
        for name in ("position", "category", "difficulty", "load"):
            assert len(values[name]) == 1 and values[name][0] in known[name], (exercise.id, name)
        assert set(values["equipment"]) <= known["equipment"]


def test_tags_name_the_facets(exercises: dict[str, Exercise]) -> None:
    assert tags(exercises["seated-nerve-slider"]) == ["Nerve glide", "Sitting", "Gentle", "Nerve slider"]
    assert tags(exercises["bridge"]) == ["Strength", "Lying down", "Moderate"]


# --- filters.js in Chromium ------------------------------------------------------------


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


@pytest.mark.browser
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


@pytest.mark.browser
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


@pytest.mark.browser
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


@pytest.mark.browser
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


@pytest.mark.browser
def test_without_javascript_every_exercise_is_listed(
    no_script_page: Page, served_site: str, exercises: dict[str, Exercise]
) -> None:
    no_script_page.goto(served_site + "exercises/?position=lying")
    expect(no_script_page.locator("[data-sg-filters]")).to_be_hidden()
    assert visible_exercises(no_script_page) == set(exercises)
    no_script_page.get_by_role("link", name="browse the exercises by tag").click()
    expect(no_script_page.locator("h1")).to_contain_text("Exercises by tag")
    expect(no_script_page.get_by_role("link", name="Seated sciatic nerve slider").first).to_be_visible()


def test_tag_chips_on_exercise_pages_open_their_tag_on_the_tag_page(real_site: Path) -> None:
    tag_page = (real_site / "exercises/tags/index.html").read_text("utf-8")
    for page in sorted(real_site.glob("exercises/*/index.html")):
        for target in re.findall(r'<a href="\.\./tags/#([^"]+)" class="md-tag', page.read_text("utf-8")):
            assert f'id="{target}"' in tag_page, (page.parent.name, target)
