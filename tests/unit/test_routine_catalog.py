"""Tests for sitegen.render.routine_catalog: the data the My routine page builds routines from."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from sitegen.content.load import Catalog, load_corpus
from sitegen.content.models import Dose, Range
from sitegen.render.pages import render
from sitegen.render.routine_catalog import (
    DOSE_FIELDS,
    LOWEST,
    MAX_ITEMS,
    PAGE,
    catalog_script,
    dose_ranges,
    phrase,
    routine_catalog,
    safe_range,
)
from sitegen.render.text import dose_phrases

from ..conftest import FIXTURE_CORPUS, ROOT

EMBEDDED = re.compile(r'<script type="application/json" id="sg-routine-data">(.*?)</script>', re.S)


@pytest.fixture(scope="module")
def real() -> Catalog:
    return load_corpus(ROOT)[0]


def catalog_of(catalog: Catalog) -> dict[str, Any]:
    exercises = {key: source.model for key, source in catalog.exercises.items()}
    references = {key: source.model for key, source in catalog.references.items()}
    return routine_catalog(exercises, references)


def dose_with(key: str, value: int | Range) -> Dose:
    """A valid dose with one field set to value (and the required rest at 1)."""
    base: dict[str, Any] = {"reps": 1, "sets": 1, "per_day": 1, "rep_seconds": 6, "source": "ref"}
    return Dose(**{**base, key: value})


@pytest.mark.parametrize("field", DOSE_FIELDS, ids=lambda f: f.key)
def test_phrases_match_the_pages_wording(field: Any) -> None:
    """The script words a dose from these forms; the pages word it with text.dose_phrases."""
    for n in range(1, 41):
        assert phrase(field, n) == dose_phrases(dose_with(field.key, n))[field.key], (field.key, n)
    for low, high in [(1, 2), (2, 3), (8, 12), (20, 30)]:
        assert (
            phrase(field, low, high)
            == dose_phrases(dose_with(field.key, Range(low=low, high=high)))[field.key]
        )


def test_the_reader_may_lower_to_one_and_raise_to_the_sourced_top() -> None:
    assert safe_range(10) == (10, 10)
    assert safe_range(Range(low=8, high=12)) == (8, 12)
    assert LOWEST == 1
    dose = Dose(
        reps=Range(low=8, high=12),
        hold_seconds=2,
        sets=1,
        days_per_week=Range(low=2, high=3),
        rep_seconds=6,
        source="x",
    )
    assert dose_ranges(dose) == [
        ["reps", 8, 12],
        ["hold_seconds", 2, 2],
        ["sets", 1, 1],
        ["days_per_week", 2, 3],
    ]


def test_share_link_letters_are_unique_single_letters() -> None:
    codes = [field.code for field in DOSE_FIELDS]
    assert len(set(codes)) == len(codes) and all(re.fullmatch("[a-z]", code) for code in codes)


def test_every_exercise_is_in_the_catalog_with_what_the_sheet_needs(real: Catalog) -> None:
    data = catalog_of(real)
    assert data["max"] == MAX_ITEMS and data["lowest"] == LOWEST
    assert set(data["exercises"]) == set(real.exercises)
    for key, source in real.exercises.items():
        e, entry = source.model, data["exercises"][key]
        assert entry["name"] == e.name and entry["steps"] == list(e.steps) and entry["setup"] == list(e.setup)
        assert entry["stop"] == list(e.stop_rules.stop) and entry["ease_off"] == list(e.stop_rules.ease_off)
        assert entry["dose"] == dose_ranges(e.dose) and entry["source_id"] == e.dose.source
        assert entry["source"].endswith(f"({real.references[e.dose.source].model.year})")
        assert entry["reviewed"] == e.reviewed.isoformat()
        assert entry["next_review"] == e.next_review.isoformat()


def test_script_json_cannot_end_the_script_or_open_template_syntax() -> None:
    data = {"a": "</script><!-- & {{ x }} {% y %} {# z #} {{{", "b": {"c": {"d": {}}}, "e": "\u2028%}"}
    text = str(catalog_script(data))
    assert json.loads(text) == data
    for unsafe in ("<", ">", "&", "{{", "{%", "{#", "%}", "\u2028"):
        assert unsafe not in text, unsafe


def test_the_page_embeds_the_catalog_and_every_figure_but_no_sheet_class() -> None:
    catalog, problems = load_corpus(FIXTURE_CORPUS)
    assert problems == []
    page = render(catalog)[PAGE]
    found = EMBEDDED.search(page)
    assert found and json.loads(found.group(1)) == catalog_of(catalog)
    # The PDF step prints every page holding this; the script adds it when there is a routine.
    assert 'class="sg-sheet' not in page
    for key in catalog.exercises:
        assert f'id="fig-{key}-title"' in page
        assert f"[{catalog.exercises[key].model.name.split(' <')[0]}" in page  # the no-script list
        assert f'data-sg-routine-link="{key}"' in page
    # The fixture's exercise name carries a script tag: it reaches the page as text only.
    assert "<script>alert" not in page


def test_every_exercise_page_and_card_offers_add_to_my_routine() -> None:
    catalog, _ = load_corpus(FIXTURE_CORPUS)
    pages = render(catalog)
    for key in catalog.exercises:
        add = f'data-sg-routine-add="{key}" hidden'
        assert add in pages[f"exercises/{key}.md"] and add in pages["exercises/index.md"]
        assert "](../my-routine.md)" in pages[f"exercises/{key}.md"]
    assert "](my-routine.md)" in pages["index.md"] and "](../my-routine.md)" in pages["routines/index.md"]
