"""Tests for sitegen.render: golden pages for the fixture corpus, derived links, guards."""

from __future__ import annotations

import pytest
from jinja2 import Template

from sitegen.load import load_corpus
from sitegen.render import RenderError, _render, has_template_syntax, render

from .conftest import FIXTURE_CORPUS, GOLDEN, match_golden


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    catalog, problems = load_corpus(FIXTURE_CORPUS)
    assert problems == []
    return render(catalog)


def test_page_set(pages: dict[str, str]) -> None:
    assert sorted(pages) == [
        "anatomy/index.md",
        "anatomy/muscle-two.md",
        "anatomy/nerve-one.md",
        "exercises/alpha-slide.md",
        "exercises/beta-hold.md",
        "exercises/index.md",
        "exercises/tags.md",
        "glossary.md",
        "index.md",
        "learn/index.md",
        "learn/red-flags.md",
        "learn/using-this-guide.md",
        "learn/what-is-sciatica.md",
        "my-routine.md",
        "references.md",
        "routines/gentle-start.md",
        "routines/index.md",
        "routines/test-routine.md",
    ]


def test_pages_match_golden_files(pages: dict[str, str]) -> None:
    """Run with UPDATE_GOLDEN=1 to accept a deliberate change, then review the diff."""
    for rel, content in pages.items():
        match_golden(rel, content)
    golden = {p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*.md")}
    assert golden == set(pages), "golden pages without a rendered page (or the reverse)"


def test_render_is_pure_and_stable(pages: dict[str, str]) -> None:
    catalog, _ = load_corpus(FIXTURE_CORPUS)
    assert render(catalog) == pages


def test_anatomy_lists_the_exercises_that_target_it(pages: dict[str, str]) -> None:
    muscle = pages["anatomy/muscle-two.md"]
    assert "[Beta hold](../exercises/beta-hold.md)" in muscle
    assert "(../exercises/alpha-slide.md) (also works on it)" in muscle


def test_exercise_links_to_routines_that_use_it(pages: dict[str, str]) -> None:
    assert "[Test routine](../routines/test-routine.md)" in pages["exercises/beta-hold.md"]


def test_routine_applies_dose_overrides(pages: dict[str, str]) -> None:
    routine = pages["routines/test-routine.md"]
    assert "5 repetitions · 2–3 sets · once a day" in routine
    assert "hold 20–30 seconds · 3 sets · 3–4 days a week" in routine


def test_every_page_but_the_glossary_links_to_the_red_flags(pages: dict[str, str]) -> None:
    skip = {
        "glossary.md",
        "references.md",
        "learn/index.md",
        "anatomy/index.md",
    }
    skip.add("learn/red-flags.md")  # the page itself
    for rel, content in pages.items():
        if rel not in skip:
            assert "learn/red-flags.md)" in content, rel


def test_leftover_template_syntax_fails_loudly(monkeypatch: pytest.MonkeyPatch) -> None:
    from sitegen import render as render_module

    class FakeTemplate:
        def render(self, context: object) -> str:
            return "Hello {{ name }}"

    class FakeEnv:
        def get_template(self, name: str) -> FakeTemplate:
            return FakeTemplate()

    monkeypatch.setattr(render_module, "environment", lambda: FakeEnv())
    with pytest.raises(RenderError, match="unrendered"):
        _render("x.md.j2", {})


@pytest.mark.parametrize("token", ["{{", "{%", "}}", "%}"])
@pytest.mark.parametrize("where", ["{}", "a {} b", "{}z", "z{}"])
def test_every_template_token_is_found_anywhere(token: str, where: str) -> None:
    # A non-Latin-1 character makes the string's wider kind, where searching differs.
    assert has_template_syntax("☐ " + where.format(token))
    assert has_template_syntax(where.format(token))


@pytest.mark.parametrize(
    "text", ["", "{", "}", "%", "{ #id }", "} {", "%{", "}{", "% } { %", "\\{\\{", "{ %"]
)
def test_text_without_template_tokens_passes(text: str) -> None:
    assert not has_template_syntax(text)
    assert not has_template_syntax("☐ " + text + " ☐")


def _fake_template(monkeypatch: pytest.MonkeyPatch, source: str) -> None:
    """Make _render use a template from this source, on the real environment's settings."""
    from sitegen import render as render_module

    template = render_module.environment().from_string(source)

    class OneTemplate:
        def get_template(self, name: str) -> Template:
            return template

    monkeypatch.setattr(render_module, "environment", OneTemplate)


def test_a_slot_is_filled_after_the_guard_exactly_once(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_template(monkeypatch, "<script>{{ data }}</script> {{ name }}")
    out = _render("x.md.j2", {"name": "Ann }}"}, {"data": '{"a":{"b":{}}}'})
    # The slot's JSON keeps its "}}"; the author's text around it is escaped as always.
    assert out == '<script>{"a":{"b":{}}}</script> Ann \\}\\}\n'


@pytest.mark.parametrize("source", ["{{ data }} {{ data }}", "no slot here"])
def test_a_slot_used_twice_or_never_fails_loudly(monkeypatch: pytest.MonkeyPatch, source: str) -> None:
    _fake_template(monkeypatch, source)
    with pytest.raises(RenderError, match="'data' must be used exactly once"):
        _render("x.md.j2", {}, {"data": "{}"})
