"""The real corpus: valid, warning-free, in our own words, wired to mkdocs.yml."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from sitegen.cli import DOCS_DIR
from sitegen.content.load import load_corpus
from sitegen.pipeline import generate, latest_review

from ..conftest import ROOT, read

SEED_OVERLAP = ROOT.parent / "shared" / "tools" / "seed-overlap"


def test_real_corpus_has_no_errors_or_warnings(monkeypatch: pytest.MonkeyPatch) -> None:
    # As of the newest review: the calendar passing a next_review date must not fail this.
    monkeypatch.setenv("SITEGEN_TODAY", latest_review(load_corpus(ROOT)[0]).isoformat())
    result = generate(ROOT)
    assert [str(w) for w in result.warnings] == []
    assert "exercises/seated-nerve-slider.md" in result.pages


def test_once_reviews_fall_due_the_real_corpus_still_builds_and_says_so(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SITEGEN_TODAY", "2100-01-01")
    warnings = [str(w) for w in generate(ROOT).warnings]
    assert len(warnings) > 50
    assert all(
        re.search(r":\d+:\d+: next_review: warning: review overdue since \d{4}-\d\d-\d\d$", w)
        for w in warnings
    )


def test_library_has_the_promised_breadth() -> None:
    catalog, _ = load_corpus(ROOT)
    assert len(catalog.exercises) >= 18
    assert len(catalog.anatomy) >= 12
    assert len(catalog.guides) >= 7
    assert len(catalog.routines) >= 4
    assert catalog.glossary is not None and len(catalog.glossary.model.terms) >= 12


def test_every_exercise_the_sources_describe_is_there() -> None:
    catalog, _ = load_corpus(ROOT)
    wanted = {
        "hip-hinge-nerve-glide", "pelvic-clock", "bird-dog", "bridge-roll-up", "cat-cow",
        "warrior-pose", "childs-pose", "pigeon-pose", "figure-four-stretch", "knee-to-chest",
        "pelvic-tilts", "seated-spinal-twist", "bridge", "seated-nerve-slider",
        "supine-nerve-glide", "standing-nerve-glide", "knee-to-opposite-shoulder",
        "seated-nerve-tensioner",
    }  # fmt: skip
    assert wanted <= set(catalog.exercises)
    bird_dog = catalog.exercises["bird-dog"].model
    assert bird_dog.position.value == "quadruped"
    stretch = catalog.exercises["knee-to-opposite-shoulder"].model
    assert (stretch.category.value, stretch.nerve_load.value) == ("stretch", "none")


def test_first_slice_is_present() -> None:
    pages = generate(ROOT).pages
    for rel in (
        "exercises/seated-nerve-slider.md",
        "exercises/knee-to-chest.md",
        "exercises/pelvic-tilts.md",
        "learn/red-flags.md",
        "anatomy/sciatic-nerve.md",
    ):
        assert rel in pages, rel
    assert any(rel.startswith("routines/") and rel != "routines/index.md" for rel in pages)


@pytest.mark.skipif(not SEED_OVERLAP.exists(), reason="shared/ is not beside the checkout")
def test_no_text_is_copied_from_the_seed_articles() -> None:
    result = subprocess.run(
        [sys.executable, str(SEED_OVERLAP), "content", "exercises"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout


def test_mkdocs_config_reads_what_sitegen_writes() -> None:
    config = read(ROOT / "mkdocs.yml")
    assert re.search(rf"^docs_dir: {re.escape(DOCS_DIR)}$", config, re.M)
    assert "font: false" in config
    for folder in ("exercises", "content", "scripts/sitegen/render/templates"):
        assert f"  - {folder}\n" in config, f"watch: is missing {folder}"
        assert (ROOT / folder).is_dir()


def test_derived_folders_are_ignored_by_git() -> None:
    ignored = read(ROOT / ".gitignore").split()
    for entry in ("/.venv/", "/build/", "/site/"):
        assert entry in ignored
