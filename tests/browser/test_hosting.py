"""Static hosting, PDFs printed in Chromium: the site works under a subpath, takes SITE_URL, has a sitemap."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

from sitegen.publish.pdf import serve

from ..conftest import ROOT, make_project, page_links, run_sitegen

SUBPATH = "/guide/"
FORK_URL = "https://fork.example.org/guide/"

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def fork_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site built as a fork would deploy it, with its own address under a subpath."""
    project = make_project(tmp_path_factory.mktemp("fork") / "project", ROOT)
    result = run_sitegen(project, "build", "--pdf", SITE_URL=FORK_URL)  # what `make site` deploys
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="module")
def subpath_base(fork_site: Path) -> Iterator[str]:
    with serve(fork_site, SUBPATH) as base:
        yield base


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return int(response.status), response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def page_urls(site: Path, base: str) -> list[str]:
    """The address of every HTML page of the site, under the subpath."""
    return [base + page.relative_to(site).as_posix() for page in sorted(site.rglob("*.html"))]


def test_every_internal_link_works_under_a_subpath(fork_site: Path, subpath_base: str) -> None:
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(subpath_base))
    checked: dict[str, int] = {}
    broken = []
    for page in page_urls(fork_site, subpath_base):
        status, body = fetch(page)
        assert status == 200, page
        for raw in (link.url for link in page_links(body.decode("utf-8"))):
            target = urldefrag(urljoin(page, raw)).url
            if not target.startswith(origin):
                continue  # another host: a source's address, not part of the site
            if target not in checked:
                checked[target] = fetch(target)[0]
            if checked[target] != 200:
                broken.append(f"{page.removeprefix(subpath_base)} -> {raw} ({checked[target]})")
    assert not broken, "\n".join(broken)
    pdfs = {target for target in checked if target.endswith(".pdf")}
    assert len(pdfs) == len(list((fork_site / "pdf").glob("*.pdf"))) > 20, "every sheet's PDF is linked"
    print(
        f"{len(checked)} distinct internal URLs followed from {len(page_urls(fork_site, subpath_base))} pages"
    )


def test_404_page_links_work_from_any_depth(fork_site: Path, subpath_base: str) -> None:
    """A host serves 404.html at whatever address was missing, so its links are root-relative."""
    links = page_links((fork_site / "404.html").read_text("utf-8"))
    missing_deep_page = subpath_base + "exercises/no-such-page/"
    targets = [urljoin(missing_deep_page, link.url) for link in links if not link.url.startswith("http")]
    assert any(t.endswith("/guide/exercises/") for t in targets)
    assert all(fetch(t)[0] == 200 for t in targets), targets


def test_site_url_comes_from_the_environment(fork_site: Path) -> None:
    page = (fork_site / "exercises/bridge/index.html").read_text("utf-8")
    assert f'<link rel="canonical" href="{FORK_URL}exercises/bridge/">' in page
    sitemap = (fork_site / "sitemap.xml").read_text("utf-8")
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert f"{FORK_URL}exercises/bridge/" in locations
    assert all(loc.startswith(FORK_URL) for loc in locations)
    assert len(locations) == len(list(fork_site.rglob("index.html")))
