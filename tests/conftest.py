"""Shared fixtures and helpers: the fixture corpus as a throwaway project, built sites, and
what the unit (tests/unit), built-site (tests/site) and browser (tests/browser) tests share.

Nothing here imports Playwright: the browser fixtures are in tests/browser/conftest.py, so
`pytest tests/unit` runs without a browser."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from sitegen.cli import OFFLINE_CONFIG, OFFLINE_ZIP
from sitegen.content.load import Catalog, load_corpus
from sitegen.content.models import Exercise, Range
from sitegen.publish.pdf import serve  # imports Playwright only when printing, never here
from sitegen.render.filters import facet_values, matches
from sitegen.render.structured import exercise_plan

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


# --- Helpers that tests in more than one folder share ----------------------------------


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first `old` in a file (which must hold it) by `new`."""
    text = path.read_text("utf-8")
    assert old in text, f"fixture no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1), "utf-8")


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file's path and SHA-256, to compare trees byte for byte."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


COMMIT_EPOCH = 1772600767  # 2026-03-04T05:06:07Z


def commit_all(folder: Path, epoch: int) -> None:
    """Make `folder` a git repository whose one commit is dated `epoch`."""
    stamp = f"@{epoch} +0000"
    env = {**os.environ, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
    git = ["git", "-C", str(folder), "-c", "user.name=T", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True, env=env)
    subprocess.run([*git, "add", "-A"], check=True, env=env)
    subprocess.run([*git, "commit", "-q", "--allow-empty", "-m", "sources"], check=True, env=env)


# --- The real exercises and the library's filters (unit and browser test_filters.py) ----

#: The options ticked in each facet of the exercise library.
Ticked = dict[str, set[str]]


@pytest.fixture(scope="module")
def exercises() -> dict[str, Exercise]:
    """The real corpus's exercises, by id."""
    catalog, _ = load_corpus(ROOT)
    return {key: source.model for key, source in catalog.exercises.items()}


def expected(exercises: dict[str, Exercise], ticked: Ticked) -> set[str]:
    """The exercises the library should show for these ticks (sitegen.render.filters' rules)."""
    return {key for key, e in exercises.items() if matches(facet_values(e), ticked)}


# --- JSON-LD as the data says it should be (unit and site test_structured.py) -----------


def anatomy_names(catalog: Catalog) -> dict[str, str]:
    return {anatomy_id: source.model.name for anatomy_id, source in catalog.anatomy.items()}


def references(catalog: Catalog) -> dict[str, Any]:
    return {ref_id: source.model for ref_id, source in catalog.references.items()}


def plan_of(catalog: Catalog, exercise: Exercise) -> dict[str, Any]:
    return exercise_plan(exercise, anatomy_names(catalog), references(catalog))


def expected_amount(value: int | Range | None) -> object:
    if value is None or isinstance(value, int):
        return value
    return {"@type": "QuantitativeValue", "minValue": value.low, "maxValue": value.high}


def expected_anatomy(catalog: Catalog, exercise: Exercise) -> list[dict[str, str]]:
    ids = [*exercise.targets.primary, *exercise.targets.secondary]
    return [{"@type": "AnatomicalStructure", "name": catalog.anatomy[i].model.name} for i in ids]


# --- The offline copy, built once (site and browser test_offline.py) --------------------

OFFLINE_EPOCH = "1700000000"  # 2023-11-14T22:13:20Z
#: The zip's one top folder.
OFFLINE_TOP = Path(OFFLINE_ZIP).stem


def build_offline(project: Path, name: str) -> Path:
    """Run `sitegen offline` (without PDFs: they add ~15 s and no offline behaviour); return the zip."""
    zip_rel = f"build/{name}/{OFFLINE_TOP}.zip"
    result = run_sitegen(
        project,
        "offline",
        "--site-dir",
        f"build/{name}-site",
        "--zip",
        zip_rel,
        SOURCE_DATE_EPOCH=OFFLINE_EPOCH,
    )
    assert result.returncode == 0, result.stderr
    assert re.search(rf"^sitegen: wrote {re.escape(zip_rel)} \([\d,]+ bytes\)$", result.stdout, re.M)
    return project / zip_rel


@pytest.fixture(scope="session")
def offline_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project with the real data and the offline config."""
    project = make_project(tmp_path_factory.mktemp("offline") / "project", ROOT)
    shutil.copy2(ROOT / OFFLINE_CONFIG, project / OFFLINE_CONFIG)
    return project


@pytest.fixture(scope="session")
def offline_zip(offline_project: Path) -> Path:
    return build_offline(offline_project, "one")


@pytest.fixture(scope="session")
def offline_site(offline_zip: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The zip unpacked as a reader would: the site is its one top folder."""
    dest = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(offline_zip) as archive:
        archive.extractall(dest)
    assert [p.name for p in dest.iterdir()] == [OFFLINE_TOP]
    return dest / OFFLINE_TOP
