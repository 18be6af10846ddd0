"""Tests for figure checks: bad pose data fails with file:line and a fix to try."""

from __future__ import annotations

from pathlib import Path

from .test_checks import corpus_problems
from .test_load import edit

ALPHA = "exercises/alpha-slide.yaml"


def line_of(path: Path, text: str, occurrence: int = 1) -> int:
    lines = path.read_text("utf-8").splitlines()
    hits = [i + 1 for i, line in enumerate(lines) if text in line]
    return hits[occurrence - 1]


def test_joint_beyond_its_normal_range_is_an_error_at_its_line(fixture_project: Path) -> None:
    path = fixture_project / ALPHA
    edit(path, "      left_knee: 15\n", "      left_knee: -20\n")
    line = line_of(path, "left_knee: -20")
    problems = corpus_problems(fixture_project)
    assert (
        f"{ALPHA}:{line}:18: figure.end.angles.left_knee: -20° (straightening past straight) "
        "is outside the normal range of the knee (0° to 155°)"
    ) in problems


def test_body_below_the_floor_says_how_far_and_how_to_fix_it(fixture_project: Path) -> None:
    path = fixture_project / ALPHA
    edit(path, "  start:\n    hips: [0, 28.5]", "  start:\n    hips: [0, 20]")
    line = line_of(path, "hips: [0, 20]")
    problems = corpus_problems(fixture_project)
    assert (
        f"{ALPHA}:{line}:5: figure.start.hips: the body goes 8.5 below the floor (at the left toes); "
        "raise the hips to y = 28.5"
    ) in problems


def test_floating_body_is_an_error(fixture_project: Path) -> None:
    path = fixture_project / ALPHA
    edit(path, "  end:\n    hips: [0, 28.5]", "  end:\n    hips: [0, 40]")
    problems = corpus_problems(fixture_project)
    assert any(
        "figure.end.hips: the body floats 11.5 above the floor and props; lower the hips to y = 28.5" in p
        for p in problems
    ), problems


def test_end_pose_must_differ_from_start(fixture_project: Path) -> None:
    path = fixture_project / ALPHA
    edit(path, "      neck: -30\n", "      neck: 25\n")
    edit(path, "      left_knee: 15\n", "      left_knee: 90\n")
    problems = corpus_problems(fixture_project)
    assert any("figure.end: the end pose is the same as the start pose" in p for p in problems), problems


def test_exercise_without_a_figure_fails(fixture_project: Path) -> None:
    path = fixture_project / ALPHA
    text = path.read_text("utf-8")
    path.write_text(text[: text.index("figure:")], "utf-8")
    problems = corpus_problems(fixture_project)
    assert any(p.startswith(f"{ALPHA}:2:1: figure: ") and "required" in p for p in problems), problems


def test_unknown_joint_name_is_reported(fixture_project: Path) -> None:
    edit(fixture_project / ALPHA, "      left_knee: 15\n", "      left_knee: 15\n      left_kneee: 10\n")
    problems = corpus_problems(fixture_project)
    assert any("figure.end.angles.left_kneee: " in p for p in problems), problems


def test_an_exercise_figure_must_show_a_movement_but_a_guide_picture_may_be_still(
    fixture_project: Path,
) -> None:
    alpha = fixture_project / ALPHA
    text = alpha.read_text("utf-8")
    end = text.index("  end:\n")
    after = text.index("\n", text.index("angles:", end) + 1)
    rest = text[after + 1 :]
    while rest.startswith("      "):
        rest = rest[rest.index("\n") + 1 :]
    alpha.write_text(text[:end] + rest, "utf-8")
    picture = fixture_project / "content/figures/sit-test.yaml"
    text = picture.read_text("utf-8")
    picture.write_text(text[: text.index("  end:")], "utf-8")
    problems = corpus_problems(fixture_project)
    assert any(
        p.startswith(f"{ALPHA}:") and "figure.end: an exercise's figure needs an end pose" in p
        for p in problems
    ), problems
    assert not any(p.startswith("content/figures/") for p in problems), problems


def test_seen_from_above_only_pillows_are_drawn(fixture_project: Path) -> None:
    picture = fixture_project / "content/figures/sit-test.yaml"
    edit(picture, "figure:\n  props:", "figure:\n  view: above\n  props:")
    problems = corpus_problems(fixture_project)
    assert any(
        "figure.props[0].kind: seen from above, only pillows are drawn (the bed is); not a chair" in p
        for p in problems
    ), problems
