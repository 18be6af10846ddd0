"""The data the My routine page builds routines from: each exercise's steps, safe dose range and stop rules.

The page embeds it as JSON (a fetch of a local file fails under file://), so this module
is pure: checked models in, plain data out. The page's script reads it as data only.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from sitegen.content.models import Dose, Exercise, Range, Reference
from sitegen.render.structured import to_script_json

#: The page's path under docs_dir (the routine builder).
PAGE = "my-routine.md"
#: Most exercises in one routine: eight still print on two A4 or Letter sheets (a test prints them).
MAX_ITEMS = 8
#: The lowest number a reader may set: every exercise page says "do fewer and build up".
LOWEST = 1
#: Longest title, names and note the printed sheet takes (free text, kept in the browser only).
TEXT_LIMITS = {"title": 80, "for": 60, "from": 60, "note": 200}


@dataclass(frozen=True)
class DoseField:
    """One number of a dose the reader may change: its field, share-link letter, label and wording."""

    key: str
    code: str
    label: str
    one: str
    many: str
    #: Whole-word forms that replace the pattern for some counts ("twice a day").
    words: dict[int, str] = field(default_factory=dict)


#: In reading order, as text.dose_phrases words them (a test holds the two together).
DOSE_FIELDS: tuple[DoseField, ...] = (
    DoseField("reps", "r", "Repetitions", "{n} repetition", "{n} repetitions"),
    DoseField("hold_seconds", "h", "Seconds to hold", "hold {n} second", "hold {n} seconds"),
    DoseField("sets", "s", "Sets", "{n} set", "{n} sets"),
    DoseField(
        "per_day",
        "d",
        "Times a day",
        "{n} times a day",
        "{n} times a day",
        {1: "once a day", 2: "twice a day"},
    ),
    DoseField("days_per_week", "w", "Days a week", "{n} day a week", "{n} days a week"),
)


def safe_range(amount: int | Range) -> tuple[int, int]:
    """The sourced dose as (low, high): the default is low, the most a reader may set is high."""
    return (amount, amount) if isinstance(amount, int) else (amount.low, amount.high)


def phrase(dose_field: DoseField, low: int, high: int | None = None) -> str:
    """A number or span in words: (reps, 10) -> '10 repetitions'; (per_day, 2) -> 'twice a day'."""
    if high is None or high == low:
        if low in dose_field.words:
            return dose_field.words[low]
        return (dose_field.one if low == 1 else dose_field.many).replace("{n}", str(low))
    return dose_field.many.replace("{n}", f"{low}–{high}")


def dose_ranges(dose: Dose) -> list[list[Any]]:
    """The dose's numbers as [field key, low, high], in reading order, for the fields it has."""
    ranges: list[list[Any]] = []
    for dose_field in DOSE_FIELDS:
        amount = getattr(dose, dose_field.key)
        if amount is not None:
            ranges.append([dose_field.key, *safe_range(amount)])
    return ranges


def exercise_entry(exercise: Exercise, references: Mapping[str, Reference]) -> dict[str, Any]:
    """What the page needs of one exercise (its page link and figure are in the page's HTML)."""
    return {
        "name": exercise.name,
        "setup": list(exercise.setup),
        "steps": list(exercise.steps),
        "dose": dose_ranges(exercise.dose),
        "tempo": exercise.dose.tempo or "",
        "source": references[exercise.dose.source].short_citation,
        "source_id": exercise.dose.source,
        "ease_off": list(exercise.stop_rules.ease_off),
        "stop": list(exercise.stop_rules.stop),
        "reviewed": exercise.reviewed.isoformat(),
        "next_review": exercise.next_review.isoformat(),
    }


def routine_catalog(exercises: Mapping[str, Exercise], references: Mapping[str, Reference]) -> dict[str, Any]:
    """Every exercise by id, the dose fields' wording and the size limit, as plain data."""
    return {
        "max": MAX_ITEMS,
        "lowest": LOWEST,
        "text": dict(TEXT_LIMITS),
        "fields": [
            {
                "key": f.key,
                "code": f.code,
                "label": f.label,
                "one": f.one,
                "many": f.many,
                "words": {str(n): word for n, word in f.words.items()},
            }
            for f in DOSE_FIELDS
        ],
        "exercises": {key: exercise_entry(exercises[key], references) for key in sorted(exercises)},
    }


#: Template openers and how to write them in a JSON string. A structural "{" is followed by
#: '"' or "}", so these only ever occur inside strings, where the second may be escaped.
_OPENERS = {"{{": "{\\u007b", "{#": "{\\u0023"}


def catalog_script(data: Mapping[str, Any]) -> Markup:
    """The catalog as JSON for a <script type="application/json">: no raw <, > or &, and no
    "{{", "{#" or "%" (so no "{%" or "%}" either), which read as template syntax.

    Plain str.replace on the whole text (a megabyte at 1,000 exercises): "%" only ever
    occurs inside strings, as do the openers. "}}" does occur (nested objects close), so
    render inserts this after its guard against leftover template syntax.
    """
    text = to_script_json(data).replace("%", "\\u0025")
    for opener, escaped in _OPENERS.items():
        text = text.replace(opener, escaped)
    return Markup(text)
