"""In Chromium: My progress (progress.js, progress-store.js, progress-chart.js) keeps a diary on
the device: check-ins that survive a reload, a chart whose points are the stored data, a
weekly summary, the safety prompts of content/red-flags.yaml, a CSV export and import that
lose nothing and refuse a bad file, "delete everything", Follow along sessions, blocked
storage, and a one-page printed report. The clock is fixed, so "the last 7 days" is known."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from sitegen.content.load import load_corpus

from ..conftest import ROOT
from .test_accessibility import violations
from .test_session import WHOLE, start

pytestmark = pytest.mark.browser

#: The browser's "now": London in December is UTC, so local times are plain to write here.
NOW = dt.datetime(2026, 12, 4, 18, 0)
HEADER = [
    "Date",
    "Time",
    "Leg pain (0-10)",
    "Back pain (0-10)",
    "New numbness or weakness",
    "Sessions",
    "How it felt",
    "Session",
    "Note",
    "Added by",
]
FIELDS = ("at", "leg", "back", "numb", "sessions", "feel", "what", "note", "from")


def entry(days_ago: int, time: str = "09:00", **values: Any) -> dict[str, Any]:
    """One diary entry as the page stores it, `days_ago` days before NOW."""
    day = (NOW - dt.timedelta(days=days_ago)).date().isoformat()
    base = {"leg": None, "back": None, "numb": "", "sessions": 0, "feel": "", "what": "", "note": ""}
    return {"id": f"t{days_ago}-{time}", "at": f"{day}T{time}", **base, "from": "check-in", **values}


@pytest.fixture
def tab(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(
        viewport={"width": 360, "height": 800}, timezone_id="Europe/London", accept_downloads=True
    )
    page = context.new_page()
    page.clock.install(time=NOW)
    yield page
    context.close()


def open_with(tab: Page, base: str, entries: list[dict[str, Any]], routine: Any = None) -> None:
    """My progress with this diary (and routine) in the browser's storage."""
    tab.goto(f"{base}my-progress/")
    tab.evaluate(
        "([entries, routine]) => { localStorage.setItem('sg-diary', JSON.stringify({version: 1, entries,"
        " synced: ''})); if (routine) localStorage.setItem('sg-routine', JSON.stringify(routine)); }",
        [entries, routine],
    )
    tab.reload()
    expect(tab.locator("[data-sg-progress]")).to_be_visible()


def stored(tab: Page) -> list[dict[str, Any]]:
    """The diary's entries in storage, without their ids, in time order."""
    diary = json.loads(tab.evaluate("localStorage.getItem('sg-diary')") or '{"entries": []}')
    return [{k: e[k] for k in FIELDS} for e in diary["entries"]]


