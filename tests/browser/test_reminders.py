"""In Chromium: "Add reminders to my calendar" on My routine downloads an iCalendar file that
a real parser (icalendar, from PyPI) reads as weekly repeating events with stable UIDs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from icalendar import Calendar
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser
#: A shared routine: bridge, 9 repetitions, 2 sets, twice a week.
SHARED = "my-routine/#r=bridge:r9s2w2"


def download(page: Page, tmp_path: Path) -> Calendar:
    """Press the button; the file it downloads, parsed."""
    with page.expect_download() as info:
        page.get_by_role("button", name="Add reminders to my calendar").click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    raw = path.read_bytes()
    assert b"\r\n" in raw and all(len(line) <= 75 for line in raw.split(b"\r\n")), "folded lines"
    return Calendar.from_ical(raw)


def test_reminders_are_weekly_events_for_the_chosen_days_and_times(
    page: Page, served_site: str, tmp_path: Path
) -> None:
    page.goto(served_site + SHARED)
    box = page.locator("[data-sg-routine-reminders]")
    expect(box).to_be_visible()
    # A name with the characters iCalendar has to escape, and a long one (folded lines).
    page.get_by_label("Title").fill("Back plan; Anna, morning and evening, with the long name kept")
    for day in ("Monday", "Wednesday", "Friday"):
        box.get_by_label(day).uncheck()
    box.get_by_label("Tuesday").check()
    box.get_by_label("Saturday").check()
    box.get_by_label("First").fill("07:30")
    box.get_by_label("Second").fill("18:15")
    calendar = download(page, tmp_path)
    expect(box.get_by_role("status")).to_have_text("Calendar file made: 2 days a week, 2 times a day.")
    events = calendar.walk("VEVENT")
    assert len(events) == 2
    for event, (hour, minute) in zip(events, ((7, 30), (18, 15)), strict=True):
        rule = event["RRULE"]
        assert rule["FREQ"] == ["WEEKLY"] and rule["BYDAY"] == ["TU", "SA"]
        start = event.decoded("DTSTART")
        assert (start.hour, start.minute) == (hour, minute) and start.tzinfo is None, "local time"
        assert start.strftime("%a") in ("Tue", "Sat") and start.date() >= dt.date.today()
        assert str(event["SUMMARY"]) == "Back plan; Anna, morning and evening, with the long name kept"
        assert str(event["URL"]).endswith("my-routine/#r=bridge:r9s2w2")
        assert event.walk("VALARM"), "an alert, for the apps that keep it"
    # The same routine again gives the same UIDs, so a calendar updates its events.
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == 2
    box.get_by_label("First").fill("08:00")
    again = download(page, tmp_path)
    assert [str(e["UID"]) for e in again.walk("VEVENT")] == uids
    # Another routine has other UIDs.
    page.goto(served_site + "my-routine/#r=bridge:r5s1w2")
    page.reload()
    other = download(page, tmp_path)
    assert not {str(e["UID"]) for e in other.walk("VEVENT")} & set(uids)


def test_no_day_means_no_file_and_a_message(page: Page, served_site: str) -> None:
    page.goto(served_site + SHARED)
    box = page.locator("[data-sg-routine-reminders]")
    for day in ("Monday", "Wednesday", "Friday"):
        box.get_by_label(day).uncheck()
    downloads: list[object] = []
    page.on("download", lambda d: downloads.append(d))
    page.get_by_role("button", name="Add reminders to my calendar").click()
    expect(box.get_by_role("status")).to_have_text("Pick at least one day and the first time of day.")
    assert downloads == []


def test_no_routine_no_reminders(page: Page, served_site: str) -> None:
    page.goto(served_site + "my-routine/")
    expect(page.locator("[data-sg-routine-reminders]")).to_be_hidden()
