"""Checks on figure pose data: joints in their normal range, the body resting on something."""

from __future__ import annotations

from collections.abc import Iterator

from sitegen.content.models import Figure, Pose, PropKind, View, same_pose
from sitegen.figures import body, props
from sitegen.figures.pose import place

Loc = tuple[str | int, ...]
#: How far (units of 1 % of height) a body may sink into a surface or hover above one.
SINK_TOLERANCE = 0.5
HOVER_TOLERANCE = 1.5
#: Views from above draw one kind of prop under the body, and say so.
ABOVE_PROPS = {
    View.ABOVE: (PropKind.PILLOW, "seen from above, only pillows are drawn (the bed is)"),
    View.TOP: (PropKind.CHAIR, "seen from straight above, only a chair is drawn (its seat)"),
}
RANGES = {
    View.SIDE: body.SIDE_RANGES,
    View.FRONT: body.FRONT_RANGES,
    View.ABOVE: body.SIDE_RANGES,
    View.TOP: body.SIDE_RANGES,
    View.PELVIS: body.SIDE_RANGES,
    View.CLOCK: body.SIDE_RANGES,
}


def figure_problems(figure: Figure, still: bool = False, holds: bool = False) -> Iterator[tuple[Loc, str]]:
    """Every problem in a figure, as (location inside the figure, message).

    `still`: one pose is enough (a guide's picture); an exercise's figure must show a movement.
    `holds`: the exercise's dose holds, so a pose must say where the body stays.
    """
    for i, pose in enumerate(figure.poses):
        yield from ((("poses", i, *loc), message) for loc, message in _joint_problems(pose, figure.view))
        # Seen from above, what the body rests on is under it, not below it on the page.
        if figure.view not in (View.ABOVE, View.TOP, View.CLOCK):
            yield from ((("poses", i, *loc), message) for loc, message in _contact_problems(pose, figure))
    for i, pose in enumerate(figure.poses):
        if pose.angles.pelvis_side and figure.view is not View.CLOCK:
            message = "only the clock view (view: clock) shows a roll onto one hip; set it to 0"
            yield ("poses", i, "angles", "pelvis_side"), message
    drawn = ABOVE_PROPS.get(figure.view)
    for i, prop in enumerate(figure.props):
        if drawn is not None and prop.kind is not drawn[0]:
            yield ("props", i, "kind"), f"{drawn[1]}; not a {prop.kind}"
    yield from _sequence_problems(figure, still, holds)


def _sequence_problems(figure: Figure, still: bool, holds: bool) -> Iterator[tuple[Loc, str]]:
    """The key poses make a movement, and hold where the dose does."""
    poses = figure.poses
    if still:
        for i, pose in enumerate(poses):
            if pose.hold:
                yield ("poses", i, "hold"), "a guide's picture does not move, so nothing holds; remove it"
        return
    if len(poses) < 2:
        yield ("poses",), "an exercise's figure needs two or more poses; show the movement"
    for i in range(1, len(poses)):
        if same_pose(poses[i], poses[i - 1]):
            yield ("poses", i), f"pose {i + 1} is the same as pose {i}; show the movement"
    if len(poses) > 2 and same_pose(poses[-1], poses[0]):
        yield (
            ("poses", len(poses) - 1),
            "the last pose is the same as the first; leave it out, the movement comes back by itself",
        )
    held = [i for i, pose in enumerate(poses) if pose.hold]
    if holds and not held:
        yield ("poses",), "the dose holds (hold_seconds), so a pose needs hold: true"
    if not holds and held:
        yield ("poses", held[0], "hold"), "the dose has no hold_seconds, so no pose can hold"


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
    # A close-up rests on what the whole body rests on.
    extents = place(pose, View.SIDE if figure.view is View.PELVIS else figure.view).extents()
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
