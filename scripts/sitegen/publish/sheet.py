"""Printed-sheet pieces that depend on where the site is hosted: address, QR code, links."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from functools import lru_cache
from urllib.parse import urljoin

import segno
from markupsafe import Markup

#: Markers the templates leave for the hook (see templates/_macros.j2).
ADDRESS_MARKER = "<!--sg:address-->"
ACTIONS_MARKER = re.compile(r"<!--sg:actions:(exercises|routines)/([a-z0-9-]+)-->")


def online_address(site_url: str, page_url: str) -> str:
    """The page's web address in directory form, even in the offline copy (x.html -> x/)."""
    path = page_url.removesuffix("index.html")
    if path.endswith(".html"):
        path = path.removesuffix(".html") + "/"
    return urljoin(site_url, path)


def short_address(url: str) -> str:
    """The page address as a person would type it: no scheme, no trailing slash."""
    return re.sub(r"^https?://", "", url).rstrip("/")


#: One of the 8 QR mask patterns; all decode the same.
QR_MASK = 0


@lru_cache(maxsize=4096)
def qr_svg(url: str) -> Markup:
    """A QR code of the address as inline SVG, black on white (it only ever prints).

    Cached, as live reload redraws every sheet on each save; the mask is fixed because
    segno's search for the best one was 85 % of the time (any mask scans).
    """
    code = segno.make(url, error="m", micro=False, mask=QR_MASK)
    svg = code.svg_inline(scale=2, border=2, dark="#000", omitsize=False, svgclass="sg-qr")
    return Markup(svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1))


def address_block(url: str) -> Markup:
    """The print-only box with the page's address and its QR code."""
    short = html.escape(short_address(url))
    return Markup(
        f'<div class="sg-print-only sg-address" data-search-exclude="">{qr_svg(url)}'
        f"<p>Online, with updates:<br><strong>{short}</strong></p></div>"
    )


def actions_block(pdf_href: str) -> Markup:
    """Print button (shown by a small script) and a link to the sheet's PDF."""
    href = html.escape(pdf_href, quote=True)
    return Markup(
        '<p class="sg-actions sg-screen-only">'
        '<button type="button" class="md-button md-button--primary" data-sg-print hidden>'
        "Print this sheet</button> "
        f'<a class="md-button" href="{href}" download>Download PDF</a></p>'
    )


def pdf_path(item_id: str) -> str:
    """Where a sheet's PDF lives in the site (exercise and routine ids never clash)."""
    return f"pdf/{item_id}.pdf"


def fill_markers(page_html: str, canonical_url: str, relative: Callable[[str], str]) -> str:
    """Replace the sheet markers in a page's HTML; fail loudly on a marker left unfilled.

    `relative` turns a site path into a link relative to the page, in MkDocs' URL style.
    """
    filled = page_html.replace(ADDRESS_MARKER, address_block(canonical_url))
    filled = ACTIONS_MARKER.sub(lambda m: actions_block(relative(pdf_path(m.group(2)))), filled)
    if "<!--sg:" in filled:
        raise ValueError("a printed-sheet marker was left unfilled")
    return filled
