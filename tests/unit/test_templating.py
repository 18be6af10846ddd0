"""Tests for sitegen.render.templating: the compiled-template cache is used, safe and optional."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from jinja2 import ChoiceLoader, DictLoader, Environment

from sitegen.content.load import load_corpus
from sitegen.figures import draw as figure
from sitegen.render import pages as render
from sitegen.render import templating

from ..conftest import FIXTURE_CORPUS

TEMPLATES = Path(templating.__file__).parent / "templates"
SOURCE = "Hello {{ name }}!"


def _environment(cache_dir: Path, monkeypatch: pytest.MonkeyPatch, source: str) -> Environment:
    monkeypatch.setenv(templating.CACHE_ENV, str(cache_dir))
    return Environment(loader=DictLoader({"t.j2": source}), bytecode_cache=templating.bytecode_cache())


def test_a_second_run_reads_the_compiled_template(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = _environment(tmp_path, monkeypatch, SOURCE)
    assert first.get_template("t.j2").render(name="you") == "Hello you!"
    cached = list(tmp_path.glob("sitegen-*.cache"))
    assert len(cached) == 1
    compiled = cached[0].stat().st_mtime_ns
    second = _environment(tmp_path, monkeypatch, SOURCE)
    assert second.get_template("t.j2").render(name="me") == "Hello me!"
    assert cached[0].stat().st_mtime_ns == compiled, "compiled again instead of read from the cache"


def test_an_edited_template_is_compiled_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _environment(tmp_path, monkeypatch, SOURCE).get_template("t.j2")
    edited = _environment(tmp_path, monkeypatch, "Bye {{ name }}.")
    assert edited.get_template("t.j2").render(name="you") == "Bye you."


def test_an_unwritable_cache_only_costs_a_recompile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = _environment(tmp_path / "cache", monkeypatch, SOURCE)
    shutil.rmtree(tmp_path / "cache")  # the folder vanishes under it
    assert cache.get_template("t.j2").render(name="you") == "Hello you!"
    (tmp_path / "file").write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(templating.CACHE_ENV, str(tmp_path / "file"))
    assert templating.bytecode_cache() is None


def test_the_cache_can_be_switched_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(templating.CACHE_ENV, "off")
    assert templating.bytecode_cache() is None


def test_the_site_renders_the_same_either_way(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    catalog, _ = load_corpus(FIXTURE_CORPUS)
    outputs = []
    for setting in ("off", str(tmp_path), str(tmp_path)):  # no cache, cold cache, warm cache
        monkeypatch.setenv(templating.CACHE_ENV, setting)
        render.environment.cache_clear()
        figure.svg_environment.cache_clear()
        outputs.append(render.render(catalog))
    assert len(list(tmp_path.glob("sitegen-*.cache"))) >= len(list(TEMPLATES.glob("*.j2")))
    assert outputs[0] == outputs[1] == outputs[2]


def test_a_template_edited_between_builds_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    catalog, _ = load_corpus(FIXTURE_CORPUS)
    templates = {"glossary.md.j2": "# Glossary one\n", "figure.html.j2": "<figure>one</figure>"}
    for env in (render.environment(), figure.svg_environment()):
        monkeypatch.setattr(env, "loader", ChoiceLoader([DictLoader(templates), env.loader]))  # type: ignore[list-item]
    # The stand-in glossary has no serious-sign box, which the guard would refuse.
    monkeypatch.setattr(render, "pages_missing_signs", lambda pages, red_flags: [])
    try:
        first = render.render(catalog)
        templates.update({"glossary.md.j2": "# Glossary two\n", "figure.html.j2": "<figure>two</figure>"})
        second = render.render(catalog)
    finally:
        monkeypatch.undo()
        # Later tests must not meet these stand-ins.
        render.environment.cache_clear()
        figure.svg_environment.cache_clear()
    assert first["glossary.md"] == "# Glossary one\n" and second["glossary.md"] == "# Glossary two\n"
    assert "<figure>one</figure>" in first["exercises/alpha-slide.md"]
    assert "<figure>two</figure>" in second["exercises/alpha-slide.md"]


def test_the_site_environment_escapes_every_value_once() -> None:
    env = render.environment()
    template = env.from_string("{% macro m(x) %}<b>{{ x }}</b>{% endmacro %}{{ m(v) }} {{ v }} {{ v ~ '&' }}")
    escaped = "&lt;i&gt;\\*a\\*&lt;/i&gt;"
    assert template.render(v="<i>*a*</i>") == f"<b>{escaped}</b> {escaped} {escaped}&amp;"
