"""Tests for sitegen.content.load: every problem found, each at its file, line and field."""

from __future__ import annotations

from pathlib import Path

from sitegen.content.load import load_corpus

from .conftest import FIXTURE_CORPUS


def problems_of(project: Path) -> list[str]:
    return [str(p) for p in load_corpus(project)[1]]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, f"fixture no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1), "utf-8")


def test_fixture_corpus_loads_cleanly() -> None:
    catalog, problems = load_corpus(FIXTURE_CORPUS)
    assert problems == []
    assert sorted(catalog.exercises) == ["alpha-slide", "beta-hold"]
    assert sorted(catalog.guides) == [
        "getting-down-and-up",
        "red-flags",
        "using-this-guide",
        "what-is-sciatica",
    ]
    assert catalog.glossary is not None


def test_unknown_field_is_reported_at_its_key(fixture_project: Path) -> None:
    edit(fixture_project / "exercises/beta-hold.yaml", "breathing:", "colour: red\nbreathing:")
    [problem] = problems_of(fixture_project)
    assert problem.startswith("exercises/beta-hold.yaml:16:9: colour: unknown field")


def test_wrong_type_is_reported_at_the_value(fixture_project: Path) -> None:
    edit(fixture_project / "exercises/beta-hold.yaml", "  sets: 3", "  sets: three")
    [problem] = problems_of(fixture_project)
    # int | Range: one message for both branches, no branch names in the field.
    assert problem == (
        "exercises/beta-hold.yaml:19:9: dose.sets: "
        "expected a whole number or a range such as {low: 8, high: 12}"
    )


def test_missing_field_is_reported_at_its_parent(fixture_project: Path) -> None:
    edit(fixture_project / "exercises/beta-hold.yaml", "  source: ref-two\n", "")
    [problem] = problems_of(fixture_project)
    assert problem == (
        "exercises/beta-hold.yaml:17:1: dose.source: required field is missing: "
        "Reference id that supports this dose."
    )


def test_model_rule_is_reported_without_pydantic_prefix(fixture_project: Path) -> None:
    edit(
        fixture_project / "exercises/beta-hold.yaml",
        "next_review: 2029-11-01",
        "next_review: 2020-01-01",
    )
    [problem] = problems_of(fixture_project)
    assert problem == "exercises/beta-hold.yaml:35:14: next_review: must come after reviewed"


def test_every_problem_in_every_file_is_collected(fixture_project: Path) -> None:
    edit(fixture_project / "exercises/beta-hold.yaml", "breathing:", "colour: red\nbreathing:")
    edit(fixture_project / "exercises/beta-hold.yaml", "  sets: 3", "  sets: three")
    edit(fixture_project / "exercises/alpha-slide.yaml", "position: seated", "position: upside-down")
    edit(fixture_project / "content/anatomy/nerve-one.yaml", "kind: nerve", "kind: [nerve]")
    problems = problems_of(fixture_project)
    assert len(problems) == 4
    assert {p.split(":")[0] for p in problems} == {
        "exercises/beta-hold.yaml",
        "exercises/alpha-slide.yaml",
        "content/anatomy/nerve-one.yaml",
    }
    assert any("alpha-slide.yaml:8:11: position:" in p for p in problems)


def test_guide_front_matter_lines_count_from_the_file_start(fixture_project: Path) -> None:
    edit(fixture_project / "content/learn/red-flags.md", "order: 1", "order: first")
    [problem] = problems_of(fixture_project)
    assert problem.startswith("content/learn/red-flags.md:4:8: order: ")


def test_unreadable_files_are_reported(fixture_project: Path) -> None:
    (fixture_project / "exercises/broken.yaml").write_text("id: [unclosed\n", "utf-8")
    (fixture_project / "exercises/list.yaml").write_text("- a\n- b\n", "utf-8")
    (fixture_project / "exercises/stray.yml").write_text("id: stray\n", "utf-8")
    problems = problems_of(fixture_project)
    assert any(
        p.startswith("exercises/broken.yaml:1:5: (file): invalid YAML: this '[' list is not closed")
        for p in problems
    )
    assert (
        "exercises/list.yaml:1:1: (document): expected a mapping of fields ('field: value' lines)" in problems
    )
    assert "exercises/stray.yml:1:1: (file): use the .yaml extension" in problems
