"""Text alternatives for exercise figures, written from the same pose data."""

from __future__ import annotations

import cmath
import itertools
import math
from dataclasses import dataclass
from typing import Protocol

from sitegen.content.models import Figure, Pose, Position, PropKind, View
from sitegen.figures.pose import Skeleton, place

#: Smallest change (degrees, or units for the hips) worth putting into words.
MIN_ANGLE = 12.0
MIN_SHIFT = 5.0
MAX_PHRASES = 3

POSITION_PHRASES = {
    Position.SEATED: "Sitting",
    Position.SUPINE: "Lying on the back",
    Position.PRONE: "Lying face down",
    Position.SIDE_LYING: "Lying on one side",
    Position.QUADRUPED: "On hands and knees",
    Position.KNEELING: "Kneeling",
    Position.STANDING: "Standing",
}
PROP_PHRASES = {
    PropKind.MAT: "on a mat",
    PropKind.CHAIR: "with a chair",
    PropKind.STEP: "with a step",
    PropKind.WALL: "by a wall",
    PropKind.STRAP: "with a strap around the foot",
    PropKind.PILLOW: "with a pillow",
}


@dataclass(frozen=True)
class Words:
    """Phrases for a limb joint moving each way, for one side ({side}) or both."""

    more: str
    less: str
    more_both: str
    less_both: str
    #: How much a degree of this joint matters to a reader, to pick what to mention.
    weight: float = 1.0


def _limb(joint: str, joints: str, more: str, less: str, weight: float = 1.0) -> Words:
    return Words(
        f"the {{side}} {joint} {more}s",
        f"the {{side}} {joint} {less}s",
        f"both {joints} {more}",
        f"both {joints} {less}",
        weight,
    )


_LIMB_WORDS = {
    "knee": _limb("knee", "knees", "bend", "straighten"),
    "hip": _limb("hip", "hips", "bend", "straighten"),
    "ankle": Words(
        "the {side} toes pull up",
        "the {side} toes point away",
        "the toes of both feet pull up",
        "the toes of both feet point away",
    ),
    # Arms usually serve the movement (holding a knee, reaching for balance): ranked lower.
    "shoulder": _limb("arm", "arms", "lift", "lower", 0.5),
    "elbow": _limb("elbow", "elbows", "bend", "straighten", 0.3),
    "wrist": _limb("wrist", "wrists", "bend", "straighten", 0.3),
}
#: Hip and knee of one side moving the same way read as the whole leg moving.
_LEG_WORDS = _limb("leg", "legs", "bend", "straighten")
#: Below this change the pelvis "rocks"; above it the whole body "tips".
TIP_ANGLE = 30.0
#: Spine and whole-body movements: (when the angle grows, when it shrinks), by view.
_BODY_WORDS = {
    View.SIDE: {
        "lumbar": ("the back rounds", "the back arches"),
        "trunk_rotation": ("the upper body turns to the left", "the upper body turns to the right"),
    },
    View.FRONT: {
        "lumbar": ("the body bends to the left", "the body bends to the right"),
        "trunk_rotation": ("the upper body turns to the left", "the upper body turns to the right"),
        "neck": ("the head tilts to the left", "the head tilts to the right"),
    },
}
for _view in (View.ABOVE, View.TOP, View.PELVIS, View.CLOCK):
    _BODY_WORDS[_view] = _BODY_WORDS[View.SIDE]
_PELVIS_WORDS = {
    View.SIDE: (
        ("the pelvis rocks forward", "the pelvis rocks back"),
        ("the body tips forward", "the body tips back"),
    ),
    View.FRONT: (
        ("the pelvis tilts to the left", "the pelvis tilts to the right"),
        ("the body leans to the left", "the body leans to the right"),
    ),
}


for _view in (View.ABOVE, View.TOP, View.PELVIS, View.CLOCK):
    _PELVIS_WORDS[_view] = _PELVIS_WORDS[View.SIDE]


#: What the setting adds for a view other than the whole body from the side.
VIEW_PHRASES = {
    View.ABOVE: ", seen from above",
    View.TOP: ", seen from above",
    View.PELVIS: ", close up on the pelvis and lower back",
    View.CLOCK: ", the pelvis seen from above as a clock face",
}


class Drawn(Protocol):
    """What a figure is drawn and described from: an exercise or a guide's picture."""

    @property
    def name(self) -> str: ...
    @property
    def position(self) -> Position: ...
    @property
    def figure(self) -> Figure: ...


