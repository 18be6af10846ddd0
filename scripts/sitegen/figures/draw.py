"""Draw an exercise's figure as inline SVG from its pose data."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from functools import cache

from jinja2 import Environment, StrictUndefined
from markupsafe import Markup

from sitegen.content.models import (
    Angles,
    BodySide,
    DiagramPart,
    Exercise,
    Facing,
    Figure,
    KeyPose,
    NerveLoad,
    Picture,
    Pose,
    PropKind,
    View,
)
from sitegen.figures import body, props
from sitegen.figures.canvas import SCALE, Canvas, num, svg_attrs
from sitegen.figures.describe import Drawn, describe, legend
from sitegen.figures.pose import Chain, Point, Skeleton, place, rotate
from sitegen.render.templating import make_environment

GAP = 14.0  # between poses drawn side by side
#: The widest row of poses (units); wider, and a phone shows each pose too small.
ROW_WIDTH = 240.0
ROW_GAP = 12.0  # between a row's floor and the top of the row below
MARGIN = 3.0
HALO = 1.6  # background-coloured edge that separates near limbs from the body behind
EYE_RADIUS = 1.2
SPINE_WIDTH = 1.6  # the curve of the lower back in a close-up
DIAL_RADIUS = 13.0  # the clock face drawn on the pelvis
HOUR_GAP = 5.0  # from the face to the centre of its hour labels
HAND_RADIUS = 3.0  # a little wider than the arm, so the hand reads as one
NERVE_WIDTH = 1.8
TARGET_RADIUS = 6.0
ARROW_WIDTH = 1.6
#: In-between positions drawn for each move of an animated figure; the browser blends
#: neighbouring ones, which at this spacing matches turning the joints themselves.
STEPS = 6
#: Seconds the animation rests in the end position of an exercise that holds it.
HOLD_PREVIEW = 2
ABOVE_PILLOW = 6.0  # half a pillow's depth seen from above (about 20 cm across)
BED_MARGIN = 4.0
#: A close-up is drawn larger than the whole body.
VIEW_ZOOM = {View.PELVIS: 2.0, View.CLOCK: 2.0}
SEAT_WIDTH = 34.0  # a chair's seat seen from above, wider than the hips
SEEN_FROM_ABOVE = (View.ABOVE, View.TOP)
#: What a pillow seen from above can lie under: the head or between the legs, not a hand.
PILLOW_JOINTS = {"head", "hips", "lumbar", "left_knee", "right_knee", "left_ankle", "right_ankle"}
#: Half the size of the number beside each still pose.
NUMBER_SIZE = 4.5


@cache
def svg_environment() -> Environment:
    """Jinja2 for SVG: autoescaped, strict about undefined names."""
    return make_environment(
        undefined=StrictUndefined,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def exercise_figure(exercise: Exercise, targets: list[DiagramPart]) -> Markup:
    """The exercise's figure: its key poses side by side, numbered, with arrows, nerve and
    target; and, hidden until Play (figure-play.js), the same body moving through them."""
    return _figure(
        exercise, f"fig-{exercise.id}", "sg-exercise", targets, _shows_nerve(exercise), animate=True
    )


def picture_figure(picture: Picture) -> Markup:
    """A guide's picture, drawn as an exercise's figure is, from its own pose data."""
    shows_nerve = picture.nerve and picture.figure.view is View.SIDE
    return _figure(picture, f"fig-picture-{picture.id}", "sg-picture", [], shows_nerve, picture.caption)


def _figure(
    item: Drawn,
    fig_id: str,
    css: str,
    targets: list[DiagramPart],
    shows_nerve: bool,
    extra: str | None = None,
    animate: bool = False,
) -> Markup:
    """The figure's still poses; with `animate`, also its movement, ready for Play."""
    figure = item.figure
    stills = figure.stills()
    skeletons = [place(pose, figure.view) for pose in stills]
    canvas = Canvas(mirror=figure.facing is Facing.LEFT)
    slots = _layout(figure, skeletons)
    placed = [skeleton.move(offset) for skeleton, offset in slots]
    with canvas.group("sg-still"):
        for slot in slots:  # each pose has its own props
            _PROP_DRAWERS[figure.view](canvas, figure, [slot])
        target_at = placed[_target_pose(stills)]
        shows_target = _draw_targets(canvas, target_at, targets, figure, nerve_drawn=shows_nerve)
        for skeleton in placed:
            _draw_moving(canvas, skeleton, figure, shows_nerve)
        if len(placed) > 1:
            _arrow_between(canvas, slots)
            _draw_numbers(canvas, placed)
    playable = animate and len(stills) > 1
    if playable:
        _draw_animation(canvas, figure, skeletons[0], shows_nerve)
    if figure.view is View.ABOVE:
        _draw_bed(canvas)
    elif figure.view not in (View.TOP, View.CLOCK):  # from straight above, the floor is the page
        _draw_floors(canvas, figure, slots)
    title, desc = describe(item, skeletons)
    caption = " ".join(part for part in (desc, extra, legend(item, shows_nerve, shows_target)) if part)
    context: dict[str, object] = {
        "id": fig_id,
        "css": css,
        "title": title,
        "desc": desc,
        "caption": caption,
        "shapes": canvas.markup(),
        "playable": playable,
    }
    return render_figure(context | svg_attrs(canvas, MARGIN, SCALE * VIEW_ZOOM.get(figure.view, 1)))


