"""The offline copy: `sitegen offline` zips a site reproducibly, and its links work from file:// alone."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..conftest import OFFLINE_EPOCH as EPOCH
from ..conftest import OFFLINE_TOP as TOP
from ..conftest import build_offline, page_links


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
    assert f"{TOP}/sw.js" not in names  # a service worker cannot run from file://
    assert {info.date_time for info in infos} == {time.gmtime(int(EPOCH))[:6]}


def test_offline_links_name_html_files_and_nothing_loads_from_the_web(offline_site: Path) -> None:
    # 404.html is for web hosts (its links are absolute); nothing opens it from file://.
    pages = sorted(p for p in offline_site.rglob("*.html") if p.name != "404.html")
    assert len(pages) > 40
    folder_links, missing, remote = set(), set(), set()
    for page in pages:
        links = page_links(page.read_text("utf-8"))
        rel = page.relative_to(offline_site).as_posix()
        # A manifest fetched from file:// is a CORS error in the console.
        assert not [link for link in links if link.rel == "manifest"], rel
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
