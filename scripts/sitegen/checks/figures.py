"""Checks on figure pose data: joints in their normal range, the body resting on something."""

from __future__ import annotations

from collections.abc import Iterator

from sitegen.content.models import Figure, Pose, PropKind, View
from sitegen.figures import body, props
from sitegen.figures.pose import place

Loc = tuple[str | int, ...]
#: How far (units of 1 % of height) a body may sink into a surface or hover above one.
SINK_TOLERANCE = 0.5
HOVER_TOLERANCE = 1.5
RANGES = {View.SIDE: body.SIDE_RANGES, View.FRONT: body.FRONT_RANGES, View.ABOVE: body.SIDE_RANGES}


def figure_problems(figure: Figure, still: bool = False) -> Iterator[tuple[Loc, str]]:
    """Every problem in a figure, as (location inside the figure, message).

    `still`: one pose is enough (a guide's picture); an exercise's figure must show a movement.
    """
    for name, pose in figure.poses():
        yield from (((name, *loc), message) for loc, message in _joint_problems(pose, figure.view))
        # Seen from above, the bed is under the body, not below it on the page.
        if figure.view is not View.ABOVE:
            yield from (((name, *loc), message) for loc, message in _contact_problems(pose, figure))
    if figure.view is View.ABOVE:
        for i, prop in enumerate(figure.props):
            if prop.kind is not PropKind.PILLOW:
                message = f"seen from above, only pillows are drawn (the bed is); not a {prop.kind}"
                yield ("props", i, "kind"), message
    if figure.end is None and not still:
        yield ("end",), "an exercise's figure needs an end pose; show the movement"
    if figure.end is not None and _same(figure.start, figure.end):
        yield ("end",), "the end pose is the same as the start pose; show the movement"


def _joint_problems(pose: Pose, view: View) -> Iterator[tuple[Loc, str]]:
    for field, value in pose.angles:  # (field name, value) pairs
        joint = field.removeprefix("left_").removeprefix("right_")
        limits = RANGES[view].get(joint)
        if limits is not None and not limits.low <= value <= limits.high:
            words = limits.positive if value > 0 else limits.negative
            yield (
                ("angles", field),
                f"{value:g}° ({words}) is outside the normal range of the {joint.replace('_', ' ')} "
                f"({limits.low:g}° to {limits.high:g}°)",
            )


def _contact_problems(pose: Pose, figure: Figure) -> Iterator[tuple[Loc, str]]:
    """The body must not go through the floor and must rest on the floor or a prop."""
    extents = place(pose, figure.view).extents()
    floor = props.floor_top(figure.props)
    surfaces = props.surfaces(figure.props)
    name, centre, radius = min(extents, key=lambda e: e[1].imag - e[2])
    depth = floor - (centre.imag - radius)
    if depth > SINK_TOLERANCE:
        where = "the mat" if floor else "the floor"
        fix = f"raise the hips to y = {pose.hips[1] + depth:.1f}"
        yield ("hips",), f"the body goes {depth:.1f} below {where} (at the {_label(name)}); {fix}"
        return
    gaps = []
    for _, point, r in extents:
        x, bottom = point.real, point.imag - r
        under = [s.top for s in surfaces if s.x0 <= x <= s.x1 and s.top <= bottom + SINK_TOLERANCE]
        gaps.append(bottom - max(under))
    hover = min(gaps)
    if hover > HOVER_TOLERANCE:
        fix = f"lower the hips to y = {pose.hips[1] - hover:.1f}"
        yield ("hips",), f"the body floats {hover:.1f} above the floor and props; {fix}"


def _label(joint: str) -> str:
    return joint.replace("_", " ")


def _same(a: Pose, b: Pose) -> bool:
    return a.hips == b.hips and a.angles == b.angles
