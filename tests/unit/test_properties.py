"""Property tests (hypothesis) for the loader and the renderer.

- Random valid exercises round-trip: what an author writes is what load returns and what
  the rendered page says.
- Random mutations of a valid source never crash the loader: every outcome is either a
  clean load or a list of located problems.
- Any plain text survives escaping and Markdown exactly as typed.

Runs are derandomized (the same examples each `make test`), so CI is repeatable; set
HYPOTHESIS_PROFILE=explore for a longer, random search.
"""

from __future__ import annotations

import html
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml
from hypothesis import example, given
from hypothesis import strategies as st

from sitegen.checks.corpus import check_corpus
from sitegen.content.load import load_corpus
from sitegen.content.models import HTML_TAG, LINK, Category, Difficulty, Equipment, NerveLoad, Position
from sitegen.content.problems import Problem, Severity
from sitegen.render.pages import render
from sitegen.render.text import md_text

from ..conftest import FIXTURE_CORPUS

NEW_ID = "gamma-walk"
NEW_FILE = f"exercises/{NEW_ID}.yaml"
SCHEMA_LINE = "# yaml-language-server: $schema=../schemas/exercise.schema.json\n"

# Short, common words keep generated text at a low reading grade, as the checks demand.
WORDS = [
    "you",
    "lie",
    "sit",
    "stand",
    "on",
    "the",
    "floor",
    "bed",
    "chair",
    "lift",
    "your",
    "leg",
    "arm",
    "knee",
    "hip",
    "back",
    "slow",
    "and",
    "then",
    "hold",
    "it",
    "rest",
]


@st.composite
def sentences(draw: st.DrawFn) -> str:
    """A short plain sentence such as 'Lift your knee and hold.'"""
    words = draw(st.lists(st.sampled_from(WORDS), min_size=2, max_size=7))
    return " ".join(words).capitalize() + "."


def lines(max_size: int = 4) -> st.SearchStrategy[list[str]]:
    """A list of one to `max_size` sentences."""
    return st.lists(sentences(), min_size=1, max_size=max_size)


def amounts(high: int) -> st.SearchStrategy[Any]:
    """A dose amount: a whole number or a {low, high} range."""
    single = st.integers(1, high)
    ranged = st.tuples(st.integers(1, high - 1), st.integers(1, high)).filter(lambda p: p[0] < p[1])
    return st.one_of(single, ranged.map(lambda p: {"low": p[0], "high": p[1]}))


@st.composite
def exercises(draw: st.DrawFn) -> dict[str, Any]:
    """A valid exercise, as an author would write it, citing the fixture's anatomy and refs."""
    category = draw(st.sampled_from(list(Category)))
    glide = category is Category.NERVE_GLIDE
    dose: dict[str, Any] = {"sets": draw(amounts(4)), "rep_seconds": 6, "source": "ref-one"}
    dose |= draw(st.sampled_from([{"reps": draw(amounts(20))}, {"hold_seconds": draw(amounts(60))}]))
    dose |= draw(st.sampled_from([{"per_day": draw(amounts(3))}, {"days_per_week": draw(amounts(7))}]))
    return {
        "id": NEW_ID,
        "name": draw(sentences()).rstrip("."),
        "summary": draw(sentences()),
        "category": category.value,
        "nerve_load": NerveLoad.SLIDER.value if glide else NerveLoad.NONE.value,
        "position": draw(st.sampled_from(list(Position))).value,
        "equipment": draw(st.lists(st.sampled_from([e.value for e in Equipment]), min_size=1, unique=True)),
        "difficulty": draw(st.sampled_from(list(Difficulty))).value,
        "targets": {"primary": ["nerve-one"], "secondary": draw(st.sampled_from([[], ["muscle-two"]]))},
        "setup": draw(lines()),
        "steps": draw(lines(6)),
        "breathing": draw(sentences()),
        "dose": dose,
        "feel": draw(lines(2)),
        "stop_rules": {"ease_off": draw(lines(2)), "stop": draw(lines(2))},
        "cautions": draw(lines(3)),
        "bad_day": draw(lines(1))[0],
        "sides": "one",
        "keywords": draw(lines(3)),
        "sources": ["ref-one"],
        "reviewed": "2026-11-01",
        "next_review": "2028-11-01",
        "figure": held(FIXTURE_FIGURE) if "hold_seconds" in dose else FIXTURE_FIGURE,
    }


def held(figure: dict[str, Any]) -> dict[str, Any]:
    """The figure with its last pose held, as a dose of holds needs."""
    poses = [*figure["poses"][:-1], {**figure["poses"][-1], "hold": True}]
    return {**figure, "poses": poses}


