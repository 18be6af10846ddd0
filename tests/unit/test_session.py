"""The Follow along page's data: each exercise's pace, sides and rest, and the routines' doses."""

from __future__ import annotations

from typing import Any

import pytest

from sitegen.content.load import Catalog, load_corpus
from sitegen.content.models import Sides
from sitegen.render.routine_catalog import DOSE_FIELDS
from sitegen.render.session import session_catalog

from ..conftest import ROOT


@pytest.fixture(scope="module")
def real_catalog() -> Catalog:
    catalog, problems = load_corpus(ROOT)
    assert [p for p in problems if "warning" not in str(p)] == []
    return catalog


def catalog_data(catalog: Catalog) -> dict[str, Any]:
    assert catalog.session is not None
    return session_catalog(
        {k: s.model for k, s in catalog.exercises.items()},
        {k: s.model for k, s in catalog.routines.items()},
        {k: s.model for k, s in catalog.references.items()},
        catalog.session.model,
    )


def test_each_exercise_carries_its_pace_sides_and_rest(real_catalog: Catalog) -> None:
    data = catalog_data(real_catalog)
    timings = real_catalog.session.model  # type: ignore[union-attr]
    assert (data["ready"], data["change"]) == (timings.get_ready_seconds, timings.change_position_seconds)
    assert data["codes"] == {f.code: f.key for f in DOSE_FIELDS}
    for key, source in real_catalog.exercises.items():
        e, entry = source.model, data["exercises"][key]
        assert entry["rep_seconds"] == e.dose.rep_seconds
        assert entry["rest_seconds"] == (e.dose.rest_seconds or timings.rest_seconds)
        assert entry["sides"] == e.sides.value
        assert bool(entry["switch_cue"]) == (e.sides is not Sides.ONE)
        assert entry["bad_day"] == e.bad_day and entry["stop"] == list(e.stop_rules.stop)


def test_a_routine_runs_each_dose_at_the_low_end_of_its_range(real_catalog: Catalog) -> None:
    data = catalog_data(real_catalog)
    for key, source in real_catalog.routines.items():
        routine = data["routines"][key]
        assert routine["title"] == source.model.title
        assert [item["id"] for item in routine["items"]] == [i.exercise for i in source.model.items]
        for item, model in zip(routine["items"], source.model.items, strict=True):
            for field, amount in model.dose or ():
                if amount is not None:
                    low = amount if isinstance(amount, int) else amount.low
                    assert item["dose"][field] == low


def test_exercises_done_on_each_side_are_the_ones_whose_steps_say_so(real_catalog: Catalog) -> None:
    """The data, held: the stretches taken in turn, warrior on each side, the rest on one."""
    by_sides = {s: sorted(k for k, e in real_catalog.exercises.items() if e.model.sides is s) for s in Sides}
    assert by_sides[Sides.EACH] == ["warrior-pose"]
    assert by_sides[Sides.ALTERNATE] == [
        "figure-four-stretch",
        "knee-to-chest",
        "knee-to-opposite-shoulder",
        "pigeon-pose",
    ]
