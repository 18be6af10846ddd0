"""Tests for sitegen.cli as a user runs it: exit codes, messages, the safe swap."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from sitegen import cli, pipeline

from .conftest import run_sitegen
from .test_epoch import COMMIT_EPOCH, commit_all
from .test_load import edit


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file's path and SHA-256, to compare trees byte for byte."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_check_passes_on_good_data(fixture_project: Path) -> None:
    result = run_sitegen(fixture_project, "check")
    assert result.returncode == 0, result.stderr


def test_markdown_check_and_dry_run(fixture_project: Path) -> None:
    assert run_sitegen(fixture_project, "markdown", "--check").returncode == 1
    dry = run_sitegen(fixture_project, "markdown", "--dry-run")
    assert dry.returncode == 0 and "would write build/docs/exercises/beta-hold.md" in dry.stdout
    assert not (fixture_project / "build").exists()
    assert run_sitegen(fixture_project, "markdown").returncode == 0
    assert run_sitegen(fixture_project, "markdown", "--check").returncode == 0


def test_bad_data_fails_the_build_and_keeps_the_old_site(fixture_project: Path) -> None:
    assert run_sitegen(fixture_project, "build").returncode == 0
    before = tree_digest(fixture_project / "site")
    assert "exercises/beta-hold/index.html" in before
    exercise = fixture_project / "exercises/beta-hold.yaml"
    edit(exercise, "breathing:", "colour: red\nbreathing:")  # unknown field
    edit(exercise, "  sets: 3", "  sets: lots")  # wrong type
    edit(exercise, "primary: [muscle-two]", "primary: [muscle-nine]")  # missing target
    result = run_sitegen(fixture_project, "build")
    assert result.returncode != 0
    lines = result.stderr.splitlines()
    assert (
        "exercises/beta-hold.yaml:16:9: colour: unknown field (see the schema for the allowed fields)"
        in lines
    )
    assert any(line.startswith("exercises/beta-hold.yaml:20:9: dose.sets: expected") for line in lines)
    assert "exercises/beta-hold.yaml:11:13: targets.primary[0]: no anatomy with id 'muscle-nine'" in lines
    assert lines[-1] == "3 error(s) in the sources"
    assert tree_digest(fixture_project / "site") == before
    assert not list(fixture_project.glob("site.*"))


def test_mkdocs_failure_keeps_the_old_site(fixture_project: Path) -> None:
    assert run_sitegen(fixture_project, "build").returncode == 0
    before = tree_digest(fixture_project / "site")
    # Valid data, but a broken link in a guide: only mkdocs --strict can catch it.
    guide = fixture_project / "content/learn/red-flags.md"
    guide.write_text(guide.read_text("utf-8") + "\n[gone](../nowhere.md)\n", "utf-8")
    result = run_sitegen(fixture_project, "build")
    assert result.returncode != 0
    assert "nowhere.md" in result.stderr
    assert tree_digest(fixture_project / "site") == before


def test_a_build_generates_the_pages_once(fixture_project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The CLI generates to report problems first; the MkDocs hook takes its result over.
    runs: list[Path] = []

    def counted(root: Path) -> pipeline.Result:
        runs.append(root)
        return real(root)

    real = pipeline.generate
    monkeypatch.setattr(pipeline, "generate", counted)
    monkeypatch.setattr(cli, "generate", counted)
    assert cli.main(["--root", str(fixture_project), "build"]) == 0
    assert runs == [fixture_project]
    assert (fixture_project / "site/exercises/beta-hold/index.html").is_file()


def test_two_builds_are_byte_identical(fixture_project: Path) -> None:
    assert run_sitegen(fixture_project, "build", "--site-dir", "one").returncode == 0
    assert run_sitegen(fixture_project, "build", "--site-dir", "two").returncode == 0
    one, two = tree_digest(fixture_project / "one"), tree_digest(fixture_project / "two")
    assert len(one) > 20
    assert one == two


@pytest.mark.browser
def test_two_builds_with_pdfs_are_byte_identical_and_dated_by_the_last_commit(fixture_project: Path) -> None:
    """The whole site/, PDFs included, is the same twice, with every date from the commit."""
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    commit_all(fixture_project, COMMIT_EPOCH)
    for name in ("one", "two"):
        result = subprocess.run(
            [sys.executable, "-m", "sitegen", "build", "--pdf", "--site-dir", name],
            cwd=fixture_project,
            env={**env, "NO_MKDOCS_2_WARNING": "1"},
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr
    one, two = tree_digest(fixture_project / "one"), tree_digest(fixture_project / "two")
    assert sum(name.endswith(".pdf") for name in one) == 4
    assert one == two
    sitemap = (fixture_project / "one/sitemap.xml").read_text("utf-8")
    assert set(re.findall(r"<lastmod>([^<]+)</lastmod>", sitemap)) == {"2026-03-04"}
    info = PdfReader(fixture_project / "one/pdf/beta-hold.pdf").metadata
    assert info is not None and info.creation_date is not None and info.modification_date is not None
    assert info.creation_date.timestamp() == info.modification_date.timestamp() == COMMIT_EPOCH


def test_overdue_pages_warn_but_build(fixture_project: Path) -> None:
    result = run_sitegen(fixture_project, "check", SITEGEN_TODAY="2030-01-01")
    assert result.returncode == 0
    assert "warning: review overdue since 2028-11-01" in result.stderr
