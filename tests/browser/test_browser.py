"""In Debian's Chromium: pages show their content, and `mkdocs serve` reloads edited YAML live."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from ..conftest import ROOT, edit, make_project, run_sitegen

pytestmark = pytest.mark.browser


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_pages_show_in_chromium_with_their_content(page: Page, served_site: str) -> None:
    page.goto(served_site + "exercises/seated-nerve-slider/")
    expect(page.locator("h1")).to_contain_text("nerve slider", ignore_case=True)
    expect(page.locator(".admonition.danger").first).to_be_visible()
    page.goto(served_site + "exercises/")
    expect(page.locator("[data-sg-card] a").first).to_be_visible()


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


def test_home_routes_each_reader_in_at_most_three_clicks(page: Page, served_site: str) -> None:
    def card(title: str) -> Any:
        page.goto(served_site)
        return page.locator(".grid.cards li").filter(has_text=title)

    # In pain: check the red flags, then start the gentle routine (two clicks).
    card("I have pain now").get_by_role("link", name=re.compile("red flags")).click()
    expect(page.locator("h1")).to_contain_text("Red flags")
    page.locator("article").get_by_role("link", name="gentle start routine").click()
    expect(page.locator("h1")).to_contain_text("Gentle start")
    expect(page.locator("[data-sg-print]")).to_be_visible()
    # Wants to understand: the first guide, one click.
    card("I want to understand").get_by_role("link", name="what sciatica is").click()
    expect(page.locator("h1")).to_contain_text("What is sciatica")
    # Clinician: the filterable library, and how to print a sheet, one click each.
    card("I am a clinician").get_by_role("link", name="exercise library").click()
    expect(page.locator("[data-sg-filters]")).to_be_visible()
    card("I am a clinician").get_by_role("link", name="Print a sheet").click()
    expect(page.locator("h2#printing-a-sheet")).to_be_in_viewport()
