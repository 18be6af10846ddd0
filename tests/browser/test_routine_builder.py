"""My routine in Chromium: add from pages, reorder, change doses, share, print, and refuse crafted links."""

from __future__ import annotations

import io
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
import segno
from playwright.sync_api import Browser, BrowserContext, Page, Route, expect
from pypdf import PdfReader

from sitegen.cli import OFFLINE_CONFIG
from sitegen.content.models import Dose, Exercise
from sitegen.render.routine_catalog import MAX_ITEMS, dose_ranges
from sitegen.render.text import dose_phrases

from ..conftest import ROOT, make_project, printed_signs, run_sitegen
from .test_accessibility import tab_until, violations

pytestmark = pytest.mark.browser
PAGE = "my-routine/"
PAPERS = ("A4", "Letter")


def defaults(exercise: Exercise) -> dict[str, int]:
    """The numbers a routine starts with: the low end of each sourced dose."""
    return {key: low for key, low, _ in dose_ranges(exercise.dose)}


def dose_text(exercise: Exercise, numbers: dict[str, int]) -> str:
    """The dose as the pages word it (sitegen.render.text), for the numbers a reader chose."""
    return " · ".join(dose_phrases(Dose(**numbers, rep_seconds=6, source=exercise.dose.source)).values())


def link_code(exercise: Exercise, numbers: dict[str, int]) -> str:
    letters = {"reps": "r", "hold_seconds": "h", "sets": "s", "per_day": "d", "days_per_week": "w"}
    return (
        exercise.id + ":" + "".join(f"{letters[key]}{numbers[key]}" for key, *_ in dose_ranges(exercise.dose))
    )


def watch(page: Page) -> list[str]:
    """Collect script errors and dialogs: a crafted link must cause neither."""
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"error: {error}"))
    page.on("dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    return problems


def headings(page: Page) -> Any:
    return page.locator("[data-sg-routine-items] h2")


def doses(page: Page) -> Any:
    return page.locator("[data-sg-routine-items] [data-sg-part=dose]")


def expect_routine(page: Page, exercises: dict[str, Exercise], chosen: dict[str, dict[str, int]]) -> None:
    """The page shows exactly these exercises, in this order, with these doses."""
    names = [f"{n}. {exercises[key].name}" for n, key in enumerate(chosen, 1)]
    expect(headings(page)).to_have_text(names)
    expect(doses(page)).to_have_text([dose_text(exercises[key], numbers) for key, numbers in chosen.items()])


def share_link(page: Page) -> str:
    return page.locator("[data-sg-routine-link-out]").input_value()


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def printed(page: Page, paper: str) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(page.pdf(format=paper)))
    return len(reader.pages), "\n".join(p.extract_text() for p in reader.pages)


def route_site(context: BrowserContext, origin: str, site: Path) -> None:
    """Answer requests for the site's web address from the built site, as its host would."""

    def answer(route: Route) -> None:
        target = site / unquote(urlsplit(route.request.url).path).lstrip("/")
        target = target / "index.html" if target.is_dir() else target
        if target.is_file():
            route.fulfill(path=target)
        else:
            route.fulfill(status=404)

    context.route(f"{origin}**", answer)


