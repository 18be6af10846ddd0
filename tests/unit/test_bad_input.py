"""Bad input, defence in depth: markup in a model that slipped past the loader still renders as text."""

from __future__ import annotations

from sitegen.content.load import load_corpus
from sitegen.render.pages import render

from ..conftest import FIXTURE_CORPUS


def test_markup_that_slips_past_the_loader_is_still_escaped() -> None:
    """Defence in depth: tags in a model built without validation render as text."""
    catalog = load_corpus(FIXTURE_CORPUS)[0]
    source = catalog.exercises["alpha-slide"]
    hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    model = source.model.model_copy(update={"name": hostile, "steps": [hostile], "summary": hostile})
    catalog.exercises["alpha-slide"] = type(source)(source.path, source.parsed, source.stem, model)
    pages = render(catalog)
    for path, markdown in pages.items():
        assert "<script>" not in markdown and "<img src=x" not in markdown, path
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in pages["exercises/alpha-slide.md"]
