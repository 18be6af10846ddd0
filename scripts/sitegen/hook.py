"""MkDocs hook: regenerate the Markdown before every build, so `mkdocs serve` reloads live.

`sitegen build` generates first (to report problems before MkDocs starts) and hands its
result over, so a build generates once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from sitegen.content.problems import CorpusError
from sitegen.pipeline import generate_for_build
from sitegen.publish.sheet import fill_markers, online_address
from sitegen.publish.write import write_pages

log = logging.getLogger("mkdocs.hooks.sitegen")


def on_pre_build(config: MkDocsConfig) -> None:
    """Load, check and render the sources next to mkdocs.yml into docs_dir."""
    root = Path(config.config_file_path).parent
    try:
        result = generate_for_build(root)
    except CorpusError as exc:
        raise PluginError(exc.report()) from None
    for warning in result.warnings:
        log.info("%s", warning)
    # Glossary tooltips on every page. MkDocs makes each page's Markdown instance from
    # mdx_configs when it renders the page, after this hook.
    config.mdx_configs["abbr"] = {"glossary": result.abbreviations}
    changes = write_pages(result.pages, Path(config.docs_dir))
    if changes.written or changes.removed:
        log.info("sitegen: %d written, %d removed", len(changes.written), len(changes.removed))


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable[[], None]) -> LiveReloadServer:
    """Watch the sources only: docs_dir is our output, so a change there is a rebuild we caused.

    MkDocs always watches docs_dir; without this, each save rebuilt the site twice (once for
    the YAML, once more for the Markdown this hook wrote), doubling the wait for a second save.
    """
    server.unwatch(config.docs_dir)
    return server


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Give printed sheets the page's own address, QR code and PDF link."""
    if "<!--sg:" not in html:
        return html
    # Sheets printed from the offline copy still point readers to the site on the web.
    address = online_address(config.site_url, page.url) if config.site_url else (page.abs_url or page.url)
    try:
        return fill_markers(html, address, lambda path: get_relative_url(path, page.url))
    except ValueError as exc:
        raise PluginError(f"{page.file.src_uri}: {exc}") from None
