"""The exercise library's filters: each facet, its options, and which options an exercise has."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sitegen.content.models import Category, Difficulty, Equipment, Exercise, NerveLoad, Position


class Match(StrEnum):
    """How the ticked options of one facet select exercises."""

    #: The exercise has any ticked option ("Sitting" or "Standing").
    ANY = "any"
    #: Everything the exercise needs is ticked ("what you have": a chair and a mat).
    WITHIN = "within"


@dataclass(frozen=True)
class Option:
    """One checkbox: the value carried in the page's data and URL, and its label."""

    value: str
    label: str


@dataclass(frozen=True)
class Facet:
    """One group of checkboxes in the filter form."""

    name: str
    legend: str
    match: Match
    options: tuple[Option, ...]


#: Readers think "lying down", not supine, prone or side-lying.
POSITION_GROUPS: dict[Position, Option] = {
    Position.SEATED: Option("sitting", "Sitting"),
    Position.SUPINE: Option("lying", "Lying down"),
    Position.PRONE: Option("lying", "Lying down"),
    Position.SIDE_LYING: Option("lying", "Lying down"),
    Position.STANDING: Option("standing", "Standing"),
    Position.QUADRUPED: Option("kneeling", "Kneeling or on all fours"),
    Position.KNEELING: Option("kneeling", "Kneeling or on all fours"),
}
CATEGORY_OPTIONS = {
    Category.NERVE_GLIDE: Option("nerve-glide", "Nerve glide"),
    Category.STRETCH: Option("stretch", "Stretch"),
    Category.MOBILITY: Option("mobility", "Mobility"),
    Category.STRENGTH: Option("strength", "Strength"),
    Category.POSTURE: Option("posture", "Posture"),
}
DIFFICULTY_OPTIONS = {
    Difficulty.GENTLE: Option("gentle", "Gentle"),
    Difficulty.MODERATE: Option("moderate", "Moderate"),
    Difficulty.HARDER: Option("harder", "Harder"),
}
NERVE_LOAD_OPTIONS = {
    NerveLoad.SLIDER: Option("slider", "Nerve slider (gentler)"),
    NerveLoad.TENSIONER: Option("tensioner", "Nerve tensioner (stronger)"),
    NerveLoad.NONE: Option("none", "No nerve load"),
}
#: "Nothing" is not an option: an exercise that needs nothing suits every reader.
EQUIPMENT_OPTIONS = {
    Equipment.CHAIR: Option("chair", "Firm chair"),
    Equipment.MAT: Option("mat", "Mat or rug"),
    Equipment.PILLOW: Option("pillow", "Pillow"),
    Equipment.TOWEL: Option("towel", "Towel"),
    Equipment.STRAP: Option("strap", "Strap or belt"),
    Equipment.STEP: Option("step", "Step or low stool"),
    Equipment.WALL: Option("wall", "Wall"),
}

FACETS: tuple[Facet, ...] = (
    Facet("position", "Position", Match.ANY, tuple(dict.fromkeys(POSITION_GROUPS.values()))),
    Facet("category", "Type", Match.ANY, tuple(CATEGORY_OPTIONS.values())),
    Facet("difficulty", "Level", Match.ANY, tuple(DIFFICULTY_OPTIONS.values())),
    Facet("load", "Nerve load", Match.ANY, tuple(NERVE_LOAD_OPTIONS.values())),
    Facet("equipment", "What you have", Match.WITHIN, tuple(EQUIPMENT_OPTIONS.values())),
)


#: How each facet matches, by name.
_RULES = {facet.name: facet.match for facet in FACETS}


def facet_values(exercise: Exercise) -> dict[str, list[str]]:
    """The option values an exercise carries for each facet, in facet order."""
    return {
        "position": [POSITION_GROUPS[exercise.position].value],
        "category": [CATEGORY_OPTIONS[exercise.category].value],
        "difficulty": [DIFFICULTY_OPTIONS[exercise.difficulty].value],
        "load": [NERVE_LOAD_OPTIONS[exercise.nerve_load].value],
        "equipment": [EQUIPMENT_OPTIONS[kit].value for kit in exercise.equipment if kit in EQUIPMENT_OPTIONS],
    }


def matches(values: dict[str, list[str]], ticked: dict[str, set[str]]) -> bool:
    """Whether an exercise passes every facet with ticked options (the script does the same)."""
    rules = _RULES
    for name, chosen in ticked.items():
        if not chosen:
            continue
        have = set(values[name])
        if rules[name] is Match.ANY and not have & chosen:
            return False
        if rules[name] is Match.WITHIN and not have <= chosen:
            return False
    return True


def option_count(
    values: list[dict[str, list[str]]], ticked: dict[str, set[str]], facet: Facet, option: Option
) -> int:
    """The number shown next to a box: what ticking it would mean, given the other groups.

    "Any" groups count the exercises that have the option; "what you have" counts the
    exercises you could do if you had this thing too. The script counts the same way.
    """
    others = {name: chosen for name, chosen in ticked.items() if name != facet.name}
    if facet.match is Match.WITHIN:
        others[facet.name] = ticked.get(facet.name, set()) | {option.value}
        return sum(matches(v, others) for v in values)
    return sum(matches(v, others) and option.value in v[facet.name] for v in values)


def option_counts(
    exercises: list[Exercise], ticked: dict[str, set[str]] | None = None
) -> dict[tuple[str, str], int]:
    """Every box's count (see option_count); with nothing ticked, the counts the page starts with."""
    values = [facet_values(exercise) for exercise in exercises]
    return {
        (facet.name, option.value): option_count(values, ticked or {}, facet, option)
        for facet in FACETS
        for option in facet.options
    }


NERVE_LOAD_TAGS = {NerveLoad.SLIDER: "Nerve slider", NerveLoad.TENSIONER: "Nerve tensioner"}


def tags(exercise: Exercise) -> list[str]:
    """Tags for the tags plugin: the facets a reader can browse by without JavaScript."""
    found = [
        CATEGORY_OPTIONS[exercise.category].label,
        POSITION_GROUPS[exercise.position].label,
        DIFFICULTY_OPTIONS[exercise.difficulty].label,
    ]
    if exercise.nerve_load in NERVE_LOAD_TAGS:
        found.append(NERVE_LOAD_TAGS[exercise.nerve_load])
    return found


#: The tag index page's sections: each facet that has tags, with its tags in order.
TAG_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Position", tuple(dict.fromkeys(option.label for option in POSITION_GROUPS.values()))),
    ("Type", tuple(option.label for option in CATEGORY_OPTIONS.values())),
    ("Level", tuple(option.label for option in DIFFICULTY_OPTIONS.values())),
    ("Nerve load", tuple(NERVE_LOAD_TAGS.values())),
)
