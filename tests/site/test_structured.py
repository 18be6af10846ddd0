"""The built pages' <head>: the schema.org JSON-LD sitegen.render.structured makes, once, unbroken."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml

from sitegen.content.load import Catalog, load_corpus
from sitegen.content.yamlsrc import split_front_matter

from ..conftest import FIXTURE_CORPUS, ROOT, expected_amount, expected_anatomy, plan_of, read

LD_JSON = "application/ld+json"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    loaded, problems = load_corpus(ROOT)
    assert problems == []
    return loaded


class JsonLdCollector(HTMLParser):
    """Collects the text of every <script type="application/ld+json">, and whether it is in <head>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.in_head = False
        self.current: list[str] | None = None
        self.scripts: list[tuple[bool, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "head":
            self.in_head = True
        elif tag == "script" and dict(attrs).get("type") == LD_JSON:
            self.current = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self.in_head = False
        elif tag == "script" and self.current is not None:
            self.scripts.append((self.in_head, "".join(self.current)))
            self.current = None

    def handle_data(self, data: str) -> None:
        if self.current is not None:
            self.current.append(data)


def json_ld(page: Path) -> list[Any]:
    """The JSON-LD objects of a built page; fails if any sits outside <head>."""
    collector = JsonLdCollector()
    collector.feed(read(page))
    assert all(in_head for in_head, _ in collector.scripts), f"{page}: JSON-LD outside <head>"
    return [json.loads(script) for _, script in collector.scripts]


def test_every_exercise_page_has_one_exercise_plan_in_head(real_site: Path, catalog: Catalog) -> None:
    for exercise_id, source in catalog.exercises.items():
        exercise = source.model
        page = real_site / "exercises" / exercise_id / "index.html"
        assert read(page).count(f'<script type="{LD_JSON}">') == 1, exercise_id
        [plan] = json_ld(page)
        assert plan["@type"] == "ExercisePlan"
        assert plan["name"] == exercise.name
        assert plan.get("repetitions") == expected_amount(exercise.dose.reps)
        assert plan["contraindication"] == exercise.cautions
        assert plan["associatedAnatomy"] == expected_anatomy(catalog, exercise)
        assert plan == plan_of(catalog, exercise)


def test_every_guide_page_has_a_medical_web_page_in_head(real_site: Path, catalog: Catalog) -> None:
    for slug in catalog.guides:
        front, _, _ = split_front_matter(read(ROOT / "content" / "learn" / f"{slug}.md"))
        reviewed = yaml.safe_load(front)["reviewed"]
        [page] = json_ld(real_site / "learn" / slug / "index.html")
        assert page["@type"] == "MedicalWebPage"
        assert page["lastReviewed"] == reviewed.isoformat(), slug
        assert page["name"] == catalog.guides[slug].model.title


def test_other_pages_carry_no_json_ld(real_site: Path) -> None:
    for rel in ("index.html", "exercises/index.html", "learn/index.html", "references/index.html"):
        assert json_ld(real_site / rel) == [], rel
    for page in (real_site / "anatomy").rglob("*.html"):
        assert json_ld(page) == [], page


def test_structured_data_stays_out_of_the_search_index(real_site: Path) -> None:
    index = read(real_site / "search/search_index.json")
    assert "ExercisePlan" not in index and "MedicalWebPage" not in index


def test_script_in_a_name_cannot_break_out_of_the_json_ld(fixture_site: Path) -> None:
    catalog, _ = load_corpus(FIXTURE_CORPUS)
    name = catalog.exercises["alpha-slide"].model.name
    # The loader refuses tags, so "<3" and "&lt;script&gt;" stand in for hostile text here;
    # test_script_json_cannot_close_a_script_element (tests/unit) covers "</script>" itself.
    assert "<" in name and "&" in name
    html = read(fixture_site / "exercises/alpha-slide/index.html")
    start = html.index(f'<script type="{LD_JSON}">') + len(f'<script type="{LD_JSON}">')
    script = html[start : html.index("</script>", start)]
    # The first </script> after the opening tag is the element's own end: the whole JSON is inside.
    assert "<" not in script and ">" not in script and "&" not in script
    plan = json.loads(script)
    assert plan["name"] == name
    assert plan["description"] == catalog.exercises["alpha-slide"].model.summary
    assert json_ld(fixture_site / "exercises/alpha-slide/index.html") == [plan]
    assert "<script>alert(1)</script>" not in html
