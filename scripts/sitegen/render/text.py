"""Turn data values into safe Markdown text and readable labels."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import quote

from markupsafe import Markup

from sitegen.content.models import (
    Category,
    Difficulty,
    Dose,
    DoseOverride,
    Equipment,
    NerveLoad,
    Position,
    Range,
    ReferenceType,
)

# Characters that open inline Markdown (emphasis, code, links, attribute lists, tables).
_INLINE = re.compile(r"[\\`*_{}\[\]|]")
# Line starts that would turn text into a heading, quote, list or setext underline.
_BLOCK_START = re.compile(r"^(#|>|[-+=]|\d+[.)])")


def md_text(value: Any) -> Markup:
    """Escape a plain-text value so Markdown shows it literally and HTML never runs."""
    if type(value) is Markup:
        return value  # a macro's output, already safe (the commonest case: no copy)
    if type(value) is str:
        return _md_text(value)  # the next commonest: text from the data
    if hasattr(value, "__html__"):
        return Markup(value)
    if isinstance(value, int | float):
        return Markup(str(value))
    return _md_text(str(value))


def _md_text(value: str) -> Markup:
    text = " ".join(value.split())
    text = html.escape(text, quote=False)
    text = _INLINE.sub(lambda m: "\\" + m.group(0), text)
    text = _BLOCK_START.sub(lambda m: _escape_block_start(m.group(0)), text)
    return Markup(text)


#: Python-Markdown has no backslash escape for "=", so a character reference stands in.
_NO_BACKSLASH_ESCAPE = {"=": "&#61;"}


def _escape_block_start(token: str) -> str:
    last = token[-1]
    return token[:-1] + _NO_BACKSLASH_ESCAPE.get(last, "\\" + last)


def attr_text(value: str) -> str:
    """Escape text for an HTML attribute (e.g. the meta description) and a YAML string."""
    return json.dumps(html.escape(" ".join(value.split()), quote=True), ensure_ascii=False)


def one_line(value: Any) -> Markup:
    """Whitespace collapsed and HTML characters escaped, for text Markdown will not parse."""
    return Markup(html.escape(" ".join(str(value).split()), quote=False))


def doi_url(doi: str) -> Markup:
    """The resolver address of a DOI, with brackets percent-encoded for Markdown."""
    return Markup("https://doi.org/" + quote(doi, safe="/:;._-"))


def plain_list(values: Iterable[Any], separator: str = ", ") -> Markup:
    """Join plain-text values, each escaped."""
    return Markup(separator).join(md_text(v) for v in values)


CATEGORY_LABELS = {
    Category.NERVE_GLIDE: "Nerve glide",
    Category.STRETCH: "Stretch",
    Category.MOBILITY: "Mobility",
    Category.STRENGTH: "Strength",
    Category.POSTURE: "Posture",
}
CATEGORY_HEADINGS = {
    Category.NERVE_GLIDE: "Nerve glides",
    Category.STRETCH: "Stretches",
    Category.MOBILITY: "Mobility",
    Category.STRENGTH: "Strength",
    Category.POSTURE: "Posture",
}
POSITION_LABELS = {
    Position.SEATED: "Seated",
    Position.SUPINE: "Lying on your back",
    Position.PRONE: "Lying on your front",
    Position.SIDE_LYING: "Lying on your side",
    Position.QUADRUPED: "On hands and knees",
    Position.KNEELING: "Kneeling",
    Position.STANDING: "Standing",
}
EQUIPMENT_LABELS = {
    Equipment.NONE: "Nothing",
    Equipment.MAT: "Mat or rug",
    Equipment.CHAIR: "Firm chair",
    Equipment.STEP: "Step or low stool",
    Equipment.WALL: "Wall",
    Equipment.STRAP: "Strap, belt or towel",
    Equipment.TOWEL: "Towel",
    Equipment.PILLOW: "Pillow",
}
DIFFICULTY_LABELS = {
    Difficulty.GENTLE: "Gentle",
    Difficulty.MODERATE: "Moderate",
    Difficulty.HARDER: "Harder",
}
NERVE_LOAD_LABELS = {
    NerveLoad.SLIDER: "Slider (gentle: moves the nerve with little stretch)",
    NerveLoad.TENSIONER: "Tensioner (stronger: stretches the nerve from both ends)",
    NerveLoad.NONE: "Does not aim to move the nerve",
}
REFERENCE_TYPE_LABELS = {
    ReferenceType.GUIDELINE: "Guideline",
    ReferenceType.SYSTEMATIC_REVIEW: "Systematic review",
    ReferenceType.TRIAL: "Trial",
    ReferenceType.OBSERVATIONAL_STUDY: "Observational study",
    ReferenceType.MECHANICS_STUDY: "Mechanics or cadaver study",
    ReferenceType.REVIEW: "Narrative review or viewpoint",
    ReferenceType.PATIENT_LEAFLET: "Patient leaflet",
    ReferenceType.TEXTBOOK: "Textbook or reference work",
}


def amount(value: int | Range) -> str:
    """2 -> '2'; Range(2, 3) -> '2–3'."""
    return str(value) if isinstance(value, int) else f"{value.low}–{value.high}"


def _counted(value: int | Range, one: str, many: str) -> str:
    return f"{amount(value)} {one if value == 1 else many}"


_PER_DAY_WORDS = {1: "once a day", 2: "twice a day"}


def _per_day(value: int | Range) -> str:
    if isinstance(value, int) and value in _PER_DAY_WORDS:
        return _PER_DAY_WORDS[value]
    return f"{amount(value)} times a day"


def dose_phrases(dose: Dose | DoseOverride, base: Dose | None = None) -> dict[str, str]:
    """The dose as short phrases by field, in reading order: {'reps': '10 repetitions', ...}."""
    reps = dose.reps if dose.reps is not None else (base.reps if base else None)
    hold = dose.hold_seconds if dose.hold_seconds is not None else (base.hold_seconds if base else None)
    sets = dose.sets if dose.sets is not None else (base.sets if base else None)
    full = base or (dose if isinstance(dose, Dose) else None)
    phrases: dict[str, str] = {}
    if reps is not None:
        phrases["reps"] = _counted(reps, "repetition", "repetitions")
    if hold is not None:
        phrases["hold_seconds"] = f"hold {_counted(hold, 'second', 'seconds')}"
    if sets is not None:
        phrases["sets"] = _counted(sets, "set", "sets")
    if full is not None and full.per_day is not None:
        phrases["per_day"] = _per_day(full.per_day)
    if full is not None and full.days_per_week is not None:
        phrases["days_per_week"] = _counted(full.days_per_week, "day a week", "days a week")
    return phrases


def dose_parts(dose: Dose | DoseOverride, base: Dose | None = None) -> list[str]:
    """The dose as short phrases: '10 repetitions', 'hold 20–30 seconds', '2 sets', ..."""
    return list(dose_phrases(dose, base).values())
