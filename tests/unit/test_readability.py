"""Tests for sitegen.checks.readability: grades, the limit, the printed table."""

from __future__ import annotations

from pathlib import Path

from sitegen.checks.corpus import check_with_grades
from sitegen.checks.readability import MAX_GRADE, grade
from sitegen.content.load import load_corpus

from ..conftest import FIXTURE_CORPUS, edit, run_sitegen

HARD = (
    "Subsequently, methodically reposition the contralateral extremity, "
    "maintaining neurodynamic equilibrium throughout the intervention."
)


def test_plain_text_grades_low_and_dense_text_high() -> None:
    assert grade(["Sit on a firm chair.", "Bend your knee."]) < 4
    assert grade([HARD]) > 12


def test_items_without_a_full_stop_count_as_sentences() -> None:
    assert grade(["Sit down", "Bend your knee"]) == grade(["Sit down.", "Bend your knee."])


def test_fixture_exercises_are_within_the_limit() -> None:
    catalog, _ = load_corpus(FIXTURE_CORPUS)
    problems, rows = check_with_grades(catalog)
    assert [row.page for row in rows] == ["exercises/alpha-slide", "exercises/beta-hold"]
    assert all(value <= MAX_GRADE for row in rows for value in row.grades.values())
    assert not [problem for problem in problems if "reading grade" in problem.message]


def test_hard_cautions_fail_the_build(fixture_project: Path) -> None:
    edit(fixture_project / "exercises/beta-hold.yaml", "  - You have a hip replacement.", f"  - {HARD}")
    result = run_sitegen(fixture_project, "check")
    assert result.returncode == 1
    assert "exercises/beta-hold.yaml:30:1: cautions: reading grade" in result.stderr
    # The table is printed on failure too, with the failing page flagged.
    assert any(
        line.startswith("exercises/beta-hold") and line.endswith("> limit")
        for line in result.stderr.splitlines()
    )


def test_check_prints_the_table(fixture_project: Path) -> None:
    result = run_sitegen(fixture_project, "check")
    assert result.returncode == 0
    assert "stop rules" in result.stderr and "exercises/alpha-slide" in result.stderr
