"""Tests for sitegen.render.structured: schema.org JSON-LD from the data, and in the built pages' <head>."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml

from sitegen.content.load import Catalog, load_corpus
from sitegen.content.models import Exercise, Range
from sitegen.content.yamlsrc import split_front_matter
from sitegen.render.structured import exercise_plan, front_matter_value, medical_web_page, to_script_json

from .conftest import FIXTURE_CORPUS, ROOT, read

LD_JSON = "application/ld+json"
#: Every property an ExercisePlan may carry here: each is a real schema.org property.
EXERCISE_PLAN_PROPERTIES = {
    "@context",
    "@type",
    "name",
    "alternateName",
    "description",
    "exerciseType",
    "activityFrequency",
    "repetitions",
    "activityDuration",
    "additionalVariable",
    "contraindication",
    "associatedAnatomy",
    "lastReviewed",
    "citation",
}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    loaded, problems = load_corpus(ROOT)
    assert problems == []
    return loaded


def anatomy_names(catalog: Catalog) -> dict[str, str]:
    return {anatomy_id: source.model.name for anatomy_id, source in catalog.anatomy.items()}


def references(catalog: Catalog) -> dict[str, Any]:
    return {ref_id: source.model for ref_id, source in catalog.references.items()}


def plan_of(catalog: Catalog, exercise: Exercise) -> dict[str, Any]:
    return exercise_plan(exercise, anatomy_names(catalog), references(catalog))


def expected_amount(value: int | Range | None) -> object:
    if value is None or isinstance(value, int):
        return value
    return {"@type": "QuantitativeValue", "minValue": value.low, "maxValue": value.high}


def expected_anatomy(catalog: Catalog, exercise: Exercise) -> list[dict[str, str]]:
    ids = [*exercise.targets.primary, *exercise.targets.secondary]
    return [{"@type": "AnatomicalStructure", "name": catalog.anatomy[i].model.name} for i in ids]


# --- The pure module, on the real corpus -------------------------------------------------


def test_every_real_exercise_becomes_an_exercise_plan(catalog: Catalog) -> None:
    assert catalog.exercises
    for exercise_id, source in catalog.exercises.items():
        exercise = source.model
        plan = plan_of(catalog, exercise)
        assert set(plan) <= EXERCISE_PLAN_PROPERTIES, exercise_id
        assert list(plan)[:2] == ["@context", "@type"]
        assert plan["@context"] == "https://schema.org"
        assert plan["@type"] == "ExercisePlan"
        assert plan["name"] == exercise.name
        assert plan.get("alternateName", []) == exercise.other_names
        assert plan["description"] == exercise.summary
        assert plan["repetitions" if exercise.dose.reps else "activityDuration"]
        assert plan.get("repetitions") == expected_amount(exercise.dose.reps)
        assert plan["contraindication"] == exercise.cautions
        assert plan["associatedAnatomy"] == expected_anatomy(catalog, exercise)
        assert plan["lastReviewed"] == exercise.reviewed.isoformat()
        ref_ids = dict.fromkeys([*exercise.sources, exercise.dose.source])
        assert len(plan["citation"]) == len(ref_ids)
        for ref_id, cited in zip(ref_ids, plan["citation"], strict=True):
            assert cited.endswith(catalog.references[ref_id].model.title), exercise_id
        assert "a day" in plan["activityFrequency"] or "a week" in plan["activityFrequency"]
        assert json.loads(to_script_json(plan)) == plan


def test_real_hold_is_an_iso_8601_duration(catalog: Catalog) -> None:
    pelvic_tilts = catalog.exercises["pelvic-tilts"].model
    assert pelvic_tilts.dose.hold_seconds == 2
    plan = plan_of(catalog, pelvic_tilts)
    assert plan["activityDuration"] == "PT2S"
    assert plan["repetitions"] == 5
    assert plan["exerciseType"] == "Mobility"
    assert plan["activityFrequency"] == "3 times a day"
    assert plan["additionalVariable"].startswith("1 set; Speed: ")


def test_range_dose_becomes_quantitative_values(catalog: Catalog) -> None:
    base = catalog.exercises["pelvic-tilts"].model
    dose = {
        "reps": {"low": 8, "high": 12},
        "hold_seconds": {"low": 20, "high": 30},
        "sets": {"low": 2, "high": 3},
        "per_day": 2,
        "days_per_week": {"low": 3, "high": 5},
        "source": base.dose.source,
    }
    exercise = Exercise.model_validate({**base.model_dump(), "dose": dose})
    plan = plan_of(catalog, exercise)
    assert plan["repetitions"] == {"@type": "QuantitativeValue", "minValue": 8, "maxValue": 12}
    assert plan["activityDuration"] == {
        "@type": "QuantitativeValue",
        "minValue": 20,
        "maxValue": 30,
        "unitCode": "SEC",
    }
    assert plan["activityFrequency"] == "twice a day, 3–5 days a week"
    assert plan["additionalVariable"] == "2–3 sets"


def test_exercise_without_reps_or_hold_leaves_them_out(catalog: Catalog) -> None:
    base = catalog.exercises["pelvic-tilts"].model
    dose = {"hold_seconds": 30, "sets": 1, "days_per_week": 5, "source": base.dose.source}
    exercise = Exercise.model_validate({**base.model_dump(), "dose": dose, "other_names": []})
    plan = plan_of(catalog, exercise)
    assert "repetitions" not in plan and "alternateName" not in plan
    assert plan["activityDuration"] == "PT30S"
    assert plan["activityFrequency"] == "5 days a week"
    assert plan["additionalVariable"] == "1 set"


def test_every_real_guide_becomes_a_medical_web_page(catalog: Catalog) -> None:
    assert catalog.guides
    for slug, source in catalog.guides.items():
        guide = source.model
        page = medical_web_page(guide, references(catalog))
        assert page == {
            "@context": "https://schema.org",
            "@type": "MedicalWebPage",
            "name": guide.title,
            "description": guide.summary,
            "lastReviewed": guide.reviewed.isoformat(),
            "audience": {"@type": "MedicalAudience", "audienceType": "Patient"},
            "about": {"@type": "MedicalCondition", "name": "Sciatica"},
            "citation": page["citation"],
        }, slug
        assert len(page["citation"]) == len(set(guide.sources))
        assert "reviewedBy" not in page


@pytest.mark.parametrize(
    "value",
    ["</script><script>alert(1)</script>", "<!-- x", "Tom & Jerry > Spike", "a\u2028b\u2029c"],
)
def test_script_json_cannot_close_a_script_element(value: str) -> None:
    data = {"name": value, "list": [value], "nested": {"value": value}}
    dumped = to_script_json(data)
    assert not set(dumped) & {"<", ">", "&", "\u2028", "\u2029"}
    assert "\\u003c" in dumped or "\\u2028" in dumped or "\\u0026" in dumped
    assert json.loads(dumped) == data
    assert "\n" not in dumped and ": " not in dumped


def test_script_json_keeps_key_order_and_unicode() -> None:
    dumped = to_script_json({"b": "2–3 sets", "a": "café 😀"})
    assert dumped == '{"b":"2–3 sets","a":"café 😀"}'


@pytest.mark.parametrize(
    "value", ["plain", 'quote " and \\ back', "</script>", "emoji 😀", "nel\x85 del\x7f"]
)
def test_front_matter_value_is_one_yaml_string_holding_the_script_json(value: str) -> None:
    data = {"name": value}
    line = front_matter_value(data)
    assert "\n" not in line and line.startswith('"')
    assert yaml.safe_load(f"structured_data: {line}") == {"structured_data": to_script_json(data)}


# --- The built pages ---------------------------------------------------------------------


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
    # test_script_json_cannot_close_a_script_element covers "</script>" itself.
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