def describe(exercise: Drawn, skeletons: list[Skeleton] | None = None) -> tuple[str, str]:
    """(title, description) of an exercise's figure, for its SVG title and desc.

    `skeletons`: its still poses already placed, in order (the figure has them; placing is
    the dearest step here). Two positions read as one sentence; more are numbered as in the
    picture, in the order the movement goes through them.
    """
    figure = exercise.figure
    setting = " ".join([POSITION_PHRASES[exercise.position], *_prop_phrases(figure, exercise.position)])
    stills = figure.stills()
    placed = list(zip(stills, skeletons or [place(pose, figure.view) for pose in stills], strict=True))
    setting += VIEW_PHRASES.get(figure.view, "")
    route = figure.route()
    if len(route) < 2:
        return f"{exercise.name}: the position", f"{setting}."
    if len(route) == 2:
        return (
            f"{exercise.name}: the movement",
            f"{setting}. {_sentence(_changes(placed[0], placed[1], figure))}",
        )
    steps, seen = [], {route[0]}
    for a, b in itertools.pairwise(route):
        if b in seen:
            steps.append(f"Back to {b + 1}.")
            continue
        seen.add(b)
        move = _sentence(_changes(placed[a], placed[b], figure))
        steps.append(f"{a + 1} to {b + 1}: {move[0].lower()}{move[1:]}")
    return f"{exercise.name}: the movement", " ".join([f"{setting}.", *steps, "Then back to 1."])


def legend(exercise: Drawn, shows_nerve: bool, shows_target: bool) -> str:
    """What each mark in the figure means, for the caption (and greyscale print)."""
    count = len(exercise.figure.stills())
    if count == 1:
        parts = []
    elif count == 2:
        parts = ["1: where you start. 2: where you move to."]
    else:
        parts = ["The numbers give the order of the positions."]
    if shows_nerve:
        parts.append("Dashed line: the sciatic nerve.")
    if shows_target:
        parts.append("Dotted circle: the area it works on.")
    return " ".join(parts)


def _prop_phrases(figure: Figure, position: Position) -> list[str]:
    kinds = list(dict.fromkeys(p.kind for p in figure.props))
    phrases = [PROP_PHRASES[k] for k in kinds]
    if sum(p.count for p in figure.props if p.kind is PropKind.PILLOW) > 1:
        phrases[kinds.index(PropKind.PILLOW)] = "with pillows"
    if position is Position.SEATED and PropKind.CHAIR in kinds:
        phrases[kinds.index(PropKind.CHAIR)] = "on a chair"
    on = [p for p in phrases if not p.startswith("with ")]
    kit = [p.removeprefix("with ") for p in phrases if p.startswith("with ")]
    if kit:
        on.append("with " + (kit[0] if len(kit) == 1 else ", ".join(kit[:-1]) + " and " + kit[-1]))
    return on


def _changes(
    start: tuple[Pose, Skeleton], end: tuple[Pose, Skeleton], figure: Figure
) -> list[tuple[float, str]]:
    """(importance, phrase) for each movement big enough to mention, most important first."""
    if figure.view is View.CLOCK:
        return [(1.0, f"the pelvis tips toward {clock_hour(end[0])} o'clock")]
    (before, before_placed), (after, after_placed) = start, end
    a, b = before.angles, after.angles
    pelvis = b.pelvis - a.pelvis
    deltas = {
        (joint, side): getattr(b, f"{side}_{joint}") - getattr(a, f"{side}_{joint}")
        for joint in _LIMB_WORDS
        for side in ("left", "right")
    }
    # A joint whose outer segment keeps its direction (a foot planted, a hand on a knee, a
    # thigh still while the pelvis rocks) changes its angle but shows no movement: skip it.
    turns = _segment_turns(before_placed, after_placed)
    for joint, side in list(deltas):
        segment = _SEGMENTS.get(joint)
        if segment is not None and abs(turns[f"{side}_{segment}"]) < MIN_ANGLE:
            deltas[joint, side] = 0.0
    trunk_turn = pelvis + b.lumbar - a.lumbar
    found = _limb_changes(deltas)
    rise = after.hips[1] - before.hips[1]
    if abs(rise) >= MIN_SHIFT:
        found.append((abs(rise) * 3, "the bottom lifts" if rise > 0 else "the bottom lowers"))
    # The body "tips" only when the trunk turns with the pelvis; otherwise the pelvis rocks,
    # which goes without saying when the hips visibly lift or lower.
    tips = abs(trunk_turn) >= TIP_ANGLE
    if abs(pelvis) >= MIN_ANGLE and (tips or abs(rise) < MIN_SHIFT):
        rock, tip = _PELVIS_WORDS[figure.view]
        more, less = tip if tips else rock
        found.append((abs(pelvis), more if pelvis > 0 else less))
    found += _body_changes(before, after, figure)
    return sorted(found, key=lambda item: -item[0])


