"""Read every source file into validated models, collecting problems instead of stopping."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar, get_args

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo
from pydantic_core import ErrorDetails

from sitegen.content.models import (
    DOI_PATTERN,
    ID_PATTERN,
    LINE_DESCRIPTION,
    SEARCH_PHRASE_PATTERN,
    TERM_PATTERN,
    URL_PATTERN,
    Anatomy,
    Exercise,
    Glossary,
    Guide,
    Picture,
    RedFlags,
    Reference,
    Routine,
    Session,
)
from sitegen.content.problems import Problem, field_name
from sitegen.content.yamlsrc import Parsed, YamlSourceError, parse, split_front_matter

M = TypeVar("M", bound=BaseModel)

#: Where each kind of source lives, relative to the project root.
EXERCISES_DIR = "exercises"
ANATOMY_DIR = "content/anatomy"
ROUTINES_DIR = "content/routines"
REFERENCES_DIR = "content/references"
GUIDES_DIR = "content/learn"
PICTURES_DIR = "content/figures"
GLOSSARY_FILE = "content/glossary.yaml"
RED_FLAGS_FILE = "content/red-flags.yaml"
SESSION_FILE = "content/session.yaml"

#: Larger source files are refused before they are read: the biggest real one is about
#: 8 KB, and a runaway paste or a generated file must not eat the build's memory.
MAX_SOURCE_BYTES = 256 * 1024

#: Pydantic's error types, in an author's words. `{...}` takes values from the error's ctx.
_FRIENDLY = {
    "extra_forbidden": "unknown field (see the schema for the allowed fields)",
    "missing": "required field is missing",
    "int_parsing": "expected a whole number",
    "int_type": "expected a whole number",
    "int_from_float": "expected a whole number",
    "float_parsing": "expected a number",
    "float_type": "expected a number",
    "bool_type": "expected true or false",
    "bool_parsing": "expected true or false",
    "model_type": "expected a mapping of fields",
    "model_attributes_type": "expected a mapping of fields",
    "dict_type": "expected a mapping of fields",
    "string_type": "expected text",
    "list_type": "expected a list",
    "date_type": "expected a date written as YYYY-MM-DD, e.g. 2026-11-02",
    "date_parsing": "expected a date written as YYYY-MM-DD, e.g. 2026-11-02",
    "date_from_datetime_parsing": "expected a real date written as YYYY-MM-DD, e.g. 2026-11-02 ({error})",
    "date_from_datetime_inexact": "expected a date without a time, e.g. 2026-11-02",
    "string_too_short": "must not be empty",
    "string_too_long": "too long: at most {max_length} characters; split it into two lines",
    "too_short": "needs at least {min_length} item(s)",
    "too_long": "too many items: at most {max_length}",
    "greater_than_equal": "must be at least {ge}",
    "greater_than": "must be more than {gt}",
    "less_than_equal": "must be at most {le}",
    "enum": "expected one of: {expected}",
    "literal_error": "expected one of: {expected}",
}
#: What a union branch (named in pydantic's location) means when a value fits no branch.
_BRANCH_WORDS = {"Range": "expected a range such as {low: 8, high: 12}"}
#: Errors that say a value has the wrong shape (rather than a bad value of the right one).
_TYPE_ERRORS = {"model_type", "model_attributes_type", "dict_type"}
#: Descriptions of a type rather than of a field: no help in "required field is missing".
_GENERIC_DESCRIPTIONS = {None, LINE_DESCRIPTION}
#: A pattern's meaning, for the patterns authors meet (ids above all).
_PATTERN_WORDS = {
    ID_PATTERN: "not a valid id: use lower-case letters, digits and single hyphens, e.g. 'knee-to-chest'",
    DOI_PATTERN: "not a DOI: write it without https://doi.org/, e.g. 10.1136/bmj.i6748",
    URL_PATTERN: "not a usable web address: start with https:// and leave out spaces, quotes and brackets",
    TERM_PATTERN: "use letters, digits, spaces, hyphens and apostrophes only",
    SEARCH_PHRASE_PATTERN: (
        "use lower-case letters and single spaces only; leave out apostrophes ('cant poo')"
    ),
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
    #: The line of the file where `body` starts (guides), so body problems can name it.
    body_line: int = 0


@dataclass
class Catalog:
    """Everything the site is built from, keyed by id (guides by slug)."""

    exercises: dict[str, Source[Exercise]] = field(default_factory=dict)
    anatomy: dict[str, Source[Anatomy]] = field(default_factory=dict)
    routines: dict[str, Source[Routine]] = field(default_factory=dict)
    references: dict[str, Source[Reference]] = field(default_factory=dict)
    guides: dict[str, Source[Guide]] = field(default_factory=dict)
    pictures: dict[str, Source[Picture]] = field(default_factory=dict)
    glossary: Source[Glossary] | None = None
    #: The serious signs; None only while the file is missing or invalid (a problem says so).
    red_flags: Source[RedFlags] | None = None
    #: Follow along timings; None only while the file is missing or invalid.
    session: Source[Session] | None = None
    #: Every file that parsed as YAML, valid or not, by kind and id. Cross-references are
    #: checked on these, so a file with a type error still gets its broken links reported,
    #: and a link to a file that exists but is invalid is not reported as missing.
    raw: dict[str, dict[str, Located]] = field(default_factory=dict)

    def tables(self) -> dict[str, dict[str, Source[Any]]]:
        """Each kind of source (exercise, anatomy, routine, reference, guide) and its table."""
        return {
            "exercise": self.exercises,
            "anatomy": self.anatomy,
            "routine": self.routines,
            "reference": self.references,
            "guide": self.guides,
            "picture": self.pictures,
        }


#: Each kind of source: its folder, its files and its model.
_KINDS: dict[str, tuple[str, str, type[BaseModel]]] = {
    "exercise": (EXERCISES_DIR, "*.yaml", Exercise),
    "anatomy": (ANATOMY_DIR, "*.yaml", Anatomy),
    "routine": (ROUTINES_DIR, "*.yaml", Routine),
    "reference": (REFERENCES_DIR, "*.yaml", Reference),
    "guide": (GUIDES_DIR, "*.md", Guide),
    "picture": (PICTURES_DIR, "*.yaml", Picture),
}


#: Kinds held in one file each, rather than a folder of files.
_SINGLE_FILES: dict[str, type[BaseModel]] = {
    "glossary": Glossary,
    "red-flags": RedFlags,
    "session": Session,
}


@dataclass(frozen=True)
class _Loaded:
    """One file's outcome: where it is, its model if valid, and what is wrong with it."""

    located: Located
    source: Source[Any] | None
    problems: list[Problem]


