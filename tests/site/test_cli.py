"""Tests for `sitegen build` as a user runs it: exit codes, messages, the safe swap, same bytes twice."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen import cli, pipeline
from sitegen.publish.serviceworker import ServiceWorkerError

from ..conftest import edit, run_sitegen, tree_digest


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
    assert "sw.js" in one  # Workbox's output too
    assert one == two


def test_a_service_worker_failure_keeps_the_old_site(
    fixture_project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["--root", str(fixture_project), "build"]) == 0
    assert "sitegen: sw.js precaches " in capsys.readouterr().err
    before = tree_digest(fixture_project / "site")
    assert "sw.js" in before

    def failing(site: Path) -> None:
        raise ServiceWorkerError(f"Workbox could not write {site / 'sw.js'}:\nworkbox: too large")

    monkeypatch.setattr(cli, "write_service_worker", failing)
    assert cli.main(["--root", str(fixture_project), "build"]) == 1
    assert "workbox: too large" in capsys.readouterr().err
    assert tree_digest(fixture_project / "site") == before
    assert not list(fixture_project.glob("site.*"))
