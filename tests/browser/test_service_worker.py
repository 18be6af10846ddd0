"""In Chromium: after one visit the guide works with no network (Workbox's sw.js), under a
subpath too; a new build reaches the reader; a site without sw.js drops an old one."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Request, expect

from sitegen.publish.pdf import serve

from ..conftest import edit, run_sitegen

pytestmark = pytest.mark.browser

UPDATED = "This guide was updated. Reload to see the new version."


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    """A fresh profile: no service worker, no cache."""
    fresh = browser.new_context()
    yield fresh
    fresh.close()


def visit_once(page: Page, url: str) -> None:
    """Open a page and wait until the service worker controls it: its precache is complete
    (the worker activates only after every file is stored, then claims the page)."""
    page.goto(url)
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=30_000)


def test_after_one_visit_every_kind_of_page_works_with_no_network(
    context: BrowserContext, real_site: Path
) -> None:
    page = context.new_page()
    requests: list[Request] = []
    context.on("request", lambda request: requests.append(request))  # page and worker
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    with serve(real_site) as base:
        visit_once(page, base)
    # The server is gone, and the browser is offline as well.
    context.set_offline(True)
    origin = urlsplit(base).netloc
    assert [r.url for r in requests if urlsplit(r.url).netloc != origin] == []
    precached = [r for r in requests if r.service_worker is not None]
    assert len(precached) > 80, "the worker stored the whole guide on the first visit"

    response = page.goto(base + "exercises/bird-dog/")
    assert response is not None and response.from_service_worker
    expect(page.locator("h1")).to_contain_text("Bird-dog")
    expect(page.locator("article svg").first).to_be_visible()

    # A page never opened before, with a query (the library's filters) that the cache ignores.
    page.goto(base + "exercises/?position=kneeling")
    expect(page.locator("h1")).to_contain_text("Exercises")

    page.goto(base + "follow-along/#e=bridge")
    expect(page.locator("[data-sg-view=intro]")).to_be_visible()
    page.get_by_role("button", name="I have read this. Start").click()
    expect(page.locator("[data-sg-out=phase]")).to_have_text("Get ready")

    page.goto(base + "my-progress/")
    expect(page.locator("h1").first).to_contain_text("My progress")

    # Search: its worker and index come from the cache too.
    page.goto(base)
    page.locator("input.md-search__input").click()
    meta = page.locator(".md-search-result__meta")
    expect(meta).to_have_text("Type to start searching", timeout=15_000)
    box = page.locator("input.md-search__input")
    box.fill("balasana")
    box.press("End")  # Material searches on keyup
    expect(meta).not_to_have_text("Type to start searching", timeout=10_000)
    results = page.locator("li.md-search-result__item > a.md-search-result__link:first-child")
    expect(results.first).to_be_visible()
    hrefs = results.evaluate_all("links => links.map(a => a.href)")
    assert [h for h in hrefs[:3] if h.startswith(base + "exercises/childs-pose/")], hrefs
    results.first.click()  # ?h=balasana: highlights the words, the same page from the cache
    expect(page.locator("h1")).to_contain_text("Child's pose")
    assert errors == []


def test_under_a_subpath_the_worker_covers_that_subpath(context: BrowserContext, real_site: Path) -> None:
    page = context.new_page()
    with serve(real_site, "/sub/dir/") as base:
        assert urlsplit(base).path == "/sub/dir/"
        visit_once(page, base + "exercises/bird-dog/")  # registered from a page deeper down
        scope = page.evaluate("navigator.serviceWorker.ready.then(r => r.scope)")
        assert scope == base
        script = page.evaluate("navigator.serviceWorker.controller.scriptURL")
        assert script == base + "sw.js"
        page.goto(base + "routines/")
        assert page.evaluate("navigator.serviceWorker.controller.scriptURL") == base + "sw.js"


@pytest.fixture
def fixture_copy(fixture_site: Path, tmp_path: Path) -> Path:
    """A copy of the fixture project, its site/ already built."""
    return Path(shutil.copytree(fixture_site.parent, tmp_path / "project", symlinks=True))


def test_a_new_build_reaches_the_reader_on_the_next_visit(
    context: BrowserContext, fixture_copy: Path
) -> None:
    """What the reader sees: the next visit after a new build first shows the stored page and a
    note that the guide was updated; a reload (or the next page) shows the new text, offline too."""
    old, new = "A second test exercise held on the floor.", "A changed test exercise held on the floor."
    page = context.new_page()
    with serve(fixture_copy / "site") as base:
        exercise = base + "exercises/beta-hold/"
        visit_once(page, exercise)
        expect(page.get_by_text(old).first).to_be_visible()
        expect(page.get_by_role("status").filter(has_text=UPDATED)).to_have_count(0)
        edit(fixture_copy / "exercises/beta-hold.yaml", old, new)
        result = run_sitegen(fixture_copy, "build")
        assert result.returncode == 0, result.stderr
        page.goto(exercise)
        expect(page.get_by_text(old).first).to_be_visible()  # the stored page, at once
        expect(page.get_by_role("status").filter(has_text=UPDATED)).to_be_visible(timeout=30_000)
        page.reload()
        expect(page.get_by_text(new).first).to_be_visible()
        assert page.get_by_text(old).count() == 0
        expect(page.get_by_role("status").filter(has_text=UPDATED)).to_have_count(0)
    context.set_offline(True)
    page.goto(base + "exercises/alpha-slide/")
    page.goto(exercise)
    expect(page.get_by_text(new).first).to_be_visible()


def test_a_site_without_sw_js_drops_an_old_worker(
    context: BrowserContext, fixture_site: Path, tmp_path: Path
) -> None:
    """As under `mkdocs serve`: no sw.js, so an old registration must not keep serving pages."""
    site = Path(shutil.copytree(fixture_site, tmp_path / "site"))
    page = context.new_page()
    with serve(site) as base:
        visit_once(page, base)
        (site / "sw.js").unlink()
        page.reload()
        page.wait_for_function(
            "navigator.serviceWorker.getRegistrations().then(all => all.length === 0)", polling=100
        )
        page.reload()
        assert page.evaluate("navigator.serviceWorker.controller") is None