def without_ids(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(({k: e[k] for k in FIELDS} for e in entries), key=lambda e: e["at"])


def download(tab: Page) -> str:
    with tab.expect_download() as info:
        tab.get_by_role("button", name="Download as a file (CSV)").click()
    assert info.value.suggested_filename == "my-progress.csv"
    return Path(info.value.path()).read_bytes().decode("utf-8")  # line ends as they are


def import_file(tab: Page, text: str | bytes, name: str = "diary.csv") -> None:
    data = text.encode("utf-8") if isinstance(text, str) else text
    tab.locator("[data-sg-import]").set_input_files({"name": name, "mimeType": "text/csv", "buffer": data})


def test_a_check_in_survives_a_reload(tab: Page, served_site: str) -> None:
    tab.goto(f"{served_site}my-progress/")
    expect(tab.get_by_text("Your diary is kept on this device, in this browser only.")).to_be_visible()
    leg = tab.get_by_role("group", name="Leg pain now")
    expect(leg).to_contain_text("0 means no pain. 10 means the worst pain you can imagine.")
    leg.get_by_label("6", exact=True).check()
    tab.get_by_role("group", name="Back pain now").get_by_label("3", exact=True).check()
    tab.get_by_role("group", name="Any new numbness or weakness in a leg or foot?").get_by_label("No").check()
    tab.get_by_label("Sessions you did on your own").fill("2")
    tab.get_by_label("Note (if you like)").fill("Walked to the shop")
    tab.get_by_role("button", name="Save check-in").click()
    expect(tab.locator("[data-sg-status]")).to_have_text("Your check-in is saved.")
    tab.reload()
    item = tab.locator("[data-sg-entries] li")
    expect(item).to_have_count(1)
    expect(item).to_contain_text("Fri 4 Dec, 18:00 · leg pain 6 · back pain 3")
    expect(item).to_contain_text("Walked to the shop")
    assert stored(tab) == [
        {
            "at": "2026-12-04T18:00",
            "leg": 6,
            "back": 3,
            "numb": "no",
            "sessions": 2,
            "feel": "",
            "what": "",
            "note": "Walked to the shop",
            "from": "check-in",
        }
    ]
    # Several a day, each to edit and delete.
    tab.get_by_role("group", name="Leg pain now").get_by_label("5", exact=True).check()
    tab.get_by_role("button", name="Save check-in").click()
    expect(item).to_have_count(2)
    tab.get_by_role("button", name="Edit the entry of Fri 4 Dec, 18:00").first.click()
    expect(tab.locator("[data-sg-form-heading]")).to_have_text("Edit the entry of Fri 4 Dec, 18:00")
    tab.get_by_label("Date and time").fill("2026-12-03T20:15")
    tab.get_by_role("button", name="Save changes").click()
    expect(tab.locator("[data-sg-status]")).to_have_text("Your changes are saved.")
    assert [(e["at"], e["leg"]) for e in stored(tab)] == [("2026-12-03T20:15", 5), ("2026-12-04T18:00", 6)]
    tab.get_by_role("button", name="Delete the entry of Thu 3 Dec, 20:15").click()
    expect(tab.locator("[data-sg-status]")).to_have_text("The entry of Thu 3 Dec, 20:15 is deleted.")
    assert [e["at"] for e in stored(tab)] == ["2026-12-04T18:00"]
    tab.get_by_role("button", name="Undo").click()
    assert len(stored(tab)) == 2
    tab.get_by_role("button", name="Save check-in").click()  # nothing filled in
    expect(tab.locator("[data-sg-status]")).to_contain_text("Not saved.")
    assert len(stored(tab)) == 2


DIARY = [
    entry(60, leg=9, back=5),  # outside 6 weeks, inside 12
    entry(20, leg=7, back=4, sessions=1),
    entry(10, leg=6, sessions=2),
    entry(9, "08:00", back=3, note="back only"),
    entry(6, leg=6, back=3, sessions=1),
    entry(3, "07:30", leg=5, sessions=1, note="ok"),
    entry(3, "21:00", leg=4, back=2),
    entry(1, leg=4, back=3, sessions=1),
]


def test_the_chart_shows_exactly_the_stored_ratings(tab: Page, served_site: str) -> None:
    open_with(tab, served_site, DIARY)
    for weeks, first_day in ((2, "2026-11-21"), (6, "2026-10-24"), (12, "2026-09-12")):
        tab.get_by_role("button", name=f"{weeks} weeks", exact=True).click()
        expect(tab.get_by_role("button", name=f"{weeks} weeks", exact=True)).to_have_attribute(
            "aria-pressed", "true"
        )
        shown = [e for e in DIARY if e["at"] >= first_day]
        for key in ("leg", "back"):
            points = tab.locator(f"[data-sg-chart] [data-sg-point={key}]").evaluate_all(
                "marks => marks.map(m => [m.dataset.at, Number(m.dataset.value),"
                " Number(m.getAttribute('cx') ?? Number(m.getAttribute('x')) + 4),"
                " Number(m.getAttribute('cy') ?? Number(m.getAttribute('y')) + 4)])"
            )
            expected = [(e["at"], e[key]) for e in shown if e[key] is not None]
            assert [(at, value) for at, value, _, _ in points] == expected, (weeks, key)
            # Later is further right; more pain is higher up.
            xs = [x for _, _, x, _ in points]
            assert xs == sorted(xs) and len(set(xs)) == len(xs)
            heights = {value: y for _, value, _, y in points}
            assert all(heights[a] > heights[b] for a in heights for b in heights if a < b)
        sessions = tab.locator("[data-sg-chart] [data-sg-sessions]").evaluate_all(
            "marks => marks.map(m => [m.dataset.day, Number(m.dataset.sgSessions)])"
        )
        assert sessions == [[e["at"][:10], e["sessions"]] for e in shown if e["sessions"]]
        rows = tab.locator("[data-sg-table] tbody tr")
        expect(rows).to_have_count(len({e["at"][:10] for e in shown}))
    # The table gives the same numbers: the day with two ratings lists both.
    expect(tab.locator("[data-sg-table] tbody tr").filter(has_text="Tue 1 Dec")).to_have_text(
        "Tue 1 Dec5, 421"
    )
    summary = tab.locator("[data-sg-summary]")
    expect(summary).to_contain_text(
        "In the last 7 days: 3 sessions; leg pain from 6 to 4; back pain from 3 to 3."
    )
    expect(summary).to_contain_text("The 7 days before: 2 sessions; leg pain 6; back pain 3.")
    svg = tab.locator("[data-sg-chart] svg")
    expect(svg).to_have_attribute("role", "img")
    expect(svg.locator("desc")).to_contain_text("In the last 7 days: 3 sessions")


def diary_prompts() -> Any:
    flags = load_corpus(ROOT)[0].red_flags
    assert flags is not None
    return flags.model


def visible_prompts(tab: Page) -> list[str]:
    return tab.locator("[data-sg-prompt]:visible").evaluate_all("boxes => boxes.map(b => b.dataset.sgPrompt)")


def test_the_safety_prompts_follow_the_diary_and_the_red_flag_data(tab: Page, served_site: str) -> None:
    flags = diary_prompts()
    sign = flags.sign(flags.diary.new_numbness.sign)
    assert sign is not None
    open_with(tab, served_site, [entry(5, leg=5), entry(2, leg=4, numb="yes")])
    assert visible_prompts(tab) == ["new-numbness"]
    box = tab.locator("[data-sg-prompt=new-numbness]")
    expect(box.locator(".admonition-title")).to_have_text(flags.advice(sign.urgency).heading)
    for words in (flags.diary.new_numbness.says, sign.text, flags.diary.new_numbness.do, "call 999"):
        expect(box).to_contain_text(words)
    expect(box.get_by_role("link", name="Read the red flags")).to_have_attribute(
        "href", f"{served_site}learn/red-flags/"
    )
    # Leg pain up by worse_by within the week.
    rise = flags.diary.worse_by
    open_with(tab, served_site, [entry(6, leg=3), entry(4, leg=2), entry(1, leg=3 + rise)])
    assert visible_prompts(tab) == ["worse"]
    expect(tab.locator("[data-sg-prompt=worse]")).to_contain_text(flags.diary.worse.heading or "")
    open_with(tab, served_site, [entry(6, leg=3), entry(1, leg=2 + rise)])
    assert visible_prompts(tab) == []
    # No better after the NHS's weeks; better, no prompt.
    weeks = flags.diary.better_within_weeks * 7
    open_with(tab, served_site, [entry(weeks + 2, leg=5), entry(weeks, leg=5), entry(2, leg=5)])
    assert visible_prompts(tab) == ["not-better"]
    open_with(tab, served_site, [entry(weeks + 2, leg=5), entry(2, leg=4)])
    assert visible_prompts(tab) == []
    open_with(tab, served_site, [entry(weeks - 2, leg=5), entry(2, leg=6)])
    assert visible_prompts(tab) == []
    # A check-in that brings a prompt says so where the reader is.
    tab.get_by_role("group", name="Any new numbness or weakness in a leg or foot?").get_by_label(
        "Yes"
    ).check()
    tab.get_by_role("button", name="Save check-in").click()
    expect(tab.locator("[data-sg-status]")).to_contain_text("Please read the advice at the top of the page.")
    assert visible_prompts(tab) == ["new-numbness"]


AWKWARD = [
    entry(5, note='She said "rest", then "move"'),
    entry(4, leg=3, note="one, two, three"),
    entry(3, back=2, note="first line\nsecond line\n\nafter a gap"),
    entry(2, leg=0, back=10, note="=SUM(A1:A9)"),
    entry(2, "10:00", numb="yes", note="'quoted' start and trailing space "),
    entry(1, sessions=1, feel="better", what="Gentle start, with a twist", **{"from": "follow-along"}),
]


def test_the_csv_holds_exactly_the_entries(tab: Page, served_site: str) -> None:
    open_with(tab, served_site, AWKWARD)
    text = download(tab)
    assert text.endswith("\r\n")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == HEADER
    assert len(rows) == 1 + len(AWKWARD)
    for row, e in zip(rows[1:], AWKWARD, strict=True):
        expected_note = "'" + e["note"] if e["note"][:1] in ("=", "'") else e["note"]
        assert row == [
            e["at"][:10],
            e["at"][11:],
            "" if e["leg"] is None else str(e["leg"]),
            "" if e["back"] is None else str(e["back"]),
            e["numb"],
            str(e["sessions"]),
            e["feel"],
            e["what"],
            expected_note,
            e["from"],
        ]
    # Imported into an empty diary, it gives the same entries back.
    tab.evaluate("localStorage.clear()")
    tab.reload()
    import_file(tab, text)
    expect(tab.locator("[data-sg-status]")).to_have_text(f"Imported diary.csv: {len(AWKWARD)} new entries.")
    assert stored(tab) == without_ids(AWKWARD)
    import_file(tab, text)  # again: nothing doubles
    expect(tab.locator("[data-sg-status]")).to_have_text(
        f"Imported diary.csv: 0 new entries, {len(AWKWARD)} already here."
    )
    assert stored(tab) == without_ids(AWKWARD)


def test_a_bad_file_is_refused_with_a_message_and_changes_nothing(tab: Page, served_site: str) -> None:
    open_with(tab, served_site, DIARY)
    before = tab.evaluate("localStorage.getItem('sg-diary')")
    problems = tab.locator("[data-sg-import-problems]")
    good_row = "2026-12-01,09:00,4,3,no,1,,,fine,check-in"
    cases = {
        "foreign": ("name,email\nAda,ada@example.org\n", ["is not a diary file from this site"]),
        "binary": (bytes(range(256)) * 8, ["is not a diary file from this site"]),
        "bad rows": (
            ",".join(HEADER)
            + f"\r\n{good_row}\r\n2026-02-30,09:00,11,x,maybe,1,,,,check-in\r\n2026-12-01,9am,1,1,no,1\r\n",
            [
                "Line 3: date and time: use 2026-12-31 and 09:30.",
                "Line 3: leg pain: use a whole number from 0 to 10, or empty.",
                "Line 3: back pain: use a whole number from 0 to 10, or empty.",
                "Line 3: new numbness or weakness: use yes, no or empty.",
                "Line 4: 6 fields, where there should be 10.",
            ],
        ),
        "open quote": (
            ",".join(HEADER) + f'\r\n{good_row}\r\n2026-12-02,09:00,4,3,no,1,,,"never closed\r\n',
            ['a quote (") is opened and never closed'],
        ),
        "too large": (
            ",".join(HEADER) + "\r\n" + (good_row + "\r\n") * 30_000,
            ["a diary file is at most 1000 KB"],
        ),
    }
    for name, (content, messages) in cases.items():
        import_file(tab, content, f"{name}.csv")
        expect(problems).to_be_visible()
        expect(problems).to_be_focused()
        expect(problems).to_contain_text("Nothing was imported")
        for message in messages:
            expect(problems).to_contain_text(message)
        assert tab.evaluate("localStorage.getItem('sg-diary')") == before, name
    expect(problems).to_contain_text("too large.csv has problems, so your diary is as it was.")
    tab.reload()
    expect(tab.locator("[data-sg-entries] li")).to_have_count(
        len([e for e in DIARY if e["at"] >= "2026-10-24"])
    )


def test_delete_everything_asks_first_then_empties_the_store(tab: Page, served_site: str) -> None:
    open_with(tab, served_site, DIARY, routine={"items": [{"id": "bridge", "dose": {}}]})
    tab.evaluate("localStorage.setItem('sg-sessions', '[]'); localStorage.setItem('theirs', 'kept')")
    tab.get_by_role("button", name="Delete everything").click()
    confirm = tab.locator("[data-sg-confirm]")
    expect(confirm).to_contain_text("your diary, your Follow along history, your routine and your settings")
    tab.get_by_role("button", name="No, keep it").click()
    expect(confirm).to_be_hidden()
    assert len(stored(tab)) == len(DIARY)
    tab.get_by_role("button", name="Delete everything").click()
    tab.get_by_role("button", name="Yes, delete everything").click()
    expect(tab.locator("[data-sg-status]")).to_have_text(
        "Everything this site kept in this browser is deleted."
    )
    keys = tab.evaluate("Object.keys(localStorage)")
    assert [k for k in keys if k.startswith("sg-")] == [] and "theirs" in keys
    expect(tab.locator("[data-sg-entries] li")).to_have_count(0)
    tab.reload()
    expect(tab.locator("[data-sg-entries] li")).to_have_count(0)


def test_a_finished_follow_along_session_appears_in_the_diary(browser: Browser, served_site: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 800})
    tab = context.new_page()
    tab.clock.install()
    start(tab, served_site, "e=pigeon-pose")
    tab.clock.run_for(WHOLE)
    tab.get_by_role("button", name="Better").click()
    start(tab, served_site, "e=bridge")  # stopped: not a finished session
    tab.get_by_role("button", name="Stop").click()
    tab.goto(f"{served_site}my-progress/")
    item = tab.locator("[data-sg-entries] li")
    expect(item).to_have_count(1)
    expect(item).to_contain_text("1 session in Follow along · Pigeon pose")
    expect(item).to_contain_text("felt better")
    assert [(e["sessions"], e["feel"], e["from"]) for e in stored(tab)] == [(1, "better", "follow-along")]
    expect(tab.locator("[data-sg-chart] [data-sg-sessions]")).to_have_count(1)
    # Deleted here, it stays deleted.
    tab.get_by_role("button", name="Delete the entry of").click()
    tab.reload()
    expect(item).to_have_count(0)
    context.close()