def _target_pose(stills: list[KeyPose]) -> int:
    """Which still shows where it works: the first that holds, or the last."""
    return next((i for i, pose in enumerate(stills) if pose.hold), len(stills) - 1)


def _draw_numbers(canvas: Canvas, placed: list[Skeleton]) -> None:
    """1, 2, ... at the top left of each still pose, in the order the movement first reaches
    them. Beside the body rather than above it: a sheet's figure is as wide as its column,
    so a label above would make it taller."""
    for number, skeleton in enumerate(placed, 1):
        low, high = _body_span(skeleton)
        top = _top(skeleton)
        # Mirrored, the body's high x is on the reader's left.
        x = high + NUMBER_SIZE + 1 if canvas.mirror else low - NUMBER_SIZE - 1
        canvas.text("sg-number", *canvas.xy(complex(x, top - NUMBER_SIZE), NUMBER_SIZE), str(number))


def _draw_animation(canvas: Canvas, figure: Figure, first: Skeleton, shows_nerve: bool) -> None:
    """The moving body for Play, in its own group and frame: its shapes drawn at the first
    pose, every step of the movement as data (see _frames), the frame to show it in."""
    scratch = Canvas(mirror=canvas.mirror)
    everywhere = [(place(pose, figure.view), 0j) for pose in figure.stills()]
    # Seen from above, props lie under one pose; otherwise one set stands under them all.
    _PROP_DRAWERS[figure.view](
        scratch, figure, everywhere[:1] if figure.view in SEEN_FROM_ABOVE else everywhere
    )
    with scratch.group("sg-live"):
        _draw_moving(scratch, first, figure, shows_nerve)
    # The frame must hold every position the body passes through, not just the first.
    steps, reach = _frames(figure, shows_nerve)
    scratch.bounds = _union(scratch.bounds, reach)
    marks = zip(figure.route(), figure.poses, strict=True)
    route = " ".join(f"{still}{'h' if pose.hold else ''}" for still, pose in marks)
    x, y, w, h = scratch.view_box(MARGIN)
    attrs = {
        "data_sg_frames": steps,
        "data_sg_route": route,
        "data_sg_hold": str(HOLD_PREVIEW),
        "data_sg_box": " ".join(num(v) for v in (x, y, w, max(h, -y + MARGIN))),
    }
    with canvas.group("sg-anim", **attrs):
        canvas.parts.extend(scratch.parts)


def render_figure(context: dict[str, object]) -> Markup:
    """A <figure> with its inline SVG and caption, every text value escaped."""
    html = svg_environment().get_template("figure.html.j2").render(context)
    return Markup(html.strip())


def _shows_nerve(exercise: Exercise) -> bool:
    return exercise.nerve_load is not NerveLoad.NONE and exercise.figure.view is View.SIDE