def load_corpus(root: Path) -> tuple[Catalog, list[Problem]]:
    """Load every source under `root`; return what parsed and every problem found."""
    catalog = Catalog(raw={kind: {} for kind in _KINDS})
    tables = catalog.tables()
    problems: list[Problem] = []
    files = [
        (kind, path)
        for kind, (folder, pattern, _) in _KINDS.items()
        for path in _files(root / folder, pattern, problems, root)
    ]
    if (root / GLOSSARY_FILE).is_file():
        files.append(("glossary", root / GLOSSARY_FILE))
    if (root / RED_FLAGS_FILE).is_file():
        files.append(("red-flags", root / RED_FLAGS_FILE))
    else:
        message = "the list of serious signs is missing; every page and sheet is built from it"
        problems.append(Problem(RED_FLAGS_FILE, 1, 1, "(file)", message))
    if (root / SESSION_FILE).is_file():
        files.append(("session", root / SESSION_FILE))
    else:
        message = "the Follow along timings are missing; every session is paced from them"
        problems.append(Problem(SESSION_FILE, 1, 1, "(file)", message))
    for kind, path in files:
        loaded = _load_file(root, kind, path)
        problems += loaded.problems
        if kind == "glossary":
            catalog.glossary = loaded.source
            continue
        if kind in ("red-flags", "session"):
            setattr(catalog, kind.replace("-", "_"), loaded.source)
            catalog.raw[kind] = {kind: loaded.located}
            continue
        # Keyed by file name; checks compare it with the id inside the file.
        catalog.raw[kind][path.stem] = loaded.located
        if loaded.source is not None:
            tables[kind][path.stem] = loaded.source
    return catalog, problems


def _load_file(root: Path, kind: str, path: Path) -> _Loaded:
    """Read, parse and validate one source file."""
    rel = _rel(root, path)
    model = _SINGLE_FILES.get(kind) or _KINDS[kind][2]
    body, body_line = "", 0
    try:
        if kind == "guide":
            front, body, body_line = split_front_matter(_read(path))
            parsed = parse(front, line_offset=1)
        else:
            parsed = parse(_read(path))
    except (YamlSourceError, UnicodeDecodeError, SourceTooLarge) as exc:
        # The file exists, so links to it are not reported as broken on top.
        return _Loaded(Located(rel, Parsed(None, None), path.stem), None, [_unreadable(rel, exc)])
    problems: list[Problem] = []
    source = _validate(rel, parsed, model, problems, path.stem)
    if source is not None and kind == "guide":
        source = Source(rel, parsed, path.stem, source.model, body, body_line)
    return _Loaded(Located(rel, parsed, path.stem), source, problems)


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


class SourceTooLarge(ValueError):
    """A source file over MAX_SOURCE_BYTES, refused unread."""


