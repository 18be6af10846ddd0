"""Schema.org structured data (JSON-LD) for exercise and guide pages, built from the same data."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from typing import Any

from sitegen.content.models import Exercise, Guide, Range, Reference
from sitegen.render import text

CONTEXT = "https://schema.org"
#: What every guide is about.
CONDITION = {"@type": "MedicalCondition", "name": "Sciatica"}
#: Who the pages are written for: people with sciatica, not clinicians.
AUDIENCE = {"@type": "MedicalAudience", "audienceType": "Patient"}

#: Characters that could end a <script> element or open markup (<, >, &), plus the two
#: line separators old JavaScript parsers reject inside strings; JSON reads them escaped.
_SCRIPT_UNSAFE = re.compile("[<>&\u2028\u2029]")
#: Characters a YAML stream may not hold raw (DEL and the C1 controls, NEL included,
#: which PyYAML reads as a line break); JSON leaves them raw, so they are escaped too.
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029]")


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group(0)):04x}"


def _range(value: Range, unit_code: str | None = None) -> dict[str, Any]:
    """A range as a QuantitativeValue, with its unit if it has one."""
    quantity: dict[str, Any] = {"@type": "QuantitativeValue", "minValue": value.low, "maxValue": value.high}
    if unit_code is not None:
        quantity["unitCode"] = unit_code
    return quantity


def _count(value: int | Range) -> int | dict[str, Any]:
    """A count as a number, or a range as a QuantitativeValue."""
    return value if isinstance(value, int) else _range(value)


def _duration(seconds: int | Range) -> str | dict[str, Any]:
    """Seconds as an ISO 8601 duration ("PT20S"), or a range as a QuantitativeValue in seconds."""
    # "SEC" is the UN/CEFACT common code for the second, which unitCode expects.
    return f"PT{seconds}S" if isinstance(seconds, int) else _range(seconds, "SEC")


def _frequency(exercise: Exercise) -> str:
    """How often, in the page's own words: 'twice a day, 3–5 days a week'."""
    phrases = text.dose_phrases(exercise.dose)
    return ", ".join(phrases[key] for key in ("per_day", "days_per_week") if key in phrases)


def _citations(ids: Iterable[str], references: Mapping[str, Reference]) -> list[str]:
    """Each source once, as the pages name it: 'Author et al. (year): Title'."""
    cited = []
    for ref_id in dict.fromkeys(ids):
        ref = references[ref_id]
        cited.append(f"{ref.short_citation}: {ref.title}")
    return cited


def exercise_plan(
    exercise: Exercise, anatomy_names: Mapping[str, str], references: Mapping[str, Reference]
) -> dict[str, Any]:
    """An exercise as a schema.org ExercisePlan (anatomy names and references by id)."""
    dose = exercise.dose
    plan: dict[str, Any] = {"@context": CONTEXT, "@type": "ExercisePlan", "name": exercise.name}
    if exercise.other_names:
        plan["alternateName"] = list(exercise.other_names)
    plan["description"] = exercise.summary
    plan["exerciseType"] = text.CATEGORY_LABELS[exercise.category]
    plan["activityFrequency"] = _frequency(exercise)
    if dose.reps is not None:
        plan["repetitions"] = _count(dose.reps)
    if dose.hold_seconds is not None:
        plan["activityDuration"] = _duration(dose.hold_seconds)
    # Sets and speed have no property of their own; additionalVariable is schema.org's
    # place for "the number of repetitions of movement ... progressions" and the like.
    # (workload would be wrong: it is energy expenditure, not a count of sets.)
    extra = [text.dose_phrases(dose)["sets"]]
    if dose.tempo:
        extra.append(f"Speed: {dose.tempo}")
    plan["additionalVariable"] = "; ".join(extra)
    # A stretch: contraindication is defined on MedicalTherapy and MedicalDevice, not on
    # ExercisePlan. It is included because the issue asks for it, and it is the nearest
    # schema.org term for "ask a clinician first if" (the cautions).
    plan["contraindication"] = list(exercise.cautions)
    # No "url": absolute page addresses depend on site_url, which only MkDocs knows.
    plan["associatedAnatomy"] = [
        {"@type": "AnatomicalStructure", "name": anatomy_names[anatomy_id]}
        for anatomy_id in [*exercise.targets.primary, *exercise.targets.secondary]
    ]
    # A stretch: lastReviewed is defined on WebPage, not on ExercisePlan. It is included
    # because the issue asks for it; the page's review date is the plan's review date.
    plan["lastReviewed"] = exercise.reviewed.isoformat()
    plan["citation"] = _citations([*exercise.sources, dose.source], references)
    return plan


def medical_web_page(guide: Guide, references: Mapping[str, Reference]) -> dict[str, Any]:
    """A guide as a schema.org MedicalWebPage about sciatica, for patients."""
    return {
        "@context": CONTEXT,
        "@type": "MedicalWebPage",
        "name": guide.title,
        "description": guide.summary,
        "lastReviewed": guide.reviewed.isoformat(),
        "audience": dict(AUDIENCE),
        "about": dict(CONDITION),
        "citation": _citations(guide.sources, references),
    }


def to_script_json(data: Mapping[str, Any]) -> str:
    """Compact JSON that can sit inside a <script> element: no raw '<', '>' or '&'."""
    dumped = json.dumps(data, sort_keys=False, ensure_ascii=False, separators=(",", ":"))
    return _SCRIPT_UNSAFE.sub(_escape, dumped)


def front_matter_value(data: Mapping[str, Any]) -> str:
    """The script JSON as one YAML double-quoted string (JSON string syntax is valid YAML)."""
    # ensure_ascii=False: PyYAML would read an escaped astral character as two lone surrogates.
    return _YAML_UNSAFE.sub(_escape, json.dumps(to_script_json(data), ensure_ascii=False))