def _layout(figure: Figure, skeletons: list[Skeleton]) -> list[tuple[Skeleton, Point]]:
    """Each pose with its shift, so they stand side by side reading left to right, in rows
    no wider than ROW_WIDTH (three poses on all fours in one row are too small on a phone)."""
    # Facing left, the drawing is mirrored, so later poses go to smaller x to read left to right.
    step = -1 if figure.facing is Facing.LEFT else 1
    rows: list[list[tuple[Skeleton, float]]] = [[]]
    edge: float | None = None
    start = 0.0
    for skeleton in skeletons:
        low, high = _x_extent(skeleton, figure)
        near, far = (low, high) if step == 1 else (high, low)
        dx = 0.0 if edge is None else edge + step * GAP - near
        if edge is not None and abs(far + dx - start) > ROW_WIDTH:
            rows.append([])  # a new row, lined up under the first pose
            dx = start - near
        if not rows[-1]:
            start = near + dx
        rows[-1].append((skeleton, dx))
        edge = far + dx
    placed: list[tuple[Skeleton, Point]] = []
    floor = 0.0
    for i, row in enumerate(rows):
        if i:  # below the row above, clear of its floor and props
            floor -= ROW_GAP + max(_top(skeleton) for skeleton, _ in row)
        placed += [(skeleton, complex(dx, floor)) for skeleton, dx in row]
    return placed


def _top(skeleton: Skeleton) -> float:
    """The highest point the drawn body reaches."""
    return max(p.imag + r for _, p, r in skeleton.extents())


def _body_span(skeleton: Skeleton) -> tuple[float, float]:
    """Leftmost and rightmost x the drawn body reaches."""
    extents = skeleton.extents()
    return min(p.real - r for _, p, r in extents), max(p.real + r for _, p, r in extents)


def _x_extent(skeleton: Skeleton, figure: Figure) -> tuple[float, float]:
    """The body's span widened to its props (a chair behind it, a step in front)."""
    low, high = _body_span(skeleton)
    if figure.view is View.TOP:
        return min(low, -SEAT_WIDTH / 2), max(high, SEAT_WIDTH / 2)
    if figure.view is View.PELVIS:  # the props it shows are cut to the body's span
        return low, high
    if figure.view is View.CLOCK:  # the face and its hours
        reach = DIAL_RADIUS + HOUR_GAP + 3
        return min(low, -reach), max(high, reach)
    xs = [low, high] + [
        x for prop in figure.props for shape in props.shapes(prop, 0) for x in (shape.x, shape.x2)
    ]
    return min(xs), max(xs)


def _draw_props(canvas: Canvas, figure: Figure, placed: list[tuple[Skeleton, Point]]) -> None:
    """One set of props under the given poses (one mat under them all), at the first's shift."""
    base = props.floor_top(figure.props)
    dx, dy = placed[0][1].real, placed[0][1].imag
    if any(p.kind is PropKind.MAT for p in figure.props):
        x0, x1 = _mat_span([skeleton.move(shift) for skeleton, shift in placed], figure)
        canvas.add("rect", "sg-mat", **_rect(canvas, x0, dy, x1, base + dy))
    for prop in figure.props:
        if figure.view is View.PELVIS and prop.kind is PropKind.PILLOW:
            continue  # under the head, out of the close-up
        for shape in props.shapes(prop, base):
            if shape.kind == "rect":
                corners = (shape.x + dx, shape.y + dy, shape.x2 + dx, shape.y2 + dy)
                canvas.add("rect", "sg-prop", **_rect(canvas, *corners))
            else:
                ends = [complex(shape.x, shape.y), complex(shape.x2, shape.y2)]
                canvas.path("sg-prop", [end + placed[0][1] for end in ends], props.PROP_STROKE)


def _draw_pillows_below(canvas: Canvas, figure: Figure, placed: list[tuple[Skeleton, Point]]) -> None:
    """Seen from above, each pillow lies under the body part nearest its x (head, knees)."""
    for skeleton, offset in placed:
        moved = skeleton.move(offset)
        for prop in figure.props:
            x = prop.x + offset.real
            under = [point for name, point in moved.joints.items() if name in PILLOW_JOINTS]
            y = min(under, key=lambda point: abs(point.real - x)).imag
            half = props.PILLOW_WIDTH / 2
            corners = (x - half, y - ABOVE_PILLOW, x + half, y + ABOVE_PILLOW)
            canvas.add("rect", "sg-prop", **_rect(canvas, *corners))


