"""The offline copy: `make offline` zips a site that works from file:// with no network, search included."""

from __future__ import annotations

import hashlib
import re
import shutil
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from mkdocs.utils.yaml import yaml_load
from playwright.sync_api import Browser, Page, expect

from sitegen.cli import OFFLINE_CONFIG, OFFLINE_ZIP, _parser

from .conftest import ROOT, make_project, page_links, run_sitegen

EPOCH = "1700000000"  # 2023-11-14T22:13:20Z
TOP = Path(OFFLINE_ZIP).stem
VENDOR = "assets/javascripts/vendor/iframe-worker"


def build_offline(project: Path, name: str) -> Path:
    """Run `sitegen offline` (without PDFs: they add ~15 s and no offline behaviour); return the zip."""
    zip_rel = f"build/{name}/{TOP}.zip"
    result = run_sitegen(
        project, "offline", "--site-dir", f"build/{name}-site", "--zip", zip_rel, SOURCE_DATE_EPOCH=EPOCH
    )
    assert result.returncode == 0, result.stderr
    assert re.search(rf"^sitegen: wrote {re.escape(zip_rel)} \([\d,]+ bytes\)$", result.stdout, re.M)
    return project / zip_rel


@pytest.fixture(scope="module")
def offline_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project with the real data and the offline config."""
    project = make_project(tmp_path_factory.mktemp("offline") / "project", ROOT)
    shutil.copy2(ROOT / OFFLINE_CONFIG, project / OFFLINE_CONFIG)
    return project


@pytest.fixture(scope="module")
def offline_zip(offline_project: Path) -> Path:
    return build_offline(offline_project, "one")


@pytest.fixture(scope="module")
def offline_site(offline_zip: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The zip unpacked as a reader would: the site is its one top folder."""
    dest = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(offline_zip) as archive:
        archive.extractall(dest)
    assert [p.name for p in dest.iterdir()] == [TOP]
    return dest / TOP


def test_make_offline_runs_sitegen_offline_with_the_offline_config() -> None:
    makefile = (ROOT / "Makefile").read_text("utf-8")
    recipe = re.search(r"^offline:.*\n((?:\t.*\n)+)", makefile, re.M)
    assert recipe, "no offline target in the Makefile"
    assert "$(PY) -m sitegen offline" in recipe.group(1)
    args = _parser().parse_args(["offline"])
    assert (args.config_file, args.zip) == ("mkdocs.offline.yml", "build/sciatica-guide-offline.zip")


def test_offline_config_repeats_every_plugin_and_vendors_the_shim() -> None:
    with (ROOT / "mkdocs.yml").open("rb") as fd:
        online = yaml_load(fd)
    with (ROOT / OFFLINE_CONFIG).open("rb") as fd:
        offline = yaml_load(fd)  # with mkdocs.yml merged in, as mkdocs reads it
    # Lists are replaced, not merged: the search settings must be repeated exactly.
    assert offline["plugins"] == [*online["plugins"], "offline"]
    assert offline["use_directory_urls"] is False
    assert offline["extra_javascript"] == online["extra_javascript"]
    assert offline["extra"]["polyfills"] == [f"{VENDOR}/shim.js"]
    assert "polyfills" not in online.get("extra", {})
    vendor = ROOT / "overrides" / VENDOR
    assert "Permission is hereby granted" in (vendor / "LICENSE").read_text("utf-8")  # MIT
    readme = (vendor / "README.md").read_text("utf-8")
    assert re.search(r"iframe-worker \d+\.\d+\.\d+", readme)
    assert hashlib.sha256((vendor / "shim.js").read_bytes()).hexdigest() in readme


def test_zip_is_reproducible_sorted_and_has_one_top_folder(offline_project: Path, offline_zip: Path) -> None:
    again = build_offline(offline_project, "two")
    assert offline_zip.read_bytes() == again.read_bytes()
    with zipfile.ZipFile(offline_zip) as archive:
        infos = archive.infolist()
    names = [info.filename for info in infos]
    assert names == sorted(names)
    assert {name.split("/", 1)[0] for name in names} == {TOP}
    assert f"{TOP}/index.html" in names
    assert f"{TOP}/search/search_index.js" in names
    assert {info.date_time for info in infos} == {time.gmtime(int(EPOCH))[:6]}


def test_offline_links_name_html_files_and_nothing_loads_from_the_web(offline_site: Path) -> None:
    # 404.html is for web hosts (its links are absolute); nothing opens it from file://.
    pages = sorted(p for p in offline_site.rglob("*.html") if p.name != "404.html")
    assert len(pages) > 40
    folder_links, missing, remote = set(), set(), set()
    for page in pages:
        links = page_links(page.read_text("utf-8"))
        rel = page.relative_to(offline_site).as_posix()
        sources = [link.url for link in links if link.loads]
        remote |= {f"{rel}: {src}" for src in sources if urlsplit(src).scheme or src.startswith("//")}
        for href in (link.url for link in links if link.tag == "a"):
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.path:  # web links, mailto:, #anchors
                continue
            if not Path(parts.path).suffix:
                folder_links.add(f"{rel}: {href}")
            elif parts.path.endswith(".html") and not (page.parent / unquote(parts.path)).is_file():
                missing.add(f"{rel}: {href}")
    assert not remote, f"loads from the web: {sorted(remote)[:10]}"
    assert not folder_links, f"directory URLs (a listing from file://): {sorted(folder_links)[:10]}"
    assert not missing, f"links to missing pages: {sorted(missing)[:10]}"


@pytest.fixture
def offline_tab(browser: Browser) -> Iterator[Page]:
    """A tab in a context with the network switched off."""
    context = browser.new_context(offline=True)
    yield context.new_page()
    context.close()


@pytest.mark.browser
def test_search_works_from_file_with_no_network(offline_site: Path, offline_tab: Page) -> None:
    page = offline_tab
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((offline_site / "index.html").as_uri())
    page.locator("input.md-search__input").click()
    # Material drops queries typed before its search worker (here the iframe shim) is ready.
    meta = page.locator(".md-search-result__meta")
    expect(meta).to_have_text("Type to start searching", timeout=15_000)
    box = page.locator("input.md-search__input")
    box.fill("balasana")
    box.press("End")  # Material searches on keyup
    expect(meta).not_to_have_text("Type to start searching", timeout=10_000)
    results = page.locator("li.md-search-result__item > a.md-search-result__link:first-child")
    hrefs = results.evaluate_all("links => links.map(a => a.href)")
    assert any(urlsplit(href).path.endswith("/exercises/childs-pose.html") for href in hrefs[:3]), hrefs
    page.locator('a.md-search-result__link[href*="exercises/childs-pose.html"]').first.click()
    expect(page.locator("h1")).to_contain_text("Child's pose")
    assert page.url.startswith("file://")
    assert urlsplit(page.url).path.endswith(f"/{TOP}/exercises/childs-pose.html")
    assert len(requests) > 5
    assert [url for url in requests if not url.startswith("file:")] == []
    assert errors == []
