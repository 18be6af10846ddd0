"""JSON Schema export of the YAML formats, and the editor hint each data file carries."""

from __future__ import annotations

import json
import os
from pathlib import Path

from sitegen.content.load import (
    ANATOMY_DIR,
    EXERCISES_DIR,
    GLOSSARY_FILE,
    PICTURES_DIR,
    RED_FLAGS_FILE,
    REFERENCES_DIR,
    ROUTINES_DIR,
    SESSION_FILE,
)
from sitegen.content.models import SCHEMA_MODELS
from sitegen.content.problems import Problem

SCHEMA_DIR = "schemas"
#: Which schema each YAML source location uses (guides are Markdown: no editor hint).
YAML_SOURCES: dict[str, str] = {
    EXERCISES_DIR: "exercise",
    ANATOMY_DIR: "anatomy",
    ROUTINES_DIR: "routine",
    REFERENCES_DIR: "reference",
    GLOSSARY_FILE: "glossary",
    RED_FLAGS_FILE: "red-flags",
    SESSION_FILE: "session",
    PICTURES_DIR: "picture",
}
HINT_PREFIX = "# yaml-language-server: $schema="


def schemas() -> dict[str, str]:
    """Every schema file's path (under the project root) and its JSON text."""
    out = {}
    for kind, model in SCHEMA_MODELS.items():
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = f"{kind}.schema.json"
        out[f"{SCHEMA_DIR}/{kind}.schema.json"] = json.dumps(schema, indent=2, sort_keys=True) + "\n"
    return out


def schema_hint(source: str, kind: str) -> str:
    """The first line a data file at `source` (relative path) needs for its schema."""
    return _hint_in(Path(source).parent.as_posix(), kind)


def _hint_in(folder: str, kind: str) -> str:
    target = os.path.relpath(f"{SCHEMA_DIR}/{kind}.schema.json", folder)
    return HINT_PREFIX + Path(target).as_posix()


def check_schema_comments(root: Path) -> list[Problem]:
    """Every YAML data file starts with the editor hint that points at its schema."""
    problems = []
    for location, kind in YAML_SOURCES.items():
        base = root / location
        single = base.suffix == ".yaml"
        folder = Path(location).parent.as_posix() if single else location
        expected = _hint_in(folder, kind)
        for path in [base] if single else sorted(base.glob("*.yaml")):
            rel = f"{folder}/{path.name}"
            first = _first_line(path)
            if first is not None and first != expected:
                problems.append(Problem(rel, 1, 1, "(file)", f"first line must be '{expected}'"))
    return problems


def _first_line(path: Path) -> str | None:
    """A file's first line, stripped (None if there is no such file)."""
    if not path.is_file():
        return None
    # Only the first line: the loader reports files that are too big or not UTF-8.
    with path.open("rb") as file:
        return file.readline(_LINE_BYTES).decode("utf-8", errors="replace").strip()


#: How much of a first line is read: a hint is far shorter.
_LINE_BYTES = 512