def _draw_seat_below(canvas: Canvas, figure: Figure, placed: list[tuple[Skeleton, Point]]) -> None:
    """Seen from straight above, a chair is its seat under the thighs and its back behind."""
    if not any(prop.kind is PropKind.CHAIR for prop in figure.props):
        return
    for _, offset in placed:
        x, y = offset.real, offset.imag
        half = SEAT_WIDTH / 2
        canvas.add("rect", "sg-prop", **_rect(canvas, x - half, y - 4, x + half, y + body.THIGH * 0.9))
        canvas.path("sg-prop", [complex(x - half, y - 7), complex(x + half, y - 7)], props.PROP_STROKE)


def _mat_span(skeletons: list[Skeleton], figure: Figure) -> tuple[float, float]:
    spans = [_x_extent(s, figure) for s in skeletons]
    return min(s[0] for s in spans) - 2, max(s[1] for s in spans) + 2


def _rect(canvas: Canvas, x0: float, y0: float, x1: float, y1: float) -> dict[str, str]:
    """A rectangle's attributes from two corners, in y-up units."""
    (ax, ay), (bx, by) = canvas.xy(complex(x0, y0)), canvas.xy(complex(x1, y1))
    left, right = sorted((float(ax), float(bx)))
    top, bottom = sorted((float(ay), float(by)))
    return {
        "x": num(left),
        "y": num(top),
        "width": num(right - left),
        "height": num(bottom - top),
        "rx": "0.8",
    }


#: What each view draws under the body: props standing on the floor, or lying under it.
_PROP_DRAWERS: dict[View, Callable[[Canvas, Figure, list[tuple[Skeleton, Point]]], None]] = {
    View.SIDE: _draw_props,
    View.FRONT: _draw_props,
    View.ABOVE: _draw_pillows_below,
    View.TOP: _draw_seat_below,
    View.PELVIS: _draw_props,
    View.CLOCK: lambda canvas, figure, placed: None,  # a close-up: no mat, no pillow
}


def _draw_moving(canvas: Canvas, skeleton: Skeleton, figure: Figure, shows_nerve: bool) -> None:
    """The body in one position, with the nerve's path when it is shown."""
    _draw_body(canvas, skeleton, figure)
    if shows_nerve:
        _draw_nerve(canvas, skeleton, figure.side)


#: The geometry of one drawn shape: a path's d, or a circle's centre.
_GEOMETRY = re.compile(r' d="([^"]*)"| cx="([^"]*)" cy="([^"]*)"')


def _frames(figure: Figure, shows_nerve: bool) -> tuple[str, list[float]]:
    """Every step of each move the figure makes, and the bounds of them all.

    Each different pair of stills the route joins gets one group, "a b:" then its steps from
    a to b ("|" between steps), the joint angles turned in even steps; a move from b to a
    plays the group backwards. A step lists its shapes' geometry in the order the live body
    draws them (";" between shapes; empty where a shape is as it was in the step before,
    and "=k" where it repeats shape k, as a halo repeats its limb).
    """
    stills, route = figure.stills(), figure.route()
    pairs: list[tuple[int, int]] = []
    for a, b in zip(route, route[1:] + route[:1], strict=True):
        if a != b and (a, b) not in pairs and (b, a) not in pairs:
            pairs.append((a, b))
    bounds = Canvas().bounds
    groups = []
    for a, b in pairs:
        steps: list[str] = []
        previous: list[str] = []
        for i in range(STEPS + 1):
            scratch = Canvas(mirror=figure.facing is Facing.LEFT)
            pose = _between(stills[a], stills[b], i / STEPS)
            _draw_moving(scratch, place(pose, figure.view), figure, shows_nerve)
            bounds = _union(bounds, scratch.bounds)
            step, previous = _step(scratch.parts, previous)
            steps.append(step)
        groups.append(f"{a} {b}:" + "|".join(steps))
    return "/".join(groups), bounds


def _union(a: list[float], b: list[float]) -> list[float]:
    """Bounds (x0, y0, x1, y1) holding both."""
    return [min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3])]


def _step(parts: list[str], previous: list[str]) -> tuple[str, list[str]]:
    """One step's shapes as geometry, and that geometry in full for the next step. A shape
    the same as in the step before is left empty; one the same as an earlier shape of this
    step is written "=k"."""
    geometry = [m[1] or f"{m[2]} {m[3]}" for m in map(_GEOMETRY.search, parts) if m]
    out: list[str] = []
    for index, shape in enumerate(geometry):
        if index < len(previous) and previous[index] == shape:
            out.append("")
        elif (first := geometry.index(shape)) < index:
            out.append(f"={first}")
        else:
            out.append(shape)
    return ";".join(out), geometry


