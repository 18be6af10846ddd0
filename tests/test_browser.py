"""In Debian's Chromium: search finds pages, and `mkdocs serve` reloads edited YAML live."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from .conftest import ROOT, make_project, run_sitegen
from .test_load import edit

pytestmark = pytest.mark.browser


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def search(page: Page, base: str, query: str) -> list[str]:
    """Type a query into the site's search box; return the result links, best first."""
    page.goto(base)
    box = page.locator("input.md-search__input")
    box.click()
    # Material drops queries typed before its search worker has built the index.
    expect(page.locator(".md-search-result__meta")).to_have_text("Type to start searching", timeout=15_000)
    box.press_sequentially(query, delay=20)  # real key events: Material listens for keyup
    results = page.locator("li.md-search-result__item > a.md-search-result__link")
    expect(results.first).to_be_visible(timeout=10_000)
    return [str(results.nth(i).get_attribute("href")) for i in range(results.count())]


@pytest.mark.parametrize(
    ("query", "wanted"),
    [
        ("balasana", "exercises/childs-pose/"),
        ("piriformis", "anatomy/piriformis/"),
        ("nerve slider", "exercises/seated-nerve-slider/"),
        ("pelvic tilt", "exercises/pelvic-tilts/"),
        ("bladder", "learn/red-flags/"),
        ("virabhadrasana", "exercises/warrior-pose/"),
        ("cauda equina", "learn/red-flags/"),
    ],
)
def test_search_finds_the_page_in_the_top_three(
    page: Page, served_site: str, query: str, wanted: str
) -> None:
    links = search(page, served_site, query)
    paths = [urlsplit(link).path for link in links]
    assert any(path.endswith("/" + wanted) for path in paths[:3]), paths[:5]


def test_pages_show_in_chromium_with_their_content(page: Page, served_site: str) -> None:
    page.goto(served_site + "exercises/seated-nerve-slider/")
    expect(page.locator("h1")).to_contain_text("nerve slider", ignore_case=True)
    expect(page.locator(".admonition.danger").first).to_be_visible()
    page.goto(served_site + "exercises/")
    expect(page.locator(".grid.cards a").first).to_be_visible()


def test_editing_yaml_reloads_the_page_while_serving(page: Page, tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", ROOT)
    assert run_sitegen(project, "markdown").returncode == 0
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload"]
    server = subprocess.Popen(
        command, cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    try:
        url = f"http://127.0.0.1:{port}/exercises/seated-nerve-slider/"
        wait_for_server(url, server)
        page.goto(url)
        first_step = page.locator("h2#steps + ol li").first
        original = first_step.inner_text()
        yaml_file = project / "exercises/seated-nerve-slider.yaml"
        steps_start = yaml_file.read_text("utf-8").index("\nsteps:\n")
        first_step_line = yaml_file.read_text("utf-8")[steps_start:].split("\n")[2]
        edit(yaml_file, "steps:\n" + first_step_line, "steps:\n  - Live reload check step.")
        # No navigation by the test: the page must reload itself after the rebuild.
        expect(first_step).to_have_text("Live reload check step.", timeout=30_000)
        assert original != "Live reload check step."
    finally:
        server.terminate()
        server.wait(timeout=10)


def wait_for_server(url: str, server: subprocess.Popen[str], limit: float = 30.0) -> None:
    import urllib.request

    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"mkdocs serve exited: {server.stderr.read() if server.stderr else ''}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"{url} did not come up in {limit} s")


def test_glossary_hints_mark_running_text_but_not_headings(page: Page, served_site: str) -> None:
    page.goto(served_site + "exercises/seated-nerve-slider/")
    decoration = "el => getComputedStyle(el).borderBottomStyle"  # Material draws it as a border
    assert page.locator("h1 abbr").first.evaluate(decoration) == "none"
    assert page.locator("article p abbr").first.evaluate(decoration) != "none"
    page.emulate_media(media="print")
    assert page.locator("article p abbr").first.evaluate(decoration) == "none"


def figure_colours(page: Page) -> dict[str, Any]:
    """Computed colours of the figure's body, nerve and halo, as the reader sees them."""
    return page.locator("svg.sg-figure").first.evaluate(
        """svg => ({
            body: getComputedStyle(svg.querySelector('.sg-limb')).stroke,
            nerve: getComputedStyle(svg.querySelector('.sg-nerve')).stroke,
            halo: getComputedStyle(svg.querySelector('.sg-halo')).stroke,
            width: svg.getBoundingClientRect().width,
        })"""
    )


def luminance(css_colour: str) -> float:
    red, green, blue = (int(v) for v in re.findall(r"\d+", css_colour)[:3])
    return (0.2126 * red + 0.7152 * green + 0.0722 * blue) / 255


def test_figures_follow_light_dark_and_print_themes(page: Page, served_site: str) -> None:
    page.goto(served_site + "exercises/seated-nerve-slider/")
    expect(page.locator("figure.sg-figure-box figcaption")).to_contain_text("knee straightens")
    light = figure_colours(page)
    assert luminance(light["body"]) < 0.3 and luminance(light["halo"]) > 0.9
    assert light["nerve"] != light["body"] and float(light["width"]) > 200
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
    dark = figure_colours(page)
    assert luminance(dark["body"]) > 0.7 and luminance(dark["halo"]) < 0.3
    page.emulate_media(media="print")
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'default')")
    printed = figure_colours(page)
    assert printed["body"] == printed["nerve"] == "rgb(0, 0, 0)"


def test_anatomy_figure_is_visible_on_a_phone(page: Page, served_site: str) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(served_site + "anatomy/sciatic-nerve/")
    figure = page.locator("svg.sg-figure")
    expect(figure).to_be_visible()
    box = figure.bounding_box()
    assert box is not None and 100 < box["width"] <= 360
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