#: The segment each joint moves, to see whether the movement shows.
_SEGMENTS = {"hip": "thigh", "knee": "shank", "ankle": "foot", "shoulder": "upper_arm", "elbow": "forearm"}


def clock_hour(pose: Pose) -> int:
    """The hour (12, 3, 6 or 9) of the point that sinks toward the mat in a clock view."""
    tilt, roll = pose.angles.pelvis + 90, pose.angles.pelvis_side
    if abs(roll) > abs(tilt):
        return 3 if roll > 0 else 9
    return 6 if tilt > 0 else 12


def _segment_turns(before: Skeleton, after: Skeleton) -> dict[str, float]:
    """How far (degrees) each limb segment turns on the page between two poses."""
    start, end = before.directions, after.directions
    return {name: math.degrees(cmath.phase(end[name] / start[name])) for name in start}


def _limb_changes(deltas: dict[tuple[str, str], float]) -> list[tuple[float, str]]:
    moves: dict[str, dict[str, float]] = {}
    for (joint, side), delta in deltas.items():
        if abs(delta) >= MIN_ANGLE:
            moves.setdefault(joint, {})[side] = delta
    for side in ("left", "right"):
        hip, knee = moves.get("hip", {}).get(side), moves.get("knee", {}).get(side)
        if hip is not None and knee is not None and (hip > 0) == (knee > 0):
            moves.setdefault("leg", {})[side] = hip if abs(hip) > abs(knee) else knee
            del moves["hip"][side], moves["knee"][side]
    words = {**_LIMB_WORDS, "leg": _LEG_WORDS}
    found: list[tuple[float, str]] = []
    for joint, sides in moves.items():
        found += _phrase_sides(words[joint], sides)
    return found


def _phrase_sides(words: Words, sides: dict[str, float]) -> list[tuple[float, str]]:
    if len(sides) == 2 and (sides["left"] > 0) == (sides["right"] > 0):
        size = max(abs(d) for d in sides.values()) * words.weight
        return [(size, words.more_both if sides["left"] > 0 else words.less_both)]
    return [
        (abs(d) * words.weight, (words.more if d > 0 else words.less).format(side=side))
        for side, d in sides.items()
    ]


def _body_changes(before: Pose, after: Pose, figure: Figure) -> list[tuple[float, str]]:
    found: list[tuple[float, str]] = []
    for joint, (more, less) in _BODY_WORDS[figure.view].items():
        delta = getattr(after.angles, joint) - getattr(before.angles, joint)
        if abs(delta) >= MIN_ANGLE:
            found.append((abs(delta), more if delta > 0 else less))
    a, b = before.angles, after.angles
    neck = b.neck - a.neck
    # A head that keeps its direction while the spine moves under it has not moved.
    head = neck + b.lumbar - a.lumbar + b.pelvis - a.pelvis
    if figure.view is View.SIDE and abs(neck) >= MIN_ANGLE and abs(head) >= MIN_ANGLE:
        found.append((abs(neck), _neck_phrase(neck, b.neck)))
    return found


def _neck_phrase(change: float, end: float) -> str:
    """Name where the head ends up, so 'tips back' never describes coming up from a bow."""
    if change > 0:
        return "the chin tips down" if end > 10 else "the head comes back to level"
    return "the head tips back" if end < -10 else "the head lifts"


def _sentence(changes: list[tuple[float, str]]) -> str:
    phrases = [phrase for _, phrase in changes[:MAX_PHRASES]]
    if not phrases:
        return "The body stays still."
    if len(phrases) == 1:
        text = phrases[0]
    elif len(phrases) == 2:
        text = f"{phrases[0]} while {phrases[1]}"
    else:
        text = f"{phrases[0]}, {phrases[1]} and {phrases[2]}"
    return text[0].upper() + text[1:] + "."
