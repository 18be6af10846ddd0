"""Tests for sitegen.checks.corpus: each whole-corpus rule, on a mutated fixture corpus."""

from __future__ import annotations

from pathlib import Path

from sitegen.checks.corpus import check_corpus
from sitegen.content.load import load_corpus
from sitegen.content.problems import Severity

from .conftest import FIXTURE_CORPUS
from .test_load import edit


def corpus_problems(project: Path) -> list[str]:
    catalog, load_problems = load_corpus(project)
    return [str(p) for p in load_problems + check_corpus(catalog)]


def test_fixture_corpus_passes_every_check() -> None:
    assert check_corpus(load_corpus(FIXTURE_CORPUS)[0]) == []


def test_id_must_equal_file_name(fixture_project: Path) -> None:
    edit(fixture_project / "content/anatomy/muscle-two.yaml", "id: muscle-two", "id: muscle-three")
    problems = corpus_problems(fixture_project)
    assert (
        "content/anatomy/muscle-two.yaml:2:5: id: id 'muscle-three' must equal the file name 'muscle-two'"
        in problems
    )


def test_duplicate_ids_name_both_files(fixture_project: Path) -> None:
    source = fixture_project / "exercises/beta-hold.yaml"
    (fixture_project / "exercises/beta-copy.yaml").write_text(source.read_text("utf-8"), "utf-8")
    problems = [p for p in corpus_problems(fixture_project) if "duplicate exercise id" in p]
    assert len(problems) == 2
    assert all("beta-copy.yaml, exercises/beta-hold.yaml" in p for p in problems)


def test_bad_file_name_is_not_an_id(fixture_project: Path) -> None:
    source = fixture_project / "content/references/ref-two.yaml"
    source.rename(source.with_name("Ref_Two.yaml"))
    problems = corpus_problems(fixture_project)
    assert any("Ref_Two.yaml:2:1: (document): file name 'Ref_Two' is not a valid id" in p for p in problems)


def test_every_kind_of_reference_must_exist(fixture_project: Path) -> None:
    edit(
        fixture_project / "exercises/alpha-slide.yaml",
        "primary: [nerve-one]",
        "primary: [nerve-nine]",
    )
    edit(fixture_project / "exercises/alpha-slide.yaml", "  source: ref-one", "  source: ref-nine")
    edit(
        fixture_project / "content/routines/test-routine.yaml",
        "exercise: beta-hold",
        "exercise: gamma",
    )
    edit(fixture_project / "content/anatomy/nerve-one.yaml", "related: [muscle-two]", "related: [x]")
    edit(fixture_project / "content/learn/red-flags.md", "exercises: [alpha-slide]", "exercises: [y]")
    problems = corpus_problems(fixture_project)
    assert problems == [
        "exercises/alpha-slide.yaml:12:13: targets.primary[0]: no anatomy with id 'nerve-nine'",
        "exercises/alpha-slide.yaml:27:11: dose.source: no reference with id 'ref-nine'",
        "content/anatomy/nerve-one.yaml:10:11: related[0]: no anatomy with id 'x'",
        "content/routines/test-routine.yaml:10:15: items[1].exercise: no exercise with id 'gamma'",
        "content/learn/red-flags.md:8:13: exercises[0]: no exercise with id 'y'",
    ]


def test_reference_to_a_broken_file_is_not_reported_twice(fixture_project: Path) -> None:
    edit(fixture_project / "content/anatomy/nerve-one.yaml", "kind: nerve", "kind: wrong")
    problems = corpus_problems(fixture_project)
    assert len(problems) == 1 and "kind:" in problems[0]


def test_variations_must_be_symmetric(fixture_project: Path) -> None:
    edit(fixture_project / "exercises/beta-hold.yaml", "easier: [alpha-slide]\n", "")
    problems = corpus_problems(fixture_project)
    assert problems == [
        "exercises/alpha-slide.yaml:37:10: harder[0]: 'beta-hold' must list 'alpha-slide' "
        "under easier (links run both ways)"
    ]


def test_exercise_is_not_its_own_variation(fixture_project: Path) -> None:
    edit(
        fixture_project / "exercises/beta-hold.yaml",
        "easier: [alpha-slide]",
        "easier: [alpha-slide, beta-hold]",
    )
    problems = corpus_problems(fixture_project)
    assert any("easier[1]: an exercise cannot be its own variation" in p for p in problems)


def test_target_cannot_be_primary_and_secondary(fixture_project: Path) -> None:
    edit(
        fixture_project / "exercises/alpha-slide.yaml",
        "secondary: [muscle-two]",
        "secondary: [nerve-one]",
    )
    problems = corpus_problems(fixture_project)
    assert any("targets.secondary[0]: 'nerve-one' is already primary" in p for p in problems)


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


def test_glossary_terms_are_unique(fixture_project: Path) -> None:
    edit(fixture_project / "content/glossary.yaml", "term: Nerve root", "term: slider")
    problems = corpus_problems(fixture_project)
    assert problems == ["content/glossary.yaml:5:11: terms[1].term: duplicate term 'slider'"]


def test_overdue_review_is_a_warning_not_an_error(fixture_project: Path) -> None:
    import datetime as dt

    from sitegen.checks.corpus import check_review_dates

    catalog, _ = load_corpus(fixture_project)
    assert list(check_review_dates(catalog, dt.date(2028, 11, 1))) == []
    overdue = [str(p) for p in check_review_dates(catalog, dt.date(2028, 11, 2))]
    assert (
        "exercises/alpha-slide.yaml:43:14: next_review: warning: review overdue since 2028-11-01" in overdue
    )
    assert all(p.severity is Severity.WARNING for p in check_review_dates(catalog, dt.date(2040, 1, 1)))


def test_nerve_glide_must_say_slider_or_tensioner(fixture_project: Path) -> None:
    edit(fixture_project / "exercises/alpha-slide.yaml", "nerve_load: slider", "nerve_load: none")
    problems = corpus_problems(fixture_project)
    assert problems == [
        "exercises/alpha-slide.yaml:7:13: nerve_load: a nerve glide must say slider or tensioner"
    ]


def test_tensioner_needs_an_easier_slider(fixture_project: Path) -> None:
    edit(fixture_project / "exercises/beta-hold.yaml", "nerve_load: none", "nerve_load: tensioner")
    assert corpus_problems(fixture_project) == []  # alpha-slide, a slider, is its easier step
    edit(fixture_project / "exercises/alpha-slide.yaml", "nerve_load: slider", "nerve_load: tensioner")
    problems = corpus_problems(fixture_project)
    assert (
        "exercises/beta-hold.yaml:6:13: nerve_load: "
        "a tensioner needs a slider under easier (sliders come first)" in problems
    )


def test_long_sheet_text_is_a_warning(fixture_project: Path) -> None:
    long_step = ("Keep your knee soft and move slowly. " * 9).strip()
    edit(fixture_project / "exercises/beta-hold.yaml", "steps:\n", "steps:\n" + f"  - {long_step}\n" * 10)
    catalog, _ = load_corpus(fixture_project)
    warnings = [str(p) for p in check_corpus(catalog) if p.severity is Severity.WARNING]
    assert any("beta-hold.yaml" in w and "may not fit on one page" in w for w in warnings), warnings