def _read(path: Path) -> str:
    size = path.stat().st_size
    if size > MAX_SOURCE_BYTES:
        raise SourceTooLarge(
            f"file is too large ({size / 1024 / 1024:.1f} MB); the limit is {MAX_SOURCE_BYTES // 1024} KB"
        )
    return path.read_bytes().decode("utf-8")


def _unreadable(rel: str, exc: Exception) -> Problem:
    """A problem for a file that could not be read or parsed, at the fault if known."""
    if isinstance(exc, YamlSourceError):
        return Problem(rel, exc.line, exc.column, "(file)", exc.message)
    if isinstance(exc, UnicodeDecodeError):
        before = exc.object[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        byte = exc.object[exc.start]
        message = f"not UTF-8 text (byte 0x{byte:02X}); save the file as UTF-8"
        return Problem(rel, line, column, "(file)", message)
    return Problem(rel, 1, 1, "(file)", str(exc))


def _validate(
    rel: str, parsed: Parsed, model: type[M], problems: list[Problem], stem: str
) -> Source[M] | None:
    if parsed.data is None:
        schema = f"schemas/{model.__name__.lower()}.schema.json"
        message = f"the file is empty; fill in the fields that {schema} lists"
        problems.append(Problem(rel, *parsed.position(()), "(document)", message))
        return None
    if not isinstance(parsed.data, dict):
        message = "expected a mapping of fields ('field: value' lines)"
        problems.append(Problem(rel, *parsed.position(()), "(document)", message))
        return None
    try:
        instance = model.model_validate(parsed.data)
    except ValidationError as exc:
        problems.extend(_validation_problems(rel, parsed, exc, model))
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


def _message(error: ErrorDetails, model: type[BaseModel], loc: tuple[str | int, ...]) -> str:
    """One pydantic error in an author's words, with a hint where we can give one."""
    kind = error["type"]
    # 180.0 reads as 180; the author wrote whole numbers.
    ctx = {
        key: f"{value:g}" if isinstance(value, float) else value
        for key, value in error.get("ctx", {}).items()
    }
    # Pydantic names a union branch by its type, e.g. "function-after[_ordered(), Range]".
    branch = str(error["loc"][-1]).rstrip("]").split(", ")[-1] if error["loc"] else ""
    if branch in _BRANCH_WORDS and kind in _TYPE_ERRORS:
        return _BRANCH_WORDS[branch]
    if kind == "string_pattern_mismatch":
        return _PATTERN_WORDS.get(ctx.get("pattern", ""), f"does not have the allowed form {ctx['pattern']}")
    if kind not in _FRIENDLY:
        return error["msg"].removeprefix("Value error, ")
    message = _FRIENDLY[kind].format(**ctx)
    fields = _fields_at(model, loc[:-1])
    if kind == "missing" and loc and loc[-1] in fields:
        description = fields[str(loc[-1])].description
        return f"{message}: {description}" if description not in _GENERIC_DESCRIPTIONS else message
    if kind == "extra_forbidden" and fields:
        close = difflib.get_close_matches(str(loc[-1]), list(fields), n=1)
        return f"unknown field; did you mean '{close[0]}'?" if close else message
    return message


def _fields_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> dict[str, FieldInfo]:
    """The fields of the model found at `loc` (list indexes skipped); empty if unknown."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        field_info = current.model_fields.get(part) if _is_model(current) else None
        if field_info is None:
            return {}
        current = _model_in(field_info.annotation)
    return dict(current.model_fields) if _is_model(current) else {}


def _is_model(value: Any) -> bool:
    return isinstance(value, type) and issubclass(value, BaseModel)


def _model_in(annotation: Any) -> Any:
    """The model inside `X`, `list[X]` or `X | None`, if any."""
    if _is_model(annotation):
        return annotation
    for arg in get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _validation_problems(
    rel: str, parsed: Parsed, exc: ValidationError, model: type[BaseModel]
) -> list[Problem]:
    """One problem per location; union branches merged into a single message."""
    merged: dict[tuple[str | int, ...], list[str]] = {}
    for error in exc.errors(include_url=False):
        loc = _data_path(parsed.data, error["loc"], error["type"] == "missing")
        message = _message(error, model, loc)
        messages = merged.setdefault(loc, [])
        if message not in messages:
            messages.append(message)
    return [
        Problem(rel, *parsed.position(loc), field_name(loc), _join(messages))
        for loc, messages in merged.items()
    ]


def _join(messages: list[str]) -> str:
    """'expected a whole number' + 'expected a mapping' -> 'expected a whole number or a mapping'.

    When a value had the right shape for one branch but a bad value ("must be at least 1"),
    only that is said: the other branches' "expected ..." would be noise.
    """
    values = [m for m in messages if not m.startswith("expected ")]
    if values:
        return " or ".join(values)
    if len(messages) > 1:
        return "expected " + " or ".join(m.removeprefix("expected ") for m in messages)
    return " or ".join(messages)
