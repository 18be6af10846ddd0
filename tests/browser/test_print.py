"""Printing in Chromium: one sheet per exercise on A4 and Letter, routines on two at most."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from sitegen.content.load import Catalog, load_corpus
from sitegen.publish.pdf import sheets
from sitegen.render.text import dose_parts

from ..conftest import ROOT, printed_signs, run_sitegen

pytestmark = pytest.mark.browser
PAPERS = ("A4", "Letter")
#: The serious signs every sheet prints, from content/red-flags.yaml.
SIGNS = printed_signs()
#: Words only the site's chrome (navigation, search, footer, buttons) shows.
CHROME = ("Table of contents", "Type to start searching", "Print this sheet", "Download PDF", "Made with")


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_corpus(ROOT)[0]


def printed(page: Page, url: str, paper: str) -> tuple[int, str]:
    """Page count and text of the page printed to PDF on the given paper."""
    page.goto(url)
    reader = PdfReader(io.BytesIO(page.pdf(format=paper)))
    return len(reader.pages), "\n".join(p.extract_text() for p in reader.pages)


def squash(text: str) -> str:
    """Text without whitespace, so line breaks in the PDF don't matter."""
    return re.sub(r"\s+", "", text)


def test_every_exercise_prints_on_one_sheet_with_everything_needed(
    page: Page, served_site: str, catalog: Catalog
) -> None:
    for exercise_id, source in sorted(catalog.exercises.items()):
        e = source.model
        for paper in PAPERS:
            count, text = printed(page, f"{served_site}exercises/{exercise_id}/", paper)
            assert count == 1, f"{exercise_id} prints on {count} {paper} pages"
        flat = squash(text)
        wanted = [
            e.name,
            *e.setup,
            *e.steps,
            *e.feel,
            *e.stop_rules.ease_off,
            *e.stop_rules.stop,
            *e.cautions,
            e.bad_day,
        ]
        wanted += [" · ".join(dose_parts(e.dose)), "My log for 2 weeks", "Pain before", *SIGNS]
        wanted += [f"Last reviewed {e.reviewed.isoformat()}", f"exercises/{exercise_id}"]
        for line in wanted:
            assert squash(line) in flat, f"{exercise_id}: {line!r} missing from the print"
        for chrome in CHROME:
            assert chrome not in text, f"{exercise_id}: {chrome!r} printed"


def test_every_routine_prints_on_at_most_two_sheets(page: Page, served_site: str, catalog: Catalog) -> None:
    exercises = {k: s.model for k, s in catalog.exercises.items()}
    for routine_id, source in sorted(catalog.routines.items()):
        routine = source.model
        for paper in PAPERS:
            count, text = printed(page, f"{served_site}routines/{routine_id}/", paper)
            assert count <= 2, f"{routine_id} prints on {count} {paper} pages"
        flat = squash(text)
        for item in routine.items:
            e = exercises[item.exercise]
            dose = " · ".join(dose_parts(item.dose or e.dose, e.dose))
            for line in [e.name, dose, *e.steps]:
                assert squash(line) in flat, f"{routine_id}: {line!r} missing from the print"
        assert "My log for 2 weeks" in text and "Table of contents" not in text
        for line in printed_signs(stop_lines_too=True):
            assert squash(line) in flat, f"{routine_id}: {line!r} missing from the print"


def test_print_button_prints_from_the_keyboard(page: Page, served_site: str) -> None:
    page.goto(served_site + "exercises/bridge/")
    # A function, so Playwright runs it once (a bare expression ending in a function is also called).
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    button = page.get_by_role("button", name="Print this sheet")
    expect(button).to_be_visible()
    button.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("window.__printed") == 1
    expect(page.get_by_role("link", name="Download PDF")).to_have_attribute("href", "../../pdf/bridge.pdf")


def test_print_button_is_hidden_without_javascript(browser: Browser, served_site: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(served_site + "routines/gentle-start/")
    expect(tab.locator("[data-sg-print]")).to_be_hidden()
    expect(tab.get_by_role("link", name="Download PDF")).to_be_visible()
    context.close()


def test_pdfs_cover_every_sheet_and_match_the_links(
    real_site: Path, tmp_path: Path, catalog: Catalog
) -> None:
    site = tmp_path / "site"
    shutil.copytree(real_site, site)
    # As `make pdf` runs it (and outside this test session's Playwright loop).
    result = run_sitegen(ROOT, "pdf", "--site-dir", str(site))
    assert result.returncode == 0, result.stderr
    total = len(catalog.exercises) + len(catalog.routines)
    assert total == len(sheets(site)) == len(list((site / "pdf").glob("*.pdf")))
    assert f"pdf [{total}/{total}] routines/" in result.stderr  # progress, one line per sheet
    for exercise_id in catalog.exercises:
        pdf = site / "pdf" / f"{exercise_id}.pdf"
        reader = PdfReader(pdf)
        assert len(reader.pages) == 1
        assert squash(catalog.exercises[exercise_id].model.steps[0]) in squash(reader.pages[0].extract_text())
        page_html = (site / "exercises" / exercise_id / "index.html").read_text("utf-8")
        assert f'href="../../pdf/{exercise_id}.pdf"' in page_html


@pytest.mark.parametrize(
    "path", ["learn/red-flags/", "learn/using-this-guide/", "references/", "anatomy/sciatic-nerve/"]
)
def test_other_pages_print_cleanly(page: Page, served_site: str, path: str) -> None:
    page.goto(served_site + path)
    page.emulate_media(media="print")
    sizes = page.eval_on_selector_all(
        "article > p:not(h1 + p), article > :is(ul, ol) > li",
        "els => els.map(el => parseFloat(getComputedStyle(el).fontSize))",
    )
    assert sizes and min(sizes) >= 16, f"{path}: body text down to {min(sizes)} px (12 pt is 16 px)"
    page.emulate_media(media="screen")
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    texts = [p.extract_text().strip() for p in reader.pages]
    assert all(texts), f"{path}: a blank page in the print"
    # The help guide names the buttons in its text, so only navigation and search count here.
    assert not any(chrome in "\n".join(texts) for chrome in CHROME[:2])
