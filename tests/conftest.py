"""Shared fixtures: the fixture corpus as a throwaway project, and built sites."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from playwright.sync_api import Browser, Page, sync_playwright

from sitegen.publish.pdf import CHROMIUM, CHROMIUM_ARGS, serve

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_CORPUS = Path(__file__).resolve().parent / "fixtures" / "corpus"
GOLDEN = Path(__file__).resolve().parent / "golden"
#: UPDATE_GOLDEN=1 rewrites the golden files instead of comparing; review the diff after.
UPDATE_GOLDEN = os.environ.get("UPDATE_GOLDEN") == "1"
#: What a project needs besides its data to build (copied into throwaway projects).
PROJECT_FILES = ("mkdocs.yml", "overrides", "scripts", "schemas")
DATA_DIRS = ("exercises", "content")


# Property tests are derandomized so CI sees the same examples every run;
# HYPOTHESIS_PROFILE=explore searches 1,000 fresh examples per test instead.
settings.register_profile(
    "default",
    derandomize=True,
    database=None,
    deadline=None,
    max_examples=60,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "explore", parent=settings.get_profile("default"), derandomize=False, max_examples=1000
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


def make_project(dest: Path, data_from: Path) -> Path:
    """A buildable copy of the project whose data comes from `data_from`."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        copy = shutil.copytree if (ROOT / name).is_dir() else shutil.copy2
        copy(ROOT / name, dest / name)
    for name in DATA_DIRS:
        shutil.copytree(data_from / name, dest / name)
    return dest


def printed_signs(root: Path = ROOT, stop_lines_too: bool = False) -> list[str]:
    """What every printed sheet must say about serious signs: the whole list, grouped by
    urgency (content/red-flags.yaml); with `stop_lines_too`, the stop-rule lines drawn from
    it (routine pages print them; exercise sheets and My routine let the list stand in)."""
    from sitegen.content.load import load_corpus
    from sitegen.render.safety import groups, stop_lines

    flags = load_corpus(root)[0].red_flags
    assert flags is not None
    lines = [f"{g.heading} if you have: {g.shorts}. {g.us}" for g in groups(flags.model)]
    return ["Serious signs: get help", *lines, *(stop_lines(flags.model) if stop_lines_too else [])]


def run_sitegen(project: Path, *args: str, **env_overrides: str) -> subprocess.CompletedProcess[str]:
    """Run `python -m sitegen` in `project` as a user would."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env_overrides}
    return subprocess.run(
        [sys.executable, "-m", "sitegen", *args],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def fixture_project(tmp_path: Path) -> Path:
    """A fresh, writable project holding the small fixture corpus."""
    return make_project(tmp_path / "project", FIXTURE_CORPUS)


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture corpus built once with `sitegen build`."""
    project = make_project(tmp_path_factory.mktemp("fixture") / "project", FIXTURE_CORPUS)
    result = run_sitegen(project, "build")
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real corpus built once with `sitegen build`, in a copy of the project."""
    project = make_project(tmp_path_factory.mktemp("real") / "project", ROOT)
    result = run_sitegen(project, "build")
    assert result.returncode == 0, result.stderr
    return project / "site"


def match_golden(rel: str, actual: str) -> None:
    """Compare output with tests/golden/<rel> (or rewrite it under UPDATE_GOLDEN=1)."""
    path = GOLDEN / rel
    if UPDATE_GOLDEN:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, "utf-8", newline="\n")
    assert path.read_text("utf-8") == actual, (
        f"{rel} differs from tests/golden/{rel}; UPDATE_GOLDEN=1 to accept"
    )


def read(path: Path) -> str:
    """A text file as UTF-8."""
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, driven by Playwright (never `playwright install`)."""
    assert Path(CHROMIUM).exists(), "Chromium is missing: run `make chromium` (make test does)"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh tab in its own context (no shared storage between tests)."""
    context = browser.new_context()
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture(scope="session")
def served_site(real_site: Path) -> Iterator[str]:
    """The built real site on a local static server, as a host would serve it."""
    with serve(real_site) as base:
        yield base


#: Where each tag keeps the URL it links to or loads.
URL_ATTRIBUTES = {
    "a": "href",
    "link": "href",
    "script": "src",
    "img": "src",
    "source": "src",
    "iframe": "src",
}


@dataclass(frozen=True)
class Link:
    """One URL in a page: the tag that holds it, and where in the page it sits."""

    tag: str
    url: str
    rel: str
    classes: str
    in_article: bool

    @property
    def loads(self) -> bool:
        """The browser fetches it when the page loads (a canonical or alternate link only names)."""
        return self.tag != "a" and not (self.tag == "link" and self.rel in {"canonical", "alternate"})


class _LinkParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.article_depth = 0
        self.links: list[Link] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "article":
            self.article_depth += 1
        if url := values.get(URL_ATTRIBUTES.get(tag, ""), ""):
            link = Link(tag, url, values.get("rel", ""), values.get("class", ""), self.article_depth > 0)
            self.links.append(link)

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.article_depth -= 1


def page_links(html: str) -> list[Link]:
    """Every URL a page links to or loads, in order (a, link, script, img, source, iframe)."""
    parser = _LinkParser()
    parser.feed(html)
    return parser.links
