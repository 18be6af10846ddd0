"""Tests for sitegen.content.load: every problem found, each at its file, line and field."""

from __future__ import annotations

from pathlib import Path

from sitegen.content.load import load_corpus

from ..conftest import FIXTURE_CORPUS


def problems_of(project: Path) -> list[str]:
    return [str(p) for p in load_corpus(project)[1]]


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
