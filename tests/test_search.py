"""In Debian's Chromium: what readers type into the search box finds the right page in the top three.

Grow QUERIES as content grows: each entry is a query a reader would type and the pages
that would answer it (paths under the site root; any one of them in the top three passes).
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser

RED_FLAGS = "learn/red-flags/"
WHAT_IS = "learn/what-is-sciatica/"
NERVE_PATH = "learn/sciatic-nerve-path/"
MOVING = "learn/moving-safely/"
QUESTIONS = "learn/myths-and-questions/"
SITTING = "learn/sitting-and-posture/"
NERVES_MOVE = "learn/how-nerves-move/"
FOOT_NERVES = ("anatomy/tibial-nerve/", "anatomy/common-fibular-nerve/")

QUERIES: list[tuple[str, tuple[str, ...]]] = [
    # What readers feel, in their own words.
    ("pins and needles in my foot", (WHAT_IS, NERVE_PATH, *FOOT_NERVES)),
    ("pain in my buttock when I sit", (SITTING, "anatomy/piriformis/", "anatomy/gluteal-muscles/")),
    ("numb foot", (WHAT_IS, NERVE_PATH, *FOOT_NERVES)),
    ("shooting pain down my leg", (WHAT_IS, NERVE_PATH)),
    ("tingling", (WHAT_IS, NERVE_PATH, NERVES_MOVE)),
    ("foot drop", ("anatomy/common-fibular-nerve/", RED_FLAGS)),
    ("weak leg", (RED_FLAGS, WHAT_IS)),
    ("trapped nerve", (WHAT_IS, "anatomy/nerve-roots/", "anatomy/spinal-canal/")),
    ("slipped disc", ("anatomy/lumbar-disc/", WHAT_IS)),
    ("herniated disc", ("anatomy/lumbar-disc/", WHAT_IS)),
    ("spinal stenosis", ("anatomy/spinal-canal/", WHAT_IS)),
    # Is it serious, and when to get help.
    ("bladder", (RED_FLAGS,)),
    ("cauda equina", (RED_FLAGS,)),
    ("is it serious", (RED_FLAGS,)),
    ("when to see a doctor", (RED_FLAGS, QUESTIONS)),
    ("numb between my legs", (RED_FLAGS,)),
    ("sciatica in both legs", (RED_FLAGS,)),
    # Questions about doing the exercises.
    ("how often", (MOVING, QUESTIONS, "learn/using-this-guide/")),
    ("how long does sciatica last", (WHAT_IS, QUESTIONS)),
    ("bed rest", (QUESTIONS, MOVING)),
    ("should I stop exercising if it hurts", (MOVING, QUESTIONS)),
    ("sitting at a desk all day", (SITTING, "routines/desk-break/")),
    ("print an exercise sheet", ("learn/using-this-guide/",)),
    ("what is sciatica", (WHAT_IS,)),
    # Body parts, everyday and technical.
    ("piriformis", ("anatomy/piriformis/",)),
    ("hamstring", ("anatomy/hamstrings/",)),
    ("glutes", ("anatomy/gluteal-muscles/",)),
    ("lower back", ("anatomy/lumbar-spine/",)),
    ("peroneal nerve", ("anatomy/common-fibular-nerve/",)),
    ("sciatic nerve", ("anatomy/sciatic-nerve/", NERVE_PATH)),
    ("psoas", ("anatomy/hip-flexors/",)),
    ("L5 S1", ("anatomy/nerve-roots/", "anatomy/lumbar-disc/")),
    ("tummy muscles", ("anatomy/core-muscles/",)),
    # Exercise names, in English, Sanskrit and as people misspell them.
    ("nerve flossing", (NERVES_MOVE, "exercises/seated-nerve-slider/")),
    ("nerve glide", (NERVES_MOVE, "exercises/seated-nerve-slider/", "exercises/supine-nerve-glide/")),
    ("nerve slider", ("exercises/seated-nerve-slider/", "exercises/supine-nerve-glide/")),
    ("nerve tensioner", ("exercises/seated-nerve-tensioner/",)),
    ("balasana", ("exercises/childs-pose/",)),
    ("childs pose", ("exercises/childs-pose/",)),
    ("virabhadrasana", ("exercises/warrior-pose/",)),
    ("pigeon", ("exercises/pigeon-pose/",)),
    ("rajakapotasana", ("exercises/pigeon-pose/",)),
    ("cat camel", ("exercises/cat-cow/",)),
    ("knee to chest", ("exercises/knee-to-chest/",)),
    ("figure 4 stretch", ("exercises/figure-four-stretch/",)),
    ("glute bridge", ("exercises/bridge/",)),
    ("bird dog", ("exercises/bird-dog/",)),
    ("pelvic tilt", ("exercises/pelvic-tilts/", "exercises/seated-pelvic-tilt/")),
    ("piriformis stretch", ("exercises/knee-to-opposite-shoulder/", "exercises/figure-four-stretch/")),
    ("chair twist", ("exercises/seated-spinal-twist/",)),
    ("sciatica stretches", ("exercises/", "routines/hip-and-buttock/", "routines/gentle-start/")),
    ("gentle routine", ("routines/gentle-start/",)),
    ("build my own routine", ("my-routine/",)),
    ("my routine", ("my-routine/",)),
    ("exercises for a flare up", ("routines/gentle-start/", MOVING, "exercises/")),
    ("desk exercises", ("routines/desk-break/", SITTING, "exercises/seated-pelvic-tilt/")),
    ("emergency", (RED_FLAGS,)),
    ("do I need a scan", (QUESTIONS,)),
    ("getting up from the floor", (MOVING,)),
    ("sliders and tensioners", (NERVES_MOVE,)),
]


@pytest.fixture(scope="module")
def search_page(browser: Browser, served_site: str) -> Iterator[Page]:
    """One tab with the site's search ready, reused for every query (the index loads once)."""
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(served_site)
    tab.locator("input.md-search__input").click()
    # Material drops queries typed before its search worker has built the index.
    expect(tab.locator(".md-search-result__meta")).to_have_text("Type to start searching", timeout=15_000)
    yield tab
    context.close()


def search(page: Page, query: str) -> list[str]:
    """Put a query into the search box as a reader would; return result paths, best first."""
    box = page.locator("input.md-search__input")
    meta = page.locator(".md-search-result__meta")
    box.fill("")
    box.press("Backspace")  # Material searches on keyup
    expect(meta).to_have_text("Type to start searching")
    # Typing key by key runs a search per key, and a late answer for "gl" could be read
    # as the answer for "glutes". Filling the box and then pressing one key runs one search.
    box.fill(query)
    box.press("End")
    expect(meta).not_to_have_text("Type to start searching", timeout=10_000)
    # One result per page: Material groups a page's matching sections under its first link.
    results = page.locator("li.md-search-result__item > a.md-search-result__link:first-child")
    links = results.evaluate_all("links => links.slice(0, 5).map(a => a.getAttribute('href'))")
    return [urlsplit(link).path for link in links]


def test_the_query_list_is_long_enough() -> None:
    assert len(QUERIES) >= 30
    assert len({query for query, _ in QUERIES}) == len(QUERIES)


@pytest.mark.parametrize(("query", "acceptable"), QUERIES, ids=[query for query, _ in QUERIES])
def test_search_finds_an_acceptable_page_in_the_top_three(
    search_page: Page, query: str, acceptable: tuple[str, ...]
) -> None:
    paths = search(search_page, query)
    assert any(path.endswith("/" + wanted) for path in paths[:3] for wanted in acceptable), (
        f"{query!r}: top results {paths}, wanted one of {acceptable}"
    )