BLOCKED = """
Object.defineProperty(window, 'localStorage', {configurable: true,
  get() { throw new DOMException('The operation is insecure.', 'SecurityError'); }});
"""


def test_with_storage_blocked_the_page_says_so_and_works_for_the_visit(tab: Page, served_site: str) -> None:
    tab.add_init_script(BLOCKED)
    tab.goto(f"{served_site}my-progress/")
    expect(tab.locator("[data-sg-progress-blocked]")).to_be_visible()
    tab.get_by_role("group", name="Leg pain now").get_by_label("5", exact=True).check()
    tab.get_by_role("button", name="Save check-in").click()
    expect(tab.locator("[data-sg-status]")).to_contain_text("This browser does not keep it after you leave.")
    expect(tab.locator("[data-sg-entries] li")).to_contain_text("leg pain 5")
    expect(tab.locator("[data-sg-chart] [data-sg-point=leg]")).to_have_count(1)
    assert "2026-12-04,18:00,5," in download(tab)


def test_the_report_prints_on_one_page_with_chart_weeks_routine_and_signs(
    tab: Page, served_site: str
) -> None:
    routine = {"items": [{"id": "bridge", "dose": {"reps": 8}}, {"id": "knee-to-chest", "dose": {}}]}
    open_with(tab, served_site, DIARY, routine=routine)
    tab.get_by_role("button", name="12 weeks").click()
    for size in ("A4", "Letter"):
        reader = PdfReader(io.BytesIO(tab.pdf(format=size, print_background=True)))
        assert len(reader.pages) == 1, size
        text = " ".join(reader.pages[0].extract_text().split())
        for words in (
            "Progress report",
            "The last 12 weeks, 12 September to 4 December 2026",
            "In the last 7 days: 3 sessions; leg pain from 6 to 4",
            "Week by week",
            "Bridge: 8 repetitions",
            "Single knee-to-chest stretch",
            "Serious signs: get help",
            "Go to A&E or call 999 now",
        ):
            assert words in text, (size, words)
        for screen_only in ("Save check-in", "Delete everything", "Your entries"):
            assert screen_only not in text
    weeks = tab.locator("[data-sg-report-weeks] tbody tr")
    expect(weeks).to_have_count(12)
    expect(weeks.filter(has_text="28 Nov")).to_contain_text("4–6 (average 4.8)")
    expect(tab.locator("[data-sg-report-chart] [data-sg-point=leg]")).to_have_count(7)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_at_320_px_with_a_diary_and_a_prompt(
    browser: Browser, served_site: str, scheme: str
) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 640}, color_scheme=scheme)
    tab = context.new_page()
    open_with(tab, served_site, [entry(1, leg=6, back=2, numb="yes", sessions=1, note="tired")])
    tab.locator("[data-sg-table]").evaluate("t => t.closest('details').open = true")
    tab.get_by_role("group", name="Leg pain now").get_by_label("7", exact=True).check()
    assert visible_prompts(tab) == ["new-numbness"]
    assert violations(tab) == []
    width = tab.evaluate("document.documentElement.scrollWidth")
    assert width <= 320, f"the page is {width} px wide at 320 px"
    context.close()


