"""Tests for sitegen.content.schema: committed schemas are current; data files point at them."""

from __future__ import annotations

import json

from sitegen.content.schema import check_schema_comments, schema_hint, schemas

from ..conftest import FIXTURE_CORPUS, ROOT


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