@pytest.fixture
def tab(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    yield context.new_page()
    context.close()


# --- the "done when" -----------------------------------------------------------


def test_add_from_two_pages_reorder_change_share_and_print(
    browser: Browser, served_site: str, real_site: Path, exercises: dict[str, Exercise]
) -> None:
    context = browser.new_context()
    page = context.new_page()
    problems = watch(page)
    # One exercise from its own page...
    page.goto(served_site + "exercises/bridge/")
    page.get_by_role("button", name="Add to my routine (Bridge)").click()
    expect(page.get_by_role("button", name="Remove from my routine (Bridge)")).to_be_visible()
    expect(page.locator("[data-sg-routine-count]")).to_have_text("My routine (1)")
    # ...and two from the library's cards.
    page.goto(served_site + "exercises/")
    page.get_by_role("button", name="Add to my routine (Single knee-to-chest stretch)").click()
    page.get_by_role("button", name="Add to my routine (Seated sciatic nerve slider)").click()
    expect(page.get_by_role("status").last).to_have_text(
        "Seated sciatic nerve slider added. Your routine has 3 exercises."
    )
    page.get_by_role("link", name="My routine (3)").click()
    chosen = {key: defaults(exercises[key]) for key in ("bridge", "knee-to-chest", "seated-nerve-slider")}
    expect_routine(page, exercises, chosen)

    page.get_by_role("button", name="Move up (Seated sciatic nerve slider)").click()
    chosen = {key: chosen[key] for key in ("bridge", "seated-nerve-slider", "knee-to-chest")}
    expect_routine(page, exercises, chosen)
    expect(page.locator("[data-sg-routine-status]")).to_have_text(
        "Seated sciatic nerve slider moved to number 2 of 3."
    )

    page.get_by_label("Repetitions").first.fill("11")  # the bridge's top is 12
    page.get_by_label("Seconds to hold").fill("25")  # knee to chest: 20–30 seconds
    chosen["bridge"]["reps"] = 11
    chosen["knee-to-chest"]["hold_seconds"] = 25
    expect_routine(page, exercises, chosen)
    source = exercises["bridge"].dose.source
    expect(page.locator("#sg-item-bridge + figure ~ fieldset a")).to_have_attribute(
        "href", f"../references/#{source}"
    )
    expect(page.get_by_role("link", name="Bridge", exact=True)).to_have_attribute(
        "href", "../exercises/bridge/"
    )
    page.get_by_label("Title").fill("Back routine for Sam")
    page.get_by_label("For", exact=True).fill("Sam")
    page.get_by_label("From", exact=True).fill("Dr Lee, physiotherapist")

    link = share_link(page)
    canonical = page.locator("link[rel=canonical]").get_attribute("href")
    assert canonical and canonical.endswith("/my-routine/")
    code = ",".join(link_code(exercises[key], numbers) for key, numbers in chosen.items())
    assert link == f"{canonical}#r={code}"
    assert "Sam" not in link  # names and notes stay in this browser

    for paper in PAPERS:
        count, text = printed(page, paper)
        assert count <= 2, f"{count} {paper} pages"
        flat = squash(text)
        wanted = ["Back routine for Sam", "For: Sam", "From: Dr Lee, physiotherapist", "My log for 2 weeks"]
        wanted += [*printed_signs(), "Stop and get help if", link.split("://")[1]]
        for key, numbers in chosen.items():
            wanted += [exercises[key].name, dose_text(exercises[key], numbers), *exercises[key].steps]
            wanted += exercises[key].stop_rules.stop
        dates = sorted({exercises[key].reviewed.isoformat() for key in chosen})
        wanted.append(f"Last reviewed: {', '.join(dates)}.")
        for line in wanted:
            assert squash(line) in flat, f"{line!r} missing from the {paper} print"
        for chrome in ("Move up", "Save as my routine", "Print my routine", "Copy link", "Table of contents"):
            assert chrome not in text, f"{chrome!r} printed"
    assert problems == []

    # The link, opened in a browser that has never seen this routine, shows the same one.
    fresh = browser.new_context()
    route_site(fresh, canonical.removesuffix(PAGE), real_site)
    other = fresh.new_page()
    other_problems = watch(other)
    other.goto(link)
    expect_routine(other, exercises, chosen)
    expect(other.get_by_role("button", name="Save as my routine")).to_be_visible()
    expect(other.locator("[data-sg-routine-notice]")).to_be_hidden()
    assert share_link(other) == link
    assert other_problems == []
    fresh.close()
    context.close()


# --- links are data: checked, never run ------------------------------------------------

CRAFTED = (
    "#r=<script>window.__pwned=1</script>,<img src=x onerror=window.__pwned=2>,"
    "<img src=y onerror=alert(1)>,bridge:r10<svg/onload=alert(2)>"
)


def test_a_crafted_link_shows_a_notice_and_runs_nothing(
    tab: Page, served_site: str, exercises: dict[str, Exercise]
) -> None:
    problems = watch(tab)
    requests: list[str] = []
    tab.on("request", lambda request: requests.append(request.url))
    tab.goto(served_site + PAGE + CRAFTED)
    notice = tab.get_by_role("alert")
    expect(notice).to_be_visible()
    expect(notice.locator("li")).to_have_text(
        [
            "Numbers “r10<svg/onload=alert(2)>” not read; the guide’s dose is used.",
            "“<script>window.__pwned=1</script>” is not an exercise in this guide; left out.",
            "“<img src=x onerror=window.__pwned=2>” is not an exercise in this guide; left out.",
            "“<img src=y onerror=alert(1)>” is not an exercise in this guide; left out.",
        ]
    )
    # The bridge is read, with the guide's own dose.
    expect_routine(tab, exercises, {"bridge": defaults(exercises["bridge"])})
    assert tab.evaluate("() => window.__pwned") is None
    assert "&lt;script&gt;" in notice.inner_html()
    injected = (
        "img[src=x], img[src=y], [onerror], [onload], svg:not(.sg-figure):not(.sg-qr):not(.md-icon svg)"
    )
    assert tab.locator(f"article :is({injected})").count() == 0
    assert not any(re.search(r"/[xy]$", url) for url in requests)
    assert problems == []


def test_unknown_ids_and_doses_outside_the_safe_range_are_left_out_with_a_notice(
    tab: Page, served_site: str, exercises: dict[str, Exercise]
) -> None:
    problems = watch(tab)
    link = "#r=bridge:r99s2w3,knee-to-chest:h0,no-such-exercise:r1,childs-pose:x5,bridge:r9,constructor:r1"
    tab.goto(served_site + PAGE + link)
    expect(tab.get_by_role("alert").locator("li")).to_have_text(
        [
            "Bridge: repetitions “99” is not from 1 to 12, so it is 8.",
            "Single knee-to-chest stretch: seconds to hold “0” is not from 1 to 30, so it is 20.",
            "“no-such-exercise” is not an exercise in this guide; left out.",
            "Child's pose: it has no “x”; left out.",
            "Bridge is in it twice; shown once.",
            "“constructor” is not an exercise in this guide; left out.",
        ]
    )
    chosen = {
        "bridge": {"reps": 8, "sets": 2, "days_per_week": 3},
        "knee-to-chest": defaults(exercises["knee-to-chest"]),
        "childs-pose": defaults(exercises["childs-pose"]),
    }
    expect_routine(tab, exercises, chosen)
    code = ",".join(link_code(exercises[key], numbers) for key, numbers in chosen.items())
    assert share_link(tab).endswith(f"/{PAGE}#r={code}")
    # A number typed past the top is refused: the sheet keeps the last good one.
    field = tab.locator("#sg-sets-bridge")
    field.fill("3")
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(tab.locator("#sg-sets-bridge-e")).to_be_visible()
    expect(doses(tab).first).to_have_text(dose_text(exercises["bridge"], chosen["bridge"]))
    assert problems == []


def test_a_routine_holds_at_most_the_maximum(
    tab: Page, served_site: str, exercises: dict[str, Exercise]
) -> None:
    keys = sorted(exercises)[: MAX_ITEMS + 1]
    tab.goto(served_site + PAGE + "#r=" + ",".join(keys))
    expect(headings(tab)).to_have_count(MAX_ITEMS)
    expect(tab.get_by_role("alert")).to_contain_text(f"left out; a routine holds {MAX_ITEMS} at most.")
    tab.goto(served_site + "exercises/")
    tab.evaluate(
        "ids => localStorage.setItem('sg-routine', JSON.stringify({items: ids.map(id => ({id}))}))", keys
    )
    tab.reload()
    tab.get_by_role("button", name=f"Add to my routine ({exercises[keys[-1]].name})").click()
    expect(tab.get_by_role("status").last).to_contain_text(
        f"Your routine is full. Remove one of its {MAX_ITEMS}"
    )


def test_the_largest_routine_with_the_longest_texts_prints_on_two_sheets(
    tab: Page, served_site: str, exercises: dict[str, Exercise]
) -> None:
    def length(e: Exercise) -> int:  # printed lines, roughly: text plus a line's worth per step
        return sum(len(line) for line in [*e.steps, *e.stop_rules.stop]) + 40 * len(e.steps)

    keys = sorted(exercises, key=lambda key: -length(exercises[key]))[:MAX_ITEMS]
    tab.goto(served_site + PAGE + "#r=" + ",".join(keys))
    expect(headings(tab)).to_have_count(MAX_ITEMS)
    words = "Do these after a short walk, when your back is warm. Stop if the pain spreads. " * 4
    for label in ("Title", "For", "From", "Note"):
        field = tab.get_by_label(label, exact=True)
        field.fill(words[: int(field.get_attribute("maxlength") or 0)])
    for paper in PAPERS:
        count, text = printed(tab, paper)
        assert count <= 2, f"{MAX_ITEMS} exercises print on {count} {paper} pages"
        flat = squash(text)
        for key in keys:
            for line in (exercises[key].name, dose_text(exercises[key], defaults(exercises[key]))):
                assert squash(line) in flat, f"{line!r} missing from the {paper} print"
        for line in printed_signs():
            assert squash(line) in flat, f"{line!r} missing from the {paper} print"


def test_opening_a_link_keeps_your_routine_until_you_save(tab: Page, served_site: str) -> None:
    tab.goto(served_site + "exercises/")
    mine = '{"items":[{"id":"cat-cow","dose":{}}],"text":{"title":"Mine"}}'
    tab.evaluate("value => localStorage.setItem('sg-routine', value)", mine)
    tab.goto(served_site + PAGE + "#r=bridge:r9s1w2")
    expect(tab.get_by_text("Saving it replaces the routine you have now.")).to_be_visible()
    expect(headings(tab)).to_have_text(["1. Bridge"])
    assert tab.evaluate("() => localStorage.getItem('sg-routine')") == mine
    tab.get_by_role("button", name="Save as my routine").click()
    expect(tab.locator("[data-sg-routine-shared]")).to_be_hidden()
    expect(headings(tab).first).to_be_focused()
    assert urlsplit(tab.url).fragment == ""
    stored = tab.evaluate("() => JSON.parse(localStorage.getItem('sg-routine')).items")
    assert stored == [{"id": "bridge", "dose": {"reps": 9, "sets": 1, "days_per_week": 2}}]
    tab.goto(served_site + "exercises/cat-cow/")
    expect(tab.get_by_role("button", name="Add to my routine (Cat-cow)")).to_be_visible()


def test_text_from_storage_is_shown_as_text(tab: Page, served_site: str) -> None:
    problems = watch(tab)
    tab.goto(served_site + "exercises/")
    title = "<img src=x onerror=alert(1)>"
    stored = {
        "items": [{"id": "bridge", "dose": {"reps": "twelve"}}],
        "text": {"title": title, "note": "<b>hi</b>"},
    }
    tab.evaluate("value => localStorage.setItem('sg-routine', JSON.stringify(value))", stored)
    tab.goto(served_site + PAGE)
    expect(tab.locator("[data-sg-routine-out=title]")).to_have_text(title)
    expect(tab.get_by_label("Title")).to_have_value(title)
    expect(tab.get_by_role("alert")).to_contain_text(
        "Bridge: repetitions “twelve” is not from 1 to 12, so it is 8."
    )
    assert tab.locator("article img, article b").count() == 0
    assert problems == []


# --- without JavaScript, without storage, without a network -----------------------------


def test_without_javascript_the_page_says_so_and_offers_ready_made_sheets(
    browser: Browser, served_site: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served_site + PAGE)
    expect(page.get_by_text("This page needs JavaScript")).to_be_visible()
    expect(page.locator("[data-sg-routine-app], [data-sg-routine-sheet]")).to_have_count(2)
    expect(page.locator("[data-sg-routine-app]")).to_be_hidden()
    page.get_by_role("link", name="Gentle start for a sciatica flare").click()
    expect(page.get_by_role("link", name="Download PDF")).to_be_visible()
    page.goto(served_site + "exercises/bridge/")
    expect(page.locator("[data-sg-routine-add]")).to_be_hidden()
    context.close()


def test_blocked_storage_keeps_the_routine_for_the_page_and_says_so(
    browser: Browser, served_site: str
) -> None:
    context = browser.new_context()
    # The theme's own scripts do not expect this either: only errors raised in ours count.
    context.add_init_script(
        "Object.defineProperty(window, 'localStorage', {get() {"
        " const ours = /routine\\.js/.test(new Error().stack);"
        " throw new DOMException(ours ? 'blocked in ours' : 'blocked', 'SecurityError'); }});"
    )
    page = context.new_page()
    problems = watch(page)
    page.goto(served_site + "exercises/bridge/")
    page.get_by_role("button", name="Add to my routine (Bridge)").click()
    expect(page.get_by_role("status").last).to_contain_text(
        "This browser does not keep it when you leave the page."
    )
    expect(page.get_by_role("button", name="Remove from my routine (Bridge)")).to_be_visible()
    page.goto(served_site + PAGE + "#r=bridge:r9s1w2")
    expect(page.locator("[data-sg-routine-storage]")).to_be_visible()
    page.get_by_role("button", name="Save as my routine").click()
    expect(headings(page)).to_have_text(["1. Bridge"])
    page.get_by_role("button", name="Remove (Bridge)").click()
    expect(page.locator("[data-sg-routine-empty]")).to_be_focused()
    assert "error: blocked" in problems, "the test blocks storage"
    assert [problem for problem in problems if problem != "error: blocked"] == []
    context.close()


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline copy (file://, page.html links), built once for this module, without PDFs."""
    project = make_project(tmp_path_factory.mktemp("offline-routine") / "project", ROOT)
    shutil.copy2(ROOT / OFFLINE_CONFIG, project / OFFLINE_CONFIG)
    result = run_sitegen(project, "offline", "--site-dir", "build/copy", "--zip", "build/copy.zip")
    assert result.returncode == 0, result.stderr
    return project / "build/copy"


def test_the_offline_copy_builds_routines_from_file_with_no_network(
    browser: Browser, offline_site: Path, exercises: dict[str, Exercise]
) -> None:
    context = browser.new_context(offline=True)
    page = context.new_page()
    problems = watch(page)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto((offline_site / "exercises/bridge.html").as_uri())
    page.get_by_role("button", name="Add to my routine (Bridge)").click()
    page.goto((offline_site / "exercises/index.html").as_uri())
    page.get_by_role("button", name="Add to my routine (Cat-cow)").click()
    page.get_by_role("link", name="My routine (2)").click()
    assert page.url.endswith("/my-routine.html")
    expect_routine(page, exercises, {key: defaults(exercises[key]) for key in ("bridge", "cat-cow")})
    expect(page.locator("[data-sg-routine-items] svg.sg-figure")).to_have_count(2)
    expect(page.locator("[data-sg-routine-qr] svg.sg-qr")).to_have_count(2)
    # Printed from a USB stick, the sheet still points to the site on the web.
    assert re.match(r"https://[^/]+/my-routine/#r=bridge:", share_link(page))
    page.get_by_role("link", name="Cat-cow").first.click()
    assert page.url.endswith("/exercises/cat-cow.html")
    assert [url for url in requests if not url.startswith("file:")] == []
    assert problems == []
    context.close()


# --- keyboard and accessibility ---------------------------------------------------------


def test_keyboard_alone_adds_reorders_changes_and_removes(tab: Page, served_site: str) -> None:
    page = tab
    page.goto(served_site + "exercises/bridge/")
    rings = tab_until(page, "[data-sg-routine-add] button")
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Remove from my routine (Bridge)")).to_be_focused()
    page.goto(served_site + "exercises/")
    rings += tab_until(page, "[data-sg-routine-add='seated-nerve-slider'] button", limit=300)
    page.keyboard.press("Space")
    expect(page.locator("[data-sg-routine-count]")).to_have_text("My routine (2)")
    page.goto(served_site + PAGE)
    rings += tab_until(page, "#sg-reps-bridge")
    page.keyboard.press("ArrowUp")
    expect(doses(page).first).to_contain_text("9 repetitions")
    rings += tab_until(page, "#sg-down-bridge")
    page.keyboard.press("Enter")
    expect(headings(page)).to_have_text(["1. Seated sciatic nerve slider", "2. Bridge"])
    expect(page.locator("#sg-down-bridge")).to_be_focused()
    expect(page.locator("[data-sg-routine-status]")).to_have_text("Bridge moved to number 2 of 2.")
    page.keyboard.press("Enter")
    expect(page.locator("[data-sg-routine-status]")).to_have_text("Bridge is already last.")
    rings += tab_until(page, "#sg-remove-bridge")
    page.keyboard.press("Enter")
    expect(page.locator("#sg-item-seated-nerve-slider")).to_be_focused()
    expect(page.locator("[data-sg-routine-status]")).to_have_text(
        "Bridge removed. Your routine has 1 exercise."
    )
    rings += tab_until(page, "#sg-remove-seated-nerve-slider")
    page.keyboard.press("Space")
    expect(page.locator("[data-sg-routine-empty]")).to_be_focused()
    assert "none" not in rings, "every element Tab stops on shows a focus ring"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_with_a_routine_loaded(browser: Browser, served_site: str, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme, viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(served_site + PAGE + "#r=bridge:r99,knee-to-chest,warrior-pose")
    expect(headings(page)).to_have_count(3)
    page.locator("#sg-reps-bridge").fill("40")  # an error message showing, too
    assert violations(page) == []
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320
    context.close()


# --- the printed QR code ----------------------------------------------------------------


def modules_of(path_data: str) -> set[tuple[int, int]]:
    """The dark modules of a QR path drawn as 'Mx yh1v1h-1z' squares (2-module border)."""
    return {(int(x) - 2, int(y) - 2) for x, y in re.findall(r"M(\d+) (\d+)h1v1h-1z", path_data)}


def test_the_printed_qr_code_is_the_share_link(tab: Page, served_site: str) -> None:
    tab.goto(served_site + PAGE + "#r=bridge:r10s2w3,knee-to-chest:r3h25s1d1,seated-nerve-slider:r10s1d2")
    expect(headings(tab)).to_have_count(3)
    link = share_link(tab)
    drawn = modules_of(tab.locator(".sg-address [data-sg-routine-qr] path").get_attribute("d") or "")
    matrix = (
        "url => { const c = leanQR.generate(url); return Array.from({length: c.size}, (_, y) => "
        "Array.from({length: c.size}, (_, x) => c.get(x, y) ? 1 : 0)); }"
    )
    expected = tab.evaluate(matrix, link)
    assert drawn == {(x, y) for y, row in enumerate(expected) for x, bit in enumerate(row) if bit}
    # The library builds the same code as segno (an independent encoder) from the same bits:
    # UTF-8 with its ECI header, one error level and mask. (Left to choose, they pad and
    # pick masks differently, and lean-qr mixes modes to make the code smaller.)
    fixed = "generate(leanQR.mode.utf8(url), {minCorrectionLevel: 1, maxCorrectionLevel: 1, mask: 5})"
    ours = tab.evaluate(matrix.replace("generate(url)", fixed), link)
    reference = segno.make(
        link, mode="byte", encoding="utf-8", eci=True, error="m", boost_error=False, mask=5
    )
    assert len(ours) > 40 and ours == [list(row) for row in reference.matrix]
