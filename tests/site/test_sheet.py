"""Printed sheets in the built site: every sheet's QR code, read back with ZXing, opens its page."""

from __future__ import annotations

import re
from pathlib import Path

import zxingcpp

#: One move or run of segno's QR path: M/m x y, or h length.
_QR_STEP = re.compile(r"([Mmh])(-?\d+(?:\.\d+)?)(?: (-?\d+(?:\.\d+)?))?")


def decode_qr(svg: str) -> list[str]:
    """Draw a printed QR code's modules as pixels and read them back with ZXing (independent of segno)."""
    width, path = re.search(r'width="(\d+)"', svg), re.search(r' d="([^"]+)"', svg)
    assert width and path, "not a segno QR code"
    size = int(width.group(1)) // 2  # drawn at scale 2
    rows = [[255] * size for _ in range(size)]
    x = y = 0.0
    for command, first, second in _QR_STEP.findall(path.group(1)):
        if command == "h":
            for column in range(int(x), int(x) + int(first)):
                rows[int(y)][column] = 0
            x += int(first)
        else:
            x, y = (float(first), float(second)) if command == "M" else (x + float(first), y + float(second))
    scale = 4  # pixels per module
    pixels = b"".join(bytes(v for v in row for _ in range(scale)) * scale for row in rows)
    image = memoryview(pixels).cast("B", (size * scale, size * scale))
    return [code.text for code in zxingcpp.read_barcodes(image)]


def test_every_printed_qr_code_opens_its_page(real_site: Path) -> None:
    sheets = sorted(real_site.glob("*/*/index.html"))
    checked = 0
    for page in sheets:
        html = page.read_text("utf-8")
        svg = re.search(r'<svg aria-hidden="true"[^>]*class="sg-qr".*?</svg>', html)
        if svg is None:
            continue
        canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html)
        assert canonical, page
        assert decode_qr(svg.group(0)) == [canonical.group(1)], page
        checked += 1
    assert checked >= 20  # every exercise and routine sheet
