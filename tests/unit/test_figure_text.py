"""Tests for sitegen.figures.describe: the text alternative says what the figure shows."""

from __future__ import annotations

from typing import Any

from sitegen.content.load import load_corpus
from sitegen.content.models import Angles, Exercise, Prop, PropKind
from sitegen.figures.describe import describe, legend

from ..conftest import FIXTURE_CORPUS


def fixture_exercise(exercise_id: str, **figure_changes: Any) -> Exercise:
    exercise = load_corpus(FIXTURE_CORPUS)[0].exercises[exercise_id].model
    figure = exercise.figure.model_copy(update=figure_changes)
    return exercise.model_copy(update={"figure": figure})


def test_seated_slider_is_described_from_its_angles() -> None:
    title, desc = describe(fixture_exercise("alpha-slide"))
    assert title.endswith(": the movement")
    assert desc == "Sitting on a chair. The left knee straightens while the head tips back."


def test_both_sides_moving_alike_are_named_once() -> None:
    _, desc = describe(fixture_exercise("beta-hold"))
    setting, motion = desc.split(". ", 1)
    assert setting == "Lying on the back on a mat with a pillow"
    assert motion == "The left leg bends, both arms lift and both elbows bend."


def test_more_poses_are_numbered_in_the_order_of_the_movement() -> None:
    start, end = fixture_exercise("alpha-slide").figure.poses
    lifted = start.model_copy(update={"hips": (0, 33.5)})
    _, desc = describe(fixture_exercise("alpha-slide", poses=[start, end, lifted]))
    assert "1 to 2: the left knee straightens while the head tips back." in desc
    assert "2 to 3: the left knee bends" in desc and "the bottom lifts" in desc
    assert desc.endswith(" Then back to 1.")
    # A pose that comes again is named by its number, not described twice.
    _, desc = describe(fixture_exercise("alpha-slide", poses=[start, end, start, lifted]))
    assert "1 to 2: the left knee straightens while the head tips back. Back to 1. 1 to 3: " in desc
    assert legend(fixture_exercise("alpha-slide", poses=[start, end, start, lifted]), False, False) == (
        "The numbers give the order of the positions."
    )


def test_legend_names_only_the_marks_drawn() -> None:
    exercise = fixture_exercise("alpha-slide")
    assert "Dashed line" in legend(exercise, shows_nerve=True, shows_target=False)
    assert "Dotted circle" not in legend(exercise, shows_nerve=True, shows_target=False)
    assert legend(fixture_exercise("beta-hold"), False, True).startswith("1: where you start. 2: where")


def test_props_share_one_with() -> None:
    exercise = fixture_exercise("beta-hold")
    props = [*exercise.figure.props, Prop(kind=PropKind.STRAP)]
    _, desc = describe(fixture_exercise("beta-hold", props=props))
    assert desc.startswith("Lying on the back on a mat with a pillow and a strap around the foot. ")


def test_pelvis_rocking_over_still_thighs_is_not_called_hip_bending() -> None:
    exercise = fixture_exercise("alpha-slide")
    start = exercise.figure.poses[0]
    end = start.model_copy(
        update={
            "angles": start.angles.model_copy(
                update={"pelvis": 15, "lumbar": -15, "left_hip": 105, "right_hip": 105}
            )
        }
    )
    _, desc = describe(fixture_exercise("alpha-slide", poses=[start, end]))
    assert desc == "Sitting on a chair. The pelvis rocks forward while the back arches."


def test_neck_words_name_where_the_head_ends() -> None:
    exercise = fixture_exercise("alpha-slide")
    start = exercise.figure.poses[0].model_copy(update={"angles": Angles(neck=40)})
    level = exercise.figure.poses[0].model_copy(update={"angles": Angles(neck=0)})
    _, desc = describe(fixture_exercise("alpha-slide", poses=[start, level]))
    assert desc.endswith("The head lifts.")
    _, desc = describe(fixture_exercise("alpha-slide", poses=[level, start]))
    assert desc.endswith("The chin tips down.")
