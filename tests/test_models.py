"""Tests for sitegen.content.models: the rules each record enforces on its own."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from pydantic import ValidationError

from sitegen.content.models import Dose, Exercise, GlossaryTerm, Range, Reference, Reviewed
from sitegen.content.yamlsrc import parse

from .conftest import FIXTURE_CORPUS


def exercise_data() -> dict[str, Any]:
    data = parse((FIXTURE_CORPUS / "exercises" / "beta-hold.yaml").read_text("utf-8")).data
    assert isinstance(data, dict)
    return data


def test_fixture_exercise_is_valid() -> None:
    assert Exercise.model_validate(exercise_data()).id == "beta-hold"


def test_unknown_fields_are_forbidden() -> None:
    with pytest.raises(ValidationError, match=r"Extra inputs"):
        Exercise.model_validate({**exercise_data(), "colour": "red"})


@pytest.mark.parametrize("field", ["steps", "cautions", "sources", "feel"])
def test_safety_lists_cannot_be_empty(field: str) -> None:
    with pytest.raises(ValidationError):
        Exercise.model_validate({**exercise_data(), field: []})


@pytest.mark.parametrize("bad_id", ["Knee", "knee_to_chest", "-knee", "knee--chest", "knee chest"])
def test_ids_are_lower_case_words_joined_by_hyphens(bad_id: str) -> None:
    with pytest.raises(ValidationError):
        Exercise.model_validate({**exercise_data(), "id": bad_id})


def test_dose_needs_an_amount_and_a_frequency() -> None:
    with pytest.raises(ValidationError, match="reps, hold_seconds"):
        Dose.model_validate({"sets": 2, "per_day": 1, "source": "x"})
    with pytest.raises(ValidationError, match="per_day or days_per_week"):
        Dose.model_validate({"reps": 2, "sets": 2, "source": "x"})


def test_ranges_must_be_ordered() -> None:
    assert Range(low=2, high=3).high == 3
    with pytest.raises(ValidationError, match="low must be smaller"):
        Range(low=3, high=3)


def test_review_window() -> None:
    today = dt.date(2026, 11, 21)
    assert Reviewed(reviewed=today, next_review=dt.date(2029, 11, 21))
    with pytest.raises(ValidationError, match="after reviewed"):
        Reviewed(reviewed=today, next_review=today)
    with pytest.raises(ValidationError, match="3 years"):
        Reviewed(reviewed=today, next_review=dt.date(2030, 1, 1))


def test_reference_needs_a_doi_or_https_url() -> None:
    base = {
        "id": "r",
        "type": "observational-study",
        "authors": ["A"],
        "title": "T",
        "year": 2020,
        "publisher": "P",
    }
    with pytest.raises(ValidationError, match="doi or a url"):
        Reference.model_validate(base)
    with pytest.raises(ValidationError):
        Reference.model_validate({**base, "url": "http://insecure.example"})
    with pytest.raises(ValidationError):
        Reference.model_validate({**base, "url": 'https://x.example/"><script>'})
    assert Reference.model_validate({**base, "doi": "10.1002/14651858.CD007612.pub2"})


def test_glossary_terms_are_plain_words() -> None:
    assert GlossaryTerm(term="Nerve root", definition="d")
    with pytest.raises(ValidationError):
        GlossaryTerm(term="Root]: x", definition="d")
