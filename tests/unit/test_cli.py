"""Tests for sitegen.cli that build no site: `check` and `markdown`, their exit codes and messages."""

from __future__ import annotations

from pathlib import Path

from ..conftest import run_sitegen


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


def test_overdue_pages_warn_but_build(fixture_project: Path) -> None:
    result = run_sitegen(fixture_project, "check", SITEGEN_TODAY="2030-01-01")
    assert result.returncode == 0
    assert "warning: review overdue since 2028-11-01" in result.stderr
