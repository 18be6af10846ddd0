"""Props drawn with a figure: their shapes and the surfaces a body can rest on."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from sitegen.content.models import Prop, PropKind

#: Sizes in units of 1 % of body height (drawing choices for a typical adult's kit).
MAT_THICKNESS = 1.5
SEAT_HEIGHT = 24.0  # about 42 cm: a dining chair for a 175 cm adult
SEAT_DEPTH = 22.0
CHAIR_BACK = 26.0
STEP_HEIGHT = 11.0  # about 19 cm: one stair
STEP_DEPTH = 22.0
PILLOW_WIDTH = 16.0
PILLOW_HEIGHT = 4.0
WALL_HEIGHT = 110.0
PROP_STROKE = 2.0


@dataclass(frozen=True)
class Surface:
    """A horizontal surface from x0 to x1 at height top (the floor spans everything)."""

    x0: float
    x1: float
    top: float


@dataclass(frozen=True)
class Shape:
    """One drawn part of a prop: a rectangle (x, y = lower left) or a line."""

    kind: str  # "rect" or "line"
    x: float
    y: float
    x2: float
    y2: float


def floor_top(props: list[Prop]) -> float:
    """Height of the surface the body lies or stands on: the mat's top, or the floor."""
    return MAT_THICKNESS if any(p.kind is PropKind.MAT for p in props) else 0.0


def surfaces(props: list[Prop]) -> list[Surface]:
    """Every surface a body can rest on: floor or mat, chair seats, steps, pillows."""
    base = floor_top(props)
    found = [Surface(-1e9, 1e9, base)]
    for prop in props:
        if prop.kind in _SURFACES:
            found.append(_SURFACES[prop.kind](prop, base))
    return found


_SURFACES = {
    PropKind.CHAIR: lambda p, base: Surface(p.x - SEAT_DEPTH, p.x, SEAT_HEIGHT),
    PropKind.STEP: lambda p, base: Surface(p.x - STEP_DEPTH / 2, p.x + STEP_DEPTH / 2, STEP_HEIGHT),
    PropKind.PILLOW: lambda p, base: Surface(
        p.x - PILLOW_WIDTH / 2, p.x + PILLOW_WIDTH / 2, base + PILLOW_HEIGHT * p.count
    ),
}


def shapes(prop: Prop, base: float) -> list[Shape]:
    """The lines and rectangles that draw a positioned prop (not mats or straps)."""
    return _SHAPES.get(prop.kind, lambda p, b: [])(prop, base)


def _chair(prop: Prop, base: float) -> list[Shape]:
    x = prop.x
    back = x - SEAT_DEPTH
    seat = SEAT_HEIGHT - PROP_STROKE / 2
    return [
        Shape("line", back, seat, x, seat),
        Shape("line", back, seat, back, SEAT_HEIGHT + CHAIR_BACK),
        Shape("line", back + 1, seat, back + 1, 0),
        Shape("line", x - 1, seat, x - 1, 0),
    ]


def _step(prop: Prop, base: float) -> list[Shape]:
    x = prop.x
    return [Shape("rect", x - STEP_DEPTH / 2, 0, x + STEP_DEPTH / 2, STEP_HEIGHT)]


def _pillow(prop: Prop, base: float) -> list[Shape]:
    x0, x1 = prop.x - PILLOW_WIDTH / 2, prop.x + PILLOW_WIDTH / 2
    heights = [base + PILLOW_HEIGHT * i for i in range(prop.count + 1)]
    return [Shape("rect", x0, low, x1, high) for low, high in itertools.pairwise(heights)]


def _wall(prop: Prop, base: float) -> list[Shape]:
    return [Shape("line", prop.x, 0, prop.x, WALL_HEIGHT)]


_SHAPES = {PropKind.CHAIR: _chair, PropKind.STEP: _step, PropKind.PILLOW: _pillow, PropKind.WALL: _wall}
