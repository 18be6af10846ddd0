"""Printed-sheet pieces: the address a sheet prints, whichever copy it was printed from."""

from __future__ import annotations

import pytest

from sitegen.publish.sheet import online_address, short_address


@pytest.mark.parametrize(
    ("page_url", "expected"),
    [
        ("exercises/bridge/", "https://example.org/guide/exercises/bridge/"),  # web build
        ("exercises/bridge.html", "https://example.org/guide/exercises/bridge/"),  # offline copy
        ("exercises/index.html", "https://example.org/guide/exercises/"),
        ("index.html", "https://example.org/guide/"),
        ("", "https://example.org/guide/"),
    ],
)
def test_sheets_print_the_web_address_in_directory_form(page_url: str, expected: str) -> None:
    assert online_address("https://example.org/guide/", page_url) == expected


def test_short_address_drops_scheme_and_trailing_slash() -> None:
    assert (
        short_address("https://example.org/guide/exercises/bridge/") == "example.org/guide/exercises/bridge"
    )
