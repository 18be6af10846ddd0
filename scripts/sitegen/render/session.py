"""The data the Follow along page runs sessions from: each exercise's pace, sides and dose,
the ready-made routines, and the session's timings (content/session.yaml).

Pure, like routine_catalog: checked models in, plain data out, embedded in the page as JSON.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sitegen.content.models import Exercise, Reference, Routine, Session, Sides
from sitegen.render.routine_catalog import DOSE_FIELDS, exercise_entry, safe_range

#: The page's path under docs_dir.
PAGE = "follow-along.md"


def session_entry(
    exercise: Exercise, session: Session, references: Mapping[str, Reference]
) -> dict[str, Any]:
    """What a session needs of one exercise, besides what My routine needs of it."""
    return exercise_entry(exercise, references) | {
        "position": exercise.position.value,
        "rep_seconds": exercise.dose.rep_seconds,
        "rest_seconds": exercise.dose.rest_seconds or session.rest_seconds,
        "sides": exercise.sides.value,
        "switch_cue": exercise.switch_cue if exercise.sides is not Sides.ONE else "",
        "bad_day": exercise.bad_day,
    }


def routine_entry(routine: Routine) -> dict[str, Any]:
    """A ready-made routine as its title and items, each dose at the low end of its range."""
    items = []
    for item in routine.items:
        dose = {}
        if item.dose is not None:
            for key, amount in item.dose:
                if amount is not None:
                    dose[key] = safe_range(amount)[0]
        items.append({"id": item.exercise, "dose": dose})
    return {"title": routine.title, "items": items}


def session_catalog(
    exercises: Mapping[str, Exercise],
    routines: Mapping[str, Routine],
    references: Mapping[str, Reference],
    session: Session,
) -> dict[str, Any]:
    """Every exercise and routine by id, and the timings, as plain data."""
    return {
        "codes": {f.code: f.key for f in DOSE_FIELDS},
        "ready": session.get_ready_seconds,
        "change": session.change_position_seconds,
        "exercises": {key: session_entry(exercises[key], session, references) for key in sorted(exercises)},
        "routines": {key: routine_entry(routines[key]) for key in sorted(routines)},
    }
