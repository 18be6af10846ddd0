"""In Chromium: the Follow along session (session.js, session-cues.js) counts exactly the dose,
times holds, rests and get-ready, switches sides only where the data says so, speaks and
keeps the screen on only as asked, keeps its record on the device, and works by keyboard.
Playwright's clock stands in for time, so no test waits for real seconds."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from .test_accessibility import violations

pytestmark = pytest.mark.browser

#: Records what a session announces in its live region, and what it would say aloud.
RECORDER = """
window.sgHeard = []; window.sgSpoken = []; window.sgLock = [];
document.addEventListener('DOMContentLoaded', () => {
  const live = document.querySelector('[data-sg-out="live"]');
  if (live) new MutationObserver(() => live.textContent && sgHeard.push(live.textContent))
    .observe(live, {childList: true, characterData: true, subtree: true});
});
"""
FAKE_SPEECH = """
Object.defineProperty(window, 'speechSynthesis', {configurable: true,
  value: {speak: (u) => sgSpoken.push(u.text), cancel: () => {}}});
"""
NO_SPEECH = "Object.defineProperty(window, 'speechSynthesis', {configurable: true, value: undefined});"
FAKE_LOCK = """
Object.defineProperty(navigator, 'wakeLock', {configurable: true, value: {
  request: async (kind) => { sgLock.push('request ' + kind);
    return {release: async () => { sgLock.push('release'); }}; }}});