def _between(a: Pose, b: Pose, t: float) -> Pose:
    """The pose a share t of the way from a to b, every joint angle turned evenly."""
    angles = {name: va + (getattr(b.angles, name) - va) * t for name, va in a.angles}
    hips = (a.hips[0] + (b.hips[0] - a.hips[0]) * t, a.hips[1] + (b.hips[1] - a.hips[1]) * t)
    return Pose(hips=hips, angles=Angles(**angles))


def _near_side(figure: Figure) -> BodySide:
    """In a side view the reader sees the figure's left when it faces right."""
    return BodySide.LEFT if figure.facing is Facing.RIGHT else BodySide.RIGHT


def _draw_body(canvas: Canvas, skeleton: Skeleton, figure: Figure) -> None:
    """The far limbs paler, behind; the trunk and head, with an eye toward the face; the
    near limbs in front, each edged in the background colour; a hand at each arm's end."""
    far = [chain for chain in skeleton.chains if _is_far(chain, figure)]
    with canvas.group("sg-far"):
        for chain in far:
            _draw_limb(canvas, skeleton, chain, halo=False)
    for chain in skeleton.chains:
        if chain.side is None and chain not in far:
            canvas.path("sg-limb", skeleton.points(chain), chain.width)
    if figure.view is View.PELVIS:
        _draw_spine(canvas, skeleton)
    elif figure.view is View.CLOCK:
        _draw_clock(canvas, skeleton)
    else:
        canvas.circle("sg-head", skeleton.joints["head"], body.HEAD_RADIUS)
    for eye in _eyes(skeleton, figure.view):
        canvas.circle("sg-eye", eye, EYE_RADIUS)
    for chain in skeleton.chains:
        if chain.side is not None and chain not in far:
            _draw_limb(canvas, skeleton, chain, halo=True)
    if PropKind.STRAP in {p.kind for p in figure.props}:
        side = figure.side.value
        hand = skeleton.joints[f"{_near_side(figure).value}_hand"]
        sole = (skeleton.joints[f"{side}_heel"] + skeleton.joints[f"{side}_toes"]) / 2
        canvas.path("sg-strap", [hand, sole + skeleton.directions[f"{side}_shank"] * 3], 1.4)


def _is_far(chain: Chain, figure: Figure) -> bool:
    """Drawn paler, behind: in a side view the limbs of the far side; from straight above,
    the hips and legs, under the shoulders and arms."""
    if figure.view is View.TOP:
        return chain.name == "pelvis" or chain.name.endswith(("_leg", "_foot"))
    if figure.view is View.CLOCK:
        return True  # a pale body under the clock face
    if figure.view is View.FRONT:
        return False
    return chain.side not in (None, _near_side(figure))


def _draw_limb(canvas: Canvas, skeleton: Skeleton, chain: Chain, halo: bool) -> None:
    """One limb's stroke (edged in the background colour when it is in front), and a hand."""
    points = skeleton.points(chain)
    hand = chain.name.endswith("_arm")
    if halo:  # its round end is wider than the hand, so it edges the hand too
        canvas.path("sg-halo", points, chain.width + 2 * HALO)
    canvas.path("sg-limb", points, chain.width)
    if hand:
        canvas.circle("sg-hand", points[-1], HAND_RADIUS)


def _draw_spine(canvas: Canvas, skeleton: Skeleton) -> None:
    """In a close-up, the curve of the lower back along the back of the trunk: flat, it lies
    on the mat; arched, it lifts off."""
    j, d = skeleton.joints, skeleton.directions
    edge = body.TRUNK_WIDTH / 2 - 1.2
    points = [
        j["hips"] + _back(skeleton, "pelvis") * edge - d["pelvis"] * 1.5,
        j["lumbar"] + (_back(skeleton, "pelvis") + _back(skeleton, "trunk")) / 2 * edge,
        j["chest"] + _back(skeleton, "trunk") * edge,
    ]
    canvas.smooth("sg-spine", points, SPINE_WIDTH)


