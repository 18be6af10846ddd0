"""Tests for sitegen.checks.corpus: each whole-corpus rule, on a mutated fixture corpus."""

from __future__ import annotations

from pathlib import Path

from sitegen.checks.corpus import check_corpus
from sitegen.content.load import load_corpus
from sitegen.content.problems import Severity

from ..conftest import FIXTURE_CORPUS, edit


def corpus_problems(project: Path) -> list[str]:
    catalog, load_problems = load_corpus(project)
    return [str(p) for p in load_problems + check_corpus(catalog)]


def test_fixture_corpus_passes_every_check() -> None:
    assert check_corpus(load_corpus(FIXTURE_CORPUS)[0]) == []


def test_reference_to_a_broken_file_is_not_reported_twice(fixture_project: Path) -> None:
    edit(fixture_project / "content/anatomy/nerve-one.yaml", "kind: nerve", "kind: wrong")
    problems = corpus_problems(fixture_project)
    assert len(problems) == 1 and "kind:" in problems[0]


def test_uncited_reference_is_a_warning(fixture_project: Path) -> None:
    edit(
        fixture_project / "content/routines/test-routine.yaml",
        "sources: [ref-one]",
        "sources: [ref-two]",
    )
    edit(fixture_project / "exercises/alpha-slide.yaml", "sources: [ref-one]", "sources: [ref-two]")
    edit(fixture_project / "exercises/alpha-slide.yaml", "  source: ref-one", "  source: ref-two")
    edit(
        fixture_project / "content/anatomy/nerve-one.yaml",
        "sources: [ref-one]",
        "sources: [ref-two]",
    )
    edit(fixture_project / "content/learn/what-is-sciatica.md", "sources: [ref-one]", "sources: [ref-two]")
    catalog, _ = load_corpus(fixture_project)
    [problem] = check_corpus(catalog)
    assert problem.severity is Severity.WARNING
    assert str(problem) == "content/references/ref-one.yaml:2:5: id: warning: reference is not cited anywhere"


def test_overdue_review_is_a_warning_not_an_error(fixture_project: Path) -> None:
    import datetime as dt

    from sitegen.checks.corpus import check_review_dates

    catalog, _ = load_corpus(fixture_project)
    assert list(check_review_dates(catalog, dt.date(2028, 11, 1))) == []
    overdue = [str(p) for p in check_review_dates(catalog, dt.date(2028, 11, 2))]
    assert (
        "exercises/alpha-slide.yaml:44:14: next_review: warning: review overdue since 2028-11-01" in overdue
    )
    assert all(p.severity is Severity.WARNING for p in check_review_dates(catalog, dt.date(2040, 1, 1)))


def test_long_sheet_text_is_a_warning(fixture_project: Path) -> None:
    long_step = ("Keep your knee soft and move slowly. " * 9).strip()
    edit(fixture_project / "exercises/beta-hold.yaml", "steps:\n", "steps:\n" + f"  - {long_step}\n" * 10)
    catalog, _ = load_corpus(fixture_project)
    warnings = [str(p) for p in check_corpus(catalog) if p.severity is Severity.WARNING]
    assert any("beta-hold.yaml" in w and "may not fit on one page" in w for w in warnings), warnings
