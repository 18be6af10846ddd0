"""Print every exercise and routine sheet of a built site to PDF in Debian's Chromium.

The PDFs come from the same pages and print stylesheet a reader prints from, so paper
and PDF never drift apart. Needs Playwright (a dev dependency), never `playwright install`.
"""

from __future__ import annotations

import functools
import os
import re
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from sitegen.publish.sheet import pdf_path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
SHEET_FOLDERS = ("exercises", "routines")
PAPER = "A4"


@dataclass(frozen=True)
class Sheet:
    """A page to print: its id, its path in the site, and where its PDF goes."""

    item_id: str
    page: str
    pdf: str


def sheets(site: Path) -> list[Sheet]:
    """Every exercise and routine sheet of a built site (either URL style), in name order."""
    found = []
    for folder in SHEET_FOLDERS:
        for page in sorted((site / folder).glob("*/index.html")) + sorted((site / folder).glob("*.html")):
            item_id = page.parent.name if page.name == "index.html" else page.stem
            # Index and tag pages share the folders; a sheet is a page with a sheet in it.
            if item_id in (folder, "index") or 'class="sg-sheet' not in page.read_text("utf-8"):
                continue
            found.append(Sheet(item_id, page.relative_to(site).as_posix(), pdf_path(item_id)))
    return found


class _QuietHandler(SimpleHTTPRequestHandler):
    #: The path the site lives under, e.g. "/guide/" for a project page on GitHub Pages.
    base_path = "/"

    def translate_path(self, path: str) -> str:
        """Serve the folder under base_path only; anything outside it is not found."""
        if not path.startswith(self.base_path):
            return str(Path(str(self.directory)) / "__outside_the_base_path__")
        return super().translate_path("/" + path[len(self.base_path) :])

    def log_message(self, format: str, *args: Any) -> None:
        """Stay silent: progress lines are the only output."""


@contextmanager
def serve(site: Path, base_path: str = "/") -> Iterator[str]:
    """Serve a folder on a free local port (under base_path) for the block; yield its base URL."""
    handler_class = type("_Handler", (_QuietHandler,), {"base_path": base_path})
    handler = functools.partial(handler_class, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{base_path}"
    finally:
        server.shutdown()
        server.server_close()


#: Chromium stamps the print time into the document information, in this fixed-width
#: form when it runs in UTC; the build's own time replaces it, byte for byte.
_PDF_DATE = re.compile(rb"/(CreationDate|ModDate) \(D:\d{14}\+00'00'\)")
#: Tagged PDFs name structure elements after DOM node ids, which come from a browser-wide
#: counter: the same page can start at node875 in one run and node874 in the next.
_NODE_ID = re.compile(rb"\(node(\d{8})\)")


def make_reproducible(pdf: bytes, epoch: int) -> bytes:
    """Date the PDF `epoch` and number its node ids from 0; fail loudly if either is missing.

    Both edits keep every byte count, so the cross-reference offsets stay right; the node
    ids keep their order, so the sorted ID tree stays sorted.
    """
    stamp = time.strftime("%Y%m%d%H%M%S", time.gmtime(epoch)).encode()
    fixed, dates = _PDF_DATE.subn(lambda m: b"/" + m.group(1) + b" (D:" + stamp + b"+00'00')", pdf)
    if dates != 2:
        raise RuntimeError(f"expected a CreationDate and a ModDate in the PDF, found {dates} dates")
    ids = [int(found) for found in _NODE_ID.findall(fixed)]
    if not ids:
        raise RuntimeError("expected a tagged PDF with node ids; did Chromium change its output?")
    first = min(ids)
    fixed = _NODE_ID.sub(lambda m: b"(node%08d)" % (int(m.group(1)) - first), fixed)
    assert len(fixed) == len(pdf)
    return fixed


def render_pdfs(site: Path, epoch: int, paper: str = PAPER) -> list[Path]:
    """Print each sheet of `site` into site/pdf/, dated `epoch`; report progress on stderr."""
    from playwright.sync_api import sync_playwright  # dev dependency: imported only here

    todo = sheets(site)
    written = []
    started = time.perf_counter()
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=list(CHROMIUM_ARGS), env={**os.environ, "TZ": "UTC"}
        )
        page = browser.new_page()
        for number, sheet in enumerate(todo, 1):
            target = site / sheet.pdf
            target.parent.mkdir(parents=True, exist_ok=True)
            page.goto(base + sheet.page, wait_until="load")
            pdf = page.pdf(format=paper, outline=False, tagged=True)
            target.write_bytes(make_reproducible(pdf, epoch))
            written.append(target)
            print(f"pdf [{number:>2}/{len(todo)}] {sheet.page} -> {sheet.pdf}", file=sys.stderr)
        browser.close()
    print(f"pdf: {len(written)} sheets in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return written