def _draw_clock(canvas: Canvas, skeleton: Skeleton) -> None:
    """A clock face on the pelvis, 12 toward the head, and a dot on the point that sinks."""
    centre = skeleton.joints["hips"]
    canvas.circle("sg-dial", centre, DIAL_RADIUS)
    for hour, where in ((12, 1j), (3, 1), (6, -1j), (9, -1)):
        x, y = canvas.xy(centre + where * (DIAL_RADIUS + HOUR_GAP), 3)
        canvas.text("sg-hour", x, y, str(hour))
    canvas.circle("sg-sinks", skeleton.joints["sinks"], 2.2)


def _eyes(skeleton: Skeleton, view: View) -> list[Point]:
    """Where the eyes are: one toward the face in a side view (it shows which way the
    face points), two in a front view and from straight above; none lying seen from above."""
    if "head" not in skeleton.joints:
        return []
    head, neck = skeleton.joints["head"], skeleton.directions["neck"]
    level = head + neck * body.HEAD_RADIUS * 0.12
    if view is View.FRONT:
        across = rotate(neck, -90) * body.HEAD_RADIUS * 0.4
        return [level - across, level + across]
    if view is View.SIDE:
        return [level + rotate(neck, -90) * body.HEAD_RADIUS * 0.5]
    if view is View.TOP:  # the neck's direction is where the face points
        ahead, across = head + neck * body.HEAD_RADIUS * 0.45, rotate(neck, -90) * body.HEAD_RADIUS * 0.38
        return [ahead - across, ahead + across]
    return []


def _draw_nerve(canvas: Canvas, skeleton: Skeleton, side: BodySide) -> None:
    """The sciatic nerve's path down the back of the working leg, dashed for print."""
    j, d, back = skeleton.joints, skeleton.directions, skeleton.posterior
    s = side.value
    edge = body.LIMB_WIDTH / 2 + 1.3
    knee_back = (back[f"{s}_thigh"] + back[f"{s}_shank"]) / 2
    points = [
        j["lumbar"] + d["trunk"] * 2 + back["pelvis"] * (body.TRUNK_WIDTH / 2 + 1),
        j["hips"] + back["pelvis"] * (body.TRUNK_WIDTH / 2 + 1.3),
        j[f"{s}_hip"] + d[f"{s}_thigh"] * body.THIGH * 0.5 + back[f"{s}_thigh"] * edge,
        j[f"{s}_knee"] + knee_back / abs(knee_back) * edge,
        j[f"{s}_knee"] + d[f"{s}_shank"] * body.SHANK * 0.55 + back[f"{s}_shank"] * edge,
        j[f"{s}_ankle"] + back[f"{s}_shank"] * edge,
    ]
    canvas.smooth("sg-nerve", points, NERVE_WIDTH)


def _back(skeleton: Skeleton, name: str) -> Point:
    return skeleton.posterior.get(name, 0j)


def _low_back(sk: Skeleton, side: str) -> Point:
    return sk.joints["lumbar"] + sk.directions["trunk"] * 3 + _back(sk, "trunk") * 2


def _pelvis(sk: Skeleton, side: str) -> Point:
    return (sk.joints["hips"] + sk.joints["lumbar"]) / 2


def _buttock(sk: Skeleton, side: str) -> Point:
    return sk.joints["hips"] + _back(sk, "pelvis") * 3.5 + sk.directions["pelvis"] * 1.5


def _back_of_thigh(sk: Skeleton, side: str) -> Point:
    return (
        sk.joints[f"{side}_hip"]
        + sk.directions[f"{side}_thigh"] * body.THIGH * 0.5
        + _back(sk, f"{side}_thigh")
    )


def _calf(sk: Skeleton, side: str) -> Point:
    return (
        sk.joints[f"{side}_knee"]
        + sk.directions[f"{side}_shank"] * body.SHANK * 0.3
        + _back(sk, f"{side}_shank")
    )


def _front_of_hip(sk: Skeleton, side: str) -> Point:
    return sk.joints["hips"] - _back(sk, "pelvis") * 3 + sk.directions["pelvis"] * 2


def _belly(sk: Skeleton, side: str) -> Point:
    return sk.joints["lumbar"] + sk.directions["trunk"] * 4 - _back(sk, "trunk") * 2


