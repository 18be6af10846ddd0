"""In Debian's Chromium: what readers type into the search box finds the right page in the top three.

Grow QUERIES as content grows: each entry is a query a reader would type and the pages
that would answer it (paths under the site root; any one of them in the top three passes).
RED_FLAG_QUERIES must put the red flags first; they and SIGN_QUERIES must show the link to
the red flags above the results (overrides/assets/javascripts/search-signs.js), and
EVERYDAY_QUERIES must not. MISSPELLINGS must get a "Did you mean" suggestion
(overrides/assets/javascripts/search-suggest.js) that finds the page.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from .test_accessibility import AXE, WCAG_TAGS

pytestmark = pytest.mark.browser

RED_FLAGS = "learn/red-flags/"
WHAT_IS = "learn/what-is-sciatica/"
NERVE_PATH = "learn/sciatic-nerve-path/"
MOVING = "learn/moving-safely/"
QUESTIONS = "learn/myths-and-questions/"
SITTING = "learn/sitting-and-posture/"
NERVES_MOVE = "learn/how-nerves-move/"
FOOT_NERVES = ("anatomy/tibial-nerve/", "anatomy/common-fibular-nerve/")
# The guides on everyday life (content/learn/<slug>.md).
GETTING_DOWN = "learn/getting-down-and-up/"
SLEEPING = "learn/sleeping-and-resting/"
WORK = "learn/work-lifting-driving/"
ACTIVE = "learn/walking-sport-gym/"
PAIN = "learn/understanding-pain/"
TESTS = "learn/tests-and-treatments/"
HEAT_COLD = "learn/heat-cold-self-care/"
PREGNANCY_AGE = "learn/pregnancy-and-older-age/"

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
    ("getting up from the floor", (GETTING_DOWN, MOVING)),
    ("sliders and tensioners", (NERVES_MOVE,)),
    # Misspellings the pages list among their search words.
    ("siatica", (WHAT_IS,)),
    ("piriformus", ("anatomy/piriformis/", "exercises/knee-to-opposite-shoulder/")),
    # Everyday life, one guide each.
    ("get up off the floor", (GETTING_DOWN,)),
    ("getting down to the floor", (GETTING_DOWN,)),
    ("pillow between knees", (SLEEPING,)),
    ("best sleeping position", (SLEEPING,)),
    ("mattress", (SLEEPING,)),
    ("driving with sciatica", (WORK,)),
    ("lifting at work", (WORK,)),
    ("long car journey", (WORK,)),
    ("graded walking", (ACTIVE,)),
    ("going to the gym", (ACTIVE,)),
    ("running with sciatica", (ACTIVE,)),
    ("hurt vs harm", (PAIN,)),
    ("why does it still hurt", (PAIN,)),
    ("MRI scan", (TESTS,)),
    ("steroid injection", (TESTS,)),
    ("surgery for sciatica", (TESTS,)),
    ("hot water bottle", (HEAT_COLD,)),
    ("heat or ice", (HEAT_COLD,)),
    ("pregnant", (PREGNANCY_AGE,)),
    ("sciatica in pregnancy", (PREGNANCY_AGE,)),
    ("older people", (PREGNANCY_AGE,)),
]

#: Serious signs in readers' words: the red-flags page must come first, not just in the top three.
RED_FLAG_QUERIES = [
    "can't pee",
    "cant pee",
    "can\N{RIGHT SINGLE QUOTATION MARK}t pee",  # as phones type it
    "cannot pee",
    "numb bottom",
    "numb bum",
    "numb between legs",
    "numb between my legs",
    "numb when I wipe",
    "no feeling down below",
    "both legs numb",
    "numbness in both legs",
    "weakness in both legs",
    "sciatica in both legs",
    "bowel control",
    "bladder control",
    "wet myself",
    "leaking pee",
    "incontinence",
    "can't poo",
    "saddle numbness",
    "cauda equina",
    "bladder",
    "emergency",
]

#: Serious signs put the way readers put them, where the theme's ranking may favour a page
#: with a common word of the query in a heading ("feel", "down", "back"): the link to the red
#: flags above the results answers them.
SIGN_QUERIES = [
    "numb down below",
    "cant feel toilet paper",
    "can\N{RIGHT SINGLE QUOTATION MARK}t feel the toilet paper",
    "lost control of my bladder",
    "fever and back pain",
    "foot drags",
    "my foot catches when I walk",
    "unexplained weight loss",
    "pain worse at night",
    "history of cancer",
    "Bowels",
]

#: Everyday questions: no link to the red flags (whole words only, so "weeks" is not "wee").
EVERYDAY_QUERIES = ["hamstring stretch", "sitting at work", "weeks to recover", "poor posture", "pool"]

#: Misspelled words no page lists: the "Did you mean" suggestion offers the right word, and
#: accepting it finds the page. (query, suggested query, acceptable pages)
MISSPELLINGS: list[tuple[str, str, tuple[str, ...]]] = [
    ("hamstrng", "hamstring", ("anatomy/hamstrings/",)),
    ("what is sciatca", "what is sciatica", (WHAT_IS,)),
    ("pirformis", "piriformis", ("anatomy/piriformis/",)),
    ("hamstrng stretch", "hamstring stretch", ("anatomy/hamstrings/",)),
    ("nerve flosing", "nerve flossing", (NERVES_MOVE, "exercises/seated-nerve-slider/")),
    ("glute brigde", "glute bridge", ("exercises/bridge/",)),
    ("stenossis", "stenosis", ("anatomy/spinal-canal/", PREGNANCY_AGE)),
    ("virabadrasana", "virabhadrasana", ("exercises/warrior-pose/",)),
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
    return result_paths(page)


def result_paths(page: Page) -> list[str]:
    """The paths of the first five results shown, best first."""
    # One result per page: Material groups a page's matching sections under its first link.
    results = page.locator("li.md-search-result__item > a.md-search-result__link:first-child")
    links = results.evaluate_all("links => links.slice(0, 5).map(a => a.getAttribute('href'))")
    return [urlsplit(link).path for link in links]


def in_top_three(paths: list[str], acceptable: tuple[str, ...]) -> bool:
    return any(path.endswith("/" + wanted) for path in paths[:3] for wanted in acceptable)


def test_the_query_list_is_long_enough() -> None:
    assert len(QUERIES) >= 30
    assert len({query for query, _ in QUERIES}) == len(QUERIES)
    assert len(set(RED_FLAG_QUERIES)) == len(RED_FLAG_QUERIES)


@pytest.mark.parametrize(("query", "acceptable"), QUERIES, ids=[query for query, _ in QUERIES])
def test_search_finds_an_acceptable_page_in_the_top_three(
    search_page: Page, query: str, acceptable: tuple[str, ...]
) -> None:
    paths = search(search_page, query)
    assert in_top_three(paths, acceptable), f"{query!r}: top results {paths}, wanted one of {acceptable}"


@pytest.mark.parametrize("query", RED_FLAG_QUERIES)
def test_a_serious_sign_puts_the_red_flags_first(search_page: Page, query: str) -> None:
    paths = search(search_page, query)
    assert paths and paths[0].endswith("/" + RED_FLAGS), f"{query!r}: top results {paths}"
    assert sign_link(search_page) == "/" + RED_FLAGS


@pytest.mark.parametrize("query", SIGN_QUERIES)
def test_a_serious_sign_in_a_readers_words_gets_the_red_flags_link_above_the_results(
    search_page: Page, query: str
) -> None:
    search(search_page, query)
    assert sign_link(search_page) == "/" + RED_FLAGS, query


@pytest.mark.parametrize("query", EVERYDAY_QUERIES)
def test_an_everyday_query_gets_no_red_flags_link(search_page: Page, query: str) -> None:
    search(search_page, query)
    expect(search_page.locator(".sg-search-sign")).to_be_empty()


def sign_link(page: Page) -> str:
    """Where the link to the red flags above the results goes (its path), once it shows."""
    link = page.locator(".sg-search-sign a")
    expect(link).to_have_text("Check the red flags: when to get urgent help")
    return urlsplit(link.get_attribute("href") or "").path.removeprefix(urlsplit(page.url).path.rstrip("/"))


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_red_flags_link_is_announced_big_enough_passes_axe_and_opens_the_page(
    browser: Browser, served_site: str, scheme: str
) -> None:
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(served_site + "exercises/bridge/")
    page.locator("input.md-search__input").click()
    expect(page.locator(".md-search-result__meta")).to_have_text("Type to start searching", timeout=15_000)
    search(page, "cant feel toilet paper")
    region = page.locator(".sg-search-sign")
    assert region.get_attribute("aria-live") == "polite"
    expect(region).to_have_text("Is this a serious sign? Check the red flags: when to get urgent help")
    link = region.locator("a")
    box = link.bounding_box()
    assert box and box["height"] >= 24, box
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    wcag = {"runOnly": {"type": "tag", "values": WCAG_TAGS}}
    found = AXE.run(page, context=".sg-search-sign", options=wcag).response["violations"]
    assert found == [], found
    link.click()
    expect(page).to_have_url(served_site + RED_FLAGS)
    context.close()


@pytest.mark.parametrize(
    ("query", "suggested", "acceptable"), MISSPELLINGS, ids=[query for query, _, _ in MISSPELLINGS]
)
def test_a_misspelling_gets_a_suggestion_that_finds_the_page(
    search_page: Page, query: str, suggested: str, acceptable: tuple[str, ...]
) -> None:
    search(search_page, query)
    button = search_page.locator(".sg-search-suggest button")
    expect(button).to_have_text(suggested)
    button.click()
    expect(search_page.locator("input.md-search__input")).to_have_value(suggested)
    # The suggestion goes once the results for the corrected query are in.
    expect(button).to_have_count(0)
    paths = result_paths(search_page)
    assert in_top_three(paths, acceptable), f"{suggested!r}: top results {paths}, wanted one of {acceptable}"


def test_a_known_word_gets_no_suggestion(search_page: Page) -> None:
    search(search_page, "hamstring stretch")
    expect(search_page.locator(".sg-search-suggest")).to_be_empty()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_suggestion_is_announced_reachable_by_keyboard_and_passes_axe(
    browser: Browser, served_site: str, scheme: str
) -> None:
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(served_site)
    page.locator("input.md-search__input").click()
    expect(page.locator(".md-search-result__meta")).to_have_text("Type to start searching", timeout=15_000)
    search(page, "hamstrng")
    suggestion = page.locator(".sg-search-suggest")
    assert suggestion.get_attribute("aria-live") == "polite"
    expect(suggestion).to_have_text("Did you mean hamstring?")
    button = suggestion.locator("button")
    box = button.bounding_box()
    assert box and box["height"] >= 24 and box["width"] >= 24, box
    wcag = {"runOnly": {"type": "tag", "values": WCAG_TAGS}}
    # The search dialog fades in: colours measured mid-fade are not the colours a reader sees.
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    found = AXE.run(page, context=".sg-search-suggest", options=wcag).response["violations"]
    assert found == [], found
    # ArrowDown from the box reaches it, Enter takes it, and focus goes back to the box.
    search_box = page.locator("input.md-search__input")
    search_box.press("ArrowDown")
    expect(button).to_be_focused()
    button.press("Enter")
    expect(search_box).to_have_value("hamstring")
    expect(search_box).to_be_focused()
    expect(button).to_have_count(0)
    assert in_top_three(result_paths(page), ("anatomy/hamstrings/",))
    # With nothing found, Enter in the box takes the suggestion too.
    search(page, "stenossis")
    expect(button).to_have_text("stenosis")
    search_box.press("Enter")
    expect(search_box).to_have_value("stenosis")
    assert [url for url in requests if not url.startswith(served_site)] == []
    context.close()
