"""Installable and offline after one visit, in the built site: the web app manifest, its icons,
and the service worker Workbox writes (sw.js precaches every page but no PDF)."""

from __future__ import annotations

import json
import re
import struct
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.utils.yaml import yaml_load

from ..conftest import ROOT, page_links


def manifest_of(site: Path) -> dict[str, object]:
    data = json.loads((site / "manifest.webmanifest").read_text("utf-8"))
    assert isinstance(data, dict)
    return data


def png_size(path: Path) -> tuple[int, int]:
    """A PNG's width and height, from its IHDR chunk."""
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR", path
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def precached(site: Path) -> list[str]:
    """The URLs sw.js precaches, from the manifest Workbox writes into it."""
    return re.findall(r'\{url:"([^"]+)",revision:', (site / "sw.js").read_text("utf-8"))


def test_the_manifest_names_the_site_and_its_icons_exist(real_site: Path) -> None:
    with (ROOT / "mkdocs.yml").open("rb") as fd:
        config = yaml_load(fd)
    manifest = manifest_of(real_site)
    assert manifest["name"] == config["site_name"] == "Sciatica movement guide"
    assert isinstance(manifest["short_name"], str) and len(manifest["short_name"]) <= 12
    # Relative, so the installed app opens the site's own home page under a subpath too.
    assert (manifest["start_url"], manifest["scope"], manifest["display"]) == ("./", "./", "standalone")
    assert manifest["theme_color"] == "#3f51b5"
    icons = manifest["icons"]
    assert isinstance(icons, list)
    sizes = set()
    for icon in icons:
        path = real_site / icon["src"]
        assert path.is_file(), icon["src"]
        if icon["type"] == "image/png":
            width, height = png_size(path)
            assert icon["sizes"] == f"{width}x{height}"
            sizes.add((width, icon.get("purpose", "any")))
    assert {(192, "any"), (512, "any"), (512, "maskable")} <= sizes
    assert config["theme"]["favicon"] == "assets/images/icon.svg"
    assert (real_site / config["theme"]["favicon"]).read_text("utf-8").startswith("<svg")


def test_every_page_links_the_manifest_the_icon_and_its_theme_colour(real_site: Path) -> None:
    pages = sorted(p for p in real_site.rglob("*.html") if p.name != "404.html")
    assert len(pages) > 50
    for page in pages:
        html = page.read_text("utf-8")
        links = {link.rel: link.url for link in page_links(html) if link.tag == "link"}
        address = page.relative_to(real_site).as_posix()
        assert urljoin(address, links["manifest"]) == "manifest.webmanifest", address
        assert urljoin(address, links["icon"]) == "assets/images/icon.svg", address
        assert '<meta name="theme-color" content="#3f51b5">' in html, address


def test_the_service_worker_precaches_every_page_and_what_they_load(real_site: Path) -> None:
    urls = precached(real_site)
    assert urls == sorted(urls), "sorted, so the same site gives the same sw.js"
    assert all((real_site / url).is_file() for url in urls)
    pages = {p.relative_to(real_site).as_posix() for p in real_site.rglob("*.html")} - {"404.html"}
    assert pages <= set(urls)
    ours = {f"assets/javascripts/{p.name}" for p in (ROOT / "overrides/assets/javascripts").glob("*.js")}
    assert ours <= set(urls)
    assert {"search/search_index.json", "manifest.webmanifest", "assets/images/icon-192.png"} <= set(urls)
    assert any(re.fullmatch(r"assets/javascripts/workers/search\.[0-9a-f]{8}\.min\.js", u) for u in urls)
    assert any(re.fullmatch(r"assets/stylesheets/main\.[0-9a-f]{8}\.min\.css", u) for u in urls)
    # Left out: search's language packs (an English site loads none), source maps, PDFs, sw.js.
    left_out = [u for u in urls if "/lunr/" in u or u.endswith((".map", ".pdf")) or u == "sw.js"]
    assert left_out == []
    # Workbox's runtime is inlined: one file, nothing else to load, no source map.
    assert not list(real_site.glob("workbox-*.js"))
    assert "sourceMappingURL" not in (real_site / "sw.js").read_text("utf-8")
