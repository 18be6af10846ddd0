"""Tests for sitegen.publish.pdf's reproducibility edit (printing: tests/browser/test_print.py)."""

from __future__ import annotations

import pytest

from sitegen.publish.pdf import make_reproducible

SAMPLE = (
    b"<</Producer (Skia/PDF m156)\n/CreationDate (D:20261121141602+00'00')\n"
    b"/ModDate (D:20261121141602+00'00')>>\n"
    b"<</S /P /ID (node00000875)>> <</S /L /ID (node00000879)>> <</Names [(node00000875) 3 0 R]>>"
)


def test_dates_and_node_ids_are_fixed_in_place() -> None:
    fixed = make_reproducible(SAMPLE, 1772600767)  # 2026-03-04T05:06:07Z
    assert len(fixed) == len(SAMPLE)
    assert fixed.count(b"(D:20260304050607+00'00')") == 2
    assert b"/ID (node00000000)>> <</S /L /ID (node00000004)>>" in fixed
    assert b"[(node00000000) 3 0 R]" in fixed


@pytest.mark.parametrize(
    "broken",
    [SAMPLE.replace(b"/ModDate", b"/Other"), SAMPLE.replace(b"(node", b"(elem")],
    ids=["a date is missing", "not tagged"],
)
def test_an_unexpected_pdf_fails_loudly(broken: bytes) -> None:
    with pytest.raises(RuntimeError):
        make_reproducible(broken, 0)
