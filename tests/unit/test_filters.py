"""The exercise library's filters: the facet rules in Python (filters.js is tested in tests/browser)."""

from __future__ import annotations

from sitegen.content.models import Exercise
from sitegen.render.filters import FACETS, facet_values, option_counts, tags

from ..conftest import expected


def test_position_groups_put_every_lying_position_together(exercises: dict[str, Exercise]) -> None:
    lying = expected(exercises, {"position": {"lying"}})
    assert {"supine-nerve-glide", "bridge", "pelvic-tilts"} <= lying
    assert not lying & {"bird-dog", "seated-nerve-slider", "warrior-pose"}


def test_ticks_in_one_group_widen_and_in_two_groups_narrow(exercises: dict[str, Exercise]) -> None:
    sitting = expected(exercises, {"position": {"sitting"}})
    standing = expected(exercises, {"position": {"standing"}})
    assert expected(exercises, {"position": {"sitting", "standing"}}) == sitting | standing
    gentle = expected(exercises, {"difficulty": {"gentle"}})
    assert expected(exercises, {"position": {"sitting"}, "difficulty": {"gentle"}}) == sitting & gentle
    assert "seated-nerve-tensioner" in sitting - gentle


def test_what_you_have_shows_only_exercises_you_can_do_with_it(exercises: dict[str, Exercise]) -> None:
    chair_only = expected(exercises, {"equipment": {"chair"}})
    assert chair_only == {key for key, e in exercises.items() if {k.value for k in e.equipment} <= {"chair"}}
    assert "seated-nerve-slider" in chair_only and "bridge" not in chair_only
    assert "bridge" in expected(exercises, {"equipment": {"chair", "mat", "pillow"}})


def test_nothing_ticked_shows_everything_and_counts_match_single_ticks(
    exercises: dict[str, Exercise],
) -> None:
    assert expected(exercises, {}) == set(exercises)
    counts = option_counts(list(exercises.values()))
    for facet in FACETS:
        for option in facet.options:
            assert counts[facet.name, option.value] == len(expected(exercises, {facet.name: {option.value}}))


def test_counts_say_what_a_tick_would_add(exercises: dict[str, Exercise]) -> None:
    lying = {"position": {"lying"}}
    counts = option_counts(list(exercises.values()), lying)
    # Another position: how many sitting exercises there are (ticking it widens the list).
    assert counts["position", "sitting"] == len(expected(exercises, {"position": {"sitting"}}))
    # Another group: how many lying exercises are gentle (ticking it narrows the list).
    assert counts["difficulty", "gentle"] == len(expected(exercises, {**lying, "difficulty": {"gentle"}}))
    # What you have: how many lying exercises you could do with a mat.
    assert counts["equipment", "mat"] == len(expected(exercises, {**lying, "equipment": {"mat"}}))


def test_every_exercise_has_one_option_in_each_single_choice_facet(exercises: dict[str, Exercise]) -> None:
    known = {facet.name: {option.value for option in facet.options} for facet in FACETS}
    for exercise in exercises.values():
        values = facet_values(exercise)
        for name in ("position", "category", "difficulty", "load"):
            assert len(values[name]) == 1 and values[name][0] in known[name], (exercise.id, name)
        assert set(values["equipment"]) <= known["equipment"]


def test_tags_name_the_facets(exercises: dict[str, Exercise]) -> None:
    assert tags(exercises["seated-nerve-slider"]) == ["Nerve glide", "Sitting", "Gentle", "Nerve slider"]
    assert tags(exercises["bridge"]) == ["Strength", "Lying down", "Moderate"]
