"""Tests for sitegen.render.pages: golden pages for the fixture corpus, derived links, guards."""

from __future__ import annotations

import dataclasses

import pytest
from jinja2 import Template

from sitegen.content.load import load_corpus
from sitegen.render.pages import (
    SCREEN_FLAGS,
    SHEET_FLAGS,
    RenderError,
    _render,
    has_template_syntax,
    pages_missing_signs,
    render,
)

from ..conftest import FIXTURE_CORPUS, GOLDEN, match_golden


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
        "follow-along.md",
        "glossary.md",
        "index.md",
        "learn/getting-down-and-up.md",
        "learn/index.md",
        "learn/red-flags.md",
        "learn/using-this-guide.md",
        "learn/what-is-sciatica.md",
        "my-progress.md",
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


def test_every_page_links_to_the_red_flags(pages: dict[str, str]) -> None:
    for rel, content in pages.items():
        if rel != "learn/red-flags.md":
            assert "learn/red-flags.md)" in content, rel


def test_every_page_and_sheet_carries_every_serious_sign(pages: dict[str, str]) -> None:
    catalog, _ = load_corpus(FIXTURE_CORPUS)
    assert catalog.red_flags is not None
    signs = catalog.red_flags.model.signs
    assert pages_missing_signs(pages, catalog.red_flags.model) == []
    for rel in ("exercises/alpha-slide.md", "routines/test-routine.md", "my-routine.md"):
        sheet = pages[rel].partition(SHEET_FLAGS)[2].partition("</section>")[0]
        assert all(sign.short in sheet for sign in signs), rel
        # Dropping one sign from the printed list, or the box, is caught.
        head, mark, tail = pages[rel].partition(SHEET_FLAGS)
        for broken in (
            head + mark + tail.replace(signs[1].short, "", 1),
            pages[rel].replace(SCREEN_FLAGS, ""),
        ):
            assert pages_missing_signs({rel: broken}, catalog.red_flags.model) == [rel]
    guide = pages["learn/red-flags.md"].replace(f"- {signs[-1].text}", "")
    assert pages_missing_signs({"learn/red-flags.md": guide}, catalog.red_flags.model) == [
        "learn/red-flags.md"
    ]


def test_stop_rules_take_their_urgency_from_the_list(pages: dict[str, str]) -> None:
    stop = pages["exercises/beta-hold.md"].partition('"Stop and get help if"')[2].partition("<section")[0]
    assert (
        '- <span class="sg-flag-rule">You notice sciatica in both legs. Go to A&amp;E or call 999 now.'
        in stop
    )
    assert "You notice new numbness or weakness. Get seen today by your GP surgery, or call NHS 111." in stop
    routine = pages["routines/test-routine.md"].partition("## Stop and get help if")[2]
    assert "You notice new numbness or weakness. Get seen today" in routine
    assert "You notice new numbness or weakness. Get seen today" in pages["my-routine.md"]


def test_guide_markers_are_drawn_from_the_list(pages: dict[str, str]) -> None:
    floor = pages["learn/getting-down-and-up.md"]
    assert (
        "New numbness or weakness in your leg. Get seen today by your GP surgery, or call NHS 111." in floor
    )
    assert '!!! note "Check first if"\n    - New back pain when you are over 50.' in floor
    assert "[[" not in floor


def test_a_guide_shows_its_picture_with_a_text_alternative(pages: dict[str, str]) -> None:
    guide = pages["learn/getting-down-and-up.md"]
    assert 'class="sg-figure-box sg-picture"' in guide and "[[figure" not in guide
    assert '<title id="fig-picture-sit-test-title">A test picture, sitting: the movement</title>' in guide
    # The description is written from the poses; the caption adds the data's own words.
    assert "Sitting on a chair. The left knee straightens while the head tips back." in guide
    assert "The knee straightens as the head lifts. 1: where you start. 2: where you move to." in guide
    assert "data-sg-frames" not in guide, "a guide's picture does not move"


def test_a_common_starting_dose_says_so(pages: dict[str, str]) -> None:
    catalog, _ = load_corpus(FIXTURE_CORPUS)
    source = catalog.exercises["beta-hold"]
    dose = source.model.dose.model_copy(update={"common_start": True})
    catalog.exercises["beta-hold"] = dataclasses.replace(
        source, model=source.model.model_copy(update={"dose": dose})
    )
    page = render(catalog)["exercises/beta-hold.md"]
    assert "No study has tested a dose for this exact move. It is a common starting dose" in page
    assert "No study has tested" not in pages["exercises/beta-hold.md"]
    assert "Dose based on" in pages["exercises/beta-hold.md"]


def test_floor_exercises_say_how_to_get_down_and_up(pages: dict[str, str]) -> None:
    assert "(../learn/getting-down-and-up.md)" in pages["exercises/beta-hold.md"]  # lying down
    assert "getting-down-and-up" not in pages["exercises/alpha-slide.md"]  # seated


def test_leftover_template_syntax_fails_loudly(monkeypatch: pytest.MonkeyPatch) -> None:
    from sitegen.render import pages as render_module

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
    from sitegen.render import pages as render_module

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