"""
#: Long enough for any session below to end.
WHOLE = 30 * 60 * 1000


@pytest.fixture
def tab(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    options = getattr(request, "param", {})
    context = browser.new_context(viewport={"width": 320, "height": 700}, **options)
    page = context.new_page()
    page.add_init_script(RECORDER)
    page.clock.install()
    yield page
    context.close()


def start(tab: Page, base: str, what: str, speech: bool = False, pause: bool = True) -> None:
    tab.goto(f"{base}follow-along/#{what}")
    expect(tab.locator("[data-sg-view=intro]")).to_be_visible()
    if speech:
        tab.get_by_label("Spoken cues").check()
    if pause:  # from here on only run_for moves time, so a slow machine cannot stretch a phase
        tab.clock.pause_at(tab.evaluate("Date.now()") / 1000 + 1)  # seconds, in Python
    tab.get_by_role("button", name="I have read this. Start").click()


def heard(tab: Page) -> list[str]:
    return list(tab.evaluate("sgHeard"))


def reps(lines: list[str]) -> list[str]:
    return [line for line in lines if re.fullmatch(r"Rep \d+ of \d+\.", line)]


def phase(tab: Page) -> str:
    return tab.locator("[data-sg-out=phase]").inner_text()


def count(tab: Page) -> str:
    return tab.locator("[data-sg-out=count]").inner_text()


@pytest.mark.parametrize(
    ("what", "expected", "switches", "rests"),
    [
        (
            "e=seated-nerve-slider",
            ["Rep 1 of 5.", "Rep 2 of 5.", "Rep 3 of 5.", "Rep 4 of 5.", "Rep 5 of 5."],
            0,
            0,
        ),
        # A shared link's doses: 8 repetitions, 2 sets, with a rest between.
        ("r=bridge:r8s2w2", [f"Rep {n} of 8." for n in range(1, 9)] * 2, 0, 1),
        # Taking turns, 3 on each leg: a switch before every turn but the first.
        ("e=knee-to-chest", [f"Rep {n} of 3." for n in (1, 1, 2, 2, 3, 3)], 5, 0),
        # Every set on one side, then the other: 2 sets a side, a rest within each side.
        ("e=warrior-pose", ["Rep 1 of 1."] * 4, 1, 2),
    ],
)
def test_a_session_counts_exactly_its_dose(
    tab: Page, served_site: str, what: str, expected: list[str], switches: int, rests: int
) -> None:
    start(tab, served_site, what)
    tab.clock.run_for(WHOLE)
    expect(tab.locator("[data-sg-out=done]")).to_have_text("Well done. That is the end of the session.")
    lines = heard(tab)
    assert reps(lines) == expected
    assert sum(line.startswith("Switch sides.") for line in lines) == switches
    assert sum(line.startswith("Rest.") for line in lines) == rests


def test_a_hold_counts_its_seconds_and_get_ready_and_rest_run_their_length(
    tab: Page, served_site: str
) -> None:
    # Figure-four: 5 s to get ready, 5 s into the stretch, a 20 s hold (the dose's low end).
    start(tab, served_site, "e=figure-four-stretch")
    assert phase(tab) == "Get ready" and count(tab) == "5"
    tab.clock.run_for(4_900)
    assert phase(tab) == "Get ready" and count(tab) == "1"
    tab.clock.run_for(200)
    assert phase(tab) == "Rep 1 of 3"
    tab.clock.run_for(5_000)
    assert phase(tab) == "Hold" and count(tab) == "20"
    seen = []
    for _ in range(19):
        tab.clock.run_for(1_000)
        seen.append(count(tab))
    assert seen == [str(n) for n in range(19, 0, -1)]
    tab.clock.run_for(1_000)
    assert phase(tab) == "Rep 1 of 3"
    # A rest between sets runs for the sourced default (content/session.yaml: 30 s).
    start(tab, served_site, "r=bridge:r1s2w2")
    tab.clock.run_for(5_000 + 10_000 + 100)
    assert phase(tab) == "Rest" and count(tab) == "30"
    tab.clock.run_for(29_700)
    assert phase(tab) == "Rest"
    tab.clock.run_for(300)
    assert phase(tab) == "Rep 1 of 1"


def test_the_switch_cue_comes_only_for_exercises_done_on_each_side(tab: Page, served_site: str) -> None:
    start(tab, served_site, "routine=gentle-start")
    tab.clock.run_for(WHOLE)
    data = json.loads(tab.locator("#sg-session-data").text_content() or "{}")
    lines = heard(tab)
    one_sided = [e["switch_cue"] for e in data["exercises"].values() if e["sides"] != "one"]
    assert all(
        line.removeprefix("Switch sides. 5 seconds. ") in one_sided for line in lines if "Switch" in line
    )
    tab.goto(f"{served_site}follow-along/#e=seated-nerve-slider")  # the same page: a new #
    tab.evaluate("sgHeard.length = 0")
    tab.get_by_role("button", name="I have read this. Start").click()
    tab.clock.run_for(WHOLE)
    assert not any("Switch" in line for line in heard(tab))


def test_spoken_cues_only_when_turned_on(tab: Page, served_site: str) -> None:
    tab.add_init_script(FAKE_SPEECH)
    start(tab, served_site, "e=knee-to-opposite-shoulder", speech=True)
    tab.clock.run_for(WHOLE)
    spoken = tab.evaluate("sgSpoken")
    assert spoken[0] == "Get ready for Knee to opposite shoulder stretch."
    assert spoken.count("Hold.") == 6 and spoken.count("Switch to your other leg.") == 5
    assert [s for s in spoken if s.isdigit()] == ["1", "1", "2", "2", "3", "3"]
    assert spoken[-1] == "Well done. That is the end of the session."
    # Turned off (and remembered off), nothing is said.
    tab.reload()
    expect(tab.get_by_label("Spoken cues")).to_be_checked()
    tab.get_by_label("Spoken cues").uncheck()
    tab.get_by_role("button", name="I have read this. Start").click()
    tab.clock.run_for(WHOLE)
    assert tab.evaluate("sgSpoken") == []


def test_without_speech_the_cues_are_text_and_the_session_runs(tab: Page, served_site: str) -> None:
    tab.add_init_script(NO_SPEECH)
    tab.goto(f"{served_site}follow-along/#e=knee-to-chest")
    expect(tab.get_by_label("Spoken cues")).to_be_disabled()
    expect(tab.get_by_text("This browser cannot speak")).to_be_visible()
    tab.get_by_role("button", name="I have read this. Start").click()
    tab.clock.run_for(15_000)
    expect(tab.locator("[data-sg-out=cue]")).to_have_text("Hold still, and keep breathing.")
    tab.clock.run_for(WHOLE)
    expect(tab.locator("[data-sg-out=done]")).to_be_visible()


def test_the_screen_stays_on_only_while_the_session_runs(tab: Page, served_site: str) -> None:
    tab.add_init_script(FAKE_LOCK)
    start(tab, served_site, "e=seated-nerve-slider")
    tab.clock.run_for(1_000)
    assert tab.evaluate("sgLock") == ["request screen"]
    tab.keyboard.press("Space")  # pause
    expect(tab.get_by_role("button", name="Resume")).to_be_visible()
    assert tab.evaluate("sgLock") == ["request screen", "release"]
    tab.keyboard.press("Space")
    tab.clock.run_for(1_000)
    assert tab.evaluate("sgLock")[-1] == "request screen"
    # A hidden page pauses the session and lets the screen sleep.
    tab.evaluate(
        "Object.defineProperty(document, 'hidden', {configurable: true, value: true});"
        "document.dispatchEvent(new Event('visibilitychange'))"
    )
    expect(tab.get_by_role("button", name="Resume")).to_be_visible()
    assert tab.evaluate("sgLock")[-1] == "release"
    before = phase(tab), count(tab)
    tab.clock.run_for(20_000)
    assert (phase(tab), count(tab)) == before, "the count ran on while paused"
    tab.evaluate("Object.defineProperty(document, 'hidden', {configurable: true, value: false})")
    tab.get_by_role("button", name="Resume").click()
    tab.clock.run_for(WHOLE)
    assert tab.evaluate("sgLock")[-2:] == ["request screen", "release"]


def test_the_answer_is_kept_on_the_device_and_worse_shows_the_rules(tab: Page, served_site: str) -> None:
    requests: list[str] = []
    tab.on("request", lambda r: requests.append(r.url))
    start(tab, served_site, "e=pigeon-pose")
    tab.clock.run_for(WHOLE)
    tab.get_by_role("button", name="Worse").click()
    advice = tab.locator("[data-sg-out=advice]")
    expect(advice).to_contain_text("Do less next time, or do the easier version")
    data = json.loads(tab.locator("#sg-session-data").text_content() or "{}")
    pigeon = data["exercises"]["pigeon-pose"]
    expect(advice).to_contain_text(pigeon["bad_day"])
    for rule in pigeon["stop"]:
        expect(advice).to_contain_text(rule)
    stored = json.loads(tab.evaluate("localStorage.getItem('sg-sessions')"))
    assert len(stored) == 1
    assert stored[0]["items"] == [
        {"id": "pigeon-pose", "dose": {"reps": 2, "hold_seconds": 20, "sets": 1, "days_per_week": 2}}
    ]
    assert stored[0]["done"] is True and stored[0]["feel"] == "worse"
    # Changing the answer changes the one record, and a stopped session is kept as stopped.
    tab.get_by_role("button", name="Better").click()
    assert [r["feel"] for r in json.loads(tab.evaluate("localStorage.getItem('sg-sessions')"))] == ["better"]
    tab.goto(f"{served_site}follow-along/#e=bridge")
    tab.get_by_role("button", name="I have read this. Start").click()
    tab.get_by_role("button", name="Stop").click()
    expect(tab.locator("[data-sg-out=done]")).to_have_text("You stopped the session.")
    stored = json.loads(tab.evaluate("localStorage.getItem('sg-sessions')"))
    assert [(r["done"], r["feel"]) for r in stored] == [(True, "better"), (False, None)]
    assert all(url.startswith(served_site) for url in requests), "a request left the site"


def test_a_whole_session_by_keyboard_with_big_controls(tab: Page, served_site: str) -> None:
    tab.goto(f"{served_site}follow-along/#e=seated-pelvic-tilt")
    for _ in range(200):
        tab.keyboard.press("Tab")
        if tab.evaluate("document.activeElement.dataset.sgDo") == "begin":
            break
    tab.keyboard.press("Enter")
    expect(tab.locator("[data-sg-view=run]")).to_be_visible()
    for name in ("Back", "Pause", "Skip", "Stop"):
        box = tab.get_by_role("button", name=name, exact=True).bounding_box()
        assert box and box["width"] >= 44 and box["height"] >= 44, (name, box)
    tab.keyboard.press("Space")
    expect(tab.get_by_role("button", name="Resume")).to_be_focused()
    tab.keyboard.press("Space")
    expect(tab.get_by_role("button", name="Pause")).to_be_visible()
    tab.keyboard.press("Tab")  # Skip: past get ready
    tab.keyboard.press("Enter")
    assert phase(tab) == "Rep 1 of 5"
    tab.keyboard.press("Shift+Tab")
    tab.keyboard.press("Shift+Tab")  # Back: get ready again
    tab.keyboard.press("Enter")
    assert phase(tab) == "Get ready"
    tab.clock.run_for(WHOLE)
    expect(tab.locator("[data-sg-out=done]")).to_be_focused()
    tab.keyboard.press("Tab")
    tab.keyboard.press("Tab")  # Better, About the same
    tab.keyboard.press("Enter")
    expect(tab.locator("[data-sg-out=advice]")).to_contain_text("That is fine")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_session_passes_axe_at_320_px(browser: Browser, served_site: str, scheme: str) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 640}, color_scheme=scheme)
    page = context.new_page()
    page.clock.install()
    start(page, served_site, "routine=gentle-start", pause=False)  # axe needs its timers
    found = {}
    for moment, wait in (("get ready", 1_000), ("a repetition", 5_000), ("a hold", 4_000)):
        page.clock.run_for(wait)
        found[moment] = violations(page)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, (moment, width)
    page.get_by_role("button", name="Stop").click()
    page.get_by_role("button", name="Worse").click()
    found["the end"] = violations(page)
    context.close()
    assert not any(found.values()), found


def test_follow_along_links_open_the_session(page: Page, served_site: str) -> None:
    page.goto(served_site + "exercises/bridge/")
    page.get_by_role("link", name="Follow along").click()
    expect(page.locator("#sg-session-title")).to_have_text("Bridge")
    page.goto(served_site + "routines/gentle-start/")
    title = page.locator("h1").inner_text().rstrip("¶").strip()
    page.get_by_role("link", name="Follow along").click()
    expect(page.locator("#sg-session-title")).to_have_text(title)
    # My routine passes its own numbers on.
    page.goto(served_site + "my-routine/#r=bridge:r9s2w2")
    page.get_by_role("link", name="Follow along with this routine").click()
    expect(page.locator("#sg-session-title")).to_have_text("A shared routine")
    expect(page.locator("[data-sg-out=summary]")).to_contain_text("1 exercise")
    # Without JavaScript, the link is not offered, and the page says it cannot run.
    context = page.context.browser.new_context(java_script_enabled=False)  # type: ignore[union-attr]
    still = context.new_page()
    still.goto(served_site + "exercises/bridge/")
    expect(still.get_by_role("link", name="Follow along")).to_be_hidden()
    still.goto(served_site + "follow-along/#e=bridge")
    expect(still.get_by_text("This page needs JavaScript")).to_be_visible()
    context.close()


def body(tab: Page) -> list[str]:
    """The session figure's moving body as drawn now."""
    return tab.locator("[data-sg-out=figure] g.sg-live").evaluate(
        "g => [...g.querySelectorAll('path, circle')].map("
        "e => e.getAttribute('d') || `${e.getAttribute('cx')} ${e.getAttribute('cy')}`)"
    )


def test_the_figure_moves_with_the_count_and_keeps_still_in_a_hold(tab: Page, served_site: str) -> None:
    # Knee to chest: 5 s to get ready, 5 s into the stretch, a 20 s hold, 5 s back.
    start(tab, served_site, "e=knee-to-chest")
    tab.clock.run_for(1_000)
    ready = body(tab)
    tab.clock.run_for(3_000)
    assert body(tab) == ready, "the figure moved while getting ready"
    seen = []
    for _ in range(4):
        tab.clock.run_for(1_200)
        seen.append(tuple(body(tab)))
    assert len(set(seen)) == 4 and list(seen[0]) != ready, "the figure did not move with the repetition"
    tab.clock.run_for(2_000)
    assert phase(tab) == "Hold"
    held = body(tab)
    tab.clock.run_for(10_000)
    assert body(tab) == held, "the figure moved during the hold"
    tab.keyboard.press("Space")
    paused = body(tab)
    tab.clock.run_for(20_000)
    assert body(tab) == paused, "the figure moved while paused"
