"""The real corpus: valid, warning-free, in our own words, wired to mkdocs.yml."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from sitegen.cli import DOCS_DIR
from sitegen.pipeline import generate

from .conftest import ROOT, read

SEED_OVERLAP = ROOT.parent / "shared" / "tools" / "seed-overlap"


def test_real_corpus_has_no_errors_or_warnings() -> None:
    result = generate(ROOT)
    assert [str(w) for w in result.warnings] == []
    assert "exercises/seated-nerve-slider.md" in result.pages


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
    for folder in ("exercises", "content", "scripts/sitegen/templates"):
        assert f"  - {folder}\n" in config, f"watch: is missing {folder}"
        assert (ROOT / folder).is_dir()


def test_derived_folders_are_ignored_by_git() -> None:
    ignored = read(ROOT / ".gitignore").split()
    for entry in ("/.venv/", "/build/", "/site/"):
        assert entry in ignored