NOTE = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40)
ENTRY = st.fixed_dictionaries(
    {
        "days": st.integers(0, 400),
        "time": st.times().map(lambda t: t.strftime("%H:%M")),
        "leg": st.none() | st.integers(0, 10),
        "back": st.none() | st.integers(0, 10),
        "numb": st.sampled_from(["", "yes", "no"]),
        "sessions": st.integers(0, 20),
        "feel": st.sampled_from(["", "better", "same", "worse"]),
        "what": NOTE,
        "note": NOTE,
        "from": st.sampled_from(["check-in", "follow-along"]),
    }
)


def test_a_diary_comes_back_whole_through_export_and_import(tab: Page, served_site: str) -> None:
    tab.goto(f"{served_site}my-progress/")

    @settings(max_examples=25)
    @given(st.lists(ENTRY, max_size=8, unique_by=lambda e: (e["days"], e["time"])))
    def round_trip(drawn: list[dict[str, Any]]) -> None:
        entries = [entry(d.pop("days"), d.pop("time"), **d) for d in (dict(x) for x in drawn)]
        # The page trims the ends of a typed note, but an imported note stays as it was.
        tab.evaluate("localStorage.clear()")
        open_with(tab, served_site, entries)
        text = download(tab)
        tab.evaluate("localStorage.clear()")
        tab.reload()
        import_file(tab, text)
        expect(tab.locator("[data-sg-status]")).to_contain_text("Imported diary.csv")
        assert stored(tab) == without_ids(entries)

    round_trip()
