"""Tests for sitegen.content.schema: committed schemas are current; data files point at them."""

from __future__ import annotations

import json
from pathlib import Path

from sitegen.content.load import load_corpus
from sitegen.content.schema import check_schema_comments, schema_hint, schemas

from .conftest import FIXTURE_CORPUS, ROOT
from .test_load import edit


def test_committed_schemas_are_current() -> None:
    """If this fails, run `.venv/bin/python -m sitegen schema` and commit the result."""
    for rel, content in schemas().items():
        path = ROOT / rel
        assert path.is_file(), f"{rel} is missing"
        assert path.read_text("utf-8") == content, f"{rel} is stale"


def test_schema_forbids_unknown_fields_and_lists_enums() -> None:
    schema = json.loads(schemas()["schemas/exercise.schema.json"])
    assert schema["additionalProperties"] is False
    assert "slider" in json.dumps(schema["$defs"]["NerveLoad"])
    assert "steps" in schema["required"]


def test_hint_paths_are_relative_to_the_file() -> None:
    assert schema_hint("exercises/a.yaml", "exercise").endswith("=../schemas/exercise.schema.json")
    assert schema_hint("content/anatomy/a.yaml", "anatomy").endswith("=../../schemas/anatomy.schema.json")


def test_real_and_fixture_files_carry_the_hint() -> None:
    assert check_schema_comments(ROOT) == []
    assert check_schema_comments(FIXTURE_CORPUS) == []


def test_missing_hint_is_reported(fixture_project: Path) -> None:
    edit(fixture_project / "exercises/beta-hold.yaml", "# yaml-language-server", "# yaml-server")
    [problem] = check_schema_comments(fixture_project)
    assert str(problem).startswith("exercises/beta-hold.yaml:1:1: (file): first line must be")


def test_the_text_the_loader_read_is_checked_without_reading_again(fixture_project: Path) -> None:
    catalog, _ = load_corpus(fixture_project)
    texts = {
        located.path: located.parsed.text for table in catalog.raw.values() for located in table.values()
    }
    assert "exercises/beta-hold.yaml" in texts and check_schema_comments(fixture_project, texts) == []
    texts["exercises/beta-hold.yaml"] = "# yaml-server: wrong\nid: beta-hold\n"
    [problem] = check_schema_comments(fixture_project, texts)
    assert problem.path == "exercises/beta-hold.yaml"
