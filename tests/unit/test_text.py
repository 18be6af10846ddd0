"""Tests for sitegen.render.text: escaping data for Markdown, labels and dose phrases."""

from __future__ import annotations

import markdown
import pytest

from sitegen.content.models import Dose, DoseOverride, Range
from sitegen.render.text import dose_parts, md_text

EXTENSIONS = ["abbr", "attr_list", "def_list", "md_in_html", "tables", "admonition"]


@pytest.mark.parametrize(
    "raw",
    [
        "<script>alert(1)</script>",
        "*bold* and _under_ and `code`",
        "[link](https://evil.example)",
        "text {: .injected #id }",
        "# heading",
        "1. item",
        "- item",
        "a | b",
        "Tom & Jerry",
        '--8<-- "secret.txt"',
        "*[HTML]: abbreviation",
    ],
)
def test_escaped_text_renders_literally(raw: str) -> None:
    html = markdown.markdown(md_text(raw), extensions=EXTENSIONS)
    expected = raw.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    assert html in {f"<p>{expected}</p>", f"<p>{expected.replace('&quot;', chr(34))}</p>"}


def test_whitespace_is_collapsed_to_one_line() -> None:
    assert md_text("one\n\n  two") == "one two"


def test_dose_phrases() -> None:
    dose = Dose(reps=10, sets=Range(low=2, high=3), per_day=1, rep_seconds=6, source="x")
    assert dose_parts(dose) == ["10 repetitions", "2–3 sets", "once a day"]
    held = Dose(hold_seconds=Range(low=20, high=30), sets=1, days_per_week=3, rep_seconds=6, source="x")
    assert dose_parts(held) == ["hold 20–30 seconds", "1 set", "3 days a week"]


def test_override_keeps_the_rest_of_the_base_dose() -> None:
    base = Dose(reps=10, sets=2, per_day=2, rep_seconds=6, source="x")
    assert dose_parts(DoseOverride(reps=5), base) == ["5 repetitions", "2 sets", "twice a day"]
