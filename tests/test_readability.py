"""Tests for sitegen.readability: grades, the limit, the printed table."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from sitegen.checks import check_with_grades
from sitegen.load import load_corpus
from sitegen.readability import MAX_GRADE, flesch_kincaid_grade, format_table, grade, textstat

from .conftest import FIXTURE_CORPUS, ROOT, run_sitegen
from .test_load import edit

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


def test_hard_steps_fail_with_their_place(fixture_project: Path) -> None:
    edit(fixture_project / "exercises/beta-hold.yaml", "  - Hug one knee.", f"  - {HARD}")
    catalog, _ = load_corpus(fixture_project)
    problems, rows = check_with_grades(catalog)
    [problem] = [problem for problem in problems if "reading grade" in problem.message]
    assert str(problem).startswith("exercises/beta-hold.yaml:14:1: steps: reading grade ")
    assert "above 8" in str(problem)
    table = format_table(rows)
    assert "exercises/beta-hold" in table and "> limit" in table


def test_hard_cautions_fail_the_build(fixture_project: Path) -> None:
    edit(fixture_project / "exercises/beta-hold.yaml", "  - You have a hip replacement.", f"  - {HARD}")
    result = run_sitegen(fixture_project, "check")
    assert result.returncode == 1
    assert "exercises/beta-hold.yaml:29:1: cautions: reading grade" in result.stderr
    # The table is printed on failure too, with the failing page flagged.
    assert any(
        line.startswith("exercises/beta-hold") and line.endswith("> limit")
        for line in result.stderr.splitlines()
    )


def test_check_prints_the_table(fixture_project: Path) -> None:
    result = run_sitegen(fixture_project, "check")
    assert result.returncode == 0
    assert "stop rules" in result.stderr and "exercises/alpha-slide" in result.stderr


def _real_passages() -> list[str]:
    catalog, _ = load_corpus(ROOT)
    return [
        " ".join(list(getattr(source.model, field)))
        for source in catalog.exercises.values()
        for field in ("setup", "steps", "feel", "cautions", "mistakes")
    ]


def test_our_grade_is_textstats_grade_on_every_real_passage() -> None:
    passages = _real_passages()
    assert len(passages) > 50
    for passage in [*passages, HARD, "", "Sit.", "Don't stop — it's fine!? Yes... (12) x-y"]:
        assert flesch_kincaid_grade(passage) == textstat.flesch_kincaid_grade(passage), passage


#: Letters, digits, the punctuation and spaces text may hold (ASCII or not: each takes its own path).
ALPHABET = list("abcdeiouy stNT.,!?'-’()0123456789é\n;:\"/[]{}_*&%$#@+=<>|~^`\\\t\x1c\x7f—")


@given(st.text(alphabet=st.sampled_from(ALPHABET), max_size=300))
def test_our_grade_is_textstats_grade_on_any_text(text: str) -> None:
    assert flesch_kincaid_grade(text) == textstat.flesch_kincaid_grade(text)