#: Where each highlightable part sits on a side-view figure (a lookup table, not a ladder).
LANDMARKS: dict[DiagramPart, Callable[[Skeleton, str], Point]] = {
    DiagramPart.LUMBAR_VERTEBRAE: _low_back,
    DiagramPart.DISCS: _low_back,
    DiagramPart.SPINAL_CANAL: _low_back,
    DiagramPart.NERVE_ROOTS: _low_back,
    DiagramPart.BACK_MUSCLES: _low_back,
    DiagramPart.PELVIS: _pelvis,
    DiagramPart.PIRIFORMIS: _buttock,
    DiagramPart.DEEP_HIP_ROTATORS: _buttock,
    DiagramPart.GLUTEAL_MUSCLES: _buttock,
    DiagramPart.HAMSTRINGS: _back_of_thigh,
    DiagramPart.SCIATIC_NERVE: _back_of_thigh,
    DiagramPart.TIBIAL_NERVE: _calf,
    DiagramPart.COMMON_FIBULAR_NERVE: _calf,
    DiagramPart.HIP_FLEXORS: _front_of_hip,
    DiagramPart.CORE_MUSCLES: _belly,
}
NERVE_PARTS = {DiagramPart.SCIATIC_NERVE, DiagramPart.TIBIAL_NERVE, DiagramPart.COMMON_FIBULAR_NERVE}


def _draw_targets(
    canvas: Canvas, skeleton: Skeleton, targets: list[DiagramPart], figure: Figure, nerve_drawn: bool
) -> bool:
    """A soft dotted disc where the reader should feel the exercise (behind the body)."""
    if figure.view in (View.TOP, View.CLOCK):
        return False  # from straight above, the back it works is under the body
    spots: list[Point] = []
    for part in targets:
        if nerve_drawn and part in NERVE_PARTS:
            continue  # the nerve line itself marks it
        spot = LANDMARKS[part](skeleton, figure.side.value)
        if all(abs(spot - other) > TARGET_RADIUS for other in spots):
            spots.append(spot)
    for spot in spots:
        canvas.circle("sg-target", spot, TARGET_RADIUS)
    return bool(spots)


def _arrow_between(canvas: Canvas, slots: list[tuple[Skeleton, Point]]) -> None:
    """A straight arrow across each gap between poses side by side in a row (the numbers
    carry the order on to the next row)."""
    for (before, b_at), (after, a_at) in itertools.pairwise(slots):
        if b_at.imag != a_at.imag:
            continue
        before, after = before.move(b_at), after.move(a_at)
        (b_low, b_high), (a_low, a_high) = _body_span(before), _body_span(after)
        if a_low > b_low:
            start, end = b_high + 2, a_low - 2
        else:  # laid out right to left for a figure facing left
            start, end = b_low - 2, a_high + 2
        joints = [*before.joints.values(), *after.joints.values()]
        y = sum(p.imag for p in joints) / len(joints)
        a, b = complex(start, y), complex(end, y)
        _arrow(canvas, a, (a + b) / 2, b)


def _arrow(canvas: Canvas, start: Point, control: Point, end: Point) -> None:
    tangent = (end - control) / abs(end - control)
    tip_base = end - tangent * 3.2
    canvas.curve("sg-arrow", start, control, tip_base, ARROW_WIDTH)
    side = rotate(tangent, 90) * 2.4
    canvas.polygon("sg-arrowhead", [end, tip_base + side, tip_base - side])


def _draw_bed(canvas: Canvas) -> None:
    """Seen from above, a mattress under everything drawn (added last, drawn first)."""
    x0, y0, x1, y1 = canvas.bounds
    left, right = (-x1, -x0) if canvas.mirror else (x0, x1)
    # Canvas bounds are in SVG coordinates (y down); _rect takes body units (y up).
    m = BED_MARGIN
    canvas.add("rect", "sg-bed", **_rect(canvas, left - m, -y1 - m, right + m, -y0 + m))
    canvas.send_to_back()


def _draw_floors(canvas: Canvas, figure: Figure, slots: list[tuple[Skeleton, Point]]) -> None:
    """A floor line under each row of poses, as wide as the drawing (added last, drawn first)."""
    x0, _, x1, _ = canvas.bounds
    left, right = (-x1, -x0) if canvas.mirror else (x0, x1)
    for y in sorted({offset.imag for _, offset in slots}, reverse=True):
        canvas.path("sg-floor", [complex(left - 2, y), complex(right + 2, y)], 1.0)
        canvas.send_to_back()
