"""Tests for sitegen.render.structured: schema.org JSON-LD from the data (in the built pages: tests/site)."""

from __future__ import annotations

import json

import pytest
import yaml

from sitegen.content.load import Catalog, load_corpus
from sitegen.content.models import Exercise
from sitegen.render.structured import front_matter_value, medical_web_page, to_script_json

from ..conftest import ROOT, expected_amount, expected_anatomy, plan_of, references

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
        "rep_seconds": 6,
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
    dose = {"hold_seconds": 30, "sets": 1, "days_per_week": 5, "rep_seconds": 6, "source": base.dose.source}
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