#: A figure known to pass the figure checks (alpha-slide's); the text varies, not the pose.
FIXTURE_FIGURE = yaml.safe_load((FIXTURE_CORPUS / "exercises/alpha-slide.yaml").read_text("utf-8"))["figure"]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture data in a folder the examples may write into (one example at a time)."""
    root = tmp_path_factory.mktemp("props")
    for name in ("exercises", "content"):
        shutil.copytree(FIXTURE_CORPUS / name, root / name)
    return root


def dump(data: Any) -> str:
    """YAML text as an author would save it."""
    return SCHEMA_LINE + yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def load_with(project: Path, rel: str, content: str | bytes) -> tuple[Any, list[Problem]]:
    """Load the corpus with one file replaced; return the catalog and every problem."""
    path = project / rel
    original = path.read_bytes() if path.exists() else None
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    try:
        catalog, problems = load_corpus(project)
        return catalog, problems + check_corpus(catalog)
    finally:
        if original is None:
            path.unlink()
        else:
            path.write_bytes(original)


def errors(problems: list[Problem]) -> list[str]:
    return [str(p) for p in problems if p.severity is Severity.ERROR]


def visible_text(page_html: str) -> str:
    """The text a reader sees, from HTML."""
    return html.unescape(re.sub(r"<[^>]+>", " ", page_html))


@given(exercises())
def test_valid_exercises_round_trip_through_load_and_render(project: Path, data: dict[str, Any]) -> None:
    catalog, problems = load_with(project, NEW_FILE, dump(data))
    assert errors(problems) == []
    model = catalog.exercises[NEW_ID].model
    assert model.name == data["name"]
    assert list(model.steps) == data["steps"]
    assert model.dose.model_dump(mode="json", exclude_defaults=True) == data["dose"]
    assert list(model.stop_rules.stop) == data["stop_rules"]["stop"]
    page = render(catalog)[f"exercises/{NEW_ID}.md"]
    for text in [data["name"], *data["steps"], *data["stop_rules"]["stop"], *data["cautions"]]:
        assert str(md_text(text)) in page


def mutations(data: dict[str, Any]) -> st.SearchStrategy[Any]:
    """A valid exercise with one random change to its structure."""
    values = st.recursive(
        st.none() | st.booleans() | st.integers(-(10**6), 10**6) | st.floats() | st.text(max_size=30),
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
        max_leaves=6,
    )
    paths = list(_paths(data))
    return st.tuples(st.sampled_from(paths), st.sampled_from(["delete", "replace", "add"]), values)


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every path to a value inside nested dicts and lists."""
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        yield (*prefix, key)
        yield from _paths(value, (*prefix, key))


def apply(data: Any, path: tuple[Any, ...], action: str, value: Any) -> None:
    """Delete, replace or add (an unknown key next to) the value at `path`."""
    parent = data
    for key in path[:-1]:
        parent = parent[key]
    last = path[-1]
    if action == "delete":
        del parent[last]
    elif action == "replace":
        parent[last] = value
    elif isinstance(parent, dict):
        parent[f"unknown_{len(parent)}"] = value
    else:
        parent.insert(last, value)


BASE = yaml.safe_load((FIXTURE_CORPUS / "exercises/beta-hold.yaml").read_text("utf-8"))


@given(mutations(BASE))
def test_structural_mutations_are_reported_never_raised(project: Path, change: tuple[Any, str, Any]) -> None:
    data = yaml.safe_load(dump(BASE))
    apply(data, *change)
    _, problems = load_with(project, "exercises/beta-hold.yaml", dump(data))
    assert all(p.line >= 1 and p.column >= 1 and p.field and p.message for p in problems)


@given(st.binary(max_size=40), st.integers(0, 2000), st.integers(0, 40))
# Known troublemakers first: a NUL byte once crashed the YAML reader.
@example(b"\x00", 0, 0)
@example(b"\xff\xfe", 100, 0)
@example(b"\t", 200, 0)
@example(b'"', 300, 0)
@example(b"&a [1]\nb: *a", 400, 0)
@example(b"!!python/object/apply:os.system", 60, 0)
def test_byte_mutations_are_reported_never_raised(project: Path, junk: bytes, at: int, cut: int) -> None:
    """Random bytes spliced into a valid file (maybe cutting some out) give problems, not crashes."""
    original = (FIXTURE_CORPUS / "exercises/beta-hold.yaml").read_bytes()
    at = min(at, len(original))
    mutated = original[:at] + junk + original[at + cut :]
    _, problems = load_with(project, "exercises/beta-hold.yaml", mutated)
    assert all(p.path == "exercises/beta-hold.yaml" or p.line >= 1 for p in problems)
    assert all(p.line >= 1 and p.field and p.message for p in problems)


MARKDOWN = markdown.Markdown(extensions=["abbr", "attr_list", "def_list", "md_in_html", "tables"])


@example("=")  # once shown as "\\=": Python-Markdown has no backslash escape for it
@example("1. # > - + * _ ` | [x] {: .y } &amp; \\ <3")
@given(st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1))
def test_any_plain_text_reads_as_typed_after_markdown(text: str) -> None:
    """Whatever a text field holds, the reader sees exactly those characters."""
    if HTML_TAG.search(text) or LINK.search(text) or not text.strip():
        return  # the loader refuses these; test_bad_input covers them
    html_out = MARKDOWN.reset().convert(f"- {md_text(text)}")
    assert visible_text(html_out).split() == text.split()
