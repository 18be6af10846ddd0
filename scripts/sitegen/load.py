"""Read every source file into validated models, collecting problems instead of stopping."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from .models import Anatomy, Exercise, Glossary, Guide, Reference, Routine
from .problems import Problem, field_name
from .yamlsrc import Parsed, YamlSourceError, parse, split_front_matter

M = TypeVar("M", bound=BaseModel)

#: Where each kind of source lives, relative to the project root.
EXERCISES_DIR = "exercises"
ANATOMY_DIR = "content/anatomy"
ROUTINES_DIR = "content/routines"
REFERENCES_DIR = "content/references"
GUIDES_DIR = "content/learn"
GLOSSARY_FILE = "content/glossary.yaml"

_FRIENDLY = {
    "extra_forbidden": "unknown field (see the schema for the allowed fields)",
    "missing": "required field is missing",
    "int_parsing": "expected a whole number",
    "int_type": "expected a whole number",
    "model_type": "expected a mapping of fields",
    "model_attributes_type": "expected a mapping of fields",
    "string_type": "expected text",
    "list_type": "expected a list",
}


@dataclass(frozen=True)
class Located:
    """A parsed source file, valid or not: enough to point at a place in it."""

    path: str
    parsed: Parsed
    stem: str

    def at(self, loc: tuple[str | int, ...], message: str, **kw: Any) -> Problem:
        """A problem located at `loc` inside this source."""
        line, column = self.parsed.position(loc)
        return Problem(self.path, line, column, field_name(loc), message, **kw)


@dataclass(frozen=True)
class Source(Located, Generic[M]):
    """A validated model together with where it came from."""

    model: M
    body: str = ""


@dataclass
class Catalog:
    """Everything the site is built from, keyed by id (guides by slug)."""

    exercises: dict[str, Source[Exercise]] = field(default_factory=dict)
    anatomy: dict[str, Source[Anatomy]] = field(default_factory=dict)
    routines: dict[str, Source[Routine]] = field(default_factory=dict)
    references: dict[str, Source[Reference]] = field(default_factory=dict)
    guides: dict[str, Source[Guide]] = field(default_factory=dict)
    glossary: Source[Glossary] | None = None
    #: Every file that parsed as YAML, valid or not, by kind and id. Cross-references are
    #: checked on these, so a file with a type error still gets its broken links reported,
    #: and a link to a file that exists but is invalid is not reported as missing.
    raw: dict[str, dict[str, Located]] = field(default_factory=dict)


def load_corpus(root: Path) -> tuple[Catalog, list[Problem]]:
    """Load every source under `root`; return what parsed and every problem found."""
    catalog = Catalog()
    problems: list[Problem] = []
    tables: list[tuple[str, str, type[Any], dict[str, Any]]] = [
        ("exercise", EXERCISES_DIR, Exercise, catalog.exercises),
        ("anatomy", ANATOMY_DIR, Anatomy, catalog.anatomy),
        ("routine", ROUTINES_DIR, Routine, catalog.routines),
        ("reference", REFERENCES_DIR, Reference, catalog.references),
    ]
    for kind, folder, model, table in tables:
        for path in _files(root / folder, "*.yaml", problems, root):
            source = _load_yaml(root, path, model, problems, catalog.raw.setdefault(kind, {}))
            if source is not None:
                # Keyed by file name; checks compare it with the id inside the file.
                table[source.stem] = source
    for path in _files(root / GUIDES_DIR, "*.md", problems, root):
        guide = _load_guide(root, path, problems, catalog.raw.setdefault("guide", {}))
        if guide is not None:
            catalog.guides[guide.stem] = guide
    glossary_path = root / GLOSSARY_FILE
    if glossary_path.is_file():
        catalog.glossary = _load_yaml(root, glossary_path, Glossary, problems, {})
    return catalog, problems


def _files(folder: Path, pattern: str, problems: list[Problem], root: Path) -> Iterator[Path]:
    """Source files in a folder, sorted; a stray .yml is reported, not ignored silently."""
    if not folder.is_dir():
        return
    for stray in sorted(folder.glob("*.yml")):
        problems.append(Problem(_rel(root, stray), 1, 1, "(file)", "use the .yaml extension"))
    yield from sorted(folder.glob(pattern))


def _rel(root: Path, path: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _load_yaml(
    root: Path, path: Path, model: type[M], problems: list[Problem], raw: dict[str, Located]
) -> Source[M] | None:
    rel = _rel(root, path)
    try:
        parsed = parse(_read(path))
    except (YamlSourceError, UnicodeDecodeError) as exc:
        problems.append(_unreadable(rel, exc))
        return None
    raw[path.stem] = Located(rel, parsed, path.stem)
    return _validate(rel, parsed, model, problems, path.stem)


def _load_guide(
    root: Path, path: Path, problems: list[Problem], raw: dict[str, Located]
) -> Source[Guide] | None:
    rel = _rel(root, path)
    try:
        front, body, _ = split_front_matter(_read(path))
        parsed = parse(front, line_offset=1)
    except (YamlSourceError, UnicodeDecodeError) as exc:
        problems.append(_unreadable(rel, exc))
        return None
    raw[path.stem] = Located(rel, parsed, path.stem)
    source = _validate(rel, parsed, Guide, problems, path.stem)
    if source is None:
        return None
    return Source(rel, parsed, path.stem, source.model, body)


def _unreadable(rel: str, exc: Exception) -> Problem:
    if isinstance(exc, YamlSourceError):
        return Problem(rel, exc.line, exc.column, "(file)", exc.message)
    return Problem(rel, 1, 1, "(file)", "not valid UTF-8 text")


def _validate(
    rel: str, parsed: Parsed, model: type[M], problems: list[Problem], stem: str
) -> Source[M] | None:
    if not isinstance(parsed.data, dict):
        problems.append(Problem(rel, *parsed.position(()), "(document)", "expected a mapping"))
        return None
    try:
        instance = model.model_validate(parsed.data)
    except ValidationError as exc:
        problems.extend(_validation_problems(rel, parsed, exc))
        return None
    return Source(rel, parsed, stem, instance)


def _data_path(data: Any, loc: tuple[str | int, ...], missing: bool) -> tuple[str | int, ...]:
    """Keep the parts of a pydantic location that exist in the data.

    Pydantic also names union branches (e.g. `constrained-int`) in locations; readers never
    wrote those, so they are dropped. A missing field's own name is kept.
    """
    kept: list[str | int] = []
    for index, part in enumerate(loc):
        last = index == len(loc) - 1
        if _has(data, part):
            data = data[part]
        elif not (last and missing):
            continue
        kept.append(part)
    return tuple(kept)


def _has(data: Any, part: str | int) -> bool:
    if isinstance(data, dict):
        return part in data
    return isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data)


def _validation_problems(rel: str, parsed: Parsed, exc: ValidationError) -> list[Problem]:
    """One problem per location; union branches merged into a single message."""
    merged: dict[tuple[str | int, ...], list[str]] = {}
    for error in exc.errors(include_url=False):
        loc = _data_path(parsed.data, error["loc"], error["type"] == "missing")
        message = _FRIENDLY.get(error["type"], error["msg"].removeprefix("Value error, "))
        messages = merged.setdefault(loc, [])
        if message not in messages:
            messages.append(message)
    return [
        Problem(rel, *parsed.position(loc), field_name(loc), _join(messages))
        for loc, messages in merged.items()
    ]


def _join(messages: list[str]) -> str:
    """'expected a whole number' + 'expected a mapping' -> 'expected a whole number or a mapping'."""
    if len(messages) > 1 and all(m.startswith("expected ") for m in messages):
        return "expected " + " or ".join(m.removeprefix("expected ") for m in messages)
    return " or ".join(messages)
